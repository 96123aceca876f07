import * as assert from 'node:assert/strict';
import { applyFixes, fixDocument, lint, type DocumentInput, type Fix } from '../../server/src/engine';
import { fixPython, parses } from './helpers';

const py = (text: string): DocumentInput => ({ kind: 'python', text });

function fix(text: string, unsafe = true): string {
  return fixPython(text, unsafe);
}

/** The "Migrate the uses of ..." suggestion of the AML100 finding on `line` (0-based), if any. */
function migration(text: string, line: number): Fix | undefined {
  const found = lint(py(text)).findings.filter((f) => f.code === 'AML100' && f.range.start.line === line);
  assert.equal(found.length, 1, `one AML100 finding on line ${line}`);
  return found[0].fixes?.find((f) => f.title.startsWith('Migrate the uses of'));
}

function applied(text: string, suggestion: Fix): string {
  return (applyFixes(py(text), [suggestion]).output as { text: string }).text;
}

const IMPORTS = 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n';

describe('AML100: migrating an import still in use', () => {
  // [title, v1 source, line of the import, expected title, v2 source]: the suggestion alone
  // gives what --fix --unsafe-fixes gives.
  const cases: Array<[string, string, number, string, string]> = [
    [
      'import azureml.core used only by azureml.core.VERSION: the added import takes its line',
      'import azureml.core\nprint("SDK version:", azureml.core.VERSION)\n',
      0,
      'Migrate the uses of azureml.core to SDK v2 and remove this import',
      'import importlib.metadata\nprint("SDK version:", importlib.metadata.version("azure-ai-ml"))\n',
    ],
    [
      'Workspace used only by Workspace.from_config(): the workspace and its property reads become one MLClient',
      'import os\nfrom azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws.name, ws.resource_group, os.sep)\n',
      1,
      'Migrate the uses of Workspace to SDK v2 and remove this import',
      `${IMPORTS}import os\nws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.workspace_name, ws.resource_group_name, os.sep)\n`,
    ],
    [
      'Run.get_context() goes with the rewrites of the run.log calls on its run (MLflow logs to the job\'s run)',
      'from azureml.core.run import Run\nrun = Run.get_context()\nrun.log("accuracy", acc)\nrun.log("loss", loss)\n',
      0,
      'Migrate the uses of Run to SDK v2 and remove this import',
      'import mlflow\nrun = mlflow.start_run()\nmlflow.log_metric("accuracy", acc)\nmlflow.log_metric("loss", loss)\n',
    ],
    [
      'a name of the same statement that is not v1 stays',
      'import os, azureml.core\nprint(azureml.core.VERSION, os.sep)\n',
      0,
      'Migrate the uses of azureml.core to SDK v2 and remove it from this import',
      'import importlib.metadata\nimport os\nprint(importlib.metadata.version("azure-ai-ml"), os.sep)\n',
    ],
    [
      'an unused v1 name of the same statement goes with it',
      'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nprint(ws.subscription_id)\n',
      0,
      'Migrate the uses of Workspace to SDK v2 and remove this import',
      `${IMPORTS}ws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.subscription_id)\n`,
    ],
    [
      'an import inside a function: the v2 imports go at the top, the import line goes',
      'import os\n\ndef version():\n    import azureml.core\n    print(azureml.core.VERSION)\n',
      3,
      'Migrate the uses of azureml.core to SDK v2 and remove this import',
      'import importlib.metadata\nimport os\n\ndef version():\n    print(importlib.metadata.version("azure-ai-ml"))\n',
    ],
    [
      // (Not under `try/except ImportError`: a rewrite there would move the import out of the handler's reach.)
      'an import alone in an if block: the block keeps `pass`',
      'if SHOW_VERSION:\n    import azureml.core\nprint(azureml.core.VERSION)\n',
      1,
      'Migrate the uses of azureml.core to SDK v2 and remove this import',
      'import importlib.metadata\nif SHOW_VERSION:\n    pass\nprint(importlib.metadata.version("azure-ai-ml"))\n',
    ],
  ];
  for (const [title, src, line, name, expected] of cases) {
    it(title, () => {
      const suggestion = migration(src, line);
      assert.ok(suggestion, 'the AML100 finding carries the suggestion');
      assert.equal(suggestion.title, name);
      assert.equal(suggestion.safety, 'suggestion');
      assert.equal(applied(src, suggestion), expected, 'the suggestion alone');
      const out = fix(src);
      assert.equal(out, expected, '--fix --unsafe-fixes');
      assert.ok(parses(out));
      assert.equal(fix(out), out, 'a second run changes nothing');
      assert.deepEqual(lint(py(out)).findings.filter((f) => /^AML1/.test(f.code)), []);
    });
  }

  describe('the compute get-or-create pattern (one fix offered on several findings; a bare except clause)', () => {
    const src = [
      'from azureml.core import Workspace',
      'from azureml.core.compute import ComputeTarget, AmlCompute',
      'from azureml.core.compute_target import ComputeTargetException',
      'ws = Workspace.from_config()',
      'try:',
      '    cluster = ComputeTarget(workspace=ws, name="cpu")',
      'except ComputeTargetException:',
      '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=4)',
      '    cluster = ComputeTarget.create(ws, "cpu", config)',
      'cluster.wait_for_completion(show_output=True)',
      '',
    ].join('\n');
    // COMP: compute.get raises ResourceNotFoundError; AmlCompute entity with v1's max_nodes and
    // idle default (1800 s); begin_create_or_update returns a poller whose result() waits.
    const expected = [
      'from azure.ai.ml import MLClient',
      'from azure.identity import DefaultAzureCredential',
      'import azure.ai.ml.entities',
      'from azure.core.exceptions import ResourceNotFoundError',
      'ws = MLClient.from_config(credential=DefaultAzureCredential())',
      'try:',
      '    cluster = ws.compute.get("cpu")',
      'except ResourceNotFoundError:',
      '    config = azure.ai.ml.entities.AmlCompute(name="cpu", size="STANDARD_D2_V2", max_instances=4, idle_time_before_scale_down=1800)',
      '    cluster = ws.compute.begin_create_or_update(config).result()',
      'print(cluster.provisioning_state)',
      '',
    ].join('\n');

    it('--fix --unsafe-fixes migrates the whole pattern', () => {
      assert.equal(fix(src), expected);
    });
    for (const [line, names] of [[0, 'Workspace'], [1, 'ComputeTarget, AmlCompute'], [2, 'ComputeTargetException']] as const) {
      it(`the ${names} import: its suggestion, then the safe fixes, give the same code`, () => {
        const suggestion = migration(src, line);
        assert.ok(suggestion);
        assert.equal(suggestion.title, `Migrate the uses of ${names} to SDK v2 and remove this import`);
        // Edits offered by several findings (the compute fix is on five of them) are there once.
        const keys = suggestion.edits.map((e) => JSON.stringify(e));
        assert.equal(new Set(keys).size, keys.length);
        const once = applied(src, suggestion);
        assert.ok(parses(once));
        assert.ok(!once.includes(src.split('\n')[line]), 'its import is gone');
        assert.equal(fix(once, false), expected);
      });
    }
  });

  it('a use inside another rewrite counts as rewritten (Datastore(Workspace.from_config(), name))', () => {
    const src = 'from azureml.core import Workspace\nfrom azureml.core import Datastore\nws = Workspace.from_config()\nds = Datastore(Workspace.from_config(), "blob")\nprint(ws.name, ds.name)\n';
    const suggestion = migration(src, 0);
    assert.ok(suggestion);
    // DS: the default workspace's datastore by name from the config file's client.
    assert.equal(
      applied(src, suggestion),
      `${IMPORTS}from azureml.core import Datastore\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nws = MLClient.from_config(credential=DefaultAzureCredential())\nds = ml_client.datastores.get(name="blob")\nprint(ws.workspace_name, "blob")\n`,
    );
  });

  it('in a notebook: the import in one cell, its uses in another; the edits land in their cells', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'markdown', text: '# Train' },
        { kind: 'code', text: 'import os\nfrom azureml.core import Workspace' },
        { kind: 'code', text: 'ws = Workspace.from_config()\nprint(ws.name)' },
      ],
    };
    const finding = lint(input).findings.find((f) => f.code === 'AML100');
    const suggestion = finding?.fixes?.find((f) => f.title.startsWith('Migrate the uses of'));
    assert.ok(suggestion);
    const expected = [
      { kind: 'markdown', text: '# Train' },
      { kind: 'code', text: `${IMPORTS}import os` },
      { kind: 'code', text: 'ws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.workspace_name)' },
    ];
    assert.deepEqual((applyFixes(input, [suggestion]).output as { cells: unknown }).cells, expected);
    assert.deepEqual((fixDocument(input, undefined, { unsafe: true }).output as { cells: unknown }).cells, expected);
  });

  describe('no suggestion', () => {
    const none: Array<[string, string, number]> = [
      ['a use without a rewrite (Dataset.Tabular.from_delimited_files)', 'import azureml.core\nprint(azureml.core.VERSION)\nds = azureml.core.Dataset.Tabular.from_delimited_files(path)\n', 0],
      ['the workspace is still used as a v1 workspace (its key vault), so from_config has no rewrite', 'from azureml.core import Workspace\nws = Workspace.from_config()\nkv = ws.get_default_keyvault()\n', 0],
      ['a bare use of the name (isinstance)', 'from azureml.core import Workspace\nws = Workspace.from_config()\nprint(isinstance(ws, Workspace))\n', 0],
      ['a type annotation naming it', 'from azureml.core import Workspace\nws = Workspace.from_config()\ndef f(w: Workspace):\n    return w\n', 0],
      ['a module with __all__ (a re-export)', '__all__ = ["v"]\nimport azureml.core\nv = azureml.core.VERSION\n', 1],
    ];
    for (const [title, src, line] of none) {
      it(title, () => {
        assert.equal(migration(src, line), undefined);
      });
    }
    it('names that are unused keep their safe fix; a partial migration leaves them to it', () => {
      const src = 'from azureml.core import Workspace, Dataset, Run\nws = Workspace.from_config()\nds = Dataset.Tabular.from_delimited_files(path)\n';
      const fixes = lint(py(src)).findings.find((f) => f.code === 'AML100')!.fixes!;
      assert.deepEqual(fixes.map((f) => [f.title, f.safety]), [
        ['Remove unused SDK v1 import: Run', 'safe'],
        ['Migrate the uses of Workspace to SDK v2 and remove it from this import', 'suggestion'],
      ]);
      assert.equal(
        applied(src, fixes[1]),
        `${IMPORTS}from azureml.core import Dataset, Run\nws = MLClient.from_config(credential=DefaultAzureCredential())\nds = Dataset.Tabular.from_delimited_files(path)\n`,
      );
    });
  });
  describe('partial migration: the names whose uses all migrate go, the others stay imported', () => {
    // [title, v1 source, line of the import, expected title, the suggestion applied alone]
    const cases: Array<[string, string, number, string, string]> = [
      [
        'Workspace migrates, Dataset (no rewrite for from_delimited_files) stays',
        'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nprint(ws.name)\nds = Dataset.Tabular.from_delimited_files(path)\n',
        0,
        'Migrate the uses of Workspace to SDK v2 and remove it from this import',
        `${IMPORTS}from azureml.core import Dataset\nws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.workspace_name)\nds = Dataset.Tabular.from_delimited_files(path)\n`,
      ],
      [
        'the name that stays is used bare (isinstance); the other names keep their order',
        'from azureml.core import Run, Workspace\nrun = Run.get_context()\nws = Workspace.from_config()\nprint(ws.resource_group, isinstance(run, Run))\n',
        0,
        'Migrate the uses of Workspace to SDK v2 and remove it from this import',
        `${IMPORTS}from azureml.core import Run\nrun = Run.get_context()\nws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.resource_group_name, isinstance(run, Run))\n`,
      ],
      [
        'two names migrate (Dataset.get_by_name on the migrated workspace: the latest version), Experiment stays',
        'from azureml.core import Workspace, Experiment, Dataset\nws = Workspace.from_config()\nds = Dataset.get_by_name(ws, "iris")\nprint(isinstance(exp, Experiment))\n',
        0,
        'Migrate the uses of Workspace, Dataset to SDK v2 and remove them from this import',
        `${IMPORTS}from azureml.core import Experiment\nws = MLClient.from_config(credential=DefaultAzureCredential())\nds = ws.data.get(name="iris", label="latest")\nprint(isinstance(exp, Experiment))\n`,
      ],
      [
        'an aliased name that stays keeps its alias',
        'from azureml.core import Workspace, Dataset as DS\nws = Workspace.from_config()\nprint(ws.subscription_id, DS)\n',
        0,
        'Migrate the uses of Workspace to SDK v2 and remove it from this import',
        `${IMPORTS}from azureml.core import Dataset as DS\nws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.subscription_id, DS)\n`,
      ],
      [
        'an import inside a function: the v2 imports go at the top, the import keeps the name that stays',
        'def setup():\n    from azureml.core import Workspace, Dataset\n    ws = Workspace.from_config()\n    return ws.name, Dataset\n',
        1,
        'Migrate the uses of Workspace to SDK v2 and remove it from this import',
        `${IMPORTS}def setup():\n    from azureml.core import Dataset\n    ws = MLClient.from_config(credential=DefaultAzureCredential())\n    return ws.workspace_name, Dataset\n`,
      ],
    ];
    for (const [title, src, line, name, expected] of cases) {
      it(title, () => {
        const suggestion = migration(src, line);
        assert.ok(suggestion, 'the AML100 finding carries the suggestion');
        assert.equal(suggestion.title, name);
        assert.equal(suggestion.safety, 'suggestion');
        const keys = suggestion.edits.map((e) => JSON.stringify(e.range));
        assert.equal(new Set(keys).size, keys.length, 'one edit per range');
        const once = applied(src, suggestion);
        assert.equal(once, expected, 'the suggestion alone');
        assert.ok(parses(once));
        // The names that stay are still reported (the import is two lines down, under the v2
        // imports), and --fix --unsafe-fixes ends where it would have.
        assert.ok(lint(py(once)).findings.some((f) => f.code === 'AML100' && f.range.start.line === line + 2));
        assert.equal(fix(once), fix(src));
      });
    }

    const none: Array<[string, string, number]> = [
      [
        'the migrated workspace would reach a v1 call of a name that stays (Experiment(ws, name))',
        'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "x")\nrun = exp.submit(config)\n',
        0,
      ],
      [
        'the rewrite that replaces a use of Workspace also rewrites a use of Datastore, which stays',
        'from azureml.core import Workspace, Datastore\nds = Datastore(Workspace.from_config(), "blob")\nprint(ds.name, isinstance(ds, Datastore))\n',
        0,
      ],
      [
        'no name migrates',
        'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nkv = ws.get_default_keyvault()\nds = Dataset.Tabular.from_delimited_files(path)\n',
        0,
      ],
      [
        'the import has a comment (its text cannot be rebuilt)',
        'from azureml.core import (Workspace,  # the workspace\n    Dataset)\nws = Workspace.from_config()\nprint(ws.name, Dataset)\n',
        0,
      ],
    ];
    for (const [title, src, line] of none) {
      it(`none: ${title}`, () => {
        assert.equal(migration(src, line), undefined);
      });
    }

    // Once quadratic: how long this takes is for bench/ to measure; the test checks the result.
    it('400 uses of a workspace next to a name that stays: the Workspace name still migrates', () => {
      const src = `from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\n${'print(ws.name, ws.resource_group)\n'.repeat(400)}ds = Dataset.Tabular.from_delimited_files(path)\n`;
      const suggestion = migration(src, 0);
      assert.ok(suggestion);
      assert.equal(suggestion.title, 'Migrate the uses of Workspace to SDK v2 and remove it from this import');
      assert.ok(parses(applied(src, suggestion)));
    });
  });
});

describe('AML101: a workspace whose every use migrates goes with them', () => {
  /** The suggestion of the AML101 finding on `line` (0-based). */
  function producerFix(text: string, line: number): Fix | undefined {
    const found = lint(py(text)).findings.filter((f) => f.code === 'AML101' && f.range.start.line === line);
    assert.equal(found.length, 1, `one AML101 finding on line ${line}`);
    return found[0].fixes?.find((f) => f.title === 'Migrate every use of ws to SDK v2 and remove it');
  }

  it('Experiment(ws) keeps ws v1, but the experiment\'s own rewrite and ws.name\'s replace every use: one suggestion makes them and drops ws', () => {
    // The workspace is read from the default config file, so the rewrites' ml_client
    // (MLClient.from_config, how-to-manage-workspace) is the same workspace; MLflow logging of an
    // interactive run needs the tracking URI (how-to-use-mlflow-configure-tracking).
    const src = 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nprint(ws.name)\nexperiment = Experiment(workspace=ws, name="demo")\nrun = experiment.start_logging()\nrun.log("alpha", 0.5)\nrun.complete()\n';
    const suggestion = producerFix(src, 1);
    assert.ok(suggestion, 'the workspace has a suggestion');
    const out = applied(src, suggestion);
    assert.equal(out, [
      'from azure.ai.ml import MLClient',
      'from azure.identity import DefaultAzureCredential',
      'import mlflow',
      'from azureml.core import Workspace, Experiment',
      'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
      'print(ml_client.workspace_name)',
      'experiment = "demo"',
      'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
      'mlflow.set_experiment("demo")',
      'run = mlflow.start_run()',
      'mlflow.log_metric("alpha", 0.5)',
      'mlflow.end_run()',
      '',
    ].join('\n'));
    assert.ok(parses(out));
    // The import's migration now includes the workspace: nothing v1 is left.
    const whole = migration(src, 0);
    assert.ok(whole);
    assert.equal(applied(src, whole), out.replace('from azureml.core import Workspace, Experiment\n', ''));
  });

  it('two chains meet (the cluster\'s rewrite names it in the job, whose rewrite already writes that): the union takes it once', () => {
    // The compute rewrite turns the job's `compute_target=compute_target` into `compute_target.name`;
    // the job rewrite replaces the whole ScriptRunConfig with `compute=compute_target.name`.
    const src = 'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment\nfrom azureml.core.compute import ComputeTarget\nws = Workspace.from_config()\ncompute_target = ComputeTarget(workspace=ws, name="cpu")\nenv = Environment.get(ws, name="AzureML-sklearn-1.0")\nsrc = ScriptRunConfig(source_directory="src", script="train.py", compute_target=compute_target, environment=env)\nrun = Experiment(ws, name="e").submit(src)\n';
    const suggestion = producerFix(src, 2);
    assert.ok(suggestion);
    const out = applied(src, suggestion);
    assert.equal(out, [
      'from azure.ai.ml import MLClient',
      'from azure.identity import DefaultAzureCredential',
      'from azure.ai.ml import command',
      'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
      'from azureml.core.compute import ComputeTarget',
      'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
      'compute_target = ml_client.compute.get("cpu")',
      'env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")',
      'src = command(code="src", command="python train.py", environment=env, compute=compute_target.name)',
      'run = ml_client.jobs.create_or_update(src, experiment_name="e")',
      '',
    ].join('\n'));
    assert.ok(parses(out));
  });

  it('ws bound again later in straight-line code (a notebook cell per workspace): the first binding migrates alone; not when the second is under a branch', () => {
    const first = 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nprint(ws.name)\nexperiment = Experiment(workspace=ws, name="demo")\nrun = experiment.start_logging()\nrun.log("alpha", 0.5)\nrun.complete()\n';
    const src = first + 'ws = Workspace.from_config(path="other.json")\nkv = ws.get_default_keyvault()\n';
    const suggestion = producerFix(src, 1);
    assert.ok(suggestion, 'the first workspace has a suggestion');
    const out = applied(src, suggestion);
    assert.equal(out, [
      'from azure.ai.ml import MLClient',
      'from azure.identity import DefaultAzureCredential',
      'import mlflow',
      'from azureml.core import Workspace, Experiment',
      'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
      'print(ml_client.workspace_name)',
      'experiment = "demo"',
      'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
      'mlflow.set_experiment("demo")',
      'run = mlflow.start_run()',
      'mlflow.log_metric("alpha", 0.5)',
      'mlflow.end_run()',
      'ws = Workspace.from_config(path="other.json")',
      'kv = ws.get_default_keyvault()',
      '',
    ].join('\n'));
    assert.ok(parses(out));
    // Under a branch, `ws.get_default_keyvault()` may see either workspace: no suggestion (rewrites/reach.ts).
    assert.equal(producerFix(first + 'if flag:\n    ws = Workspace.from_config(path="other.json")\nkv = ws.get_default_keyvault()\n', 1), undefined);
  });

  const none: Array<[string, string]> = [
    ['ws is also handed to a function of the user', 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nhelper(ws)\nexperiment = Experiment(workspace=ws, name="demo")\nrun = experiment.start_logging()\nrun.log("a", 1)\nrun.complete()\n'],
    ['ws is bound twice', 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nif flag:\n    ws = Workspace.from_config(path="b.json")\nexperiment = Experiment(workspace=ws, name="demo")\nrun = experiment.start_logging()\nrun.log("a", 1)\nrun.complete()\n'],
    ['a use has no rewrite (ws.get_default_keyvault())', 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nkv = ws.get_default_keyvault()\nexperiment = Experiment(workspace=ws, name="demo")\nrun = experiment.start_logging()\nrun.log("a", 1)\nrun.complete()\n'],
  ];
  for (const [title, src] of none) {
    it(`none: ${title}`, () => {
      assert.equal(producerFix(src, 1), undefined);
    });
  }
});

describe('AML100: unused imports kept on purpose', () => {
  it('keeps imports marked noqa, private modules and AutoML packages imported whole; removes the others', () => {
    const src = [
      'import argparse',
      'import azureml.train.automl',
      'from azureml.automl.runtime._vendor.automl.client.core.runtime import forecasting_models',
      'from azureml.core import Run  # noqa: F401',
      'from azureml.core import Experiment  # pylint: disable=unused-import',
      'from azureml.train.automl import AutoMLConfig',
      'from azureml.core import Workspace',
      'print(argparse)',
      '',
    ].join('\n');
    const titles = lint(py(src)).findings.filter((f) => f.code === 'AML100').map((f) => [f.range.start.line, f.fixes?.map((x) => x.title) ?? []]);
    assert.deepEqual(titles, [
      [1, []],
      [2, []],
      [3, []],
      [4, []],
      [5, ['Remove unused SDK v1 import: AutoMLConfig']],
      [6, ['Remove unused SDK v1 import: Workspace']],
    ]);
    assert.equal(fix(src, false), src.replace('from azureml.train.automl import AutoMLConfig\n', '').replace('from azureml.core import Workspace\n', ''));
  });
});
