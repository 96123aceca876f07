import { ruleTester } from './tester';

ruleTester('AML108', {
  valid: ['from azure.ai.ml.entities import Model\nml_client.models.create_or_update(Model(name="m", path="model.pkl"))'],
  invalid: [
    {
      code: 'from azureml.core.model import Model\nmodel = Model.register(ws, model_name="m", model_path="outputs/model.pkl")\nmodel.download(target_dir=".")',
      errors: [{ line: 2, column: 9, endColumn: 23, message: 'models.create_or_update' }, { line: 3, column: 1, endColumn: 15 }],
    },
    { name: 'run.register_model on a submitted run', code: 'from azureml.core import Experiment\nrun = Experiment(ws, "x").submit(src)\nrun.register_model(model_name="m", model_path="outputs")', errors: [{ line: 3, column: 1 }] },
  ],
});
