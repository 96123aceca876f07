import * as assert from 'node:assert/strict';
import { ruleTester, findingsFor } from './tester';

ruleTester('AML002', {
  valid: [
    { name: 'aliased v1 import', code: 'from azureml.core import Workspace as WorkspaceV1\nfrom azure.ai.ml.entities import Workspace' },
    { name: 'different scopes', code: 'from azure.ai.ml.entities import Model\ndef legacy():\n    from azureml.core import Model\n    return Model' },
    { name: 'same SDK twice', code: 'from azureml.core import Model\nfrom azureml.core.model import Model' },
    { name: 'v1 import and a user class', code: 'from azureml.core import Model\nclass Model:\n    pass' },
    { name: 'v2 only', code: 'from azure.ai.ml.entities import Model, Environment\nfrom azure.ai.ml.entities import Workspace' },
  ],
  invalid: [
    {
      code: 'from azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace',
      errors: [{ line: 2, column: 34, endColumn: 43, message: ['`Workspace`', 'azureml.core.Workspace', 'azure.ai.ml.entities.Workspace'] }],
    },
    {
      name: 'v2 first then v1',
      code: 'from azure.ai.ml.entities import Environment\nfrom azureml.core import Environment',
      errors: [{ line: 2, column: 26, message: 'means the v1 one' }],
    },
    {
      name: 'aliases binding the same short name',
      code: 'from azureml.core import Datastore as DS\nfrom azure.ai.ml.entities import Datastore as DS',
      errors: [{ line: 2, column: 47 }],
    },
    {
      name: 'back and forth',
      code: 'from azureml.pipeline.core import Pipeline\nfrom azure.ai.ml.entities import Pipeline\nfrom azureml.pipeline.core import Pipeline',
      errors: [{ line: 2, column: 34 }, { line: 3, column: 35 }],
    },
    {
      name: 'notebook: across cells',
      cells: ['from azureml.core import Model', { md: 'later' }, 'from azure.ai.ml.entities import Model'],
      errors: [{ cell: 3, line: 1, column: 34 }],
    },
    {
      name: 'hyperdrive and sweep policies',
      code: 'from azureml.train.hyperdrive import BanditPolicy\nfrom azure.ai.ml.sweep import BanditPolicy',
      errors: [{ line: 2, column: 31 }],
    },
  ],
});

describe('AML002 related information', () => {
  it('points at both bindings', () => {
    const [f] = findingsFor('AML002', { cells: ['from azureml.core import Model', 'from azure.ai.ml.entities import Model'] });
    assert.deepEqual(f.related?.map((r) => [r.cell, r.range.start.line, r.range.start.character]), [[0, 0, 25], [1, 0, 33]]);
  });
});
