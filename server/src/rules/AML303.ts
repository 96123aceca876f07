/**
 * AML303 allow-public-access-when-behind-vnet: the v1 workspace property that v2 replaces with
 * `public_network_access`.
 */
import type { Rule } from './rule';

const PL = 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link';

const rule: Rule = {
  meta: {
    code: 'AML303',
    name: 'allow-public-access-when-behind-vnet',
    family: 'AML3',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
      summary: 'Finds `allow_public_access_when_behind_vnet=` in SDK v1 workspace calls (`Workspace.create`, `ws.update`).',
      why: 'The private link docs recommend `public_network_access` instead: in v2 set it on the workspace entity (`Workspace(public_network_access="Enabled")`) or with CLI v2 `az ml workspace update --set public_network_access=Enabled`. The two properties override each other.',
      v1Example: 'ws.update(allow_public_access_when_behind_vnet=True)',
      v2Example: '# CLI v2: az ml workspace update -n ws -g rg --set public_network_access=Enabled\nfrom azure.ai.ml.entities import Workspace\n\nws = Workspace(name="ws", location="eastus", public_network_access="Enabled")',
      fixSafety: 'No automatic fix.',
      limitations: 'Only keyword arguments of calls into `azureml.*` are checked.',
      references: [PL],
    },
  },
  requires: 'allow_public_access_when_behind_vnet',
  check(ctx) {
    for (const call of ctx.model.calls) {
      if (call.callee?.kind !== 'ref' || !call.callee.qname.startsWith('azureml.')) continue;
      const arg = call.args.find((a) => a.keyword === 'allow_public_access_when_behind_vnet');
      if (!arg) continue;
      ctx.report({
        node: arg.node.parent ?? arg.node,
        message: '`allow_public_access_when_behind_vnet` is the SDK v1 workspace setting: in v2 use `public_network_access` ("Enabled"/"Disabled") on the workspace; the two properties override each other.',
        symbol: 'allow_public_access_when_behind_vnet',
        deprecated: true,
      });
    }
  },
};

export default rule;
