/**
 * Suppression comments:
 *   x = Workspace.from_config()  # amlint: disable=AML101 -- reason
 *   # amlint: disable-next-line=AML101,AML002
 *   # amlint: disable-cell=AML101          (the notebook cell it is in; in a script, the cell between
 *                                           `# %%`, `# In[ ]:` or Databricks `# COMMAND ----------` lines)
 *   # amlint: disable-file=AML100          (whole file or notebook)
 * Without `=CODES` a directive covers every rule. Codes may be prefixes (`AML1`).
 */
import type { DocumentInput, Finding, Location, Position, SeveritySetting, TextEdit } from './types';

export type SuppressionKind = 'line' | 'next-line' | 'cell' | 'file';

export interface Suppression {
  kind: SuppressionKind;
  /** Rule codes or prefixes; empty = all rules. */
  codes: string[];
  reason?: string;
  /** Where the comment is (document coordinates). */
  location: Location;
  /**
   * For a `disable-cell` directive in a script (no notebook cell): the lines of the cell it is in, from the cell
   * marker line before it (or the first line) up to the next marker line, exclusive (scriptCellLines). None when the
   * script has no cell markers: the directive then covers nothing.
   */
  lines?: { from: number; to: number };
}

const DIRECTIVE = /#\s*amlint:\s*(disable-next-line|disable-file|disable-cell|disable)\b(?:\s*=\s*([A-Za-z0-9_, ]*[A-Za-z0-9_]))?(?:\s*--\s*(.*))?/;

/** Parses the directive in one comment's text (from `#` to end of line), if any. */
export function parseDirective(comment: string): Omit<Suppression, 'location'> | undefined {
  const m = DIRECTIVE.exec(comment);
  if (!m) return undefined;
  const kind: SuppressionKind = m[1] === 'disable' ? 'line' : m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-cell' ? 'cell' : 'file';
  const codes = (m[2] ?? '').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
  const reason = m[3]?.trim() || undefined;
  return { kind, codes, reason };
}

/** Finds directives in Python comments of a text, line by line (0-based lines). */
export function parseSuppressions(text: string): Array<Omit<Suppression, 'location'> & { line: number; character: number }> {
  const out: Array<Omit<Suppression, 'location'> & { line: number; character: number }> = [];
  text.split(LINE_BREAK).forEach((line, i) => {
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
  if (s.kind === 'cell') {
    if (s.location.cell !== undefined) return at.cell === s.location.cell;
    return !!s.lines && at.cell === undefined && at.range.start.line >= s.lines.from && at.range.start.line < s.lines.to;
  }
  if (s.location.cell !== at.cell) return false;
  const line = s.location.range.start.line + (s.kind === 'next-line' ? 1 : 0);
  return at.range.start.line === line;
}

/**
 * Lines as the engine counts them: '\n' and a lone '\r' end a line (a '\r' before '\n' stays at
 * the end of its line, as the callers expect). Issue 8: with old Mac line endings the whole
 * file was one line, so unused-directive fixes got edits past the end of their line.
 */
const LINE_BREAK = /\n|\r(?!\n)/;

/**
 * A line that starts a cell in a notebook kept as a script: `# %%` (VS Code, Jupytext's percent format, Spyder;
 * also `#%%` and `# %% [markdown]`), nbconvert's `# In[3]:` / `# In[ ]:`, and Databricks' `# COMMAND ----------`,
 * at the start of the line as VS Code's cell marker is. Lines are read as lines (a marker inside a triple-quoted string
 * starts a cell too, as it does for VS Code and Jupytext).
 */
const CELL_MARKER = /^#[ \t]*(?:%%|In\[[ \d]*\]:|COMMAND -{10})/;

/** The header lines a script's first lines may be, which must stay first: a shebang, an encoding declaration, Databricks' header. */
const HEADER_LINE = /^#(!|.*coding[:=])|^# Databricks notebook source/;

/**
 * Cell magics whose cell is still Python (the engine reads its code): a directive added under them works. Under any
 * other (`%%sh`, `%%bash`, `%%html`, ...) no Python is read, so a directive there would do nothing.
 */
const PYTHON_CELL_MAGIC = /^\s*%%(time|timeit|capture|writefile|prun|memit|debug)\b/;

/**
 * The cell of a script holding line `line` (0-based): from the marker line before it (or the first line) up to the
 * next marker line, exclusive. Undefined when the script has no cell marker.
 */
export function scriptCellLines(text: string, line: number): { from: number; to: number } | undefined {
  const lines = text.split(LINE_BREAK);
  if (!lines.some((l) => CELL_MARKER.test(l))) return undefined;
  let from = Math.min(line, lines.length - 1);
  while (from > 0 && !CELL_MARKER.test(lines[from])) from--;
  let to = Math.min(line, lines.length - 1) + 1;
  while (to < lines.length && !CELL_MARKER.test(lines[to])) to++;
  return { from, to };
}

function linesOf(input: DocumentInput, cell: number | undefined): string[] | undefined {
  if (input.kind !== 'notebook') return input.text.split(LINE_BREAK);
  if (cell === undefined) return undefined;
  return input.cells[cell]?.text.split(LINE_BREAK);
}

/** The line ending of the text an edit goes into ('\n' when it has none), for inserted lines. */
function eolOf(input: DocumentInput, cell: number | undefined): string {
  const text = input.kind !== 'notebook' ? input.text : cell === undefined ? '' : input.cells[cell]?.text ?? '';
  return /\r\n?|\n/.exec(text)?.[0] ?? '\n';
}

function edit(cell: number | undefined, at: Position, newText: string): TextEdit {
  return { cell, range: { start: at, end: at }, newText };
}

/** The first line from `from` (at most `limit`) past the header lines that must stay first (HEADER_LINE). */
function afterHeader(lines: string[], from: number, limit: number): number {
  let line = from;
  while (line < limit && HEADER_LINE.test(lines[line])) line++;
  return line;
}

/** An edit adding `code` to the first `# amlint: <word>=CODES` directive of lines [from, to) that lacks it. */
function extendDirective(lines: string[], from: number, to: number, word: 'disable-cell' | 'disable-file', cell: number | undefined, code: string): TextEdit | undefined {
  const directive = new RegExp(`#\\s*amlint:\\s*${word}\\s*=\\s*([A-Za-z0-9_, ]*[A-Za-z0-9_])`);
  for (let i = from; i < to; i++) {
    const m = directive.exec(lines[i]);
    if (m && !m[1].toUpperCase().split(/\s*,\s*/).includes(code)) return edit(cell, { line: i, character: m.index + m[0].length }, `,${code}`);
  }
  return undefined;
}

/**
 * The edit that suppresses `code` at a finding: for 'line', a `# amlint: disable=CODE`
 * comment at the end of the finding's line (or a `disable-next-line` comment above it when the
 * line ends with a backslash continuation); for 'file', a `# amlint: disable-file=CODE` line at
 * the top (after a shebang/encoding/Databricks header line; in a notebook, in its first code cell that does not start
 * with a cell magic); for 'cell', a
 * `# amlint: disable-cell=CODE` line at the top of the finding's notebook cell (after a `%%` cell magic, which must
 * stay first) or, in a script, right after the marker line of its cell (undefined in a script without markers).
 * An existing directive of the same kind (on that line; for 'file' and 'cell', in that file or cell) gets the code
 * added instead.
 */
export function suppressionEdit(input: DocumentInput, at: Location & { code: string }, scope: 'line' | 'cell' | 'file'): TextEdit | undefined {
  if (scope === 'cell') {
    const lines = linesOf(input, at.cell);
    if (!lines || (input.kind === 'notebook') !== (at.cell !== undefined)) return undefined;
    let span: { from: number; to: number } | undefined = { from: 0, to: lines.length };
    let top = 0;
    if (input.kind === 'notebook') {
      if (/^\s*%%/.test(lines[0] ?? '')) {
        if (!PYTHON_CELL_MAGIC.test(lines[0])) return undefined;
        top = 1;
      }
    } else {
      span = input.kind === 'python' ? scriptCellLines(input.text, at.range.start.line) : undefined;
      if (!span) return undefined;
      // After the marker line (the first cell of a script may have none: then after a shebang, encoding or header line).
      top = CELL_MARKER.test(lines[span.from] ?? '') ? span.from + 1 : afterHeader(lines, span.from, span.to - 1);
    }
    return extendDirective(lines, span.from, span.to, 'disable-cell', at.cell, at.code) ?? edit(at.cell, { line: top, character: 0 }, `# amlint: disable-cell=${at.code}${eolOf(input, at.cell)}`);
  }
  if (scope === 'file') {
    // In a notebook, the first code cell that does not start with a cell magic (a line above `%%sh` would break it).
    const cell = input.kind === 'notebook' ? input.cells.findIndex((c) => c.kind === 'code' && !/^\s*%%/.test(c.text)) : undefined;
    if (cell === -1) return undefined;
    const lines = linesOf(input, cell) ?? [];
    const line = afterHeader(lines, 0, Math.min(lines.length, 2));
    return extendDirective(lines, 0, lines.length, 'disable-file', cell, at.code) ?? edit(cell, { line, character: 0 }, `# amlint: disable-file=${at.code}${eolOf(input, cell)}`);
  }
  const lines = linesOf(input, at.cell);
  if (!lines) return undefined;
  const lineNo = at.range.start.line;
  const text = (lines[lineNo] ?? '').replace(/\r$/, '');
  const existing = /#\s*amlint:\s*disable\s*=\s*([A-Za-z0-9_, ]*[A-Za-z0-9_])/.exec(text);
  if (existing) return edit(at.cell, { line: lineNo, character: existing.index + existing[0].length }, `,${at.code}`);
  if (/\\\s*$/.test(text)) {
    const indent = /^\s*/.exec(text)![0];
    return edit(at.cell, { line: lineNo, character: 0 }, `${indent}# amlint: disable-next-line=${at.code}${eolOf(input, at.cell)}`);
  }
  return edit(at.cell, { line: lineNo, character: text.length }, `  # amlint: disable=${at.code}`);
}

// ---- unused directives ------------------------------------------------------------------------

/**
 * The code of the findings that report an unused directive. It is not a rule code (rule codes
 * are `AMLnnn`): `select`/`ignore` do not apply to it, and the CLI's JSON output reports it as
 * ESLint does, with `ruleId: null`.
 */
export const UNUSED_DIRECTIVE = 'unused-directive';

/** Engine settings for unused-directive reporting (read by `lint()` next to EngineSettings). */
export interface DirectiveSettings {
  /** Report directives (or codes in them) that suppressed nothing, with this severity. Default 'off'. */
  reportUnusedDirectives?: SeveritySetting;
}

/** Which codes of each directive suppressed something ('*' for a directive without codes). */
export type DirectiveUse = Map<Suppression, Set<string>>;

/** Filters suppressed findings out, recording which directive (and which of its codes) was used. */
export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[], used: DirectiveUse): Finding[] {
  if (!suppressions.length) return findings;
  return findings.filter((f) => {
    let hidden = false;
    for (const s of suppressions) {
      if (!suppresses(s, f.code, f)) continue;
      hidden = true;
      let set = used.get(s);
      if (!set) used.set(s, (set = new Set()));
      if (s.codes.length === 0) set.add('*');
      for (const c of s.codes) if (f.code.startsWith(c)) set.add(c);
    }
    return !hidden;
  });
}

const DIRECTIVE_INDICES = new RegExp(DIRECTIVE.source, 'd');

function documentLines(input: DocumentInput, cell: number | undefined): string[] | undefined {
  return linesOf(input, cell);
}

/**
 * A finding for each directive that suppressed nothing, or for the codes of a directive that
 * suppressed nothing, with a safe fix that deletes the directive (the whole line when the
 * comment is alone on it) or the unused codes.
 *
 * A code counts as unused only when it is not a rule code at all (a typo) or when it names a
 * rule that ran on this file: a directive for a rule switched off by `select`/`ignore` or a
 * per-file ignore is not reported, so narrowing a run never flags directives.
 */
export function unusedDirectiveFindings(
  input: DocumentInput,
  suppressions: readonly Suppression[],
  used: DirectiveUse,
  severity: SeveritySetting | undefined,
  rule: { known: (selector: string) => boolean; enabled: (selector: string) => boolean },
): Finding[] {
  if (!severity || severity === 'off') return [];
  const out: Finding[] = [];
  for (const s of suppressions) {
    const hit = used.get(s);
    let unused: string[];
    if (s.codes.length === 0) {
      if (hit?.size) continue;
      unused = [];
    } else {
      unused = s.codes.filter((c) => !hit?.has(c) && (!rule.known(c) || rule.enabled(c)));
      if (!unused.length) continue;
    }
    const lines = documentLines(input, s.location.cell);
    const lineNo = s.location.range.start.line;
    const raw = lines?.[lineNo];
    if (raw === undefined) continue;
    const from = s.location.range.start.character;
    const m = DIRECTIVE_INDICES.exec(raw.slice(from));
    if (!m || !m.indices) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    const kindWord = s.kind === 'line' ? 'disable' : s.kind === 'next-line' ? 'disable-next-line' : s.kind === 'cell' ? 'disable-cell' : 'disable-file';
    const range = { start: { line: lineNo, character: start }, end: { line: lineNo, character: end } };
    const whole = s.codes.length === 0 || unused.length === s.codes.length;
    let message: string;
    if (s.codes.length === 0) {
      message = `Unused \`# amlint: ${kindWord}\` directive (no findings were suppressed).`;
    } else {
      const unknown = unused.filter((c) => !rule.known(c));
      const quiet = unused.filter((c) => rule.known(c));
      const parts: string[] = [];
      if (quiet.length) parts.push(`no ${quiet.join(', ')} finding${quiet.length === 1 ? ' was' : 's were'} suppressed`);
      if (unknown.length) parts.push(`${unknown.join(', ')} ${unknown.length === 1 ? 'is not a rule code' : 'are not rule codes'}`);
      message = `Unused \`# amlint: ${kindWord}\` directive${whole ? '' : ` code${unused.length === 1 ? '' : 's'}`} (${parts.join('; ')}).`;
    }
    let edit: TextEdit;
    if (whole) {
      const text = raw.replace(/\r$/, '');
      const before = text.slice(0, start);
      if (before.trim() === '') {
        // The comment is alone on its line: delete the line.
        if (lineNo + 1 < lines!.length) {
          edit = { cell: s.location.cell, range: { start: { line: lineNo, character: 0 }, end: { line: lineNo + 1, character: 0 } }, newText: '' };
        } else if (lineNo > 0) {
          const prev = lines![lineNo - 1].replace(/\r$/, '');
          edit = { cell: s.location.cell, range: { start: { line: lineNo - 1, character: prev.length }, end: { line: lineNo, character: text.length } }, newText: '' };
        } else {
          edit = { cell: s.location.cell, range: { start: { line: lineNo, character: 0 }, end: { line: lineNo, character: text.length } }, newText: '' };
        }
      } else {
        edit = { cell: s.location.cell, range: { start: { line: lineNo, character: before.replace(/\s+$/, '').length }, end: { line: lineNo, character: end } }, newText: '' };
      }
    } else {
      const [cs, ce] = m.indices[2]!;
      const kept = raw.slice(from + cs, from + ce).split(',').map((c) => c.trim()).filter((c) => c && !unused.includes(c.toUpperCase()));
      edit = { cell: s.location.cell, range: { start: { line: lineNo, character: from + cs }, end: { line: lineNo, character: from + ce } }, newText: kept.join(',') };
    }
    const f: Finding = {
      code: UNUSED_DIRECTIVE,
      message,
      severity,
      range,
      tags: ['unnecessary'],
      fixes: [{ title: whole ? 'Remove the unused amlint directive' : `Remove ${unused.join(', ')} from the amlint directive`, safety: 'safe', edits: [edit] }],
    };
    if (s.location.cell !== undefined) f.cell = s.location.cell;
    out.push(f);
  }
  return out;
}
