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

/** The qualified names of the model's references, as `row:qname` (0-based rows). */
function referencesOf(text: string): string[] {
  const model = buildSemanticModel(syntaxTree(parsePython(text), text));
  return model.references.map((r) => `${r.node.startPosition.row}:${r.qname}`);
}

describe('semantic model: return annotations', () => {
  it('a call of a function annotated `-> Pipeline` holds a Pipeline; an unannotated helper stays unknown', () => {
    const refs = referencesOf([
      'from azureml.pipeline.core import Pipeline',
      'def build(ws) -> Pipeline:',
      '    return make(ws)',
      'def other(ws):',
      '    return make(ws)',
      'p = build(ws)',
      'p.validate()',
      'q = other(ws)',
      'q.validate()',
    ].join('\n'));
    assert.ok(refs.includes('6:azureml.pipeline.core.Pipeline.validate'), refs.join(' '));
    assert.ok(!refs.some((r) => r.startsWith('8:')), refs.join(' '));
  });

  it('an annotation that is not an SDK class gives nothing, and a v2 class gives a v2 object', () => {
    const refs = referencesOf([
      'import pandas as pd',
      'from azure.ai.ml.entities import Environment',
      'def frame() -> pd.DataFrame:',
      '    return pd.DataFrame()',
      'def env() -> Environment:',
      '    return Environment(image="x")',
      'frame().to_csv("a")',
      'env().validate()',
    ].join('\n'));
    assert.ok(!refs.some((r) => r.startsWith('6:')), refs.join(' '));
    assert.ok(refs.includes('7:azure.ai.ml.entities.Environment.validate'), refs.join(' '));
  });
});
