/**
 * Round 30 (pipelines): `ct = ws.get_default_compute_target("CPU"|"GPU")` outside a pipeline now rewrites the compute's
 * uses with workspace.ts's computeUseEdits (the uses of `ComputeTarget(ws, name)`), not a copy of it. A cluster fetched
 * by name with `ml_client.compute.get(name)` (ComputeOperations.get,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.computeoperations) has `name` and
 * `provisioning_state` as attributes (azure.ai.ml.entities.Compute), so those reads stay as written.
 * Refused: the compute itself tested or shown (computeUseEdits leaves such a use as it is; the v1 object is not the v2 one).
 */
import * as assert from 'node:assert/strict';
import { lint, type DocumentInput } from '../../server/src/engine';
import { rewriteCases } from './helpers';

function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

describe('rewrites, round 30: get_default_compute_target, its uses as a looked-up cluster', () => {
  rewriteCases([
    [
      'GPU cluster, its name and provisioning state printed: read the same on the v2 compute',
      [
        'from azureml.core import Workspace',
        '',
        'ws = Workspace.from_config()',
        'gpu = ws.get_default_compute_target(type="GPU")',
        'print(gpu.name, gpu.provisioning_state)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'gpu = ml_client.compute.get("gpu-cluster")',
        'print(gpu.name, gpu.provisioning_state)',
        '',
      ].join('\n'),
    ],
  ]);

  const head = ['from azureml.core import Workspace', 'from azureml.core.compute import AmlCompute', 'ws = Workspace.from_config()'];
  for (const [title, lines] of [
    ['the compute type-tested', ['ct = ws.get_default_compute_target("CPU")', 'if type(ct) is AmlCompute:', '    print(ct.name)']],
    ['the compute shown as a notebook value', ['ct = ws.get_default_compute_target("CPU")', 'ct']],
    ['the compute put in a list', ['ct = ws.get_default_compute_target("CPU")', 'targets = [ct]']],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: [...head, ...lines, ''].join('\n') }, 'Workspace.get_default_compute_target()'));
  }
});
