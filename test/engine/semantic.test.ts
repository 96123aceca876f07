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

/** [what, code lines, references that must be there (`row:qname`), rows with no reference at all] */
type ReferenceCase = [string, string[], string[], number[]];

function referenceCases(cases: ReferenceCase[]): void {
  for (const [what, code, present, silent] of cases) {
    it(what, () => {
      const refs = referencesOf(code.join('\n') + '\n');
      for (const r of present) assert.ok(refs.includes(r), `${r} missing from ${refs.join(' ')}`);
      for (const row of silent) assert.ok(!refs.some((r) => r.startsWith(`${row}:`)), `row ${row}: ${refs.join(' ')}`);
    });
  }
}

describe('semantic model: datasets from a workspace collection, a split and an open dataset', () => {
  referenceCases([
    [
      'ws.datasets.get(name) is a dataset (the mslearn labs shape), read or handed to a step',
      [
        'from azureml.core import Workspace',
        'ws = Workspace.from_config()',
        'diabetes_ds = ws.datasets.get("diabetes dataset")',
        'df = diabetes_ds.to_pandas_dataframe()',
        'inputs = [diabetes_ds.as_named_input("diabetes")]',
        'store = ws.datastores.get("blobs")',
        'store.upload(src_dir="data")',
      ],
      ['3:azureml.core.Dataset.to_pandas_dataframe', '4:azureml.core.Dataset.as_named_input', '6:azureml.core.Datastore.upload'],
      [],
    ],
    [
      'both halves of random_split are datasets of the same kind',
      [
        'from azureml.core import Dataset',
        'ds = Dataset.Tabular.from_delimited_files("https://x/y.csv")',
        'train_data, test_data = ds.random_split(percentage=0.8, seed=223)',
        'test_df = test_data.to_pandas_dataframe()',
        'train_df = train_data.to_pandas_dataframe()',
      ],
      ['3:azureml.data.TabularDataset.to_pandas_dataframe', '4:azureml.data.TabularDataset.to_pandas_dataframe'],
      [],
    ],
    [
      'an open dataset read as a v1 dataset; its pandas frame and a dict.get elsewhere are not',
      [
        'from azureml.opendatasets import Diabetes, MNIST',
        'diabetes = Diabetes.get_tabular_dataset()',
        'df = diabetes.to_pandas_dataframe()',
        'mnist = MNIST.get_file_dataset()',
        'mnist.download("data", overwrite=True)',
        'df.head()',
        'settings = {"a": 1}',
        'settings.get("a").bit_length()',
      ],
      ['2:azureml.data.TabularDataset.to_pandas_dataframe', '4:azureml.data.FileDataset.download'],
      [5, 7],
    ],
  ]);
});

describe('semantic model: loops over a v1 collection kept in a name or wrapped in list()/sorted()', () => {
  referenceCases([
    [
      'runs = exp.get_runs(), then for run in runs (and a chain of such names)',
      [
        'from azureml.core import Experiment',
        'exp = Experiment(ws, "e")',
        'runs = exp.get_runs()',
        'for run in runs:',
        '    print(run.get_metrics())',
        'same = runs',
        'for r in same:',
        '    r.get_file_names()',
      ],
      ['4:azureml.core.Run.get_metrics', '7:azureml.core.Run.get_file_names'],
      [],
    ],
    [
      'list(), tuple(), reversed() and sorted(key=, reverse=) keep the elements',
      [
        'from azureml.core import Experiment',
        'exp = Experiment(ws, "e")',
        'children = list(exp.get_runs())',
        'for child in children:',
        '    child.get_status()',
        'for r in sorted(exp.get_runs(), key=lambda r: r.id, reverse=True):',
        '    r.get_details()',
        'for t in reversed(tuple(exp.get_runs())):',
        '    t.cancel()',
      ],
      ['4:azureml.core.Run.get_status', '6:azureml.core.Run.get_details', '8:azureml.core.Run.cancel'],
      [],
    ],
    [
      'not through a list() the module defines, another builtin, a name bound to something else, or a mapping',
      [
        'from azureml.core import Experiment',
        'exp = Experiment(ws, "e")',
        'def list(x):',
        '    return [1]',
        'for q in list(exp.get_runs()):',
        '    q.get_status()',
        'for e in enumerate(exp.get_runs()):',
        '    e.count(1)',
        'names = ["a"]',
        'for n in names:',
        '    n.upper()',
        'for s in sorted(exp.get_runs(), cmp=None):',
        '    s.get_status()',
        'runs = exp.get_runs()',
        'runs = []',
        'for x in runs:',
        '    x.get_status()',
        'a = b',
        'b = a',
        'for y in a:',
        '    y.get_status()',
      ],
      [],
      [5, 7, 10, 12, 16, 20],
    ],
    [
      'one element: an index of a list of them, next() of the listing or of iter(); not a slice, a dict item or next() of other things',
      [
        'from azureml.core import Experiment',
        'exp = Experiment(ws, "e")',
        'latest = list(exp.get_runs())[0]',
        'latest.get_details()',
        'runs = list(exp.get_runs())',
        'runs[-1].get_status()',
        'newest = next(exp.get_runs())',
        'newest.get_metrics()',
        'first = next(iter(runs))',
        'first.cancel()',
        'part = runs[1:3]',
        'part.count(1)',
        'd = {"a": 1}',
        'd["a"].bit_length()',
        'nxt = next(iter([1, 2]))',
        'nxt.bit_length()',
      ],
      ['3:azureml.core.Run.get_details', '5:azureml.core.Run.get_status', '7:azureml.core.Run.get_metrics', '9:azureml.core.Run.cancel'],
      [11, 13, 15],
    ],
    [
      'a global name assigned in a function is read where the assignment is written',
      [
        'from azureml.core import Experiment',
        'exp = Experiment(ws, "e")',
        'def load(tracker):',
        '    global runs, got',
        '    exp = tracker.experiment()',
        '    runs = exp.get_runs()',
        '    got = Experiment(ws, "f").get_runs()',
        'def show():',
        '    for r in runs:',
        '        r.get_status()',
        '    for g in got:',
        '        g.get_status()',
      ],
      ['11:azureml.core.Run.get_status'],
      [9],
    ],
  ]);
});

describe('semantic model: what the module\'s own functions return', () => {
  const cases: ReferenceCase[] = [
    [
      'a helper returning a workspace variable (the common MLOps shape)',
      [
        'from azureml.core import Workspace',
        'def get_workspace():',
        '    ws = Workspace.from_config()',
        '    return ws',
        'ws = get_workspace()',
        'ds = ws.get_default_datastore()',
      ],
      ['5:azureml.core.Workspace.get_default_datastore'],
      [],
    ],
    [
      'a helper returning a call, defined after its caller\'s module code is written, used in a loop',
      [
        'from azureml.core import Experiment',
        'def runs_of(ws, name):',
        '    return Experiment(ws, name)',
        'for r in runs_of(ws, "e").get_runs():',
        '    r.get_details()',
      ],
      ['3:azureml.core.Experiment.get_runs', '4:azureml.core.Run.get_details'],
      [],
    ],
    [
      'a helper of a helper (two rounds)',
      [
        'from azureml.core import Workspace',
        'def inner():',
        '    return Workspace.from_config()',
        'def outer():',
        '    return inner()',
        'outer().get_default_keyvault()',
      ],
      ['5:azureml.core.Workspace.get_default_keyvault'],
      [],
    ],
    [
      'an optional object: `return None` on one path still types the call',
      [
        'from azureml.core import Workspace',
        'def maybe(name):',
        '    if not name:',
        '        return None',
        '    return Workspace.get(name)',
        'maybe("w").get_details()',
      ],
      ['5:azureml.core.Workspace.get_details'],
      [],
    ],
    [
      'a tuple of objects unpacks',
      [
        'from azureml.core import Workspace, Experiment',
        'def setup():',
        '    ws = Workspace.from_config()',
        '    return ws, Experiment(ws, "e")',
        'ws, exp = setup()',
        'exp.get_runs()',
      ],
      ['5:azureml.core.Experiment.get_runs'],
      [],
    ],
    [
      'returns of different kinds, a value of unknown code, a generator and a method give nothing',
      [
        'from azureml.core import Workspace, Experiment',
        'def either(flag):',
        '    if flag:',
        '        return Workspace.from_config()',
        '    return Experiment(ws, "e")',
        'def unknown():',
        '    if x:',
        '        return Workspace.from_config()',
        '    return load_workspace()',
        'def gen():',
        '    yield Workspace.from_config()',
        'class Holder:',
        '    def ws(self):',
        '        return Workspace.from_config()',
        'either(1).get_runs()',
        'unknown().get_details()',
        'gen().get_details()',
        'Holder().ws().get_details()',
      ],
      [],
      [14, 15, 16, 17],
    ],
    [
      // Review of session 15: a coroutine, a decorated function, a helper redefined later (a notebook cell run again).
      'an `async def`, a decorated function and a redefined helper give nothing',
      [
        'from azureml.core import Workspace',
        'async def get_ws():',
        '    return Workspace.from_config()',
        '@as_dict',
        'def get_ws2():',
        '    return Workspace.from_config()',
        'def get_ws3():',
        '    return Workspace.from_config()',
        'def main():',
        '    get_ws3().get_details()',
        'def get_ws3():',
        '    return {}',
        'get_ws().cancel()',
        'get_ws2().update({})',
      ],
      [],
      [9, 12, 13],
    ],
    [
      'a nested function\'s return is not its enclosing function\'s',
      [
        'from azureml.core import Workspace',
        'def outer():',
        '    def inner():',
        '        return Workspace.from_config()',
        '    return inner',
        'outer().get_details()',
      ],
      [],
      [5],
    ],
  ];
  referenceCases(cases);

  it('a body that only calls such a helper is walked (the helper\'s name is an SDK binding)', () => {
    const text = [
      'from azureml.core import Workspace',
      'def get_ws():',
      '    return Workspace.from_config()',
      'def main():',
      '    get_ws().get_default_datastore()',
      '',
    ].join('\n');
    const model = buildSemanticModel(syntaxTree(parsePython(text), text));
    assert.ok(model.sdkNames.has('get_ws'), [...model.sdkNames].join(' '));
    assert.ok(model.references.some((r) => r.node.startPosition.row === 4 && r.qname === 'azureml.core.Workspace.get_default_datastore'));
  });
});

describe('semantic model: parameters every call of their function passes one SDK object', () => {
  const cases: ReferenceCase[] = [
    [
      'every call passes the workspace, by position or by keyword',
      [
        'from azureml.core import Workspace',
        'def register(ws, name):',
        '    ds = ws.get_default_datastore()',
        'ws = Workspace.from_config()',
        'register(ws, "a")',
        'register(name="b", ws=ws)',
      ],
      ['2:azureml.core.Workspace.get_default_datastore'],
      [],
    ],
    [
      'passed on to another function of the module (two rounds), and a dataset parameter',
      [
        'from azureml.core import Workspace, Dataset',
        'def outer(ws):',
        '    inner(ws)',
        'def inner(w):',
        '    w.get_details()',
        'def clean(data):',
        '    return data.to_pandas_dataframe()',
        'outer(Workspace.from_config())',
        'clean(Dataset.get_by_name(ws, "d"))',
      ],
      ['4:azureml.core.Workspace.get_details', '6:azureml.core.Dataset.to_pandas_dataframe'],
      [],
    ],
    [
      'a call with something else, a callback, a call from a body the walk skips, a decorator, an omitted default, a method, two kinds',
      [
        'from azureml.core import Workspace, Experiment',
        'ws = Workspace.from_config()',
        'def mixed(w):',
        '    w.get_details()',
        'mixed(ws)',
        'mixed(42)',
        'def callback(w):',
        '    w.get_details()',
        'callback(ws)',
        'handlers = [callback]',
        'def hidden(w):',
        '    w.get_details()',
        'hidden(ws)',
        'def main():',
        '    hidden(load())',
        'import functools',
        '@functools.lru_cache',
        'def cached(w):',
        '    w.get_details()',
        'cached(ws)',
        'def optional(x, w=None):',
        '    w.get_details()',
        'optional(1)',
        'optional(2, ws)',
        'class Job:',
        '    def run(self, w):',
        '        w.get_details()',
        'Job().run(ws)',
        'def kinds(o):',
        '    o.get_details()',
        'kinds(ws)',
        'kinds(Experiment(ws, "e"))',
        'def named(w):',
        '    w.get_details()',
        'named(ws)',
        'HANDLERS = {"n": named}',
      ],
      [],
      [3, 7, 11, 18, 21, 26, 29, 33],
    ],
    [
      // Real-file check of session 15: "similar to the get_datastore function" in a comment names no caller; nor does
      // a docstring (review: an edit inside one is inert to the editor's reuse, so it must not change the typing).
      'a comment or a docstring naming the function does not stop its parameters being typed',
      [
        'from azureml.core import Workspace',
        '# like get_datastore below, but for the default one',
        'def get_datastore(ws, name):',
        '    """Wraps get_datastore of the workspace."""',
        '    return ws.datastores[name]',
        'get_datastore(Workspace.from_config(), "d")',
      ],
      ['4:azureml.core.Workspace.datastores'],
      [],
    ],
    [
      // Review of session 15: a comment between the arguments is no argument (it shifted the positions).
      'a comment inside the argument list',
      [
        'from azureml.core import Workspace',
        'def show(w, settings):',
        '    print(w.name)',
        '    print(settings.get("region"))',
        'show(  # the workspace, then its settings',
        '    Workspace.from_config(), {"region": "westeurope"})',
        'def show2(  # a comment among the parameters',
        '    w, settings):',
        '    print(w.name)',
        '    print(settings.get("region"))',
        'show2(Workspace.from_config(), {})',
      ],
      ['2:azureml.core.Workspace.name', '8:azureml.core.Workspace.name'],
      [3, 9],
    ],
  ];
  referenceCases(cases);

  it('a function some call passes an SDK object is an SDK name (an edit naming it re-runs the rules)', () => {
    const text = 'from azureml.core import Workspace\ndef show(w):\n    print(w)\nshow(Workspace.from_config())\nshow(1)\ndef plain(x):\n    print(x)\nplain(1)\n';
    const model = buildSemanticModel(syntaxTree(parsePython(text), text));
    assert.ok(model.sdkNames.has('show'));
    assert.ok(!model.sdkNames.has('plain'));
  });
});

describe('semantic model: a parameter its function hands to SDK v1 as the workspace', () => {
  referenceCases([
    [
      // Helper modules of real repos (`def get_pipeline(ws, ...)` called from another file): the parameter is a v1
      // Workspace because the body gives it to v1 as one, by keyword or as the first argument of a callable taking it first.
      'by keyword, as the first argument, a subclass\'s constructor, in a method',
      [
        'from azureml.core import Experiment, Model',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.core.compute import ComputeTarget, AmlCompute',
        'def get_pipeline(ws, name):',
        '    store = ws.get_default_datastore()',
        '    ct = ComputeTarget(workspace=ws, name="cpu")',
        'def submit(w, name):',
        '    exp = Experiment(w, name)',
        '    print(w.datasets)',
        'def attach(w3):',
        '    c = AmlCompute(w3, "gpu")',
        '    w3.get_details()',
        'def register(w4):',
        '    Model.register(model_path="m.pkl", model_name="m", workspace=w4)',
        '    return w4.models',
        'class Builder:',
        '    def build(self, w5, steps):',
        '        w5.get_default_datastore()',
        '        return Pipeline(w5, steps)',
      ],
      [
        '4:azureml.core.Workspace.get_default_datastore',
        '8:azureml.core.Workspace.datasets',
        '11:azureml.core.Workspace.get_details',
        '14:azureml.core.Workspace.models',
        '17:azureml.core.Workspace.get_default_datastore',
      ],
      [],
    ],
    [
      'not another argument, a callable of the module or of v2, a v1 callable taking something else first, a rebound name, an annotation, a lambda',
      [
        'from azureml.core import Experiment, Dataset',
        'from azure.ai.ml import MLClient',
        'def second(w):',
        '    Experiment(load(), w)',
        '    w.get_details()',
        'def local(w):',
        '    helper(workspace=w)',
        '    w.get_details()',
        'def v2(w):',
        '    MLClient.from_config(workspace=w)',
        '    w.get_details()',
        'def data(w):',
        '    Dataset.Tabular.from_delimited_files(w)',
        '    w.get_details()',
        'def rebound(w):',
        '    Experiment(w, "e")',
        '    w = w.other',
        '    w.get_details()',
        'def helper(workspace):',
        '    return workspace',
        'def annotated(w: MLClient):',
        '    Experiment(w, "e")',
        '    w.get_details()',
        'make = lambda w: Experiment(w, "e").get_details(w.name)',
      ],
      // (The annotated parameter stays the v2 client it says it is.)
      ['22:azure.ai.ml.MLClient.get_details'],
      [4, 7, 10, 13, 17],
    ],
    [
      // Review of session 17: base classes and chains; the rounds settle (a call passing the parameter something else
      // would have flipped it); calls passing two different objects to a parameter the body does not hand to v1.
      'through a base class, a call passing something else, two calls passing different objects',
      [
        'from azureml.core import Run',
        'from azureml.core.compute import AmlCompute, DatabricksCompute',
        'from azureml.core.webservice import LocalWebservice',
        'def grow(w, cfg):',
        '    AmlCompute.create(w, "cpu", cfg)',
        '    w.get_details()',
        'def attach(w):',
        '    DatabricksCompute(w, "dbx")',
        '    print(w.datastores)',
        'def local(w):',
        '    LocalWebservice(w, "svc")',
        '    w.get_details()',
        'def loop(ws):',
        '    AmlCompute(ws, "cpu")',
        '    loop(ws.get_default_datastore())',
        'def either(o):',
        '    o.get_details()',
        'run = Run.get_context()',
        'either(run.parent)',
        'either(run.experiment.workspace)',
      ],
      [
        '5:azureml.core.Workspace.get_details',
        '8:azureml.core.Workspace.datastores',
        '11:azureml.core.Workspace.get_details',
        '14:azureml.core.Workspace.get_default_datastore',
      ],
      [16],
    ],
  ]);
});

describe('semantic model: a v1 object read with a str method is a string', () => {
  referenceCases([
    [
      // run.input_datasets["x"] is the mount path for an `as_mount()` input (session 16/17 notes).
      'run.input_datasets[...] split or stripped as a path; its Dataset methods still found',
      [
        'import os',
        'from azureml.core import Run',
        'run = Run.get_context()',
        'path = run.input_datasets["raw"]',
        'name = path.split("/")[-1]',
        'clean = path.rstrip("/").replace("a", "b")',
        'df = run.input_datasets["table"].to_pandas_dataframe()',
      ],
      ['3:azureml.core.Run.input_datasets', '6:azureml.core.Dataset.to_pandas_dataframe'],
      [4, 5],
    ],
  ]);
});

describe('semantic model: the run\'s experiment and workspace handed on or returned', () => {
  referenceCases([
    [
      'a function returning run.experiment.workspace, and a parameter every call passes it',
      [
        'from azureml.core import Run',
        'def get_ws():',
        '    run = Run.get_context()',
        '    return run.experiment.workspace',
        'get_ws().get_default_datastore()',
        'def get_dataset(ws, name):',
        '    return ws.datasets[name]',
        'run = Run.get_context()',
        'get_dataset(run.experiment.workspace, "d")',
        'def parent_of(r):',
        '    r.log("a", 1)',
        'parent_of(run.parent)',
      ],
      [
        '4:azureml.core.Run.experiment.workspace.get_default_datastore',
        '6:azureml.core.Run.experiment.workspace.datasets',
        '10:azureml.core.Run.parent.log',
      ],
      [],
    ],
    [
      'a plain attribute of a run (its id, a name) is no object to hand on',
      [
        'from azureml.core import Run',
        'run = Run.get_context()',
        'def show(i):',
        '    print(i.split("_"))',
        'show(run.id)',
        'def name_of():',
        '    return run.experiment.name',
        'name_of().upper()',
        'def ids():',
        '    return run.id, run.experiment.name',
        'rid, name = ids()',
        'rid.split("_")',
      ],
      [],
      [3, 7, 11],
    ],
  ]);
});
