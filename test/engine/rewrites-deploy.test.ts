import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, parses } from './helpers';

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

describe('rewrites: models, deployment, pipeline steps', () => {
  const cases: Array<[string, string, string]> = [
    [
      'Model(ws, name) → models.get of the latest version; name/version/tags reads stay',
      'from azureml.core import Model\nmodel = Model(ws, "m")\nprint(model.name, model.version, model.tags["k"])\n',
      `${CLIENT}model = ml_client.models.get(name="m", label="latest")\nprint(model.name, model.version, model.tags["k"])\n`,
    ],
    [
      'Model(ws, name, version) → models.get with the version as a string',
      'from azureml.core.model import Model\nm = Model(ws, name="m", version=3)\nprint(m.version)\n',
      `${CLIENT}m = ml_client.models.get(name="m", version="3")\nprint(m.version)\n`,
    ],
    [
      'Model.register with tags, properties and description',
      'from azureml.core import Model\nmodel = Model.register(ws, "outputs/model.pkl", "m", tags={"area": "x"}, properties={"p": "1"}, description="d")\nprint(model.name, model.version)\n',
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport azure.ai.ml.entities\nimport azure.ai.ml.constants\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\n' +
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="m", path="outputs/model.pkl", description="d", tags={"area": "x"}, properties={"p": "1"}, type=azure.ai.ml.constants.AssetTypes.CUSTOM_MODEL))\nprint(model.name, model.version)\n',
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
      'a deployed service: scoring_uri, both keys, secondary key; Model.deploy stays',
      'from azureml.core import Model\nservice = Model.deploy(ws, "svc", [model], inference_config, aci_config)\nprint(service.scoring_uri)\nkey, _ = service.get_keys()\nsecond = service.get_keys()[1]\n',
      // Two fixes apply in one pass; each adds its imports once, in the order the fixes are applied.
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nimport operator\nml_client = MLClient.from_config(credential=DefaultAzureCredential())\nfrom azureml.core import Model\nservice = Model.deploy(ws, "svc", [model], inference_config, aci_config)\n' +
        'print(ml_client.online_endpoints.get(name=service.name).scoring_uri)\nkey, _ = operator.attrgetter("primary_key", "secondary_key")(ml_client.online_endpoints.get_keys(name=service.name))\nsecond = ml_client.online_endpoints.get_keys(name=service.name).secondary_key\n',
    ],
    [
      'PythonScriptStep: allow_reuse → is_deterministic, positional script and name',
      'from azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep("train.py", "train", compute_target="cpu-cluster", source_directory="src", allow_reuse=False)\n',
      'from azure.ai.ml import command\nstep = command(display_name="train", code="src", command="python train.py", compute="cpu-cluster", is_deterministic=False)\n',
    ],
  ];
  for (const [name, src, expected] of cases) {
    it(name, () => {
      const out = fixPy(src);
      assert.equal(out, expected);
      assert.ok(parses(out), 'the fixed file still parses');
      assert.equal(fixPy(out), out, 'a second run changes nothing');
    });
  }

  it('PythonScriptStep on a compute object passes its name', () => {
    const src = 'from azureml.core.compute import AmlCompute\nfrom azureml.pipeline.steps import PythonScriptStep\ncluster = AmlCompute(ws, "cpu")\nstep = PythonScriptStep(script_name="train.py", compute_target=cluster)\n';
    const out = fixPy(src);
    assert.ok(out.includes('step = command(command="python train.py", compute=cluster.name)\n'), out);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
  });

  describe('no suggestion when the rewrite would not be faithful', () => {
    const negatives: Array<[string, string, number, string]> = [
      ['a model still used as a v1 model (id is "name:version" only in v1)', 'from azureml.core import Model\nmodel = Model(ws, "m")\nprint(model.id)\n', 1, '`Model()`'],
      ['a model built inside another expression', 'from azureml.core import Model\nmodels.append(Model(ws, name="m"))\n', 1, '`Model()`'],
      ['Model.register with a framework (no-code deployment) or datasets', 'from azureml.core import Model\nmodel = Model.register(ws, "m.pkl", "m", model_framework=Model.Framework.SCIKITLEARN)\n', 1, '`Model.register()`'],
      ['Model.register of a model deployed with v1 afterwards', 'from azureml.core import Model\nmodel = Model.register(ws, "m.pkl", "m")\nservice = model.deploy(ws, "svc", [model])\n', 1, '`Model.register()`'],
      [
        'a local service (a local endpoint in v2)',
        'from azureml.core import Model\nfrom azureml.core.webservice import LocalWebservice\nconfig = LocalWebservice.deploy_configuration(port=6789)\nlocal = Model.deploy(ws, "local-svc", [model], ic, config)\nlocal.delete()\n',
        4,
        '`Webservice.delete()`',
      ],
      ['a looked-up service with v1-only uses', 'from azureml.core import Webservice\nservice = Webservice(ws, "svc")\nprint(service.get_logs())\n', 1, '`Webservice()`'],
      ['a step with outputs', 'from azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep(script_name="s.py", outputs=[out], compute_target="cpu")\n', 1, '`PythonScriptStep()`'],
      ['a step ordered with run_after', 'from azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep(script_name="s.py", compute_target="cpu")\nstep.run_after(other)\n', 1, '`PythonScriptStep()`'],
      ['a step whose compute may be a name or an object', 'from azureml.pipeline.steps import PythonScriptStep\ndef make(target):\n    return PythonScriptStep(script_name="s.py", compute_target=target)\n', 2, '`PythonScriptStep()`'],
    ];
    for (const [name, src, line, what] of negatives) {
      it(name, () => assert.equal(fixesAt(src, line, what), undefined));
    }
  });
});
