/**
 * Applying fixes to a document, as `--fix` and editor fix-all do: pick the fixes of a pass that
 * do not touch each other, apply them, re-lint, and repeat until nothing changes (a rewrite
 * that introduces `ml_client` lets the next pass reuse it instead of adding another).
 */
import { lint } from './analyse';
import type { DocumentInput, EngineSettings, Finding, Fix, TextEdit } from './types';

export interface FixOptions {
  /** Also apply `suggestion` fixes (the CLI's `--unsafe-fixes`). */
  unsafe?: boolean;
  /** Upper bound on lint-and-fix passes. */
  maxPasses?: number;
}

export interface FixResult {
  output: DocumentInput;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings left after the last pass. */
  findings: Finding[];
  /** Set when the last pass could not analyse the document (see LintResult.fatal). */
  fatal?: string;
}

/**
 * Offsets of each line start in a text. '\r\n', '\n' and a lone '\r' end a line, as for
 * editors and for the source model (see normaliseLoneCR).
 */
export function lineOffsets(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) out.push(i + 1);
  }
  return out;
}

/** An edit as offsets into its text: the cell's, or the file's (`cell` -1). */
export interface AbsEdit {
  cell: number;
  start: number;
  end: number;
  newText: string;
}

function textOf(input: DocumentInput, cell: number | undefined): string | undefined {
  if (input.kind !== 'notebook') return cell === undefined ? input.text : undefined;
  return cell === undefined ? undefined : input.cells[cell]?.text;
}

/** Edits as offsets into their text (cell or file); undefined if any position is out of range. */
export function absolute(input: DocumentInput, edits: TextEdit[], offsets: Map<number, number[]> = new Map()): AbsEdit[] | undefined {
  const out: AbsEdit[] = [];
  for (const e of edits) {
    const text = textOf(input, e.cell);
    if (text === undefined) return undefined;
    const key = e.cell ?? -1;
    let lines = offsets.get(key);
    if (!lines) offsets.set(key, (lines = lineOffsets(text)));
    const at = (p: { line: number; character: number }): number | undefined => {
      if (p.line === lines!.length) return p.character === 0 ? text.length : undefined;
      const start = lines![p.line];
      if (start === undefined) return undefined;
      const next = p.line + 1 < lines!.length ? lines![p.line + 1] : text.length + 1;
      return start + p.character < next ? start + p.character : undefined;
    };
    const start = at(e.range.start);
    const end = at(e.range.end);
    if (start === undefined || end === undefined || end < start) return undefined;
    out.push({ cell: key, start, end, newText: e.newText });
  }
  return out;
}

function touches(a: AbsEdit, b: AbsEdit): boolean {
  return a.cell === b.cell && a.start <= b.end && b.start <= a.end;
}

/** Inserts whole lines (the imports and `ml_client` line fixes add at one insertion point). */
function insertsLines(e: AbsEdit): boolean {
  return e.start === e.end && e.newText.endsWith('\n');
}

/** Two fixes adding lines at the same point do not conflict: the lines are merged. */
function mergeable(a: AbsEdit, b: AbsEdit): boolean {
  return a.cell === b.cell && a.start === b.start && insertsLines(a) && insertsLines(b);
}

const isImport = (line: string): boolean => /^(?:import|from)\s/.test(line);

/** The union of line insertions at one point: each line once, imports first. */
export function mergeInsertions(edits: AbsEdit[]): AbsEdit[] {
  const out: AbsEdit[] = [];
  for (const e of edits) {
    const same = insertsLines(e) ? out.find((o) => mergeable(o, e)) : undefined;
    if (!same) {
      out.push({ ...e });
      continue;
    }
    const lines = [...same.newText.slice(0, -1).split('\n')];
    for (const l of e.newText.slice(0, -1).split('\n')) if (!lines.includes(l)) lines.push(l);
    same.newText = [...lines.filter(isImport), ...lines.filter((l) => !isImport(l))].map((l) => `${l}\n`).join('');
  }
  return out;
}

/**
 * A deletion of the first lines of a cell (or file), such as an import removed, also takes the
 * blank lines that followed them, so the cell does not start with an empty line; not when another
 * edit is there (lines inserted in their place keep their blank line before the code).
 */
function leadingBlanks(text: string, e: AbsEdit, all: readonly AbsEdit[]): void {
  if (e.newText !== '' || e.end <= e.start || text.slice(0, e.start).trim() !== '' || text[e.end - 1] !== '\n') return;
  const blank = /^(?:[ \t]*(?:\r\n|\n|\r))+/.exec(text.slice(e.end));
  if (!blank || e.end + blank[0].length >= text.length) return;
  const end = e.end + blank[0].length;
  if (all.some((o) => o !== e && o.cell === e.cell && o.start <= end && o.end >= e.start)) return;
  e.end = end;
}

function applyToText(text: string, edits: AbsEdit[]): string {
  let out = text;
  // From the end; at one offset the replacement before the insertion, so the inserted lines
  // land in front of the replaced code instead of being replaced themselves.
  for (const e of [...edits].sort((x, y) => y.start - x.start || y.end - x.end)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export interface Applied {
  output: DocumentInput;
  /** How many of the fixes were applied. */
  applied: number;
  /** The fixes applied, in the order given. */
  fixes: Fix[];
  /** The edits made, as offsets into the input's texts (line insertions at one point merged). */
  edits: AbsEdit[];
}

/** Applies non-overlapping fixes once; returns the new document and what was applied. */
export function applyFixes(input: DocumentInput, fixes: Fix[]): Applied {
  const offsets = new Map<number, number[]>();
  const chosen: AbsEdit[] = [];
  const used: Fix[] = [];
  for (const fix of fixes) {
    const edits = absolute(input, fix.edits, offsets);
    if (!edits || edits.some((e) => chosen.some((c) => touches(c, e) && !mergeable(c, e)))) continue;
    chosen.push(...edits);
    used.push(fix);
  }
  const applied = used.length;
  if (!applied) return { output: input, applied, fixes: used, edits: [] };
  chosen.splice(0, chosen.length, ...mergeInsertions(chosen));
  for (const e of chosen) {
    const text = textOf(input, e.cell < 0 ? undefined : e.cell);
    if (text !== undefined) leadingBlanks(text, e, chosen);
  }
  if (input.kind !== 'notebook') return { output: { ...input, text: applyToText(input.text, chosen) }, applied, fixes: used, edits: chosen };
  const cells = input.cells.map((c, i) => {
    const mine = chosen.filter((e) => e.cell === i);
    return mine.length ? { ...c, text: applyToText(c.text, mine) } : c;
  });
  return { output: { ...input, cells }, applied, fixes: used, edits: chosen };
}

/**
 * The fixes one pass applies: each finding's first (safe ones only unless `unsafe`), later
 * findings first: a rewrite of a use (`run.log(...)`) must happen before the rewrite of the
 * statement that made the object (`run = Run.get_context()`), which ends its tracking.
 */
export function firstPass(findings: readonly Finding[], unsafe: boolean): Fix[] {
  return [...findings].reverse().flatMap((f) => (f.fixes ?? []).filter((x) => x.safety === 'safe' || unsafe).slice(0, 1));
}

/** Lints and fixes until stable. Never throws on any input. */
export function fixDocument(input: DocumentInput, settings?: EngineSettings, options: FixOptions = {}): FixResult {
  let current = input;
  let total = 0;
  let result = lint(current, settings);
  let findings = result.findings;
  for (let pass = 0; pass < (options.maxPasses ?? 10); pass++) {
    const fixes = firstPass(findings, !!options.unsafe);
    if (!fixes.length) break;
    const { output, applied } = applyFixes(current, fixes);
    if (!applied) break;
    total += applied;
    current = output;
    result = lint(current, settings);
    findings = result.findings;
  }
  return result.fatal ? { output: current, applied: total, findings, fatal: result.fatal } : { output: current, applied: total, findings };
}
