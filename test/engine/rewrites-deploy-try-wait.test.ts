import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

/**
 * Round 31 (deploy.ts): a deployment waited for in a `try` whose handler prints the logs and re-raises
 * or reports. v1's wait raised a failed deployment's error there, for that handler; in v2 the
 * deployment starts where the deploy was, as a poller (online_deployments.begin_create_or_update
 * returns an LROPoller), and the wait is the poller's result(), which raises azure-core's
 * HttpResponseError for a failed operation (azure-core polling/_poller.py, LROPoller.result), in the
 * same try; the traffic goes to the deployment after it (DEP,
 * https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-deploy-endpoints). The handler's
 * get_logs is the deployment's (OnlineDeploymentOperations.get_logs(name, endpoint_name, lines)).
 */
const CLIENT_IMPORTS = 'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azure.ai.ml.entities import CodeConfiguration\nfrom azure.ai.ml.entities import ManagedOnlineEndpoint\nfrom azure.ai.ml.entities import ManagedOnlineDeployment\n';
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())\n';

const V1_HEAD = [
  'from azureml.core import Model',
  'from azureml.core.model import InferenceConfig',
  'from azureml.core.webservice import AciWebservice',
  'model = Model(ws, "m")',
  'ic = InferenceConfig(entry_script="score.py", source_directory="src", environment=env)',
  'cfg = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1, auth_enabled=True)',
  'service = Model.deploy(ws, "svc", [model], ic, cfg)',
].join('\n');

const V2_HEAD =
  `${CLIENT_IMPORTS}${CLIENT}` +
  'model = ml_client.models.get(name="m", label="latest")\n' +
  'ic = CodeConfiguration(code="src", scoring_script="score.py")\n' +
  'cfg = {"instance_type": "Standard_DS1_v2", "instance_count": 1}  # amlint: review\n' +
  'service = ManagedOnlineEndpoint(name="svc", auth_mode="key")\n' +
  'service = ml_client.online_endpoints.begin_create_or_update(service).result()\n' +
  'service_poller = ml_client.online_deployments.begin_create_or_update(ManagedOnlineDeployment(name="blue", endpoint_name=service.name, model=model, environment=env, code_configuration=ic, **cfg))  # amlint: review\n';

const V2_WAIT = '    service_poller.result()\n    service.traffic = {"blue": 100}\n    service = ml_client.online_endpoints.begin_create_or_update(service).result()\n';
const LOGS = 'ml_client.online_deployments.get_logs(name="blue", endpoint_name=service.name, lines=5000)';

describe('rewrites round 31: a deployment waited for in a try (AML109)', () => {
  rewriteCases([
    [
      'except Exception: print the logs and re-raise → the poller\'s result() in the try',
      `${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept Exception:\n    print(service.get_logs())\n    raise\nprint(service.scoring_uri)\n`,
      `${V2_HEAD}try:\n${V2_WAIT}except Exception:\n    print(${LOGS})\n    raise\nprint(service.scoring_uri)\n`,
    ],
    [
      'a bare except that reports and shows the logs',
      `${V1_HEAD}\ntry:\n    service.wait_for_deployment(True)\nexcept:\n    print("deployment failed")\n    service.get_logs()\n`,
      `${V2_HEAD}try:\n${V2_WAIT}except:\n    print("deployment failed")\n    ${LOGS}\n`,
    ],
    [
      'except Exception as e, with other uses after the wait in the try body',
      `${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\n    print(service.scoring_uri)\nexcept Exception as e:\n    print(e)\n    print(service.get_logs(num_lines=200))\n`,
      `${V2_HEAD}try:\n${V2_WAIT}    print(service.scoring_uri)\nexcept Exception as e:\n    print(e)\n    print(ml_client.online_deployments.get_logs(name="blue", endpoint_name=service.name, lines=200))\n`,
    ],
    [
      'the state read after a handler that re-raises (only a succeeded deployment gets there)',
      `${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept Exception:\n    print(service.get_logs())\n    raise\nprint(service.state)\n`,
      `${V2_HEAD}try:\n${V2_WAIT}except Exception:\n    print(${LOGS})\n    raise\nprint(service.provisioning_state)\n`,
    ],
  ]);

  /** The fixes of the `Model.deploy()` finding. */
  const deployFixes = (src: string): unknown => lint({ kind: 'python', text: src }).findings.find((f) => f.code.startsWith('AML1') && f.message.startsWith('`Model.deploy()`'))?.fixes;
  const refused: Array<[string, string]> = [
    ['a handler for v1\'s WebserviceException (v2 raises HttpResponseError)', `from azureml.exceptions import WebserviceException\n${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept WebserviceException:\n    print(service.get_logs())\n`],
    ['a handler for another exception beside a broad one', `${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept KeyboardInterrupt:\n    pass\nexcept Exception:\n    print(service.get_logs())\n`],
    ['the service state read in the try (the endpoint\'s, not the deployment\'s)', `${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\n    print(service.state)\nexcept Exception:\n    print(service.get_logs())\n`],
    ['the service state read in the handler', `${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept Exception:\n    print(service.state)\n`],
    ['the service state read after a handler that does not re-raise (a failed deployment\'s endpoint reads Succeeded)', `${V1_HEAD}\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept Exception:\n    print(service.get_logs())\nprint(service.state)\n`],
    ['the wait nested in a branch of the try body', `${V1_HEAD}\ntry:\n    if wait:\n        service.wait_for_deployment(show_output=True)\nexcept Exception:\n    print(service.get_logs())\n`],
    ['two waits', `${V1_HEAD}\nservice.wait_for_deployment()\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept Exception:\n    print(service.get_logs())\n`],
    ['an outer try whose handler is v1\'s WebserviceException (it would no longer see the re-raised failure)', `from azureml.exceptions import WebserviceException\n${V1_HEAD}\ntry:\n    try:\n        service.wait_for_deployment(show_output=True)\n    except Exception:\n        print(service.get_logs())\n        raise\nexcept WebserviceException:\n    print("failed")\n`],
    ['the poller\'s name already bound', `${V1_HEAD}\nservice_poller = None\ntry:\n    service.wait_for_deployment(show_output=True)\nexcept Exception:\n    print(service.get_logs())\n`],
  ];
  for (const [title, src] of refused) {
    it(`refused: ${title}`, () => assert.equal(deployFixes(src), undefined));
  }
  it('(the same deploy waited for outside a try keeps its plain rewrite)', () => {
    assert.ok(deployFixes(`${V1_HEAD}\nservice.wait_for_deployment(show_output=True)\n`));
  });
});
