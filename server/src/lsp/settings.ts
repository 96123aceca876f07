/**
 * Editor settings under the `amlint` section, read through `workspace/configuration` (per
 * document, with `scopeUri`) and refreshed on `workspace/didChangeConfiguration`.
 *
 *   amlint.enable              false silences the server: no diagnostics, hovers or actions
 *   amlint.severity            per-rule overrides, e.g. { "AML103": "hint", "AML001": "off" }
 *   amlint.notebookSeverity    the same, for notebook cells only (applied after `severity`)
 *   amlint.trace.server        "off" | "messages" | "verbose": how much the server logs
 *
 * Values of the wrong type are dropped (the default applies) and reported once in the log, so a
 * typo in settings.json never stops linting.
 */
import type { EngineSettings, SeveritySetting } from '../engine';

export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface Settings {
  /** Lint at all. Default true. */
  enable: boolean;
  /** Per-rule severity by exact code. Default {}. */
  severity: Record<string, SeveritySetting>;
  /** Per-rule severity for notebook cells only. Default {}. */
  notebookSeverity: Record<string, SeveritySetting>;
  trace: { server: TraceLevel };
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  severity: {},
  notebookSeverity: {},
  trace: { server: 'off' as TraceLevel },
});

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);
const TRACE_LEVELS: ReadonlySet<string> = new Set(['off', 'messages', 'verbose']);
/** Editors and other linters say "information"/"warn"/"none"; accept those spellings too. */
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { information: 'info', warn: 'warning', none: 'off', ignore: 'off' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function severityMap(value: unknown, key: string, problems: string[]): Record<string, SeveritySetting> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) {
    problems.push(`amlint.${key} must be an object of rule code → severity`);
    return {};
  }
  const out: Record<string, SeveritySetting> = {};
  for (const [code, raw] of Object.entries(value)) {
    const sev = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
    const normal = sev === undefined ? undefined : SEVERITY_ALIASES[sev] ?? (SEVERITIES.has(sev) ? (sev as SeveritySetting) : undefined);
    if (normal) out[code.trim().toUpperCase()] = normal;
    else problems.push(`amlint.${key}.${code}: expected one of error, warning, info, hint, off`);
  }
  return out;
}

/**
 * Typed settings from whatever the client sent (the `amlint` section, or undefined/null when
 * the client has none). `problems` collects what was ignored.
 */
export function normalizeSettings(raw: unknown, problems: string[] = []): Settings {
  if (raw === undefined || raw === null) return { ...DEFAULT_SETTINGS, trace: { ...DEFAULT_SETTINGS.trace } };
  if (!isObject(raw)) {
    problems.push('amlint settings must be an object');
    return normalizeSettings(undefined);
  }
  let enable = DEFAULT_SETTINGS.enable;
  if (typeof raw.enable === 'boolean') enable = raw.enable;
  else if (raw.enable !== undefined && raw.enable !== null) problems.push('amlint.enable must be true or false');

  // Both `trace: { server }` (settings.json nesting) and a flat `"trace.server"` key occur.
  let trace: TraceLevel = DEFAULT_SETTINGS.trace.server;
  const rawTrace = isObject(raw.trace) ? raw.trace.server : raw['trace.server'];
  if (typeof rawTrace === 'string' && TRACE_LEVELS.has(rawTrace)) trace = rawTrace as TraceLevel;
  else if (rawTrace !== undefined && rawTrace !== null) problems.push('amlint.trace.server must be "off", "messages" or "verbose"');

  return {
    enable,
    severity: severityMap(raw.severity, 'severity', problems),
    notebookSeverity: severityMap(raw.notebookSeverity, 'notebookSeverity', problems),
    trace: { server: trace },
  };
}

/** What the engine needs from the settings. */
export function toEngineSettings(settings: Settings): EngineSettings {
  return { severity: settings.severity, notebookSeverity: settings.notebookSeverity };
}

/** A stable key for caching results computed with some settings. */
export function settingsKey(settings: Settings): string {
  return JSON.stringify(toEngineSettings(settings));
}

/**
 * Settings per scope (a document or notebook URI; '' for the workspace), fetched once and kept
 * until the client says they changed. `fetch` returns the raw `amlint` section.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly fetch: (scopeUri: string | undefined) => Promise<unknown>,
    private readonly warn: (message: string) => void,
  ) {}

  get(scopeUri?: string): Promise<Settings> {
    const key = scopeUri ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = this.load(scopeUri);
      this.cache.set(key, settings);
    }
    return settings;
  }

  /** Forget a scope (its document closed) or, without a scope, everything. */
  invalidate(scopeUri?: string): void {
    if (scopeUri === undefined) this.cache.clear();
    else this.cache.delete(scopeUri);
  }

  private async load(scopeUri: string | undefined): Promise<Settings> {
    let raw: unknown;
    try {
      raw = await this.fetch(scopeUri);
    } catch (error) {
      this.warn(`could not read settings${scopeUri ? ` for ${scopeUri}` : ''}: ${String(error)}; using defaults`);
    }
    const problems: string[] = [];
    const settings = normalizeSettings(raw, problems);
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.warn(`ignored setting: ${p}`);
    }
    return settings;
  }
}
