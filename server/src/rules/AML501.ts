/**
 * AML501 azure-cli-ml-extension: installing or using the v1 CLI extension `azure-cli-ml`.
 */
import { azureCliMlExtension, type Token } from '../engine/textfiles';
import type { Rule } from './rule';
import { notebookShellLines } from './shell';

const CLI2 = 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-cli';
const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

const MESSAGE = '`azure-cli-ml` is the Azure ML CLI v1 extension, whose support ended on 2025-09-30: use the v2 extension `ml` (`az extension remove -n azure-cli-ml` then `az extension add -n ml`; needs Azure CLI 2.38.0 or later).';

function fixFor(t: Token, cell?: number) {
  return [{ title: 'Use the v2 extension `ml`', safety: 'suggestion' as const, edits: [{ cell, range: t.range, newText: 'ml' }] }];
}

const rule: Rule = {
  meta: {
    code: 'AML501',
    name: 'azure-cli-ml-extension',
    family: 'AML5',
    defaultSeverity: 'warning',
    fixable: 'always',
    docs: {
      summary: 'Finds `az extension add|update -n azure-cli-ml`: the Azure ML CLI v1 extension, in shell scripts, Dockerfiles, CI workflow YAML and notebook `!az` lines.',
      why: 'CLI v1 (`azure-cli-ml`) reached end of support on 2025-09-30. The v2 CLI is the `ml` extension (remove `azure-cli-ml` first; it needs Azure CLI 2.38.0 or later). Both use the `az ml` prefix, so scripts keep working only for verbs that exist in v2.',
      v1Example: 'az extension add -n azure-cli-ml',
      v2Example: 'az extension remove -n azure-cli-ml\naz extension add -n ml',
      fixSafety: 'Suggestion: renames the extension to `ml`; v1-only verbs used later in the script (AML502) still need rewriting.',
      limitations: 'Only literal command lines are read; commands assembled in variables are not.',
      references: [CLI2, MIG],
    },
  },
  checkText(ctx) {
    if (ctx.kind !== 'shell' && ctx.kind !== 'workflow') return;
    ctx.lines.forEach((text, line) => {
      for (const t of azureCliMlExtension(text, line)) ctx.report({ range: t.range, message: MESSAGE, symbol: 'azure-cli-ml', fixes: fixFor(t) });
    });
  },
  check(ctx) {
    for (const l of notebookShellLines(ctx)) {
      for (const t of azureCliMlExtension(l.text, l.line, l.character)) ctx.reportAt({ cell: l.cell, range: t.range }, { message: MESSAGE, symbol: 'azure-cli-ml', fixes: fixFor(t, l.cell) });
    }
  },
};

export default rule;
