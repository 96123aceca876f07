/**
 * Round 24 (data): tabular datasets in the Udacity train.py shapes and the documented list-of-paths shape.
 * - A dataset handed to a module helper that binds its parameter again to the frame at the body's top
 *   level (`data = data.to_pandas_dataframe()`, the Udacity capstone train.py): an MLTable has the same
 *   `to_pandas_dataframe()` (https://learn.microsoft.com/python/api/mltable/mltable.mltable.mltable), and
 *   after that statement the name holds a DataFrame in v1 and v2 alike.
 * - `TabularDatasetFactory().from_delimited_files(...)` (a static method called on an instance): the
 *   instance's finding offers the call's fix.
 * - `Dataset.File.upload_directory(src_dir, target=DataPath(datastore, "p"))` (the DP-100 labs): a DataPath
 *   target as the tuple one; without overwrite=True v1 skips existing files, fsspec "APPEND" as `datastore.upload`.
 * - `paths = [(datastore, "a.csv"), ...]` read only by `from_delimited_files(path=paths)` (how-to-create-register-datasets):
 *   the list becomes the mltable paths (https://learn.microsoft.com/azure/machine-learning/how-to-mltable), the argument the variable.
 * Refused: a rebinding under a branch, a parameter read otherwise before its rebinding, a list of paths
 * read elsewhere too, a producer in a `try` whose handler falls back (v1 validates at creation, mltable loads
 * later), a helper imported from another module (its body is not seen).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses, refused, rewriteCases } from './helpers';

/** The long-form datastore URI prefix mltable reads (https://learn.microsoft.com/azure/machine-learning/how-to-mltable). */
const uri = (ml: string, ds: string): string =>
  `f"azureml://subscriptions/{${ml}.subscription_id}/resourcegroups/{${ml}.resource_group_name}/workspaces/{${ml}.workspace_name}/datastores/{${ds}.name}/paths/`;

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  assert.equal(found[0].fixes, undefined, api);
}

describe('rewrites round 24 (data): Udacity train.py datasets, lists of datastore paths', () => {
  rewriteCases([
    [
      'a helper binding its parameter again to the frame (the Udacity capstone train.py) → the dataset becomes an MLTable',
      [
        'from azureml.data.dataset_factory import TabularDatasetFactory',
        'import pandas as pd',
        '',
        'def clean(data):',
        '    """Clean the loan data."""',
        '    data = data.to_pandas_dataframe()',
        "    data['incomeVerified'].fillna(False, inplace=True)",
        "    data = pd.get_dummies(data, columns=['gender'], drop_first=True)",
        '    x_df = data.copy()',
        '    y_df = x_df.pop("loanDefault")',
        '    return x_df, y_df',
        '',
        'url = "https://example.com/data/loans.csv"',
        'data = TabularDatasetFactory.from_delimited_files(url)',
        'x, y = clean(data)',
        '',
      ].join('\n'),
      [
        'import mltable',
        'import pandas as pd',
        '',
        'def clean(data):',
        '    """Clean the loan data."""',
        '    data = data.to_pandas_dataframe()',
        "    data['incomeVerified'].fillna(False, inplace=True)",
        "    data = pd.get_dummies(data, columns=['gender'], drop_first=True)",
        '    x_df = data.copy()',
        '    y_df = x_df.pop("loanDefault")',
        '    return x_df, y_df',
        '',
        'url = "https://example.com/data/loans.csv"',
        'data = mltable.from_delimited_files(paths=[{"file": url}])',
        'x, y = clean(data)',
        '',
      ].join('\n'),
    ],
    [
      'TabularDatasetFactory() instance chain over a line continuation → one mltable call',
      [
        'from azureml.data.dataset_factory import TabularDatasetFactory',
        '',
        'ds = TabularDatasetFactory() \\',
        '    .from_delimited_files("https://example.com/data/bank.csv")',
        '',
        'def clean_data(data):',
        '    x_df = data.to_pandas_dataframe().dropna()',
        '    return x_df, x_df.pop("y")',
        '',
        'x, y = clean_data(ds)',
        '',
      ].join('\n'),
      [
        'import mltable',
        '',
        'ds = mltable.from_delimited_files(paths=[{"file": "https://example.com/data/bank.csv"}])',
        '',
        'def clean_data(data):',
        '    x_df = data.to_pandas_dataframe().dropna()',
        '    return x_df, x_df.pop("y")',
        '',
        'x, y = clean_data(ds)',
        '',
      ].join('\n'),
    ],
    [
      'a list of datastore paths in a variable (how-to-create-register-datasets) → the list of mltable paths',
      [
        'from azureml.core import Workspace, Dataset',
        '',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        "datastore_paths = [(datastore, 'weather/2018/11.csv'), (datastore, 'weather/2018/*.csv')]",
        'weather_ds = Dataset.Tabular.from_delimited_files(path=datastore_paths)',
        'df = weather_ds.to_pandas_dataframe()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import mltable',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'datastore = ws.datastores.get_default()',
        `datastore_paths = [{"file": ${uri('ws', 'datastore')}weather/2018/11.csv"}, {"pattern": ${uri('ws', 'datastore')}weather/2018/*.csv"}]`,
        'weather_ds = mltable.from_delimited_files(paths=datastore_paths)',
        'df = weather_ds.to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
    [
      // v1 without overwrite skips existing files (azureml.data._upload_helper: "Target already exists. Skipping") = fsspec "APPEND".
      'Dataset.File.upload_directory to a DataPath without overwrite (the DP-100 labs) → fsspec upload keeping existing files, to review',
      [
        'from azureml.core import Workspace, Dataset',
        'from azureml.data.datapath import DataPath',
        '',
        'ws = Workspace.from_config()',
        'default_ds = ws.get_default_datastore()',
        'if ready:',
        "    Dataset.File.upload_directory(src_dir='data',",
        "                                  target=DataPath(default_ds, 'diabetes-data/')",
        '                                  )',
        "    print('uploaded')",
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'default_ds = ws.datastores.get_default()',
        'if ready:',
        `    AzureMachineLearningFileSystem(${uri('ws', 'default_ds')}").upload(lpath='data', rpath='diabetes-data/', recursive=True, overwrite="APPEND")  # amlint: review`,
        "    print('uploaded')",
        '',
      ].join('\n'),
    ],
  ]);

  it('the DataPath finding offers the upload_directory fix', () => {
    const text = "from azureml.core import Workspace, Dataset\nfrom azureml.data.datapath import DataPath\nws = Workspace.from_config()\nds = ws.get_default_datastore()\nDataset.File.upload_directory('data', DataPath(ds, 'd/'), overwrite=True)\n";
    const findings = lint({ kind: 'python', text }).findings;
    const upload = findings.find((f) => f.message.includes('`Dataset.File.upload_directory'));
    const path = findings.find((f) => f.message.includes('`DataPath('));
    assert.ok(upload?.fixes?.length && path?.fixes?.length, 'both carry a fix');
    assert.deepEqual(path.fixes, upload.fixes);
  });

  it('a notebook: the list of paths in one cell, the dataset made and read in the next', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\ndefault_ds = ws.get_default_datastore()' },
      { kind: 'code', text: "csv_paths = [(default_ds, 'aviation-data/*.csv')]" },
      { kind: 'code', text: 'tab_ds = Dataset.Tabular.from_delimited_files(path=csv_paths)\nprint(tab_ds.take(5).to_pandas_dataframe())' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      {
        kind: 'code',
        text: [
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'import mltable',
          'ws = MLClient.from_config(credential=DefaultAzureCredential())',
          'default_ds = ws.datastores.get_default()',
        ].join('\n'),
      },
      { kind: 'code', text: `csv_paths = [{"pattern": ${uri('ws', 'default_ds')}aviation-data/*.csv"}]` },
      { kind: 'code', text: 'tab_ds = mltable.from_delimited_files(paths=csv_paths)\nprint(tab_ds.take(5).to_pandas_dataframe())' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  describe('refused', () => {
    const head = 'from azureml.core import Dataset\n';
    const ds = 'ds = Dataset.Tabular.from_delimited_files("https://example.com/a/t.csv")\n';
    it('a parameter bound again under a branch, or read otherwise before it is bound again', () => {
      noFix(`${head}def f(d):\n    if d is not None:\n        d = d.to_pandas_dataframe()\n    return d\n${ds}f(ds)\n`, 'Dataset.Tabular.from_delimited_files');
      noFix(`${head}def f(d):\n    print(d.id)\n    d = d.to_pandas_dataframe()\n    return d\n${ds}f(ds)\n`, 'Dataset.Tabular.from_delimited_files');
      // bound again to something else than its frame
      noFix(`${head}def f(d):\n    d = d.random_split(0.5)\n    return d\n${ds}f(ds)\n`, 'Dataset.Tabular.from_delimited_files');
    });
    it('upload_directory to a named DataPath, with a computed overwrite, or with a pattern', () => {
      const ws = 'from azureml.core import Workspace, Dataset\nfrom azureml.data.datapath import DataPath\nws = Workspace.from_config()\nd = ws.get_default_datastore()\n';
      noFix(`${ws}Dataset.File.upload_directory('data', DataPath(d, 'x/', name='n'))\n`, 'Dataset.File.upload_directory');
      noFix(`${ws}Dataset.File.upload_directory('data', DataPath(d, 'x/'), overwrite=flag)\n`, 'Dataset.File.upload_directory');
      noFix(`${ws}Dataset.File.upload_directory('data', (d, 'x/'), pattern='*.csv')\n`, 'Dataset.File.upload_directory');
    });
    it('a list of paths read elsewhere too', () => {
      const ws = 'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nd = ws.get_default_datastore()\n';
      noFix(`${ws}paths = [(d, "a.csv")]\nt = Dataset.Tabular.from_delimited_files(path=paths)\nt.to_pandas_dataframe()\nprint(paths)\n`, 'Dataset.Tabular.from_delimited_files');
    });
    it('a producer under try with a fallback handler (v1 validates the data at creation, mltable when it loads)', () => {
      noFix(`from azureml.data.dataset_factory import TabularDatasetFactory\ntry:\n    ds = TabularDatasetFactory.from_delimited_files(path="https://example.com/a/t.csv")\nexcept Exception:\n    ds = None\ndef f(d):\n    return d.to_pandas_dataframe()\nf(ds)\n`, 'Dataset.Tabular.from_delimited_files');
    });
    it('a helper imported from another module (its body is not seen)', () => {
      noFix(`from azureml.data.dataset_factory import TabularDatasetFactory\nfrom train import clean_data\nds = TabularDatasetFactory.from_delimited_files("https://example.com/a/t.csv")\nx, y = clean_data(ds)\n`, 'Dataset.Tabular.from_delimited_files');
    });
  });
});

describe('rewrites: the read of a dataset in the helper it is handed to (session 15)', () => {
  it('`data.to_pandas_dataframe()` in `def clean_data(data)`, the model typing `data` from its one call, offers the dataset\'s fix', () => {
    const text = [
      'from azureml.data.dataset_factory import TabularDatasetFactory',
      '',
      'ds = TabularDatasetFactory.from_delimited_files(path="https://example.com/data/bank.csv")',
      '',
      'def clean_data(data):',
      '    x_df = data.to_pandas_dataframe().dropna()',
      '    return x_df',
      '',
      'x = clean_data(ds)',
      '',
    ].join('\n');
    const findings = lint({ kind: 'python', text }).findings;
    const read = findings.find((f) => f.range.start.line === 5 && f.message.includes('to_pandas_dataframe'));
    const producer = findings.find((f) => f.range.start.line === 2 && f.message.includes('from_delimited_files'));
    assert.ok(read && producer, findings.map((f) => f.message).join('\n'));
    assert.equal(read.fixes?.length, 1);
    assert.deepEqual(read.fixes?.[0], producer.fixes?.[0]);
    // Called twice, the helper's parameter may be another dataset at each call: the read gets no fix.
    const twice = lint({ kind: 'python', text: text.replace('x = clean_data(ds)', 'x = clean_data(ds)\ny = clean_data(ds)') }).findings;
    assert.equal(twice.find((f) => f.range.start.line === 5 && f.message.includes('to_pandas_dataframe'))?.fixes, undefined);
  });
});

describe('rewrites: a registered dataset handed to a helper (real-file check of session 15)', () => {
  it('`ds = Dataset.get_by_name(ws, ...)` passed to `clean_data(ds)` is not turned into a v2 Data asset (the helper reads it as a table)', () => {
    const src = 'from azureml.core import Workspace, Dataset\n\n\ndef clean_data(data):\n    data = data.to_pandas_dataframe().dropna()\n    return data\n\n\ndef main():\n    ws = Workspace.from_config()\n    ds = Dataset.get_by_name(ws, name="mpg-pred")\n    x = clean_data(ds)\n\n\nmain()\n';
    refused(src, 'Dataset.get_by_name');
  });
});

describe('rewrites: objects that leave the code a rewrite sees (review of session 15)', () => {
  it('a datastore a helper returns is not made a v2 datastore (its caller uploads to it)', () => {
    refused('from azureml.core import Workspace\nws = Workspace.from_config()\ndef setup(w):\n    store = w.get_default_datastore()\n    return store\nstore = setup(ws)\nstore.upload(src_dir="./data", target_path="data")\n', 'Workspace.get_default_datastore');
    refused('from azureml.core import Workspace\n\nws = Workspace.from_config()\n\ndef setup():\n    store = ws.get_default_datastore()\n    return store\n\nstore = setup()\nstore.upload(src_dir="./data", target_path="data")\n', 'Workspace.get_default_datastore');
  });

  it('a registered dataset handed on through `or`, a conditional or a walrus is not made a v2 Data asset', () => {
    for (const arg of ['ds or None', 'ds if ws else None', '(d := ds)']) {
      refused(`from azureml.core import Workspace, Dataset\n\n\ndef clean_data(data):\n    return data.to_pandas_dataframe()\n\n\nws = Workspace.from_config()\nds = Dataset.get_by_name(ws, name="bank")\nx = clean_data(${arg})\n`, 'Dataset.get_by_name');
    }
  });
});
