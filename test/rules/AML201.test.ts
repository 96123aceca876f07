import { ruleTester } from './tester';

ruleTester('AML201', {
  valid: [
    {
      name: 'register_azure_sql_database named in a docstring only',
      code: 'from azureml.core import Datastore\ndef register_blob(ws):\n    """Unlike Datastore.register_azure_sql_database, this registers Blob."""\n    return Datastore.register_azure_blob_container(ws, "b", "c", "a")',
    },
    'from azureml.core import Datastore\nDatastore.register_azure_blob_container(ws, "blob", "container", "account")',
    'from azure.ai.ml.entities import AzureBlobDatastore\nml_client.create_or_update(AzureBlobDatastore(name="b", account_name="a", container_name="c"))',
    {
      // SDK v2 data transfer (round 35 v2only sample, azure-sdk-for-python test config): a database source is a
      // workspace connection read by an import job, not a v1 SQL datastore.
      name: 'v2 data_transfer import_data from a Database source',
      code: [
        'from azure.ai.ml import Output, dsl',
        'from azure.ai.ml.data_transfer import import_data, Database',
        '@dsl.pipeline(description="import database")',
        'def p(query, connection):',
        '    sql_blob = import_data(source=Database(query=query, connection=connection), outputs={"sink": Output(type="mltable")})',
        'pipeline = p("select top(10) Name from SalesLT.ProductCategory", "azureml:my_azuresqldb_connection")',
      ].join('\n'),
    },
    {
      // Data import preview notebook (round 35 v2only sample): DatabaseImportSource with an Azure SQL connection.
      name: 'v2 ImportJob with DatabaseImportSource(type="azuresqldb")',
      cells: [
        'pip install azure-ai-ml==0.0.71493720 --extra-index-url https://example.invalid/simple/',
        "from azure.ai.ml.entities import DatabaseImportSource, ImportJob\nfrom azure.ai.ml import Output\ndata_source = DatabaseImportSource(type='azuresqldb', connection='azureml:<conn>', query='<query>')\nreturned_job = ml_client.jobs.create_or_update(ImportJob(source=data_source, output=Output(type='mltable')))",
      ],
    },
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
    {
      // A notebook (real shape): the SQL datastore is fetched by name, so only the queries are SQL-specific.
      name: 'notebook querying a SQL datastore fetched by name',
      cells: [
        'from azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nsql_datastore = Datastore.get(workspace=ws, datastore_name="ado_sql_datastore")',
        "from azureml.core import Dataset, DataPath\nquery = DataPath(sql_datastore, 'SELECT * FROM Improvements')\nimprovements = Dataset.Tabular.from_sql_query(query)",
      ],
      errors: [{ cell: 2, line: 3, column: 16, endColumn: 46, message: 'SQL/database datastores' }],
    },
    {
      // A helper module (real shape): the SQL datastore class as a parameter annotation, then a query.
      name: 'helper typed with AzureSqlDatabaseDatastore',
      code: [
        'from azureml.core import Dataset',
        'from azureml.data.azure_sql_database_datastore import AzureSqlDatabaseDatastore',
        'from azureml.data.datapath import DataPath',
        'def register_items(sql_datastore: AzureSqlDatabaseDatastore):',
        '    query = DataPath(sql_datastore, "SELECT * FROM Items")',
        '    return Dataset.Tabular.from_sql_query(query)',
      ].join('\n'),
      errors: [{ line: 4, column: 35, endColumn: 60 }, { line: 6, column: 12, endColumn: 42 }],
    },
  ],
});
