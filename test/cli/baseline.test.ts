/**
 * The baseline (`amlint-baseline.json`): after --write-baseline only new findings are
 * reported, whatever lines move; --prune-baseline drops entries that are gone. Spawns the
 * built binary in temporary git-like directories.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { amlint, notebook, write, type Run } from './helpers';

// ---- helpers (spawning the binary: ./helpers.ts) -------------------------------------------

interface Message {
  ruleId: string | null;
  line: number;
  cell?: number;
  message: string;
}
interface FileResult {
  filePath: string;
  messages: Message[];
}
/** "file:line:rule" (plus ":cN" for notebooks) for every message of a JSON run. */
function reported(dir: string, r: Run): string[] {
  let results: FileResult[];
  try {
    results = JSON.parse(r.stdout) as FileResult[];
  } catch {
    assert.fail(`not JSON (exit ${r.status}): ${r.stdout}\n${r.stderr}`);
  }
  return results.flatMap((f) => f.messages.map((m) => `${path.relative(dir, f.filePath).split(path.sep).join('/')}:${m.cell ? `c${m.cell}:` : ''}${m.line}:${m.ruleId}`));
}
// ---------------------------------------------------------------------------------------------

interface BaselineFile {
  version: number;
  tool: string;
  entries: Array<{ file: string; rule: string; symbol: string; occurrence: number; lineHash?: string }>;
}

const TRAIN = [
  'from azureml.core import Workspace, Experiment',
  '',
  'ws = Workspace.from_config()',
  'exp = Experiment(ws, "train")',
  '',
].join('\n');

describe('cli: baseline', function () {
  let dir: string;
  const baselineFile = (): BaselineFile => JSON.parse(fs.readFileSync(path.join(dir, 'amlint-baseline.json'), 'utf8')) as BaselineFile;

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-baseline-')));
    write(dir, 'src/train.py', TRAIN);
    write(dir, 'src/other.py', 'import azureml.core\n');
    write(dir, 'nb/explore.ipynb', notebook(['import os\n', 'from azureml.core import Workspace\nws = Workspace.from_config()\n']));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--write-baseline records every finding by rule, file, symbol and occurrence (no line numbers)', () => {
    const before = reported(dir, amlint(dir, ['--format', 'json']));
    assert.ok(before.length >= 6, before.join('\n'));
    const w = amlint(dir, ['--write-baseline']);
    assert.equal(w.status, 0, w.stderr);
    assert.match(w.stderr, new RegExp(`wrote ${before.length} findings to amlint-baseline\\.json`));
    const b = baselineFile();
    assert.equal(b.version, 1);
    assert.equal(b.entries.length, before.length);
    for (const e of b.entries) {
      assert.deepEqual(Object.keys(e).sort(), ['file', 'lineHash', 'occurrence', 'rule', 'symbol']);
      assert.ok(!path.isAbsolute(e.file) && !e.file.includes('\\'));
    }
    assert.ok(b.entries.some((e) => e.file === 'src/train.py' && e.rule === 'AML101' && e.symbol === 'azureml.core.Workspace.from_config' && e.occurrence === 0));
    const after = amlint(dir, ['--format', 'json']);
    assert.equal(after.status, 0);
    assert.deepEqual(reported(dir, after), []);
  });

  it('inserting lines above existing findings reports nothing new', () => {
    amlint(dir, ['--write-baseline']);
    write(dir, 'src/train.py', '"""Training script."""\nimport os\n\n\n' + TRAIN.replace('ws = ', '# the workspace\nws = '));
    write(dir, 'nb/explore.ipynb', notebook(['# setup\n', 'import os\n', '\n\nfrom azureml.core import Workspace\n\nws = Workspace.from_config()\n']));
    const r = amlint(dir, ['--format', 'json']);
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(reported(dir, r), []);
  });

  it('a new v1 call is reported, and only it', () => {
    amlint(dir, ['--write-baseline']);
    write(dir, 'src/train.py', '# header\n' + TRAIN + 'run = exp.submit(config)\n');
    const r = amlint(dir, ['--format', 'json']);
    assert.equal(r.status, 1);
    assert.deepEqual(reported(dir, r), ['src/train.py:6:AML102']);
  });

  it('a second use of a baselined API added above the first: the new line is the one reported', () => {
    amlint(dir, ['--write-baseline']);
    write(dir, 'src/train.py', TRAIN.replace('ws = Workspace.from_config()', 'backup_ws = Workspace.from_config(path="backup")\nws = Workspace.from_config()'));
    const r = amlint(dir, ['--format', 'json']);
    assert.deepEqual(reported(dir, r), ['src/train.py:3:AML101']);
  });

  it('a new finding in a new file is reported; in stylish output the hidden count goes to stderr', () => {
    amlint(dir, ['--write-baseline']);
    write(dir, 'src/new.py', 'from azureml.core import Run\n');
    assert.deepEqual(reported(dir, amlint(dir, ['--format', 'json'])), ['src/new.py:1:AML100']);
    const stylish = amlint(dir, []);
    assert.match(stylish.stderr, /amlint: \d+ findings in amlint-baseline\.json not shown/);
  });

  it('--prune-baseline drops entries of fixed code and deleted files, and keeps the rest', () => {
    amlint(dir, ['--write-baseline']);
    const all = baselineFile().entries.length;
    write(dir, 'src/train.py', TRAIN.replace('exp = Experiment(ws, "train")\n', ''));
    fs.rmSync(path.join(dir, 'src', 'other.py'));
    const stale = amlint(dir, []);
    assert.match(stale.stderr, /baseline entr(y matches|ies match) nothing any more/);
    const p = amlint(dir, ['--prune-baseline', '--format', 'json']);
    assert.equal(p.status, 0, p.stderr);
    const left = baselineFile().entries;
    assert.ok(!left.some((e) => e.file === 'src/other.py'));
    assert.ok(!left.some((e) => e.symbol === 'azureml.core.Experiment'));
    assert.ok(left.some((e) => e.symbol === 'azureml.core.Workspace.from_config' && e.file === 'src/train.py'));
    assert.match(p.stderr, new RegExp(`pruned ${all - left.length} entries`));
    // The code that came back is new again.
    write(dir, 'src/train.py', TRAIN);
    assert.deepEqual(reported(dir, amlint(dir, ['--format', 'json'])), ['src/train.py:4:AML102']);
  });

  it('is found next to the configuration when running from a subdirectory, and paths stay baseline-relative', () => {
    write(dir, 'pyproject.toml', '[tool.amlint]\nignore = ["AML401"]\n');
    assert.equal(amlint(dir, ['--write-baseline']).status, 0);
    const sub = path.join(dir, 'src');
    assert.deepEqual(reported(sub, amlint(sub, ['--format', 'json'])), []);
    write(dir, 'src/train.py', TRAIN + 'ws.write_config()\n');
    assert.deepEqual(reported(sub, amlint(sub, ['--format', 'json'])), ['train.py:5:AML101']);
  });

  it('--baseline FILE names another location; writing a subset keeps the other files\' entries', () => {
    assert.equal(amlint(dir, ['--write-baseline', '--baseline', 'ci/known.json']).status, 0);
    const full = (JSON.parse(fs.readFileSync(path.join(dir, 'ci', 'known.json'), 'utf8')) as BaselineFile).entries;
    assert.ok(full.every((e) => !e.file.startsWith('ci/')));
    assert.ok(full.some((e) => e.file === '../src/train.py'), 'files are relative to the baseline file');
    write(dir, 'src/other.py', 'import os\n');
    assert.equal(amlint(dir, ['--write-baseline', '--baseline', 'ci/known.json', 'src/other.py']).status, 0);
    const after = (JSON.parse(fs.readFileSync(path.join(dir, 'ci', 'known.json'), 'utf8')) as BaselineFile).entries;
    assert.deepEqual(after, full.filter((e) => e.file !== '../src/other.py'));
    assert.deepEqual(reported(dir, amlint(dir, ['--format', 'json', '--baseline', 'ci/known.json'])), []);
    assert.ok(reported(dir, amlint(dir, ['--format', 'json'])).length > 0, 'not auto-detected in ci/');
  });

  it('a broken or missing baseline is a clear error (exit 2), never ignored', () => {
    write(dir, 'amlint-baseline.json', '{"version": 1, "entries": [');
    const r = amlint(dir, ['--format', 'json']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /amlint-baseline\.json: not valid JSON/);
    write(dir, 'amlint-baseline.json', '{"version": 7, "entries": []}');
    assert.match(amlint(dir, []).stderr, /unsupported baseline version 7/);
    const missing = amlint(dir, ['--baseline', 'nope.json']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.json: cannot read the baseline: no such file/);
  });
});
