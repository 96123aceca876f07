/**
 * Review round 10 (workspace.ts, data.ts, deploy.ts, environment.ts, pipelines.ts) on real
 * MachineLearningNotebooks shapes:
 * - a compute cluster handed to code we cannot see (`run_remote_inference(compute_target=c)`, a
 *   helper imported from the notebook's folder that gives it to a v1 ScriptRunConfig) stays v1:
 *   it would get a v2 Compute;
 * - an ACI service deployed without `auth_enabled` took requests without a key; the v2 endpoint
 *   takes only keyed ones, so a request made by hand on its scoring URI is marked for review.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

function findingsAt(input: DocumentInput, text: string): Array<{ message: string; fixes?: unknown[] }> {
  const src = input.kind === 'python' ? input.text : '';
  const line = src.split('\n').findIndex((l) => l.includes(text));
  return lint(input).findings.filter((f) => f.code.startsWith('AML1') && f.range.start.line === line) as Array<{ message: string; fixes?: unknown[] }>;
}

const CLUSTER = [
  'from azureml.core import Workspace',
  'from azureml.core.compute import ComputeTarget, AmlCompute',
  'from azureml.core.compute_target import ComputeTargetException',
  '',
  'ws = Workspace.from_config()',
  'try:',
  '    compute_target = ComputeTarget(workspace=ws, name="cpu-cluster")',
  'except ComputeTargetException:',
  '    config = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=4)',
  '    compute_target = ComputeTarget.create(ws, "cpu-cluster", config)',
  'compute_target.wait_for_completion(show_output=True)',
  '',
];

describe('rewrites review 10 (b): a compute handed to unseen code', () => {
  it('passed to a helper imported from a local module: the get-or-create gets no suggestion', () => {
    const src = [...CLUSTER.slice(0, 3), 'from run_forecast import run_remote_inference', ...CLUSTER.slice(3), 'run = run_remote_inference(compute_target=compute_target, train_run=best_run)', ''].join('\n');
    for (const piece of ['ComputeTarget(workspace=ws', 'ComputeTarget.create(', 'wait_for_completion']) {
      const found = findingsAt({ kind: 'python', text: src }, piece);
      assert.ok(found.length, `a finding on ${piece}`);
      for (const f of found) assert.deepEqual(f.fixes ?? [], [], `no fix on ${piece}: ${f.message}`);
    }
  });

  it('put in a list (read later by code we do not follow): no suggestion', () => {
    const src = [...CLUSTER, 'targets = [compute_target]', ''].join('\n');
    for (const f of findingsAt({ kind: 'python', text: src }, 'ComputeTarget.create(')) assert.deepEqual(f.fixes ?? [], []);
  });

  it('passed to a helper defined in the same file: no suggestion either (its body may be v1)', () => {
    const src = [...CLUSTER, 'def submit(target):', '    return target', '', 'submit(compute_target)', ''].join('\n');
    for (const f of findingsAt({ kind: 'python', text: src }, 'ComputeTarget(workspace=ws')) assert.deepEqual(f.fixes ?? [], []);
  });

  // Printing it, testing it and giving its name to a v1 configuration stay rewritten
  // (COMP: https://learn.microsoft.com/azure/machine-learning/how-to-create-attach-compute-cluster).
  rewriteCases([
    [
      'printed and tested: the get-or-create is rewritten',
      [...CLUSTER, 'if compute_target:', '    print(compute_target)', ''].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'from azure.core.exceptions import ResourceNotFoundError',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'try:',
        '    compute_target = ws.compute.get("cpu-cluster")',
        'except ResourceNotFoundError:',
        '    config = azure.ai.ml.entities.AmlCompute(name="cpu-cluster", size="STANDARD_D2_V2", max_instances=4, idle_time_before_scale_down=1800)',
        '    compute_target = ws.compute.begin_create_or_update(config).result()',
        'print(compute_target.provisioning_state)',
        '',
        'if compute_target:',
        '    print(compute_target)',
        '',
      ].join('\n'),
    ],
  ]);
});

describe('rewrites review 10 (b): a workspace or datastore handed to an imported helper', () => {
  it('a workspace passed to a function imported from a local module stays v1', () => {
    const src = [
      'from azureml.core import Environment, Workspace',
      'from helpers import submit_run',
      '',
      'ws = Workspace.from_config()',
      'print(ws.name)',
      'submit_run(ws, "train.py")',
      '',
    ].join('\n');
    for (const f of findingsAt({ kind: 'python', text: src }, 'Workspace.from_config()')) assert.deepEqual(f.fixes ?? [], [], f.message);
    assert.equal(fixPython(src, true).includes('ws = Workspace.from_config()'), true);
  });

  // The default datastore stays v1 (the helper gets it); its name is read from the v2 client of the
  // same config file (DS: https://learn.microsoft.com/azure/machine-learning/how-to-datastore).
  rewriteCases([
    [
      'a datastore passed to an imported helper (in a tuple): it stays v1, its name read on the client',
      [
        'from azureml.core import Workspace',
        'from .data_utils import make_dataset',
        '',
        'ws = Workspace.from_config()',
        'store = ws.get_default_datastore()',
        'print(store.name)',
        'ds = make_dataset([(store, "iris.csv")])',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azureml.core import Workspace',
        'from .data_utils import make_dataset',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'ws = Workspace.from_config()',
        'store = ws.get_default_datastore()',
        'print(ml_client.datastores.get_default().name)',
        'ds = make_dataset([(store, "iris.csv")])',
        '',
      ].join('\n'),
    ],
  ]);
});

const DEPLOY = (auth: string): string[] => [
  'import requests',
  'from azureml.core import Workspace',
  'from azureml.core.model import Model, InferenceConfig',
  'from azureml.core.environment import Environment',
  'from azureml.core.webservice import AciWebservice',
  '',
  'ws = Workspace.from_config()',
  'model = Model(ws, "sklearn_mnist")',
  'env = Environment.get(workspace=ws, name="tutorial-env", version="1")',
  'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
  `aciconfig = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1${auth})`,
  'service = Model.deploy(workspace=ws, name="sklearn-mnist-svc", models=[model], inference_config=inference_config, deployment_config=aciconfig)',
  'service.wait_for_deployment(show_output=True)',
  'print(service.scoring_uri)',
];

// DEP: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-deploy-endpoints; MOE (no auth is
// not supported on managed online endpoints: key auth, marked where v1 had none).
const DEPLOYED = (review: string): string[] => [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'from azure.ai.ml.entities import CodeConfiguration',
  'from azure.ai.ml.entities import ManagedOnlineEndpoint',
  'from azure.ai.ml.entities import ManagedOnlineDeployment',
  'import requests',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  '',
  'model = ml_client.models.get(name="sklearn_mnist", label="latest")',
  'env = ml_client.environments.get(name="tutorial-env", version="1")',
  'inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review',
  'aciconfig = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review',
  `service = ManagedOnlineEndpoint(name="sklearn-mnist-svc", auth_mode="key")${review}`,
  'ml_client.online_endpoints.begin_create_or_update(service).result()',
  'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=inference_config, **aciconfig)).result()  # amlint: review',
  'service.traffic = {"blue": 100}',
  'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
  '',
  'print(service.scoring_uri)',
];

describe('rewrites review 10 (b): a keyless ACI service called by hand', () => {
  rewriteCases([
    [
      'v1 had no auth: the request made by hand on the scoring URI (no key header) is marked for review',
      [...DEPLOY(''), 'headers = {"Content-Type": "application/json"}', 'resp = requests.post(service.scoring_uri, "{}", headers=headers)', 'print(resp.text)', ''].join('\n'),
      [...DEPLOYED('  # amlint: review'), 'headers = {"Content-Type": "application/json"}', 'resp = requests.post(service.scoring_uri, "{}", headers=headers)  # amlint: review', 'print(resp.text)', ''].join('\n'),
    ],
    [
      'v1 had no auth: the URI read into a name, then posted to: the post is marked',
      [...DEPLOY(''), 'uri = service.scoring_uri', 'resp = requests.post(uri, "{}")  # score one row', ''].join('\n'),
      [...DEPLOYED('  # amlint: review'), 'uri = service.scoring_uri', 'resp = requests.post(uri, "{}")  # amlint: review  # score one row', ''].join('\n'),
    ],
    [
      // (Session 18: the endpoint's keys are new ones, so a key the module does not read from the service is marked.)
      'v1 had key auth (auth_enabled=True), the key not read from the service: the request is marked',
      [...DEPLOY(', auth_enabled=True'), 'resp = requests.post(service.scoring_uri, "{}", headers={"Authorization": "Bearer " + key})', ''].join('\n'),
      [...DEPLOYED(''), 'resp = requests.post(service.scoring_uri, "{}", headers={"Authorization": "Bearer " + key})  # amlint: review', ''].join('\n'),
    ],
    [
      'v1 had no auth: a helper returning the response of a request by hand: the return is marked',
      [...DEPLOY(''), 'def score(data):', '    return requests.post(service.scoring_uri, data).json()', ''].join('\n'),
      [...DEPLOYED('  # amlint: review'), 'def score(data):', '    return requests.post(service.scoring_uri, data).json()  # amlint: review', ''].join('\n'),
    ],
  ]);

  it('a notebook (the image-classification tutorial shape): deploy in one cell, a request by hand in another', () => {
    const cells = [DEPLOY('').join('\n'), 'headers = {"Content-Type": "application/json"}\nresp = requests.post(service.scoring_uri, input_data, headers=headers)\nprint("POST to url", service.scoring_uri)'];
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
      return (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    };
    const out = run(cells);
    assert.deepEqual(out, [
      DEPLOYED('  # amlint: review').join('\n'),
      'headers = {"Content-Type": "application/json"}\nresp = requests.post(service.scoring_uri, input_data, headers=headers)  # amlint: review\nprint("POST to url", service.scoring_uri)',
    ]);
    for (const c of out) assert.ok(parses(c));
    assert.deepEqual(run(out), out, 'a second run changes nothing');
  });

  it('v1 had no auth and the URI is read in a condition: no suggestion (no line to mark)', () => {
    const src = [...DEPLOY(''), 'if requests.post(service.scoring_uri, "{}").ok:', '    print("up")', ''].join('\n');
    assert.equal(fixPython(src, true).includes('Model.deploy('), true);
  });
});
