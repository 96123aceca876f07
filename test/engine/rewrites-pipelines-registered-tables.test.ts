/**
 * Round 23 (pipes3): the DP-100 pipeline labs' prep step ("08 - Create a Pipeline"): a PythonScriptStep passes a
 * registered table whole (`"--input-data", ds.as_named_input("raw_data")`) and its script, a `%%writefile` cell
 * of the same notebook, reads it through the run (`run.input_datasets["raw_data"].to_pandas_dataframe()`).
 * v2 (PIPE + how-to-mltable "Read the data asset in a job"): the step's command gets an mltable input
 * `Input(type=AssetTypes.MLTABLE, path="azureml:<asset>@latest")` as `--input-data ${{inputs.input_data}}` and the
 * script loads its argument, `mltable.load(args.<dest>).to_pandas_dataframe()`: one fix edits both modules.
 * Only for an asset the notebook registers as an MLTable in v2 code (a v1 TabularDataset does not load with
 * mltable: azure-sdk-for-python issue 38944). Refused: the argument read otherwise by the script (v1 passed the
 * dataset's ID), a script not in the document (.py driver), a table v1 registered.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses } from './helpers';

type Cells = Array<{ kind: string; text: string }>;
const REVIEW = '  # amlint: review';
const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';
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

/** The notebook's registration, already v2 code (an MLTable asset "diabetes-dataset"). */
const SETUP = [
  'from azureml.core import Workspace',
  'from azure.ai.ml import MLClient',
  'from azure.ai.ml.entities import Data',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.identity import DefaultAzureCredential',
  'ws = Workspace.from_config()',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  'ml_client.data.create_or_update(Data(path="./diabetes-dataset", type=AssetTypes.MLTABLE, name="diabetes-dataset"))',
  "experiment_folder = 'diabetes_pipeline'",
].join('\n');

const PREP = (extra = ''): string =>
  [
    '%%writefile $experiment_folder/prep_diabetes.py',
    'import os',
    'import argparse',
    'from azureml.core import Run',
    '',
    'parser = argparse.ArgumentParser()',
    'parser.add_argument("--input-data", type=str, dest=\'raw_dataset_id\', help=\'raw dataset\')',
    "parser.add_argument('--prepped-data', type=str, dest='prepped_data', default='prepped_data', help='Folder for results')",
    'args = parser.parse_args()',
    'save_folder = args.prepped_data',
    'run = Run.get_context()',
    "diabetes = run.input_datasets['raw_data'].to_pandas_dataframe()",
    'diabetes = diabetes.dropna()',
    'os.makedirs(save_folder, exist_ok=True)',
    "diabetes.to_csv(os.path.join(save_folder, 'data.csv'), index=False, header=True)",
    ...(extra ? [extra] : []),
  ].join('\n');

const DRIVER = [
  'from azureml.data import OutputFileDatasetConfig',
  'from azureml.pipeline.steps import PythonScriptStep',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.core import Experiment',
  '',
  'diabetes_ds = ws.datasets.get("diabetes dataset")',
  'prepped_data = OutputFileDatasetConfig("prepped_data")',
  'prep_step = PythonScriptStep(name = "Prepare Data",',
  '                                source_directory = experiment_folder,',
  '                                script_name = "prep_diabetes.py",',
  "                                arguments = ['--input-data', diabetes_ds.as_named_input('raw_data'),",
  "                                             '--prepped-data', prepped_data],",
  '                                compute_target = "cpu-cluster",',
  '                                allow_reuse = True)',
  'train_step = PythonScriptStep(name = "Train and Register Model",',
  '                                source_directory = experiment_folder,',
  '                                script_name = "train_diabetes.py",',
  "                                arguments = ['--training-data', prepped_data.as_input()],",
  '                                compute_target = "cpu-cluster",',
  '                                allow_reuse = True)',
  'pipeline_steps = [prep_step, train_step]',
  'pipeline = Pipeline(workspace=ws, steps=pipeline_steps)',
  "experiment = Experiment(workspace=ws, name = 'mslearn-diabetes-pipeline')",
  'pipeline_run = experiment.submit(pipeline, regenerate_outputs=True)',
  'pipeline_run.wait_for_completion(show_output=True)',
].join('\n');

describe('rewrites round 23 (pipes3): a pipeline step given a registered table, its %%writefile script reading it', () => {
  it('DP-100 lab 08 shape: an mltable input of the step, the script loading its argument with mltable', () => {
    fixesTo(
      [SETUP, PREP(), DRIVER],
      [
        [
          'from azure.ai.ml import Input',
          'import azure.ai.ml.entities',
          'from azure.ai.ml import command',
          'from azure.ai.ml import Output',
          'from azure.ai.ml import dsl',
          'from azure.ai.ml import MLClient',
          'from azure.ai.ml.entities import Data',
          'from azure.ai.ml.constants import AssetTypes',
          'from azure.identity import DefaultAzureCredential',
          'ws = MLClient.from_config(credential=DefaultAzureCredential())',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'ml_client.data.create_or_update(Data(path="./diabetes-dataset", type=AssetTypes.MLTABLE, name="diabetes-dataset"))',
          "experiment_folder = 'diabetes_pipeline'",
        ].join('\n'),
        [
          '%%writefile $experiment_folder/prep_diabetes.py',
          'import mlflow',
          // The job's environment must hold mltable: the user's to check.
          `import mltable${REVIEW}`,
          'import os',
          'import argparse',
          '',
          'parser = argparse.ArgumentParser()',
          'parser.add_argument("--input-data", type=str, dest=\'raw_dataset_id\', help=\'raw dataset\')',
          "parser.add_argument('--prepped-data', type=str, dest='prepped_data', default='prepped_data', help='Folder for results')",
          'args = parser.parse_args()',
          'save_folder = args.prepped_data',
          'run = mlflow.start_run()',
          // The mltable input's path (the MLTable folder) is the argument: how-to-mltable.
          'diabetes = mltable.load(args.raw_dataset_id).to_pandas_dataframe()',
          'diabetes = diabetes.dropna()',
          'os.makedirs(save_folder, exist_ok=True)',
          "diabetes.to_csv(os.path.join(save_folder, 'data.csv'), index=False, header=True)",
        ].join('\n'),
        [
          'prepped_data = Output(type="uri_folder")',
          'prep_step = command(',
          '    display_name="Prepare Data",',
          '    code=experiment_folder,',
          '    command="python prep_diabetes.py --input-data ${{inputs.input_data}} --prepped-data ${{outputs.prepped_data}}",',
          // v1 "diabetes dataset" is the v2 asset "diabetes-dataset" (renamed: to review).
          `    inputs={"input_data": Input(type=AssetTypes.MLTABLE, path="azureml:diabetes-dataset@latest")},${REVIEW}`,
          '    outputs={"prepped_data": prepped_data},',
          '    compute="cpu-cluster",',
          '    is_deterministic=True,',
          `    environment=${IMAGE},${REVIEW}`,
          ')',
          'train_step = command(',
          '    display_name="Train and Register Model",',
          '    code=experiment_folder,',
          '    command="python train_diabetes.py --training-data ${{inputs.prepped_data}}",',
          '    inputs={"prepped_data": Input(type="uri_folder")},',
          '    compute="cpu-cluster",',
          '    is_deterministic=True,',
          `    environment=${IMAGE},${REVIEW}`,
          ')',
          'pipeline_steps = [prep_step, train_step]',
          '',
          '@dsl.pipeline(force_rerun=True)',
          'def pipeline_func():',
          '    prep_step_node = prep_step()',
          '    train_step_node = train_step(prepped_data=prep_step_node.outputs.prepped_data)',
          '',
          'pipeline = pipeline_func()',
          "experiment = 'mslearn-diabetes-pipeline'",
          "pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name='mslearn-diabetes-pipeline')",
          'ml_client.jobs.stream(pipeline_run.name)',
        ].join('\n'),
      ],
    );
  });

  it('refused: the script also reads the argument (v1 passed the dataset ID there)', () => {
    noFix(nb([SETUP, PREP('print(args.raw_dataset_id)'), DRIVER]), 'PythonScriptStep()');
  });

  it('refused: the script reads another dataset through the run', () => {
    noFix(nb([SETUP, PREP("other = run.input_datasets['other'].to_pandas_dataframe()"), DRIVER]), 'PythonScriptStep()');
  });

  it('refused: a table the notebook does not register as a v2 MLTable asset (v1-registered: mltable cannot load it)', () => {
    noFix(nb([SETUP.replace(/ml_client\.data\.create_or_update\([^\n]*\n/, ''), PREP(), DRIVER]), 'PythonScriptStep()');
  });

  it('refused: a .py driver (the script is not in the document)', () => {
    noFix({ kind: 'python', text: `${SETUP}\n${DRIVER}` } as DocumentInput, 'PythonScriptStep()');
  });
});

describe('rewrites round 23 (pipes3, lead): the table registered by v1 code of the same notebook, jobs.ts hooks', () => {
  const V1_SETUP = [
    'from azureml.core import Workspace, Dataset',
    'ws = Workspace.from_config()',
    'default_ds = ws.get_default_datastore()',
    "tab_data_set = Dataset.Tabular.from_delimited_files(path=(default_ds, 'diabetes-data/*.csv'))",
    "tab_data_set = tab_data_set.register(workspace=ws, name='diabetes dataset', description='diabetes data', create_new_version=True)",
    "experiment_folder = 'diabetes_pipeline'",
  ].join('\n');
  it('the registration becomes an MLTable asset with the pipeline (data.ts asks jobs.ts whether the step migrates), the script loads it', () => {
    const input = nb([V1_SETUP, PREP(), DRIVER]);
    // The pipeline waits for the registration's rewrite (a chain): then the script's own finding offers the pipeline's
    // fix, which edits the driver's cell too (jobs.ts scriptInputFix → pipelines.ts pipelineOfScript).
    const script = lint(input, undefined, undefined, { chains: true }).findings.find((f) => f.cell === 1 && f.symbol === 'azureml.core.Run.input_datasets');
    assert.ok(script?.fixes?.length, 'the script finding carries the pipeline fix');
    assert.ok(script.fixes.some((fix) => fix.edits.some((e) => e.cell === 2) && fix.edits.some((e) => e.cell === 0)), 'that fix edits the registration and the driver cells too');
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Cells };
    const texts = out.cells.map((c) => c.text);
    assert.match(texts[0], /type=AssetTypes\.MLTABLE, name="diabetes-dataset", description='diabetes data'\)\)  # amlint: review/);
    assert.match(texts[1], /diabetes = mltable\.load\(args\.raw_dataset_id\)\.to_pandas_dataframe\(\)/);
    assert.match(texts[2], /Input\(type=AssetTypes\.MLTABLE, path="azureml:diabetes-dataset@latest"\)/);
    assert.equal(lint({ kind: 'notebook', cells: out.cells } as DocumentInput).findings.filter((f) => /^AML1/.test(f.code)).length, 0, texts.join('\n----\n'));
  });
});
