/**
 * Combining settings layers (config file < editor settings < command line) and applying the
 * file-dependent parts of a configuration (`per-file-ignores`, `exclude`).
 *
 * Selection works as in Ruff: layers are applied lowest first; a layer's `select` replaces the
 * set of enabled rules, `extend-select` adds to it and `ignore` removes from it. So `--select`
 * on the command line overrides the file's `select`, `extend-select` and `ignore`, and
 * `--ignore` removes rules on top of the file's selection. `per-file-ignores` come last and
 * always apply. Severities merge key by key: a higher layer overrides a lower one for the
 * rules it names; within one layer a full code beats a prefix.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { listRules, type SeveritySetting } from '../engine';
import type { LoadedConfig, PerFileIgnore, ResolvedSettings, SettingsLayer } from './types';

function allCodes(): string[] {
  return listRules().map((r) => r.code);
}

function matching(codes: readonly string[], selectors: readonly string[]): string[] {
  return codes.filter((c) => selectors.some((s) => c.startsWith(s.trim().toUpperCase())));
}

function mergeSeverity(codes: readonly string[], tables: Array<Record<string, SeveritySetting> | undefined>): Record<string, SeveritySetting> | undefined {
  const out: Record<string, SeveritySetting> = {};
  let any = false;
  for (const table of tables) {
    if (!table) continue;
    // Prefixes first, full codes last, so the more specific key wins within the layer.
    const keys = Object.keys(table).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      for (const code of matching(codes, [key])) {
        out[code] = table[key];
        any = true;
      }
    }
  }
  return any ? out : undefined;
}

export interface ResolveInput {
  /** Lowest precedence first, e.g. [config.layer, editorLayer, cliLayer]. */
  layers: Array<SettingsLayer | undefined>;
  /** The configuration whose `per-file-ignores` apply to `filePath`. */
  config?: LoadedConfig;
  /** Absolute path of the file being linted (for `per-file-ignores`). */
  filePath?: string;
}

/**
 * The engine settings for one file. `select` lists the enabled rule codes explicitly (absent
 * when every rule is enabled); `severity`/`notebookSeverity` list full codes.
 */
export function resolveSettings(input: ResolveInput): ResolvedSettings {
  const codes = allCodes();
  let enabled = new Set(codes);
  let reportUnusedDirectives: SeveritySetting | undefined;
  for (const layer of input.layers) {
    if (!layer) continue;
    if (layer.select) enabled = new Set(matching(codes, layer.select));
    if (layer.extendSelect) for (const c of matching(codes, layer.extendSelect)) enabled.add(c);
    if (layer.ignore) for (const c of matching(codes, layer.ignore)) enabled.delete(c);
    if (layer.reportUnusedDirectives !== undefined) reportUnusedDirectives = layer.reportUnusedDirectives;
  }
  if (input.config && input.filePath) {
    for (const c of matching(codes, perFileIgnoredCodes(input.config, input.filePath))) enabled.delete(c);
  }
  const out: ResolvedSettings = {};
  if (enabled.size === 0) out.ignore = ['AML'];
  else if (enabled.size < codes.length) out.select = codes.filter((c) => enabled.has(c));
  const severity = mergeSeverity(codes, input.layers.map((l) => l?.severity));
  if (severity) out.severity = severity;
  const notebookSeverity = mergeSeverity(codes, input.layers.map((l) => l?.notebookSeverity));
  if (notebookSeverity) out.notebookSeverity = notebookSeverity;
  if (reportUnusedDirectives !== undefined && reportUnusedDirectives !== 'off') out.reportUnusedDirectives = reportUnusedDirectives;
  return out;
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** The path of `file` relative to the config's directory, posix-style. */
export function configRelative(config: Pick<LoadedConfig, 'dir'>, file: string): string {
  return toPosix(path.relative(config.dir, path.resolve(file)));
}

const matcherCache = new Map<string, (s: string) => boolean>();

function matcher(pattern: string): (s: string) => boolean {
  let m = matcherCache.get(pattern);
  if (!m) {
    m = picomatch(pattern, { dot: true });
    matcherCache.set(pattern, m);
  }
  return m;
}

/**
 * Does a glob match a relative posix path? A pattern without `/` matches a file or directory
 * name at any depth (`*.ipynb`, `legacy`), like .gitignore; a pattern with `/` matches the
 * path from the config's directory (`notebooks/**`, `src/legacy/*.py`); a leading `/` or `./`
 * anchors a name to the config's directory (`/setup.py`).
 */
export function globMatches(pattern: string, rel: string): boolean {
  let p = pattern.replace(/\\/g, '/');
  const anchored = p.startsWith('/') || p.startsWith('./');
  p = p.replace(/^\.?\//, '');
  if (p === '') return false;
  if (!anchored && !p.includes('/')) return matcher(p)(rel.slice(rel.lastIndexOf('/') + 1));
  return matcher(p)(rel);
}

/** The codes `per-file-ignores` switch off for a file. */
export function perFileIgnoredCodes(config: Pick<LoadedConfig, 'dir' | 'perFileIgnores'>, file: string): string[] {
  const rel = configRelative(config, file);
  const out: string[] = [];
  for (const entry of config.perFileIgnores as PerFileIgnore[]) {
    if (globMatches(entry.pattern, rel) !== entry.negated) out.push(...entry.codes);
  }
  return out;
}

/**
 * Is a file (or directory) excluded by the config's `exclude` globs? It is when a pattern
 * matches its path or the path of one of its parent directories below the config's directory
 * (so `legacy/` or `build` excludes everything inside). A pattern ending in `/` matches
 * directories only. Files outside the config's directory are never excluded by it.
 */
export function isExcluded(config: Pick<LoadedConfig, 'dir' | 'exclude'>, file: string, isDirectory = false): boolean {
  if (!config.exclude.length) return false;
  const rel = configRelative(config, file);
  if (rel === '' || rel === '..' || rel.startsWith('../') || path.isAbsolute(rel)) return false;
  const parts = rel.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    const isDir = i < parts.length || isDirectory;
    for (const raw of config.exclude) {
      const dirOnly = raw.endsWith('/');
      if (dirOnly && !isDir) continue;
      const pattern = dirOnly ? raw.slice(0, -1) : raw;
      if (globMatches(pattern, prefix)) return true;
    }
  }
  return false;
}
