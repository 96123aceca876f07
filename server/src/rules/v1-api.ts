/**
 * Shared machinery of the AML1xx rules: one rule per area of the v1 SDK, each reporting every
 * reference (call site, attribute, name) that resolves into that area, with the v2
 * replacement from the catalogue.
 */
import { lookup, genericEntry, areaOf } from '../engine/catalogue';
import type { Area, CatalogueEntry } from '../engine/catalogue/types';
import type { Reference } from '../engine/semantic/model';
import type { Rule, RuleContext } from './rule';
import { claimedBy } from './features';
import { v1Fix } from './v1-fixes';
import type { RuleMeta } from './types';

export const END_OF_SUPPORT = '2026-06-30';

/** The catalogue entry for a v1 qualified name, or a generic one. */
export function entryFor(qname: string): CatalogueEntry {
  return lookup(qname) ?? genericEntry(qname);
}

/** `azureml.core.Workspace.from_config` → `Workspace.from_config`; module-level names stay whole. */
export function shortName(qname: string): string {
  const parts = qname.split('.');
  const i = parts.findIndex((p) => /^[A-Z][A-Za-z0-9]*[a-z]/.test(p));
  return i >= 0 ? parts.slice(i).join('.') : qname;
}

/** The message of an AML1xx finding. */
export function v1Message(ref: Pick<Reference, 'qname' | 'call'>, entry: CatalogueEntry): string {
  const shown = `\`${shortName(ref.qname)}${ref.call ? '()' : ''}\``;
  const where = shortName(ref.qname) === ref.qname ? '' : ` (\`${ref.qname}\`)`;
  if (entry.kind === 'no-v2-equivalent' || entry.kind === 'removed') {
    return `${shown}${where} is SDK v1 and has no v2 equivalent${entry.note ? `: ${entry.note}` : '.'}`;
  }
  if (entry.v2) {
    return `${shown}${where} is SDK v1: use \`${shortName(entry.v2.name)}\` in SDK v2${entry.note ? `; ${stripDot(entry.note)}` : ''}.`;
  }
  return `${shown}${where} is SDK v1, whose support ended on ${END_OF_SUPPORT}${entry.note ? `: ${entry.note}` : '; see the migration guide.'}`;
}

function stripDot(s: string): string {
  return s.replace(/\.\s*$/, '');
}

/** Builds the AML1xx rule of one area. */
export function v1AreaRule(area: Area, meta: RuleMeta): Rule {
  return {
    meta,
    requires: 'azureml',
    check(ctx: RuleContext): void {
      for (const ref of ctx.model.references) {
        if (ref.sdk !== 'v1' || claimedBy(ref.qname)) continue;
        const entry = entryFor(ref.qname);
        if ((lookup(ref.qname)?.area ?? areaOf(ref.qname)) !== area) continue;
        const fix = v1Fix(ctx, ref);
        ctx.report({ node: ref.node, message: v1Message(ref, entry), symbol: ref.qname, deprecated: true, fixes: fix && [fix] });
      }
    },
  };
}
