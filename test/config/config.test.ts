/**
 * Configuration: `[tool.amlint]` parsing and validation (every error names file, line, column
 * and key), layer precedence, per-file-ignores, exclude, and discovery of the nearest
 * pyproject.toml.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConfigResolver,
  formatConfigError,
  isExcluded,
  parseConfigText,
  perFileIgnoredCodes,
  resolveSettings,
  type ConfigError,
  type LoadedConfig,
} from '../../server/src/config';
import { KeyLocator } from '../../server/src/config/locate';
import { lint, listRules } from '../../server/src/engine';

const FILE = path.resolve('/proj/pyproject.toml');

function errorsOf(text: string, file = FILE): ConfigError[] {
  const r = parseConfigText(text, file);
  assert.equal(r.ok, false, `expected errors for:\n${text}`);
  return r.ok ? [] : r.errors;
}

function configOf(text: string, file = FILE): LoadedConfig {
  const r = parseConfigText(text, file);
  if (!r.ok) assert.fail(r.errors.map((e) => formatConfigError(e)).join('\n'));
  assert.ok(r.config, 'expected an amlint section');
  return r.config;
}

const ALL = listRules().map((r) => r.code);

describe('config: parsing and validation', () => {
  it('reads every key of [tool.amlint]', () => {
    const c = configOf(
      [
        '[project]',
        'name = "demo"',
        '',
        '[tool.amlint]',
        'select = ["AML1", "aml201"]',
        'extend-select = ["AML301"]',
        'ignore = ["AML113"]',
        'exclude = ["build/", "**/*_generated.py"]',
        'report-unused-directives = "info"',
        '',
        '[tool.amlint.severity]',
        'AML101 = "error"',
        'AML103 = "off"',
        '',
        '[tool.amlint.notebook-severity]',
        'AML100 = "info"',
        '',
        '[tool.amlint.per-file-ignores]',
        '"notebooks/**" = ["AML100"]',
        '"!src/**" = ["AML2"]',
      ].join('\n'),
    );
    assert.deepEqual(c.layer.select, ['AML1', 'AML201']);
    assert.deepEqual(c.layer.extendSelect, ['AML301']);
    assert.deepEqual(c.layer.ignore, ['AML113']);
    assert.deepEqual(c.layer.severity, { AML101: 'error', AML103: 'off' });
    assert.deepEqual(c.layer.notebookSeverity, { AML100: 'info' });
    assert.equal(c.layer.reportUnusedDirectives, 'info');
    assert.deepEqual(c.exclude, ['build/', '**/*_generated.py']);
    assert.deepEqual(c.perFileIgnores, [
      { pattern: 'notebooks/**', negated: false, codes: ['AML100'] },
      { pattern: 'src/**', negated: true, codes: ['AML2'] },
    ]);
    assert.equal(c.dir, path.dirname(FILE));
    // The file's own settings: AML1xx minus AML113, plus AML201 and AML301.
    const expected = ALL.filter((x) => (x.startsWith('AML1') && x !== 'AML113') || x === 'AML201' || x === 'AML301');
    assert.deepEqual(c.settings.select, expected);
  });

  it('a pyproject.toml without [tool.amlint] is no configuration (and is not an error)', () => {
    assert.deepEqual(parseConfigText('[tool.ruff]\nselect = ["E"]\n', FILE), { ok: true, config: undefined });
    assert.deepEqual(parseConfigText('', FILE), { ok: true, config: undefined });
  });

  it('a TOML syntax error gives the line and column from the parser', () => {
    const [e] = errorsOf('[tool.amlint]\nselect = ["AML1",\nignore = 3\n');
    assert.equal(e.file, FILE);
    assert.equal(e.line, 3);
    assert.ok(e.column >= 1);
    assert.equal(e.key, '');
    assert.match(e.message, /^TOML syntax error: /);
    assert.match(formatConfigError(e), /pyproject\.toml:3:\d+: TOML syntax error/);
  });

  it('a syntax error in a pyproject.toml that has no amlint section is not ours to report', () => {
    assert.deepEqual(parseConfigText('[tool.black\nline-length = 88\n', FILE), { ok: true, config: undefined });
    // ...but one in a file that mentions [tool.amlint] is.
    assert.equal(parseConfigText('[tool.black\n[tool.amlint]\nselect = []\n', FILE).ok, false);
  });

  it('an unknown key names the key, its line and a suggestion', () => {
    const errors = errorsOf('[tool.amlint]\nselect = ["AML1"]\n\nper_file_ignores = {}\nfoo = 1\n');
    assert.equal(errors.length, 2);
    assert.deepEqual(errors.map((e) => [e.key, e.line, e.column]), [
      ['tool.amlint.per_file_ignores', 4, 1],
      ['tool.amlint.foo', 5, 1],
    ]);
    assert.match(errors[0].message, /unknown key 'per_file_ignores' \(did you mean 'per-file-ignores'\?\)/);
    assert.match(errors[1].message, /expected one of: select, extend-select, ignore/);
  });

  it('an unknown rule code points at the code itself, in arrays and in tables', () => {
    const errors = errorsOf(
      ['[tool.amlint]', 'select = [', '  "AML1",', '  "AML999",', ']', 'severity = { AML101 = "error", AML998 = "off" }', '[tool.amlint.per-file-ignores]', '"tests/*.py" = ["AMLX"]'].join('\n'),
    );
    assert.deepEqual(
      errors.map((e) => `${e.line}:${e.column} ${e.key}`),
      ['4:3 tool.amlint.select', '6:32 tool.amlint.severity.AML998', '8:17 tool.amlint.per-file-ignores."tests/*.py"'],
    );
    assert.match(errors[0].message, /unknown rule code or prefix 'AML999'/);
    assert.match(errors[2].message, /'AMLX'/);
  });

  it('wrong types are reported with the expected and the actual type', () => {
    const errors = errorsOf(
      [
        '[tool.amlint]',
        'select = "AML1"',
        'ignore = [1]',
        'exclude = "build"',
        'report-unused-directives = 3',
        '[tool.amlint.severity]',
        'AML101 = "loud"',
        'AML102 = true',
      ].join('\n'),
    );
    const by = new Map(errors.map((e) => [e.key, e]));
    assert.match(by.get('tool.amlint.select')!.message, /expected an array of rule codes .* got a string/);
    assert.equal(by.get('tool.amlint.select')!.line, 2);
    assert.match(by.get('tool.amlint.ignore')!.message, /element 1: expected a rule code \(a string\), got a number/);
    assert.match(by.get('tool.amlint.exclude')!.message, /expected an array of glob patterns/);
    assert.equal(by.get('tool.amlint.exclude')!.line, 4);
    assert.match(by.get('tool.amlint.report-unused-directives')!.message, /expected one of "off", "hint", "info", "warning", "error", got a number/);
    assert.equal(by.get('tool.amlint.severity.AML101')!.line, 7);
    assert.match(by.get('tool.amlint.severity.AML101')!.message, /got "loud"/);
    assert.equal(by.get('tool.amlint.severity.AML102')!.line, 8);
    assert.equal(errors.length, 6);
  });

  it('tool.amlint that is not a table is an error; a non-pyproject file is read from the top level', () => {
    const [e] = errorsOf('tool.amlint = 3\n');
    assert.equal(e.key, 'tool.amlint');
    assert.equal(e.line, 1);
    const c = configOf('select = ["AML0"]\n', path.resolve('/proj/amlint.toml'));
    assert.deepEqual(c.layer.select, ['AML0']);
    const [e2] = errorsOf('selcet = ["AML0"]\n', path.resolve('/proj/amlint.toml'));
    assert.equal(e2.key, 'selcet');
    assert.match(e2.message, /did you mean 'select'/);
  });

  it('dotted keys and quoted keys are located', () => {
    const text = '[tool]\namlint.severity.AML101 = "error"\n"amlint".severity.AML999 = "off"\n';
    const [e] = errorsOf(text);
    assert.equal(e.line, 3);
    assert.equal(e.key, 'tool.amlint.severity.AML999');
    const loc = new KeyLocator('[a]\nb = { c = 1, "d e" = 2 }\n');
    assert.deepEqual(loc.locate(['a', 'b', 'd e']), { line: 2, column: 14 });
  });
});

describe('config: precedence and per-file settings', () => {
  it('CLI select replaces the file selection; CLI ignore removes on top of it', () => {
    const file = configOf('[tool.amlint]\nselect = ["AML1"]\nignore = ["AML101"]\n');
    assert.ok(!file.settings.select!.includes('AML101'));
    const cliSelect = resolveSettings({ layers: [file.layer, { select: ['AML101', 'AML0'] }] });
    assert.deepEqual(cliSelect.select, ['AML001', 'AML002', 'AML003', 'AML101']);
    const cliIgnore = resolveSettings({ layers: [file.layer, { ignore: ['AML102'] }] });
    assert.ok(cliIgnore.select!.every((c) => c.startsWith('AML1') && c !== 'AML101' && c !== 'AML102'));
  });

  it('severity: editor overrides file, CLI overrides both; a code beats a prefix in one layer', () => {
    const file = configOf('[tool.amlint.severity]\nAML1 = "error"\nAML103 = "hint"\nAML101 = "info"\n');
    const only = resolveSettings({ layers: [file.layer] });
    assert.equal(only.severity!.AML102, 'error');
    assert.equal(only.severity!.AML103, 'hint');
    assert.equal(only.severity!.AML101, 'info');
    const editor = { severity: { AML101: 'warning' as const } };
    const cli = { severity: { AML102: 'off' as const } };
    const all = resolveSettings({ layers: [file.layer, editor, cli] });
    assert.equal(all.severity!.AML101, 'warning');
    assert.equal(all.severity!.AML102, 'off');
    assert.equal(all.severity!.AML103, 'hint');
  });

  it('the resolved settings drive the engine', () => {
    const file = configOf('[tool.amlint]\nseverity = { AML101 = "error" }\nnotebook-severity = { AML101 = "off" }\nignore = ["AML100"]\n');
    const settings = resolveSettings({ layers: [file.layer] });
    const text = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';
    assert.deepEqual(lint({ kind: 'python', text }, settings).findings.map((f) => `${f.code}:${f.severity}`), ['AML101:error']);
    assert.deepEqual(lint({ kind: 'notebook', cells: [{ kind: 'code', text }] }, settings).findings, []);
  });

  it('everything ignored means no rule runs (not "all rules")', () => {
    const s = resolveSettings({ layers: [{ ignore: ['AML'] }] });
    assert.deepEqual(lint({ kind: 'python', text: 'import azureml.core\n' }, s).findings, []);
  });

  it('per-file-ignores: globs relative to the config directory; no slash = any depth; ! negates', () => {
    const c = configOf('[tool.amlint.per-file-ignores]\n"*.ipynb" = ["AML100"]\n"scripts/**" = ["AML101", "AML102"]\n"!src/**" = ["AML2"]\n');
    const at = (rel: string): string[] => perFileIgnoredCodes(c, path.join(c.dir, rel));
    assert.deepEqual(at('deep/dir/nb.ipynb'), ['AML100', 'AML2']);
    assert.deepEqual(at('scripts/run/a.py'), ['AML101', 'AML102', 'AML2']);
    assert.deepEqual(at('src/a.py'), []);
    const s = resolveSettings({ layers: [c.layer], config: c, filePath: path.join(c.dir, 'src', 'nb.ipynb') });
    assert.ok(!s.select!.includes('AML100'));
    assert.ok(s.select!.includes('AML201'));
  });

  it('exclude: directory patterns, any-depth names, paths from the config directory', () => {
    const c = configOf('[tool.amlint]\nexclude = ["build/", "*_pb2.py", "src/legacy/**", "/top.py"]\n');
    const ex = (rel: string, dir = false): boolean => isExcluded(c, path.join(c.dir, rel), dir);
    assert.equal(ex('build/a.py'), true);
    assert.equal(ex('pkg/build/a.py'), true);
    assert.equal(ex('build', true), true);
    assert.equal(ex('build'), false, '"build/" matches directories only');
    assert.equal(ex('x/y_pb2.py'), true);
    assert.equal(ex('src/legacy/a.py'), true);
    assert.equal(ex('other/src/legacy/a.py'), false);
    assert.equal(ex('top.py'), true);
    assert.equal(ex('sub/top.py'), false);
    assert.equal(ex('src/train.py'), false);
    assert.equal(isExcluded(c, path.resolve(c.dir, '..', 'build', 'a.py')), false, 'outside the config directory');
  });
});

describe('config: discovery', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-config-'));
    fs.mkdirSync(path.join(dir, 'a', 'b', 'c'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'other'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.amlint]\nselect = ["AML0"]\n');
    fs.writeFileSync(path.join(dir, 'a', 'pyproject.toml'), '[tool.amlint]\nselect = ["AML1"]\n');
    fs.writeFileSync(path.join(dir, 'a', 'b', 'pyproject.toml'), '[tool.black]\nline-length = 100\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the nearest pyproject.toml with [tool.amlint] wins; one without it is skipped', () => {
    const r = new ConfigResolver();
    const deep = r.forPath(path.join(dir, 'a', 'b', 'c', 'x.py'));
    assert.ok(deep.ok && deep.config);
    assert.equal(deep.config.file, path.join(dir, 'a', 'pyproject.toml'));
    const top = r.forPath(path.join(dir, 'other', 'y.py'));
    assert.ok(top.ok && top.config);
    assert.equal(top.config.file, path.join(dir, 'pyproject.toml'));
  });

  it('--config overrides discovery; --no-config disables it; a missing --config file is an error', () => {
    const explicit = new ConfigResolver({ explicit: path.join(dir, 'pyproject.toml') });
    const r = explicit.forPath(path.join(dir, 'a', 'b', 'c', 'x.py'));
    assert.ok(r.ok && r.config);
    assert.deepEqual(r.config.layer.select, ['AML0']);
    assert.deepEqual(new ConfigResolver({ none: true }).forPath(path.join(dir, 'a', 'x.py')), { ok: true, config: undefined });
    const missing = new ConfigResolver({ explicit: path.join(dir, 'nope.toml') }).forPath(path.join(dir, 'x.py'));
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.errors[0].message : '', /not found/);
  });

  it('invalidate() picks up a changed file (the language server reloads on didChangeWatchedFiles)', () => {
    const r = new ConfigResolver();
    const file = path.join(dir, 'a', 'b', 'c', 'x.py');
    const first = r.forPath(file);
    assert.ok(first.ok && first.config?.file.endsWith(path.join('a', 'pyproject.toml')));
    fs.writeFileSync(path.join(dir, 'a', 'b', 'pyproject.toml'), '[tool.amlint]\nselect = ["AML2"]\n');
    try {
      const cached = r.forPath(file);
      assert.ok(cached.ok && cached.config?.file.endsWith(path.join('a', 'pyproject.toml')), 'cached until invalidated');
      r.invalidate(path.join(dir, 'a', 'b', 'pyproject.toml'));
      const fresh = r.forPath(file);
      assert.ok(fresh.ok && fresh.config);
      assert.deepEqual(fresh.config.layer.select, ['AML2']);
    } finally {
      fs.writeFileSync(path.join(dir, 'a', 'b', 'pyproject.toml'), '[tool.black]\nline-length = 100\n');
    }
  });
});
