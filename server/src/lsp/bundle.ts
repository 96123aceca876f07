/**
 * Start-up of `bin/amlint-language-server.js`: the esbuild bundle of the server (dist/server.js,
 * built by `npm run build` after tsc, see esbuild.mjs) with a V8 code cache beside it, instead of
 * the ~200 modules tsc writes to out/. Node has no compile cache before v22
 * (`module.enableCompileCache`), and on a 2-core machine Node's start plus loading out/ took most
 * of the first-diagnostics budget (docs/performance.md, "Start-up").
 *
 * Nothing here may change what the server does, only where its code is loaded from:
 *  - the bundle is used only when it is at least as new as out/server/src/lsp/main.js (tsc
 *    rewrites every output file on each build, so a `tsc`-only rebuild after a source edit makes
 *    the bundle stale and out/ is loaded, as before) and AMLINT_SERVER_BUNDLE is not "0";
 *  - the code cache is used only when its header names the SHA-256 of the bundle's exact text
 *    (V8's own check of a cache covers the V8 version and flags and the source's length, not its
 *    content); V8 rejecting it (another Node) only costs the compile it would have saved.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** First line of a code-cache file; the second is the bundle's SHA-256 (hex); V8's data follows. */
const CACHE_MAGIC = 'amlint-v8-code-cache 1';

/** The package root: this file is out/server/src/lsp/bundle.js. */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface BundlePaths {
  /** dist/server.js */
  bundle: string;
  /** the tsc entry point the bundle must be as new as (out/server/src/lsp/main.js) */
  compiled: string;
}

export const DEFAULT_PATHS: BundlePaths = {
  bundle: path.join(ROOT, 'dist', 'server.js'),
  compiled: path.join(ROOT, 'out', 'server', 'src', 'lsp', 'main.js'),
};

/** The code-cache file of a bundle. */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

/** The bundle to start, or undefined: missing, older than the tsc output, or turned off. */
export function freshBundle(paths: BundlePaths = DEFAULT_PATHS, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AMLINT_SERVER_BUNDLE === '0') return undefined;
  try {
    const bundle = fs.statSync(paths.bundle);
    const compiled = fs.statSync(paths.compiled, { throwIfNoEntry: false });
    return !compiled || bundle.mtimeMs >= compiled.mtimeMs ? paths.bundle : undefined;
  } catch {
    return undefined;
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The function text Node compiles for a CommonJS file (its module wrapper). */
const wrapped = (source: string): string => Module.wrap(source);

/** Writes the code cache of `bundle` (atomically: a temporary file renamed over the old one). */
export function writeCodeCache(bundle: string): void {
  const source = fs.readFileSync(bundle, 'utf8');
  const data = new vm.Script(wrapped(source), { filename: bundle }).createCachedData();
  const file = cacheFileOf(bundle);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(`${CACHE_MAGIC}\n${sha256(source)}\n`), data]));
  fs.renameSync(tmp, file);
}

/** The V8 data of `bundle`'s code cache when the cache was written for exactly `source`. */
export function readCodeCache(bundle: string, source: string): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(cacheFileOf(bundle));
  } catch {
    return undefined;
  }
  const header = `${CACHE_MAGIC}\n${sha256(source)}\n`;
  return raw.length > header.length && raw.subarray(0, header.length).toString('latin1') === header ? raw.subarray(header.length) : undefined;
}

/** How the bundle's code was compiled: from the cache, compiled because V8 refused it, or no usable cache. */
export type CacheUse = 'used' | 'rejected' | 'none';

/**
 * Runs `bundle` as Node would run it as a main CommonJS module (its own `require`, `module`,
 * `__filename`, `__dirname`), compiling it with its code cache when there is one for its text.
 * Undefined when it cannot be read or compiled (then nothing of it has run).
 */
export function runBundle(bundle: string): CacheUse | undefined {
  let source: string;
  let cachedData: Buffer | undefined;
  let script: vm.Script;
  try {
    source = fs.readFileSync(bundle, 'utf8');
    cachedData = readCodeCache(bundle, source);
    script = new vm.Script(wrapped(source), { filename: bundle, cachedData });
  } catch {
    // unreadable or not JavaScript (a half-written bundle): nothing has run yet, out/ starts instead
    return undefined;
  }
  const dir = path.dirname(bundle);
  const mod = new Module(bundle, require.main ?? module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dir);
  const requireFn = Object.assign((id: string) => mod.require(id), { resolve: (id: string) => (Module as unknown as { _resolveFilename(id: string, parent: Module): string })._resolveFilename(id, mod), cache: require.cache, main: mod });
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, requireFn, mod, bundle, dir);
  mod.loaded = true;
  return !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
}

/** Starts the bundled server when it is fresh; false when the caller must start out/'s. */
export function startBundledServer(paths: BundlePaths = DEFAULT_PATHS): boolean {
  const bundle = freshBundle(paths);
  return !!bundle && runBundle(bundle) !== undefined;
}
