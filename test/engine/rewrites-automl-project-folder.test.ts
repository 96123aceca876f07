/**
 * Round 29 (pipelines/automl): `AutoMLConfig(..., path=project_folder)` of a remote run (the Udacity capstone
 * notebooks). azureml-train-automl-client (_azureautomlclient.py) sends no path to the service (`settings_dict['path'] =
 * None` in the parent run's DTO), uploads the folder only for a user data script, and locally only creates
 * `<path>/.azureml`: the v2 job has no counterpart and needs none, so `path=` is dropped when nothing else in the module
 * could need that folder (a literal found nowhere else; a name bound to string literals only, read only here or by
 * `os.makedirs(name, ...)`). Refused: the folder used otherwise (files copied into it), a computed path, a literal the
 * module uses elsewhere.
 */
import * as assert from 'node:assert/strict';
import { lint, type DocumentInput } from '../../server/src/engine';
import { rewriteCases } from './helpers';

function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const src = (folder: string[], arg: string): string => [
  'import os',
  'import shutil',
  'from azureml.core import Workspace, Experiment, Dataset',
  'from azureml.train.automl import AutoMLConfig',
  '',
  'ws = Workspace.from_config()',
  'train_ds = Dataset.get_by_name(ws, name="house-prices")',
  ...folder,
  `automl_config = AutoMLConfig(task="regression", compute_target="cpu-cluster", training_data=train_ds, label_column_name="price", path=${arg})`,
  'run = Experiment(ws, "automl-price").submit(automl_config)',
  '',
].join('\n');

const expected = (folder: string[]): string => [
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.constants import InputOutputModes',
  'from azure.ai.ml import automl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'import os',
  'import shutil',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  '',
  'ws = ml_client',
  'train_ds = ws.data.get(name="house-prices", label="latest")',
  ...folder,
  'automl_config = automl.regression(',
  '    compute="cpu-cluster",',
  '    training_data=Input(type=AssetTypes.MLTABLE, path="azureml:house-prices@latest", mode=InputOutputModes.DIRECT),  # amlint: review',
  '    target_column_name="price",',
  ')',
  'run = ml_client.jobs.create_or_update(automl_config, experiment_name="automl-price")',
  '',
].join('\n');

describe('rewrites, round 29: the project folder (path=) of a remote AutoMLConfig', () => {
  const made = ['project_folder = "./automl-project"', 'os.makedirs(project_folder, exist_ok=True)'];
  rewriteCases([
    ['a name bound to a literal, made by os.makedirs: path= dropped', src(made, 'project_folder'), expected(made)],
    ['a literal used nowhere else: path= dropped', src([], '"./automl-project"'), expected([])],
  ]);

  for (const [title, folder, arg] of [
    ['files copied into the folder', [...made, 'shutil.copy("score.py", project_folder)'], 'project_folder'],
    ['a computed path', ['project_folder = os.path.join(os.getcwd(), "automl")'], 'project_folder'],
    // (a function that touches no SDK value, which the semantic model does not walk)
    ['the folder read in a function', [...made, 'def prepare():', '    shutil.copy("score.py", project_folder)'], 'project_folder'],
    ['a literal also used elsewhere', ['shutil.copy("score.py", "./automl-project")'], '"./automl-project"'],
    ['a name bound to a literal on one path, to a computed value on another', ['project_folder = "./a"', 'if os.environ.get("X"):', '    project_folder = os.getcwd()'], 'project_folder'],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: src([...folder], arg) }, 'AutoMLConfig()'));
  }
});
