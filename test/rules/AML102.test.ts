import { ruleTester } from './tester';

const submit = [
  'from azureml.core import Experiment, ScriptRunConfig',
  'exp = Experiment(ws, "train")',
  'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
  'run = exp.submit(src)',
  'run.wait_for_completion(show_output=True)',
].join('\n');

ruleTester('AML102', {
  valid: [
    { name: 'v2 command job', code: 'from azure.ai.ml import command\njob = command(code=".", command="python train.py")\nreturned = ml_client.jobs.create_or_update(job)\nml_client.jobs.stream(returned.name)' },
    { name: 'mlflow Experiment and Run are not v1', code: 'from mlflow.entities import Experiment, Run\nExperiment(1, "x", "loc", "active")' },
    { name: 'untyped receiver', code: 'from azureml.core import Experiment\nremote_run = helper()\nremote_run.wait_for_completion()' },
  ],
  invalid: [
    {
      name: 'experiment, run config, submit, wait',
      code: submit,
      errors: [
        { line: 2, column: 7, endColumn: 17, message: 'Experiment' },
        { line: 3, column: 7, endColumn: 22, message: 'ScriptRunConfig' },
        { line: 4, column: 7, endColumn: 17, message: 'Experiment.submit' },
        { line: 5, column: 1, endColumn: 24, message: 'Run.wait_for_completion' },
      ],
    },
    {
      name: 'run from `with ... as`, tuple unpacking of get_output',
      code: 'from azureml.core import Experiment\nexp = Experiment(ws, "automl")\nrun = exp.submit(cfg)\nbest_run, fitted_model = run.get_output()\nbest_run.get_metrics()',
      errors: [{ line: 2, column: 7 }, { line: 3, column: 7 }, { line: 4, column: 26 }, { line: 5, column: 1 }],
    },
    {
      name: 'RunDetails widget',
      code: 'from azureml.widgets import RunDetails\nRunDetails(run).show()',
      errors: [{ line: 2, column: 1, endColumn: 11 }, { line: 2, column: 1, endColumn: 21 }],
    },
    {
      name: 'notebook: run resolved across cells',
      cells: ['from azureml.core import Experiment', 'run = Experiment(ws, "x").submit(src)', 'run.wait_for_completion()'],
      errors: [{ cell: 2, line: 1, column: 7, endColumn: 17 }, { cell: 2, line: 1, column: 7, endColumn: 33 }, { cell: 3, line: 1, column: 1 }],
    },
  ],
});
