/**
 * Round 14 (pipes), pipelines.ts on the MLN intro-to-pipelines shapes (data-dependency steps):
 * - `DataReference(datastore=<named>, data_reference_name=n, path_on_datastore=p)` read by steps → a v2
 *   `Input(type=uri_file|uri_folder, path="azureml://datastores/<name>/paths/<p>")` their commands take as input n
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2);
 * - `(PipelineParameter(name, default_value=DataPath(...)), DataPathComputeBinding(mode="mount"))` in a step's
 *   arguments → an input of the @dsl.pipeline function, given the DataPath's input at the call (PIPE);
 * - `ws.get_default_compute_target("CPU")` as the steps' compute → "cpu-cluster" (azureml-core
 *   Workspace.DEFAULT_CPU_CLUSTER_NAME), its statement going with the pipeline.
 * Refused: a DataReference on the default datastore, with path_on_compute or another mode, a DataPath
 * parameter only declared in `inputs=` (the script reads it through the run).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';
const V1_HEAD = [
  'from azureml.core import Workspace, Experiment, Datastore',
  'from azureml.data.data_reference import DataReference',
  'from azureml.data.datapath import DataPath, DataPathComputeBinding',
  'from azureml.pipeline.core import Pipeline, PipelineData, PipelineParameter',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'blob = Datastore(ws, "workspaceblobstore")',
];

describe('rewrites round 14 (pipes): DataReference, DataPath parameters and the default compute in pipelines', () => {
  rewriteCases([
    [
      'a DataReference folder, PipelineData between steps, a DataPath parameter, the default CPU compute',
      [
        ...V1_HEAD,
        'aml_compute = ws.get_default_compute_target("CPU")',
        'raw = DataReference(datastore=blob, data_reference_name="raw_data", path_on_datastore="news/raw/")',
        'prepped = PipelineData("prepped", datastore=blob)',
        'prep = PythonScriptStep(script_name="prep.py", arguments=["--input", raw, "--output", prepped], inputs=[raw], outputs=[prepped], compute_target=aml_compute, source_directory=".")',
        'datapath = DataPath(datastore=blob, path_on_datastore="news/extra.csv")',
        'datapath_param = PipelineParameter(name="extra", default_value=datapath)',
        'extra_input = (datapath_param, DataPathComputeBinding(mode="mount"))',
        'train = PythonScriptStep(script_name="train.py", arguments=["--data", prepped, "--extra", extra_input], inputs=[prepped, extra_input], compute_target=aml_compute, source_directory=".")',
        'pipeline = Pipeline(workspace=ws, steps=[train])',
        'run = Experiment(ws, "news").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import Input',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'ws = ml_client',
        'blob = ws.datastores.get(name="workspaceblobstore")',
        'raw = Input(type="uri_folder", path="azureml://datastores/workspaceblobstore/paths/news/raw/")',
        'prepped = Output(type="uri_folder", path="azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/${{output_name}}")',
        'prep = command(',
        '    code=".",',
        '    command="python prep.py --input ${{inputs.raw_data}} --output ${{outputs.prepped}}",',
        '    inputs={"raw_data": raw},',
        '    outputs={"prepped": prepped},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        'datapath = Input(type="uri_file", path="azureml://datastores/workspaceblobstore/paths/news/extra.csv")',
        'datapath_param = datapath',
        'train = command(',
        '    code=".",',
        '    command="python train.py --data ${{inputs.prepped}} --extra ${{inputs.extra}}",',
        '    inputs={"prepped": Input(type="uri_folder"), "extra": Input(type="uri_file")},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func(extra):',
        '    prep_node = prep()',
        '    train_node = train(prepped=prep_node.outputs.prepped, extra=extra)',
        '',
        'pipeline = pipeline_func(extra=datapath_param)',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="news")',
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, string]> = [
    ['a DataReference on the default datastore (no v2 URI names it)', 'raw = DataReference(datastore=ws.get_default_datastore(), data_reference_name="raw_data", path_on_datastore="news/raw/")'],
    ['a DataReference with path_on_compute', 'raw = DataReference(datastore=blob, data_reference_name="raw_data", path_on_datastore="news/raw/", path_on_compute="/tmp/raw")'],
    ['a DataReference downloaded', 'raw = DataReference(datastore=blob, data_reference_name="raw_data", path_on_datastore="news/raw/", mode="download")'],
  ];
  for (const [title, line] of refused) {
    it(`refused: ${title}`, () => {
      const src = [
        ...V1_HEAD,
        line,
        'step = PythonScriptStep(script_name="prep.py", arguments=["--input", raw], inputs=[raw], compute_target="cpu", source_directory=".")',
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        'pipeline.validate()',
        '',
      ].join('\n');
      const out = fixPython(src, true);
      assert.match(out, /PythonScriptStep\(/);
      assert.match(out, /DataReference\(/);
      assert.ok(parses(out));
    });
  }

  it('refused: a DataPath parameter only declared in inputs= (the script reads it through the run)', () => {
    const src = [
      ...V1_HEAD,
      'datapath = DataPath(datastore=blob, path_on_datastore="news/extra.csv")',
      'datapath_param = PipelineParameter(name="extra", default_value=datapath)',
      'extra_input = (datapath_param, DataPathComputeBinding(mode="mount"))',
      'step = PythonScriptStep(script_name="train.py", inputs=[extra_input], compute_target="cpu", source_directory=".")',
      'pipeline = Pipeline(workspace=ws, steps=[step])',
      'pipeline.validate()',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.match(out, /PythonScriptStep\(/);
    assert.match(out, /DataPathComputeBinding\(/);
  });

  it('a notebook: the MLN data-dependency shape, a DataReference file, PipelineData, the default compute in its own cell', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment, Datastore\nfrom azureml.data.data_reference import DataReference\nfrom azureml.pipeline.core import Pipeline, PipelineData\nfrom azureml.pipeline.steps import PythonScriptStep' },
      { kind: 'code', text: 'ws = Workspace.from_config()\ndef_blob_store = Datastore(ws, "workspaceblobstore")' },
      { kind: 'code', text: 'aml_compute = ws.get_default_compute_target("CPU")\n' },
      { kind: 'code', text: 'blob_input_data = DataReference(\n    datastore=def_blob_store,\n    data_reference_name="test_data",\n    path_on_datastore="20newsgroups/20news.pkl")\nprint("DataReference object created")' },
      { kind: 'code', text: 'processed_data1 = PipelineData("processed_data1", datastore=def_blob_store)' },
      { kind: 'code', text: 'trainStep = PythonScriptStep(\n    script_name="train.py",\n    arguments=["--input_data", blob_input_data, "--output_train", processed_data1],\n    inputs=[blob_input_data],\n    outputs=[processed_data1],\n    compute_target=aml_compute,\n    source_directory=".")' },
      { kind: 'code', text: 'pipeline1 = Pipeline(workspace=ws, steps=[trainStep])' },
      { kind: 'code', text: "pipeline_run1 = Experiment(ws, 'Data_dependency').submit(pipeline1)" },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const texts = out.cells.map((c) => c.text);
    assert.deepEqual(texts.slice(2), [
      '',
      'blob_input_data = Input(type="uri_file", path="azureml://datastores/workspaceblobstore/paths/20newsgroups/20news.pkl")\nprint("DataReference object created")',
      'processed_data1 = Output(type="uri_folder", path="azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/${{output_name}}")',
      [
        'trainStep = command(',
        '    code=".",',
        '    command="python train.py --input_data ${{inputs.test_data}} --output_train ${{outputs.processed_data1}}",',
        '    inputs={"test_data": blob_input_data},',
        '    outputs={"processed_data1": processed_data1},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
      ].join('\n'),
      '@dsl.pipeline()\ndef pipeline1_func():\n    trainStep_node = trainStep()\n\npipeline1 = pipeline1_func()',
      "pipeline_run1 = ml_client.jobs.create_or_update(pipeline1, experiment_name='Data_dependency')",
    ]);
    for (const t of texts) assert.ok(parses(t), t);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, out.cells);
  });
});
