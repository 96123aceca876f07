/**
 * Lint results per target, computed on demand and kept while the target's stamp and settings
 * are unchanged, so push, pull, hover and code actions on one version share one analysis. The
 * previous analysis is handed to the engine so unchanged modules are not parsed again.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { lint, parsedCharacters, type Finding } from '../engine';
import { afterParsing } from './memory';
import type { Snapshot } from './documents';
import { diagnosticsByUri, type UriOf } from './diagnostics';
import { toEngineSettings, type Settings } from './settings';
import { ConfigResolver, resolveSettings, type ConfigError } from '../config';
import type { EngineSettings } from '../engine';
import { fileURLToPath } from 'node:url';

/** The file-system path of a `file:` URI (files and notebooks), else undefined. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export type Analysis = ReturnType<typeof lint>['analysis'];

export interface LintOutcome {
  snapshot: Snapshot;
  settingsKey: string;
  findings: Finding[];
  /**
   * The engine's analysis (trees, semantic model), kept for the most recently linted targets
   * only (KEPT_ANALYSES): it makes the next edit incremental and hovers instant. Others drop it
   * to bound memory with hundreds of open documents; a hover there analyses again.
   */
  analysis: Analysis | undefined;
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

/**
 * A document the engine could not analyse (e.g. nested too deeply) says so at its start, so an
 * empty Problems list is never mistaken for "no SDK v1 code".
 */
function fatalFinding(snapshot: Snapshot, message: string): Finding {
  const cell = snapshot.input.kind === 'notebook' ? Math.max(0, snapshot.input.cells.findIndex((c) => c.kind === 'code')) : undefined;
  return { code: 'amlint', message: `amlint could not analyse this ${cell === undefined ? 'file' : 'notebook'}: ${message}`, severity: 'warning', cell, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** How many targets keep their analysis (see LintOutcome.analysis). */
const KEPT_ANALYSES = 8;

export class Results {
  private readonly cache = new Map<string, LintOutcome>();
  /** Keys of the targets whose outcome keeps its analysis, most recent last. */
  private readonly kept: string[] = [];
  /** How long the last analysis of each target took, ms (the scheduler paces edits by it). */
  private readonly durations = new Map<string, number>();
  private counter = 0;

  /** `[tool.amlint]` in the nearest pyproject.toml, cached per directory. */
  readonly config = new ConfigResolver();

  /**
   * `trace` logs timings; `configErrors` hears about a broken configuration file (the server
   * shows its errors as diagnostics on that file).
   */
  constructor(
    private readonly trace: (message: string) => void,
    private readonly configErrors: (file: string, errors: ConfigError[]) => void = () => undefined,
  ) {}

  /**
   * Engine settings for a target: its pyproject.toml configuration, overridden by the editor's
   * settings (the same precedence as the CLI: command line > editor > file).
   */
  engineSettings(snapshot: Snapshot, settings: Settings): EngineSettings {
    const editor = toEngineSettings(settings);
    const file = pathOf(snapshot.key);
    if (!file) return editor;
    const found = this.config.forPath(file);
    if (!found.ok) {
      this.configErrors(found.errors[0].file, found.errors);
      return editor;
    }
    return resolveSettings({ layers: [found.config?.layer, editor], config: found.config, filePath: file });
  }

  get(snapshot: Snapshot, settings: Settings): LintOutcome {
    const engineSettings = this.engineSettings(snapshot, settings);
    const key = JSON.stringify(engineSettings);
    const cached = this.cache.get(snapshot.key);
    if (cached && cached.snapshot.stamp === snapshot.stamp && cached.settingsKey === key) return cached;

    const started = performance.now();
    const result = lint(snapshot.input, engineSettings, cached?.analysis);
    const { analysis } = result;
    const findings = result.fatal ? [...result.findings, fatalFinding(snapshot, result.fatal)] : result.findings;
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
    this.keep(snapshot.key);
    afterParsing(parsedCharacters());
    this.durations.set(snapshot.key, performance.now() - started);
    this.trace(`linted ${snapshot.key} in ${(performance.now() - started).toFixed(1)} ms: ${findings.length} finding(s)`);
    return outcome;
  }

  /** The cached result, if it is still for this snapshot. */
  peek(snapshot: Snapshot): LintOutcome | undefined {
    const cached = this.cache.get(snapshot.key);
    return cached && cached.snapshot.stamp === snapshot.stamp ? cached : undefined;
  }

  private keep(key: string): void {
    const i = this.kept.indexOf(key);
    if (i >= 0) this.kept.splice(i, 1);
    this.kept.push(key);
    while (this.kept.length > KEPT_ANALYSES) {
      const outcome = this.cache.get(this.kept.shift()!);
      if (outcome) outcome.analysis = undefined;
    }
  }

  lastDuration(key: string): number | undefined {
    return this.durations.get(key);
  }

  forget(key: string): void {
    this.cache.delete(key);
    this.durations.delete(key);
    const i = this.kept.indexOf(key);
    if (i >= 0) this.kept.splice(i, 1);
  }

  clear(): void {
    this.cache.clear();
    this.kept.length = 0;
  }
}
