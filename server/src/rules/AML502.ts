/**
 * AML502 v1-cli-command: `az ml` verbs that exist only in CLI v1 (`run submit-script`,
 * `folder attach`, `model deploy`, `computetarget`, `pipeline create-schedule`, ...).
 */
import { azMlCommands } from '../engine/textfiles';
import type { Rule } from './rule';
import { shellLinesOf } from './shell';
import { v1CliReplacement as replacement } from './v1-cli';

const CLI1 = 'https://learn.microsoft.com/azure/machine-learning/v1/reference-azure-machine-learning-cli';
const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

function message(words: string[], v2: string): string {
  return `\`az ml ${words.join(' ')}\` exists only in Azure ML CLI v1 (extension azure-cli-ml, support ended 2025-09-30): in CLI v2 use ${v2}.`;
}

const rule: Rule = {
  meta: {
    code: 'AML502',
    name: 'v1-cli-command',
    family: 'AML5',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
      summary: 'Finds `az ml` commands that exist only in CLI v1: `run submit-script/submit-hyperdrive/submit-pipeline`, `folder attach`, `computetarget ...`, `pipeline create/create-schedule`, `service ...`, `endpoint ...`, `dataset register`, `model deploy/profile/register`, `datastore attach-*/upload/download`, `environment scaffold/register/download`, `workspace share`, `workspace private-endpoint ...`. In shell scripts, CI workflow YAML, notebook shell lines and commands Python runs (`os.system`, `subprocess`). v2 verbs (`az ml job create`, `az ml online-endpoint ...`) never fire.',
      why: 'CLI v1 and v2 share the `az ml` prefix, but these verbs were removed in v2: the script fails once the `ml` extension replaces `azure-cli-ml`, and CLI v1 support ended on 2025-09-30. v2 describes jobs, endpoints, data and environments in YAML files with a `$schema`.',
      v1Example: 'az ml folder attach -w my-ws -g my-rg\naz ml run submit-script -c train -e my-exp train.py\naz ml model deploy -n my-svc -m model:1 --ic inferenceconfig.json --dc deploymentconfig.json',
      v2Example: 'az configure --defaults workspace=my-ws group=my-rg\naz ml job create --file job.yml\naz ml online-endpoint create --name my-svc -f endpoint.yml\naz ml online-deployment create --name blue --endpoint my-svc -f blue-deployment.yml --all-traffic',
      fixSafety: 'No automatic fix: v2 commands take YAML files that have to be written.',
      limitations: 'Only literal command lines are read (shell scripts, Dockerfiles, CI workflow YAML, notebook `!az` lines, `%%bash` cells and `%%writefile` scripts, `get_ipython().system(...)` in notebooks exported to scripts, `# MAGIC %sh` cells of Databricks notebooks exported as source, `%sh` cells of Databricks notebooks exported as `.ipynb`, a string literal Python runs with `os.system`, `os.popen` or `subprocess`); commands assembled in variables, f-strings or concatenations are not, nor a command given to `subprocess` as a list of arguments.',
      references: [CLI1, MIG, 'https://learn.microsoft.com/azure/machine-learning/how-to-configure-cli'],
    },
  },
  checkText(ctx) {
    if (ctx.kind !== 'shell' && ctx.kind !== 'workflow') return;
    ctx.lines.forEach((text, line) => {
      for (const c of azMlCommands(text, line)) {
        const v2 = replacement(c.words);
        if (v2) ctx.report({ range: c.range, message: message(c.words, v2), symbol: `az ml ${c.words.join(' ')}` });
      }
    });
  },
  check(ctx) {
    for (const l of shellLinesOf(ctx)) {
      for (const c of azMlCommands(l.text, l.line, l.character)) {
        const v2 = replacement(c.words);
        if (v2) ctx.reportAt({ cell: l.cell, range: c.range }, { message: message(c.words, v2), symbol: `az ml ${c.words.join(' ')}` });
      }
    }
  },
};

export default rule;
