/**
 * Round 21 (data): dataset names v1 took and v2 refuses (the DP-100 labs' 'diabetes dataset': v2 data
 * asset names match `^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$`, no spaces or dots) are registered and read
 * under the same name with each run of spaces/dots as "-" (data.ts `assetName`), the lines marked
 * `# amlint: review`; every rewrite renames alike, so rewritten writers and readers agree.
 * Only where the module stays consistent: every literal of the v1 name is a registration or a table
 * read renamed alike (data.ts `renameConsistent`).
 * Refused: a name still invalid after that, a read through a variable bound to such a literal, a
 * renamed registration under the get-or-register test, the v1 name still read by v1 code of the module.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
const ML = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
/** The long-form datastore URI prefix mltable reads (https://learn.microsoft.com/azure/machine-learning/how-to-mltable). */
const uri = (ds: string): string =>
  `f"azureml://subscriptions/{ml_client.subscription_id}/resourcegroups/{ml_client.resource_group_name}/workspaces/{ml_client.workspace_name}/datastores/{${ds}.name}/paths/`;

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  assert.equal(found[0].fixes, undefined, api);
}

describe('rewrites round 21 (data): v1 dataset names v2 refuses', () => {
  rewriteCases([
    [
      // how-to-mltable "Create a data asset": tbl.save(folder) + Data(path=folder, type=MLTABLE, name=...).
      'the DP-100 shape: a tabular dataset registered as "diabetes dataset" → MLTable asset "diabetes-dataset", to review',
      [
        'from azureml.core import Workspace, Dataset',
        '',
        'ws = Workspace.from_config()',
        'default_ds = ws.get_default_datastore()',
        "tab_data_set = Dataset.Tabular.from_delimited_files(path=(default_ds, 'diabetes-data/*.csv'))",
        'tab_data_set = tab_data_set.register(workspace=ws,',
        "                                     name='diabetes dataset',",
        "                                     description='diabetes data',",
        "                                     tags={'format': 'CSV'},",
        '                                     create_new_version=True)',
        "print('Dataset ready.')",
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'import mltable',
        ML,
        '',
        'ws = ml_client',
        'default_ds = ws.datastores.get_default()',
        `tab_data_set = mltable.from_delimited_files(paths=[{"pattern": ${uri('default_ds')}diabetes-data/*.csv"}])`,
        `tab_data_set.save("./diabetes-dataset")${REVIEW}`,
        `tab_data_set = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./diabetes-dataset", type=AssetTypes.MLTABLE, name="diabetes-dataset", description='diabetes data', tags={'format': 'CSV'}))${REVIEW}`,
        "print('Dataset ready.')",
        '',
      ].join('\n'),
    ],
    [
      // how-to-mltable "Read the data asset": mltable.load(f"azureml:/{data_asset.id}").
      'a registered dataset read as a table by a name with a space → the renamed asset loaded with mltable',
      [
        'from azureml.core import Workspace, Dataset',
        '',
        'ws = Workspace.from_config()',
        "diabetes = Dataset.get_by_name(ws, name='diabetes dataset')",
        'df = diabetes.to_pandas_dataframe()',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mltable',
        ML,
        '',
        `diabetes = mltable.load("azureml:/" + ml_client.data.get(name="diabetes-dataset", label="latest").id)${REVIEW}`,
        'df = diabetes.to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
    [
      // migrate-to-v2-assets-data: a file dataset of a folder → a uri_folder Data asset.
      'a folder FileDataset registered as "diabetes file dataset" → uri_folder asset "diabetes-file-dataset", to review',
      [
        'from azureml.core import Workspace, Dataset',
        '',
        'ws = Workspace.from_config()',
        'default_ds = ws.get_default_datastore()',
        "file_data_set = Dataset.File.from_files(path=(default_ds, 'diabetes-data/'))",
        "file_data_set = file_data_set.register(workspace=ws, name='diabetes file dataset', description='diabetes files', create_new_version=True)",
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        ML,
        '',
        'ws = ml_client',
        'default_ds = ws.datastores.get_default()',
        `file_data_set = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path=f"azureml://datastores/{default_ds.name}/paths/diabetes-data/", type=AssetTypes.URI_FOLDER, name="diabetes-file-dataset", description='diabetes files'))${REVIEW}`,
        '',
      ].join('\n'),
    ],
  ]);

  it('the DP-100 listing loop: the `dataset.name` / `dataset.version` reads offer the lookup\'s fix', () => {
    const src = [
      'from azureml.core import Workspace, Dataset',
      '',
      'ws = Workspace.from_config()',
      'print("Datasets:")',
      'for dataset_name in list(ws.datasets.keys()):',
      '    dataset = Dataset.get_by_name(ws, dataset_name)',
      "    print(\"\\t\", dataset.name, 'version', dataset.version)",
      '',
    ].join('\n');
    const found = lint({ kind: 'python', text: src }).findings.filter((f) => f.code.startsWith('AML1'));
    assert.deepEqual(found.filter((f) => !f.fixes?.length).map((f) => f.message), []);
    // DataOperations.list / get(name=, label="latest") (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.dataoperations):
    // a v2 Data asset has name and version.
    const out = fixPython(src, true);
    assert.equal(
      out,
      [
        ...CLIENT,
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'print("Datasets:")',
        'for dataset_name in list({d.name: d for d in ws.data.list()}.keys()):',
        '    dataset = ws.data.get(name=dataset_name, label="latest")',
        "    print(\"\\t\", dataset.name, 'version', dataset.version)",
        '',
      ].join('\n'),
    );
    assert.ok(parses(out));
  });

  it('a notebook: registered in one cell, read back as a table in a later one, under the same v2 name', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()' },
      {
        kind: 'code',
        text: "default_ds = ws.get_default_datastore()\ntab = Dataset.Tabular.from_delimited_files(path=(default_ds, 'diabetes-data/*.csv'))\ntab = tab.register(workspace=ws, name='diabetes dataset', create_new_version=True)",
      },
      { kind: 'code', text: "ds = ws.datasets['diabetes dataset']\nprint(ds.take(5).to_pandas_dataframe())" },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      // (the imports in the order the fixes' passes add them: the read's first)
      { kind: 'code', text: [...CLIENT, 'import mltable', 'import azure.ai.ml.entities', 'from azure.ai.ml.constants import AssetTypes', ML, 'ws = ml_client'].join('\n') },
      {
        kind: 'code',
        text: [
          'default_ds = ws.datastores.get_default()',
          `tab = mltable.from_delimited_files(paths=[{"pattern": ${uri('default_ds')}diabetes-data/*.csv"}])`,
          `tab.save("./diabetes-dataset")${REVIEW}`,
          `tab = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./diabetes-dataset", type=AssetTypes.MLTABLE, name="diabetes-dataset"))${REVIEW}`,
        ].join('\n'),
      },
      { kind: 'code', text: `ds = mltable.load("azureml:/" + ml_client.data.get(name="diabetes-dataset", label="latest").id)${REVIEW}\nprint(ds.take(5).to_pandas_dataframe())` },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  describe('refused', () => {
    const head = 'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nd = ws.get_default_datastore()\n';
    it('a name still invalid once spaces and dots are dashes', () => {
      noFix(`${head}ds = Dataset.Tabular.from_delimited_files(path=[(d, "x.csv")])\nds = ds.register(workspace=ws, name="my (data)", create_new_version=True)\n`, 'TabularDataset.register');
      noFix(`${head}ds = Dataset.Tabular.from_delimited_files(path=[(d, "x.csv")])\nds = ds.register(workspace=ws, name=" my data", create_new_version=True)\n`, 'TabularDataset.register');
    });
    it('a read through a variable bound to a name v2 refuses (the variable may have other readers)', () => {
      noFix(`${head}name = "diabetes dataset"\nds = Dataset.get_by_name(ws, name)\ndf = ds.to_pandas_dataframe()\n`, 'Dataset.get_by_name');
    });
    it('the v1 name still read by v1 code of the module (a dataset handed to a v1 job, a listing)', () => {
      const reg = `${head}ds = Dataset.Tabular.from_delimited_files(path=[(d, "x.csv")])\nds = ds.register(workspace=ws, name="diabetes dataset", create_new_version=True)\n`;
      noFix(`${reg}train = ws.datasets.get("diabetes dataset")\nsrc = ScriptRunConfig(source_directory=".", script="t.py", arguments=[train.as_named_input("d")])\n`, 'TabularDataset.register');
      // (A get-or-register test naming the v1 name literally is renamed with the registration since round 22:
      // rewrites-jobs-notebook-scripts.test.ts, the DP-100 lab 07 shape.)
      noFix(`${head}fds = Dataset.File.from_files(path=(d, "data/"))\nfds = fds.register(workspace=ws, name="my files", create_new_version=True)\nprint(Dataset.get_by_name(ws, "my files").to_path())\n`, 'FileDataset.register');
    });
    it('a renamed registration under the get-or-register test (the test would look for the v1 name)', () => {
      noFix(
        `${head}key = "my data"\nif key not in ws.datasets:\n    ds = Dataset.Tabular.from_delimited_files(path=[(d, "x.csv")])\n    ds = ds.register(workspace=ws, name=key)\n`,
        'TabularDataset.register',
      );
    });
  });
});
