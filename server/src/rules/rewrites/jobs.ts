/**
 * Rewrites to SDK v2 of experiments, runs and logging, ScriptRunConfig, AutoML, widgets and the
 * SDK version when shown (AML102, AML103, AML112, AML113). Each v2 shape is the one the migration guide documents.
 *
 * Whole lifecycles are one fix, offered on each piece's finding:
 * - a submitted job (CMD): the configuration (`ScriptRunConfig` → `command` with `${{inputs.x}}`
 *   for variable arguments, or its `command=` shell string (shellCommand: an expression known to be a str kept as
 *   written, a list of plain-word literals joined; not a list holding variables, whose joining v1 does not document), `src.run_config.target/.environment = X` → `src.compute/.environment = X`,
 *   `src.run_config.framework = "Python"` / `"python"` (v1's default) dropped (another framework: not rewritten),
 *   a v1 environment through environment.ts (its `environment_variables` → the command's), v1's
 *   defaults stated (no compute_target: `compute="local"`; no environment: the docs' image, marked
 *   `# amlint: review`), MPI/PyTorch/TensorFlow distribution (inline or through a name used only there; PyTorch on one node,
 *   or on `node_count=n` nodes with a literal total `process_count` that n divides → `process_count_per_instance`, `instance_count=n`),
 *   `max_run_duration_seconds=` of a job submitted on its own → `timeout=` (not swept, not a pipeline step's, not beside `run_config=`),
 *   `command=["<one command line>"]` (a one-item list: that line), `run_config=rc` of a fresh `RunConfiguration()` set only by
 *   `rc.target = X` / `rc.environment = env` statements before it (→ `compute=X`, `environment=env`, those statements
 *   going; its findings' fixes offered through estimators.ts; `compute_target=`/`environment=` beside it only when
 *   they repeat rc's, v1 ignoring them with run_config); `AutoMLConfig`; a `Pipeline` through
 *   pipelines.ts, `regenerate_outputs=True` → `force_rerun=True`, `continue_on_step_failure=True` → the
 *   decorator's, `pipeline_parameters={"p": literal}` → the pipeline function called with `p=literal`; HyperDrive through sweep.ts, a
 *   configuration both submitted and swept being one command; the other jobs given the same v1 environment
 *   variable, with their own lifecycles, environment.ts `environmentEdits` → `sharedEnvironmentJobs`, edits
 *   once each, refused when two edit one node differently; when one of those jobs has no rewrite, each
 *   translatable one takes a v2 copy of the environment in its `environment=`, environment.ts `jobEnvironment`),
 *   every `exp.submit` of it (`tags=` → create_or_update's
 *   `tags=`; the experiment's name a literal, a name, an unassigned attribute such as `args.experiment`, or an
 *   f-string of those; `show_output=` of a HyperDrive submit dropped (v1 reads it only for a HyperDriveConfig(pipeline=):
 *   submitParts); `exp = Experiment(ws, name)` becomes that name once its other uses are `exp.name` reads,
 *   which become `exp`, or `exp` itself shown (a cell's value, `print(exp)`: the name is shown, experimentShown); also on its
 *   own when only those reads are left, as after its submits were rewritten), and every use
 *   of each run (status, portal URL, waits, RunDetails (its studio link when a cancel follows), metrics and tags through MLflow, details
 *   (shown, or read by key: runId/status from the job, start/end times shown from its MLflow run, `detailsReads`), cancel,
 *   id, `name` (v1's display name), `set_tags({k: v})` (one MlflowClient.set_tag per pair), register_model (with
 *   `properties=`, `model_path=os.path.join(...)` kept in the artifact URI (also `"outputs/" + f`, f a name holding no folder), a literal `model_path` normalised as v1 does
 *   (`./outputs/m.pkl` → `outputs/m.pkl`; not `./`, `..`, `/...`: jobArtifactPath), `model_framework=` dropped with a review mark, the model's `id` read as
 *   `name:version`, its name/version/tags/description read as they are), child jobs shown or iterated (directly or
 *   through a name), a pipeline's step runs by step name (`find_step_run` → the child jobs of that display name),
 *   `download_files(prefix="outputs", output_directory=d)` (MLflow's download_artifacts), files shown, printed in a loop,
 *   printed as `json.dumps(..., indent=n)`, or bound to a name read only so (MLflow's one-level artifact listing, `# amlint: review`: fileNamesEdits), a literal `outputs/...` file downloaded to a local path (MlflowClient.download_artifacts +
 *   shutil.copy); a sweep's best trial, sweep.ts `bestRunEdit`, with its uses as
 *   a job's); `docker_runtime_config=DockerConfiguration(use_docker=True)` dropped (v2 always runs in
 *   a container); the workspace through workspace.ts `clientOf`;
 * - a run fetched by ID (`Run.get(ws, id)`, `Run(experiment, id)`, `PipelineRun(experiment, id)`, `PipelineRun.get(ws, id)`
 *   (a static method, also called on a `PipelineRun(experiment, id)` read only so, whose statement goes), the experiment
 *   `Experiment(ws, name)` or `ws.experiments[name]`; a PipelineRun's `experiment = Experiment(ws, name)` read only by it
 *   → `experiment = name`) → `ml_client.jobs.get(id)` with its uses as a job's (a pipeline run's status compared to
 *   literals with v1's "Finished" spelled as v2's "Completed": PIPELINE_STATUS); the PipelineRun/Experiment findings
 *   offer that fix; `for child in run.get_children():` → the child jobs (`jobs.list(parent_job_name=)`), each child's uses as a job's;
 * - an interactive run (`exp.start_logging()` / `with ... as run`, MLF + TRK) and a script's own run
 *   (`Run.get_context()`, MLF) with their logging calls → MLflow (a `log_row` holding text or naming its table by a
 *   variable → `mlflow.log_table` rows appended to `<name>.json`: logRowTable; strings → a text artifact, pyplot or a
 *   `plt.figure()` → log_figure), status/details/tags/children shown, the portal URL shown and an interactive run's
 *   `RunDetails(run).show()` statement (its studio link printed: the MLflow run read as a job, `# amlint: review`),
 *   an interactive run's files shown (fileNamesEdits), `snapshot_directory=None` (v1's default) dropped (only when no other run starts before
 *   it ends and its logging calls come before its end: MLflow has one active run, activeEnd), and
 *   `with run.child_run() as child:` → a nested run; also started in a loop body whose name a later loop binds
 *   again (rewrites/reach.ts decides which uses each binding reaches); a script's run name bound to
 *   `Run.get_context()` several times in one block outside loops (contextCalls) → the first `mlflow.start_run()`,
 *   the others `mlflow.active_run()` (v1 returned the same run; a second start_run raises), all uses in one fix;
 *   called in several functions: each `mlflow.active_run() or mlflow.start_run()` (which runs first is not known);
 *   `upload_file(name=n, path_or_stream="outputs/" + n)`,
 *   n a file name that holds no folder → `mlflow.log_artifact(path)` (the artifact at the root as n);
 *   `upload_file(name="dir/" + n, path_or_stream="./" + n)` (or `n`) → `mlflow.log_artifact(path, artifact_path="dir")`;
 *   `register_model` (registerModel, from the MLflow run's artifacts, `properties` reading its metrics); the
 *   experiment's `exp.name` reads → the name (as for submits).
 * - `for r in exp.get_runs():` → the experiment's top-level MLflow runs, newest first (`getRunsEdits`),
 *   `r.id`/`get_metrics()`/`get_status()` shown read from the MLflow run, `r.get_details()["runId"]` (directly or
 *   through a name only read so) → `r.info.run_id`; also through `list(...)`, a
 *   name assigned them that for loops iterate (once for v1's generator), `len()` or a print shows;
 *   `latest = next(exp.get_runs())` or `list(exp.get_runs())[0]` → the newest of them, its uses read so (`newestRunEdits`;
 *   its name may be bound again elsewhere when this binding alone reaches its uses, reach.ts); the experiment
 *   `Experiment(ws, name)` or `ws.experiments[name]` (inline, or a name bound to it once: then its name).
 *   (`ws.experiments[name]` raises KeyError for an unknown name; what MLflow's search does for one is not checked here.)
 * - an interactive run's `fail()` / `cancel()` → `mlflow.end_run(status="FAILED" / "KILLED")`.
 * - a notebook job whose `%%writefile` script (jobScript: `script=` in `source_directory=`, the last writefile cell
 *   of that file before the job, `$folder/` read from the same binding) reads the data the job passes
 *   (`"--flag", ds.as_named_input("x").as_mount()` / `.as_download()`, or a whole MLTable asset the notebook
 *   registers in v2 code, data.ts tableInput) through the run: `run.input_datasets["x"]` → `args.<dest>` of
 *   the script's own `--flag` option (`mltable.load(args.<dest>).to_pandas_dataframe()` for a table), in
 *   the same fix (scriptDataEdits, FixBuilder.replaceIn), also offered on the script's finding (scriptInputFix).
 *   Refused: other data read through the run, no argparse option for the flag, a table whose argument the
 *   script also reads (v1: the dataset's ID), a table passed to a script not in the document (a .py driver).
 *   An estimator's `inputs=[ds.as_named_input("x")...]` (v1 passes no argument) → `--x ${{inputs.x}}` and the option
 *   added to the script's parser before `parse_args()` (estimatorInputs; refused when the script is not in the document,
 *   does not read each input through the run, or already has an option of that name).
 * - `src = ScriptRunConfig(command=...)` given as a CommandStep's `runconfig=`: the pipeline's fix (pipelines.ts).
 * Bridging: in a job script whose own run is still needed (`run.input_datasets[...]`, `run.parent`,
 * `_OfflineRun` tests...), each logging call with a standalone MLflow form (log, log_row, log_table,
 * log_image, tag, set_tags, upload_file, upload_folder) is its own suggestion: MLflow logs to the job's
 * run (how-to-log-view-metrics; the job needs `mlflow` and `azureml-mlflow`), the run stays.
 * `run.experiment.workspace` of the script's own run → workspace.ts's in-job client once nothing uses it as v1 (also
 * `Run.get_context().experiment.workspace` read inline: the get_context finding offers that read's fix).
 * Metric/tag names MLflow rejects (`@`, `,`, ...: mlflow validation.py) are not rewritten.
 * Not rewritten: `run.parent.log/tag/get_metrics/cancel` in a step script (no documented MLflow form for the pipeline
 * job's run from inside a step), `run.tags` read, a sweep's best trial's `get_details()["runDefinition"]["arguments"]`
 * (no documented v2 form of a trial's arguments); runs used in ways MLflow/v2 has no direct call for here (`child = run.child_run()`
 * outside a `with`, create_children, get_children kept as a list, add_properties (v2 sets properties only
 * when the job is created), get_properties (v1 adds its own system properties), get_details_with_logs
 * (v2 streams logs until the job ends), get_file_names used other than shown and download_file of other than
 * a literal `outputs/` path (v1's log paths do not map onto v2's) or without `output_file_path` (where v1 then
 * writes the file is not documented), `take_snapshot` (a v2 job's code snapshot is taken only when it is
 * submitted; MLflow has no snapshot, and artifacts are not one), DockerConfiguration other than
 * `use_docker=True` alone, fail/complete of a submitted run, get_environment,
 * get_outputs, restore_snapshot, Experiment.get_runs read otherwise (type/tags/properties filters,
 * include_children, a list indexed other than `[0]`), `run.id` whose form is read (`run.id.startswith("OfflineRun")`, compared:
 * an MLflow run ID has another form), `model_id` of an AutoML run (its value unverified; AutoMLRun.register_model
 * is automl.ts autoMLRegisterModel's), get_children_sorted_by_primary_metric, `get_details()[...]` of other keys
 * (v2 jobs have no runDefinition), a best child's `properties[...]`, a step run's get_job_log (its log text:
 * v2 only downloads or streams logs), a run returned from a function,
 * fail() of a submitted run (v2 can only cancel), a status compared on an MLflow run (MLflow
 * spells statuses otherwise), a string logged in a loop (one artifact where v1 kept a series),
 * log_list in a bridged script (no active MLflow run to batch into), `input_datasets` of a script not in the document (v2 passes inputs as arguments) (AutoML: see automl.ts);
 * a name bound to a string logged as a metric (MLflow metrics are numbers); `get_metrics()` read as a series
 * (`m["loss"][0]`, `max(m["acc"])`: v1 lists a repeated metric, MLflow keeps its latest value; only `m["k"][-1]`
 * through the assigned name, the last value, is rewritten, to `m["k"]`: `lastValueReads`); uses under a
 * `try` whose handler names a v1 exception (v2/MLflow raise others: the handler could no longer fire); RunDetails
 * shown before a cancel of its run other than as a statement of its own (the widget returns at once,
 * `jobs.stream` only once the job ended: as a statement, the job's studio link is printed instead); a use
 * another binding of the run's name may reach (rewrites/reach.ts, for every area);
 * code depending on an azureml import guarded by `try:` ... `except ImportError:` / `except:` (import-guard.ts, for every area: the
 * rewrite's mlflow/azure.ai.ml imports would go to the module's top, outside the guard).
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf, type Binding, type Reference, type SemanticModel } from '../../engine/semantic/model';
import { bindArgs, callArgs, definingCall, FixBuilder, literalText, stringValue } from '../fixes';
import { nodeRange, type ModuleFix, type RuleContext } from '../rule';
import type { Range } from '../../engine/types';
import { memberOf, declaredGlobal, enclosingTry, inLoop, onlyValue, knownString, lineIndent, endsLine, statementIndent, statementLines, assignedName, combined, qnameOf, kwargs, noArgs, receiver, same, SHARED_FIX_LIMIT, usesOf, variableFree, type Builder, type Edits, type Rewrites, soleUse, trackingUri } from './common';
import { jobEnvironment, setSharedJobs, wholeLines } from './environment';
import { ESTIMATOR_CLASSES, estimatorConfig } from './estimators';
import { pipelineCall, pipelineConfig, pipelineFixFor, pipelineOfConsumption, pipelineOfScript, plainValue } from './pipelines';
import { bestRunEdit, hyperDriveConfig, sweptOptions } from './sweep';
import { clientOf, computeGetArgs, offlineIdiomFix } from './workspace';
import { dataInput, setTableJob, tableInput } from './data';
import { soleBinding } from './reach';
import { autoMLConfig, autoMLModelIdEdit, autoMLRegisterModel, bestChildEdit } from './automl';

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
function usesOfAssigned(ctx: RuleContext, call: SyntaxNode): readonly SyntaxNode[] | undefined {
  if (call.parent?.type === 'expression_statement') return [];
  const b = assignedBinding(ctx, call);
  return b ? ctx.model.uses.get(b) ?? [] : undefined;
}

/** A literal, or a name bound to the same value at `site` as where it is written. */
function sameAt(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  if (expr.type === 'string') return !expr.descendantsOfType('interpolation').length;
  if (expr.type === 'integer' || expr.type === 'float') return true;
  if (expr.type !== 'identifier') return false;
  const a = ctx.model.resolveName(expr.text, expr);
  return !!a && a === ctx.model.resolveName(expr.text, site);
}

/**
 * An expression that means the same at `site` as where it is written, so it can be moved there
 * as written (an experiment's name into `experiment_name=`): sameAt, or an attribute chain of
 * such a name (`args.experiment`) whose attribute nothing in the module assigns, or an f-string
 * of those.
 */
function keptAt(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  if (sameAt(ctx, expr, site)) return true;
  if (expr.type === 'attribute') {
    let base: SyntaxNode | null = expr;
    while (base?.type === 'attribute') base = base.childForFieldName('object');
    if (base?.type !== 'identifier' || !sameAt(ctx, base, site)) return false;
    const assigned = ctx.model.tree.rootNode.descendantsOfType(['assignment', 'augmented_assignment']).some((a) => a.childForFieldName('left')?.text === expr.text);
    return !assigned && !ctx.model.tree.rootNode.descendantsOfType('call').some((c) => c.childForFieldName('function')?.text === 'setattr');
  }
  if (expr.type === 'string') {
    const parts = expr.descendantsOfType('interpolation');
    return parts.every((i) => {
      const e = i.namedChildren[0];
      return i.namedChildren.length === 1 && !!e && (e.type === 'identifier' || e.type === 'attribute') && keptAt(ctx, e, site);
    });
  }
  return false;
}

/**
 * Dunder attributes that are always strings: a package's `__version__` (PEP 8 "Module Level Dunder
 * Names", PEP 396), `__name__`, `__qualname__`, `__module__`, `__file__` (`run.log("sklearn", sklearn.__version__)`
 * in the interactive-logging notebooks: `mlflow.log_metric` rejects a string value).
 */
const TEXT_DUNDERS = new Set(['__version__', '__name__', '__qualname__', '__module__', '__file__']);

/** Values that are always strings: TEXT_DUNDERS read on anything, `sys.version`, `sys.platform`, `platform.python_version()`. */
function alwaysText(ctx: RuleContext, node: SyntaxNode): boolean {
  const target = node.type === 'call' && !callArgs(node).positional.length && !callArgs(node).keywords.size ? node.childForFieldName('function') : node;
  if (target?.type !== 'attribute') return false;
  if (node === target && TEXT_DUNDERS.has(target.childForFieldName('attribute')?.text ?? '')) return true;
  const v = ctx.model.evaluate(target);
  const q = v?.kind === 'ref' ? v.qname : undefined;
  return node === target ? q === 'sys.version' || q === 'sys.platform' : q === 'platform.python_version';
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

/**
 * A metric, tag or row name MLflow accepts, when it is known: MLflow validates names against
 * `^[/\w.\- :]*$` (mlflow/utils/validation.py; `:` since MLflow 2.16, not on Windows:
 * https://github.com/mlflow/mlflow/pull/12943) where v1 took any string. A name it cannot read
 * (a variable, an expression) is taken as it is.
 */
function validName(ctx: RuleContext, node: SyntaxNode | undefined): boolean {
  if (!node) return false;
  const s = knownString(ctx, node);
  if (s !== undefined) return s.length > 0 && /^[\p{L}\p{N}_./\- :]+$/u.test(s);
  return !['string', 'concatenated_string'].includes(node.type) || !!node.descendantsOfType('interpolation').length;
}

/** Artifact file names made from a v1 metric name: plain names only. */
function plainName(s: string | undefined): s is string {
  return s !== undefined && /^[\w][\w .-]*$/.test(s);
}

// ---- Logging inside a training script: runs from Run.get_context() → MLflow (MLF) ----

/** `log_confusion_matrix(name, value)` and friends → `mlflow.log_dict(value, "<name>.json")` (MLF). */
const logDict: Builder = (fb, ref) => {
  const args = bindArgs(ref.call!, ['name', 'value'], ['name', 'value']);
  const name = stringValue(args?.get('name'));
  const value = args?.get('value');
  return value && plainName(name) ? `${fb.needModule('mlflow')}.log_dict(${value.text}, ${JSON.stringify(`${name}.json`)})` : undefined;
};

/**
 * Inside the body of a try (of its function) with a handler naming a v1 exception
 * (`except ActivityFailedException:`): v2/MLflow calls raise other exceptions (azure-core's, MlflowException),
 * so the rewrite would leave a handler that can no longer fire.
 */
function underV1Handler(ctx: RuleContext, node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node, p = node.parent; p && p.type !== 'function_definition' && p.type !== 'lambda'; n = p, p = p.parent) {
    if (p.type !== 'try_statement' || !same(p.childForFieldName('body') ?? undefined, n)) continue;
    const caught = p.namedChildren
      .filter((c) => c.type === 'except_clause' || c.type === 'except_group_clause')
      .flatMap((c) => c.namedChildren.filter((x) => x.type !== 'block').flatMap((x) => (x.type === 'as_pattern' ? x.namedChildren.slice(0, 1) : [x])).flatMap((x) => (x.type === 'tuple' || x.type === 'parenthesized_expression' ? x.namedChildren : [x])));
    if (caught.some((x) => sdkOf(ctx.model.evaluate(x)) === 'v1')) return true;
  }
  return false;
}

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
  const uses = usesOfAssigned(ctx, call);
  const target = assignedName(call);
  return !!uses && uses.every((use) => {
    if (memberOf(use)?.name === 'child_run') {
      const child = target && childRunEdits(fb, ctx, target, use, undefined);
      for (const [n, t] of child ?? []) fb.replace(n, t);
      return !!child;
    }
    const edit = runLoggingUse(fb, ctx, use);
    if (!edit) return false;
    fb.replace(edit[0], edit[1]);
    return true;
  });
}

/**
 * The `Run.get_context()` calls a name is bound to, in order: `[call]` when the name is bound once (or
 * not at all); several when every binding of the name in its scope is `name = Run.get_context()`, each a
 * statement of one block outside loops (`run = Run.get_context()` written again further down a script:
 * v1 returns the same run each time). `elsewhere`: the script calls it in another scope too (another
 * function's `run = Run.get_context()`): the same run in v1, and which call runs first is not known here,
 * so the first of these becomes `mlflow.active_run() or mlflow.start_run()` (a second start_run while a
 * run is active raises). Undefined otherwise.
 */
function contextCalls(ctx: RuleContext, call: SyntaxNode): { calls: SyntaxNode[]; elsewhere: boolean } | undefined {
  const calls = sameRunCalls(ctx, call);
  if (!calls) return undefined;
  const all = ctx.model.references.filter((r) => r.qname === 'azureml.core.Run.get_context' && r.call);
  const elsewhere = !all.every((r) => calls.some((c) => same(c, r.call!)));
  // `Run.get_context().log(...)` inline: an `or` there would need parentheses; only `name = Run.get_context()`.
  if (elsewhere && calls[0].parent?.type !== 'assignment') return undefined;
  return { calls, elsewhere };
}

/** contextCalls without the look at the script's other calls. */
function sameRunCalls(ctx: RuleContext, call: SyntaxNode): SyntaxNode[] | undefined {
  const target = call.parent?.type === 'assignment' && same(call.parent.childForFieldName('right') ?? undefined, call) ? call.parent.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return [call];
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  const contextCall = (b: (typeof list)[number]): SyntaxNode | undefined => {
    const assign = b.node.parent;
    const right = assign?.type === 'assignment' && same(assign.childForFieldName('left') ?? undefined, b.node) ? assign.childForFieldName('right') : undefined;
    return b.kind === 'assign' && right?.type === 'call' && qnameOf(ctx, right) === 'azureml.core.Run.get_context' ? right : undefined;
  };
  // The name bound to the run once, and otherwise to something else (`run = experiment.submit(config)` further
  // down a driver): which uses each binding reaches is reach.ts's to tell, as for any name bound twice.
  if (list.filter(contextCall).length <= 1) return [call];
  const calls: SyntaxNode[] = [];
  const block = call.parent!.parent?.parent;
  for (const b of list) {
    const right = contextCall(b);
    const assign = right?.parent;
    if (!right || assign!.parent?.type !== 'expression_statement' || !same(assign!.parent.parent ?? undefined, block ?? undefined) || inLoop(right)) return undefined;
    calls.push(right);
  }
  return calls.sort((a, b) => a.startIndex - b.startIndex);
}

/** A use of a run's name that another binding of the name may reach too (reach.ts). */
function sharedContextUse(ctx: RuleContext, run: SyntaxNode): boolean {
  const b = ctx.model.resolveName(run.text, run);
  return !b || !soleBinding(ctx.model, b);
}

/** An expression visibly a string: a literal (f-strings too), a concatenation, `str(...)`, `"...".format(...)`/`.join(...)`. */
function isText(ctx: RuleContext, node: SyntaxNode): boolean {
  if (node.type === 'string' || node.type === 'concatenated_string') return true;
  if (alwaysText(ctx, node)) return true;
  if (node.type !== 'call') return false;
  const fn = node.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text === 'str' && ctx.model.resolveName('str', fn) === undefined;
  const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  return (obj?.type === 'string' || obj?.type === 'concatenated_string') && ['format', 'join'].includes(fn!.childForFieldName('attribute')?.text ?? '');
}

/**
 * A text that holds no `/` or `\\` (a file name, not a path): literals without them joined by `+` with
 * `str(x)` of a loop variable over a list of numbers written out (`for alpha in [0.1, 0.2]:`, or a name bound once to it).
 */
function slashFree(ctx: RuleContext, node: SyntaxNode): boolean {
  if (node.type === 'string') return !node.descendantsOfType('interpolation').length && !/[\/\\]/.test(stringValue(node) ?? '/');
  if (node.type === 'parenthesized_expression') return node.namedChildren.length === 1 && slashFree(ctx, node.namedChildren[0]);
  if (node.type === 'binary_operator') return node.childForFieldName('operator')?.text === '+' && slashFree(ctx, node.childForFieldName('left')!) && slashFree(ctx, node.childForFieldName('right')!);
  if (node.type === 'identifier') {
    const v = onlyValue(ctx, node);
    return !!v && slashFree(ctx, v);
  }
  const fn = node.type === 'call' ? node.childForFieldName('function') : undefined;
  const arg = fn?.text === 'str' && !ctx.model.resolveName('str', fn) && !callArgs(node).keywords.size && callArgs(node).positional.length === 1 ? callArgs(node).positional[0] : undefined;
  const b = arg?.type === 'identifier' ? ctx.model.resolveName(arg.text, arg) : undefined;
  const loop = b?.node.parent;
  if (loop?.type !== 'for_statement' || !same(loop.childForFieldName('left'), b!.node) || (b!.scope.bindings.get(arg!.text) ?? []).length !== 1) return false;
  const right = loop.childForFieldName('right');
  const list = right?.type === 'identifier' ? onlyValue(ctx, right) : right;
  return list?.type === 'list' && list.namedChildren.length > 0 && list.namedChildren.every((e) => e.type === 'integer' || e.type === 'float');
}

/**
 * `upload_file(name=n, path_or_stream=p)` where `p = "<folder>/" + n` (both names bound once) and `n` holds
 * no folder: MLflow's log_artifact(p) stores the file at the artifact root under p's base name, n
 * (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.log_artifact).
 */
function uploadedUnder(ctx: RuleContext, name: SyntaxNode, path: SyntaxNode): boolean {
  const v = onlyValue(ctx, path);
  const dir = v?.type === 'binary_operator' && v.childForFieldName('operator')?.text === '+' ? v.childForFieldName('left') : undefined;
  const file = dir && v!.childForFieldName('right');
  const d = dir?.type === 'string' && !dir.descendantsOfType('interpolation').length ? stringValue(dir) : undefined;
  return name.type === 'identifier' && file?.type === 'identifier' && file.text === name.text && ctx.model.resolveName(file.text, file) === ctx.model.resolveName(name.text, name) && d !== undefined && d.endsWith('/') && !/\\/.test(d) && slashFree(ctx, name);
}

/**
 * `"<folder>/" + f` written out, f a name whose value holds no folder (slashFree): the folder without its
 * `./` and trailing `/` ('' for `"./"`) and f. Undefined for anything else (`..`, an absolute or Windows path).
 */
function folderPlusFile(ctx: RuleContext, node: SyntaxNode): { dir: string; file: SyntaxNode } | undefined {
  const left = node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+' ? node.childForFieldName('left') : undefined;
  const file = left && node.childForFieldName('right');
  const d = left?.type === 'string' && !left.descendantsOfType('interpolation').length ? stringValue(left) : undefined;
  if (d === undefined || file?.type !== 'identifier' || !d.endsWith('/') || /\\/.test(d) || d.startsWith('/') || d.split('/').includes('..') || !slashFree(ctx, file)) return undefined;
  const dir = d.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return /^[A-Za-z0-9_.\-/]*$/.test(dir) && !dir.split('/').some((x) => x === '.' || (x === '' && dir !== '')) ? { dir, file } : undefined;
}

/**
 * `run.log_row(name, col=v, ...)` as a table row: `mlflow.log_table(data={"col": [v], ...}, artifact_file="<name>.json")`.
 * v1 log_row adds one row to the run's table `name`, a column per keyword, each call another row (azureml-core
 * Run.log_row: "can be called once to log an arbitrary tuple, or multiple times in a loop to generate a complete
 * table"); MLflow's log_table writes the dict as a pandas DataFrame (`pd.DataFrame(data)`: one row of one-item
 * lists) to a JSON artifact and, when that artifact already exists in the run, appends the new rows to it
 * (mlflow/tracking/client.py `log_table`; https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.log_table,
 * MLflow >= 2.3), the migration table's "log_row/log_table → log_artifact(json)" (MLF). The name: a literal that
 * makes a plain file name (no quotes, separators, brackets or folders: kept conservative), or a variable (the DP-100 labs'
 * loop over column names) → `f"{name}.json"`. Only a call standing as its own statement.
 */
function logRowTable(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, nameNode: SyntaxNode | undefined, cols: Array<[string, SyntaxNode]>): string | undefined {
  if (!nameNode || call.parent?.type !== 'expression_statement') return undefined;
  let file: string;
  if (nameNode.type === 'identifier') {
    const known = knownString(ctx, nameNode);
    if (known !== undefined && !plainName(known)) return undefined;
    file = `f"{${nameNode.text}}.json"`;
  } else {
    const name = nameNode.type === 'string' && !nameNode.descendantsOfType('interpolation').length ? stringValue(nameNode) : undefined;
    if (!plainName(name)) return undefined;
    file = JSON.stringify(`${name}.json`);
  }
  const data = cols.map(([k, v]) => `${JSON.stringify(k)}: [${v.text}]`).join(', ');
  return `${fb.needModule('mlflow')}.log_table(data={${data}}, artifact_file=${file})`;
}

const LOGGING: Record<string, Builder> = {
  // Numbers and booleans (as 1/0) → mlflow.log_metric; called again (in a loop), MLflow keeps each value in
  // the metric's history as v1 kept a series (step 0 unless given: https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.log_metric).
  // A string is logged as a text artifact
  // (MLF "Log a string metric": mlflow.log_text(text, artifact_file)), `<name>.txt`; once only:
  // v1 keeps every value of a series, an artifact the last one.
  'azureml.core.Run.log': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['name', 'value', 'description', 'step'], ['name', 'value', 'step']);
    const name = args?.get('name');
    const value = args?.get('value');
    if (name && value && !args!.has('step') && isText(ctx, value)) {
      const file = knownString(ctx, name);
      return plainName(file) && !inLoop(ref.call!) && ref.call!.parent?.type === 'expression_statement' ? `${fb.needModule('mlflow')}.log_text(${value.text}, ${JSON.stringify(`${file}.txt`)})` : undefined;
    }
    // (A name bound to a string: MLflow metrics take numbers only.)
    if (!name || !value || !maybeNumber(value) || knownString(ctx, value) !== undefined || !validName(ctx, name)) return undefined;
    const v = value.type === 'true' ? '1' : value.type === 'false' ? '0' : value.text;
    const step = args!.get('step');
    return `${fb.needModule('mlflow')}.log_metric(${name.text}, ${v}${step ? `, step=${step.text}` : ''})`;
  },
  // MLF "Log an image": path → mlflow.log_artifact(path); "Log a matplotlib.pyplot": plot=plt →
  // mlflow.log_figure(figure, "<name>.png"); v1 saved the pyplot module's current figure (plot.savefig).
  'azureml.core.Run.log_image': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['name', 'path', 'plot'], ['name', 'path', 'plot']);
    const path = args?.get('path');
    const plot = args?.get('plot');
    if (path && !plot) return `${fb.needModule('mlflow')}.log_artifact(${path.text})`;
    const v = plot && ctx.model.evaluate(plot);
    const name = knownString(ctx, args?.get('name'));
    // A figure (`fig = plt.figure(...)`): v1 called its savefig as pyplot's; mlflow.log_figure takes the Figure itself.
    if (!path && plot?.type === 'identifier' && plainName(name) && qnameOf(ctx, definingCall(ctx, plot)) === 'matplotlib.pyplot.figure') {
      return `${fb.needModule('mlflow')}.log_figure(${plot.text}, ${JSON.stringify(`${name}.png`)})`;
    }
    if (path || !plot || plot.type !== 'identifier' || v?.kind !== 'ref' || v.qname !== 'matplotlib.pyplot' || !plainName(name)) return undefined;
    return `${fb.needModule('mlflow')}.log_figure(${plot.text}.gcf(), ${JSON.stringify(`${name}.png`)})`;
  },
  // log_row("t", a=1, b=2) → mlflow.log_metrics({"t.a": 1, "t.b": 2}) (MLF).
  // Otherwise (a text column, `stat=keys[i]`, or the table named by a variable, the DP-100 labs'
  // `run.log_row(col, stat=keys[i], value=values[i])` in a loop) → logRowTable.
  'azureml.core.Run.log_row': (fb, ref, ctx) => {
    const a = callArgs(ref.call!);
    // `log_row("t", name=x)`: the name given twice (a TypeError in v1), not a column to drop.
    if (a.positional.length && a.keywords.has('name')) return undefined;
    const nameNode = a.positional[0] ?? a.keywords.get('name');
    // (also a name bound once to the literal: the same table gets the same form wherever it is logged)
    const name = knownString(ctx, nameNode);
    if (a.splat || a.positional.length > 1 || a.keywords.has('description')) return undefined;
    const cols = [...a.keywords].filter(([k]) => k !== 'name');
    if (!cols.length) return undefined;
    const numeric = name !== undefined && !/["\\]/.test(name) && /^[\p{L}\p{N}_./\- :]*$/u.test(name) && cols.every(([, v]) => maybeNumber(v) && !alwaysText(ctx, v) && knownString(ctx, v) === undefined);
    if (numeric) return `${fb.needModule('mlflow')}.log_metrics({${cols.map(([k, v]) => `${JSON.stringify(`${name}.${k}`)}: ${v.text}`).join(', ')}})`;
    return logRowTable(fb, ctx, ref.call!, nameNode, cols);
  },
  // log_table(name, dict) → the table as a JSON artifact (MLF: json.dump + log_artifact; log_dict does both).
  'azureml.core.Run.log_table': logDict,
  'azureml.core.Run.log_accuracy_table': logDict,
  'azureml.core.Run.log_confusion_matrix': logDict,
  'azureml.core.Run.log_predictions': logDict,
  'azureml.core.Run.log_residuals': logDict,
  // upload_file("dir/f.txt", "f.txt") → mlflow.log_artifact("f.txt", artifact_path="dir"): same artifact path.
  'azureml.core.Run.upload_file': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['name', 'path_or_stream'], ['name', 'path_or_stream']);
    const name = knownString(ctx, args?.get('name'));
    const path = args?.get('path_or_stream');
    const local = knownString(ctx, path);
    // `filename = "outputs/" + model_name` uploaded as `model_name` (a file name without a folder, known or not): the artifact at the root, as v1 named it.
    if (path && local === undefined && uploadedUnder(ctx, args!.get('name')!, path)) return `${fb.needModule('mlflow')}.log_artifact(${path.text})`;
    // `name="outputs/" + f, path_or_stream="./" + f` (or `f`), f a file name without a folder: log_artifact(path)
    // stores the file under artifact_path by its base name, f (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.log_artifact).
    const under = path && name === undefined ? folderPlusFile(ctx, args!.get('name')!) : undefined;
    const from = path && folderPlusFile(ctx, path);
    if (under?.dir && path && ((path.type === 'identifier' && same(ctx.model.resolveName(path.text, path)?.node, ctx.model.resolveName(under.file.text, under.file)?.node) && path.text === under.file.text) || (from && from.file.text === under.file.text && ctx.model.resolveName(from.file.text, from.file) === ctx.model.resolveName(under.file.text, under.file)))) {
      return `${fb.needModule('mlflow')}.log_artifact(${path.text}, artifact_path=${JSON.stringify(under.dir)})`;
    }
    const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
    const dir = name?.includes('/') ? name.slice(0, name.lastIndexOf('/')).replace(/^\.\//, '') : '';
    if (path && name !== undefined && local !== undefined && !/\\/.test(name + local) && base(name) && base(name) === base(local) && !dir.startsWith('/') && !dir.includes('..')) {
      return `${fb.needModule('mlflow')}.log_artifact(${path.text}${dir && dir !== '.' ? `, artifact_path=${JSON.stringify(dir)}` : ''})`;
    }
    return undefined;
  },
  // A tag on the run → mlflow.set_tag(key, value) (MLF: MLflow runs carry the tags); v1 tag(key) alone sets no value.
  'azureml.core.Run.tag': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['key', 'value'], ['key', 'value']);
    return args?.get('key') && args.get('value') && validName(ctx, args.get('key')) && ref.call!.parent?.type === 'expression_statement' ? `${fb.needModule('mlflow')}.set_tag(${args.get('key')!.text}, ${args.get('value')!.text})` : undefined;
  },
  // set_tags({k: v}) → mlflow.set_tags({k: v}) (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.set_tags):
  // a dictionary written out with names MLflow accepts, or a name (v1 also took a string: not that).
  'azureml.core.Run.set_tags': (fb, ref, ctx) => {
    const tags = bindArgs(ref.call!, ['tags'], ['tags'])?.get('tags');
    if (!tags || ref.call!.parent?.type !== 'expression_statement') return undefined;
    const keys = tags.type === 'dictionary' ? tags.namedChildren.filter((c) => c.type !== 'comment') : undefined;
    const ok = keys ? keys.every((p) => p.type === 'pair' && validName(ctx, p.childForFieldName('key') ?? undefined)) : tags.type === 'identifier' && knownString(ctx, tags) === undefined;
    return ok ? `${fb.needModule('mlflow')}.set_tags(${tags.text})` : undefined;
  },
  // upload_folder(name, path) → mlflow.log_artifacts(path, artifact_path=name): the folder's files under `name`
  // (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.log_artifacts).
  'azureml.core.Run.upload_folder': (fb, ref, ctx) => {
    const args = bindArgs(ref.call!, ['name', 'path', 'datastore_name'], ['name', 'path']);
    const name = args?.get('name');
    const path = args?.get('path');
    const dir = knownString(ctx, name)?.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!name || !path || dir === undefined || ref.call!.parent?.type !== 'expression_statement' || /\\/.test(dir) || dir.startsWith('/') || dir.split('/').includes('..')) return undefined;
    return `${fb.needModule('mlflow')}.log_artifacts(${path.text}${dir && dir !== '.' ? `, artifact_path=${dir === knownString(ctx, name) ? name.text : JSON.stringify(dir)}` : ''})`;
  },
  // Completing the run → ending the MLflow run (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.end_run).
  'azureml.core.Run.complete': (fb, ref) => (noArgs(ref.call!) && ref.call!.parent?.type === 'expression_statement' ? `${fb.needModule('mlflow')}.end_run()` : undefined),
};

/**
 * A list whose items are (or may be) strings, which an MLflow `Metric` rejects (its value is a float; v1 log_list
 * took any scalars): a list or tuple written out with an item that is not a number, a name bound once to such a
 * value, or an expression reading a frame's columns, dtypes or index or making strings (`list(x_df.columns)`, the
 * interactive-logging notebooks' `run.log_list("Inputs", ...)`; `.astype(str)`, `str(...)`).
 */
function textList(ctx: RuleContext, value: SyntaxNode): boolean {
  if (value.type === 'list' || value.type === 'tuple') return value.namedChildren.some((x) => x.type !== 'comment' && (!maybeNumber(x) || alwaysText(ctx, x) || knownString(ctx, x) !== undefined));
  // (A name bound once: its value; names, dtypes and anything made `str`.)
  const bound = onlyValue(ctx, value);
  if (bound) return textList(ctx, bound);
  return /\.(columns|dtypes|index)\b|\bastype\(\s*str\b|\bstr\(/.test(value.text);
}

/**
 * A use of a run that becomes an MLflow run in the same fix (`run = mlflow.start_run()`): its
 * logging calls → MLflow (the LOGGING table), `run.id` → `run.info.run_id`, and `log_list(name,
 * values)` → one batch of metrics at step 0 (MLF "Log a list of metrics": MlflowClient().log_batch
 * with mlflow.entities.Metric). Undefined for anything else.
 */
function runLoggingUse(fb: FixBuilder, ctx: RuleContext, use: SyntaxNode): [SyntaxNode, string] | undefined {
  if (underV1Handler(ctx, use)) return undefined;
  const m = memberOf(use);
  if (m && !m.call && m.name === 'id') {
    // The id's form read (`run.id.startswith("OfflineRun")`, compared): an MLflow run id has another form.
    const up = m.attr.parent;
    return up?.type === 'attribute' || up?.type === 'comparison_operator' ? undefined : [m.attr, `${use.text}.info.run_id`];
  }
  const ref = m?.call && referenceAt(ctx, m.attr);
  if (!ref) return undefined;
  if (ref.qname === 'azureml.core.Run.log_list') {
    const a = bindArgs(ref.call!, ['name', 'value', 'description'], ['name', 'value']);
    const name = a?.get('name');
    const value = a?.get('value');
    if (!name || !value || /\bval\b/.test(name.text) || ref.call!.parent?.type !== 'expression_statement' || textList(ctx, value)) return undefined;
    const metric = fb.need('mlflow.entities', 'Metric');
    const time = fb.needModule('time');
    return [ref.call!, `${fb.need('mlflow.tracking', 'MlflowClient')}().log_batch(${use.text}.info.run_id, metrics=[${metric}(key=${name.text}, value=val, timestamp=int(${time}.time() * 1000), step=0) for val in ${value.text}])`];
  }
  const build = Object.prototype.hasOwnProperty.call(LOGGING, ref.qname) ? LOGGING[ref.qname] : undefined;
  const text = build && build(fb, ref, ctx);
  return text === undefined ? undefined : [m!.call!, text];
}

// ---- Submitted runs → jobs (CMD): experiment.submit, and what is done with the run it returns ----

/** A v2 job object: made by an `azure.ai.ml` call (`command(...)`, `automl.classification(...)`). */
function v2Job(ctx: RuleContext, config: SyntaxNode): boolean {
  const q = qnameOf(ctx, madeBy(ctx, config));
  return !!q && sdkOf({ kind: 'ref', qname: q }) === 'v2';
}

/** `print` is the builtin here. */
function isPrint(ctx: RuleContext, call: SyntaxNode | null | undefined): boolean {
  return call?.type === 'call' && call.childForFieldName('function')?.text === 'print' && ctx.model.resolveName('print', call) === undefined;
}

/** The expression is shown, not used: a notebook cell's last expression statement, or a `print(...)` argument. */
function shown(ctx: RuleContext, expr: SyntaxNode): boolean {
  if (expr.parent?.type === 'expression_statement') return true;
  return expr.parent?.type === 'argument_list' && isPrint(ctx, expr.parent.parent);
}

/** Shown (`shown`), possibly as part of a text: `"v" + x`, `"v{}".format(x)`, an f-string's `{x}`. */
function displayed(ctx: RuleContext, expr: SyntaxNode): boolean {
  let e = expr;
  for (let p = e.parent; p; p = e.parent) {
    const fn = p.type === 'argument_list' ? p.parent?.childForFieldName('function') : undefined;
    if (p.type === 'parenthesized_expression' || (p.type === 'binary_operator' && p.childForFieldName('operator')?.text === '+')) e = p;
    else if (p.type === 'interpolation' && p.parent?.type === 'string') e = p.parent;
    else if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' && fn.childForFieldName('object')?.type === 'string') e = p.parent!;
    else break;
  }
  return shown(ctx, e);
}

/** Shown as it is or as `list(...)` of it (a notebook cell's value, a print). */
function shownList(ctx: RuleContext, expr: SyntaxNode): boolean {
  const holder = expr.parent?.type === 'argument_list' && expr.parent.namedChildren.length === 1 ? expr.parent.parent : undefined;
  const fn = holder?.childForFieldName('function');
  if (holder && fn?.type === 'identifier' && fn.text === 'list' && ctx.model.resolveName('list', fn) === undefined) return shown(ctx, holder);
  return shown(ctx, expr);
}

/**
 * A list of file names shown as `shownList` does, or as its JSON text printed, `print(json.dumps(run.get_file_names(), indent=2))`
 * (the older DP-100 labs): json.dumps of a list of strings works on v1's list and on the MLflow listing alike
 * (https://docs.python.org/3/library/json.html#json.dumps); only `import json`'s dumps, with at most `indent=`.
 */
function shownNames(ctx: RuleContext, expr: SyntaxNode): boolean {
  if (shownList(ctx, expr)) return true;
  const args = expr.parent?.type === 'argument_list' ? expr.parent : undefined;
  const holder = args?.parent;
  const fn = holder?.type === 'call' ? holder.childForFieldName('function') : undefined;
  if (!args || !holder || fn?.type !== 'attribute' || fn.text !== 'json.dumps') return false;
  const b = ctx.model.resolveName('json', fn);
  if (b?.kind !== 'import' || b.importRecord?.module !== 'json') return false;
  const { positional, keywords, splat } = callArgs(holder);
  if (splat || positional.length !== 1 || !same(positional[0], expr) || [...keywords.keys()].some((k) => k !== 'indent')) return false;
  return holder.parent?.type === 'argument_list' && holder.parent.namedChildren.length === 1 && isPrint(ctx, holder.parent.parent);
}

/**
 * An MLflow client on the workspace of the v2 client `ml`: MLF ("View run info and data":
 * `MlflowClient().get_run(id).data.metrics`), pointed at the workspace's tracking URI (TRK:
 * `ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri`); MlflowClient takes
 * it as its first argument, tracking_uri (https://mlflow.org/docs/latest/python_api/mlflow.client.html).
 */
export function trackingClient(fb: FixBuilder, ml: string): string {
  return `${fb.need('mlflow.tracking', 'MlflowClient')}(${trackingUri(ml)})`;
}


/**
 * A relative literal path as Python's posixpath.normpath reads it (empty and `.` segments dropped);
 * undefined for an absolute path, a `..` segment, a backslash or a path that normalises to `.`.
 */
function normPath(p: string): string | undefined {
  if (p.startsWith('/') || p.includes('\\')) return undefined;
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  // (A trailing `/` of a folder is kept, as the docs write a folder's URI: `.../paths/model/`.)
  return !parts.length || parts.includes('..') ? undefined : parts.join('/') + (p.endsWith('/') ? '/' : '');
}

/** `"...{expr}..."` for a model path under a job's artifacts: the literal inlined, else an f-string. */
function jobArtifactPath(ctx: RuleContext, job: string, path: SyntaxNode, id = `${job}.name`): string | undefined {
  const lit = knownString(ctx, path);
  // v1 normalises the path before matching it against the run's artifact names (azureml-core run.py
  // Run.register_model: `model_path = os.path.normpath(model_path)`, separators then `/`), so a literal is
  // written normalised (`./outputs/model.pkl` → `outputs/model.pkl`, `./output` → `output`), where an `azureml://`
  // URI would keep `.` segments as written. Refused: an absolute path, `..`, and a path normalised to `.` (`./`:
  // v1 matched no artifact with it and raised ModelPathNotFoundException).
  if (lit !== undefined && path.type === 'string') {
    const norm = normPath(lit);
    return /["\\{}\n]/.test(lit) || norm === undefined ? undefined : `f"azureml://jobs/{${id}}/outputs/artifacts/paths/${norm}"`;
  }
  // `"outputs/" + f` (f a name holding no folder: folderPlusFile) → `outputs/{f}`, as v1's normpath reads it.
  const plus = path.type === 'binary_operator' ? folderPlusFile(ctx, path) : undefined;
  if (plus) return `f"azureml://jobs/{${id}}/outputs/artifacts/paths/${plus.dir ? `${plus.dir}/` : ''}{${plus.file.text}}"`;
  // `os.path.join("outputs", "model.onnx")` (a path built from literals and names) is kept as written, in the f-string.
  const fn = path.type === 'call' ? path.childForFieldName('function') : undefined;
  const joined = fn?.text === 'os.path.join' && ctx.model.resolveName('os', fn)?.kind === 'import' && callArgs(path).positional.length > 0 && !callArgs(path).keywords.size && !callArgs(path).splat && callArgs(path).positional.every((p) => p.type === 'identifier' || (p.type === 'string' && !p.descendantsOfType('interpolation').length)) && !/[\\{}\n]/.test(path.text) && !(path.text.includes('"') && path.text.includes("'"));
  // A value the URI would keep otherwise than v1's normpath reads it (`./`, `..`, `//`, absolute): refused, for a name
  // known to hold such a string and for a literal part of the join.
  const plain = (v: string): boolean => v === '' || normPath(v) === v;
  const value = path.type === 'identifier' ? onlyValue(ctx, path) : undefined;
  if (lit !== undefined && !value && !plain(lit)) return undefined;
  if (joined && callArgs(path).positional.some((p) => p.type === 'string' && !plain(stringValue(p) ?? '/'))) return undefined;
  // A name bound once: the string literals of its value (`os.path.join("./outputs", f)`, `"./outputs/" + f`) alike, else
  // that value read as written inline (`mp = "./outputs/" + f` then `model_path=mp` → `outputs/{f}`), its names reading alike here.
  // (An f-string's text between its quotes, string_start and string_end, `{...}` kept: its literal parts checked.)
  const between = (x: SyntaxNode): string => x.text.slice(x.firstChild?.text.length ?? 0, x.text.length - (x.lastChild?.text.length ?? 0));
  if (value && [value, ...value.descendantsOfType('string')].some((x) => x.type === 'string' && !plain(stringValue(x) ?? (x.descendantsOfType('interpolation').length ? between(x) : '/')))) {
    const alike = value.descendantsOfType('identifier').every((n) => ctx.model.resolveName(n.text, n) === ctx.model.resolveName(n.text, path));
    return alike && (value.type === 'string' || value.type === 'binary_operator') ? jobArtifactPath(ctx, job, value, id) : undefined;
  }
  // The f-string's quote is one the path's own literals do not use (a nested same quote needs Python 3.12).
  const q = joined && path.text.includes('"') ? "'" : '"';
  return path.type === 'identifier' || path.type === 'attribute' || joined ? `f${q}azureml://jobs/{${id}}/outputs/artifacts/paths/{${path.text}}${q}` : undefined;
}

/**
 * `run.register_model(model_name, model_path)` on a submitted run → a model registered from the
 * job's artifacts (MODEL: `Model(path="azureml://jobs/<run_id>/outputs/artifacts/paths/model/",
 * type=AssetTypes.CUSTOM_MODEL)` + `ml_client.models.create_or_update`; the v1 default is a custom model).
 * `properties=` → the v2 Model's `properties` (azure.ai.ml.entities.Model, https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.model),
 * each `run.get_metrics()` in it the MLflow run's metrics as jobUseEdits writes them. The model's
 * `id` read afterwards: v1's is `<name>:<version>` (azureml-core Model.id), v2's the ARM ID, so it is
 * written `f"{model.name}:{model.version}"`. The result: the call's text and the edits of those reads.
 */
function registerModel(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, job: string, ml: string, mlflowRun?: { id: string; metrics: string }): [string, Edits] | undefined {
  const a = bindArgs(call, ['model_name', 'model_path', 'tags', 'properties', 'model_framework', 'model_framework_version', 'description'], ['model_name', 'model_path', 'tags', 'properties', 'description', 'model_framework', 'model_framework_version']);
  const name = a?.get('model_name');
  const path = a?.get('model_path');
  // `model_framework=` (v1 no-code deployment and profiling only; v2 Model has no framework field:
  // https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.entities.model) is dropped, as deploy.ts
  // drops it from Model.register, marked `# amlint: review` at the end of the call's statement and line.
  const stmt = call.parent?.type === 'assignment' ? call.parent.parent : call.parent;
  const framework = !!a && (a.has('model_framework') || a.has('model_framework_version'));
  if (framework && (!a!.has('model_framework') || stmt?.type !== 'expression_statement' || stmt.endIndex !== call.endIndex || !endsLine(ctx, call) || /#/.test(ctx.module.text.slice(call.endIndex, (ctx.module.text.indexOf('\n', call.endIndex) + 1 || ctx.module.text.length + 1) - 1)))) return undefined;
  // The v2 Model returned has the v1 one's name, version, tags, properties and description; nothing else is read the same.
  if (!name || !path || !variableFree(ctx, call, ['name', 'version', 'tags', 'description', 'id'])) return undefined;
  // The job's uses among the arguments: only `run.get_metrics()` in the properties (inRegisterModel leaves them to this).
  const propsNode = a!.get('properties');
  const args = call.childForFieldName('arguments');
  if (args?.descendantsOfType('identifier').some((id) => id.text === job && !(propsNode && propsNode.startIndex <= id.startIndex && id.endIndex <= propsNode.endIndex))) return undefined;
  const uri = jobArtifactPath(ctx, job, path, mlflowRun?.id);
  const props = a!.get('properties') && metricsIn(fb, ctx, a!.get('properties')!, job, ml, mlflowRun?.metrics);
  if (!uri || (a!.has('properties') && props === undefined)) return undefined;
  const edits: Edits = [];
  const target = assignedName(call);
  for (const use of target ? usesOf(ctx, target) : []) {
    const m = memberOf(use);
    // Read as they are (the v2 Model has them): part of this fix, so their findings offer it.
    if (m && !m.call && ['name', 'version', 'tags', 'description'].includes(m.name)) {
      edits.push([m.attr, m.attr.text]);
      continue;
    }
    if (m?.name !== 'id') continue;
    if (m.call || m.attr.parent?.type === 'interpolation' || (m.attr.parent?.type === 'assignment' && same(m.attr.parent.childForFieldName('left'), m.attr))) return undefined;
    edits.push([m.attr, `f"{${use.text}.name}:{${use.text}.version}"`]);
  }
  const entities = fb.needModule('azure.ai.ml.entities');
  const types = fb.need('azure.ai.ml.constants', 'AssetTypes');
  return [`${ml}.models.create_or_update(${entities}.Model(${kwargs([['name', name], ['path', uri], ['type', `${types}.CUSTOM_MODEL`], ['tags', a!.get('tags')], ['properties', props], ['description', a!.get('description')]])}))${framework ? '  # amlint: review' : ''}`, edits];
}

/**
 * `m["acc"][-1]` of `m = run.get_metrics()` (exactly `[-1]`, through the assigned name): the last value
 * v1 logged of a repeated metric (a list; a metric logged once is a number, which `[-1]` cannot index).
 * MLflow's `data.metrics` holds each metric's latest value: the one at the largest step, then the
 * latest timestamp (https://mlflow.org/docs/latest/rest-api.html#get-run: "the most recently logged
 * metric value at the largest step"; RunData.metrics: ties of timestamp → their maximum), which is the
 * last one logged for a metric logged without a step or with growing steps, so the read loses its `[-1]`.
 */
function lastValueReads(ctx: RuleContext, call: SyntaxNode): SyntaxNode[] {
  const assign = call.parent;
  const target = assign?.type === 'assignment' && same(assign.childForFieldName('right'), call) ? assign.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return [];
  return usesOf(ctx, target).flatMap((u) => {
    const sub = u.parent?.type === 'subscript' && same(u.parent.childForFieldName('value'), u) ? u.parent : undefined;
    const up = sub?.parent;
    return up?.type === 'subscript' && same(up.childForFieldName('value'), sub) && isLast(up) ? [up] : [];
  });
}

/** `x[-1]` (one index, exactly -1). */
function isLast(sub: SyntaxNode): boolean {
  const index = sub.namedChildren.filter((c) => c.type !== 'comment').slice(1);
  return index.length === 1 && index[0].type === 'unary_operator' && index[0].text.replace(/\s+/g, '') === '-1';
}

/** The rewrite of a `get_metrics()` call (`text`), with its `m["k"][-1]` reads → `m["k"]` (lastValueReads). */
function metricsEdits(ctx: RuleContext, call: SyntaxNode, text: string): Edits {
  return [[call, text], ...lastValueReads(ctx, call).map((up): [SyntaxNode, string] => [up, up.childForFieldName('value')!.text])];
}

/**
 * A `get_metrics()` result read as a series: v1 returns a list for a metric logged more than once,
 * MLflow's `data.metrics` the latest value only (MLF "View run info and data"), so `m["loss"][-2]`,
 * `max(m["acc"])`, `for v in m["loss"]:` or `plt.plot(m["loss"])` would change meaning. Through one
 * assigned name too. `m["loss"][-1]` through the name is the latest value (lastValueReads).
 */
function metricsReadAsSeries(ctx: RuleContext, call: SyntaxNode): boolean {
  const last = lastValueReads(ctx, call);
  const assign = call.parent;
  const target = assign?.type === 'assignment' && same(assign.childForFieldName('right'), call) ? assign.childForFieldName('left') : undefined;
  if (target && target.type !== 'identifier') return true;
  const uses = target ? usesOf(ctx, target) : [call];
  const ITERATING = /^(max|min|sum|len|sorted|list|tuple|set|enumerate|zip|reversed|iter|any|all|map|filter)$|plot|(^|\.)(np|numpy|statistics|pd|pandas)\./;
  return uses.some((u) => {
    const sub = u.parent?.type === 'subscript' && same(u.parent.childForFieldName('value'), u) ? u.parent : undefined;
    if (!sub) return false;
    const up = sub.parent;
    if (up?.type === 'subscript' && same(up.childForFieldName('value'), sub)) return !last.some((l) => same(l, up));
    if ((up?.type === 'for_statement' || up?.type === 'for_in_clause') && same(up.childForFieldName('right'), sub)) return true;
    const fn = up?.type === 'argument_list' && up.parent?.type === 'call' ? up.parent.childForFieldName('function')?.text : undefined;
    return fn !== undefined && ITERATING.test(fn);
  });
}

/** `run.get_metrics()` calls on `job` inside `node`: its text with each one → the MLflow run's metrics; undefined for another use of the job there. */
function metricsIn(fb: FixBuilder, ctx: RuleContext, node: SyntaxNode, job: string, ml: string, metrics?: string): string | undefined {
  const parts: Array<[SyntaxNode, string]> = [];
  for (const id of node.descendantsOfType('identifier')) {
    if (id.text !== job || ctx.model.resolveName(job, id) !== ctx.model.resolveName(job, node)) continue;
    const m = memberOf(id);
    if (!m?.call || m.name !== 'get_metrics' || !noArgs(m.call) || metricsReadAsSeries(ctx, m.call)) return undefined;
    parts.push([m.call, metrics ?? `${trackingClient(fb, ml)}.get_run(${job}.name).data.metrics`]);
  }
  let text = node.text;
  for (const [n, t] of parts.sort((x, y) => y[0].startIndex - x[0].startIndex)) text = text.slice(0, n.startIndex - node.startIndex) + t + text.slice(n.endIndex - node.startIndex);
  return text;
}

/** Inside the arguments of `job.register_model(...)` (metricsIn rewrites the job's uses there). */
function inRegisterModel(use: SyntaxNode, job: string): boolean {
  for (let p = use.parent; p; p = p.parent) {
    if (p.type !== 'argument_list') continue;
    const fn = p.parent?.childForFieldName('function');
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'register_model' && fn.childForFieldName('object')?.text === job) return true;
  }
  return false;
}

/**
 * `run.get_details()[key]` of a v2 job `job`, directly or through a name bound once only read so, for the keys v2
 * holds the same data for: "runId" → the job's name (CMD: the job name is the run ID), "status" → the job's status
 * (the run statuses v1 returns: see jobUseEdits), both from `ml_client.jobs.get` (JobOperations.get, SDK
 * _job_operations.py); "startTimeUtc"/"endTimeUtc" shown → the MLflow run's `info.start_time`/`end_time` (MLF: the
 * job's name is its MLflow run ID), milliseconds since the epoch where v1 showed an ISO-8601 text
 * (https://mlflow.org/docs/latest/rest-api.html#runinfo): the same instant shown otherwise, `# amlint: review`.
 * Undefined for any other key (runDefinition, properties, logFiles, target...: no same v2 field verified) or read.
 */
function detailsReads(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, job: string, ml: string): Edits | undefined {
  const keyOf = (n: SyntaxNode): [SyntaxNode, string] | undefined => {
    const sub = n.parent;
    const key = sub?.type === 'subscript' && same(sub.childForFieldName('value'), n) && sub.namedChildren.length === 2 ? sub.childForFieldName('subscript') : undefined;
    const k = key?.type === 'string' && !key.descendantsOfType('interpolation').length ? stringValue(key) : undefined;
    return k === undefined ? undefined : [sub!, k];
  };
  const target = keyOf(call) ? undefined : assignedName(call);
  const uses = target ? usesOfAssigned(ctx, call) : [call];
  const distinct = uses && [...new Map(uses.map((u) => [u.id, u])).values()];
  if (!distinct?.length || (target && (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1)) return undefined;
  const edits: Edits = [];
  const marks = new Map<number, [SyntaxNode, string]>();
  const get = `${ml}.jobs.get(${job}.name)`;
  const base = target ? target.text : get;
  for (const u of distinct) {
    const read = keyOf(u);
    if (!read) return undefined;
    const [sub, key] = read;
    if (key === 'runId') edits.push([sub, target ? `${base}.name` : `${job}.name`]);
    else if (key === 'status') edits.push([sub, `${base}.status`]);
    else if (key === 'startTimeUtc' || key === 'endTimeUtc') {
      const mark = shown(ctx, sub) ? reviewMark(ctx, sub) : undefined;
      if (!mark) return undefined;
      edits.push([sub, `${trackingClient(fb, ml)}.get_run(${target ? `${base}.name` : `${job}.name`}).info.${key === 'startTimeUtc' ? 'start_time' : 'end_time'}${mark === 'append' ? REVIEW : ''}`]);
      if (mark !== 'append') marks.set(mark[0].id, mark);
    } else return undefined;
  }
  if (target) edits.unshift([call, get]);
  return [...edits, ...marks.values()];
}

/**
 * The keywords of `Experiment.submit(config, tags=None, **kwargs)` read here; the kwargs are the submit options of the
 * config's type (azureml-core Experiment.submit; a Pipeline's: azureml-pipeline-core Pipeline.submit).
 */
const SUBMIT_KEYS = ['config', 'regenerate_outputs', 'show_output', 'tags', 'pipeline_parameters', 'continue_on_step_failure'];
/** A v1 pipeline's own submit options, which pipelines.ts moves into the v2 pipeline. */
const PIPELINE_SUBMIT_KEYS = ['regenerate_outputs', 'pipeline_parameters', 'continue_on_step_failure'];

/** The `exp.submit(config)` call: the experiment expression, its `Experiment(ws, name)` call, and the config. */
function submitParts(ctx: RuleContext, call: SyntaxNode): { exp: SyntaxNode; expCall: SyntaxNode; config: SyntaxNode; ws: SyntaxNode; name: SyntaxNode; rerun: boolean; continueOnFailure: boolean; params?: SyntaxNode; show: boolean; tags?: SyntaxNode } | undefined {
  if (qnameOf(ctx, call) !== 'azureml.core.Experiment.submit') return undefined;
  // `regenerate_outputs=`, `continue_on_step_failure=` (a v1 pipeline's submit options, literal) and
  // `pipeline_parameters=`: jobEdits moves them into the pipeline (pipelines.ts).
  // `show_output=` (literal): an AutoML submit's, which waits showing the progress (submissionEdits).
  const bound = bindArgs(call, ['config'], SUBMIT_KEYS);
  const regenerate = bound?.get('regenerate_outputs');
  const carryOn = bound?.get('continue_on_step_failure');
  const show = bound?.get('show_output');
  if ([regenerate, carryOn, show].some((x) => x && x.type !== 'true' && x.type !== 'false')) return undefined;
  const config = bound?.get('config');
  const fn = call.childForFieldName('function');
  const exp = fn?.type === 'attribute' ? fn.childForFieldName('object') ?? undefined : undefined;
  const expCall = madeBy(ctx, exp);
  if (!config || !exp || !expCall || qnameOf(ctx, expCall) !== 'azureml.core.Experiment') return undefined;
  const e = bindArgs(expCall, ['workspace', 'name'], ['workspace', 'name']);
  const ws = e?.get('workspace');
  const name = e?.get('name');
  if (!ws || !name || !keptAt(ctx, name, call) || !sameAt(ctx, ws, call)) return undefined;
  // A HyperDrive submit's `show_output=` is dropped: v1 HyperDrive's submit function, search(config, workspace,
  // experiment_name, **kwargs), reads its kwargs only for a HyperDriveConfig(pipeline=) (continue_on_step_failure,
  // regenerate_outputs, pipeline_params: azureml-train-core hyperdrive/_search.py and runconfig.py
  // `_get_platform_config`, `_get_platform_config_data_from_pipeline`); for an estimator or a ScriptRunConfig it
  // neither waits nor prints, as create_or_update does not.
  const configKind = show ? qnameOf(ctx, madeBy(ctx, config)) : undefined;
  const hyperDrive = ['azureml.train.hyperdrive.HyperDriveConfig', 'azureml.train.hyperdrive.HyperDriveRunConfig'].includes(configKind ?? '');
  if (show && configKind !== 'azureml.train.automl.AutoMLConfig' && !hyperDrive) return undefined;
  return { exp, expCall, config, ws, name, rerun: regenerate?.type === 'true', continueOnFailure: carryOn?.type === 'true', params: bound!.get('pipeline_parameters'), show: !hyperDrive && show?.type === 'true', tags: bound!.get('tags') };
}

/**
 * `run = Experiment(ws, name).submit(job)` and every use of `run`, rewritten together:
 * the run becomes the v2 job `create_or_update` returns, so each use must change with it.
 * The job configuration itself is not rewritten here (see `jobEdits`). Undefined unless the
 * experiment's name, its workspace and every use of the run translate.
 */
function submissionEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const p = submitParts(ctx, call);
  const client = p && clientOf(fb, ctx, p.ws);
  const uses = p && usesOfAssigned(ctx, call);
  if (!p || !client || !uses || underV1Handler(ctx, call)) return undefined;
  const ml = client.ml;
  // A v1 pipeline: the pipeline job, or its function called again (with `pipeline_parameters` or for a later submit:
  // pipelines.ts pipelineCall).
  const made = madeBy(ctx, p.config);
  const config = qnameOf(ctx, made) === PIPELINE ? pipelineCall(ctx, made, call, p.params) : p.params ? undefined : p.config.text;
  if (config === undefined) return undefined;
  // submit(tags=) → create_or_update(tags=), which sets the job's tags (SDK operations/_job_operations.py), in place.
  let create = `${ml}.jobs.create_or_update(${config}, experiment_name=${p.name.text}${p.tags ? `, tags=${p.tags.text}` : ''})`;
  if (p.show) {
    // AutoMLConfig: submit(show_output=True) waits for the run, printing its progress: stream the job after it.
    const run = assignedName(call);
    if (!run || call.parent?.parent?.type !== 'expression_statement' || !endsLine(ctx, call)) return undefined;
    create += `\n${lineIndent(ctx, call)}${ml}.jobs.stream(${run.text}.name)`;
  }
  const edits: Edits = [[call, create], ...client.edits];
  const sweep = ['azureml.train.hyperdrive.HyperDriveConfig', 'azureml.train.hyperdrive.HyperDriveRunConfig'].includes(qnameOf(ctx, madeBy(ctx, p.config)) ?? '');
  const more = jobUseEdits(fb, ctx, ml, uses, sweep, qnameOf(ctx, made) === PIPELINE);
  return more && [...edits, ...more];
}

/**
 * For pipelines.ts (selfSubmitEdits): the uses of the v1 PipelineRun of `pipeline.submit(...)` (`call`, a statement or
 * assigned to a name bound once in its scope) as jobUseEdits rewrites a submitted pipeline run's, `ml` the client.
 * Undefined when a use does not translate or the submit is under a v1 handler (underV1Handler).
 */
export function pipelineRunUseEdits(fb: FixBuilder, ctx: RuleContext, ml: string, call: SyntaxNode): Edits | undefined {
  if (underV1Handler(ctx, call)) return undefined;
  if (call.parent?.type === 'expression_statement') return [];
  const run = assignedName(call);
  return run && onlyBinding(ctx, run) ? jobUseEdits(fb, ctx, ml, usesOf(ctx, run), false, true) : undefined;
}

/**
 * The final statuses of a v1 pipeline run and their v2 job spelling: a v1 run that ended reports "Finished"
 * (completed successfully), "Failed" or "Canceled" (azureml-pipeline-core PipelineRun.get_status,
 * https://learn.microsoft.com/python/api/azureml-pipeline-core/azureml.pipeline.core.pipelinerun); a v2 job that
 * ended is "Completed", "Failed" or "Canceled" (JobStatus,
 * https://learn.microsoft.com/javascript/api/@azure/arm-machinelearning/knownjobstatus): the same run ends in the
 * same one. Not the states of a run still going: v1 waits while a pipeline run is "NotStarted", "Running", "Queued"
 * or "Unknown" (azureml-pipeline-core run.py RUNNING_STATES), a v2 job goes through states of its own ("Starting",
 * "Preparing", "Queued", "Running", "Finalizing", "CancelRequested", ...), so `status == "Running"` can be true in
 * one and false in the other at the same moment: a comparison with one of those is refused.
 */
const PIPELINE_STATUS: Record<string, string> = { Failed: 'Failed', Finished: 'Completed', Canceled: 'Canceled' };

/** A plain string literal's value (no f-string, no concatenation). */
function plainLiteral(n: SyntaxNode | null | undefined): string | undefined {
  if (n?.type !== 'string' || n.descendantsOfType('interpolation').length) return undefined;
  const m = /^(['"])([A-Za-z]+)\1$/.exec(n.text);
  return m ? m[2] : undefined;
}

/** `text` with the v1 status spelled as v2 spells it, the quotes kept. */
const v2Status = (lit: SyntaxNode, value: string): string => lit.text.replace(value, PIPELINE_STATUS[value]!);

/**
 * The edits that keep a comparison of a pipeline run's status true in v2: `s == "Finished"` / `s != "Failed"` /
 * `s in ("Failed", "Finished")` with the v1 literal spelled as v2 spells it (PIPELINE_STATUS); undefined for any
 * other comparison (a status of a run still going, an unknown or non-literal status), [] when `expr` is only shown
 * (displayed).
 */
function pipelineStatusReadEdits(ctx: RuleContext, expr: SyntaxNode): Edits | undefined {
  if (displayed(ctx, expr)) return [];
  const cmp = expr.parent;
  if (cmp?.type !== 'comparison_operator' || cmp.namedChildren.length !== 2) return undefined;
  const op = cmp.children.find((c) => !c.isNamed)?.text;
  const other = same(cmp.namedChildren[0], expr) ? cmp.namedChildren[1] : same(cmp.namedChildren[1], expr) ? cmp.namedChildren[0] : undefined;
  if (!other) return undefined;
  const lits = (op === '==' || op === '!=') ? [other] : (op === 'in' || op === 'not in') && same(cmp.namedChildren[0], expr) && (other.type === 'tuple' || other.type === 'list' || other.type === 'set') ? other.namedChildren : undefined;
  if (!lits?.length) return undefined;
  const edits: Edits = [];
  for (const lit of lits) {
    const value = plainLiteral(lit);
    if (!value || !Object.prototype.hasOwnProperty.call(PIPELINE_STATUS, value)) return undefined;
    if (PIPELINE_STATUS[value] !== value) edits.push([lit, v2Status(lit, value)]);
  }
  return edits;
}

/** The binding of the identifier `target` in its scope when it is the name's only one there. */
function onlyBinding(ctx: RuleContext, target: SyntaxNode): boolean {
  const list = ctx.model.scopeAt(target).bindings.get(target.text) ?? [];
  return list.length === 1 && same(list[0]!.node, target);
}

/**
 * The reads of a v1 pipeline run's `get_status()` call `c` kept true when it becomes the v2 job's status: shown or
 * compared with literals (pipelineStatusReadEdits), directly or through a name bound once whose uses are so
 * (the call's own edit is the caller's). Undefined for any other read. A PipelineRun fetched by ID, and the run of
 * `experiment.submit(pipeline)` (a PipelineRun), whose "Finished" v2 spells "Completed".
 */
function pipelineStatusEdits(ctx: RuleContext, c: SyntaxNode): Edits | undefined {
  const target = assignedName(c);
  if (!target) return pipelineStatusReadEdits(ctx, c);
  if (!onlyBinding(ctx, target)) return undefined;
  const reads = usesOf(ctx, target);
  if (!reads.length) return undefined;
  const edits: Edits = [];
  for (const r of reads) {
    const more = pipelineStatusReadEdits(ctx, r);
    if (!more) return undefined;
    edits.push(...more);
  }
  return edits;
}

/**
 * The arguments of a run's `wait_for_completion` that `jobs.stream` keeps: `show_output=`, `wait_post_processing=`
 * (Run.wait_for_completion). A v1 PipelineRun's is `wait_for_completion(show_output, timeout_seconds, raise_on_error)`
 * (azureml-pipeline-core PipelineRun): `show_output=` and `raise_on_error=True`, v1's default (JobOperations.stream
 * raises too when the job failed, azure-ai-ml operations/_job_ops_helper.py
 * stream_logs_until_completion(raise_exception_on_failed_job=True)); not `timeout_seconds=` or `raise_on_error=False`.
 */
function waitArgs(c: SyntaxNode, pipeline: boolean): boolean {
  if (!pipeline) return !!bindArgs(c, ['show_output', 'wait_post_processing'], ['show_output', 'wait_post_processing']);
  const b = bindArgs(c, ['show_output', 'timeout_seconds', 'raise_on_error'], ['show_output', 'raise_on_error']);
  return !!b && ['true', undefined].includes(b.get('raise_on_error')?.type);
}

/**
 * The edits of every use of a v2 job (the run of a submit, or the best trial of a sweep): each use
 * must change with it. Undefined when a use does not translate. `sweep`: the job is a sweep job;
 * `pipeline`: the run was a v1 PipelineRun (its statuses are spelled otherwise: pipelineStatusEdits).
 */
function jobUseEdits(fb: FixBuilder, ctx: RuleContext, ml: string, uses: readonly SyntaxNode[], sweep: boolean, pipeline = false): Edits | undefined {
  const edits: Edits = [];
  for (const use of uses) {
    if (underV1Handler(ctx, use)) return undefined;
    const m = memberOf(use);
    const job = use.text;
    if (inRegisterModel(use, job)) continue; // rewritten by registerModel (metricsIn)
    if (m && !m.call) {
      // run.id is the v2 job's name (CMD: the job name is the run ID); display_name is the same attribute,
      // and so is v1's `run.name` ("DEPRECATED. Use display_name": azureml-core Run attributes,
      // https://learn.microsoft.com/python/api/azureml-core/azureml.core.run(class)), where v2's `name` is the ID.
      if (m.name === 'id') edits.push([m.attr, `${job}.name`]);
      else if (m.name === 'display_name') edits.push([m.attr, m.attr.text]);
      else if (m.name === 'name') edits.push([m.attr, `${job}.display_name`]);
      else if (m.name === 'model_id') {
        // An AutoML run's registered model name (automl.ts autoMLModelIdEdit).
        const e = autoMLModelIdEdit(ctx, m.attr, job);
        if (!e) return undefined;
        edits.push(e);
      } else if (m.name !== 'studio_url') return undefined;
      continue;
    }
    if (m?.call) {
      const c = m.call;
      // v2 job statuses are the run statuses v1 returns ("Completed", "Failed", "Canceled"...: the service's
      // JobStatus, https://learn.microsoft.com/javascript/api/@azure/arm-machinelearning/knownjobstatus), so a compared
      // status stays true; but a v1 PipelineRun reports "Finished" where the v2 pipeline job reports "Completed".
      if (m.name === 'get_status' && noArgs(c)) {
        const reads = pipeline ? pipelineStatusEdits(ctx, c) : [];
        if (!reads) return undefined;
        edits.push([c, `${ml}.jobs.get(${job}.name).status`], ...reads);
      }
      else if (m.name === 'get_portal_url' && noArgs(c)) edits.push([c, `${job}.studio_url`]);
      // The child runs, shown: the child jobs (JobOperations.list(parent_job_name=), SDK _job_operations.py).
      // (A pipeline run's get_steps, "the step runs for all pipeline steps that have completed or started running"
      // (azureml-pipeline-core PipelineRun), is its children.)
      else if ((m.name === 'get_children' || m.name === 'get_steps') && noArgs(c) && shownList(ctx, c)) edits.push([c, `${ml}.jobs.list(parent_job_name=${job}.name)`]);
      // Iterated (`for child in run.get_children():`): the child jobs, each loop variable's use as a job's.
      else if ((m.name === 'get_children' || m.name === 'get_steps') && noArgs(c) && (loopUses(ctx, c) ?? iteratedOnce(ctx, c))) {
        const more = jobUseEdits(fb, ctx, ml, (loopUses(ctx, c) ?? iteratedOnce(ctx, c))!, false);
        if (!more) return undefined;
        edits.push([c, `${ml}.jobs.list(parent_job_name=${job}.name)`], ...more);
      }
      // A pipeline run's step runs of a step name (PipelineRun.find_step_run: a list): the child jobs of
      // that display name, which pipelines.ts gives each step from its v1 `name=` (the node called in the
      // pipeline keeps it: azure-ai-ml entities/_builders/command.py Command.__call__); indexed and assigned,
      // iterated, or shown, each one's uses as a job's.
      else if (m.name === 'find_step_run') {
        const name = bindArgs(c, ['name'], ['name'])?.get('name');
        const item = c.parent?.type === 'subscript' && same(c.parent.childForFieldName('value'), c) ? c.parent : undefined;
        const index = item?.childForFieldName('subscript');
        const uses = item ? (index?.type === 'integer' || (index?.type === 'unary_operator' && index.text === '-1') ? usesOfAssigned(ctx, item) : undefined) : loopUses(ctx, c) ?? (shownList(ctx, c) ? [] : undefined);
        const more = name && (name.type === 'string' || sameAt(ctx, name, c)) && uses && jobUseEdits(fb, ctx, ml, uses, false);
        if (!more) return undefined;
        edits.push([c, `[step for step in ${ml}.jobs.list(parent_job_name=${job}.name) if step.display_name == ${name!.text}]`], ...more);
      }
      // JobOperations.stream streams the logs until the job completes (SDK _job_operations.py). It returns None where
      // v1 returned the run's details: only a wait whose value is not read (a statement, or a name never read).
      else if (m.name === 'wait_for_completion' && waitArgs(c, pipeline) && usesOfAssigned(ctx, c)?.length === 0) edits.push([c, `${ml}.jobs.stream(${job}.name)`]);
      // MLF: metrics through MLflow (the latest value of each metric); the job's name is its MLflow run ID.
      else if (m.name === 'get_metrics' && noArgs(c) && !metricsReadAsSeries(ctx, c)) edits.push(...metricsEdits(ctx, c, `${trackingClient(fb, ml)}.get_run(${job}.name).data.metrics`));
      // The tags, shown: the MLflow run's (MLF: runs are MLflow runs; v1's also hold system tags, `_aml_system_*`, MLflow's `mlflow.*`).
      else if (m.name === 'get_tags' && noArgs(c) && shown(ctx, c)) edits.push([c, `${trackingClient(fb, ml)}.get_run(${job}.name).data.tags`]);
      // The run's details, shown: the v2 job (JobOperations.get).
      else if (m.name === 'get_details' && noArgs(c) && shown(ctx, c)) edits.push([c, `${ml}.jobs.get(${job}.name)`]);
      // Read by key (`d = run.get_details()`, `d["status"]`): detailsReads.
      else if (m.name === 'get_details' && noArgs(c)) {
        const reads = detailsReads(fb, ctx, c, job, ml);
        if (!reads) return undefined;
        edits.push(...reads);
      }
      // The run's files, shown (printed, or iterated by a loop that only prints them): the job's
      // artifacts listed through MLflow (MlflowClient.list_artifacts(run_id) → FileInfo with .path,
      // https://mlflow.org/docs/latest/python_api/mlflow.client.html#mlflow.client.MlflowClient.list_artifacts).
      // Not recursive, and a v2 job stores outputs/ and its logs (user_logs/, system_logs/) where v1 listed
      // every file (outputs/..., azureml-logs/..., logs/...): the same tree shown otherwise, to review.
      else if (m.name === 'get_file_names' && noArgs(c) && job !== 'artifact') {
        const files = fileNamesEdits(ctx, c, `[artifact.path for artifact in ${trackingClient(fb, ml)}.list_artifacts(${job}.name)]`);
        if (!files) return undefined;
        edits.push(...files);
      }
      // One file of the job's outputs/ (a literal path: v1's logs live elsewhere in v2) copied where v1 put it:
      // MlflowClient.download_artifacts(run_id, path) returns the downloaded file's local path
      // (https://mlflow.org/docs/latest/python_api/mlflow.client.html#mlflow.client.MlflowClient.download_artifacts).
      else if (m.name === 'download_file' && c.parent?.type === 'expression_statement') {
        const d = bindArgs(c, ['name', 'output_file_path'], ['name', 'output_file_path']);
        const name = d?.get('name');
        const out = d?.get('output_file_path');
        const lit = name?.type === 'string' ? knownString(ctx, name) : undefined;
        if (!name || !out || lit === undefined || !/^outputs\/[^"\\{}\n]+$/.test(lit) || lit.includes('..')) return undefined;
        edits.push([c, `${fb.needModule('shutil')}.copy(${trackingClient(fb, ml)}.download_artifacts(${job}.name, ${name.text}), ${out.text})`]);
      }
      // The job's outputs/ folder downloaded under a local directory: mlflow.artifacts.download_artifacts(run_id=,
      // artifact_path="outputs", dst_path=, tracking_uri=) writes `<dst_path>/outputs/...` (the artifact's relative
      // path kept) and creates dst_path when it does not exist, as v1 did
      // (https://mlflow.org/docs/latest/python_api/mlflow.artifacts.html#mlflow.artifacts.download_artifacts; not
      // MlflowClient.download_artifacts, whose dst_path must exist), where v1's download_files(prefix="outputs",
      // output_directory=d) wrote `d/outputs/...` (append_prefix=True, its default).
      else if (m.name === 'download_files' && c.parent?.type === 'expression_statement') {
        const d = bindArgs(c, ['prefix', 'output_directory', 'output_paths', 'batch_size', 'append_prefix', 'timeout_seconds'], ['prefix', 'output_directory']);
        const prefix = d?.get('prefix');
        const out = d?.get('output_directory');
        if (!prefix || !out || prefix.type !== 'string' || !['outputs', 'outputs/'].includes(knownString(ctx, prefix) ?? '')) return undefined;
        edits.push([c, `${fb.needModule('mlflow')}.artifacts.download_artifacts(run_id=${job}.name, artifact_path="outputs", dst_path=${out.text}, tracking_uri=${trackingUri(ml)})`]);
      }
      // JobOperations.begin_cancel (SDK _job_operations.py) requests the cancellation as v1 cancel() does.
      else if (m.name === 'cancel' && noArgs(c) && c.parent?.type === 'expression_statement') edits.push([c, `${ml}.jobs.begin_cancel(${job}.name)`]);
      // A tag on the run: MlflowClient.set_tag(run_id, key, value) (MLF: runs are MLflow runs).
      else if (m.name === 'tag' && c.parent?.type === 'expression_statement') {
        const t = bindArgs(c, ['key', 'value'], ['key', 'value']);
        if (!t?.get('key') || !t.get('value')) return undefined;
        edits.push([c, `${trackingClient(fb, ml)}.set_tag(${job}.name, ${t.get('key')!.text}, ${t.get('value')!.text})`]);
      } else if (m.name === 'set_tags' && c.parent?.type === 'expression_statement') {
        // set_tags({k: v, ...}) (a dict literal): one MlflowClient.set_tag(run_id, k, v) per pair, a line each
        // at the statement's indentation (MlflowClient has no call setting several tags of another run).
        const t = bindArgs(c, ['tags'], ['tags'])?.get('tags');
        const pairs = t?.type === 'dictionary' ? t.namedChildren.filter((p) => p.type !== 'comment') : [];
        const indent = statementIndent(ctx, c.parent);
        if (!t || !pairs.length || pairs.some((p) => p.type !== 'pair') || indent === undefined || t.descendantsOfType('comment').length) return undefined;
        edits.push([c, pairs.map((p) => `${trackingClient(fb, ml)}.set_tag(${job}.name, ${p.childForFieldName('key')!.text}, ${p.childForFieldName('value')!.text})`).join(`\n${indent}`)]);
      } else if (m.name === 'get_best_run_by_primary_metric' && sweep) {
        // The best trial (sweep.ts bestRunEdit), a v2 job whose uses change with it.
        const text = bestRunEdit(ml, job, c);
        const best = text === undefined ? undefined : usesOfAssigned(ctx, c);
        const more = best && jobUseEdits(fb, ctx, ml, best, false);
        if (!more) return undefined;
        edits.push([c, text!], ...more);
      } else if (m.name === 'get_output' || m.name === 'get_best_child') {
        // An AutoML run's best child (automl.ts bestChildEdit: `get_output()` or `get_best_child()`), a v2 job whose uses change with it.
        const best = bestChildEdit(fb, ctx, ml, job, c);
        const more = best && jobUseEdits(fb, ctx, ml, usesOf(ctx, best.best), false);
        if (!more) return undefined;
        edits.push(best!.edit, ...more);
      } else if (m.name === 'register_model') {
        // (An AutoML run registers its best child's model: automl.ts.)
        const r = registerModel(fb, ctx, c, job, ml) ?? autoMLRegisterModel(fb, ctx, c, job, ml);
        if (!r) return undefined;
        edits.push([c, r[0]], ...r[1]);
      } else return undefined;
      continue;
    }
    if (shown(ctx, use)) continue; // a notebook cell or print showing the run: the job shows itself
    // RunDetails(run).show() → stream the logs (no v2 widget is documented).
    const holder = use.parent?.type === 'argument_list' ? use.parent.parent : undefined;
    const show = holder && qnameOf(ctx, holder) === 'azureml.widgets.RunDetails' && callArgs(holder).positional.length === 1 && !callArgs(holder).keywords.size ? holder.parent : undefined;
    const showCall = show?.type === 'attribute' && show.childForFieldName('attribute')?.text === 'show' && show.parent?.type === 'call' ? show.parent : undefined;
    if (!showCall || !noArgs(showCall)) return undefined;
    // The widget returns at once, stream only when the job ends: with a cancel after it (which must still find the
    // job running), the job's studio link is shown instead, without waiting (CMD: `returned_job.studio_url`); to review.
    if (uses.some((u) => u.startIndex > showCall.startIndex && ['cancel', 'fail'].includes(memberOf(u)?.name ?? ''))) {
      if (reviewMark(ctx, showCall) !== 'append') return undefined;
      edits.push([showCall, `print(${job}.studio_url)${REVIEW}`]);
      continue;
    }
    edits.push([showCall, `${ml}.jobs.stream(${job}.name)`]);
  }
  return edits;
}

/**
 * `run.get_file_names()` (`c`) only shown: printed or a cell's value (shownNames), iterated by a loop that only
 * prints (printLoop), or assigned to a name whose every use is one of those (`files = run.get_file_names()` then
 * `for file in files: print(file)`, the DP-100 labs' shape; v1 returns a list, read as often as wanted, as the
 * comprehension is): `c` → `text` (the MLflow artifact listing), the line marked for review. Undefined otherwise.
 */
function fileNamesEdits(ctx: RuleContext, c: SyntaxNode, text: string): Edits | undefined {
  let mark: ReturnType<typeof reviewMark>;
  if (shownNames(ctx, c) || printLoop(ctx, c)) mark = reviewMark(ctx, c);
  else {
    const uses = c.parent?.type === 'assignment' ? usesOfAssigned(ctx, c) : undefined;
    const stmt = c.parent?.parent;
    if (!uses?.length || !uses.every((u) => shownNames(ctx, u) || printLoop(ctx, u))) return undefined;
    mark = stmt?.type === 'expression_statement' && stmt.namedChildren.length === 1 && stmt.endIndex === c.endIndex && endsLine(ctx, stmt) ? 'append' : undefined;
  }
  if (!mark) return undefined;
  return mark === 'append' ? [[c, text + REVIEW]] : [[c, text], mark];
}

/** `for x in <expr>:` whose body only prints (print statements) and uses x only there. */
function printLoop(ctx: RuleContext, expr: SyntaxNode): boolean {
  const uses = loopUses(ctx, expr);
  const body = expr.parent?.childForFieldName('body');
  if (!uses || !body || expr.parent?.childForFieldName('alternative')) return false;
  const stmts = body.namedChildren.filter((n) => n.type !== 'comment');
  return stmts.every((st) => st.type === 'expression_statement' && isPrint(ctx, st.namedChildren[0])) && uses.every((u) => shown(ctx, u));
}

/**
 * Where `# amlint: review` goes for a rewrite of `node`: 'append' when `node` is its statement and
 * ends the line; else an edit of the last token of its statement line (a print's `)`, a for's `:`).
 */
function reviewMark(ctx: RuleContext, node: SyntaxNode): 'append' | [SyntaxNode, string] | undefined {
  const stmt = node.parent;
  if (stmt?.type === 'expression_statement' && same(stmt.namedChildren[0], node)) return endsLine(ctx, stmt) && stmt.endIndex === node.endIndex ? 'append' : undefined;
  if (stmt?.type === 'for_statement') {
    const colon = stmt.children.find((ch) => ch.type === ':');
    const body = stmt.childForFieldName('body');
    return colon && body && body.startPosition.row > colon.startPosition.row && endsLine(ctx, colon) ? [colon, `:${REVIEW}`] : undefined;
  }
  // print(<node>) (an argument, or list(<node>)): the print's closing parenthesis.
  let p: SyntaxNode | null = node;
  while (p && p.type !== 'expression_statement') p = p.parent;
  const last = p?.namedChildren[0]?.childForFieldName('arguments')?.lastChild;
  return p && p.namedChildren.length === 1 && isPrint(ctx, p.namedChildren[0]) && last?.type === ')' && endsLine(ctx, p) ? [last, `)${REVIEW}`] : undefined;
}

/**
 * `children = <expr>` whose one use is iterated by a `for x in children:` loop (v1's children are
 * a generator, read once): the uses of x; undefined otherwise.
 */
function iteratedOnce(ctx: RuleContext, expr: SyntaxNode): readonly SyntaxNode[] | undefined {
  const uses = usesOfAssigned(ctx, expr);
  return uses?.length === 1 && expr.parent?.parent?.type === 'expression_statement' ? loopUses(ctx, uses[0]) : undefined;
}

/** For `for x in <expr>:` (x a name): the uses of x; undefined otherwise. */
function loopUses(ctx: RuleContext, expr: SyntaxNode): readonly SyntaxNode[] | undefined {
  const loop = expr.parent;
  const target = loop?.type === 'for_statement' && same(loop.childForFieldName('right'), expr) ? loop.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier') return undefined;
  const b = (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).find((x) => x.node.id === target.id);
  return b ? ctx.model.uses.get(b) ?? [] : undefined;
}

const PIPELINE = 'azureml.pipeline.core.Pipeline';
const HYPERDRIVE = ['azureml.train.hyperdrive.HyperDriveConfig', 'azureml.train.hyperdrive.HyperDriveRunConfig'];

/** For a use `est` given as `HyperDriveConfig(estimator=est)` / `run_config=`: that HyperDriveConfig's submit (its only use, or inline). */
function sweepSubmitOf(ctx: RuleContext, use: SyntaxNode): SyntaxNode | undefined {
  const kw = use.parent?.type === 'keyword_argument' && same(use.parent.childForFieldName('value'), use) ? use.parent : undefined;
  const hd = kw?.parent?.type === 'argument_list' ? kw.parent.parent : undefined;
  if (!hd || !['run_config', 'estimator'].includes(kw!.childForFieldName('name')?.text ?? '') || !HYPERDRIVE.includes(qnameOf(ctx, hd) ?? '')) return undefined;
  const target = assignedName(hd);
  const uses = target ? usesOf(ctx, target) : [hd];
  return uses.length === 1 ? submitOf(ctx, uses[0]) : undefined;
}

/** The `Experiment.submit` call `use` (a use of a job configuration) is the configuration of. */
function submitOf(ctx: RuleContext, use: SyntaxNode): SyntaxNode | undefined {
  const kw = use.parent?.type === 'keyword_argument' ? use.parent : undefined;
  if (kw && kw.childForFieldName('name')?.text !== 'config') return undefined;
  const list = (kw ?? use).parent;
  const call = list?.type === 'argument_list' ? list.parent : undefined;
  if (!call || qnameOf(ctx, call) !== 'azureml.core.Experiment.submit') return undefined;
  return bindArgs(call, ['config'], SUBMIT_KEYS)?.get('config')?.id === use.id ? call : undefined;
}

/**
 * The whole job lifecycle of a submit, as one fix: the v1 configuration (a `ScriptRunConfig`,
 * an `AutoMLConfig`, a `Pipeline`) and its configuring assignments, every submit of it and every
 * use of each run; `exp = Experiment(ws, name)` becomes its name once every use is such a submit.
 */
function jobEdits(fb: FixBuilder, ctx: RuleContext, submit: SyntaxNode): Edits | undefined {
  const p = submitParts(ctx, submit);
  if (!p) return undefined;
  // A sweep of a configuration also submitted on its own: the fix of that configuration's first submit, which rewrites both.
  const made = madeBy(ctx, p.config);
  if (made && HYPERDRIVE.includes(qnameOf(ctx, made) ?? '')) {
    const a = bindArgs(made, [], ['run_config', 'estimator', 'hyperparameter_sampling', 'policy', 'primary_metric_name', 'primary_metric_goal', 'max_total_runs', 'max_concurrent_runs', 'max_duration_minutes']);
    const run = a?.get('run_config') ?? a?.get('estimator');
    const runCall = run?.type === 'identifier' ? definingCall(ctx, run) : undefined;
    const target = runCall && assignedName(runCall);
    const first = target && usesOf(ctx, target).map((u) => submitOf(ctx, u)).find((x) => x);
    if (first) return jobEdits(fb, ctx, first);
  }
  const edits: Edits = [];
  let submits = [submit];
  // regenerate_outputs=True → the v2 pipeline's force_rerun, continue_on_step_failure=True → its
  // continue_on_step_failure, pipeline_parameters → the arguments of its function (pipelines.ts); a v1 pipeline's only.
  const bound = bindArgs(submit, ['config'], SUBMIT_KEYS);
  if (PIPELINE_SUBMIT_KEYS.some((k) => bound?.has(k)) && (v2Job(ctx, p.config) || qnameOf(ctx, madeBy(ctx, p.config)) !== PIPELINE)) return undefined;
  if (!v2Job(ctx, p.config)) {
    const src = madeBy(ctx, p.config);
    const q = qnameOf(ctx, src);
    const own = src && q === PIPELINE ? asEdits((f, c, x) => pipelineConfig(f, c, x, { forceRerun: p.rerun, continueOnStepFailure: p.continueOnFailure }))(fb, src, ctx) : src && q && Object.prototype.hasOwnProperty.call(JOB_CONFIGS, q) ? JOB_CONFIGS[q](fb, src, ctx) : undefined;
    if (!src || !own) return undefined;
    edits.push(...own);
    if (p.config.type === 'identifier') {
      // Every submit of the same configuration changes with it (each would get the v2 job), and so
      // does a HyperDriveConfig sweeping it, with that sweep's submit (sweep.ts: the command called with search spaces).
      const target = assignedName(src);
      const args = target ? usesOf(ctx, target).filter((u) => !memberOf(u)) : [];
      const all = args.map((u) => submitOf(ctx, u) ?? sweepSubmitOf(ctx, u));
      if (!target || all.some((s) => !s)) return undefined;
      submits = all as SyntaxNode[];
      for (const s of submits) {
        const hd = submitParts(ctx, s) && madeBy(ctx, submitParts(ctx, s)!.config);
        if (s === submit || !hd || !HYPERDRIVE.includes(qnameOf(ctx, hd) ?? '')) continue;
        const sweep = hyperDriveConfig(fb, hd, ctx);
        if (!sweep) return undefined;
        edits.push(...sweep);
      }
    }
  }
  // Every submit runs the one v2 pipeline: force_rerun and continue_on_step_failure hold for all or none.
  if (submits.some((s) => submitParts(ctx, s)?.rerun !== p.rerun || submitParts(ctx, s)?.continueOnFailure !== p.continueOnFailure)) return undefined;
  for (const s of submits) {
    const more = submissionEdits(fb, ctx, s);
    if (!more) return undefined;
    edits.push(...more);
  }
  // The lifecycles of other jobs given the same environment (environmentEdits, sharedEnvironmentJobs):
  // their edits once each, none editing a node otherwise than this job's edits do.
  if (edits.some((e) => fromShared.has(e))) {
    const kept = onceEach(edits);
    if (!kept) return undefined;
    edits.splice(0, edits.length, ...kept);
    // Those jobs' submits count as this job's for the experiment they share.
    for (const [n] of edits) if (n.type === 'call' && !submits.some((x) => same(x, n)) && submitParts(ctx, n)) submits.push(n);
  }
  // v2 has no experiment object: `exp = Experiment(ws, name)` used only by these submits holds its name (CMD: experiment_name=).
  for (const s of submits) {
    const q = submitParts(ctx, s)!;
    const uses = q.exp.type === 'identifier' ? usesOfAssigned(ctx, q.expCall) : undefined;
    const submitted = (u: SyntaxNode) => submits.some((x) => same(x.childForFieldName('function')?.childForFieldName('object'), u));
    if (uses?.length && q.expCall.parent?.type === 'assignment' && uses.some(submitted) && uses.every((u) => submitted(u) || experimentNameRead(u) || experimentShown(ctx, u)) && !edits.some(([n]) => same(n, q.expCall))) {
      edits.push([q.expCall, q.name.text]);
      // `exp.name` (v1: the name it was made with) → `exp`, which now holds that name.
      for (const u of uses) if (experimentNameRead(u)) edits.push([memberOf(u)!.attr, u.text]);
    }
  }
  const flat = nestEdits(edits);
  if (!flat) return undefined;
  edits.splice(0, edits.length, ...flat);
  // The submit's edit first: past SHARED_FIX_LIMIT edits, only its finding offers the fix.
  const first = edits.findIndex(([n]) => same(n, submit));
  return first > 0 ? [edits[first], ...edits.filter((_, i) => i !== first)] : edits;
}

/** Edits of other jobs' lifecycles merged into a job's fix (an environment they share). */
const fromShared = new WeakSet<object>();

/** Edits once each (the merged lifecycles of a shared environment repeat some); undefined when two edit one node differently. */
function onceEach(edits: Edits): Edits | undefined {
  const kept: Edits = [];
  for (const e of edits) {
    const twin = kept.find(([n]) => same(n, e[0]));
    if (!twin) kept.push(e);
    else if (twin[1] !== e[1]) return undefined;
  }
  return kept;
}

/** The call that made `src` of `src.run_config.environment` (an assignment's target). */
function runConfigOwner(ctx: RuleContext, left: SyntaxNode): SyntaxNode | undefined {
  const rc = left.type === 'attribute' ? left.childForFieldName('object') : undefined;
  const src = rc?.type === 'attribute' && rc.childForFieldName('attribute')?.text === 'run_config' ? rc.childForFieldName('object') : undefined;
  return src?.type === 'identifier' ? definingCall(ctx, src) : undefined;
}

/**
 * environment.ts `environmentEdits`, for an environment given to several v1 job configurations: the
 * lifecycles of the others (`delegates`), each the jobEdits of its first submit (its configuration,
 * every submit, every run's uses; a HyperDriveConfig's sweeping it); undefined when one is not a job
 * configuration, null when one is not submitted or has no rewrite (then the translatable jobs take a
 * copy of the environment: environment.ts jobEnvironment).
 */
function sharedEnvironmentJobs(fb: FixBuilder, ctx: RuleContext, delegates: SyntaxNode[]): Edits | undefined | null {
  const out: Edits = [];
  const done: SyntaxNode[] = [];
  const configs = delegates.map((d) => (d.type === 'call' ? d : runConfigOwner(ctx, d)));
  if (!configs.every((c) => c && Object.prototype.hasOwnProperty.call(JOB_CONFIGS, qnameOf(ctx, c) ?? ''))) return undefined;
  for (const config of configs as SyntaxNode[]) {
    const target = assignedName(config);
    const submit = (target ? usesOf(ctx, target) : [config]).map((u) => submitOf(ctx, u) ?? sweepSubmitOf(ctx, u)).find((x) => x);
    if (!submit) return null;
    if (done.some((x) => same(x, submit))) continue;
    done.push(submit);
    const e = jobEdits(fb, ctx, submit);
    if (!e) return null;
    for (const x of e) fromShared.add(x);
    out.push(...e);
  }
  return out;
}
setSharedJobs(sharedEnvironmentJobs);
// data.ts renameConsistent: a renamed table's lookup given whole to a job is read alike when the job's lifecycle takes it.
/** A v1 estimator class (estimators.ts ESTIMATOR_CLASSES, read at call time: the two modules import each other). */
const isEstimator = (q: string | undefined): boolean => !!q && Object.prototype.hasOwnProperty.call(ESTIMATOR_CLASSES, q);

setTableJob((ctx, consumption) => {
  let config: SyntaxNode | null = consumption.parent;
  // A ScriptRunConfig's arguments, or an estimator's `inputs=` (estimatorInputs).
  while (config && !(config.type === 'call' && (qnameOf(ctx, config) === 'azureml.core.ScriptRunConfig' || isEstimator(qnameOf(ctx, config))))) config = config.parent;
  if (!config) {
    // A pipeline step's argument (pipelines.ts): its submission's fix, or the pipeline's when not submitted.
    const p = pipelineOfConsumption(ctx, consumption);
    if (!p) return false;
    const fb = new FixBuilder(ctx, p.startIndex);
    return qnameOf(ctx, p) === 'azureml.core.Experiment.submit' ? !!jobEdits(fb, ctx, p) : !!pipelineConfig(fb, p, ctx);
  }
  const target = assignedName(config);
  const submit = target ? usesOf(ctx, target).map((u) => submitOf(ctx, u) ?? sweepSubmitOf(ctx, u)).find((x) => x) : undefined;
  return !!submit && !!jobEdits(new FixBuilder(ctx, submit.startIndex), ctx, submit);
});

/** `exp.name` read (not assigned, not called): the experiment's name. */
function experimentNameRead(use: SyntaxNode): boolean {
  const m = memberOf(use);
  const up = m?.attr.parent;
  const target = (up?.type === 'assignment' || up?.type === 'augmented_assignment') && same(up.childForFieldName('left'), m!.attr);
  return !!m && m.name === 'name' && !m.call && !target && up?.type !== 'delete_statement';
}

/**
 * `exp` itself shown (a notebook cell's value, `print(exp)`): once `exp = Experiment(ws, name)` holds its name
 * (v2 has no experiment object: a job or an MLflow run names its experiment), the name is what is shown; kept as written.
 */
function experimentShown(ctx: RuleContext, use: SyntaxNode): boolean {
  return use.type === 'identifier' && shown(ctx, use);
}

/** The `exp.start_logging(...)` among the uses of `exp = Experiment(...)` whose only other uses are `exp.name` reads or `exp` shown (startLoggingEdits). */
function firstStartLogging(ctx: RuleContext, expCall: SyntaxNode): SyntaxNode | undefined {
  const uses = usesOfAssigned(ctx, expCall) ?? [];
  const calls = uses.map((u) => memberOf(u)).filter((m) => m?.call && m.name === 'start_logging');
  return calls.length === 1 && uses.every((u) => experimentNameRead(u) || experimentShown(ctx, u) || memberOf(u)?.name === 'start_logging') ? calls[0]!.call : undefined;
}

/** The first `exp.submit(...)` among the uses of `exp = Experiment(...)`. */
function firstSubmit(ctx: RuleContext, expCall: SyntaxNode): SyntaxNode | undefined {
  for (const u of usesOfAssigned(ctx, expCall) ?? []) {
    const m = memberOf(u);
    if (m?.call && m.name === 'submit' && qnameOf(ctx, m.call) === 'azureml.core.Experiment.submit') return m.call;
  }
  return undefined;
}

/**
 * Edits of one fix never overlap when applied: an edit inside another (`exp.submit(ScriptRunConfig(...))`,
 * whose submit text holds the configuration as written) is made in the outer text, where that
 * keeps the inner node's text once. Undefined when it does not.
 */
function nestEdits(edits: Edits): Edits | undefined {
  const all: Edits = edits.map(([n, t]) => [n, t]);
  const inner = new Set<number>();
  // Most edits are inside no other: a node can only be inside one that starts at or before it and
  // ends at or after it, so the (quadratic) search runs only for those that may be (a run with
  // hundreds of uses makes hundreds of edits, and every use's finding builds this fix).
  const byStart = [...all].sort((a, b) => a[0].startIndex - b[0].startIndex);
  const mayBeInside = new Set<SyntaxNode>();
  let maxEnd = -1;
  for (let i = 0; i < byStart.length; ) {
    let j = i;
    while (j < byStart.length && byStart[j][0].startIndex === byStart[i][0].startIndex) j++;
    const groupEnd = Math.max(...byStart.slice(i, j).map(([n]) => n.endIndex));
    for (let k = i; k < j; k++) {
      const n = byStart[k][0];
      if (maxEnd >= n.endIndex || (j - i > 1 && groupEnd >= n.endIndex)) mayBeInside.add(n);
    }
    maxEnd = Math.max(maxEnd, groupEnd);
    i = j;
  }
  for (const e of all) {
    const [n, t] = e;
    if (!mayBeInside.has(n)) continue;
    const outer = all.find(([o]) => !same(o, n) && o.startIndex <= n.startIndex && n.endIndex <= o.endIndex);
    if (!outer) continue;
    const i = outer[1].indexOf(n.text);
    if (i < 0 || outer[1].indexOf(n.text, i + 1) >= 0) return undefined;
    outer[1] = outer[1].slice(0, i) + t + outer[1].slice(i + n.text.length);
    inner.add(n.id);
  }
  return all.filter(([n]) => !inner.has(n.id));
}

/** The fix of a finding that belongs to a job's lifecycle: its own replacement, the other edits added to `fb`. */
function withJob(fb: FixBuilder, ctx: RuleContext, submit: SyntaxNode | undefined, target: SyntaxNode): string | undefined {
  if (!submit || qnameOf(ctx, submit) !== 'azureml.core.Experiment.submit') return undefined;
  // Shared by every use of the run: past SHARED_FIX_LIMIT uses it is the submit's fix alone
  // (checked before building it: each use's finding would otherwise build it again).
  if (!same(target, submit) && (usesOfAssigned(ctx, submit)?.length ?? 0) > SHARED_FIX_LIMIT) return undefined;
  const edits = jobEdits(fb, ctx, submit);
  // A piece rewritten inside another edit (an inline configuration): the submit's fix.
  if (edits && !edits.some(([n]) => same(n, target)) && edits.some(([n]) => n.startIndex <= target.startIndex && target.endIndex <= n.endIndex)) return fb.sameFixAs(submit);
  return combined(fb, target, edits);
}

const PIPELINE_RUN = 'azureml.pipeline.core.PipelineRun';
const FETCHED = ['azureml.core.Run.get', 'azureml.core.Run', PIPELINE_RUN, `${PIPELINE_RUN}.get`];

/**
 * `exp` given to `Run(exp, id)` / `PipelineRun(exp, id)` as `ws.experiments["name"]` (azureml-core Workspace.experiments:
 * the workspace's experiments by name): `ws`, a v1 Workspace; undefined otherwise.
 */
function experimentsEntry(ctx: RuleContext, exp: SyntaxNode | undefined): SyntaxNode | undefined {
  if (exp?.type !== 'subscript') return undefined;
  const attr = exp.childForFieldName('value');
  const ws = attr?.type === 'attribute' && attr.childForFieldName('attribute')?.text === 'experiments' ? attr.childForFieldName('object') : undefined;
  const value = ws ? ctx.model.evaluate(ws) : undefined;
  // (the key a name or a plain string: dropped with the lookup, it must have no effect of its own)
  const key = exp.childForFieldName('subscript');
  const plain = key?.type === 'identifier' || (key?.type === 'string' && !key.descendantsOfType('interpolation').length);
  return value?.kind === 'instance' && value.type === 'azureml.core.Workspace' && exp.namedChildren.length === 2 && plain ? ws! : undefined;
}

/** The `ws.experiments[name]` subscript a name is bound to (one plain assignment), else undefined. */
function assignedSubscript(ctx: RuleContext, name: SyntaxNode | undefined): SyntaxNode | undefined {
  if (name?.type !== 'identifier') return undefined;
  const b = ctx.model.resolveName(name.text, name);
  const assign = b?.node.parent;
  if (!b || b.kind !== 'assign' || assign?.type !== 'assignment' || assign.childForFieldName('left')?.id !== b.node.id || !soleBinding(ctx.model, b)) return undefined;
  const right = assign.childForFieldName('right');
  return right?.type === 'subscript' ? right : undefined;
}

/**
 * The experiment `exp` given to `Run(exp, id)` / `PipelineRun(exp, id)` (`call`): `ws.experiments[name]`
 * (experimentsEntry) or `Experiment(ws, name)`, inline or through a name; its workspace. For a PipelineRun (`named`),
 * `experiment = Experiment(ws, name)` bound once and read only there becomes the name (`experiment = name`, as the
 * Experiment builder writes one nothing uses: v2 has no experiment object) in the fetch's fix; `kept`: a name
 * that stays bound to its Experiment. Undefined for another experiment.
 */
function fetchedExperiment(ctx: RuleContext, exp: SyntaxNode | undefined, call: SyntaxNode, named: boolean): { ws?: SyntaxNode; edits: Edits; kept: boolean } | undefined {
  const entry = experimentsEntry(ctx, exp);
  if (entry) return { ws: entry, edits: [], kept: false };
  const expCall = madeBy(ctx, exp);
  if (!exp || !expCall || qnameOf(ctx, expCall) !== 'azureml.core.Experiment' || (exp.type !== 'call' && !sameAt(ctx, exp, call))) return undefined;
  const e = bindArgs(expCall, ['workspace', 'name'], ['workspace', 'name']);
  const ws = e?.get('workspace');
  const name = e?.get('name');
  if (exp.type === 'call') return { ws, edits: [], kept: false };
  const target = assignedName(expCall);
  const alone = named && name && target && onlyBinding(ctx, target) && usesOf(ctx, target).length === 1;
  return alone ? { ws, edits: [[expCall, name.text]], kept: false } : { ws, edits: [], kept: true };
}

/**
 * `pipeline_run.get(ws, id)` called on `pipeline_run = PipelineRun(experiment, run_id)` bound once and read only
 * there (v1 fetched that run too; the static `get` ignores it): the edits that take the receiver's statement away,
 * and its experiment's (fetchedExperiment: it goes too, or is inline). Undefined otherwise.
 */
function receiverGone(ctx: RuleContext, recv: SyntaxNode): Edits | undefined {
  const made = definingCall(ctx, recv);
  const madeName = made ? assignedName(made) : undefined;
  if (!made || !madeName || qnameOf(ctx, made) !== PIPELINE_RUN || !onlyBinding(ctx, madeName) || usesOf(ctx, madeName).length !== 1) return undefined;
  const ra = bindArgs(made, ['experiment', 'run_id'], ['experiment', 'run_id']);
  const exp = ra?.get('run_id') ? fetchedExperiment(ctx, ra.get('experiment'), made, true) : undefined;
  const gone = statementLines(ctx, made.parent!.parent!);
  if (!exp || exp.kept || !gone) return undefined;
  return [[gone, ''], ...exp.edits];
}

/**
 * `Run.get(ws, run_id)` / `Run(experiment, run_id)` / `PipelineRun(experiment, run_id)` (a Run subclass, same
 * constructor: azureml-pipeline-core PipelineRun) / `PipelineRun.get(ws, run_id)` (a static method, also called on a
 * PipelineRun: `pipeline_run.get(ws, id)`, receiverGone) → the v2 job of that ID, `ml_client.jobs.get(run_id)`
 * (JobOperations.get(name); CMD: the job name is the run ID; a pipeline job's too), and every use of it as a job's
 * (jobUseEdits). The experiment: `Experiment(ws, name)` or `ws.experiments[name]` (fetchedExperiment). Undefined when
 * the workspace has no client or a use does not translate.
 */
function fetchedRunEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const q = qnameOf(ctx, call);
  const edits: Edits = [];
  let ws: SyntaxNode | undefined;
  let id: SyntaxNode | undefined;
  if (q === 'azureml.core.Run.get' || q === `${PIPELINE_RUN}.get`) {
    const a = bindArgs(call, ['workspace', 'run_id'], ['workspace', 'run_id']);
    ws = a?.get('workspace');
    id = a?.get('run_id');
    const fn = call.childForFieldName('function');
    const recv = q === `${PIPELINE_RUN}.get` && fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    const rv = recv ? ctx.model.evaluate(recv) : undefined;
    if (recv?.type === 'identifier' && !(rv?.kind === 'ref' && rv.qname === PIPELINE_RUN)) {
      const gone = receiverGone(ctx, recv);
      if (!gone) return undefined;
      edits.push(...gone);
    }
  } else if (q === 'azureml.core.Run' || q === PIPELINE_RUN) {
    const a = bindArgs(call, ['experiment', 'run_id'], ['experiment', 'run_id']);
    const exp = fetchedExperiment(ctx, a?.get('experiment'), call, q === PIPELINE_RUN);
    if (!exp) return undefined;
    ws = exp.ws;
    if (ws && !sameAt(ctx, ws, call)) return undefined;
    id = a?.get('run_id');
    edits.push(...exp.edits);
  }
  const uses = usesOfAssigned(ctx, call);
  const client = ws && id && uses ? clientOf(fb, ctx, ws) : undefined;
  // (A PipelineRun's statuses are spelled otherwise than the v2 job's: "Finished" → "Completed".)
  const more = client && jobUseEdits(fb, ctx, client.ml, uses!, false, q === PIPELINE_RUN || q === `${PIPELINE_RUN}.get`);
  return more && [[call, `${client!.ml}.jobs.get(${id!.text})`], ...edits, ...client!.edits, ...more];
}

/**
 * The call whose fix rewrites the pipeline run `made` (a `PipelineRun(...)`) fetches: the `PipelineRun.get(...)` the
 * run is only the receiver of (receiverGone), else `made` itself.
 */
function fetchOf(ctx: RuleContext, made: SyntaxNode): SyntaxNode {
  const name = assignedName(made);
  const uses = name ? usesOf(ctx, name) : [];
  const m = uses.length === 1 ? memberOf(uses[0]!) : undefined;
  return m?.call && m.name === 'get' && qnameOf(ctx, m.call) === `${PIPELINE_RUN}.get` ? m.call : made;
}

/** The `PipelineRun(...)` an `experiment = Experiment(...)` (`expCall`) is given to, read by nothing else (fetchedExperiment). */
function runOfExperiment(ctx: RuleContext, expCall: SyntaxNode): SyntaxNode | undefined {
  const name = assignedName(expCall);
  const uses = name ? usesOf(ctx, name) : [];
  const run = uses.length === 1 && uses[0]!.parent?.type === 'argument_list' ? uses[0]!.parent.parent : undefined;
  return run?.type === 'call' && qnameOf(ctx, run) === PIPELINE_RUN ? run : undefined;
}

/**
 * The fix of the fetch `fetch` when it has one, tried on a builder of its own (what a failed attempt adds must not reach
 * the fix the caller builds on its builder instead); undefined otherwise.
 */
function viaFetch(fb: FixBuilder, ctx: RuleContext, fetch: SyntaxNode | undefined): string | undefined {
  return fetch && fetchedRunEdits(new FixBuilder(ctx, fetch.startIndex), ctx, fetch) ? fb.sameFixAs(fetch) : undefined;
}

/** A method call or attribute read on a submitted (or fetched) run: rewritten with its submission. */
const runUse: Builder = (fb, ref, ctx) => {
  const run = receiver(ref);
  // `latest = next(exp.get_runs())` / `latest = list(exp.get_runs())[0]` (newestRunEdits rewrites its uses): the listing's fix.
  const listing = run?.type === 'identifier' ? newestListing(ctx, run) : undefined;
  if (listing) return fb.sameFixAs(listing);
  const made = run?.type === 'identifier' ? definingCall(ctx, run) : undefined;
  if (made && FETCHED.includes(qnameOf(ctx, made) ?? '')) return fb.sameFixAs(made);
  // The run of `pipeline.submit(...)`: the pipeline's fix (pipelines.ts rewrites its waits and reads with the submission).
  if (made && qnameOf(ctx, made) === 'azureml.pipeline.core.Pipeline.submit') return fb.sameFixAs(made);
  // The best trial of a sweep (jobUseEdits rewrites its uses with the submission): that call's fix.
  if (made && (qnameOf(ctx, made) === 'azureml.core.Run.get_best_run_by_primary_metric' || /\.(get_output|get_best_child)$/.test(qnameOf(ctx, made) ?? ''))) return fb.sameFixAs(made);
  if (made) return withJob(fb, ctx, made, ref.call ?? ref.node);
  // `best, model = run.get_output()` (an AutoML run's best child, automl.ts bestChildEdit): that call's fix.
  const bound = run?.type === 'identifier' ? ctx.model.resolveName(run.text, run) : undefined;
  const pattern = bound?.node.parent;
  const assign = pattern?.type === 'pattern_list' || pattern?.type === 'tuple_pattern' ? pattern.parent : undefined;
  const output = assign?.type === 'assignment' && same(assign.childForFieldName('left'), pattern) ? assign.childForFieldName('right') : undefined;
  if (output?.type === 'call' && same(pattern!.namedChildren[0], bound!.node) && /\.get_output$/.test(qnameOf(ctx, output) ?? '')) return fb.sameFixAs(output);
  // A child of `for child in run.get_children():`: the fix of that get_children (rewritten with its run).
  const b = run?.type === 'identifier' ? ctx.model.resolveName(run.text, run) : undefined;
  const loop = b?.node.parent;
  const iter = loop?.type === 'for_statement' && same(loop.childForFieldName('left'), b!.node) ? loop.childForFieldName('right') : undefined;
  // Likewise `for r in exp.get_runs():` (getRunsEdits), also through `list(...)` or a name assigned it.
  let runs = iter?.type === 'identifier' ? definingCall(ctx, iter) : iter;
  const inner = runs?.type === 'call' && runs.childForFieldName('function')?.text === 'list' ? callArgs(runs).positional[0] : undefined;
  if (inner?.type === 'call') runs = inner;
  return runs && ['azureml.core.Run.get_children', 'azureml.core.Run.get_steps', 'azureml.core.Experiment.get_runs'].includes(qnameOf(ctx, runs) ?? '') ? fb.sameFixAs(runs) : undefined;
};

/** The `exp.get_runs()` call of `latest = next(exp.get_runs())` / `latest = list(exp.get_runs())[0]`, `run` a read of `latest`. */
function newestListing(ctx: RuleContext, run: SyntaxNode): SyntaxNode | undefined {
  const b = ctx.model.resolveName(run.text, run);
  const assign = b?.node.parent;
  const right = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : undefined;
  const inner = right?.type === 'subscript' ? right.childForFieldName('value') : right;
  const arg = inner?.type === 'call' ? callArgs(inner).positional[0] : undefined;
  return arg?.type === 'call' && qnameOf(ctx, arg) === 'azureml.core.Experiment.get_runs' && same(newestOf(ctx, arg), right) ? arg : undefined;
}

/** The v2 `compute=` for a v1 compute target: a name as written, a v1 compute object's `.name`, a `.name` read kept; null when none. */
/**
 * `call` calls a function of the module that returns a v1 object (`def get_compute(ws): ... return
 * ComputeTarget(ws, name)`): a compute helper's result is a compute object, not a name.
 */
function returnsV1(ctx: RuleContext, call: SyntaxNode | undefined): boolean {
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  const b = fn?.type === 'identifier' ? ctx.model.resolveName(fn.text, fn) : undefined;
  const def = b?.kind === 'def' ? b.node.parent : undefined;
  if (def?.type !== 'function_definition') return false;
  return def.descendantsOfType('return_statement').some((r) => {
    const value = r.namedChildren[0];
    return !!value && sdkOf(ctx.model.evaluate(value)) === 'v1';
  });
}

/** A name for a compute written as a string, a variable or an attribute of one (read where it was, in the same statement), not a v1 object. */
function nameExpression(ctx: RuleContext, node: SyntaxNode): boolean {
  if (!['string', 'identifier', 'attribute'].includes(node.type) || node.descendantsOfType('call').length) return false;
  return sdkOf(ctx.model.evaluate(node)) !== 'v1';
}

export function computeName(ctx: RuleContext, target: SyntaxNode | undefined): string | undefined | null {
  if (!target) return undefined;
  // `compute_target=ComputeTarget(workspace=ws, name="gpu")` written inline (also `AmlCompute(ws, "gpu")`): the
  // cluster's name. v1 looked the cluster up there and raised ComputeTargetException when it was missing; v2
  // resolves `compute=` when the job is created, in the same statement (the job's rewrite replaces the call whole).
  const get = target.type === 'call' ? computeGetArgs(ctx, target) : undefined;
  // (Not in a `try` body: its handlers could catch v1's lookup error, which v2 raises elsewhere.)
  if (get) return nameExpression(ctx, get.name) && !enclosingTry(target) ? get.name.text : null;
  // A name made by a v1 call the model gives no type (`ws.get_default_compute_target(...)`) is v1 too.
  const made = target.type === 'identifier' ? definingCall(ctx, target) : undefined;
  const v1Made = /^azureml\./.test(qnameOf(ctx, made) ?? '') || returnsV1(ctx, made);
  if (sdkOf(ctx.model.evaluate(target)) !== 'v1' && !v1Made) return target.text;
  // `cluster.name` of a v1 compute: the compute rewrite keeps its `.name` (the same name).
  if (target.type === 'attribute' && target.childForFieldName('attribute')?.text === 'name' && target.childForFieldName('object')?.type === 'identifier') return target.text;
  return target.type === 'identifier' ? `${target.text}.name` : null;
}

/** A v2 input name from a v1 argument: the option before it (`--learning-rate` → `learning_rate`), else the variable's name. */
function inputName(prev: SyntaxNode | undefined, item: SyntaxNode): string | undefined {
  const flag = prev && prev.type === 'string' ? stringValue(prev) : undefined;
  const raw = flag && /^-{1,2}[A-Za-z]/.test(flag) ? flag.replace(/^-+/, '') : item.type === 'identifier' ? item.text : item.type === 'attribute' ? item.childForFieldName('attribute')?.text : undefined;
  const name = raw?.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
  return name && /^[a-z_][a-z0-9_]*$/.test(name) ? name : undefined;
}

/**
 * `python <script> <args>` for a v2 command, literals written out and each variable argument
 * as `${{inputs.<name>}}` with its value in `inputs` (CMD: "args become `${{inputs.x}}`");
 * undefined for anything else (v1 datasets, calls, computed strings).
 */
/**
 * `args = ['--reg', 0.5]` then `ScriptRunConfig(..., arguments=args)` (the MLN tutorials' shape):
 * the list a binding of a name holds, when nothing else reads or changes it (no `args.append`,
 * no other use of that binding) and every item means the same at the use as where the list is written.
 */
export function listOfName(ctx: RuleContext, name: SyntaxNode): SyntaxNode | undefined {
  const b = ctx.model.resolveName(name.text, name);
  const assign = b?.node.parent;
  if (!b || b.kind !== 'assign' || assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), b.node)) return undefined;
  // Bound again elsewhere (the MLN notebooks' `args = [...]` for a run, then again for a sweep): this binding's
  // only use, every binding of the name a statement of one straight-line block (straightBindings); not a module
  // name a function re-binds through `global` (common.ts declaredGlobal: the model does not see that binding).
  if (!soleUse(ctx, b) || !straightBindings(ctx, b, name) || (b.scope.kind === 'module' && declaredGlobal(ctx).has(name.text))) return undefined;
  const list = assign.childForFieldName('right');
  if (list?.type !== 'list') return undefined;
  return list.namedChildren.every((item) => item.type === 'comment' || sameAt(ctx, item, name) || (item.type === 'call' && namesSameAt(ctx, item, name))) ? list : undefined;
}

/**
 * Every binding of `b`'s name in its scope is an assignment statement of one straight-line block that holds
 * `use`: the scope's own body, or one block inside it that no loop repeats (`if __name__ == "__main__":`).
 * No branch, loop, try or with can then make another binding the value seen at `use`. A name bound more than
 * once must be read in its own scope: the model resolves a use inside a function to the first module binding,
 * while the function runs after all of them (`args = [..0.5]`, `def submit(): ...args...`, `args = [..0.1]`).
 */
export function straightBindings(ctx: RuleContext, b: Binding, use: SyntaxNode): boolean {
  const bindings = b.scope.bindings.get(b.name) ?? [];
  if (bindings.length > 1 && ctx.model.scopeAt(use) !== b.scope) return false;
  const blocks = bindings.map((x) => {
    const assign = x.node.parent;
    return x.kind === 'assign' && assign?.type === 'assignment' && same(assign.childForFieldName('left'), x.node) && assign.parent?.type === 'expression_statement' ? assign.parent.parent : null;
  });
  const block = blocks[0];
  if (!block || blocks.some((k) => !same(k, block))) return false;
  const body = b.scope.node.type === 'module' ? b.scope.node : b.scope.node.childForFieldName('body');
  if (same(block, body)) return true;
  return !inLoop(block) && use.startIndex >= block.startIndex && use.endIndex <= block.endIndex;
}

/** Every name an expression reads (not attribute names, not keywords) is bound the same at `site`: `ds.as_mount()` in a list. */
export function namesSameAt(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  return expr.descendantsOfType('identifier').every((id) => {
    const p = id.parent;
    if (p?.type === 'attribute' && same(p.childForFieldName('attribute'), id)) return true;
    if (p?.type === 'keyword_argument' && same(p.childForFieldName('name'), id)) return true;
    return sameAt(ctx, id, site);
  });
}

/**
 * ScriptRunConfig's `command=` (v1: "list[str] or str", run instead of script/arguments; RunConfiguration
 * keeps it as a str field, azureml-core runconfig.py): as v2's `command=` shell string (CMD). An expression known to be
 * a string (a literal, an f-string, a concatenation/`%`/`.format()`/`sep.join()` of a literal, `str()`, or a
 * name bound once to one of those) stays as written (`" && ".join(commands)`); a list (or a name bound once
 * to one used only here) of plain-word literals (no blank, quote or shell character: the same command however
 * v1 joins them) becomes their space-joined string. Undefined for other lists and for anything holding a v1
 * object (`ds.as_mount()` in an f-string) or a literal `${{` (a v2 expression where v1 had text).
 */
export function shellCommand(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): { command: string; text?: string; inputs: Array<[string, string]>; edits: Edits } | undefined {
  const list = expr.type === 'list' ? expr : expr.type === 'identifier' ? listOfName(ctx, expr) : undefined;
  if (list) {
    const words = list.namedChildren.filter((c) => c.type !== 'comment').map((c) => (c.type === 'string' && !c.descendantsOfType('interpolation').length ? stringValue(c) : undefined));
    // One item: the command line however v1 joins a list (MLN's distributed samples write
    // `command=['python train.py --epochs 30']`, run as that shell line).
    if (words.length === 1 && words[0] !== undefined && !words[0].includes('${{') && !/[\r\n]/.test(words[0])) return { command: words[0], inputs: [], edits: [] };
    if (!words.length || words.some((w) => w === undefined || !/^[A-Za-z0-9_./:=,@%+-]+$/.test(w))) return undefined;
    return { command: words.join(' '), inputs: [], edits: [] };
  }
  if (!stringTyped(ctx, expr, site, 0)) return undefined;
  return { command: '', text: expr.text, inputs: [], edits: [] };
}

/** An expression known to be a str, reading nothing v1 and no literal `${{` (shellCommand). */
function stringTyped(ctx: RuleContext, e: SyntaxNode, site: SyntaxNode, depth: number): boolean {
  if (depth > 4) return false;
  const clean = (n: SyntaxNode) => !n.text.includes('${{') && !n.descendantsOfType(['identifier', 'attribute', 'call']).some((x) => sdkOf(ctx.model.evaluate(x)) === 'v1');
  switch (e.type) {
    case 'string':
    case 'concatenated_string':
      return clean(e);
    case 'parenthesized_expression':
      return !!e.namedChildren[0] && e.namedChildren.length === 1 && stringTyped(ctx, e.namedChildren[0], site, depth + 1);
    case 'binary_operator': {
      const op = e.childForFieldName('operator')?.text;
      const l = e.childForFieldName('left');
      const r = e.childForFieldName('right');
      if (!l || !r || !clean(e)) return false;
      if (op === '%') return stringTyped(ctx, l, site, depth + 1);
      return op === '+' && (stringTyped(ctx, l, site, depth + 1) || stringTyped(ctx, r, site, depth + 1));
    }
    case 'call': {
      const f = e.childForFieldName('function');
      if (!clean(e)) return false;
      if (f?.type === 'identifier' && f.text === 'str' && !ctx.model.resolveName('str', e)) return true;
      const m = f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
      const obj = f?.type === 'attribute' ? f.childForFieldName('object') : undefined;
      return (m === 'join' || m === 'format') && !!obj && stringTyped(ctx, obj, site, depth + 1);
    }
    case 'identifier': {
      const right = onlyValue(ctx, e);
      if (!right || !straightBindings(ctx, ctx.model.resolveName(e.text, e)!, e) || !sameAt(ctx, e, site)) return false;
      return stringTyped(ctx, right, right.parent!, depth + 1);
    }
    default:
      return false;
  }
}

function commandWithInputs(ctx: RuleContext, script: string, list: SyntaxNode | undefined, asInputs?: Map<string, string>, fb?: FixBuilder): { command: string; text?: string; inputs: Array<[string, string]>; edits: Edits; reads: DataRead[]; review?: boolean } | undefined {
  if (/["'\\{}$\s]/.test(script)) return undefined;
  const parts = ['python', script];
  const inputs: Array<[string, string]> = [];
  const edits: Edits = [];
  const reads: DataRead[] = [];
  let review = false;
  if (list?.type === 'identifier') {
    list = listOfName(ctx, list);
    if (!list) return undefined;
    // A list holding calls (`ds.as_mount()`), used only here: its statement goes (the values are the command's inputs now).
    if (list.namedChildren.some((c) => c.type === 'call')) {
      const stmt = list.parent?.parent;
      if (stmt?.type !== 'expression_statement' || !endsLine(ctx, stmt) || lineIndent(ctx, stmt).length !== stmt.startPosition.column) return undefined;
      edits.push([wholeLines(ctx, stmt), '']);
    }
  }
  if (list) {
    if (list.type !== 'list') return undefined;
    const items = list.namedChildren.filter((c) => c.type !== 'comment');
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const lit = item.type === 'string' ? stringValue(item) : literalText(item);
      // The value of a swept option (sweep.ts sweptOptions): an input even when literal, for the sweep to set.
      const flag = items[i - 1]?.type === 'string' ? stringValue(items[i - 1]) : undefined;
      const swept = flag !== undefined ? asInputs?.get(flag) : undefined;
      if (swept !== undefined && lit !== undefined) {
        if (inputs.some(([n]) => n === swept)) return undefined;
        inputs.push([swept, item.text]);
        parts.push(`\${{inputs.${swept}}}`);
        continue;
      }
      if (lit !== undefined) {
        parts.push(lit);
        continue;
      }
      // A v1 file dataset mounted or downloaded (`ds.as_named_input("x").as_mount()`): a v2
      // uri_folder input (data.ts dataInput; CMD: data arguments become `${{inputs.x}}`).
      // A registered MLTable asset given by name (`ds.as_named_input("x")`, data.ts tableInput): an mltable
      // input, which only a script of the document reading it through the run can take (scriptDataEdits).
      const mounted = item.type === 'call' && fb ? dataInput(fb, ctx, item) : undefined;
      const table = !mounted && item.type === 'call' && fb ? tableInput(fb, ctx, item) : undefined;
      const data = mounted ?? table;
      if (data) {
        // Named after the option before it, else its `as_named_input` name (v1's name for the data).
        const flagged = items[i - 1]?.type === 'string' && /^-/.test(stringValue(items[i - 1]) ?? '');
        const named = data.name?.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
        const name = inputName(items[i - 1], item) ?? (!flagged && named && /^[a-z_][a-z0-9_]*$/.test(named) ? named : undefined);
        if (!name || inputs.some(([n]) => n === name) || (table && !flagged)) return undefined;
        inputs.push([name, data.input]);
        edits.push(...data.edits);
        parts.push(`\${{inputs.${name}}}`);
        if (data.name) reads.push({ name: data.name, flag: flagged ? stringValue(items[i - 1]) : undefined, table: !!table });
        if (table?.review) review = true;
        continue;
      }
      // A name holding a str/int/float/bool (pipelines.ts plainValue): v1 wrote any object with str(), v2 inputs take those types only.
      if ((item.type !== 'identifier' && item.type !== 'attribute') || sdkOf(ctx.model.evaluate(item)) === 'v1' || !plainValue(ctx, item)) return undefined;
      const name = inputName(items[i - 1], item);
      const known = inputs.find(([n]) => n === name);
      if (!name || (known && known[1] !== item.text)) return undefined;
      if (!known) inputs.push([name, item.text]);
      parts.push(`\${{inputs.${name}}}`);
    }
  }
  // Every swept option is an input of the command.
  if (asInputs && [...asInputs].some(([flag, name]) => parts[parts.indexOf(flag) + 1] !== `\${{inputs.${name}}}`)) return undefined;
  return { command: parts.join(' '), inputs, edits, reads, review };
}

/**
 * `distributed_job_config=MpiConfiguration(process_count_per_node=n, node_count=k)` →
 * `distribution=MpiDistribution(process_count_per_instance=n)`, `instance_count=k`;
 * `PyTorchConfiguration(process_count=n)` on one node → `PyTorchDistribution(process_count_per_instance=n)`
 * (v1 process_count counts every node's processes: only one node maps plainly);
 * `TensorflowConfiguration(worker_count=w, parameter_server_count=p)` → `TensorFlowDistribution(...)`, `instance_count=w`. v2 names:
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.mpidistribution, .pytorchdistribution,
 * `command(..., distribution=, instance_count=)` https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml#azure-ai-ml-command.
 */
function distribution(fb: FixBuilder, ctx: RuleContext, node: SyntaxNode | undefined): { edits: Edits; distribution?: string; count?: string } | undefined {
  if (!node) return { edits: [] };
  const made = madeBy(ctx, node);
  if (!made) return undefined;
  const edits: Edits = [];
  if (node.type === 'identifier') {
    // The configuration object is used only here: its call goes (the statement keeps `x = None`-free: it becomes the v2 object).
    const target = assignedName(made);
    // (`x = Mpi...(...)` is the binding the argument reads: definingCall; sameAt would resolve x before its own assignment.)
    if (!target || usesOf(ctx, target).length !== 1 || !same(ctx.model.resolveName(node.text, node)?.node, target)) return undefined;
  }
  const q = qnameOf(ctx, made);
  let text: string | undefined;
  let count: SyntaxNode | undefined;
  if (q === 'azureml.core.runconfig.MpiConfiguration') {
    const a = bindArgs(made, ['process_count_per_node', 'node_count'], ['process_count_per_node', 'node_count']);
    if (!a) return undefined;
    count = a.get('node_count');
    text = `${fb.need('azure.ai.ml', 'MpiDistribution')}(${kwargs([['process_count_per_instance', a.get('process_count_per_node') ?? '1']])})`;
  } else if (q === 'azureml.core.runconfig.PyTorchConfiguration') {
    const a = bindArgs(made, ['communication_backend', 'distributed_backend', 'process_count', 'node_count'], ['communication_backend', 'process_count', 'node_count']);
    const backend = a?.get('communication_backend');
    const nodes = a?.get('node_count');
    if (!a || (backend && stringValue(backend) !== 'Nccl')) return undefined;
    if (nodes && nodes.text !== '1') {
      // Several nodes: v1's process_count is "the total number of processes to launch for the job", by default
      // node_count (https://learn.microsoft.com/python/api/azureml-core/azureml.core.runconfig.pytorchconfiguration);
      // v2's process_count_per_instance is "the number of processes per node", with the job's instance_count nodes
      // (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.pytorchdistribution, whose example sets both).
      // Only integer literals, the total a multiple of the nodes (other counts: how v1 spread them is not documented).
      const procs = a.get('process_count');
      const n = nodes.type === 'integer' && /^\d+$/.test(nodes.text) ? Number(nodes.text) : NaN;
      const total = procs ? (procs.type === 'integer' && /^\d+$/.test(procs.text) ? Number(procs.text) : NaN) : n;
      if (!(n >= 1) || !(total >= n) || total % n !== 0) return undefined;
      count = nodes;
      text = `${fb.need('azure.ai.ml', 'PyTorchDistribution')}(process_count_per_instance=${total / n})`;
    } else text = `${fb.need('azure.ai.ml', 'PyTorchDistribution')}(${kwargs([['process_count_per_instance', a.get('process_count')]])})`;
  } else if (q === 'azureml.core.runconfig.TensorflowConfiguration') {
    // v1 ScriptRunConfig: node_count = worker_count, the run's `tensorflow` section both counts
    // (azureml-core script_run_config.py; defaults 1 and 1, runconfig.py). v2 TensorFlowDistribution's
    // parameter_server_count defaults to 0, so both are stated; instance_count = worker_count
    // (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.tensorflowdistribution).
    const a = bindArgs(made, ['worker_count', 'parameter_server_count'], ['worker_count', 'parameter_server_count']);
    if (!a) return undefined;
    const workers = a.get('worker_count');
    if (workers && !sameAt(ctx, workers, node)) return undefined;
    count = workers;
    text = `${fb.need('azure.ai.ml', 'TensorFlowDistribution')}(${kwargs([['parameter_server_count', a.get('parameter_server_count') ?? '1'], ['worker_count', workers ?? '1']])})`;
  } else return undefined;
  if (count && count.type !== 'integer' && !sameAt(ctx, count, node)) return undefined;
  if (node.type === 'identifier') edits.push([made, text]);
  return { edits, distribution: node.type === 'identifier' ? node.text : text, count: count?.text };
}

/** `src.run_config.<field> = value` as a statement: the field and the assignment. */
function runConfigAssignment(use: SyntaxNode): { field: string; assign: SyntaxNode; left: SyntaxNode; value: SyntaxNode } | undefined {
  const rc = use.parent;
  if (rc?.type !== 'attribute' || !same(rc.childForFieldName('object'), use) || rc.childForFieldName('attribute')?.text !== 'run_config') return undefined;
  const left = rc.parent;
  const assign = left?.parent;
  if (left?.type !== 'attribute' || assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), left) || assign.parent?.type !== 'expression_statement') return undefined;
  const value = assign.childForFieldName('right');
  return value ? { field: left.childForFieldName('attribute')?.text ?? '', assign, left, value } : undefined;
}

/**
 * The edits that make a v1 environment expression a v2 one ([] when it is not v1); undefined when
 * they cannot. Its `environment_variables` (v1 sets them on the environment) go to `vars.text`.
 * `text`: a v2 copy of an environment shared with a v1 job that has no rewrite, written at `at` in
 * place of the expression (environment.ts jobEnvironment), `review` when it carries a value to review.
 */
function envEdits(fb: FixBuilder, ctx: RuleContext, env: SyntaxNode | undefined, at: SyntaxNode, vars: { text?: string }): { edits: Edits; text?: string; review?: boolean } | undefined {
  if (!env || sdkOf(ctx.model.evaluate(env)) !== 'v1') return { edits: [] };
  return jobEnvironment(fb, ctx, env, at, vars);
}

/**
 * `run_config=rc` of a ScriptRunConfig, `rc = RunConfiguration()` (no arguments) configured only by
 * `rc.target = X` / `rc.environment = env` statements between it and the ScriptRunConfig, in the
 * same block, used nowhere else: X and env (their names bound the same at the ScriptRunConfig)
 * are the command's `compute=` / `environment=` (CMD: a v1 run configuration's target and
 * environment are the job's), the statements go. Undefined otherwise.
 */
function runConfiguration(ctx: RuleContext, call: SyntaxNode, rc: SyntaxNode): { target?: SyntaxNode; environment?: SyntaxNode; edits: Edits } | undefined {
  const made = rc.type === 'identifier' ? definingCall(ctx, rc) : undefined;
  if (!made || !/^azureml\.core\.(runconfig\.)?RunConfiguration$/.test(qnameOf(ctx, made) ?? '') || !noArgs(made)) return undefined;
  const target = assignedName(made);
  const stmt = made.parent?.parent;
  const block = stmt?.parent;
  let callStmt: SyntaxNode | null = call;
  while (callStmt && callStmt.parent && !same(callStmt.parent, block)) callStmt = callStmt.parent;
  if (!target || stmt?.type !== 'expression_statement' || !block || !callStmt || !same(callStmt.parent, block) || stmt.startIndex > callStmt.startIndex) return undefined;
  if ((ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1 || !same(ctx.model.resolveName(rc.text, rc)?.node, target)) return undefined;
  const out: { target?: SyntaxNode; environment?: SyntaxNode; edits: Edits } = { edits: [[wholeLines(ctx, stmt), '']] };
  for (const use of usesOf(ctx, target)) {
    if (same(use, rc)) continue;
    const left = use.parent;
    const assign = left?.parent;
    const field = left?.type === 'attribute' && same(left.childForFieldName('object'), use) ? left.childForFieldName('attribute')?.text : undefined;
    const value = assign?.type === 'assignment' && same(assign.childForFieldName('left'), left) ? assign.childForFieldName('right') : undefined;
    const st = assign?.parent;
    if ((field !== 'target' && field !== 'environment') || !value || out[field] || st?.type !== 'expression_statement' || !same(st.parent, block) || st.startIndex < stmt.endIndex || st.endIndex > callStmt.startIndex || !endsLine(ctx, st)) return undefined;
    if (value.type === 'call' || !namesSameAt(ctx, value, call)) return undefined;
    out[field] = value;
    out.edits.push([wholeLines(ctx, st), '']);
  }
  return out;
}

/** A v1 dataset a job configuration's arguments pass (`"--flag", ds.as_named_input("name")[.as_mount()]`): v2 gives its script a path. */
export interface DataRead {
  /** The `as_named_input` name, the key v1 scripts read it by (`run.input_datasets["name"]`). */
  name: string;
  /** The option before it. */
  flag?: string;
  /** An MLTable asset given whole (v1 gave the script the dataset itself): read with mltable. */
  table: boolean;
}

/** A module of the document with its model (RuleContext.modules). */
type ScriptModule = ReturnType<RuleContext['modules']>[number];

const cellOf = (m: ScriptModule['module'], row: number): number | undefined => m.lines?.[row]?.cell;
const trimDir = (p: string): string => p.replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';

/**
 * The `%%writefile` script of the notebook that the job configuration `call` runs (`script=` in
 * `source_directory=`): the last writefile cell before the job's cell writing that file, matched by
 * its file name and folder: a literal folder equal to the job's (a literal or a name bound once to
 * one), or `$folder/` / `{folder}/` (IPython expands both from the notebook's variables) with the
 * job's `source_directory=folder` reading the one binding that already held when the cell ran.
 * Undefined when the document has no such cell (a .py driver: its script is not in the document);
 * null when a candidate cannot be told apart (another folder variable, a value set after the cell).
 */
function jobScript(ctx: RuleContext, call: SyntaxNode, dir: SyntaxNode | undefined, script: string): ScriptModule | null | undefined {
  if (ctx.module.origin !== 'notebook') return undefined;
  const jobCell = cellOf(ctx.module, call.startPosition.row);
  if (jobCell === undefined) return null;
  const file = trimDir(script);
  const candidates = ctx.modules()
    .filter((m) => m.module.origin === 'writefile' && m.module.filename && (cellOf(m.module, 0) ?? Infinity) < jobCell)
    .sort((a, b) => cellOf(b.module, 0)! - cellOf(a.module, 0)!);
  for (const m of candidates) {
    const target = m.module.filename!.replace(/^(\.\/)+/, '');
    const folder = target === file ? '.' : target.endsWith(`/${file}`) ? target.slice(0, -file.length - 1) : undefined;
    if (folder === undefined) continue;
    const variable = /^(?:\$(\w+)|\{(\w+)\})$/.exec(folder);
    if (variable) {
      const name = variable[1] ?? variable[2];
      if (dir?.type !== 'identifier' || dir.text !== name) return null;
      const b = ctx.model.resolveName(name, dir);
      const bound = b && b.scope === ctx.model.moduleScope && b.kind === 'assign' ? cellOf(ctx.module, b.node.startPosition.row) : undefined;
      const wrote = cellOf(m.module, 0)!;
      // Set before the cell ran, and not again up to the job (every other binding before it or after the job).
      if (bound === undefined || bound >= wrote) return null;
      const others = (ctx.model.moduleScope.bindings.get(name) ?? []).filter((x) => x !== b);
      if (others.some((x) => x.node.startIndex > b!.node.startIndex && (cellOf(ctx.module, x.node.startPosition.row) ?? Infinity) <= jobCell)) return null;
      return m;
    }
    if (/[${}]/.test(folder)) return null;
    const value = dir ? knownString(ctx, dir) : '.';
    if (value === undefined) return null;
    if (trimDir(value) === trimDir(folder)) return m;
  }
  return undefined;
}

/** The first string of an argparse `add_argument` call naming `flag`, with its `dest` (argparse: `dest=`, else the first long option without dashes, `-` → `_`). */
function argparseDest(call: SyntaxNode, flag: string): string | undefined {
  const args = callArgs(call);
  const options = args.positional.map((p) => (p.type === 'string' ? stringValue(p) : undefined));
  if (args.splat || !options.includes(flag) || options.some((o) => o === undefined || !o.startsWith('-'))) return undefined;
  // A path is a str: no other type, no action (store_true...), no nargs (a list).
  const type = args.keywords.get('type');
  if ((type && type.text !== 'str') || args.keywords.has('action') || args.keywords.has('nargs')) return undefined;
  const dest = args.keywords.get('dest');
  if (dest) return stringValue(dest);
  const long = options.find((o) => o!.startsWith('--')) ?? options[0]!;
  const name = long.replace(/^-+/, '').replace(/-/g, '_');
  return /^[A-Za-z_]\w*$/.test(name) ? name : undefined;
}

/**
 * The edits of the job's script (a `%%writefile` cell of the notebook, jobScript) for the data the
 * job passes (`reads`): each `run.input_datasets["name"]` → the parsed argument of its option
 * (`args.<dest>`, the option declared once by `parser.add_argument`, parsed at module level by
 * `args = parser.parse_args()` before the read): v2 passes an input only on the command line, as its
 * path (CMD: `${{inputs.x}}`; v1 also gave a mounted/downloaded FileDataset's path as the argument,
 * azureml-core DatasetConsumptionConfig). A table (an MLTable asset) read
 * `run.input_datasets["name"].to_pandas_dataframe()` → `mltable.load(args.<dest>).to_pandas_dataframe()`
 * (how-to-mltable, reading an mltable job input: https://learn.microsoft.com/azure/machine-learning/how-to-mltable),
 * `import mltable` added before the script's first import; the argument must not be read otherwise
 * (in v1 it held the dataset's ID). Undefined when the script reads other datasets through the run,
 * or a table is passed to a script not in the document ([] for none).
 */
export function scriptDataEdits(ctx: RuleContext, call: SyntaxNode, dir: SyntaxNode | undefined, script: string, reads: DataRead[], add = false): { module: ScriptModule['module']; edits: Array<[SyntaxNode | Range, string]> } | null | undefined {
  if (!reads.length) return null;
  const found = jobScript(ctx, call, dir, script);
  if (found === null) return undefined;
  if (!found) return reads.some((r) => r.table) ? undefined : null;
  const root = found.model.tree.rootNode;
  const used = root.descendantsOfType('attribute').filter((a) => a.childForFieldName('attribute')?.text === 'input_datasets');
  const edits: Array<[SyntaxNode | Range, string]> = [];
  const adds = root.descendantsOfType('call').filter((c) => c.childForFieldName('function')?.type === 'attribute' && c.childForFieldName('function')!.childForFieldName('attribute')?.text === 'add_argument');
  const parsed = root.namedChildren.filter((st) => {
    const a = st.type === 'expression_statement' ? st.firstNamedChild : undefined;
    const right = a?.type === 'assignment' ? a.childForFieldName('right') : undefined;
    const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
    return a?.childForFieldName('left')?.type === 'identifier' && fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'parse_args' && noArgs(right!);
  });
  if (parsed.length !== 1) return undefined;
  const assign = parsed[0].firstNamedChild!;
  const argsName = assign.childForFieldName('left')!.text;
  const parser = assign.childForFieldName('right')!.childForFieldName('function')!.childForFieldName('object')!;
  const argsBinding = found.model.moduleScope.bindings.get(argsName) ?? [];
  if (argsBinding.length !== 1) return undefined;
  const destOf = (flag: string): string | undefined => {
    const declared = adds.filter((c) => c.childForFieldName('function')!.childForFieldName('object')?.text === parser.text && callArgs(c).positional.some((p) => p.type === 'string' && stringValue(p) === flag));
    if (declared.length === 1) return argparseDest(declared[0], flag);
    return declared.length === 0 && add ? addOption(flag) : undefined;
  };
  // `add` (an estimator's `inputs=`: v1 passed no argument): the option `flag`, declared before the
  // parse (`parser.add_argument("--x", type=str, dest="x")`), when no option of that flag or dest exists.
  const added = new Map<string, string>();
  const addOption = (flag: string): string | undefined => {
    if (added.has(flag)) return added.get(flag);
    const dest = flag.replace(/^-+/, '').replace(/-/g, '_');
    const clash = (c: SyntaxNode): boolean => {
      const a = callArgs(c);
      return stringValue(a.keywords.get('dest')) === dest || a.positional.some((x) => (stringValue(x) ?? '').replace(/^-+/, '').replace(/-/g, '_') === dest);
    };
    const read = root.descendantsOfType('attribute').some((a) => a.childForFieldName('object')?.text === argsName && a.childForFieldName('attribute')?.text === dest);
    if (parser.type !== 'identifier' || !/^[A-Za-z_]\w*$/.test(dest) || adds.some(clash) || read || parsed[0].startPosition.column !== 0) return undefined;
    const at = { line: parsed[0].startPosition.row, character: 0 };
    edits.push([{ start: at, end: at }, `${parser.text}.add_argument(${JSON.stringify(flag)}, type=str, dest=${JSON.stringify(dest)})\n`]);
    added.set(flag, dest);
    return dest;
  };
  // A table the script already loads from its argument (another job running it was rewritten first): no edit.
  const loads = (dest: string): boolean => root.descendantsOfType('call').some((c) => c.childForFieldName('function')?.text === 'mltable.load' && c.childForFieldName('arguments')?.text === `(${argsName}.${dest})`);
  for (const r of reads) {
    const dest = r.table && r.flag ? destOf(r.flag) : undefined;
    if (r.table && !used.length && !(dest && loads(dest))) return undefined;
  }
  if (!used.length) return add ? undefined : null;
  let table = false;
  for (const attr of used) {
    const sub = attr.parent;
    const key = sub?.type === 'subscript' && same(sub.childForFieldName('value'), attr) ? sub.childForFieldName('subscript') : undefined;
    const name = key?.type === 'string' ? stringValue(key) : undefined;
    const r = reads.find((x) => x.name === name && x.flag);
    if (!sub || !r || sdkOf(found.model.evaluate(attr)) !== 'v1' || sub.startIndex < parsed[0].endIndex || found.model.resolveName(argsName, sub) !== argsBinding[0]) return undefined;
    const dest = destOf(r.flag!);
    if (!dest) return undefined;
    if (!r.table) {
      edits.push([sub, `${argsName}.${dest}`]);
      continue;
    }
    // `.to_pandas_dataframe()` of it, and the argument read nowhere else (v1 passed the dataset's ID).
    const m = sub.parent?.type === 'attribute' && same(sub.parent.childForFieldName('object'), sub) ? sub.parent : undefined;
    const read = m?.childForFieldName('attribute')?.text === 'to_pandas_dataframe' && m.parent?.type === 'call' && noArgs(m.parent) ? m.parent : undefined;
    const other = root.descendantsOfType('attribute').some((a) => a.childForFieldName('object')?.text === argsName && a.childForFieldName('attribute')?.text === dest);
    if (!read || other) return undefined;
    edits.push([read, `mltable.load(${argsName}.${dest}).to_pandas_dataframe()`]);
    table = true;
  }
  // Every input passed is an option of the script now (argparse rejects an unknown one).
  if (add && reads.some((r) => !r.flag || !destOf(r.flag))) return undefined;
  if (table) {
    const bound = found.model.moduleScope.bindings.get('mltable') ?? [];
    if (bound.some((b) => !(b.value?.kind === 'ref' && b.value.qname === 'mltable'))) return undefined;
    const first = root.namedChildren.find((st) => st.type === 'import_statement' || st.type === 'import_from_statement');
    if (!bound.length) {
      if (!first || first.startPosition.column !== 0) return undefined;
      const at = { line: first.startPosition.row, character: 0 };
      // The job's environment must hold the `mltable` package: an estimator's own environment gets it (estimators.ts,
      // `add`); any other environment is the user's to check (review).
      edits.push([{ start: at, end: at }, `import mltable${add ? '' : REVIEW}\n`]);
    }
  }
  return { module: found.module, edits };
}

/**
 * In a notebook's `%%writefile` script, `run.input_datasets["x"]` (`node`: the attribute): the fix of the
 * notebook job that runs this script (jobScript) and passes it the data, its whole lifecycle (jobEdits,
 * with the script's edits, scriptDataEdits), built in the cells' module and carried over (FixBuilder.replaceIn);
 * the script's edit holding `node` split so that its text is this finding's own replacement.
 */
function scriptInputFix(fb: FixBuilder, node: SyntaxNode, ctx: RuleContext): string | undefined {
  const driver = ctx.module.origin === 'writefile' ? ctx.modules().find((m) => m.module.origin === 'notebook') : undefined;
  if (!driver) return undefined;
  const dctx: RuleContext = { ...ctx, model: driver.model, module: driver.module };
  for (const call of driver.model.tree.rootNode.descendantsOfType('call')) {
    const q = qnameOf(dctx, call);
    // A ScriptRunConfig's `script=`, or an estimator's `entry_script=` (estimators.ts, jobs.ts estimatorInputs).
    const estimator = isEstimator(q);
    if (q !== 'azureml.core.ScriptRunConfig' && !estimator) continue;
    const names = ['source_directory', 'script', 'arguments', 'run_config', '_telemetry_values', 'compute_target', 'environment', 'distributed_job_config', 'resume_from', 'max_run_duration_seconds', 'command', 'docker_runtime_config'];
    const a = estimator ? bindArgs(call, ['source_directory'], ['source_directory', ...callArgs(call).keywords.keys()]) : bindArgs(call, names, names);
    const script = knownString(dctx, a?.get(estimator ? 'entry_script' : 'script'));
    if (!script || jobScript(dctx, call, a?.get('source_directory'), script)?.module !== ctx.module) continue;
    const target = assignedName(call);
    const submit = target ? usesOf(dctx, target).map((u) => submitOf(dctx, u) ?? sweepSubmitOf(dctx, u)).find((x) => x) : undefined;
    const text = submit && carried(fb, ctx, driver.module, node, driverFix(dctx, submit));
    if (text !== undefined) return text;
  }
  // A notebook pipeline step running this script (pipelines.ts): the submission's fix, or the pipeline's.
  const p = pipelineOfScript(dctx, ctx.module);
  return p && carried(fb, ctx, driver.module, node, driverFix(dctx, p));
}

/** The fix, built in the notebook cells' context `dctx`, of a job's submit, or of a `Pipeline(...)` call not submitted. */
function driverFix(dctx: RuleContext, call: SyntaxNode): ModuleFix | undefined {
  const dfb = new FixBuilder(dctx, call.startIndex);
  if (qnameOf(dctx, call) !== 'azureml.core.Experiment.submit') {
    const text = pipelineConfig(dfb, call, dctx);
    return text === undefined ? undefined : dfb.replace(call, text).build('pipeline', 'suggestion');
  }
  const edits = jobEdits(dfb, dctx, call);
  if (!edits) return undefined;
  const done = new Set<number>();
  for (const [n, t] of edits) {
    if (done.has(n.id)) continue;
    done.add(n.id);
    dfb.replace(n, t);
  }
  return dfb.build('job', 'suggestion');
}

/**
 * The driver's fix carried over to the script's finding at `node` (FixBuilder.replaceIn for the cells' edits):
 * the script's edit holding `node` split so that its text is this finding's own replacement.
 */
function carried(fb: FixBuilder, ctx: RuleContext, driver: RuleContext['module'], node: SyntaxNode, fix: ModuleFix | undefined): string | undefined {
  const mine = fix?.edits.filter((e) => e.module === ctx.module) ?? [];
  const r = nodeRange(node);
  const samePos = (a: Range['start'], b: Range['start']): boolean => a.line === b.line && a.character === b.character;
  const atOrBefore = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  // The script's edit that starts where the finding's code does and holds it.
  const holder = mine.find((e) => samePos(e.range.start, r.start) && atOrBefore(r.end, e.range.end));
  if (!fix || !holder || fix.edits.some((e) => e.module && e.module !== ctx.module)) return undefined;
  for (const e of fix.edits) {
    if (!e.module) fb.replaceIn(driver, e.range, e.newText);
    else if (e !== holder) fb.replace(e.range, e.newText);
  }
  // The holder: this node's text, the rest of its range emptied.
  if (!samePos(r.end, holder.range.end)) fb.replace({ start: r.end, end: holder.range.end }, '');
  return holder.newText;
}

/**
 * An estimator's `inputs=[ds.as_named_input("x")[.as_mount()/.as_download()], ...]`: v1 passes no argument, the
 * script reads the data through the run (`run.input_datasets["x"]`; Estimator `inputs`: "A list of DataReference or
 * DatasetConsumptionConfig objects to use as input", https://learn.microsoft.com/python/api/azureml-train-core/azureml.train.estimator.estimator).
 * v2 passes an input only on the command line (CMD), so each becomes `--x ${{inputs.x}}` and the notebook's
 * `%%writefile` script (jobScript) reads `args.x`, the option added to its parser when it has none (scriptDataEdits);
 * the script edits join the fix rewriting `call`. Undefined when the script is not in the document, does not read
 * each input through the run, or an input does not translate (data.ts dataInput / tableInput).
 */
export function estimatorInputs(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, dir: SyntaxNode | undefined, script: string, list: SyntaxNode | undefined, accept: (found: { parts: string[]; inputs: Array<[string, string]>; table: boolean }) => boolean): { parts: string[]; inputs: Array<[string, string]>; edits: Edits; table: boolean; review: boolean } | undefined {
  const out = { parts: [] as string[], inputs: [] as Array<[string, string]>, edits: [] as Edits, table: false, review: false };
  if (!list) return out;
  if (list.type !== 'list') return undefined;
  const reads: DataRead[] = [];
  for (const item of list.namedChildren.filter((c) => c.type !== 'comment')) {
    if (item.type !== 'call') return undefined;
    const mounted = dataInput(fb, ctx, item);
    const table = mounted ? undefined : tableInput(fb, ctx, item);
    const data = mounted ?? table;
    const name = data?.name?.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
    if (!data || !name || !/^[a-z_][a-z0-9_]*$/.test(name) || out.inputs.some(([n]) => n === name)) return undefined;
    out.inputs.push([name, data.input]);
    out.edits.push(...data.edits);
    out.parts.push(`--${name}`, `\${{inputs.${name}}}`);
    reads.push({ name: data.name!, flag: `--${name}`, table: !!table });
    if (table) out.table = true;
    if (table?.review) out.review = true;
  }
  if (!reads.length) return out;
  const side = scriptDataEdits(ctx, call, dir, script, reads, true);
  // The caller's checks first: the script edits join `call`'s rewrite only when it is made.
  if (!side?.edits.length || !accept(out)) return undefined;
  pendingScripts(fb, call, side.module, side.edits);
  return out;
}

/** The script edits of a job configuration `call` join the fix whose edit rewrites `call` (FixBuilder.withCompanion). */
function pendingScripts(fb: FixBuilder, call: SyntaxNode, module: ScriptModule['module'], edits: Array<[SyntaxNode | Range, string]>): void {
  fb.withCompanion(call, module, edits);
}

/**
 * `ScriptRunConfig(...)` → `command(...)` (CMD), with `src.run_config.target = X` /
 * `src.run_config.environment = env` afterwards → `src.compute = X` / `src.environment = env`
 * (attributes of the v2 command: SDK entities/_builders/command.py), and a v1 environment
 * rewritten by environment.ts in the same fix. Undefined when an argument does not translate
 * or the object is used in another v1 way.
 */
function scriptRunConfig(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext): Edits | undefined {
  // Also swept (sweep.ts hyperDriveConfig calls this command with search spaces): the swept options are inputs.
  const swept = sweptOptions(ctx, call);
  return swept === null ? undefined : scriptRunCommand(fb, call, ctx, undefined, swept, !sweptByHyperDrive(ctx, call));
}

/** A ScriptRunConfig given to a HyperDriveConfig (`run_config=src`, inline or through its name). */
function sweptByHyperDrive(ctx: RuleContext, call: SyntaxNode): boolean {
  const target = assignedName(call);
  return (target ? usesOf(ctx, target) : [call]).some((u) => {
    const kw = u.parent?.type === 'keyword_argument' && same(u.parent.childForFieldName('value'), u) ? u.parent : undefined;
    const list = (kw ?? u).parent;
    return list?.type === 'argument_list' && !!list.parent && HYPERDRIVE.includes(qnameOf(ctx, list.parent) ?? '');
  });
}

/**
 * scriptRunConfig, with `extra` script options appended to the command and their inputs added
 * (sweep.ts: HyperDrive's swept options, whose values are search spaces). Undefined when an extra
 * option is already passed other than once with a literal value, or an input name is taken.
 */
export function scriptRunCommand(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext, extra?: { parts: string[]; inputs: Array<[string, string]> }, asInputs?: Map<string, string>, standalone = false): Edits | undefined {
  // `max_run_duration_seconds=` ("The maximum time allowed for the run. The system will attempt to automatically
  // cancel the run if it took longer than this value", in seconds: azureml-core ScriptRunConfig,
  // https://learn.microsoft.com/python/api/azureml-core/azureml.core.scriptrunconfig) → command(timeout=) ("The number
  // in seconds, after which the job will be cancelled": azure-ai-ml entities/_builders/command_func.py, which sets
  // the job's limits). Only for a job submitted on its own (`standalone`): not for a swept configuration (v1 applied it
  // to each trial; how a sweep reads its command's limits is not checked here) nor a pipeline step's, nor beside
  // `run_config=` (which v1 reads instead of several of the arguments).
  const accepted = ['source_directory', 'script', 'arguments', 'run_config', 'compute_target', 'environment', 'distributed_job_config', 'docker_runtime_config', 'command', ...(standalone ? ['max_run_duration_seconds'] : [])];
  const args = bindArgs(call, ['source_directory', 'script', 'arguments', 'run_config', '_telemetry_values', 'compute_target', 'environment', 'distributed_job_config', 'resume_from', 'max_run_duration_seconds', 'command', 'docker_runtime_config'], accepted);
  // `command=` instead of script/arguments (v1 takes one or the other): the shell command as is.
  const shell = args?.get('command');
  const script = shell ? undefined : knownString(ctx, args?.get('script'));
  const docker = dockerEdits(ctx, args?.get('docker_runtime_config'));
  if (!args || (!script && !shell) || (shell && (args.has('script') || args.has('arguments') || extra || asInputs?.size)) || !docker) return undefined;
  const target = assignedName(call);
  if (!target && call.parent?.type !== 'expression_statement' && call.parent?.type !== 'argument_list' && call.parent?.type !== 'keyword_argument') return undefined;
  const rc = args.get('run_config') ? runConfiguration(ctx, call, args.get('run_config')!) : undefined;
  // With run_config, v1 ignores compute_target/environment/distributed_job_config/docker_runtime_config
  // (azureml-core script_run_config.py: "If 'run_config' is specified, the following parameters will be
  // ignored"): accepted only when they repeat the run configuration's own target/environment.
  const repeats = (k: string, v: SyntaxNode | undefined): boolean => !args!.has(k) || (!!v && args!.get(k)!.text === v.text && namesSameAt(ctx, args!.get(k)!, call));
  const timeout = args.get('max_run_duration_seconds');
  if (timeout && (timeout.type === 'none' || args.has('run_config'))) return undefined;
  if (args.get('run_config') && (!rc || !repeats('compute_target', rc.target) || !repeats('environment', rc.environment) || args.has('distributed_job_config') || args.has('docker_runtime_config'))) return undefined;
  const envNode = rc?.environment ?? args.get('environment');
  const cmd = shell ? shellCommand(ctx, shell, call) : commandWithInputs(ctx, script!, args.get('arguments'), asInputs, fb);
  const compute = computeName(ctx, rc?.target ?? args.get('compute_target'));
  const vars: { text?: string } = {};
  const env = envEdits(fb, ctx, envNode, call, vars);
  const dist = distribution(fb, ctx, args.get('distributed_job_config'));
  if (!cmd || compute === null || !env || !dist) return undefined;
  // The notebook's `%%writefile` script reading the data through the run reads the arguments now.
  const scriptSide = shell ? null : scriptDataEdits(ctx, call, args.get('source_directory'), script!, (cmd as { reads?: DataRead[] }).reads ?? []);
  if (scriptSide === undefined) return undefined;
  const review = !!(cmd as { review?: boolean }).review;
  if (review && !endsLine(ctx, call)) return undefined;
  if (extra) {
    const parts = cmd.command.split(' ');
    // An option the arguments already pass with a literal value (`"--kernel", "linear"`): v1 sent a
    // ScriptRunConfig's arguments unchanged (azureml-train-core hyperdrive/runconfig.py
    // `_remove_duplicate_arguments` drops duplicates only for estimators and notebook `-n` args); the service
    // adds the sampled `--kernel <value>` (where is not documented: assumed after them, unverified), so the
    // command keeps both, the sampled one last (argparse: last wins).
    const literal = (x: string): boolean => parts.filter((p) => p === x).length === 1 && /^[^-$][^$]*$|^-?\d[\d.e-]*$/.test(parts[parts.indexOf(x) + 1] ?? '');
    if (extra.parts.some((x) => x.startsWith('-') && parts.includes(x) && !literal(x)) || extra.inputs.some(([n]) => cmd.inputs.some(([k]) => k === n))) return undefined;
    cmd.command = [...parts, ...extra.parts].join(' ');
    cmd.inputs.push(...extra.inputs);
  }
  const edits: Edits = [...cmd.edits, ...(rc?.edits ?? [])];
  let setsTarget = false;
  let setsEnv = false;
  // The uses of the variable: arguments (the caller checks them), or run_config assignments.
  for (const use of target ? usesOf(ctx, target) : []) {
    if (!memberOf(use)) continue;
    const a = runConfigAssignment(use);
    if (a?.field === 'target') {
      const c = computeName(ctx, a.value);
      if (c === null || c === undefined) return undefined;
      edits.push([a.assign, `${use.text}.compute = ${c}`]);
      setsTarget = true;
    } else if (a?.field === 'framework') {
      // Python is v1's default framework (azureml-core runconfig.py RunConfiguration: `self.framework =
      // framework if framework else "Python"`), what a v2 command runs: the statement goes (its block keeps
      // another statement). Also "python", as MachineLearningNotebooks' train-with-datasets sets it (the
      // service's case handling is not in the SDK source; other spellings are not rewritten).
      const st = a.assign.parent!;
      const block = st.parent;
      if (!['Python', 'python'].includes(stringValue(a.value) ?? '') || !block || !endsLine(ctx, st) || lineIndent(ctx, st).length !== st.startPosition.column) return undefined;
      if (block.type !== 'module' && block.namedChildren.filter((n) => n.type !== 'comment').length < 2) return undefined;
      edits.push([wholeLines(ctx, st), '']);
    } else if (a?.field === 'environment') {
      const later: { text?: string } = {};
      const found = envEdits(fb, ctx, a.value, a.assign, later);
      // (A copy of a shared environment only for the `environment=` argument.)
      if (!found || found.text !== undefined) return undefined;
      const e = found.edits;
      if (later.text === undefined) edits.push([a.left, `${use.text}.environment`], ...e);
      else {
        // The job's environment_variables, an attribute of the v2 command (SDK entities/_builders/command.py).
        if (a.value.type !== 'identifier') return undefined;
        edits.push([a.assign, `${use.text}.environment = ${a.value.text}\n${lineIndent(ctx, a.assign)}${use.text}.environment_variables = ${later.text}`], ...e);
      }
      setsEnv = true;
    } else return undefined;
  }
  // v1 ran without compute_target locally and without environment in its default one (azureml-core
  // script_run_config.py: target "local", Environment("default-environment")). v2 jobs need an
  // environment (azure-ai-ml entities/_job/command_job.py `_validate`: "environment is required"):
  // the image the migration docs use, to review, as pipelines.ts does; `compute="local"` is v1's
  // "local" (CMD/LOCAL, https://learn.microsoft.com/azure/machine-learning/how-to-debug-visual-studio-code).
  const defaultEnv = !envNode && !setsEnv;
  // The environment's line carries the mark: v1's default image, or a copy's value to review.
  const envReview = defaultEnv || !!env.review;
  const command = fb.need('azure.ai.ml', 'command');
  const inputs = cmd.inputs.length ? `{${cmd.inputs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(', ')}}` : undefined;
  const pairs: Array<[string, SyntaxNode | string | undefined]> = [
    ['code', args.get('source_directory')],
    ['command', cmd.text ?? JSON.stringify(cmd.command)],
    ['inputs', inputs],
    ['environment', defaultEnv ? `${fb.needModule('azure.ai.ml.entities')}.Environment(image=${DEFAULT_IMAGE})` : env.text ?? envNode],
    ['compute', compute ?? (setsTarget ? undefined : '"local"')],
    // v1 set them on the environment; v2 on the job (command(environment_variables=), azure.ai.ml reference).
    ['environment_variables', vars.text],
    ['distribution', dist.distribution],
    ['instance_count', dist.count],
    ['timeout', timeout],
  ];
  let text = `${command}(${kwargs(pairs)})`;
  // (A renamed data asset in an input, data.ts tableInput: the job's line carries the mark.)
  if (review && !envReview) text += REVIEW;
  if (envReview) {
    if (endsLine(ctx, call)) text += REVIEW;
    else {
      // A trailing comment needs the end of a line: one argument a line.
      const indent = lineIndent(ctx, call);
      const lines = pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${indent}    ${kwargs([[k, v]])},${k === 'environment' ? REVIEW : ''}`);
      text = `${command}(\n${lines.join('\n')}\n${indent})`;
    }
  }
  if (scriptSide?.edits.length) pendingScripts(fb, call, scriptSide.module, scriptSide.edits);
  return [[call, text], ...edits, ...env.edits, ...dist.edits, ...docker];
}

/**
 * `docker_runtime_config=DockerConfiguration(use_docker=True)` (inline, or a name assigned it used
 * only there, whose statement goes): dropped, a v2 job always runs in the Docker container built
 * from its environment (https://learn.microsoft.com/azure/machine-learning/how-to-use-environments:
 * "Azure Machine Learning uses the environment specification to create the Docker container that
 * your training or scoring code runs in"). [] when there is none; undefined for anything else (no Docker, other options).
 */
function dockerEdits(ctx: RuleContext, node: SyntaxNode | undefined): Edits | undefined {
  if (!node) return [];
  const made = madeBy(ctx, node);
  const a = made && qnameOf(ctx, made) === 'azureml.core.runconfig.DockerConfiguration' ? bindArgs(made, ['use_docker'], ['use_docker']) : undefined;
  if (a?.get('use_docker')?.type !== 'true' || a.size !== 1) return undefined;
  if (node.type === 'call') return [];
  const target = assignedName(made!);
  const stmt = made!.parent?.parent;
  const block = stmt?.parent;
  if (node.type !== 'identifier' || !target || usesOf(ctx, target).length !== 1 || !same(ctx.model.resolveName(node.text, node)?.node, target) || stmt?.type !== 'expression_statement' || !block || !endsLine(ctx, stmt) || lineIndent(ctx, stmt).length !== stmt.startPosition.column) return undefined;
  // The statement goes; a block keeps another statement.
  return block.type === 'module' || block.namedChildren.filter((n) => n.type !== 'comment').length > 1 ? [[wholeLines(ctx, stmt), '']] : undefined;
}

/** The base image of the migration docs' environments (see environment.ts DEFAULT_IMAGE, pipelines.ts). */
const DEFAULT_IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';
const REVIEW = '  # amlint: review';

/** The object a call makes is passed to a v1 call (`exp.submit(src)`), which would get a v2 object. */
export function passedToV1(ctx: RuleContext, call: SyntaxNode): boolean {
  return (usesOfAssigned(ctx, call) ?? []).some((use) => {
    const list = use.parent?.type === 'keyword_argument' ? use.parent.parent : use.parent;
    return list?.type === 'argument_list' && sdkOf({ kind: 'ref', qname: qnameOf(ctx, list.parent ?? undefined) ?? '' }) === 'v1';
  });
}

/** A v1 job configuration: with the lifecycle of the submit it is passed to, else alone when no v1 call gets it. */
function jobConfig(build: ConfigBuilder): Builder {
  return (fb, ref, ctx) => {
    const call = ref.call!;
    const target = assignedName(call);
    const first = target ? usesOf(ctx, target).find((u) => submitOf(ctx, u)) : submitOf(ctx, call) && call;
    if (first) return withJob(fb, ctx, submitOf(ctx, first), call);
    if (passedToV1(ctx, call)) return undefined;
    const edits = build(fb, call, ctx);
    return combined(fb, call, edits && (edits.some((e) => fromShared.has(e)) ? onceEach(edits) : edits));
  };
}

type ConfigBuilder = (fb: FixBuilder, call: SyntaxNode, ctx: RuleContext) => Edits | undefined;

/** A builder returning the replacement of the call only, as the edits of a configuration. */
function asEdits(build: (fb: FixBuilder, call: SyntaxNode, ctx: RuleContext) => string | undefined): ConfigBuilder {
  return (fb, call, ctx) => {
    const text = build(fb, call, ctx);
    return text === undefined ? undefined : [[call, text]];
  };
}

/** The v1 job configurations a submission rewrites along with it (the first edit replaces the configuration call). */
const JOB_CONFIGS: Record<string, ConfigBuilder> = {
  'azureml.core.ScriptRunConfig': scriptRunConfig,
  // AutoML (automl.ts); called late: automl.ts imports this module.
  'azureml.train.automl.AutoMLConfig': (fb, call, ctx) => autoMLConfig(fb, call, ctx),
  // PIPE: a v1 Pipeline(...) and its steps → a v2 pipeline job (pipelines.ts adds the steps' edits to fb).
  'azureml.pipeline.core.Pipeline': asEdits(pipelineConfig),
  // HD: HyperDrive → a sweep job (sweep.ts); HyperDriveRunConfig is its older name.
  'azureml.train.hyperdrive.HyperDriveConfig': hyperDriveConfig,
  'azureml.train.hyperdrive.HyperDriveRunConfig': hyperDriveConfig,
  // EST: v1 estimators → command (estimators.ts).
  'azureml.train.estimator.Estimator': estimatorConfig,
  'azureml.train.sklearn.SKLearn': estimatorConfig,
  'azureml.train.dnn.PyTorch': estimatorConfig,
  'azureml.train.dnn.TensorFlow': estimatorConfig,
  'azureml.train.dnn.Chainer': estimatorConfig,
};

// ---- Interactive runs: Experiment.start_logging() → an MLflow run on the workspace (MLF, TRK) ----

/** The first token of a statement (where lines can be put before it). */
function firstLeaf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.childCount > 0 && n.child(0)) n = n.child(0)!;
  return n;
}

/**
 * `with run.child_run() as child:` on a run that is MLflow's active run there → `with
 * mlflow.start_run(nested=True) as child:` (a nested run of the active one: MLflow `start_run(nested=)`,
 * https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.start_run; Azure ML keeps them as child
 * runs, how-to-track-experiments-mlflow "Get child (nested) runs"), its logging → MLflow, which logs
 * to the active (child) run. Only when the parent is active there (inside its `with`, or before its
 * `complete()`), every use of the child is a logging call in the body and the body does not use the
 * parent (whose logging would go to the child). `child_run(name)` → `run_name=`.
 */
function childRunEdits(fb: FixBuilder, ctx: RuleContext, parent: SyntaxNode, use: SyntaxNode, parentWith: SyntaxNode | undefined): Edits | undefined {
  const m = memberOf(use);
  const call = m?.call;
  const args = call && bindArgs(call, ['name', 'run_id', 'outputs'], ['name']);
  const asPattern = call?.parent?.type === 'as_pattern' ? call.parent : undefined;
  const withStmt = asPattern?.parent?.type === 'with_item' && asPattern.parent.parent?.type === 'with_clause' && asPattern.parent.parent.namedChildren.length === 1 ? asPattern.parent.parent.parent : undefined;
  const alias = asPattern?.childForFieldName('alias') ?? asPattern?.namedChildren[1];
  const child = alias?.type === 'identifier' ? alias : alias?.namedChildren[0];
  const body = withStmt?.childForFieldName('body');
  if (!call || !args || !withStmt || withStmt.type !== 'with_statement' || child?.type !== 'identifier' || !body) return undefined;
  const inside = (n: SyntaxNode, outer: SyntaxNode): boolean => outer.startIndex <= n.startIndex && n.endIndex <= outer.endIndex;
  if (parentWith && !inside(withStmt, parentWith)) return undefined;
  const parentUses = usesOf(ctx, parent);
  if (parentUses.some((u) => inside(u, body) || (memberOf(u)?.name === 'complete' && u.startIndex < call.startIndex))) return undefined;
  const mlflow = fb.needModule('mlflow');
  const edits: Edits = [[call, `${mlflow}.start_run(${kwargs([['run_name', args.get('name')], ['nested', 'True']])})`]];
  for (const u of usesOf(ctx, child)) {
    if (!inside(u, body) || memberOf(u)?.name === 'complete') return undefined;
    const edit = runLoggingUse(fb, ctx, u);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/**
 * MLflow already points at the workspace `ws` where `stmt` runs: a module-level
 * `mlflow.set_tracking_uri(ws.get_mlflow_tracking_uri())` (or its v2 form, `....mlflow_tracking_uri`)
 * before it, at the top level, and no other set_tracking_uri call in the module.
 */
function trackingSet(ctx: RuleContext, stmt: SyntaxNode, ws: SyntaxNode): boolean {
  let root = stmt;
  while (root.parent) root = root.parent;
  const calls = root.descendantsOfType('call').filter((c) => {
    const fn = c.childForFieldName('function');
    return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'set_tracking_uri';
  });
  const c = calls.length === 1 ? calls[0] : undefined;
  const fn = c?.childForFieldName('function')?.childForFieldName('object');
  const arg = c && callArgs(c).positional.length === 1 && !callArgs(c).keywords.size ? callArgs(c).positional[0] : undefined;
  const b = fn?.type === 'identifier' ? ctx.model.resolveName(fn.text, fn) : undefined;
  const top = c?.parent?.type === 'expression_statement' && c.parent.parent?.type === 'module' && c.endIndex < stmt.startIndex;
  const wsUri = arg?.type === 'call' && noArgs(arg) && arg.childForFieldName('function')?.text === `${ws.text}.get_mlflow_tracking_uri` && sameAt(ctx, ws, stmt);
  const v2Uri = arg?.type === 'attribute' && arg.childForFieldName('attribute')?.text === 'mlflow_tracking_uri';
  return !!(top && b?.kind === 'import' && fn!.text === 'mlflow' && (wsUri || v2Uri));
}

/**
 * `for r in exp.get_runs():` → the experiment's MLflow runs (v2 has no run listing; MLF: runs are
 * MLflow runs): `mlflow.search_runs(experiment_names=[name], output_format="list")`, newest first as v1
 * (its default order is `start_time` descending), keeping top-level runs as v1 does without
 * `include_children` (child runs carry the `mlflow.parentRunId` tag), MLflow first pointed at the
 * workspace (TRK). https://learn.microsoft.com/azure/machine-learning/how-to-track-experiments-mlflow
 * ("Getting all the runs from an experiment", "Ordering runs", "Getting child (nested) runs").
 * Each use of `r`: `r.id` → `r.info.run_id` (the job name), `r.get_metrics()` → `r.data.metrics` (MLF),
 * `r.get_status()` shown → `r.info.status` (MLflow spells statuses `FINISHED`, `FAILED`... : the doc's
 * table; `# amlint: review`), `r` shown. Undefined for any other use, arguments, or a loop `else`.
 */
function getRunsEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  const fn = call.childForFieldName('function');
  const exp = fn?.type === 'attribute' ? fn.childForFieldName('object') ?? undefined : undefined;
  // The experiment: `Experiment(ws, name)`, or `ws.experiments[name]` (experimentsEntry; inline or through a name).
  const sub = exp?.type === 'subscript' ? exp : assignedSubscript(ctx, exp);
  const entry = experimentsEntry(ctx, sub);
  const expCall = entry ? sub : madeBy(ctx, exp);
  if (!noArgs(call) || !exp || !expCall || (!entry && qnameOf(ctx, expCall) !== 'azureml.core.Experiment') || (exp.type !== 'call' && exp.type !== 'subscript' && !sameAt(ctx, exp, call))) return undefined;
  const e = entry ? new Map([['workspace', entry], ['name', expCall.childForFieldName('subscript')!]]) : bindArgs(expCall, ['workspace', 'name'], ['workspace', 'name']);
  const ws = e?.get('workspace');
  const name = e?.get('name');
  if (!ws || !name || !sameAt(ctx, name, call) || !sameAt(ctx, ws, call)) return undefined;
  const newest = newestRunEdits(fb, ctx, call, ws, name);
  if (newest !== null) return newest;
  const runs = runsRead(ctx, call);
  if (!runs) return undefined;
  const edits: Edits = [];
  let status = false;
  for (const { loop, uses } of runs.loops) {
    const r = loop.childForFieldName('left')!.text;
    for (const use of uses) {
      const m = memberOf(use);
      if (!m) {
        if (!shown(ctx, use)) return undefined;
      } else if (m.name === 'id' && !m.call) edits.push([m.attr, `${r}.info.run_id`]);
      else if (m.name === 'get_metrics' && m.call && noArgs(m.call) && !metricsReadAsSeries(ctx, m.call)) edits.push(...metricsEdits(ctx, m.call, `${r}.data.metrics`));
      else if (m.name === 'get_details' && m.call && noArgs(m.call)) {
        const ids = runIdReads(ctx, m.call, r);
        if (!ids) return undefined;
        edits.push(...ids);
      } else if (m.name === 'get_status' && m.call && noArgs(m.call) && shown(ctx, m.call)) {
        edits.push([m.call, `${r}.info.status`]);
        status = true;
      } else return undefined;
    }
  }
  const stmt = runs.stmt;
  const client = trackingSet(ctx, stmt, ws) ? null : clientOf(fb, ctx, ws);
  const mark = !status ? undefined : same(stmt, call.parent ?? undefined) || same(stmt, listed(ctx, call).parent ?? undefined) ? reviewMark(ctx, call) : statementMark(ctx, stmt, call);
  if (client === undefined || (status && !mark)) return undefined;
  const mlflow = fb.needModule('mlflow');
  const r = runs.loops[0]?.loop.childForFieldName('left')!.text ?? 'r';
  edits.unshift([call, `[${r} for ${r} in ${mlflow}.search_runs(experiment_names=[${name.text}], output_format="list") if "mlflow.parentRunId" not in ${r}.data.tags]${mark === 'append' ? REVIEW : ''}`]);
  if (client) {
    const ml = client.ml;
    const lead = firstLeaf(stmt);
    edits.push([lead, `${mlflow}.set_tracking_uri(${trackingUri(ml)})\n${' '.repeat(stmt.startPosition.column)}${lead.text}`], ...client.edits);
  }
  if (mark && mark !== 'append') edits.push(mark);
  // `exp = Experiment(ws, name)` used only here: its name (the Experiment builder's rewrite once unused).
  // (Distinct nodes: the model lists a for loop's iterable use twice.)
  const expUses = exp.type === 'identifier' ? usesOfAssigned(ctx, expCall) : undefined;
  if (expUses && new Set(expUses.map((u) => u.id)).size === 1 && expCall.parent?.type === 'assignment') edits.push([expCall, name.text]);
  return edits;
}

/**
 * `latest = next(exp.get_runs())` / `latest = list(exp.get_runs())[0]` (the newest run: v1's get_runs yields newest first) → `next(latest for latest in
 * mlflow.search_runs(...) if <top-level>)`, the generator getRunsEdits lists (same order and filter; StopIteration
 * too when there is none), `latest`'s uses read as getRunsEdits reads a loop's (id, get_metrics, get_status shown,
 * `# amlint: review`, shown). null when the call is not `next`'s only argument; undefined for any other use.
 */
/**
 * `next(exp.get_runs())` / `list(exp.get_runs())[0]` around the listing `call` (Python's `next` and
 * `list`, not the module's): that expression, the newest run; else undefined.
 */
function newestOf(ctx: RuleContext, call: SyntaxNode): SyntaxNode | undefined {
  const args = call.parent;
  const outer = args?.type === 'argument_list' && args.namedChildren.length === 1 ? args.parent : undefined;
  const fn = outer?.childForFieldName('function');
  // `list(exp.get_runs())[0]`: the first run listed, the newest too (IndexError where next raises StopIteration: both raise).
  const indexed = outer && same(listed(ctx, call), outer) ? outer.parent : undefined;
  const first = indexed?.type === 'subscript' && same(indexed.childForFieldName('value'), outer) && indexed.namedChildren.length === 2 && indexed.childForFieldName('subscript')?.text === '0' ? indexed : undefined;
  if (first) return first;
  return outer?.type === 'call' && fn?.type === 'identifier' && fn.text === 'next' && !ctx.model.resolveName('next', outer) ? outer : undefined;
}

function newestRunEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, ws: SyntaxNode, name: SyntaxNode): Edits | undefined | null {
  const nxt = newestOf(ctx, call);
  if (!nxt) return null;
  const target = assignedName(nxt);
  const stmt = target?.parent?.parent;
  const binding = target && assignedBinding(ctx, nxt!);
  // (a name bound again, as notebooks do cell after cell: only when this binding alone reaches its uses, reach.ts)
  if (!target || !binding || stmt?.type !== 'expression_statement' || !soleBinding(ctx.model, binding)) return undefined;
  const t = target.text;
  const edits: Edits = [];
  const marks = new Map<number, [SyntaxNode, string]>();
  for (const use of [...new Map((usesOfAssigned(ctx, nxt!) ?? []).map((u) => [u.id, u])).values()]) {
    const m = memberOf(use);
    if (!m) {
      if (!shown(ctx, use)) return undefined;
    } else if (m.name === 'id' && !m.call) edits.push([m.attr, `${t}.info.run_id`]);
    else if (m.name === 'get_metrics' && m.call && noArgs(m.call) && !metricsReadAsSeries(ctx, m.call)) edits.push(...metricsEdits(ctx, m.call, `${t}.data.metrics`));
    else if (m.name === 'get_status' && m.call && noArgs(m.call) && shown(ctx, m.call)) {
      // MLflow spells statuses otherwise (FINISHED, FAILED...: how-to-track-experiments-mlflow): to review.
      const mark = reviewMark(ctx, m.call);
      if (!mark) return undefined;
      edits.push([m.call, `${t}.info.status${mark === 'append' ? REVIEW : ''}`]);
      if (mark !== 'append') marks.set(mark[0].id, mark);
    } else return undefined;
  }
  const client = trackingSet(ctx, stmt, ws) ? null : clientOf(fb, ctx, ws);
  if (client === undefined) return undefined;
  const mlflow = fb.needModule('mlflow');
  // (`next(<generator>)`: a generator expression as the only argument needs no parentheses of its own.)
  const newest = `${t} for ${t} in ${mlflow}.search_runs(experiment_names=[${name.text}], output_format="list") if "mlflow.parentRunId" not in ${t}.data.tags`;
  // (`list(...)[0]` kept as written around the listing, as getRunsEdits keeps `list(...)` of a loop's.)
  edits.unshift([call, nxt.type === 'subscript' ? `[${newest}]` : newest]);
  if (client) {
    const ml = client.ml;
    const lead = firstLeaf(stmt);
    edits.push([lead, `${mlflow}.set_tracking_uri(${trackingUri(ml)})\n${' '.repeat(stmt.startPosition.column)}${lead.text}`], ...client.edits);
  }
  const exp = call.childForFieldName('function')?.childForFieldName('object');
  const expCall = madeBy(ctx, exp ?? undefined);
  const expUses = exp?.type === 'identifier' && expCall ? usesOfAssigned(ctx, expCall) : undefined;
  if (expUses && new Set(expUses.map((u) => u.id)).size === 1 && expCall!.parent?.type === 'assignment') edits.push([expCall!, name.text]);
  return [...edits, ...marks.values()];
}

/**
 * `r.get_details()["runId"]`, directly or through a name bound once that is only read so, of an
 * MLflow run `r`: its run ID, `r.info.run_id` (the run's ID in Azure ML: MLF "View run info and data",
 * https://mlflow.org/docs/latest/python_api/mlflow.entities.html#mlflow.entities.RunInfo). Undefined for any other read.
 */
function runIdReads(ctx: RuleContext, call: SyntaxNode, r: string): Edits | undefined {
  const runId = (n: SyntaxNode): SyntaxNode | undefined => {
    const sub = n.parent;
    const key = sub?.type === 'subscript' && same(sub.childForFieldName('value'), n) ? sub.childForFieldName('subscript') : undefined;
    return key?.type === 'string' && stringValue(key) === 'runId' && sub!.namedChildren.length === 2 ? sub! : undefined;
  };
  const direct = runId(call);
  if (direct) return [[direct, `${r}.info.run_id`]];
  const uses = usesOfAssigned(ctx, call);
  const target = assignedName(call);
  const distinct = uses && [...new Map(uses.map((u) => [u.id, u])).values()];
  if (!target || !distinct?.length || (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1) return undefined;
  const reads = distinct.map(runId);
  if (reads.some((x) => !x)) return undefined;
  return [[call, `${r}.info`], ...reads.map((x): [SyntaxNode, string] => [x!, `${target.text}.run_id`])];
}

/** reviewMark for `node` in the statement `stmt` (`runs = list(<node>)`): after its last token, when it ends the line. */
function statementMark(ctx: RuleContext, stmt: SyntaxNode, node: SyntaxNode): 'append' | [SyntaxNode, string] | undefined {
  if (stmt.type !== 'expression_statement' || !endsLine(ctx, stmt)) return undefined;
  if (node.endIndex === stmt.endIndex) return 'append';
  let last: SyntaxNode | null = stmt;
  while (last && last.childCount) last = last.lastChild;
  return last && last.endIndex === stmt.endIndex && last.endIndex > node.endIndex ? [last, `${last.text}${REVIEW}`] : undefined;
}

/** `list(<call>)` (the builtin, one argument) around `call`, else `call`. */
function listed(ctx: RuleContext, call: SyntaxNode): SyntaxNode {
  const args = call.parent;
  const outer = args?.type === 'argument_list' ? args.parent : undefined;
  const fn = outer?.childForFieldName('function');
  return outer?.type === 'call' && fn?.type === 'identifier' && fn.text === 'list' && !ctx.model.resolveName('list', outer) && args!.namedChildren.length === 1 ? outer : call;
}

/**
 * How the runs of `exp.get_runs()` are read: iterated by a for loop (`for r in exp.get_runs():`, or
 * `list(...)` of it), assigned to a name bound once that only for loops iterate (one loop for v1's
 * generator, any for a `list(...)`, which `len()` may also read or a print show), or a `list(...)` shown. The loops
 * (no `else`, a name as target) with their variable's uses, and the statement the runs are read in.
 */
function runsRead(ctx: RuleContext, call: SyntaxNode): { loops: Array<{ loop: SyntaxNode; uses: readonly SyntaxNode[] }>; stmt: SyntaxNode } | undefined {
  const outer = listed(ctx, call);
  const loopOf = (expr: SyntaxNode): { loop: SyntaxNode; uses: readonly SyntaxNode[] } | undefined => {
    const loop = expr.parent;
    const uses = loopUses(ctx, expr);
    return uses && loop?.type === 'for_statement' && !loop.childForFieldName('alternative') ? { loop, uses } : undefined;
  };
  for (const expr of [call, outer]) {
    const l = expr.parent?.type === 'for_statement' ? loopOf(expr) : undefined;
    if (expr.parent?.type === 'for_statement') return l && { loops: [l], stmt: l.loop };
  }
  const target = assignedName(outer);
  if (target) {
    const stmt = target.parent!.parent!;
    if ((ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length !== 1) return undefined;
    const loops: Array<{ loop: SyntaxNode; uses: readonly SyntaxNode[] }> = [];
    // (Distinct nodes: the model lists a for loop's iterable use twice.)
    const uses = [...new Map(usesOf(ctx, target).map((u) => [u.id, u])).values()];
    for (const u of uses) {
      const holder = u.parent?.type === 'argument_list' ? u.parent.parent : undefined;
      const len = holder?.type === 'call' && holder.childForFieldName('function')?.text === 'len' && !ctx.model.resolveName('len', holder) && holder.childForFieldName('arguments')!.namedChildren.length === 1;
      if ((len || shown(ctx, u)) && outer !== call) continue;
      const l = u.parent?.type === 'for_statement' && same(u.parent.childForFieldName('right'), u) ? loopOf(u) : undefined;
      if (!l) return undefined;
      loops.push(l);
    }
    return !uses.length || (outer === call && loops.length > 1) ? undefined : { loops, stmt };
  }
  if (outer === call || !shown(ctx, outer)) return undefined;
  let stmt: SyntaxNode | null = outer;
  while (stmt && stmt.type !== 'expression_statement') stmt = stmt.parent;
  return stmt ? { loops: [], stmt } : undefined;
}

/**
 * `run = exp.start_logging()` (or `with exp.start_logging() as run:`) and every use of the run,
 * as one fix (MLF "Experiments and runs": `mlflow.set_experiment(name)`, `mlflow.start_run()`),
 * MLflow first pointed at the experiment's workspace (TRK: `mlflow.set_tracking_uri(
 * ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)`); `run.complete()` →
 * `mlflow.end_run()`. Undefined when a use of the run has no MLflow equivalent here.
 */
function startLoggingEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): Edits | undefined {
  // `snapshot_directory=None` is v1's default (no snapshot taken: azureml-core Experiment.start_logging,
  // https://learn.microsoft.com/python/api/azureml-core/azureml.core.experiment(class)#azureml-core-experiment-start-logging); MLflow takes none.
  const startArgs = bindArgs(call, [], ['snapshot_directory']);
  if (qnameOf(ctx, call) !== 'azureml.core.Experiment.start_logging' || !startArgs || [...startArgs.values()].some((v) => v.type !== 'none')) return undefined;
  const fn = call.childForFieldName('function');
  const exp = fn?.type === 'attribute' ? fn.childForFieldName('object') ?? undefined : undefined;
  const expCall = madeBy(ctx, exp);
  if (!exp || !expCall || qnameOf(ctx, expCall) !== 'azureml.core.Experiment') return undefined;
  const e = bindArgs(expCall, ['workspace', 'name'], ['workspace', 'name']);
  const ws = e?.get('workspace');
  const name = e?.get('name');
  if (!ws || !name || !sameAt(ctx, name, call) || !sameAt(ctx, ws, call)) return undefined;
  // The run variable: `run = <call>` as a statement, or `with <call> as run:`.
  let target = assignedName(call);
  let stmt = target ? call.parent?.parent : undefined;
  const asPattern = call.parent?.type === 'as_pattern' ? call.parent : undefined;
  if (!target && asPattern?.parent?.type === 'with_item' && asPattern.parent.parent?.type === 'with_clause' && asPattern.parent.parent.namedChildren.length === 1) {
    const alias = asPattern.childForFieldName('alias') ?? asPattern.namedChildren[1];
    const id = alias?.type === 'identifier' ? alias : alias?.namedChildren[0];
    if (id?.type === 'identifier') {
      target = id;
      stmt = asPattern.parent.parent.parent ?? undefined;
    }
  }
  if (!target || !stmt || (stmt.type !== 'expression_statement' && stmt.type !== 'with_statement')) return undefined;
  const bound = (ctx.model.scopeAt(target).bindings.get(target.text) ?? []).find((b) => same(b.node, target));
  if (!bound || underV1Handler(ctx, call)) return undefined;
  const end = activeEnd(ctx, call, stmt, target);
  if (end === undefined) return undefined;
  /** A use that becomes a call on MLflow's active run (a log, an upload, a tag, a child run): inside the run's span. */
  const from = stmt.type === 'with_statement' ? stmt.startIndex : stmt.endIndex;
  const whileActive = (use: SyntaxNode): boolean => use.startIndex >= from && use.endIndex <= end;
  const client = clientOf(fb, ctx, ws);
  if (!client) return undefined;
  const mlflow = fb.needModule('mlflow');
  const ml = client.ml;
  const indent = ' '.repeat(stmt.startPosition.column);
  const lead = firstLeaf(stmt);
  const edits: Edits = [
    [call, `${mlflow}.start_run()`],
    [lead, `${mlflow}.set_tracking_uri(${trackingUri(ml)})\n${indent}${mlflow}.set_experiment(${name.text})\n${indent}${lead.text}`],
    ...client.edits,
  ];
  for (const use of usesOf(ctx, target)) {
    const m = memberOf(use);
    if (!m) {
      if (shown(ctx, use)) continue;
      // `RunDetails(run).show()` (a statement): the widget showed the run's details and metrics in the notebook; no v2
      // widget is documented, and the MLflow run is a job of the workspace (how-to-log-view-metrics: "in Azure Machine
      // Learning, runs are called jobs"), whose studio page shows them: its `studio_url` printed (as for get_portal_url
      // below, and for a submitted job's widget before a cancel), to review.
      const holder = use.parent?.type === 'argument_list' ? use.parent.parent : undefined;
      const show = holder && qnameOf(ctx, holder) === 'azureml.widgets.RunDetails' && callArgs(holder).positional.length === 1 && !callArgs(holder).keywords.size ? holder.parent : undefined;
      const showCall = show?.type === 'attribute' && show.childForFieldName('attribute')?.text === 'show' && show.parent?.type === 'call' ? show.parent : undefined;
      if (!showCall || !noArgs(showCall) || reviewMark(ctx, showCall) !== 'append') return undefined;
      edits.push([showCall, `print(${ml}.jobs.get(${use.text}.info.run_id).studio_url)${REVIEW}`]);
      continue;
    }
    // The run's files, shown: the MLflow run's artifacts (fileNamesEdits; as a submitted job's, to review).
    if (m.call && m.name === 'get_file_names' && noArgs(m.call)) {
      const files = fileNamesEdits(ctx, m.call, `[artifact.path for artifact in ${trackingClient(fb, ml)}.list_artifacts(${use.text}.info.run_id)]`);
      if (!files) return undefined;
      edits.push(...files);
      continue;
    }
    // In its register_model's properties (registerModel rewrites them).
    if (m.call && m.name === 'get_metrics' && inRegisterModel(use, use.text)) continue;
    if (m.call && m.name === 'complete' && noArgs(m.call) && stmt.type === 'expression_statement') {
      edits.push([m.call, `${mlflow}.end_run()`]);
      continue;
    }
    // Ending the run as failed / canceled: mlflow.end_run(status=) with MLflow's RunStatus names
    // (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.end_run; mlflow.entities.RunStatus).
    if (m.call && (m.name === 'fail' || m.name === 'cancel') && noArgs(m.call) && m.call.parent?.type === 'expression_statement' && stmt.type === 'expression_statement') {
      edits.push([m.call, `${mlflow}.end_run(status="${m.name === 'fail' ? 'FAILED' : 'KILLED'}")`]);
      continue;
    }
    if (m.call && m.name === 'get_metrics' && noArgs(m.call) && !metricsReadAsSeries(ctx, m.call)) {
      // MLF "View run info and data": the run's metrics (latest values) by its run ID.
      edits.push(...metricsEdits(ctx, m.call, `${mlflow}.get_run(${use.text}.info.run_id).data.metrics`));
      continue;
    }
    // MLflow child runs: `tags.mlflow.parentRunId` (https://learn.microsoft.com/azure/machine-learning/how-to-track-experiments-mlflow#get-child-nested-runs).
    if (m.call && m.name === 'get_children' && noArgs(m.call) && shownList(ctx, m.call)) {
      edits.push([m.call, `${mlflow}.search_runs(filter_string=f"tags.mlflow.parentRunId='{${use.text}.info.run_id}'", output_format="list")`]);
      continue;
    }
    if (m.call && m.name === 'child_run') {
      if (!whileActive(use)) return undefined;
      const child = childRunEdits(fb, ctx, target, use, stmt.type === 'with_statement' ? stmt : undefined);
      if (!child) return undefined;
      edits.push(...child);
      continue;
    }
    // Shown only (printed, a cell's value): the run's status and details from MLflow (MLF "View run
    // info and data": `info` has the status, https://mlflow.org/docs/latest/python_api/mlflow.entities.html#mlflow.entities.RunInfo);
    // MLflow spells the statuses its own way (RUNNING, FINISHED), so a value the code tests is left alone.
    if (m.call && (m.name === 'get_status' || m.name === 'get_details' || m.name === 'get_tags') && noArgs(m.call) && shown(ctx, m.call)) {
      edits.push([m.call, `${mlflow}.get_run(${use.text}.info.run_id)${m.name === 'get_status' ? '.info.status' : m.name === 'get_tags' ? '.data.tags' : ''}`]);
      continue;
    }
    // The portal URL, shown: the MLflow run is a job of the workspace (how-to-log-view-metrics: "in Azure
    // Machine Learning, runs are called jobs"; azure-ai-ml reads such runs as `_BaseJob`,
    // entities/_job/base_job.py), whose `studio_url` links to it; to review (the run is looked up as a job).
    if (m.call && m.name === 'get_portal_url' && noArgs(m.call) && shown(ctx, m.call)) {
      const mark = reviewMark(ctx, m.call);
      if (!mark) return undefined;
      const text = `${ml}.jobs.get(${use.text}.info.run_id).studio_url`;
      edits.push(mark === 'append' ? [m.call, text + REVIEW] : [m.call, text], ...(mark === 'append' ? [] : [mark]));
      continue;
    }
    // Registered from the MLflow run's artifacts (registerModel; the MLflow run is a job of the workspace, its
    // ID the job name: MLF "in Azure Machine Learning, runs are called jobs").
    if (m.call && m.name === 'register_model' && stmt.type === 'expression_statement') {
      const r = registerModel(fb, ctx, m.call, use.text, ml, { id: `${use.text}.info.run_id`, metrics: `${mlflow}.get_run(${use.text}.info.run_id).data.metrics` });
      if (!r) return undefined;
      edits.push([m.call, r[0]], ...r[1]);
      continue;
    }
    const edit = whileActive(use) ? runLoggingUse(fb, ctx, use) : undefined;
    if (!edit) return undefined;
    edits.push(edit);
  }
  // `exp = Experiment(ws, name)` used by nothing else holds the name; its `exp.name` reads (v1: the name it
  // was made with) → `exp` (as jobEdits for submits).
  const expUses = exp.type === 'identifier' ? usesOfAssigned(ctx, expCall) : undefined;
  if (expUses?.length && expCall.parent?.type === 'assignment' && expUses.every((u) => same(u, exp) || experimentNameRead(u) || experimentShown(ctx, u))) {
    edits.push([expCall, name.text]);
    for (const u of expUses) if (experimentNameRead(u)) edits.push([memberOf(u)!.attr, u.text]);
  }
  return edits;
}

/**
 * Where the interactive run started by `call` (statement `stmt`, run `target`) ends: MLflow logs to its one active
 * run, `mlflow.start_run()` raises while another run is active and a log call after `mlflow.end_run()` starts a new
 * run (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.start_run), where v1 kept runs apart. The end of
 * the `with` statement, of the run's one `complete()`/`fail()`/`cancel()` statement (in the block of `stmt`, after
 * it), or with none the end of the code (`stmt` in no loop); undefined when another run starts in between.
 */
function activeEnd(ctx: RuleContext, call: SyntaxNode, stmt: SyntaxNode, target: SyntaxNode): number | undefined {
  let end = ctx.model.tree.rootNode.endIndex;
  if (stmt.type === 'with_statement') end = stmt.endIndex;
  else {
    const ends = usesOf(ctx, target).map((u) => memberOf(u)).filter((m) => m?.call && ['complete', 'fail', 'cancel'].includes(m.name));
    if (ends.length > 1) return undefined;
    const last = ends[0]?.call?.parent;
    if (last) {
      if (last.type !== 'expression_statement' || !same(last.parent, stmt.parent) || last.startIndex < stmt.endIndex) return undefined;
      end = last.endIndex;
    } else if (inLoop(call)) return undefined;
  }
  // (another v1 run, or one already made an MLflow run by an earlier pass; a nested MLflow run is a child run)
  const starts = (c: SyntaxNode): boolean => qnameOf(ctx, c) === 'azureml.core.Experiment.start_logging' || (qnameOf(ctx, c) === 'mlflow.start_run' && !callArgs(c).keywords.has('nested'));
  const other = ctx.model.tree.rootNode.descendantsOfType('call').some((c) => !same(c, call) && c.startIndex >= stmt.startIndex && c.startIndex < end && starts(c));
  return other ? undefined : end;
}

/** The call a run name was made by: `run = <call>`, or `with <call> as run:`. */
function runMadeBy(ctx: RuleContext, run: SyntaxNode): SyntaxNode | undefined {
  const assigned = definingCall(ctx, run);
  if (assigned) return assigned;
  const b = ctx.model.resolveName(run.text, run);
  let p = b?.kind === 'with' ? b.node.parent : undefined;
  while (p && p.type !== 'as_pattern' && p.type !== 'with_item') p = p.parent;
  const call = p?.type === 'as_pattern' ? p.namedChildren[0] : undefined;
  return call?.type === 'call' ? call : undefined;
}

/** Run.* calls on a run: by what made the run (the script's own run, an interactive one, a submitted job). */
function runMember(raw?: Builder): Builder {
  return (fb, ref, ctx) => {
    const run = receiver(ref);
    let made = run?.type === 'identifier' ? runMadeBy(ctx, run) : undefined;
    // A child run's use: the fix of the parent's maker (which rewrites its children).
    if (qnameOf(ctx, made) === 'azureml.core.Run.child_run') {
      const parent = made!.childForFieldName('function')?.childForFieldName('object');
      made = parent?.type === 'identifier' ? runMadeBy(ctx, parent) : undefined;
      const q = qnameOf(ctx, made);
      return q === 'azureml.core.Run.get_context' || q === 'azureml.core.Experiment.start_logging' ? fb.sameFixAs(made!) : undefined;
    }
    const q = qnameOf(ctx, made);
    // (A name bound to the script's run several times, read where more than one binding may reach: the fix
    // rewriting the uses of each, contextCalls.)
    if (q === 'azureml.core.Run.get_context') return !raw || (sharedContextUse(ctx, run!) && (contextCalls(ctx, made!)?.calls.length ?? 0) > 1) ? fb.sameFixAs(made!) : underV1Handler(ctx, ref.node) ? undefined : raw(fb, ref, ctx);
    if (q === 'azureml.core.Experiment.start_logging') return fb.sameFixAs(made!);
    return runUse(fb, ref, ctx);
  };
}

/** `src.run_config.target = X` and the like: the fix of the `ScriptRunConfig(...)` that made `src`. */
const runConfigPiece: Builder = (fb, ref, ctx) => {
  const rc = ref.node.childForFieldName('object');
  const src = rc?.type === 'attribute' ? rc.childForFieldName('object') : undefined;
  const made = src?.type === 'identifier' ? definingCall(ctx, src) : undefined;
  return made && qnameOf(ctx, made) === 'azureml.core.ScriptRunConfig' ? fb.sameFixAs(made) : undefined;
};

/**
 * `rc = RunConfiguration()` and its `rc.target = X` / `rc.environment = env`, given to a ScriptRunConfig
 * as `run_config=rc` (runConfiguration): that ScriptRunConfig's fix. (estimators.ts offers it where
 * pipelines.ts, whose table comes later, has none.)
 */
export const runConfigurationPiece: Builder = (fb, ref, ctx) => {
  const rc = ref.call ? assignedName(ref.call) : receiver(ref);
  const made = rc?.type === 'identifier' ? (ref.call ?? definingCall(ctx, rc)) : undefined;
  const target = made && assignedName(made);
  const kw = target && usesOf(ctx, target).map((u) => u.parent).find((p) => p?.type === 'keyword_argument' && p.childForFieldName('name')?.text === 'run_config');
  const call = kw?.parent?.type === 'argument_list' ? kw.parent.parent : undefined;
  return call && qnameOf(ctx, call) === 'azureml.core.ScriptRunConfig' ? fb.sameFixAs(call) : undefined;
};

/** `MpiConfiguration(...)` given (inline or through one variable) as a ScriptRunConfig's distributed_job_config: that one's fix. */
const configPiece: Builder = (fb, ref, ctx) => {
  const target = assignedName(ref.call!);
  const arg = target ? usesOf(ctx, target)[0] : ref.call!;
  const kw = arg?.parent?.type === 'keyword_argument' ? arg.parent : undefined;
  const call = kw?.parent?.type === 'argument_list' ? kw.parent.parent : undefined;
  return call && ['distributed_job_config', 'docker_runtime_config'].includes(kw!.childForFieldName('name')?.text ?? '') && qnameOf(ctx, call) === 'azureml.core.ScriptRunConfig' ? fb.sameFixAs(call) : undefined;
};

/**
 * `run.experiment.workspace` of a job script's own run: the job's own client (workspace.ts
 * clientOf → its in-job MLClient, `AzureMLOnBehalfOfCredential`), once nothing uses the workspace
 * as a v1 one (`ws = run.experiment.workspace` whose uses went with their consumers' rewrites, an
 * earlier pass). A use of that workspace handed to a v1 call: the fix of that call (which passes the client).
 */
const runWorkspace: Builder = (fb, ref, ctx) => {
  const node = ref.node;
  if (node.type === 'identifier' || node.parent?.type === 'argument_list' || node.parent?.type === 'keyword_argument') {
    const list = node.parent?.type === 'keyword_argument' ? node.parent.parent : node.parent;
    const holder = list?.type === 'argument_list' ? list.parent : undefined;
    return holder?.type === 'call' && qnameOf(ctx, holder) ? fb.sameFixAs(holder) : undefined;
  }
  // `if type(run) == _OfflineRun: ws = Workspace.from_config() else: ws = run.experiment.workspace`.
  const idiom = offlineIdiomFix(fb, ctx, node);
  if (idiom !== undefined) return idiom;
  const assign = node.parent;
  const target = assign?.type === 'assignment' && same(assign.childForFieldName('right'), node) ? assign.childForFieldName('left') : undefined;
  if (target?.type !== 'identifier' || assign!.parent?.type !== 'expression_statement' || usesOf(ctx, target).length) return undefined;
  // (Bound on another path too: not the job's client there.)
  if ((ctx.model.scopeAt(target).bindings.get(target.text) ?? []).length > 1) return undefined;
  const client = clientOf(fb, ctx, node);
  return client && !client.edits.length ? client.ml : undefined;
};

const JOB_REWRITES: Rewrites = {
  calls: {
    ...Object.fromEntries(Object.entries(LOGGING).map(([q, build]) => [q, runMember(build)])),
    'azureml.core.Run.log_list': runMember(),
    'azureml.core.Run.get_status': runMember(),
    'azureml.core.Run.get_portal_url': runMember(),
    'azureml.core.Run.wait_for_completion': runUse,
    'azureml.core.Run.get_metrics': runMember(),
    'azureml.core.Run.get_children': runMember(),
    'azureml.core.Run.child_run': runMember(),
    'azureml.core.Run.get_details': runMember(),
    'azureml.core.Run.cancel': runMember(),
    'azureml.core.Run.fail': runMember(),
    // An interactive run's: startLoggingEdits registers it from the MLflow run.
    'azureml.core.Run.register_model': (fb, ref, ctx) => {
      const run = receiver(ref);
      const made = run?.type === 'identifier' ? runMadeBy(ctx, run) : undefined;
      return qnameOf(ctx, made) === 'azureml.core.Experiment.start_logging' ? fb.sameFixAs(made!) : runUse(fb, ref, ctx);
    },
    'azureml.core.Run.get_file_names': runMember(),
    'azureml.core.Run.find_step_run': runUse,
    'azureml.core.Run.get_steps': runMember(),
    'azureml.core.Run.download_file': runMember(),
    'azureml.core.Run.download_files': runMember(),
    // The best trial of a submitted sweep (sweep.ts bestRunEdit): with the submission.
    'azureml.core.Run.get_best_run_by_primary_metric': runUse,
    'azureml.widgets.RunDetails.show': (fb, ref, ctx) => {
      const widget = receiver(ref);
      const run = widget?.type === 'call' ? callArgs(widget).positional[0] : undefined;
      const made = run?.type === 'identifier' ? definingCall(ctx, run) : undefined;
      // A fetched run (fetchedRunEdits rewrites its uses): that fetch's fix.
      if (made && FETCHED.includes(qnameOf(ctx, made) ?? '')) return fb.sameFixAs(made);
      // An interactive run (startLoggingEdits prints its studio link): that run's fix.
      if (made && qnameOf(ctx, made) === 'azureml.core.Experiment.start_logging') return fb.sameFixAs(made);
      // The run of `pipeline.submit(...)`: the pipeline's fix (pipelines.ts streams it with the submission).
      if (made && qnameOf(ctx, made) === 'azureml.pipeline.core.Pipeline.submit') return fb.sameFixAs(made);
      return withJob(fb, ctx, made, ref.call!);
    },
    // `RunDetails(run)` goes with the `.show()` it is the receiver of.
    'azureml.widgets.RunDetails': (fb, ref) => {
      const attr = ref.call!.parent;
      const show = attr?.type === 'attribute' && attr.childForFieldName('attribute')?.text === 'show' && attr.parent?.type === 'call' ? attr.parent : undefined;
      return show ? fb.sameFixAs(show) : undefined;
    },
    'azureml.core.Experiment.submit': (fb, ref, ctx) => withJob(fb, ctx, ref.call, ref.call!),
    // A run fetched by its ID: the v2 job of that ID (fetchedRunEdits).
    'azureml.core.Run.get': (fb, ref, ctx) => (ref.call ? combined(fb, ref.call, fetchedRunEdits(fb, ctx, ref.call)) : undefined),
    'azureml.core.Run': (fb, ref, ctx) => (ref.call ? combined(fb, ref.call, fetchedRunEdits(fb, ctx, ref.call)) : undefined),
    // A PipelineRun read only as the receiver of `.get(ws, id)`: that fetch's fix (fetchOf), which removes it.
    [PIPELINE_RUN]: (fb, ref, ctx) => {
      if (!ref.call) return undefined;
      const fetch = fetchOf(ctx, ref.call);
      return (!same(fetch, ref.call) ? viaFetch(fb, ctx, fetch) : undefined) ?? combined(fb, ref.call, fetchedRunEdits(fb, ctx, ref.call));
    },
    [`${PIPELINE_RUN}.get`]: (fb, ref, ctx) => (ref.call ? combined(fb, ref.call, fetchedRunEdits(fb, ctx, ref.call)) : undefined),
    'azureml.core.Run.get_tags': runMember(),
    // A PipelineRun is a Run (azureml-pipeline-core PipelineRun): its members, as a run's (the fetched ones: fetchedRunEdits).
    ...Object.fromEntries(['wait_for_completion', 'get_status', 'get_portal_url', 'get_details', 'cancel', 'get_children', 'find_step_run', 'get_steps', 'get_metrics', 'get_tags'].map((m): [string, Builder] => [`${PIPELINE_RUN}.${m}`, ['wait_for_completion', 'find_step_run'].includes(m) ? runUse : runMember()])),
    'azureml.core.Experiment.start_logging': (fb, ref, ctx) => combined(fb, ref.call!, startLoggingEdits(fb, ctx, ref.call!)),
    'azureml.core.Experiment.get_runs': (fb, ref, ctx) => combined(fb, ref.call!, getRunsEdits(fb, ctx, ref.call!)),
    // v2 has no experiment object: once nothing uses it, `exp = Experiment(ws, "name")` keeps the name (CMD: experiment_name=).
    'azureml.core.Experiment': (fb, ref, ctx) => {
      const args = bindArgs(ref.call!, ['workspace', 'name'], ['workspace', 'name']);
      const name = args?.get('name');
      // `Experiment(ws, name).submit(job)` inline: the submit's fix replaces it.
      const attr = ref.call!.parent;
      if (attr?.type === 'attribute' && ['submit', 'start_logging'].includes(attr.childForFieldName('attribute')?.text ?? '') && attr.parent?.type === 'call') return fb.sameFixAs(attr.parent);
      // Given only to a `PipelineRun(...)`: the fix of the run it fetches (fetchedExperiment takes it to its name).
      const run = runOfExperiment(ctx, ref.call!);
      const fetched = run ? viaFetch(fb, ctx, fetchOf(ctx, run)) : undefined;
      if (fetched !== undefined) return fetched;
      if (!name || ref.call!.parent?.type !== 'assignment') return undefined;
      const uses = usesOfAssigned(ctx, ref.call!);
      if (uses?.length === 0) return name.text;
      // Read only for its name (`print("Experiment:", exp.name)`, also what is left once its submits were rewritten):
      // the name, each `exp.name` → `exp`, as jobEdits writes them beside a submit (v2 has no experiment object: a job
      // names its experiment, `create_or_update(job, experiment_name=)`).
      // (`exp` itself shown, experimentShown: the name, kept as written.)
      if (uses?.length && uses.every((u) => u.type === 'identifier' && (experimentNameRead(u) || experimentShown(ctx, u)))) {
        return combined(fb, ref.call!, [[ref.call!, name.text], ...uses.filter((u) => experimentNameRead(u)).map((u): [SyntaxNode, string] => [memberOf(u)!.attr, u.text])]);
      }
      // Used by submits or an interactive run: that rewrite's fix (submits with `exp.name` reads: jobEdits).
      const use = uses?.find((u) => !experimentNameRead(u) && !experimentShown(ctx, u));
      const m = use && memberOf(use);
      return m?.call && ['submit', 'start_logging', 'get_runs'].includes(m.name) ? fb.sameFixAs(m.call) : undefined;
    },
    // Only when every use of the run is a call this table rewrites to MLflow; the fix rewrites them too.
    // A name bound to it several times in one block (contextCalls): the first → start_run, the others →
    // mlflow.active_run(), the same run (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.active_run;
    // a second start_run while one is active raises); the uses of every binding rewritten too.
    'azureml.core.Run.get_context': (fb, ref, ctx) => {
      // `Run.get_context().experiment.workspace` read inline (no run variable): the fix of that workspace read
      // (runWorkspace: the job's in-job client), which replaces this call with it.
      const exp = ref.call!.parent;
      const wsRead = exp?.type === 'attribute' && same(exp.childForFieldName('object'), ref.call!) && exp.childForFieldName('attribute')?.text === 'experiment' ? exp.parent : undefined;
      if (wsRead?.type === 'attribute' && same(wsRead.childForFieldName('object'), exp) && wsRead.childForFieldName('attribute')?.text === 'workspace') return fb.sameFixAs(wsRead);
      const found = contextCalls(ctx, ref.call!);
      const calls = found?.calls;
      // (Ended before it is asked for again, `run.complete()` or the `mlflow.end_run()` it became: active_run() would be
      // None; with calls in other functions, ended anywhere.)
      const ends = (c: SyntaxNode): boolean => ['azureml.core.Run.complete', 'mlflow.end_run'].includes(qnameOf(ctx, c) ?? '');
      const between = (c: SyntaxNode): boolean => found!.elsewhere || (c.startIndex > calls![0].startIndex && c.startIndex < calls![calls!.length - 1].startIndex);
      if (!calls || ((calls.length > 1 || found!.elsewhere) && ctx.model.tree.rootNode.descendantsOfType('call').some((c) => between(c) && ends(c)))) return undefined;
      for (const c of calls) {
        const args = bindArgs(c, ['allow_offline'], ['allow_offline']);
        const offline = args?.get('allow_offline');
        if (!args || (offline && offline.type !== 'true') || !rewriteContextRunUses(fb, ctx, c)) return undefined;
      }
      const mlflow = fb.needModule('mlflow');
      const start = found!.elsewhere ? `${mlflow}.active_run() or ${mlflow}.start_run()` : `${mlflow}.start_run()`;
      for (const c of calls.slice(1)) if (!same(c, ref.call!)) fb.replace(c, `${mlflow}.active_run()`);
      return same(calls[0], ref.call!) ? start : (fb.replace(calls[0], start), `${mlflow}.active_run()`);
    },
    // A CommandStep's `runconfig=src` (pipelines.ts scriptStepOf): the pipeline's fix rewrites src into the step.
    'azureml.core.ScriptRunConfig': (fb, ref, ctx) => pipelineFixFor(fb, ctx, ref.call!) ?? jobConfig(scriptRunConfig)(fb, ref, ctx),
    'azureml.train.automl.AutoMLConfig': jobConfig((fb, call, ctx) => autoMLConfig(fb, call, ctx)),
    // Pieces rewritten with their producer: a distribution configuration passed to a ScriptRunConfig.
    'azureml.core.runconfig.MpiConfiguration': configPiece,
    'azureml.core.runconfig.PyTorchConfiguration': configPiece,
    'azureml.core.runconfig.TensorflowConfiguration': configPiece,
    'azureml.core.runconfig.DockerConfiguration': configPiece,
  },
  attributes: {
    // `run.input_datasets["x"]` in a notebook's `%%writefile` script: the fix of the job that runs it (scriptInputFix).
    'azureml.core.Run.input_datasets': (fb, ref, ctx) => scriptInputFix(fb, ref.node, ctx),
    // `ws.experiments["name"]` given to `Run(...)` / `PipelineRun(...)`: the fix of that fetch (fetchedRunEdits).
    'azureml.core.Workspace.experiments': (fb, ref, ctx) => {
      const sub = ref.node.parent;
      const holder = sub?.type === 'subscript' && same(sub.childForFieldName('value'), ref.node) && sub.parent?.type === 'argument_list' ? sub.parent.parent : undefined;
      const q = holder ? qnameOf(ctx, holder) : undefined;
      if (holder && (q === 'azureml.core.Run' || q === PIPELINE_RUN) && same(callArgs(holder).positional[0], sub)) return fb.sameFixAs(holder);
      // `ws.experiments["name"].get_runs()`, directly or through a name bound to it: the fix of that listing (getRunsEdits).
      const target = sub?.type === 'subscript' ? assignedName(sub) : undefined;
      const receivers = sub?.type !== 'subscript' ? [] : target ? usesOf(ctx, target) : [sub];
      for (const r of receivers) {
        const m = memberOf(r);
        if (m?.name === 'get_runs' && m.call && qnameOf(ctx, m.call) === 'azureml.core.Experiment.get_runs') return fb.sameFixAs(m.call);
      }
      return undefined;
    },
    // `exp.name` of an experiment that becomes its name (jobEdits): the fix of its first submit.
    'azureml.core.Experiment.name': (fb, ref, ctx) => {
      const exp = receiver(ref);
      const made = exp?.type === 'identifier' ? definingCall(ctx, exp) : undefined;
      const own = made && qnameOf(ctx, made) === 'azureml.core.Experiment' && exp && experimentNameRead(exp) ? made : undefined;
      const submit = own ? firstSubmit(ctx, own) ?? firstStartLogging(ctx, own) : undefined;
      // (An experiment read only for its name: the Experiment's own fix.)
      return submit ? fb.sameFixAs(submit) : own ? fb.sameFixAs(own) : undefined;
    },
    // Shown only: compared or tested (`VERSION < "1.30"`), azure-ai-ml's version would not mean what azureml-core's did.
    // In an f-string, the name is quoted with the quote the f-string does not use (before Python 3.12 it may not reuse it).
    'azureml.core.VERSION': (fb, ref, ctx) => {
      if (!displayed(ctx, ref.node)) return undefined;
      let f: SyntaxNode | null = ref.node.parent;
      while (f && f.type !== 'interpolation') f = f.parent;
      const quote = f?.parent?.type === 'string' && /^[a-zA-Z]*"/.test(f.parent.text) ? "'" : '"';
      return `${fb.needModule('importlib.metadata')}.version(${quote}azure-ai-ml${quote})`;
    },
    'azureml.core.Run.id': runMember(),
    'azureml.core.Run.display_name': runUse,
    // v1's deprecated display name (jobUseEdits: the job's display_name).
    'azureml.core.Run.name': runUse,
    'azureml.core.Run.experiment.workspace': runWorkspace,
    // `src.run_config.target = X` / `.environment = env`: with the ScriptRunConfig that made `src`.
    'azureml.core.ScriptRunConfig.run_config.target': runConfigPiece,
    'azureml.core.ScriptRunConfig.run_config.environment': runConfigPiece,
    'azureml.core.ScriptRunConfig.run_config.framework': runConfigPiece,
  },
};

export const JOBS: Rewrites = JOB_REWRITES;
