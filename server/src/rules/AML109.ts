/**
 * AML109 v1-deployment-api: web service deployment.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('deployment', {
  code: 'AML109',
  name: 'v1-deployment-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 deployment (`Model.deploy`, `InferenceConfig`, `AciWebservice`/`AksWebservice.deploy_configuration`, `service.wait_for_deployment`, `service.run`, ...), also through MLflow 1.x's Azure ML deployment API (`mlflow.azureml.deploy`, `mlflow.azureml.build_image`: a v1 workspace in, v1 objects out).",
    why: "ACI and AKS web services are legacy; v2 deploys to managed online endpoints (`ManagedOnlineEndpoint` + `ManagedOnlineDeployment`) or Kubernetes online endpoints, and batch endpoints for batch scoring. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core.model import InferenceConfig, Model\nfrom azureml.core.webservice import AciWebservice\n\nservice = Model.deploy(ws, \"svc\", [model], InferenceConfig(entry_script=\"score.py\", environment=env),\n                       AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1))\nservice.wait_for_deployment(show_output=True)",
    v2Example: "from azure.ai.ml.entities import CodeConfiguration, ManagedOnlineDeployment, ManagedOnlineEndpoint\n\nml_client.begin_create_or_update(ManagedOnlineEndpoint(name=\"svc\", auth_mode=\"key\")).result()\ndeployment = ManagedOnlineDeployment(name=\"blue\", endpoint_name=\"svc\", model=model, environment=env,\n    code_configuration=CodeConfiguration(code=\"./src\", scoring_script=\"score.py\"), instance_type=\"Standard_DS3_v2\", instance_count=1)\nml_client.begin_create_or_update(deployment).result()",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-deploy-endpoints",
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-managed-online-endpoints"
    ]
  },
});
