/**
 * AML501 azure-cli-ml-extension: installing or using the v1 CLI extension `azure-cli-ml`.
 */
import { azMlCommands, azureCliMlExtension, type Token } from '../engine/textfiles';
import type { Range } from '../engine/types';
import type { Rule } from './rule';
import { shellLinesOf } from './shell';
import { v1CliReplacement } from './v1-cli';

const CLI2 = 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-cli';
const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

const MESSAGE = '`azure-cli-ml` is the Azure ML CLI v1 extension, whose support ended on 2025-09-30: use the v2 extension `ml` (`az extension remove -n azure-cli-ml` then `az extension add -n ml`; needs Azure CLI 2.38.0 or later).';

/**
 * The rename to `ml`, unless the script (or notebook) still runs a v1-only `az ml` command (AML502):
 * with the v2 extension installed instead, the script would fail at that command.
 */
function fixFor(t: Token & { rename: { range: Range; newText: string } }, v1CommandsLeft: boolean, cell?: number) {
  if (v1CommandsLeft) return undefined;
  return [{ title: 'Use the v2 extension `ml`', safety: 'suggestion' as const, edits: [{ cell, range: t.rename.range, newText: t.rename.newText }] }];
}

/** Whether any of these lines runs an `az ml` command that exists only in CLI v1. */
const runsV1Commands = (lines: readonly { text: string; line: number }[]): boolean =>
  lines.some((l) => azMlCommands(l.text, l.line).some((c) => v1CliReplacement(c.words) !== undefined));

const rule: Rule = {
  meta: {
    code: 'AML501',
    name: 'azure-cli-ml-extension',
    family: 'AML5',
    defaultSeverity: 'warning',
    fixable: 'sometimes',
    docs: {
      summary: 'Finds `az extension add|update -n azure-cli-ml` and `az extension add --source .../azure_cli_ml-<version>-py3-none-any.whl`: the Azure ML CLI v1 extension, in shell scripts, Dockerfiles, CI workflow YAML, notebook `!az` lines and commands Python runs (`os.system("az extension add -n azure-cli-ml")`, `subprocess.run(...)`). (`azure-cli-ml` listed as a Python package in requirements files, conda YAML or `setup.py` is reported by AML401.)',
      why: 'CLI v1 (`azure-cli-ml`) reached end of support on 2025-09-30. The v2 CLI is the `ml` extension (remove `azure-cli-ml` first; it needs Azure CLI 2.38.0 or later). Both use the `az ml` prefix, so scripts keep working only for verbs that exist in v2.',
      v1Example: 'az extension add -n azure-cli-ml',
      v2Example: 'az extension remove -n azure-cli-ml\naz extension add -n ml',
      fixSafety: 'Suggestion: renames the extension to `ml` (`--source <azure_cli_ml wheel>` becomes `-n ml`), only in a script (or notebook) that runs no v1-only `az ml` command (AML502): with the v2 extension installed instead, such a script would fail at the first of them. Rewrite those commands first (they take YAML files), then the rename is offered.',
      limitations: 'Only literal command lines are read (also `%%writefile` scripts and `get_ipython().system(...)` in notebooks exported to scripts, `# MAGIC %sh` cells of Databricks notebooks exported as source, `%sh` cells of Databricks notebooks exported as `.ipynb`, a string literal Python runs with `os.system`, `os.popen` or `subprocess`); commands assembled in variables, f-strings or concatenations are not, nor a command given to `subprocess` as a list of arguments.',
      references: [CLI2, MIG],
    },
  },
  checkText(ctx) {
    if (ctx.kind !== 'shell' && ctx.kind !== 'workflow') return;
    const v1Left = runsV1Commands(ctx.lines.map((text, line) => ({ text, line })));
    ctx.lines.forEach((text, line) => {
      for (const t of azureCliMlExtension(text, line)) ctx.report({ range: t.range, message: MESSAGE, symbol: 'azure-cli-ml', fixes: fixFor(t, v1Left) });
    });
  },
  check(ctx) {
    const lines = shellLinesOf(ctx);
    const v1Left = runsV1Commands(lines);
    for (const l of lines) {
      for (const t of azureCliMlExtension(l.text, l.line, l.character)) ctx.reportAt({ cell: l.cell, range: t.range }, { message: MESSAGE, symbol: 'azure-cli-ml', fixes: fixFor(t, v1Left, l.cell) });
    }
  },
};

export default rule;
