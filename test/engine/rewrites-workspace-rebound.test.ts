/**
 * Round 31 (workspace.ts): a notebook that binds its workspace variable again in a later cell
 * (`ws = Workspace.from_config()` in one cell, `ws = Workspace(...)` in another). Each binding that alone
 * reaches its uses (reach.ts soleBinding: straight-line code, cell after cell) gets its own client; the
 * bridge for a rebound `Workspace(...)` stays inline (`MLClient(DefaultAzureCredential(),
 * ws.subscription_id, ws.resource_group, ws.name)`, no `ml_client` statement), so it never hides the config
 * file's `ml_client` from the uses of the other binding; once nothing v1 receives it, the variable itself
 * becomes the client. A name bound on a branch keeps everything v1.
 *
 * v2 forms: `MLClient(credential, subscription_id, resource_group_name, workspace_name)` and
 * `MLClient.from_config(credential=)` (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.mlclient);
 * `Model(ws, name)` → `models.get(name=, label="latest")` (ModelOperations.get,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.modeloperations).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMPORTS = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];

describe('rewrites round 31: a workspace variable bound again in a later cell (AML101)', () => {
  rewriteCases([
    [
      'the config file, a use, then another workspace whose model is read',
      [
        'from azureml.core import Workspace, Model',
        'ws = Workspace.from_config()',
        'print(ws.name)',
        'ws = Workspace(subscription_id="s", resource_group="r", workspace_name="w")',
        'model = Model(ws, "m")',
        'print(model.name, model.version)',
      ].join('\n'),
      [
        ...IMPORTS,
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'print(ws.workspace_name)',
        'ws = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="r", workspace_name="w")',
        'model = ws.models.get(name="m", label="latest")',
        'print(model.name, model.version)',
      ].join('\n'),
    ],
    [
      'another workspace first, the config file in a later cell: each use on its own workspace',
      [
        'from azureml.core import Workspace, Model',
        'ws = Workspace(subscription_id="s", resource_group="r", workspace_name="w")',
        'model = Model(ws, "m")',
        'print(model.name, model.version)',
        'ws = Workspace.from_config()',
        'other = Model(ws, "n")',
        'print(other.version)',
      ].join('\n'),
      [
        ...IMPORTS,
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="r", workspace_name="w")',
        'model = ws.models.get(name="m", label="latest")',
        'print(model.name, model.version)',
        'ws = ml_client',
        'other = ml_client.models.get(name="n", label="latest")',
        'print(other.version)',
      ].join('\n'),
    ],
    [
      'two workspaces named in two cells',
      [
        'from azureml.core import Workspace, Model',
        'ws = Workspace.get(name="w", subscription_id="s", resource_group="r")',
        'model = Model(ws, "m")',
        'print(model.version)',
        'ws = Workspace.get(name="w2", subscription_id="s", resource_group="r")',
        'other = Model(ws, "n")',
        'print(other.version)',
      ].join('\n'),
      [
        ...IMPORTS,
        'ws = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="r", workspace_name="w")',
        'model = ws.models.get(name="m", label="latest")',
        'print(model.version)',
        'ws = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="r", workspace_name="w2")',
        'other = ws.models.get(name="n", label="latest")',
        'print(other.version)',
      ].join('\n'),
    ],
    [
      // (Before: the second workspace's bridge statement `ml_client = ...` hid the config file's client
      // another fix of the same pass bound above it, and `Model(ws, "c")` read the second workspace.)
      'a config-file workspace beside a second workspace variable: the last read stays on the config file',
      [
        'from azureml.core import Workspace, Model',
        'ws = Workspace.from_config()',
        'm = Model(ws, "a")',
        'print(m.version)',
        'ws2 = Workspace(subscription_id="s", resource_group="r", workspace_name="w")',
        'm2 = Model(ws2, "b")',
        'print(m2.version)',
        'm3 = Model(ws, "c")',
        'print(m3.version)',
      ].join('\n'),
      [
        ...IMPORTS,
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'm = ml_client.models.get(name="a", label="latest")',
        'print(m.version)',
        'ws2 = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="r", workspace_name="w")',
        'm2 = ws2.models.get(name="b", label="latest")',
        'print(m2.version)',
        'm3 = ml_client.models.get(name="c", label="latest")',
        'print(m3.version)',
      ].join('\n'),
    ],
  ]);

  it('a notebook: both cells read, each on its own workspace', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Model\nws = Workspace.from_config()\nws' },
      { kind: 'markdown', text: 'Another workspace' },
      { kind: 'code', text: 'ws = Workspace(subscription_id="s", resource_group="r", workspace_name="w")\nmodel = Model(ws, "m")\nprint(model.version)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => c.text), [
      [...IMPORTS, 'ws = MLClient.from_config(credential=DefaultAzureCredential())', 'ws'].join('\n'),
      'Another workspace',
      ['ws = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="r", workspace_name="w")', 'model = ws.models.get(name="m", label="latest")', 'print(model.version)'].join('\n'),
    ]);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(again.cells.map((c) => c.text), out.cells.map((c) => c.text), 'a second run changes nothing');
  });

  const refused: Array<[string, string]> = [
    [
      'the second workspace bound on a branch (the read after it may see either)',
      ['import sys', 'from azureml.core import Workspace, Model', 'ws = Workspace.from_config()', 'if len(sys.argv) > 1:', '    ws = Workspace(subscription_id="s", resource_group="r", workspace_name="w")', 'model = Model(ws, "m")', 'print(model.version)', ''].join('\n'),
    ],
    [
      // reach.ts soleBinding fails for the second binding: the function's read may see either binding.
      'the workspace bound again in straight-line code and read in a function called after both bindings',
      [
        'from azureml.core import Workspace, Model',
        'ws = Workspace.from_config()',
        'print(ws.name)',
        'ws = Workspace(subscription_id="s", resource_group="r", workspace_name="w")',
        'model = Model(ws, "m")',
        'print(model.version)',
        'def show():',
        '    print(ws.name)',
        'show()',
        '',
      ].join('\n'),
    ],
  ];
  for (const [title, src] of refused) {
    it(`refused: ${title}`, () => {
      const f = lint({ kind: 'python', text: src }).findings.filter((x) => /^`(Workspace\(\)|Model\(\))`/.test(x.message));
      assert.ok(f.length >= 2);
      for (const x of f) assert.ok(!x.fixes?.length, `no fix on ${x.message.split(' ')[0]}`);
      assert.ok(parses(fixPython(src, true)));
    });
  }
});
