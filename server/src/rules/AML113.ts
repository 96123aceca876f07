/**
 * AML113 v1-other-api: other SDK v1 APIs.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('other', {
  code: 'AML113',
  name: 'v1-other-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds any other use of a public SDK v1 (`azureml.*`) name: `azureml.core.VERSION`, widgets, interpretability, telemetry, `contrib` packages, exceptions, and v1 names the catalogue does not list.",
    why: "SDK v1 reached end of support on 2026-06-30: existing workflows keep running but could be exposed to security risks or breaking changes.",
    v1Example: "import azureml.core\n\nprint(\"SDK version:\", azureml.core.VERSION)",
    v2Example: "from importlib.metadata import version\n\nprint(\"SDK version:\", version(\"azure-ai-ml\"))",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
  },
});
