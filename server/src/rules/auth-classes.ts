/**
 * SDK v1 authentication classes and the azure.identity credential that replaces each
 * (https://learn.microsoft.com/azure/machine-learning/how-to-setup-authentication; the reference's §2.1).
 * Read by the workspace rewrites (rewrites/workspace.ts: the credential made again with the same
 * arguments) and by AML003 (what to pass to an SDK v2 API instead of a v1 authentication object).
 */

export interface AuthClass {
  v2: string;
  signature: string[];
  keywords: Record<string, string>;
  defaults?: Record<string, string>;
}

/**
 * v1 authentication class → the azure.identity credential, its v1 signature, the v2 keyword of each accepted
 * argument, and (`defaults`) arguments accepted only as a string literal equal to v1's default, then dropped.
 */
export const AUTH_CLASSES: Readonly<Record<string, AuthClass>> = {
  // InteractiveLoginAuthentication(force=False, tenant_id=None, cloud=None): a user login.
  'azureml.core.authentication.InteractiveLoginAuthentication': { v2: 'InteractiveBrowserCredential', signature: ['force', 'tenant_id', 'cloud'], keywords: { tenant_id: 'tenant_id' } },
  // ServicePrincipalAuthentication(tenant_id, service_principal_id, service_principal_password, cloud): ClientSecretCredential(tenant_id, client_id, client_secret).
  // `cloud="AzureCloud"` is v1's default (azureml-core authentication.py:
  // `ServicePrincipalAuthentication.__init__(..., cloud='AzureCloud', _enable_caching=True)`): the
  // Azure public cloud, where ClientSecretCredential authenticates and MLClient connects by default; dropped.
  'azureml.core.authentication.ServicePrincipalAuthentication': { v2: 'ClientSecretCredential', signature: ['tenant_id', 'service_principal_id', 'service_principal_password', 'cloud'], keywords: { tenant_id: 'tenant_id', service_principal_id: 'client_id', service_principal_password: 'client_secret' }, defaults: { cloud: 'AzureCloud' } },
  'azureml.core.authentication.MsiAuthentication': { v2: 'ManagedIdentityCredential', signature: ['cloud', 'identity_config'], keywords: {} },
  'azureml.core.authentication.AzureCliAuthentication': { v2: 'AzureCliCredential', signature: ['cloud'], keywords: {} },
};
