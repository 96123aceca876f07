/**
 * The CLI's result cache (`--cache`, `--cache-location DIR`): per file, what linting it
 * produced, keyed by a SHA-256 of
 *
 *   - the file's bytes (not its modification time: a checkout or `touch` does not invalidate,
 *     an edit always does),
 *   - the path relative to the working directory (rules look at the name: `__init__.py`,
 *     `requirements*.txt`, `.github/workflows/*.yml`),
 *   - the effective settings for that file (rule selection, severities, per-file ignores),
 *   - amlint's fingerprint: its version and a hash of its compiled engine, rule and CLI files
 *     (so a new version, or a development tree rebuilt with changes, starts afresh).
 *
 * Everything lives in one JSON file, `amlint-cache.json`, in the cache directory (default:
 * `node_modules/.cache/amlint` when the working directory has `node_modules`, else
 * `.amlint-cache`). The directory gets a `.gitignore` of `*` and a `CACHEDIR.TAG`, as Ruff's
 * does, so it is never committed or backed up.
 *
 * The cache never changes a result and never stops a run: a missing, unreadable, corrupt or
 * foreign file is an empty cache, an entry of the wrong shape is a miss, and a cache that
 * cannot be written costs a one-line warning. Writes go to a temporary file that is renamed
 * over the old one, so a concurrent run or a crash never leaves half a file.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../engine';
import type { ReportedMessage } from './report';

/** Bump when the shape of an entry changes. */
export const CACHE_FORMAT = 1;
export const CACHE_FILE_NAME = 'amlint-cache.json';
/** Entries kept at most (the most recently used win). */
export const MAX_ENTRIES = 100_000;
/** An entry unused for this long is dropped when the cache is written. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
/** A hit refreshes an entry's last-use time only when it is older than this (saves rewrites). */
const TOUCH_AFTER_MS = 24 * 3600 * 1000;

/** What linting one file produced (the part of the outcome worth keeping). */
export interface CachedResult {
  /** How loading went: `warning` for a recovered notebook. Files that cannot be read are not cached. */
  warning?: string;
  /** The engine's `fatal` (a document it could not analyse). */
  fatal?: string;
  findings: Finding[];
  /** `findings` as report messages (ESLint fix offsets included), in the same order. */
  messages: ReportedMessage[];
}

interface Entry {
  /** Last use, ms since the epoch. */
  t: number;
  v: CachedResult;
}

interface CacheFile {
  amlint: 'cache';
  format: number;
  fingerprint: string;
  entries: Record<string, Entry>;
}

/** The default cache directory for a run in `cwd`. */
export function defaultCacheLocation(cwd: string): string {
  const nodeModules = path.join(cwd, 'node_modules');
  try {
    if (fs.statSync(nodeModules).isDirectory()) return path.join(nodeModules, '.cache', 'amlint');
  } catch {
    // no node_modules here: a Python project
  }
  return path.join(cwd, '.amlint-cache');
}

/**
 * amlint's identity for cache keys: the version plus the content of every compiled file under
 * the engine, rules and CLI directories (under 1 MB; a few milliseconds to hash). Content, not
 * modification times: a rebuild that changes nothing keeps the cache valid.
 */
export function amlintFingerprint(version: string): string {
  const hash = createHash('sha256').update(`amlint ${version} format ${CACHE_FORMAT}\n`);
  const root = path.resolve(__dirname, '..');
  for (const dir of ['engine', 'rules', 'cli']) {
    for (const file of listFiles(path.join(root, dir))) {
      try {
        hash.update(`${path.relative(root, file)}\n`).update(fs.readFileSync(file));
      } catch {
        // vanished: the version still identifies the build
      }
    }
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full));
    else if (e.isFile() && e.name.endsWith('.js')) out.push(full);
  }
  return out;
}

/** JSON with object keys sorted, so equal settings always hash the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The cache key of one file. */
export function cacheKey(fingerprint: string, settingsJson: string, relPath: string, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(fingerprint)
    .update('\0')
    .update(settingsJson)
    .update('\0')
    .update(relPath.split(path.sep).join('/'))
    .update('\0')
    .update(bytes)
    .digest('hex');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A cached value of the right shape (anything else is treated as a miss). */
function isResult(v: unknown): v is CachedResult {
  if (!isObject(v) || !Array.isArray(v.findings) || !Array.isArray(v.messages)) return false;
  if (v.findings.length !== v.messages.length) return false;
  if (v.warning !== undefined && typeof v.warning !== 'string') return false;
  if (v.fatal !== undefined && typeof v.fatal !== 'string') return false;
  return (
    v.findings.every((f) => isObject(f) && typeof f.code === 'string' && isObject(f.range)) &&
    v.messages.every((m) => isObject(m) && isObject(m.json) && typeof m.level === 'string')
  );
}

export class LintCache {
  private entries: Map<string, Entry>;
  private dirty = false;
  private readonly now = Date.now();
  hits = 0;
  misses = 0;

  private constructor(
    readonly directory: string,
    readonly fingerprint: string,
    entries: Map<string, Entry>,
  ) {
    this.entries = entries;
  }

  get file(): string {
    return path.join(this.directory, CACHE_FILE_NAME);
  }

  /** Opens the cache in `directory`; never throws (an unusable file is an empty cache). */
  static open(directory: string, fingerprint: string): LintCache {
    const entries = new Map<string, Entry>();
    try {
      const data: unknown = JSON.parse(fs.readFileSync(path.join(directory, CACHE_FILE_NAME), 'utf8'));
      if (isObject(data) && data.amlint === 'cache' && data.format === CACHE_FORMAT && data.fingerprint === fingerprint && isObject(data.entries)) {
        for (const [key, entry] of Object.entries(data.entries)) {
          if (isObject(entry) && typeof entry.t === 'number') entries.set(key, entry as unknown as Entry);
        }
      }
      // Another version's or build's cache: ignored, and replaced when this run writes.
    } catch {
      // Absent, unreadable or corrupt: start empty.
    }
    return new LintCache(directory, fingerprint, entries);
  }

  get(key: string): CachedResult | undefined {
    const entry = this.entries.get(key);
    if (!entry || !isResult(entry.v)) {
      if (entry) this.entries.delete(key); // wrong shape: never trusted, dropped on save
      this.misses++;
      return undefined;
    }
    this.hits++;
    if (this.now - entry.t > TOUCH_AFTER_MS) {
      entry.t = this.now;
      this.dirty = true;
    }
    return entry.v;
  }

  set(key: string, value: CachedResult): void {
    this.entries.set(key, { t: this.now, v: value });
    this.dirty = true;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Writes the cache if anything changed. Returns a warning for stderr when it could not be
   * written (the run's result stands either way).
   */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    let kept = [...this.entries].filter(([, e]) => this.now - e.t <= MAX_AGE_MS);
    if (kept.length > MAX_ENTRIES) kept = kept.sort((a, b) => b[1].t - a[1].t).slice(0, MAX_ENTRIES);
    const data: CacheFile = { amlint: 'cache', format: CACHE_FORMAT, fingerprint: this.fingerprint, entries: Object.fromEntries(kept) };
    const tmp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      fs.mkdirSync(this.directory, { recursive: true });
      markCacheDirectory(this.directory);
      fs.writeFileSync(tmp, JSON.stringify(data));
      fs.renameSync(tmp, this.file);
      this.dirty = false;
      return undefined;
    } catch (e) {
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing to clean up
      }
      return `amlint: cannot write the cache in ${this.directory}: ${(e as Error).message}`;
    }
  }
}

/** `.gitignore` and `CACHEDIR.TAG` in a cache directory, written once. */
function markCacheDirectory(dir: string): void {
  const gitignore = path.join(dir, '.gitignore');
  if (!fs.existsSync(gitignore)) fs.writeFileSync(gitignore, '# Created by amlint automatically.\n*\n');
  const tag = path.join(dir, 'CACHEDIR.TAG');
  if (!fs.existsSync(tag)) {
    fs.writeFileSync(tag, 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by amlint.\n# For information about cache directory tags see https://bford.info/cachedir/\n');
  }
}
