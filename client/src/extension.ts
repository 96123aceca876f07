/**
 * The amlint VS Code extension: a thin client. It starts the bundled language server
 * (dist/server.js) over Node IPC and lets vscode-languageclient forward documents, notebook
 * cells and settings. All analysis, hovers and code actions live in the server; this file only
 * adds what the editor needs around it: an output channel, a language-status item (server state
 * and number of findings) and four commands.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  vsdiag,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const CLIENT_ID = 'amlint';
const SOURCE = 'amlint';
const FIX_ALL = 'source.fixAll.amlint';
const NOTEBOOK_FIX_ALL = 'notebook.source.fixAll.amlint';
/** Port of the server's inspector in the debug variant (F5 in an Extension Development Host). */
const DEBUG_PORT = 6019;

/**
 * Python files on disk, unsaved Python buffers, the Python cells of any notebook, and the
 * dependency files and scripts the CLI reads (by file name, whatever language VS Code gives
 * them; the server lints a YAML file only when its text is a conda environment or a CI pipeline:
 * engine/textfiles.ts fileKindOf).
 */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'python' },
  { scheme: 'untitled', language: 'python' },
  { notebook: '*', language: 'python' },
  { scheme: 'file', pattern: '**/{requirements*.txt,requirements*.in,constraints*.txt,pyproject.toml}' },
  { scheme: 'file', pattern: '**/*.{yml,yaml}' },
  { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Makefile}' },
  { scheme: 'file', pattern: '**/*.{sh,bash,zsh,ps1,cmd,bat}' },
];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('amlint');
  const status = new Status();
  context.subscriptions.push(output, status);
  context.subscriptions.push(
    vscode.commands.registerCommand('amlint.restartServer', () => client && restart(client, output)),
    vscode.commands.registerCommand('amlint.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('amlint.fixAll', () => client && fixAll(client)),
    vscode.commands.registerCommand('amlint.showRuleDocumentation', (code?: unknown) =>
      showRuleDocumentation(context.extensionUri, typeof code === 'string' ? code : undefined),
    ),
    // The diagnostics channels are chosen when the server starts: a change of this setting starts a new client. Restarts
    // run one after another (two quick changes must not leave two servers), and only when the value really changed.
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('amlint.workspaceDiagnostics')) return;
      restarting = restarting.then(async () => {
        if (client && workspaceDiagnosticsSetting() === status.workspaceWide) return;
        output.appendLine('amlint: amlint.workspaceDiagnostics changed, restarting the language server');
        await deactivate();
        await startClient(context, output, status);
      });
    }),
    { dispose: () => stateListener?.dispose() },
  );
  await startClient(context, output, status);
}

/** The last restart (see the configuration listener in activate). */
let restarting: Promise<void> = Promise.resolve();
/** The running client's state listener (the status item shows its state). */
let stateListener: vscode.Disposable | undefined;

function workspaceDiagnosticsSetting(): boolean {
  return vscode.workspace.getConfiguration('amlint').get<boolean>('workspaceDiagnostics', false) === true;
}

/** Creates and starts the language client with the current `amlint.workspaceDiagnostics` setting. */
async function startClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, status: Status): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] },
    },
  };
  const workspaceDiagnostics = workspaceDiagnosticsSetting();
  status.workspaceWide = workspaceDiagnostics;
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // One diagnostics channel per document, so every finding shows once. By default the server pushes
    // for files and cells alike (no pull collection beside it). With `amlint.workspaceDiagnostics`, files
    // are pulled instead, open ones (`textDocument/diagnostic`) and the rest of the workspace
    // (`workspace/diagnostic`) into one collection, while notebook cells stay pushed: the middleware
    // answers cells' pulls with nothing. Settings are pulled by the server (workspace/configuration,
    // section `amlint`), which also registers for their changes.
    initializationOptions: workspaceDiagnostics ? { diagnosticMode: 'pull', workspaceDiagnostics: true } : { diagnosticMode: 'push' },
    middleware: workspaceDiagnostics
      ? {
          provideDiagnostics: (document, previousResultId, token, next) => {
            const uri = document instanceof vscode.Uri ? document : document.uri;
            return uri.scheme === 'vscode-notebook-cell' ? { kind: vsdiag.DocumentDiagnosticReportKind.full, items: [] } : next(document, previousResultId, token);
          },
        }
      : undefined,
  };
  const languageClient = new LanguageClient(CLIENT_ID, 'amlint', serverOptions, clientOptions);
  client = languageClient;
  stateListener?.dispose();
  stateListener = languageClient.onDidChangeState((e) => status.setState(e.newState));
  status.setState(State.Starting);
  try {
    await languageClient.start();
  } catch (error) {
    status.setState(State.Stopped, `could not start: ${message(error)}`);
    output.appendLine(`amlint: the language server did not start: ${message(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c && c.state !== State.Stopped) await c.stop().catch(() => undefined);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function restart(c: LanguageClient, output: vscode.OutputChannel): Promise<void> {
  output.appendLine('amlint: restarting the language server');
  try {
    if (c.state === State.Stopped) await c.start();
    else await c.restart();
  } catch (error) {
    output.appendLine(`amlint: restart failed: ${message(error)}`);
    void vscode.window.showErrorMessage(`amlint: the language server did not restart: ${message(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Language status: server state and number of findings

class Status implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private state: State = State.Stopped;
  private problem: string | undefined;
  /** The running client was started with workspace diagnostics: the total counts files that are not open too. */
  workspaceWide = false;
  private timer: NodeJS.Timeout | undefined;

  constructor() {
    this.item = vscode.languages.createLanguageStatusItem('amlint.status', [{ language: 'python' }]);
    this.item.name = 'amlint';
    this.item.command = { title: 'Show Output', command: 'amlint.showOutput', tooltip: 'Show the amlint output channel' };
    this.disposables.push(
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.window.onDidChangeActiveNotebookEditor(() => this.schedule()),
    );
    this.render();
  }

  setState(state: State, problem?: string): void {
    this.state = state;
    this.problem = problem;
    this.render();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.render();
    }, 100);
  }

  private render(): void {
    const item = this.item;
    item.busy = this.state === State.Starting;
    if (this.state === State.Starting) {
      item.text = 'amlint: starting';
      item.detail = 'the language server is starting';
      item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (this.state === State.Stopped) {
      item.text = '$(error) amlint: stopped';
      item.detail = this.problem ?? 'the language server is not running; run "amlint: Restart Language Server"';
      item.severity = vscode.LanguageStatusSeverity.Error;
      return;
    }
    const { total, here } = countFindings();
    const s = (n: number) => `${n} finding${n === 1 ? '' : 's'}`;
    item.text = `${here > 0 ? '$(warning)' : '$(check)'} amlint: ${s(here)}`;
    item.detail = `${s(total)} ${this.workspaceWide ? 'in the workspace' : 'in open documents'} · server running`;
    item.severity = vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}

/** amlint diagnostics: in all documents, and in the active file or notebook. */
export function countFindings(): { total: number; here: number } {
  const notebook = vscode.window.activeNotebookEditor?.notebook.uri;
  const file = vscode.window.activeTextEditor?.document.uri;
  let total = 0;
  let here = 0;
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    const n = diagnostics.filter((d) => d.source === SOURCE).length;
    if (n === 0) continue;
    total += n;
    const inNotebook = notebook && uri.scheme === 'vscode-notebook-cell' && uri.path === notebook.path;
    if (inNotebook || (!notebook && file && uri.toString() === file.toString())) here += n;
  }
  return { total, here };
}

// ---------------------------------------------------------------------------------------------
// Fix all

function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return typeof (a as vscode.Command).command !== 'string';
}

function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, doc.lineCount, 0);
}

/**
 * Runs the server's fix-all code action: `notebook.source.fixAll.amlint` for the active
 * notebook (asked on its first Python cell; the edit spans all cells), else
 * `source.fixAll.amlint` for the active Python editor. Returns how many actions were applied.
 */
async function fixAll(c: LanguageClient): Promise<number> {
  const notebookEditor = vscode.window.activeNotebookEditor;
  const editor = vscode.window.activeTextEditor;
  const editorInNotebook = editor?.document.uri.scheme === 'vscode-notebook-cell';
  let target: { uri: vscode.Uri; range: vscode.Range; kind: string; label: string } | undefined;
  if (notebookEditor && (!editor || editorInNotebook)) {
    const cell = notebookEditor.notebook
      .getCells()
      .find((x) => x.kind === vscode.NotebookCellKind.Code && x.document.languageId === 'python');
    if (cell) {
      const name = notebookEditor.notebook.uri.path.split('/').pop() ?? 'the notebook';
      target = { uri: cell.document.uri, range: fullRange(cell.document), kind: NOTEBOOK_FIX_ALL, label: name };
    }
  } else if (editor && editor.document.languageId === 'python') {
    const name = editor.document.uri.path.split('/').pop() ?? 'the file';
    target = { uri: editor.document.uri, range: fullRange(editor.document), kind: FIX_ALL, label: name };
  }
  if (!target) {
    void vscode.window.showInformationMessage('amlint: open a Python file or a notebook with Python cells to fix.');
    return 0;
  }
  if (c.state !== State.Running) await c.start().catch(() => undefined);

  const kind = vscode.CodeActionKind.Empty.append(target.kind);
  const actions =
    (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
      'vscode.executeCodeActionProvider',
      target.uri,
      target.range,
      target.kind,
      20,
    )) ?? [];
  // The first fix-all of ours is enough: it covers the whole file (or notebook).
  const action = actions.filter(isCodeAction).find((a) => a.kind && kind.contains(a.kind));
  if (!action) {
    void vscode.window.showInformationMessage(`amlint: no automatic fixes available in ${target.label}.`);
    return 0;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage(`amlint: the fixes for ${target.label} could not be applied (was it changed meanwhile?).`);
    return 0;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  void vscode.window.showInformationMessage(`amlint: applied "${action.title}" in ${target.label}.`);
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Rule documentation: docs/rules/AMLxxx.md shipped inside the extension

interface RuleItem extends vscode.QuickPickItem {
  code: string;
  uri: vscode.Uri;
}

async function ruleItems(extensionUri: vscode.Uri): Promise<RuleItem[]> {
  const dir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const items: RuleItem[] = [];
  for (const [name] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    const m = /^(AML[0-9]{3})\.md$/.exec(name);
    if (!m) continue;
    const uri = vscode.Uri.joinPath(dir, name);
    let title = '';
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      // "# AML101: Workspace.from_config" → "Workspace.from_config"
      title = (/^#\s*[A-Z0-9]+:?\s*(.*)$/m.exec(text)?.[1] ?? '').trim();
    } catch {
      // a page we cannot read is still listed
    }
    items.push({ label: m[1], description: title, code: m[1], uri });
  }
  return items;
}

/** The amlint rule of the diagnostic under the cursor, if any. */
function ruleAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const d = vscode.languages
    .getDiagnostics(editor.document.uri)
    .find((x) => x.source === SOURCE && x.range.contains(at));
  const code = typeof d?.code === 'object' ? d.code.value : d?.code;
  return code === undefined ? undefined : String(code);
}

async function showRuleDocumentation(extensionUri: vscode.Uri, code?: string): Promise<void> {
  const items = await ruleItems(extensionUri);
  if (items.length === 0) {
    void vscode.window.showWarningMessage('amlint: no rule documentation found in this installation (docs/rules).');
    return;
  }
  let pick = code ? items.find((i) => i.code === code.toUpperCase()) : undefined;
  if (!pick) {
    const current = ruleAtCursor();
    const ordered = current ? [...items.filter((i) => i.code === current), ...items.filter((i) => i.code !== current)] : items;
    pick = await vscode.window.showQuickPick(ordered, { placeHolder: 'amlint: select a rule to read about', matchOnDescription: true });
  }
  if (!pick) return;
  try {
    await vscode.commands.executeCommand('markdown.showPreview', pick.uri);
  } catch {
    await vscode.window.showTextDocument(pick.uri, { preview: true });
  }
}
