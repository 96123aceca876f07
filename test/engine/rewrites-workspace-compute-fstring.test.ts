import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

/**
 * Round 31 (workspace.ts): compute listings and shown states. `ws.compute_targets` iterated by
 * `.items()` / `.values()` (directly or through one variable), each value used as an existing compute;
 * a cluster's `status.serialize()` shown; and a compute's `type` (a datastore's `datastore_type`) shown as a plain field
 * of a printed f-string, `print(f"{c.name}: {c.type}")`, is only shown like the argument form
 * `print(c.name, ":", c.type)`: v2's `type` (the REST compute type lower-cased, "amlcompute":
 * azure-ai-ml entities/_compute/compute.py; a datastore's DatastoreType) kept, the line marked for
 * review. The listing loop over `ws.compute_targets` is `compute.list()` / `compute.get(name)`
 * (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.computeoperations).
 */
const CLIENT = 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nws = MLClient.from_config(credential=DefaultAzureCredential())\n';

describe('rewrites round 31: compute listings, a status shown, a type shown in an f-string (AML101/AML105)', () => {
  rewriteCases([
    [
      'the compute listing loop printing name and type in an f-string',
      'from azureml.core import Workspace\nws = Workspace.from_config()\nfor compute_name in ws.compute_targets:\n    compute = ws.compute_targets[compute_name]\n    print(f"    {compute.name}: {compute.type}")\n',
      `${CLIENT}for compute_name in {c.name: c for c in ws.compute.list()}:\n    compute = ws.compute.get(compute_name)\n    print(f"    {compute.name}: {compute.type}")  # amlint: review\n`,
    ],
    [
      'the datastores by name, each printed with its type in an f-string',
      'from azureml.core import Workspace\nws = Workspace.from_config()\nfor name, ds in ws.datastores.items():\n    print(f"{name}: {ds.datastore_type}")\n',
      `${CLIENT}for name, ds in {d.name: d for d in ws.datastores.list()}.items():\n    print(f"{name}: {ds.type}")  # amlint: review\n`,
    ],
    [
      // `c.status` is the AmlComputeStatus get_status() returns (azureml-core compute/amlcompute.py); shown,
      // like `get_status().serialize()`, it is the entity fetched again (no node counts: review).
      'a cluster\'s status.serialize() shown after the get-or-create',
      'from azureml.core import Workspace\nfrom azureml.core.compute import ComputeTarget, AmlCompute\nfrom azureml.core.compute_target import ComputeTargetException\nws = Workspace.from_config()\ntry:\n    cluster = ComputeTarget(workspace=ws, name="cpu")\nexcept ComputeTargetException:\n    config = AmlCompute.provisioning_configuration(vm_size="Standard_DS12_v2", min_nodes=0, max_nodes=2)\n    cluster = ComputeTarget.create(ws, "cpu", config)\n    cluster.wait_for_completion(show_output=True)\nprint(cluster.status.serialize())\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport azure.ai.ml.entities\nfrom azure.core.exceptions import ResourceNotFoundError\nws = MLClient.from_config(credential=DefaultAzureCredential())\ntry:\n    cluster = ws.compute.get("cpu")\nexcept ResourceNotFoundError:\n    config = azure.ai.ml.entities.AmlCompute(name="cpu", size="Standard_DS12_v2", min_instances=0, max_instances=2, idle_time_before_scale_down=1800)\n    cluster = ws.compute.begin_create_or_update(config).result()\n    print(cluster.provisioning_state)\nprint(ws.compute.get(cluster.name))  # amlint: review\n',
    ],
    [
      // v1's docs' "list compute targets" loop: ws.compute_targets is a dict name → ComputeTarget; v2
      // ComputeOperations.list() gives the Compute entities (name, type, provisioning_state).
      'the compute dict iterated by items() through a variable, each value printed',
      'from azureml.core import Workspace\nws = Workspace.from_config()\ncompute_targets = ws.compute_targets\nfor name, ct in compute_targets.items():\n    print(name, ct.type, ct.provisioning_state)\n',
      `${CLIENT}compute_targets = {c.name: c for c in ws.compute.list()}\nfor name, ct in compute_targets.items():\n    print(name, ct.type, ct.provisioning_state)  # amlint: review\n`,
    ],
    [
      'ws.compute_targets.values() iterated directly, each cluster\'s name printed',
      'from azureml.core import Workspace\nws = Workspace.from_config()\nfor ct in ws.compute_targets.values():\n    print(ct.name)\n',
      `${CLIENT}for ct in {c.name: c for c in ws.compute.list()}.values():\n    print(ct.name)\n`,
    ],
    [
      'every cluster scaled down: the type test and the update of each value',
      'from azureml.core import Workspace\nfrom azureml.core.compute import AmlCompute\nws = Workspace.from_config()\nfor n, ct in ws.compute_targets.items():\n    if isinstance(ct, AmlCompute):\n        ct.update(min_nodes=0)\n',
      `${CLIENT}for n, ct in {c.name: c for c in ws.compute.list()}.items():\n    if ct.type == "amlcompute":\n        ct.min_instances = 0\n        ws.compute.begin_update(ct).result()\n`,
    ],
  ]);

  /** The fixes of the AML1 findings of `src` about compute_targets. */
  const dictFixes = (src: string): unknown[] => lint({ kind: 'python', text: src }).findings.filter((f) => f.code.startsWith('AML1') && f.message.includes('compute_targets')).map((f) => f.fixes);
  const loops: Array<[string, string]> = [
    ['the values kept in a container (handed on)', 'from azureml.core import Workspace\nws = Workspace.from_config()\nfor ct in ws.compute_targets.values():\n    targets.append(ct)\n'],
    ['a v1-only method of each value', 'from azureml.core import Workspace\nws = Workspace.from_config()\nfor name, ct in ws.compute_targets.items():\n    print(name, ct.get_active_runs())\n'],
  ];
  for (const [title, src] of loops) {
    it(`refused: compute dict loop with ${title}`, () => {
      const f = dictFixes(src);
      assert.ok(f.length);
      for (const x of f) assert.equal(x, undefined);
    });
  }

  it('refused: a status field read as a value (the v2 entity has no node counts)', () => {
    const src = 'from azureml.core import Workspace\nfrom azureml.core.compute import ComputeTarget\nfrom azureml.core.compute_target import ComputeTargetException\nws = Workspace.from_config()\ntry:\n    cluster = ComputeTarget(workspace=ws, name="cpu")\nexcept ComputeTargetException:\n    raise SystemExit(1)\nn = cluster.status.serialize()["currentNodeCount"]\n';
    const f = lint({ kind: 'python', text: src }).findings.find((x) => x.message.startsWith('`ComputeTarget()`'));
    assert.ok(f);
    assert.equal(f!.fixes, undefined);
  });

  /** The fixes of the finding on `ws.compute_targets[...]` (line 3, 0-based). */
  const lookupFixes = (src: string): unknown =>
    lint({ kind: 'python', text: src }).findings.find((f) => f.code.startsWith('AML1') && f.range.start.line === 3 && f.message.includes('compute_targets'))?.fixes;
  const loop = (body: string): string => `from azureml.core import Workspace\nws = Workspace.from_config()\nfor compute_name in ws.compute_targets:\n    compute = ws.compute_targets[compute_name]\n    ${body}\n`;
  const refused: Array<[string, string]> = [
    ['a converted field (!r shows the v1 spelling otherwise)', loop('print(f"{compute.name}: {compute.type!r}")')],
    ['an f-string kept in a name, not printed', loop('label = f"{compute.name}: {compute.type}"')],
    ['an f-string inside a larger print argument', loop('print("x" + f"{compute.type}")')],
  ];
  for (const [title, src] of refused) {
    it(`refused: ${title}`, () => assert.equal(lookupFixes(src), undefined));
  }
  it('(the plain form of the same loop is rewritten)', () => assert.ok(lookupFixes(loop('print(f"{compute.name}: {compute.type}")'))));
});
