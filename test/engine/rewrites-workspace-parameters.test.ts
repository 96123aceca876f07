/**
 * Round 15 (workspace): clients for workspaces the rewrites could not name.
 * - a workspace parameter of a module-level function whose every call in the module passes a v1
 *   workspace made there (`Workspace.from_config(path)` directly or through a `get_workspace()`
 *   helper): the bridge built from the parameter, `ml_client = MLClient(DefaultAzureCredential(),
 *   ws.subscription_id, ws.resource_group, ws.name)`, as the function's first statement;
 * - a workspace returned by code the model cannot type (`auth.get_workspace("x")` of another
 *   module) and used as a v1 workspace (`workspace=` / first argument of a v1 call): the same
 *   bridge after it, `# amlint: review` (that code may authenticate otherwise).
 * MLClient(credential, subscription_id, resource_group_name, workspace_name):
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.mlclient
 * `ComputeTarget(workspace=ws, name=n)` → `ml_client.compute.get(n)` (workspace.ts, migrate-to-v2-resource-compute).
 * Refused: a function also called with another value or named otherwise (passed as a value), a
 * workspace made by an SDK call the bridge does not know (`Workspace.create`).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const CLIENT = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];
const BRIDGE = 'ml_client = MLClient(DefaultAzureCredential(), ws.subscription_id, ws.resource_group, ws.name)';
const REVIEW = '  # amlint: review';

const HELPER = [
  'def get_workspace(config_path="config.json"):',
  '    return Workspace.from_config(path=config_path)',
  '',
  '',
];

describe('rewrites round 15 (workspace): a workspace parameter, an untyped workspace', () => {
  rewriteCases([
    [
      'a workspace parameter whose only caller passes get_workspace(): the bridge first in the function (after its docstring)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget',
        '',
        '',
        ...HELPER,
        'def show_cluster(ws, name):',
        '    """Print a cluster\'s state."""',
        '    cluster = ComputeTarget(workspace=ws, name=name)',
        '    print(cluster.provisioning_state)',
        '',
        '',
        'def main():',
        '    ws = get_workspace()',
        '    show_cluster(ws, "cpu-cluster")',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from azureml.core import Workspace',
        '',
        '',
        ...HELPER,
        'def show_cluster(ws, name):',
        '    """Print a cluster\'s state."""',
        `    ${BRIDGE}`,
        '    cluster = ml_client.compute.get(name)',
        '    print(cluster.provisioning_state)',
        '',
        '',
        'def main():',
        '    ws = get_workspace()',
        '    show_cluster(ws, "cpu-cluster")',
        '',
      ].join('\n'),
    ],
    [
      'a workspace parameter, two callers passing Workspace.from_config(path) workspaces',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget',
        '',
        '',
        'def show_cluster(ws, name):',
        '    cluster = ComputeTarget(ws, name)',
        '    print(cluster.provisioning_state)',
        '',
        '',
        'def main():',
        '    dev = Workspace.from_config(path="dev/config.json")',
        '    prod = Workspace.from_config(path="prod/config.json")',
        '    show_cluster(dev, "cpu-cluster")',
        '    show_cluster(ws=prod, name="gpu-cluster")',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from azureml.core import Workspace',
        '',
        '',
        'def show_cluster(ws, name):',
        `    ${BRIDGE}`,
        '    cluster = ml_client.compute.get(name)',
        '    print(cluster.provisioning_state)',
        '',
        '',
        'def main():',
        '    dev = Workspace.from_config(path="dev/config.json")',
        '    prod = Workspace.from_config(path="prod/config.json")',
        '    show_cluster(dev, "cpu-cluster")',
        '    show_cluster(ws=prod, name="gpu-cluster")',
        '',
      ].join('\n'),
    ],
    [
      'a workspace from another module\'s helper, passed as workspace=: the bridge after it, marked for review',
      [
        'from azureml.core.compute import ComputeTarget',
        'from helpers import Authenticator',
        '',
        'auth = Authenticator(config_path="../config")',
        'ws = auth.get_workspace("research")',
        'print(ws.name)',
        'cluster = ComputeTarget(workspace=ws, name="cpu-cluster")',
        'print(cluster.provisioning_state)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from helpers import Authenticator',
        '',
        'auth = Authenticator(config_path="../config")',
        'ws = auth.get_workspace("research")',
        BRIDGE + REVIEW,
        'print(ws.name)',
        'cluster = ml_client.compute.get("cpu-cluster")',
        'print(cluster.provisioning_state)',
        '',
      ].join('\n'),
    ],
    [
      'the helper may give None and the code tests it: the bridge is None too, so the code\'s own check still runs (review 16)',
      [
        'from azureml.core.compute import ComputeTarget',
        'from helpers import Authenticator',
        'ws = Authenticator().get_workspace("research")',
        'if ws is not None:',
        '    cluster = ComputeTarget(workspace=ws, name="cpu-cluster")',
        '    print(cluster.provisioning_state)',
        'else:',
        '    print("Workspace not available")',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from helpers import Authenticator',
        'ws = Authenticator().get_workspace("research")',
        `${BRIDGE} if ws is not None else None${REVIEW}`,
        'if ws is not None:',
        '    cluster = ml_client.compute.get("cpu-cluster")',
        '    print(cluster.provisioning_state)',
        'else:',
        '    print("Workspace not available")',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook: the untyped workspace in one cell, the v1 call receiving it in the next', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core.compute import ComputeTarget\nfrom helpers import Authenticator\nws = Authenticator().get_workspace("research")' },
      { kind: 'markdown', text: '## The cluster' },
      { kind: 'code', text: 'cluster = ComputeTarget(ws, "cpu-cluster")\nprint(cluster.provisioning_state)' },
    ];
    const expected = [
      { kind: 'code', text: [...CLIENT, 'from helpers import Authenticator', 'ws = Authenticator().get_workspace("research")', BRIDGE + REVIEW].join('\n') },
      { kind: 'markdown', text: '## The cluster' },
      { kind: 'code', text: 'cluster = ml_client.compute.get("cpu-cluster")\nprint(cluster.provisioning_state)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});

describe('rewrites round 15 (workspace): workspaces without a client', () => {
  const unchanged: Array<[string, string]> = [
    [
      'a parameter also passed a value of unknown code',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget',
        '',
        '',
        'def show_cluster(ws, name):',
        '    cluster = ComputeTarget(workspace=ws, name=name)',
        '    print(cluster.provisioning_state)',
        '',
        '',
        'ws = Workspace.from_config(path="a/config.json")',
        'show_cluster(ws, "blobs")',
        'show_cluster(load(), "blobs")',
        '',
      ].join('\n'),
    ],
    [
      'a function passed as a value (other callers)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget',
        '',
        '',
        'def show_cluster(ws, name):',
        '    cluster = ComputeTarget(workspace=ws, name=name)',
        '    print(cluster.provisioning_state)',
        '',
        '',
        'def main():',
        '    ws = Workspace.from_config(path="a/config.json")',
        '    show_cluster(ws, "blobs")',
        '',
        'handlers = [show_cluster]',
        '',
      ].join('\n'),
    ],
    [
      'a caller logging in interactively (a second login is not offered inside the function)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.authentication import InteractiveLoginAuthentication',
        'from azureml.core.compute import ComputeTarget',
        '',
        '',
        'def show_cluster(ws, name):',
        '    cluster = ComputeTarget(workspace=ws, name=name)',
        '    print(cluster.provisioning_state)',
        '',
        '',
        'def main():',
        '    ws = Workspace.from_config(path="a/config.json", auth=InteractiveLoginAuthentication(tenant_id="t"))',
        '    show_cluster(ws, "blobs")',
        '',
      ].join('\n'),
    ],
    [
      'a workspace made by Workspace.create with resources v2 would not take the same way (an existing storage account)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget',
        '',
        'ws = Workspace.create(name="w", subscription_id="s", resource_group="rg", storage_account=storage_id)',
        'cluster = ComputeTarget(workspace=ws, name="cpu-cluster")',
        'print(cluster.provisioning_state)',
        '',
      ].join('\n'),
    ],
  ];
  for (const [title, src] of unchanged) {
    it(title, () => {
      const out = fixPython(src, true);
      assert.equal(out, src);
    });
  }

  it('a helper the module never calls gets no config-file client when the module makes another workspace (review of session 17)', () => {
    // The helper's caller may pass that workspace; its bridge binds `ml_client` too (twice, with the config file's).
    const src = [
      'from azureml.core import Workspace, Experiment, Datastore',
      '',
      '',
      'def make(w, name):',
      '    exp = Experiment(w, name)',
      '    store = w.get_default_datastore()',
      '    print(store.name)',
      '    return exp',
      '',
      '',
      'ws = Workspace.get(name="x", subscription_id="s", resource_group="r")',
      'blob = Datastore.get(ws, "blob")',
      'print(blob.name)',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.ok(!out.includes('from_config'), out);
    assert.ok(out.includes('    store = w.get_default_datastore()\n    print(store.name)\n'), out);
    assert.ok((out.match(/^ml_client = /gm) ?? []).length <= 1, out);
    assert.ok(out.includes('ws = MLClient(DefaultAzureCredential(), subscription_id="s"'), out);
    assert.ok(parses(out));
    // Without the other workspace, the helper's unknown caller is taken to pass the config file's (as before).
    const alone = fixPython(src.split('\n').slice(0, 10).join('\n') + '\n', true);
    assert.ok(alone.includes('ml_client = MLClient.from_config(credential=DefaultAzureCredential())') && alone.includes('    store = ml_client.datastores.get_default()'), alone);
  });
});
