/**
 * AML102 v1-jobs-api: experiments, runs and run configurations.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('jobs', {
  code: 'AML102',
  name: 'v1-jobs-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 experiments, runs and run configurations (`Experiment(...)`, `experiment.submit`, `ScriptRunConfig`, `RunConfiguration`, `run.wait_for_completion`, estimators, `RunDetails`).",
    why: "SDK v2 consolidates experiments, runs and pipelines into jobs: a `command(...)` job submitted with `ml_client.jobs.create_or_update`, streamed with `ml_client.jobs.stream`. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core import Experiment, ScriptRunConfig\n\nsrc = ScriptRunConfig(source_directory=\"src\", script=\"train.py\", compute_target=\"cpu-cluster\", environment=env)\nrun = Experiment(ws, \"train\").submit(src)\nrun.wait_for_completion(show_output=True)",
    v2Example: "from azure.ai.ml import command\n\njob = command(code=\"./src\", command=\"python train.py\", environment=\"azureml:my-env:1\", compute=\"cpu-cluster\", experiment_name=\"train\")\nreturned_job = ml_client.jobs.create_or_update(job)\nml_client.jobs.stream(returned_job.name)",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-command-job",
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
  },
});
