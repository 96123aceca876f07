/**
 * Chain suggestions. Some rewrites wait on another one: a v1 environment given to a training run
 * and to a deployment is rewritten with the run only once the deployment has taken its own copy;
 * `ws = Workspace.from_config()` is migrated with its uses once the last use without a rewrite
 * has gone with another object's rewrite. On the first lint such a finding has no fix, although
 * `--fix --unsafe-fixes` (fix.ts, which lints again after each pass) removes it on its second
 * pass. A chain suggestion offers that second-pass rewrite on the finding itself, as one edit of
 * the text as it is: the fewest first-pass fixes it waits on, then its own rewrite.
 *
 * How: apply the first fix of every finding (what the first pass of `fixDocument` applies), lint
 * the result, and look for the finding there (its range moved by the edits). If it now has a fix,
 * find which of the applied fixes it needs by leaving them out, halves first (a few lints for the
 * usual one or two), within a budget of lints; what the budget does not settle is kept, which
 * makes the suggestion larger but never wrong. The edits of the fixes kept and of the rewrite
 * (computed on the text those fixes make) are then composed into edits of the original text.
 *
 * Every part is a fix the rules offered for the text it was computed on, so the chain is exactly
 * what applying them one after the other does: a suggestion, or safe when every part is safe.
 *
 * Cost: each lint of a copy is most of a lint. To keep it down, a copy's trees are not parsed
 * but made from the original's (`splicedTree`: the statements a rewrite left alone are copied,
 * only the changed ones parsed: 1.5–4× cheaper than parsing), the copies' suggestions are built only for the
 * findings looked for (lint's `lazyFixes`), and a finding the first pass edits costs no lint.
 */
import { lint, sameFinding, type Analysis } from './analyse';
import { absolute, applyFixes, firstPass, lineOffsets, type AbsEdit, type Applied } from './fix';
import { lineStarts, positionAt } from './textfiles';
import { fixesOf } from './lazy-fixes';
import { parsePython } from './parser';
import { Anchor, moduleTree, SourceText, SyntaxNode, syntaxTree, type SyntaxTree } from './syntax';
import type { SourceModule } from './source/types';
import type { DocumentInput, EngineSettings, Finding, Fix, Position, TextEdit } from './types';

export interface ChainOptions {
  /** Only these findings (of `findings`) get chain suggestions; all without a fix by default. */
  targets?: readonly Finding[];
  /** Most lints spent on one document (each is one lint of a rewritten copy). */
  maxLints?: number;
  /** The analysis `findings` came from: the copies' trees are made from its trees (`splicedTree`). */
  analysis?: Analysis;
}

/** The lints a document may cost by default: the second pass plus a few per chain. */
const MAX_LINTS = 24;

function textOf(input: DocumentInput, cell: number): string {
  if (input.kind === 'notebook') return input.cells[cell]?.text ?? '';
  return input.text;
}

function offsetOf(lines: number[], text: string, p: Position): number {
  const start = lines[p.line];
  return start === undefined ? text.length : Math.min(start + p.character, text.length);
}

/** Line starts of each text of a document, computed once. */
class Texts {
  private readonly lines = new Map<number, number[]>();
  constructor(readonly input: DocumentInput) {}
  text(cell: number): string {
    return textOf(this.input, cell);
  }
  starts(cell: number): number[] {
    let l = this.lines.get(cell);
    if (!l) this.lines.set(cell, (l = lineOffsets(this.text(cell))));
    return l;
  }
  offset(cell: number, p: Position): number {
    return offsetOf(this.starts(cell), this.text(cell), p);
  }
  position(cell: number, offset: number): Position {
    return positionAt(this.starts(cell), offset);
  }
}

const cellKey = (f: { cell?: number }): number => f.cell ?? -1;

/** Names too common to relate two rewrites (chains.ts `relatedTo`). */
const COMMON = new Set(['print', 'self', 'True', 'False', 'None', 'import', 'from', 'as', 'in', 'for', 'if', 'else', 'not', 'and', 'or', 'is', 'def', 'return', 'with', 'ml_client', 'show_output', 'name', 'workspace']);
const delta = (e: AbsEdit): number => e.newText.length - (e.end - e.start);

/** Whether an edit overlaps the finding (it then has no place after the edits). */
function overlapped(f: Finding, before: Texts, edits: readonly AbsEdit[]): boolean {
  const cell = cellKey(f);
  const s = before.offset(cell, f.range.start);
  const e = before.offset(cell, f.range.end);
  return edits.some((x) => x.cell === cell && x.start < e && s < x.end);
}

/** Where a finding of the original text is after `edits`; undefined when an edit overlaps it. */
function moved(f: Finding, before: Texts, after: Texts, edits: readonly AbsEdit[]): Finding['range'] | undefined {
  if (overlapped(f, before, edits)) return undefined;
  const cell = cellKey(f);
  const s = before.offset(cell, f.range.start);
  const e = before.offset(cell, f.range.end);
  let ds = 0;
  let de = 0;
  for (const x of edits) {
    if (x.cell !== cell) continue;
    // An insertion at the finding's start goes before it, one at its end after it (fix.ts applyToText).
    if (x.end <= s) ds += delta(x);
    if (x.start < e && x.end <= e) de += delta(x);
  }
  return { start: after.position(cell, s + ds), end: after.position(cell, Math.max(s + ds, e + de)) };
}

/** The finding `f` of the original text among the findings of a rewritten copy, if it is still there. */
function counterpart(f: Finding, before: Texts, after: Texts, edits: readonly AbsEdit[], findings: readonly Finding[]): Finding | undefined {
  const range = moved(f, before, after, edits);
  return range && findings.find((g) => sameFinding(g, { ...f, range }));
}

/** The first fix of `f`'s counterpart among a copy's findings (built now if it was deferred). */
function fixAfter(f: Finding, before: Texts, after: Texts, edits: readonly AbsEdit[], findings: readonly Finding[]): Fix | undefined {
  const g = counterpart(f, before, after, edits, findings);
  return g && fixesOf(g)?.[0];
}

/**
 * The edits of the original text that make what `parts` (its edits, applied) and then `fix`
 * (edits of the resulting text `mid`) make: each run of touching edits becomes one edit.
 */
function compose(original: Texts, parts: readonly AbsEdit[], mid: Texts, fix: Fix): TextEdit[] | undefined {
  const second = absolute(mid.input, fix.edits);
  if (!second) return undefined;
  const cells = [...new Set([...parts.map((e) => e.cell), ...second.map((e) => e.cell)])].sort((a, b) => a - b);
  const out: TextEdit[] = [];
  for (const cell of cells) {
    // The first edits' output spans in the middle text.
    let shift = 0;
    const firsts = parts
      .filter((e) => e.cell === cell)
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((e) => {
        const span = { start: e.start + shift, end: e.start + shift + e.newText.length, delta: delta(e) };
        shift += span.delta;
        return span;
      });
    const seconds = second.filter((e) => e.cell === cell).sort((a, b) => a.start - b.start || a.end - b.end);
    const spans = [...firsts.map((x) => ({ start: x.start, end: x.end })), ...seconds.map((x) => ({ start: x.start, end: x.end }))].sort((a, b) => a.start - b.start || a.end - b.end);
    const runs: Array<{ start: number; end: number }> = [];
    for (const sp of spans) {
      const last = runs[runs.length - 1];
      if (last && sp.start <= last.end) last.end = Math.max(last.end, sp.end);
      else runs.push({ ...sp });
    }
    const midText = mid.text(cell);
    for (const run of runs) {
      // Original offsets: every first edit starting before the run's start (end) is before it (in it).
      const back = (x: number, inclusive: boolean): number => x - firsts.filter((f) => (inclusive ? f.start <= x : f.start < x)).reduce((n, f) => n + f.delta, 0);
      const from = back(run.start, false);
      const to = back(run.end, true);
      let text = '';
      let at = run.start;
      for (const e of seconds.filter((e) => e.start >= run.start && e.end <= run.end)) {
        text += midText.slice(at, e.start) + e.newText;
        at = e.end;
      }
      text += midText.slice(at, run.end);
      const edit: TextEdit = { range: { start: original.position(cell, from), end: original.position(cell, to) }, newText: text };
      if (cell >= 0) edit.cell = cell;
      out.push(edit);
    }
  }
  return out;
}

// The copies' trees, made from the original's (a copy differs in a few statements).

/** Rows of a line's start offset (textfiles `lineStarts`: '\n' only, as the syntax tree's rows). */
const rowOf = (starts: number[], index: number): number => positionAt(starts, index).line;

function linesOf(text: string, starts: readonly number[]): string[] {
  return starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1]! - 1 : text.length));
}

/**
 * For each line of `a`, the line of `b` it stays as (the `diff` package's line diff), or -1;
 * undefined past `maxD` lines removed and added.
 */
function keptLines(a: readonly string[], b: readonly string[], maxD: number): Int32Array | undefined {
  // Loaded on first use: chain fixes are built when a code action or --fix asks (lazy-fixes.ts), not at start-up.
  const { diffArrays } = require('diff') as typeof import('diff');
  const changes = diffArrays(a as string[], b as string[], { maxEditLength: maxD });
  if (!changes) return undefined;
  const map = new Int32Array(a.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) j += n;
    else if (c.removed) i += n;
    else for (let k = 0; k < n; k++) map[i++] = j++;
  }
  return map;
}

/** A copy of a top-level statement's subtree, placed at `at` in `source` (iterative: any depth). */
function cloned(top: SyntaxNode, at: number, source: SourceText): SyntaxNode {
  const base = top.startIndex;
  const anchor = new Anchor(source, at);
  const make = (n: SyntaxNode): SyntaxNode => {
    const c = new SyntaxNode(n.type, n.isNamed, n.startIndex - base, n.endIndex - base, anchor, n.hasError);
    if (n.fields) c.fields = n.fields.slice();
    return c;
  };
  const out = make(top);
  const stack: Array<[SyntaxNode, SyntaxNode]> = [[top, out]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    for (const child of from.children) {
      const c = make(child);
      c.parent = to;
      to.children.push(c);
      if (child.children.length) stack.push([child, c]);
    }
  }
  return out;
}

/** Top-level statements that end with a block. */
const BLOCKS = new Set(['function_definition', 'class_definition', 'decorated_definition', 'if_statement', 'for_statement', 'while_statement', 'try_statement', 'with_statement', 'match_statement']);

/**
 * The tree of `text` made from `old`, the tree of `oldText`, as parsing `text` gives it: the
 * top-level statements on lines the rewrite left alone are copied, what lies between them is
 * parsed piece by piece. A piece starts and ends on a line boundary of top-level code whose next
 * non-blank line starts at column 0 and is not a comment (a fresh tokenizer state in Python: no
 * open bracket, string or block), so a piece that parses without error parses as it does in the
 * whole text (syntax.ts `editedTree`, for many edits). Undefined when that does not hold.
 */
export function splicedTree(old: SyntaxTree, oldText: string, text: string): SyntaxTree | undefined {
  const top = old.rootNode;
  if (top.type !== 'module' || !top.children.length || top.source.text !== oldText) return undefined;
  const oldStarts = lineStarts(oldText);
  const newStarts = lineStarts(text);
  const oldLines = linesOf(oldText, oldStarts);
  const newLines = linesOf(text, newStarts);
  const map = keptLines(oldLines, newLines, 2000);
  if (!map) return undefined;
  // Top-level nodes sharing a line go together.
  const groups: Array<{ first: number; last: number; nodes: SyntaxNode[] }> = [];
  for (const c of top.children) {
    const first = rowOf(oldStarts, c.startIndex);
    const last = rowOf(oldStarts, Math.max(c.startIndex, c.endIndex - 1));
    const g = groups[groups.length - 1];
    if (g && first <= g.last) {
      g.nodes.push(c);
      g.last = Math.max(g.last, last);
    } else groups.push({ first, last, nodes: [c] });
  }
  const solid = (line: string): boolean => line.length > 0 && !/^[\s#\\]/.test(line);
  const blank = (line: string): boolean => /^[ \t\r]*$/.test(line);
  const unchanged = (g: { first: number; last: number; nodes: SyntaxNode[] }): boolean => {
    const at = map[g.first]!;
    if (at < 0 || !solid(oldLines[g.first]!) || g.nodes.some((n) => n.hasError)) return false;
    for (let l = g.first; l <= g.last; l++) if (map[l] !== at + l - g.first) return false;
    // What follows starts a fresh statement too (comments may go into a block that ends here).
    const open = g.nodes.some((n) => BLOCKS.has(n.type));
    let next = at + g.last - g.first + 1;
    while (next < newLines.length && (blank(newLines[next]!) || (!open && /^\s*#/.test(newLines[next]!)))) next++;
    return next === newLines.length || solid(newLines[next]!);
  };
  const source = new SourceText(text);
  const children: SyntaxNode[] = [];
  let from = 0;
  const piece = (to: number): boolean => {
    const slice = text.slice(from, to);
    if (/^[ \t\r\n]*$/.test(slice)) return true;
    const tree = syntaxTree(parsePython(slice), slice);
    if (tree.rootNode.hasError) return false;
    for (const c of tree.rootNode.children) children.push(cloned(c, from + c.startIndex, source));
    return true;
  };
  for (const g of groups) {
    if (!unchanged(g)) continue;
    const start = newStarts[map[g.first]!]!;
    if (!piece(start)) return undefined;
    for (const c of g.nodes) children.push(cloned(c, c.startIndex + start - oldStarts[g.first]!, source));
    const next = map[g.last]! + 1;
    from = next < newStarts.length ? newStarts[next]! : text.length;
  }
  if (!piece(text.length)) return undefined;
  return moduleTree(children, source);
}

interface Trial {
  output: DocumentInput;
  edits: AbsEdit[];
  findings: Finding[];
}

/**
 * The chains of one document: its second pass is linted once, on first need, and each group of
 * findings sharing a second-pass fix is settled once (later calls reuse the answer).
 */
class Chains {
  private readonly original: Texts;
  private readonly all: Fix[];
  private readonly first?: Applied;
  private second?: { trial: Trial; texts: Texts } | null;
  private readonly settled = new Map<string, Map<Finding, Fix | undefined>>();
  /** The copies chains were settled on, each with the first-pass fixes it applies (fewest first). */
  private readonly copies: Array<{ kept: Fix[]; trial: Trial; texts: Texts }> = [];
  budget = 0;

  constructor(
    private readonly input: DocumentInput,
    private readonly settings: EngineSettings | undefined,
    findings: readonly Finding[],
    private readonly analysis?: Analysis,
  ) {
    this.original = new Texts(input);
    // The first pass of fixDocument with suggestions.
    const pass = firstPass(findings, true);
    this.first = pass.length ? applyFixes(input, pass) : undefined;
    this.all = this.first?.fixes ?? [];
  }

  private trial(fixes: Fix[]): Trial | undefined {
    if (this.budget <= 0) return undefined;
    this.budget--;
    // (Applying the fixes the first pass applied gives what it gave.)
    const applied = fixes === this.all && this.first ? this.first : applyFixes(this.input, fixes);
    // Lazily: only the findings looked for need their fixes (fixesOf), not every rewrite of the copy.
    const trees = (m: SourceModule): SyntaxTree | undefined => this.treeOf(m);
    return { output: applied.output, edits: applied.edits, findings: lint(applied.output, this.settings, undefined, { lazyFixes: true, trees }).findings };
  }

  /** A copy's module's tree, made from the original's tree of that module (undefined: parse it). */
  private treeOf(m: SourceModule): SyntaxTree | undefined {
    const same = this.analysis?.modules.filter((o) => o.tree && o.module.origin === m.origin && o.module.filename === m.filename);
    const old = same?.find((o) => o.module.text === m.text) ?? (same?.length === 1 ? same[0] : undefined);
    if (!old?.tree) return undefined;
    // Never edited: the copies only read it.
    return old.module.text === m.text ? old.tree : splicedTree(old.tree, old.module.text, m.text);
  }

  /** The chain suggestion of a finding without a fix, if the first pass makes its rewrite possible. */
  fixOf(f: Finding, group: readonly Finding[] = [f]): Fix | undefined {
    if (!this.all.length) return undefined;
    // A finding the first pass edits has no counterpart to look for: no lint for it.
    if (this.second === undefined && this.first && overlapped(f, this.original, this.first.edits)) return undefined;
    if (this.second === undefined) {
      const t = this.trial(this.all);
      this.second = t ? { trial: t, texts: new Texts(t.output) } : null;
    }
    if (!this.second) return undefined;
    const { trial, texts } = this.second;
    const keyOf = (g: Finding): string | undefined => {
      const fix = fixAfter(g, this.original, texts, trial.edits, trial.findings);
      return fix && JSON.stringify(fix.edits);
    };
    const key = keyOf(f);
    if (key === undefined) return undefined;
    let answers = this.settled.get(key);
    if (!answers) this.settled.set(key, (answers = this.settle(f, group.filter((g) => g !== f && keyOf(g) === key), trial, texts)));
    return answers.get(f);
  }

  /** Which first-pass fixes the probe's rewrite needs, and each finding's chain with those. */
  private settle(probe: Finding, group: readonly Finding[], second: Trial, secondTexts: Texts): Map<Finding, Fix | undefined> {
    const { original } = this;
    const fixed = (t: Trial | undefined, texts = t && new Texts(t.output)): boolean => !!t && !!fixAfter(probe, original, texts!, t.edits, t.findings);
    // Pieces of one chain usually wait on the same fixes: a copy made for another group may do.
    const known = this.copies.find((c) => fixed(c.trial, c.texts));
    if (known) return this.answers(probe, group, known.kept, known.trial, known.texts);
    let kept = this.all;
    let last = second;
    // Leave out as many first-pass fixes as the probe's rewrite does without, halves first
    // (`needed`: leaving all of them out is known not to work).
    const leaveOut = (candidates: Fix[], needed = false): void => {
      if (!candidates.length || this.budget <= 0) return;
      if (!needed) {
        const t = this.trial(kept.filter((x) => !candidates.includes(x)));
        if (fixed(t)) {
          kept = kept.filter((x) => !candidates.includes(x));
          last = t!;
          return;
        }
      }
      if (candidates.length === 1) return;
      const half = Math.ceil(candidates.length / 2);
      leaveOut(candidates.slice(0, half));
      leaveOut(candidates.slice(half));
    };
    // A first guess: the fixes that replace code naming what the probe's rewrite replaces.
    const related = this.relatedTo(probe, second, secondTexts);
    const guess = related.length && related.length < this.all.length ? this.trial(related) : undefined;
    if (guess && fixed(guess)) {
      [kept, last] = [related, guess];
      leaveOut(related, true);
    } else leaveOut(this.all, true);
    const lastTexts = new Texts(last.output);
    this.copies.push({ kept, trial: last, texts: lastTexts });
    this.copies.sort((a, b) => a.kept.length - b.kept.length);
    return this.answers(probe, group, kept, last, lastTexts);
  }

  /**
   * The first-pass fixes whose edits replace code sharing a name with the code the probe's
   * second-pass rewrite replaces (the deployment's `InferenceConfig(environment=env)` for a run
   * given `env`), or with the probe's own line.
   */
  private relatedTo(probe: Finding, second: Trial, secondTexts: Texts): Fix[] {
    const names = (t: string): string[] => (t.match(/[A-Za-z_]\w*/g) ?? []).filter((w) => !COMMON.has(w));
    const own = fixAfter(probe, this.original, secondTexts, second.edits, second.findings);
    const cell = cellKey(probe);
    const line = probe.range.start.line;
    const wanted = new Set<string>(names(this.original.text(cell).slice(this.original.offset(cell, { line, character: 0 }), this.original.offset(cell, { line: line + 1, character: 0 }))));
    for (const e of (own && absolute(second.output, own.edits)) ?? []) for (const w of names(secondTexts.text(e.cell).slice(e.start, e.end))) wanted.add(w);
    return this.all.filter((fix) => (absolute(this.input, fix.edits) ?? []).some((e) => names(this.original.text(e.cell).slice(e.start, e.end)).some((w) => wanted.has(w))));
  }

  /** Each finding's chain on a copy made by applying `kept`. */
  private answers(probe: Finding, group: readonly Finding[], kept: Fix[], last: Trial, lastTexts: Texts): Map<Finding, Fix | undefined> {
    const { original } = this;
    const out = new Map<Finding, Fix | undefined>();
    for (const f of [probe, ...group]) {
      const own = fixAfter(f, original, lastTexts, last.edits, last.findings);
      const edits = own && compose(original, last.edits, lastTexts, own);
      if (!edits) continue;
      const n = kept.length;
      const safety = own.safety === 'safe' && kept.every((x) => x.safety === 'safe') ? 'safe' : 'suggestion';
      out.set(f, { title: `${own.title} (with the ${n === 1 ? 'rewrite' : `${n} rewrites`} it waits on)`, safety, edits });
    }
    return out;
  }
}

/**
 * Adds a chain suggestion to each finding without a fix whose rewrite the first pass of fixes
 * makes possible. `findings` are `lint(input, settings)`'s, with their fixes computed.
 */
export function addChainFixes(input: DocumentInput, settings: EngineSettings | undefined, findings: Finding[], options: ChainOptions = {}): void {
  if (input.kind === 'text') return;
  const open = (options.targets ?? findings).filter((f) => !f.fixes?.length);
  if (!open.length) return;
  const chains = new Chains(input, settings, findings, options.analysis);
  chains.budget = options.maxLints ?? MAX_LINTS;
  for (const f of open) {
    const fix = chains.fixOf(f, open);
    if (fix) f.fixes = [fix];
  }
}

/** Per document text (the language server's snapshot input): its findings with fixes, and its chains. */
const onDemand = new WeakMap<DocumentInput, { settings: string; findings: Finding[]; chains: Chains }>();

/** Most lints one quick-fix request may cost (the language server answers while the user waits). */
const ON_DEMAND_LINTS = 12;

/**
 * Lines of code above which `chainFixesOf` builds nothing: every lint of the copies costs about
 * 0.3 ms a line (a first request on a 5,000-line script took 1.5 s), and the editor waits.
 */
export const ON_DEMAND_MAX_LINES = 1000;

const lineCounts = new WeakMap<DocumentInput, number>();

function codeLines(input: DocumentInput): number {
  let n = lineCounts.get(input);
  if (n === undefined) {
    n = input.kind === 'notebook' ? input.cells.reduce((sum, c) => sum + (c.kind === 'code' ? lineStarts(c.text).length : 0), 0) : input.kind === 'python' ? lineStarts(input.text).length : 0;
    lineCounts.set(input, n);
  }
  return n;
}

/**
 * The chain suggestion of one finding of `input`, computed when asked for (the language server's
 * quick fixes, whose findings come without fixes: lint's `lazyFixes`); none when it has a fix of
 * its own or no chain, and in a document of more than ON_DEMAND_MAX_LINES lines of code (the CLI's
 * JSON output has them). Repeated requests for the same input reuse what was computed.
 */
export function chainFixesOf(input: DocumentInput, settings: EngineSettings | undefined, finding: Finding): Fix[] {
  if (input.kind === 'text' || codeLines(input) > ON_DEMAND_MAX_LINES) return [];
  const key = JSON.stringify(settings ?? null);
  let state = onDemand.get(input);
  if (!state || state.settings !== key) {
    const { findings, analysis } = lint(input, settings);
    state = { settings: key, findings, chains: new Chains(input, settings, findings, analysis) };
    onDemand.set(input, state);
  }
  const same = state.findings.find((g) => sameFinding(g, finding));
  if (!same || same.fixes?.length) return [];
  state.chains.budget = ON_DEMAND_LINTS;
  const fix = state.chains.fixOf(same, state.findings.filter((g) => !g.fixes?.length));
  return fix ? [fix] : [];
}
