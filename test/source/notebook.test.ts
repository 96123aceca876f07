import * as assert from 'node:assert/strict';
import { notebookSource, pythonSource } from '../../server/src/engine/source';
import type { CellInput } from '../../server/src/engine/types';

const sp = (n: number) => ' '.repeat(n);
const code = (text: string, language?: string): CellInput =>
  language === undefined ? { kind: 'code', text } : { kind: 'code', text, language };
const markdown = (text: string): CellInput => ({ kind: 'markdown', text });
const raw = (text: string): CellInput => ({ kind: 'raw', text });

describe('source/python', () => {
  it('is one file module, unmasked, without a line map', () => {
    const text = '%pip install x\n!ls\nimport azureml.core\n';
    assert.deepEqual(pythonSource(text), { modules: [{ text, origin: 'file' }], commands: [] });
  });
});

describe('source/notebook: modules', () => {
  const cells: CellInput[] = [
    markdown('# Train'), // 0
    code('%pip install azureml-sdk\nfrom azureml.core import Workspace'), // 1
    raw('raw text'), // 2
    code('%%bash\naz ml folder attach\n'), // 3
    code('ws = Workspace.from_config()'), // 4
    code('library(azureml)', 'r'), // 5
    code('%%writefile score.py\nimport json\ndef init():\n    pass'), // 6
    code('%%writefile conda.yml\ndependencies:\n  - azureml-core'), // 7
    code('%%time\nrun = exp.submit(cfg)'), // 8
    code(''), // 9
  ];
  const model = notebookSource(cells);

  it('joins the Python cells in order, magics masked', () => {
    const nb = model.modules[0];
    assert.equal(nb.origin, 'notebook');
    assert.equal(
      nb.text,
      'pass' + sp(20) + '\nfrom azureml.core import Workspace\nws = Workspace.from_config()\npass  \nrun = exp.submit(cfg)\n',
    );
  });

  it('maps every module line to (cell among all cells, line in cell)', () => {
    assert.deepEqual(model.modules[0].lines, [
      { cell: 1, line: 0, indent: 0 },
      { cell: 1, line: 1, indent: 0 },
      { cell: 4, line: 0, indent: 0 },
      { cell: 8, line: 0, indent: 0 },
      { cell: 8, line: 1, indent: 0 },
      { cell: 9, line: 0, indent: 0 },
    ]);
  });

  it('makes a separate module of a %%writefile .py cell', () => {
    assert.equal(model.modules.length, 2);
    assert.deepEqual(model.modules[1], {
      text: 'pass' + sp(16) + '\nimport json\ndef init():\n    pass',
      origin: 'writefile',
      filename: 'score.py',
      lines: [
        { cell: 6, line: 0, indent: 0 },
        { cell: 6, line: 1, indent: 0 },
        { cell: 6, line: 2, indent: 0 },
        { cell: 6, line: 3, indent: 0 },
      ],
    });
  });

  it('a %%writefile target named by a variable ($script_file, {path}) is a script when its body imports or defines', () => {
    const cases: Array<[string, string, boolean]> = [
      ['%%writefile $script_file', 'import json\nfrom azureml.core import Run\nrun = Run.get_context()', true],
      ['%%writefile {script_folder}/score', 'def init():\n    pass', true],
      ['%%writefile -a $train_script', 'from azureml.core.model import Model', true],
      ['%%writefile $folder/env.yml', 'name: env\ndependencies:\n  - pip:\n    - azureml-defaults', false],
      ['%%writefile $notes', 'some text that imports nothing', false],
      ['%%writefile $conda_file', 'dependencies:\n  - python=3.8', false],
    ];
    for (const [magic, body, script] of cases) {
      const model = notebookSource([code(`${magic}\n${body}`), code('y = 2')]);
      assert.equal(model.modules.length, script ? 2 : 1, magic);
      if (script) assert.equal(model.modules[1].origin, 'writefile', magic);
    }
  });

  it('reports cell magics as commands, in cell order, non-Python cells included', () => {
    const summary = model.commands.map((c) => [c.kind, c.name, c.location.cell, c.args ?? null, c.text]);
    assert.deepEqual(summary, [
      ['line-magic', 'pip', 1, null, 'pip install azureml-sdk'],
      ['cell-magic', 'bash', 3, '', 'az ml folder attach\n'],
      ['cell-magic', 'writefile', 6, 'score.py', 'import json\ndef init():\n    pass'],
      ['cell-magic', 'writefile', 7, 'conda.yml', 'dependencies:\n  - azureml-core'],
      ['cell-magic', 'time', 8, '', 'run = exp.submit(cfg)'],
    ]);
  });

  it('a cell-magic command covers the whole cell', () => {
    const bash = model.commands.find((c) => c.name === 'bash')!;
    assert.deepEqual(bash.location, { cell: 3, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } } });
  });

  it('with no Python cell the notebook module is empty', () => {
    const only = notebookSource([markdown('x'), code('%%bash\nls')]);
    assert.equal(only.modules.length, 1);
    assert.equal(only.modules[0].text, '');
    assert.deepEqual(only.modules[0].lines, []);
  });
});

describe('source/notebook: which cells are Python', () => {
  const included: Array<string | undefined> = [undefined, 'python', 'Python', 'ipython', 'python3', 'pyspark'];
  for (const language of included) {
    it(`analyses a code cell with language ${String(language)}`, () => {
      const model = notebookSource([code('x = 1', language)]);
      assert.equal(model.modules[0].text, 'x = 1');
    });
  }

  const excluded = ['markdown', 'r', 'sql', 'scala', 'csharp', 'shellscript'];
  for (const language of excluded) {
    it(`skips a code cell with language ${language}`, () => {
      const model = notebookSource([code('x = 1', language), code('y = 2')]);
      assert.equal(model.modules[0].text, 'y = 2');
      assert.deepEqual(model.modules[0].lines, [{ cell: 1, line: 0, indent: 0 }]);
    });
  }

  // [first line, expected command name, expected args]
  const nonPython: Array<[string, string, string]> = [
    ['%%bash', 'bash', ''],
    ['%%sh', 'sh', ''],
    ['%%script bash', 'script', 'bash'],
    ['%%html', 'html', ''],
    ['%%javascript', 'javascript', ''],
    ['%%js', 'js', ''],
    ['%%latex', 'latex', ''],
    ['%%markdown', 'markdown', ''],
    ['%%sql', 'sql', ''],
    ['%%R', 'R', ''],
    ['%%synapse', 'synapse', ''],
    ['%%perl', 'perl', ''],
    ['%%ruby', 'ruby', ''],
    ['%%svg', 'svg', ''],
    ['%%writefile x.txt', 'writefile', 'x.txt'],
    ['%%writefile -a requirements.txt', 'writefile', '-a requirements.txt'],
    ['%%file notes.md', 'file', 'notes.md'],
    ['%%some_unknown_magic --flag', 'some_unknown_magic', '--flag'],
  ];
  for (const [magic, name, args] of nonPython) {
    it(`skips a ${magic} cell and reports it`, () => {
      const model = notebookSource([code(`${magic}\nimport azureml.core\nx`), code('y = 2')]);
      assert.equal(model.modules[0].text, 'y = 2');
      assert.equal(model.modules.length, 1);
      assert.deepEqual(
        model.commands.map((c) => [c.kind, c.name, c.args, c.text, c.location.cell]),
        [['cell-magic', name, args, 'import azureml.core\nx', 0]],
      );
    });
  }

  it('skips a cell magic preceded by empty lines (IPython drops them first)', () => {
    const model = notebookSource([code('\n%%bash\nls')]);
    assert.equal(model.modules[0].text, '');
    assert.equal(model.commands[0].name, 'bash');
    assert.equal(model.commands[0].location.range.start.line, 1);
  });

  // [first line, masked first line]
  const pythonBodied: Array<[string, string]> = [
    ['%%time', 'pass  '],
    ['%%timeit -n 3', 'pass' + sp(9)],
    ['%%capture out', 'pass' + sp(9)],
    ['%%prun', 'pass  '],
    ['%%debug', 'pass   '],
    ['%%cache', 'pass   '],
  ];
  for (const [magic, masked] of pythonBodied) {
    it(`keeps the Python body of ${magic}`, () => {
      const model = notebookSource([code(`${magic}\nws = Workspace.from_config()`)]);
      assert.equal(model.modules[0].text, `${masked}\nws = Workspace.from_config()`);
      assert.equal(model.commands[0].kind, 'cell-magic');
    });
  }

  it('stacked Python cell magics: both lines masked, body analysed', () => {
    const model = notebookSource([code('%%capture\n%%time\n!ls\nx = 1')]);
    assert.equal(model.modules[0].text, 'pass     \npass  \n0  \nx = 1');
    assert.deepEqual(model.commands.map((c) => c.name), ['capture', 'time', 'ls']);
  });

  it('a %%time body indented as a whole is dedented', () => {
    const model = notebookSource([code('%%time\n    x = 1\n    y = 2')]);
    assert.equal(model.modules[0].text, 'pass  \nx = 1\ny = 2');
    assert.deepEqual(model.modules[0].lines!.map((l) => l.indent), [0, 4, 4]);
  });

  it('%%file name.py (alias of %%writefile) is a writefile module', () => {
    const model = notebookSource([code('%%file train.py\nimport azureml.core')]);
    assert.equal(model.modules[1].filename, 'train.py');
    assert.equal(model.modules[1].text, 'pass' + sp(11) + '\nimport azureml.core');
  });

  it('%%writefile -a "score.py" (append, quoted) is a writefile module', () => {
    const model = notebookSource([code('%%writefile -a "score.py"\nx = 1')]);
    assert.equal(model.modules[1].filename, 'score.py');
  });

  it('a writefile body is a plain script: no IPython masking inside it', () => {
    const model = notebookSource([code('%%writefile s.py\n%pip install x')]);
    assert.equal(model.modules[1].text, 'pass' + sp(12) + '\n%pip install x');
  });

  it('empty code cells are kept as empty lines', () => {
    const model = notebookSource([code(''), code('x = 1'), code('')]);
    assert.equal(model.modules[0].text, '\nx = 1\n');
    assert.deepEqual(model.modules[0].lines!.map((l) => l.cell), [0, 1, 2]);
  });

  it('a whole-cell-indented cell records its indent', () => {
    const model = notebookSource([markdown('m'), code('    import os\n    os.getcwd()')]);
    assert.equal(model.modules[0].text, 'import os\nos.getcwd()');
    assert.deepEqual(model.modules[0].lines, [
      { cell: 1, line: 0, indent: 4 },
      { cell: 1, line: 1, indent: 4 },
    ]);
  });
});
