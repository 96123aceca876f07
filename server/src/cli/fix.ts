/**
 * `--fix`, `--unsafe-fixes` and `--diff`: apply fixes to a loaded file and write it back
 * atomically (temp file + rename, same mode), or show the change as a unified diff. A notebook
 * keeps everything but the edited sources (see engine/notebook-json.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { fixDocument, writeNotebookCells, type EngineSettings, type Finding } from '../engine';
import type { Loaded } from './read';

export interface FixOutcome {
  /** Findings after fixing (what is reported). */
  findings: Finding[];
  applied: number;
  /** The new file text, when something changed. */
  newText?: string;
  /** Why fixes could not be written, if so. */
  problem?: string;
  /** The file could not be analysed (LintResult.fatal), e.g. nested too deeply. */
  fatal?: string;
}

/** Computes the fixed text of a file. Never touches the disk. */
export function computeFixes(loaded: Extract<Loaded, { ok: true }>, settings: EngineSettings, unsafe: boolean): FixOutcome {
  const result = fixDocument(loaded.input, settings, { unsafe });
  if (result.fatal) return { findings: result.findings, applied: 0, fatal: result.fatal };
  if (!result.applied) return { findings: result.findings, applied: 0 };
  if (!loaded.writable) return { findings: result.findings, applied: 0, problem: 'fixes not written: the file is not UTF-8' };
  let text: string | undefined;
  if (result.output.kind === 'notebook' && loaded.input.kind === 'notebook') {
    text = writeNotebookCells(loaded.original, loaded.input.cells, result.output.cells);
    if (text === undefined) return { findings: result.findings, applied: 0, problem: 'fixes not written: the notebook layout is not one amlint can edit in place' };
  } else if (result.output.kind !== 'notebook') {
    text = result.output.text;
  }
  if (text === undefined || text === loaded.original) return { findings: result.findings, applied: 0 };
  return { findings: result.findings, applied: result.applied, newText: (loaded.bom ? '\uFEFF' : '') + text };
}

/** A unified diff of a fix, with paths relative to the working directory. */
export function fixDiff(displayPath: string, loaded: Extract<Loaded, { ok: true }>, newText: string): string {
  const before = (loaded.bom ? '\uFEFF' : '') + loaded.original;
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, newText, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}

/** Temp files are `.<name>.amlint-<pid>-<time>.tmp` next to the file: hidden, never linted. */
const TEMP_RE = /^\.(.+)\.amlint-(\d+)-\d+\.tmp$/;

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.amlint-${process.pid}-${Date.now()}.tmp`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

/**
 * Removes the temp files a killed `amlint --fix` left next to `file` (issue 8: after SIGKILL
 * the rename never happened, so the file itself is intact and its temp file is garbage). Only
 * temp files of processes that are gone are removed; a run in progress keeps its own.
 */
export function removeStaleTempFiles(file: string): void {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m || m[1] !== path.basename(file) || processAlive(Number(m[2]))) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // not ours to worry about: the next run tries again
    }
  }
}

/**
 * Writes `text` to `file` atomically: a temp file in the same directory, flushed to disk, then
 * renamed over the file, so a crash or a kill at any moment leaves either the old or the new
 * content, never a mix. Keeps the file's mode (and, where permitted, owner). Writes through a
 * symbolic link to its target, so the link stays a link. Refuses when the file changed since it
 * was read (`expected` is its decoded text then, `expectedBom` whether it began with a UTF-8
 * BOM), so an editor's save is never overwritten.
 */
export function writeAtomically(file: string, text: string, expected: string, expectedBom: boolean): void {
  const target = fs.realpathSync(file);
  // Compare bytes, not decoded text: any change at all (even one invisible once decoded) counts.
  const then = Buffer.concat([Buffer.from(expectedBom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(expected, 'utf8')]);
  if (!fs.readFileSync(target).equals(then)) {
    throw new Error('the file changed while amlint was running; not overwritten');
  }
  const st = fs.statSync(target);
  removeStaleTempFiles(target);
  const tmp = tempName(target);
  try {
    const fd = fs.openSync(tmp, 'wx', st.mode & 0o7777);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, st.mode & 0o7777);
    try {
      fs.chownSync(tmp, st.uid, st.gid);
    } catch {
      // not permitted (not root, another owner): the file becomes ours, as with any editor
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
