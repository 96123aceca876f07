/**
 * Round 29 (deploy.ts, listing loops): `Environment.list(workspace=ws)` iterated only to print the
 * names (the DP-100 labs' "view registered environments"). v1 returns a dict name → Environment
 * (azureml-core environment.py `list`), so the loop sees names; v2 `ml_client.environments.list()`
 * lists the workspace's environment containers (azure-ai-ml `_environment_operations.py` `list`), each
 * with its `name`. The header is marked for review: the names shown may differ (v1 also listed the
 * curated `AzureML-*` environments, which ENV2 names in the `azureml` registry). Refused: the name used otherwise
 * (the curated listing's `startswith` / `envs[env]`), the dict read otherwise.
 */
import * as assert from 'node:assert/strict';
import { fixPython, parses, rewriteCases } from './helpers';

const HEAD = ['from azureml.core import Workspace, Environment', '', 'ws = Workspace.from_config()'];
const V2_HEAD = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential', 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())', ''];

describe('rewrites, round 29: Environment.list shown in a loop (AML104)', () => {
  rewriteCases([
    [
      'the list bound to a name, iterated once, names printed',
      [...HEAD, 'env_names = Environment.list(workspace=ws)', 'for env_name in env_names:', "    print('Name:', env_name)", ''].join('\n'),
      [...V2_HEAD, 'env_names = (e.name for e in ml_client.environments.list())', 'for env_name in env_names:  # amlint: review', "    print('Name:', env_name)", ''].join('\n'),
    ],
    [
      'the call iterated directly, the workspace positional',
      [...HEAD, 'for env in Environment.list(ws):', '    print("Name", env)', ''].join('\n'),
      [...V2_HEAD, 'for env in (e.name for e in ml_client.environments.list()):  # amlint: review', '    print("Name", env)', ''].join('\n'),
    ],
  ]);

  for (const [title, tail] of [
    // The curated listing: a filter on the name and the dict read by key (no v2 workspace equivalent).
    ['the curated listing (startswith, envs[env])', ['envs = Environment.list(workspace=ws)', 'for env in envs:', '    if env.startswith("AzureML"):', '        print("Name", env)', '        print(envs[env].python.conda_dependencies.serialize_to_string())']],
    ['the dict also measured', ['envs = Environment.list(workspace=ws)', 'for env in envs:', '    print(env)', 'print(len(envs))']],
    ['the name passed on', ['for env in Environment.list(workspace=ws):', '    names.append(env)']],
  ] as Array<[string, string[]]>) {
    it(`left v1: ${title}`, () => {
      const out = fixPython([...HEAD, 'names = []', ...tail, ''].join('\n'), true);
      assert.match(out, /Environment\.list\(/);
      assert.ok(parses(out));
    });
  }
});
