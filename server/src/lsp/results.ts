/**
 * Lint results per target, computed on demand and kept while the target's stamp and settings
 * are unchanged, so push, pull, hover and code actions on one version share one analysis. The
 * previous analysis is handed to the engine so unchanged modules are not parsed again.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { lint, type Finding } from '../engine';
import type { Snapshot } from './documents';
import { diagnosticsByUri, type UriOf } from './diagnostics';
import { settingsKey, toEngineSettings, type Settings } from './settings';

export type Analysis = ReturnType<typeof lint>['analysis'];

export interface LintOutcome {
  snapshot: Snapshot;
  settingsKey: string;
  findings: Finding[];
  analysis: Analysis;
  /** Cell index → URI for this snapshot (files: always the file URI). */
  uriOf: UriOf;
  /** Every URI of the target (the file, or each cell) → its diagnostics (possibly empty). */
  diagnostics: Map<string, Diagnostic[]>;
  /** For pull diagnostics: identifies this result. */
  resultId: string;
}

export function uriMapper(snapshot: Snapshot): UriOf {
  return snapshot.kind === 'file' ? () => snapshot.key : (cell) => (cell === undefined ? undefined : snapshot.cellUris[cell]);
}

export class Results {
  private readonly cache = new Map<string, LintOutcome>();
  private counter = 0;

  constructor(private readonly trace: (message: string) => void) {}

  get(snapshot: Snapshot, settings: Settings): LintOutcome {
    const key = settingsKey(settings);
    const cached = this.cache.get(snapshot.key);
    if (cached && cached.snapshot.stamp === snapshot.stamp && cached.settingsKey === key) return cached;

    const started = performance.now();
    const { findings, analysis } = lint(snapshot.input, toEngineSettings(settings), cached?.analysis);
    const uriOf = uriMapper(snapshot);
    const uris = snapshot.kind === 'file' ? [snapshot.key] : snapshot.cellUris;
    const outcome: LintOutcome = {
      snapshot,
      settingsKey: key,
      findings,
      analysis,
      uriOf,
      diagnostics: diagnosticsByUri(findings, uriOf, uris),
      resultId: `${++this.counter}`,
    };
    this.cache.set(snapshot.key, outcome);
    this.trace(`linted ${snapshot.key} in ${(performance.now() - started).toFixed(1)} ms: ${findings.length} finding(s)`);
    return outcome;
  }

  /** The cached result, if it is still for this snapshot. */
  peek(snapshot: Snapshot): LintOutcome | undefined {
    const cached = this.cache.get(snapshot.key);
    return cached && cached.snapshot.stamp === snapshot.stamp ? cached : undefined;
  }

  forget(key: string): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}
