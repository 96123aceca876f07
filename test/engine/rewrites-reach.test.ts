import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { parsePython } from '../../server/src/engine/parser';
import { buildSemanticModel } from '../../server/src/engine/semantic/model';
import { syntaxTree } from '../../server/src/engine/syntax';
import { soleBinding } from '../../server/src/rules/rewrites/reach';
import { fixPython, parses } from './helpers';

/**
 * Names bound on several paths (rules/rewrites/reach.ts): a rewrite may not read a use as the
 * object of one binding when another binding may reach it, and a rewrite of one path's value
 * takes the other paths' rewrites along.
 */
describe('rewrites: names bound on several paths', () => {
  /** The finding of `api` on line `line` (1-based) has no fix and no suggestion. */
  function noFix(text: string, api: string, line: number): void {
    const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`) && f.range.start.line === line - 1);
    assert.equal(found.length, 1, `${api} is reported on line ${line}`);
    assert.equal(found[0].fixes, undefined, `${api} on line ${line} has no fix`);
  }

  it('two datastores on two branches: `store.name` is not rewritten to one of their names', () => {
    const text = [
      'import sys',
      'from azureml.core import Workspace, Datastore',
      'ws = Workspace.from_config()',
      'if len(sys.argv) > 1:',
      '    store = ws.get_default_datastore()',
      'else:',
      '    store = Datastore.get(ws, "blobstore")',
      'print(store.name)',
      '',
    ].join('\n');
    noFix(text, 'Datastore.get()', 7);
    noFix(text, 'Datastore.name', 8);
    assert.ok(fixPython(text, true).includes('print(store.name)'));
  });

  it('the same lookup with two names on two branches: neither rewrite of `store.name` is offered', () => {
    const text = [
      'import sys',
      'from azureml.core import Workspace, Datastore',
      'ws = Workspace.from_config()',
      'if len(sys.argv) > 1:',
      '    store = Datastore.get(ws, "other")',
      'else:',
      '    store = Datastore.get(ws, "blobstore")',
      'print(store.name)',
      '',
    ].join('\n');
    noFix(text, 'Datastore.get()', 5);
    noFix(text, 'Datastore.get()', 7);
    assert.equal(fixPython(text, true), text);
  });

  it('a function reads a module name bound twice around its calls: the name is not frozen to the first binding', () => {
    const text = [
      'from azureml.core import Workspace, Datastore',
      'ws = Workspace.from_config()',
      'store = Datastore.get(ws, "a")',
      'def show():',
      '    print(store.name)',
      'show()',
      'store = Datastore.get(ws, "b")',
      'show()',
      '',
    ].join('\n');
    noFix(text, 'Datastore.get()', 3);
    const fixed = fixPython(text, true);
    assert.ok(fixed.includes('    print(store.name)\n'), fixed);
  });

  it('a dataset looked up on one branch, taken from the run on the other: the lookup is not rewritten alone', () => {
    const text = [
      'from azureml.core import Run, Workspace, Dataset',
      'run = Run.get_context()',
      'if run.id.startswith("OfflineRun"):',
      '    ws = Workspace.from_config()',
      '    ds = Dataset.get_by_name(ws, "bank")',
      'else:',
      '    ds = run.input_datasets["training"]',
      'df = ds.to_pandas_dataframe()',
      '',
    ].join('\n');
    noFix(text, 'Dataset.get_by_name()', 5);
  });

  it('a model fetched on one branch and registered on the other: both are rewritten together', () => {
    const text = [
      'import sys',
      'from azureml.core import Workspace, Model',
      'ws = Workspace.from_config()',
      'if len(sys.argv) > 1:',
      '    model = Model(ws, "m")',
      'else:',
      '    model = Model.register(ws, model_path="outputs/m.pkl", model_name="m")',
      'print(model.version)',
      '',
    ].join('\n');
    // Either finding's suggestion rewrites both branches (the other one's rewrite comes along).
    const findings = lint({ kind: 'python', text }).findings.filter((f) => /`Model(\.register)?\(\)`/.test(f.message));
    assert.equal(findings.length, 2);
    for (const f of findings) {
      const edits = f.fixes?.[0]?.edits.map((e) => e.newText).join('\n') ?? '';
      assert.ok(edits.includes('ml_client.models.get(name="m", label="latest")') && edits.includes('ml_client.models.create_or_update('), f.message);
    }
    const fixed = fixPython(text, true);
    assert.equal(
      fixed,
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'import azure.ai.ml.constants',
        'import sys',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'if len(sys.argv) > 1:',
        '    model = ml_client.models.get(name="m", label="latest")',
        'else:',
        '    model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="m", path="outputs/m.pkl", type=azure.ai.ml.constants.AssetTypes.CUSTOM_MODEL))',
        'print(model.version)',
        '',
      ].join('\n'),
    );
    assert.ok(parses(fixed));
  });

  it('a `global` assignment in a function may or may not have run where the name is read', () => {
    const text = [
      'import sys',
      'from azureml.core import Workspace, Datastore',
      'ws = Workspace.from_config()',
      'store = Datastore.get(ws, "a")',
      'def switch():',
      '    global store',
      '    store = ws.get_default_datastore()',
      'if len(sys.argv) > 1:',
      '    switch()',
      'print(store.name)',
      '',
    ].join('\n');
    const fixed = fixPython(text, true);
    assert.ok(fixed.includes('print(store.name)'), fixed);
  });

  it('which bindings reach a use: straight-line rebinding, a statement header, a branch', () => {
    /** soleBinding of each binding of `store`, in document order. */
    const sole = (text: string): boolean[] => {
      const model = buildSemanticModel(syntaxTree(parsePython(text), text));
      return (model.moduleScope.bindings.get('store') ?? []).map((b) => soleBinding(model, b));
    };
    const head = 'from azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nstore = ws.get_default_datastore()\nprint(store.name)\n';
    // Bound again in straight-line code: each binding alone reaches its own uses.
    assert.deepEqual(sole(head + 'store = Datastore.get(ws, "a")\nprint(store.name)\n'), [true, true]);
    // The `if` condition runs before its block: the walrus binding alone reaches the body's use.
    assert.deepEqual(sole(head + 'if (store := Datastore.get(ws, "a")):\n    print(store.name)\n'), [true, true]);
    // Bound again under a branch: the later use may see either.
    assert.deepEqual(sole(head + 'if flag:\n    store = Datastore.get(ws, "a")\nprint(store.name)\n'), [false, false]);
  });

  it('a name rebound in a loop reaches the uses before it on the next turn', () => {
    const text = [
      'from azureml.core import Workspace, Model',
      'ws = Workspace.from_config()',
      'model = None',
      'for name in ["a", "b"]:',
      '    if model is not None:',
      '        model.download(target_dir=".")',
      '    model = Model(ws, name="m")',
      '',
    ].join('\n');
    // `model.download` is (textually) the use of `model = None`; on the second turn it is the
    // v1 Model's, which an SDK v2 Model (no download) would not serve.
    noFix(text, 'Model()', 7);
    assert.equal(fixPython(text, true), text);
  });
});
