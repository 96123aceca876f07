/**
 * What the rewrite tables of each area (workspace.ts, jobs.ts, deploy.ts) share: the builder
 * type and helpers to read arguments and check that a rewrite keeps the code meaningful.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf, type Binding, type Reference } from '../../engine/semantic/model';
import { bindArgs, callArgs, definingCall, FixBuilder, literalText, stringValue } from '../fixes';
import type { RuleContext } from '../rule';

/**
 * Returns the v2 code that replaces the call (or, in an area's `attributes` table, the
 * attribute read) of `ref`, or undefined when it cannot be translated faithfully. Imports and
 * the `ml_client` it needs are requested from `fb`.
 */
export type Builder = (fb: FixBuilder, ref: Reference, ctx: RuleContext) => string | undefined;

/** One area's rewrites: of calls (`ws.get_default_datastore()`), and of attribute reads (`ws.name`). */
export interface Rewrites {
  calls: Record<string, Builder>;
  attributes: Record<string, Builder>;
}

/**
 * A fix shared by every use of a variable (the whole-workspace rewrite, a submitted run and its
 * uses) is offered on each of their findings only up to this many edits; past it, only on the
 * producer's finding. Otherwise a file with hundreds of uses costs hundreds of fixes of
 * hundreds of edits: quadratic time (issue 7: 400 uses of a workspace took 9 s).
 */
export const SHARED_FIX_LIMIT = 40;

/**
 * The data asset names v2 accepts: the REST API's pattern for `workspaces/data` names,
 * `^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$`
 * (https://learn.microsoft.com/azure/templates/microsoft.machinelearningservices/2023-04-01/workspaces/data;
 * Azure/bicep-types-az generated/machinelearningservices/.../2023-04-01/types.md). v1 also took spaces and dots
 * ("diabetes dataset" in the DP-100 labs): data.ts `assetName` renames those where the file stays consistent.
 */
export const ASSET_NAME = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$/;

/** The call has no arguments at all. */
export function noArgs(call: SyntaxNode): boolean {
  const a = callArgs(call);
  return !a.positional.length && !a.keywords.size;
}

/** `key=value` for the arguments that exist, in order. */
export function kwargs(pairs: Array<[string, SyntaxNode | string | undefined]>): string {
  return pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${typeof v === 'string' ? v : v!.text}`).join(', ');
}

/** The receiver of a method call: `run` in `run.wait_for_completion()`. */
export function receiver(ref: Reference): SyntaxNode | undefined {
  return ref.node.type === 'attribute' ? ref.node.childForFieldName('object') ?? undefined : undefined;
}

export function mlClientFromWorkspaceArgs(fb: FixBuilder, args: Map<string, SyntaxNode>): string {
  const client = fb.need('azure.ai.ml', 'MLClient');
  const cred = fb.need('azure.identity', 'DefaultAzureCredential');
  const rest = kwargs([
    ['subscription_id', args.get('subscription_id')],
    ['resource_group_name', args.get('resource_group')],
    ['workspace_name', args.get('workspace_name') ?? args.get('name')],
  ]);
  return `${client}(${cred}()${rest ? `, ${rest}` : ''})`;
}

/**
 * Turning a v1 workspace into an `MLClient` is right only when the variable holding it is not
 * used as a v1 workspace afterwards (`ws.get_default_datastore()`, `ws.name`): those uses would
 * silently change meaning. Passing it on as an argument is fine (those calls stay reported).
 */
export function workspaceVariableFree(ctx: RuleContext, call: SyntaxNode): boolean {
  return variableFree(ctx, call, ['subscription_id']);
}

/**
 * `type(x)` / `isinstance(x, ...)`: the use asks what class the object is, which a rewrite into
 * a v2 object changes (`type(compute_target) is AmlCompute` would turn false).
 */
export function typeTested(ctx: RuleContext, use: SyntaxNode): boolean {
  const call = use.parent?.type === 'argument_list' ? use.parent.parent : undefined;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  return fn?.type === 'identifier' && (fn.text === 'type' || fn.text === 'isinstance') && !ctx.model.resolveName(fn.text, fn);
}

/** The call is a statement, or assigned to a name with no attribute uses except `allowed` ones (and no class test). */
export function variableFree(ctx: RuleContext, call: SyntaxNode, allowed: string[]): boolean {
  const assign = call.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('right')?.id !== call.id) return assign?.type === 'expression_statement';
  const target = assign.childForFieldName('left');
  if (target?.type !== 'identifier') return false;
  const binding = ctx.model.resolveName(target.text, assign.nextNamedSibling ?? target);
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  const mine = list.find((b) => b.node.id === target.id) ?? binding;
  return (ctx.model.uses.get(mine!) ?? []).every((use) => {
    if (typeTested(ctx, use)) return false;
    const parent = use.parent;
    return !(parent?.type === 'attribute' && parent.childForFieldName('object')?.id === use.id && !allowed.includes(parent.childForFieldName('attribute')?.text ?? ''));
  });
}

/**
 * A workspace property read on a variable made by `Workspace.from_config()`: the `ml_client`
 * from the same config file names the same workspace, so its property is the same value.
 */
export function workspaceProperty(v2: (ml: string) => string): Builder {
  return (fb, ref, ctx) => {
    const ws = receiver(ref);
    const made = ws && definingCall(ctx, ws);
    const fn = made?.childForFieldName('function');
    const callee = fn && ctx.model.evaluate(fn);
    if (!made || callee?.kind !== 'ref' || callee.qname !== 'azureml.core.Workspace.from_config' || callArgs(made).positional.length || callArgs(made).keywords.size) return undefined;
    return v2(fb.mlClient());
  };
}


/**
 * `python <script> <args>` for a v2 command, when the script name and every argument are plain
 * literals (no quoting needed); undefined otherwise (data inputs become `${{inputs.x}}`, by hand).
 */
export function commandLine(script: string, list: SyntaxNode | undefined): string | undefined {
  if (/["'\\{}$\s]/.test(script)) return undefined;
  const parts = ['python', script];
  if (list) {
    if (list.type !== 'list') return undefined;
    for (const item of list.namedChildren) {
      const lit = item.type === 'string' ? stringValue(item) : literalText(item);
      if (lit === undefined || /["'\\{}$\s]/.test(lit)) return undefined;
      parts.push(lit);
    }
  }
  return parts.join(' ');
}


// ---------------------------------------------------------------------------------------------
// Multi-part rewrites: one fix that edits several nodes (a producer and its uses).

/** The edits of one fix: each node and its replacement. */
export type Edits = Array<[SyntaxNode, string]>;

/** The same node (also across the copies two analyses make of one text). */
export const same = (a: SyntaxNode | null | undefined, b: SyntaxNode | null | undefined): boolean => !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;

/** One fix made of several edits: the edit of `own` is returned (the caller replaces it), the others are added to `fb` once each. */
export function combined(fb: FixBuilder, own: SyntaxNode, edits: Edits | undefined): string | undefined {
  const mine = edits?.find(([n]) => same(n, own));
  if (!edits || !mine) return undefined;
  // Past SHARED_FIX_LIMIT edits, only the first edit's finding (the producer) offers it.
  if (edits.length > SHARED_FIX_LIMIT && !same(edits[0]![0], own)) return undefined;
  const done = new Set<number>([own.id]);
  for (const [n, t] of edits) {
    if (done.has(n.id)) continue;
    done.add(n.id);
    fb.replace(n, t);
  }
  return mine[1];
}


export function qnameOf(ctx: RuleContext, call: SyntaxNode | undefined): string | undefined {
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  const v = fn ? ctx.model.evaluate(fn) : undefined;
  return v?.kind === 'ref' ? v.qname : undefined;
}

/** The identifier `x` of `x = <call>`, the assignment being a statement of its own. */
export function assignedName(call: SyntaxNode): SyntaxNode | undefined {
  const assign = call.parent;
  if (assign?.type !== 'assignment' || !same(assign.childForFieldName('right'), call) || assign.parent?.type !== 'expression_statement') return undefined;
  const target = assign.childForFieldName('left');
  return target?.type === 'identifier' ? target : undefined;
}

/** The uses of the name bound by `target` (an assignment target). */
export function usesOf(ctx: RuleContext, target: SyntaxNode): readonly SyntaxNode[] {
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  const binding = list.find((b) => same(b.node, target));
  return binding ? ctx.model.uses.get(binding) ?? [] : [];
}

/** The one assignment binding a name (bound once in its scope): its value. */
export function onlyValue(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'identifier') return undefined;
  const b = ctx.model.resolveName(node.text, node);
  const assign = b?.node.parent;
  if (b?.kind !== 'assign' || assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), b.node) || (b.scope.bindings.get(node.text) ?? []).length !== 1) return undefined;
  if (b.scope.kind === 'module' && declaredGlobal(ctx).has(node.text)) return undefined;
  return assign.childForFieldName('right') ?? undefined;
}

/** The workspace's MLflow tracking URI through the v2 client `ml` (the v2 form of `ws.get_mlflow_tracking_uri()`). */
export function trackingUri(ml: string): string {
  return `${ml}.workspaces.get(${ml}.workspace_name).mlflow_tracking_uri`;
}

/** Per tree: the names some function declares `global`. */
const globalIndex = new WeakMap<SyntaxNode, Set<string>>();

/**
 * The names a function of the module declares `global` and binds (`def bump(): global cores; cores = 4`): the
 * semantic model does not walk a function body that touches no SDK, so such a re-binding of a module name is not
 * among its bindings; a module name re-bound that way is never taken as bound once. A function that declares a
 * name global only to read it (`global settings; print(settings)`) changes nothing and is not counted.
 */
export function declaredGlobal(ctx: RuleContext): Set<string> {
  const root = ctx.model.tree.rootNode;
  let names = globalIndex.get(root);
  if (!names) {
    names = new Set();
    for (const g of root.descendantsOfType('global_statement')) {
      let fn: SyntaxNode | null = g.parent;
      while (fn && fn.type !== 'function_definition') fn = fn.parent;
      const bound = fn ? boundNames(fn) : undefined;
      // A parameter of the same name would be a SyntaxError with `global`; boundNames counts the function's targets.
      for (const id of g.namedChildren) if (id.type === 'identifier' && (!bound || bound.has(id.text))) names.add(id.text);
    }
    globalIndex.set(root, names);
  }
  return names;
}

/** Per function: the plain names its own body binds (boundNames). */
const boundIndex = new WeakMap<SyntaxNode, Set<string>>();

/**
 * The plain names a function's own body binds (not its nested functions' or classes'): its parameters, assignment
 * and `for` targets (also in tuples), `x += ...`, `x := ...`, `with ... as x`. A name among them that the function
 * also declares `global` is the module's (declaredGlobal, functionLocal).
 */
function boundNames(fn: SyntaxNode): Set<string> {
  let out = boundIndex.get(fn);
  if (out) return out;
  const names = new Set<string>();
  const targets = (t: SyntaxNode | null): void => {
    if (!t) return;
    if (t.type === 'identifier') names.add(t.text);
    else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'tuple', 'list', 'list_splat_pattern', 'as_pattern_target', 'parenthesized_expression'].includes(t.type)) t.namedChildren.forEach(targets);
  };
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    targets(p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier') ?? null);
  }
  const walk = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda') continue;
      if (c.type === 'named_expression') targets(c.childForFieldName('name'));
      else if (c.type === 'as_pattern') targets(c.childForFieldName('alias'));
      else if (['assignment', 'augmented_assignment', 'for_statement'].includes(c.type)) targets(c.childForFieldName('left'));
      walk(c);
    }
  };
  walk(fn.childForFieldName('body') ?? fn);
  out = names;
  boundIndex.set(fn, out);
  return out;
}

/** The names a function's own body declares `global`. */
function globalNames(fn: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const walk = (n: SyntaxNode): void => {
    for (const c of n.namedChildren) {
      if (c.type === 'function_definition' || c.type === 'class_definition' || c.type === 'lambda') continue;
      if (c.type === 'global_statement') for (const id of c.namedChildren) if (id.type === 'identifier') names.add(id.text);
      walk(c);
    }
  };
  walk(fn.childForFieldName('body') ?? fn);
  return names;
}

/**
 * `id` (a name read) is a local of a function around it, by Python's rule: a name a function binds anywhere in its
 * body (or takes as a parameter), unless declared `global` there, is that function's local throughout it; a
 * function that does not bind it reads its enclosing function's, and the module's at the top.
 */
function functionLocal(id: SyntaxNode): boolean {
  for (let p = id.parent; p; p = p.parent) {
    if (p.type !== 'function_definition') continue;
    if (globalNames(p).has(id.text)) return false;
    if (boundNames(p).has(id.text)) return true;
  }
  return false;
}

/** Inside a loop of its function (or module): a call there may run more than once. */
export function inLoop(node: SyntaxNode): boolean {
  for (let p = node.parent; p && p.type !== 'function_definition' && p.type !== 'lambda'; p = p.parent) {
    if (['for_statement', 'while_statement', 'list_comprehension', 'generator_expression', 'set_comprehension', 'dictionary_comprehension'].includes(p.type)) return true;
  }
  return false;
}

/**
 * `use` is (somewhere) inside the arguments of a v1 call of its statement: directly, or in a
 * tuple, list, dict or expression there (`from_delimited_files(path=[(datastore, "x")])`).
 */
export function insideV1Call(ctx: RuleContext, use: SyntaxNode): boolean {
  for (let n = use.parent; n && n.type !== 'block' && n.type !== 'module' && !n.type.endsWith('statement'); n = n.parent) {
    if (n.type === 'argument_list' && n.parent?.type === 'call') {
      const q = qnameOf(ctx, n.parent);
      if (q && sdkOf({ kind: 'ref', qname: q }) === 'v1') return true;
    }
  }
  return false;
}

/** `x.attr` around a use `x`, and `x.attr(...)` around that when it is called. */
export function memberOf(use: SyntaxNode): { attr: SyntaxNode; name: string; call?: SyntaxNode } | undefined {
  const attr = use.parent;
  if (attr?.type !== 'attribute' || !same(attr.childForFieldName('object'), use)) return undefined;
  const call = attr.parent?.type === 'call' && same(attr.parent.childForFieldName('function'), attr) ? attr.parent : undefined;
  return { attr, name: attr.childForFieldName('attribute')?.text ?? '', call };
}

/**
 * `x` is only shown: inside the arguments of a builtin `print(...)` statement, directly or through string
 * concatenation, an f-string, `str(...)` or `"...".format(...)` at most.
 */
export function printedOnly(ctx: RuleContext, x: SyntaxNode): boolean {
  for (let n = x.parent; n; n = n.parent) {
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const name = fn?.type === 'identifier' && !ctx.model.resolveName(fn.text, fn) ? fn.text : undefined;
      if (name === 'print') return n.parent?.type === 'expression_statement';
      if (name !== 'str' && !(fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' && fn.childForFieldName('object')?.type === 'string')) return false;
    } else if (!['argument_list', 'interpolation', 'string', 'concatenated_string', 'binary_operator', 'parenthesized_expression', 'keyword_argument'].includes(n.type)) return false;
  }
  return false;
}

/** Nothing but whitespace or a comment follows `node` on its line (a trailing comment can follow an edit there). */
export function endsLine(ctx: RuleContext, node: SyntaxNode): boolean {
  const text = ctx.module.text;
  const end = text.indexOf('\n', node.endIndex);
  return /^[ \t]*(#.*)?\r?$/.test(text.slice(node.endIndex, end < 0 ? undefined : end));
}

/** The leading whitespace of the line `node` starts on. */
export function lineIndent(ctx: RuleContext, node: SyntaxNode): string {
  const text = ctx.module.text;
  const start = text.lastIndexOf('\n', node.startIndex - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * The indentation of a statement that starts its line (for a replacement of several lines), else
 * undefined; also undefined in a dedented notebook cell, where added lines would not line up.
 */
export function statementIndent(ctx: RuleContext, stmt: SyntaxNode): string | undefined {
  const text = ctx.module.text;
  const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const indent = text.slice(start, stmt.startIndex);
  return /^[ \t]*$/.test(indent) && !((ctx.module.lines?.[stmt.startPosition.row]?.indent ?? 0) > 0) ? indent : undefined;
}

/** statementIndent for a statement that also ends its line (nothing but a comment after): lines can go around it. */
export function ownLineIndent(ctx: RuleContext, stmt: SyntaxNode): string | undefined {
  const indent = statementIndent(ctx, stmt);
  return indent !== undefined && endsLine(ctx, stmt) ? indent : undefined;
}

/** A string literal's value, or that of a name bound once (in its scope) to a string literal. */
export function knownString(ctx: RuleContext, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return stringValue(node);
  if (node.type !== 'identifier') return undefined;
  const b = ctx.model.resolveName(node.text, node);
  const assign = b?.node.parent;
  if (b?.kind !== 'assign' || assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), b.node) || (b.scope.bindings.get(node.text) ?? []).length !== 1) return undefined;
  if (b.scope.kind === 'module' && declaredGlobal(ctx).has(node.text)) return undefined;
  return stringValue(assign.childForFieldName('right') ?? undefined);
}

/**
 * The range that deletes a statement alone on its lines (only blanks before it, nothing but a comment
 * after it) with its line break, so no blank line is left: from the end of the line before it, or,
 * when it opens its notebook cell or module, up to the start of the line after it (within the cell);
 * the statement itself when it is the cell's only line. Undefined when it shares a line. Node-shaped
 * (`type: 'deleted_lines'`), as environment.ts `wholeLines`, for `Edits`.
 */
export function statementLines(ctx: RuleContext, stmt: SyntaxNode): SyntaxNode | undefined {
  const text = ctx.module.text;
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, stmt.startIndex)) || !endsLine(ctx, stmt) || /^[^\n]*;/.test(text.slice(stmt.endIndex).replace(/#.*/, ''))) return undefined;
  const lines = ctx.module.lines;
  const row = stmt.startPosition.row;
  const endRow = stmt.endPosition.row;
  const nl = text.indexOf('\n', stmt.endIndex);
  const lineEnd = nl < 0 ? text.length : nl - (text[nl - 1] === '\r' ? 1 : 0);
  const endLineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
  if (row > 0 && lineStart > 0 && !(lines && lines[row - 1]?.cell !== lines[row]?.cell)) {
    const prevEnd = lineStart - 1 - (text[lineStart - 2] === '\r' ? 1 : 0);
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    return textRange(ctx, 'deleted_lines', prevEnd, { row: row - 1, column: prevEnd - prevStart }, lineEnd, { row: endRow, column: lineEnd - endLineStart });
  }
  if (nl >= 0 && !(lines && lines[endRow + 1]?.cell !== lines[endRow]?.cell)) return textRange(ctx, 'deleted_lines', lineStart, { row, column: 0 }, nl + 1, { row: endRow + 1, column: 0 });
  return stmt;
}

/** A position in the module's text (row, and column in characters). */
type Point = { row: number; column: number };

/**
 * A node-shaped range of the module's text, for `Edits` (whose consumers take nodes): what a deletion
 * (`type: 'deleted_lines'`: statementLines, environment.ts `wholeLines`) or an insertion (a zero-width
 * `'end_mark'`) covers. Its id is negative, so never a tree node's; by default it is made of the start offset
 * and whether the range is empty, so the same deletion (or mark) made twice is one edit to combined, while an
 * end mark and a deletion starting at the same offset stay two.
 */
export function textRange(ctx: RuleContext, type: string, startIndex: number, startPosition: Point, endIndex: number, endPosition: Point, id = -1 - (startIndex * 2 + (endIndex === startIndex ? 1 : 0))): SyntaxNode {
  return { type, id, startIndex, endIndex, startPosition, endPosition, text: ctx.module.text.slice(startIndex, endIndex) } as unknown as SyntaxNode;
}

/** A try statement whose body holds `node` (in the same function). */
export function enclosingTry(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) {
    const body = n.parent?.type === 'try_statement' ? n.parent.childForFieldName('body') : undefined;
    if (body && same(body, n)) return n.parent!;
  }
  return undefined;
}

/**
 * `node` is in the body of a `try:` (of its function or module) with a handler other than a bare
 * `except:` / `except Exception` / `except BaseException`: a v1 error it names (UserErrorException,
 * KeyError of a v1 dict, ...) is not what the v2 call raises, so that handler could no longer fire.
 */
export function narrowlyTried(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n && n.type !== 'function_definition' && n.type !== 'module'; n = n.parent) {
    const t = n.parent;
    if (t?.type !== 'try_statement' || !same(t.childForFieldName('body') ?? undefined, n)) continue;
    for (const clause of t.namedChildren.filter((c) => c.type === 'except_clause')) {
      const caught = clause.namedChildren.find((c) => c.type !== 'block');
      const type = caught?.type === 'as_pattern' ? caught.namedChildren[0] : caught;
      if (type && !['Exception', 'BaseException'].includes(type.text)) return true;
    }
  }
  return false;
}

/** The module's identifiers by text, indexed once per tree (writtenElsewhere runs per dict entry, per finding). */
const identifierIndex = new WeakMap<SyntaxNode, Map<string, SyntaxNode[]>>();
function identifiersByName(root: SyntaxNode): Map<string, SyntaxNode[]> {
  let index = identifierIndex.get(root);
  if (!index) {
    index = new Map();
    for (const id of root.descendantsOfType('identifier')) {
      const list = index.get(id.text);
      if (list) list.push(id);
      else index.set(id.text, [id]);
    }
    identifierIndex.set(root, index);
  }
  return index;
}

/**
 * The name `target` binds is written somewhere other than at its bindings and the `known` uses (a function body
 * reading a module name, which the model does not walk when nothing there touches an SDK, `global`, `del`...):
 * every identifier of that text in the module counts, but an attribute's or a keyword's name.
 */
export function writtenElsewhere(ctx: RuleContext, target: SyntaxNode, known: readonly SyntaxNode[]): boolean {
  const mine = [target, ...otherBindings(ctx, target), ...known];
  return (identifiersByName(ctx.model.tree.rootNode).get(target.text) ?? []).some((id) => {
    if (mine.some((n) => same(n, id))) return false;
    const p = id.parent;
    if (p?.type === 'attribute' && same(p.childForFieldName('attribute'), id)) return false;
    return !(p?.type === 'keyword_argument' && same(p.childForFieldName('name'), id));
  });
}

/**
 * `b`'s one read, as far as the whole module shows: the model's only use of it, and the name read nowhere else
 * as that binding's scope's name. The model does not walk a function body that touches no SDK, so a read there is
 * not among its uses (`def show(): print(automl_settings)`): removing or inlining the binding would break it.
 * Identifiers that are the name's other bindings in the scope or their uses, attribute names, keyword names, import
 * module paths, a function's locals of that name and names the model resolves to another scope's binding are not
 * reads of `b`.
 */
export function soleUse(ctx: RuleContext, b: Binding): boolean {
  if ((ctx.model.uses.get(b) ?? []).length !== 1) return false;
  const bindings = b.scope.bindings.get(b.name) ?? [];
  const known = [...bindings.map((x) => x.node), ...bindings.flatMap((x) => ctx.model.uses.get(x) ?? [])];
  return !(identifiersByName(ctx.model.tree.rootNode).get(b.name) ?? []).some((id) => {
    if (known.some((n) => same(n, id))) return false;
    const p = id.parent;
    if (p?.type === 'attribute' && same(p.childForFieldName('attribute'), id)) return false;
    if (p?.type === 'keyword_argument' && same(p.childForFieldName('name'), id)) return false;
    // A module path of an import (`from azureml.automl.core.forecasting_parameters import ...`).
    if (p?.type === 'dotted_name') return false;
    if (b.scope.kind === 'module' && functionLocal(id)) return false;
    const r = ctx.model.resolveName(b.name, id);
    return !r || r.scope === b.scope;
  });
}

/**
 * What the one call of a function passes for its parameter `param` (a `param` binding): the function is a plain `def`
 * (not a method, not decorated) bound once and called once, named nowhere else (soleUse), with named parameters
 * (defaults and annotations allowed; no `*args`, `**kwargs`, `*` or `/`) and no `*`/`**` argument. `def clean_data(data): ...` and `x = clean_data(ds)` → `ds`. The
 * semantic model types such a parameter from its callers; a rewrite of what the caller passes can reach its reads.
 */
export function soleCallArgument(ctx: RuleContext, param: Binding): SyntaxNode | undefined {
  const def = param.kind === 'param' ? param.scope.node : undefined;
  const name = def?.type === 'function_definition' ? def.childForFieldName('name') : undefined;
  if (!def || !name || def.parent?.type === 'decorated_definition' || param.scope.parent?.kind === 'class') return undefined;
  const list = param.scope.parent?.bindings.get(name.text) ?? [];
  const b = list.length === 1 && list[0].kind === 'def' && same(list[0].node, name) ? list[0] : undefined;
  if (!b || !soleUse(ctx, b)) return undefined;
  const use = ctx.model.uses.get(b)![0];
  const call = use.parent?.type === 'call' && same(use.parent.childForFieldName('function'), use) ? use.parent : undefined;
  const names = parameterNames(def);
  return call && names ? bindArgs(call, names, names)?.get(param.name) : undefined;
}

/** The plain parameter names of a `def` (undefined with `*args`, `**kw`, defaults are fine). */
export function parameterNames(def: SyntaxNode): string[] | undefined {
  const names: string[] = [];
  for (const p of def.childForFieldName('parameters')?.namedChildren ?? []) {
    const id = p.type === 'identifier' ? p : ['default_parameter', 'typed_parameter', 'typed_default_parameter'].includes(p.type) ? (p.childForFieldName('name') ?? p.namedChildren[0]) : undefined;
    if (id?.type !== 'identifier') return undefined;
    names.push(id.text);
  }
  return names;
}


/** The other bindings (their target identifiers) of the name `target` binds, in its scope. */
export function otherBindings(ctx: RuleContext, target: SyntaxNode): SyntaxNode[] {
  return (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).map((b) => b.node).filter((n) => !same(n, target));
}
