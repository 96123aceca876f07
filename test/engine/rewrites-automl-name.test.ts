/**
 * Round 25 (jobs): `AutoMLConfig(name="...", ...)`, the DP-100 AutoML lab shape (mslearn-dp100 lab 12, DP-100 08B/09A
 * and their forks). `name` is no AutoMLConfig parameter: AutoMLBaseSettings sets leftover keyword arguments as
 * attributes of its settings (azureml-automl-core automl_base_settings.py), where AzureAutoMLSettings keeps the
 * experiment's name; the run still goes to the experiment `submit` is called on. v2 has no counterpart, so a literal
 * `name=` is dropped (as `debug_log` is) and the rest follows AUTOML
 * (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-automl). Anything else than a literal
 * string there is refused.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, rewriteCases } from './helpers';

const V1 = [
  'from azureml.core import Workspace, Experiment, Dataset',
  'from azureml.train.automl import AutoMLConfig',
  '',
  'ws = Workspace.from_config()',
  'diabetes_ds = Dataset.get_by_name(ws, "diabetes dataset")',
];
const CONFIG = [
  "automl_config = AutoMLConfig(name='Automated ML Experiment',",
  "                             task='classification',",
  '                             compute_target="cpu-cluster",',
  '                             training_data=diabetes_ds,',
  "                             label_column_name='Diabetic',",
  '                             iterations=4,',
  "                             primary_metric='AUC_weighted',",
  '                             max_concurrent_iterations=2,',
  "                             featurization='auto'",
  '                             )',
];
const SUBMIT = [
  "automl_experiment = Experiment(ws, 'mslearn-diabetes-automl-sdk')",
  'automl_run = automl_experiment.submit(automl_config)',
  'automl_run.wait_for_completion(show_output=True)',
];
const V2_IMPORTS = [
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.constants import InputOutputModes',
  'from azure.ai.ml import automl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  '',
];
// AUTOML: the task's factory, iterations → max_trials and max_concurrent_iterations → max_concurrent_trials
// through set_limits, featurization through set_featurization; a registered v1 TabularDataset as an MLTable input.
const V2_CONFIG = [
  'automl_config = automl.classification(',
  '    compute="cpu-cluster",',
  '    training_data=Input(type=AssetTypes.MLTABLE, path="azureml:diabetes dataset@latest", mode=InputOutputModes.DIRECT),  # amlint: review',
  "    target_column_name='Diabetic',",
  "    primary_metric='AUC_weighted',",
  ')',
  'automl_config.set_limits(max_trials=4, max_concurrent_trials=2)',
  "automl_config.set_featurization(mode='auto')",
];
const V2_SUBMIT = [
  "automl_experiment = 'mslearn-diabetes-automl-sdk'",
  "automl_run = ml_client.jobs.create_or_update(automl_config, experiment_name='mslearn-diabetes-automl-sdk')",
  'ml_client.jobs.stream(automl_run.name)',
];

describe('rewrites, round 25 (jobs): AutoMLConfig with a name= (the DP-100 AutoML lab)', () => {
  rewriteCases([
    [
      'a literal name= is dropped, the submitted AutoML job rewritten as without it',
      [...V1, ...CONFIG, ...SUBMIT, ''].join('\n'),
      [...V2_IMPORTS, 'ws = ml_client', 'diabetes_ds = ws.data.get(name="diabetes dataset", label="latest")', ...V2_CONFIG, ...V2_SUBMIT, ''].join('\n'),
    ],
  ]);

  for (const [title, value] of [
    ['a name= read from a variable', 'run_name'],
    ['a name= given as an f-string', 'f"automl-{run_name}"'],
  ]) {
    it(`refused: ${title} (only a literal is known to have no other use)`, () => {
      const src = [...V1, 'run_name = input()', ...CONFIG.map((l) => l.replace("name='Automated ML Experiment'", `name=${value}`)), ...SUBMIT, ''].join('\n');
      const out = fixPython(src, true);
      assert.match(out, /AutoMLConfig\(name=/);
      assert.match(out, /automl_experiment\.submit\(automl_config\)/);
    });
  }

  it('a notebook: the configuration, the submission and the wait in separate cells (lab 12)', () => {
    const cells = [
      { kind: 'code', text: V1.join('\n') },
      { kind: 'markdown', text: '## Configure automated machine learning' },
      { kind: 'code', text: ['from azureml.train.automl import AutoMLConfig', '', ...CONFIG, '', 'print("Ready for Auto ML run.")'].join('\n') },
      { kind: 'code', text: ['from azureml.core.experiment import Experiment', 'from azureml.widgets import RunDetails', '', ...SUBMIT.slice(0, 2), 'RunDetails(automl_run).show()'].join('\n') },
      { kind: 'code', text: SUBMIT[2] },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => c.text), [
      [...V2_IMPORTS, 'ws = ml_client', 'diabetes_ds = ws.data.get(name="diabetes dataset", label="latest")'].join('\n'),
      '## Configure automated machine learning',
      [...V2_CONFIG, '', 'print("Ready for Auto ML run.")'].join('\n'),
      V2_SUBMIT.join('\n'),
      'ml_client.jobs.stream(automl_run.name)',
    ]);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(again.cells.map((c) => c.text), out.cells.map((c) => c.text), 'a second run changes nothing');
  });
});
