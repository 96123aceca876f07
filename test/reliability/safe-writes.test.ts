/**
 * `--fix` never damages a file (issue 8): it writes a temp file and renames it over the
 * original, keeps the mode and the line endings, refuses to overwrite a file that changed since
 * it was read, and a run killed at any moment (SIGKILL) leaves every file either exactly as it
 * was or exactly as a complete run leaves it. Temp files a killed run leaves are hidden dot
 * files that no run lints and the next `--fix` removes.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeStaleTempFiles, writeAtomically } from '../../server/src/cli/fix';

const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
const BIN = path.join(ROOT, 'bin', 'amlint.js');

function amlint(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.AMLINT_DEBUG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env, timeout: 120_000 });
  if (r.error) throw r.error;
  assert.doesNotMatch(r.stdout + r.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'stack trace in the output');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TEMP = /^\..+\.amlint-\d+-\d+\.tmp$/;

/** Fixable with --fix (safe: the unused import goes) and more with --unsafe-fixes. */
function fixable(i: number): string {
  return [
    '"""Job ' + i + '."""',
    'import os',
    'import azureml.core',
    'from azureml.core import Workspace, Run, Experiment',
    'ws = Workspace.from_config()',
    'run = Run.get_context()',
    `run.log("step", ${i})`,
    'print(os.name)',
    '',
  ].join('\n');
}

function notebookOf(source: string[]): string {
  return JSON.stringify({ cells: [{ cell_type: 'code', execution_count: 1, id: 'a', metadata: { tags: ['x'] }, outputs: [{ name: 'stdout', output_type: 'stream', text: ['hi\n'] }], source }], metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } }, nbformat: 4, nbformat_minor: 5 }, null, 1) + '\n';
}

describe('reliability: safe writes', function () {
  this.timeout(180_000);
  let tmp: string;
  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-writes-'))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('replaces the file by rename (new inode), keeping its mode, BOM and line endings', () => {
    const files: Record<string, string> = {
      'lf.py': fixable(1),
      'crlf.py': fixable(2).replace(/\n/g, '\r\n'),
      'cr.py': fixable(3).replace(/\n/g, '\r'),
      'bom.py': '\ufeff' + fixable(4).replace(/\n/g, '\r\n'),
    };
    const modes = [0o600, 0o751, 0o644, 0o640];
    Object.entries(files).forEach(([name, text], i) => {
      fs.writeFileSync(path.join(tmp, name), text);
      fs.chmodSync(path.join(tmp, name), modes[i]);
    });
    const inodes = new Map(Object.keys(files).map((n) => [n, fs.statSync(path.join(tmp, n)).ino]));
    const r = amlint(tmp, ['--fix', '--unsafe-fixes', '.']);
    assert.match(r.stderr, /applied \d+ fixes in 4 files/);
    Object.keys(files).forEach((name, i) => {
      const p = path.join(tmp, name);
      const st = fs.statSync(p);
      const text = fs.readFileSync(p, 'utf8');
      assert.notEqual(text, files[name], `${name} not fixed`);
      assert.match(text, /import mlflow/, `${name}: the rewrite happened`);
      assert.equal(st.mode & 0o7777, modes[i], `${name}: mode`);
      assert.notEqual(st.ino, inodes.get(name), `${name}: written in place, not renamed`);
    });
    const eols = (t: string): string[] => [...new Set(t.match(/\r\n|\r|\n/g))];
    assert.deepEqual(eols(fs.readFileSync(path.join(tmp, 'lf.py'), 'utf8')), ['\n']);
    assert.deepEqual(eols(fs.readFileSync(path.join(tmp, 'crlf.py'), 'utf8')), ['\r\n']);
    assert.deepEqual(eols(fs.readFileSync(path.join(tmp, 'cr.py'), 'utf8')), ['\r']);
    const bom = fs.readFileSync(path.join(tmp, 'bom.py'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual(eols(bom.toString('utf8')), ['\r\n']);
    assert.deepEqual(fs.readdirSync(tmp).filter((n) => TEMP.test(n)), []);
    // Fixed to a fixed point: a second run has nothing left to apply.
    assert.doesNotMatch(amlint(tmp, ['--fix', '--unsafe-fixes', '.']).stderr, /applied/);
  });

  it('keeps a CRLF notebook CRLF, and its outputs and metadata', () => {
    const nb = notebookOf(['import azureml.core\n', 'from azureml.core import Run\n', 'run = Run.get_context()\n', 'run.log("a", 1)\n']).replace(/\n/g, '\r\n');
    fs.writeFileSync(path.join(tmp, 'n.ipynb'), nb);
    amlint(tmp, ['--fix', '--unsafe-fixes', 'n.ipynb']);
    const out = fs.readFileSync(path.join(tmp, 'n.ipynb'), 'utf8');
    assert.notEqual(out, nb);
    assert.doesNotMatch(out, /[^\r]\n/, 'an LF line in a CRLF notebook');
    const json = JSON.parse(out) as { cells: Array<Record<string, unknown>> };
    const before = JSON.parse(nb) as { cells: Array<Record<string, unknown>> };
    assert.deepEqual(json.cells[0].outputs, before.cells[0].outputs);
    assert.deepEqual(json.cells[0].metadata, before.cells[0].metadata);
    assert.match((json.cells[0].source as string[]).join(''), /mlflow\.log_metric\("a", 1\)/);
  });

  it('writes through a symbolic link to its target, and the link stays a link', () => {
    fs.mkdirSync(path.join(tmp, 'real'));
    fs.writeFileSync(path.join(tmp, 'real', 'job.py'), fixable(5));
    fs.symlinkSync(path.join('real', 'job.py'), path.join(tmp, 'link.py'));
    amlint(tmp, ['--fix', 'link.py']);
    assert.ok(fs.lstatSync(path.join(tmp, 'link.py')).isSymbolicLink());
    assert.doesNotMatch(fs.readFileSync(path.join(tmp, 'real', 'job.py'), 'utf8'), /^import azureml\.core$/m, 'the unused import was removed in the target');
  });

  it('refuses to overwrite a file that changed since it was read', () => {
    const file = path.join(tmp, 'a.py');
    const original = fixable(6);
    fs.writeFileSync(file, original);
    const edited = original + 'print("saved by an editor meanwhile")\n';
    fs.writeFileSync(file, edited);
    assert.throws(() => writeAtomically(file, 'fixed\n', original, false), /the file changed while amlint was running; not overwritten/);
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
    // A BOM that appeared (or vanished) is a change too; the same bytes are not.
    fs.writeFileSync(file, '\ufeff' + original);
    assert.throws(() => writeAtomically(file, 'fixed\n', original, false), /changed/);
    writeAtomically(file, '\ufefffixed\n', original, true);
    assert.equal(fs.readFileSync(file, 'utf8'), '\ufefffixed\n');
    assert.deepEqual(fs.readdirSync(tmp).filter((n) => TEMP.test(n)), []);
  });

  it('temp files of a dead run are hidden, never linted, and removed by the next --fix', () => {
    fs.writeFileSync(path.join(tmp, 'a.py'), fixable(7));
    fs.writeFileSync(path.join(tmp, 'b.py'), fixable(8));
    // Left by a killed run (a pid that cannot be alive), and one of a run still going (ours).
    const dead = `.a.py.amlint-${2 ** 22 + 12345}-1700000000000.tmp`;
    const live = `.b.py.amlint-${process.pid}-1700000000000.tmp`;
    fs.writeFileSync(path.join(tmp, dead), 'half a fi');
    fs.writeFileSync(path.join(tmp, live), 'being written');
    const listed = JSON.parse(amlint(tmp, ['--format', 'json', '.']).stdout) as Array<{ filePath: string }>;
    assert.deepEqual(listed.map((f) => path.basename(f.filePath)), ['a.py', 'b.py']);
    amlint(tmp, ['--fix', '.']);
    assert.ok(!fs.existsSync(path.join(tmp, dead)), 'the dead run\'s temp file is still there');
    assert.ok(fs.existsSync(path.join(tmp, live)), 'the temp file of a live process was removed');
    removeStaleTempFiles(path.join(tmp, 'b.py'));
    assert.ok(fs.existsSync(path.join(tmp, live)));
  });

  it('a run killed with SIGKILL leaves every file either original or fully fixed', async () => {
    const COUNT = 120;
    const originals = new Map<string, string>();
    const make = (dir: string): void => {
      fs.mkdirSync(dir, { recursive: true });
      for (let i = 0; i < COUNT; i++) {
        const name = i % 4 === 3 ? `n${i}.ipynb` : `f${i}.py`;
        const text = name.endsWith('.ipynb') ? notebookOf(fixable(i).split(/(?<=\n)/)) : i % 4 === 1 ? fixable(i).replace(/\n/g, '\r\n') : fixable(i);
        fs.writeFileSync(path.join(dir, name), text);
        originals.set(name, text);
      }
    };
    // A complete run on a copy gives the expected fixed bytes, and how long a run takes.
    const reference = path.join(tmp, 'reference');
    make(reference);
    const started = Date.now();
    const full = amlint(reference, ['--fix', '--unsafe-fixes', '.']);
    const duration = Date.now() - started;
    assert.match(full.stderr, new RegExp(`in ${COUNT} files`));
    const fixed = new Map([...originals.keys()].map((n) => [n, fs.readFileSync(path.join(reference, n), 'utf8')]));
    for (const [n, t] of fixed) assert.notEqual(t, originals.get(n), `${n} is not changed by a complete run`);

    const rounds = 4;
    const summary: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const dir = path.join(tmp, `run${round}`);
      make(dir);
      // Spread the kills over the run: early (startup), middle, late.
      const delay = Math.round(duration * (0.15 + (0.8 * (round + Math.random())) / rounds));
      const child = spawn(process.execPath, [BIN, '--fix', '--unsafe-fixes', '.'], { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;

      let asOriginal = 0;
      let asFixed = 0;
      for (const [name, original] of originals) {
        const now = fs.readFileSync(path.join(dir, name), 'utf8');
        if (now === original) asOriginal++;
        else if (now === fixed.get(name)) asFixed++;
        else assert.fail(`round ${round} (killed after ${delay} ms): ${name} is neither original nor fixed:\n${now}`);
      }
      const temps = fs.readdirSync(dir).filter((n) => n.includes('.amlint-'));
      for (const t of temps) assert.match(t, TEMP, 'a leftover temp file that is not a hidden amlint temp file');
      summary.push(`killed at ${delay} ms: ${asFixed} fixed, ${asOriginal} original, ${temps.length} temp`);

      // The next run finishes the job and cleans up.
      amlint(dir, ['--fix', '--unsafe-fixes', '.']);
      for (const [name, expected] of fixed) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), expected, `${name} after the rerun`);
      assert.deepEqual(fs.readdirSync(dir).filter((n) => n.includes('.amlint-')), [], 'temp files after the rerun');
      fs.rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(`      (a complete run: ${duration} ms for ${COUNT} files)\n${summary.map((s) => `      (${s})\n`).join('')}`);
  });
});
