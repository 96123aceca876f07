/**
 * Review round 10 (jobs.ts, sweep.ts, estimators.ts, automl.ts; the import guard is rewrites/import-guard.ts, for every area)
 * on real MachineLearningNotebooks shapes:
 * v1 code whose azureml import is guarded by a try (`except:` / `except ImportError:`) gets no
 * suggestion, since the rewrite's own imports (mlflow, azure.ai.ml) go to the top of the module,
 * outside the guard, where a missing package no longer reaches the handler.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, rewriteCases } from './helpers';

function findingsOf(input: DocumentInput, symbol: string): Array<{ fixes?: unknown[] }> {
  return lint(input).findings.filter((x) => x.symbol === symbol) as Array<{ fixes?: unknown[] }>;
}

describe('rewrites review 10 (a): guarded azureml imports', () => {
  it('a script logging only when the SDK imports (try: ... except:): no suggestion, output unchanged', () => {
    const src = [
      'import os',
      '',
      'try:',
      '    from azureml.core import Run',
      '    run = Run.get_context()',
      '    run.log_list("losses", [0.9, 0.5, 0.2])',
      '    run.log("final", 0.2)',
      '    run.complete()',
      'except:',
      '    print("azureml-core is not installed: metrics are not logged")',
      '',
    ].join('\n');
    for (const symbol of ['azureml.core.Run.get_context', 'azureml.core.Run.log_list', 'azureml.core.Run.log']) {
      const found = findingsOf({ kind: 'python', text: src }, symbol);
      assert.ok(found.length, `a finding for ${symbol}`);
      for (const f of found) assert.deepEqual(f.fixes ?? [], [], `no fix for ${symbol}`);
    }
    assert.equal(fixPython(src, true), src);
  });

  it('a module-level import guarded by except ImportError, used later: no suggestion', () => {
    const src = [
      'import sys',
      'try:',
      '    from azureml.core.run import Run',
      'except ImportError:',
      '    sys.exit("pip install azureml-core")',
      '',
      'run = Run.get_context()',
      'run.log("loss", 0.1)',
      '',
    ].join('\n');
    for (const symbol of ['azureml.core.Run.get_context', 'azureml.core.Run.log']) {
      const found = findingsOf({ kind: 'python', text: src }, symbol);
      assert.ok(found.length, `a finding for ${symbol}`);
      for (const f of found) assert.deepEqual(f.fixes ?? [], [], `no fix for ${symbol}`);
    }
    assert.equal(fixPython(src, true), src);
  });

  it('every area (not only jobs): a workspace whose import is guarded by except ImportError gets no suggestion', () => {
    const src = 'try:\n    from azureml.core import Workspace\nexcept ImportError:\n    raise SystemExit("pip install azureml-core")\nws = Workspace.from_config()\nprint(ws.name)\n';
    for (const symbol of ['azureml.core.Workspace.from_config', 'azureml.core.Workspace.name']) {
      const found = findingsOf({ kind: 'python', text: src }, symbol);
      assert.ok(found.length, `a finding for ${symbol}`);
      for (const f of found) assert.deepEqual(f.fixes ?? [], [], `no fix for ${symbol}`);
    }
    assert.equal(fixPython(src, true), src);
  });

  // The guard does not block the unguarded shapes (how-to-log-view-metrics: run.log → mlflow.log_metric).
  rewriteCases([
    [
      'the same script without a guard: the run and its logging → MLflow',
      'from azureml.core import Run\nrun = Run.get_context()\nrun.log("loss", 0.1)\n',
      'import mlflow\nrun = mlflow.start_run()\nmlflow.log_metric("loss", 0.1)\n',
    ],
    [
      'a try whose handler has nothing to do with imports, around code without an azureml import: still rewritten',
      'from azureml.core import Run\nrun = Run.get_context()\ntry:\n    value = float(text)\nexcept ValueError:\n    value = 0.0\nrun.log("value", value)\n',
      'import mlflow\nrun = mlflow.start_run()\ntry:\n    value = float(text)\nexcept ValueError:\n    value = 0.0\nmlflow.log_metric("value", value)\n',
    ],
  ]);

  it('in a notebook: the SDK imported under try/except ImportError in the first cell, an interactive run later: no suggestion for the run', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: 'try:\n    from azureml.core import Workspace, Experiment\nexcept ImportError:\n    raise SystemExit("pip install azureml-core")' },
        { kind: 'code', text: 'ws = Workspace.from_config()\nexp = Experiment(ws, "demo")\nrun = exp.start_logging()\nrun.log("loss", 0.5)\nrun.complete()' },
      ],
    };
    for (const symbol of ['azureml.core.Experiment.start_logging', 'azureml.core.Run.log', 'azureml.core.Experiment']) {
      const found = findingsOf(input, symbol);
      assert.ok(found.length, `a finding for ${symbol}`);
      for (const f of found) assert.deepEqual(f.fixes ?? [], [], `no fix for ${symbol}`);
    }
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.ok(!out.cells.some((c) => c.text.includes('mlflow')), 'no MLflow import hoisted out of the guard');
  });
});

describe('rewrites review 10 (a): RunDetails before a cancel', () => {
  const head = [
    'from azureml.core import Workspace, Experiment, ScriptRunConfig',
    'from azureml.widgets import RunDetails',
    'ws = Workspace.from_config()',
    'exp = Experiment(ws, "demo")',
    'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu", environment="azureml:env:1")',
    'run = exp.submit(src)',
    'RunDetails(run).show()',
  ];

  it('the widget inside an expression (not its own statement) before a cancel: no suggestion', () => {
    const src = [...head.slice(0, -1), 'widget = RunDetails(run).show()', 'run.cancel()', ''].join('\n');
    for (const symbol of ['azureml.core.Experiment.submit', 'azureml.core.Run.cancel']) {
      const found = findingsOf({ kind: 'python', text: src }, symbol);
      assert.ok(found.length, `a finding for ${symbol}`);
      for (const f of found) assert.deepEqual(f.fixes ?? [], [], `no fix for ${symbol}`);
    }
  });

  // CMD (migrate-to-v2-command-job): command + jobs.create_or_update; RunDetails shown → jobs.stream; get_status → the job's status.
  const v2head = [
    'from azure.ai.ml import command',
    'from azure.ai.ml import MLClient',
    'from azure.identity import DefaultAzureCredential',
    'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
    'exp = "demo"',
    'src = command(code=".", command="python train.py", environment="azureml:env:1", compute="cpu")',
    'run = ml_client.jobs.create_or_update(src, experiment_name="demo")',
  ];
  rewriteCases([
    [
      // The widget returns at once; jobs.stream would return only once the job ended, and the cancel would find it
      // done: the job's studio link is shown instead (CMD: returned_job.studio_url), to review.
      'the widget shown, then the run cancelled: the studio link printed, not a wait',
      [...head, 'run.cancel()', ''].join('\n'),
      [...v2head, 'print(run.studio_url)  # amlint: review', 'ml_client.jobs.begin_cancel(run.name)', ''].join('\n'),
    ],
    [
      'without a cancel: the widget becomes jobs.stream',
      [...head, 'print(run.get_status())', ''].join('\n'),
      [
        ...v2head,
        'ml_client.jobs.stream(run.name)',
        'print(ml_client.jobs.get(run.name).status)',
        '',
      ].join('\n'),
    ],
  ]);
});

describe('rewrites review 10 (a): the SDK version', () => {
  it('compared or tested, azureml-core\'s version is not azure-ai-ml\'s: no suggestion', () => {
    const src = 'import azureml.core\nif azureml.core.VERSION < "1.30.0":\n    raise RuntimeError("upgrade azureml-core")\nv = azureml.core.VERSION\n';
    const found = findingsOf({ kind: 'python', text: src }, 'azureml.core.VERSION');
    assert.equal(found.length, 2);
    for (const f of found) assert.deepEqual(f.fixes ?? [], []);
    assert.equal(fixPython(src, true), src);
  });

  // Shown (printed, in a text printed): the installed azure-ai-ml version (importlib.metadata.version, Python stdlib).
  rewriteCases([
    [
      'printed as an argument, concatenated, formatted, in f-strings of either quote',
      [
        'import azureml.core',
        'print("SDK version:", azureml.core.VERSION)',
        'print("SDK " + azureml.core.VERSION)',
        'print("SDK {}".format(azureml.core.VERSION))',
        'print(f"SDK {azureml.core.VERSION}")',
        "print(f'SDK {azureml.core.VERSION}')",
        '',
      ].join('\n'),
      [
        'import importlib.metadata',
        'print("SDK version:", importlib.metadata.version("azure-ai-ml"))',
        'print("SDK " + importlib.metadata.version("azure-ai-ml"))',
        'print("SDK {}".format(importlib.metadata.version("azure-ai-ml")))',
        // before Python 3.12 an f-string may not reuse its own quote inside {}
        'print(f"SDK {importlib.metadata.version(\'azure-ai-ml\')}")',
        'print(f\'SDK {importlib.metadata.version("azure-ai-ml")}\')',
        '',
      ].join('\n'),
    ],
  ]);
});
