import { ruleTester } from './tester';

ruleTester('AML113', {
  valid: [
    { name: 'Azure ML Studio (classic) client (PyPI azureml), not SDK v1', code: 'from azureml import Workspace, services\nws = Workspace(workspace_id="x", authorization_token="y")\n@services.publish(ws, "t")\ndef f(a):\n    return a\n' },
    'import azure.ai.ml\nprint(azure.ai.ml.__version__)',
    'import azureml.mlflow\nazureml.mlflow.register_model',
  ],
  invalid: [
    { code: 'import azureml.core\nprint("SDK version:", azureml.core.VERSION)', errors: [{ line: 2, column: 23, endColumn: 43, message: 'azureml.core.VERSION' }] },
    { code: 'from azureml.core import VERSION\nprint(VERSION)', errors: [{ line: 2, column: 7, endColumn: 14 }] },
  ],
});
