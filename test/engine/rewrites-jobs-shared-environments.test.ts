/**
 * Round 21 (jobs):
 * - one v1 environment variable given to several job configurations (ScriptRunConfig, an estimator, a
 *   HyperDrive sweep's run): one fix, the environment's rewrite plus every job's lifecycle (its submits and
 *   its run's uses), the shared experiment statement going once all its submits are rewritten; no fix at all
 *   when one of those jobs has no rewrite (each rewritten alone would hand the others a v2 environment);
 * - `distributed_job_config=TensorflowConfiguration(worker_count=w, parameter_server_count=p)` →
 *   `TensorFlowDistribution(parameter_server_count=p, worker_count=w)`, `instance_count=w` (v1 ScriptRunConfig:
 *   node_count = worker_count; defaults 1 and 1, v2's parameter_server_count defaults to 0:
 *   https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.tensorflowdistribution);
 * - a distribution configuration held in a name (`distr_config = MpiConfiguration(node_count=2)`);
 * - `command=['python train.py --epochs 30']`: a one-item list is that command line.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';

describe('rewrites, round 21 (jobs): environments shared by several jobs, TensorFlow/MPI distributions', () => {
  rewriteCases([
    [
      'one environment given to two ScriptRunConfigs bound to the same names (the DP-100 "train models" shape)',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.widgets import RunDetails',
        '',
        'ws = Workspace.from_config()',
        'env = Environment.from_conda_specification("experiment_env", "environment.yml")',
        'script_config = ScriptRunConfig(source_directory="training", script="train.py", environment=env)',
        'experiment = Experiment(workspace=ws, name="train-diabetes")',
        'run = experiment.submit(config=script_config)',
        'RunDetails(run).show()',
        'run.wait_for_completion()',
        'script_config = ScriptRunConfig(source_directory="training", script="train.py", arguments=["--reg_rate", 0.1], environment=env)',
        'run = experiment.submit(config=script_config)',
        'run.wait_for_completion()',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = azure.ai.ml.entities.Environment(',
        '    name="experiment_env",',
        `    image=${IMAGE},${REVIEW}`,
        '    conda_file="environment.yml",',
        ')',
        'script_config = command(code="training", command="python train.py", environment=env, compute="local")',
        'experiment = "train-diabetes"',
        'run = ml_client.jobs.create_or_update(script_config, experiment_name="train-diabetes")',
        'ml_client.jobs.stream(run.name)',
        'ml_client.jobs.stream(run.name)',
        'script_config = command(code="training", command="python train.py --reg_rate 0.1", environment=env, compute="local")',
        'run = ml_client.jobs.create_or_update(script_config, experiment_name="train-diabetes")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'a registered environment looked up once, given to a ScriptRunConfig and an estimator',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.train.estimator import Estimator',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "sk-env")',
        'exp = Experiment(ws, "train")',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment=env)',
        'run = exp.submit(src)',
        'run.wait_for_completion()',
        'est = Estimator(source_directory="src", entry_script="score.py", compute_target="cpu", environment_definition=env)',
        'run2 = exp.submit(est)',
        'print(run2.get_status())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import command',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'env = ml_client.environments.get(name="sk-env", label="latest")',
        'exp = "train"',
        'src = command(code="src", command="python train.py", environment=env, compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'ml_client.jobs.stream(run.name)',
        'est = command(code="src", command="python score.py", environment=env, compute="cpu")',
        'run2 = ml_client.jobs.create_or_update(est, experiment_name="train")',
        // (v1 get_status asks the service: the job fetched again)
        'print(ml_client.jobs.get(run2.name).status)',
        '',
      ].join('\n'),
    ],
    [
      'one environment given to a plain run and to the run a HyperDrive sweep uses (migrate-to-v2-execution-hyperdrive)',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, PrimaryMetricGoal, choice',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "sk-env")',
        'exp = Experiment(ws, "train")',
        'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--c", 1], compute_target="cpu", environment=env)',
        'run = exp.submit(src)',
        'run.wait_for_completion(show_output=True)',
        'tune = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment=env)',
        'ps = RandomParameterSampling({"--c": choice(0.5, 1.0)})',
        'hd = HyperDriveConfig(run_config=tune, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
        'hd_run = exp.submit(hd)',
        'hd_run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import command',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'env = ml_client.environments.get(name="sk-env", label="latest")',
        'exp = "train"',
        'src = command(code="src", command="python train.py --c 1", environment=env, compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'ml_client.jobs.stream(run.name)',
        'tune = command(code="src", command="python train.py --c ${{inputs.c}}", inputs={"c": Choice(values=[0.5, 1.0])}, environment=env, compute="cpu")',
        'ps = "random"',
        'hd = tune.sweep(sampling_algorithm=ps, primary_metric="acc", goal="Maximize", max_total_trials=4)',
        'hd_run = ml_client.jobs.create_or_update(hd, experiment_name="train")',
        'ml_client.jobs.stream(hd_run.name)',
        '',
      ].join('\n'),
    ],
    [
      'a TensorflowConfiguration held in a name: TensorFlowDistribution, instance_count = worker_count',
      [
        'from azureml.core import Workspace, ScriptRunConfig, Experiment, Environment',
        'from azureml.core.runconfig import TensorflowConfiguration',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "tf-env")',
        'distr_config = TensorflowConfiguration(worker_count=2, parameter_server_count=0)',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="gpu", environment=env, distributed_job_config=distr_config)',
        'run = Experiment(ws, "tf").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import TensorFlowDistribution',
        'from azure.ai.ml import command',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'env = ml_client.environments.get(name="tf-env", label="latest")',
        'distr_config = TensorFlowDistribution(parameter_server_count=0, worker_count=2)',
        'src = command(code="src", command="python train.py", environment=env, compute="gpu", distribution=distr_config, instance_count=2)',
        'run = ml_client.jobs.create_or_update(src, experiment_name="tf")',
        '',
      ].join('\n'),
    ],
    [
      'TensorflowConfiguration() inline: v1 defaults (one worker, one parameter server) stated',
      [
        'from azureml.core import Workspace, ScriptRunConfig, Experiment',
        'from azureml.core.runconfig import TensorflowConfiguration',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="gpu", environment="azureml:tf-env:1", distributed_job_config=TensorflowConfiguration())',
        'run = Experiment(ws, "tf").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import TensorFlowDistribution',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'src = command(code="src", command="python train.py", environment="azureml:tf-env:1", compute="gpu", distribution=TensorFlowDistribution(parameter_server_count=1, worker_count=1))',
        'run = ml_client.jobs.create_or_update(src, experiment_name="tf")',
        '',
      ].join('\n'),
    ],
    [
      'MpiConfiguration(node_count=2) in a name, the command a one-item list',
      [
        'from azureml.core import Workspace, ScriptRunConfig, Experiment',
        'from azureml.core.runconfig import MpiConfiguration',
        'ws = Workspace.from_config()',
        'distr_config = MpiConfiguration(node_count=2)',
        'src = ScriptRunConfig(source_directory="src", command=["python train.py --epochs 30"], compute_target="gpu", environment="azureml:tf-env:1", distributed_job_config=distr_config)',
        'run = Experiment(ws, "e").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MpiDistribution',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'distr_config = MpiDistribution(process_count_per_instance=1)',
        'src = command(code="src", command="python train.py --epochs 30", environment="azureml:tf-env:1", compute="gpu", distribution=distr_config, instance_count=2)',
        'run = ml_client.jobs.create_or_update(src, experiment_name="e")',
        '',
      ].join('\n'),
    ],
    [
      'Environment(name) given a Dockerfile path, user-managed Python: a v2 build context (the folder, for review)',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'ws = Workspace.from_config()',
        'env = Environment("fastai-env")',
        'env.docker.enabled = True',
        'env.docker.base_image = None',
        'env.docker.base_dockerfile = "docker/train.dockerfile"',
        'env.python.user_managed_dependencies = True',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="gpu", environment=env)',
        'run = Experiment(ws, "pets").submit(src)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'env = azure.ai.ml.entities.Environment(',
        '    name="fastai-env",',
        `    build=azure.ai.ml.entities.BuildContext(path="docker", dockerfile_path="train.dockerfile"),${REVIEW}`,
        ')',
        'src = command(code="src", command="python train.py", environment=env, compute="gpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="pets")',
        '',
      ].join('\n'),
    ],
    [
      'the Dockerfile path in a name bound once to a literal (the AEX rapids shape): the current folder as build context',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'ws = Workspace.from_config()',
        'dockerfile = "DOCKERFILE"',
        'env = Environment("rapids")',
        'env.docker.base_dockerfile = dockerfile',
        'env.docker.base_image = None',
        'env.python.user_managed_dependencies = True',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="gpu", environment=env)',
        'run = Experiment(ws, "rapids").submit(src)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'dockerfile = "DOCKERFILE"',
        'env = azure.ai.ml.entities.Environment(',
        '    name="rapids",',
        `    build=azure.ai.ml.entities.BuildContext(path=".", dockerfile_path="DOCKERFILE"),${REVIEW}`,
        ')',
        'src = command(code="src", command="python train.py", environment=env, compute="gpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="rapids")',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook: the environment in one cell, a job in each of the next two (names bound again)', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment\nws = Workspace.from_config()' },
      { kind: 'code', text: 'env = Environment.get(ws, "AzureML-sklearn-1.0")\nexperiment = Experiment(ws, "diabetes")' },
      { kind: 'code', text: 'script_config = ScriptRunConfig(source_directory="train", script="train.py", compute_target="cpu", environment=env)\nrun = experiment.submit(config=script_config)\nrun.wait_for_completion(show_output=True)' },
      { kind: 'markdown', text: 'Again, with another regularization rate.' },
      { kind: 'code', text: 'script_config = ScriptRunConfig(source_directory="train", script="train.py", arguments=["--reg", 0.1], compute_target="cpu", environment=env)\nrun = experiment.submit(config=script_config)\nrun.wait_for_completion(show_output=True)' },
    ];
    const expected = [
      {
        kind: 'code',
        text: [
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from azure.ai.ml import command',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        ].join('\n'),
      },
      { kind: 'code', text: 'env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")\nexperiment = "diabetes"' },
      { kind: 'code', text: 'script_config = command(code="train", command="python train.py", environment=env, compute="cpu")\nrun = ml_client.jobs.create_or_update(script_config, experiment_name="diabetes")\nml_client.jobs.stream(run.name)' },
      { kind: 'markdown', text: 'Again, with another regularization rate.' },
      { kind: 'code', text: 'script_config = command(code="train", command="python train.py --reg 0.1", environment=env, compute="cpu")\nrun = ml_client.jobs.create_or_update(script_config, experiment_name="diabetes")\nml_client.jobs.stream(run.name)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  const HEAD = ['from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment', 'from azureml.core.runconfig import TensorflowConfiguration', 'ws = Workspace.from_config()', 'env = Environment.get(ws, "e")', 'exp = Experiment(ws, "x")'];
  const refused: Array<[string, string, string]> = [
    [
      'worker_count read from a name bound again before the ScriptRunConfig',
      'n = 2\ntf = TensorflowConfiguration(worker_count=n)\nn = 4\nsrc = ScriptRunConfig(source_directory="src", script="a.py", compute_target="gpu", environment=env, distributed_job_config=tf)\nrun = exp.submit(src)',
      'AML102',
    ],
    [
      'a Dockerfile without user-managed Python (v1 adds its conda environment, which a build context cannot take)',
      'env2 = Environment("d")\nenv2.docker.base_image = None\nenv2.docker.base_dockerfile = "Dockerfile"\nsrc = ScriptRunConfig(source_directory="src", script="a.py", compute_target="gpu", environment=env2)\nrun = exp.submit(src)',
      'AML10[24]',
    ],
    [
      'Dockerfile text held in a name (v1 takes a value that is no file as the Dockerfile itself)',
      'text = "FROM ubuntu\\nRUN pip install torch"\nenv2 = Environment("d")\nenv2.docker.base_dockerfile = text\nenv2.python.user_managed_dependencies = True\nsrc = ScriptRunConfig(source_directory="src", script="a.py", compute_target="gpu", environment=env2)\nrun = exp.submit(src)',
      'AML10[24]',
    ],
    [
      'a command list of several items holding blanks (how v1 joins them is not documented)',
      'src = ScriptRunConfig(source_directory="src", command=["python a.py", "--epochs 3"], compute_target="gpu", environment=env)\nrun = exp.submit(src)',
      'AML102',
    ],
  ];
  // Since round 26 a job sharing the environment with one that has no rewrite migrates alone, with its own copy of
  // the environment (environment.ts jobEnvironment); the other job keeps the v1 environment (rewrites-jobs-shared-environment-copies).
  for (const [title, tail] of [
    ['its logs read with get_details_with_logs', 'run2.get_details_with_logs()'],
    ['its run_config.node_count set', ''],
  ]) {
    it(`one of the jobs sharing the environment has no rewrite (${title}): the other gets its own copy`, () => {
      const body = tail ? 'src = ScriptRunConfig(source_directory="src", script="a.py", compute_target="cpu", environment=env)\nrun = exp.submit(src)\nsrc2 = ScriptRunConfig(source_directory="src", script="b.py", compute_target="cpu", environment=env)\nrun2 = exp.submit(src2)\n' + tail
        : 'src = ScriptRunConfig(source_directory="src", script="a.py", compute_target="cpu", environment=env)\nrun = exp.submit(src)\nsrc2 = ScriptRunConfig(source_directory="src", script="b.py", compute_target="cpu", environment=env)\nsrc2.run_config.node_count = 2\nrun2 = exp.submit(src2)';
      const src = [...HEAD, body, ''].join('\n');
      const configs = lint({ kind: 'python', text: src }).findings.filter((f) => f.symbol === 'azureml.core.ScriptRunConfig');
      assert.equal(configs.length, 2);
      const [first, second] = configs.sort((a, b) => a.range.start.line - b.range.start.line);
      const text = first.fixes?.[0]?.edits.map((e) => e.newText).join('\n') ?? '';
      assert.ok(text.includes('environment=ml_client.environments.get(name="e", label="latest")'), text);
      assert.ok(!second.fixes?.length, 'the job with no rewrite keeps none');
      const out = fixPython(src, true);
      assert.ok(parses(out), out);
      assert.ok(out.includes('environment=env'), 'the v1 environment stays for the job that stays v1');
    });
  }
  for (const [title, body, codes] of refused) {
    it(`refused: ${title}`, () => {
      const src = [...HEAD, body, ''].join('\n');
      // (the findings of the body: HEAD's own environment, unused there, has a fix of its own)
      const findings = lint({ kind: 'python', text: src }).findings.filter((f) => new RegExp(`^(${codes})$`).test(f.code) && f.range.start.line >= HEAD.length);
      assert.ok(findings.length);
      for (const f of findings) assert.ok(!f.fixes?.length, `no fix on ${f.symbol}`);
      assert.ok(parses(fixPython(src, true)));
    });
  }
});
