/**
 * The language server against a hostile editor (issue 8): malformed JSON-RPC frames, unknown
 * methods, documents never opened, out-of-range positions, edits against stale versions, 1,000
 * edits in a burst, 10,000 open/close cycles and notebook structure changes that reference
 * missing cells. After each, the server still answers (a hover on a live document), has not
 * exited, and reports the right diagnostics; its memory after many cycles stays near the
 * level it had after the first ones (numbers printed).
 *
 * Drives `node bin/amlint-language-server.js --stdio` with vscode-jsonrpc, as an editor does.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
const SERVER = path.join(ROOT, 'bin', 'amlint-language-server.js');
const HAS_SERVER = fs.existsSync(SERVER) && fs.existsSync(path.join(ROOT, 'out', 'server', 'src', 'lsp'));

const V1 = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';
const HOVER_AT = { line: 1, character: 17 }; // on `from_config`

interface Diagnostic {
  code?: string | number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface Publish {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class Editor {
  readonly published: Publish[] = [];
  stderr = '';
  private waiters: Array<{ uri: string; accept: (p: Publish) => boolean; resolve: (p: Publish) => void }> = [];
  readonly exited: Promise<number | null>;

  private constructor(readonly proc: ChildProcessWithoutNullStreams, readonly rpc: MessageConnection) {
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((r) => proc.on('exit', (code) => r(code)));
    rpc.onNotification('textDocument/publishDiagnostics', (p: Publish) => {
      this.published.push(p);
      if (this.published.length > 2000) this.published.splice(0, 1000);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    rpc.onNotification(() => undefined); // logMessage and friends
    rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    rpc.onRequest(() => null); // registerCapability, refresh requests...
    rpc.listen();
  }

  static async start(): Promise<Editor> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const rpc = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const editor = new Editor(proc, rpc);
    await rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: { synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] } },
        notebookDocument: { synchronization: {} },
        workspace: { configuration: true },
      },
    });
    await rpc.sendNotification('initialized', {});
    return editor;
  }

  next(uri: string, accept: (p: Publish) => boolean = () => true, timeoutMs = 15_000): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms (stderr: ${this.stderr.slice(-500)})`));
      }, timeoutMs);
      const waiter = { uri, accept, resolve: (p: Publish) => (clearTimeout(timer), resolve(p)) };
      this.waiters.push(waiter);
    });
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.rpc.sendNotification(method, params);
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.rpc.sendRequest(method, params);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
  }

  /** Raw bytes on the server's stdin, bypassing the JSON-RPC writer. */
  raw(data: string | Buffer): void {
    this.proc.stdin.write(data);
  }

  /** The server is alive and answers a hover on a document opened with V1. */
  async assertAlive(uri: string): Promise<void> {
    assert.equal(this.proc.exitCode, null, `the server exited (stderr: ${this.stderr.slice(-1000)})`);
    const hover = await this.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri }, position: HOVER_AT });
    assert.ok(hover && JSON.stringify(hover.contents).includes('from_config'), `no hover: ${JSON.stringify(hover)}`);
  }

  /** Resident memory of the server process (Linux), in MiB. */
  rssMiB(): number | undefined {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    await this.request('shutdown');
    await this.notify('exit', undefined);
    const code = await Promise.race([this.exited, sleep(5000).then(() => 'timeout' as const)]);
    this.rpc.dispose();
    if (code === 'timeout') {
      this.proc.kill();
      throw new Error('the server did not exit after shutdown/exit');
    }
    return code;
  }

  dispose(): void {
    this.rpc.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }
}

function uri(name: string): string {
  return `file:///tmp/amlint-hostile-editor/${name}`;
}

function codes(p: Publish): string[] {
  return p.diagnostics.map((d) => String(d.code)).sort();
}

const cellUri = (nb: string, id: string): string => `vscode-notebook-cell:${nb.slice('file://'.length)}#${id}`;

describe('reliability: a hostile editor against the language server', function () {
  this.timeout(180_000);
  let editor: Editor | undefined;
  const live = uri('live.py');

  before(function () {
    if (!HAS_SERVER) this.skip();
  });
  beforeEach(async () => {
    editor = await Editor.start();
    const first = editor.next(live);
    await editor.open(live, V1);
    assert.deepEqual(codes(await first), ['AML100', 'AML101']);
  });
  afterEach(() => editor?.dispose());

  it('survives malformed frames: bad JSON, bad headers, wrong lengths, non-JSON-RPC bodies', async () => {
    const e = editor!;
    const frame = (body: string): string => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    e.raw(frame('{not json'));
    e.raw(frame('[]'));
    e.raw(frame('[{"jsonrpc":"2.0","method":"x"}]'));
    e.raw(frame('42'));
    e.raw(frame('null'));
    e.raw(frame('{"jsonrpc":"1.0","id":1}'));
    e.raw(frame('{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":null}'));
    e.raw(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":null}}'));
    e.raw(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":42},"contentChanges":"x"}}'));
    e.raw(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: uri('nul.py'), languageId: 'python', version: 1, text: '\u0000\ud800 import azureml\u0000' } } })));
    e.raw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' + frame('{"jsonrpc":"2.0","method":"$/unknown"}'));
    await sleep(300);
    await e.assertAlive(live);
    assert.equal(await e.stop(), 0);
  });

  it('answers unknown methods with MethodNotFound and ignores unknown notifications', async () => {
    const e = editor!;
    await assert.rejects(e.request('amlint/noSuchMethod', { x: 1 }), (err: unknown) => err instanceof ResponseError && err.code === -32601);
    await assert.rejects(e.request('textDocument/noSuch'), (err: unknown) => err instanceof ResponseError && err.code === -32601);
    await e.notify('amlint/noSuchNotification', { x: 1 });
    await e.notify('$/noSuch', null);
    await e.assertAlive(live);
  });

  it('answers requests about documents never opened, and out-of-range positions, without dying', async () => {
    const e = editor!;
    const ghost = uri('ghost.py');
    const settle = (p: Promise<unknown>): Promise<unknown> => p.catch((err: unknown) => (err instanceof ResponseError ? err.code : Promise.reject(err)));
    const positions = [
      { line: 0, character: 0 },
      { line: 1_000_000, character: 0 },
      { line: 1, character: 1_000_000 },
      { line: -1, character: -1 },
      { line: 2 ** 31, character: 2 ** 31 },
      { line: 0.5, character: 1.5 },
    ];
    for (const target of [ghost, live, 'not a uri', '']) {
      for (const position of positions) {
        await settle(e.request('textDocument/hover', { textDocument: { uri: target }, position }));
        await settle(e.request('textDocument/codeAction', { textDocument: { uri: target }, range: { start: position, end: position }, context: { diagnostics: [] } }));
      }
      await settle(e.request('textDocument/diagnostic', { textDocument: { uri: target } }));
    }
    await e.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: 'x' }] });
    await e.notify('textDocument/didClose', { textDocument: { uri: ghost } });
    await e.notify('textDocument/didSave', { textDocument: { uri: ghost } });
    await e.assertAlive(live);
  });

  it('survives edits against stale versions and ranges outside the document', async () => {
    const e = editor!;
    const doc = uri('stale.py');
    const opened = e.next(doc);
    await e.open(doc, V1, 5);
    await opened;
    const change = (version: number, contentChanges: unknown[]): Promise<void> => e.notify('textDocument/didChange', { textDocument: { uri: doc, version }, contentChanges });
    await change(3, [{ text: 'stale\n' }]); // older than what the server has
    await change(5, [{ text: 'same version\n' }]);
    await change(100, [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 4 } }, text: 'x' }]);
    await change(101, [{ range: { start: { line: 1, character: 50 }, end: { line: 0, character: 0 } }, text: 'reversed' }]);
    await change(102, [{ range: { start: { line: -3, character: -1 }, end: { line: 0, character: 2 } }, text: '' }]);
    await change(103, []);
    // Whatever the server made of those, a full-text change puts the document in a known state.
    const settled = e.next(doc, (p) => p.version === undefined || p.version >= 104);
    await change(104, [{ text: V1 }]);
    assert.deepEqual(codes(await settled), ['AML100', 'AML101']);
    await e.assertAlive(doc);
  });

  it('1,000 edits in a burst: the diagnostics end up matching the last text', async () => {
    const e = editor!;
    const doc = uri('burst.py');
    const opened = e.next(doc);
    await e.open(doc, '', 1);
    await opened;
    const sends: Array<Promise<void>> = [];
    let text = '';
    for (let v = 2; v <= 1001; v++) {
      // Type V1 character by character, then keep typing comments.
      const i = v - 2;
      const ch = i < V1.length ? V1[i] : '#';
      const lines = text.split('\n');
      const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
      text += ch;
      sends.push(e.notify('textDocument/didChange', { textDocument: { uri: doc, version: v }, contentChanges: [{ range: { start: position, end: position }, text: ch }] }));
    }
    const started = Date.now();
    await Promise.all(sends);
    const last = await e.next(doc, (p) => (p.version === undefined || p.version === 1001) && codes(p).join() === 'AML100,AML101', 30_000);
    assert.deepEqual(codes(last), ['AML100', 'AML101']);
    process.stdout.write(`      (1,000 edits: final diagnostics ${Date.now() - started} ms after the last send; ${e.published.filter((p) => p.uri === doc).length} publishes)\n`);
    await e.assertAlive(doc);
  });

  it('10,000 open/close cycles: still serving, and memory stays near its level after the first 2,000', async () => {
    const e = editor!;
    const cycle = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i++) {
        const doc = uri(`cycle-${i % 50}.py`);
        await e.open(doc, `${V1}x${i} = ${i}\n`, i);
        if (i % 3 === 0) await e.notify('textDocument/didChange', { textDocument: { uri: doc, version: i + 1 }, contentChanges: [{ text: V1 }] });
        await e.notify('textDocument/didClose', { textDocument: { uri: doc } });
        if (i % 500 === 499) await e.assertAlive(live); // let the server drain its queue
      }
    };
    const started = Date.now();
    await cycle(0, 2000);
    await sleep(500);
    const warm = e.rssMiB();
    await cycle(2000, 10_000);
    await sleep(500);
    const after = e.rssMiB();
    await e.assertAlive(live);
    process.stdout.write(`      (10,000 cycles in ${Date.now() - started} ms; server RSS after 2,000: ${warm?.toFixed(0)} MiB, after 10,000: ${after?.toFixed(0)} MiB)\n`);
    // Retaining each closed document (its text, tree and findings) would grow by far more.
    if (warm !== undefined && after !== undefined) assert.ok(after - warm < 96, `memory grew from ${warm.toFixed(0)} to ${after.toFixed(0)} MiB`);
  });

  it('notebook changes that reference missing cells or notebooks are survived', async () => {
    const e = editor!;
    const nb = 'file:///tmp/amlint-hostile-editor/n.ipynb';
    const first = e.next(cellUri(nb, 'b'));
    await e.notify('notebookDocument/didOpen', {
      notebookDocument: { uri: nb, notebookType: 'jupyter-notebook', version: 1, cells: [{ kind: 2, document: cellUri(nb, 'a') }, { kind: 2, document: cellUri(nb, 'b') }] },
      cellTextDocuments: [
        { uri: cellUri(nb, 'a'), languageId: 'python', version: 1, text: 'from azureml.core import Workspace' },
        { uri: cellUri(nb, 'b'), languageId: 'python', version: 1, text: 'ws = Workspace.from_config()' },
      ],
    });
    assert.deepEqual(codes(await first), ['AML101']);
    const change = (version: number, change: unknown): Promise<void> => e.notify('notebookDocument/didChange', { notebookDocument: { uri: nb, version }, change });
    // A splice far past the end, a deletion of more cells than exist, cells whose text never came.
    await change(2, { cells: { structure: { array: { start: 50, deleteCount: 3, cells: [{ kind: 2, document: cellUri(nb, 'z') }] } } } });
    await change(3, { cells: { structure: { array: { start: 0, deleteCount: 99 } } } });
    await change(4, { cells: { structure: { array: { start: 0, deleteCount: 0, cells: [{ kind: 2, document: cellUri(nb, 'ghost') }] } } } });
    // Text changes and data for cells that are not in the notebook; a close of a cell never opened.
    await change(5, { cells: { textContent: [{ document: { uri: cellUri(nb, 'nope'), version: 2 }, changes: [{ text: 'import azureml' }] }], data: [{ kind: 2, document: cellUri(nb, 'nope2') }] } });
    await change(6, { cells: { structure: { array: { start: -1, deleteCount: -1 }, didOpen: null, didClose: [{ uri: cellUri(nb, 'never') }] } } });
    await change(7, null);
    // Changes for notebooks never opened, and a close of one.
    await e.notify('notebookDocument/didChange', { notebookDocument: { uri: 'file:///nope.ipynb', version: 2 }, change: { cells: { structure: { array: { start: 0, deleteCount: 1 } } } } });
    await e.notify('notebookDocument/didClose', { notebookDocument: { uri: 'file:///nope.ipynb' }, cellTextDocuments: [{ uri: cellUri('file:///nope.ipynb', 'x') }] });
    await e.notify('notebookDocument/didSave', { notebookDocument: { uri: 'file:///nope.ipynb' } });
    await sleep(200);
    await e.assertAlive(live);
    // The notebook can still be closed and opened afresh, and is analysed correctly then.
    await e.notify('notebookDocument/didClose', { notebookDocument: { uri: nb }, cellTextDocuments: [{ uri: cellUri(nb, 'a') }, { uri: cellUri(nb, 'b') }] });
    const again = e.next(cellUri(nb, 'd'), (p) => p.diagnostics.length > 0);
    await e.notify('notebookDocument/didOpen', {
      notebookDocument: { uri: nb, notebookType: 'jupyter-notebook', version: 10, cells: [{ kind: 2, document: cellUri(nb, 'c') }, { kind: 2, document: cellUri(nb, 'd') }] },
      cellTextDocuments: [
        { uri: cellUri(nb, 'c'), languageId: 'python', version: 1, text: 'from azureml.core import Workspace' },
        { uri: cellUri(nb, 'd'), languageId: 'python', version: 1, text: 'ws = Workspace.from_config()' },
      ],
    });
    assert.deepEqual(codes(await again), ['AML101']);
    assert.equal(await e.stop(), 0);
  });
});
