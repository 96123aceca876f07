import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFileOf, freshBundle, readCodeCache, runBundle, writeCodeCache } from '../../server/src/lsp/bundle';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** A bundle that counts its runs in a global and reports what Node gave it. */
const BUNDLE = `
globalThis.__amlintBundleTest = (globalThis.__amlintBundleTest || 0) + 1;
globalThis.__amlintBundleSeen = { dir: __dirname, file: __filename, path: typeof require('node:path').join, self: module.exports === exports };
`;

declare const globalThis: { __amlintBundleTest?: number; __amlintBundleSeen?: { dir: string; file: string; path: string; self: boolean } };

describe('lsp/bundle (start-up from dist/server.js)', () => {
  let dir: string;
  let bundle: string;
  let compiled: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-bundle-'));
    bundle = path.join(dir, 'server.js');
    compiled = path.join(dir, 'main.js');
    delete globalThis.__amlintBundleTest;
    delete globalThis.__amlintBundleSeen;
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const touch = (file: string, secondsAgo: number): void => {
    const t = Date.now() / 1000 - secondsAgo;
    fs.utimesSync(file, t, t);
  };

  describe('freshBundle', () => {
    it('starts the bundle only when it is at least as new as the tsc output, and not when turned off', () => {
      const paths = { bundle, compiled };
      assert.equal(freshBundle(paths, {}), undefined, 'no bundle');
      fs.writeFileSync(bundle, BUNDLE);
      assert.equal(freshBundle(paths, {}), bundle, 'no tsc output beside it');
      fs.writeFileSync(compiled, '');
      touch(bundle, 10);
      touch(compiled, 5);
      assert.equal(freshBundle(paths, {}), undefined, 'tsc rebuilt after the bundle: the bundle is stale');
      touch(compiled, 20);
      assert.equal(freshBundle(paths, {}), bundle);
      assert.equal(freshBundle(paths, { AMLINT_SERVER_BUNDLE: '0' }), undefined, 'AMLINT_SERVER_BUNDLE=0');
      assert.equal(freshBundle(paths, { AMLINT_SERVER_BUNDLE: '1' }), bundle);
    });
  });

  describe('code cache', () => {
    it('is read back only for the exact text it was written for', () => {
      fs.writeFileSync(bundle, BUNDLE);
      assert.equal(readCodeCache(bundle, BUNDLE), undefined, 'no cache yet');
      writeCodeCache(bundle);
      const data = readCodeCache(bundle, BUNDLE);
      assert.ok(data && data.length > 0);
      // Same length, other text: V8's own check (the length) would take it; the header does not.
      const other = BUNDLE.replace('__amlintBundleTest', '__amlintBundleTesu');
      assert.equal(other.length, BUNDLE.length);
      assert.equal(readCodeCache(bundle, other), undefined);
      fs.writeFileSync(cacheFileOf(bundle), 'not a cache');
      assert.equal(readCodeCache(bundle, BUNDLE), undefined);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['server.js', 'server.js.cache'], 'no temporary file left behind');
    });
  });

  describe('runBundle', () => {
    /**
     * runBundle in a fresh Node: V8 keeps what it compiled in memory, so in this process a second
     * compile of the same text would not read the cache at all.
     */
    const runInChild = (file: string): { use: string; runs: number; seen: unknown } => {
      const loader = path.join(ROOT, 'out', 'server', 'src', 'lsp', 'bundle.js');
      const script = `const use = require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(file)});
        process.stdout.write(JSON.stringify({ use: use ?? 'undefined', runs: globalThis.__amlintBundleTest ?? 0, seen: globalThis.__amlintBundleSeen }));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as { use: string; runs: number; seen: unknown };
    };

    it('runs the bundle as a CommonJS module, with its code cache when there is one', () => {
      fs.writeFileSync(bundle, BUNDLE);
      assert.deepEqual(runInChild(bundle), { use: 'none', runs: 1, seen: { dir, file: bundle, path: 'function', self: true } });
      writeCodeCache(bundle);
      assert.deepEqual(runInChild(bundle), { use: 'used', runs: 1, seen: { dir, file: bundle, path: 'function', self: true } });
    });

    it('still runs the bundle when V8 refuses the cache', () => {
      fs.writeFileSync(bundle, BUNDLE);
      writeCodeCache(bundle);
      const raw = fs.readFileSync(cacheFileOf(bundle));
      const headerEnd = raw.indexOf('\n', raw.indexOf('\n') + 1) + 1;
      // The header is right, V8's data is not.
      fs.writeFileSync(cacheFileOf(bundle), Buffer.concat([raw.subarray(0, headerEnd), Buffer.alloc(raw.length - headerEnd, 7)]));
      const r = runInChild(bundle);
      assert.equal(r.use, 'rejected');
      assert.equal(r.runs, 1);
    });

    it('runs nothing of a bundle that does not compile, and says so', () => {
      fs.writeFileSync(bundle, `globalThis.__amlintBundleTest = 1;\n${BUNDLE.slice(0, 40)}`);
      assert.equal(runBundle(bundle), undefined);
      assert.equal(globalThis.__amlintBundleTest, undefined);
      assert.equal(runBundle(path.join(dir, 'missing.js')), undefined);
    });
  });

  it('bin/amlint-language-server.js starts out/ when the bundle is turned off, with the same answers', () => {
    const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'amlint-language-server.js'), '--bogus'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    const out = run({ AMLINT_SERVER_BUNDLE: '0' });
    assert.equal(out.status, 2);
    assert.match(out.stderr, /no transport given/);
    const either = run({});
    assert.equal(either.status, 2);
    assert.equal(either.stderr, out.stderr);
  });
});
