/**
 * Round 28 (jobs): a run's files and widget shown, and a HyperDrive submit's show_output.
 * - `files = run.get_file_names()` read only by `for f in files: print(f)` (the DP-100 labs), and
 *   `print(json.dumps(run.get_file_names(), indent=2))` (the older labs) → the MLflow artifact listing
 *   (MlflowClient.list_artifacts(run_id) → FileInfo.path), marked for review as the other listings are;
 * - an interactive run (`exp.start_logging()`): `RunDetails(run).show()` → its studio link printed (the MLflow
 *   run is a job of the workspace: `ml_client.jobs.get(run_id).studio_url`, review), its files as above;
 * - `exp.submit(hyperdrive_config, show_output=True)`: v1 HyperDrive's submit reads its kwargs only for a
 *   pipeline (azureml-train-core `search`, `_get_platform_config`), so the flag goes with the submit.
 * - `exp = Experiment(ws, name)` read only for `exp.name` (left so once its submits are rewritten) → the name.
 * Refused: an experiment read otherwise (`exp.id`), the file list used otherwise (sorted, written), json.dumps with other options or not printed,
 * a widget kept in a name, `show_output=` on a ScriptRunConfig submit (v1's submit function takes no such option).
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
const TRACKING = 'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';
const IMAGE = 'environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';
const SRC = [
  'from azureml.core import Workspace, Experiment, ScriptRunConfig',
  'ws = Workspace.from_config()',
  'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
];
const COMMAND = `src = command(code=".", command="python train.py", ${IMAGE}, compute="cpu")  # amlint: review`;

function fixesOf(src: string, symbol: string): unknown[][] {
  const found = lint({ kind: 'python', text: src }).findings.filter((x) => x.symbol === symbol) as Array<{ fixes?: unknown[] }>;
  assert.ok(found.length, `a finding for ${symbol}`);
  return found.map((f) => f.fixes ?? []);
}

describe('rewrites round 28 (jobs): files and widgets shown, a sweep submitted with show_output', () => {
  rewriteCases([
    [
      'a submitted job\'s file names bound to a name that a loop prints',
      [...SRC, 'run = Experiment(ws, "exp").submit(src)', 'run.wait_for_completion()', 'files = run.get_file_names()', 'for file in files:', '    print(file)', ''].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        'from mlflow.tracking import MlflowClient',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        COMMAND,
        'run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        'ml_client.jobs.stream(run.name)',
        `files = [artifact.path for artifact in ${TRACKING}.list_artifacts(run.name)]  # amlint: review`,
        'for file in files:',
        '    print(file)',
        '',
      ].join('\n'),
    ],
    [
      'metrics and file names printed as JSON',
      ['import json', ...SRC, 'run = Experiment(ws, "exp").submit(src)', 'print(json.dumps(run.get_metrics(), indent=2))', 'print(json.dumps(run.get_file_names(), indent=2))', ''].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        'from mlflow.tracking import MlflowClient',
        'import json',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        COMMAND,
        'run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        `print(json.dumps(${TRACKING}.get_run(run.name).data.metrics, indent=2))`,
        `print(json.dumps([artifact.path for artifact in ${TRACKING}.list_artifacts(run.name)], indent=2))  # amlint: review`,
        '',
      ].join('\n'),
    ],
    [
      'an interactive run shown in the widget after it ends, and its files listed',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.widgets import RunDetails',
        'ws = Workspace.from_config()',
        'experiment = Experiment(workspace=ws, name="diabetes")',
        'run = experiment.start_logging()',
        'run.log("observations", 10)',
        'run.complete()',
        'RunDetails(run).show()',
        'files = run.get_file_names()',
        'for file in files:',
        '    print(file)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mlflow',
        'from mlflow.tracking import MlflowClient',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'experiment = "diabetes"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("diabetes")',
        'run = mlflow.start_run()',
        'mlflow.log_metric("observations", 10)',
        'mlflow.end_run()',
        'print(ml_client.jobs.get(run.info.run_id).studio_url)  # amlint: review',
        `files = [artifact.path for artifact in ${TRACKING}.list_artifacts(run.info.run_id)]  # amlint: review`,
        'for file in files:',
        '    print(file)',
        '',
      ].join('\n'),
    ],
    [
      'a HyperDrive configuration submitted with show_output=True',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'from azureml.train.hyperdrive import HyperDriveConfig, RandomParameterSampling, PrimaryMetricGoal, choice',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
        'ps = RandomParameterSampling({"--C": choice(0.1, 1.0)})',
        'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="Accuracy", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
        'hd_run = Experiment(ws, "hd").submit(hd, show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        `src = command(code=".", command="python train.py --C \${{inputs.c}}", inputs={"c": Choice(values=[0.1, 1.0])}, ${IMAGE}, compute="cpu")  # amlint: review`,
        'ps = "random"',
        'hd = src.sweep(sampling_algorithm=ps, primary_metric="Accuracy", goal="Maximize", max_total_trials=4)',
        'hd_run = ml_client.jobs.create_or_update(hd, experiment_name="hd")',
        '',
      ].join('\n'),
    ],
    [
      'an experiment read only for its name (what is left once its submits were rewritten)',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'experiment_name = "diabetes_training"',
        'experiment = Experiment(workspace=ws, name=experiment_name)',
        'print("Experiment:", experiment.name)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        // (the workspace, left unused, still becomes the module's client: workspace.ts)
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'experiment_name = "diabetes_training"',
        'experiment = experiment_name',
        'print("Experiment:", experiment)',
        '',
      ].join('\n'),
    ],
  ]);

  it('an experiment read for more than its name: not rewritten', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'ws = Workspace.from_config()',
      'experiment = Experiment(workspace=ws, name="e")',
      'print(experiment.name, experiment.id)',
      '',
    ].join('\n');
    for (const symbol of ['azureml.core.Experiment', 'azureml.core.Experiment.name']) {
      for (const fixes of fixesOf(src, symbol)) assert.deepEqual(fixes, [], symbol);
    }
  });

  it('file names used other than shown: not rewritten', () => {
    for (const tail of [
      ['files = run.get_file_names()', 'files.sort()', 'for file in files:', '    print(file)'],
      ['import json', 'open("files.json", "w").write(json.dumps(run.get_file_names()))'],
      ['import json', 'print(json.dumps(run.get_file_names(), sort_keys=True))'],
    ]) {
      const src = [...SRC, 'run = Experiment(ws, "exp").submit(src)', ...tail, ''].join('\n');
      for (const fixes of fixesOf(src, 'azureml.core.Run.get_file_names')) assert.deepEqual(fixes, [], tail.join('; '));
    }
  });

  it('an interactive run whose widget is kept in a name: not rewritten', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'from azureml.widgets import RunDetails',
      'ws = Workspace.from_config()',
      'run = Experiment(ws, "e").start_logging()',
      'run.log("a", 1)',
      'run.complete()',
      'widget = RunDetails(run)',
      'widget.show()',
      '',
    ].join('\n');
    for (const fixes of fixesOf(src, 'azureml.core.Experiment.start_logging')) assert.deepEqual(fixes, []);
  });

  it('show_output=True on a ScriptRunConfig submit: not rewritten', () => {
    const src = [...SRC, 'run = Experiment(ws, "exp").submit(src, show_output=True)', ''].join('\n');
    for (const fixes of fixesOf(src, 'azureml.core.Experiment.submit')) assert.deepEqual(fixes, []);
  });
});
