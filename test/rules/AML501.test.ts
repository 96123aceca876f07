import { ruleTester } from './tester';

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
