/**
 * Suppression comments:
 *   x = Workspace.from_config()  # amlint: disable=AML101 -- reason
 *   # amlint: disable-next-line=AML101,AML002
 *   # amlint: disable-file=AML100          (whole file or notebook)
 * Without `=CODES` a directive covers every rule. Codes may be prefixes (`AML1`).
 */
import type { DocumentInput, Location, Position, TextEdit } from './types';

export type SuppressionKind = 'line' | 'next-line' | 'file';

export interface Suppression {
  kind: SuppressionKind;
  /** Rule codes or prefixes; empty = all rules. */
  codes: string[];
  reason?: string;
  /** Where the comment is (document coordinates). */
  location: Location;
}

const DIRECTIVE = /#\s*amlint:\s*(disable-next-line|disable-file|disable)\b(?:\s*=\s*([A-Za-z0-9_, ]*[A-Za-z0-9_]))?(?:\s*--\s*(.*))?/;

/** Parses the directive in one comment's text (from `#` to end of line), if any. */
export function parseDirective(comment: string): Omit<Suppression, 'location'> | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const kind: SuppressionKind = m[1] === 'disable' ? 'line' : m[1] === 'disable-next-line' ? 'next-line' : 'file';
  const codes = (m[2] ?? '').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  const reason = m[3]?.trim() || undefined;
  return { kind, codes, reason };
}

/** Finds directives in Python comments of a text, line by line (0-based lines). */
export function parseSuppressions(text: string): Array<Omit<Suppression, 'location'> & { line: number; character: number }> {
  const out: Array<Omit<Suppression, 'location'> & { line: number; character: number }> = [];
  text.split('\n').forEach((line, i) => {
    const at = line.indexOf('#');
    if (at < 0 || !line.includes('amlint')) return;
    const d = parseDirective(line.slice(at));
    if (d) out.push({ ...d, line: i, character: at });
  });
  return out;
}

export function matchesCode(codes: string[], code: string): boolean {
  return codes.length === 0 || codes.some((c) => code.startsWith(c));
}

/** Does a suppression cover a finding of `code` starting at `at`? */
export function suppresses(s: Suppression, code: string, at: Location): boolean {
  if (!matchesCode(s.codes, code)) return false;
  if (s.kind === 'file') return true;
  if (s.location.cell !== at.cell) return false;
  const line = s.location.range.start.line + (s.kind === 'next-line' ? 1 : 0);
  return at.range.start.line === line;
}

function linesOf(input: DocumentInput, cell: number | undefined): string[] | undefined {
  if (input.kind !== 'notebook') return input.text.split('\n');
  if (cell === undefined) return undefined;
  return input.cells[cell]?.text.split('\n');
}

function edit(cell: number | undefined, at: Position, newText: string): TextEdit {
  return { cell, range: { start: at, end: at }, newText };
}

/**
 * The edit that suppresses `code` at a finding: for 'line', a `# amlint: disable=CODE`
 * comment at the end of the finding's line (or a `disable-next-line` comment above it when the
 * line ends with a backslash continuation); for 'file', a `# amlint: disable-file=CODE` line at
 * the top (after a shebang/encoding line; in a notebook, in its first code cell). An existing
 * directive of the same kind on that line gets the code added instead.
 */
export function suppressionEdit(input: DocumentInput, at: Location & { code: string }, scope: 'line' | 'file'): TextEdit | undefined {
  if (scope === 'file') {
    const cell = input.kind === 'notebook' ? input.cells.findIndex((c) => c.kind === 'code') : undefined;
    if (cell === -1) return undefined;
    const lines = linesOf(input, cell) ?? [];
    let line = 0;
    while (line < lines.length && line < 2 && /^#(!|.*coding[:=])/.test(lines[line])) line++;
    for (let i = 0; i < lines.length; i++) {
      const m = /#\s*amlint:\s*disable-file\s*=\s*([A-Za-z0-9_, ]*[A-Za-z0-9_])/.exec(lines[i]);
      if (m && !m[1].toUpperCase().split(/\s*,\s*/).includes(at.code)) {
        const endOfCodes = m.index + m[0].length;
        return edit(cell, { line: i, character: endOfCodes }, `,${at.code}`);
      }
    }
    return edit(cell, { line, character: 0 }, `# amlint: disable-file=${at.code}\n`);
  }
  const lines = linesOf(input, at.cell);
  if (!lines) return undefined;
  const lineNo = at.range.start.line;
  const text = (lines[lineNo] ?? '').replace(/\r$/, '');
  const existing = /#\s*amlint:\s*disable\s*=\s*([A-Za-z0-9_, ]*[A-Za-z0-9_])/.exec(text);
  if (existing) return edit(at.cell, { line: lineNo, character: existing.index + existing[0].length }, `,${at.code}`);
  if (/\\\s*$/.test(text)) {
    const indent = /^\s*/.exec(text)![0];
    return edit(at.cell, { line: lineNo, character: 0 }, `${indent}# amlint: disable-next-line=${at.code}\n`);
  }
  return edit(at.cell, { line: lineNo, character: text.length }, `  # amlint: disable=${at.code}`);
}
