/**
 * Round 31 (pipelines): three shapes of community v1 pipelines that blocked the whole chain.
 *
 * - `run = pipeline.submit(experiment_name, ...)`: azureml-pipeline-core Pipeline.submit ("equivalent to using
 *   azureml.core.Experiment.submit") → `ml_client.jobs.create_or_update(<pipeline job>, experiment_name=...)` (PIPE:
 *   migrate-to-v2-execution-pipeline), `regenerate_outputs=True` → `@dsl.pipeline(force_rerun=True)`,
 *   `pipeline_parameters={...}` → the pipeline function called with them; the run's uses as jobs.ts rewrites a submitted
 *   pipeline run's (jobUseEdits): the `wait_for_completion()` statement and `RunDetails(run).show()` →
 *   `ml_client.jobs.stream(run.name)`, `run.id` → `run.name`, `run.get_portal_url()` → `run.studio_url`.
 * - `OutputFileDatasetConfig(...).as_upload([overwrite=b])` on a run's own folder (no destination, or one spelling
 *   `{run-id}`) → `Output(type="uri_folder", mode="upload")` (azure.ai.ml.Output: 'upload': "Upload the data from the
 *   compute target"; v1: "files written to the output directory will be uploaded at the end of the job").
 * - `PipelineData(name, datastore=, output_name=name, output_mode="upload"[, output_overwrite=b])` → the same output with
 *   `mode="upload"` (azureml-pipeline-core PipelineData: the producing step's "upload" or "mount" access; the folder is the
 *   run's own, so overwrite cannot matter).
 *
 * Refused: a submitted run read otherwise (`get_details()["runDefinition"]`), a submit under a handler of a v1 exception, a pipeline submitted both ways, a
 * flag given as a name, an upload to a fixed folder (overwrite would matter there) or with source_globs, a PipelineData
 * with output_path_on_compute or an output_name other than its name, a table given without an option.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

const IMAGE = 'environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';

function noFix(text: string, api: string): void {
  const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const HEAD = [
  'from azureml.core import Workspace',
  'from azureml.pipeline.core import Pipeline, PipelineData',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'prepped = PipelineData("prepped", datastore=ws.get_default_datastore())',
  'prep = PythonScriptStep(',
  '    name="prep",',
  '    script_name="prep.py",',
  '    arguments=["--out", prepped],',
  '    outputs=[prepped],',
  '    compute_target="cpu-cluster",',
  '    source_directory="src",',
  ')',
  'train = PythonScriptStep(',
  '    name="train",',
  '    script_name="train.py",',
  '    arguments=["--data", prepped],',
  '    inputs=[prepped],',
  '    compute_target="cpu-cluster",',
  '    source_directory="src",',
  ')',
  'pipeline = Pipeline(workspace=ws, steps=[prep, train])',
];

const V2_STEPS = [
  'prepped = Output(type="uri_folder")',
  'prep = command(',
  '    display_name="prep",',
  '    code="src",',
  '    command="python prep.py --out ${{outputs.prepped}}",',
  '    outputs={"prepped": prepped},',
  '    compute="cpu-cluster",',
  `    ${IMAGE}`,
  ')',
  'train = command(',
  '    display_name="train",',
  '    code="src",',
  '    command="python train.py --data ${{inputs.prepped}}",',
  '    inputs={"prepped": Input(type="uri_folder")},',
  '    compute="cpu-cluster",',
  `    ${IMAGE}`,
  ')',
];

const V2_IMPORTS = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'import azure.ai.ml.entities',
  'from azure.ai.ml import command',
  'from azure.ai.ml import Input',
  'from azure.ai.ml import Output',
  'from azure.ai.ml import dsl',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  '',
];

describe('rewrites, round 31 (pipelines): pipeline.submit(...) and OutputFileDatasetConfig.as_upload()', () => {
  rewriteCases([
    [
      'pipeline.submit(name, regenerate_outputs=True), waited for and its studio link printed',
      [
        ...HEAD,
        'pipeline_run = pipeline.submit("train-pipeline", regenerate_outputs=True)',
        'pipeline_run.wait_for_completion(show_output=True)',
        'print(pipeline_run.id, pipeline_run.get_portal_url())',
        '',
      ].join('\n'),
      [
        ...V2_IMPORTS,
        ...V2_STEPS,
        '',
        '@dsl.pipeline(force_rerun=True)',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    train_node = train(prepped=prep_node.outputs.prepped)',
        '',
        'pipeline = pipeline_func()',
        'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="train-pipeline")',
        'ml_client.jobs.stream(pipeline_run.name)',
        'print(pipeline_run.name, pipeline_run.studio_url)',
        '',
      ].join('\n'),
    ],
    [
      'pipeline.submit(experiment_name=, pipeline_parameters={...}) as a statement: the function called with the values',
      [
        'from azureml.core import Workspace',
        'from azureml.pipeline.core import Pipeline, PipelineParameter',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'epochs = PipelineParameter(name="epochs", default_value=10)',
        'step = PythonScriptStep(name="train", script_name="train.py", arguments=["--epochs", epochs], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        'pipeline.submit(experiment_name="training", pipeline_parameters={"epochs": 20})',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'epochs = 10',
        'step = command(',
        '    display_name="train",',
        '    code="src",',
        '    command="python train.py --epochs ${{inputs.epochs}}",',
        '    inputs={"epochs": epochs},',
        '    compute="cpu-cluster",',
        `    ${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func(epochs=epochs):',
        '    step_node = step(epochs=epochs)',
        '',
        'pipeline = pipeline_func()',
        'ml_client.jobs.create_or_update(pipeline_func(epochs=20), experiment_name="training")',
        '',
      ].join('\n'),
    ],
    [
      'OutputFileDatasetConfig(name=).as_upload(overwrite=True) between two steps: an upload-mode output',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.data import OutputFileDatasetConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'prepped = OutputFileDatasetConfig(name="prepped").as_upload(overwrite=True)',
        'prep = PythonScriptStep(name="prep", script_name="prep.py", arguments=["--out", prepped], compute_target="cpu-cluster", source_directory="src")',
        'train = PythonScriptStep(name="train", script_name="train.py", arguments=["--data", prepped.as_input()], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(ws, [prep, train])',
        'run = Experiment(ws, "exp").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'prepped = Output(type="uri_folder", mode="upload")',
        ...V2_STEPS.slice(1),
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    train_node = train(prepped=prep_node.outputs.prepped)',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
    [
      'PipelineData(output_name=<its name>, output_mode="upload", output_overwrite=True): an upload-mode output',
      [
        ...HEAD.slice(0, 5),
        'prepped = PipelineData("prepped", datastore=ws.get_default_datastore(), output_name="prepped", output_mode="upload", output_overwrite=True)',
        ...HEAD.slice(6),
        'pipeline_run = pipeline.submit("train-pipeline")',
        '',
      ].join('\n'),
      [
        ...V2_IMPORTS,
        'prepped = Output(type="uri_folder", mode="upload")',
        ...V2_STEPS.slice(1),
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    train_node = train(prepped=prep_node.outputs.prepped)',
        '',
        'pipeline = pipeline_func()',
        'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="train-pipeline")',
        '',
      ].join('\n'),
    ],
    [
      'as_upload() on a {run-id} destination, registered on completion: path, mode and the node output\'s name',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.data import OutputFileDatasetConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'out = OutputFileDatasetConfig(name="out", destination=(ws.get_default_datastore(), "prepped/{run-id}")).as_upload().register_on_complete(name="prepped")',
        'prep = PythonScriptStep(name="prep", script_name="prep.py", arguments=["--out", out], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(ws, [prep])',
        'run = Experiment(ws, "exp").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'out = Output(type="uri_folder", path="azureml://datastores/${{default_datastore}}/paths/prepped/${{name}}", mode="upload")',
        'prep = command(',
        '    display_name="prep",',
        '    code="src",',
        '    command="python prep.py --out ${{outputs.out}}",',
        '    outputs={"out": out},',
        '    compute="cpu-cluster",',
        `    ${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    prep_node.outputs.out.name = "prepped"',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
  ]);

  describe('refused', () => {
    it('a submitted run read otherwise (its details read by a key v2 holds no same field for: jobs.ts detailsReads)', () => {
      noFix([...HEAD, 'pipeline_run = pipeline.submit("exp")', 'details = pipeline_run.get_details()', 'print(details["runDefinition"])', ''].join('\n'), 'Pipeline.submit');
    });
    it('a submit under a handler of a v1 exception (no longer raised: jobs.ts underV1Handler)', () => {
      noFix([...HEAD, 'from azureml.exceptions import ActivityFailedException', 'try:', '    pipeline_run = pipeline.submit("exp")', 'except ActivityFailedException:', '    pass', ''].join('\n'), 'Pipeline.submit');
    });
    it('(offered: a submit under `except Exception`, which v2\'s exceptions reach too, as jobs.ts rewrites Experiment.submit)', () => {
      const text = [...HEAD, 'try:', '    pipeline_run = pipeline.submit("exp")', 'except Exception:', '    pass', ''].join('\n');
      const found = lint({ kind: 'python', text }).findings.filter((f) => f.message.includes('`Pipeline.submit'));
      assert.ok(found.length && found.every((f) => f.fixes?.length), 'Pipeline.submit fixed');
    });
    it('a pipeline submitted through an experiment and by itself', () => {
      noFix([...HEAD, 'from azureml.core import Experiment', 'run = Experiment(ws, "exp").submit(pipeline)', 'run2 = pipeline.submit("exp")', ''].join('\n'), 'Pipeline.submit');
    });
    it('regenerate_outputs given as a name (its value unknown here)', () => {
      noFix([...HEAD, 'rerun = True', 'pipeline.submit("exp", regenerate_outputs=rerun)', ''].join('\n'), 'Pipeline.submit');
    });
    const upload = (made: string): string =>
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.data import OutputFileDatasetConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        `out = ${made}`,
        'prep = PythonScriptStep(name="prep", script_name="prep.py", arguments=["--out", out], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(ws, [prep])',
        'run = Experiment(ws, "exp").submit(pipeline)',
        '',
      ].join('\n');
    it('an upload to a fixed folder (overwrite decides what happens to the files there)', () => {
      noFix(upload('OutputFileDatasetConfig(name="out", destination=(ws.get_default_datastore(), "prepped")).as_upload(overwrite=False)'), 'OutputFileDatasetConfig.as_upload');
    });
    const data = (made: string): string => [...HEAD.slice(0, 5), `prepped = ${made}`, ...HEAD.slice(6), 'pipeline_run = pipeline.submit("exp")', ''].join('\n');
    it('PipelineData uploaded from output_path_on_compute (the script writes where it is not told)', () => {
      noFix(data('PipelineData("prepped", datastore=ws.get_default_datastore(), output_mode="upload", output_path_on_compute="out/")'), 'PipelineData');
    });
    it('PipelineData whose output_name is not its name', () => {
      noFix(data('PipelineData("prepped", datastore=ws.get_default_datastore(), output_name="other")'), 'PipelineData');
    });
    it('a registered table given without an option (v1 passed the dataset\'s ID there)', () => {
      noFix(
        [
          'from azureml.core import Workspace, Experiment, Dataset',
          'from azureml.pipeline.core import Pipeline',
          'from azureml.pipeline.steps import PythonScriptStep',
          '',
          'ws = Workspace.from_config()',
          'table = Dataset.get_by_name(ws, "diabetes")',
          'prep = PythonScriptStep(name="prep", script_name="prep.py", arguments=[table.as_named_input("raw_data")], compute_target="cpu-cluster", source_directory="src")',
          'pipeline = Pipeline(ws, [prep])',
          'run = Experiment(ws, "exp").submit(pipeline)',
          '',
        ].join('\n'),
        'PythonScriptStep',
      );
    });
    it('an upload with source_globs (v2 uploads the whole folder)', () => {
      noFix(upload('OutputFileDatasetConfig(name="out").as_upload(source_globs=["*.csv"])'), 'OutputFileDatasetConfig.as_upload');
    });
  });
});
