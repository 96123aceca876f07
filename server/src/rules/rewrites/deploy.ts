/**
 * Rewrites to SDK v2 of Models, deployment (web services) and pipeline steps (AML108–AML110).
 * Each v2 shape is the one the migration guide documents (see the catalogue entry's URL).
 *
 * A v1 web service is looked up, keyed and deleted in v2 as the online endpoint of the same name
 * (DEP: "service.delete() → ml_client.online_endpoints.begin_delete(name)"). Not rewritten, on
 * purpose: `Model.deploy`, `InferenceConfig`, `*.deploy_configuration` (v2 needs an endpoint, a
 * deployment name and a VM SKU that v1 code does not name), `service.run` (v2 `invoke` reads a
 * request file), `service.get_logs` (v2 logs are per deployment), `wait_for_deployment` (the
 * wait belongs to the v2 create call), `Model.get_model_path` (the path under AZUREML_MODEL_DIR
 * depends on how the model was registered), `PipelineData` and `Pipeline` (node outputs and
 * pipeline jobs only exist as a whole `@dsl.pipeline`).
 */
import type { SyntaxNode } from '../../engine/syntax';
import type { Reference } from '../../engine/semantic/model';
import { bindArgs, callArgs, definingCall, type FixBuilder } from '../fixes';
import { nodeRange, type RuleContext } from '../rule';
import { kwargs, noArgs, receiver, variableFree, type Builder, type Rewrites } from './common';

/** Attributes a v2 `Model` has with the same meaning as on a v1 `Model` (v1 `id` is "name:version", v2 an ARM id). */
const MODEL_ATTRIBUTES = ['name', 'version', 'tags', 'description', 'properties'];
/** Attributes a v2 `OnlineEndpoint` has with the same meaning as on a v1 `Webservice`. */
const ENDPOINT_ATTRIBUTES = ['name', 'scoring_uri', 'tags', 'description'];
const SERVICE_CLASSES = ['azureml.core.webservice.Webservice', 'azureml.core.webservice.AciWebservice', 'azureml.core.webservice.AksWebservice'];

function calleeQname(ctx: RuleContext, call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  const v = fn && ctx.model.evaluate(fn);
  return v?.kind === 'ref' ? v.qname : undefined;
}

/** The name argument of `Webservice(ws, name)` (or `AciWebservice`/`AksWebservice`), if `call` is one. */
function serviceLookupName(ctx: RuleContext, call: SyntaxNode): SyntaxNode | undefined {
  const q = calleeQname(ctx, call);
  if (!q || !SERVICE_CLASSES.includes(q)) return undefined;
  return bindArgs(call, ['workspace', 'name'], ['workspace', 'name'])?.get('name');
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
    const q = calleeQname(ctx, made);
    if (q?.includes('LocalWebservice')) return undefined;
    if (q === 'azureml.core.Model.deploy') {
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

/** A service method with no arguments, rewritten from the endpoint name. */
function serviceMethod(v2: (ml: string, name: string) => string): Builder {
  return (fb, ref, ctx) => {
    const name = ref.call && noArgs(ref.call) ? endpointName(ctx, ref) : undefined;
    return name && v2(fb.mlClient(), name);
  };
}

/** v2 asset versions are strings: an integer literal becomes a string literal, anything else `str(...)`. */
function versionString(node: SyntaxNode): string {
  if (node.type === 'integer' && /^\d+$/.test(node.text)) return `"${node.text}"`;
  return node.type === 'string' ? node.text : `str(${node.text})`;
}

function modelGet(fb: FixBuilder, name: SyntaxNode, version: SyntaxNode | undefined): string {
  // MODEL/SDK: models.get needs a version or a label; v1 without a version means the latest.
  return `${fb.mlClient()}.models.get(name=${name.text}, ${version ? `version=${versionString(version)}` : 'label="latest"'})`;
}

/** The same builders for the methods of `Webservice`, `AciWebservice` and `AksWebservice` (reported under each class). */
function perServiceClass(methods: Record<string, Builder>): Record<string, Builder> {
  return Object.fromEntries(SERVICE_CLASSES.flatMap((c) => Object.entries(methods).map(([m, b]): [string, Builder] => [`${c}.${m}`, b])));
}

/**
 * v1 returns (primary, secondary); v2 get_keys returns EndpointAuthKeys with those two attributes
 * (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.operations.onlineendpointoperations).
 */
const getKeys: Builder = (fb, ref, ctx) => {
  const name = ref.call && noArgs(ref.call) ? endpointName(ctx, ref) : undefined;
  if (!name) return undefined;
  const keys = `${fb.mlClient()}.online_endpoints.get_keys(name=${name})`;
  // `svc.get_keys()[0]` reads one key: the subscript goes with the rewrite.
  const parent = ref.call!.parent;
  const index = parent?.type === 'subscript' && parent.childForFieldName('value')?.id === ref.call!.id ? parent.childForFieldName('subscript')?.text : undefined;
  if (parent && (index === '0' || index === '1')) {
    fb.replace({ start: nodeRange(ref.call!).end, end: nodeRange(parent).end }, '');
    return `${keys}.${index === '0' ? 'primary_key' : 'secondary_key'}`;
  }
  return `${fb.needModule('operator')}.attrgetter("primary_key", "secondary_key")(${keys})`;
};

/** A v2 online endpoint has the scoring URI of the service it replaces. */
const scoringUri: Builder = (fb, ref, ctx) => {
  // A `Webservice(ws, name)` variable becomes the endpoint itself once its other uses (get_keys,
  // delete) are rewritten: its scoring_uri then stays as written.
  const svc = receiver(ref);
  const made = svc?.type === 'identifier' ? definingCall(ctx, svc) : undefined;
  if (made && serviceLookupName(ctx, made) && variableFree(ctx, made, [...ENDPOINT_ATTRIBUTES, 'get_keys', 'delete'])) return undefined;
  const name = endpointName(ctx, ref);
  return name && `${fb.mlClient()}.online_endpoints.get(name=${name}).scoring_uri`;
};

export const DEPLOY: Rewrites = {
  calls: {
    ...perServiceClass({
      // DEP: service.delete() → online_endpoints.begin_delete(name); v1 delete waits, hence .result().
      delete: serviceMethod((ml, name) => `${ml}.online_endpoints.begin_delete(name=${name}).result()`),
      get_keys: getKeys,
    }),
    // Webservice(ws, name) gets an existing service: its v2 counterpart is the endpoint of that name.
    ...Object.fromEntries(
      SERVICE_CLASSES.map((q): [string, Builder] => [
        q,
        (fb, ref, ctx) => {
          const name = serviceLookupName(ctx, ref.call!);
          return name && variableFree(ctx, ref.call!, ENDPOINT_ATTRIBUTES) ? `${fb.mlClient()}.online_endpoints.get(name=${name.text})` : undefined;
        },
      ]),
    ),
    'azureml.core.Model': (fb, ref, ctx) => {
      // Model(ws, name[, version]) → models.get (catalogue: azure.ai.ml.MLClient.models.get).
      const args = bindArgs(ref.call!, ['workspace', 'name'], ['workspace', 'name', 'version']);
      const name = args?.get('name');
      return name && variableFree(ctx, ref.call!, MODEL_ATTRIBUTES) ? modelGet(fb, name, args!.get('version')) : undefined;
    },
    'azureml.core.Model.register': (fb, ref, ctx) => {
      // MODEL: Model.register(ws, model_path, model_name) → models.create_or_update(Model(...)).
      const args = bindArgs(ref.call!, ['workspace', 'model_path', 'model_name', 'tags', 'properties', 'description'], ['workspace', 'model_path', 'model_name', 'tags', 'properties', 'description']);
      if (!args?.get('model_name') || !args.get('model_path') || !variableFree(ctx, ref.call!, MODEL_ATTRIBUTES)) return undefined;
      const ml = fb.mlClient();
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
    },
  },
  attributes: perServiceClass({ scoring_uri: scoringUri }),
};
