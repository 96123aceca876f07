/**
 * Rewrites of the v1 APIs real code uses most (ranked in the reference's real-world survey),
 * offered as suggestions on AML1xx findings. The tables live per area in rewrites/; each
 * builder returns the replacement for the call (or attribute read) or undefined when the
 * arguments cannot be translated faithfully.
 */
import type { Binding, Reference } from '../engine/semantic/model';
import type { SyntaxNode } from '../engine/syntax';
import { FixBuilder } from './fixes';
import type * as ImportFixes from './import-fixes';
import type { ModuleFix, RuleContext } from './rule';
import { SHARED_FIX_LIMIT, type Builder, type Rewrites } from './rewrites/common';
import { importGuarded } from './rewrites/import-guard';
import { bindingValue, fixesAgree, pathBindings } from './rewrites/reach';

interface Tables {
  calls: Record<string, Builder>;
  attributes: Record<string, Builder>;
}

let tables: Tables | undefined;

/**
 * The rewrite tables of every area, loaded on first use: a language server's first diagnostics
 * need none of them (suggestions are built when a code action asks: engine/lazy-fixes.ts), and
 * they are a third of the rules' code.
 */
function rewriteTables(): Tables {
  if (!tables) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const areas: Rewrites[] = [
      (require('./rewrites/workspace') as typeof import('./rewrites/workspace')).WORKSPACE,
      (require('./rewrites/jobs') as typeof import('./rewrites/jobs')).JOBS,
      (require('./rewrites/automl') as typeof import('./rewrites/automl')).AUTOML,
      (require('./rewrites/environment') as typeof import('./rewrites/environment')).ENVIRONMENT,
      (require('./rewrites/deploy') as typeof import('./rewrites/deploy')).DEPLOY,
      (require('./rewrites/pipelines') as typeof import('./rewrites/pipelines')).PIPELINES,
      (require('./rewrites/data') as typeof import('./rewrites/data')).DATA,
      (require('./rewrites/sweep') as typeof import('./rewrites/sweep')).SWEEP,
      (require('./rewrites/estimators') as typeof import('./rewrites/estimators')).ESTIMATORS,
      (require('./rewrites/telemetry') as typeof import('./rewrites/telemetry')).TELEMETRY,
    ];
    /* eslint-enable @typescript-eslint/no-require-imports */
    tables = { calls: Object.assign({}, ...areas.map((a) => a.calls)), attributes: Object.assign({}, ...areas.map((a) => a.attributes)) };
  }
  return tables;
}

const own = (table: Record<string, Builder>, key: string): Builder | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/**
 * Suggestions already built, per reference (a reference belongs to one model, one analysis):
 * AML100 asks for the fixes of the uses of an import before their own rules do.
 */
const built = new WeakMap<Reference, ModuleFix | null>();

/** The suggestion for one AML1xx reference, if a rewrite exists for it. */
export function v1Fix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  let fix = built.get(ref);
  if (fix === undefined) {
    const own = rawFix(ctx, ref);
    fix = own ? coherent(ctx, own) ?? null : null;
    built.set(ref, fix);
  }
  return fix ?? undefined;
}

/** Each reference's rewrite as its builder made it (before `coherent`). */
const raw = new WeakMap<Reference, ModuleFix | null>();

function rawFix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  let fix = raw.get(ref);
  if (fix === undefined) raw.set(ref, (fix = buildFix(ctx, ref) ?? null));
  return fix ?? undefined;
}

/**
 * A rewrite that edits a use another binding of its name may reach, or a binding whose object
 * reaches uses it never saw (a name bound on two paths: rewrites/reach.ts), goes together with
 * the rewrites of those other bindings' values (`if name in ws.compute_targets: ct =
 * ws.compute_targets[name] else: ct = ComputeTarget.create(...)`), or is no rewrite. A rewrite
 * of one path's value takes the other paths' rewrites along when they have one, so that the
 * name keeps one SDK after the fix.
 */
function coherent(ctx: RuleContext, fix: ModuleFix): ModuleFix | undefined {
  const { blocking, partners } = pathBindings(ctx, fix);
  if (!blocking.length && !partners.length) return fix;
  const others: ModuleFix[] = [];
  for (const b of [...blocking, ...partners]) {
    const other = valueRewrite(ctx, b);
    if (other) others.push(other);
    else if (blocking.includes(b)) return undefined;
  }
  if (!others.length) return fix;
  const edits = (require('./import-fixes') as typeof ImportFixes).unionOf(ctx, [fix, ...others]);
  const merged: ModuleFix | undefined = edits && { title: fix.title, safety: fix.safety, edits };
  const together = merged && pathBindings(ctx, merged);
  if (merged && together && !together.blocking.length && fixesAgree(ctx, [fix, ...others], merged)) return merged;
  return blocking.length ? undefined : fix;
}

/** The rewrite of the outermost v1 reference in a binding's value (`ComputeTarget.create(...)`, not its arguments). */
function valueRewrite(ctx: RuleContext, b: Binding): ModuleFix | undefined {
  const value = bindingValue(b);
  let best: Reference | undefined;
  const size = (r: Reference): number => (r.call ?? r.node).endIndex - (r.call ?? r.node).startIndex;
  for (const r of ctx.model.references) {
    const n = r.call ?? r.node;
    if (n.startIndex >= value.startIndex && n.endIndex <= value.endIndex && (!best || size(r) > size(best))) best = r;
  }
  return best && best.sdk === 'v1' ? rawFix(ctx, best) : undefined;
}

/** References being built (a delegation cycle, A offering B's fix and B A's, offers none). */
const building = new WeakSet<Reference>();

function buildFix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  // Calls are rewritten whole; attribute reads and bare names (`except ComputeTargetException:`)
  // only where a builder is meant for them.
  const { calls, attributes } = rewriteTables();
  const build = ref.call ? own(calls, ref.qname) : ref.node.type === 'attribute' || ref.node.type === 'identifier' ? own(attributes, ref.qname) : undefined;
  if (!build || building.has(ref)) return undefined;
  // Code that depends on a guarded azureml import (`try:` ... `except ImportError:`) stays (import-guard.ts).
  if (importGuarded(ctx, ref.call ?? ref.node)) return undefined;
  const target = ref.call ?? ref.node;
  // A call that does not parse (`get_by_name(ws, name=)`, a half-written notebook cell) is never rewritten:
  // builders read its arguments as if they were whole.
  if (target.hasError) return undefined;
  const fb = new FixBuilder(ctx, target.startIndex);
  building.add(ref);
  let text: string | undefined;
  try {
    text = build(fb, ref, ctx);
    if (fb.delegate) return delegated(ctx, fb.delegate, target);
    if (fb.removal !== undefined) return fb.build(fb.removal, 'suggestion');
    // No rewrite of its own: a producer whose every use migrates goes with them. (Required here,
    // not imported: import-fixes.ts reaches the rule registry, which loads this module's users.)
    if (!text) return (require('./import-fixes') as typeof ImportFixes).producerMigrationFix(ctx, ref);
  } finally {
    building.delete(ref);
  }
  if (!text) return undefined;
  fb.replace(target, text);
  return fb.build(`Rewrite as SDK v2: ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`, 'suggestion');
}

/** Per model: the references by the node of their call (or of their name when not called). */
const byNode = new WeakMap<RuleContext['model'], Map<number, Reference>>();

/** The fix of the reference at `node`, when it edits something inside `target`. */
function delegated(ctx: RuleContext, node: SyntaxNode, target: SyntaxNode): ModuleFix | undefined {
  let index = byNode.get(ctx.model);
  if (!index) {
    index = new Map();
    for (const r of ctx.model.references) index.set((r.call ?? r.node).id, r);
    byNode.set(ctx.model, index);
  }
  const other = index.get(node.id);
  if (!other || (other.call ?? other.node).id === target.id) return undefined;
  const fix = v1Fix(ctx, other);
  // Past SHARED_FIX_LIMIT edits the fix is the other finding's alone (else every piece of a long
  // chain carries every edit: quadratic time and output).
  if (fix && fix.edits.length > SHARED_FIX_LIMIT) return undefined;
  // (Edits in another module of the document, ModuleEdit.module, are not this finding's code.)
  const s = target.startPosition;
  const e = target.endPosition;
  const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const touches = fix?.edits.some((x) => !x.module && before(x.range.start, { line: e.row, character: e.column }) && before({ line: s.row, character: s.column }, x.range.end) && !(x.range.start.line === x.range.end.line && x.range.start.character === x.range.end.character && x.range.start.character === 0 && x.newText.endsWith('\n')));
  return touches ? fix : undefined;
}

/** The v1 APIs that have a rewrite (for docs and tests; loads the tables). */
export function rewrittenApis(): readonly string[] {
  const { calls, attributes } = rewriteTables();
  return [...Object.keys(calls), ...Object.keys(attributes)];
}
