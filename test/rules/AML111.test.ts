import { ruleTester } from './tester';

ruleTester('AML111', {
  valid: ['from azure.ai.ml.sweep import Choice, Uniform, BanditPolicy\nspace = {"lr": Uniform(min_value=0.01, max_value=0.1)}'],
  invalid: [
    {
      code: 'from azureml.train.hyperdrive import RandomParameterSampling, BanditPolicy, HyperDriveConfig, PrimaryMetricGoal, choice, uniform\nsampling = RandomParameterSampling({"lr": uniform(0.01, 0.1), "bs": choice(16, 32)})\npolicy = BanditPolicy(slack_factor=0.1)\nhd = HyperDriveConfig(run_config=src, hyperparameter_sampling=sampling, policy=policy, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=8)',
      errors: [
        { line: 2, column: 12, endColumn: 35 },
        { line: 2, column: 43, endColumn: 50, message: 'Uniform' },
        { line: 2, column: 69, endColumn: 75 },
        { line: 3, column: 10 },
        { line: 4, column: 6, endColumn: 22, message: 'sweep' },
        { line: 4, column: 135, endColumn: 161 },
      ],
    },
    { name: 'deep submodule import', code: 'from azureml.train.hyperdrive.parameter_expressions import choice\nx = choice(1, 2)', errors: [{ line: 2, column: 5 }] },
    {
      // The goal is reported where it is written, not again where the name holding it is passed.
      name: 'a value kept in a name',
      code: 'from azureml.train.hyperdrive import PrimaryMetricGoal, HyperDriveConfig\ngoal = PrimaryMetricGoal.MINIMIZE\nhd = HyperDriveConfig(run_config=src, primary_metric_goal=goal)\nprint(goal)',
      errors: [{ line: 2, column: 8, endColumn: 34 }, { line: 3, column: 6, endColumn: 22 }],
    },
  ],
});
