#!/usr/bin/env node
/**
 * `npm run fuzz`: the property tests of test/fuzz/ with many more runs and a fresh seed.
 *
 *   npm run fuzz                          20,000 runs per property, random seed
 *   npm run fuzz -- --runs 2000           fewer runs
 *   npm run fuzz -- --seed 12345          replay a seed (printed at the start and the end)
 *   npm run fuzz -- --grep notebooks      only the matching properties
 *
 * Expects a build (`npm run fuzz` builds first). Exit code: mocha's (0 when every property held).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
function option(name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const runs = Number(option('--runs') ?? 20000);
const seed = Number(option('--seed') ?? Math.floor(Math.random() * 0x7fffffff));
const grep = option('--grep');
if (!Number.isInteger(runs) || runs <= 0 || !Number.isInteger(seed)) {
  process.stderr.write('usage: node scripts/fuzz.js [--runs N] [--seed S] [--grep PATTERN]\n');
  process.exit(2);
}

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'out', 'test', 'fuzz');
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f)) : [];
if (!files.length) {
  process.stderr.write('no compiled fuzz tests in out/test/fuzz: run `npm run build` first\n');
  process.exit(2);
}

process.stdout.write(`amlint fuzz: ${runs} runs per property, seed ${seed}\n`);
const started = Date.now();
const mocha = require.resolve('mocha/bin/mocha.js');
const r = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '0', ...(grep ? ['--grep', grep] : []), ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, AMLINT_FUZZ_RUNS: String(runs), AMLINT_FUZZ_SEED: String(seed) },
});
const minutes = ((Date.now() - started) / 60000).toFixed(1);
process.stdout.write(`amlint fuzz: seed ${seed}, ${runs} runs per property, ${minutes} min; replay with: npm run fuzz -- --runs ${runs} --seed ${seed}\n`);
process.exit(r.status ?? 2);
