/**
 * Public types of the amlint engine. The engine is pure: it takes text (a Python file or the
 * cells of a notebook) and settings, and returns findings. It never touches the LSP connection,
 * the file system or the terminal; the CLI and the language server adapt these types.
 *
 * Positions are 0-based lines and 0-based UTF-16 code-unit columns (LSP's default encoding).
 * In a notebook every range is relative to its cell, and `cell` is the 0-based index of that
 * cell among *all* cells of the notebook (markdown and raw included).
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in a document: a range, plus the cell index for notebooks. */
export interface Location {
  range: Range;
  /** 0-based index among all cells; absent for plain Python files. */
  cell?: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type FixSafety = 'safe' | 'suggestion';

export interface TextEdit extends Location {
  newText: string;
}

export interface Fix {
  /** Imperative title shown in the editor, e.g. "Alias the v1 import as WorkspaceV1". */
  title: string;
  /** `safe` keeps behaviour and is applied by `--fix`/fix-all; `suggestion` is offered only. */
  safety: FixSafety;
  edits: TextEdit[];
}

export interface RelatedInfo extends Location {
  message: string;
}

export interface Finding extends Location {
  /** Rule code, e.g. "AML101". */
  code: string;
  message: string;
  severity: Severity;
  /** The v1 qualified name this finding is about, when there is one (used for hover and baselines). */
  symbol?: string;
  /** `deprecated` renders as strike-through in editors (LSP DiagnosticTag.Deprecated). */
  tags?: Array<'deprecated' | 'unnecessary'>;
  related?: RelatedInfo[];
  /**
   * Filled in by `lint`, unless it was asked to defer them (`lazyFixes`): then read them with
   * `fixesOf(finding)`, which computes them on first use.
   */
  fixes?: Fix[];
}

/** One cell of a notebook as the engine sees it. */
export interface CellInput {
  kind: 'code' | 'markdown' | 'raw';
  /** Cell language when known (LSP cell languageId, or the notebook's kernel language). */
  language?: string;
  text: string;
}

/** What the caller wants analysed. */
export type DocumentInput =
  | { kind: 'python'; text: string; /** for messages and per-file settings */ path?: string }
  | { kind: 'notebook'; cells: CellInput[]; path?: string }
  /** A dependency file or script; `path` decides how it is read (see textfiles.ts). */
  | { kind: 'text'; text: string; path: string };

export interface EngineSettings {
  /** Codes or prefixes ("AML1", "AML101"); empty/absent = all rules. */
  select?: string[];
  /** Codes or prefixes to switch off. */
  ignore?: string[];
  /** Per-rule severity overrides by exact code. */
  severity?: Record<string, SeveritySetting>;
  /** Per-rule severity overrides that apply to notebook cells only (after `severity`). */
  notebookSeverity?: Record<string, SeveritySetting>;
}

export interface LintResult {
  findings: Finding[];
  /** Set when the document could not be analysed at all (e.g. not a notebook). */
  fatal?: string;
}
