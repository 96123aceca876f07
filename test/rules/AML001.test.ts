import * as assert from 'node:assert/strict';
import { ruleTester, findingsFor } from './tester';

ruleTester('AML001', {
  valid: [
    'from azureml.core import Workspace\nws = Workspace.from_config()',
    'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential',
    { name: 'v2 with v2-era azureml packages', code: 'from azure.ai.ml import MLClient\nimport azureml.mlflow\nfrom azureml.fsspec import AzureMachineLearningFileSystem' },
    { name: 'v2 with a v1 import only in a comment', code: '# from azureml.core import Workspace\nfrom azure.ai.ml import MLClient' },
    { name: 'prefix trap azure.ai.mlmonitoring', code: 'import azure.ai.mlmonitoring\nfrom azureml.core import Run' },
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
