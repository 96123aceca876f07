/**
 * Builds the extension's .vsix once per test run, the way `npm run package` does
 * (scripts/package-vsix.mjs: client type check, esbuild bundles, vsce package), into a
 * temporary folder so a developer's own ./amlint-<version>.vsix is left alone. Shared by
 * test/vsix.test.ts and test/e2e.test.ts.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

let built: Promise<string> | undefined;

/** Path of the freshly built .vsix (built on the first call, reused after). */
export function buildVsix(): Promise<string> {
  built ??= new Promise<string>((resolve, reject) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-vsix-'));
    process.once('exit', () => fs.rmSync(out, { recursive: true, force: true }));
    const vsix = path.join(out, `${pkg.name}-${pkg.version}.vsix`);
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && fs.existsSync(vsix)) resolve(vsix);
      else reject(new Error(`npm run package failed (exit ${code}):\n${log}`));
    });
  });
  return built;
}
