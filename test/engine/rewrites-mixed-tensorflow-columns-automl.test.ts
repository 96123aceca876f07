/**
 * Round 11 (d), MachineLearningNotebooks shapes for environments, data and AutoML:
 * - `CondaDependencies.add_tensorflow_conda_package(core_type="cpu", version=None)` /
 *   `add_tensorflow_pip_package(...)` folded into the conda dict (azureml-core conda_dependencies.py:
 *   entries starting with "tensorflow" dropped, then `tensorflow[-gpu]=<v>` / `==<v>`; without a version
 *   v1's TENSORFLOW_DEFAULT_VERSION "2.2.0", for review); `add_conda_package` keeps an entry of the same
 *   name with another spec (v1 only skips an identical string);
 * - `x.keep_columns(c, validate=True).to_pandas_dataframe()` → MLTable keep_columns without `validate`
 *   (v1 only checks there that data loads, which the same expression does next);
 * - an AutoML run's `best_run, fitted_model = run.get_output()` with `fitted_model.predict(X)` → the
 *   best child (MLflow `automl_best_child_run_id` tag) and its MLflow model loaded (sklearn flavor).
 * Refused: a core type that is not a "cpu"/"gpu" literal, `validate=` on a kept table read later,
 * `get_output(metric=...)` (no documented v2 form).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
const TRACKING = 'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';

describe('rewrites round 11 (d): tensorflow conda packages, validated column reads, AutoML predictions', () => {
  rewriteCases([
    [
      'add_tensorflow_conda_package(version=...): "tensorflow*" entries dropped, then tensorflow=<v>; same-name conda specs both kept',
      [
        'from azureml.core.conda_dependencies import CondaDependencies',
        'cd = CondaDependencies()',
        'cd.add_conda_package("tensorflow-estimator")',
        'cd.add_conda_package("numpy=1.19")',
        'cd.add_conda_package("numpy")',
        'cd.add_tensorflow_conda_package(version="2.4.1")',
        'cd.save("env.yml")',
        '',
      ].join('\n'),
      [
        'import pathlib',
        'import yaml',
        'cd = {',
        '    "name": "project_environment",',
        '    "channels": ["anaconda", "conda-forge"],',
        '    "dependencies": [',
        '        "python=3.8.13",',
        '        "numpy=1.19",',
        '        "numpy",',
        '        "tensorflow=2.4.1",',
        '        {"pip": ["azureml-defaults"]},',
        '    ],',
        '}',
        'pathlib.Path("env.yml").write_text(yaml.safe_dump(cd))',
        '',
      ].join('\n'),
    ],
    [
      'the GPU package at v1\'s default version (for review) and the pip variant',
      [
        'from azureml.core.conda_dependencies import CondaDependencies',
        'cd = CondaDependencies()',
        'cd.add_tensorflow_conda_package(core_type="gpu")',
        'cd.add_tensorflow_pip_package(version="2.4.1")',
        'print(cd.serialize_to_string())',
        '',
      ].join('\n'),
      [
        'import yaml',
        'cd = {  # amlint: review',
        '    "name": "project_environment",',
        '    "channels": ["anaconda", "conda-forge"],',
        '    "dependencies": [',
        '        "python=3.8.13",',
        '        "tensorflow-gpu=2.2.0",',
        '        {"pip": ["azureml-defaults", "tensorflow==2.4.1"]},',
        '    ],',
        '}',
        'print(yaml.safe_dump(cd))',
        '',
      ].join('\n'),
    ],
    [
      'keep_columns(validate=True) loaded in the same expression: MLTable keep_columns',
      [
        'from azureml.core import Dataset',
        'ds = Dataset.Tabular.from_delimited_files("https://example.com/a.csv")',
        'y = ds.keep_columns(["y"], validate=True).to_pandas_dataframe()',
        '',
      ].join('\n'),
      [
        'import mltable',
        'ds = mltable.from_delimited_files(paths=[{"file": "https://example.com/a.csv"}])',
        'y = ds.keep_columns(["y"]).to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
  ]);

  describe('refused', () => {
    for (const [title, src, kept] of [
      ['a core type that is not a literal', 'from azureml.core.conda_dependencies import CondaDependencies\ncd = CondaDependencies()\ncd.add_tensorflow_conda_package(core_type=kind)\ncd.save("env.yml")\n', 'add_tensorflow_conda_package(core_type=kind)'],
      ['a core type v1 rejects ("GPU")', 'from azureml.core.conda_dependencies import CondaDependencies\ncd = CondaDependencies()\ncd.add_tensorflow_conda_package("GPU")\ncd.save("env.yml")\n', 'add_tensorflow_conda_package("GPU")'],
      ['validate=True on a table read later', 'from azureml.core import Dataset\nds = Dataset.Tabular.from_delimited_files("https://example.com/a.csv")\npart = ds.keep_columns(["y"], validate=True)\ny = part.to_pandas_dataframe()\n', 'validate=True'],
      [
        'get_output(metric=...): the submission stays v1',
        [
          'from azureml.core import Workspace, Experiment',
          'from azureml.train.automl import AutoMLConfig',
          'from azure.ai.ml import Input',
          'ws = Workspace.from_config()',
          'exp = Experiment(ws, "reg")',
          'cfg = AutoMLConfig(task="regression", compute_target="cpu", training_data=Input(type="mltable", path="./d"), label_column_name="y")',
          'run = exp.submit(cfg)',
          'best, fitted = run.get_output(metric="root_mean_squared_error")',
          'print(fitted.predict(x))',
          '',
        ].join('\n'),
        'run.get_output(metric="root_mean_squared_error")',
      ],
    ] as const) {
      it(title, () => {
        const out = fixPython(src, true);
        assert.ok(out.includes(kept), out);
        assert.ok(parses(out));
      });
    }
  });

  it('a notebook: the MLN classification shape, split parts read back and the fitted model predicting', () => {
    const cells = [
      { kind: 'code', text: 'import logging\nfrom azureml.core import Workspace, Experiment, Dataset\nfrom azureml.train.automl import AutoMLConfig\nws = Workspace.from_config()\nexperiment = Experiment(ws, "ccard")' },
      { kind: 'code', text: 'ds = Dataset.Tabular.from_delimited_files("https://example.com/card.csv")\ntrain, valid = ds.random_split(percentage=0.8, seed=223)\nlabel = "Class"' },
      { kind: 'code', text: 'settings = {"n_cross_validations": 3, "primary_metric": "average_precision_score_weighted", "experiment_timeout_hours": 0.25, "verbosity": logging.INFO}\nconfig = AutoMLConfig(task="classification", compute_target="cpu-cluster", training_data=train, label_column_name=label, **settings)' },
      { kind: 'code', text: 'run = experiment.submit(config, show_output=False)' },
      { kind: 'code', text: 'run.wait_for_completion(show_output=False)' },
      { kind: 'code', text: 'best_run, fitted_model = run.get_output()\nfitted_model' },
      { kind: 'code', text: 'X = valid.drop_columns(columns=[label]).to_pandas_dataframe()\ny = valid.keep_columns(columns=[label], validate=True).to_pandas_dataframe()\ny_pred = fitted_model.predict(X)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    // AUTOML (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-automl): automl.classification,
    // set_limits(timeout_minutes=0.25 h × 60); the best child from the parent's MLflow tag "automl_best_child_run_id";
    // its outputs/mlflow-model loaded with mlflow.sklearn and predicted with; MLTable random_split / drop_columns /
    // keep_columns (https://learn.microsoft.com/azure/machine-learning/how-to-mltable).
    const expected = [
      {
        kind: 'code',
        text: [
          'from azure.ai.ml import Input',
          'from azure.ai.ml.constants import AssetTypes',
          'import mltable',
          'from azure.ai.ml import automl',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from mlflow.tracking import MlflowClient',
          'import mlflow.sklearn',
          'import logging',
          CLIENT,
          'experiment = "ccard"',
        ].join('\n'),
      },
      { kind: 'code', text: 'ds = mltable.from_delimited_files(paths=[{"file": "https://example.com/card.csv"}])\ntrain, valid = ds.random_split(percent=0.8, seed=223)\ntrain.save("./train-mltable")  # amlint: review\nlabel = "Class"' },
      { kind: 'code', text: '\nconfig = automl.classification(compute="cpu-cluster", training_data=Input(type=AssetTypes.MLTABLE, path="./train-mltable"), target_column_name=label, n_cross_validations=3, primary_metric="average_precision_score_weighted", log_verbosity="info")\nconfig.set_limits(timeout_minutes=15)' },
      { kind: 'code', text: 'run = ml_client.jobs.create_or_update(config, experiment_name="ccard")' },
      { kind: 'code', text: 'ml_client.jobs.stream(run.name)' },
      {
        kind: 'code',
        text: [
          `best_run = ml_client.jobs.get(${TRACKING}.get_run(run.name).data.tags["automl_best_child_run_id"])  # amlint: review`,
          `fitted_model = mlflow.sklearn.load_model(${TRACKING}.download_artifacts(best_run.name, "outputs/mlflow-model"))  # amlint: review`,
          'fitted_model',
        ].join('\n'),
      },
      { kind: 'code', text: 'X = valid.drop_columns(columns=[label]).to_pandas_dataframe()\ny = valid.keep_columns(columns=[label]).to_pandas_dataframe()\ny_pred = fitted_model.predict(X)' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
