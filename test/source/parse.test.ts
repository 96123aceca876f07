import * as assert from 'node:assert/strict';
import { parseNotebookJson } from '../../server/src/engine/source';

const nb4 = (cells: unknown[], metadata: unknown = {}) =>
  JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata, cells }, null, 1);

function errorOf(text: string): string {
  const result = parseNotebookJson(text);
  assert.ok('error' in result, `expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

describe('source/parseNotebookJson: nbformat 4', () => {
  it('reads code, markdown and raw cells; source as a list or a string', () => {
    const text = nb4([
      { cell_type: 'markdown', metadata: {}, source: ['# Title\n', 'text'] },
      { cell_type: 'code', metadata: {}, source: ['import os\n', 'os.getcwd()'], outputs: [], execution_count: 1 },
      { cell_type: 'code', metadata: {}, source: 'x = 1\ny = 2', outputs: [], execution_count: null },
      { cell_type: 'raw', metadata: {}, source: [] },
    ]);
    assert.deepEqual(parseNotebookJson(text), {
      nbformat: 4,
      cells: [
        { kind: 'markdown', text: '# Title\ntext' },
        { kind: 'code', text: 'import os\nos.getcwd()' },
        { kind: 'code', text: 'x = 1\ny = 2' },
        { kind: 'raw', text: '' },
      ],
    });
  });

  it('takes the kernel language from kernelspec, else language_info', () => {
    const fromKernelspec = parseNotebookJson(nb4([{ cell_type: 'code', source: 'x' }], {
      kernelspec: { name: 'synapse_pyspark', language: 'Python' },
      language_info: { name: 'scala' },
    }));
    assert.deepEqual(fromKernelspec, { nbformat: 4, language: 'Python', cells: [{ kind: 'code', language: 'Python', text: 'x' }] });

    const fromInfo = parseNotebookJson(nb4([{ cell_type: 'code', source: 'x' }], { language_info: { name: 'R' } }));
    assert.deepEqual(fromInfo, { nbformat: 4, language: 'R', cells: [{ kind: 'code', language: 'R', text: 'x' }] });
  });

  it("a cell's metadata.vscode.languageId overrides the kernel language", () => {
    const result = parseNotebookJson(nb4(
      [
        { cell_type: 'code', metadata: { vscode: { languageId: 'sql' } }, source: 'SELECT 1' },
        { cell_type: 'code', metadata: {}, source: 'x' },
      ],
      { kernelspec: { language: 'python' } },
    ));
    assert.ok('cells' in result);
    assert.deepEqual(result.cells.map((c) => c.language), ['sql', 'python']);
  });

  it('strips a UTF-8 BOM', () => {
    const result = parseNotebookJson('\ufeff' + nb4([{ cell_type: 'code', source: 'x' }]));
    assert.ok('cells' in result);
    assert.equal(result.cells[0].text, 'x');
  });

  it('reads CRLF JSON', () => {
    const text = nb4([{ cell_type: 'code', source: ['a\n', 'b'] }]).replace(/\n/g, '\r\n');
    const result = parseNotebookJson(text);
    assert.ok('cells' in result);
    assert.equal(result.cells[0].text, 'a\nb');
  });

  it('infers nbformat 4 when the field is missing but cells are there', () => {
    const result = parseNotebookJson('{"cells": [{"cell_type": "code", "source": "x"}]}');
    assert.ok('cells' in result);
    assert.equal(result.nbformat, 4);
  });
});

describe('source/parseNotebookJson: nbformat 3', () => {
  it('reads worksheets; code cells have input and language; headings are markdown', () => {
    const text = JSON.stringify({
      nbformat: 3,
      nbformat_minor: 0,
      metadata: { name: 'old' },
      worksheets: [
        {
          cells: [
            { cell_type: 'heading', level: 1, metadata: {}, source: ['Title'] },
            { cell_type: 'code', collapsed: false, input: ['import os\n', 'x = 1'], language: 'python', outputs: [] },
            { cell_type: 'markdown', metadata: {}, source: 'text' },
          ],
        },
        { cells: [{ cell_type: 'code', input: 'y = 2', language: 'python', outputs: [] }] },
      ],
    });
    assert.deepEqual(parseNotebookJson(text), {
      nbformat: 3,
      cells: [
        { kind: 'markdown', text: 'Title' },
        { kind: 'code', language: 'python', text: 'import os\nx = 1' },
        { kind: 'markdown', text: 'text' },
        { kind: 'code', language: 'python', text: 'y = 2' },
      ],
    });
  });

  it('a bad input names the cell (counted across worksheets, 1-based)', () => {
    const text = JSON.stringify({
      nbformat: 3,
      worksheets: [{ cells: [{ cell_type: 'code', input: 'x' }] }, { cells: [{ cell_type: 'code', input: 3 }] }],
    });
    assert.equal(errorOf(text), "cell 2: 'input' must be a string or a list of strings");
  });
});

describe('source/parseNotebookJson: errors', () => {
  it('invalid JSON: says where (1-based line and column)', () => {
    const text = '{\n  "nbformat": 4,\n  "cells": [,]\n}';
    assert.equal(errorOf(text), 'invalid notebook JSON at line 3, column 13: value expected');
  });

  it('invalid CRLF JSON: same line and column', () => {
    const text = '{\r\n  "nbformat": 4,\r\n  "cells": [,]\r\n}';
    assert.equal(errorOf(text), 'invalid notebook JSON at line 3, column 13: value expected');
  });

  it('truncated JSON', () => {
    assert.match(errorOf('{"nbformat": 4, "cells": ['), /^invalid notebook JSON at line 1, column \d+: /);
  });

  it('trailing comma is not JSON', () => {
    // The error is at the '}' where a property name should follow the comma (offset 28).
    assert.equal(errorOf('{"nbformat": 4, "cells": [],}'), 'invalid notebook JSON at line 1, column 29: property name expected');
  });

  const cases: Array<[string, string, string]> = [
    ['empty file', '', 'not a notebook: the file is empty'],
    ['array', '[]', 'not a notebook: the JSON is not an object'],
    ['string', '"x"', 'not a notebook: the JSON is not an object'],
    ['no cells and no nbformat', '{"metadata": {}}', "not a notebook: no 'nbformat' and no 'cells'"],
    ['missing cells', '{"nbformat": 4}', "not a notebook: 'cells' is missing"],
    ['cells not a list', '{"nbformat": 4, "cells": {}}', "not a notebook: 'cells' must be a list"],
    ['nbformat 2', '{"nbformat": 2, "worksheets": []}', "nbformat 2 is too old: amlint reads nbformat 3 and 4 (upgrade with 'jupyter nbconvert --to notebook')"],
    ['nbformat 5', '{"nbformat": 5, "cells": []}', 'nbformat 5 is not supported: amlint reads nbformat 3 and 4'],
    ['nbformat a string', '{"nbformat": "4", "cells": []}', `not a notebook: 'nbformat' must be an integer, found "4"`],
    ['cell not an object', '{"nbformat": 4, "cells": [{"cell_type": "code", "source": ""}, 1]}', 'cell 2 is not an object'],
    ['source a number', '{"nbformat": 4, "cells": [{"cell_type": "code", "source": 5}]}', "cell 1: 'source' must be a string or a list of strings"],
    ['source list with a number', '{"nbformat": 4, "cells": [{"cell_type": "markdown", "source": ["a", 1]}]}', "cell 1: 'source' must be a string or a list of strings"],
    ['no cell_type', '{"nbformat": 4, "cells": [{"source": "x"}]}', "cell 1 has no 'cell_type'"],
    ['v3 worksheet without cells', '{"nbformat": 3, "worksheets": [{}]}', "not a notebook: a worksheet has no 'cells' list"],
  ];
  for (const [title, text, message] of cases) {
    it(title, () => assert.equal(errorOf(text), message));
  }

  it('never throws on arbitrary text', () => {
    for (const text of ['{', '}', 'null', '0', 'true', '{"cells": null}', '\ufeff', '{"nbformat": 4, "cells": [null]}']) {
      assert.doesNotThrow(() => parseNotebookJson(text));
      assert.ok('error' in parseNotebookJson(text), text);
    }
  });
});
