/**
 * Round 29 (pipelines): an `EstimatorStep` whose plain `Estimator` names no environment at all (no
 * `environment_definition`, no packages). v1 ran it in the environment an Estimator builds by default: the default CPU
 * image and v1's default conda with azureml-defaults (EST, "Define the training environment":
 * https://learn.microsoft.com/azure/machine-learning/v1/how-to-migrate-from-estimators-to-scriptrunconfig), with the
 * step's compute (azureml-pipeline-steps EstimatorStep.__init__ drops the estimator's compute_target). The v2 node is a
 * `command(...)` of the estimator's script and folder in that environment, marked for review as for the packages case
 * (round 28). Refused: other environment options (use_gpu, custom_docker_image, environment_variables), a framework
 * estimator (SKLearn: its framework image and packages).
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
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline, PipelineData',
  'from azureml.pipeline.steps import EstimatorStep',
  'from azureml.train.estimator import Estimator',
  'from azureml.train.sklearn import SKLearn',
  '',
  'ws = Workspace.from_config()',
  'output = PipelineData("output", datastore=ws.get_default_datastore())',
  '',
];
const estimator = (options: string[], cls = 'Estimator'): string[] => [
  `est = ${cls}(source_directory="train_dir",`,
  '                compute_target="cpu-cluster",',
  `                entry_script="train.py"${options.length ? ',' : ')'}`,
  ...options.map((o, i) => `                ${o}${i === options.length - 1 ? ')' : ','}`),
  '',
];
const STEP = [
  'est_step = EstimatorStep(name="Train",',
  '                         estimator=est,',
  '                         estimator_entry_script_arguments=["--output", output],',
  '                         outputs=[output],',
  '                         compute_target="cpu-cluster")',
  '',
  'pipeline = Pipeline(workspace=ws, steps=[est_step])',
  'pipeline_run = Experiment(ws, "train-exp").submit(pipeline)',
  '',
];

describe('rewrites, round 29: EstimatorStep of an Estimator naming no environment', () => {
  rewriteCases([
    [
      'no environment option: a command node in v1\'s default environment (default image, azureml-defaults), to review',
      [...HEAD, ...estimator([]), ...STEP].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'output = Output(type="uri_folder")',
        '',
        'est_step = command(',
        '    display_name="Train",',
        '    code="train_dir",',
        '    command="python train.py --output ${{outputs.output}}",',
        '    outputs={"output": output},',
        '    compute="cpu-cluster",',
        '    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", {"pip": ["azureml-defaults"]}]}),  # amlint: review',
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    est_step_node = est_step()',
        '',
        'pipeline = pipeline_func()',
        'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="train-exp")',
        '',
      ].join('\n'),
    ],
  ]);

  for (const [title, src] of [
    ['a GPU estimator', [...HEAD, ...estimator(['use_gpu=True']), ...STEP]],
    ['a custom image', [...HEAD, ...estimator(['custom_docker_image="myrepo/image:1"']), ...STEP]],
    ['environment variables', [...HEAD, ...estimator(['environment_variables={"A": "1"}']), ...STEP]],
    ['a framework estimator (SKLearn)', [...HEAD, ...estimator([], 'SKLearn'), ...STEP]],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: src.join('\n') }, 'EstimatorStep()'));
  }
});
