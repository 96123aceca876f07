/**
 * AML301 v1-legacy-mode: `v1_legacy_mode=True` (SDK v1) or `--v1-legacy-mode true` (CLI v1),
 * which disables the v2 API for the workspace.
 */
import { stripShellComment } from '../engine/textfiles';
import type { Rule } from './rule';
import { shellLinesOf } from './shell';

const NET = 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-network-isolation-with-v2';
const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

export const LEGACY_MODE_EXPLAINED =
  'v1 legacy mode disables the v2 API for the workspace, which blocks every SDK v2 and CLI v2 call. Workspaces with a private endpoint got it turned on automatically (since May 2022). To use v2, set it to False with SDK v1 `ws.update(v1_legacy_mode=False)` or CLI v1 `az ml workspace update --v1-legacy-mode False` (it can take 30–60 minutes to apply); SDK v2 and CLI v2 have no parameter for it.';

const CLI_FLAG = /--v1-legacy-mode(?:\s+|=)(["']?)(true|True|TRUE|1)\1(?![\w-])/;

function flagTokens(line: string, lineNo: number, offset: number): Array<{ text: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }> {
  const m = CLI_FLAG.exec(line);
  if (!m) return [];
  const character = offset + m.index;
  return [{ text: m[0], range: { start: { line: lineNo, character }, end: { line: lineNo, character: character + m[0].length } } }];
}

const rule: Rule = {
  meta: {
    code: 'AML301',
    name: 'v1-legacy-mode',
    family: 'AML3',
    defaultSeverity: 'error',
    fixable: 'never',
    docs: {
      summary: 'Finds code that turns on `v1_legacy_mode` for a workspace: `Workspace.create(..., v1_legacy_mode=True)`, `ws.update(v1_legacy_mode=True)`, and `az ml workspace update --v1-legacy-mode true` in scripts, CI workflows, notebook shell lines and commands Python runs (`os.system`, `subprocess`).',
      why: '`v1_legacy_mode` is a workspace flag that, when true, disables the v2 API for that workspace. Since the week of 2022-05-15 existing workspaces with a private endpoint have it set to true automatically. A migration to SDK v2 fails until it is set back to false, which can take 30–60 minutes or more to apply. SDK v2 and CLI v2 have no parameter for it: use SDK v1 `Workspace.update(v1_legacy_mode=False)` or CLI v1 `--v1-legacy-mode False`. Keep it true only if you use a private endpoint and cannot allow Azure Resource Manager traffic over public networks.',
      v1Example: 'ws = Workspace.create(name="ws", subscription_id=sub, resource_group="rg", location="eastus", v1_legacy_mode=True)',
      v2Example: '# Turn legacy mode off once (SDK v1), then use SDK v2:\nws.update(v1_legacy_mode=False)\n\nfrom azure.ai.ml import MLClient\nml_client = MLClient(DefaultAzureCredential(), sub, "rg", "ws")',
      fixSafety: 'No automatic fix: turning the flag off changes how the workspace is reached (v2 traffic goes over public Azure Resource Manager).',
      limitations: 'Only literal `True` values are reported; a flag set from a variable is not. The CLI flag is found in notebook shell lines, `%%bash` cells, shell scripts and CI workflow YAML (also `get_ipython().system(...)` in notebooks exported to scripts `# MAGIC %sh` cells of Databricks notebooks exported as source, and a string literal Python runs with `os.system`, `os.popen` or `subprocess`); a command built at run time (an f-string, a concatenation) is not read.',
      references: [NET, MIG],
    },
  },
  check(ctx) {
    if (ctx.module.text.includes('v1_legacy_mode')) {
      for (const call of ctx.model.calls) {
        const arg = call.args.find((a) => a.keyword === 'v1_legacy_mode' && a.node.type === 'true');
        if (!arg || call.callee?.kind !== 'ref' || !call.callee.qname.startsWith('azureml.')) continue;
        ctx.report({ node: arg.node.parent ?? arg.node, message: `\`v1_legacy_mode=True\` turns on v1 legacy mode. ${LEGACY_MODE_EXPLAINED}`, symbol: 'v1_legacy_mode' });
      }
    }
    for (const l of shellLinesOf(ctx)) {
      for (const t of flagTokens(l.text, l.line, l.character)) {
        ctx.reportAt({ cell: l.cell, range: t.range }, { message: `\`${t.text}\` turns on v1 legacy mode. ${LEGACY_MODE_EXPLAINED}`, symbol: 'v1_legacy_mode' });
      }
    }
  },
  checkText(ctx) {
    if (ctx.kind !== 'shell' && ctx.kind !== 'workflow') return;
    ctx.lines.forEach((text, line) => {
      for (const t of flagTokens(stripShellComment(text), line, 0)) {
        ctx.report({ range: t.range, message: `\`${t.text}\` turns on v1 legacy mode. ${LEGACY_MODE_EXPLAINED}`, symbol: 'v1_legacy_mode' });
      }
    });
  },
};

export default rule;
