/**
 * Rewrites of the v1 APIs real code uses most (ranked in the reference's real-world survey),
 * offered as suggestions on AML1xx findings. Each builder returns the replacement for the
 * call (or attribute) or undefined when the arguments cannot be translated faithfully.
 * The v2 shapes come from the catalogue's doc-backed mapping tables.
 */
import type { SyntaxNode } from '../engine/parser';
import type { Reference } from '../engine/semantic/model';
import { bindArgs, callArgs, definingCall, FixBuilder, literalText, stringValue } from './fixes';
import type { ModuleFix, RuleContext } from './rule';

type Builder = (fb: FixBuilder, ref: Reference, ctx: RuleContext) => string | undefined;

/** `key=value` for the arguments that exist, in order. */
function kwargs(pairs: Array<[string, SyntaxNode | string | undefined]>): string {
  return pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${typeof v === 'string' ? v : v!.text}`).join(', ');
}

/** The receiver of a method call: `run` in `run.wait_for_completion()`. */
function receiver(ref: Reference): SyntaxNode | undefined {
  return ref.node.type === 'attribute' ? ref.node.childForFieldName('object') ?? undefined : undefined;
}

function mlClientFromWorkspaceArgs(fb: FixBuilder, args: Map<string, SyntaxNode>): string {
  const client = fb.need('azure.ai.ml', 'MLClient');
  const cred = fb.need('azure.identity', 'DefaultAzureCredential');
  const rest = kwargs([
    ['subscription_id', args.get('subscription_id')],
    ['resource_group_name', args.get('resource_group')],
    ['workspace_name', args.get('workspace_name') ?? args.get('name')],
  ]);
  return `${client}(${cred}()${rest ? `, ${rest}` : ''})`;
}

/**
 * Turning a v1 workspace into an `MLClient` is right only when the variable holding it is not
 * used as a v1 workspace afterwards (`ws.get_default_datastore()`, `ws.name`): those uses would
 * silently change meaning. Passing it on as an argument is fine (those calls stay reported).
 */
function workspaceVariableFree(ctx: RuleContext, call: SyntaxNode): boolean {
  return variableFree(ctx, call, ['subscription_id']);
}

/** The call is a statement, or assigned to a name with no attribute uses except `allowed` ones. */
function variableFree(ctx: RuleContext, call: SyntaxNode, allowed: string[]): boolean {
  const assign = call.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('right')?.id !== call.id) return assign?.type === 'expression_statement';
  const target = assign.childForFieldName('left');
  if (target?.type !== 'identifier') return false;
  const binding = ctx.model.resolveName(target.text, assign.nextNamedSibling ?? target);
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  const mine = list.find((b) => b.node.id === target.id) ?? binding;
  return (ctx.model.uses.get(mine!) ?? []).every((use) => {
    const parent = use.parent;
    return !(parent?.type === 'attribute' && parent.childForFieldName('object')?.id === use.id && !allowed.includes(parent.childForFieldName('attribute')?.text ?? ''));
  });
}

/**
 * A workspace property read on a variable made by `Workspace.from_config()`: the `ml_client`
 * from the same config file names the same workspace, so its property is the same value.
 */
function workspaceProperty(v2: (ml: string) => string): Builder {
  return (fb, ref, ctx) => {
    const ws = receiver(ref);
    const made = ws && definingCall(ctx, ws);
    const fn = made?.childForFieldName('function');
    const callee = fn && ctx.model.evaluate(fn);
    if (!made || callee?.kind !== 'ref' || callee.qname !== 'azureml.core.Workspace.from_config' || callArgs(made).positional.length || callArgs(made).keywords.size) return undefined;
    return v2(fb.mlClient());
  };
}

/** Rewrites of attribute reads (not calls). */
const ATTRIBUTES = new Set(['azureml.core.VERSION', 'azureml.core.Workspace.name', 'azureml.core.Workspace.resource_group', 'azureml.core.Workspace.subscription_id', 'azureml.core.Workspace.location']);

/**
 * `python <script> <args>` for a v2 command, when the script name and every argument are plain
 * literals (no quoting needed); undefined otherwise (data inputs become `${{inputs.x}}`, by hand).
 */
function commandLine(script: string, list: SyntaxNode | undefined): string | undefined {
  if (/["'\\{}$\s]/.test(script)) return undefined;
  const parts = ['python', script];
  if (list) {
    if (list.type !== 'list') return undefined;
    for (const item of list.namedChildren) {
      const lit = item.type === 'string' ? stringValue(item) : literalText(item);
      if (lit === undefined || /["'\\{}$\s]/.test(lit)) return undefined;
      parts.push(lit);
    }
  }
  return parts.join(' ');
}

const BUILDERS: Record<string, Builder> = {
  'azureml.core.Workspace.name': workspaceProperty((ml) => `${ml}.workspace_name`),
  'azureml.core.Workspace.resource_group': workspaceProperty((ml) => `${ml}.resource_group_name`),
  'azureml.core.Workspace.subscription_id': workspaceProperty((ml) => `${ml}.subscription_id`),
  'azureml.core.Workspace.location': workspaceProperty((ml) => `${ml}.workspaces.get(${ml}.workspace_name).location`),
  'azureml.core.Run.get_status': (fb, ref) => {
    const run = receiver(ref);
    return run && !callArgs(ref.call!).positional.length && !callArgs(ref.call!).keywords.size ? `${fb.mlClient()}.jobs.get(${run.text}.name).status` : undefined;
  },
  'azureml.core.webservice.Webservice.delete': (fb, ref) => {
    const svc = receiver(ref);
    return svc && !callArgs(ref.call!).positional.length && !callArgs(ref.call!).keywords.size ? `${fb.mlClient()}.online_endpoints.begin_delete(name=${svc.text}.name)` : undefined;
  },
  'azureml.core.Workspace.from_config': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['path'], ['path']);
    if (!args || !workspaceVariableFree(ctx, ref.call!)) return undefined;
    const client = fb.need('azure.ai.ml', 'MLClient');
    const cred = fb.need('azure.identity', 'DefaultAzureCredential');
    return `${client}.from_config(${kwargs([['credential', `${cred}()`], ['path', args.get('path')]])})`;
  },
  'azureml.core.Workspace.get': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['name', 'auth', 'subscription_id', 'resource_group'], ['name', 'subscription_id', 'resource_group']);
    return args && workspaceVariableFree(ctx, ref.call!) ? mlClientFromWorkspaceArgs(fb, args) : undefined;
  },
  'azureml.core.Workspace': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['subscription_id', 'resource_group', 'workspace_name'], ['subscription_id', 'resource_group', 'workspace_name']);
    return args && workspaceVariableFree(ctx, ref.call!) ? mlClientFromWorkspaceArgs(fb, args) : undefined;
  },
  'azureml.core.Workspace.get_default_datastore': (fb, ref) => (callArgs(ref.call!).positional.length || callArgs(ref.call!).keywords.size ? undefined : `${fb.mlClient()}.datastores.get_default()`),
  'azureml.core.Datastore.get_default': (fb, ref) => (bindArgs(ref.call!, ['workspace'], ['workspace']) ? `${fb.mlClient()}.datastores.get_default()` : undefined),
  'azureml.core.Datastore.get': (fb, ref) => {
    const args = bindArgs(ref.call!, ['workspace', 'datastore_name'], ['workspace', 'datastore_name']);
    const name = args?.get('datastore_name');
    return name && `${fb.mlClient()}.datastores.get(name=${name.text})`;
  },
  'azureml.core.compute.ComputeTarget': (fb, ref) => {
    const args = bindArgs(ref.call!, ['workspace', 'name'], ['workspace', 'name']);
    const name = args?.get('name');
    return name && `${fb.mlClient()}.compute.get(${name.text})`;
  },
  'azureml.core.Dataset.get_by_name': (fb, ref) => {
    const args = bindArgs(ref.call!, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
    const name = args?.get('name');
    if (!args || !name) return undefined;
    const version = args.get('version');
    const which = !version || stringValue(version) === 'latest' ? 'label="latest"' : `version=${version.text}`;
    return `${fb.mlClient()}.data.get(name=${name.text}, ${which})`;
  },
  'azureml.core.Environment.get': (fb, ref) => {
    const args = bindArgs(ref.call!, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
    const name = args?.get('name');
    if (!args || !name) return undefined;
    const version = args.get('version');
    return `${fb.mlClient()}.environments.get(name=${name.text}, ${version ? `version=${version.text}` : 'label="latest"'})`;
  },
  'azureml.core.Run.wait_for_completion': (fb, ref) => {
    const run = receiver(ref);
    return run && `${fb.mlClient()}.jobs.stream(${run.text}.name)`;
  },
  'azureml.widgets.RunDetails.show': (fb, ref) => {
    const widget = receiver(ref);
    const run = widget?.type === 'call' ? callArgs(widget).positional[0] : undefined;
    return run && callArgs(widget!).positional.length === 1 ? `${fb.mlClient()}.jobs.stream(${run.text}.name)` : undefined;
  },
  'azureml.core.Experiment.submit': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['config'], ['config']);
    const config = args?.get('config');
    const exp = receiver(ref);
    if (!config || !exp) return undefined;
    // The experiment's name, from `exp = Experiment(ws, "name")` or `Experiment(ws, "name").submit(...)`.
    const expCall = exp.type === 'call' ? exp : definingCall(ctx, exp);
    const expArgs = expCall && bindArgs(expCall, ['workspace', 'name'], ['workspace', 'name']);
    const name = expArgs?.get('name');
    return `${fb.mlClient()}.jobs.create_or_update(${config.text}${name ? `, experiment_name=${name.text}` : ''})`;
  },
  // Only once the run object has no v1 uses left (they are rewritten first, to mlflow calls).
  'azureml.core.Run.get_context': (fb, ref, ctx) => (callArgs(ref.call!).positional.length || callArgs(ref.call!).keywords.size || !variableFree(ctx, ref.call!, []) ? undefined : `${fb.needModule('mlflow')}.start_run()`),
  'azureml.core.Run.log': (fb, ref) => {
    const args = bindArgs(ref.call!, ['name', 'value', 'description'], ['name', 'value']);
    const name = args?.get('name');
    const value = args?.get('value');
    // Strings are artifacts in MLflow (log_text), not metrics: only numbers/bools become metrics.
    if (!name || !value || value.type === 'string' || value.type === 'concatenated_string') return undefined;
    return `${fb.needModule('mlflow')}.log_metric(${name.text}, ${value.text})`;
  },
  'azureml.core.Run.log_image': (fb, ref) => {
    const args = bindArgs(ref.call!, ['name', 'path', 'plot'], ['name', 'path']);
    const path = args?.get('path');
    return path && `${fb.needModule('mlflow')}.log_artifact(${path.text})`;
  },
  'azureml.core.VERSION': (fb) => `${fb.needModule('importlib.metadata')}.version("azure-ai-ml")`,
  'azureml.core.ScriptRunConfig': (fb, ref) => {
    const args = bindArgs(ref.call!, ['source_directory', 'script', 'arguments'], ['source_directory', 'script', 'arguments', 'compute_target', 'environment']);
    const script = stringValue(args?.get('script'));
    if (!args || !script || /["'\\{}$]/.test(script)) return undefined;
    const parts = commandLine(script, args.get('arguments'));
    if (parts === undefined) return undefined;
    const command = fb.need('azure.ai.ml', 'command');
    return `${command}(${kwargs([['code', args.get('source_directory')], ['command', JSON.stringify(parts)], ['environment', args.get('environment')], ['compute', args.get('compute_target')]])})`;
  },
  'azureml.pipeline.steps.PythonScriptStep': (fb, ref) => {
    // A step that only runs a script on a compute becomes a command node (PIPE: PythonScriptStep →
    // command); steps with inputs/outputs or run configurations are left to the user.
    const args = bindArgs(ref.call!, ['script_name', 'name', 'arguments', 'compute_target'], ['script_name', 'name', 'arguments', 'compute_target', 'source_directory']);
    const script = stringValue(args?.get('script_name'));
    const parts = args && script ? commandLine(script, args.get('arguments')) : undefined;
    if (!args || !parts) return undefined;
    const command = fb.need('azure.ai.ml', 'command');
    return `${command}(${kwargs([['display_name', args.get('name')], ['code', args.get('source_directory')], ['command', JSON.stringify(parts)], ['compute', args.get('compute_target')]])})`;
  },
  'azureml.core.Environment.from_conda_specification': (fb, ref) => {
    // ENV2: a v2 conda environment always needs a base image. The entity is reached through its
    // module so it cannot collide with the v1 `Environment` still imported here.
    const args = bindArgs(ref.call!, ['name', 'file_path'], ['name', 'file_path']);
    if (!args?.get('name') || !args.get('file_path')) return undefined;
    const entities = fb.needModule('azure.ai.ml.entities');
    return `${entities}.Environment(${kwargs([['name', args.get('name')], ['conda_file', args.get('file_path')], ['image', '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"']])})`;
  },
  'azureml.core.Model.register': (fb, ref) => {
    // MODEL: Model.register(ws, model_name, model_path) → models.create_or_update(Model(...)).
    const args = bindArgs(ref.call!, ['workspace', 'model_path', 'model_name'], ['workspace', 'model_path', 'model_name', 'description']);
    if (!args?.get('model_name') || !args.get('model_path')) return undefined;
    const ml = fb.mlClient();
    const entities = fb.needModule('azure.ai.ml.entities');
    const constants = fb.needModule('azure.ai.ml.constants');
    return `${ml}.models.create_or_update(${entities}.Model(${kwargs([['name', args.get('model_name')], ['path', args.get('model_path')], ['description', args.get('description')], ['type', `${constants}.AssetTypes.CUSTOM_MODEL`]])}))`;
  },
  'azureml.train.automl.AutoMLConfig': (fb, ref) => {
    const accepted = ['task', 'training_data', 'validation_data', 'label_column_name', 'compute_target', 'primary_metric', 'n_cross_validations', 'experiment_name'];
    const args = bindArgs(ref.call!, [], accepted);
    const task = stringValue(args?.get('task'));
    if (!args || !task || !['classification', 'regression', 'forecasting'].includes(task)) return undefined;
    const automl = fb.need('azure.ai.ml', 'automl');
    return `${automl}.${task}(${kwargs([
      ['compute', args.get('compute_target')],
      ['experiment_name', args.get('experiment_name')],
      ['training_data', args.get('training_data')],
      ['validation_data', args.get('validation_data')],
      ['target_column_name', args.get('label_column_name')],
      ['primary_metric', args.get('primary_metric')],
      ['n_cross_validations', args.get('n_cross_validations')],
    ])})`;
  },
};

/** The suggestion for one AML1xx reference, if a rewrite exists for it. */
export function v1Fix(ctx: RuleContext, ref: Reference): ModuleFix | undefined {
  const build = Object.prototype.hasOwnProperty.call(BUILDERS, ref.qname) ? BUILDERS[ref.qname] : undefined;
  if (!build) return undefined;
  const target = ref.call ?? (ref.node.type === 'attribute' ? ref.node : undefined);
  // Calls are rewritten whole; attribute reads only where a builder is meant for them.
  if (!target || (ref.call === undefined) !== ATTRIBUTES.has(ref.qname)) return undefined;
  const fb = new FixBuilder(ctx, target.startIndex);
  const text = build(fb, ref, ctx);
  if (!text) return undefined;
  fb.replace(target, text);
  return fb.build(`Rewrite as SDK v2: ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`, 'suggestion');
}

/** How many v1 APIs have a rewrite (for docs and tests). */
export const REWRITTEN_APIS: readonly string[] = Object.keys(BUILDERS);
