import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, parses } from './helpers';

function fix(text: string, unsafe = true): string {
  return fixPython(text, unsafe);
}

/** The findings of `code` on `line` (0-based) whose message names `api`. */
function findings(text: string, api: string, line?: number) {
  return lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`) && (line === undefined || f.range.start.line === line));
}

/** `api` is reported in `text`, without a fix. */
function noFix(text: string, api: string): void {
  const found = findings(text, api);
  assert.ok(found.length, `${api} is reported`);
  assert.equal(found[0].fixes, undefined, api);
}

const IMPORTS = 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n';

describe('rewrites: workspace, compute, datastores, datasets', () => {
  const cases: Array<[string, string, string]> = [
    [
      'Workspace.from_config and its property reads become one MLClient (MLClient.workspace_name, resource_group_name, subscription_id)',
      'from azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws.name, ws.resource_group, ws.subscription_id, ws.location)\n',
      `${IMPORTS}ws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.workspace_name, ws.resource_group_name, ws.subscription_id, ws.workspaces.get(ws.workspace_name).location)\n`,
    ],
    [
      'Workspace(subscription_id, resource_group, workspace_name) → MLClient with the same three values',
      'from azureml.core import Workspace\nws = Workspace(subscription_id=sub, resource_group="rg", workspace_name="w")\nprint(ws.name)\n',
      `${IMPORTS}ws = MLClient(DefaultAzureCredential(), subscription_id=sub, resource_group_name="rg", workspace_name="w")\nprint(ws.workspace_name)\n`,
    ],
    [
      'a property of a Workspace.get(...) workspace still used as v1 reads the literal it was made with',
      'from azureml.core import Workspace\nws = Workspace.get(name="w", subscription_id="s", resource_group="rg")\nprint(ws.name, ws.resource_group)\nws.write_config()\n',
      'from azureml.core import Workspace\nws = Workspace.get(name="w", subscription_id="s", resource_group="rg")\nprint("w", "rg")\nws.write_config()\n',
    ],
    [
      'Datastore(ws, name) / Datastore(ws) → datastores.get(name=...) / get_default() on the workspace client',
      'from azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nblob = Datastore(ws, "workspaceblobstore")\ndefault = Datastore(ws)\nprint(blob.name, default.name)\n',
      `${IMPORTS}ws = MLClient.from_config(credential=DefaultAzureCredential())\nblob = ws.datastores.get(name="workspaceblobstore")\ndefault = ws.datastores.get_default()\nprint(blob.name, default.name)\n`,
    ],
    [
      'the get-or-create compute pattern: compute.get, ResourceNotFoundError, AmlCompute entity, begin_create_or_update(...).result()',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget, AmlCompute',
        'from azureml.core.compute_target import ComputeTargetException',
        'ws = Workspace.from_config()',
        'cluster_name = "cpu-cluster"',
        'try:',
        '    cluster = ComputeTarget(workspace=ws, name=cluster_name)',
        '    print("Found existing cluster")',
        'except ComputeTargetException:',
        '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=4)',
        '    cluster = ComputeTarget.create(ws, cluster_name, config)',
        'cluster.wait_for_completion(show_output=True)',
        'print(cluster.name)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'from azure.core.exceptions import ResourceNotFoundError',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'cluster_name = "cpu-cluster"',
        'try:',
        '    cluster = ws.compute.get(cluster_name)',
        '    print("Found existing cluster")',
        'except ResourceNotFoundError:',
        // v1 default idle_seconds_before_scaledown is 1800 (v2's default differs): written out.
        '    config = azure.ai.ml.entities.AmlCompute(name=cluster_name, size="STANDARD_D2_V2", max_instances=4, idle_time_before_scale_down=1800)',
        '    cluster = ws.compute.begin_create_or_update(config).result()',
        'print(cluster.provisioning_state)',
        'print(cluster.name)',
        '',
      ].join('\n'),
    ],
    [
      'create with an inline configuration, low priority and a wait timeout (minutes → LROPoller.result seconds)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget, AmlCompute',
        'ws = Workspace.from_config()',
        'gpu = ComputeTarget.create(ws, "gpu", AmlCompute.provisioning_configuration(vm_size="STANDARD_NC6", vm_priority="lowpriority", min_nodes=0, max_nodes=2, idle_seconds_before_scaledown=600))',
        'gpu.wait_for_completion(show_output=True, timeout_in_minutes=10)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'gpu = ws.compute.begin_create_or_update(azure.ai.ml.entities.AmlCompute(name="gpu", size="STANDARD_NC6", tier="low_priority", min_instances=0, max_instances=2, idle_time_before_scale_down=600)).result(timeout=600)',
        'print(gpu.provisioning_state)',
        '',
      ].join('\n'),
    ],
    [
      'ComputeTarget(ws, name) outside a try → compute.get(name)',
      'from azureml.core import Workspace\nfrom azureml.core.compute import ComputeTarget\nws = Workspace.from_config()\ntarget = ComputeTarget(ws, "cpu")\nprint(target.name)\n',
      `${IMPORTS}ws = MLClient.from_config(credential=DefaultAzureCredential())\ntarget = ws.compute.get("cpu")\nprint(target.name)\n`,
    ],
    [
      'Dataset.get_by_name on a from_config workspace → data.get(name=..., label="latest")',
      'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nds = Dataset.get_by_name(ws, "iris")\nprint(ds.name, ds.version)\n',
      `${IMPORTS}ws = MLClient.from_config(credential=DefaultAzureCredential())\nds = ws.data.get(name="iris", label="latest")\nprint(ds.name, ds.version)\n`,
    ],
    [
      'ws.compute_targets[name] → compute.get(name); name in ws.compute_targets → a test on the listed names',
      'from azureml.core import Workspace\nws = Workspace.get(name="w", subscription_id="s", resource_group="rg")\nif "cpu" in ws.compute_targets:\n    target = ws.compute_targets["cpu"]\n    print(target.name)\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nws = MLClient(DefaultAzureCredential(), subscription_id="s", resource_group_name="rg", workspace_name="w")\nif "cpu" in [c.name for c in ws.compute.list()]:\n    target = ws.compute.get("cpu")\n    print(target.name)\n',
    ],
    [
      'a from_config workspace under an if, with no v1 member reads, still becomes an MLClient',
      'from azureml.core import Workspace\nif offline:\n    ws = Workspace.from_config()\nuse(ws)\n',
      `${IMPORTS}if offline:\n    ws = MLClient.from_config(credential=DefaultAzureCredential())\nuse(ws)\n`,
    ],
  ];
  for (const [title, src, expected] of cases) {
    it(title, () => {
      const out = fix(src);
      assert.equal(out, expected);
      assert.ok(parses(out), 'the fixed file still parses');
      assert.equal(fix(out), out, 'a second run changes nothing');
    });
  }

  describe('no suggestion where the rewrite would not be faithful', () => {
    it('a provisioning argument without a v2 translation (vnet) leaves the whole pattern alone', () => {
      const src = 'from azureml.core import Workspace\nfrom azureml.core.compute import ComputeTarget, AmlCompute\nws = Workspace.from_config()\nconfig = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", vnet_name="v")\nc = ComputeTarget.create(ws, "cpu", config)\nc.wait_for_completion(show_output=True)\n';
      for (const api of ['AmlCompute.provisioning_configuration', 'ComputeTarget.create', 'ComputeTarget.wait_for_completion']) noFix(src, api);
    });
    it('a cluster later used through v1 methods (get_status) keeps ComputeTarget(...)', () => {
      const src = 'from azureml.core import Workspace\nfrom azureml.core.compute import ComputeTarget\nfrom azureml.core.compute_target import ComputeTargetException\nws = Workspace.from_config()\ntry:\n    c = ComputeTarget(workspace=ws, name="cpu")\nexcept ComputeTargetException:\n    raise\nprint(c.get_status())\n';
      noFix(src, 'ComputeTarget()');
    });
    it('a try body with other v1 calls keeps except ComputeTargetException (and so the get)', () => {
      const src = 'from azureml.core import Workspace\nfrom azureml.core.compute import ComputeTarget, AmlCompute\nfrom azureml.core.compute_target import ComputeTargetException\nws = Workspace.from_config()\ntry:\n    c = ComputeTarget(workspace=ws, name="cpu")\n    c.update(min_nodes=1)\nexcept ComputeTargetException:\n    cfg = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2")\n    c = ComputeTarget.create(ws, "cpu", cfg)\n';
      for (const api of ['ComputeTarget()', 'ComputeTarget.create', 'AmlCompute.provisioning_configuration']) noFix(src, api);
    });
    it('a default datastore used for upload_files is not turned into a v2 Datastore', () => {
      const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\nds = ws.get_default_datastore()\nds.upload_files(["a.csv"])\n';
      noFix(src, 'Workspace.get_default_datastore');
    });
    it('a dataset used through v1 methods keeps Dataset.get_by_name', () => {
      const src = 'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nds = Dataset.get_by_name(ws, "iris")\ndf = ds.to_pandas_dataframe()\n';
      noFix(src, 'Dataset.get_by_name');
    });
    it('a datastore of a Workspace(...) workspace that stays v1 is not read through the config-file ml_client', () => {
      const src = 'from azureml.core import Workspace, Datastore\nws = Workspace(sub, rg, "w")\nws.write_config()\nblob = Datastore.get(ws, "blob")\n';
      noFix(src, 'Datastore.get');
    });
    it('a compute from ws.compute_targets[...] read as a v1 ComputeTarget (type) keeps the workspace v1', () => {
      const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\nc = ws.compute_targets["cpu"]\nprint(c.type)\n';
      noFix(src, 'Workspace.from_config');
    });
    it('Workspace.get without subscription and resource group is not an MLClient', () => {
      const src = 'from azureml.core import Workspace\nws = Workspace.get(name="w")\n';
      noFix(src, 'Workspace.get');
    });
  });
});

describe('rewrites: a fix shared by many uses', () => {
  it('past 40 edits the whole-workspace fix is offered on the producer only (bounded cost, no quadratic edits)', () => {
    let src = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';
    for (let i = 0; i < 60; i++) src += `print(ws.name)\nd${i} = ws.get_default_datastore()\n`;
    const all = lint({ kind: 'python', text: src }).findings;
    const producer = all.find((f) => f.symbol === 'azureml.core.Workspace.from_config');
    assert.equal(producer?.fixes?.[0]?.edits.length, 1 + 120 + 1, 'the producer, its 120 uses, one insertion of the imports');
    const uses = all.filter((f) => f.symbol === 'azureml.core.Workspace.name');
    assert.equal(uses.length, 60);
    // Each use keeps a fix of its own (from the module's ml_client), not the 120-edit one.
    assert.ok(uses.every((f) => f.fixes && f.fixes[0]!.edits.length <= 3), JSON.stringify(uses[0]?.fixes));
    const total = all.reduce((n, f) => n + (f.fixes ?? []).reduce((m, x) => m + x.edits.length, 0), 0);
    assert.ok(total < 2000, `${total} edits over all findings`);
    // And --fix still turns the whole workspace into an MLClient.
    const out = fix(src);
    assert.ok(out.includes('ws = MLClient.from_config(credential=DefaultAzureCredential())') && !out.includes('get_default_datastore'), out.slice(0, 400));
  });
});

describe('rewrites: a workspace passed to a v1 call', () => {
  it('is not turned into an MLClient while a v1 call that is not rewritten with it receives it', () => {
    const src = 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nexp = Experiment(ws, "x")\nexp.start_logging()\n';
    const f = lint({ kind: 'python', text: src }).findings.find((x) => x.symbol === 'azureml.core.Workspace.from_config');
    assert.ok(f);
    assert.equal(f.fixes, undefined);
  });
});
