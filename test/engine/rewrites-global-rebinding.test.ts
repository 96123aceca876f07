/**
 * Round 34 (clean-ups): builders that read a name's one value (a `**settings` dict given to AutoMLConfig, a list
 * given to `CondaDependencies.create`) now take it from common.ts `onlyValue`, which also honours `declaredGlobal`:
 * a module name that some function declares `global` and re-binds is not bound once. The semantic model does not
 * walk a function body that touches no SDK, so such a re-binding was not among the name's bindings and the
 * builders inlined the module-level value.
 *
 * The refusals are correct: when the function runs before the v1 call (as here), v1 reads the re-bound value at
 * that call, while the rewrite would write the module-level value into the v2 code (and delete or keep the first
 * assignment): the v2 job would get other settings / other packages than the v1 code did. The same shape with a
 * function that binds a local of the same name (no `global`) leaves the module value alone, and is rewritten.
 * Two builders that accept a name bound again by straight-line statements (jobs.ts listOfName, estimators.ts
 * dictOf: the MLN notebooks' `args = [...]` / `script_params = {...}` before each run) check declaredGlobal too;
 * dictOf also took a name bound in both branches of an `if` (the model gives the use to the last binding), whose
 * other branch v1 may run: refused now.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, refused, rewriteCases } from './helpers';

const AUTOML_HEAD = ['from azure.ai.ml import Input', 'from azureml.train.automl import AutoMLConfig', 'data = Input(type="mltable", path="./train-mltable")', 'automl_settings = {', '    "iterations": 30,', '    "primary_metric": "AUC_weighted",', '}'];
const AUTOML_CALL = 'config = AutoMLConfig(task="classification", compute_target="cpu-cluster", training_data=data, label_column_name="y", **automl_settings)';

const ENV_HEAD = ['from azureml.core import Workspace, Environment', 'from azureml.core.conda_dependencies import CondaDependencies', '', 'ws = Workspace.from_config()', 'packages = ["numpy", "pandas"]'];
const ENV_TAIL = [
  "env = Environment('e')",
  'env.python.conda_dependencies = CondaDependencies.create(conda_packages=packages, pip_packages=["azureml-defaults", "lightgbm"], pin_sdk_version=False)',
  'env.register(ws)',
  '',
];

describe('rewrites, round 34: a module name re-bound by a function declaring it global is not bound once', () => {
  rewriteCases([
    [
      'AutoMLConfig(**settings), a function binding a local of the same name: the module dict is what v1 reads',
      [...AUTOML_HEAD, 'def quick():', '    automl_settings = {"iterations": 2, "primary_metric": "accuracy"}', '    return automl_settings', 'quick()', AUTOML_CALL, ''].join('\n'),
      [
        'from azure.ai.ml import automl',
        'from azure.ai.ml import Input',
        'data = Input(type="mltable", path="./train-mltable")',
        '',
        'def quick():',
        '    automl_settings = {"iterations": 2, "primary_metric": "accuracy"}',
        '    return automl_settings',
        'quick()',
        'config = automl.classification(compute="cpu-cluster", training_data=data, target_column_name="y", primary_metric="AUC_weighted")',
        'config.set_limits(max_trials=30)',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused: AutoMLConfig(**settings) whose dict a function re-binds through `global` (v1 runs 2 iterations on accuracy)', () =>
    refused([...AUTOML_HEAD, 'def quick():', '    global automl_settings', '    automl_settings = {"iterations": 2, "primary_metric": "accuracy"}', 'quick()', AUTOML_CALL, ''].join('\n'), 'AutoMLConfig()'));

  it('refused: CondaDependencies.create(conda_packages=packages) whose list a function re-binds through `global` (v1 also installs matplotlib)', () =>
    refused([...ENV_HEAD, 'def add_plotting():', '    global packages', '    packages = packages + ["matplotlib"]', 'add_plotting()', ...ENV_TAIL].join('\n'), 'Environment()'));

  const SRC_HEAD = ['from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment', 'ws = Workspace.from_config()', 'env = Environment.get(ws, "sk-env")'];
  it('refused: ScriptRunConfig(arguments=args) whose list a function re-binds through `global` (v1 passes --reg 0.1)', () =>
    refused(
      [
        ...SRC_HEAD,
        'args = ["--reg", 0.5]',
        'def lower():',
        '    global args',
        '    args = ["--reg", 0.1]',
        'lower()',
        'src = ScriptRunConfig(source_directory=".", script="train.py", arguments=args, compute_target="cpu", environment=env)',
        'run = Experiment(ws, "e").submit(src)',
        '',
      ].join('\n'),
      'ScriptRunConfig()',
    ));

  const SK_HEAD = ['from azureml.core import Workspace, Experiment', 'from azureml.train.sklearn import SKLearn', 'ws = Workspace.from_config()'];
  const SK_TAIL = ['est = SKLearn(source_directory="./src", script_params=script_params, compute_target="cpu", entry_script="train.py")', 'run = Experiment(ws, "sk").submit(est)', ''];
  it('refused: SKLearn(script_params=d) whose dict a function re-binds through `global` (v1 passes --kernel linear)', () =>
    refused([...SK_HEAD, "script_params = {'--kernel': 'rbf'}", 'def linear():', '    global script_params', "    script_params = {'--kernel': 'linear'}", 'linear()', ...SK_TAIL].join('\n'), 'SKLearn()'));
  // Review of round 34. The model resolves a read inside a function to the first module binding, while the
  // function runs after all of them; and it does not walk a function body that touches no SDK, so a read there
  // is not among a binding's uses (common.ts soleUse): removing or inlining the binding would break the function.
  it('refused: ScriptRunConfig(arguments=args) in a function, the module binding args again before calling it (v1 passes --reg 0.1)', () =>
    refused(
      [
        ...SRC_HEAD,
        'args = ["--reg", 0.5]',
        'def submit():',
        '    src = ScriptRunConfig(source_directory=".", script="train.py", arguments=args, compute_target="cpu", environment=env)',
        '    run = Experiment(ws, "e").submit(src)',
        'args = ["--reg", 0.1]',
        'submit()',
        '',
      ].join('\n'),
      'ScriptRunConfig()',
    ));
  it('refused: AutoMLConfig(**settings) whose dict a function also reads (removing the dict would break show())', () =>
    refused([...AUTOML_HEAD, 'def show():', '    print(automl_settings)', 'show()', AUTOML_CALL, ''].join('\n'), 'AutoMLConfig()'));
  it('refused: AutoMLConfig(**settings) whose dict a function reads through `global`', () =>
    refused([...AUTOML_HEAD, 'def show():', '    global automl_settings', '    print(automl_settings)', 'show()', AUTOML_CALL, ''].join('\n'), 'AutoMLConfig()'));
  it('refused: Dataset.get_by_name(name=n), n a name v2 refuses ("diabetes data") that a function reads through `global`', () =>
    refused(
      ['from azureml.core import Workspace, Dataset', 'ws = Workspace.from_config()', 'dataset_name = "diabetes data"', 'def show():', '    global dataset_name', '    print(dataset_name)', 'show()', 'df = Dataset.get_by_name(ws, name=dataset_name).to_pandas_dataframe()', ''].join('\n'),
      'Dataset.get_by_name()',
    ));
  it('SKLearn(script_params=d) twice under `if __name__ == "__main__":`, d bound again before the second: each command gets its own', () => {
    const out = fixPython(
      [...SK_HEAD, 'if __name__ == "__main__":', "    script_params = {'--kernel': 'rbf'}", '    est = SKLearn(source_directory="./src", script_params=script_params, compute_target="cpu", entry_script="train.py")', '    run = Experiment(ws, "sk").submit(est)', "    script_params = {'--kernel': 'linear'}", '    est2 = SKLearn(source_directory="./src", script_params=script_params, compute_target="cpu", entry_script="train.py")', '    run2 = Experiment(ws, "sk").submit(est2)', ''].join('\n'),
      true,
    );
    assert.deepEqual([...out.matchAll(/ command="([^"]*)"/g)].map((m) => m[1]), ['python train.py --kernel rbf', 'python train.py --kernel linear']);
    assert.ok(!out.includes('SKLearn'), out);
  });
  it('refused: SKLearn(script_params=d) whose dict is bound in both branches of an if (v1 passes --kernel rbf when fast)', () =>
    refused([...SK_HEAD, 'if fast:', "    script_params = {'--kernel': 'rbf'}", 'else:', "    script_params = {'--kernel': 'linear'}", ...SK_TAIL].join('\n'), 'SKLearn()'));
});
