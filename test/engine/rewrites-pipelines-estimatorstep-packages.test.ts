/**
 * Round 28 (pipelines): an `EstimatorStep` whose plain `Estimator` names its own packages (`conda_packages=[...]`,
 * `pip_packages=[...]`; the MachineLearningNotebooks estimatorstep notebook and its forks) instead of
 * `environment_definition=rc.environment`. v1 ran the step in the environment the estimator built (the default CPU
 * image, v1's default conda with azureml-defaults and those packages: EST,
 * https://learn.microsoft.com/azure/machine-learning/v1/how-to-migrate-from-estimators-to-scriptrunconfig), with the
 * step's compute (azureml-pipeline-steps EstimatorStep.__init__ drops the estimator's compute_target), so the v2 node is
 * a `command(...)` of the estimator's script and folder with that environment (marked for review, as estimators.ts
 * writes it for a submitted Estimator). `runconfig_pipeline_params=None` is its default. Refused: other
 * runconfig_pipeline_params, other environment options (custom_docker_image, use_gpu), packages given by a variable.
 */
import * as assert from 'node:assert/strict';
import { lint, type DocumentInput } from '../../server/src/engine';
import { rewriteCases } from './helpers';

function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const HEAD = [
  'from azureml.core import Workspace, Experiment, Datastore',
  'from azureml.data.data_reference import DataReference',
  'from azureml.pipeline.core import Pipeline, PipelineData',
  'from azureml.pipeline.steps import EstimatorStep',
  'from azureml.train.estimator import Estimator',
  '',
  'ws = Workspace.from_config()',
  'blob_store = Datastore(ws, "workspaceblobstore")',
  'input_data = DataReference(datastore=blob_store, data_reference_name="input_data", path_on_datastore="news/news.pkl")',
  'output = PipelineData("output", datastore=blob_store)',
  '',
];
const estimator = (options: string[]): string[] => [
  'est = Estimator(source_directory="estimator_train",',
  '                compute_target="cpu-cluster",',
  '                entry_script="dummy_train.py",',
  ...options.map((o, i) => `                ${o}${i === options.length - 1 ? ')' : ','}`),
  '',
];
const step = (params = 'None'): string[] => [
  'est_step = EstimatorStep(name="Estimator_Train",',
  '                         estimator=est,',
  '                         estimator_entry_script_arguments=["--datadir", input_data, "--output", output],',
  `                         runconfig_pipeline_params=${params},`,
  '                         inputs=[input_data],',
  '                         outputs=[output],',
  '                         compute_target="cpu-cluster")',
  '',
  'pipeline = Pipeline(workspace=ws, steps=[est_step])',
  'pipeline_run = Experiment(ws, "Estimator_sample").submit(pipeline)',
  '',
];

const expected = (deps: string): string => [
  'from azure.ai.ml import Input',
  'import azure.ai.ml.entities',
  'from azure.ai.ml import command',
  'from azure.ai.ml import Output',
  'from azure.ai.ml import dsl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  '',
  // (the workspace and the datastore are rewritten on their own: the datastore lookup stays, now unread)
  'ws = ml_client',
  'blob_store = ws.datastores.get(name="workspaceblobstore")',
  'input_data = Input(type="uri_file", path="azureml://datastores/workspaceblobstore/paths/news/news.pkl")',
  'output = Output(type="uri_folder", path="azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/${{output_name}}")',
  '',
  'est_step = command(',
  '    display_name="Estimator_Train",',
  '    code="estimator_train",',
  '    command="python dummy_train.py --datadir ${{inputs.input_data}} --output ${{outputs.output}}",',
  '    inputs={"input_data": input_data},',
  '    outputs={"output": output},',
  '    compute="cpu-cluster",',
  `    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", ${deps}]}),  # amlint: review`,
  ')',
  '',
  '@dsl.pipeline()',
  'def pipeline_func():',
  '    est_step_node = est_step()',
  '',
  'pipeline = pipeline_func()',
  'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="Estimator_sample")',
  '',
].join('\n');

describe('rewrites, round 28: EstimatorStep of an Estimator with its own packages', () => {
  rewriteCases([
    [
      'conda_packages: a command node in the environment v1 built (default image, azureml-defaults, the packages)',
      [...HEAD, ...estimator(['conda_packages=["scikit-learn"]']), ...step()].join('\n'),
      expected('"scikit-learn", {"pip": ["azureml-defaults"]}'),
    ],
    [
      'conda_packages and pip_packages: the pip ones after azureml-defaults',
      [...HEAD, ...estimator(['conda_packages=["scikit-learn"]', 'pip_packages=["joblib==1.1.0"]']), ...step()].join('\n'),
      expected('"scikit-learn", {"pip": ["azureml-defaults", "joblib==1.1.0"]}'),
    ],
  ]);

  for (const [title, src] of [
    ['runconfig_pipeline_params given (a run setting as a pipeline parameter)', [...HEAD, ...estimator(['conda_packages=["scikit-learn"]']), ...step('{"NodeCount": 2}')]],
    ['a custom image', [...HEAD, ...estimator(['conda_packages=["scikit-learn"]', 'custom_docker_image="myrepo/image:1"']), ...step()]],
    ['a GPU estimator', [...HEAD, ...estimator(['conda_packages=["scikit-learn"]', 'use_gpu=True']), ...step()]],
    ['packages given by a variable', [...HEAD, 'packages = ["scikit-learn"]', ...estimator(['conda_packages=packages']), ...step()]],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: src.join('\n') }, 'EstimatorStep()'));
  }
});
