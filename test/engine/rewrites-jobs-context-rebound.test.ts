/**
 * Round 24 (runs): a job script binding its own run twice (`run = Run.get_context()` written again further
 * down, the Udacity capstone `train.py` shape), read in a function that either binding may reach. v1 returns
 * the same run each time; MLflow allows one active run (a second `mlflow.start_run()` raises), so the first
 * call becomes `mlflow.start_run()` and the others `mlflow.active_run()`, the run the script logs to
 * (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.active_run), the uses of every binding in the
 * same fix. A script asking for its run in several functions (which call runs first is not known, and a second
 * start_run raises): each call becomes `mlflow.active_run() or mlflow.start_run()` (the lead's change after the
 * round; the first rewrite gave each function its own start_run). Refused when a binding is under a branch or
 * loop, or when a use has no MLflow form (each log call only one binding reaches keeps its own standalone
 * suggestion, as before).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { parses, rewriteCases } from './helpers';

describe('rewrites, round 24 (runs): a script binding its own run more than once', () => {
  rewriteCases([
    [
      'bound twice at module level, logged from main(): start_run, then active_run, one fix',
      [
        'from azureml.core.run import Run',
        'import argparse',
        '',
        'run = Run.get_context()',
        'parser = argparse.ArgumentParser()',
        'parser.add_argument("--C", type=float, default=1.0)',
        'args = parser.parse_args()',
        'run = Run.get_context()',
        '',
        '',
        'def main():',
        '    run.log("C", args.C)',
        '    run.log("Accuracy", 0.9)',
        '    print("run:", run.id)',
        '',
        '',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n'),
      [
        'import mlflow',
        'import argparse',
        '',
        'run = mlflow.start_run()',
        'parser = argparse.ArgumentParser()',
        'parser.add_argument("--C", type=float, default=1.0)',
        'args = parser.parse_args()',
        'run = mlflow.active_run()',
        '',
        '',
        'def main():',
        '    mlflow.log_metric("C", args.C)',
        '    mlflow.log_metric("Accuracy", 0.9)',
        '    print("run:", run.info.run_id)',
        '',
        '',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n'),
    ],
    [
      'refused: a use either binding reaches, with a use that has no MLflow form (input_datasets)',
      [
        'from azureml.core import Run',
        '',
        'run = Run.get_context()',
        'data = run.input_datasets["train"]',
        'run = Run.get_context()',
        '',
        '',
        'def report(acc):',
        '    run.log("acc", acc)',
        '',
      ].join('\n'),
      [
        'from azureml.core import Run',
        '',
        'run = Run.get_context()',
        'data = run.input_datasets["train"]',
        'run = Run.get_context()',
        '',
        '',
        'def report(acc):',
        '    run.log("acc", acc)',
        '',
      ].join('\n'),
    ],
    [
      'refused: the second binding under a branch (only the log call the first binding alone reaches is rewritten)',
      [
        'from azureml.core.run import Run',
        '',
        'run = Run.get_context()',
        'run.log("a", 1)',
        'if True:',
        '    run = Run.get_context()',
        'run.log("b", 2)',
        '',
      ].join('\n'),
      [
        'import mlflow',
        'from azureml.core.run import Run',
        '',
        'run = Run.get_context()',
        'mlflow.log_metric("a", 1)',
        'if True:',
        '    run = Run.get_context()',
        'run.log("b", 2)',
        '',
      ].join('\n'),
    ],
    [
      'two functions each asking for the run (v1: the same run; a second mlflow.start_run raises, and which runs first is not known): each gets the active run or starts it',
      [
        'from azureml.core import Run',
        '',
        '',
        'def train():',
        '    run = Run.get_context()',
        '    run.log("a", 1)',
        '',
        '',
        'def evaluate():',
        '    run = Run.get_context()',
        '    run.log("b", 2)',
        '',
        '',
        'train()',
        'evaluate()',
        '',
      ].join('\n'),
      [
        'import mlflow',
        '',
        '',
        'def train():',
        '    run = mlflow.active_run() or mlflow.start_run()',
        '    mlflow.log_metric("a", 1)',
        '',
        '',
        'def evaluate():',
        '    run = mlflow.active_run() or mlflow.start_run()',
        '    mlflow.log_metric("b", 2)',
        '',
        '',
        'train()',
        'evaluate()',
        '',
      ].join('\n'),
    ],
    [
      'refused: the run completed before it is asked for again (active_run() would be None), only the log calls bridged',
      'from azureml.core import Run\n\nrun = Run.get_context()\nrun.log("a", 1)\nrun.complete()\nrun = Run.get_context()\nrun.log("b", 2)\n',
      'import mlflow\nfrom azureml.core import Run\n\nrun = Run.get_context()\nmlflow.log_metric("a", 1)\nmlflow.end_run()\nrun = Run.get_context()\nmlflow.log_metric("b", 2)\n',
    ],
  ]);

  it('a notebook: the %%writefile script binding its run twice', () => {
    const cells = [
      { kind: 'code', text: 'import os\nos.makedirs("train", exist_ok=True)' },
      {
        kind: 'code',
        text: '%%writefile train/train.py\nfrom azureml.core import Run\nimport argparse\n\nrun = Run.get_context()\nparser = argparse.ArgumentParser()\nparser.add_argument("--reg", type=float, default=0.01)\nargs = parser.parse_args()\nrun = Run.get_context()\n\ndef main():\n    run.log("reg", args.reg)\n    print("run id:", run.id)\n\nmain()',
      },
    ];
    const expected = [
      { kind: 'code', text: 'import os\nos.makedirs("train", exist_ok=True)' },
      {
        kind: 'code',
        text: '%%writefile train/train.py\nimport mlflow\nimport argparse\n\nrun = mlflow.start_run()\nparser = argparse.ArgumentParser()\nparser.add_argument("--reg", type=float, default=0.01)\nargs = parser.parse_args()\nrun = mlflow.active_run()\n\ndef main():\n    mlflow.log_metric("reg", args.reg)\n    print("run id:", run.info.run_id)\n\nmain()',
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells[1].text.replace(/^%%writefile.*\n/, '')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
