import { ruleTester } from './tester';

ruleTester('AML208', {
  valid: ['from azure.ai.ml.entities import MonitorSchedule'],
  invalid: [
    {
      // azureml-datadrift: create_from_datasets returns the DataDriftDetector whose schedule is then enabled.
      name: 'the monitor a factory returns is tracked',
      code: 'from azureml.datadrift import DataDriftDetector\nmonitor = DataDriftDetector.create_from_datasets(ws, "m", baseline, target, compute_target="c")\nmonitor.enable_schedule()',
      errors: [{ line: 2, column: 11, message: 'DataDriftDetector.create_from_datasets()' }, { line: 3, column: 1, endColumn: 24, message: 'DataDriftDetector.enable_schedule()' }],
    },
    { code: 'from azureml.datadrift import DataDriftDetector\nmonitor = DataDriftDetector.create_from_datasets(ws, "drift", base, target)', errors: [{ line: 2, column: 11, message: ['2025-09-01', 'MonitorSchedule'] }] },
    {
      // Study notes (real shape): AlertConfiguration is used without being imported, so only the imported class is known.
      name: 'notes with an unimported AlertConfiguration',
      code: "from azureml.datadrift import DataDriftDetector\nmonitor = DataDriftDetector.create_from_datasets(workspace=ws, name='d', baseline_data_set=train_ds, target_data_set=new_ds)\nalert_email = AlertConfiguration('ds@contoso.com')\nmonitor = DataDriftDetector.create_from_datasets(ws, 'd', b, t, alert_configuration=alert_email)",
      errors: [{ line: 2, column: 11, endColumn: 49 }, { line: 4, column: 11, endColumn: 49 }],
    },
  ],
});
