/**
 * Turns bytes (a file or stdin) into the engine's DocumentInput, or into the one-line reason
 * the file cannot be linted (binary, undecodable, too large, not a notebook...).
 *
 * Python files are UTF-8 (a BOM is dropped: it is not a column, so positions do not move),
 * unless a PEP 263 coding declaration on line 1 or 2 names another encoding. Notebooks are
 * UTF-8 JSON (UTF-16 with a BOM is accepted too).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDecoder } from 'node:util';
import { parse as parseJsonTolerant, type ParseError } from 'jsonc-parser';
import { fileKindOf, isYamlName, parseNotebook, type DocumentInput } from '../engine';

export type Loaded =
  | {
      ok: true;
      input: DocumentInput;
      /** The decoded text as read (notebook JSON for notebooks), for writing fixes back. */
      original: string;
      /** The file started with a UTF-8 byte order mark (written back as it was). */
      bom: boolean;
      /** Fixes can be written back only to UTF-8 files. */
      writable: boolean;
      /** A problem that did not stop linting (e.g. notebook JSON that had to be recovered). */
      warning?: string;
    }
  | { ok: false; message: string };

/**
 * Larger `.py` (and dependency/script) files are reported, not parsed: they are generated code
 * or data dumped as Python. Analysis is linear but memory-hungry (a 3 MB file of 70,000 v1
 * calls: ~8 s and ~750 MB), so the default stays at 4 MiB; `--max-file-size` raises it.
 */
export const MAX_PYTHON_BYTES = 4 * 1024 * 1024;
/** Notebooks carry outputs (images, tables), so they get more room. */
export const MAX_NOTEBOOK_BYTES = 200 * 1024 * 1024;

export function isNotebookPath(p: string): boolean {
  return path.extname(p).toLowerCase() === '.ipynb';
}

function mib(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** A size for messages: bytes below 1 MiB (a `--max-file-size 500` limit reads as 500 bytes). */
function size(n: number): string {
  return n < 1024 * 1024 ? `${n} byte${n === 1 ? '' : 's'}` : mib(n);
}

/**
 * The size limit for a file: `--max-file-size` when given (every kind of file), else 4 MiB for
 * Python and text files and 200 MiB for notebooks.
 */
export function sizeLimit(filePath: string, maxBytes?: number): number {
  return maxBytes ?? (isNotebookPath(filePath) ? MAX_NOTEBOOK_BYTES : MAX_PYTHON_BYTES);
}

/** The message of a file over the limit (issue 8: clear about what was skipped and why). */
function tooLarge(bytes: number, limit: number, explicit: boolean): string {
  return `file too large to lint (${size(bytes)}; the limit is ${size(limit)}${explicit ? ', set by --max-file-size' : '; raise it with --max-file-size'}); skipped`;
}

function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOENT':
      return 'no such file (it may have been deleted while amlint ran)';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return err.message ?? String(e);
  }
}

/** Reads and decodes one file (`maxBytes`: `--max-file-size`). Never throws. */
export function readDocument(filePath: string, maxBytes?: number): Loaded {
  const limit = sizeLimit(filePath, maxBytes);
  let bytes: Buffer;
  try {
    const st = fs.statSync(filePath);
    if (st.isDirectory()) return { ok: false, message: 'cannot read file: is a directory' };
    // A FIFO would block the run forever and a device such as /dev/zero never ends (issue 8).
    if (!st.isFile()) return { ok: false, message: 'cannot read file: not a regular file (a pipe, socket or device); skipped' };
    if (st.size > limit) return { ok: false, message: tooLarge(st.size, limit, maxBytes !== undefined) };
    bytes = fs.readFileSync(filePath);
  } catch (e) {
    // A name that is not valid UTF-8 comes back from readdir with U+FFFD in it, and no file
    // has that name: say what is wrong rather than "no such file" (issue 8).
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && filePath.includes('\uFFFD')) {
      return { ok: false, message: 'cannot read file: its name is not valid UTF-8 (rename it to lint it)' };
    }
    return { ok: false, message: `cannot read file: ${describeFsError(e)}` };
  }
  return loadDocument(bytes, filePath, maxBytes);
}

/** Decodes bytes read from `filePath` (or named so with --stdin-filename). Never throws. */
export function loadDocument(bytes: Uint8Array, filePath: string, maxBytes?: number): Loaded {
  const notebook = isNotebookPath(filePath);
  const limit = sizeLimit(filePath, maxBytes);
  // Checked again here: the file may have grown since it was stat'ed, and stdin has no stat.
  if (bytes.length > limit) return { ok: false, message: tooLarge(bytes.length, limit, maxBytes !== undefined) };
  try {
    if (notebook) return loadNotebook(bytes, filePath);
    // A YAML file is text whatever its name: the engine tells a conda environment or a CI
    // pipeline from its content (engine/textfiles.ts fileKindOf), and reports nothing for others.
    const kind = fileKindOf(filePath);
    return (kind && kind !== 'python') || isYamlName(filePath) ? loadText(bytes, filePath) : loadPython(bytes, filePath);
  } catch (e) {
    // Never throw (issue 8): an unexpected failure on one file must not stop the others.
    return { ok: false, message: `cannot read file: ${(e as Error)?.message ?? String(e)}` };
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Dependency files and scripts: UTF-8 text. */
function loadText(bytes: Uint8Array, filePath: string): Loaded {
  if (bytes.includes(0)) return { ok: false, message: 'binary file (contains NUL bytes); not linted' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: describeInvalidUtf8(bytes) };
  }
  return { ok: true, input: { kind: 'text', text, path: filePath }, original: text, bom: startsWith(bytes, UTF8_BOM), writable: true };
}

function loadPython(bytes: Uint8Array, filePath: string): Loaded {
  const decoded = decodePython(bytes);
  if ('error' in decoded) return { ok: false, message: decoded.error };
  const cookie = codingDeclaration(bytes);
  const writable = !cookie || UTF8_NAMES.has(cookie.name.toLowerCase());
  return { ok: true, input: { kind: 'python', text: decoded.text, path: filePath }, original: decoded.text, bom: startsWith(bytes, UTF8_BOM), writable };
}

function loadNotebook(bytes: Uint8Array, filePath: string): Loaded {
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      text = new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: `invalid notebook: not valid ${label.toUpperCase()} text` };
    }
  } else {
    if (bytes.includes(0)) return { ok: false, message: 'invalid notebook: binary file (contains NUL bytes)' };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, message: `invalid notebook: ${describeInvalidUtf8(bytes)}` };
    }
  }
  let nb = parseNotebook(text);
  let warning: string | undefined;
  if ('error' in nb) {
    // A notebook with a JSON slip (a missing comma after a hand edit or a merge) still has
    // readable cells: lint what the tolerant parser recovers, and say the file is broken.
    const recovered = recoverNotebook(text);
    if (!recovered) return { ok: false, message: nb.error };
    nb = recovered;
    warning = `${nbError(text)}; the cells that could be read were linted, but Jupyter cannot open this file`;
  }
  const cells = nb.cells.map((c) =>
    c.kind === 'code' && c.language === undefined && nb.language !== undefined ? { ...c, language: nb.language } : c,
  );
  const utf8 = !(startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]));
  return { ok: true, input: { kind: 'notebook', cells, path: filePath }, original: text, bom: startsWith(bytes, UTF8_BOM), writable: utf8 && !warning, warning };
}

function nbError(text: string): string {
  const r = parseNotebook(text);
  return 'error' in r ? r.error : 'invalid notebook';
}

/** The notebook that jsonc-parser's error-tolerant parse makes of broken JSON, if it has cells. */
function recoverNotebook(text: string): Extract<ReturnType<typeof parseNotebook>, { cells: unknown }> | undefined {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseJsonTolerant(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch {
    return undefined; // JSON nested too deeply for the recursive parser: nothing to recover
  }
  if (!errors.length || !value || typeof value !== 'object' || !Array.isArray((value as { cells?: unknown }).cells)) return undefined;
  const again = parseNotebook(JSON.stringify(value));
  return 'error' in again ? undefined : again;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const UTF8_NAMES = new Set(['utf8', 'utf-8', 'utf_8', 'u8', 'utf', 'cp65001', 'utf-8-sig', 'utf_8_sig']);

/** Python codec names that WHATWG TextDecoder spells differently. */
const CODEC_ALIASES: Record<string, string> = {
  'latin-1': 'latin1',
  'iso-latin-1': 'latin1',
  'l1': 'latin1',
  'cp932': 'shift_jis',
  'sjis': 'shift_jis',
  'ms932': 'shift_jis',
  'cp936': 'gbk',
  'ms936': 'gbk',
  'cp949': 'euc-kr',
  'cp950': 'big5',
  'ascii': 'us-ascii',
};

/**
 * The PEP 263 coding declaration: `# -*- coding: latin-1 -*-` (or `# vim: set fileencoding=...`)
 * on line 1, or on line 2 when line 1 is blank or a comment.
 */
export function codingDeclaration(bytes: Uint8Array): { name: string; line: number } | undefined {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const lines = head.split(/\r\n|\r|\n/, 2);
  const re = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? lines[0]!.replace(/^\uFEFF|^\xEF\xBB\xBF/, '') : lines[i]!;
    const m = re.exec(line);
    if (m) return { name: m[1]!, line: i + 1 };
    if (!/^[ \t\f]*(#.*)?$/.test(line)) return undefined;
  }
  return undefined;
}

function decoderFor(name: string): TextDecoder | undefined {
  const lower = name.toLowerCase();
  const candidates = [CODEC_ALIASES[lower], lower, lower.replace(/_/g, '-'), lower.replace(/[-_]/g, '')];
  for (const label of candidates) {
    if (!label) continue;
    try {
      return new TextDecoder(label, { fatal: true });
    } catch {
      // not a label this runtime knows
    }
  }
  return undefined;
}

export function decodePython(bytes: Uint8Array): { text: string } | { error: string } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { error: 'UTF-16 encoded file: Python source must be UTF-8 (or an ASCII-compatible encoding declared with a coding comment)' };
  }
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes); not linted' };
  const cookie = codingDeclaration(bytes);
  if (cookie && !UTF8_NAMES.has(cookie.name.toLowerCase())) {
    const decoder = decoderFor(cookie.name);
    if (!decoder) {
      return { error: `unsupported source encoding "${cookie.name}" (declared on line ${cookie.line})` };
    }
    try {
      return { text: decoder.decode(bytes) };
    } catch {
      return { error: `cannot decode the file as "${cookie.name}" (declared on line ${cookie.line})` };
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { error: describeInvalidUtf8(bytes) };
  }
}

/** Names the first byte that is not valid UTF-8, with its line and column. */
export function describeInvalidUtf8(bytes: Uint8Array): string {
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let from = 0;
  for (;;) {
    const idx = text.indexOf('\uFFFD', from);
    if (idx < 0) break;
    const prefix = text.slice(0, idx);
    const offset = Buffer.byteLength(prefix, 'utf8') + (hasBom ? 3 : 0);
    // A real U+FFFD in the file is EF BF BD; anything else is where decoding failed.
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      const line = prefix.split('\n').length;
      const column = idx - (prefix.lastIndexOf('\n') + 1) + 1;
      const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      return (
        `invalid UTF-8: byte 0x${byte} at line ${line}, column ${column} (offset ${offset}); ` +
        'save the file as UTF-8 or declare its encoding with a "# -*- coding: ... -*-" line'
      );
    }
    from = idx + 1;
  }
  return 'invalid UTF-8';
}
