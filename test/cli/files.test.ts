/**
 * Which files `amlint` lints (directory walk, .gitignore, virtual environments, symlinks) and
 * how it reports files it cannot lint (bad notebook JSON, binary, undecodable, unreadable).
 * Spawns the built binary in temporary fixture trees.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { amlint, parseJson, write, type Run, type FileResult } from './helpers';
const V1 = 'from azureml.core import Workspace\n\nws = Workspace.from_config()\n';
const NB = JSON.stringify({
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# v1 notebook'] },
    { cell_type: 'code', execution_count: 1, metadata: {}, outputs: [], source: ['import azureml.core\n', 'print(azureml.core.VERSION)'] },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 2,
});

function rel(base: string, results: FileResult[]): string[] {
  return results.map((r) => path.relative(base, r.filePath).split(path.sep).join('/'));
}

const canSymlink = ((): boolean => {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-link-'));
  try {
    fs.symlinkSync('.', path.join(probe, 'l'), 'dir');
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

describe('cli: dependency files and CI pipelines found in a directory', function () {
  let root: string;
  const CI = 'trigger:\n- main\nsteps:\n- task: AzureCLI@2\n  inputs:\n    inlineScript: \'az extension add -n azure-cli-ml\'\n';
  const CONDA = 'name: ci\ndependencies:\n  - python=3.8\n  - pip:\n    - azureml-sdk==1.2.*\n';

  before(function () {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-kinds-')));
    // The MLOpsPython template keeps its Azure DevOps pipelines in .pipelines/.
    write(root, '.pipelines/diabetes_regression-cd.yml', CI);
    write(root, '.azuredevops/build.yml', CI);
    write(root, '.gitlab-ci.yml', 'stages: [deploy]\ndeploy:\n  script:\n    - az ml model deploy -n svc -m m:1\n');
    // Named by neither convention: recognised by their text.
    write(root, 'pipelines/train-and-deploy.yml', CI);
    write(root, 'diabetes_regression/ci_dependencies.yml', CONDA);
    write(root, 'docker/Dockerfile.gpu', 'FROM python:3.8\nRUN pip install azureml-sdk\n');
    // Stay out: Azure ML job specs, a YAML of neither kind.
    write(root, 'jobs/pipeline.yml', '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json\njobs:\n  train:\n    command: pip install azureml-core\n');
    // (optional `$schema`: its `type:` tells a job spec apart)
    write(root, 'jobs/train.yml', 'type: pipeline\njobs:\n  train:\n    command: pip install azureml-core && az ml run submit-script train.py\n');
    // (not Python: read as Python, it would be a parse error; read as YAML of neither kind, nothing)
    write(root, 'config/settings.yml', '- name: x\n  run: from azureml.core import Run\n');
  });

  after(function () {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds CI pipelines in the Azure DevOps/GitLab folders and by their text, conda files by their text, Dockerfile.<suffix>', function () {
    const results = parseJson(amlint(root, ['--format', 'json']));
    const byFile = Object.fromEntries(results.map((r) => [path.relative(root, r.filePath).split(path.sep).join('/'), r.messages.map((m) => m.ruleId)]));
    assert.deepEqual(byFile, {
      '.azuredevops/build.yml': ['AML501'],
      '.gitlab-ci.yml': ['AML502'],
      '.pipelines/diabetes_regression-cd.yml': ['AML501'],
      'diabetes_regression/ci_dependencies.yml': ['AML401'],
      'docker/Dockerfile.gpu': ['AML401'],
      'pipelines/train-and-deploy.yml': ['AML501'],
    });
  });

  it('reads a YAML file named on the command line by its text, never as Python', function () {
    const r = amlint(root, ['diabetes_regression/ci_dependencies.yml', 'config/settings.yml', '--format', 'json']);
    const results = parseJson(r);
    // Sorted by path: config/settings.yml (neither kind: nothing), then the conda file.
    assert.deepEqual(results.map((f) => f.messages.map((m) => `${m.ruleId} ${m.line}`)), [[], ['AML401 5']]);
  });
});

describe('cli: real dependency-file and pipeline shapes found in a directory (round 34 sample)', function () {
  let root: string;

  before(function () {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-kinds2-')));
    // An Azure DevOps template whose root is the list of stages, outside any CI folder.
    write(root, 'code/build-and-release/ml.cd.yml', '# Release Stages\n- stage: ReleaseDEV\n  jobs:\n  - job: Deploy\n    steps:\n    - task: AzureCLI@2\n      inputs:\n        inlineScript: |\n          az extension add -n azure-cli-ml\n          az ml folder attach -w $(ws) -g $(rg)\n');
    // A cookiecutter template's pyproject.toml (bare names: not valid TOML) and a setup.py.
    write(root, '{{cookiecutter.repo_name}}/pyproject.toml', '[tool.poetry.group.pipelines.dependencies]\nmlflow\nazureml-core\n');
    write(root, 'setup.py', "from setuptools import setup\n\nsetup(name='x', install_requires=['azureml-core'])\n");
    // A GitHub composite action.
    write(root, 'actions/aml/action.yml', "name: aml\nruns:\n  using: composite\n  steps:\n    - run: pip install azureml-sdk\n      shell: bash\n");
    // Stays out: an Ansible playbook (a list at the root too, but not of Azure DevOps steps).
    write(root, 'deploy/playbook.yml', '- hosts: all\n  tasks:\n  - name: attach\n    shell: az ml folder attach -w ws -g rg\n');
  });

  after(function () {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('finds an Azure DevOps template rooted at its list, a composite action, a template pyproject.toml and setup.py; not a playbook', function () {
    const results = parseJson(amlint(root, ['--format', 'json']));
    const byFile = Object.fromEntries(results.map((r) => [path.relative(root, r.filePath).split(path.sep).join('/'), r.messages.map((m) => `${m.ruleId} ${m.line}`)]));
    assert.deepEqual(byFile, {
      'code/build-and-release/ml.cd.yml': ['AML501 9', 'AML502 10'],
      'actions/aml/action.yml': ['AML401 5'],
      'setup.py': ['AML401 3'],
      '{{cookiecutter.repo_name}}/pyproject.toml': ['AML401 3'],
    });
  });
});

describe('cli: which files are linted', function () {
  let tmp: string;
  let root: string;

  before(function () {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-files-')));
    root = path.join(tmp, 'proj');
    write(root, '.gitignore', '# generated code\nignored_dir/\n*.gen.py\nbuild\n');
    write(root, 'a.py', V1);
    write(root, 'nb.ipynb', NB);
    write(root, 'local.py', V1); // only sub/.gitignore names local.py: this one is linted
    write(root, 'readme.txt', 'import azureml.core\n'); // not .py/.ipynb
    write(root, 'x.gen.py', V1);
    write(root, 'ignored_dir/a.py', V1);
    write(root, 'build/b.py', V1);
    write(root, 'sub/.gitignore', 'local.py\n!keep.gen.py\n');
    write(root, 'sub/local.py', V1);
    write(root, 'sub/deeper/local.py', V1);
    write(root, 'sub/keep.gen.py', V1); // root ignores *.gen.py, sub re-includes it
    write(root, 'sub/other.py', V1);
    write(root, '.venv/lib/python3.11/site-packages/azureml/core/__init__.py', V1);
    write(root, 'venv/x.py', V1);
    write(root, 'myenv/pyvenv.cfg', 'home = /usr/bin\n');
    write(root, 'myenv/lib/x.py', V1);
    write(root, 'condaenv/conda-meta/history', '');
    write(root, 'condaenv/x.py', V1);
    write(root, 'vendor/lib/site-packages/x.py', V1);
    write(root, 'node_modules/pkg/x.py', V1);
    write(root, '__pycache__/x.py', V1);
    write(root, '.tox/py311/x.py', V1);
    write(root, '.nox/x.py', V1);
    write(root, '.ipynb_checkpoints/nb-checkpoint.ipynb', NB);
    write(root, '.git/info/exclude', 'excluded_by_git_info.py\n');
    write(root, '.git/hooks/x.py', V1);
    write(root, 'excluded_by_git_info.py', V1);
    write(tmp, 'outside/o.py', V1);
    if (canSymlink) {
      fs.symlinkSync('.', path.join(root, 'loop'), 'dir');
      fs.symlinkSync('..', path.join(root, 'sub', 'up'), 'dir');
      fs.symlinkSync(path.join(tmp, 'outside'), path.join(root, 'linked'), 'dir');
      fs.symlinkSync('a.py', path.join(root, 'alias.py'), 'file');
      fs.symlinkSync('missing.py', path.join(root, 'dangling.py'), 'file');
    }
  });

  after(function () {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('walks directories for .py and .ipynb, skipping ignored paths and virtual environments, sorted', function () {
    const r = amlint(root, ['--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const expected = ['a.py', ...(canSymlink ? ['linked/o.py'] : []), 'local.py', 'nb.ipynb', 'sub/keep.gen.py', 'sub/other.py'];
    assert.deepEqual(rel(root, parseJson(r)), expected);
  });

  it('defaults to the current directory', function () {
    const withDot = parseJson(amlint(root, ['.', '--format', 'json']));
    const without = parseJson(amlint(root, ['--format', 'json']));
    assert.deepEqual(rel(root, without), rel(root, withDot));
  });

  it("applies the .gitignore files of a walked directory's parents", function () {
    const fromRoot = amlint(root, ['sub', '--format', 'json']);
    assert.deepEqual(rel(root, parseJson(fromRoot)), ['sub/keep.gen.py', 'sub/other.py']);
    const fromSub = amlint(path.join(root, 'sub'), ['--format', 'json']);
    assert.deepEqual(rel(root, parseJson(fromSub)), ['sub/keep.gen.py', 'sub/other.py']);
  });

  it('always lints files named on the command line', function () {
    const r = amlint(root, ['x.gen.py', 'ignored_dir/a.py', 'readme.txt', 'venv/x.py', '--format', 'json']);
    const files = rel(root, parseJson(r));
    assert.deepEqual(files, ['ignored_dir/a.py', 'readme.txt', 'venv/x.py', 'x.gen.py']);
  });

  it('lists a file named twice once', function () {
    const r = amlint(root, ['a.py', './a.py', '--format', 'json']);
    assert.deepEqual(rel(root, parseJson(r)), ['a.py']);
  });

  it('does not hang on symlink loops', function () {
    if (!canSymlink) this.skip();
    // A loop would hang the run until mocha's timeout fails the test.
    const r = amlint(root, ['.', 'sub', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
  });
});

describe('cli: files that cannot be linted', function () {
  let dir: string;

  before(function () {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-bad-')));
    write(dir, 'good.py', V1);
    write(dir, 'broken.ipynb', '{"cells": [');
    write(dir, 'notjson.ipynb', 'import azureml.core\n');
    write(dir, 'binary.py', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
    // "# café au lait" in Latin-1: 0xE9 is not valid UTF-8 (line 1, column 6).
    write(dir, 'latin.py', Buffer.from('# caf\u00e9 au lait\nimport azureml.core\n', 'latin1'));
    // The same bytes with a PEP 263 declaration are valid Python.
    write(dir, 'cookie.py', Buffer.from('# -*- coding: latin-1 -*-\n# caf\u00e9\nfrom azureml.core import Workspace\n', 'latin1'));
    write(dir, 'bom.py', '\ufefffrom azureml.core import Workspace\n');
    write(dir, 'empty.py', '');
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function lintAll(): { r: Run; byName: Map<string, FileResult> } {
    const r = amlint(dir, ['--format', 'json']);
    const results = parseJson(r);
    return { r, byName: new Map(results.map((x) => [path.basename(x.filePath), x])) };
  }

  function assertFatal(result: FileResult | undefined, pattern: RegExp): void {
    assert.ok(result, 'the file is in the report');
    assert.equal(result.messages.length, 1, JSON.stringify(result.messages));
    const [m] = result.messages;
    assert.equal(m!.ruleId, null);
    assert.equal(m!.fatal, true);
    assert.equal(m!.severity, 2);
    assert.equal(m!.line, 1);
    assert.equal(m!.column, 1);
    assert.match(m!.message, pattern);
    assert.equal(result.errorCount, 1);
    assert.equal(result.warningCount, 0);
    assert.equal(result.fatalErrorCount, 1);
  }

  it('reports every file, sorted, and exits 1', function () {
    const { r, byName } = lintAll();
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      [...byName.keys()],
      ['binary.py', 'bom.py', 'broken.ipynb', 'cookie.py', 'empty.py', 'good.py', 'latin.py', 'notjson.ipynb'],
    );
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('gives invalid notebook JSON one fatal message', function () {
    const { byName } = lintAll();
    assertFatal(byName.get('broken.ipynb'), /./);
    assertFatal(byName.get('notjson.ipynb'), /./);
  });

  it('gives a binary .py file one fatal message', function () {
    assertFatal(lintAll().byName.get('binary.py'), /binary/i);
  });

  it('gives invalid UTF-8 one fatal message naming the problem and where it is', function () {
    const result = lintAll().byName.get('latin.py');
    assertFatal(result, /UTF-8/);
    assert.match(result!.messages[0]!.message, /0xE9/);
    assert.match(result!.messages[0]!.message, /line 1, column 6/);
  });

  it('still lints the other files', function () {
    const { byName } = lintAll();
    const good = byName.get('good.py')!;
    assert.ok(good.messages.some((m) => m.ruleId === 'AML100' && m.line === 1 && m.column === 6));
    assert.deepEqual(byName.get('empty.py')!.messages, []);
  });

  it('decodes a file with a coding declaration', function () {
    const cookie = lintAll().byName.get('cookie.py')!;
    assert.ok(!cookie.messages.some((m) => m.fatal), JSON.stringify(cookie.messages));
    assert.ok(cookie.messages.some((m) => m.ruleId === 'AML100' && m.line === 3 && m.column === 6));
  });

  it('does not count a BOM as a column', function () {
    const bom = lintAll().byName.get('bom.py')!;
    const imp = bom.messages.find((m) => m.ruleId === 'AML100');
    assert.ok(imp, JSON.stringify(bom.messages));
    assert.deepEqual([imp.line, imp.column, imp.endLine, imp.endColumn], [1, 6, 1, 18]);
  });

  it('reports an unreadable file with the reason', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads anything
    const sub = fs.mkdtempSync(path.join(dir, 'perm-'));
    const file = path.join(sub, 'secret.py');
    fs.writeFileSync(file, V1);
    fs.chmodSync(file, 0o000);
    try {
      const r = amlint(sub, ['--format', 'json']);
      const [result] = parseJson(r);
      assert.equal(r.status, 1);
      assert.equal(result!.fatalErrorCount, 1);
      assert.match(result!.messages[0]!.message, /permission denied/);
    } finally {
      fs.chmodSync(file, 0o644);
      fs.rmSync(sub, { recursive: true, force: true });
    }
  });

  it('shows fatal messages in stylish output as errors', function () {
    const r = amlint(dir, ['binary.py', 'good.py']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^binary\.py$/m);
    assert.match(r.stdout, /^  1:1\s+error\s+binary file/m);
  });
});
