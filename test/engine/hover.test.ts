import * as assert from 'node:assert/strict';
import { hover, type DocumentInput } from '../../server/src/engine';

function at(input: DocumentInput, line: number, character: number, cell?: number): string {
  return hover(input, { cell, position: { line, character } }) ?? '';
}

describe('hover', () => {
  const py: DocumentInput = { kind: 'python', text: 'import azureml.core as aml\nws = aml.Workspace.from_config()\nws.write_config()\nx = 1\n' };

  it('names the v1 API, its v2 replacement in a python block, end of support and the docs link', () => {
    const h = at(py, 1, 22); // on from_config
    assert.match(h, /azureml\.core\.Workspace\.from_config/);
    assert.match(h, /MLClient\.from_config/);
    assert.match(h, /```python/);
    assert.match(h, /2026-06-30/);
    assert.match(h, /https:\/\/learn\.microsoft\.com\/azure\/machine-learning\//);
  });

  it('on the class name in a chain, it is the class', () => {
    assert.match(at(py, 1, 11), /`azureml\.core\.Workspace`/);
  });

  it('on a tracked v1 object, it says what it holds', () => {
    assert.match(at(py, 2, 0), /SDK v1\*\* `Workspace` object/);
  });

  it('on an import, the imported module', () => {
    assert.match(at(py, 0, 10), /azureml\.core/);
  });

  it('on a name a from-import binds, that name: its v2 replacement; not SDK v1 for the Studio (classic) client', () => {
    const h = at({ kind: 'python', text: 'from azureml.core import Workspace\n' }, 0, 27);
    assert.match(h, /`azureml\.core\.Workspace`/);
    assert.match(h, /MLClient/);
    assert.match(at({ kind: 'python', text: 'from azureml.core import Workspace\n' }, 0, 10), /`azureml\.core`/);
    assert.equal(at({ kind: 'python', text: 'from azureml import Workspace\n' }, 0, 22), '');
  });

  it('on `import a, b`, the module under the cursor, not the first one', () => {
    const input: DocumentInput = { kind: 'python', text: 'import os, azureml.core, azureml.pipeline.core\n' };
    assert.equal(at(input, 0, 8), '');
    assert.match(at(input, 0, 12), /`azureml\.core`/);
    const third = at(input, 0, 30);
    assert.match(third, /`azureml\.pipeline\.core`/);
    assert.doesNotMatch(third, /`azureml\.core`/);
  });

  it('on MLflow 1.x\'s `mlflow.azureml`, what that module is (not an azureml-* package) and its MLflow docs', () => {
    const h = at({ kind: 'python', text: 'import mlflow.azureml\n' }, 0, 15);
    assert.match(h, /`mlflow\.azureml`/);
    assert.match(h, /MLflow 1\.x/);
    assert.doesNotMatch(h, /azureml-\*/);
    assert.match(h, /how-to-deploy-mlflow-models/);
  });

  it('nothing on plain code', () => {
    assert.equal(at(py, 3, 0), '');
  });

  it('on a colliding name, which binding wins here and where each came from', () => {
    const nb: DocumentInput = { kind: 'notebook', cells: [
      { kind: 'code', text: 'from azureml.core import Model' },
      { kind: 'code', text: 'm = Model(ws, "x")' },
      { kind: 'code', text: 'from azure.ai.ml.entities import Model\nm2 = Model(path="x")' },
    ] };
    const early = at(nb, 0, 5, 1);
    assert.match(early, /bound to both SDKs/);
    assert.match(early, /Here it means `azureml\.core\.Model` \(v1\), cell 1, line 1/);
    const late = at(nb, 1, 6, 2);
    assert.match(late, /Here it means `azure\.ai\.ml\.entities\.Model` \(v2\), cell 3, line 1/);
  });
});
