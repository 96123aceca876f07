/**
 * Shared machinery of the AML2xx rules: v1 features with no full v2 equivalent. Each rule
 * claims a set of v1 qualified names (a name and everything under it); references to them are
 * reported by that rule instead of by the AML1xx area rule.
 */
import { isUnder } from '../engine/catalogue';
import type { Reference } from '../engine/semantic/model';
import type { SyntaxNode } from '../engine/syntax';
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
 * more segments after their class (the last capitalised segment). The property read itself is reported where it
 * is written: for `url.split`, at `url = endpoint.endpoint`; for `ep.name.upper()`, written inline, the model makes
 * only the one reference, so the read is the reference's inner `ep.name` (returned here with its name).
 * Returns undefined for a reference that is not through a property value, `null` for one to leave.
 */
function propertyRead(ref: Reference, symbol: string): { node: SyntaxNode; qname: string } | null | undefined {
  if (!ref.onInstance) return undefined;
  const parts = ref.qname.split('.');
  let cls = -1;
  parts.forEach((p, i) => { if (/^[A-Z]/.test(p)) cls = i; });
  if (cls < 0) return undefined;
  // The class and one member, or the whole claimed name when it is longer
  // (`Run.experiment.workspace.get_default_keyvault`, an untyped chain the rule claims as such).
  const keep = Math.max(cls + 2, symbol.split('.').length);
  const extra = parts.length - keep;
  if (extra < 1) return undefined;
  let node: SyntaxNode | null = ref.node;
  for (let i = 0; i < extra && node?.type === 'attribute'; i++) node = node.childForFieldName('object');
  return node?.type === 'attribute' ? { node, qname: parts.slice(0, keep).join('.') } : null;
}

export function featureRule(def: FeatureRuleDef): Rule {
  for (const prefix of def.symbols) claims.push({ prefix, code: def.meta.code });
  claimMemo.clear();
  return {
    meta: def.meta,
    check(ctx) {
      if (ctx.module.text.includes('azureml')) {
        const mine: Reference[] = [];
        for (const ref of ctx.model.references) {
          if (ref.sdk !== 'v1' || def.skip?.(ref)) continue;
          // The longest symbol of the rule the reference is under.
          const symbol = def.symbols.filter((s) => isUnder(ref.qname, s)).reduce<string | undefined>((a, b) => (a && a.length >= b.length ? a : b), undefined);
          if (!symbol) continue;
          const read = propertyRead(ref, symbol);
          if (read === undefined) mine.push(ref);
          else if (read) mine.push({ ...ref, node: read.node, qname: read.qname, call: undefined });
        }
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
