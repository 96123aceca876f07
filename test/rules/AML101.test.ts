import { ruleTester } from './tester';

ruleTester('AML101', {
  valid: [
    'from azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)',
    { name: 'import alone is AML100 only', code: 'from azureml.core import Workspace' },
    { name: 'unbound name', code: 'ws = Workspace.from_config()' },
    { name: 'user class of the same name', code: 'class Workspace:\n    @staticmethod\n    def from_config():\n        return 1\nWorkspace.from_config()' },
    { name: 'class definition shadows the import', code: 'from azureml.core import Workspace\nclass Workspace:\n    pass\nWorkspace.from_config()' },
    { name: 'parameter shadows the import', code: 'from azureml.core import Workspace\ndef f(Workspace):\n    return Workspace.from_config()' },
    { name: 'in a comment', code: 'from azureml.core import Workspace as W\n# ws = W.from_config()' },
    { name: 'in a string', code: 'from azureml.core import Workspace\ncode = "Workspace.from_config()"' },
    { name: 'untyped helper result', code: 'from azureml.core import Workspace\nws = helper()\nws.write_config()' },
    { name: 'a self attribute of another type', code: 'import azureml.core\nclass T:\n    def __init__(self):\n        self.ws = object()\n    def go(self):\n        self.ws.write_config()' },
    { name: 'v2 workspace entity', code: 'from azure.ai.ml.entities import Workspace\nws = Workspace(name="w", location="eastus")\nml_client.workspaces.begin_create(ws)' },
  ],
  invalid: [
    {
      // real-world-patterns.md: a v1 workspace feeding the v2 client. Its names handed to MLClient
      // are not reported (the workspace is, where it is made); a name read elsewhere is.
      name: 'the MLClient bridge: only the workspace and the read outside MLClient(...)',
      code: 'from azureml.core import Workspace\nfrom azure.ai.ml import MLClient\nws = Workspace.from_config()\nml_client = MLClient(cred, ws.subscription_id, ws.resource_group, ws.name)\nc = MLClient(credential=cred, subscription_id=ws.subscription_id, resource_group_name=ws.resource_group, workspace_name=ws.name)\nprint(ws.name)',
      errors: [{ line: 3, column: 6 }, { line: 6, column: 7 }],
    },
    {
      code: 'from azureml.core import Workspace\nws = Workspace.from_config()',
      errors: [{ line: 2, column: 6, endLine: 2, endColumn: 27, message: ['Workspace.from_config', 'MLClient'] }],
    },
    { code: 'import azureml.core as aml\nws = aml.Workspace.from_config()', errors: [{ line: 2, column: 6, endColumn: 31 }] },
    { code: 'import azureml.core\nws = azureml.core.Workspace.from_config()', errors: [{ line: 2, column: 6, endColumn: 40 }] },
    { code: 'from azureml import core\nws = core.Workspace.from_config()', errors: [{ line: 2, column: 6 }] },
    { code: 'from azureml.core import Workspace as W\nws = W.get(name="w", subscription_id="s", resource_group="r")', errors: [{ line: 2, column: 6, endColumn: 11, message: 'MLClient' }] },
    { code: 'from azureml.core.workspace import Workspace\nws = Workspace(subscription_id, resource_group, workspace_name)', errors: [{ line: 2, column: 6, endColumn: 15 }] },
    {
      name: 'value tracking: a method on the workspace object',
      code: 'from azureml.core import Workspace\nws = Workspace.from_config()\nws.write_config()',
      errors: [{ line: 2, column: 6 }, { line: 3, column: 1, endColumn: 16 }],
    },
    {
      name: 'annotation and method on an annotated parameter',
      code: 'from azureml.core import Workspace\ndef show(ws: Workspace):\n    print(ws.get_details())',
      errors: [{ line: 2, column: 14, endColumn: 23 }, { line: 3, column: 11 }],
    },
    {
      name: 'import inside a function',
      code: 'def connect():\n    from azureml.core import Workspace\n    return Workspace.from_config()',
      errors: [{ line: 3, column: 12 }],
    },
    {
      name: 'try/except ImportError',
      code: 'try:\n    from azureml.core import Workspace\nexcept ImportError:\n    pass\nws = Workspace.from_config()',
      errors: [{ line: 5, column: 6 }],
    },
    {
      name: 'later binding shadows: v1 after a local',
      code: 'Workspace = None\nfrom azureml.core import Workspace\nWorkspace.from_config()',
      errors: [{ line: 3, column: 1 }],
    },
    {
      name: 'function body sees a module import made later',
      code: 'def connect():\n    return Workspace.from_config()\nfrom azureml.core import Workspace',
      errors: [{ line: 2, column: 12 }],
    },
    { code: 'from azureml.core.authentication import InteractiveLoginAuthentication\nauth = InteractiveLoginAuthentication(tenant_id=tid)', errors: [{ line: 2, column: 8, message: 'azure.identity' }] },
    {
      name: 'tuple assignment keeps each value',
      code: 'from azureml.core import Workspace\nws, n = Workspace.from_config(), 1\nws.write_config()',
      errors: [{ line: 2, column: 9 }, { line: 3, column: 1 }],
    },
    {
      name: '`global` in a function binds the module name',
      code: 'from azureml.core import Workspace\nws = None\ndef init():\n    global ws\n    ws = Workspace.from_config()\ndef use():\n    ws.write_config()',
      errors: [{ line: 5, column: 10 }, { line: 7, column: 5, endColumn: 20 }],
    },
    {
      name: 'self attributes set in __init__ and used in another method',
      code: 'from azureml.core import Workspace\nclass Trainer:\n    def __init__(self):\n        self.ws = Workspace.from_config()\n    def go(self):\n        self.ws.write_config()',
      errors: [{ line: 4, column: 19 }, { line: 6, column: 9, endColumn: 29 }],
    },
    {
      name: 'notebook: import in an earlier cell',
      cells: ['from azureml.core import Workspace', { md: 'Connect' }, 'ws = Workspace.from_config()\nws'],
      errors: [{ cell: 3, line: 1, column: 6 }],
    },
    {
      name: 'notebook: after a magic, in a %%time cell',
      cells: ['%matplotlib inline\nfrom azureml.core import Workspace', '%%time\nws = Workspace.from_config()'],
      errors: [{ cell: 2, line: 2, column: 6 }],
    },
    {
      name: 'syntax error from a placeholder elsewhere in the file',
      code: 'from azureml.core import Workspace\ncluster_name = <insert_cluster_name>\nws = Workspace.from_config()',
      errors: [{ line: 3, column: 6 }],
    },
  ],
});
