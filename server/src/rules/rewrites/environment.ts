/**
 * Rewrites to SDK v2 of environments (AML104): `Environment.get`, and v1 environment objects
 * made by `Environment.from_conda_specification(...)` (ENV2: a v2 `Environment` entity).
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf } from '../../engine/semantic/model';
import { bindArgs, type FixBuilder } from '../fixes';
import type { RuleContext } from '../rule';
import { kwargs, variableFree, type Edits, type Rewrites } from './common';
import { passedToV1 } from './jobs';

/**
 * The edits that make the expression `env` (an argument of a job or deployment being rewritten)
 * a v2 `Environment`: [] when it already is one, undefined when it cannot be translated.
 * Consumers (a `ScriptRunConfig`, an `InferenceConfig`) put these edits in their own fix.
 */
export function environmentEdits(fb: FixBuilder, ctx: RuleContext, env: SyntaxNode): Edits | undefined {
  void fb;
  return sdkOf(ctx.model.evaluate(env)) === 'v1' ? undefined : [];
}

export const ENVIRONMENT: Rewrites = {
  calls: {
    'azureml.core.Environment.get': (fb, ref) => {
      const args = bindArgs(ref.call!, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
      const name = args?.get('name');
      if (!args || !name) return undefined;
      const version = args.get('version');
      return `${fb.mlClient()}.environments.get(name=${name.text}, ${version ? `version=${version.text}` : 'label="latest"'})`;
    },
    'azureml.core.Environment.from_conda_specification': (fb, ref, ctx) => {
      // ENV2: a v2 conda environment always needs a base image. The entity is reached through its
      // module so it cannot collide with the v1 `Environment` still imported here.
      const args = bindArgs(ref.call!, ['name', 'file_path'], ['name', 'file_path']);
      if (!args?.get('name') || !args.get('file_path')) return undefined;
      // Not while the object is still used as a v1 environment (`env.docker.enabled = True`,
      // `ScriptRunConfig(environment=env)`): those would get a v2 entity.
      if (!variableFree(ctx, ref.call!, ['name']) || passedToV1(ctx, ref.call!)) return undefined;
      const entities = fb.needModule('azure.ai.ml.entities');
      return `${entities}.Environment(${kwargs([['name', args.get('name')], ['conda_file', args.get('file_path')], ['image', '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"']])})`;
    },
  },
  attributes: {},
};
