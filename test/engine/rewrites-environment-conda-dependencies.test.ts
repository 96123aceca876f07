/**
 * Round 14 (env), environment.ts on the shapes where an environment built from a `CondaDependencies`
 * stays v1 (the AutoML capstone deploy script, MLN training/using-environments):
 * - a `CondaDependencies` filled with `add_*`, written with `save(path)` and then given to the
 *   environment (`env.python.conda_dependencies = cd`), azureml-* pip packages pinned as written:
 *   the environment gets a copy of the dict, the variable a dict of its own dumped with PyYAML;
 * - the same across notebook cells (MLN using-environments, without its environment variables).
 * Refused (the environment stays v1, its pieces carry no fix): environment variables on a registered
 * environment (a v2 environment has none: they are a job's / deployment's), `env.build(ws)` (no v2
 * call), an inference config shared with a local deployment (LocalWebservice stays v1), and an
 * inference config whose deployment has no v2 client (a workspace from a helper the model cannot type).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

// ENV2 (https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2): one
// Environment(name=, image=, conda_file=) entity, conda_file a path or a dict (azure-ai-ml
// entities/_assets/environment.py); registered with ml_client.environments.create_or_update(env).
// v1's CondaDependencies() base (azureml-core conda_dependencies.py): channels anaconda/conda-forge,
// python=3.8.13, pip azureml-defaults (replaced by a later add_pip_package of the same package).
const IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';

/** Every AML104 finding of a text and whether it carries a fix. */
function envFindings(src: string): Array<[string, number, boolean]> {
  return lint({ kind: 'python', text: src })
    .findings.filter((f) => f.code === 'AML104')
    .map((f) => [f.symbol ?? '', f.range.start.line, !!f.fixes?.length]);
}

describe('rewrites round 14 (env): CondaDependencies given to environments', () => {
  rewriteCases([
    [
      'a CondaDependencies saved to a file, then given to the environment, which is registered (azureml-* pins kept)',
      [
        'from azureml.core import Workspace, Environment',
        'from azureml.core.conda_dependencies import CondaDependencies',
        '',
        'ws = Workspace.from_config()',
        'myenv = Environment(name="mortgage_score_env")',
        'conda_dep = CondaDependencies()',
        'conda_dep.add_conda_package("numpy")',
        '# You must list azureml-defaults as a pip dependency',
        'conda_dep.add_pip_package("azureml-defaults==1.11.0")',
        'conda_dep.add_pip_package("azureml-explain-model==1.11.0")',
        'conda_dep.save("temp/score_env.yml")',
        'myenv.python.conda_dependencies = conda_dep',
        'myenv.register(workspace=ws)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'import pathlib',
        'import yaml',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        '',
        'myenv = azure.ai.ml.entities.Environment(',
        '    name="mortgage_score_env",',
        `    image=${IMAGE},  # amlint: review`,
        '    conda_file={',
        '        "channels": ["anaconda", "conda-forge"],',
        '        "dependencies": [',
        '            "python=3.8.13",',
        '            "numpy",',
        '            {"pip": ["azureml-defaults==1.11.0", "azureml-explain-model==1.11.0"]},',
        '        ],',
        '    },',
        ')',
        'conda_dep = {',
        '    "name": "project_environment",',
        '    "channels": ["anaconda", "conda-forge"],',
        '    "dependencies": [',
        '        "python=3.8.13",',
        '        "numpy",',
        '        {"pip": ["azureml-defaults==1.11.0", "azureml-explain-model==1.11.0"]},',
        '    ],',
        '}',
        '# You must list azureml-defaults as a pip dependency',
        'pathlib.Path("temp/score_env.yml").write_text(yaml.safe_dump(conda_dep))',
        'ml_client.environments.create_or_update(myenv)',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook: environment and CondaDependencies in one cell, the pip package and the assignment in the next, registered in a third (MLN using-environments)', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core.workspace import Workspace\nws = Workspace.from_config()' },
      { kind: 'code', text: 'from azureml.core import Environment\nfrom azureml.core.environment import CondaDependencies\n\nmyenv = Environment(name="myenv")\nconda_dep = CondaDependencies()\nconda_dep.add_conda_package("scikit-learn")' },
      { kind: 'code', text: 'conda_dep.add_pip_package("pillow==5.4.1")\nmyenv.python.conda_dependencies=conda_dep' },
      { kind: 'code', text: 'myenv.register(workspace=ws)' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const expected = [
      { kind: 'code', text: `import azure.ai.ml.entities\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n${CLIENT}` },
      {
        kind: 'code',
        text: [
          'myenv = azure.ai.ml.entities.Environment(',
          '    name="myenv",',
          `    image=${IMAGE},  # amlint: review`,
          '    conda_file={',
          '        "channels": ["anaconda", "conda-forge"],',
          '        "dependencies": [',
          '            "python=3.8.13",',
          '            "scikit-learn",',
          '            {"pip": ["azureml-defaults", "pillow==5.4.1"]},',
          '        ],',
          '    },',
          ')',
        ].join('\n'),
      },
      { kind: 'code', text: '' },
      { kind: 'code', text: 'ml_client.environments.create_or_update(myenv)' },
    ];
    assert.deepEqual(out.cells, expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  const ENV_HEAD = [
    'from azureml.core import Workspace, Environment',
    'from azureml.core.conda_dependencies import CondaDependencies',
    'ws = Workspace.from_config()',
    'myenv = Environment(name="myenv")',
    'conda_dep = CondaDependencies()',
    'conda_dep.add_conda_package("scikit-learn")',
    'conda_dep.save("myenv.yml")',
    'myenv.python.conda_dependencies = conda_dep',
  ];
  const DEPLOY = [
    'from azureml.core.model import Model, InferenceConfig',
    'from azureml.core.webservice import AciWebservice, LocalWebservice',
    'model = Model(ws, "m")',
    'aci_config = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
    'inference_config = InferenceConfig(entry_script="score.py", environment=myenv)',
  ];
  const refused: Array<[string, string[]]> = [
    ['environment variables on a registered environment (v2 environments have none)', [...ENV_HEAD, 'myenv.environment_variables = {"MESSAGE": "Hello"}', 'myenv.register(workspace=ws)']],
    ['the environment built with env.build(ws) (no v2 call)', [...ENV_HEAD, 'myenv.register(workspace=ws)', 'build = myenv.build(workspace=ws)', 'build.wait_for_completion(show_output=True)']],
    [
      'an inference config shared by a local deployment and an ACI one (the local one stays v1)',
      [...ENV_HEAD, ...DEPLOY, 'local = Model.deploy(ws, "local", [model], inference_config, LocalWebservice.deploy_configuration(port=6789))', 'service = Model.deploy(ws, "svc", [model], inference_config, aci_config)', 'service.wait_for_deployment(show_output=True)'],
    ],
  ];
  it('an ACI deployment on a workspace a helper returns: the v2 client is bridged from it (round 15), and the environment goes with the deployment', () => {
    const lines = [...ENV_HEAD.map((l) => (l.startsWith('ws = ') ? 'ws = authenticator.get_workspace("research")' : l)), ...DEPLOY, 'service = Model.deploy(ws, "svc", [model], inference_config, aci_config)', 'service.wait_for_deployment(show_output=True)'];
    const src = [...lines, ''].join('\n');
    const pieces = envFindings(src).filter(([, line]) => line >= 3 && line <= 7);
    assert.equal(pieces.length, 5, JSON.stringify(envFindings(src)));
    assert.deepEqual(pieces.filter(([, , fixed]) => !fixed), []);
    const out = fixPython(src, true);
    assert.ok(out.includes('ws = authenticator.get_workspace("research")\nml_client = MLClient(DefaultAzureCredential(), ws.subscription_id, ws.resource_group, ws.name)  # amlint: review\n'), out);
    assert.ok(out.includes('ManagedOnlineEndpoint(') && !out.includes('Model.deploy('), out);
    assert.ok(parses(out));
  });
  for (const [title, lines] of refused) {
    it(`refused: ${title}`, () => {
      const src = [...lines, ''].join('\n');
      // The environment stays v1: its producer carries no fix. Since round 17 the CondaDependencies
      // it is given, saved first, becomes the dict written to that file, which v1 reads back.
      const pieces = envFindings(src).filter(([, line]) => line >= 3 && line <= 7);
      assert.equal(pieces.length, 5, JSON.stringify(envFindings(src)));
      assert.deepEqual(pieces.filter(([, line, fixed]) => line === 3 && fixed), []);
      const out = fixPython(src, true);
      assert.ok(out.includes(`${lines[3]}\n`), `${lines[3]} stays:\n${out}`);
      assert.ok(out.includes('pathlib.Path("myenv.yml").write_text(yaml.safe_dump(conda_dep))\nmyenv.python.conda_dependencies = CondaDependencies("myenv.yml")\n'), out);
      assert.ok(parses(out));
    });
  }
});
