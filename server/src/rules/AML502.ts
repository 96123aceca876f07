/**
 * AML502 v1-cli-command: `az ml` verbs that exist only in CLI v1 (`run submit-script`,
 * `folder attach`, `model deploy`, `computetarget`, `pipeline create-schedule`, ...).
 */
import { azMlCommands } from '../engine/textfiles';
import type { Rule } from './rule';
import { notebookShellLines } from './shell';

const CLI1 = 'https://learn.microsoft.com/azure/machine-learning/v1/reference-azure-machine-learning-cli';
const MIG = 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1';

/** v1-only command groups, and what v2 uses instead (reference §5.1). */
const V1_GROUPS: Record<string, string> = {
  run: '`az ml job create --file job.yml`',
  folder: '`az configure --defaults workspace=<ws> group=<rg>`',
  computetarget: '`az ml compute` (`create`, `attach`, `show`, `list`, `delete`)',
  pipeline: '`az ml job create --file pipeline.yml` and `az ml schedule create --file schedule.yml`',
  service: '`az ml online-endpoint` / `az ml online-deployment` (e.g. `az ml online-deployment get-logs`)',
  endpoint: '`az ml online-endpoint` / `az ml batch-endpoint`',
  experiment: '`az ml job list` (experiments are job properties in v2)',
  dataset: '`az ml data create --file data.yml`',
};

/**
 * Verbs of v1-only groups whose v2 command is known more precisely than the group's
 * (https://learn.microsoft.com/cli/azure/ml/compute, .../ml/online-endpoint, .../ml/job).
 */
const V1_GROUP_VERBS: Record<string, Record<string, string>> = {
  computetarget: {
    create: '`az ml compute create --file compute.yml` (an AKS target is attached instead: `az ml compute attach --type Kubernetes`)',
    attach: '`az ml compute attach`',
    detach: '`az ml compute detach`',
    delete: '`az ml compute delete --name <name>`',
    list: '`az ml compute list`',
    show: '`az ml compute show --name <name>`',
    update: '`az ml compute update`',
  },
  service: {
    run: '`az ml online-endpoint invoke --name <endpoint> --request-file <file>`',
    delete: '`az ml online-endpoint delete --name <endpoint>`',
    list: '`az ml online-endpoint list`',
    show: '`az ml online-endpoint show --name <endpoint>`',
    'get-logs': '`az ml online-deployment get-logs`',
    'get-keys': '`az ml online-endpoint get-credentials --name <endpoint>`',
  },
  run: {
    list: '`az ml job list`',
    show: '`az ml job show --name <job>`',
    cancel: '`az ml job cancel --name <job>`',
  },
};

/** v1-only verbs of groups that also exist in v2. */
const V1_VERBS: Record<string, Record<string, string>> = {
  model: {
    deploy: '`az ml online-endpoint create` + `az ml online-deployment create --all-traffic`',
    profile: 'nothing: model profiling has no documented v2 equivalent',
    register: '`az ml model create --name <name> --path <path>`',
  },
  datastore: Object.fromEntries(
    ['attach-blob', 'attach-file', 'attach-adls', 'attach-adls-gen2', 'attach-dbfs', 'attach-sqldb', 'attach-psqldb', 'attach-mysqldb', 'upload', 'download', 'set-default', 'show-default', 'detach'].map((v) => [v, v.startsWith('attach') ? '`az ml datastore create --file datastore.yml`' : v === 'detach' ? '`az ml datastore delete`' : 'data assets (`az ml data create`) or storage tools such as `az storage blob upload-batch`']),
  ),
  environment: {
    scaffold: '`az ml environment create --file environment.yml`',
    register: '`az ml environment create --file environment.yml`',
    download: '`az ml environment show` (v2 environments are YAML specs)',
  },
};

function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** What v2 uses instead of `az ml <group> <verb>`; undefined for commands that exist in v2. */
function replacement(words: string[]): string | undefined {
  const [group, verb] = words;
  const exact = verb ? own(own(V1_GROUP_VERBS, group), verb) : undefined;
  return exact ?? own(V1_GROUPS, group) ?? (verb ? own(own(V1_VERBS, group), verb) : undefined);
}

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
      summary: 'Finds `az ml` commands that exist only in CLI v1: `run submit-script/submit-hyperdrive/submit-pipeline`, `folder attach`, `computetarget ...`, `pipeline create/create-schedule`, `service ...`, `endpoint ...`, `dataset register`, `model deploy/profile/register`, `datastore attach-*/upload/download`, `environment scaffold/register/download`. v2 verbs (`az ml job create`, `az ml online-endpoint ...`) never fire.',
      why: 'CLI v1 and v2 share the `az ml` prefix, but these verbs were removed in v2: the script fails once the `ml` extension replaces `azure-cli-ml`, and CLI v1 support ended on 2025-09-30. v2 describes jobs, endpoints, data and environments in YAML files with a `$schema`.',
      v1Example: 'az ml folder attach -w my-ws -g my-rg\naz ml run submit-script -c train -e my-exp train.py\naz ml model deploy -n my-svc -m model:1 --ic inferenceconfig.json --dc deploymentconfig.json',
      v2Example: 'az configure --defaults workspace=my-ws group=my-rg\naz ml job create --file job.yml\naz ml online-endpoint create --name my-svc -f endpoint.yml\naz ml online-deployment create --name blue --endpoint my-svc -f blue-deployment.yml --all-traffic',
      fixSafety: 'No automatic fix: v2 commands take YAML files that have to be written.',
      limitations: 'Only literal command lines are read (shell scripts, Dockerfiles, CI workflow YAML, notebook `!az` lines and `%%bash` cells); commands assembled in variables are not.',
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
    for (const l of notebookShellLines(ctx)) {
      for (const c of azMlCommands(l.text, l.line, l.character)) {
        const v2 = replacement(c.words);
        if (v2) ctx.reportAt({ cell: l.cell, range: c.range }, { message: message(c.words, v2), symbol: `az ml ${c.words.join(' ')}` });
      }
    }
  },
};

export default rule;
