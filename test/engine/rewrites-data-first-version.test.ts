/**
 * Round 31 (data): a dataset registered without `create_new_version=True` outside the get-or-register test
 * (the v1 how-to-create-register-datasets shape, `ds = ds.register(workspace=ws, name="n", description=...)`).
 * v1 registers only a new name that way, as its version 1, and fails (409, "There is already a dataset registered
 * under name ...") on an existing one (azureml-core abstract_dataset.py `_register`: `if_exists_ok=create_new_version`).
 * v2 writes that version, `Data(..., version="1")`: a new name gets version 1 alike, and an existing version 1 of
 * other data fails (azure-ai-ml _data_operations.py `create_or_update`: AssetPathException); without a version v2 would
 * add one (`_create_or_update_autoincrement`). The MLTable data asset: how-to-mltable "Create a data asset"
 * (https://learn.microsoft.com/azure/machine-learning/how-to-mltable); a file dataset: a uri_file / uri_folder
 * Data on the datastore path (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-data).
 * Refused: a computed create_new_version, a computed name, a registration read otherwise than name/version, one in
 * a `try` body (its handler may answer v1's 409) or a loop.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const HEAD = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'import azure.ai.ml.entities',
  'from azure.ai.ml.constants import AssetTypes',
];
const ML = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
const URI = (ds: string, p: string): string =>
  `f"azureml://subscriptions/{ml_client.subscription_id}/resourcegroups/{ml_client.resource_group_name}/workspaces/{ml_client.workspace_name}/datastores/{${ds}.name}/paths/${p}"`;

describe('rewrites round 31 (data): a registration without create_new_version, as v1\'s version 1', () => {
  rewriteCases([
    [
      'a tabular dataset registered with a description (the v1 how-to shape) → its MLTable saved and registered as version "1"',
      [
        'from azureml.core import Workspace, Dataset',
        '',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        "titanic_ds = Dataset.Tabular.from_delimited_files(path=[(datastore, 'data/titanic.csv')])",
        "titanic_ds = titanic_ds.register(workspace=ws, name='titanic_ds', description='titanic training data')",
        '',
      ].join('\n'),
      [
        ...HEAD,
        'import mltable',
        ML,
        '',
        'ws = ml_client',
        'datastore = ws.datastores.get_default()',
        `titanic_ds = mltable.from_delimited_files(paths=[{"file": ${URI('datastore', 'data/titanic.csv')}}])`,
        'titanic_ds.save("./titanic_ds")  # amlint: review',
        "titanic_ds = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path=\"./titanic_ds\", type=AssetTypes.MLTABLE, name='titanic_ds', version=\"1\", description='titanic training data'))",
        '',
      ].join('\n'),
    ],
    [
      'the registration read for its name and version: the v2 Data asset has both',
      [
        'from azureml.core import Workspace, Dataset',
        'ws = Workspace.from_config()',
        'store = ws.get_default_datastore()',
        'ds = Dataset.Tabular.from_delimited_files(path=(store, "sales/2020.csv"))',
        'reg = ds.register(workspace=ws, name="sales")',
        'print(reg.name, reg.version)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        'import mltable',
        ML,
        'ws = ml_client',
        'store = ws.datastores.get_default()',
        `ds = mltable.from_delimited_files(paths=[{"file": ${URI('store', 'sales/2020.csv')}}])`,
        'ds.save("./sales")  # amlint: review',
        'reg = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./sales", type=AssetTypes.MLTABLE, name="sales", version="1"))',
        'print(reg.name, reg.version)',
        '',
      ].join('\n'),
    ],
    [
      'a file dataset registered with create_new_version=False written out → a uri_folder Data, version "1"',
      [
        'from azureml.core import Workspace, Dataset',
        'ws = Workspace.from_config()',
        'store = ws.get_default_datastore()',
        'images = Dataset.File.from_files(path=(store, "mnist/"))',
        'images.register(ws, "mnist", create_new_version=False)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        ML,
        'ws = ml_client',
        'store = ws.datastores.get_default()',
        'ml_client.data.create_or_update(azure.ai.ml.entities.Data(path=f"azureml://datastores/{store.name}/paths/mnist/", type=AssetTypes.URI_FOLDER, name="mnist", version="1"))',
        '',
      ].join('\n'),
    ],
    [
      'a one-file dataset on a named datastore, the result bound again to the name → a uri_file Data, version "1"',
      [
        'from azureml.core import Workspace, Datastore, Dataset',
        'ws = Workspace.from_config()',
        "blob = Datastore.get(ws, datastore_name='blob_data')",
        "file_ds = Dataset.File.from_files(path=(blob, 'series.p'))",
        "file_ds = file_ds.register(workspace=ws, name='series_data')",
        '',
      ].join('\n'),
      [
        ...HEAD,
        ML,
        'ws = ml_client',
        "blob = ws.datastores.get(name='blob_data')",
        "file_ds = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path=\"azureml://datastores/blob_data/paths/series.p\", type=AssetTypes.URI_FILE, name='series_data', version=\"1\"))",
        '',
      ].join('\n'),
    ],
    [
      'with create_new_version=True: no version, v2 adds one as v1 did (unchanged)',
      [
        'from azureml.core import Workspace, Dataset',
        'ws = Workspace.from_config()',
        'store = ws.get_default_datastore()',
        'images = Dataset.File.from_files(path=(store, "mnist/"))',
        'images.register(ws, "mnist", create_new_version=True)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        ML,
        'ws = ml_client',
        'store = ws.datastores.get_default()',
        'ml_client.data.create_or_update(azure.ai.ml.entities.Data(path=f"azureml://datastores/{store.name}/paths/mnist/", type=AssetTypes.URI_FOLDER, name="mnist"))',
        '',
      ].join('\n'),
    ],
    [
      'a get-or-register test with elif: no get-or-register idiom, its registration a bare one → version "1" (was a noFix in rewrites-data.test.ts)',
      [
        'from azureml.core import Workspace, Dataset',
        'ws = Workspace.from_config()',
        'key = "heart"',
        'if key in ws.datasets.keys():',
        '    ds = ws.datasets[key]',
        'elif refresh:',
        '    ds = None',
        'else:',
        '    ds = Dataset.Tabular.from_delimited_files("https://example.com/h.csv")',
        '    ds = ds.register(workspace=ws, name=key)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        'import mltable',
        ML,
        'key = "heart"',
        'if key in {d.name: d for d in ml_client.data.list()}.keys():',
        '    ds = mltable.load("azureml:/" + ml_client.data.get(name=key, label="latest").id)  # amlint: review',
        'elif refresh:',
        '    ds = None',
        'else:',
        '    ds = mltable.from_delimited_files(paths=[{"file": "https://example.com/h.csv"}])',
        '    ds.save("./heart")  # amlint: review',
        '    ds = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./heart", type=AssetTypes.MLTABLE, name=key, version="1"))',
        '',
      ].join('\n'),
    ],
    [
      'unguarded, the name a variable bound to a literal (`name=key`) → version "1" (was a noFix in rewrites-data.test.ts)',
      [
        'from azureml.core import Workspace, Dataset',
        'ws = Workspace.from_config()',
        'key = "heart"',
        'ds = Dataset.Tabular.from_delimited_files("https://example.com/h.csv")',
        'ds = ds.register(workspace=ws, name=key)',
        '',
      ].join('\n'),
      [
        ...HEAD,
        'import mltable',
        ML,
        'key = "heart"',
        'ds = mltable.from_delimited_files(paths=[{"file": "https://example.com/h.csv"}])',
        'ds.save("./heart")  # amlint: review',
        'ds = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./heart", type=AssetTypes.MLTABLE, name=key, version="1"))',
        '',
      ].join('\n'),
    ],
  ]);

  describe('no suggestion', () => {
    const head = 'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nstore = ws.get_default_datastore()\n';
    it('a computed create_new_version (v1 may or may not add a version)', () => {
      noFix(`${head}ds = Dataset.Tabular.from_delimited_files(path=(store, "a.csv"))\nds.register(workspace=ws, name="a", create_new_version=new)\n`, 'Dataset.Tabular.from_delimited_files');
      noFix(`${head}ds = Dataset.File.from_files(path=(store, "a/"))\nds.register(ws, "a", create_new_version=flag)\n`, 'FileDataset.register');
    });
    it('a computed name, or the registration shown whole (v1 prints the definition, v2 another text)', () => {
      noFix(`${head}ds = Dataset.Tabular.from_delimited_files(path=(store, "a.csv"))\nds.register(workspace=ws, name=make_name())\n`, 'Dataset.Tabular.from_delimited_files');
      noFix(`${head}ds = Dataset.Tabular.from_delimited_files(path=(store, "a.csv"))\nds = ds.register(workspace=ws, name="a")\nprint(ds)\n`, 'Dataset.Tabular.from_delimited_files');
      noFix(`${head}ds = Dataset.File.from_files(path=(store, "a/"))\nreg = ds.register(ws, "a")\nprint(reg.id)\n`, 'FileDataset.register');
    });
    it('in a try body: its handler may answer v1\'s 409, which v2 raises otherwise (or not at all for the same data)', () => {
      noFix(`from azureml.core import Workspace, Dataset\nfrom azureml.exceptions import UserErrorException\nws = Workspace.from_config()\nstore = ws.get_default_datastore()\nds = Dataset.Tabular.from_delimited_files(path=(store, "a.csv"))\ntry:\n    ds = ds.register(workspace=ws, name="a")\nexcept UserErrorException:\n    ds = Dataset.get_by_name(ws, "a")\n`, 'Dataset.Tabular.from_delimited_files');
      noFix(`${head}ds = Dataset.File.from_files(path=(store, "a/"))\ntry:\n    ds.register(ws, "a")\nexcept Exception as e:\n    print(e)\n`, 'FileDataset.register');
    });
    it('in a loop: v1 fails on the second run of the same name, v2 would write version "1" again', () => {
      noFix(`${head}for part in parts:\n    ds = Dataset.Tabular.from_delimited_files(path=(store, "a.csv"))\n    ds.register(workspace=ws, name="a")\n`, 'Dataset.Tabular.from_delimited_files');
    });
    it('a call that does not parse is not read for its arguments', () => {
      noFix(`${head}ds = Dataset.get_by_name(ws, name=)\n`, 'Dataset.get_by_name');
    });
  });
});
