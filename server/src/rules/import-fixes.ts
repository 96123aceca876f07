/**
 * Fixes on imports: removing SDK v1 imports that nothing uses (AML100, safe), migrating every
 * use of an import and removing it (AML100, suggestion), and aliasing the v1 side of a v1/v2
 * name collision while renaming its uses (AML002, safe).
 */
import type { SyntaxNode } from '../engine/syntax';
import type { Binding, ImportRecord, Reference } from '../engine/semantic/model';
import type { Position, Range } from '../engine/types';
import { mergeInsertions } from '../engine/fix';
import { lineStarts } from '../engine/textfiles';
import { nodeRange, rangeContains, type ModuleEdit, type ModuleFix, type RuleContext } from './rule';
import { claimedBy, claimedReference } from './features';
import { v1Fix } from './v1-fixes';
import { statementRemoval } from './fixes';
import { SHARED_FIX_LIMIT } from './rewrites/common';
import { soleBinding } from './rewrites/reach';

/** Bindings an import statement made. */
function bindingsOf(ctx: RuleContext, imp: ImportRecord): Binding[] {
  const out: Binding[] = [];
  for (const scope of ctx.model.scopes) for (const list of scope.bindings.values()) for (const b of list) if (b.importRecord === imp) out.push(b);
  return out;
}

/** The text of an import statement keeping only some of its names. */
function keepNames(imp: ImportRecord, keep: Set<SyntaxNode>): string | undefined {
  if (imp.statement.descendantsOfType('comment').length) return undefined;
  const items = imp.statement.childrenForFieldName('name').filter((n) => keep.has(n)).map((n) => n.text.replace(/\s+/g, ' '));
  if (!items.length) return undefined;
  return imp.statement.type === 'import_statement' ? `import ${items.join(', ')}` : `from ${imp.module} import ${items.join(', ')}`;
}

/** The import can lose names at all: not a re-export (`__init__.py`, `__all__`), not a star import. */
function removable(ctx: RuleContext, imp: ImportRecord): boolean {
  return !reExports(ctx) && !imp.star;
}

/** A package's `__init__.py` or a module with `__all__`: its module-level names are its interface. */
function reExports(ctx: RuleContext): boolean {
  const path = ctx.input.kind !== 'notebook' ? ctx.input.path ?? '' : '';
  return /(^|[\\/])__init__\.py$/.test(path) || ctx.model.moduleScope.bindings.has('__all__');
}

/**
 * An unused import kept on purpose, which removing would change what the code does: marked
 * `# noqa` / `# pylint: disable=unused-import` on its line, a private module (`azureml.automl.
 * runtime._vendor...`), or an AutoML package imported whole (`import azureml.train.automl`, as
 * MachineLearningNotebooks' forecasting scripts do so that a pickled AutoML model loads).
 */
function forSideEffects(ctx: RuleContext, imp: ImportRecord): boolean {
  const text = ctx.module.text;
  const lineEnd = text.indexOf('\n', imp.statement.endIndex);
  const tail = text.slice(imp.statement.startIndex, lineEnd < 0 ? undefined : lineEnd);
  if (/#\s*(noqa\b|pylint:\s*disable=[\w,-]*unused-import)/.test(tail)) return true;
  return /(^|\.)_[a-z]/.test(imp.module) || (imp.statement.type === 'import_statement' && /^azureml\.(train\.automl|automl)(\.|$)/.test(imp.module));
}

/**
 * `import a.b` (no alias) loads the submodule `a.b` and binds `a`: a later `import a` or `import a.c` takes over the
 * uses of `a`, so this binding looks unused while `a.b.f()` still needs the submodule loaded (`import mlflow`,
 * `import mlflow.azureml`, `import mlflow.sklearn`, then `mlflow.azureml.deploy(...)`). Such an import stays, unless
 * another `import a.b...` statement loads the submodule as well.
 */
function loadsReadSubmodule(ctx: RuleContext, imp: ImportRecord): boolean {
  if (imp.statement.type !== 'import_statement') return false;
  return imp.names.some((n) => {
    const parts = n.qname.split('.');
    if (parts.length < 2 || n.bound !== parts[0]) return false;
    // Another `import a.b` (or `import a.b.c`) loads the submodule too: this one can go.
    const loadedElsewhere = ctx.model.imports.some((other) => other !== imp && other.statement.type === 'import_statement' && other.names.some((o) => o.qname === n.qname || o.qname.startsWith(`${n.qname}.`)));
    if (loadedElsewhere) return false;
    // Any use of any binding of `a` that reads `a.b...` (the model's uses: code, not strings or comments).
    return ctx.model.scopes.some((scope) => (scope.bindings.get(parts[0]) ?? []).some((b) => (ctx.model.uses.get(b) ?? []).some((use) => {
      let node: SyntaxNode = use;
      for (const part of parts.slice(1)) {
        const attr = node.parent;
        if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== node.id || attr.childForFieldName('attribute')?.text !== part) return false;
        node = attr;
      }
      return true;
    })));
  });
}

/** The v1 bindings an import made (its names that are SDK v1). */
function v1Bindings(imp: ImportRecord, bindings: Binding[]): Binding[] {
  return bindings.filter((b) => imp.names.find((n) => n.bound === b.name)?.sdk === 'v1');
}

/** The edit that drops the names of `gone` from an import (the whole statement when none is left); undefined when the names stay. */
function dropNames(ctx: RuleContext, imp: ImportRecord, bindings: Binding[], gone: Set<string>): ModuleEdit | undefined {
  const items = imp.statement.childrenForFieldName('name');
  const keep = new Set(items.filter((item) => {
    const n = imp.names.find((x) => x.node.id === item.id);
    return !n || !n.bound || !gone.has(n.bound) || bindings.filter((b) => b.name === n.bound).length !== 1;
  }));
  if (keep.size === items.length) return undefined;
  if (keep.size === 0) return statementRemoval(ctx, imp.statement);
  const text = keepNames(imp, keep);
  return text === undefined ? undefined : { range: nodeRange(imp.statement), newText: text };
}

/** AML100: the safe fix that drops the unused v1 names of an import (or the whole import). */
export function unusedImportFix(ctx: RuleContext, imp: ImportRecord): ModuleFix | undefined {
  if (!removable(ctx, imp) || forSideEffects(ctx, imp) || loadsReadSubmodule(ctx, imp)) return undefined;
  const bindings = bindingsOf(ctx, imp);
  if (!bindings.length) return undefined;
  const unused = v1Bindings(imp, bindings).filter((b) => !ctx.model.uses.get(b)?.length);
  if (!unused.length) return undefined;
  const unusedNames = new Set(unused.map((b) => b.name));
  const edit = dropNames(ctx, imp, bindings, unusedNames);
  if (!edit) return undefined;
  const names = [...unusedNames].join(', ');
  return { title: `Remove unused SDK v1 import${unusedNames.size > 1 ? 's' : ''}: ${names}`, safety: 'safe', edits: [edit] };
}

// ---------------------------------------------------------------------------------------------
// Migrating an import still in use

/** The v1 reference a use of an imported name starts: the name itself, or the attribute chain (or call) it heads. */
function referenceAt(refs: Map<number, Reference>, use: SyntaxNode): Reference | undefined {
  for (let node: SyntaxNode = use; ;) {
    const ref = refs.get(node.id);
    if (ref) return ref;
    const parent = node.parent;
    if (parent?.type !== 'attribute' || parent.childForFieldName('object')?.id !== node.id) return undefined;
    node = parent;
  }
}

/** The suggestion of the AML1xx finding on a reference (the v1-api rules offer it; AML2xx-claimed names have none). */
function referenceFix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  return ref.sdk === 'v1' && !claimedBy(ref.qname) && !claimedReference(ctx, ref) ? v1Fix(ctx, ref) : undefined;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
const samePosition = (a: Position, b: Position): boolean => a.line === b.line && a.character === b.character;

/**
 * An edit of `fix` that replaces the use (a name bound by the import) with code that no longer
 * names it: its range holds the use and its text, strings aside, does not name it.
 */
function removesUse(fix: ModuleFix, use: SyntaxNode): boolean {
  const range = nodeRange(use);
  return fix.edits.some((e) => !e.module && rangeContains(e.range, range) && !namePattern(use.text).test(e.newText.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""')));
}

const namePatterns = new Map<string, RegExp>();

/** `name` as a whole identifier, not an attribute (`x.name`). */
function namePattern(name: string): RegExp {
  let re = namePatterns.get(name);
  if (!re) {
    if (namePatterns.size > 1000) namePatterns.clear();
    namePatterns.set(name, (re = new RegExp(`(?<![\\w.])${name}(?!\\w)`)));
  }
  return re;
}

/** Per module (one per analysis): where each line starts. */
const moduleStarts = new WeakMap<RuleContext['module'], number[]>();

/** Per model: v1 references by the node that names them (the callee for calls). */
const referenceIndex = new WeakMap<RuleContext['model'], Map<number, Reference>>();

function referencesByNode(ctx: RuleContext): Map<number, Reference> {
  let refs = referenceIndex.get(ctx.model);
  if (!refs) {
    refs = new Map();
    for (const r of ctx.model.references) if (r.sdk === 'v1' && !refs.has(r.node.id)) refs.set(r.node.id, r);
    referenceIndex.set(ctx.model, refs);
  }
  return refs;
}

/** Per model: every v1 reference with a rewrite, and that rewrite. */
const rewrites = new WeakMap<RuleContext['model'], Array<[Reference, ModuleFix]>>();

/**
 * How deep allRewrites may be entered again while it builds its list (a producer's fix asks for every rewrite:
 * producerMigrationFix). Each level is one producer whose fix is being built; past this, the inner call answers
 * none, so that fix is not offered (never a wrong one). Real modules stay far below; a generated module with a
 * thousand `Experiment(...)` helpers overflowed the stack (review of session 15).
 */
const MAX_REWRITE_NESTING = 64;
let rewriteNesting = 0;

function allRewrites(ctx: RuleContext): Array<[Reference, ModuleFix]> {
  let list = rewrites.get(ctx.model);
  if (!list) {
    if (rewriteNesting >= MAX_REWRITE_NESTING) return [];
    rewriteNesting++;
    try {
      list = ctx.model.references.flatMap((r): Array<[Reference, ModuleFix]> => {
        const f = referenceFix(ctx, r);
        return f ? [[r, f]] : [];
      });
    } finally {
      rewriteNesting--;
    }
    rewrites.set(ctx.model, list);
  }
  return list;
}

/** A line insertion (what FixBuilder adds at the insertion point). */
const insertsLines = (e: ModuleEdit): boolean => samePosition(e.range.start, e.range.end) && e.newText.endsWith('\n');

/**
 * The union of the edits of several fixes as one list: identical edits once, line insertions at
 * one point merged (each line once, imports first, as `--fix` merges them in one pass);
 * undefined when two other edits overlap or start at the same point.
 */
export function unionOf(ctx: RuleContext, fixes: ModuleFix[]): ModuleEdit[] | undefined {
  const seen = new Set<string>();
  const edits: ModuleEdit[] = [];
  for (const fix of fixes) {
    for (const e of fix.edits) {
      // (A fix editing another module of the document too, ModuleEdit.module: not merged here; the
      // import goes once those rewrites are applied, as an unused import.)
      if (e.module) return undefined;
      const key = `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`;
      if (!seen.has(key)) {
        seen.add(key);
        edits.push(e);
      }
    }
  }
  // Module offsets, for mergeInsertions (positions count UTF-16 units from the line start, as offsets do).
  let starts = moduleStarts.get(ctx.module);
  if (!starts) moduleStarts.set(ctx.module, (starts = lineStarts(ctx.module.text)));
  const offset = (p: Position): number => (starts![p.line] ?? ctx.module.text.length) + p.character;
  const merged = mergeInsertions(edits.map((e, i) => ({ cell: 0, start: offset(e.range.start), end: offset(e.range.end), newText: e.newText, i })));
  const out = merged.map((m) => ({ range: edits[(m as typeof m & { i: number }).i].range, newText: m.newText }));
  out.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
  // Lines inserted where a replacement that already writes them starts (a producer's removal took
  // the rewrites' insertion in its place, see producerMigrationFix): once.
  for (let i = out.length - 1; i >= 0; i--) {
    const e = out[i];
    const lines = insertsLines(e) ? e.newText.split('\n').filter(Boolean) : [];
    const holder = lines.length ? out.find((r) => r !== e && !insertsLines(r) && samePosition(r.range.start, e.range.start)) : undefined;
    if (holder && lines.every((l) => holder.newText.split('\n').includes(l))) out.splice(i, 1);
  }
  // An edit inside a replacement that already writes its text (the compute rewrite's
  // `compute_target` → `compute_target.name` inside the job rewrite's `command(..., compute=compute_target.name)`): once.
  for (let i = out.length - 1; i >= 0; i--) {
    const e = out[i];
    if (!insertsLines(e) && e.newText && out.some((r) => r !== e && !samePosition(r.range.start, r.range.end) && rangeContains(r.range, e.range) && !(samePosition(r.range.start, e.range.start) && samePosition(r.range.end, e.range.end)) && r.newText.includes(e.newText))) out.splice(i, 1);
  }
  for (let i = 1; i < out.length; i++) {
    const [a, b] = [out[i - 1], out[i]];
    if (samePosition(a.range.start, b.range.start) || before(b.range.start, a.range.end)) return undefined;
  }
  return out;
}

/**
 * The v1 references that use what `ref` evaluates to: a member read on it (`Run.get_context().log`),
 * or the uses of the variable it is assigned to (`run = Run.get_context()` … `run.log(...)`,
 * `ComputeTarget(ws, name)`).
 * Their rewrites go with its own: some rewrites of a producer are offered only because those
 * uses are rewritten in the same pass (`Run.get_context()` → `mlflow.start_run()`).
 */
function dependents(ctx: RuleContext, refs: Map<number, Reference>, ref: Reference): Reference[] {
  const expr = ref.call ?? ref.node;
  const parent = expr.parent;
  const out: Array<Reference | undefined> = [];
  if (parent?.type === 'attribute' && parent.childForFieldName('object')?.id === expr.id) out.push(referenceAt(refs, parent));
  const target = parent?.type === 'assignment' && parent.childForFieldName('right')?.id === expr.id ? parent.childForFieldName('left') : undefined;
  if (target?.type === 'identifier') {
    const binding = ctx.model.scopeAt(target).bindings.get(target.text)?.find((b) => b.node.id === target.id);
    // Members read on the variable, and v1 calls it is passed to (`ComputeTarget(ws, name)`); the
    // variable read otherwise is a value passed on (a copied `ws.name` string is a reference
    // too), which the producer's rewrite answers for.
    for (const use of (binding && ctx.model.uses.get(binding)) ?? []) {
      const r = referenceAt(refs, use);
      if (r?.node.id !== use.id) out.push(r);
      const args = use.parent?.type === 'keyword_argument' && use.parent.childForFieldName('value')?.id === use.id ? use.parent.parent : use.parent;
      const call = args?.type === 'argument_list' ? args.parent : undefined;
      const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
      const callee = fn && refs.get(fn.id);
      if (callee && call && callee.call?.id === call.id) out.push(callee);
    }
  }
  return out.filter((r): r is Reference => !!r && r.sdk === 'v1');
}

/**
 * The rewrites that make the uses of `b` (the name) go: each use's own rewrite, which must
 * replace it, or, for a use with no rewrite of its own (a bare `except ComputeTargetException:`),
 * a rewrite of other code that replaces it. Undefined when a use has neither.
 */
function useRewrites(ctx: RuleContext, refs: Map<number, Reference>, b: Binding): Array<[Reference, ModuleFix]> | undefined {
  const out: Array<[Reference, ModuleFix]> = [];
  for (const use of ctx.model.uses.get(b) ?? []) {
    const ref = referenceAt(refs, use);
    if (!ref) return undefined;
    const fix = referenceFix(ctx, ref);
    if (fix && !removesUse(fix, use)) return undefined;
    if (fix) {
      out.push([ref, fix]);
      continue;
    }
    // Replaced by the rewrite of other code (the compute get-or-create fix rewrites its except clause).
    const other = allRewrites(ctx).find(([r, f]) => r !== ref && removesUse(f, use));
    if (!other) return undefined;
    out.push(other);
  }
  return out;
}

/**
 * Those rewrites with the rewrites of the v1 code that uses what the rewritten code returns:
 * applied in the same pass by `--fix` (the ones without are left as the producer's rewrite
 * decided). One already rewritten by a fix taken (the whole-workspace fix is offered on each
 * `ws.name`) adds nothing. `reached` gets the code of every such use, rewritten or not.
 */
function withDependents(ctx: RuleContext, refs: Map<number, Reference>, start: Array<[Reference, ModuleFix]>, reached?: Range[]): Set<ModuleFix> {
  const fixes = new Set(start.map(([, f]) => f));
  const queue = start.map(([r]) => r);
  const seen = new Set<Reference>(queue);
  const ranges = [...fixes].flatMap((f) => f.edits.filter((e) => !e.module).map((e) => e.range));
  while (queue.length) {
    for (const dep of dependents(ctx, refs, queue.pop()!)) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      const range = nodeRange(dep.call ?? dep.node);
      reached?.push(range);
      const fix = ranges.some((r) => rangeContains(r, range)) ? undefined : referenceFix(ctx, dep);
      if (fix) {
        fixes.add(fix);
        ranges.push(...fix.edits.filter((e) => !e.module).map((e) => e.range));
      }
      queue.push(dep);
    }
  }
  return fixes;
}

/** Does one of `ranges` reach into one of `uses` (sorted ranges of identifiers, which do not overlap)? */
function touches(ranges: Range[], uses: Range[]): boolean {
  for (const r of ranges) {
    // The first use ending after the range starts: the range reaches it when that use starts before the range ends.
    let lo = 0;
    let hi = uses.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(r.start, uses[mid].end)) hi = mid;
      else lo = mid + 1;
    }
    const u = uses[lo];
    if (u && (before(u.start, r.end) || (samePosition(r.start, r.end) && before(u.start, r.start)))) return true;
  }
  return false;
}

/**
 * AML100: for an import whose v1 names have an SDK v2 rewrite for every use, one suggestion that
 * makes all of those rewrites and removes the import: what applying the rewrites and then the
 * unused-import fix gives. The rewrites of v1 code that uses what a rewritten expression returns
 * join (`run.log` with `Run.get_context()`). A use with no rewrite of its own (a bare
 * `except ComputeTargetException:`) counts when another rewrite replaces it.
 * When only some used v1 names migrate that way, the suggestion migrates those and removes them
 * from the import; the others stay imported, and a name whose rewrites would edit the code of a
 * name that stays (a rewritten statement that also uses it) does not migrate.
 */
export function importMigrationFix(ctx: RuleContext, imp: ImportRecord): ModuleFix | undefined {
  if (!removable(ctx, imp)) return undefined;
  const bindings = bindingsOf(ctx, imp);
  const v1 = v1Bindings(imp, bindings);
  const used = v1.filter((b) => ctx.model.uses.get(b)?.length);
  if (!used.length) return undefined;
  const refs = referencesByNode(ctx);
  const direct = new Map<Binding, Array<[Reference, ModuleFix]>>();
  for (const b of used) {
    const list = useRewrites(ctx, refs, b);
    if (list) direct.set(b, list);
  }
  let migrating = used.filter((b) => direct.has(b));
  if (!migrating.length) return undefined;
  let fixes: Set<ModuleFix> | undefined;
  if (migrating.length < used.length) {
    // Partial: drop the names whose rewrites (dependents included) edit a use of a name that stays,
    // or whose rewritten code's value reaches one (`Experiment(ws, name)` after `ws = Workspace.from_config()`), until none does.
    const own = new Map<Binding, Set<ModuleFix>>();
    const reach = new Map<Binding, Range[]>();
    for (const b of migrating) {
      const reached: Range[] = [];
      own.set(b, withDependents(ctx, refs, direct.get(b)!, reached));
      reach.set(b, [...own.get(b)!].flatMap((f) => f.edits.filter((e) => !e.module).map((e) => e.range)).concat(reached));
    }
    for (;;) {
      const staying = used.filter((b) => !migrating.includes(b)).flatMap((b) => ctx.model.uses.get(b)!.map(nodeRange));
      staying.sort((a, b) => (before(a.start, b.start) ? -1 : before(b.start, a.start) ? 1 : 0));
      const next = migrating.filter((b) => !touches(reach.get(b)!, staying));
      if (!next.length) return undefined;
      if (next.length === migrating.length) break;
      migrating = next;
    }
    // Several names: taken together they skip rewrites nested in one another's, so they take a subset of what passed the check.
    if (migrating.length === 1) fixes = own.get(migrating[0]);
  }
  fixes ??= withDependents(ctx, refs, migrating.flatMap((b) => direct.get(b)!));
  const partial = migrating.length < used.length;
  // All migrate: unused v1 names go too (the whole import when nothing else stays).
  const gone = new Set((partial ? migrating : v1).map((b) => b.name));
  const removal = dropNames(ctx, imp, bindings, gone);
  const edits = removal && unionOf(ctx, [...fixes]);
  if (!removal || !edits) return undefined;
  // The lines the rewrites add where the import starts go in its place.
  const at = edits.findIndex((e) => insertsLines(e) && samePosition(e.range.start, removal.range.start));
  const all = at < 0 ? [...edits, removal] : [...edits.slice(0, at), { range: removal.range, newText: edits[at].newText + removal.newText }, ...edits.slice(at + 1)];
  const sorted = unionOf(ctx, [{ title: '', safety: 'suggestion', edits: all }]);
  if (!sorted) return undefined;
  // `import azureml.core` binds `azureml`: name the module it imports.
  const shown = (b: Binding): string => (b.node.parent?.type === 'dotted_name' && b.node.parent.parent?.type !== 'aliased_import' ? imp.names.find((n) => n.bound === b.name)?.qname : undefined) ?? b.name;
  const names = migrating.map(shown).join(', ');
  const whole = removal.newText === '' || removal.newText === 'pass';
  return { title: `Migrate the uses of ${names} to SDK v2 and remove ${whole ? 'this import' : `${migrating.length > 1 ? 'them' : 'it'} from this import`}`, safety: 'suggestion', edits: sorted };
}

/** Every identifier text in the module (to pick a fresh alias). */
function identifierTexts(root: SyntaxNode): Set<string> {
  return new Set(root.descendantsOfType('identifier').map((n) => n.text));
}

/** AML002: alias the v1 import of a colliding name (`Workspace as WorkspaceV1`) and rename its uses. */
export function collisionAliasFix(ctx: RuleContext, v1: Binding): ModuleFix | undefined {
  if (v1.kind !== 'import' || !v1.importRecord || v1.importRecord.statement.type !== 'import_from_statement') return undefined;
  const alias = `${v1.name}V1`;
  if (identifierTexts(ctx.model.tree.rootNode).has(alias)) return undefined;
  const edits: ModuleEdit[] = [];
  const item = v1.node.parent?.type === 'aliased_import' ? v1.node.parent : v1.node;
  if (item.type === 'aliased_import') edits.push({ range: nodeRange(item.childForFieldName('alias')!), newText: alias });
  else edits.push({ range: nodeRange(item), newText: `${item.text} as ${alias}` });
  for (const use of ctx.model.uses.get(v1) ?? []) edits.push({ range: nodeRange(use), newText: alias });
  return { title: `Alias the SDK v1 import as ${alias} and rename its uses`, safety: 'safe', edits };
}

export type { Range };

// ---------------------------------------------------------------------------------------------
// A v1 object whose every use migrates: its producing statement goes with them

/**
 * v1 producers with no effect but the object they return (reading a config file, looking a
 * workspace, an asset or the current run up): once nothing uses the object, dropping the
 * statement keeps behaviour — outside a `try`, where the lookup's error (a missing asset) could
 * be what the code is for.
 */
const PURE_PRODUCERS = new Set([
  'azureml.core.Workspace.from_config',
  'azureml.core.Workspace',
  'azureml.core.Workspace.get',
  'azureml.core.Workspace.get_default_datastore',
  'azureml.core.Experiment',
  'azureml.core.Datastore.get',
  'azureml.core.Datastore.get_default',
  'azureml.core.Environment.get',
  'azureml.core.Model',
  'azureml.core.Dataset.get_by_name',
  'azureml.core.Run.get_context',
]);

/** The call of the v1 reference `use` is an argument of: `Experiment(ws, name)` for `ws`. */
function consumerOf(refs: Map<number, Reference>, use: SyntaxNode): Reference | undefined {
  const args = use.parent?.type === 'keyword_argument' && use.parent.childForFieldName('value')?.id === use.id ? use.parent.parent : use.parent;
  const call = args?.type === 'argument_list' ? args.parent : undefined;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  const callee = fn ? referenceAt(refs, fn) : undefined;
  return callee?.call?.id === call?.id ? callee : undefined;
}

/**
 * `ws = Workspace.from_config()` when `ws` itself has no rewrite (a use is a v1 call that the
 * workspace cannot be handed to as an MLClient, `Experiment(ws, name)`) but every use of `ws` is
 * replaced by a rewrite of its own (the experiment's job, `ws.name` → `ml_client.workspace_name`):
 * one suggestion making all of those rewrites and removing the statement. What applying them in
 * turn gives, and the only way the producer's finding gets a fix. Undefined when a use stays, a
 * rewrite still names the variable, or the variable is bound more than once.
 */
export function producerMigrationFix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  const call = ref.call;
  if (!call || !PURE_PRODUCERS.has(ref.qname) || reExports(ctx)) return undefined;
  const assign = call.parent;
  const target = assign?.type === 'assignment' && assign.childForFieldName('right')?.id === call.id ? assign.childForFieldName('left') : undefined;
  const stmt = assign?.parent;
  if (target?.type !== 'identifier' || stmt?.type !== 'expression_statement' || stmt.namedChildCount !== 1) return undefined;
  for (let n = stmt.parent; n; n = n.parent) if (n.type === 'try_statement') return undefined;
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  const binding = list.find((b) => b.node.id === target.id);
  const uses = (binding && ctx.model.uses.get(binding)) ?? [];
  // Bound again (`ws = Workspace.from_config()` in two cells): only when no use may see the other binding (rewrites/reach.ts).
  if (!binding || (list.length !== 1 && !soleBinding(ctx.model, binding)) || !uses.length) return undefined;
  const refs = referencesByNode(ctx);
  const start: Array<[Reference, ModuleFix]> = [];
  for (const use of uses) {
    const own = referenceAt(refs, use);
    const r = own && own.call?.id !== call.id ? own : consumerOf(refs, use);
    const fix = r && referenceFix(ctx, r);
    if (fix && removesUse(fix, use)) {
      start.push([r!, fix]);
      continue;
    }
    const other = allRewrites(ctx).find(([x, f]) => x !== ref && removesUse(f, use));
    if (!other) return undefined;
    start.push(other);
  }
  const fixes = withDependents(ctx, refs, start);
  const removal = statementRemoval(ctx, stmt);
  const edits = removal && unionOf(ctx, [...fixes]);
  if (!removal || !edits || edits.length > 4 * SHARED_FIX_LIMIT) return undefined;
  // Nothing rewritten may still name the variable the statement bound.
  const name = namePattern(target.text);
  if (edits.some((e) => name.test(e.newText.replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""')))) return undefined;
  const at = edits.findIndex((e) => insertsLines(e) && samePosition(e.range.start, removal.range.start));
  const all = at < 0 ? [...edits, removal] : [...edits.slice(0, at), { range: removal.range, newText: edits[at].newText + removal.newText }, ...edits.slice(at + 1)];
  const sorted = unionOf(ctx, [{ title: '', safety: 'suggestion', edits: all }]);
  return sorted && { title: `Migrate every use of ${target.text} to SDK v2 and remove it`, safety: 'suggestion', edits: sorted };
}

