/**
 * AML206 event-based-schedule: event-based (datastore-polling) schedules (no full SDK v2 equivalent).
 */
import type { CallRecord, Reference } from '../engine/semantic/model';
import { featureRule, callsTo, claimReferences } from './features';
import type { RuleContext } from './rule';

/**
 * The v1 Schedule factories that take `datastore=` (azureml-pipeline-core: `Schedule.create` for a published
 * pipeline, `Schedule.create_for_pipeline_endpoint` for a pipeline endpoint); a datastore makes the schedule
 * poll it for new or changed blobs instead of running on a recurrence.
 */
const EVENT_CAPABLE = new Set(['azureml.pipeline.core.Schedule.create', 'azureml.pipeline.core.Schedule.create_for_pipeline_endpoint']);

/**
 * The `datastore=` argument that makes a Schedule factory call event-based; `datastore=None` is the default
 * (a time-based schedule written out in full), not a trigger.
 */
function datastoreTrigger(args: CallRecord['args']): CallRecord['args'][number] | undefined {
  return args.find((a) => a.keyword === 'datastore' && a.node.type !== 'none');
}

// The call itself is reported here, not by AML110 (whose advice, a time-based JobSchedule, does not fit it).
claimReferences((ctx: RuleContext, ref: Reference) => {
  if (!ref.call || !EVENT_CAPABLE.has(ref.qname)) return false;
  const record = ctx.model.calls.find((c) => c.call === ref.call);
  return !!record && !!datastoreTrigger(record.args);
});

export default featureRule({
  meta: {
    code: 'AML206',
    name: 'event-based-schedule',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds SDK v1 `Schedule.create(..., datastore=...)` and `Schedule.create_for_pipeline_endpoint(..., datastore=...)`: schedules triggered by file changes on a datastore. Time-based schedules (`recurrence=ScheduleRecurrence(...)`, or `datastore=None`) are left to AML110.",
    why: "v2 schedules (`JobSchedule` with `RecurrenceTrigger` or `CronTrigger`) are time-based only: \"v2 schedules don't support event-based triggers\". The docs suggest an external orchestrator (Azure Data Factory, Microsoft Fabric) that calls a batch endpoint when data arrives.",
    v1Example: "from azureml.pipeline.core import Schedule\n\nSchedule.create(ws, name=\"on-new-data\", pipeline_id=published.id, experiment_name=\"score\",\n                datastore=blob, path_on_datastore=\"incoming/\", polling_interval=5)",
    v2Example: "# No event trigger in v2: have Azure Data Factory or Fabric call a batch endpoint when files arrive.\nml_client.batch_endpoints.invoke(endpoint_name=\"score\", inputs={...})",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Only a `datastore=` keyword argument is seen (not a datastore passed by position or in `**kwargs`). Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/how-to-schedule-pipeline-job",
        "https://learn.microsoft.com/azure/machine-learning/v1/how-to-trigger-published-pipeline"
    ]
    },
  },
  symbols: [],
  message: () => '',
  extra(ctx) {
    for (const call of callsTo(ctx, (q) => EVENT_CAPABLE.has(q))) {
      const trigger = datastoreTrigger(call.args);
      if (!trigger || call.callee?.kind !== 'ref') continue;
      const method = call.callee.qname.slice(call.callee.qname.lastIndexOf('.') + 1);
      ctx.report({
        node: trigger.node.parent ?? trigger.node,
        message: `\`Schedule.${method}(datastore=...)\` is an SDK v1 event-based (datastore-polling) schedule: v2 schedules do not support event-based triggers; have an external orchestrator (Azure Data Factory, Fabric) call a batch endpoint instead.`,
        symbol: call.callee.qname,
        deprecated: true,
      });
    }
  },
});
