/**
 * The analysis pipeline: source model → parse → semantic model → rules → findings in
 * document coordinates, with settings and suppression comments applied.
 */
import { parsePython, type Tree } from './parser';
import { buildSemanticModel, type SemanticModel } from './semantic/model';
import { notebookSource, pythonSource, toDocumentLocation } from './source';
import type { SourceModel, SourceModule } from './source/types';
import { parseSuppressions, suppresses, type Suppression } from './suppressions';
import type { DocumentInput, EngineSettings, Finding, Fix, LintResult, Location, Position, Severity, SeveritySetting } from './types';
import { RULES } from '../rules/registry';
import { nodeRange, type Report, type Rule, type RuleContext, type TextContext } from '../rules/rule';
import { fileKindOf } from './textfiles';
import { hoverAt } from './hover';

export interface AnalysedModule {
  module: SourceModule;
  /** Absent when the module cannot contain SDK code (no `azureml`/`azure.ai.ml` text): not parsed. */
  tree?: Tree;
  model?: SemanticModel;
}

export interface Analysis {
  input: DocumentInput;
  source: SourceModel;
  modules: AnalysedModule[];
  suppressions: Suppression[];
}

/** Cheap byte-level pre-check: text that never names the SDKs needs no parse. */
function mayUseSdk(text: string): boolean {
  return text.includes('azureml') || text.includes('azure.ai.ml') || text.includes('amlint');
}

/**
 * Builds the source model, parses and binds every module. Pass the previous analysis of the
 * same document to reuse the trees of modules whose text did not change.
 */
export function analyseDocument(input: DocumentInput, previous?: Analysis): Analysis {
  const source = input.kind === 'notebook' ? notebookSource(input.cells) : input.kind === 'python' ? pythonSource(input.text) : { modules: [], commands: [] };
  const reusable = new Map<string, AnalysedModule>();
  for (const m of previous?.modules ?? []) reusable.set(m.module.origin + '\0' + m.module.text, m);
  // IPython commands (`!az ml ...`, `%%synapse`) are read by rules of the notebook module.
  const commandsMatter = source.commands.some((c) => /azureml|azure-cli-ml|az\s+ml|synapse|legacy-mode/.test(`${c.name} ${c.args ?? ''} ${c.text}`));
  const modules = source.modules.map((module): AnalysedModule => {
    const old = reusable.get(module.origin + '\0' + module.text);
    if (old) return { ...old, module };
    if (!mayUseSdk(module.text) && !(commandsMatter && module.origin === 'notebook')) return { module };
    const tree = parsePython(module.text);
    return { module, tree, model: buildSemanticModel(tree) };
  });
  const suppressions: Suppression[] = [];
  for (const m of modules) {
    if (!m.module.text.includes('amlint')) continue;
    for (const s of parseSuppressions(m.module.text)) {
      const location = toDocumentLocation(m.module, { start: { line: s.line, character: s.character }, end: { line: s.line, character: s.character } });
      suppressions.push({ kind: s.kind, codes: s.codes, reason: s.reason, location });
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

/** Runs the rules on an analysis and returns findings in document coordinates. */
export function findingsOf(analysis: Analysis, settings?: EngineSettings): Finding[] {
  const notebook = analysis.input.kind === 'notebook';
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = effectiveSeverity(rule, settings, notebook);
    if (severity === 'off') continue;
    if (!rule.check) continue;
    for (const m of analysis.modules) {
      if (!m.model || (rule.requires && !m.module.text.includes(rule.requires))) continue;
      const ctx: RuleContext = {
        input: analysis.input,
        model: m.model,
        module: m.module,
        source: analysis.source,
        isNotebook: notebook,
        report: (r) => findings.push(toFinding(rule, severity, m.module, r)),
        reportAt: (location, r) => findings.push(locatedFinding(rule, severity, location, r)),
      };
      rule.check(ctx);
    }
  }
  const kept = findings.filter((f) => !analysis.suppressions.some((s) => suppresses(s, f.code, f)));
  return kept.sort(compareFindings);
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
  return findings.filter((f) => !suppressions.some((s) => suppresses(s, f.code, f))).sort(compareFindings);
}

function toFinding(rule: Rule, severity: Severity, module: SourceModule, r: Report): Finding {
  const loc = toDocumentLocation(module, r.range ?? nodeRange(r.node!));
  const f: Finding = { code: rule.meta.code, message: r.message, severity, ...loc };
  if (r.symbol) f.symbol = r.symbol;
  if (r.deprecated) f.tags = ['deprecated'];
  if (r.related?.length) f.related = r.related.map((x) => ({ ...toDocumentLocation(module, nodeRange(x.node)), message: x.message }));
  if (r.fixes?.length) {
    f.fixes = r.fixes.map((fix) => ({
      title: fix.title,
      safety: fix.safety,
      edits: fix.edits.map((e) => ({ ...toDocumentLocation(module, e.range), newText: e.newText })),
    }));
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

/** Lints a Python file or a notebook's cells. Never throws on any input text. */
export function lint(input: DocumentInput, settings?: EngineSettings, previous?: Analysis): LintResult & { analysis: Analysis } {
  const analysis = analyseDocument(input, previous);
  const findings = input.kind === 'text' ? textFindings(input, settings) : findingsOf(analysis, settings);
  return { findings, analysis };
}

/** Markdown hover for the v1/v2 symbol at a document position, if any. */
export function hover(input: DocumentInput | Analysis, at: { cell?: number; position: Position }): string | undefined {
  const analysis = 'source' in input ? input : analyseDocument(input);
  const loc: Location = { cell: at.cell, range: { start: at.position, end: at.position } };
  return hoverAt(analysis, loc);
}
