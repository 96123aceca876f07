import * as assert from 'node:assert/strict';
import { analyseCell } from '../../server/src/engine/source';
import type { IPythonCommand } from '../../server/src/engine/source';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const Parser = require('tree-sitter');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Python = require('tree-sitter-python');

const parser = new Parser();
parser.setLanguage(Python);

function parsesCleanly(text: string): boolean {
  return !parser.parse(text).rootNode.hasError;
}

/** Mask a Python cell; fails the test if the cell is not treated as Python. */
function mask(text: string): { text: string; indents: number[]; commands: IPythonCommand[] } {
  const result = analyseCell(text, 0);
  assert.equal(result.kind, 'python', `expected a Python cell: ${JSON.stringify(text)}`);
  if (result.kind !== 'python') throw new Error('unreachable');
  return result;
}

const sp = (n: number) => ' '.repeat(n);

describe('source/ipython: masking', () => {
  // [title, cell text, expected masked text]; every expected value is written by hand.
  const cases: Array<[string, string, string]> = [
    ['%pip line', '%pip install azureml-sdk', 'pass' + sp(20)],
    ['%matplotlib', '%matplotlib inline', 'pass' + sp(14)],
    ['%run', '%run script.py\nx = 1', 'pass' + sp(10) + '\nx = 1'],
    ['short shell line gets 0', '!ls', '0  '],
    ['two-char shell line', '!a', '0 '],
    ['shell with space after !', '! ls', 'pass'],
    ['double-bang shell', '!!ls -la', 'pass' + sp(4)],
    ['%pip inside an if block keeps indentation', 'if x:\n    %pip install a\n    y = 1', 'if x:\n    pass' + sp(10) + '\n    y = 1'],
    ['shell with backslash continuation', '!pip install a \\\n    b\nc = 1', 'pass' + sp(12) + '\n' + sp(5) + '\nc = 1'],
    ['shell continuation inside a block', 'for i in r:\n    !echo a \\\n        b\n    f(i)', 'for i in r:\n    pass' + sp(5) + '\n' + sp(9) + '\n    f(i)'],
    ['x = !ls', 'x = !ls', 'x = ___'],
    ['x = %sx', 'x = %sx ls -l', 'x = ' + '_'.repeat(9)],
    ['tuple target from shell', 'a, b = !cmd', 'a, b = ____'],
    ['??obj', '??obj', 'pass '],
    ['?obj', '?obj', 'pass'],
    ['obj?', 'obj?', 'pass'],
    ['obj.attr??', 'ws.get_details??', 'pass' + sp(12)],
    ['automagic pip install', 'pip install azureml-core', 'pass' + sp(20)],
    ['automagic pip uninstall', 'pip uninstall -y x', 'pass' + sp(14)],
    ['automagic conda install', 'conda install -y numpy', 'pass' + sp(18)],
    ['%time keeps its statement', '%time f()', '0;    f()'],
    ['%timeit options are masked, statement kept', '%timeit -n 10 g()', '0;' + sp(12) + 'g()'],
    ['%time with nothing after it', '%time', 'pass '],
    ['%time in a tab-indented body', 'def f():\n\t%time g()', 'def f():\n\t0;    g()'],
    ['%% cell magic not on the first line is a line magic', 'x = 1\n%%time', 'x = 1\npass  '],
    ['CRLF: the \\r stays', '%pip install a\r\nimport os\r', 'pass' + sp(10) + '\r\nimport os\r'],
    ['empty cell', '', ''],
  ];

  for (const [title, input, expected] of cases) {
    it(title, () => {
      const out = mask(input).text;
      assert.equal(out, expected);
      assert.equal(out.length, input.length);
      const inLines = input.split('\n');
      const outLines = out.split('\n');
      assert.equal(outLines.length, inLines.length);
      outLines.forEach((line, i) => assert.equal(line.length, inLines[i].length, `line ${i}`));
      assert.ok(parsesCleanly(out), `masked text has parse errors: ${JSON.stringify(out)}`);
    });
  }

  // Python that merely looks like IPython: must come out unchanged.
  const untouched: Array<[string, string]> = [
    ['modulo', 'z = a % b'],
    ['not-equal', 'x != y'],
    ['% at line start inside parentheses', 'msg = ("%s"\n       % name)'],
    ['% after a backslash continuation', 'total = a \\\n% b'],
    ['! and % inside a multi-line triple-quoted string', 's = """\n%not magic\n!not shell\n"""'],
    ["triple single quotes", "s = '''\n%pip install azureml-core\n'''\nt = 1"],
    ['pip as a variable', 'pip = 1\npip -V\npip in xs'],
    ['bare word conda', 'conda'],
  ];
  for (const [title, input] of untouched) {
    it(`leaves Python alone: ${title}`, () => {
      const result = mask(input);
      assert.equal(result.text, input);
      assert.deepEqual(result.commands, []);
    });
  }

  it('a triple quote inside a comment does not open a string', () => {
    assert.equal(mask('# """\n%pip install a').text, '# """\npass' + sp(10));
  });

  it("a triple quote inside a one-quote string does not open a string", () => {
    assert.equal(mask('x = "\'\'\'"\n%pip list').text, 'x = "\'\'\'"\npass' + sp(5));
  });

  it('a triple-quoted string closed on its own line does not hide the next line', () => {
    assert.equal(mask('doc = """a"""\n!ls').text, 'doc = """a"""\n0  ');
  });

  it('a string closed after several lines re-enables magics', () => {
    assert.equal(mask('s = """\n%a\n"""\n%ab').text, 's = """\n%a\n"""\n0  ');
  });

  it('whole-cell indentation is removed and recorded per line', () => {
    const result = mask('  a = 1\n  if a:\n      b = 2');
    assert.equal(result.text, 'a = 1\nif a:\n    b = 2');
    assert.deepEqual(result.indents, [2, 2, 2]);
    assert.ok(parsesCleanly(result.text));
  });

  it("dedent only strips lines that start with the first line's indentation (as IPython does)", () => {
    const result = mask('\n    x = 1\n\n  y = 2');
    assert.equal(result.text, '\nx = 1\n\n  y = 2');
    assert.deepEqual(result.indents, [0, 4, 0, 0]);
  });

  it('a typical notebook cell full of IPython syntax parses without errors', () => {
    const cell = [
      '%load_ext autoreload',
      '%autoreload 2',
      '%pip install azureml-core==1.48.0 \\',
      '    azureml-dataset-runtime',
      '!az ml folder attach -w ws -g rg',
      'files = !ls data',
      'import azureml.core',
      'if azureml.core.VERSION < "1.50":',
      '    !pip install --upgrade azureml-sdk',
      '    %time ws = Workspace.from_config()',
      'else:',
      '    ws?',
      'Workspace??',
      'pip install mltable',
      'print(f"{ws.name}: %d" % 3)',
    ].join('\n');
    const out = mask(cell).text;
    assert.equal(out.length, cell.length);
    assert.ok(parsesCleanly(out), out);
    assert.ok(out.includes('    0;    ws = Workspace.from_config()'));
    assert.ok(out.includes('print(f"{ws.name}: %d" % 3)'));
  });
});

describe('source/ipython: commands', () => {
  const loc = (l1: number, c1: number, l2: number, c2: number) => ({
    cell: 0,
    range: { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } },
  });

  const cases: Array<[string, string, IPythonCommand[]]> = [
    ['%pip', '%pip install azureml-sdk', [
      { kind: 'line-magic', name: 'pip', text: 'pip install azureml-sdk', location: loc(0, 0, 0, 24) },
    ]],
    ['!az inside a block', 'if x:\n    !az ml model deploy -n x', [
      { kind: 'shell', name: 'az', text: 'az ml model deploy -n x', location: loc(1, 4, 1, 28) },
    ]],
    ['shell continuation keeps its lines', '!pip install a \\\n    b', [
      { kind: 'shell', name: 'pip', text: 'pip install a \\\n    b', location: loc(0, 0, 1, 5) },
    ]],
    ['!!ls', '!!ls', [{ kind: 'shell', name: 'ls', text: 'ls', location: loc(0, 0, 0, 4) }]],
    ['x = !ls', 'x = !ls', [{ kind: 'shell', name: 'ls', text: 'ls', location: loc(0, 4, 0, 7) }]],
    ['x = %sx', 'x = %sx ls -l', [{ kind: 'line-magic', name: 'sx', text: 'sx ls -l', location: loc(0, 4, 0, 13) }]],
    ['??obj', '??obj', [{ kind: 'help', name: 'obj', text: 'obj', location: loc(0, 0, 0, 5) }]],
    ['obj.attr?', 'ws.name?', [{ kind: 'help', name: 'ws.name', text: 'ws.name', location: loc(0, 0, 0, 8) }]],
    ['automagic', 'pip install azureml-core', [
      { kind: 'automagic', name: 'pip', text: 'pip install azureml-core', location: loc(0, 0, 0, 24) },
    ]],
    ['%time', '%time f()', [{ kind: 'line-magic', name: 'time', text: 'time f()', location: loc(0, 0, 0, 9) }]],
    ['locations are in cell coordinates after a dedent', '  %pip install a\n  x = 1', [
      { kind: 'line-magic', name: 'pip', text: 'pip install a', location: loc(0, 2, 0, 16) },
    ]],
    ['CRLF: no \\r in text or range', '!ls -l\r\nx = 1', [
      { kind: 'shell', name: 'ls', text: 'ls -l', location: loc(0, 0, 0, 6) },
    ]],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => assert.deepEqual(mask(input).commands, expected));
  }

  it('uses the given cell index', () => {
    const result = analyseCell('!ls', 7);
    assert.equal(result.commands[0].location.cell, 7);
  });
});
