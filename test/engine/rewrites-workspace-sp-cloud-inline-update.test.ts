/**
 * Round 32 (workspace.ts):
 * - `ServicePrincipalAuthentication(..., cloud="AzureCloud")`: v1's default cloud (azureml-core
 *   authentication.py, `cloud='AzureCloud'`), the public cloud ClientSecretCredential and MLClient use by
 *   default: dropped. Another cloud stays refused.
 * - `ComputeTarget(ws, name).update(idle_seconds_before_scaledown=...)` as one statement: the cluster got
 *   into a new name, its v2 field set and `compute.begin_update(c).result()` (ComputeOperations,
 *   https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.computeoperations).
 *   Refused: in a try with a narrow handler (`except ComputeTargetException:`), assigned, a string idle time.
 * - `c = ComputeTarget(ws, name)` then `c.stop(wait_for_completion=True, show_output=True)` (v1 returns the
 *   ComputeInstance subclass): `compute.begin_stop(c.name).result()`, as for `ComputeInstance(ws, name)`.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const sp = (cloud: string): string =>
  [
    'from azureml.core import Workspace',
    'from azureml.core.authentication import ServicePrincipalAuthentication',
    '',
    'sp_auth = ServicePrincipalAuthentication(',
    '    tenant_id="{TENANT ID}",',
    '    service_principal_id="{CLIENT ID}",',
    '    service_principal_password="{CLIENT SECRET}",',
    `    cloud=${cloud}`,
    ')',
    'ws = Workspace.get(name="ws", subscription_id="sub", resource_group="rg", auth=sp_auth)',
    'print(ws.name)',
    '',
  ].join('\n');

const update = (body: string[]): string =>
  ['from azureml.core import Workspace', 'from azureml.core.compute import ComputeTarget', '', 'ws = Workspace.from_config()', 'name = "gpu-cluster"', ...body, ''].join('\n');

describe('rewrites round 32: service principal of the public cloud, inline cluster update (AML101/AML105)', () => {
  rewriteCases([
    [
      'a service principal naming the public cloud: ClientSecretCredential',
      sp('"AzureCloud"'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import ClientSecretCredential',
        '',
        'sp_auth = ClientSecretCredential(tenant_id="{TENANT ID}", client_id="{CLIENT ID}", client_secret="{CLIENT SECRET}")',
        'ws = MLClient(sp_auth, subscription_id="sub", resource_group_name="rg", workspace_name="ws")',
        'print(ws.workspace_name)',
        '',
      ].join('\n'),
    ],
    [
      'the idle time of a cluster set inline',
      update(['ComputeTarget(ws, name).update(idle_seconds_before_scaledown=360)']),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'name = "gpu-cluster"',
        'cluster = ws.compute.get(name)',
        'cluster.idle_time_before_scale_down = 360',
        'ws.compute.begin_update(cluster).result()',
        '',
      ].join('\n'),
    ],
    [
      'min and max nodes set inline, inside a function (the name `cluster` taken: the next one)',
      update(['cluster = "x"', 'def scale():', '    ComputeTarget(workspace=ws, name=name).update(min_nodes=0, max_nodes=4)']),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'name = "gpu-cluster"',
        'cluster = "x"',
        'def scale():',
        '    compute_cluster = ws.compute.get(name)',
        '    compute_cluster.min_instances = 0',
        '    compute_cluster.max_instances = 4',
        '    ws.compute.begin_update(compute_cluster).result()',
        '',
      ].join('\n'),
    ],
    [
      'a compute instance got through ComputeTarget and stopped: begin_stop by its name',
      update(['ci = ComputeTarget(workspace=ws, name="my-ci")', 'ci.stop(wait_for_completion=True, show_output=True)']),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'name = "gpu-cluster"',
        'ci = ws.compute.get("my-ci")',
        'ws.compute.begin_stop(ci.name).result()',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused: a ComputeTarget stopped without waiting for it, its state read after', () => {
    const src = update(['ci = ComputeTarget(workspace=ws, name="my-ci")', 'ci.stop()', 'print(ci.get_status().state)']);
    const f = lint({ kind: 'python', text: src }).findings.find((x) => x.message.startsWith('`ComputeTarget.stop()`'));
    assert.ok(f && !f.fixes?.length);
  });

  it('refused: a service principal of another cloud', () => {
    const src = sp('"AzureChinaCloud"');
    const f = lint({ kind: 'python', text: src }).findings.find((x) => x.message.startsWith('`ServicePrincipalAuthentication()`'));
    assert.ok(f && !f.fixes?.length);
  });

  const refused: Array<[string, string[]]> = [
    ['in a try whose handler names v1\'s exception', ['from azureml.core.compute_target import ComputeTargetException', 'try:', '    ComputeTarget(ws, name).update(idle_seconds_before_scaledown=360)', 'except ComputeTargetException:', '    pass']],
    ['its result assigned', ['r = ComputeTarget(ws, name).update(idle_seconds_before_scaledown=360)']],
    ['a string idle time', ['ComputeTarget(ws, name).update(idle_seconds_before_scaledown="360")']],
  ];
  for (const [title, body] of refused) {
    it(`refused: an inline update ${title}`, () => {
      const src = update(body);
      const f = lint({ kind: 'python', text: src }).findings.filter((x) => x.message.startsWith('`ComputeTarget.update()`') || x.message.startsWith('`ComputeTarget()`'));
      assert.equal(f.length, 2);
      for (const x of f) assert.ok(!x.fixes?.length, `no fix on ${x.message.split(' ')[0]}`);
      assert.ok(parses(fixPython(src, true)));
    });
  }
});
