import * as assert from 'node:assert/strict';
import { lint, suppressionEdit, type DocumentInput, type TextEdit } from '../../server/src/engine';
import { parseDirective } from '../../server/src/engine/suppressions';

const V1 = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';

function codes(input: DocumentInput): string[] {
  return lint(input).findings.map((f) => `${f.cell === undefined ? '' : `c${f.cell}:`}${f.range.start.line + 1}:${f.code}`);
}

/** Applies one single-position insertion to a text. */
function apply(text: string, e: TextEdit): string {
  const lines = text.split('\n');
  const { line, character } = e.range.start;
  lines[line] = lines[line].slice(0, character) + e.newText + lines[line].slice(character);
  return lines.join('\n');
}

describe('suppression comments', () => {
  it('parses the three directive forms, codes and reason', () => {
    assert.deepEqual(parseDirective('# amlint: disable=AML101, aml002 -- migrating next sprint'), { kind: 'line', codes: ['AML101', 'AML002'], reason: 'migrating next sprint' });
    assert.deepEqual(parseDirective('#amlint:disable-next-line'), { kind: 'next-line', codes: [], reason: undefined });
    assert.deepEqual(parseDirective('# amlint: disable-file=AML1'), { kind: 'file', codes: ['AML1'], reason: undefined });
    assert.equal(parseDirective('# pylint: disable=foo'), undefined);
  });

  it('disable on the line hides only that rule on that line', () => {
    const text = 'from azureml.core import Workspace  # amlint: disable=AML100\nws = Workspace.from_config()\n';
    assert.deepEqual(codes({ kind: 'python', text }), ['2:AML101']);
  });

  it('disable-next-line covers the next line only', () => {
    const text = '# amlint: disable-next-line=AML100,AML101\nfrom azureml.core import Workspace\nws = Workspace.from_config()\n';
    assert.deepEqual(codes({ kind: 'python', text }), ['3:AML101']);
  });

  it('disable-file with a prefix covers a family in the whole notebook', () => {
    const input: DocumentInput = { kind: 'notebook', cells: [
      { kind: 'code', text: 'import azureml.core' },
      { kind: 'code', text: '# amlint: disable-file=AML1 -- legacy notebook\nfrom azure.ai.ml import MLClient' },
    ] };
    assert.deepEqual(codes(input), ['c0:1:AML001']);
  });

  it('a directive for another line or another rule changes nothing', () => {
    const text = 'from azureml.core import Workspace\nws = Workspace.from_config()  # amlint: disable=AML100\n';
    assert.deepEqual(codes({ kind: 'python', text }), ['1:AML100', '2:AML101']);
  });

  it('line disable edit appends a directive, and a second code extends it', () => {
    const f = lint({ kind: 'python', text: V1 }).findings.find((x) => x.code === 'AML101')!;
    const e1 = suppressionEdit({ kind: 'python', text: V1 }, { ...f, code: 'AML101' }, 'line')!;
    const t1 = apply(V1, e1);
    assert.equal(t1, 'from azureml.core import Workspace\nws = Workspace.from_config()  # amlint: disable=AML101\n');
    assert.deepEqual(codes({ kind: 'python', text: t1 }), ['1:AML100']);
    const e2 = suppressionEdit({ kind: 'python', text: t1 }, { ...f, code: 'AML003' }, 'line')!;
    assert.equal(apply(t1, e2).split('\n')[1], 'ws = Workspace.from_config()  # amlint: disable=AML101,AML003');
  });

  it('file disable edit goes after a shebang, and in a notebook into the first code cell', () => {
    const text = '#!/usr/bin/env python\n' + V1;
    const e = suppressionEdit({ kind: 'python', text }, { range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, code: 'AML101' }, 'file')!;
    assert.deepEqual(e.range.start, { line: 1, character: 0 });
    assert.equal(e.newText, '# amlint: disable-file=AML101\n');
    const nb: DocumentInput = { kind: 'notebook', cells: [{ kind: 'markdown', text: '# t' }, { kind: 'code', text: V1 }] };
    const e2 = suppressionEdit(nb, { cell: 1, range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, code: 'AML101' }, 'file')!;
    assert.equal(e2.cell, 1);
    assert.deepEqual(e2.range.start, { line: 0, character: 0 });
  });

  it('a line ending in a backslash gets a disable-next-line above it', () => {
    const text = 'from azureml.core import Workspace\nws = Workspace.from_config() \\\n    if True else None\n';
    const e = suppressionEdit({ kind: 'python', text }, { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 26 } }, code: 'AML101' }, 'line')!;
    assert.deepEqual([e.range.start, e.newText], [{ line: 1, character: 0 }, '# amlint: disable-next-line=AML101\n']);
  });
});

describe('suppression comments: disable-cell', () => {
  const cells = (...texts: string[]): DocumentInput => ({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) });
  const edited = (input: DocumentInput, e: TextEdit): DocumentInput =>
    input.kind === 'notebook' ? { ...input, cells: input.cells.map((c, i) => (i === e.cell ? { ...c, text: apply(c.text, e) } : c)) } : { ...input, text: apply((input as { text: string }).text, e) };

  it('parses, and covers the notebook cell it is in (any line of it), not the others', () => {
    assert.deepEqual(parseDirective('# amlint: disable-cell=AML101 -- demo cell'), { kind: 'cell', codes: ['AML101'], reason: 'demo cell' });
    const input = cells('from azureml.core import Workspace', 'ws = Workspace.from_config()\n# amlint: disable-cell=AML101\nws2 = Workspace.from_config()', 'ws3 = Workspace.from_config()');
    assert.deepEqual(codes(input), ['c0:1:AML100', 'c2:1:AML101']);
    // Without codes: every rule of that cell.
    assert.deepEqual(codes(cells('from azureml.core import Workspace  # comment\n# amlint: disable-cell', 'ws = Workspace.from_config()')), ['c1:1:AML101']);
  });

  it('in a script, covers the cell between `# %%`, `# In[ ]:` or Databricks markers; without markers, nothing', () => {
    const percent = '# %%\nfrom azureml.core import Workspace\n# %% [markdown]\n# amlint: disable-cell=AML101\nws = Workspace.from_config()\n#%%\nws3 = Workspace.from_config()\n';
    assert.deepEqual(codes({ kind: 'python', text: percent }), ['2:AML100', '7:AML101']);
    const exported = '#!/usr/bin/env python\n# In[1]:\n\nfrom azureml.core import Workspace\n# amlint: disable-cell\n\n# In[ ]:\n\nws = Workspace.from_config()\n';
    assert.deepEqual(codes({ kind: 'python', text: exported }), ['9:AML101']);
    const databricks = '# Databricks notebook source\nfrom azureml.core import Workspace\n\n# COMMAND ----------\n\nws = Workspace.from_config()  # amlint: disable-cell=AML1\n';
    assert.deepEqual(codes({ kind: 'python', text: databricks }), ['2:AML100']);
    const plain = 'from azureml.core import Workspace\n# amlint: disable-cell=AML101\nws = Workspace.from_config()\n';
    assert.deepEqual(codes({ kind: 'python', text: plain }), ['1:AML100', '3:AML101']);
    const unused = lint({ kind: 'python', text: plain }, { reportUnusedDirectives: 'warning' } as Parameters<typeof lint>[1]).findings.filter((f) => f.code === 'unused-directive');
    assert.deepEqual(unused.map((f) => f.message), ['Unused `# amlint: disable-cell` directive (no AML101 finding was suppressed).']);
  });

  it('the edit goes to the top of the finding\'s cell (after a `%%` cell magic), or extends the cell\'s directive', () => {
    const input = cells('from azureml.core import Workspace', '%%time\nws = Workspace.from_config()');
    const f = lint(input).findings.find((x) => x.code === 'AML101')!;
    const e = suppressionEdit(input, { ...f, code: 'AML101' }, 'cell')!;
    assert.deepEqual([e.cell, e.range.start, e.newText], [1, { line: 1, character: 0 }, '# amlint: disable-cell=AML101\n']);
    const once = edited(input, e);
    assert.deepEqual(codes(once), ['c0:1:AML100']);
    const again = suppressionEdit(once, { ...f, range: { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } }, code: 'AML003' }, 'cell')!;
    assert.equal(apply((once as { cells: Array<{ text: string }> }).cells[1].text, again), '%%time\n# amlint: disable-cell=AML101,AML003\nws = Workspace.from_config()');
  });

  it('in a script the edit goes after the cell\'s marker line; none without markers', () => {
    const text = '# %%\nfrom azureml.core import Workspace\n# %%\nws = Workspace.from_config()\n';
    const f = lint({ kind: 'python', text }).findings.find((x) => x.code === 'AML101')!;
    const e = suppressionEdit({ kind: 'python', text }, { ...f, code: 'AML101' }, 'cell')!;
    assert.equal(apply(text, e), '# %%\nfrom azureml.core import Workspace\n# %%\n# amlint: disable-cell=AML101\nws = Workspace.from_config()\n');
    assert.deepEqual(codes({ kind: 'python', text: apply(text, e) }), ['2:AML100']);
    assert.equal(suppressionEdit({ kind: 'python', text: V1 }, { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, code: 'AML101' }, 'cell'), undefined);
  });

  // Review of session 17.
  it('in a script\'s first cell without a marker, the edit goes after a shebang or Databricks header; markers start lines', () => {
    const shebang = '#!/usr/bin/env python\nfrom azureml.core import Workspace\n# %%\nws = 1\n';
    const e = suppressionEdit({ kind: 'python', text: shebang }, { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, code: 'AML100' }, 'cell')!;
    assert.deepEqual(e.range.start, { line: 1, character: 0 });
    const databricks = '# Databricks notebook source\nfrom azureml.core import Workspace\n\n# COMMAND ----------\n\nws = Workspace.from_config()\n';
    const d = suppressionEdit({ kind: 'python', text: databricks }, { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, code: 'AML100' }, 'cell')!;
    assert.equal(apply(databricks, d).split('\n').slice(0, 2).join('\n'), '# Databricks notebook source\n# amlint: disable-cell=AML100');
    assert.deepEqual(codes({ kind: 'python', text: apply(databricks, d) }), ['7:AML101']);
    // The file directive too stays below the header (the file is still read as a Databricks notebook).
    const f = suppressionEdit({ kind: 'python', text: databricks }, { range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, code: 'AML100' }, 'file')!;
    assert.deepEqual(f.range.start, { line: 1, character: 0 });
    // An indented `# %%` (inside a function) starts no cell, as in VS Code.
    const indented = '# %%\nfrom azureml.core import Workspace\n# amlint: disable-cell=AML101\ndef f():\n    # %%\n    return Workspace.from_config()\n';
    assert.deepEqual(codes({ kind: 'python', text: indented }), ['2:AML100']);
  });

  it('no cell directive where no Python is read (a %%sh cell), and the file directive skips cells that start with a cell magic', () => {
    const input = cells('%%sh\naz ml folder attach -w ws -g rg', 'from azureml.core import Workspace');
    const sh = lint(input).findings.find((f) => f.cell === 0)!;
    assert.ok(sh, 'the %%sh cell has a finding');
    assert.equal(suppressionEdit(input, { ...sh, code: sh.code }, 'cell'), undefined);
    const file = suppressionEdit(input, { ...sh, code: sh.code }, 'file')!;
    assert.deepEqual([file.cell, file.range.start], [1, { line: 0, character: 0 }]);
  });
});
