import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

/** What the workspace becomes (workspace.ts: `ws = Workspace.from_config()` goes once every use is rewritten). */
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
/** v1's default environment for an estimator (EST): the default image, python, azureml-defaults, the packages. */
const env = (conda: string, pip: string): string =>
  `azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", ${conda}{"pip": ["azureml-defaults"${pip}]}]})`;

describe('rewrites: v1 estimators → command jobs', () => {
  const cases: Array<[string, string, string]> = [
    [
      'SKLearn with script_params (a variable one as an input) submitted and waited for (EST + CMD)',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.train.sklearn import SKLearn',
        'ws = Workspace.from_config()',
        'exp = Experiment(ws, "sk")',
        'est = SKLearn(source_directory="./src", script_params={"--kernel": "linear", "--penalty": 1.0, "--reg": reg}, compute_target="cpu-cluster", entry_script="train.py", framework_version="0.20.3")',
        'run = exp.submit(est)',
        'run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'exp = "sk"',
        `est = command(code="./src", command="python train.py --kernel linear --penalty 1.0 --reg \${{inputs.reg}}", inputs={"reg": reg}, environment=${env('', ', "scikit-learn==0.20.3"')}, compute="cpu-cluster")  # amlint: review`,
        'run = ml_client.jobs.create_or_update(est, experiment_name="sk")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'script_params as a dict variable (the MLN notebooks\' shape) and a compute target from a v1 call the model gives no type (its .name)',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.train.sklearn import SKLearn',
        'ws = Workspace.from_config()',
        'compute_target = ws.get_default_compute_target(type="CPU")',
        "script_params = {'--kernel': 'linear'}",
        'est = SKLearn(source_directory="./src", script_params=script_params, compute_target=compute_target, entry_script="train.py")',
        'run = Experiment(ws, "sk").submit(est)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        // (round 29: the default compute outside a pipeline is the cluster azureml-core looks up, by name)
        'compute_target = ml_client.compute.get("cpu-cluster")',
        "script_params = {'--kernel': 'linear'}",
        `est = command(code="./src", command="python train.py --kernel linear", environment=${env('', ', "scikit-learn"')}, compute=compute_target.name)  # amlint: review`,
        'run = ml_client.jobs.create_or_update(est, experiment_name="sk")',
        '',
      ].join('\n'),
    ],
    [
      'generic Estimator with conda and pip packages, MPI on two nodes',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.train.estimator import Estimator',
        'from azureml.train.dnn import Mpi',
        'ws = Workspace.from_config()',
        'est = Estimator(source_directory="src", entry_script="train.py", compute_target=cluster, conda_packages=["scikit-learn"], pip_packages=["lightgbm"], node_count=2, distributed_training=Mpi(process_count_per_node=4))',
        'run = Experiment(ws, "e").submit(est)',
        'print(run.get_portal_url())',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MpiDistribution',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        `est = command(code="src", command="python train.py", environment=${env('"scikit-learn", ', ', "lightgbm"')}, compute=cluster, distribution=MpiDistribution(process_count_per_instance=4), instance_count=2)  # amlint: review`,
        'run = ml_client.jobs.create_or_update(est, experiment_name="e")',
        'print(run.studio_url)',
        '',
      ].join('\n'),
    ],
    [
      'HyperDriveConfig(estimator=est): the estimator becomes the command that is swept (HD, EST)',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.train.estimator import Estimator',
        'from azureml.train.hyperdrive import RandomParameterSampling, HyperDriveConfig, PrimaryMetricGoal, choice',
        'ws = Workspace.from_config()',
        'est = Estimator(source_directory="src", entry_script="train.py", compute_target="cpu", script_params={"--epochs": 10}, pip_packages=["lightgbm"])',
        'ps = RandomParameterSampling({"--n": choice(1, 2)})',
        'hd = HyperDriveConfig(estimator=est, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
        'hd_run = Experiment(ws, "x").submit(hd)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        `est = command(code="src", command="python train.py --epochs 10 --n \${{inputs.n}}", inputs={"n": Choice(values=[1, 2])}, environment=${env('', ', "lightgbm"')}, compute="cpu")  # amlint: review`,
        'ps = "random"',
        'hd = est.sweep(sampling_algorithm=ps, primary_metric="acc", goal="Maximize", max_total_trials=4)',
        'hd_run = ml_client.jobs.create_or_update(hd, experiment_name="x")',
        '',
      ].join('\n'),
    ],
  ];
  rewriteCases(cases);

  it('every piece offers the fix (estimator, Mpi, experiment, submit)', () => {
    const findings = lint({ kind: 'python', text: cases[2][1] }).findings.filter((f) => f.code === 'AML102');
    assert.ok(findings.length >= 4, `${findings.length} pieces`);
    for (const f of findings) assert.ok(f.fixes?.length, `a fix on ${f.symbol}`);
  });

  it('in a notebook: estimator, submission and wait in separate cells', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexperiment = Experiment(ws, name="train_iris")' },
        { kind: 'code', text: 'from azureml.train.sklearn import SKLearn\nscript_params = {\n    "--kernel": "linear",\n}\nestimator = SKLearn(source_directory=project_folder,\n                    script_params={"--kernel": "linear"},\n                    compute_target=compute_target,\n                    entry_script="train_iris.py")' },
        { kind: 'code', text: 'run = experiment.submit(estimator)' },
        { kind: 'code', text: 'run.wait_for_completion(show_output=True)' },
      ],
    };
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const text = out.cells.map((c) => c.text).join('\n');
    assert.match(out.cells[1].text, /^script_params = \{\n    "--kernel": "linear",\n\}\nestimator = command\(code=project_folder, command="python train_iris.py --kernel linear", environment=azure\.ai\.ml\.entities\.Environment\(.*\), compute=compute_target\)  # amlint: review$/);
    assert.equal(out.cells[2].text, 'run = ml_client.jobs.create_or_update(estimator, experiment_name="train_iris")');
    assert.equal(out.cells[3].text, 'ml_client.jobs.stream(run.name)');
    assert.ok(parses(text));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, out.cells, 'a second run changes nothing');
  });

  it('in a notebook (the Learn tutorials\' shape): a local Estimator with conda packages, its widget, metrics, files printed and a model with metric properties', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nfrom azureml.train.estimator import Estimator\nfrom azureml.widgets import RunDetails\nws = Workspace.from_config()\nexperiment = Experiment(workspace=ws, name="diabetes")' },
        { kind: 'code', text: 'estimator = Estimator(source_directory="diabetes", entry_script="train.py", compute_target="local", conda_packages=["scikit-learn"])\nrun = experiment.submit(config=estimator)\nRunDetails(run).show()' },
        { kind: 'code', text: 'for f in run.get_file_names():\n    print(f)' },
        { kind: 'code', text: 'run.register_model(model_path="outputs/model.pkl", model_name="diabetes_model", properties={"AUC": run.get_metrics()["AUC"]})' },
      ],
    };
    // EST: conda_packages → the environment's conda dependencies (v1's default image, to review); compute "local" as written (LOCAL);
    // MlflowClient.list_artifacts (one level, to review); Model(properties=) with the MLflow run's metrics.
    const expected = [
      { kind: 'code', text: 'import azure.ai.ml.entities\nfrom azure.ai.ml import command\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom mlflow.tracking import MlflowClient\nfrom azure.ai.ml.constants import AssetTypes\n' + CLIENT + '\nexperiment = "diabetes"' },
      { kind: 'code', text: `estimator = command(code="diabetes", command="python train.py", environment=${env('"scikit-learn", ', '')}, compute="local")  # amlint: review\nrun = ml_client.jobs.create_or_update(estimator, experiment_name="diabetes")\nml_client.jobs.stream(run.name)` },
      { kind: 'code', text: 'for f in [artifact.path for artifact in MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).list_artifacts(run.name)]:  # amlint: review\n    print(f)' },
      { kind: 'code', text: 'ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="diabetes_model", path=f"azureml://jobs/{run.name}/outputs/artifacts/paths/outputs/model.pkl", type=AssetTypes.CUSTOM_MODEL, properties={"AUC": MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).get_run(run.name).data.metrics["AUC"]}))' },
    ];
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  describe('no suggestion when the rewrite would not be faithful', () => {
    const base = (args: string, extra = ''): string =>
      ['from azureml.core import Workspace, Experiment', 'from azureml.train.dnn import PyTorch', 'ws = Workspace.from_config()', `est = PyTorch(source_directory="src", entry_script="train.py", ${args})`, 'run = Experiment(ws, "e").submit(est)', extra, ''].join('\n');
    const negatives: Array<[string, string]> = [
      ['use_gpu=True (no documented v2 counterpart of the v1 GPU image)', base('use_gpu=True')],
      ['a v1 dataset in script_params', base('script_params={"--data": ds.as_mount()}')],
      ['node_count without a distribution', base('node_count=2')],
      ['an argument not translated (vm_size)', base('vm_size="STANDARD_NC6"')],
      ['the estimator used as a v1 object', base('', 'est.run_config.target = "x"')],
    ];
    for (const [title, src] of negatives) {
      it(title, () => {
        const out = fixPython(src, true);
        assert.match(out, /PyTorch\(/, 'the estimator stays');
      });
    }
  });
});
