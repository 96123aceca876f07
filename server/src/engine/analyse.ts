/**
 * The analysis pipeline: source model → parse → semantic model → rules → findings in
 * document coordinates, with settings and suppression comments applied.
 */
import { parsePython, type Tree } from './parser';
import { editedTree, syntaxTree, type SyntaxNode, type SyntaxTree } from './syntax';
import { buildSemanticModel, type SemanticModel } from './semantic/model';
import { AUTOML_SCORING_WORD, isAutomlScoringScript } from './catalogue';
import { notebookSource, pythonSource, toDocumentLocation } from './source';
import type { SourceModel, SourceModule } from './source/types';
import { applySuppressions, parseSuppressions, scriptCellLines, unusedDirectiveFindings, type DirectiveSettings, type DirectiveUse, type Suppression } from './suppressions';
import type { DocumentInput, EngineSettings, Finding, Fix, LintResult, Location, Position, Range, Severity, SeveritySetting } from './types';
import { RULES } from '../rules/registry';
import { nodeRange, type ModelledModule, type ModuleFix, type Report, type Rule, type RuleContext, type TextContext } from '../rules/rule';
import { DATABRICKS_HEADER, fileKindOf } from './textfiles';
import { hoverAt } from './hover';
import { deferFixes, hasPendingFixes, takeDeferredFixes, mapDeferredFixes, resolveFixes, type FixEpoch } from './lazy-fixes';
import { changedSpan, documentEdit, insideInertToken, moduleBoundNames, neutralChange, shiftFindings, triggersKept, type StatementChange } from './reuse';
import { addChainFixes } from './chains';

export interface AnalysedModule {
  module: SourceModule;
  /** Absent when the module cannot contain SDK code (no `azureml`/`azure.ai.ml` text): not parsed. */
  tree?: SyntaxTree;
  /**
   * tree-sitter's tree of the same text (possibly only `edit()`ed since its last parse), kept
   * for the incremental re-parse of the next edit once the document is being edited (a
   * re-analysis). A first analysis does not keep it: tree-sitter frees a tree's native memory
   * only when V8 collects its wrapper, and hundreds of trees kept a while leave the process's
   * heap fragmented and large after they are gone (issue 7: memory with 500 open documents).
   */
  native?: Tree;
  model?: SemanticModel;
  /**
   * Set when the semantic model or a rule ran out of JS stack on this module (reliability,
   * issue 8): the code is nested thousands of levels deep (`((((...))))`, long operator
   * chains), which the recursive walkers cannot follow. No findings come from such a module
   * (partial ones are dropped) and `lint` reports `fatal` instead of throwing.
   */
  tooDeep?: boolean;
  /** Set when an edit was patched into the previous tree statement by statement (see reuse.ts). */
  change?: StatementChange;
  /**
   * The model's `sdkNames`, kept when the model is not built (an edit that changes no finding
   * builds none: reuse.ts); the next edit's decision needs them.
   */
  sdkNames?: ReadonlySet<string>;
}

/**
 * A RangeError from V8 when the JS stack is exhausted. Caught (only this error) around the
 * recursive tree walks, so a pathological file is reported instead of crashing the CLI or the
 * language server. Real Python cannot nest this deep (CPython stops at 200 brackets).
 */
function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

const TOO_DEEP = 'not analysed: the code is nested too deeply (thousands of levels of brackets, operators or blocks)';

export interface Analysis {
  input: DocumentInput;
  source: SourceModel;
  modules: AnalysedModule[];
  suppressions: Suppression[];
  /** The findings `lint` computed from this analysis, and for which settings (reuse.ts). */
  memo?: { settings: string; findings: Finding[] };
  /** Valid while this is the document's latest analysis: its deferred fixes (lazy-fixes.ts). */
  epoch?: FixEpoch;
}

/** Cheap byte-level pre-check: text that never names the SDKs needs no parse. */
function mayUseSdk(text: string): boolean {
  // `get_ipython().system("az ml ...")`: a notebook exported to a script runs CLI v1 without naming azureml (AML5xx).
  // A Databricks notebook exported as source runs `az ml` in `# MAGIC %sh` cells the same way (rules/shell.ts), and
  // Python code through `os.system("az ml ...")` / `subprocess.run(...)` (shell.ts pythonShellLines).
  // (Package names are case-insensitive: `pip install AzureML-Core`.)
  return /azureml|azure\.ai\.ml|amlint|get_ipython|\baz\s+ml\b|azure[-_]cli[-_]ml/i.test(text) || text.startsWith(DATABRICKS_HEADER);
}

/**
 * Re-analysis after an edit (the editor's case). tree-sitter's tree is told about every edit
 * (`Tree.edit`, cheap) but re-parsed only when the engine's tree cannot be patched by parsing
 * the statements around the edit alone (see `editedTree`); then the re-parse is incremental
 * (from all edits since the last one) and unchanged statements are still reused.
 */
function reparse(before: AnalysedModule & { tree: SyntaxTree }, newText: string): { native: Tree | undefined; tree: SyntaxTree; change?: StatementChange } {
  const oldText = before.module.text;
  const edit = changedSpan(oldText, newText);
  const old = before.tree.rootNode.source;
  const startPosition = old.point(edit.startIndex);
  const inserted = newText.slice(edit.startIndex, edit.newEndIndex);
  const lastNewline = inserted.lastIndexOf('\n');
  const newEndPosition = lastNewline < 0
    ? { row: startPosition.row, column: startPosition.column + inserted.length }
    : { row: startPosition.row + inserted.split('\n').length - 1, column: inserted.length - lastNewline - 1 };
  before.native?.edit({ ...edit, startPosition, oldEndPosition: old.point(edit.oldEndIndex), newEndPosition });
  let change: StatementChange | undefined;
  const patched = editedTree(before.tree, oldText, edit, newText, (text) => parsePython(text), (removed, added) => {
    // The splice re-parses a statement more on each side; those come back the same: only the
    // statements that changed matter (the old ones still read the old text here).
    const newText_ = (n: SyntaxNode): string => newText.slice(n.startIndex, n.endIndex);
    let a = 0;
    const same = (x: SyntaxNode, y: SyntaxNode): boolean => x === y || (x.type === y.type && x.text === newText_(y));
    while (a < removed.length && a < added.length && same(removed[a]!, added[a]!)) a++;
    let r = removed.length;
    let b = added.length;
    while (r > a && b > a && same(removed[r - 1]!, added[b - 1]!)) {
      r--;
      b--;
    }
    const gone = removed.slice(a, r);
    const came = added.slice(a, b);
    const inert = gone.length === 1 && came.length === 1 && gone[0]!.type === came[0]!.type && insideInertToken(gone[0]!, came[0]!, edit, newText);
    const oldBound = moduleBoundNames(gone);
    // Scanned only when the edit touches a top-level `init`/`run` (see StatementChange.automlText).
    const entryPoint = (b: Set<string> | undefined): boolean => !!b && (b.has('init') || b.has('run'));
    const automlText = (entryPoint(oldBound) || entryPoint(moduleBoundNames(came))) && (oldText.includes(AUTOML_SCORING_WORD) || newText.includes(AUTOML_SCORING_WORD));
    change = { edit, oldTexts: gone.map((n) => n.text), oldBound, added: came, inert, oldError: gone.some((n) => n.hasError), automlText };
  });
  if (patched) return { native: before.native, tree: patched, change };
  const native = parsePython(newText, before.native);
  return { native, tree: syntaxTree(native, newText, { tree: before.tree, edit }) };
}

/** Builds the module's semantic model (or marks it too deep). */
function withModel(m: AnalysedModule): AnalysedModule {
  if (!m.tree || m.model || m.tooDeep) return m;
  try {
    const model = buildSemanticModel(m.tree, { automlScoring: isAutomlScoringScript(m.module.text) });
    return { ...m, model, sdkNames: model.sdkNames };
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return { ...m, tooDeep: true };
  }
}

/** The modules of an analysis that have a model (RuleContext.modules), computed once per analysis. */
const modelledOf = new WeakMap<Analysis, ModelledModule[]>();
function modelled(analysis: Analysis): readonly ModelledModule[] {
  let list = modelledOf.get(analysis);
  if (!list) {
    list = analysis.modules.filter((m) => m.model && !m.tooDeep).map((m) => ({ module: m.module, model: m.model! }));
    modelledOf.set(analysis, list);
  }
  return list;
}

/** Builds the models an analysis deferred (see analyseDocument's `deferModels`). */
export function ensureModels(analysis: Analysis): void {
  for (let i = 0; i < analysis.modules.length; i++) analysis.modules[i] = withModel(analysis.modules[i]!);
}

/**
 * Builds the source model, parses and binds every module. Pass the previous analysis of the
 * same document to reuse the trees of modules whose text did not change.
 */
export function analyseDocument(input: DocumentInput, previous?: Analysis, options: { deferModels?: boolean; trees?: LintOptions['trees'] } = {}): Analysis {
  const source = input.kind === 'notebook' ? notebookSource(input.cells) : input.kind === 'python' ? pythonSource(input.text) : { modules: [], commands: [] };
  const reusable = new Map<string, AnalysedModule>();
  for (const m of previous?.modules ?? []) reusable.set(m.module.origin + '\0' + m.module.text, m);
  // IPython commands (`!az ml ...`, `%%synapse`) are read by rules of the notebook module; so are Databricks `%sh`
  // cells, whose shell lines follow the magic line (rules/shell.ts databricksShCells).
  const commandsMatter = source.commands.some((c) => (c.kind === 'line-magic' && c.name === 'sh') || /azureml|azure-cli-ml|az\s+ml|synapse|legacy-mode/.test(`${c.name} ${c.args ?? ''} ${c.text}`));
  const consumed = new Set<AnalysedModule>();
  const modules = source.modules.map((module): AnalysedModule => {
    const old = reusable.get(module.origin + '\0' + module.text);
    if (old && !consumed.has(old)) {
      consumed.add(old);
      return { ...old, module, change: undefined };
    }
    if (!mayUseSdk(module.text) && !(commandsMatter && module.origin === 'notebook')) return { module };
    // An edit of the same module (same file, same notebook, same %%writefile target): re-parse
    // incrementally from the old tree rather than from scratch, and reuse the statements the
    // edit did not touch. Each old tree serves one new module (both are consumed).
    const before = previous?.modules.find((m) => m.tree && !consumed.has(m) && m.module.origin === module.origin && m.module.filename === module.filename);
    let tree: SyntaxTree;
    let native: Tree | undefined;
    let change: StatementChange | undefined;
    if (before?.tree) {
      consumed.add(before);
      ({ native, tree, change } = reparse({ ...before, tree: before.tree }, module.text));
      // What the edit's finding-reuse test needs from the old module (reuse.ts).
      const sdkNames = before.model?.sdkNames ?? before.sdkNames;
      if (options.deferModels && change && sdkNames) return { module, tree, native, change, sdkNames };
    } else {
      const given = previous ? undefined : options.trees?.(module);
      if (given) return withModel({ module, tree: given });
      native = parsePython(module.text);
      tree = syntaxTree(native, module.text);
      // Kept only when the document is being edited (see AnalysedModule.native).
      if (!previous) native = undefined;
    }
    return withModel({ module, tree, native });
  });
  // Modules reused whole from a previous analysis that deferred its models.
  if (!options.deferModels) for (let i = 0; i < modules.length; i++) modules[i] = withModel(modules[i]!);
  const suppressions: Suppression[] = [];
  for (const m of modules) {
    if (!m.module.text.includes('amlint')) continue;
    for (const s of parseSuppressions(m.module.text)) {
      const location = toDocumentLocation(m.module, { start: { line: s.line, character: s.character }, end: { line: s.line, character: s.character } });
      // A script's `disable-cell`: the lines of its `# %%` / `# In[ ]:` / `# COMMAND` cell (none without markers).
      const lines = s.kind === 'cell' && location.cell === undefined && input.kind === 'python' ? scriptCellLines(input.text, location.range.start.line) : undefined;
      suppressions.push({ kind: s.kind, codes: s.codes, reason: s.reason, location, ...(lines ? { lines } : {}) });
    }
  }
  return { input, source, modules, suppressions };
}

function matchesAny(prefixes: string[] | undefined, code: string): boolean {
  return !!prefixes?.some((p) => code.startsWith(p.trim().toUpperCase()));
}

/** The severity a rule runs with, or 'off'. */
export function effectiveSeverity(rule: Rule, settings: EngineSettings | undefined, notebook: boolean): SeveritySetting {
  const code = rule.meta.code;
  if (settings?.select?.length && !matchesAny(settings.select, code)) return 'off';
  if (matchesAny(settings?.ignore, code)) return 'off';
  let sev: SeveritySetting = settings?.severity?.[code] ?? rule.meta.defaultSeverity;
  if (notebook && settings?.notebookSeverity?.[code]) sev = settings.notebookSeverity[code];
  return sev;
}

/**
 * Runs the rules on an analysis and returns findings in document coordinates. A rule that
 * throws (a bug) loses its own findings in that module, not the others': its error is added
 * to `errors` (lint reports it as the result's `fatal`).
 */
export function findingsOf(analysis: Analysis, settings?: EngineSettings, errors: string[] = []): Finding[] {
  ensureModels(analysis);
  const epoch = (analysis.epoch ??= { valid: true });
  const notebook = analysis.input.kind === 'notebook';
  const findings: Finding[] = [];
  /** The module each finding came from (to drop those of a module that turns out too deep). */
  const owners: AnalysedModule[] = [];
  for (const rule of RULES) {
    const severity = effectiveSeverity(rule, settings, notebook);
    if (severity === 'off') continue;
    if (!rule.check) continue;
    for (const m of analysis.modules) {
      if (m.tooDeep) continue;
      if (!m.model || (rule.requires && !m.module.text.includes(rule.requires))) continue;
      const ctx: RuleContext = {
        input: analysis.input,
        model: m.model,
        module: m.module,
        source: analysis.source,
        modules: () => modelled(analysis),
        isNotebook: notebook,
        report: (r) => findings.push(toFinding(rule, severity, m.module, r, epoch)),
        reportAt: (location, r) => findings.push(locatedFinding(rule, severity, location, r)),
      };
      const before = findings.length;
      try {
        rule.check(ctx);
      } catch (e) {
        if (isStackOverflow(e)) m.tooDeep = true; // see AnalysedModule.tooDeep
        else {
          findings.length = before;
          errors.push(`${rule.meta.code}: ${(e as Error)?.message ?? String(e)}`);
        }
      }
      while (owners.length < findings.length) owners.push(m);
    }
  }
  const kept = findings.filter((f, i) => !owners[i]?.tooDeep);
  return suppressed(analysis.input, kept, analysis.suppressions, settings, notebook).sort(compareFindings);
}

/** Runs the AML4xx/AML5xx rules on a dependency file or script. */
function textFindings(input: Extract<DocumentInput, { kind: 'text' }>, settings?: EngineSettings): Finding[] {
  const kind = fileKindOf(input.path, input.text);
  if (!kind || kind === 'python' || kind === 'notebook') return [];
  const lines = input.text.split('\n');
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!rule.checkText) continue;
    const severity = effectiveSeverity(rule, settings, false);
    if (severity === 'off') continue;
    const ctx: TextContext = {
      path: input.path,
      kind,
      text: input.text,
      lines,
      report: (r) => findings.push(toFinding(rule, severity, { text: input.text, origin: 'file' }, { ...r })),
    };
    rule.checkText(ctx);
  }
  // `# amlint: disable...` comments work in these files too (shell, YAML, requirements, TOML).
  const suppressions: Suppression[] = parseSuppressions(input.text).map((s) => ({ kind: s.kind, codes: s.codes, reason: s.reason, location: { range: { start: { line: s.line, character: s.character }, end: { line: s.line, character: s.character } } } }));
  return suppressed(input, findings, suppressions, settings, false).sort(compareFindings);
}

/**
 * Drops the findings that `# amlint: disable...` comments hide and, when
 * `reportUnusedDirectives` is set, adds a finding for each directive that hid nothing.
 */
function suppressed(input: DocumentInput, findings: Finding[], suppressions: Suppression[], settings: (EngineSettings & DirectiveSettings) | undefined, notebook: boolean): Finding[] {
  const used: DirectiveUse = new Map();
  const kept = applySuppressions(findings, suppressions, used);
  const severity = settings?.reportUnusedDirectives;
  if (!severity || severity === 'off' || !suppressions.length) return kept;
  const known = (c: string): boolean => RULES.some((r) => r.meta.code.startsWith(c));
  const enabled = (c: string): boolean => RULES.some((r) => r.meta.code.startsWith(c) && effectiveSeverity(r, settings, notebook) !== 'off');
  return [...kept, ...unusedDirectiveFindings(input, suppressions, used, severity, { known, enabled })];
}

/**
 * Rules write fix texts with '\n'. In a file (or cell) whose lines end with '\r\n' or '\r', the
 * lines a fix inserts must end the same way, or `--fix` leaves mixed line endings (issue 8).
 * The first line ending of the text decides, as editors do.
 */
function matchLineEndings(findings: Finding[], input: DocumentInput): Finding[] {
  const eols = new Map<number, string>();
  const eolOf = (cell: number | undefined): string => {
    let eol = eols.get(cell ?? -1);
    if (eol === undefined) {
      const text = input.kind === 'notebook' ? (cell === undefined ? '' : input.cells[cell]?.text ?? '') : input.text;
      eol = /\r\n?|\n/.exec(text)?.[0] ?? '\n';
      eols.set(cell ?? -1, eol);
    }
    return eol;
  };
  const normalise = (fixes: Fix[]): Fix[] => fixes.map((fix) => ({
    ...fix,
    edits: fix.edits.map((e) => ({ ...e, newText: e.newText.replace(/\r\n|\r|\n/g, eolOf(e.cell)) })),
  }));
  // (Looked for once, and only when a finding has deferred suggestions.)
  let crlf: boolean | undefined;
  const hasCr = (): boolean => (crlf ??= input.kind === 'notebook' ? input.cells.some((c) => c.text.includes('\r')) : input.text.includes('\r'));
  return findings.map((f) => {
    if (hasPendingFixes(f)) {
      if (hasCr()) mapDeferredFixes(f, normalise);
      return f;
    }
    if (!f.fixes?.some((fix) => fix.edits.some((e) => /[\r\n]/.test(e.newText) && eolOf(e.cell) !== '\n'))) return f;
    return { ...f, fixes: normalise(f.fixes) };
  });
}

/** A finding in document coordinates; its suggestions are deferred when `epoch` is given. */
function toFinding(rule: Rule, severity: Severity, module: SourceModule, r: Report, epoch?: FixEpoch): Finding {
  const loc = toDocumentLocation(module, r.range ?? nodeRange(r.node!));
  const f: Finding = { code: rule.meta.code, message: r.message, severity, ...loc };
  if (r.symbol) f.symbol = r.symbol;
  if (r.deprecated) f.tags = ['deprecated'];
  if (r.related?.length) f.related = r.related.map((x) => ({ ...toDocumentLocation(module, nodeRange(x.node)), message: x.message }));
  const located = (fixes: ModuleFix[] | undefined): Fix[] | undefined =>
    fixes?.length
      ? fixes.map((fix) => ({
          title: fix.title,
          safety: fix.safety,
          edits: fix.edits.map((e) => ({ ...toDocumentLocation(e.module ?? module, e.range), newText: e.newText })),
        }))
      : undefined;
  if (r.fixes?.length) f.fixes = located(r.fixes);
  const { suggestions } = r;
  if (suggestions) {
    if (epoch) deferFixes(f, epoch, () => located(suggestions()));
    else {
      const more = located(suggestions());
      if (more) f.fixes = [...(f.fixes ?? []), ...more];
    }
  }
  return f;
}

function locatedFinding(rule: Rule, severity: Severity, location: Location, r: Omit<Report, 'node' | 'range' | 'fixes' | 'related'> & { fixes?: Fix[] }): Finding {
  const f: Finding = { code: rule.meta.code, message: r.message, severity, ...location };
  if (r.symbol) f.symbol = r.symbol;
  if (r.deprecated) f.tags = ['deprecated'];
  if (r.fixes?.length) f.fixes = r.fixes;
  return f;
}

function compareFindings(a: Finding, b: Finding): number {
  return (a.cell ?? 0) - (b.cell ?? 0)
    || a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character
    || a.code.localeCompare(b.code);
}

/**
 * After an edit that cannot change any finding (reuse.ts), the previous findings moved past
 * it; undefined when the rules must run.
 */
function reusedFindings(analysis: Analysis, previous: Analysis | undefined, settings: string, engineSettings: EngineSettings | undefined): Finding[] | undefined {
  const memo = previous?.memo;
  if (!previous || !memo || memo.settings !== settings) return undefined;
  if (previous.modules.length !== analysis.modules.length || previous.modules.some((m) => m.tooDeep)) return undefined;
  const commands = (a: Analysis): string => JSON.stringify(a.source.commands.map((c) => c.text));
  if (commands(previous) !== commands(analysis)) return undefined;
  // A script's `disable-cell` covers the lines between its cell markers, which any comment edit may move: the
  // findings of the previous analysis were filtered with the old cells (suppressions.ts scriptCellLines).
  const scriptCells = (a: Analysis): boolean => a.suppressions.some((s) => s.kind === 'cell' && s.location.cell === undefined);
  if (scriptCells(previous) || scriptCells(analysis)) return undefined;
  for (let i = 0; i < analysis.modules.length; i++) {
    const m = analysis.modules[i]!;
    const old = previous.modules[i]!;
    if (m.module.origin !== old.module.origin || m.module.filename !== old.module.filename) return undefined;
    if (m.module.text === old.module.text) continue;
    if (!m.change || !m.sdkNames || !neutralChange(m.change, m.sdkNames)) return undefined;
    if (!triggersKept(old.module.text, m.module.text, m.change.edit)) return undefined;
  }
  const edit = documentEdit(previous.input, analysis.input);
  const shifted = edit && shiftFindings(memo.findings, edit);
  if (!shifted) return undefined;
  // Fixes not computed yet would read the previous tree, which the edit changed: computed on
  // demand from this analysis instead, by running the rules once (what the edit skipped).
  const epoch = (analysis.epoch ??= { valid: true });
  let fresh: Finding[] | undefined;
  shifted.forEach((f, i) => {
    if (!hasPendingFixes(memo.findings[i]!)) return;
    deferFixes(f, epoch, () => {
      fresh ??= matchLineEndings(findingsOf(analysis, engineSettings), analysis.input);
      const same = fresh.find((g) => sameFinding(g, f));
      return same && takeDeferredFixes(same);
    });
  });
  return shifted;
}

/** The same finding (rule, cell, message, range), e.g. in another analysis of the same text. */
export function sameFinding(a: Finding, b: Finding): boolean {
  return a.code === b.code && a.cell === b.cell && a.message === b.message && sameRange(a.range, b.range);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export interface LintOptions {
  /**
   * Leave fixes to be computed when read through `fixesOf` (the language server: most are never
   * asked for). Without it every finding's `fixes` is filled in before `lint` returns.
   */
  lazyFixes?: boolean;
  /**
   * Give findings without a fix the rewrite they get once the fixes they wait on are applied
   * (chains.ts; costs a few more lints). Not with `lazyFixes`.
   */
  chains?: boolean;
  /**
   * A module's tree when the caller already has it (chains.ts makes a rewritten copy's trees from
   * the original's), else undefined: the module is parsed. Only without `previous`.
   */
  trees?: (module: SourceModule) => SyntaxTree | undefined;
}

/** Lints a Python file or a notebook's cells. Never throws on any input text. */
export function lint(input: DocumentInput, settings?: EngineSettings, previous?: Analysis, options: LintOptions = {}): LintResult & { analysis: Analysis } {
  // The previous analysis's trees are about to be edited in place: its deferred fixes expire.
  if (previous?.epoch) previous.epoch.valid = false;
  if (input.kind === 'text') {
    const analysis = analyseDocument(input);
    return { findings: matchLineEndings(textFindings(input, settings), input), analysis };
  }
  const key = JSON.stringify(settings ?? null);
  const analysis = analyseDocument(input, previous, { deferModels: !!previous?.memo, trees: options.trees });
  const reused = reusedFindings(analysis, previous, key, settings);
  if (reused) {
    analysis.memo = { settings: key, findings: reused };
    if (!options.lazyFixes) resolveFixes(reused);
    if (options.chains && !options.lazyFixes) addChainFixes(input, settings, reused, { analysis });
    return { findings: reused, analysis };
  }
  const errors: string[] = [];
  const findings = matchLineEndings(findingsOf(analysis, settings, errors), input);
  if (!options.lazyFixes) resolveFixes(findings);
  if (options.chains && !options.lazyFixes) addChainFixes(input, settings, findings, { analysis });
  analysis.memo = errors.length ? undefined : { settings: key, findings };
  const fatal = [
    ...(analysis.modules.some((m) => m.tooDeep) ? [TOO_DEEP] : []),
    ...(errors.length ? [`internal error in rule ${errors.join('; ')} (the other rules' findings are reported)`] : []),
  ].join('; ');
  return fatal ? { findings, analysis, fatal } : { findings, analysis };
}

/** Markdown hover for the v1/v2 symbol at a document position, if any. */
export function hover(input: DocumentInput | Analysis, at: { cell?: number; position: Position }): string | undefined {
  const analysis = 'source' in input ? input : analyseDocument(input);
  const loc: Location = { cell: at.cell, range: { start: at.position, end: at.position } };
  try {
    ensureModels(analysis);
    return hoverAt(analysis, loc);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    return undefined; // a pathologically deep module: no hover rather than a crash
  }
}
