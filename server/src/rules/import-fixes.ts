/**
 * Safe fixes on imports: removing SDK v1 imports that nothing uses (AML100), and aliasing the
 * v1 side of a v1/v2 name collision while renaming its uses (AML002).
 */
import type { SyntaxNode } from '../engine/syntax';
import type { Binding, ImportRecord } from '../engine/semantic/model';
import type { Range } from '../engine/types';
import { nodeRange, type ModuleEdit, type ModuleFix, type RuleContext } from './rule';

/** Bindings an import statement made. */
function bindingsOf(ctx: RuleContext, imp: ImportRecord): Binding[] {
  const out: Binding[] = [];
  for (const scope of ctx.model.scopes) for (const list of scope.bindings.values()) for (const b of list) if (b.importRecord === imp) out.push(b);
  return out;
}

/**
 * In a notebook cell, would deleting module lines `row..endRow` leave a `%%magic` line as the
 * cell's first non-blank line? It would then become a cell magic and change what the whole cell
 * is (`%%file x.py` below an import turns the rest of the cell into a file). Found by fuzzing
 * (issue 8).
 */
function promotesCellMagic(ctx: RuleContext, row: number, endRow: number): boolean {
  const lines = ctx.module.lines;
  const first = lines?.[row];
  const last = lines?.[endRow];
  if (!first || !last || ctx.input.kind !== 'notebook') return false;
  const cellLines = (ctx.input.cells[first.cell]?.text ?? '').split(/\r\n|\r|\n/);
  // Above: only blank lines and cell magics (`%%time` runs its body as a cell of its own).
  if (cellLines.slice(0, first.line).some((l) => l.trim() && !/^\s*%%/.test(l))) return false;
  const next = cellLines.slice(last.line + 1).find((l) => l.trim());
  return next !== undefined && /^\s*%%/.test(next);
}

/** Removing a whole statement: its lines when it stands alone, `pass` when a block would empty. */
function removeStatement(ctx: RuleContext, stmt: SyntaxNode): ModuleEdit | undefined {
  const text = ctx.module.text;
  const lineStart = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const lineEndIdx = text.indexOf('\n', stmt.endIndex);
  const lineEnd = lineEndIdx < 0 ? text.length : lineEndIdx;
  const before = text.slice(lineStart, stmt.startIndex);
  const after = text.slice(stmt.endIndex, lineEnd);
  if (before.trim() || (after.trim() && !after.trim().startsWith('#'))) return undefined;
  const siblings = stmt.parent?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  if (stmt.parent?.type === 'block' && siblings.length === 1) return { range: nodeRange(stmt), newText: 'pass' };
  const row = stmt.startPosition.row;
  const endRow = stmt.endPosition.row;
  if (promotesCellMagic(ctx, row, endRow)) return { range: nodeRange(stmt), newText: 'pass' };
  // Delete the lines, newline included, unless the next line belongs to another notebook cell.
  const lines = ctx.module.lines;
  const sameCell = !lines || (lines[endRow + 1] !== undefined && lines[endRow + 1].cell === lines[row].cell);
  if (lineEndIdx >= 0 && sameCell) return { range: { start: { line: row, character: 0 }, end: { line: endRow + 1, character: 0 } }, newText: '' };
  return { range: { start: { line: row, character: 0 }, end: nodeRange(stmt).end }, newText: '' };
}

/** The text of an import statement keeping only some of its names. */
function keepNames(imp: ImportRecord, keep: Set<SyntaxNode>): string | undefined {
  if (imp.statement.descendantsOfType('comment').length) return undefined;
  const items = imp.statement.childrenForFieldName('name').filter((n) => keep.has(n)).map((n) => n.text.replace(/\s+/g, ' '));
  if (!items.length) return undefined;
  return imp.statement.type === 'import_statement' ? `import ${items.join(', ')}` : `from ${imp.module} import ${items.join(', ')}`;
}

/** AML100: the safe fix that drops the unused v1 names of an import (or the whole import). */
export function unusedImportFix(ctx: RuleContext, imp: ImportRecord): ModuleFix | undefined {
  const path = ctx.input.kind !== 'notebook' ? ctx.input.path ?? '' : '';
  if (/(^|[\\/])__init__\.py$/.test(path) || ctx.model.moduleScope.bindings.has('__all__') || imp.star) return undefined;
  const bindings = bindingsOf(ctx, imp);
  if (!bindings.length) return undefined;
  const unused = bindings.filter((b) => !ctx.model.uses.get(b)?.length && (imp.names.find((n) => n.bound === b.name)?.sdk === 'v1'));
  if (!unused.length) return undefined;
  const unusedNames = new Set(unused.map((b) => b.name));
  const items = imp.statement.childrenForFieldName('name');
  const keep = new Set(items.filter((item) => {
    const n = imp.names.find((x) => x.node.id === item.id);
    return !n || !n.bound || !unusedNames.has(n.bound) || bindings.filter((b) => b.name === n.bound).length !== 1;
  }));
  if (keep.size === items.length) return undefined;
  const edit = keep.size === 0 ? removeStatement(ctx, imp.statement) : (() => {
    const text = keepNames(imp, keep);
    return text === undefined ? undefined : { range: nodeRange(imp.statement), newText: text };
  })();
  if (!edit) return undefined;
  const names = [...unusedNames].join(', ');
  return { title: `Remove unused SDK v1 import${unusedNames.size > 1 ? 's' : ''}: ${names}`, safety: 'safe', edits: [edit] };
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
