import { ruleTester } from './tester';

ruleTester('AML203', {
  valid: ['from azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep(script_name="a.py")'],
  invalid: [
    { code: 'from azureml.pipeline.steps import DatabricksStep\nstep = DatabricksStep(name="db", notebook_path="/nb")', errors: [{ line: 2, column: 8, endColumn: 22, message: 'no v2 job or component type' }] },
    { code: 'import azureml.pipeline.steps as steps\ncopy = steps.DataTransferStep(name="c")', errors: [{ line: 2, column: 8 }] },
    { code: 'from azureml.pipeline.steps import KustoStep, AdlaStep, AzureBatchStep\nsteps = [KustoStep(), AdlaStep(), AzureBatchStep()]', errors: [{ line: 2, column: 10 }, { line: 2, column: 23 }, { line: 2, column: 35 }] },
  ],
});
