/**
 * AML201 sql-datastore: SQL and database datastores (no full SDK v2 equivalent).
 */
import { featureRule } from './features';

export default featureRule({
  meta: {
    code: 'AML201',
    name: 'sql-datastore',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds SDK v1 SQL and database datastores: `Datastore.register_azure_sql_database`, `register_azure_postgre_sql`, `register_azure_my_sql`, their datastore classes, `Dataset.Tabular.from_sql_query` and `SqlDataReference`.",
    why: "SDK v2 supports only object-storage datastores (Blob, File share, Data Lake Gen1/Gen2, OneLake). The migration guide says to export SQL data to object storage; the datastore migration page suggests \"data import\", but Import data (preview) and Data Connections (preview) are deprecated and unavailable after 2026-09-30, and Microsoft Fabric with Azure ML datastores is the recommended path.",
    v1Example: "from azureml.core import Datastore, Dataset\nfrom azureml.data.datapath import DataPath\n\nsql_ds = Datastore.register_azure_sql_database(ws, \"sqldb\", server_name=\"srv\", database_name=\"db\", username=u, password=p)\ntabular = Dataset.Tabular.from_sql_query(DataPath(sql_ds, \"SELECT * FROM sales\"))",
    v2Example: "# Export the table to Blob storage (e.g. with Azure Data Factory or Fabric), then:\nfrom azure.ai.ml.constants import AssetTypes\nfrom azure.ai.ml.entities import Data\n\nml_client.data.create_or_update(Data(name=\"sales\", path=\"azureml://datastores/workspaceblobstore/paths/sales/\", type=AssetTypes.URI_FOLDER))",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1",
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-datastore"
    ]
    },
  },
  symbols: ["azureml.core.Datastore.register_azure_sql_database", "azureml.core.Datastore.register_azure_postgre_sql", "azureml.core.Datastore.register_azure_my_sql", "azureml.data.azure_sql_database_datastore", "azureml.data.azure_postgre_sql_datastore", "azureml.data.azure_my_sql_datastore", "azureml.core.Dataset.Tabular.from_sql_query", "azureml.data.sql_data_reference"],
  message: (shown) => `${shown} is SDK v1 and SQL/database datastores have no SDK v2 equivalent: export the data to object storage (usually Blob), or use Microsoft Fabric with Azure ML datastores. Import data and Data Connections (preview) are deprecated and unavailable after 2026-09-30.`,
});
