/**
 * Round 14 (jobs): a fetched or submitted run's details read by key, and the newest run of an experiment.
 * - `d = run.get_details()` read as `d["status"]` / `d["runId"]` → the v2 job (`ml_client.jobs.get`) status / name;
 *   `d["startTimeUtc"]` / `d["endTimeUtc"]` shown → the MLflow run's `info.start_time` / `end_time`
 *   (ms since the epoch, https://mlflow.org/docs/latest/rest-api.html#runinfo), `# amlint: review`;
 * - `latest = next(exp.get_runs())` → `next(<the experiment's top-level MLflow runs, newest first>)`.
 * Refused: other keys (runDefinition...), a details dict read otherwise, `next()` on runs read otherwise;
 * a pipeline's step run's `get_job_log()` (v2 has no call returning a job's log text).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const CLIENT = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];
const TRACKING = 'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';

describe('rewrites round 14 (jobs): run details by key, the newest run', () => {
  rewriteCases([
    [
      'details of a fetched run read by key: status and start/end times',
      [
        'from azureml.core import Workspace, Experiment, Run',
        'ws = Workspace.from_config()',
        'exp = Experiment(ws, "nightly")',
        'run = Run(exp, "abc_123")',
        'details = run.get_details()',
        'print(details["status"])',
        'print(details["startTimeUtc"], details["endTimeUtc"])',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from mlflow.tracking import MlflowClient',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        // (the experiment, no longer used, becomes its name: the Experiment builder)
        'exp = "nightly"',
        'run = ml_client.jobs.get("abc_123")',
        'details = ml_client.jobs.get(run.name)',
        'print(details.status)',
        `print(${TRACKING}.get_run(details.name).info.start_time, ${TRACKING}.get_run(details.name).info.end_time)  # amlint: review`,
        '',
      ].join('\n'),
    ],
    [
      'a submitted run\'s details read directly by key',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
        'run = Experiment(ws, "exp").submit(src)',
        'run_id = run.get_details()["runId"]',
        'print(run_id)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        // CMD: no environment in v1 → the docs' image, to review (jobs.ts)
        'src = command(code=".", command="python train.py", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"), compute="cpu")  # amlint: review',
        'run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        'run_id = run.name',
        'print(run_id)',
        '',
      ].join('\n'),
    ],
    [
      'the newest run of an experiment: next() of its MLflow runs',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'exp = Experiment(ws, "nightly")',
        'latest = next(exp.get_runs())',
        'print("latest run", latest.id, latest.get_status())',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "nightly"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'latest = next(latest for latest in mlflow.search_runs(experiment_names=["nightly"], output_format="list") if "mlflow.parentRunId" not in latest.data.tags)',
        'print("latest run", latest.info.run_id, latest.info.status)  # amlint: review',
        '',
      ].join('\n'),
    ],
  ]);

  it('the newest run\'s reads are findings (typed since session 16) that offer the listing\'s fix, for next() and list()[0]', () => {
    for (const newest of ['next(exp.get_runs())', 'list(exp.get_runs())[0]']) {
      const text = `from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "nightly")\nlatest = ${newest}\nprint(latest.id, latest.get_metrics())\n`;
      const reads = lint({ kind: 'python', text }).findings.filter((f) => f.range.start.line === 4);
      assert.deepEqual(reads.map((f) => /\(`(azureml[^`]*)`\)/.exec(f.message)?.[1]), ['azureml.core.Run.id', 'azureml.core.Run.get_metrics'], newest);
      for (const f of reads) assert.ok(f.fixes?.length, `${f.message} (${newest})`);
    }
  });

  describe('refused', () => {
    const head = ['from azureml.core import Workspace, Experiment, Run', 'ws = Workspace.from_config()', 'exp = Experiment(ws, "nightly")', 'run = Run(exp, "abc_123")'];
    const cases: Array<[string, string[], string]> = [
      ['a key v2 has no same field for (runDefinition)', ['d = run.get_details()', 'print(d["runDefinition"]["arguments"])'], 'run.get_details()'],
      ['the details dict passed on', ['d = run.get_details()', 'save(d)'], 'run.get_details()'],
      ['a start time used in arithmetic (its form changes)', ['d = run.get_details()', 't = d["startTimeUtc"]'], 'run.get_details()'],
      ['next() of runs whose other reads do not translate', ['latest = next(exp.get_runs())', 'latest.get_file_names()'], 'exp.get_runs()'],
    ];
    for (const [title, body, kept] of cases) {
      it(title, () => {
        const out = fixPython([...head, ...body, ''].join('\n'), true);
        assert.ok(out.includes(kept), out);
        assert.ok(parses(out));
      });
    }
    it('a step run whose job log is read keeps the pipeline run v1 (get_job_log has no v2 form)', () => {
      const out = fixPython([
        'from azureml.core import Workspace, Experiment, Run',
        'ws = Workspace.from_config()',
        'run = Run(Experiment(ws, "p"), "abc")',
        'for step_run in run.get_children():',
        '    print(step_run.get_job_log())',
        '',
      ].join('\n'), true);
      assert.ok(out.includes('run.get_children()') && out.includes('get_job_log()'), out);
    });
  });

  it('a notebook: details fetched in one cell, read in the next', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment, Run\nws = Workspace.from_config()\nexp = Experiment(ws, "nightly")\nrun = Run(exp, "abc_123")' },
      { kind: 'code', text: 'details = run.get_details()' },
      { kind: 'code', text: 'details["status"]' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      { kind: 'code', text: [...CLIENT, 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())', 'exp = "nightly"', 'run = ml_client.jobs.get("abc_123")'].join('\n') },
      { kind: 'code', text: 'details = ml_client.jobs.get(run.name)' },
      { kind: 'code', text: 'details.status' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
