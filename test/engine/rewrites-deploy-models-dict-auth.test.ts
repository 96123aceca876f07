/**
 * Round 12 (f), workspace.ts on MachineLearningNotebooks shapes (deployment and pipeline notebooks):
 * - `ws.models` iterated for its items/values, values read for name/version/description/tags:
 *   v1's dict of each model's latest version by name (azureml-core `Workspace.models`) → the same
 *   dict from `ml_client.models.list()` (containers) and `models.get(name, label="latest")`
 *   (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.modeloperations);
 * - an authentication object read only for `get_authentication_header()` (v1: `{"Authorization":
 *   "Bearer " + ARM token}`) → the azure.identity credential and the same header from
 *   `get_token("https://management.core.windows.net/.default").token`, an interactive login marked for review.
 * Refused: the dict or its values used otherwise, an authentication with `cloud=` or read otherwise.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses, rewriteCases } from './helpers';

const HEAD = 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential';
const HEADER = (x: string): string => `{"Authorization": "Bearer " + ${x}.get_token("https://management.core.windows.net/.default").token}`;

/** The fixes offered on the findings of `symbol` in `src`. */
function fixesOf(src: string, symbol: string): unknown[][] {
  const found = lint({ kind: 'python', text: src }).findings.filter((x) => x.symbol === symbol) as Array<{ fixes?: unknown[] }>;
  assert.ok(found.length, `a finding for ${symbol}`);
  return found.map((f) => f.fixes ?? []);
}

describe('rewrites round 12 (f): the models dict, authentication headers', () => {
  rewriteCases([
    [
      'ws.models through a variable, its items printed (the ONNX notebook shape)',
      [
        'from azureml.core import Workspace',
        'ws = Workspace.from_config()',
        'models = ws.models',
        'for name, m in models.items():',
        '    print("Name:", name, "Version:", m.version, m.description, m.tags)',
        '',
      ].join('\n'),
      [
        HEAD,
        'ws = MLClient.from_config(credential=DefaultAzureCredential())',
        'models = {m.name: ws.models.get(name=m.name, label="latest") for m in ws.models.list()}',
        'for name, m in models.items():',
        '    print("Name:", name, "Version:", m.version, m.description, m.tags)',
        '',
      ].join('\n'),
    ],
    [
      'ws.models.values() iterated directly, next to a registration on the same workspace',
      [
        'from azureml.core import Workspace',
        'from azureml.core.model import Model',
        'ws = Workspace.from_config()',
        'model = Model.register(workspace=ws, model_path="m.onnx", model_name="mnist")',
        'for m in ws.models.values():',
        '    print(m.name, m.version)',
        '',
      ].join('\n'),
      [
        HEAD,
        'import azure.ai.ml.entities',
        'import azure.ai.ml.constants',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="mnist", path="m.onnx", type=azure.ai.ml.constants.AssetTypes.CUSTOM_MODEL))',
        'for m in {m.name: ml_client.models.get(name=m.name, label="latest") for m in ml_client.models.list()}.values():',
        '    print(m.name, m.version)',
        '',
      ].join('\n'),
    ],
    [
      'ws.models.items() iterated directly, the workspace kept for a v1 image: on the module client',
      [
        'from azureml.core import Workspace',
        'from azureml.core.image import ContainerImage',
        'ws = Workspace.from_config()',
        'for name, m in ws.models.items():',
        '    print(name, m.version, m.tags)',
        'image = ContainerImage.create(name="img", models=[], image_config=cfg, workspace=ws)',
        '',
      ].join('\n'),
      [
        HEAD,
        'from azureml.core import Workspace',
        'from azureml.core.image import ContainerImage',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'ws = Workspace.from_config()',
        'for name, m in {m.name: ml_client.models.get(name=m.name, label="latest") for m in ml_client.models.list()}.items():',
        '    print(name, m.version, m.tags)',
        'image = ContainerImage.create(name="img", models=[], image_config=cfg, workspace=ws)',
        '',
      ].join('\n'),
    ],
    [
      'an interactive login read for its header (the published-pipeline REST call)',
      [
        'import requests',
        'from azureml.core.authentication import InteractiveLoginAuthentication',
        'auth = InteractiveLoginAuthentication(tenant_id="my-tenant")',
        'aad_token = auth.get_authentication_header()',
        'response = requests.post(rest_endpoint, headers=aad_token, json={"ExperimentName": "x"})',
        '',
      ].join('\n'),
      [
        'from azure.identity import InteractiveBrowserCredential',
        'import requests',
        'auth = InteractiveBrowserCredential(tenant_id="my-tenant")  # amlint: review',
        `aad_token = ${HEADER('auth')}`,
        'response = requests.post(rest_endpoint, headers=aad_token, json={"ExperimentName": "x"})',
        '',
      ].join('\n'),
    ],
    [
      'a service principal read for its header (no review: the same identity)',
      [
        'import os',
        'import requests',
        'from azureml.core.authentication import ServicePrincipalAuthentication',
        'sp = ServicePrincipalAuthentication(tenant_id=os.environ["T"], service_principal_id=os.environ["C"], service_principal_password=os.environ["S"])',
        'headers = sp.get_authentication_header()',
        'headers["Content-Type"] = "application/json"',
        'requests.post(url, headers=headers)',
        '',
      ].join('\n'),
      [
        'from azure.identity import ClientSecretCredential',
        'import os',
        'import requests',
        'sp = ClientSecretCredential(tenant_id=os.environ["T"], client_id=os.environ["C"], client_secret=os.environ["S"])',
        `headers = ${HEADER('sp')}`,
        'headers["Content-Type"] = "application/json"',
        'requests.post(url, headers=headers)',
        '',
      ].join('\n'),
    ],
  ]);

  describe('refused', () => {
    const cases: Array<[string, string, string]> = [
      ['a model of the dict downloaded (a v1 Model method)', 'from azureml.core import Workspace\nws = Workspace.from_config()\nfor name, m in ws.models.items():\n    m.download(".")\n', 'azureml.core.Workspace.models.items'],
      ['the dict variable used otherwise', 'from azureml.core import Workspace\nws = Workspace.from_config()\nmodels = ws.models\nprint(models)\nfor name, m in models.items():\n    print(m.version)\n', 'azureml.core.Workspace.models'],
      ['a header of another cloud', 'from azureml.core.authentication import InteractiveLoginAuthentication\nauth = InteractiveLoginAuthentication(cloud="AzureChinaCloud")\nh = auth.get_authentication_header()\n', 'azureml.core.authentication.InteractiveLoginAuthentication.get_authentication_header'],
      ['the authentication read otherwise too', 'from azureml.core.authentication import InteractiveLoginAuthentication\nauth = InteractiveLoginAuthentication()\nh = auth.get_authentication_header()\nt = auth.get_token()\n', 'azureml.core.authentication.InteractiveLoginAuthentication.get_authentication_header'],
      ['an authentication bound twice', 'import sys\nfrom azureml.core.authentication import InteractiveLoginAuthentication, AzureCliAuthentication\nif sys.argv[1]:\n    auth = InteractiveLoginAuthentication()\nelse:\n    auth = AzureCliAuthentication()\nh = auth.get_authentication_header()\n', 'azureml.core.authentication.AzureCliAuthentication.get_authentication_header'],
    ];
    for (const [title, src, symbol] of cases) {
      it(title, () => {
        for (const f of fixesOf(src, symbol)) assert.equal(f.length, 0, JSON.stringify(f));
      });
    }
  });

  it('a notebook: the REST-endpoint cells of the pipeline notebooks', () => {
    const cells = [
      { kind: 'code', text: 'import requests\nfrom azureml.core.authentication import InteractiveLoginAuthentication' },
      { kind: 'code', text: 'auth = InteractiveLoginAuthentication()\naad_token = auth.get_authentication_header()\nprint(rest_endpoint)' },
      { kind: 'code', text: 'response = requests.post(rest_endpoint, headers=aad_token, json={"ExperimentName": "My_Pipeline1"})' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      { kind: 'code', text: 'from azure.identity import InteractiveBrowserCredential\nimport requests' },
      { kind: 'code', text: `auth = InteractiveBrowserCredential()  # amlint: review\naad_token = ${HEADER('auth')}\nprint(rest_endpoint)` },
      cells[2],
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
