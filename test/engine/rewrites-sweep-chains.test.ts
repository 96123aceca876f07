/**
 * Round 19 (sweep), sweep.ts and jobs.ts:
 * - a swept option the ScriptRunConfig's arguments already pass once with a literal value (`"--kernel", "linear"`):
 *   v1 sent a ScriptRunConfig's arguments unchanged (azureml-train-core hyperdrive/runconfig.py
 *   `_remove_duplicate_arguments` only drops duplicates of estimators and notebook `-n` arguments) with the sampled
 *   `--kernel <value>` after them, so the sweep's command keeps both, the sampled one last;
 * - a parameter space held in a name (`space = {...}`, `GridParameterSampling(space)`): the statement goes, its
 *   distributions become the command's inputs (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-hyperdrive);
 * - `ScriptRunConfig(run_config=rc, compute_target=X, environment=E)`: v1 ignores compute_target/environment when
 *   run_config is given (azureml-core script_run_config.py), so they are accepted only when they repeat
 *   `rc.target = X` / `rc.environment = E`;
 * - `run.register_model(..., model_path=os.path.join(...), model_framework=Model.Framework.X)`: the path kept as
 *   written in the job artifact URI, the framework (no v2 Model field) dropped with `# amlint: review`.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

describe('rewrites round 19 (sweep): HyperDrive and run chains', () => {
  rewriteCases([
    [
      'swept options the arguments already pass with default values, the best trial registered',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, PrimaryMetricGoal, choice',
        '',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "sklearn-env")',
        'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--kernel", "linear", "--penalty", 0.9], compute_target="cpu-cluster", environment=env)',
        'ps = RandomParameterSampling({"--kernel": choice("linear", "rbf"), "--penalty": choice(0.5, 1.0)})',
        'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="Accuracy", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
        'run = Experiment(ws, "tune").submit(config=hd)',
        'run.wait_for_completion(show_output=True)',
        'best_run = run.get_best_run_by_primary_metric()',
        'model = best_run.register_model(model_name="svm", model_path="outputs/model.joblib")',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = ml_client.environments.get(name="sklearn-env", label="latest")',
        'src = command(code="src", command="python train.py --kernel linear --penalty 0.9 --kernel ${{inputs.kernel}} --penalty ${{inputs.penalty}}", inputs={"kernel": Choice(values=["linear", "rbf"]), "penalty": Choice(values=[0.5, 1.0])}, environment=env, compute="cpu-cluster")',
        'ps = "random"',
        'hd = src.sweep(sampling_algorithm=ps, primary_metric="Accuracy", goal="Maximize", max_total_trials=4)',
        'run = ml_client.jobs.create_or_update(hd, experiment_name="tune")',
        'ml_client.jobs.stream(run.name)',
        'best_run = ml_client.jobs.get(ml_client.jobs.get(run.name).properties["best_child_run_id"])  # amlint: review',
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="svm", path=f"azureml://jobs/{best_run.name}/outputs/artifacts/paths/outputs/model.joblib", type=AssetTypes.CUSTOM_MODEL))',
        '',
      ].join('\n'),
    ],
    [
      'a parameter space held in a name, choice(range(...)), a RunConfiguration whose target and environment the ScriptRunConfig repeats',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.core.runconfig import RunConfiguration',
        'from azureml.train.hyperdrive import GridParameterSampling, HyperDriveConfig, PrimaryMetricGoal, BanditPolicy, choice',
        '',
        '',
        'def main(ws, compute_target, environment):',
        '    run_config = RunConfiguration()',
        '    run_config.target = compute_target',
        '    run_config.environment = environment',
        '    parameter_space = {',
        '        "--n_estimators": choice(range(15, 21, 5)),',
        '        "--criterion": choice(["gini", "entropy"]),',
        '    }',
        '    sampling = GridParameterSampling(parameter_space)',
        '    src = ScriptRunConfig(source_directory="train", script="train.py", run_config=run_config, compute_target=compute_target, environment=environment)',
        '    policy = BanditPolicy(evaluation_interval=1, slack_factor=0.1)',
        '    hd_config = HyperDriveConfig(hyperparameter_sampling=sampling, primary_metric_name="recall", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4, policy=policy, run_config=src)',
        '    run = Experiment(ws, "grid").submit(hd_config)',
        '    run.wait_for_completion()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml import command',
        'import azure.ai.ml.sweep',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        '',
        'def main(ws, compute_target, environment):',
        '    sampling = "grid"',
        '    src = command(code="train", command="python train.py --n_estimators ${{inputs.n_estimators}} --criterion ${{inputs.criterion}}", inputs={"n_estimators": Choice(values=list(range(15, 21, 5))), "criterion": Choice(values=["gini", "entropy"])}, environment=environment, compute=compute_target)',
        '    policy = azure.ai.ml.sweep.BanditPolicy(evaluation_interval=1, slack_factor=0.1)',
        '    hd_config = src.sweep(sampling_algorithm=sampling, primary_metric="recall", goal="Maximize", max_total_trials=4, early_termination_policy=policy)',
        '    run = ml_client.jobs.create_or_update(hd_config, experiment_name="grid")',
        '    ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'a search space computed with math.log and a lambda bound after the ScriptRunConfig: the command written at the sweep; set_tags on the sweep job',
      [
        'import math',
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, PrimaryMetricGoal, loguniform, uniform',
        '',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "torch-env")',
        'src = ScriptRunConfig(source_directory=".", script="train.py", arguments=["--epochs", 5], compute_target="gpu-cluster", environment=env)',
        'convert = lambda x: float(math.log(x))',
        'space = {',
        '    "--learning_rate": loguniform(convert(1e-10), convert(1e-3)),',
        '    "--momentum": uniform(0.5, 1),',
        '    "--decay": loguniform(math.log(1e-6), math.log(1e-2)),',
        '}',
        'ps = RandomParameterSampling(space)',
        'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="loss", primary_metric_goal=PrimaryMetricGoal.MINIMIZE, max_total_runs=10)',
        'run = Experiment(ws, "blitz").submit(hd)',
        'run.set_tags({"part": "5", "owner": "me"})',
        'print(run.get_portal_url())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import LogUniform',
        'from azure.ai.ml.sweep import Uniform',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import command',
        'from mlflow.tracking import MlflowClient',
        'import math',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = ml_client.environments.get(name="torch-env", label="latest")',
        'convert = lambda x: float(math.log(x))',
        'ps = "random"',
        'hd = command(code=".", command="python train.py --epochs 5 --learning_rate ${{inputs.learning_rate}} --momentum ${{inputs.momentum}} --decay ${{inputs.decay}}", inputs={"learning_rate": LogUniform(min_value=convert(1e-10), max_value=convert(1e-3)), "momentum": Uniform(min_value=0.5, max_value=1), "decay": LogUniform(min_value=math.log(1e-6), max_value=math.log(1e-2))}, environment=env, compute="gpu-cluster").sweep(sampling_algorithm=ps, primary_metric="loss", goal="Minimize", max_total_trials=10)',
        'run = ml_client.jobs.create_or_update(hd, experiment_name="blitz")',
        'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).set_tag(run.name, "part", "5")',
        'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).set_tag(run.name, "owner", "me")',
        'print(run.studio_url)',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook: the space in its own cell, the model registered with os.path.join and a framework', () => {
    const cells = [
      { kind: 'code', text: 'import os\nfrom azureml.core import Workspace, Experiment, ScriptRunConfig, Environment, Model\nfrom azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, PrimaryMetricGoal, uniform\nws = Workspace.from_config()' },
      { kind: 'code', text: 'env = Environment.get(ws, "pl-env")\nsrc = ScriptRunConfig(source_directory="train", script="train.py", arguments=["--batch_size", 256], compute_target="gpu-cluster", environment=env)' },
      { kind: 'markdown', text: '## Sweep' },
      { kind: 'code', text: 'space = {\n    "--lr": uniform(0.0001, 0.001),\n}\nps = RandomParameterSampling(space)' },
      { kind: 'code', text: 'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="val_acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=8, max_concurrent_runs=2)\nrun = Experiment(ws, "bert").submit(config=hd)\nrun.wait_for_completion(show_output=True)' },
      { kind: 'code', text: 'best_run = run.get_best_run_by_primary_metric()\nbest_run.register_model(\n    model_name="bert",\n    model_path=os.path.join("outputs", "model.onnx"),\n    model_framework=Model.Framework.ONNX,\n)' },
    ];
    const expected = [
      {
        kind: 'code',
        text: [
          'from azure.ai.ml.sweep import Uniform',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from azure.ai.ml import command',
          'import azure.ai.ml.entities',
          'from azure.ai.ml.constants import AssetTypes',
          'import os',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'env = ml_client.environments.get(name="pl-env", label="latest")',
          'src = command(code="train", command="python train.py --batch_size 256 --lr ${{inputs.lr}}", inputs={"lr": Uniform(min_value=0.0001, max_value=0.001)}, environment=env, compute="gpu-cluster")',
        ].join('\n'),
      },
      { kind: 'markdown', text: '## Sweep' },
      { kind: 'code', text: 'ps = "random"' },
      {
        kind: 'code',
        text: [
          'hd = src.sweep(sampling_algorithm=ps, primary_metric="val_acc", goal="Maximize", max_total_trials=8, max_concurrent_trials=2)',
          'run = ml_client.jobs.create_or_update(hd, experiment_name="bert")',
          'ml_client.jobs.stream(run.name)',
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'best_run = ml_client.jobs.get(ml_client.jobs.get(run.name).properties["best_child_run_id"])  # amlint: review',
          'ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="bert", path=f\'azureml://jobs/{best_run.name}/outputs/artifacts/paths/{os.path.join("outputs", "model.onnx")}\', type=AssetTypes.CUSTOM_MODEL))  # amlint: review',
        ].join('\n'),
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  const HEAD = [
    'import os',
    'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment, Model',
    'from azureml.core.runconfig import RunConfiguration',
    'from azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, PrimaryMetricGoal, choice',
    '',
    'ws = Workspace.from_config()',
  ];
  const sweep = (args: string, space = 'ps = RandomParameterSampling({"--kernel": choice("linear", "rbf")})', after = ''): string =>
    [
      ...HEAD,
      `src = ScriptRunConfig(source_directory="src", script="train.py", arguments=${args}, compute_target="cpu-cluster")`,
      space,
      'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="Accuracy", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
      'run = Experiment(ws, "tune").submit(config=hd)',
      after,
      '',
    ].join('\n');
  const refusedSweeps: Array<[string, string]> = [
    ['the swept option passed twice', sweep('["--kernel", "linear", "--kernel", "rbf"]')],
    ['the swept option passed without a value', sweep('["--kernel", "--verbose"]')],
    ['the swept option given a v1 dataset', sweep('["--kernel", Dataset.get_by_name(ws, "d").as_mount()]').replace('Environment, Model', 'Environment, Model, Dataset')],
    ['the space read elsewhere', sweep('["--c", 1]', 'space = {"--kernel": choice("linear", "rbf")}\nps = RandomParameterSampling(space)\nprint(len(space))')],
    ['a bound computed by a call of another function', sweep('["--c", 1]', 'ps = RandomParameterSampling({"--lr": loguniform(get_low(), 1)})').replace('choice', 'choice, loguniform')],
    ['the ScriptRunConfig reads a name bound again before the sweep it would move to', sweep('["--c", n]', 'convert = lambda x: x\nps = RandomParameterSampling({"--lr": uniform(convert(0.1), 1)})\nn = 2').replace('choice', 'choice, uniform').replace('src = ', 'n = 1\nsrc = ')],
    ['the space bound twice', sweep('["--c", 1]', 'space = {"--kernel": choice("linear", "rbf")}\nspace = {"--kernel": choice("poly", "rbf")}\nps = RandomParameterSampling(space)')],
  ];
  it('(the refused sweeps without their blocking piece are rewritten)', () => {
    for (const src of [sweep('["--kernel", "linear"]'), sweep('["--c", 1]', 'space = {"--kernel": choice("linear", "rbf")}\nps = RandomParameterSampling(space)')]) {
      const findings = lint({ kind: 'python', text: src }).findings.filter((f) => f.code === 'AML111');
      assert.ok(findings.length && findings.every((f) => f.fixes?.length), src);
    }
  });
  for (const [title, src] of refusedSweeps) {
    it(`refused: ${title}`, () => {
      const findings = lint({ kind: 'python', text: src }).findings.filter((f) => f.code === 'AML111');
      assert.ok(findings.length);
      for (const f of findings) assert.ok(!f.fixes?.length, `no fix on ${f.symbol}`);
      assert.ok(parses(fixPython(src, true)));
    });
  }

  const refusedRuns: Array<[string, string]> = [
    // v1 ignores compute_target when run_config is given: the run went to the run configuration's target ("local").
    ['compute_target beside a run configuration without a target', 'env = Environment.get(ws, "e")\nrc = RunConfiguration()\nrc.environment = env\nsrc = ScriptRunConfig(source_directory="src", script="train.py", run_config=rc, compute_target="cpu-cluster")'],
    ['compute_target other than the run configuration\'s', 'env = Environment.get(ws, "e")\nrc = RunConfiguration()\nrc.target = "gpu-cluster"\nrc.environment = env\nsrc = ScriptRunConfig(source_directory="src", script="train.py", run_config=rc, compute_target="cpu-cluster")'],
    ['environment other than the run configuration\'s', 'env = Environment.get(ws, "e")\nenv2 = Environment.get(ws, "f")\nrc = RunConfiguration()\nrc.target = "cpu-cluster"\nrc.environment = env\nsrc = ScriptRunConfig(source_directory="src", script="train.py", run_config=rc, environment=env2)'],
  ];
  it('(a run configuration repeated by the ScriptRunConfig is rewritten)', () => {
    const src = [...HEAD, 'env = Environment.get(ws, "e")\nrc = RunConfiguration()\nrc.target = "cpu-cluster"\nrc.environment = env\nsrc = ScriptRunConfig(source_directory="src", script="train.py", run_config=rc, compute_target="cpu-cluster")', 'run = Experiment(ws, "train").submit(src)', ''].join('\n');
    assert.ok(fixPython(src, true).includes('src = command(code="src", command="python train.py", environment=env, compute="cpu-cluster")'));
  });
  for (const [title, body] of refusedRuns) {
    it(`refused: ${title}`, () => {
      const src = [...HEAD, body, 'run = Experiment(ws, "train").submit(src)', ''].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes('ScriptRunConfig('), out);
      assert.ok(!out.includes('= command('), out);
      assert.ok(parses(out));
    });
  }

  it('refused: a framework given to a registration inside an expression (no line end for the review mark)', () => {
    const src = [...HEAD, 'env = Environment.get(ws, "e")', 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster", environment=env)', 'run = Experiment(ws, "train").submit(src)', 'print(run.register_model(model_name="m", model_path="outputs/m.onnx", model_framework=Model.Framework.ONNX))', ''].join('\n');
    const out = fixPython(src, true);
    assert.ok(out.includes('run.register_model('), out);
    assert.ok(parses(out));
  });
});
