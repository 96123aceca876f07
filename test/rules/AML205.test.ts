import { ruleTester } from './tester';

ruleTester('AML205', {
  valid: [
    'import mltable\ndf = mltable.load(path).to_pandas_dataframe()',
    {
      // The designer's "Execute Python Script" entry point: plain pandas, no designer package.
      name: 'Execute Python Script body',
      code: 'import pandas as pd\ndef azureml_main(dataframe1 = None, dataframe2 = None):\n    return dataframe1.dropna(),',
    },
  ],
  invalid: [
    {
      code: 'from azureml.studio.core.io.data_frame_directory import load_data_frame_from_directory\ndf = load_data_frame_from_directory(path).data',
      errors: [{ line: 2, column: 6, endColumn: 36, message: 'classic designer' }],
    },
    {
      // A custom designer module (real shape): the package logger is not a designer feature, the data frame IO is.
      name: 'custom module with the designer logger',
      code: [
        'from azureml.studio.core.logger import module_logger as logger',
        'from azureml.studio.core.io.data_frame_directory \\',
        '     import load_data_frame_from_directory, save_data_frame_to_directory',
        'def main(args):',
        "    logger.debug(f'input-dir {args.input_dir}')",
        '    input_df = load_data_frame_from_directory(args.input_dir).data',
        '    save_data_frame_to_directory(save_to=args.output_dir, data=input_df.corr())',
      ].join('\n'),
      errors: [
        { line: 6, column: 16, endColumn: 46, message: ['`load_data_frame_from_directory()` (`azureml.studio.core.io.data_frame_directory`)', 'classic designer'] },
        { line: 7, column: 5, endColumn: 33, message: '`save_data_frame_to_directory()`' },
      ],
    },
  ],
});
