/**
 * Which bindings of a name may reach a use, for the rewrites' safety.
 *
 * The semantic model gives each use of a name to the last binding before it in the document
 * (`SemanticModel.uses`). That is what runs when the code is straight-line, but not when a
 * name is bound on two paths:
 *
 *     if c:
 *         store = ws.get_default_datastore()
 *     else:
 *         store = Datastore.get(ws, "blobstore")
 *     print(store.name)
 *
 * `store.name` is the use of the `else` binding only, yet it may read the default datastore. A
 * rewrite of the `else` binding that rewrites `store.name` (to `"blobstore"`) would be wrong,
 * and a rewrite of the `if` binding never sees `store.name` at all. `coherentFix` refuses both:
 * a fix may edit a use that several bindings reach, or the value of a binding that reaches a
 * use given to another binding, only when it edits the value of every binding that reaches
 * that use too (the compute get-or-create rewrite replaces the whole `try`/`except`).
 *
 * The bindings that may reach a use are found by walking back from it: the earlier statements
 * of its block, then the statement holding that block, and so on, until a statement binds the
 * name on every path through it (an assignment; an `if`/`else` or `try`/`except` binding it in
 * every branch; not a loop, which may run zero times). A loop body's later bindings reach its
 * earlier uses; a handler sees the bindings of its `try` body; a statement's header (`with ... as x`,
 * `if (x := ...)`) reaches its blocks; a name read in a function body
 * may be any binding of the module (the function runs later).
 */
import { sdkOf, type Binding, type SemanticModel } from '../../engine/semantic/model';
import type { SyntaxNode } from '../../engine/syntax';
import { lineStarts } from '../../engine/textfiles';
import type { ModuleFix, RuleContext } from '../rule';

interface Reach {
  /** Uses that more than one binding may reach, with those bindings. */
  shared: Map<SyntaxNode, Binding[]>;
  /** Bindings that may reach uses the model gives to another binding. */
  hidden: Map<Binding, SyntaxNode[]>;
}

const cache = new WeakMap<SemanticModel, Reach>();

function reachOf(model: SemanticModel): Reach {
  let reach = cache.get(model);
  if (reach) return reach;
  reach = { shared: new Map(), hidden: new Map() };
  for (const scope of model.scopes) {
    for (const list of scope.bindings.values()) {
      // Only names that hold an SDK object somewhere: rewrites read those as one type (`best_acc`
      // bound twice and moved into `mlflow.log_metric(...)` means the same).
      if (list.length < 2 || !list.some((b) => sdkOf(b.value) !== 'other')) continue;
      for (const owner of list) {
        for (const use of model.uses.get(owner) ?? []) {
          const from = reaching(model, list, owner, use);
          if (from.length < 2) continue;
          reach.shared.set(use, from);
          for (const b of from) {
            if (b === owner) continue;
            const hidden = reach.hidden.get(b);
            if (hidden) hidden.push(use);
            else reach.hidden.set(b, [use]);
          }
        }
      }
    }
  }
  cache.set(model, reach);
  return reach;
}

/** The bindings of `list` (one name in one scope, in document order) that may reach `use`, given to `owner`. */
function reaching(model: SemanticModel, list: readonly Binding[], owner: Binding, use: SyntaxNode): Binding[] {
  // A function body runs after the module has bound whatever it binds: any binding may be current.
  for (let s: ReturnType<SemanticModel['scopeAt']> | undefined = model.scopeAt(use); s && s !== owner.scope; s = s.parent) {
    if (s.deferred) return [...list];
  }
  // A `global` assignment in a function binds whenever the function is called.
  if (list.some((b) => deferredIn(b.node, owner.scope.node))) return [...list];
  const from = new Set<Binding>([owner]);
  const inside = (node: SyntaxNode): Binding[] => list.filter((b) => b.node.startIndex >= node.startIndex && b.node.endIndex <= node.endIndex && b.node.startIndex < use.startIndex);
  // Walk back from the use's statement: earlier statements of its block, then up to the statement
  // that holds the block, until a statement binds the name on every path through it.
  let node: SyntaxNode = use;
  for (;;) {
    let stmt: SyntaxNode | null = node;
    while (stmt && stmt.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') stmt = stmt.parent;
    const block = stmt?.parent;
    if (!stmt || !block) break;
    // The use's own statement: what it binds before the use (`x = f(x)` reads the earlier x).
    for (let i = block.namedChildren.findIndex((c) => c === stmt) - 1; i >= 0; i--) {
      const earlier = block.namedChildren[i];
      const bound = inside(earlier);
      if (!bound.length) continue;
      for (const b of bound) from.add(b);
      if (mustBind(earlier, list)) return [...from];
    }
    const holder = block.parent;
    if (!holder || block.type === 'module' || holder === owner.scope.node) break;
    // A loop body runs again: its later bindings reach its earlier uses.
    if (holder.type === 'for_statement' || holder.type === 'while_statement') {
      for (const b of list) if (b.node.startIndex >= holder.startIndex && b.node.endIndex <= holder.endIndex) from.add(b);
      if (holder.type === 'for_statement' && inside(holder.childForFieldName('left') ?? holder).length) return [...from];
    }
    // A handler or `else`/`finally` of a try runs after (part of) the try body.
    const clause = holder.type.endsWith('_clause') ? holder : undefined;
    const compound = clause?.parent ?? holder;
    if (compound.type === 'try_statement' && clause) {
      const body = compound.childForFieldName('body');
      if (body) for (const b of inside(body)) from.add(b);
      // `except E as name:` binds the name for the handler.
      const alias = clause.type === 'except_clause' ? inside(clause).filter((b) => b.node.startIndex < block.startIndex) : [];
      for (const b of alias) from.add(b);
      if (alias.length) return [...from];
    }
    // The header runs before every block of its statement: `with f() as x:`, `if (x := f()):`, `while (x := f()):`.
    const first = compound.childForFieldName('consequence') ?? compound.childForFieldName('body');
    const header = first && compound.type !== 'try_statement' ? list.filter((b) => b.node.startIndex >= compound.startIndex && b.node.endIndex <= first.startIndex) : [];
    for (const b of header) from.add(b);
    if (header.length) return [...from];
    node = compound;
  }
  // Reached the scope's start: a parameter binds on entry.
  for (const b of list) if (b.kind === 'param') from.add(b);
  return [...from];
}

/** `node` is in the body of a function or lambda inside `root` (it runs when that is called). */
function deferredIn(node: SyntaxNode, root: SyntaxNode): boolean {
  for (let n = node.parent; n && n !== root; n = n.parent) if (n.type === 'function_definition' || n.type === 'lambda') return true;
  return false;
}

/** `stmt` binds one of `list`'s name on every path through it (an `if` with an `else` binding in each branch, ...). */
function mustBind(stmt: SyntaxNode, list: readonly Binding[]): boolean {
  const binds = (node: SyntaxNode): boolean => list.some((b) => b.node.startIndex >= node.startIndex && b.node.endIndex <= node.endIndex);
  const blockBinds = (block: SyntaxNode | null | undefined): boolean => !!block && block.namedChildren.some((s) => mustBind(s, list));
  if (!binds(stmt)) return false;
  switch (stmt.type) {
    case 'for_statement':
    case 'while_statement':
    case 'match_statement':
      return false;
    case 'if_statement': {
      const clauses = stmt.namedChildren.filter((c) => c.type === 'elif_clause' || c.type === 'else_clause');
      if (!clauses.some((c) => c.type === 'else_clause')) return false;
      return blockBinds(stmt.childForFieldName('consequence')) && clauses.every((c) => blockBinds(c.childForFieldName('consequence') ?? c.childForFieldName('body')));
    }
    case 'try_statement': {
      const clauses = stmt.namedChildren;
      const fin = clauses.find((c) => c.type === 'finally_clause');
      if (fin && blockBinds(fin.namedChildren.find((c) => c.type === 'block'))) return true;
      const handlers = clauses.filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause');
      return blockBinds(stmt.childForFieldName('body')) && handlers.every((h) => blockBinds(h.namedChildren.find((c) => c.type === 'block')));
    }
    case 'with_statement': {
      const body = stmt.childForFieldName('body');
      return !body || binds({ startIndex: stmt.startIndex, endIndex: body.startIndex } as SyntaxNode) || blockBinds(body);
    }
    default:
      return true;
  }
}

/** What a binding writes: the right side of its assignment, or its statement. */
function valueOf(b: Binding): SyntaxNode {
  for (let n: SyntaxNode | null = b.node.parent; n; n = n.parent) {
    if (n.type === 'assignment' || n.type === 'augmented_assignment' || n.type === 'named_expression') return n.childForFieldName('right') ?? n.childForFieldName('value') ?? n;
    if (n.type === 'block' || n.type === 'module') break;
  }
  let stmt: SyntaxNode = b.node;
  while (stmt.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') stmt = stmt.parent;
  return stmt;
}

type Pos = { line: number; character: number };
type TextAt = (start: Pos, end: Pos) => string;
const lt = (a: Pos, b: Pos): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Some edit of the fix changes text of `node`, or inserts strictly inside it (edits that write back the text they replace claim a use, they do not change it). */
function touchesFix(fix: ModuleFix, node: SyntaxNode, textAt: TextAt): boolean {
  const s = { line: node.startPosition.row, character: node.startPosition.column };
  const e = { line: node.endPosition.row, character: node.endPosition.column };
  return fix.edits.some(({ range, newText }) => (lt(range.start, range.end) ? lt(range.start, e) && lt(s, range.end) && textAt(range.start, range.end) !== newText : lt(s, range.start) && lt(range.start, e)));
}

/**
 * The fix moves the attribute read that starts at `use` as written (`cpu_cluster.name` from
 * `src.run_config.target = cpu_cluster.name` into `command(compute=cpu_cluster.name)`): it
 * means the same whichever binding reaches it, unlike a rewrite that reads it as one type.
 */
function moved(fix: ModuleFix, use: SyntaxNode): boolean {
  let expr = use;
  while (expr.parent?.type === 'attribute' && expr.parent.childForFieldName('object') === expr) expr = expr.parent;
  if (expr === use) return false;
  const pattern = new RegExp(`(?<![\\w.])${expr.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`);
  return fix.edits.some((e) => pattern.test(e.newText));
}

/** v1 classes whose objects have a `name` (as their SDK v2 counterparts do). */
const NAMED = /^azureml\.core\.(compute\.(ComputeTarget|AmlCompute|ComputeInstance)|(Workspace|Datastore|Environment|Model|Dataset|Experiment))$|^azureml\.data\.(TabularDataset|FileDataset)$/;

/**
 * The fix passes `use.name` where `use` was passed (`compute_target=aml_compute.name`), and every
 * binding that may reach the use and that the fix leaves alone holds a v1 object with a `name`
 * (`aml_compute = cts[name]` of `ws.compute_targets`): the name is right whichever runs.
 */
function named(fix: ModuleFix, use: SyntaxNode, from: readonly Binding[], rewritten: (b: Binding) => boolean): boolean {
  if (use.parent?.type === 'attribute' && use.parent.childForFieldName('object') === use) return false;
  const pattern = new RegExp(`(?<![\\w.])${use.text}\\.name(?!\\w)`);
  if (!fix.edits.some((e) => pattern.test(e.newText))) return false;
  return from.every((b) => rewritten(b) || (b.value?.kind === 'instance' && NAMED.test(b.value.type)));
}

/** Per module: its text between two positions (every fix of a module reads the same text). */
const readers = new WeakMap<RuleContext['module'], TextAt>();

function textReader(module: RuleContext['module']): TextAt {
  let read = readers.get(module);
  if (!read) {
    const { text } = module;
    const starts = lineStarts(text);
    const offset = (p: Pos): number => (starts[p.line] ?? text.length) + p.character;
    read = (start, end) => text.slice(offset(start), offset(end));
    readers.set(module, read);
  }
  return read;
}

/**
 * How a fix stands with the names bound on several paths. `blocking`: the bindings that keep it
 * from being coherent: it rewrites a use that they may reach too (not moving it as written), or
 * the value of a binding whose object reaches uses the model gives to them, and leaves their
 * values as they are (see the module comment); empty when the fix is coherent. `partners`: the
 * other bindings, left as they are, that reach a use of a binding whose value the fix rewrites
 * (the other branch of `if c: ds = Dataset.get_by_name(...) else: ds = Dataset.Tabular...`):
 * a rewrite of theirs belongs with this one.
 */
export function pathBindings(ctx: RuleContext, fix: ModuleFix): { blocking: Binding[]; partners: Binding[] } {
  const { model } = ctx;
  const { shared, hidden } = reachOf(model);
  if (!shared.size) return { blocking: [], partners: [] };
  const textAt = textReader(ctx.module);
  const touches = (node: SyntaxNode): boolean => touchesFix(fix, node, textAt);
  const rewritten = rewrittenBy(model, fix, textAt);
  const blocking = new Set<Binding>();
  const partners = new Set<Binding>();
  const missing = (use: SyntaxNode, into: Set<Binding>): void => {
    for (const b of shared.get(use) ?? []) if (!rewritten(b)) into.add(b);
  };
  for (const [use, from] of shared) {
    if (touches(use) && !moved(fix, use) && !named(fix, use, from, rewritten)) missing(use, blocking);
    else if (from.some((b) => touches(valueOf(b)))) missing(use, partners);
  }
  for (const [b, uses] of hidden) if (touches(valueOf(b))) for (const use of uses) missing(use, blocking);
  return { blocking: [...blocking], partners: [...partners].filter((b) => !blocking.has(b)) };
}

/**
 * Fixes merged by `coherent` (v1-fixes.ts) agree on the uses that several of their bindings
 * reach: a fix that rewrites one of those bindings' values rewrites each such use it is not
 * moving as written too, as the others do (unionOf refuses two different edits of one use), so
 * no use is rewritten for one binding's object by a rewrite that never saw it
 * (`store.name` → `"blobstore"` from `Datastore.get(ws, "blobstore")` while the other branch
 * binds the default datastore).
 */
export function fixesAgree(ctx: RuleContext, fixes: readonly ModuleFix[], merged: ModuleFix): boolean {
  const { shared } = reachOf(ctx.model);
  const textAt = textReader(ctx.module);
  const rewritten = rewrittenBy(ctx.model, merged, textAt);
  const rewrites = new Set<SyntaxNode>();
  for (const fix of fixes) {
    for (const [use, from] of shared) if (touchesFix(fix, use, textAt) && !moved(fix, use) && !named(merged, use, from, rewritten)) rewrites.add(use);
  }
  for (const use of rewrites) {
    for (const fix of fixes) {
      const own = (shared.get(use) ?? []).some((b) => touchesFix(fix, valueOf(b), textAt));
      if (own && !touchesFix(fix, use, textAt)) return false;
    }
  }
  return true;
}

/** A binding is rewritten when its value is, or a name its value reads is (`x = cts[name]` after `cts = ws.compute_targets`). */
function rewrittenBy(model: SemanticModel, fix: ModuleFix, textAt: TextAt): (b: Binding) => boolean {
  return (b) => {
    const value = valueOf(b);
    return touchesFix(fix, value, textAt) || value.descendantsOfType('identifier').some((id) => {
      const from = model.resolveName(id.text, id);
      return !!from && from !== b && touchesFix(fix, valueOf(from), textAt);
    });
  };
}

/**
 * `b` alone reaches each of its uses, and reaches no use the model gives to another binding of its
 * name (a name bound again later in straight-line code, as notebooks do cell after cell).
 */
export function soleBinding(model: SemanticModel, b: Binding): boolean {
  const { shared, hidden } = reachOf(model);
  return !hidden.has(b) && !(model.uses.get(b) ?? []).some((use) => shared.has(use));
}

/** What a binding writes (the right side of its assignment, or its statement). */
export { valueOf as bindingValue };
