/**
 * AML103 v1-logging-api: run logging (to MLflow).
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('logging', {
  code: 'AML103',
  name: 'v1-logging-api',
  family: 'AML1',
  defaultSeverity: 'info',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 logging in training scripts (`Run.get_context()`, `run.log`, `run.log_list`, `run.log_image`, `experiment.start_logging()`, `ws.get_mlflow_tracking_uri()`).",
    why: "v2 jobs log through MLflow (`mlflow` + `azureml-mlflow`). Scripts that call `Run.get_context()` still run under v2 jobs, but the docs recommend replacing the `azureml.*` lines with MLflow. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core import Run\n\nrun = Run.get_context()\nrun.log(\"accuracy\", acc)",
    v2Example: "import mlflow\n\nmlflow.log_metric(\"accuracy\", acc)",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/reference-migrate-sdk-v1-mlflow-tracking",
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-command-job"
    ]
  },
});
