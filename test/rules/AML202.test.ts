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
  valid: [
    'from azureml.pipeline.core import Pipeline\npipeline = Pipeline(workspace=ws, steps=[step])',
    {
      // Vertex AI (real shape): another SDK's pipeline schedule and publish-like calls.
      name: 'another SDK: aiplatform PipelineJob.create_schedule',
      code: 'from google.cloud import aiplatform\njob = aiplatform.PipelineJob(display_name="run", template_path="p.json")\njob.create_schedule(display_name="weekly", cron="0 7 * * 6")',
    },
    {
      name: 'v2 batch endpoint invocation',
      code: 'from azure.ai.ml import MLClient\nml_client.batch_endpoints.invoke(endpoint_name="train", inputs={})',
    },
  ],
  invalid: [
    {
      // A str method right on a property (`ep.name.upper()`) is one reference in the model: the read is reported
      // on `ep.name`; a name holding the property (`url.split`) is not (its read is reported where it is bound).
      name: 'property reads with a str method chained on them; endpoints listed in a loop',
      code: [
        'from azureml.pipeline.core import PipelineEndpoint',
        'ep = PipelineEndpoint.get(workspace=ws, name="ep")',
        'name = ep.name.upper()',
        'url = ep.endpoint',
        'parts = url.split("/")',
        'for e in PipelineEndpoint.list(ws):',
        '    e.disable()',
      ].join('\n'),
      errors: [
        { line: 2, column: 6, message: 'PipelineEndpoint.get()' },
        { line: 3, column: 8, endColumn: 15, message: '`PipelineEndpoint.name`' },
        { line: 4, column: 7, endColumn: 18, message: '`PipelineEndpoint.endpoint`' },
        { line: 6, column: 10, message: 'PipelineEndpoint.list()' },
        { line: 7, column: 5, endColumn: 14, message: 'PipelineEndpoint.disable()' },
      ],
    },
    {
      // The DP-100 lab shape: publish from the pipeline run, then call the REST endpoint of what it returns
      // (PipelineRun.publish_pipeline ":rtype: azureml.pipeline.core.PublishedPipeline"; PipelineEndpoint.get_pipeline likewise).
      name: 'the published pipeline a run or an endpoint returns is tracked',
      code: [
        'from azureml.core import Experiment',
        'from azureml.pipeline.core import PipelineEndpoint',
        'run = Experiment(ws, "e").submit(pipeline)',
        'published = run.publish_pipeline(name="p", description="d", version="1.0")',
        'url = published.endpoint',
        'pp = PipelineEndpoint.get(workspace=ws, name="ep").get_pipeline()',
        'print(pp.id)',
      ].join('\n'),
      errors: [
        { line: 4, column: 13, endColumn: 33, message: 'Run.publish_pipeline()' },
        { line: 5, column: 7, endColumn: 25, message: 'PublishedPipeline.endpoint' },
        // A chain of the feature's calls is one finding, on the outer call (features.ts).
        { line: 6, column: 6, message: 'PipelineEndpoint.get_pipeline()' },
        { line: 7, column: 7, endColumn: 12, message: 'PublishedPipeline.id' },
      ],
    },
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
    {
      // A training script that triggers an endpoint from inside a run (real shape).
      name: 'PipelineEndpoint.get then submit',
      code: 'from azureml.pipeline.core import PipelineEndpoint\nfrom azureml.core import Run\nws = Run.get_context().experiment.workspace\npublished_pipeline = PipelineEndpoint.get(workspace=ws, name="aml-run-val")\npipeline_run = published_pipeline.submit("aml-run-val")',
      errors: [{ line: 4, column: 22, endColumn: 42 }, { line: 5, column: 16, endColumn: 41 }],
    },
    {
      // Versioned endpoint notebook (real shape): the REST URL is a str; its `split` is not a v1 API.
      name: 'str method on the endpoint URL property',
      code: [
        'from azureml.pipeline.core import PipelineEndpoint',
        'pipeline_endpoint_by_name = PipelineEndpoint.get(workspace=ws, name="NewName")',
        'rest_endpoint_id =  pipeline_endpoint_by_name.endpoint',
        'rest_endpoint_name = rest_endpoint_id.split("Id", 1)[0] + "Name?name=" + pipeline_endpoint_by_name.name',
      ].join('\n'),
      errors: [{ line: 2, column: 29, endColumn: 49 }, { line: 3, column: 21, endColumn: 55, message: 'PipelineEndpoint.endpoint' }, { line: 4, column: 74, endColumn: 104 }],
    },
    {
      name: 'a chained get().submit() is one finding',
      code: 'from azureml.pipeline.core import PipelineEndpoint\nrun = PipelineEndpoint.get(workspace=ws, name="e").submit("exp")',
      errors: [{ line: 2, column: 7, endColumn: 58, message: 'PipelineEndpoint.submit()' }],
    },
    {
      // MLOps build script (real shape): find the published pipeline of this build and submit it.
      name: 'PublishedPipeline.list in a loop',
      code: 'from azureml.pipeline.core import PublishedPipeline\nfrom azureml.core import Experiment\npipelines = PublishedPipeline.list(aml_workspace)\nmatched = [p for p in pipelines if p.name == name]\nrun = Experiment(aml_workspace, "e").submit(matched[0], pipeline_parameters={})',
      errors: [{ line: 3, column: 13, endColumn: 35 }],
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
