import { ruleTester } from './tester';

ruleTester('AML208', {
  valid: ['from azure.ai.ml.entities import MonitorSchedule'],
  invalid: [
    { code: 'from azureml.datadrift import DataDriftDetector\nmonitor = DataDriftDetector.create_from_datasets(ws, "drift", base, target)', errors: [{ line: 2, column: 11, message: ['2025-09-01', 'MonitorSchedule'] }] },
  ],
});
