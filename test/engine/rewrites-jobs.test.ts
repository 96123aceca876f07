import * as assert from 'node:assert/strict';
import { applyFixes, lint } from '../../server/src/engine';
import { fixPython, parses } from './helpers';

function fixPy(text: string, unsafe = true): string {
  return fixPython(text, unsafe);
}

/** The fixes offered on the finding for `symbol` at a 0-based line. */
function fixesAt(src: string, symbol: string, line: number): unknown {
  const f = lint({ kind: 'python', text: src }).findings.find((x) => x.symbol === symbol && x.range.start.line === line);
  assert.ok(f, `a finding for ${symbol} on line ${line}`);
  return f.fixes;
}

describe('rewrites: jobs, runs and logging', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a training script logs with MLflow: metrics, a row, a table, a file; then the run itself goes',
      [
        'from azureml.core import Run',
        'run = Run.get_context()',
        'run.log("accuracy", acc)',
        'run.log("converged", True, step=3)',
        'run.log_row("Cosine Wave", angle=a, cos=c)',
        'run.log_table("Sine Wave", sines)',
        'run.log_confusion_matrix("cm", matrix)',
        'run.upload_file(name="outputs/model.pkl", path_or_stream="model.pkl")',
        '',
      ].join('\n'),
      [
        'import mlflow',
        'run = mlflow.start_run()',
        'mlflow.log_metric("accuracy", acc)',
        'mlflow.log_metric("converged", 1, step=3)',
        'mlflow.log_metrics({"Cosine Wave.angle": a, "Cosine Wave.cos": c})',
        'mlflow.log_dict(sines, "Sine Wave.json")',
        'mlflow.log_dict(matrix, "cm.json")',
        'mlflow.log_artifact("model.pkl", artifact_path="outputs")',
        '',
      ].join('\n'),
    ],
    [
      'upload_file with the same file name for both keeps the artifact at the top',
      'from azureml.core import Run\nrun = Run.get_context()\nfile_name = "forecast.csv"\nrun.upload_file(name=file_name, path_or_stream=file_name)\n',
      'import mlflow\nrun = mlflow.start_run()\nfile_name = "forecast.csv"\nmlflow.log_artifact(file_name)\n',
    ],
    [
      'experiment, script run config and the submitted run become a command job and its uses',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="train-exp")',
        'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--epochs", 10], compute_target="cpu-cluster")',
        'run = exp.submit(config=src)',
        'run.wait_for_completion(show_output=True)',
        'print(run.get_status())',
        'print(run.get_portal_url())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "train-exp"',
        'src = command(code="src", command="python train.py --epochs 10", compute="cpu-cluster")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="train-exp")',
        'ml_client.jobs.stream(run.name)',
        'print(ml_client.jobs.get(run.name).status)',
        'print(run.studio_url)',
        '',
      ].join('\n'),
    ],
    [
      'an experiment made inline on an MLClient, RunDetails(run).show() streams the job',
      [
        'from azureml.core import Experiment',
        'from azureml.widgets import RunDetails',
        'from azure.ai.ml import MLClient, command',
        'ml_client = MLClient.from_config(credential=cred)',
        'job = command(code=".", command="python hello.py", environment="azureml:env:1")',
        'run = Experiment(ml_client, "hello").submit(job)',
        'RunDetails(run).show()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient, command',
        'ml_client = MLClient.from_config(credential=cred)',
        'job = command(code=".", command="python hello.py", environment="azureml:env:1")',
        'run = ml_client.jobs.create_or_update(job, experiment_name="hello")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'a v1 compute target passes its name',
      'from azureml.core import ScriptRunConfig\nfrom azureml.core.compute import ComputeTarget\ncluster = ComputeTarget(workspace=ws, name="cpu")\nsrc = ScriptRunConfig(source_directory=".", script="train.py", compute_target=cluster)\n',
      // The compute rewrite (workspace.ts) makes `cluster` a v2 compute, whose `.name` is the same.
      'from azure.ai.ml import command\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\ncluster = ml_client.compute.get("cpu")\nsrc = command(code=".", command="python train.py", compute=cluster.name)\n',
    ],
  ];
  for (const [name, src, expected] of cases) {
    it(name, () => {
      const out = fixPy(src);
      assert.equal(out, expected);
      assert.ok(parses(out), 'the fixed file still parses');
      assert.equal(fixPy(out), out, 'a second run changes nothing');
    });
  }

  describe('no suggestion where v2 would do something else', () => {
    it('a run from start_logging is not a job: get_status stays', () => {
      const src = 'from azureml.core import Experiment\nexp = Experiment(ws, "x")\nrun = exp.start_logging()\nprint(run.get_status())\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.get_status', 3), undefined);
    });
    it('a submitted run still used as a v1 run keeps its submit and its other uses', () => {
      const src = 'from azureml.core import Workspace, Experiment\nfrom azure.ai.ml import command\nws = Workspace.from_config()\njob = command(command="python a.py")\nrun = Experiment(ws, "x").submit(job)\nrun.wait_for_completion()\nm = run.get_metrics()\n';
      assert.equal(fixesAt(src, 'azureml.core.Experiment.submit', 4), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.wait_for_completion', 5), undefined);
    });
    it('an experiment on a workspace other than the config one is not submitted through ml_client', () => {
      const src = 'from azureml.core import Workspace, Experiment\nfrom azure.ai.ml import command\nws = Workspace.get(name="other")\njob = command(command="python a.py")\nrun = Experiment(ws, "x").submit(job)\n';
      assert.equal(fixesAt(src, 'azureml.core.Experiment.submit', 4), undefined);
    });
    it('logging to a child run is not logging to the MLflow active run', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nchild = run.child_run()\nchild.log("x", 1)\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.log', 3), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.get_context', 1), undefined);
    });
    it('strings and string-valued expressions are not metrics', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nrun.log("name", "text")\nrun.log("n", str(x))\nrun.log("d", f"{x}")\n';
      for (const line of [2, 3, 4]) assert.equal(fixesAt(src, 'azureml.core.Run.log', line), undefined);
    });
    it('a script run config still configured as a v1 object is not rewritten', () => {
      const src = 'from azureml.core import ScriptRunConfig\nsrc = ScriptRunConfig(source_directory=".", script="train.py")\nsrc.run_config.target = "local"\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 1), undefined);
    });
    it('a script run config handed to a submit that cannot be rewritten stays v1', () => {
      const src = 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nsrc = ScriptRunConfig(source_directory=".", script="train.py")\nrun = Experiment(ws, "x").submit(src)\nrun.cancel()\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 2), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Experiment.submit', 3), undefined);
    });
    it('upload_file to another file name has no MLflow equivalent', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nrun.upload_file("cloud.txt", "./local.txt")\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.upload_file', 2), undefined);
    });
  });
});

describe('rewrites: fixes that must hold when applied alone (as an editor quick fix)', () => {
  it('Run.get_context() → mlflow.start_run() rewrites the run\'s logging calls in the same fix', () => {
    const src = 'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", acc)\nrun.log_image(name="roc", path="roc.png")\n';
    const f = lint({ kind: 'python', text: src }).findings.find((x) => x.symbol === 'azureml.core.Run.get_context');
    const fix = f?.fixes?.[0];
    assert.ok(fix, 'a suggestion on get_context');
    const out = (applyFixes({ kind: 'python', text: src }, [fix]).output as { text: string }).text;
    assert.equal(out, 'import mlflow\nfrom azureml.core import Run\nrun = mlflow.start_run()\nmlflow.log_metric("accuracy", acc)\nmlflow.log_artifact("roc.png")\n');
    assert.ok(parses(out));
  });

  it('Environment.from_conda_specification is not rewritten while the object is used as a v1 environment', () => {
    const src = 'from azureml.core import Environment\nenv = Environment.from_conda_specification(name="e", file_path="conda.yml")\nenv.docker.enabled = True\n';
    assert.equal(fixesAt(src, 'azureml.core.Environment.from_conda_specification', 1), undefined);
  });
});
