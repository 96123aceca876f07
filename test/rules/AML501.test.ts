import * as assert from 'node:assert/strict';
import { fixDocument } from '../../server/src/engine';
import { findingsFor, ruleTester } from './tester';

ruleTester('AML501', {
  valid: [
    { file: { path: 'setup.sh', text: 'az extension add -n ml\naz extension remove -n azure-cli-ml-old\n# az extension add -n azure-cli-ml\n' } },
    { cells: ['!az extension add -n ml'] },
    { name: 'the v2 extension from a wheel, and the removal of the v1 one', file: { path: 'cli/setup.sh', text: 'az extension remove -n azure-cli-ml\naz extension add --source https://example.invalid/wheels/ml-0.0.72468942-py3-none-any.whl --yes\n' } },
    {
      // A GitHub workflow (round 35 v2only sample): the v2 extension pinned to a version.
      name: 'az extension add -n ml pinned with --version',
      file: { path: '.github/workflows/workshop_unit_test.yml', text: 'jobs:\n  unit-test:\n    steps:\n      - name: Install AZ ML and tools\n        run: |\n          az extension add -n ml -y --version 2.2.1\n          az configure --defaults group=rg workspace=ws location=East US 2\n' },
    },
    // Real shapes (session 14 dbx sample, shortened): the Azure CLI installed and run in %sh cells, no extension.
    { name: 'Databricks source notebook: %sh cells installing and running the Azure CLI', code: '# Databricks notebook source\n# MAGIC %sh curl -sL https://aka.ms/InstallAzureCLIDeb | sudo bash\n\n# COMMAND ----------\n\n# MAGIC %sh az --help\n\n# COMMAND ----------\n\n# MAGIC %sh pip install databricks-cli\n' },
  ],
  invalid: [
    { file: { path: 'setup.sh', text: '#!/bin/bash\naz extension add -n azure-cli-ml\n' }, errors: [{ line: 2, column: 21, endColumn: 33, message: ['azure-cli-ml', '`ml`'] }] },
    { file: { path: '.github/workflows/train.yml', text: 'jobs:\n  train:\n    steps:\n      - run: az extension add --name azure-cli-ml\n' }, errors: [{ line: 4, column: 38 }] },
    { file: { path: 'azure-pipelines.yml', text: 'steps:\n- script: az extension update --name=azure-cli-ml\n' }, errors: [{ line: 2, column: 38 }] },
    { cells: ['!az extension add -n azure-cli-ml -y'], errors: [{ cell: 1, line: 1, column: 22 }] },
    { name: 'Python running the command: os.system', code: 'import os\nos.system("az extension add -n azure-cli-ml")\n', errors: [{ line: 2, column: 32, endColumn: 44 }] },
    { name: 'Databricks notebook exported as source: a %sh cell', code: '# Databricks notebook source\n# MAGIC %sh\n# MAGIC az extension add -n azure-cli-ml\n', errors: [{ line: 3, column: 29, endColumn: 41 }] },
    { name: 'Databricks source notebook: a bare !az line in a Python cell', code: '# Databricks notebook source\nimport os\n!az extension add -n azure-cli-ml\n', errors: [{ line: 3, column: 22, endColumn: 34 }] },
    {
      name: 'MLOpsPython: the v1 extension installed from its wheel (AzureCLI@1 inlineScript)',
      file: { path: '.pipelines/cd.yml', text: "steps:\n- task: AzureCLI@1\n  inputs:\n    inlineScript: 'az extension add --source https://azurecliext.blob.core.windows.net/release/azure_cli_ml-1.27.0-py3-none-any.whl --yes'\n" },
      errors: [{ line: 4, column: 46, endColumn: 132, message: 'azure-cli-ml' }],
    },
    {
      name: 'an Azure DevOps template whose root is the list of stages',
      file: { path: 'code/build-and-release/ml.cd.yml', text: '# Release Stages\n- stage: ReleaseDEV\n  jobs:\n  - job: Deploy\n    steps:\n    - task: AzureCLI@2\n      inputs:\n        inlineScript: |\n          az extension add -n azure-cli-ml\n          python publish.py\n' },
      errors: [{ line: 9, column: 31, endColumn: 43 }],
    },
  ],
});

describe('AML501 fix: the extension renamed only where no v1-only command is left', () => {
  const fixed = (text: string, path = 'setup.sh') => (fixDocument({ kind: 'text', path, text }, undefined, { unsafe: true }).output as { text: string }).text;

  it('a script that runs only commands v2 also has gets `ml`', () => {
    assert.equal(
      fixed('az extension add -n azure-cli-ml\naz ml job create --file job.yml\n'),
      'az extension add -n ml\naz ml job create --file job.yml\n',
    );
  });

  it('a script that still runs a v1-only command keeps azure-cli-ml (it would fail there with `ml`)', () => {
    const text = 'az extension add -n azure-cli-ml\naz ml folder attach -w ws -g rg\naz ml run submit-script -c train train.py\n';
    const [f] = findingsFor('AML501', { file: { path: 'setup.sh', text } });
    assert.equal(f.fixes, undefined);
    assert.equal(fixed(text), text);
  });

  it('a CI pipeline: the same, over the whole file', () => {
    const ci = (deploy: string) => `steps:\n- script: az extension add -n azure-cli-ml\n- script: ${deploy}\n`;
    assert.equal(fixed(ci('az ml model deploy -n svc -m m:1'), 'azure-pipelines.yml'), ci('az ml model deploy -n svc -m m:1'));
    assert.equal(fixed(ci('az ml model create --name m --path model.pkl'), 'azure-pipelines.yml'), 'steps:\n- script: az extension add -n ml\n- script: az ml model create --name m --path model.pkl\n');
  });

  it('the wheel of the v1 extension becomes `-n ml`', () => {
    assert.equal(
      fixed('az extension add --source https://example.invalid/azure_cli_ml-1.27.0-py3-none-any.whl --yes\naz ml job create -f job.yml\n'),
      'az extension add -n ml --yes\naz ml job create -f job.yml\n',
    );
  });

  it('a notebook: a v1-only `!az ml` in any cell keeps the install cell as it is', () => {
    assert.equal(findingsFor('AML501', { cells: ['!az extension add -n azure-cli-ml', '!az ml computetarget list'] })[0].fixes, undefined);
    assert.equal(findingsFor('AML501', { cells: ['!az extension add -n azure-cli-ml', '!az ml job list'] })[0].fixes?.[0].edits[0].newText, 'ml');
  });
});
