/**
 * Round 28 (compute): the "get an existing cluster, or report it missing" idiom, with no create in
 * the handler: `try: c = ComputeTarget(ws, name) except ComputeTargetException[ as e]: print(...);
 * sys.exit(1)` → `ml_client.compute.get(name)` under `except ResourceNotFoundError` (COMP:
 * https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-compute; compute.get raises
 * azure.core's ResourceNotFoundError for a missing compute, as in the get-or-create rewrite). The
 * handler's own exception name no longer counts as v1 code in the handler.
 * Refused: a handler that runs other v1 code or binds the cluster's name to anything but None, a cluster whose type is shown (`type(c)`: another class).
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

/** The fixes of the AML1 finding on `line` (0-based) whose message starts with `what`. */
function fixesAt(src: string, line: number, what: string): unknown {
  const f = lint({ kind: 'python', text: src }).findings.find((x) => x.code.startsWith('AML1') && x.range.start.line === line && x.message.startsWith(what));
  assert.ok(f, `a finding ${what} on line ${line}`);
  return f!.fixes;
}

describe('rewrites, round 28: a compute looked up, its absence reported', () => {
  rewriteCases([
    [
      'get or exit (a submit script): compute.get under except ResourceNotFoundError',
      [
        'import sys',
        'from azureml.core import Workspace, ComputeTarget',
        'from azureml.exceptions import ComputeTargetException',
        '',
        'ws = Workspace.from_config()',
        'cluster_name = "cpu-cluster"',
        'try:',
        '    cluster = ComputeTarget(ws, cluster_name)',
        'except ComputeTargetException:',
        '    print(f"Compute {cluster_name} does not exist.")',
        '    sys.exit(1)',
        'print(cluster.name)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.core.exceptions import ResourceNotFoundError',
        'import sys',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'cluster_name = "cpu-cluster"',
        'try:',
        '    cluster = ws.compute.get(cluster_name)',
        'except ResourceNotFoundError:',
        '    print(f"Compute {cluster_name} does not exist.")',
        '    sys.exit(1)',
        'print(cluster.name)',
        '',
      ].join('\n'),
    ],
    [
      'get or report, the error bound (`as e`) and printed; keyword arguments',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget',
        'from azureml.core.compute_target import ComputeTargetException',
        '',
        'ws = Workspace.from_config()',
        'compute = None',
        'try:',
        '    compute = ComputeTarget(workspace=ws, name="gpu-cluster")',
        '    print("Found it")',
        'except ComputeTargetException as e:',
        '    print(f"Failed to get compute. Error: {e}")',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.core.exceptions import ResourceNotFoundError',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'compute = None',
        'try:',
        '    compute = ws.compute.get("gpu-cluster")',
        '    print("Found it")',
        'except ResourceNotFoundError as e:',
        '    print(f"Failed to get compute. Error: {e}")',
        '',
      ].join('\n'),
    ],
    [
      'get or re-raise, the status shown: the entity fetched again, for review (no node counts in v2)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget',
        'from azureml.core.compute_target import ComputeTargetException',
        'ws = Workspace.from_config()',
        'try:',
        '    c = ComputeTarget(workspace=ws, name="cpu")',
        'except ComputeTargetException:',
        '    raise',
        'print(c.get_status())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.core.exceptions import ResourceNotFoundError',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'try:',
        '    c = ws.compute.get("cpu")',
        'except ResourceNotFoundError:',
        '    raise',
        'print(ws.compute.get(c.name))  # amlint: review',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused when the handler runs other v1 code', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'from azureml.core.compute import ComputeTarget',
      'from azureml.core.compute_target import ComputeTargetException',
      '',
      'ws = Workspace.from_config()',
      'try:',
      '    compute = ComputeTarget(workspace=ws, name="gpu-cluster")',
      'except ComputeTargetException:',
      '    compute = Experiment(ws, "x")',
      '',
    ].join('\n');
    assert.equal(fixesAt(src, 6, '`ComputeTarget()`'), undefined);
  });

  it('refused when the handler binds the cluster to something else (a helper may make a v1 one)', () => {
    const src = [
      'from azureml.core import Workspace',
      'from azureml.core.compute import ComputeTarget',
      'from azureml.core.compute_target import ComputeTargetException',
      '',
      'ws = Workspace.from_config()',
      'try:',
      '    compute = ComputeTarget(workspace=ws, name="gpu-cluster")',
      'except ComputeTargetException:',
      '    compute = make_cluster(ws, "gpu-cluster")',
      'compute.update(max_nodes=2)',
      '',
    ].join('\n');
    assert.equal(fixesAt(src, 6, '`ComputeTarget()`'), undefined);
  });

  it('refused when the cluster\'s type is shown (a v2 entity is another class)', () => {
    const src = [
      'from azureml.core import Workspace',
      'from azureml.core.compute import ComputeTarget',
      'from azureml.core.compute_target import ComputeTargetException',
      '',
      'ws = Workspace.from_config()',
      'try:',
      '    compute = ComputeTarget(workspace=ws, name="gpu-cluster")',
      '    print(f"Found {type(compute)}")',
      'except ComputeTargetException:',
      '    pass',
      '',
    ].join('\n');
    assert.equal(fixesAt(src, 6, '`ComputeTarget()`'), undefined);
  });
});
