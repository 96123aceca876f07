import { ruleTester } from './tester';

ruleTester('AML110', {
  valid: [
    'from azure.ai.ml.dsl import pipeline\n@pipeline(compute="cpu")\ndef p():\n    pass',
  ],
  invalid: [
    {
      code: 'from azureml.pipeline.core import Pipeline, PipelineData\nfrom azureml.pipeline.steps import PythonScriptStep\nout = PipelineData("out", datastore=ds)\nstep = PythonScriptStep(script_name="prep.py", outputs=[out], compute_target=cluster)\npipeline = Pipeline(workspace=ws, steps=[step])',
      errors: [{ line: 3, column: 7, endColumn: 19 }, { line: 4, column: 8, endColumn: 24, message: 'command' }, { line: 5, column: 12, endColumn: 20, message: 'pipeline' }],
    },
    { code: 'from azureml.pipeline.steps import ParallelRunStep, ParallelRunConfig\ncfg = ParallelRunConfig(entry_script="s.py", mini_batch_size="5")', errors: [{ line: 2, column: 7, message: 'parallel_run_function' }] },
  ],
});
