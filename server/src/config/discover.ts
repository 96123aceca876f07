/**
 * Finding the configuration that applies to a file: the nearest `pyproject.toml` with a
 * `[tool.amlint]` table in the file's directory or above it (a pyproject.toml without one is
 * skipped, as Ruff does), or the one file given with `--config`.
 *
 * The resolver caches per directory; the language server calls `invalidate()` when a
 * pyproject.toml changes (workspace/didChangeWatchedFiles) and resolves again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from './load';
import type { ConfigError, ConfigResult } from './types';

export const CONFIG_FILE_NAME = 'pyproject.toml';

/** Reads a file's text; undefined when it does not exist or is a directory. Throws on other errors. */
export type ReadText = (file: string) => string | undefined;

export const readTextFromDisk: ReadText = (file) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw e;
  }
};

export interface ResolverOptions {
  /** `--config PATH`: this file applies to every file; nothing is searched. */
  explicit?: string;
  /** `--no-config` / isolated mode: no configuration at all. */
  none?: boolean;
  read?: ReadText;
}

function readError(file: string, e: unknown): ConfigResult {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message ?? String(e);
  const error: ConfigError = { file, line: 1, column: 1, key: '', message: `cannot read the configuration file: ${reason}` };
  return { ok: false, errors: [error] };
}

export class ConfigResolver {
  private readonly byDir = new Map<string, ConfigResult>();
  private explicitResult?: ConfigResult;
  private readonly read: ReadText;

  constructor(private readonly options: ResolverOptions = {}) {
    this.read = options.read ?? readTextFromDisk;
  }

  /** Loads one file (no search). A missing file is an error. */
  loadFile(file: string): ConfigResult {
    const abs = path.resolve(file);
    let text: string | undefined;
    try {
      text = this.read(abs);
    } catch (e) {
      return readError(abs, e);
    }
    if (text === undefined) return { ok: false, errors: [{ file: abs, line: 1, column: 1, key: '', message: 'configuration file not found' }] };
    const result = parseConfigText(text, abs);
    if (result.ok && !result.config && this.options.explicit !== undefined) {
      // `--config pyproject.toml` without [tool.amlint]: an empty configuration, said plainly.
      return { ok: true, config: { file: abs, dir: path.dirname(abs), layer: {}, settings: {}, exclude: [], perFileIgnores: [] } };
    }
    return result;
  }

  /** The configuration for a file or directory (absolute or relative to the process's cwd). */
  forPath(target: string, isDirectory = false): ConfigResult {
    if (this.options.none) return { ok: true, config: undefined };
    if (this.options.explicit !== undefined) {
      this.explicitResult ??= this.loadFile(this.options.explicit);
      return this.explicitResult;
    }
    const abs = path.resolve(target);
    return this.forDirectory(isDirectory ? abs : path.dirname(abs));
  }

  private forDirectory(start: string): ConfigResult {
    const visited: string[] = [];
    let dir = start;
    let result: ConfigResult | undefined;
    for (;;) {
      const cached = this.byDir.get(dir);
      if (cached) {
        result = cached;
        break;
      }
      visited.push(dir);
      const file = path.join(dir, CONFIG_FILE_NAME);
      let text: string | undefined;
      try {
        text = this.read(file);
      } catch (e) {
        result = readError(file, e);
        break;
      }
      if (text !== undefined) {
        const r = parseConfigText(text, file);
        if (!r.ok || r.config) {
          result = r;
          break;
        }
      }
      const up = path.dirname(dir);
      if (up === dir) {
        result = { ok: true, config: undefined };
        break;
      }
      dir = up;
    }
    for (const d of visited) this.byDir.set(d, result);
    return result;
  }

  /** Forgets cached results (all of them, or those that came from `file`). */
  invalidate(file?: string): void {
    this.explicitResult = undefined;
    if (file === undefined) {
      this.byDir.clear();
      return;
    }
    // A new, changed or deleted pyproject.toml can change the answer for its directory and
    // every directory below it.
    const dir = path.dirname(path.resolve(file));
    for (const key of [...this.byDir.keys()]) {
      const rel = path.relative(dir, key);
      if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) this.byDir.delete(key);
    }
  }
}
