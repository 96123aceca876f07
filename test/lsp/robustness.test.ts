/**
 * The server under bad input and at the edges of its life: malformed frames, bad params,
 * unknown documents, stdout purity, command-line flags, shutdown.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import type { Hover } from 'vscode-languageserver';
import { fileUri, ROOT, SERVER, sleep, TestClient } from './harness';

const V1 = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';

function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/**
 * Splits raw stdout into LSP frames; throws on anything that is not a well-formed frame. While
 * output is still arriving (`complete` false) a last, partly received frame is left for later.
 */
function parseFrames(raw: Buffer, complete = true): unknown[] {
  const out: unknown[] = [];
  let at = 0;
  while (at < raw.length) {
    const headerEnd = raw.indexOf('\r\n\r\n', at);
    if (headerEnd < 0 && !complete) break;
    assert.ok(headerEnd > 0, `garbage on stdout at byte ${at}: ${JSON.stringify(raw.subarray(at, at + 80).toString())}`);
    const header = raw.subarray(at, headerEnd).toString('ascii');
    const length = /^Content-Length: (\d+)$/im.exec(header);
    assert.ok(length, `not an LSP header: ${JSON.stringify(header)}`);
    const start = headerEnd + 4;
    const end = start + Number(length[1]);
    if (end > raw.length && !complete) break;
    assert.ok(end <= raw.length, 'truncated frame');
    out.push(JSON.parse(raw.subarray(start, end).toString('utf8')));
    at = end;
  }
  return out;
}

describe('lsp: robustness', function () {
  let client: TestClient | undefined;
  /** Servers a test spawned itself: ended if the test failed before they exited. */
  const spawned: ChildProcess[] = [];
  afterEach(() => {
    client?.dispose();
    for (const proc of spawned.splice(0)) if (proc.exitCode === null && proc.signalCode === null) proc.kill();
  });

  it('survives a malformed JSON-RPC frame and keeps answering', async () => {
    client = await TestClient.start();
    const uri = fileUri('survivor.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    await published;
    client.proc.stdin.write('Content-Length: 5\r\n\r\n{bad}');
    await sleep(100);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 17 } });
    assert.ok(hover, 'the server still answers after the bad frame');
    assert.equal(client.proc.exitCode, null);
    assert.equal(await client.stop(), 0);
  });

  it('answers bad params and unknown documents without dying', async () => {
    client = await TestClient.start();
    const missing = fileUri('never-opened.py');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: missing }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: missing }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    // Positions far outside the document, a missing position, a null context: logged, not fatal.
    const uri = fileUri('bad-params.py');
    const published = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    await published;
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 999, character: 999 } }), null);
    await client.request('textDocument/hover', { textDocument: { uri } }).catch(() => undefined);
    await client.request('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }).catch(() => undefined);
    await client.request('codeAction/resolve', { title: 'x', data: { amlint: 'fixAll', uri: missing, scope: 'document' } });
    await client.request('workspace/executeCommand', { command: 'amlint.showDocumentation', arguments: ['NOPE'] });
    // Notifications about documents nobody opened.
    await client.change(missing, 3, [{ text: 'x' }]);
    await client.notify('notebookDocument/didChange', { notebookDocument: { uri: 'file:///nope.ipynb', version: 2 }, change: {} });
    await client.notify('notebookDocument/didClose', { notebookDocument: { uri: 'file:///nope.ipynb' }, cellTextDocuments: [] });
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 17 } });
    assert.ok(hover, 'still alive and answering');
    assert.equal(await client.stop(), 0);
  });

  it('writes nothing but protocol frames to stdout', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
    spawned.push(proc);
    const chunks: Buffer[] = [];
    proc.stdout.on('data', (d: Buffer) => chunks.push(d));
    const exited = new Promise<number | null>((r) => proc.on('exit', r));
    const send = (m: unknown) => proc.stdin.write(frame(m));
    type Message = { id?: number; method?: string };
    const messages = (complete = false) => parseFrames(Buffer.concat(chunks), complete) as Message[];
    const until = async (what: string, test: (m: Message) => boolean) => {
      for (let waited = 0; !messages().some(test); waited += 20) {
        assert.ok(waited < 15_000, `no ${what} on stdout`);
        await sleep(20);
      }
    };
    const reply = (id: number) => (m: Message) => m.id === id && !m.method;

    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: fileUri('pure.py'), languageId: 'python', version: 1, text: V1 } } });
    await until('diagnostics', (m) => m.method === 'textDocument/publishDiagnostics');
    send({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri: fileUri('pure.py') }, position: { line: 1, character: 17 } } });
    await until('hover reply', reply(2));
    send({ jsonrpc: '2.0', id: 3, method: 'shutdown' });
    await until('shutdown reply', reply(3));
    send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal(await exited, 0);
    // Everything on stdout parsed as frames (parseFrames throws on anything else), each answered once.
    assert.deepEqual(messages(true).filter((m) => m.id !== undefined && !m.method).map((m) => m.id), [1, 2, 3]);
  });

  it('exits 1 when the client goes away without shutdown', async () => {
    client = await TestClient.start();
    client.proc.stdin.end();
    assert.equal(await client.exit(), 1);
  });

  it('prints its version and help, and refuses to start without a transport', () => {
    const version = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--stdio/);
    assert.match(help.stdout, /--node-ipc/);
    const none = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /no transport/);
  });

  it('talks LSP over --node-ipc', async () => {
    const proc = spawn(process.execPath, [SERVER, '--node-ipc'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    spawned.push(proc);
    const exited = new Promise<number | null>((r) => proc.on('exit', r));
    const replies = new Map<number, unknown>();
    const diagnostics: unknown[] = [];
    proc.on('message', (m: { id?: number; method?: string; result?: unknown; params?: unknown }) => {
      if (m.method === 'textDocument/publishDiagnostics') diagnostics.push(m.params);
      else if (m.id !== undefined && !m.method) replies.set(m.id, m.result);
    });
    const send = (m: object) => proc.send({ jsonrpc: '2.0', ...m });
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri: fileUri('ipc.py'), languageId: 'python', version: 1, text: V1 } } });
    for (let i = 0; i < 300 && diagnostics.length === 0; i++) await sleep(50);
    assert.ok((replies.get(1) as { capabilities?: unknown })?.capabilities);
    const [first] = diagnostics as Array<{ diagnostics: Array<{ code: string }> }>;
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['AML100', 'AML101']);
    send({ id: 2, method: 'shutdown' });
    for (let i = 0; i < 500 && !replies.has(2); i++) await sleep(20);
    send({ method: 'exit' });
    assert.equal(await exited, 0);
  });
});
