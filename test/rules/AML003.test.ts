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
  ],
  invalid: [
    {
      code: 'from azureml.core.authentication import MsiAuthentication\nfrom azure.ai.ml import MLClient\nml_client = MLClient(MsiAuthentication(), sub, rg, ws_name)',
      errors: [{ line: 3, column: 22, endColumn: 41, message: ['MsiAuthentication', 'MLClient'] }],
    },
    {
      name: 'keyword argument, credential held in a variable',
      code: 'from azureml.core.authentication import ServicePrincipalAuthentication\nfrom azure.ai.ml import MLClient\nauth = ServicePrincipalAuthentication(tenant_id=t, service_principal_id=i, service_principal_password=p)\nMLClient(credential=auth, subscription_id=s)',
      errors: [{ line: 4, column: 21, message: '`credential=`' }],
    },
    {
      name: 'v1 run configuration to a method of a v2 client',
      code: 'from azureml.core import ScriptRunConfig\nfrom azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)\nsrc = ScriptRunConfig(source_directory=".", script="train.py")\nml_client.jobs.create_or_update(src)',
      errors: [{ line: 5, column: 33 }],
    },
  ],
});
