import { ruleTester } from './tester';

ruleTester('AML003', {
  valid: [
    {
      name: 'plain values read from a v1 workspace',
      code: 'from azureml.core import Workspace\nfrom azure.ai.ml import MLClient\nws = Workspace.from_config()\nml_client = MLClient(cred, ws.subscription_id, ws.resource_group, ws.name)',
    },
    { name: 'azure.identity credential', code: 'from azure.identity import ManagedIdentityCredential\nfrom azure.ai.ml import MLClient\nMLClient(ManagedIdentityCredential(), sub, rg, ws)' },
    { name: 'v1 workspace handed to a v2-era package', code: 'from azureml.core import Workspace\nfrom azureml.rag.mlindex import MLIndex\nws = Workspace.from_config()\nMLIndex.from_workspace(ws)' },
    { name: 'v1 object to a v1 API', code: 'from azureml.core import Workspace, Experiment\nws = Workspace.from_config()\nExperiment(ws, "x")' },
    {
      name: 'local function returning an azure.identity credential',
      code: 'from azureml.core import Workspace\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\ndef get_credential():\n    return DefaultAzureCredential()\ncred = get_credential()\nMLClient.from_config(credential=cred)',
    },
    {
      name: 'plain value read from a v1 workspace a local function returns',
      code: 'from azureml.core import Workspace\nfrom azure.ai.ml import MLClient\ndef get_ws():\n    return Workspace.from_config()\nws = get_ws()\nMLClient(cred, ws.subscription_id, ws.resource_group, ws.name)',
    },
    {
      name: 'v1 object returned only by a nested function',
      code: 'from azureml.core.authentication import MsiAuthentication\nfrom azure.ai.ml import MLClient\ndef outer():\n    def inner():\n        return MsiAuthentication()\n    return None\nMLClient(outer(), s, r, w)',
    },
    { name: 'v1 auth object only in a comment', code: 'from azureml.core import Workspace\nfrom azure.ai.ml import MLClient\n#ml_client = MLClient(MsiAuthentication(), Workspace.from_config())\nml_client = MLClient(cred, s, r, w)' },
  ],
  invalid: [
    {
      code: 'from azureml.core.authentication import MsiAuthentication\nfrom azure.ai.ml import MLClient\nml_client = MLClient(MsiAuthentication(), sub, rg, ws_name)',
      errors: [{ line: 3, column: 22, endColumn: 41, message: ['MsiAuthentication', 'MLClient'] }],
    },
    {
      name: 'keyword argument, credential held in a variable',
      code: 'from azureml.core.authentication import ServicePrincipalAuthentication\nfrom azure.ai.ml import MLClient\nauth = ServicePrincipalAuthentication(tenant_id=t, service_principal_id=i, service_principal_password=p)\nMLClient(credential=auth, subscription_id=s)',
      errors: [{ line: 4, column: 21, message: ['`credential=`', '`ClientSecretCredential()`'] }],
    },
    {
      name: 'v1 run configuration to a method of a v2 client',
      code: 'from azureml.core import ScriptRunConfig\nfrom azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)\nsrc = ScriptRunConfig(source_directory=".", script="train.py")\nml_client.jobs.create_or_update(src)',
      errors: [{ line: 5, column: 33, message: ['`ScriptRunConfig`', '`MLClient.jobs.create_or_update`', '`azure.ai.ml.command`'] }],
    },
    {
      name: 'real shape: credential from a helper of the module that returns v1 authentication objects',
      code: [
        'from azureml.core.authentication import ServicePrincipalAuthentication, InteractiveLoginAuthentication',
        'from azure.ai.ml import MLClient',
        'def get_sp_auth():',
        '    if interactive_login:',
        '        return InteractiveLoginAuthentication(tenant_id=t)',
        '    else:',
        '        sp_auth = ServicePrincipalAuthentication(tenant_id=t, service_principal_id=i, service_principal_password=p)',
        '        return sp_auth',
        'def get_ml_client(stage="dev"):',
        '    sp_auth = get_sp_auth()',
        '    return MLClient.from_config(credential=sp_auth, path=config_path)',
      ].join('\n'),
      errors: [{ line: 11, column: 44, endColumn: 51, message: ['returned by `get_sp_auth()`', '`MLClient.from_config`', '`credential=`', 'azure.identity'] }],
    },
    {
      name: 'helper called in the argument',
      code: 'from azureml.core.authentication import MsiAuthentication\nfrom azure.ai.ml import MLClient\ndef auth():\n    return MsiAuthentication()\nMLClient(credential=auth(), subscription_id=s)',
      errors: [{ line: 5, column: 21, message: ['`MsiAuthentication`', '`ManagedIdentityCredential()`'] }],
    },
    {
      name: 'real shape: v1 credential chosen in an except branch',
      code: 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azureml.core.authentication import InteractiveLoginAuthentication\ndef ml_connect(cfg):\n    credential = DefaultAzureCredential()\n    try:\n        credential.get_token("https://management.azure.com/.default")\n    except Exception:\n        credential = InteractiveLoginAuthentication(tenant_id=cfg["tenant_id"])\n    return MLClient(credential, cfg["sub"], cfg["rg"], cfg["ws"])',
      errors: [{ line: 10, column: 21, message: ['`InteractiveLoginAuthentication`', '`InteractiveBrowserCredential()`'] }],
    },
  ],
});
