/**
 * The contract between the engine and a rule. A rule reads one module's semantic model and
 * reports; ranges are in module coordinates and the engine maps them back to the document
 * (and the notebook cell).
 */
import type { SyntaxNode } from '../engine/parser';
import type { SemanticModel } from '../engine/semantic/model';
import type { SourceModel, SourceModule } from '../engine/source/types';
import type { Location, Range } from '../engine/types';
import type { RuleMeta } from './types';

export interface ModuleEdit {
  range: Range;
  newText: string;
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
}

export interface RuleContext {
  model: SemanticModel;
  module: SourceModule;
  /** The whole document's source model (other modules, IPython commands). */
  source: SourceModel;
  isNotebook: boolean;
  report(report: Report): void;
  /** Reports at a document location (e.g. an IPython command, which is not in the module text). */
  reportAt(location: Location, report: Omit<Report, 'node' | 'range' | 'fixes' | 'related'>): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Modules that never mention this text are skipped without running the rule. */
  requires?: string;
  check(ctx: RuleContext): void;
}

/** The range of a syntax node. */
export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}
