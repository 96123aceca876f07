/**
 * Rewrites to SDK v2 of Models, deployment (web services) and pipeline steps (AML108–AML110).
 * Each v2 shape is the one the migration guide documents (see the catalogue entry's URL).
 */
import { bindArgs, callArgs, stringValue } from '../fixes';
import { commandLine, kwargs, receiver, type Rewrites } from './common';

export const DEPLOY: Rewrites = {
  calls: {
    'azureml.core.webservice.Webservice.delete': (fb, ref) => {
      const svc = receiver(ref);
      return svc && !callArgs(ref.call!).positional.length && !callArgs(ref.call!).keywords.size ? `${fb.mlClient()}.online_endpoints.begin_delete(name=${svc.text}.name)` : undefined;
    },
    'azureml.pipeline.steps.PythonScriptStep': (fb, ref) => {
      // A step that only runs a script on a compute becomes a command node (PIPE: PythonScriptStep →
      // command); steps with inputs/outputs or run configurations are left to the user.
      const args = bindArgs(ref.call!, ['script_name', 'name', 'arguments', 'compute_target'], ['script_name', 'name', 'arguments', 'compute_target', 'source_directory']);
      const script = stringValue(args?.get('script_name'));
      const parts = args && script ? commandLine(script, args.get('arguments')) : undefined;
      if (!args || !parts) return undefined;
      const command = fb.need('azure.ai.ml', 'command');
      return `${command}(${kwargs([['display_name', args.get('name')], ['code', args.get('source_directory')], ['command', JSON.stringify(parts)], ['compute', args.get('compute_target')]])})`;
    },
    'azureml.core.Model.register': (fb, ref) => {
      // MODEL: Model.register(ws, model_name, model_path) → models.create_or_update(Model(...)).
      const args = bindArgs(ref.call!, ['workspace', 'model_path', 'model_name'], ['workspace', 'model_path', 'model_name', 'description']);
      if (!args?.get('model_name') || !args.get('model_path')) return undefined;
      const ml = fb.mlClient();
      const entities = fb.needModule('azure.ai.ml.entities');
      const constants = fb.needModule('azure.ai.ml.constants');
      return `${ml}.models.create_or_update(${entities}.Model(${kwargs([['name', args.get('model_name')], ['path', args.get('model_path')], ['description', args.get('description')], ['type', `${constants}.AssetTypes.CUSTOM_MODEL`]])}))`;
    },
  },
  attributes: {

  },
};
