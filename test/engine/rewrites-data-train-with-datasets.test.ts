/**
 * Round 15 (data): the MLN train-with-datasets job shape, and random_split parts bound again.
 * - `src.run_config.framework = "python"` (v1's default framework, azureml-core runconfig.py) goes with the
 *   ScriptRunConfig → command rewrite; another framework keeps the job v1.
 * - `ds.as_named_input("n").as_mount()` of a folder `Dataset.File.from_files(path=[(datastore, "p/")])`
 *   whose variable is also read elsewhere (`ds.to_path()`): the job gets the input
 *   `Input(type=URI_FOLDER, path=f"azureml://datastores/<name>/paths/p/", mode=RO_MOUNT)` named `n`
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2), the dataset stays
 *   v1 for its other reads; refused when another binding of the variable may reach the mount.
 * - `a, b = ds.random_split(...)` with `a = a.to_pandas_dataframe()` later (MLN auto-ml-regression): the
 *   split still rewrites (reach.ts: the split binding alone reaches its uses).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const CLIENT = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];
const INPUTS = [
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.constants import InputOutputModes',
];
const DIABETES = '{"diabetes": Input(type=AssetTypes.URI_FOLDER, path=f"azureml://datastores/{ml_client.datastores.get_default().name}/paths/diabetes/", mode=InputOutputModes.RO_MOUNT)}';

const JOB = [
  'from azureml.core import Workspace, Experiment, Dataset, Environment, ScriptRunConfig',
  '',
  'ws = Workspace.from_config()',
  'datastore = ws.get_default_datastore()',
  'dataset = Dataset.File.from_files(path=[(datastore, "diabetes/")])',
  'print(dataset.to_path())',
  'env = Environment.get(ws, "sklearn-env")',
  'src = ScriptRunConfig(source_directory="scripts", script="train.py", arguments=[dataset.as_named_input("diabetes").as_mount()])',
  'src.run_config.framework = "python"',
  'src.run_config.environment = env',
  'src.run_config.target = "cpu-cluster"',
  'run = Experiment(ws, "train-with-datasets").submit(src)',
  'run.wait_for_completion(show_output=True)',
  '',
].join('\n');

const BRANCHED = [
  'from azureml.core import Workspace, Experiment, Dataset, ScriptRunConfig',
  'import sys',
  '',
  'ws = Workspace.from_config()',
  'datastore = ws.get_default_datastore()',
  'if sys.argv[1] == "a":',
  '    dataset = Dataset.File.from_files(path=[(datastore, "a/")])',
  'else:',
  '    dataset = Dataset.File.from_files(path=[(datastore, "b/")])',
  'print(dataset.to_path())',
  'src = ScriptRunConfig(source_directory="scripts", script="train.py", arguments=[dataset.as_named_input("data").as_mount()], compute_target="cpu-cluster")',
  'run = Experiment(ws, "exp").submit(src)',
  '',
].join('\n');

const SPLIT = (rebound: string[]): string => [
  'from azureml.core import Workspace, Experiment, Dataset',
  'from azureml.train.automl import AutoMLConfig',
  '',
  'ws = Workspace.from_config()',
  'experiment = Experiment(ws, "automl-regression")',
  'data = "https://automlsamplenotebookdata.blob.core.windows.net/automl-sample-notebook-data/machineData.csv"',
  'dataset = Dataset.Tabular.from_delimited_files(data)',
  'train_data, test_data = dataset.random_split(percentage=0.8, seed=223)',
  ...rebound,
  'automl_config = AutoMLConfig(task="regression", compute_target="cpu-cluster", training_data=train_data, label_column_name="ERP", n_cross_validations=3, primary_metric="r2_score", experiment_timeout_hours=0.3)',
  'remote_run = experiment.submit(automl_config, show_output=False)',
  'remote_run.wait_for_completion()',
  'test_data = test_data.to_pandas_dataframe()',
  'train_data = train_data.to_pandas_dataframe()',
  'y_train = train_data["ERP"].fillna(0)',
  'train_data = train_data.drop("ERP", 1)',
  '',
].join('\n');

describe('rewrites round 15 (data): the train-with-datasets job, split parts bound again', () => {
  rewriteCases([
    [
      'a mounted folder dataset also listed with to_path(), framework "python" dropped (MLN train-with-datasets)',
      JOB,
      [
        ...INPUTS,
        ...CLIENT,
        'from azure.ai.ml import command',
        'from azureml.core import Workspace, Dataset',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        'dataset = Dataset.File.from_files(path=[(datastore, "diabetes/")])',
        'print(dataset.to_path())',
        'env = ml_client.environments.get(name="sklearn-env", label="latest")',
        `src = command(code="scripts", command="python train.py \${{inputs.diabetes}}", inputs=${DIABETES})`,
        'src.environment = env',
        'src.compute = "cpu-cluster"',
        'run = ml_client.jobs.create_or_update(src, experiment_name="train-with-datasets")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'random_split parts read again as DataFrames under the same names (MLN auto-ml-regression)',
      SPLIT([]),
      [
        'from azure.ai.ml import Input',
        'from azure.ai.ml.constants import AssetTypes',
        'import mltable',
        'from azure.ai.ml import automl',
        ...CLIENT,
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'experiment = "automl-regression"',
        'data = "https://automlsamplenotebookdata.blob.core.windows.net/automl-sample-notebook-data/machineData.csv"',
        'dataset = mltable.from_delimited_files(paths=[{"file": data}])',
        'train_data, test_data = dataset.random_split(percent=0.8, seed=223)',
        'train_data.save("./train_data-mltable")  # amlint: review',
        'automl_config = automl.regression(compute="cpu-cluster", training_data=Input(type=AssetTypes.MLTABLE, path="./train_data-mltable"), target_column_name="ERP", n_cross_validations=3, primary_metric="r2_score")',
        'automl_config.set_limits(timeout_minutes=18)',
        'remote_run = ml_client.jobs.create_or_update(automl_config, experiment_name="automl-regression")',
        'ml_client.jobs.stream(remote_run.name)',
        'test_data = test_data.to_pandas_dataframe()',
        'train_data = train_data.to_pandas_dataframe()',
        'y_train = train_data["ERP"].fillna(0)',
        'train_data = train_data.drop("ERP", 1)',
        '',
      ].join('\n'),
    ],
    // Refused: another framework (PySpark has no v2 command form here).
    ['framework "PySpark": the job stays v1', JOB.replace('"python"', '"PySpark"'), JOB.replace('"python"', '"PySpark"')],
    // Refused: two bindings may reach the mount (which folder the job reads depends on the branch).
    ['a dataset bound on two branches: no input', BRANCHED, BRANCHED],
  ]);

  it('a split part bound again on a branch before AutoML takes it: AutoML stays v1', () => {
    const src = SPLIT(['if len(data) > 100:', '    train_data = dataset']);
    const out = fixPython(src, true);
    assert.ok(out.includes('AutoMLConfig(task="regression"'), out);
    assert.ok(out.includes('dataset.random_split(percentage=0.8, seed=223)'), out);
    assert.ok(parses(out));
  });

  it('a notebook: dataset, ScriptRunConfig with run_config settings and the submit in separate cells', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment, Dataset\nws = Workspace.from_config()\nexp = Experiment(workspace=ws, name="train-with-datasets")\ndatastore = ws.get_default_datastore()' },
      { kind: 'code', text: 'dataset = Dataset.File.from_files(path=[(datastore, "diabetes/")])\ndataset.to_path()' },
      { kind: 'code', text: 'from azureml.core import ScriptRunConfig\nsrc = ScriptRunConfig(source_directory="train-dataset",\n                      script="train_diabetes.py",\n                      arguments=[dataset.as_named_input("diabetes").as_mount()])\nsrc.run_config.framework = "python"\nsrc.run_config.target = "cpu-cluster"' },
      { kind: 'code', text: 'run = exp.submit(config=src)\nrun.wait_for_completion()' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      {
        kind: 'code',
        text: [
          ...INPUTS,
          'from azure.ai.ml import command',
          'import azure.ai.ml.entities',
          ...CLIENT,
          'from azureml.core import Workspace, Dataset',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'ws = Workspace.from_config()',
          'exp = "train-with-datasets"',
          'datastore = ws.get_default_datastore()',
        ].join('\n'),
      },
      { kind: 'code', text: 'dataset = Dataset.File.from_files(path=[(datastore, "diabetes/")])\ndataset.to_path()' },
      {
        kind: 'code',
        // (no environment in v1: the migration docs' image, to review: jobs.ts)
        text: `src = command(code="train-dataset", command="python train_diabetes.py \${{inputs.diabetes}}", inputs=${DIABETES}, environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"))  # amlint: review\nsrc.compute = "cpu-cluster"`,
      },
      { kind: 'code', text: 'run = ml_client.jobs.create_or_update(src, experiment_name="train-with-datasets")\nml_client.jobs.stream(run.name)' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
