/**
 * AML104 v1-environment-api: environments.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('environment', {
  code: 'AML104',
  name: 'v1-environment-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 environments (`Environment.from_conda_specification`, `Environment.get`, `CondaDependencies`, `env.register`, ...).",
    why: "v2 environments are `azure.ai.ml.entities.Environment` entities (a base image plus a conda file, or a Docker build context) registered with `ml_client.environments.create_or_update`. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core import Environment\n\nenv = Environment.from_conda_specification(name=\"train-env\", file_path=\"conda.yml\")",
    v2Example: "from azure.ai.ml.entities import Environment\n\nenv = Environment(name=\"train-env\", image=\"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04\", conda_file=\"conda.yml\")\nml_client.environments.create_or_update(env)",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2",
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-command-job"
    ]
  },
});
