#!/usr/bin/env node
// Builds the VS Code extension and packages it, offline, as one universal .vsix:
//   1. type-checks the client (client/tsconfig.json)
//   2. bundles client and server with esbuild (esbuild.mjs → dist/)
//   3. runs `vsce package` (the files that go in are listed in .vscodeignore)
// Usage: node scripts/package-vsix.mjs [--out DIR]   → DIR/amlint-<version>.vsix (default: the repo root)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : root);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(outDir, `${pkg.name}-${pkg.version}.vsix`);
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(what, command, commandArgs) {
  const started = Date.now();
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`package-vsix: ${what} failed (${r.error?.message ?? `exit ${r.status}`})`);
    process.exit(1);
  }
  console.log(`package-vsix: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

fs.mkdirSync(outDir, { recursive: true });
run('client type check', bin('tsc'), ['-p', path.join('client', 'tsconfig.json')]);
run('esbuild bundles', process.execPath, [path.join(root, 'esbuild.mjs')]);
// --skip-license: the repo has no LICENSE file yet (package.json says MIT); vsce would otherwise
// stop and ask. The repository field lets vsce rewrite README's relative links.
run('vsce package', bin('vsce'), ['package', '--skip-license', '--allow-missing-repository', '--out', vsix]);
const size = fs.statSync(vsix).size;
console.log(`package-vsix: ${path.relative(process.cwd(), vsix) || vsix} (${(size / 1024 / 1024).toFixed(2)} MiB)`);
