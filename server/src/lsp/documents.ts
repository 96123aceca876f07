/**
 * What the editor has open, turned into the engine's `DocumentInput`.
 *
 * Two kinds of targets are linted:
 *   - a Python file (`file:`, `untitled:`, ...), synced as an ordinary text document;
 *   - a notebook, synced with LSP 3.17 notebook sync: its cells arrive as text documents
 *     (`vscode-notebook-cell:` URIs) and are analysed together as one module.
 *
 * Files and cells are kept in separate `TextDocuments` stores, so a text-document event is
 * always about a file: when a notebook opens, its cells are opened before the cell → notebook
 * map is filled, so a shared store could not tell a new cell from a new file at that moment.
 *
 * A `Snapshot` is one immutable view of a target: the input for the engine, a stamp that changes
 * whenever any text, cell or version changes (stale results are recognised by it), and the
 * mapping between cell indices and cell URIs.
 */
import { fileURLToPath } from 'node:url';
import {
  Emitter,
  NotebookCellKind,
  NotebookDocuments,
  TextDocuments,
  type Connection,
  type DidChangeNotebookDocumentParams,
  type NotebookCell,
  type NotebookDocument,
  type NotificationHandler1,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf, type CellInput, type DocumentInput } from '../engine';

export interface Snapshot {
  /** The file URI, or the notebook URI. */
  key: string;
  kind: 'file' | 'notebook';
  /** Changes whenever the target's content or structure changes. */
  stamp: string;
  input: DocumentInput;
  /** Notebooks: the URI of each cell, by index among all cells (as the engine counts them). */
  cellUris: string[];
}

/** Where a URI points: a file, or a cell (by index) of a notebook. */
export interface Resolved {
  snapshot: Snapshot;
  /** Set when the URI is a notebook cell. */
  cell?: number;
}

const PYTHON_LANGUAGE_IDS: ReadonlySet<string> = new Set(['python', 'python3', 'ipython', 'py', 'pyspark']);

/** Text documents we lint: Python by language id, or by file extension when the id is generic. */
export function isPythonDocument(document: TextDocument): boolean {
  if (PYTHON_LANGUAGE_IDS.has(document.languageId.toLowerCase())) return true;
  return /\.pyw?$|\.pyi$/i.test(pathOfUri(document.uri) ?? document.uri);
}

/**
 * What the engine lints of an open text document: Python, or a dependency file or script the CLI
 * reads too (`requirements.txt`, conda/CI YAML, a Dockerfile, a shell script: engine/textfiles.ts
 * fileKindOf, from the file name and, for YAML, the text). Undefined for anything else.
 */
export function documentInput(document: TextDocument, uri: string): DocumentInput | undefined {
  const path = pathOfUri(uri);
  if (isPythonDocument(document)) return { kind: 'python', text: document.getText(), path };
  const text = document.getText();
  const kind = fileKindOf(path ?? uri, text);
  return kind && kind !== 'python' && kind !== 'notebook' ? { kind: 'text', text, path: path ?? uri } : undefined;
}

/** The file-system path of a `file:` URI, for per-file settings and messages. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A notebook changed in any way (text, cells, order, metadata); `removed` lists cell URIs that left it. */
export interface NotebookChange {
  notebook: NotebookDocument;
  removed: string[];
}

export class DocumentStore {
  /** Python files (and any text document that is not a notebook cell). */
  readonly files = new TextDocuments(TextDocument);
  /** Notebooks; their cells live in `notebooks.cellTextDocuments`. */
  readonly notebooks = new NotebookDocuments(TextDocument);

  private readonly notebookUris = new Set<string>();
  private readonly changed = new Emitter<NotebookChange>();
  /**
   * Fires after every `notebookDocument/didChange` has been applied. Use it rather than
   * `notebooks.onDidChange`, which stays silent for a change that only reorders cells (a move
   * with no cell opened or closed), so a moved cell would keep results of the old order.
   */
  readonly onDidChangeNotebook = this.changed.event;

  constructor() {
    this.notebooks.onDidOpen((n) => this.notebookUris.add(n.uri));
    this.notebooks.onDidClose((n) => this.notebookUris.delete(n.uri));
  }

  /** URIs of the open notebooks. */
  openNotebooks(): string[] {
    return [...this.notebookUris];
  }

  /** Both stores must listen: text documents and notebook notifications are separate handlers. */
  listen(connection: Connection): void {
    this.files.listen(connection);
    // NotebookDocuments.listen uses only `connection.notebooks.synchronization`: hand it one
    // whose didChange hook also reports every change once the library has applied it.
    const sync = connection.notebooks.synchronization;
    const observed: typeof sync = {
      ...sync,
      onDidChangeNotebookDocument: (handler) => sync.onDidChangeNotebookDocument((params) => this.applyChange(handler, params)),
    };
    this.notebooks.listen({ notebooks: { synchronization: observed } } as unknown as Connection);
  }

  private applyChange(apply: NotificationHandler1<DidChangeNotebookDocumentParams>, params: DidChangeNotebookDocumentParams): void {
    const uri = params.notebookDocument.uri;
    const before = this.notebooks.getNotebookDocument(uri)?.cells.map((c) => c.document) ?? [];
    try {
      // NotebookDocuments opens a structure change's new cell documents before it closes the old
      // ones, so a cell closed and reopened under one URI (its language switched) would end up
      // closed. Close first, then reopen in a second, otherwise empty structure change.
      const structure = params.change.cells?.structure;
      const closing = new Set(structure?.didClose?.map((d) => d.uri) ?? []);
      const reopened = structure?.didOpen?.filter((d) => closing.has(d.uri)) ?? [];
      if (!structure || reopened.length === 0) return apply(params);
      const first = { ...structure, didOpen: structure.didOpen?.filter((d) => !closing.has(d.uri)) };
      apply({ ...params, change: { ...params.change, cells: { ...params.change.cells, structure: first } } });
      apply({ notebookDocument: params.notebookDocument, change: { cells: { structure: { array: { start: 0, deleteCount: 0 }, didOpen: reopened } } } });
    } finally {
      const notebook = this.notebooks.getNotebookDocument(uri);
      if (notebook) {
        const now = new Set(notebook.cells.map((c) => c.document));
        this.changed.fire({ notebook, removed: before.filter((u) => !now.has(u)) });
      }
    }
  }

  /** The notebook a cell URI currently belongs to (a removed cell belongs to none). */
  notebookOfCell(cellUri: string): NotebookDocument | undefined {
    const notebook = this.notebooks.findNotebookDocumentForCell(cellUri);
    // NotebookDocuments keeps removed cells in its lookup map: check the live cell list.
    if (!notebook || !notebook.cells.some((c) => c.document === cellUri)) return undefined;
    return notebook;
  }

  /** A file or a cell: its target's current snapshot and the cell index. */
  resolve(uri: string): Resolved | undefined {
    const notebook = this.notebookOfCell(uri);
    if (notebook) {
      const snapshot = this.notebookSnapshot(notebook.uri);
      if (!snapshot) return undefined;
      return { snapshot, cell: snapshot.cellUris.indexOf(uri) };
    }
    const snapshot = this.fileSnapshot(uri);
    return snapshot && { snapshot };
  }

  /** The snapshot of a target by its key (file URI or notebook URI). */
  snapshot(key: string): Snapshot | undefined {
    return this.notebooks.getNotebookDocument(key) ? this.notebookSnapshot(key) : this.fileSnapshot(key);
  }

  /** The text document of a file or a cell URI. */
  textDocument(uri: string): TextDocument | undefined {
    return this.files.get(uri) ?? this.notebooks.cellTextDocuments.get(uri);
  }

  fileSnapshot(uri: string): Snapshot | undefined {
    const document = this.files.get(uri);
    const input = document && documentInput(document, uri);
    if (!input) return undefined;
    return { key: uri, kind: 'file', stamp: String(document!.version), input, cellUris: [] };
  }

  notebookSnapshot(uri: string): Snapshot | undefined {
    const notebook = this.notebooks.getNotebookDocument(uri);
    if (!notebook) return undefined;
    const cells: CellInput[] = [];
    const cellUris: string[] = [];
    const stamp: string[] = [String(notebook.version)];
    for (const cell of notebook.cells) {
      const document = this.notebooks.getCellTextDocument(cell);
      cells.push(cellInput(cell, document));
      cellUris.push(cell.document);
      stamp.push(`${cell.document}@${document?.version ?? '-'}:${cell.kind}:${document?.languageId ?? ''}`);
    }
    return {
      key: uri,
      kind: 'notebook',
      stamp: stamp.join('|'),
      input: { kind: 'notebook', cells, path: pathOfUri(uri) },
      cellUris,
    };
  }
}

function cellInput(cell: NotebookCell, document: TextDocument | undefined): CellInput {
  // Markup cells stay in the list, so engine cell indices equal positions in notebook.cells.
  if (cell.kind === NotebookCellKind.Markup) return { kind: 'markdown', language: document?.languageId, text: document?.getText() ?? '' };
  return { kind: 'code', language: document?.languageId, text: document?.getText() ?? '' };
}
