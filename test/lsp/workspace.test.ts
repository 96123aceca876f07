/**
 * Workspace diagnostics over stdio (server/src/lsp/workspace.ts): `workspace/diagnostic` reports the
 * files of the workspace folders that are not open, as the CLI finds them (`.gitignore`, virtual
 * environments and the configuration's `exclude` skipped; notebooks left to the editor or the CLI),
 * `unchanged` for files not touched since the client's result id, an empty report for a file that
 * was reported and is gone, nothing for a file open in the editor.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { EDITOR_CAPABILITIES, TestClient } from './harness';

const V1 = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';

type Item = WorkspaceDocumentDiagnosticReport & { items?: Diagnostic[] };

describe('language server: workspace diagnostics', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient | undefined;
  const uri = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;
  /** Writes a file, dated a minute ago (a file modified within two seconds of a pull is never `unchanged`). */
  const write = (rel: string, text: string, recent = false): void => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
    const past = new Date(Date.now() - 60_000);
    if (!recent) fs.utimesSync(path.join(dir, rel), past, past);
  };
  const pull = async (previous: Item[] = []): Promise<Map<string, Item>> => {
    const r = await client!.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {
      previousResultIds: previous.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId! })),
    });
    return new Map(r.items.map((i) => [i.uri, i as Item]));
  };
  const codes = (item: Item | undefined): string[] => (item?.kind === 'full' ? item.items!.map((d) => String(d.code)) : []);

  beforeEach(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-ws-')));
    write('train.py', V1);
    write('plain.py', 'print(1)\n');
    write('requirements.txt', 'azureml-sdk\npandas\n');
    write('analysis.ipynb', JSON.stringify({ cells: [{ cell_type: 'code', source: [V1], metadata: {}, outputs: [], execution_count: null }], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    write('.gitignore', 'build/\n');
    write('build/generated.py', V1);
    write('.venv/lib/site.py', V1);
    write('pyproject.toml', '[tool.amlint]\nexclude = ["legacy/"]\n');
    write('legacy/old.py', V1);
    client = await TestClient.start({
      initializationOptions: { diagnosticMode: 'pull', workspaceDiagnostics: true },
      capabilities: { ...EDITOR_CAPABILITIES, workspace: { ...EDITOR_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    });
  });

  afterEach(async () => {
    await client?.stop().catch(() => client?.dispose());
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares workspace diagnostics and reports the files the CLI would lint, but notebooks', async () => {
    assert.equal((client!.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics?: boolean }).workspaceDiagnostics, true);
    const first = await pull();
    assert.deepEqual([...first.keys()].sort(), [uri('plain.py'), uri('pyproject.toml'), uri('requirements.txt'), uri('train.py')].sort());
    assert.deepEqual(codes(first.get(uri('train.py'))), ['AML100', 'AML101']);
    assert.deepEqual(codes(first.get(uri('requirements.txt'))), ['AML401']);
    assert.deepEqual(codes(first.get(uri('plain.py'))), []);
    // Diagnostics as the editor shows them for an open file: source, rule page, message.
    const d = (first.get(uri('train.py'))!.items ?? [])[1];
    assert.equal(d.source, 'amlint');
    assert.match(d.message, /Workspace\.from_config/);
    assert.equal(d.range.start.line, 1);
  });

  it('answers unchanged until a file changes; a changed file is linted again', async () => {
    const first = await pull();
    const second = await pull([...first.values()]);
    assert.ok([...second.values()].every((i) => i.kind === 'unchanged'), JSON.stringify([...second.values()]));
    write('plain.py', V1);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dir, 'plain.py'), later, later);
    const third = await pull([...second.values()]);
    assert.equal(third.get(uri('plain.py'))?.kind, 'full');
    assert.deepEqual(codes(third.get(uri('plain.py'))), ['AML100', 'AML101']);
    assert.equal(third.get(uri('train.py'))?.kind, 'unchanged');
  });

  it('never reuses the result id of a file modified within the last two seconds (its next write may keep size and time)', async () => {
    write('plain.py', 'print(2)\n', true);
    const first = await pull();
    assert.equal((await pull([...first.values()])).get(uri('plain.py'))?.kind, 'full');
    assert.equal((await pull([...first.values()])).get(uri('train.py'))?.kind, 'unchanged');
  });

  it('knows a file by its path whatever the client\'s URI spelling, and answers in that spelling', async () => {
    write('proj (copy)/job.py', V1);
    const first = await pull();
    const ours = [...first.keys()].find((u) => u.includes('job.py'))!;
    // VS Code's Uri.toString() encodes parentheses.
    const theirs = ours.replace(/\(/g, '%28').replace(/\)/g, '%29');
    assert.notEqual(theirs, ours);
    const r = await client!.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [{ uri: theirs, value: first.get(ours)!.resultId! }] });
    const mine = r.items.filter((i) => decodeURIComponent(i.uri).includes('job.py'));
    assert.deepEqual(mine.map((i) => [i.uri, i.kind]), [[theirs, 'unchanged']]);
    // Open under the client's spelling: left to the editor, not cleared.
    await client!.open(theirs, V1);
    const open = await client!.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [{ uri: theirs, value: first.get(ours)!.resultId! }] });
    assert.deepEqual(open.items.filter((i) => decodeURIComponent(i.uri).includes('job.py')), []);
  });

  it('watches the file kinds it reads; a file made since shows once the client reports it', async () => {
    await client!.request('workspace/diagnostic', { previousResultIds: [] }); // (registration happens after initialized)
    const watchers = client!.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => (r.registerOptions as { watchers: Array<{ globPattern: string; kind?: number }> }).watchers);
    const made = watchers.find((w) => w.kind === 5);
    assert.ok(made && made.globPattern.includes('*.py') && made.globPattern.includes('.gitignore'), JSON.stringify(watchers));
    const first = await pull();
    write('new_job.py', V1, true);
    // The walk is reused until the client says a file was made (or 30 s pass).
    assert.equal((await pull([...first.values()])).has(uri('new_job.py')), false);
    await client!.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('new_job.py'), type: 1 }] });
    assert.deepEqual(codes((await pull([...first.values()])).get(uri('new_job.py'))), ['AML100', 'AML101']);
  });

  it('leaves a file open in the editor to the editor, and clears a file deleted since', async () => {
    const first = await pull();
    await client!.open(uri('train.py'), V1);
    fs.rmSync(path.join(dir, 'plain.py'));
    await client!.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('plain.py'), type: 3 }] });
    const next = await pull([...first.values()]);
    assert.equal(next.has(uri('train.py')), false);
    assert.deepEqual(next.get(uri('plain.py')), { kind: 'full', uri: uri('plain.py'), version: null, items: [] });
    // Closed again (its edits perhaps discarded): reported from disk in full, although the client still holds the
    // result id it had before opening it and the file did not change.
    await client!.close(uri('train.py'));
    const after = await pull([first.get(uri('train.py'))!]);
    assert.equal(after.get(uri('train.py'))?.kind, 'full');
    assert.deepEqual(codes(after.get(uri('train.py'))), ['AML100', 'AML101']);
    assert.equal((await pull([after.get(uri('train.py'))!])).get(uri('train.py'))?.kind, 'unchanged');
  });

  it('reports with the folder\'s settings: disabled, nothing; settings changed, everything again', async () => {
    client!.settings = { enable: false };
    await client!.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await pull();
    assert.deepEqual(codes(off.get(uri('train.py'))), []);
    client!.settings = { severity: { AML101: 'off' } };
    await client!.notify('workspace/didChangeConfiguration', { settings: null });
    const on = await pull([...off.values()]);
    assert.deepEqual(codes(on.get(uri('train.py'))), ['AML100']);
    assert.ok(client!.configurationRequests.some((r) => r.items.some((i) => i.scopeUri === pathToFileURL(dir).href)), 'settings asked for the folder');
  });

  it('sends partial results when the client gives a token, and a file it cannot read says so', async () => {
    // `x = <two bytes that are not UTF-8>`
    fs.writeFileSync(path.join(dir, 'bad.py'), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xff, 0xfe, 0x0a]));
    const parts: Item[] = [];
    client!.connection.onNotification('$/progress', (p: { token: string; value: { items: Item[] } }) => {
      if (p.token === 'tok') parts.push(...p.value.items);
    });
    const r = await client!.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [], partialResultToken: 'tok' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(r.items, []);
    const bad = parts.find((i) => i.uri === uri('bad.py'));
    assert.match(bad?.items?.[0]?.message ?? '', /could not lint this file: .*UTF-8/);
    assert.deepEqual(codes(parts.find((i) => i.uri === uri('train.py'))), ['AML100', 'AML101']);
  });

  it('follows the workspace folders the client adds and removes', async () => {
    await client!.stop();
    const other = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-ws2-')));
    try {
      fs.writeFileSync(path.join(other, 'score.py'), V1);
      const past = new Date(Date.now() - 60_000);
      fs.utimesSync(path.join(other, 'score.py'), past, past);
      client = await TestClient.start({
        initializationOptions: { diagnosticMode: 'pull', workspaceDiagnostics: true },
        capabilities: { ...EDITOR_CAPABILITIES, workspace: { ...EDITOR_CAPABILITIES.workspace, workspaceFolders: true } },
        workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      });
      assert.deepEqual((client.initializeResult.capabilities.workspace as { workspaceFolders?: unknown })?.workspaceFolders, { supported: true, changeNotifications: true });
      const first = await pull();
      assert.ok(first.has(uri('train.py')));
      await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(other).href, name: 'other' }], removed: [{ uri: pathToFileURL(dir).href, name: 'ws' }] } });
      const next = await pull([...first.values()]);
      assert.deepEqual(codes(next.get(pathToFileURL(path.join(other, 'score.py')).href)), ['AML100', 'AML101']);
      // The removed folder's files are cleared.
      assert.deepEqual(next.get(uri('train.py')), { kind: 'full', uri: uri('train.py'), version: null, items: [] });
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('a file under nested workspace folders is linted with the innermost folder\'s settings', async () => {
    await client!.stop();
    write('inner/job.py', V1);
    const inner = pathToFileURL(path.join(dir, 'inner')).href;
    client = await TestClient.start({
      initializationOptions: { diagnosticMode: 'pull', workspaceDiagnostics: true },
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'outer' }, { uri: inner, name: 'inner' }],
      settings: (scopeUri: string | undefined) => (scopeUri === inner ? { severity: { AML101: 'off' } } : null),
    });
    const r = await pull();
    assert.deepEqual(codes(r.get(uri('inner/job.py'))), ['AML100']);
    assert.deepEqual(codes(r.get(uri('train.py'))), ['AML100', 'AML101']);
  });

  it('is off without the option, and with push-only diagnostics', async () => {
    await client!.stop();
    client = await TestClient.start({ initializationOptions: { diagnosticMode: 'push', workspaceDiagnostics: true }, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    assert.equal(client.initializeResult.capabilities.diagnosticProvider, undefined);
    await client.stop();
    client = await TestClient.start({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
    assert.equal((client.initializeResult.capabilities.diagnosticProvider as { workspaceDiagnostics?: boolean }).workspaceDiagnostics, false);
    const r = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    assert.deepEqual(r.items, []);
  });
});
