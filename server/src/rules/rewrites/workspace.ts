/**
 * Rewrites to SDK v2 of Workspace, compute, datastore and dataset APIs (AML101, AML105, AML106, AML107).
 * Each v2 shape is the one the migration guide documents (see the catalogue entry's URL).
 */
import { bindArgs, callArgs, stringValue } from '../fixes';
import { kwargs, mlClientFromWorkspaceArgs, workspaceProperty, workspaceVariableFree, type Rewrites } from './common';

export const WORKSPACE: Rewrites = {
  calls: {
    'azureml.core.Workspace.from_config': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['path'], ['path']);
      if (!args || !workspaceVariableFree(ctx, ref.call!)) return undefined;
      const client = fb.need('azure.ai.ml', 'MLClient');
      const cred = fb.need('azure.identity', 'DefaultAzureCredential');
      return `${client}.from_config(${kwargs([['credential', `${cred}()`], ['path', args.get('path')]])})`;
    },
    'azureml.core.Workspace.get': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['name', 'auth', 'subscription_id', 'resource_group'], ['name', 'subscription_id', 'resource_group']);
      return args && workspaceVariableFree(ctx, ref.call!) ? mlClientFromWorkspaceArgs(fb, args) : undefined;
    },
    'azureml.core.Workspace': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['subscription_id', 'resource_group', 'workspace_name'], ['subscription_id', 'resource_group', 'workspace_name']);
      return args && workspaceVariableFree(ctx, ref.call!) ? mlClientFromWorkspaceArgs(fb, args) : undefined;
    },
    'azureml.core.Workspace.get_default_datastore': (fb, ref) => (callArgs(ref.call!).positional.length || callArgs(ref.call!).keywords.size ? undefined : `${fb.mlClient()}.datastores.get_default()`),
    'azureml.core.Datastore.get_default': (fb, ref) => (bindArgs(ref.call!, ['workspace'], ['workspace']) ? `${fb.mlClient()}.datastores.get_default()` : undefined),
    'azureml.core.Datastore.get': (fb, ref) => {
      const args = bindArgs(ref.call!, ['workspace', 'datastore_name'], ['workspace', 'datastore_name']);
      const name = args?.get('datastore_name');
      return name && `${fb.mlClient()}.datastores.get(name=${name.text})`;
    },
    'azureml.core.compute.ComputeTarget': (fb, ref) => {
      const args = bindArgs(ref.call!, ['workspace', 'name'], ['workspace', 'name']);
      const name = args?.get('name');
      return name && `${fb.mlClient()}.compute.get(${name.text})`;
    },
    'azureml.core.Dataset.get_by_name': (fb, ref) => {
      const args = bindArgs(ref.call!, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
      const name = args?.get('name');
      if (!args || !name) return undefined;
      const version = args.get('version');
      const which = !version || stringValue(version) === 'latest' ? 'label="latest"' : `version=${version.text}`;
      return `${fb.mlClient()}.data.get(name=${name.text}, ${which})`;
    },
  },
  attributes: {
    'azureml.core.Workspace.name': workspaceProperty((ml) => `${ml}.workspace_name`),
    'azureml.core.Workspace.resource_group': workspaceProperty((ml) => `${ml}.resource_group_name`),
    'azureml.core.Workspace.subscription_id': workspaceProperty((ml) => `${ml}.subscription_id`),
    'azureml.core.Workspace.location': workspaceProperty((ml) => `${ml}.workspaces.get(${ml}.workspace_name).location`),
  },
};
