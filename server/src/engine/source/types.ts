/**
 * The source model: what the analyser parses. A `.py` file is one module. A notebook is one
 * module made of its Python code cells in document order, plus one module per
 * `%%writefile name.py` cell (a separate script at run time). IPython syntax is masked with
 * same-length neutral text so every position maps back to (cell, line, column).
 */
import type { CellInput, Location, Range } from '../types';

export interface ModuleLine {
  /** 0-based index of the cell among all cells of the notebook. */
  cell: number;
  /** 0-based line inside that cell. */
  line: number;
  /** Columns removed from the start of this line by whole-cell dedent (add back when mapping). */
  indent: number;
}

export interface SourceModule {
  /** Python text handed to the parser (magics masked, whole-cell indentation removed). */
  text: string;
  origin: 'file' | 'notebook' | 'writefile';
  /**
   * Notebook modules only: one entry per line of `text` (split on '\n'). Lines that separate
   * cells in the joined text map to the last line of the previous cell.
   */
  lines?: ModuleLine[];
  /** `%%writefile` modules: the file name the cell writes. */
  filename?: string;
}

/** An IPython command found in the source (kept for rules about `%pip`, `!az`, `%%synapse`...). */
export interface IPythonCommand {
  kind: 'line-magic' | 'shell' | 'cell-magic' | 'help' | 'automagic';
  /** Magic or command name without prefix: 'pip', 'run', 'writefile', 'bash', 'az' (first word of a shell line). */
  name: string;
  /** The command text without its `%`/`!`/`%%` prefix, continuation lines joined with '\n'. For cell magics: the whole cell body after the magic line. */
  text: string;
  /**
   * Cell magics only: the rest of the magic line after the name, trimmed (e.g. 'score.py' for
   * `%%writefile score.py`, 'bash' for `%%script bash`), so rules can tell what a skipped cell is
   * (a `%%writefile environment.yml` cell holds dependencies).
   */
  args?: string;
  /** Where the command is (for notebooks, cell-relative with `cell`). Covers the whole (possibly multi-line) command. */
  location: Location;
}

export interface SourceModel {
  modules: SourceModule[];
  commands: IPythonCommand[];
}

export type { CellInput, Range };
