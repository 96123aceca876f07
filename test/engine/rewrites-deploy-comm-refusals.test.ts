import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython, parses } from './helpers';

/**
 * Round 30 (deploy.ts, environment.ts): the community shapes of the deployment chain left without a
 * fix, each for a reason v2 gives no faithful form for (the whole ACI lifecycle stays v1, with its
 * environment):
 * - several models in one service: a v2 deployment takes one model;
 * - `models=[]`: a v2 deployment's model is optional only for custom containers
 *   (https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online);
 * - `location=` of the ACI configuration: a managed endpoint takes the workspace's region;
 * - `model.run_id` read in a `Model.list` loop: v2's `job_name` is not documented to hold v1's run id.
 */
const ENV = [
  'from azureml.core import Environment, Workspace, Model',
  'from azureml.core.model import InferenceConfig',
  'from azureml.core.webservice import AciWebservice',
  'env = Environment(name="torch-env")',
  'env.python.conda_dependencies.add_pip_package("torch")',
  'ws = Workspace.from_config()',
];
const deploy = (models: string, aci = 'cpu_cores=1, memory_gb=1'): string =>
  [
    ...ENV,
    'model = Model(ws, "gru")',
    'scaler = Model(ws, "scaler")',
    'ic = InferenceConfig(entry_script="score.py", environment=env)',
    `cfg = AciWebservice.deploy_configuration(${aci})`,
    `service = Model.deploy(workspace=ws, name="gru-svc", models=${models}, inference_config=ic, deployment_config=cfg)`,
    'service.wait_for_deployment(show_output=True)',
    'print(service.scoring_uri)',
    '',
  ].join('\n');

/** The AML1 findings of `src` whose message starts with one of `what`, each with its fixes. */
function findings(src: string, what: string[]): Array<{ message: string; fixes?: unknown[] }> {
  return lint({ kind: 'python', text: src }).findings.filter((f) => f.code.startsWith('AML1') && what.some((w) => f.message.startsWith(w)));
}

describe('rewrites round 30: community deployments that stay v1 (AML104/AML108/AML109)', () => {
  const PIECES = ['`Model.deploy()`', '`InferenceConfig()`', '`AciWebservice.deploy_configuration()`', '`Webservice.wait_for_deployment()`', '`Environment.python.conda_dependencies.add_pip_package()`'];
  const refused: Array<[string, string]> = [
    ['two models in one service', deploy('[model, scaler]')],
    ['no model at all', deploy('[]')],
    ['an ACI region', deploy('[model]', 'cpu_cores=1, memory_gb=1, location="eastus"')],
  ];
  for (const [title, src] of refused) {
    it(`refused: ${title}`, () => {
      const f = findings(src, PIECES);
      assert.equal(f.length, PIECES.length);
      for (const x of f) assert.ok(!x.fixes?.length, `no fix on ${x.message.split(' ')[0]}`);
      assert.ok(parses(fixPython(src, true)));
    });
  }
  it('(the same lifecycle with one model and no region is rewritten, with its environment)', () => {
    const f = findings(deploy('[model]'), PIECES);
    assert.equal(f.length, PIECES.length);
    for (const x of f) assert.ok(x.fixes?.length, `a fix on ${x.message.split(' ')[0]}`);
  });

  it('refused: a model listing loop that reads run_id', () => {
    const src = ['from azureml.core import Workspace, Model', 'ws = Workspace.from_config()', 'for m in Model.list(ws):', '    print(m.name, m.version, m.run_id)', ''].join('\n');
    const f = findings(src, ['`Model.list()`']);
    assert.ok(f.length);
    for (const x of f) assert.ok(!x.fixes?.length);
    const without = src.replace(', m.run_id', '');
    assert.ok(findings(without, ['`Model.list()`']).every((x) => x.fixes?.length), 'the loop without run_id is rewritten');
  });
});
