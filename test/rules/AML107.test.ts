import { ruleTester } from './tester';

ruleTester('AML107', {
  valid: [
    { name: 'mltable has to_pandas_dataframe too', code: 'import mltable\ntbl = mltable.load("./data")\ndf = tbl.to_pandas_dataframe()' },
    'from azure.ai.ml import Input\ninp = Input(type="uri_folder", path="azureml://datastores/blob/paths/data/")',
  ],
  invalid: [
    {
      // Session 14 v1b sample: the upload-and-register factories return datasets.
      name: 'Dataset.File.upload_directory / Dataset.Tabular.register_pandas_dataframe return datasets',
      code: 'from azureml.core import Dataset\nfiles = Dataset.File.upload_directory(src_dir="data", target=(store, "p"))\nfiles.register(ws, "images")\ntable = Dataset.Tabular.register_pandas_dataframe(df, (store, "p"), "t")\ntable.with_timestamp_columns("ts")\n',
      errors: [
        { line: 2, column: 9, endColumn: 38 },
        { line: 3, column: 1, endColumn: 15, message: 'FileDataset.register' },
        { line: 4, column: 9, endColumn: 50 },
        { line: 5, column: 1, endColumn: 29, message: 'TabularDataset.with_timestamp_columns' },
      ],
    },
    {
      code: 'from azureml.core import Dataset\nds = Dataset.Tabular.from_delimited_files(path=[(datastore, "train.csv")])\ndf = ds.to_pandas_dataframe()',
      errors: [{ line: 2, column: 6, endColumn: 42, message: 'MLTable' }, { line: 3, column: 6, endColumn: 28 }],
    },
    {
      name: 'items of v1 collections are v1 objects',
      code: 'from azureml.core import Workspace, Run\nws = Workspace.from_config()\ndf = ws.datasets["train"].to_pandas_dataframe()\nx = Run.get_context().input_datasets["x"].to_pandas_dataframe()',
      errors: [{ line: 3, column: 6, endColumn: 17 }, { line: 3, column: 6, endColumn: 46 }, { line: 4, column: 5, endColumn: 62 }],
    },
    {
      code: 'from azureml.core import Dataset\nds = Dataset.get_by_name(ws, name="train")',
      errors: [{ line: 2, column: 6, endColumn: 25 }],
    },
    {
      code: 'from azureml.data import OutputFileDatasetConfig\nout = OutputFileDatasetConfig(destination=(ds, "out"))',
      errors: [{ line: 2, column: 7 }],
    },
  ],
});
