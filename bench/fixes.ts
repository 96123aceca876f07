/**
 * `node out/bench/fixes.js <dir> [--missing N] [--per-file FILE] [--keep]`: how much of a sample of
 * real code amlint's fixes migrate (the figures issue 4 is judged by, see docs/fixes.md).
 *
 * It copies <dir> to a temporary folder and runs the CLI there as a user would:
 *   1. `amlint --format json`: the AML1xx findings, and how many carry a fix or a suggestion;
 *   2. `amlint --fix --unsafe-fixes`, then `--format json` again: how many AML1xx findings are gone;
 *   3. `amlint --fix --unsafe-fixes` once more: a second run must change nothing;
 *   4. every file that parsed before the fixes must still parse (Python's own `ast` module, when
 *      `python3` is on the PATH — the code is parsed, never run; notebook magics are blanked first).
 * It prints one table; `--missing N` adds the N commonest AML1xx messages without a fix, and
 * `--per-file FILE` writes each file's AML1xx counts before and after (JSON) for diffing two builds.
 * The samples themselves live outside the repository; bench/corpora/*.tsv lists where each came from.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'amlint.js');

interface Message { ruleId: string | null; message: string; fix?: unknown; suggestions?: unknown[] }
interface FileResult { filePath: string; messages: Message[] }

function amlint(args: string[], cwd: string): FileResult[] | null {
  const json = args.includes('json');
  const out = path.join(os.tmpdir(), `amlint-fixes-${process.pid}.json`);
  const r = spawnSync(process.execPath, [BIN, '--no-config', '--no-cache', ...args, ...(json ? ['-o', out] : []), '.'], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status === 2) throw new Error(`amlint ${args.join(' ')} failed:\n${r.stderr}`);
  if (!json) return null;
  const text = fs.readFileSync(out, 'utf8');
  fs.rmSync(out, { force: true });
  return JSON.parse(text) as FileResult[];
}

const isAml1 = (m: Message): boolean => /^AML1\d\d$/.test(m.ruleId ?? '');
const carries = (m: Message): boolean => m.fix !== undefined || (m.suggestions?.length ?? 0) > 0;

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function hashes(dir: string): Map<string, string> {
  return new Map(walk(dir).map((f) => [path.relative(dir, f), createHash('sha1').update(fs.readFileSync(f)).digest('hex')]));
}

/** Python source of each file (a notebook's code cells, magics blanked), for the parse check. */
function pythonOf(file: string): string | null {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.py')) return text;
  if (!file.endsWith('.ipynb')) return null;
  try {
    const nb = JSON.parse(text) as { cells?: { cell_type?: string; source?: string | string[] }[] };
    return (nb.cells ?? []).filter((c) => c.cell_type === 'code').map((c) => {
      const src = Array.isArray(c.source) ? c.source.join('') : (c.source ?? '');
      if (/^\s*%%/.test(src)) return '';
      return src.split('\n').map((l) => (/^\s*[%!?]/.test(l) || /^\s*\w+\s*=\s*!/.test(l) ? l.replace(/\S.*$/, 'pass') : l)).join('\n');
    }).join('\n\n');
  } catch {
    return null;
  }
}

const PY_CHECK = `
import ast, json, sys, warnings
warnings.simplefilter('ignore')
files = json.load(sys.stdin)
ok = {}
for name, src in files.items():
    try:
        ast.parse(src); ok[name] = True
    except Exception:
        ok[name] = False
print(json.dumps(ok))
`;

/** Which files parse, by python3's ast (null when python3 is missing). */
function parsing(dir: string): Map<string, boolean> | null {
  const sources: Record<string, string> = {};
  for (const f of walk(dir)) {
    const src = pythonOf(f);
    if (src !== null) sources[path.relative(dir, f)] = src;
  }
  const r = spawnSync('python3', ['-c', PY_CHECK], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error || r.status !== 0) return null;
  return new Map(Object.entries(JSON.parse(r.stdout) as Record<string, boolean>));
}

function count(results: FileResult[], dir: string): Map<string, { all: number; carried: number }> {
  const per = new Map<string, { all: number; carried: number }>();
  for (const r of results) {
    const ms = r.messages.filter(isAml1);
    per.set(path.relative(dir, r.filePath), { all: ms.length, carried: ms.filter(carries).length });
  }
  return per;
}

const sum = (m: Map<string, { all: number; carried: number }>, k: 'all' | 'carried'): number => [...m.values()].reduce((a, v) => a + v[k], 0);
const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);

function main(argv: string[]): void {
  let missing = 0;
  let perFile: string | undefined;
  let keep = false;
  const dirs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--missing') missing = Number(argv[++i]);
    else if (a === '--per-file') perFile = argv[++i];
    else if (a === '--keep') keep = true;
    else dirs.push(a);
  }
  if (dirs.length !== 1 || !fs.statSync(dirs[0]!, { throwIfNoEntry: false })?.isDirectory()) {
    console.error('usage: node out/bench/fixes.js <sample dir> [--missing N] [--per-file FILE] [--keep]');
    process.exit(2);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-fixes-'));
  fs.cpSync(dirs[0]!, work, { recursive: true });
  const parsedBefore = parsing(work);
  const before = amlint(['--format', 'json'], work)!;
  const b = count(before, work);
  amlint(['--fix', '--unsafe-fixes'], work);
  const once = hashes(work);
  const after = count(amlint(['--format', 'json'], work)!, work);
  amlint(['--fix', '--unsafe-fixes'], work);
  const twice = hashes(work);
  const changedAgain = [...once].filter(([f, h]) => twice.get(f) !== h).map(([f]) => f);
  const parsedAfter = parsing(work);
  const broken = parsedBefore && parsedAfter ? [...parsedBefore].filter(([f, ok]) => ok && parsedAfter.get(f) === false).map(([f]) => f) : null;

  const total = sum(b, 'all');
  const left = sum(after, 'all');
  console.log(`sample            ${dirs[0]} (${before.length} files linted, ${[...b.values()].filter((v) => v.all > 0).length} with AML1 findings)`);
  console.log(`AML1 findings     ${total}`);
  console.log(`carry a fix       ${sum(b, 'carried')}  ${pct(sum(b, 'carried'), total)}`);
  console.log(`removed by fixes  ${total - left}  ${pct(total - left, total)}  (${left} left)`);
  console.log(`second run        ${changedAgain.length === 0 ? 'changes nothing' : `changes ${changedAgain.length} file(s): ${changedAgain.join(', ')}`}`);
  console.log(`parse check       ${broken === null ? 'skipped (no python3)' : broken.length === 0 ? 'no file stops parsing' : `${broken.length} file(s) stop parsing: ${broken.join(', ')}`}`);

  if (missing > 0) {
    const groups = new Map<string, number>();
    for (const r of before) {
      for (const m of r.messages.filter((x) => isAml1(x) && !carries(x))) {
        const key = `${m.ruleId} ${m.message.slice(0, 110)}`;
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
    }
    console.log(`\nwithout a fix (commonest ${missing}):`);
    for (const [k, n] of [...groups].sort((x, y) => y[1] - x[1]).slice(0, missing)) console.log(`${String(n).padStart(5)}  ${k}`);
  }
  if (perFile) {
    const rows = Object.fromEntries([...b].map(([f, v]) => [f, { before: v.all, carried: v.carried, after: after.get(f)?.all ?? 0 }]));
    fs.writeFileSync(perFile, JSON.stringify(rows, null, 1));
  }
  if (keep) console.log(`\nfixed copy kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

main(process.argv.slice(2));
