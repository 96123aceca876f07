/**
 * AML202 published-pipeline: published pipelines and pipeline endpoints (no full SDK v2 equivalent).
 */
import { featureRule } from './features';

export default featureRule({
  meta: {
    code: 'AML202',
    name: 'published-pipeline',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds SDK v1 published pipelines and pipeline endpoints: `pipeline.publish()`, `pipeline_run.publish_pipeline()` (a run of `experiment.submit(pipeline)`), `PublishedPipeline`, `PipelineEndpoint.publish/get/submit`.",
    why: "v2 has no published pipelines. A pipeline that was published to be triggered becomes a pipeline component deployed to a batch endpoint (`BatchEndpoint` + `PipelineComponentBatchDeployment`, invoked with `ml_client.batch_endpoints.invoke`), or a pipeline job run on a v2 schedule. The studio UI cannot list or access v1 published pipelines and pipeline endpoints.",
    v1Example: "published = pipeline.publish(name=\"train-pipeline\")\nendpoint = PipelineEndpoint.publish(ws, name=\"train\", pipeline=published, description=\"\")\nendpoint.submit(\"train-exp\")",
    v2Example: "from azure.ai.ml.entities import BatchEndpoint, PipelineComponentBatchDeployment\n\ncomponent = ml_client.components.create_or_update(my_pipeline().component)\nml_client.batch_endpoints.begin_create_or_update(BatchEndpoint(name=\"train\")).result()\ndeployment = PipelineComponentBatchDeployment(name=\"v1\", endpoint_name=\"train\", component=component)\nml_client.batch_deployments.begin_create_or_update(deployment).result()\nml_client.batch_endpoints.invoke(endpoint_name=\"train\", inputs={})",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-deploy-pipelines",
        "https://learn.microsoft.com/azure/machine-learning/how-to-schedule-pipeline-job"
    ]
    },
  },
  // `publish_pipeline` is a PipelineRun method (azureml-pipeline-core PipelineRun.publish_pipeline); value
  // tracking types the run of `experiment.submit(pipeline)` as a Run, so the Run member is the same call.
  symbols: ["azureml.pipeline.core.Pipeline.publish", "azureml.pipeline.core.PipelineRun.publish_pipeline", "azureml.core.Run.publish_pipeline", "azureml.pipeline.core.PublishedPipeline", "azureml.pipeline.core.PipelineEndpoint"],
  message: (shown) => `${shown} is SDK v1: published pipelines and pipeline endpoints are replaced in v2 by a pipeline component deployed to a batch endpoint (\`PipelineComponentBatchDeployment\`, invoked with \`ml_client.batch_endpoints.invoke\`), or by a v2 schedule of the pipeline job. The studio cannot list v1 published pipelines.`,
});
