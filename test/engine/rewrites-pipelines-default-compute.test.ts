/**
 * Round 29 (pipelines): `ct = ws.get_default_compute_target("CPU"|"GPU")` that no pipeline consumes (the
 * MachineLearningNotebooks sklearn HyperDrive notebook). azureml-core returns the workspace's compute named
 * Workspace.DEFAULT_CPU_CLUSTER_NAME "cpu-cluster" ("gpu-cluster" for GPU), so v2 gets that compute by name
 * (`ml_client.compute.get(name)`, ComputeOperations), its uses rewritten as a looked-up cluster's: `ct.name` reads the
 * same, `compute_target=ct` of a v1 configuration gets its name (jobs.ts writes `compute=ct.name` in the command),
 * `print(ct.get_status().serialize())` shows the entity fetched again, marked for review (no node counts in v2).
 * Refused: the status read as a value, an unknown type, the compute handed on otherwise.
 */
import * as assert from 'node:assert/strict';
import { lint, type DocumentInput } from '../../server/src/engine';
import { rewriteCases } from './helpers';

function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

describe('rewrites, round 29: get_default_compute_target outside a pipeline', () => {
  rewriteCases([
    [
      'CPU, its status shown: the cluster "cpu-cluster" got by name, the status line to review',
      [
        'from azureml.core import Workspace',
        '',
        'ws = Workspace.from_config()',
        'compute_target = ws.get_default_compute_target(type="CPU")',
        'print(compute_target.get_status().serialize())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'compute_target = ml_client.compute.get("cpu-cluster")',
        'print(ml_client.compute.get(compute_target.name))  # amlint: review',
        '',
      ].join('\n'),
    ],
    [
      'GPU, given to a submitted ScriptRunConfig and its name printed: the command runs on its name',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        '',
        'ws = Workspace.from_config()',
        'gpu = ws.get_default_compute_target("GPU")',
        'print("using", gpu.name)',
        'env = Environment.get(ws, "AzureML-Minimal")',
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target=gpu, environment=env)',
        'run = Experiment(ws, "gpu-train").submit(src)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import command',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'gpu = ml_client.compute.get("gpu-cluster")',
        'print("using", gpu.name)',
        'env = ml_client.environments.get(name="AzureML-Minimal", label="latest")',
        'src = command(code="src", command="python train.py", environment=env, compute=gpu.name)',
        'run = ml_client.jobs.create_or_update(src, experiment_name="gpu-train")',
        '',
      ].join('\n'),
    ],
  ]);

  const head = ['from azureml.core import Workspace', 'ws = Workspace.from_config()'];
  for (const [title, lines] of [
    ['the status read as a value (v2 has no node counts)', ['ct = ws.get_default_compute_target("CPU")', 'print(ct.get_status().current_node_count)']],
    ['a type other than CPU/GPU (v1 raises)', ['ct = ws.get_default_compute_target("TPU")', 'print(ct.name)']],
    ['the compute handed to a helper', ['ct = ws.get_default_compute_target("CPU")', 'train(ct)']],
    ['the compute printed whole', ['ct = ws.get_default_compute_target("CPU")', 'print(ct)']],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: [...head, ...lines, ''].join('\n') }, 'Workspace.get_default_compute_target()'));
  }
});
