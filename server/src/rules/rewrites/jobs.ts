/**
 * Rewrites to SDK v2 of Experiments, runs and logging, environments, ScriptRunConfig, AutoML, widgets and the SDK version (AML102–AML104, AML111–AML113).
 * Each v2 shape is the one the migration guide documents (see the catalogue entry's URL).
 */
import { bindArgs, callArgs, definingCall, stringValue } from '../fixes';
import { commandLine, kwargs, receiver, variableFree, type Rewrites } from './common';

export const JOBS: Rewrites = {
  calls: {
    'azureml.core.Run.get_status': (fb, ref) => {
      const run = receiver(ref);
      return run && !callArgs(ref.call!).positional.length && !callArgs(ref.call!).keywords.size ? `${fb.mlClient()}.jobs.get(${run.text}.name).status` : undefined;
    },
    'azureml.core.Environment.get': (fb, ref) => {
      const args = bindArgs(ref.call!, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
      const name = args?.get('name');
      if (!args || !name) return undefined;
      const version = args.get('version');
      return `${fb.mlClient()}.environments.get(name=${name.text}, ${version ? `version=${version.text}` : 'label="latest"'})`;
    },
    'azureml.core.Run.wait_for_completion': (fb, ref) => {
      const run = receiver(ref);
      return run && `${fb.mlClient()}.jobs.stream(${run.text}.name)`;
    },
    'azureml.widgets.RunDetails.show': (fb, ref) => {
      const widget = receiver(ref);
      const run = widget?.type === 'call' ? callArgs(widget).positional[0] : undefined;
      return run && callArgs(widget!).positional.length === 1 ? `${fb.mlClient()}.jobs.stream(${run.text}.name)` : undefined;
    },
    'azureml.core.Experiment.submit': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['config'], ['config']);
      const config = args?.get('config');
      const exp = receiver(ref);
      if (!config || !exp) return undefined;
      // The experiment's name, from `exp = Experiment(ws, "name")` or `Experiment(ws, "name").submit(...)`.
      const expCall = exp.type === 'call' ? exp : definingCall(ctx, exp);
      const expArgs = expCall && bindArgs(expCall, ['workspace', 'name'], ['workspace', 'name']);
      const name = expArgs?.get('name');
      return `${fb.mlClient()}.jobs.create_or_update(${config.text}${name ? `, experiment_name=${name.text}` : ''})`;
    },
    // Only once the run object has no v1 uses left (they are rewritten first, to mlflow calls).
    'azureml.core.Run.get_context': (fb, ref, ctx) => (callArgs(ref.call!).positional.length || callArgs(ref.call!).keywords.size || !variableFree(ctx, ref.call!, []) ? undefined : `${fb.needModule('mlflow')}.start_run()`),
    'azureml.core.Run.log': (fb, ref) => {
      const args = bindArgs(ref.call!, ['name', 'value', 'description'], ['name', 'value']);
      const name = args?.get('name');
      const value = args?.get('value');
      // Strings are artifacts in MLflow (log_text), not metrics: only numbers/bools become metrics.
      if (!name || !value || value.type === 'string' || value.type === 'concatenated_string') return undefined;
      return `${fb.needModule('mlflow')}.log_metric(${name.text}, ${value.text})`;
    },
    'azureml.core.Run.log_image': (fb, ref) => {
      const args = bindArgs(ref.call!, ['name', 'path', 'plot'], ['name', 'path']);
      const path = args?.get('path');
      return path && `${fb.needModule('mlflow')}.log_artifact(${path.text})`;
    },
    'azureml.core.ScriptRunConfig': (fb, ref) => {
      const args = bindArgs(ref.call!, ['source_directory', 'script', 'arguments'], ['source_directory', 'script', 'arguments', 'compute_target', 'environment']);
      const script = stringValue(args?.get('script'));
      if (!args || !script || /["'\\{}$]/.test(script)) return undefined;
      const parts = commandLine(script, args.get('arguments'));
      if (parts === undefined) return undefined;
      const command = fb.need('azure.ai.ml', 'command');
      return `${command}(${kwargs([['code', args.get('source_directory')], ['command', JSON.stringify(parts)], ['environment', args.get('environment')], ['compute', args.get('compute_target')]])})`;
    },
    'azureml.core.Environment.from_conda_specification': (fb, ref) => {
      // ENV2: a v2 conda environment always needs a base image. The entity is reached through its
      // module so it cannot collide with the v1 `Environment` still imported here.
      const args = bindArgs(ref.call!, ['name', 'file_path'], ['name', 'file_path']);
      if (!args?.get('name') || !args.get('file_path')) return undefined;
      const entities = fb.needModule('azure.ai.ml.entities');
      return `${entities}.Environment(${kwargs([['name', args.get('name')], ['conda_file', args.get('file_path')], ['image', '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"']])})`;
    },
    'azureml.train.automl.AutoMLConfig': (fb, ref) => {
      const accepted = ['task', 'training_data', 'validation_data', 'label_column_name', 'compute_target', 'primary_metric', 'n_cross_validations', 'experiment_name'];
      const args = bindArgs(ref.call!, [], accepted);
      const task = stringValue(args?.get('task'));
      if (!args || !task || !['classification', 'regression', 'forecasting'].includes(task)) return undefined;
      const automl = fb.need('azure.ai.ml', 'automl');
      return `${automl}.${task}(${kwargs([
        ['compute', args.get('compute_target')],
        ['experiment_name', args.get('experiment_name')],
        ['training_data', args.get('training_data')],
        ['validation_data', args.get('validation_data')],
        ['target_column_name', args.get('label_column_name')],
        ['primary_metric', args.get('primary_metric')],
        ['n_cross_validations', args.get('n_cross_validations')],
      ])})`;
    },
  },
  attributes: {
    'azureml.core.VERSION': (fb) => `${fb.needModule('importlib.metadata')}.version("azure-ai-ml")`,
  },
};
