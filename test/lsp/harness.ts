/**
 * A scripted LSP client for end-to-end tests: spawns the built `amlint-language-server --stdio`
 * and talks JSON-RPC to it as an editor does. Diagnostics are recorded as they arrive; a test
 * asks for the *next* publish for a URI before it sends the change that causes it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  InitializeResult,
  PublishDiagnosticsParams,
  ShowDocumentParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'bin', 'amlint-language-server.js');

/** What VS Code (vscode-languageclient 9) declares, cut to what the server looks at. */
export const EDITOR_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
  window: { showDocument: { support: true } },
  notebookDocument: { synchronization: { dynamicRegistration: true, executionSummarySupport: true } },
};

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The `amlint` section answered to `workspace/configuration` (per scopeUri when a function). */
  settings?: unknown | ((scopeUri: string | undefined) => unknown);
  /** `workspaceFolders` of the initialize request (none by default). */
  workspaceFolders?: Array<{ uri: string; name: string }>;
}

type Waiter = { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  /** The `registrations` of each `client/registerCapability` request. */
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  stderr = '';
  settings: StartOptions['settings'];
  /** Answer `workspace/configuration` this much later (a slow editor). */
  configurationDelayMs = 0;
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.accept(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    connection.onRequest('workspace/configuration', async (p: ConfigurationParams) => {
      this.configurationRequests.push(p);
      if (this.configurationDelayMs) await sleep(this.configurationDelayMs);
      return p.items.map((item) => {
        if (item.section !== 'amlint') return null;
        return typeof this.settings === 'function' ? (this.settings as (s: string | undefined) => unknown)(item.scopeUri) : this.settings ?? null;
      });
    });
    connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('window/showDocument', (p: ShowDocumentParams) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new TestClient(proc, connection);
    client.settings = options.settings;
    const initialize = connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders } : {}),
      capabilities: options.capabilities ?? EDITOR_CAPABILITIES,
      initializationOptions: options.initializationOptions,
    });
    // A server that dies on start must fail the test at once, with its stderr.
    const died = client.exited.then((code) => {
      throw new Error(`the server exited with ${code} before answering initialize:\n${client.stderr}`);
    });
    client.initializeResult = await Promise.race([initialize, died]);
    died.catch(() => undefined);
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The next publish for `uri` (after this call) that `accept` takes. */
  nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).slice(-3))}`));
      }, timeoutMs);
      const waiter: Waiter = {
        uri,
        accept,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      };
      this.waiters.push(waiter);
    });
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return token ? this.connection.sendRequest(method, params, token.token) : this.connection.sendRequest(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  open(uri: string, text: string, version = 1, languageId = 'python'): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    if (this.proc.exitCode !== null) return this.proc.exitCode;
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await Promise.race([this.exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000))]);
    this.connection.dispose();
    if (code === 'timeout') {
      this.proc.kill();
      throw new Error('server did not exit after shutdown/exit');
    }
    return code;
  }

  /** Kills the process if a test failed before stop(). */
  dispose(): void {
    this.connection.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill();
  }

  /** Waits until the process exits (for tests that end it another way). */
  exit(): Promise<number | null> {
    return this.exited;
  }
}

export function fileUri(name: string): string {
  return `file:///tmp/amlint-lsp-test/${name}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
