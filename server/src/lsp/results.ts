/**
 * Lint results per target, computed on demand and kept while the target's stamp and settings
 * are unchanged, so push, pull, hover and code actions on one version share one analysis. The
 * previous analysis is handed to the engine so unchanged modules are not parsed again.
 * Suggestions are left to be built when a code action asks for them (engine `lazyFixes`).
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { dropDeferredFixes, lint, parsedCharacters, type Finding } from '../engine';
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
  engineSettings: EngineSettings;
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
  /**
   * Set when the analysis was dropped (KEPT_ANALYSES) before the findings' suggestions were
   * built: `withSuggestions` analyses the same text again when a code action needs them.
   */
  suggestionsDropped?: boolean;
}

export function uriMapper(snapshot: Snapshot): UriOf {
  return snapshot.kind === 'file' ? () => snapshot.key : (cell) => (cell === undefined ? undefined : snapshot.cellUris[cell]);
}

/**
 * A document the engine could not analyse (e.g. nested too deeply) says so at its start, so an
 * empty Problems list is never mistaken for "no SDK v1 code".
 */
export function fatalFinding(snapshot: Snapshot, message: string): Finding {
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
    const outcome: LintOutcome = { ...this.analyse(snapshot, engineSettings, cached?.analysis), snapshot, engineSettings, settingsKey: key, resultId: `${++this.counter}` };
    this.cache.set(snapshot.key, outcome);
    this.keep(snapshot.key);
    afterParsing(parsedCharacters());
    this.durations.set(snapshot.key, performance.now() - started);
    this.trace(`linted ${snapshot.key} in ${(performance.now() - started).toFixed(1)} ms: ${outcome.findings.length} finding(s)`);
    return outcome;
  }

  private analyse(snapshot: Snapshot, settings: EngineSettings, previous: Analysis | undefined): Pick<LintOutcome, 'findings' | 'analysis' | 'uriOf' | 'diagnostics'> {
    const result = lint(snapshot.input, settings, previous, { lazyFixes: true });
    const findings = result.fatal ? [...result.findings, fatalFinding(snapshot, result.fatal)] : result.findings;
    const uriOf = uriMapper(snapshot);
    const uris = snapshot.kind === 'file' ? [snapshot.key] : snapshot.cellUris;
    return { findings, analysis: result.analysis, uriOf, diagnostics: diagnosticsByUri(findings, uriOf, uris) };
  }

  /**
   * The outcome, able to build its findings' suggestions: one whose analysis was dropped is
   * analysed again (the same text and settings give the same findings), and kept.
   */
  withSuggestions(outcome: LintOutcome): LintOutcome {
    if (!outcome.suggestionsDropped || this.cache.get(outcome.snapshot.key) !== outcome) return outcome;
    const started = performance.now();
    Object.assign(outcome, this.analyse(outcome.snapshot, outcome.engineSettings, undefined), { suggestionsDropped: false });
    this.keep(outcome.snapshot.key);
    this.trace(`analysed ${outcome.snapshot.key} again for its suggestions in ${(performance.now() - started).toFixed(1)} ms`);
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
      if (outcome) {
        outcome.analysis = undefined;
        // Their pending computations hold the analysis too.
        if (dropDeferredFixes(outcome.findings)) outcome.suggestionsDropped = true;
      }
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
