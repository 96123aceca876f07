/**
 * Round 29 (compute, workspace.ts): the get-or-create idiom written with `AmlCompute.create(ws, name,
 * config)` (azureml-core's static `ComputeTarget.create` reached through the subclass: the kind comes
 * from the provisioning configuration) and a silent wait (`wait_for_completion()` / `show_output=False`:
 * v1 waits and prints nothing). v2: `ml_client.compute.begin_create_or_update(AmlCompute(...)).result()`
 * waits for the cluster (COMP: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-compute),
 * so the silent wait goes. Refused: a silent wait for a node count (v2 cannot wait for nodes).
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

/** The fixes of the AML1 finding on `line` (0-based) whose message starts with `what`. */
function fixesAt(src: string, line: number, what: string): unknown {
  const f = lint({ kind: 'python', text: src }).findings.find((x) => x.code.startsWith('AML1') && x.range.start.line === line && x.message.startsWith(what));
  assert.ok(f, `a finding ${what} on line ${line}`);
  return f!.fixes;
}

const HEAD = ['from azureml.core import Workspace', 'from azureml.core.compute import AmlCompute', '', 'ws = Workspace.from_config()', 'name = "cpu-cluster"'];
const V2_HEAD = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential', 'import azure.ai.ml.entities', '', 'ws = MLClient.from_config(credential=DefaultAzureCredential())', 'name = "cpu-cluster"'];
// COMP: vm_size → size, max_nodes → max_instances; v1's idle scale-down default (1800 s) stated.
const ENTITY = '    config = azure.ai.ml.entities.AmlCompute(name=name, size="STANDARD_D2_V2", max_instances=2, idle_time_before_scale_down=1800)';

describe('rewrites, round 29: AmlCompute.create and a silent wait', () => {
  rewriteCases([
    [
      'name not in ws.compute_targets: AmlCompute.create, then a silent wait',
      [
        ...HEAD,
        'if name not in ws.compute_targets:',
        '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=2)',
        '    cluster = AmlCompute.create(ws, name, config)',
        '    cluster.wait_for_completion()',
        'else:',
        '    cluster = ws.compute_targets[name]',
        'print(cluster.name)',
        '',
      ].join('\n'),
      [
        ...V2_HEAD,
        'if name not in [c.name for c in ws.compute.list()]:',
        ENTITY,
        '    cluster = ws.compute.begin_create_or_update(config).result()',
        'else:',
        '    cluster = ws.compute.get(name)',
        'print(cluster.name)',
        '',
      ].join('\n'),
    ],
    [
      // (statementLines reads the module's text: tree-sitter's root node starts at the first token, after the blank line)
      'a file that starts with a blank line: the same deletion, at the right place',
      [
        '',
        ...HEAD,
        'if name not in ws.compute_targets:',
        '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=2)',
        '    cluster = AmlCompute.create(ws, name, config)',
        '    cluster.wait_for_completion()',
        'else:',
        '    cluster = ws.compute_targets[name]',
        'print(cluster.name)',
        '',
      ].join('\n'),
      [
        '',
        ...V2_HEAD,
        'if name not in [c.name for c in ws.compute.list()]:',
        ENTITY,
        '    cluster = ws.compute.begin_create_or_update(config).result()',
        'else:',
        '    cluster = ws.compute.get(name)',
        'print(cluster.name)',
        '',
      ].join('\n'),
    ],
    [
      'show_output=False said: the same silent wait',
      [
        ...HEAD,
        'if name not in ws.compute_targets:',
        '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=2)',
        '    cluster = AmlCompute.create(ws, name, config)',
        '    cluster.wait_for_completion(show_output=False)',
        '    print("created")',
        'else:',
        '    cluster = ws.compute_targets[name]',
        '',
      ].join('\n'),
      [
        ...V2_HEAD,
        'if name not in [c.name for c in ws.compute.list()]:',
        ENTITY,
        '    cluster = ws.compute.begin_create_or_update(config).result()',
        '    print("created")',
        'else:',
        '    cluster = ws.compute.get(name)',
        '',
      ].join('\n'),
    ],
  ]);

  it('the silent wait offers the creation fix', () => {
    const src = [...HEAD, 'if name not in ws.compute_targets:', '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=2)', '    cluster = AmlCompute.create(ws, name, config)', '    cluster.wait_for_completion()', 'else:', '    cluster = ws.compute_targets[name]', ''].join('\n');
    assert.ok((fixesAt(src, 8, '`ComputeTarget.wait_for_completion()`') as unknown[]).length > 0);
  });

  it('left v1: a silent wait for a node count (v2 cannot wait for nodes)', () => {
    const src = [...HEAD, 'if name not in ws.compute_targets:', '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=2)', '    cluster = AmlCompute.create(ws, name, config)', '    cluster.wait_for_completion(min_node_count=1)', 'else:', '    cluster = ws.compute_targets[name]', ''].join('\n');
    assert.ok(!(fixesAt(src, 8, '`ComputeTarget.wait_for_completion()`') as unknown[] | undefined)?.length);
    assert.ok(!(fixesAt(src, 7, '`AmlCompute.create()`') as unknown[] | undefined)?.length);
  });
});
