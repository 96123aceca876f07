/**
 * AML207 keyvault-secrets: workspace Key Vault secrets (no full SDK v2 equivalent).
 */
import { featureRule } from './features';

export default featureRule({
  meta: {
    code: 'AML207',
    name: 'keyvault-secrets',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds SDK v1 Key Vault access: `ws.get_default_keyvault()`, `Keyvault(ws)`, `Keyvault.set_secret/get_secret` (and the other `Keyvault` methods), `Run.get_secret/get_secrets`.",
    why: "\"V1 set_secret and get_secret … aren't available in V2.\" Secrets are read and written with the Azure Key Vault client libraries instead.",
    v1Example: "keyvault = ws.get_default_keyvault()\nkeyvault.set_secret(name=\"db-password\", value=pw)\npassword = Run.get_context().get_secret(name=\"db-password\")",
    v2Example: "from azure.identity import DefaultAzureCredential\nfrom azure.keyvault.secrets import SecretClient\n\nclient = SecretClient(vault_url=\"https://<vault>.vault.azure.net\", credential=DefaultAzureCredential())\nclient.set_secret(\"db-password\", pw)\npassword = client.get_secret(\"db-password\").value",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "A call chain (`ws.get_default_keyvault().get_secret(...)`) is reported once, on its outer call. Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
    },
  },
  symbols: ["azureml.core.keyvault.Keyvault", "azureml.core.Workspace.get_default_keyvault", "azureml.core.Run.experiment.workspace.get_default_keyvault", "azureml.core.Run.get_secret", "azureml.core.Run.get_secrets"],
  message: (shown) => `${shown} is SDK v1: \`set_secret\`/\`get_secret\` on the workspace key vault and \`Run.get_secret\` are not available in SDK v2; use the Key Vault client library (\`azure-keyvault-secrets\` \`SecretClient\` with an \`azure.identity\` credential).`,
});
