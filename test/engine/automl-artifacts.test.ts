import * as assert from 'node:assert/strict';
import { hover, lint, type DocumentInput } from '../../server/src/engine';

// The artifacts AutoML generates with a model, which SDK v2 deploys unchanged (learn how-to-deploy-automl-endpoint).
// The scoring script AutoML generates with a model (scoring_file_v_2_0_0.py, shortened from public copies).
// SDK v2 deploys it unchanged (learn how-to-deploy-automl-endpoint: CodeConfiguration(code="./src",
// scoring_script="scoring_file_v_2_0_0.py")): it is an artifact of the model, not client code to migrate.
const SCORING = [
  'import json',
  'import logging',
  'import os',
  'import joblib',
  'import pandas as pd',
  '',
  'import azureml.automl.core',
  'from azureml.automl.core.shared import logging_utilities, log_server',
  'from azureml.telemetry import INSTRUMENTATION_KEY',
  '',
  'from inference_schema.schema_decorators import input_schema, output_schema',
  'from inference_schema.parameter_types.standard_py_parameter_type import StandardPythonParameterType',
  '',
  "input_sample = StandardPythonParameterType({'data': 1})",
  '',
  'try:',
  '    log_server.enable_telemetry(INSTRUMENTATION_KEY)',
  "    log_server.set_verbosity('INFO')",
  "    logger = logging.getLogger('azureml.automl.core.scoring_script_v2')",
  'except:',
  '    pass',
  '',
  '',
  'def init():',
  '    global model',
  "    model_path = os.path.join(os.getenv('AZUREML_MODEL_DIR'), 'model.pkl')",
  '    path_split = os.path.normpath(model_path).split(os.sep)',
  "    log_server.update_custom_dimensions({'model_name': path_split[-3], 'model_version': path_split[-2]})",
  '    try:',
  '        model = joblib.load(model_path)',
  '    except Exception as e:',
  '        logging_utilities.log_traceback(e, logger)',
  '        raise',
  '',
  '',
  'def run(data):',
  '    return model.predict(data)',
  '',
].join('\n');

describe('AutoML-generated scoring scripts', () => {
  it('get no finding from any rule', () => {
    assert.deepEqual(lint({ kind: 'python', text: SCORING, path: 'src/scoring_file_v_2_0_0.py' }).findings, []);
  });

  it('the same imports and calls without the generated logger are SDK v1 client code and reported', () => {
    const text = SCORING.replace("'azureml.automl.core.scoring_script_v2'", "'my_logger'");
    const codes = lint({ kind: 'python', text, path: 'score.py' }).findings.map((f) => f.code);
    assert.ok(codes.includes('AML100') && codes.includes('AML112') && codes.includes('AML113'), codes.join());
  });

  it('a training script that copied the generated logger (no init/run entry points) is reported', () => {
    const text = "from azureml.core import Run\nfrom azureml.automl.core.shared import log_server\nimport logging\nlog_server.set_verbosity('INFO')\nlogger = logging.getLogger('azureml.automl.core.scoring_script')\nrun = Run.get_context()\n";
    const codes = lint({ kind: 'python', text, path: 'train_gold.py' }).findings.map((f) => f.code);
    assert.deepEqual(codes, ['AML100', 'AML100', 'AML112', 'AML103']);
  });

  it('the logger named only in a comment does not make a scoring script', () => {
    const text = SCORING.replace("logger = logging.getLogger('azureml.automl.core.scoring_script_v2')", "logger = logging.getLogger(__name__)  # was azureml.automl.core.scoring_script_v2");
    assert.ok(lint({ kind: 'python', text, path: 'score.py' }).findings.some((f) => f.code === 'AML112'));
  });

  it('v1 client code added to the script is still reported', () => {
    const text = `${SCORING}from azureml.core.model import Model\nmodel_path = Model.get_model_path('m')\n`;
    const found = lint({ kind: 'python', text, path: 'score.py' }).findings.map((f) => `${f.code}@${f.range.start.line}`);
    assert.deepEqual(found, ['AML100@37', 'AML108@38']);
  });

  it('the editor re-runs the rules when a comment that makes the module a scoring script is edited', () => {
    const base = SCORING.replace("logger = logging.getLogger('azureml.automl.core.scoring_script_v2')", "logger = make_logger()  # getLogger('azureml.automl.core.scoring_script_v2')");
    const edited = base.replace("# getLogger('azureml.automl.core.scoring_script_v2')", "# getLogger('mine')");
    const fresh = lint({ kind: 'python', text: edited, path: 'score.py' }).findings.map((f) => f.code);
    assert.ok(fresh.length > 0 && lint({ kind: 'python', text: base, path: 'score.py' }).findings.length === 0);
    const prev = lint({ kind: 'python', text: base, path: 'score.py' }).analysis;
    assert.deepEqual(lint({ kind: 'python', text: edited, path: 'score.py' }, undefined, prev).findings.map((f) => f.code), fresh);
  });

  it('the editor re-runs the rules when the scoring script loses or regains its top-level run()', () => {
    const lambda = SCORING.replace('def run(data):\n    return model.predict(data)', 'run = lambda data: model.predict(data)');
    const fresh = (text: string) => lint({ kind: 'python', text, path: 'score.py' }).findings.map((f) => f.code);
    assert.deepEqual(fresh(SCORING), []);
    assert.ok(fresh(lambda).length > 0);
    const prev = lint({ kind: 'python', text: SCORING, path: 'score.py' }).analysis;
    assert.deepEqual(lint({ kind: 'python', text: lambda, path: 'score.py' }, undefined, prev).findings.map((f) => f.code), fresh(lambda));
    const back = lint({ kind: 'python', text: lambda, path: 'score.py' }).analysis;
    assert.deepEqual(lint({ kind: 'python', text: SCORING, path: 'score.py' }, undefined, back).findings.map((f) => f.code), []);
  });

  it('a hover on the AutoML runtime does not call it SDK v1', () => {
    const input: DocumentInput = { kind: 'python', text: SCORING };
    const h = hover(input, { position: { line: 16, character: 6 } }) ?? '';
    assert.doesNotMatch(h, /SDK v1/);
    const plain = hover({ kind: 'python', text: SCORING.replace('scoring_script_v2', 'x') }, { position: { line: 16, character: 6 } }) ?? '';
    assert.match(plain, /SDK v1/);
  });
});

// The inference environment AutoML generates beside it (conda_env_v_1_0_0.yml, shortened from public copies of
// AutoML 1.22 and 1.60 outputs): `Environment(conda_file="./src/conda_env_v_1_0_0.yml")` in the v2 deployment.
const CONDA_ENV = [
  '# Conda environment specification. The dependencies defined in this file will',
  '# be automatically provisioned for runs with userManagedDependencies=False.',
  '',
  'name: project_environment',
  'dependencies:',
  '  - python=3.9.22',
  '  - pip:',
  '    - azureml-train-automl-runtime==1.60.0',
  '    - inference-schema',
  '    - xgboost<=1.5.2',
  '    - azureml-interpret==1.60.0',
  '    - azureml-defaults==1.60.0',
  '  - numpy==1.23.5',
  '  - pandas==1.5.3',
  'channels:',
  '  - anaconda',
  '  - conda-forge',
  '',
].join('\n');

// AutoML NLP models' generated scoring script (AutoML 1.4x, shortened): no logger, the DNN runtime and init/run.
const NLP_SCORING = [
  '"""Score text dataset from model produced by training run."""',
  '',
  'from inference_schema.schema_decorators import input_schema, output_schema',
  'from azureml.automl.core import inference',
  'from azureml.automl.dnn.nlp.common.constants import ScoringLiterals, OutputLiterals',
  'import os',
  '',
  '',
  'def init():',
  '    global model',
  "    model_path = os.path.join(os.getenv('AZUREML_MODEL_DIR'), ScoringLiterals.MODEL_FILE)",
  '',
  '',
  'def run(data):',
  '    return model.predict(data)',
  '',
].join('\n');

describe('AutoML-generated scoring scripts of NLP and vision models', () => {
  it('get no finding', () => {
    assert.deepEqual(lint({ kind: 'python', text: NLP_SCORING, path: 'scoring_file_v_1_0_0.py' }).findings, []);
  });

  it('the DNN runtime in code that is not a scoring script (no init/run) is reported', () => {
    const text = 'from azureml.automl.dnn.vision.common.utils import _set_logging_parameters\n_set_logging_parameters("x", {})\n';
    assert.deepEqual(lint({ kind: 'python', text, path: 'train.py' }).findings.map((f) => f.code), ['AML100', 'AML112']);
  });
});

describe('AutoML-generated inference environments (AML401)', () => {
  const findings = (text: string, path = 'outputs/conda_env_v_1_0_0.yml') => lint({ kind: 'text', path, text }).findings.map((f) => `${f.code}@${f.range.start.line}`);

  it('the AutoML runtime of the generated environment is not reported', () => {
    assert.deepEqual(findings(CONDA_ENV), []);
    // Kept under another name it is recognised by its contents.
    assert.deepEqual(findings(CONDA_ENV, 'conda_dependencies.yaml'), []);
  });

  it('the same packages in a requirements file written from it', () => {
    assert.deepEqual(findings('azureml-train-automl-runtime==1.22.0\ninference-schema\nazureml-interpret==1.22.0\nazureml-defaults==1.22.0\n', 'requirements.txt'), []);
  });

  it('an environment with the v1 client is SDK v1 code and reported, AutoML runtime included', () => {
    const withCore = CONDA_ENV.replace('    - inference-schema\n', '    - inference-schema\n    - azureml-core==1.60.0\n');
    assert.deepEqual(findings(withCore, 'environment.yml'), ['AML401@7', 'AML401@9', 'AML401@11']);
  });

  it('a DNN (vision) model\'s generated environment, which pins azureml-core too, is silent under its generated name only', () => {
    const vision = 'name: project_environment\ndependencies:\n- python=3.7\n- pip:\n  - azureml-core==1.46.0\n  - azureml-telemetry==1.46.0\n  - azureml-train-automl-client==1.46.0\n  - azureml-train-automl-runtime==1.46.1.post1\n  - azureml-automl-dnn-vision==1.46.1\n';
    assert.deepEqual(findings(vision, 'outputs/conda_env_v_1_0_0.yml'), []);
    assert.deepEqual(findings(vision, 'environment.yml'), ['AML401@4', 'AML401@5', 'AML401@6', 'AML401@7']);
  });

  it('under the generated name, v1 packages AutoML does not generate are still reported', () => {
    const edited = 'name: project_environment\ndependencies:\n- pip:\n  - azureml-train-automl-runtime==1.46.1\n  - azureml-core==1.46.0\n  - azureml-sdk==1.46.0\n  - azureml-pipeline-steps==1.46.0\n';
    assert.deepEqual(findings(edited, 'envs/old_conda_env_v_1_0_0.yml'), ['AML401@5', 'AML401@6']);
  });

  it('an older generated environment (AutoML 1.0.85: azureml-explain-model) under another name', () => {
    assert.deepEqual(findings('name: project_environment\ndependencies:\n- pip:\n  - azureml-train-automl-runtime==1.0.85\n  - inference-schema\n  - azureml-explain-model==1.0.85\n', 'score_env.yml'), []);
  });

  it('without inference-schema it is not a generated inference environment: the runtime is reported', () => {
    assert.deepEqual(findings(CONDA_ENV.replace('    - inference-schema\n', ''), 'environment.yml'), ['AML401@7', 'AML401@9']);
  });
});
