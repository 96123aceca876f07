import * as assert from 'node:assert/strict';
import { ruleTester, findingsFor } from './tester';

ruleTester('AML401', {
  valid: [
    { file: { path: 'requirements.txt', text: 'azure-ai-ml\nazure-identity\nazureml-mlflow\nazureml-defaults\nazureml-inference-server-http\nazureml-fsspec\nmltable\nmlflow\n' } },
    { file: { path: 'requirements.txt', text: '# azureml-sdk\n-r base-requirements.txt\n' } },
    { file: { path: 'conda.yml', text: 'name: deploy\ndependencies:\n  - python=3.10\n  - pip:\n    - azureml-defaults\n    - azureml-inference-server-http\n' } },
    { name: 'a YAML file that is not a conda environment', file: { path: 'job.yml', text: '$schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json\ncommand: pip install azureml-core\n' } },
    { cells: ['%pip install azure-ai-ml azureml-mlflow', '!pip install -q mltable azureml-fsspec'] },
    { name: 'pip in a Python string', cells: ['cmd = "pip install azureml-sdk"'] },
  ],
  invalid: [
    {
      file: { path: 'requirements.txt', text: 'pandas\nazureml-sdk[notebooks]==1.48.0  # v1\nAzureML_Core>=1.40\n' },
      errors: [{ line: 2, column: 1, endColumn: 31, message: ['azureml-sdk', 'azure-ai-ml', 'azure-identity'] }, { line: 3, column: 1, endColumn: 19 }],
    },
    {
      name: 'conda pip list',
      file: { path: 'environment.yml', text: 'name: train\ndependencies:\n  - python=3.8\n  - pip:\n    - azureml-core==1.48.0\n    - "azureml-dataset-runtime[fuse]"\n    - azureml-mlflow\n' },
      errors: [{ line: 5, column: 7, endColumn: 27 }, { line: 6, column: 7 }],
    },
    {
      name: 'pyproject arrays and Poetry keys',
      file: { path: 'pyproject.toml', text: '[project]\nname = "x"\ndependencies = [\n  "azureml-core>=1.4",\n  "azure-ai-ml",\n]\n[project.optional-dependencies]\nnb = ["azureml-widgets"]\n[tool.poetry.dependencies]\nazureml-sdk = "^1.48"\n' },
      errors: [{ line: 4, column: 4, endColumn: 21 }, { line: 8, column: 8 }, { line: 10, column: 1, endColumn: 12 }],
    },
    { name: 'Dockerfile', file: { path: 'docker/Dockerfile', text: 'FROM python:3.10\nRUN pip install --no-cache-dir azureml-sdk==1.48.0 pandas\n' }, errors: [{ line: 2, column: 32, endColumn: 51 }] },
    {
      name: 'notebook %pip, !pip, %%bash',
      cells: [{ md: 'Install' }, '%pip install azureml-sdk[automl] azureml-widgets', '!pip install --upgrade azureml-contrib-pipeline-steps', '%%bash\npip install azureml-core'],
      errors: [{ cell: 2, line: 1, column: 14, endColumn: 33 }, { cell: 2, line: 1, column: 34 }, { cell: 3, line: 1, column: 24 }, { cell: 4, line: 2, column: 13 }],
    },
  ],
});

describe('AML401 fixes', () => {
  it('requirements: the first v1 line becomes azure-ai-ml + azure-identity, later ones are removed', () => {
    const [a, b] = findingsFor('AML401', { file: { path: 'requirements.txt', text: 'azureml-core\nazureml-widgets\npandas\n' } });
    assert.equal(a.fixes?.[0].edits[0].newText, 'azure-ai-ml\nazure-identity');
    assert.equal(a.fixes?.[0].safety, 'suggestion');
    assert.deepEqual(b.fixes?.[0].edits[0], { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' });
  });
  it('notebook: edits land in the cell of the install line', () => {
    const [f] = findingsFor('AML401', { cells: [{ md: 'x' }, '%pip install azureml-core'] });
    assert.deepEqual(f.fixes?.[0].edits[0], { cell: 1, range: { start: { line: 0, character: 13 }, end: { line: 0, character: 25 } }, newText: 'azure-ai-ml azure-identity' });
  });
});
