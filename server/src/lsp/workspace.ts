/**
 * Workspace diagnostics (LSP 3.17 `workspace/diagnostic`): findings for the files of the workspace
 * folders that are not open in the editor, so the Problems panel lists a whole project's SDK v1
 * code. Turned on by the initialization option `workspaceDiagnostics: true` (VS Code: the
 * `amlint.workspaceDiagnostics` setting); only with a pull provider (`diagnosticMode` "pull" or "both").
 *
 * The files are the ones the CLI lints in a folder (cli/files.ts collectFiles: `.gitignore`,
 * virtual environments and the like skipped; the configuration's `exclude` applied), but notebooks:
 * an unopened notebook would need its findings at offsets of the notebook's JSON text, which no
 * editor shows as cells (open it, or run `amlint` on the command line, which reports cells).
 *
 * Each report's `resultId` is the file's size and modification time with the settings generation,
 * so a client pulling again (VS Code does, two seconds after each answer) gets `unchanged` for every
 * file not touched since: a pull then costs a `stat` per file. The file list is walked again at most
 * every WALK_TTL_MS, or at once after a watched file or the settings change. Files are read and
 * linted one at a time, letting other requests run between them; a cancelled pull stops there.
 * A file that was reported and is gone (deleted, excluded, its folder removed) gets an empty report, which clears it;
 * a file open in the editor is left to its own diagnostics, and reported in full once it is closed.
 */
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CancellationToken, Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { lint, type Finding } from '../engine';
import { collectFiles } from '../cli/files';
import { readDocument, isNotebookPath } from '../cli/read';
import { isExcluded } from '../config';
import { diagnosticsByUri } from './diagnostics';
import type { Snapshot } from './documents';
import { fatalFinding, pathOf, type Results } from './results';
import type { Settings } from './settings';

/** A file modified less than this long ago gets a result id that is never reused (see `racy` in report). */
const RACY_MS = 2000;

/**
 * A file URI as a key: its decoded path (`fileURLToPath`), with a Windows drive letter in lower case, so that
 * `file:///tmp/proj%20(copy)/a.py` and `file:///tmp/proj%20%28copy%29/a.py` are one file. Undefined for other schemes.
 */
export function pathKey(uri: string): string | undefined {
  const p = pathOf(uri);
  return p === undefined ? undefined : fileKey(p);
}

/** A file-system path as pathKey keys it. */
function fileKey(file: string): string {
  return process.platform === 'win32' ? file.replace(/^[A-Z]:/, (d) => d.toLowerCase()) : file;
}

/** How long a walk of the workspace folders is reused (a new file shows within this time without a file watcher). */
export const WALK_TTL_MS = 30_000;

/**
 * The files whose creation or deletion changes what the walk finds (the names engine/textfiles.ts fileKindOf reads,
 * and `.gitignore`), for the client's file watcher.
 */
export const WORKSPACE_WATCH_GLOB = '**/{*.py,*.pyw,*.txt,*.in,*.toml,*.yml,*.yaml,*.sh,*.bash,*.zsh,*.ps1,*.cmd,*.bat,Dockerfile*,dockerfile*,*.dockerfile,*.Dockerfile,Containerfile*,containerfile*,Makefile,makefile,.gitignore}';

export interface WorkspaceHooks {
  /** The URIs of the files open in the editor (their diagnostics come from the documents themselves). */
  openUris(): Iterable<string>;
  /** The editor settings for a scope URI (the file's workspace folder: one settings request per folder, not per file). */
  settings(scopeUri: string): Promise<Settings>;
  /** Lets other messages run; throws when the request was cancelled. */
  yieldTo(token: CancellationToken): Promise<void>;
  /** Sends a part of the result early (the client shows it at once), when the client asked for partial results. */
  partial?(items: WorkspaceDocumentDiagnosticReport[]): void;
}

export class WorkspaceDiagnostics {
  private roots: string[] = [];
  private walked?: { at: number; files: Array<{ file: string; root: string }> };
  /** Bumped when settings or configuration change: every file's result id changes with it. */
  private generation = 0;
  /** Files (pathKey) skipped because they were open: reported in full once they are not. */
  private readonly wasOpen = new Set<string>();
  private racyCounter = 0;

  constructor(private readonly results: Results) {}

  /** The workspace folders (file-system paths) whose files are reported. */
  setRoots(roots: string[]): void {
    this.roots = [...new Set(roots)];
    this.walked = undefined;
  }

  /** Workspace folders added and removed (`workspace/didChangeWorkspaceFolders`): the next pull walks the new set. */
  changeRoots(added: string[], removed: string[]): void {
    this.setRoots([...this.roots.filter((r) => !removed.includes(r)), ...added]);
  }

  /** Settings or a configuration file changed: report every file afresh, and walk again. */
  invalidate(): void {
    this.generation++;
    this.walked = undefined;
  }

  /** A file was created or deleted: walk again at the next pull. */
  filesChanged(): void {
    this.walked = undefined;
  }

  private files(): Array<{ file: string; root: string }> {
    const now = Date.now();
    if (this.walked && now - this.walked.at < WALK_TTL_MS) return this.walked.files;
    const files = new Map<string, string>();
    for (const root of this.roots) {
      try {
        // A file under nested folders belongs to the innermost one (whose settings apply to it).
        for (const f of collectFiles([root], root)) if (!isNotebookPath(f) && (files.get(f)?.length ?? -1) < root.length) files.set(f, root);
      } catch {
        // A folder that went away or cannot be read reports nothing.
      }
    }
    this.walked = { at: now, files: [...files].map(([file, root]) => ({ file, root })) };
    return this.walked.files;
  }

  async report(previous: ReadonlyArray<{ uri: string; value: string }>, token: CancellationToken, hooks: WorkspaceHooks): Promise<WorkspaceDiagnosticReport> {
    // Files are known by their path: a client spells URIs its own way (VS Code encodes `(`, `)`, `@`, a drive's `:`), and
    // each report answers in the client's spelling when it has one, so a file is never reported under two names.
    const before = new Map<string, { uri: string; value: string }>();
    for (const p of previous) {
      const key = pathKey(p.uri);
      if (key) before.set(key, p);
    }
    const open = new Set([...hooks.openUris()].map(pathKey).filter((k): k is string => !!k));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    let pending: WorkspaceDocumentDiagnosticReport[] = [];
    const add = (item: WorkspaceDocumentDiagnosticReport): void => {
      if (hooks.partial) pending.push(item);
      else items.push(item);
    };
    const flush = (): void => {
      if (hooks.partial && pending.length) hooks.partial(pending);
      pending = [];
    };
    let count = 0;
    for (const { file, root } of this.files()) {
      // (A stat per file: let other requests in, and see a cancellation, every so often in a large workspace.)
      if (++count % 500 === 0) await hooks.yieldTo(token);
      const key = fileKey(file);
      if (open.has(key)) {
        // Its result id, if the client has one, is from before it was opened: report it afresh once it closes (its
        // edits may have been discarded).
        this.wasOpen.add(key);
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        continue; // gone since the walk: cleared below if it was reported
      }
      const config = this.results.config.forPath(file);
      if (config.ok && config.config && isExcluded(config.config, file)) continue;
      seen.add(key);
      const uri = before.get(key)?.uri ?? pathToFileURL(file).href;
      // A file modified within the file system's timestamp granularity of now may change again with the same size and
      // time (git's "racy" entries): its result id is then never reused.
      const racy = Date.now() - stat.mtimeMs < RACY_MS;
      const resultId = `${this.generation}:${stat.size}:${stat.mtimeMs}${racy ? `:${++this.racyCounter}` : ''}`;
      if (before.get(key)?.value === resultId && !this.wasOpen.has(key)) {
        add({ kind: 'unchanged', uri, version: null, resultId });
        continue;
      }
      this.wasOpen.delete(key);
      await hooks.yieldTo(token);
      add({ kind: 'full', uri, version: null, resultId, items: this.diagnose(file, uri, await hooks.settings(pathToFileURL(root).href)) });
      if (pending.length >= 20) flush();
    }
    // Reported before and not now: clear them.
    for (const [key, p] of before) if (!seen.has(key) && !open.has(key)) add({ kind: 'full', uri: p.uri, version: null, items: [] });
    flush();
    return { items };
  }

  /** The diagnostics of one file as read from disk, with the settings the editor would use for it. */
  private diagnose(file: string, uri: string, settings: Settings): Diagnostic[] {
    if (!settings.enable) return [];
    const loaded = readDocument(file);
    let findings: Finding[];
    if (!loaded.ok) {
      // As the CLI says it: a file that cannot be read is named, never silently skipped.
      findings = [{ code: 'amlint', message: `amlint could not lint this file: ${loaded.message}`, severity: 'warning', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
    } else {
      const snapshot: Snapshot = { key: uri, kind: 'file', stamp: '', input: loaded.input, cellUris: [] };
      const result = lint(loaded.input, this.results.engineSettings(snapshot, settings));
      findings = result.fatal ? [...result.findings, fatalFinding(snapshot, result.fatal)] : result.findings;
    }
    return diagnosticsByUri(findings, () => uri, [uri]).get(uri) ?? [];
  }
}

/** The file-system paths of the workspace folders an `initialize` request names (`workspaceFolders`, else `rootUri`/`rootPath`). */
export function workspaceRoots(params: { workspaceFolders?: Array<{ uri: string }> | null; rootUri?: string | null; rootPath?: string | null }): string[] {
  const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)).filter((p): p is string => !!p) ?? [];
  if (folders.length) return folders;
  const root = params.rootUri ? pathOf(params.rootUri) : params.rootPath ?? undefined;
  return root ? [root] : [];
}
