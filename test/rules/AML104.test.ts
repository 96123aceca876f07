import { ruleTester } from './tester';

ruleTester('AML104', {
  valid: [
    'from azure.ai.ml.entities import Environment\nenv = Environment(name="e", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04", conda_file="conda.yml")',
    { name: 'environment reference string', code: 'job = command(environment="azureml:sklearn-env:1")' },
  ],
  invalid: [
    {
      // Session 14 v1b sample (an older submit script): names azureml.core.runconfig keeps "for backward compatibility"
      // (azureml-core runconfig.py imports CondaDependencies and the environment sections; EnvironmentDefinition is a
      // deprecated Environment subclass).
      name: 'runconfig re-exports: CondaDependencies, EnvironmentDefinition',
      code: 'from azureml.core import runconfig\ncd = runconfig.CondaDependencies()\nenv = runconfig.EnvironmentDefinition()\nenv.python.conda_dependencies = cd\n',
      errors: [
        { line: 2, column: 6, endColumn: 33, message: 'azureml.core.conda_dependencies.CondaDependencies' },
        { line: 3, column: 7, endColumn: 38, message: 'EnvironmentDefinition' },
        { line: 4, column: 1, endColumn: 30 },
      ],
    },
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
