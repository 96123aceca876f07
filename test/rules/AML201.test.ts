import { ruleTester } from './tester';

ruleTester('AML201', {
  valid: [
    'from azureml.core import Datastore\nDatastore.register_azure_blob_container(ws, "blob", "container", "account")',
    'from azure.ai.ml.entities import AzureBlobDatastore\nml_client.create_or_update(AzureBlobDatastore(name="b", account_name="a", container_name="c"))',
  ],
  invalid: [
    {
      code: 'from azureml.core import Datastore\nsql = Datastore.register_azure_sql_database(ws, "sqldb", server_name="s", database_name="d")',
      errors: [{ line: 2, column: 7, endColumn: 44, message: ['no SDK v2 equivalent', 'object storage', '2026-09-30'] }],
    },
    {
      code: 'from azureml.core import Dataset\nfrom azureml.data.datapath import DataPath\nds = Dataset.Tabular.from_sql_query(DataPath(sql, "SELECT 1"))',
      errors: [{ line: 3, column: 6 }],
    },
    { code: 'from azureml.data.sql_data_reference import SqlDataReference\nref = SqlDataReference(datastore=sql, sql_query="SELECT 1")', errors: [{ line: 2, column: 7 }] },
    { code: 'from azureml.data.azure_postgre_sql_datastore import AzurePostgreSqlDatastore\ndef f(ds: AzurePostgreSqlDatastore): pass', errors: [{ line: 2, column: 11 }] },
  ],
});
