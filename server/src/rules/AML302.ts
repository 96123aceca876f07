/**
 * AML302 private-endpoint-v1: SDK v1 private endpoint setup (`PrivateEndPointConfig`,
 * `private_endpoint_config=`, `ws.add_private_endpoint`).
 */
import { isUnder } from '../engine/catalogue';
import { featureRule } from './features';

const NET = 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-network-isolation-with-v2';
const PL = 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link';
const WS = 'https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-workspace';

/** `ws.delete_private_endpoint_connection(...)` (azureml-core Workspace): removing an endpoint is part of the same v1-only surface. */
const REMOVE = 'azureml.core.Workspace.delete_private_endpoint_connection';

const WHAT_TO_DO = 'In v2, create the workspace with `public_network_access="Disabled"` and add the private endpoint with `az network private-endpoint create --group-id amlworkspace ...`. A workspace with a private endpoint has `v1_legacy_mode` on, which blocks every v2 API call: set it to False before using SDK v2.';

export default featureRule({
  meta: {
    code: 'AML302',
    name: 'private-endpoint-v1',
    family: 'AML3',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
      summary: 'Finds SDK v1 private endpoint setup: `PrivateEndPointConfig(...)`, `Workspace.create(..., private_endpoint_config=...)`, `ws.add_private_endpoint(...)` and `ws.delete_private_endpoint_connection(...)`.',
      why: 'The docs show no SDK v2 call for private endpoints: a v2 workspace is created with `public_network_access="Disabled"` and the endpoint with `az network private-endpoint create --group-id amlworkspace`. A workspace with a private endpoint automatically has `v1_legacy_mode` enabled, which prevents the use of v2 APIs until it is set to false.',
      v1Example: 'from azureml.core import Workspace\nfrom azureml.core.private_endpoint import PrivateEndPointConfig\n\nple = PrivateEndPointConfig(name="ws-pe", vnet_name="vnet", vnet_subnet_name="default")\nws.add_private_endpoint(private_endpoint_config=ple, private_endpoint_auto_approval=True)',
      v2Example: 'from azure.ai.ml.entities import Workspace\n\nws = Workspace(name="ws", location="eastus", image_build_compute="cpu-compute", public_network_access="Disabled")\nml_client.workspaces.begin_create(ws).result()\n# then: az network private-endpoint create --group-id amlworkspace ...',
      fixSafety: 'No automatic fix.',
      limitations: 'Endpoints created outside Python (portal, ARM templates, CLI) are not seen.',
      references: [NET, PL, WS],
    },
  },
  symbols: ['azureml.core.PrivateEndPointConfig', 'azureml.core.PrivateEndPoint', 'azureml.core.Workspace.add_private_endpoint', REMOVE],
  message: (shown, ref) =>
    isUnder(ref.qname, REMOVE)
      ? `${shown} removes a workspace private endpoint connection with SDK v1. The docs show no SDK v2 call for private endpoints: remove the connection in the portal (the workspace's Networking page, private endpoint connections), or delete the endpoint itself with the Azure CLI (\`az network private-endpoint delete\`). A workspace created with a private endpoint may still have \`v1_legacy_mode\` on, which blocks every v2 API call: set it to False before using SDK v2.`
      : `${shown} sets up a private endpoint with SDK v1. ${WHAT_TO_DO}`,
  extra(ctx) {
    if (!ctx.module.text.includes('private_endpoint_config')) return;
    for (const call of ctx.model.calls) {
      if (call.callee?.kind !== 'ref' || call.callee.qname !== 'azureml.core.Workspace.create') continue;
      const arg = call.args.find((a) => a.keyword === 'private_endpoint_config' && a.node.type !== 'none');
      if (!arg) continue;
      ctx.report({ node: arg.node.parent ?? arg.node, message: `\`private_endpoint_config=\` creates the workspace behind a private endpoint with SDK v1. ${WHAT_TO_DO}`, symbol: 'azureml.core.Workspace.create' });
    }
  },
});
