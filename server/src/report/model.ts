/**
 * The migration report's data: what the linted files use of SDK v1, counted from the same
 * findings the CLI reports (`amlint --format json` on the same paths and configuration gives
 * the same numbers). Rendered as HTML (html.ts), Markdown (markdown.ts) or JSON.
 */
import { getRule, ruleDocsUrl, type Finding } from '../engine';
import { lookup } from '../engine/catalogue';
import { UNUSED_DIRECTIVE } from '../engine/suppressions';
import type { ReportedFile } from '../cli/report';

export interface Area {
  id: string;
  label: string;
  /** Rule codes (or a family prefix) in this area. */
  codes: string;
  blocker: boolean;
}

/** Areas in report order; each rule code belongs to exactly one (see areaOfCode). */
export const AREAS: readonly Area[] = [
  { id: 'no-v2-equivalent', label: 'No full v2 equivalent', codes: 'AML2xx', blocker: true },
  { id: 'network', label: 'Network isolation', codes: 'AML3xx', blocker: true },
  { id: 'mixing', label: 'v1 and v2 mixed', codes: 'AML0xx', blocker: false },
  { id: 'imports', label: 'Imports', codes: 'AML100', blocker: false },
  { id: 'workspace', label: 'Workspace and authentication', codes: 'AML101', blocker: false },
  { id: 'jobs', label: 'Experiments, runs and jobs', codes: 'AML102', blocker: false },
  { id: 'logging', label: 'Logging and metrics', codes: 'AML103', blocker: false },
  { id: 'environment', label: 'Environments', codes: 'AML104', blocker: false },
  { id: 'compute', label: 'Compute', codes: 'AML105', blocker: false },
  { id: 'datastore', label: 'Datastores', codes: 'AML106', blocker: false },
  { id: 'data', label: 'Datasets and data', codes: 'AML107', blocker: false },
  { id: 'model', label: 'Models', codes: 'AML108', blocker: false },
  { id: 'deployment', label: 'Deployment', codes: 'AML109', blocker: false },
  { id: 'pipeline', label: 'Pipelines', codes: 'AML110', blocker: false },
  { id: 'sweep', label: 'Hyperparameter tuning (HyperDrive)', codes: 'AML111', blocker: false },
  { id: 'automl', label: 'AutoML', codes: 'AML112', blocker: false },
  { id: 'other', label: 'Other v1 APIs', codes: 'AML113', blocker: false },
  { id: 'dependencies', label: 'Dependencies (requirements, conda, pyproject)', codes: 'AML4xx', blocker: false },
  { id: 'cli', label: 'Azure ML CLI v1', codes: 'AML5xx', blocker: false },
];

const AML1_AREAS = ['imports', 'workspace', 'jobs', 'logging', 'environment', 'compute', 'datastore', 'data', 'model', 'deployment', 'pipeline', 'sweep', 'automl', 'other'];

export function areaOfCode(code: string): string {
  if (code.startsWith('AML0')) return 'mixing';
  if (code.startsWith('AML2')) return 'no-v2-equivalent';
  if (code.startsWith('AML3')) return 'network';
  if (code.startsWith('AML4')) return 'dependencies';
  if (code.startsWith('AML5')) return 'cli';
  if (code.startsWith('AML1')) return AML1_AREAS[Number(code.slice(4))] ?? 'other';
  return 'other';
}

export function isBlocker(code: string): boolean {
  return code.startsWith('AML2') || code.startsWith('AML3');
}

export type Fixability = 'safe' | 'suggestion' | 'manual';

/** `safe`: `amlint --fix` rewrites it; `suggestion`: a fix is offered (--unsafe-fixes, quick fix); `manual`: no fix. */
export function fixabilityOf(f: Finding): Fixability {
  if (f.fixes?.some((x) => x.safety === 'safe')) return 'safe';
  if (f.fixes?.length) return 'suggestion';
  return 'manual';
}

export interface ReportData {
  tool: { name: 'amlint'; version: string };
  generated: string;
  /** The paths given (or "."), as typed. */
  scope: string[];
  totals: {
    /** Files linted (including those that could not be read). */
    files: number;
    filesWithFindings: number;
    /** Files that could not be linted (fatal message). */
    notLinted: number;
    findings: number;
    blockers: number;
    errors: number;
    warnings: number;
  };
  fixability: Record<Fixability, number>;
  areas: Array<{ id: string; label: string; codes: string; blocker: boolean; count: number; files: number }>;
  files: Array<{ path: string; count: number; blockers: number; safe: number; areas: Record<string, number> }>;
  apis: Array<{ symbol: string; count: number; files: number; codes: string[]; v2?: string; kind?: string; doc: string }>;
  blockers: Array<{ code: string; name: string; path: string; line: number; column: number; cell?: number; message: string; symbol?: string; doc: string }>;
  rules: Array<{ code: string; name: string; count: number; blocker: boolean; safe: number; doc: string }>;
  notLinted: Array<{ path: string; message: string }>;
}

function firstDoc(code: string): string {
  return getRule(code)?.docs.references.find((u) => u.startsWith('https://learn.microsoft.com')) ?? ruleDocsUrl(code);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildReport(files: readonly ReportedFile[], meta: { version: string; scope: string[]; now?: Date }): ReportData {
  const areaCounts = new Map<string, { count: number; files: Set<string> }>();
  const fileRows: ReportData['files'] = [];
  const apis = new Map<string, { count: number; files: Set<string>; codes: Set<string> }>();
  const rules = new Map<string, { count: number; safe: number }>();
  const blockers: ReportData['blockers'] = [];
  const notLinted: ReportData['notLinted'] = [];
  const fixability: Record<Fixability, number> = { safe: 0, suggestion: 0, manual: 0 };
  let findings = 0;
  let errors = 0;
  let warnings = 0;

  for (const file of files) {
    const p = file.displayPath.replace(/\\/g, '/');
    const row = { path: p, count: 0, blockers: 0, safe: 0, areas: {} as Record<string, number> };
    for (const m of file.messages) {
      if (m.json.fatal) {
        notLinted.push({ path: p, message: m.json.message });
        continue;
      }
      const f = m.finding;
      if (!f || f.code === UNUSED_DIRECTIVE) continue;
      findings++;
      if (m.json.severity === 2) errors++;
      else warnings++;
      row.count++;
      const area = areaOfCode(f.code);
      row.areas[area] = (row.areas[area] ?? 0) + 1;
      let a = areaCounts.get(area);
      if (!a) areaCounts.set(area, (a = { count: 0, files: new Set() }));
      a.count++;
      a.files.add(p);
      const fx = fixabilityOf(f);
      fixability[fx]++;
      if (fx === 'safe') row.safe++;
      let r = rules.get(f.code);
      if (!r) rules.set(f.code, (r = { count: 0, safe: 0 }));
      r.count++;
      if (fx === 'safe') r.safe++;
      if (f.symbol) {
        let api = apis.get(f.symbol);
        if (!api) apis.set(f.symbol, (api = { count: 0, files: new Set(), codes: new Set() }));
        api.count++;
        api.files.add(p);
        api.codes.add(f.code);
      }
      if (isBlocker(f.code)) {
        row.blockers++;
        const b: ReportData['blockers'][number] = {
          code: f.code,
          name: getRule(f.code)?.name ?? f.code,
          path: p,
          line: m.json.line,
          column: m.json.column,
          message: f.message,
          doc: firstDoc(f.code),
        };
        if (m.json.cell !== undefined) b.cell = m.json.cell;
        if (f.symbol) b.symbol = f.symbol;
        blockers.push(b);
      }
    }
    if (row.count) fileRows.push(row);
  }

  blockers.sort((a, b) => compare(a.code, b.code) || compare(a.path, b.path) || (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.column - b.column);
  fileRows.sort((a, b) => b.blockers - a.blockers || b.count - a.count || compare(a.path, b.path));
  const apiRows: ReportData['apis'] = [...apis.entries()].map(([symbol, a]) => {
    const entry = lookup(symbol);
    const codes = [...a.codes].sort();
    const row: ReportData['apis'][number] = { symbol, count: a.count, files: a.files.size, codes, doc: entry?.doc ?? firstDoc(codes[0]) };
    if (entry?.v2?.name) row.v2 = entry.v2.name;
    if (entry?.kind) row.kind = entry.kind;
    return row;
  });
  apiRows.sort((a, b) => b.count - a.count || compare(a.symbol, b.symbol));

  return {
    tool: { name: 'amlint', version: meta.version },
    generated: (meta.now ?? new Date()).toISOString(),
    scope: meta.scope,
    totals: {
      files: files.length,
      filesWithFindings: fileRows.length,
      notLinted: notLinted.length,
      findings,
      blockers: blockers.length,
      errors,
      warnings,
    },
    fixability,
    areas: AREAS.filter((a) => areaCounts.has(a.id)).map((a) => ({ ...a, count: areaCounts.get(a.id)!.count, files: areaCounts.get(a.id)!.files.size })),
    files: fileRows,
    apis: apiRows,
    blockers,
    rules: [...rules.entries()]
      .map(([code, r]) => ({ code, name: getRule(code)?.name ?? code, count: r.count, blocker: isBlocker(code), safe: r.safe, doc: firstDoc(code) }))
      .sort((a, b) => Number(b.blocker) - Number(a.blocker) || b.count - a.count || compare(a.code, b.code)),
    notLinted,
  };
}
