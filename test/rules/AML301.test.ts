import { ruleTester } from './tester';

ruleTester('AML301', {
  valid: [
    { name: 'turning legacy mode off', code: 'from azureml.core import Workspace\nws = Workspace.from_config()\nws.update(v1_legacy_mode=False)' },
    { name: 'CLI reading the flag', cells: ['!az ml workspace show -w ws -g rg --query v1LegacyMode'] },
    { name: 'CLI turning it off', cells: ['!az ml workspace update -w ws -g rg --v1-legacy-mode False'] },
    { name: 'a user function with the same keyword', code: 'def update(v1_legacy_mode=False): pass\nupdate(v1_legacy_mode=True)' },
    {
      name: 'a management SDK model and a test double with the same keyword',
      code: 'from azure.mgmt.machinelearningservices.models import WorkspaceUpdateParameters\nparams = WorkspaceUpdateParameters(v1_legacy_mode=True)\nfrom types import SimpleNamespace\nvalid = SimpleNamespace(public_network_access="Disabled", v1_legacy_mode=False)',
    },
    { name: 'a v1 workspace created without the flag', code: "from azureml.core import Workspace\nws = Workspace.create(name='W', subscription_id='s', resource_group='R', create_resource_group=True, location='eastus')" },
  ],
  invalid: [
    {
      code: 'from azureml.core import Workspace\nws = Workspace.create(name="ws", subscription_id=s, resource_group="rg", v1_legacy_mode=True)',
      errors: [{ line: 2, column: 74, endColumn: 93, message: ['blocks', 'v2 API', 'False'] }],
    },
    { code: 'from azureml.core import Workspace\nws = Workspace.from_config()\nws.update(v1_legacy_mode=True)', errors: [{ line: 3, column: 11 }] },
    { name: 'notebook shell line', cells: ['!az ml workspace update -w ws -g rg --v1-legacy-mode true'], errors: [{ cell: 1, line: 1, column: 37, endColumn: 58 }] },
  ],
});
