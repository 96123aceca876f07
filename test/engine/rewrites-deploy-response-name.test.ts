/**
 * Round 28 (deployment): `svc.run(data)` in a module that binds `response` itself (a notebook that
 * then calls the scoring URI by hand: `response = urllib.request.urlopen(req)`). The v1 call is the
 * HTTP POST it made, with the endpoint key (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints:
 * `Authorization: Bearer <key>`), its response bound to a name the module binds nowhere
 * (`service_response`), so the inserted binding replaces no value the code reads.
 */
import * as assert from 'node:assert/strict';
import { fixPython, parses } from './helpers';

// DEP (migrate-to-v2-deploy-endpoints): endpoint, deployment "blue", all traffic to it; 1 core / 1 GB → Standard_DS1_v2 (ACI upgrade table).
const deployed = (svc: string, name: string, model: string, env: string, code: string, settings: string): string[] => [
  `${svc} = ManagedOnlineEndpoint(name=${name}, auth_mode="key")`,
  `ml_client.online_endpoints.begin_create_or_update(${svc}).result()`,
  `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=${svc}.name, model=${model}, environment=${env}, code_configuration=${code}, ${settings})).result()  # amlint: review`,
  `${svc}.traffic = {"blue": 100}`,
  `${svc} = ml_client.online_endpoints.begin_create_or_update(${svc}).result()`,
];

const V1 = [
  'import json',
  'import urllib.request',
  'from azureml.core import Workspace, Environment',
  'from azureml.core.model import Model, InferenceConfig',
  'from azureml.core.webservice import AciWebservice',
  '',
  'ws = Workspace.from_config()',
  'best_run = hd_run.get_best_run_by_primary_metric()',
  'model = best_run.register_model(model_name="hd-best", model_path="outputs/model.joblib")',
  'env = Environment.get(ws, "sklearn-env")',
  'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
  'aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)',
  'service = Model.deploy(ws, "hd-service", [model], inference_config, aci_config)',
  'service.wait_for_deployment(show_output=True)',
  'sample = json.dumps({"data": [[1, 2, 3]]})',
  'print(service.run(input_data=sample))',
  'req = urllib.request.Request(service.scoring_uri, str.encode(sample), {"Content-Type": "application/json", "Authorization": "Bearer " + key})',
  'response = urllib.request.urlopen(req)',
  'print(response.read())',
  '',
].join('\n');

describe('rewrites, round 28: a service called where the module binds `response`', () => {
  it('the POST made by run() binds service_response; the hand-made request stays as written, marked (its key is not the endpoint\'s)', () => {
    const out = fixPython(V1, true);
    const key = 'ml_client.online_endpoints.get_keys(name=service.name).primary_key';
    assert.equal(
      out,
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml.entities import CodeConfiguration',
        'import requests',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'import json',
        'import urllib.request',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'best_run = hd_run.get_best_run_by_primary_metric()',
        'model = best_run.register_model(model_name="hd-best", model_path="outputs/model.joblib")',
        'env = ml_client.environments.get(name="sklearn-env", label="latest")',
        'inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review',
        'aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review',
        ...deployed('service', '"hd-service"', 'f"azureml:{model.name}:{model.version}"', 'env', 'inference_config', '**aci_config'),
        '',
        'sample = json.dumps({"data": [[1, 2, 3]]})',
        `service_response = requests.post(service.scoring_uri, data=sample, headers={"Content-Type": "application/json", "Authorization": "Bearer " + ${key}})`,
        'service_response.raise_for_status()',
        'print(service_response.json())',
        // (Its key is not read from the service: the endpoint's keys are new ones, so the request is marked.)
        'req = urllib.request.Request(service.scoring_uri, str.encode(sample), {"Content-Type": "application/json", "Authorization": "Bearer " + key})  # amlint: review',
        'response = urllib.request.urlopen(req)',
        'print(response.read())',
        '',
      ].join('\n'),
    );
    assert.ok(parses(out));
    assert.equal(fixPython(out, true), out, 'a second run changes nothing');
  });
});
