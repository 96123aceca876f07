import * as assert from 'node:assert/strict';
import { ruleTester, findingsFor } from './tester';
import { fixDocument } from '../../server/src/engine';

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

describe('AML401 fixes of shell install lines', () => {
  const fixed = (text: string, path = 'setup.sh') => (fixDocument({ kind: 'text', path, text }, undefined, { unsafe: true }).output as { text: string }).text;

  it('a quoted package goes with its quotes, and the pair replaces a quoted first package whole', () => {
    assert.equal(
      fixed('pip install --upgrade "azureml-sdk[notebooks]" "azureml-widgets" pandas\n'),
      'pip install --upgrade azure-ai-ml azure-identity pandas\n',
    );
  });

  it('an install of v1 packages only keeps a package to install when the pair went on an earlier line', () => {
    assert.equal(
      fixed('pip install azureml-core pandas\npip install azureml-widgets\npip install --upgrade azureml-pipeline azureml-train\n'),
      'pip install azure-ai-ml azure-identity pandas\npip install azure-ai-ml azure-identity\npip install --upgrade azure-ai-ml azure-identity\n',
    );
  });

  it('a script that already installs azure-ai-ml: v1 packages beside others go, a v1-only install gets the pair', () => {
    assert.equal(
      fixed('pip install azureml-core==1.38.0\npip install azure-ai-ml numpy azureml-dataset-runtime\n'),
      'pip install azure-ai-ml azure-identity\npip install azure-ai-ml numpy\n',
    );
  });

  it('a second run changes nothing', () => {
    const once = fixed('RUN pip install "azureml-core" azureml-widgets && python -c "print(1)"\n', 'Dockerfile.gpu');
    assert.equal(once, 'RUN pip install azure-ai-ml azure-identity && python -c "print(1)"\n');
    assert.equal(fixed(once, 'Dockerfile.gpu'), once);
  });

  it('notebook: a %pip line of v1 packages only keeps the pair', () => {
    const out = fixDocument({ kind: 'notebook', cells: [{ kind: 'code', text: '%pip install azure-ai-ml\n%pip install "azureml-core" azureml-widgets' }] }, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.equal(out.cells[0].text, '%pip install azure-ai-ml\n%pip install azure-ai-ml azure-identity');
  });
});
