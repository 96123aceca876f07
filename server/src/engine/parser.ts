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
  return getParser().parse(text, oldTree);
}
