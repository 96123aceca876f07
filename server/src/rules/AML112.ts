/**
 * AML112 v1-automl-api: automated ML.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('automl', {
  code: 'AML112',
  name: 'v1-automl-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 AutoML (`AutoMLConfig`, `AutoMLRun`, `AutoMLStep`, `run.get_output()`, ...).",
    why: "v2 AutoML jobs are built with task factories in `azure.ai.ml.automl` (`classification`, `regression`, `forecasting`, ...) on MLTable inputs; `label_column_name` becomes `target_column_name`. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.train.automl import AutoMLConfig\n\nconfig = AutoMLConfig(task=\"classification\", training_data=train_ds, label_column_name=\"y\",\n                      primary_metric=\"accuracy\", compute_target=cluster, experiment_timeout_hours=1)\nrun = experiment.submit(config)",
    v2Example: "from azure.ai.ml import Input, automl\n\njob = automl.classification(compute=\"cpu-cluster\", experiment_name=\"automl\", target_column_name=\"y\",\n    training_data=Input(type=\"mltable\", path=\"./train-mltable\"), primary_metric=\"accuracy\")\njob.set_limits(timeout_minutes=60)\nml_client.jobs.create_or_update(job)",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-automl"
    ]
  },
});
