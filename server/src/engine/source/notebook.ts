/**
 * Notebooks: reading `.ipynb` JSON into cells, and building the source model from cells.
 *
 * The notebook module is every Python code cell in document order joined with '\n' (a kernel
 * runs them in one namespace, so an import in cell 1 binds a name used in cell 5). Each
 * `%%writefile name.py` cell is a module of its own: it is a separate script at run time.
 */
import { parse as parseJson, printParseErrorCode, ParseErrorCode, type ParseError } from 'jsonc-parser';
import type { CellInput } from '../types';
import { analyseCell } from './ipython';
import { normaliseLoneCR } from './python';
import type { IPythonCommand, ModuleLine, SourceModel, SourceModule } from './types';

// ---------------------------------------------------------------------------------------------
// Cells → source model

/** Cell languages that mean Python (compared lower-case). Absent language = Python. */
const PYTHON_LANGUAGES = new Set(['python', 'python3', 'python2', 'ipython', 'ipython3', 'pyspark', 'py']);

export function isPythonLanguage(language: string | undefined): boolean {
  return language === undefined || language === '' || PYTHON_LANGUAGES.has(language.toLowerCase());
}

/**
 * The IPython analysis of recent cells, by cell number and text: typing in a notebook changes
 * one cell, and re-reading the other hundreds every keystroke was a tenth of the time of an
 * edit (issue 7). Bounded; the oldest entries go first.
 */
const cellCache = new Map<string, ReturnType<typeof analyseCell>>();
/** Bound on the cached cells' text (each entry holds about twice its cell's text). */
const CELL_CACHE_CHARS = 4_000_000;
let cachedChars = 0;

function analyseCellCached(text: string, index: number): ReturnType<typeof analyseCell> {
  const key = `${index}\0${text}`;
  let analysis = cellCache.get(key);
  if (!analysis) {
    analysis = analyseCell(normaliseLoneCR(text), index);
    if (key.length > CELL_CACHE_CHARS / 4) return analysis; // a huge cell: not worth keeping
    cellCache.set(key, analysis);
    cachedChars += key.length;
    for (const old of cellCache.keys()) {
      if (cachedChars <= CELL_CACHE_CHARS) break;
      cellCache.delete(old);
      cachedChars -= old.length;
    }
  }
  return analysis;
}

export function notebookSource(cells: CellInput[]): SourceModel {
  const notebook = new ModuleBuilder('notebook');
  const writefiles: SourceModule[] = [];
  const commands: IPythonCommand[] = [];

  cells.forEach((cell, index) => {
    if (cell.kind !== 'code' || !isPythonLanguage(cell.language)) return;
    // Lone '\r' line ends become '\n' (same length), as in pythonSource.
    const analysis = analyseCellCached(cell.text, index);
    commands.push(...analysis.commands);
    if (analysis.kind === 'python') {
      notebook.add(analysis.text, analysis.indents, index);
    } else if (analysis.kind === 'writefile') {
      const module = new ModuleBuilder('writefile');
      module.add(analysis.text, analysis.indents, index);
      writefiles.push({ ...module.build(), filename: analysis.filename });
    }
  });
  return { modules: [notebook.build(), ...writefiles], commands };
}

/** Joins cell texts with '\n' and records, for every line, where it came from. */
class ModuleBuilder {
  private readonly texts: string[] = [];
  private readonly lines: ModuleLine[] = [];

  constructor(private readonly origin: SourceModule['origin']) {}

  add(text: string, indents: number[], cell: number): void {
    this.texts.push(text);
    for (let line = 0; line < indents.length; line++) {
      this.lines.push({ cell, line, indent: indents[line] });
    }
  }

  build(): SourceModule {
    // No Python cell at all: empty text and an empty line map (nothing to map back).
    return { text: this.texts.join('\n'), origin: this.origin, lines: this.lines };
  }
}

// ---------------------------------------------------------------------------------------------
// .ipynb JSON → cells

export type NotebookParseResult =
  | { cells: CellInput[]; nbformat: number; language?: string }
  | { error: string };

type Json = Record<string, unknown>;

/** Thrown inside the reader only, turned into `{ error }` at the boundary. */
class NotebookFormatError extends Error {}

/**
 * Read a Jupyter notebook (nbformat 3 or 4). Never throws: any problem is an `{ error }` with a
 * message fit to show the user (cell numbers in messages are 1-based, as editors show them).
 */
export function parseNotebookJson(text: string): NotebookParseResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return { error: 'not a notebook: the file is empty' };

  // The built-in JSON.parse first: over ten times faster than jsonc-parser on notebooks with
  // large outputs (profiled: 9% of a CLI run over a tree with notebooks). jsonc-parser runs
  // only on a file JSON.parse rejects, for the position and wording of the error.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    try {
      json = parseJson(text, errors, { disallowComments: true, allowTrailingComma: false });
    } catch (e) {
      // jsonc-parser recurses: JSON nested tens of thousands deep exhausts the stack (issue 8).
      if (e instanceof RangeError) return { error: 'invalid notebook JSON: nested too deeply to read' };
      throw e;
    }
    if (errors.length > 0) {
      const { line, column } = lineColumn(text, errors[0].offset);
      return { error: `invalid notebook JSON at line ${line}, column ${column}: ${describe(errors[0].error)}` };
    }
  }
  if (!isObject(json)) return { error: 'not a notebook: the JSON is not an object' };

  try {
    return readNotebook(json);
  } catch (e) {
    if (e instanceof NotebookFormatError) return { error: e.message };
    throw e;
  }
}

function readNotebook(nb: Json): { cells: CellInput[]; nbformat: number; language?: string } {
  const nbformat = notebookVersion(nb);
  const language = kernelLanguage(nb);
  const cells = nbformat === 3 ? readV3Cells(nb, language) : readV4Cells(nb, language);
  return language === undefined ? { cells, nbformat } : { cells, nbformat, language };
}

/** The major format version; when absent it is inferred from the shape (cells / worksheets). */
function notebookVersion(nb: Json): number {
  const v = nb.nbformat;
  if (v === undefined) {
    if (Array.isArray(nb.cells)) return 4;
    if (Array.isArray(nb.worksheets)) return 3;
    // Say what is wrong with a field that is there (issue 8: clear reasons).
    if (nb.cells !== undefined) throw new NotebookFormatError("not a notebook: 'cells' must be a list");
    throw new NotebookFormatError("not a notebook: no 'nbformat' and no 'cells'");
  }
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new NotebookFormatError(`not a notebook: 'nbformat' must be an integer, found ${JSON.stringify(v)}`);
  }
  if (v < 3) throw new NotebookFormatError(`nbformat ${v} is too old: amlint reads nbformat 3 and 4 (upgrade with 'jupyter nbconvert --to notebook')`);
  if (v > 4) throw new NotebookFormatError(`nbformat ${v} is not supported: amlint reads nbformat 3 and 4`);
  return v;
}

/** The kernel's language: `metadata.kernelspec.language`, else `metadata.language_info.name`. */
function kernelLanguage(nb: Json): string | undefined {
  const metadata = isObject(nb.metadata) ? nb.metadata : {};
  const kernelspec = isObject(metadata.kernelspec) ? metadata.kernelspec : {};
  const info = isObject(metadata.language_info) ? metadata.language_info : {};
  return nonEmptyString(kernelspec.language) ?? nonEmptyString(info.name);
}

function readV4Cells(nb: Json, language: string | undefined): CellInput[] {
  if (nb.cells === undefined) throw new NotebookFormatError("not a notebook: 'cells' is missing");
  if (!Array.isArray(nb.cells)) throw new NotebookFormatError("not a notebook: 'cells' must be a list");
  return nb.cells.map((cell, index) => {
    const c = cellObject(cell, index);
    const kind = cellKind(c, index);
    const text = sourceText(c.source, 'source', index);
    return kind === 'code' ? codeCell(text, cellLanguage(c) ?? language) : { kind, text };
  });
}

/** nbformat 3: `worksheets[].cells[]`; code cells hold `input` and `language`; headings are markdown. */
function readV3Cells(nb: Json, language: string | undefined): CellInput[] {
  const worksheets = nb.worksheets ?? [];
  if (!Array.isArray(worksheets)) throw new NotebookFormatError("not a notebook: 'worksheets' must be a list");
  const cells: CellInput[] = [];
  for (const sheet of worksheets) {
    if (!isObject(sheet) || !Array.isArray(sheet.cells)) {
      throw new NotebookFormatError("not a notebook: a worksheet has no 'cells' list");
    }
    for (const cell of sheet.cells) {
      const index = cells.length;
      const c = cellObject(cell, index);
      if (c.cell_type === 'code') {
        const text = sourceText(c.input, 'input', index);
        cells.push(codeCell(text, nonEmptyString(c.language) ?? language));
      } else {
        const kind = c.cell_type === 'heading' ? 'markdown' : cellKind(c, index);
        cells.push({ kind, text: sourceText(c.source, 'source', index) });
      }
    }
  }
  return cells;
}

/** A code cell; `language` is left out rather than set to undefined. */
function codeCell(text: string, language: string | undefined): CellInput {
  return language === undefined ? { kind: 'code', text } : { kind: 'code', language, text };
}

function cellObject(cell: unknown, index: number): Json {
  if (!isObject(cell)) throw new NotebookFormatError(`cell ${index + 1} is not an object`);
  return cell;
}

/** Unknown cell types are kept as raw cells (counted, never analysed). */
function cellKind(cell: Json, index: number): CellInput['kind'] {
  const type = cell.cell_type;
  if (typeof type !== 'string') throw new NotebookFormatError(`cell ${index + 1} has no 'cell_type'`);
  return type === 'code' || type === 'markdown' ? type : 'raw';
}

/** `source` is a list of strings (usual) or a single string (legal); absent means empty. */
function sourceText(source: unknown, field: string, index: number): string {
  if (source === undefined) return '';
  if (typeof source === 'string') return source;
  if (Array.isArray(source) && source.every((s) => typeof s === 'string')) return source.join('');
  throw new NotebookFormatError(`cell ${index + 1}: '${field}' must be a string or a list of strings`);
}

/**
 * A cell's own language when the notebook says so: VS Code's `metadata.vscode.languageId`, or
 * the .NET Interactive / Polyglot notebook cell kernel.
 */
function cellLanguage(cell: Json): string | undefined {
  const metadata = isObject(cell.metadata) ? cell.metadata : {};
  const vscode = isObject(metadata.vscode) ? metadata.vscode : {};
  const dotnet = isObject(metadata.dotnet_interactive) ? metadata.dotnet_interactive : {};
  const polyglot = isObject(metadata.polyglot_notebook) ? metadata.polyglot_notebook : {};
  return nonEmptyString(vscode.languageId) ?? nonEmptyString(dotnet.language) ?? nonEmptyString(polyglot.kernelName);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** 1-based line and column of an offset (a '\r' before '\n' belongs to the previous line). */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const PARSE_ERROR_TEXT: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'unexpected character',
  [ParseErrorCode.InvalidNumberFormat]: 'invalid number',
  [ParseErrorCode.PropertyNameExpected]: 'property name expected',
  [ParseErrorCode.ValueExpected]: 'value expected',
  [ParseErrorCode.ColonExpected]: "':' expected",
  [ParseErrorCode.CommaExpected]: "',' expected",
  [ParseErrorCode.CloseBraceExpected]: "'}' expected",
  [ParseErrorCode.CloseBracketExpected]: "']' expected",
  [ParseErrorCode.EndOfFileExpected]: 'unexpected text after the end of the JSON',
  [ParseErrorCode.InvalidCommentToken]: 'comments are not allowed in JSON',
  [ParseErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [ParseErrorCode.UnexpectedEndOfString]: 'unterminated string',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
  [ParseErrorCode.InvalidUnicode]: 'invalid unicode escape',
  [ParseErrorCode.InvalidEscapeCharacter]: 'invalid escape character',
  [ParseErrorCode.InvalidCharacter]: 'invalid character in string',
};

function describe(code: ParseErrorCode): string {
  return PARSE_ERROR_TEXT[code] ?? printParseErrorCode(code);
}
