import * as assert from 'node:assert/strict';
import { fixDocument } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

/**
 * Round 15 (deploy.ts): a model the semantic model cannot type, given to `Model.deploy` (v1 takes
 * only registered v1 `Model` objects there), goes into the v2 deployment by name and version
 * ("azureml:<name>:<version>", https://learn.microsoft.com/azure/machine-learning/concept-online-deployment-model-specification);
 * a model registration kept v1 leaves no import of its refused rewrite behind.
 */
const IMPORTS_V2 = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'from azure.ai.ml.entities import CodeConfiguration',
  'from azure.ai.ml.entities import ManagedOnlineEndpoint',
  'from azure.ai.ml.entities import ManagedOnlineDeployment',
];
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';
// DEP (migrate-to-v2-deploy-endpoints): endpoint, deployment "blue", all traffic to it; 1 core / 1 GB → Standard_DS1_v2 (ACI upgrade table).
const deployed = (svc: string, name: string, model: string, env: string, code: string, settings: string): string[] => [
  `${svc} = ManagedOnlineEndpoint(name=${name}, auth_mode="key")`,
  `ml_client.online_endpoints.begin_create_or_update(${svc}).result()`,
  `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=${svc}.name, model=${model}, environment=${env}, code_configuration=${code}, ${settings})).result()  # amlint: review`,
  `${svc}.traffic = {"blue": 100}`,
  `${svc} = ml_client.online_endpoints.begin_create_or_update(${svc}).result()`,
];
const BY_NAME = 'f"azureml:{model.name}:{model.version}"';

describe('rewrites round 15: deployments of a model the semantic model cannot type (AML109)', () => {
  rewriteCases([
    [
      'a best run of a HyperDrive run made elsewhere: its registered model by name and version',
      [
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
        'print(service.scoring_uri)',
        'service.delete()',
        '',
      ].join('\n'),
      [
        ...IMPORTS_V2,
        CLIENT,
        '',
        'best_run = hd_run.get_best_run_by_primary_metric()',
        'model = best_run.register_model(model_name="hd-best", model_path="outputs/model.joblib")',
        'env = ml_client.environments.get(name="sklearn-env", label="latest")',
        'inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review',
        'aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review',
        ...deployed('service', '"hd-service"', BY_NAME, 'env', 'inference_config', '**aci_config'),
        '',
        'print(service.scoring_uri)',
        'ml_client.online_endpoints.begin_delete(name=service.name).result()',
        '',
      ].join('\n'),
    ],
    [
      'a model parameter of a deploy helper: a v1 Model, by name and version',
      [
        'from azureml.core.model import Model, InferenceConfig',
        'from azureml.core.webservice import AciWebservice',
        '',
        '',
        'def deploy(ws, model, env):',
        '    ic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)',
        '    svc = Model.deploy(ws, "svc", [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True))',
        '    svc.wait_for_deployment(show_output=True)',
        '    return svc.scoring_uri',
        '',
      ].join('\n'),
      // The workspace parameter: the module's client, as workspace.ts gives it (rewrites-deploy.test.ts, "inside a function").
      [
        IMPORTS_V2[2],
        ...IMPORTS_V2.slice(0, 2),
        ...IMPORTS_V2.slice(3),
        CLIENT,
        '',
        '',
        'def deploy(ws, model, env):',
        '    ic = CodeConfiguration(code="src", scoring_script="score.py")',
        ...deployed('svc', '"svc"', BY_NAME, 'env', 'ic', 'instance_type="Standard_DS1_v2", instance_count=1').map((l) => `    ${l}`),
        '    return svc.scoring_uri',
        '',
      ].join('\n'),
    ],
    [
      // The registration stays v1 (the local deploy takes it): no import of its v2 form (azure.ai.ml.constants) is added.
      'a registered model also deployed locally: the ACI deployment only, no stray import',
      [
        'from azureml.core import Workspace, Environment',
        'from azureml.core.model import Model, InferenceConfig',
        'from azureml.core.webservice import AciWebservice, LocalWebservice',
        '',
        'ws = Workspace.from_config()',
        'model = Model.register(workspace=ws, model_name="mortgage", model_path="outputs/model.pkl")',
        'env = Environment.get(ws, "sklearn-env")',
        'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
        'local_service = Model.deploy(ws, "local-test", [model], inference_config, LocalWebservice.deploy_configuration(port=6789))',
        'local_service.wait_for_deployment()',
        'web_service = Model.deploy(ws, "mortgage-service", [model], inference_config, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True))',
        'web_service.wait_for_deployment(show_output=True)',
        'print(web_service.scoring_uri)',
        '',
      ].join('\n'),
      [
        ...IMPORTS_V2,
        'from azureml.core import Workspace, Environment',
        'from azureml.core.model import Model, InferenceConfig',
        'from azureml.core.webservice import LocalWebservice',
        CLIENT,
        '',
        'ws = Workspace.from_config()',
        'model = Model.register(workspace=ws, model_name="mortgage", model_path="outputs/model.pkl")',
        'env = Environment.get(ws, "sklearn-env")',
        'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
        'local_service = Model.deploy(ws, "local-test", [model], inference_config, LocalWebservice.deploy_configuration(port=6789))',
        'local_service.wait_for_deployment()',
        ...deployed('web_service', '"mortgage-service"', BY_NAME, 'ml_client.environments.get(name="sklearn-env", label="latest")', 'CodeConfiguration(code=".", scoring_script="score.py")', 'instance_type="Standard_DS1_v2", instance_count=1'),
        '',
        'print(web_service.scoring_uri)',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook in the HyperDrive-then-deploy shape (the run made in an earlier notebook)', () => {
    const cells = [
      'from azureml.core import Workspace, Environment\nfrom azureml.core.model import Model, InferenceConfig\nfrom azureml.core.webservice import AciWebservice',
      'ws = Workspace.from_config()',
      'best_run = hyperdrive_run.get_best_run_by_primary_metric()\nmodel = best_run.register_model(model_name="hd-best-model", model_path="outputs/model.joblib")\nprint(model.name, model.version)',
      'myenv = Environment.get(ws, "hd-env")',
      'inference_config = InferenceConfig(entry_script="score.py", environment=myenv)\naci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)\nservice = Model.deploy(workspace=ws, name="hd-service", models=[model], inference_config=inference_config, deployment_config=aci_config, overwrite=True)\nservice.wait_for_deployment(show_output=True)',
      'import json\ntest_sample = json.dumps({"data": [[1, 2, 3]]})\nprediction = service.run(test_sample)\nprediction',
      'service.delete()',
    ];
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
      return (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    };
    const out = run(cells);
    // v1 run(): POST to the scoring URI with the key, raise on an HTTP error, decode the JSON (runEdits).
    const key = 'ml_client.online_endpoints.get_keys(name=service.name).primary_key';
    assert.deepEqual(out, [
      [...IMPORTS_V2.slice(0, 3), 'import requests', ...IMPORTS_V2.slice(3), CLIENT].join('\n'),
      '',
      cells[2],
      'myenv = ml_client.environments.get(name="hd-env", label="latest")',
      [
        'inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review',
        'aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review',
        ...deployed('service', '"hd-service"', 'f"azureml:{model.name}:{model.version}"', 'myenv', 'inference_config', '**aci_config'),
        '',
      ].join('\n'),
      `import json\ntest_sample = json.dumps({"data": [[1, 2, 3]]})\nresponse = requests.post(service.scoring_uri, data=test_sample, headers={"Content-Type": "application/json", "Authorization": "Bearer " + ${key}})\nresponse.raise_for_status()\nprediction = response.json()\nprediction`,
      'ml_client.online_endpoints.begin_delete(name=service.name).result()',
    ]);
    for (const c of out) assert.ok(parses(c), c);
    assert.deepEqual(run(out), out, 'a second run changes nothing');
  });
});

describe('rewrites round 15: deployments left v1 (AML109)', () => {
  const head = 'from azureml.core.model import Model, InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nic = InferenceConfig(entry_script="score.py", environment=env)\ncfg = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)\n';
  for (const [title, models] of [
    // Several models: one per v2 deployment.
    ['two untyped models', '[m1, m2]'],
    // Not a variable: what the call returns is not read by name at the deployment.
    ['a model returned by a helper, written in the call', '[get_model()]'],
    // Not a list of models.
    ['a list built elsewhere', 'models'],
  ]) {
    it(title, () => {
      const out = fixPython(`${head}service = Model.deploy(ws, "svc", ${models}, ic, cfg)\nprint(service.scoring_uri)\n`, true);
      assert.match(out, /Model\.deploy\(/);
      assert.doesNotMatch(out, /ManagedOnlineDeployment/);
      assert.ok(parses(out));
    });
  }
});

describe('rewrites round 15: a model list held by a variable, iterated once (AML108)', () => {
  const head = ['from azureml.core import Workspace', 'from azureml.core.model import Model', '', 'ws = Workspace.from_config()'];
  rewriteCases([
    [
      // v1 Model.list(ws, name) lists that model's versions; v2 models.list(name=...) too (modelList's doc), order marked for review.
      'models = Model.list(ws, name=...) then a loop that prints each version',
      [...head, "models = Model.list(ws, name='best_model')", 'for m in models:', '    print(m.name, m.version)', ''].join('\n'),
      [...IMPORTS_V2.slice(0, 2), CLIENT, '', "models = ml_client.models.list(name='best_model')", 'for m in models:  # amlint: review', '    print(m.name, m.version)', ''].join('\n'),
    ],
  ]);
  for (const [title, tail] of [
    // A v2 ItemPaged has no len() and is not a list.
    ['the list also measured', ['for m in models:', '    print(m.name)', 'print(len(models))']],
    ['the list indexed', ['for m in models:', '    print(m.name)', 'latest = models[0]']],
    // The loop passes the model on: not only shown.
    ['a model passed on in the loop', ['for m in models:', '    m.download(".")']],
  ] as Array<[string, string[]]>) {
    it(`left v1: ${title}`, () => {
      const out = fixPython([...head, "models = Model.list(ws, name='best_model')", ...tail, ''].join('\n'), true);
      assert.match(out, /Model\.list\(/);
      assert.ok(parses(out));
    });
  }
});
