/**
 * Start-up of `bin/amlint-language-server.js`: the esbuild bundle of the server (dist/server.js,
 * built by `npm run build` after tsc, see esbuild.mjs) with a V8 code cache beside it, instead of
 * the ~200 modules tsc writes to out/. Node has no compile cache before v22
 * (`module.enableCompileCache`), and on a 2-core machine Node's start plus loading out/ took most
 * of the first-diagnostics budget (docs/performance.md, "Start-up").
 *
 * Nothing here may change what the server does, only where its code is loaded from:
 *  - the bundle is used only when it is at least as new as every JavaScript file of
 *    out/server/src (a `tsc` or `tsc --watch` rebuild after a source edit makes it stale, and
 *    out/ is loaded, as before) and AMLINT_SERVER_BUNDLE is not "0";
 *  - the bundle must export `main` (esbuild.mjs's entry exports it, and calls it itself only when
 *    Node runs the file as its main module, as the VS Code client does): a bundle cut short,
 *    empty or not JavaScript starts nothing, and out/ starts instead;
 *  - the code cache is used only when its header names the SHA-256 of the bundle's exact text
 *    (V8's own check of a cache covers the V8 version, the flags and the source's length, not its
 *    content) and the SHA-256 of the cache data itself (release builds of Node do not verify it,
 *    and damaged data can crash V8); a cache V8 refuses (another Node) only costs the compile it
 *    would have saved.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** First line of a code-cache file; then the bundle's SHA-256 and the data's (hex), a line each; V8's data follows. */
const CACHE_MAGIC = 'amlint-v8-code-cache 2';

/** The package root: this file is out/server/src/lsp/bundle.js. */
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');

export interface BundlePaths {
  /** dist/server.js */
  bundle: string;
  /** the tsc output the bundle must be as new as (out/server/src): every .js file under it */
  compiled: string;
}

export const DEFAULT_PATHS: BundlePaths = {
  bundle: path.join(ROOT, 'dist', 'server.js'),
  compiled: path.join(ROOT, 'out', 'server', 'src'),
};

/** The code-cache file of a bundle. */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

/** The newest modification time of the .js files under `dir` (0 when there are none). */
function newestScript(dir: string): number {
  let newest = 0;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestScript(p));
    else if (e.name.endsWith('.js')) newest = Math.max(newest, fs.statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? 0);
  }
  return newest;
}

/** The bundle to start, or undefined: missing, older than a file of the tsc output, or turned off. */
export function freshBundle(paths: BundlePaths = DEFAULT_PATHS, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AMLINT_SERVER_BUNDLE === '0') return undefined;
  const bundle = fs.statSync(paths.bundle, { throwIfNoEntry: false });
  return bundle?.isFile() && bundle.mtimeMs >= newestScript(paths.compiled) ? paths.bundle : undefined;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** The function text Node compiles for a CommonJS file (its module wrapper). */
const wrapped = (source: string): string => Module.wrap(source);

const header = (source: string, data: Buffer): string => `${CACHE_MAGIC}\n${sha256(source)}\n${sha256(data)}\n`;

/**
 * Writes the code cache of `bundle` (a temporary file renamed over the old one). False, with no
 * file left behind, when it cannot be written (the cache is optional: the bundle starts without it).
 */
export function writeCodeCache(bundle: string): boolean {
  const source = fs.readFileSync(bundle, 'utf8');
  const data = new vm.Script(wrapped(source), { filename: bundle }).createCachedData();
  const file = cacheFileOf(bundle);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(header(source, data), 'latin1'), data]));
    fs.renameSync(tmp, file);
    return true;
  } catch {
    fs.rmSync(tmp, { force: true });
    return false;
  }
}

/** The V8 data of `bundle`'s code cache when it was written for exactly `source` and is whole. */
export function readCodeCache(bundle: string, source: string): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(cacheFileOf(bundle));
  } catch {
    return undefined;
  }
  // magic, the text's hash, the data's hash: three lines
  let end = -1;
  for (let i = 0; i < 3; i++) {
    end = raw.indexOf(0x0a, end + 1);
    if (end < 0) return undefined;
  }
  const data = raw.subarray(end + 1);
  return data.length > 0 && raw.subarray(0, end + 1).toString('latin1') === header(source, data) ? data : undefined;
}

/** How the bundle's code was compiled: from the cache, compiled because V8 refused it, or no usable cache. */
export type CacheUse = 'used' | 'rejected' | 'none';

interface Internals {
  _nodeModulePaths(dir: string): string[];
  _resolveFilename(request: string, parent: Module): string;
}

/**
 * Loads `bundle` as Node loads a CommonJS file (its own `require` and `module`, `__filename`,
 * `__dirname`; `require.main` stays the process's main module, so the bundle does not start
 * itself), compiled with its code cache when there is one for its text. Undefined when it cannot
 * be read or compiled (nothing of it has run then).
 */
export function loadBundle(bundle: string): { exports: Record<string, unknown>; cache: CacheUse } | undefined {
  let cachedData: Buffer | undefined;
  let script: vm.Script;
  try {
    const source = fs.readFileSync(bundle, 'utf8');
    cachedData = readCodeCache(bundle, source);
    script = new vm.Script(wrapped(source), { filename: bundle, cachedData });
  } catch {
    return undefined;
  }
  const dir = path.dirname(bundle);
  const internals = Module as unknown as Internals;
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = internals._nodeModulePaths(dir);
  const requireFn = Object.assign((id: string) => mod.require(id), {
    resolve: (id: string) => internals._resolveFilename(id, mod),
    cache: require.cache,
    main: require.main,
  });
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, requireFn, mod, bundle, dir);
  mod.loaded = true;
  return { exports: mod.exports as Record<string, unknown>, cache: !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used' };
}

/** Starts the bundled server when it is fresh and whole; false when the caller must start out/'s. */
export function startBundledServer(argv: string[], paths: BundlePaths = DEFAULT_PATHS): boolean {
  const bundle = freshBundle(paths);
  const main = bundle ? loadBundle(bundle)?.exports.main : undefined;
  if (typeof main !== 'function') return false;
  (main as (argv: string[]) => void)(argv);
  return true;
}
