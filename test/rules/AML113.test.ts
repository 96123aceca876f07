import { ruleTester } from './tester';

ruleTester('AML113', {
  valid: [
    'import azure.ai.ml\nprint(azure.ai.ml.__version__)',
    'import azureml.mlflow\nazureml.mlflow.register_model',
  ],
  invalid: [
    { code: 'import azureml.core\nprint("SDK version:", azureml.core.VERSION)', errors: [{ line: 2, column: 23, endColumn: 43, message: 'azureml.core.VERSION' }] },
    { code: 'from azureml.core import VERSION\nprint(VERSION)', errors: [{ line: 2, column: 7, endColumn: 14 }] },
  ],
});
