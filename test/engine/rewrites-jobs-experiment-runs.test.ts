/**
 * Round 27 (labjobs): an experiment's runs listed (DP-100 lab 04 "Run Experiments").
 * - `ws.experiments["name"]` (inline, or a name bound to it once) whose `get_runs()` a loop iterates → the experiment's
 *   top-level MLflow runs, newest first, as for `Experiment(ws, "name")` (how-to-track-experiments-mlflow);
 * - `run = list(exp.get_runs())[0]` (the newest run) → the first of those runs, its uses read as a listed run's,
 *   also when `run` is bound again elsewhere (a notebook's earlier cells) and this binding alone reaches its uses.
 * Refused: an f-string key, a listed run used otherwise (cancel), another index than `[0]`.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const CLIENT = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];
const TRACK = 'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)';
const RUNS = (v: string, name: string): string => `[${v} for ${v} in mlflow.search_runs(experiment_names=[${name}], output_format="list") if "mlflow.parentRunId" not in ${v}.data.tags]`;

describe('rewrites round 27 (labjobs): experiment runs listed', () => {
  rewriteCases([
    [
      'ws.experiments[name] bound to a name, its runs iterated (lab 04)',
      [
        'from azureml.core import Workspace, Experiment, Run',
        'ws = Workspace.from_config()',
        "diabetes_experiment = ws.experiments['mslearn-diabetes']",
        'for logged_run in diabetes_experiment.get_runs():',
        "    print('Run ID:', logged_run.id)",
        '    metrics = logged_run.get_metrics()',
        '    for key in metrics.keys():',
        "        print('-', key, metrics.get(key))",
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        // (the name, used only there, keeps the experiment's name as the Experiment(ws, name) form does)
        "diabetes_experiment = 'mslearn-diabetes'",
        TRACK,
        `for logged_run in ${RUNS('logged_run', "'mslearn-diabetes'")}:`,
        "    print('Run ID:', logged_run.info.run_id)",
        '    metrics = logged_run.data.metrics',
        '    for key in metrics.keys():',
        "        print('-', key, metrics.get(key))",
        '',
      ].join('\n'),
    ],
    [
      'ws.experiments[name] inline',
      [
        'from azureml.core import Workspace',
        'ws = Workspace.from_config()',
        'for r in ws.experiments["diabetes"].get_runs():',
        '    print(r.id, r.get_metrics())',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        TRACK,
        `for r in ${RUNS('r', '"diabetes"')}:`,
        '    print(r.info.run_id, r.data.metrics)',
        '',
      ].join('\n'),
    ],
    [
      'the newest run as list(exp.get_runs())[0]',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'experiment = Experiment(workspace=ws, name="mslearn-diabetes-mlflow")',
        'run = list(experiment.get_runs())[0]',
        'metrics = run.get_metrics()',
        'for key in metrics.keys():',
        '    print(key, metrics.get(key))',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mlflow',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'experiment = "mslearn-diabetes-mlflow"',
        TRACK,
        `run = list(${RUNS('run', '"mslearn-diabetes-mlflow"')})[0]`,
        'metrics = run.data.metrics',
        'for key in metrics.keys():',
        '    print(key, metrics.get(key))',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook (lab 04): the MLflow experiment, then its newest run; `run` bound before in another cell', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nimport mlflow\nws = Workspace.from_config()' },
      { kind: 'code', text: 'run = 5\nprint(run)' },
      { kind: 'code', text: 'mlflow.set_tracking_uri(ws.get_mlflow_tracking_uri())\nexperiment = Experiment(workspace=ws, name="mslearn-diabetes-mlflow")\nmlflow.set_experiment(experiment.name)\nwith mlflow.start_run():\n    mlflow.log_metric("observations", 10)' },
      { kind: 'markdown', text: 'The latest run.' },
      { kind: 'code', text: 'run = list(experiment.get_runs())[0]\nmetrics = run.get_metrics()\nfor key in metrics.keys():\n    print(key, metrics.get(key))' },
    ];
    const expected = [
      // (round 28: once the runs' listing migrated, the experiment is read only as `experiment.name`: it becomes its
      // name, which mlflow.set_experiment(experiment_name) takes, and the workspace, left unused, goes)
      { kind: 'code', text: [...CLIENT, 'import mlflow', 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())'].join('\n') },
      { kind: 'code', text: 'run = 5\nprint(run)' },
      // (MLflow already points at the workspace: no second set_tracking_uri)
      { kind: 'code', text: `${TRACK}\nexperiment = "mslearn-diabetes-mlflow"\nmlflow.set_experiment(experiment)\nwith mlflow.start_run():\n    mlflow.log_metric("observations", 10)` },
      { kind: 'markdown', text: 'The latest run.' },
      { kind: 'code', text: `run = list(${RUNS('run', '"mslearn-diabetes-mlflow"')})[0]\nmetrics = run.data.metrics\nfor key in metrics.keys():\n    print(key, metrics.get(key))` },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  const refused: Array<[string, string]> = [
    ['an f-string key', 'from azureml.core import Workspace\nws = Workspace.from_config()\ni = 1\nfor r in ws.experiments[f"exp{i}"].get_runs():\n    print(r.id)\n'],
    ['a listed run cancelled', 'from azureml.core import Workspace\nws = Workspace.from_config()\nexp = ws.experiments["x"]\nfor r in exp.get_runs():\n    r.cancel()\n'],
    ['another index than [0]', 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "x")\nrun = list(exp.get_runs())[1]\nprint(run.get_metrics())\n'],
  ];
  for (const [title, src] of refused) {
    it(`refused: ${title}`, () => {
      // (the runs' listing offers no fix, and nothing else in these files is rewritten: the text stays as it is)
      const found = lint({ kind: 'python', text: src }).findings.filter((f) => f.message.includes('`Experiment.get_runs()`'));
      assert.equal(found.length, 1);
      assert.equal(found[0]!.fixes, undefined);
      assert.equal(fixPython(src, true), src);
    });
  }
});
