import { ruleTester } from './tester';

const cluster = [
  'from azureml.core.compute import ComputeTarget, AmlCompute',
  'from azureml.core.compute_target import ComputeTargetException',
  'try:',
  '    cluster = ComputeTarget(workspace=ws, name="cpu")',
  'except ComputeTargetException:',
  '    cfg = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=4)',
  '    cluster = ComputeTarget.create(ws, "cpu", cfg)',
  'cluster.wait_for_completion(show_output=True)',
].join('\n');

ruleTester('AML105', {
  valid: [
    'from azure.ai.ml.entities import AmlCompute\ncluster = AmlCompute(name="cpu", size="STANDARD_D2_V2", max_instances=4)\nml_client.begin_create_or_update(cluster).result()',
  ],
  invalid: [
    {
      // Session 14 v1b sample: attaching an existing resource returns the attached target.
      name: 'ComputeTarget.attach returns a compute target',
      code: 'from azureml.core.compute import ComputeTarget\nc = ComputeTarget.attach(ws, "db", cfg)\nc.wait_for_completion(show_output=True)\n',
      errors: [{ line: 2, column: 5, endColumn: 25 }, { line: 3, column: 1, endColumn: 22, message: 'ComputeTarget.wait_for_completion' }],
    },
    {
      name: 'get-or-create cluster',
      code: cluster,
      errors: [
        { line: 4, column: 15, endColumn: 28 },
        { line: 5, column: 8, endColumn: 30 },
        { line: 6, column: 11, endColumn: 48, message: 'AmlCompute' },
        { line: 7, column: 15, endColumn: 35 },
        { line: 8, column: 1, endColumn: 28 },
      ],
    },
  ],
});
