import * as assert from 'node:assert/strict';
import { fixDocument, lint } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

function fixPy(text: string, unsafe = true): string {
  return fixPython(text, unsafe);
}

const CLIENT = 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n';

/** The fixes of the AML1 finding on `line` (0-based) whose message starts with `what`. */
function fixesAt(src: string, line: number, what: string): unknown {
  const f = lint({ kind: 'python', text: src }).findings.find((x) => x.code.startsWith('AML1') && x.range.start.line === line && x.message.startsWith(what));
  assert.ok(f, `a finding ${what} on line ${line}`);
  return f!.fixes;
}

/** The findings of `src` whose code is `code`, with or without fixes. */
function withoutFix(src: string, codes: string[]): string[] {
  return lint({ kind: 'python', text: src })
    .findings.filter((f) => codes.includes(f.code) && !f.fixes?.length)
    .map((f) => `${f.range.start.line}: ${f.message.split(' ')[0]}`);
}

// The v1 side of DEP (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-deploy-endpoints),
// with the service's other uses.
const ACI_LIFECYCLE = [
  'import json',
  'from azureml.core import Model',
  'from azureml.core.model import InferenceConfig',
  'from azureml.core.webservice import AciWebservice',
  'model = Model(ws, "bidaf_onnx")',
  'inference_config = InferenceConfig(environment=env, source_directory="./source_dir", entry_script="./score.py")',
  'deployment_config = AciWebservice.deploy_configuration(cpu_cores=0.5, memory_gb=1, auth_enabled=True)',
  'service = Model.deploy(ws, "myservice", [model], inference_config, deployment_config, overwrite=True)',
  'service.wait_for_deployment(show_output=True)',
  'print(service.state)',
  'print(service.scoring_uri)',
  'predictions = service.run(input_data=json.dumps({"query": "x"}))',
  'print(service.get_logs())',
  'service.delete()',
  '',
].join('\n');

const DEPLOY_IMPORTS = 'from azure.ai.ml.entities import CodeConfiguration\nimport requests\nfrom azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\n';

describe('rewrites: models and deployment', () => {
  const cases: Array<[string, string, string]> = [
    [
      // Reference §2.9: AksWebservice.deploy_configuration → a managed online endpoint (or a Kubernetes one). The pod's
      // request picks the SKU as for ACI (2 cores, 4 GB → DS2 v2), num_replicas the instance count, the scoring timeout
      // v1 applied the request timeout (AKS: 60,000 ms by default; managed: 5,000); key auth was AKS's default.
      'an AKS deployment → a managed online endpoint and deployment; the cluster it ran on is dropped',
      'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AksWebservice\nic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)\ncfg = AksWebservice.deploy_configuration(cpu_cores=2, memory_gb=4, num_replicas=3, scoring_timeout_ms=90000, description="prod")\nservice = Model.deploy(ws, "svc", [m], ic, cfg, deployment_target=aks_target)\nservice.wait_for_deployment(show_output=True)\nprint(service.scoring_uri)\n',
      'from azure.ai.ml.entities import CodeConfiguration\nfrom azure.ai.ml.entities import OnlineRequestSettings\n' + CLIENT.replace(/ml_client = .*\n/, '') + 'from azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nic = CodeConfiguration(code="src", scoring_script="score.py")\ncfg = {"instance_type": "Standard_DS2_v2", "instance_count": 3, "request_settings": OnlineRequestSettings(request_timeout_ms=90000)}  # amlint: review\nservice = ManagedOnlineEndpoint(name="svc", auth_mode="key", description="prod")\nml_client.online_endpoints.begin_create_or_update(service).result()\nml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=f"azureml:{m.name}:{m.version}", environment=env, code_configuration=ic, **cfg)).result()  # amlint: review\nservice.traffic = {"blue": 100}\nservice = ml_client.online_endpoints.begin_create_or_update(service).result()\n\nprint(service.scoring_uri)\n',
    ],
    [
      'Model(ws, name) → models.get of the latest version; name/version/tags reads stay',
      'from azureml.core import Model\nmodel = Model(ws, "m")\nprint(model.name, model.version, model.tags["k"])\n',
      `${CLIENT}model = ml_client.models.get(name="m", label="latest")\nprint(model.name, model.version, model.tags["k"])\n`,
    ],
    [
      'Model(ws, name) on a workspace from the config file → the config file\'s ml_client',
      'from azureml.core import Model, Workspace\nws = Workspace.from_config()\nmodel = Model(ws, "m")\nprint(model.name)\n',
      // Then nothing v1 uses ws, and a later pass turns it into an MLClient too.
      `${CLIENT}model = ml_client.models.get(name="m", label="latest")\nprint(model.name)\n`,
    ],
    [
      // v1 Model.id is "name:version"; MODEL: models.download(name, version, download_path), which writes
      // under <download_path>/<name>/ (review): nothing reads the files afterwards here.
      'a model\'s id printed and the model downloaded where nothing reads it',
      'import os\nfrom azureml.core import Model\nmodel = Model(ws, "m")\nprint(model.name, model.id)\nmodel.download(target_dir=os.getcwd(), exist_ok=True)\nwith open("log.txt", "w") as f:\n    f.write("done")\n',
      `from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport os\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nmodel = ml_client.models.get(name="m", label="latest")\nprint(model.name, model.name + ":" + model.version)\nml_client.models.download(name=model.name, version=model.version, download_path=os.getcwd())  # amlint: review\nwith open("log.txt", "w") as f:\n    f.write("done")\n`,
    ],
    [
      // ManagedOnlineEndpoint(name, auth_mode, description, tags) (azure.ai.ml.entities.managedonlineendpoint): the service's tags are the endpoint's.
      'an inline ACI configuration\'s tags and description go to the endpoint; keyword deploy and run',
      [
        'from azureml.core import Model',
        'from azureml.core.model import InferenceConfig',
        'from azureml.core.webservice import AciWebservice',
        'model = Model(ws, "m")',
        'ic = InferenceConfig(entry_script="score.py", environment=env)',
        'service = Model.deploy(workspace=ws, name="svc", models=[model], inference_config=ic, deployment_config=AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, tags={"k": "v"}, description="d"))',
        'result = service.run(input_data=data)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml.entities import CodeConfiguration',
        'import requests',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'model = ml_client.models.get(name="m", label="latest")',
        'ic = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review',
        'service = ManagedOnlineEndpoint(name="svc", auth_mode="key", description="d", tags={"k": "v"})  # amlint: review',
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=ic, instance_type="Standard_DS1_v2", instance_count=1)).result()  # amlint: review',
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        'response = requests.post(service.scoring_uri, data=data, headers={"Content-Type": "application/json", "Authorization": "Bearer " + ml_client.online_endpoints.get_keys(name=service.name).primary_key})',
        'response.raise_for_status()',
        'result = response.json()',
        '',
      ].join('\n'),
    ],
    [
      'a model id used in an expression is parenthesized',
      'from azureml.core import Model\nmodel = Model(ws, "m")\nparts = model.id.split(":")\n',
      `${CLIENT}model = ml_client.models.get(name="m", label="latest")\nparts = (model.name + ":" + model.version).split(":")\n`,
    ],
    [
      'Model(ws, name, version) → models.get with the version as a string',
      'from azureml.core.model import Model\nm = Model(ws, name="m", version=3)\nprint(m.version)\n',
      `${CLIENT}m = ml_client.models.get(name="m", version="3")\nprint(m.version)\n`,
    ],
    [
      'a model\'s created_time is its v2 creation_context.created_at; tags.get stays',
      'from azureml.core import Model\ntry:\n    model = Model(ws, args.model_name)\n    trained = model.created_time\n    kind = model.tags.get("kind")\nexcept Exception:\n    trained = None\n',
      `${CLIENT}try:\n    model = ml_client.models.get(name=args.model_name, label="latest")\n    trained = model.creation_context.created_at\n    kind = model.tags.get("kind")\nexcept Exception:\n    trained = None\n`,
    ],
    [
      'Model.register with tags, properties and description',
      'from azureml.core import Model\nmodel = Model.register(ws, "outputs/model.pkl", "m", tags={"area": "x"}, properties={"p": "1"}, description="d")\nprint(model.name, model.version)\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport azure.ai.ml.entities\nimport azure.ai.ml.constants\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n' +
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="m", path="outputs/model.pkl", description="d", tags={"area": "x"}, properties={"p": "1"}, type=azure.ai.ml.constants.AssetTypes.CUSTOM_MODEL))\nprint(model.name, model.version)\n',
    ],
    [
      // The file or folder registered is the one entry of AZUREML_MODEL_DIR, as it was of v1's
      // azureml-models/<name>/<version> (concept-online-deployment-model-specification).
      'Model.get_model_path in a scoring script\'s init() → the one entry of AZUREML_MODEL_DIR',
      'import json\nimport joblib\nfrom azureml.core.model import Model\n\n\ndef init():\n    global model\n    model_path = Model.get_model_path("sklearn_mnist")\n    model = joblib.load(model_path)\n\n\ndef run(raw_data):\n    return model.predict(json.loads(raw_data)["data"]).tolist()\n',
      'import os\nimport json\nimport joblib\n\n\ndef init():\n    global model\n    model_path = os.path.join(os.environ["AZUREML_MODEL_DIR"], os.listdir(os.environ["AZUREML_MODEL_DIR"])[0])\n    model = joblib.load(model_path)\n\n\ndef run(raw_data):\n    return model.predict(json.loads(raw_data)["data"]).tolist()\n',
    ],
    [
      'Webservice(ws, name).delete() → online_endpoints.begin_delete(name).result()',
      'from azureml.core import Webservice\ntry:\n    Webservice(ws, "svc").delete()\nexcept Exception:\n    pass\n',
      `${CLIENT}try:\n    ml_client.online_endpoints.begin_delete(name="svc").result()\nexcept Exception:\n    pass\n`,
    ],
    [
      'AciWebservice(ws, name).delete() too',
      'from azureml.core.webservice import AciWebservice\nAciWebservice(ws, name=service_name).delete()\n',
      `${CLIENT}ml_client.online_endpoints.begin_delete(name=service_name).result()\n`,
    ],
    [
      'a looked-up service becomes the endpoint once its keys and delete are rewritten',
      'from azureml.core.webservice import Webservice\nservice = Webservice(workspace=ws, name="svc")\nuri = service.scoring_uri\nkey = service.get_keys()[0]\nservice.delete()\n',
      `${CLIENT}service = ml_client.online_endpoints.get(name="svc")\nuri = service.scoring_uri\nkey = ml_client.online_endpoints.get_keys(name=service.name).primary_key\nml_client.online_endpoints.begin_delete(name=service.name).result()\n`,
    ],
    [
      // v2 raises azure-core's HttpResponseError (ResourceNotFoundError) where v1 raised WebserviceException.
      'the "remove any existing service" idiom: the v1 exception handler catches the v2 error',
      'from azureml.core import Webservice\nfrom azureml.exceptions import WebserviceException\ntry:\n    Webservice(ws, service_name).delete()\nexcept WebserviceException:\n    pass\n',
      `from azure.core.exceptions import HttpResponseError\n${CLIENT}try:\n    ml_client.online_endpoints.begin_delete(name=service_name).result()\nexcept HttpResponseError:\n    pass\n`,
    ],
    [
      // DEP's v2 side: endpoint (key auth) + deployment "blue" + 100% traffic, each create waited on;
      // the SKU from MOE's table (0.5 cores, 1 GB → DS1 v2); run → the POST v1 made, with the key.
      'the whole ACI lifecycle: InferenceConfig, deploy_configuration, Model.deploy and the service\'s uses',
      ACI_LIFECYCLE,
      `${CLIENT.split('ml_client =')[0]}${DEPLOY_IMPORTS}import json\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n` +
        'model = ml_client.models.get(name="bidaf_onnx", label="latest")\n' +
        'inference_config = CodeConfiguration(code="./source_dir", scoring_script="./score.py")\n' +
        'deployment_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
        'service = ManagedOnlineEndpoint(name="myservice", auth_mode="key")\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=inference_config, **deployment_config)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        '\n' +
        'print(service.provisioning_state)\n' +
        'print(service.scoring_uri)\n' +
        'response = requests.post(service.scoring_uri, data=json.dumps({"query": "x"}), headers={"Content-Type": "application/json", "Authorization": "Bearer " + ml_client.online_endpoints.get_keys(name=service.name).primary_key})\n' +
        'response.raise_for_status()\n' +
        'predictions = response.json()\n' +
        'print(ml_client.online_deployments.get_logs(name="blue", endpoint_name=service.name, lines=5000))\n' +
        'ml_client.online_endpoints.begin_delete(name=service.name).result()\n',
    ],
    [
      // No auth_enabled: ACI had no auth, which managed endpoints do not offer (MOE: key auth).
      // 1 core with 2 GB → DS2 v2, the first row holding it; no source directory → code ".".
      'inline configurations inside a function: indented, reviewed values marked',
      'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\n\n\ndef deploy(ws, env, name):\n    model = Model(ws, "m", version=2)\n    svc = Model.deploy(ws, name, [model], InferenceConfig("score.py", environment=env), AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=2, enable_app_insights=True))\n    svc.wait_for_deployment()\n    return svc.scoring_uri\n',
      `${CLIENT.split('ml_client =')[0]}from azure.ai.ml.entities import CodeConfiguration\nfrom azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\n\ndef deploy(ws, env, name):\n` +
        '    model = ml_client.models.get(name="m", version="2")\n' +
        '    svc = ManagedOnlineEndpoint(name=name, auth_mode="key")  # amlint: review\n' +
        '    ml_client.online_endpoints.begin_create_or_update(svc).result()\n' +
        '    ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=svc.name, model=model, environment=env, code_configuration=CodeConfiguration(code=".", scoring_script="score.py"), instance_type="Standard_DS2_v2", instance_count=1, app_insights_enabled=True)).result()  # amlint: review\n' +
        '    svc.traffic = {"blue": 100}\n' +
        '    svc = ml_client.online_endpoints.begin_create_or_update(svc).result()\n' +
        '    return svc.scoring_uri\n',
    ],
    [
      // A v1-registered model is the same asset in v2, referenced as azureml:<name>:<version>.
      'a model that stays v1 (registered with datasets) goes into the deployment by reference',
      'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nmodel = Model.register(ws, model_name="m", model_path="m.pkl", datasets=[("training", ds)])\nic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)\nservice = model.deploy(ws, "svc", [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True))\nservice.wait_for_deployment(True)\n',
      'from azure.ai.ml.entities import CodeConfiguration\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\nfrom azureml.core import Model\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n' +
        'model = Model.register(ws, model_name="m", model_path="m.pkl", datasets=[("training", ds)])\n' +
        'ic = CodeConfiguration(code="src", scoring_script="score.py")\n' +
        'service = ManagedOnlineEndpoint(name="svc", auth_mode="key")\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=f"azureml:{model.name}:{model.version}", environment=env, code_configuration=ic, instance_type="Standard_DS1_v2", instance_count=1)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n\n',
    ],
    [
      // v2 Model has no framework field (migrate-to-v2-assets-model: type=custom_model); dropped, marked for review.
      'Model.register with a framework (used by v1 no-code deployment only) → custom model, marked for review',
      'import sklearn\nfrom azureml.core import Model\n\nmodel = Model.register(workspace=ws,\n                       model_name="my-sklearn-model",\n                       model_path="./sklearn_regression_model.pkl",\n                       model_framework=Model.Framework.SCIKITLEARN,\n                       model_framework_version=sklearn.__version__,\n                       description="Ridge regression model",\n                       tags={"area": "diabetes"})\nprint(model.name, model.version)\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport azure.ai.ml.entities\nimport azure.ai.ml.constants\nimport sklearn\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\n' +
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="my-sklearn-model", path="./sklearn_regression_model.pkl", description="Ridge regression model", tags={"area": "diabetes"}, type=azure.ai.ml.constants.AssetTypes.CUSTOM_MODEL))  # amlint: review\nprint(model.name, model.version)\n',
    ],
    [
      // DEP: Webservice(ws, name) → online_endpoints.get(name); logs are per deployment
      // (OnlineDeploymentOperations.get_logs(name, endpoint_name, lines)): the one the endpoint's traffic goes to.
      'a looked-up service: scoring URI (also through a variable), keys and logs on the endpoint of that name',
      'import requests\nfrom azureml.core import Webservice\n\nservice = Webservice(workspace=ws, name="myaciservice")\nscoring_uri = service.scoring_uri\nkey, _ = service.get_keys()\nresp = requests.post(scoring_uri, data=data, headers={"Authorization": f"Bearer {key}"})\nprint(service.get_logs())\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport operator\nimport requests\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\n' +
        'service = ml_client.online_endpoints.get(name="myaciservice")\nscoring_uri = service.scoring_uri\nkey, _ = operator.attrgetter("primary_key", "secondary_key")(ml_client.online_endpoints.get_keys(name=service.name))\n' +
        'resp = requests.post(scoring_uri, data=data, headers={"Authorization": f"Bearer {key}"})\nprint(ml_client.online_deployments.get_logs(name=max(service.traffic, key=service.traffic.get), endpoint_name=service.name, lines=5000))\n',
    ],
    [
      // v2 raises azure-core's HttpResponseError (ResourceNotFoundError) where v1 raised WebserviceException.
      'a looked-up service under a v1 handler: the handler catches HttpResponseError',
      'from azureml.core import Webservice\nfrom azureml.exceptions import WebserviceException\ntry:\n    service = Webservice(ws, "svc")\n    print(service.state == "Healthy")\nexcept WebserviceException:\n    print("no service")\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azure.core.exceptions import HttpResponseError\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\ntry:\n    service = ml_client.online_endpoints.get(name="svc")\n    print(service.provisioning_state == "Succeeded")\nexcept HttpResponseError:\n    print("no service")\n',
    ],
    [
      'get_model_path in init() of a scoring script whose run() is decorated (inference-schema)',
      'import joblib\nfrom azureml.core.model import Model\nfrom inference_schema.schema_decorators import input_schema\n\n\ndef init():\n    global model\n    model = joblib.load(Model.get_model_path(model_name="m.pkl", version=2))\n\n\n@input_schema("data", schema)\ndef run(data):\n    return model.predict(data).tolist()\n',
      'import os\nimport joblib\nfrom inference_schema.schema_decorators import input_schema\n\n\ndef init():\n    global model\n    model = joblib.load(os.path.join(os.environ["AZUREML_MODEL_DIR"], os.listdir(os.environ["AZUREML_MODEL_DIR"])[0]))\n\n\n@input_schema("data", schema)\ndef run(data):\n    return model.predict(data).tolist()\n',
    ],
    [
      'a model looked up inside the deploy call goes into the deployment as models.get',
      'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)\nservice = Model.deploy(ws, "svc", [Model(ws, "m", version=2)], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True))\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azure.ai.ml.entities import CodeConfiguration\nfrom azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n' +
        'ic = CodeConfiguration(code="src", scoring_script="score.py")\n' +
        'service = ManagedOnlineEndpoint(name="svc", auth_mode="key")\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=ml_client.models.get(name="m", version="2"), environment=env, code_configuration=ic, instance_type="Standard_DS1_v2", instance_count=1)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n',
    ],
    [
      // v1 built the image from the conda file; v2 needs an image with it (ENV2's example image, marked for review).
      'an inference config with runtime and conda file: a v2 environment from the conda file',
      'from azureml.core.model import InferenceConfig, Model\nfrom azureml.core.webservice import AciWebservice\nmodel = Model(ws, "m")\nic = InferenceConfig(runtime="python", entry_script="score.py", conda_file="myenv.yml")\nservice = Model.deploy(ws, "svc", [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True))\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport azure.ai.ml.entities\nfrom azure.ai.ml.entities import CodeConfiguration\nfrom azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n' +
        'model = ml_client.models.get(name="m", label="latest")\n' +
        'ic = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n' +
        'service = ManagedOnlineEndpoint(name="svc", auth_mode="key")\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file="myenv.yml"), code_configuration=ic, instance_type="Standard_DS1_v2", instance_count=1)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n',
    ],
    [
      // v2 models.list() lists one entry per model (version None), list(name=) its versions: every
      // version is each model's list(name=); the order may differ (review). The same name then bound
      // again to a lookup: each binding's reads are its own.
      'Model.list iterated only to print names and versions, the name then bound to ws.models[...]',
      'from azureml.core import Workspace, Model\nws = Workspace.from_config()\nfor m in Model.list(ws):\n    print(m.name, "v" + str(m.version))\nm = ws.models["churn"]\nprint(f"{m.name}: {m.version}")\n',
      `${CLIENT}for m in (v for c in ml_client.models.list() for v in ml_client.models.list(name=c.name)):  # amlint: review\n    print(m.name, "v" + str(m.version))\nm = ml_client.models.get(name="churn", label="latest")\nprint(f"{m.name}: {m.version}")\n`,
    ],
    [
      // v2 models of list(name=) carry their tags and properties (Model._from_rest_object).
      'Model.list whose loop also shows each model\'s tags and properties (the DP-100 listing)',
      'from azureml.core import Workspace, Model\nws = Workspace.from_config()\nfor m in Model.list(ws):\n    print(m.name, m.version)\n    for k in m.tags:\n        value = m.tags[k]\n        print(k, value)\n    for k, v in m.properties.items():\n        print(k, v)\n',
      `${CLIENT}for m in (v for c in ml_client.models.list() for v in ml_client.models.list(name=c.name)):  # amlint: review\n    print(m.name, m.version)\n    for k in m.tags:\n        value = m.tags[k]\n        print(k, value)\n    for k, v in m.properties.items():\n        print(k, v)\n`,
    ],
    [
      'Model.list of one name → models.list(name=...), inside a function',
      'from azureml.core import Workspace, Model\nws = Workspace.from_config()\n\n\ndef show():\n    for model in Model.list(ws, name="churn"):\n        print("{} {}".format(model.name, model.version))\n',
      `${CLIENT}\n\ndef show():\n    for model in ml_client.models.list(name="churn"):  # amlint: review\n        print("{} {}".format(model.name, model.version))\n`,
    ],
    [
      // Run.get_best_run_by_primary_metric is the HyperDrive best child Run; its register_model returns a v1
      // Model, which stays v1 and goes into the deployment by registered name and version (as other v1 models).
      'a HyperDrive best run\'s registered model deployed to ACI',
      'from azureml.core import Model, Run\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nhd_run = Run(exp, "HD_1")\nbest_run = hd_run.get_best_run_by_primary_metric()\nmodel = best_run.register_model(model_name="hd-model", model_path="outputs/model.pkl")\nic = InferenceConfig(entry_script="score.py", environment=env)\ncfg = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)\nservice = Model.deploy(ws, "hd-svc", [model], ic, cfg)\nservice.wait_for_deployment(show_output=True)\nprint(service.scoring_uri)\n',
      'from azure.ai.ml.entities import CodeConfiguration\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\nfrom azureml.core import Run\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nhd_run = Run(exp, "HD_1")\nbest_run = hd_run.get_best_run_by_primary_metric()\nmodel = best_run.register_model(model_name="hd-model", model_path="outputs/model.pkl")\n' +
        'ic = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\ncfg = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\nservice = ManagedOnlineEndpoint(name="hd-svc", auth_mode="key")  # amlint: review\nml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=f"azureml:{model.name}:{model.version}", environment=env, code_configuration=ic, **cfg)).result()  # amlint: review\nservice.traffic = {"blue": 100}\nservice = ml_client.online_endpoints.begin_create_or_update(service).result()\n\nprint(service.scoring_uri)\n',
    ],
    [
      // The local deployment stays v1 (v2 local endpoints take local model files only), and so do the inference
      // config and environment it shares; the ACI one gets its v2 code configuration and environment written in
      // the deployment (ENV2: image + conda file), the model by registered name and version.
      'an inference config shared by a local and an ACI deployment: the ACI one migrates with a v2 copy',
      'from azureml.core import Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice, LocalWebservice\nmodel = Model(ws, "m")\nenv = Environment.from_conda_specification(name="env", file_path="env.yml")\nic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)\nlocal = Model.deploy(ws, "local", [model], ic, LocalWebservice.deploy_configuration(port=6789))\nlocal.wait_for_deployment()\naci = Model.deploy(ws, "aci", [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1))\naci.wait_for_deployment(show_output=True)\nprint(aci.scoring_uri)\n',
      `${CLIENT.split('\n').slice(0, 2).join('\n')}\nimport azure.ai.ml.entities\n${DEPLOY_IMPORTS.replace('import requests\n', '')}from azureml.core import Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import LocalWebservice\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n` +
        'model = Model(ws, "m")\nenv = Environment.from_conda_specification(name="env", file_path="env.yml")\nic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)\nlocal = Model.deploy(ws, "local", [model], ic, LocalWebservice.deploy_configuration(port=6789))\nlocal.wait_for_deployment()\n' +
        'aci = ManagedOnlineEndpoint(name="aci", auth_mode="key")  # amlint: review\nml_client.online_endpoints.begin_create_or_update(aci).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=aci.name, model=f"azureml:{model.name}:{model.version}", environment=azure.ai.ml.entities.Environment(name="env", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file="env.yml"), code_configuration=CodeConfiguration(code="src", scoring_script="score.py"), instance_type="Standard_DS1_v2", instance_count=1)).result()  # amlint: review\n' +
        'aci.traffic = {"blue": 100}\naci = ml_client.online_endpoints.begin_create_or_update(aci).result()\n\nprint(aci.scoring_uri)\n',
    ],
    [
      // The helper's environment is built, configured and returned in its body: rewritten there (ENV2), its one
      // call's result going to the deployment.
      'an environment built by a helper function called once, deployed to ACI',
      'from azureml.core import Environment, Model\nfrom azureml.core.conda_dependencies import CondaDependencies\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\n\n\ndef get_env():\n    env = Environment(name="inference")\n    deps = CondaDependencies()\n    deps.add_conda_package("numpy")\n    env.python.conda_dependencies = deps\n    return env\n\n\nmodel = Model(ws, "m")\nenv = get_env()\nic = InferenceConfig(entry_script="score.py", environment=env)\nservice = Model.deploy(ws, "svc", [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1))\nprint(service.scoring_uri)\n',
      `${CLIENT.split('\n').slice(0, 2).join('\n')}\nimport azure.ai.ml.entities\n${DEPLOY_IMPORTS.replace('import requests\n', '')}ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\n\n` +
        'def get_env():\n    env = azure.ai.ml.entities.Environment(\n        name="inference",\n        image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review\n        conda_file={\n            "channels": ["anaconda", "conda-forge"],\n            "dependencies": [\n                "python=3.8.13",\n                "numpy",\n                {"pip": ["azureml-defaults"]},\n            ],\n        },\n    )\n    return env\n\n\n' +
        'model = ml_client.models.get(name="m", label="latest")\nenv = get_env()\nic = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n' +
        'service = ManagedOnlineEndpoint(name="svc", auth_mode="key")  # amlint: review\nml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=ic, instance_type="Standard_DS1_v2", instance_count=1)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\nservice = ml_client.online_endpoints.begin_create_or_update(service).result()\nprint(service.scoring_uri)\n',
    ],
    [
      // ENV2: Environment.get(ws, name) → environments.get(name=, label="latest"); written in the inference
      // config, it moves to the deployment (DEP: ManagedOnlineDeployment(environment=...)).
      'a curated environment looked up in the inference config, inside a function',
      'from azureml.core import Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\ndef deploy(ws):\n    model = Model(ws, "diabetes-model")\n    inference_config = InferenceConfig(entry_script="score.py", environment=Environment.get(ws, "AzureML-sklearn-0.24-ubuntu18.04-py37-cpu"))\n    aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)\n    service = Model.deploy(ws, "diabetes-service", [model], inference_config, aci_config)\n    service.wait_for_deployment(show_output=True)\n    return service.scoring_uri\n',
      `${CLIENT.split('\n').slice(0, 2).join('\n')}\n${DEPLOY_IMPORTS.replace('import requests\n', '')}ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n` +
        'def deploy(ws):\n    model = ml_client.models.get(name="diabetes-model", label="latest")\n    inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n    aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
        '    service = ManagedOnlineEndpoint(name="diabetes-service", auth_mode="key")  # amlint: review\n    ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        '    ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=ml_client.environments.get(name="AzureML-sklearn-0.24-ubuntu18.04-py37-cpu", label="latest"), code_configuration=inference_config, **aci_config)).result()  # amlint: review\n' +
        '    service.traffic = {"blue": 100}\n    service = ml_client.online_endpoints.begin_create_or_update(service).result()\n    return service.scoring_uri\n',
    ],
    [
      // The Udacity/MLN shape: one environment for training and deployment. The deployment gets a copy
      // (ENV2 entity), the training job the environment itself in the next pass (jobs.ts).
      'an environment given to a ScriptRunConfig and to the inference config',
      'from azureml.core import Environment, Experiment, Model, ScriptRunConfig\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\ndef train_and_deploy(ws):\n    env = Environment.from_conda_specification("sklearn-env", "conda.yml")\n    src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu-cluster", environment=env)\n    run = Experiment(ws, "train").submit(src)\n    run.wait_for_completion(show_output=True)\n    model = Model(ws, "sk-model")\n    inference_config = InferenceConfig(entry_script="score.py", environment=env)\n    aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)\n    service = Model.deploy(ws, "sk-service", [model], inference_config, aci_config)\n    service.wait_for_deployment(show_output=True)\n    return service.scoring_uri\n',
      `from azure.ai.ml import command\n${CLIENT.split('\n').slice(0, 2).join('\n')}\nimport azure.ai.ml.entities\n${DEPLOY_IMPORTS.replace('import requests\n', '')}ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n` +
        'def train_and_deploy(ws):\n    env = azure.ai.ml.entities.Environment(\n        name="sklearn-env",\n        image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review\n        conda_file="conda.yml",\n    )\n' +
        '    src = command(code=".", command="python train.py", environment=env, compute="cpu-cluster")\n    run = ml_client.jobs.create_or_update(src, experiment_name="train")\n    ml_client.jobs.stream(run.name)\n' +
        '    model = ml_client.models.get(name="sk-model", label="latest")\n    inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n    aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
        '    service = ManagedOnlineEndpoint(name="sk-service", auth_mode="key")  # amlint: review\n    ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        '    ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=azure.ai.ml.entities.Environment(name="sklearn-env", image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file="conda.yml"), code_configuration=inference_config, **aci_config)).result()  # amlint: review\n' +
        '    service.traffic = {"blue": 100}\n    service = ml_client.online_endpoints.begin_create_or_update(service).result()\n    return service.scoring_uri\n',
    ],
    [
      // v1 read conda_file (like entry_script) relative to source_directory ("your entry_script, conda_file,
      // and extra_docker_file_steps paths are relative paths to the source_directory path", the v1
      // inference config reference, MicrosoftDocs/azure-docs includes/machine-learning-service-inference-config.md);
      // a v2 Environment's conda_file is a path from the working directory: joined to the folder.
      'the older inference config with a conda file under a source directory (the DP-100 labs)',
      'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nm = Model(ws, "m")\nic = InferenceConfig(entry_script="score.py", source_directory="src", runtime="python", conda_file="env.yml")\nservice = Model.deploy(ws, "svc", [m], ic, AciWebservice.deploy_configuration())\n',
      `${CLIENT.split('ml_client =')[0]}import os\nimport azure.ai.ml.entities\n${DEPLOY_IMPORTS.replace('import requests\n', '')}ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n` +
        'm = ml_client.models.get(name="m", label="latest")\n' +
        'ic = CodeConfiguration(code="src", scoring_script="score.py")\n' +
        'service = ManagedOnlineEndpoint(name="svc", auth_mode="key")  # amlint: review\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=m, environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file=os.path.join("src", "env.yml")), code_configuration=ic, instance_type="Standard_DS1_v2", instance_count=1)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n',
    ],
    [
      // The whole try body is the lookup's lifecycle: every v2 call in it raises HttpResponseError where v1 raised WebserviceException.
      'a service looked up, shown and deleted under one try: the handler catches the v2 error',
      'from azureml.core.webservice import Webservice\nfrom azureml.exceptions import WebserviceException\ntry:\n    old = Webservice(ws, name="svc")\n    print("Deleting", old.name)\n    old.delete()\nexcept WebserviceException as e:\n    print(e)\n',
      `${CLIENT.split('ml_client =')[0]}from azure.core.exceptions import HttpResponseError\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\ntry:\n    old = ml_client.online_endpoints.get(name="svc")\n    print("Deleting", old.name)\n    ml_client.online_endpoints.begin_delete(name=old.name).result()\nexcept HttpResponseError as e:\n    print(e)\n`,
    ],
    [
      // azure-ai-ml OnlineEndpointOperations.list() -> ItemPaged[OnlineEndpoint] (operations/_online_endpoint_operations.py);
      // v1 listed ACI/AKS services, v2 lists online endpoints: the loop is marked for review.
      'a loop printing the workspace\'s services → its online endpoints (state → provisioning_state)',
      'from azureml.core.webservice import Webservice\nfor s in Webservice.list(ws):\n    print(s.name, s.state)\n    print("{}: {}".format(s.name, s.scoring_uri))\n',
      `${CLIENT}for s in ml_client.online_endpoints.list():  # amlint: review\n    print(s.name, s.provisioning_state)\n    print("{}: {}".format(s.name, s.scoring_uri))\n`,
    ],
    [
      'a loop printing the names of ws.webservices → the names of the online endpoints',
      'from azureml.core import Workspace\nws = Workspace.from_config()\nfor name in ws.webservices:\n    print(name)\n',
      `${CLIENT}for name in (e.name for e in ml_client.online_endpoints.list()):  # amlint: review\n    print(name)\n`,
    ],
  ];
  rewriteCases(cases);

  it('every piece of the lifecycle offers the same fix', () => {
    assert.deepEqual(withoutFix(ACI_LIFECYCLE, ['AML108', 'AML109']), []);
    const fixes = lint({ kind: 'python', text: ACI_LIFECYCLE }).findings.filter((f) => f.code === 'AML109').map((f) => JSON.stringify(f.fixes![0]!.edits));
    assert.equal(new Set(fixes).size, 1);
  });

  it('the pieces of a looked-up service and of the "remove any existing service" idiom offer its fix', () => {
    const src =
      'from azureml.core import Webservice\nfrom azureml.exceptions import WebserviceException\n' +
      'try:\n    Webservice(ws, "old").delete()\nexcept WebserviceException:\n    pass\n' +
      'service = Webservice(workspace=ws, name="svc")\nuri = service.scoring_uri\nprint(uri, service.get_keys()[0])\nprint(service.get_logs(num_lines=100))\nservice.delete()\n';
    assert.deepEqual(withoutFix(src, ['AML109', 'AML113']), []);
    const out = fixPy(src);
    assert.ok(!out.includes('azureml'), out);
    assert.ok(out.includes('except HttpResponseError:\n    pass\n'), out);
    assert.ok(out.includes('get_logs(name=max(service.traffic, key=service.traffic.get), endpoint_name=service.name, lines=100)'), out);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
  });

  it('a notebook: a service looked up in one cell, its logs read and the endpoint deleted in others', () => {
    const cells = [
      'from azureml.core import Webservice\n\nservice = Webservice(workspace=ws, name="myaciservice")\nprint(service.scoring_uri)',
      'print(service.get_logs())',
      'service.delete()',
    ];
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
      return (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    };
    const out = run(cells);
    assert.deepEqual(out, [
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\nservice = ml_client.online_endpoints.get(name="myaciservice")\nprint(service.scoring_uri)',
      'print(ml_client.online_deployments.get_logs(name=max(service.traffic, key=service.traffic.get), endpoint_name=service.name, lines=5000))',
      'ml_client.online_endpoints.begin_delete(name=service.name).result()',
    ]);
    assert.deepEqual(run(out), out, 'a second run changes nothing');
  });

  it('a run\'s environment written in the inference config offers the deployment\'s fix', () => {
    const src =
      'from azureml.core import Model, Run\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nmodel = Model(ws, "m")\nbest_run = Run(experiment, "a")\n' +
      'ic = InferenceConfig(entry_script="score.py", environment=best_run.get_environment())\naci = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)\nservice = Model.deploy(ws, "svc", [model], ic, aci)\n';
    const fixes = lint({ kind: 'python', text: src }).findings.filter((f) => f.code === 'AML109' || f.message.includes('get_environment'));
    assert.ok(fixes.some((f) => f.message.includes('get_environment')), 'the get_environment finding is there');
    assert.equal(new Set(fixes.map((f) => JSON.stringify(f.fixes?.[0]?.edits))).size, 1, 'every piece offers the one fix');
    assert.ok(fixPy(src).includes('environment="azureml:{0.name}:{0.version}".format(best_run.get_environment())'), fixPy(src));
  });

  it('a notebook in the DP-100 lab shape: conda file under the service folder, services listed by name', () => {
    const cells = [
      'from azureml.core import Workspace, Model\nws = Workspace.from_config()\nmodel = ws.models["diabetes_model"]',
      'from azureml.core.webservice import AciWebservice\nfrom azureml.core.model import InferenceConfig\n\ninference_config = InferenceConfig(runtime= "python",\n                                   source_directory = folder,\n                                   entry_script="score_diabetes.py",\n                                   conda_file="diabetes_env.yml")\n\ndeployment_config = AciWebservice.deploy_configuration(cpu_cores = 1, memory_gb = 1)\nservice = Model.deploy(ws, "diabetes-service", [model], inference_config, deployment_config)\nservice.wait_for_deployment(True)\nprint(service.state)',
      'for webservice_name in ws.webservices:\n    print(webservice_name)',
      'service.delete()',
    ];
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
      return (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    };
    const out = run(cells);
    assert.deepEqual(out, [
      `import os\nimport azure.ai.ml.entities\nfrom azure.ai.ml.entities import CodeConfiguration\n${CLIENT.split('ml_client =')[0]}${DEPLOY_IMPORTS.replace('import requests\n', '').replace('from azure.ai.ml.entities import CodeConfiguration\n', '')}ml_client = MLClient.from_config(credential=DefaultAzureCredential())\nmodel = ml_client.models.get(name="diabetes_model", label="latest")`,
      'inference_config = CodeConfiguration(code=folder, scoring_script="score_diabetes.py")\n\n' +
        // 1 core with 1 GB: DS1 v2 (the ACI upgrade page's table).
        'deployment_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
        'service = ManagedOnlineEndpoint(name="diabetes-service", auth_mode="key")  # amlint: review\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        // The model, a v1 lookup when the deployment is rewritten (workspace.ts rewrites it in the same pass), goes in by name and version.
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=f"azureml:{model.name}:{model.version}", environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest", conda_file=os.path.join(folder, "diabetes_env.yml")), code_configuration=inference_config, **deployment_config)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n\n' +
        'print(service.provisioning_state)',
      'for webservice_name in (e.name for e in ml_client.online_endpoints.list()):  # amlint: review\n    print(webservice_name)',
      'ml_client.online_endpoints.begin_delete(name=service.name).result()',
    ]);
    assert.deepEqual(run(out), out, 'a second run changes nothing');
  });

  it('a name holding a model attribute\'s value offers the model\'s fix', () => {
    const src = 'from azureml.core import Model\ntry:\n    model = Model(ws, args.model_name)\n    trained = model.created_time\n    print("Last trained on {0}.".format(trained))\nexcept Exception:\n    trained = None\n';
    assert.deepEqual(withoutFix(src, ['AML108']), []);
    assert.equal(
      fixPy(src),
      `${CLIENT}try:\n    model = ml_client.models.get(name=args.model_name, label="latest")\n    trained = model.creation_context.created_at\n    print("Last trained on {0}.".format(trained))\nexcept Exception:\n    trained = None\n`,
    );
  });

  it('the framework constant of a registration offers the registration\'s fix', () => {
    const src = 'from azureml.core import Model\nmodel = Model.register(ws, "m.pkl", "m", model_framework=Model.Framework.ONNX, model_framework_version="1.3")\n';
    assert.deepEqual(withoutFix(src, ['AML108']), []);
  });

  it('a v1 environment given to the inference config is rewritten in the same fix (environmentEdits)', () => {
    const src =
      'from azureml.core import Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nmodel = Model(ws, "m")\n' +
      'myenv = Environment.from_conda_specification(name="env", file_path="myenv.yml")\ninference_config = InferenceConfig(entry_script="score.py", environment=myenv)\n' +
      'service = Model.deploy(ws, "svc", [model], inference_config, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True))\nservice.wait_for_deployment(True)\n';
    assert.deepEqual(withoutFix(src, ['AML104', 'AML108', 'AML109']), []);
    const out = fixPy(src);
    assert.ok(!out.includes('azureml.core'), out);
    assert.ok(/myenv = azure\.ai\.ml\.entities\.Environment\(/.test(out), out);
    assert.ok(out.includes('ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=myenv, code_configuration=inference_config, instance_type="Standard_DS1_v2", instance_count=1)'), out);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
  });

  it('a notebook: models listed in one cell, one of them looked up under the same name in the next', () => {
    const cells = ['from azureml.core import Workspace, Model\nws = Workspace.from_config()', 'for model in Model.list(ws):\n    print(model.name, "version:", model.version)', 'model = ws.models["diabetes"]\nprint(model.name, model.version)'];
    const out = fixDocument({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.deepEqual(
      out.cells.map((c) => c.text),
      [
        CLIENT.trimEnd(),
        'for model in (v for c in ml_client.models.list() for v in ml_client.models.list(name=c.name)):  # amlint: review\n    print(model.name, "version:", model.version)',
        'model = ml_client.models.get(name="diabetes", label="latest")\nprint(model.name, model.version)',
      ],
    );
    const again = fixDocument({ kind: 'notebook', cells: out.cells.map((c) => ({ kind: 'code' as const, text: c.text })) }, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.deepEqual(again.cells.map((c) => c.text), out.cells.map((c) => c.text));
  });

  it('a notebook: register, deploy, score, check and delete in separate cells', () => {
    const cells = [
      'from azureml.core import Model\n\nmodel = Model.register(workspace=ws, model_name="sklearn_mnist", model_path="outputs/sklearn_mnist_model.pkl")\nprint(model.name, model.version)\n',
      'from azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\n\ninference_config = InferenceConfig(entry_script="score.py", environment=myenv)\naciconfig = AciWebservice.deploy_configuration(cpu_cores=1,\n                                               memory_gb=1,\n                                               tags={"data": "MNIST"},\n                                               description="Predict MNIST with sklearn")\nservice = Model.deploy(workspace=ws,\n                       name="sklearn-mnist-svc",\n                       models=[model],\n                       inference_config=inference_config,\n                       deployment_config=aciconfig)\nservice.wait_for_deployment(show_output=True)\n',
      'print(service.scoring_uri)',
      'test_samples = json.dumps({"data": X_test[0:10].tolist()})\nresult = service.run(input_data=test_samples)',
      'if service.state != "Healthy":\n    print(service.get_logs())',
      'service.delete()',
    ];
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
      assert.equal(out.kind, 'notebook');
      return (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    };
    const out = run(cells);
    assert.deepEqual(out, [
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport azure.ai.ml.entities\nimport azure.ai.ml.constants\n' +
        DEPLOY_IMPORTS +
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\nmodel = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="sklearn_mnist", path="outputs/sklearn_mnist_model.pkl", type=azure.ai.ml.constants.AssetTypes.CUSTOM_MODEL))\nprint(model.name, model.version)\n',
      'inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n' +
        'aciconfig = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
        'service = ManagedOnlineEndpoint(name="sklearn-mnist-svc", auth_mode="key", description="Predict MNIST with sklearn", tags={"data": "MNIST"})  # amlint: review\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=myenv, code_configuration=inference_config, **aciconfig)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n\n',
      'print(service.scoring_uri)',
      'test_samples = json.dumps({"data": X_test[0:10].tolist()})\nresponse = requests.post(service.scoring_uri, data=test_samples, headers={"Content-Type": "application/json", "Authorization": "Bearer " + ml_client.online_endpoints.get_keys(name=service.name).primary_key})\nresponse.raise_for_status()\nresult = response.json()',
      'if service.provisioning_state != "Succeeded":\n    print(ml_client.online_deployments.get_logs(name="blue", endpoint_name=service.name, lines=5000))',
      'ml_client.online_endpoints.begin_delete(name=service.name).result()',
    ]);
    for (const c of out) assert.ok(parses(c), c);
    assert.deepEqual(run(out), out, 'a second run changes nothing');
  });

  it('Udacity logs.py: a looked-up service gets app insights, prints its swagger URI and logs', () => {
    const src =
      'from azureml.core import Workspace\nfrom azureml.core.webservice import Webservice\n\nws = Workspace.from_config()\nname = "automl-best-model"\n' +
      'service = Webservice(name=name, workspace=ws)\nservice.update(enable_app_insights=True)\nprint(service.swagger_uri)\n\nlogs = service.get_logs()\nfor line in logs.split("\\n"):\n    print(line)\n';
    assert.deepEqual(withoutFix(src, ['AML109']), []);
    // ManagedOnlineDeployment(app_insights_enabled=...); OnlineEndpoint.openapi_uri (the swaggerUri v1 reported).
    assert.equal(
      fixPy(src),
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\n' +
        'name = "automl-best-model"\nservice = ml_client.online_endpoints.get(name=name)\n' +
        'deployment = ml_client.online_deployments.get(name=max(service.traffic, key=service.traffic.get), endpoint_name=service.name)\n' +
        'deployment.app_insights_enabled = True\n' +
        'ml_client.online_deployments.begin_create_or_update(deployment).result()\n' +
        'print(service.openapi_uri)\n\n' +
        'logs = ml_client.online_deployments.get_logs(name=max(service.traffic, key=service.traffic.get), endpoint_name=service.name, lines=5000)\nfor line in logs.split("\\n"):\n    print(line)\n',
    );
  });

  it('ws.webservices[name] is a lookup by name too; the workspace stays v1 for its other uses', () => {
    const src =
      'from azureml.core import Workspace\n\nws = Workspace.from_config()\nservice = ws.webservices["my-service"]\nprint(service.scoring_uri)\nprint(service.get_logs())\n' +
      'for name in ws.webservices.keys():\n    print(name)\n';
    assert.deepEqual(withoutFix(src, ['AML109']), []);
    assert.equal(
      fixPy(src),
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azureml.core import Workspace\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\n' +
        'ws = Workspace.from_config()\nservice = ml_client.online_endpoints.get(name="my-service")\nprint(service.scoring_uri)\n' +
        'print(ml_client.online_deployments.get_logs(name=max(service.traffic, key=service.traffic.get), endpoint_name=service.name, lines=5000))\n' +
        'for name in ws.webservices.keys():\n    print(name)\n',
    );
  });

  it('a run\'s environment written in the inference config moves to the deployment as its registered reference', () => {
    const src =
      'from azureml.core import Model, Run\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\n' +
      'best_run = Run(experiment, run_id)\nmodel = best_run.register_model(model_name="m", model_path="outputs/model.pkl")\n' +
      'ic = InferenceConfig(entry_script="score.py", environment=best_run.get_environment())\n' +
      'service = Model.deploy(ws, "svc", [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True))\n';
    const out = fixPy(src);
    // str.format reads name and version of the one environment object the call returns.
    assert.ok(out.includes('ic = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n'), out);
    assert.ok(out.includes('ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=f"azureml:{model.name}:{model.version}", environment="azureml:{0.name}:{0.version}".format(best_run.get_environment()), code_configuration=ic, instance_type="Standard_DS1_v2", instance_count=1)'), out);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
  });

  it('a swagger URI of a service of unknown origin → the endpoint\'s openapi_uri', () => {
    assert.equal(
      fixPy('from azureml.core.webservice import Webservice\n\ndef show(service: Webservice):\n    print(service.swagger_uri)\n'),
      // The parameter stays a v1 service (its annotation too): only the read goes through the endpoint of its name.
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azureml.core.webservice import Webservice\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\ndef show(service: Webservice):\n    print(ml_client.online_endpoints.get(name=service.name).openapi_uri)\n',
    );
  });

  it('a notebook: a curated environment looked up and shown in one cell, deployed with the model in the next', () => {
    const cells = [
      'from azureml.core import Workspace, Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\n\nws = Workspace.from_config()\nmodel = Model(ws, "heart-failure-model")',
      'env = Environment.get(ws, "AzureML-AutoML")\nprint(env.name, env.version)',
      'inference_config = InferenceConfig(entry_script="score.py", environment=env)\ndeployment_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)\nservice = Model.deploy(ws, "heart-failure-service", [model], inference_config, deployment_config)\nservice.wait_for_deployment(show_output=True)',
      'print(service.scoring_uri)',
    ];
    const input = { kind: 'notebook' as const, cells: cells.map((text) => ({ kind: 'code' as const, text })) };
    // Every piece, the environment's name and version reads included, offers the deployment's fix.
    const unfixed = lint(input).findings.filter((f) => ['AML104', 'AML108', 'AML109'].includes(f.code) && !f.fixes?.length);
    assert.deepEqual(unfixed.map((f) => f.message), []);
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
      return (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    };
    const out = run(cells);
    assert.deepEqual(out, [
      `${CLIENT.split('\n').slice(0, 2).join('\n')}\n${DEPLOY_IMPORTS.replace('import requests\n', '')}ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n\nmodel = ml_client.models.get(name="heart-failure-model", label="latest")`,
      'env = ml_client.environments.get(name="AzureML-AutoML", label="latest")\nprint(env.name, env.version)',
      'inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n' +
        'deployment_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
        'service = ManagedOnlineEndpoint(name="heart-failure-service", auth_mode="key")\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=inference_config, **deployment_config)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n',
      'print(service.scoring_uri)',
    ]);
    for (const c of out) assert.ok(parses(c), c);
    assert.deepEqual(run(out), out, 'a second run changes nothing');
  });

  it('a notebook: an AutoML capstone deploys its best run\'s model with the run\'s environment, enables app insights, reads keys and swagger', () => {
    const cells = [
      'from azureml.core import Workspace, Experiment, Model\n\nws = Workspace.from_config()\nexperiment = Experiment(ws, "capstone-automl")\nremote_run = experiment.submit(automl_config)\nbest_run, fitted_model = remote_run.get_output()\nmodel = best_run.register_model(model_name="capstone-model", model_path="outputs/model.pkl")',
      'from azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\n\nbest_run.download_file("outputs/scoring_file_v_1_0_0.py", "score.py")\nenv = best_run.get_environment()\ninference_config = InferenceConfig(entry_script="score.py", environment=env)\n' +
        'aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)\nservice = Model.deploy(ws, "capstone-service", [model], inference_config, aci_config)\nservice.wait_for_deployment(show_output=True)\nservice.update(enable_app_insights=True)',
      'print(service.state)\nprint(service.scoring_uri)\nprint(service.swagger_uri)\nprimary_key, secondary_key = service.get_keys()',
      'print(service.get_logs())',
      'service.delete()',
    ];
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
      return (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    };
    const out = run(cells);
    // The run and its registered model stay v1 (jobs.ts); the deployment takes both by registered name and version.
    assert.deepEqual(out.slice(1), [
      'best_run.download_file("outputs/scoring_file_v_1_0_0.py", "score.py")\nenv = best_run.get_environment()\n' +
        'inference_config = CodeConfiguration(code=".", scoring_script="score.py")  # amlint: review\n' +
        'aci_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
        'service = ManagedOnlineEndpoint(name="capstone-service", auth_mode="key")\n' +
        'ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
        'ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=f"azureml:{model.name}:{model.version}", environment=f"azureml:{env.name}:{env.version}", code_configuration=inference_config, **aci_config)).result()  # amlint: review\n' +
        'service.traffic = {"blue": 100}\n' +
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n\n' +
        'deployment = ml_client.online_deployments.get(name="blue", endpoint_name=service.name)\n' +
        'deployment.app_insights_enabled = True\n' +
        'ml_client.online_deployments.begin_create_or_update(deployment).result()',
      'print(service.provisioning_state)\nprint(service.scoring_uri)\nprint(service.openapi_uri)\nprimary_key, secondary_key = operator.attrgetter("primary_key", "secondary_key")(ml_client.online_endpoints.get_keys(name=service.name))',
      'print(ml_client.online_deployments.get_logs(name="blue", endpoint_name=service.name, lines=5000))',
      'ml_client.online_endpoints.begin_delete(name=service.name).result()',
    ]);
    for (const c of out) assert.ok(parses(c), c);
    assert.deepEqual(run(out), out, 'a second run changes nothing');
  });

  // A workspace named in code is not the config file's: its own client (the workspace migrates
  // with its use), or, kept v1 (Workspace.get by name alone searches the subscriptions), a
  // client built from its three names (real-world-patterns.md: the MLClient(cred,
  // ws.subscription_id, ws.resource_group, ws.name) shape).
  describe('a workspace named in code', () => {
    rewriteCases([
      [
        'Model(ws, name) on Workspace(sub, rg, name): the workspace becomes that MLClient',
        'from azureml.core import Model, Workspace\nws = Workspace("sub", "rg", "w")\nmodel = Model(ws, "m")\nprint(model.name)\n',
        // (The client statement the use's fix added from the kept workspace becomes `ml_client = ws` once ws is one.)
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nws = MLClient(DefaultAzureCredential(), subscription_id="sub", resource_group_name="rg", workspace_name="w")\nml_client = ws\nmodel = ml_client.models.get(name="m", label="latest")\nprint(model.name)\n',
      ],
      [
        'Webservice(ws, name).delete() on Workspace.get(name): a client from the kept workspace\'s names deletes the endpoint',
        'from azureml.core import Webservice, Workspace\nws = Workspace.get("w")\nWebservice(ws, "svc").delete()\n',
        'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azureml.core import Workspace\nws = Workspace.get("w")\nml_client = MLClient(DefaultAzureCredential(), ws.subscription_id, ws.resource_group, ws.name)\nml_client.online_endpoints.begin_delete(name="svc").result()\n',
      ],
    ]);
  });

  it('the AKS cluster a rewritten deployment no longer runs on: its creation is marked for review (it still runs; the endpoint needs it not)', () => {
    const src = 'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.compute import AksCompute, ComputeTarget\nfrom azureml.core.webservice import AksWebservice\nprov = AksCompute.provisioning_configuration(location="eastus2")\naks_target = ComputeTarget.create(ws, "aks-prod", prov)\naks_target.wait_for_completion(show_output=True)\nic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)\ncfg = AksWebservice.deploy_configuration()\nservice = Model.deploy(ws, "svc", [m], ic, cfg, deployment_target=aks_target)\nservice.wait_for_deployment(show_output=True)\n';
    const out = fixPython(src, true);
    assert.match(out, /^aks_target = ComputeTarget\.create\(ws, "aks-prod", prov\)  # amlint: review$/m);
    assert.match(out, /^aks_target\.wait_for_completion\(show_output=True\)$/m);
    assert.match(out, /ManagedOnlineDeployment\(name="blue"/);
    assert.equal(fixPython(out, true), out, 'a second run changes nothing');
  });

  it('a keyed service called by hand with a key the module does not read from it: the request is marked (the endpoint\'s keys are new)', () => {
    const head = 'import requests\nfrom azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AksWebservice\nic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)\ncfg = AksWebservice.deploy_configuration()\nservice = Model.deploy(ws, "svc", [m], ic, cfg, deployment_target=aks_target)\nservice.wait_for_deployment(show_output=True)\n';
    const literal = fixPython(head + 'r = requests.post(service.scoring_uri, data, headers={"Authorization": "Bearer abc"})\n', true);
    assert.match(literal, /^r = requests\.post\(service\.scoring_uri, data, headers=\{"Authorization": "Bearer abc"\}\)  # amlint: review$/m);
    // The key read from the service: the endpoint's key, no mark.
    const read = fixPython(head + 'key = service.get_keys()[0]\nr = requests.post(service.scoring_uri, data, headers={"Authorization": "Bearer " + key})\n', true);
    assert.match(read, /^r = requests\.post\(service\.scoring_uri, data, headers=\{"Authorization": "Bearer " \+ key\}\)$/m);
    assert.match(read, /online_endpoints\.get_keys\(name=service\.name\)/);
  });

  describe('no suggestion when the rewrite would not be faithful', () => {
    const deploy = (config: string, extra = ''): string =>
      `from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice, AksWebservice, LocalWebservice\nic = InferenceConfig(entry_script="score.py", environment=env)\ncfg = ${config}\nservice = Model.deploy(ws, "svc", [m], ic, cfg${extra})\nservice.wait_for_deployment()\n`;
    const negatives: Array<[string, string, number, string]> = [
      ['a model id read inside an f-string (the rewrite has quotes)', 'from azureml.core import Model\nmodel = Model(ws, "m")\nprint(f"{model.id}")\n', 1, '`Model()`'],
      ['a model download read afterwards (v2 writes under <path>/<name>/)', 'import joblib\nfrom azureml.core import Model\nmodel = Model(ws, "m")\nmodel.download(target_dir=".", exist_ok=True)\nclf = joblib.load("model.pkl")\n', 2, '`Model()`'],
      ['a model download without exist_ok=True (v1 raises on an existing file)', 'from azureml.core import Model\nmodel = Model(ws, "m")\nmodel.download(target_dir=".")\n', 2, '`Model.download()`'],
      ['a model download whose path is used', 'from azureml.core import Model\nmodel = Model(ws, "m")\npath = model.download(exist_ok=True)\n', 2, '`Model.download()`'],
      ['a model built inside another expression', 'from azureml.core import Model\nmodels.append(Model(ws, name="m"))\n', 1, '`Model()`'],
      ['Model.register with datasets (no v2 Model field)', 'from azureml.core import Model\nmodel = Model.register(ws, "m.pkl", "m", datasets=[("training", ds)])\n', 1, '`Model.register()`'],
      ['Model.register with a framework, then deployed without a scoring script (no-code: v2 needs MLflow)', 'from azureml.core import Model\nmodel = Model.register(ws, "m.pkl", "m", model_framework=Model.Framework.SCIKITLEARN)\nservice = Model.deploy(ws, "svc", [model])\n', 1, '`Model.register()`'],
      ['Model.register with a resource configuration (profiling)', 'from azureml.core import Model\nmodel = Model.register(ws, "m.pkl", "m", model_framework=Model.Framework.SCIKITLEARN, resource_configuration=rc)\n', 1, '`Model.register()`'],
      ['a looked-up service that may instead be deployed (rebound in the handler)', 'from azureml.core import Model, Webservice\nfrom azureml.exceptions import WebserviceException\ntry:\n    service = Webservice(ws, "svc")\nexcept WebserviceException:\n    service = Model.deploy(ws, "svc", [model])\nprint(service.scoring_uri)\n', 3, '`Webservice()`'],
      ['a looked-up service waited for (it is not being deployed)', 'from azureml.core import Webservice\nservice = Webservice(ws, "svc")\nservice.wait_for_deployment()\n', 1, '`Webservice()`'],
      ['Model.register of a model deployed with v1 afterwards', 'from azureml.core import Model\nmodel = Model.register(ws, "m.pkl", "m")\nservice = model.deploy(ws, "svc", [model])\n', 1, '`Model.register()`'],
      ['a no-code deployment (no inference config)', 'from azureml.core import Model\nm = Model(ws, "m")\nservice = Model.deploy(ws, "svc", [m])\n', 2, '`Model.deploy()`'],
      ['a local service (v2 local endpoints take no port)', deploy('LocalWebservice.deploy_configuration(port=6789)'), 5, '`Model.deploy()`'],
      ['an AKS service that autoscales with its own settings (a managed deployment scales through Azure Monitor)', deploy('AksWebservice.deploy_configuration(autoscale_max_replicas=4)', ', deployment_target=aks'), 5, '`Model.deploy()`'],
      ['an AKS service with token auth or data collection (no managed counterpart written here)', deploy('AksWebservice.deploy_configuration(token_auth_enabled=True, collect_model_data=True)', ', deployment_target=aks'), 5, '`Model.deploy()`'],
      ['an AKS configuration without its cluster (v1 raised), or an ACI one given a cluster', deploy('AksWebservice.deploy_configuration()'), 5, '`Model.deploy()`'],
      ['an ACI configuration given a deployment target', deploy('AciWebservice.deploy_configuration()', ', deployment_target=aks'), 5, '`Model.deploy()`'],
      ['an AKS cluster looked up in the deploy call (dropping it would drop the lookup)', deploy('AksWebservice.deploy_configuration()', ', deployment_target=ComputeTarget(ws, "aks")'), 5, '`Model.deploy()`'],
      ['an ACI request past the SKU table (8 cores)', deploy('AciWebservice.deploy_configuration(cpu_cores=8, memory_gb=32)'), 5, '`Model.deploy()`'],
      ['an ACI option managed endpoints do not have (custom DNS name)', deploy('AciWebservice.deploy_configuration(dns_name_label="x")'), 4, '`AciWebservice.deploy_configuration()`'],
      ['Webservice.list with a v1 filter (no v2 parameter)', 'from azureml.core.webservice import Webservice\nfor s in Webservice.list(ws, compute_type="ACI"):\n    print(s.name)\n', 1, '`Webservice.list()`'],
      ['AciWebservice.list (ACI services only; v2 lists every endpoint)', 'from azureml.core.webservice import AciWebservice\nfor s in AciWebservice.list(ws):\n    print(s.name)\n', 1, '`AciWebservice.list()`'],
      ['Webservice.list whose services are kept, not only printed', 'from azureml.core.webservice import Webservice\nfor s in Webservice.list(ws):\n    services.append(s)\n', 1, '`Webservice.list()`'],
      ['Webservice.list while the module keeps a v1 deploy (the endpoints listed would miss that service)', 'from azureml.core import Model\nfrom azureml.core.webservice import Webservice, LocalWebservice\nfrom azureml.core.model import InferenceConfig\nic = InferenceConfig(entry_script="score.py", environment=env)\nservice = Model.deploy(ws, "svc", [m], ic, LocalWebservice.deploy_configuration(port=6789))\nfor s in Webservice.list(ws):\n    print(s.name)\n', 5, '`Webservice.list()`'],
      ['Webservice.list whose services are used as v1 objects', 'from azureml.core.webservice import Webservice\nfor s in Webservice.list(ws):\n    print(s.name, s.compute_type)\n', 1, '`Webservice.list()`'],
      ['ws.webservices iterated with the names used otherwise than printed', 'from azureml.core import Workspace\nws = Workspace.from_config()\nfor name in ws.webservices:\n    names.append(name)\n', 2, '`Workspace.webservices`'],
      ['a looked-up service deleted in another try than the lookup\'s, guarding other statements', 'from azureml.core import Webservice\nfrom azureml.exceptions import WebserviceException\nservice = Webservice(ws, "svc")\ntry:\n    print("deleting")\n    service.delete()\nexcept WebserviceException:\n    pass\n', 2, '`Webservice()`'],
      ['an inference config with a Spark runtime', 'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nm = Model(ws, "m")\nic = InferenceConfig(entry_script="score.py", runtime="spark-py", conda_file="env.yml")\nservice = Model.deploy(ws, "svc", [m], ic, AciWebservice.deploy_configuration())\n', 4, '`InferenceConfig()`'],
      ['several models in one deployment', deploy('AciWebservice.deploy_configuration()').replace('[m]', '[m1, m2]'), 5, '`Model.deploy()`'],
      ['a service updated otherwise than app insights (auth: a new v2 deployment)', `${deploy('AciWebservice.deploy_configuration()')}service.update(auth_enabled=False)\n`, 5, '`Model.deploy()`'],
      ['an app insights update with another setting', `${deploy('AciWebservice.deploy_configuration()')}service.update(enable_app_insights=True, description="d")\n`, 5, '`Model.deploy()`'],
      ['an environment looked up in the inference config by a name bound again before the deployment', 'from azureml.core import Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\ndef deploy(ws, env_name):\n    model = Model(ws, "m")\n    ic = InferenceConfig(entry_script="score.py", environment=Environment.get(ws, env_name))\n    env_name = "other"\n    service = Model.deploy(ws, "svc", [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1))\n', 7, '`Model.deploy()`'],
      ['an app insights update where `deployment` is already a name', `${deploy('AciWebservice.deploy_configuration()')}deployment = "x"\nservice.update(enable_app_insights=True)\n`, 5, '`Model.deploy()`'],
      [
        'a run\'s environment written in the inference config, the run bound again before the deployment',
        'from azureml.core import Model, Run\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nbest_run = Run(experiment, "a")\nic = InferenceConfig(entry_script="score.py", environment=best_run.get_environment())\nbest_run = Run(experiment, "b")\nservice = Model.deploy(ws, "svc", [m], ic, AciWebservice.deploy_configuration())\n',
        6,
        '`Model.deploy()`',
      ],
      ['a service state compared with something else than "Healthy"', `${deploy('AciWebservice.deploy_configuration()')}ok = service.state == "Transitioning"\n`, 5, '`Model.deploy()`'],
      ['a service v1 still deploys (configs unknown) is not an endpoint', 'from azureml.core import Model\nservice = Model.deploy(ws, "svc", [model], inference_config, aci_config)\nprint(service.scoring_uri)\nservice.delete()\n', 3, '`Webservice.delete()`'],
      ['its scoring URI neither', 'from azureml.core import Model\nservice = Model.deploy(ws, "svc", [model], inference_config, aci_config)\nprint(service.scoring_uri)\n', 2, '`Webservice.scoring_uri`'],
      ['a delete under a v1 handler that guards other statements too', 'from azureml.core import Webservice\nfrom azureml.exceptions import WebserviceException\ntry:\n    Webservice(ws, "svc").delete()\n    print("deleted")\nexcept WebserviceException:\n    pass\n', 3, '`Webservice.delete()`'],
      ['ws.webservices[name] under a handler (v1 raises KeyError for a missing service)', 'from azureml.core import Workspace\nws = Workspace.from_config()\ntry:\n    service = ws.webservices["svc"]\n    print(service.scoring_uri)\nexcept KeyError:\n    pass\n', 3, '`Workspace.webservices`'],
      ['a looked-up service with v1-only uses', 'from azureml.core import Webservice\nservice = Webservice(ws, "svc")\nprint(service.serialize())\n', 1, '`Webservice()`'],
      ['get_model_path in a script that takes arguments (a ParallelRunStep script downloads its model)', 'import argparse\nfrom azureml.core.model import Model\n\ndef init():\n    p = argparse.ArgumentParser()\n    path = Model.get_model_path(p.parse_args().model)\n\ndef run(batch):\n    return batch\n', 5, '`Model.get_model_path()`'],
      ['get_model_path of two models (one model per v2 deployment)', 'from azureml.core.model import Model\n\ndef init():\n    a = Model.get_model_path("a")\n    b = Model.get_model_path("b")\n\ndef run(data):\n    return data\n', 3, '`Model.get_model_path()`'],
      ['get_model_path outside init()', 'from azureml.core.model import Model\npath = Model.get_model_path("a")\n', 1, '`Model.get_model_path()`'],
      ['Model.list of the latest versions (no v2 parameter)', 'from azureml.core import Model\nfor m in Model.list(ws, latest=True):\n    print(m.name)\n', 1, '`Model.list()`'],
      ['Model.list whose models are kept, not only printed', 'from azureml.core import Model\nfor m in Model.list(ws):\n    models.append(m)\n', 1, '`Model.list()`'],
      ['Model.list whose last model is read after the loop', 'from azureml.core import Model\nfor m in Model.list(ws):\n    print(m.name)\nprint(m.version)\n', 1, '`Model.list()`'],
      ['Model.list whose model names are compared, not printed', 'from azureml.core import Model\nfor m in Model.list(ws):\n    if m.name == "x":\n        print(m.version)\n', 1, '`Model.list()`'],
      [
        'an environment from a helper of another module (a v1 environment the model cannot type)',
        'from azureml.core import Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\nfrom helpers import get_env\nm = Model(ws, "m")\nenv = get_env()\nic = InferenceConfig(entry_script="score.py", environment=env)\nservice = Model.deploy(ws, "svc", [m], ic, AciWebservice.deploy_configuration())\n',
        7,
        '`Model.deploy()`',
      ],
      [
        'an environment from a helper called twice (the other result stays a v1 environment)',
        'from azureml.core import Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice\ndef get_env():\n    env = Environment("e")\n    return env\nm = Model(ws, "m")\nenv = get_env()\nother = get_env()\nic = InferenceConfig(entry_script="score.py", environment=env)\nservice = Model.deploy(ws, "svc", [m], ic, AciWebservice.deploy_configuration())\n',
        10,
        '`Model.deploy()`',
      ],
      [
        'an inference config shared with a local deployment, its environment\'s file name bound again before the ACI one',
        'from azureml.core import Environment, Model\nfrom azureml.core.model import InferenceConfig\nfrom azureml.core.webservice import AciWebservice, LocalWebservice\nm = Model(ws, "m")\nf = "a.yml"\nenv = Environment.from_conda_specification(name="env", file_path=f)\nic = InferenceConfig(entry_script="score.py", environment=env)\nlocal = Model.deploy(ws, "local", [m], ic, LocalWebservice.deploy_configuration())\nf = "b.yml"\naci = Model.deploy(ws, "aci", [m], ic, AciWebservice.deploy_configuration())\n',
        9,
        '`Model.deploy()`',
      ],
      ['Model.list in a one-line loop (no place for the review mark)', 'from azureml.core import Model\nfor m in Model.list(ws): print(m.name)\n', 1, '`Model.list()`'],
      // Round 9: the existing v1 service deleted before a v1 deploy that stays v1 (to AKS): deleting an
      // endpoint of that name instead would leave the v1 service, and the deploy would fail on it.
      [
        'a service looked up and deleted before a v1 deploy kept v1 (AKS) is that v1 service, not an endpoint',
        'from azureml.core import Model, Webservice\nfrom azureml.exceptions import WebserviceException\ntry:\n    old = Webservice(ws, name="svc")\n    old.delete()\nexcept WebserviceException:\n    pass\nservice = Model.deploy(ws, "svc", [model], ic, cfg, deployment_target=aks)\n',
        3,
        '`Webservice()`',
      ],
      [
        'a lookup deleted directly before a v1 deploy kept v1',
        'from azureml.core import Model, Webservice\nWebservice(ws, "svc").delete()\nservice = Model.deploy(ws, "svc", [model], ic, cfg, deployment_target=aks)\n',
        1,
        '`Webservice.delete()`',
      ],
    ];
    for (const [name, src, line, what] of negatives) {
      it(name, () => assert.equal(fixesAt(src, line, what), undefined));
    }
    it('a kept v1 deploy of another known name does not block a lookup (the MachineLearningNotebooks deploy notebook)', () => {
      const src = [
        'from azureml.core import Environment, Model, Webservice, Workspace',
        'from azureml.core.model import InferenceConfig',
        'from azureml.core.webservice import AciWebservice',
        'from azureml.exceptions import WebserviceException',
        'ws = Workspace.from_config()',
        'model = Model(ws, "m")',
        'env = Environment.get(ws, "e")',
        'service_name = "my-sklearn-service"',
        'try:',
        '    Webservice(ws, service_name).delete()',
        'except WebserviceException:',
        '    pass',
        'service = Model.deploy(ws, service_name, [model])',
        'service_name = "my-custom-env-service"',
        'try:',
        '    Webservice(ws, service_name).delete()',
        'except WebserviceException:',
        '    pass',
        'ic = InferenceConfig(entry_script="score.py", environment=env)',
        'service = Model.deploy(ws, service_name, [model], ic, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1))',
        '',
      ].join('\n');
      // The no-code deploy stays v1: the service deleted before it is that v1 service.
      assert.equal(fixesAt(src, 9, '`Webservice.delete()`'), undefined);
      // The other one is deleted as an endpoint once its deploy is rewritten (a later pass).
      const out = fixPy(src);
      assert.equal(out.split('Webservice(ws, service_name).delete()').length, 2, out);
      assert.equal(out.split('ml_client.online_endpoints.begin_delete(name=service_name).result()').length, 2, out);
      assert.ok(parses(out));
    });
  });
});
