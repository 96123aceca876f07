/**
 * Round 22 (env2), environment.ts:
 * - `env.inferencing_stack_version = "latest"` on an environment (made or looked up) given to inference
 *   configurations only: v2 has no such setting (a managed online deployment's environment carries
 *   azureml-inference-server-http itself, how-to-deploy-online-endpoints), so the statement goes and
 *   the environment's line is marked for review (the MLN quickstart-azureml-in-10mins shape);
 * - `env.docker.base_dockerfile = <name>` where the name holds a joined path
 *   (`str(prefix.joinpath("DOCKERFILE"))`, `os.path.join(..., "Dockerfile")`, the azureml-examples v1
 *   job.py shape): `BuildContext(path=os.path.dirname(<name>), dockerfile_path=<file name>)`;
 * - `env.spark.precache_packages = False` goes (no Spark packages: any other `spark.*` setting is refused).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';

describe('rewrites, round 22 (env2): inference stack, joined Dockerfile paths, spark.precache_packages', () => {
  rewriteCases([
    [
      'a made environment with the inference stack, deployed to ACI (its line already marked: the default image)',
      [
        'from azureml.core import Workspace, Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        'from azureml.core.model import InferenceConfig, Model',
        'from azureml.core.webservice import AciWebservice',
        '',
        'ws = Workspace.from_config()',
        'env = Environment("sklearn-env")',
        'env.python.conda_dependencies = CondaDependencies.create(conda_packages=["scikit-learn"])',
        'env.inferencing_stack_version = "latest"',
        'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
        'aciconfig = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
        'model = Model(ws, "sklearn_model")',
        'service = Model.deploy(ws, "svc", [model], inference_config, aciconfig)',
        'service.wait_for_deployment(show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.entities import CodeConfiguration',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint',
        'from azure.ai.ml.entities import ManagedOnlineDeployment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = azure.ai.ml.entities.Environment(',
        '    name="sklearn-env",',
        `    image=${IMAGE},${REVIEW}`,
        `    conda_file={${REVIEW}`,
        '        "channels": ["anaconda", "conda-forge"],',
        '        "dependencies": [',
        '            "python=3.8.13",',
        '            "scikit-learn",',
        '            {"pip": ["azureml-defaults"]},',
        '        ],',
        '    },',
        ')',
        `inference_config = CodeConfiguration(code=".", scoring_script="score.py")${REVIEW}`,
        `aciconfig = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}`,
        'model = ml_client.models.get(name="sklearn_model", label="latest")',
        `service = ManagedOnlineEndpoint(name="svc", auth_mode="key")${REVIEW}`,
        'ml_client.online_endpoints.begin_create_or_update(service).result()',
        `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=inference_config, **aciconfig)).result()${REVIEW}`,
        'service.traffic = {"blue": 100}',
        'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
        // (deploy.ts: the deleted wait_for_deployment line leaves its line break)
        '',
        '',
      ].join('\n'),
    ],
    [
      'a Dockerfile path joined with pathlib (the azureml-examples fastai job.py shape)',
      [
        'import os',
        'from pathlib import Path',
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        '',
        'ws = Workspace.from_config()',
        'prefix = Path(__file__).parent',
        'dockerfile = str(prefix.joinpath("DOCKERFILE"))',
        'env = Environment("fastai-env")',
        'env.docker.enabled = True',
        'env.docker.base_image = None',
        'env.docker.base_dockerfile = dockerfile',
        'env.python.user_managed_dependencies = True',
        'src = ScriptRunConfig(source_directory="src", script="train.py", environment=env, compute_target="gpu-cluster")',
        'run = Experiment(ws, "fastai").submit(src)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import os',
        'from pathlib import Path',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'prefix = Path(__file__).parent',
        'dockerfile = str(prefix.joinpath("DOCKERFILE"))',
        'env = azure.ai.ml.entities.Environment(',
        '    name="fastai-env",',
        `    build=azure.ai.ml.entities.BuildContext(path=os.path.dirname(dockerfile), dockerfile_path="DOCKERFILE"),${REVIEW}`,
        ')',
        'src = command(code="src", command="python train.py", environment=env, compute="gpu-cluster")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="fastai")',
        '',
      ].join('\n'),
    ],
    [
      'a Dockerfile path joined with os.path.join, named Dockerfile (the build context default)',
      [
        'import os',
        'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
        '',
        'ws = Workspace.from_config()',
        'dockerfile = os.path.join("docker", "Dockerfile")',
        'env = Environment("custom")',
        'env.docker.base_image = None',
        'env.docker.base_dockerfile = dockerfile',
        'env.python.user_managed_dependencies = True',
        'src = ScriptRunConfig(source_directory="src", script="train.py", environment=env, compute_target="gpu-cluster")',
        'run = Experiment(ws, "custom").submit(src)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import os',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'dockerfile = os.path.join("docker", "Dockerfile")',
        'env = azure.ai.ml.entities.Environment(',
        '    name="custom",',
        `    build=azure.ai.ml.entities.BuildContext(path=os.path.dirname(dockerfile)),${REVIEW}`,
        ')',
        'src = command(code="src", command="python train.py", environment=env, compute="gpu-cluster")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="custom")',
        '',
      ].join('\n'),
    ],
    [
      'spark.precache_packages on an environment without Spark packages (the batch inference docs shape) goes',
      [
        'from azureml.core import Workspace, Environment, Experiment, ScriptRunConfig',
        'from azureml.core.conda_dependencies import CondaDependencies',
        'from azureml.core.runconfig import DEFAULT_CPU_IMAGE',
        '',
        'ws = Workspace.from_config()',
        'batch_conda_deps = CondaDependencies.create(pip_packages=["tensorflow==1.13.1", "pillow"])',
        'batch_env = Environment(name="batch_environment")',
        'batch_env.python.conda_dependencies = batch_conda_deps',
        'batch_env.docker.enabled = True',
        'batch_env.docker.base_image = DEFAULT_CPU_IMAGE',
        'batch_env.spark.precache_packages = False',
        'src = ScriptRunConfig(source_directory="src", script="score.py", environment=batch_env, compute_target="cpu-cluster")',
        'run = Experiment(ws, "batch").submit(src)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'batch_env = azure.ai.ml.entities.Environment(',
        '    name="batch_environment",',
        `    image=${IMAGE},${REVIEW}`,
        '    conda_file={',
        '        "channels": ["anaconda", "conda-forge"],',
        '        "dependencies": [',
        '            "python=3.8.13",',
        '            {"pip": ["tensorflow==1.13.1", "pillow"]},',
        '        ],',
        '    },',
        ')',
        'src = command(code="src", command="python score.py", environment=batch_env, compute="cpu-cluster")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="batch")',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook: a curated environment with the inference stack, deployed in the next cell (the quickstart shape)', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace\nws = Workspace.from_config()' },
      { kind: 'markdown', text: 'Get a curated environment.' },
      {
        kind: 'code',
        text: [
          'from azureml.core.environment import Environment',
          'from azureml.core.webservice import AciWebservice',
          '',
          'env = Environment.get(',
          '    workspace=ws,',
          '    name="AzureML-sklearn-1.0-ubuntu20.04-py38-cpu",',
          '    version=1',
          ')',
          'env.inferencing_stack_version = "latest"',
          '',
          'aciconfig = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'from azureml.core.model import InferenceConfig, Model',
          '',
          'model = Model(ws, "sklearn_mnist_model")',
          'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
          'service = Model.deploy(workspace=ws, name="sklearn-mnist-svc", models=[model], inference_config=inference_config, deployment_config=aciconfig)',
          'service.wait_for_deployment(show_output=True)',
        ].join('\n'),
      },
    ];
    const expected = [
      {
        kind: 'code',
        text: [
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'from azure.ai.ml.entities import CodeConfiguration',
          'from azure.ai.ml.entities import ManagedOnlineEndpoint',
          'from azure.ai.ml.entities import ManagedOnlineDeployment',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        ].join('\n'),
      },
      { kind: 'markdown', text: 'Get a curated environment.' },
      {
        kind: 'code',
        text: [
          `env = ml_client.environments.get(name="AzureML-sklearn-1.0-ubuntu20.04-py38-cpu", version="1")${REVIEW}`,
          '',
          `aciconfig = {"instance_type": "Standard_DS1_v2", "instance_count": 1}${REVIEW}`,
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'model = ml_client.models.get(name="sklearn_mnist_model", label="latest")',
          `inference_config = CodeConfiguration(code=".", scoring_script="score.py")${REVIEW}`,
          `service = ManagedOnlineEndpoint(name="sklearn-mnist-svc", auth_mode="key")${REVIEW}`,
          'ml_client.online_endpoints.begin_create_or_update(service).result()',
          `ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=inference_config, **aciconfig)).result()${REVIEW}`,
          'service.traffic = {"blue": 100}',
          'service = ml_client.online_endpoints.begin_create_or_update(service).result()',
          // (deploy.ts: the deleted wait_for_deployment line leaves the cell's last line break)
          '',
        ].join('\n'),
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells.filter((x) => x.kind === 'code')) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  const HEAD = [
    'from pathlib import Path',
    'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
    'from azureml.core.model import InferenceConfig, Model',
    'from azureml.core.webservice import AciWebservice',
    'ws = Workspace.from_config()',
  ];
  const DEPLOY = 'inference_config = InferenceConfig(entry_script="score.py", environment=env)\nservice = Model.deploy(ws, "svc", [Model(ws, "m")], inference_config, AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1))';
  const refused: Array<[string, string]> = [
    [
      'the inference stack on an environment given to a training job (not a deployment)',
      'env = Environment.get(ws, "AzureML-sklearn-1.0")\nenv.inferencing_stack_version = "latest"\nsrc = ScriptRunConfig(source_directory="src", script="train.py", environment=env, compute_target="cpu")\nrun = Experiment(ws, "x").submit(src)',
    ],
    ['an inference stack version other than "latest"', `env = Environment.get(ws, "AzureML-sklearn-1.0")\nenv.inferencing_stack_version = "1.0"\n${DEPLOY}`],
    [
      'the inference stack on a specification without the inference server (create(pip_packages=) replaces azureml-defaults)',
      `from azureml.core.conda_dependencies import CondaDependencies\nenv = Environment("e")\nenv.python.conda_dependencies = CondaDependencies.create(pip_packages=["scikit-learn"])\nenv.inferencing_stack_version = "latest"\n${DEPLOY}`,
    ],
    ['the inference stack on an environment also registered', `env = Environment("e")\nenv.inferencing_stack_version = "latest"\nenv.register(ws)\n${DEPLOY}`],
    [
      'a joined Dockerfile path bound again after the environment',
      'dockerfile = str(Path("docker").joinpath("Dockerfile"))\nenv = Environment("e")\nenv.docker.base_image = None\nenv.docker.base_dockerfile = dockerfile\nenv.python.user_managed_dependencies = True\ndockerfile = "other"\nsrc = ScriptRunConfig(source_directory="src", script="train.py", environment=env, compute_target="cpu")\nrun = Experiment(ws, "x").submit(src)',
    ],
    [
      'Dockerfile text read from a file (v1 takes it as the Dockerfile itself)',
      'dockerfile = open("Dockerfile").read()\nenv = Environment("e")\nenv.docker.base_image = None\nenv.docker.base_dockerfile = dockerfile\nenv.python.user_managed_dependencies = True\nsrc = ScriptRunConfig(source_directory="src", script="train.py", environment=env, compute_target="cpu")\nrun = Experiment(ws, "x").submit(src)',
    ],
    [
      'spark.precache_packages beside Spark packages (v2 environments have no Spark section)',
      'env = Environment("e")\nenv.spark.precache_packages = True\nenv.spark.repositories = ["https://mmlspark.azureedge.net/maven"]\nsrc = ScriptRunConfig(source_directory="src", script="train.py", environment=env, compute_target="cpu")\nrun = Experiment(ws, "x").submit(src)',
    ],
  ];
  for (const [title, body] of refused) {
    it(`refused: ${title}`, () => {
      const src = [...HEAD, body, ''].join('\n');
      const findings = lint({ kind: 'python', text: src }).findings.filter((f) => f.code === 'AML104');
      assert.ok(findings.length);
      for (const f of findings) assert.ok(!f.fixes?.length, `no fix on ${f.symbol}`);
      assert.ok(parses(fixPython(src, true)));
    });
  }
});
