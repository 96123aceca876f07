/**
 * End to end in real VS Code: installs what it needs (scripts/e2e/install.sh: Debian chromium,
 * ripgrep, build tools; code-server 4.100.3 under ~/.cache/amlint-e2e), builds the .vsix like
 * `npm run package`, and runs scripts/e2e/run.sh, which installs it into a fresh code-server and
 * drives test/e2e/vscode.e2e.js through headless Chromium (squiggles, Problems rows, hovers,
 * lightbulb quick fix, fix-all, rule docs, in a .py file, an .ipynb notebook and a requirements file). The first run
 * on a machine takes about 3 minutes (apt and code-server's native builds), later ones about 40 s.
 *
 * Linux only (apt, code-server, Debian chromium). AMLINT_SKIP_E2E=1 skips it.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { buildVsix, ROOT } from './e2e/build-vsix';

/** Runs a command, passing its output through indented (so its summary line is not taken for this suite's). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let partial = '';
    const forward = (d: Buffer) => {
      output += d.toString();
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`      │ ${line}\n`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('close', (code) => {
      if (partial) process.stdout.write(`      │ ${partial}\n`);
      resolve({ code, output });
    });
  });
}

describe('end to end in real VS Code (code-server + Chromium)', function () {
  this.timeout(15 * 60 * 1000);

  before(function () {
    if (process.env.AMLINT_SKIP_E2E === '1' || process.platform !== 'linux') this.skip();
  });

  it('installs code-server, chromium and the tool chain (scripts/e2e/install.sh)', async function () {
    const r = await run('bash', [path.join(ROOT, 'scripts', 'e2e', 'install.sh')]);
    assert.equal(r.code, 0, 'install.sh failed');
  });

  it('shows amlint findings, hovers and fixes in a .py file, a notebook and a requirements file', async function () {
    const vsix = await buildVsix();
    const r = await run('bash', [path.join(ROOT, 'scripts', 'e2e', 'run.sh'), vsix]);
    const summary = /^\[.*\]?\s*(\d+) passed, (\d+) failed$/m.exec(r.output) ?? /^(\d+) passed, (\d+) failed$/m.exec(r.output);
    assert.ok(summary, 'the e2e printed its summary line');
    assert.equal(r.code, 0, `scripts/e2e/run.sh failed: ${summary?.[0]}`);
    assert.equal(summary[2], '0');
    assert.ok(Number(summary[1]) >= 10, `at least 10 checks passed: ${summary[0]}`);
  });
});
