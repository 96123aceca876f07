/**
 * AML106 v1-datastore-api: datastores.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('datastore', {
  code: 'AML106',
  name: 'v1-datastore-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 datastores (`Datastore.get`, `Datastore.register_azure_blob_container`, `ws.get_default_datastore()`, `datastore.upload`, ...).",
    why: "v2 datastores are entities (`AzureBlobDatastore`, `AzureFileDatastore`, `AzureDataLakeGen2Datastore`, ...) managed through `ml_client.datastores`. Object-storage datastores created in v1 are usable in v2. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core import Datastore\n\ndatastore = ws.get_default_datastore()\nblob = Datastore.get(ws, \"workspaceblobstore\")",
    v2Example: "datastore = ml_client.datastores.get_default()\nblob = ml_client.datastores.get(name=\"workspaceblobstore\")",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-datastore",
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
  },
});
