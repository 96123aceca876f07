import * as assert from 'node:assert/strict';
import {
  moduleOf,
  notebookSource,
  pythonSource,
  toDocumentLocation,
  toDocumentPosition,
  toModulePosition,
  toModuleRange,
} from '../../server/src/engine/source';
import type { CellInput, Location, Range } from '../../server/src/engine/types';

const range = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

describe('source/mapping: .py files', () => {
  const module = pythonSource('import os\nx = 1\n').modules[0];

  it('is the identity, without a cell', () => {
    assert.deepEqual(toDocumentLocation(module, range(1, 0, 1, 5)), { range: range(1, 0, 1, 5) });
    assert.deepEqual(toModuleRange(module, { range: range(1, 0, 1, 5) }), range(1, 0, 1, 5));
  });

  it('a notebook location is not in a file module', () => {
    assert.equal(toModuleRange(module, { cell: 0, range: range(0, 0, 0, 1) }), undefined);
  });
});

describe('source/mapping: notebooks', () => {
  const cells: CellInput[] = [
    { kind: 'markdown', text: '# t' }, // 0
    { kind: 'code', text: '%pip install azureml-core\nimport azureml.core' }, // 1 → module lines 0-1
    { kind: 'code', text: '  ws = Workspace.from_config()\n  print(ws.name)' }, // 2 → lines 2-3, indent 2
    { kind: 'code', text: '%%writefile score.py\nimport json\nrun = Run.get_context()' }, // 3 → writefile module
    { kind: 'code', text: 'x = 1' }, // 4 → line 4
  ];
  const model = notebookSource(cells);
  const nb = model.modules[0];
  const script = model.modules[1];

  // [module range, expected document location], computed from the cell layout above.
  const table: Array<[string, Range, Location]> = [
    ['first cell line', range(1, 7, 1, 14), { cell: 1, range: range(1, 7, 1, 14) }],
    ['dedented cell adds its indent back', range(2, 5, 2, 14), { cell: 2, range: range(0, 7, 0, 16) }],
    ['second line of the dedented cell', range(3, 0, 3, 5), { cell: 2, range: range(1, 2, 1, 7) }],
    ['multi-line range inside one cell', range(2, 0, 3, 14), { cell: 2, range: range(0, 2, 1, 16) }],
    ['last cell', range(4, 0, 4, 5), { cell: 4, range: range(0, 0, 0, 5) }],
  ];

  for (const [title, moduleRange, location] of table) {
    it(`to document: ${title}`, () => assert.deepEqual(toDocumentLocation(nb, moduleRange), location));
    it(`round trip: ${title}`, () => {
      assert.deepEqual(toModuleRange(nb, location), moduleRange);
      assert.deepEqual(toDocumentLocation(nb, toModuleRange(nb, location)!), location);
    });
  }

  it('the writefile module maps to its own cell', () => {
    assert.equal(script.text.split('\n')[2], 'run = Run.get_context()');
    const location = toDocumentLocation(script, range(2, 6, 2, 9));
    assert.deepEqual(location, { cell: 3, range: range(2, 6, 2, 9) });
    assert.deepEqual(toModuleRange(script, location), range(2, 6, 2, 9));
  });

  it('a range running into the next cell is cut at the end of its first cell', () => {
    // module line 1 is cell 1 line 1 ('import azureml.core', 19 chars); line 2 is cell 2.
    assert.deepEqual(toDocumentLocation(nb, range(1, 0, 2, 4)), { cell: 1, range: range(1, 0, 1, 19) });
  });

  it('a cell that is not in the module maps to nothing', () => {
    assert.equal(toModuleRange(nb, { cell: 0, range: range(0, 0, 0, 1) }), undefined); // markdown
    assert.equal(toModuleRange(nb, { cell: 3, range: range(1, 0, 1, 1) }), undefined); // writefile cell
    assert.equal(toModuleRange(script, { cell: 1, range: range(0, 0, 0, 1) }), undefined);
    assert.equal(toModuleRange(nb, { range: range(0, 0, 0, 1) }), undefined); // no cell
  });

  it('a line past the end of its cell maps to nothing', () => {
    assert.equal(toModulePosition(nb, 1, { line: 2, character: 0 }), undefined);
  });

  it('a column inside removed indentation maps to column 0', () => {
    assert.deepEqual(toModulePosition(nb, 2, { line: 0, character: 1 }), { line: 2, character: 0 });
  });

  it('positions map both ways', () => {
    assert.deepEqual(toDocumentPosition(nb, { line: 3, character: 1 }), { cell: 2, position: { line: 1, character: 3 } });
    assert.deepEqual(toModulePosition(nb, 2, { line: 1, character: 3 }), { line: 3, character: 1 });
  });

  it('moduleOf finds the module holding a cell', () => {
    assert.equal(moduleOf(model, 2), nb);
    assert.equal(moduleOf(model, 3), script);
    assert.equal(moduleOf(model, 0), undefined);
    assert.equal(moduleOf(model, undefined), undefined);
  });

  it('maps the cells of a 300-cell notebook', () => {
    const many: CellInput[] = [];
    for (let i = 0; i < 300; i++) {
      many.push(i % 3 === 0 ? { kind: 'markdown', text: `# ${i}` } : { kind: 'code', text: `a${i} = 1\nb${i} = 2` });
    }
    const module = notebookSource(many).modules[0];
    // Code cells are those with i % 3 !== 0: 200 cells of 2 lines. Cell 299 is the 200th.
    assert.equal(module.lines!.length, 400);
    assert.deepEqual(toDocumentLocation(module, range(399, 0, 399, 4)), { cell: 299, range: range(1, 0, 1, 4) });
    assert.deepEqual(toModuleRange(module, { cell: 298, range: range(0, 0, 0, 4) }), range(396, 0, 396, 4));
  });
});
