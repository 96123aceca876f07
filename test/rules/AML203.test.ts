import { ruleTester } from './tester';

ruleTester('AML203', {
  valid: [
    'from azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep(script_name="a.py")',
    { name: 'Kusto client outside Azure ML', code: 'from azure.kusto.data import KustoClient, KustoConnectionStringBuilder\nclient = KustoClient(KustoConnectionStringBuilder.with_az_cli_authentication(cluster))\nclient.execute("db", "T | take 10")' },
    {
      // SDK v2 data transfer components (round 35 v2only sample): not a v1 DataTransferStep.
      name: 'v2 data_transfer import_data/copy_data in a dsl pipeline',
      code: 'from azure.ai.ml import dsl\nfrom azure.ai.ml.data_transfer import import_data, copy_data, Database\n@dsl.pipeline()\ndef p():\n    node = import_data(source=Database(query="select 1", connection="azureml:c"), outputs=outputs)\n    copy = copy_data(inputs={"folder1": node.outputs.sink})',
    },
  ],
  invalid: [
    { code: 'from azureml.pipeline.steps import DatabricksStep\nstep = DatabricksStep(name="db", notebook_path="/nb")', errors: [{ line: 2, column: 8, endColumn: 22, message: 'no v2 job or component type' }] },
    { code: 'import azureml.pipeline.steps as steps\ncopy = steps.DataTransferStep(name="c")', errors: [{ line: 2, column: 8 }] },
    { code: 'from azureml.pipeline.steps import KustoStep, AdlaStep, AzureBatchStep\nsteps = [KustoStep(), AdlaStep(), AzureBatchStep()]', errors: [{ line: 2, column: 10 }, { line: 2, column: 23 }, { line: 2, column: 35 }] },
    {
      // A tutorial script (real shape) with a stray line that does not parse before the step.
      name: 'DatabricksStep after a line that does not parse',
      code: 'from azureml.core import Workspace\nws = Workspace.from_config("./config")\n-\ncluster_name = "pipeline-cluster"\nfrom azureml.pipeline.steps import DatabricksStep\ndb_step01 = DatabricksStep(name = "db_step01",\n                           notebook_path = notebook_path,\n                           compute_target = db_cluster)',
      errors: [{ line: 6, column: 13, endColumn: 27 }],
    },
    { code: 'from azureml.pipeline.steps.data_transfer_step import DataTransferStep\nt = DataTransferStep(name="t", source_data_reference=a, destination_data_reference=b)', errors: [{ line: 2, column: 5, endColumn: 21 }] },
  ],
});
