/**
 * AML100 v1-import: an import of an SDK v1 (`azureml.*`) module or name.
 */
import { MLFLOW_AZUREML, areaOf, isUnder } from '../engine/catalogue';
import type { Rule, RuleContext } from './rule';
import { END_OF_SUPPORT, studioClassicPackage } from './v1-api';
import { importMigrationFix, unusedImportFix } from './import-fixes';

const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

/** The v2 package that replaces an area, for the import message. */
const V2_HOME: Record<string, string> = {
  logging: '`mlflow` (with `azureml-mlflow`)',
  sweep: '`azure.ai.ml.sweep`',
  automl: '`azure.ai.ml.automl`',
  pipeline: '`azure.ai.ml.dsl` and `azure.ai.ml`',
};

const rule: Rule = {
  meta: {
    code: 'AML100',
    name: 'v1-import',
    family: 'AML1',
    defaultSeverity: 'warning',
    fixable: 'sometimes',
    docs: {
      summary: 'Finds imports of SDK v1 modules (`azureml.core`, `azureml.pipeline`, `azureml.train`, `azureml.widgets`, ...), including imports inside functions, under `if`, in `try/except ImportError`, and imports never used afterwards.',
      why: `SDK v1 (\`azureml-*\` packages) reached end of support on ${END_OF_SUPPORT}: existing code keeps running but could be exposed to security risks or breaking changes. Its replacement is SDK v2, the \`azure-ai-ml\` package (\`azure.ai.ml\`) with \`azure-identity\`. v2-era packages whose module starts with \`azureml\` (\`azureml.mlflow\`, \`azureml.fsspec\`, \`azureml.featurestore\`, \`azureml.rag\`, ...) are not reported, nor are the AutoML runtime and telemetry imports of the scoring script AutoML generates with a model (\`scoring_file_v_2_0_0.py\`, recognised by its \`azureml.automl.core.scoring_script\` logger): SDK v2 deploys that file unchanged (how-to-deploy-automl-endpoint); other v1 code added to it is still reported. Names directly in the \`azureml\` package (\`from azureml import Workspace, services\`) belong to the retired Azure ML Studio (classic) client (PyPI \`azureml\`), not to SDK v1, and are not reported either.`,
      v1Example: 'from azureml.core import Workspace, Experiment\nimport azureml.core\n\nprint(azureml.core.VERSION)',
      v2Example: 'from azure.ai.ml import MLClient, command\nfrom azure.identity import DefaultAzureCredential',
      fixSafety: 'Safe fix when the imported v1 names are not used anywhere in the module (a notebook counts as one module): the unused names, or the whole statement, are removed (a block left empty gets `pass`). Not offered in `__init__.py`, in modules that define `__all__`, or for star imports. Suggestion (`--unsafe-fixes`, quick fix "Migrate the uses of ... to SDK v2 and remove this import") when every use of every v1 name the import binds has an SDK v2 rewrite (see the AML101–AML113 findings on that code), or is replaced by another rewrite (`except ComputeTargetException:` in the compute get-or-create rewrite): all of those rewrites at once, with the rewrites of the code that uses what they return (`run.log(...)` after `run = Run.get_context()`), and the import removed (only those names when the statement also imports names that stay). When only some of the v1 names of the statement are used that way, the suggestion ("Migrate the uses of Workspace to SDK v2 and remove it from this import") migrates those and removes just them from the import; the others stay imported, and a name does not migrate when its rewrites would edit code that uses a name that stays, or pass what they return to it (`Experiment(ws, name)` after `ws = Workspace.from_config()`). It is what `--fix --unsafe-fixes` makes of that code; it is not offered when two of the rewrites edit overlapping code. Otherwise imports still in use go once the code that uses them has moved to v2.',
      limitations: 'Dynamic imports (`importlib.import_module("azureml.core")`, `__import__`) are not seen.',
      references: [MIG, 'https://learn.microsoft.com/azure/machine-learning/concept-v2'],
    },
  },
  requires: 'azureml',
  check(ctx) {
    for (const imp of ctx.model.imports) {
      if (imp.sdk !== 'v1' || studioClassicPackage(ctx, imp)) continue;
      const v1Names = imp.names.filter((n) => n.sdk === 'v1');
      const listed = imp.statement.type === 'import_from_statement' && !imp.star ? ` (${v1Names.map((n) => n.qname.slice(imp.module.length + 1)).join(', ')})` : '';
      const unusedFix = unusedImportFix(ctx, imp);
      const home = V2_HOME[areaOf(v1Names[0]?.qname ?? imp.module)] ?? '`azure.ai.ml` (package `azure-ai-ml`)';
      const what = isUnder(imp.module, MLFLOW_AZUREML) || v1Names.some((n) => isUnder(n.qname, MLFLOW_AZUREML))
        ? `\`${imp.module}\`${listed} is MLflow 1.x's deployment API for SDK v1 (deprecated since MLflow 1.19; SDK v1 support ended on ${END_OF_SUPPORT}): deploy MLflow models to SDK v2 online endpoints (\`azure.ai.ml\`)`
        : `\`${imp.module}\`${listed} is SDK v1, whose support ended on ${END_OF_SUPPORT}: move this code to ${home}`;
      ctx.report({
        node: imp.moduleNode,
        message: `${what}.`,
        symbol: imp.module,
        deprecated: true,
        fixes: unusedFix && [unusedFix],
        // Built when asked for (engine/lazy-fixes.ts): the migration follows every use of the names.
        suggestions: () => {
          const fix = importMigrationFix(ctx, imp);
          return fix && [fix];
        },
      });
    }
  },
};

export default rule;
