/**
 * Round 28 (data): the Udacity get-or-register idiom keyed by a variable bound to a name v2 refuses
 * (`key = "Bikesharing Dataset"`: v2 data asset names match `^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$`), whose
 * literal is renamed ("-" for each run of spaces/dots, marked `# amlint: review`) when the test, the lookup
 * of the other branch and the registration are its only readers; registered datasets read in place
 * (`Dataset.get_by_name(ws, name="n").to_pandas_dataframe()`, `ws.datasets["n"].to_pandas_dataframe()`:
 * how-to-mltable "Read the data asset", `mltable.load(f"azureml:/{data_asset.id}")`); a datastore path
 * in parentheses; `datastore.upload_files([FILE_PATH], ...)` of a name bound once to a file path.
 * Refused: the key read elsewhere, the v1 name also written elsewhere, a bare register-if-missing
 * (rewrites-data-asset-names), an in-place read under a narrow handler, a file name bound twice.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
const ML = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
/** The long-form datastore URI prefix mltable and azureml-fsspec read (how-to-mltable, how-to-access-data-interactive). */
const uri = (ds: string, ml: string): string =>
  `f"azureml://subscriptions/{${ml}.subscription_id}/resourcegroups/{${ml}.resource_group_name}/workspaces/{${ml}.workspace_name}/datastores/{${ds}.name}/paths/`;

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  assert.equal(found[0].fixes, undefined, api);
}

const UDACITY = (key: string, after = ''): string =>
  [
    'from azureml.core import Workspace, Dataset',
    'ws = Workspace.from_config()',
    'found = False',
    `key = "${key}"`,
    'if key in ws.datasets.keys():',
    '    found = True',
    '    dataset = ws.datasets[key]',
    'if not found:',
    '    dataset = Dataset.Tabular.from_delimited_files("https://example.com/data/bike.csv")',
    '    dataset = dataset.register(workspace=ws, name=key, description="bikes")',
    'df = dataset.to_pandas_dataframe()',
    after,
  ].join('\n');

describe('rewrites round 28 (data): Udacity keys, in-place registered reads, upload of a named file', () => {
  rewriteCases([
    [
      // v2 refuses "Bikesharing Dataset": the key itself becomes the v2 name, so the test, the lookup and the registration agree.
      'the Udacity get-or-register idiom with key = "Bikesharing Dataset" → the key renamed, to review',
      UDACITY('Bikesharing Dataset'),
      [
        ...CLIENT,
        'import mltable',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        ML,
        'found = False',
        `key = "Bikesharing-Dataset"${REVIEW}`,
        'if key in [d.name for d in ml_client.data.list()]:',
        '    found = True',
        `    dataset = mltable.load("azureml:/" + ml_client.data.get(name=key, label="latest").id)${REVIEW}`,
        'if not found:',
        '    dataset = mltable.from_delimited_files(paths=[{"file": "https://example.com/data/bike.csv"}])',
        `    dataset.save("./Bikesharing-Dataset")${REVIEW}`,
        `    ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./Bikesharing-Dataset", type=AssetTypes.MLTABLE, name=key, description="bikes"))${REVIEW}`,
        'df = dataset.to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
    [
      'a registered dataset read in place by get_by_name → mltable.load(...).to_pandas_dataframe(), to review',
      ['from azureml.core import Workspace, Dataset', 'ws = Workspace.from_config()', "df = Dataset.get_by_name(ws, name='boston').to_pandas_dataframe()", 'print(df.head())', ''].join('\n'),
      [...CLIENT, 'import mltable', ML, `df = mltable.load("azureml:/" + ml_client.data.get(name='boston', label="latest").id).to_pandas_dataframe()${REVIEW}`, 'print(df.head())', ''].join('\n'),
    ],
    [
      'a version read in place, then only columns kept → data.get(version=...), keep_columns kept',
      ['from azureml.core import Workspace, Dataset', 'ws = Workspace.from_config()', "df = Dataset.get_by_name(ws, 'boston', version=2).keep_columns(['a']).to_pandas_dataframe()", ''].join('\n'),
      [...CLIENT, 'import mltable', ML, `df = mltable.load("azureml:/" + ml_client.data.get(name='boston', version=2).id).keep_columns(['a']).to_pandas_dataframe()${REVIEW}`, ''].join('\n'),
    ],
    [
      'ws.datasets["n"] read in place → the asset loaded by name, to review',
      ['from azureml.core import Workspace', 'ws = Workspace.from_config()', 'data = ws.datasets["attrition"].to_pandas_dataframe()', ''].join('\n'),
      [...CLIENT, 'import mltable', ML, `data = mltable.load("azureml:/" + ml_client.data.get(name="attrition", label="latest").id).to_pandas_dataframe()${REVIEW}`, ''].join('\n'),
    ],
    [
      'a datastore path written in parentheses is the same path',
      [
        'from azureml.core import Workspace, Dataset',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        "dataset = Dataset.Tabular.from_delimited_files(path=[(datastore, ('data/boston.csv'))])",
        'df = dataset.to_pandas_dataframe()',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'import mltable',
        // (the workspace variable becomes the client: workspace.ts)
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'datastore = ws.datastores.get_default()',
        `dataset = mltable.from_delimited_files(paths=[{"file": ${uri('datastore', 'ws')}data/boston.csv"}])`,
        'df = dataset.to_pandas_dataframe()',
        '',
      ].join('\n'),
    ],
    [
      // One file: fsspec puts it under rpath when rpath ends with "/" (as v1 puts it under target_path).
      'upload_files([FILE_PATH]) of a name bound once to a file path → an fsspec upload of that file, to review',
      [
        'from azureml.core import Workspace',
        'FILE_PATH = "../data/boston.csv"',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        "datastore.upload_files(files=[FILE_PATH], target_path='data/day2', overwrite=True, show_progress=True)",
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        'FILE_PATH = "../data/boston.csv"',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'datastore = ws.datastores.get_default()',
        `AzureMachineLearningFileSystem(${uri('datastore', 'ws')}").upload(lpath=FILE_PATH, rpath="data/day2/", recursive=False, overwrite="MERGE_WITH_OVERWRITE")${REVIEW}`,
        '',
      ].join('\n'),
    ],
    [
      // azureml-core `_sanitize_target_path` strips a leading "/" before naming the blobs: the same place, written relative.
      'upload_files to "/samples/diabetes/v1" (v1 strips the leading slash) → rpath "samples/diabetes/v1/", to review',
      [
        'from azureml.core import Workspace',
        'ws = Workspace.from_config()',
        'dstore = ws.get_default_datastore()',
        'dstore.upload_files(files=["rawdata.csv"], target_path="/samples/diabetes/v1", overwrite=True, show_progress=True)',
        '',
      ].join('\n'),
      [
        ...CLIENT,
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'dstore = ws.datastores.get_default()',
        `AzureMachineLearningFileSystem(${uri('dstore', 'ws')}").upload(lpath="rawdata.csv", rpath="samples/diabetes/v1/", recursive=False, overwrite="MERGE_WITH_OVERWRITE")${REVIEW}`,
        '',
      ].join('\n'),
    ],
    [
      'upload of a folder to "./data/files" → rpath "data/files" (v1 strips "./"), existing files kept as v1 did',
      ['from azureml.core import Workspace', 'ws = Workspace.from_config()', 'ds = ws.get_default_datastore()', "ds.upload(src_dir='./files', target_path='./data/files')", ''].join('\n'),
      [
        ...CLIENT,
        'from azureml.fsspec import AzureMachineLearningFileSystem',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'ds = ws.datastores.get_default()',
        `AzureMachineLearningFileSystem(${uri('ds', 'ws')}").upload(lpath='./files', rpath="data/files", recursive=True, overwrite="APPEND")${REVIEW}`,
        '',
      ].join('\n'),
    ],
  ]);

  it('the Udacity project shape: the renamed key also names the AutoML training input', () => {
    const out = fixPython(
      UDACITY(
        'BankMarketing Dataset',
        [
          'from azureml.train.automl import AutoMLConfig',
          'from azureml.core import Experiment',
          'config = AutoMLConfig(task="classification", primary_metric="accuracy", training_data=dataset, label_column_name="y", compute_target="cpu-cluster")',
          'run = Experiment(ws, "exp").submit(config)',
          '',
        ].join('\n'),
      ),
      true,
    );
    assert.ok(out.includes(`key = "BankMarketing-Dataset"${REVIEW}\n`), out);
    assert.ok(out.includes('path=f"azureml:{key}@latest"'), out);
    assert.ok(!/azureml\.core|\bws\.datasets/.test(out), out);
  });

  describe('refused', () => {
    it('the renamed key read elsewhere (print(key) would show the new name)', () => {
      noFix(UDACITY('Bikesharing Dataset', 'print(key)\n'), 'TabularDataset.register');
    });
    it('the v1 name also written elsewhere (a v1 reader left with the old name)', () => {
      noFix(UDACITY('Bikesharing Dataset', 'other = Dataset.get_by_name(ws, "Bikesharing Dataset")\nother.to_path()\n'), 'TabularDataset.register');
    });
    it('an in-place read under a handler of the v1 error', () => {
      noFix(
        ['from azureml.core import Workspace, Dataset', 'ws = Workspace.from_config()', 'try:', "    df = Dataset.get_by_name(ws, name='boston').to_pandas_dataframe()", 'except KeyError:', '    df = None', ''].join('\n'),
        'Dataset.get_by_name',
      );
    });
    it('a target_path that is only "/" (the container root: no relative path to write)', () => {
      noFix(['from azureml.core import Workspace', 'ws = Workspace.from_config()', 'ds = ws.get_default_datastore()', "ds.upload(src_dir='./files', target_path='/')", ''].join('\n'), 'Datastore.upload');
    });
    it('a file name bound twice', () => {
      noFix(
        [
          'from azureml.core import Workspace',
          'p = "a/x.csv"',
          'p = "b/y.csv"',
          'ws = Workspace.from_config()',
          'datastore = ws.get_default_datastore()',
          "datastore.upload_files(files=[p], target_path='data', overwrite=True)",
          '',
        ].join('\n'),
        'Datastore.upload_files',
      );
    });
  });
});
