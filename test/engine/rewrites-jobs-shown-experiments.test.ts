/**
 * Round 29 (jobs): an experiment shown, a script's workspace read inline, an unused run configuration.
 * - `exp = Experiment(ws, name)` also shown as it is (a notebook cell's value `exp`, `print(exp)`) beside its
 *   submits, its interactive run or `exp.name` reads: v2 has no experiment object (a job names its experiment,
 *   `create_or_update(job, experiment_name=)`; an MLflow run, `mlflow.set_experiment(name)`), so `exp` holds the
 *   name and showing it shows the name (the community notebooks' `experiment` cell);
 * - `Run.get_context().experiment.workspace` read inline (no run variable): the finding of `Run.get_context()`
 *   offers the fix of that workspace read (the job's in-job client);
 * - `rc = RunConfiguration()` that nothing runs with (only its fields set, to names or literals): v1 applies a run
 *   configuration only where a job or a step is given it, so its statements go (as an unused dataset lookup).
 * Refused: an experiment handed to other code, a run configuration printed, given a call's value, or set through a
 * field of a field (`rc.environment.docker.enabled = True` may change an environment used elsewhere), or whose
 * statements are all of a block (it would be left empty).
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

const CLIENT = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];
const FROM_CONFIG = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
const IN_JOB = 'ml_client = MLClient(credential=AzureMLOnBehalfOfCredential(), subscription_id=os.environ["AZUREML_ARM_SUBSCRIPTION"], resource_group_name=os.environ["AZUREML_ARM_RESOURCEGROUP"], workspace_name=os.environ["AZUREML_ARM_WORKSPACE_NAME"])  # the job must run with identity: user_identity  # amlint: review';

function fixesOf(src: string, symbol: string): unknown[][] {
  const found = lint({ kind: 'python', text: src }).findings.filter((x) => x.symbol === symbol) as Array<{ fixes?: unknown[] }>;
  assert.ok(found.length, `a finding for ${symbol}`);
  return found.map((f) => f.fixes ?? []);
}

describe('rewrites round 29 (jobs): experiments shown, inline script workspaces, unused run configurations', () => {
  rewriteCases([
    [
      'an interactive run whose experiment is shown as a cell value afterwards',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="pi-estimate")',
        'run = exp.start_logging()',
        'run.log("iterations", 100)',
        'run.complete()',
        'exp',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mlflow',
        FROM_CONFIG,
        'exp = "pi-estimate"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("pi-estimate")',
        'run = mlflow.start_run()',
        'mlflow.log_metric("iterations", 100)',
        'mlflow.end_run()',
        'exp',
        '',
      ].join('\n'),
    ],
    [
      'a submitted job whose experiment is printed before the submit',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'exp = Experiment(ws, "train")',
        'print(exp)',
        'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
        'run = exp.submit(src)',
        'run.wait_for_completion()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        FROM_CONFIG,
        'exp = "train"',
        'print(exp)',
        'src = command(code=".", command="python train.py", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"), compute="cpu")  # amlint: review',
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'an experiment printed and read for its name only',
      ['from azureml.core import Workspace, Experiment', 'ws = Workspace.from_config()', 'exp = Experiment(ws, "train")', 'print(exp)', 'print(exp.name)', ''].join('\n'),
      [...CLIENT, FROM_CONFIG, 'exp = "train"', 'print(exp)', 'print(exp)', ''].join('\n'),
    ],
    [
      'a job script reading its workspace inline from its run',
      [
        'from azureml.core import Run, Datastore',
        'ws = Run.get_context().experiment.workspace',
        'store = Datastore.get(ws, "training")',
        'print(store.name)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.ai.ml.identity import AzureMLOnBehalfOfCredential',
        'import os',
        IN_JOB,
        'ws = ml_client',
        'store = ml_client.datastores.get(name="training")',
        'print("training")',
        '',
      ].join('\n'),
    ],
    [
      'a run configuration nothing runs with: its statements go',
      [
        'from azureml.core.runconfig import RunConfiguration',
        'compute_name = "cpu-cluster"',
        'rc = RunConfiguration()',
        'rc.target = compute_name',
        'rc.node_count = 1',
        'print("ready")',
        '',
      ].join('\n'),
      ['compute_name = "cpu-cluster"', 'print("ready")', ''].join('\n'),
    ],
  ]);

  it('the inline get_context() finding offers the workspace read\'s fix', () => {
    const src = ['from azureml.core import Run', 'ws = Run.get_context().experiment.workspace', ''].join('\n');
    assert.ok(fixesOf(src, 'azureml.core.Run.get_context').every((f) => f.length > 0));
  });

  it('an experiment handed to other code keeps no fix', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'ws = Workspace.from_config()',
      'exp = Experiment(ws, "train")',
      'describe(exp)',
      'print(exp.name)',
      '',
    ].join('\n');
    assert.deepEqual(fixesOf(src, 'azureml.core.Experiment'), [[]]);
  });

  for (const [title, lines] of [
    ['printed', ['rc = RunConfiguration()', 'rc.target = "cpu"', 'print(rc)']],
    ['given a call\'s value', ['rc = RunConfiguration()', 'rc.target = pick_compute()', 'print("ready")']],
    ['set through a field of a field', ['rc = RunConfiguration()', 'rc.environment.docker.enabled = True', 'print("ready")']],
    ['alone in a function body', ['def make():', '    rc = RunConfiguration()', '    rc.target = "cpu"']],
  ] as const) {
    it(`a run configuration ${title} keeps no fix`, () => {
      const src = ['from azureml.core.runconfig import RunConfiguration', ...lines, ''].join('\n');
      assert.deepEqual(fixesOf(src, 'azureml.core.RunConfiguration'), [[]]);
    });
  }
});
