/**
 * Round 18 (deployment, environments):
 * - `AciWebservice.deploy_configuration(description=model.description, tags=model.tags, ...)` in a
 *   variable: the model's reads kept as written, the settings moved to the endpoint when they mean the
 *   same at the deployment (ManagedOnlineEndpoint(description=, tags=, properties=),
 *   https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.managedonlineendpoint);
 *   a value computed by a call stays in the deployment's dict, where v1 evaluated it;
 * - `if service:` guarding `service.delete()` in the try of a service lookup (a v1 Webservice and a v2
 *   OnlineEndpoint are both always true);
 * - `env = ws.environments[name]` given to an inference config or a run → `environments.get(name=,
 *   label="latest")` (v1's dict holds each environment's latest version).
 * Refused: `dns_name_label=` and `location=` (a managed endpoint has no DNS label and takes the
 * workspace's region).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';

const HEAD_V2 = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];

describe('rewrites, round 18: deployment settings, guarded deletes, workspace environment lookups', () => {
  rewriteCases([
    [
      "the ACI configuration's description and tags read from the model: the endpoint's",
      [
        'from azureml.core import Workspace, Model, Environment',
        'from azureml.core.webservice import AciWebservice',
        'from azureml.core.model import InferenceConfig',
        '',
        'ws = Workspace.from_config()',
        "model = Model(ws, 'automl_diabetes')",
        'env = Environment.get(ws, "AzureML-sklearn-1.0")',
        'aci_config = AciWebservice.deploy_configuration(',
        '    description=model.description,',
        '    cpu_cores=1,',
        '    memory_gb=1.5,',
        '    auth_enabled=True,',
        '    tags=model.tags,',
        ')',
        'inference_config = InferenceConfig(entry_script="score.py", source_directory=".", environment=env)',
        'service = Model.deploy(workspace=ws, name="fun-with-automl", models=[model], inference_config=inference_config, deployment_config=aci_config)',
        'service.wait_for_deployment(show_output=True)',
        '',
      ].join('\n'),
      [
        ...HEAD_V2,
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        "model = ml_client.models.get(name='automl_diabetes', label=\"latest\")",
        'env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")',
        `aci_config = {"instance_type": "Standard_F2s_v2", "instance_count": 1}${REVIEW}`,
        'inference_config = CodeConfiguration(code=".", scoring_script="score.py")',
        'service = ManagedOnlineEndpoint(name="fun-with-automl", auth_mode="key", description=model.description, tags=model.tags)',
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=inference_config, **aci_config)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        '',
        '',
      ].join('\n'),
    ],
    [
      'tags computed by a call: kept in the deployment settings, evaluated where v1 evaluated them',
      [
        'from azureml.core import Workspace, Model, Environment',
        'from azureml.core.webservice import AciWebservice',
        'from azureml.core.model import InferenceConfig',
        'from tagging import make_tags',
        '',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "AzureML-sklearn-1.0")',
        'aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, tags=make_tags(), auth_enabled=True)',
        'inference_config = InferenceConfig(entry_script="score.py", source_directory=".", environment=env)',
        'service = Model.deploy(ws, "svc", [Model(ws, "m", version=2)], inference_config, aci_config)',
        '',
      ].join('\n'),
      [
        ...HEAD_V2,
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'from tagging import make_tags',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")',
        `aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1, "tags": make_tags()}${REVIEW}`,
        'inference_config = CodeConfiguration(code=".", scoring_script="score.py")',
        'service = ManagedOnlineEndpoint(name="svc", auth_mode="key")',
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=ml_client.models.get(name="m", version="2"), environment=env, code_configuration=inference_config, **aci_config)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        '',
      ].join('\n'),
    ],
    [
      'an existing service deleted under `if service:` in the lookup try; the environment from ws.environments',
      [
        'from azureml.core import Workspace, Model',
        'from azureml.core.model import InferenceConfig',
        'from azureml.core.webservice import AciWebservice, Webservice',
        'from azureml.exceptions import WebserviceException',
        '',
        'SERVICE_NAME = "net-svc"',
        'ws = Workspace.from_config()',
        'deployment_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
        'env = ws.environments["AzureML-pytorch-1.7-ubuntu18.04-py37-cpu-inference"]',
        'inference_config = InferenceConfig(source_directory=".", entry_script="score.py", environment=env)',
        'try:',
        '    service = Webservice(ws, name=SERVICE_NAME)',
        '    if service:',
        '        service.delete()',
        '        print("Deleted existing service")',
        'except WebserviceException as e:',
        '    print(e)',
        '',
        'service = Model.deploy(ws, SERVICE_NAME, [Model(ws, "net")], inference_config, deployment_config, overwrite=True)',
        'service.wait_for_deployment(True)',
        'print(service.scoring_uri)',
        '',
      ].join('\n'),
      [
        'from azure.core.exceptions import HttpResponseError',
        ...HEAD_V2,
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'SERVICE_NAME = "net-svc"',
        `deployment_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}`,
        'env = ml_client.environments.get(name="AzureML-pytorch-1.7-ubuntu18.04-py37-cpu-inference", label="latest")',
        'inference_config = CodeConfiguration(code=".", scoring_script="score.py")',
        'try:',
        '    service = ml_client.online_endpoints.get(name=SERVICE_NAME)',
        '    if service:',
        '        ml_client.online_endpoints.begin_delete(name=service.name).result()',
        '        print("Deleted existing service")',
        'except HttpResponseError as e:',
        '    print(e)',
        '',
        `service = ManagedOnlineEndpoint(name=SERVICE_NAME, auth_mode="key")${REVIEW}`,
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=ml_client.models.get(name="net", label="latest"), environment=env, code_configuration=inference_config, **deployment_config)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        '',
        'print(service.scoring_uri)',
        '',
      ].join('\n'),
    ],
    [
      'a run given an environment from ws.environments',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'ws = Workspace.from_config()',
        'env = ws.environments["AzureML-sklearn-1.0"]',
        'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu", environment=env)',
        'run = Experiment(ws, "exp").submit(src)',
        '',
      ].join('\n'),
      [
        ...HEAD_V2,
        'from azure.ai.ml import command',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")',
        'src = command(code=".", command="python train.py", environment=env, compute="cpu")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
  ]);

  const unchanged = (title: string, src: string) =>
    it(title, () => {
      assert.equal(fixPython(src, true), src);
    });

  for (const [option, value] of [['dns_name_label', '"funwithautoml"'], ['location', '"westus"']]) {
    unchanged(`refused: deploy_configuration(${option}=...) (no managed endpoint counterpart)`, [
      'from azureml.core import Workspace, Model, Environment',
      'from azureml.core.webservice import AciWebservice',
      'from azureml.core.model import InferenceConfig',
      '',
      'ws = Workspace.from_config()',
      "model = Model(ws, 'automl_diabetes')",
      'env = Environment.get(ws, "AzureML-sklearn-1.0")',
      `aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True, ${option}=${value}, tags=model.tags)`,
      'inference_config = InferenceConfig(entry_script="score.py", source_directory=".", environment=env)',
      'service = Model.deploy(ws, "svc", [model], inference_config, aci_config)',
      '',
    ].join('\n'));
  }

  it('a notebook: the model and its configuration in separate cells', () => {
    const cells = [
      { kind: 'code', text: "from azureml.core import Workspace, Model\nws = Workspace.from_config()\nmodel = Model(ws, 'automl_diabetes')" },
      { kind: 'code', text: 'from azureml.core import Environment\nmyEnv = Environment.get(ws, "AzureML-sklearn-1.0")' },
      { kind: 'code', text: 'from azureml.core.webservice import AciWebservice\n\naci_config = AciWebservice.deploy_configuration(\n    description=model.description,\n    cpu_cores=1,\n    memory_gb=1,\n    auth_enabled=True,\n    tags=model.tags,\n)' },
      { kind: 'code', text: 'from azureml.core.model import InferenceConfig\ninference_config = InferenceConfig(entry_script="score.py", source_directory=".", environment=myEnv)' },
      { kind: 'code', text: 'service = Model.deploy(workspace=ws, name="svc", models=[model], inference_config=inference_config, deployment_config=aci_config)' },
      { kind: 'code', text: 'service.wait_for_deployment(show_output=True)' },
    ];
    const expected = [
      {
        kind: 'code',
        text: [
          ...HEAD_V2,
          'from azure.ai.ml.entities import CodeConfiguration',
          'from azure.ai.ml.entities import ManagedOnlineEndpoint',
          'from azure.ai.ml.entities import ManagedOnlineDeployment',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          "model = ml_client.models.get(name='automl_diabetes', label=\"latest\")",
        ].join('\n'),
      },
      { kind: 'code', text: 'myEnv = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")' },
      { kind: 'code', text: `aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}` },
      { kind: 'code', text: 'inference_config = CodeConfiguration(code=".", scoring_script="score.py")' },
      {
        kind: 'code',
        text: [
          'service = ManagedOnlineEndpoint(name="svc", auth_mode="key", description=model.description, tags=model.tags)',
          'ml_client.online_endpoints.begin_create_or_update(service).result()',
          `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=myEnv, code_configuration=inference_config, **aci_config)).result()${REVIEW}`,
          'service.traffic = {"blue": 100}',
          'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        ].join('\n'),
      },
      { kind: 'code', text: '' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => ({ kind: c.kind, text: c.text })), expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(again.cells.map((c) => ({ kind: c.kind, text: c.text })), expected, 'a second run changes nothing');
  });
});
