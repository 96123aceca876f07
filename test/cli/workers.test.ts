/**
 * Worker threads (`--jobs`): the report must not depend on how many threads linted the files,
 * or on which finished first. No timing assertions: speed is the benchmark's business
 * (bench/, `npm run bench`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lintFiles, MIN_FILES_FOR_WORKERS, replay, type FileOutcome } from '../../server/src/cli/workers';
import { amlint } from './helpers';

// ---- helpers (spawning the binary: ./helpers.ts) -------------------------------------------



/** A notebook with the given code cells (and a markdown cell first). */
function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: [
      { cell_type: 'markdown', metadata: {}, source: ['# Title\n'] },
      ...cells.map((c) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: c.split(/(?<=\n)/) })),
    ],
    metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
    nbformat: 4,
    nbformat_minor: 2,
  });
}

/**
 * A tree of 40 files of every kind the CLI reads, with findings in many of them: v1 and v2
 * scripts, SDK-free code, notebooks (one with recoverable broken JSON, one not a notebook at
 * all), a binary file, a requirements file and a workflow script.
 */
export function makeTree(dir: string): string[] {
  const files: Record<string, string | Buffer> = {};
  for (let i = 0; i < 12; i++) {
    files[`src/v1_${String(i).padStart(2, '0')}.py`] =
      `import os\nfrom azureml.core import Workspace, Experiment\n\nws = Workspace.from_config()\nexp = Experiment(ws, "e${i}")\nrun = exp.submit(config=None)\nrun.wait_for_completion(show_output=${i % 2 ? 'True' : 'False'})\n`;
    files[`src/plain_${String(i).padStart(2, '0')}.py`] = `import pandas as pd\n\n\ndef load(path):\n    return pd.read_csv(path).head(${i})\n`;
  }
  for (let i = 0; i < 6; i++) {
    files[`v2/job_${i}.py`] = `from azure.ai.ml import MLClient, command\nfrom azure.identity import DefaultAzureCredential\n\nml_client = MLClient.from_config(DefaultAzureCredential())\njob = command(command="python train.py", environment="azureml:env:${i}")\n`;
  }
  for (let i = 0; i < 5; i++) {
    files[`notebooks/nb_${i}.ipynb`] = notebook(['%pip install azureml-sdk\n', 'from azureml.core import Workspace\nws = Workspace.from_config()\n', `print(${i})\n`]);
  }
  files['notebooks/broken.ipynb'] = notebook(['from azureml.core import Run\nrun = Run.get_context()\n']).replace('"nbformat": 4', '"nbformat": 4,');
  files['notebooks/not_a_notebook.ipynb'] = 'this is not JSON';
  files['src/binary.py'] = Buffer.from([0x69, 0x6d, 0x00, 0x01, 0x02]);
  files['requirements.txt'] = 'azureml-core==1.51.0\npandas\n';
  files['scripts/deploy.sh'] = '#!/bin/sh\naz ml model deploy -n svc -m model:1\n';
  const written: string[] = [];
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written.push(file);
  }
  return written.sort();
}

describe('CLI worker threads (--jobs)', function () {
  this.timeout(120_000);
  let dir: string;
  let files: string[];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-workers-'));
    files = makeTree(dir);
    assert.ok(files.length >= 2 * MIN_FILES_FOR_WORKERS, 'the tree is large enough for workers to start');
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the same JSON report with --jobs 1 and --jobs 2', () => {
    const one = amlint(dir, ['--format', 'json', '--jobs', '1', '.']);
    const two = amlint(dir, ['--format', 'json', '--jobs', '2', '.']);
    assert.equal(one.status, 1, one.stderr);
    assert.equal(two.status, one.status);
    assert.equal(two.stderr, one.stderr);
    assert.equal(two.stdout, one.stdout);
    const report = JSON.parse(one.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    assert.equal(report.length, files.length, 'every file is reported');
    assert.ok(report.filter((f) => f.messages.length > 0).length >= 20, 'many files have findings');
  });

  it('prints the same stylish report and exit code with --jobs 1, 2 and 3', () => {
    const runs = ['1', '2', '3'].map((j) => amlint(dir, ['--no-color', '--jobs', j, '.']));
    for (const r of runs.slice(1)) {
      assert.equal(r.status, runs[0]!.status);
      assert.equal(r.stdout, runs[0]!.stdout);
    }
    assert.match(runs[0]!.stdout, /AML/);
  });

  it('rejects --jobs 0 and non-numbers as usage errors', () => {
    for (const bad of ['0', '-2', 'many']) {
      const r = amlint(dir, ['--jobs', bad, '.']);
      assert.equal(r.status, 2, `--jobs ${bad}`);
      assert.match(r.stderr, /--jobs/);
    }
  });

  it('returns outcomes in target order from the workers, with results equal to one thread', () => {
    const targets = files.map((filePath) => ({ filePath, settings: {} }));
    const pooled = lintFiles(targets, { jobs: 3, cwd: dir, workerThresholdMs: 0 });
    const single = lintFiles(targets, { jobs: 1, cwd: dir });
    assert.equal(pooled.stats.workers, 2, 'two workers started (and this thread lints too)');
    assert.equal(single.stats.workers, 0, 'no worker with --jobs 1');
    assert.equal(pooled.outcomes.length, files.length);
    const view = (o: FileOutcome): unknown => ({ ok: o.loaded.ok, result: o.result, error: o.error });
    assert.deepEqual(pooled.outcomes.map(view), single.outcomes.map(view));
  });

  it('lints small runs in this thread', () => {
    const targets = files.slice(0, MIN_FILES_FOR_WORKERS - 1).map((filePath) => ({ filePath, settings: {} }));
    const r = lintFiles(targets, { jobs: 4, cwd: dir, workerThresholdMs: 0 });
    assert.equal(r.stats.workers, 0, 'fewer files than MIN_FILES_FOR_WORKERS');
    assert.equal(r.outcomes.length, targets.length);
    const quick = lintFiles(files.map((filePath) => ({ filePath, settings: {} })), { jobs: 4, cwd: dir, workerThresholdMs: 1e9 });
    assert.equal(quick.stats.workers, 0, 'less work than the threshold');
  });

  it('gives a worker outcome the decoded document lazily, or at once when asked', () => {
    const file = files.find((f) => f.endsWith('v1_00.py'))!;
    const targets = Array.from({ length: MIN_FILES_FOR_WORKERS }, () => ({ filePath: file, settings: {} }));
    for (const wantInput of [false, true]) {
      const r = lintFiles(targets, { jobs: 2, cwd: dir, wantInput, workerThresholdMs: 0 });
      assert.equal(r.stats.workers, 1);
      const loaded = r.outcomes[0]!.loaded;
      assert.ok(loaded.ok);
      assert.equal(loaded.input.kind, 'python');
      assert.equal(loaded.input.kind === 'python' && loaded.input.text, fs.readFileSync(file, 'utf8'));
    }
  });

  it('lints the files of a worker that fails in this thread, losing none', () => {
    const targets = files.map((filePath) => ({ filePath, settings: {} }));
    const single = lintFiles(targets, { jobs: 1, cwd: dir });
    // Workers with a heap far too small for the engine: they die (out of memory) while
    // loading it or linting their first batch.
    const failing = lintFiles(targets, {
      jobs: 3,
      cwd: dir,
      workerThresholdMs: 0,
      stallMs: 3000,
      workerResourceLimits: { maxOldGenerationSizeMb: 2, maxYoungGenerationSizeMb: 1 },
    });
    const view = (o: FileOutcome): unknown => ({ ok: o.loaded.ok, result: o.result, error: o.error });
    assert.equal(failing.outcomes.length, files.length);
    assert.deepEqual(failing.outcomes.map(view), single.outcomes.map(view));
  });

  it('replays an engine exception of a worker as an Error with its message', () => {
    const outcome: FileOutcome = { loaded: { ok: false, message: 'x' }, error: { message: 'boom', stack: 'Error: boom\n    at somewhere' } };
    assert.throws(() => replay(outcome), (e: Error) => e.message === 'boom' && e.stack!.includes('somewhere'));
  });
});
