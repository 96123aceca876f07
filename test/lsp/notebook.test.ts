/**
 * End to end over stdio, notebooks through LSP 3.17 notebook sync: cells are analysed together
 * as one module and diagnostics are pushed per cell URI.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Hover, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TestClient } from './harness';

const NOTEBOOK = 'file:///tmp/amlint-lsp-test/train.ipynb';
const MARKUP = 1;
const CODE = 2;

function cellUri(id: string, notebook = NOTEBOOK): string {
  return `vscode-notebook-cell:${notebook.slice('file://'.length)}#${id}`;
}

interface Cell {
  id: string;
  kind?: number;
  language?: string;
  text: string;
}

/** Opens a notebook; cells default to Python code cells. */
function openNotebook(client: TestClient, cells: Cell[], uri = NOTEBOOK): Promise<void> {
  return client.notify('notebookDocument/didOpen', {
    notebookDocument: {
      uri,
      notebookType: 'jupyter-notebook',
      version: 1,
      cells: cells.map((c) => ({ kind: c.kind ?? CODE, document: cellUri(c.id, uri) })),
    },
    cellTextDocuments: cells.map((c) => ({
      uri: cellUri(c.id, uri),
      languageId: c.language ?? (c.kind === MARKUP ? 'markdown' : 'python'),
      version: 1,
      text: c.text,
    })),
  });
}

function codes(p: PublishDiagnosticsParams | Diagnostic[]): string[] {
  return (Array.isArray(p) ? p : p.diagnostics).map((d) => String(d.code));
}

describe('lsp: notebooks over stdio', function () {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('resolves a call in a later cell through an import in an earlier cell, per cell URI', async () => {
    const importCell = client.nextDiagnostics(cellUri('import'));
    const callCell = client.nextDiagnostics(cellUri('call'));
    const markdownCell = client.nextDiagnostics(cellUri('intro'));
    await openNotebook(client, [
      { id: 'intro', kind: MARKUP, text: '# Train\nfrom azureml.core import Workspace is prose here' },
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'other', text: 'import os' },
      { id: 'call', text: 'x = 1\nws = Workspace.from_config()' },
    ]);
    assert.deepEqual(codes(await importCell), ['AML100']);
    const call = await callCell;
    assert.deepEqual(codes(call), ['AML101']);
    // Cell-relative range: line 1 of the fourth cell.
    assert.deepEqual(call.diagnostics[0].range, { start: { line: 1, character: 5 }, end: { line: 1, character: 26 } });
    assert.deepEqual(call.diagnostics[0].tags, [2]);
    assert.equal(call.version, 1);
    assert.deepEqual((await markdownCell).diagnostics, [], 'a markdown cell is never linted');
  });

  it('reports a collision across cells, with related information in each cell', async () => {
    const v2Cell = client.nextDiagnostics(cellUri('v2'));
    const v1Cell = client.nextDiagnostics(cellUri('v1'));
    await openNotebook(client, [
      { id: 'v1', text: 'from azureml.core import Model' },
      { id: 'v2', text: 'from azure.ai.ml.entities import Model\nm = Model(path="model.pkl")' },
    ]);
    const [collision] = (await v2Cell).diagnostics.filter((d) => d.code === 'AML002');
    assert.ok(collision, 'AML002 on the cell that rebinds the name');
    assert.deepEqual(collision.range, { start: { line: 0, character: 33 }, end: { line: 0, character: 38 } });
    const related = collision.relatedInformation ?? [];
    assert.deepEqual(
      related.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character]),
      [
        [cellUri('v1'), 0, 25],
        [cellUri('v2'), 0, 33],
      ],
    );
    // The mix of SDKs is reported on the v1 import, pointing at both cells.
    const mix = (await v1Cell).diagnostics.find((d) => d.code === 'AML001');
    assert.ok(mix);
    assert.deepEqual(new Set(mix.relatedInformation?.map((r) => r.location.uri)), new Set([cellUri('v1'), cellUri('v2')]));
  });

  it('re-analyses when a cell is edited', async () => {
    let call = client.nextDiagnostics(cellUri('call'));
    await openNotebook(client, [
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'call', text: 'ws = Workspace.from_config()' },
    ]);
    assert.deepEqual(codes(await call), ['AML101']);

    call = client.nextDiagnostics(cellUri('call'));
    await client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: NOTEBOOK, version: 2 },
      change: {
        cells: {
          textContent: [
            {
              document: { uri: cellUri('call'), version: 2 },
              changes: [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 28 } }, text: '42' }],
            },
          ],
        },
      },
    });
    const edited = await call;
    assert.equal(edited.version, 2);
    assert.deepEqual(edited.diagnostics, []);

    // An edit in the import cell changes what the later cell means.
    call = client.nextDiagnostics(cellUri('call'));
    await client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: NOTEBOOK, version: 3 },
      change: {
        cells: {
          textContent: [
            { document: { uri: cellUri('call'), version: 3 }, changes: [{ text: 'ws = Workspace.from_config()' }] },
            { document: { uri: cellUri('import'), version: 2 }, changes: [{ text: 'from azure.ai.ml import MLClient as Workspace' }] },
          ],
        },
      },
    });
    assert.deepEqual(codes(await call), [], 'Workspace is the v2 name now');
  });

  it('clears a removed cell, lints an added one, and follows a moved one', async () => {
    await openNotebook(client, [
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'call', text: 'ws = Workspace.from_config()' },
    ]);
    await client.nextDiagnostics(cellUri('call'), (p) => p.diagnostics.length > 0);

    // Remove the call cell (closing its text document) and add a new one with another v1 call.
    const removed = client.nextDiagnostics(cellUri('call'));
    const added = client.nextDiagnostics(cellUri('new'));
    await client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: NOTEBOOK, version: 2 },
      change: {
        cells: {
          structure: {
            array: { start: 1, deleteCount: 1, cells: [{ kind: CODE, document: cellUri('new') }] },
            didOpen: [{ uri: cellUri('new'), languageId: 'python', version: 1, text: 'import os\nws2 = Workspace.get(name="w")' }],
            didClose: [{ uri: cellUri('call') }],
          },
        },
      },
    });
    assert.deepEqual((await removed).diagnostics, []);
    const fresh = await added;
    assert.deepEqual(codes(fresh), ['AML101']);
    assert.equal(fresh.diagnostics[0].range.start.line, 1);

    // Move the new cell above the import: the name is no longer bound when it runs... but a
    // notebook is one module in document order, so the reference is now unresolved.
    const moved = client.nextDiagnostics(cellUri('new'));
    await client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: NOTEBOOK, version: 3 },
      change: { cells: { structure: { array: { start: 0, deleteCount: 2, cells: [{ kind: CODE, document: cellUri('new') }, { kind: CODE, document: cellUri('import') }] } } } },
    });
    assert.deepEqual(codes(await moved), [], 'used before the import cell: not resolved to v1');

    // Pull for a cell answers from the notebook's analysis.
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: cellUri('import') } });
    assert.ok(report.kind === 'full');
    assert.deepEqual(codes(report.kind === 'full' ? report.items : []), ['AML100']);
  });

  it('follows a cell whose language is switched (its document closed and reopened under the same URI)', async () => {
    const opened = client.nextDiagnostics(cellUri('switch'));
    await openNotebook(client, [
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'switch', kind: MARKUP, text: 'ws = Workspace.from_config()' },
    ]);
    assert.deepEqual(codes(await opened), []);
    const switched = (version: number, kind: number, languageId: string) =>
      client.notify('notebookDocument/didChange', {
        notebookDocument: { uri: NOTEBOOK, version },
        change: {
          cells: {
            structure: {
              array: { start: 1, deleteCount: 1, cells: [{ kind, document: cellUri('switch') }] },
              didOpen: [{ uri: cellUri('switch'), languageId, version: 1, text: 'ws = Workspace.from_config()' }],
              didClose: [{ uri: cellUri('switch') }],
            },
          },
        },
      });
    let published = client.nextDiagnostics(cellUri('switch'));
    await switched(2, CODE, 'python');
    assert.deepEqual(codes(await published), ['AML101'], 'markdown → Python: now linted');
    published = client.nextDiagnostics(cellUri('switch'));
    await switched(3, MARKUP, 'markdown');
    assert.deepEqual(codes(await published), [], 'Python → markdown: cleared');
  });

  it('clears every cell when the notebook closes', async () => {
    await openNotebook(client, [
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'call', text: 'ws = Workspace.from_config()' },
    ]);
    await client.nextDiagnostics(cellUri('call'), (p) => p.diagnostics.length > 0);
    const a = client.nextDiagnostics(cellUri('import'));
    const b = client.nextDiagnostics(cellUri('call'));
    await client.notify('notebookDocument/didClose', {
      notebookDocument: { uri: NOTEBOOK },
      cellTextDocuments: [{ uri: cellUri('import') }, { uri: cellUri('call') }],
    });
    assert.deepEqual((await a).diagnostics, []);
    assert.deepEqual((await b).diagnostics, []);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: cellUri('call') }, position: { line: 0, character: 17 } });
    assert.equal(hover, null);
  });

  it('hovers and offers disable actions in the right cell', async () => {
    const call = client.nextDiagnostics(cellUri('call'));
    await openNotebook(client, [
      { id: 'intro', kind: MARKUP, text: '# Notes' },
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'call', text: 'ws = Workspace.from_config()' },
    ]);
    const [diagnostic] = (await call).diagnostics;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: cellUri('call') }, position: { line: 0, character: 17 } });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /MLClient\.from_config/);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: cellUri('call') },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const line = actions.find((a) => a.title === 'Disable AML101 for this line');
    assert.deepEqual(Object.keys(line?.edit?.changes ?? {}), [cellUri('call')]);
    // The cell directive goes to the top of the finding's own cell.
    const cell = actions.find((a) => a.title === 'Disable AML101 for this cell');
    assert.deepEqual(cell?.edit?.changes, {
      [cellUri('call')]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# amlint: disable-cell=AML101\n' }],
    });
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Disable AML101')).map((a) => a.title), ['Disable AML101 for this line', 'Disable AML101 for this cell', 'Disable AML101 for this file']);
    const file = actions.find((a) => a.title === 'Disable AML101 for this file');
    // The file-level directive goes to the first code cell.
    assert.deepEqual(file?.edit?.changes, {
      [cellUri('import')]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# amlint: disable-file=AML101\n' }],
    });

    // Applying it (as the editor would, through a cell text change) silences the later cell.
    const silenced = client.nextDiagnostics(cellUri('call'));
    await client.notify('notebookDocument/didChange', {
      notebookDocument: { uri: NOTEBOOK, version: 2 },
      change: { cells: { textContent: [{ document: { uri: cellUri('import'), version: 2 }, changes: [{ range: file!.edit!.changes![cellUri('import')][0].range, text: '# amlint: disable-file=AML101\n' }] }] } },
    });
    assert.deepEqual((await silenced).diagnostics, []);
  });

  it('applies notebook-only severity overrides to cells, not to files', async () => {
    client.dispose();
    client = await TestClient.start({ settings: { notebookSeverity: { AML101: 'error' } } });
    const call = client.nextDiagnostics(cellUri('call'));
    await openNotebook(client, [
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'call', text: 'ws = Workspace.from_config()' },
    ]);
    assert.equal((await call).diagnostics[0].severity, 1);
    const file = 'file:///tmp/amlint-lsp-test/same.py';
    const published = client.nextDiagnostics(file);
    await client.open(file, 'from azureml.core import Workspace\nws = Workspace.from_config()\n');
    assert.equal((await published).diagnostics.find((d) => d.code === 'AML101')?.severity, 2);
    // Settings for a notebook are asked for with the notebook's URI.
    assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.scopeUri === NOTEBOOK)));
  });

  it('keeps two notebooks apart', async () => {
    const other = 'file:///tmp/amlint-lsp-test/other.ipynb';
    const first = client.nextDiagnostics(cellUri('call'));
    const second = client.nextDiagnostics(cellUri('call', other));
    await openNotebook(client, [
      { id: 'import', text: 'from azureml.core import Workspace' },
      { id: 'call', text: 'ws = Workspace.from_config()' },
    ]);
    await openNotebook(client, [{ id: 'call', text: 'ws = Workspace.from_config()' }], other);
    assert.deepEqual(codes(await first), ['AML101']);
    assert.deepEqual(codes(await second), [], 'no import in this notebook');
  });
});
