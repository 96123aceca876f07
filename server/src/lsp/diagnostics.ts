/**
 * Engine findings → LSP diagnostics, grouped by the URI they belong to (the file, or each cell of
 * a notebook). Fixes do not travel with the diagnostic: a code action looks up the finding of
 * the current diagnostic (`findingOf`) and builds its suggestions then (engine `fixesOf`), so
 * publishing never waits for rewrites nobody opens, and a diagnostic of text that has changed
 * since offers no stale edit.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type TextEdit } from 'vscode-languageserver/node';
import { fixesOf, getRule, ruleDocsUrl, type Finding, type Fix, type Severity } from '../engine';

export const SOURCE = 'amlint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG = { deprecated: DiagnosticTag.Deprecated, unnecessary: DiagnosticTag.Unnecessary } as const;

/** A fix with its edits grouped by document URI (a notebook's cells are documents). */
export interface FixData {
  title: string;
  safety: Fix['safety'];
  changes: Record<string, TextEdit[]>;
}

/** The finding each diagnostic the server made came from. */
const findings = new WeakMap<Diagnostic, Finding>();

/** The finding a diagnostic of the current result was made from. */
export function findingOf(diagnostic: Diagnostic): Finding | undefined {
  return findings.get(diagnostic);
}

/** Maps a cell index (undefined for files) to its document URI. */
export type UriOf = (cell: number | undefined) => string | undefined;

export function toFixData(fix: Fix, uriOf: UriOf): FixData | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    const uri = uriOf(edit.cell);
    if (!uri) return undefined; // an edit we cannot place: drop the whole fix, never half of it
    (changes[uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return { title: fix.title, safety: fix.safety, changes };
}

export function toDiagnostic(finding: Finding, uriOf: UriOf): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.code,
    source: SOURCE,
    message: finding.message,
  };
  // Rule findings link their docs page; engine notes (unused directives, "not analysed") have none.
  if (getRule(finding.code)) diagnostic.codeDescription = { href: ruleDocsUrl(finding.code) };
  const tags = (finding.tags ?? []).map((t) => TAG[t]).filter((t) => t !== undefined);
  if (tags.length) diagnostic.tags = tags;
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of finding.related ?? []) {
    // A related place in a notebook names its own cell; in a file it is the file itself.
    const uri = uriOf(r.cell ?? finding.cell);
    if (uri) related.push({ location: { uri, range: r.range }, message: r.message });
  }
  if (related.length) diagnostic.relatedInformation = related;
  findings.set(diagnostic, finding);
  return diagnostic;
}

/**
 * Diagnostics per URI for a set of findings. Every URI in `uris` gets an entry (empty when it
 * has no findings), so publishing the result also clears what is gone.
 */
export function diagnosticsByUri(findings: readonly Finding[], uriOf: UriOf, uris: readonly string[]): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>(uris.map((u) => [u, []]));
  for (const finding of findings) {
    const uri = uriOf(finding.cell);
    if (!uri) continue;
    let list = out.get(uri);
    if (!list) out.set(uri, (list = []));
    list.push(toDiagnostic(finding, uriOf));
  }
  return out;
}

/** Every fix of a finding (its suggestions built now if need be) that can be placed. */
export function fixDataOf(finding: Finding, uriOf: UriOf): FixData[] {
  return (fixesOf(finding) ?? []).map((f) => toFixData(f, uriOf)).filter((f): f is FixData => f !== undefined);
}
