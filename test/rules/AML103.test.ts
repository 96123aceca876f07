import { ruleTester } from './tester';

ruleTester('AML103', {
  valid: [
    'import mlflow\nmlflow.log_metric("accuracy", 0.9)',
    { name: 'mlflow run objects', code: 'import mlflow\nwith mlflow.start_run() as run:\n    run.log("x")' },
  ],
  invalid: [
    {
      code: 'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", 0.9)',
      errors: [{ line: 2, column: 7, endColumn: 22, message: 'mlflow' }, { line: 3, column: 1, endColumn: 8, message: 'log_metric' }],
    },
    {
      name: 'start_logging in a with block',
      code: 'from azureml.core import Experiment\nexp = Experiment(ws, "x")\nwith exp.start_logging() as run:\n    run.log_list("losses", losses)',
      errors: [{ line: 3, column: 6 }, { line: 4, column: 5 }],
    },
    {
      name: '%%writefile training script',
      cells: ['%%writefile train.py\nfrom azureml.core.run import Run\nrun = Run.get_context()\nrun.log_image("roc", plot=plt)\n'],
      errors: [{ cell: 1, line: 3, column: 7 }, { cell: 1, line: 4, column: 1 }],
    },
  ],
});
