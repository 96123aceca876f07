/**
 * Round 23 (est): estimators given datasets, and a CommandStep's ScriptRunConfig.
 * - `SKLearn(..., inputs=[ds.as_named_input("x")...])` in a notebook whose `%%writefile` cell is the entry script
 *   reading `run.input_datasets["x"]`: v1 passes no argument for `inputs=` (the script reads the run); v2 passes an
 *   input only on the command line (CMD `${{inputs.x}}`), so the command gets `--x ${{inputs.x}}` and the script an
 *   argparse option `--x` (added before `parse_args()`) read instead of the run (a folder's path; an MLTable asset
 *   the notebook registers in v2 code → `mltable.load(args.x).to_pandas_dataframe()`, `mltable` in the environment).
 * - `src = ScriptRunConfig(command=...)` given as a CommandStep's `runconfig=`: its finding (and its MpiConfiguration's,
 *   its Environment.get's) offers the pipeline's fix.
 * Refused: a .py driver (the script is not in the document), a script without a parser, a script reading the
 * option name already, a table with `environment_definition=` (that environment may lack mltable).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses } from './helpers';

type Cells = Array<{ kind: string; text: string }>;
const REVIEW = '  # amlint: review';
const nb = (cells: string[]): DocumentInput => ({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code', text })) } as DocumentInput);

function fixesTo(cells: string[], expected: string[]): void {
  const out = fixDocument(nb(cells), undefined, { unsafe: true }).output as { cells: Cells };
  assert.deepEqual(out.cells.map((c) => c.text), expected);
  for (const c of out.cells) assert.ok(parses(c.text.replace(/^%%writefile[^\n]*\n/, '')), c.text);
  const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Cells };
  assert.deepEqual(again.cells.map((c) => c.text), expected, 'a second run changes nothing');
}

function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const HEAD = "from azureml.core import Workspace, Dataset\nws = Workspace.from_config()\nexperiment_folder = 'diabetes_training_from_file_dataset'";

const SCRIPT = (read: string, options = ''): string =>
  [
    '%%writefile $experiment_folder/diabetes_training.py',
    'import argparse',
    'import glob',
    'from azureml.core import Run',
    '',
    'parser = argparse.ArgumentParser()',
    "parser.add_argument('--regularization', type=float, dest='reg_rate', default=0.01)",
    ...(options ? [options] : []),
    'args = parser.parse_args()',
    'run = Run.get_context()',
    read,
    'all_files = glob.glob(data_path + "/*.csv")',
    'print(len(all_files), args.reg_rate)',
  ].join('\n');

const JOB = (input: string, extra = ''): string =>
  [
    'from azureml.train.sklearn import SKLearn',
    'from azureml.core import Experiment',
    "diabetes_ds = Dataset.get_by_name(ws, 'diabetes-files')",
    'estimator = SKLearn(source_directory=experiment_folder,',
    "                    entry_script='diabetes_training.py',",
    "                    script_params={'--regularization': 0.1},",
    "                    compute_target='cpu-cluster',",
    `                    inputs=[${input}],${extra}`,
    "                    pip_packages=['azureml-dataprep[pandas]'])",
    "experiment = Experiment(workspace=ws, name='diabetes-training')",
    'run = experiment.submit(config=estimator)',
    'run.wait_for_completion(show_output=True)',
  ].join('\n');

/** The DP-100 get-or-register cell, the name renamed for v2 (data.ts assetName). */
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

const ENV = (pip: string): string => `azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", {"pip": [${pip}]}]})`;

describe('rewrites round 23 (est): estimators given datasets, CommandStep runconfigs', () => {
  it('an estimator given a downloaded file dataset: a uri_folder input passed as --diabetes, the script given that option', () => {
    fixesTo(
      [HEAD, SCRIPT("data_path = run.input_datasets['diabetes']"), JOB("diabetes_ds.as_named_input('diabetes').as_download()")],
      [
        [
          'from azure.ai.ml import Input',
          'from azure.ai.ml.constants import AssetTypes',
          'from azure.ai.ml.constants import InputOutputModes',
          'import azure.ai.ml.entities',
          'from azure.ai.ml import command',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          "experiment_folder = 'diabetes_training_from_file_dataset'",
        ].join('\n'),
        // v2 mounts/downloads the input and passes its path (CMD); the option is added to the script's parser.
        SCRIPT('data_path = args.diabetes', 'parser.add_argument("--diabetes", type=str, dest="diabetes")')
          .replace('import argparse', 'import mlflow\nimport argparse')
          .replace('from azureml.core import Run\n', '')
          .replace('run = Run.get_context()', 'run = mlflow.start_run()'),
        [
          `estimator = command(code=experiment_folder, command="python diabetes_training.py --regularization 0.1 --diabetes \${{inputs.diabetes}}", inputs={"diabetes": Input(type=AssetTypes.URI_FOLDER, path="azureml:diabetes-files@latest", mode=InputOutputModes.DOWNLOAD)}, environment=${ENV(`"azureml-defaults", "scikit-learn", 'azureml-dataprep[pandas]'`)}, compute='cpu-cluster')${REVIEW}`,
          "experiment = 'diabetes-training'",
          "run = ml_client.jobs.create_or_update(estimator, experiment_name='diabetes-training')",
          'ml_client.jobs.stream(run.name)',
        ].join('\n'),
      ],
    );
  });

  it('the DP-100 04B shape: a table registered as MLTable given to SKLearn inputs=, the script loading it with mltable', () => {
    const script = [
      '%%writefile $experiment_folder/diabetes_training.py',
      'import argparse',
      'from azureml.core import Run',
      '',
      'parser = argparse.ArgumentParser()',
      "parser.add_argument('--regularization', type=float, dest='reg_rate', default=0.01)",
      'args = parser.parse_args()',
      'run = Run.get_context()',
      "diabetes = run.input_datasets['diabetes'].to_pandas_dataframe()",
      'print(diabetes.shape, args.reg_rate)',
    ].join('\n');
    const job = JOB("diabetes_ds.as_named_input('diabetes')").replace("Dataset.get_by_name(ws, 'diabetes-files')", 'ws.datasets.get("diabetes dataset")');
    fixesTo(
      [REGISTER, "experiment_folder = 'diabetes_training_from_tab_dataset'", script, job],
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
        "experiment_folder = 'diabetes_training_from_tab_dataset'",
        [
          '%%writefile $experiment_folder/diabetes_training.py',
          'import mlflow',
          'import mltable',
          'import argparse',
          '',
          'parser = argparse.ArgumentParser()',
          "parser.add_argument('--regularization', type=float, dest='reg_rate', default=0.01)",
          'parser.add_argument("--diabetes", type=str, dest="diabetes")',
          'args = parser.parse_args()',
          'run = mlflow.start_run()',
          'diabetes = mltable.load(args.diabetes).to_pandas_dataframe()',
          'print(diabetes.shape, args.reg_rate)',
        ].join('\n'),
        [
          // how-to-mltable: the job reads the table with mltable, which its environment needs.
          `estimator = command(code=experiment_folder, command="python diabetes_training.py --regularization 0.1 --diabetes \${{inputs.diabetes}}", inputs={"diabetes": Input(type=AssetTypes.MLTABLE, path="azureml:diabetes-dataset@latest")}, environment=${ENV(`"azureml-defaults", "scikit-learn", 'azureml-dataprep[pandas]', "mltable"`)}, compute='cpu-cluster')${REVIEW}`,
          "experiment = 'diabetes-training'",
          "run = ml_client.jobs.create_or_update(estimator, experiment_name='diabetes-training')",
          'ml_client.jobs.stream(run.name)',
        ].join('\n'),
      ],
    );
  });

  it("the script's run.input_datasets finding offers the estimator job's fix", () => {
    const found = lint(nb([HEAD, SCRIPT("data_path = run.input_datasets['diabetes']"), JOB("diabetes_ds.as_named_input('diabetes').as_download()")])).findings;
    for (const api of ['Run.input_datasets', 'SKLearn(']) assert.ok(found.filter((f) => f.message.includes(`\`${api}`)).every((f) => f.fixes?.length), api);
  });

  describe('refusals', () => {
    const input = "diabetes_ds.as_named_input('diabetes').as_download()";
    it('a .py driver: the script is not in the document', () => {
      noFix({ kind: 'python', text: `${HEAD}\n${JOB(input)}` } as DocumentInput, 'SKLearn(');
    });
    it('the script reads other data through the run', () => {
      noFix(nb([HEAD, SCRIPT("data_path = run.input_datasets['other']"), JOB(input)]), 'SKLearn(');
    });
    it('the script already reads an option of that name', () => {
      noFix(nb([HEAD, SCRIPT("data_path = run.input_datasets['diabetes']", "parser.add_argument('--data', type=str, dest='diabetes')"), JOB(input)]), 'SKLearn(');
    });
    it('the script does not read the input at all (an added argument would be unknown to its parser)', () => {
      noFix(nb([HEAD, SCRIPT("data_path = 'data'"), JOB(input)]), 'SKLearn(');
    });
    it('a table with environment_definition= (the environment may lack mltable)', () => {
      const job = JOB("diabetes_ds.as_named_input('diabetes')").replace("Dataset.get_by_name(ws, 'diabetes-files')", 'ws.datasets.get("diabetes dataset")').replace("                    pip_packages=['azureml-dataprep[pandas]'])", '                    environment_definition=env)');
      const script = SCRIPT("data_path = run.input_datasets['diabetes'].to_pandas_dataframe()");
      noFix(nb([REGISTER, "experiment_folder = 'diabetes_training_from_file_dataset'\nfrom azureml.core import Environment\nenv = Environment.get(ws, 'diabetes-env')", script, job]), 'SKLearn(');
    });
  });

  it("a CommandStep's ScriptRunConfig (and its MpiConfiguration, its Environment.get) offer the pipeline's fix", () => {
    const cells = [
      'from azureml.core import Workspace\nws = Workspace.from_config()\ngpu_cluster = ws.compute_targets["gpu-cluster"]',
      "from azureml.core import Environment\ntf_env = Environment.get(ws, name='AzureML-TensorFlow-2.3-GPU')",
      [
        'from azureml.core import ScriptRunConfig',
        'from azureml.core.runconfig import MpiConfiguration',
        "src_dir = 'commandstep_train'",
        'distr_config = MpiConfiguration(node_count=2)',
        'src = ScriptRunConfig(source_directory=src_dir,',
        "                      command=['python train.py --epochs 30'],",
        '                      compute_target=gpu_cluster,',
        '                      environment=tf_env,',
        '                      distributed_job_config=distr_config)',
      ].join('\n'),
      "from azureml.pipeline.steps import CommandStep\ntrain = CommandStep(name='train-mnist', runconfig=src)",
      "from azureml.pipeline.core import Pipeline\nfrom azureml.core import Experiment\npipeline = Pipeline(workspace=ws, steps=[train])\npipeline_run = Experiment(ws, 'train-commandstep-pipeline').submit(pipeline)",
    ];
    const found = fixDocument(nb(cells), undefined, { unsafe: true });
    const findings = lint(nb(cells)).findings;
    for (const api of ['ScriptRunConfig(', 'MpiConfiguration(', 'Environment.get(']) {
      const f = findings.filter((x) => x.message.includes(`\`${api}`));
      assert.ok(f.length && f.every((x) => x.fixes?.length), api);
    }
    const out = (found.output as { cells: Cells }).cells.map((c) => c.text);
    // MpiConfiguration(node_count=2): MpiDistribution, one process a node (v1's default), instance_count=2.
    assert.equal(out[2], [
      "src_dir = 'commandstep_train'",
      'distr_config = MpiDistribution(process_count_per_instance=1)',
      "src = command(display_name='train-mnist', code=src_dir, command=\"python train.py --epochs 30\", environment=tf_env, compute=gpu_cluster.name, distribution=distr_config, instance_count=2)",
    ].join('\n'));
    for (const c of out) assert.ok(parses(c), c);
  });
});
