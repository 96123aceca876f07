/**
 * `--statistics`: how many findings each rule produced, most frequent first (then by code),
 * instead of the findings themselves. Like Ruff's `--statistics`:
 *
 *     12  AML101  [ ] v1-workspace-api
 *      3  AML100  [*] v1-import
 *
 * `[*]` marks rules whose findings here carry a safe fix (`--fix` applies them). With
 * `--format json`: `[{code, name, count, fixable}]` where `fixable` counts findings with a safe fix.
 */
import { getRule } from '../engine';
import { UNUSED_DIRECTIVE } from '../engine/suppressions';
import type { ReportedFile } from '../cli/report';

export interface RuleCount {
  code: string;
  name: string;
  count: number;
  /** Findings of this rule with a safe fix. */
  fixable: number;
}

export function ruleCounts(files: readonly ReportedFile[]): RuleCount[] {
  const by = new Map<string, RuleCount>();
  for (const file of files) {
    for (const m of file.messages) {
      const f = m.finding;
      if (!f) continue;
      let row = by.get(f.code);
      if (!row) {
        const name = f.code === UNUSED_DIRECTIVE ? 'unused-directive' : getRule(f.code)?.name ?? f.code;
        by.set(f.code, (row = { code: f.code, name, count: 0, fixable: 0 }));
      }
      row.count++;
      if (f.fixes?.some((x) => x.safety === 'safe')) row.fixable++;
    }
  }
  return [...by.values()].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function formatStatistics(files: readonly ReportedFile[], format: 'text' | 'json'): string {
  const rows = ruleCounts(files);
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (!rows.length) return '';
  const w = Math.max(...rows.map((r) => String(r.count).length));
  const wc = Math.max(...rows.map((r) => r.code.length));
  return rows.map((r) => `${String(r.count).padStart(w)}  ${r.code.padEnd(wc)}  ${r.fixable ? '[*]' : '[ ]'} ${r.name}\n`).join('');
}
