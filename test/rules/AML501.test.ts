import * as assert from 'node:assert/strict';
import { fixDocument } from '../../server/src/engine';
import { findingsFor, ruleTester } from './tester';

ruleTester('AML501', {
  valid: [
    { file: { path: 'setup.sh', text: 'az extension add -n ml\naz extension remove -n azure-cli-ml-old\n# az extension add -n azure-cli-ml\n' } },
    { cells: ['!az extension add -n ml'] },
  ],
  invalid: [
    { file: { path: 'setup.sh', text: '#!/bin/bash\naz extension add -n azure-cli-ml\n' }, errors: [{ line: 2, column: 21, endColumn: 33, message: ['azure-cli-ml', '`ml`'] }] },
    { file: { path: '.github/workflows/train.yml', text: 'jobs:\n  train:\n    steps:\n      - run: az extension add --name azure-cli-ml\n' }, errors: [{ line: 4, column: 38 }] },
    { file: { path: 'azure-pipelines.yml', text: 'steps:\n- script: az extension update --name=azure-cli-ml\n' }, errors: [{ line: 2, column: 38 }] },
    { cells: ['!az extension add -n azure-cli-ml -y'], errors: [{ cell: 1, line: 1, column: 22 }] },
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

  it('a notebook: a v1-only `!az ml` in any cell keeps the install cell as it is', () => {
    assert.equal(findingsFor('AML501', { cells: ['!az extension add -n azure-cli-ml', '!az ml computetarget list'] })[0].fixes, undefined);
    assert.equal(findingsFor('AML501', { cells: ['!az extension add -n azure-cli-ml', '!az ml job list'] })[0].fixes?.[0].edits[0].newText, 'ml');
  });
});
