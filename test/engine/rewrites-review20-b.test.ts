/**
 * Review 20 (b: workspace.ts, environment.ts, deploy.ts, data.ts).
 * Checked: a v1 curated environment (`AzureML-...`) looked up with `Environment.get(ws, name)` or
 * `ws.environments[name]` becomes the workspace client's `environments.get(name=, label="latest")`.
 * That is the lookup a v2 job's `environment="AzureML-...@latest"` goes through (azure-ai-ml
 * OperationOrchestrator._resolve_name_version_from_name_label → _resolve_label_to_asset on the
 * workspace EnvironmentOperations), and the azure-ai-ml CommandJob reference example names a curated
 * environment on the workspace (`environment="AzureML-sklearn-1.0-ubuntu20.04-py38-cpu:33"`), so the
 * rewrite is kept; these cases pin it, with the name written, bound to a literal, and in a notebook.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { parses, rewriteCases } from './helpers';

const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';

describe('rewrites review 20 (b): a function with its own workspace and the module one', () => {
  rewriteCases([
    [
      // Was: `ml_client = ws2` added in f made `ml_client` local to f, so the outer model's
      // `ml_client.models.get(...)` read it before it was bound (UnboundLocalError), and of the wrong workspace.
      'the outer workspace read in a function that makes its own: no local ml_client; each its own client',
      [
        'from azureml.core import Workspace, Model',
        'ws = Workspace.from_config()',
        '',
        '',
        'def f():',
        '    a = Model(ws, "outer")',
        '    ws2 = Workspace.get("a", subscription_id="s", resource_group="r")',
        '    m = Model(ws2, "m")',
        '    return m.version, a.version',
        '',
        '',
        'n = Model(ws, "n")',
        'print(n.version, f())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        '',
        '',
        'def f():',
        '    a = ml_client.models.get(name="outer", label="latest")',
        // MLClient(credential, subscription_id=, resource_group_name=, workspace_name=) (azure-ai-ml MLClient).
        '    ws2 = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="r", workspace_name="a")',
        '    m = ws2.models.get(name="m", label="latest")',
        '    return m.version, a.version',
        '',
        '',
        'n = ml_client.models.get(name="n", label="latest")',
        'print(n.version, f())',
        '',
      ].join('\n'),
    ],
  ]);

  it('a function that already binds ml_client: an outer workspace read there gets no client of that name', () => {
    const src = [
      'from azureml.core import Workspace, Model',
      'from azure.ai.ml import MLClient',
      'from azure.identity import DefaultAzureCredential',
      'ws = Workspace.from_config()',
      '',
      '',
      'def f():',
      '    a = Model(ws, "outer")',
      '    ml_client = MLClient(DefaultAzureCredential(), "s", "r", "w")',
      '    return a.version, ml_client',
      '',
    ].join('\n');
    const out = fixDocument({ kind: 'python', text: src } as DocumentInput, undefined, { unsafe: true }).output as { text: string };
    assert.ok(!/a = ml_client\./.test(out.text), out.text);
  });
});

describe('rewrites review 20 (b): curated environments looked up on the workspace client', () => {
  rewriteCases([
    [
      'Environment.get of a curated name (ENV2: environments.get(name=, label="latest"))',
      ['from azureml.core import Workspace, Environment', '', 'ws = Workspace.from_config()', 'env = Environment.get(workspace=ws, name="AzureML-PyTorch-1.6-GPU")', 'print(env.name, env.version)', ''].join('\n'),
      ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential', CLIENT, '', 'env = ml_client.environments.get(name="AzureML-PyTorch-1.6-GPU", label="latest")', 'print(env.name, env.version)', ''].join('\n'),
    ],
    [
      'ws.environments[name] with the name bound to a literal: the same lookup, the name kept',
      ['from azureml.core import Workspace', '', 'ws = Workspace.from_config()', 'env_name = "AzureML-Tutorial"', 'env = ws.environments[env_name]', 'print(env.name)', ''].join('\n'),
      ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential', '', 'ws = MLClient.from_config(credential=DefaultAzureCredential())', 'env_name = "AzureML-Tutorial"', 'env = ws.environments.get(name=env_name, label="latest")', 'print(env.name)', ''].join('\n'),
    ],
  ]);

  it('a notebook: the workspace in one cell, a curated and a user environment looked up in the next', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Environment\nws = Workspace.from_config()' },
      { kind: 'code', text: 'curated = Environment.get(workspace=ws, name="AzureML-Minimal")\nmine = Environment.get(workspace=ws, name="myenv", version="1")\nprint(curated.name, mine.name)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => c.text), [
      `from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n${CLIENT}`,
      'curated = ml_client.environments.get(name="AzureML-Minimal", label="latest")\nmine = ml_client.environments.get(name="myenv", version="1")\nprint(curated.name, mine.name)',
    ]);
    for (const c of out.cells) assert.ok(parses(c.text));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, out.cells, 'a second run changes nothing');
  });
});
