/**
 * AML111 v1-hyperdrive-api: hyperparameter tuning (HyperDrive).
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('sweep', {
  code: 'AML111',
  name: 'v1-hyperdrive-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 HyperDrive (`HyperDriveConfig`, `RandomParameterSampling`, `choice`, `uniform`, `BanditPolicy`, `PrimaryMetricGoal`, `get_best_run_by_primary_metric`, ...).",
    why: "v2 replaces HyperDrive with sweep jobs: search-space classes from `azure.ai.ml.sweep` in a command job's inputs, then `.sweep(...)`. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.train.hyperdrive import HyperDriveConfig, RandomParameterSampling, PrimaryMetricGoal, uniform\n\nsampling = RandomParameterSampling({\"lr\": uniform(0.001, 0.1)})\nhd = HyperDriveConfig(run_config=src, hyperparameter_sampling=sampling, primary_metric_name=\"accuracy\",\n                      primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=20)",
    v2Example: "from azure.ai.ml.sweep import Uniform\n\njob = command(..., inputs={\"lr\": 0.01})\nsweep_job = job(lr=Uniform(min_value=0.001, max_value=0.1)).sweep(sampling_algorithm=\"random\", primary_metric=\"accuracy\", goal=\"Maximize\")\nsweep_job.set_limits(max_total_trials=20)",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-hyperdrive"
    ]
  },
});
