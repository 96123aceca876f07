/**
 * Round 27 (labdata): a datastore lookup written inline where it is used.
 * - `ws.get_default_datastore().upload_files(...)` (retkowsky DP-100 04B) / `Datastore.get(ws, "n").upload(...)`:
 *   the same azureml-fsspec upload as for a datastore variable (data.ts `upload`), the datastore named by
 *   `ml_client.datastores.get_default().name` (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.datastoreoperations)
 *   or the literal name (https://learn.microsoft.com/azure/machine-learning/how-to-access-data-interactive: upload).
 * - `PipelineData("m", datastore=ws.get_default_datastore())` (06A): the lookup's finding offers the fix of the
 *   v1 call holding it (workspace.ts `enclosingV1Fix`).
 * Refused: an inline lookup by a name that is not a literal; an upload whose target is computed.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const CLIENT = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
const ML = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
const FS = 'from azureml.fsspec import AzureMachineLearningFileSystem';
const prefix = (store: string): string =>
  `f"azureml://subscriptions/{ml_client.subscription_id}/resourcegroups/{ml_client.resource_group_name}/workspaces/{ml_client.workspace_name}/datastores/${store}/paths/"`;
const UPLOAD_V1 = [
  "ws.get_default_datastore().upload_files(files=['./data/diabetes.csv', './data/diabetes2.csv'],",
  "                       target_path='diabetes-data/',",
  '                       overwrite=True,',
  '                       show_progress=True)',
];
const UPLOAD_V2 = `AzureMachineLearningFileSystem(${prefix('{ml_client.datastores.get_default().name}')}).upload(lpath=['./data/diabetes.csv', './data/diabetes2.csv'], rpath='diabetes-data/', recursive=False, overwrite="MERGE_WITH_OVERWRITE")${REVIEW}`;

function fixesOf(text: string, api: string): boolean {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  return !!found[0].fixes?.length;
}

describe('rewrites (data): a datastore looked up inline', () => {
  rewriteCases([
    [
      'the default datastore inline: upload_files to it (04B), overwrite=True → MERGE_WITH_OVERWRITE',
      ['from azureml.core import Workspace', 'ws = Workspace.from_config()', ...UPLOAD_V1, ''].join('\n'),
      [...CLIENT, FS, ML, UPLOAD_V2, ''].join('\n'),
    ],
    [
      'a datastore got by a literal name inline: upload of a folder to it',
      ['from azureml.core import Workspace, Datastore', 'ws = Workspace.from_config()', 'Datastore.get(ws, "mystore").upload(src_dir="./data", target_path="raw", overwrite=True)', ''].join('\n'),
      [...CLIENT, FS, ML, `AzureMachineLearningFileSystem(${prefix('mystore')}).upload(lpath="./data", rpath="raw", recursive=True, overwrite="MERGE_WITH_OVERWRITE")${REVIEW}`, ''].join('\n'),
    ],
  ]);

  it('the inline default-datastore lookup offers the upload\'s rewrite', () => {
    const src = ['from azureml.core import Workspace', 'ws = Workspace.from_config()', ...UPLOAD_V1, ''].join('\n');
    const findings = lint({ kind: 'python', text: src }).findings;
    const lookup = findings.find((f) => f.message.includes('`Workspace.get_default_datastore()'));
    const upload = findings.find((f) => f.message.includes('`Datastore.upload_files()'));
    assert.ok(lookup?.fixes?.length && upload?.fixes?.length);
    assert.deepEqual(lookup.fixes[0].edits, upload.fixes[0].edits);
  });

  it('refused: a datastore got inline by a computed name', () => {
    const src = ['from azureml.core import Workspace, Datastore', 'ws = Workspace.from_config()', 'store_name = input()', 'Datastore.get(ws, store_name).upload(src_dir="./data", target_path="raw", overwrite=True)', ''].join('\n');
    assert.equal(fixesOf(src, 'Datastore.upload()'), false);
  });

  it('refused: an inline upload whose target path is computed', () => {
    const src = ['from azureml.core import Workspace', 'ws = Workspace.from_config()', 'for d in ["a", "b"]:', '    ws.get_default_datastore().upload(src_dir=d, target_path="raw/" + d)', ''].join('\n');
    assert.equal(fixesOf(src, 'Datastore.upload()'), false);
  });

  it('the default datastore inline in PipelineData(datastore=...) offers the pipeline rewrite', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'from azureml.pipeline.core import Pipeline, PipelineData',
      'from azureml.pipeline.steps import PythonScriptStep',
      '',
      'ws = Workspace.from_config()',
      'model_folder = PipelineData("model_folder", datastore=ws.get_default_datastore())',
      'train_step = PythonScriptStep(name="Train Model", source_directory="src", script_name="train.py",',
      '                              arguments=["--output_folder", model_folder], outputs=[model_folder],',
      '                              compute_target="cpu-cluster")',
      'pipeline = Pipeline(workspace=ws, steps=[train_step])',
      'pipeline_run = Experiment(ws, "pipe").submit(pipeline)',
      'pipeline_run.wait_for_completion()',
      '',
    ].join('\n');
    const findings = lint({ kind: 'python', text: src }).findings;
    const lookup = findings.find((f) => f.message.includes('`Workspace.get_default_datastore()'));
    const owner = findings.find((f) => f.message.includes('`PipelineData()'));
    assert.ok(lookup?.fixes?.length && owner?.fixes?.length);
    assert.deepEqual(lookup.fixes[0].edits, owner.fixes[0].edits);
  });

  it('a notebook (04B): the workspace, the inline upload and the tabular dataset in separate cells', () => {
    const cells = [
      { kind: 'code', text: ['from azureml.core import Workspace', '', 'ws = Workspace.from_config()'].join('\n') },
      { kind: 'code', text: UPLOAD_V1.join('\n') },
      {
        kind: 'code',
        text: [
          'from azureml.core import Dataset',
          '',
          'default_ds = ws.get_default_datastore()',
          "tab_data_set = Dataset.Tabular.from_delimited_files(path=(default_ds, 'diabetes-data/*.csv'))",
          'tab_data_set.take(20).to_pandas_dataframe()',
        ].join('\n'),
      },
    ];
    const run = (cs: typeof cells): string[] =>
      (fixDocument({ kind: 'notebook', cells: cs } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> }).cells.map((c) => c.text);
    const out = run(cells);
    // mltable.from_delimited_files + take (https://learn.microsoft.com/python/api/mltable/mltable.mltable).
    assert.deepEqual(out, [
      [...CLIENT, 'import mltable', FS, ML, '', 'ws = ml_client'].join('\n'),
      UPLOAD_V2,
      [
        'default_ds = ws.datastores.get_default()',
        `tab_data_set = mltable.from_delimited_files(paths=[{"pattern": ${prefix('{default_ds.name}').slice(0, -1)}diabetes-data/*.csv"}])`,
        'tab_data_set.take(20).to_pandas_dataframe()',
      ].join('\n'),
    ]);
    assert.deepEqual(run(out.map((text) => ({ kind: 'code', text }))), out, 'a second run changes nothing');
  });
});
