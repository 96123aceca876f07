import { ruleTester } from './tester';

ruleTester('AML207', {
  valid: [
    'from azure.keyvault.secrets import SecretClient\nclient = SecretClient(vault_url=url, credential=cred)\nclient.get_secret("x")',
    {
      // A Databricks notebook export (real shape): Key Vault client library and dbutils secrets, no Azure ML.
      name: 'Databricks notebook with SecretClient and dbutils.secrets',
      code: "# Databricks notebook source\nfrom azure.keyvault.secrets import SecretClient\nfrom azure.identity import DeviceCodeCredential\nclient = SecretClient(vault_url=kv_uri, credential=DeviceCodeCredential())\npw = client.get_secret('<name>').value\npw2 = dbutils.secrets.get(scope='test', key='sqldbPassword')",
    },
    {
      // azure-sdk-for-python sample (round 35 v2only sample): a customer-managed key names a Key Vault; no secret access.
      name: 'v2 CustomerManagedKey(key_vault=...)',
      code: 'from azure.ai.ml.entities import CustomerManagedKey, Workspace\ncmk = CustomerManagedKey(key_vault="/subscriptions/x/resourceGroups/r/providers/Microsoft.KeyVault/vaults/v", key_uri="https://v.vault.azure.net/keys/k/1")\nws = Workspace(name="w", customer_managed_key=cmk)',
    },
  ],
  invalid: [
    {
      // A job's script reads the workspace key vault through its run (common in public sample scripts).
      name: "the key vault of the run's workspace in a job script",
      code: 'from azureml.core import Run\nrun = Run.get_context()\nkv = run.experiment.workspace.get_default_keyvault()\nsecret = kv.get_secret("k")',
      errors: [{ line: 3, column: 6, endColumn: 51, message: 'Run.experiment.workspace.get_default_keyvault()' }, { line: 4, column: 10, endColumn: 23, message: 'Keyvault.get_secret()' }],
    },
    {
      code: 'from azureml.core import Workspace, Run\nws = Workspace.from_config()\nkv = ws.get_default_keyvault()\nkv.set_secret(name="pw", value=pw)\nsecret = Run.get_context().get_secret("pw")',
      errors: [{ line: 3, column: 6, endColumn: 29 }, { line: 4, column: 1, endColumn: 14, message: 'azure-keyvault-secrets' }, { line: 5, column: 10 }],
    },
    {
      // Landing-zone test script (real shape): the workspace key vault read after a dataset check.
      name: 'workspace key vault in a test script',
      code: "from azureml.core import Workspace, Dataset\nworkspace = Workspace(subscription_id, resource_group, workspace_name)\nkeyvault = workspace.get_default_keyvault()\nsecret = keyvault.get_secret(name = 'sqldbpassword')",
      errors: [{ line: 3, column: 12, endColumn: 42 }, { line: 4, column: 10, endColumn: 29, message: 'SecretClient' }],
    },
    {
      name: 'a chained call is one finding, on its outer member',
      code: 'from azureml.core import Workspace\nws = Workspace.from_config()\nsecret = ws.get_default_keyvault().get_secret(name="db-pass")',
      errors: [{ line: 3, column: 10, endColumn: 46, message: 'Keyvault.get_secret()' }],
    },
    {
      name: 'Keyvault(ws) and Run.get_secrets',
      code: 'from azureml.core import Run\nfrom azureml.core.keyvault import Keyvault\nkv = Keyvault(ws)\nsecrets = Run.get_context().get_secrets(secrets=["a", "b"])',
      errors: [{ line: 3, column: 6, endColumn: 14 }, { line: 4, column: 11, message: 'Run.get_secrets()' }],
    },
  ],
});
