/**
 * One tree-sitter parser per process. Parse errors never stop analysis: tree-sitter always
 * returns a tree, with ERROR/MISSING nodes where the text does not parse, and the analyser
 * works on what parsed.
 */
import Parser = require('tree-sitter');
// tree-sitter-python ships no type declarations; it exports the Language object.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Python: unknown = require('tree-sitter-python');

export type Tree = Parser.Tree;
export type InputEdit = Parser.Edit;

let parser: Parser | undefined;

function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as Parser.Language);
  }
  return parser;
}

/**
 * Parses Python text. Pass `oldTree` (already `.edit()`ed to match `text`) for an incremental
 * re-parse. Node indices and columns are UTF-16 code units, like LSP positions.
 */
export function parsePython(text: string, oldTree?: Tree): Tree {
  parsedChars += text.length;
  return getParser().parse(text, oldTree);
}

let parsedChars = 0;

/**
 * How many characters tree-sitter has parsed in this process (a running total). tree-sitter's
 * trees live in native memory that is freed only when V8 collects their JS wrappers, and V8
 * does not see that memory: a long-running process (the language server) uses this to collect
 * after a burst of parsing, before the dead trees pile up (see lsp/memory.ts).
 */
export function parsedCharacters(): number {
  return parsedChars;
}
