/**
 * Round 11 (c), jobs.ts on MachineLearningNotebooks shapes (the "first experiment" tutorial):
 * - an interactive run started in a loop body (`for a in alphas: run = exp.start_logging() ...
 *   run.complete()`) while the name is bound again by a later loop: each iteration's run → an
 *   MLflow run (reference-migrate-sdk-v1-mlflow-tracking: set_experiment / start_run / log_metric /
 *   end_run; TRK: set_tracking_uri);
 * - `run.upload_file(name=n, path_or_stream="outputs/" + n)`, n a file name without a folder →
 *   `mlflow.log_artifact(path)` (the artifact at the root under n, as v1 named it);
 * - `r.get_details()["runId"]` of the experiment's runs → `r.info.run_id` (directly or through a name).
 * Refused: a file name that may hold a folder, a detail other than runId, a use another binding may reach.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const URI = 'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';
const HEAD = 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport mlflow\n';

function fixesOf(src: string, symbol: string): unknown[][] {
  const found = lint({ kind: 'python', text: src }).findings.filter((x) => x.symbol === symbol) as Array<{ fixes?: unknown[] }>;
  assert.ok(found.length, `a finding for ${symbol}`);
  return found.map((f) => f.fixes ?? []);
}

describe('rewrites round 11 (c): interactive runs in loops, the runs read back', () => {
  rewriteCases([
    [
      'runs started in a loop, each logged and completed; the name bound again by a later loop',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="ridge")',
        'for lr in [0.01, 0.1]:',
        '    run = exp.start_logging()',
        '    run.log("lr", lr)',
        '    fname = "ridge_" + str(lr) + ".pkl"',
        '    path = "outputs/" + fname',
        '    save(path)',
        '    run.upload_file(name=fname, path_or_stream=path)',
        '    run.complete()',
        'for run in exp.get_runs():',
        '    print(run.get_details()["runId"], run.get_metrics()["loss"])',
        '',
      ].join('\n'),
      [
        HEAD.trimEnd(),
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "ridge"',
        'for lr in [0.01, 0.1]:',
        `    ${URI}`,
        '    mlflow.set_experiment("ridge")',
        '    run = mlflow.start_run()',
        '    mlflow.log_metric("lr", lr)',
        '    fname = "ridge_" + str(lr) + ".pkl"',
        '    path = "outputs/" + fname',
        '    save(path)',
        '    mlflow.log_artifact(path)',
        '    mlflow.end_run()',
        URI,
        'for run in [run for run in mlflow.search_runs(experiment_names=["ridge"], output_format="list") if "mlflow.parentRunId" not in run.data.tags]:',
        '    print(run.info.run_id, run.data.metrics["loss"])',
        '',
      ].join('\n'),
    ],
    [
      'with exp.start_logging() as run: in a loop body',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'exp = Experiment(ws, "sweep-by-hand")',
        'for a in alphas:',
        '    with exp.start_logging() as run:',
        '        run.log(name="alpha", value=a)',
        'run = None',
        '',
      ].join('\n'),
      [
        HEAD.trimEnd(),
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "sweep-by-hand"',
        'for a in alphas:',
        `    ${URI}`,
        '    mlflow.set_experiment("sweep-by-hand")',
        '    with mlflow.start_run() as run:',
        '        mlflow.log_metric("alpha", a)',
        'run = None',
        '',
      ].join('\n'),
    ],
  ]);

  it('in a notebook (the tutorial shape): runs in a loop, the best one found by its details\' runId', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexperiment = Experiment(workspace=ws, name="diabetes")' },
        { kind: 'code', text: 'for alpha in [0.1, 0.5]:\n    run = experiment.start_logging()\n    run.log("rmse", fit(alpha))\n    run.complete()' },
        { kind: 'code', text: 'best = None\nfor run in experiment.get_runs():\n    metrics = run.get_metrics()\n    details = run.get_details()\n    if best is None or metrics["rmse"] < best[1]:\n        best = (details["runId"], metrics["rmse"])\nprint(best)' },
      ],
    };
    const expected = [
      { kind: 'code', text: `${HEAD}ml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexperiment = "diabetes"` },
      { kind: 'code', text: `for alpha in [0.1, 0.5]:\n    ${URI}\n    mlflow.set_experiment("diabetes")\n    run = mlflow.start_run()\n    mlflow.log_metric("rmse", fit(alpha))\n    mlflow.end_run()` },
      {
        kind: 'code',
        text: `best = None\n${URI}\nfor run in [run for run in mlflow.search_runs(experiment_names=["diabetes"], output_format="list") if "mlflow.parentRunId" not in run.data.tags]:\n    metrics = run.data.metrics\n    details = run.info\n    if best is None or metrics["rmse"] < best[1]:\n        best = (details.run_id, metrics["rmse"])\nprint(best)`,
      },
    ];
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  it('a file name made from a value that may hold a folder: upload_file and the run not rewritten', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'ws = Workspace.from_config()',
      'exp = Experiment(ws, "e")',
      'for tag in tags:',
      '    run = exp.start_logging()',
      '    name = "model_" + str(tag) + ".pkl"',
      '    path = "outputs/" + name',
      '    run.upload_file(name=name, path_or_stream=path)',
      '    run.complete()',
      '',
    ].join('\n');
    for (const symbol of ['azureml.core.Experiment.start_logging', 'azureml.core.Run.upload_file', 'azureml.core.Run.complete']) {
      for (const fixes of fixesOf(src, symbol)) assert.deepEqual(fixes, [], `no fix for ${symbol}`);
    }
  });

  it('a detail other than runId read: the runs are not rewritten', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'ws = Workspace.from_config()',
      'exp = Experiment(ws, "e")',
      'for r in exp.get_runs():',
      '    d = r.get_details()',
      '    print(d["runId"], d["status"])',
      '',
    ].join('\n');
    for (const fixes of fixesOf(src, 'azureml.core.Experiment.get_runs')) assert.deepEqual(fixes, []);
  });

  it('a run bound again under a branch, a later use reaching both: the first run is not rewritten', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'ws = Workspace.from_config()',
      'exp = Experiment(ws, "e")',
      'run = exp.start_logging()',
      'run.log("a", 1)',
      'run.complete()',
      'if retry:',
      '    run = exp.start_logging()',
      'print(run.get_status())',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.ok(out.includes('run = exp.start_logging()\nrun.log("a", 1)'), out);
  });
});
