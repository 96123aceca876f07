/**
 * AML105 v1-compute-api: compute targets.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('compute', {
  code: 'AML105',
  name: 'v1-compute-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 compute (`ComputeTarget.create`, `AmlCompute.provisioning_configuration`, `ComputeTarget(ws, name)`, `compute.wait_for_completion`, `ComputeTargetException`, ...).",
    why: "v2 creates and gets compute through `MLClient` (`ml_client.begin_create_or_update(AmlCompute(...))`, `ml_client.compute.get(name)`). Clusters created in v1 keep working in v2; only the client code changes. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core.compute import AmlCompute, ComputeTarget\n\ncfg = AmlCompute.provisioning_configuration(vm_size=\"STANDARD_D2_V2\", max_nodes=4)\ncluster = ComputeTarget.create(ws, \"cpu-cluster\", cfg)\ncluster.wait_for_completion(show_output=True)",
    v2Example: "from azure.ai.ml.entities import AmlCompute\n\ncluster = AmlCompute(name=\"cpu-cluster\", type=\"amlcompute\", size=\"STANDARD_D2_V2\", max_instances=4)\nml_client.begin_create_or_update(cluster).result()",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-compute",
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
  },
});
