/**
 * Round 30 (pipelines): `ParallelRunConfig(error_threshold=-1, ...)`, "ignore all failures" (a common batch-scoring
 * setting). v1 and v2 give error_threshold the same words: "The range is [-1, int.max]. -1 indicates ignore all failures
 * during processing" (azureml-pipeline-steps ParallelRunConfig; azure-ai-ml entities/_builders/parallel_func.py
 * parallel_run_function), so the literal is kept. Refused: another negative value or a negated name (not that setting).
 */
import * as assert from 'node:assert/strict';
import { fixPython, parses, rewriteCases } from './helpers';

const V1 = (threshold: string): string => [
  'from azureml.core import Workspace, Experiment, Environment, Datastore, Dataset',
  'from azureml.pipeline.core import Pipeline, PipelineData',
  'from azureml.pipeline.steps import ParallelRunConfig, ParallelRunStep',
  '',
  'ws = Workspace.from_config()',
  'store = Datastore.get(ws, "scoring")',
  'files = Dataset.File.from_files(path=(store, "batch/"))',
  'env = Environment.get(ws, "score-env")',
  'results = PipelineData(name="results", datastore=store)',
  '',
  'prs_config = ParallelRunConfig(',
  '    source_directory="src",',
  '    entry_script="score.py",',
  '    mini_batch_size="10",',
  `    error_threshold=${threshold},`,
  '    output_action="append_row",',
  '    environment=env,',
  '    compute_target="cpu-cluster",',
  '    node_count=1,',
  ')',
  '',
  'score_step = ParallelRunStep(',
  '    name="score",',
  '    parallel_run_config=prs_config,',
  '    inputs=[files.as_named_input("batch")],',
  '    output=results,',
  ')',
  '',
  'pipeline = Pipeline(workspace=ws, steps=[score_step])',
  'run = Experiment(ws, "scoring").submit(pipeline)',
  '',
].join('\n');

describe('rewrites, round 30: ParallelRunConfig error_threshold=-1', () => {
  rewriteCases([
    [
      'error_threshold=-1 (ignore all failures) kept on parallel_run_function',
      V1('-1'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import Input',
        'from azure.ai.ml.parallel import RunFunction',
        'from azure.ai.ml.parallel import parallel_run_function',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'ws = ml_client',
        'store = ws.datastores.get(name="scoring")',
        'env = ml_client.environments.get(name="score-env", label="latest")',
        'results = Output(type="uri_folder", path="azureml://datastores/scoring/paths/azureml/${{name}}/${{output_name}}")',
        '',
        'score_step = parallel_run_function(',
        '    display_name="score",',
        '    inputs={"batch": Input(type="uri_folder", path="azureml://datastores/scoring/paths/batch/")},',
        '    outputs={"results": results},',
        '    input_data="${{inputs.batch}}",',
        '    mini_batch_size="10",',
        '    error_threshold=-1,',
        '    instance_count=1,',
        '    compute="cpu-cluster",',
        '    task=RunFunction(',
        '        code="src",',
        '        entry_script="score.py",',
        '        environment=env,',
        '        append_row_to="${{outputs.results}}",',
        '    ),',
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    score_step_node = score_step()',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="scoring")',
        '',
      ].join('\n'),
    ],
  ]);

  for (const [title, value] of [
    ['another negative value (outside the documented range)', '-2'],
    ['a negated name', '-limit'],
  ] as const) {
    it(`refused: ${title}`, () => {
      const out = fixPython(V1(value), true);
      assert.match(out, /ParallelRunStep\(/);
      assert.doesNotMatch(out, /parallel_run_function/);
      assert.ok(parses(out));
    });
  }
});
