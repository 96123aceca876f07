import { ruleTester } from './tester';

ruleTester('AML205', {
  valid: ['import mltable\ndf = mltable.load(path).to_pandas_dataframe()'],
  invalid: [
    {
      code: 'from azureml.studio.core.io.data_frame_directory import load_data_frame_from_directory\ndf = load_data_frame_from_directory(path).data',
      errors: [{ line: 2, column: 6, endColumn: 36, message: 'classic designer' }],
    },
  ],
});
