/**
 * The engine's public API. Front ends (CLI, language server) import only from here.
 *
 *   lint(input, settings)        findings for a Python file or the cells of a notebook
 *   fixesOf(finding)             a finding's fixes (computed now when lint deferred them)
 *   parseNotebook(text)          notebook JSON → cells (or a clear error)
 *   hover(input, at)             Markdown for the v1 symbol at a position
 *   suppressionEdit(...)         the edit that inserts a `# amlint: disable...` comment
 *   listRules() / getRule() / explain()
 */
export * from './types';
export { lint, hover, analyseDocument, type LintOptions } from './analyse';
export { fixesOf, dropDeferredFixes } from './lazy-fixes';
export { parseNotebookJson as parseNotebook } from './source';
export { listRules, getRule, explain, ruleDocsUrl, setDocsBaseUrl } from '../rules/registry';
export { suppressionEdit, parseSuppressions } from './suppressions';
export type { RuleMeta, RuleDocs } from '../rules/types';
export { fixDocument, applyFixes, type FixOptions, type FixResult } from './fix';
export { chainFixesOf } from './chains';
export { writeNotebookCells } from './notebook-json';
export { parsedCharacters } from './parser';
export { fileKindOf, isYamlName, type FileKind, type TextFileKind } from './textfiles';
