/**
 * Rewrites to SDK v2 of pipelines (AML110): steps become command nodes (PIPE).
 */
import type { SyntaxNode } from '../../engine/syntax';
import { bindArgs, stringValue } from '../fixes';
import type { RuleContext } from '../rule';
import { commandLine, kwargs, variableFree, type Rewrites } from './common';

/**
 * The compute of a v2 command is a name: a string literal stays; a v1 (or v2) compute object
 * gives its `.name`; anything else (a variable that may hold either) is not translated.
 */
function computeName(ctx: RuleContext, node: SyntaxNode | undefined): string | null | undefined {
  if (!node) return undefined;
  if (node.type === 'string' && stringValue(node) !== undefined) return node.text;
  const v = ctx.model.evaluate(node);
  if (v?.kind === 'instance' && /^azureml\.core\.compute\.|^azure\.ai\.ml\.entities\..*Compute/.test(v.type)) return `${node.text}.name`;
  return null;
}

export const PIPELINES: Rewrites = {
  calls: {
    'azureml.pipeline.steps.PythonScriptStep': (fb, ref, ctx) => {
      // A step that only runs a script on a compute becomes a command node (PIPE: PythonScriptStep →
      // command); steps with inputs/outputs or run configurations are left to the user. v1
      // allow_reuse is v2 is_deterministic (both: reuse a previous run with the same inputs;
      // https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml#azure-ai-ml-command).
      const accepted = ['script_name', 'name', 'arguments', 'compute_target', 'source_directory', 'allow_reuse'];
      const args = bindArgs(ref.call!, ['script_name', 'name', 'arguments', 'compute_target'], accepted);
      const script = stringValue(args?.get('script_name'));
      const parts = args && script ? commandLine(script, args.get('arguments')) : undefined;
      const compute = args && computeName(ctx, args.get('compute_target'));
      // The step must not be used as a v1 step afterwards (`step.run_after(...)`).
      if (!args || !parts || compute === null || !variableFree(ctx, ref.call!, [])) return undefined;
      const command = fb.need('azure.ai.ml', 'command');
      return `${command}(${kwargs([
        ['display_name', args.get('name')],
        ['code', args.get('source_directory')],
        ['command', JSON.stringify(parts)],
        ['compute', compute],
        ['is_deterministic', args.get('allow_reuse')],
      ])})`;
    },
  },
  attributes: {},
};
