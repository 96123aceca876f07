/**
 * A `.py` file: one module, exactly as written. No IPython masking: `%` and `!` at the start of
 * a line are Python (or syntax errors) in a plain script.
 */
import type { SourceModel } from './types';

export function pythonSource(text: string): SourceModel {
  return { modules: [{ text, origin: 'file' }], commands: [] };
}
