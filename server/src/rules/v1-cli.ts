/**
 * The `az ml` commands that exist only in Azure ML CLI v1 (extension `azure-cli-ml`), each with what
 * CLI v2 (extension `ml`) uses instead (reference §5.1). AML502 reports them; AML501 offers its
 * extension rename only where none is left (the renamed extension would fail at the first one).
 */
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
  // https://learn.microsoft.com/cli/azure/ml/workspace: "upgrade az ml workspace private-endpoint commands
  // to equivalent az network private-endpoint commands ... az ml workspace share commands to equivalent
  // az role assignment create commands".
  workspace: {
    share: '`az role assignment create` (workspace access is an Azure role assignment)',
    'private-endpoint': '`az network private-endpoint` commands (`create --group-id amlworkspace`, `list`, `delete`)',
  },
  environment: {
    scaffold: '`az ml environment create --file environment.yml`',
    register: '`az ml environment create --file environment.yml`',
    download: '`az ml environment show` (v2 environments are YAML specs)',
  },
};

function own<T>(table: Record<string, T> | undefined, key: string): T | undefined {
  return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** What v2 uses instead of `az ml <group> <verb>` (a command's words after `az ml`); undefined for commands that exist in v2. */
export function v1CliReplacement(words: string[]): string | undefined {
  const [group, verb] = words;
  const exact = verb ? own(own(V1_GROUP_VERBS, group), verb) : undefined;
  return exact ?? own(V1_GROUPS, group) ?? (verb ? own(own(V1_VERBS, group), verb) : undefined);
}
