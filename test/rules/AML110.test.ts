import { ruleTester } from './tester';

ruleTester('AML110', {
  valid: [
    'from azure.ai.ml.dsl import pipeline\n@pipeline(compute="cpu")\ndef p():\n    pass',
    {
      // An event-based schedule is AML206's (v2 schedules are time-based only): AML110's advice, a JobSchedule, does not fit it.
      name: 'a datastore-polling Schedule.create is left to AML206',
      code: 'from azureml.pipeline.core import Schedule\nSchedule.create(ws, name="on-data", pipeline_id=pid, experiment_name="e", datastore=blob, polling_interval=5)',
    },
  ],
  invalid: [
    {
      code: 'from azureml.pipeline.core import Pipeline, PipelineData\nfrom azureml.pipeline.steps import PythonScriptStep\nout = PipelineData("out", datastore=ds)\nstep = PythonScriptStep(script_name="prep.py", outputs=[out], compute_target=cluster)\npipeline = Pipeline(workspace=ws, steps=[step])',
      errors: [{ line: 3, column: 7, endColumn: 19 }, { line: 4, column: 8, endColumn: 24, message: 'command' }, { line: 5, column: 12, endColumn: 20, message: 'pipeline' }],
    },
    {
      name: 'a time-based Schedule.create (also with datastore=None) stays AML110',
      code: 'from azureml.pipeline.core import Schedule\nSchedule.create(ws, name="d", pipeline_id=pid, experiment_name="e", recurrence=rec)\nSchedule.create(ws, name="d", pipeline_id=pid, experiment_name="e", recurrence=rec, datastore=None)',
      errors: [{ line: 2, column: 1, endColumn: 16, message: 'JobSchedule' }, { line: 3, column: 1, endColumn: 16, message: 'JobSchedule' }],
    },
    { code: 'from azureml.pipeline.steps import ParallelRunStep, ParallelRunConfig\ncfg = ParallelRunConfig(entry_script="s.py", mini_batch_size="5")', errors: [{ line: 2, column: 7, message: 'parallel_run_function' }] },
  ],
});
