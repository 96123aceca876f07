/**
 * The JSON report (ESLint's format plus `cell` for notebooks): its shape, 1-based positions
 * and the notebook cell mapping. Spawns the built binary on fixtures.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { amlint, parseJson, write, type Message } from './helpers';
function find(messages: Message[], ruleId: string, line: number, cell?: number): Message | undefined {
  return messages.find((m) => m.ruleId === ruleId && m.line === line && m.cell === cell);
}

describe('cli: JSON format', function () {
  let dir: string;
  const nbCells = [
    { cell_type: 'markdown', metadata: {}, source: ['# Connect to the workspace\n', '\n', 'Uses `azureml.core`.'] },
    {
      cell_type: 'code',
      execution_count: 1,
      metadata: {},
      outputs: [],
      // a magic on line 1; the import on line 2
      source: ['%pip install azureml-sdk\n', 'import azureml.core'],
    },
    { cell_type: 'markdown', metadata: {}, source: ['## Workspace'] },
    { cell_type: 'raw', metadata: {}, source: ['from azureml.core import Workspace'] },
    {
      cell_type: 'code',
      execution_count: 2,
      metadata: {},
      outputs: [],
      // source as one string, which nbformat allows
      source: 'from azureml.core import Workspace\nws = Workspace.from_config()\n',
    },
  ];

  before(function () {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-json-')));
    write(dir, 'v1.py', 'from azureml.core import Workspace\n\nws = Workspace.from_config()\n');
    write(dir, 'crlf.py', 'import os\r\nfrom azureml.core import Workspace\r\nws = Workspace.from_config()\r\n');
    write(dir, 'wide.py', 'label = "caf\u00e9 \u{1F600}"; from azureml.core import Workspace\n');
    write(dir, 'nb.ipynb', JSON.stringify({ cells: nbCells, metadata: {}, nbformat: 4, nbformat_minor: 5 }, null, 1));
  });

  after(function () {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("has ESLint's shape: filePath, messages, errorCount, warningCount, fatalErrorCount", function () {
    const r = amlint(dir, ['v1.py', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const results = parseJson(r);
    assert.equal(results.length, 1);
    const [result] = results;
    assert.deepEqual(Object.keys(result!).sort(), ['errorCount', 'fatalErrorCount', 'filePath', 'messages', 'warningCount']);
    assert.equal(result!.filePath, path.join(dir, 'v1.py'));
    assert.ok(path.isAbsolute(result!.filePath));
    assert.ok(result!.messages.length > 0);
    let errors = 0;
    let warnings = 0;
    for (const m of result!.messages) {
      assert.equal(typeof m.ruleId, 'string');
      assert.match(m.ruleId!, /^AML\d{3}$/);
      assert.ok(m.severity === 1 || m.severity === 2);
      assert.equal(typeof m.message, 'string');
      for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
        assert.ok(Number.isInteger(m[k]) && m[k]! >= 1, `${k} is 1-based: ${JSON.stringify(m)}`);
      }
      assert.ok(!('cell' in m), 'no cell field for .py files');
      if (m.severity === 2) errors++;
      else warnings++;
    }
    assert.equal(result!.errorCount, errors);
    assert.equal(result!.warningCount, warnings);
    assert.equal(result!.fatalErrorCount, 0);
  });

  it('has 1-based line and column (column = character + 1) for a known v1 line', function () {
    const [result] = parseJson(amlint(dir, ['v1.py', '--format', 'json']));
    // `from azureml.core import Workspace`: "azureml.core" is characters 5-17, columns 6-18.
    const imp = find(result!.messages, 'AML100', 1);
    assert.ok(imp, JSON.stringify(result!.messages));
    assert.deepEqual([imp.column, imp.endLine, imp.endColumn], [6, 1, 18]);
    // `ws = Workspace.from_config()` on line 3: a v1 workspace call starting at or after column 6.
    const call = find(result!.messages, 'AML101', 3);
    assert.ok(call, JSON.stringify(result!.messages));
    assert.ok(call.column >= 6 && call.endLine === 3 && call.endColumn! > call.column);
  });

  it('sorts messages by position', function () {
    const [result] = parseJson(amlint(dir, ['v1.py', '--format', 'json']));
    const keys = result!.messages.map((m) => m.line * 10_000 + m.column);
    assert.deepEqual(keys, [...keys].sort((a, b) => a - b));
  });

  it('counts lines of CRLF files like LF files', function () {
    const [result] = parseJson(amlint(dir, ['crlf.py', '--format', 'json']));
    assert.ok(find(result!.messages, 'AML100', 2)?.column === 6, JSON.stringify(result!.messages));
    assert.ok(find(result!.messages, 'AML101', 3), JSON.stringify(result!.messages));
  });

  it('counts columns in UTF-16 code units (like ESLint and LSP)', function () {
    const [result] = parseJson(amlint(dir, ['wide.py', '--format', 'json']));
    // 'label = "café 😀"; from ' is 24 UTF-16 code units (the emoji is two; 23 code points).
    const prefix = 'label = "caf\u00e9 \u{1F600}"; from ';
    assert.equal(prefix.length, 24);
    const imp = find(result!.messages, 'AML100', 1);
    assert.ok(imp, JSON.stringify(result!.messages));
    assert.deepEqual([imp.column, imp.endColumn], [25, 37]);
  });

  describe('notebooks', function () {
    it('adds `cell` (1-based among all cells, markdown and raw included) with positions inside the cell', function () {
      const r = amlint(dir, ['nb.ipynb', '--format', 'json']);
      assert.equal(r.status, 1, r.stderr);
      const [result] = parseJson(r);
      assert.equal(result!.filePath, path.join(dir, 'nb.ipynb'));
      const messages = result!.messages;
      for (const m of messages) {
        assert.ok(Number.isInteger(m.cell) && m.cell! >= 1 && m.cell! <= nbCells.length, JSON.stringify(m));
      }
      // Cell 2, line 2: `import azureml.core` (after the masked %pip line): columns 8-20.
      const first = find(messages, 'AML100', 2, 2);
      assert.ok(first, JSON.stringify(messages));
      assert.deepEqual([first.column, first.endLine, first.endColumn], [8, 2, 20]);
      // Cell 5 (after markdown and raw cells), line 1: `from azureml.core import Workspace`.
      const second = find(messages, 'AML100', 1, 5);
      assert.ok(second, JSON.stringify(messages));
      assert.deepEqual([second.column, second.endLine, second.endColumn], [6, 1, 18]);
      // Cell 5, line 2: `ws = Workspace.from_config()`.
      assert.ok(find(messages, 'AML101', 2, 5), JSON.stringify(messages));
      // Nothing in markdown (cells 1, 3) or raw (cell 4) cells, nor on the %pip line... of AML100.
      assert.ok(!messages.some((m) => m.cell === 1 || m.cell === 3 || m.cell === 4), JSON.stringify(messages));
      assert.ok(!messages.some((m) => m.ruleId === 'AML100' && m.cell === 2 && m.line === 1));
    });

    it('shows `cell N line:col` in stylish output', function () {
      const r = amlint(dir, ['nb.ipynb']);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^nb\.ipynb$/m);
      assert.match(r.stdout, /^  cell 2 2:8\s+\w+\s+.*AML100$/m);
      assert.match(r.stdout, /^  cell 5 1:6\s+\w+\s+.*AML100$/m);
    });
  });
});
