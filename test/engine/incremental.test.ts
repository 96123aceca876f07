import * as assert from 'node:assert/strict';
import { analyseDocument } from '../../server/src/engine/analyse';
import { lint } from '../../server/src/engine';

describe('incremental re-parse', () => {
  it('gives the same tree and findings as a fresh parse after random edits (incl. astral characters)', () => {
    let text = 'from azureml.core import Workspace\nws = Workspace.from_config()\n# é😀 unicode\nx = 1\n'.repeat(20);
    let prev = analyseDocument({ kind: 'python', text });
    let seed = 7;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const inserts = ['x', '\n', '(', 'é', '😀', 'import azureml.core\n', '', 'ws.write_config()\n'];
    for (let i = 0; i < 60; i++) {
      const at = Math.floor(rnd() * text.length);
      text = text.slice(0, at) + inserts[Math.floor(rnd() * inserts.length)] + text.slice(at + Math.floor(rnd() * 4));
      const next = analyseDocument({ kind: 'python', text }, prev);
      const fresh = analyseDocument({ kind: 'python', text });
      assert.equal(next.modules[0].tree?.rootNode.toString(), fresh.modules[0].tree?.rootNode.toString(), `edit ${i}`);
      prev = next;
    }
    const a = lint({ kind: 'python', text }, undefined, prev).findings;
    const b = lint({ kind: 'python', text }).findings;
    assert.deepEqual(a, b);
  });

  it('notebook: editing one cell re-parses the joined module incrementally', () => {
    const cells = [{ kind: 'code' as const, text: 'from azureml.core import Workspace' }, { kind: 'code' as const, text: 'x = 1' }];
    const first = analyseDocument({ kind: 'notebook', cells });
    const edited = [cells[0], { kind: 'code' as const, text: 'ws = Workspace.from_config()' }];
    const next = lint({ kind: 'notebook', cells: edited }, undefined, first).findings;
    assert.deepEqual(next.map((f) => [f.code, f.cell]), [['AML100', 0], ['AML101', 1]]);
  });
});
