import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

/**
 * `run.model_id` of a submitted AutoML run (automl.ts autoMLModelIdEdit, called by jobs.ts
 * jobUseEdits). v1 AutoMLRun.model_id is None until register_model sets it to the name it
 * registered under, `model_name` when given (azureml-train-automl-client run.py); the v2
 * registration (autoMLRegisterModel) registers under that same name, `Model.name`.
 */
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
const V1 = [
  'from azureml.core import Workspace, Experiment, Dataset',
  'from azureml.train.automl import AutoMLConfig',
  '',
  'ws = Workspace.from_config()',
  'experiment = Experiment(ws, "automl-exp")',
  'train_data = Dataset.get_by_name(ws, "bank")',
  'automl_config = AutoMLConfig(task="classification", compute_target="cpu-cluster", training_data=train_data, label_column_name="y", primary_metric="accuracy")',
  'remote_run = experiment.submit(automl_config)',
  'remote_run.wait_for_completion()',
];
const V2 = [
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.constants import InputOutputModes',
  'from azure.ai.ml import automl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'from mlflow.tracking import MlflowClient',
  'import azure.ai.ml.entities',
  CLIENT,
  '',
];
const V2_BODY = [
  'ws = ml_client',
  'experiment = "automl-exp"',
  'train_data = ws.data.get(name="bank", label="latest")',
  'automl_config = automl.classification(',
  '    compute="cpu-cluster",',
  '    training_data=Input(type=AssetTypes.MLTABLE, path="azureml:bank@latest", mode=InputOutputModes.DIRECT),  # amlint: review',
  '    target_column_name="y",',
  '    primary_metric="accuracy",',
  ')',
  'remote_run = ml_client.jobs.create_or_update(automl_config, experiment_name="automl-exp")',
  'ml_client.jobs.stream(remote_run.name)',
];
// The best child's MLflow model folder (AIM "Register the model"), as autoMLRegisterModel writes it.
const BEST = 'f"azureml://jobs/{MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).get_run(remote_run.name).data.tags[\'automl_best_child_run_id\']}/outputs/artifacts/outputs/mlflow-model/"';
const register = (name: string, rest = ''): string => `ml_client.models.create_or_update(azure.ai.ml.entities.Model(name=${name}, path=${BEST}, type=AssetTypes.MLFLOW_MODEL${rest}))  # amlint: review`;


describe('rewrites: an AutoML run\'s model_id after register_model (AML102, through jobs.ts)', () => {
  rewriteCases([
    [
      'the Udacity capstone shape: the registered model\'s name, read from the model v2 returned',
      [...V1, 'model = remote_run.register_model(model_name="heart-failure-best", description="AutoML best model")', 'print(remote_run.model_id)', ''].join('\n'),
      [...V2, ...V2_BODY, `model = ${register('"heart-failure-best"', ', description="AutoML best model"')}`, 'print(model.name)', ''].join('\n'),
    ],
    [
      'the registration not assigned: model_name itself',
      [...V1, 'remote_run.register_model(model_name="heart-failure-best")', 'model_id = remote_run.model_id', 'print(model_id)', ''].join('\n'),
      [...V2, ...V2_BODY, register('"heart-failure-best"'), 'model_id = "heart-failure-best"', 'print(model_id)', ''].join('\n'),
    ],
    [
      'the model variable rebound before the read: model_name (a name bound once)',
      [...V1, 'name = "best"', 'model = remote_run.register_model(model_name=name)', 'model = None', 'print(remote_run.model_id)', ''].join('\n'),
      [...V2, ...V2_BODY, 'name = "best"', `model = ${register('name')}`, 'model = None', 'print(name)', ''].join('\n'),
    ],
  ]);

  it('a notebook: submit, registration and the read in separate cells', () => {
    const cells = [
      { kind: 'code', text: V1.slice(0, 8).join('\n') },
      { kind: 'code', text: 'remote_run.wait_for_completion()' },
      { kind: 'markdown', text: '## Register the best model' },
      { kind: 'code', text: 'model = remote_run.register_model(model_name="heart-best", tags={"area": "heart"})' },
      { kind: 'code', text: 'print(remote_run.model_id)\nprint(model.name, model.version)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      { kind: 'code', text: [...V2, ...V2_BODY.slice(0, 10)].join('\n') },
      { kind: 'code', text: 'ml_client.jobs.stream(remote_run.name)' },
      { kind: 'markdown', text: '## Register the best model' },
      { kind: 'code', text: `model = ${register('"heart-best"', ', tags={"area": "heart"}')}` },
      { kind: 'code', text: 'print(model.name)\nprint(model.name, model.version)' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});

describe('rewrites: an AutoML run\'s model_id, not rewritten', () => {
  for (const [title, tail] of [
    // v1: None until register_model runs.
    ['read before the registration', ['print(remote_run.model_id)', 'model = remote_run.register_model(model_name="m")']],
    ['never registered', ['print(remote_run.model_id)']],
    // v1 generates a name from the best child's properties or the run id: no v2 counterpart.
    ['registered without model_name', ['model = remote_run.register_model(description="d")', 'print(remote_run.model_id)']],
    // Which registration ran (and whether one did) depends on the branch.
    ['registered under a branch', ['if ok:', '    model = remote_run.register_model(model_name="m")', 'print(remote_run.model_id)']],
    ['registered twice', ['a = remote_run.register_model(model_name="a")', 'b = remote_run.register_model(model_name="b")', 'print(remote_run.model_id)']],
    ['read in a function', ['model = remote_run.register_model(model_name="m")', 'def show():', '    print(remote_run.model_id)']],
    ['assigned', ['model = remote_run.register_model(model_name="m")', 'remote_run.model_id = "x"']],
  ] as Array<[string, string[]]>) {
    it(title, () => {
      const out = fixPython([...V1, ...tail, ''].join('\n'), true);
      assert.match(out, /remote_run\.model_id/);
      assert.match(out, /experiment\.submit\(/);
      assert.ok(parses(out));
    });
  }
});
