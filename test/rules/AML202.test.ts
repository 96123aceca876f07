import { ruleTester, findingsFor } from './tester';
import * as assert from 'node:assert/strict';

const code = [
  'from azureml.pipeline.core import Pipeline, PipelineEndpoint, PublishedPipeline',
  'pipeline = Pipeline(workspace=ws, steps=[step])',
  'published = pipeline.publish(name="train")',
  'endpoint = PipelineEndpoint.publish(ws, name="train", pipeline=published, description="d")',
  'PublishedPipeline.get_all(ws)',
].join('\n');

ruleTester('AML202', {
  valid: ['from azureml.pipeline.core import Pipeline\npipeline = Pipeline(workspace=ws, steps=[step])'],
  invalid: [
    {
      code,
      errors: [
        { line: 3, column: 13, endColumn: 29, message: ['batch endpoint', 'PipelineComponentBatchDeployment'] },
        { line: 4, column: 12, endColumn: 36 },
        { line: 5, column: 1, endColumn: 26 },
      ],
    },
    {
      // DP-100 lab 08: the run of a submitted pipeline published (PipelineRun.publish_pipeline).
      code: [
        'from azureml.core import Experiment',
        'from azureml.pipeline.core import Pipeline',
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        'pipeline_run = Experiment(ws, "train").submit(pipeline)',
        'published_pipeline = pipeline_run.publish_pipeline(name="train", description="d", version="1.0")',
      ].join('\n'),
      errors: [{ line: 5, column: 22, endColumn: 51, message: ['batch endpoint'] }],
    },
    {
      // A builder function annotated `-> Pipeline` (the MLOpsPython batch-scoring builders).
      code: [
        'from azureml.pipeline.core import Pipeline',
        'def get_scoring_pipeline(ws, steps) -> Pipeline:',
        '    return Pipeline(workspace=ws, steps=steps)',
        'scoring_pipeline = get_scoring_pipeline(ws, steps)',
        'published = scoring_pipeline.publish(name="score")',
      ].join('\n'),
      errors: [{ line: 5, column: 13, endColumn: 37 }],
    },
  ],
});

describe('AML202 owns what AML110 would report', () => {
  it('pipeline.publish is not reported twice', () => {
    const aml110 = findingsFor('AML110', { code });
    assert.deepEqual(aml110.map((f) => f.range.start.line + 1), [2]);
  });

  it('publish_pipeline of a pipeline run is not also an AML102 finding', () => {
    const run = 'from azureml.core import Experiment\nrun = Experiment(ws, "e").submit(pipeline)\nrun.publish_pipeline(name="n", description="d", version="1")';
    assert.deepEqual(findingsFor('AML102', { code: run }).map((f) => f.range.start.line + 1), [2, 2]);
  });
});
