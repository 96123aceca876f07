/**
 * Round 30 (data): a datastore path written as a constant string expression — `a + b` of literals and names
 * bound once to one, or an f-string whose fields are such names (`f"loans/v{version}"`) — has the value Python
 * evaluates it to, so the rewrites that took a literal path take it: `Dataset.Tabular.from_delimited_files`
 * (mltable path, how-to-mltable), `datastore.upload_files(target_path=)` (azureml-fsspec upload,
 * how-to-access-data-interactive), a registered `Dataset.File.from_files` (Data URI, migrate-to-v2-assets-data).
 * Refused: an f-string field with a conversion or a format spec, a name bound twice, a non-string part
 * (`str(v)`, a number), a parameter.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
/** The long-form datastore URI prefix mltable and azureml-fsspec read (how-to-mltable, how-to-access-data-interactive). */
const uri = (store: string, ml: string): string =>
  `f"azureml://subscriptions/{${ml}.subscription_id}/resourcegroups/{${ml}.resource_group_name}/workspaces/{${ml}.workspace_name}/datastores/${store}/paths/`;

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  assert.equal(found[0].fixes, undefined, api);
}

const HEAD = ['from azureml.core import Workspace, Datastore, Dataset', 'ws = Workspace.from_config()', 'store = Datastore.get(ws, "loanstore")'];

describe('rewrites round 30 (data): constant datastore paths (+, f-strings of bound names)', () => {
  rewriteCases([
    [
      'from_delimited_files((store, folder + "/" + "loan.csv")) → the mltable file URI of the concatenated path',
      [...HEAD, 'folder = "loan-data"', 'loans = Dataset.Tabular.from_delimited_files(path=(store, folder + "/" + "loan.csv"))', 'df = loans.to_pandas_dataframe()', ''].join('\n'),
      [
        ...CLIENT,
        'import mltable',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'store = ws.datastores.get(name="loanstore")',
        'folder = "loan-data"',
        `loans = mltable.from_delimited_files(paths=[{"file": ${uri('loanstore', 'ws')}loan-data/loan.csv"}])`,
        'df = loans.to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
    [
      // The workshop notebook shape: a versioned folder in an f-string, uploaded to and read back from.
      'upload_files(target_path=f"loans/v{version}") and (store, target + "/loan.csv") → fsspec upload and mltable path of the value',
      [
        ...HEAD,
        'version = "3"',
        'target = f"loans/v{version}"',
        'store.upload_files(files=["./data/loan.csv"], target_path=target, overwrite=True)',
        'loans = Dataset.Tabular.from_delimited_files(path=[(store, target + "/loan.csv")])',
        'df = loans.to_pandas_dataframe()',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mltable',
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = ml_client',
        'store = ws.datastores.get(name="loanstore")',
        'version = "3"',
        'target = f"loans/v{version}"',
        // One file: fsspec puts it at rpath unless rpath ends with "/" (v1: target_path/<file name>).
        `AzureMachineLearningFileSystem(${uri('loanstore', 'ml_client')}").upload(lpath="./data/loan.csv", rpath="loans/v3/", recursive=False, overwrite="MERGE_WITH_OVERWRITE")${REVIEW}`,
        `loans = mltable.from_delimited_files(paths=[{"file": ${uri('loanstore', 'ml_client')}loans/v3/loan.csv"}])`,
        'df = loans.to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
    [
      'registered File.from_files((store, base + "/train/")) → Data(uri_folder) of the concatenated folder',
      [
        'from azureml.core import Workspace, Datastore, Dataset',
        'ws = Workspace.from_config()',
        'store = Datastore.get(ws, "imgstore")',
        'base = "images"',
        'photos = Dataset.File.from_files(path=(store, base + "/train/"))',
        'photos.register(workspace=ws, name="photos", create_new_version=True)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = ml_client',
        'store = ws.datastores.get(name="imgstore")',
        'base = "images"',
        'ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="azureml://datastores/imgstore/paths/images/train/", type=AssetTypes.URI_FOLDER, name="photos"))',
        '',
      ].join('\n'),
    ],
  ]);

  it('refuses an f-string field with a conversion or a format spec', () => {
    for (const field of ['{version!r}', '{version:>3}']) {
      noFix([...HEAD, 'version = "3"', `loans = Dataset.Tabular.from_delimited_files(path=(store, f"loans/v${field}/loan.csv"))`, 'df = loans.to_pandas_dataframe()', ''].join('\n'), 'Dataset.Tabular.from_delimited_files');
    }
  });

  it('refuses a part bound twice, a non-string part and a parameter', () => {
    noFix([...HEAD, 'folder = "a"', 'folder = "b"', 'loans = Dataset.Tabular.from_delimited_files(path=(store, folder + "/loan.csv"))', 'df = loans.to_pandas_dataframe()', ''].join('\n'), 'Dataset.Tabular.from_delimited_files');
    noFix([...HEAD, 'folder = "a"', 'folder += "/b"', 'loans = Dataset.Tabular.from_delimited_files(path=(store, folder + "/loan.csv"))', 'df = loans.to_pandas_dataframe()', ''].join('\n'), 'Dataset.Tabular.from_delimited_files');
    noFix([...HEAD, 'v = 3', 'loans = Dataset.Tabular.from_delimited_files(path=(store, "loans/v" + str(v) + "/loan.csv"))', 'df = loans.to_pandas_dataframe()', ''].join('\n'), 'Dataset.Tabular.from_delimited_files');
    noFix([...HEAD, 'v = 3', 'loans = Dataset.Tabular.from_delimited_files(path=(store, f"loans/v{v}/loan.csv"))', 'df = loans.to_pandas_dataframe()', ''].join('\n'), 'Dataset.Tabular.from_delimited_files');
    noFix([...HEAD, 'def load(folder):', '    loans = Dataset.Tabular.from_delimited_files(path=(store, folder + "/loan.csv"))', '    return loans.to_pandas_dataframe()', ''].join('\n'), 'Dataset.Tabular.from_delimited_files');
    noFix([...HEAD, 'target = "loans/" + str(3)', 'store.upload_files(files=["./data/loan.csv"], target_path=target, overwrite=True)', ''].join('\n'), 'Datastore.upload_files');
  });
});
