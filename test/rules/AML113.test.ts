import { ruleTester } from './tester';

ruleTester('AML113', {
  valid: [
    { name: 'Azure ML Studio (classic) client (PyPI azureml), not SDK v1', code: 'from azureml import Workspace, services\nws = Workspace(workspace_id="x", authorization_token="y")\n@services.publish(ws, "t")\ndef f(a):\n    return a\n' },
    'import azure.ai.ml\nprint(azure.ai.ml.__version__)',
    'import azureml.mlflow\nazureml.mlflow.register_model',
  ],
  invalid: [
    {
      name: 'ExplanationClient.from_run returns the client (session 14 v1b sample)',
      code: 'from azureml.interpret import ExplanationClient\nclient = ExplanationClient.from_run(run)\nclient.upload_model_explanation(explanation, comment="x")\n',
      errors: [{ line: 2, column: 10, endColumn: 36 }, { line: 3, column: 1, endColumn: 32, message: 'upload_model_explanation' }],
    },
    { code: 'import azureml.core\nprint("SDK version:", azureml.core.VERSION)', errors: [{ line: 2, column: 23, endColumn: 43, message: 'azureml.core.VERSION' }] },
    { code: 'from azureml.core import VERSION\nprint(VERSION)', errors: [{ line: 2, column: 7, endColumn: 14 }] },
  ],
});
