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
}

/** Computes the fixed text of a file. Never touches the disk. */
export function computeFixes(loaded: Extract<Loaded, { ok: true }>, settings: EngineSettings, unsafe: boolean): FixOutcome {
  const result = fixDocument(loaded.input, settings, { unsafe });
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

/**
 * Writes `text` to `file` atomically, keeping its mode. Refuses when the file changed since it
 * was read (`expected` is its content then), so an editor's save is never overwritten.
 */
export function writeAtomically(file: string, text: string, expected: string, expectedBom: boolean): void {
  const now = fs.readFileSync(file, 'utf8');
  if (now !== (expectedBom ? '\uFEFF' : '') + expected && now !== expected) {
    throw new Error('the file changed while amlint was running; not overwritten');
  }
  const st = fs.statSync(file);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.amlint-${process.pid}-${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode: st.mode & 0o7777 });
    fs.chmodSync(tmp, st.mode & 0o7777);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
