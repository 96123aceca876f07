import * as assert from 'node:assert/strict';
import { ruleTester } from './tester';
import { fixDocument } from '../../server/src/engine';

ruleTester('AML109', {
  valid: [
    'from azure.ai.ml.entities import ManagedOnlineEndpoint\nendpoint = ManagedOnlineEndpoint(name="e", auth_mode="key")',
    // MLflow 2's deployment client with the azureml-mlflow plugin: v2-era.
    { name: 'mlflow.deployments client', code: 'import mlflow\nfrom mlflow.deployments import get_deploy_client\nclient = get_deploy_client(mlflow.get_tracking_uri())\nclient.create_deployment(name="d", model_uri="models:/m/1")\n' },
  ],
  invalid: [
    {
      name: 'Image.create returns an image (session 14 v1b sample)',
      code: 'from azureml.core.image import Image\nimage = Image.create(ws, "img", [model], cfg)\nimage.wait_for_creation(show_output=True)\n',
      errors: [{ line: 2, column: 9, endColumn: 21 }, { line: 3, column: 1, endColumn: 24, message: 'Image.wait_for_creation' }],
    },
    {
      // Real shape (Databricks notebooks of the session 14 dbx sample, azureml-examples workflows/deploy): MLflow 1.x's
      // Azure ML deployment API takes a v1 workspace and returns v1 objects.
      name: 'mlflow.azureml.deploy / build_image and what they return',
      code: [
        'import mlflow.azureml',
        'webservice, azure_model = mlflow.azureml.deploy(model_uri="runs:/r/model", workspace=ws, deployment_config=cfg, service_name="svc")',
        'webservice.wait_for_deployment(show_output=True)',
        'image, model = mlflow.azureml.build_image(model_uri="runs:/r/model", workspace=ws, synchronous=False)',
      ].join('\n'),
      errors: [
        { line: 2, column: 27, endColumn: 48, message: ['mlflow.azureml.deploy()', 'ManagedOnlineDeployment', 'MLflow 1.19'] },
        { line: 3, column: 1, endColumn: 31, message: 'wait_for_deployment' },
        { line: 4, column: 16, endColumn: 42, message: 'mlflow.azureml.build_image()' },
      ],
    },
    {
      code: [
        'from azureml.core.model import InferenceConfig, Model',
        'from azureml.core.webservice import AciWebservice',
        'inference = InferenceConfig(entry_script="score.py", environment=env)',
        'config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
        'service = Model.deploy(ws, "svc", [model], inference, config)',
        'service.wait_for_deployment(show_output=True)',
        'print(service.scoring_uri)',
      ].join('\n'),
      errors: [
        { line: 3, column: 13, endColumn: 28 },
        { line: 4, column: 10, endColumn: 44, message: 'ManagedOnlineDeployment' },
        { line: 5, column: 11, endColumn: 23 },
        { line: 6, column: 1, endColumn: 28 },
        { line: 7, column: 7, endColumn: 26 },
      ],
    },
    {
      // The URI is read from the service once; the name holding it is a plain string afterwards.
      name: 'a service member kept in a name',
      code: 'import requests\nfrom azureml.core.webservice import Webservice\nservice = Webservice(ws, "svc")\nurl = service.scoring_uri\nprint(url)\nrequests.post(url, json={})',
      errors: [{ line: 3, column: 11, endColumn: 21 }, { line: 4, column: 7, endColumn: 26 }],
    },
  ],
});

describe('AML109: a web service MLflow 1.x deployed is not an online endpoint (review of session 14)', () => {
  it('its uses get no rewrite, nor does a lookup of the service it deploys by name', () => {
    const uses = 'import mlflow.azureml\nfrom azureml.core import Workspace\nws = Workspace.from_config()\nservice, model = mlflow.azureml.deploy(model_uri="runs:/r/model", workspace=ws, service_name="svc")\nprint(service.scoring_uri)\nkeys = service.get_keys()\nservice.delete()\n';
    const lookup = 'import mlflow.azureml\nfrom azureml.core import Workspace\nfrom azureml.core.webservice import Webservice\nws = Workspace.from_config()\nsvc = Webservice(ws, "svc")\nsvc.delete()\nservice, model = mlflow.azureml.deploy(model_uri="runs:/r/model", workspace=ws, service_name="svc")\n';
    for (const text of [uses, lookup]) {
      const out = (fixDocument({ kind: 'python', path: 'deploy.py', text }, undefined, { unsafe: true }).output as { text: string }).text;
      assert.doesNotMatch(out, /online_endpoints/);
    }
  });
});
