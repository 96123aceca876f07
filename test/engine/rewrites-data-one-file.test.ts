/**
 * Round 25 (data): a one-file FileDataset mounted or downloaded for a job.
 * v1 hands the job the file's own path for a FileDataset of one file without other steps (azureml-core
 * data/context_managers.py, DatasetContextManager `_try_update_env_var_for_single_file`: the mount point +
 * `dataset.to_path()[0]`; the MLN scriptrun-with-data-input-output sample opens its argument as a file), as a v2
 * `Input(type=AssetTypes.URI_FILE)` does (https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2).
 * Refused: a glob (several files: a folder in v1, no one v2 path), several paths, a partition_format (a step).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses, rewriteCases } from './helpers';

type Cells = Array<{ kind: string; text: string }>;
const nb = (cells: string[]): DocumentInput => ({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code', text })) } as DocumentInput);

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const CLIENT = [
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.constants import InputOutputModes',
  'from azure.ai.ml import command',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
].join('\n');

describe('rewrites round 25 (data): a one-file file dataset given to a job', () => {
  rewriteCases([
    [
      'a one-file dataset variable mounted as an argument → a uri_file input on the datastore path',
      [
        'from azureml.core import Workspace, Experiment, Dataset, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        "dataset = Dataset.File.from_files(path=(datastore, 'script-run/iris.csv'))",
        "experiment = Experiment(workspace=ws, name='script-run')",
        "config = ScriptRunConfig(source_directory='./src', script='train.py', compute_target='cpu-cluster',",
        "                         arguments=[dataset.as_named_input('iris').as_mount()], environment=env)",
        'run = experiment.submit(config)',
        '',
      ].join('\n'),
      [
        CLIENT,
        '',
        'ws = ml_client',
        'datastore = ws.datastores.get_default()',
        'dataset = f"azureml://datastores/{datastore.name}/paths/script-run/iris.csv"',
        "experiment = 'script-run'",
        'config = command(code=\'./src\', command="python train.py ${{inputs.iris}}", inputs={"iris": Input(type=AssetTypes.URI_FILE, path=dataset, mode=InputOutputModes.RO_MOUNT)}, environment=env, compute=\'cpu-cluster\')',
        "run = ml_client.jobs.create_or_update(config, experiment_name='script-run')",
        '',
      ].join('\n'),
    ],
    [
      'a one-file dataset made inline with datastore.path(...) and downloaded → a uri_file input in download mode',
      [
        'from azureml.core import Workspace, Experiment, Dataset, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'store = ws.get_default_datastore()',
        "config = ScriptRunConfig(source_directory='./src', script='score.py', compute_target='cpu-cluster', environment=env,",
        "                         arguments=['--input', Dataset.File.from_files(store.path('batch/input.json')).as_named_input('batch').as_download()])",
        "run = Experiment(ws, 'batch').submit(config)",
        '',
      ].join('\n'),
      [
        CLIENT,
        '',
        'ws = ml_client',
        'store = ws.datastores.get_default()',
        'config = command(code=\'./src\', command="python score.py --input ${{inputs.input}}", inputs={"input": Input(type=AssetTypes.URI_FILE, path=f"azureml://datastores/{store.name}/paths/batch/input.json", mode=InputOutputModes.DOWNLOAD)}, environment=env, compute=\'cpu-cluster\')',
        "run = ml_client.jobs.create_or_update(config, experiment_name='batch')",
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook: the datastore in one cell, the job mounting one file in the next', () => {
    const cells = [
      'from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\ndef_blob_store = ws.get_default_datastore()',
      [
        'from azureml.core import Experiment, ScriptRunConfig',
        '',
        'src = ScriptRunConfig(source_directory="script_run",',
        '                      script="dummy_train.py",',
        '                      arguments=[Dataset.File.from_files((def_blob_store, "script-run/iris.csv")).as_named_input("input").as_mount()],',
        '                      compute_target="cpu-cluster",',
        '                      environment=env)',
        'run = Experiment(ws, "ScriptRun_sample").submit(config=src)',
      ].join('\n'),
    ];
    const expected = [
      CLIENT + '\nws = ml_client\ndef_blob_store = ws.datastores.get_default()',
      [
        'src = command(code="script_run", command="python dummy_train.py ${{inputs.input}}", inputs={"input": Input(type=AssetTypes.URI_FILE, path=f"azureml://datastores/{def_blob_store.name}/paths/script-run/iris.csv", mode=InputOutputModes.RO_MOUNT)}, environment=env, compute="cpu-cluster")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="ScriptRun_sample")',
      ].join('\n'),
    ];
    const out = fixDocument(nb(cells), undefined, { unsafe: true }).output as { cells: Cells };
    assert.deepEqual(out.cells.map((c) => c.text), expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Cells };
    assert.deepEqual(again.cells.map((c) => c.text), expected, 'a second run changes nothing');
  });

  describe('refusals', () => {
    const head = 'from azureml.core import Workspace, Dataset, ScriptRunConfig\nws = Workspace.from_config()\nstore = ws.get_default_datastore()\n';
    it('a glob (v1 mounts the matching files in a folder: no one v2 path)', () => {
      noFix(`${head}src = ScriptRunConfig(source_directory="s", script="t.py", compute_target="cpu", environment=env, arguments=[Dataset.File.from_files((store, "data/*.csv")).as_named_input("d").as_mount()])\n`, 'ScriptRunConfig');
    });
    it('a partition_format (an added step: v1 passes the folder)', () => {
      noFix(`${head}src = ScriptRunConfig(source_directory="s", script="t.py", compute_target="cpu", environment=env, arguments=[Dataset.File.from_files((store, "data/x.csv"), partition_format="{y}.csv").as_named_input("d").as_mount()])\n`, 'ScriptRunConfig');
    });
    it('several paths (a folder of the files in v1)', () => {
      noFix(`${head}src = ScriptRunConfig(source_directory="s", script="t.py", compute_target="cpu", environment=env, arguments=[Dataset.File.from_files([(store, "a/x.csv"), (store, "b/y.csv")]).as_named_input("d").as_mount()])\n`, 'ScriptRunConfig');
    });
  });
});
