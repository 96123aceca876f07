import * as assert from 'node:assert/strict';
import { applyFixes, fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

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
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "train-exp"',
        // v1's default environment: v2 requires one; the docs' image, to review.
        'src = command(code="src", command="python train.py --epochs 10", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"), compute="cpu-cluster")  # amlint: review',
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
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azure.ai.ml import command\nimport azure.ai.ml.entities\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\ncluster = ml_client.compute.get("cpu")\nsrc = command(code=".", command="python train.py", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"), compute=cluster.name)  # amlint: review\n',
    ],
    [
      'interactive logging: start_logging becomes an MLflow run on the workspace, complete ends it',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="interactive")',
        'run = exp.start_logging()',
        'run.log("alpha", 0.5)',
        'run.log_list("losses", losses)',
        'run.tag("stage", "dev")',
        'run.complete()',
        'print(run.get_metrics())',
        '',
      ].join('\n'),
      // MLF: set_experiment + start_run, log_metric, log_batch of Metric(step=0), set_tag, end_run,
      // get_run(id).data.metrics; TRK: the workspace's tracking URI first.
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'from mlflow.entities import Metric',
        'import time',
        'from mlflow.tracking import MlflowClient',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "interactive"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("interactive")',
        'run = mlflow.start_run()',
        'mlflow.log_metric("alpha", 0.5)',
        'MlflowClient().log_batch(run.info.run_id, metrics=[Metric(key="losses", value=val, timestamp=int(time.time() * 1000), step=0) for val in losses])',
        'mlflow.set_tag("stage", "dev")',
        'mlflow.end_run()',
        'print(mlflow.get_run(run.info.run_id).data.metrics)',
        '',
      ].join('\n'),
    ],
    [
      'with exp.start_logging() as run: the MLflow run is the context manager, set up before the with',
      'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "x")\nwith exp.start_logging() as run:\n    run.log("a", 1)\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport mlflow\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexp = "x"\nmlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)\nmlflow.set_experiment("x")\nwith mlflow.start_run() as run:\n    mlflow.log_metric("a", 1)\n',
    ],
    [
      'a training script: tag, id and complete on its own run',
      'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", acc)\nrun.tag("model", "svm")\nprint(run.id)\nrun.complete()\n',
      'import mlflow\nrun = mlflow.start_run()\nmlflow.log_metric("accuracy", acc)\nmlflow.set_tag("model", "svm")\nprint(run.info.run_id)\nmlflow.end_run()\n',
    ],
    [
      'the whole job: run_config assignments, an MPI distribution, and the run\'s metrics, model, tag and id',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'from azureml.core.runconfig import MpiConfiguration',
        'ws = Workspace.from_config()',
        'exp = Experiment(ws, "x")',
        'src = ScriptRunConfig(source_directory=".", script="t.py", distributed_job_config=MpiConfiguration(process_count_per_node=2, node_count=2))',
        'src.run_config.target = "cpu"',
        'run = exp.submit(src)',
        'print(run.id, run.display_name)',
        'run.get_metrics()',
        'model = run.register_model(model_name="m", model_path="outputs/model.pkl")',
        'print(model.version)',
        'run.tag("a", "b")',
        '',
      ].join('\n'),
      // CMD (command, compute), MpiDistribution + instance_count (azure.ai.ml reference), MODEL
      // (azureml://jobs/<name>/outputs/artifacts/paths/..., CUSTOM_MODEL), MLF + TRK (MlflowClient on the workspace).
      [
        'from azure.ai.ml import MpiDistribution',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from mlflow.tracking import MlflowClient',
        'from azure.ai.ml.constants import AssetTypes',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "x"',
        // run_config.target set afterwards: no "local" default first.
        'src = command(code=".", command="python t.py", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"), distribution=MpiDistribution(process_count_per_instance=2), instance_count=2)  # amlint: review',
        'src.compute = "cpu"',
        'run = ml_client.jobs.create_or_update(src, experiment_name="x")',
        'print(run.name, run.display_name)',
        'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).get_run(run.name).data.metrics',
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="m", path=f"azureml://jobs/{run.name}/outputs/artifacts/paths/outputs/model.pkl", type=AssetTypes.CUSTOM_MODEL))',
        'print(model.version)',
        'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).set_tag(run.name, "a", "b")',
        '',
      ].join('\n'),
    ],
    [
      'a training script logs a string as a text artifact and a pyplot figure with log_figure',
      'from azureml.core import Run\nimport matplotlib.pyplot as plt\nrun = Run.get_context()\nrun.log("model", "svm")\nplt.plot(x)\nrun.log_image("ROC curve", plot=plt)\n',
      // MLF: "Log a string metric" → mlflow.log_text(text, file); "Log a matplotlib.pyplot" → mlflow.log_figure(figure, "<name>.png").
      'import mlflow\nimport matplotlib.pyplot as plt\nrun = mlflow.start_run()\nmlflow.log_text("svm", "model.txt")\nplt.plot(x)\nmlflow.log_figure(plt.gcf(), "ROC curve.png")\n',
    ],
    [
      'a package version and the Python version logged are strings (text artifacts, not metrics); a score stays a metric',
      'import sys\nimport platform\nimport sklearn\nfrom azureml.core import Run\nrun = Run.get_context()\nrun.log("Versao sklearn", sklearn.__version__)\nrun.log("python", sys.version)\nrun.log("python_short", platform.python_version())\nrun.log("acc", clf.score(x, y))\nrun.log_row("env", sklearn=sklearn.__version__)\n',
      // mlflow.log_metric rejects a string value ("Got invalid value ... for metric"); `__version__` is a str (PEP 8 dunders).
      'import mlflow\nimport sys\nimport platform\nimport sklearn\nrun = mlflow.start_run()\nmlflow.log_text(sklearn.__version__, "Versao sklearn.txt")\nmlflow.log_text(sys.version, "python.txt")\nmlflow.log_text(platform.python_version(), "python_short.txt")\nmlflow.log_metric("acc", clf.score(x, y))\nmlflow.log_table(data={"sklearn": [sklearn.__version__]}, artifact_file="env.json")\n',
    ],
    [
      'an interactive run shown with its status and details; a submitted config with no compute or environment, inline in a loop',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="runs")',
        'run = exp.start_logging()',
        'run.log(name="message", value="Hello")',
        'print(run.get_status())',
        'run.get_details()',
        'run.complete()',
        'print("done", run.get_status())',
        'for script in scripts:',
        '    job = exp.submit(ScriptRunConfig(source_directory=".", script="hello.py"))',
        '    print(job.get_status())',
        '',
      ].join('\n'),
      // MLF: get_run(id).info.status; v1 ScriptRunConfig defaults: target "local", the default
      // environment (v2 requires one: the docs' image, to review, on its own line to carry the comment).
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "runs"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("runs")',
        'run = mlflow.start_run()',
        'mlflow.log_text("Hello", "message.txt")',
        'print(mlflow.get_run(run.info.run_id).info.status)',
        'mlflow.get_run(run.info.run_id)',
        'mlflow.end_run()',
        'print("done", mlflow.get_run(run.info.run_id).info.status)',
        'for script in scripts:',
        '    job = ml_client.jobs.create_or_update(command(',
        '        code=".",',
        '        command="python hello.py",',
        '        environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review',
        '        compute="local",',
        '    ), experiment_name="runs")',
        '    print(ml_client.jobs.get(job.name).status)',
        '',
      ].join('\n'),
    ],
    [
      'child runs: a nested MLflow run inside the parent\'s with; the children listed through the parentRunId tag',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="runs")',
        'with exp.start_logging() as parent_run:',
        '    for c, count in enumerate(range(5)):',
        '        with parent_run.child_run() as child:',
        '            child.log(name="Hello from child run", value=c)',
        'list(parent_run.get_children())',
        '',
      ].join('\n'),
      // MLflow start_run(nested=True); how-to-track-experiments-mlflow "Get child (nested) runs".
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "runs"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("runs")',
        'with mlflow.start_run() as parent_run:',
        '    for c, count in enumerate(range(5)):',
        '        with mlflow.start_run(nested=True) as child:',
        '            mlflow.log_metric("Hello from child run", c)',
        'list(mlflow.search_runs(filter_string=f"tags.mlflow.parentRunId=\'{parent_run.info.run_id}\'", output_format="list"))',
        '',
      ].join('\n'),
    ],
    [
      'a training script\'s named child run is a nested MLflow run while the script\'s run is active',
      'from azureml.core import Run\nrun = Run.get_context()\nrun.log("a", 1)\nwith run.child_run("fold") as child:\n    child.log("b", 2)\nrun.complete()\n',
      'import mlflow\nrun = mlflow.start_run()\nmlflow.log_metric("a", 1)\nwith mlflow.start_run(run_name="fold", nested=True) as child:\n    mlflow.log_metric("b", 2)\nmlflow.end_run()\n',
    ],
    [
      'the child jobs of a submitted run, shown: JobOperations.list(parent_job_name=)',
      'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nsrc = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu", environment="azureml:env:1")\nrun = Experiment(ws, "x").submit(src)\nrun.wait_for_completion()\nprint(list(run.get_children()))\n',
      'from azure.ai.ml import command\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nsrc = command(code=".", command="python train.py", environment="azureml:env:1", compute="cpu")\nrun = ml_client.jobs.create_or_update(src, experiment_name="x")\nml_client.jobs.stream(run.name)\nprint(list(ml_client.jobs.list(parent_job_name=run.name)))\n',
    ],
    [
      'an environment\'s variables become the command\'s environment_variables',
      'from azureml.core import Environment, ScriptRunConfig\nenv = Environment.from_conda_specification(name="e", file_path="env.yml")\nenv.environment_variables = {"A": "1"}\nsrc = ScriptRunConfig(source_directory=".", script="t.py", compute_target="cpu", environment=env)\n',
      // ENV2 entity (environment.ts); command(environment_variables=) (azure.ai.ml reference).
      'import azure.ai.ml.entities\nfrom azure.ai.ml import command\nenv = azure.ai.ml.entities.Environment(\n    name="e",\n    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review\n    conda_file="env.yml",\n)\nsrc = command(code=".", command="python t.py", environment=env, compute="cpu", environment_variables={"A": "1"})\n',
    ],
    [
      // The MLN tutorials write `args = [...]` then `arguments=args`: the list a name is bound to once.
      'arguments given through a variable bound once to a list literal',
      'from azureml.core import Experiment, ScriptRunConfig\nfrom azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)\nargs = ["--regularization", 0.5]\nsrc = ScriptRunConfig(source_directory="src", script="train.py", arguments=args, compute_target="cpu", environment=env)\nrun = Experiment(ml_client, "exp").submit(src)\n',
      'from azure.ai.ml import command\nfrom azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)\nargs = ["--regularization", 0.5]\nsrc = command(code="src", command="python train.py --regularization 0.5", environment=env, compute="cpu")\nrun = ml_client.jobs.create_or_update(src, experiment_name="exp")\n',
    ],
    [
      // The MLN/Learn tutorial shape: a v1 file dataset mounted as an argument → a v2 uri_folder
      // Input on the datastore path (data.ts dataInput; RW: jobs read azureml://datastores/<name>/paths/...).
      'a file dataset mounted as a script argument becomes a uri_folder input of the command',
      "from azureml.core import Workspace, Experiment, Dataset, ScriptRunConfig\n\nws = Workspace.from_config()\ndatastore = ws.get_default_datastore()\ndataset = Dataset.File.from_files(path=(datastore, 'datasets/cifar10'))\nexperiment = Experiment(workspace=ws, name='day1-experiment-data')\nconfig = ScriptRunConfig(\n    source_directory='./src',\n    script='train.py',\n    compute_target='cpu-cluster',\n    arguments=[\n        '--data_path', dataset.as_named_input('input').as_mount(),\n        '--learning_rate', 0.003,\n        '--momentum', 0.92],\n    environment=env,\n)\nrun = experiment.submit(config)\nprint(run.get_portal_url())\n",
      "from azure.ai.ml import Input\nfrom azure.ai.ml.constants import AssetTypes\nfrom azure.ai.ml.constants import InputOutputModes\nfrom azure.ai.ml import command\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\nws = ml_client\ndatastore = ws.datastores.get_default()\ndataset = f\"azureml://datastores/{datastore.name}/paths/datasets/cifar10\"\nexperiment = 'day1-experiment-data'\nconfig = command(code='./src', command=\"python train.py --data_path ${{inputs.data_path}} --learning_rate 0.003 --momentum 0.92\", inputs={\"data_path\": Input(type=AssetTypes.URI_FOLDER, path=dataset, mode=InputOutputModes.RO_MOUNT)}, environment=env, compute='cpu-cluster')\nrun = ml_client.jobs.create_or_update(config, experiment_name='day1-experiment-data')\nprint(run.studio_url)\n",
    ],
    [
      // Bridging: input_datasets has no v2 form here, so the run stays; each logging call has a
      // standalone MLflow form, which logs to the job's own run (how-to-log-view-metrics: jobs are
      // tracked with MLflow). `:` in a metric name: MLflow >= 2.16 (mlflow PR 12943).
      'a job script whose run is still needed (input_datasets) logs through MLflow beside it',
      [
        'from azureml.core.run import Run',
        'run = Run.get_context()',
        'ds = run.input_datasets["train"]',
        'run.log("Regularization Strength:", float(args.C))',
        'run.log("Accuracy", accuracy)',
        'run.set_tags({"model": "logreg"})',
        'run.upload_folder("outputs", "./outputs")',
        '',
      ].join('\n'),
      [
        'import mlflow',
        'from azureml.core.run import Run',
        'run = Run.get_context()',
        'ds = run.input_datasets["train"]',
        'mlflow.log_metric("Regularization Strength:", float(args.C))',
        'mlflow.log_metric("Accuracy", accuracy)',
        'mlflow.set_tags({"model": "logreg"})',
        'mlflow.log_artifacts("./outputs", artifact_path="outputs")',
        '',
      ].join('\n'),
    ],
    [
      // JobOperations.get(name): the job name is the run ID (CMD); its uses as a job's.
      'a run fetched by its ID becomes the v2 job of that ID, with its uses',
      [
        'from azureml.core import Workspace, Run',
        'ws = Workspace.from_config()',
        'run = Run.get(ws, run_id)',
        'print(run.get_status())',
        'run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'run = ml_client.jobs.get(run_id)',
        'print(ml_client.jobs.get(run.name).status)',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'Run(experiment, run_id): the job of that ID; the experiment, used by nothing else, keeps its name',
      'from azureml.core import Workspace, Experiment, Run\nws = Workspace.from_config()\nexp = Experiment(ws, "train")\nrun = Run(exp, "train_1700000000_abc")\nprint(run.get_portal_url())\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexp = "train"\nrun = ml_client.jobs.get("train_1700000000_abc")\nprint(run.studio_url)\n',
    ],
    [
      // workspace.ts jobClient: the job's own workspace inside the job (AzureMLOnBehalfOfCredential +
      // the AZUREML_ARM_* variables the job sets); offered once nothing uses `ws` as a v1 workspace.
      'run.experiment.workspace of the script\'s own run, no longer used as v1: the in-job client',
      'from azureml.core import Run\nrun = Run.get_context()\nws = run.experiment.workspace\ndata = run.input_datasets["train"]\n',
      'from azure.ai.ml import MLClient\nfrom azure.ai.ml.identity import AzureMLOnBehalfOfCredential\nimport os\nfrom azureml.core import Run\nml_client = MLClient(credential=AzureMLOnBehalfOfCredential(), subscription_id=os.environ["AZUREML_ARM_SUBSCRIPTION"], resource_group_name=os.environ["AZUREML_ARM_RESOURCEGROUP"], workspace_name=os.environ["AZUREML_ARM_WORKSPACE_NAME"])  # the job must run with identity: user_identity  # amlint: review\nrun = Run.get_context()\nws = ml_client\ndata = run.input_datasets["train"]\n',
    ],
    [
      // JobOperations.list(parent_job_name=) lists the child jobs (SDK _job_operations.py); each child's uses as a job's.
      'the children of a fetched run, iterated: the child jobs, each used as a job',
      'from azureml.core import Workspace, Run\nws = Workspace.from_config()\nrun = Run.get(ws, run_id)\nfor child in run.get_children():\n    print(child.id, child.get_status())\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nrun = ml_client.jobs.get(run_id)\nfor child in ml_client.jobs.list(parent_job_name=run.name):\n    print(child.name, ml_client.jobs.get(child.name).status)\n',
    ],
    [
      // MlflowClient.list_artifacts(run_id) lists a run's artifacts (FileInfo.path), one level: to review.
      // Model(properties=) (azure.ai.ml.entities.Model); v1 Model.id is "<name>:<version>"; v1 run.name is the display name.
      'files shown or printed one by one, a model registered with metrics as properties, its id and the run\'s name read',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment="azureml:env:1")',
        'run = Experiment(ws, "x").submit(src)',
        'print(run.name)',
        'print(run.get_file_names())',
        'for name in run.get_file_names():',
        '    print(name)',
        'model = run.register_model(model_name="m", model_path="outputs/m.pkl", properties={"AUC": run.get_metrics()["AUC"]})',
        'print(model.id)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from mlflow.tracking import MlflowClient',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'src = command(code="src", command="python train.py", environment="azureml:env:1", compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="x")',
        'print(run.display_name)',
        'print([artifact.path for artifact in MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).list_artifacts(run.name)])  # amlint: review',
        'for name in [artifact.path for artifact in MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).list_artifacts(run.name)]:  # amlint: review',
        '    print(name)',
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="m", path=f"azureml://jobs/{run.name}/outputs/artifacts/paths/outputs/m.pkl", type=AssetTypes.CUSTOM_MODEL, properties={"AUC": MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).get_run(run.name).data.metrics["AUC"]}))',
        'print(f"{model.name}:{model.version}")',
        '',
      ].join('\n'),
    ],
    [
      // v2 jobs run in the Docker container built from their environment (how-to-use-environments): use_docker=True goes.
      'DockerConfiguration(use_docker=True), through a variable or inline, is dropped',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'from azureml.core.runconfig import DockerConfiguration',
        'ws = Workspace.from_config()',
        'docker_config = DockerConfiguration(use_docker=True)',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment="azureml:env:1", docker_runtime_config=docker_config)',
        'run = Experiment(ws, "x").submit(src)',
        'src2 = ScriptRunConfig(source_directory="src", script="eval.py", compute_target="cpu", environment="azureml:env:1", docker_runtime_config=DockerConfiguration(use_docker=True))',
        'run2 = Experiment(ws, "y").submit(src2)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'src = command(code="src", command="python train.py", environment="azureml:env:1", compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="x")',
        'src2 = command(code="src", command="python eval.py", environment="azureml:env:1", compute="cpu")',
        'run2 = ml_client.jobs.create_or_update(src2, experiment_name="y")',
        '',
      ].join('\n'),
    ],
    [
      // snapshot_directory=None is v1's default (no snapshot); MLflow keeps every value of a metric logged
      // repeatedly; the MLflow run is a job of the workspace, its studio_url shown (to review).
      'an interactive run with snapshot_directory=None, a metric logged in a loop, a pyplot image and its portal URL shown',
      [
        'from azureml.core import Workspace, Experiment',
        'import matplotlib.pyplot as plt',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="demo")',
        'run = exp.start_logging(snapshot_directory=None)',
        'for i in range(3):',
        '    run.log("loss", 1.0 / (i + 1))',
        'run.log_image("plot", plot=plt)',
        'run.complete()',
        'print(run.get_portal_url())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'import matplotlib.pyplot as plt',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "demo"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("demo")',
        'run = mlflow.start_run()',
        'for i in range(3):',
        '    mlflow.log_metric("loss", 1.0 / (i + 1))',
        'mlflow.log_figure(plt.gcf(), "plot.png")',
        'mlflow.end_run()',
        'print(ml_client.jobs.get(run.info.run_id).studio_url)  # amlint: review',
        '',
      ].join('\n'),
    ],
    [
      // The MLN tutorials' shape: `args = [..., ds.as_mount(), ...]` used only by the ScriptRunConfig; CMD: a mounted
      // folder is a uri_folder input, so the list (whose call v2 has no form for) goes.
      'an arguments list holding a mounted file dataset, named and used once, becomes the command\'s inputs and goes',
      [
        'from azureml.core import Workspace, Experiment, Dataset, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        'dataset = Dataset.File.from_files(path=(datastore, "data/mnist"))',
        'args = ["--data-folder", dataset.as_mount(), "--regularization", 0.5]',
        'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=args, compute_target="cpu", environment="azureml:env:1")',
        'run = Experiment(ws, "x").submit(config=src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import Input',
        'from azure.ai.ml.constants import AssetTypes',
        'from azure.ai.ml.constants import InputOutputModes',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = ml_client',
        'datastore = ws.datastores.get_default()',
        'dataset = f"azureml://datastores/{datastore.name}/paths/data/mnist"',
        'src = command(code="src", command="python train.py --data-folder ${{inputs.data_folder}} --regularization 0.5", inputs={"data_folder": Input(type=AssetTypes.URI_FOLDER, path=dataset, mode=InputOutputModes.RO_MOUNT)}, environment="azureml:env:1", compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="x")',
        '',
      ].join('\n'),
    ],
    [
      'an experiment\'s runs printed in a loop: its top-level MLflow runs, newest first, MLflow already on the workspace (how-to-track-experiments-mlflow)',
      [
        'import mlflow',
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'mlflow.set_tracking_uri(ws.get_mlflow_tracking_uri())',
        'exp = Experiment(ws, "demo")',
        'for run in exp.get_runs():',
        '    print(run.id, run.get_status())',
        '    break',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'exp = "demo"',
        'for run in [run for run in mlflow.search_runs(experiment_names=["demo"], output_format="list") if "mlflow.parentRunId" not in run.data.tags]:  # amlint: review',
        '    print(run.info.run_id, run.info.status)',
        '    break',
        '',
      ].join('\n'),
    ],
    [
      'runs listed into a variable, counted and iterated: the same MLflow run list, the review mark on its statement',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'exp = Experiment(workspace=ws, name="explore-runs")',
        'runs = list(exp.get_runs())',
        'print(f"{len(runs)} runs")',
        'for r in runs:',
        '    print(r.id, r.get_status())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "explore-runs"',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'runs = list([r for r in mlflow.search_runs(experiment_names=["explore-runs"], output_format="list") if "mlflow.parentRunId" not in r.data.tags])  # amlint: review',
        'print(f"{len(runs)} runs")',
        'for r in runs:',
        '    print(r.info.run_id, r.info.status)',
        '',
      ].join('\n'),
    ],
    [
      'runs assigned (v1 generator) and iterated once; list(exp.get_runs()) shown in a cell',
      'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "demo")\nruns = exp.get_runs()\nfor r in runs:\n    print(r.id)\nlist(exp.get_runs())\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport mlflow\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexp = "demo"\nmlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)\nruns = [r for r in mlflow.search_runs(experiment_names=["demo"], output_format="list") if "mlflow.parentRunId" not in r.data.tags]\nfor r in runs:\n    print(r.info.run_id)\nmlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)\nlist([r for r in mlflow.search_runs(experiment_names=["demo"], output_format="list") if "mlflow.parentRunId" not in r.data.tags])\n',
    ],
    [
      'an interactive run ended as failed / canceled: mlflow.end_run(status="FAILED" / "KILLED") (mlflow RunStatus)',
      'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "x")\nrun = exp.start_logging()\nrun.log("a", 1)\nrun.fail()\nprint(run.get_status())\nother = exp.start_logging()\nother.cancel()\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport mlflow\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexp = "x"\nmlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)\nmlflow.set_experiment("x")\nrun = mlflow.start_run()\nmlflow.log_metric("a", 1)\nmlflow.end_run(status="FAILED")\nprint(mlflow.get_run(run.info.run_id).info.status)\nmlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)\nmlflow.set_experiment("x")\nother = mlflow.start_run()\nmlflow.end_run(status="KILLED")\n',
    ],
    [
      'an AutoML submit that does not wait (show_output=False): the job created, the later wait streams it (AUTOML)',
      [
        'from azure.ai.ml import Input',
        'from azureml.core import Workspace, Experiment',
        'from azureml.train.automl import AutoMLConfig',
        'ws = Workspace.from_config()',
        'exp = Experiment(ws, "bank")',
        'cfg = AutoMLConfig(task="classification", compute_target="cpu", training_data=Input(type="mltable", path="azureml:bank@latest"), label_column_name="y")',
        'run = exp.submit(cfg, show_output=False)',
        'run.wait_for_completion()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import automl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import Input',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'exp = "bank"',
        'cfg = automl.classification(compute="cpu", training_data=Input(type="mltable", path="azureml:bank@latest"), target_column_name="y")',
        'run = ml_client.jobs.create_or_update(cfg, experiment_name="bank")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      // MlflowClient.download_artifacts(run_id, path) returns the local path of the downloaded artifact
      // (https://mlflow.org/docs/latest/python_api/mlflow.client.html#mlflow.client.MlflowClient.download_artifacts);
      // shutil.copy puts it where v1's download_file(name, output_file_path) wrote it.
      'a file of the job\'s outputs downloaded to a local path',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment="azureml:env:1")',
        'run = Experiment(ws, "x").submit(src)',
        'run.wait_for_completion(show_output=True)',
        'run.download_file("outputs/model.joblib", output_file_path="model.joblib")',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import shutil',
        'from mlflow.tracking import MlflowClient',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'src = command(code="src", command="python train.py", environment="azureml:env:1", compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="x")',
        'ml_client.jobs.stream(run.name)',
        'shutil.copy(MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).download_artifacts(run.name, "outputs/model.joblib"), "model.joblib")',
        '',
      ].join('\n'),
    ],
    [
      // MLF "Log a matplotlib.pyplot" (mlflow.log_figure takes a matplotlib Figure); v1 saved the figure given (plot.savefig).
      'a figure made with plt.figure logged as an image',
      'from azureml.core import Run\nimport matplotlib.pyplot as plt\nrun = Run.get_context()\nfig = plt.figure(figsize=(6, 4))\nplt.plot(x, y)\nrun.log_image(name="ROC", plot=fig)\n',
      'import mlflow\nimport matplotlib.pyplot as plt\nrun = mlflow.start_run()\nfig = plt.figure(figsize=(6, 4))\nplt.plot(x, y)\nmlflow.log_figure(fig, "ROC.png")\n',
    ],
  ];
  rewriteCases(cases);

  describe('no suggestion where v2 would do something else', () => {
    it('DockerConfiguration without Docker, a snapshot directory, files kept as a list or a loop doing more than printing: no suggestion', () => {
      const noDocker = 'from azureml.core import ScriptRunConfig\nfrom azureml.core.runconfig import DockerConfiguration\nsrc = ScriptRunConfig(source_directory="src", script="t.py", compute_target="cpu", environment="azureml:e:1", docker_runtime_config=DockerConfiguration(use_docker=False))\n';
      assert.equal(fixesAt(noDocker, 'azureml.core.ScriptRunConfig', 2), undefined);
      const snapshot = 'from azureml.core import Experiment\nexp = Experiment(ws, "x")\nrun = exp.start_logging(snapshot_directory=".")\nrun.log("a", 1)\n';
      assert.equal(fixesAt(snapshot, 'azureml.core.Experiment.start_logging', 2), undefined);
      const submit = 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nsrc = ScriptRunConfig(source_directory=".", script="t.py", compute_target="cpu", environment="azureml:e:1")\nrun = Experiment(ws, "x").submit(src)\n';
      assert.equal(fixesAt(submit + 'files = run.get_file_names()\n', 'azureml.core.Run.get_file_names', 4), undefined);
      assert.equal(fixesAt(submit + 'n = 0\nfor f in run.get_file_names():\n    print(f)\n    n += 1\n', 'azureml.core.Run.get_file_names', 5), undefined);
      assert.equal(fixesAt(submit + 'run.register_model(model_name="m", model_path="outputs/m.pkl", properties={"id": run.get_details()["runId"]})\n', 'azureml.core.Run.register_model', 4), undefined);
      // download_file: a logs path (v1's azureml-logs/ are named otherwise in v2), no local path, a computed name.
      assert.equal(fixesAt(submit + 'run.download_file("azureml-logs/70_driver_log.txt", "log.txt")\n', 'azureml.core.Run.download_file', 4), undefined);
      assert.equal(fixesAt(submit + 'run.download_file("outputs/m.pkl")\n', 'azureml.core.Run.download_file', 4), undefined);
      assert.equal(fixesAt(submit + 'run.download_file(name, "m.pkl")\n', 'azureml.core.Run.download_file', 4), undefined);
    });
    it('a one-file dataset mounted as an argument (v1 mounts a file differently from a folder) keeps its ScriptRunConfig', () => {
      const src = 'from azureml.core import Dataset, ScriptRunConfig\nds = Dataset.File.from_files(path=(datastore, "data/x.csv"))\nsrc = ScriptRunConfig(source_directory="src", script="t.py", arguments=["--data", ds.as_named_input("d").as_mount()], compute_target="cpu", environment=env)\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 2), undefined);
    });
    it('an arguments list that is changed after it is made (args.append) is not read from its literal', () => {
      const src = 'from azureml.core import ScriptRunConfig\nargs = ["--a", 1]\nargs.append("--b")\nsrc = ScriptRunConfig(source_directory="src", script="t.py", arguments=args, compute_target="cpu", environment=env)\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 3), undefined);
    });
    it('a run from start_logging is not a job: get_status stays', () => {
      const src = 'from azureml.core import Experiment\nexp = Experiment(ws, "x")\nrun = exp.start_logging()\nprint(run.get_status())\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.get_status', 3), undefined);
    });
    it('a submitted run still used as a v1 run keeps its submit and its other uses', () => {
      const src = 'from azureml.core import Workspace, Experiment\nfrom azure.ai.ml import command\nws = Workspace.from_config()\njob = command(command="python a.py")\nrun = Experiment(ws, "x").submit(job)\nrun.wait_for_completion()\nfor child in run.get_children():\n    print(child.get_details_with_logs())\n';
      assert.equal(fixesAt(src, 'azureml.core.Experiment.submit', 4), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.wait_for_completion', 5), undefined);
    });
    it('an experiment on a workspace other than the config one is not submitted through the config file\'s ml_client', () => {
      const src = 'from azureml.core import Workspace, Experiment\nfrom azure.ai.ml import command\nws = Workspace.get(name="other")\njob = command(command="python a.py")\nrun = Experiment(ws, "x").submit(job)\n';
      // (workspace.ts may bridge through a client built from the kept v1 `ws`: that one names the same workspace.)
      const out = fixPython(src, true);
      assert.ok(!out.includes('from_config'), out);
      assert.ok(out.includes('ws = Workspace.get(name="other")'), out);
    });
    it('logging to a child run is not logging to the MLflow active run', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nchild = run.child_run()\nchild.log("x", 1)\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.log', 3), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.get_context', 1), undefined);
    });
    it('a string logged in a loop is a series in v1, one artifact in MLflow; a string-valued call is not a metric', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nfor x in xs:\n    run.log("name", f"{x}")\nrun.log("n", x.upper())\nrun.log("a/b", "text")\n';
      for (const line of [3, 4, 5]) assert.equal(fixesAt(src, 'azureml.core.Run.log', line), undefined);
    });
    it('an interactive run whose status is tested, not shown, keeps its start_logging (MLflow spells statuses otherwise)', () => {
      const src = 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "x")\nrun = exp.start_logging()\nif run.get_status() == "Running":\n    run.complete()\n';
      assert.equal(fixesAt(src, 'azureml.core.Experiment.start_logging', 3), undefined);
    });
    it('log_image of something other than pyplot has no MLflow figure', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nrun.log_image("roc", plot=fig)\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.log_image', 2), undefined);
    });
    it('a script run config still configured as a v1 object is not rewritten', () => {
      const src = 'from azureml.core import ScriptRunConfig\nsrc = ScriptRunConfig(source_directory=".", script="train.py")\nsrc.run_config.node_count = 2\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 1), undefined);
    });
    it('a script run config handed to a submit that cannot be rewritten stays v1', () => {
      const src = 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nsrc = ScriptRunConfig(source_directory=".", script="train.py")\nrun = Experiment(ws, "x").submit(src)\nchildren = run.get_children()\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 2), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Experiment.submit', 3), undefined);
    });
    it('arguments that are calls or v1 datasets do not become inputs', () => {
      const src = 'from azureml.core import ScriptRunConfig, Dataset\nds = Dataset.get_by_name(ws, "d")\nsrc = ScriptRunConfig(source_directory=".", script="t.py", arguments=["--data", ds.as_mount(), "--n", len(x)])\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 2), undefined);
    });
    it('a name holding an object other than a str/int/float/bool (a Path, a list) is not an input (v1 wrote it with str())', () => {
      const head = 'from pathlib import Path\nfrom azureml.core import ScriptRunConfig\n';
      const path = head + 'out = Path("outputs") / "model"\nsrc = ScriptRunConfig(source_directory=".", script="t.py", arguments=["--out", out], compute_target="cpu", environment=env)\n';
      assert.equal(fixesAt(path, 'azureml.core.ScriptRunConfig', 3), undefined);
      const list = head + 'layers = [64, 32]\nsrc = ScriptRunConfig(source_directory=".", script="t.py", arguments=["--layers", layers], compute_target="cpu", environment=env)\n';
      assert.equal(fixesAt(list, 'azureml.core.ScriptRunConfig', 3), undefined);
      // The same argument holding a str is an input.
      const str = head + 'out = "outputs/model"\nsrc = ScriptRunConfig(source_directory=".", script="t.py", arguments=["--out", out], compute_target="cpu", environment=env)\n';
      assert.match(JSON.stringify(fixesAt(str, 'azureml.core.ScriptRunConfig', 3)), /\$\{\{inputs\.out\}\}/);
      // os.path.join of string literals is a str too (MLN's distributed samples); of other values it is not known to be.
      const joined = 'import os\n' + head + 'out = os.path.join("./outputs", "model")\nsrc = ScriptRunConfig(source_directory=".", script="t.py", arguments=["--out", out], compute_target="cpu", environment=env)\n';
      assert.match(JSON.stringify(fixesAt(joined, 'azureml.core.ScriptRunConfig', 4)), /\$\{\{inputs\.out\}\}/);
      const joinedPath = 'import os\n' + head + 'out = os.path.join(Path("outputs"), "model")\nsrc = ScriptRunConfig(source_directory=".", script="t.py", arguments=["--out", out], compute_target="cpu", environment=env)\n';
      assert.equal(fixesAt(joinedPath, 'azureml.core.ScriptRunConfig', 4), undefined);
    });
    it('a PyTorch configuration over several nodes has no plain per-node count', () => {
      // (Round 31: a total that the nodes divide is rewritten, rewrites-jobs-r31-paths-limits.test.ts; 3 over 2 is not.)
      const src = 'from azureml.core import ScriptRunConfig\nfrom azureml.core.runconfig import PyTorchConfiguration\nsrc = ScriptRunConfig(source_directory=".", script="t.py", distributed_job_config=PyTorchConfiguration(process_count=3, node_count=2))\n';
      assert.equal(fixesAt(src, 'azureml.core.ScriptRunConfig', 2), undefined);
    });
    it('an interactive run with a use MLflow has no equivalent for keeps its start_logging', () => {
      const src = 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "x")\nrun = exp.start_logging()\nrun.log("a", 1)\nchild = run.child_run()\n';
      assert.equal(fixesAt(src, 'azureml.core.Experiment.start_logging', 3), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.log', 4), undefined);
    });
    it('a child run whose body also logs to the parent (which MLflow would log to the child) is not nested', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nwith run.child_run() as child:\n    child.log("b", 2)\n    run.log("a", 1)\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.child_run', 2), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.get_context', 1), undefined);
    });
    it('a child run after its parent completed has no active parent in MLflow', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nrun.complete()\nwith run.child_run() as child:\n    child.log("b", 2)\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.get_context', 1), undefined);
    });
    it('a metric or tag name MLflow rejects (`@`), or tags given as a string, are not rewritten', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nds = run.input_datasets["x"]\nrun.log("AUC@k", 0.5)\nrun.tag("a,b", "c")\nrun.set_tags("quality")\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.log', 3), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.tag', 4), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.set_tags', 5), undefined);
    });
    it('a fetched run with a use v2 has no form for (get_outputs) keeps its Run.get', () => {
      const src = 'from azureml.core import Workspace, Run\nws = Workspace.from_config()\nrun = Run.get(ws, run_id)\nout = run.get_outputs()\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.get', 2), undefined);
    });
    it('a wait whose value is read (v1 returns the run details, jobs.stream None) keeps the run v1; one never read does not', () => {
      const head = 'from azureml.core import Workspace, Run\nws = Workspace.from_config()\nrun = Run.get(ws, run_id)\n';
      assert.equal(fixesAt(head + 'details = run.wait_for_completion()\nprint(details["status"])\n', 'azureml.core.Run.get', 2), undefined);
      assert.notEqual(fixesAt(head + 'details = run.wait_for_completion()\nprint(run.id)\n', 'azureml.core.Run.get', 2), undefined);
    });
    it('a model registered from an absolute path or one normalised to . keeps its run v1', () => {
      // (Round 31: v1 normalises the path (os.path.normpath), so `./outputs/model.pkl` is rewritten as `outputs/model.pkl`.)
      const src = (p: string) => `from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nsrc = ScriptRunConfig(source_directory=".", script="t.py", compute_target="cpu")\nrun = Experiment(ws, "x").submit(src)\nrun.register_model(model_name="m", model_path="${p}")\n`;
      for (const p of ['/outputs/model.pkl', '.', './']) assert.equal(fixesAt(src(p), 'azureml.core.Experiment.submit', 3), undefined, p);
      for (const p of ['outputs/model.pkl', './outputs/model.pkl']) assert.notEqual(fixesAt(src(p), 'azureml.core.Experiment.submit', 3), undefined, p);
    });
    it('run.experiment.workspace still used as a v1 workspace keeps it', () => {
      const src = 'from azureml.core import Run, Model\nrun = Run.get_context()\nws = run.experiment.workspace\nm = Model(ws, "m")\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.experiment.workspace', 2), undefined);
    });
    it('children iterated with a use v2 has no form for (get_job_log) keep the run v1', () => {
      const src = 'from azureml.core import Workspace, Run\nws = Workspace.from_config()\nrun = Run.get(ws, run_id)\nfor child in run.get_children():\n    print(child.get_job_log())\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.get', 2), undefined);
      assert.equal(fixesAt(src, 'azureml.core.Run.get_children', 3), undefined);
    });
    it('runs listed with arguments, kept as a list, or whose status is tested keep their get_runs', () => {
      const head = 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "demo")\n';
      assert.equal(fixesAt(head + 'for r in exp.get_runs(include_children=True):\n    print(r.id)\n', 'azureml.core.Experiment.get_runs', 3), undefined);
      assert.equal(fixesAt(head + 'runs = list(exp.get_runs())\n', 'azureml.core.Experiment.get_runs', 3), undefined);
      assert.equal(fixesAt(head + 'for r in exp.get_runs():\n    if r.get_status() == "Completed":\n        print(r.id)\n', 'azureml.core.Experiment.get_runs', 3), undefined);
      assert.equal(fixesAt(head + 'for r in exp.get_runs():\n    print(r.get_details_with_logs())\n', 'azureml.core.Experiment.get_runs', 3), undefined);
      // A generator iterated twice (v1's second loop sees nothing), a list used otherwise.
      assert.equal(fixesAt(head + 'runs = exp.get_runs()\nfor r in runs:\n    print(r.id)\nfor r in runs:\n    print(r.id)\n', 'azureml.core.Experiment.get_runs', 3), undefined);
      assert.equal(fixesAt(head + 'runs = list(exp.get_runs())\nruns[0].cancel()\n', 'azureml.core.Experiment.get_runs', 3), undefined);
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

  it('in a notebook: a run fetched by ID, its tags shown through MLflow', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'from azureml.core import Workspace, Run\nws = Workspace.from_config()' },
        { kind: 'code', text: 'run = Run.get(ws, "abc")\nrun.tag("quality", "great")' },
        { kind: 'code', text: 'print(run.get_tags())' },
      ],
    };
    // MLF: tags through MLflow on the workspace's tracking URI (TRK); the job name is the MLflow run ID.
    const mlflow = 'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';
    const expected = [
      { kind: 'code', text: 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom mlflow.tracking import MlflowClient\nml_client = MLClient.from_config(credential=DefaultAzureCredential())' },
      { kind: 'code', text: `run = ml_client.jobs.get("abc")\n${mlflow}.set_tag(run.name, "quality", "great")` },
      { kind: 'code', text: `print(${mlflow}.get_run(run.name).data.tags)` },
    ];
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  it('in a notebook: runs of an experiment iterated, MLflow pointed at the workspace first (TRK)', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "demo")' },
        { kind: 'code', text: 'for r in exp.get_runs():\n    print(r.id, r.get_metrics())' },
      ],
    };
    const expected = [
      { kind: 'code', text: 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport mlflow\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexp = "demo"' },
      { kind: 'code', text: 'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)\nfor r in [r for r in mlflow.search_runs(experiment_names=["demo"], output_format="list") if "mlflow.parentRunId" not in r.data.tags]:\n    print(r.info.run_id, r.data.metrics)' },
    ];
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  it('in a notebook: an interactive run and the experiment\'s runs listed and counted, each through MLflow', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "logging-nb")' },
        { kind: 'code', text: 'run = exp.start_logging()\nrun.log("loss", 0.5)' },
        { kind: 'code', text: 'run.complete()\nrun.get_status()' },
        { kind: 'code', text: 'runs = list(exp.get_runs())\nprint(f"{len(runs)} runs")' },
      ],
    };
    const uri = 'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';
    const expected = [
      { kind: 'code', text: 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport mlflow\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexp = "logging-nb"' },
      { kind: 'code', text: `${uri}\nmlflow.set_experiment("logging-nb")\nrun = mlflow.start_run()\nmlflow.log_metric("loss", 0.5)` },
      { kind: 'code', text: 'mlflow.end_run()\nmlflow.get_run(run.info.run_id).info.status' },
      { kind: 'code', text: `${uri}\nruns = list([r for r in mlflow.search_runs(experiment_names=["logging-nb"], output_format="list") if "mlflow.parentRunId" not in r.data.tags])\nprint(f"{len(runs)} runs")` },
    ];
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  it('in a notebook: a job with a variable argument, its cells of uses rewritten in place', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nexp = Experiment(workspace=ws, name="train")' },
        { kind: 'code', text: 'lr = 0.01\nsrc = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--learning-rate", lr, "--epochs", 10], compute_target="cpu-cluster")\nrun = exp.submit(config=src)\nrun' },
        { kind: 'code', text: 'run.wait_for_completion(show_output=True)' },
        { kind: 'code', text: 'print(run.id)\nrun.cancel()' },
      ],
    };
    // CMD: a variable argument is `${{inputs.<name>}}` with its value in inputs=; JobOperations.stream / begin_cancel.
    const expected = [
      { kind: 'code', text: 'from azure.ai.ml import command\nimport azure.ai.ml.entities\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nexp = "train"' },
      { kind: 'code', text: 'lr = 0.01\nsrc = command(code="src", command="python train.py --learning-rate ${{inputs.learning_rate}} --epochs 10", inputs={"learning_rate": lr}, environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"), compute="cpu-cluster")  # amlint: review\nrun = ml_client.jobs.create_or_update(src, experiment_name="train")\nrun' },
      { kind: 'code', text: 'ml_client.jobs.stream(run.name)' },
      { kind: 'code', text: 'print(run.name)\nml_client.jobs.begin_cancel(run.name)' },
    ];
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});

describe('rewrites: uses of submitted runs (round 7)', () => {
  {
    rewriteCases([
      [
        // CMD: a v1 run configuration's target and environment are the command's compute= and environment=;
        // the experiment's name kept as written (`args.experiment`, which nothing assigns).
        'run_config=RunConfiguration() set by rc.target / rc.environment, inside a function, experiment named by a parameter attribute',
        [
          'from azureml.core import Workspace, Experiment, ScriptRunConfig',
          'from azureml.core.runconfig import RunConfiguration',
          'ws = Workspace.from_config()',
          '',
          '',
          'def submit(args, env_name):',
          '    experiment = Experiment(ws, args.experiment)',
          '    rc = RunConfiguration()',
          '    rc.target = args.compute',
          '    rc.environment = env_name',
          '    src = ScriptRunConfig(source_directory="src", script="train.py", run_config=rc)',
          '    run = experiment.submit(src)',
          '    print(f"Submitted {run.id}: {run.get_portal_url()}")',
          '',
        ].join('\n'),
        [
          'from azure.ai.ml import command',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          '',
          '',
          'def submit(args, env_name):',
          '    experiment = args.experiment',
          '    src = command(code="src", command="python train.py", environment=env_name, compute=args.compute)',
          '    run = ml_client.jobs.create_or_update(src, experiment_name=args.experiment)',
          '    print(f"Submitted {run.name}: {run.studio_url}")',
          '',
        ].join('\n'),
      ],
      [
        // mlflow.artifacts.download_artifacts(run_id=, artifact_path="outputs", dst_path=dst) writes
        // dst/outputs/... and creates dst, as v1's download_files(prefix="outputs", output_directory=dst)
        // did (append_prefix=True by default); MlflowClient.download_artifacts needs dst to exist.
        // The registered model's name/version read as they are (the v2 Model has them).
        'download_files of outputs/, a model registered from the job and its name/version printed',
        [
          'from azureml.core import Workspace, Experiment, ScriptRunConfig',
          'ws = Workspace.from_config()',
          'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment="azureml:env:1")',
          'run = Experiment(ws, "diabetes").submit(src)',
          'run.wait_for_completion()',
          'run.download_files(prefix="outputs", output_directory="downloaded")',
          'model = run.register_model(model_name="diabetes_model", model_path="outputs/model.pkl")',
          'print(f"Model {model.name} v{model.version} registered")',
          '',
        ].join('\n'),
        [
          'from azure.ai.ml import command',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'import mlflow',
          'import azure.ai.ml.entities',
          'from azure.ai.ml.constants import AssetTypes',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'src = command(code="src", command="python train.py", environment="azureml:env:1", compute="cpu")',
          'run = ml_client.jobs.create_or_update(src, experiment_name="diabetes")',
          'ml_client.jobs.stream(run.name)',
          'mlflow.artifacts.download_artifacts(run_id=run.name, artifact_path="outputs", dst_path="downloaded", tracking_uri=ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
          'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="diabetes_model", path=f"azureml://jobs/{run.name}/outputs/artifacts/paths/outputs/model.pkl", type=AssetTypes.CUSTOM_MODEL))',
          'print(f"Model {model.name} v{model.version} registered")',
          '',
        ].join('\n'),
      ],
      [
        // JobOperations.list(parent_job_name=) gives the step jobs; a step's display_name is the v1 step name
        // (pipelines.ts writes display_name=; Command.__call__ copies it to the node).
        'a pipeline run: its step runs iterated through a name, and one found by step name',
        [
          'from azureml.core import Workspace, Experiment',
          'from azureml.pipeline.core import Pipeline',
          'from azureml.pipeline.steps import PythonScriptStep',
          'ws = Workspace.from_config()',
          'step1 = PythonScriptStep(name="train", script_name="train.py", compute_target="cpu", source_directory="src")',
          'pipeline = Pipeline(workspace=ws, steps=[step1])',
          'pipeline_run = Experiment(ws, "pipe").submit(pipeline)',
          'step_runs = pipeline_run.get_children()',
          'for step_run in step_runs:',
          '    print(step_run.name, step_run.get_status())',
          'train_run = pipeline_run.find_step_run("train")[0]',
          'print(train_run.get_metrics())',
          '',
        ].join('\n'),
        [
          'import azure.ai.ml.entities',
          'from azure.ai.ml import command',
          'from azure.ai.ml import dsl',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from mlflow.tracking import MlflowClient',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'step1 = command(',
          '    display_name="train",',
          '    code="src",',
          '    command="python train.py",',
          '    compute="cpu",',
          '    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review',
          ')',
          '',
          '@dsl.pipeline()',
          'def pipeline_func():',
          '    step1_node = step1()',
          '',
          'pipeline = pipeline_func()',
          'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="pipe")',
          'step_runs = ml_client.jobs.list(parent_job_name=pipeline_run.name)',
          'for step_run in step_runs:',
          '    print(step_run.display_name, ml_client.jobs.get(step_run.name).status)',
          'train_run = [step for step in ml_client.jobs.list(parent_job_name=pipeline_run.name) if step.display_name == "train"][0]',
          'print(MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).get_run(train_run.name).data.metrics)',
          '',
        ].join('\n'),
      ],
      [
        // JobOperations.create_or_update(job, *, tags=) sets the job's tags (azure-ai-ml operations/_job_operations.py).
        'submit(config, tags={...}) → create_or_update(tags=...)',
        [
          'from azureml.core import Workspace, Experiment, ScriptRunConfig',
          'ws = Workspace.from_config()',
          'exp = Experiment(ws, "tagged")',
          'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment="azureml:env:1")',
          'run = exp.submit(src, tags={"team": "ml", "lr": str(lr)})',
          '',
        ].join('\n'),
        [
          'from azure.ai.ml import command',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'exp = "tagged"',
          'src = command(code="src", command="python train.py", environment="azureml:env:1", compute="cpu")',
          'run = ml_client.jobs.create_or_update(src, experiment_name="tagged", tags={"team": "ml", "lr": str(lr)})',
          '',
        ].join('\n'),
      ],
      [
        // PipelineRun.get_steps: the step runs started or completed, i.e. its child jobs (JobOperations.list(parent_job_name=)).
        'a pipeline run\'s get_steps() iterated',
        [
          'from azureml.core import Workspace, Experiment',
          'from azureml.pipeline.core import Pipeline',
          'from azureml.pipeline.steps import PythonScriptStep',
          'ws = Workspace.from_config()',
          'step1 = PythonScriptStep(name="train", script_name="train.py", compute_target="cpu", source_directory="src")',
          'pipeline = Pipeline(workspace=ws, steps=[step1])',
          'pipeline_run = Experiment(ws, "pipe").submit(pipeline)',
          'for s in pipeline_run.get_steps():',
          '    print(s.id, s.get_status())',
          '',
        ].join('\n'),
        [
          'import azure.ai.ml.entities',
          'from azure.ai.ml import command',
          'from azure.ai.ml import dsl',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'step1 = command(',
          '    display_name="train",',
          '    code="src",',
          '    command="python train.py",',
          '    compute="cpu",',
          '    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review',
          ')',
          '',
          '@dsl.pipeline()',
          'def pipeline_func():',
          '    step1_node = step1()',
          '',
          'pipeline = pipeline_func()',
          'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="pipe")',
          'for s in ml_client.jobs.list(parent_job_name=pipeline_run.name):',
          '    print(s.name, ml_client.jobs.get(s.name).status)',
          '',
        ].join('\n'),
      ],
    ]);

    it('no suggestion: a run configuration also used otherwise, a download_files of another prefix', () => {
      const rc = [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'from azureml.core.runconfig import RunConfiguration',
        'ws = Workspace.from_config()',
        'rc = RunConfiguration()',
        'rc.target = "cpu"',
        'rc.environment.docker.enabled = True',
        'src = ScriptRunConfig(source_directory="src", script="train.py", run_config=rc)',
        'run = Experiment(ws, "x").submit(src)',
        '',
      ].join('\n');
      assert.deepEqual(fixesAt(rc, 'azureml.core.Experiment.submit', 7) ?? [], []);
      const dl = [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu", environment="azureml:env:1")',
        'run = Experiment(ws, "x").submit(src)',
        'run.download_files(output_directory="all")',
        '',
      ].join('\n');
      assert.deepEqual(fixesAt(dl, 'azureml.core.Experiment.submit', 3) ?? [], []);
    });

    it('in a notebook: a sweep\'s best trial and the model registered from it, each use offering the fix', () => {
      const input: DocumentInput = {
        kind: 'notebook',
        cells: [
          { kind: 'code', text: 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nfrom azureml.train.hyperdrive import HyperDriveConfig, RandomParameterSampling, PrimaryMetricGoal, choice\nws = Workspace.from_config()\nexp = Experiment(ws, "hd")' },
          { kind: 'code', text: 'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu", environment="azureml:env:1")\nps = RandomParameterSampling({"--C": choice(0.1, 1.0)})\nhd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="Accuracy", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)\nhdr = exp.submit(hd)\nhdr.wait_for_completion(show_output=True)' },
          { kind: 'code', text: 'best_run = hdr.get_best_run_by_primary_metric()\nprint(best_run.id)\nbest_run.get_metrics()' },
          { kind: 'code', text: "model = best_run.register_model(model_name='best', model_path='outputs/model.joblib')\nprint(model.name, model.version)" },
        ],
      };
      const doc = lint(input);
      const cell3 = doc.findings.filter((f) => /^AML1/.test(f.code) && f.cell !== undefined && f.cell >= 2);
      assert.ok(cell3.length >= 5);
      for (const f of cell3) assert.ok(f.fixes?.length, `a fix for ${f.symbol}`);
      const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
      const mlflow = 'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';
      assert.equal(out.cells[3].text, 'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name=\'best\', path=f"azureml://jobs/{best_run.name}/outputs/artifacts/paths/outputs/model.joblib", type=AssetTypes.CUSTOM_MODEL))\nprint(model.name, model.version)');
      assert.match(out.cells[2].text, /^best_run = ml_client\.jobs\.get\(.*\n/);
      assert.ok(out.cells[2].text.endsWith(`print(best_run.name)\n${mlflow}.get_run(best_run.name).data.metrics`));
      assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
      const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
      assert.deepEqual(again.cells, out.cells, 'a second run changes nothing');
    });
  }
  describe('round 9 review: wrong rewrites refused', () => {
    const head = 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nexp = Experiment(ws, "e1")\nsrc = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu", environment="azureml:env:1")\n';
    it('a string bound to a name is not logged as a metric (MLflow metrics take numbers only)', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nlabel = "high"\nrun.log("label", label)\nrun.log("acc", 0.9)\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.log', 3), undefined);
      assert.equal(fixPython(src, true), 'import mlflow\nfrom azureml.core import Run\nrun = Run.get_context()\nlabel = "high"\nrun.log("label", label)\nmlflow.log_metric("acc", 0.9)\n');
    });
    it('a list of column names or a list written out with a string is not logged as metrics (an MLflow Metric value is a float)', () => {
      for (const value of ['list(x_df.columns)', 'df.columns.tolist()', '["a", 2]', '[1, sklearn.__version__]', 'names', 'cols', 'list(df.dtypes.astype(str))']) {
        // (`names` and `cols` bound once to a list of strings and to a frame's columns.)
        const src = `from azureml.core import Run\nnames = ["a", "b"]\ncols = df.columns\nrun = Run.get_context()\nrun.log_list("Inputs", ${value})\n`;
        assert.equal(fixesAt(src, 'azureml.core.Run.log_list', 4), undefined, value);
      }
      // Numbers written out still are a batch of metrics.
      const numbers = 'from azureml.core import Run\nrun = Run.get_context()\nrun.log_list("alphas", [0.1, 0.2])\n';
      assert.match(fixPython(numbers, true), /MlflowClient\(\)\.log_batch\(run\.info\.run_id, metrics=\[Metric\(key="alphas", value=val, .* for val in \[0\.1, 0\.2\]\]\)/);
    });
    it('a cluster looked up inline is the job\'s compute by name; not in a try body (its handler would catch v1\'s lookup error), nor looked up by a call', () => {
      const base = 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nfrom azureml.core.compute import ComputeTarget, AmlCompute\nws = Workspace.from_config()\nsrc = ScriptRunConfig(source_directory="src", script="t.py", compute_target=TARGET)\nrun = Experiment(ws, "e").submit(src)\n';
      for (const [target, compute] of [['ComputeTarget(workspace=ws, name="gpu")', '"gpu"'], ['AmlCompute(ws, cluster_name)', 'cluster_name']]) {
        const src = base.replace('TARGET', target);
        const out = fixPython(src, true);
        assert.match(out, /^src = command\(code="src", command="python t\.py", environment=.*, compute=(.*)\)  # amlint: review$/m);
        assert.equal(/compute=([^)]*)\)  # amlint: review$/m.exec(out)?.[1], compute, out);
        assert.ok(!/ComputeTarget|AmlCompute/.test(out), out);
        // The lookup's own finding offers the job's fix.
        const q = target.startsWith('Aml') ? 'azureml.core.compute.AmlCompute' : 'azureml.core.compute.ComputeTarget';
        assert.deepEqual(fixesAt(src, q, 3), fixesAt(src, 'azureml.core.ScriptRunConfig', 3));
      }
      const tried = 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nfrom azureml.core.compute import ComputeTarget\nws = Workspace.from_config()\ntry:\n    src = ScriptRunConfig(source_directory="src", script="t.py", compute_target=ComputeTarget(ws, "gpu"))\nexcept Exception:\n    src = None\n';
      assert.equal(fixesAt(tried, 'azureml.core.ScriptRunConfig', 4), undefined);
      const called = base.replace('TARGET', 'ComputeTarget(ws, pick_name())');
      assert.equal(fixesAt(called, 'azureml.core.ScriptRunConfig', 3), undefined);
    });
    it('an import a rewrite adds is not offered where a local name of the function hides it; an import of the same module there is the same name', () => {
      // log_list's batch needs `time`: a parameter `time` would be read instead of the module.
      const hidden = 'from azureml.core import Run\ndef train(time):\n    run = Run.get_context()\n    run.log_list("l", [1, 2])\n';
      assert.equal(fixesAt(hidden, 'azureml.core.Run.log_list', 3), undefined);
      const later = 'from azureml.core import Run\ndef train():\n    run = Run.get_context()\n    run.log_list("l", [1, 2])\n    for time in range(3):\n        pass\n';
      assert.equal(fixesAt(later, 'azureml.core.Run.log_list', 3), undefined);
      const same = 'from azureml.core import Run\ndef train():\n    import mlflow\n    run = Run.get_context()\n    run.log("a", 1)\n';
      assert.match(fixPython(same, true), /^    mlflow\.log_metric\("a", 1\)$/m);
    });
    it('a file uploaded as its own name under a folder (`"outputs/" + name`, the name a literal bound once) is logged at the root', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nmodel_name = "m.pkl"\nfilename = "outputs/" + model_name\nrun.upload_file(name=model_name, path_or_stream=filename)\n';
      assert.equal(fixPython(src, true), 'import mlflow\nrun = mlflow.start_run()\nmodel_name = "m.pkl"\nfilename = "outputs/" + model_name\nmlflow.log_artifact(filename)\n');
      // A name with a folder is not the file's base name: no rewrite.
      const nested = src.replace('"m.pkl"', '"models/m.pkl"');
      assert.equal(fixesAt(nested, 'azureml.core.Run.upload_file', 4), undefined);
    });
    it('log_row given its name twice (a TypeError in v1) is not rewritten dropping a column', () => {
      const src = 'from azureml.core import Run\nrun = Run.get_context()\nrun.log_row("columns", name=col, missing=3)\n';
      assert.equal(fixesAt(src, 'azureml.core.Run.log_row', 2), undefined);
    });
    it('a wait under `except ActivityFailedException:` keeps its submission (v2 raises other exceptions)', () => {
      const src = head.replace('import Workspace', 'import Workspace') + 'run = exp.submit(src)\ntry:\n    run.wait_for_completion(show_output=True)\nexcept ActivityFailedException:\n    print("failed")\n';
      const withImport = 'from azureml.exceptions import ActivityFailedException\n' + src;
      assert.equal(fixesAt(withImport, 'azureml.core.Experiment.submit', 5), undefined);
      assert.equal(fixesAt(withImport, 'azureml.core.Run.wait_for_completion', 7), undefined);
      // A bridged logging call under a v1 handler likewise.
      const log = 'from azureml.core import Run\nfrom azureml.exceptions import AzureMLException\nrun = Run.get_context()\ntry:\n    run.log("a", 1)\nexcept AzureMLException:\n    pass\nprint(run.parent)\n';
      assert.equal(fixesAt(log, 'azureml.core.Run.log', 4), undefined);
    });
    it('a run bound in a branch with another binding after it: a later use may see the v2 job, so no rewrite', () => {
      const branch = head + 'if ws.name == "x":\n    run = exp.submit(src)\nelse:\n    run = None\nrun.wait_for_completion()\n';
      assert.equal(fixesAt(branch, 'azureml.core.Experiment.submit', 5), undefined);
      const later = head + 'run = exp.submit(src)\nif ws.name == "x":\n    run = other()\nrun.wait_for_completion()\n';
      assert.equal(fixesAt(later, 'azureml.core.Experiment.submit', 4), undefined);
      const logging = 'from azureml.core import Experiment\nexp = Experiment(ws, "x")\nif a:\n    run = exp.start_logging()\nelse:\n    run = other()\nrun.log("a", 1)\n';
      assert.equal(fixesAt(logging, 'azureml.core.Experiment.start_logging', 3), undefined);
    });
    it('metrics read as a series (v1 lists a metric logged more than once, MLflow keeps the latest value): no rewrite (the last value, `[-1]`, is the latest value in MLflow: round 12)', () => {
      const submit = head + 'run = exp.submit(src)\nrun.wait_for_completion()\n';
      assert.equal(fixesAt(submit + 'metrics = run.get_metrics()\nprint(metrics["loss"][-2])\n', 'azureml.core.Run.get_metrics', 6), undefined);
      assert.equal(fixesAt(submit + 'print(max(run.get_metrics()["acc"]))\n', 'azureml.core.Run.get_metrics', 6), undefined);
      assert.equal(fixesAt(submit + 'm = run.get_metrics()\nfor v in m["loss"]:\n    print(v)\n', 'azureml.core.Run.get_metrics', 6), undefined);
      const logging = 'from azureml.core import Experiment\nexp = Experiment(ws, "x")\nrun = exp.start_logging()\nrun.log("a", 1)\nrun.complete()\nplt.plot(run.get_metrics()["a"])\n';
      assert.equal(fixesAt(logging, 'azureml.core.Experiment.start_logging', 2), undefined);
    });
    it('a run bound once in a loop is still rewritten', () => {
      const src = 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nsrc = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu", environment="azureml:env:1")\nfor name in ["a", "b"]:\n    run = Experiment(ws, name).submit(src)\n    run.wait_for_completion()\n';
      assert.equal(
        fixPython(src, true),
        'from azure.ai.ml import command\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nsrc = command(code=".", command="python train.py", environment="azureml:env:1", compute="cpu")\nfor name in ["a", "b"]:\n    run = ml_client.jobs.create_or_update(src, experiment_name=name)\n    ml_client.jobs.stream(run.name)\n',
      );
    });
  });
});
