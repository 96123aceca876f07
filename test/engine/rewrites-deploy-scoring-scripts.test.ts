/**
 * Round 24 (deployment): `Model.get_model_path(name)` in the `init()` of an online scoring script
 * whose `run` takes several parameters (inference-schema's several inputs, MLOpsPython's
 * `run(data, request_headers)`): the same azureml-inference-server-http serves v1 services and v2
 * online endpoints (https://learn.microsoft.com/azure/machine-learning/how-to-inference-server-http),
 * so only the model path changes: the one entry of AZUREML_MODEL_DIR
 * (https://learn.microsoft.com/azure/machine-learning/concept-online-deployment-model-specification).
 * Also `print(env.python.conda_dependencies.serialize_to_string())` of an environment made from a conda
 * file (the DP-100 "Work with Compute" lab): v2's `Environment(conda_file=path)` loads the file into the
 * dict its `conda_file` property returns (azure-ai-ml `entities/_assets/environment.py`), dumped with PyYAML
 * in the file's key order, as v1's ruamel round trip kept it.
 * Refused: a `run` with `*args` (not a scoring script we recognise), batch scripts (`mini_batch`); the
 * conda file's dump of an environment whose Python is user-managed (v2 gets no conda file).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const REVIEW = '  # amlint: review';
const IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
const MODEL_PATH = 'os.path.join(os.environ["AZUREML_MODEL_DIR"], os.listdir(os.environ["AZUREML_MODEL_DIR"])[0])';

describe('rewrites, round 24: get_model_path in scoring scripts whose run() takes several parameters', () => {
  rewriteCases([
    [
      'MLOpsPython score.py: run(data, request_headers), the name taken from AZUREML_MODEL_DIR',
      [
        'import numpy',
        'import joblib',
        'import os',
        'from azureml.core.model import Model',
        'from inference_schema.schema_decorators import input_schema, output_schema',
        'from inference_schema.parameter_types.numpy_parameter_type import NumpyParameterType',
        '',
        '',
        'def init():',
        '    global model',
        '    model_path = Model.get_model_path(',
        '        os.getenv("AZUREML_MODEL_DIR").split(\'/\')[-2])',
        '    model = joblib.load(model_path)',
        '',
        '',
        'input_sample = numpy.array([[1.0, 2.0]])',
        'output_sample = numpy.array([3.0])',
        '',
        '',
        '@input_schema(\'data\', NumpyParameterType(input_sample))',
        '@output_schema(NumpyParameterType(output_sample))',
        'def run(data, request_headers):',
        '    result = model.predict(data)',
        '    return result.tolist()',
        '',
      ].join('\n'),
      [
        'import numpy',
        'import joblib',
        'import os',
        'from inference_schema.schema_decorators import input_schema, output_schema',
        'from inference_schema.parameter_types.numpy_parameter_type import NumpyParameterType',
        '',
        '',
        'def init():',
        '    global model',
        `    model_path = ${MODEL_PATH}`,
        '    model = joblib.load(model_path)',
        '',
        '',
        'input_sample = numpy.array([[1.0, 2.0]])',
        'output_sample = numpy.array([3.0])',
        '',
        '',
        '@input_schema(\'data\', NumpyParameterType(input_sample))',
        '@output_schema(NumpyParameterType(output_sample))',
        'def run(data, request_headers):',
        '    result = model.predict(data)',
        '    return result.tolist()',
        '',
      ].join('\n'),
    ],
    [
      'a run() of several inputs, no os import yet: os comes in',
      [
        'import joblib',
        'from azureml.core.model import Model',
        '',
        '',
        'def init():',
        '    global model',
        '    model_path = Model.get_model_path("cnn")',
        '    model = joblib.load(model_path)',
        '',
        '',
        'def run(image, white_ref, black_ref):',
        '    return model.predict(image, white_ref, black_ref)',
        '',
      ].join('\n'),
      [
        'import os',
        'import joblib',
        '',
        '',
        'def init():',
        '    global model',
        `    model_path = ${MODEL_PATH}`,
        '    model = joblib.load(model_path)',
        '',
        '',
        'def run(image, white_ref, black_ref):',
        '    return model.predict(image, white_ref, black_ref)',
        '',
      ].join('\n'),
    ],
  ]);

  const unchanged = (title: string, src: string) =>
    it(title, () => {
      assert.equal(fixPython(src, true), src);
    });

  unchanged('refused: a run(*inputs) (not a scoring script signature we recognise)', [
    'import joblib',
    'from azureml.core.model import Model',
    '',
    '',
    'def init():',
    '    global model',
    '    model = joblib.load(Model.get_model_path("m"))',
    '',
    '',
    'def run(*inputs):',
    '    return model.predict(inputs)',
    '',
  ].join('\n'));

  unchanged('refused: a ParallelRunStep script run(mini_batch, context) (v2 gives a parallel job no model directory)', [
    'import joblib',
    'from azureml.core.model import Model',
    '',
    '',
    'def init():',
    '    global model',
    '    model = joblib.load(Model.get_model_path("m"))',
    '',
    '',
    'def run(mini_batch, context):',
    '    return [model.predict(x) for x in mini_batch]',
    '',
  ].join('\n'));

  it('a notebook: the scoring script written by a %%writefile cell', () => {
    const cells = [
      { kind: 'code', text: 'import os\nos.makedirs("service", exist_ok=True)' },
      {
        kind: 'code',
        text: '%%writefile service/score.py\nimport json\nimport joblib\nfrom azureml.core.model import Model\n\n\ndef init():\n    global model\n    model = joblib.load(Model.get_model_path("diabetes_model"))\n\n\ndef run(raw_data, request_headers):\n    return model.predict(json.loads(raw_data)["data"]).tolist()\n',
      },
    ];
    const expected = [
      cells[0]!,
      {
        kind: 'code',
        text: `%%writefile service/score.py\nimport os\nimport json\nimport joblib\n\n\ndef init():\n    global model\n    model = joblib.load(${MODEL_PATH})\n\n\ndef run(raw_data, request_headers):\n    return model.predict(json.loads(raw_data)["data"]).tolist()\n`,
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => ({ kind: c.kind, text: c.text })), expected);
    // The cell magic is not Python: the script after it is.
    for (const c of out.cells) assert.ok(parses(c.text.replace(/^%%writefile .*\n/, '')), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(again.cells.map((c) => ({ kind: c.kind, text: c.text })), expected, 'a second run changes nothing');
  });

  it('a notebook: an environment from a conda file, its specification printed, given to a job', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace\nws = Workspace.from_config()' },
      {
        kind: 'code',
        text: [
          'from azureml.core import Environment',
          'experiment_env = Environment.from_conda_specification("experiment_env", "env/experiment_env.yml")',
          'experiment_env.python.user_managed_dependencies = False',
          'print(experiment_env.name, "defined.")',
          'print(experiment_env.python.conda_dependencies.serialize_to_string())',
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'from azureml.core import Experiment, ScriptRunConfig',
          'script_config = ScriptRunConfig(source_directory="src", script="train.py", environment=experiment_env, compute_target="cpu-cluster")',
          'run = Experiment(workspace=ws, name="train").submit(config=script_config)',
        ].join('\n'),
      },
    ];
    const expected = [
      {
        kind: 'code',
        text: [
          'import azure.ai.ml.entities',
          'import yaml',
          'from azure.ai.ml import command',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'experiment_env = azure.ai.ml.entities.Environment(',
          '    name="experiment_env",',
          `    image=${IMAGE},${REVIEW}`,
          '    conda_file="env/experiment_env.yml",',
          ')',
          'print(experiment_env.name, "defined.")',
          'print(yaml.safe_dump(experiment_env.conda_file, sort_keys=False))',
        ].join('\n'),
      },
      {
        kind: 'code',
        text: [
          'script_config = command(code="src", command="python train.py", environment=experiment_env, compute="cpu-cluster")',
          'run = ml_client.jobs.create_or_update(script_config, experiment_name="train")',
        ].join('\n'),
      },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells.map((c) => ({ kind: c.kind, text: c.text })), expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(again.cells.map((c) => ({ kind: c.kind, text: c.text })), expected, 'a second run changes nothing');
  });

  it('refused: the conda file dumped of an environment whose Python is user-managed (v2 gets no conda file)', () => {
    const out = fixPython([
      'from azureml.core import Workspace, Environment, Experiment, ScriptRunConfig',
      '',
      'ws = Workspace.from_config()',
      'env = Environment.from_conda_specification("experiment_env", "env/experiment_env.yml")',
      'env.python.user_managed_dependencies = True',
      'print(env.python.conda_dependencies.serialize_to_string())',
      'src = ScriptRunConfig(source_directory="src", script="train.py", environment=env, compute_target="cpu-cluster")',
      'run = Experiment(ws, "train").submit(src)',
      '',
    ].join('\n'), true);
    assert.ok(out.includes('print(env.python.conda_dependencies.serialize_to_string())'), out);
    assert.ok(!out.includes('yaml.safe_dump'), out);
  });
});
