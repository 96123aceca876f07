/**
 * The `amlint` command line, end to end: spawns the built binary (`node bin/amlint.js`) in a
 * temporary directory of fixtures and checks exit codes, flags and output.
 *
 * Expectations are facts about the fixture code (e.g. `from azureml.core import Workspace` is a
 * v1 import whose module path `azureml.core` spans columns 6-18 of line 1), not recorded output.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { ROOT, amlint, parseJson, write, engine, type FileResult } from './helpers';
const V1 = 'from azureml.core import Workspace\n\nws = Workspace.from_config()\n';
const V2 = [
  'from azure.ai.ml import Input, MLClient, command',
  'from azure.identity import DefaultAzureCredential',
  '',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  'job = command(',
  '    code="./src",',
  '    command="python train.py --data ${{inputs.data}}",',
  '    inputs={"data": Input(type="uri_file", path="azureml://datastores/workspaceblobstore/paths/data.csv")},',
  '    environment="azureml:sklearn-env:1",',
  '    compute="cpu-cluster",',
  ')',
  'ml_client.jobs.create_or_update(job)',
  '',
].join('\n');
/** v1 and v2 `Workspace` bound to one name in one module: AML001 (mixing) and AML002 (collision). */
const MIXED = 'from azureml.core import Workspace\nfrom azure.ai.ml.entities import Workspace\n';

function notebook(cells: Array<['markdown' | 'code', string]>): string {
  return JSON.stringify({
    cells: cells.map(([kind, text]) =>
      kind === 'code'
        ? { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: text.split(/(?<=\n)/) }
        : { cell_type: 'markdown', metadata: {}, source: text.split(/(?<=\n)/) },
    ),
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

describe('cli: exit codes and flags', function () {
  let dir: string;

  before(function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-cli-'));
    write(dir, 'v1.py', V1);
    write(dir, 'v2.py', V2);
    write(dir, 'mixed.py', MIXED);
    write(dir, 'only-v2/v2.py', V2);
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 with no output for a clean v2 file', function () {
    const r = amlint(dir, ['v2.py']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
  });

  it('exits 0 for a directory of v2 code, and lists the file in JSON with no messages', function () {
    const r = amlint(dir, ['only-v2', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const results = parseJson(r);
    assert.equal(results.length, 1);
    assert.equal(results[0]!.filePath, path.join(fs.realpathSync(dir), 'only-v2', 'v2.py'));
    assert.deepEqual(results[0]!.messages, []);
    assert.equal(results[0]!.errorCount, 0);
    assert.equal(results[0]!.warningCount, 0);
  });

  it('exits 1 for a v1 file', function () {
    const r = amlint(dir, ['v1.py']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /AML100/);
  });

  it('exits 2 on an unknown flag, naming it', function () {
    const r = amlint(dir, ['--no-such-flag', 'v1.py']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--no-such-flag/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 on an unknown --format', function () {
    const r = amlint(dir, ['--format', 'xml', 'v1.py']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /xml/);
  });

  it('exits 2 on a missing path, naming it, and lints nothing', function () {
    const r = amlint(dir, ['v1.py', 'does-not-exist.py']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /does-not-exist\.py/);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('exits 2 on a bad --max-warnings value', function () {
    assert.equal(amlint(dir, ['--max-warnings', 'many', 'v1.py']).status, 2);
  });

  it('--version prints the package version', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = amlint(dir, ['--version']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it('--help prints usage and exits 0', function () {
    const r = amlint(dir, ['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: amlint/);
    for (const flag of ['--format', '--list-rules', '--explain', '--select', '--ignore', '--stdin', '--max-warnings']) {
      assert.ok(r.stdout.includes(flag), `help mentions ${flag}`);
    }
  });

  describe('--list-rules', function () {
    it('prints a table of every rule with code, name, severity, fixable and summary', function () {
      const r = amlint(dir, ['--list-rules']);
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.match(lines[0]!, /^Code\s+Name\s+Severity\s+Fixable\s+Summary$/);
      const rules = engine().listRules();
      assert.ok(rules.some((rule) => rule.code === 'AML100'), 'AML100 exists');
      for (const rule of rules) {
        const row = lines.find((l) => l.startsWith(`${rule.code} `));
        assert.ok(row, `a row for ${rule.code}`);
        assert.ok(row.includes(rule.name) && row.includes(rule.defaultSeverity) && row.includes(rule.fixable), row);
      }
      assert.ok(lines.some((l) => /^AML100\s/.test(l)));
    });

    it('prints JSON with --format json', function () {
      const r = amlint(dir, ['--list-rules', '--format', 'json']);
      assert.equal(r.status, 0, r.stderr);
      const rows = JSON.parse(r.stdout) as Array<{ code: string; summary: string }>;
      assert.ok(rows.some((row) => row.code === 'AML100' && row.summary.length > 0));
    });
  });

  describe('--explain', function () {
    it("prints the rule's documentation page", function () {
      const r = amlint(dir, ['--explain', 'AML100']);
      assert.equal(r.status, 0, r.stderr);
      const page = engine().explain('AML100');
      assert.ok(page, 'explain(AML100) returns a page');
      assert.equal(r.stdout.trimEnd(), page.trimEnd());
    });

    it('accepts a lower-case code', function () {
      const r = amlint(dir, ['--explain', 'aml101']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /AML101/);
    });

    it('exits 2 on an unknown code, naming it', function () {
      const r = amlint(dir, ['--explain', 'AML999']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /AML999/);
      assert.equal(r.stdout, '');
    });
  });

  describe('--stdin', function () {
    it('lints stdin as the named Python file', function () {
      const r = amlint(dir, ['--stdin', '--stdin-filename', 'pkg/from_stdin.py', '--format', 'json'], V1);
      assert.equal(r.status, 1, r.stderr);
      const [result] = parseJson(r);
      assert.equal(result!.filePath, path.join(fs.realpathSync(dir), 'pkg', 'from_stdin.py'));
      const imp = result!.messages.find((m) => m.ruleId === 'AML100');
      assert.ok(imp, 'AML100 for the import');
      assert.deepEqual([imp.line, imp.column, imp.endLine, imp.endColumn], [1, 6, 1, 18]);
    });

    it('lints stdin as a notebook when the name ends in .ipynb', function () {
      const nb = notebook([
        ['markdown', '# Title'],
        ['code', 'import azureml.core\nprint(azureml.core.VERSION)'],
      ]);
      const r = amlint(dir, ['--stdin', '--stdin-filename', 'nb.ipynb', '--format', 'json'], nb);
      assert.equal(r.status, 1, r.stderr);
      const imp = parseJson(r)[0]!.messages.find((m) => m.ruleId === 'AML100');
      assert.ok(imp);
      // `import azureml.core`: the module path starts after "import " (7 characters).
      assert.deepEqual([imp.cell, imp.line, imp.column, imp.endLine, imp.endColumn], [2, 1, 8, 1, 20]);
    });

    it('exits 0 for clean stdin', function () {
      const r = amlint(dir, ['--stdin', '--stdin-filename', 'clean.py'], V2);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '');
    });

    it('is a usage error to give paths with --stdin, or --stdin-filename without --stdin', function () {
      assert.equal(amlint(dir, ['--stdin', 'v1.py'], V1).status, 2);
      assert.equal(amlint(dir, ['--stdin-filename', 'x.py', 'v1.py']).status, 2);
    });
  });

  describe('--select / --ignore', function () {
    it('--select keeps only the selected rules', function () {
      const r = amlint(dir, ['v1.py', '--select', 'AML100', '--format', 'json']);
      assert.equal(r.status, 1, r.stderr);
      const msgs = parseJson(r)[0]!.messages;
      assert.ok(msgs.length > 0);
      assert.ok(msgs.every((m) => m.ruleId === 'AML100'), JSON.stringify(msgs));
    });

    it('--select takes prefixes and comma lists', function () {
      const r = amlint(dir, ['v1.py', '--select', 'AML0, AML101', '--format', 'json']);
      assert.equal(r.status, 1, r.stderr);
      const msgs = parseJson(r)[0]!.messages;
      // v1.py calls Workspace.from_config() (AML101) and mixes nothing (no AML0xx).
      assert.ok(msgs.some((m) => m.ruleId === 'AML101'));
      assert.ok(msgs.every((m) => m.ruleId === 'AML101'), JSON.stringify(msgs));
    });

    it('--ignore drops a rule and keeps the others', function () {
      const r = amlint(dir, ['v1.py', '--ignore', 'AML100', '--format', 'json']);
      assert.equal(r.status, 1, r.stderr);
      const msgs = parseJson(r)[0]!.messages;
      assert.ok(!msgs.some((m) => m.ruleId === 'AML100'));
      assert.ok(msgs.some((m) => m.ruleId === 'AML101'));
    });

    it('ignoring every rule that fires gives exit 0', function () {
      const r = amlint(dir, ['v1.py', '--ignore', 'AML1']);
      assert.equal(r.status, 0, r.stdout + r.stderr);
    });

    it('exits 2 on an unknown code', function () {
      const r = amlint(dir, ['v1.py', '--select', 'AML9']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /AML9/);
    });
  });

  describe('--quiet and --max-warnings', function () {
    it('--quiet reports errors only, and warnings alone then exit 0', function () {
      const full = parseJson(amlint(dir, ['v1.py', 'mixed.py', '--format', 'json']));
      const quiet = amlint(dir, ['v1.py', 'mixed.py', '--format', 'json', '--quiet']);
      const results = parseJson(quiet);
      for (const [i, r] of results.entries()) {
        assert.ok(r.messages.every((m) => m.severity === 2));
        assert.equal(r.messages.length, full[i]!.errorCount);
        assert.equal(r.warningCount, 0);
      }
      const errors = full.reduce((n, r) => n + r.errorCount, 0);
      assert.equal(quiet.status, errors > 0 ? 1 : 0);
      // v1.py alone has only v1 API findings, none of which defaults to error.
      const v1 = full.find((r) => r.filePath.endsWith('v1.py'))!;
      assert.equal(v1.errorCount, 0);
      assert.ok(v1.warningCount > 0);
      assert.equal(amlint(dir, ['v1.py', '--quiet']).status, 0);
      // mixed.py binds `Workspace` to v1 and v2 classes: AML002 is an error.
      assert.ok(full.find((r) => r.filePath.endsWith('mixed.py'))!.errorCount > 0);
      assert.equal(quiet.status, 1);
    });

    it('--max-warnings N tolerates up to N warnings', function () {
      const [result] = parseJson(amlint(dir, ['v1.py', '--format', 'json']));
      const w = result!.warningCount;
      assert.equal(result!.errorCount, 0);
      assert.ok(w > 0);
      assert.equal(amlint(dir, ['v1.py', '--max-warnings', String(w)]).status, 0);
      const over = amlint(dir, ['v1.py', '--max-warnings', String(w - 1)]);
      assert.equal(over.status, 1);
      assert.match(over.stderr, /too many warnings/);
    });

    it('--max-warnings does not excuse errors', function () {
      assert.equal(amlint(dir, ['mixed.py', '--max-warnings', '1000']).status, 1);
    });
  });

  describe('--output-file', function () {
    it('writes the report to the file and nothing to stdout', function () {
      const out = path.join(dir, 'reports', 'amlint.json');
      const r = amlint(dir, ['v1.py', '--format', 'json', '--output-file', out]);
      assert.equal(r.status, 1, r.stderr);
      assert.equal(r.stdout, '');
      const results = JSON.parse(fs.readFileSync(out, 'utf8')) as FileResult[];
      assert.equal(results.length, 1);
      assert.ok(results[0]!.messages.length > 0);
    });

    it('overwrites an old report even when there is nothing to report', function () {
      const out = path.join(dir, 'reports', 'stylish.txt');
      write(dir, 'reports/stylish.txt', 'stale report\n');
      const r = amlint(dir, ['v2.py', '-o', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.readFileSync(out, 'utf8'), '');
    });
  });

  describe('stylish format', function () {
    it('prints path, aligned rows and a summary, without colour when stdout is not a TTY', function () {
      const r = amlint(dir, ['v1.py']);
      assert.equal(r.status, 1, r.stderr);
      assert.doesNotMatch(r.stdout, /\x1b\[/, 'no ANSI escapes');
      const lines = r.stdout.split('\n');
      assert.ok(lines.includes('v1.py'), r.stdout);
      const severity = engine().getRule('AML100')!.defaultSeverity;
      const row = lines.find((l) => l.endsWith('AML100'));
      assert.ok(row, r.stdout);
      assert.match(row, new RegExp(`^  1:6\\s+${severity}\\s+\\S.*\\s{2}AML100$`));
      const [result] = parseJson(amlint(dir, ['v1.py', '--format', 'json']));
      const n = result!.messages.length;
      const e = result!.errorCount;
      const w = result!.warningCount;
      const plural = (k: number, word: string): string => `${k} ${word}${k === 1 ? '' : 's'}`;
      assert.ok(
        r.stdout.includes(`\u2716 ${plural(n, 'problem')} (${plural(e, 'error')}, ${plural(w, 'warning')})`),
        r.stdout,
      );
      // Rows of one file are aligned: the severity column starts at the same offset.
      const rows = lines.filter((l) => /^  \d+:\d+ /.test(l));
      const starts = new Set(rows.map((l) => l.search(/(error|warning|info|hint)/)));
      assert.equal(starts.size, 1, r.stdout);
    });

    it('uses colour with --color, and never with NO_COLOR', function () {
      assert.match(amlint(dir, ['v1.py', '--color']).stdout, /\x1b\[/);
      assert.doesNotMatch(amlint(dir, ['v1.py'], undefined, { NO_COLOR: '1' }).stdout, /\x1b\[/);
    });

    it('prints nothing for clean code', function () {
      assert.equal(amlint(dir, ['v2.py']).stdout, '');
    });
  });
});
