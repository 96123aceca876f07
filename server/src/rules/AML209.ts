/**
 * AML209 aci-only-options: ACI-only web service options (no full SDK v2 equivalent).
 */
import { featureRule, callsTo } from './features';

export default featureRule({
  meta: {
    code: 'AML209',
    name: 'aci-only-options',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds ACI web service options that managed online endpoints do not support: no-auth services (`auth_enabled=False`), custom DNS names (`dns_name_label`), customer-managed encryption keys (`cmk_vault_base_url`), and services from `deploy_from_model`/`deploy_from_image`.",
    why: "Managed online endpoints require key or token auth, size by VM SKU rather than CPU/memory, have no custom DNS name or customer-managed encryption options of ACI, and get a new scoring URL. Services created with `deploy_from_model`/`deploy_from_image` must be redeployed manually.",
    v1Example: "from azureml.core.webservice import AciWebservice\n\nconfig = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=False, dns_name_label=\"my-svc\")",
    v2Example: "from azure.ai.ml.entities import ManagedOnlineEndpoint\n\nendpoint = ManagedOnlineEndpoint(name=\"my-svc\", auth_mode=\"key\")",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "`ContainerResourceRequirements` and `EncryptionProperties` objects are not reported by name; their `deploy_configuration` keywords are. Objects are tracked through assignments in the same module.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-managed-online-endpoints",
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-deploy-endpoints"
    ]
    },
  },
  symbols: ["azureml.core.webservice.Webservice.deploy_from_model", "azureml.core.webservice.Webservice.deploy_from_image"],
  message: (shown) => `${shown} is an SDK v1 web service option with no managed online endpoint equivalent: redeploy as a managed online endpoint (key or token auth, a VM SKU instead of CPU/memory, a new scoring URL), or as a Kubernetes online endpoint for an AKS target.`,
  extra(ctx) {
    const deployConfig = (q: string) => q === 'azureml.core.webservice.AciWebservice.deploy_configuration';
    for (const call of callsTo(ctx, deployConfig)) {
      for (const arg of call.args) {
        const noAuth = arg.keyword === 'auth_enabled' && arg.node.type === 'false';
        if (!noAuth && arg.keyword !== 'dns_name_label' && arg.keyword !== 'cmk_vault_base_url') continue;
        ctx.report({
          node: arg.node.parent ?? arg.node,
          message: noAuth
            ? '`auth_enabled=False` (an ACI web service without authentication) has no managed online endpoint equivalent: endpoints use key or token auth (`auth_mode="key"`).'
            : `\`${arg.keyword}=\` is an ACI-only web service option with no managed online endpoint equivalent; the endpoint gets a new scoring URL.`,
          symbol: 'azureml.core.webservice.AciWebservice.deploy_configuration',
        });
      }
    }
  },
});
