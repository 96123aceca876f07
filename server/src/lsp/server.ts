/**
 * The language server: capabilities and handler wiring. Protocol glue only: documents.ts turns
 * what the editor has open into engine input, results.ts runs the engine, diagnostics.ts and
 * codeActions.ts translate its answers.
 *
 * Diagnostics are pushed for files and for notebook cells, and answered when a client pulls
 * (`textDocument/diagnostic`). A client that shows both kinds side by side can choose one with
 * the initialization option `diagnosticMode`: "push" (no pull provider), "pull" (files are only
 * pulled; cells are still pushed, as clients do not pull for cells reliably) or "both" (default).
 * With the initialization option `workspaceDiagnostics` (and a pull provider) it also answers
 * `workspace/diagnostic` for the files of the workspace folders that are not open (workspace.ts).
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  WatchKind,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type CodeActionParams,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type FileSystemWatcher,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type ResultProgressReporter,
  type ServerCapabilities,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { getRule, hover, ruleDocsUrl } from '../engine';
import { codeActions, fixAllEdit, FIX_ALL_KIND, isFixAllData, NOTEBOOK_FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from './codeActions';
import { DocumentStore, type Resolved } from './documents';
import { Logger } from './log';
import { Results, pathOf, type LintOutcome } from './results';
import { formatConfigError, type ConfigError } from '../config';
import { pathToFileURL } from 'node:url';
import { Scheduler } from './scheduler';
import { collectSoon, editingStarted } from './memory';
import { SettingsStore, type Settings } from './settings';
import { WORKSPACE_WATCH_GLOB, WorkspaceDiagnostics, workspaceRoots } from './workspace';

export type DiagnosticMode = 'push' | 'pull' | 'both';

/** `initializationOptions` the server understands (all optional). */
export interface InitializationOptions {
  diagnosticMode?: DiagnosticMode;
  /** Settings for clients without `workspace/configuration` (the `amlint` section's content). */
  settings?: unknown;
  /** The same, as `{ amlint: {...} }` (Helix sends its `config` table this way). */
  amlint?: unknown;
  /**
   * Report the files of the workspace folders that are not open too (`workspace/diagnostic`, workspace.ts). Needs a pull
   * provider: ignored with `diagnosticMode: "push"`.
   */
  workspaceDiagnostics?: boolean;
}

/**
 * Time between two diagnostics runs of one document while edits keep coming: twice its last
 * analysis time (so analysing takes at most about a third of the time while typing), at most
 * MAX_DEBOUNCE_MS.
 */
const MAX_DEBOUNCE_MS = 500;
const debounceFor = (lastRunMs: number | undefined): number => Math.min(MAX_DEBOUNCE_MS, 2 * (lastRunMs ?? 0));

/** The last diagnostics published to a URI, with its document version. */
interface PublishedState {
  version: number | undefined;
  diagnostics: Diagnostic[];
}

/** Deep equality of JSON-like values (what `JSON.stringify` would print the same), allocation-free. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    n++;
    if (!sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

interface ClientFeatures {
  configuration: boolean;
  dynamicConfiguration: boolean;
  watchedFiles: boolean;
  resolveEdits: boolean;
  showDocument: boolean;
  diagnosticRefresh: boolean;
  /** The client keeps workspace folders (and can tell when they change). */
  workspaceFolders: boolean;
}

function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const codeAction = capabilities.textDocument?.codeAction;
  return {
    configuration: !!capabilities.workspace?.configuration,
    dynamicConfiguration: !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFiles: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    resolveEdits: !!codeAction?.dataSupport && !!codeAction.resolveSupport?.properties.includes('edit'),
    showDocument: !!capabilities.window?.showDocument?.support,
    diagnosticRefresh: !!capabilities.workspace?.diagnostics?.refreshSupport,
    workspaceFolders: !!capabilities.workspace?.workspaceFolders,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lets queued notifications (a `$/cancelRequest`, a newer edit) run before we go on. */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

export class AmlintServer {
  private readonly store = new DocumentStore();
  private readonly log: Logger;
  private readonly results: Results;
  private readonly settings: SettingsStore;
  private readonly scheduler: Scheduler;
  /** Target key → the URIs its last push went to (so URIs that drop out get cleared). */
  /** Per target: what was last published to each of its URIs (see push). */
  private readonly published = new Map<string, Map<string, PublishedState>>();
  private client: ClientFeatures = clientFeatures({});
  private mode: DiagnosticMode = 'both';
  /** Set when the client asked for workspace diagnostics (and pulls). */
  private workspace?: WorkspaceDiagnostics;
  /** Settings sent with didChangeConfiguration / initializationOptions (clients without pull config). */
  private pushedSettings: unknown;
  /** The trace level asked for in `initialize`, used while `amlint.trace.server` is "off". */
  private initialTrace: Settings['trace']['server'] = 'off';

  private constructor(
    private readonly connection: Connection,
    private readonly version: string,
  ) {
    this.log = new Logger(connection);
    this.results = new Results((m) => this.log.debug(m), (file, errors) => this.showConfigErrors(file, errors));
    this.settings = new SettingsStore(
      (scopeUri) => this.fetchSettings(scopeUri),
      (m) => this.log.warn(m),
    );
    this.scheduler = new Scheduler((key) => debounceFor(this.results.lastDuration(key)), (key) => void this.push(key));
  }

  /** Creates the server and binds every handler; the caller then calls `connection.listen()`. */
  static register(connection: Connection, version: string): AmlintServer {
    const server = new AmlintServer(connection, version);
    server.bind();
    return server;
  }

  capabilities(): ServerCapabilities {
    const pythonCells = [{ language: 'python' }];
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      notebookDocumentSync: {
        notebookSelector: [
          { notebook: { notebookType: 'jupyter-notebook' }, cells: pythonCells },
          { notebook: '*', cells: pythonCells },
        ],
      },
      hoverProvider: true,
      codeActionProvider: {
        codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, NOTEBOOK_FIX_ALL_KIND],
        resolveProvider: true,
      },
      executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
    };
    if (this.mode !== 'push') {
      capabilities.diagnosticProvider = { identifier: 'amlint', interFileDependencies: false, workspaceDiagnostics: !!this.workspace };
    }
    // Workspace diagnostics follow the folders the client adds and removes.
    if (this.workspace && this.client.workspaceFolders) capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    return capabilities;
  }

  private bind(): void {
    const c = this.connection;
    c.onInitialize((params) => this.onInitialize(params));
    c.onInitialized(this.guard('initialized', undefined, () => this.onInitialized()));
    c.onDidChangeConfiguration(this.guard('didChangeConfiguration', undefined, (p: DidChangeConfigurationParams) => this.onDidChangeConfiguration(p)));
    c.onDidChangeWatchedFiles(this.guard('didChangeWatchedFiles', undefined, (p: DidChangeWatchedFilesParams) => this.onDidChangeWatchedFiles(p)));
    c.onHover(this.guard('hover', null, (p: HoverParams, token: CancellationToken) => this.onHover(p, token)));
    c.onCodeAction(this.guard('codeAction', [], (p: CodeActionParams, token: CancellationToken) => this.onCodeAction(p, token)));
    c.onCodeActionResolve((action) => this.guard('codeAction/resolve', action, (a: CodeAction) => this.onCodeActionResolve(a))(action));
    c.onExecuteCommand(this.guard('executeCommand', null, (p: ExecuteCommandParams) => this.onExecuteCommand(p)));
    c.languages.diagnostics.on(
      this.guard('diagnostic', { kind: 'full', items: [] }, (p: DocumentDiagnosticParams, token: CancellationToken) => this.onPullDiagnostics(p, token)),
    );
    c.languages.diagnostics.onWorkspace(
      this.guard('workspace/diagnostic', { items: [] }, (p: WorkspaceDiagnosticParams, token: CancellationToken, _work: unknown, partial?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>) =>
        this.onWorkspaceDiagnostics(p, token, partial),
      ),
    );
    c.onShutdown(() => this.scheduler.dispose());

    const { files, notebooks } = this.store;
    // onDidChangeContent also fires when a document opens.
    files.onDidChangeContent(
      this.guard('didChange', undefined, (e) => {
        if (this.results.lastDuration(e.document.uri) !== undefined) editingStarted(); // an edit, not the open
        this.scheduler.schedule(e.document.uri);
      }),
    );
    files.onDidClose(this.guard('didClose', undefined, (e) => this.closed(e.document.uri)));
    notebooks.onDidOpen(this.guard('notebook didOpen', undefined, (n) => this.scheduler.schedule(n.uri)));
    this.store.onDidChangeNotebook(
      this.guard('notebook didChange', undefined, (e) => {
        // Removed cells lose their diagnostics at once; the rest follow with the re-analysis.
        for (const uri of e.removed) this.clear(uri);
        editingStarted();
        this.scheduler.schedule(e.notebook.uri);
      }),
    );
    notebooks.onDidClose(this.guard('notebook didClose', undefined, (n) => this.closed(n.uri, n.cells.map((c) => c.document))));
    this.store.listen(c);
  }

  /**
   * Wraps a handler so an exception is logged and answered with `fallback` instead of reaching
   * the connection. Cancellation errors pass through, as the protocol wants them.
   */
  private guard<A extends unknown[], R>(name: string, fallback: R, handler: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
      try {
        return await handler(...args);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        this.log.error(`amlint: ${name} failed`, error);
        return fallback;
      }
    };
  }

  // -------------------------------------------------------------------------------------------
  // Lifecycle and settings

  private onInitialize(params: InitializeParams): InitializeResult {
    this.client = clientFeatures(params.capabilities ?? {});
    const options: InitializationOptions = isObject(params.initializationOptions) ? params.initializationOptions : {};
    if (options.diagnosticMode === 'push' || options.diagnosticMode === 'pull' || options.diagnosticMode === 'both') {
      this.mode = options.diagnosticMode;
    }
    this.pushedSettings = options.settings ?? options.amlint;
    if (options.workspaceDiagnostics === true && this.mode !== 'push') {
      this.workspace = new WorkspaceDiagnostics(this.results);
      this.workspace.setRoots(workspaceRoots(params));
    }
    if (params.trace === 'messages' || params.trace === 'verbose') this.initialTrace = params.trace;
    this.log.level = this.initialTrace;
    return { capabilities: this.capabilities(), serverInfo: { name: 'amlint', version: this.version } };
  }

  private async onInitialized(): Promise<void> {
    // (First, before any await: a change of folders sent meanwhile must find its listener.)
    if (this.workspace && this.client.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(
        this.guard('didChangeWorkspaceFolders', undefined, (e: WorkspaceFoldersChangeEvent) => {
          this.workspace!.changeRoots(workspaceRoots({ workspaceFolders: e.added }), workspaceRoots({ workspaceFolders: e.removed }));
          if (this.client.diagnosticRefresh) this.connection.languages.diagnostics.refresh();
        }),
      );
    }
    if (this.client.configuration && this.client.dynamicConfiguration) {
      // Without this, VS Code-like clients never send didChangeConfiguration.
      await this.connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'amlint' })
        .catch((e) => this.log.warn(`could not register for configuration changes: ${String(e)}`));
    }
    if (this.client.watchedFiles) {
      // pyproject.toml holds [tool.amlint]: re-lint when one changes. With workspace diagnostics, a file of a kind
      // the walk takes (or a .gitignore) made or deleted: the next workspace pull walks the folders again. (Not
      // `**/*`: running Python writes __pycache__ files all the time.)
      const watchers: FileSystemWatcher[] = [{ globPattern: '**/pyproject.toml' }];
      if (this.workspace) watchers.push({ globPattern: WORKSPACE_WATCH_GLOB, kind: WatchKind.Create | WatchKind.Delete }, { globPattern: '**/.gitignore' });
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers })
        .catch((e) => this.log.warn(`could not watch pyproject.toml files: ${String(e)}`));
    }
    await this.refreshTrace();
    this.log.info(`amlint language server ${this.version} ready (diagnostics: ${this.mode}${this.workspace ? ', workspace' : ''})`);
  }

  private async fetchSettings(scopeUri: string | undefined): Promise<unknown> {
    if (!this.client.configuration) return this.pushedSettings;
    const value: unknown = await this.connection.workspace.getConfiguration(scopeUri ? { scopeUri, section: 'amlint' } : { section: 'amlint' });
    // A client with no amlint settings answers null; fall back to what it sent otherwise.
    return value ?? this.pushedSettings;
  }

  private async refreshTrace(): Promise<void> {
    const global = await this.settings.get();
    this.log.level = global.trace.server === 'off' ? this.initialTrace : global.trace.server;
  }

  private async onDidChangeConfiguration(params: DidChangeConfigurationParams): Promise<void> {
    const sent: unknown = params?.settings;
    if (isObject(sent) && 'amlint' in sent) this.pushedSettings = sent.amlint;
    this.settings.invalidate();
    this.results.clear();
    this.workspace?.invalidate();
    await this.refreshTrace();
    this.log.info('amlint: settings changed, re-linting open documents');
    for (const uri of this.store.files.keys()) this.scheduler.schedule(uri);
    for (const key of this.store.openNotebooks()) this.scheduler.schedule(key);
    if (this.mode !== 'push' && this.client.diagnosticRefresh) this.connection.languages.diagnostics.refresh();
  }

  /** Config files whose errors are shown, with the errors last sent (to send only changes). */
  private readonly configShown = new Map<string, string>();

  /** A broken [tool.amlint]: its errors become diagnostics on the pyproject.toml itself. */
  private showConfigErrors(file: string, errors: ConfigError[]): void {
    const key = JSON.stringify(errors);
    if (this.configShown.get(file) === key) return;
    this.configShown.set(file, key);
    this.log.warn(`amlint: invalid configuration, using editor settings only:\n${errors.map((e) => formatConfigError(e)).join('\n')}`);
    void this.connection.sendDiagnostics({
      uri: pathToFileURL(file).href,
      diagnostics: errors.map((e) => ({
        range: { start: { line: e.line - 1, character: e.column - 1 }, end: { line: e.line - 1, character: e.column - 1 } },
        severity: DiagnosticSeverity.Error,
        source: 'amlint',
        message: e.key ? `${e.key}: ${e.message}` : e.message,
      })),
    });
  }

  private onDidChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    let changed = false;
    for (const change of params.changes) {
      const file = pathOf(change.uri);
      // A linted kind of file made or deleted, or a .gitignore changed in any way: walk again.
      if (change.type !== FileChangeType.Changed || file?.endsWith('.gitignore')) this.workspace?.filesChanged();
      if (!file || !file.endsWith('pyproject.toml')) continue;
      this.results.config.invalidate(file);
      if (this.configShown.delete(file)) this.clear(change.uri);
      changed = true;
    }
    if (!changed) return;
    this.results.clear();
    this.workspace?.invalidate();
    this.log.info('amlint: configuration changed, re-linting open documents');
    for (const uri of this.store.files.keys()) this.scheduler.schedule(uri);
    for (const key of this.store.openNotebooks()) this.scheduler.schedule(key);
    if (this.mode !== 'push' && this.client.diagnosticRefresh) this.connection.languages.diagnostics.refresh();
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics

  /** Lints a target (file or notebook) and pushes its diagnostics, unless it moved on meanwhile. */
  private async push(key: string): Promise<void> {
    try {
      if (!this.store.snapshot(key)) return;
      const settings = await this.settings.get(key);
      // Read the state after the await: this run must show the newest text.
      const snapshot = this.store.snapshot(key);
      if (!snapshot) return; // closed meanwhile; closing already cleared it
      if (snapshot.kind === 'file' && this.mode === 'pull') return;
      const outcome = settings.enable ? this.results.get(snapshot, settings) : undefined;
      // Never publish stale results: if the document changed while we analysed, the run that
      // change scheduled publishes instead.
      if (this.store.snapshot(key)?.stamp !== snapshot.stamp) return this.scheduler.schedule(key);

      const uris = snapshot.kind === 'file' ? [snapshot.key] : snapshot.cellUris;
      const previous = this.published.get(key) ?? new Map<string, PublishedState>();
      for (const uri of previous.keys()) if (!uris.includes(uri)) this.clear(uri);
      const now = new Map<string, PublishedState>();
      for (const uri of uris) {
        const version = this.store.textDocument(uri)?.version;
        const diagnostics = outcome?.diagnostics.get(uri) ?? [];
        // A notebook edit changes one cell: the others' diagnostics are usually the same
        // objects' worth of JSON as last time, with the same version; not re-sending them saves
        // hundreds of messages per keystroke in a large notebook.
        now.set(uri, { version, diagnostics });
        const before = previous.get(uri);
        if (before && before.version === version && sameJson(before.diagnostics, diagnostics)) continue;
        void this.connection.sendDiagnostics({ uri, version, diagnostics });
      }
      this.published.set(key, now);
    } catch (error) {
      this.log.error(`amlint: linting ${key} failed`, error);
    }
  }

  private clear(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A file (no `cellUris`) or a notebook closed: drop its state and clear every URI it published to. */
  private closed(key: string, cellUris?: string[]): void {
    this.scheduler.cancel(key);
    this.results.forget(key);
    this.settings.invalidate(key);
    const uris = new Set([...(this.published.get(key)?.keys() ?? []), ...(cellUris ?? [key])]);
    this.published.delete(key);
    for (const uri of uris) this.clear(uri);
    collectSoon();
  }

  /**
   * The current result for a file or cell URI. Undefined when the URI is not open, or amlint is
   * disabled for it.
   */
  private async outcomeFor(uri: string, token?: CancellationToken): Promise<(Resolved & { outcome: LintOutcome; settings: Settings }) | undefined> {
    const before = this.store.resolve(uri);
    if (!before) return undefined;
    const settings = await this.settings.get(before.snapshot.key);
    await turn();
    if (token?.isCancellationRequested) throw cancelled();
    const resolved = this.store.resolve(uri);
    if (!resolved || !settings.enable) return undefined;
    return { ...resolved, settings, outcome: this.results.get(resolved.snapshot, settings) };
  }

  private async onPullDiagnostics(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const target = await this.outcomeFor(uri, token);
    if (!target) return { kind: 'full', items: [] };
    const resultId = target.outcome.resultId;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items: target.outcome.diagnostics.get(uri) ?? [] };
  }

  private async onWorkspaceDiagnostics(params: WorkspaceDiagnosticParams, token: CancellationToken, partial?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>): Promise<WorkspaceDiagnosticReport> {
    if (!this.workspace) return { items: [] };
    return this.workspace.report(params.previousResultIds, token, {
      openUris: () => this.store.files.keys(),
      settings: (scopeUri) => this.settings.get(scopeUri),
      yieldTo: async (t) => {
        await turn();
        if (t.isCancellationRequested) throw cancelled();
      },
      // (vscode-languageserver gives a reporter only when the request carried a partialResultToken, which it removes.)
      partial: partial ? (items) => partial.report({ items }) : undefined,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Hover, code actions, commands

  private async onHover(params: HoverParams, token: CancellationToken): Promise<Hover | null> {
    const target = await this.outcomeFor(params.textDocument.uri, token);
    if (!target) return null;
    const markdown = hover(target.outcome.analysis ?? target.outcome.snapshot.input, { cell: target.cell, position: params.position });
    return markdown ? { contents: { kind: 'markdown', value: markdown } } : null;
  }

  private async onCodeAction(params: CodeActionParams, token: CancellationToken): Promise<CodeAction[]> {
    const uri = params.textDocument.uri;
    const target = await this.outcomeFor(uri, token);
    if (!target) return [];
    return codeActions(params, { uri, cell: target.cell, outcome: this.results.withSuggestions(target.outcome) }, this.client.resolveEdits);
  }

  private async onCodeActionResolve(action: CodeAction): Promise<CodeAction> {
    if (action.edit || !isFixAllData(action.data)) return action;
    const { uri, scope } = action.data;
    const target = await this.outcomeFor(uri);
    if (!target) return action;
    // Computed from the current text, so the edit always fits the document it is applied to.
    return { ...action, edit: fixAllEdit({ uri, cell: target.cell, outcome: target.outcome }, scope) };
  }

  private async onExecuteCommand(params: ExecuteCommandParams): Promise<string | null> {
    if (params.command !== SHOW_DOCUMENTATION_COMMAND) return null;
    const code = String(params.arguments?.[0] ?? '').toUpperCase();
    if (!getRule(code)) {
      void this.connection.window.showWarningMessage(`amlint: no rule ${code || '(none given)'}`);
      return null;
    }
    const url = ruleDocsUrl(code);
    let shown = false;
    if (this.client.showDocument) {
      // A local Markdown page opens in the editor; a web page in the browser.
      const result = await this.connection.window.showDocument({ uri: url, external: !url.startsWith('file:'), takeFocus: true });
      shown = result.success;
    }
    if (!shown) void this.connection.window.showInformationMessage(`${code}: ${url}`);
    return url;
  }
}
