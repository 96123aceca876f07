/**
 * Shared machinery of the AML1xx rules: one rule per area of the v1 SDK, each reporting every
 * reference (call site, attribute, name) that resolves into that area, with the v2
 * replacement from the catalogue.
 */
import { lookup, genericEntry, areaOf } from '../engine/catalogue';
import type { Area, CatalogueEntry } from '../engine/catalogue/types';
import type { ImportRecord, Reference } from '../engine/semantic/model';
import type { ModuleFix, Rule, RuleContext } from './rule';
import { claimedBy, claimedReference } from './features';
import { rewrittenApis, v1Fix } from './v1-fixes';
import type { RuleMeta } from './types';

export const END_OF_SUPPORT = '2026-06-30';

/**
 * `import azureml` whose every use names the Azure ML Studio (classic) client (`azureml.Workspace(workspace_id=...)`,
 * catalogue STUDIO_CLASSIC_AZUREML): that package, not SDK v1 (which has nothing directly in `azureml`).
 */
export function studioClassicPackage(ctx: RuleContext, imp: ImportRecord): boolean {
  if (imp.module !== 'azureml' || imp.statement.type !== 'import_statement') return false;
  const uses = ctx.model.scopes.flatMap((s) => (s.bindings.get('azureml') ?? []).filter((b) => b.importRecord === imp)).flatMap((b) => ctx.model.uses.get(b) ?? []);
  return uses.length > 0 && uses.every((u) => {
    const attr = u.parent;
    return attr?.type === 'attribute' && attr.childForFieldName('object')?.id === u.id && ctx.model.classify(`azureml.${attr.childForFieldName('attribute')?.text}`) === 'other';
  });
}

/** The catalogue entry for a v1 qualified name, or a generic one. */
export function entryFor(qname: string): CatalogueEntry {
  return lookup(qname) ?? genericEntry(qname);
}

/** `azureml.core.Workspace.from_config` → `Workspace.from_config`; module-level names stay whole. */
export function shortName(qname: string): string {
  let short = shortNames.get(qname);
  if (short === undefined) {
    const parts = qname.split('.');
    const i = parts.findIndex((p) => /^[A-Z][A-Za-z0-9]*[a-z]/.test(p));
    short = i >= 0 ? parts.slice(i).join('.') : qname;
    if (shortNames.size > 10_000) shortNames.clear();
    shortNames.set(qname, short);
  }
  return short;
}

/** shortName's results (a few hundred qualified names in practice; bounded). */
const shortNames = new Map<string, string>();

/** The message of an AML1xx finding. */
export function v1Message(ref: Pick<Reference, 'qname' | 'call'>, entry: CatalogueEntry): string {
  const shown = `\`${shortName(ref.qname)}${ref.call ? '()' : ''}\``;
  const where = shortName(ref.qname) === ref.qname ? '' : ` (\`${ref.qname}\`)`;
  const note = entry.note ? noteText(entry.note) : '';
  if (entry.kind === 'no-v2-equivalent' || entry.kind === 'removed') {
    return `${shown}${where} is SDK v1 and has no v2 equivalent${note ? `: ${note}` : '.'}`;
  }
  if (entry.v2) {
    return `${shown}${where} is SDK v1: use \`${v2Name(entry.v2.name)}\` in SDK v2.${note ? ` ${capitalise(stripDot(note))}.` : ''}`;
  }
  if (!lookup(ref.qname)) {
    // A public v1 name the catalogue does not list: say so plainly, once.
    return `${shown}${where} is SDK v1, whose support ended on ${END_OF_SUPPORT}; the migration guide maps its area to SDK v2 (azure.ai.ml).`;
  }
  return `${shown}${where} is SDK v1, whose support ended on ${END_OF_SUPPORT}${note ? `: ${note}` : '; see the migration guide.'}`;
}

/** A v2 name as shown: `MLClient.from_config`, but whole for bare classes (`azure.ai.ml.entities.Environment`), whose short name is often the v1 one. */
function v2Name(qname: string): string {
  const short = shortName(qname);
  return short.includes('.') ? short : qname;
}

/** Sentence case for a note, unless it starts with a code name (`vm_size becomes ...`). */
function capitalise(s: string): string {
  return /^[a-z]+\b(?![_.(])/.test(s) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Catalogue notes marked "(inferred)" read as such in a sentence. */
function noteText(note: string): string {
  return note.replace(/^\(inferred\)\s*/, 'inferred mapping: ');
}

function stripDot(s: string): string {
  return s.replace(/\.\s*$/, '');
}

/** The area of a v1 qualified name (the rule that reports it). */
function areaOfName(qname: string): Area {
  return lookup(qname)?.area ?? areaOf(qname);
}

/**
 * What the rule's page says of fixes, from the rewrite tables: the v1 APIs of the area that
 * have a rewrite (so the docs cannot fall behind the code).
 */
function fixMeta(area: Area): Pick<RuleMeta, 'fixable'> & { fixSafety: string } {
  const names = rewrittenApis().filter((q) => areaOfName(q) === area && !claimedBy(q)).map((q) => `\`${shortName(q)}\``);
  if (!names.length) return { fixable: 'never', fixSafety: 'No automatic fix yet: each finding names the v2 replacement and links its documentation.' };
  return {
    fixable: 'sometimes',
    fixSafety:
      `Suggestion (a quick fix in the editor, \`--unsafe-fixes\` in the CLI; never applied by \`--fix\` alone, since the v2 code talks to a different API) for ${[...new Set(names)].sort().join(', ')}: ` +
      'the call is rewritten into SDK v2 together with the code that only holds together with it (the object\'s producer, the attribute assignments that configure it, its other uses, the job or deployment that consumes it), as one fix offered on each of those findings; the imports and the `ml_client` it needs are added once. ' +
      'No edit at all when an argument or a use has no faithful v2 translation. Where v2 requires a value the v1 code never stated (a deployment name, an instance type, a base image), the value the migration docs use is written with a trailing `# amlint: review` comment.',
  };
}

/**
 * The rule's meta with `fixable` and `docs.fixSafety` read from the rewrite tables when first
 * asked for (docs, `--explain`), not when the rule is loaded: the tables load lazily (v1-fixes.ts).
 */
function withFixMeta(meta: RuleMeta, area: Area): RuleMeta {
  let fix: ReturnType<typeof fixMeta> | undefined;
  const get = (): ReturnType<typeof fixMeta> => (fix ??= fixMeta(area));
  const docs = Object.defineProperty({ ...meta.docs }, 'fixSafety', { get: () => get().fixSafety, enumerable: true });
  return Object.defineProperty({ ...meta, docs }, 'fixable', { get: () => get().fixable, enumerable: true });
}

const WORKSPACE_IDS = new Set(['azureml.core.Workspace.subscription_id', 'azureml.core.Workspace.resource_group', 'azureml.core.Workspace.name']);

/**
 * `MLClient(cred, ws.subscription_id, ws.resource_group, ws.name)`: a v1 workspace's names handed
 * to the v2 client, the bridge real mixed code uses (and amlint's own fixes write while the
 * workspace must stay v1). Not reported: the workspace is, where it is made.
 */
function bridgeRead(ctx: RuleContext, ref: Reference): boolean {
  if (!WORKSPACE_IDS.has(ref.qname) || ref.call) return false;
  const arg = ref.node.parent?.type === 'keyword_argument' ? ref.node.parent : ref.node;
  const call = arg.parent?.type === 'argument_list' ? arg.parent.parent : undefined;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  const v = fn && ctx.model.evaluate(fn);
  return v?.kind === 'ref' && v.qname === 'azure.ai.ml.MLClient';
}

/** Builds the AML1xx rule of one area. */
export function v1AreaRule(area: Area, meta: RuleMeta): Rule {
  return {
    meta: withFixMeta(meta, area),
    requires: 'azureml',
    check(ctx: RuleContext): void {
      for (const ref of ctx.model.references) {
        // The area test first: each area's rule sees every reference, and most are another
        // area's (the other tests are pure, so the order changes nothing but the time).
        if (ref.sdk !== 'v1' || (lookup(ref.qname)?.area ?? areaOf(ref.qname)) !== area || claimedBy(ref.qname) || claimedReference(ctx, ref) || bridgeRead(ctx, ref)) continue;
        const entry = entryFor(ref.qname);
        // The rewrite is built when asked for (engine/lazy-fixes.ts): it follows the object's uses.
        const suggestions = (): ModuleFix[] | undefined => {
          const fix = v1Fix(ctx, ref);
          return fix && [fix];
        };
        ctx.report({ node: ref.node, message: v1Message(ref, entry), symbol: ref.qname, deprecated: true, suggestions });
      }
    },
  };
}
