/**
 * Round 29 (pipelines/automl): a forecasting AutoMLConfig given its forecasting settings directly (v1's older form,
 * `time_column_name=`, `forecast_horizon=`, ... beside the task) rather than `forecasting_parameters=ForecastingParameters(...)`.
 * v1 builds ForecastingParameters from those keywords when none is given (azureml-automl-core automl_base_settings.py:
 * `ForecastingParameters.from_parameters_dict(kwargs, ...)`), so they are the v2 job's `set_forecast_settings(...)`
 * keywords, as for ForecastingParameters (AUTOML). Refused: deprecated names (max_horizon, grain_column_names: a rename
 * table), no time column, both forms at once.
 */
import * as assert from 'node:assert/strict';
import { lint, type DocumentInput } from '../../server/src/engine';
import { rewriteCases } from './helpers';

function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const HEAD = ['from azure.ai.ml import Input', 'from azureml.train.automl import AutoMLConfig', 'from azureml.automl.core.forecasting_parameters import ForecastingParameters', 'data = Input(type="mltable", path="./bike-train")'];
const config = (extra: string): string => [...HEAD, `automl_config = AutoMLConfig(task="forecasting", compute_target="cpu-cluster", training_data=data, label_column_name="cnt"${extra})`, ''].join('\n');

describe('rewrites, round 29: forecasting settings given to AutoMLConfig itself', () => {
  rewriteCases([
    [
      'time_column_name and forecast_horizon beside the task: set_forecast_settings',
      config(', time_column_name="date", forecast_horizon=14, primary_metric="normalized_root_mean_squared_error", experiment_timeout_minutes=20'),
      [
        'from azure.ai.ml import automl',
        'from azure.ai.ml import Input',
        'data = Input(type="mltable", path="./bike-train")',
        'automl_config = automl.forecasting(compute="cpu-cluster", training_data=data, target_column_name="cnt", primary_metric="normalized_root_mean_squared_error")',
        'automl_config.set_forecast_settings(time_column_name="date", forecast_horizon=14)',
        'automl_config.set_limits(timeout_minutes=20)',
        '',
      ].join('\n'),
    ],
    [
      'freq and time_series_id_column_names: their v2 keywords (frequency=)',
      config(', time_column_name="date", freq="D", time_series_id_column_names=["store"]'),
      [
        'from azure.ai.ml import automl',
        'from azure.ai.ml import Input',
        'data = Input(type="mltable", path="./bike-train")',
        'automl_config = automl.forecasting(compute="cpu-cluster", training_data=data, target_column_name="cnt")',
        'automl_config.set_forecast_settings(time_column_name="date", frequency="D", time_series_id_column_names=["store"])',
        '',
      ].join('\n'),
    ],
  ]);

  for (const [title, extra] of [
    ['a deprecated name (max_horizon)', ', time_column_name="date", max_horizon=14'],
    ['a deprecated name (grain_column_names)', ', time_column_name="date", grain_column_names=["store"]'],
    ['no time column', ', forecast_horizon=14'],
    ['both forms at once', ', time_column_name="date", forecasting_parameters=ForecastingParameters(time_column_name="date")'],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: config(extra) }, 'AutoMLConfig()'));
  }
});
