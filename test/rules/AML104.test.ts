import { ruleTester } from './tester';

ruleTester('AML104', {
  valid: [
    'from azure.ai.ml.entities import Environment\nenv = Environment(name="e", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", conda_file="conda.yml")',
    { name: 'environment reference string', code: 'job = command(environment="azureml:sklearn-env:1")' },
  ],
  invalid: [
    {
      code: 'from azureml.core import Environment\nenv = Environment.from_conda_specification(name="e", file_path="conda.yml")\nenv.register(workspace=ws)',
      errors: [{ line: 2, column: 7, endColumn: 43, message: ['azure.ai.ml.entities.Environment', 'base image'] }, { line: 3, column: 1, endColumn: 13 }],
    },
    {
      // Environment.clone returns an Environment (azureml-core reference): its uses are v1 environment calls.
      name: 'a cloned environment',
      code: 'from azureml.core import Environment\nenv = Environment.get(ws, "AzureML-Minimal").clone("mine")\nenv.register(workspace=ws)',
      errors: [{ line: 2, column: 7, endColumn: 22 }, { line: 2, column: 7, endColumn: 51 }, { line: 3, column: 1, endColumn: 13 }],
    },
    {
      code: 'from azureml.core.conda_dependencies import CondaDependencies\ndeps = CondaDependencies.create(pip_packages=["scikit-learn"])\ndeps.add_pip_package("pandas")',
      errors: [{ line: 2, column: 8 }, { line: 3, column: 1 }],
    },
    { code: 'from azureml.core import Environment\nenv = Environment.get(ws, name="AzureML-sklearn-1.0")', errors: [{ line: 2, column: 7, message: 'environments.get' }] },
  ],
});
