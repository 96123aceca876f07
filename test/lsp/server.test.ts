/**
 * End to end over stdio, Python files: the built server driven as an editor drives it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { lint } from '../../server/src/engine';
import { EDITOR_CAPABILITIES, fileUri, sleep, TestClient } from './harness';

const V1 = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'lsp', 'fixtures', 'workspace_v1.py'), 'utf8');

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** Applies non-overlapping LSP edits to a text (as an editor does: all against the original). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

/** The edits of a workspace edit for one URI. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  return edit?.changes?.[uri] ?? [];
}

describe('lsp: Python files over stdio', function () {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('answers initialize with the capabilities it implements', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'amlint');
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    const selectors = capabilities.notebookDocumentSync && 'notebookSelector' in capabilities.notebookDocumentSync ? capabilities.notebookDocumentSync.notebookSelector : [];
    assert.ok(selectors.some((s) => typeof s.notebook === 'object' && 'notebookType' in s.notebook && s.notebook.notebookType === 'jupyter-notebook'));
    assert.ok(selectors.some((s) => s.notebook === '*'));
    assert.ok(selectors.every((s) => s.cells?.some((c) => c.language === 'python')));
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.amlint', 'notebook.source.fixAll.amlint'],
      resolveProvider: true,
    });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['amlint.showDocumentation'] });
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'amlint', interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('publishes every v1 use of an opened file with code, range, source, docs link and tags', async () => {
    const uri = fileUri('train.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    assert.ok(diagnostics.every((d) => d.source === 'amlint'));

    const [imp] = byCode(diagnostics, 'AML100');
    assert.deepEqual(imp.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 17 } });
    const [fromConfig] = byCode(diagnostics, 'AML101');
    // The callee expression `Workspace.from_config` on line 2.
    assert.deepEqual(fromConfig.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 26 } });
    assert.match(fromConfig.message, /MLClient\.from_config/);
    assert.deepEqual(fromConfig.tags, [2]);
    assert.equal(fromConfig.severity, 2);
    const href = fromConfig.codeDescription?.href ?? '';
    assert.match(href, /^file:\/\/.*\/docs\/rules\/AML101\.md$/);
    assert.equal(path.basename(path.dirname(fileURLToPath(href))), 'rules');
    // Fixes do not travel with the diagnostic: a code action builds them (see below).
    assert.equal(fromConfig.data, undefined);
    // The job submission and the run's wait are v1 calls too.
    assert.ok(codes(diagnostics).includes('AML102'), `expected AML102 in ${codes(diagnostics)}`);
  });

  it('hovers a v1 call with its v2 replacement', async () => {
    const uri = fileUri('hover.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    await published;
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 17 } });
    assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents);
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /MLClient\.from_config/);
    assert.match(hover.contents.value, /```python/);
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } });
    assert.equal(nothing, null);
  });

  it('offers disable and documentation actions, and the line-disable edit silences the finding', async () => {
    const uri = fileUri('disable.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    const { diagnostics } = await published;
    const [target] = byCode(diagnostics, 'AML101');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], triggerKind: 1 },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable AML101 for this line'), titles.join(', '));
    assert.ok(titles.includes('Disable AML101 for this file'));
    assert.ok(titles.includes('Show documentation for AML101'));
    const docs = actions.find((a) => a.title === 'Show documentation for AML101')!;
    assert.deepEqual(docs.command, { title: 'Show documentation for AML101', command: 'amlint.showDocumentation', arguments: ['AML101'] });

    const line = actions.find((a) => a.title === 'Disable AML101 for this line')!;
    assert.equal(line.kind, 'quickfix');
    const [edit] = editsFor(line.edit, uri);
    assert.equal(edit.newText, '  # amlint: disable=AML101');
    assert.deepEqual(edit.range.start, { line: 2, character: V1.split('\n')[2].length });

    published = client.nextDiagnostics(uri);
    await client.change(uri, 2, [{ range: edit.range, text: edit.newText }]);
    const after = await published;
    assert.equal(after.version, 2);
    assert.deepEqual(byCode(after.diagnostics, 'AML101'), []);
    assert.equal(byCode(after.diagnostics, 'AML100').length, 1, 'other findings stay');

    // The file-level action for AML100 inserts a directive at the top.
    const [aml100] = byCode(after.diagnostics, 'AML100');
    const more = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: aml100.range,
      context: { diagnostics: [aml100] },
    });
    const file = more.find((a) => a.title === 'Disable AML100 for this file')!;
    const [fileEdit] = editsFor(file.edit, uri);
    assert.deepEqual(fileEdit, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# amlint: disable-file=AML100\n' });
    published = client.nextDiagnostics(uri);
    await client.change(uri, 3, [{ range: fileEdit.range, text: fileEdit.newText }]);
    assert.deepEqual(byCode((await published).diagnostics, 'AML100'), []);
  });

  it("offers the finding's own fixes as quick fixes, and applying one removes the finding", async () => {
    const uri = fileUri('quickfix.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    const [target] = byCode((await published).diagnostics, 'AML101');
    // The engine's own fixes for that finding (the server builds them only when asked).
    const fixes = lint({ kind: 'python', text: V1 }).findings.find((f) => f.code === 'AML101' && f.range.start.line === target.range.start.line)?.fixes ?? [];
    assert.ok(fixes.length > 0, 'Workspace.from_config() here has a rewrite');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    });
    // The fixes come first, in the finding's order, preferred exactly when safe.
    const quickFixes = actions.slice(0, fixes.length);
    assert.deepEqual(quickFixes.map((a) => a.title), fixes.map((f) => f.title));
    for (const [i, action] of quickFixes.entries()) {
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.isPreferred, fixes[i].safety === 'safe');
      assert.deepEqual(action.diagnostics, [target]);
    }
    // Apply the first fix as an editor would, and the AML101 finding is gone.
    const edits = editsFor(quickFixes[0].edit, uri);
    assert.ok(edits.length > 0);
    published = client.nextDiagnostics(uri);
    await client.change(uri, 2, [{ text: applyEdits(V1, edits) }]);
    const after = await published;
    assert.deepEqual(byCode(after.diagnostics, 'AML101'), [], applyEdits(V1, edits));
  });

  it('builds suggestions on demand, also for a document whose analysis was dropped while others were opened', async () => {
    const first = fileUri('first-of-many.py');
    const published = client.nextDiagnostics(first);
    await client.open(first, V1);
    const [target] = byCode((await published).diagnostics, 'AML101');
    // More documents than the server keeps analyses for (KEPT_ANALYSES = 8).
    for (let i = 0; i < 10; i++) {
      const uri = fileUri(`other-${i}.py`);
      const p = client.nextDiagnostics(uri);
      await client.open(uri, V1);
      await p;
    }
    const expected = lint({ kind: 'python', text: V1 }).findings.find((f) => f.code === 'AML101' && f.range.start.line === target.range.start.line)?.fixes ?? [];
    assert.ok(expected.length > 0);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: first }, range: target.range, context: { diagnostics: [target] } });
    assert.deepEqual(actions.slice(0, expected.length).map((a) => a.title), expected.map((f) => f.title));
    const edits = editsFor(actions[0].edit, first);
    assert.deepEqual(edits, expected[0].edits.map(({ range, newText }) => ({ range, newText })));
  });

  it('offers a chain suggestion for a finding whose rewrite waits on another one', async () => {
    const text = [
      'from azureml.core import Workspace, Experiment, Environment, ScriptRunConfig',
      'from azureml.core.model import InferenceConfig, Model',
      'from azureml.core.webservice import AciWebservice',
      'ws = Workspace.from_config()',
      'env = Environment.from_conda_specification(name="train-env", file_path="conda.yml")',
      'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu-cluster", environment=env)',
      'run = Experiment(ws, "exp").submit(src)',
      'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
      'aci = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
      'service = Model.deploy(ws, "svc", [Model(ws, "m")], inference_config, aci)',
      '',
    ].join('\n');
    const uri = fileUri('chain.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    const target = (await published).diagnostics.find((d) => d.code === 'AML102' && d.range.start.line === 5 && d.message.startsWith('`ScriptRunConfig()'));
    assert.ok(target);
    // What the CLI reports for the same finding (lint's `chains` option).
    const expected = lint({ kind: 'python', text }, undefined, undefined, { chains: true }).findings.find((f) => f.code === 'AML102' && f.range.start.line === 5 && f.message === target.message)?.fixes ?? [];
    assert.equal(expected.length, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    assert.equal(actions[0].title, expected[0].title);
    assert.match(actions[0].title, /it waits on\)$/);
    assert.equal(actions[0].isPreferred, false);
    const edits = editsFor(actions[0].edit, uri);
    assert.deepEqual(edits, expected[0].edits.map(({ range, newText }) => ({ range, newText })));
    published = client.nextDiagnostics(uri);
    await client.change(uri, 2, [{ text: applyEdits(text, edits) }]);
    assert.ok(!(await published).diagnostics.some((d) => d.message.startsWith('`ScriptRunConfig()')));
  });

  it('finds the diagnostics under the cursor when the client sends none', async () => {
    const uri = fileUri('nodiags.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    await published;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } },
      context: { diagnostics: [] },
    });
    assert.ok(actions.some((a) => a.title === 'Disable AML101 for this line'));
    const onlySource = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 10 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(
      onlySource.every((a) => a.kind === 'source.fixAll.amlint'),
      'no quick fixes when only source actions are asked for',
    );
  });

  it('resolves a fix-all action from the current text, with safe fixes only', async () => {
    const uri = fileUri('resolve.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    await published;
    const fixes = lint({ kind: 'python', text: V1 }).findings.flatMap((f) => f.fixes ?? []);
    const resolved = await client.request<CodeAction>('codeAction/resolve', {
      title: 'Fix all safe amlint issues',
      kind: 'source.fixAll.amlint',
      data: { amlint: 'fixAll', uri, scope: 'document' },
    });
    assert.ok(resolved.edit, 'the edit is filled in');
    const edits = editsFor(resolved.edit, uri);
    const key = (e: TextEdit) => JSON.stringify(e);
    const safe = new Set(fixes.filter((f) => f.safety === 'safe').flatMap((f) => f.edits.map(({ range, newText }) => key({ range, newText }))));
    assert.ok(edits.every((e) => safe.has(key(e))), 'only edits of safe fixes');
    if (safe.size === 0) assert.deepEqual(edits, []);
  });

  it('shows rule documentation through window/showDocument', async () => {
    const url = await client.request<string>('workspace/executeCommand', { command: 'amlint.showDocumentation', arguments: ['AML101'] });
    assert.match(url, /AML101\.md$/);
    assert.equal(client.shownDocuments.length, 1);
    assert.equal(client.shownDocuments[0].uri, url);
    assert.equal(client.shownDocuments[0].external, !url.startsWith('file:'));
  });

  it('clears diagnostics when an edit removes the v1 code, and when the file closes', async () => {
    const uri = fileUri('clear.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    assert.ok((await published).diagnostics.length > 0);

    published = client.nextDiagnostics(uri);
    await client.change(uri, 2, [{ text: 'import os\nprint(os.getcwd())\n' }]);
    const cleared = await published;
    assert.equal(cleared.version, 2);
    assert.deepEqual(cleared.diagnostics, []);

    published = client.nextDiagnostics(uri);
    await client.change(uri, 3, [{ text: V1 }]);
    assert.ok((await published).diagnostics.length > 0);

    published = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await published).diagnostics, []);
  });

  it('applies incremental edits at the right place', async () => {
    const uri = fileUri('incremental.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, 'from azureml.core import Workspace\n\n');
    assert.deepEqual(codes((await published).diagnostics), ['AML100']);
    published = client.nextDiagnostics(uri);
    // Type a v1 call on the empty line, in two keystrokes' worth of edits.
    await client.change(uri, 2, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'ws = Workspace' },
      { range: { start: { line: 1, character: 14 }, end: { line: 1, character: 14 } }, text: '.from_config()' },
    ]);
    const { diagnostics } = await published;
    const [call] = byCode(diagnostics, 'AML101');
    assert.deepEqual(call.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 26 } });
  });

  it('answers pull diagnostics with the same items, and "unchanged" for the same result', async () => {
    const uri = fileUri('pull.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    const pushed = await published;
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.ok(report.kind === 'full' && report.resultId);
    assert.deepEqual(report.kind === 'full' && report.items, pushed.diagnostics);
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
    const unknown = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: fileUri('not-open.py') } });
    assert.deepEqual(unknown, { kind: 'full', items: [] });
  });

  it('debounces a burst of edits and never publishes an older version after a newer one', async () => {
    const uri = fileUri('burst.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, 'from azureml.core import Workspace\n');
    await published;
    const before = client.published.length;
    const last = 31;
    published = client.nextDiagnostics(uri, (p) => p.version === last);
    for (let v = 2; v <= last; v++) {
      const text = v === last ? 'from azureml.core import Workspace\nws = Workspace.from_config()\n' : `from azureml.core import Workspace\nx = ${v}\n`;
      await client.change(uri, v, [{ text }]);
    }
    const final = await published;
    assert.deepEqual(codes(final.diagnostics), ['AML100', 'AML101']);
    await sleep(300);
    const burst = client.published.slice(before).filter((p) => p.uri === uri);
    assert.ok(burst.length < 10, `30 quick edits gave ${burst.length} publishes`);
    const versions = burst.map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions out of order: ${versions}`);
    assert.equal(versions.at(-1), last);
  });

  // That it does so without waiting for the debounce window is scheduler.test.ts's (the logic)
  // and bench/'s (the latency) to check: a test asserts no timings.
  it('publishes the diagnostics of an isolated edit', async () => {
    const uri = fileUri('fast.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, 'import os\n');
    assert.deepEqual((await published).diagnostics, []);
    await sleep(300);
    published = client.nextDiagnostics(uri);
    await client.change(uri, 2, [{ text: 'from azureml.core import Workspace\n' }]);
    const after = await published;
    assert.equal(after.version, 2);
    assert.ok(after.diagnostics.some((d) => d.code === 'AML100'), JSON.stringify(after.diagnostics.map((d) => d.code)));
  });

  it('stops a request cancelled while it waits, answering RequestCancelled', async () => {
    const uri = fileUri('cancel.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    await published;
    // Settings changed: the next request must wait for a (slow) workspace/configuration answer,
    // and the cancellation arrives while it waits.
    client.configurationDelayMs = 300;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const source = new CancellationTokenSource();
    const pending = client.request('textDocument/diagnostic', { textDocument: { uri } }, source);
    await sleep(50);
    source.cancel();
    await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
    // ...and goes on answering.
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(report.kind === 'full' && report.items.length > 0);
  });

  it('lints unsaved (untitled:) Python documents', async () => {
    const uri = 'untitled:Untitled-1';
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    assert.ok(codes((await published).diagnostics).includes('AML101'));
  });

  it('lints dependency files and scripts the CLI reads: a requirements file with its quick fix, a CI pipeline', async () => {
    const req = fileUri('requirements.txt');
    let published = client.nextDiagnostics(req);
    await client.open(req, 'pandas\nazureml-core==1.48.0\n', 1, 'pip-requirements');
    const [finding] = (await published).diagnostics;
    assert.equal(finding?.code, 'AML401');
    assert.deepEqual(finding.range.start, { line: 1, character: 0 });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: req }, range: finding.range, context: { diagnostics: [finding] } });
    const fix = actions.find((a) => editsFor(a.edit, req).some((e) => e.newText.includes('azure-ai-ml')));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: req }, position: { line: 1, character: 3 } }), null);
    const ci = fileUri('.pipelines/train.yml');
    published = client.nextDiagnostics(ci);
    await client.open(ci, 'steps:\n- script: az ml run submit-script -c train train.py\n', 1, 'yaml');
    assert.deepEqual(codes((await published).diagnostics), ['AML502']);
  });

  it('ignores documents that are not Python', async () => {
    const uri = fileUri('notes.md');
    await client.open(uri, 'from azureml.core import Workspace\n', 1, 'markdown');
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report, { kind: 'full', items: [] });
    // A YAML file that is neither a conda environment nor a CI pipeline, naming a v1 package.
    const yml = fileUri('config/settings.yml');
    await client.open(yml, 'packages: [azureml-sdk]\n', 1, 'yaml');
    assert.deepEqual(await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: yml } }), { kind: 'full', items: [] });
  });

  it('exits with code 0 after shutdown and exit', async () => {
    assert.equal(await client.stop(), 0);
  });
});

describe('lsp: settings', function () {
  let client: TestClient | undefined;
  afterEach(() => client?.dispose());

  it('reads amlint settings per document and applies severity overrides', async () => {
    client = await TestClient.start({ settings: { severity: { AML101: 'error', AML100: 'off' } } });
    const uri = fileUri('settings.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    const { diagnostics } = await published;
    assert.deepEqual(byCode(diagnostics, 'AML100'), []);
    assert.equal(byCode(diagnostics, 'AML101')[0].severity, 1);
    assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.section === 'amlint' && i.scopeUri === uri)));
  });

  it('re-lints open documents when the configuration changes', async () => {
    client = await TestClient.start({ settings: {} });
    const uri = fileUri('reconfigure.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    assert.equal(byCode((await published).diagnostics, 'AML101')[0].severity, 2);

    client.settings = { severity: { AML101: 'hint' } };
    published = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.equal(byCode((await published).diagnostics, 'AML101')[0].severity, 4);

    client.settings = { enable: false };
    published = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await published).diagnostics, []);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 17 } });
    assert.equal(hover, null, 'disabled means no hovers either');
  });

  it('takes settings from didChangeConfiguration when the client has no workspace/configuration', async () => {
    client = await TestClient.start({ capabilities: {}, initializationOptions: { settings: { severity: { AML101: 'info' } } } });
    const uri = fileUri('pushed.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    assert.equal(byCode((await published).diagnostics, 'AML101')[0].severity, 3);
    published = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeConfiguration', { settings: { amlint: { severity: { AML101: 'error' } } } });
    assert.equal(byCode((await published).diagnostics, 'AML101')[0].severity, 1);
    assert.deepEqual(client.configurationRequests, []);
  });

  it('drops invalid setting values, logs them, and keeps linting', async () => {
    client = await TestClient.start({ settings: { enable: 'yes', severity: { AML101: 'loud' }, trace: { server: 'verbose' } } });
    const uri = fileUri('bad-settings.py');
    let published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    assert.equal(byCode((await published).diagnostics, 'AML101')[0].severity, 2);
    assert.ok(client.logs.some((l) => /amlint\.severity\.AML101/.test(l)), client.logs.join('\n'));
    // The trace level is read right after `initialized`; by the next edit it applies.
    published = client.nextDiagnostics(uri);
    await client.change(uri, 2, [{ text: V1 + '\n' }]);
    await published;
    assert.ok(client.logs.some((l) => /linted .*bad-settings\.py/.test(l)), 'verbose trace logs each analysis');
  });

  it('leaves out the pull provider in push mode, and does not push files in pull mode', async () => {
    client = await TestClient.start({ initializationOptions: { diagnosticMode: 'push' } });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    client.dispose();

    client = await TestClient.start({ initializationOptions: { diagnosticMode: 'pull' }, capabilities: EDITOR_CAPABILITIES });
    assert.ok(client.initializeResult.capabilities.diagnosticProvider);
    const uri = fileUri('pull-only.py');
    await client.open(uri, V1);
    const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(report.kind === 'full' && report.items.length > 0);
    await sleep(300);
    assert.deepEqual(client.published.filter((p) => p.uri === uri), []);
  });
});
