/**
 * Rewrites to SDK v2 of the v1 estimators (AML102): `Estimator`, `SKLearn`, `PyTorch`,
 * `TensorFlow`, `Chainer` → `command(...)`. Estimators were deprecated in v1 in favour of
 * ScriptRunConfig, with this mapping (EST,
 * https://learn.microsoft.com/azure/machine-learning/v1/how-to-migrate-from-estimators-to-scriptrunconfig):
 * `entry_script` → the script, `script_params={"--x": v}` → the arguments `["--x", v]`, the
 * environment options (`conda_packages`, `pip_packages`, the framework's image) → one Environment;
 * the v2 command is then what jobs.ts writes for a ScriptRunConfig (CMD: `code`, `command` with
 * `${{inputs.x}}` for variable arguments, `inputs`, `environment`, `compute`).
 *
 * The environment: `environment_definition=env` is rewritten by environment.ts (same fix); else
 * v1 built one from the default CPU image, `azureml-defaults` and the packages (for a framework
 * estimator, its framework at `framework_version`): the v2 `Environment` gets the image and a conda
 * dict of the same packages (the python version and channels environment.ts uses for v1's
 * default conda), marked `# amlint: review` (v1's framework images are private: EST says to pick
 * a curated environment instead). `distributed_training=Mpi(process_count_per_node=n)` with
 * `node_count=k` → `distribution=MpiDistribution(process_count_per_instance=n)`, `instance_count=k`.
 *
 * `max_run_duration_seconds=n` of an estimator submitted on its own (not swept) → the command's `timeout=n`.
 * `compute_target="local"` stays the string `"local"` (LOCAL: "Use the "local" string when setting the compute
 * target in either version", https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-local-runs).
 * The estimator is one piece of a lifecycle: `exp.submit(est)` (jobs.ts, through JOB_CONFIGS,
 * rewrites the submit and the run's uses) or `HyperDriveConfig(estimator=est)` (sweep.ts), or both
 * (its swept options then become inputs: sweep.ts `sweptOptions`). `script_params=` may be a name
 * assigned a dict literal used only there (the MLN notebooks' shape).
 * Also here: the findings of `rc = RunConfiguration()` and its `rc.target` / `rc.environment` offer
 * pipelines.ts's fix (a pipeline step's runconfig), else jobs.ts's (`ScriptRunConfig(run_config=rc)`):
 * this table is merged after pipelines.ts's, which has those keys. A run configuration that nothing runs with (only its
 * fields set, to names or literals, in one block that keeps another statement) is removed (unusedRunConfiguration).
 * `inputs=[ds.as_named_input("x")...]` (v1: read by the script through the run, no argument) → inputs passed as
 * `--x ${{inputs.x}}` with the notebook's `%%writefile` script reading the option (jobs.ts estimatorInputs; a
 * table input adds `mltable` to the estimator's own environment, refused with `environment_definition=`).
 * Not rewritten: `use_gpu=True` (the v2 GPU image is not documented as the v1 one), custom images
 * with `user_managed`, data `inputs=` of a .py driver (its script is not in the document), `vm_size`, `shm_size`, requirement files, environment variables,
 * other distributions, dataset values in `script_params` (`ds.as_mount()`: by hand), and estimators
 * used in other ways (`est.run_config...`) or given to other consumers.
 * Nothing is rewritten under a guarded azureml import (`try:` ... `except ImportError:`): import-guard.ts, for every area.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf } from '../../engine/semantic/model';
import { bindArgs, callArgs, definingCall, literalText, stringValue, type FixBuilder } from '../fixes';
import type { RuleContext } from '../rule';
import { assignedName, combined, declaredGlobal, kwargs, memberOf, onlyValue, qnameOf, receiver, same, usesOf, type Builder, type Edits, type Rewrites, soleUse } from './common';
import { environmentEdits } from './environment';
import { computeName, estimatorInputs, runConfigurationPiece as jobsRunConfigurationPiece, straightBindings } from './jobs';
import { pipelineFixFor } from './pipelines';
import { sweptOptions } from './sweep';

/** The estimator classes, with the pip package of their framework. */
export const ESTIMATOR_CLASSES: Record<string, string | undefined> = {
  'azureml.train.estimator.Estimator': undefined,
  'azureml.train.sklearn.SKLearn': 'scikit-learn',
  'azureml.train.dnn.PyTorch': 'torch',
  'azureml.train.dnn.TensorFlow': 'tensorflow',
  'azureml.train.dnn.Chainer': 'chainer',
};

/** The v1 default CPU image's v2 counterpart, as environment.ts and pipelines.ts write it. */
const DEFAULT_IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
const REVIEW = '  # amlint: review';
const SUBMIT = 'azureml.core.Experiment.submit';
const ACCEPTED = ['source_directory', 'compute_target', 'entry_script', 'script_params', 'node_count', 'distributed_training', 'use_gpu', 'use_docker', 'custom_docker_image', 'conda_packages', 'pip_packages', 'framework_version', 'environment_definition', 'inputs'];

/** `script_params={"--x": v, ...}` → command-line parts and inputs (jobs.ts `commandWithInputs`: a variable is `${{inputs.<option>}}`). */
function scriptParams(ctx: RuleContext, dict: SyntaxNode | undefined, asInputs?: Map<string, string>): { parts: string[]; inputs: Array<[string, string]> } | undefined {
  const parts: string[] = [];
  const inputs: Array<[string, string]> = [];
  if (!dict) return { parts, inputs };
  if (dict.type !== 'dictionary') return undefined;
  for (const pair of dict.namedChildren) {
    if (pair.type === 'comment') continue;
    const key = pair.type === 'pair' ? stringValue(pair.childForFieldName('key') ?? undefined) : undefined;
    const value = pair.childForFieldName('value');
    if (!key || !/^-{1,2}[A-Za-z][\w-]*$/.test(key) || !value) return undefined;
    parts.push(key);
    const lit = value.type === 'string' ? stringValue(value) : literalText(value);
    // A swept option: an input even when literal (its value as written), for the sweep to set.
    const swept = asInputs?.get(key);
    if (swept !== undefined && lit !== undefined) {
      if (inputs.some(([n]) => n === swept)) return undefined;
      inputs.push([swept, value.text]);
      parts.push(`\${{inputs.${swept}}}`);
      continue;
    }
    if (lit !== undefined) {
      if (!lit || /["'\\{}$\s]/.test(lit)) return undefined;
      parts.push(lit);
      continue;
    }
    // A variable's value becomes an input (EST: a script_params value is an argument as ScriptRunConfig's).
    if ((value.type !== 'identifier' && value.type !== 'attribute') || sdkOf(ctx.model.evaluate(value)) === 'v1') return undefined;
    const name = key.replace(/^-+/, '').replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
    if (inputs.some(([n]) => n === name)) return undefined;
    inputs.push([name, value.text]);
    parts.push(`\${{inputs.${name}}}`);
  }
  return { parts, inputs };
}

/**
 * `script_params=` as a dict literal, or a name assigned one (`script_params = {...}`, the MLN
 * notebooks' shape) used only here, whose value names mean the same at `call`; else the node itself
 * (which scriptParams rejects). The name's binding must be the one v1 reads whichever way the code ran:
 * bound once (common.ts onlyValue), or bound only by statements of one straight-line block holding the use
 * (jobs.ts straightBindings: the MLN notebooks bind `script_params` again before each estimator);
 * not a module name a function re-binds through `global` (declaredGlobal), nor one bound in branches
 * (`if fast: script_params = {...} else: script_params = {...}`: the use is the model's only for the last).
 */
function dictOf(ctx: RuleContext, node: SyntaxNode | undefined, call: SyntaxNode): SyntaxNode | undefined {
  if (node?.type !== 'identifier') return node;
  const b = ctx.model.resolveName(node.text, node);
  const assign = b?.kind === 'assign' ? b.node.parent : undefined;
  const dict = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) && assign.parent?.type === 'expression_statement' ? assign.childForFieldName('right') : undefined;
  if (dict?.type !== 'dictionary' || !soleUse(ctx, b!)) return node;
  const straight = straightBindings(ctx, b!, node) && !(b!.scope.kind === 'module' && declaredGlobal(ctx).has(node.text));
  if (!onlyValue(ctx, node) && !straight) return node;
  const names = dict.descendantsOfType('identifier');
  return names.every((n) => ctx.model.resolveName(n.text, n) === ctx.model.resolveName(n.text, call)) ? dict : node;
}

/** The items of a list literal, as written. */
function listItems(node: SyntaxNode | undefined): string[] | undefined {
  if (!node) return [];
  return node.type === 'list' ? node.namedChildren.filter((c) => c.type !== 'comment').map((c) => c.text) : undefined;
}

/** `"<package>==<version>"` for a framework version literal (`"1.6"` → `"torch==1.6.*"`: v1 picked the latest patch of that version). */
function pinned(pkg: string, version: SyntaxNode | undefined): string | undefined {
  if (!version) return JSON.stringify(pkg);
  const v = stringValue(version);
  if (!v || !/^\d+(\.\d+){0,2}$/.test(v)) return undefined;
  return JSON.stringify(`${pkg}==${v.split('.').length === 2 ? `${v}.*` : v}`);
}

/**
 * The v2 environment of an estimator: its `environment_definition` (environment.ts edits), or an
 * Environment of the image and packages v1 used, to review (EST "Define the training environment").
 */
function environmentOf(fb: FixBuilder, ctx: RuleContext, q: string, args: Map<string, SyntaxNode>, table = false): { text: string; edits: Edits; review: boolean } | undefined {
  const def = args.get('environment_definition');
  const own = ['conda_packages', 'pip_packages', 'custom_docker_image', 'framework_version'].filter((k) => args.has(k));
  if (def) {
    // A table input is read with mltable in v2 (how-to-mltable): a given environment may lack it.
    if (own.length || table) return undefined;
    const edits = sdkOf(ctx.model.evaluate(def)) === 'v1' ? environmentEdits(fb, ctx, def) : [];
    return edits && { text: def.text, edits, review: false };
  }
  const framework = ESTIMATOR_CLASSES[q];
  const conda = listItems(args.get('conda_packages'));
  const pip = listItems(args.get('pip_packages'));
  const fw = framework ? pinned(framework, args.get('framework_version')) : args.has('framework_version') ? undefined : '';
  const image = args.get('custom_docker_image');
  if (!conda || !pip || fw === undefined || (image && framework)) return undefined;
  // v1's default conda (environment.ts `baseConda`): python, azureml-defaults, then the packages.
  // With a table input, `mltable` too: the script loads it with mltable (how-to-mltable: https://learn.microsoft.com/azure/machine-learning/how-to-mltable).
  const deps = ['"python=3.8.13"', ...conda, `{"pip": [${['"azureml-defaults"', ...(fw ? [fw] : []), ...pip, ...(table ? ['"mltable"'] : [])].join(', ')}]}`];
  const entities = fb.needModule('azure.ai.ml.entities');
  const text = `${entities}.Environment(image=${image ? image.text : DEFAULT_IMAGE}, conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": [${deps.join(', ')}]})`;
  return { text, edits: [], review: true };
}

/** `distributed_training=Mpi(process_count_per_node=n)` (inline) and `node_count=k` → the v2 distribution and instance count (jobs.ts `distribution`). */
function distributionOf(fb: FixBuilder, ctx: RuleContext, args: Map<string, SyntaxNode>): { distribution?: string; count?: string } | undefined {
  const dist = args.get('distributed_training');
  const count = args.get('node_count');
  if (!dist) return count && count.text !== '1' ? undefined : {};
  if (dist.type !== 'call' || qnameOf(ctx, dist) !== 'azureml.train.dnn.Mpi') return undefined;
  const a = bindArgs(dist, ['process_count_per_node'], ['process_count_per_node']);
  if (!a || (count && count.type !== 'integer' && count.type !== 'identifier')) return undefined;
  return { distribution: `${fb.need('azure.ai.ml', 'MpiDistribution')}(process_count_per_instance=${a.get('process_count_per_node')?.text ?? '1'})`, count: count?.text };
}

/**
 * `Estimator(...)` → `command(...)`, with `extra` script options appended (HyperDrive's swept ones):
 * the command's text (with its review mark, to end the statement) and the edits it takes.
 */
export function estimatorCommand(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, extra: { parts: string[]; inputs: Array<[string, string]> } = { parts: [], inputs: [] }, asInputs?: Map<string, string>, standalone = false): { text: string; review: boolean; edits: Edits } | undefined {
  const q = qnameOf(ctx, call);
  if (!q || !Object.prototype.hasOwnProperty.call(ESTIMATOR_CLASSES, q)) return undefined;
  // `max_run_duration_seconds=` ("The maximum allowed time for the run. Azure ML will attempt to automatically cancel
  // the run if it takes longer than this value": azureml-train-core Estimator,
  // https://learn.microsoft.com/python/api/azureml-train-core/azureml.train.estimator.estimator) → command(timeout=)
  // ("The number in seconds, after which the job will be cancelled": azure-ai-ml entities/_builders/command_func.py),
  // as jobs.ts does for a ScriptRunConfig: only for an estimator submitted on its own (`standalone`), not swept.
  const args = bindArgs(call, ['source_directory'], standalone ? [...ACCEPTED, 'max_run_duration_seconds'] : ACCEPTED);
  const timeout = args?.get('max_run_duration_seconds');
  if (timeout?.type === 'none') return undefined;
  const script = stringValue(args?.get('entry_script'));
  if (!args || !args.get('source_directory') || !script || /["'\\{}$\s]/.test(script)) return undefined;
  // v1 defaults only: no GPU image, Docker on.
  if ((args.has('use_gpu') && args.get('use_gpu')!.type !== 'false') || (args.has('use_docker') && args.get('use_docker')!.type !== 'true')) return undefined;
  const params = scriptParams(ctx, dictOf(ctx, args.get('script_params'), call), asInputs);
  const compute = computeName(ctx, args.get('compute_target'));
  // `inputs=[ds.as_named_input("x")...]`: each an input passed as `--x ${{inputs.x}}`, the notebook's script reading it (jobs.ts estimatorInputs).
  if (!params || compute === null) return undefined;
  let env: ReturnType<typeof environmentOf>;
  let dist: ReturnType<typeof distributionOf>;
  let built = false;
  const rest = (table: boolean): boolean => {
    built = true;
    env = environmentOf(fb, ctx, q, args, table);
    dist = env && distributionOf(fb, ctx, args);
    return !!env && !!dist;
  };
  // No option or input given twice, the rest translating (a table only with the estimator's own environment,
  // environmentOf adds mltable): checked before the script's edits join the fix.
  const accept = (d: { parts: string[]; inputs: Array<[string, string]>; table: boolean }): boolean =>
    !d.parts.some((p) => p.startsWith('-') && (params.parts.includes(p) || extra.parts.includes(p))) && !d.inputs.some(([n]) => [...params.inputs, ...extra.inputs].some(([m]) => m === n)) && rest(d.table);
  const data = args.has('inputs') ? estimatorInputs(fb, ctx, call, args.get('source_directory'), script, args.get('inputs'), accept) : { parts: [], inputs: [], edits: [], table: false, review: false };
  if (!data || (!built && !rest(false)) || !env || !dist) return undefined;
  // Every swept option must be an input of the command (the name the input was given is the option's, or the variable's: check both).
  if (asInputs && [...asInputs].some(([flag, name]) => !params.inputs.some(([n]) => n === name) || params.parts[params.parts.indexOf(flag) + 1] !== `\${{inputs.${name}}}`)) return undefined;
  // A swept option the estimator passes already, or an input of the same name, would be given twice.
  if (extra.parts.some((p) => p.startsWith('-') && params.parts.includes(p)) || extra.inputs.some(([n]) => params.inputs.some(([m]) => m === n))) return undefined;
  const parts = ['python', script, ...params.parts, ...extra.parts, ...data.parts];
  const inputs = [...params.inputs, ...extra.inputs, ...data.inputs];
  const text = `${fb.need('azure.ai.ml', 'command')}(${kwargs([
    ['code', args.get('source_directory')],
    ['command', JSON.stringify(parts.join(' '))],
    ['inputs', inputs.length ? `{${inputs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}` : undefined],
    ['environment', env.text],
    ['compute', compute],
    ['distribution', dist.distribution],
    ['instance_count', dist.count],
    ['timeout', timeout],
  ])})`;
  return { text, review: env.review || data.review, edits: [...env.edits, ...data.edits] };
}

/** The statement `x = <call>` ends its line: a trailing `# amlint: review` can follow the call. */
function endsStatementLine(call: SyntaxNode): boolean {
  const stmt = call.parent?.parent;
  return !!assignedName(call) && stmt?.type === 'expression_statement' && stmt.endIndex === call.endIndex && (stmt.nextSibling?.startPosition.row ?? Infinity) > call.endPosition.row;
}

/** The command's text, its review mark after it when it needs one (undefined where no comment can go). */
export function withReview(call: SyntaxNode, cmd: { text: string; review: boolean }): string | undefined {
  if (!cmd.review) return cmd.text;
  return endsStatementLine(call) ? `${cmd.text}${REVIEW}` : undefined;
}

/**
 * JOB_CONFIGS (jobs.ts): the estimator of an `exp.submit(est)` → `command(...)` (EST + CMD); the
 * first edit replaces the call. Undefined when the estimator is used as a v1 object (`est.x`).
 */
export function estimatorConfig(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext): Edits | undefined {
  const target = assignedName(call);
  if (target && usesOf(ctx, target).some((u) => memberOf(u))) return undefined;
  // Also swept (sweep.ts hyperDriveConfig calls this command with search spaces): the swept options are inputs.
  const swept = sweptOptions(ctx, call);
  if (swept === null) return undefined;
  const swept2 = (target ? usesOf(ctx, target) : [call]).some((u) => /HyperDrive(Run)?Config$/.test(qnameOf(ctx, consumerOf(u)?.call) ?? ''));
  const cmd = estimatorCommand(fb, ctx, call, undefined, swept, !swept2);
  const text = cmd && withReview(call, cmd);
  return text === undefined ? undefined : [[call, text], ...cmd!.edits];
}

/** The call a use is an argument of (positional or `keyword=`), and the keyword. */
function consumerOf(use: SyntaxNode): { call: SyntaxNode; keyword?: string } | undefined {
  const kw = use.parent?.type === 'keyword_argument' && same(use.parent.childForFieldName('value'), use) ? use.parent : undefined;
  const list = (kw ?? use).parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  return call ? { call, keyword: kw?.childForFieldName('name')?.text } : undefined;
}

/**
 * The estimator's finding: the fix of its one consumer, `exp.submit(est)` (jobs.ts) or
 * `HyperDriveConfig(estimator=est)` (sweep.ts); alone when nothing consumes it.
 */
const estimator: Builder = (fb, ref, ctx) => {
  const call = ref.call!;
  const target = assignedName(call);
  const uses = target ? usesOf(ctx, target) : [call];
  const consumers = uses.map(consumerOf).filter((c) => c);
  // Submitted and swept (jobs.ts rewrites both in the fix of its first submit).
  const submit = consumers.find((c) => qnameOf(ctx, c!.call) === SUBMIT && !c!.keyword);
  if (submit && consumers.length > 1 && consumers.every((c) => (qnameOf(ctx, c!.call) === SUBMIT && !c!.keyword) || (/HyperDrive(Run)?Config$/.test(qnameOf(ctx, c!.call) ?? '') && c!.keyword === 'estimator'))) return fb.sameFixAs(submit.call);
  if (consumers.length === 1) {
    const c = consumers[0]!;
    const q = qnameOf(ctx, c.call);
    if (q === SUBMIT && (c.keyword ?? 'config') === 'config') return fb.sameFixAs(c.call);
    if ((q === 'azureml.train.hyperdrive.HyperDriveConfig' || q === 'azureml.train.hyperdrive.HyperDriveRunConfig') && c.keyword === 'estimator') return fb.sameFixAs(c.call);
    // An EstimatorStep's estimator: the pipeline's fix makes the step a command node and removes it (pipelines.ts).
    if (q === 'azureml.pipeline.steps.EstimatorStep' && c.keyword === 'estimator') return pipelineFixFor(fb, ctx, c.call);
    return undefined;
  }
  if (consumers.length || !target) return undefined;
  return combined(fb, call, estimatorConfig(fb, call, ctx));
};

/** `Mpi(...)` given inline as an estimator's `distributed_training=`: that estimator's fix. */
const mpiPiece: Builder = (fb, ref, ctx) => {
  const c = consumerOf(ref.call!);
  const q = c && qnameOf(ctx, c.call);
  return c?.keyword === 'distributed_training' && q && Object.prototype.hasOwnProperty.call(ESTIMATOR_CLASSES, q) ? fb.sameFixAs(c.call) : undefined;
};

/**
 * A run configuration's pieces: pipelines.ts's fix (steps given `runconfig=rc`), else jobs.ts's
 * (`ScriptRunConfig(run_config=rc)`). Here because this table is merged after pipelines.ts's,
 * which has these keys.
 */
const runConfigurationPiece: Builder = (fb, ref, ctx) => pipelineFixFor(fb, ctx, ref.call ?? ref.node) ?? jobsRunConfigurationPiece(fb, ref, ctx) ?? unusedRunConfiguration(fb, ref, ctx);

/** A value whose evaluation does nothing else: a name, a literal, `a.b` of names. */
function inert(node: SyntaxNode | null | undefined): boolean {
  if (!node) return false;
  if (['identifier', 'string', 'integer', 'float', 'true', 'false', 'none'].includes(node.type)) return node.type !== 'string' || !node.descendantsOfType('interpolation').length;
  return node.type === 'attribute' && inert(node.childForFieldName('object'));
}

/**
 * `rc = RunConfiguration()` that nothing runs with: its only uses set its fields (`rc.target = X`,
 * `rc.environment = env`, statements of their own whose values are names or literals). v1 applies a run
 * configuration only where it is given to a job or a step (azureml-core runconfig.py: a RunConfiguration is
 * the `run_config=` of a ScriptRunConfig, the `runconfig=` of a pipeline step); v2 has no such object (its
 * settings are the command's own, CMD), so there is nothing to make: its statements go, as data.ts removes an
 * unused dataset lookup. A field of a field (`rc.environment.docker.enabled = True`: it may change an
 * environment used elsewhere), a name bound twice, or a block that would be left empty: not rewritten.
 */
function unusedRunConfiguration(fb: FixBuilder, ref: Parameters<Builder>[1], ctx: RuleContext): string | undefined {
  const rc = ref.call ? undefined : receiver(ref);
  const call = ref.call ?? (rc?.type === 'identifier' ? definingCall(ctx, rc) : undefined);
  if (!call || qnameOf(ctx, call) !== 'azureml.core.RunConfiguration') return undefined;
  if (!ref.call) return fb.sameFixAs(call);
  const target = assignedName(call);
  const stmt = target ? call.parent?.parent : undefined;
  const args = callArgs(call);
  if (!target || !stmt || args.splat || ![...args.positional, ...args.keywords.values()].every(inert)) return undefined;
  if ((ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1) return undefined;
  const stmts: SyntaxNode[] = [stmt];
  for (const use of usesOf(ctx, target)) {
    const m = memberOf(use);
    const assign = m && !m.call ? m.attr.parent : undefined;
    if (assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), m!.attr) || assign.parent?.type !== 'expression_statement' || !inert(assign.childForFieldName('right'))) return undefined;
    stmts.push(assign.parent);
  }
  // (Every statement in one block, which keeps another statement: removeStatement writes `pass` only for a lone one.)
  const block = stmt.parent;
  if (!block || stmts.some((s) => !same(s.parent, block))) return undefined;
  if (block.type !== 'module' && block.namedChildren.filter((c) => c.type !== 'comment').length <= stmts.length) return undefined;
  const title = `Remove ${target.text}: an unused RunConfiguration (nothing runs with it)`;
  for (const s of stmts) fb.removeStatement(s, title);
  return '';
}

export const ESTIMATORS: Rewrites = {
  calls: {
    ...Object.fromEntries(Object.keys(ESTIMATOR_CLASSES).map((q) => [q, estimator])),
    'azureml.train.dnn.Mpi': mpiPiece,
    'azureml.core.RunConfiguration': runConfigurationPiece,
  },
  attributes: {
    'azureml.core.RunConfiguration.target': runConfigurationPiece,
    'azureml.core.RunConfiguration.environment': runConfigurationPiece,
    // (Only an unused RunConfiguration's, unusedRunConfiguration: pipelines.ts and jobs.ts rewrite none of these fields.)
    ...Object.fromEntries(['framework', 'node_count', 'data_references', 'communicator'].map((f) => [`azureml.core.RunConfiguration.${f}`, unusedRunConfiguration])),
  },
};
