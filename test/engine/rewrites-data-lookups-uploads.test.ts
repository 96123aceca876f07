/**
 * Round 29 (data): `ws.datasets.get("n")` read as a table (v1's dict of latest versions, azureml-core
 * workspace.py `datasets`) → `mltable.load("azureml:/" + ml_client.data.get(name=, label="latest").id)`
 * (how-to-mltable, "Read the data asset"), also under a name the module registers renamed (spaces → "-");
 * `datastore.upload_files(files=<list variable>, relative_root=<the files' own folder>)` (each file lands at
 * target_path/<file name>, as without relative_root: the azureml-sdk-for-r reference of upload_files_to_datastore)
 * → the azureml-fsspec upload (also a target_path in a variable bound to a literal); a registration name bound to a
 * variable that is otherwise only printed, or bound again in a later notebook cell; a dataset path given as
 * `DataPath(datastore, os.path.join(a, b))` (through a variable read only there; posixpath.join of literals);
 * `x = ds.register(...)` read for `x.name` / `x.version` (the v2 Data asset's); a registration whose workspace
 * stays v1 (the client bridged beside it).
 * Refused: os.path.join of a computed or absolute part, a DataPath variable read elsewhere, a `.` segment in a dataset path (`datastore.path("./x.csv")`: not shown to name the blob v1 read),
 * a relative_root other than the files' folder (v1 keeps subfolders), a file list read elsewhere, a
 * `ws.datasets.get(n, default)`, a lookup under `except KeyError`.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
const ML = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
/** The long-form datastore URI prefix mltable and azureml-fsspec read (how-to-mltable, how-to-access-data-interactive). */
const uri = (store: string, ml: string): string =>
  `f"azureml://subscriptions/{${ml}.subscription_id}/resourcegroups/{${ml}.resource_group_name}/workspaces/{${ml}.workspace_name}/datastores/${store}/paths/`;

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  assert.equal(found[0].fixes, undefined, api);
}

describe('rewrites round 29 (data): ws.datasets.get read as a table, upload_files with relative_root', () => {
  rewriteCases([
    [
      'x = ws.datasets.get("n") read as a table → mltable.load of the latest version, to review',
      ['from azureml.core import Workspace', 'ws = Workspace.from_config()', 'input_ds = ws.datasets.get("loans")', 'df = input_ds.to_pandas_dataframe()', ''].join('\n'),
      [...CLIENT, 'import mltable', ML, `input_ds = mltable.load("azureml:/" + ml_client.data.get(name="loans", label="latest").id)${REVIEW}`, 'df = input_ds.to_pandas_dataframe()', ''].join('\n'),
    ],
    [
      // The community notebook shape: registered under a name with spaces, read back with ws.datasets.get: both renamed alike.
      'registered as "loan applications sdk", read back by ws.datasets.get → both the renamed asset, to review',
      [
        'from azureml.core import Workspace, Datastore, Dataset',
        'ws = Workspace.from_config()',
        'store = Datastore.get(ws, "loanstore")',
        'csv_path = [(store, "loan-data/loan.csv")]',
        'loans = Dataset.Tabular.from_delimited_files(path=csv_path)',
        'loans = loans.register(workspace=ws, name="loan applications sdk", create_new_version=True)',
        'input_ds = ws.datasets.get("loan applications sdk")',
        'input_ds.take(5).to_pandas_dataframe()',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mltable',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        ML,
        'store = ml_client.datastores.get(name="loanstore")',
        `csv_path = [{"file": ${uri('loanstore', 'ml_client')}loan-data/loan.csv"}]`,
        'loans = mltable.from_delimited_files(paths=csv_path)',
        `loans.save("./loan-applications-sdk")${REVIEW}`,
        `loans = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./loan-applications-sdk", type=AssetTypes.MLTABLE, name="loan-applications-sdk"))${REVIEW}`,
        `input_ds = mltable.load("azureml:/" + ml_client.data.get(name="loan-applications-sdk", label="latest").id)${REVIEW}`,
        'input_ds.take(5).to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
    [
      'upload_files of a list variable with relative_root = the files\' folder → fsspec upload of the list',
      [
        'from azureml.core import Workspace, Datastore',
        'ws = Workspace.from_config()',
        'store = Datastore.get(ws, "loanstore")',
        'files_list = ["./data/test.csv", "./data/test1.csv"]',
        'store.upload_files(files=files_list, target_path="loan-data/", relative_root="./data/", overwrite=True)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'store = ws.datastores.get(name="loanstore")',
        'files_list = ["./data/test.csv", "./data/test1.csv"]',
        `AzureMachineLearningFileSystem(${uri('loanstore', 'ws')}").upload(lpath=files_list, rpath="loan-data/", recursive=False, overwrite="MERGE_WITH_OVERWRITE")${REVIEW}`,
        '',
      ].join('\n'),
    ],
    [
      'relative_root written without "./" nor the trailing slash: the same folder',
      [
        'from azureml.core import Workspace, Datastore',
        'ws = Workspace.from_config()',
        'store = Datastore.get(ws, "loanstore")',
        'store.upload_files(["data/a.csv", "data/b.csv"], relative_root="data", target_path="raw")',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'store = ws.datastores.get(name="loanstore")',
        `AzureMachineLearningFileSystem(${uri('loanstore', 'ws')}").upload(lpath=["data/a.csv", "data/b.csv"], rpath="raw", recursive=False, overwrite="APPEND")${REVIEW}`,
        '',
      ].join('\n'),
    ],
    [
      'a registration name in a variable otherwise only printed → registered renamed, the print left as it is',
      [
        'from azureml.core import Workspace, Dataset',
        'ws = Workspace.from_config()',
        'store = ws.get_default_datastore()',
        'name = "diabetes dataset"',
        'print("Registering", name)',
        'ds = Dataset.Tabular.from_delimited_files(path=[(store, "diabetes/*.csv")])',
        'ds.register(workspace=ws, name=name, create_new_version=True)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'import mltable',
        ML,
        'ws = ml_client',
        'store = ws.datastores.get_default()',
        'name = "diabetes dataset"',
        'print("Registering", name)',
        `ds = mltable.from_delimited_files(paths=[{"pattern": ${uri('{store.name}', 'ml_client')}diabetes/*.csv"}])`,
        `ds.save("./diabetes-dataset")${REVIEW}`,
        `ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./diabetes-dataset", type=AssetTypes.MLTABLE, name="diabetes-dataset"))${REVIEW}`,
        '',
      ].join('\n'),
    ],
    [
      // The lab shape: the upload's target in a variable, the dataset path a DataPath of os.path.join(target, file), the
      // registration name bound again in a later cell, the registered dataset read for name/version.
      'DataPath(datastore, os.path.join(target_path, "taxi.csv")) in a variable, registered, name/version shown',
      [
        'import os',
        'from azureml.core import Workspace, Dataset',
        'from azureml.data.datapath import DataPath',
        'ws = Workspace.from_config()',
        'target_path = "training-data"',
        'datastore = ws.get_default_datastore()',
        'datastore.upload("./data", target_path=target_path, overwrite=True)',
        'training_data_path = DataPath(datastore=datastore, path_on_datastore=os.path.join(target_path, "taxi.csv"), name="training-data")',
        'train_ds = Dataset.Tabular.from_delimited_files(path=training_data_path)',
        'dataset_name = "nyc-taxi"',
        'registered = train_ds.register(ws, dataset_name, create_new_version=True)',
        'print(registered.name, registered.version)',
        'dataset_name = "nyc-taxi"',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'import mltable',
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        'import os',
        ML,
        'ws = ml_client',
        'target_path = "training-data"',
        'datastore = ws.datastores.get_default()',
        `AzureMachineLearningFileSystem(${uri('{datastore.name}', 'ml_client')}").upload(lpath="./data", rpath=target_path, recursive=True, overwrite="MERGE_WITH_OVERWRITE")${REVIEW}`,
        `training_data_path = {"file": ${uri('{datastore.name}', 'ml_client')}training-data/taxi.csv"}`,
        'train_ds = mltable.from_delimited_files(paths=[training_data_path])',
        'dataset_name = "nyc-taxi"',
        `train_ds.save("./nyc-taxi")${REVIEW}`,
        'registered = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./nyc-taxi", type=AssetTypes.MLTABLE, name=dataset_name))',
        'print(registered.name, registered.version)',
        'dataset_name = "nyc-taxi"',
        '',
      ].join('\n'),
    ],
    [
      // The workspace stays v1 (a use without a v2 form): the registration uses the client bridged beside it.
      'a registration whose workspace stays v1 → the bridged client registers the asset',
      [
        'from azureml.core import Workspace, Dataset, Experiment',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        'train_ds = Dataset.Tabular.from_delimited_files(path=[(datastore, "taxi/data.csv")])',
        'registered = train_ds.register(ws, "nyc-taxi", create_new_version=True)',
        'exp = Experiment(ws, "x")',
        'print(exp.get_details_with_logs())',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'import mltable',
        'from azureml.core import Workspace, Experiment',
        ML,
        'ws = Workspace.from_config()',
        'datastore = ml_client.datastores.get_default()',
        `train_ds = mltable.from_delimited_files(paths=[{"file": ${uri('{ml_client.datastores.get_default().name}', 'ml_client')}taxi/data.csv"}])`,
        `train_ds.save("./nyc-taxi")${REVIEW}`,
        'registered = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./nyc-taxi", type=AssetTypes.MLTABLE, name="nyc-taxi"))',
        'exp = Experiment(ws, "x")',
        'print(exp.get_details_with_logs())',
        '',
      ].join('\n'),
    ],
  ]);

  it('x = ws.datasets.get(n) / ws.models.get(n) read for name and version: those reads (v1 objects since session 16) offer the fix too', () => {
    for (const ws of ['ws = Workspace.from_config()', 'ws = Workspace.from_config()\nws.write_config()']) {
      const text = `from azureml.core import Workspace\n${ws}\nds = ws.datasets.get("train")\nprint(ds.name, ds.version)\nm = ws.models.get("m")\nprint(m.name, m.version)\n`;
      const reads = lint({ kind: 'python', text }).findings.filter((f) => /`(Dataset|Model)\.(name|version)`/.test(f.message));
      assert.equal(reads.length, 4, ws);
      for (const f of reads) assert.ok(f.fixes?.length, `${f.message} (${ws})`);
    }
  });

  describe('refused', () => {
    const head = 'from azureml.core import Workspace, Datastore, Dataset\nws = Workspace.from_config()\nstore = Datastore.get(ws, "blobs")\n';
    it('a "." segment in a dataset path (the URI would name "./x" on the datastore)', () => {
      noFix(`${head}ds = Dataset.Tabular.from_delimited_files(path=store.path("./pipelines-data/diabetes.csv"))\ndf = ds.to_pandas_dataframe()\n`, 'Dataset.Tabular.from_delimited_files');
      noFix(`${head}ds = Dataset.Tabular.from_delimited_files(path=[(store, "data/./x.csv")])\ndf = ds.to_pandas_dataframe()\n`, 'Dataset.Tabular.from_delimited_files');
    });
    it('os.path.join of a computed part, or of a later absolute part; a DataPath variable read twice', () => {
      const tail = 'ds = Dataset.Tabular.from_delimited_files(path=DataPath(store, p))\ndf = ds.to_pandas_dataframe()\n';
      noFix(`${head}import os\nfrom azureml.data.datapath import DataPath\np = os.path.join("data", input())\n${tail}`, 'Dataset.Tabular.from_delimited_files');
      noFix(`${head}import os\nfrom azureml.data.datapath import DataPath\np = os.path.join("data", "/abs.csv")\n${tail}`, 'Dataset.Tabular.from_delimited_files');
      noFix(
        `${head}from azureml.data.datapath import DataPath\ndp = DataPath(store, "data/x.csv")\nds = Dataset.Tabular.from_delimited_files(path=dp)\ndf = ds.to_pandas_dataframe()\nprint(dp)\n`,
        'Dataset.Tabular.from_delimited_files',
      );
    });
    it('a relative_root above the files\' folder (v1 keeps the subfolder, fsspec flattens)', () => {
      noFix(`${head}store.upload_files(["./data/a.csv", "./data/b.csv"], relative_root="./", target_path="raw")\n`, 'Datastore.upload_files');
      noFix(`${head}store.upload_files(["./data/a.csv", "./data/b.csv"], relative_root=root, target_path="raw")\n`, 'Datastore.upload_files');
    });
    it('a file list variable read elsewhere too', () => {
      noFix(`${head}files = ["a.csv", "b.csv"]\nstore.upload_files(files=files, target_path="raw")\nprint(files)\n`, 'Datastore.upload_files');
    });
    it('ws.datasets.get with a default, or under a narrow handler', () => {
      noFix(`${head}x = ws.datasets.get("loans", None)\ndf = x.to_pandas_dataframe()\n`, 'Workspace.datasets.get');
      noFix(`${head}try:\n    x = ws.datasets.get("loans")\n    df = x.to_pandas_dataframe()\nexcept KeyError:\n    df = None\n`, 'Workspace.datasets.get');
    });
  });
});
