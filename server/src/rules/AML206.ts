/**
 * AML206 event-based-schedule: event-based (datastore-polling) schedules (no full SDK v2 equivalent).
 */
import { featureRule, callsTo } from './features';

export default featureRule({
  meta: {
    code: 'AML206',
    name: 'event-based-schedule',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds SDK v1 `Schedule.create(..., datastore=...)`: schedules triggered by file changes on a datastore.",
    why: "v2 schedules (`JobSchedule` with `RecurrenceTrigger` or `CronTrigger`) are time-based only: \"v2 schedules don't support event-based triggers\". The docs suggest an external orchestrator (Azure Data Factory, Microsoft Fabric) that calls a batch endpoint when data arrives.",
    v1Example: "from azureml.pipeline.core import Schedule\n\nSchedule.create(ws, name=\"on-new-data\", pipeline_id=published.id, experiment_name=\"score\",\n                datastore=blob, path_on_datastore=\"incoming/\", polling_interval=5)",
    v2Example: "# No event trigger in v2: have Azure Data Factory or Fabric call a batch endpoint when files arrive.\nml_client.batch_endpoints.invoke(endpoint_name=\"score\", inputs={...})",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Objects are tracked through assignments in the same module (a notebook is one module); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/how-to-schedule-pipeline-job",
        "https://learn.microsoft.com/azure/machine-learning/v1/how-to-trigger-published-pipeline"
    ]
    },
  },
  symbols: [],
  message: () => '',
  extra(ctx) {
    for (const call of callsTo(ctx, (q) => q === 'azureml.pipeline.core.Schedule.create')) {
      const trigger = call.args.find((a) => a.keyword === 'datastore');
      if (!trigger) continue;
      ctx.report({
        node: trigger.node.parent ?? trigger.node,
        message: '`Schedule.create(datastore=...)` is an SDK v1 event-based (datastore-polling) schedule: v2 schedules do not support event-based triggers; have an external orchestrator (Azure Data Factory, Fabric) call a batch endpoint instead.',
        symbol: 'azureml.pipeline.core.Schedule.create',
        deprecated: true,
      });
    }
  },
});
