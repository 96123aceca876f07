/**
 * The source model: what the analyser parses, and how its positions map back to the document.
 *
 * Module coordinates: line/character in `SourceModule.text`. Document coordinates: for a `.py`
 * file the same; for a notebook, cell-relative line/character plus the cell index.
 */
import type { Location, Position, Range } from '../types';
import type { SourceModel, SourceModule } from './types';

export { pythonSource } from './python';
export { notebookSource, parseNotebookJson, isPythonLanguage, type NotebookParseResult } from './notebook';
export { analyseCell, type CellAnalysis } from './ipython';
export type { SourceModel, SourceModule, ModuleLine, IPythonCommand } from './types';

/** A position in the document: cell-relative for notebooks (`cell` set), plain for files. */
export interface DocumentPosition {
  cell?: number;
  position: Position;
}

/**
 * Map a module position to the document. Lines past the end of the line map are clamped to the
 * last line (tree-sitter never produces them; this only guards against misuse).
 */
export function toDocumentPosition(module: SourceModule, pos: Position): DocumentPosition {
  const lines = module.lines;
  if (!lines) return { position: { ...pos } };
  if (lines.length === 0) return { position: { ...pos } };
  const entry = lines[Math.min(Math.max(pos.line, 0), lines.length - 1)];
  return { cell: entry.cell, position: { line: entry.line, character: pos.character + entry.indent } };
}

/**
 * Map a module range to a document location. A range that runs from one cell into the next
 * (possible for parse-error nodes) is cut at the end of its first cell, since a location has
 * one cell.
 */
export function toDocumentLocation(module: SourceModule, range: Range): Location {
  const start = toDocumentPosition(module, range.start);
  if (start.cell === undefined) return { range: { start: start.position, end: { ...range.end } } };

  let end = toDocumentPosition(module, range.end);
  if (end.cell !== start.cell) end = endOfCell(module, start.cell);
  return { cell: start.cell, range: { start: start.position, end: end.position } };
}

/**
 * Map a document position to the module. `cell` must be given for notebook modules and absent
 * for file modules. Undefined when the cell or its line is not in this module. Columns inside
 * indentation removed by whole-cell dedent map to column 0.
 */
export function toModulePosition(module: SourceModule, cell: number | undefined, pos: Position): Position | undefined {
  if (!module.lines) return cell === undefined ? { ...pos } : undefined;
  if (cell === undefined) return undefined;
  const span = indexOf(module).cells.get(cell);
  if (!span || pos.line < 0) return undefined;
  const line = span.first + pos.line;
  if (line > span.last) return undefined;
  return { line, character: Math.max(0, pos.character - module.lines[line].indent) };
}

/** Map a document location to a module range; undefined when its cell is not in this module. */
export function toModuleRange(module: SourceModule, loc: Location): Range | undefined {
  const start = toModulePosition(module, loc.cell, loc.range.start);
  const end = toModulePosition(module, loc.cell, loc.range.end);
  return start && end ? { start, end } : undefined;
}

/** The module holding a cell (or the file module when `cell` is undefined). */
export function moduleOf(model: SourceModel, cell: number | undefined): SourceModule | undefined {
  return model.modules.find((m) =>
    m.lines ? cell !== undefined && indexOf(m).cells.has(cell) : cell === undefined,
  );
}

// ---------------------------------------------------------------------------------------------
// Per-module index, built once, so each mapping call is O(1)

interface ModuleIndex {
  /** Module line span of each cell (cells are contiguous in a module). */
  cells: Map<number, { first: number; last: number }>;
  /** Length of each module line, computed when first needed. */
  lineLengths?: number[];
}

const indexes = new WeakMap<SourceModule, ModuleIndex>();

function indexOf(module: SourceModule): ModuleIndex {
  let index = indexes.get(module);
  if (!index) {
    const cells = new Map<number, { first: number; last: number }>();
    (module.lines ?? []).forEach((entry, line) => {
      const span = cells.get(entry.cell);
      if (span) span.last = line;
      else cells.set(entry.cell, { first: line, last: line });
    });
    index = { cells };
    indexes.set(module, index);
  }
  return index;
}

/** Document position at the end of the last line of a cell. */
function endOfCell(module: SourceModule, cell: number): DocumentPosition {
  const index = indexOf(module);
  const last = index.cells.get(cell)!.last;
  index.lineLengths ??= module.text.split('\n').map((l) => (l.endsWith('\r') ? l.length - 1 : l.length));
  const entry = module.lines![last];
  return { cell, position: { line: entry.line, character: index.lineLengths[last] + entry.indent } };
}
