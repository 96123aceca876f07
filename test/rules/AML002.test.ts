import * as assert from 'node:assert/strict';
import { ruleTester, findingsFor } from './tester';

ruleTester('AML002', {
  valid: [
    { name: 'aliased v1 import', code: 'from azureml.core import Workspace as WorkspaceV1\nfrom azure.ai.ml.entities import Workspace' },
    { name: 'different scopes', code: 'from azure.ai.ml.entities import Model\ndef legacy():\n    from azureml.core import Model\n    return Model' },
    { name: 'same SDK twice', code: 'from azureml.core import Model\nfrom azureml.core.model import Model' },
    { name: 'v1 import and a user class', code: 'from azureml.core import Model\nclass Model:\n    pass' },
    { name: 'v2 only', code: 'from azure.ai.ml.entities import Model, Environment\nfrom azure.ai.ml.entities import Workspace' },
    {
      name: 'shim: try v2, except ImportError v1 (only one branch binds)',
      code: 'try:\n    from azure.ai.ml.entities import Model\nexcept ImportError:\n    from azureml.core import Model\n\nm = Model(path="x")',
    },
    {
      name: 'shim: if/else choosing the SDK',
      code: 'import os\nif os.environ.get("V2"):\n    from azure.ai.ml.entities import Workspace\nelse:\n    from azureml.core import Workspace',
    },
    {
      name: 'shim: if/elif',
      code: 'if USE_V1:\n    from azureml.core import Environment\nelif USE_V2:\n    from azure.ai.ml.entities import Environment',
    },
    {
      name: 'shim: two except clauses',
      code: 'try:\n    import x\nexcept ImportError:\n    from azureml.core import Datastore\nexcept Exception:\n    from azure.ai.ml.entities import Datastore',
    },
    {
      name: 'Workspace of the management SDK is not v1',
      code: 'from azure.mgmt.machinelearningservices.models import Workspace\nfrom azure.ai.ml.entities import Workspace',
    },
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
      name: 'real shape: both imported at the top of a helper module, v1 used after the rebinding',
      code: 'from azure.identity import AzureCliCredential\nfrom azureml.core.compute import AmlCompute\nfrom azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace\nfrom azure.ai.ml import MLClient\n\ndef create_ml_client():\n    return Workspace.from_config(auth=AzureCliCredential())\n\nfrom azure.ai.ml.entities import Workspace',
      errors: [{ line: 4, column: 34, endColumn: 43, message: ['SDK v1 `azureml.core.Workspace`', 'SDK v2 `azure.ai.ml.entities.Workspace`', 'means the v2 one'] }],
    },
    {
      name: 'both in one try body: not a shim',
      code: 'try:\n    from azureml.core import Model\n    from azure.ai.ml.entities import Model\nexcept ImportError:\n    pass',
      errors: [{ line: 3, column: 38 }],
    },
    {
      name: 'if branch, then an unconditional import of the other SDK',
      code: 'if V2:\n    from azure.ai.ml.entities import Model\nfrom azureml.core import Model',
      errors: [{ line: 3, column: 26 }],
    },
    {
      name: 'try body then else clause: both run',
      code: 'try:\n    from azureml.core import Model\nexcept ImportError:\n    pass\nelse:\n    from azure.ai.ml.entities import Model',
      errors: [{ line: 6, column: 38 }],
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
