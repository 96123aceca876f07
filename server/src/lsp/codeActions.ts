/**
 * Code actions for amlint diagnostics:
 *   - every fix a finding carries (quick fix; preferred when safe);
 *   - "Disable AMLxxx for this line" / "... for this cell" / "... for this file" (the engine's suppression
 *     comments, in the right cell of a notebook; "for this cell" in a notebook, or in a script split into cells by
 *     `# %%` / `# In[ ]:` / `# COMMAND ----------` lines);
 *   - "Show documentation for AMLxxx" (the `amlint.showDocumentation` command);
 *   - `source.fixAll.amlint` (a file, or one cell) and `notebook.source.fixAll.amlint` (every
 *     cell of the notebook): safe fixes only. Their edits are computed in `codeAction/resolve`
 *     when the client can resolve them.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { chainFixesOf, getRule, suppressionEdit } from '../engine';
import { findingOf, fixDataOf, SOURCE, toFixData, type FixData } from './diagnostics';
import type { LintOutcome } from './results';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.amlint`;
export const NOTEBOOK_FIX_ALL_KIND = `notebook.${CodeActionKind.SourceFixAll}.amlint`;
export const SHOW_DOCUMENTATION_COMMAND = 'amlint.showDocumentation';

/** Where the request is: the URI, its cell index in a notebook, and the current result. */
export interface ActionTarget {
  uri: string;
  cell?: number;
  outcome: LintOutcome;
}

/** `CodeAction.data` of an unresolved fix-all action. */
export interface FixAllData {
  amlint: 'fixAll';
  /** The file or cell URI the action was asked for. */
  uri: string;
  /** 'document': a file or a single cell; 'notebook': every cell. */
  scope: 'document' | 'notebook';
}

export function isFixAllData(data: unknown): data is FixAllData {
  const d = data as FixAllData | undefined;
  return typeof d === 'object' && d !== null && d.amlint === 'fixAll' && typeof d.uri === 'string' && (d.scope === 'document' || d.scope === 'notebook');
}

/** Is an action of `kind` wanted by `only` (absent: quick fixes and the file-level fix-all)? */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix || kind === FIX_ALL_KIND;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * The diagnostics to act on: amlint's among those the client sent, or (when it sent none, as
 * some clients do) the current diagnostics touching the requested range. A diagnostic the client
 * returned is matched to the current one, whose finding gives the fixes (for the current text;
 * one that matches none, from an older version, gets none).
 */
function diagnosticsFor(params: CodeActionParams, target: ActionTarget): Array<{ diagnostic: Diagnostic; fixes: FixData[] }> {
  const current = target.outcome.diagnostics.get(target.uri) ?? [];
  const sent = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
  const chosen = sent.length ? sent : current.filter((d) => overlaps(d.range, params.range));
  return chosen.map((diagnostic) => {
    const live = current.find((c) => c.code === diagnostic.code && sameRange(c.range, diagnostic.range));
    const finding = live && findingOf(live);
    if (!finding) return { diagnostic, fixes: [] };
    const fixes = fixDataOf(finding, target.outcome.uriOf);
    // No fix of its own: the rewrite it gets once the fixes it waits on are applied (engine chains.ts).
    if (!fixes.length) {
      const { snapshot, engineSettings, uriOf } = target.outcome;
      for (const fix of chainFixesOf(snapshot.input, engineSettings, finding)) {
        const data = toFixData(fix, uriOf);
        if (data) fixes.push(data);
      }
    }
    return { diagnostic, fixes };
  });
}

export function codeActions(params: CodeActionParams, target: ActionTarget, lazy: boolean): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix, only)) {
    const items = diagnosticsFor(params, target);
    // The finding's own fixes first, preferred (safe) ones leading.
    for (const { diagnostic, fixes } of items) {
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.safety === 'safe',
          edit: { changes: fix.changes },
        });
      }
    }
    const seen = new Set<string>();
    const once = (key: string) => !seen.has(key) && !!seen.add(key);
    // Only rules can be disabled by a directive (not the engine's own notes).
    const rules = items.filter(({ diagnostic }) => getRule(String(diagnostic.code)));
    for (const { diagnostic } of rules) {
      const code = String(diagnostic.code);
      const line = diagnostic.range.start.line;
      if (once(`line:${code}:${line}`)) pushDisable(actions, target, diagnostic, code, 'line');
    }
    // For this cell: a notebook's, or a script's between cell markers (`# %%`, `# In[ ]:`; none without them).
    for (const { diagnostic } of rules) {
      const code = String(diagnostic.code);
      if (once(`cell:${code}`)) pushDisable(actions, target, diagnostic, code, 'cell');
    }
    for (const { diagnostic } of rules) {
      const code = String(diagnostic.code);
      if (once(`file:${code}`)) pushDisable(actions, target, diagnostic, code, 'file');
    }
    for (const { diagnostic } of rules) {
      const code = String(diagnostic.code);
      if (!once(`docs:${code}`)) continue;
      actions.push({
        title: `Show documentation for ${code}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${code}`, command: SHOW_DOCUMENTATION_COMMAND, arguments: [code] },
      });
    }
  }

  const notebook = target.outcome.snapshot.kind === 'notebook';
  const fixAll = (kind: string, scope: FixAllData['scope'], title: string) => {
    if (!wanted(kind, only) || !hasSafeFix(target, scope)) return;
    const data: FixAllData = { amlint: 'fixAll', uri: target.uri, scope };
    const action: CodeAction = { title, kind };
    if (lazy) action.data = data;
    else action.edit = fixAllEdit(target, scope);
    actions.push(action);
  };
  fixAll(FIX_ALL_KIND, 'document', notebook ? 'Fix all safe amlint issues in this cell' : 'Fix all safe amlint issues');
  if (notebook) fixAll(NOTEBOOK_FIX_ALL_KIND, 'notebook', 'Fix all safe amlint issues in this notebook');
  return actions;
}

function pushDisable(actions: CodeAction[], target: ActionTarget, diagnostic: Diagnostic, code: string, scope: 'line' | 'cell' | 'file'): void {
  const { snapshot, uriOf } = target.outcome;
  const edit = suppressionEdit(snapshot.input, { range: diagnostic.range, cell: target.cell, code }, scope);
  if (!edit) return;
  // For a notebook the file-level comment goes to the cell the engine names (its first code cell).
  const uri = snapshot.kind === 'file' ? snapshot.key : uriOf(edit.cell ?? target.cell);
  if (!uri) return;
  actions.push({
    title: `Disable ${code} for this ${scope}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: edit.range, newText: edit.newText }] } },
  });
}

/** URIs a fix-all of this scope may touch. */
function scopeUris(target: ActionTarget, scope: FixAllData['scope']): Set<string> {
  const { snapshot } = target.outcome;
  if (snapshot.kind === 'file') return new Set([snapshot.key]);
  return scope === 'notebook' ? new Set(snapshot.cellUris) : new Set([target.uri]);
}

function safeFixes(target: ActionTarget, scope: FixAllData['scope']): FixData[] {
  const { findings, uriOf } = target.outcome;
  const uris = scopeUris(target, scope);
  const out: FixData[] = [];
  for (const finding of findings) {
    // Safe fixes are never deferred (engine/lazy-fixes.ts): `fixes` has them all.
    for (const fix of finding.fixes ?? []) {
      if (fix.safety !== 'safe') continue;
      const data = toFixData(fix, uriOf);
      if (data && Object.keys(data.changes).every((u) => uris.has(u))) out.push(data);
    }
  }
  return out;
}

function hasSafeFix(target: ActionTarget, scope: FixAllData['scope']): boolean {
  return safeFixes(target, scope).length > 0;
}

/**
 * Every safe fix of the scope, as one edit. An edit identical to one already taken (two fixes
 * adding the same import) is shared, not repeated. A fix whose other edits would overlap an edit
 * already taken is left out whole; the next fix-all picks it up.
 */
export function fixAllEdit(target: ActionTarget, scope: FixAllData['scope']): WorkspaceEdit {
  const taken = new Map<string, TextEdit[]>();
  const same = (a: TextEdit, b: TextEdit) => sameRange(a.range, b.range) && a.newText === b.newText;
  for (const fix of safeFixes(target, scope)) {
    const fresh = Object.entries(fix.changes).map(([uri, edits]) => {
      const existing = taken.get(uri) ?? [];
      return [uri, edits.filter((e) => !existing.some((t) => same(t, e)))] as const;
    });
    const clash = fresh.some(([uri, edits]) => edits.some((e) => (taken.get(uri) ?? []).some((t) => overlaps(t.range, e.range))));
    if (clash) continue;
    for (const [uri, edits] of fresh) if (edits.length) taken.set(uri, [...(taken.get(uri) ?? []), ...edits]);
  }
  return { changes: Object.fromEntries(taken) };
}
