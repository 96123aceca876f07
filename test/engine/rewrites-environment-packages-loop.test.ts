/**
 * Round 19 (env): packages added in a loop (the DP-100 `for package in python_packages:
 * env.python.conda_dependencies.add_pip_package(package)`, and `cd.add_*` in a loop) fold into the
 * v2 conda dict like the statements they run, item by item (v1's replace-on-add kept: azureml-core
 * CondaDependencies.add_pip_package drops an earlier entry of the same package, then appends).
 * Also: `cd = CondaDependencies(conda_dependencies_file_path=path)` given as is → `conda_file=path`;
 * `CondaDependencies.create(conda_packages=<name bound to a list>)`.
 * Refused: items not literal, a list changed or handed on, the loop variable read after the loop,
 * another statement in the loop body, an `else` clause; a file CondaDependencies with packages added.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

// ENV2 (https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2): one
// Environment(name=, image=, conda_file=) entity, conda_file a path or a dict; registered with
// ml_client.environments.create_or_update(env). v1's CondaDependencies() base (azureml-core
// conda_dependencies.py): channels anaconda/conda-forge, python=3.8.13, pip azureml-defaults.
const IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
const REVIEW = '  # amlint: review';
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';

/** The AML104 findings of a text: symbol, line, whether it carries a fix. */
function envFindings(src: string): Array<[string, number, boolean]> {
  return lint({ kind: 'python', text: src })
    .findings.filter((f) => f.code === 'AML104')
    .map((f) => [f.symbol ?? '', f.range.start.line, !!f.fixes?.length]);
}

describe('rewrites round 19 (env): packages added in a loop', () => {
  rewriteCases([
    [
      'the DP-100 shape: pip packages from a list, added in a loop, the environment registered',
      [
        'from azureml.core import Workspace, Environment',
        '',
        'ws = Workspace.from_config()',
        'env = Environment(name="aci-service-env")',
        'python_packages = ["scikit-learn", "azureml-defaults", "azure-ml-api-sdk"]',
        'for package in python_packages:',
        '    env.python.conda_dependencies.add_pip_package(package)',
        'env.register(workspace=ws)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        '',
        'env = azure.ai.ml.entities.Environment(',
        '    name="aci-service-env",',
        `    image=${IMAGE},${REVIEW}`,
        '    conda_file={',
        '        "channels": ["anaconda", "conda-forge"],',
        '        "dependencies": [',
        '            "python=3.8.13",',
        // v1 drops the base's azureml-defaults when the loop adds it again, then appends it.
        '            {"pip": ["scikit-learn", "azureml-defaults", "azure-ml-api-sdk"]},',
        '        ],',
        '    },',
        ')',
        'python_packages = ["scikit-learn", "azureml-defaults", "azure-ml-api-sdk"]',
        'ml_client.environments.create_or_update(env)',
        '',
      ].join('\n'),
    ],
    [
      'a CondaDependencies variable: conda packages from a tuple in a loop, then a pip package, given to a run',
      [
        'from azureml.core import Workspace, Environment, Experiment, ScriptRunConfig',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'ws = Workspace.from_config()',
        'env = Environment("train-env")',
        'cd = CondaDependencies()',
        'for p in ("numpy", "pandas"):',
        '    cd.add_conda_package(p)',
        'cd.add_pip_package("lightgbm")',
        'env.python.conda_dependencies = cd',
        'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu-cluster", environment=env)',
        'run = Experiment(ws, "exp").submit(src)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        '',
        'env = azure.ai.ml.entities.Environment(',
        '    name="train-env",',
        `    image=${IMAGE},${REVIEW}`,
        '    conda_file={',
        '        "channels": ["anaconda", "conda-forge"],',
        '        "dependencies": [',
        '            "python=3.8.13",',
        '            "numpy",',
        '            "pandas",',
        '            {"pip": ["azureml-defaults", "lightgbm"]},',
        '        ],',
        '    },',
        ')',
        // JOB2 (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-command-job): command() + jobs.create_or_update.
        'src = command(code=".", command="python train.py", environment=env, compute="cpu-cluster")',
        'run = ml_client.jobs.create_or_update(src, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
    [
      'a CondaDependencies of its own, packages added in a loop, saved to a file',
      [
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'cd = CondaDependencies()',
        'for pkg in ["numpy", "pandas"]:',
        '    cd.add_conda_package(pkg)',
        'cd.save("env.yml")',
        '',
      ].join('\n'),
      [
        'import pathlib',
        'import yaml',
        '',
        'cd = {',
        '    "name": "project_environment",',
        '    "channels": ["anaconda", "conda-forge"],',
        '    "dependencies": [',
        '        "python=3.8.13",',
        '        "numpy",',
        '        "pandas",',
        '        {"pip": ["azureml-defaults"]},',
        '    ],',
        '}',
        'pathlib.Path("env.yml").write_text(yaml.safe_dump(cd))',
        '',
      ].join('\n'),
    ],
    [
      'a CondaDependencies read from a file, given as is: that file is the conda file',
      [
        'from azureml.core import Workspace, Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'ws = Workspace.from_config()',
        "env = Environment('sentiment-env')",
        "cd = CondaDependencies(conda_dependencies_file_path='../environment.yml')",
        'env.python.conda_dependencies = cd',
        'env.register(ws)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        '',
        'env = azure.ai.ml.entities.Environment(',
        "    name='sentiment-env',",
        `    image=${IMAGE},${REVIEW}`,
        "    conda_file='../environment.yml',",
        ')',
        'ml_client.environments.create_or_update(env)',
        '',
      ].join('\n'),
    ],
    [
      'CondaDependencies.create given a name bound to a list (only read afterwards)',
      [
        'from azureml.core import Workspace, Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'ws = Workspace.from_config()',
        'packages = ["numpy", "pandas"]',
        "env = Environment('e')",
        'env.python.conda_dependencies = CondaDependencies.create(conda_packages=packages, pip_packages=["azureml-defaults", "lightgbm"], pin_sdk_version=False)',
        'env.register(ws)',
        'print(len(packages))',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        '',
        'packages = ["numpy", "pandas"]',
        'env = azure.ai.ml.entities.Environment(',
        "    name='e',",
        `    image=${IMAGE},${REVIEW}`,
        '    conda_file={',
        '        "channels": ["anaconda", "conda-forge"],',
        '        "dependencies": [',
        '            "python=3.8.13",',
        '            "numpy",',
        '            "pandas",',
        '            {"pip": ["azureml-defaults", "lightgbm"]},',
        '        ],',
        '    },',
        ')',
        'ml_client.environments.create_or_update(env)',
        'print(len(packages))',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused: a file CondaDependencies with packages added (a file cannot be extended here)', () => {
    const src = [
      'from azureml.core import Workspace, Environment',
      'from azureml.core.conda_dependencies import CondaDependencies',
      'ws = Workspace.from_config()',
      "env = Environment('e')",
      "cd = CondaDependencies(conda_dependencies_file_path='env.yml')",
      'cd.add_pip_package("x")',
      'env.python.conda_dependencies = cd',
      'env.register(ws)',
      '',
    ].join('\n');
    assert.deepEqual(envFindings(src).filter(([, , fixed]) => fixed), []);
  });

  it('refused: CondaDependencies.create given a list changed afterwards', () => {
    const src = [
      'from azureml.core import Workspace, Environment',
      'from azureml.core.conda_dependencies import CondaDependencies',
      'ws = Workspace.from_config()',
      'packages = ["numpy"]',
      'packages.append("pandas")',
      "env = Environment('e')",
      'env.python.conda_dependencies = CondaDependencies.create(conda_packages=packages)',
      'env.register(ws)',
      '',
    ].join('\n');
    assert.deepEqual(envFindings(src).filter(([, , fixed]) => fixed), []);
  });

  const head = ['from azureml.core import Workspace, Environment', 'ws = Workspace.from_config()', 'env = Environment(name="e")'];
  const refusals: Array<[string, string[]]> = [
    ['the loop variable read after the loop', ['for package in ["a", "b"]:', '    env.python.conda_dependencies.add_pip_package(package)', 'print(package)']],
    ['the list changed before the loop', ['pkgs = ["a"]', 'pkgs.append("b")', 'for package in pkgs:', '    env.python.conda_dependencies.add_pip_package(package)']],
    ['items that are not literals', ['pkgs = [name_a, "b"]', 'for package in pkgs:', '    env.python.conda_dependencies.add_pip_package(package)']],
    ['another statement in the body', ['for package in ["a", "b"]:', '    print(package)', '    env.python.conda_dependencies.add_pip_package(package)']],
    ['an else clause', ['for package in ["a", "b"]:', '    env.python.conda_dependencies.add_pip_package(package)', 'else:', '    pass']],
    ['a computed argument', ['for package in ["a", "b"]:', '    env.python.conda_dependencies.add_pip_package(package + "==1.0")']],
    ['items read from a file', ['for line in open("requirements.txt"):', '    env.python.conda_dependencies.add_pip_package(line)']],
  ];
  for (const [title, body] of refusals) {
    it(`refused: ${title}`, () => {
      const src = [...head, ...body, 'env.register(workspace=ws)', ''].join('\n');
      const producer = envFindings(src).filter(([, line]) => line === 2);
      assert.ok(producer.length > 0, JSON.stringify(envFindings(src)));
      assert.deepEqual(producer.filter(([, , fixed]) => fixed), [], JSON.stringify(envFindings(src)));
      const out = fixPython(src, true);
      assert.ok(out.includes('env = Environment(name="e")'), out);
      assert.ok(parses(out));
    });
  }

  it('a notebook: the environment in one cell, the packages added in a loop in the next, registered in a third', () => {
    const cells: Array<{ kind: 'code'; text: string }> = [
      { kind: 'code', text: 'from azureml.core import Workspace, Environment\nws = Workspace.from_config()' },
      { kind: 'code', text: "aci_service_env = Environment(name='aci_service-env')\npython_packages = ['scikit-learn', 'azureml-defaults']" },
      { kind: 'code', text: 'for package in python_packages:\n    aci_service_env.python.conda_dependencies.add_pip_package(package)' },
      { kind: 'code', text: 'aci_service_env.register(workspace=ws)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      { kind: 'code', text: `import azure.ai.ml.entities\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n${CLIENT}` },
      {
        kind: 'code',
        text: [
          'aci_service_env = azure.ai.ml.entities.Environment(',
          "    name='aci_service-env',",
          `    image=${IMAGE},${REVIEW}`,
          '    conda_file={',
          '        "channels": ["anaconda", "conda-forge"],',
          '        "dependencies": [',
          '            "python=3.8.13",',
          "            {\"pip\": ['scikit-learn', 'azureml-defaults']},",
          '        ],',
          '    },',
          ')',
          "python_packages = ['scikit-learn', 'azureml-defaults']",
        ].join('\n'),
      },
      { kind: 'code', text: '' },
      { kind: 'code', text: 'ml_client.environments.create_or_update(aci_service_env)' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });
});
