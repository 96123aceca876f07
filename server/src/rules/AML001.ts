/**
 * AML001 mixed-sdk-imports: SDK v1 and SDK v2 imported in one module.
 */
import type { Rule } from './rule';
import { studioClassicPackage } from './v1-api';

const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

const rule: Rule = {
  meta: {
    code: 'AML001',
    name: 'mixed-sdk-imports',
    family: 'AML0',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
      summary: 'Finds modules that import both SDK v1 (`azureml.*`) and SDK v2 (`azure.ai.ml`). A notebook counts as one module (its cells run in one kernel); a `%%writefile` cell counts alone.',
      why: 'Mixing v1 and v2 in one file is technically possible but not recommended: many classes share names (`Workspace`, `Model`, `Environment`, `Datastore`, ...), objects of one SDK cannot be passed to the other, and a workspace with `v1_legacy_mode` on blocks the v2 half.',
      v1Example: 'from azureml.core import Workspace\nfrom azure.ai.ml import MLClient\n\nws = Workspace.from_config()\nml_client = MLClient(credential, ws.subscription_id, ws.resource_group, ws.name)',
      v2Example: 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n\nml_client = MLClient.from_config(credential=DefaultAzureCredential())',
      fixSafety: 'No automatic fix: finish moving the v1 code (see the AML1xx findings).',
      limitations: 'Reported once per module, on its first SDK v1 import (one naming a part of the SDK, such as `azureml.core`, rather than a bare `import azureml`, when there is one), with the first SDK v2 import as related information.',
      references: [MIG],
    },
  },
  requires: 'azureml',
  check(ctx) {
    // The bare `azureml` namespace (`import azureml`) names no SDK part: point at an import that does when there is one.
    // A bare `import azureml` used only for the Studio (classic) client is not SDK v1 (AML100 says the same).
    const v1 = ctx.model.imports.find((i) => i.sdk === 'v1' && i.module !== 'azureml') ?? ctx.model.imports.find((i) => i.sdk === 'v1' && !studioClassicPackage(ctx, i));
    const v2 = ctx.model.imports.find((i) => i.sdk === 'v2');
    if (!v1 || !v2) return;
    const where = ctx.isNotebook ? 'This notebook' : 'This module';
    ctx.report({
      node: v1.moduleNode,
      message: `${where} imports both SDK v1 (\`${v1.module}\`) and SDK v2 (\`${v2.module}\`): finish the move to v2 and drop the v1 imports.`,
      symbol: v1.module,
      related: [
        { node: v1.moduleNode, message: `SDK v1 import: ${v1.module}` },
        { node: v2.moduleNode, message: `SDK v2 import: ${v2.module}` },
      ],
    });
  },
};

export default rule;
