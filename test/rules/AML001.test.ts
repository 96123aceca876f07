import * as assert from 'node:assert/strict';
import { ruleTester, findingsFor } from './tester';

ruleTester('AML001', {
  valid: [
    'from azureml.core import Workspace\nws = Workspace.from_config()',
    'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential',
    { name: 'v2 with v2-era azureml packages', code: 'from azure.ai.ml import MLClient\nimport azureml.mlflow\nfrom azureml.fsspec import AzureMachineLearningFileSystem' },
    { name: 'v2 with a v1 import only in a comment', code: '# from azureml.core import Workspace\nfrom azure.ai.ml import MLClient' },
    { name: 'v2 with a v1 import only in a docstring and a string', code: '\"\"\"Was: from azureml.core import Workspace\"\"\"\nfrom azure.ai.ml import MLClient\nhint = "pip uninstall azureml-core"' },
    { name: 'v2 notebook with azureml.fsspec in a later cell', cells: ['from azure.ai.ml import MLClient\nfrom azure.ai.ml.entities import Data', 'from azureml.fsspec import AzureMachineLearningFileSystem\nfs = AzureMachineLearningFileSystem(uri)'] },
    { name: 'v2 with the management SDK', code: 'from azure.mgmt.machinelearningservices.models import Workspace\nfrom azure.ai.ml.entities import Project' },
    { name: 'v1 and v2 only commented out', code: 'import mlflow\n# from azureml.core import Workspace\n# from azure.ai.ml import MLClient\n#ml_client = MLClient.from_config(credential=DefaultAzureCredential())' },
    { name: 'prefix trap azure.ai.mlmonitoring', code: 'import azure.ai.mlmonitoring\nfrom azureml.core import Run' },
    {
      name: 'real shape: the Azure ML Studio (classic) client (PyPI `azureml`) beside SDK v2 is not SDK v1',
      code: 'import azureml\nfrom azure.ai.ml import MLClient\nws = azureml.Workspace(workspace_id="w", authorization_token="t")\nds = ws.datasets["d"]',
    },
    {
      name: 'notebook: a %%writefile script counts alone',
      cells: ['from azure.ai.ml import MLClient, command', '%%writefile src/train.py\nfrom azureml.core import Run\nrun = Run.get_context()'],
    },
  ],
  invalid: [
    {
      code: 'from azureml.core import Workspace\nfrom azure.ai.ml import MLClient',
      errors: [{ line: 1, column: 6, endColumn: 18, message: ['azureml.core', 'azure.ai.ml'] }],
    },
    {
      name: 'v2 first, v1 later; reported once, on the v1 import',
      code: 'from azure.ai.ml import MLClient\nfrom azure.ai.ml.entities import Data\nimport azureml.core\nfrom azureml.core import Dataset',
      errors: [{ line: 3, column: 8 }],
    },
    {
      name: 'real shape: bare `import azureml` first; reported on the import that names the SDK part',
      code: 'import azureml\nfrom azureml.core import Workspace\nfrom azureml.core.authentication import ServicePrincipalAuthentication\nimport mlflow\nfrom azure.ai.ml import MLClient',
      errors: [{ line: 2, column: 6, endColumn: 18, message: ['`azureml.core`', '`azure.ai.ml`'] }],
    },
    {
      name: 'a bare `import azureml` that reads an SDK v1 part (`azureml.core.VERSION`) is v1',
      code: 'import azureml\nfrom azure.ai.ml import MLClient\nprint(azureml.core.VERSION)',
      errors: [{ line: 1, column: 8, message: ['`azureml`', '`azure.ai.ml`'] }],
    },
    {
      name: 'real shape: v1 imported inside a function of a v2 module',
      code: 'from azure.ai.ml import MLClient\nfrom azure.ai.ml.entities import AmlCompute, Environment\n\ndef aml_environment_create(ml_client: MLClient, name):\n    from azureml.core import Workspace as workspace_sdk_v1\n    ws = workspace_sdk_v1(ml_client.subscription_id, ml_client.resource_group_name, ml_client.workspace_name)',
      errors: [{ line: 5, column: 10 }],
    },
    {
      name: 'notebook: across cells',
      cells: [{ md: 'intro' }, 'import azureml.core', 'from azure.ai.ml import MLClient'],
      errors: [{ cell: 2, line: 1, column: 8, message: 'This notebook' }],
    },
  ],
});

describe('AML001 related information', () => {
  it('points at both imports, with their cells', () => {
    const [f] = findingsFor('AML001', { cells: ['import azureml.core', 'x = 1\nfrom azure.ai.ml import MLClient'] });
    assert.deepEqual(
      f.related?.map((r) => [r.cell, r.range.start.line, r.range.start.character]),
      [[0, 0, 7], [1, 1, 5]],
    );
  });
});
