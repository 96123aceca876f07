/**
 * Round 22 (inputs): the DP-100 data-to-job chain in a notebook. A driver cell passes a v1 dataset to a
 * ScriptRunConfig (`"--input-data", ds.as_named_input("x")[.as_download()]`) and a `%%writefile` cell of the
 * same notebook (the script it runs: `$folder/script.py`, matched by file name and folder variable) reads it
 * through the run (`run.input_datasets["x"]`). v2 (CMD: inputs as `${{inputs.x}}` on the command line;
 * how-to-mltable "Read the data asset in a job": `mltable.load(args.input)`): one fix rewrites the job and
 * the script, which reads its argument (the folder path; for an MLTable asset the notebook registers in v2
 * code, `mltable.load(args.<dest>).to_pandas_dataframe()`).
 * Refused: a script reading other data through the run, a table whose argument the script also reads (v1
 * passed the dataset's ID), a table passed to a script not in the document (.py driver), a folder variable set
 * again between the writefile cell and the job, a table v1 registered (mltable cannot load those).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses } from './helpers';

type Cells = Array<{ kind: string; text: string }>;
const REVIEW = '  # amlint: review';
const nb = (cells: string[]): DocumentInput => ({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code', text })) } as DocumentInput);

/** --fix --unsafe-fixes on a notebook: the cells equal `expected`, parse (a writefile cell without its magic line), and a second run changes nothing. */
function fixesTo(cells: string[], expected: string[]): void {
  const out = fixDocument(nb(cells), undefined, { unsafe: true }).output as { cells: Cells };
  assert.deepEqual(out.cells.map((c) => c.text), expected);
  for (const c of out.cells) assert.ok(parses(c.text.replace(/^%%writefile[^\n]*\n/, '')), c.text);
  const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Cells };
  assert.deepEqual(again.cells.map((c) => c.text), expected, 'a second run changes nothing');
}

/** The finding of `api` in the document has no fix. */
function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const SCRIPT_FOLDER = [
  '%%writefile $experiment_folder/diabetes_training.py',
  'import argparse',
  'import glob',
  'import pandas as pd',
  'from azureml.core import Run',
  '',
  'parser = argparse.ArgumentParser()',
  "parser.add_argument('--regularization', type=float, dest='reg_rate', default=0.01)",
  "parser.add_argument('--input-data', type=str, dest='dataset_folder', help='data mount point')",
  'args = parser.parse_args()',
  'run = Run.get_context()',
  "data_path = run.input_datasets['training_files']",
  'all_files = glob.glob(data_path + "/*.csv")',
  'diabetes = pd.concat((pd.read_csv(f) for f in all_files), sort=False)',
  'print(diabetes.shape)',
].join('\n');

const SCRIPT_TABLE = [
  '%%writefile $experiment_folder/diabetes_training.py',
  'import argparse',
  'from azureml.core import Run',
  '',
  'parser = argparse.ArgumentParser()',
  'parser.add_argument("--input-data", type=str, dest=\'training_dataset_id\', help=\'training dataset\')',
  'args = parser.parse_args()',
  'run = Run.get_context()',
  "diabetes = run.input_datasets['training_data'].to_pandas_dataframe()",
  'print(diabetes.shape)',
].join('\n');

/** The DP-100 get-or-register cell (labs 07/11), the name renamed for v2 (data.ts assetName). */
const REGISTER = [
  'from azureml.core import Workspace, Dataset',
  'ws = Workspace.from_config()',
  'default_ds = ws.get_default_datastore()',
  "if 'diabetes dataset' not in ws.datasets:",
  "    tab_data_set = Dataset.Tabular.from_delimited_files(path=(default_ds, 'diabetes-data/*.csv'))",
  '    try:',
  '        tab_data_set = tab_data_set.register(workspace=ws,',
  "                                             name='diabetes dataset',",
  "                                             description='diabetes data',",
  '                                             create_new_version=True)',
  "        print('Dataset registered.')",
  '    except Exception as ex:',
  '        print(ex)',
  'else:',
  "    print('Dataset already registered.')",
].join('\n');

const JOB_TABLE = (compute: string, first: boolean): string =>
  [
    ...(first ? ['from azureml.core import Experiment, ScriptRunConfig, Environment', "env = Environment.get(ws, 'diabetes-env')", 'diabetes_ds = ws.datasets.get("diabetes dataset")'] : []),
    'script_config = ScriptRunConfig(source_directory=experiment_folder,',
    "                                script='diabetes_training.py',",
    "                                arguments=['--input-data', diabetes_ds.as_named_input('training_data')],",
    '                                environment=env,',
    `                                compute_target='${compute}')`,
    ...(first ? ["experiment = Experiment(workspace=ws, name='train-diabetes')"] : []),
    'run = experiment.submit(config=script_config)',
    'run.wait_for_completion()',
  ].join('\n');

describe('rewrites round 22 (inputs): a notebook job and its %%writefile script reading the data', () => {
  it('a registered file dataset downloaded for the job: a uri_folder input, the script reading its argument', () => {
    fixesTo(
      [
        "from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nexperiment_folder = 'diabetes_training_from_file_dataset'",
        SCRIPT_FOLDER,
        [
          'from azureml.core import Experiment, ScriptRunConfig, Environment',
          '',
          "env = Environment.get(ws, 'diabetes-env')",
          "diabetes_ds = Dataset.get_by_name(ws, 'diabetes-files')",
          'script_config = ScriptRunConfig(source_directory=experiment_folder,',
          "                                script='diabetes_training.py',",
          "                                arguments=['--regularization', 0.1,",
          "                                           '--input-data', diabetes_ds.as_named_input('training_files').as_download()],",
          '                                environment=env,',
          "                                compute_target='cpu-cluster')",
          "experiment = Experiment(workspace=ws, name='mslearn-train-diabetes')",
          'run = experiment.submit(config=script_config)',
          'run.wait_for_completion(show_output=True)',
        ].join('\n'),
      ],
      [
        [
          'from azure.ai.ml import Input',
          'from azure.ai.ml.constants import AssetTypes',
          'from azure.ai.ml.constants import InputOutputModes',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from azure.ai.ml import command',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          "experiment_folder = 'diabetes_training_from_file_dataset'",
        ].join('\n'),
        // v1 passed the download path as the argument too; `run.input_datasets[...]` is that path.
        SCRIPT_FOLDER.replace('import argparse', 'import mlflow\nimport argparse')
          .replace('from azureml.core import Run\n', '')
          .replace('run = Run.get_context()', 'run = mlflow.start_run()')
          .replace("run.input_datasets['training_files']", 'args.dataset_folder'),
        [
          'env = ml_client.environments.get(name=\'diabetes-env\', label="latest")',
          'script_config = command(code=experiment_folder, command="python diabetes_training.py --regularization 0.1 --input-data ${{inputs.input_data}}", inputs={"input_data": Input(type=AssetTypes.URI_FOLDER, path="azureml:diabetes-files@latest", mode=InputOutputModes.DOWNLOAD)}, environment=env, compute=\'cpu-cluster\')',
          "experiment = 'mslearn-train-diabetes'",
          "run = ml_client.jobs.create_or_update(script_config, experiment_name='mslearn-train-diabetes')",
          'ml_client.jobs.stream(run.name)',
        ].join('\n'),
      ],
    );
  });

  it('the DP-100 lab 07 shape: a table registered (renamed) as MLTable, two jobs given it by its v1 name, the script loading it with mltable', () => {
    fixesTo(
      [REGISTER, "experiment_folder = 'diabetes_training'", SCRIPT_TABLE, JOB_TABLE('cpu-cluster', true), JOB_TABLE('gpu-cluster', false)],
      [
        [
          'from azure.ai.ml import Input',
          'from azure.ai.ml import command',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'import azure.ai.ml.entities',
          'from azure.ai.ml.constants import AssetTypes',
          'import mltable',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'default_ds = ml_client.datastores.get_default()',
          // The test looks for the name v2 registers.
          'if "diabetes-dataset" not in [d.name for d in ml_client.data.list()]:',
          '    tab_data_set = mltable.from_delimited_files(paths=[{"pattern": f"azureml://subscriptions/{ml_client.subscription_id}/resourcegroups/{ml_client.resource_group_name}/workspaces/{ml_client.workspace_name}/datastores/{ml_client.datastores.get_default().name}/paths/diabetes-data/*.csv"}])',
          '    try:',
          `        tab_data_set.save("./diabetes-dataset")${REVIEW}`,
          `        tab_data_set = ml_client.data.create_or_update(azure.ai.ml.entities.Data(path="./diabetes-dataset", type=AssetTypes.MLTABLE, name="diabetes-dataset", description='diabetes data'))${REVIEW}`,
          "        print('Dataset registered.')",
          '    except Exception as ex:',
          '        print(ex)',
          'else:',
          "    print('Dataset already registered.')",
        ].join('\n'),
        "experiment_folder = 'diabetes_training'",
        [
          '%%writefile $experiment_folder/diabetes_training.py',
          'import mlflow',
          // The job's environment must hold mltable: the user's to check.
          `import mltable${REVIEW}`,
          'import argparse',
          '',
          'parser = argparse.ArgumentParser()',
          'parser.add_argument("--input-data", type=str, dest=\'training_dataset_id\', help=\'training dataset\')',
          'args = parser.parse_args()',
          'run = mlflow.start_run()',
          'diabetes = mltable.load(args.training_dataset_id).to_pandas_dataframe()',
          'print(diabetes.shape)',
        ].join('\n'),
        [
          'env = ml_client.environments.get(name=\'diabetes-env\', label="latest")',
          `script_config = command(code=experiment_folder, command="python diabetes_training.py --input-data \${{inputs.input_data}}", inputs={"input_data": Input(type=AssetTypes.MLTABLE, path="azureml:diabetes-dataset@latest")}, environment=env, compute='cpu-cluster')${REVIEW}`,
          "experiment = 'train-diabetes'",
          "run = ml_client.jobs.create_or_update(script_config, experiment_name='train-diabetes')",
          'ml_client.jobs.stream(run.name)',
        ].join('\n'),
        [
          `script_config = command(code=experiment_folder, command="python diabetes_training.py --input-data \${{inputs.input_data}}", inputs={"input_data": Input(type=AssetTypes.MLTABLE, path="azureml:diabetes-dataset@latest")}, environment=env, compute='gpu-cluster')${REVIEW}`,
          "run = ml_client.jobs.create_or_update(script_config, experiment_name='train-diabetes')",
          'ml_client.jobs.stream(run.name)',
        ].join('\n'),
      ],
    );
  });

  it("the script's `run.input_datasets` finding offers the job's fix (edits in the driver cell and in the script)", () => {
    const cells = [
      "from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nexperiment_folder = 'f'",
      "%%writefile $experiment_folder/train.py\nimport argparse\nfrom azureml.core import Run\nparser = argparse.ArgumentParser()\nparser.add_argument('--data', type=str)\nargs = parser.parse_args()\nrun = Run.get_context()\nprint(run.input_datasets['files'])",
      "from azureml.core import Experiment, ScriptRunConfig\nds = Dataset.get_by_name(ws, 'files')\nsrc = ScriptRunConfig(source_directory=experiment_folder, script='train.py', arguments=['--data', ds.as_named_input('files').as_mount()], compute_target='cpu')\nrun = Experiment(ws, 'x').submit(src)\nrun.wait_for_completion()",
    ];
    const found = lint(nb(cells)).findings.filter((f) => f.message.includes('`Run.input_datasets'));
    assert.equal(found.length, 1);
    const edits = found[0].fixes?.[0]?.edits ?? [];
    // (argparse's dest of `--data`: `data`)
    assert.ok(edits.some((e) => e.cell === 1 && e.newText === 'args.data'), 'the script reads its argument');
    assert.ok(edits.some((e) => e.cell === 2 && e.newText.startsWith('command(code=experiment_folder, command="python train.py --data ${{inputs.data}}"')), 'the job is a command');
  });

  describe('refused', () => {
    const head = "from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nexperiment_folder = 'a'";
    const job = "from azureml.core import Experiment, ScriptRunConfig\nds = Dataset.get_by_name(ws, 'files')\nsrc = ScriptRunConfig(source_directory=experiment_folder, script='train.py', arguments=['--data', ds.as_named_input('files').as_mount()], compute_target='cpu')\nrun = Experiment(ws, 'x').submit(src)\nrun.wait_for_completion()";
    const script = (read: string): string => `%%writefile $experiment_folder/train.py\nimport argparse\nfrom azureml.core import Run\nparser = argparse.ArgumentParser()\nparser.add_argument('--data', type=str, dest='data')\nargs = parser.parse_args()\nrun = Run.get_context()\n${read}`;

    it('the script reads data the job does not pass through the run', () => {
      noFix(nb([head, script("data_path = run.input_datasets['other']\nprint(data_path)"), job]), 'ScriptRunConfig(');
    });
    it('the script reads the dataset without an option of its own (no argparse dest for it)', () => {
      noFix(nb([head, script("data_path = run.input_datasets['files']\nprint(data_path)").replace("parser.add_argument('--data', type=str, dest='data')\n", ''), job]), 'ScriptRunConfig(');
    });
    it('the folder variable is set again after the writefile cell: the job runs another file', () => {
      noFix(nb([head, script("data_path = run.input_datasets['files']\nprint(data_path)"), "experiment_folder = 'b'", job]), 'ScriptRunConfig(');
    });
    it('a table whose argument the script also reads (v1 passed the dataset ID there)', () => {
      const read = SCRIPT_TABLE.replace('print(diabetes.shape)', 'print(args.training_dataset_id)');
      noFix(nb([REGISTER, "experiment_folder = 'diabetes_training'", read, JOB_TABLE('cpu-cluster', true)]), 'ScriptRunConfig(');
    });
    it('a table v1 registered (not in this document): mltable cannot load it', () => {
      noFix(nb(["from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nexperiment_folder = 'diabetes_training'", SCRIPT_TABLE, JOB_TABLE('cpu-cluster', true)]), 'ScriptRunConfig(');
    });
    it('a .py driver: the script is not in the document', () => {
      const text = [REGISTER, "experiment_folder = 'diabetes_training'", JOB_TABLE('cpu-cluster', true), ''].join('\n');
      noFix({ kind: 'python', text }, 'ScriptRunConfig(');
      noFix({ kind: 'python', text }, 'Experiment.submit(');
    });
  });
});
