import { ruleTester } from './tester';

ruleTester('AML112', {
  valid: ['from azure.ai.ml import automl\njob = automl.classification(compute="cpu", target_column_name="y", training_data=data)'],
  invalid: [
    {
      code: 'from azureml.train.automl import AutoMLConfig\nconfig = AutoMLConfig(task="classification", training_data=ds, label_column_name="y", compute_target=cluster)',
      errors: [{ line: 2, column: 10, endColumn: 22, message: 'automl' }],
    },
    {
      name: 'AutoMLConfig through its defining module',
      code: 'from azureml.train.automl.automlconfig import AutoMLConfig\nAutoMLConfig(task="regression")',
      errors: [{ line: 2, column: 1 }],
    },
  ],
});
