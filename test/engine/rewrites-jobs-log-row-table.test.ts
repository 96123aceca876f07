/**
 * Round 32 (jobs), jobs.ts `logRowTable`: `run.log_row(name, col=v, ...)` whose row holds text (`stat=keys[i]`, a
 * string literal) or whose table is named by a variable (the DP-100 labs' `for col in summary_stats: ...
 * run.log_row(col, stat=keys[index], value=values[index])`) → `mlflow.log_table(data={"col": [v], ...},
 * artifact_file="<name>.json")`: v1 adds one row per call to the run's table (azureml-core Run.log_row); MLflow's
 * log_table writes `pd.DataFrame(data)` as a JSON artifact and appends to that artifact when it already exists
 * (mlflow/tracking/client.py `log_table`, https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.log_table).
 * A row of numbers under a literal name keeps its `mlflow.log_metrics({"t.a": ...})` form (rewrites-jobs.test.ts).
 * Refused: a name log_table cannot take as a file (`" ' , : [ ] { }`, a folder) or an expression other than a
 * literal or a name, and a call whose value is used.
 *
 * Also jobs.ts `jobArtifactPath`: `register_model(model_path="outputs/" + f)`, f a name holding no folder → the
 * artifact URI `.../paths/outputs/{f}` (v1 normalises the path: `outputs/<f>`).
 */
import * as assert from 'node:assert/strict';
import { fixPython, parses, rewriteCases } from './helpers';

describe('rewrites round 32 (jobs): log_row rows with text as MLflow tables', () => {
  rewriteCases([
    [
      'a row of numbers under a name bound once to a literal → the same metrics as under the literal itself (review 32)',
      [
        'from azureml.core import Run',
        'run = Run.get_context()',
        'T = "t"',
        'run.log_row(T, a=1, b=2)',
        'run.log_row("t", a=3, b=4)',
        '',
      ].join('\n'),
      [
        'import mlflow',
        'run = mlflow.start_run()',
        'T = "t"',
        'mlflow.log_metrics({"t.a": 1, "t.b": 2})',
        'mlflow.log_metrics({"t.a": 3, "t.b": 4})',
        '',
      ].join('\n'),
    ],
    [
      'a script logs summary rows per column (the table named by the loop variable)',
      [
        'from azureml.core import Run',
        'run = Run.get_context()',
        'for col in stats:',
        '    for i in range(len(keys)):',
        '        run.log_row(col, stat=keys[i], value=values[i])',
        'run.complete()',
        '',
      ].join('\n'),
      [
        'import mlflow',
        'run = mlflow.start_run()',
        'for col in stats:',
        '    for i in range(len(keys)):',
        '        mlflow.log_table(data={"stat": [keys[i]], "value": [values[i]]}, artifact_file=f"{col}.json")',
        'mlflow.end_run()',
        '',
      ].join('\n'),
    ],
    [
      'a literal table name and a text column beside a number',
      [
        'from azureml.core import Run',
        'run = Run.get_context()',
        'run.log("rmse", rmse)',
        "run.log_row('scores', metric='rmse', score=rmse)",
        '',
      ].join('\n'),
      [
        'import mlflow',
        'run = mlflow.start_run()',
        'mlflow.log_metric("rmse", rmse)',
        'mlflow.log_table(data={"metric": [\'rmse\'], "score": [rmse]}, artifact_file="scores.json")',
        '',
      ].join('\n'),
    ],
    [
      'a name given by keyword, the table named by a constant',
      [
        'from azureml.core import Run',
        'TABLE = "fold results"',
        'run = Run.get_context()',
        'run.log_row(name=TABLE, fold=str(k), auc=auc)',
        '',
      ].join('\n'),
      [
        'import mlflow',
        'TABLE = "fold results"',
        'run = mlflow.start_run()',
        'mlflow.log_table(data={"fold": [str(k)], "auc": [auc]}, artifact_file=f"{TABLE}.json")',
        '',
      ].join('\n'),
    ],
    [
      'a row of numbers under a literal name stays a set of metrics',
      'from azureml.core import Run\nrun = Run.get_context()\nrun.log_row("Cosine Wave", angle=a, cos=c)\n',
      'import mlflow\nrun = mlflow.start_run()\nmlflow.log_metrics({"Cosine Wave.angle": a, "Cosine Wave.cos": c})\n',
    ],
  ]);

  rewriteCases([
    [
      'an interactive run uploads outputs/<name> and registers that artifact by "outputs/" + name',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'run = Experiment(ws, "bikes").start_logging()',
        'model_nm = "bikeshare.pkl"',
        'run.upload_file("outputs/" + model_nm, model_nm)',
        'run.register_model(model_name="bikeshare", model_path="outputs/" + model_nm)',
        'run.complete()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mlflow',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
        'mlflow.set_experiment("bikes")',
        'run = mlflow.start_run()',
        'model_nm = "bikeshare.pkl"',
        'mlflow.log_artifact(model_nm, artifact_path="outputs")',
        'ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="bikeshare", path=f"azureml://jobs/{run.info.run_id}/outputs/artifacts/paths/outputs/{model_nm}", type=AssetTypes.CUSTOM_MODEL))',
        'mlflow.end_run()',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused: register_model of "outputs/" + a name that may hold a folder', () => {
    const src = 'from azureml.core import Run\nrun = Run.get_context()\nrun.register_model(model_name="m", model_path="outputs/" + sub)\n';
    const out = fixPython(src, true);
    assert.ok(out.includes('register_model('), out);
    assert.ok(parses(out));
  });

  const refused: Array<[string, string]> = [
    ['a name with a colon (log_table refuses it in artifact_file)', 'run.log_row("fold:1", kind="x")'],
    ['a name with a folder', 'run.log_row("tables/fold", kind="x")'],
    ['a name bound to a string with a comma', 'name = "a,b"\nrun.log_row(name, kind="x")'],
    ['a name made by an expression', 'run.log_row("fold" + str(i), kind="x")'],
    ['an f-string name', 'run.log_row(f"fold{i}", kind="x")'],
    ['its value used', 'r = run.log_row(col, kind="x")'],
    ['a description', 'run.log_row(col, description="d", kind="x")'],
    ['no column', 'run.log_row(col)'],
  ];
  for (const [title, line] of refused) {
    it(`refused: ${title}`, () => {
      const src = `from azureml.core import Run\nrun = Run.get_context()\n${line}\n`;
      const out = fixPython(src, true);
      assert.ok(out.includes('log_row('), out);
      assert.ok(!out.includes('log_table('), out);
      assert.ok(parses(out));
    });
  }
});
