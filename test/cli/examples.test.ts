/**
 * The bundled examples (what `npm run examples` lints): hand-checked facts about the v1 code
 * in them, and silence on the v2 files. Line numbers are looked up from the example text, so
 * editing an example does not silently break the facts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ROOT, amlint, parseJson, type Message, type FileResult } from './helpers';
const EXAMPLES = path.join(ROOT, 'examples');

/** 1-based line (and column of `text`) of the first line containing `text`. */
function locate(lines: string[], text: string): { line: number; column: number } {
  const i = lines.findIndex((l) => l.includes(text));
  assert.ok(i >= 0, `example contains ${JSON.stringify(text)}`);
  return { line: i + 1, column: lines[i]!.indexOf(text) + 1 };
}

function fileLines(rel: string): string[] {
  return fs.readFileSync(path.join(EXAMPLES, rel), 'utf8').split(/\r?\n/);
}

/** 1-based cell index (among all cells) and 1-based line inside it of the first cell line containing `text`. */
function locateInNotebook(rel: string, text: string): { cell: number; line: number; column: number } {
  const nb = JSON.parse(fs.readFileSync(path.join(EXAMPLES, rel), 'utf8')) as {
    cells: Array<{ cell_type: string; source: string | string[] }>;
  };
  for (const [i, c] of nb.cells.entries()) {
    if (c.cell_type !== 'code') continue;
    const src = Array.isArray(c.source) ? c.source.join('') : c.source;
    const lines = src.split('\n');
    const j = lines.findIndex((l) => l.includes(text));
    if (j >= 0) return { cell: i + 1, line: j + 1, column: lines[j]!.indexOf(text) + 1 };
  }
  assert.fail(`notebook contains ${JSON.stringify(text)}`);
}

describe('examples/', function () {
  let byPath: Map<string, FileResult>;
  let status: number | null;

  before(function () {
    const r = amlint(ROOT, ['examples', '--format', 'json']);
    status = r.status;
    byPath = new Map(parseJson(r).map((x) => [path.relative(EXAMPLES, x.filePath).split(path.sep).join('/'), x]));
  });

  function messages(rel: string): Message[] {
    const r = byPath.get(rel);
    assert.ok(r, `${rel} was linted`);
    return r.messages;
  }

  function expectAt(rel: string, ruleId: string, text: string, exactColumn = false): void {
    const at = locate(fileLines(rel), text);
    const ms = messages(rel).filter((m) => m.ruleId === ruleId && m.line === at.line);
    assert.ok(ms.length > 0, `${rel}:${at.line} (${text}) has ${ruleId}; got ${JSON.stringify(messages(rel).filter((m) => m.line === at.line))}`);
    if (exactColumn) assert.ok(ms.some((m) => m.column === at.column), `${ruleId} at column ${at.column}`);
  }

  it('lints every example (npm run examples exits 1: v1 code is found)', function () {
    assert.equal(status, 1);
    assert.deepEqual([...byPath.keys()], ['environment.yml', 'requirements-v1.txt', 'scripts/submit_v1.sh', 'src/train.py', 'src/train_mlflow.py', 'train_v1.py', 'v1-notebook.ipynb', 'v2_clean.py']);
    for (const r of byPath.values()) assert.equal(r.fatalErrorCount, 0, JSON.stringify(r.messages));
  });

  it('finds nothing in the v2 files', function () {
    assert.deepEqual(messages('v2_clean.py'), []);
    assert.deepEqual(messages('src/train_mlflow.py'), []);
    // azureml-defaults and azureml-mlflow are v2-era packages.
    assert.deepEqual(messages('environment.yml'), []);
  });

  it('dependency files and CLI v1 scripts', function () {
    expectAt('requirements-v1.txt', 'AML401', 'azureml-sdk[notebooks]', true);
    expectAt('requirements-v1.txt', 'AML401', 'azureml-widgets', true);
    assert.equal(messages('requirements-v1.txt').length, 2, 'pandas and scikit-learn are not reported');
    expectAt('scripts/submit_v1.sh', 'AML501', 'azure-cli-ml', true);
    expectAt('scripts/submit_v1.sh', 'AML502', 'az ml folder attach', true);
    expectAt('scripts/submit_v1.sh', 'AML502', 'az ml run submit-script', true);
  });

  it('train_v1.py: imports, workspace, experiment, compute, environment, run and model calls', function () {
    const f = 'train_v1.py';
    expectAt(f, 'AML100', 'azureml.core.compute_target', true);
    expectAt(f, 'AML101', 'Workspace.from_config()');
    expectAt(f, 'AML102', 'Experiment(workspace=ws');
    expectAt(f, 'AML105', 'ComputeTarget(workspace=ws');
    expectAt(f, 'AML105', 'AmlCompute.provisioning_configuration(');
    expectAt(f, 'AML105', 'ComputeTarget.create(');
    expectAt(f, 'AML104', 'Environment.from_conda_specification(');
    expectAt(f, 'AML102', 'ScriptRunConfig(');
    expectAt(f, 'AML102', 'exp.submit(config=src)');
    expectAt(f, 'AML102', 'run.wait_for_completion(show_output=True)');
    expectAt(f, 'AML108', 'Model.register(');
    // `import azureml.core` exactly: "azureml.core" starts after "import ", column 8.
    const lines = fileLines(f);
    const imp = lines.indexOf('import azureml.core') + 1;
    assert.ok(messages(f).some((m) => m.ruleId === 'AML100' && m.line === imp && m.column === 8 && m.endColumn === 20));
  });

  it('src/train.py: Run.get_context() and run.log are v1 logging', function () {
    const f = 'src/train.py';
    expectAt(f, 'AML100', 'azureml.core.run', true);
    expectAt(f, 'AML103', 'run.log("alpha"');
    expectAt(f, 'AML103', 'run.log("mse"');
    expectAt(f, 'AML103', 'run.log_list(');
    const at = locate(fileLines(f), 'Run.get_context()');
    assert.ok(messages(f).some((m) => m.line === at.line && /^AML1\d\d$/.test(m.ruleId ?? '')));
  });

  describe('v1-notebook.ipynb', function () {
    const f = 'v1-notebook.ipynb';

    function expectInCell(ruleId: string, text: string, exactColumn = false): void {
      const at = locateInNotebook(f, text);
      const ms = messages(f).filter((m) => m.ruleId === ruleId && m.cell === at.cell && m.line === at.line);
      assert.ok(
        ms.length > 0,
        `cell ${at.cell} line ${at.line} (${text}) has ${ruleId}; got ${JSON.stringify(messages(f).filter((m) => m.cell === at.cell))}`,
      );
      if (exactColumn) assert.ok(ms.some((m) => m.column === at.column));
    }

    it('reports in the right cells, counting markdown cells', function () {
      // Cell 5 is the fifth cell of the file (cells 1, 2 and 4 are markdown).
      assert.equal(locateInNotebook(f, 'import azureml.core').cell, 5);
      expectInCell('AML100', 'azureml.core', true);
      expectInCell('AML100', 'azureml.train.automl', true);
      expectInCell('AML101', 'Workspace.from_config()');
      expectInCell('AML102', 'Experiment(ws, experiment_name)');
      expectInCell('AML105', 'AmlCompute.provisioning_configuration(');
      expectInCell('AML107', 'Dataset.Tabular.from_delimited_files(');
      expectInCell('AML112', 'AutoMLConfig(');
      // value tracking across cells: `experiment` was made in cell 6
      expectInCell('AML102', 'experiment.submit(automl_config');
    });

    it('lints the %%writefile scoring script as its own module', function () {
      expectInCell('AML100', 'azureml.core.model', true);
      expectInCell('AML108', 'Model.get_model_path(');
    });

    it('reports nothing in markdown cells, and every message has a cell', function () {
      const nb = JSON.parse(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')) as { cells: Array<{ cell_type: string }> };
      const markdown = new Set(nb.cells.flatMap((c, i) => (c.cell_type === 'markdown' ? [i + 1] : [])));
      assert.ok(!messages(f).some((m) => m.cell === undefined || markdown.has(m.cell)), JSON.stringify(messages(f)));
    });
  });
});
