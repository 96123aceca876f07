/**
 * Round 29 (environment.ts): a module (or a notebook's first cell) that starts with a blank line.
 * tree-sitter's root node starts at the first token, so its text is shorter than the module's: the
 * statement deletions of an environment's lifecycle (`wholeLines`, `aloneOnLines`) read the module's
 * own text, where node offsets point. Expected outputs as for the same code without the blank line:
 * a standalone CondaDependencies → the conda dict (v1's defaults stated, ENV2) written with PyYAML;
 * `Environment(name)` + `docker.enabled = True` + `add_pip_package` + `register` → one v2 Environment
 * (ENV2's image, marked for review) and `environments.create_or_update`.
 */
import { rewriteCases } from './helpers';

describe('rewrites, round 29: environment lifecycles in a module opening with a blank line', () => {
  rewriteCases([
    [
      'a CondaDependencies of its own, written to a file',
      [
        '',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'myenv = CondaDependencies()',
        'myenv.add_conda_package("scikit-learn")',
        'with open("env.yml", "w") as f:',
        '    f.write(myenv.serialize_to_string())',
        '',
      ].join('\n'),
      [
        '',
        'import yaml',
        '',
        'myenv = {',
        '    "name": "project_environment",',
        '    "channels": ["anaconda", "conda-forge"],',
        '    "dependencies": [',
        '        "python=3.8.13",',
        '        "scikit-learn",',
        '        {"pip": ["azureml-defaults"]},',
        '    ],',
        '}',
        'with open("env.yml", "w") as f:',
        '    f.write(yaml.safe_dump(myenv))',
        '',
      ].join('\n'),
    ],
    [
      'an environment configured statement by statement, then registered',
      [
        '',
        'from azureml.core import Workspace, Environment',
        '',
        'ws = Workspace.from_config()',
        'env = Environment("my-env")',
        'env.docker.enabled = True',
        'env.python.conda_dependencies.add_pip_package("numpy")',
        'env.register(ws)',
        '',
      ].join('\n'),
      [
        '',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = azure.ai.ml.entities.Environment(',
        '    name="my-env",',
        '    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review',
        '    conda_file={',
        '        "channels": ["anaconda", "conda-forge"],',
        '        "dependencies": [',
        '            "python=3.8.13",',
        '            {"pip": ["azureml-defaults", "numpy"]},',
        '        ],',
        '    },',
        ')',
        'ml_client.environments.create_or_update(env)',
        '',
      ].join('\n'),
    ],
  ]);
});
