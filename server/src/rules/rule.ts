/**
 * The contract between the engine and a rule. A rule reads one module's semantic model and
 * reports; ranges are in module coordinates and the engine maps them back to the document
 * (and the notebook cell).
 */
import type { SyntaxNode } from '../engine/syntax';
import type { SemanticModel } from '../engine/semantic/model';
import type { SourceModel, SourceModule } from '../engine/source/types';
import type { DocumentInput, Fix, Location, Range } from '../engine/types';
import type { TextFileKind } from '../engine/textfiles';
import type { RuleMeta } from './types';

export interface ModuleEdit {
  range: Range;
  newText: string;
  /**
   * Another module of the same document the range is in (a notebook's `%%writefile` script and the
   * cells that run it: one fix may edit both); the rule's own module when absent.
   */
  module?: SourceModule;
}

/** A module of the document with its semantic model (RuleContext.modules). */
export interface ModelledModule {
  module: SourceModule;
  model: SemanticModel;
}

export interface ModuleFix {
  title: string;
  safety: 'safe' | 'suggestion';
  edits: ModuleEdit[];
}

export interface Report {
  /** Where: a node of this module's tree, or a module range. */
  node?: SyntaxNode;
  range?: Range;
  message: string;
  /** The v1 qualified name the finding is about. */
  symbol?: string;
  deprecated?: boolean;
  related?: Array<{ node: SyntaxNode; message: string }>;
  fixes?: ModuleFix[];
  /**
   * Suggestions (safety `suggestion` only) built when they are asked for (engine/lazy-fixes.ts):
   * a rewrite that follows every use of an object is costly, and most are never opened. The
   * function runs later, against the same model and module text; its fixes follow `fixes`.
   */
  suggestions?: () => ModuleFix[] | undefined;
}

export interface RuleContext {
  /** The document being linted (cell texts of a notebook are here). */
  input: DocumentInput;
  model: SemanticModel;
  module: SourceModule;
  /** The whole document's source model (other modules, IPython commands). */
  source: SourceModel;
  /**
   * Every module of the document that has a semantic model, this one included (a notebook: its cells'
   * module and each `%%writefile` script). A fix may edit another one (ModuleEdit.module).
   */
  modules(): readonly ModelledModule[];
  isNotebook: boolean;
  report(report: Report): void;
  /** Reports at a document location (e.g. an IPython command, which is not in the module text). */
  reportAt(location: Location, report: Omit<Report, 'node' | 'range' | 'fixes' | 'related'> & { fixes?: Fix[] }): void;
}

/** A dependency file or script (not Python): AML4xx/AML5xx rules read it line by line. */
export interface TextContext {
  path: string;
  kind: TextFileKind;
  text: string;
  lines: string[];
  report(report: { range: Range; message: string; symbol?: string; fixes?: ModuleFix[] }): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Modules that never mention this text are skipped without running the rule. */
  requires?: string;
  /** Checks one Python module (of a file or a notebook). */
  check?(ctx: RuleContext): void;
  /** Checks a dependency file or script. */
  checkText?(ctx: TextContext): void;
}

/** The range of a syntax node. */
export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/** Does `outer` hold `inner` (ends included)? */
export function rangeContains(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}
