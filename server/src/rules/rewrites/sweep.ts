/**
 * Rewrites to SDK v2 of HyperDrive (AML111) as sweep jobs, following HD
 * (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-hyperdrive): the
 * command's search-space inputs, then `command(...).sweep(...)`.
 *
 * One lifecycle, offered on each piece's finding: `HyperDriveConfig(run_config=src, ...)` submitted
 * by `exp.submit(hd_config)` (jobs.ts rewrites the submit and the run's uses; this file gives it the
 * configuration through JOB_CONFIGS) together with
 * - the `ScriptRunConfig` → `command(...)` (CMD), with each swept script option appended to the
 *   command line as `--opt ${{inputs.opt}}` (v1 HyperDrive passed `--opt <value>` itself) and its
 *   distribution as that input's value (HD puts `Uniform(...)`/`Choice(...)` in `inputs=`);
 * - `Random/Grid/BayesianParameterSampling({...})` → `sampling_algorithm="random"/"grid"/"bayesian"`;
 * - v1 parameter expressions → the `azure.ai.ml.sweep` classes of the same parameters (v1 and v2
 *   log distributions both take the bounds of the logarithm: SDK `search_space.py`);
 * - `BanditPolicy/MedianStoppingPolicy/TruncationSelectionPolicy` → the `azure.ai.ml.sweep` classes
 *   (keyword-only there; v1's default `evaluation_interval=1` is stated, v2's default is 0);
 * - `primary_metric_name/_goal`, `max_total_runs`, `max_concurrent_runs`, `max_duration_minutes`
 *   → `primary_metric`, `goal="Maximize"/"Minimize"`, `max_total_trials`, `max_concurrent_trials`,
 *   `timeout` (seconds): parameters of `Command.sweep` (SDK `entities/_builders/command.py`).
 * A sampling key without dashes (`"learning_rate"`) is the script option `--learning_rate` (v1 docs).
 * A swept option the ScriptRunConfig's arguments already pass once with a literal (`"--kernel", "linear"`) stays
 * there, the sampled one appended after it (v1 sent a ScriptRunConfig's arguments unchanged: jobs.ts scriptRunCommand).
 * The parameter space may be a dictionary bound once to a name read only by the sampling (its statement goes);
 * distribution bounds may be literals, names, arithmetic, `math.log(...)`-like calls and calls of a lambda
 * (`pureAt`). When they only mean the same at the HyperDriveConfig (a lambda bound after the ScriptRunConfig),
 * the command is written there and the ScriptRunConfig statement goes (`moved`).
 * `estimator=est` (a v1 estimator: estimators.ts `estimatorCommand`, EST) is swept as the ScriptRunConfig is;
 * the command is written by jobs.ts `scriptRunCommand` / estimators.ts (v1 defaults stated: `compute="local"`,
 * the docs' image to review).
 * A configuration also submitted on its own (`exp.submit(est)`, the MLN notebooks' pattern) stays one
 * command, its swept options made inputs (`sweptOptions`), and the sweep calls it with the search spaces:
 * `est(kernel=Choice(...)).sweep(...)` (azure.ai.ml.sweep reference example, `job_for_sweep = job(...)`);
 * jobs.ts rewrites both submits and their runs in one fix. Only when every swept option is among its
 * arguments (else the submitted command has no input for it); a ScriptRunConfig that does not pass them all
 * stays its own command when submitted, and the sweep gets another one, the same arguments with the swept
 * options appended (as v1 HyperDrive appended them), when every name it reads means the same at the HyperDriveConfig.
 * The best trial, `best = hd_run.get_best_run_by_primary_metric()`: `bestRunEdit` (jobs.ts rewrites its uses).
 * Pieces nothing runs (study notes): a search space read by nothing, or only by `s = GridParameterSampling(space)`
 * whose name nothing reads → the v2 search space (input names → distributions, the keys `--<name>` only) and
 * `s = "grid"` (orphanSpaceEdits); a policy bound to a name nothing reads → its `azure.ai.ml.sweep` class (policyPiece).
 * Not rewritten: keys that are no option name (`"learning rate"`), `properties=` (Sobol), positional policy
 * arguments, a ScriptRunConfig whose jobs.ts command is refused (`run_config=` beyond a `RunConfiguration()`
 * given its target/environment, `distributed_job_config=` forms it does not write), HyperDriveStep (pipelines.ts),
 * a HyperDriveConfig returned or otherwise not submitted here (its caller submits a v1 object),
 * and runs whose children are read otherwise (`get_children`, `get_children_sorted_by_primary_metric`:
 * no verified v2 form; `get_metrics`: every child's in v1), and the best trial's
 * `get_details()['runDefinition']['arguments']` (no documented v2 or MLflow read of a trial's sampled
 * values or resolved command line).
 * The `ScriptRunConfig` entry here replaces jobs.ts's in the merged table (SWEEP follows JOBS in
 * AREAS): given to a HyperDriveConfig it offers that fix, otherwise it is jobs.ts's builder.
 * Nothing is rewritten under a guarded azureml import (`try:` ... `except ImportError:`): import-guard.ts, for every area.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { bindArgs, callArgs, definingCall, stringValue, type FixBuilder } from '../fixes';
import type { RuleContext } from '../rule';
import { assignedName, combined, kwargs, memberOf, noArgs, onlyValue, otherBindings, qnameOf, same, statementLines, usesOf, writtenElsewhere, type Builder, type Edits, type Rewrites } from './common';
import { ESTIMATOR_CLASSES, estimatorCommand, withReview } from './estimators';
import { JOBS, listOfName, namesSameAt, scriptRunCommand } from './jobs';

const HD = 'azureml.train.hyperdrive.';
const SRC = 'azureml.core.ScriptRunConfig';
const SUBMIT = 'azureml.core.Experiment.submit';

/** The HyperDrive name of a qualified name (`azureml.train.hyperdrive.sampling.RandomParameterSampling` → `RandomParameterSampling`). */
function hdName(q: string | undefined): string | undefined {
  return q?.startsWith(HD) ? q.slice(q.lastIndexOf('.') + 1) : undefined;
}

const SAMPLING: Record<string, string> = { RandomParameterSampling: 'random', GridParameterSampling: 'grid', BayesianParameterSampling: 'bayesian' };

/** v1 parameter expressions → v2 classes, with their (identical) parameter names (HD; SDK `sweep/search_space.py`). */
const DISTRIBUTIONS: Record<string, [string, string[]]> = {
  randint: ['Randint', ['upper']],
  uniform: ['Uniform', ['min_value', 'max_value']],
  quniform: ['QUniform', ['min_value', 'max_value', 'q']],
  loguniform: ['LogUniform', ['min_value', 'max_value']],
  qloguniform: ['QLogUniform', ['min_value', 'max_value', 'q']],
  normal: ['Normal', ['mu', 'sigma']],
  qnormal: ['QNormal', ['mu', 'sigma', 'q']],
  lognormal: ['LogNormal', ['mu', 'sigma']],
  qlognormal: ['QLogNormal', ['mu', 'sigma', 'q']],
};

/** v1 policies → v2 keyword parameters; v1 defaults evaluation_interval to 1 (azureml-train-core), v2 Bandit/Truncation to 0. */
const POLICIES: Record<string, string[]> = {
  BanditPolicy: ['evaluation_interval', 'slack_factor', 'slack_amount', 'delay_evaluation'],
  MedianStoppingPolicy: ['evaluation_interval', 'delay_evaluation'],
  TruncationSelectionPolicy: ['truncation_percentage', 'evaluation_interval', 'delay_evaluation'],
  NoTerminationPolicy: [],
};

/** The HyperDriveConfig parameters rewritten. */
const ACCEPTED = ['run_config', 'estimator', 'hyperparameter_sampling', 'policy', 'primary_metric_name', 'primary_metric_goal', 'max_total_runs', 'max_concurrent_runs', 'max_duration_minutes'];

/** The call that made an object: the expression itself when it is a call, else the call its name was assigned from. */
function madeBy(ctx: RuleContext, node: SyntaxNode | undefined): SyntaxNode | undefined {
  if (!node) return undefined;
  return node.type === 'call' ? node : definingCall(ctx, node);
}

/** A literal, or a name bound to the same value at `site` as where it is written (jobs.ts `sameAt`). */
function sameAt(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  if (expr.type === 'string') return !expr.descendantsOfType('interpolation').length;
  if (['integer', 'float', 'true', 'false', 'none'].includes(expr.type)) return true;
  if (expr.type === 'unary_operator' || expr.type === 'list' || expr.type === 'tuple' || expr.type === 'parenthesized_expression') return expr.namedChildren.every((c) => sameAt(ctx, c, site));
  if (expr.type !== 'identifier') return false;
  const a = ctx.model.resolveName(expr.text, expr);
  return !!a && a === ctx.model.resolveName(expr.text, site);
}

/**
 * sameAt, or arithmetic on such values: `math.log(1e-4)` (the `math` module imported), a call of a lambda
 * bound once (`convert = lambda x: ...`), `+ - * / **`: values of a search space computed the same at `site`
 * (the v1 code's `loguniform(math.log(1e-4), math.log(1e-1))`, whose bounds are logarithms: HD).
 */
function pureAt(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  if (sameAt(ctx, expr, site)) return true;
  if (expr.type === 'parenthesized_expression' || expr.type === 'unary_operator') return expr.namedChildren.every((c) => pureAt(ctx, c, site));
  if (expr.type === 'binary_operator') return ['+', '-', '*', '/', '**'].includes(expr.childForFieldName('operator')?.type ?? '') && pureAt(ctx, expr.childForFieldName('left')!, site) && pureAt(ctx, expr.childForFieldName('right')!, site);
  if (expr.type !== 'call') return false;
  const a = callArgs(expr);
  if (a.splat || a.keywords.size || !a.positional.every((p) => pureAt(ctx, p, site))) return false;
  const fn = expr.childForFieldName('function');
  if (fn?.type === 'attribute') {
    const obj = fn.childForFieldName('object');
    const b = obj?.type === 'identifier' && obj.text === 'math' ? ctx.model.resolveName('math', obj) : undefined;
    return !!b && b.kind === 'import' && b === ctx.model.resolveName('math', site) && /^(log|log10|log2|exp|sqrt|pow)$/.test(fn.childForFieldName('attribute')?.text ?? '');
  }
  if (fn?.type !== 'identifier' || !sameAt(ctx, fn, site)) return false;
  return onlyValue(ctx, fn)?.type === 'lambda';
}

/** A v1 object given (inline, or through a name used only there) as the argument `arg`: its call, and whether it came through a name. */
function argObject(ctx: RuleContext, arg: SyntaxNode | undefined, site: SyntaxNode): { call: SyntaxNode; named: boolean } | undefined {
  const call = madeBy(ctx, arg);
  if (!arg || !call) return undefined;
  if (arg.type === 'call') return { call, named: false };
  const target = assignedName(call);
  const uses = target ? usesOf(ctx, target) : [];
  return target && uses.length === 1 && same(uses[0], arg) && sameAt(ctx, arg, site) ? { call, named: true } : undefined;
}

/**
 * A sampling's parameter space: the dictionary written in the call, or (`space = {...}` then
 * `GridParameterSampling(space)`) the one a name is bound to once, in a statement alone on its lines
 * with others in its block, read only there; that statement goes with the rewrite (`stmt`).
 */
function spaceOf(ctx: RuleContext, sampling: SyntaxNode): { dict: SyntaxNode; stmt?: SyntaxNode } | undefined {
  const space = bindArgs(sampling, ['parameter_space', 'properties'], ['parameter_space'])?.get('parameter_space');
  if (space?.type === 'dictionary') return { dict: space };
  if (space?.type !== 'identifier') return undefined;
  const dict = onlyValue(ctx, space);
  if (!dict || (ctx.model.uses.get(ctx.model.resolveName(space.text, space)!) ?? []).length !== 1) return undefined;
  const stmt = dict.parent!.parent;
  const block = stmt?.parent;
  if (dict?.type !== 'dictionary' || stmt?.type !== 'expression_statement' || !block || !statementLines(ctx, stmt)) return undefined;
  return block.namedChildren.filter((n) => n.type !== 'comment').length > 1 ? { dict, stmt } : undefined;
}

/** The sampling call a parameter space dictionary is given to (written there, or through its name: spaceOf). */
function samplingOfSpace(ctx: RuleContext, dict: SyntaxNode): SyntaxNode | undefined {
  let arg: SyntaxNode | null = dict;
  const assign = dict.parent;
  if (assign?.type === 'assignment' && same(assign.childForFieldName('right'), dict)) {
    const left = assign.childForFieldName('left');
    const uses = left?.type === 'identifier' ? usesOf(ctx, left) : [];
    arg = uses.length === 1 ? uses[0] : null;
  }
  const holder = arg?.parent?.type === 'keyword_argument' ? arg.parent : arg;
  const call = holder?.parent?.type === 'argument_list' ? holder.parent.parent : undefined;
  return call && SAMPLING[hdName(qnameOf(ctx, call)) ?? ''] && same(spaceOf(ctx, call)?.dict, dict) ? call : undefined;
}

/** `choice(16, 32)` / `choice([16, 32])` / `uniform(0.1, 1)` ... → the v2 distribution, its values meaning the same at `site`. */
function distribution(fb: FixBuilder, ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): string | undefined {
  const name = expr.type === 'call' ? hdName(qnameOf(ctx, expr)) : undefined;
  if (!name) return undefined;
  const a = callArgs(expr);
  if (a.splat) return undefined;
  const values = [...a.positional, ...a.keywords.values()];
  if (name === 'choice') {
    // v1 choice(*options): one list or range argument is the list of options (v1 how-to-tune-hyperparameters-v1,
    // "Discrete hyperparameters"); a range becomes the list it stands for.
    if (a.keywords.size || !a.positional.length) return undefined;
    const one = a.positional.length === 1 ? a.positional[0] : undefined;
    const range = one?.type === 'call' && one.childForFieldName('function')?.text === 'range' && !ctx.model.resolveName('range', one) && callArgs(one).positional.every((p) => sameAt(ctx, p, site)) && !callArgs(one).keywords.size && !callArgs(one).splat;
    if (!range && !a.positional.every((v) => sameAt(ctx, v, site))) return undefined;
    if (one && !range && !['list', 'integer', 'float', 'string', 'true', 'false', 'unary_operator'].includes(one.type)) return undefined;
    const list = one?.type === 'list' ? one.text : range ? `list(${one!.text})` : `[${a.positional.map((p) => p.text).join(', ')}]`;
    return `${fb.need('azure.ai.ml.sweep', 'Choice')}(values=${list})`;
  }
  if (!values.every((v) => pureAt(ctx, v, site))) return undefined;
  const spec = Object.prototype.hasOwnProperty.call(DISTRIBUTIONS, name) ? DISTRIBUTIONS[name] : undefined;
  const args = spec && bindArgs(expr, spec[1], spec[1]);
  if (!spec || !args || args.size !== spec[1].length) return undefined;
  return `${fb.need('azure.ai.ml.sweep', spec[0])}(${kwargs(spec[1].map((p) => [p, args.get(p)]))})`;
}

/**
 * The script option HyperDrive passes for a sampling key, and the v2 input named after it
 * (`--learning-rate` → `learning_rate`, as jobs.ts names inputs). A key without dashes is passed
 * as `--<key>` (https://learn.microsoft.com/azure/machine-learning/v1/how-to-tune-hyperparameters-v1,
 * "Configure hyperparameter tuning experiment": key `learning_rate`, script option `--learning_rate`).
 */
function optionOf(key: string): { flag: string; name: string } | undefined {
  const flag = /^[A-Za-z_][\w-]*$/.test(key) ? `--${key}` : key;
  if (!/^-{1,2}[A-Za-z_][\w-]*$/.test(flag)) return undefined;
  const name = flag.replace(/^-+/, '').replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
  return /^[a-z_][a-z0-9_]*$/.test(name) ? { flag, name } : undefined;
}

/** A swept script option: its flag, input name and v2 distribution. */
interface Swept {
  flag: string;
  name: string;
  value: string;
}

/**
 * A ScriptRunConfig → `command(...)` as jobs.ts writes it (CMD: its v1 defaults stated, `compute="local"`,
 * the docs' image to review) with the swept options appended and their distributions as inputs (HD).
 */
function sweptCommand(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, swept: Swept[]): { text: string; edits: Edits } | undefined {
  const edits = scriptRunCommand(fb, call, ctx, { parts: swept.flatMap((s) => [s.flag, `\${{inputs.${s.name}}}`]), inputs: swept.map((s): [string, string] => [s.name, s.value]) });
  return edits && same(edits[0][0], call) ? { text: edits[0][1], edits: edits.slice(1) } : undefined;
}

/**
 * An estimator given as `estimator=` (EST: its script_params are arguments) → `command(...)` with the
 * swept options appended as for a ScriptRunConfig; its review mark (a guessed environment) can only
 * end the `est = Estimator(...)` statement, so an inline estimator needing one is not rewritten.
 */
function estimatorSweep(fb: FixBuilder, ctx: RuleContext, run: { call: SyntaxNode; named: boolean }, swept: Swept[]): { text: string; edits: Edits } | undefined {
  const cmd = estimatorCommand(fb, ctx, run.call, { parts: swept.flatMap((s) => [s.flag, `\${{inputs.${s.name}}}`]), inputs: swept.map((s): [string, string] => [s.name, s.value]) });
  const text = cmd && (run.named ? withReview(run.call, cmd) : cmd.review ? undefined : cmd.text);
  if (!cmd || text === undefined) return undefined;
  return { text, edits: cmd.edits };
}

/** The HyperDriveConfig calls of a name's uses given as `keyword=` (`estimator=est`). */
function sweepsOf(ctx: RuleContext, uses: readonly SyntaxNode[]): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const u of uses) {
    const kw = u.parent?.type === 'keyword_argument' && same(u.parent.childForFieldName('value'), u) ? u.parent : undefined;
    const hd = kw?.parent?.type === 'argument_list' ? kw.parent.parent : undefined;
    if (hd && ['run_config', 'estimator'].includes(kw!.childForFieldName('name')?.text ?? '') && ['HyperDriveConfig', 'HyperDriveRunConfig'].includes(hdName(qnameOf(ctx, hd)) ?? '')) out.push(hd);
  }
  return out;
}

/**
 * For a job configuration both submitted and swept (`exp.submit(est)`, `HyperDriveConfig(estimator=est)`):
 * the script options the sweep samples (flag → input name), which the submitted command must take as
 * inputs so the sweep can call it with search spaces (see `hyperDriveConfig`). Undefined when it is
 * not swept; null when the sampled keys are not all option names.
 */
export function sweptOptions(ctx: RuleContext, config: SyntaxNode): Map<string, string> | undefined | null {
  const target = assignedName(config);
  const hds = target ? sweepsOf(ctx, usesOf(ctx, target)) : [];
  if (!hds.length) return undefined;
  const flags = new Map<string, string>();
  for (const hd of hds) {
    const sampling = madeBy(ctx, bindArgs(hd, [], ACCEPTED)?.get('hyperparameter_sampling'));
    const space = sampling && spaceOf(ctx, sampling)?.dict;
    if (!space) return null;
    for (const pair of space.namedChildren) {
      if (pair.type === 'comment') continue;
      const key = pair.type === 'pair' ? stringValue(pair.childForFieldName('key') ?? undefined) : undefined;
      const option = key !== undefined ? optionOf(key) : undefined;
      if (!option) return null;
      flags.set(option.flag, option.name);
    }
  }
  // A ScriptRunConfig that does not pass every swept option itself: the sweep gets a command of its own (hyperDriveConfig).
  return qnameOf(ctx, config) === SRC && !passesAll(ctx, config, [...flags.keys()]) ? undefined : flags;
}

/** The ScriptRunConfig's `arguments` list (written there, or a name bound once to it), when known. */
function argumentList(ctx: RuleContext, config: SyntaxNode): SyntaxNode | undefined | null {
  const list = bindArgs(config, ['source_directory', 'script', 'arguments'], ['source_directory', 'script', 'arguments', 'run_config', 'compute_target', 'environment', 'distributed_job_config', 'docker_runtime_config'])?.get('arguments');
  if (!list) return null;
  const named = list.type === 'identifier' ? listOfName(ctx, list) : list;
  return named?.type === 'list' ? named : undefined;
}

/** Every flag is an item of the ScriptRunConfig's `arguments` list (v1 HyperDrive sets its value there). */
function passesAll(ctx: RuleContext, config: SyntaxNode, flags: string[]): boolean {
  const list = argumentList(ctx, config);
  const items = list ? list.namedChildren.filter((c) => c.type !== 'comment').map((c) => (c.type === 'string' ? stringValue(c) : undefined)) : [];
  return flags.every((f) => items.includes(f));
}

/** Every name the ScriptRunConfig `config` reads (its arguments list too) means the same at `site`: its command can be written there again. */
function copiable(ctx: RuleContext, config: SyntaxNode, site: SyntaxNode): boolean {
  const args = config.childForFieldName('arguments');
  const list = argumentList(ctx, config);
  return !!args && list !== undefined && namesSameAt(ctx, args, site) && (!list || namesSameAt(ctx, list, site));
}

/** `PrimaryMetricGoal.MAXIMIZE` → `"Maximize"` (HD: `goal="Maximize"/"Minimize"`). */
function goalOf(ctx: RuleContext, node: SyntaxNode | undefined): string | undefined {
  const v = node && ctx.model.evaluate(node);
  const q = v?.kind === 'ref' ? v.qname : undefined;
  if (!q?.startsWith(HD) || !/\.PrimaryMetricGoal\.(MAXIMIZE|MINIMIZE)$/.test(q)) return undefined;
  return q.endsWith('MAXIMIZE') ? '"Maximize"' : '"Minimize"';
}

/** The v2 policy for a v1 policy call (keyword arguments only); '' for NoTerminationPolicy. */
function policyOf(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, site: SyntaxNode): string | undefined {
  const name = hdName(qnameOf(ctx, call));
  const params = name && Object.prototype.hasOwnProperty.call(POLICIES, name) ? POLICIES[name] : undefined;
  const args = params && bindArgs(call, [], params);
  if (!name || !args || ![...args.values()].every((v) => sameAt(ctx, v, site))) return undefined;
  if (name === 'NoTerminationPolicy') return '';
  if (name === 'TruncationSelectionPolicy' && !args.has('truncation_percentage')) return undefined;
  const order = ['delay_evaluation', 'evaluation_interval', 'slack_amount', 'slack_factor', 'truncation_percentage'].filter((p) => params!.includes(p));
  const sweep = fb.needModule('azure.ai.ml.sweep');
  return `${sweep}.${name}(${kwargs(order.map((p): [string, SyntaxNode | string | undefined] => [p, args.get(p) ?? (p === 'evaluation_interval' ? '1' : undefined)]))})`;
}

/**
 * A run of a submit of the HyperDriveConfig reads its children's metrics: v1 HyperDriveRun.get_metrics()
 * is every child's metrics, which jobs.ts would rewrite as the parent job's. (`get_best_run_by_primary_metric`
 * is rewritten by jobs.ts with `bestRunEdit`; other child reads, `get_children_sorted_by_primary_metric`, ..., stop it.)
 */
function childrenRead(ctx: RuleContext, call: SyntaxNode): boolean {
  const target = assignedName(call);
  for (const use of target ? usesOf(ctx, target) : []) {
    const submit = use.parent?.type === 'argument_list' ? use.parent.parent : undefined;
    const run = submit && qnameOf(ctx, submit) === SUBMIT ? assignedName(submit) : undefined;
    for (const u of run ? usesOf(ctx, run) : []) {
      if (memberOf(u)?.name === 'get_metrics') return true;
    }
  }
  return false;
}

const PY_KEYWORDS = new Set(['and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

/**
 * The configuration (its call) a name given to the HyperDriveConfig `hd` holds when it is also
 * submitted (`exp.submit(est)`): every other use is an `Experiment.submit` argument, and the name
 * means the same at `hd`. jobs.ts rewrites those submissions in the same fix.
 */
function sharedConfig(ctx: RuleContext, arg: SyntaxNode | undefined, hd: SyntaxNode): SyntaxNode | undefined {
  const call = arg?.type === 'identifier' ? madeBy(ctx, arg) : undefined;
  const target = call && assignedName(call);
  const uses = target ? usesOf(ctx, target) : [];
  if (!call || !sameAt(ctx, arg!, hd) || uses.length < 2) return undefined;
  const others = uses.filter((u) => !same(u, arg));
  return others.every((u) => {
    const submit = u.parent?.type === 'argument_list' ? u.parent.parent : undefined;
    return submit && qnameOf(ctx, submit) === SUBMIT && callArgs(submit).positional[0]?.id === u.id;
  }) ? call : undefined;
}

/**
 * `HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, policy=p, ...)` → `src.sweep(...)`, the
 * ScriptRunConfig, sampling and policy rewritten with it (HD). The first edit replaces the call
 * (a JOB_CONFIGS builder of jobs.ts). Undefined when any piece does not translate.
 */
export function hyperDriveConfig(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext): Edits | undefined {
  const args = bindArgs(call, [], ACCEPTED);
  const metric = args?.get('primary_metric_name');
  const goal = goalOf(ctx, args?.get('primary_metric_goal'));
  if (!args || !metric || !goal || !(args.get('max_total_runs') || args.get('max_duration_minutes')) || childrenRead(ctx, call)) return undefined;
  const edits: Edits = [];
  // The sampling: its algorithm, and the swept script options.
  const sampling = argObject(ctx, args.get('hyperparameter_sampling'), call);
  const algorithm = sampling && SAMPLING[hdName(qnameOf(ctx, sampling.call)) ?? ''];
  const spaceAt = sampling && spaceOf(ctx, sampling.call);
  const space = spaceAt?.dict;
  if (!sampling || !algorithm || !space) return undefined;
  // A space held in a name: its statement goes (its distributions move to the command's inputs).
  if (spaceAt.stmt) edits.push([statementLines(ctx, spaceAt.stmt)!, '']);
  // The script run (a ScriptRunConfig, or a v1 estimator: estimators.ts): its call, where the distributions move to.
  const runArg = args.get('run_config') ?? args.get('estimator');
  const shared = args.has('run_config') && args.has('estimator') ? undefined : sharedConfig(ctx, runArg, call);
  const run = args.has('run_config') && args.has('estimator') ? undefined : shared ? { call: shared, named: true } : argObject(ctx, runArg, call);
  const runQ = run && qnameOf(ctx, run.call);
  if (!run || !runQ || (args.has('run_config') ? runQ !== SRC : !Object.prototype.hasOwnProperty.call(ESTIMATOR_CLASSES, runQ))) return undefined;
  const sweptAt = (site: SyntaxNode): Swept[] | undefined => {
    const out: Swept[] = [];
    for (const pair of space.namedChildren) {
      if (pair.type === 'comment') continue;
      const key = pair.type === 'pair' ? stringValue(pair.childForFieldName('key') ?? undefined) : undefined;
      const option = key !== undefined ? optionOf(key) : undefined;
      const value = pair.childForFieldName('value');
      const v2 = option && value && distribution(fb, ctx, value, site);
      if (!v2 || out.some((s) => s.name === option!.name)) return undefined;
      out.push({ ...option!, value: v2 });
    }
    return out;
  };
  // The command is written at the ScriptRunConfig; or (`moved`) at the HyperDriveConfig, the ScriptRunConfig's
  // statement going, when a distribution only means the same there (`convert = lambda x: ...` bound after the
  // ScriptRunConfig) and the ScriptRunConfig, named and read only there, reads nothing bound otherwise there.
  let swept = sweptAt(run.call);
  const runStmt = run.call.parent?.type === 'assignment' ? run.call.parent.parent : undefined;
  const moved = !swept && run.named && !shared && runQ === SRC && runStmt?.type === 'expression_statement' && !!statementLines(ctx, runStmt) && copiable(ctx, run.call, call);
  if (moved) swept = sweptAt(call);
  if (!swept?.length || (shared && swept.some((s) => PY_KEYWORDS.has(s.name)))) return undefined;
  // A configuration also submitted on its own: that submission's command (jobs.ts, its swept options
  // made inputs: sweptOptions) called with the search spaces, as the azure.ai.ml.sweep reference does
  // (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.sweep.banditpolicy, example:
  // `job_for_sweep = job(kernel=Uniform(...), penalty=Uniform(...))`, then `job_for_sweep.sweep(...)`).
  // A ScriptRunConfig also submitted on its own that does not pass every swept option (sweptOptions: undefined):
  // v1 HyperDrive appended `--opt <value>` to its arguments, so the sweep gets its own command, the same
  // arguments with the swept options appended (as an unshared one: sweptCommand), every name in them
  // meaning the same at the HyperDriveConfig; the submitted command stays as jobs.ts writes it (same fix).
  const separate = shared && runQ === SRC && sweptOptions(ctx, shared) === undefined;
  if (separate && !copiable(ctx, shared, call)) return undefined;
  const separateCommand = separate ? sweptCommand(fb, ctx, shared, swept) : undefined;
  const command = separate ? separateCommand && !separateCommand.text.includes('#') ? separateCommand : undefined : shared ? { text: `${runArg!.text}(${swept.map((s) => `${s.name}=${s.value}`).join(', ')})`, edits: [] } : runQ === SRC ? sweptCommand(fb, ctx, run.call, swept) : estimatorSweep(fb, ctx, run, swept);
  if (!command) return undefined;
  // `ps = RandomParameterSampling({...})` keeps its name for the algorithm; inline, the string goes in the sweep.
  let samplingArg = JSON.stringify(algorithm);
  if (sampling.named) {
    edits.push([sampling.call, samplingArg]);
    samplingArg = args.get('hyperparameter_sampling')!.text;
  }
  // The policy, likewise (NoTerminationPolicy: none).
  let policyArg: string | undefined;
  const p = args.get('policy');
  if (p && p.type !== 'none') {
    const policy = argObject(ctx, p, call);
    const text = policy && policyOf(fb, ctx, policy.call, call);
    if (!policy || text === undefined) return undefined;
    if (policy.named) {
      edits.push([policy.call, text || 'None']);
      policyArg = p.text;
    } else policyArg = text || undefined;
  }
  // max_duration_minutes → timeout in seconds (Command.sweep `timeout`: seconds).
  const minutes = args.get('max_duration_minutes');
  const timeout = minutes && (minutes.type === 'integer' && /^\d+$/.test(minutes.text) ? String(Number(minutes.text) * 60) : `${['identifier', 'attribute', 'integer', 'float'].includes(minutes.type) ? minutes.text : `(${minutes.text})`} * 60`);
  let job: string;
  if (shared || separate) job = command.text;
  else if (moved) {
    if (command.text.includes('#')) return undefined;
    edits.push([statementLines(ctx, runStmt!)!, '']);
    job = command.text;
  } else if (run.named) {
    edits.push([run.call, command.text]);
    job = runArg!.text;
  } else job = command.text;
  const sweep = `${job}.sweep(${kwargs([
    ['sampling_algorithm', samplingArg],
    ['primary_metric', metric],
    ['goal', goal],
    ['max_total_trials', args.get('max_total_runs')],
    ['max_concurrent_trials', args.get('max_concurrent_runs')],
    ['timeout', timeout],
    ['early_termination_policy', policyArg],
  ])})`;
  return [[call, sweep], ...edits, ...command.edits];
}

/**
 * For jobs.ts (`jobUseEdits`, a sweep's run; it then rewrites the uses of `best` as a job's): `best =
 * hd_run.get_best_run_by_primary_metric()` on the run of a submitted sweep → the v2 job of the best
 * trial, `ml_client.jobs.get(ml_client.jobs.get(hd_run.name).properties["best_child_run_id"])`
 * (https://learn.microsoft.com/azure/machine-learning/how-to-train-pytorch#find-the-best-model: the
 * refreshed sweep job's `properties["best_child_run_id"]` names the best trial job), marked
 * `# amlint: review` (v1 returns None while no trial has the metric; v2 raises KeyError).
 * Undefined unless `best = <call>` ends its line.
 */
export function bestRunEdit(ml: string, job: string, call: SyntaxNode): string | undefined {
  const target = assignedName(call);
  const stmt = call.parent?.parent;
  if (!target || !noArgs(call) || stmt?.endIndex !== call.endIndex || (stmt.nextSibling?.startPosition.row ?? Infinity) <= call.endPosition.row) return undefined;
  return `${ml}.jobs.get(${ml}.jobs.get(${job}.name).properties["best_child_run_id"])  # amlint: review`;
}

/** The `exp.submit(hd_config)` of a HyperDriveConfig call (its only use, or inline). */
function submitOf(ctx: RuleContext, call: SyntaxNode): SyntaxNode | undefined {
  const target = assignedName(call);
  const uses = target ? usesOf(ctx, target) : [call];
  const arg = uses.length === 1 ? uses[0] : undefined;
  const holder = arg?.parent?.type === 'keyword_argument' ? arg.parent : arg;
  const submit = holder?.parent?.type === 'argument_list' ? holder.parent.parent : undefined;
  return submit && qnameOf(ctx, submit) === SUBMIT ? submit : undefined;
}

/** The HyperDriveConfig call an object (a call) is given to as `keyword=`, inline or through a name used only there. */
function hyperDriveOf(ctx: RuleContext, call: SyntaxNode, keyword: string): SyntaxNode | undefined {
  const target = assignedName(call);
  const uses = target ? usesOf(ctx, target) : [call];
  const kw = uses.length === 1 ? uses[0].parent : undefined;
  const hd = kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === keyword && kw.parent?.type === 'argument_list' ? kw.parent.parent : undefined;
  return hd && ['HyperDriveConfig', 'HyperDriveRunConfig'].includes(hdName(qnameOf(ctx, hd)) ?? '') ? hd : undefined;
}

/**
 * A name bound in a class body: read as `Cls.name`, which is no use of the name (the rewrites of names
 * nothing reads leave those).
 */
function classAttribute(target: SyntaxNode): boolean {
  let scope = target.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'class_definition' && scope.type !== 'module') scope = scope.parent;
  return scope?.type === 'class_definition';
}

/**
 * A search space nothing runs (the DP-100 notes' snippets: `space = {"--batch_size": choice(16, 32)}`, read by
 * nothing, or only by `sampling = GridParameterSampling(space)` whose name nothing reads): the v2 search space,
 * input names to `azure.ai.ml.sweep` distributions (HD: v2 gives them as the command's inputs,
 * `command_job(learning_rate=Uniform(...))`; the SweepJob reference's `search_space: Dict[str, Choice | ...]`,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.sweep.sweepjob), and the sampling's name the
 * algorithm, `"grid"` (Command.sweep `sampling_algorithm`, as hyperDriveConfig writes it). Only keys whose script
 * option is `--<name>` for a lowercase name (a key without dashes is passed as `--<key>`: optionOf), so the
 * option stays readable from the v2 key; the space bound to a name in a statement of its own (an inline space
 * has nowhere to stay once the sampling becomes its algorithm). Undefined for anything else.
 */
function orphanSpaceEdits(fb: FixBuilder, ctx: RuleContext, dict: SyntaxNode): Edits | undefined {
  const target = dict.type === 'dictionary' ? assignedName(dict) : undefined;
  const mine = target && orphanSampling(ctx, target);
  // (Every other binding of the name read only so too: a draft space beside one a sweep runs stays with that sweep.)
  if (!target || mine === undefined || !otherBindings(ctx, target).every((t) => orphanSampling(ctx, t) !== undefined)) return undefined;
  const edits: Edits = [];
  if (mine) edits.push([mine[0], mine[1]]);
  const names = new Set<string>();
  for (const pair of dict.namedChildren) {
    if (pair.type === 'comment') continue;
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const value = pair.childForFieldName('value');
    const text = key?.type === 'string' && !key.descendantsOfType('interpolation').length ? stringValue(key) : undefined;
    const option = text !== undefined ? optionOf(text) : undefined;
    const quote = key?.text[0];
    if (!option || option.flag !== `--${option.name}` || PY_KEYWORDS.has(option.name) || names.has(option.name) || (quote !== '"' && quote !== "'") || !value) return undefined;
    names.add(option.name);
    const v2 = distribution(fb, ctx, value, value);
    if (!v2) return undefined;
    if (text !== option.name) edits.push([key!, `${quote}${option.name}${quote}`]);
    edits.push([value, v2]);
  }
  return names.size ? edits : undefined;
}

/**
 * A space's name (`space = {...}`) read by nothing (null), or only as the space of `s = Sampling(space)` whose name
 * nothing reads (that call and its algorithm); undefined otherwise, or in a class body.
 */
function orphanSampling(ctx: RuleContext, target: SyntaxNode): [SyntaxNode, string] | null | undefined {
  if (classAttribute(target)) return undefined;
  const uses = usesOf(ctx, target);
  if (writtenElsewhere(ctx, target, otherBindings(ctx, target).flatMap((t) => usesOf(ctx, t)).concat(uses))) return undefined;
  if (!uses.length) return null;
  const u = uses.length === 1 ? uses[0]! : undefined;
  const holder = u?.parent?.type === 'keyword_argument' ? u.parent : u;
  const call = holder?.parent?.type === 'argument_list' ? holder.parent.parent : undefined;
  const algorithm = call ? SAMPLING[hdName(qnameOf(ctx, call)) ?? ''] : undefined;
  const args = call && bindArgs(call, ['parameter_space', 'properties'], ['parameter_space', 'properties']);
  const sampling = call && assignedName(call);
  if (!algorithm || args?.size !== 1 || !same(args.get('parameter_space'), u) || !sampling || classAttribute(sampling) || usesOf(ctx, sampling).length) return undefined;
  return otherBindings(ctx, sampling).every((t) => !usesOf(ctx, t).length) && !writtenElsewhere(ctx, sampling, []) ? [call!, JSON.stringify(algorithm)] : undefined;
}

/** The dictionary a name given to a sampling is bound to (the binding the model gives that use). */
function spaceDict(ctx: RuleContext, sampling: SyntaxNode): SyntaxNode | undefined {
  const space = bindArgs(sampling, ['parameter_space', 'properties'], ['parameter_space', 'properties'])?.get('parameter_space');
  const b = space?.type === 'identifier' ? ctx.model.resolveName(space.text, space) : undefined;
  const assign = b?.kind === 'assign' ? b.node.parent : undefined;
  return assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') ?? undefined : undefined;
}

/** A sampling: the fix of the HyperDriveConfig it is given to, or, run by nothing, orphanSpaceEdits. */
const samplingPiece: Builder = (fb, ref, ctx) => {
  const hd = hyperDriveOf(ctx, ref.call!, 'hyperparameter_sampling');
  if (hd) return fb.sameFixAs(hd);
  const dict = spaceDict(ctx, ref.call!);
  return dict ? combined(fb, ref.call!, orphanSpaceEdits(fb, ctx, dict)) : undefined;
};

/**
 * A policy: the fix of the HyperDriveConfig it is given to; or, bound to a name nothing reads (a study note's
 * `policy = BanditPolicy(slack_factor=0.1, evaluation_interval=2)`), the `azure.ai.ml.sweep` class of the same
 * keyword parameters (policyOf, HD). NoTerminationPolicy alone stays.
 */
const policyPiece: Builder = (fb, ref, ctx) => {
  const hd = hyperDriveOf(ctx, ref.call!, 'policy');
  if (hd) return fb.sameFixAs(hd);
  const target = assignedName(ref.call!);
  return target && !classAttribute(target) && [target, ...otherBindings(ctx, target)].every((t) => !usesOf(ctx, t).length) && !writtenElsewhere(ctx, target, []) ? policyOf(fb, ctx, ref.call!, ref.call!) || undefined : undefined;
};

/** A parameter expression in a sampling's dictionary: the fix of the HyperDriveConfig it goes to (or orphanSpaceEdits). */
const expression: Builder = (fb, ref, ctx) => {
  const pair = ref.call!.parent;
  const dict = pair?.type === 'pair' && same(pair.childForFieldName('value'), ref.call) ? pair.parent : undefined;
  const sampling = dict?.type === 'dictionary' ? samplingOfSpace(ctx, dict) : undefined;
  const hd = sampling ? hyperDriveOf(ctx, sampling, 'hyperparameter_sampling') : undefined;
  if (hd) return fb.sameFixAs(hd);
  return dict?.type === 'dictionary' ? combined(fb, ref.call!, orphanSpaceEdits(fb, ctx, dict)) : undefined;
};

/** The HyperDriveConfig's own finding: the fix of its submission (jobs.ts rewrites it with the run). */
const config: Builder = (fb, ref, ctx) => {
  const submit = submitOf(ctx, ref.call!);
  return submit ? fb.sameFixAs(submit) : undefined;
};

/** `PrimaryMetricGoal.MAXIMIZE` given to a HyperDriveConfig: that one's fix. */
const goalPiece: Builder = (fb, ref) => {
  const kw = ref.node.parent;
  const hd = kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'primary_metric_goal' && kw.parent?.type === 'argument_list' ? kw.parent.parent : undefined;
  return hd ? fb.sameFixAs(hd) : undefined;
};

/**
 * A ScriptRunConfig given to a HyperDriveConfig as `run_config=`: that one's fix; any other, the
 * jobs.ts rewrite (this entry replaces jobs.ts's in the merged table: SWEEP comes after JOBS in AREAS).
 */
const scriptRunConfig: Builder = (fb, ref, ctx) => {
  const hd = hyperDriveOf(ctx, ref.call!, 'run_config');
  if (hd) return fb.sameFixAs(hd);
  const jobs = JOBS.calls[SRC];
  return jobs ? jobs(fb, ref, ctx) : undefined;
};

export const SWEEP: Rewrites = {
  calls: {
    [`${HD}HyperDriveConfig`]: config,
    // v1's older name of HyperDriveConfig (same parameters): rewritten once jobs.ts's JOB_CONFIGS lists it.
    [`${HD}HyperDriveRunConfig`]: config,
    [SRC]: scriptRunConfig,
    ...Object.fromEntries(Object.keys(SAMPLING).map((n) => [`${HD}${n}`, samplingPiece])),
    ...Object.fromEntries(Object.keys(POLICIES).map((n) => [`${HD}${n}`, policyPiece])),
    ...Object.fromEntries(['choice', ...Object.keys(DISTRIBUTIONS)].map((n) => [`${HD}${n}`, expression])),
  },
  attributes: {
    [`${HD}PrimaryMetricGoal.MAXIMIZE`]: goalPiece,
    [`${HD}PrimaryMetricGoal.MINIMIZE`]: goalPiece,
  },
};
