/**
 * Helpers shared by the CLI tests: spawn the built `amlint` binary and read its ESLint-shaped
 * JSON, write fixture files, load the built engine.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
export const BIN = path.join(ROOT, 'bin', 'amlint.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
export interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  cell?: number;
  fatal?: boolean;
  /** ESLint's fix (the safe fix as one replacement). */
  fix?: JsonFix;
  /** ESLint's suggestions (amlint's SDK v2 rewrites). */
  suggestions?: Array<{ desc: string; fix: JsonFix }>;
}
/** A fix as the JSON carries it; in a notebook, `cells` lists each cell's edit when it spans cells. */
export interface JsonFix {
  range: [number, number];
  text: string;
  cells?: Array<{ cell: number; range: [number, number]; text: string }>;
}
export interface FileResult {
  filePath: string;
  messages: Message[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
}

export function amlint(cwd: string, args: string[], input?: string | Buffer, env: Record<string, string> = {}): Run {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('FORCE_COLOR' in env)) delete e.FORCE_COLOR;
  if (!('AMLINT_DEBUG' in env)) delete e.AMLINT_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: e, timeout: 120_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function parseJson(r: Run): FileResult[] {
  try {
    return JSON.parse(r.stdout) as FileResult[];
  } catch {
    assert.fail(`stdout is not JSON (exit ${r.status}):\n${r.stdout}\nstderr:\n${r.stderr}`);
  }
}

export function write(dir: string, rel: string, content: string | Buffer): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** The engine as built, loaded lazily so a broken engine fails only the tests that need it. */
export function engine(): typeof import('../../server/src/engine') {
  return require(path.join(ROOT, 'out', 'server', 'src', 'engine')) as typeof import('../../server/src/engine');
}


/** An nbformat-4 notebook of code cells, as JSON text. */
export function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((text) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: text.split(/(?<=\n)/) })),
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}
