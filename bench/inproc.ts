/**
 * In-process measurements, each run in a fresh child process by bench/run.ts (so one
 * measurement's JIT warm-up, heap or loaded modules never help or hurt another):
 *
 *   node out/bench/inproc.js amlint LISTFILE   read + decode + lint every file, one thread
 *   node out/bench/inproc.js parse  LISTFILE   read + bare tree-sitter parse (our floor)
 *   node out/bench/inproc.js ruff   LISTFILE   read + Ruff TID251 through @astral-sh/ruff-wasm-nodejs
 *
 * LISTFILE holds one absolute path a line. Prints one JSON line:
 *   { load, work, total, files, findings }   (milliseconds; `load` = loading the tool and
 *   building its configuration; `work` = reading and checking the files; total = load + work)
 */
import * as fs from 'node:fs';

/**
 * The v1 packages Ruff is told to ban: every `azureml.*` package of SDK v1 (the modules the
 * azureml-sdk meta-package installs), not the v2-era `azureml.*` packages (mlflow, fsspec,
 * featurestore, rag, ...) that must stay silent.
 */
export const V1_BANNED_MODULES: readonly string[] = [
  'azureml.core',
  'azureml.train',
  'azureml.pipeline',
  'azureml.data',
  'azureml.widgets',
  'azureml.automl',
  'azureml.contrib',
  'azureml.dataprep',
  'azureml.datadrift',
  'azureml.interpret',
  'azureml.explain',
  'azureml.tensorboard',
  'azureml.opendatasets',
  'azureml.accel',
  'azureml.exceptions',
  'azureml.telemetry',
  'azureml.responsibleai',
  'azureml.sdk',
];

/** Ruff settings: `select = ["TID251"]` and one `[lint.flake8-tidy-imports.banned-api]` entry per v1 module. */
export function ruffSettings(): Record<string, unknown> {
  const bannedApi: Record<string, { msg: string }> = {};
  for (const m of V1_BANNED_MODULES) bannedApi[m] = { msg: 'Azure ML SDK v1; use azure.ai.ml (SDK v2)' };
  return { lint: { select: ['TID251'], 'flake8-tidy-imports': { 'banned-api': bannedApi } } };
}

function readList(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
}

interface Measurement {
  load: number;
  work: number;
  total: number;
  files: number;
  findings: number;
}

function amlint(files: string[]): Measurement {
  const t0 = performance.now();
  /* eslint-disable @typescript-eslint/no-var-requires */
  const engine = require('../server/src/engine') as typeof import('../server/src/engine');
  const read = require('../server/src/cli/read') as typeof import('../server/src/cli/read');
  const t1 = performance.now();
  let findings = 0;
  for (const f of files) {
    const loaded = read.readDocument(f);
    if (loaded.ok) findings += engine.lint(loaded.input).findings.length;
  }
  const t2 = performance.now();
  return { load: t1 - t0, work: t2 - t1, total: t2 - t0, files: files.length, findings };
}

function parse(files: string[]): Measurement {
  const t0 = performance.now();
  const { parsePython } = require('../server/src/engine/parser') as typeof import('../server/src/engine/parser');
  parsePython(''); // loads the grammar
  const t1 = performance.now();
  let nodes = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    let code = text;
    if (f.endsWith('.ipynb')) {
      // The floor for a notebook: its code cells joined, as one parse (magics left in place).
      const nb = JSON.parse(text) as { cells?: Array<{ cell_type?: string; source?: string | string[] }> };
      code = (nb.cells ?? [])
        .filter((c) => c.cell_type === 'code')
        .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source ?? ''))
        .join('\n');
    }
    nodes += parsePython(code).rootNode.childCount;
  }
  const t2 = performance.now();
  return { load: t1 - t0, work: t2 - t1, total: t2 - t0, files: files.length, findings: nodes };
}

function ruff(files: string[]): Measurement {
  const t0 = performance.now();
  const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs') as typeof import('@astral-sh/ruff-wasm-nodejs');
  const workspace = new Workspace(ruffSettings(), PositionEncoding.Utf16);
  const t1 = performance.now();
  let findings = 0;
  for (const f of files) {
    const diagnostics = workspace.check(fs.readFileSync(f, 'utf8')) as unknown[];
    findings += diagnostics.length;
  }
  const t2 = performance.now();
  workspace.free();
  return { load: t1 - t0, work: t2 - t1, total: t2 - t0, files: files.length, findings };
}

if (require.main === module) {
  const [mode, list] = process.argv.slice(2);
  const files = list ? readList(list) : [];
  const run = mode === 'amlint' ? amlint : mode === 'parse' ? parse : mode === 'ruff' ? ruff : undefined;
  if (!run || !list) {
    process.stderr.write('usage: node out/bench/inproc.js amlint|parse|ruff LISTFILE\n');
    process.exit(2);
  }
  const m = run(files);
  process.stdout.write(JSON.stringify(m) + '\n');
  // Ruff's WebAssembly keeps compiler threads busy after the work; do not wait for them.
  process.exit(0);
}
