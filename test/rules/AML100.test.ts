import * as assert from 'node:assert/strict';
import { ruleTester } from './tester';
import { fixDocument } from '../../server/src/engine';

ruleTester('AML100', {
  valid: [
    'from azure.ai.ml import MLClient, command',
    'import azureml.mlflow',
    'from azureml.fsspec import AzureMachineLearningFileSystem',
    'from azureml.featurestore import FeatureStoreClient',
    'from azureml.rag.mlindex import MLIndex',
    'from azureml.ai.monitoring import Collector',
    'from azureml.metrics import compute_metrics',
    'from azureml.evaluate import mlflow as aml_mlflow',
    'import azureml.acft.accelerator',
    // The Responsible AI dashboard components' helpers (azureml-rai-utils; azureml-assets RAI component code).
    'from azureml.rai.utils import ModelSerializer\nfrom azureml.rai.utils.telemetry import LoggerFactory, track',
    'from azureml.dataprep.rslex import Copier',
    'from azureml.contrib.services.aml_request import AMLRequest, rawhttp',
    'import mltable',
    'from azureml_user.helpers import load',
    'import azure.ai.mlmonitoring',
    '# from azureml.core import Workspace',
    's = "from azureml.core import Workspace"',
    "'''\nimport azureml.core\n'''",
    'path = "azureml://datastores/workspaceblobstore/paths/data/"',
    'env = "azureml:my-env:1"',
    { name: 'markdown cell mentioning v1', cells: [{ md: '```python\nfrom azureml.core import Workspace\n```' }, 'x = 1'] },
    { name: '%%bash cell', cells: ['%%bash\npython -c "import azureml.core"'] },
    // The Python client of Azure ML Studio (classic), PyPI `azureml` (a Databricks notebook of the dbx sample): not SDK v1.
    { name: 'Azure ML Studio (classic) client', code: 'from azureml import Workspace, services\nfrom azureml import DataTypeIds\nws = Workspace(workspace_id="x", authorization_token="y")\nds = ws.datasets["d"].to_dataframe()\n@services.publish(ws, "t")\ndef f(a):\n    return a\n' },
    { name: 'Azure ML Studio (classic) client through a bare import', code: 'import azureml\nws = azureml.Workspace(workspace_id="x", authorization_token="y")\nprint(azureml.DataTypeIds.GenericCSV)\n' },
    // The scoring script AutoML generates with a model (scoring_file_v_2_0_0.py, shortened): SDK v2 deploys it unchanged
    // (learn how-to-deploy-automl-endpoint), so its AutoML runtime and telemetry imports are not SDK v1 client code.
    { name: 'AutoML-generated scoring script (scoring_script_v2 logger)', code: "import logging\nimport os\nimport joblib\n\nimport azureml.automl.core\nfrom azureml.automl.core.shared import logging_utilities, log_server\nfrom azureml.telemetry import INSTRUMENTATION_KEY\n\nfrom inference_schema.schema_decorators import input_schema, output_schema\n\ntry:\n    log_server.enable_telemetry(INSTRUMENTATION_KEY)\n    log_server.set_verbosity('INFO')\n    logger = logging.getLogger('azureml.automl.core.scoring_script_v2')\nexcept:\n    pass\n\n\ndef init():\n    global model\n    model_path = os.path.join(os.getenv('AZUREML_MODEL_DIR'), 'model.pkl')\n    path_split = os.path.normpath(model_path).split(os.sep)\n    log_server.update_custom_dimensions({'model_name': path_split[-3], 'model_version': path_split[-2]})\n    try:\n        model = joblib.load(model_path)\n    except Exception as e:\n        logging_utilities.log_traceback(e, logger)\n        raise\n\n\ndef run(data):\n    return model.predict(data)\n" },
    { name: 'AutoML-generated scoring script (older scoring_script logger)', code: "import logging\nimport os\nimport joblib\n\nimport azureml.automl.core\nfrom azureml.automl.core.shared import logging_utilities, log_server\nfrom azureml.telemetry import INSTRUMENTATION_KEY\n\nfrom inference_schema.schema_decorators import input_schema, output_schema\n\ntry:\n    log_server.enable_telemetry(INSTRUMENTATION_KEY)\n    log_server.set_verbosity('INFO')\n    logger = logging.getLogger('azureml.automl.core.scoring_script')\nexcept:\n    pass\n\n\ndef init():\n    global model\n    model_path = os.path.join(os.getenv('AZUREML_MODEL_DIR'), 'model.pkl')\n    path_split = os.path.normpath(model_path).split(os.sep)\n    log_server.update_custom_dimensions({'model_name': path_split[-3], 'model_version': path_split[-2]})\n    try:\n        model = joblib.load(model_path)\n    except Exception as e:\n        logging_utilities.log_traceback(e, logger)\n        raise\n\n\ndef run(data):\n    return model.predict(data)\n" },
  ],
  invalid: [
    {
      name: 'an AutoML scoring script the user extended with SDK v1: only the v1 client code is reported',
      code: "import logging\nimport os\nimport joblib\n\nimport azureml.automl.core\nfrom azureml.automl.core.shared import logging_utilities, log_server\nfrom azureml.telemetry import INSTRUMENTATION_KEY\n\nfrom inference_schema.schema_decorators import input_schema, output_schema\n\ntry:\n    log_server.enable_telemetry(INSTRUMENTATION_KEY)\n    log_server.set_verbosity('INFO')\n    logger = logging.getLogger('azureml.automl.core.scoring_script_v2')\nexcept:\n    pass\n\n\ndef init():\n    global model\n    model_path = os.path.join(os.getenv('AZUREML_MODEL_DIR'), 'model.pkl')\n    path_split = os.path.normpath(model_path).split(os.sep)\n    log_server.update_custom_dimensions({'model_name': path_split[-3], 'model_version': path_split[-2]})\n    try:\n        model = joblib.load(model_path)\n    except Exception as e:\n        logging_utilities.log_traceback(e, logger)\n        raise\n\n\ndef run(data):\n    return model.predict(data)\nfrom azureml.core.model import Model\nmodel_path = Model.get_model_path('m')\n",
      errors: [{ line: 33, column: 6, endColumn: 24, message: 'azureml.core.model' }],
    },
    {
      name: 'AutoML client code naming azureml.automl.core (no generated scoring script)',
      code: 'from azureml.automl.core.forecasting_parameters import ForecastingParameters\nfrom azureml.telemetry import set_diagnostics_collection\n',
      errors: [{ line: 1, column: 6, endColumn: 48 }, { line: 2, column: 6, endColumn: 23 }],
    },
    { code: 'from azureml.core import Workspace', errors: [{ line: 1, column: 6, endLine: 1, endColumn: 18, message: ['azureml.core', 'Workspace', 'azure.ai.ml'] }] },
    { code: 'import azureml.core', errors: [{ line: 1, column: 8, endColumn: 20 }] },
    { name: "MLflow 1.x's Azure ML deployment API", code: 'import mlflow.azureml\n', errors: [{ line: 1, column: 8, endColumn: 22, message: ['mlflow.azureml', 'MLflow 1.19', 'online endpoints'] }] },
    { name: 'a bare import used for SDK v1', code: 'import azureml\nprint(azureml.core.VERSION)\n', errors: [{ line: 1, column: 8, endColumn: 15 }] },
    { code: 'import azureml.core as aml', errors: [{ line: 1, column: 8, endColumn: 20 }] },
    { code: 'from azureml import core', errors: [{ line: 1, column: 6, endColumn: 13 }] },
    { code: 'from azureml.core import (\n    Workspace,\n    Experiment,\n)', errors: [{ line: 1, column: 6, message: 'Workspace, Experiment' }] },
    { code: 'def connect():\n    from azureml.core import Workspace\n    return Workspace.from_config()', errors: [{ line: 2, column: 10 }] },
    { code: 'try:\n    from azureml.core import Run\nexcept ImportError:\n    Run = None', errors: [{ line: 2, column: 10 }] },
    { code: 'if USE_V1:\n    import azureml.train.automl', errors: [{ line: 2, column: 12 }] },
    { code: 'from azureml.core import *', errors: [{ line: 1, column: 6 }] },
    { code: 'import os, azureml.core', errors: [{ line: 1, column: 12 }] },
    { code: 'import azureml.automl.core.shared.constants as constants', errors: [{ line: 1, column: 8 }] },
    { code: 'from azureml.widgets import RunDetails', errors: [{ line: 1, column: 6, message: 'azureml.widgets' }] },
    { code: 'from azureml.pipeline.steps import PythonScriptStep', errors: [{ line: 1, column: 6 }] },
    {
      name: 'a cell with a placeholder that does not parse',
      code: 'from azureml.core import Workspace\nws = Workspace.get(name=<insert_workspace_name>, subscription_id=sub)',
      errors: [{ line: 1, column: 6 }],
    },
    {
      name: 'notebook: magics and markdown counted in cell numbers',
      cells: ['%pip install azureml-sdk\nimport azureml.core', { md: '# Setup' }, '!pip list\nfrom azureml.core.compute import ComputeTarget'],
      errors: [{ cell: 1, line: 2, column: 8 }, { cell: 3, line: 2, column: 6 }],
    },
    {
      name: 'notebook: %%writefile module',
      cells: [{ md: 'score' }, '%%writefile score.py\nimport json\nfrom azureml.core.model import Model\n'],
      errors: [{ cell: 2, line: 3, column: 6 }],
    },
    {
      name: 'notebook: an indented cell',
      cells: ['    from azureml.core import Workspace\n    ws = Workspace.from_config()'],
      errors: [{ cell: 1, line: 1, column: 10 }],
    },
  ],
});

describe('AML100 safe fix: a dotted import whose submodule is read through another binding stays', () => {
  it('import mlflow.azureml between import mlflow and import mlflow.sklearn (review of session 14)', () => {
    const text = 'import mlflow\nimport mlflow.azureml\nimport mlflow.sklearn\nsvc, m = mlflow.azureml.deploy(model_uri="runs:/r/model", workspace=ws)\nmlflow.sklearn.log_model(x, "m")\n';
    const out = (fixDocument({ kind: 'python', path: 'deploy.py', text }).output as { text: string }).text;
    assert.equal(out, text);
  });

  it('a dotted import another import statement also loads can go', () => {
    const text = 'import os\nimport azureml.core\nimport azureml.core.runconfig\nprint(azureml.core.runconfig.DEFAULT_CPU_IMAGE, os.name)\n';
    const out = (fixDocument({ kind: 'python', path: 'x.py', text }).output as { text: string }).text;
    assert.equal(out, 'import os\nimport azureml.core.runconfig\nprint(azureml.core.runconfig.DEFAULT_CPU_IMAGE, os.name)\n');
  });

  it('an unused dotted import whose module the code never names still goes', () => {
    const text = 'import os\nimport azureml.core\nprint(os.name)\n';
    const out = (fixDocument({ kind: 'python', path: 'x.py', text }).output as { text: string }).text;
    assert.equal(out, 'import os\nprint(os.name)\n');
  });
});
