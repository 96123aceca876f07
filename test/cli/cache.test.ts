/**
 * The result cache (`--cache`, `--cache-location`): a hit must give exactly what linting gives,
 * any change to a file or to the settings must miss, and a damaged cache must never matter.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE_FILE_NAME, LintCache, amlintFingerprint, cacheKey, defaultCacheLocation, stableJson } from '../../server/src/cli/cache';
import { lintFiles } from '../../server/src/cli/workers';
import { makeTree } from './workers.test';
import { amlint, type Run } from './helpers';

// ---- helpers (spawning the binary: ./helpers.ts) -------------------------------------------



describe('CLI result cache (--cache)', function () {
  this.timeout(120_000);
  let dir: string;
  let files: string[];
  let cacheDir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-cache-'));
    files = makeTree(path.join(dir, 'tree'));
    cacheDir = path.join(dir, 'cache');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (extra: string[] = [], format = 'json'): Run => amlint(path.join(dir, 'tree'), ['--format', format, ...extra, '.']);
  const cached = (extra: string[] = [], format = 'json'): Run => run(['--cache', '--cache-location', cacheDir, ...extra], format);
  const targets = (): Array<{ filePath: string; settings: object }> => files.map((filePath) => ({ filePath, settings: {} }));
  const version = '0.0.0-test';

  it('gives the same report from a cold and a warm cache as without it', () => {
    const plain = run();
    const cold = cached();
    assert.ok(fs.existsSync(path.join(cacheDir, CACHE_FILE_NAME)), 'the cache file is written');
    const warm = cached();
    for (const r of [cold, warm]) {
      assert.equal(r.status, plain.status);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.stderr, plain.stderr);
    }
    // Stylish too (it formats the same cached messages).
    assert.equal(cached([], 'stylish').stdout, run([], 'stylish').stdout);
  });

  it('answers every readable file from the cache on the second run', () => {
    const options = { jobs: 1, cwd: dir, cache: { location: cacheDir, version } };
    const first = lintFiles(targets(), options);
    const second = lintFiles(targets(), options);
    const unreadable = first.outcomes.filter((o) => !o.loaded.ok).length; // never cached
    assert.equal(first.stats.cacheHits, 0);
    assert.equal(second.stats.cacheHits, files.length - unreadable);
    assert.ok(second.outcomes.filter((o) => o.cached).length > 0);
    assert.deepEqual(second.outcomes.map((o) => o.result), first.outcomes.map((o) => o.result));
  });

  it('misses for a file whose content changed, and reports the new content', () => {
    cached();
    const file = files.find((f) => f.endsWith('plain_00.py'))!;
    fs.writeFileSync(file, 'from azureml.core import Workspace\nws = Workspace.from_config()\n');
    const after = cached();
    assert.equal(after.stdout, run().stdout);
    const report = JSON.parse(after.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    assert.ok(report.find((r) => r.filePath === file)!.messages.length > 0, 'the edited file now has findings');

    const options = { jobs: 1, cwd: dir, cache: { location: cacheDir, version } };
    lintFiles(targets(), options);
    // Files that cannot be linted (binary, not a notebook) are never cached: they always miss.
    const uncacheable = lintFiles(targets(), options).stats.cacheMisses;
    fs.appendFileSync(file, '# one more line\n');
    const again = lintFiles(targets(), options);
    assert.equal(again.stats.cacheMisses, uncacheable + 1);
  });

  it('misses when the settings change', () => {
    const all = cached();
    const some = cached(['--select', 'AML1']);
    assert.equal(some.stdout, run(['--select', 'AML1']).stdout);
    assert.notEqual(some.stdout, all.stdout);
    assert.equal(cached().stdout, all.stdout);

    const options = { jobs: 1, cwd: dir, cache: { location: cacheDir, version } };
    lintFiles(targets(), options);
    const other = lintFiles(files.map((filePath) => ({ filePath, settings: { ignore: ['AML101'] } })), options);
    assert.equal(other.stats.cacheHits, 0, 'no entry made with other settings is used');
    const sizes = lintFiles(targets(), { ...options, maxFileSize: 1_000_000 });
    assert.equal(sizes.stats.cacheHits, 0, 'the size limit is part of the key');
  });

  it('is invalidated by another amlint version or build', () => {
    const a = amlintFingerprint('1.0.0');
    assert.notEqual(a, amlintFingerprint('1.0.1'));
    assert.equal(a, amlintFingerprint('1.0.0'), 'the same build has the same fingerprint');
    lintFiles(targets(), { jobs: 1, cwd: dir, cache: { location: cacheDir, version: '1.0.0' } });
    assert.ok(LintCache.open(cacheDir, amlintFingerprint('1.0.0')).size > 0);
    assert.equal(LintCache.open(cacheDir, amlintFingerprint('1.0.1')).size, 0);
    const next = lintFiles(targets(), { jobs: 1, cwd: dir, cache: { location: cacheDir, version: '1.0.1' } });
    assert.equal(next.stats.cacheHits, 0);
  });

  it('ignores a corrupt cache file and replaces it', () => {
    const plain = run();
    for (const garbage of ['{ not json', '', '[]', JSON.stringify({ amlint: 'cache', format: 1, fingerprint: 'x', entries: 5 }), '\u0000\u0001']) {
      fs.mkdirSync(cacheDir, { recursive: true });
      fs.writeFileSync(path.join(cacheDir, CACHE_FILE_NAME), garbage);
      const r = cached();
      assert.equal(r.status, plain.status, `cache file ${JSON.stringify(garbage)}`);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.stderr, plain.stderr);
      assert.doesNotThrow(() => JSON.parse(fs.readFileSync(path.join(cacheDir, CACHE_FILE_NAME), 'utf8')), 'rewritten as valid JSON');
    }
  });

  it('treats a cache entry of the wrong shape as a miss', () => {
    const options = { jobs: 1, cwd: dir, cache: { location: cacheDir, version } };
    const first = lintFiles(targets(), options);
    const uncacheable = lintFiles(targets(), options).stats.cacheMisses;
    const file = path.join(cacheDir, CACHE_FILE_NAME);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: Record<string, { t: number; v: unknown }> };
    const keys = Object.keys(data.entries);
    data.entries[keys[0]!]!.v = { findings: 'nope' };
    data.entries[keys[1]!]!.v = { findings: [{ code: 'AML101', range: {} }], messages: [] };
    fs.writeFileSync(file, JSON.stringify(data));
    const second = lintFiles(targets(), options);
    assert.equal(second.stats.cacheMisses, uncacheable + 2);
    assert.deepEqual(second.outcomes.map((o) => o.result), first.outcomes.map((o) => o.result));
  });

  it('warns, and still reports, when the cache cannot be written', () => {
    fs.writeFileSync(path.join(dir, 'blocker'), 'a file where the cache directory should be');
    const plain = run();
    const r = run(['--cache', '--cache-location', path.join(dir, 'blocker', 'cache')]);
    assert.equal(r.status, plain.status);
    assert.equal(r.stdout, plain.stdout);
    assert.match(r.stderr, /cannot write the cache/);
  });

  it('marks its directory as a cache (.gitignore, CACHEDIR.TAG)', () => {
    cached();
    assert.equal(fs.readFileSync(path.join(cacheDir, '.gitignore'), 'utf8').trim().split('\n').pop(), '*');
    assert.match(fs.readFileSync(path.join(cacheDir, 'CACHEDIR.TAG'), 'utf8'), /^Signature: 8a477f597d28d172789f06886806bc55/);
  });

  it('defaults to node_modules/.cache/amlint, else .amlint-cache', () => {
    assert.equal(defaultCacheLocation(dir), path.join(dir, '.amlint-cache'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    assert.equal(defaultCacheLocation(dir), path.join(dir, 'node_modules', '.cache', 'amlint'));
  });

  it('keys on bytes, path and settings', () => {
    const fp = amlintFingerprint(version);
    const base = cacheKey(fp, stableJson({ a: 1, b: [2] }), 'x.py', Buffer.from('a'));
    assert.equal(base, cacheKey(fp, stableJson({ b: [2], a: 1 }), 'x.py', Buffer.from('a')), 'key order does not matter');
    assert.notEqual(base, cacheKey(fp, stableJson({ a: 1, b: [2] }), 'x.py', Buffer.from('b')));
    assert.notEqual(base, cacheKey(fp, stableJson({ a: 1, b: [2] }), 'y.py', Buffer.from('a')));
    assert.notEqual(base, cacheKey(fp, stableJson({ a: 2, b: [2] }), 'x.py', Buffer.from('a')));
  });
});
