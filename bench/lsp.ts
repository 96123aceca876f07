/**
 * Language-server measurements, driving `bin/amlint-language-server.js --stdio` over JSON-RPC
 * exactly as an editor does (VS Code's capabilities, LSP 3.17 notebook sync):
 *
 *   - first diagnostics: from spawning the server and sending `initialize` at once (what an
 *     editor does) to the first `publishDiagnostics` of a document opened after `initialized`
 *     (median of five starts);
 *   - edit latency: one-character `didChange`s, `intervalMs` apart, each timed to the first
 *     `publishDiagnostics` of that document with that version or a later one (a debounce may
 *     merge edits: a merged edit is timed to the publish that covers it, and counted);
 *   - memory: the server's VmRSS (/proc/<pid>/status) after start, with 500 documents open
 *     and after closing them again.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = path.resolve(__dirname, '..', '..');
const SERVER = path.join(ROOT, 'bin', 'amlint-language-server.js');

interface Publish {
  uri: string;
  version?: number;
  diagnostics: unknown[];
  at: number;
}

const CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
  notebookDocument: { synchronization: { dynamicRegistration: true, executionSummarySupport: true } },
};

export class BenchClient {
  private waiters: Array<{ accept: (p: Publish) => boolean; resolve: (p: Publish) => void }> = [];
  readonly published: Publish[] = [];
  stderr = '';

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
    readonly spawnedAt: number,
  ) {
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: Omit<Publish, 'at'>) => {
      const publish = { ...p, at: performance.now() };
      this.published.push(publish);
      if (this.published.length > 50_000) this.published.splice(0, 25_000);
      for (const w of [...this.waiters]) {
        if (w.accept(publish)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(publish);
        }
      }
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
  }

  /** Spawns the server and sends `initialize` at once; resolves after `initialized`. */
  static async start(init: { initializationOptions?: unknown; workspaceFolders?: Array<{ uri: string; name: string }> } = {}): Promise<{ client: BenchClient; initializedAt: number }> {
    const spawnedAt = performance.now();
    // AMLINT_BENCH_SERVER_ARGS: extra node options for the server (e.g. --cpu-prof), to profile it.
    const extra = (process.env.AMLINT_BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
    const proc = spawn(process.execPath, [...extra, SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new BenchClient(proc, connection, spawnedAt);
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES, ...init });
    await connection.sendNotification('initialized', {});
    return { client, initializedAt: performance.now() };
  }

  /** The next publish (from now on) that `accept` takes. */
  next(accept: (p: Publish) => boolean, timeoutMs = 60_000): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const waiter = {
        accept,
        resolve: (p: Publish) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching publishDiagnostics within ${timeoutMs} ms\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  rssMb(): number {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), sleep(5000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), sleep(3000)]);
    this.connection.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

// ---------------------------------------------------------------------------------------------

export interface EditLatency {
  p50: number;
  p95: number;
  max: number;
  edits: number;
  /** Edits whose own version was never published (covered by a later publish). */
  merged: number;
  /** The first analysis of the document (open → diagnostics), ms. */
  open: number;
}

/** The line nearest the middle of `text` where `column` finds a place, and that place. */
function nearMiddle(text: string, column: (line: string) => number | undefined): { line: number; character: number } {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [mid + d, mid - d]) {
      const character = lines[i] === undefined ? undefined : column(lines[i]!);
      if (character !== undefined) return { line: i, character };
    }
  }
  return { line: 0, character: 0 };
}

/** Where a one-character edit keeps the code valid: inside the docstring nearest the middle. */
function editPoint(text: string): { line: number; character: number } {
  return nearMiddle(text, (l) => {
    const at = l.indexOf('"""');
    return at >= 0 && l.length > at + 6 ? at + 3 : undefined;
  });
}

/**
 * Where an edit lands in SDK code: inside the first string argument of a v1 call on a
 * top-level line nearest the middle (`service = Model.deploy(ws, "churn-svc", ...)`), so the
 * statement names SDK bindings and the rules run again.
 */
function sdkEditPoint(text: string): { line: number; character: number } {
  return nearMiddle(text, (l) => /^\w+ = \w+\.\w+\((?:workspace=)?ws, (?:name=)?"/.exec(l)?.[0].length);
}

/**
 * Sends `count` one-character edits `intervalMs` apart: typing a character, then deleting it,
 * alternately. `send(version, change)` sends one; `published(p, version)` says whether a
 * publish covers it.
 */
async function typeEdits(
  client: BenchClient,
  count: number,
  intervalMs: number,
  send: (version: number, change: { range: unknown; text: string }) => Promise<void>,
  covers: (p: Publish, version: number) => boolean,
  at: { line: number; character: number },
  firstVersion: number,
): Promise<{ latencies: number[]; merged: number }> {
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let merged = 0;
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const version = firstVersion + i;
    const typing = i % 2 === 0;
    const change = typing
      ? { range: { start: at, end: at }, text: 'x' }
      : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
    const done = client.next((p) => covers(p, version)).then((p) => {
      latencies.push(p.at - sentAt.get(version)!);
      if (process.env.AMLINT_BENCH_TRACE) process.stderr.write(`${version}:${(p.at - sentAt.get(version)!).toFixed(0)} `);
      if (p.version !== version) merged++;
    });
    sentAt.set(version, performance.now());
    await send(version, change);
    pending.push(done);
    await sleep(intervalMs);
  }
  await Promise.all(pending);
  return { latencies, merged };
}

/** Edit latency on a Python file. */
export async function fileLatency(client: BenchClient, text: string, count: number, intervalMs: number, where: 'docstring' | 'sdk' = 'docstring'): Promise<EditLatency> {
  const uri = `file:///bench/large_v1_script_${where}.py`;
  const opened = performance.now();
  const first = client.next((p) => p.uri === uri);
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  const open = (await first).at - opened;
  await sleep(300);
  const at = where === 'sdk' ? sdkEditPoint(text) : editPoint(text);
  const { latencies, merged } = await typeEdits(
    client,
    count,
    intervalMs,
    (version, change) => client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] }),
    (p, version) => p.uri === uri && (p.version ?? 0) >= version,
    at,
    2,
  );
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), edits: latencies.length, merged, open };
}

export interface QuickFixLatency {
  /** The first quick-fix request, on the first import's finding (its suggestion migrates every use). */
  first: number;
  /** Then one request per SDK v1 finding, spread over the file. */
  p50: number;
  max: number;
  requests: number;
  /** How many of those requests offered a suggestion (a rewrite into SDK v2). */
  withSuggestion: number;
}

/**
 * Opening quick fixes (the lightbulb) in the 5,000-line script: the server builds a finding's
 * suggestions when a code action asks for them (engine/lazy-fixes.ts), so this is where their
 * cost shows. Requests are sent one at a time after the diagnostics, as a user moves the cursor.
 */
export async function quickFixLatency(client: BenchClient, text: string, requests = 20): Promise<QuickFixLatency> {
  const uri = 'file:///bench/large_v1_script_quickfix.py';
  const first = client.next((p) => p.uri === uri);
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
  const diagnostics = (await first).diagnostics as Array<{ code?: string; range: unknown }>;
  await sleep(300);
  const ask = async (d: { range: unknown }): Promise<{ ms: number; suggestion: boolean }> => {
    const started = performance.now();
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as Array<{ title: string }>;
    return { ms: performance.now() - started, suggestion: actions.some((a) => /^(Rewrite as SDK v2|Migrate)/.test(a.title)) };
  };
  const sdk = diagnostics.filter((d) => /^AML1/.test(String(d.code)));
  const imp = sdk.find((d) => d.code === 'AML100') ?? sdk[0]!;
  const firstAsk = await ask(imp);
  const step = Math.max(1, Math.floor(sdk.length / requests));
  const rest: number[] = [];
  let withSuggestion = firstAsk.suggestion ? 1 : 0;
  for (let i = 0; i < sdk.length && rest.length < requests; i += step) {
    const r = await ask(sdk[i]!);
    rest.push(r.ms);
    if (r.suggestion) withSuggestion++;
  }
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  return { first: firstAsk.ms, p50: percentile(rest, 50), max: Math.max(...rest), requests: rest.length + 1, withSuggestion };
}

/** Edit latency on a notebook (notebook sync; a cell text edit in the middle cell). */
export async function notebookLatency(client: BenchClient, cells: Array<{ kind: 'code' | 'markdown'; text: string }>, count: number, intervalMs: number): Promise<EditLatency> {
  const uri = 'file:///bench/large_notebook.ipynb';
  const cellUri = (i: number): string => `vscode-notebook-cell:/bench/large_notebook.ipynb#W${i}sZmlsZQ==`;
  const codeCells = cells.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'code' && c.text.includes('"""'));
  const target = (codeCells[Math.floor(codeCells.length / 2)] ?? { i: 0 }).i;
  const opened = performance.now();
  const first = client.next((p) => p.uri === cellUri(target));
  await client.notify('notebookDocument/didOpen', {
    notebookDocument: {
      uri,
      notebookType: 'jupyter-notebook',
      version: 1,
      cells: cells.map((c, i) => ({ kind: c.kind === 'code' ? 2 : 1, document: cellUri(i) })),
    },
    cellTextDocuments: cells.map((c, i) => ({ uri: cellUri(i), languageId: c.kind === 'code' ? 'python' : 'markdown', version: 1, text: c.text })),
  });
  const open = (await first).at - opened;
  await sleep(300);
  const at = editPoint(cells[target]!.text);
  const { latencies, merged } = await typeEdits(
    client,
    count,
    intervalMs,
    (version, change) =>
      client.notify('notebookDocument/didChange', {
        notebookDocument: { uri, version },
        change: { cells: { textContent: [{ document: { uri: cellUri(target), version }, changes: [change] }] } },
      }),
    (p, version) => p.uri === cellUri(target) && (p.version ?? 0) >= version,
    at,
    2,
  );
  await client.notify('notebookDocument/didClose', { notebookDocument: { uri }, cellTextDocuments: cells.map((_, i) => ({ uri: cellUri(i) })) });
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), edits: latencies.length, merged, open };
}

export interface MemoryResult {
  start: number;
  open: number;
  closed: number;
  documents: number;
  /** Time to get diagnostics for all of them, ms. */
  openAllMs: number;
}

/** RSS with `docs` documents open, and after closing them. */
export async function memory(client: BenchClient, docs: string[]): Promise<MemoryResult> {
  await sleep(500);
  const start = client.rssMb();
  const uris = docs.map((_, i) => `file:///bench/open/doc_${String(i).padStart(4, '0')}.py`);
  const t0 = performance.now();
  const seen = new Set<string>();
  const all = new Promise<void>((resolve) => {
    const check = (): void => {
      void client.next((p) => uris.includes(p.uri) && !seen.has(p.uri)).then((p) => {
        seen.add(p.uri);
        if (seen.size === uris.length) resolve();
        else check();
      });
    };
    check();
  });
  for (let i = 0; i < docs.length; i++) {
    await client.notify('textDocument/didOpen', { textDocument: { uri: uris[i], languageId: 'python', version: 1, text: docs[i] } });
  }
  await all;
  const openAllMs = performance.now() - t0;
  await sleep(1000);
  const open = client.rssMb();
  for (const uri of uris) await client.notify('textDocument/didClose', { textDocument: { uri } });
  // Give the server time to drop what it kept and V8 to collect it (as an editor left idle).
  await sleep(5000);
  const closed = client.rssMb();
  return { start, open, closed, documents: docs.length, openAllMs };
}

export interface WorkspaceResult {
  files: number;
  /** The first `workspace/diagnostic` pull: every file read and linted. */
  firstMs: number;
  /** The next pull with the first one's result ids: nothing changed, a `stat` per file (median of 5). */
  unchangedMs: number;
  /** Files with findings in the first pull. */
  withFindings: number;
}

/**
 * Workspace diagnostics (server/src/lsp/workspace.ts) over a folder of `docs` written as `.py` files: the first
 * pull, then pulls that find nothing changed (what VS Code repeats every two seconds).
 */
export async function workspacePull(docs: string[]): Promise<WorkspaceResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-bench-ws-'));
  try {
    // (Written a minute ago as far as their times go: a file modified within the last two seconds is never `unchanged`.)
    const past = new Date(Date.now() - 60_000);
    docs.forEach((d, i) => {
      const file = path.join(dir, `doc_${String(i).padStart(4, '0')}.py`);
      fs.writeFileSync(file, d);
      fs.utimesSync(file, past, past);
    });
    const { client } = await BenchClient.start({ initializationOptions: { diagnosticMode: 'pull', workspaceDiagnostics: true }, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }] });
    try {
      type Report = { items: Array<{ uri: string; kind: string; resultId?: string; items?: unknown[] }> };
      const pull = (previousResultIds: Array<{ uri: string; value: string }>): Promise<Report> => client.connection.sendRequest('workspace/diagnostic', { previousResultIds });
      let t = performance.now();
      const first = await pull([]);
      const firstMs = performance.now() - t;
      const ids = first.items.filter((i) => i.resultId).map((i) => ({ uri: i.uri, value: i.resultId! }));
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        t = performance.now();
        const again = await pull(ids);
        times.push(performance.now() - t);
        if (again.items.some((x) => x.kind !== 'unchanged')) throw new Error('a file changed between two workspace pulls');
      }
      return { files: first.items.length, firstMs, unchangedMs: percentile(times, 50), withFindings: first.items.filter((i) => (i.items?.length ?? 0) > 0).length };
    } finally {
      await client.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface LspResults {
  firstDiagnostics: { fromSpawn: number; fromInitialized: number };
  file: EditLatency;
  /** The same file, typing in SDK code (informational: the rules run on every edit). */
  fileSdk: EditLatency;
  /** Opening quick fixes in that file (suggestions are built then). */
  quickFix: QuickFixLatency;
  notebook: EditLatency;
  memory: MemoryResult;
  workspace: WorkspaceResult;
}

/** All language-server measurements, each phase in a fresh server. */
export async function measureLsp(input: {
  firstDoc: string;
  largeFile: string;
  notebookCells: Array<{ kind: 'code' | 'markdown'; text: string }>;
  manyDocs: string[];
  edits: number;
  intervalMs: number;
}): Promise<LspResults> {
  // 1. Start-up: spawn + initialize + open one v1 script → its first diagnostics (median of 5
  //    fresh servers: one start is a few hundred milliseconds, easily disturbed).
  const fromSpawn: number[] = [];
  const fromInitialized: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = await BenchClient.start();
    const uri = 'file:///bench/train_v1.py';
    const firstPublish = started.client.next((p) => p.uri === uri);
    await started.client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: input.firstDoc } });
    const p = await firstPublish;
    fromSpawn.push(p.at - started.client.spawnedAt);
    fromInitialized.push(p.at - started.initializedAt);
    await started.client.stop();
  }
  const firstDiagnostics = { fromSpawn: percentile(fromSpawn, 50), fromInitialized: percentile(fromInitialized, 50) };

  // 2. Typing in a 5,000-line script and in a 300-cell notebook.
  const a = await BenchClient.start();
  const file = await fileLatency(a.client, input.largeFile, input.edits, input.intervalMs);
  await a.client.stop();
  const s = await BenchClient.start();
  const fileSdk = await fileLatency(s.client, input.largeFile, input.edits, input.intervalMs, 'sdk');
  await s.client.stop();
  const q = await BenchClient.start();
  const quickFix = await quickFixLatency(q.client, input.largeFile);
  await q.client.stop();
  const b = await BenchClient.start();
  const notebook = await notebookLatency(b.client, input.notebookCells, input.edits, input.intervalMs);
  await b.client.stop();

  // 3. Memory.
  const c = await BenchClient.start();
  const mem = await memory(c.client, input.manyDocs);
  await c.client.stop();

  // 4. Workspace diagnostics over the same documents on disk.
  const workspace = await workspacePull(input.manyDocs);
  return { firstDiagnostics, file, fileSdk, quickFix, notebook, memory: mem, workspace };
}
