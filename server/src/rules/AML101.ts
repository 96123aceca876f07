/**
 * AML101 v1-workspace-api: workspace and authentication.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('workspace', {
  code: 'AML101',
  name: 'v1-workspace-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 workspace and authentication calls (`Workspace.from_config`, `Workspace.get`, `Workspace(...)`, `ws.get_details()`, `InteractiveLoginAuthentication`, ...).",
    why: "In SDK v2 the workspace handle is an `MLClient` built with an explicit `azure.identity` credential; v1 `Workspace` objects and v1 authentication classes cannot be handed to v2 APIs. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core import Workspace\n\nws = Workspace.from_config()\nprint(ws.name, ws.resource_group)",
    v2Example: "from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ml_client.workspace_name, ml_client.resource_group_name)",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-workspace",
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
  },
});
