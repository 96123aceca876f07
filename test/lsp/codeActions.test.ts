/**
 * Code actions from findings that carry fixes. No rule ships a fix yet, so these findings are
 * written by hand; the translation to LSP actions is what is under test.
 */
import * as assert from 'node:assert/strict';
import type { CodeActionParams } from 'vscode-languageserver';
import type { Finding } from '../../server/src/engine';
import { codeActions, fixAllEdit, FIX_ALL_KIND, NOTEBOOK_FIX_ALL_KIND } from '../../server/src/lsp/codeActions';
import { diagnosticsByUri } from '../../server/src/lsp/diagnostics';
import type { Snapshot } from '../../server/src/lsp/documents';
import { uriMapper, type Analysis, type LintOutcome } from '../../server/src/lsp/results';

const FILE = 'file:///w/train.py';
const r = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

function outcome(snapshot: Snapshot, findings: Finding[]): LintOutcome {
  const uriOf = uriMapper(snapshot);
  const uris = snapshot.kind === 'file' ? [snapshot.key] : snapshot.cellUris;
  return { snapshot, findings, uriOf, diagnostics: diagnosticsByUri(findings, uriOf, uris), engineSettings: {}, settingsKey: '', resultId: '1', analysis: undefined as unknown as Analysis };
}

function fileOutcome(text: string, findings: Finding[]): LintOutcome {
  return outcome({ key: FILE, kind: 'file', stamp: '1', input: { kind: 'python', text }, cellUris: [] }, findings);
}

const TEXT = 'from azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace\n';
const COLLISION: Finding = {
  code: 'AML002',
  message: 'collision',
  severity: 'error',
  range: r(1, 33, 42),
  fixes: [
    { title: 'Alias the v1 import as WorkspaceV1', safety: 'safe', edits: [{ range: r(0, 34, 34), newText: ' as WorkspaceV1' }] },
    { title: 'Remove the v1 import', safety: 'suggestion', edits: [{ range: r(0, 0, 35), newText: '' }] },
  ],
};
const OTHER: Finding = {
  code: 'AML100',
  message: 'v1 import',
  severity: 'warning',
  range: r(0, 5, 17),
  // Overlaps the first fix of COLLISION: a fix-all must take only one of them.
  fixes: [{ title: 'Rewrite the import', safety: 'safe', edits: [{ range: r(0, 0, 34), newText: 'from azure.ai.ml import MLClient' }] }],
};

function params(uri: string, diagnostics: CodeActionParams['context']['diagnostics'], only?: string[]): CodeActionParams {
  return { textDocument: { uri }, range: diagnostics[0]?.range ?? r(0, 0, 0), context: { diagnostics, only } };
}

describe('lsp/codeActions', () => {
  it('turns each fix into a quick fix, preferred only when safe, with the edit keyed by URI', () => {
    const result = fileOutcome(TEXT, [COLLISION]);
    const [diagnostic] = result.diagnostics.get(FILE)!;
    const actions = codeActions(params(FILE, [diagnostic]), { uri: FILE, outcome: result }, false);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? null]),
      [
        ['Alias the v1 import as WorkspaceV1', 'quickfix', true],
        ['Remove the v1 import', 'quickfix', false],
        ['Disable AML002 for this line', 'quickfix', null],
        ['Disable AML002 for this file', 'quickfix', null],
        ['Show documentation for AML002', 'quickfix', null],
        ['Fix all safe amlint issues', FIX_ALL_KIND, null],
      ],
    );
    assert.deepEqual(actions[0].edit, { changes: { [FILE]: [{ range: r(0, 34, 34), newText: ' as WorkspaceV1' }] } });
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
  });

  it('takes the fixes of the current result, never data the client sends back', () => {
    const result = fileOutcome(TEXT, [COLLISION]);
    const [diagnostic] = result.diagnostics.get(FILE)!;
    assert.equal(diagnostic.data, undefined, 'fixes do not travel with the diagnostic');
    const stale = { ...diagnostic, data: { fixes: [{ title: 'Old fix', safety: 'safe', changes: {} }] } };
    const actions = codeActions(params(FILE, [stale]), { uri: FILE, outcome: result }, false);
    assert.equal(actions[0].title, 'Alias the v1 import as WorkspaceV1');
    // A diagnostic that no longer exists (text changed since) gets no fix, only the other actions.
    const moved = { ...stale, range: r(5, 0, 1) };
    const fallback = codeActions(params(FILE, [moved]), { uri: FILE, outcome: result }, false);
    assert.deepEqual(fallback.map((a) => a.title), ['Disable AML002 for this line', 'Disable AML002 for this file', 'Show documentation for AML002', 'Fix all safe amlint issues']);
  });

  it('fix-all applies safe fixes only and skips one that overlaps a fix already taken', () => {
    const result = fileOutcome(TEXT, [OTHER, COLLISION]);
    const edit = fixAllEdit({ uri: FILE, outcome: result }, 'document');
    assert.deepEqual(edit, { changes: { [FILE]: [{ range: r(0, 0, 34), newText: 'from azure.ai.ml import MLClient' }] } });
  });

  it('fix-all takes a fix shared by two findings once', () => {
    const twin: Finding = { ...COLLISION, range: r(1, 0, 4) };
    const edit = fixAllEdit({ uri: FILE, outcome: fileOutcome(TEXT, [COLLISION, twin]) }, 'document');
    assert.deepEqual(edit.changes?.[FILE], [{ range: r(0, 34, 34), newText: ' as WorkspaceV1' }]);
  });

  it('fix-all shares an edit two fixes have in common', () => {
    const addImport = { range: r(0, 0, 0), newText: 'from azure.ai.ml import MLClient\n' };
    const a: Finding = { code: 'AML101', message: 'a', severity: 'warning', range: r(0, 5, 9), fixes: [{ title: 'A', safety: 'safe', edits: [addImport, { range: r(0, 5, 9), newText: 'A' }] }] };
    const b: Finding = { code: 'AML101', message: 'b', severity: 'warning', range: r(1, 5, 9), fixes: [{ title: 'B', safety: 'safe', edits: [addImport, { range: r(1, 5, 9), newText: 'B' }] }] };
    const edit = fixAllEdit({ uri: FILE, outcome: fileOutcome(TEXT, [a, b]) }, 'document');
    assert.deepEqual(edit.changes?.[FILE], [addImport, { range: r(0, 5, 9), newText: 'A' }, { range: r(1, 5, 9), newText: 'B' }]);
  });

  it('defers fix-all edits to codeAction/resolve when the client can resolve', () => {
    const result = fileOutcome(TEXT, [COLLISION]);
    const actions = codeActions(params(FILE, [], ['source.fixAll']), { uri: FILE, outcome: result }, true);
    assert.deepEqual(actions, [{ title: 'Fix all safe amlint issues', kind: FIX_ALL_KIND, data: { amlint: 'fixAll', uri: FILE, scope: 'document' } }]);
  });

  it('offers no fix-all when no finding has a safe fix', () => {
    const unsafe: Finding = { ...COLLISION, fixes: [COLLISION.fixes![1]] };
    const actions = codeActions(params(FILE, [], ['source']), { uri: FILE, outcome: fileOutcome(TEXT, [unsafe]) }, false);
    assert.deepEqual(actions, []);
  });

  describe('in a notebook', () => {
    const cells = ['cell://0', 'cell://1', 'cell://2'];
    const snapshot: Snapshot = {
      key: 'file:///w/nb.ipynb',
      kind: 'notebook',
      stamp: '1',
      input: {
        kind: 'notebook',
        cells: [
          { kind: 'markdown', text: '# T' },
          { kind: 'code', text: 'from azureml.core import Workspace' },
          { kind: 'code', text: 'from azure.ai.ml.entities import Workspace' },
        ],
      },
      cellUris: cells,
    };
    const collision: Finding = {
      ...COLLISION,
      cell: 2,
      range: r(0, 33, 42),
      related: [{ cell: 1, range: r(0, 25, 34), message: 'first bound' }],
      fixes: [{ title: 'Alias the v1 import as WorkspaceV1', safety: 'safe', edits: [{ cell: 1, range: r(0, 34, 34), newText: ' as WorkspaceV1' }] }],
    };
    const local: Finding = {
      code: 'AML100',
      message: 'v1',
      severity: 'warning',
      cell: 1,
      range: r(0, 5, 17),
      fixes: [{ title: 'Local fix', safety: 'safe', edits: [{ cell: 1, range: r(0, 0, 0), newText: '# x\n' }] }],
    };
    const result = outcome(snapshot, [local, collision]);

    it('puts diagnostics, related places and fix edits on cell URIs', () => {
      assert.deepEqual([...result.diagnostics.keys()], cells);
      assert.deepEqual(result.diagnostics.get(cells[0]), []);
      const [d] = result.diagnostics.get(cells[2])!;
      assert.deepEqual(d.relatedInformation, [{ location: { uri: cells[1], range: r(0, 25, 34) }, message: 'first bound' }]);
      const quick = codeActions(params(cells[2], [d]), { uri: cells[2], cell: 2, outcome: result }, false);
      assert.deepEqual(quick[0].edit, { changes: { [cells[1]]: [{ range: r(0, 34, 34), newText: ' as WorkspaceV1' }] } });
    });

    it('offers a per-cell fix-all and a notebook fix-all over every cell', () => {
      const cellOnly = codeActions(params(cells[2], [], ['source.fixAll']), { uri: cells[2], cell: 2, outcome: result }, false);
      assert.deepEqual(cellOnly, [], 'the fix for cell 2 edits cell 1: not a cell-local fix');
      const forCell1 = codeActions(params(cells[1], [], ['source.fixAll']), { uri: cells[1], cell: 1, outcome: result }, false);
      assert.deepEqual(forCell1.map((a) => a.kind), [FIX_ALL_KIND]);
      const notebook = codeActions(params(cells[2], [], ['notebook.source.fixAll']), { uri: cells[2], cell: 2, outcome: result }, false);
      assert.deepEqual(notebook.map((a) => a.kind), [NOTEBOOK_FIX_ALL_KIND]);
      assert.deepEqual(notebook[0].edit, {
        changes: { [cells[1]]: [{ range: r(0, 0, 0), newText: '# x\n' }, { range: r(0, 34, 34), newText: ' as WorkspaceV1' }] },
      });
    });
  });
});
