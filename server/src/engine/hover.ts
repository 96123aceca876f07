/**
 * Hover: Markdown about the SDK symbol under the cursor: what the v1 API was, its v2
 * replacement as a Python block, why it matters, and the learn.microsoft.com link. On a name
 * bound to both SDKs: which binding wins at this point and where each came from.
 */
import { areaOf, lookup, genericEntry } from './catalogue';
import type { SyntaxNode } from './syntax';
import { sdkIn, type Binding, type Value } from './semantic/model';
import { toDocumentLocation, toModuleRange } from './source';
import type { Location } from './types';
import type { Analysis, AnalysedModule } from './analyse';
import { RULES } from '../rules/registry';
import { shortName, END_OF_SUPPORT } from '../rules/v1-api';

const AREA_RULE: Record<string, string> = {
  workspace: 'AML101', jobs: 'AML102', logging: 'AML103', environment: 'AML104', compute: 'AML105',
  datastore: 'AML106', data: 'AML107', model: 'AML108', deployment: 'AML109', pipeline: 'AML110',
  sweep: 'AML111', automl: 'AML112', other: 'AML113', imports: 'AML100',
};

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  return Math.min(offset + character, text.length);
}

function locate(analysis: Analysis, at: Location): { m: AnalysedModule; node: SyntaxNode } | undefined {
  for (const m of analysis.modules) {
    if (!m.tree || !m.model) continue;
    const r = toModuleRange(m.module, at);
    if (!r) continue;
    const offset = offsetOf(m.module.text, r.start.line, r.start.character);
    const node = m.tree.rootNode.descendantForIndex(offset, offset);
    if (node && node.type === 'identifier') return { m, node };
    // The cursor right after a word still hovers it.
    if (offset > 0) {
      const prev = m.tree.rootNode.descendantForIndex(offset - 1, offset - 1);
      if (prev?.type === 'identifier') return { m, node: prev };
    }
    return undefined;
  }
  return undefined;
}

export function hoverAt(analysis: Analysis, at: Location): string | undefined {
  const found = locate(analysis, at);
  if (!found) return undefined;
  const { m, node } = found;
  const model = m.model!;
  // Inside an import statement: the imported name.
  // (`import a, b` makes one record per module, all of the same statement: the one naming the node.)
  const inside = (n: SyntaxNode) => node.startIndex >= n.startIndex && node.endIndex <= n.endIndex;
  const records = model.imports.filter((i) => inside(i.statement));
  const imp = records.find((i) => i.names.some((n) => inside(n.node))) ?? records[0];
  if (imp) {
    const name = imp.names.find((n) => inside(n.node));
    // A name a from-import binds is that name (`Workspace` in `from azureml.core import Workspace`); the module otherwise.
    const named = name && name.node.id !== imp.moduleNode.id && (name.node.type !== 'dotted_name' || imp.statement.type === 'import_from_statement');
    const qname = named ? name.qname : imp.module;
    const sdk = model.classify(qname);
    return sdk === 'other' ? undefined : symbolMarkdown(qname, sdk);
  }
  const expr = node.parent?.type === 'attribute' && node.parent.childForFieldName('attribute')?.id === node.id ? node.parent : node;
  const value = model.evaluate(expr);
  const parts: string[] = [];
  // The module's classification (an AutoML scoring script's runtime imports are not v1: ModelOptions).
  const sdk = sdkIn(model, value);
  if (value?.kind === 'ref' && (sdk === 'v1' || sdk === 'v2')) parts.push(symbolMarkdown(value.qname, sdk));
  else if (value?.kind === 'instance' && (sdk === 'v1' || sdk === 'v2')) parts.push(instanceMarkdown(value.type, sdk, expr.text));
  if (expr.type === 'identifier') {
    const collision = collisionMarkdown(m, node);
    if (collision) parts.push(collision);
  }
  return parts.length ? parts.join('\n\n---\n\n') : undefined;
}

function ruleFor(qname: string): string {
  const entry = lookup(qname);
  if (entry && (entry.kind === 'no-v2-equivalent' || entry.kind === 'removed')) {
    const aml2 = RULES.find((r) => r.meta.family === 'AML2' && r.meta.docs.summary.includes(shortName(qname)));
    if (aml2) return aml2.meta.code;
  }
  return AREA_RULE[entry?.area ?? areaOf(qname)] ?? 'AML113';
}

function symbolMarkdown(qname: string, sdk: string): string {
  if (sdk !== 'v1') {
    return `**SDK v2** \`${qname}\`${sdk === 'v2' ? '' : ` (${sdk})`}`;
  }
  const entry = lookup(qname) ?? genericEntry(qname);
  const out = [`**SDK v1** \`${qname}\` · amlint ${ruleFor(qname)}`, ''];
  if (entry.kind === 'no-v2-equivalent' || entry.kind === 'removed') {
    out.push(`**No SDK v2 equivalent.** ${entry.note ?? ''}`.trim());
  } else if (entry.v2) {
    out.push(`Replaced in SDK v2 by \`${entry.v2.name}\`:`, '', '```python', entry.v2.snippet, '```');
    if (entry.note) out.push('', entry.note);
  } else if (entry.note) {
    out.push(entry.note);
  }
  out.push('', `SDK v1 reached end of support on ${END_OF_SUPPORT}: existing code keeps running but could be exposed to security risks or breaking changes.`);
  out.push('', `[Migration guide](${entry.doc})`);
  return out.join('\n');
}

function instanceMarkdown(type: string, sdk: string, shown: string): string {
  if (sdk !== 'v1') return `\`${shown}\`: an SDK v2 \`${shortName(type)}\` object (\`${type}\`)`;
  const entry = lookup(type);
  const out = [`\`${shown}\`: an **SDK v1** \`${shortName(type)}\` object (\`${type}\`)`];
  if (entry?.v2) out.push('', `In SDK v2: \`${entry.v2.name}\``, '', '```python', entry.v2.snippet, '```');
  out.push('', `[Migration guide](${(entry ?? genericEntry(type)).doc})`);
  return out.join('\n');
}

function describeBinding(m: AnalysedModule, b: Binding): string {
  const loc = toDocumentLocation(m.module, { start: { line: b.node.startPosition.row, character: b.node.startPosition.column }, end: { line: b.node.startPosition.row, character: b.node.startPosition.column } });
  const where = `${loc.cell !== undefined ? `cell ${loc.cell + 1}, ` : ''}line ${loc.range.start.line + 1}`;
  const v: Value | undefined = b.value;
  const what = v?.kind === 'ref' ? `\`${v.qname}\` (${sdkIn(m.model!, v)})` : v?.kind === 'instance' ? `a \`${v.type}\` object (${sdkIn(m.model!, v)})` : 'a local value';
  return `${what}, ${where}`;
}

function collisionMarkdown(m: AnalysedModule, node: SyntaxNode): string | undefined {
  const model = m.model!;
  const scope = model.scopeAt(node);
  let bindings: Binding[] | undefined;
  for (let s: typeof scope | undefined = scope; s && !bindings; s = s.parent) bindings = s.bindings.get(node.text);
  if (!bindings) return undefined;
  const sdks = new Set(bindings.map((b) => sdkIn(model, b.value)));
  if (!(sdks.has('v1') && sdks.has('v2'))) return undefined;
  const winner = model.resolveName(node.text, node);
  const lines = [`**\`${node.text}\` is bound to both SDKs.**`, ''];
  lines.push(winner ? `Here it means ${describeBinding(m, winner)}.` : 'Here it is not bound yet.');
  lines.push('', 'Bindings:');
  for (const b of bindings) lines.push(`- ${describeBinding(m, b)}`);
  return lines.join('\n');
}
