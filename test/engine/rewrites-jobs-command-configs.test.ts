/**
 * Round 18 (jobs), jobs.ts:
 * - `ScriptRunConfig(command=<expr>)` (v1: "list[str] or str", instead of script/arguments) → `command(command=<expr>)`,
 *   the v2 command being a shell string (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml#azure-ai-ml-command):
 *   an expression known to be a str kept as written (`" && ".join(commands)`, an f-string, a concatenation, a name
 *   bound once to one), a list of plain-word literals joined by spaces. Refused: a list holding a variable (how v1
 *   joins a value with blanks is not documented), anything reading a v1 object, a literal `${{` (a v2 expression),
 *   `command=` with `script=`.
 * - an interactive run (`exp.start_logging()`): `exp.name` reads → the name, `upload_file(name="outputs/" + f,
 *   path_or_stream="./" + f)` → `mlflow.log_artifact("./" + f, artifact_path="outputs")` (stored under artifact_path by
 *   its base name: https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.log_artifact), `register_model` after
 *   it (MODEL: `Model(path="azureml://jobs/<run_id>/outputs/artifacts/paths/...", type=AssetTypes.CUSTOM_MODEL)`, the
 *   MLflow run ID being the job's), `properties={k: run.get_metrics()[k]}` → the MLflow run's metrics.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const HEAD = [
  'from azure.ai.ml import command',
  'import azure.ai.ml.entities',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  '',
];
const IMAGE = 'environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';

describe('rewrites round 18 (jobs): ScriptRunConfig(command=...)', () => {
  rewriteCases([
    [
      'a command joined from a list of literal commands',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'commands = [',
        '    "python download.py --output_folder data",',
        '    "python train.py --train data/train.csv",',
        ']',
        'src = ScriptRunConfig(source_directory="src", command=" && ".join(commands), compute_target="cpu-cluster")',
        'run = Experiment(ws, "train").submit(src)',
        'run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        'commands = [',
        '    "python download.py --output_folder data",',
        '    "python train.py --train data/train.csv",',
        ']',
        `src = command(code="src", command=" && ".join(commands), ${IMAGE}, compute="cpu-cluster")  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'a name bound to an f-string',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'lr = 0.1',
        'cmd = f"python train.py --lr {lr}"',
        'src = ScriptRunConfig(source_directory="src", command=cmd, compute_target="cpu-cluster")',
        'run = Experiment(ws, "train").submit(src)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        'lr = 0.1',
        'cmd = f"python train.py --lr {lr}"',
        `src = command(code="src", command=cmd, ${IMAGE}, compute="cpu-cluster")  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        '',
      ].join('\n'),
    ],
    [
      'a list of plain words: their space-joined string',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory=".", command=["python", "train.py", "--epochs", "5"], compute_target="gpu")',
        'run = Experiment(ws, "train").submit(src)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        `src = command(code=".", command="python train.py --epochs 5", ${IMAGE}, compute="gpu")  # amlint: review`,
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, string]> = [
    ['a list holding a variable', 'lr = 0.1\nsrc = ScriptRunConfig(source_directory="src", command=["python", "train.py", "--lr", lr], compute_target="cpu")'],
    ['a list item with a blank', 'src = ScriptRunConfig(source_directory="src", command=["sh", "-c", "python a.py && python b.py"], compute_target="cpu")'],
    ['a v1 dataset in an f-string', 'ds = Dataset.get_by_name(ws, "images")\nsrc = ScriptRunConfig(source_directory="src", command=f"python train.py --data {ds.as_mount()}", compute_target="cpu")'],
    ['a literal ${{ (a v2 expression)', 'src = ScriptRunConfig(source_directory="src", command="python train.py --out ${{outputs.model}}", compute_target="cpu")'],
    ['command= with script=', 'src = ScriptRunConfig(source_directory="src", script="train.py", command="python train.py", compute_target="cpu")'],
    ['a value not known to be a string', 'src = ScriptRunConfig(source_directory="src", command=get_command(), compute_target="cpu")'],
  ];
  for (const [title, body] of refused) {
    it(`refused: ${title}`, () => {
      const src = ['from azureml.core import Workspace, Experiment, ScriptRunConfig, Dataset', '', 'ws = Workspace.from_config()', body, 'run = Experiment(ws, "train").submit(src)', ''].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes('ScriptRunConfig('), out);
      assert.ok(!out.includes('= command('), out);
      assert.ok(parses(out));
    });
  }
});

describe('rewrites round 18 (jobs): an interactive run uploading and registering its model', () => {
  it('a notebook: experiment.name shown, upload_file under outputs/, register_model with metrics as properties', () => {
    const cells = [
      { kind: 'code', text: 'import joblib\nfrom azureml.core import Workspace, Experiment\nws = Workspace.from_config()' },
      { kind: 'code', text: 'experiment = Experiment(workspace=ws, name="diabetes-training")\nrun = experiment.start_logging()\nprint("Starting experiment:", experiment.name)' },
      { kind: 'markdown', text: '## Train' },
      {
        kind: 'code',
        text: 'acc = 0.9\nrun.log("Accuracy", acc)\nmodel_file = "model.pkl"\njoblib.dump(value=model, filename=model_file)\nrun.upload_file(name="outputs/" + model_file, path_or_stream="./" + model_file)\nrun.complete()',
      },
      { kind: 'code', text: 'run.register_model(model_path="outputs/model.pkl", model_name="diabetes_model",\n                   properties={"Accuracy": run.get_metrics()["Accuracy"]})' },
    ];
    const expected = [
      {
        kind: 'code',
        text: [
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'import mlflow',
          'import azure.ai.ml.entities',
          'from azure.ai.ml.constants import AssetTypes',
          'import joblib',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'experiment = "diabetes-training"',
          'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
          'mlflow.set_experiment("diabetes-training")',
          'run = mlflow.start_run()',
          'print("Starting experiment:", experiment)',
        ].join('\n'),
      },
      { kind: 'markdown', text: '## Train' },
      {
        kind: 'code',
        text: [
          'acc = 0.9',
          'mlflow.log_metric("Accuracy", acc)',
          'model_file = "model.pkl"',
          'joblib.dump(value=model, filename=model_file)',
          'mlflow.log_artifact("./" + model_file, artifact_path="outputs")',
          'mlflow.end_run()',
        ].join('\n'),
      },
      {
        kind: 'code',
        text:
          'ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="diabetes_model", path=f"azureml://jobs/{run.info.run_id}/outputs/artifacts/paths/outputs/model.pkl", type=AssetTypes.CUSTOM_MODEL, properties={"Accuracy": mlflow.get_run(run.info.run_id).data.metrics["Accuracy"]}))',
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  rewriteCases([
    [
      'upload_file of a file name held by a name, under a folder',
      [
        'from azureml.core import Workspace, Experiment',
        '',
        'ws = Workspace.from_config()',
        'run = Experiment(ws, "exp").start_logging()',
        'fname = "model.pkl"',
        'run.upload_file(name="outputs/models/" + fname, path_or_stream=fname)',
        'run.complete()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("exp")',
        'run = mlflow.start_run()',
        'fname = "model.pkl"',
        'mlflow.log_artifact(fname, artifact_path="outputs/models")',
        'mlflow.end_run()',
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, string]> = [
    ['a file name holding a folder', 'f = "sub/model.pkl"\nrun.upload_file(name="outputs/" + f, path_or_stream="./" + f)'],
    ['another file uploaded under the name', 'f = "model.pkl"\ng = "other.pkl"\nrun.upload_file(name="outputs/" + f, path_or_stream="./" + g)'],
    ['a parent folder', 'f = "model.pkl"\nrun.upload_file(name="../" + f, path_or_stream=f)'],
  ];
  for (const [title, body] of refused) {
    it(`refused: ${title}`, () => {
      const src = ['from azureml.core import Workspace, Experiment', '', 'ws = Workspace.from_config()', 'run = Experiment(ws, "exp").start_logging()', body, 'run.complete()', ''].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes('start_logging()'), out);
      assert.ok(parses(out));
    });
  }
});
