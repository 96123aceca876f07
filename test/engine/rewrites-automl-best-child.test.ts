/**
 * Round 28 (pipelines): `best_run = run.get_best_child()` on a submitted AutoML run (the Udacity capstone notebooks and
 * their forks). v1 AutoMLRun.get_best_child() "Return[s] the child run with the best score for this AutoML Run" (by the
 * primary metric without arguments: the run `get_output()` returns), so it is the best child job automl.ts bestChildEdit
 * writes for get_output (the parent MLflow run's `automl_best_child_run_id` tag, AUTOML's v2 notebooks), marked for
 * review, its uses rewritten as a job's (jobs.ts). Refused with `metric=` / `onnx_compatible=` (no documented v2 form).
 * (jobs.ts jobUseEdits routes `get_best_child` to bestChildEdit as it routes `get_output`.)
 */
import * as assert from 'node:assert/strict';
import { lint, type DocumentInput } from '../../server/src/engine';
import { rewriteCases } from './helpers';

const SRC = (call: string): string => [
  'from azureml.core import Workspace, Experiment, Dataset',
  'from azureml.train.automl import AutoMLConfig',
  '',
  'ws = Workspace.from_config()',
  'dataset = Dataset.get_by_name(ws, name="heart-failure")',
  'automl_config = AutoMLConfig(compute_target="cpu-cluster",',
  '                             task="classification",',
  '                             primary_metric="accuracy",',
  '                             training_data=dataset,',
  '                             label_column_name="DEATH_EVENT",',
  '                             experiment_timeout_minutes=20)',
  'remote_run = Experiment(ws, "capstone-automl").submit(automl_config)',
  'remote_run.wait_for_completion(show_output=True)',
  `best_run = remote_run.${call}`,
  'print(best_run.get_metrics())',
  '',
].join('\n');

const TRACKING = 'MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';

describe('rewrites, round 28: an AutoML run\'s get_best_child()', () => {
  describe('get_best_child() without arguments', () => {
    rewriteCases([
      [
        'best = run.get_best_child(): the best child job of the automl_best_child_run_id tag, its metrics through MLflow',
        SRC('get_best_child()'),
        [
          'from azure.ai.ml import Input',
          'from azure.ai.ml.constants import AssetTypes',
          'from azure.ai.ml.constants import InputOutputModes',
          'from azure.ai.ml import automl',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from mlflow.tracking import MlflowClient',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          '',
          'ws = ml_client',
          'dataset = ws.data.get(name="heart-failure", label="latest")',
          'automl_config = automl.classification(',
          '    compute="cpu-cluster",',
          '    primary_metric="accuracy",',
          '    training_data=Input(type=AssetTypes.MLTABLE, path="azureml:heart-failure@latest", mode=InputOutputModes.DIRECT),  # amlint: review',
          '    target_column_name="DEATH_EVENT",',
          ')',
          'automl_config.set_limits(timeout_minutes=20)',
          'remote_run = ml_client.jobs.create_or_update(automl_config, experiment_name="capstone-automl")',
          'ml_client.jobs.stream(remote_run.name)',
          `best_run = ml_client.jobs.get(${TRACKING}.get_run(remote_run.name).data.tags["automl_best_child_run_id"])  # amlint: review`,
          `print(${TRACKING}.get_run(best_run.name).data.metrics)`,
          '',
        ].join('\n'),
      ],
    ]);
  });

  for (const call of ['get_best_child(metric="AUC_weighted")', 'get_best_child(onnx_compatible=True)']) {
    it(`refused: ${call} (no documented v2 form)`, () => {
      const found = lint({ kind: 'python', text: SRC(call) } as DocumentInput).findings.filter((f) => f.message.includes('`Run.get_best_child()`'));
      assert.ok(found.length);
      for (const f of found) assert.equal(f.fixes, undefined);
    });
  }
});
