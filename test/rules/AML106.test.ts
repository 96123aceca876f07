import { ruleTester } from './tester';

ruleTester('AML106', {
  valid: [
    'ds = ml_client.datastores.get_default()',
    { name: 'v2 datastore URI', code: 'path = "azureml://datastores/workspaceblobstore/paths/data/"' },
  ],
  invalid: [
    {
      // A job script's workspace through its run (azureml-core: Run.experiment is an Experiment, Experiment.workspace a
      // Workspace): the datastore's own message and rule, and what the lookup returns is a Datastore (session 15).
      name: 'real shape: the workspace of the job\'s run (run.experiment.workspace)',
      code: 'from azureml.core import Run\nrun = Run.get_context()\nws = run.experiment.workspace\nds = ws.get_default_datastore()\nds.download(target_path="data")',
      errors: [{ line: 4, column: 6, endColumn: 30, message: ['Run.experiment.workspace.get_default_datastore()', 'datastores.get_default'] }, { line: 5, column: 1, endColumn: 12, message: 'Datastore.download()' }],
    },
    {
      code: 'from azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nds = ws.get_default_datastore()\nblob = Datastore.get(ws, "workspaceblobstore")\nds.upload(src_dir="data", target_path="data")',
      errors: [{ line: 3, column: 6, endColumn: 30, message: "datastores.get_default" }, { line: 4, column: 8, endColumn: 21 }, { line: 5, column: 1, endColumn: 10 }],
    },
    { code: 'from azureml.core import Datastore\nDatastore.register_azure_blob_container(ws, "b", "c", "acct", account_key=k)', errors: [{ line: 2, column: 1, message: 'AzureBlobDatastore' }] },
  ],
});
