/**
 * The CLI with a configuration file, unused-directive reports, the github format, --statistics,
 * --quiet, --max-warnings and --output-file. Spawns the built binary in temporary directories.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { amlint, parseJson, notebook, write, type FileResult } from './helpers';

// ---- helpers (spawning the binary and reading JSON: ./helpers.ts) -------------------------
function tmp(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-fmt-')));
}

/** "file:line:ruleId" for every message, file relative to dir. */
function rows(dir: string, results: FileResult[]): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath).split(path.sep).join('/')}:${m.line}:${m.ruleId}:${m.severity}`));
}
// ---------------------------------------------------------------------------------------------

/** AML100 at 1:6 (the module path), AML101 at 3:6 (`Workspace.from_config()`); both warnings. */
const V1 = 'from azureml.core import Workspace\n\nws = Workspace.from_config()\n';

describe('cli: configuration files', function () {
  let dir: string;
  beforeEach(() => {
    dir = tmp();
    fs.mkdirSync(path.join(dir, '.git'));
    write(dir, 'src/train.py', V1);
    write(dir, 'legacy/old.py', V1);
    write(dir, 'notebooks/explore.ipynb', notebook([V1]));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bad: Array<[string, string, RegExp]> = [
    ['TOML syntax', '[tool.amlint]\nselect = ["AML1"\n', /^  pyproject\.toml:3:\d+: TOML syntax error: /m],
    ['unknown key', '[tool.amlint]\n\nselct = ["AML1"]\n', /^  pyproject\.toml:3:1: tool\.amlint\.selct: unknown key 'selct' \(did you mean 'select'\?\)/m],
    ['unknown rule code', '[tool.amlint]\nignore = ["AML100", "AML977"]\n', /^  pyproject\.toml:2:21: tool\.amlint\.ignore: unknown rule code or prefix 'AML977'/m],
    ['wrong type', '[tool.amlint]\nseverity = "error"\n', /^  pyproject\.toml:2:1: tool\.amlint\.severity: expected a table of rule code = severity, .*got a string/m],
    ['bad severity', '[tool.amlint.severity]\nAML101 = "fatal"\n', /^  pyproject\.toml:2:1: tool\.amlint\.severity\.AML101: expected one of "off", "hint", "info", "warning", "error", got "fatal"/m],
  ];
  for (const [what, text, expected] of bad) {
    it(`a config with a ${what} error exits 2, names file:line:column and key, and prints no report`, () => {
      write(dir, 'pyproject.toml', text);
      for (const format of ['stylish', 'json', 'sarif']) {
        const r = amlint(dir, ['--format', format]);
        assert.equal(r.status, 2, r.stderr);
        assert.equal(r.stdout, '', 'no report on stdout');
        assert.match(r.stderr, /^amlint: invalid configuration:\n/);
        assert.match(r.stderr, expected);
        assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
      }
    });
  }

  it('a broken config in a subdirectory stops the run when a file there is linted', () => {
    write(dir, 'legacy/pyproject.toml', '[tool.amlint]\nselect = 3\n');
    const r = amlint(dir, ['src', 'legacy']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, new RegExp(`legacy${path.sep === '/' ? '/' : '\\\\'}pyproject\\.toml:2:1: tool\\.amlint\\.select: expected an array`));
    assert.equal(amlint(dir, ['src']).status, 1, 'files outside that directory do not use it');
  });

  it('applies select, severity and notebook-severity from the nearest pyproject.toml', () => {
    write(dir, 'pyproject.toml', '[tool.amlint]\nselect = ["AML101"]\nseverity = { AML101 = "error" }\nnotebook-severity = { AML101 = "off" }\n');
    const r = amlint(dir, ['--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(rows(dir, parseJson(r)).sort(), ['legacy/old.py:3:AML101:2', 'src/train.py:3:AML101:2']);
  });

  it('CLI flags override the file: --select replaces its selection', () => {
    write(dir, 'pyproject.toml', '[tool.amlint]\nselect = ["AML101"]\nexclude = ["legacy/", "notebooks"]\n');
    const r = amlint(dir, ['--format', 'json', '--select', 'AML100']);
    assert.deepEqual(rows(dir, parseJson(r)), ['src/train.py:1:AML100:1']);
    const noConfig = amlint(dir, ['--format', 'json', '--no-config']);
    assert.deepEqual(rows(dir, parseJson(noConfig)).filter((x) => x.endsWith(':1')).length, 6, 'three files, two findings each');
  });

  it('per-file-ignores apply by glob relative to the config file', () => {
    write(dir, 'pyproject.toml', '[tool.amlint.per-file-ignores]\n"*.ipynb" = ["AML100"]\n"legacy/**" = ["AML1"]\n');
    const r = amlint(dir, ['--format', 'json']);
    assert.deepEqual(rows(dir, parseJson(r)).sort(), ['notebooks/explore.ipynb:3:AML101:1', 'src/train.py:1:AML100:1', 'src/train.py:3:AML101:1']);
  });

  it('exclude skips matching files in directory searches; --force-exclude also for named files', () => {
    write(dir, 'pyproject.toml', '[tool.amlint]\nexclude = ["legacy/", "*.ipynb"]\n');
    const all = parseJson(amlint(dir, ['--format', 'json']));
    assert.deepEqual(all.map((r) => path.relative(dir, r.filePath)).sort(), ['pyproject.toml', path.join('src', 'train.py')]);
    assert.equal(parseJson(amlint(dir, ['--format', 'json', 'legacy/old.py'])).length, 1, 'a named file is linted');
    const forced = amlint(dir, ['--format', 'json', '--force-exclude', 'legacy/old.py']);
    assert.equal(forced.status, 0);
    assert.deepEqual(parseJson(forced), []);
  });

  it('--config points at another file (top-level keys in a non-pyproject TOML); a missing one exits 2', () => {
    write(dir, 'ci/amlint.toml', 'select = ["AML100"]\n');
    const r = amlint(dir, ['--format', 'json', '--config', 'ci/amlint.toml', 'src']);
    assert.deepEqual(rows(dir, parseJson(r)), ['src/train.py:1:AML100:1']);
    const missing = amlint(dir, ['--config', 'nope.toml', 'src']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.toml:1:1: configuration file not found/);
  });
});

describe('cli: unused disable directives', function () {
  let dir: string;
  beforeEach(() => {
    dir = tmp();
    write(
      dir,
      'a.py',
      [
        'from azureml.core import Workspace  # amlint: disable=AML100,AML102 -- kept for the v1 job',
        '# amlint: disable-next-line=AML101',
        'x = 1',
        'ws = Workspace.from_config()  # amlint: disable=AML101',
        '',
      ].join('\n'),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are not reported by default', () => {
    const r = amlint(dir, ['--format', 'json', 'a.py']);
    assert.equal(r.status, 0, r.stdout);
  });

  it('--report-unused-disable-directives reports them as ESLint does (ruleId null) with a fix', () => {
    const r = amlint(dir, ['--format', 'json', '--report-unused-disable-directives', 'a.py']);
    assert.equal(r.status, 1);
    const [file] = parseJson(r);
    assert.deepEqual(file.messages.map((m) => [m.ruleId, m.line, m.severity]), [[null, 1, 1], [null, 2, 1]]);
    assert.match(file.messages[0].message, /no AML102 finding was suppressed/);
    assert.match(file.messages[1].message, /Unused `# amlint: disable-next-line` directive/);
    const text = fs.readFileSync(path.join(dir, 'a.py'), 'utf8');
    const fix = file.messages[0].fix!;
    assert.equal(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]), text.replace('AML100,AML102', 'AML100'));
    const severe = amlint(dir, ['--format', 'json', '--report-unused-disable-directives-severity', 'error', 'a.py']);
    assert.deepEqual(parseJson(severe)[0].messages.map((m) => m.severity), [2, 2]);
  });

  it('--fix with the flag removes the unused directive and code, and keeps the reason', () => {
    const r = amlint(dir, ['--fix', '--report-unused-disable-directives', 'a.py']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(
      fs.readFileSync(path.join(dir, 'a.py'), 'utf8'),
      ['from azureml.core import Workspace  # amlint: disable=AML100 -- kept for the v1 job', 'x = 1', 'ws = Workspace.from_config()  # amlint: disable=AML101', ''].join('\n'),
    );
  });

  it('the config key report-unused-directives turns it on; directives for rules that are off are not reported', () => {
    write(dir, 'pyproject.toml', '[tool.amlint]\nreport-unused-directives = "info"\n');
    const r = amlint(dir, ['--format', 'json', 'a.py']);
    assert.equal(parseJson(r)[0].messages.length, 2);
    const narrowed = amlint(dir, ['--format', 'json', '--select', 'AML100', 'a.py']);
    assert.deepEqual(parseJson(narrowed)[0].messages, [], 'AML101/AML102 are off in this run: their directives are not unused');
  });
});

describe('cli: github format', function () {
  let dir: string;
  before(() => {
    dir = tmp();
    write(dir, 'src/v1.py', V1);
    write(dir, 'nb.ipynb', notebook(['x = 1\n', V1]));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one workflow command per finding with positions and the rule as title', () => {
    const r = amlint(dir, ['--format', 'github', 'src']);
    assert.equal(r.status, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^::warning file=src\/v1\.py,line=1,col=6,endLine=1,endColumn=18,title=AML100::\S/);
    assert.match(lines[1], /^::warning file=src\/v1\.py,line=3,col=6,endLine=3,endColumn=\d+,title=AML101::/);
    for (const l of lines) assert.doesNotMatch(l.split('::')[2] ?? '', /[\r\n]/);
  });

  it('names the cell in notebook messages and leaves out cell-relative lines', () => {
    const r = amlint(dir, ['--format', 'github', 'nb.ipynb']);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^::warning file=nb\.ipynb,title=AML100::cell 2, line 1, column 6: /);
    assert.doesNotMatch(lines[0], /line=/);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', async () => {
    const { escapeData, escapeProperty, formatGithub } = await import('../../server/src/cli/github');
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir:a,b/100%.py'), 'dir%3Aa%2Cb/100%25.py');
    const out = formatGithub([
      {
        filePath: '/x/we,ird:name.py',
        displayPath: 'we,ird:name.py',
        messages: [{ json: { ruleId: 'AML101', severity: 2, message: 'line one\nline two 50%', line: 2, column: 3, endLine: 2, endColumn: 9 }, level: 'error' }],
      },
    ]);
    assert.equal(out, '::error file=we%2Cird%3Aname.py,line=2,col=3,endLine=2,endColumn=9,title=AML101::line one%0Aline two 50%25\n');
  });
});

describe('cli: statistics, quiet, max-warnings, output file', function () {
  let dir: string;
  before(() => {
    dir = tmp();
    write(dir, 'a.py', V1);
    write(dir, 'b.py', V1 + 'ws2 = Workspace.get("w")\n');
    write(dir, 'mixed.py', 'from azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--statistics counts findings per rule, most frequent first', () => {
    const json = parseJson(amlint(dir, ['--format', 'json']));
    const expected = new Map<string, number>();
    for (const r of json) for (const m of r.messages) expected.set(m.ruleId!, (expected.get(m.ruleId!) ?? 0) + 1);
    const r = amlint(dir, ['--statistics']);
    assert.equal(r.status, 1);
    const got = r.stdout.trimEnd().split('\n').map((l) => l.trim().split(/\s+/));
    assert.deepEqual(new Map(got.map(([n, code]) => [code!, Number(n)])), expected);
    const counts = got.map(([n]) => Number(n));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    // AML100 and AML101 both occur 3 times: equal counts are ordered by code.
    assert.deepEqual(got.slice(0, 2).map((x) => x[1]), ['AML100', 'AML101']);
    const asJson = JSON.parse(amlint(dir, ['--statistics', '--format', 'json']).stdout) as Array<{ code: string; count: number }>;
    assert.deepEqual(new Map(asJson.map((x) => [x.code, x.count])), expected);
  });

  it('--max-warnings: exit 0 at the limit, 1 above it; errors always exit 1', () => {
    const only = ['a.py', 'b.py']; // warnings only: 2 + 3
    assert.equal(amlint(dir, [...only, '--max-warnings', '5']).status, 0);
    const over = amlint(dir, [...only, '--max-warnings', '4']);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /too many warnings \(maximum: 4\)/);
    assert.equal(amlint(dir, ['mixed.py', '--max-warnings', '100']).status, 1, 'AML002 is an error');
    assert.equal(amlint(dir, [...only, '--max-warnings', '-1']).status, 0);
  });

  it('--quiet keeps errors only (and warnings do not fail the run)', () => {
    const r = amlint(dir, ['--quiet', '--format', 'json']);
    const all = parseJson(r).flatMap((f) => f.messages);
    assert.ok(all.length > 0 && all.every((m) => m.severity === 2));
    assert.equal(amlint(dir, ['--quiet', 'a.py']).status, 0);
  });

  it('--output-file writes any format to a file and nothing to stdout', () => {
    const out = path.join(dir, 'out', 'report.sarif');
    const r = amlint(dir, ['a.py', '--format', 'sarif', '--output-file', out]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    const log = JSON.parse(fs.readFileSync(out, 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].results.length, 2);
  });
});

describe('cli: progress display', function () {
  it('is shown only on a terminal outside CI, after a delay, and erased at the end', async () => {
    const { Progress, progressWanted } = await import('../../server/src/cli/progress');
    const tty = { isTTY: true, columns: 60, written: '' as string, write(s: string): boolean { this.written += s; return true; } };
    assert.equal(progressWanted({ ...tty, isTTY: false }, {}), false);
    assert.equal(progressWanted(tty, { CI: 'true' }), false);
    assert.equal(progressWanted(tty, { TERM: 'dumb' }), false);
    assert.equal(progressWanted(tty, { AMLINT_NO_PROGRESS: '1' }), false);
    assert.equal(progressWanted(tty, { CI: 'false' }), true);
    assert.equal(Progress.create({ ...tty, isTTY: false }, {}), undefined);
    const p = Progress.create(tty, {}, 0)!;
    p.update(3, 10, 'src/a_very_long_directory_name/and_a_long_file_name_that_does_not_fit.py');
    assert.match(tty.written, /^\r\x1b\[2K. amlint: 3\/10 files {2}src\//);
    assert.ok(tty.written.length - '\r\x1b[2K'.length <= 59, 'fits the terminal width');
    p.end();
    assert.ok(tty.written.endsWith('\r\x1b[2K'));
    const quick = Progress.create(tty, {}, 10_000)!;
    tty.written = '';
    quick.update(1, 2);
    quick.end();
    assert.equal(tty.written, '', 'nothing drawn before the delay, nothing to erase');
  });

  it('never writes to stderr when it is not a terminal (as in tests and CI)', () => {
    const dir = tmp();
    try {
      for (let i = 0; i < 30; i++) write(dir, `f${i}.py`, V1);
      const r = amlint(dir, ['--format', 'json']);
      assert.equal(r.stderr, '');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: unused directives in notebooks', function () {
  it('are reported with their cell and removed by --fix without touching other cells', () => {
    const dir = tmp();
    try {
      const nb = notebook(['from azureml.core import Workspace  # amlint: disable=AML100\n', '# amlint: disable-next-line=AML101\nx = 1\n']);
      write(dir, 'nb.ipynb', nb);
      const r = amlint(dir, ['--format', 'json', '--report-unused-disable-directives', 'nb.ipynb']);
      const [file] = parseJson(r);
      assert.deepEqual(file.messages.map((m) => [m.ruleId, m.cell, m.line, m.column]), [[null, 2, 1, 1]]);
      assert.equal(amlint(dir, ['--fix', '--report-unused-disable-directives', 'nb.ipynb']).status, 0);
      const cells = (JSON.parse(fs.readFileSync(path.join(dir, 'nb.ipynb'), 'utf8')) as { cells: Array<{ source: string[] }> }).cells;
      assert.deepEqual(cells.map((c) => c.source.join('')), ['from azureml.core import Workspace  # amlint: disable=AML100\n', 'x = 1\n']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: notebook fixes that span cells in --format json', function () {
  it('list every cell edit in `cells`; applying them gives what --fix --unsafe-fixes writes', () => {
    const dir = tmp();
    try {
      const cells = ['import os\nfrom azureml.core import Workspace\n', 'ws = Workspace.from_config()\nprint(ws.name)\n'];
      write(dir, 'nb.ipynb', notebook(cells));
      const [file] = parseJson(amlint(dir, ['--format', 'json', 'nb.ipynb']));
      const m = file.messages.find((x) => x.ruleId === 'AML101' && x.cell === 2 && x.line === 2);
      const fix = m?.suggestions?.[0]?.fix;
      assert.ok(fix?.cells, `a suggestion spanning cells: ${JSON.stringify(m)}`);
      assert.deepEqual(fix.cells.map((c) => c.cell), [1, 2]);
      // The top-level range/text is the message's own cell's edit.
      assert.deepEqual([fix.range, fix.text], [fix.cells[1]!.range, fix.cells[1]!.text]);
      const applied = cells.map((text, i) => {
        const e = fix.cells!.find((c) => c.cell === i + 1);
        return e ? text.slice(0, e.range[0]) + e.text + text.slice(e.range[1]) : text;
      });
      assert.deepEqual(applied, [
        // The workspace and its one use become an MLClient together; imports go before the first import.
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport os\nfrom azureml.core import Workspace\n',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())\nprint(ws.workspace_name)\n',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cli: chain suggestions in --format json', function () {
  it('a run whose environment a deployment also takes offers the rewrite it waits on; applying it removes the finding', () => {
    const dir = tmp();
    try {
      const text = [
        'from azureml.core import Workspace, Experiment, Environment, ScriptRunConfig',
        'from azureml.core.model import InferenceConfig, Model',
        'from azureml.core.webservice import AciWebservice',
        'ws = Workspace.from_config()',
        'env = Environment.from_conda_specification(name="train-env", file_path="conda.yml")',
        'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu-cluster", environment=env)',
        'run = Experiment(ws, "exp").submit(src)',
        'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
        'aci = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
        'service = Model.deploy(ws, "svc", [Model(ws, "m")], inference_config, aci)',
        '',
      ].join('\n');
      write(dir, 'train_deploy.py', text);
      const [file] = parseJson(amlint(dir, ['--format', 'json', 'train_deploy.py']));
      const m = file.messages.find((x) => x.ruleId === 'AML102' && x.line === 6);
      const s = m?.suggestions?.[0];
      assert.ok(s, JSON.stringify(m));
      assert.match(s.desc, /^Rewrite as SDK v2: command\(.*\(with the rewrite it waits on\)$/s);
      const applied = text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);
      write(dir, 'applied.py', applied);
      const [after] = parseJson(amlint(dir, ['--format', 'json', 'applied.py']));
      assert.ok(!after.messages.some((x) => x.ruleId !== 'AML100' && /ScriptRunConfig|Model\.deploy/.test(x.message)), applied);
      assert.ok(!after.messages.some((x) => x.fatal), applied);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
