/**
 * Round 22 (compute): the DP-100 labs' compute shapes.
 * - The cluster's creation inside a `try: ... except Exception as ex: print(ex)` of its own in the
 *   `except ComputeTargetException:` clause (labs 07/08/10/11/12/17) is part of the get-or-create
 *   pattern (the get in the outer try is rewritten with it; before, the creation was rewritten
 *   alone and the workspace became an MLClient under a get still v1).
 * - `rc.target = cluster` of a v1 RunConfiguration → `cluster.name` (its setter kept the name).
 * - `print(c.name, ':', c.type)` of a compute listed from `ws.compute_targets`, and
 *   `print(ds.name, ':', ds.datastore_type)` of a datastore got by name: v2's `type` (spelt
 *   otherwise), the print marked `# amlint: review`.
 * Refused: an inner handler narrower than Exception, a compute's `type` used otherwise than
 * printed, the status of `get_status()` read for node counts/allocation state (no v2 field).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  assert.equal(found[0].fixes, undefined, api);
}

const NESTED = [
  'try:',
  '    # Check for existing compute target',
  '    training_cluster = ComputeTarget(workspace=ws, name=cluster_name)',
  "    print('Found existing cluster, use it.')",
  'except ComputeTargetException:',
  "    # If it doesn't already exist, create it",
  '    try:',
  "        compute_config = AmlCompute.provisioning_configuration(vm_size='STANDARD_DS11_V2', max_nodes=2)",
  '        training_cluster = ComputeTarget.create(ws, cluster_name, compute_config)',
  '        training_cluster.wait_for_completion(show_output=True)',
  '    except Exception as ex:',
  '        print(ex)',
];

describe('rewrites round 22 (compute): DP-100 compute shapes', () => {
  rewriteCases([
    [
      // AmlCompute entity + compute.begin_create_or_update; compute.get raises ResourceNotFoundError
      // (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-compute).
      'the creation in a try of its own inside `except ComputeTargetException:`: one get-or-create',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeTarget, AmlCompute',
        'from azureml.core.compute_target import ComputeTargetException',
        '',
        'ws = Workspace.from_config()',
        'cluster_name = "your-compute-cluster"',
        '',
        ...NESTED,
        'print(training_cluster.name)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.core.exceptions import ResourceNotFoundError',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'cluster_name = "your-compute-cluster"',
        '',
        'try:',
        '    # Check for existing compute target',
        '    training_cluster = ws.compute.get(cluster_name)',
        "    print('Found existing cluster, use it.')",
        'except ResourceNotFoundError:',
        "    # If it doesn't already exist, create it",
        '    try:',
        "        compute_config = azure.ai.ml.entities.AmlCompute(name=cluster_name, size='STANDARD_DS11_V2', max_instances=2, idle_time_before_scale_down=1800)",
        '        training_cluster = ws.compute.begin_create_or_update(compute_config).result()',
        '        print(training_cluster.provisioning_state)',
        '    except Exception as ex:',
        '        print(ex)',
        'print(training_cluster.name)',
        '',
      ].join('\n'),
    ],
    [
      // azureml-core runconfig.py: the `target` setter stores `target.name` of a ComputeTarget.
      'a v1 RunConfiguration given the cluster: `rc.target = c.name` (what v1 stored)',
      [
        'from azureml.core import Workspace',
        'from azureml.core.runconfig import RunConfiguration',
        'from azureml.core.compute import ComputeTarget, AmlCompute',
        'from azureml.core.compute_target import ComputeTargetException',
        '',
        'ws = Workspace.from_config()',
        'cluster_name = "aml-cluster"',
        'try:',
        '    pipeline_cluster = ComputeTarget(workspace=ws, name=cluster_name)',
        'except ComputeTargetException:',
        "    compute_config = AmlCompute.provisioning_configuration(vm_size='STANDARD_D2_V2', max_nodes=4)",
        '    pipeline_cluster = ComputeTarget.create(ws, cluster_name, compute_config)',
        'pipeline_cluster.wait_for_completion(show_output=True)',
        'pipeline_run_config = RunConfiguration()',
        'pipeline_run_config.target = pipeline_cluster',
        // (read: a RunConfiguration nothing reads would be removed, estimators.ts)
        'print(pipeline_run_config.target)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.core.exceptions import ResourceNotFoundError',
        'from azureml.core.runconfig import RunConfiguration',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'cluster_name = "aml-cluster"',
        'try:',
        '    pipeline_cluster = ws.compute.get(cluster_name)',
        'except ResourceNotFoundError:',
        "    compute_config = azure.ai.ml.entities.AmlCompute(name=cluster_name, size='STANDARD_D2_V2', max_instances=4, idle_time_before_scale_down=1800)",
        '    pipeline_cluster = ws.compute.begin_create_or_update(compute_config).result()',
        'print(pipeline_cluster.provisioning_state)',
        'pipeline_run_config = RunConfiguration()',
        'pipeline_run_config.target = pipeline_cluster.name',
        'print(pipeline_run_config.target)',
        '',
      ].join('\n'),
    ],
    [
      // v2 Datastore.type is the REST DatastoreType (azure-ai-ml entities/_datastore/datastore.py).
      'a datastore got by name printed with its type: `type`, marked for review',
      [
        'from azureml.core import Workspace, Datastore',
        'ws = Workspace.from_config()',
        'for datastore_name in ws.datastores:',
        '    datastore = Datastore.get(ws, datastore_name)',
        "    print(datastore.name, ':', datastore.datastore_type)",
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'for datastore_name in {d.name: d for d in ws.datastores.list()}:',
        '    datastore = ws.datastores.get(name=datastore_name)',
        `    print(datastore.name, ':', datastore.type)${REVIEW}`,
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook (DP-100 lab 01): computes listed with name and type, the print marked for review', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace\n\nws = Workspace.from_config()\nprint(ws.name, "loaded")' },
      { kind: 'markdown', text: 'List the compute targets.' },
      { kind: 'code', text: 'print("Compute Resources:")\nfor compute_name in ws.compute_targets:\n    compute = ws.compute_targets[compute_name]\n    print("\\t", compute.name, \':\', compute.type)' },
    ];
    // COMP: compute.list / compute.get; v2 Compute.type is the REST type lower-cased (azure-ai-ml entities/_compute/compute.py).
    const expected = [
      { kind: 'code', text: [...CLIENT, '', 'ws = MLClient.from_config(credential=DefaultAzureCredential())', 'print(ws.workspace_name, "loaded")'].join('\n') },
      { kind: 'markdown', text: 'List the compute targets.' },
      {
        kind: 'code',
        text: [
          'print("Compute Resources:")',
          'for compute_name in {c.name: c for c in ws.compute.list()}:',
          '    compute = ws.compute.get(compute_name)',
          `    print("\\t", compute.name, ':', compute.type)${REVIEW}`,
        ].join('\n'),
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  const HEAD = 'from azureml.core import Workspace\nfrom azureml.core.compute import ComputeTarget, AmlCompute\nfrom azureml.core.compute_target import ComputeTargetException\nws = Workspace.from_config()\ncluster_name = "c"\n';
  it('refuses: an inner handler narrower than Exception (v2 errors would escape it)', () => {
    noFix(HEAD + NESTED.join('\n').replace('except Exception as ex:', 'except KeyError as ex:') + '\n', 'ComputeTarget()');
  });
  it('refuses: a compute type read otherwise than printed', () => {
    noFix('from azureml.core import Workspace\nws = Workspace.from_config()\nfor n in ws.compute_targets:\n    c = ws.compute_targets[n]\n    kind = c.type\n', 'ComputeTarget.type');
  });
  it('refuses: the status read for allocation state and node count (no v2 field)', () => {
    noFix(HEAD + NESTED.join('\n') + '\ncluster_state = training_cluster.get_status()\nprint(cluster_state.allocation_state, cluster_state.current_node_count)\n', 'ComputeTarget()');
  });
});
