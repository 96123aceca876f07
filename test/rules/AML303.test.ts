import { ruleTester } from './tester';

ruleTester('AML303', {
  valid: [
    'ws = ml_client.workspaces.get("w")\nws.public_network_access = "Enabled"',
    { name: 'v2 Workspace entity', code: 'from azure.ai.ml.entities import Workspace\nws = Workspace(name="w", public_network_access="Enabled")\nml_client.workspaces.begin_update(ws)' },
  ],
  invalid: [
    { code: 'from azureml.core import Workspace\nws = Workspace.from_config()\nws.update(allow_public_access_when_behind_vnet=True)', errors: [{ line: 3, column: 11, endColumn: 52, message: 'public_network_access' }] },
    { code: 'from azureml.core import Workspace\nws = Workspace.create(name="w", allow_public_access_when_behind_vnet=False)', errors: [{ line: 2, column: 33, endColumn: 75 }] },
  ],
});
