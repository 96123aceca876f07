/**
 * Hostile files through the real command line (issue 8): `node bin/amlint.js --format json`
 * in a temporary tree of files a user's disk can hold. Every file is linted or gets one clear
 * reason, the good files are still linted, nothing prints a stack trace, nothing hangs, and the
 * exit code is the documented one (1: findings or unlintable files; 2: usage errors).
 *
 * Timings (10,000 cells, 50 MB) are printed, never asserted.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
const BIN = path.join(ROOT, 'bin', 'amlint.js');

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  cell?: number;
  fatal?: boolean;
}
interface FileResult {
  filePath: string;
  messages: Message[];
}
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Running as root, `setpriv` runs the CLI as `nobody`, so permissions mean something. */
const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];

function amlint(cwd: string, args: string[], input?: string | Buffer, asNobody = false): Run {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.AMLINT_DEBUG;
  const started = Date.now();
  const [cmd, ...pre] = asNobody ? [...AS_NOBODY, process.execPath] : [process.execPath];
  const r = spawnSync(cmd, [...pre, BIN, ...args], { cwd, input, encoding: 'utf8', env, timeout: 180_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw r.error; // includes the timeout: a hang fails the test
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

/** No JS stack trace and no internal error anywhere in the output. */
function assertClean(r: Run): void {
  for (const [name, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
    assert.doesNotMatch(text, /^\s+at .+[:(]\d+:\d+\)?$/m, `stack trace on ${name}:\n${text.slice(0, 2000)}`);
    assert.doesNotMatch(text, /internal error|RangeError|TypeError|Maximum call stack/, `internal error on ${name}:\n${text.slice(0, 2000)}`);
  }
}

function results(r: Run, cwd: string): Map<string, Message[]> {
  assertClean(r);
  let parsed: FileResult[];
  try {
    parsed = JSON.parse(r.stdout) as FileResult[];
  } catch {
    assert.fail(`stdout is not JSON (exit ${r.status}):\n${r.stdout.slice(0, 2000)}\nstderr:\n${r.stderr}`);
  }
  const out = new Map<string, Message[]>();
  for (const f of parsed) {
    const rel = path.relative(cwd, f.filePath).split(path.sep).join('/');
    assert.ok(!out.has(rel), `${rel} reported twice`);
    out.set(rel, f.messages);
  }
  return out;
}

/** Exactly one message, fatal, matching `reason`. */
function assertReason(files: Map<string, Message[]>, file: string, reason: RegExp): void {
  const messages = files.get(file);
  assert.ok(messages, `${file} is not in the results: ${[...files.keys()].join(', ')}`);
  assert.equal(messages.length, 1, `${file}: ${JSON.stringify(messages)}`);
  assert.equal(messages[0].fatal, true, `${file}: ${JSON.stringify(messages)}`);
  assert.match(messages[0].message, reason, file);
}

/** Linted normally: no fatal message, and these rule codes at these 1-based positions. */
function assertFindings(files: Map<string, Message[]>, file: string, expected: string[]): void {
  const messages = files.get(file);
  assert.ok(messages, `${file} is not in the results: ${[...files.keys()].join(', ')}`);
  assert.deepEqual(messages.filter((m) => m.fatal), [], file);
  assert.deepEqual(messages.map((m) => `${m.cell !== undefined ? `cell ${m.cell} ` : ''}${m.ruleId}@${m.line}:${m.column}`), expected, file);
}

/**
 * Pathologically deep code: either analysed (then no fatal message) or one clear reason. Which
 * one depends on how much JS stack the walk needs, which V8's JIT changes as the run warms up,
 * so both are right; what may never happen is a crash.
 */
function assertLintedOrReason(files: Map<string, Message[]>, file: string, reason: RegExp): string {
  const messages = files.get(file);
  assert.ok(messages, `${file} is not in the results`);
  const fatal = messages.filter((m) => m.fatal);
  if (!fatal.length) return 'analysed';
  assert.equal(fatal.length, 1, `${file}: ${JSON.stringify(messages)}`);
  assert.match(fatal[0].message, reason, file);
  return 'too deep';
}

const V1 = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';
const V1_FINDINGS = ['AML100@1:6', 'AML101@2:6'];

function notebook(cells: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5, ...extra }, null, 1) + '\n';
}

function codeCell(source: string): Record<string, unknown> {
  return { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source };
}

describe('reliability: hostile files in the CLI', function () {
  this.timeout(180_000);
  let tmp: string;
  let tree: string;
  let outside: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-hostile-'));
    tree = path.join(tmp, 'tree');
    outside = path.join(tmp, 'outside');
    fs.mkdirSync(tree);
    fs.mkdirSync(outside);
    const w = (name: string, data: string | Buffer): void => {
      fs.mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
      fs.writeFileSync(path.join(tree, name), data);
    };
    w('ok.py', V1);
    // Binary: random-looking bytes with NUL bytes, named .py.
    w('binary.py', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) % 256)));
    w('invalid-utf8.py', Buffer.concat([Buffer.from('import azureml.core\nx = "'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"\n')]));
    w('bom-crlf.py', '\ufeff' + V1.replace(/\n/g, '\r\n'));
    w('crlf.py', V1.replace(/\n/g, '\r\n'));
    w('lone-cr.py', V1.replace(/\n/g, '\r'));
    w('mixed-eol.py', 'from azureml.core import Workspace\r\nimport os\rws = Workspace.from_config()\n');
    w('tabs.py', 'from azureml.core import Run\nif True:\n\trun = Run.get_context()\n\tif run:\n\t        run.log("a", 1)\n  \t  x = 1\n');
    w('empty.py', '');
    w('only-bom.py', '\ufeff');
    w('nul-free-but-control.py', 'import azureml.core\n\x01\x02\x1b[31m\x7f = 1\n');
    w('dir.py/inside.py', V1); // a directory named like a Python file
    // File names: a newline, astral characters, and bytes that are not UTF-8.
    w('new\nline.py', V1);
    w('ünï😀.py', V1);
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(tree, 'bad')), Buffer.from([0xff]), Buffer.from('name.py')]), V1);
    // 10,000-deep nesting: brackets, calls, an operator chain, lambdas, and 1,000 nested blocks.
    const N = 10_000;
    w('deep-parens.py', `import azureml.core\nx = ${'('.repeat(N)}azureml.core.Workspace${')'.repeat(N)}\n`);
    w('deep-lists.py', `import azureml.core\nx = ${'['.repeat(N)}${']'.repeat(N)}\n`);
    w('deep-calls.py', `import azureml.core\nx = ${'f('.repeat(N)}${')'.repeat(N)}\n`);
    w('deep-binop.py', `import azureml.core\nx = a${' + b'.repeat(N)}\n`);
    w('deep-lambda.py', `import azureml.core\nx = ${'lambda: '.repeat(N)}1\n`);
    w('deep-unclosed.py', `import azureml.core\nx = ${'('.repeat(N)}\n`);
    let blocks = 'from azureml.core import Workspace\n';
    for (let i = 0; i < 1000; i++) blocks += `${'\t'.repeat(i)}if x:\n`;
    w('deep-blocks.py', `${blocks}${'\t'.repeat(1000)}ws = Workspace.from_config()\n`);
    // Notebooks: good, nbformat 3, missing or wrongly typed fields, broken JSON.
    w('good.ipynb', notebook([{ cell_type: 'markdown', metadata: {}, source: ['# T'] }, codeCell(V1)]));
    w('v3.ipynb', JSON.stringify({ metadata: { name: '' }, nbformat: 3, nbformat_minor: 0, worksheets: [{ cells: [{ cell_type: 'heading', level: 1, source: 'T' }, { cell_type: 'code', collapsed: false, input: V1, language: 'python', outputs: [] }], metadata: {} }] }));
    w('nb-no-cells.ipynb', JSON.stringify({ metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    w('nb-cells-string.ipynb', JSON.stringify({ cells: 'x', metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    w('nb-cells-string-no-nbformat.ipynb', JSON.stringify({ cells: 'x' }));
    w('nb-cell-not-object.ipynb', notebook([codeCell(V1), 42]));
    w('nb-no-cell-type.ipynb', notebook([{ source: V1 }]));
    w('nb-source-number.ipynb', notebook([{ cell_type: 'code', source: 42 }]));
    w('nb-source-mixed-list.ipynb', notebook([{ cell_type: 'code', source: ['a', 1] }]));
    w('nb-nbformat-string.ipynb', notebook([], { nbformat: '4' }));
    w('nb-nbformat-5.ipynb', notebook([], { nbformat: 5 }));
    w('nb-nbformat-2.ipynb', notebook([], { nbformat: 2 }));
    w('nb-array.ipynb', '[1, 2, 3]');
    w('nb-empty.ipynb', '');
    w('nb-truncated.ipynb', notebook([codeCell(V1)]).slice(0, 60));
    w('nb-binary.ipynb', Buffer.from([0x7b, 0x00, 0x01, 0x7d]));
    w('nb-metadata-wrong.ipynb', notebook([codeCell(V1)], { metadata: 'python' }));
    w('nb-cell-metadata-wrong.ipynb', notebook([{ ...codeCell(V1), metadata: [1], outputs: 'x' }]));
    w('nb-unknown-cell-type.ipynb', notebook([{ cell_type: 'widget', source: 'x' }, codeCell(V1)]));
    w('nb-deep-json.ipynb', `{"nbformat":4,"cells":[],"metadata":${'['.repeat(100_000)}${']'.repeat(99_999)}}`);
    w('nb-deep-cell.ipynb', notebook([codeCell(`import azureml.core\nx = ${'('.repeat(N)}${')'.repeat(N)}`), codeCell(V1)]));
    // Links: a loop, a link to a parent, a dangling link, and links that leave the tree.
    fs.writeFileSync(path.join(outside, 'secret.py'), V1);
    fs.mkdirSync(path.join(outside, 'pkg'));
    fs.writeFileSync(path.join(outside, 'pkg', 'mod.py'), V1);
    fs.mkdirSync(path.join(tree, 'links'));
    fs.symlinkSync('.', path.join(tree, 'links', 'self'));
    fs.symlinkSync('..', path.join(tree, 'links', 'parent'));
    fs.symlinkSync('loop-b', path.join(tree, 'links', 'loop-a'));
    fs.symlinkSync('loop-a', path.join(tree, 'links', 'loop-b'));
    fs.symlinkSync('missing.py', path.join(tree, 'links', 'dangling.py'));
    fs.symlinkSync(path.join(outside, 'secret.py'), path.join(tree, 'links', 'out.py'));
    fs.symlinkSync(path.join(outside, 'pkg'), path.join(tree, 'links', 'outdir'));
    fs.symlinkSync('../ok.py', path.join(tree, 'links', 'in.py')); // inside: same file as ok.py
    // A named pipe: reading it would block forever.
    const fifo = spawnSync('mkfifo', [path.join(tree, 'fifo.py')]);
    if (fifo.status !== 0) fs.writeFileSync(path.join(tree, 'fifo.py'), V1); // no mkfifo: a plain file
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('lints the good files and gives every hostile one a clear reason, without a stack trace', () => {
    const r = amlint(tmp, ['--format', 'json', 'tree']);
    const files = results(r, tmp);
    assert.equal(r.status, 1);
    process.stdout.write(`      (${files.size} files in ${r.ms} ms)\n`);

    assertFindings(files, 'tree/ok.py', V1_FINDINGS);
    assertReason(files, 'tree/binary.py', /^binary file \(contains NUL bytes\); not linted$/);
    assertReason(files, 'tree/invalid-utf8.py', /^invalid UTF-8: byte 0xFF at line 2, column 6/);
    // A BOM is not a column; CRLF, lone CR and mixed line ends count lines as editors do.
    assertFindings(files, 'tree/bom-crlf.py', V1_FINDINGS);
    assertFindings(files, 'tree/crlf.py', V1_FINDINGS);
    assertFindings(files, 'tree/lone-cr.py', V1_FINDINGS);
    assertFindings(files, 'tree/mixed-eol.py', ['AML100@1:6', 'AML101@3:6']);
    assertFindings(files, 'tree/tabs.py', ['AML100@1:6', 'AML103@3:8', 'AML103@5:10']);
    assertFindings(files, 'tree/empty.py', []);
    assertFindings(files, 'tree/only-bom.py', []);
    assertFindings(files, 'tree/nul-free-but-control.py', ['AML100@1:8']);
    assertFindings(files, 'tree/dir.py/inside.py', V1_FINDINGS);
    assertFindings(files, 'tree/new\nline.py', V1_FINDINGS);
    assertFindings(files, 'tree/ünï😀.py', V1_FINDINGS);
    assertReason(files, 'tree/bad\uFFFDname.py', /^cannot read file: its name is not valid UTF-8/);

    const deep = ['deep-parens', 'deep-lists', 'deep-calls', 'deep-binop', 'deep-lambda'].map(
      (f) => `${f}: ${assertLintedOrReason(files, `tree/${f}.py`, /^not analysed: the code is nested too deeply/)}`,
    );
    process.stdout.write(`      (10,000-deep nesting: ${deep.join(', ')})\n`);
    // Unclosed brackets parse as an error node, which is shallow: linted normally.
    assert.deepEqual(files.get('tree/deep-unclosed.py')?.filter((m) => m.fatal), []);
    assertFindings(files, 'tree/deep-blocks.py', ['AML100@1:6', 'AML101@1002:1006']);

    assertFindings(files, 'tree/good.ipynb', ['cell 2 AML100@1:6', 'cell 2 AML101@2:6']);
    assertFindings(files, 'tree/v3.ipynb', ['cell 2 AML100@1:6', 'cell 2 AML101@2:6']);
    assertReason(files, 'tree/nb-no-cells.ipynb', /^not a notebook: 'cells' is missing$/);
    assertReason(files, 'tree/nb-cells-string.ipynb', /^not a notebook: 'cells' must be a list$/);
    assertReason(files, 'tree/nb-cells-string-no-nbformat.ipynb', /^not a notebook: 'cells' must be a list$/);
    assertReason(files, 'tree/nb-cell-not-object.ipynb', /^cell 2 is not an object$/);
    assertReason(files, 'tree/nb-no-cell-type.ipynb', /^cell 1 has no 'cell_type'$/);
    assertReason(files, 'tree/nb-source-number.ipynb', /^cell 1: 'source' must be a string or a list of strings$/);
    assertReason(files, 'tree/nb-source-mixed-list.ipynb', /^cell 1: 'source' must be a string or a list of strings$/);
    assertReason(files, 'tree/nb-nbformat-string.ipynb', /'nbformat' must be an integer, found "4"/);
    assertReason(files, 'tree/nb-nbformat-5.ipynb', /^nbformat 5 is not supported/);
    assertReason(files, 'tree/nb-nbformat-2.ipynb', /^nbformat 2 is too old/);
    assertReason(files, 'tree/nb-array.ipynb', /^not a notebook: the JSON is not an object$/);
    assertReason(files, 'tree/nb-empty.ipynb', /^not a notebook: the file is empty$/);
    // Broken JSON: one fatal message saying so (what the tolerant parser recovers is linted too).
    const truncated = (files.get('tree/nb-truncated.ipynb') ?? []).filter((m) => m.fatal);
    assert.equal(truncated.length, 1);
    assert.match(truncated[0].message, /^invalid notebook JSON at line \d+, column \d+: /);
    assertReason(files, 'tree/nb-binary.ipynb', /binary file/);
    assertReason(files, 'tree/nb-deep-json.ipynb', /^invalid notebook JSON/);
    assertLintedOrReason(files, 'tree/nb-deep-cell.ipynb', /^not analysed: the code is nested too deeply/);
    // Wrongly typed metadata is not needed to lint: ignored.
    assertFindings(files, 'tree/nb-metadata-wrong.ipynb', ['cell 1 AML100@1:6', 'cell 1 AML101@2:6']);
    assertFindings(files, 'tree/nb-cell-metadata-wrong.ipynb', ['cell 1 AML100@1:6', 'cell 1 AML101@2:6']);
    assertFindings(files, 'tree/nb-unknown-cell-type.ipynb', ['cell 2 AML100@1:6', 'cell 2 AML101@2:6']);

    // Links: loops entered once; a link to a file already listed adds nothing (the file's own
    // path is shown); dangling links and the fifo are skipped; links out of the tree are
    // followed (documented) and shown under their link path.
    const listed = [...files.keys()];
    assert.deepEqual(listed.filter((f) => f.startsWith('tree/links/')), ['tree/links/out.py', 'tree/links/outdir/mod.py']);
    assertFindings(files, 'tree/links/out.py', V1_FINDINGS);
    assertFindings(files, 'tree/links/outdir/mod.py', V1_FINDINGS);
    assert.ok(!listed.some((f) => f.includes('fifo') || f.includes('dangling') || f.includes('loop')), listed.join('\n'));
    assert.equal(r.stderr, '');
  });

  it('skips a 50 MB file with a clear message; --max-file-size lowers or raises the limit', () => {
    const big = path.join(tmp, 'big');
    fs.mkdirSync(big);
    try {
      const line = 'x = 1  # padding padding padding padding padding padding padding padding\n';
      const fd = fs.openSync(path.join(big, 'huge.py'), 'w');
      fs.writeSync(fd, 'from azureml.core import Workspace\n');
      const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length));
      for (let i = 0; i < 50; i++) fs.writeSync(fd, chunk);
      fs.closeSync(fd);
      fs.writeFileSync(path.join(big, 'small.py'), V1);
      fs.writeFileSync(path.join(big, 'mid.py'), V1 + `# ${'x'.repeat(3000)}\n`);

      const r = amlint(big, ['--format', 'json', '.']);
      const files = results(r, big);
      assert.equal(r.status, 1);
      process.stdout.write(`      (50 MB file skipped in ${r.ms} ms)\n`);
      assertReason(files, 'huge.py', /^file too large to lint \(50\.\d MiB; the limit is 4\.0 MiB; raise it with --max-file-size\); skipped$/);
      assertFindings(files, 'small.py', V1_FINDINGS);
      assertFindings(files, 'mid.py', V1_FINDINGS);

      const lowered = results(amlint(big, ['--format', 'json', '--max-file-size', '2KB', '.']), big);
      assertReason(lowered, 'mid.py', /^file too large to lint \(3\d{3} bytes; the limit is 2048 bytes, set by --max-file-size\); skipped$/);
      assertReason(lowered, 'huge.py', /the limit is 2048 bytes, set by --max-file-size/);
      assertFindings(lowered, 'small.py', V1_FINDINGS);

      const raised = results(amlint(big, ['--format', 'json', '--max-file-size', '4096', 'mid.py', 'small.py']), big);
      assertFindings(raised, 'mid.py', V1_FINDINGS);

      // Notebooks (200 MiB by default) follow the same option; so does --stdin.
      fs.writeFileSync(path.join(big, 'n.ipynb'), notebook([codeCell(V1)]));
      assertReason(results(amlint(big, ['--format', 'json', '--max-file-size', '100', 'n.ipynb']), big), 'n.ipynb', /set by --max-file-size\); skipped$/);
      const stdin = amlint(big, ['--format', 'json', '--stdin', '--stdin-filename', 's.py', '--max-file-size', '10'], V1);
      assertReason(results(stdin, big), 's.py', /^file too large to lint \(\d+ bytes; the limit is 10 bytes/);

      for (const bad of ['0', '-5', '10XB', 'lots', '']) {
        const u = amlint(big, ['--max-file-size', bad, 'small.py']);
        assert.equal(u.status, 2, `--max-file-size ${JSON.stringify(bad)}`);
        assert.match(u.stderr, /--max-file-size/);
        assertClean(u);
      }
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  it('a notebook with 10,000 cells lints (and fixes) in bounded time', () => {
    const dir = path.join(tmp, 'many');
    fs.mkdirSync(dir);
    try {
      const cells: unknown[] = [];
      const expected: string[] = [];
      for (let i = 0; i < 10_000; i++) {
        if (i % 500 === 1) {
          // A v1 import nobody uses: a safe fix removes it.
          cells.push(codeCell(`import azureml.core\nx${i} = ${i}\n`));
          expected.push(`cell ${i + 1} AML100@1:8`);
        } else if (i % 500 === 2) {
          cells.push(codeCell(`from azureml.core import Run\nrun${i} = Run.get_context()\n`));
          expected.push(`cell ${i + 1} AML100@1:6`, `cell ${i + 1} AML103@2:${String(i).length + 7}`);
        } else if (i % 3 === 0) cells.push({ cell_type: 'markdown', metadata: {}, source: [`# Step ${i}\n`, 'Some *text*.'] });
        else cells.push(codeCell(i % 2 ? `x${i} = ${i}\nprint(x${i})\n` : `%time y${i} = x${i - 1} * 2`));
      }
      const file = path.join(dir, 'many.ipynb');
      fs.writeFileSync(file, notebook(cells));

      const r = amlint(dir, ['--format', 'json', 'many.ipynb']);
      const files = results(r, dir);
      assert.equal(r.status, 1);
      process.stdout.write(`      (10,000 cells linted in ${r.ms} ms)\n`);
      assertFindings(files, 'many.ipynb', expected);

      const fixed = amlint(dir, ['--format', 'json', '--fix', 'many.ipynb']);
      assertClean(fixed);
      process.stdout.write(`      (10,000 cells fixed in ${fixed.ms} ms)\n`);
      assert.match(fixed.stderr, /amlint: applied 20 fixes in 1 file/);
      const after = JSON.parse(fs.readFileSync(file, 'utf8')) as { cells: Array<{ source: string }> };
      assert.equal(after.cells.length, 10_000);
      assert.equal(after.cells[1].source, 'x1 = 1\n');
      assert.equal(after.cells[501].source, 'x501 = 501\n');
      assert.deepEqual(after.cells.slice(2, 500), cells.slice(2, 500), 'untouched cells are untouched');
      const again = results(amlint(dir, ['--format', 'json', 'many.ipynb']), dir);
      assertFindings(again, 'many.ipynb', expected.filter((e) => !/AML100@1:8$/.test(e)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('files named on the command line: pipes, devices and directories get a reason; a loop is a usage error', function () {
    const fifo = path.join(tree, 'fifo.py');
    if (!fs.statSync(fifo).isFIFO()) this.skip();
    const r = amlint(tree, ['--format', 'json', 'fifo.py', '/dev/null', 'ok.py', 'dir.py']);
    const files = results(r, tree);
    assert.equal(r.status, 1);
    assertReason(files, 'fifo.py', /^cannot read file: not a regular file/);
    assertReason(files, path.relative(tree, '/dev/null').split(path.sep).join('/'), /^cannot read file: not a regular file/);
    assertFindings(files, 'ok.py', V1_FINDINGS);
    assertFindings(files, 'dir.py/inside.py', V1_FINDINGS);

    const loop = amlint(tree, ['links/loop-a']);
    assert.equal(loop.status, 2);
    assert.match(loop.stderr, /cannot lint 'links\/loop-a': too many levels of symbolic links/);
    assertClean(loop);
    // A link named explicitly is linted, wherever it points.
    assertFindings(results(amlint(tree, ['--format', 'json', 'links/out.py']), tree), 'links/out.py', V1_FINDINGS);
  });

  it('unreadable files and directories get a reason, the rest is linted; an unwritable one is not fixed', function () {
    // As root everything is readable: run the CLI as nobody instead (or skip without setpriv).
    const root = process.getuid?.() === 0;
    if (root && spawnSync(AS_NOBODY[0], [...AS_NOBODY.slice(1), 'true']).status !== 0) this.skip();
    const dir = path.join(tmp, 'perm');
    fs.mkdirSync(dir);
    try {
      fs.chmodSync(tmp, 0o755);
      fs.writeFileSync(path.join(dir, 'secret.py'), V1);
      fs.writeFileSync(path.join(dir, 'ok.py'), V1);
      fs.writeFileSync(path.join(dir, 'secret.ipynb'), notebook([codeCell(V1)]));
      fs.mkdirSync(path.join(dir, 'closed'));
      fs.writeFileSync(path.join(dir, 'closed', 'x.py'), V1);
      fs.chmodSync(path.join(dir, 'secret.py'), 0o000);
      fs.chmodSync(path.join(dir, 'secret.ipynb'), 0o000);
      fs.chmodSync(path.join(dir, 'closed'), 0o000);
      const r = amlint(dir, ['--format', 'json', '.'], undefined, root);
      const files = results(r, dir);
      assert.equal(r.status, 1);
      assertReason(files, 'secret.py', /^cannot read file: permission denied$/);
      assertReason(files, 'secret.ipynb', /^cannot read file: permission denied$/);
      assertFindings(files, 'ok.py', V1_FINDINGS);
      assert.ok(!files.has('closed/x.py'), 'a closed directory cannot be listed');
      // Named explicitly, an unreadable file is reported the same way.
      assertReason(results(amlint(dir, ['--format', 'json', 'secret.py'], undefined, root), dir), 'secret.py', /^cannot read file: permission denied$/);

      // --fix in a directory it may not write: the reason, and the file as it was.
      fs.chmodSync(dir, 0o555);
      const fixed = amlint(dir, ['--format', 'json', '--fix', '--unsafe-fixes', 'ok.py'], undefined, root);
      const after = results(fixed, dir);
      assert.equal(fixed.status, 1);
      assert.match(after.get('ok.py')?.find((m) => m.fatal)?.message ?? '', /^fixes not written: .*permission denied/);
      assert.equal(fs.readFileSync(path.join(dir, 'ok.py'), 'utf8'), V1);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(path.join(dir, 'secret.py'), 0o644);
      fs.chmodSync(path.join(dir, 'secret.ipynb'), 0o644);
      fs.chmodSync(path.join(dir, 'closed'), 0o755);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never runs the code it reads, nor commands named in it or in the configuration', () => {
    const dir = path.join(tmp, 'exec');
    const mark = path.join(tmp, 'executed');
    const stubs = path.join(dir, '.stubs');
    fs.mkdirSync(stubs, { recursive: true });
    try {
      // Any of these run at all (from the tree or from PATH) would leave the mark.
      const touch = `open(${JSON.stringify(mark)}, "w").write("ran")`;
      for (const cmd of ['python', 'python3', 'pip', 'pip3', 'az', 'jupyter', 'ipython', 'conda', 'bash', 'sh', 'docker']) {
        fs.writeFileSync(path.join(stubs, cmd), `#!/bin/sh\necho "$0 $*" >> ${JSON.stringify(mark)}\n`, { mode: 0o755 });
      }
      fs.writeFileSync(path.join(dir, 'setup.py'), `${touch}\nfrom azureml.core import Workspace\n`);
      fs.writeFileSync(path.join(dir, 'conftest.py'), `import os\nos.system("touch ${mark}")\nimport azureml.core\n`);
      fs.writeFileSync(path.join(dir, '__init__.py'), `${touch}\n`);
      fs.writeFileSync(path.join(dir, 'train.py'), `import subprocess\nsubprocess.run(["touch", ${JSON.stringify(mark)}])\nfrom azureml.core import Run\nrun = Run.get_context()\nrun.log("a", 1)\n`);
      fs.writeFileSync(path.join(dir, 'n.ipynb'), notebook([
        codeCell(`!touch ${mark}\n%pip install azureml-core\n%run setup.py\n${touch}\nfrom azureml.core import Workspace\nws = Workspace.from_config()\n`),
        codeCell(`%%bash\ntouch ${mark}\naz ml job list\n`),
        codeCell(`%%writefile score.py\n${touch}\nfrom azureml.core import Run\n`),
      ]));
      fs.writeFileSync(path.join(dir, 'run.sh'), `#!/bin/sh\ntouch ${mark}\naz ml job create -f job.yml\npip install azureml-sdk\n`, { mode: 0o755 });
      fs.writeFileSync(path.join(dir, 'requirements.txt'), `azureml-sdk\n-e git+https://example.invalid/x.git#egg=x\n`);
      fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM python:3.11\nRUN touch ${mark} && pip install azureml-core\n`);
      fs.writeFileSync(path.join(dir, 'pyproject.toml'), `[project]\nname = "x"\n[tool.amlint]\nselect = ["AML"]\n[tool.pytest.ini_options]\naddopts = "-p touch"\n[project.scripts]\nx = "setup:main"\n`);
      const env = { PATH: `${stubs}${path.delimiter}${process.env.PATH ?? ''}` };
      const run = (args: string[], input?: string): Run => {
        const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
        if (r.error) throw r.error;
        return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: 0 };
      };
      const lintRun = run(['--format', 'json', '.']);
      const files = results(lintRun, dir);
      assert.equal(lintRun.status, 1);
      assert.ok(files.get('n.ipynb')?.some((m) => m.ruleId === 'AML401'), 'the %pip line was read (as text)');
      for (const args of [['--diff', '.'], ['--fix', '--unsafe-fixes', '.'], ['--stdin', '--stdin-filename', 'x.ipynb']]) {
        assertClean(run(args, args.includes('--stdin') ? fs.readFileSync(path.join(dir, 'n.ipynb'), 'utf8') : undefined));
      }
      assert.ok(!fs.existsSync(mark), `something was executed: ${fs.existsSync(mark) ? fs.readFileSync(mark, 'utf8') : ''}`);
      assert.ok(!fs.existsSync(path.join(dir, 'score.py')), '%%writefile was carried out');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix on the hostile tree leaves every file it cannot fix byte for byte as it was', () => {
    const copy = path.join(tmp, 'copy');
    fs.cpSync(tree, copy, { recursive: true, verbatimSymlinks: true, filter: (src) => !src.endsWith('fifo.py') && !src.includes('\uFFFD') });
    const before = new Map<string, Buffer>();
    for (const name of fs.readdirSync(copy)) {
      const p = path.join(copy, name);
      if (fs.lstatSync(p).isFile()) before.set(name, fs.readFileSync(p));
    }
    const r = amlint(copy, ['--format', 'json', '--fix', '--unsafe-fixes', '.']);
    results(r, copy);
    // Links are written through (their target is fixed; the link stays a link).
    assert.ok(fs.lstatSync(path.join(copy, 'links', 'out.py')).isSymbolicLink());
    assert.ok(fs.lstatSync(path.join(copy, 'links', 'in.py')).isSymbolicLink());
    for (const [name, bytes] of before) {
      const now = fs.readFileSync(path.join(copy, name));
      if (/^(binary|invalid-utf8|deep-(parens|lists|calls|binop|lambda)|nb-(no-cell|cells-string|cell-not|source|nbformat|array|empty|truncated|binary|deep)|empty|only-bom)/.test(name)) assert.ok(now.equals(bytes), `${name} changed`);
    }
    // The fixed files: still lint (no crash), line endings kept.
    assert.doesNotMatch(fs.readFileSync(path.join(copy, 'crlf.py'), 'utf8'), /[^\r]\n/);
    assert.doesNotMatch(fs.readFileSync(path.join(copy, 'lone-cr.py'), 'utf8'), /\n/);
    assert.ok(fs.readFileSync(path.join(copy, 'bom-crlf.py')).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
    assert.deepEqual(fs.readdirSync(copy).filter((n) => n.includes('.amlint-')), [], 'temp files left behind');
    fs.rmSync(copy, { recursive: true, force: true });
  });
});
