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
  ],
});

describe('AML202 owns what AML110 would report', () => {
  it('pipeline.publish is not reported twice', () => {
    const aml110 = findingsFor('AML110', { code });
    assert.deepEqual(aml110.map((f) => f.range.start.line + 1), [2]);
  });
});
