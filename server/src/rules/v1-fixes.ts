/**
 * Rewrites of the v1 APIs real code uses most (ranked in the reference's real-world survey),
 * offered as suggestions on AML1xx findings. The tables live per area in rewrites/; each
 * builder returns the replacement for the call (or attribute read) or undefined when the
 * arguments cannot be translated faithfully.
 */
import type { Reference } from '../engine/semantic/model';
import { FixBuilder } from './fixes';
import type { ModuleFix, RuleContext } from './rule';
import type { Builder } from './rewrites/common';
import { WORKSPACE } from './rewrites/workspace';
import { JOBS } from './rewrites/jobs';
import { DEPLOY } from './rewrites/deploy';

const AREAS = [WORKSPACE, JOBS, DEPLOY];
const CALLS: Record<string, Builder> = Object.assign({}, ...AREAS.map((a) => a.calls));
const ATTRIBUTES: Record<string, Builder> = Object.assign({}, ...AREAS.map((a) => a.attributes));
const own = (table: Record<string, Builder>, key: string): Builder | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/**
 * Suggestions already built, per reference (a reference belongs to one model, one analysis):
 * AML100 asks for the fixes of the uses of an import before their own rules do.
 */
const built = new WeakMap<Reference, ModuleFix | null>();

/** The suggestion for one AML1xx reference, if a rewrite exists for it. */
export function v1Fix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  let fix = built.get(ref);
  if (fix === undefined) built.set(ref, (fix = buildFix(ctx, ref) ?? null));
  return fix ?? undefined;
}

function buildFix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  // Calls are rewritten whole; attribute reads only where a builder is meant for them.
  const build = ref.call ? own(CALLS, ref.qname) : ref.node.type === 'attribute' ? own(ATTRIBUTES, ref.qname) : undefined;
  if (!build) return undefined;
  const target = ref.call ?? ref.node;
  const fb = new FixBuilder(ctx, target.startIndex);
  const text = build(fb, ref, ctx);
  if (!text) return undefined;
  fb.replace(target, text);
  return fb.build(`Rewrite as SDK v2: ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`, 'suggestion');
}

/** How many v1 APIs have a rewrite (for docs and tests). */
export const REWRITTEN_APIS: readonly string[] = [...Object.keys(CALLS), ...Object.keys(ATTRIBUTES)];
