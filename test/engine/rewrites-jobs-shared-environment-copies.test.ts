/**
 * Round 26 (envcopy): one v1 environment given to several jobs, one of which has no rewrite (the DP-100
 * "06 - Work with Data" lab: a tabular-dataset job next to a file-dataset job read with `to_path()`). The
 * translatable jobs migrate on their own, each given a v2 copy of the environment written in its `command(...)`
 * (the same name, conda file, image: ENV2, https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2;
 * v1's default image is not applied by v2, so the docs' image is emitted for review), the v1 `env` left for
 * the job that stays v1. Refused when the environment is configured after the job's use, rebound to its
 * `register` result, given environment variables, or built from a name bound again before the job.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
const ML = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';

describe('rewrites, round 26 (envcopy): a shared environment copied into the jobs that migrate', () => {
  rewriteCases([
    [
      'from_conda_specification shared with a job that stays v1: the first job takes a copy (the DP-100 06 shape)',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        '',
        'ws = Workspace.from_config()',
        'env = Environment.from_conda_specification("experiment_env", "environment.yml")',
        'experiment = Experiment(workspace=ws, name="train-diabetes")',
        'script_config = ScriptRunConfig(source_directory="training", script="train.py", environment=env)',
        'run = experiment.submit(config=script_config)',
        'run.wait_for_completion()',
        'script_config = ScriptRunConfig(source_directory="training", script="train_files.py", environment=env)',
        'run = experiment.submit(config=script_config)',
        'run.get_details_with_logs()',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        ...CLIENT,
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        ML,
        '',
        'ws = Workspace.from_config()',
        'env = Environment.from_conda_specification("experiment_env", "environment.yml")',
        'experiment = Experiment(workspace=ws, name="train-diabetes")',
        `script_config = command(code="training", command="python train.py", environment=azure.ai.ml.entities.Environment(name="experiment_env", image=${IMAGE}, conda_file="environment.yml"), compute="local")${REVIEW}`,
        'run = ml_client.jobs.create_or_update(script_config, experiment_name="train-diabetes")',
        'ml_client.jobs.stream(run.name)',
        'script_config = ScriptRunConfig(source_directory="training", script="train_files.py", environment=env)',
        'run = experiment.submit(config=script_config)',
        'run.get_details_with_logs()',
        '',
      ].join('\n'),
    ],
    [
      'a looked-up environment: the copy is the v2 lookup (nothing to review); the job that stays v1 comes first',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "AzureML-sklearn-1.0")',
        'exp = Experiment(ws, "train")',
        'src2 = ScriptRunConfig(source_directory="src", script="b.py", compute_target="cpu", environment=env)',
        'run2 = exp.submit(src2)',
        'run2.get_details_with_logs()',
        'src = ScriptRunConfig(source_directory="src", script="a.py", compute_target="cpu", environment=env)',
        'run = exp.submit(src)',
        'run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from azure.ai.ml import command',
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        ML,
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "AzureML-sklearn-1.0")',
        'exp = Experiment(ws, "train")',
        'src2 = ScriptRunConfig(source_directory="src", script="b.py", compute_target="cpu", environment=env)',
        'run2 = exp.submit(src2)',
        'run2.get_details_with_logs()',
        'src = command(code="src", command="python a.py", environment=ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest"), compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'configured before every use (image, conda dependencies): the copy holds the configuration, each of two translatable jobs its own',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        'ws = Workspace.from_config()',
        'env = Environment("sk")',
        'env.python.conda_dependencies = CondaDependencies.create(conda_packages=["scikit-learn"])',
        'env.docker.base_image = "my.azurecr.io/sk:1"',
        'exp = Experiment(ws, "train")',
        'src = ScriptRunConfig(source_directory="src", script="a.py", compute_target="cpu", environment=env)',
        'run = exp.submit(src)',
        'src2 = ScriptRunConfig(source_directory="src", script="b.py", compute_target="cpu", environment=env)',
        'run2 = exp.submit(src2)',
        'run2.get_details_with_logs()',
        'src3 = ScriptRunConfig(source_directory="src", script="c.py", compute_target="cpu", environment=env)',
        'run3 = exp.submit(src3)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        ...CLIENT,
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        ML,
        'ws = Workspace.from_config()',
        'env = Environment("sk")',
        'env.python.conda_dependencies = CondaDependencies.create(conda_packages=["scikit-learn"])',
        'env.docker.base_image = "my.azurecr.io/sk:1"',
        'exp = Experiment(ws, "train")',
        // v1's implicit channels, python and azureml-defaults stated (environment.ts header), azureml-defaults pinned by v1: for review.
        `src = command(code="src", command="python a.py", environment=azure.ai.ml.entities.Environment(name="sk", image="my.azurecr.io/sk:1", conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", "scikit-learn", {"pip": ["azureml-defaults"]}]}), compute="cpu")${REVIEW}`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'src2 = ScriptRunConfig(source_directory="src", script="b.py", compute_target="cpu", environment=env)',
        'run2 = exp.submit(src2)',
        'run2.get_details_with_logs()',
        `src3 = command(code="src", command="python c.py", environment=azure.ai.ml.entities.Environment(name="sk", image="my.azurecr.io/sk:1", conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", "scikit-learn", {"pip": ["azureml-defaults"]}]}), compute="cpu")${REVIEW}`,
        'run3 = ml_client.jobs.create_or_update(src3, experiment_name="train")',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook (the lab 06 layout): environment and tabular job in one cell, the file-dataset job in a later one', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace\nws = Workspace.from_config()' },
      {
        kind: 'code',
        text: [
          'from azureml.core import Experiment, ScriptRunConfig, Environment',
          'env = Environment.from_conda_specification("experiment_env", "environment.yml")',
          'script_config = ScriptRunConfig(source_directory="train", script="diabetes_training.py", environment=env)',
          'experiment = Experiment(workspace=ws, name="mslearn-train-diabetes")',
          'run = experiment.submit(config=script_config)',
          'run.wait_for_completion()',
        ].join('\n'),
      },
      { kind: 'markdown', text: 'Now with a file dataset.' },
      {
        kind: 'code',
        text: [
          'from azureml.core import Experiment',
          'script_config = ScriptRunConfig(source_directory="train_files", script="diabetes_training.py", environment=env)',
          'experiment = Experiment(workspace=ws, name="mslearn-train-diabetes")',
          'run = experiment.submit(config=script_config)',
          'run.get_details_with_logs()',
        ].join('\n'),
      },
    ];
    const expected = [
      { kind: 'code', text: ['import azure.ai.ml.entities', 'from azure.ai.ml import command', ...CLIENT, 'from azureml.core import Workspace', ML, 'ws = Workspace.from_config()'].join('\n') },
      {
        kind: 'code',
        text: [
          'from azureml.core import ScriptRunConfig, Environment',
          'env = Environment.from_conda_specification("experiment_env", "environment.yml")',
          `script_config = command(code="train", command="python diabetes_training.py", environment=azure.ai.ml.entities.Environment(name="experiment_env", image=${IMAGE}, conda_file="environment.yml"), compute="local")${REVIEW}`,
          'experiment = "mslearn-train-diabetes"',
          'run = ml_client.jobs.create_or_update(script_config, experiment_name="mslearn-train-diabetes")',
          'ml_client.jobs.stream(run.name)',
        ].join('\n'),
      },
      cells[2],
      cells[3],
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  const HEAD = ['from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment', 'ws = Workspace.from_config()', 'exp = Experiment(ws, "x")'];
  const job = (env: string) => `src = ScriptRunConfig(source_directory="src", script="a.py", compute_target="cpu", environment=${env})\nrun = exp.submit(src)`;
  const stays = (env: string) => `src2 = ScriptRunConfig(source_directory="src", script="b.py", compute_target="cpu", environment=${env})\nrun2 = exp.submit(src2)\nrun2.get_details_with_logs()`;
  const refused: Array<[string, string]> = [
    ['the environment configured after the job used it', `env = Environment.from_conda_specification("e", "env.yml")\n${job('env')}\nenv.docker.base_image = "my/image:1"\n${stays('env')}`],
    ['the name rebound to the registered environment', `env = Environment.from_conda_specification("e", "env.yml")\nenv = env.register(ws)\n${job('env')}\n${stays('env')}`],
    ['the job given the register result', `env = Environment.from_conda_specification("e", "env.yml")\nr = env.register(ws)\n${job('r')}\n${stays('r')}`],
    ['environment variables (they go to the job with the environment lifecycle only)', `env = Environment.from_conda_specification("e", "env.yml")\nenv.environment_variables = {"A": "1"}\n${job('env')}\n${stays('env')}`],
    ['the conda file path in a name bound again before the job', `f = "env.yml"\nenv = Environment.from_conda_specification("e", f)\nf = "other.yml"\n${job('env')}\n${stays('env')}`],
  ];
  for (const [title, body] of refused) {
    it(`refused: ${title}`, () => {
      const src = [...HEAD, body, ''].join('\n');
      const line = HEAD.length + body.split('\n').findIndex((l) => l.startsWith('src = '));
      const findings = lint({ kind: 'python', text: src }).findings.filter((f) => f.code === 'AML102' && f.range.start.line === line);
      assert.ok(findings.length);
      for (const f of findings) assert.ok(!f.fixes?.length, `no fix on ${f.symbol}`);
      const out = fixPython(src, true);
      assert.ok(parses(out));
      assert.ok(out.includes('src = ScriptRunConfig('), out);
    });
  }
});
