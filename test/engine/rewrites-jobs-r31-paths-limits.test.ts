/**
 * Round 31 (jobs), jobs.ts:
 * - `run.register_model(model_path="./outputs/model.pkl")`: v1 normalises the path before matching it against the
 *   run's artifacts (azureml-core run.py Run.register_model: `os.path.normpath(model_path)`), so the v2 model's URI
 *   gets the normalised path (MODEL: `azureml://jobs/<run_id>/outputs/artifacts/paths/<path>`). Refused: `./`
 *   (normalised to `.`, which v1 matched with no artifact), `..`, an absolute path, and an `os.path.join` holding
 *   such a literal (the URI would keep it as written); a name bound once to a literal or to `"<folder>/" + f` is read
 *   as that value written in the call.
 * - `ScriptRunConfig(max_run_duration_seconds=n)` ("the maximum time allowed for the run ... automatically cancel",
 *   seconds) → `command(timeout=n)` ("The number in seconds, after which the job will be cancelled": azure-ai-ml
 *   entities/_builders/command_func.py); an estimator's alike (estimators.ts). Refused beside `run_config=` and for a
 *   configuration or estimator HyperDrive sweeps.
 * - `PyTorchConfiguration(process_count=p, node_count=n)` (p the total processes, by default n: azureml-core
 *   PyTorchConfiguration) → `PyTorchDistribution(process_count_per_instance=p/n)` ("the number of processes per
 *   node") and `instance_count=n`, for integer literals with p a multiple of n.
 */
import * as assert from 'node:assert/strict';
import { fixPython, parses, rewriteCases } from './helpers';

const CLIENT = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
];
const IMAGE = 'environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';

describe('rewrites round 31 (jobs): model paths, time limits, multi-node PyTorch', () => {
  rewriteCases([
    [
      'register_model of a path under ./ (v1 normalises it)',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster")',
        'run = Experiment(ws, "train").submit(src)',
        'run.wait_for_completion(show_output=True)',
        'run.register_model(model_name="clf", model_path="./outputs/model.pkl")',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml.constants import AssetTypes',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        `src = command(code="src", command="python train.py", ${IMAGE}, compute="cpu-cluster")  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'ml_client.jobs.stream(run.name)',
        'ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="clf", path=f"azureml://jobs/{run.name}/outputs/artifacts/paths/outputs/model.pkl", type=AssetTypes.CUSTOM_MODEL))',
        '',
      ].join('\n'),
    ],
    [
      'register_model of a folder written ./output, with a description',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="gpu")',
        'run = Experiment(ws, "t").submit(src)',
        'run.register_model(model_name="m", model_path="./output", description="a model")',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml.constants import AssetTypes',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        `src = command(code=".", command="python train.py", ${IMAGE}, compute="gpu")  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="t")',
        'ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="m", path=f"azureml://jobs/{run.name}/outputs/artifacts/paths/output", type=AssetTypes.CUSTOM_MODEL, description="a model"))',
        '',
      ].join('\n'),
    ],
    [
      'max_run_duration_seconds → timeout',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster", max_run_duration_seconds=1800)',
        'run = Experiment(ws, "train").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        '',
        `src = command(code="src", command="python train.py", ${IMAGE}, compute="cpu-cluster", timeout=1800)  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        '',
      ].join('\n'),
    ],
    [
      'a time limit in a name',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'limit = 60 * 60',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster", max_run_duration_seconds=limit)',
        'run = Experiment(ws, "train").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        '',
        'limit = 60 * 60',
        `src = command(code="src", command="python train.py", ${IMAGE}, compute="cpu-cluster", timeout=limit)  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        '',
      ].join('\n'),
    ],
    [
      'PyTorch on two nodes, eight processes in all',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'from azureml.core.runconfig import PyTorchConfiguration',
        '',
        'ws = Workspace.from_config()',
        'dist = PyTorchConfiguration(process_count=8, node_count=2)',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="gpu-cluster", distributed_job_config=dist)',
        'run = Experiment(ws, "ddp").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import PyTorchDistribution',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        '',
        'dist = PyTorchDistribution(process_count_per_instance=4)',
        `src = command(code="src", command="python train.py", ${IMAGE}, compute="gpu-cluster", distribution=dist, instance_count=2)  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="ddp")',
        '',
      ].join('\n'),
    ],
    [
      'PyTorch on three nodes, the process count left to its default (one a node)',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'from azureml.core.runconfig import PyTorchConfiguration',
        '',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="gpu-cluster", distributed_job_config=PyTorchConfiguration(node_count=3))',
        'run = Experiment(ws, "ddp").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import PyTorchDistribution',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...CLIENT,
        '',
        `src = command(code="src", command="python train.py", ${IMAGE}, compute="gpu-cluster", distribution=PyTorchDistribution(process_count_per_instance=1), instance_count=3)  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="ddp")',
        '',
      ].join('\n'),
    ],
    [
      "an estimator's max_run_duration_seconds → timeout (estimators.ts)",
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.train.estimator import Estimator',
        '',
        'ws = Workspace.from_config()',
        'est = Estimator(source_directory="src", entry_script="train.py", compute_target="cpu", pip_packages=["lightgbm"], max_run_duration_seconds=3600)',
        'run = Experiment(ws, "e").submit(est)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        ...CLIENT,
        '',
        'est = command(code="src", command="python train.py", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", {"pip": ["azureml-defaults", "lightgbm"]}]}), compute="cpu", timeout=3600)  # amlint: review',
        'run = ml_client.jobs.create_or_update(est, experiment_name="e")',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused: a time limit on an estimator HyperDrive sweeps', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'from azureml.train.estimator import Estimator',
      'from azureml.train.hyperdrive import HyperDriveConfig, RandomParameterSampling, PrimaryMetricGoal, choice',
      '',
      'ws = Workspace.from_config()',
      'est = Estimator(source_directory="src", entry_script="train.py", compute_target="cpu", pip_packages=["lightgbm"], max_run_duration_seconds=600)',
      'ps = RandomParameterSampling({"--n": choice(1, 2)})',
      'hd = HyperDriveConfig(estimator=est, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
      'run = Experiment(ws, "t").submit(hd)',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.ok(out.includes('Estimator('), out);
    assert.ok(!out.includes('.sweep('), out);
    assert.ok(parses(out));
  });

  // A name bound once read as its value written in the call (jobArtifactPath through onlyValue).
  const namedModels: Array<[string, string, string]> = [
    ['a name bound to a path under ./', 'mp = "./outputs/model.pkl"', 'paths/outputs/model.pkl"'],
    ['a name bound to ./ plus a file name', 'f = "model.pkl"\nmp = "./outputs/" + f', 'paths/outputs/{f}"'],
  ];
  for (const [title, bind, uri] of namedModels) {
    it(`register_model of ${title}: read as written in the call`, () => {
      const src = ['from azureml.core import Workspace, Experiment, ScriptRunConfig', '', 'ws = Workspace.from_config()', 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu")', 'run = Experiment(ws, "t").submit(src)', bind, 'run.register_model(model_name="m", model_path=mp)', ''].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes(`path=f"azureml://jobs/{run.name}/outputs/artifacts/${uri}`), out);
      assert.ok(!out.includes('register_model('), out);
      assert.ok(parses(out));
    });
  }

  const refusedModels: Array<[string, string]> = [
    ['./ (v1: no artifact matches ".")', 'run.register_model(model_name="m", model_path="./")'],
    ['a parent folder', 'run.register_model(model_name="m", model_path="../model.pkl")'],
    ['a path under ./ with ..', 'run.register_model(model_name="m", model_path="./outputs/../model.pkl")'],
    ['an absolute path', 'run.register_model(model_name="m", model_path="/outputs/model.pkl")'],
    ['a name bound to a join from ./', 'import os\nmp = os.path.join("./outputs", "model.pkl")\nrun.register_model(model_name="m", model_path=mp)'],
    ['a name bound to ./ plus a file name bound elsewhere (f read otherwise at the call)', 'f = "model.pkl"\nmp = "./outputs/" + f\ndef reg():\n    f = "other.pkl"\n    run.register_model(model_name="m", model_path=mp)'],
    ['a join from ./ written in the call', 'import os\nrun.register_model(model_name="m", model_path=os.path.join("./outputs", "model.pkl"))'],
  ];
  for (const [title, body] of refusedModels) {
    it(`refused: register_model of ${title}`, () => {
      const src = ['from azureml.core import Workspace, Experiment, ScriptRunConfig', '', 'ws = Workspace.from_config()', 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu")', 'run = Experiment(ws, "t").submit(src)', body, ''].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes('ScriptRunConfig('), out);
      assert.ok(out.includes('register_model('), out);
      assert.ok(parses(out));
    });
  }

  const refusedConfigs: Array<[string, string]> = [
    ['a time limit beside run_config', 'rc = RunConfiguration()\nrc.target = "cpu"\nsrc = ScriptRunConfig(source_directory="src", script="train.py", run_config=rc, max_run_duration_seconds=600)'],
    ['a time limit of None', 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", max_run_duration_seconds=None)'],
    ['processes that do not divide among the nodes', 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", distributed_job_config=PyTorchConfiguration(process_count=3, node_count=2))'],
    ['fewer processes than nodes', 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", distributed_job_config=PyTorchConfiguration(process_count=1, node_count=2))'],
    ['a node count in a variable', 'n = 2\nsrc = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", distributed_job_config=PyTorchConfiguration(process_count=4, node_count=n))'],
    ['the Gloo backend on several nodes', 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", distributed_job_config=PyTorchConfiguration(communication_backend="Gloo", process_count=4, node_count=2))'],
  ];
  for (const [title, body] of refusedConfigs) {
    it(`refused: ${title}`, () => {
      const src = ['from azureml.core import Workspace, Experiment, ScriptRunConfig', 'from azureml.core.runconfig import RunConfiguration, PyTorchConfiguration', '', 'ws = Workspace.from_config()', body, 'run = Experiment(ws, "t").submit(src)', ''].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes('ScriptRunConfig('), out);
      assert.ok(!out.includes('command('), out);
      assert.ok(parses(out));
    });
  }

  it('refused: a time limit on a configuration HyperDrive sweeps', () => {
    const src = [
      'from azureml.core import Workspace, Experiment, ScriptRunConfig',
      'from azureml.train.hyperdrive import HyperDriveConfig, RandomParameterSampling, PrimaryMetricGoal, choice',
      '',
      'ws = Workspace.from_config()',
      'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", max_run_duration_seconds=600)',
      'ps = RandomParameterSampling({"--lr": choice(0.1, 0.01)})',
      'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
      'run = Experiment(ws, "t").submit(hd)',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.ok(out.includes('ScriptRunConfig('), out);
    assert.ok(!out.includes('.sweep('), out);
    assert.ok(parses(out));
  });
});
