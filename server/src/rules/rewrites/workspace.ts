/**
 * Rewrites to SDK v2 of workspace, authentication, compute, datastore and dataset lookups
 * (AML101, AML105, AML106, AML107). Each v2 shape is the one the migration guide documents (see
 * the catalogue entry's URL).
 *
 * Some rewrites only make sense together, and are one fix that edits every piece (each piece's
 * finding offers it): a workspace variable and all its uses become one `MLClient` (properties,
 * `get_mlflow_tracking_uri()`, `get_details()`, `get_default_datastore()`, the name → asset dicts
 * `compute_targets`/`datastores`/`environments`/`models`, the v1 calls of this table receiving it:
 * datastore/dataset/compute lookups and the compute get-or-create pattern), with its `auth=`
 * object as the credential; a compute cluster's get-or-create pattern and its uses. A variable
 * assigned a workspace property (`sub = ws.subscription_id`) is reported only at the read. A datastore handed to v1 code (even inside a tuple or list:
 * `from_delimited_files(path=[(ds, "x")])`) keeps the workspace v1, but in the fix of that very
 * call when data.ts rewrites it (clientOf's `exempt`).
 *
 * Inside a job's own script (a module calling `Run.get_context()`), `run.experiment.workspace` of
 * the job's run (also inline, or through a parameter) is the job's workspace: its client is
 * `ml_client = MLClient(credential=AzureMLOnBehalfOfCredential(), ...)` from the job's
 * AZUREML_ARM_* variables, added once after the imports and marked `# amlint: review` (the job must
 * run with `identity: user_identity`; azureml-examples cli/jobs/single-step/on-behalf-of). The calls
 * receiving such a `ws` are rewritten on it (clientOf), its properties read from it, and
 * `ws = run.experiment.workspace` becomes `ws = ml_client` once every use has a v2 form.
 * The offline/online idiom of job scripts (`if type(run) == _OfflineRun: ws = Workspace.from_config()
 * else: ws = run.experiment.workspace`, also `isinstance`, `run.id.startswith("OfflineRun")`, negated
 * with the branches swapped, a `ws = None` before) is one fix (offlineIdiom): each branch gets the
 * client of the workspace it named, `MLClient.from_config(...)` offline and the job's client inline in
 * the job's branch (never run offline), and every use of `ws` becomes a use of that client; not
 * offered when one use has no v2 form. Any other name bound on more than one path gets no client, but
 * for a straight-line binding that alone reaches its uses (a notebook binding `ws` again cell after cell:
 * reach.ts soleBinding): each such binding is its own workspace, a `Workspace(...)`/`.get`/`.from_config(path)`
 * one bridged inline (`MLClient(DefaultAzureCredential(), ws.subscription_id, ...)`, no `ml_client`
 * statement: the config file's `ml_client` of another binding's uses must not be hidden) until it
 * becomes an MLClient itself. A module-level bridge statement `ml_client = ...` is not added either when
 * the module also reads `Workspace.from_config()` (its consumers' fixes bind the module's `ml_client` to
 * the config file's workspace, possibly in the same pass), nor is the module's `ml_client` taken for a
 * config-file workspace when it is bound to something else (configFileClient).
 * A kept `Workspace(...)`/`Workspace.get(...)`/`Workspace.from_config(path)` variable (something v1
 * still receives it) bridges: its consumers use `ml_client = MLClient(DefaultAzureCredential(),
 * ws.subscription_id, ws.resource_group, ws.name)`, one statement added after the workspace's
 * (inline where it cannot be: a dedented cell, `ml_client` named elsewhere) (bridgeClient), which
 * becomes `ml_client = ws` when the workspace itself becomes an MLClient. Never a function-local
 * `ml_client` in a function that also reads a workspace from outside it, and no `ml_client` for an
 * outer workspace in a function binding its own (the local would hide the module's: clientOf). With `auth=`, the bridge's
 * credential is the same authentication's azure.identity credential (bridgeCredential); a workspace
 * made in a `try:` body (the configuration notebook) gets the bridge statement in that body.
 * `ws = get_workspace()`, a plain function of the module ending in its only `return` of a
 * `Workspace(...)`/`Workspace.get`/`Workspace.from_config` (helperClient), bridges at the call site
 * (also directly under `if __name__ == "__main__":`), its credential the helper's `auth=` made again
 * when that reads no local of the helper. A workspace parameter of a module-level function gets
 * the config file's client when the module never calls the function (unknown callers, like a name
 * bound nowhere; not in a module making another workspace, which they may pass) or every call passes a config-file
 * workspace (configParameter); the bridge
 * statement when every call passes the same bridged module-level variable (passedBridge); when
 * every call (the function named nowhere else) passes a v1 workspace made in the module
 * (`Workspace(...)`/`.get`/`.from_config(...)`, or a helperClient helper: `ws = get_workspace()`),
 * the bridge built from the parameter itself as the function's first statement (parameterBridge);
 * else none. A workspace returned by code the model cannot type (`auth.get_workspace("x")` of
 * another module) and passed as a v1 call's workspace (`workspace=`, or the first argument of a
 * call taking it first) bridges after its statement, marked `# amlint: review` (that code may
 * authenticate otherwise) (untypedBridge); never judged from its name. A workspace returned, or handed to a function of the module that still reads its
 * parameter or to a function imported from a module that is not an SDK's (`from helpers import
 * submit_run`: toImportedHelper), is never turned into an MLClient (that code would receive one);
 * nor is a datastore so handed on made a v2 datastore.
 * A `ws.get_default_datastore()` written inline as an argument or the receiver of a v1 call (`PipelineData("m",
 * datastore=ws.get_default_datastore())`, `ws.get_default_datastore().upload_files(...)`) offers that call's fix (enclosingV1Fix; the engine checks it edits the lookup).
 * `ws.datasets` read only for its names (`for n in list(ws.datasets.keys())`, `in`, `len`) →
 * `{d.name: d for d in ml_client.data.list()}` (datasetNamesFix, also called by data.ts). A `ws = Workspace.from_config()`
 * nothing uses any more goes after a config-file client (not `ws = ml_client`), else becomes
 * `ml_client = MLClient.from_config(...)` (unusedWorkspace). A cluster's uses (each finding offers
 * the fix of what made the cluster): `delete()`, `list_nodes()` shown, `update(min_nodes=,
 * max_nodes=, idle_seconds_before_scaledown=)` (the entity's fields + `compute.begin_update`; also
 * `ComputeTarget(ws, n).update(...)` / `AmlCompute(ws, n).update(...)` as one statement outside a try:
 * the cluster got into a free name first, inlineUpdate),
 * `get_status()` / `get_status().serialize()` / `status.serialize()` shown → the entity fetched again (`compute.get`,
 * review-marked: no node counts), `type(c) is AmlCompute` → `c.type == "amlcompute"`, `compute_target=c`
 * of a v1 call → `c.name`; a cluster handed to other code (an argument of a call other than `print`,
 * `run_remote_inference(compute_target=c)` of a helper module; another name; a container) is not
 * rewritten: that code may give it to v1 (handedOn). The Learn
 * tutorial's `if name in ws.compute_targets: c = ws.compute_targets[name] ... else: create` migrates whole.
 * `for k, v in ws.compute_targets.items():` / `.values()` (directly or through one variable), each value
 * used as an existing compute → the same dict from `compute.list()` (computeLoopEdits).
 * The creation may be written `AmlCompute.create(ws, name, config)` (the static ComputeTarget.create
 * reached through the subclass); a silent wait (`c.wait_for_completion()` / `show_output=False`) goes
 * with its lines (the poller's `result()` waited; refused for a node count).
 * A get whose `except ComputeTargetException[ as e]:` handler runs no v1 code (reports the missing
 * cluster, exits) → `compute.get(name)` under `except ResourceNotFoundError` (computeGet).
 * The DP-100 labs' creation inside a `try:` of its own (handlers `Exception` or broader) in the
 * `except ComputeTargetException:` clause belongs to the same pattern (nestedComputeTry). `rc.target = c`
 * of a v1 RunConfiguration → `c.name` (its setter stored the name). A compute's `type` or a datastore's
 * `datastore_type` only printed (`print(c.name, ':', c.type)`, or a plain field of a printed f-string,
 * `print(f"{c.name}: {c.type}")`) → v2's `type`, spelt otherwise
 * ("amlcompute", `DatastoreType.AZURE_BLOB`): kept, the print marked `# amlint: review` (printedAlone).
 * A cluster's provisioning options admin user / virtual network (all three names) / remote login /
 * identity become the v2 entity's ssh_settings / network_settings / ssh_public_access_enabled / identity
 * (accessSettings); an idle time given as a string of digits is that number.
 * `c.update(...)` of the cluster just got in the get-or-create's try body goes with it (v1 would take a
 * failed update for a missing cluster and create one; v2's error propagates: an error path only).
 * The compute instance get-or-create (`ComputeInstance(ws, n)` / `ComputeInstance.create(ws, n,
 * ComputeInstance.provisioning_configuration(vm_size=, ssh_public_access=False, description=))`)
 * goes the same way, with a v2 `ComputeInstance` entity. `ws.datastores` read only for its names →
 * `{d.name: d for d in ml_client.datastores.list()}`; so is `ws.datastores` iterated by `for k, v in
 * <it>.items():` / `for v in <it>.values():` (directly or through one variable), values read for `name`
 * or `datastore_type` printed alone (→ `type`, review; datastoreDictEdits); `x = ws.models[n]` read for `x.id` → `x.name + ":" +
 * x.version` (v1's id; v2's is an ARM id), not inside an f-string; `x = ws.datasets.get(n)` read only for
 * name/version → `data.get(name=n, label="latest")` (v1's None for a missing name must not matter);
 * a `Dataset.get_by_name(ws, n)` lookup's `name`/`version` reads offer the lookup's fix (readOfLookup).
 * `wait_for_completion(min_node_count=N)` (an integer): v2's poller waits for provisioning, not
 * for nodes; the wait for nodes is dropped and the line review-marked (the code after it runs the
 * same, it only starts before nodes are allocated, which a job submission waits for anyway).
 * `ws.models` iterated by `for k, v in <it>.items():` / `for v in <it>.values():` (directly or through
 * one variable), values read for name/version/description/tags/properties → v1's dict of latest
 * versions by name rebuilt from `models.list()` and `models.get(name, label="latest")` (modelDictEdits).
 * A service principal's `cloud="AzureCloud"` (v1's default, the public cloud) is dropped from its
 * ClientSecretCredential; another cloud is refused (credentialText).
 * An authentication variable read only for `get_authentication_header()` → its azure.identity
 * credential and the same ARM bearer header from `get_token(...)` (headerEdits; interactive: review).
 * `Workspace.from_config(path=, _file_name=)` → `MLClient.from_config(credential=, path=, file_name=)`
 * (configArgs). A workspace bound once directly under `if __name__ == "__main__":` is rewritten as
 * a straight-line one (runsOnce), and the client a `Workspace.from_config()` made there or in a
 * function gives its consumers is the bridge statement in that block, never a module-level
 * `ml_client` that importing the module would build (configFileClient). `m = ws.models.get(n)` read
 * for name/version → `models.get(name=n, label="latest")` (modelGet). A compute instance's
 * `start()`/`stop()`/`restart()` statements (inline on `ComputeInstance(ws, n)`, or on a variable
 * of the get idiom, also `c = ComputeTarget(ws, n)`: v1 returns the ComputeInstance subclass) → `compute.begin_start/begin_stop/begin_restart(name)` (powerCall).
 *
 * Not rewritten: a workspace passed to a v1 call of another area (`Experiment(ws, ...)`,
 * `Environment.get(ws, ...)`, `Model.register(ws, ...)`): those rewrites use the module's
 * `ml_client` (`clientOf`), and the workspace becomes an MLClient in a later pass once nothing v1
 * receives it (folding their fixes in here would tie this fix to their builders' caches and
 * cycles). Nor `Workspace.create` with arguments beyond those workspaceCreateEdits takes (dependent resources,
 * encryption, network, default computes), `Workspace.list` (v1 returns a name → workspaces dict), `ws.write_config()` inside an expression, after
 * `if x:` on its line or with a file name v1 would extend (writeConfigArgs), `Workspace.get` without subscription and resource group as a whole (v2 needs
 * both; it still bridges), a bridge for a workspace given an `auth=` that cannot be made again
 * as the same identity (bridgeCredential: managed identity, CLI, a service principal from stable
 * values; an interactive login only as its own review-marked statement), `ws.get_default_compute_target()` (v2 has no default compute), `ComputeTarget.get_status()`
 * used as a value (`status.allocation_state`, `status.current_node_count`: the v2 AmlCompute entity has
 * no node counts or allocation state, azure-ai-ml entities/_compute/aml_compute.py), `get_active_runs()`
 * (v2 `jobs.list(parent_job_name=, list_view_type=)` takes no compute filter: JobOperations.list,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.joboperations), `wait_for_completion(min_node_count=)`
 * with a computed count, `update()` with a string idle time, other `ws.datasets` uses (values read: v1 datasets by
 * name: v2 data assets differ in use; data.ts reads `ws.datasets[k]` as a table), a compute instance with
 * SSH open, a key, a vnet, tags or an assigned user, an authentication object read for
 * `get_token` (v1's takes scopes its own way) or for a header as well as otherwise, a property read on a workspace parameter
 * (`def f(ws: Workspace): ws.name`: the caller's object is unknown), any workspace parameter of a job
 * script (a job has no config file), a parameter some caller passes anything but a v1 workspace
 * made in the module, or passes one logged in interactively (a second login per call), an authentication
 * variable bound more than once (`if t: auth = Interactive... else: auth = AzureCli...`: the kept
 * v1 consumer reads either), a datastore or dataset lookup in a try body whose handler is narrower
 * than `Exception` (`except UserErrorException:` would not catch v2's ResourceNotFoundError) or
 * whose name is bound again.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { givenAsWorkspace, sdkOf, type Binding, type Scope } from '../../engine/semantic/model';
import { FixBuilder, bindArgs, boundMlClient, callArgs, definingCall, literalText, stringValue } from '../fixes';
import { nodeRange, type RuleContext } from '../rule';
import { AUTH_CLASSES } from '../auth-classes';
import { soleBinding } from './reach';
import { ASSET_NAME, assignedName, knownString, parameterNames, ownLineIndent, statementIndent, statementLines, narrowlyTried, typeTested, combined, insideV1Call, kwargs, memberOf, noArgs, qnameOf, receiver, same, SHARED_FIX_LIMIT, usesOf, variableFree, type Builder, type Edits, type Rewrites, trackingUri } from './common';

const FROM_CONFIG = 'azureml.core.Workspace.from_config';
const WS_CLASS = 'azureml.core.Workspace';
const WORKSPACE_GET = 'azureml.core.Workspace.get';
const WORKSPACE_CREATE = 'azureml.core.Workspace.create';
/** The v1 calls that make a workspace variable a bridge can be built from (`MLClient(cred, ws.subscription_id, ...)`). */
const WORKSPACE_MAKERS = [FROM_CONFIG, WS_CLASS, WORKSPACE_GET, WORKSPACE_CREATE];
const COMPUTE_TARGET = 'azureml.core.compute.ComputeTarget';
const AML_COMPUTE = 'azureml.core.compute.AmlCompute';
const CREATE = 'azureml.core.compute.ComputeTarget.create';
const PROVISIONING = 'azureml.core.compute.AmlCompute.provisioning_configuration';
const WAIT = 'azureml.core.compute.ComputeTarget.wait_for_completion';
const COMPUTE_EXCEPTION = 'azureml.core.compute_target.ComputeTargetException';
const SUPPORTED_VMSIZES = 'azureml.core.compute.AmlCompute.supported_vmsizes';
const COMPUTE_INSTANCE = 'azureml.core.compute.ComputeInstance';
const CI_CREATE = 'azureml.core.compute.ComputeInstance.create';
const CI_PROVISIONING = 'azureml.core.compute.ComputeInstance.provisioning_configuration';
/** v1 compute gets (`ComputeTarget(ws, n)`, `AmlCompute(ws, n)`, `ComputeInstance(ws, n)`) and creates (a static method dispatching on the configuration). */
const COMPUTE_GETS = [COMPUTE_TARGET, AML_COMPUTE, COMPUTE_INSTANCE];
/**
 * `AmlCompute.create(ws, name, config)`: azureml-core's static `ComputeTarget.create(workspace, name,
 * provisioning_configuration)` reached through the subclass (AmlCompute defines no `create`; "the type of
 * object provisioned is determined by the provisioning configuration", compute_target.py), so it is
 * the same creation (creationEdits checks the configuration's kind).
 */
const AML_CREATE = 'azureml.core.compute.AmlCompute.create';
const CREATES = [CREATE, CI_CREATE, AML_CREATE];

/** The statement runs unconditionally in its module or function (not under if/try/for/with). */
function straightLine(node: SyntaxNode): boolean {
  let stmt: SyntaxNode | null = node;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  const block = stmt?.parent;
  return block?.type === 'module' || (block?.type === 'block' && block.parent?.type === 'function_definition');
}

/**
 * The arguments of `Workspace.from_config(path, auth, _logger, _file_name)` by v1 name (not `_logger`).
 * v1's private `_file_name` overrides the config file name searched for under a directory `path`,
 * as v2's `MLClient.from_config(credential, *, path=, file_name=)` does (azure-ai-ml
 * azure/ai/ml/_ml_client.py from_config; https://azure.github.io/azureml-cheatsheets/docs/cheatsheets/python/v1/workspace).
 */
function configArgs(call: SyntaxNode): Map<string, SyntaxNode> | undefined {
  return bindArgs(call, ['path', 'auth', '_logger', '_file_name'], ['path', 'auth', '_file_name']);
}

/**
 * Runs where it stands whenever its block runs and is its name's only binding: straight-line
 * (straightLine), or directly in a module-level `if __name__ == "__main__":` body (scripts wrap
 * their SDK code so). Bound once, every read sees that binding or none (a NameError, in v1 as in
 * v2), and a statement added right after it is bound exactly when it is.
 */
function runsOnce(ctx: RuleContext, node: SyntaxNode): boolean {
  if (straightLine(node)) return true;
  const target = assignedName(node);
  return !!target && inMainGuard(node) && (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length === 1;
}

/** An argument that names the same value wherever it is read: a literal, or a name bound once. */
function stable(ctx: RuleContext, node: SyntaxNode): boolean {
  if (literalText(node) !== undefined) return true;
  if (node.type !== 'identifier') return false;
  const b = ctx.model.resolveName(node.text, node);
  return !!b && (b.scope.bindings.get(node.text) ?? []).length === 1;
}

/** The arguments of `Workspace(subscription_id, resource_group, workspace_name)` / `Workspace.get(name, ...)`, keyed by v1 name. */
function workspaceArgs(ctx: RuleContext, call: SyntaxNode): Map<string, SyntaxNode> | undefined {
  const q = qnameOf(ctx, call);
  if (q === WS_CLASS) return bindArgs(call, ['subscription_id', 'resource_group', 'workspace_name', 'auth'], ['subscription_id', 'resource_group', 'workspace_name', 'auth']);
  if (q !== WORKSPACE_GET && q !== WORKSPACE_CREATE) return undefined;
  const args = q === WORKSPACE_CREATE ? bindArgs(call, CREATE_SIGNATURE, CREATE_KEYWORDS) : bindArgs(call, ['name', 'auth', 'subscription_id', 'resource_group'], ['name', 'auth', 'subscription_id', 'resource_group']);
  const name = args?.get('name');
  if (name) args!.set('workspace_name', name);
  return args;
}

/** The v2 client that names the workspace of the v1 expression `ws`, and the edits it takes. */
export interface Client {
  ml: string;
  edits: Edits;
}

/**
 * `ws` already an MLClient (rewritten by an earlier fix): itself. A variable whose producer can
 * become an MLClient with all its uses: that same fix, and the variable. Else, for
 * `Workspace.from_config()`, a parameter or a workspace reached through a run: the module's
 * `ml_client` (as every other rewrite does); a bridge built from a parameter every caller passes a
 * v1 workspace (parameterBridge) or from an untyped workspace used as one (untypedBridge).
 * Undefined when the config file's client may name
 * another workspace (`Workspace(...)`, `Workspace.get(...)`, `from_config(path)`, any other call).
 * `exempt`: the v1 call whose fix asks (data.ts): uses of a datastore inside it do not block the
 * whole workspace, that fix rewrites them.
 */
export function clientOf(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode | undefined, exempt?: SyntaxNode): Client | undefined {
  const client = clientOfWorkspace(fb, ctx, ws, exempt);
  // A function binding its own `ml_client` (its workspace's bridge) makes the name local to the whole
  // function: a workspace from outside it cannot be reached there under that name (review 20: it read
  // the local before it was bound, or the wrong workspace's client).
  return client?.ml === 'ml_client' && ws && shadowedClient(ctx, ws) ? undefined : client;
}

/** The function around `at` binds `ml_client`, and `at` is not a name of a workspace bound in that function. */
function shadowedClient(ctx: RuleContext, at: SyntaxNode): boolean {
  let scope: Scope | undefined = ctx.model.scopeAt(at);
  while (scope && scope.kind !== 'function') scope = scope.parent;
  if (!scope?.bindings.get('ml_client')?.length) return false;
  const b = at.type === 'identifier' ? ctx.model.resolveName(at.text, at) : undefined;
  return b?.scope !== scope;
}

/** A function reads a v1 workspace bound outside it (the module's client would serve it there). */
function readsOuterWorkspace(ctx: RuleContext, scope: Scope): boolean {
  return scope.kind === 'function' && scope.node.descendantsOfType('identifier').some((id) => {
    const b = ctx.model.resolveName(id.text, id);
    if (!b || b.scope === scope || b.kind === 'import' || b.kind === 'def' || b.kind === 'class') return false;
    const v = ctx.model.evaluate(id);
    return v?.kind === 'instance' && v.type === WS_CLASS;
  });
}

function clientOfWorkspace(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode | undefined, exempt?: SyntaxNode): Client | undefined {
  if (!ws) return undefined;
  // A name bound on more than one path: which workspace it is depends on the path; no one client
  // (rewrites/reach.ts refuses such fixes), but for the offline/online idiom of job scripts (each
  // branch's own client, see idiomEdits).
  if (ws.type === 'identifier') {
    const idiom = offlineIdiom(ctx, ws);
    if (idiom) {
      const edits = idiomEdits(fb, ctx, idiom, ws);
      return edits ? { ml: ws.text, edits } : undefined;
    }
  }
  const v = ctx.model.evaluate(ws);
  if (ws.type === 'identifier' && v?.kind === 'instance' && v.type === 'azure.ai.ml.MLClient' && sdkOf(v) === 'v2') return { ml: ws.text, edits: [] };
  const made = ws.type === 'call' ? ws : definingCall(ctx, ws);
  const edits = ws.type === 'identifier' ? producerEdits(fb, ctx, made, exempt) : undefined;
  // (Past SHARED_FIX_LIMIT edits the whole-workspace fix is the producer's alone: see combined.)
  if (edits && edits.length <= SHARED_FIX_LIMIT) return { ml: ws.text, edits };
  const q = qnameOf(ctx, made);
  if (q === FROM_CONFIG && noArgs(made!)) {
    const ml = configFileClient(fb, ctx, ws, made!);
    return ml ? { ml, edits: [] } : undefined;
  }
  if (WORKSPACE_MAKERS.includes(q ?? '')) {
    const bridge = bridgeClient(fb, ctx, ws, made!);
    return bridge ? { ml: bridge, edits: [] } : undefined;
  }
  if (made) {
    const ml = ws.type === 'identifier' ? helperClient(fb, ctx, ws, made) ?? untypedBridge(fb, ctx, ws, made) : undefined;
    return ml ? { ml, edits: [] } : undefined;
  }
  // A workspace reached through a run: in a job's own script, `run.experiment.workspace` of the
  // job's own run is the job's workspace: the client the job builds for it (jobClient).
  const run = runWorkspace(ctx, ws);
  if (run) {
    const ml = ownRun(ctx, run) ? jobClient(fb, ctx) : undefined;
    return ml ? { ml, edits: [] } : undefined;
  }
  if (inJobScript(ctx)) return undefined;
  // A parameter: the config file's workspace only when every caller in the module passes one.
  // (A name bound nowhere, the workspace of an earlier notebook or script, is taken to be the config
  // file's; not an attribute, `self.ws`, or a name bound otherwise, `for ws in ...`: unknown.)
  if (ws.type !== 'identifier') return undefined;
  const binding = ctx.model.resolveName(ws.text, ws);
  if (!binding) return { ml: fb.mlClient(), edits: [] };
  if (binding.kind !== 'param') return undefined;
  if (configParameter(ctx, ws)) return { ml: fb.mlClient(), edits: [] };
  const ml = passedBridge(fb, ctx, ws) ?? parameterBridge(fb, ctx, ws);
  return ml ? { ml, edits: [] } : undefined;
}

/**
 * The client of `ws`, bound to `made`, a `Workspace.from_config()` of the default config file: at
 * module level, the module's `ml_client` (FixBuilder.mlClient); under `if __name__ == "__main__":`
 * or in a function, the bridge statement right after it in the same block (bridgeClient), so that
 * nothing new runs when the module is imported and the workspace later becomes that client
 * (`ml_client = ws`, one client); else a module-level client the module already binds.
 */
function configFileClient(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode, made: SyntaxNode): string | undefined {
  let stmt: SyntaxNode | null = made;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  if (stmt?.parent?.type === 'module' || ws.type !== 'identifier') {
    // A module-level client that is not the config file's (another workspace's bridge, bound later
    // in the notebook or in another cell) is not this workspace's client.
    if (boundMlClient(ctx) && !fb.configClient(Infinity)) return undefined;
    return fb.mlClient();
  }
  const bridge = bridgeClient(fb, ctx, ws, made);
  if (bridge === 'ml_client') return bridge;
  return boundMlClient(ctx) ? fb.mlClient() : undefined;
}

/** The `def` statement of a function of this module that `fn` (a name) calls, undefined for anything else. */
function localFunction(ctx: RuleContext, fn: SyntaxNode | null | undefined): SyntaxNode | undefined {
  if (fn?.type !== 'identifier') return undefined;
  const b = ctx.model.resolveName(fn.text, fn);
  const def = b?.kind === 'def' ? b.node.parent : undefined;
  // (Bound once: a function redefined in another cell may be another one.)
  return def?.type === 'function_definition' && (b!.scope.bindings.get(fn.text) ?? []).length === 1 ? def : undefined;
}

/** `use` is an argument of `call`, a call of a function of this module whose parameter receiving it is read there (or cannot be told). */
function parameterUsed(ctx: RuleContext, call: SyntaxNode, use: SyntaxNode): boolean {
  const def = localFunction(ctx, call.childForFieldName('function'));
  if (!def) return false;
  const names = parameterNames(def);
  const param = names && [...(bindArgs(call, names, names) ?? new Map<string, SyntaxNode>()).entries()].find(([, a]) => same(a, use))?.[0];
  if (!param) return true;
  const id = def.childForFieldName('parameters')?.namedChildren.map((p) => (p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren[0])).find((n) => n?.text === param);
  const b = id ? (ctx.model.scopeAt(def.childForFieldName('body')!).bindings.get(param) ?? []) : [];
  return b.length !== 1 || (ctx.model.uses.get(b[0]) ?? []).length > 0;
}

/**
 * A bare use of a workspace variable that reads nothing of it as a workspace: a statement of its
 * own (a notebook's display), `print(ws)`, a test (`if ws:`, `ws is None`, `not ws`), or an argument
 * of a function of this module that never reads that parameter.
 */
function inertUse(ctx: RuleContext, use: SyntaxNode): boolean {
  const p = use.parent;
  if (!p) return false;
  if (p.type === 'expression_statement' || truthTest(use)) return true;
  if (p.type === 'argument_list' && p.parent?.type === 'call') {
    const fn = p.parent.childForFieldName('function');
    if (fn?.type === 'identifier' && fn.text === 'print' && !ctx.model.resolveName('print', fn)) return true;
    return !!localFunction(ctx, fn) && !parameterUsed(ctx, p.parent, use);
  }
  return false;
}

/**
 * `use` is tested for None or truth: `if ws:`, `while ws:`, `not ws`, `ws is None`, `ws != None`,
 * `if ws and x:` (not `w = ws or other`, whose value may be `ws` itself).
 */
function truthTest(use: SyntaxNode): boolean {
  const p = use.parent;
  if (!p) return false;
  if (p.type === 'not_operator') return true;
  if (p.type === 'boolean_operator') return truthTest(p);
  if (p.type === 'comparison_operator') return p.namedChildren.length === 2 && p.namedChildren.some((c) => c.type === 'none');
  return (p.type === 'if_statement' || p.type === 'elif_clause' || p.type === 'while_statement') && same(p.childForFieldName('condition'), use);
}

/**
 * A workspace parameter `ws` of a module-level function whose every call in the module passes a
 * workspace read from the default config file: a name bound once to `Workspace.from_config()` or
 * `MLClient.from_config(credential=...)` (the function named nowhere but in such calls). A function
 * the module never calls has callers elsewhere, taken to pass the config file's workspace like a
 * name bound nowhere, unless the module makes another workspace (makesOtherWorkspace); one the module calls with
 * another workspace does not get the config file's.
 */
function configParameter(ctx: RuleContext, ws: SyntaxNode): boolean {
  const b = ctx.model.resolveName(ws.text, ws);
  if (b?.kind !== 'param' || (b.scope.bindings.get(ws.text) ?? []).length !== 1) return false;
  let def: SyntaxNode | null = b.node.parent;
  while (def && def.type !== 'function_definition') def = def.parent;
  const name = def?.childForFieldName('name');
  const names = def && parameterNames(def);
  if (!def || !name || !names || def.parent?.type !== 'module' || !names.includes(ws.text)) return false;
  const calls = usesOf(ctx, name);
  // (Called nowhere in the module: the caller is unknown, like a name bound nowhere, see clientOf; but not when the
  // module makes another workspace, which the caller may as well pass, and whose bridge would bind `ml_client` too.)
  if (!calls.length && makesOtherWorkspace(ctx)) return false;
  return calls.every((use) => {
    const call = use.parent;
    if (call?.type !== 'call' || !same(call.childForFieldName('function'), use)) return false;
    const arg = bindArgs(call, names, names)?.get(ws.text);
    return !!arg && configWorkspace(ctx, arg);
  });
}

/**
 * The module makes a workspace other than the default config file's: `Workspace(...)`, `Workspace.get/create(...)`,
 * `from_config(...)` with arguments, or (once an earlier fix made it v2) `MLClient(...)` / `MLClient.from_config(...)` with
 * a path.
 */
function makesOtherWorkspace(ctx: RuleContext): boolean {
  return ctx.model.references.some(
    (r) =>
      !!r.call &&
      (r.qname === WS_CLASS || r.qname === WORKSPACE_GET || r.qname === 'azureml.core.Workspace.create' || r.qname === 'azure.ai.ml.MLClient' || ((r.qname === FROM_CONFIG || r.qname === 'azure.ai.ml.MLClient.from_config') && callArgs(r.call).keywords.size + callArgs(r.call).positional.length > (r.qname === FROM_CONFIG ? 0 : 1))),
  );
}

/**
 * A workspace parameter `ws` of a module-level function that every call in the module (at least
 * one) passes the same module-level variable, bound once, whose consumers get a bridge statement
 * `ml_client = MLClient(...)` right after it (bridgeClient, helperClient): that module-level
 * `ml_client`, bound whenever the variable is, hence before any call passes it.
 */
function passedBridge(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode): string | undefined {
  const b = ctx.model.resolveName(ws.text, ws);
  let def: SyntaxNode | null = b?.node.parent ?? null;
  while (def && def.type !== 'function_definition') def = def.parent;
  const name = def?.childForFieldName('name');
  const names = def && parameterNames(def);
  if (!b || !def || !name || !names || def.parent?.type !== 'module' || b.scope.bindings.has('ml_client')) return undefined;
  const calls = usesOf(ctx, name);
  let arg: SyntaxNode | undefined;
  for (const use of calls) {
    const call = use.parent;
    if (call?.type !== 'call' || !same(call.childForFieldName('function'), use)) return undefined;
    const a = bindArgs(call, names, names)?.get(ws.text);
    const ab = a?.type === 'identifier' ? ctx.model.resolveName(a.text, a) : undefined;
    if (!a || !ab || ab.scope !== ctx.model.moduleScope || (arg && !same(ctx.model.resolveName(arg.text, arg)?.node, ab.node))) return undefined;
    arg = a;
  }
  const made = arg && definingCall(ctx, arg);
  // (Bound under `if __name__ == "__main__":`, the bridge is bound only when the module runs as a
  // script: the function, called from a module importing this one, would not find `ml_client`.)
  if (!made || !straightLine(made)) return undefined;
  const q = qnameOf(ctx, made);
  const ml = WORKSPACE_MAKERS.includes(q ?? '') ? bridgeClient(fb, ctx, arg!, made) : helperClient(fb, ctx, arg!, made);
  return ml === 'ml_client' ? ml : undefined;
}

/**
 * A workspace parameter `ws` of a module-level function that every call in the module (at least
 * one, the function named nowhere else) passes a v1 workspace made there: a name bound once to
 * `Workspace(...)` / `Workspace.get(...)` / `Workspace.from_config(...)` or to a helper of
 * helperClient's shape (`ws = get_workspace()`). The parameter is then a v1 Workspace, and the
 * bridge of bridgeClient is built from it as the function's first statement, `ml_client =
 * MLClient(<credential>, ws.subscription_id, ws.resource_group, ws.name)` (whatever workspace a
 * caller passes, the client names it). The credential: the callers' `auth=` made again
 * (bridgeCredential, one caller only, no interactive login), else DefaultAzureCredential.
 * MLClient(credential, subscription_id, resource_group_name, workspace_name):
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.mlclient
 */
function parameterBridge(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode): string | undefined {
  const b = ctx.model.resolveName(ws.text, ws);
  if (b?.kind !== 'param' || (b.scope.bindings.get(ws.text) ?? []).length !== 1) return undefined;
  let def: SyntaxNode | null = b.node.parent;
  while (def && def.type !== 'function_definition') def = def.parent;
  const name = def?.childForFieldName('name');
  const names = def && parameterNames(def);
  if (!def || !name || !names || def.parent?.type !== 'module' || !names.includes(ws.text)) return undefined;
  const calls = usesOf(ctx, name);
  if (!calls.length) return undefined;
  let auth: SyntaxNode | undefined;
  for (const use of calls) {
    const call = use.parent;
    if (call?.type !== 'call' || !same(call.childForFieldName('function'), use)) return undefined;
    const arg = bindArgs(call, names, names)?.get(ws.text);
    const made = arg && definingCall(ctx, arg);
    const target = made && assignedName(made);
    if (!made || !target || !same(ctx.model.resolveName(arg!.text, arg!)?.node, target) || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1) return undefined;
    const producer = workspaceProducer(ctx, made);
    if (!producer) return undefined;
    if (producer.auth) {
      if (calls.length !== 1) return undefined;
      auth = producer.auth;
    }
  }
  const cred = auth ? bridgeCredential(ctx, auth) : { text: (f: FixBuilder) => `${f.need('azure.identity', 'DefaultAzureCredential')}()`, review: false };
  if (!cred || cred.review) return undefined;
  // The statement goes first in the body (after a docstring), on its own line, named `ml_client`
  // only where the module names it nowhere else (or it is already there, from an earlier pass).
  const body = def.childForFieldName('body');
  const stmts = (body?.namedChildren ?? []).filter((c) => c.type !== 'comment');
  const docstring = stmts[0]?.type === 'expression_statement' && stmts[0].namedChildren[0]?.type === 'string' ? 1 : 0;
  const first = stmts[docstring];
  if (!first) return undefined;
  const bound = ctx.model.scopeAt(first).bindings.get('ml_client') ?? [];
  if (bound.length) {
    const right = bound.length === 1 && bound[0].node.parent?.type === 'assignment' ? bound[0].node.parent.childForFieldName('right') : undefined;
    const use = right?.type === 'call' ? callArgs(right).positional[1]?.childForFieldName('object') : undefined;
    const own = use && use.text === ws.text && bridgeCallOf(ctx, use) && same(ctx.model.resolveName(ws.text, use)?.node, b.node) && same(right!.parent?.parent ?? undefined, first);
    return own ? 'ml_client' : undefined;
  }
  if (/\bml_client\b/.test(ctx.module.text)) return undefined;
  const indent = statementIndent(ctx, first);
  const text = ctx.module.text;
  const lineStart = text.lastIndexOf('\n', first.startIndex - 1) + 1;
  if (indent === undefined || text.slice(lineStart, first.startIndex) !== indent) return undefined;
  const x = ws.text;
  const call = `${fb.need('azure.ai.ml', 'MLClient')}(${cred.text(fb)}, ${x}.subscription_id, ${x}.resource_group, ${x}.name)`;
  let done = bridgeInserted.get(fb);
  if (!done) bridgeInserted.set(fb, (done = new Set()));
  if (!done.has(-first.startIndex - 1)) {
    done.add(-first.startIndex - 1);
    const start = nodeRange(first).start;
    fb.replace({ start, end: start }, `ml_client = ${call}\n${indent}`);
  }
  return 'ml_client';
}

/**
 * The call `made` makes a v1 Workspace: `Workspace(...)` / `Workspace.get(...)` /
 * `Workspace.from_config(...)`, or a helper of helperClient's shape returning one (its `auth=`
 * must read the same outside the helper). Its `auth=` argument, if any.
 */
function workspaceProducer(ctx: RuleContext, made: SyntaxNode): { auth?: SyntaxNode } | undefined {
  let producer: SyntaxNode | undefined = made;
  let def: SyntaxNode | undefined;
  if (!WORKSPACE_MAKERS.includes(qnameOf(ctx, made) ?? '')) {
    def = localFunction(ctx, made.childForFieldName('function'));
    producer = def && helperProducer(ctx, def);
  }
  const args = !producer ? undefined : qnameOf(ctx, producer) === FROM_CONFIG ? configArgs(producer) : workspaceArgs(ctx, producer);
  if (!args) return undefined;
  const auth = args.get('auth');
  if (auth && def && !visibleOutside(ctx, auth, def)) return undefined;
  return { auth };
}

/** A name bound once, straight-line, to `Workspace.from_config()` (no arguments) or to `MLClient.from_config(credential=...)`. */
function configWorkspace(ctx: RuleContext, arg: SyntaxNode): boolean {
  const made = definingCall(ctx, arg);
  const target = made && assignedName(made);
  if (!made || !target || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1 || !straightLine(made)) return false;
  const q = qnameOf(ctx, made);
  if (q === FROM_CONFIG) return noArgs(made);
  const a = callArgs(made);
  return q === 'azure.ai.ml.MLClient.from_config' && !a.positional.length && !a.splat && [...a.keywords.keys()].every((k) => k === 'credential');
}

/**
 * `ws = get_workspace()` where `get_workspace` is a plain function of this module whose body ends
 * with its only `return`, returning a `Workspace(...)` / `Workspace.get(...)` /
 * `Workspace.from_config(...)` made there (inline or a local bound once): the bridge of
 * bridgeClient at the call site, `ml_client = MLClient(<credential>, ws.subscription_id,
 * ws.resource_group, ws.name)` after it, its credential the helper's `auth=` made again
 * (bridgeCredential), which must read only literals, environment variables or module-level
 * names (the bridge is outside the helper). The workspace's three values are read from the
 * returned object, so they are the helper's whatever it computed them from.
 */
function helperClient(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode, made: SyntaxNode): string | undefined {
  const def = localFunction(ctx, made.childForFieldName('function'));
  const target = assignedName(made);
  const b = ctx.model.resolveName(ws.text, ws);
  if (!def || !target || !b || !same(b.node, target) || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1 || !(straightLine(made) || inMainGuard(made))) return undefined;
  const producer = helperProducer(ctx, def);
  if (!producer) return undefined;
  const q = qnameOf(ctx, producer);
  const args = q === FROM_CONFIG ? configArgs(producer) : workspaceArgs(ctx, producer);
  if (!args) return undefined;
  const auth = args.get('auth');
  if (auth && !visibleOutside(ctx, auth, def)) return undefined;
  const cred = auth ? bridgeCredential(ctx, auth) : { text: (f: FixBuilder) => `${f.need('azure.identity', 'DefaultAzureCredential')}()`, review: false };
  if (!cred) return undefined;
  const x = ws.text;
  const call = `${fb.need('azure.ai.ml', 'MLClient')}(${cred.text(fb)}, ${x}.subscription_id, ${x}.resource_group, ${x}.name)`;
  return namedBridge(fb, ctx, target, call, cred.review ? REVIEW : '');
}

/** The `Workspace(...)` / `Workspace.get(...)` / `Workspace.from_config(...)` call a plain function `def` returns as its last and only `return` (inline or a local bound once). */
function helperProducer(ctx: RuleContext, def: SyntaxNode): SyntaxNode | undefined {
  if (def.parent?.type === 'decorated_definition' || def.text.startsWith('async') || /\byield\b/.test(def.text)) return undefined;
  const body = def.childForFieldName('body');
  const last = body?.namedChildren[body.namedChildren.length - 1];
  if (last?.type !== 'return_statement' || (def.text.match(/\breturn\b/g) ?? []).length !== 1) return undefined;
  let producer = last.namedChildren[0];
  if (producer?.type === 'identifier') {
    const call = definingCall(ctx, producer);
    const local = call && assignedName(call);
    if (!call || !local || (ctx.model.scopeAt(local).bindings.get(local.text) ?? []).length !== 1 || !straightLine(call)) return undefined;
    producer = call;
  }
  const q = qnameOf(ctx, producer);
  return producer?.type === 'call' && (q === FROM_CONFIG || q === WS_CLASS || q === WORKSPACE_GET) ? producer : undefined;
}

/**
 * `ws = helper.get_workspace(...)`, a call of code the model cannot type (another module's, not an
 * SDK's) whose value this module uses as a v1 workspace: passed as the `workspace=` argument of a
 * v1 call, or as the first argument of one taking the workspace first (catalogue WORKSPACE_FIRST); never
 * judged from the name. The workspace stays, and its consumers get the bridge of bridgeClient,
 * `ml_client = MLClient(DefaultAzureCredential(), ws.subscription_id, ws.resource_group, ws.name)`
 * as its own statement after it, marked for review: the helper may authenticate otherwise.
 * MLClient(credential, subscription_id, resource_group_name, workspace_name):
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.mlclient
 */
function untypedBridge(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode, made: SyntaxNode): string | undefined {
  const fn = made.childForFieldName('function');
  const callee = fn ? ctx.model.evaluate(fn) : undefined;
  if (!fn || localFunction(ctx, fn) || (callee?.kind === 'ref' && sdkOf(callee)) || ctx.model.evaluate(ws)) return undefined;
  const target = assignedName(made);
  const b = ctx.model.resolveName(ws.text, ws);
  if (!target || !b || !same(b.node, target) || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1 || !runsOnce(ctx, made)) return undefined;
  const calleeOf = (call: SyntaxNode) => {
    const f = call.childForFieldName('function');
    return f ? ctx.model.evaluate(f) : undefined;
  };
  const asWorkspace = (use: SyntaxNode): boolean => givenAsWorkspace(use, calleeOf, ctx.model.classify);
  if (!usesOf(ctx, target).some(asWorkspace)) return undefined;
  // Code that may give None, tested afterwards (`if ws is not None:`, `if not ws:`): the bridge is
  // None too, so it does not fail before the code's own check (as v1 failed only at its next call).
  const tested = usesOf(ctx, target).some(truthTest);
  const x = ws.text;
  const client = `${fb.need('azure.ai.ml', 'MLClient')}(${fb.need('azure.identity', 'DefaultAzureCredential')}(), ${x}.subscription_id, ${x}.resource_group, ${x}.name)`;
  const call = tested ? `${client} if ${x} is not None else None` : client;
  return namedBridge(fb, ctx, target, call, REVIEW);
}

/**
 * The statement of `node` is directly in the body of a module-level `if __name__ == "__main__":`.
 * (A name bound once there, the bridge statement right after it is bound exactly when it is.)
 */
function inMainGuard(node: SyntaxNode): boolean {
  let stmt: SyntaxNode | null = node;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  const block = stmt?.parent;
  const owner = block?.type === 'block' ? block.parent : undefined;
  const test = owner?.type === 'if_statement' ? owner.childForFieldName('condition')?.text.replace(/'/g, '"').replace(/\s+/g, '') : undefined;
  return owner?.parent?.type === 'module' && same(owner.childForFieldName('consequence') ?? undefined, block) && test === '__name__=="__main__"';
}

/** The arguments of the authentication `auth` (a call, or the call a local of `def` is bound to) read the same outside `def`: no name of the function. */
function visibleOutside(ctx: RuleContext, auth: SyntaxNode, def: SyntaxNode): boolean {
  const made = auth.type === 'call' ? auth : definingCall(ctx, auth);
  if (!made) return false;
  const args = made.childForFieldName('arguments');
  const ok = (n: SyntaxNode): boolean => {
    if (n.type === 'identifier' && !(n.parent?.type === 'keyword_argument' && same(n.parent.childForFieldName('name'), n)) && !(n.parent?.type === 'attribute' && same(n.parent.childForFieldName('attribute'), n))) {
      const b = ctx.model.resolveName(n.text, n);
      if (!b || b.scope !== ctx.model.moduleScope) return false;
    }
    return n.namedChildren.every(ok);
  };
  return !!args && ok(args) && def.startIndex >= 0;
}

/**
 * A workspace variable kept v1 (something v1 still receives it) that another workspace may be
 * than the config file's: a client built from it where it is used, `MLClient(DefaultAzureCredential(),
 * ws.subscription_id, ws.resource_group, ws.name)` (the reference's real-world mixed shape), so
 * that the calls receiving it migrate one by one; once none is left the workspace itself becomes
 * an MLClient (the reads inside still name the same workspace). Only for a variable bound once,
 * straight-line (or directly in a `try:` body, as its own statement), or bound again in straight-line
 * code where this binding alone reaches its uses (inline then), read where it is bound, and
 * an `auth=` the bridge can repeat (bridgeCredential).
 */
function bridgeClient(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode, made: SyntaxNode, reuseLogin = false): string | undefined {
  const b = ws.type === 'identifier' ? ctx.model.resolveName(ws.text, ws) : undefined;
  const target = assignedName(made);
  if (!b || !target || !same(b.node, target)) return undefined;
  // Bound again (a notebook cell after cell): only a straight-line binding that alone reaches each of
  // its uses and reaches no use of another binding (reach.ts soleBinding); its bridge statement right
  // after it then serves exactly the uses it reaches.
  const rebound = (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1;
  if (rebound && !(straightLine(made) && soleBinding(ctx.model, b))) return undefined;
  // Made in a `try:` body (the MachineLearningNotebooks configuration notebook): the bridge statement
  // right after it is bound exactly when the workspace is (MLClient and the credentials make no call
  // when built), so later reads see it whenever they would see the workspace; only that named form.
  const tried = !runsOnce(ctx, made) && inTryBody(made);
  if (!runsOnce(ctx, made) && !tried) return undefined;
  const args = qnameOf(ctx, made) === FROM_CONFIG ? configArgs(made) : workspaceArgs(ctx, made);
  if (!args) return undefined;
  const auth = args.get('auth');
  const cred = auth ? bridgeCredential(ctx, auth) : { text: (f: FixBuilder) => `${f.need('azure.identity', 'DefaultAzureCredential')}()`, review: false };
  if (!cred) return undefined;
  // (`reuseLogin`: a second interactive login only where the bridge statement is already there.)
  if (reuseLogin && cred.review && !(ctx.model.scopeAt(target).bindings.get('ml_client') ?? []).length) return undefined;
  const x = ws.text;
  const call = `${fb.need('azure.ai.ml', 'MLClient')}(${cred.text(fb)}, ${x}.subscription_id, ${x}.resource_group, ${x}.name)`;
  // Bound again: the bridge stays inline (binds no `ml_client`, which another fix of the same pass may
  // bind to the config file's client for the other binding's uses: a statement here would hide it).
  if (rebound) return cred.review || tried ? undefined : call;
  // A second interactive login is only offered as its own statement, marked for review.
  return namedBridge(fb, ctx, target, call, cred.review ? REVIEW : '') ?? (cred.review || tried ? undefined : call);
}

/** The statement of `node` is directly in the body of a `try:` clause of its module or function. */
function inTryBody(node: SyntaxNode): boolean {
  let stmt: SyntaxNode | null = node;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  const block = stmt?.parent;
  const owner = block?.type === 'block' ? block.parent : undefined;
  if (owner?.type !== 'try_statement' || !same(owner.childForFieldName('body') ?? undefined, block)) return false;
  const outer = owner.parent;
  return outer?.type === 'module' || (outer?.type === 'block' && outer.parent?.type === 'function_definition');
}

/**
 * The credential of a bridge for a workspace given `auth=`: the same v1 authentication's
 * azure.identity credential made again with the same arguments (AUTH_CLASSES), so the bridge acts as
 * the same identity: a managed identity, the Azure CLI login, a service principal whose arguments
 * read the same values wherever they are read (literals, names bound once, `os.environ[...]` /
 * `os.getenv(...)` with a literal key). An interactive login asks the user again: `review`.
 * Undefined for any other authentication (a variable bound more than once, under a branch, ...).
 */
function bridgeCredential(ctx: RuleContext, auth: SyntaxNode): { text: (fb: FixBuilder) => string; review: boolean } | undefined {
  const made = auth.type === 'call' ? auth : definingCall(ctx, auth);
  if (!made) return undefined;
  if (auth.type === 'identifier') {
    const target = assignedName(made);
    if (!target || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1 || !runsOnce(ctx, made)) return undefined;
  }
  const q = qnameOf(ctx, made) ?? '';
  const spec = AUTH_CLASSES[q];
  const args = spec && bindArgs(made, spec.signature, Object.keys(spec.keywords));
  if (!args || [...args.values()].some((a) => !sameValue(ctx, a))) return undefined;
  const text = credentialText(ctx, made);
  return text && { text, review: q === 'azureml.core.authentication.InteractiveLoginAuthentication' };
}

/** An expression that reads the same value wherever it is read: `stable`, or an environment variable read with a literal key. */
function sameValue(ctx: RuleContext, node: SyntaxNode): boolean {
  if (stable(ctx, node)) return true;
  if (node.type === 'subscript') return node.childForFieldName('value')?.text === 'os.environ' && literalText(node.childForFieldName('subscript') ?? undefined) !== undefined;
  if (node.type !== 'call') return false;
  const fn = node.childForFieldName('function')?.text;
  const a = callArgs(node);
  return (fn === 'os.getenv' || fn === 'os.environ.get') && !a.keywords.size && !a.splat && a.positional.length >= 1 && a.positional.every((p) => literalText(p) !== undefined);
}

/** Per fix being built: the statements it already inserts (one `ml_client = ...` line however many consumers it rewrites). */
const bridgeInserted = new WeakMap<FixBuilder, Set<number>>();

/**
 * The bridge as one statement, `ml_client = MLClient(...)` right after the workspace's statement
 * (same indentation), its name returned: the statement already there (bound once in the same
 * scope to that very call), or added when the module names `ml_client` nowhere (a new local must
 * not shadow another). Undefined (the bridge stays inline) in a dedented notebook cell or when the
 * workspace's statement does not end its line.
 */
function namedBridge(fb: FixBuilder, ctx: RuleContext, target: SyntaxNode, call: string, comment = ''): string | undefined {
  const stmt = target.parent?.parent;
  const scope = ctx.model.scopeAt(target);
  const bound = scope.bindings.get('ml_client') ?? [];
  if (bound.length === 1) {
    let right = bound[0].node.parent?.type === 'assignment' ? bound[0].node.parent.childForFieldName('right') : undefined;
    // (The tested form untypedBridge writes: `MLClient(...) if ws is not None else None`.)
    if (right?.type === 'conditional_expression') {
      const [then, test, other] = right.namedChildren;
      right = test?.text.replace(/\s+/g, ' ') === `${target.text} is not None` && other?.text === 'None' ? then : undefined;
    }
    const use = right?.type === 'call' ? callArgs(right).positional[1]?.childForFieldName('object') : undefined;
    return use && use.text === target.text && bridgeCallOf(ctx, use) && same(ctx.model.resolveName(target.text, use)?.node, target) ? 'ml_client' : undefined;
  }
  if (bound.length || /\bml_client\b/.test(ctx.module.text) || stmt?.type !== 'expression_statement' || !endsBare(ctx, stmt)) return undefined;
  // The module also reads the default config file's workspace (`Workspace.from_config()`): the fixes of
  // its consumers bind the module's `ml_client` to that workspace (FixBuilder.mlClient), possibly in the
  // same pass, and a bridge statement of the same name would hide it from the uses after it.
  if (scope === ctx.model.moduleScope && ctx.model.references.some((r) => r.qname === FROM_CONFIG && r.call && noArgs(r.call) && !same(r.call, target.parent?.childForFieldName('right') ?? undefined))) return undefined;
  // (A local `ml_client` would hide the module's client from the function's other workspaces.)
  if (readsOuterWorkspace(ctx, scope)) return undefined;
  const indent = statementIndent(ctx, stmt);
  if (indent === undefined) return undefined;
  let done = bridgeInserted.get(fb);
  if (!done) bridgeInserted.set(fb, (done = new Set()));
  if (!done.has(stmt.endIndex)) {
    done.add(stmt.endIndex);
    const end = nodeRange(stmt).end;
    fb.replace({ start: end, end }, `\n${indent}ml_client = ${call}${comment}`);
  }
  return 'ml_client';
}

/** The `MLClient(<credential>(), ws.subscription_id, ws.resource_group, ws.name)` (bridgeClient) a use of `ws` is in. */
function bridgeCallOf(ctx: RuleContext, use: SyntaxNode): SyntaxNode | undefined {
  const list = use.parent?.parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  const fn = call?.childForFieldName('function');
  const v = fn ? ctx.model.evaluate(fn) : undefined;
  if (!call || v?.kind !== 'ref' || v.qname !== 'azure.ai.ml.MLClient') return undefined;
  const a = callArgs(call);
  const props = a.positional.slice(1).map((p) => (p.type === 'attribute' && p.childForFieldName('object')?.text === use.text ? p.childForFieldName('attribute')?.text : undefined));
  return a.positional.length === 4 && !a.keywords.size && !a.splat && a.positional[0].type === 'call' && props.join() === 'subscription_id,resource_group,name' ? call : undefined;
}

/** The run of `run.experiment.workspace`, written there or assigned to the name `ws` is. */
function runWorkspace(ctx: RuleContext, ws: SyntaxNode): SyntaxNode | undefined {
  const b = ws.type === 'identifier' ? ctx.model.resolveName(ws.text, ws) : undefined;
  const assign = b?.node.parent;
  const expr = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : ws;
  return experimentWorkspace(expr ?? undefined);
}

/** `X` of the expression `X.experiment.workspace`. */
function experimentWorkspace(expr: SyntaxNode | undefined): SyntaxNode | undefined {
  const obj = expr?.type === 'attribute' && expr.childForFieldName('attribute')?.text === 'workspace' ? expr.childForFieldName('object') : undefined;
  return obj?.type === 'attribute' && obj.childForFieldName('attribute')?.text === 'experiment' ? obj.childForFieldName('object') ?? undefined : undefined;
}

/**
 * A run that is the job's own, in a job's script: `Run.get_context()`, a name bound to it, or a
 * parameter (the script hands its run to its functions). Not a run fetched otherwise (`Run(exp, id)`).
 */
function ownRun(ctx: RuleContext, run: SyntaxNode): boolean {
  if (!inJobScript(ctx)) return false;
  if (run.type === 'call') return qnameOf(ctx, run) === 'azureml.core.Run.get_context';
  if (run.type !== 'identifier') return false;
  const b = ctx.model.resolveName(run.text, run);
  if (b?.kind === 'param') return true;
  const made = definingCall(ctx, run);
  return !!made && qnameOf(ctx, made) === 'azureml.core.Run.get_context';
}

/**
 * The v2 client of a job's own workspace, inside the job: `ml_client = MLClient(credential=
 * AzureMLOnBehalfOfCredential(), ...)` from the workspace the job's environment names, introduced
 * once after the imports (azureml-examples cli/jobs/single-step/on-behalf-of/src/aml_run.py;
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.identity: only during a job run
 * with the user's identity, `identity: user_identity` in its YAML, hence the review mark); an
 * MLClient the module already binds (not a config-file one: a job has no config file).
 */
function jobClient(fb: FixBuilder, ctx: RuleContext): string | undefined {
  const bound = boundMlClient(ctx);
  if (bound) return fb.configClient(Infinity) ? undefined : bound;
  if (ctx.model.moduleScope.bindings.has('ml_client')) return undefined;
  const client = fb.need('azure.ai.ml', 'MLClient');
  const cred = fb.need('azure.ai.ml.identity', 'AzureMLOnBehalfOfCredential');
  const os = fb.needModule('os');
  const env = (v: string): string => `${os}.environ["${v}"]`;
  fb.addStatement(`ml_client = ${client}(${kwargs([
    ['credential', `${cred}()`],
    ['subscription_id', env('AZUREML_ARM_SUBSCRIPTION')],
    ['resource_group_name', env('AZUREML_ARM_RESOURCEGROUP')],
    ['workspace_name', env('AZUREML_ARM_WORKSPACE_NAME')],
  ])})  # the job must run with identity: user_identity${REVIEW}`);
  return 'ml_client';
}

const REVIEW = '  # amlint: review';

const jobScripts = new WeakMap<RuleContext['model'], boolean>();

/** The module runs as a job's script: it asks for its own run (`Run.get_context()`). Once per model. */
function inJobScript(ctx: RuleContext): boolean {
  let yes = jobScripts.get(ctx.model);
  if (yes === undefined) jobScripts.set(ctx.model, (yes = ctx.model.references.some((r) => r.qname === 'azureml.core.Run.get_context')));
  return yes;
}

// ---------------------------------------------------------------------------------------------
// Workspace

/**
 * A v1 workspace variable becomes the v2 `MLClient` (producer `replacement`), and each of its
 * uses as a workspace becomes the MLClient equivalent: `ws.name` → `ws.workspace_name`,
 * `ws.resource_group` → `ws.resource_group_name`, `ws.subscription_id` stays,
 * `ws.location` → `ws.workspaces.get(ws.workspace_name).location`,
 * `ws.get_default_datastore()` → `ws.datastores.get_default()`, `ws.compute_targets[n]` →
 * `ws.compute.get(n)`. Undefined when another use
 * has no such equivalent. Passing the workspace on as an argument is left as it is (those
 * calls stay reported).
 */
function workspaceEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, auth: SyntaxNode | undefined, replacement: (credential: string) => string, exempt?: SyntaxNode, client?: string): Edits | undefined {
  const cred = credentialOf(ctx, call, auth);
  if (!cred) return undefined;
  const target = assignedName(call);
  // Bound here on one path and elsewhere on another (`if offline: ws = Workspace.from_config()
  // else: ws = run.experiment.workspace`): code after the branches may read either.
  if (target && !straightLine(call) && (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length > 1) return undefined;
  if (!target) {
    if (call.parent?.type !== 'expression_statement') return undefined;
    fb.need('azure.ai.ml', 'MLClient');
    const c = cred(fb);
    return [[call, replacement(c.text)], ...c.edits];
  }
  // The uses' edits do not depend on the fix being built: once per producer and analysis.
  let memo = useEditsMemo.get(ctx.model);
  if (!memo) useEditsMemo.set(ctx.model, (memo = new Map()));
  const key = exempt ? `${call.id}:${exempt.startIndex}-${exempt.endIndex}` : `${call.id}`;
  let uses = memo.get(key);
  if (uses === undefined) memo.set(key, (uses = useEdits(ctx, call, target, exempt) ?? null));
  if (!uses) return undefined;
  // Imports are asked for only once the rewrite is sure: the consumers' edits again, with `fb`.
  // (MLClient first: the imports keep the order MLClient, credential.)
  let out: Edits;
  // An existing client of the same workspace (`client`, see fromConfigEdits): no new one, no imports.
  if (client) out = [[call, client], ...uses.edits];
  else {
    fb.need('azure.ai.ml', 'MLClient');
    const c = cred(fb);
    out = [[call, replacement(c.text)], ...c.edits, ...uses.edits];
  }
  for (const c of uses.consumers) {
    for (const e of consumerEdits(fb, ctx, c, uses.client, exempt) ?? []) if (!out.some(([n]) => same(n, e[0]))) out.push(e);
  }
  // An edit that keeps its text inside another edit (a kept use inside a rewritten call) goes.
  return out.filter(([n, t]) => t !== n.text || !out.some(([o]) => !same(o, n) && o.startIndex <= n.startIndex && n.endIndex <= o.endIndex));
}

/** The edits of a workspace's uses as a workspace, and the v1 calls receiving it that are rewritten with it. */
interface UseEdits {
  edits: Edits;
  consumers: SyntaxNode[];
  client: ClientFor;
}

const useEditsMemo = new WeakMap<RuleContext['model'], Map<string, UseEdits | null>>();

/** The v2 client (a name) standing for a v1 workspace expression in a rewrite; undefined when there is none without more edits. */
type ClientFor = (ws: SyntaxNode | undefined) => string | undefined;

/**
 * v1 calls taking the workspace that this table rewrites (`consumerEdits`): the whole-workspace
 * fix includes their rewrite, and is not offered when one of them cannot be rewritten (it would
 * get an MLClient). Calls of other areas (`Experiment(ws, ...)`, `Environment.get(ws, ...)`,
 * `Model.register(ws, ...)`) block it: their own rewrites use the module's `ml_client` (through
 * `clientOf`), and once they are applied (an earlier pass) the workspace becomes an MLClient.
 */
const TAKES_CLIENT = new Set(['azureml.core.Datastore.get', 'azureml.core.Datastore.get_default', 'azureml.core.Datastore', 'azureml.core.Dataset.get_by_name', ...COMPUTE_GETS, ...CREATES, SUPPORTED_VMSIZES]);

function useEdits(ctx: RuleContext, call: SyntaxNode, target: SyntaxNode, exempt?: SyntaxNode): UseEdits | undefined {
  return usesEdits(ctx, usesOf(ctx, target), target.text, call.startIndex, runsOnce(ctx, call), exempt);
}

/** useEdits of the `uses` of a workspace variable `name` (`straight`: its binding is the only one they can see). */
function usesEdits(ctx: RuleContext, uses: readonly SyntaxNode[], name: string, at: number, straight: boolean, exempt?: SyntaxNode): UseEdits | undefined {
  const edits: Edits = [];
  const consumers: SyntaxNode[] = [];
  const client: ClientFor = (w) => (w && uses.some((u) => same(u, w)) ? name : undefined);
  for (const use of uses) {
    // Passed to a helper imported from another module: code we cannot see would get an MLClient.
    if (toImportedHelper(ctx, use)) return undefined;
    const list = use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent;
    if (list?.type === 'argument_list') {
      const holder = list.parent ?? undefined;
      const q = qnameOf(ctx, holder);
      if (q && TAKES_CLIENT.has(q)) {
        if (!consumers.some((c) => same(c, holder))) consumers.push(holder!);
        continue;
      }
      // Passed to a v1 call that is not rewritten with it: that call would get an MLClient.
      if (q && sdkOf({ kind: 'ref', qname: q }) === 'v1') return undefined;
      // Passed to a function of this module that still reads its parameter: that code would get an MLClient.
      if (holder && same(use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent, holder.childForFieldName('arguments')) && parameterUsed(ctx, holder, use)) return undefined;
    }
    // Returned: the callers' code (a bridge reading `ws.resource_group`, v1 calls) would get an MLClient.
    if (use.parent?.type === 'return_statement') return undefined;
    // A client built from this workspace (bridgeClient): the workspace itself, now a client.
    const bridge = bridgeCallOf(ctx, use);
    if (bridge) {
      if (!edits.some(([n]) => same(n, bridge))) edits.push([bridge, use.text]);
      continue;
    }
    const m = memberOf(use);
    if (!m) {
      // Not a member: only uses that read nothing of it as a workspace (shown, tested, given to a
      // function of this module that never reads it); else it is handed on to code that would get
      // an MLClient (`Helper(ws)`, `h.upload(ws)`, `w2 = ws`, `{"ws": ws}`, a lambda).
      if (inertUse(ctx, use)) continue;
      return undefined;
    }
    const x = use.text;
    // Same name on MLClient: an edit that keeps the text, so its finding offers this fix too.
    if (m.name === 'subscription_id') edits.push([m.attr, m.attr.text]);
    else if (m.name === 'name') edits.push([m.attr, `${x}.workspace_name`]);
    else if (m.name === 'resource_group') edits.push([m.attr, `${x}.resource_group_name`]);
    else if (m.name === 'location') edits.push([m.attr, `${x}.workspaces.get(${x}.workspace_name).location`]);
    else if (m.name === 'get_default_datastore' && m.call && noArgs(m.call) && datastoreFree(ctx, m.call, undefined, exempt)) edits.push([m.call, `${x}.datastores.get_default()`], ...memberReads(ctx, m.call, ['name']));
    else if (m.call && WORKSPACE_METHODS[m.name]?.ok(ctx, m.call)) edits.push([m.call, WORKSPACE_METHODS[m.name].v2(x)]);
    // `ws.write_config()`: its statement is rewritten with the imports it needs (consumerEdits, writeConfigEdits).
    else if (m.name === 'write_config' && m.call && writeConfigArgs(ctx, m.call)) {
      if (!consumers.some((c) => same(c, m.call))) consumers.push(m.call);
    }
    else if (Object.prototype.hasOwnProperty.call(LOOKUPS, m.name)) {
      const l = lookup(ctx, m.attr, m.name);
      if (l) edits.push([l.subscript, l.v2(x)], ...memberReads(ctx, l.subscript, m.name === 'datastores' ? ['name'] : m.name === 'models' ? ['id'] : []), ...(m.name === 'models' ? modelIdReads(ctx, l.subscript)! : []));
      else if (m.name === 'datastores' && keysOnly(ctx, m.attr)) edits.push([m.attr, datastoreNames(x)]);
      else if (m.name === 'models' && modelDictEdits(ctx, m.attr, x)) edits.push(...modelDictEdits(ctx, m.attr, x)!);
      else if (m.name === 'datastores' && datastoreDictEdits(ctx, m.attr, x)) edits.push(...datastoreDictEdits(ctx, m.attr, x)!);
      else if (m.name === 'models' && modelGet(ctx, m.attr, x)) edits.push(...withNameReads(ctx, modelGet(ctx, m.attr, x)!));
      else return undefined;
    }
    else if (m.name === 'datasets') {
      const get = datasetGet(ctx, m.attr, x) ?? (keysOnly(ctx, m.attr) ? [m.attr, datasetNameDict(x)] as [SyntaxNode, string] : undefined);
      if (!get) return undefined;
      edits.push(...withNameReads(ctx, get));
    }
    else if (m.name === 'compute_targets') {
      const e = computeTargetsEdit(ctx, m.attr, x);
      if (!e) return undefined;
      edits.push(...e);
    } else return undefined;
  }
  // Uses read as v2 must see only this binding (not one made under if/try instead).
  if ((edits.length || consumers.length) && !straight) return undefined;
  // Each consumer must be rewritten with it (checked without asking for imports).
  const scratch = new FixBuilder(ctx, at);
  if (consumers.some((c) => !consumerEdits(scratch, ctx, c, client, exempt))) return undefined;
  return { edits, consumers, client };
}

/**
 * `Workspace.from_config(path=, auth=)` → `MLClient.from_config(credential=, path=)`; with no
 * arguments, when the module already has a client of the default config file bound before it
 * (`ml_client = MLClient.from_config(credential=...)`, often added by an earlier fix), that
 * client: `ws = ml_client` (one client per workspace, not two).
 */
function fromConfigEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, exempt?: SyntaxNode): Edits | undefined {
  const args = configArgs(call);
  if (!args) return undefined;
  const existing = noArgs(call) && assignedName(call) ? fb.configClient(call.startIndex) : undefined;
  const client = existing && ctx.model.resolveName(existing, call) === ctx.model.moduleScope.bindings.get(existing)?.[0] ? existing : undefined;
  return workspaceEdits(fb, ctx, call, args.get('auth'), (cred) => `${fb.need('azure.ai.ml', 'MLClient')}.from_config(${kwargs([['credential', cred], ['path', args.get('path')], ['file_name', args.get('_file_name')]])})`, exempt, client);
}

/**
 * `ws = Workspace.from_config()` at module level whose name is not used at all (typically once
 * other fixes rewrote every use): with a config-file client bound before it, the statement goes
 * (rather than `ws = ml_client`); with none and no `ml_client` name, it becomes that client,
 * `ml_client = MLClient.from_config(credential=DefaultAzureCredential())`, which later rewrites reuse.
 */
function unusedWorkspace(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): string | undefined {
  const target = assignedName(call);
  const stmt = target?.parent?.parent;
  if (!target || !noArgs(call) || stmt?.parent?.type !== 'module' || usesOf(ctx, target).length || (ctx.model.moduleScope.bindings.get(target.text) ?? []).length !== 1) return undefined;
  if (fb.configClient(call.startIndex)) return fb.removeStatement(stmt, `Remove ${target.text}: the module's MLClient reads the same config file`);
  // (Only with no other v1 code, whose fixes could add an `ml_client` of their own in the same pass.)
  if (fb.configClient(Infinity) || ctx.model.moduleScope.bindings.has('ml_client') || boundMlClient(ctx) || ctx.model.references.some((r) => r.sdk === 'v1' && !same(r.call, call) && !same(r.node, call.childForFieldName('function')))) return undefined;
  fb.replace(target, 'ml_client');
  return `${fb.need('azure.ai.ml', 'MLClient')}.from_config(credential=${fb.need('azure.identity', 'DefaultAzureCredential')}())`;
}

/** `Workspace(subscription_id, resource_group, workspace_name)` / `Workspace.get(name, subscription_id=, resource_group=)` → `MLClient(...)` with the same three values. */
function workspaceCtorEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, exempt?: SyntaxNode): Edits | undefined {
  const args = workspaceArgs(ctx, call);
  // v2 needs all three to name one workspace (v1 Workspace.get may search subscriptions).
  if (!args?.get('subscription_id') || !args.get('resource_group') || !args.get('workspace_name')) return undefined;
  const rest = kwargs([
    ['subscription_id', args.get('subscription_id')],
    ['resource_group_name', args.get('resource_group')],
    ['workspace_name', args.get('workspace_name')],
  ]);
  return workspaceEdits(fb, ctx, call, args.get('auth'), (cred) => `${fb.need('azure.ai.ml', 'MLClient')}(${cred}, ${rest})`, exempt);
}

/** The producer of a workspace variable, and the fix that turns it and its uses into an MLClient. */
function producerEdits(fb: FixBuilder, ctx: RuleContext, made: SyntaxNode | undefined, exempt?: SyntaxNode): Edits | undefined {
  const q = qnameOf(ctx, made);
  if (q === FROM_CONFIG) return fromConfigEdits(fb, ctx, made!, exempt);
  if (q === WS_CLASS || q === WORKSPACE_GET) return workspaceCtorEdits(fb, ctx, made!, exempt);
  if (q === WORKSPACE_CREATE) return workspaceCreateEdits(fb, ctx, made!, exempt);
  return undefined;
}

/**
 * azureml-core `Workspace.create(name, auth, subscription_id, resource_group, location, create_resource_group=True,
 * sku, tags, friendly_name, ..., exist_ok=False, show_output=True, ...)`: the arguments it is rewritten with (the
 * others, dependent resources, encryption, network, default computes, are refused).
 */
const CREATE_SIGNATURE = ['name', 'auth', 'subscription_id', 'resource_group', 'location', 'create_resource_group', 'sku', 'tags', 'friendly_name'];
const CREATE_KEYWORDS = [...CREATE_SIGNATURE, 'exist_ok', 'show_output'];

/**
 * `ws = Workspace.create(name=n, subscription_id=s, resource_group=rg, location=l, exist_ok=True)` → the client of
 * that workspace, made when it does not exist (reference §2.1, WS: `ml_client.workspaces.begin_create(Workspace(name=,
 * location=, display_name=))`):
 *
 *     ws = MLClient(cred, subscription_id=s, resource_group_name=rg, workspace_name=n)
 *     try:
 *         ws.workspaces.get(n)
 *     except ResourceNotFoundError:
 *         ws.workspaces.begin_create(azure.ai.ml.entities.Workspace(name=n, location=l)).result()  # amlint: review
 *
 * `exist_ok=True` returned an existing workspace as it was: the get. Without it v1 failed on an existing one where
 * `begin_create` updates it (only `begin_create`, marked). v1 made the resource group when missing
 * (`create_resource_group=True`, its default), v2 needs it to exist: marked unless `create_resource_group=False`
 * with `exist_ok=True`. `friendly_name` → `display_name`, `tags` kept, `sku` dropped (v1: "present for backwards
 * compatibility and is ignored"), `show_output` dropped (the poller's `result()` waits as v1 did); no location is
 * the resource group's in both (azure-ai-ml `_populate_arm_parameters`). The statement must end its line; the
 * name, subscription and group are read more than once, so literals or names bound once.
 */
function workspaceCreateEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, exempt?: SyntaxNode): Edits | undefined {
  const a = bindArgs(call, CREATE_SIGNATURE, CREATE_KEYWORDS);
  const name = a?.get('name');
  const sub = a?.get('subscription_id');
  const rg = a?.get('resource_group');
  if (!a || !name || !sub || !rg || ![name, sub, rg].every((x) => stable(ctx, x))) return undefined;
  const flag = (k: string): boolean | undefined | null => {
    const v = a.get(k);
    return !v ? undefined : v.type === 'true' ? true : v.type === 'false' ? false : null;
  };
  const existOk = flag('exist_ok');
  const makeGroup = flag('create_resource_group');
  if (existOk === null || makeGroup === null || flag('show_output') === null) return undefined;
  const sku = a.get('sku');
  if (sku && stringValue(sku) === undefined) return undefined;
  const target = assignedName(call);
  const stmt = target ? target.parent?.parent : call.parent;
  const indent = stmt?.type === 'expression_statement' && endsBare(ctx, stmt) ? statementIndent(ctx, stmt) : undefined;
  // (Bare, a get-or-create has nothing to hold the client: only the creation.)
  if (indent === undefined || (!target && existOk)) return undefined;
  const review = makeGroup !== false || !existOk ? REVIEW : '';
  // (The texts are made in the replacement, which workspaceEdits asks for once the rewrite is sure: the imports they
  // ask for are added only then.)
  const entity = (): string => `${fb.needModule('azure.ai.ml.entities')}.Workspace(${kwargs([['name', name], ['location', a.get('location')], ['display_name', a.get('friendly_name')], ['tags', a.get('tags')]])})`;
  const client = (cred: string, ws?: string): string => `${fb.need('azure.ai.ml', 'MLClient')}(${cred}, ${kwargs([['subscription_id', sub], ['resource_group_name', rg], ...(ws ? [['workspace_name', ws] as [string, string]] : [])])})`;
  if (!target) return workspaceEdits(fb, ctx, call, a.get('auth'), (cred) => `${client(cred)}.workspaces.begin_create(${entity()}).result()${review}`, exempt);
  const x = target.text;
  const then = (): string => {
    const create = `${x}.workspaces.begin_create(${entity()}).result()${review}`;
    return existOk
      ? `\n${indent}try:\n${indent}    ${x}.workspaces.get(${name.text})\n${indent}except ${fb.need('azure.core.exceptions', 'ResourceNotFoundError')}:\n${indent}    ${create}`
      : `\n${indent}${create}`;
  };
  return workspaceEdits(fb, ctx, call, a.get('auth'), (cred) => `${client(cred, name.text)}${then()}`, exempt);
}

/**
 * A workspace property read: with the whole workspace when it can become an MLClient, else
 * from `ml_client` when the workspace comes from the same config file, else the literal the
 * workspace was made with (`Workspace.get(name="w", ...)` → `"w"`).
 */
function workspaceProperty(arg: string | undefined, fromClient: (ml: string) => string): Builder {
  return (fb, ref, ctx) => {
    const ws = receiver(ref);
    // Bound on more than one path: only the offline/online idiom's fix (each branch its own client).
    if (ws?.type === 'identifier' && offlineIdiom(ctx, ws)) return idiomFix(fb, ctx, ref.node, ws);
    const made = ws && definingCall(ctx, ws);
    if (!made) return undefined;
    const whole = combined(fb, ref.node, producerEdits(fb, ctx, made));
    // A client built from the kept workspace (bridgeClient) keeps its reads until the workspace is one.
    if (!whole && bridgeCallOf(ctx, ws!)) return undefined;
    if (whole) return whole;
    let text: string | undefined;
    if (qnameOf(ctx, made) === FROM_CONFIG) {
      const ml = noArgs(made) ? configFileClient(fb, ctx, ws!, made) : undefined;
      text = ml ? fromClient(ml) : undefined;
    }
    else {
      const value = arg ? workspaceArgs(ctx, made)?.get(arg) : undefined;
      text = value && stable(ctx, value) && (value.type !== 'identifier' || ctx.model.resolveName(value.text, value) === ctx.model.resolveName(value.text, ref.node)) ? value.text : undefined;
    }
    // Else (`from_config(auth=...)`, `location`, a computed argument): read from the bridge statement's client.
    if (!text && bridgeClient(fb, ctx, ws!, made, true) === 'ml_client') text = fromClient('ml_client');
    return text;
  };
}

/** Workspace methods with a v2 counterpart on the MLClient `ml`, when `ok` for the call. */
const WRITE_CONFIG = 'azureml.core.Workspace.write_config';

/**
 * `ws.write_config(path=None, file_name=None)` alone on its line(s): its folder and file name (texts), when the
 * file name is absent or a literal ending in `.json` (v1 appends `.json` to another name: normalize_file_ext).
 */
function writeConfigArgs(ctx: RuleContext, call: SyntaxNode): { path: string; file: string; indent: string } | undefined {
  const stmt = call.parent;
  const indent = stmt?.type === 'expression_statement' && stmt.namedChildren.length === 1 ? ownLineIndent(ctx, stmt) : undefined;
  const a = bindArgs(call, ['path', 'file_name'], ['path', 'file_name']);
  const file = a?.get('file_name');
  if (indent === undefined || !a || (file && !stringValue(file)?.endsWith('.json'))) return undefined;
  // A folder written as a string (or a name bound once to one): v1 writes to the current folder for None, which
  // `pathlib.Path(None, ...)` refuses (a parameter or an option left unset).
  const path = a.get('path');
  if (path && knownString(ctx, path) === undefined) return undefined;
  return { path: path?.text ?? '"."', file: file?.text ?? '"config.json"', indent };
}

/**
 * `ws.write_config()` → the file v1 wrote, written with the standard library (writeConfigEdits; a workspace kept
 * v1 writes it from the module's client of the same workspace): SDK v2 has no writer, and its
 * `MLClient.from_config` reads what v1 wrote (azure-ai-ml _ml_client.py: a `Scope` or the three keys, searched for
 * in `.azureml/` up from the folder). v1 (azureml-core Workspace.write_config): `<path or ".">/.azureml/<file_name
 * or config.json>`, the folder made if missing (v1 wrote into a legacy `aml_config/` instead where one existed, and
 * `project.json` where that file existed there; v2's from_config looks in `.azureml/` first); the keys written here are the portal's download (`subscription_id`,
 * `resource_group`, `workspace_name`), which both SDKs read.
 */
function writeConfigEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, ml: string): Edits | undefined {
  const w = writeConfigArgs(ctx, call);
  // The modules it imports must be the module's where it runs (FixBuilder.hidden: the builder checks the place of the
  // finding it serves, which for the workspace's fix is the workspace's statement), and the client a name (an inline
  // bridge would be built three times).
  if (!w || !/^[A-Za-z_]\w*$/.test(ml) || ['pathlib', 'json'].some((n) => fb.hidden(n, n, call.startIndex))) return undefined;
  const dir = `${fb.needModule('pathlib')}.Path(${w.path}, ".azureml")`;
  const keys = `{"subscription_id": ${ml}.subscription_id, "resource_group": ${ml}.resource_group_name, "workspace_name": ${ml}.workspace_name}`;
  // A notebook cell's last statement: `;` keeps the cell from showing write_text's count (v1's call returned None).
  const stmt = call.parent!;
  const next = stmt.nextNamedSibling;
  const cell = (n: SyntaxNode): number | undefined => ctx.module.lines?.[n.startPosition.row]?.cell;
  const quiet = ctx.isNotebook && stmt.parent?.type === 'module' && (!next || cell(next) !== cell(stmt)) ? ';' : '';
  return [[call, `${dir}.mkdir(parents=True, exist_ok=True)\n${w.indent}${dir}.joinpath(${w.file}).write_text(${fb.needModule('json')}.dumps(${keys}))${quiet}`]];
}

const WORKSPACE_METHODS: Record<string, { ok: (ctx: RuleContext, call: SyntaxNode) => boolean; v2: (ml: string) => string }> = {
  // TRK (https://learn.microsoft.com/azure/machine-learning/how-to-use-mlflow-configure-tracking).
  get_mlflow_tracking_uri: { ok: (_ctx, call) => noArgs(call), v2: (ml) => trackingUri(ml) },
  // The workspace's details: a v2 Workspace entity instead of a dict, so only where it is shown.
  get_details: { ok: (ctx, call) => noArgs(call) && shown(ctx, call), v2: (ml) => `${ml}.workspaces.get(${ml}.workspace_name)` },
};

/**
 * The name → asset dicts of a v1 workspace: `ws.datastores[n]` → `datastores.get(n)`,
 * `ws.environments[n]` / `ws.models[n]` (the latest version) → `get(name=n, label="latest")`,
 * when the value is used only through members the v2 entity has alike, and no v1 call receives it.
 */
const LOOKUPS: Record<string, { allowed: (key: SyntaxNode) => string[]; v2: (ml: string, key: string) => string }> = {
  datastores: { allowed: (key) => (stringValue(key) === 'workspaceblobstore' ? ['name', 'account_name', 'container_name'] : ['name', 'account_name']), v2: (ml, key) => `${ml}.datastores.get(${key})` },
  environments: { allowed: () => ['name', 'version'], v2: (ml, key) => `${ml}.environments.get(name=${key}, label="latest")` },
  models: { allowed: () => ['name', 'version', 'tags', 'description', 'properties'], v2: (ml, key) => `${ml}.models.get(name=${key}, label="latest")` },
};

/** `ws.<dict>[key]` around the attribute `ws.<dict>`: the subscript and its v2 text, when LOOKUPS allows it. */
function lookup(ctx: RuleContext, attr: SyntaxNode, dict: string): { subscript: SyntaxNode; v2: (ml: string) => string } | undefined {
  const spec = LOOKUPS[dict];
  const parent = attr.parent;
  const key = parent?.type === 'subscript' && same(parent.childForFieldName('value'), attr) && parent.namedChildren.length === 2 ? parent.childForFieldName('subscript') : undefined;
  // (A model's `id` too: modelIdReads rewrites it.)
  if (!spec || !key || !variableFree(ctx, parent!, [...spec.allowed(key), ...(dict === 'models' ? ['id'] : [])])) return undefined;
  const target = assignedName(parent!);
  if (target && usesOf(ctx, target).some((u) => passedToV1Call(ctx, u))) return undefined;
  if (!target && parent!.parent?.type !== 'expression_statement') return undefined;
  if (dict === 'models' && !modelIdReads(ctx, parent!)) return undefined;
  return { subscript: parent!, v2: (ml) => spec.v2(ml, key.text) };
}

/**
 * A read of `ws.<dict>[key]`: the fix of the whole workspace when it becomes an MLClient (it
 * rewrites the subscript), else the lookup on the client of the same workspace.
 */
function workspaceLookup(dict: string): Builder {
  return (fb, ref, ctx) => {
    const ws = receiver(ref);
    const made = ws && definingCall(ctx, ws);
    if (made && producerEdits(fb, ctx, made)) return fb.sameFixAs(made);
    const l = lookup(ctx, ref.node, dict);
    const names = !l && dict === 'datastores' && keysOnly(ctx, ref.node);
    const items = !l && !names && (dict === 'models' || dict === 'datastores');
    const c = (l || names || items) && workspaceClient(fb, ctx, ws);
    if (!c) return undefined;
    if (items) return combined(fb, ref.node, (dict === 'models' ? modelDictEdits : datastoreDictEdits)(ctx, ref.node, c));
    if (!l) return datastoreNames(c);
    // The attribute becomes the call; `[key]` after it goes.
    fb.replace({ start: nodeRange(ref.node).end, end: nodeRange(l.subscript).end }, '');
    for (const [n, t] of memberReads(ctx, l.subscript, dict === 'datastores' ? ['name'] : dict === 'models' ? ['id'] : [])) fb.replace(n, t);
    for (const [n, t] of dict === 'models' ? modelIdReads(ctx, l.subscript)! : []) fb.replace(n, t);
    return l.v2(c);
  };
}

/**
 * `ws.datastores` read only for its names (iterated, `in`, `len`, `keys()`): the dict of the listed
 * datastores by name (`DatastoreOperations.list()`:
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.datastoreoperations).
 */
function datastoreNames(ml: string): string {
  return `{d.name: d for d in ${ml}.datastores.list()}`;
}

/**
 * `ws.models` iterated for its items: v1's dict of each model's latest version by name
 * (azureml-core `Workspace.models`: `{model.name: model for model in Model.list(self, latest=True)}`)
 * → the same dict from v2, `{m.name: ml.models.get(name=m.name, label="latest") for m in ml.models.list()}`
 * (ModelOperations.list() with no name lists the model containers, get(label="latest") their latest
 * version: https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.modeloperations).
 * Only for `for k, v in <dict>.items():` / `for v in <dict>.values():` loops (directly or through
 * one variable used only so) whose values are read for members v2 models have alike; the edits
 * (the variable's uses kept as written, so their findings offer this fix), or undefined.
 */
function modelDictEdits(ctx: RuleContext, attr: SyntaxNode, ml: string): Edits | undefined {
  const v = ml === 'm' ? 'm_' : 'm';
  const dict = `{${v}.name: ${ml}.models.get(name=${v}.name, label="latest") for ${v} in ${ml}.models.list()}`;
  const target = assignedName(attr);
  if (!target) return modelLoop(ctx, attr) ? [[attr, dict]] : undefined;
  const uses = usesOf(ctx, target);
  if (!uses.length || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1 || !uses.every((u) => modelLoop(ctx, u))) return undefined;
  return [[attr, dict], ...uses.map((u): [SyntaxNode, string] => [u, u.text])];
}

/**
 * `ws.datastores` iterated for its items (v1's docs: "A dictionary with key as datastore name and value as
 * Datastore object", https://learn.microsoft.com/python/api/azureml-core/azureml.core.workspace.workspace#azureml-core-workspace-workspace-datastores;
 * v1's docs' own "list all datastores" loop, `for name, datastore in datastores.items(): print(name, datastore.datastore_type)`)
 * → the same dict from v2, datastoreNames (DatastoreOperations.list()). Only for `for k, v in <dict>.items():` /
 * `for v in <dict>.values():` loops (directly or through one variable used only so) whose values are read
 * for `name` alone, or for `datastore_type` printed alone (→ v2's `type`, the print marked for review,
 * as datastoreTypeReads); the edits (the variable's uses kept as written, so their findings offer this fix), or undefined.
 */
function datastoreDictEdits(ctx: RuleContext, attr: SyntaxNode, ml: string): Edits | undefined {
  const target = assignedName(attr);
  const uses = target ? usesOf(ctx, target) : [attr];
  if (target && (!uses.length || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1)) return undefined;
  const edits: Edits = [[attr, datastoreNames(ml)], ...(target ? uses.map((u): [SyntaxNode, string] => [u, u.text]) : [])];
  const closes = new Set<number>();
  for (const d of uses) {
    const values = dictLoopValue(d);
    if (!values) return undefined;
    for (const u of usesOf(ctx, values)) {
      const r = memberOf(u);
      if (!r || r.call) return undefined;
      if (r.name === 'name') continue;
      const close = r.name === 'datastore_type' ? printedAlone(ctx, r.attr) : undefined;
      if (!close) return undefined;
      edits.push([r.attr, `${u.text}.type`]);
      if (!closes.has(close.id)) edits.push([close, `)${REVIEW}`]);
      closes.add(close.id);
    }
  }
  return edits;
}

/** The value variable of `for k, v in d.items():` / `for v in d.values():` around the dict expression `d`, if it is one. */
function dictLoopValue(d: SyntaxNode): SyntaxNode | undefined {
  const m = memberOf(d);
  if (!m?.call || !noArgs(m.call) || (m.name !== 'items' && m.name !== 'values')) return undefined;
  const loop = m.call.parent;
  if (loop?.type !== 'for_statement' || !same(loop.childForFieldName('right'), m.call)) return undefined;
  const left = loop.childForFieldName('left');
  const parts = left?.type === 'pattern_list' || left?.type === 'tuple_pattern' ? left.namedChildren : left ? [left] : [];
  if (parts.length !== (m.name === 'items' ? 2 : 1) || parts.some((p) => p.type !== 'identifier')) return undefined;
  return parts[parts.length - 1];
}

/**
 * `d.items()` of `d = ws.models`: the fix of that read; `ws.models.items()` (no finding of its own at
 * `ws.models`): the whole workspace's fix, else the dict on the client of the same workspace.
 */
const dictMethod = (dict: 'models' | 'datastores' | 'compute_targets'): Builder => (fb, ref, ctx) => {
  const d = receiver(ref);
  if (d?.type === 'identifier') {
    const attr = assignedFrom(ctx, d);
    return attr?.type === 'attribute' && attr.childForFieldName('attribute')?.text === dict ? fb.sameFixAs(attr) : undefined;
  }
  if (d?.type !== 'attribute' || d.childForFieldName('attribute')?.text !== dict) return undefined;
  const ws = d.childForFieldName('object') ?? undefined;
  const made = ws && definingCall(ctx, ws);
  if (made && producerEdits(fb, ctx, made)) return fb.sameFixAs(made);
  const c = workspaceClient(fb, ctx, ws);
  const e: Edits | undefined = c ? (dict === 'models' ? modelDictEdits : dict === 'datastores' ? datastoreDictEdits : computeTargetsEdit)(ctx, d, c) : undefined;
  if (!e?.length || !same(e[0][0], d)) return undefined;
  // The dict's own edit here; the value reads (datastore types shown) elsewhere in the loop.
  for (const [n, t] of e.slice(1)) fb.replace(n, t);
  return e[0][1] + ctx.module.text.slice(d.endIndex, (ref.call ?? ref.node).endIndex);
};
const modelDictMethod = dictMethod('models');

/** `for k, v in d.items():` / `for v in d.values():` around the dict expression `d`, `v` read only for model members v2 has alike. */
function modelLoop(ctx: RuleContext, d: SyntaxNode): boolean {
  const value = dictLoopValue(d);
  if (!value) return false;
  const allowed = LOOKUPS.models.allowed(value);
  return usesOf(ctx, value).every((u) => {
    const r = memberOf(u);
    return !!r && !r.call && allowed.includes(r.name);
  });
}

/**
 * `x = ws.datasets.get(name)` (`ws.datasets`: v1's name → latest registered version dict, so
 * `.get` gives None for a missing name) around the attribute `ws.datasets`: the latest data asset,
 * `ml.data.get(name=..., label="latest")` (DATA: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-data),
 * which raises instead; so only when `x` is read for `name`/`version` alone (no None test, no v1
 * call, no other use), as `Dataset.get_by_name` reads are (consumerEdits). The edit, or undefined.
 */
function datasetGet(ctx: RuleContext, attr: SyntaxNode, ml: string, ops = 'data'): [SyntaxNode, string] | undefined {
  const m = memberOf(attr);
  const call = m?.name === 'get' ? m.call : undefined;
  const a = call && bindArgs(call, ['key'], ['key']);
  const target = call && assignedName(call);
  if (!a?.get('key') || !target || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1) return undefined;
  const readOnly = usesOf(ctx, target).every((u) => {
    const r = memberOf(u);
    return !!r && !r.call && (r.name === 'name' || r.name === 'version');
  });
  // A literal name v2 refuses (a space or a dot, the DP-100 "diabetes dataset"): not looked up as written (data.ts
  // renames such names only where the whole file's registrations and reads agree).
  const key = a.get('key')!;
  if (key.type === 'string' && !ASSET_NAME.test(stringValue(key) ?? '')) return undefined;
  return readOnly ? [call!, `${ml}.${ops}.get(name=${key.text}, label="latest")`] : undefined;
}

/**
 * `m = ws.models.get(name)` read only for name/version: v1's `ws.models` is a dict of each model's
 * latest version by name, so `ml.models.get(name=name, label="latest")`
 * (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.modeloperations#azure-ai-ml-operations-modeloperations-get);
 * as for datasets, v1's None for a missing name must not matter (its reads would fail on None).
 */
function modelGet(ctx: RuleContext, attr: SyntaxNode, ml: string): [SyntaxNode, string] | undefined {
  return datasetGet(ctx, attr, ml, 'models');
}

/**
 * `ws.datasets` read only for its names (iterated, `in`, `len`, `list`, `keys()`): the dict of the
 * listed data assets by name, `{d.name: d for d in ml.data.list()}` (DataOperations.list: the
 * workspace's data assets, https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.dataoperations),
 * as for `ws.datastores` (v1's values, Dataset objects, are not read).
 */
function datasetNameDict(ml: string): string {
  return `{d.name: d for d in ${ml}.data.list()}`;
}

/**
 * The fix of a finding at `ws.datasets` (`attr`) or at `ws.datasets.keys()` (`node`) read only for
 * its names (data.ts calls it when the dataset registration does not take it): the whole
 * workspace's fix, else the names on the client of the same workspace (datasetNameDict).
 */
export function datasetNamesFix(fb: FixBuilder, ctx: RuleContext, attr: SyntaxNode, node: SyntaxNode): string | undefined {
  const ws = attr.type === 'attribute' ? attr.childForFieldName('object') ?? undefined : undefined;
  const made = ws && definingCall(ctx, ws);
  if (made && producerEdits(fb, ctx, made)) return fb.sameFixAs(made);
  if (!keysOnly(ctx, attr)) return undefined;
  const names = datasetNames(fb, ctx, ws);
  return names && names + ctx.module.text.slice(attr.endIndex, node.endIndex);
}

/** The dict of the data assets by name (datasetNameDict) on the client of the workspace `ws`, which needs no other edit (workspaceClient). */
export function datasetNames(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode | undefined): string | undefined {
  const c = workspaceClient(fb, ctx, ws);
  return c && datasetNameDict(c);
}

/** `ws.datasets.get(name)` read for name/version: with the whole workspace, else on the client of the same workspace (datasetGet). */
const workspaceDatasetGet: Builder = (fb, ref, ctx) => workspaceGet(fb, ref, ctx, datasetGet);

/** `ws.models.get(name)` read for name/version (modelGet), as `ws.datasets.get`. */
const workspaceModelGet: Builder = (fb, ref, ctx) => workspaceGet(fb, ref, ctx, modelGet);

function workspaceGet(fb: FixBuilder, ref: Parameters<Builder>[1], ctx: RuleContext, get: (ctx: RuleContext, attr: SyntaxNode, ml: string) => [SyntaxNode, string] | undefined): string | undefined {
  const attr = receiver(ref);
  const ws = attr?.type === 'attribute' ? attr.childForFieldName('object') ?? undefined : undefined;
  const made = ws && definingCall(ctx, ws);
  if (made && producerEdits(fb, ctx, made)) return fb.sameFixAs(made);
  // (Checked before asking for a client: no `ml_client` added for a get that is not rewritten.)
  if (!attr || !get(ctx, attr, 'ml_client')) return undefined;
  const c = workspaceClient(fb, ctx, ws);
  const e = c && get(ctx, attr, c);
  return e ? combined(fb, e[0], withNameReads(ctx, e)) : undefined;
}

/**
 * A `x = ws.datasets.get(n)` / `ws.models.get(n)` edit (datasetGet) with x's name/version reads kept as
 * written: in the fix, their findings (x is a v1 Dataset / Model) offer it too (memberReads).
 */
function withNameReads(ctx: RuleContext, edit: [SyntaxNode, string]): Edits {
  return [edit, ...(edit[0].type === 'call' ? memberReads(ctx, edit[0]) : [])];
}

/** The client of a workspace expression that needs no other edit, only for a workspace made by a call here or an MLClient. */
function workspaceClient(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode | undefined): string | undefined {
  if (!ws || (ws.type === 'identifier' && !definingCall(ctx, ws) && sdkOf(ctx.model.evaluate(ws)) !== 'v2')) return undefined;
  const c = clientOf(fb, ctx, ws);
  return c && !c.edits.length ? c.ml : undefined;
}

/** A workspace method call (WORKSPACE_METHODS): with the whole workspace, else on the client of the same workspace. */
function workspaceMethod(name: string): Builder {
  return (fb, ref, ctx) => {
    const m = WORKSPACE_METHODS[name];
    if (!m.ok(ctx, ref.call!)) return undefined;
    const ws = receiver(ref);
    const made = ws && definingCall(ctx, ws);
    const whole = made && combined(fb, ref.call!, producerEdits(fb, ctx, made));
    if (whole) return whole;
    const c = workspaceClient(fb, ctx, ws);
    return c && m.v2(c);
  };
}

/** The v1 call whose argument `node` is (positional or keyword). */
function v1CallOf(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  const list = node.parent?.type === 'keyword_argument' ? node.parent.parent : node.parent;
  const call = list?.type === 'argument_list' ? list.parent ?? undefined : undefined;
  const q = qnameOf(ctx, call);
  return q && sdkOf({ kind: 'ref', qname: q }) === 'v1' ? call : undefined;
}

/**
 * `run.experiment.workspace` of the job's own run, in its script: as an argument of a v1 call,
 * that call's fix (it takes the job's client, see clientOf); assigned (`ws = run.experiment.workspace`),
 * the job's client (jobClient) when every use of `ws` has a v2 form on it (none left once the calls
 * receiving it are rewritten, properties, this table's lookups), else nothing (those calls are
 * rewritten on the job's client one by one, `ws` kept for the rest).
 */
const jobWorkspace: Builder = (fb, ref, ctx) => {
  const node = ref.node;
  const run = experimentWorkspace(node);
  if (!run || !ownRun(ctx, run)) return undefined;
  if (offlineIdiom(ctx, assignedName(node))) return idiomFix(fb, ctx, node, assignedName(node));
  const call = v1CallOf(ctx, node);
  if (call) return fb.sameFixAs(call);
  return combined(fb, node, jobWorkspaceEdits(fb, ctx, node));
};

/** The expression a name was assigned (`x = <expr>`, the binding the name resolves to there). */
function assignedFrom(ctx: RuleContext, name: SyntaxNode): SyntaxNode | undefined {
  const b = ctx.model.resolveName(name.text, name);
  const assign = b?.node.parent;
  return assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') ?? undefined : undefined;
}

/** `ws = run.experiment.workspace` (`read`) → `ws = <the job's client>`, with every use of `ws` (useEdits). */
function jobWorkspaceEdits(fb: FixBuilder, ctx: RuleContext, read: SyntaxNode): Edits | undefined {
  const target = assignedName(read);
  const uses = target && useEdits(ctx, read, target);
  const ml = uses && jobClient(fb, ctx);
  if (!uses || !ml) return undefined;
  const edits: Edits = [[read, ml], ...uses.edits];
  for (const c of uses.consumers) {
    for (const e of consumerEdits(fb, ctx, c, uses.client) ?? []) if (!edits.some(([n]) => same(n, e[0]))) edits.push(e);
  }
  return edits;
}

/**
 * A property of the job's workspace (`ws.name` after `ws = run.experiment.workspace`, or
 * `run.experiment.workspace.name`): with the whole workspace when it becomes the job's client,
 * else the property on that client (`ws` kept for the v1 calls still receiving it).
 */
function jobWorkspaceProperty(v2: (ml: string) => string): Builder {
  return (fb, ref, ctx) => {
    const ws = receiver(ref);
    const read = ws?.type === 'identifier' ? assignedFrom(ctx, ws) : ws;
    const run = experimentWorkspace(read);
    if (!read || !run || !ownRun(ctx, run)) return undefined;
    if (ws!.type === 'identifier') {
      // A `ws` bound on more than one path: only the offline/online idiom's fix (never the job's client offline).
      if (offlineIdiom(ctx, ws)) return idiomFix(fb, ctx, ref.node, ws);
      if ((ctx.model.scopeAt(ws!).bindings.get(ws!.text) ?? []).length > 1) return undefined;
      const whole = combined(fb, ref.node, jobWorkspaceEdits(fb, ctx, read));
      if (whole) return whole;
    }
    const ml = jobClient(fb, ctx);
    return ml && v2(ml);
  };
}

// ---------------------------------------------------------------------------------------------
// The offline/online idiom of job scripts (MachineLearningNotebooks automl scripts):
//
//   run = Run.get_context()
//   ws = None                              (optional placeholder)
//   if type(run) == _OfflineRun:           (or `isinstance(run, _OfflineRun)`, `run.id.startswith("OfflineRun")`, negated with the branches swapped)
//       ws = Workspace.from_config()
//   else:
//       ws = run.experiment.workspace
//
// Both branches become MLClients of the same workspace each v1 branch named: the config file's
// (MLClient.from_config) offline, the job's own (jobClient's expression, inline in that branch:
// offline there are no AZUREML_ARM_* variables) in the job; every use of `ws` becomes a use of
// that client, all as one fix (or the name keeps its v1 meaning on one path and not the other).

/** The idiom around the variable `ws` (any of its bindings or uses): the two producers and every use of the name. */
interface OfflineIdiom {
  offline: SyntaxNode;
  online: SyntaxNode;
  uses: SyntaxNode[];
}

const offlineIdioms = new WeakMap<RuleContext['model'], Map<number, OfflineIdiom | null>>();

function offlineIdiom(ctx: RuleContext, ws: SyntaxNode | undefined): OfflineIdiom | undefined {
  if (ws?.type !== 'identifier' || !inJobScript(ctx)) return undefined;
  const b = ctx.model.resolveName(ws.text, ws);
  const list = b?.scope.bindings.get(ws.text) ?? [];
  if (list.length < 2) return undefined;
  let memo = offlineIdioms.get(ctx.model);
  if (!memo) offlineIdioms.set(ctx.model, (memo = new Map()));
  const key = list[0].node.startIndex;
  if (!memo.has(key)) memo.set(key, findIdiom(ctx, list) ?? null);
  return memo.get(key) ?? undefined;
}

function findIdiom(ctx: RuleContext, list: readonly Binding[]): OfflineIdiom | undefined {
  let offline: SyntaxNode | undefined;
  let online: SyntaxNode | undefined;
  let placeholder: SyntaxNode | undefined;
  const uses: SyntaxNode[] = [];
  for (const x of list) {
    const assign = x.kind === 'assign' ? x.node.parent : undefined;
    const right = assign?.type === 'assignment' && same(assign.childForFieldName('left'), x.node) ? assign.childForFieldName('right') : undefined;
    const stmt = assign?.parent;
    if (!right || stmt?.type !== 'expression_statement') return undefined;
    const seen = ctx.model.uses.get(x) ?? [];
    if (right.type === 'none') {
      // `ws = None` before the branches, read by nothing.
      if (placeholder || seen.length || !straightLine(right)) return undefined;
      placeholder = stmt;
      continue;
    }
    if (qnameOf(ctx, right) === FROM_CONFIG && noArgs(right) && !offline) offline = right;
    else if (experimentWorkspace(right) && !online) online = right;
    else return undefined;
    uses.push(...seen);
  }
  if (!offline || !online) return undefined;
  const a = branchOf(offline.parent!.parent!);
  const b = branchOf(online.parent!.parent!);
  if (!a || !b || !same(a.ifStmt, b.ifStmt) || a.inElse === b.inElse) return undefined;
  const test = offlineTest(ctx, a.ifStmt.childForFieldName('condition') ?? undefined);
  // The run tested is the job's own, the one whose workspace the online branch reads.
  const run = experimentWorkspace(online)!;
  if (!test || test.negated !== a.inElse || run.type !== 'identifier' || run.text !== test.run.text || !ownRun(ctx, run)) return undefined;
  if (!same(ctx.model.resolveName(run.text, run)?.node, ctx.model.resolveName(run.text, test.run)?.node)) return undefined;
  // The branches run once, straight-line; the placeholder before them in the same block.
  const outer = a.ifStmt.parent;
  if (!(outer?.type === 'module' || (outer?.type === 'block' && outer.parent?.type === 'function_definition')) || (placeholder && (!same(placeholder.parent ?? undefined, a.ifStmt.parent ?? undefined) || placeholder.startIndex > a.ifStmt.startIndex))) return undefined;
  return { offline, online, uses };
}

/** The if statement (no elif) whose branch body `stmt` is directly in, and whether that is the else branch. */
function branchOf(stmt: SyntaxNode): { ifStmt: SyntaxNode; inElse: boolean } | undefined {
  const block = stmt.parent;
  if (block?.type !== 'block') return undefined;
  const owner = block.parent;
  const ifStmt = owner?.type === 'else_clause' ? owner.parent : owner;
  if (ifStmt?.type !== 'if_statement') return undefined;
  const alternatives = ifStmt.childrenForFieldName('alternative');
  if (alternatives.length !== 1 || alternatives[0].type !== 'else_clause') return undefined;
  if (owner?.type === 'else_clause') return { ifStmt, inElse: true };
  return same(ifStmt.childForFieldName('consequence') ?? undefined, block) ? { ifStmt, inElse: false } : undefined;
}

/**
 * `type(R) == _OfflineRun` / `type(R) is _OfflineRun` / `isinstance(R, _OfflineRun)` /
 * `R.id.startswith("OfflineRun")`, or their negations (`!=`, `is not`, `not ...`): the run `R`.
 */
function offlineTest(ctx: RuleContext, cond: SyntaxNode | undefined): { run: SyntaxNode; negated: boolean } | undefined {
  if (!cond) return undefined;
  if (cond.type === 'parenthesized_expression' && cond.namedChildCount === 1) return offlineTest(ctx, cond.namedChild(0) ?? undefined);
  if (cond.type === 'not_operator') {
    const t = offlineTest(ctx, cond.childForFieldName('argument') ?? undefined);
    return t && { run: t.run, negated: !t.negated };
  }
  const isOfflineClass = (n: SyntaxNode | undefined): boolean => {
    const v = n ? ctx.model.evaluate(n) : undefined;
    return v?.kind === 'ref' && v.qname === 'azureml.core.run._OfflineRun';
  };
  const builtin = (call: SyntaxNode, name: string): SyntaxNode[] | undefined => {
    const fn = call.childForFieldName('function');
    if (call.type !== 'call' || fn?.type !== 'identifier' || fn.text !== name || ctx.model.resolveName(name, call)) return undefined;
    const a = callArgs(call);
    return a.keywords.size || a.splat ? undefined : a.positional;
  };
  if (cond.type === 'comparison_operator' && cond.namedChildCount === 2) {
    const [l, r] = [cond.namedChild(0)!, cond.namedChild(1)!];
    const op = ctx.module.text.slice(l.endIndex, r.startIndex).replace(/\s+/g, ' ').trim();
    const negated = op === '!=' || op === 'is not';
    if (!negated && op !== '==' && op !== 'is') return undefined;
    const [typeCall, cls] = isOfflineClass(r) ? [l, r] : [r, l];
    const args = isOfflineClass(cls) ? builtin(typeCall, 'type') : undefined;
    return args?.length === 1 && args[0].type === 'identifier' ? { run: args[0], negated } : undefined;
  }
  if (cond.type !== 'call') return undefined;
  const args = builtin(cond, 'isinstance');
  if (args) return args.length === 2 && args[0].type === 'identifier' && isOfflineClass(args[1]) ? { run: args[0], negated: false } : undefined;
  // `R.id.startswith("OfflineRun")`: v1 offline runs have ids "OfflineRun_<uuid>".
  const fn = cond.childForFieldName('function');
  const id = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'startswith' ? fn.childForFieldName('object') : undefined;
  const run = id?.type === 'attribute' && id.childForFieldName('attribute')?.text === 'id' ? id.childForFieldName('object') : undefined;
  const a = callArgs(cond);
  return run?.type === 'identifier' && a.positional.length === 1 && !a.keywords.size && stringValue(a.positional[0]) === 'OfflineRun' ? { run, negated: false } : undefined;
}

/**
 * The fix of the idiom: both producers and every use of `ws` (useEdits). `asked`: the use a v1
 * call of another area asks a client for (clientOf); that call's own fix rewrites it.
 */
function idiomEdits(fb: FixBuilder, ctx: RuleContext, idiom: OfflineIdiom, asked?: SyntaxNode): Edits | undefined {
  // (Not `Experiment(ws, ...)`: jobs.ts keeps it when the experiment has other uses.)
  const holder = asked && v1CallOf(ctx, asked);
  const q = qnameOf(ctx, holder) ?? '';
  const exempt = holder && !TAKES_CLIENT.has(q) && q !== 'azureml.core.Experiment' ? asked : undefined;
  const uses = idiom.uses.filter((u) => !exempt || !same(u, exempt));
  const name = idiom.offline.parent!.childForFieldName('left')!.text;
  const found = usesEdits(ctx, uses, name, idiom.offline.startIndex, true);
  // The job's client goes in its branch, with jobClient's review mark after the statement.
  const stmt = idiom.online.parent!.parent!;
  if (!found || idiom.online.endIndex !== stmt.endIndex || !endsBare(ctx, stmt)) return undefined;
  const client = fb.need('azure.ai.ml', 'MLClient');
  const offline = `${client}.from_config(credential=${fb.need('azure.identity', 'DefaultAzureCredential')}())`;
  const cred = fb.need('azure.ai.ml.identity', 'AzureMLOnBehalfOfCredential');
  const os = fb.needModule('os');
  const env = (v: string): string => `${os}.environ["${v}"]`;
  const online = `${client}(${kwargs([
    ['credential', `${cred}()`],
    ['subscription_id', env('AZUREML_ARM_SUBSCRIPTION')],
    ['resource_group_name', env('AZUREML_ARM_RESOURCEGROUP')],
    ['workspace_name', env('AZUREML_ARM_WORKSPACE_NAME')],
  ])})  # the job must run with identity: user_identity${REVIEW}`;
  const edits: Edits = [[idiom.offline, offline], [idiom.online, online], ...found.edits];
  for (const c of found.consumers) {
    const e = consumerEdits(fb, ctx, c, found.client);
    if (!e) return undefined;
    for (const x of e) if (!edits.some(([n]) => same(n, x[0]))) edits.push(x);
  }
  return edits;
}

/** `ws = run.experiment.workspace` in the idiom's online branch (`read`): the idiom's fix (jobs.ts offers it for that read). */
export function offlineIdiomFix(fb: FixBuilder, ctx: RuleContext, read: SyntaxNode): string | undefined {
  const target = assignedName(read);
  return offlineIdiom(ctx, target) ? idiomFix(fb, ctx, read, target) : undefined;
}

/** The idiom's fix offered at `own` (a producer or a use of `ws`). */
function idiomFix(fb: FixBuilder, ctx: RuleContext, own: SyntaxNode, ws: SyntaxNode | undefined): string | undefined {
  const idiom = offlineIdiom(ctx, ws);
  return idiom && combined(fb, own, idiomEdits(fb, ctx, idiom));
}

// ---------------------------------------------------------------------------------------------
// Authentication: v1 authentication objects become azure.identity credentials
// (https://learn.microsoft.com/azure/machine-learning/how-to-setup-authentication; the reference's §2.1).

// The table of v1 authentication classes and their credentials: rules/auth-classes.ts (AML003 names them too).

/** The azure.identity credential for a v1 authentication call, or undefined when an argument has no translation. */
function credentialText(ctx: RuleContext, call: SyntaxNode | undefined): ((fb: FixBuilder) => string) | undefined {
  const q = qnameOf(ctx, call) ?? '';
  const spec = AUTH_CLASSES[q];
  const defaults = Object.entries(spec?.defaults ?? {});
  const args = spec && bindArgs(call!, spec.signature, [...Object.keys(spec.keywords), ...defaults.map(([k]) => k)]);
  if (!args || defaults.some(([k, v]) => args.has(k) && stringValue(args.get(k)) !== v)) return undefined;
  return (fb) => `${fb.need('azure.identity', spec.v2)}(${kwargs(spec.signature.filter((k) => spec.keywords[k]).map((k): [string, SyntaxNode | undefined] => [spec.keywords[k], args.get(k)]))})`;
}

/**
 * The `credential` of the MLClient replacing the workspace producer `call` whose `auth=` is
 * `auth`: DefaultAzureCredential() without one; the credential inline for a v1 authentication
 * call; for a variable made by one (bound once) and passed to no other v1 call, the variable, and the
 * edit of its producer. Undefined when the authentication cannot be translated.
 */
function credentialOf(ctx: RuleContext, call: SyntaxNode, auth: SyntaxNode | undefined): ((fb: FixBuilder) => { text: string; edits: Edits }) | undefined {
  if (!auth) return (fb) => ({ text: `${fb.need('azure.identity', 'DefaultAzureCredential')}()`, edits: [] });
  if (auth.type === 'call') {
    const inline = credentialText(ctx, auth);
    return inline && ((fb) => ({ text: inline(fb), edits: [] }));
  }
  const made = definingCall(ctx, auth);
  const target = made && assignedName(made);
  const text = credentialText(ctx, made);
  if (!text || !target || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1 || !straightLine(made!)) return undefined;
  const others = usesOf(ctx, target).filter((u) => !same(u, auth));
  if (others.some((u) => memberOf(u) || passedToV1Call(ctx, u))) return undefined;
  return (fb) => ({ text: auth.text, edits: [[made!, text(fb)]] });
}

/** `use` is an argument of a v1 call. */
function passedToV1Call(ctx: RuleContext, use: SyntaxNode): boolean {
  const list = use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent;
  const q = list?.type === 'argument_list' ? qnameOf(ctx, list.parent ?? undefined) : undefined;
  return !!q && sdkOf({ kind: 'ref', qname: q }) === 'v1';
}

/**
 * An authentication variable read only for `auth.get_authentication_header()`: v1 returns
 * `{"Authorization": "Bearer " + <ARM token>}` (azureml-core AbstractAuthentication), the token for the
 * cloud's ARM resource, https://management.core.windows.net/ in Azure public cloud (no `cloud=`: bindArgs
 * refuses it; a CLI-configured other cloud is the review case below). → the azure.identity
 * credential and `{"Authorization": "Bearer " + auth.get_token("https://management.core.windows.net/.default").token}`
 * (TokenCredential.get_token(*scopes) returns an AccessToken whose `token` is the bearer string:
 * https://learn.microsoft.com/python/api/azure-identity/azure.identity.interactivebrowsercredential#azure-identity-interactivebrowsercredential-get-token).
 * An interactive login is marked for review (v1 reuses an Azure CLI login and its default cloud;
 * InteractiveBrowserCredential opens a browser). The edits, or undefined.
 */
function headerEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode | undefined): Edits | undefined {
  const text = call && credentialText(ctx, call);
  const target = call && assignedName(call);
  if (!text || !target || !straightLine(call!) || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1) return undefined;
  const uses = usesOf(ctx, target);
  const edits: Edits = [];
  for (const u of uses) {
    const m = memberOf(u);
    if (!m?.call || m.name !== 'get_authentication_header' || !noArgs(m.call)) return undefined;
    edits.push([m.call, `{"Authorization": "Bearer " + ${u.text}.get_token("https://management.core.windows.net/.default").token}`]);
  }
  if (!edits.length) return undefined;
  const review = qnameOf(ctx, call) === 'azureml.core.authentication.InteractiveLoginAuthentication' && endsBare(ctx, call!) ? '  # amlint: review' : '';
  return [[call!, text(fb) + review], ...edits];
}

/** `auth.get_authentication_header()` of an authentication variable: its fix (headerEdits). */
const authenticationHeader: Builder = (fb, ref, ctx) => {
  const auth = receiver(ref);
  return auth?.type === 'identifier' ? combined(fb, ref.call!, headerEdits(fb, ctx, definingCall(ctx, auth))) : undefined;
};

/**
 * A v1 authentication call: with the workspace producer it is the `auth=` of (that producer's
 * fix), else alone when no v1 call receives it and nothing reads a v1 member of it.
 */
const authentication: Builder = (fb, ref, ctx) => {
  const call = ref.call!;
  const text = credentialText(ctx, call);
  if (!text) return undefined;
  const target = assignedName(call);
  // (A name bound again, `if t: auth = InteractiveLoginAuthentication(...) else: auth = AzureCliAuthentication()`:
  // the v1 consumer reads either binding, so neither may become a credential alone.)
  if (target && (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1) return undefined;
  const uses = target ? usesOf(ctx, target) : [call];
  // A bare `InteractiveLoginAuthentication()` logs in for the code after it; a credential does nothing alone.
  if (!target && call.parent?.type === 'expression_statement') return undefined;
  for (const u of uses) {
    const kw = u.parent?.type === 'keyword_argument' && u.parent.childForFieldName('name')?.text === 'auth' ? u.parent : undefined;
    const producer = kw?.parent?.parent ?? undefined;
    if (producer && WORKSPACE_MAKERS.includes(qnameOf(ctx, producer) ?? '')) return combined(fb, call, producerEdits(fb, ctx, producer));
  }
  if (!target) return passedToV1Call(ctx, call) ? undefined : text(fb);
  const header = combined(fb, call, headerEdits(fb, ctx, call));
  if (header) return header;
  return uses.some((u) => memberOf(u) || passedToV1Call(ctx, u)) ? undefined : text(fb);
};

// ---------------------------------------------------------------------------------------------
// Datastores

/**
 * A datastore variable used only through what the v2 datastore entity also has, and passed to no
 * v1 call: `name`, and
 * `account_name` (blob, file, ADLS Gen2); `container_name` only for a blob datastore (the default
 * one, `workspaceblobstore`): v2 AzureBlobDatastore has it, AzureFileDatastore calls it `file_share_name`
 * (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.azureblobdatastore).
 */
function datastoreFree(ctx: RuleContext, call: SyntaxNode, name?: SyntaxNode, exempt?: SyntaxNode): boolean {
  const blob = !name || stringValue(name) === 'workspaceblobstore';
  const allowed = blob ? ['name', 'account_name', 'container_name'] : ['name', 'account_name'];
  const target = assignedName(call);
  if (!target) return variableFree(ctx, call, allowed);
  // Nor handed to v1 code, even inside a tuple or list (`from_delimited_files(path=[(ds, "x")])`):
  // it would get a v2 datastore. Such a call rewrites with its own fix, on the module's client;
  // or it is `exempt`, the v1 call (data.ts) whose fix includes this one and rewrites the use too.
  return usesOf(ctx, target).every((u) => {
    if (exempt && exempt.startIndex <= u.startIndex && u.endIndex <= exempt.endIndex) return true;
    const m = memberOf(u);
    const shownType = m?.name === 'datastore_type' && !m.call && !!printedAlone(ctx, m.attr);
    return (!m || allowed.includes(m.name) || shownType) && !insideV1Call(ctx, u) && !toImportedHelper(ctx, u) && !(!m && escapes(ctx, u));
  });
}

/**
 * `ds.datastore_type` printed, `ds` a datastore got by name: v2's `type`, a REST DatastoreType
 * member (value "AzureBlob", "AzureFile", ... as v1's strings, but Gen1 is "AzureDataLakeGen1" and
 * print() shows the member, `DatastoreType.AZURE_BLOB`; azure-ai-ml entities/_datastore/*.py), the
 * print marked for review like a compute's `type`.
 */
function datastoreTypeReads(ctx: RuleContext, call: SyntaxNode): Edits {
  const target = assignedName(call);
  return (target ? usesOf(ctx, target) : []).flatMap((u): Edits => {
    const m = memberOf(u);
    const close = m?.name === 'datastore_type' && !m.call ? printedAlone(ctx, m.attr) : undefined;
    return close ? [[m!.attr, `${u.text}.type`], [close, `)${REVIEW}`]] : [];
  });
}

/**
 * `use` is an argument (or inside one: a list, a tuple) of a call of a function imported from a
 * module that is not an SDK's (`from helpers import submit_run` ... `submit_run(ws, env)`, a relative
 * import): code we cannot see, which may hand it to v1 calls, so it must stay a v1 object.
 */
function toImportedHelper(ctx: RuleContext, use: SyntaxNode): boolean {
  let n = use;
  while (n.parent && ['keyword_argument', 'list', 'tuple', 'parenthesized_expression', 'pair', 'dictionary', 'list_splat', 'dictionary_splat'].includes(n.parent.type)) n = n.parent;
  const call = n.parent?.type === 'argument_list' ? n.parent.parent : undefined;
  let base = call?.childForFieldName('function');
  while (base?.type === 'attribute') base = base.childForFieldName('object');
  const b = base?.type === 'identifier' ? ctx.model.resolveName(base.text, base) : undefined;
  if (b?.kind !== 'import') return false;
  const q = b.value?.kind === 'ref' ? b.value.qname : undefined;
  return !q || !/^(azure|azureml)(\.|$)/.test(q);
}

/**
 * A compute expression used as a statement or printed, or assigned to a variable read only for
 * `name`, printed, and passed to no v1 call nor handed on (handedOn) (a v1 `ScriptRunConfig(compute_target=c)`
 * must not get a v2 Compute: it waits until its own rewrite, which reads `c.name`).
 */
function computeFree(ctx: RuleContext, node: SyntaxNode): boolean {
  const target = assignedName(node);
  if (!target) return node.parent?.type !== 'attribute' && !passedToV1Call(ctx, node) && !handedOn(node);
  return usesOf(ctx, target).every((u) => (memberOf(u)?.name ?? 'name') === 'name' && !passedToV1Call(ctx, u) && !handedOn(u) && !typeTested(ctx, u));
}

/**
 * `use` (a compute) is handed to code we cannot see: an argument of a call other than `print`
 * (`run_remote_inference(compute_target=c)`, a helper of the notebook's own module that gives it to
 * a v1 `ScriptRunConfig`), or the value of another name or a container. Such code may expect the
 * v1 ComputeTarget, not a v2 Compute.
 */
function handedOn(use: SyntaxNode): boolean {
  const n = valueOf(use);
  const p = n.parent;
  if (!p) return false;
  const list = p.type === 'keyword_argument' ? p.parent : p.type === 'list_splat' || p.type === 'dictionary_splat' ? p.parent : p;
  if (list?.type === 'argument_list') return list.parent?.childForFieldName('function')?.text !== 'print' || p.type !== 'argument_list';
  if (p.type === 'assignment') return same(p.childForFieldName('right'), n);
  return ['list', 'tuple', 'set', 'pair', 'return_statement', 'yield', 'lambda', 'expression_list'].includes(p.type);
}

/**
 * The expression whose value `use` is: through parentheses, a conditional's branches (`ds if ok else None`, not its
 * test), `or`/`and` (`ds or default`) and a walrus (`(d := ds)`) (review of session 15: `clean_data(ds or None)` was
 * not seen as handing the dataset on).
 */
function valueOf(use: SyntaxNode): SyntaxNode {
  let n = use;
  for (;;) {
    const p = n.parent;
    if (!p) return n;
    if (p.type === 'parenthesized_expression' || p.type === 'boolean_operator') n = p;
    else if (p.type === 'conditional_expression' && !same(p.namedChildren[1], n)) n = p;
    else if (p.type === 'named_expression' && same(p.childForFieldName('value'), n)) n = p;
    else return n;
  }
}

/**
 * A bare use of an object that leaves the code a rewrite can see: returned or yielded (a helper's callers get it),
 * or given to a function of the module that reads the parameter receiving it (parameterUsed). (Review of session 15:
 * `def setup(w): store = w.get_default_datastore(); return store` made a v2 datastore its caller uploaded to.)
 */
function escapes(ctx: RuleContext, use: SyntaxNode): boolean {
  let n = valueOf(use);
  while (n.parent && ['tuple', 'list', 'expression_list', 'parenthesized_expression'].includes(n.parent.type)) n = n.parent;
  const p = n.parent;
  if (p?.type === 'return_statement' || p?.type === 'yield') return true;
  const args = p?.type === 'keyword_argument' ? p.parent : p;
  const call = args?.type === 'argument_list' ? args.parent : undefined;
  return !!call && call.type === 'call' && parameterUsed(ctx, call, valueOf(use));
}

/** A datastore lookup on the client `ml`: by name, or the default one. */
function datastoreEdits(ctx: RuleContext, call: SyntaxNode, ml: string | undefined, name: SyntaxNode | undefined, exempt?: SyntaxNode): Edits | undefined {
  if (!ml || !datastoreFree(ctx, call, name, exempt)) return undefined;
  // (Not under `except UserErrorException:` (v2 raises ResourceNotFoundError), nor for a name bound
  // again, e.g. by that handler's registration: later reads may see either binding.)
  const target = assignedName(call);
  if (narrowlyTried(call) || (target && (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1)) return undefined;
  return [[call, name ? `${ml}.datastores.get(name=${name.text})` : `${ml}.datastores.get_default()`], ...memberReads(ctx, call, ['name', 'datastore_type']), ...datastoreTypeReads(ctx, call)];
}

/**
 * The member reads of the variable a lookup is assigned to, as edits that keep their text: they
 * read the same on the v2 entity, and with these edits their findings offer the lookup's fix
 * (but for `except`: a datastore's `name` read has a rewrite of its own in data.ts).
 */
/**
 * The `x.id` reads of `x = ws.models[name]`: v1's `id` is "name:version" (azureml-core Model:
 * `self.id = "{}:{}".format(name, version)`), v2's an ARM id, so → `x.name + ":" + x.version`
 * (as deploy.ts does). Undefined when one is assigned to or inside an f-string (the quotes).
 */
function modelIdReads(ctx: RuleContext, value: SyntaxNode): Edits | undefined {
  const target = assignedName(value);
  const edits: Edits = [];
  for (const u of target ? usesOf(ctx, target) : []) {
    const m = memberOf(u);
    if (m?.name !== 'id' || m.call) continue;
    const p = m.attr.parent;
    if ((p?.type === 'assignment' || p?.type === 'augmented_assignment') && same(p.childForFieldName('left'), m.attr)) return undefined;
    for (let n: SyntaxNode | null = p; n; n = n.parent) if (n.type === 'string' || n.type === 'interpolation') return undefined;
    const id = `${u.text}.name + ":" + ${u.text}.version`;
    const bare = ['argument_list', 'keyword_argument', 'assignment', 'expression_statement', 'list', 'tuple', 'parenthesized_expression'].includes(p?.type ?? '');
    edits.push([m.attr, bare ? id : `(${id})`]);
  }
  return edits;
}

function memberReads(ctx: RuleContext, value: SyntaxNode, except: string[] = []): Edits {
  const target = assignedName(value);
  return (target ? usesOf(ctx, target) : []).flatMap((u): Edits => {
    const m = memberOf(u);
    return m && !m.call && !except.includes(m.name) ? [[m.attr, m.attr.text]] : [];
  });
}

/**
 * A member read of a value made by a lookup this table rewrites (`ds.name`, `cluster.name`):
 * the lookup's fix, which keeps this read as it is (see memberReads).
 */
const readOfLookup: Builder = (fb, ref, ctx) => {
  const x = receiver(ref);
  const b = x?.type === 'identifier' ? ctx.model.resolveName(x.text, x) : undefined;
  const assign = b?.node.parent;
  if (!b || b.kind !== 'assign' || assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), b.node)) return undefined;
  const right = assign.childForFieldName('right');
  // `ws.datastores[n]`: the reference is the attribute `ws.datastores`.
  const producer = right?.type === 'subscript' ? right.childForFieldName('value') : right;
  return producer && (producer.type === 'call' || producer.type === 'attribute') ? fb.sameFixAs(producer) : undefined;
};

/**
 * The rewrite of a v1 call of TAKES_CLIENT that receives a workspace, `client` naming the v2
 * client of each workspace expression: the call, and what is rewritten with it.
 */
function consumerEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, client: ClientFor, exempt?: SyntaxNode): Edits | undefined {
  const q = qnameOf(ctx, call);
  if (q === 'azureml.core.Datastore.get') {
    const args = bindArgs(call, ['workspace', 'datastore_name'], ['workspace', 'datastore_name']);
    const name = args?.get('datastore_name');
    return name && datastoreEdits(ctx, call, client(args!.get('workspace')), name, exempt);
  }
  if (q === 'azureml.core.Datastore.get_default') {
    const args = bindArgs(call, ['workspace'], ['workspace']);
    return args && datastoreEdits(ctx, call, client(args.get('workspace')), undefined, exempt);
  }
  // Datastore(workspace, name=None): the named datastore, or the default one without a name.
  if (q === 'azureml.core.Datastore') {
    const args = bindArgs(call, ['workspace', 'name'], ['workspace', 'name']);
    return args?.get('workspace') && datastoreEdits(ctx, call, client(args.get('workspace')), args.get('name'), exempt);
  }
  if (q === 'azureml.core.Dataset.get_by_name') {
    const args = bindArgs(call, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
    const name = args?.get('name');
    // A v2 Data asset has name and version; the v1 dataset methods (to_pandas_dataframe...) it has
    // not, and no v1 call may receive it (`Model.register(..., datasets=[("training", ds)])`).
    const target = assignedName(call);
    // Nor handed on whole (`x, y = clean_data(ds)`, a helper reading `data.to_pandas_dataframe()`: data.ts rewrites
    // that read with the dataset, as an MLTable; real-file check of session 15).
    if (!args || !name || !variableFree(ctx, call, ['name', 'version']) || (target && usesOf(ctx, target).some((u) => insideV1Call(ctx, u) || handedOn(u)))) return undefined;
    // (Not under `except UserErrorException:` / `except KeyError:` (v2 raises ResourceNotFoundError),
    // nor for a name bound again: its later reads may see the other binding, a v1 dataset.)
    if (narrowlyTried(call) || (target && (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1)) return undefined;
    const ml = client(args.get('workspace'));
    const version = args.get('version');
    const which = !version || stringValue(version) === 'latest' ? 'label="latest"' : `version=${version.text}`;
    // (Its `name`/`version` reads kept as they are: their findings offer this fix, readOfLookup.)
    return ml ? [[call, `${ml}.data.get(name=${name.text}, ${which})`], ...memberReads(ctx, call)] : undefined;
  }
  if (COMPUTE_GETS.includes(q ?? '')) return computeGet(fb, ctx, call, client);
  if (CREATES.includes(q ?? '')) return creationEdits(fb, ctx, call, client);
  if (q === WRITE_CONFIG) {
    const ml = client(call.childForFieldName('function')?.childForFieldName('object') ?? undefined);
    return ml ? writeConfigEdits(fb, ctx, call, ml) : undefined;
  }
  if (q === SUPPORTED_VMSIZES) {
    // COMP: list_sizes(location=) lists the VM sizes (VmSize entities, v1 dicts) of the workspace's region by default.
    const args = bindArgs(call, ['workspace', 'location'], ['workspace', 'location']);
    const ml = client(args?.get('workspace'));
    return ml && shown(ctx, call) ? [[call, `${ml}.compute.list_sizes(${kwargs([['location', args!.get('location')]])})`]] : undefined;
  }
  return undefined;
}

/**
 * The finding at `own` of a consumer `call` of the workspace `ws`: the whole-workspace fix when
 * the workspace becomes an MLClient (it includes this rewrite), else this rewrite alone on the
 * module's client (or an MLClient the workspace already is).
 */
function consumerFix(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, own: SyntaxNode, ws: SyntaxNode | undefined): string | undefined {
  const c = clientOf(fb, ctx, ws);
  if (!c) return undefined;
  if (c.edits.length) return combined(fb, own, c.edits);
  return combined(fb, own, consumerEdits(fb, ctx, call, (w) => {
    const x = clientOf(fb, ctx, w);
    return x && !x.edits.length ? x.ml : undefined;
  }));
}

/** The value of the call is only shown: a statement (a notebook cell's value) or printed. */
function shown(ctx: RuleContext, call: SyntaxNode): boolean {
  if (call.parent?.type === 'expression_statement') return true;
  const holder = call.parent?.type === 'argument_list' ? call.parent.parent : undefined;
  return holder?.type === 'call' && holder.childForFieldName('function')?.text === 'print' && ctx.model.resolveName('print', holder) === undefined;
}

// ---------------------------------------------------------------------------------------------
// Compute: the get-or-create pattern
//
//   try:
//       cluster = ComputeTarget(workspace=ws, name=name)
//   except ComputeTargetException:
//       config = AmlCompute.provisioning_configuration(vm_size=..., max_nodes=...)
//       cluster = ComputeTarget.create(ws, name, config)
//   cluster.wait_for_completion(show_output=True)
//
// becomes (COMP: AmlCompute entity + compute.begin_create_or_update; compute.get raises
// azure.core's ResourceNotFoundError when the cluster does not exist):
//
//   try:
//       cluster = ml_client.compute.get(name)
//   except ResourceNotFoundError:
//       config = azure.ai.ml.entities.AmlCompute(name=name, size=..., max_instances=..., idle_time_before_scale_down=1800)
//       cluster = ml_client.compute.begin_create_or_update(config).result()
//   print(cluster.provisioning_state)

/**
 * `AmlCompute.provisioning_configuration(...)` as the v2 `AmlCompute` entity named `name`.
 * v1 defaults that differ in v2 are written out: max_nodes 4, idle_seconds_before_scaledown 1800
 * (https://learn.microsoft.com/python/api/azureml-core/azureml.core.compute.amlcompute.amlcomputeprovisioningconfiguration);
 * v2 defaults idle_time_before_scale_down to 120
 * (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.amlcompute).
 */
function amlComputeEntity(fb: FixBuilder, prov: SyntaxNode, name: SyntaxNode, ml: string): string | undefined {
  const known = ['vm_size', 'vm_priority', 'min_nodes', 'max_nodes', 'idle_seconds_before_scaledown'];
  const access = ['admin_username', 'admin_user_password', 'admin_user_ssh_key', 'vnet_resourcegroup_name', 'vnet_name', 'subnet_name', 'remote_login_port_public_access', 'identity_type', 'identity_id'];
  const a = bindArgs(prov, known, [...known, 'tags', 'description', 'enable_node_public_ip', ...access]);
  const size = a?.get('vm_size');
  if (!a || !size) return undefined;
  const priority = a.get('vm_priority');
  // v2 tier values are snake case ("dedicated", "low_priority"): azure-ai-ml sends
  // snake_to_pascal(tier) (AmlCompute._to_rest_object), although its docs list "Dedicated", "LowPriority".
  const tier = priority && ({ dedicated: '"dedicated"', lowpriority: '"low_priority"' } as Record<string, string>)[stringValue(priority) ?? ''];
  if (priority && !tier) return undefined;
  let idle: SyntaxNode | string | undefined = a.get('idle_seconds_before_scaledown');
  // v1 writes 'PT' + str(idle) + 'S': a string of digits is that number (v2 wants an int).
  if (idle && idle.type === 'string') idle = /^\d+$/.test(stringValue(idle) ?? '') ? stringValue(idle) : undefined;
  if (a.has('idle_seconds_before_scaledown') && idle === undefined) return undefined;
  const entities = fb.needModule('azure.ai.ml.entities');
  const access2 = accessSettings(a, entities, ml);
  if (!access2) return undefined;
  return `${entities}.AmlCompute(${kwargs([
    ['name', name],
    ['size', size],
    ['tier', tier],
    ['min_instances', a.get('min_nodes')],
    ['max_instances', a.get('max_nodes') ?? '4'],
    ['idle_time_before_scale_down', idle ?? '1800'],
    ['tags', a.get('tags')],
    ['description', a.get('description')],
    ['enable_node_public_ip', a.get('enable_node_public_ip')],
    ...access2,
  ])})`;
}

/**
 * The SSH, virtual network and identity options of v1's AmlCompute.provisioning_configuration
 * (https://learn.microsoft.com/python/api/azureml-core/azureml.core.compute.amlcompute.amlcomputeprovisioningconfiguration)
 * as v2 AmlCompute arguments (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.amlcompute;
 * azure-ai-ml `_compute/aml_compute.py`): admin user → `ssh_settings=AmlComputeSshSettings(admin_username=,
 * admin_password=, ssh_key_value=)` (sent as the admin user's password and SSH public key);
 * `remote_login_port_public_access` "Enabled"/"Disabled" → `ssh_public_access_enabled=True/False`
 * ("NotSpecified" as v2's None); a virtual network (all three v1 names) → `network_settings=NetworkSettings(
 * vnet_name=, subnet=<the subnet's ARM id>)`, the id v1 built from the workspace's subscription and the vnet's
 * resource group (v2 takes a full id as written: get_subnet_str); `identity_type` → `identity=IdentityConfiguration(
 * type="system_assigned" | "user_assigned", user_assigned_identities=[ManagedIdentityConfiguration(resource_id=...)])`
 * (v2 sends snake_to_pascal(type)), the ids a list as written. Undefined for anything else.
 */
function accessSettings(a: Map<string, SyntaxNode>, entities: string, ml: string): Array<[string, SyntaxNode | string | undefined]> | undefined {
  const out: Array<[string, SyntaxNode | string | undefined]> = [];
  const user = a.get('admin_username');
  if ((a.has('admin_user_password') || a.has('admin_user_ssh_key')) && !user) return undefined;
  const remote = a.get('remote_login_port_public_access');
  if (remote) {
    const v = ({ enabled: 'True', disabled: 'False', notspecified: '' } as Record<string, string>)[(stringValue(remote) ?? '').toLowerCase()];
    if (v === undefined) return undefined;
    if (v) out.push(['ssh_public_access_enabled', v]);
  }
  if (user) out.push(['ssh_settings', `${entities}.AmlComputeSshSettings(${kwargs([['admin_username', user], ['admin_password', a.get('admin_user_password')], ['ssh_key_value', a.get('admin_user_ssh_key')]])})`]);
  const vnet = ['vnet_resourcegroup_name', 'vnet_name', 'subnet_name'].map((k) => a.get(k));
  if (vnet.some((v) => v)) {
    const [rg, net, subnet] = vnet;
    if (!rg || !net || !subnet) return undefined;
    const id = `"/subscriptions/" + ${ml}.subscription_id + "/resourceGroups/" + ${rg.text} + "/providers/Microsoft.Network/virtualNetworks/" + ${net.text} + "/subnets/" + ${subnet.text}`;
    out.push(['network_settings', `${entities}.NetworkSettings(vnet_name=${net.text}, subnet=${id})`]);
  }
  const type = a.get('identity_type');
  const ids = a.get('identity_id');
  if (type || ids) {
    const t = ({ SystemAssigned: 'system_assigned', UserAssigned: 'user_assigned' } as Record<string, string>)[type ? stringValue(type) ?? '' : ''];
    if (!t || (t === 'user_assigned') !== !!ids || (ids && ids.type !== 'list')) return undefined;
    const list = ids ? `, user_assigned_identities=[${ids.namedChildren.map((i) => `${entities}.ManagedIdentityConfiguration(resource_id=${i.text})`).join(', ')}]` : '';
    out.push(['identity', `${entities}.IdentityConfiguration(type="${t}"${list})`]);
  }
  return out;
}

/**
 * `ComputeInstance.provisioning_configuration(...)` as the v2 `ComputeInstance` entity named `name`
 * (COMP: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-resource-compute).
 * v1 (https://learn.microsoft.com/python/api/azureml-core/azureml.core.compute.computeinstance.computeinstanceprovisioningconfiguration):
 * vm_size defaults to Standard_DS3_V2, as v2's `size` does (azure-ai-ml ComputeDefaults.VMSIZE);
 * ssh_public_access defaults to False. v2 (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.computeinstance)
 * sends SSH settings only with a public key, so without one the port is closed either way:
 * `ssh_public_access=False` is kept as `ssh_public_access_enabled=False`; True (it needs a key) is not rewritten.
 * Neither side sets an idle shutdown by default. Other options (keys, vnet, tags, assigned user): undefined.
 */
function computeInstanceEntity(fb: FixBuilder, prov: SyntaxNode, name: SyntaxNode): string | undefined {
  const a = bindArgs(prov, ['vm_size', 'ssh_public_access'], ['vm_size', 'ssh_public_access', 'description']);
  const ssh = a?.get('ssh_public_access');
  if (!a || (ssh && ssh.text !== 'False')) return undefined;
  const entities = fb.needModule('azure.ai.ml.entities');
  return `${entities}.ComputeInstance(${kwargs([
    ['name', name],
    ['size', a.get('vm_size')],
    ['ssh_public_access_enabled', ssh],
    ['description', a.get('description')],
  ])})`;
}

/** The exception class of `except X:` / `except X as e:` (a name or dotted name). */
function exceptType(clause: SyntaxNode): SyntaxNode | undefined {
  let v: SyntaxNode | null | undefined = clause.childForFieldName('value') ?? clause.namedChildren[0];
  if (v?.type === 'as_pattern') v = v.namedChildren[0];
  return v && (v.type === 'identifier' || v.type === 'attribute') ? v : undefined;
}

/** The `try` statement and `except ComputeTargetException:` clause whose body or clause holds `node`. */
function computeTry(ctx: RuleContext, node: SyntaxNode): { tryStmt: SyntaxNode; clause: SyntaxNode; inBody: boolean } | undefined {
  let stmt: SyntaxNode | null = node;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  const block = stmt?.parent;
  const owner = block?.parent;
  const tryStmt = owner?.type === 'try_statement' ? owner : owner?.type === 'except_clause' ? owner.parent : undefined;
  if (block?.type !== 'block' || tryStmt?.type !== 'try_statement') return undefined;
  const clauses = tryStmt.namedChildren.filter((c) => c.type === 'except_clause');
  const clause = clauses.find((c) => {
    const v = exceptType(c);
    const e = v ? ctx.model.evaluate(v) : undefined;
    return e?.kind === 'ref' && e.qname === COMPUTE_EXCEPTION;
  });
  if (!clause) return undefined;
  return { tryStmt, clause, inBody: owner?.type === 'try_statement' };
}

/**
 * The DP-100 labs' creation inside a `try:` of its own in the `except ComputeTargetException:` clause
 * (`except ComputeTargetException:` / `try: config = ...; c = ComputeTarget.create(...); c.wait_for_completion(...)`
 * / `except Exception as ex: print(ex)`): the outer try, when every handler of the inner one is
 * bare, `Exception` or `BaseException` (they catch v2's errors alike).
 */
function nestedComputeTry(ctx: RuleContext, create: SyntaxNode): { tryStmt: SyntaxNode; clause: SyntaxNode; inBody: boolean } | undefined {
  let stmt: SyntaxNode | null = create;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  const inner = stmt?.parent?.parent;
  if (inner?.type !== 'try_statement' || !same(inner.childForFieldName('body') ?? undefined, stmt!.parent!) || narrowlyTried(create)) return undefined;
  if (inner.namedChildren.some((c) => c.type === 'else_clause' || c.type === 'finally_clause')) return undefined;
  const clause = inner.parent?.parent;
  const outer = clause?.parent;
  if (inner.parent?.type !== 'block' || clause?.type !== 'except_clause' || outer?.type !== 'try_statement') return undefined;
  const v = exceptType(clause);
  const e = v ? ctx.model.evaluate(v) : undefined;
  return e?.kind === 'ref' && e.qname === COMPUTE_EXCEPTION ? { tryStmt: outer, clause, inBody: false } : undefined;
}

/** The v1 references inside `node`. */
function v1Inside(ctx: RuleContext, node: SyntaxNode): SyntaxNode[] {
  return ctx.model.references.filter((r) => r.sdk === 'v1' && r.node.startIndex >= node.startIndex && r.node.endIndex <= node.endIndex).map((r) => r.call ?? r.node);
}

/** `X = ComputeTarget(workspace=ws, name=n)` / `AmlCompute(ws, n)`: the workspace and name. */
export function computeGetArgs(ctx: RuleContext, call: SyntaxNode): { ws?: SyntaxNode; name: SyntaxNode } | undefined {
  if (!COMPUTE_GETS.includes(qnameOf(ctx, call) ?? '')) return undefined;
  const a = bindArgs(call, ['workspace', 'name'], ['workspace', 'name']);
  const name = a?.get('name');
  return name && { ws: a!.get('workspace'), name };
}

/**
 * The `except ComputeTargetException` clause becomes `except ResourceNotFoundError` with the
 * get in its try body, provided nothing else in the body is v1 (it could still raise the v1 exception).
 */
function tryEdits(fb: FixBuilder, ctx: RuleContext, found: { tryStmt: SyntaxNode; clause: SyntaxNode }, ml: string, variable: string, client: ClientFor): Edits | undefined {
  const body = found.tryStmt.childForFieldName('body');
  if (!body) return undefined;
  const edits: Edits = [];
  for (const node of v1Inside(ctx, body)) {
    // `cluster.update(...)` of the cluster just got: one of its uses, which the caller rewrites
    // (clusterMember) or refuses. (v1 would take a failed update for a missing cluster and create it;
    // v2's error propagates: an error path only.)
    const fn = node.type === 'call' ? node.childForFieldName('function') : undefined;
    const on = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    if (on?.type === 'identifier' && on.text === variable && fn!.childForFieldName('attribute')?.text === 'update' && node.parent?.type === 'expression_statement') continue;
    const get = node.type === 'call' ? computeGetArgs(ctx, node) : undefined;
    if (!get || assignedName(node)?.text !== variable || client(get.ws) !== ml) return undefined;
    edits.push([node, `${ml}.compute.get(${get.name.text})`]);
  }
  const value = exceptType(found.clause);
  if (!edits.length || !value) return undefined;
  edits.push([value, fb.need('azure.core.exceptions', 'ResourceNotFoundError')]);
  return edits;
}

/** The uses of a compute variable and of the other bindings of its name in the same try statement. */
function computeUses(ctx: RuleContext, target: SyntaxNode, tryStmt: SyntaxNode | undefined): SyntaxNode[] {
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  const mine = list.filter((b) => same(b.node, target) || (tryStmt && b.node.startIndex >= tryStmt.startIndex && b.node.endIndex <= tryStmt.endIndex));
  return mine.flatMap((b) => [...(ctx.model.uses.get(b) ?? [])]);
}

/** The whole get-or-create rewrite around `ComputeTarget.create(ws, name, config)`. */
function creationEdits(fb: FixBuilder, ctx: RuleContext, create: SyntaxNode, client: ClientFor): Edits | undefined {
  const a = bindArgs(create, ['workspace', 'name', 'provisioning_configuration'], ['workspace', 'name', 'provisioning_configuration']);
  const name = a?.get('name');
  const config = a?.get('provisioning_configuration');
  const ml = client(a?.get('workspace'));
  if (!name || !config || !ml) return undefined;
  const edits: Edits = [];
  let prov: SyntaxNode | undefined = config;
  if (config.type === 'identifier') {
    prov = definingCall(ctx, config);
    const target = prov && assignedName(prov);
    // The configuration is used only here, and the name means the same where it is made.
    if (!prov || !target || usesOf(ctx, target).length !== 1 || (literalText(name) === undefined && (name.type !== 'identifier' || ctx.model.resolveName(name.text, name) !== ctx.model.resolveName(name.text, prov)))) return undefined;
  }
  const kind = qnameOf(ctx, prov);
  const entity = kind === PROVISIONING ? amlComputeEntity(fb, prov!, name, ml) : kind === CI_PROVISIONING ? computeInstanceEntity(fb, prov!, name) : undefined;
  if (!entity) return undefined;
  if (config.type === 'identifier') edits.push([prov!, entity]);

  // The cluster variable: waits become a print of the state (the poller's result() waited).
  const target = assignedName(create);
  if (!target && create.parent?.type !== 'expression_statement') return undefined;
  const found = computeTry(ctx, create) ?? nestedComputeTry(ctx, create);
  if (found?.inBody) return undefined;
  let timeout: string | undefined;
  for (const use of target ? computeUses(ctx, target, found?.tryStmt) : []) {
    const m = memberOf(use);
    if (!m) {
      const arg = computeArg(ctx, use);
      if (arg === undefined) return undefined;
      edits.push(...arg);
      continue;
    }
    const member = clusterMember(ctx, use, m, ml);
    if (member) {
      edits.push(...member);
      continue;
    }
    if (m.name !== 'wait_for_completion' || !m.call || m.call.parent?.type !== 'expression_statement' || qnameOf(ctx, m.call) !== WAIT) return undefined;
    const w = bindArgs(m.call, ['show_output', 'min_node_count', 'timeout_in_minutes'], ['show_output', 'min_node_count', 'timeout_in_minutes']);
    const minutes = w?.get('timeout_in_minutes');
    const nodes = w?.get('min_node_count');
    // A node count waits for that many nodes to be allocated, which v2 cannot wait for: dropped, review-marked (see the header).
    const waitsForNodes = !!nodes && nodes.text !== 'None';
    // A silent wait (`wait_for_completion()`, v1's default show_output=False) prints nothing: its
    // statement goes (the poller's result() waited), when its block keeps another statement.
    const silent = !!w && (!w.has('show_output') || w.get('show_output')!.text === 'False');
    if (!w || (!silent && w.get('show_output')?.text !== 'True') || (waitsForNodes && (silent || nodes!.type !== 'integer' || !endsBare(ctx, m.call.parent!)))) return undefined;
    if (minutes) {
      // LROPoller.result(timeout) waits that many seconds, then returns the resource as it is.
      if (minutes.type !== 'integer' || timeout !== undefined) return undefined;
      timeout = String(Number(minutes.text) * 60);
    }
    if (silent) {
      const waitStmt = m.call.parent!;
      const gone = waitStmt.parent && waitStmt.parent.namedChildren.filter((c) => c.type !== 'comment').length > 1 ? statementLines(ctx, waitStmt) : undefined;
      if (!gone) return undefined;
      edits.push([gone, '']);
      continue;
    }
    edits.push([m.call, `print(${use.text}.provisioning_state)${waitsForNodes ? REVIEW : ''}`]);
  }
  edits.push([create, `${ml}.compute.begin_create_or_update(${config.type === 'identifier' ? config.text : entity}).result(${timeout ? `timeout=${timeout}` : ''})`]);
  if (found && target) {
    const more = tryEdits(fb, ctx, found, ml, target.text, client);
    if (!more) return undefined;
    edits.push(...more);
  }
  return edits;
}

/** The create call of the pattern that `node` (a provisioning call, a wait, a get) belongs to. */
function createFor(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  // provisioning_configuration(...) passed to create, inline or through one variable.
  const target = assignedName(node);
  const arg = target ? usesOf(ctx, target)[0] : node;
  const call = arg?.parent?.type === 'argument_list' ? arg.parent.parent : arg?.parent?.type === 'keyword_argument' ? arg.parent.parent?.parent : undefined;
  return call && CREATES.includes(qnameOf(ctx, call) ?? '') ? call : undefined;
}

function computeGet(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, client: ClientFor): Edits | undefined {
  const get = computeGetArgs(ctx, call);
  const target = assignedName(call);
  if (!get) return undefined;
  const found = computeTry(ctx, call);
  if (found?.inBody && target) {
    // The create in the except clause, when there is one: the whole pattern at once.
    const create = found.clause.descendantsOfType('call').find((c) => CREATES.includes(qnameOf(ctx, c) ?? '') && assignedName(c)?.text === target.text);
    // (Its edits must include this get: a creation not tied to this try would leave it v1.)
    if (create) {
      const e = creationEdits(fb, ctx, create, client);
      return e?.some(([n]) => same(n, call)) ? e : undefined;
    }
    // No create: the clause must not hold v1 code that would rebind the variable (its own
    // `ComputeTargetException`, which tryEdits rewrites, is not such code).
    const caught = exceptType(found.clause);
    if (v1Inside(ctx, found.clause).some((n) => !caught || n.startIndex < caught.startIndex || n.endIndex > caught.endIndex)) return undefined;
    // Nor bind it to anything but None (a helper's result may be a v1 cluster the uses would misread).
    const rebinds = found.clause.descendantsOfType('assignment').some((a) => {
      const left = a.childForFieldName('left');
      return left?.type === 'identifier' && left.text === target?.text && a.childForFieldName('right')?.type !== 'none';
    });
    if (rebinds) return undefined;
  } else if (found) return undefined;
  const ml = client(get.ws);
  const up = !target && !found ? inlineUpdate(ctx, call) : undefined;
  if (ml && up) return inlineUpdateEdits(ctx, up, ml, get.name);
  if (!ml || (!target && call.parent?.type !== 'expression_statement')) return undefined;
  const more = target ? computeUseEdits(ctx, target, found?.tryStmt, ml) : [];
  if (!more) return undefined;
  const edits = found ? tryEdits(fb, ctx, found, ml, target!.text, client) : [[call, `${ml}.compute.get(${get.name.text})`] as [SyntaxNode, string]];
  return edits && [...edits, ...more];
}

/** `n in X` / `n not in X` with `node` as X. */
function inTest(node: SyntaxNode): boolean {
  const p = node.parent;
  return p?.type === 'comparison_operator' && p.namedChildren.length === 2 && same(p.namedChildren[1], node) && /^\s*(not\s+)?in\s*$/.test(p.text.slice(p.namedChildren[0].endIndex - p.startIndex, node.startIndex - p.startIndex));
}

/** A dict read only for its keys: iterated, tested with `in`, `len(d)`, `d.keys()`. */
export function keysOnly(ctx: RuleContext, node: SyntaxNode): boolean {
  const p = node.parent;
  if (p?.type === 'for_statement' && same(p.childForFieldName('right'), node)) return true;
  if (inTest(node)) return true;
  const holder = p?.type === 'argument_list' && p.namedChildren.length === 1 ? p.parent : undefined;
  const fn = holder?.childForFieldName('function');
  if (fn?.type === 'identifier' && ['len', 'list', 'sorted', 'set'].includes(fn.text) && !ctx.model.resolveName(fn.text, holder!)) return true;
  const m = memberOf(node);
  return !!m && m.name === 'keys' && !!m.call && noArgs(m.call);
}

/**
 * The name → compute dict `ws.compute_targets` on the client `x`: `ws.compute_targets[n]` →
 * `x.compute.get(n)` (a v2 Compute: only its `name` reads the same); `n in ws.compute_targets` →
 * a test on the listed names; read only for its names (iterated, `in`, `len`, `keys()`), directly or
 * through a variable → the dict of the listed computes by name (COMP: compute.list). The edit, or undefined.
 */
function computeTargetsEdit(ctx: RuleContext, attr: SyntaxNode, x: string): Edits | undefined {
  const parent = attr.parent;
  const key = parent?.type === 'subscript' && same(parent.childForFieldName('value'), attr) ? parent.childForFieldName('subscript') : undefined;
  if (key) {
    if (parent!.namedChildren.length !== 2) return undefined;
    // Assigned: its uses as an existing compute (the tutorial's `type(c) is AmlCompute` test too).
    const target = assignedName(parent!);
    const uses = target ? computeUseEdits(ctx, target, undefined, x) : computeFree(ctx, parent!) ? [] : undefined;
    return uses && [[parent!, `${x}.compute.get(${key.text})`], ...uses];
  }
  if (inTest(attr)) return [[attr, `[c.name for c in ${x}.compute.list()]`]];
  const target = assignedName(attr);
  if (!target) {
    const loop = keysOnly(ctx, attr) ? [] : computeLoopEdits(ctx, attr, x);
    return loop && [[attr, `{c.name: c for c in ${x}.compute.list()}`], ...loop];
  }
  // (The variable's uses kept as they are: their findings offer this fix too.)
  const edits: Edits = [[attr, `{c.name: c for c in ${x}.compute.list()}`]];
  for (const u of usesOf(ctx, target)) {
    const more = keysOnly(ctx, u) ? [] : dictValueEdits(ctx, u, x) ?? computeLoopEdits(ctx, u, x);
    if (!more) return undefined;
    edits.push([u, u.text], ...more);
  }
  return edits;
}

/**
 * `for k, v in d.items():` / `for v in d.values():` of a compute dict `d` (v1's docs' "list compute
 * targets" loop, `for name, ct in ws.compute_targets.items(): print(name, ct.type, ct.provisioning_state)`):
 * the same dict built from v2's `compute.list()` (ComputeOperations.list), each value a v2 Compute used
 * as an existing compute (computeUseEdits: `name`/`provisioning_state` alike, `type` printed alone with
 * a review mark, a type test, ...); undefined for any other use.
 */
function computeLoopEdits(ctx: RuleContext, d: SyntaxNode, x: string): Edits | undefined {
  const value = dictLoopValue(d);
  return value && computeUseEdits(ctx, value, undefined, x);
}

/** v1 compute type names and the v2 `Compute.type` of the same kind (azure.ai.ml.constants.ComputeType). */
const COMPUTE_TYPES: Record<string, string> = { AmlCompute: 'amlcompute', ComputeInstance: 'computeinstance' };

/**
 * `d[k]` of a compute dict `d` (now of v2 Computes): read for `name`; `d[k].type == "AmlCompute"`
 * with the v2 type name; assigned to a variable used as an existing compute (computeUseEdits).
 */
function dictValueEdits(ctx: RuleContext, use: SyntaxNode, x: string): Edits | undefined {
  const sub = use.parent;
  if (sub?.type !== 'subscript' || !same(sub.childForFieldName('value'), use) || sub.namedChildren.length !== 2) return undefined;
  const m = memberOf(sub);
  if (m) {
    if (m.call) return undefined;
    if (m.name === 'name') return [];
    const cmp = m.attr.parent;
    const other = cmp?.type === 'comparison_operator' && cmp.namedChildren.length === 2 ? cmp.namedChildren.find((n) => !same(n, m.attr)) : undefined;
    const op = cmp && other ? cmp.text.slice(cmp.namedChildren[0].endIndex - cmp.startIndex, cmp.namedChildren[1].startIndex - cmp.startIndex).trim() : '';
    const v2 = other && COMPUTE_TYPES[stringValue(other) ?? ''];
    return m.name === 'type' && v2 && (op === '==' || op === '!=') ? [[other!, `"${v2}"`]] : undefined;
  }
  const target = assignedName(sub);
  return target && computeUseEdits(ctx, target, undefined, x);
}

/**
 * `except ComputeTargetException` of the get-or-create pattern: the fix of the get in the try body
 * (which rewrites the clause to `except ResourceNotFoundError`). Reached for names once the
 * engine looks them up in the attributes table (see the report); for dotted names today.
 */
const computeException: Builder = (fb, ref, ctx) => {
  let clause: SyntaxNode | null = ref.node.parent;
  while (clause && clause.type !== 'except_clause') clause = clause.type === 'as_pattern' ? clause.parent : null;
  const tryStmt = clause?.parent;
  const body = tryStmt?.type === 'try_statement' ? tryStmt.childForFieldName('body') : undefined;
  if (!clause || !body || !same(exceptType(clause), ref.node)) return undefined;
  const get = v1Inside(ctx, body).find((n) => n.type === 'call' && computeGetArgs(ctx, n));
  return get ? fb.sameFixAs(get) : undefined;
};

/** `ws.compute_targets`: with the whole workspace, else on the client of the same workspace. */
const computeTargets: Builder = (fb, ref, ctx) => {
  const ws = receiver(ref);
  const made = ws && definingCall(ctx, ws);
  if (made && producerEdits(fb, ctx, made)) return fb.sameFixAs(made);
  const c = workspaceClient(fb, ctx, ws);
  const e = c ? computeTargetsEdit(ctx, ref.node, c) : undefined;
  if (!e) return undefined;
  for (const [n, t] of e.slice(1)) fb.replace(n, t);
  if (same(e[0][0], ref.node)) return e[0][1];
  // `ws.compute_targets[n]`: the attribute becomes the call; `[n]` after it goes.
  fb.replace({ start: nodeRange(ref.node).end, end: nodeRange(e[0][0]).end }, '');
  return e[0][1];
};

/**
 * `cts[n].type` of `cts = ws.compute_targets`: the fix of that read, which compares the type with
 * the v2 name (dictValueEdits) and keeps this read.
 */
const computeType: Builder = (fb, ref, ctx) => {
  let x = receiver(ref);
  if (x?.type === 'subscript') x = x.childForFieldName('value') ?? undefined;
  const right = x?.type === 'identifier' ? assignedFrom(ctx, x) : undefined;
  if (right?.type === 'attribute' && right.childForFieldName('attribute')?.text === 'compute_targets') return fb.sameFixAs(right);
  // `c.type` shown, `c` a compute got or made (clusterMember marks the print for review).
  return readOfLookup(fb, ref, ctx);
};

/**
 * A compute variable used as a value: as it is, but for `compute_target=c` of a v1 call, which
 * gets `c.name` (v1 job, step and AutoML configurations take a compute target or its name); any
 * other v1 call receiving it: undefined (it would get a v2 Compute).
 */
function computeArg(ctx: RuleContext, use: SyntaxNode): Edits | undefined {
  // `rc.target = c` of a v1 RunConfiguration: its setter keeps `c.name` (azureml-core runconfig.py).
  if (runConfigTarget(ctx, use)) return [[use, `${use.text}.name`]];
  if (!passedToV1Call(ctx, use)) return handedOn(use) ? undefined : [];
  const kw = use.parent?.type === 'keyword_argument' ? use.parent : undefined;
  return kw?.childForFieldName('name')?.text === 'compute_target' ? [[use, `${use.text}.name`]] : undefined;
}

/** `use` is the value assigned to a v1 RunConfiguration's `target` (`rc.target = c`, `src.run_config.target = c`). */
function runConfigTarget(ctx: RuleContext, use: SyntaxNode): boolean {
  const p = use.parent;
  const left = p?.type === 'assignment' && same(p.childForFieldName('right'), use) ? p.childForFieldName('left') : undefined;
  const v = left?.type === 'attribute' ? ctx.model.evaluate(left) : undefined;
  return v?.kind === 'ref' && sdkOf(v) === 'v1' && /(RunConfiguration|run_config)\.target$/.test(v.qname);
}

/**
 * `type(c) is AmlCompute` / `type(c) == AmlCompute` (and `is not`, `!=`), `isinstance(c, AmlCompute)`
 * of a compute `c` that becomes a v2 Compute: its `type`, "amlcompute" for a cluster
 * (azure.ai.ml.constants.ComputeType.AMLCOMPUTE;
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.amlcompute). Undefined for any other test.
 */
function typeTest(ctx: RuleContext, use: SyntaxNode): [SyntaxNode, string] | undefined {
  const call = use.parent!.parent!;
  const fn = call.childForFieldName('function')!.text;
  const isAml = (n: SyntaxNode | undefined): boolean => {
    const v = n ? ctx.model.evaluate(n) : undefined;
    return v?.kind === 'ref' && v.qname === AML_COMPUTE;
  };
  const args = callArgs(call);
  if (fn === 'isinstance') return args.positional.length === 2 && !args.keywords.size && same(args.positional[0], use) && isAml(args.positional[1]) ? [call, `${use.text}.type == "amlcompute"`] : undefined;
  const cmp = call.parent;
  if (args.positional.length !== 1 || cmp?.type !== 'comparison_operator' || cmp.namedChildren.length !== 2 || !same(cmp.namedChildren[0], call) || !isAml(cmp.namedChildren[1])) return undefined;
  const op = cmp.text.slice(call.endIndex - cmp.startIndex, cmp.namedChildren[1].startIndex - cmp.startIndex).trim().replace(/\s+/g, ' ');
  const v2 = ({ is: '==', '==': '==', 'is not': '!=', '!=': '!=' } as Record<string, string>)[op];
  return v2 ? [cmp, `${use.text}.type ${v2} "amlcompute"`] : undefined;
}

/**
 * `AmlCompute` in a type test of a compute variable (`type(c) is AmlCompute`): the fix of the
 * lookup or creation that made `c` (it rewrites the test, see typeTest).
 */
const amlComputeTested: Builder = (fb, ref, ctx) => {
  let n: SyntaxNode | null = ref.node.parent;
  if (n?.type === 'argument_list') n = n.parent;
  const call = n?.type === 'call' ? n : n?.type === 'comparison_operator' ? n.namedChildren[0] : undefined;
  const arg = call?.type === 'call' ? callArgs(call).positional[0] : undefined;
  return arg?.type === 'identifier' && typeTested(ctx, arg) ? producerOfCompute(fb, ctx, arg) : undefined;
};

/** The fix of what made the compute variable `x`: a get, a creation, or `ws.compute_targets[n]`. */
function producerOfCompute(fb: FixBuilder, ctx: RuleContext, x: SyntaxNode): string | undefined {
  const right = assignedFrom(ctx, x);
  if (right?.type === 'call' && [...CREATES, ...COMPUTE_GETS].includes(qnameOf(ctx, right) ?? '')) return fb.sameFixAs(right);
  const dict = right?.type === 'subscript' ? right.childForFieldName('value') : undefined;
  return dict?.type === 'attribute' && dict.childForFieldName('attribute')?.text === 'compute_targets' ? fb.sameFixAs(dict) : undefined;
}

/** `c.status.serialize()` of a compute variable: the fix of what made it (clusterMember rewrites the print that shows it). */
const clusterStatus: Builder = (fb, ref, ctx) => {
  const status = receiver(ref);
  const x = status?.type === 'attribute' ? status.childForFieldName('object') : undefined;
  return x?.type === 'identifier' ? producerOfCompute(fb, ctx, x) : undefined;
};

/** A method call on a compute variable (`c.delete()`, `c.get_status()`): the fix of what made it (clusterMember rewrites the call). */
const clusterUse: Builder = (fb, ref, ctx) => {
  const x = receiver(ref);
  if (x?.type === 'call' && inlineUpdate(ctx, x)) return consumerFix(fb, ctx, x, ref.call!, workspaceArg(x));
  return x?.type === 'identifier' ? producerOfCompute(fb, ctx, x) : undefined;
};

/**
 * `ComputeTarget(ws, name).update(...)` / `AmlCompute(ws, name).update(...)`: the cluster got and
 * updated in one statement alone on its lines, not in a try with a narrow handler (the DP-100-style "set the idle time"
 * cell). The update call, when the shape holds.
 */
function inlineUpdate(ctx: RuleContext, call: SyntaxNode): SyntaxNode | undefined {
  const attr = call.parent;
  const up = attr?.type === 'attribute' && same(attr.childForFieldName('object'), call) && attr.childForFieldName('attribute')?.text === 'update' ? attr.parent : undefined;
  const stmt = up?.type === 'call' ? up.parent : undefined;
  // (in a try, only under broad handlers: v2's ResourceNotFoundError/HttpResponseError is caught as v1's ComputeTargetException was)
  if (stmt?.type !== 'expression_statement' || ownLineIndent(ctx, stmt) === undefined || narrowlyTried(stmt)) return undefined;
  return [COMPUTE_TARGET, AML_COMPUTE].includes(qnameOf(ctx, call) ?? '') ? up! : undefined;
}

/**
 * The edit of inlineUpdate's statement (`up`, its update call): the cluster got into a new name
 * (COMP: `compute.get`), then the update's lines (updateLines). Undefined when updateLines refuses
 * or no name is free.
 */
function inlineUpdateEdits(ctx: RuleContext, up: SyntaxNode, ml: string, name: SyntaxNode): Edits | undefined {
  const x = ['cluster', 'compute_cluster', 'aml_cluster'].find((n) => !ctx.model.scopes.some((sc) => sc.bindings.has(n)));
  const lines = x ? updateLines(up, x, ml) : undefined;
  // (inlineUpdate checked that the statement has lines of its own: its indent is defined.)
  return lines && [[up, [`${x} = ${ml}.compute.get(${name.text})`, ...lines].join(`\n${statementIndent(ctx, up.parent!)!}`)]];
}

/** v1 `AmlCompute.update(min_nodes, max_nodes, idle_seconds_before_scaledown)` → the v2 AmlCompute fields (COMP). */
const CLUSTER_FIELDS: Record<string, string> = { min_nodes: 'min_instances', max_nodes: 'max_instances', idle_seconds_before_scaledown: 'idle_time_before_scale_down' };

/**
 * The v2 lines of `x.update(...)` (`call`) on the client `ml`: the update's fields set on the entity `x`
 * (CLUSTER_FIELDS), then `compute.begin_update(x).result()` (v1's update returns once the cluster is
 * updated). Undefined when there is no argument, an argument has no field, or one is a string (a string
 * idle time is not the v2 int; a value is read where it is written, not re-evaluated).
 */
function updateLines(call: SyntaxNode, x: string, ml: string): string[] | undefined {
  const a = bindArgs(call, Object.keys(CLUSTER_FIELDS), Object.keys(CLUSTER_FIELDS));
  if (!a || !a.size || [...a.values()].some((v) => v.type === 'string')) return undefined;
  const sets = Object.keys(CLUSTER_FIELDS).filter((k) => a.has(k)).map((k) => `${x}.${CLUSTER_FIELDS[k]} = ${a.get(k)!.text}`);
  return [...sets, `${ml}.compute.begin_update(${x}).result()`];
}

/**
 * `ci.start()` / `.stop()` / `.restart()` of a compute instance: on a variable, the fix of what made
 * it (clusterMember rewrites the call); on `ComputeInstance(ws, name)` itself, a statement, the
 * operation on the workspace's client by name (powerCall), no entity fetched.
 */
const instancePower: Builder = (fb, ref, ctx) => {
  const x = receiver(ref);
  if (x?.type === 'identifier') return producerOfCompute(fb, ctx, x);
  if (x?.type !== 'call' || qnameOf(ctx, x) !== COMPUTE_INSTANCE || ref.call?.parent?.type !== 'expression_statement') return undefined;
  const a = bindArgs(x, ['workspace', 'name'], ['workspace', 'name']);
  const name = a?.get('name');
  const method = ref.call.childForFieldName('function')?.childForFieldName('attribute')?.text ?? '';
  if (!a?.get('workspace') || !name || !powerCall(ctx, ref.call, method, name.text, 'ml_client')) return undefined;
  const c = clientOf(fb, ctx, a.get('workspace'));
  const v2 = c && powerCall(ctx, ref.call, method, name.text, c.ml);
  return c && v2 ? combined(fb, ref.call, [[ref.call, v2], ...c.edits]) : undefined;
};

/** `ComputeInstance(ws, name)` whose only use is a start/stop/restart statement: that call's fix (instancePower). */
function poweredInstance(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): string | undefined {
  const update = inlineUpdate(ctx, call);
  if (update) return fb.sameFixAs(update);
  const attr = call.parent;
  const outer = attr?.type === 'attribute' && same(attr.childForFieldName('object'), call) && POWER.includes(attr.childForFieldName('attribute')?.text ?? '') ? attr.parent : undefined;
  return outer?.type === 'call' && outer.parent?.type === 'expression_statement' && qnameOf(ctx, call) === COMPUTE_INSTANCE ? fb.sameFixAs(outer) : undefined;
}

/**
 * The uses of an existing compute (a v2 `Compute` from `compute.get`): `name` and
 * `provisioning_state` read the same; `c.delete()` → `compute.begin_delete(c.name).result()`
 * (COMP; v1 delete returns once deleted); any other v1 member (get_status, update...) differs.
 */
export function computeUseEdits(ctx: RuleContext, target: SyntaxNode, tryStmt: SyntaxNode | undefined, ml: string): Edits | undefined {
  const edits: Edits = [];
  for (const u of computeUses(ctx, target, tryStmt)) {
    const m = memberOf(u);
    if (!m && typeTested(ctx, u)) {
      const t = typeTest(ctx, u);
      if (!t) return undefined;
      edits.push(t);
      continue;
    }
    if (!m) {
      const arg = computeArg(ctx, u);
      if (arg === undefined) return undefined;
      edits.push(...arg);
      continue;
    }
    const member = clusterMember(ctx, u, m, ml);
    if (!member) return undefined;
    edits.push(...member);
  }
  return edits;
}

/** v1 ComputeInstance methods with a v2 ComputeOperations counterpart (begin_start/begin_stop/begin_restart). */
const POWER = ['start', 'stop', 'restart'];

/**
 * `ci.start/stop/restart(wait_for_completion=False, show_output=False)` of a v1 ComputeInstance (a
 * statement) → `ml.compute.begin_<m>(name)`, `.result()` when v1 waits (a literal True): ComputeOperations
 * begin_start/begin_stop/begin_restart(name) return an LROPoller
 * (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.computeoperations). v1's
 * show_output only prints progress: dropped, as for wait_for_completion. A computed flag: undefined.
 * (v1 raises ComputeTargetException for a state that does not allow the operation, v2 the service's
 * error: an error path only. Signature: azureml-core computeinstance.py start/stop/restart.)
 */
function powerCall(ctx: RuleContext, call: SyntaxNode, method: string, name: string, ml: string): string | undefined {
  const a = bindArgs(call, ['wait_for_completion', 'show_output'], ['wait_for_completion', 'show_output']);
  const flag = (k: string): boolean | undefined => {
    const v = a?.get(k);
    return !v ? false : v.type === 'true' ? true : v.type === 'false' ? false : undefined;
  };
  const wait = flag('wait_for_completion');
  if (!a || wait === undefined || flag('show_output') === undefined) return undefined;
  return `${ml}.compute.begin_${method}(${name})${wait ? '.result()' : ''}`;
}

/**
 * A use of a cluster that is a v2 `AmlCompute` once rewritten (COMP: ComputeOperations), on the
 * client `ml`: `name`/`provisioning_state` read the same; `c.delete()` → `compute.begin_delete(c.name).result()`
 * (v1 delete returns once deleted); `c.list_nodes()` shown → `compute.list_nodes(c.name)` (the
 * nodes as AmlComputeNodeInfo, v1 dicts); `c.update(min_nodes=, max_nodes=, idle_seconds_before_scaledown=)`
 * → those fields set on the entity (min_instances, max_instances, idle_time_before_scale_down)
 * and `compute.begin_update(c).result()`. Undefined for anything else: `get_status()` (the v2
 * entity has no node counts or allocation state), `serialize()`, `get()`, `detach()`...
 */
function clusterMember(ctx: RuleContext, use: SyntaxNode, m: { attr: SyntaxNode; name: string; call?: SyntaxNode }, ml: string): Edits | undefined {
  const x = use.text;
  if ((m.name === 'name' || m.name === 'provisioning_state') && !m.call) return [[m.attr, m.attr.text]];
  if (m.name === 'type' && !m.call) {
    // Printed (`print(c.name, ':', c.type)`, DP-100 lab 01): v2's type is the REST compute type
    // lower-cased ("amlcompute" for v1's "AmlCompute": azure-ai-ml entities/_compute/compute.py),
    // so the line prints another spelling: kept, marked for review, like `get_status()` shown.
    const close = printedAlone(ctx, m.attr);
    return close && [[m.attr, m.attr.text], [close, `)${REVIEW}`]];
  }
  const status = m.name === 'get_status' && m.call && noArgs(m.call) ? m.call : m.name === 'status' && !m.call ? m.attr : undefined;
  if (status) {
    // Shown (`print(c.get_status().serialize())`): the v2 entity as it is now, fetched again
    // (COMP: compute.get); it has no node counts or allocation state, hence the review mark.
    // `c.status` (`print(c.status.serialize())`) is the AmlComputeStatus get_status() returns after
    // refreshing it (azureml-core compute/amlcompute.py get_status: `self.refresh_state()`, `self.status`).
    const ser = memberOf(status);
    const value = ser ? (ser.name === 'serialize' && ser.call && noArgs(ser.call) ? ser.call : undefined) : status;
    const stmt = value && shown(ctx, value) ? (value.parent?.type === 'expression_statement' ? value.parent : value.parent!.parent!.parent) : undefined;
    if (!value || stmt?.type !== 'expression_statement' || !endsBare(ctx, stmt)) return undefined;
    const v2 = `${ml}.compute.get(${x}.name)`;
    return [[stmt, `${stmt.text.slice(0, value.startIndex - stmt.startIndex)}${v2}${stmt.text.slice(value.endIndex - stmt.startIndex)}${REVIEW}`]];
  }
  if (!m.call) return undefined;
  const statement = m.call.parent?.type === 'expression_statement';
  if (m.name === 'delete' && noArgs(m.call) && statement) return [[m.call, `${ml}.compute.begin_delete(${x}.name).result()`]];
  if (POWER.includes(m.name) && statement) {
    const v2 = powerCall(ctx, m.call, m.name, `${x}.name`, ml);
    return v2 === undefined ? undefined : [[m.call, v2]];
  }
  if (m.name === 'list_nodes' && noArgs(m.call) && shown(ctx, m.call)) return [[m.call, `${ml}.compute.list_nodes(${x}.name)`]];
  if (m.name === 'update' && statement) {
    const lines = updateLines(m.call, x, ml);
    const indent = lines && statementIndent(ctx, m.call.parent!);
    return lines && indent !== undefined ? [[m.call, lines.join(`\n${indent}`)]] : undefined;
  }
  return undefined;
}


/**
 * `value` is an argument of a `print(...)` statement that nothing follows on its line: the closing
 * parenthesis, after which a review mark goes (a value v2 spells otherwise, only shown).
 */
function printedAlone(ctx: RuleContext, value: SyntaxNode): SyntaxNode | undefined {
  // Also a plain f-string field of a print's argument (`print(f"{c.name}: {c.type}")`, shown as str() is).
  const field = value.parent?.type === 'interpolation' && value.parent.namedChildren.length === 1 ? value.parent : undefined;
  const args = field ? (field.parent?.type === 'string' ? field.parent.parent : undefined) : value.parent;
  const print = args?.type === 'argument_list' ? args.parent : undefined;
  const close = args?.lastChild;
  const stmt = print?.parent;
  if (!print || !close || close.type !== ')' || print.childForFieldName('function')?.text !== 'print' || ctx.model.resolveName('print', print) !== undefined) return undefined;
  return stmt?.type === 'expression_statement' && stmt.endIndex === print.endIndex && endsBare(ctx, stmt) ? close : undefined;
}

/**
 * Nothing at all follows the statement on its line, not even a comment (common.ts endsLine allows
 * one): the review mark or the statement appended after it stays the only comment.
 */
function endsBare(ctx: RuleContext, stmt: SyntaxNode): boolean {
  const text = ctx.module.text;
  const end = text.indexOf('\n', stmt.endIndex);
  return /^[ \t]*\r?$/.test(text.slice(stmt.endIndex, end < 0 ? text.length : end));
}

/**
 * A lookup written inline as an argument of a v1 call (`PipelineData("m", datastore=ws.get_default_datastore())`):
 * the fix of the nearest such call, which the engine offers only when that fix rewrites the lookup's code.
 */
function enclosingV1Fix(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): string | undefined {
  // The receiver of a v1 method call (`ws.get_default_datastore().upload_files(...)`: data.ts rewrites the upload whole).
  const m = memberOf(call);
  const mq = m?.call && qnameOf(ctx, m.call);
  if (mq && sdkOf({ kind: 'ref', qname: mq }) === 'v1') return fb.sameFixAs(m!.call!);
  for (let n = call.parent; n && n.type !== 'block' && n.type !== 'module' && !n.type.endsWith('statement'); n = n.parent) {
    if (n.type === 'argument_list' && n.parent?.type === 'call') {
      const q = qnameOf(ctx, n.parent);
      if (q && sdkOf({ kind: 'ref', qname: q }) === 'v1') return fb.sameFixAs(n.parent);
    }
  }
  return undefined;
}

/** The workspace argument of a TAKES_CLIENT call (the first parameter of each, named `workspace`). */
function workspaceArg(call: SyntaxNode): SyntaxNode | undefined {
  const a = callArgs(call);
  return a.keywords.get('workspace') ?? a.positional[0];
}

export const WORKSPACE: Rewrites = {
  calls: {
    'azureml.core.Workspace.from_config': (fb, ref, ctx) => unusedWorkspace(fb, ctx, ref.call!) ?? combined(fb, ref.call!, fromConfigEdits(fb, ctx, ref.call!)) ?? idiomFix(fb, ctx, ref.call!, assignedName(ref.call!)),
    'azureml.core.Workspace.get': (fb, ref, ctx) => combined(fb, ref.call!, workspaceCtorEdits(fb, ctx, ref.call!)),
    'azureml.core.Workspace': (fb, ref, ctx) => combined(fb, ref.call!, workspaceCtorEdits(fb, ctx, ref.call!)),
    [WORKSPACE_CREATE]: (fb, ref, ctx) => combined(fb, ref.call!, workspaceCreateEdits(fb, ctx, ref.call!)),
    'azureml.core.Workspace.get_default_datastore': (fb, ref, ctx) => {
      const ws = receiver(ref);
      if (!ws || !noArgs(ref.call!)) return undefined;
      const whole = combined(fb, ref.call!, producerEdits(fb, ctx, definingCall(ctx, ws)));
      if (whole) return whole;
      const c = clientOf(fb, ctx, ws);
      return (c && !c.edits.length ? combined(fb, ref.call!, datastoreEdits(ctx, ref.call!, c.ml, undefined)) : undefined) ?? enclosingV1Fix(fb, ctx, ref.call!);
    },
    ...Object.fromEntries(['azureml.core.Datastore.get_default', 'azureml.core.Datastore.get', 'azureml.core.Datastore', 'azureml.core.Dataset.get_by_name', ...COMPUTE_GETS, ...CREATES, SUPPORTED_VMSIZES].map((q): [string, Builder] => [
      q,
      (fb, ref, ctx) => poweredInstance(fb, ctx, ref.call!) ?? consumerFix(fb, ctx, ref.call!, ref.call!, workspaceArg(ref.call!)) ?? (COMPUTE_GETS.includes(q) ? enclosingV1Fix(fb, ctx, ref.call!) : undefined),
    ])),
    'azureml.core.Workspace.get_mlflow_tracking_uri': workspaceMethod('get_mlflow_tracking_uri'),
    ...Object.fromEntries(Object.keys(AUTH_CLASSES).map((q) => [q, authentication])),
    ...Object.fromEntries(Object.keys(AUTH_CLASSES).map((q) => [`${q}.get_authentication_header`, authenticationHeader])),
    'azureml.core.Workspace.get_details': workspaceMethod('get_details'),
    [WRITE_CONFIG]: (fb, ref, ctx) => {
      if (!writeConfigArgs(ctx, ref.call!)) return undefined;
      const ws = receiver(ref);
      const made = ws && definingCall(ctx, ws);
      const whole = made && combined(fb, ref.call!, producerEdits(fb, ctx, made));
      if (whole) return whole;
      const c = workspaceClient(fb, ctx, ws);
      return c ? combined(fb, ref.call!, writeConfigEdits(fb, ctx, ref.call!, c)) : undefined;
    },
    'azureml.core.Workspace.datasets.get': workspaceDatasetGet,
    'azureml.core.Workspace.models.get': workspaceModelGet,
    // `ws.models.items()` / `d.items()` of `d = ws.models` in a loop: the dict's fix (modelDictEdits).
    ...Object.fromEntries(['items', 'values'].map((m): [string, Builder] => [`azureml.core.Workspace.models.${m}`, modelDictMethod])),
    // `ws.datastores.items()` / `d.items()` of `d = ws.datastores` in a loop: likewise (datastoreDictEdits).
    ...Object.fromEntries(['items', 'values'].map((m): [string, Builder] => [`azureml.core.Workspace.datastores.${m}`, dictMethod('datastores')])),
    // `ws.compute_targets.items()` / `d.items()` of `d = ws.compute_targets` in a loop: likewise (computeLoopEdits).
    ...Object.fromEntries(['items', 'values'].map((m): [string, Builder] => [`azureml.core.Workspace.compute_targets.${m}`, dictMethod('compute_targets')])),
    ...Object.fromEntries([PROVISIONING, CI_PROVISIONING].map((q): [string, Builder] => [q, (fb, ref, ctx) => {
      const create = createFor(ctx, ref.call!);
      return create && consumerFix(fb, ctx, create, ref.call!, workspaceArg(create));
    }])),
    ...Object.fromEntries(['delete', 'update', 'list_nodes', 'get_status'].flatMap((m) => [`${COMPUTE_TARGET}.${m}`, `${AML_COMPUTE}.${m}`]).map((q) => [q, clusterUse])),
    // `c.stop()` / `start()` / `restart()` of `c = ComputeTarget(ws, name)` (v1 returns the ComputeInstance
    // subclass for an instance): the get's fix, each call `compute.begin_<op>(c.name)` (clusterMember, powerCall).
    ...Object.fromEntries(POWER.map((m): [string, Builder] => [`${COMPUTE_TARGET}.${m}`, clusterUse])),
    ...Object.fromEntries([COMPUTE_TARGET, AML_COMPUTE].map((c): [string, Builder] => [`${c}.status.serialize`, clusterStatus])),
    ...Object.fromEntries(POWER.map((m): [string, Builder] => [`${COMPUTE_INSTANCE}.${m}`, instancePower])),
    ...Object.fromEntries([WAIT, `${COMPUTE_INSTANCE}.wait_for_completion`].map((q): [string, Builder] => [q, (fb, ref, ctx) => {
      const x = receiver(ref);
      const create = x && definingCall(ctx, x);
      if (!create || !CREATES.includes(qnameOf(ctx, create) ?? '')) return undefined;
      // A silent wait goes with its lines (creationEdits): the creation's fix, which deletes them.
      const w = bindArgs(ref.call!, ['show_output', 'min_node_count', 'timeout_in_minutes'], ['show_output', 'min_node_count', 'timeout_in_minutes']);
      if (w && (!w.has('show_output') || w.get('show_output')!.text === 'False')) return fb.sameFixAs(create);
      return consumerFix(fb, ctx, create, ref.call!, workspaceArg(create));
    }])),
  },
  attributes: {
    ...Object.fromEntries(Object.keys(LOOKUPS).map((d) => [`azureml.core.Workspace.${d}`, workspaceLookup(d)])),
    'azureml.core.Workspace.compute_targets': computeTargets,
    'azureml.core.compute.ComputeTarget.type': computeType,
    [COMPUTE_EXCEPTION]: computeException,
    [AML_COMPUTE]: amlComputeTested,
    // (`Datastore.name` is data.ts's: the name asked for, or the default datastore's.)
    ...Object.fromEntries(['azureml.core.Datastore.account_name', 'azureml.core.Datastore.container_name', 'azureml.core.Datastore.datastore_type', 'azureml.core.compute.ComputeTarget.name', 'azureml.core.compute.ComputeTarget.provisioning_state', 'azureml.core.Environment.name', 'azureml.core.Environment.version', 'azureml.core.Model.name', 'azureml.core.Model.version', 'azureml.core.Model.id', 'azureml.core.Dataset.name', 'azureml.core.Dataset.version'].map((q) => [q, readOfLookup])),
    'azureml.core.Workspace.name': workspaceProperty('workspace_name', (ml) => `${ml}.workspace_name`),
    'azureml.core.Workspace.resource_group': workspaceProperty('resource_group', (ml) => `${ml}.resource_group_name`),
    'azureml.core.Workspace.subscription_id': workspaceProperty('subscription_id', (ml) => `${ml}.subscription_id`),
    'azureml.core.Run.experiment.workspace': jobWorkspace,
    'azureml.core.Run.experiment.workspace.name': jobWorkspaceProperty((ml) => `${ml}.workspace_name`),
    'azureml.core.Run.experiment.workspace.resource_group': jobWorkspaceProperty((ml) => `${ml}.resource_group_name`),
    'azureml.core.Run.experiment.workspace.subscription_id': jobWorkspaceProperty((ml) => `${ml}.subscription_id`),
    'azureml.core.Run.experiment.workspace.location': jobWorkspaceProperty((ml) => `${ml}.workspaces.get(${ml}.workspace_name).location`),
    'azureml.core.Workspace.location': workspaceProperty(undefined, (ml) => `${ml}.workspaces.get(${ml}.workspace_name).location`),
  },
};
