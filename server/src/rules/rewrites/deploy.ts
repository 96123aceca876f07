/**
 * Rewrites to SDK v2 of Models and deployment (web services) (AML108, AML109). Each v2 shape is the
 * one the migration guide documents (DEP: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-deploy-endpoints).
 *
 * Models: `Model(ws, name[, version])` → `ml_client.models.get`, `Model.register(ws, path, name, ...)`
 * → `ml_client.models.create_or_update(Model(...))`, with the reads of the variable v2 models share
 * (`name`, `version`, `tags`, ...; `created_time` → `creation_context.created_at`; `id`, v1's
 * "name:version", → `name + ":" + version`, v2's being an ARM id), whose findings
 * offer the producer's fix; `for m in Model.list(ws[, name]):` only printing its models → every
 * version of each v2 model container (order may differ: review). A registration's `model_framework` (used only by v1 no-code deployment and
 * profiling, which keep such a model v1) is dropped with `# amlint: review`; `Model.Framework.X` offers
 * the registration's fix. `Model.get_model_path(name)` in an online scoring script's `init()` (`run`
 * decorated or not, of one or more plain parameters) → the one entry of AZUREML_MODEL_DIR (see `getModelPath`). Not rewritten:
 * `Model.register` with datasets, sample inputs or a resource configuration (no v2 `Model` field),
 * `model.delete()` (v2 ModelOperations archives model versions and deletes none,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.modeloperations),
 * `model.download` when files are read after it in the module (v2 writes under
 * `<download_path>/<name>/`, not where v1 did; otherwise → `models.download`, marked for review), `Model.list`
 * other than iterated by a loop that only shows the models (v1's `latest=True` and tag filters have no
 * v2 parameter; see modelList), `get_model_path` elsewhere (ParallelRunStep scripts: a v2
 * parallel job runs the same entry script as is, per
 * https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-parallel-run-step, and gets
 * no model directory; job scripts, where v1 downloaded the model to azureml-models/<name>/<version>:
 * v2 passes it as a job input; several models: one per v2 deployment), `Model.profile`/`package`.
 *
 * Deployment: the whole ACI lifecycle is one suggestion, offered on each piece's finding (and on the
 * environment's, through `environmentEdits`): `ic = InferenceConfig(entry_script, source_directory,
 * environment)` → `CodeConfiguration(code, scoring_script)` (the older `runtime="python", conda_file=`
 * form → an `Environment(image, conda_file)` with ENV2's image, the conda file joined to the
 * source directory when there is one, where v1 read it; a literal or a name bound alike at the deployment); `cfg = AciWebservice.deploy_configuration(
 * cpu_cores, memory_gb, tags, description, ...)` → the deployment's settings (a dict passed as
 * `**cfg`; the VM SKU from the table of the ACI upgrade page, for sizes written as numbers or as names
 * bound once to numbers: knownNumber), the service's tags, description and
 * properties the endpoint's (when they mean the same at each deployment: literals, `model.tags` of a
 * name bound alike; else in the dict, v2 deployments have them too; reads of a model rewritten with
 * the deployment stay as written there); `location=` and `dns_name_label=` are refused (a managed
 * endpoint takes the workspace's region and has no DNS label); `svc = Model.deploy(ws, name, [model],
 * ic, cfg)` → a `ManagedOnlineEndpoint` of that name and a `ManagedOnlineDeployment` "blue" taking
 * 100% of the traffic (DEP's names; the older `Webservice.deploy_from_model(ws, name, [model], image_config,
 * cfg)` with `ContainerImage.image_configuration(execution_script, runtime="python", conda_file)` alike, as the
 * `runtime=`/`conda_file=` inference config: v1 built the same kind of image from them), each create waited on (a model registered by a run,
 * `best_run.register_model(...)`, stays v1 and goes in by name and version, as does a variable the model
 * cannot type, v1 Model.deploy taking only v1 models; a registration refused there adds no import); then the service's uses on the endpoint:
 * `wait_for_deployment` goes (the creates waited; waited for in a `try` whose handlers are `except
 * Exception:` or bare, the deployment is started as a poller at the deploy and the wait is its
 * `result()` in the try, then the traffic: tryWait), `state` → `provisioning_state` ("Healthy" →
 * "Succeeded"), `scoring_uri`/`name` stay, `get_logs` → `online_deployments.get_logs`, `run` → the
 * HTTP POST v1 made, with the endpoint key (v2 `invoke` reads a request file and returns text; its
 * response bound to `response`, or to a name the module binds nowhere where it binds that one itself),
 * `get_keys`, `delete`, `swagger_uri` → `openapi_uri` (both the resource's swaggerUri), `if svc:` /
 * `if svc is not None:` kept (both objects are always true),
 * `update(enable_app_insights=X)` → the deployment got, its `app_insights_enabled` set, and created
 * again. A v1 model that stays v1 goes in as "azureml:<name>:<version>", one looked up in the call
 * (`[Model(ws, name)]`) as its `models.get`; so does the environment of a v1 run
 * (`env = best_run.get_environment()`, registered when the run was submitted); a v1 environment made in
 * the inference config (`environment=Environment.get(ws, name)`) is written in the deployment in its
 * v2 form (`environmentCopy`). Values v2
 * needs and v1 never stated (deployment name, SKU, instance count, code folder, key auth where v1 had
 * none) carry `# amlint: review`; so does a call made by hand on the scoring URI of a service that had
 * no key, or whose key the module does not read from the service (`requests.post(svc.scoring_uri, ...)` without the
 * key the endpoint now needs: keylessCalls).
 * Not rewritten: an inference config with neither environment nor runtime (v1 then deployed in an
 * environment the service chose, `convert_parts_to_environment` in azureml-core: no image v2 could name),
 * image configurations with docker steps, dependencies, schema files or GPU settings, `deploy_from_image`
 * (a v1 image), local services (`LocalWebservice` has a port; v2 local endpoints pick theirs), AKS
 * services with autoscale settings, token auth, data collection or no `deployment_target` (aksSettings: an AKS
 * service otherwise becomes a managed online endpoint as an ACI one does, its cluster dropped), no-code deployments (no inference config: v2
 * no-code deployment is for MLflow models only, https://learn.microsoft.com/azure/machine-learning/how-to-deploy-mlflow-models,
 * and a v1 framework model is a file v1 served with a scoring script of its own), several
 * models per deployment (one per v2 deployment), services updated otherwise (image, models, auth:
 * a new deployment in v2) or used otherwise as v1 objects, an environment that is the result of
 * another v1 call the model cannot type or of a helper function (`env = get_env()`: not known to be v2). Local services: v2 local endpoints take only local model
 * files and conda files (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints,
 * local endpoint limitations), not the registered model v1 LocalWebservice deployed. An inference config
 * shared by such a kept deployment and an ACI one stays v1, with its environment; the ACI deployment gets
 * its v2 code configuration and environment (`environmentCopy`) written in, when their arguments mean the same there.
 * `InferenceConfig(..., environment=run.get_environment())`: that finding offers the deployment's fix
 * too (the call moves into the deployment).
 * Listing loops that only print (`for s in Webservice.list(ws):` reading name, scoring URI, tags,
 * description, swagger URI, state; `for name in ws.webservices:`) → the workspace's online endpoints,
 * the loop header marked for review (v1 listed ACI/AKS services; v2 lists endpoints); not with v1's
 * filters (`compute_type="ACI"`: v2 lists endpoints, which have no compute type of a v1 service).
 * Likewise `for name in Environment.list(workspace=ws):` (or a name bound once to the list, iterated)
 * only printing the name → `(e.name for e in ml_client.environments.list())`, the header marked for
 * review (the names may differ: v1 also listed the curated AzureML-* environments, which ENV2 names in
 * the `azureml` registry; environmentList); not the dict read otherwise, nor the name used otherwise
 * (the curated listing).
 * A v1 web service looked up by name, `svc = Webservice(ws, name)` or `svc = ws.webservices[name]`
 * (not under a try: v1 raises KeyError there), is the online endpoint of that name, with all its
 * uses in one suggestion as above (`get_logs` reads the deployment the endpoint's
 * `traffic` sends most requests to; `wait_for_deployment` has no counterpart); not when the name is
 * bound again in a branch around it (`try: svc = Webservice(...) except ...: svc = Model.deploy(...)`).
 * Under `except WebserviceException:` (v1's error for a missing service) the handler catches
 * HttpResponseError, and the exception's finding offers the fix (also with the service shown and
 * deleted in the same try body: every v1 call there is rewritten). A service of unknown origin gets
 * single-call rewrites on the endpoint of `svc.name` (DEP: "service.delete() →
 * ml_client.online_endpoints.begin_delete(name)"; `get_keys`, `scoring_uri`, `swagger_uri`).
 * No lookup is rewritten while the module keeps a v1 deploy (no-code, local, ...) of a service that
 * may have the same name (v1DeployKept): "delete the existing service, then deploy" would delete an
 * endpoint and leave the v1 service the kept deploy then collides with.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf, type Reference } from '../../engine/semantic/model';
import type { Range } from '../../engine/types';
import { bindArgs, callArgs, definingCall, FixBuilder, stringValue } from '../fixes';
import { nodeRange, type RuleContext } from '../rule';
import { assignedName, enclosingTry, endsLine, ownLineIndent, kwargs, memberOf, narrowlyTried, noArgs, onlyValue, printedOnly, qnameOf, receiver, same, SHARED_FIX_LIMIT, usesOf, variableFree, type Builder, type Rewrites } from './common';
import { aloneOnLines, environmentCopy, environmentEdits, sharedEnvironment, stableAt, wholeLines } from './environment';
import { clientOf } from './workspace';

const REVIEW = '  # amlint: review';
/** Attributes a v2 `Model` has with the same meaning as on a v1 `Model` (v1 `id` is "name:version", v2 an ARM id). */
const MODEL_ATTRIBUTES = ['name', 'version', 'tags', 'description', 'properties'];
/** v1 model attributes v2 models have under another path (v2 `creation_context` is the asset's SystemData). */
const MODEL_RENAMED: Record<string, string> = { created_time: 'creation_context.created_at' };
/** Attributes a v2 `OnlineEndpoint` has with the same meaning as on a v1 `Webservice`. */
const ENDPOINT_ATTRIBUTES = ['name', 'scoring_uri', 'tags', 'description'];
/**
 * v1 service attributes a v2 `OnlineEndpoint` has under another name: the endpoint's `openapi_uri` is
 * the resource's swaggerUri, as v1 `swagger_uri` was (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.onlineendpoint).
 */
const ENDPOINT_RENAMED: Record<string, string> = { swagger_uri: 'openapi_uri' };
const SERVICE_CLASSES = ['azureml.core.webservice.Webservice', 'azureml.core.webservice.AciWebservice', 'azureml.core.webservice.AksWebservice'];
const MODEL = 'azureml.core.Model';
const WEBSERVICES = 'azureml.core.Workspace.webservices';
const MODEL_DEPLOY = 'azureml.core.Model.deploy';
const SERVICE_LIST = 'azureml.core.webservice.Webservice.list';
const INFERENCE_CONFIG = 'azureml.core.model.InferenceConfig';
/**
 * The older `Webservice.deploy_from_model(ws, name, models, image_config, deployment_config)` and its image
 * configuration. MOE's upgrade scripts do not export such services; its other way, deploying directly to a
 * managed endpoint "with your previous models and environments"
 * (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-managed-online-endpoints), is this rewrite.
 */
const DEPLOY_FROM_MODEL = 'azureml.core.webservice.Webservice.deploy_from_model';
const IMAGE_CONFIG = 'azureml.core.image.ContainerImage.image_configuration';
const ACI_CONFIG = 'azureml.core.webservice.AciWebservice.deploy_configuration';
const AKS_CONFIG = 'azureml.core.webservice.AksWebservice.deploy_configuration';
const RUN_ENVIRONMENT = 'azureml.core.Run.get_environment';
const DEPLOY_SIGNATURE = ['workspace', 'name', 'models', 'inference_config', 'deployment_config', 'deployment_target', 'overwrite', 'show_output'];
/** azureml-core `Webservice.deploy_from_model(workspace, name, models, image_config, deployment_config=None, deployment_target=None, overwrite=False)`. */
const FROM_MODEL_SIGNATURE = ['workspace', 'name', 'models', 'image_config', 'deployment_config', 'deployment_target', 'overwrite'];
/**
 * azureml-core `ContainerImage.image_configuration(execution_script, runtime, conda_file=None, docker_file=None,
 * schema_file=None, dependencies=None, enable_gpu=None, tags=None, properties=None, description=None, base_image=None,
 * base_image_registry=None, cuda_version=None)`: only the script, runtime and conda file are taken (the others
 * describe the image, which v2 does not build from them).
 */
const IMAGE_SIGNATURE = ['execution_script', 'runtime', 'conda_file', 'docker_file', 'schema_file', 'dependencies', 'enable_gpu', 'tags', 'properties', 'description', 'base_image', 'base_image_registry', 'cuda_version'];
/**
 * v1 deploys to ACI when there is no deployment target, to the AKS cluster given as `deployment_target` with an AKS
 * configuration (checked in deployEdits); `overwrite` is what v2 create_or_update always does.
 */
const DEPLOY_ACCEPTED = ['workspace', 'name', 'models', 'inference_config', 'deployment_config', 'deployment_target', 'overwrite', 'show_output'];
/** ENV2's example base image (the one environment.ts uses for a v1 environment without one). */
const DEFAULT_IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
const REGISTER_SIGNATURE = ['workspace', 'model_path', 'model_name', 'tags', 'properties', 'description', 'datasets', 'model_framework', 'model_framework_version', 'child_paths', 'sample_input_dataset', 'sample_output_dataset', 'resource_configuration'];
const IC_SIGNATURE = ['entry_script', 'runtime', 'conda_file', 'extra_docker_file_steps', 'source_directory', 'enable_gpu', 'description', 'base_image', 'base_image_registry', 'cuda_version', 'environment'];
const ACI_SIGNATURE = ['cpu_cores', 'memory_gb', 'tags', 'properties', 'description', 'location', 'auth_enabled', 'ssl_enabled', 'enable_app_insights'];
/** azureml-core `AksWebservice.deploy_configuration(...)`, every parameter keyword-only in practice (the first ones, positionally). */
const AKS_SIGNATURE = ['autoscale_enabled', 'autoscale_min_replicas', 'autoscale_max_replicas', 'autoscale_refresh_seconds', 'autoscale_target_utilization', 'collect_model_data', 'auth_enabled', 'cpu_cores', 'memory_gb', 'enable_app_insights', 'scoring_timeout_ms', 'replica_max_concurrent_requests', 'max_request_wait_time', 'num_replicas', 'primary_key', 'secondary_key', 'tags', 'properties', 'description', 'gpu_cores', 'period_seconds', 'initial_delay_seconds', 'timeout_seconds', 'success_threshold', 'failure_threshold', 'namespace', 'token_auth_enabled', 'compute_target_name', 'cpu_cores_limit', 'memory_gb_limit', 'blobfuse_enabled'];
/** DEP's deployment name (`ManagedOnlineDeployment(name="blue", ...)`, `endpoint.traffic = {"blue": 100}`). */
const DEPLOYMENT = '"blue"';

/**
 * The SKU for an ACI container's CPU and memory request: the table of
 * https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-managed-online-endpoints#resource-requirements
 * ("(a, b]": greater than a, at most b). The first row whose memory range holds the request and whose
 * CPU bound is at least the request (1 core with 2 GB, which no row lists, gets DS2 v2's 2 cores);
 * undefined past 4 cores or 16 GB.
 */
const ACI_SKUS: Array<[number, number, number, number, string]> = [
  [0, 1, 0, 1.2, 'Standard_DS1_v2'],
  [1, 2, 1.2, 1.7, 'Standard_F2s_v2'],
  [1, 2, 1.7, 4.7, 'Standard_DS2_v2'],
  [1, 2, 4.7, 13.7, 'Standard_E2s_v3'],
  [2, 4, 0, 5.7, 'Standard_F4s_v2'],
  [2, 4, 5.7, 11.7, 'Standard_DS3_v2'],
  [2, 4, 11.7, 16, 'Standard_E4s_v3'],
];
/** v1 ACI defaults when cpu_cores / memory_gb are not given (azureml-core AciServiceDeploymentConfiguration: 0.1 cores, 0.5 GB). */
const ACI_DEFAULT_CPU = 0.1;
const ACI_DEFAULT_MEMORY = 0.5;
/** v1 AKS defaults (azureml-core AksWebservice.deploy_configuration: cpu_cores 0.1, memory_gb 0.5, scoring_timeout_ms 60000). */
const AKS_DEFAULT_CPU = 0.1;
const AKS_DEFAULT_MEMORY = 0.5;
const AKS_DEFAULT_TIMEOUT_MS = 60000;

/** One edit of a multi-part fix: a node or a module range, and its new text. */
type Edit = [SyntaxNode | Range, string];

const isNode = (t: SyntaxNode | Range): t is SyntaxNode => 'type' in t;

/** Like `combined` (common.ts), with ranges allowed among the other edits. */
function combine(fb: FixBuilder, own: SyntaxNode, edits: Edit[] | undefined): string | undefined {
  const mine = edits?.find(([n]) => isNode(n) && same(n, own));
  if (!edits || !mine) return undefined;
  const first = edits[0]![0];
  if (edits.length > SHARED_FIX_LIMIT && !(isNode(first) && same(first, own))) return undefined;
  const done = new Set<string>();
  const key = (t: SyntaxNode | Range): string => (isNode(t) ? `${t.startIndex}:${t.endIndex}:${t.type}` : `${t.start.line}:${t.start.character}-${t.end.line}:${t.end.character}`);
  done.add(key(own));
  for (const [n, t] of edits) {
    if (done.has(key(n))) continue;
    done.add(key(n));
    fb.replace(n, t);
  }
  return mine[1];
}


// ---------------------------------------------------------------------------------------------
// Statements: where a multi-line rewrite goes and how it is indented

/** The statement `call` is the whole expression of (`x = call` / `call`), if any. */
function statementOf(call: SyntaxNode): SyntaxNode | undefined {
  let n = call;
  if (n.parent?.type === 'assignment' && same(n.parent.childForFieldName('right'), n)) n = n.parent;
  return n.parent?.type === 'expression_statement' && n.parent.namedChildren.length === 1 ? n.parent : undefined;
}


/** Removing a statement: its text goes, or `pass` when it is the only statement of a block. */
function removal(ctx: RuleContext, stmt: SyntaxNode): Edit {
  const block = stmt.parent;
  const alone = block?.type === 'block' && block.namedChildren.filter((c) => c.type !== 'comment').length === 1;
  // An indented statement alone on its lines goes with them (no whitespace-only line left behind).
  if (!alone && stmt.startPosition.column > 0 && aloneOnLines(ctx, stmt)) return [wholeLines(ctx, stmt), ''];
  return [stmt, alone ? 'pass' : ''];
}

/** A non-negative number literal (integer or float), as a number. */
function numberOf(node: SyntaxNode | undefined): number | undefined {
  if (!node) return undefined;
  if ((node.type === 'integer' || node.type === 'float') && /^\d+(\.\d*)?$|^\.\d+$/.test(node.text)) return Number(node.text);
  return undefined;
}

/**
 * numberOf of a number literal or of a name bound once in its scope to one (`cores = 1` ...
 * `deploy_configuration(cpu_cores=cores)`), as knownString (common.ts) reads strings: the value is the
 * same wherever the name is read.
 */
function knownNumber(ctx: RuleContext, node: SyntaxNode | undefined): number | undefined {
  return numberOf(node?.type === 'identifier' ? onlyValue(ctx, node) : node);
}

// ---------------------------------------------------------------------------------------------
// Models

/** The call that made a v1 model a variable holds: `Model(ws, name)` or `Model.register(...)`. */
function modelProducer(ctx: RuleContext, node: SyntaxNode | undefined): SyntaxNode | undefined {
  const made = node?.type === 'identifier' ? definingCall(ctx, node) : undefined;
  const q = made && qnameOf(ctx, made);
  return q === MODEL || q === `${MODEL}.register` ? made : undefined;
}

/**
 * `model = run.register_model(...)` (a v1 run's, HyperDrive's best run's, AutoML's): the v1 `Model` it returns
 * (azureml-core `Run.register_model`), which the semantic model does not type.
 */
function registeredByRun(ctx: RuleContext, node: SyntaxNode): boolean {
  const made = node.type === 'identifier' ? definingCall(ctx, node) : undefined;
  const v1 = (q: string | undefined, method: string): boolean => !!q && q.endsWith(method) && sdkOf({ kind: 'ref', qname: q }) === 'v1';
  if (v1(qnameOf(ctx, made), '.register_model')) return true;
  // `best_run = hd_run.get_best_run_by_primary_metric()` on a run submitted as a plain `Run` is not typed:
  // that method returns the best child `Run` (azureml-train-core HyperDriveRun).
  const fn = made?.childForFieldName('function');
  const run = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'register_model' ? fn.childForFieldName('object') : undefined;
  return run?.type === 'identifier' && v1(qnameOf(ctx, definingCall(ctx, run)), '.get_best_run_by_primary_metric');
}

/** v2 asset versions are strings: an integer literal becomes a string literal, anything else `str(...)`. */
function versionString(node: SyntaxNode): string {
  if (node.type === 'integer' && /^\d+$/.test(node.text)) return `"${node.text}"`;
  return node.type === 'string' ? node.text : `str(${node.text})`;
}

/** The v2 expression replacing a `Model(...)` / `Model.register(...)` call, if its arguments translate. */
function modelCallText(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): string | undefined {
  return modelCall(fb, ctx, call)?.();
}

/**
 * `modelCallText` in two steps: the arguments checked and the client made now, the other imports
 * (azure.ai.ml.entities/constants) added and the text built when the returned function is called
 * (not at all when the rewrite is refused in between: no import of it is left behind).
 */
function modelCall(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): (() => string) | undefined {
  const q = qnameOf(ctx, call);
  if (q === MODEL) {
    // Model(ws, name[, version]) → models.get (MODEL; SDK: models.get needs a version or a label; v1 without a version means the latest).
    const args = bindArgs(call, ['workspace', 'name'], ['workspace', 'name', 'version']);
    const name = args?.get('name');
    if (!name) return undefined;
    const version = args!.get('version');
    const ml = clientFor(fb, ctx, args!.get('workspace'));
    return ml ? () => `${ml}.models.get(name=${name.text}, ${version ? `version=${versionString(version)}` : 'label="latest"'})` : undefined;
  }
  if (q === `${MODEL}.register`) {
    // MODEL: Model.register(ws, model_path, model_name) → models.create_or_update(Model(path, name, type=custom_model)).
    // Datasets, sample inputs and resource configurations have no v2 Model field. The framework only
    // served v1 no-code deployment and profiling (a model passed to those stays v1: see modelEdits);
    // v2 has no framework field (no-code deployment takes MLflow models), so it is dropped, marked for review.
    const accepted = ['workspace', 'model_path', 'model_name', 'tags', 'properties', 'description', 'model_framework', 'model_framework_version'];
    const args = bindArgs(call, REGISTER_SIGNATURE, accepted);
    if (!args?.get('model_name') || !args.get('model_path')) return undefined;
    if (args.has('model_framework_version') && !args.has('model_framework')) return undefined;
    const ml = clientFor(fb, ctx, args.get('workspace'));
    if (!ml) return undefined;
    return () => {
      const entities = fb.needModule('azure.ai.ml.entities');
      const constants = fb.needModule('azure.ai.ml.constants');
      return `${ml}.models.create_or_update(${entities}.Model(${kwargs([
        ['name', args.get('model_name')],
        ['path', args.get('model_path')],
        ['description', args.get('description')],
        ['tags', args.get('tags')],
        ['properties', args.get('properties')],
        ['type', `${constants}.AssetTypes.CUSTOM_MODEL`],
      ])}))`;
    };
  }
  return undefined;
}

/**
 * A model producer and the reads of its variable: the call rewritten, shared attributes kept (their
 * findings offer this fix), renamed ones rewritten. `extraUse` accepts other uses (the deployment
 * the model goes into). Undefined when the variable is used in a way v2 models do not support.
 */
function modelEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, extraUse?: (use: SyntaxNode) => boolean): Edit[] | undefined {
  // The call's text is built last: its imports must not outlive a rewrite the uses refuse (modelCall).
  const made = modelCall(fb, ctx, call);
  if (!made) return undefined;
  const edits: Edit[] = [];
  const own = (): Edit[] | undefined => {
    const mine: Edit[] = [[call, made()]];
    if (qnameOf(ctx, call) === `${MODEL}.register` && bindArgs(call, REGISTER_SIGNATURE, REGISTER_SIGNATURE)?.has('model_framework')) {
      // The dropped framework: a review mark at the end of the statement.
      const stmt = statementOf(call);
      if (!stmt || ownLineIndent(ctx, stmt) === undefined) return undefined;
      const end = nodeRange(stmt).end;
      mine.push([{ start: end, end }, REVIEW]);
    }
    return [...mine, ...edits];
  };
  if (statementOf(call) && call.parent?.type === 'expression_statement') return own();
  // Made inside another expression (`models.append(Model(ws, name))`): its uses are not known.
  const target = assignedName(call);
  if (!target) return undefined;
  for (const use of usesOf(ctx, target)) {
    const m = memberOf(use);
    if (!m) {
      // Passed on as a whole (`print(model)`, `return model`): fine unless a v1 API receives it.
      if (!extraUse?.(use) && passedToV1Call(ctx, use)) return undefined;
      continue;
    }
    if (m.name === 'download' && m.call) {
      const e = downloadEdit(fb, ctx, call, use.text, m.call);
      if (!e) return undefined;
      edits.push(e);
    } else if (m.name === 'id' && !m.call && !inString(m.attr)) {
      if (['assignment', 'augmented_assignment'].includes(m.attr.parent?.type ?? '') && same(m.attr.parent!.childForFieldName('left'), m.attr)) return undefined;
      // v1 `id` is "name:version" (azureml-core Model: `self.id = "{}:{}".format(name, version)`); v2 `id` is an ARM id.
      const id = `${use.text}.name + ":" + ${use.text}.version`;
      const bare = ['argument_list', 'keyword_argument', 'assignment', 'expression_statement', 'list', 'tuple', 'parenthesized_expression'].includes(m.attr.parent?.type ?? '');
      edits.push([m.attr, bare ? id : `(${id})`]);
    } else if (MODEL_ATTRIBUTES.includes(m.name)) edits.push([m.attr, m.attr.text]);
    else if (MODEL_RENAMED[m.name] && !m.call) edits.push([m.attr, `${use.text}.${MODEL_RENAMED[m.name]}`]);
    else return undefined;
  }
  return own();
}

/** Inside a string (an f-string's interpolation): a replacement with quotes could end it. */
function inString(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'string' || n.type === 'interpolation') return true;
  return false;
}

/**
 * `model.download(target_dir, exist_ok=True)` as a statement → `ml_client.models.download(name, version,
 * download_path)` (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.modeloperations#azure-ai-ml-operations-modeloperations-download;
 * azure-ai-ml `_model_operations.py` writes under `<download_path>/<name>/`, v1 into `target_dir`
 * itself), marked for review. Only when nothing after it in the module reads files (`open` for
 * reading, `load`, `listdir`, ...): the layout then changes nothing the code does. v1 `exist_ok=False`
 * (its default) raises on an existing file, which v2 overwrites: only `exist_ok=True`.
 */
function downloadEdit(fb: FixBuilder, ctx: RuleContext, producer: SyntaxNode, model: string, call: SyntaxNode): Edit | undefined {
  const args = bindArgs(call, ['target_dir', 'exist_ok', 'exists_ok'], ['target_dir', 'exist_ok']);
  const stmt = statementOf(call);
  if (!args || args.get('exist_ok')?.type !== 'true' || !stmt || call.parent?.type !== 'expression_statement' || ownLineIndent(ctx, stmt) === undefined) return undefined;
  // Reads of files after the download (writes `open(path, "w")` aside).
  const after = ctx.module.text.slice(stmt.endIndex).replace(/\bopen\s*\([^()]*,\s*(mode\s*=\s*)?["'][wax]b?\+?["']\s*\)/g, '');
  if (/\b(open|load|loads|read_\w+|listdir|scandir|walk|i?glob|exists|isfile|isdir|copy\w*|move|rename|Path|get_model_path|download)\s*\(/.test(after)) return undefined;
  // The client of the workspace the model came from.
  const signature = qnameOf(ctx, producer) === MODEL ? ['workspace', 'name', 'version'] : REGISTER_SIGNATURE;
  const ml = clientFor(fb, ctx, bindArgs(producer, signature, signature)?.get('workspace'));
  if (!ml) return undefined;
  const dir = args.get('target_dir');
  return [stmt, `${ml}.models.download(name=${model}.name, version=${model}.version${dir ? `, download_path=${dir.text}` : ''})${REVIEW}`];
}

/** The use is (inside a list) an argument of a call into v1. */
function passedToV1Call(ctx: RuleContext, use: SyntaxNode): boolean {
  let n: SyntaxNode | null = use.parent;
  while (n && (n.type === 'list' || n.type === 'keyword_argument' || n.type === 'argument_list' || n.type === 'tuple')) n = n.parent;
  if (n?.type !== 'call') return false;
  const fn = n.childForFieldName('function');
  return sdkOf(fn ? ctx.model.evaluate(fn) : undefined) === 'v1';
}

/** A model's finding: its own fix, or that of the deployment it goes into (`Model.deploy(ws, name, [model], ...)`). */
const modelBuilder: Builder = (fb, ref, ctx) => {
  const inline = ref.call!.parent?.type === 'list' ? deploySlotOf(ctx, ref.call!.parent, 'models') : undefined;
  if (inline) return fb.sameFixAs(inline);
  const target = assignedName(ref.call!);
  for (const use of target ? usesOf(ctx, target) : []) {
    const deploy = use.parent?.type === 'list' ? deploySlotOf(ctx, use.parent, 'models') : undefined;
    if (deploy) return fb.sameFixAs(deploy);
  }
  return combine(fb, ref.call!, modelEdits(fb, ctx, ref.call!));
};

const modelPiece: Builder = (fb, ref, ctx) => {
  let root = ref.call ? ref.call.childForFieldName('function')! : ref.node;
  while (root.type === 'attribute') root = root.childForFieldName('object')!;
  const made = modelProducer(ctx, root) ?? listLoop(ctx, root) ?? modelsLookup(ctx, root);
  if (made) return fb.sameFixAs(made);
  // A model made by another area's call (`run.register_model(...)`): that call's fix, when it edits this read.
  const other = root.type === 'identifier' ? definingCall(ctx, root) : undefined;
  return other ? fb.sameFixAs(other) : undefined;
};

/** The v1 signature of `Model.list` (azureml-core). */
const LIST_SIGNATURE = ['workspace', 'name', 'tags', 'properties', 'run_id', 'latest', 'dataset_id', 'expand', 'page_count', 'order_by'];

/**
 * A model's `tags` / `properties` dict read for display (the DP-100 labs' listing): iterated by a
 * `for` (`for k in d:`, `for k, v in d.items():`), or one entry read (`d[k]`) printed or assigned.
 */
function dictShown(ctx: RuleContext, dict: SyntaxNode): boolean {
  let x = dict;
  const member = memberOf(dict);
  if (member?.call && ['items', 'keys', 'values'].includes(member.name) && noArgs(member.call)) x = member.call;
  const p = x.parent;
  if (p?.type === 'for_statement' && same(p.childForFieldName('right'), x)) return true;
  if (!same(x, dict) || p?.type !== 'subscript' || !same(p.childForFieldName('value'), dict)) return false;
  const assign = p.parent;
  return printedOnly(ctx, p) || (assign?.type === 'assignment' && same(assign.childForFieldName('right'), p) && assign.childForFieldName('left')?.type === 'identifier');
}

/**
 * `for m in Model.list(ws[, name]):` whose loop only prints the model's `name` / `version` (and shows its
 * `tags` / `properties`, see dictShown): the models, listed
 * in v2. v1 lists every version of every model (`latest=False`); v2 `models.list()` without a name lists
 * one entry per model container (azure-ai-ml `_model_operations.py` `list`: `Model._from_container_rest_object`,
 * `version=None`), with a name that model's versions
 * (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.modeloperations#azure-ai-ml-operations-modeloperations-list):
 * every version is each container's `list(name=...)`. The order (v1: newest first, one page) may
 * differ: the display changes, the program does not, marked for review.
 */
/**
 * `for x in <call>:` (no `else:`), its header ending its line (a review mark goes after the colon),
 * and the uses of `x` (at least one): what the list rewrites below start from.
 */
function shownLoop(ctx: RuleContext, call: SyntaxNode): { body: SyntaxNode; colon: SyntaxNode; uses: readonly SyntaxNode[] } | undefined {
  const loop = call.parent;
  const target = loop?.type === 'for_statement' && same(loop.childForFieldName('right'), call) ? loop.childForFieldName('left') : undefined;
  const body = loop?.childForFieldName('body');
  if (target?.type !== 'identifier' || !body || loop!.childForFieldName('alternative')) return undefined;
  const colon = loop!.children.find((c) => c.type === ':' && c.startIndex >= call.endIndex);
  if (!colon || body.startPosition.row <= colon.startPosition.row || !endsLine(ctx, colon)) return undefined;
  const binding = (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).find((b) => same(b.node, target));
  const uses = binding ? ctx.model.uses.get(binding) ?? [] : [];
  return uses.length ? { body, colon, uses } : undefined;
}

const modelList: Builder = (fb, ref, ctx) => {
  const call = ref.call!;
  const args = bindArgs(call, LIST_SIGNATURE, ['workspace', 'name']);
  // v1 returns a list, v2 an ItemPaged: the same for one `for` over it.
  const iterated = listVariable(ctx, call);
  const shown = shownLoop(ctx, iterated ?? call);
  if (!args?.get('workspace') || !shown) return undefined;
  const { body, colon, uses } = shown;
  for (const use of uses) {
    const m = memberOf(use);
    if (!m || m.call || !MODEL_ATTRIBUTES.includes(m.name) || use.startIndex < body.startIndex || use.endIndex > body.endIndex) return undefined;
    if (!printedOnly(ctx, m.attr) && !(['tags', 'properties'].includes(m.name) && dictShown(ctx, m.attr))) return undefined;
  }
  const ml = clientFor(fb, ctx, args.get('workspace'));
  if (!ml || ml === 'c' || ml === 'v') return undefined;
  const end = nodeRange(colon).end;
  fb.replace({ start: end, end }, REVIEW);
  // The reads stay as written (their findings offer this fix).
  for (const use of uses) fb.replace(use.parent!, use.parent!.text);
  const name = args.get('name');
  return name ? `${ml}.models.list(name=${name.text})` : `(v for c in ${ml}.models.list() for v in ${ml}.models.list(name=c.name))`;
};

/** v1 `Webservice.list`; only the workspace is translated (v2 lists every online endpoint, with no filter). */
const SERVICE_LIST_SIGNATURE = ['workspace', 'compute_type', 'image_name', 'image_id', 'model_name', 'model_id', 'tags', 'properties', 'image_digest'];

/**
 * `for s in Webservice.list(ws):` whose loop only prints the service's name, scoring URI, tags,
 * description, swagger URI or state → the workspace's online endpoints (azure-ai-ml
 * `OnlineEndpointOperations.list()`, an ItemPaged of OnlineEndpoint), `state` → `provisioning_state`
 * as for a deployed service. The loop header carries the review mark: v1 listed the workspace's ACI/AKS
 * services, v2 its online endpoints (what the migrated deployments are). Not `AciWebservice.list`/
 * `AksWebservice.list` (one compute type) nor v1's filters.
 */
const serviceList: Builder = (fb, ref, ctx) => {
  const call = ref.call!;
  const args = bindArgs(call, SERVICE_LIST_SIGNATURE, ['workspace']);
  const shown = shownLoop(ctx, call);
  // (A v1 service the module still deploys would be missing from the endpoints listed: v1DeployKept, as for lookups.)
  if (!args?.get('workspace') || !shown || v1DeployKept(ctx)) return undefined;
  const { body, colon, uses } = shown;
  const edits: Edit[] = [];
  for (const use of uses) {
    const m = memberOf(use);
    if (!m || m.call || use.startIndex < body.startIndex || use.endIndex > body.endIndex || !printedOnly(ctx, m.attr)) return undefined;
    if (ENDPOINT_ATTRIBUTES.includes(m.name)) edits.push([m.attr, m.attr.text]);
    else if (ENDPOINT_RENAMED[m.name]) edits.push([m.attr, `${use.text}.${ENDPOINT_RENAMED[m.name]}`]);
    else if (m.name === 'state') edits.push([m.attr, `${use.text}.provisioning_state`]);
    else return undefined;
  }
  const ml = clientFor(fb, ctx, args.get('workspace'));
  if (!ml) return undefined;
  const end = nodeRange(colon).end;
  fb.replace({ start: end, end }, REVIEW);
  for (const [node, text] of edits) fb.replace(node, text);
  return `${ml}.online_endpoints.list()`;
};

/**
 * `for name in Environment.list(workspace=ws):` (or a name bound once to that list and read only as
 * the loop's iterable) whose loop only prints the name (the DP-100 labs' "view registered
 * environments"): v1 `Environment.list` returns a dict of environment name → latest Environment
 * (azureml-core environment.py: `{environment["name"]: ... for environment in
 * environment_client._list_definitions()}`), so the loop sees names; v2
 * `ml_client.environments.list()` without a name lists the workspace's environment containers as
 * Environment entities carrying the name (azure-ai-ml operations/_environment_operations.py `list`:
 * `Environment._from_container_rest_object`) → `(e.name for e in ml_client.environments.list())`.
 * The loop header carries the review mark: the names shown may differ (v1's list showed the curated
 * `AzureML-*` environments too, which ENV2 names in the `azureml` registry,
 * https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2; v2 lists active
 * containers only, `list_view_type=ACTIVE_ONLY`). Not rewritten: the dict read otherwise (`envs[name]`, `.items()`, `len(envs)`),
 * the name used otherwise than printed (`if name.startswith("AzureML"):`, the curated listing).
 */
const environmentList: Builder = (fb, ref, ctx) => {
  const call = ref.call!;
  const ws = bindArgs(call, ['workspace'], ['workspace'])?.get('workspace');
  const iterated = listVariable(ctx, call);
  const shown = shownLoop(ctx, iterated ?? call);
  if (!ws || !shown) return undefined;
  const { body, colon, uses } = shown;
  if (!uses.every((use) => use.startIndex >= body.startIndex && use.endIndex <= body.endIndex && printedOnly(ctx, use))) return undefined;
  const ml = clientFor(fb, ctx, ws);
  if (!ml) return undefined;
  const end = nodeRange(colon).end;
  fb.replace({ start: end, end }, REVIEW);
  return `(e.name for e in ${ml}.environments.list())`;
};

/** The `Webservice.list(...)` call of the `for` loop that binds `name`, if it does. */
function serviceListLoop(ctx: RuleContext, name: SyntaxNode | undefined): SyntaxNode | undefined {
  const b = name?.type === 'identifier' ? ctx.model.resolveName(name.text, name) : undefined;
  const loop = b?.kind === 'loop' ? b.node.parent : undefined;
  const right = loop?.type === 'for_statement' && same(loop.childForFieldName('left'), b!.node) ? loop.childForFieldName('right') : undefined;
  return right?.type === 'call' && qnameOf(ctx, right) === SERVICE_LIST ? right : undefined;
}

/** The `for` loop over `Model.list(...)` (directly or through listVariable) that binds `name`, if it does. */
function listLoop(ctx: RuleContext, name: SyntaxNode): SyntaxNode | undefined {
  const b = name.type === 'identifier' ? ctx.model.resolveName(name.text, name) : undefined;
  const loop = b?.kind === 'loop' ? b.node.parent : undefined;
  const right = loop?.type === 'for_statement' && same(loop.childForFieldName('left'), b!.node) ? loop.childForFieldName('right') : undefined;
  if (right?.type === 'call' && qnameOf(ctx, right) === `${MODEL}.list`) return right;
  const made = right?.type === 'identifier' ? definingCall(ctx, right) : undefined;
  return made && qnameOf(ctx, made) === `${MODEL}.list` && same(listVariable(ctx, made), right) ? made : undefined;
}

/**
 * `models = Model.list(...)` whose variable is read once, as the iterable of a `for` (MLN's
 * train-within-notebook: `for m in models: print(m.name, m.version)`): that read, which the loop
 * rewrite then starts from as from the call.
 */
function listVariable(ctx: RuleContext, call: SyntaxNode): SyntaxNode | undefined {
  const target = assignedName(call);
  const uses = target ? usesOf(ctx, target) : [];
  const bindings = target ? ctx.model.scopeAt(target).bindings.get(target.text) ?? [] : [];
  const use = uses.length === 1 && bindings.length === 1 ? uses[0] : undefined;
  return use?.parent?.type === 'for_statement' && same(use.parent.childForFieldName('right'), use) ? use : undefined;
}

/** `ws.models[name]` assigned to the name `x` is bound by: the attribute `ws.models` (workspace.ts rewrites the lookup). */
function modelsLookup(ctx: RuleContext, x: SyntaxNode): SyntaxNode | undefined {
  const b = x.type === 'identifier' ? ctx.model.resolveName(x.text, x) : undefined;
  const assign = b?.kind === 'assign' ? b.node.parent : undefined;
  const right = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : undefined;
  const value = right?.type === 'subscript' ? right.childForFieldName('value') : undefined;
  return value?.type === 'attribute' && value.childForFieldName('attribute')?.text === 'models' ? value : undefined;
}

/**
 * `Model.get_model_path(name)` in an online scoring script's `init()`: v1 returns the one file or
 * folder under azureml-models/<name>/<version> (azureml-core `Model._get_model_path_local`, which
 * raises unless there is exactly one); a v2 deployment has one model, whose registered file or folder
 * is the one entry of AZUREML_MODEL_DIR ("/var/azureml-app/azureml-models/<name>/<version> now
 * contains the model sample_m1.pkl",
 * https://learn.microsoft.com/azure/machine-learning/concept-online-deployment-model-specification).
 * Only in a script that looks like one: top-level `init()` and `run(data, ...)` (inference-schema's
 * several inputs, `request_headers`: the same azureml-inference-server-http serves v1 services and v2
 * online endpoints, https://learn.microsoft.com/azure/machine-learning/how-to-inference-server-http),
 * one model, no arguments or run context (a ParallelRunStep script gets its model by download, not
 * from AZUREML_MODEL_DIR).
 */
const getModelPath: Builder = (fb, ref, ctx) => {
  const args = bindArgs(ref.call!, ['model_name', 'version'], ['model_name', 'version']);
  if (!args?.get('model_name')) return undefined;
  let fn: SyntaxNode | null = ref.call!.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const root = ctx.model.tree.rootNode;
  // `run` is often decorated (`@input_schema(...)`, inference-schema's generated swagger).
  const top = (name: string): SyntaxNode | undefined =>
    root.namedChildren.map((c) => (c.type === 'decorated_definition' ? c.childForFieldName('definition') ?? c : c)).find((c) => c.type === 'function_definition' && c.childForFieldName('name')?.text === name);
  const run = top('run');
  const params = run?.childForFieldName('parameters')?.namedChildren ?? [];
  if (!fn || !same(fn, top('init')) || !params.length || params.some((p) => p.type !== 'identifier')) return undefined;
  const calls = ctx.model.references.filter((r) => r.qname === `${MODEL}.get_model_path`);
  if (calls.length !== 1 || /\b(argparse|sys\.argv|get_context|mini_batch)\b/.test(ctx.module.text)) return undefined;
  const os = fb.needModule('os');
  return `${os}.path.join(${os}.environ["AZUREML_MODEL_DIR"], ${os}.listdir(${os}.environ["AZUREML_MODEL_DIR"])[0])`;
};

// ---------------------------------------------------------------------------------------------
// Web services: looked up by name (Webservice(ws, name))

/**
 * The workspace and name of a lookup of a service by name: `Webservice(ws, name)` (or
 * `AciWebservice`/`AksWebservice`), or `ws.webservices[name]` (v1's dict of the workspace's services).
 */
function lookupParts(ctx: RuleContext, node: SyntaxNode | undefined): { ws: SyntaxNode; name: SyntaxNode } | undefined {
  if (node?.type === 'subscript') {
    const [value, index, ...rest] = node.namedChildren;
    const v = value?.type === 'attribute' ? ctx.model.evaluate(value) : undefined;
    if (!index || rest.length || v?.kind !== 'ref' || v.qname !== WEBSERVICES) return undefined;
    return { ws: value!.childForFieldName('object')!, name: index };
  }
  const q = qnameOf(ctx, node);
  if (!q || !SERVICE_CLASSES.includes(q)) return undefined;
  const args = bindArgs(node!, ['workspace', 'name'], ['workspace', 'name']);
  const ws = args?.get('workspace');
  const name = args?.get('name');
  return ws && name ? { ws, name } : undefined;
}

/** MLflow 1.x's deploy (catalogue MLFLOW_AZUREML): a v1 web service too, named by `service_name` (its fourth parameter). */
const MLFLOW_DEPLOY = 'mlflow.azureml.deploy';
/** v1 calls that deploy a web service (ACI/AKS/local), none of them an online endpoint. */
const V1_DEPLOYS = [MODEL_DEPLOY, 'azureml.core.webservice.Webservice.deploy', 'azureml.core.webservice.Webservice.deploy_from_model', 'azureml.core.webservice.Webservice.deploy_from_image', MLFLOW_DEPLOY];

/**
 * The module still deploys a v1 web service (a deploy call kept v1: no-code, to AKS, ...) that may
 * be the service named `name`: a service it looks up by that name (to delete the existing one before
 * deploying, to read its URI) is then that v1 service, not an online endpoint, so the lookup waits
 * until the deploy is rewritten. Only a deploy whose name and `name` are both known strings that
 * differ (`service_name = "a"` before each, as in the MachineLearningNotebooks deploy notebook) is
 * another service; without `name` (a service of unknown name), any kept deploy blocks.
 */
function v1DeployKept(ctx: RuleContext, name?: SyntaxNode): boolean {
  const mine = name && nameValue(ctx, name);
  return ctx.model.references.some((r) => {
    if (r.sdk !== 'v1' || !V1_DEPLOYS.includes(r.qname)) return false;
    const a = r.call ? callArgs(r.call) : undefined;
    const theirs = a && nameValue(ctx, r.qname === MLFLOW_DEPLOY ? a.keywords.get('service_name') ?? a.positional[3] : a.keywords.get('name') ?? a.positional[1]);
    return mine === undefined || theirs === undefined || mine === theirs;
  });
}

/** A string literal's value, or that of the straight-line assignment of a string the name has where it is read. */
function nameValue(ctx: RuleContext, node: SyntaxNode | undefined): string | undefined {
  if (node?.type === 'string') return stringValue(node);
  if (node?.type !== 'identifier') return undefined;
  const b = ctx.model.resolveName(node.text, node);
  const assign = b?.node.parent;
  const stmt = assign?.parent;
  const block = stmt?.parent;
  const straight = stmt?.type === 'expression_statement' && (block?.type === 'module' || (block?.type === 'block' && block.parent?.type === 'function_definition'));
  if (b?.kind !== 'assign' || assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), b.node) || !straight) return undefined;
  return stringValue(assign.childForFieldName('right') ?? undefined);
}

/** The name of a lookup (lookupParts), if `node` is one. */
function serviceLookupName(ctx: RuleContext, node: SyntaxNode): SyntaxNode | undefined {
  return lookupParts(ctx, node)?.name;
}

/** The call or `ws.webservices[name]` lookup a variable was assigned from (`svc = <it>`). */
function definingLookup(ctx: RuleContext, name: SyntaxNode | undefined): SyntaxNode | undefined {
  if (name?.type !== 'identifier') return undefined;
  const made = definingCall(ctx, name);
  if (made) return made;
  const b = ctx.model.resolveName(name.text, name);
  const assign = b?.node.parent;
  const right = b?.kind === 'assign' && assign?.type === 'assignment' && same(assign.childForFieldName('left'), b.node) ? assign.childForFieldName('right') : undefined;
  return right?.type === 'subscript' && lookupParts(ctx, right) ? right : undefined;
}

/**
 * The v2 endpoint name of the service a method is called on: the name argument (as written) of a
 * `Webservice(ws, name)` receiver, else `<receiver>.name`. Undefined for local services
 * (`LocalWebservice`, or `Model.deploy(..., LocalWebservice.deploy_configuration())`): those are
 * local endpoints in v2 (`local=True`), which the user sets up by hand.
 */
function endpointName(ctx: RuleContext, ref: Reference): string | undefined {
  const svc = receiver(ref);
  if (!svc) return undefined;
  if (svc.type === 'call') return serviceLookupName(ctx, svc)?.text;
  if (svc.type !== 'identifier') return undefined;
  const made = definingCall(ctx, svc);
  if (made) {
    const q = qnameOf(ctx, made);
    if (q?.includes('LocalWebservice')) return undefined;
    if (isDeploy(ctx, made)) {
      for (const a of callArgs(made).positional.concat([...callArgs(made).keywords.values()])) {
        const v = ctx.model.evaluate(a);
        if (v?.kind === 'instance' && v.type.includes('LocalWebservice')) return undefined;
      }
    }
  } else {
    const v = ctx.model.evaluate(svc);
    if (v?.kind === 'instance' && v.type.includes('LocalWebservice')) return undefined;
  }
  return `${svc.text}.name`;
}

/**
 * The v2 client of the workspace a v1 call was given (`Model(ws, ...)`, `Model.deploy(ws, ...)`,
 * `Webservice(ws, ...)`), through workspace.ts `clientOf` (whose edits join the fix); undefined when
 * it may be another workspace than the config file's (`Workspace(...)`, `Workspace.get(...)`).
 */
function clientFor(fb: FixBuilder, ctx: RuleContext, ws: SyntaxNode | undefined): string | undefined {
  const c = clientOf(fb, ctx, ws);
  if (!c) return undefined;
  for (const [n, t] of c.edits) fb.replace(n, t);
  return c.ml;
}

/** The client for a service: that of the workspace its lookup or deploy call was given; the config file's when the service comes from elsewhere. */
function serviceClient(fb: FixBuilder, ctx: RuleContext, ref: Reference): string | undefined {
  const svc = receiver(ref);
  const made = svc?.type === 'call' ? svc : definingLookup(ctx, svc);
  if (!made) return fb.mlClient();
  const q = qnameOf(ctx, made);
  const ws = isDeploy(ctx, made) ? deployArgs(ctx, made)?.get('workspace') : lookupParts(ctx, made)?.ws;
  return ws ? clientFor(fb, ctx, ws) : fb.mlClient();
}

/**
 * `svc.get_keys()`: v1 returns (primary, secondary); v2 get_keys returns EndpointAuthKeys with those
 * two attributes (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.onlineendpointoperations).
 * `svc.get_keys()[0]` reads one key: the subscript goes with the rewrite.
 */
function keysEdit(fb: FixBuilder, ml: string, call: SyntaxNode, name: string): Edit {
  const keys = `${ml}.online_endpoints.get_keys(name=${name})`;
  const parent = call.parent;
  const index = parent?.type === 'subscript' && same(parent.childForFieldName('value'), call) ? parent.childForFieldName('subscript')?.text : undefined;
  if (parent && (index === '0' || index === '1')) return [parent, `${keys}.${index === '0' ? 'primary_key' : 'secondary_key'}`];
  return [call, `${fb.needModule('operator')}.attrgetter("primary_key", "secondary_key")(${keys})`];
}

// ---------------------------------------------------------------------------------------------
// The deployment lifecycle: InferenceConfig + deploy_configuration + Model.deploy + the service's uses

/** `Model.deploy` or the older `Webservice.deploy_from_model`, which deploys the same way (a service from registered models and a configuration of its image). */
function isDeploy(ctx: RuleContext, call: SyntaxNode | null | undefined): boolean {
  const q = call ? qnameOf(ctx, call) : undefined;
  return q === MODEL_DEPLOY || q === DEPLOY_FROM_MODEL;
}

/** A deploy call's arguments by Model.deploy's names (deploy_from_model's image_config is the inference_config slot). */
function deployArgs(ctx: RuleContext, call: SyntaxNode): Map<string, SyntaxNode> | undefined {
  if (qnameOf(ctx, call) !== DEPLOY_FROM_MODEL) return bindArgs(call, DEPLOY_SIGNATURE, DEPLOY_ACCEPTED);
  const a = bindArgs(call, FROM_MODEL_SIGNATURE, FROM_MODEL_SIGNATURE.filter((n) => n !== 'deployment_target'));
  const image = a?.get('image_config');
  if (!a || !image) return undefined;
  a.delete('image_config');
  a.set('inference_config', image);
  return a;
}

/** The producer of an inference config argument: an `InferenceConfig(...)` or (deploy_from_model) a `ContainerImage.image_configuration(...)`. */
function icProducer(ctx: RuleContext, arg: SyntaxNode | undefined): SyntaxNode | undefined {
  return producerOf(ctx, arg, INFERENCE_CONFIG) ?? producerOf(ctx, arg, IMAGE_CONFIG);
}

/** An inference config's arguments by InferenceConfig's names (an image configuration's execution_script is the entry_script). */
function icArgsOf(ctx: RuleContext, ic: SyntaxNode): Map<string, SyntaxNode> | undefined {
  if (qnameOf(ctx, ic) === INFERENCE_CONFIG) return bindArgs(ic, IC_SIGNATURE, ['entry_script', 'source_directory', 'environment', 'runtime', 'conda_file']);
  const a = bindArgs(ic, IMAGE_SIGNATURE, ['execution_script', 'runtime', 'conda_file']);
  const script = a?.get('execution_script');
  // v1 requires the runtime of an image ("python" or "spark-py"): only the python one is translated.
  if (!a || !script || !a.get('runtime')) return undefined;
  a.delete('execution_script');
  a.set('entry_script', script);
  return a;
}

/** The `Model.deploy` call `use` is the `slot` argument of, if it is one. */
function deploySlotOf(ctx: RuleContext, use: SyntaxNode, slot: string): SyntaxNode | undefined {
  const list = use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  if (!call || !isDeploy(ctx, call)) return undefined;
  return same(deployArgs(ctx, call)?.get(slot), use) ? call : undefined;
}

/**
 * The producer of a deploy argument: a call written there, or the call a variable was assigned
 * from (statement `x = <call>`), with `qname`. Undefined otherwise.
 */
function producerOf(ctx: RuleContext, arg: SyntaxNode | undefined, qname: string): SyntaxNode | undefined {
  const made = arg?.type === 'call' ? arg : arg?.type === 'identifier' ? definingCall(ctx, arg) : undefined;
  if (!made || qnameOf(ctx, made) !== qname) return undefined;
  return made.id === arg!.id || assignedName(made) ? made : undefined;
}

/** The producer of a deployment configuration this module rewrites: ACI's, or AKS's (to a managed online endpoint as well). */
function serviceConfigOf(ctx: RuleContext, arg: SyntaxNode | undefined): SyntaxNode | undefined {
  return producerOf(ctx, arg, ACI_CONFIG) ?? producerOf(ctx, arg, AKS_CONFIG);
}

/**
 * The `Model.deploy` calls rewritten together with `start`: those sharing an inference config or a
 * deployment configuration variable with it (each variable becomes v2, so all its uses must). An
 * inference config also given to a deployment that stays v1 (a local or AKS one: not an ACI
 * configuration) stays v1 too (`kept`): the group's deployments then take a v2 copy of it.
 */
function deployGroup(ctx: RuleContext, start: SyntaxNode): { group: SyntaxNode[]; kept: Set<number> } | undefined {
  const group = [start];
  const kept = new Set<number>();
  for (let i = 0; i < group.length; i++) {
    const args = deployArgs(ctx, group[i]);
    if (!args) return undefined;
    for (const slot of ['inference_config', 'deployment_config']) {
      const arg = args.get(slot);
      if (arg?.type !== 'identifier') continue;
      const made = slot === 'inference_config' ? icProducer(ctx, arg) : serviceConfigOf(ctx, arg);
      const target = made && assignedName(made);
      if (!target) return undefined;
      for (const use of usesOf(ctx, target)) {
        const call = deploySlotOf(ctx, use, slot);
        if (!call) return undefined;
        if (slot === 'inference_config' && !serviceConfigOf(ctx, deployArgs(ctx, call)?.get('deployment_config'))) kept.add(made!.id);
        else if (!group.some((g) => same(g, call))) group.push(call);
      }
    }
  }
  return { group, kept };
}

interface Config {
  /** The keyword arguments of the deployment (inline, or `**cfg`). */
  kwargs: string;
  /** Those of the endpoint after its name (`description=..., tags=...`), or ''. */
  endpoint: string;
  keyAuth: boolean;
}

/** A literal (strings without interpolation, numbers, constants, and containers of them): the same value wherever it is written. */
function literal(node: SyntaxNode): boolean {
  if (['integer', 'float', 'true', 'false', 'none'].includes(node.type)) return true;
  if (node.type === 'string') return !node.namedChildren.some((c) => c.type === 'interpolation');
  if (['concatenated_string', 'dictionary', 'list', 'tuple', 'pair', 'parenthesized_expression'].includes(node.type)) return node.namedChildren.every((c) => c.type === 'comment' || literal(c));
  return false;
}

/** A managed deployment's settings from a v1 service configuration, and whether its endpoint keeps key auth. */
interface Settings {
  pairs: Array<[string, string]>;
  endpoint: Array<[string, SyntaxNode]>;
  keyAuth: boolean;
}

/**
 * What ACI and AKS configurations share: the SKU for the CPU and memory request (`cpu_cores`, `memory_gb`, v1's
 * defaults when not given), `count` instances, `enable_app_insights`, and the service's description, tags and
 * properties, which go to the endpoint (the v2 object the service variable holds; ManagedOnlineEndpoint(name, tags,
 * properties, description, ...), https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.managedonlineendpoint).
 * `keyAuth`: `auth_enabled` written as True, or absent where v1's default was key auth.
 */
function sharedSettings(ctx: RuleContext, args: Map<string, SyntaxNode>, cpuDefault: number, memoryDefault: number, count: number, keyAuthDefault: boolean): Settings | undefined {
  const cpu = args.has('cpu_cores') ? knownNumber(ctx, args.get('cpu_cores')) : cpuDefault;
  const memory = args.has('memory_gb') ? knownNumber(ctx, args.get('memory_gb')) : memoryDefault;
  const sku = cpu !== undefined && memory !== undefined ? ACI_SKUS.find(([, b, c, d]) => cpu > 0 && cpu <= b && memory > c && memory <= d)?.[4] : undefined;
  const auth = args.get('auth_enabled')?.text;
  if (!sku || (auth !== undefined && auth !== 'True' && auth !== 'False')) return undefined;
  const pairs: Array<[string, string]> = [['instance_type', JSON.stringify(sku)], ['instance_count', String(count)]];
  const app = args.get('enable_app_insights');
  if (app) pairs.push(['app_insights_enabled', app.text]);
  const endpoint: Array<[string, SyntaxNode]> = [];
  for (const k of ['description', 'tags', 'properties']) {
    const v = args.get(k);
    if (v) endpoint.push([k, v]);
  }
  return { pairs, endpoint, keyAuth: auth === undefined ? keyAuthDefault : auth === 'True' };
}

/**
 * `AciWebservice.deploy_configuration(...)` → the deployment's settings (sharedSettings: one instance, no key auth
 * by default); undefined when an argument has no v2 counterpart: `location` (a managed endpoint is created in the
 * workspace's region), `dns_name_label` (its scoring URI has no DNS label of the user's), SSL certificates, keys, VNet, ...
 */
function aciSettings(ctx: RuleContext, call: SyntaxNode): Settings | undefined {
  const args = bindArgs(call, ACI_SIGNATURE, ['cpu_cores', 'memory_gb', 'tags', 'properties', 'description', 'auth_enabled', 'enable_app_insights']);
  return args && sharedSettings(ctx, args, ACI_DEFAULT_CPU, ACI_DEFAULT_MEMORY, 1, false);
}

/**
 * `AksWebservice.deploy_configuration(...)` → the settings of a managed online deployment, where the migration guide
 * moves AKS web services too (reference §2.9: "managed online endpoint, or KubernetesOnlineEndpoint"; DEP): as
 * sharedSettings for the pod's request (v1 defaults 0.1 core, 0.5 GB), `num_replicas` → the instance count (without
 * it v1 autoscaled from 1 to 10 replicas: one instance, under the review mark the settings carry), key auth (AKS's
 * default), and the scoring timeout v1 applied (60,000 ms by default) → `request_settings`, a managed deployment's
 * default being 5,000 ms (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.onlinerequestsettings).
 * Refused: autoscale settings, token auth, data collection, keys, GPUs, probes, limits, namespaces (no managed
 * counterpart written here), and a timeout past 180,000 ms (a conservative bound: the managed endpoint limits list a
 * 180-second request timeout, not checked here).
 */
function aksSettings(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Settings | undefined {
  const args = bindArgs(call, AKS_SIGNATURE, ['cpu_cores', 'memory_gb', 'tags', 'properties', 'description', 'auth_enabled', 'enable_app_insights', 'num_replicas', 'scoring_timeout_ms', 'token_auth_enabled', 'collect_model_data']);
  if (!args || ['token_auth_enabled', 'collect_model_data'].some((k) => args.has(k) && args.get(k)!.text !== 'False')) return undefined;
  const replicas = args.has('num_replicas') ? knownNumber(ctx, args.get('num_replicas')) : 1;
  const timeout = args.has('scoring_timeout_ms') ? knownNumber(ctx, args.get('scoring_timeout_ms')) : AKS_DEFAULT_TIMEOUT_MS;
  if (replicas === undefined || !Number.isInteger(replicas) || replicas < 1 || timeout === undefined || !Number.isInteger(timeout) || timeout < 1 || timeout > 180000) return undefined;
  const settings = sharedSettings(ctx, args, AKS_DEFAULT_CPU, AKS_DEFAULT_MEMORY, replicas, true);
  settings?.pairs.push(['request_settings', `${fb.need('azure.ai.ml.entities', 'OnlineRequestSettings')}(request_timeout_ms=${timeout})`]);
  return settings;
}

/** v1 calls that make, attach or look up the AKS cluster a service is deployed to. */
const CLUSTER_MAKERS = ['azureml.core.compute.ComputeTarget.create', 'azureml.core.compute.ComputeTarget.attach', 'azureml.core.compute.ComputeTarget', 'azureml.core.compute.AksCompute'];

/**
 * The AKS cluster a rewritten deployment no longer runs on (`aks_target = ComputeTarget.create(ws, n, prov)`, its
 * `deployment_target`): the statement that makes, attaches or looks it up gets `# amlint: review` at the end of
 * its line — it still runs (a billable cluster, or a lookup that fails when it is gone) and the managed endpoint
 * does not need it. Nothing when it is made elsewhere, or the line is already marked.
 */
function droppedCluster(ctx: RuleContext, target: SyntaxNode): Edit | undefined {
  const made = target.type === 'identifier' ? definingCall(ctx, target) : undefined;
  const stmt = made && statementOf(made);
  if (!made || !stmt || !CLUSTER_MAKERS.includes(qnameOf(ctx, made) ?? '') || stmt.type !== 'expression_statement' || !endsLine(ctx, stmt) || reviewed(ctx, stmt)) return undefined;
  const end = nodeRange(stmt).end;
  return [{ start: end, end }, REVIEW];
}

/** The line `stmt` ends already carries `# amlint: review` (a second mark would be noise). */
function reviewed(ctx: RuleContext, stmt: SyntaxNode): boolean {
  const text = ctx.module.text;
  const eol = text.indexOf('\n', stmt.endIndex);
  return text.slice(stmt.endIndex, eol < 0 ? undefined : eol).includes('amlint: review');
}

/** The start and end offsets of an edit's target, when it is a node (ranges are insertions here). */
const spanOf = (t: SyntaxNode | Range): [number, number] | undefined => (isNode(t) ? [t.startIndex, t.endIndex] : undefined);

/**
 * Edits inside another edit's node (`tags=model.tags` kept as written in the deployment
 * configuration the lifecycle replaces): an identity edit there goes (the outer text copies it as
 * written), any other makes the lifecycle undefined (its change would be lost).
 */
function unnested(edits: Edit[]): Edit[] | undefined {
  const out: Edit[] = [];
  for (const e of edits) {
    const inner = spanOf(e[0]);
    const outer = inner && edits.find((f) => {
      const o = spanOf(f[0]);
      return f !== e && o && o[0] <= inner[0] && inner[1] <= o[1] && (o[0] !== inner[0] || o[1] !== inner[1]);
    });
    if (!outer) out.push(e);
    else if (!isNode(e[0]) || e[1] !== e[0].text) return undefined;
  }
  return out;
}

/**
 * The edits of the lifecycle of the deployments `deployCall` belongs to; undefined when any piece
 * cannot be translated faithfully.
 */
function deployLifecycle(fb: FixBuilder, ctx: RuleContext, deployCall: SyntaxNode): Edit[] | undefined {
  const grouped = deployGroup(ctx, deployCall);
  if (!grouped) return undefined;
  const edits: Edit[] = [];
  const producers = new Set<number>();
  for (const call of grouped.group) {
    const part = deployEdits(fb, ctx, call, producers, grouped.kept);
    if (!part) return undefined;
    edits.push(...part);
  }
  const flat = unnested(edits);
  if (!flat) return undefined;
  edits.splice(0, edits.length, ...flat);
  // The finding's own call first (the fix is offered on every piece up to SHARED_FIX_LIMIT edits).
  edits.sort((a, b) => (isNode(a[0]) && same(a[0], deployCall) ? -1 : isNode(b[0]) && same(b[0], deployCall) ? 1 : 0));
  return edits;
}

function deployEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, producers: Set<number>, kept: Set<number>): Edit[] | undefined {
  const args = deployArgs(ctx, call);
  const svc = assignedName(call);
  const stmt = statementOf(call);
  const indent = stmt && ownLineIndent(ctx, stmt);
  const name = args?.get('name');
  const models = args?.get('models');
  if (!args || !svc || !stmt || indent === undefined || !name || models?.type !== 'list' || models.namedChildren.length !== 1) return undefined;
  const edits: Edit[] = [];

  // The model: a v2 model, a model reference string, or a v1 model variable rewritten with it.
  const model = models.namedChildren[0]!;
  const modelSdk = sdkOf(ctx.model.evaluate(model));
  let modelText = model.text;
  if (modelSdk === 'v1' || registeredByRun(ctx, model)) {
    const made = modelProducer(ctx, model);
    const part = made && modelEdits(fb, ctx, made, (use) => same(use, model));
    if (part) edits.push(...part);
    // A v1 model that stays v1 (registered with a framework, used as a v1 model elsewhere) is the
    // same registered asset in v2: referenced as "azureml:<name>:<version>" (concept-online-deployment-model-specification).
    else if (model.type === 'identifier') modelText = `f"azureml:{${model.text}.name}:{${model.text}.version}"`;
    // `[Model(ws, name)]` written in the call: its models.get goes into the deployment.
    else if (model.type === 'call' && qnameOf(ctx, model) === MODEL && modelCallText(fb, ctx, model)) modelText = modelCallText(fb, ctx, model)!;
    else return undefined;
  } else if (modelSdk !== 'v2' && model.type === 'identifier') {
    // A variable the model cannot type (`model = best_run.register_model(...)` on a run made in another
    // notebook): v1 Model.deploy takes only v1 `Model` objects, so it is a registered model, referenced
    // by name and version as above.
    modelText = `f"azureml:{${model.text}.name}:{${model.text}.version}"`;
  } else if (modelSdk !== 'v2' && !(model.type === 'string' && stringValue(model) !== undefined)) return undefined;

  // InferenceConfig(entry_script, source_directory, environment) → CodeConfiguration + the deployment's environment (DEP).
  const icArg = args.get('inference_config');
  const ic = icProducer(ctx, icArg);
  const icArgs = ic && icArgsOf(ctx, ic);
  const script = icArgs?.get('entry_script');
  const env = icArgs?.get('environment');
  // A kept (v1) inference config: its v2 form is written in the deployment, from arguments meaning the same there.
  const copy = !!ic && kept.has(ic.id);
  const inline = !!ic && same(ic, icArg);
  let envText: string;
  if (!ic || !script) return undefined;
  if (copy && ![script, icArgs!.get('source_directory')].every((a) => !a || literal(a))) return undefined;
  if (env) {
    if (icArgs!.has('runtime') || icArgs!.has('conda_file')) return undefined;
    const envMade = env.type === 'call' ? env : definingCall(ctx, env);
    const envQ = qnameOf(ctx, envMade);
    const sameAtDeploy = (n: SyntaxNode | null | undefined): boolean => n?.type === 'identifier' && ctx.model.resolveName(n.text, n) === ctx.model.resolveName(n.text, call);
    if (envQ === RUN_ENVIRONMENT && sdkOf(ctx.model.evaluate(env)) !== 'v2') {
      // `env = run.get_environment()`: the environment a v1 run used, which v1 registered when the run
      // was submitted ("automatically registered with your workspace when you submit an experiment",
      // https://azure.github.io/azureml-sdk-for-r/reference/register_environment.html, the v1 SDK's docs);
      // it stays v1 (other uses may need it) and goes in by its registered name and version (DEP's
      // `environment="azureml:<name>:<version>"` form). Written in the inference config
      // (`environment=run.get_environment()`), the call moves to the deployment (a read of the same
      // run there).
      if (env.type === 'identifier' && (inline || sameAtDeploy(env))) envText = `f"azureml:{${env.text}.name}:{${env.text}.version}"`;
      else if (env.type === 'call' && (inline || sameAtDeploy(env.childForFieldName('function')?.childForFieldName('object')))) envText = `"azureml:{0.name}:{0.version}".format(${env.text})`;
      else return undefined;
    } else {
      // A v1 call written in the inference config (`environment=Environment.get(ws, "AzureML-...")`):
      // its v2 form is written in the deployment (the inference config goes), from arguments meaning
      // the same there.
      // Likewise an environment also given to another v1 consumer (a training run): that one takes it
      // (in a later pass, once this inference config is gone), the deployment a copy.
      const envCall = (env.type === 'call' && sdkOf(ctx.model.evaluate(env)) === 'v1') || sharedEnvironment(ctx, env);
      // The environment is named at the deployment: a variable bound to the same object there.
      if (!inline && !sameAtDeploy(env) && !envCall) return undefined;
      // The environment of a kept inference config stays v1 with it: the deployment gets a v2 copy.
      const envCopy = (copy || envCall) && sdkOf(ctx.model.evaluate(env)) === 'v1' ? environmentCopy(fb, ctx, env, call) : undefined;
      if ((copy || envCall) && sdkOf(ctx.model.evaluate(env)) === 'v1' && !envCopy) return undefined;
      const envEdits = envCopy ? envCopy.edits : environmentEdits(fb, ctx, env);
      if (!envEdits) return undefined;
      if (!producers.has(env.id)) edits.push(...envEdits);
      producers.add(env.id);
      envText = envCopy ? envCopy.text : env.text;
    }
  } else {
    // The older `InferenceConfig(entry_script, runtime="python", conda_file="env.yml")`: v1 built the image
    // from its default base image and the conda file; v2 takes an image plus the conda file (ENV2's
    // example image, https://learn.microsoft.com/azure/machine-learning/how-to-manage-environments-v2),
    // the deployment's line carrying the review mark. A literal path; with a source directory, v1
    // read it there ("your entry_script, conda_file, and extra_docker_file_steps paths are relative
    // paths to the source_directory path", MicrosoftDocs/azure-docs
    // articles/machine-learning/includes/machine-learning-service-inference-config.md), v2 from the
    // working directory: joined to it.
    const conda = icArgs!.get('conda_file');
    const runtime = icArgs!.get('runtime');
    const sourceDir = icArgs!.get('source_directory');
    // A path written as a literal or held by a name bound alike at the deployment, where v2 reads it.
    const pathAt = (p: SyntaxNode | undefined): boolean => !p || stringValue(p) !== undefined || (p.type === 'identifier' && stableAt(ctx, p, call));
    if (!conda || !pathAt(conda) || (runtime && stringValue(runtime) !== 'python')) return undefined;
    const condaPath = sourceDir ? `${fb.needModule('os')}.path.join(${sourceDir.text}, ${conda.text})` : conda.text;
    envText = `${fb.needModule('azure.ai.ml.entities')}.Environment(image=${DEFAULT_IMAGE}, conda_file=${condaPath})`;
  }
  const code = args.get('inference_config')!;
  const source = icArgs!.get('source_directory');
  // v2 code is a folder; v1 without a source directory resolved the entry script from the working directory.
  const codeConfig = `${fb.need('azure.ai.ml.entities', 'CodeConfiguration')}(code=${source ? source.text : '"."'}, scoring_script=${script.text})`;
  const codeReview = !source;
  if (!inline && !copy) {
    if (!producers.has(ic.id)) {
      const icStmt = statementOf(ic);
      if (!icStmt || ownLineIndent(ctx, icStmt) === undefined) return undefined;
      edits.push([ic, `${codeConfig}${codeReview ? REVIEW : ''}`]);
    }
    producers.add(ic.id);
  }

  // AciWebservice.deploy_configuration(...) → instance type and count (+ description, tags, app insights) of the deployment.
  const cfgArg = args.get('deployment_config');
  const cfg = serviceConfigOf(ctx, cfgArg);
  const aks = !!cfg && qnameOf(ctx, cfg) === AKS_CONFIG;
  const settings = cfg && (aks ? aksSettings(fb, ctx, cfg) : aciSettings(ctx, cfg));
  if (!cfg || !settings) return undefined;
  // The AKS cluster v1 deployed to (`deployment_target=aks_target`): a managed endpoint runs on no cluster of the
  // user's, so it is dropped (a name read there, nothing run; the cluster itself stays). v1 required it for AKS.
  const target = args.get('deployment_target');
  if (aks !== !!target || (target && target.type !== 'identifier' && !(target.type === 'attribute' && target.childForFieldName('object')?.type === 'identifier'))) return undefined;
  const cluster = target && droppedCluster(ctx, target);
  if (cluster) edits.push(cluster);
  const cfgInline = same(cfg, cfgArg);
  let config: Config;
  const endpointKwargs = settings.endpoint.map(([k, v]) => `, ${k}=${v.text}`).join('');
  if (cfgInline) config = { kwargs: settings.pairs.map(([k, v]) => `${k}=${v}`).join(', '), endpoint: endpointKwargs, keyAuth: settings.keyAuth };
  else {
    // Endpoint settings with the same value at the deployment (literals, `model.tags` of a name bound
    // alike) move to the endpoint; others stay where v1 evaluated them, in the deployment's dict (v2
    // deployments have the same fields, ManagedOnlineDeployment).
    // (at every deployment given this configuration: the dict is written once).
    const sites = usesOf(ctx, assignedName(cfg)!);
    const moved = settings.endpoint.every(([, v]) => literal(v) || sites.every((site) => stableAt(ctx, v, site)));
    const pairs = moved ? settings.pairs : [...settings.pairs, ...settings.endpoint.map(([k, v]): [string, string] => [k, v.text])];
    if (!producers.has(cfg.id)) {
      const cfgStmt = statementOf(cfg);
      if (!cfgStmt || ownLineIndent(ctx, cfgStmt) === undefined) return undefined;
      edits.push([cfg, `{${pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}${REVIEW}`]);
    }
    producers.add(cfg.id);
    config = { kwargs: `**${cfgArg!.text}`, endpoint: moved ? endpointKwargs : '', keyAuth: settings.keyAuth };
  }

  // The service's uses, on the v2 endpoint the variable now holds.
  const ml = clientFor(fb, ctx, args.get('workspace'));
  if (!ml) return undefined;
  const s = svc.text;
  const uses = usesOf(ctx, svc);
  const waited = tryWait(ctx, s, uses);
  if (waited === null) return undefined;
  for (const use of uses) {
    if (waited && same(use, waited.use)) continue;
    const e = serviceUse(fb, ctx, ml, s, use, DEPLOYMENT);
    if (!e) return undefined;
    edits.push(...e);
  }
  // (A keyed service whose key the module does not read from it: a request made with a key written in the code
  // or read elsewhere would now be refused, the endpoint's keys being new ones.)
  if (!config.keyAuth || !uses.some((u) => memberOf(u)?.name === 'get_keys')) {
    const marks = keylessCalls(ctx, uses);
    if (!marks) return undefined;
    edits.push(...marks);
  }

  // Model.deploy → endpoint + deployment + traffic (DEP, "Configure and create an online endpoint/deployment");
  // each create waits (.result()), as wait_for_deployment did; the deployment needs its endpoint to exist.
  const endpointClass = fb.need('azure.ai.ml.entities', 'ManagedOnlineEndpoint');
  const deploymentClass = fb.need('azure.ai.ml.entities', 'ManagedOnlineDeployment');
  const deployment = `${deploymentClass}(${[
    `name=${DEPLOYMENT}`,
    `endpoint_name=${s}.name`,
    `model=${modelText}`,
    `environment=${envText}`,
    `code_configuration=${inline || copy ? codeConfig : code.text}`,
    config.kwargs,
  ].join(', ')})`;
  // MOE: no auth is not supported on managed online endpoints; key auth is what the upgrade gives.
  const endpointLine = `${s} = ${endpointClass}(name=${name.text}, auth_mode="key"${config.endpoint})${config.keyAuth ? '' : REVIEW}`;
  if (waited) {
    // Waited for in a try (tryWait): the endpoint is created here, the deployment started as a poller
    // (LROPoller); the wait becomes the poller's result() in the try, then the traffic is set.
    if (!endsLine(ctx, stmt)) return undefined;
    edits.unshift([call, `${ml}.online_endpoints.begin_create_or_update(${s}).result()\n${indent}${waited.poller} = ${ml}.online_deployments.begin_create_or_update(${deployment})${REVIEW}`]);
    edits.push([{ start: nodeRange(stmt).start, end: nodeRange(stmt).start }, `${endpointLine}\n${indent}`]);
    edits.push([waited.stmt, [`${waited.poller}.result()`, `${s}.traffic = {${DEPLOYMENT}: 100}`, `${s} = ${ml}.online_endpoints.begin_create_or_update(${s}).result()`].join(`\n${waited.indent}`)]);
    return edits;
  }
  const before = [
    endpointLine,
    `${ml}.online_endpoints.begin_create_or_update(${s}).result()`,
    `${ml}.online_deployments.begin_create_or_update(${deployment}).result()${REVIEW}`,
    `${s}.traffic = {${DEPLOYMENT}: 100}`,
    '',
  ].join(`\n${indent}`);
  edits.unshift([call, `${ml}.online_endpoints.begin_create_or_update(${s}).result()`]);
  edits.push([{ start: nodeRange(stmt).start, end: nodeRange(stmt).start }, before]);
  return edits;
}

/**
 * `try: svc.wait_for_deployment(show_output=True)` / `except Exception:` (or a bare `except:`), the
 * handler printing the logs and re-raising or reporting: v1 raised a failed deployment's error there,
 * for that handler. In v2 the deployment is started where the deploy was, as a poller
 * (`svc_poller = online_deployments.begin_create_or_update(...)`, an LROPoller), and the wait is its
 * `result()`, which raises azure-core's HttpResponseError for a failed operation (azure-core
 * `polling/_poller.py`, LROPoller.result/wait: "raises HttpResponseError"), in the same try for the same
 * handler; the traffic is set after it. Returns undefined when no wait is in a try (the creates wait
 * where the deploy was), null when one is but this shape does not hold: another wait, a handler for
 * another exception (`except WebserviceException:`, v1's own class), the wait not a statement of the
 * try body, the service's `state` read in the try (the endpoint's state is not the deployment's) or,
 * when a handler does not end in `raise`, anywhere (a failed deployment's endpoint still reads
 * "Succeeded"), or the poller's name already bound.
 */
function tryWait(ctx: RuleContext, s: string, uses: readonly SyntaxNode[]): { use: SyntaxNode; stmt: SyntaxNode; indent: string; poller: string } | null | undefined {
  const waits = uses.filter((u) => memberOf(u)?.name === 'wait_for_deployment');
  const inTry = waits.filter((u) => enclosingTry(u));
  if (!inTry.length) return undefined;
  const use = inTry[0]!;
  const call = memberOf(use)?.call;
  const stmt = call && call.parent?.type === 'expression_statement' ? call.parent : undefined;
  const body = stmt?.parent;
  const tryStmt = body?.parent;
  if (waits.length !== 1 || !call || !stmt || !bindArgs(call, ['show_output'], ['show_output']) || tryStmt?.type !== 'try_statement' || !same(tryStmt.childForFieldName('body'), body)) return null;
  const handlers = tryStmt.namedChildren.filter((c) => c.type === 'except_clause');
  // (every handler of this try and of the tries around it broad: an outer `except WebserviceException:` would no
  // longer see the re-raised failure, v2's HttpResponseError)
  if (!handlers.length || narrowlyTried(stmt) || tryStmt.namedChildren.some((c) => c.type === 'except_group_clause')) return null;
  const inside = (n: SyntaxNode): boolean => n.startIndex >= tryStmt.startIndex && n.endIndex <= tryStmt.endIndex;
  // After a handler that does not re-raise, a failed deployment leaves v1's service Unhealthy but
  // the v2 endpoint Succeeded: its state read anywhere only when every handler ends in a raise.
  const reraises = handlers.every((h) => {
    const block = h.namedChildren.find((c) => c.type === 'block');
    const last = block?.namedChildren.filter((c) => c.type !== 'comment').pop();
    return last?.type === 'raise_statement';
  });
  if (uses.some((u) => (inside(u) || !reraises) && memberOf(u)?.name === 'state')) return null;
  const indent = ownLineIndent(ctx, stmt);
  const poller = `${s}_poller`;
  if (indent === undefined || !endsLine(ctx, stmt) || ctx.model.scopes.some((sc) => sc.bindings.has(poller))) return null;
  return { use, stmt, indent, poller };
}

/**
 * A v1 ACI service without `auth_enabled` took requests without a key; the v2 endpoint takes only
 * keyed ones (MOE: no auth is not supported). A keyed service (AKS's default, ACI's `auth_enabled=True`) whose
 * key the module never reads from it (`svc.get_keys()`) was called with a key written in the code or kept
 * elsewhere, and the endpoint's keys are new. Each statement that passes the service's scoring URI
 * (directly or through `uri = svc.scoring_uri`) to a call other than a print — a request made by hand,
 * `requests.post(svc.scoring_uri, data, headers={"Content-Type": ...})` — gets `# amlint: review` at
 * the end of its line. Undefined when such a call is not a simple statement (a condition, say).
 */
function keylessCalls(ctx: RuleContext, uses: readonly SyntaxNode[]): Edit[] | undefined {
  const edits: Edit[] = [];
  const marked = new Set<number>();
  for (const use of uses) {
    const m = memberOf(use);
    if (m?.name !== 'scoring_uri' || m.call) continue;
    const aliased = m.attr.parent?.type === 'assignment' && same(m.attr.parent.childForFieldName('right'), m.attr);
    const reads = aliased ? aliasReads(ctx, m.attr) : [m.attr];
    for (const read of reads) {
      let stmt: SyntaxNode = read;
      let called = false;
      while (stmt.parent && stmt.parent.type !== 'block' && stmt.parent.type !== 'module') {
        stmt = stmt.parent;
        called ||= stmt.type === 'call';
      }
      // Shown, not called: a print (the bare read a notebook cell displays, a `return`, has no call).
      if (!called || printedOnly(ctx, read)) continue;
      if (!['expression_statement', 'return_statement', 'assert_statement'].includes(stmt.type) || !endsLine(ctx, stmt)) return undefined;
      if (marked.has(stmt.endIndex) || reviewed(ctx, stmt)) continue;
      marked.add(stmt.endIndex);
      const end = nodeRange(stmt).end;
      edits.push([{ start: end, end }, REVIEW]);
    }
  }
  return edits;
}

/**
 * `if svc:` / `if not svc:` / `if svc is None:` (the condition itself): true for a v1 Webservice and
 * a v2 OnlineEndpoint alike, neither defining __bool__ or __len__ (azure-ai-ml
 * `entities/_resource.py` Resource), and neither None.
 */
function truthTest(use: SyntaxNode): boolean {
  let n = use;
  if (n.parent?.type === 'not_operator') n = n.parent;
  else if (n.parent?.type === 'comparison_operator' && /^\S+\s+is(\s+not)?\s+None$/.test(n.parent.text) && same(n.parent.namedChildren[0], use)) n = n.parent;
  const p = n.parent;
  return (p?.type === 'if_statement' || p?.type === 'elif_clause') && same(p.childForFieldName('condition'), n);
}

/**
 * The edits for one use `use` of a service variable `s`; undefined for a use v2 has no counterpart
 * for. `deployment` is the v2 deployment's name for a service this rewrite deploys; undefined for a
 * service looked up by name (`Webservice(ws, name)`), whose logs are those of the deployment taking
 * the endpoint's traffic.
 */
function serviceUse(fb: FixBuilder, ctx: RuleContext, ml: string, s: string, use: SyntaxNode, deployment?: string, lookupTry?: SyntaxNode): Edit[] | undefined {
  const m = memberOf(use);
  if (!m) return truthTest(use) ? [[use, use.text]] : undefined;
  if (!m.call) {
    if (ENDPOINT_ATTRIBUTES.includes(m.name)) return [[m.attr, m.attr.text]];
    if (ENDPOINT_RENAMED[m.name]) return [[m.attr, `${use.text}.${ENDPOINT_RENAMED[m.name]}`]];
    if (m.name === 'state') {
      // v1 state "Healthy" is v2 provisioning state "Succeeded" (azure-ai-ml: a deployed endpoint's provisioning_state).
      const cmp = m.attr.parent?.type === 'comparison_operator' ? m.attr.parent : undefined;
      if (!cmp) return [[m.attr, `${use.text}.provisioning_state`]];
      const other = cmp.namedChildren.find((c) => !same(c, m.attr));
      if (cmp.namedChildren.length !== 2 || !other || stringValue(other) !== 'Healthy' || !/^\S+\s*(==|!=)\s*\S+$/.test(cmp.text.replace(m.attr.text, 'a').replace(other.text, 'b'))) return undefined;
      return [[m.attr, `${use.text}.provisioning_state`], [other, '"Succeeded"']];
    }
    return undefined;
  }
  const call = m.call;
  switch (m.name) {
    case 'wait_for_deployment': {
      // The v2 create calls already waited (.result()); a looked-up service is not being deployed.
      // Not in a try body: v1 raised a failed deployment's error there, for its handlers (printing the
      // logs, say); the v2 creates, where the deploy was, raise it outside.
      const stmt = statementOf(call);
      return deployment && stmt && call.parent?.type === 'expression_statement' && !enclosingTry(call) && bindArgs(call, ['show_output'], ['show_output']) ? [removal(ctx, stmt)] : undefined;
    }
    case 'get_logs': {
      // v1 get_logs(num_lines=5000); v2 logs are per deployment and need the line count (azure-ai-ml
      // OnlineDeploymentOperations.get_logs(name, endpoint_name, lines)). A looked-up endpoint's live
      // deployment is the one its `traffic` (deployment name → percent) sends the most requests to.
      const args = bindArgs(call, ['num_lines', 'init'], ['num_lines']);
      const name = deployment ?? `max(${s}.traffic, key=${s}.traffic.get)`;
      return args ? [[call, `${ml}.online_deployments.get_logs(name=${name}, endpoint_name=${s}.name, lines=${args.get('num_lines')?.text ?? '5000'})`]] : undefined;
    }
    case 'get_keys':
      return noArgs(call) ? [keysEdit(fb, ml, call, `${s}.name`)] : undefined;
    case 'delete':
      // DEP: service.delete() → online_endpoints.begin_delete(name); v1 delete waits, hence .result().
      // A delete in the try of the lookup (`try: svc = Webservice(ws, name); svc.delete() except
      // WebserviceException:`): that try's handlers are the lookup's to rewrite (lookupLifecycle).
      return noArgs(call) && (deployment || (lookupTry && same(tryOf(call), lookupTry)) || v1HandlersRewritten(fb, ctx, call)) ? [[call, `${ml}.online_endpoints.begin_delete(name=${s}.name).result()`]] : undefined;
    case 'run':
      return runEdits(fb, ctx, ml, s, call);
    case 'update':
      return appInsightsEdits(ctx, ml, s, call, deployment);
    default:
      return undefined;
  }
}

/**
 * `svc.update(enable_app_insights=X)` (a statement; no other argument): v2 app insights is a setting of
 * the deployment (ManagedOnlineDeployment `app_insights_enabled`,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.managedonlinedeployment),
 * updated by getting it, setting it and creating it again (waited on). `deployment`: the deployment's
 * name when this rewrite creates it; else the one the endpoint's `traffic` sends most requests to.
 */
function appInsightsEdits(ctx: RuleContext, ml: string, s: string, call: SyntaxNode, deployment?: string): Edit[] | undefined {
  const args = callArgs(call);
  const value = args.keywords.get('enable_app_insights');
  const stmt = statementOf(call);
  const indent = stmt && call.parent?.type === 'expression_statement' ? ownLineIndent(ctx, stmt) : undefined;
  if (!value || args.positional.length || args.splat || args.keywords.size !== 1 || !stmt || indent === undefined) return undefined;
  if (ctx.model.scopes.some((sc) => sc.bindings.has('deployment'))) return undefined;
  const name = deployment ?? `max(${s}.traffic, key=${s}.traffic.get)`;
  const text = [
    `deployment = ${ml}.online_deployments.get(name=${name}, endpoint_name=${s}.name)`,
    `deployment.app_insights_enabled = ${value.text}`,
    `${ml}.online_deployments.begin_create_or_update(deployment).result()`,
  ].join(`\n${indent}`);
  return [[stmt, text]];
}

/**
 * `svc.run(data)`: v1 POSTs the data to the scoring URI with the key, raises on an HTTP error and
 * returns the decoded JSON. v2 `online_endpoints.invoke` reads a request file and returns text
 * (azure-ai-ml `_online_endpoint_operations.py`), so the same request is made with `requests`
 * (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints: `Authorization:
 * Bearer <key>`), in two statements before the one that used the result (`x = svc.run(data)`,
 * `print(svc.run(data))`), where the call is evaluated unconditionally.
 */
function runEdits(fb: FixBuilder, ctx: RuleContext, ml: string, s: string, call: SyntaxNode): Edit[] | undefined {
  const data = bindArgs(call, ['input_data'], ['input_data'])?.get('input_data');
  let n = call;
  while (n.parent && (['argument_list', 'keyword_argument', 'parenthesized_expression', 'call'].includes(n.parent.type) || (n.parent.type === 'assignment' && same(n.parent.childForFieldName('right'), n)))) n = n.parent;
  const stmt = n.parent?.type === 'expression_statement' ? n.parent : undefined;
  const indent = stmt && ownLineIndent(ctx, stmt);
  // The response's name: one the module binds nowhere (a notebook that also makes its own request
  // binds `response` itself; the inserted binding must not replace a value the code reads).
  const response = ['response', 'service_response', 'scoring_response'].find((n) => !ctx.model.scopes.some((sc) => sc.bindings.has(n)));
  if (!data || !stmt || indent === undefined || stmt.text.split('.run(').length !== 2 || !response) return undefined;
  const requests = fb.needModule('requests');
  const headers = `{"Content-Type": "application/json", "Authorization": "Bearer " + ${ml}.online_endpoints.get_keys(name=${s}.name).primary_key}`;
  const before = [`${response} = ${requests}.post(${s}.scoring_uri, data=${data.text}, headers=${headers})`, `${response}.raise_for_status()`, ''].join(`\n${indent}`);
  return [
    [call, `${response}.json()`],
    [{ start: nodeRange(stmt).start, end: nodeRange(stmt).start }, before],
  ];
}

/** `x = svc.scoring_uri` (a statement): the reads of `x` (where keylessCalls looks for requests made with the URI). */
function aliasReads(ctx: RuleContext, attr: SyntaxNode): SyntaxNode[] {
  const target = attr.parent?.type === 'assignment' && same(attr.parent.childForFieldName('right'), attr) && attr.parent.parent?.type === 'expression_statement' ? attr.parent.childForFieldName('left') : undefined;
  return target?.type === 'identifier' ? [...usesOf(ctx, target)] : [];
}

/**
 * `svc = Webservice(ws, name)` and every use of `svc`: the online endpoint of that name (DEP), its
 * uses rewritten as for a deployed service; under `try: ... except WebserviceException:` (v1 raises
 * it for a missing service) the handler catches v2's HttpResponseError instead. Undefined when a use
 * has no v2 counterpart.
 */
function lookupLifecycle(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edit[] | undefined {
  const parts = lookupParts(ctx, call);
  const name = parts?.name;
  const svc = assignedName(call);
  if (!name || !svc || rebranched(ctx, svc) || v1DeployKept(ctx, name)) return undefined;
  // `ws.webservices[name]` raises KeyError for a missing service, which a handler around it may catch.
  if (call.type === 'subscript' && enclosingTry(call)) return undefined;
  const ml = clientFor(fb, ctx, parts!.ws);
  if (!ml) return undefined;
  // A subscript is rewritten in two parts, `ws.webservices` (the reference whose finding offers this
  // fix) and `[name]`.
  const edits: Edit[] =
    call.type === 'subscript'
      ? [
          [call.namedChildren[0]!, `${ml}.online_endpoints.get`],
          [{ start: nodeRange(call.namedChildren[0]!).end, end: nodeRange(call).end }, `(name=${name.text})`],
        ]
      : [[call, `${ml}.online_endpoints.get(name=${name.text})`]];
  for (const use of usesOf(ctx, svc)) {
    const e = serviceUse(fb, ctx, ml, svc.text, use, undefined, tryOf(call));
    if (!e) return undefined;
    edits.push(...e);
  }
  return v1HandlersRewritten(fb, ctx, call, edits) ? edits : undefined;
}

/**
 * The name `target` binds is bound again inside a compound statement around it (`try: svc = Webservice(...)
 * except WebserviceException: svc = Model.deploy(...)`): later uses may see either binding.
 */
function rebranched(ctx: RuleContext, target: SyntaxNode): boolean {
  const others = (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).filter((b) => !same(b.node, target));
  for (let n = target.parent; n && n.type !== 'module' && n.type !== 'function_definition'; n = n.parent) {
    if (!['try_statement', 'if_statement', 'for_statement', 'while_statement', 'with_statement', 'match_statement'].includes(n.type)) continue;
    if (others.some((b) => b.node.startIndex >= n!.startIndex && b.node.endIndex <= n!.endIndex)) return true;
  }
  return false;
}

/** The lookup (`Webservice(ws, name)`, `ws.webservices[name]`) whose service `node` (a receiver) holds, when its whole lifecycle translates. */
function lookupOfService(ctx: RuleContext, node: SyntaxNode | undefined): SyntaxNode | undefined {
  const made = definingLookup(ctx, node);
  if (!made || !serviceLookupName(ctx, made) || !lookupLifecycle(new FixBuilder(ctx, made.startIndex), ctx, made)) return undefined;
  // The reference of `ws.webservices[name]` is its `ws.webservices`.
  return made.type === 'subscript' ? made.namedChildren[0] : made;
}

/**
 * `for name in ws.webservices:` (v1's dict of the workspace's services, by name) whose loop only prints
 * the name → the names of the workspace's online endpoints (azure-ai-ml `online_endpoints.list()`),
 * the header marked for review as for `Webservice.list` (serviceList).
 */
function webservicesLoop(fb: FixBuilder, ctx: RuleContext, attr: SyntaxNode): string | undefined {
  const loop = attr.parent;
  const target = loop?.type === 'for_statement' && same(loop.childForFieldName('right'), attr) ? loop.childForFieldName('left') : undefined;
  const body = loop?.childForFieldName('body');
  const ws = attr.type === 'attribute' ? attr.childForFieldName('object') : undefined;
  if (!ws || target?.type !== 'identifier' || !body || loop!.childForFieldName('alternative')) return undefined;
  const colon = loop!.children.find((c) => c.type === ':' && c.startIndex >= attr.endIndex);
  if (!colon || body.startPosition.row <= colon.startPosition.row || !endsLine(ctx, colon)) return undefined;
  const binding = (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).find((b) => same(b.node, target));
  const uses = binding ? ctx.model.uses.get(binding) ?? [] : [];
  if (!binding || !uses.length || uses.some((u) => u.startIndex < body.startIndex || u.endIndex > body.endIndex || !printedOnly(ctx, u))) return undefined;
  const ml = clientFor(fb, ctx, ws);
  if (!ml || ml === 'e') return undefined;
  const end = nodeRange(colon).end;
  fb.replace({ start: end, end }, REVIEW);
  return `(e.name for e in ${ml}.online_endpoints.list())`;
}

/** `svc = ws.webservices[name]`: the lifecycle of that lookup, on the finding of `ws.webservices`. */
const webservicesItem: Builder = (fb, ref, ctx) => {
  const names = webservicesLoop(fb, ctx, ref.node);
  if (names) return names;
  const item = ref.node.parent;
  if (item?.type !== 'subscript' || !same(item.namedChildren[0], ref.node) || !assignedName(item)) return undefined;
  return combine(fb, ref.node, lookupLifecycle(fb, ctx, item));
};

/** The `Model.deploy` call whose service `node` (a receiver) holds. */
function deployOfService(ctx: RuleContext, node: SyntaxNode | undefined): SyntaxNode | undefined {
  const made = node?.type === 'identifier' ? definingCall(ctx, node) : undefined;
  return made && isDeploy(ctx, made) ? made : undefined;
}

/** The lifecycle of that deployment translates (checked on a scratch builder). */
function lifecycleWorks(ctx: RuleContext, deployCall: SyntaxNode): boolean {
  return deployLifecycle(new FixBuilder(ctx, deployCall.startIndex), ctx, deployCall) !== undefined;
}

/**
 * A piece of a deployed service's lifecycle: the deploy's fix when it translates. A service v1 still
 * deploys is an ACI/AKS service, not an endpoint: nothing then. Other services (looked up by name,
 * of unknown origin) get `fallback`.
 */
function servicePiece(fallback?: Builder): Builder {
  return (fb, ref, ctx) => {
    const svc = receiver(ref);
    const deploy = deployOfService(ctx, svc);
    if (deploy) return lifecycleWorks(ctx, deploy) ? fb.sameFixAs(deploy) : undefined;
    const list = serviceListLoop(ctx, svc);
    if (list) return fb.sameFixAs(list);
    const lookup = lookupOfService(ctx, svc);
    if (v1DeployKept(ctx, lookup ? lookupParts(ctx, lookup)?.name : svc?.type === 'call' ? serviceLookupName(ctx, svc) : undefined)) return undefined;
    if (lookup) return fb.sameFixAs(lookup);
    const made = svc?.type === 'identifier' ? definingCall(ctx, svc) : undefined;
    const q = made && qnameOf(ctx, made);
    if ((q?.startsWith('azureml.core.') || q?.startsWith('mlflow.azureml.')) && !SERVICE_CLASSES.includes(q)) return undefined;
    return fallback?.(fb, ref, ctx);
  };
}

/** The nearest try statement around `node` in its function (the one v1HandlersRewritten looks at). */
function tryOf(node: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = node.parent;
  while (n && n.type !== 'try_statement' && n.type !== 'function_definition' && n.type !== 'module') n = n.parent;
  return n?.type === 'try_statement' ? n : undefined;
}

/**
 * `try: <svc>.delete() except WebserviceException: ...` (the v1 "remove any existing service" idiom):
 * v2 raises azure-core's HttpResponseError (ResourceNotFoundError when there is no such endpoint),
 * which the v1 handler would not catch. When the delete is the whole try body, the handler's v1
 * exceptions become HttpResponseError; with other statements in the body, no rewrite.
 * True when the call is not under such a handler.
 */
function v1HandlersRewritten(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, covered?: Edit[]): boolean {
  const stmt = statementOf(call);
  const n = tryOf(call);
  if (!n) return true;
  const body = n.childForFieldName('body');
  const v1Names = n.namedChildren
    .filter((c) => c.type === 'except_clause')
    .flatMap((c) => c.namedChildren.filter((x) => x.type !== 'block').flatMap((x) => (x.type === 'as_pattern' ? x.namedChildren.slice(0, 1) : [x])).flatMap((x) => (x.type === 'tuple' ? x.namedChildren : [x])))
    .filter((x) => sdkOf(ctx.model.evaluate(x)) === 'v1');
  if (!v1Names.length) return true;
  // The call is the whole body, or (`covered`: the edits of its fix) every other v1 reference of the
  // body is rewritten by the same fix (the v2 calls it makes raise HttpResponseError likewise).
  const inside = (a: SyntaxNode, b: SyntaxNode): boolean => a.startIndex >= b.startIndex && a.endIndex <= b.endIndex;
  const alone = body?.namedChildren.filter((c) => c.type !== 'comment').length === 1;
  const rewritten = (): boolean =>
    ctx.model.references.every((r) => r.sdk !== 'v1' || !inside(r.node, body!) || covered!.some(([t]) => isNode(t) && inside(r.call ?? r.node, t)));
  const inBody = body && stmt && same(stmt.parent, body) && (alone || (covered && rewritten()));
  if (!inBody) return false;
  const error = fb.need('azure.core.exceptions', 'HttpResponseError');
  for (const x of v1Names) fb.replace(x, error);
  return true;
}

/** `Model.Framework.X` written as an argument of a call (`Model.register(..., model_framework=...)`): that call's fix. */
const frameworkPiece: Builder = (fb, ref) => {
  let n: SyntaxNode | null = ref.node.parent;
  if (n?.type === 'keyword_argument') n = n.parent;
  return n?.type === 'argument_list' && n.parent?.type === 'call' ? fb.sameFixAs(n.parent) : undefined;
};

/**
 * `except WebserviceException:` around one service call (`Webservice(ws, name).delete()`,
 * `svc = Webservice(ws, name)`): that call's fix, which makes the handler catch HttpResponseError.
 */
const serviceHandler: Builder = (fb, ref) => {
  let n: SyntaxNode | null = ref.node.parent;
  while (n && n.type !== 'except_clause' && n.type !== 'block') n = n.parent;
  const body = n?.type === 'except_clause' && n.parent?.type === 'try_statement' ? n.parent.childForFieldName('body') : undefined;
  // The first statement of the body that is a call (or assigns one).
  for (const stmt of body?.namedChildren ?? []) {
    let e = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (e?.type === 'assignment') e = e.childForFieldName('right') ?? undefined;
    if (e?.type === 'call') return fb.sameFixAs(e);
  }
  return undefined;
};

/** An inference config or deployment configuration: the fix of the first deployment using it. */
const deployInput: Builder = (fb, ref, ctx) => deployInputOf(fb, ctx, ref.call!);

function deployInputOf(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): string | undefined {
  const list = call.parent?.type === 'keyword_argument' ? call.parent.parent : call.parent;
  if (list?.type === 'argument_list' && isDeploy(ctx, list.parent)) return fb.sameFixAs(list.parent!);
  const target = assignedName(call);
  const first = target ? usesOf(ctx, target)[0] : undefined;
  const deploy = first && (deploySlotOf(ctx, first, 'inference_config') ?? deploySlotOf(ctx, first, 'deployment_config'));
  return deploy ? fb.sameFixAs(deploy) : undefined;
}

/**
 * `InferenceConfig(..., environment=run.get_environment())`: the deployment's fix, which moves the
 * call into the deployment (see deployLifecycle); elsewhere the run's environment stays v1.
 */
const runEnvironment: Builder = (fb, ref, ctx) => {
  const kw = ref.call!.parent;
  const ic = kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'environment' ? kw.parent?.parent : undefined;
  return ic?.type === 'call' && qnameOf(ctx, ic) === INFERENCE_CONFIG ? deployInputOf(fb, ctx, ic) : undefined;
};

// ---------------------------------------------------------------------------------------------
// Fallbacks for services that are not rewritten as a whole (looked up by name, or deployed in a way
// the lifecycle does not translate): single calls on the endpoint of the same name.

/** A service method with no arguments, rewritten from the endpoint name. */
function serviceMethod(v2: (ml: string, name: string) => string): Builder {
  return (fb, ref, ctx) => {
    const name = ref.call && noArgs(ref.call) ? endpointName(ctx, ref) : undefined;
    const ml = name && v1HandlersRewritten(fb, ctx, ref.call!) ? serviceClient(fb, ctx, ref) : undefined;
    return ml ? v2(ml, name!) : undefined;
  };
}

const getKeys: Builder = (fb, ref, ctx) => {
  const name = ref.call && noArgs(ref.call) ? endpointName(ctx, ref) : undefined;
  const ml = name && serviceClient(fb, ctx, ref);
  if (!name || !ml) return undefined;
  const [node, text] = keysEdit(fb, ml, ref.call!, name);
  if (isNode(node) && same(node, ref.call!)) return text;
  fb.replace({ start: nodeRange(ref.call!).end, end: nodeRange(node as SyntaxNode).end }, '');
  return text;
};

/** A v2 online endpoint has the scoring URI of the service it replaces. */
const scoringUri: Builder = (fb, ref, ctx) => {
  // A `Webservice(ws, name)` variable becomes the endpoint itself once its other uses (get_keys,
  // delete) are rewritten: its scoring_uri then stays as written.
  const svc = receiver(ref);
  const made = svc?.type === 'identifier' ? definingCall(ctx, svc) : undefined;
  if (made && serviceLookupName(ctx, made) && variableFree(ctx, made, [...ENDPOINT_ATTRIBUTES, 'get_keys', 'delete'])) return undefined;
  const name = endpointName(ctx, ref);
  const ml = name && serviceClient(fb, ctx, ref);
  return ml ? `${ml}.online_endpoints.get(name=${name}).scoring_uri` : undefined;
};

/** `svc.swagger_uri` of a service not rewritten as a whole: the `openapi_uri` of the endpoint of the same name. */
const swaggerUri: Builder = (fb, ref, ctx) => {
  const name = endpointName(ctx, ref);
  const ml = name && serviceClient(fb, ctx, ref);
  return ml ? `${ml}.online_endpoints.get(name=${name}).openapi_uri` : undefined;
};

/** The same builders for the methods of `Webservice`, `AciWebservice` and `AksWebservice` (reported under each class). */
function perServiceClass(methods: Record<string, Builder>): Record<string, Builder> {
  return Object.fromEntries(SERVICE_CLASSES.flatMap((c) => Object.entries(methods).map(([m, b]): [string, Builder] => [`${c}.${m}`, b])));
}

export const DEPLOY: Rewrites = {
  calls: {
    ...perServiceClass({
      // DEP: service.delete() → online_endpoints.begin_delete(name); v1 delete waits, hence .result().
      delete: servicePiece(serviceMethod((ml, name) => `${ml}.online_endpoints.begin_delete(name=${name}).result()`)),
      get_keys: servicePiece(getKeys),
      wait_for_deployment: servicePiece(),
      get_logs: servicePiece(),
      run: servicePiece(),
      update: servicePiece(),
    }),
    // Webservice(ws, name) gets an existing service: its v2 counterpart is the endpoint of that name.
    ...Object.fromEntries(
      SERVICE_CLASSES.map((q): [string, Builder] => [
        q,
        (fb, ref, ctx) => {
          const call = ref.call!;
          // `Webservice(ws, name).delete()`: the method's fix.
          const method = memberOf(call)?.call;
          if (method) return fb.sameFixAs(method);
          if (assignedName(call)) return combine(fb, call, lookupLifecycle(fb, ctx, call));
          const name = serviceLookupName(ctx, call);
          const ml = name && !v1DeployKept(ctx, name) && call.parent?.type === 'expression_statement' && v1HandlersRewritten(fb, ctx, call) ? clientFor(fb, ctx, lookupParts(ctx, call)?.ws) : undefined;
          return ml ? `${ml}.online_endpoints.get(name=${name!.text})` : undefined;
        },
      ]),
    ),
    [MODEL_DEPLOY]: (fb, ref, ctx) => combine(fb, ref.call!, deployLifecycle(fb, ctx, ref.call!)),
    [DEPLOY_FROM_MODEL]: (fb, ref, ctx) => combine(fb, ref.call!, deployLifecycle(fb, ctx, ref.call!)),
    [INFERENCE_CONFIG]: deployInput,
    [IMAGE_CONFIG]: deployInput,
    [ACI_CONFIG]: deployInput,
    [AKS_CONFIG]: deployInput,
    [MODEL]: modelBuilder,
    [`${MODEL}.register`]: modelBuilder,
    [`${MODEL}.tags.get`]: modelPiece,
    [`${MODEL}.download`]: modelPiece,
    [`${MODEL}.get_model_path`]: getModelPath,
    [`${MODEL}.list`]: modelList,
    [SERVICE_LIST]: serviceList,
    ['azureml.core.Environment.list']: environmentList,
    [RUN_ENVIRONMENT]: runEnvironment,
  },
  attributes: {
    ...perServiceClass({ scoring_uri: servicePiece(scoringUri), swagger_uri: servicePiece(swaggerUri), state: servicePiece(), name: servicePiece(), tags: servicePiece(), description: servicePiece() }),
    ...Object.fromEntries([...MODEL_ATTRIBUTES, ...Object.keys(MODEL_RENAMED), 'id'].map((a): [string, Builder] => [`${MODEL}.${a}`, modelPiece])),
    'azureml.exceptions.WebserviceException': serviceHandler,
    [WEBSERVICES]: webservicesItem,
    ...Object.fromEntries(['CUSTOM', 'MULTI', 'ONNX', 'PYTORCH', 'SCIKITLEARN', 'TENSORFLOW'].map((f): [string, Builder] => [`${MODEL}.Framework.${f}`, frameworkPiece])),
  },
};
