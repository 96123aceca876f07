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
}

export function featureRule(def: FeatureRuleDef): Rule {
  for (const prefix of def.symbols) claims.push({ prefix, code: def.meta.code });
  claimMemo.clear();
  return {
    meta: def.meta,
    check(ctx) {
      if (ctx.module.text.includes('azureml')) {
        for (const ref of ctx.model.references) {
          if (ref.sdk !== 'v1' || !def.symbols.some((s) => isUnder(ref.qname, s))) continue;
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
