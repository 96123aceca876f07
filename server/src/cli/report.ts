/**
 * Lint results in ESLint's shape, and the `json` and `stylish` formatters.
 *
 * ESLint message: `{ruleId, severity, message, line, column, endLine, endColumn}`, 1-based
 * (column = LSP character + 1), severity 2 for errors and 1 for everything else. Notebook
 * messages add `cell`: the 1-based index of the cell among all cells (markdown included); their
 * line and column count inside that cell. A file that cannot be linted gets one message
 * `{ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1}`.
 */
import type { DocumentInput, Finding, Fix, Severity } from '../engine';
import { UNUSED_DIRECTIVE } from '../engine/suppressions';

export interface LintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Notebooks only: 1-based index among all cells. */
  cell?: number;
  fatal?: true;
  /** ESLint's fix: the safe fix as one replacement (offsets into the file, or into the cell). */
  fix?: EslintFix;
  /** ESLint's suggestions: fixes that are offered, never applied by `--fix` alone. */
  suggestions?: Array<{ desc: string; fix: EslintFix }>;
}

export interface EslintFix {
  range: [number, number];
  text: string;
  /**
   * Notebooks only, when the fix edits more than one cell (a rewrite in one cell and the
   * imports it needs beside the notebook's first import): every cell's edit, 1-based `cell`
   * and `range` into that cell's source, the message's own cell included. `range`/`text` above
   * are that own cell's edit; apply all of `cells` or nothing.
   */
  cells?: Array<{ cell: number; range: [number, number]; text: string }>;
}

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
}

/** A message plus what the formatters need that ESLint's JSON does not carry. */
export interface ReportedMessage {
  json: LintMessage;
  /** The engine's severity word ('error' | 'warning' | 'info' | 'hint'). */
  level: Severity;
  /** The finding behind the message (absent for fatal and loader messages); used by sarif/github/statistics. */
  finding?: Finding;
}

export interface ReportedFile {
  filePath: string;
  /** How the path is shown in stylish output (relative to the working directory when inside it). */
  displayPath: string;
  messages: ReportedMessage[];
}

export function severityNumber(s: Severity): 1 | 2 {
  return s === 'error' ? 2 : 1;
}

/** One replacement covering every edit of a fix in one text (ESLint merges a fix's edits the same way). */
function mergeInText(edits: Fix['edits'], text: string): { range: [number, number]; text: string } {
  const starts = [0];
  // A lone '\r' ends a line too (engine positions count lines as editors do).
  for (let i = 0; i < text.length; i++) if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  const off = (p: { line: number; character: number }): number => (starts[p.line] ?? text.length) + p.character;
  const abs = edits.map((e) => ({ start: off(e.range.start), end: off(e.range.end), text: e.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  for (let i = 0; i < abs.length; i++) {
    out += abs[i].text;
    if (i + 1 < abs.length) out += text.slice(abs[i].end, abs[i + 1].start);
  }
  return { range: [abs[0].start, abs[abs.length - 1].end], text: out };
}

/**
 * A fix as ESLint's `{ range, text }`. In a notebook, offsets are into the cell's source; a fix
 * spanning cells also lists each cell's edit in `cells` (see EslintFix).
 */
function mergeEdits(fix: Fix, input: DocumentInput | undefined, ownCell: number | undefined): EslintFix | undefined {
  if (!input || !fix.edits.length) return undefined;
  if (input.kind !== 'notebook') return fix.edits.some((e) => e.cell !== undefined) ? undefined : mergeInText(fix.edits, input.text);
  const byCell = new Map<number, Fix['edits']>();
  for (const e of fix.edits) {
    const text = e.cell === undefined ? undefined : input.cells[e.cell]?.text;
    if (text === undefined) return undefined;
    byCell.set(e.cell!, [...(byCell.get(e.cell!) ?? []), e]);
  }
  const cells = [...byCell].sort(([a], [b]) => a - b).map(([cell, edits]) => ({ cell: cell + 1, ...mergeInText(edits, input.cells[cell]!.text) }));
  const own = cells.find((c) => c.cell - 1 === ownCell) ?? cells[0]!;
  return cells.length === 1 ? { range: own.range, text: own.text } : { range: own.range, text: own.text, cells };
}

export function findingToMessage(f: Finding, input?: DocumentInput): ReportedMessage {
  const json: LintMessage = {
    // Unused `# amlint: disable` directives are not rule findings: ESLint reports them with ruleId null.
    ruleId: f.code === UNUSED_DIRECTIVE ? null : f.code,
    severity: severityNumber(f.severity),
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
  if (f.cell !== undefined) json.cell = f.cell + 1;
  const safe = f.fixes?.find((x) => x.safety === 'safe');
  const merged = safe && mergeEdits(safe, input, f.cell);
  if (merged) json.fix = merged;
  const suggestions = (f.fixes ?? []).filter((x) => x.safety === 'suggestion').flatMap((x) => {
    const m = mergeEdits(x, input, f.cell);
    return m ? [{ desc: x.title, fix: m }] : [];
  });
  if (suggestions.length) json.suggestions = suggestions;
  return { json, level: f.severity, finding: f };
}

export function fatalMessage(message: string): ReportedMessage {
  return { json: { ruleId: null, fatal: true, severity: 2, message, line: 1, column: 1 }, level: 'error' };
}

/** Document order: cell, then line, then column (like ESLint's sort by line/column). */
export function compareMessages(a: ReportedMessage, b: ReportedMessage): number {
  const x = a.json;
  const y = b.json;
  return (
    (x.cell ?? 0) - (y.cell ?? 0) ||
    x.line - y.line ||
    x.column - y.column ||
    (x.endLine ?? x.line) - (y.endLine ?? y.line) ||
    (x.endColumn ?? x.column) - (y.endColumn ?? y.column) ||
    (x.ruleId ?? '').localeCompare(y.ruleId ?? '')
  );
}

export function toFileResult(r: ReportedFile): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fatalErrorCount = 0;
  for (const { json } of r.messages) {
    if (json.severity === 2) errorCount++;
    else warningCount++;
    if (json.fatal) fatalErrorCount++;
  }
  return {
    filePath: r.filePath,
    messages: r.messages.map((m) => m.json),
    errorCount,
    warningCount,
    fatalErrorCount,
  };
}

export interface Totals {
  errors: number;
  warnings: number;
}

export function totals(results: readonly FileResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
  }
  return { errors, warnings };
}

export function formatJson(files: readonly ReportedFile[]): string {
  return JSON.stringify(files.map(toFileResult)) + '\n';
}

/** The colour functions stylish output uses (picocolors' Colors, or identity functions). */
export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  blue(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

const MAX_MESSAGE_PAD = 80;

function pluralize(word: string, n: number): string {
  return n === 1 ? word : `${word}s`;
}

/** Display width; good enough for the ASCII that positions, levels and codes use. */
function width(s: string): number {
  return [...s].length;
}

function padEnd(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/**
 * ESLint's stylish format:
 *
 *   examples/train_v1.py
 *     3:1   warning  `Workspace.from_config` is SDK v1; use ...  AML101
 *
 *   ✖ 1 problem (0 errors, 1 warning)
 *
 * Notebook rows show `cell N line:col`. Files without messages are not listed.
 */
export function formatStylish(files: readonly ReportedFile[], c: Palette): string {
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    if (file.messages.length === 0) continue;
    const rows = file.messages.map(({ json, level }) => {
      if (json.severity === 2) errors++;
      else warnings++;
      const pos = `${json.cell !== undefined ? `cell ${json.cell} ` : ''}${json.line}:${json.column}`;
      const message = json.message.replace(/\s*\n\s*/g, ' ').replace(/([^ .])\.$/, '$1');
      return { pos, level: json.fatal ? 'error' : level, message, rule: json.ruleId ?? '' };
    });
    const wPos = Math.max(...rows.map((r) => width(r.pos)));
    const wLevel = Math.max(...rows.map((r) => width(r.level)));
    // Codes line up after the messages, but a very long message does not push every code of
    // the file far to the right: messages are padded to at most MAX_MESSAGE_PAD columns.
    const wMsg = Math.min(MAX_MESSAGE_PAD, Math.max(...rows.map((r) => width(r.message))));
    out += `\n${c.underline(file.displayPath)}\n`;
    for (const r of rows) {
      const levelText = padEnd(r.level, wLevel);
      const coloured =
        r.level === 'error' ? c.red(levelText)
        : r.level === 'warning' ? c.yellow(levelText)
        : r.level === 'info' ? c.cyan(levelText)
        : c.blue(levelText);
      const line = `  ${c.dim(padEnd(r.pos, wPos))}  ${coloured}  ${r.rule ? padEnd(r.message, wMsg) : r.message}${
        r.rule ? `  ${c.dim(r.rule)}` : ''
      }`;
      out += line.replace(/\s+$/, '') + '\n';
    }
  }
  const total = errors + warnings;
  if (total > 0) {
    const summary =
      `\u2716 ${total} ${pluralize('problem', total)} ` +
      `(${errors} ${pluralize('error', errors)}, ${warnings} ${pluralize('warning', warnings)})`;
    out += `\n${c.bold(errors > 0 ? c.red(summary) : c.yellow(summary))}\n`;
  }
  return out;
}
