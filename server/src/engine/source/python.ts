/**
 * A `.py` file: one module, exactly as written. No IPython masking: `%` and `!` at the start of
 * a line are Python (or syntax errors) in a plain script.
 */
import type { SourceModel } from './types';

/**
 * A lone '\r' ends a line for Python (universal newlines) and for editors (LSP), but not for
 * tree-sitter, which counts rows by '\n' only. Turning it into '\n' keeps every offset (same
 * length) and makes module lines the lines editors show (issue 8: files with old Mac line
 * endings got every finding on line 1, and rewrites landed in the wrong place).
 */
export function normaliseLoneCR(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

export function pythonSource(text: string): SourceModel {
  return { modules: [{ text: normaliseLoneCR(text), origin: 'file' }], commands: [] };
}
