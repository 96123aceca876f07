/**
 * Shared machinery of the AML2xx rules: v1 features with no full v2 equivalent. Each rule
 * claims a set of v1 qualified names (a name and everything under it); references to them are
 * reported by that rule instead of by the AML1xx area rule.
 */
import { isUnder } from '../engine/catalogue';
import type { Reference } from '../engine/semantic/model';
import type { Rule, RuleContext } from './rule';
import type { RuleMeta } from './types';
import { shortName } from './v1-api';

const claims: Array<{ prefix: string; code: string }> = [];
/** claimedBy's answers (every AML1xx area rule asks for every v1 reference); reset when claims change. */
const claimMemo = new Map<string, string | null>();

/**
 * Claims on single references rather than whole names: an AML2xx rule that owns a v1 API only in some
 * calls (`Schedule.create(..., datastore=blob)` is event-based, AML206; `Schedule.create(recurrence=...)`
 * stays AML110's) registers a test here, and the AML1xx area rules leave the references it accepts.
 */
const referenceClaims: Array<(ctx: RuleContext, ref: Reference) => boolean> = [];

/** Registers a per-reference claim (see referenceClaims). */
export function claimReferences(test: (ctx: RuleContext, ref: Reference) => boolean): void {
  referenceClaims.push(test);
}

/** Whether an AML2xx rule reports this reference itself (a per-reference claim). */
export function claimedReference(ctx: RuleContext, ref: Reference): boolean {
  return referenceClaims.some((test) => test(ctx, ref));
}

/** The AML2xx rule that owns a v1 name, if any. */
export function claimedBy(qname: string): string | undefined {
  let code = claimMemo.get(qname);
  if (code === undefined) {
    code = claims.find((c) => isUnder(qname, c.prefix))?.code ?? null;
    if (claimMemo.size >= 20_000) claimMemo.clear();
    claimMemo.set(qname, code);
  }
  return code ?? undefined;
}

export interface FeatureRuleDef {
  meta: RuleMeta;
  /** v1 qualified names (canonical) this rule owns, with everything under them. */
  symbols: string[];
  /** The finding's message for one reference; `shown` is e.g. "`PipelineEndpoint.publish()`". */
  message(shown: string, ref: Reference): string;
  /** Extra checks (keyword arguments, IPython commands) run once per module. */
  extra?(ctx: RuleContext): void;
  /** References under `symbols` that are not the feature (e.g. a package's logger); they are claimed but not reported. */
  skip?(ref: Reference): boolean;
}

/**
 * A member of a v1 object's property value, reached by value tracking: `url = endpoint.endpoint` then
 * `url.split("Id")` is `PipelineEndpoint.endpoint.split`, a `str` method, not a v1 API. Such names have two or
 * more segments after their class (the last capitalised segment); the property read itself is still reported.
 */
function throughPropertyValue(ref: Reference): boolean {
  if (!ref.onInstance) return false;
  const parts = ref.qname.split('.');
  let cls = -1;
  parts.forEach((p, i) => { if (/^[A-Z]/.test(p)) cls = i; });
  return cls >= 0 && parts.length - cls - 1 >= 2;
}

export function featureRule(def: FeatureRuleDef): Rule {
  for (const prefix of def.symbols) claims.push({ prefix, code: def.meta.code });
  claimMemo.clear();
  return {
    meta: def.meta,
    check(ctx) {
      if (ctx.module.text.includes('azureml')) {
        const mine = ctx.model.references.filter(
          (ref) => ref.sdk === 'v1' && def.symbols.some((s) => isUnder(ref.qname, s)) && !def.skip?.(ref) && !throughPropertyValue(ref),
        );
        for (const ref of mine) {
          // One finding per call chain: `ws.get_default_keyvault().get_secret(...)` is reported on its
          // outermost member only, not also on the receiver that starts at the same place.
          if (mine.some((o) => o !== ref && o.node.startIndex === ref.node.startIndex && o.node.endIndex > ref.node.endIndex)) continue;
          const shown = `\`${shortName(ref.qname)}${ref.call ? '()' : ''}\``;
          ctx.report({ node: ref.node, message: def.message(shown, ref), symbol: ref.qname, deprecated: true });
        }
      }
      def.extra?.(ctx);
    },
  };
}

/** Calls whose callee resolves to one of `qnames`, with their keyword arguments by name. */
export function callsTo(ctx: RuleContext, test: (qname: string) => boolean) {
  return ctx.model.calls.filter((c) => c.callee?.kind === 'ref' && test(c.callee.qname));
}
