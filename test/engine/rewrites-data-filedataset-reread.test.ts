/**
 * Round 13 (g), data.ts on the MachineLearningNotebooks keras/tensorflow shapes:
 * - a registered FileDataset looked up into a variable that is also bound elsewhere or read
 *   otherwise (`dataset = Dataset.get_by_name(ws, name)` then `dataset.to_path()`), mounted in a
 *   job through `args = [...]`: the job takes `Input(type=URI_FOLDER, path="azureml:<name>@latest",
 *   mode=RO_MOUNT)` (azure.ai.ml.Input: "path ... a registered AzureML asset ID",
 *   https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.input), the v1 lookup stays for
 *   its other reads;
 * - the findings of the mount chain inside `args = [...]` offer the fix of the job taking `args`.
 * Refused: a mount another binding may reach (a branch, a function body).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMPORTS = [
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.constants import InputOutputModes',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'from azure.ai.ml import command',
];
const MOUNT = 'Input(type=AssetTypes.URI_FOLDER, path="azureml:mnist-dataset@latest", mode=InputOutputModes.RO_MOUNT)';

describe('rewrites round 13 (g): a looked-up FileDataset read again, mounted through an args list', () => {
  rewriteCases([
    [
      'the lookup also listed with to_path(): the job reads the asset by name, the lookup stays',
      [
        'from azureml.core import Workspace, Experiment, Dataset, Environment, ScriptRunConfig',
        'ws = Workspace.from_config()',
        "exp = Experiment(workspace=ws, name='keras-mnist')",
        "env = Environment.get(ws, name='AzureML-TensorFlow-2.0-GPU')",
        "dataset = Dataset.get_by_name(ws, 'mnist-dataset')",
        'dataset.to_path()',
        "args = ['--data-folder', dataset.as_named_input('mnist').as_mount(), '--batch-size', 50]",
        "src = ScriptRunConfig(source_directory='./keras', script='train.py', arguments=args, compute_target='gpu-cluster', environment=env)",
        'run = exp.submit(src)',
        'run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        ...IMPORTS,
        'from azureml.core import Workspace, Dataset',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = Workspace.from_config()',
        "exp = 'keras-mnist'",
        "env = ml_client.environments.get(name='AzureML-TensorFlow-2.0-GPU', label=\"latest\")",
        "dataset = Dataset.get_by_name(ws, 'mnist-dataset')",
        'dataset.to_path()',
        `src = command(code='./keras', command="python train.py --data-folder \${{inputs.data_folder}} --batch-size 50", inputs={"data_folder": ${MOUNT}}, environment=env, compute='gpu-cluster')`,
        "run = ml_client.jobs.create_or_update(src, experiment_name='keras-mnist')",
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
  ]);

  describe('refused: a mount another binding may reach', () => {
    const head = [
      'import sys',
      'from azureml.core import Workspace, Experiment, Dataset, Environment, ScriptRunConfig',
      'ws = Workspace.from_config()',
      "env = Environment.get(ws, name='AzureML-TensorFlow-2.0-GPU')",
    ];
    const job = "src = ScriptRunConfig(source_directory='.', script='train.py', arguments=args, compute_target='gpu', environment=env)";
    const cases: Array<[string, string[]]> = [
      ['rebound under a branch', ["dataset = Dataset.get_by_name(ws, 'a')", 'dataset.to_path()', 'if sys.argv[1]:', "    dataset = Dataset.get_by_name(ws, 'b')", "args = ['--data', dataset.as_mount()]", job]],
      ['mounted in a function body', ["dataset = Dataset.get_by_name(ws, 'a')", 'dataset.to_path()', 'def make():', "    args = ['--data', dataset.as_mount()]", `    ${job}`, '    return src']],
      ['bound in a loop', ['for name in ["a", "b"]:', '    dataset = Dataset.get_by_name(ws, name)', 'dataset.to_path()', "args = ['--data', dataset.as_mount()]", job]],
    ];
    for (const [title, body] of cases) {
      it(title, () => {
        const out = fixPython([...head, ...body, ''].join('\n'), true);
        assert.ok(out.includes('ScriptRunConfig(') && out.includes('dataset.as_mount()'), out);
        assert.ok(parses(out));
      });
    }
  });

  it('a notebook: the keras MLN cells (dataset registered under a flag, looked up again, listed, mounted)', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment, ScriptRunConfig\nws = Workspace.from_config()\nexp = Experiment(workspace=ws, name="keras-mnist")' },
      { kind: 'code', text: "from azureml.core.dataset import Dataset\nweb_paths = ['https://example.org/a.gz', 'https://example.org/b.gz']\ndataset = Dataset.File.from_files(path = web_paths)" },
      { kind: 'code', text: "registered = 'mnist-dataset' in ws.datasets\nif not registered:\n    dataset = dataset.register(workspace = ws, name = 'mnist-dataset', create_new_version=True)" },
      { kind: 'code', text: "dataset = Dataset.get_by_name(ws, 'mnist-dataset')\n\n# list the files referenced by mnist dataset\ndataset.to_path()" },
      { kind: 'code', text: "args = ['--data-folder', dataset.as_named_input('mnist').as_mount(),\n        '--batch-size', 50]\n\nsrc = ScriptRunConfig(source_directory='./keras',\n                      script='keras_mnist.py',\n                      arguments=args,\n                      compute_target='gpu-cluster',\n                      environment=keras_env)" },
      { kind: 'code', text: 'run = exp.submit(src)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      { kind: 'code', text: [IMPORTS[0], IMPORTS[1], IMPORTS[2], IMPORTS[5], IMPORTS[3], IMPORTS[4], 'from azureml.core import Workspace', 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())', 'ws = Workspace.from_config()', 'exp = "keras-mnist"'].join('\n') },
      cells[1],
      // (workspace.ts: the names of ws.datasets, a dict keyed by name, are those of the v2 data assets)
      { kind: 'code', text: "registered = 'mnist-dataset' in {d.name: d for d in ml_client.data.list()}\nif not registered:\n    dataset = dataset.register(workspace = ws, name = 'mnist-dataset', create_new_version=True)" },
      cells[3],
      // (the args statement goes with its lines; the cell keeps the line breaks around it: environment.ts wholeLines at a cell's start)
      { kind: 'code', text: `\n\nsrc = command(code='./keras', command="python keras_mnist.py --data-folder \${{inputs.data_folder}} --batch-size 50", inputs={"data_folder": ${MOUNT}}, environment=keras_env, compute='gpu-cluster')` },
      { kind: 'code', text: 'run = ml_client.jobs.create_or_update(src, experiment_name="keras-mnist")' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
