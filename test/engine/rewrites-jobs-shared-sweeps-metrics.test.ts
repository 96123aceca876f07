/**
 * Round 12 (e), MachineLearningNotebooks ml-frameworks shapes (pytorch / tensorflow / keras):
 * - a ScriptRunConfig both submitted and swept whose arguments do not pass the swept options: the sweep gets
 *   a command of its own, the same arguments with `--opt ${{inputs.opt}}` appended (v1 HyperDrive appended
 *   `--opt <value>`; HD https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-hyperdrive),
 *   only when every name the configuration reads means the same at the HyperDriveConfig;
 * - `m["k"][-1]` of `m = run.get_metrics()` → `m["k"]` of the MLflow run's metrics (the latest value: largest step,
 *   then latest timestamp, https://mlflow.org/docs/latest/rest-api.html#get-run); other indexes stay refused;
 * - `args = [...]` bound again later (a run's arguments, then a sweep's): each binding's list, only when
 *   every binding of the name is a plain statement (none under a branch);
 * - `exp.name` read of an experiment that becomes its name → the name.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
const TRACKING = 'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';
const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';

describe('rewrites round 12 (e): shared sweeps, last metric values, rebound argument lists, experiment names', () => {
  rewriteCases([
    [
      'a configuration submitted and swept on options it does not pass: the sweep\'s own command; m["k"][-1] → the latest value',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.train.hyperdrive import RandomParameterSampling, BanditPolicy, HyperDriveConfig, uniform, PrimaryMetricGoal',
        'ws = Workspace.from_config()',
        'experiment = Experiment(ws, name="birds")',
        'env = Environment.from_conda_specification(name="torch", file_path="./conda.yml")',
        'src = ScriptRunConfig(source_directory="./src", script="train.py", arguments=["--num_epochs", 30], compute_target="gpu-cluster", environment=env)',
        'run = experiment.submit(src)',
        'run.wait_for_completion(show_output=True)',
        'ps = RandomParameterSampling({"learning_rate": uniform(0.0005, 0.005)})',
        'policy = BanditPolicy(slack_factor=0.15, evaluation_interval=1, delay_evaluation=10)',
        'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, policy=policy, primary_metric_name="best_val_acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=8, max_concurrent_runs=4)',
        'hd_run = experiment.submit(hd)',
        'hd_run.wait_for_completion(show_output=True)',
        'best = hd_run.get_best_run_by_primary_metric()',
        'metrics = best.get_metrics()',
        'print(metrics["best_val_acc"][-1], metrics["lr"])',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml.sweep import Uniform',
        'import azure.ai.ml.sweep',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from mlflow.tracking import MlflowClient',
        CLIENT,
        'experiment = "birds"',
        'env = azure.ai.ml.entities.Environment(',
        '    name="torch",',
        '    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review',
        '    conda_file="./conda.yml",',
        ')',
        'src = command(code="./src", command="python train.py --num_epochs 30", environment=env, compute="gpu-cluster")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="birds")',
        'ml_client.jobs.stream(run.name)',
        'ps = "random"',
        'policy = azure.ai.ml.sweep.BanditPolicy(delay_evaluation=10, evaluation_interval=1, slack_factor=0.15)',
        'hd = command(code="./src", command="python train.py --num_epochs 30 --learning_rate ${{inputs.learning_rate}}", inputs={"learning_rate": Uniform(min_value=0.0005, max_value=0.005)}, environment=env, compute="gpu-cluster").sweep(sampling_algorithm=ps, primary_metric="best_val_acc", goal="Maximize", max_total_trials=8, max_concurrent_trials=4, early_termination_policy=policy)',
        'hd_run = ml_client.jobs.create_or_update(hd, experiment_name="birds")',
        'ml_client.jobs.stream(hd_run.name)',
        'best = ml_client.jobs.get(ml_client.jobs.get(hd_run.name).properties["best_child_run_id"])  # amlint: review',
        `metrics = ${TRACKING}.get_run(best.name).data.metrics`,
        'print(metrics["best_val_acc"], metrics["lr"])',
        '',
      ].join('\n'),
    ],
    [
      'an argument list bound again after its run; exp.name read → the name the experiment now holds',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'experiment_name = "mnist"',
        'exp = Experiment(ws, experiment_name)',
        'output = {}',
        'output["Experiment Name"] = exp.name',
        'args = ["--batch-size", 64]',
        'src = ScriptRunConfig(source_directory=".", script="train.py", arguments=args, compute_target="cpu")',
        'run = exp.submit(src)',
        'args = ["--batch-size", 32]',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'experiment_name = "mnist"',
        'exp = experiment_name',
        'output = {}',
        'output["Experiment Name"] = exp',
        'args = ["--batch-size", 64]',
        `src = command(code=".", command="python train.py --batch-size 64", environment=${IMAGE}, compute="cpu")  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name=experiment_name)',
        'args = ["--batch-size", 32]',
        '',
      ].join('\n'),
    ],
  ]);

  describe('refused', () => {
    const cases: Array<[string, string[], string]> = [
      [
        'a swept configuration reading a name bound again before the HyperDriveConfig (its command cannot be written there)',
        [
          'from azureml.core import Workspace, Experiment, ScriptRunConfig',
          'from azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, uniform, PrimaryMetricGoal',
          'ws = Workspace.from_config()',
          'experiment = Experiment(ws, name="birds")',
          'target = "gpu-cluster"',
          'src = ScriptRunConfig(source_directory="./src", script="train.py", arguments=["--num_epochs", 30], compute_target=target)',
          'run = experiment.submit(src)',
          'target = "cpu-cluster"',
          'ps = RandomParameterSampling({"learning_rate": uniform(0.0005, 0.005)})',
          'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=8)',
          'hd_run = experiment.submit(hd)',
        ],
        'src = ScriptRunConfig(',
      ],
      [
        'a metric read at another index than [-1] (an older value of the series)',
        [
          'from azureml.core import Workspace, Experiment, ScriptRunConfig',
          'ws = Workspace.from_config()',
          'exp = Experiment(ws, "mnist")',
          'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
          'run = exp.submit(src)',
          'm = run.get_metrics()',
          'print(m["acc"][-2])',
        ],
        'm = run.get_metrics()',
      ],
      [
        'an argument list bound again under a branch (either list may be the one given)',
        [
          'from azureml.core import Workspace, Experiment, ScriptRunConfig',
          'ws = Workspace.from_config()',
          'exp = Experiment(ws, "mnist")',
          'args = ["--batch-size", 64]',
          'if fast:',
          '    args = ["--batch-size", 32]',
          'src = ScriptRunConfig(source_directory=".", script="train.py", arguments=args, compute_target="cpu")',
          'run = exp.submit(src)',
        ],
        'src = ScriptRunConfig(',
      ],
      [
        'an experiment whose name is assigned',
        [
          'from azureml.core import Workspace, Experiment, ScriptRunConfig',
          'ws = Workspace.from_config()',
          'exp = Experiment(ws, "mnist")',
          'exp.name = "other"',
          'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
          'run = exp.submit(src)',
        ],
        'exp = Experiment(ws, "mnist")',
      ],
    ];
    for (const [title, lines, kept] of cases) {
      it(title, () => {
        const out = fixPython(lines.join('\n') + '\n', true);
        assert.ok(out.includes(kept), out);
        assert.ok(parses(out));
      });
    }
  });

  it('a notebook: the MLN pytorch shape, a run then a sweep of the same configuration, the best trial\'s last metric', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core.workspace import Workspace\nws = Workspace.from_config()' },
      { kind: 'code', text: 'from azureml.core import Experiment\nexperiment_name = "pytorch-birds"\nexperiment = Experiment(ws, name=experiment_name)' },
      { kind: 'code', text: 'from azureml.core import ScriptRunConfig\nsrc = ScriptRunConfig(source_directory="./pytorch-birds",\n                      script="pytorch_train.py",\n                      arguments=["--num_epochs", 30, "--output_dir", "./outputs"],\n                      compute_target="hd-cluster",\n                      environment="AzureML-pytorch-1.6-gpu@latest")' },
      { kind: 'code', text: 'run = experiment.submit(src)\nprint(run)' },
      { kind: 'code', text: 'run.wait_for_completion(show_output=True)' },
      { kind: 'code', text: 'from azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, uniform, PrimaryMetricGoal\nparam_sampling = RandomParameterSampling({"learning_rate": uniform(0.0005, 0.005), "momentum": uniform(0.9, 0.99)})\nhyperdrive_config = HyperDriveConfig(run_config=src, hyperparameter_sampling=param_sampling, primary_metric_name="best_val_acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=8, max_concurrent_runs=4)' },
      { kind: 'code', text: 'hyperdrive_run = experiment.submit(hyperdrive_config)' },
      { kind: 'code', text: 'hyperdrive_run.wait_for_completion(show_output=True)' },
      { kind: 'code', text: 'best_run = hyperdrive_run.get_best_run_by_primary_metric()\nbest_run_metrics = best_run.get_metrics()' },
      { kind: 'code', text: 'print("Validation accuracy: {0:.5f}".format(best_run_metrics["best_val_acc"][-1]))' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    // CMD (command(), create_or_update with experiment_name=), HD (Uniform inputs, .sweep(...)), the best trial from the
    // sweep job's properties["best_child_run_id"] (how-to-train-pytorch), its metrics through MLflow (latest value).
    const expected = [
      {
        kind: 'code',
        text: [
          'from azure.ai.ml import command',
          'from azure.ai.ml.sweep import Uniform',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from mlflow.tracking import MlflowClient',
          CLIENT,
        ].join('\n'),
      },
      { kind: 'code', text: 'experiment_name = "pytorch-birds"\nexperiment = experiment_name' },
      { kind: 'code', text: 'src = command(code="./pytorch-birds", command="python pytorch_train.py --num_epochs 30 --output_dir ./outputs", environment="AzureML-pytorch-1.6-gpu@latest", compute="hd-cluster")' },
      { kind: 'code', text: 'run = ml_client.jobs.create_or_update(src, experiment_name=experiment_name)\nprint(run)' },
      { kind: 'code', text: 'ml_client.jobs.stream(run.name)' },
      { kind: 'code', text: 'param_sampling = "random"\nhyperdrive_config = command(code="./pytorch-birds", command="python pytorch_train.py --num_epochs 30 --output_dir ./outputs --learning_rate ${{inputs.learning_rate}} --momentum ${{inputs.momentum}}", inputs={"learning_rate": Uniform(min_value=0.0005, max_value=0.005), "momentum": Uniform(min_value=0.9, max_value=0.99)}, environment="AzureML-pytorch-1.6-gpu@latest", compute="hd-cluster").sweep(sampling_algorithm=param_sampling, primary_metric="best_val_acc", goal="Maximize", max_total_trials=8, max_concurrent_trials=4)' },
      { kind: 'code', text: 'hyperdrive_run = ml_client.jobs.create_or_update(hyperdrive_config, experiment_name=experiment_name)' },
      { kind: 'code', text: 'ml_client.jobs.stream(hyperdrive_run.name)' },
      { kind: 'code', text: `best_run = ml_client.jobs.get(ml_client.jobs.get(hyperdrive_run.name).properties["best_child_run_id"])  # amlint: review\nbest_run_metrics = ${TRACKING}.get_run(best_run.name).data.metrics` },
      { kind: 'code', text: 'print("Validation accuracy: {0:.5f}".format(best_run_metrics["best_val_acc"]))' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
