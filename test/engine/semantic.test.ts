import * as assert from 'node:assert/strict';
import { parsePython } from '../../server/src/engine/parser';
import { syntaxTree } from '../../server/src/engine/syntax';
import { buildSemanticModel } from '../../server/src/engine/semantic/model';

/** The recorded uses of each name, as `name: row:column ...` (0-based). */
function usesOf(text: string): Record<string, string[]> {
  const model = buildSemanticModel(syntaxTree(parsePython(text), text));
  const out: Record<string, string[]> = {};
  for (const [binding, uses] of model.uses) out[binding.name] = uses.map((u) => `${u.startPosition.row}:${u.startPosition.column}`);
  return out;
}

describe('semantic model: uses', () => {
  it('a name in a for loop\'s iterable is one use (the element type is worked out without recording it again)', () => {
    const uses = usesOf('from azureml.core import Experiment\nexp = Experiment(ws, "e")\nfor r in exp.get_runs():\n    print(r)\n');
    assert.deepEqual(uses.exp, ['2:9']);
    assert.deepEqual(uses.r, ['3:10']);
  });
});
