/**
 * AML003 v1-object-to-v2-api: an SDK v1 object handed to an SDK v2 API, e.g. a v1
 * `MsiAuthentication()` passed to `MLClient`.
 */
import { shortName } from './v1-api';
import { sdkOf, isClass } from '../engine/semantic/model';
import type { Rule } from './rule';

const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

const rule: Rule = {
  meta: {
    code: 'AML003',
    name: 'v1-object-to-v2-api',
    family: 'AML0',
    defaultSeverity: 'error',
    fixable: 'never',
    docs: {
      summary: 'Finds an SDK v1 object (or v1 class) passed as an argument to an SDK v2 call: a v1 credential to `MLClient`, a v1 `ScriptRunConfig` or `Environment` to `ml_client.jobs.create_or_update`, ...',
      why: 'v2 APIs do not accept v1 objects. v1 authentication classes are not `azure.identity` credentials, so `MLClient(MsiAuthentication(), ...)` fails when the client first authenticates. Plain values read from a v1 object (`ws.subscription_id`) are fine and are not reported.',
      v1Example: 'from azureml.core.authentication import MsiAuthentication\nfrom azure.ai.ml import MLClient\n\nml_client = MLClient(MsiAuthentication(), subscription_id, resource_group, workspace)',
      v2Example: 'from azure.identity import ManagedIdentityCredential\nfrom azure.ai.ml import MLClient\n\nml_client = MLClient(ManagedIdentityCredential(), subscription_id, resource_group, workspace)',
      fixSafety: 'No automatic fix.',
      limitations: 'Only calls whose callee resolves to `azure.ai.ml` (directly or through an `MLClient` held in a variable) are checked.',
      references: [MIG, 'https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-workspace'],
    },
  },
  requires: 'azureml',
  check(ctx) {
    for (const call of ctx.model.calls) {
      if (sdkOf(call.callee) !== 'v2' || call.callee?.kind !== 'ref') continue;
      for (const arg of call.args) {
        const v = arg.value;
        if (sdkOf(v) !== 'v1') continue;
        // A v1 object, or a v1 class/function itself; not a plain attribute read from an object.
        const isObject = v?.kind === 'instance';
        const isV1Class = v?.kind === 'ref' && !v.onInstance && isClass(v.qname);
        if (!isObject && !isV1Class) continue;
        const what = v?.kind === 'instance' ? `an SDK v1 \`${shortName(v.type)}\` object` : `the SDK v1 class \`${shortName((v as { qname: string }).qname)}\``;
        ctx.report({
          node: arg.node,
          message: `${what} is passed to the SDK v2 API \`${shortName(call.callee.qname)}\`${arg.keyword ? ` (\`${arg.keyword}=\`)` : ''}, which does not accept v1 objects.`,
          symbol: v?.kind === 'instance' ? v.type : (v as { qname: string }).qname,
        });
      }
    }
  },
};

export default rule;
