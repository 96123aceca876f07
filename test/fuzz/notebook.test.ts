/**
 * Property tests of the engine on notebooks (issue 8): generated and mutated cells (magics,
 * shell lines, `%%writefile`, `%%bash`, indentation, CRLF and lone CR, astral characters, empty
 * and markdown cells) and hostile notebook JSON.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseNotebook, writeNotebookCells, type CellInput, type DocumentInput } from '../../server/src/engine';
import { loadDocument } from '../../server/src/cli/read';
import { anyText, cells, checkFixes, checkLint, checkMapping, hostileNotebookText, mutatedCells, notebookJson, params, timeoutFor } from './props';

const nb = (cs: CellInput[]): DocumentInput => ({ kind: 'notebook', cells: cs, path: 'fuzz.ipynb' });

describe('fuzz: notebooks', function () {
  this.timeout(timeoutFor(120_000));

  it('lint never throws; findings lie inside their (code) cell; mapping round-trips', () => {
    fc.assert(
      fc.property(cells, (cs) => {
        checkLint(nb(cs));
        checkMapping(nb(cs));
      }),
      params(300),
    );
  });

  it('mutated cells: same, and every offered fix applies and re-analyses', () => {
    fc.assert(
      fc.property(mutatedCells, (cs) => {
        const findings = checkLint(nb(cs));
        checkMapping(nb(cs));
        checkFixes(nb(cs), findings);
      }),
      params(200),
    );
  });

  it('generated cells: fixes apply, keep valid code valid, and fix-all reaches a fixed point', () => {
    fc.assert(fc.property(cells, (cs) => checkFixes(nb(cs))), params(200));
  });

  it('parseNotebook never throws, on any text and on hostile JSON', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, hostileNotebookText), (text) => {
        const r = parseNotebook(text);
        if ('error' in r) {
          assert.equal(typeof r.error, 'string');
          assert.ok(r.error.length > 0 && !/\n\s+at /.test(r.error), `unclear error: ${r.error}`);
        } else {
          assert.ok(Array.isArray(r.cells));
          for (const c of r.cells) assert.ok(['code', 'markdown', 'raw'].includes(c.kind) && typeof c.text === 'string');
          checkLint(nb(r.cells));
        }
      }),
      params(300),
    );
  });

  it('the CLI reader gives every hostile notebook cells or one clear reason', () => {
    fc.assert(
      fc.property(hostileNotebookText, (text) => {
        const loaded = loadDocument(Buffer.from(text, 'utf8'), 'fuzz.ipynb');
        if (loaded.ok) checkLint(loaded.input);
        else assert.ok(loaded.message && !/\n\s+at /.test(loaded.message), `unclear reason: ${loaded.message}`);
      }),
      params(200),
    );
  });

  it('reads generated notebooks back cell for cell, and writing unchanged cells changes nothing', () => {
    fc.assert(
      fc.property(notebookJson, ({ json, cells: expected, nbformat }) => {
        const r = parseNotebook(json);
        assert.ok(!('error' in r), `generated notebook rejected: ${'error' in r ? r.error : ''}`);
        assert.deepEqual(r.cells.map((c) => [c.kind, c.text]), expected.map((c) => [c.kind, c.text]));
        const same = writeNotebookCells(json, r.cells, r.cells);
        // nbformat 3 (worksheets) is read but never written: the writer says so with undefined.
        if (nbformat === 4) assert.equal(same, json);
        else assert.equal(same, undefined);
      }),
      params(300),
    );
  });

  it('writing changed cells changes only their sources, and reads back as written', () => {
    fc.assert(
      fc.property(notebookJson, fc.array(fc.tuple(fc.nat(), fc.oneof(anyText, fc.constantFrom('', '\n', 'a\r\nb', 'x\n\ny\n', '"\\'))), { maxLength: 4 }), ({ json, nbformat }, edits) => {
        const before = (parseNotebook(json) as { cells: CellInput[] }).cells;
        const after = before.map((c) => ({ ...c }));
        for (const [i, text] of edits) if (after.length) after[i % after.length].text = text;
        const out = writeNotebookCells(json, before, after);
        if (nbformat === 3) return assert.equal(out, undefined);
        assert.ok(out !== undefined, 'a v4 notebook this writer produced could not be written');
        const again = parseNotebook(out);
        assert.ok(!('error' in again), `written notebook does not parse: ${'error' in again ? again.error : ''}`);
        assert.deepEqual(again.cells.map((c) => c.text), after.map((c) => c.text));
        // Everything but the sources is untouched: outputs, ids, metadata, nbformat.
        const strip = (t: string): unknown => {
          const v = JSON.parse(t) as { cells: Array<Record<string, unknown>> };
          for (const c of v.cells) delete c.source;
          return v;
        };
        assert.deepEqual(strip(out), strip(json));
      }),
      params(300),
    );
  });
});
