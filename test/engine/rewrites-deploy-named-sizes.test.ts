/**
 * Round 32 (deploy.ts): `AciWebservice.deploy_configuration(cpu_cores=cores, memory_gb=memory)` whose
 * sizes are names bound once to number literals (`numberOfCores = 1`): read as those numbers to pick
 * the VM SKU of the ACI upgrade table
 * (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-managed-online-endpoints#resource-requirements),
 * as literals are. Refused: a name bound twice, or to a computed value (its number is not known).
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';

const v1 = (sizes: string[], cfg = 'cpu_cores=cores, memory_gb=memory'): string =>
  [
    'from azureml.core import Workspace, Model, Environment',
    'from azureml.core.webservice import AciWebservice',
    'from azureml.core.model import InferenceConfig',
    '',
    'ws = Workspace.from_config()',
    'model = Model(ws, "diabetes_model", version=1)',
    'env = Environment.get(ws, "AzureML-sklearn-1.0")',
    ...sizes,
    'ic = InferenceConfig(entry_script="score.py", source_directory=".", environment=env)',
    `cfg = AciWebservice.deploy_configuration(${cfg})`,
    'service = Model.deploy(ws, "diabetes-service", [model], ic, cfg)',
    'service.wait_for_deployment(True)',
    'print(service.scoring_uri)',
    '',
  ].join('\n');

describe('rewrites round 32: ACI sizes given through names (AML109)', () => {
  rewriteCases([
    [
      'cores and memory bound once to numbers: the SKU of 1 core, 1 GB',
      v1(['cores = 1', 'memory = 1']),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'model = ml_client.models.get(name="diabetes_model", version="1")',
        'env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")',
        'cores = 1',
        'memory = 1',
        'ic = CodeConfiguration(code=".", scoring_script="score.py")',
        `cfg = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}`,
        `service = ManagedOnlineEndpoint(name="diabetes-service", auth_mode="key")${REVIEW}`,
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=ic, **cfg)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        '',
        'print(service.scoring_uri)',
        '',
      ].join('\n'),
    ],
    [
      'a float memory size through a name, the core count written: 1 core, 3.5 GB',
      v1(['memory = 3.5'], 'cpu_cores=1, memory_gb=memory'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'model = ml_client.models.get(name="diabetes_model", version="1")',
        'env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")',
        'memory = 3.5',
        'ic = CodeConfiguration(code=".", scoring_script="score.py")',
        `cfg = {"instance_type": "Standard_DS2_v2", "instance_count": 1}${REVIEW}`,
        `service = ManagedOnlineEndpoint(name="diabetes-service", auth_mode="key")${REVIEW}`,
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=ic, **cfg)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        '',
        'print(service.scoring_uri)',
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, string]> = [
    ['a size name bound twice', v1(['cores = 1', 'memory = 1', 'if big:', '    cores = 4'])],
    ['a size computed at run time', v1(['import os', 'cores = int(os.environ["CORES"])', 'memory = 1'])],
    // (a function body touching no SDK is not walked by the semantic model: common.ts declaredGlobal)
    ['a size re-bound by a function declaring it global', v1(['cores = 1', 'memory = 1', 'def bump():', '    global cores', '    cores = 4', 'bump()'])],
  ];
  for (const [title, src] of refused) {
    it(`refused: ${title}`, () => {
      const deploy = lint({ kind: 'python', text: src }).findings.filter((f) => f.message.startsWith('`Model.deploy()`') || f.message.startsWith('`AciWebservice.deploy_configuration()`'));
      assert.equal(deploy.length, 2);
      for (const f of deploy) assert.ok(!f.fixes?.length, `no fix on ${f.message.split(' ')[0]}`);
      assert.ok(parses(fixPython(src, true)));
    });
  }
});
