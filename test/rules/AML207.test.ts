import { ruleTester } from './tester';

ruleTester('AML207', {
  valid: ['from azure.keyvault.secrets import SecretClient\nclient = SecretClient(vault_url=url, credential=cred)\nclient.get_secret("x")'],
  invalid: [
    {
      code: 'from azureml.core import Workspace, Run\nws = Workspace.from_config()\nkv = ws.get_default_keyvault()\nkv.set_secret(name="pw", value=pw)\nsecret = Run.get_context().get_secret("pw")',
      errors: [{ line: 3, column: 6, endColumn: 29 }, { line: 4, column: 1, endColumn: 14, message: 'azure-keyvault-secrets' }, { line: 5, column: 10 }],
    },
  ],
});
