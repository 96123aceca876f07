/**
 * Round 32 (data): a dataset consumption bound to its own variable, made from a dataset variable
 * (the how-to-create-machine-learning-pipelines shape: `my_dataset = Dataset.File.from_files(...)`,
 * `ds_input = my_dataset.as_named_input("input1")`, then `ds_input.as_download()` in a step's arguments).
 * - A folder FileDataset: the job's input `Input(type=AssetTypes.URI_FOLDER, path=<the folder's datastore URI>,
 *   mode=InputOutputModes.RO_MOUNT | DOWNLOAD)` (v1 FileDatasets are uri_folder inputs to v2 jobs:
 *   https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-data; modes and the
 *   `azureml://datastores/<name>/paths/<p>` form: https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2);
 *   the dataset variable holds the URI, the consumption's statement goes. A dataset variable read elsewhere
 *   too (`to_path()`) stays v1 for that read, the input naming the URI inline.
 * - A registered dataset, `images = Dataset.get_by_name(ws, name="n", version=2)`, `x = images.as_named_input("i")`,
 *   `x.as_download()`: the asset by name, `azureml:n:2` (how-to-read-write-data-v2), both statements gone.
 * - `Dataset.get_all(ws)` read only for its names (`n in Dataset.get_all(ws).keys()`, iterated): v1's dict of the
 *   registered datasets by registration name (azureml-core dataset.py `get_all`), as `ws.datasets` →
 *   `{d.name: d for d in ml_client.data.list()}` (DataOperations.list,
 *   https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.dataoperations); refused when its
 *   values are read (`Dataset.get_all(ws)["n"]`) or it is kept in a variable.
 * Refused: the consumption variable read elsewhere too (`inputs=[ds_input]`, `print(x)`: the v1 config stays
 * for those) or bound on two branches.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, rewriteCases } from './helpers';

const HEAD = [
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.constants import InputOutputModes',
  'from azure.ai.ml import command',
  'import azure.ai.ml.entities',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];
const ML = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
const ENV = 'environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';
const job = (input: string): string =>
  `src = command(code="scripts", command="python train.py --data \${{inputs.data}}", inputs={"data": ${input}}, ${ENV}, compute="cpu-cluster")  # amlint: review`;

const FOLDER = [
  'from azureml.core import Workspace, Experiment, Dataset, Datastore, ScriptRunConfig',
  '',
  'ws = Workspace.from_config()',
  'datastore = Datastore.get(ws, "blobstore")',
  'dataset = Dataset.File.from_files(path=[(datastore, "diabetes/")])',
  'ds_input = dataset.as_named_input("diabetes")',
  'src = ScriptRunConfig(source_directory="scripts", script="train.py", arguments=["--data", ds_input.as_mount()], compute_target="cpu-cluster")',
  'run = Experiment(ws, "exp").submit(src)',
  '',
].join('\n');

const REGISTERED = [
  'from azureml.core import Workspace, Experiment, Dataset, ScriptRunConfig',
  '',
  'ws = Workspace.from_config()',
  'images = Dataset.get_by_name(ws, name="mnist-images", version=2)',
  'images_input = images.as_named_input("images")',
  'src = ScriptRunConfig(source_directory="scripts", script="train.py", arguments=["--data", images_input.as_download()], compute_target="cpu-cluster")',
  'run = Experiment(ws, "exp").submit(src)',
  '',
].join('\n');

const PIPELINE = [
  'from azureml.core import Workspace, Experiment, Dataset',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'def_blob_store = ws.get_default_datastore()',
  "my_dataset = Dataset.File.from_files([(def_blob_store, 'train-images/')])",
  "ds_input = my_dataset.as_named_input('input1')",
  'step = PythonScriptStep(script_name="prepare.py", source_directory="./prep",',
  '                        arguments=["--input", ds_input.as_download()],',
  '                        compute_target="cpu-cluster", allow_reuse=True)',
  'pipeline = Pipeline(workspace=ws, steps=[step])',
  'run = Experiment(ws, "pipe").submit(pipeline)',
  '',
].join('\n');

/** Whether the finding of `api` at 1-based `line` carries a fix. */
function fixedAt(src: string, line: number, api: string): boolean {
  const f = lint({ kind: 'python', text: src }).findings.find((x) => x.range.start.line === line - 1 && x.message.includes(api));
  assert.ok(f, `${api} is reported on line ${line}`);
  return !!f.fixes?.length;
}

describe('rewrites round 32 (data): a consumption variable made from a dataset variable', () => {
  rewriteCases([
    [
      'a folder FileDataset variable, its as_named_input in a variable, mounted in a ScriptRunConfig',
      FOLDER,
      [
        ...HEAD,
        ML,
        '',
        'ws = ml_client',
        'datastore = ws.datastores.get(name="blobstore")',
        'dataset = "azureml://datastores/blobstore/paths/diabetes/"',
        job('Input(type=AssetTypes.URI_FOLDER, path=dataset, mode=InputOutputModes.RO_MOUNT)'),
        'run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
    [
      'a registered dataset looked up by name and version, its consumption in a variable, downloaded',
      REGISTERED,
      [
        ...HEAD,
        ML,
        '',
        job('Input(type=AssetTypes.URI_FOLDER, path="azureml:mnist-images:2", mode=InputOutputModes.DOWNLOAD)'),
        'run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
  ]);

  it('the dataset variable also listed (to_path()): it stays v1, the input names the folder inline', () => {
    const src = FOLDER.replace('ds_input = ', 'print(dataset.to_path())\nds_input = ');
    const out = fixPython(src, true);
    assert.ok(out.includes('dataset = Dataset.File.from_files(path=[(datastore, "diabetes/")])\nprint(dataset.to_path())\n'));
    assert.ok(out.includes('Input(type=AssetTypes.URI_FOLDER, path="azureml://datastores/blobstore/paths/diabetes/", mode=InputOutputModes.RO_MOUNT)'));
    assert.ok(!out.includes('as_named_input'));
  });

  it('the pipelines how-to shape: the step takes the folder as a DOWNLOAD input; every finding of the chain carries the fix', () => {
    for (const [line, api] of [[7, '`Dataset.File.from_files()'], [8, '`FileDataset.as_named_input()'], [10, '`DatasetConsumptionConfig.as_download()']] as const) {
      assert.ok(fixedAt(PIPELINE, line, api), api);
    }
    const out = fixPython(PIPELINE, true);
    assert.ok(out.includes('my_dataset = f"azureml://datastores/{def_blob_store.name}/paths/train-images/"\n'));
    assert.ok(out.includes('Input(type=AssetTypes.URI_FOLDER, path=my_dataset, mode=InputOutputModes.DOWNLOAD)'));
    assert.ok(!out.includes('ds_input'));
  });

  it('refused: the consumption variable also given as inputs=[ds_input]', () => {
    const src = FOLDER.replace('arguments=["--data", ds_input.as_mount()]', 'arguments=["--data", ds_input.as_mount()], inputs=[ds_input]');
    assert.equal(fixedAt(src, 7, '`DatasetConsumptionConfig.as_mount()'), false);
    assert.equal(fixedAt(src, 5, '`Dataset.File.from_files()'), false);
  });

  it('refused: the consumption variable bound on two branches', () => {
    const src = FOLDER.replace(
      'ds_input = dataset.as_named_input("diabetes")',
      'if len(ws.name) > 3:\n    ds_input = dataset.as_named_input("a")\nelse:\n    ds_input = dataset.as_named_input("b")',
    );
    assert.equal(fixedAt(src, 10, '`DatasetConsumptionConfig.as_mount()'), false);
  });

  it('refused: a folder consumption variable read elsewhere (print), as a registered one (one rule: data.ts boundValue)', () => {
    const src = FOLDER.replace('src = ', 'print(ds_input)\nsrc = ');
    assert.equal(fixedAt(src, 8, '`DatasetConsumptionConfig.as_mount()'), false);
  });

  it('refused: a registered consumption variable read elsewhere (print)', () => {
    const src = REGISTERED.replace('src = ', 'print(images_input)\nsrc = ');
    assert.equal(fixedAt(src, 7, '`DatasetConsumptionConfig.as_download()'), false);
  });

  rewriteCases([
    [
      'Dataset.get_all(ws).keys() in a register-if-missing test: the listed data assets by name',
      [
        'from azureml.core import Workspace, Dataset',
        '',
        'ws = Workspace.from_config()',
        'if "iris" not in Dataset.get_all(ws).keys():',
        '    print("missing")',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'if "iris" not in {d.name: d for d in ml_client.data.list()}.keys():',
        '    print("missing")',
        '',
      ].join('\n'),
    ],
    [
      'Dataset.get_all(ws) iterated for its names',
      ['from azureml.core import Workspace, Dataset', '', 'ws = Workspace.from_config()', 'for name in Dataset.get_all(ws):', '    print(name)', ''].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'for name in {d.name: d for d in ml_client.data.list()}:',
        '    print(name)',
        '',
      ].join('\n'),
    ],
  ]);

  for (const [title, line] of [
    ['a value read', 'print(Dataset.get_all(ws)["iris"])'],
    ['kept in a variable', 'all_ds = Dataset.get_all(ws)'],
  ] as const) {
    it(`refused: Dataset.get_all(ws) ${title}`, () => {
      const src = ['from azureml.core import Workspace, Dataset', '', 'ws = Workspace.from_config()', line, ''].join('\n');
      assert.equal(fixedAt(src, 4, '`Dataset.get_all()'), false);
    });
  }
});
