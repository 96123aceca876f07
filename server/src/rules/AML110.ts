/**
 * AML110 v1-pipeline-api: pipelines and steps.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('pipeline', {
  code: 'AML110',
  name: 'v1-pipeline-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 pipelines (`Pipeline(ws, steps)`, `PythonScriptStep`, `PipelineData`, `PipelineParameter`, `ParallelRunStep`, `Schedule.create`, ...).",
    why: "v2 pipelines are `@dsl.pipeline` functions of components/jobs submitted with `ml_client.jobs.create_or_update`; steps become command, parallel, sweep or spark nodes. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.pipeline.core import Pipeline\nfrom azureml.pipeline.steps import PythonScriptStep\n\nstep = PythonScriptStep(script_name=\"prep.py\", source_directory=\"src\", compute_target=cluster)\npipeline = Pipeline(workspace=ws, steps=[step])\nrun = Experiment(ws, \"pipe\").submit(pipeline)",
    v2Example: "from azure.ai.ml import command\nfrom azure.ai.ml.dsl import pipeline\n\nprep = command(code=\"./src\", command=\"python prep.py\", environment=\"azureml:my-env:1\")\n\n@pipeline(compute=\"cpu-cluster\")\ndef my_pipeline():\n    prep()\n\nml_client.jobs.create_or_update(my_pipeline(), experiment_name=\"pipe\")",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-pipeline",
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-parallel-run-step"
    ]
  },
});
