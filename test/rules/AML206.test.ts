import { ruleTester } from './tester';

ruleTester('AML206', {
  valid: [
    'from azureml.pipeline.core import Schedule, ScheduleRecurrence\nSchedule.create(ws, name="daily", pipeline_id=pid, experiment_name="e", recurrence=ScheduleRecurrence(frequency="Day", interval=1))',
    {
      name: 'datastore=None written out on a time-based schedule',
      code: 'from azureml.pipeline.core import Schedule\nSchedule.create(ws, name="d", pipeline_id=pid, experiment_name="e", recurrence=rec, datastore=None)',
    },
    {
      name: 'the schedule library and a v2 JobSchedule',
      code: 'import schedule\nschedule.every().day.do(job)\nfrom azure.ai.ml.entities import JobSchedule, CronTrigger\nml_client.schedules.begin_create_or_update(JobSchedule(name="s", trigger=CronTrigger(expression="0 6 * * *"), create_job=job))',
    },
  ],
  invalid: [
    {
      code: 'from azureml.pipeline.core.schedule import Schedule\nSchedule.create(ws, name="on-data", pipeline_id=pid, experiment_name="e",\n                datastore=blob, path_on_datastore="in/", polling_interval=5)',
      errors: [{ line: 3, column: 17, endColumn: 31, message: 'event-based' }],
    },
    {
      // azureml-pipeline-core: create_for_pipeline_endpoint(..., datastore=None, polling_interval=5, ...) polls a datastore too.
      name: 'a datastore-triggered schedule of a pipeline endpoint',
      code: 'from azureml.pipeline.core import Schedule\nSchedule.create_for_pipeline_endpoint(ws, name="s", pipeline_endpoint_id=eid, experiment_name="e", datastore=ds, polling_interval=5)',
      errors: [{ line: 2, column: 100, endColumn: 112, message: ['Schedule.create_for_pipeline_endpoint(datastore=...)', 'event-based'] }],
    },
    {
      // A wrapper class (real shape): one branch polls a blob datastore, the other runs on a recurrence.
      name: 'wrapper with a blob-change branch and a recurrence branch',
      code: [
        'from azureml.core import Datastore',
        'from azureml.pipeline.core import Schedule, ScheduleRecurrence',
        'class Wrapper:',
        '    def register(self, name, schedule, interval, datastore_name):',
        '        if schedule == "On_blob_change":',
        '            datastore = Datastore.get(workspace=self.ws, name=datastore_name)',
        '            schedule = Schedule.create(self.ws, name=f"{name}Schedule", pipeline_id=self.pipeline.id,',
        '                                       experiment_name=self.experiment.name, datastore=datastore)',
        '        else:',
        '            recurrence = ScheduleRecurrence(frequency=schedule, interval=interval)',
        '            schedule = Schedule.create(self.ws, name=f"{name}Schedule", pipeline_id=self.pipeline.id,',
        '                                       experiment_name=self.experiment.name, recurrence=recurrence)',
      ].join('\n'),
      errors: [{ line: 8, column: 78, endColumn: 97 }],
    },
    {
      // A script whose indentation does not parse (real shape): the call is still found.
      name: 'badly indented script',
      code: [
        'from azureml.pipeline.core import Schedule',
        'from azureml.core.datastore import Datastore',
        '',
        '   datastore = Datastore(workspace="Playground", name="workspaceblobstore")',
        '',
        '   schedule = Schedule.create(workspace, name="TestSchedule", pipeline_id="id"',
        '                              experiment_name="working version", datastore=datastore,',
        '                              polling_interval=25, path_on_datastore="file/path")',
      ].join('\n'),
      errors: [{ line: 7, column: 66, endColumn: 85 }],
    },
  ],
});
