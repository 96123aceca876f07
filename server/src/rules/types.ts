/**
 * What a rule is: ESLint-style metadata, Ruff-style docs fields, and a small check function
 * that reads the semantic model of one module and reports findings.
 */
import type { Severity } from '../engine/types';

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: string;
  /** Why it matters (end of support, no equivalent, private endpoints...). */
  why: string;
  /** v1 code that triggers the rule. */
  v1Example: string;
  /** The v2 equivalent of `v1Example` (or what to do instead). */
  v2Example: string;
  /** What the fixes do and whether they are safe. */
  fixSafety: string;
  /** Known limitations (what the rule cannot see). */
  limitations: string;
  /** learn.microsoft.com URLs. */
  references: string[];
}

export interface RuleMeta {
  /** e.g. "AML101"; the rule file, docs page and test file carry the same code. */
  code: string;
  /** kebab-case name, e.g. "v1-workspace-api". */
  name: string;
  /** AML0 mixing, AML1 v1 API with v2 replacement, AML2 no v2 equivalent, AML3 network isolation, AML4 dependencies, AML5 v1 CLI. */
  family: 'AML0' | 'AML1' | 'AML2' | 'AML3' | 'AML4' | 'AML5';
  defaultSeverity: Severity;
  /** Whether findings carry fixes. */
  fixable: 'always' | 'sometimes' | 'never';
  docs: RuleDocs;
}
