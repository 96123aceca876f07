import { ruleTester } from './tester';

ruleTester('AML206', {
  valid: [
    'from azureml.pipeline.core import Schedule, ScheduleRecurrence\nSchedule.create(ws, name="daily", pipeline_id=pid, experiment_name="e", recurrence=ScheduleRecurrence(frequency="Day", interval=1))',
  ],
  invalid: [
    {
      code: 'from azureml.pipeline.core.schedule import Schedule\nSchedule.create(ws, name="on-data", pipeline_id=pid, experiment_name="e",\n                datastore=blob, path_on_datastore="in/", polling_interval=5)',
      errors: [{ line: 3, column: 17, endColumn: 31, message: 'event-based' }],
    },
  ],
});
