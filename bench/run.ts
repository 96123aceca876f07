/**
 * `npm run bench`: amlint's performance, side by side with Ruff's banned-api check, in one run
 * on the same generated inputs, printed as one table (see docs/performance.md).
 *
 *   node out/bench/run.js [--scales 1,4,16] [--repeat 3] [--edits 100] [--interval 100]
 *                         [--only cli,cache,lsp] [--json FILE] [--quick] [--keep]
 *
 * Every measurement runs in a fresh process: the CLI is spawned as a user runs it
 * (`node bin/amlint.js --format json --no-cache <paths>`, output to a file); the in-process
 * figures (Ruff, bare parse, the engine on one thread) each get a child process of their own
 * (bench/inproc.ts). Each figure is the median of `--repeat` runs, taken in rotating order so
 * that a burst of load on the machine does not always hit the same tool.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateTree, largeNotebookCells, largeV1File, pythonDocuments, pythonFile, Rng, type GeneratedTree } from './generate';
import { measureLsp, type LspResults } from './lsp';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'amlint.js');
const INPROC = path.join(__dirname, 'inproc.js');

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  scales: number[];
  repeat: number;
  edits: number;
  intervalMs: number;
  only: Set<string>;
  json?: string;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { scales: [1, 4, 16], repeat: 3, edits: 100, intervalMs: 100, only: new Set(['cli', 'cache', 'lsp']), keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = (): string => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      return value;
    };
    if (a === '--scales') o.scales = v().split(',').map(Number);
    else if (a === '--repeat') o.repeat = Number(v());
    else if (a === '--edits') o.edits = Number(v());
    else if (a === '--interval') o.intervalMs = Number(v());
    else if (a === '--only') o.only = new Set(v().split(','));
    else if (a === '--json') o.json = v();
    else if (a === '--keep') o.keep = true;
    else if (a === '--quick') Object.assign(o, { scales: [1, 4], repeat: 1, edits: 30 });
    else throw new Error(`unknown option ${a}`);
  }
  if (o.scales.some((s) => !Number.isInteger(s) || s < 1) || !(o.repeat >= 1)) throw new Error('bad --scales or --repeat');
  return o;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Timed {
  wall: number;
  /** CPU time (user + sys) of the spawned process and its threads, ms. */
  cpu: number;
  status: number;
}

/**
 * Spawns the CLI as a user would and times it: wall time around the spawn, CPU time from the
 * shell's `times` (children's user and system time), output to a file.
 */
function runCli(cwd: string, args: string[], outFile: string): Timed {
  const script = 'out="$1"; shift; "$@" > "$out"; s=$?; times >&2; exit $s';
  const t0 = performance.now();
  const r = spawnSync('/bin/sh', ['-c', script, 'sh', outFile, process.execPath, BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t0;
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) throw new Error(`amlint exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  const lines = r.stderr.trim().split('\n');
  const children = lines[lines.length - 1]!.trim().split(/\s+/).map(seconds);
  return { wall, cpu: (children[0]! + children[1]!) * 1000, status: r.status };
}

/** `0m3.330s` (POSIX `times`) → seconds. */
function seconds(s: string): number {
  const m = /^(\d+)m([\d.]+)s$/.exec(s);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
}

interface InProc {
  load: number;
  work: number;
  total: number;
  files: number;
  findings: number;
}

function runInProc(mode: 'amlint' | 'parse' | 'ruff', list: string): InProc {
  const r = spawnSync(process.execPath, [INPROC, mode, list], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`inproc ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as InProc;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface ScaleResult {
  scale: number;
  py: number;
  notebooks: number;
  lines: number;
  mb: number;
  cliAll: number;
  cliAllCpu: number;
  /** The same with --jobs 1. */
  cliAllOne: number;
  cliAllStylish: number;
  cliPy: number;
  cliPyCpu: number;
  ruff: number;
  ruffWithLoad: number;
  enginePy: number;
  parsePy: number;
  parseAll: number;
  findingsAll: number;
  ruffFindings: number;
  identical: boolean;
}

function measureScale(tree: GeneratedTree, scale: number, repeat: number, work: string): ScaleResult {
  const pyList = path.join(work, `py-${scale}.txt`);
  const allList = path.join(work, `all-${scale}.txt`);
  fs.writeFileSync(pyList, tree.py.join('\n') + '\n');
  fs.writeFileSync(allList, [...tree.py, ...tree.notebooks].join('\n') + '\n');
  const relPy = tree.py.map((f) => path.relative(tree.root, f));
  const out = path.join(work, `out-${scale}.json`);

  const samples: Record<string, number[]> = {};
  const add = (k: string, v: number): void => void (samples[k] ??= []).push(v);
  let ruffFindings = 0;
  const steps: Array<() => void> = [
    () => {
      const t = runCli(tree.root, ['--format', 'json', '--no-cache', '.'], out);
      add('cliAll', t.wall);
      add('cliAllCpu', t.cpu);
    },
    () => add('cliAllOne', runCli(tree.root, ['--format', 'json', '--no-cache', '--jobs', '1', '.'], path.join(work, `out-${scale}-j1.json`)).wall),
    // The default (stylish) output shows no suggestions, so it skips chain suggestions (engine chains.ts).
    () => add('cliAllStylish', runCli(tree.root, ['--no-cache', '.'], path.join(work, `out-${scale}-stylish.txt`)).wall),
    () => {
      const t = runCli(tree.root, ['--format', 'json', '--no-cache', ...relPy], path.join(work, `out-py-${scale}.json`));
      add('cliPy', t.wall);
      add('cliPyCpu', t.cpu);
    },
    () => {
      const r = runInProc('ruff', pyList);
      add('ruff', r.work);
      add('ruffWithLoad', r.total);
      ruffFindings = r.findings;
    },
    () => add('enginePy', runInProc('amlint', pyList).work),
    () => add('parsePy', runInProc('parse', pyList).work),
    () => add('parseAll', runInProc('parse', allList).work),
  ];
  for (let rep = 0; rep < repeat; rep++) {
    for (let i = 0; i < steps.length; i++) steps[(i + rep) % steps.length]!();
    process.stderr.write('.');
  }

  // Correctness: one thread and the worker pool print the same report.
  const single = path.join(work, `out-${scale}-j1.json`);
  const identical = fs.readFileSync(single, 'utf8') === fs.readFileSync(out, 'utf8');
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{ messages: unknown[] }>;
  const m = (k: string): number => median(samples[k]!);
  return {
    scale,
    py: tree.py.length,
    notebooks: tree.notebooks.length,
    lines: tree.lines,
    mb: tree.bytes / 1e6,
    cliAll: m('cliAll'),
    cliAllCpu: m('cliAllCpu'),
    cliAllOne: m('cliAllOne'),
    cliAllStylish: m('cliAllStylish'),
    cliPy: m('cliPy'),
    cliPyCpu: m('cliPyCpu'),
    ruff: m('ruff'),
    ruffWithLoad: m('ruffWithLoad'),
    enginePy: m('enginePy'),
    parsePy: m('parsePy'),
    parseAll: m('parseAll'),
    findingsAll: report.reduce((n, f) => n + f.messages.length, 0),
    ruffFindings,
    identical,
  };
}

interface CacheResult {
  scale: number;
  cold: number;
  warm: number;
  identical: boolean;
}

function measureCache(tree: GeneratedTree, scale: number, repeat: number, work: string): CacheResult {
  const location = path.join(work, `cache-${scale}`);
  const cold: number[] = [];
  const warm: number[] = [];
  const args = ['--format', 'json', '--cache', '--cache-location', location, '.'];
  for (let rep = 0; rep < repeat; rep++) {
    fs.rmSync(location, { recursive: true, force: true });
    cold.push(runCli(tree.root, args, path.join(work, 'cache-cold.json')).wall);
    warm.push(runCli(tree.root, args, path.join(work, 'cache-warm.json')).wall);
    process.stderr.write('.');
  }
  const plain = path.join(work, `out-${scale}.json`);
  const identical =
    fs.readFileSync(path.join(work, 'cache-warm.json'), 'utf8') === fs.readFileSync(path.join(work, 'cache-cold.json'), 'utf8') &&
    (!fs.existsSync(plain) || fs.readFileSync(plain, 'utf8') === fs.readFileSync(path.join(work, 'cache-warm.json'), 'utf8'));
  return { scale, cold: median(cold), warm: median(warm), identical };
}

// ---------------------------------------------------------------------------------------------
// The table

function machine(): string[] {
  const cpus = os.cpus();
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length;
  const version = (p: string): string => {
    try {
      return (JSON.parse(fs.readFileSync(path.join(ROOT, p, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return [
    `Machine: ${cores} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}`,
    `Load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (figures are noisy when this is above the core count)`,
    `amlint ${version('.')} (--jobs default: ${cores}), Ruff ${version('node_modules/@astral-sh/ruff-wasm-nodejs')} (@astral-sh/ruff-wasm-nodejs), tree-sitter ${version('node_modules/tree-sitter')} + tree-sitter-python ${version('node_modules/tree-sitter-python')}`,
  ];
}

type Cell = string;

function fmtMs(ms: number): Cell {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

function fmtRatio(r: number): Cell {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

function verdict(ok: boolean | undefined): Cell {
  return ok === undefined ? '' : ok ? 'met' : 'MISSED';
}

export function table(scales: ScaleResult[], cache: CacheResult | undefined, lsp: LspResults | undefined, repeat: number): string {
  const rows: Array<[string, ...Cell[]]> = [];
  const cols = scales.map((s) => `${s.scale}×`);
  const header: [string, ...Cell[]] = ['', ...cols, 'target', ''];
  const per = (f: (s: ScaleResult) => Cell): Cell[] => scales.map(f);
  const pad = (cells: Cell[]): Cell[] => [...cells, ...Array(Math.max(0, scales.length - cells.length)).fill('')];
  const section = (title: string): void => void rows.push([title, ...Array(scales.length + 2).fill('')]);
  const first = scales[0];
  const last = scales[scales.length - 1];

  if (scales.length) {
    section(`CLI on a generated tree (median of ${repeat}; wall time)`);
    rows.push(['  files: .py / .ipynb', ...per((s) => `${s.py} / ${s.notebooks}`), '', '']);
    rows.push(['  lines of Python (.py + code cells)', ...per((s) => s.lines.toLocaleString('en-US')), '', '']);
    rows.push(['  amlint CLI, all files', ...per((s) => fmtMs(s.cliAll)), '', '']);
    rows.push(['    CPU time (all threads)', ...per((s) => fmtMs(s.cliAllCpu)), '', '']);
    rows.push(['    with --jobs 1 (one thread)', ...per((s) => fmtMs(s.cliAllOne)), '', '']);
    rows.push(['    default output (no chain suggestions)', ...per((s) => fmtMs(s.cliAllStylish)), '', '']);
    rows.push(['  amlint CLI, .py files only', ...per((s) => fmtMs(s.cliPy)), '', '']);
    rows.push(['  Ruff TID251, .py files (in-process: read + check)', ...per((s) => fmtMs(s.ruff)), '', '']);
    rows.push(['    + loading Ruff (wasm, Workspace)', ...per((s) => fmtMs(s.ruffWithLoad)), '', '']);
    const vsRuff = scales.map((s) => s.cliPy / s.ruff);
    rows.push(['  amlint CLI / Ruff (.py files)', ...vsRuff.map(fmtRatio), '≤ 1', verdict(vsRuff.every((r) => r <= 1))]);
    rows.push(['  amlint engine, .py, one thread (in-process)', ...per((s) => fmtMs(s.enginePy)), '', '']);
    rows.push(['    amlint engine / Ruff, one thread each', ...per((s) => fmtRatio(s.enginePy / s.ruff)), '', '']);
    rows.push(['  tree-sitter parse, all files (floor, one thread)', ...per((s) => fmtMs(s.parseAll)), '', '']);
    rows.push(['  tree-sitter parse, .py files', ...per((s) => fmtMs(s.parsePy)), '', '']);
    rows.push(['  amlint CLI / parse (all files)', ...per((s) => fmtRatio(s.cliAll / s.parseAll)), '', '']);
    rows.push(['  amlint CLI per file, all files', ...per((s) => `${(s.cliAll / (s.py + s.notebooks)).toFixed(2)} ms`), '', '']);
    rows.push(['  Ruff per .py file', ...per((s) => `${(s.ruff / s.py).toFixed(2)} ms`), '', '']);
    const growth = scales.map((s) => s.cliAll / (s.py + s.notebooks) / (first!.cliAll / (first!.py + first!.notebooks)));
    rows.push(['  growth: amlint per-file time vs 1×', ...growth.map(fmtRatio), 'linear (≤ 1.2×)', verdict(growth.every((g) => g <= 1.2))]);
    rows.push(['  findings: amlint (all files) / Ruff (.py)', ...per((s) => `${s.findingsAll} / ${s.ruffFindings}`), '', '']);
    rows.push(['  --jobs 1 report identical to default --jobs', ...per((s) => (s.identical ? 'yes' : 'NO')), '', verdict(scales.every((s) => s.identical))]);
  }
  if (cache) {
    section(`Cache (${cache.scale}× tree, all files)`);
    rows.push(['  cold run (--cache, empty cache)', ...pad([fmtMs(cache.cold)]), '', '']);
    rows.push(['  warm run (--cache, nothing changed)', ...pad([fmtMs(cache.warm)]), '', '']);
    rows.push(['  speed-up, warm vs cold', ...pad([fmtRatio(cache.cold / cache.warm)]), '≥ 5×', verdict(cache.cold / cache.warm >= 5)]);
    rows.push(['  warm report identical to cold and uncached', ...pad([cache.identical ? 'yes' : 'NO']), '', verdict(cache.identical)]);
  }
  if (lsp) {
    section('Language server');
    rows.push(['  first diagnostics, from spawn + initialize (median of 5)', ...pad([fmtMs(lsp.firstDiagnostics.fromSpawn)]), '≤ 300 ms', verdict(lsp.firstDiagnostics.fromSpawn <= 300)]);
    rows.push(['    from the end of the initialize handshake', ...pad([fmtMs(lsp.firstDiagnostics.fromInitialized)]), '', '']);
    const f = lsp.file;
    rows.push([`  edit → diagnostics, 5,000-line v1 file: p50 / p95`, ...pad([`${fmtMs(f.p50)} / ${fmtMs(f.p95)}`]), 'p95 ≤ 20 ms', verdict(f.p95 <= 20)]);
    rows.push([`    ${f.edits} edits; merged by debounce; first analysis`, ...pad([`${f.merged} merged; open ${fmtMs(f.open)}`]), '', '']);
    const fs2 = lsp.fileSdk;
    if (fs2) {
      rows.push([`    the same, typing in SDK code (the rules run): p50 / p95`, ...pad([`${fmtMs(fs2.p50)} / ${fmtMs(fs2.p95)}`]), '', '']);
    }
    const q = lsp.quickFix;
    rows.push([`    quick fixes under the cursor: first (an import's) / p50 / max`, ...pad([`${fmtMs(q.first)} / ${fmtMs(q.p50)} / ${fmtMs(q.max)}`]), '', '']);
    rows.push([`      ${q.requests} requests; with a rewrite into SDK v2`, ...pad([`${q.withSuggestion}`]), '', '']);
    const n = lsp.notebook;
    rows.push([`  edit → diagnostics, 300-cell notebook: p50 / p95`, ...pad([`${fmtMs(n.p50)} / ${fmtMs(n.p95)}`]), 'p95 ≤ 30 ms', verdict(n.p95 <= 30)]);
    rows.push([`    ${n.edits} edits; merged by debounce; first analysis`, ...pad([`${n.merged} merged; open ${fmtMs(n.open)}`]), '', '']);
    const m = lsp.memory;
    rows.push(['  RSS at start', ...pad([`${m.start.toFixed(0)} MB`]), '', '']);
    rows.push([`  RSS with ${m.documents} documents open`, ...pad([`${m.open.toFixed(0)} MB`]), '≤ 150 MB', verdict(m.open <= 150)]);
    rows.push([`  RSS after closing them (5 s idle)`, ...pad([`${m.closed.toFixed(0)} MB`]), 'near start', verdict(m.closed <= m.start * 1.5)]);
    rows.push([`    time to diagnostics for all ${m.documents}`, ...pad([fmtMs(m.openAllMs)]), '', '']);
    const w = lsp.workspace;
    rows.push([`  workspace diagnostics, ${w.files} files not open: first pull`, ...pad([fmtMs(w.firstMs)]), '', '']);
    rows.push([`    the next pulls, nothing changed (median of 5)`, ...pad([fmtMs(w.unchangedMs)]), '', '']);
    rows.push([`    files with findings`, ...pad([`${w.withFindings}`]), '', '']);
  }
  if (last && !cache && !lsp && rows.length === 0) return '';

  const all = [header, ...rows];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: Cell[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').replace(/\s+$/, '');
  return all.map(line).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-bench-'));
  const header = machine();
  process.stderr.write(`${header.join('\n')}\nworking in ${work}\n`);
  const scales: ScaleResult[] = [];
  let cache: CacheResult | undefined;
  let lsp: LspResults | undefined;
  try {
    const trees = new Map<number, GeneratedTree>();
    const treeFor = (scale: number): GeneratedTree => {
      let t = trees.get(scale);
      if (!t) trees.set(scale, (t = generateTree(path.join(work, `tree-${scale}x`), scale)));
      return t;
    };
    if (o.only.has('cli')) {
      for (const scale of o.scales) {
        process.stderr.write(`CLI ${scale}× `);
        scales.push(measureScale(treeFor(scale), scale, o.repeat, work));
        process.stderr.write('\n');
      }
    }
    if (o.only.has('cache')) {
      const scale = Math.max(...o.scales);
      process.stderr.write(`cache ${scale}× `);
      cache = measureCache(treeFor(scale), scale, o.repeat, work);
      process.stderr.write('\n');
    }
    if (o.only.has('lsp')) {
      process.stderr.write('language server...\n');
      lsp = await measureLsp({
        firstDoc: pythonFile(new Rng(7), 'v1', 300),
        largeFile: largeV1File(5000),
        notebookCells: largeNotebookCells(300),
        manyDocs: pythonDocuments(500),
        edits: o.edits,
        intervalMs: o.intervalMs,
      });
    }
  } finally {
    if (!o.keep) fs.rmSync(work, { recursive: true, force: true });
  }

  const stamp = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  process.stdout.write(`\namlint benchmark, ${stamp}\n${header.join('\n')}\n\n${table(scales, cache, lsp, o.repeat)}`);
  process.stdout.write(
    '\nCLI: spawned as a user runs it (`node bin/amlint.js --format json --no-cache`), output to a file. Ruff: the same .py\n' +
      'files read from disk and checked one by one with Workspace.check in one process, select = ["TID251"] and the SDK v1\n' +
      'packages as banned-api entries (bench/inproc.ts). Reproduce: npm run bench (docs/performance.md).\n',
  );
  if (o.json) fs.writeFileSync(o.json, JSON.stringify({ date: stamp, machine: header, scales, cache, lsp }, null, 2) + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
