/**
 * AML108 v1-model-api: models.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('model', {
  code: 'AML108',
  name: 'v1-model-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 model registry calls (`Model.register`, `Model(ws, name)`, `model.download`, `run.register_model`, `Model.get_model_path`, ...).",
    why: "v2 registers and fetches models through `ml_client.models` with `azure.ai.ml.entities.Model`. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core import Model\n\nmodel = Model.register(ws, model_name=\"sklearn-model\", model_path=\"outputs/model.pkl\")",
    v2Example: "from azure.ai.ml.constants import AssetTypes\nfrom azure.ai.ml.entities import Model\n\nmodel = ml_client.models.create_or_update(Model(name=\"sklearn-model\", path=\"outputs/model.pkl\", type=AssetTypes.CUSTOM_MODEL))",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-model",
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
  },
});
