/**
 * Rewrites to SDK v2 of Workspace, compute, datastore and dataset APIs (AML101, AML105, AML106, AML107).
 * Each v2 shape is the one the migration guide documents (see the catalogue entry's URL).
 *
 * Some rewrites only make sense together (a workspace and the reads of its properties; the
 * get-or-create pattern of a compute cluster): their builders return one fix that edits every
 * piece, and each piece's finding offers that same fix.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf } from '../../engine/semantic/model';
import type { FixBuilder } from '../fixes';
import { bindArgs, definingCall, literalText, stringValue } from '../fixes';
import type { RuleContext } from '../rule';
import { assignedName, combined, kwargs, memberOf, noArgs, qnameOf, receiver, same, SHARED_FIX_LIMIT, usesOf, variableFree, type Builder, type Edits, type Rewrites } from './common';

const FROM_CONFIG = 'azureml.core.Workspace.from_config';
const WS_CLASS = 'azureml.core.Workspace';
const WORKSPACE_GET = 'azureml.core.Workspace.get';
const COMPUTE_TARGET = 'azureml.core.compute.ComputeTarget';
const AML_COMPUTE = 'azureml.core.compute.AmlCompute';
const CREATE = 'azureml.core.compute.ComputeTarget.create';
const PROVISIONING = 'azureml.core.compute.AmlCompute.provisioning_configuration';
const WAIT = 'azureml.core.compute.ComputeTarget.wait_for_completion';
const COMPUTE_EXCEPTION = 'azureml.core.compute_target.ComputeTargetException';

/** The statement runs unconditionally in its module or function (not under if/try/for/with). */
function straightLine(node: SyntaxNode): boolean {
  let stmt: SyntaxNode | null = node;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  const block = stmt?.parent;
  return block?.type === 'module' || (block?.type === 'block' && block.parent?.type === 'function_definition');
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
  if (q === WS_CLASS) return bindArgs(call, ['subscription_id', 'resource_group', 'workspace_name'], ['subscription_id', 'resource_group', 'workspace_name']);
  if (q !== WORKSPACE_GET) return undefined;
  const args = bindArgs(call, ['name', 'auth', 'subscription_id', 'resource_group'], ['name', 'subscription_id', 'resource_group']);
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
 * `ml_client` (as every other rewrite does). Undefined when the config file's client may name
 * another workspace (`Workspace(...)`, `Workspace.get(...)`, `from_config(path)`, any other call).
 */
export function clientOf(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode | undefined): Client | undefined {
  if (!ws) return undefined;
  const v = ctx.model.evaluate(ws);
  if (ws.type === 'identifier' && v?.kind === 'instance' && v.type === 'azure.ai.ml.MLClient' && sdkOf(v) === 'v2') return { ml: ws.text, edits: [] };
  const made = ws.type === 'call' ? ws : definingCall(ctx, ws);
  const edits = ws.type === 'identifier' ? producerEdits(fb, ctx, made) : undefined;
  // (Past SHARED_FIX_LIMIT edits the whole-workspace fix is the producer's alone: see combined.)
  if (edits && edits.length <= SHARED_FIX_LIMIT) return { ml: ws.text, edits };
  const q = qnameOf(ctx, made);
  if (q === FROM_CONFIG) return noArgs(made!) ? { ml: fb.mlClient(), edits: [] } : undefined;
  if (q === WS_CLASS || q === WORKSPACE_GET || made) return undefined;
  return { ml: fb.mlClient(), edits: [] };
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
function workspaceEdits(ctx: RuleContext, call: SyntaxNode, replacement: () => string): Edits | undefined {
  const target = assignedName(call);
  if (!target) return call.parent?.type === 'expression_statement' ? [[call, replacement()]] : undefined;
  // The uses' edits do not depend on the fix being built: once per producer and analysis.
  let memo = useEditsMemo.get(ctx.model);
  if (!memo) useEditsMemo.set(ctx.model, (memo = new Map()));
  let edits = memo.get(call.id);
  if (edits === undefined) memo.set(call.id, (edits = useEdits(ctx, call, target) ?? null));
  // Imports are asked for only once the rewrite is sure.
  return edits ? [[call, replacement()], ...edits] : undefined;
}

const useEditsMemo = new WeakMap<RuleContext['model'], Map<number, Edits | null>>();

/** v1 calls taking the workspace that this table rewrites with it (through `clientOf`). */
const TAKES_CLIENT = new Set(['azureml.core.Datastore.get', 'azureml.core.Datastore.get_default', 'azureml.core.Datastore', 'azureml.core.Dataset.get_by_name', COMPUTE_TARGET, AML_COMPUTE, CREATE]);

function useEdits(ctx: RuleContext, call: SyntaxNode, target: SyntaxNode): Edits | undefined {
  const edits: Edits = [];
  for (const use of usesOf(ctx, target)) {
    // Passed to a v1 call that is not rewritten with it (`Experiment(ws, "x")`): that call would
    // get an MLClient.
    const list = use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent;
    if (list?.type === 'argument_list') {
      const q = qnameOf(ctx, list.parent ?? undefined);
      if (q && sdkOf({ kind: 'ref', qname: q }) === 'v1' && !TAKES_CLIENT.has(q)) return undefined;
    }
    const m = memberOf(use);
    if (!m) continue;
    const x = use.text;
    // Same name on MLClient: an edit that keeps the text, so its finding offers this fix too.
    if (m.name === 'subscription_id') edits.push([m.attr, m.attr.text]);
    else if (m.name === 'name') edits.push([m.attr, `${x}.workspace_name`]);
    else if (m.name === 'resource_group') edits.push([m.attr, `${x}.resource_group_name`]);
    else if (m.name === 'location') edits.push([m.attr, `${x}.workspaces.get(${x}.workspace_name).location`]);
    else if (m.name === 'get_default_datastore' && m.call && noArgs(m.call) && datastoreFree(ctx, m.call)) edits.push([m.call, `${x}.datastores.get_default()`]);
    else if (m.name === 'compute_targets') {
      // The name → compute dict: `ws.compute_targets[n]` → `ws.compute.get(n)` (a v2 Compute:
      // only its `name` reads the same), `n in ws.compute_targets` → a test on the listed names.
      const parent = m.attr.parent;
      const key = parent?.type === 'subscript' && same(parent.childForFieldName('value'), m.attr) ? parent.childForFieldName('subscript') : undefined;
      if (key && parent!.namedChildren.length === 2 && computeFree(ctx, parent!)) edits.push([parent!, `${x}.compute.get(${key.text})`]);
      else if (parent?.type === 'comparison_operator' && parent.namedChildren.length === 2 && same(parent.namedChildren[1], m.attr) && /^\s*(not\s+)?in\s*$/.test(parent.text.slice(parent.namedChildren[0].endIndex - parent.startIndex, m.attr.startIndex - parent.startIndex))) {
        edits.push([m.attr, `[c.name for c in ${x}.compute.list()]`]);
      } else return undefined;
    } else return undefined;
  }
  // Uses read as v2 must see only this binding (not one made under if/try instead).
  if (edits.length && !straightLine(call)) return undefined;
  return edits;
}

function fromConfigEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const args = bindArgs(call, ['path'], ['path']);
  if (!args) return undefined;
  return workspaceEdits(ctx, call, () => `${fb.need('azure.ai.ml', 'MLClient')}.from_config(${kwargs([['credential', `${fb.need('azure.identity', 'DefaultAzureCredential')}()`], ['path', args.get('path')]])})`);
}

/** `Workspace(subscription_id, resource_group, workspace_name)` / `Workspace.get(name, subscription_id=, resource_group=)` → `MLClient(...)` with the same three values. */
function workspaceCtorEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const args = workspaceArgs(ctx, call);
  // v2 needs all three to name one workspace (v1 Workspace.get may search subscriptions).
  if (!args?.get('subscription_id') || !args.get('resource_group') || !args.get('workspace_name')) return undefined;
  const rest = kwargs([
    ['subscription_id', args.get('subscription_id')],
    ['resource_group_name', args.get('resource_group')],
    ['workspace_name', args.get('workspace_name')],
  ]);
  return workspaceEdits(ctx, call, () => `${fb.need('azure.ai.ml', 'MLClient')}(${fb.need('azure.identity', 'DefaultAzureCredential')}(), ${rest})`);
}

/** The producer of a workspace variable, and the fix that turns it and its uses into an MLClient. */
function producerEdits(fb: FixBuilder, ctx: RuleContext, made: SyntaxNode | undefined): Edits | undefined {
  const q = qnameOf(ctx, made);
  if (q === FROM_CONFIG) return fromConfigEdits(fb, ctx, made!);
  if (q === WS_CLASS || q === WORKSPACE_GET) return workspaceCtorEdits(fb, ctx, made!);
  return undefined;
}

/**
 * A workspace property read: with the whole workspace when it can become an MLClient, else
 * from `ml_client` when the workspace comes from the same config file, else the literal the
 * workspace was made with (`Workspace.get(name="w", ...)` → `"w"`).
 */
function workspaceProperty(arg: string | undefined, fromClient: (ml: string) => string): Builder {
  return (fb, ref, ctx) => {
    const ws = receiver(ref);
    const made = ws && definingCall(ctx, ws);
    if (!made) return undefined;
    const whole = combined(fb, ref.node, producerEdits(fb, ctx, made));
    if (whole) return whole;
    if (qnameOf(ctx, made) === FROM_CONFIG) return noArgs(made) ? fromClient(fb.mlClient()) : undefined;
    const value = arg ? workspaceArgs(ctx, made)?.get(arg) : undefined;
    return value && stable(ctx, value) && (value.type !== 'identifier' || ctx.model.resolveName(value.text, value) === ctx.model.resolveName(value.text, ref.node)) ? value.text : undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// Datastores

/** A datastore variable used only through what a v2 `Datastore` entity also has (`name`). */
function datastoreFree(ctx: RuleContext, call: SyntaxNode): boolean {
  return variableFree(ctx, call, ['name']);
}

/** A compute expression used as an argument or statement, or assigned to a variable read only for `name`. */
function computeFree(ctx: RuleContext, node: SyntaxNode): boolean {
  const target = assignedName(node);
  if (!target) return node.parent?.type !== 'attribute';
  return usesOf(ctx, target).every((u) => (memberOf(u)?.name ?? 'name') === 'name');
}

function datastoreGet(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, ws: SyntaxNode | undefined, name: SyntaxNode | undefined): string | undefined {
  if (!datastoreFree(ctx, call)) return undefined;
  const c = clientOf(fb, ctx, ws);
  return c && combined(fb, call, [[call, name ? `${c.ml}.datastores.get(name=${name.text})` : `${c.ml}.datastores.get_default()`], ...c.edits]);
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
function amlComputeEntity(fb: FixBuilder, prov: SyntaxNode, name: SyntaxNode): string | undefined {
  const known = ['vm_size', 'vm_priority', 'min_nodes', 'max_nodes', 'idle_seconds_before_scaledown'];
  const a = bindArgs(prov, known, [...known, 'tags', 'description', 'enable_node_public_ip']);
  const size = a?.get('vm_size');
  if (!a || !size) return undefined;
  const priority = a.get('vm_priority');
  // v2 tier values are snake case ("dedicated", "low_priority"): azure-ai-ml sends
  // snake_to_pascal(tier) (AmlCompute._to_rest_object), although its docs list "Dedicated", "LowPriority".
  const tier = priority && ({ dedicated: '"dedicated"', lowpriority: '"low_priority"' } as Record<string, string>)[stringValue(priority) ?? ''];
  if (priority && !tier) return undefined;
  const idle = a.get('idle_seconds_before_scaledown');
  if (idle && idle.type === 'string') return undefined;
  const entities = fb.needModule('azure.ai.ml.entities');
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
  ])})`;
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
    const v = c.childForFieldName('value') ?? c.namedChildren[0];
    const e = v && v.type !== 'block' ? ctx.model.evaluate(v) : undefined;
    return e?.kind === 'ref' && e.qname === COMPUTE_EXCEPTION;
  });
  if (!clause) return undefined;
  return { tryStmt, clause, inBody: owner?.type === 'try_statement' };
}

/** The v1 references inside `node`. */
function v1Inside(ctx: RuleContext, node: SyntaxNode): SyntaxNode[] {
  return ctx.model.references.filter((r) => r.sdk === 'v1' && r.node.startIndex >= node.startIndex && r.node.endIndex <= node.endIndex).map((r) => r.call ?? r.node);
}

/** `X = ComputeTarget(workspace=ws, name=n)` / `AmlCompute(ws, n)`: the workspace and name. */
function computeGetArgs(ctx: RuleContext, call: SyntaxNode): { ws?: SyntaxNode; name: SyntaxNode } | undefined {
  const q = qnameOf(ctx, call);
  if (q !== COMPUTE_TARGET && q !== AML_COMPUTE) return undefined;
  const a = bindArgs(call, ['workspace', 'name'], ['workspace', 'name']);
  const name = a?.get('name');
  return name && { ws: a!.get('workspace'), name };
}

/**
 * The `except ComputeTargetException` clause becomes `except ResourceNotFoundError` with the
 * get in its try body, provided nothing else in the body is v1 (it could still raise the v1 exception).
 */
function tryEdits(fb: FixBuilder, ctx: RuleContext, found: { tryStmt: SyntaxNode; clause: SyntaxNode }, ml: string, variable: string): Edits | undefined {
  const body = found.tryStmt.childForFieldName('body');
  if (!body) return undefined;
  const edits: Edits = [];
  for (const node of v1Inside(ctx, body)) {
    const get = node.type === 'call' ? computeGetArgs(ctx, node) : undefined;
    if (!get || assignedName(node)?.text !== variable || clientOf(fb, ctx, get.ws)?.ml !== ml) return undefined;
    edits.push([node, `${ml}.compute.get(${get.name.text})`]);
  }
  const value = found.clause.childForFieldName('value') ?? found.clause.namedChildren[0];
  if (!edits.length || !value || (value.type !== 'identifier' && value.type !== 'attribute')) return undefined;
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
function creationEdits(fb: FixBuilder, ctx: RuleContext, create: SyntaxNode): Edits | undefined {
  const a = bindArgs(create, ['workspace', 'name', 'provisioning_configuration'], ['workspace', 'name', 'provisioning_configuration']);
  const name = a?.get('name');
  const config = a?.get('provisioning_configuration');
  const client = clientOf(fb, ctx, a?.get('workspace'));
  if (!name || !config || !client) return undefined;
  const ml = client.ml;
  const edits: Edits = [...client.edits];
  let prov: SyntaxNode | undefined = config;
  if (config.type === 'identifier') {
    prov = definingCall(ctx, config);
    const target = prov && assignedName(prov);
    // The configuration is used only here, and the name means the same where it is made.
    if (!prov || !target || usesOf(ctx, target).length !== 1 || (literalText(name) === undefined && (name.type !== 'identifier' || ctx.model.resolveName(name.text, name) !== ctx.model.resolveName(name.text, prov)))) return undefined;
  }
  if (qnameOf(ctx, prov) !== PROVISIONING) return undefined;
  const entity = amlComputeEntity(fb, prov!, name);
  if (!entity) return undefined;
  if (config.type === 'identifier') edits.push([prov!, entity]);

  // The cluster variable: waits become a print of the state (the poller's result() waited).
  const target = assignedName(create);
  if (!target && create.parent?.type !== 'expression_statement') return undefined;
  const found = computeTry(ctx, create);
  if (found?.inBody) return undefined;
  let timeout: string | undefined;
  for (const use of target ? computeUses(ctx, target, found?.tryStmt) : []) {
    const m = memberOf(use);
    if (!m || m.name === 'name') continue;
    if (m.name !== 'wait_for_completion' || !m.call || m.call.parent?.type !== 'expression_statement' || qnameOf(ctx, m.call) !== WAIT) return undefined;
    const w = bindArgs(m.call, ['show_output', 'min_node_count', 'timeout_in_minutes'], ['show_output', 'min_node_count', 'timeout_in_minutes']);
    const minutes = w?.get('timeout_in_minutes');
    if (!w || w.get('show_output')?.text !== 'True' || (w.get('min_node_count') && w.get('min_node_count')!.text !== 'None')) return undefined;
    if (minutes) {
      // LROPoller.result(timeout) waits that many seconds, then returns the resource as it is.
      if (minutes.type !== 'integer' || timeout !== undefined) return undefined;
      timeout = String(Number(minutes.text) * 60);
    }
    edits.push([m.call, `print(${use.text}.provisioning_state)`]);
  }
  edits.push([create, `${ml}.compute.begin_create_or_update(${config.type === 'identifier' ? config.text : entity}).result(${timeout ? `timeout=${timeout}` : ''})`]);
  if (found && target) {
    const more = tryEdits(fb, ctx, found, ml, target.text);
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
  return call && qnameOf(ctx, call) === CREATE ? call : undefined;
}

function computeGet(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const get = computeGetArgs(ctx, call);
  const target = assignedName(call);
  if (!get) return undefined;
  const found = computeTry(ctx, call);
  if (found?.inBody && target) {
    // The create in the except clause, when there is one: the whole pattern at once.
    const create = found.clause.descendantsOfType('call').find((c) => qnameOf(ctx, c) === CREATE && assignedName(c)?.text === target.text);
    if (create) return creationEdits(fb, ctx, create);
    // No create: the clause must not hold v1 code that would rebind the variable.
    if (v1Inside(ctx, found.clause).length) return undefined;
  } else if (found) return undefined;
  const client = clientOf(fb, ctx, get.ws);
  // The v2 Compute entity has `name`; other v1 members (get_status, wait_for_completion...) differ.
  if (!client || (target ? computeUses(ctx, target, found?.tryStmt) : []).some((u) => { const m = memberOf(u); return m && m.name !== 'name'; })) return undefined;
  if (!target && call.parent?.type !== 'expression_statement') return undefined;
  const edits = found ? tryEdits(fb, ctx, found, client.ml, target!.text) : [[call, `${client.ml}.compute.get(${get.name.text})`] as [SyntaxNode, string]];
  return edits && [...edits, ...client.edits];
}

export const WORKSPACE: Rewrites = {
  calls: {
    'azureml.core.Workspace.from_config': (fb, ref, ctx) => combined(fb, ref.call!, fromConfigEdits(fb, ctx, ref.call!)),
    'azureml.core.Workspace.get': (fb, ref, ctx) => combined(fb, ref.call!, workspaceCtorEdits(fb, ctx, ref.call!)),
    'azureml.core.Workspace': (fb, ref, ctx) => combined(fb, ref.call!, workspaceCtorEdits(fb, ctx, ref.call!)),
    'azureml.core.Workspace.get_default_datastore': (fb, ref, ctx) => {
      const ws = receiver(ref);
      if (!ws || !noArgs(ref.call!)) return undefined;
      return combined(fb, ref.call!, producerEdits(fb, ctx, definingCall(ctx, ws))) ?? datastoreGet(fb, ctx, ref.call!, ws, undefined);
    },
    'azureml.core.Datastore.get_default': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['workspace'], ['workspace']);
      return args ? datastoreGet(fb, ctx, ref.call!, args.get('workspace'), undefined) : undefined;
    },
    'azureml.core.Datastore.get': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['workspace', 'datastore_name'], ['workspace', 'datastore_name']);
      const name = args?.get('datastore_name');
      return name && datastoreGet(fb, ctx, ref.call!, args!.get('workspace'), name);
    },
    // Datastore(workspace, name=None): the named datastore, or the default one without a name.
    'azureml.core.Datastore': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['workspace', 'name'], ['workspace', 'name']);
      return args?.get('workspace') ? datastoreGet(fb, ctx, ref.call!, args.get('workspace'), args.get('name')) : undefined;
    },
    [COMPUTE_TARGET]: (fb, ref, ctx) => combined(fb, ref.call!, computeGet(fb, ctx, ref.call!)),
    [AML_COMPUTE]: (fb, ref, ctx) => combined(fb, ref.call!, computeGet(fb, ctx, ref.call!)),
    [CREATE]: (fb, ref, ctx) => combined(fb, ref.call!, creationEdits(fb, ctx, ref.call!)),
    [PROVISIONING]: (fb, ref, ctx) => {
      const create = createFor(ctx, ref.call!);
      return create && combined(fb, ref.call!, creationEdits(fb, ctx, create));
    },
    [WAIT]: (fb, ref, ctx) => {
      const x = receiver(ref);
      const create = x && definingCall(ctx, x);
      return create && qnameOf(ctx, create) === CREATE ? combined(fb, ref.call!, creationEdits(fb, ctx, create)) : undefined;
    },
    'azureml.core.Dataset.get_by_name': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
      const name = args?.get('name');
      // A v2 Data asset has name and version; the v1 dataset methods (to_pandas_dataframe...) it has not.
      if (!args || !name || !variableFree(ctx, ref.call!, ['name', 'version'])) return undefined;
      const c = clientOf(fb, ctx, args.get('workspace'));
      const version = args.get('version');
      const which = !version || stringValue(version) === 'latest' ? 'label="latest"' : `version=${version.text}`;
      return c && combined(fb, ref.call!, [[ref.call!, `${c.ml}.data.get(name=${name.text}, ${which})`], ...c.edits]);
    },
  },
  attributes: {
    'azureml.core.Workspace.name': workspaceProperty('workspace_name', (ml) => `${ml}.workspace_name`),
    'azureml.core.Workspace.resource_group': workspaceProperty('resource_group', (ml) => `${ml}.resource_group_name`),
    'azureml.core.Workspace.subscription_id': workspaceProperty('subscription_id', (ml) => `${ml}.subscription_id`),
    'azureml.core.Workspace.location': workspaceProperty(undefined, (ml) => `${ml}.workspaces.get(${ml}.workspace_name).location`),
  },
};
