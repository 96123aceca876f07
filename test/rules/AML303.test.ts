import { ruleTester } from './tester';

ruleTester('AML303', {
  valid: ['ws = ml_client.workspaces.get("w")\nws.public_network_access = "Enabled"'],
  invalid: [
    { code: 'from azureml.core import Workspace\nws = Workspace.from_config()\nws.update(allow_public_access_when_behind_vnet=True)', errors: [{ line: 3, column: 11, endColumn: 52, message: 'public_network_access' }] },
  ],
});
