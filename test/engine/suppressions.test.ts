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
