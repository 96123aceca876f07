/**
 * Rewrites to SDK v2 of Experiments, runs and logging, environments, ScriptRunConfig, AutoML, widgets and the SDK version (AML102–AML104, AML111–AML113).
 * Each v2 shape is the one the migration guide documents (see the catalogue entry's URL).
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf, type Binding, type Reference, type SemanticModel } from '../../engine/semantic/model';
import { bindArgs, callArgs, definingCall, FixBuilder, stringValue } from '../fixes';
import type { RuleContext } from '../rule';
import { commandLine, kwargs, noArgs, receiver, SHARED_FIX_LIMIT, variableFree, type Builder, type Rewrites } from './common';

/** The qualified name a call's callee resolves to. */
function calleeOf(ctx: RuleContext, call: SyntaxNode | undefined): string | undefined {
  const fn = call?.childForFieldName('function');
  const v = fn ? ctx.model.evaluate(fn) : undefined;
  return v?.kind === 'ref' ? v.qname : undefined;
}

/** The call that made an object: the expression itself when it is a call, else the call its name was assigned from. */
function madeBy(ctx: RuleContext, node: SyntaxNode | undefined): SyntaxNode | undefined {
  if (!node) return undefined;
  return node.type === 'call' ? node : definingCall(ctx, node);
}

/** The binding `name = <call>` creates. */
function assignedBinding(ctx: RuleContext, call: SyntaxNode): Binding | undefined {
  const assign = call.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('right')?.id !== call.id) return undefined;
  const target = assign.childForFieldName('left');
  if (target?.type !== 'identifier') return undefined;
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  return list.find((b) => b.node.id === target.id) ?? ctx.model.resolveName(target.text, assign.nextNamedSibling ?? target);
}

/** The uses of the name a call is assigned to; [] for a call that is a whole statement; undefined otherwise. */
function usesOf(ctx: RuleContext, call: SyntaxNode): readonly SyntaxNode[] | undefined {
  if (call.parent?.type === 'expression_statement') return [];
  const b = assignedBinding(ctx, call);
  return b ? ctx.model.uses.get(b) ?? [] : undefined;
}

/** For a use `x`: the attribute `x.attr` it is the object of, its name, and the call `x.attr(...)` if any. */
function member(use: SyntaxNode): { attr: SyntaxNode; name: string; call?: SyntaxNode } | undefined {
  const attr = use.parent;
  if (attr?.type !== 'attribute' || attr.childForFieldName('object')?.id !== use.id) return undefined;
  const call = attr.parent?.type === 'call' && attr.parent.childForFieldName('function')?.id === attr.id ? attr.parent : undefined;
  return { attr, name: attr.childForFieldName('attribute')?.text ?? '', call };
}

/** A literal, or a name bound to the same value at `site` as where it is written. */
function sameAt(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  if (expr.type === 'string') return !expr.descendantsOfType('interpolation').length;
  if (expr.type === 'integer' || expr.type === 'float') return true;
  if (expr.type !== 'identifier') return false;
  const a = ctx.model.resolveName(expr.text, expr);
  return !!a && a === ctx.model.resolveName(expr.text, site);
}

/** A string literal's value, or that of a name assigned a string literal. */
function knownString(ctx: RuleContext, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return stringValue(node);
  if (node.type !== 'identifier') return undefined;
  const b = ctx.model.resolveName(node.text, node);
  const assign = b?.node.parent;
  if (b?.kind !== 'assign' || assign?.type !== 'assignment' || assign.childForFieldName('left')?.id !== b.node.id) return undefined;
  return stringValue(assign.childForFieldName('right') ?? undefined);
}

/**
 * An expression that may be a number: MLflow metrics take numbers only (the docs log strings
 * with log_text, as artifacts). Anything visibly a string, a collection or None is not.
 */
function maybeNumber(node: SyntaxNode): boolean {
  if (['string', 'concatenated_string', 'list', 'tuple', 'dictionary', 'set', 'none', 'list_comprehension', 'dictionary_comprehension', 'set_comprehension', 'generator_expression', 'lambda'].includes(node.type)) return false;
  if (node.type === 'parenthesized_expression') return node.namedChildren.every(maybeNumber);
  if (node.type === 'binary_operator') return node.namedChildren.every(maybeNumber);
  if (node.type === 'call') {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'identifier' && ['str', 'repr', 'list', 'dict', 'tuple', 'set'].includes(fn.text)) return false;
    if (fn?.type === 'attribute' && ['format', 'join', 'upper', 'lower', 'strip', 'replace'].includes(fn.childForFieldName('attribute')?.text ?? '')) return false;
  }
  return true;
}

/** Artifact file names made from a v1 metric name: plain names only. */
function plainName(s: string | undefined): s is string {
  return s !== undefined && /^[\w][\w .-]*$/.test(s);
}

// ---- Logging inside a training script: runs from Run.get_context() → MLflow (MLF) ----

/** The receiver is the script's own run (`Run.get_context()`), the run MLflow logs to inside a job. */
function contextRun(ctx: RuleContext, ref: Reference): boolean {
  return calleeOf(ctx, madeBy(ctx, receiver(ref))) === 'azureml.core.Run.get_context';
}

function onContextRun(build: Builder): Builder {
  return (fb, ref, ctx) => (contextRun(ctx, ref) ? build(fb, ref, ctx) : undefined);
}

/** `log_confusion_matrix(name, value)` and friends → `mlflow.log_dict(value, "<name>.json")` (MLF). */
const logDict: Builder = onContextRun((fb, ref) => {
  const args = bindArgs(ref.call!, ['name', 'value'], ['name', 'value']);
  const name = stringValue(args?.get('name'));
  const value = args?.get('value');
  return value && plainName(name) ? `${fb.needModule('mlflow')}.log_dict(${value.text}, ${JSON.stringify(`${name}.json`)})` : undefined;
});

/** Per model: references by the node that names them. */
const refIndex = new WeakMap<SemanticModel, Map<number, Reference>>();
function referenceAt(ctx: RuleContext, node: SyntaxNode): Reference | undefined {
  let index = refIndex.get(ctx.model);
  if (!index) {
    index = new Map(ctx.model.references.map((r) => [r.node.id, r]));
    refIndex.set(ctx.model, index);
  }
  return index.get(node.id);
}

/**
 * Every use of the run is a call this table rewrites to MLflow (so the run object is no longer
 * needed): those rewrites are added to `fb`, so the fix of `Run.get_context()` applied alone
 * never leaves `run.log(...)` on an MLflow run. False (and `fb` to be dropped) otherwise.
 */
function rewriteContextRunUses(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): boolean {
  const uses = usesOf(ctx, call);
  return !!uses && uses.every((use) => {
    const m = member(use);
    const ref = m?.call && referenceAt(ctx, m.attr);
    const build = ref && Object.prototype.hasOwnProperty.call(LOGGING, ref.qname) ? LOGGING[ref.qname] : undefined;
    const text = build && build(fb, ref!, ctx);
    if (text === undefined) return false;
    fb.replace(m!.call!, text);
    return true;
  });
}

const LOGGING: Record<string, Builder> = {
  // Numbers and booleans (as 1/0) → mlflow.log_metric; strings are not metrics in MLflow.
  'azureml.core.Run.log': onContextRun((fb, ref) => {
    const args = bindArgs(ref.call!, ['name', 'value', 'description', 'step'], ['name', 'value', 'step']);
    const name = args?.get('name');
    const value = args?.get('value');
    if (!name || !value || !maybeNumber(value)) return undefined;
    const v = value.type === 'true' ? '1' : value.type === 'false' ? '0' : value.text;
    const step = args!.get('step');
    return `${fb.needModule('mlflow')}.log_metric(${name.text}, ${v}${step ? `, step=${step.text}` : ''})`;
  }),
  'azureml.core.Run.log_image': onContextRun((fb, ref) => {
    const args = bindArgs(ref.call!, ['name', 'path', 'plot'], ['name', 'path']);
    const path = args?.get('path');
    return path && `${fb.needModule('mlflow')}.log_artifact(${path.text})`;
  }),
  // log_row("t", a=1, b=2) → mlflow.log_metrics({"t.a": 1, "t.b": 2}) (MLF).
  'azureml.core.Run.log_row': onContextRun((fb, ref) => {
    const a = callArgs(ref.call!);
    const nameNode = a.positional[0] ?? a.keywords.get('name');
    const name = stringValue(nameNode);
    if (a.splat || a.positional.length > 1 || a.keywords.has('description') || name === undefined || /["\\]/.test(name)) return undefined;
    const cols = [...a.keywords].filter(([k]) => k !== 'name');
    if (!cols.length || !cols.every(([, v]) => maybeNumber(v))) return undefined;
    return `${fb.needModule('mlflow')}.log_metrics({${cols.map(([k, v]) => `${JSON.stringify(`${name}.${k}`)}: ${v.text}`).join(', ')}})`;
  }),
  // log_table(name, dict) → the table as a JSON artifact (MLF: json.dump + log_artifact; log_dict does both).
  'azureml.core.Run.log_table': logDict,
  'azureml.core.Run.log_accuracy_table': logDict,
  'azureml.core.Run.log_confusion_matrix': logDict,
  'azureml.core.Run.log_predictions': logDict,
  'azureml.core.Run.log_residuals': logDict,
  // upload_file("dir/f.txt", "f.txt") → mlflow.log_artifact("f.txt", artifact_path="dir"): same artifact path.
  'azureml.core.Run.upload_file': onContextRun((fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['name', 'path_or_stream'], ['name', 'path_or_stream']);
    const name = knownString(ctx, args?.get('name'));
    const path = args?.get('path_or_stream');
    const local = knownString(ctx, path);
    if (!path || name === undefined || local === undefined || /\\/.test(name + local)) return undefined;
    const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
    const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/')).replace(/^\.\//, '') : '';
    if (!base(name) || base(name) !== base(local) || dir.startsWith('/') || dir.includes('..')) return undefined;
    return `${fb.needModule('mlflow')}.log_artifact(${path.text}${dir && dir !== '.' ? `, artifact_path=${JSON.stringify(dir)}` : ''})`;
  }),
};

// ---- Submitted runs → jobs (CMD): experiment.submit, and what is done with the run it returns ----

/** A v2 job object: made by an `azure.ai.ml` call (`command(...)`, `automl.classification(...)`). */
function v2Job(ctx: RuleContext, config: SyntaxNode): boolean {
  const q = calleeOf(ctx, madeBy(ctx, config));
  return !!q && sdkOf({ kind: 'ref', qname: q }) === 'v2';
}

interface Submission {
  call: SyntaxNode;
  edits: Map<SyntaxNode, string>;
}

/**
 * `run = Experiment(ws, name).submit(job)` and every use of `run`, rewritten together (one fix):
 * the run becomes the v2 job `create_or_update` returns, so each use must change with it.
 * Undefined unless the experiment's name, its workspace and every use of the run translate.
 */
function submission(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Submission | undefined {
  if (calleeOf(ctx, call) !== 'azureml.core.Experiment.submit') return undefined;
  const args = bindArgs(call, ['config'], ['config']);
  const config = args?.get('config');
  const fn = call.childForFieldName('function');
  const exp = fn?.type === 'attribute' ? fn.childForFieldName('object') ?? undefined : undefined;
  const expCall = madeBy(ctx, exp);
  if (!config || !exp || !expCall || calleeOf(ctx, expCall) !== 'azureml.core.Experiment') return undefined;
  const e = bindArgs(expCall, ['workspace', 'name'], ['workspace', 'name']);
  const ws = e?.get('workspace');
  const name = e?.get('name');
  if (!ws || !name || !sameAt(ctx, name, call) || !sameAt(ctx, ws, call)) return undefined;
  const edits = new Map<SyntaxNode, string>();
  // The job: a v2 one already, or a ScriptRunConfig this table rewrites in the same fix.
  if (!v2Job(ctx, config)) {
    const src = madeBy(ctx, config);
    const q = calleeOf(ctx, src);
    const text = src && q && Object.prototype.hasOwnProperty.call(JOB_CONFIGS, q) ? JOB_CONFIGS[q](fb, src, ctx) : undefined;
    if (!text || !src) return undefined;
    edits.set(src, text);
  }
  // The client of the experiment's workspace: an MLClient, or the one for the same config file.
  const wsValue = ctx.model.evaluate(ws);
  let client: string;
  if (wsValue?.kind === 'instance' && wsValue.type === 'azure.ai.ml.MLClient') client = ws.text;
  else {
    const made = madeBy(ctx, ws);
    if (!made || calleeOf(ctx, made) !== 'azureml.core.Workspace.from_config' || !noArgs(made)) return undefined;
    client = fb.mlClient();
  }
  const uses = usesOf(ctx, call);
  if (!uses) return undefined;
  for (const use of uses) {
    const m = member(use);
    if (m) {
      if (m.name === 'studio_url' && !m.call) continue;
      if (!m.call) return undefined;
      if (m.name === 'get_status' && noArgs(m.call)) edits.set(m.call, `${client}.jobs.get(${use.text}.name).status`);
      else if (m.name === 'get_portal_url' && noArgs(m.call)) edits.set(m.call, `${use.text}.studio_url`);
      // JobOperations.stream streams the logs until the job completes (SDK _job_operations.py).
      else if (m.name === 'wait_for_completion' && bindArgs(m.call, ['show_output', 'wait_post_processing'], ['show_output', 'wait_post_processing'])) edits.set(m.call, `${client}.jobs.stream(${use.text}.name)`);
      else return undefined;
      continue;
    }
    const holder = use.parent?.type === 'argument_list' ? use.parent.parent : undefined;
    if (use.parent?.type === 'expression_statement') continue; // a notebook cell showing the run
    if (holder?.type === 'call' && holder.childForFieldName('function')?.text === 'print' && ctx.model.resolveName('print', holder) === undefined) continue;
    // RunDetails(run).show() → stream the logs (no v2 widget is documented).
    const show = holder && calleeOf(ctx, holder) === 'azureml.widgets.RunDetails' && callArgs(holder).positional.length === 1 && !callArgs(holder).keywords.size ? holder.parent : undefined;
    const showCall = show?.type === 'attribute' && show.childForFieldName('attribute')?.text === 'show' && show.parent?.type === 'call' ? show.parent : undefined;
    if (!showCall || !noArgs(showCall)) return undefined;
    edits.set(showCall, `${client}.jobs.stream(${use.text}.name)`);
  }
  edits.set(call, `${client}.jobs.create_or_update(${config.text}, experiment_name=${name.text})`);
  // `exp = Experiment(ws, name)` used only here holds nothing but the experiment's name in v2.
  if (exp.type === 'identifier' && expCall.parent?.type === 'assignment' && usesOf(ctx, expCall)?.length === 1) edits.set(expCall, name.text);
  return { call, edits };
}

/** The fix of a finding that belongs to a submission: its own replacement, the other edits added to `fb`. */
function withSubmission(fb: FixBuilder, ctx: RuleContext, submit: SyntaxNode | undefined, target: SyntaxNode): string | undefined {
  // Shared by every use of the run: past SHARED_FIX_LIMIT uses, offered on the submit only.
  if (submit && target.id !== submit.id && (usesOf(ctx, submit)?.length ?? 0) > SHARED_FIX_LIMIT) return undefined;
  const s = submit && submission(fb, ctx, submit);
  const own = s && [...s.edits].find(([n]) => n.id === target.id);
  if (!s || !own) return undefined;
  for (const [n, text] of s.edits) if (n.id !== target.id) fb.replace(n, text);
  return own[1];
}

/** A method call on a submitted run: rewritten with its submission. */
const runUse: Builder = (fb, ref, ctx) => {
  const run = receiver(ref);
  return run?.type === 'identifier' ? withSubmission(fb, ctx, definingCall(ctx, run), ref.call!) : undefined;
};

/** The v2 `compute=` for a v1 compute target: a name as written, or a v1 compute object's `.name`; null when neither. */
function computeName(ctx: RuleContext, target: SyntaxNode | undefined): string | undefined | null {
  if (!target) return undefined;
  if (sdkOf(ctx.model.evaluate(target)) !== 'v1') return target.text;
  return target.type === 'identifier' ? `${target.text}.name` : null;
}

/** `ScriptRunConfig(...)` → `command(...)` (CMD), when every argument translates and the object is not used as a v1 one. */
function scriptRunConfig(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext): string | undefined {
  const args = bindArgs(call, ['source_directory', 'script', 'arguments'], ['source_directory', 'script', 'arguments', 'compute_target', 'environment']);
  const script = knownString(ctx, args?.get('script'));
  if (!args || !script || /["'\\{}$]/.test(script) || !variableFree(ctx, call, [])) return undefined;
  const parts = commandLine(script, args.get('arguments'));
  if (parts === undefined) return undefined;
  // A v1 environment object has no place in a v2 job (until it is rewritten); a v1 compute target's name is the v2 compute's.
  const env = args.get('environment');
  if (env && sdkOf(ctx.model.evaluate(env)) === 'v1') return undefined;
  const compute = computeName(ctx, args.get('compute_target'));
  if (compute === null) return undefined;
  const command = fb.need('azure.ai.ml', 'command');
  return `${command}(${kwargs([['code', args.get('source_directory')], ['command', JSON.stringify(parts)], ['environment', env], ['compute', compute]])})`;
}

/** `AutoMLConfig(task=...)` → `automl.<task>(...)` (AUTOML), when every argument translates and the object is not used as a v1 one. */
function autoMLConfig(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext): string | undefined {
  const accepted = ['task', 'training_data', 'validation_data', 'label_column_name', 'compute_target', 'primary_metric', 'n_cross_validations', 'experiment_name'];
  const args = bindArgs(call, [], accepted);
  const task = stringValue(args?.get('task'));
  if (!args || !task || !['classification', 'regression', 'forecasting'].includes(task) || !variableFree(ctx, call, [])) return undefined;
  // v2 AutoML takes MLTable inputs, not v1 datasets; a v1 compute target's name is the v2 compute's.
  if (['training_data', 'validation_data'].some((k) => args.has(k) && sdkOf(ctx.model.evaluate(args.get(k)!)) === 'v1')) return undefined;
  const compute = computeName(ctx, args.get('compute_target'));
  if (compute === null) return undefined;
  const automl = fb.need('azure.ai.ml', 'automl');
  return `${automl}.${task}(${kwargs([
    ['compute', compute],
    ['experiment_name', args.get('experiment_name')],
    ['training_data', args.get('training_data')],
    ['validation_data', args.get('validation_data')],
    ['target_column_name', args.get('label_column_name')],
    ['primary_metric', args.get('primary_metric')],
    ['n_cross_validations', args.get('n_cross_validations')],
  ])})`;
}

/** The object a call makes is passed to a v1 call (`exp.submit(src)`), which would get a v2 object. */
export function passedToV1(ctx: RuleContext, call: SyntaxNode): boolean {
  return (usesOf(ctx, call) ?? []).some((use) => {
    const list = use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent;
    return list?.type === 'argument_list' && sdkOf({ kind: 'ref', qname: calleeOf(ctx, list.parent ?? undefined) ?? '' }) === 'v1';
  });
}

/** Standalone, a job configuration is rewritten only when no v1 call gets it; a submission rewrites it along with the submit. */
function standalone(build: (fb: FixBuilder, call: SyntaxNode, ctx: RuleContext) => string | undefined): Builder {
  return (fb, ref, ctx) => (passedToV1(ctx, ref.call!) ? undefined : build(fb, ref.call!, ctx));
}

/** The v1 job configurations a submission rewrites along with it. */
const JOB_CONFIGS: Record<string, (fb: FixBuilder, call: SyntaxNode, ctx: RuleContext) => string | undefined> = {
  'azureml.core.ScriptRunConfig': scriptRunConfig,
  'azureml.train.automl.AutoMLConfig': autoMLConfig,
};

export const JOBS: Rewrites = {
  calls: {
    ...LOGGING,
    'azureml.core.Run.get_status': runUse,
    'azureml.core.Run.get_portal_url': runUse,
    'azureml.core.Run.wait_for_completion': runUse,
    'azureml.widgets.RunDetails.show': (fb, ref, ctx) => {
      const widget = receiver(ref);
      const run = widget?.type === 'call' ? callArgs(widget).positional[0] : undefined;
      return run?.type === 'identifier' ? withSubmission(fb, ctx, definingCall(ctx, run), ref.call!) : undefined;
    },
    'azureml.core.Experiment.submit': (fb, ref, ctx) => withSubmission(fb, ctx, ref.call, ref.call!),
    // v2 has no experiment object: once nothing uses it, `exp = Experiment(ws, "name")` keeps the name (CMD: experiment_name=).
    'azureml.core.Experiment': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['workspace', 'name'], ['workspace', 'name']);
      const name = args?.get('name');
      return name && ref.call!.parent?.type === 'assignment' && usesOf(ctx, ref.call!)?.length === 0 ? name.text : undefined;
    },
    // Only when every use of the run is a call this table rewrites to MLflow; the fix rewrites them too.
    'azureml.core.Run.get_context': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['allow_offline'], ['allow_offline']);
      const offline = args?.get('allow_offline');
      if (!args || (offline && offline.type !== 'true') || !rewriteContextRunUses(fb, ctx, ref.call!)) return undefined;
      return `${fb.needModule('mlflow')}.start_run()`;
    },
    'azureml.core.ScriptRunConfig': standalone(scriptRunConfig),
    'azureml.train.automl.AutoMLConfig': standalone(autoMLConfig),
  },
  attributes: {
    'azureml.core.VERSION': (fb) => `${fb.needModule('importlib.metadata')}.version("azure-ai-ml")`,
  },
};
