/**
 * A real editor: headless Neovim with its built-in LSP client runs the server on a v1 file, and
 * we check the diagnostics, hover and code actions it received. Neovim comes from the Debian
 * package (scripts/ensure-neovim.sh installs it when missing); the test is skipped only when it
 * cannot be installed here.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, SERVER } from './harness';

const FIXTURES = path.join(ROOT, 'test', 'lsp', 'fixtures');

interface NvimResult {
  error?: string;
  timed_out?: boolean;
  nvim?: { major: number; minor: number; patch: number };
  diagnostics?: Array<{ code: string; lnum: number; col: number; end_lnum: number; end_col: number; severity: number; source: string; message: string }>;
  hover?: string;
  actions?: string[];
}

describe('lsp: Neovim (real editor)', function () {
  this.timeout(180_000);
  let dir: string;

  before(function () {
    const ensure = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-neovim.sh')], { encoding: 'utf8' });
    if (ensure.status === 3) {
      console.warn(`    skipping the Neovim test: ${ensure.stderr.trim()}`);
      this.skip();
    }
    assert.equal(ensure.status, 0, `ensure-neovim.sh failed:\n${ensure.stdout}\n${ensure.stderr}`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-nvim-'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows amlint diagnostics, hover and code actions for a v1 file', () => {
    const file = path.join(dir, 'train.py');
    fs.copyFileSync(path.join(FIXTURES, 'workspace_v1.py'), file);
    const out = path.join(dir, 'result.json');
    const nvim = spawnSync('nvim', ['--headless', '--clean', '-u', path.join(FIXTURES, 'init.lua'), file], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, AMLINT_SERVER: SERVER, AMLINT_OUT: out, AMLINT_PROBE: 'AML101' },
    });
    assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${nvim.status}, signal ${nvim.signal}):\n${nvim.stdout}\n${nvim.stderr}`);
    const result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.equal(result.error, undefined);
    assert.equal(result.timed_out, false, 'diagnostics arrived');

    const diagnostics = result.diagnostics ?? [];
    assert.ok(diagnostics.every((d) => d.source === 'amlint'));
    const seen = diagnostics.map((d) => `${d.code}@${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col}`).sort();
    assert.deepEqual(seen, [
      'AML100@0:5-0:17',
      'AML101@2:5-2:26',
      'AML102@3:6-3:16',
      'AML102@4:9-4:24',
      'AML102@5:6-5:16',
      'AML102@6:0-6:23',
    ]);
    assert.match(result.hover ?? '', /MLClient/);
    // The finding's own fixes (if any) come first, then the disable and documentation actions.
    assert.deepEqual(result.actions?.slice(-3), ['Disable AML101 for this line', 'Disable AML101 for this file', 'Show documentation for AML101']);
  });
});
