import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFileOf, freshBundle, readCodeCache, startBundledServer, writeCodeCache } from '../../server/src/lsp/bundle';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LOADER = path.join(ROOT, 'out', 'server', 'src', 'lsp', 'bundle.js');

/** A bundle that counts its runs in a global, reports what Node gave it, and exports a main recording its argv. */
const BUNDLE = `
globalThis.__amlintBundleTest = (globalThis.__amlintBundleTest || 0) + 1;
globalThis.__amlintBundleSeen = { dir: __dirname, file: __filename, path: typeof require('node:path').join, self: module.exports === exports, startsItself: require.main === module };
exports.main = (argv) => { globalThis.__amlintBundleMain = argv; };
`;

declare const globalThis: { __amlintBundleTest?: number; __amlintBundleSeen?: unknown; __amlintBundleMain?: string[] };

describe('lsp/bundle (start-up from dist/server.js)', () => {
  let dir: string;
  let bundle: string;
  let compiled: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-bundle-'));
    bundle = path.join(dir, 'server.js');
    compiled = path.join(dir, 'out');
    delete globalThis.__amlintBundleTest;
    delete globalThis.__amlintBundleSeen;
    delete globalThis.__amlintBundleMain;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const touch = (file: string, secondsAgo: number): void => {
    const t = Date.now() / 1000 - secondsAgo;
    fs.utimesSync(file, t, t);
  };

  /** loadBundle in a fresh Node: V8 keeps what it compiled in memory, so here a second compile of the same text would not read the cache. */
  const loadInChild = (file: string, nodeArgs: string[] = []): { cache: string; runs: number; seen: unknown } => {
    const script = `const r = require(${JSON.stringify(LOADER)}).loadBundle(${JSON.stringify(file)});
      process.stdout.write(JSON.stringify({ cache: r ? r.cache : 'undefined', runs: globalThis.__amlintBundleTest ?? 0, seen: globalThis.__amlintBundleSeen }));`;
    const r = spawnSync(process.execPath, [...nodeArgs, '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, `exit ${r.status} ${r.signal ?? ''}: ${r.stderr}`);
    return JSON.parse(r.stdout) as { cache: string; runs: number; seen: unknown };
  };

  describe('freshBundle', () => {
    it('starts the bundle only when it is at least as new as every file of the tsc output, and not when turned off', () => {
      const paths = { bundle, compiled };
      assert.equal(freshBundle(paths, {}), undefined, 'no bundle');
      fs.writeFileSync(bundle, BUNDLE);
      assert.equal(freshBundle(paths, {}), bundle, 'no tsc output');
      fs.mkdirSync(path.join(compiled, 'lsp'), { recursive: true });
      const main = path.join(compiled, 'lsp', 'main.js');
      const rule = path.join(compiled, 'rules', 'AML101.js');
      fs.mkdirSync(path.dirname(rule));
      fs.writeFileSync(main, '');
      fs.writeFileSync(rule, '');
      fs.writeFileSync(path.join(compiled, 'rules', 'AML101.js.map'), '');
      touch(main, 20);
      touch(rule, 20);
      touch(path.join(compiled, 'rules', 'AML101.js.map'), 1);
      touch(bundle, 10);
      assert.equal(freshBundle(paths, {}), bundle, 'built after the tsc output (a source map does not count)');
      touch(rule, 5);
      assert.equal(freshBundle(paths, {}), undefined, 'one file rebuilt after the bundle (tsc --watch): stale');
      touch(rule, 20);
      assert.equal(freshBundle(paths, { AMLINT_SERVER_BUNDLE: '0' }), undefined, 'AMLINT_SERVER_BUNDLE=0');
      assert.equal(freshBundle(paths, { AMLINT_SERVER_BUNDLE: '1' }), bundle);
    });
  });

  describe('code cache', () => {
    it('is read back only for the exact text it was written for, and only whole', () => {
      fs.writeFileSync(bundle, BUNDLE);
      assert.equal(readCodeCache(bundle, BUNDLE), undefined, 'no cache yet');
      assert.equal(writeCodeCache(bundle), true);
      const data = readCodeCache(bundle, BUNDLE);
      assert.ok(data && data.length > 0);
      // Same length, other text: V8's own check (the length) would take it; the header does not.
      const other = BUNDLE.replace('__amlintBundleTest', '__amlintBundleTesu');
      assert.equal(other.length, BUNDLE.length);
      assert.equal(readCodeCache(bundle, other), undefined);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['server.js', 'server.js.cache'], 'no temporary file left behind');
      // One byte of V8's data changed (release builds of Node do not check it, and it can crash V8).
      const raw = fs.readFileSync(cacheFileOf(bundle));
      raw[raw.length - data.length + Math.floor(data.length / 2)] ^= 0xff;
      fs.writeFileSync(cacheFileOf(bundle), raw);
      assert.equal(readCodeCache(bundle, BUNDLE), undefined);
      assert.equal(loadInChild(bundle).cache, 'none');
      fs.writeFileSync(cacheFileOf(bundle), raw.subarray(0, raw.length - 1));
      assert.equal(readCodeCache(bundle, BUNDLE), undefined, 'cut short');
      fs.writeFileSync(cacheFileOf(bundle), 'not a cache');
      assert.equal(readCodeCache(bundle, BUNDLE), undefined);
    });

    it('is not written where it cannot be, and leaves nothing behind', () => {
      fs.writeFileSync(bundle, BUNDLE);
      fs.mkdirSync(cacheFileOf(bundle)); // a folder in the way: the rename fails
      assert.equal(writeCodeCache(bundle), false);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['server.js', 'server.js.cache']);
      assert.ok(fs.statSync(cacheFileOf(bundle)).isDirectory());
    });
  });

  describe('loadBundle', () => {
    it('loads the bundle as a CommonJS module that does not start itself, with its code cache when there is one', () => {
      fs.writeFileSync(bundle, BUNDLE);
      const seen = { dir, file: bundle, path: 'function', self: true, startsItself: false };
      assert.deepEqual(loadInChild(bundle), { cache: 'none', runs: 1, seen });
      writeCodeCache(bundle);
      assert.deepEqual(loadInChild(bundle), { cache: 'used', runs: 1, seen });
    });

    it('still loads the bundle when V8 refuses the cache (made by a Node with other flags)', () => {
      fs.writeFileSync(bundle, BUNDLE);
      const made = spawnSync(process.execPath, ['--stack-size=500', '-e', `require(${JSON.stringify(LOADER)}).writeCodeCache(${JSON.stringify(bundle)})`], { encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
      assert.ok(readCodeCache(bundle, BUNDLE), 'the header matches: V8 decides');
      const r = loadInChild(bundle);
      assert.equal(r.cache, 'rejected');
      assert.equal(r.runs, 1);
    });
  });

  describe('startBundledServer', () => {
    const paths = (): { bundle: string; compiled: string } => ({ bundle, compiled });

    it("calls the bundle's main with the arguments", () => {
      fs.writeFileSync(bundle, BUNDLE);
      assert.equal(startBundledServer(['--stdio'], paths()), true);
      assert.deepEqual(globalThis.__amlintBundleMain, ['--stdio']);
    });

    it('starts nothing from a bundle that does not compile, is empty, or has no main (out/ starts instead)', () => {
      fs.writeFileSync(bundle, `globalThis.__amlintBundleTest = 1;\n${BUNDLE.slice(0, 40)}`);
      assert.equal(startBundledServer(['--stdio'], paths()), false);
      assert.equal(globalThis.__amlintBundleTest, undefined, 'nothing of it ran');
      fs.writeFileSync(bundle, '');
      assert.equal(startBundledServer(['--stdio'], paths()), false);
      fs.writeFileSync(bundle, 'exports.other = 1;');
      assert.equal(startBundledServer(['--stdio'], paths()), false);
      assert.equal(globalThis.__amlintBundleMain, undefined);
      fs.rmSync(bundle);
      assert.equal(startBundledServer(['--stdio'], paths()), false, 'no bundle');
    });
  });

  it('bin/amlint-language-server.js answers the same from the bundle as from out/', function () {
    if (!freshBundle()) this.skip(); // dist/server.js is missing or stale: `npm run build` (npm test runs it) writes it
    const run = (args: string[], env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'amlint-language-server.js'), ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
    for (const args of [['--bogus'], ['--version']]) {
      const fromOut = run(args, { AMLINT_SERVER_BUNDLE: '0' });
      const fromBundle = run(args, {});
      assert.deepEqual([fromBundle.status, fromBundle.stdout, fromBundle.stderr], [fromOut.status, fromOut.stdout, fromOut.stderr], args.join(' '));
    }
    assert.equal(run(['--bogus'], {}).status, 2);
    assert.match(run(['--version'], {}).stdout, /^\d+\.\d+\.\d+\n$/);
    // the real cache is the bundle's, and this Node takes it
    assert.equal(loadInChild(freshBundle()!).cache, 'used');
  });
});
