/**
 * Writing fixed cell sources back into notebook JSON without disturbing anything else: only the
 * `source` values of changed cells are replaced, in place, in the original text. Outputs,
 * metadata, cell ids, key order, indentation, escapes and the final newline stay as they were.
 */
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import type { CellInput } from './types';

/** Jupyter's list form of a source: lines that keep their '\n', the last one without. */
function sourceLines(text: string): string[] {
  const parts = text.split(/(?<=\n)/);
  return parts.length === 1 && parts[0] === '' ? [] : parts;
}

/** The whitespace that starts the line holding `offset`. */
function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

function serialise(value: Node, newText: string, json: string): string {
  if (value.type === 'string') return JSON.stringify(newText);
  // A list: one string per line, laid out like the existing list (multi-line or inline).
  const lines = sourceLines(newText).map((l) => JSON.stringify(l));
  const original = json.slice(value.offset, value.offset + value.length);
  if (!lines.length) return '[]';
  if (!original.includes('\n') && value.children?.length) return `[${lines.join(', ')}]`;
  const first = value.children?.[0];
  const eol = json.includes('\r\n') ? '\r\n' : '\n';
  const closing = indentAt(json, value.offset);
  const itemIndent = first ? indentAt(json, first.offset) : `${closing}  `;
  return `[${eol}${lines.map((l) => itemIndent + l).join(`,${eol}`)}${eol}${closing}]`;
}

/**
 * Returns the notebook text with the sources of `cells` (same count and order as the
 * notebook's cells) written in; unchanged cells are left byte for byte. Undefined when the
 * text is not a notebook this can edit (e.g. nbformat 3).
 */
export function writeNotebookCells(json: string, before: CellInput[], after: CellInput[]): string | undefined {
  let tree: Node | undefined;
  try {
    tree = parseTree(json);
  } catch (e) {
    // jsonc-parser recurses: JSON nested tens of thousands deep exhausts the stack (issue 8).
    if (e instanceof RangeError) return undefined;
    throw e;
  }
  if (!tree) return undefined;
  const cells = findNodeAtLocation(tree, ['cells']);
  if (!cells || cells.type !== 'array' || cells.children?.length !== before.length || after.length !== before.length) return undefined;
  const replacements: Array<{ offset: number; length: number; text: string }> = [];
  after.forEach((cell, i) => {
    if (cell.text === before[i].text) return;
    const value = findNodeAtLocation(cells.children![i], ['source']);
    if (!value || (value.type !== 'string' && value.type !== 'array')) return;
    replacements.push({ offset: value.offset, length: value.length, text: serialise(value, cell.text, json) });
  });
  if (replacements.length !== after.filter((c, i) => c.text !== before[i].text).length) return undefined;
  let out = json;
  for (const r of replacements.sort((a, b) => b.offset - a.offset)) out = out.slice(0, r.offset) + r.text + out.slice(r.offset + r.length);
  return out;
}
