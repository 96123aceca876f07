/**
 * Round 19 (deployment, data):
 * - `InferenceConfig(runtime="python", entry_script=..., conda_file=env_file)` with the conda file's path
 *   in a variable bound alike at the deployment → `Environment(image=..., conda_file=env_file)` in the
 *   deployment (where v2 reads the file);
 * - the older `Webservice.deploy_from_model(ws, name, models, image_config, deployment_config)` with
 *   `ContainerImage.image_configuration(execution_script, runtime="python", conda_file)`: the same
 *   managed online endpoint + deployment as `Model.deploy` with that inference config;
 * - a tabular dataset handed to a module helper whose parameters after the passed ones have defaults;
 * - `Dataset.get_by_name(ws, name=<a name that is not a literal>).as_mount()` given to a run →
 *   `Input(type=URI_FOLDER, path=f"azureml:{name}@latest", mode=RO_MOUNT)`
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2).
 * Refused: a conda file path bound again before the deployment, image configurations with other
 * settings (docker steps, dependencies), a computed dataset version ("latest" or a number: two path forms).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';

const HEAD_V2 = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];

describe('rewrites, round 19: conda files in variables, deploy_from_model, datasets looked up by a computed name', () => {
  rewriteCases([
    [
      'a conda file path held by a variable: the deployment environment reads it',
      [
        'import os',
        'from azureml.core import Workspace, Model',
        'from azureml.core.webservice import AciWebservice',
        'from azureml.core.model import InferenceConfig',
        '',
        'ws = Workspace.from_config()',
        'model = Model(ws, "brain")',
        'env_file = os.path.join("service", "env.yml")',
        'inference_config = InferenceConfig(runtime="python", entry_script="score.py", conda_file=env_file)',
        'deployment_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
        'service = Model.deploy(ws, "brain-service", [model], inference_config, deployment_config)',
        'service.wait_for_deployment(True)',
        'print(service.state)',
        '',
      ].join('\n'),
      [
        ...HEAD_V2,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'import os',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'model = ml_client.models.get(name="brain", label="latest")',
        'env_file = os.path.join("service", "env.yml")',
        `inference_config = CodeConfiguration(code=".", scoring_script="score.py")${REVIEW}`,
        `deployment_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}`,
        `service = ManagedOnlineEndpoint(name="brain-service", auth_mode="key")${REVIEW}`,
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=azure.ai.ml.entities.Environment(image=${IMAGE}, conda_file=env_file), code_configuration=inference_config, **deployment_config)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        '',
        'print(service.provisioning_state)',
        '',
      ].join('\n'),
    ],
    [
      'deploy_from_model with a ContainerImage configuration: the same endpoint and deployment as Model.deploy',
      [
        'from azureml.core import Workspace',
        'from azureml.core.model import Model',
        'from azureml.core.webservice import AciWebservice, Webservice',
        'from azureml.core.image import ContainerImage',
        '',
        'ws = Workspace.from_config()',
        "model = Model(ws, 'pytorch_mnist')",
        'aciconfig = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, description="Predict MNIST")',
        'image_config = ContainerImage.image_configuration(execution_script="score.py", runtime="python", conda_file="myenv.yml")',
        'service = Webservice.deploy_from_model(workspace=ws, name="mnist-svc", deployment_config=aciconfig, models=[model], image_config=image_config)',
        'service.wait_for_deployment(show_output=True)',
        'print(service.scoring_uri)',
        '',
      ].join('\n'),
      [
        ...HEAD_V2,
        'import azure.ai.ml.entities',
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        "model = ml_client.models.get(name='pytorch_mnist', label=\"latest\")",
        `aciconfig = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}`,
        `image_config = CodeConfiguration(code=".", scoring_script="score.py")${REVIEW}`,
        `service = ManagedOnlineEndpoint(name="mnist-svc", auth_mode="key", description="Predict MNIST")${REVIEW}`,
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=azure.ai.ml.entities.Environment(image=${IMAGE}, conda_file="myenv.yml"), code_configuration=image_config, **aciconfig)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        '',
        'print(service.scoring_uri)',
        '',
      ].join('\n'),
    ],
    [
      'a registered dataset looked up by a parameter and mounted in a run: the asset by that name',
      [
        'from azureml.core import Workspace, Experiment, Dataset, Environment, ScriptRunConfig',
        '',
        '',
        'def main(dataset_train_name):',
        '    ws = Workspace.from_config()',
        '    env = Environment.get(ws, "AzureML-sklearn-1.0")',
        '    train = Dataset.get_by_name(workspace=ws, name=dataset_train_name)',
        '    arguments = ["--train", train.as_named_input("train").as_mount(), "--n", 5]',
        '    src = ScriptRunConfig(source_directory="src", script="train.py", arguments=arguments, compute_target="cpu-cluster", environment=env)',
        '    run = Experiment(ws, "exp").submit(src)',
        '    run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import Input',
        'from azure.ai.ml.constants import AssetTypes',
        'from azure.ai.ml.constants import InputOutputModes',
        ...HEAD_V2,
        'from azure.ai.ml import command',
        '',
        '',
        'def main(dataset_train_name):',
        '    ws = MLClient.from_config(credential=DefaultAzureCredential())',
        '    ml_client = ws',
        '    env = ml_client.environments.get(name="AzureML-sklearn-1.0", label="latest")',
        '    src = command(code="src", command="python train.py --train ${{inputs.train}} --n 5", inputs={"train": Input(type=AssetTypes.URI_FOLDER, path=f"azureml:{dataset_train_name}@latest", mode=InputOutputModes.RO_MOUNT)}, environment=env, compute="cpu-cluster")',
        '    run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        '    ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
    [
      'tabular datasets handed to a helper whose later parameter has a default: MLTables read the same way',
      [
        'from azureml.data.dataset_factory import TabularDatasetFactory',
        '',
        '',
        'def clean_data(white_data, red_data, numeric_target=True):',
        '    x_white = white_data.to_pandas_dataframe().dropna()',
        '    x_red = red_data.to_pandas_dataframe().dropna()',
        '    return x_white, x_red',
        '',
        '',
        'url_white = "https://example.org/white.csv"',
        'url_red = "https://example.org/red.csv"',
        'white_data = TabularDatasetFactory.from_delimited_files(url_white, separator=";")',
        'red_data = TabularDatasetFactory.from_delimited_files(url_red, separator=";")',
        'features, target = clean_data(white_data, red_data)',
        '',
      ].join('\n'),
      [
        'import mltable',
        '',
        '',
        'def clean_data(white_data, red_data, numeric_target=True):',
        '    x_white = white_data.to_pandas_dataframe().dropna()',
        '    x_red = red_data.to_pandas_dataframe().dropna()',
        '    return x_white, x_red',
        '',
        '',
        'url_white = "https://example.org/white.csv"',
        'url_red = "https://example.org/red.csv"',
        'white_data = mltable.from_delimited_files(paths=[{"file": url_white}], delimiter=";")',
        'red_data = mltable.from_delimited_files(paths=[{"file": url_red}], delimiter=";")',
        'features, target = clean_data(white_data, red_data)',
        '',
      ].join('\n'),
    ],
  ]);

  const unchanged = (title: string, src: string) =>
    it(title, () => {
      assert.equal(fixPython(src, true), src);
    });

  const deployTail = [
    'deployment_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
    'service = Model.deploy(ws, "svc", [model], inference_config, deployment_config)',
    '',
  ];
  unchanged('refused: the conda file variable bound again before the deployment (v2 would read another file)', [
    'from azureml.core import Workspace, Model',
    'from azureml.core.webservice import AciWebservice',
    'from azureml.core.model import InferenceConfig',
    '',
    'ws = Workspace.from_config()',
    'model = Model(ws, "brain")',
    'env_file = "env.yml"',
    'inference_config = InferenceConfig(runtime="python", entry_script="score.py", conda_file=env_file)',
    'env_file = "other.yml"',
    ...deployTail,
  ].join('\n'));

  for (const extra of ['docker_file="Dockerfile.steps"', 'dependencies=["utils.py"]']) {
    unchanged(`refused: an image configuration with ${extra.split('=')[0]} (image settings v2 does not take)`, [
      'from azureml.core import Workspace, Model',
      'from azureml.core.webservice import AciWebservice, Webservice',
      'from azureml.core.image import ContainerImage',
      '',
      'ws = Workspace.from_config()',
      'model = Model(ws, "brain")',
      `image_config = ContainerImage.image_configuration(execution_script="score.py", runtime="python", conda_file="env.yml", ${extra})`,
      'deployment_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
      'service = Webservice.deploy_from_model(ws, "svc", [model], image_config, deployment_config)',
      '',
    ].join('\n'));
  }

  unchanged('refused: a helper called with its defaulted parameter given by keyword (not followed)', [
    'from azureml.data.dataset_factory import TabularDatasetFactory',
    '',
    '',
    'def clean_data(data, numeric_target=True):',
    '    return data.to_pandas_dataframe().dropna()',
    '',
    '',
    'data = TabularDatasetFactory.from_delimited_files("https://example.org/white.csv", separator=";")',
    'features = clean_data(data, numeric_target=False)',
    '',
  ].join('\n'));

  it('refused: a dataset version that is not a literal (no mount input from the lookup)', () => {
    const out = fixPython([
      'from azureml.core import Workspace, Experiment, Dataset, ScriptRunConfig',
      '',
      '',
      'def main(name, version):',
      '    ws = Workspace.from_config()',
      '    ds = Dataset.get_by_name(ws, name, version)',
      '    src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--data", ds.as_mount()], compute_target="cpu-cluster")',
      '    run = Experiment(ws, "exp").submit(src)',
      '',
    ].join('\n'), true);
    assert.ok(out.includes('ds = Dataset.get_by_name(ws, name, version)'), out);
    assert.ok(!out.includes('@latest'), out);
  });

  // The model, looked up in the same pass (`ws.models[...]`, workspace.ts), goes in by name and version.
  it('a notebook: the conda file written in one cell, deployed in another', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Model\nws = Workspace.from_config()\nmodel = ws.models["diabetes_model"]' },
      { kind: 'code', text: 'import os\nfolder = "./diabetes_service"\nenv_file = os.path.join(folder, "diabetes_env.yml")' },
      { kind: 'code', text: 'from azureml.core.webservice import AciWebservice\nfrom azureml.core.model import InferenceConfig\n\ninference_config = InferenceConfig(runtime= "python",\n                                   entry_script="score_diabetes.py",\n                                   conda_file=env_file)\ndeployment_config = AciWebservice.deploy_configuration(cpu_cores = 1, memory_gb = 1)' },
      { kind: 'code', text: 'service = Model.deploy(ws, "diabetes-service", [model], inference_config, deployment_config)\nservice.wait_for_deployment(True)\nprint(service.state)' },
    ];
    const expected = [
      {
        kind: 'code',
        text: [
          'import azure.ai.ml.entities',
          'from azure.ai.ml.entities import CodeConfiguration',
          ...HEAD_V2,
          'from azure.ai.ml.entities import ManagedOnlineEndpoint',
          'from azure.ai.ml.entities import ManagedOnlineDeployment',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          'model = ml_client.models.get(name="diabetes_model", label="latest")',
        ].join('\n'),
      },
      { kind: 'code', text: 'import os\nfolder = "./diabetes_service"\nenv_file = os.path.join(folder, "diabetes_env.yml")' },
      {
        kind: 'code',
        text: `inference_config = CodeConfiguration(code=".", scoring_script="score_diabetes.py")${REVIEW}\ndeployment_config = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}`,
      },
      {
        kind: 'code',
        text: [
          `service = ManagedOnlineEndpoint(name="diabetes-service", auth_mode="key")${REVIEW}`,
          'ml_client.online_endpoints.begin_create_or_update(service).result()',
          `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=f"azureml:{model.name}:{model.version}", environment=azure.ai.ml.entities.Environment(image=${IMAGE}, conda_file=env_file), code_configuration=inference_config, **deployment_config)).result()${REVIEW}`,
          'service.traffic = {"blue": 100}',
          'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
          '',
          'print(service.provisioning_state)',
        ].join('\n'),
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => ({ kind: c.kind, text: c.text })), expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(again.cells.map((c) => ({ kind: c.kind, text: c.text })), expected, 'a second run changes nothing');
  });
});
