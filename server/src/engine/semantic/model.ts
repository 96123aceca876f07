/**
 * The semantic model of one module: scopes, bindings, imports, and every expression that
 * resolves to a qualified name of an imported module (`aml.Workspace.from_config` →
 * `azureml.core.Workspace.from_config`), with light value tracking so that method calls on
 * v1 objects (`ws = Workspace.from_config(); ws.write_config()`) resolve too.
 *
 * How it walks: statements in document order, like Python runs them. Function bodies are
 * deferred to the end of their enclosing scope (they run later, when the module's names are
 * bound); class bodies run in place. A name resolves to the last binding before the use in
 * its own scope, then in the enclosing scopes (where, for deferred bodies, a binding made
 * later in the module counts when there is none before).
 */
import type { SyntaxNode, SyntaxTree } from '../syntax';
import { ALIASES, AUTOML_SCORING_RUNTIME, ELEMENTS, ENTRIES, ITEMS, canonical, classifyModule, isUnder, lookup, returnType, KNOWN_CLASSES, takesWorkspaceFirst, typedName } from '../catalogue';
import type { ModuleClass, ReturnType } from '../catalogue/types';

/** What an expression is known to hold. */
export type Value =
  /** A module, class, function or attribute reached through imports: `azureml.core.Workspace`. */
  | { kind: 'ref'; qname: string; onInstance?: boolean }
  /** An object of a known class: `Workspace.from_config()` → instance of `azureml.core.Workspace`. */
  | { kind: 'instance'; type: string }
  | { kind: 'tuple'; items: Array<Value | undefined> }
  /**
   * A user-defined function or class: shadows imports of the same name. `returns`: what calling
   * it gives, for a function whose return annotation is an SDK class (`def get_pipeline(...) -> Pipeline:`)
   * or whose every `return` gives the same SDK object (`def get_ws(): return Workspace.from_config()`).
   */
  | { kind: 'local'; returns?: Value };

export type ScopeKind = 'module' | 'function' | 'class' | 'lambda' | 'comprehension';

export interface Binding {
  name: string;
  value: Value | undefined;
  /** The identifier (or import name) that binds. */
  node: SyntaxNode;
  /** Offset from which the binding is visible (end of the binding statement). */
  start: number;
  scope: Scope;
  kind: 'import' | 'assign' | 'def' | 'class' | 'param' | 'loop' | 'with' | 'except' | 'other';
  /** For import bindings: the import record. */
  importRecord?: ImportRecord;
}

export interface Scope {
  kind: ScopeKind;
  node: SyntaxNode;
  parent?: Scope;
  /** Name → bindings in document order. */
  bindings: Map<string, Binding[]>;
  /** Deferred scopes (function bodies) see later bindings of their enclosing scopes. */
  deferred: boolean;
  /** Names declared `global` in this (function) scope: assignments bind in the module scope. */
  globals?: Set<string>;
}

export interface ImportedName {
  /** Fully qualified imported name: `azureml.core.Workspace`, or the module for `import x.y`. */
  qname: string;
  /** The name bound locally (alias or first segment). Undefined for star imports. */
  bound?: string;
  node: SyntaxNode;
  sdk: ModuleClass;
}

export interface ImportRecord {
  statement: SyntaxNode;
  /** `from X import ...`: X; `import X.Y`: one record per dotted name. */
  module: string;
  /** The node naming the module (range for findings). */
  moduleNode: SyntaxNode;
  names: ImportedName[];
  star: boolean;
  /** The SDK this import belongs to: v1 if any imported name is v1. */
  sdk: ModuleClass;
}

export interface Reference {
  /** Canonical qualified name. */
  qname: string;
  /** The expression that names it (the callee for calls). */
  node: SyntaxNode;
  /** Set for calls: the call node. */
  call?: SyntaxNode;
  /** The member was reached through a tracked object (`run.log`), not through imports. */
  onInstance: boolean;
  sdk: ModuleClass;
}

export interface CallRecord {
  call: SyntaxNode;
  callee: Value | undefined;
  /** Argument nodes with their values (keyword arguments by their value node). */
  args: Array<{ node: SyntaxNode; value: Value | undefined; keyword?: string }>;
}

export interface SemanticModel {
  tree: SyntaxTree;
  moduleScope: Scope;
  scopes: Scope[];
  imports: ImportRecord[];
  references: Reference[];
  calls: CallRecord[];
  /** Evaluates an expression node after the walk (used by hover). */
  evaluate(node: SyntaxNode): Value | undefined;
  /** The binding a name use resolves to. */
  resolveName(name: string, at: SyntaxNode): Binding | undefined;
  /** The scope that contains a node. */
  scopeAt(node: SyntaxNode): Scope;
  /** Identifier uses of each binding seen while walking (imports used, names to rename). */
  uses: ReadonlyMap<Binding, readonly SyntaxNode[]>;
  /** Every name bound somewhere to a value of an SDK (code that names none of them and no `azure` cannot involve an SDK). */
  sdkNames: ReadonlySet<string>;
  /** The module's classification of a qualified name (classifyModule, but see ModelOptions). */
  classify(qname: string): ModuleClass;
}

/** Classifies a value's qualified name (v1, v2, ...). */
export function sdkOf(value: Value | undefined, classify: (qname: string) => ModuleClass = classifyModule): ModuleClass {
  if (value?.kind === 'ref') return classify(value.qname);
  if (value?.kind === 'instance') return classify(value.type);
  return 'other';
}

/** A value's SDK as a module classifies it (`sdkOf`, but an AutoML scoring script's runtime is not v1: ModelOptions). */
export function sdkIn(model: SemanticModel, value: Value | undefined): ModuleClass {
  return sdkOf(value, model.classify);
}

/** A value that belongs to an SDK (or holds an object of one): what makes a name worth tracking. */
function isSdkValue(value: Value | undefined): boolean {
  if (!value) return false;
  if (value.kind === 'tuple') return value.items.some(isSdkValue);
  // A function of the module that returns an SDK object: code calling it makes one.
  if (value.kind === 'local') return isSdkValue(value.returns);
  return sdkOf(value) !== 'other';
}

const SCOPE_NODES: Record<string, ScopeKind> = {
  function_definition: 'function',
  class_definition: 'class',
  lambda: 'lambda',
  list_comprehension: 'comprehension',
  set_comprehension: 'comprehension',
  dictionary_comprehension: 'comprehension',
  generator_expression: 'comprehension',
};

export interface ModelOptions {
  /**
   * The module is a scoring script AutoML generated with a model (catalogue isAutomlScoringScript): its
   * imports of AutoML's runtime and telemetry (AUTOML_SCORING_RUNTIME) are classified as v2-era, not v1.
   */
  automlScoring?: boolean;
  /**
   * Walk every function body, also those `bodyMatters` skips. Only the soundness test of that shortcut sets it
   * (test/engine/model-shortcut.test.ts): the SDK facts of both walks must be the same.
   */
  walkAllBodies?: boolean;
}

/** How many times the model is built again at most while the module's functions' returns and parameters are typed. */
const MAX_INFERENCE_ROUNDS = 3;

/** What one build found about the module's own functions, for the next (see buildSemanticModel). */
interface Inferred {
  /** By the def's start index: the one SDK object every `return` gives (returnedValue). */
  returns: Map<number, Value>;
  /** By the parameter name's start index: the one SDK object every call passes (Builder.inferParameters). */
  params: Map<number, Value>;
}

/**
 * Builds the model. The walk runs the module body before the function bodies (as Python does), so what a
 * function returns is known only after the uses of its calls were walked: when the walk finds functions that
 * return an SDK object (`def get_workspace(): ws = Workspace.from_config(); return ws`), the model is built
 * again knowing them, so that `ws = get_workspace(); ws.get_default_datastore()` resolves. Likewise for a
 * parameter every call of its function passes the same SDK object (`def register(ws): ws.get_default_datastore()`
 * called as `register(Workspace.from_config())`). A function calling such a function may return or pass on its
 * object in turn: up to MAX_INFERENCE_ROUNDS more builds, only in modules with such functions.
 */
export function buildSemanticModel(tree: SyntaxTree, options: ModelOptions = {}): SemanticModel {
  let known: Inferred = { returns: new Map(), params: new Map() };
  for (let round = 0; ; round++) {
    const builder = new Builder(tree, options, known);
    const model = builder.build();
    const found = builder.inferred;
    if (round === MAX_INFERENCE_ROUNDS || (sameReturns(found.returns, known.returns) && sameReturns(found.params, known.params))) return model;
    known = found;
  }
}

function sameReturns(a: ReadonlyMap<number, Value>, b: ReadonlyMap<number, Value>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (!b.has(k) || !sameValue(v, b.get(k))) return false;
  return true;
}

function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind === 'instance' && b.kind === 'instance') return a.type === b.type;
  if (a.kind === 'ref' && b.kind === 'ref') return a.qname === b.qname && !!a.onInstance === !!b.onInstance;
  if (a.kind === 'tuple' && b.kind === 'tuple') return a.items.length === b.items.length && a.items.every((v, i) => sameValue(v, b.items[i]));
  return false;
}

/**
 * An SDK object a name can hold and hand on: an instance, or a chain through an attribute holding a v1 object
 * (`run.experiment.workspace`, `run.parent`: ATTRIBUTE_TYPES), whose name the model keeps as it reads it (the job-client
 * rewrites key on it) — a function returning one, or a parameter every call passes one, holds that same chain. Not
 * another attribute (`run.id`, `ws.name`: plain values) nor a class or function.
 */
function isObject(v: Value | undefined): boolean {
  if (v?.kind === 'instance') return true;
  if (v?.kind !== 'ref' || !v.onInstance) return false;
  const typed = typedName(v.qname);
  return typed !== v.qname && isClass(typed);
}

/** A v1 Workspace (what a parameter handed to v1 as the workspace holds). */
const WORKSPACE_TYPE = 'azureml.core.Workspace';
const WORKSPACE_VALUE: Value = { kind: 'instance', type: WORKSPACE_TYPE };

/** A v1 Workspace, or a chain typed one (`run.experiment.workspace`). */
function isWorkspace(v: Value): boolean {
  if (v.kind === 'instance') return v.type === WORKSPACE_TYPE;
  return v.kind === 'ref' && !!v.onInstance && typedName(v.qname) === WORKSPACE_TYPE;
}

/**
 * Is the identifier `u` the workspace argument of a v1 call: `workspace=u` of any v1 callable, or the first argument of one
 * taking the workspace first (catalogue WORKSPACE_FIRST)? `calleeOf` gives a call's callee. For Builder.inferWorkspaceParameters
 * and the fixes (rewrites/workspace.ts untypedBridge).
 */
export function givenAsWorkspace(u: SyntaxNode, calleeOf: (call: SyntaxNode) => Value | undefined, classify: (qname: string) => ModuleClass): boolean {
  const kw = u.parent?.type === 'keyword_argument' && u.parent.childForFieldName('value')?.id === u.id ? u.parent : undefined;
  const list = (kw ?? u).parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  if (call?.type !== 'call' || (kw && kw.childForFieldName('name')?.text !== 'workspace')) return false;
  const callee = calleeOf(call);
  if (callee?.kind !== 'ref' || classify(callee.qname) !== 'v1') return false;
  if (kw) return true;
  const first = list!.namedChildren.find((c) => c.type !== 'comment');
  return first?.id === u.id && takesWorkspaceFirst(callee.qname);
}

/**
 * What a function's `return` statements give, when that is one SDK object: every `return` with a value
 * returns an instance of the same SDK class (or tuples of the same shape), and at least one does. `return`,
 * `return None` and falling off the end are allowed (an optional object); a generator is not a function
 * returning its values.
 */
function returnedValue(returns: ReadonlyArray<Value | undefined>): Value | undefined {
  if (!returns.length || !returns.every((v) => isObject(v) || (v?.kind === 'tuple' && v.items.every((x) => x === undefined || isObject(x) || x.kind === 'tuple')))) return undefined;
  const first = returns[0]!;
  if (!returns.every((v) => sameValue(v, first)) || !isSdkValue(first)) return undefined;
  return first;
}

/** A module's classification of qualified names (see ModelOptions). */
function classifierFor(options: ModelOptions): (qname: string) => ModuleClass {
  if (!options.automlScoring) return classifyModule;
  return (qname) => (AUTOML_SCORING_RUNTIME.some((p) => isUnder(qname, p)) ? 'v2-era-azureml' : classifyModule(qname));
}

class Builder {
  private readonly scopes: Scope[] = [];
  private readonly scopeByNode = new Map<number, Scope>();
  private readonly imports: ImportRecord[] = [];
  private readonly references: Reference[] = [];
  private readonly calls: CallRecord[] = [];
  private readonly deferred: Array<() => void> = [];
  private readonly moduleScope: Scope;
  private readonly uses = new Map<Binding, SyntaxNode[]>();
  private walking = true;
  /** Names bound anywhere so far to a value of an SDK (see `bodyMatters`). */
  private readonly sdkNames = new Set<string>();
  private sdkNamesPattern?: RegExp;
  private sdkNamesPatternSize = 0;

  private readonly classify: (qname: string) => ModuleClass;
  private readonly walkAllBodies: boolean;
  /** The values of the `return` statements of the function body being walked (undefined outside functions). */
  private returnSink?: Array<Value | undefined>;
  /** What this build found about the module's functions: see buildSemanticModel. */
  readonly inferred: Inferred = { returns: new Map(), params: new Map() };

  constructor(
    private readonly tree: SyntaxTree,
    options: ModelOptions,
    /** What the previous build found about the module's functions. */
    private readonly known: Inferred = { returns: new Map(), params: new Map() },
  ) {
    this.classify = classifierFor(options);
    this.walkAllBodies = !!options.walkAllBodies;
    this.moduleScope = this.newScope('module', tree.rootNode, undefined, false);
  }

  build(): SemanticModel {
    this.walkBlock(this.tree.rootNode, this.moduleScope);
    // Function bodies run after the module body; each may defer nested functions in turn.
    while (this.deferred.length) this.deferred.shift()!();
    this.walking = false;
    this.inferParameters();
    return {
      uses: this.uses,
      sdkNames: this.sdkNames,
      tree: this.tree,
      moduleScope: this.moduleScope,
      scopes: this.scopes,
      imports: this.imports,
      references: this.references,
      calls: this.calls,
      evaluate: (node) => this.evaluate(node, this.scopeAt(node)),
      resolveName: (name, at) => this.lookup(name, at.startIndex, this.scopeAt(at)),
      scopeAt: (node) => this.scopeAt(node),
      classify: this.classify,
    };
  }

  // ---- scopes and bindings ------------------------------------------------------------

  private newScope(kind: ScopeKind, node: SyntaxNode, parent: Scope | undefined, deferred: boolean): Scope {
    const scope: Scope = { kind, node, parent, bindings: new Map(), deferred };
    this.scopes.push(scope);
    this.scopeByNode.set(node.id, scope);
    return scope;
  }

  private scopeAt(node: SyntaxNode): Scope {
    for (let n: SyntaxNode | null = node; n; n = n.parent) {
      const s = this.scopeByNode.get(n.id);
      // A def's name, decorators, defaults and annotations belong to the enclosing scope.
      if (s && !(s.kind !== 'module' && isHeaderPart(n, node))) return s;
    }
    return this.moduleScope;
  }

  private bind(scope: Scope, name: string, node: SyntaxNode, value: Value | undefined, kind: Binding['kind'], start: number, importRecord?: ImportRecord): void {
    if (scope.globals?.has(name)) scope = this.moduleScope;
    if (isSdkValue(value)) this.sdkNames.add(name);
    const list = scope.bindings.get(name) ?? [];
    list.push({ name, value, node, start, scope, kind, importRecord });
    scope.bindings.set(name, list);
  }

  private lookup(name: string, at: number, scope: Scope): Binding | undefined {
    let lateOk = false;
    for (let s: Scope | undefined = scope, first = true; s; s = s.parent, first = false) {
      // Names in a class body are not visible from the methods inside it.
      if (!first && s.kind === 'class') continue;
      const list = s.bindings.get(name);
      if (list && list.length) {
        let found: Binding | undefined;
        for (const b of list) {
          if (b.start <= at) found = b;
          else break;
        }
        if (found) return found;
        if (lateOk) return list[0];
        // A local of a function that is bound only later in it: unknown (not the global).
        if (s.kind === 'function') return undefined;
      }
      if (s.deferred) lateOk = true;
    }
    return undefined;
  }

  // ---- statements ---------------------------------------------------------------------

  private walkBlock(block: SyntaxNode, scope: Scope): void {
    for (const child of block.namedChildren) this.walkStatement(child, scope);
  }

  private walkStatement(node: SyntaxNode, scope: Scope): void {
    switch (node.type) {
      case 'import_statement':
        return this.importStatement(node, scope);
      case 'import_from_statement':
        return this.importFrom(node, scope);
      case 'future_import_statement':
      case 'comment':
      case 'global_statement':
        // `global ws` then `ws = Workspace.from_config()` in a function binds the module's `ws`.
        if (scope.kind === 'function') for (const id of node.namedChildren) if (id.type === 'identifier') (scope.globals ??= new Set()).add(id.text);
        return;
      case 'nonlocal_statement':
        return;
      case 'return_statement': {
        const expr = node.namedChildren.find((c) => c.type !== 'comment');
        const value = expr ? this.walkExpr(expr, scope) : undefined;
        // `return` and `return None` say nothing against an SDK object; any other value must be one.
        if (expr && expr.type !== 'none') this.returnSink?.push(value);
        return;
      }
      case 'decorated_definition':
        for (const d of node.namedChildren) if (d.type === 'decorator') this.walkExpr(d, scope);
        if (node.childForFieldName('definition')) this.walkStatement(node.childForFieldName('definition')!, scope);
        return;
      case 'function_definition':
        return this.functionDef(node, scope);
      case 'class_definition':
        return this.classDef(node, scope);
      case 'expression_statement':
        for (const c of node.namedChildren) this.walkExpr(c, scope);
        return;
      case 'for_statement': {
        const right = node.childForFieldName('right');
        this.walkExpr(right, scope);
        this.bindTarget(node.childForFieldName('left'), this.elementOf(right, scope), scope, 'loop', node.childForFieldName('left')?.endIndex ?? node.startIndex);
        for (const c of node.namedChildren) if (c.type === 'block' || c.type === 'else_clause') this.walkBody(c, scope);
        return;
      }
      case 'with_statement': {
        for (const clause of node.namedChildren) {
          if (clause.type !== 'with_clause') continue;
          for (const item of clause.namedChildren) {
            const value = item.childForFieldName('value');
            if (value?.type === 'as_pattern') {
              const expr = value.namedChildren[0];
              const v = this.walkExpr(expr, scope);
              const target = value.childForFieldName('alias');
              this.bindTarget(target?.namedChildren[0] ?? target, v, scope, 'with', value.endIndex);
            } else this.walkExpr(value, scope);
          }
        }
        const body = node.childForFieldName('body');
        if (body) this.walkBody(body, scope);
        return;
      }
      case 'try_statement':
        for (const c of node.namedChildren) {
          if (c.type === 'except_clause' || c.type === 'except_group_clause') {
            for (const part of c.namedChildren) {
              if (part.type === 'block') this.walkBody(part, scope);
              else if (part.type === 'as_pattern') {
                this.walkExpr(part.namedChildren[0], scope);
                const alias = part.childForFieldName('alias');
                this.bindTarget(alias?.namedChildren[0] ?? alias, undefined, scope, 'except', part.endIndex);
              } else this.walkExpr(part, scope);
            }
          } else this.walkBody(c, scope);
        }
        return;
      case 'if_statement':
      case 'while_statement':
      case 'elif_clause':
      case 'else_clause':
      case 'finally_clause':
      case 'match_statement':
      case 'case_clause':
      case 'block':
        for (const c of node.namedChildren) {
          if (c.type === 'block' || c.type.endsWith('_clause') || c.type === 'case_clause') this.walkBody(c, scope);
          else this.walkExpr(c, scope);
        }
        return;
      default:
        // return/raise/assert/del/print/exec/pass/type alias...: walk any expressions inside.
        for (const c of node.namedChildren) {
          if (isStatement(c)) this.walkStatement(c, scope);
          else this.walkExpr(c, scope);
        }
    }
  }

  private walkBody(node: SyntaxNode, scope: Scope): void {
    if (node.type === 'block') this.walkBlock(node, scope);
    else this.walkStatement(node, scope);
  }

  private importStatement(node: SyntaxNode, scope: Scope): void {
    for (const item of node.childrenForFieldName('name')) {
      const dotted = item.type === 'aliased_import' ? item.childForFieldName('name')! : item;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
      const module = dottedText(dotted);
      const sdk = this.classify(module);
      const bound = alias ? alias.text : module.split('.')[0];
      const record: ImportRecord = {
        statement: node,
        module,
        moduleNode: dotted,
        names: [{ qname: module, bound, node: item, sdk }],
        star: false,
        sdk,
      };
      this.imports.push(record);
      // `import a.b.c` binds `a` (to the package a); `import a.b.c as x` binds x to a.b.c.
      const value: Value = { kind: 'ref', qname: alias ? canonical(module) : bound };
      this.bind(scope, bound, alias ?? dotted.namedChildren[0] ?? dotted, value, 'import', node.endIndex, record);
    }
  }

  private importFrom(node: SyntaxNode, scope: Scope): void {
    const moduleNode = node.childForFieldName('module_name');
    if (!moduleNode) return;
    const module = moduleNode.type === 'relative_import' ? moduleNode.text.replace(/\s+/g, '') : dottedText(moduleNode);
    const record: ImportRecord = { statement: node, module, moduleNode, names: [], star: false, sdk: 'other' };
    const relative = module.startsWith('.');
    for (const item of node.childrenForFieldName('name')) {
      const dotted = item.type === 'aliased_import' ? item.childForFieldName('name')! : item;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias') : null;
      const qname = relative ? `${module}${module.endsWith('.') ? '' : '.'}${dottedText(dotted)}` : `${module}.${dottedText(dotted)}`;
      const sdk = relative ? 'other' : this.classify(qname);
      const bound = alias ? alias.text : dottedText(dotted);
      record.names.push({ qname, bound, node: item, sdk });
    }
    if (node.namedChildren.some((c) => c.type === 'wildcard_import')) {
      record.star = true;
      if (!relative) {
        for (const name of starNames(module)) {
          const qname = `${module}.${name}`;
          record.names.push({ qname, bound: name, node: moduleNode, sdk: this.classify(qname) });
        }
        if (!record.names.length) record.names.push({ qname: module, node: moduleNode, sdk: this.classify(module) });
      }
    }
    record.sdk = combineSdk(record.names.map((n) => n.sdk));
    this.imports.push(record);
    for (const n of record.names) {
      if (!n.bound) continue;
      const bindNode = n.node.type === 'aliased_import' ? n.node.childForFieldName('alias')! : n.node;
      this.bind(scope, n.bound, bindNode, relative ? { kind: 'local' } : { kind: 'ref', qname: canonical(n.qname) }, 'import', node.endIndex, record);
    }
  }

  private functionDef(node: SyntaxNode, scope: Scope): void {
    const name = node.childForFieldName('name');
    const params = node.childForFieldName('parameters');
    // Defaults and annotations are evaluated where the def stands.
    const paramValues: Array<[SyntaxNode, Value | undefined]> = [];
    for (const p of params?.namedChildren ?? []) {
      for (const [id, v] of this.parameter(p, scope)) paramValues.push([id, v ?? this.known.params.get(id.startIndex)]);
    }
    const ret = node.childForFieldName('return_type');
    const rt = ret ? this.walkExpr(ret, scope) : undefined;
    // `-> Pipeline`: a call of the function holds a Pipeline, as `p: Pipeline` does for a parameter (the
    // annotation is the code's own statement of the type, which type checkers trust too).
    const annotated: Value | undefined = rt?.kind === 'ref' && isClass(rt.qname) ? { kind: 'instance', type: rt.qname } : undefined;
    const returns = annotated ?? this.known.returns.get(node.startIndex);
    if (name) this.bind(scope, name.text, name, returns ? { kind: 'local', returns } : { kind: 'local' }, 'def', node.endIndex);
    // A function with an SDK parameter is an SDK name: the fixes of its body may depend on whether and how the module
    // calls it (rewrites/workspace.ts configParameter), so the editor re-runs the rules for an edit naming it (reuse.ts).
    if (name?.type === 'identifier' && paramValues.some(([, v]) => isSdkValue(v))) this.sdkNames.add(name.text);
    const fnScope = this.newScope('function', node, scope, true);
    this.deferred.push(() => {
      if (!this.bodyMatters(node, paramValues)) return;
      for (const [id, v] of paramValues) this.bind(fnScope, id.text, id, v, 'param', -1);
      const body = node.childForFieldName('body');
      if (!body) return;
      const outer = this.returnSink;
      const sink: Array<Value | undefined> = (this.returnSink = []);
      try {
        this.walkBlock(body, fnScope);
      } finally {
        this.returnSink = outer;
      }
      // Nested functions are deferred, so `sink` holds this body's returns only; lambdas have none. Not for a
      // coroutine (`async def`: a call gives an awaitable), a decorated function (the wrapper decides what a call
      // gives: `@dask.delayed`), a generator, nor a name bound again in its scope (a helper redefined in a later
      // cell: the body a deferred call reaches is not told).
      const value =
        annotated || name?.type !== 'identifier' || node.children.some((c) => c.type === 'async') || node.parent?.type === 'decorated_definition' || hasYield(body) || (scope.bindings.get(name.text) ?? []).length > 1
          ? undefined
          : returnedValue(sink);
      if (value) this.inferred.returns.set(node.startIndex, value);
    });
  }

  /**
   * Parameters every call of their function passes the same SDK object (`def register(ws, name): ...` called as
   * `register(ws, "a")` and `register(ws, "b")` with `ws = Workspace.from_config()`): typed in the next build. Only
   * for a function bound once, not a method nor decorated, whose name the module mentions nowhere but in its `def`
   * and in calls of it seen by the walk (not passed as a callback, not called from a body the walk skipped: the
   * module's identifiers are counted, not its comments and strings), none with `*args`/`**kwargs`; a parameter every call passes,
   * by position or by keyword. A function nobody calls in the module keeps untyped parameters.
   */
  private inferParameters(): void {
    const records = new Map<number, CallRecord>();
    for (const c of this.calls) records.set(c.call.id, c);
    const byUse = this.workspaceParameters(records);
    let counts: Map<string, number> | undefined;
    /**
     * How many identifiers of the module's code have each name (attribute and keyword names included): a comment or a
     * string naming the function ("similar to the get_datastore function", a docstring) calls nothing, and the
     * editor's reuse treats an edit inside one as inert (reuse.ts), so they must not count.
     */
    const mentions = (name: string): number => {
      if (!counts) {
        counts = new Map();
        for (const id of this.tree.rootNode.descendantsOfType('identifier')) counts.set(id.text, (counts.get(id.text) ?? 0) + 1);
      }
      return counts.get(name) ?? 0;
    };
    for (const scope of this.scopes) {
      if (scope.kind === 'class') continue;
      for (const [name, list] of scope.bindings) {
        // The editor (reuse.ts) re-runs the rules for any edit of a statement naming an SDK binding: a function some
        // call passes an SDK object counts as one, since a statement calling it, or mentioning it, may type its
        // parameters or stop them being typed.
        const callsOf = (b: Binding) => (this.uses.get(b) ?? []).map((u) => (u.parent?.type === 'call' && u.parent.childForFieldName('function')?.id === u.id ? records.get(u.parent.id) : undefined));
        if (!list.some((b) => b.kind === 'def' && callsOf(b).some((c) => c?.args.some((a) => isSdkValue(a.value))))) continue;
        this.sdkNames.add(name);
        const def = list.length === 1 && list[0].kind === 'def' ? list[0].node.parent : undefined;
        if (def?.type !== 'function_definition' || def.parent?.type === 'decorated_definition') continue;
        const uses = this.uses.get(list[0]) ?? [];
        if (!uses.length || mentions(name) !== uses.length + 1) continue;
        const calls = callsOf(list[0]);
        if (calls.some((c) => !c || c.call.childForFieldName('arguments')?.namedChildren.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat'))) continue;
        let positional = true;
        (def.childForFieldName('parameters')?.namedChildren.filter((c) => c.type !== 'comment') ?? []).forEach((p, i) => {
          const id = p.type === 'identifier' ? p : p.type === 'default_parameter' ? p.childForFieldName('name') : undefined;
          // After `*args`, a bare `*` or a `/`, the parameters are matched by keyword only (conservative after `/`).
          if (id?.type !== 'identifier') {
            if (p.type !== 'typed_parameter' && p.type !== 'typed_default_parameter') positional = false;
            return;
          }
          let value: Value | undefined;
          for (const c of calls) {
            const arg = c!.args.find((a) => a.keyword === id.text) ?? (positional ? c!.args.filter((a) => !a.keyword)[i] : undefined);
            if (!arg || !isObject(arg.value) || !isSdkValue(arg.value) || (value && !sameValue(value, arg.value))) return;
            value = arg.value;
          }
          // A parameter the body hands to v1 as the workspace keeps that type unless the calls pass a workspace
          // (`run.experiment.workspace` too): another object there would make the rounds flip between the two.
          if (value && byUse.has(id.startIndex) && !isWorkspace(value)) return;
          if (value) this.inferred.params.set(id.startIndex, value);
        });
      }
    }
    for (const start of byUse) if (!this.inferred.params.has(start)) this.inferred.params.set(start, WORKSPACE_VALUE);
  }

  /**
   * A parameter the function's body passes as a workspace to SDK v1 (`workspace=ws` of any v1 call, or the first
   * argument of a callable taking the workspace first: `ComputeTarget(ws, "cpu")`, `Experiment(ws, name)`,
   * WORKSPACE_FIRST) holds a v1 Workspace, whoever calls the function (a helper module's `def make_compute(ws, name)`
   * is called from another file): typed in the next build, so that its other uses (`ws.get_default_datastore()`) are
   * found (the calls may still type it more precisely: a run's `experiment.workspace`). Only a parameter with no
   * annotation (one typed by an earlier round is taken again), bound once in its function; a v1 call only, so v2 code
   * (an MLClient handed on) never gives one. By the parameter name's start index.
   */
  private workspaceParameters(records: ReadonlyMap<number, CallRecord>): Set<number> {
    const out = new Set<number>();
    const calleeOf = (call: SyntaxNode): Value | undefined => records.get(call.id)?.callee;
    for (const scope of this.scopes) {
      if (scope.kind !== 'function') continue;
      for (const list of scope.bindings.values()) {
        const b = list[0];
        if (list.length !== 1 || b.kind !== 'param') continue;
        // (An annotated parameter already has its type: no other build for it.)
        if (b.value && !sameValue(b.value, this.known.params.get(b.node.startIndex))) continue;
        if ((this.uses.get(b) ?? []).some((u) => givenAsWorkspace(u, calleeOf, this.classify))) out.add(b.node.startIndex);
      }
    }
    return out;
  }

  /**
   * Can walking this function's body change anything the rules, fixes or hovers read? Only if
   * the body names an SDK (an import inside it) or uses a name that some binding made so far
   * gives an SDK value, or a parameter is annotated with an SDK class, or it runs shell lines
   * through `get_ipython()` (AML4xx/AML5xx read those calls). Otherwise every value
   * in it is unknown or a non-SDK name (`pd.read_csv`): it can produce no reference, no call
   * with an SDK callee, no use of an SDK binding and no SDK binding, and the walk is skipped
   * (with the functions nested in it).
   *
   * Sound because function bodies are walked after the module body and after their enclosing
   * function's body, so every binding they can see is already made (`sdkNames` only grows),
   * and because the text test over-approximates: any identifier in the body, in code, a
   * string or a comment, keeps the walk. Profiled: most of the engine's time was this walk,
   * through tree-sitter's node API, and most functions of real SDK files are SDK-free
   * (pandas, scikit-learn, torch code beside the Azure ML calls).
   */
  private bodyMatters(node: SyntaxNode, params: Array<[SyntaxNode, Value | undefined]>): boolean {
    if (this.walkAllBodies || params.some(([, v]) => isSdkValue(v))) return true;
    const body = node.childForFieldName('body');
    if (!body) return false;
    const text = body.text;
    // `import azureml...`, `from azure.ai import ml` inside; a package in a string (`"pip install AzureML-Core"`).
    if (/azure/i.test(text)) return true;
    // Shell lines of a notebook exported to a script (`get_ipython().system("az ml ...")`, rules/shell.ts): the rules
    // read them from the model's calls, whose callee is no SDK's.
    if (text.includes('get_ipython')) return true;
    // ... and the CLI v1 commands Python runs (`os.system("az ml run submit-script ...")`, rules/shell.ts pythonShellLines).
    if (/\baz\s+ml\b/.test(text)) return true;
    if (this.sdkNames.size === 0) return false;
    if (!this.sdkNamesPattern || this.sdkNamesPatternSize !== this.sdkNames.size) {
      const names = [...this.sdkNames].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      // A whole identifier: not preceded or followed by a character that continues one.
      this.sdkNamesPattern = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])(?:${names.join('|')})(?![\\p{L}\\p{N}\\p{M}_])`, 'u');
      this.sdkNamesPatternSize = this.sdkNames.size;
    }
    return this.sdkNamesPattern.test(text);
  }

  /** Walks a parameter's default and annotation; returns the identifiers it binds with their annotated type. */
  private parameter(p: SyntaxNode, scope: Scope): Array<[SyntaxNode, Value | undefined]> {
    if (p.type === 'identifier') return [[p, undefined]];
    const type = p.childForFieldName('type');
    const value = p.childForFieldName('value');
    let annotated: Value | undefined;
    if (type) {
      const t = this.walkExpr(type, scope);
      // `def f(ws: Workspace)` → ws holds a Workspace.
      if (t?.kind === 'ref' && isClass(t.qname)) annotated = { kind: 'instance', type: t.qname };
    }
    if (value) this.walkExpr(value, scope);
    const id = p.childForFieldName('name') ?? p.namedChildren.find((c) => c.type === 'identifier');
    return id ? [[id, annotated]] : [];
  }

  private classDef(node: SyntaxNode, scope: Scope): void {
    const name = node.childForFieldName('name');
    const supers = node.childForFieldName('superclasses');
    if (supers) this.walkExpr(supers, scope);
    const classScope = this.newScope('class', node, scope, scope.deferred);
    const body = node.childForFieldName('body');
    if (body) this.walkBlock(body, classScope);
    if (name) this.bind(scope, name.text, name, { kind: 'local' }, 'class', node.endIndex);
  }

  /** Binds assignment targets; tuple values are unpacked item by item. */
  private bindTarget(target: SyntaxNode | null | undefined, value: Value | undefined, scope: Scope, kind: Binding['kind'], start: number): void {
    if (!target) return;
    switch (target.type) {
      case 'identifier':
        this.bind(scope, target.text, target, value, kind, start);
        return;
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'tuple':
      case 'list': {
        const items = target.namedChildren.filter((c) => c.type !== 'comment');
        items.forEach((item, i) => this.bindTarget(item, value?.kind === 'tuple' ? value.items[i] : undefined, scope, kind, start));
        return;
      }
      case 'parenthesized_expression':
        this.bindTarget(target.namedChildren[0], value, scope, kind, start);
        return;
      case 'list_splat_pattern':
        this.bindTarget(target.namedChildren[0], undefined, scope, kind, start);
        return;
      case 'attribute': {
        // `self.ws = Workspace.from_config()` in a method: later `self.ws` in the class's
        // methods holds that value (methods are walked in order, so __init__ comes first).
        const attrs = this.selfAttributes(target, scope);
        if (attrs) {
          const name = target.childForFieldName('attribute')!.text;
          attrs.set(name, value);
          // Methods that read `self.<name>` must be walked (see bodyMatters).
          if (isSdkValue(value)) this.sdkNames.add(name);
          this.walkExpr(target.childForFieldName('object'), scope);
          return;
        }
        this.walkExpr(target, scope);
        return;
      }
      default:
        // Subscript targets are not tracked, but their sub-expressions are uses.
        this.walkExpr(target, scope);
    }
  }

  /** Values assigned to `self.<attr>` per class. */
  private readonly classAttributes = new Map<number, Map<string, Value | undefined>>();

  /** For `self.x` inside a method (first parameter named `self`): that class's attribute table. */
  private selfAttributes(node: SyntaxNode, scope: Scope): Map<string, Value | undefined> | undefined {
    const object = node.childForFieldName('object');
    if (object?.type !== 'identifier' || object.text !== 'self' || !node.childForFieldName('attribute')) return undefined;
    let s: Scope | undefined = scope;
    while (s && s.kind !== 'function') s = s.parent;
    const cls = s?.parent;
    if (!s || cls?.kind !== 'class') return undefined;
    let table = this.classAttributes.get(cls.node.id);
    if (!table) this.classAttributes.set(cls.node.id, (table = new Map()));
    return table;
  }

  // ---- expressions --------------------------------------------------------------------

  /** Walks an expression, recording references and calls; returns its value. */
  private walkExpr(node: SyntaxNode | null | undefined, scope: Scope): Value | undefined {
    if (!node) return undefined;
    const kind = SCOPE_NODES[node.type];
    if (kind === 'lambda' || kind === 'comprehension') return this.walkInnerScope(node, scope, kind);
    switch (node.type) {
      case 'identifier': {
        const b = this.nameBinding(node, scope);
        const v = b?.value;
        // A name an assignment binds to an SDK name (`goal = PrimaryMetricGoal.MAXIMIZE`) or to a
        // member of an SDK object (`url = service.scoring_uri`) is reported where that is written,
        // not again at each use of the name (`print(url)`): its value may be plain data. Imported
        // SDK modules, classes and functions are references wherever used.
        if (v?.kind === 'ref' && !v.onInstance && b!.kind !== 'assign') this.addReference(v, node);
        return v;
      }
      case 'attribute': {
        const v = this.walkAttribute(node, scope);
        if (v?.kind === 'ref') this.addReference(v, node);
        return v;
      }
      case 'call':
        return this.walkCall(node, scope);
      case 'assignment': {
        const right = node.childForFieldName('right');
        const type = node.childForFieldName('type');
        if (type) this.walkExpr(type, scope);
        const v = right ? this.walkExpr(right, scope) : undefined;
        const left = node.childForFieldName('left');
        this.bindTarget(left, v, scope, 'assign', node.endIndex);
        // `runs = exp.get_runs()` holds SDK objects a later loop may take (elementOf): an edit naming `runs`
        // must re-run the rules (engine/reuse.ts), also one that rebinds it.
        if (!v && left?.type === 'identifier' && mayYieldElements(right, this.sdkNames) && this.elementOf(right, scope)) this.sdkNames.add(left.text);
        return v;
      }
      case 'augmented_assignment': {
        this.walkExpr(node.childForFieldName('right'), scope);
        const left = node.childForFieldName('left');
        if (left?.type === 'identifier') this.bind(scope, left.text, left, undefined, 'assign', node.endIndex);
        else this.walkExpr(left, scope);
        return undefined;
      }
      case 'named_expression': {
        const v = this.walkExpr(node.childForFieldName('value'), scope);
        const name = node.childForFieldName('name');
        if (name) this.bind(scope, name.text, name, v, 'assign', node.endIndex);
        return v;
      }
      case 'subscript': {
        // `ws.datasets["train"]` is a Dataset: the collection is a use, the item a v1 object.
        const object = node.childForFieldName('value');
        const v = this.walkExpr(object, scope);
        for (const c of node.childrenForFieldName('subscript')) this.walkExpr(c, scope);
        const item = v?.kind === 'ref' ? own(ITEMS, v.qname) : undefined;
        if (item) return { kind: 'instance', type: item };
        // `list(exp.get_runs())[0]`, `children[-1]`: one element of a v1 collection (not a slice).
        const index = node.childrenForFieldName('subscript');
        // (gated as assignments are: `df["col"]` in pandas code must not cost a lookup chain)
        return !v && index.length === 1 && index[0].type !== 'slice' && mayYieldElements(object, this.sdkNames) ? this.elementOf(object, scope) : undefined;
      }
      case 'expression_list':
      case 'tuple':
        // `ws, exp = Workspace.from_config(), Experiment(ws, "x")`: items keep their values.
        return { kind: 'tuple', items: node.namedChildren.filter((c) => c.type !== 'comment').map((c) => this.walkExpr(c, scope)) };
      case 'keyword_argument':
        // The keyword's name is not a use of a variable.
        return this.walkExpr(node.childForFieldName('value'), scope);
      case 'parenthesized_expression':
        return node.namedChildren.length === 1 ? this.walkExpr(node.namedChildren[0], scope) : this.walkChildren(node, scope);
      case 'await':
      case 'type':
        // `type` wraps annotations: `ws: Workspace`.
        return node.namedChildren.length === 1 ? this.walkExpr(node.namedChildren[0], scope) : this.walkChildren(node, scope);
      case 'string':
        // Only f-string interpolations are code. They are direct children of their string
        // (tree-sitter-python: string_start, string_content | interpolation, string_end); nested
        // f-strings are reached through walkExpr. (Was descendantsOfType + a parent walk per
        // interpolation: cubic time on deeply nested f-strings, issue 8.)
        for (const d of node.namedChildren) {
          if (d.type === 'interpolation') this.walkExpr(d.childForFieldName('expression') ?? d.namedChildren[0], scope);
        }
        return undefined;
      case 'concatenated_string':
        // `f"{a}" "b"`: each part is a string.
        for (const part of node.namedChildren) if (part.type === 'string') this.walkExpr(part, scope);
        return undefined;
      case 'comment':
      case 'integer':
      case 'float':
      case 'true':
      case 'false':
      case 'none':
      case 'ERROR':
        if (node.type === 'ERROR') this.walkChildren(node, scope);
        return undefined;
      default:
        if (isStatement(node)) {
          this.walkStatement(node, scope);
          return undefined;
        }
        return this.walkChildren(node, scope);
    }
  }

  private walkChildren(node: SyntaxNode, scope: Scope): undefined {
    for (const c of node.namedChildren) {
      if (isStatement(c)) this.walkStatement(c, scope);
      else this.walkExpr(c, scope);
    }
    return undefined;
  }

  private walkInnerScope(node: SyntaxNode, scope: Scope, kind: ScopeKind): undefined {
    const inner = this.newScope(kind, node, scope, scope.deferred);
    if (kind === 'lambda') {
      for (const p of node.childForFieldName('parameters')?.namedChildren ?? []) {
        for (const [id, v] of this.parameter(p, scope)) this.bind(inner, id.text, id, v, 'param', -1);
      }
      this.walkExpr(node.childForFieldName('body'), inner);
      return undefined;
    }
    // Comprehension: the `for ... in` clauses bind in the inner scope; the body comes last.
    for (const c of node.namedChildren) {
      if (c.type === 'for_in_clause') {
        this.walkExpr(c.childForFieldName('right'), inner);
        this.bindTarget(c.childForFieldName('left'), undefined, inner, 'loop', -1);
      } else if (c.type === 'if_clause') this.walkExpr(c, inner);
    }
    const body = node.childForFieldName('body');
    if (body) this.walkExpr(body, inner);
    return undefined;
  }

  /** Value of an attribute expression; walks sub-expressions of its object. */
  private walkAttribute(node: SyntaxNode, scope: Scope): Value | undefined {
    const object = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute');
    if (!object || !attr) return undefined;
    const own = this.selfAttributes(node, scope);
    if (own?.has(attr.text)) return own.get(attr.text);
    // Walk the object for its own uses, but a chain of names is one reference (the longest).
    const base = this.chainValue(object, scope, true);
    return member(base, attr.text);
  }

  /**
   * Value of the object part of an attribute chain. Identifiers and attributes in the chain
   * are not recorded as references of their own; calls and other sub-expressions are walked.
   */
  private chainValue(node: SyntaxNode, scope: Scope, walk: boolean): Value | undefined {
    if (node.type === 'identifier') return this.nameValue(node, scope);
    if (node.type === 'attribute') {
      const object = node.childForFieldName('object');
      const attr = node.childForFieldName('attribute');
      if (!object || !attr) return undefined;
      const own = this.selfAttributes(node, scope);
      if (own?.has(attr.text)) return own.get(attr.text);
      return member(this.chainValue(object, scope, walk), attr.text);
    }
    if (node.type === 'parenthesized_expression' && node.namedChildren.length === 1) return this.chainValue(node.namedChildren[0], scope, walk);
    return walk ? this.walkExpr(node, scope) : this.evaluate(node, scope);
  }

  private walkCall(node: SyntaxNode, scope: Scope): Value | undefined {
    const fn = node.childForFieldName('function');
    const callee = fn ? this.chainValue(fn, scope, true) : undefined;
    if (fn && callee?.kind === 'ref') this.addReference(callee, fn, node);
    const args: CallRecord['args'] = [];
    const argList = node.childForFieldName('arguments');
    for (const a of argList?.namedChildren ?? []) {
      // (A comment between arguments is no argument: `f(  # the workspace\n ws, settings)`.)
      if (a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const valueNode = a.childForFieldName('value');
        const v = this.walkExpr(valueNode, scope);
        if (valueNode) args.push({ node: valueNode, value: v, keyword: a.childForFieldName('name')?.text });
      } else {
        const v = this.walkExpr(a, scope);
        args.push({ node: a, value: v });
      }
    }
    this.calls.push({ call: node, callee, args });
    const result = callResult(callee);
    // `next(exp.get_runs())`, `next(iter(children))`: Python's next gives one element (elementOf).
    if (!result && !callee && fn?.type === 'identifier' && fn.text === 'next' && args.length >= 1 && !args[0].keyword) {
      const first = args[0].node.type === 'call' && args[0].node.childForFieldName('function')?.text === 'iter' ? args[0].node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') : undefined;
      return this.elementOf(first?.length === 1 ? first[0] : args[0].node, scope);
    }
    return result;
  }

  /**
   * What a `for` loop over `iterable` yields: `run.get_children()` → Run objects; also through
   * `list(...)` / `sorted(...)` / `reversed(...)` / `tuple(...)` (Python's, not a name the module binds)
   * and through a name assigned one of those (`runs = exp.get_runs()` ... `for run in runs:`), the
   * assignment the loop sees. `depth` bounds a chain of such names.
   */
  private elementOf(iterable: SyntaxNode | null, scope: Scope, depth = 0): Value | undefined {
    if (iterable?.type === 'identifier' && depth < 4) {
      const b = this.lookup(iterable.text, iterable.startIndex, scope);
      const assign = b?.kind === 'assign' ? b.node.parent : undefined;
      const right = assign?.type === 'assignment' && assign.childForFieldName('left')?.startIndex === b!.node.startIndex ? assign.childForFieldName('right') : undefined;
      // (read where the assignment is written: for a `global` name, not the module scope)
      const element = right ? this.elementOf(right, this.scopeAt(assign!), depth + 1) : undefined;
      // The name holds SDK objects: an edit naming it must re-run the rules (engine/reuse.ts).
      if (element) this.sdkNames.add(iterable.text);
      return element;
    }
    if (iterable?.type !== 'call') return undefined;
    const fn = iterable.childForFieldName('function');
    const args = iterable.childForFieldName('arguments');
    const given = args?.type === 'argument_list' ? args.namedChildren.filter((c) => c.type !== 'comment') : [];
    const positional = given.filter((c) => c.type !== 'keyword_argument');
    // (sorted's key= and reverse= keep the elements; no splat, no other keyword.)
    const keywordsKeep = given.every((c) => c.type !== 'keyword_argument' || (fn?.text === 'sorted' && ['key', 'reverse'].includes(c.childForFieldName('name')?.text ?? '')));
    if (fn?.type === 'identifier' && PRESERVING_BUILTINS.has(fn.text) && positional.length === 1 && keywordsKeep && !positional[0].type.endsWith('splat') && !this.lookup(fn.text, fn.startIndex, scope)) {
      return depth < 4 ? this.elementOf(positional[0], scope, depth + 1) : undefined;
    }
    // The iterable was walked (its uses recorded) just before: evaluate it again without recording.
    const walking = this.walking;
    this.walking = false;
    let callee: Value | undefined;
    try {
      callee = fn ? this.evaluate(fn, scope) : undefined;
    } finally {
      this.walking = walking;
    }
    const element = callee?.kind === 'ref' ? own(ELEMENTS, callee.qname) : undefined;
    return element ? { kind: 'instance', type: element } : undefined;
  }

  private nameValue(node: SyntaxNode, scope: Scope): Value | undefined {
    return this.nameBinding(node, scope)?.value;
  }

  /** The binding a name reads (recorded as a use while walking). */
  private nameBinding(node: SyntaxNode, scope: Scope): Binding | undefined {
    const binding = this.lookup(node.text, node.startIndex, scope);
    if (binding && this.walking) {
      const list = this.uses.get(binding);
      if (list) list.push(node);
      else this.uses.set(binding, [node]);
    }
    return binding;
  }

  /** Pure evaluation (no recording), for hover and rules after the walk. */
  private evaluate(node: SyntaxNode, scope: Scope): Value | undefined {
    switch (node.type) {
      case 'identifier':
        return this.nameValue(node, scope);
      case 'attribute':
        return this.chainValue(node, scope, false);
      case 'call': {
        const fn = node.childForFieldName('function');
        return callResult(fn ? this.chainValue(fn, scope, false) : undefined);
      }
      case 'parenthesized_expression':
      case 'await':
        return node.namedChildren.length === 1 ? this.evaluate(node.namedChildren[0], scope) : undefined;
      case 'subscript': {
        const v = this.evaluate(node.childForFieldName('value')!, scope);
        const item = v?.kind === 'ref' ? own(ITEMS, v.qname) : undefined;
        return item ? { kind: 'instance', type: item } : undefined;
      }
      default:
        return undefined;
    }
  }

  private addReference(value: Extract<Value, { kind: 'ref' }>, node: SyntaxNode, call?: SyntaxNode): void {
    const sdk = this.classify(value.qname);
    if (sdk === 'other') return;
    this.references.push({ qname: value.qname, node, call, onInstance: !!value.onInstance, sdk });
  }
}

/**
 * Methods of Python's `str`. The v1 classes the catalogue types do not define these (one the catalogue lists still
 * counts: `lookup`), so one read on a v1 object means the object is in fact a string: `run.input_datasets["x"]` is a
 * Dataset for an input given as `ds.as_named_input("x")`, but the download or mount location for `.as_download()` /
 * `.as_mount()` ("The download location can also be retrieved from input_datasets of the run context":
 * https://learn.microsoft.com/python/api/azureml-core/azureml.data.dataset_consumption_config.datasetconsumptionconfig),
 * and `path.split("/")` there is no v1 API.
 */
const STR_METHODS: ReadonlySet<string> = new Set([
  'capitalize', 'casefold', 'center', 'count', 'encode', 'endswith', 'expandtabs', 'find', 'format', 'format_map', 'index',
  'isalnum', 'isalpha', 'isascii', 'isdecimal', 'isdigit', 'isidentifier', 'islower', 'isnumeric', 'isprintable', 'isspace',
  'istitle', 'isupper', 'join', 'ljust', 'lower', 'lstrip', 'maketrans', 'partition', 'removeprefix', 'removesuffix',
  'replace', 'rfind', 'rindex', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'startswith', 'strip',
  'swapcase', 'title', 'translate', 'upper', 'zfill',
]);

/** `x.attr` for a known x (a `str` method of a v1 object: unknown, see STR_METHODS). */
function member(base: Value | undefined, attr: string): Value | undefined {
  if (!base) return undefined;
  if (base.kind === 'ref') return { kind: 'ref', qname: canonical(`${base.qname}.${attr}`), onInstance: base.onInstance };
  if (base.kind === 'instance') return STR_METHODS.has(attr) && !lookup(`${base.type}.${attr}`) ? undefined : { kind: 'ref', qname: canonical(`${base.type}.${attr}`), onInstance: true };
  return undefined;
}

/**
 * v2 factories whose result v2-side rules follow (AML003 checks calls on an `MLClient`).
 * Constructors need no entry: calling a class makes an instance.
 */
const V2_RETURNS: Readonly<Record<string, string>> = {
  'azure.ai.ml.MLClient.from_config': 'azure.ai.ml.MLClient',
};

/**
 * A table lookup that ignores the prototype: user code can name anything, and `constructor` or
 * `toString` must not find Object's members.
 */
function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** Builtins whose result iterates over the same elements as their one argument. */
const PRESERVING_BUILTINS = new Set(['list', 'sorted', 'reversed', 'tuple']);

/** The method names of ELEMENTS (`get_runs`, `get_children`, `list`, ...): a cheap test before elementOf. */
const ELEMENT_METHODS = new Set(Object.keys(ELEMENTS).map((q) => q.slice(q.lastIndexOf('.') + 1)));

/**
 * Can `right` be a collection elementOf knows: a name already holding SDK objects (`sdkNames`: a name
 * assigned such a collection joins it), a call of a preserving builtin, or a call of a method named as
 * one of ELEMENTS. (Assignments run this on every call and name: most are neither; `df2 = df` must not
 * cost a lookup.)
 */
function mayYieldElements(right: SyntaxNode | null, sdkNames: ReadonlySet<string>): boolean {
  if (right?.type === 'identifier') return sdkNames.has(right.text);
  if (right?.type !== 'call') return false;
  const fn = right.childForFieldName('function');
  const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.type === 'identifier' ? fn.text : undefined;
  return !!name && (PRESERVING_BUILTINS.has(name) || ELEMENT_METHODS.has(name));
}

/** What calling a value returns: a known return type, or an instance when a class is called. */
export function callResult(callee: Value | undefined): Value | undefined {
  if (callee?.kind === 'local') return callee.returns;
  if (callee?.kind !== 'ref') return undefined;
  const rt: ReturnType | undefined = returnType(callee.qname) ?? own(V2_RETURNS, callee.qname);
  if (typeof rt === 'string') return { kind: 'instance', type: rt };
  // An empty type in a tuple is an item that is not an SDK object (e.g. a fitted model).
  if (rt) return { kind: 'tuple', items: rt.tuple.map((t) => (t ? { kind: 'instance', type: t } : undefined)) };
  if (!callee.onInstance && isClass(callee.qname)) return { kind: 'instance', type: callee.qname };
  return undefined;
}

/** A class of an SDK: known to the catalogue, or a capitalised name in a v1/v2 module. */
export function isClass(qname: string): boolean {
  if (KNOWN_CLASSES.has(qname)) return true;
  const last = qname.slice(qname.lastIndexOf('.') + 1);
  const cls = classifyModule(qname);
  return (cls === 'v1' || cls === 'v2') && /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(last);
}

/** Does a function body (not the functions or lambdas nested in it) contain `yield`? */
function hasYield(body: SyntaxNode): boolean {
  if (!body.text.includes('yield')) return false;
  const stack: SyntaxNode[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'yield') return true;
    for (const c of n.namedChildren) if (c.type !== 'function_definition' && c.type !== 'decorated_definition' && c.type !== 'lambda' && c.type !== 'class_definition') stack.push(c);
  }
  return false;
}

function combineSdk(list: ModuleClass[]): ModuleClass {
  for (const k of ['v1', 'v2', 'v2-era-azureml'] as const) if (list.includes(k)) return k;
  return 'other';
}

function dottedText(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, '');
}

function isStatement(node: SyntaxNode): boolean {
  return node.type.endsWith('_statement') || node.type === 'function_definition' || node.type === 'class_definition' || node.type === 'decorated_definition';
}

/** Is `n` a part of a def/class header (name, parameters, decorators) rather than its body? */
function isHeaderPart(scopeNode: SyntaxNode, inner: SyntaxNode): boolean {
  if (scopeNode.type !== 'function_definition' && scopeNode.type !== 'class_definition') return false;
  const body = scopeNode.childForFieldName('body');
  if (!body) return true;
  // Parameters bind inside the function; defaults and annotations are evaluated outside.
  if (scopeNode.type === 'function_definition') {
    const params = scopeNode.childForFieldName('parameters');
    if (params && inner.startIndex >= params.startIndex && inner.endIndex <= params.endIndex) {
      for (let n: SyntaxNode | null = inner; n && n.id !== params.id; n = n.parent) {
        const field = n.parent && fieldOf(n);
        if (field === 'value' || field === 'type') return true;
      }
      return false;
    }
  }
  return inner.startIndex < body.startIndex;
}

function fieldOf(node: SyntaxNode): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  for (const f of ['value', 'type', 'name']) {
    const c = parent.childForFieldName(f);
    if (c && c.id === node.id) return f;
  }
  return undefined;
}

/** Public names a star import of a known v1 module binds (classes, catalogued names, re-exports). */
function starNames(module: string): string[] {
  const out = new Set<string>();
  const prefixes = [`${module}.`, `${canonical(module)}.`];
  const consider = (q: string): void => {
    for (const prefix of prefixes) {
      if (!q.startsWith(prefix)) continue;
      const rest = q.slice(prefix.length);
      if (rest && !rest.includes('.') && !rest.startsWith('_')) out.add(rest);
    }
  };
  for (const q of KNOWN_CLASSES) consider(q);
  for (const e of ENTRIES) consider(e.v1);
  for (const alias of Object.keys(ALIASES)) consider(alias);
  return [...out];
}
