/**
 * Rewrites to SDK v2 of AutoML (AML112): `AutoMLConfig(task=...)` → `automl.<task>(...)`, the
 * configuration of a submitted job (jobs.ts rewrites the submit and the run's uses with it; a
 * configuration no v1 call receives is rewritten alone). Shapes from AUTOML
 * (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-automl), parameter
 * names from azure-ai-ml `automl/_automl_tabular.py` and `entities/_job/automl/tabular/automl_tabular.py`.
 *
 * Rewritten, when every argument translates and nothing else uses the object as a v1 one:
 * - the arguments, and the keys of a `**settings` dict literal bound once and used only there
 *   (the dict statement goes; its values are kept as written when they mean the same at the call);
 * - data settings → the factory's own arguments (`label_column_name` → `target_column_name`,
 *   `validation_size` → `validation_data_size`, `model_explainability` → `enable_model_explainability`,
 *   `verbosity=logging.X` → `log_verbosity="x"`); `primary_metric` literals are the v2 names too
 *   (the job maps them through `camel_to_snake(value).upper()`, classification_job.py);
 * - limits → `job.set_limits(...)` after the assignment (`experiment_timeout_minutes` →
 *   `timeout_minutes`, `experiment_timeout_hours` literal × 60, `max_concurrent_iterations` →
 *   `max_concurrent_trials` (its docstring: "Formerly ... concurrent_iterations"), `iterations` →
 *   `max_trials`, `iteration_timeout_minutes` → `trial_timeout_minutes`, `max_cores_per_iteration` →
 *   `max_cores_per_trial`, `experiment_exit_score` → `exit_score`, `enable_early_stopping` →
 *   `enable_early_termination`); training → `job.set_training(...)` (`blocked_models`/`allowed_models`
 *   literal lists of names the v2 enums have → `blocked_/allowed_training_algorithms`,
 *   `enable_voting_ensemble` → `enable_vote_ensemble`, `enable_dnn` → `enable_dnn_training`, the
 *   ONNX and stack ensemble switches by their names); `featurization="auto"|"off"` → `job.set_featurization(mode=...)`;
 *   v1's deprecated spellings as their successors (`blacklist_models`/`whitelist_models`, `concurrent_iterations`,
 *   `exit_score`, `preprocess=True|False` → featurization "auto"/"off"; azureml-train-automl-client automl_config.py);
 * - forecasting: `forecasting_parameters=ForecastingParameters(...)` (inline or bound once) →
 *   `job.set_forecast_settings(...)` (`freq` → `frequency`, `short_series_handling_configuration` →
 *   `short_series_handling_config`, `target_aggregation_function` → `target_aggregate_function`,
 *   the rest by name; forecasting_job.py), its statement going; its finding offers the configuration's fix;
 * - `debug_log` is dropped: a client-side log file name; AUTOML's v2 example drops it (and has no equivalent);
 *   so is a literal `name=` (DP-100 labs): no AutoMLConfig parameter, v1 only writes it into its serialized
 *   settings (azureml-automl-core automl_base_settings.py: leftover kwargs become attributes), the run's
 *   experiment and display name unchanged; so is `path=` of a remote run, the local project folder (azureml-train-automl-client
 *   `_azureautomlclient.py` sends none to the service and uploads it only for a data script: projectFolderOnly), when nothing
 *   else in the module could need that folder;
 * - `training_data` / `validation_data`: a v2 expression as is; a v1 dataset from public URL(s)
 *   (`Dataset.Tabular.from_delimited_files(url)` / `TabularDatasetFactory...`) read otherwise only
 *   by `to_pandas_dataframe()` → `mltable.from_delimited_files(paths=[{"file": url}])` saved to a
 *   folder (name chosen here: `# amlint: review`) given as `Input(type=AssetTypes.MLTABLE, path=folder)`
 *   (MLT https://learn.microsoft.com/azure/machine-learning/how-to-mltable; a local MLTable folder
 *   as AutoML input: https://learn.microsoft.com/azure/machine-learning/how-to-configure-auto-train);
 *   any other path data.ts reads (a datastore variable's `(ds, "p")`: long-form azureml:// URIs, which
 *   MLTable paths accept, MLT) through data.ts `savedTabularEdits`;
 *   the dataset's other MLTable reads (data.ts `tabularReadEdits`) are kept in the fix, so their
 *   findings offer it; a registered v1 tabular dataset (`Dataset.get_by_name(ws, "n")`, `ws.datasets["n"]`) →
 *   `Input(type=MLTABLE, path="azureml:n@latest", mode=DIRECT)`, the form the azureml-examples AutoML
 *   notebooks give for v1 TabularDatasets (Azure/azureml-examples PR #2279), marked for review (a
 *   bare `azureml:n` fails: operation_orchestrator.get_asset_arm_id wants a version or label); the
 *   v1 dataset object is left as it is for its other uses. The get-or-register idiom (`x =
 *   ws.datasets[key]` in one branch, `x = x.register(workspace=ws, name=key)` in the other) gives
 *   the asset by that name, with data.ts's rewrite of the whole registration chain in the same fix
 *   (`registeredDatasetEdits`) when it has one. Parts of `a, b = ds.random_split(...)` of such a
 *   dataset (the MLN notebooks' training/validation split) → each saved to `./<part>-mltable`
 *   after the split and given as an mltable Input (data.ts `splitDatasetEdits`; the saved MLTable
 *   keeps the split as a seeded `sample` step, mltable.py random_split).
 * - `model = run.register_model(model_name=..., description=..., tags=...)` on a submitted AutoML run
 *   (v1 registers the best child's model) → the best child's MLflow model folder registered as the
 *   azureml-examples AutoML notebooks do (`autoMLRegisterModel`, for jobs.ts; `# amlint: review`: v1
 *   registered `outputs/model.pkl`); refused in modules that deploy or load a model the v1 way.
 * - `best = run.get_best_child()` (no arguments) on a submitted AutoML run: the best child job, as get_output's best run
 *   (`bestChildEdit`; v1 AutoMLRun.get_best_child "Return the child run with the best score", by the primary metric;
 *   jobs.ts jobUseEdits routes it here as it does `get_output`);
 * - `run.model_id` read after that registration → the registered name (`m.name`, or `model_name`
 *   itself): v1 sets it to `model_name` in register_model and has None before (`autoMLModelIdEdit`, for jobs.ts).
 * - forecasting settings given to AutoMLConfig itself by their current names (`time_column_name=`, `forecast_horizon=`,
 *   ...: v1 reads them as ForecastingParameters when none is given) → the same `set_forecast_settings(...)` keywords;
 * Not rewritten: `run.model_id` before/without a `register_model(model_name=...)` (None, or a name v1
 * generates from the child's properties or the run id), register_model without `model_name`, `path=` when the module may need that folder otherwise (a name also read
 * elsewhere, a computed path, a literal found elsewhere: v1 creates `<path>/.azureml` locally),
 * local runs (no compute_target: v2 AutoML has no local run), FeaturizationConfig objects, v1's
 * deprecated forecasting keywords (`max_horizon=`, `grain_column_names=`, ... on AutoMLConfig itself: a rename table not checked), model names
 * v2 does not know (and forecasting model lists), other data (pandas frames, random_split tuples taken whole (`parts[0]`),
 * paths data.ts does not read), a fitted model used after `get_output()` other than shown (printed, or a
 * cell's last expression) or predicted with (`.predict(X)`, `.predict_proba(X)`): then loaded from the best
 * child's MLflow model, see `bestChildEdit`; other members (`steps`) are not rewritten; `get_output(metric=|iteration=)`, `get_best_child(metric=|onnx_compatible=)` (no documented v2 form: the MLflow
 * pattern gives the best child only). `run.get_output()` itself needs jobs.ts
 * `jobUseEdits` to call `bestChildEdit`; `submit(config, show_output=True)` needs jobs.ts to accept it.
 * Nothing is rewritten under a guarded azureml import (`try:` ... `except ImportError:`): import-guard.ts, for every area.
 */
import type { SyntaxNode } from '../../engine/syntax';
import { sdkOf } from '../../engine/semantic/model';
import { bindArgs, callArgs, definingCall, FixBuilder, stringValue } from '../fixes';
import type { RuleContext } from '../rule';
import { knownString, onlyValue, lineIndent, endsLine, assignedName, kwargs, memberOf, noArgs, qnameOf, same, usesOf, writtenElsewhere, variableFree, type Builder, type Edits, type Rewrites, soleUse } from './common';
import { computeName, trackingClient } from './jobs';
import { registeredDatasetEdits, savedTabularEdits, splitDatasetEdits, splitFolder, splitOf, tabularReadEdits } from './data';

const REVIEW = '  # amlint: review';
const FROM_DELIMITED = 'azureml.core.Dataset.Tabular.from_delimited_files';
const GET_BY_NAME = 'azureml.core.Dataset.get_by_name';

/** An expression that means the same at `site` as where it is written: literals, and names bound the same there (no calls). */
function stable(ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode): boolean {
  if (['string', 'integer', 'float', 'true', 'false', 'none', 'comment'].includes(expr.type)) return expr.type !== 'string' || !expr.descendantsOfType('interpolation').length;
  if (expr.type === 'identifier') {
    const a = ctx.model.resolveName(expr.text, expr);
    return a === ctx.model.resolveName(expr.text, site);
  }
  if (expr.type === 'attribute') return stable(ctx, expr.childForFieldName('object')!, site);
  if (['list', 'tuple', 'unary_operator', 'binary_operator', 'parenthesized_expression'].includes(expr.type)) return expr.namedChildren.every((c) => stable(ctx, c, site));
  return false;
}

/**
 * The arguments of `AutoMLConfig(...)`, with the keys of a `**settings` dict literal: bound once
 * (at the module or in the call's block), used only by this call, every value meaning the same at
 * the call. `remove`: the dict's statement, which goes. Undefined for anything else.
 */
function autoMLArgs(ctx: RuleContext, call: SyntaxNode): { args: Map<string, SyntaxNode>; remove?: SyntaxNode } | undefined {
  const args = new Map<string, SyntaxNode>();
  let remove: SyntaxNode | undefined;
  const put = (k: string, v: SyntaxNode): boolean => {
    if (args.has(k)) return false;
    args.set(k, v);
    return true;
  };
  const list = call.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
  for (const [i, a] of list.entries()) {
    if (a.type === 'keyword_argument') {
      if (!put(a.childForFieldName('name')!.text, a.childForFieldName('value')!)) return undefined;
    } else if (a.type === 'dictionary_splat') {
      const name = a.namedChildren[0];
      if (name?.type !== 'identifier' || remove) return undefined;
      const dict = onlyValue(ctx, name);
      const b = ctx.model.resolveName(name.text, name);
      if (!dict || !soleUse(ctx, b!)) return undefined;
      const stmt = dict.parent!.parent;
      const callStmt = call.parent?.type === 'assignment' ? call.parent.parent : call.parent;
      if (dict?.type !== 'dictionary' || stmt?.type !== 'expression_statement' || !callStmt || !same(stmt.parent, callStmt.parent)) return undefined;
      for (const pair of dict.namedChildren) {
        if (pair.type === 'comment') continue;
        const key = pair.type === 'pair' ? stringValue(pair.childForFieldName('key') ?? undefined) : undefined;
        const value = pair.childForFieldName('value');
        if (key === undefined || !value || !stable(ctx, value, call) || !put(key, value)) return undefined;
      }
      remove = stmt;
    } else if (i === 0 && a.type !== 'list_splat') {
      put('task', a);
    } else return undefined;
  }
  return { args, remove };
}

// v2 model names (azure.ai.ml.automl ClassificationModels / RegressionModels); v1 names the enums lack are not translated.
const MODELS: Record<string, string[]> = {
  classification: ['BernoulliNaiveBayes', 'DecisionTree', 'ExtremeRandomTrees', 'GradientBoosting', 'KNN', 'LightGBM', 'LinearSVM', 'LogisticRegression', 'MultinomialNaiveBayes', 'RandomForest', 'SGD', 'SVM', 'XGBoostClassifier'],
  regression: ['DecisionTree', 'ElasticNet', 'ExtremeRandomTrees', 'GradientBoosting', 'KNN', 'LassoLars', 'LightGBM', 'RandomForest', 'SGD', 'XGBoostRegressor'],
};
// The primary metrics v1 documents for each task; the v2 job takes the same strings (ClassificationPrimaryMetrics[camel_to_snake(v).upper()]).
const METRICS: Record<string, string[]> = {
  classification: ['accuracy', 'AUC_weighted', 'average_precision_score_weighted', 'norm_macro_recall', 'precision_score_weighted'],
  regression: ['spearman_correlation', 'normalized_root_mean_squared_error', 'r2_score', 'normalized_mean_absolute_error'],
  forecasting: ['spearman_correlation', 'normalized_root_mean_squared_error', 'r2_score', 'normalized_mean_absolute_error'],
};

const FORECASTING_PARAMETERS = 'azureml.automl.core.forecasting_parameters.ForecastingParameters';
/** v1 ForecastingParameters argument → v2 `set_forecast_settings` keyword (forecasting_job.py); values kept. */
const FORECAST: Record<string, string> = {
  time_column_name: 'time_column_name',
  forecast_horizon: 'forecast_horizon',
  time_series_id_column_names: 'time_series_id_column_names',
  target_lags: 'target_lags',
  feature_lags: 'feature_lags',
  target_rolling_window_size: 'target_rolling_window_size',
  country_or_region_for_holidays: 'country_or_region_for_holidays',
  use_stl: 'use_stl',
  seasonality: 'seasonality',
  short_series_handling_configuration: 'short_series_handling_config',
  freq: 'frequency',
  target_aggregation_function: 'target_aggregate_function',
  cv_step_size: 'cv_step_size',
  features_unknown_at_forecast_time: 'features_unknown_at_forecast_time',
};

/**
 * `forecasting_parameters=ForecastingParameters(...)` (inline, or a name bound once and used only
 * there, in the call's block) → the keywords of `job.set_forecast_settings(...)`, and the statement
 * of the name, which goes. Undefined for an argument with no v2 keyword or a value that would mean
 * something else at the call.
 */
function forecastSettings(ctx: RuleContext, node: SyntaxNode, site: SyntaxNode): { pairs: Array<[string, string]>; remove?: SyntaxNode } | undefined {
  let call: SyntaxNode | undefined = node.type === 'call' ? node : undefined;
  let remove: SyntaxNode | undefined;
  if (node.type === 'identifier') {
    call = onlyValue(ctx, node);
    const b = ctx.model.resolveName(node.text, node);
    if (!call || !soleUse(ctx, b!)) return undefined;
    const stmt = call.parent!.parent;
    const siteStmt = site.parent?.type === 'assignment' ? site.parent.parent : site.parent;
    if (stmt?.type !== 'expression_statement' || !siteStmt || !same(stmt.parent, siteStmt.parent)) return undefined;
    remove = stmt;
  }
  if (!call || call.type !== 'call' || qnameOf(ctx, call) !== FORECASTING_PARAMETERS) return undefined;
  const a = callArgs(call);
  if (a.splat || a.positional.length) return undefined;
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of a.keywords) {
    if (!Object.prototype.hasOwnProperty.call(FORECAST, k) || !stable(ctx, v, site)) return undefined;
    pairs.push([FORECAST[k], v.text]);
  }
  return pairs.some(([k]) => k === 'time_column_name') ? { pairs, remove } : undefined;
}

/** v1 setting → [v2 group, v2 name]; the value is kept as written. */
const SAME_VALUE: Record<string, [group: 'job' | 'limits' | 'training', name: string]> = {
  label_column_name: ['job', 'target_column_name'],
  n_cross_validations: ['job', 'n_cross_validations'],
  validation_size: ['job', 'validation_data_size'],
  weight_column_name: ['job', 'weight_column_name'],
  cv_split_column_names: ['job', 'cv_split_column_names'],
  model_explainability: ['job', 'enable_model_explainability'],
  experiment_timeout_minutes: ['limits', 'timeout_minutes'],
  max_concurrent_iterations: ['limits', 'max_concurrent_trials'],
  iterations: ['limits', 'max_trials'],
  iteration_timeout_minutes: ['limits', 'trial_timeout_minutes'],
  max_cores_per_iteration: ['limits', 'max_cores_per_trial'],
  experiment_exit_score: ['limits', 'exit_score'],
  // v1's deprecated names of the two above (automl_config.py: "Use 'max_concurrent_iterations'", "'experiment_exit_score'").
  concurrent_iterations: ['limits', 'max_concurrent_trials'],
  exit_score: ['limits', 'exit_score'],
  enable_early_stopping: ['limits', 'enable_early_termination'],
  enable_onnx_compatible_models: ['training', 'enable_onnx_compatible_models'],
  enable_stack_ensemble: ['training', 'enable_stack_ensemble'],
  enable_voting_ensemble: ['training', 'enable_vote_ensemble'],
  enable_dnn: ['training', 'enable_dnn_training'],
};

/** The v2 AutoML data input for a v1 `training_data` / `validation_data` expression, and the edits it takes. */
function dataArg(fb: FixBuilder, ctx: RuleContext, expr: SyntaxNode, site: SyntaxNode, saved: Map<number, string>): { text: string; review: boolean; edits: Edits } | undefined {
  // Already a v2 input (`Input(type="mltable", ...)`, inline or through a name): as it is.
  if (qnameOf(ctx, expr.type === 'call' ? expr : definingCall(ctx, expr)) === 'azure.ai.ml.Input') return stable(ctx, expr, site) || expr.type === 'call' ? { text: expr.text, review: false, edits: [] } : undefined;
  if (expr.type !== 'identifier') return undefined;
  // A part of `a, b = x.random_split(...)` of a public-URL or datastore tabular dataset: saved to a folder (data.ts).
  const split = splitOf(ctx, expr);
  if (split) {
    const path = `${fb.need('azure.ai.ml', 'Input')}(type=${fb.need('azure.ai.ml.constants', 'AssetTypes')}.MLTABLE, path=${JSON.stringify(splitFolder(expr))})`;
    if (saved.has(split.id)) return { text: path, review: false, edits: [] };
    const handed = (site.childForFieldName('arguments')?.namedChildren ?? []).flatMap((k) => {
      const v = k.type === 'keyword_argument' && ['training_data', 'validation_data'].includes(k.childForFieldName('name')?.text ?? '') ? k.childForFieldName('value') : undefined;
      return v && same(splitOf(ctx, v), split) ? [v] : [];
    });
    const edits = handed.some((h) => same(h, expr)) ? splitDatasetEdits(fb, ctx, handed) : undefined;
    if (!edits) return undefined;
    saved.set(split.id, '');
    return { text: path, review: false, edits };
  }
  const b = ctx.model.resolveName(expr.text, expr);
  const assign = b?.node.parent;
  if (!b || b.kind !== 'assign' || assign?.type !== 'assignment' || !same(assign.childForFieldName('left'), b.node)) return undefined;
  const right = assign.childForFieldName('right')!;
  const input = fb.need('azure.ai.ml', 'Input');
  const types = fb.need('azure.ai.ml.constants', 'AssetTypes');
  if ((b.scope.bindings.get(expr.text) ?? []).length !== 1) {
    // Get-or-register (`x = ws.datasets[key]` / `x = x.register(ws, name=key)`): the asset by its name,
    // with the data.ts rewrite of the registration chain when there is one (else v1 keeps registering it).
    const name = registeredEverywhere(ctx, expr);
    const path = name && registeredPath(ctx, name, expr, '');
    if (!path) return undefined;
    const edits = registeredDatasetEdits(fb, ctx, expr) ?? [];
    return { text: `${input}(type=${types}.MLTABLE, path=${path}, mode=${fb.need('azure.ai.ml.constants', 'InputOutputModes')}.DIRECT)`, review: true, edits };
  }
  // A registered v1 TabularDataset: an mltable input by its name (azureml-examples AutoML notebooks: type MLTABLE, mode DIRECT).
  const registered = registeredName(ctx, right, expr);
  if (registered) {
    return { text: `${input}(type=${types}.MLTABLE, path=${registered}, mode=${fb.need('azure.ai.ml.constants', 'InputOutputModes')}.DIRECT)`, review: true, edits: [] };
  }
  if (qnameOf(ctx, right) !== FROM_DELIMITED) return undefined;
  const folder = `./${expr.text}-mltable`;
  const made = saved.get(right.id);
  if (made) return { text: `${input}(type=${types}.MLTABLE, path=${JSON.stringify(made)})`, review: false, edits: [] };
  // Public URLs here; else data.ts's rewrite (datastore paths: long-form azureml:// URIs), the uses in this configuration handed.
  const handed = usesOf(ctx, b.node).filter((u) => u.parent?.type === 'keyword_argument' && same(u.parent.parent?.parent, site));
  const edits = tabularEdits(fb, ctx, right, expr, folder) ?? savedTabularEdits(fb, ctx, right, handed, folder);
  if (!edits) return undefined;
  saved.set(right.id, folder);
  return { text: `${input}(type=${types}.MLTABLE, path=${JSON.stringify(folder)})`, review: false, edits };
}

/** `"azureml:<name>"` (or an f-string) for `Dataset.get_by_name(ws, name[, version])` / `ws.datasets[name]` / `ws.datasets.get(name)`. */
function registeredName(ctx: RuleContext, right: SyntaxNode, site: SyntaxNode): string | undefined {
  let name: SyntaxNode | undefined;
  let version: SyntaxNode | undefined;
  if (right.type === 'call' && qnameOf(ctx, right) === GET_BY_NAME) {
    const a = bindArgs(right, ['workspace', 'name', 'version'], ['workspace', 'name', 'version']);
    name = a?.get('name');
    version = a?.get('version');
    if (version && stringValue(version) === 'latest') version = undefined;
    if (version && version.type !== 'integer') return undefined;
  } else {
    // `ws.datasets[name]` / `ws.datasets.get(name)` on a v1 workspace.
    const holder = right.type === 'subscript' ? right.childForFieldName('value') : right.type === 'call' ? right.childForFieldName('function') : undefined;
    const datasets = right.type === 'subscript' ? holder : holder?.type === 'attribute' && holder.childForFieldName('attribute')?.text === 'get' ? holder.childForFieldName('object') : undefined;
    const v = datasets?.type === 'attribute' ? ctx.model.evaluate(datasets) : undefined;
    if (v?.kind !== 'ref' || v.qname !== 'azureml.core.Workspace.datasets') return undefined;
    if (right.type === 'subscript') name = right.childForFieldName('subscript') ?? undefined;
    else {
      const a = callArgs(right);
      if (a.positional.length !== 1 || a.keywords.size || a.splat) return undefined;
      name = a.positional[0];
    }
  }
  return name && registeredPath(ctx, name, site, version ? `:${version.text}` : '');
}

/**
 * `"azureml:<name>:<version>"` or, for the latest, `"azureml:<name>@latest"` (a versionless
 * `azureml:<name>` fails: azure-ai-ml operation_orchestrator.get_asset_arm_id "Version must be
 * provided"; a label is resolved to a version there) for a name literal, or an f-string of a name
 * that means the same at `site`.
 */
function registeredPath(ctx: RuleContext, name: SyntaxNode, site: SyntaxNode, version: string): string | undefined {
  const ver = version || '@latest';
  const lit = stringValue(name);
  if (lit !== undefined) return /["\\{}]/.test(lit) ? undefined : JSON.stringify(`azureml:${lit}${ver}`);
  return name.type === 'identifier' && stable(ctx, name, site) ? `f"azureml:{${name.text}}${ver}"` : undefined;
}

/**
 * The get-or-register idiom: `x` at `site` is bound (in its scope) only by `x = ws.datasets[N]` /
 * `Dataset.get_by_name(ws, N)`, by `x = <x>.register(workspace=ws, name=N, ...)`, and by producers
 * read only as the receiver of such a registration; the one name `N` (the same text and binding
 * everywhere, a literal or a name) of the asset `x` then is, whichever branch ran. Undefined otherwise.
 */
function registeredEverywhere(ctx: RuleContext, site: SyntaxNode): SyntaxNode | undefined {
  const bindings = ctx.model.resolveName(site.text, site)?.scope.bindings.get(site.text) ?? [];
  let name: SyntaxNode | undefined;
  const agree = (n: SyntaxNode | undefined): boolean => {
    if (!n || (n.type !== 'identifier' && stringValue(n) === undefined) || !stable(ctx, n, site)) return false;
    name ??= n;
    return n.text === name.text;
  };
  const isRegister = (call: SyntaxNode | null | undefined): boolean => !!call && call.type === 'call' && qnameOf(ctx, call) === 'azureml.data.TabularDataset.register';
  for (const b of bindings) {
    const assign = b.node.parent;
    const right = b.kind === 'assign' && assign?.type === 'assignment' && same(assign.childForFieldName('left'), b.node) && assign.parent?.type === 'expression_statement' ? assign.childForFieldName('right') : undefined;
    if (!right) return undefined;
    if (isRegister(right)) {
      if (!agree(bindArgs(right, ['workspace', 'name'], ['workspace', 'name', 'description', 'tags', 'create_new_version'])?.get('name'))) return undefined;
      continue;
    }
    const uses = ctx.model.uses.get(b) ?? [];
    const m = uses.length === 1 ? memberOf(uses[0]) : undefined;
    if (m?.name === 'register' && m.call && isRegister(m.call) && assignedName(m.call)?.text === site.text) continue;
    const read = right.type === 'call' && qnameOf(ctx, right) === GET_BY_NAME ? bindArgs(right, ['workspace', 'name'], ['workspace', 'name'])?.get('name') : undefined;
    const sub = right.type === 'subscript' ? right.childForFieldName('value') : undefined;
    const v = sub?.type === 'attribute' ? ctx.model.evaluate(sub) : undefined;
    const key = v?.kind === 'ref' && v.qname === 'azureml.core.Workspace.datasets' && right.namedChildren.length === 2 ? right.childForFieldName('subscript') ?? undefined : read;
    if (!agree(key)) return undefined;
  }
  return name;
}

/**
 * `ds = Dataset.Tabular.from_delimited_files(url)` whose other uses are `to_pandas_dataframe()`
 * (an MLTable has it too, data.ts) → `ds = mltable.from_delimited_files(paths=[{"file": url}])`
 * then `ds.save(folder)` (MLT: an MLTable saved to a folder is an mltable input). Only public
 * http(s) file URLs and no other argument (v1's defaults are mltable's: headers from all files,
 * comma, type inference; see data.ts). Undefined otherwise.
 */
function tabularEdits(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, use: SyntaxNode, folder: string): Edits | undefined {
  const a = bindArgs(call, ['path'], ['path']);
  const path = a?.get('path');
  const target = assignedName(call);
  if (!path || !target || !endsLine(ctx, call)) return undefined;
  const items = path.type === 'list' ? path.namedChildren.filter((c) => c.type !== 'comment') : [path];
  const urls = items.map((p) => {
    const s = knownString(ctx, p);
    return s !== undefined && /^https?:\/\/[^\s*?]+[^/]$/.test(s) && stable(ctx, p, call) ? `{"file": ${p.text}}` : undefined;
  });
  if (!items.length || urls.some((u) => !u)) return undefined;
  // Its other uses: MLTable reads (to_pandas_dataframe, take, drop_columns, keep_columns, register:
  // data.ts), kept in this fix so their findings offer it; or the same dataset as validation data.
  let reads = tabularReadEdits(fb, ctx, call, use);
  if (!reads) {
    reads = [];
    for (const u of usesOf(ctx, target)) {
      if (same(u, use)) continue;
      const m = memberOf(u);
      if (m?.name === 'to_pandas_dataframe' && m.call && noArgs(m.call)) {
        reads.push([m.call, m.call.text]);
        continue;
      }
      // Given to the AutoML configuration as validation data too: the same input.
      if (u.parent?.type === 'keyword_argument' && same(u.parent.parent?.parent, use.parent?.parent?.parent)) continue;
      return undefined;
    }
  }
  const mltable = fb.needModule('mltable');
  return [[call, `${mltable}.from_delimited_files(paths=[${urls.join(', ')}])\n${lineIndent(ctx, call)}${target.text}.save(${JSON.stringify(folder)})${REVIEW}`], ...reads];
}

/** `logging.INFO` and the like → the v2 log_verbosity string (AutoMLTabular: "debug", "info", "warning", "error", "critical"). */
function verbosity(ctx: RuleContext, node: SyntaxNode): string | undefined {
  const v = ctx.model.evaluate(node);
  const m = v?.kind === 'ref' ? /^logging\.(DEBUG|INFO|WARNING|ERROR|CRITICAL)$/.exec(v.qname) : null;
  return m ? JSON.stringify(m[1].toLowerCase()) : undefined;
}

/** A literal list of model names v2 knows for the task, as written. */
function modelList(task: string, node: SyntaxNode): string | undefined {
  const known = MODELS[task];
  if (!known || node.type !== 'list') return undefined;
  const names = node.namedChildren.filter((c) => c.type !== 'comment');
  return names.every((n) => known.includes(stringValue(n) ?? '')) ? node.text : undefined;
}

/**
 * `path=p` of a remote AutoMLConfig (the Udacity capstone notebooks' `path=project_folder`): the local "project folder".
 * azureml-train-automl-client `_azureautomlclient.py` sends no path to the service (`_create_parent_run_dto`: "Remove
 * path when creating the DTO", `settings_dict['path'] = None`), uploads the folder only for a user data script
 * (`_fit_remote_core`: "A snapshot is only needed if the user is using a custom data script"; `data_script` is not
 * rewritten), loads a run configuration from it only for `run_configuration="<name>"` (not rewritten); on the local
 * machine it only creates `<p>/.azureml` (`_check_create_folders`). So it is dropped when nothing else in the module
 * could need that folder: a string literal found nowhere else in the module, or a name bound only to string literals
 * and read only here or as the folder `os.makedirs(name, ...)` creates itself.
 */
function projectFolderOnly(ctx: RuleContext, v: SyntaxNode): boolean {
  if (v.type === 'string') {
    const text = stringValue(v);
    return text !== undefined && !v.descendantsOfType('interpolation').length && ctx.model.tree.rootNode.descendantsOfType('string').filter((l) => stringValue(l) === text).length === 1;
  }
  if (v.type !== 'identifier') return false;
  const b = ctx.model.resolveName(v.text, v);
  const all = b ? b.scope.bindings.get(v.text) ?? [] : [];
  if (!b || !all.length) return false;
  for (const x of all) {
    const assign = x.node.parent;
    const right = x.kind === 'assign' && assign?.type === 'assignment' && same(assign.childForFieldName('left'), x.node) ? assign.childForFieldName('right') : undefined;
    if (right?.type !== 'string' || right.descendantsOfType('interpolation').length) return false;
    for (const u of ctx.model.uses.get(x) ?? []) {
      if (same(u, v)) continue;
      // `os.makedirs(p, exist_ok=True)`: the folder made, nothing read from it.
      const args = u.parent?.type === 'argument_list' ? u.parent : undefined;
      const mk = args?.parent?.type === 'call' ? args.parent : undefined;
      if (mk && mk.childForFieldName('function')?.text === 'os.makedirs' && same(callArgs(mk).positional[0], u) && mk.parent?.type === 'expression_statement') continue;
      return false;
    }
  }
  // (A function body the model does not walk, one that touches no SDK value, may read the name too.)
  if (writtenElsewhere(ctx, all[0]!.node, all.flatMap((x) => ctx.model.uses.get(x) ?? []))) return false;
  return ctx.model.uses.get(b)?.some((u) => same(u, v)) ?? false;
}

/**
 * `AutoMLConfig(task=..., ...)` → `automl.<task>(...)` with its limits/training/featurization
 * settings as `job.set_*(...)` statements after the assignment (AUTOML). The first edit replaces
 * the call. Undefined when an argument does not translate or the object is used as a v1 one.
 */
export function autoMLConfig(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext): Edits | undefined {
  const parsed = autoMLArgs(ctx, call);
  const task = parsed && knownString(ctx, parsed.args.get('task'));
  if (!parsed || !task || !['classification', 'regression', 'forecasting'].includes(task) || !variableFree(ctx, call, [])) return undefined;
  const compute = computeName(ctx, parsed.args.get('compute_target'));
  // No compute target: v1 ran on the local machine, which v2 AutoML has no equivalent for.
  if (compute === null || compute === undefined || knownString(ctx, parsed.args.get('compute_target')) === 'local') return undefined;
  const job: Array<[string, string]> = [['compute', compute]];
  const limits: Array<[string, string]> = [];
  const training: Array<[string, string]> = [];
  const featurization: Array<[string, string]> = [];
  const forecast: Array<[string, string]> = [];
  const edits: Edits = [];
  const saved = new Map<number, string>();
  let reviewAt: string | undefined;
  for (const [k, v] of parsed.args) {
    if (k === 'task' || k === 'compute_target' || k === 'debug_log') continue;
    // `name="..."` (DP-100 labs): not an AutoMLConfig parameter; v1 only copies it over the `name` field of its
    // serialized settings (AutoMLBaseSettings sets leftover kwargs as attributes; AzureAutoMLSettings holds the
    // experiment's name there). The run's experiment is still submit's: no v2 counterpart, dropped (a literal only).
    if (k === 'name' && v.type === 'string' && knownString(ctx, v) !== undefined) continue;
    // `path=`: the local project folder of a remote run (projectFolderOnly).
    if (k === 'path' && projectFolderOnly(ctx, v)) continue;
    if (k === 'training_data' || k === 'validation_data') {
      const d = dataArg(fb, ctx, v, call, saved);
      if (!d) return undefined;
      job.push([k, d.text]);
      edits.push(...d.edits);
      if (d.review) reviewAt ??= k;
    } else if (k === 'primary_metric') {
      if (!METRICS[task].includes(knownString(ctx, v) ?? '')) return undefined;
      job.push([k, v.text]);
    } else if (k === 'positive_label' && task === 'classification') job.push([k, v.text]);
    else if (k === 'verbosity') {
      const level = verbosity(ctx, v);
      if (!level) return undefined;
      job.push(['log_verbosity', level]);
    } else if (k === 'experiment_timeout_hours') {
      const hours = v.type === 'integer' || v.type === 'float' ? Number(v.text) : NaN;
      const minutes = Math.round(hours * 60 * 1e6) / 1e6;
      if (!Number.isInteger(minutes) || minutes <= 0) return undefined;
      limits.push(['timeout_minutes', String(minutes)]);
    } else if (k === 'blocked_models' || k === 'allowed_models' || k === 'blacklist_models' || k === 'whitelist_models') {
      // v1's deprecated blacklist_/whitelist_models are blocked_/allowed_models (azureml-train-automl-client automl_config.py).
      const list = modelList(task, v);
      if (!list) return undefined;
      training.push([k === 'blocked_models' || k === 'blacklist_models' ? 'blocked_training_algorithms' : 'allowed_training_algorithms', list]);
    } else if (k === 'featurization') {
      const mode = knownString(ctx, v);
      if (mode !== 'auto' && mode !== 'off') return undefined;
      featurization.push(['mode', v.text]);
    } else if (k === 'preprocess') {
      // v1's deprecated preprocess=False is featurization "off", True the default "auto" (automl_config.py);
      // with featurization= too, or enable_dnn (v1 then turns featurization back on), not translated.
      if ((v.type !== 'true' && v.type !== 'false') || parsed.args.has('featurization') || parsed.args.has('enable_dnn')) return undefined;
      featurization.push(['mode', v.type === 'true' ? '"auto"' : '"off"']);
    } else if (k === 'forecasting_parameters' && task === 'forecasting') {
      // AUTOML / how-to-auto-train-forecast: v2 forecasting jobs take these through set_forecast_settings.
      const f = forecastSettings(ctx, v, call);
      if (!f) return undefined;
      forecast.push(...f.pairs);
      if (f.remove) edits.push([f.remove, '']);
    } else if (task === 'forecasting' && !parsed.args.has('forecasting_parameters') && Object.prototype.hasOwnProperty.call(FORECAST, k) && !['cv_step_size', 'features_unknown_at_forecast_time'].includes(k)) {
      // The forecasting settings given to AutoMLConfig itself (v1's older form): azureml-automl-core automl_base_settings.py
      // builds `ForecastingParameters.from_parameters_dict(kwargs, ...)` from them when no forecasting_parameters is
      // given, each current name set as ForecastingParameters(name=value) sets it: the same set_forecast_settings
      // keywords. (Deprecated names such as max_horizon, grain_column_names go through a rename table: not mapped; nor
      // the newer cv_step_size / features_unknown_at_forecast_time, not checked in that form.)
      forecast.push([FORECAST[k], v.text]);
    } else if (Object.prototype.hasOwnProperty.call(SAME_VALUE, k)) {
      const [group, name] = SAME_VALUE[k];
      (group === 'job' ? job : group === 'limits' ? limits : training).push([name, v.text]);
    } else return undefined;
  }
  if (!job.some(([k]) => k === 'training_data') || !job.some(([k]) => k === 'target_column_name') || (task === 'forecasting' && !forecast.some(([k]) => k === 'time_column_name'))) return undefined;
  // Two v1 settings for one v2 one (`experiment_timeout_minutes` and `_hours`): v1 rejects that too.
  for (const l of [job, limits, training]) if (new Set(l.map(([k]) => k)).size !== l.length) return undefined;
  const target = assignedName(call);
  const after = [
    ['set_forecast_settings', forecast],
    ['set_limits', limits],
    ['set_training', training],
    ['set_featurization', featurization],
  ].filter(([, l]) => l.length) as Array<[string, Array<[string, string]>]>;
  if (after.length && (!target || !endsLine(ctx, call))) return undefined;
  const factory = `${fb.need('azure.ai.ml', 'automl')}.${task}`;
  const indent = lineIndent(ctx, call);
  // A review comment needs the end of a line: one argument a line then.
  const text = reviewAt
    ? `${factory}(\n${job.map(([k, v]) => `${indent}    ${k}=${v},${k === reviewAt ? REVIEW : ''}`).join('\n')}\n${indent})`
    : `${factory}(${kwargs(job)})`;
  const tail = after.map(([m, l]) => `\n${indent}${target!.text}.${m}(${kwargs(l)})`).join('');
  const out: Edits = [[call, text + tail], ...edits];
  if (parsed.remove) out.push([parsed.remove, '']);
  return out;
}

/**
 * For jobs.ts (`jobUseEdits`, a use `run.get_output()` of a submitted AutoML run; it then rewrites
 * the uses of `best` as a job's): `best_run, fitted_model = run.get_output()` with the fitted model
 * unused, shown, or predicted with (`fitted_model.predict(X)`, `predict_proba`; then also loaded:
 * `mlflow.sklearn.load_model` of the child's downloaded `outputs/mlflow-model`) → the best child job, `best_run = ml_client.jobs.get(MlflowClient(<tracking URI>).get_run(
 * run.name).data.tags["automl_best_child_run_id"])` (AUTOML's v2 sample reads that tag of the
 * parent MLflow run; a child run is a job, as sweep.ts `bestRunEdit` gets a trial), marked
 * `# amlint: review` (v1 get_output also fetched the model and checked the run's state). The
 * statement's edit, and the name of the best run (whose uses jobs.ts rewrites); undefined otherwise.
 */
export function bestChildEdit(fb: FixBuilder, ctx: RuleContext, ml: string, job: string, call: SyntaxNode): { edit: [SyntaxNode, string]; best: SyntaxNode } | undefined {
  const assign = call.parent;
  const left = assign?.type === 'assignment' && same(assign.childForFieldName('right'), call) ? assign.childForFieldName('left') : undefined;
  // `best = run.get_best_child()`: v1 AutoMLRun.get_best_child(metric=None, onnx_compatible=False) "Return the child run with
  // the best score for this AutoML Run" (by the primary metric without arguments, the run get_output() returns:
  // https://learn.microsoft.com/python/api/azureml-train-automl-client/azureml.train.automl.run.automlrun): the same best child job.
  if (call.childForFieldName('function')?.childForFieldName('attribute')?.text === 'get_best_child') {
    if (!noArgs(call) || left?.type !== 'identifier' || assign!.parent?.type !== 'expression_statement' || !endsLine(ctx, call)) return undefined;
    const client = trackingClient(fb, ml);
    return { edit: [assign!, `${left.text} = ${ml}.jobs.get(${client}.get_run(${job}.name).data.tags["automl_best_child_run_id"])${REVIEW}`], best: left };
  }
  const names = left && (left.type === 'pattern_list' || left.type === 'tuple_pattern') ? left.namedChildren : [];
  if (!noArgs(call) || names.length !== 2 || names.some((n) => n.type !== 'identifier') || assign!.parent?.type !== 'expression_statement' || !endsLine(ctx, call)) return undefined;
  const [best, model] = names;
  const shown = usesOf(ctx, model);
  if (best.text === model.text || !shown.every((u) => shownOnly(ctx, u) || predicts(u))) return undefined;
  const mlflow = trackingClient(fb, ml);
  let text = `${best.text} = ${ml}.jobs.get(${mlflow}.get_run(${job}.name).data.tags["automl_best_child_run_id"])${REVIEW}`;
  // A fitted model shown or used for predictions (`fitted_model.predict(X)`): the best child's MLflow
  // model (its `outputs/mlflow-model` folder, loaded with the sklearn flavor and predicted with, as the
  // azureml-examples AutoML notebooks "Load the MLFlow model locally and try predictions" do; AIM
  // https://learn.microsoft.com/azure/machine-learning/how-to-auto-train-image-models "Register the
  // model"), downloaded and loaded as the docs load a run's model (https://learn.microsoft.com/azure/
  // machine-learning/how-to-track-experiments-mlflow "Getting models from a run"); the sklearn flavor
  // of a tabular AutoML model: review.
  if (shown.length) {
    const load = `${fb.needModule('mlflow.sklearn')}.load_model(${mlflow}.download_artifacts(${best.text}.name, "outputs/mlflow-model"))`;
    text += `\n${lineIndent(ctx, assign!)}${model.text} = ${load}${REVIEW}`;
  }
  return { edit: [assign!, text], best };
}

/** `run` (a name) is bound by `exp.submit(config)` with `config` an `AutoMLConfig` (inline, or a name bound to one). */
function autoMLRun(ctx: RuleContext, run: SyntaxNode): boolean {
  const submit = definingCall(ctx, run);
  if (!submit || qnameOf(ctx, submit) !== 'azureml.core.Experiment.submit') return false;
  const config = bindArgs(submit, ['config'], ['config', 'show_output', 'tags'])?.get('config');
  const made = config?.type === 'identifier' ? definingCall(ctx, config) : config;
  return !!made && made.type === 'call' && qnameOf(ctx, made) === 'azureml.train.automl.AutoMLConfig';
}

/** v1 code that deploys or loads a registered model (a scoring script would unpickle v1's `model.pkl`, not v2's MLflow folder). */
function deploysModel(ctx: RuleContext): boolean {
  if (/model\.pkl/.test(ctx.module.text)) return true;
  return ctx.model.references.some((r) => /webservice|InferenceConfig|Model\.(deploy|get_model_path|package)$|^azureml\.core\.(model\.)?Model$/.test(r.qname));
}

/**
 * For jobs.ts (`jobUseEdits`, a use `run.register_model(...)` of a submitted AutoML run, when its
 * `registerModel` has no rewrite: v1 AutoMLRun.register_model(model_name, description, tags) registers
 * the best child's model) → the best child's MLflow model registered as AUTOML's v2 notebooks do
 * (azureml-examples automl-standalone-jobs "Register best model": the child's id from the parent's
 * `automl_best_child_run_id` tag, `Model(path=f"azureml://jobs/{id}/outputs/artifacts/outputs/mlflow-model/",
 * type=AssetTypes.MLFLOW_MODEL)`; https://learn.microsoft.com/azure/machine-learning/how-to-auto-train-image-models
 * "Register the model"), marked `# amlint: review` (v1 registered the child's `outputs/model.pkl`).
 * Refused without `model_name` (v1 derives one from the run id), with `iteration`/`metric`, when the
 * result is used other than by its name/version/tags/description (`id` → `f"{m.name}:{m.version}"`,
 * as jobs.ts does), and when the module deploys or loads a registered model the v1 way.
 * The call's text and the edits of those reads (registerModel's shape).
 */
export function autoMLRegisterModel(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode, job: string, ml: string): [string, Edits] | undefined {
  const fn = call.childForFieldName('function');
  const run = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  if (run?.type !== 'identifier' || run.text !== job || !autoMLRun(ctx, run) || deploysModel(ctx)) return undefined;
  const a = bindArgs(call, ['model_name', 'description', 'tags', 'iteration', 'metric'], ['model_name', 'description', 'tags']);
  const name = a?.get('model_name');
  if (!name || name.type === 'none' || a!.has('iteration') || a!.has('metric')) return undefined;
  // No use of the run among the arguments (jobs.ts rewrites the run's uses elsewhere).
  if (call.childForFieldName('arguments')!.descendantsOfType('identifier').some((id) => id.text === job)) return undefined;
  // The statement: `x = run.register_model(...)` or the call alone, ending its line (for the review mark).
  const assign = call.parent?.type === 'assignment' && same(call.parent.childForFieldName('right'), call) ? call.parent : undefined;
  const stmt = (assign ?? call).parent;
  if (stmt?.type !== 'expression_statement' || !endsLine(ctx, call) || (assign && assign.childForFieldName('left')?.type !== 'identifier')) return undefined;
  const edits: Edits = [];
  const target = assignedName(call);
  for (const use of target ? usesOf(ctx, target) : []) {
    const m = memberOf(use);
    if (!m || m.call) return undefined;
    if (['name', 'version', 'tags', 'description'].includes(m.name)) edits.push([m.attr, m.attr.text]);
    else if (m.name === 'id' && m.attr.parent?.type !== 'interpolation' && !(m.attr.parent?.type === 'assignment' && same(m.attr.parent.childForFieldName('left'), m.attr))) edits.push([m.attr, `f"{${use.text}.name}:{${use.text}.version}"`]);
    else return undefined;
  }
  const mlflow = trackingClient(fb, ml);
  const path = `f"azureml://jobs/{${mlflow}.get_run(${job}.name).data.tags['automl_best_child_run_id']}/outputs/artifacts/outputs/mlflow-model/"`;
  const entities = fb.needModule('azure.ai.ml.entities');
  const types = fb.need('azure.ai.ml.constants', 'AssetTypes');
  return [`${ml}.models.create_or_update(${entities}.Model(${kwargs([['name', name], ['path', path], ['type', `${types}.MLFLOW_MODEL`], ['description', a!.get('description')], ['tags', a!.get('tags')]])}))${REVIEW}`, edits];
}

/**
 * For jobs.ts (`jobUseEdits`, a read `run.model_id` of a submitted AutoML run; `attr` is the
 * attribute node): v1 AutoMLRun.model_id is None until `register_model` sets it, then the name it
 * registered the model under, `model_name` when given (azureml-train-automl-client run.py
 * AutoMLRun.register_model: `best_run.model_id = model_name` ... `self.model_id = best_run.model_id`,
 * `register_model(model_name=self.model_id)`). Read after the one `register_model(model_name=...)` of
 * the run, which autoMLRegisterModel rewrites to `models.create_or_update(Model(name=model_name, ...))`,
 * the same name: `m.name` of the model it returned (`m = run.register_model(...)`, the same binding
 * at the read; v2 Model.name is the registered asset's name, https://learn.microsoft.com/python/api/
 * azure-ai-ml/azure.ai.ml.entities.model), else the `model_name` expression
 * itself when it means the same at the read. The register call and the read in one block, the
 * register first (not inside a function, loop or branch between them). Undefined otherwise (v1's
 * generated names without `model_name` have no v2 counterpart).
 */
export function autoMLModelIdEdit(ctx: RuleContext, attr: SyntaxNode, job: string): [SyntaxNode, string] | undefined {
  const run = attr.childForFieldName('object');
  if (attr.type !== 'attribute' || run?.type !== 'identifier' || run.text !== job || !autoMLRun(ctx, run)) return undefined;
  // Read only (not assigned, deleted or augmented).
  const up = attr.parent;
  if ((up?.type === 'assignment' || up?.type === 'augmented_assignment') && same(up.childForFieldName('left'), attr)) return undefined;
  if (up?.type === 'delete_statement' || up?.type === 'pattern_list' || up?.type === 'tuple_pattern') return undefined;
  const b = ctx.model.resolveName(run.text, run);
  const registers = (b ? ctx.model.uses.get(b) ?? [] : []).flatMap((u) => {
    const m = memberOf(u);
    return m?.name === 'register_model' ? [m] : [];
  });
  const call = registers.length === 1 ? registers[0].call : undefined;
  if (!call) return undefined;
  const a = bindArgs(call, ['model_name', 'description', 'tags', 'iteration', 'metric'], ['model_name', 'description', 'tags']);
  const name = a?.get('model_name');
  if (!name || a!.has('iteration') || a!.has('metric') || (name.type === 'string' && !knownString(ctx, name))) return undefined;
  // The register's statement, and the read's statement in the same block after it.
  const assign = call.parent?.type === 'assignment' && same(call.parent.childForFieldName('right'), call) ? call.parent : undefined;
  const stmt = (assign ?? call).parent;
  if (stmt?.type !== 'expression_statement') return undefined;
  let at: SyntaxNode = attr;
  while (at.parent && !same(at.parent, stmt.parent)) {
    if (['function_definition', 'lambda', 'class_definition'].includes(at.parent.type)) return undefined;
    at = at.parent;
  }
  if (!at.parent || at.startIndex < stmt.endIndex) return undefined;
  // `m.name` of the model registered, when `m` is still that binding at the read.
  const target = assign?.childForFieldName('left');
  if (target?.type === 'identifier') {
    const t = ctx.model.resolveName(target.text, attr);
    if (t && same(t.node, target)) return [attr, `${target.text}.name`];
  }
  return (name.type === 'string' && !name.descendantsOfType('interpolation').length) || (name.type === 'identifier' && stable(ctx, name, attr)) ? [attr, name.text] : undefined;
}

/**
 * `x.predict(...)` / `x.predict_proba(...)`: what the AutoML MLflow model is loaded for in the
 * azureml-examples local-inference notebooks; other members (`steps`, `named_steps`: the v1
 * pipeline's internals) are not assumed to be the same on the MLflow-loaded model.
 */
function predicts(use: SyntaxNode): boolean {
  const m = memberOf(use);
  return !!m?.call && (m.name === 'predict' || m.name === 'predict_proba');
}

/** `x` only shown: `print(x)` as a statement, or `x` alone as a statement (a notebook cell's display). */
function shownOnly(ctx: RuleContext, use: SyntaxNode): boolean {
  if (use.parent?.type === 'expression_statement') return true;
  const args = use.parent;
  const call = args?.type === 'argument_list' && args.namedChildren.length === 1 ? args.parent : undefined;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  return fn?.type === 'identifier' && fn.text === 'print' && !ctx.model.resolveName('print', fn) && call!.parent?.type === 'expression_statement';
}

/** A use of a submitted run's best child (`run.get_output()`, `run.get_best_child()`): the submission's fix. */
const bestChildUse: Builder = (fb, ref, ctx) => {
  const fn = ref.call?.childForFieldName('function');
  const run = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const submit = run?.type === 'identifier' ? definingCall(ctx, run) : undefined;
  return submit && qnameOf(ctx, submit) === 'azureml.core.Experiment.submit' ? fb.sameFixAs(submit) : undefined;
};

export const AUTOML: Rewrites = {
  calls: {
    // A ForecastingParameters given to an AutoMLConfig (inline or through its one use): that configuration's fix.
    [FORECASTING_PARAMETERS]: (fb, ref, ctx) => {
      const target = assignedName(ref.call!);
      const uses = target ? usesOf(ctx, target) : [ref.call!];
      const kw = uses.length === 1 ? uses[0].parent : undefined;
      const owner = kw?.type === 'keyword_argument' && kw.childForFieldName('name')?.text === 'forecasting_parameters' ? kw.parent?.parent : undefined;
      return owner && qnameOf(ctx, owner) === 'azureml.train.automl.AutoMLConfig' ? fb.sameFixAs(owner) : undefined;
    },
    // `best_run, model = run.get_output()` on a submitted AutoML run: with the submission (jobs.ts, through bestChildEdit).
    'azureml.core.Run.get_output': bestChildUse,
    // `best_run = run.get_best_child()` on a submitted AutoML run: the same (bestChildEdit, reached through jobs.ts jobUseEdits).
    'azureml.core.Run.get_best_child': bestChildUse,
  },
  attributes: {
    // `run.model_id` of a submitted AutoML run: the submission's fix (jobs.ts, through autoMLModelIdEdit).
    'azureml.core.Run.model_id': (fb, ref, ctx) => {
      const run = ref.node.type === 'attribute' ? ref.node.childForFieldName('object') : undefined;
      const submit = run?.type === 'identifier' && autoMLRun(ctx, run) ? definingCall(ctx, run) : undefined;
      return submit ? fb.sameFixAs(submit) : undefined;
    },
  },
};
