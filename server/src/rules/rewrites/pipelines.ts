/**
 * Rewrites to SDK v2 of pipelines (AML110), following PIPE
 * (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-pipeline) and
 * https://learn.microsoft.com/azure/machine-learning/how-to-create-component-pipeline-python.
 *
 * A v1 pipeline is rewritten as a whole, as one suggestion: its `PythonScriptStep`s become
 * `command(...)` objects with `inputs`/`outputs` and `${{inputs.x}}`/`${{outputs.y}}` in their
 * command lines, `PipelineData`/`OutputFileDatasetConfig` become `Output(type="uri_folder")`
 * (a `PipelineData` on a datastore got by name gets `path="azureml://datastores/<name>/paths/azureml/
 * ${{name}}/${{output_name}}"`, the v2 default output path on that datastore; an
 * `OutputFileDatasetConfig(destination=(datastore, "p/{run-id}"))` gets `path="azureml://datastores/
 * <name | ${{default_datastore}}>/paths/p/${{name}}"`, v1 `{run-id}`/`{output-name}` being the v2 server
 * expressions `${{name}}`/`${{output_name}}`: concept-expressions), a v1 file dataset
 * mounted/downloaded in a step's arguments becomes an input of that step's command (data.ts
 * `dataInput`, named after the option before it: `--input-data` → input_data), the compute is a name (jobs.ts `computeName`),
 * a `PipelineData` read through `.as_mount()`/`.as_input(name)` (bind mode "mount") is the same input,
 * `allow_reuse` is the command's `is_deterministic`, `Pipeline(description=)` the decorator's,
 * `Pipeline(default_datastore=ds)` becomes `@dsl.pipeline(default_datastore="<name>")` and
 * `default_source_directory=d` the `code=d` of the steps that name none,
 * a `PipelineParameter` becomes a parameter of an inserted `@dsl.pipeline` function (its
 * default value kept), which calls the steps in dependency order and binds each consumer's
 * input to its producer's output; `Pipeline(...)` becomes the call of that function (the v2
 * pipeline job), `pipeline.validate()` becomes `ml_client.jobs.validate(pipeline)`, and
 * `step.run_after(other)` goes when a data dependency already orders the two steps. A step
 * whose `runconfig=rc` only sets `rc.environment = env` gets `environment=env` (environment.ts
 * rewrites env's lifecycle in the same fix) and the runconfig goes (`rc.environment = Environment.get(...)`,
 * a call: `rc = <its v2 form>`, the name the steps get); a runconfig that only configures
 * its own environment (`RunConfiguration(conda_dependencies=cd)`, `rc.environment.python.conda_dependencies
 * = cd`, `docker.enabled = True`, `docker.base_image`, `python.user_managed_dependencies`) becomes that
 * environment, an anonymous v2 `Environment(image=, conda_file=)` (environment.ts `runConfigEnvironment`,
 * the docs' image marked for review) the steps get; the environment chosen by an `if c:` / `else:` statement of the
 * pipeline's block, each branch setting `rc.environment = env` or its settings (the v1 docs' `if USE_CURATED_ENV:` shape,
 * https://learn.microsoft.com/azure/machine-learning/v1/how-to-create-machine-learning-pipelines), becomes `rc = <that
 * branch's v2 environment>` in each branch, the steps getting `environment=rc` (no elif, both branches setting it, nothing
 * else setting it, before the steps); `runconfig=RunConfiguration()` in place without arguments is the default runconfig
 * v1 creates for a step given none (a step without runconfig, below); `PipelineData(pipeline_output_name=n)` (on the default
 * datastore, mounted) is also the pipeline job's output n, returned by the @dsl.pipeline function
 * (https://learn.microsoft.com/azure/machine-learning/tutorial-pipeline-python-sdk); `rc.target = x` goes (each step's compute_target
 * overrides it; a step naming none runs on x, written at the step when x reads the same there). A step without
 * runconfig, or whose runconfig sets no environment, gets the v1 default image as its environment (v2 requires
 * one), marked `# amlint: review`. `pipeline.validate()` on another workspace than `Workspace.from_config()` is
 * `<its client>.jobs.validate(pipeline)` (workspace.ts clientOf). A name holding a plain value in a step's arguments (`"--model-name", model_name`)
 * is an input of its command (`${{inputs.model_name}}`, named after the option before it, else the name): a name
 * assigned a str/int/float/bool literal wherever bound, or an argparse value (plainValue; not a Path or other object).
 * `StepSequence(steps=[a, b])` (inline or bound once) orders each step after the one before: rewritten when data already
 * gives that order, its statement going. A step, data, parameter or runconfig name bound again later in straight-line
 * code (the same block, no loop: a second pipeline reusing `step1`, notebooks) is the binding the pipeline reads (soleName).
 * A `DataReference(datastore=<got by name>, data_reference_name=n, path_on_datastore=p)` (mounted) read by steps
 * becomes `Input(type=uri_file|uri_folder, path="azureml://datastores/<name>/paths/p")` (a file for a last
 * segment with an extension), input n of their commands; `(PipelineParameter(n, default_value=DataPath(...)),
 * DataPathComputeBinding())` in a step's arguments becomes input n of the @dsl.pipeline function, the DataPath's
 * Input given at its call; `ws.get_default_compute_target("CPU"|"GPU")` as a compute is "cpu-cluster"/"gpu-cluster"
 * (azureml-core Workspace.DEFAULT_CPU_CLUSTER_NAME), its statement going when only the steps use it; one no translated
 * pipeline consumes is that compute got by name, `ct = ml_client.compute.get("cpu-cluster")`, with its uses rewritten as
 * workspace.ts rewrites those of `ComputeTarget(ws, name)` (computeUseEdits: `ct.name`, `compute_target=ct` of a v1 call →
 * `ct.name`, `print(ct.get_status().serialize())` → the entity fetched again, review...; defaultComputeFallback).
 * `Experiment(...).submit(pipeline)` is rewritten by jobs.ts, which calls `pipelineConfig`
 * (`regenerate_outputs=True` → `@dsl.pipeline(force_rerun=True)`, `continue_on_step_failure=True` →
 * `@dsl.pipeline(continue_on_step_failure=True)`) and, for `pipeline_parameters={"p": literal}`, `pipelineCall`
 * (the pipeline function called with `p=literal` for that submit, only where the steps' names still read the
 * pipeline's bindings); a pipeline submitted several times is one fix;
 * each piece's finding offers the submission's fix (or the pipeline's, when it is not submitted).
 * `[run = ]pipeline.submit(experiment_name[, pipeline_parameters=, continue_on_step_failure=, regenerate_outputs=])`, the
 * pipeline's one submission ("equivalent to using azureml.core.Experiment.submit": azureml-pipeline-core Pipeline.submit), is
 * rewritten here with the pipeline as jobs.ts rewrites that submit (selfSubmitEdits): `create_or_update(..., experiment_name=)`,
 * the settings on the decorator, the run's uses as jobs.ts rewrites a submitted pipeline run's (jobUseEdits).
 * `OutputFileDatasetConfig(...).as_upload([overwrite=b])` (also chained with register_on_complete) on a run's own folder (no
 * destination, or one spelling `{run-id}`: overwrite cannot matter there) is `Output(..., mode="upload")`, and so is
 * `PipelineData(..., output_mode="upload"[, output_overwrite=b])` (its folder is the run's own; `output_name=` only as its name).
 * A `CommandStep(command=...)` is a node like a PythonScriptStep, its command line the v1 command: v1 shlex-splits a
 * string command (first word the executable, the rest its arguments; a list's first item is split so, its other items
 * are arguments: azureml-pipeline-steps CommandStep), so only words a shell splits alike are kept (no quotes, `&&`, `$`).
 * `f"x={out.arg_val}"` (in a command or an argument) is that data's `${{inputs|outputs.name}}`; `y = out.as_input(n)`
 * bound once is the producer's output read as an input (the statement goes); `out = out.register_on_complete(name=n)`
 * (or chained) becomes `node.outputs.<out>.name = n` in the pipeline function (v2 registers a named node output as a
 * data asset: how-to-manage-inputs-outputs-pipeline); an OutputFileDatasetConfig without a name is named after its
 * variable; `Pipeline(steps=step)` is that step and those it needs (v1 resolves the closure); an unread list of the
 * steps (`all_steps = [a, b]`) stays, holding the v2 nodes.
 * A `CommandStep(name=, runconfig=src, allow_reuse=)` whose runconfig is `src = ScriptRunConfig(command=<plain words>,
 * compute_target=, ...)` (bound once, read by that step only) runs src's command in src's source_directory with its run
 * configuration (azureml-pipeline-steps CommandStep.__init__): src becomes the v2 `command(...)` a submitted ScriptRunConfig
 * becomes (jobs.ts scriptRunCommand, with the step's display_name/is_deterministic), and the step is that command.
 * A `ParallelRunStep` with its `ParallelRunConfig` (bound once, read by that step only) is a `parallel_run_function(...)`
 * node (PRS: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-parallel-run-step, its settings
 * mapping table; "User entry script is compatible between v1 parallel run step and v2 parallel job"): source_directory,
 * entry_script, arguments (plain words) and environment (environment.ts rewrites its lifecycle) go to the RunFunction
 * task, mini_batch_size, error_threshold (-1, "ignore all failures" in both, too), logging_level, description, node_count → instance_count, process_count_per_node
 * → max_concurrency_per_instance, run_invocation_timeout → retry_settings timeout, compute_target → compute,
 * allow_reuse → is_deterministic to the function; its one input is a FileDataset `ds.as_named_input("n")` of a datastore
 * folder (`Input(type="uri_folder", path=<datastore URI>)`, ds's statement going when only the step reads it) or the data
 * another step makes (`d`, `d.as_dataset()`), given as `input_data="${{inputs.n}}"`; `output_action="append_row"` writes
 * to its `output=` (`append_row_to="${{outputs.o}}"`), `summary_only` takes none. A config without
 * process_count_per_node ran one process per core on CPU nodes (azureml-pipeline-steps ParallelRunConfig docs) where
 * v2 runs one per instance by default (max_concurrency_per_instance "default is 1":
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.parallel): only throughput differs, not what run() is given or returns.
 *
 * An `EstimatorStep(name=, estimator=est, estimator_entry_script_arguments=[...], inputs=, outputs=, compute_target=,
 * allow_reuse=)` is a PythonScriptStep of est's entry_script and source_directory with those arguments, the step's compute
 * and est's run configuration (azureml-pipeline-steps EstimatorStep.__init__, which drops est's compute_target): for a plain
 * `Estimator(source_directory=, entry_script=, environment_definition=rc.environment[, compute_target=])` bound once and
 * read by the step only (the DP-100 pipeline labs) it is the node a step with `runconfig=rc` becomes, the estimator's
 * statement going; for a plain `Estimator(source_directory=, entry_script=, conda_packages=[...], pip_packages=[...]
 * [, compute_target=])` (the MLN estimatorstep notebook; `runconfig_pipeline_params=None` accepted, its default) the node's
 * environment is the one v1 built from those packages, as estimators.ts writes it for a submitted Estimator (the default
 * image, v1's default conda with azureml-defaults and the packages: EST, marked for review); a plain Estimator naming no
 * environment at all (no environment_definition, no packages) ran in that default environment without packages. A dataset in a script step's `inputs=` only (`ds.as_named_input("x")[.as_mount()/.as_download()]`,
 * read by the script through `run.input_datasets["x"]`: v1 passed no argument) is passed as `--x ${{inputs.x}}`, the
 * notebook's `%%writefile` script reading that option (scriptDataEdits adds it to the parser), as jobs.ts estimatorInputs
 * does for an estimator; refused when the script is not in the document. `rc.target = x.name` (a v2 compute's name, as
 * workspace.ts rewrites `rc.target = x`) is a target as `rc.target = x` is.
 *
 * A registered table given whole in a step's arguments (`"--input-data", ds.as_named_input("raw_data")`, the DP-100
 * pipeline labs), ds a lookup of an asset the notebook registers as an MLTable in v2 code (data.ts tableInput), whose
 * script is a `%%writefile` cell of the notebook reading `run.input_datasets["raw_data"].to_pandas_dataframe()`: an
 * mltable input of the step's command, the script loading its argument (`mltable.load(args.<dest>)`, how-to-mltable),
 * both modules in one fix (scriptDataEdits, jobs.ts; FixBuilder.withCompanion); a mounted
 * or downloaded dataset read so in such a script reads its argument (the path v1 also passed there).
 * The data.ts registration rewrite (v1 code of the same notebook registering the table) asks jobs.ts's table hook
 * (setTableJob), which accepts a pipeline step through pipelineOfConsumption; the script's `run.input_datasets`
 * finding offers the pipeline's fix through jobs.ts's builder and pipelineOfScript.
 * A pipeline run fetched by ID (`PipelineRun.get(ws, id)`, `PipelineRun(experiment, id)`) is rewritten by jobs.ts
 * (fetchedRunEdits), as any run fetched by ID.
 *
 * Not rewritten (no suggestion): `pipeline_parameters` values other than str/bool/int/float literals (a v1 dataset
 * given there: v2 pipeline inputs take Input or those types), keys naming no PipelineParameter, a DataPath parameter
 * given at submit; `pipeline.submit(...)` beside an `Experiment.submit` of the same pipeline, twice, under `try`, with flags given
 * as names, or with its run read otherwise; `as_upload()` to a fixed folder (what overwrite does to the files already there in
 * v2 is not documented) or with `source_globs`; `PipelineData(is_directory=False)` (a single file), `PipelineData(output_path_on_compute=)`
 * (the script writes to a path it is not given), `.as_download()`, other step types (DataTransferStep, AutoMLStep, EstimatorSteps other than the above,
 * ...: the AutoMLStep of the Udacity pipelines has no v2 node form), ParallelRunConfig settings without a documented v2
 * form (append_row_file_name: v2 names no file; run_max_try: tries, not retries; allowed_failed_count; allowed_failed_percent,
 * which PRS passes as `task.program_arguments` `--allowed_failed_percent`: documented, not mapped yet;
 * partition_keys, "Under development" in PRS; environment_variables) or given as PipelineParameters, ParallelRunSteps
 * with several inputs, side_inputs, `models=`, tabular or registered datasets (a registered dataset's type is unknown:
 * a TabularDataset's mini-batches are DataFrames, a v2 mltable input), globs, DatasetConsumptionConfig inputs,
 * summary_only with an output, a config shared by several steps, EstimatorSteps of framework estimators (SKLearn, PyTorch...:
 * their images/packages), of an estimator with both environment_definition and packages, with other environment options
 * (custom_docker_image, use_gpu, ...), or read elsewhere, `runconfig_pipeline_params` other than None,
 * `register_on_complete(description=/tags=)`, `read_delimited_files` on an OutputFileDatasetConfig (the consumer gets a
 * v1 TabularDataset: no v2 counterpart checked), a CommandStep whose command comes from a RunConfiguration, one whose ScriptRunConfig has no compute_target, has
 * arguments, or is used elsewhere, a CommandStep with its own command/inputs/outputs beside a ScriptRunConfig, or a command with shell
 * syntax/quotes/other interpolations, a nameless output whose destination spells `{output-name}`, destinations with
 * other placeholders or on the default datastore of a pipeline that sets another default, steps with
 * other runconfig settings (`docker.shm_size`, a runconfig set after a step took it, both
 * `rc.environment = env` and settings other than `docker.enabled = True`), params or hash_paths, other datasets (URL/file datasets,
 * `inputs=[ds.as_named_input(...)]`, `DatasetConsumptionConfig`: read through the run, which v2 has not),
 * DataReferences/DataPaths on the default datastore, downloaded or with path_on_compute,
 * a StepSequence with parallel groups (nested lists) or an order data does not give, names bound on several paths, data on
 * a datastore amlint cannot name, steps or data used outside the pipeline or in several pipelines,
 * a run_after without a data dependency (v2 orders nodes by data only; no v2 form: "SDK v2 doesn't support execution order control without data
 * dependencies", https://github.com/Azure/azure-sdk-for-python/issues/34196; the dummy-output workaround of
 * azureml-examples sdk/python/jobs/pipelines/stepsequence changes the scripts' outputs),
 * pipelines used in other ways (`pipeline.publish(...)`, `pipeline_run.publish_pipeline(...)`: no v2 equivalent), a
 * table v1 registered (a v1-registered TabularDataset does not load with mltable: azure-sdk-for-python issue 38944), a
 * table given to a script not in the document or whose script reads its argument otherwise (v1 passed the dataset's ID)
 * or other data through the run, a fetched pipeline run's status compared to a name or a string v1 does not report,
 * or read otherwise, and any piece
 * defined in another block than the `Pipeline(...)` statement (a branch could change which
 * definition is seen).
 */
import type { SyntaxNode } from '../../engine/syntax';
import { bindArgs, callArgs, definingCall, FixBuilder, literalText, stringValue } from '../fixes';
import type { Range } from '../../engine/types';
import type { RuleContext } from '../rule';
import { soleBinding } from './reach';
import { sdkOf } from '../../engine/semantic/model';
import { assignedName, combined, knownString, kwargs, memberOf, noArgs, qnameOf, same, statementLines, textRange, usesOf, variableFree, type Builder, type Edits, type Rewrites } from './common';
import { aloneOnLines, environmentEdits, runConfigEnvironment, wholeLines } from './environment';
import { computeName, namesSameAt, pipelineRunUseEdits, scriptDataEdits, scriptRunCommand, type DataRead } from './jobs';
import { dataInput, tableInput } from './data';
import { clientOf, computeUseEdits } from './workspace';

const PIPELINE = 'azureml.pipeline.core.Pipeline';
const STEP = 'azureml.pipeline.steps.PythonScriptStep';
const COMMAND_STEP = 'azureml.pipeline.steps.CommandStep';
const PARALLEL_STEP = 'azureml.pipeline.steps.ParallelRunStep';
const PARALLEL_CONFIG = 'azureml.pipeline.steps.ParallelRunConfig';
const FROM_FILES = 'azureml.core.Dataset.File.from_files';
const ESTIMATOR_STEP = 'azureml.pipeline.steps.EstimatorStep';
const ESTIMATOR = 'azureml.train.estimator.Estimator';
const isStep = (q: string | undefined): boolean => q === STEP || q === COMMAND_STEP || q === PARALLEL_STEP || q === ESTIMATOR_STEP;
/** EstimatorStep(name, estimator, estimator_entry_script_arguments, runconfig_pipeline_params, inputs, outputs, compute_target, allow_reuse, version) (azureml-pipeline-steps). */
const ESTIMATOR_STEP_ARGS = ['name', 'estimator', 'estimator_entry_script_arguments', 'runconfig_pipeline_params', 'inputs', 'outputs', 'compute_target', 'allow_reuse', 'version'];
/** ParallelRunConfig(environment, entry_script, error_threshold, output_action, compute_target, node_count, ...) (azureml-pipeline-steps). */
const PARALLEL_CONFIG_ARGS = ['environment', 'entry_script', 'error_threshold', 'output_action', 'compute_target', 'node_count', 'process_count_per_node', 'mini_batch_size', 'source_directory', 'description', 'logging_level', 'run_invocation_timeout'];
/** ParallelRunStep(name, parallel_run_config, inputs, output=None, side_inputs=None, arguments=None, allow_reuse=True). */
const PARALLEL_STEP_ARGS = ['name', 'parallel_run_config', 'inputs', 'output', 'side_inputs', 'arguments', 'allow_reuse'];
const COMMAND_STEP_ARGS = ['command', 'name', 'compute_target', 'runconfig', 'runconfig_pipeline_params', 'inputs', 'outputs', 'params', 'source_directory', 'allow_reuse', 'version'];
const PIPELINE_DATA = 'azureml.pipeline.core.PipelineData';
const SEQUENCE = 'azureml.pipeline.core.StepSequence';
const OUTPUT_CONFIG = 'azureml.data.OutputFileDatasetConfig';
const PARAMETER = 'azureml.pipeline.core.PipelineParameter';
const SUBMIT = 'azureml.core.Experiment.submit';
const DATA_REFERENCE = 'azureml.data.data_reference.DataReference';
const DATA_PATH = 'azureml.data.datapath.DataPath';
const COMPUTE_BINDING = 'azureml.data.datapath.DataPathComputeBinding';

/**
 * v2 command jobs and components require an environment (CommandComponentSchema: environment
 * required); a v1 step without runconfig ran in the default image, which the v2 environment
 * names (the image the migration docs' base images use, as in environment.ts): to review.
 */
const DEFAULT_IMAGE = '"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"';

/** `environment=<v2 default>,  # amlint: review`: the command's environment, for a step without runconfig. */
function environment(fb: FixBuilder): string {
  return `${fb.needModule('azure.ai.ml.entities')}.Environment(image=${DEFAULT_IMAGE})`;
}

/** A command-line token: a plain string or number literal with nothing to quote. */
function token(node: SyntaxNode): string | undefined {
  const lit = node.type === 'string' ? stringValue(node) : literalText(node);
  return lit === undefined || /["'\\{}$\s]/.test(lit) || !lit ? undefined : lit;
}

// ---------------------------------------------------------------------------------------------
// The analysis of one `Pipeline(...)`: its steps (with those it pulls in through data and
// run_after), data and parameters; undefined when any piece cannot be translated.

interface Data {
  target: SyntaxNode;
  /** The call that made it, with `.as_dataset()` when chained (the node replaced). */
  call: SyntaxNode;
  name: string;
  kind: 'pipeline_data' | 'output_config' | 'reference';
  producer?: Step;
  /** A DataReference: the datastore URI and input type of the v2 `Input(...)` it becomes (read by the steps, made by none). */
  ref?: StoredPath;
  /** The datastore named in `PipelineData(..., datastore=ds)` when not the default one. */
  datastore?: string;
  /**
   * `OutputFileDatasetConfig(destination=(ds, "p/{run-id}"))`: the datastore (a name, or the default
   * one) and the path on it, `{run-id}`/`{output-name}` as the v2 server expressions.
   */
  destination?: { store: string | typeof DEFAULT_STORE; path: string };
  /**
   * `.register_on_complete(name=n)` of an OutputFileDatasetConfig: the name its node output registers under; the
   * call, and its statement when it rebinds the name (`x = x.register_on_complete(...)`, which goes).
   */
  register?: { name: string; call: SyntaxNode; stmt?: SyntaxNode };
  /** `.as_upload()` of an OutputFileDatasetConfig, `PipelineData(output_mode="upload")`: the v2 output's mode "upload". */
  upload?: boolean;
  /** `PipelineData(pipeline_output_name=n)`: an output of the pipeline job, n (the @dsl.pipeline function returns it). */
  pipelineOutput?: string;
}

interface Param {
  target: SyntaxNode;
  call: SyntaxNode;
  name: string;
  value: SyntaxNode;
  /**
   * A DataPath parameter, `(param, DataPathComputeBinding())` in the steps: an input of the pipeline
   * given at its call; the DataPath call becomes `Input(...)` (`input`), the tuple's statement goes.
   */
  data?: StoredPath & { made: SyntaxNode; tuple?: SyntaxNode };
}

/** A path on a named datastore as a v2 input: `azureml://datastores/<name>/paths/<path>`, a file or a folder. */
interface StoredPath {
  uri: string;
  type: 'uri_file' | 'uri_folder';
}

interface Step {
  target: SyntaxNode;
  call: SyntaxNode;
  args: Map<string, SyntaxNode>;
  /** The command line, with data and parameters as `${{inputs.x}}`/`${{outputs.y}}`. */
  parts: Array<Part | Part[]>;
  /** v1 file datasets mounted/downloaded in its arguments (data.ts dataInput), as inputs of its own. */
  datasets: Dataset[];
  /** Names of plain values in its arguments, as inputs of its own. */
  values: Value[];
  inputs: Data[];
  outputs: Data[];
  params: Param[];
  after: Step[];
  compute: string;
  runAfter: SyntaxNode[];
  /** The environment of its runconfig (`rc.environment = env`), if it has one. */
  runconfig?: RunConfig;
  /** A ParallelRunStep: its configuration and the data it splits into mini-batches. */
  parallel?: Parallel;
  /** `CommandStep(runconfig=src)` of a ScriptRunConfig `src = ScriptRunConfig(command=...)`: src's definition. */
  script?: { call: SyntaxNode; target: SyntaxNode };
  /** `EstimatorStep(estimator=est)`: est's `Estimator(...)` definition (its statement goes). */
  estimator?: { call: SyntaxNode; target: SyntaxNode };
  /** An EstimatorStep's estimator without environment_definition: the packages of the environment v1 built for it. */
  ownEnvironment?: { conda: string[]; pip: string[] };
  /** The edits of its `%%writefile` script reading its datasets from the command line (scriptDataEdits). */
  scriptSide?: { module: ScriptModule['module']; edits: Array<[SyntaxNode | Range, string]> };
}

/** A ParallelRunStep's ParallelRunConfig (bound once, read by the step only) and its input data. */
interface Parallel {
  config: { call: SyntaxNode; target: SyntaxNode; args: Map<string, SyntaxNode> };
  /** `Dataset.File.from_files(...)` consumed as `.as_named_input(name)`: the v2 input's name and datastore URI text. */
  file?: { name: string; uri: string; made: SyntaxNode; named: SyntaxNode; stmt?: SyntaxNode };
  /** The name of the input split into mini-batches (`input_data=`). */
  split: string;
  /** `output_action="append_row"`: the output the rows go to. */
  appendTo?: Data;
  compute: string;
}

/** A piece of a command line; an array of pieces is one word written together (`f"a={out.arg_val}"`). */
type Part = string | { data: Data } | { param: Param } | { dataset: Dataset } | { value: Value };

/** A name (or attribute) holding a plain value in a step's arguments (`"--model-name", model_name`): an input of its command. */
interface Value {
  expr: SyntaxNode;
  name: string;
}

/** `ds.as_named_input("x").as_mount()` in a step's arguments: the input `name` of the step's command. */
interface Dataset {
  expr: SyntaxNode;
  name: string;
  /** `as_named_input("x")`'s name, the key its script reads it by (`run.input_datasets["x"]`), and the option before it. */
  key?: string;
  flag?: string;
  /** A registered table given whole (data.ts tableInput): an mltable input its script loads (scriptDataEdits). */
  table?: boolean;
}

/**
 * `rc = RunConfiguration()` whose only configuration is `rc.environment = env`, or its environment's
 * settings (`rc.environment.python.conda_dependencies = cd`, ...: environment.ts
 * `runConfigEnvironment`), and maybe `rc.target = <name or literal>` (every step names its compute).
 */
interface RunConfig {
  call: SyntaxNode;
  target: SyntaxNode;
  /** The statements that go: `rc.environment = env`, `rc.target = x`, and the settings. */
  assigns: SyntaxNode[];
  /** `rc.environment = env`: `env`. */
  env?: SyntaxNode;
  /** `rc.target = x`: `x`, the compute of the steps that name none. */
  compute?: SyntaxNode;
  /** `rc.environment.<path> = value` statements, in order. */
  settings: Array<{ path: string; value: SyntaxNode; stmt?: SyntaxNode }>;
  /**
   * The environment chosen by an `if c:` / `else:` statement of the pipeline's block (the v1 docs' `if USE_CURATED_ENV:`
   * shape), one arm per branch, each setting rc's environment (`rc.environment = env`) or its settings: each arm binds
   * `rc` to that branch's v2 environment, the steps get `environment=rc`.
   */
  arms?: Arm[];
}

/** One branch of a runconfig's `if`/`else` environment: `rc.environment = env`, or settings of its environment. */
interface Arm {
  block: SyntaxNode;
  env?: SyntaxNode;
  settings: Array<{ path: string; value: SyntaxNode; stmt: SyntaxNode }>;
  /** The statements of rc in this branch. */
  stmts: SyntaxNode[];
}

interface Analysis {
  call: SyntaxNode;
  target: SyntaxNode;
  statement: SyntaxNode;
  workspace: SyntaxNode;
  description?: SyntaxNode;
  /** `default_datastore=`: a datastore name (not the default one). */
  defaultDatastore?: string;
  /** `default_source_directory=`: the code of the steps that name none. */
  sourceDir?: SyntaxNode;
  steps: Step[];
  data: Data[];
  params: Param[];
  /** `ct = ws.get_default_compute_target(...)` statements that go (the steps name the compute). */
  computeStmts: SyntaxNode[];
  validates: SyntaxNode[];
  /** `pipeline.submit(experiment_name, ...)` (selfSubmitEdits): the pipeline's one submission, rewritten with it. */
  selfSubmit?: SyntaxNode;
  submits: SyntaxNode[];
  runconfigs: RunConfig[];
  /** `y = x.as_input(name)` / `x.as_mount()` statements naming data the steps read (they go). */
  aliases: SyntaxNode[];
  /** `seq = StepSequence(steps=[...])` given to the pipeline: its statement (it goes). */
  sequence?: SyntaxNode;
  /** Every call that belongs to the pipeline (steps, data, parameters, run_after, validate). */
  members: SyntaxNode[];
}

class Bail extends Error {}
/** `x.name`: an attribute of a name. */
const dottedName = (n: SyntaxNode): boolean => n.type === 'attribute' && n.childForFieldName('object')?.type === 'identifier';
function need<T>(v: T | undefined | null | false): T {
  if (v === undefined || v === null || v === false) throw new Bail();
  return v;
}

/** The statement holding `node` (a child of a block or of the module). */
function statementOf(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.parent && n.parent.type !== 'block' && n.parent.type !== 'module') n = n.parent;
  return n;
}

/**
 * The binding at `id` (a binding identifier, or a use: the binding the model gives it) is the only one that reaches
 * its uses: its name is bound once in its scope, or every binding of it is an assignment statement of one block
 * outside loops (a name bound again later in straight-line code, as notebooks and scripts reusing `step1` do), its
 * uses are in that scope (not in a function, which runs later) and reach.ts finds no other binding reaching them.
 */
function soleName(ctx: RuleContext, id: SyntaxNode): boolean {
  if (id.type !== 'identifier') return false;
  const scope = ctx.model.scopeAt(id);
  const list = scope.bindings.get(id.text) ?? [];
  const b = list.find((x) => same(x.node, id)) ?? ctx.model.resolveName(id.text, id);
  if (!b || !list.includes(b)) return false;
  if (list.length === 1) return true;
  const block = statementOf(b.node).parent;
  if (!block || !list.every((x) => x.kind === 'assign' && same(statementOf(x.node).parent, block))) return false;
  for (let n: SyntaxNode | null = block; n && !same(n, scope.node); n = n.parent) if (['for_statement', 'while_statement', 'function_definition', 'lambda'].includes(n.type)) return false;
  return (ctx.model.uses.get(b) ?? []).every((u) => ctx.model.scopeAt(u) === scope) && soleBinding(ctx.model, b);
}

/** `x = <call>` as a statement of the block `block`, `x` the only binding reaching its uses (soleName): its target. */
function definedOnce(ctx: RuleContext, call: SyntaxNode, block: SyntaxNode): SyntaxNode {
  const assign = call.parent;
  const target = assign?.type === 'assignment' && same(assign.childForFieldName('right'), call) ? assign.childForFieldName('left') : undefined;
  need(target?.type === 'identifier' && assign!.parent?.type === 'expression_statement' && same(assign!.parent.parent, block));
  need(soleName(ctx, target!));
  return target!;
}

/** The identifier's single definition `x = <call>` in `block`: the call (with its chained methods). */
function definitionOf(ctx: RuleContext, id: SyntaxNode, block: SyntaxNode): { call: SyntaxNode; target: SyntaxNode } | undefined {
  if (id.type !== 'identifier') return undefined;
  const call = definingCall(ctx, id);
  if (!call) return undefined;
  try {
    return { call, target: definedOnce(ctx, call, block) };
  } catch (e) {
    if (e instanceof Bail) return undefined;
    throw e;
  }
}

const DEFAULT_STORE = Symbol('default datastore');

/**
 * The datastore of `PipelineData(..., datastore=ds)`: the workspace's default one
 * (`ws.get_default_datastore()`, `ml_client.datastores.get_default()`), or the name of one got by
 * name (`Datastore(ws, "n")`, `Datastore.get(ws, "n")`, `ml_client.datastores.get("n")`); undefined otherwise.
 */
function datastoreOf(ctx: RuleContext, ds: SyntaxNode): string | typeof DEFAULT_STORE | undefined {
  const made = definingCall(ctx, ds) ?? (ds.type === 'call' ? ds : undefined);
  const q = qnameOf(ctx, made) ?? '';
  if (/^azureml\.core\.Workspace\.get_default_datastore$|^azureml\.core\.Datastore\.get_default$|\.datastores\.get_default$/.test(q)) return DEFAULT_STORE;
  const a = made && callArgs(made);
  if (!a || a.splat) return undefined;
  let name: SyntaxNode | undefined;
  if (q === 'azureml.core.Datastore') name = a.keywords.get('name') ?? a.positional[1];
  else if (q === 'azureml.core.Datastore.get') name = a.keywords.get('datastore_name') ?? a.positional[1];
  else if (/^azure\.ai\.ml\.MLClient\.datastores\.get$/.test(q)) name = a.keywords.get('name') ?? a.positional[0];
  const value = name && stringValue(name);
  return value && /^[A-Za-z0-9_]+$/.test(value) ? value : undefined;
}

/**
 * `(datastore, "path")` of an OutputFileDatasetConfig: the datastore and the v2 path on it. v1 replaces
 * `{run-id}` with the step run's id and `{output-name}` with the output's name (azureml-core
 * OutputFileDatasetConfig docs); v2 output paths take `${{name}}` (the job name, a pipeline's step
 * job for a node: its run id) and `${{output_name}}`
 * (https://learn.microsoft.com/azure/machine-learning/concept-expressions, server expressions).
 */
function destinationOf(ctx: RuleContext, dest: SyntaxNode): { store: string | typeof DEFAULT_STORE; path: string } {
  const parts = dest.type === 'tuple' ? dest.namedChildren.filter((n) => n.type !== 'comment') : [];
  need(parts.length === 2);
  // (the path, or a name bound once, in that scope, to a plain string: the same value wherever it is read)
  const raw = need(knownString(ctx, parts[1]));
  const store = need(datastoreOf(ctx, parts[0]));
  const path = raw.replace(/^\/+/, '').replace(/\{run-id\}/g, '${{name}}').replace(/\{output-name\}/g, '${{output_name}}');
  // Nothing else to quote or substitute: plain path characters around the expressions.
  need(path && /^[A-Za-z0-9_.\-/]*$/.test(path.replace(/\$\{\{(name|output_name)\}\}/g, '')));
  return { store, path };
}

/**
 * `DataReference(datastore=ds, path_on_datastore="p")` / `DataPath(datastore=ds, path_on_datastore="p")`: the v2
 * input of that path (the datastore URI form, https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2).
 * v1 mounts the path itself, a file or a folder (azureml-core DataPath docs: "can point to a directory or a data
 * artifact"); v2 needs the type: uri_file for a last segment with an extension, uri_folder for one without or a
 * trailing "/" (as data.ts reads v1 paths). Only a datastore got by name (not the default one: v2 has no URI for it).
 */
function storedPath(ctx: RuleContext, ds: SyntaxNode | undefined, path: SyntaxNode | undefined): StoredPath {
  const store = need(ds && datastoreOf(ctx, ds));
  need(store !== DEFAULT_STORE);
  const raw = need(path?.type === 'string' && !path.descendantsOfType('interpolation').length && stringValue(path));
  const rel = raw.replace(/^\/+/, '');
  need(rel && /^[A-Za-z0-9_.\-/]+$/.test(rel) && !/(^|\/)\.\.?(\/|$)/.test(rel));
  const last = rel.split('/').pop()!;
  need(rel.endsWith('/') || !last.includes('.') || /^[^.]+\.[A-Za-z0-9]+$/.test(last));
  const type = rel.endsWith('/') || !last.includes('.') ? 'uri_folder' : 'uri_file';
  return { uri: `azureml://datastores/${store as string}/paths/${rel}`, type };
}

/**
 * `ds.as_named_input("n")` in a ParallelRunStep's inputs, ds `Dataset.File.from_files(path=(datastore, "folder/"))` (inline,
 * or a name bound once in the block and read only there: its statement goes): input n of the parallel job, an
 * `Input(type="uri_folder", path=<the folder's datastore URI>)` (`azureml://datastores/<name>/paths/<folder>`:
 * https://learn.microsoft.com/azure/machine-learning/how-to-read-write-data-v2; for the workspace's default datastore an
 * f-string reading `{datastore.name}`, which a v1 and a v2 datastore both have). A v1 FileDataset consumed by a v2 job is
 * a uri_folder (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-data), whose files the parallel
 * job splits into mini-batches of `mini_batch_size` files as v1 did a FileDataset's (PRS mapping table). Only folders
 * (no globs, no single file); no other argument than `path` and `validate`.
 */
function fileInputOf(ctx: RuleContext, item: SyntaxNode, site: SyntaxNode, block: SyntaxNode): Parallel['file'] | undefined {
  const fn = item.type === 'call' ? item.childForFieldName('function') : undefined;
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'as_named_input') return undefined;
  const name = stringValue(need(bindArgs(item, ['name'], ['name'])).get('name'));
  need(plainName(name));
  let made = need(fn.childForFieldName('object') ?? undefined);
  let stmt: SyntaxNode | undefined;
  if (made.type === 'identifier') {
    const def = need(definitionOf(ctx, made, block));
    need(usesOf(ctx, def.target).length === 1);
    stmt = def.target.parent!.parent!;
    made = def.call;
  }
  need(qnameOf(ctx, made) === FROM_FILES);
  // (validate=False only skips checking at definition that the data loads: azureml-core FileDatasetFactory.from_files)
  const a = need(bindArgs(made, ['path', 'validate'], ['path', 'validate']));
  let path = need(a.get('path'));
  if (path.type === 'list') {
    const ps = path.namedChildren.filter((n) => n.type !== 'comment');
    need(ps.length === 1);
    path = ps[0];
  }
  const parts = path.type === 'tuple' ? path.namedChildren.filter((n) => n.type !== 'comment') : [];
  need(parts.length === 2 && parts[1].type === 'string' && !parts[1].descendantsOfType('interpolation').length);
  const store = need(datastoreOf(ctx, parts[0]));
  const rel = need(stringValue(parts[1])).replace(/^\/+/, '');
  need(rel && /^[A-Za-z0-9_.\-/]+$/.test(rel) && !/(^|\/)\.\.?(\/|$)/.test(rel));
  need(rel.endsWith('/') || !rel.split('/').pop()!.includes('.'));
  let uri: string;
  if (store === DEFAULT_STORE) {
    need(parts[0].type === 'identifier' && namesSameAt(ctx, parts[0], site));
    uri = `f"azureml://datastores/{${parts[0].text}.name}/paths/${rel}"`;
  } else uri = JSON.stringify(`azureml://datastores/${store}/paths/${rel}`);
  return { name: name!, uri, made, named: item, stmt };
}

/**
 * A string (or implicitly concatenated strings, parenthesized) whose only interpolations are `{x.arg_val}`: its literal
 * pieces and the `x`s. v1 substitutes a data's `arg_val` with its path at run time, as it does for the data given as an
 * argument (azureml-core OutputFileDatasetConfig / DatasetConsumptionConfig `arg_val`); v2 writes that
 * `${{inputs.x}}`/`${{outputs.x}}`. Undefined for escapes, raw/byte/triple-quoted strings or other interpolations.
 */
function stringPieces(node: SyntaxNode): Array<string | SyntaxNode> | undefined {
  let n = node;
  while (n.type === 'parenthesized_expression') {
    const inner = n.namedChildren.filter((c) => c.type !== 'comment');
    if (inner.length !== 1) return undefined;
    n = inner[0];
  }
  const strings = n.type === 'concatenated_string' ? n.namedChildren.filter((c) => c.type !== 'comment') : [n];
  const out: Array<string | SyntaxNode> = [];
  for (const str of strings) {
    if (str.type !== 'string' || !/^[fF]?("|')$/.test(str.children[0]?.text ?? '')) return undefined;
    for (const c of str.children.slice(1, -1)) {
      if (c.type === 'string_content' && !c.namedChildren.length && !/[\\{}]/.test(c.text)) out.push(c.text);
      else if (c.type === 'interpolation') {
        const e = c.namedChildren;
        const obj = e.length === 1 && e[0].type === 'attribute' && e[0].childForFieldName('attribute')?.text === 'arg_val' ? e[0].childForFieldName('object') : undefined;
        if (obj?.type !== 'identifier') return undefined;
        out.push(obj);
      } else return undefined;
    }
  }
  return out;
}

/** `OutputFileDatasetConfig(...)`, or that call's `.as_upload(...)`. */
function isOutputConfig(ctx: RuleContext, call: SyntaxNode): boolean {
  const q = qnameOf(ctx, call);
  return q === OUTPUT_CONFIG || q === `${OUTPUT_CONFIG}.as_upload`;
}

/** `recv.<method>(...)` for one of `methods`: recv. */
function receiverOf(call: SyntaxNode, methods: string[]): SyntaxNode | undefined {
  const fn = call.type === 'call' ? call.childForFieldName('function') : undefined;
  return fn?.type === 'attribute' && methods.includes(fn.childForFieldName('attribute')?.text ?? '') ? fn.childForFieldName('object') ?? undefined : undefined;
}

/**
 * `"--model-name", model_name` in a step's arguments, the name (or `obj.attr`) holding no v1 object: an input of the
 * step's command with that value, as written, `${{inputs.model_name}}` in its command line (PIPE / CMD: a command's
 * variable arguments are inputs; v1 passes the value's text as the argument, v2 substitutes the input's value). Named
 * after the option before it, else after the name. The command replaces the step where it stands: read where v1 read it.
 */
function valueArg(ctx: RuleContext, item: SyntaxNode, items: SyntaxNode[]): Value | undefined {
  if (item.type !== 'identifier' && item.type !== 'attribute') return undefined;
  if (item.descendantsOfType(['identifier', 'attribute']).some((x) => sdkOf(ctx.model.evaluate(x)) === 'v1')) return undefined;
  // (nor a name made by a v1 call the model gives no type)
  const root = item.type === 'identifier' ? item : item.descendantsOfType('identifier')[0];
  if (root && /^azureml\./.test(qnameOf(ctx, definingCall(ctx, root)) ?? '')) return undefined;
  if (!plainValue(ctx, item)) return undefined;
  const prev = items[items.findIndex((n) => same(n, item)) - 1];
  const flag = prev?.type === 'string' ? stringValue(prev) : undefined;
  const raw = flag && /^-{1,2}[A-Za-z]/.test(flag) ? flag.replace(/^-+/, '') : item.type === 'identifier' ? item.text : item.childForFieldName('attribute')?.text;
  const name = raw?.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
  return plainName(name) ? { expr: item, name } : undefined;
}

/**
 * `item` holds a str, int, float or bool, the literal types a v2 command input takes as a value (azure-ai-ml
 * `command(inputs=)`; v1 wrote any object into the arguments with str(), a Path or None among them, which v2 inputs
 * do not take or drop): a name every binding of which (in its scope) assigns a literal, an f-string or a
 * `str()`/`int()`/`float()` call, or an attribute of `args = <parser>.parse_args()` (argparse: a str, or the type it
 * was declared with).
 */
export function plainValue(ctx: RuleContext, item: SyntaxNode): boolean {
  const assigned = (id: SyntaxNode): SyntaxNode[] | undefined => {
    const list = ctx.model.scopeAt(id).bindings.get(id.text) ?? [];
    const b = ctx.model.resolveName(id.text, id);
    if (!b || !list.includes(b)) return undefined;
    const rights = list.map((x) => (x.kind === 'assign' && x.node.parent?.type === 'assignment' && same(x.node.parent.childForFieldName('left'), x.node) ? x.node.parent.childForFieldName('right') : null));
    return rights.every((r) => !!r) ? (rights as SyntaxNode[]) : undefined;
  };
  if (item.type === 'identifier') {
    const builtin = (c: SyntaxNode): boolean => {
      const f = c.childForFieldName('function');
      return c.type === 'call' && f?.type === 'identifier' && ['str', 'int', 'float'].includes(f.text) && !ctx.model.resolveName(f.text, f);
    };
    return !!assigned(item)?.every((r) => ['string', 'concatenated_string', 'integer', 'float', 'true', 'false'].includes(r.type) || builtin(r) || pathJoin(ctx, r));
  }
  const obj = item.childForFieldName('object');
  if (obj?.type !== 'identifier') return false;
  const rights = assigned(obj);
  return !!rights && rights.length === 1 && rights[0].type === 'call' && rights[0].childForFieldName('function')?.type === 'attribute' && rights[0].childForFieldName('function')!.childForFieldName('attribute')?.text === 'parse_args';
}

/**
 * `os.path.join("a", "b")` of string literals (`import os`): a str (MLN's distributed samples pass
 * `model_path = os.path.join("./outputs", "keras-model")` as a script argument).
 */
function pathJoin(ctx: RuleContext, call: SyntaxNode): boolean {
  const f = call.childForFieldName('function');
  if (call.type !== 'call' || f?.text !== 'os.path.join') return false;
  const os = f.childForFieldName('object')?.childForFieldName('object');
  const b = os ? ctx.model.resolveName(os.text, os) : undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return b?.kind === 'import' && b.importRecord?.module === 'os' && !!args.length && args.every((a) => a.type === 'string' && stringValue(a) !== undefined);
}

/** A name usable as a v2 input/output/parameter name (and as a Python parameter). */
const plainName = (s: string | undefined): s is string => !!s && /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !['None', 'True', 'False', 'self'].includes(s);

function analyse(ctx: RuleContext, call: SyntaxNode): Analysis {
  const statement = need(call.parent?.parent?.type === 'expression_statement' ? call.parent.parent : undefined);
  const block = need(statement.parent);
  const target = definedOnce(ctx, call, block);
  // v1 Pipeline(workspace, steps, description, default_datastore, default_source_directory, ...).
  const pargs = need(bindArgs(call, ['workspace', 'steps', 'description', 'default_datastore', 'default_source_directory'], ['workspace', 'steps', 'description', 'default_datastore', 'default_source_directory']));
  // default_datastore → the pipeline job setting of that name (a datastore name; none for the default one).
  const dsNode = pargs.get('default_datastore');
  const store = dsNode ? need(datastoreOf(ctx, dsNode)) : DEFAULT_STORE;
  // default_source_directory: the code of the steps without a source_directory, a literal or a name bound once.
  const sourceDir = pargs.get('default_source_directory');
  if (sourceDir) need(token(sourceDir) !== undefined || soleName(ctx, sourceDir));
  const workspace = need(pargs.get('workspace'));
  let list = need(pargs.get('steps'));
  const members: SyntaxNode[] = [];
  // `StepSequence(steps=[a, b, c])` (inline, or a name bound once that only the pipeline reads): each step runs after
  // the one before ("In this example train_step will only run after prepare_step has successfully completed execution":
  // https://learn.microsoft.com/python/api/azureml-pipeline-core/azureml.pipeline.core.stepsequence), which v2 keeps
  // only where data already orders them (checked below, as for run_after); nested lists (parallel groups) are refused.
  let sequence: { call: SyntaxNode; stmt?: SyntaxNode } | undefined;
  const seqDef = list.type === 'identifier' ? definitionOf(ctx, list, block) : undefined;
  const seqCall = list.type === 'call' ? list : seqDef?.call;
  if (seqCall && qnameOf(ctx, seqCall) === SEQUENCE) {
    const sa = need(bindArgs(seqCall, ['steps'], ['steps']));
    if (seqDef) need(usesOf(ctx, seqDef.target).length === 1);
    sequence = { call: seqCall, stmt: seqDef ? seqDef.target.parent!.parent! : undefined };
    list = need(sa.get('steps'));
  }
  // `steps=step`: one step, with what it needs (v1 _PipelineGraphBuilder.build takes "Union[PipelineData, PipelineStep,
  // list]" and resolves the closure: the steps making its inputs and those it runs after, which the analysis pulls in).
  const singleDef = list.type === 'identifier' ? definitionOf(ctx, list, block) : undefined;
  const single = singleDef && isStep(qnameOf(ctx, singleDef.call)) ? list : undefined;
  if (!single && list.type !== 'list') {
    // `steps = [a, b]` is an assignment of a list, not a call: definingCall does not see it.
    const b = ctx.model.resolveName(list.text, list);
    const assign = b?.node.parent;
    const right = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : undefined;
    need(list.type === 'identifier' && right?.type === 'list' && assign!.parent?.type === 'expression_statement' && same(assign!.parent.parent, block));
    need(soleName(ctx, b!.node) && usesOf(ctx, b!.node).length === 1);
    list = right!;
  }
  const steps = new Map<number, Step>();
  const datas = new Map<number, Data>();
  const params = new Map<number, Param>();
  const queue: Step[] = [];

  const stepOf = (id: SyntaxNode): Step => stepAt(need(definitionOf(ctx, id, block)).call);
  const stepAt = (call: SyntaxNode): Step => {
    const def = { call, target: definedOnce(ctx, call, block) };
    need(isStep(qnameOf(ctx, def.call)));
    let s = steps.get(def.call.id);
    if (!s) {
      s = { target: def.target, call: def.call, args: new Map(), parts: [], datasets: [], values: [], inputs: [], outputs: [], params: [], after: [], compute: '', runAfter: [] };
      steps.set(def.call.id, s);
      queue.push(s);
    }
    return s;
  };
  /**
   * OutputFileDatasetConfig.register_on_complete(name, description=None, tags=None): "register the output as a new
   * version of a named Dataset" after the run (azureml-core OutputDatasetConfig docs). v2 registers a node's output as
   * a data asset when its output gets a name (`node.outputs.x.name = n`; "A name can be set without setting a version":
   * https://learn.microsoft.com/azure/machine-learning/how-to-manage-inputs-outputs-pipeline, "Register a child job's
   * output"; https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.output). Only a literal name.
   */
  const registerName = (call: SyntaxNode): string => {
    const a = need(bindArgs(call, ['name'], ['name']));
    return need(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(stringValue(a.get('name')) ?? '') && stringValue(a.get('name')));
  };
  const dataOf = (id: SyntaxNode): Data | undefined => {
    if (id.type !== 'identifier') return undefined;
    const defining = definingCall(ctx, id);
    const reRecv = defining && receiverOf(defining, ['register_on_complete']);
    let def = reRecv?.type === 'identifier' && reRecv.text === id.text ? undefined : definitionOf(ctx, id, block);
    let register: Data['register'];
    if (!def) {
      // `x = OutputFileDatasetConfig(...)` then `x = x.register_on_complete(...)`: x bound twice in the block, the
      // first binding read only by the second statement.
      const call = definingCall(ctx, id);
      const recv = call && receiverOf(call, ['register_on_complete']);
      if (!call || recv?.type !== 'identifier' || recv.text !== id.text) return undefined;
      const second = call.parent!;
      const left = second.childForFieldName('left');
      const first = ctx.model.resolveName(recv.text, recv);
      const firstAssign = first?.node.parent;
      const made = firstAssign?.type === 'assignment' && same(firstAssign.childForFieldName('left'), first!.node) ? firstAssign.childForFieldName('right') : undefined;
      if (!left || !made || made.type !== 'call' || !isOutputConfig(ctx, made)) return undefined;
      need(second.parent?.type === 'expression_statement' && same(second.parent.parent, block) && firstAssign!.parent?.type === 'expression_statement' && same(firstAssign!.parent.parent, block));
      need((ctx.model.scopeAt(left).bindings.get(left.text) ?? []).length === 2 && usesOf(ctx, first!.node).length === 1);
      def = { call: made, target: left };
      register = { name: registerName(call), call, stmt: second.parent! };
    } else {
      // `OutputFileDatasetConfig(...).register_on_complete(...)`: the data is the whole chain.
      const recv = receiverOf(def.call, ['register_on_complete']);
      if (recv?.type === 'call' && isOutputConfig(ctx, recv)) register = { name: registerName(def.call), call: def.call };
    }
    const known = datas.get(def.call.id);
    if (known) return known;
    let made = register && !register.stmt ? receiverOf(def.call, ['register_on_complete'])! : def.call;
    let q = qnameOf(ctx, made);
    // `PipelineData(...).as_dataset()`: the same data, as a dataset in v1.
    if (q === `${PIPELINE_DATA}.as_dataset` && noArgs(made)) {
      const fn = made.childForFieldName('function');
      made = need(fn?.childForFieldName('object') ?? undefined);
      q = qnameOf(ctx, made);
    }
    // `OutputFileDatasetConfig(...).as_upload([overwrite=b])`: "files written to the output directory will be uploaded at
    // the end of the job" (azureml-core OutputFileDatasetConfig.as_upload), v2 Output mode "upload": "Upload the data from
    // the compute target" (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.output). `overwrite` ("whether
    // to overwrite files that already exists in the destination") only matters on a destination that holds files before
    // the run: accepted on a run's own folder only (no destination: `/dataset/{run-id}/{output-name}`, or one spelling
    // `{run-id}`), checked below. No source_globs (v2 uploads the whole folder).
    let upload = false;
    if (q === `${OUTPUT_CONFIG}.as_upload`) {
      const u = need(bindArgs(made, [], ['overwrite']));
      const ow = u.get('overwrite');
      if (ow) need(ow.type === 'true' || ow.type === 'false');
      made = need(receiverOf(made, ['as_upload']));
      q = qnameOf(ctx, made);
      need(q === OUTPUT_CONFIG);
      upload = true;
    }
    let data: Data;
    if (q === PIPELINE_DATA) {
      const a = need(bindArgs(made, ['name', 'datastore', 'output_name', 'output_mode'], ['name', 'datastore', 'output_name', 'output_mode', 'output_overwrite', 'is_directory', 'pipeline_output_name']));
      const ds = a.get('datastore');
      // output_name: "The name of the output, if None name is used" (azureml-pipeline-core PipelineData): only that same name.
      const outName = a.get('output_name');
      if (outName) need(stringValue(outName) !== undefined && stringValue(outName) === stringValue(a.get('name')));
      // output_mode: 'Specifies whether the producing step will use "upload" or "mount" method to access the data'
      // (default "mount", as a v2 output's rw_mount); "upload" is v2 mode "upload" ("Upload the data from the compute
      // target": https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.output). output_overwrite ("for upload,
      // whether to overwrite existing data") cannot matter: the data's folder is the run's own (`azureml/<run id>/<name>`).
      // No output_path_on_compute (the script then writes to a path it is not given).
      const mode = a.get('output_mode');
      if (mode) need(stringValue(mode) === 'mount' || stringValue(mode) === 'upload');
      const overwrite = a.get('output_overwrite');
      if (overwrite) need(overwrite.type === 'true' || overwrite.type === 'false');
      if (mode && stringValue(mode) === 'upload') upload = true;
      const store = ds ? need(datastoreOf(ctx, ds)) : DEFAULT_STORE;
      // is_directory: "whether the output is a directory or single file" (azureml-pipeline-core OutputPortBinding docs);
      // a single file is not the uri_folder output it becomes.
      const dir = a.get('is_directory');
      if (dir) need(dir.type === 'true');
      data = { target: def.target, call: def.call, name: need(stringValue(a.get('name'))), kind: 'pipeline_data', datastore: store === DEFAULT_STORE ? undefined : store, upload };
      // pipeline_output_name: "If provided this output will be available by using PipelineRun.get_pipeline_output()"
      // (azureml-pipeline-core PipelineData): an output of the pipeline job, which v2 declares by returning it from the
      // @dsl.pipeline function ("a pipeline returns a dictionary of outputs; keys will code for the pipeline output
      // identifier": https://learn.microsoft.com/azure/machine-learning/tutorial-pipeline-python-sdk). Only data on the
      // default datastore, mounted (a pipeline output's own settings could override a node output's path or mode).
      const pon = a.get('pipeline_output_name');
      if (pon) {
        data.pipelineOutput = need(stringValue(pon));
        need(plainName(data.pipelineOutput) && !data.datastore && !upload);
      }
    } else if (q === OUTPUT_CONFIG) {
      const a = need(bindArgs(made, ['name', 'destination'], ['name', 'destination']));
      // Without a name v1 makes one up ("we will automatically generate a name": azureml-core OutputFileDatasetConfig
      // docs), which the script never sees (it gets the path): the v2 output is named after the variable, unless the
      // destination spells the name (`{output-name}`).
      const named = a.get('name');
      data = { target: def.target, call: def.call, name: named ? need(stringValue(named)) : def.target.text, kind: 'output_config', register };
      const dest = a.get('destination');
      if (dest) data.destination = destinationOf(ctx, dest);
      if (!named) need(!data.destination?.path.includes('${{output_name}}'));
      if (upload) {
        need(!data.destination || data.destination.path.includes('${{name}}'));
        data.upload = true;
      }
    } else if (q === DATA_REFERENCE) {
      // DataReference(datastore, data_reference_name, path_on_datastore, mode='mount', ...): a path the steps read,
      // their input of that name (PIPE: v1 data consumed by a step is an input of its command). Only mounted.
      const a = need(bindArgs(made, ['datastore', 'data_reference_name', 'path_on_datastore', 'mode'], ['datastore', 'data_reference_name', 'path_on_datastore', 'mode']));
      const mode = a.get('mode');
      if (mode) need(stringValue(mode) === 'mount');
      data = { target: def.target, call: def.call, name: need(stringValue(a.get('data_reference_name'))), kind: 'reference', ref: storedPath(ctx, a.get('datastore'), a.get('path_on_datastore')) };
    } else return undefined;
    need(plainName(data.name));
    datas.set(def.call.id, data);
    return data;
  };
  /**
   * `dp = (param, DataPathComputeBinding(mode='mount'))`, param a `PipelineParameter(name, default_value=DataPath(...))`:
   * the parameter, as a data input of the pipeline (PIPE: a pipeline's data inputs are inputs of its @dsl.pipeline function).
   */
  const dataParamOf = (id: SyntaxNode): Param | undefined => {
    if (id.type !== 'identifier') return undefined;
    const b = ctx.model.resolveName(id.text, id);
    const assign = b?.node.parent;
    const tuple = assign?.type === 'assignment' && same(assign.childForFieldName('left'), b!.node) ? assign.childForFieldName('right') : undefined;
    if (tuple?.type !== 'tuple') return undefined;
    const items = tuple.namedChildren.filter((n) => n.type !== 'comment');
    if (items.length !== 2 || items[1].type !== 'call' || qnameOf(ctx, items[1]) !== COMPUTE_BINDING) return undefined;
    need(assign!.parent?.type === 'expression_statement' && same(assign!.parent.parent, block) && soleName(ctx, b!.node));
    // DataPathComputeBinding(mode='mount', path_on_compute=None, overwrite=False): mounted, as v2 inputs are by default.
    const bind = need(bindArgs(items[1], [], ['mode']));
    const mode = bind.get('mode');
    if (mode) need(stringValue(mode) === 'mount');
    const p = need(paramOf(items[0], true));
    need(p.data && (!p.data.tuple || same(p.data.tuple, assign!.parent)));
    p.data!.tuple = assign!.parent!;
    return p;
  };
  const paramOf = (id: SyntaxNode, dataPath = false): Param | undefined => {
    if (id.type !== 'identifier') return undefined;
    const def = definitionOf(ctx, id, block);
    if (!def || qnameOf(ctx, def.call) !== PARAMETER) return undefined;
    const known = params.get(def.call.id);
    if (known) return known;
    const a = need(bindArgs(def.call, ['name', 'default_value'], ['name', 'default_value']));
    const value = need(a.get('default_value'));
    const p: Param = { target: def.target, call: def.call, name: need(plainName(stringValue(a.get('name'))) && stringValue(a.get('name'))), value };
    if (dataPath) {
      // default_value=DataPath(datastore, path_on_datastore) (a name bound once to it, used only here)
      const dp = need(definitionOf(ctx, value, block));
      need(qnameOf(ctx, dp.call) === DATA_PATH && usesOf(ctx, dp.target).length === 1);
      const d = need(bindArgs(dp.call, ['datastore', 'path_on_datastore'], ['datastore', 'path_on_datastore']));
      p.data = { ...storedPath(ctx, d.get('datastore'), d.get('path_on_datastore')), made: dp.call };
    } else need(['integer', 'float', 'true', 'false'].includes(value.type) || (value.type === 'string' && !value.descendantsOfType('interpolation').length));
    params.set(def.call.id, p);
    return p;
  };
  const aliases = new Map<number, { target: SyntaxNode; call: SyntaxNode; data: Data }>();
  /** A data reference in a step: `d`, or `d.as_input(...)`/`d.as_mount()` (read as an input), or a name bound once to that. */
  const dataRef = (node: SyntaxNode): { data: Data; input: boolean } | undefined => {
    if (node.type === 'identifier') {
      const d = dataOf(node);
      if (d) return { data: d, input: false };
      // `y = d.as_input(name)` (the shape of the docs' OutputFileDatasetConfig pipelines): y is `d` read as an input.
      const def = definitionOf(ctx, node, block);
      const r = def && def.call.childForFieldName('function')?.type === 'attribute' ? dataRef(def.call) : undefined;
      if (!r?.input) return undefined;
      aliases.set(def!.call.id, { target: def!.target, call: def!.call, data: r.data });
      return r;
    }
    const fn = node.type === 'call' ? node.childForFieldName('function') : undefined;
    const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    const obj = fn?.childForFieldName('object');
    if (!obj || obj.type !== 'identifier' || !(method === 'as_mount' || method === 'as_input')) return undefined;
    const d = dataOf(obj);
    // PipelineData: `as_mount()`/`as_input(name)` make an InputPortBinding, bind_mode "mount" (azureml-pipeline-core
    // InputPortBinding docs), as a v2 input is mounted by default: the same input.
    if (!d || (d.kind !== 'output_config' && d.kind !== 'pipeline_data')) return undefined;
    const a = callArgs(node);
    need(!a.splat && (method === 'as_mount' ? noArgs(node) : a.positional.length + a.keywords.size <= 1));
    return { data: d, input: true };
  };

  let previous: Step | undefined;
  for (const item of single ? [single] : list.namedChildren) {
    if (item.type === 'comment') continue;
    const st = stepOf(item);
    if (sequence && previous && !st.after.includes(previous)) st.after.push(previous);
    previous = st;
  }
  /** The step that produces `d`: the one listing it in `outputs=` (or, for an OutputFileDatasetConfig, passing it as is in `arguments=`). */
  const producerOf = (d: Data): void => {
    for (const use of usesOf(ctx, d.target)) {
      const holder = use.parent?.type === 'list' ? use.parent : undefined;
      const kw = holder?.parent?.type === 'keyword_argument' ? holder.parent : undefined;
      const stepCall = (kw ?? holder)?.parent?.parent;
      if (!holder || stepCall?.type !== 'call' || !isStep(qnameOf(ctx, stepCall))) continue;
      const sq = qnameOf(ctx, stepCall);
      const a = sq === COMMAND_STEP
        ? bindArgs(stepCall, COMMAND_STEP_ARGS, COMMAND_STEP_ARGS)
        : sq === ESTIMATOR_STEP
          ? bindArgs(stepCall, ESTIMATOR_STEP_ARGS, ESTIMATOR_STEP_ARGS)
          : bindArgs(stepCall, ['script_name', 'name', 'arguments', 'compute_target'], ['script_name', 'name', 'arguments', 'compute_target', 'runconfig', 'runconfig_pipeline_params', 'inputs', 'outputs', 'params', 'source_directory', 'allow_reuse', 'version', 'hash_paths']);
      const argsOf = a?.get('arguments') ?? a?.get('command') ?? a?.get('estimator_entry_script_arguments');
      const isOut = same(a?.get('outputs'), holder) || (d.kind === 'output_config' && same(argsOf, holder) && !(a?.get('inputs')?.namedChildren ?? []).some((n) => n.text === d.target.text));
      if (isOut) stepAt(stepCall);
    }
    // A ParallelRunStep's `output=d`.
    for (const use of usesOf(ctx, d.target)) {
      const kw = use.parent?.type === 'keyword_argument' && same(use.parent.childForFieldName('value'), use) ? use.parent : undefined;
      const stepCall = kw?.parent?.parent;
      if (kw?.childForFieldName('name')?.text === 'output' && stepCall?.type === 'call' && qnameOf(ctx, stepCall) === PARALLEL_STEP) stepAt(stepCall);
    }
  };
  /**
   * `ct = ws.get_default_compute_target("CPU")` (bound once): azureml-core returns the workspace's compute named
   * Workspace.DEFAULT_CPU_CLUSTER_NAME "cpu-cluster" (GPU: "gpu-cluster"), which v2 names (jobs take a compute name);
   * its statement goes when only the steps use it.
   */
  const defaults = new Map<number, SyntaxNode>();
  const defaultCompute = (ct: SyntaxNode | undefined): string | undefined => {
    const def = ct?.type === 'identifier' ? definitionOf(ctx, ct, block) : undefined;
    if (!def || qnameOf(ctx, def.call) !== 'azureml.core.Workspace.get_default_compute_target') return undefined;
    const a = need(bindArgs(def.call, ['type'], ['type']));
    const kind = stringValue(need(a.get('type')))?.toLowerCase();
    need(kind === 'cpu' || kind === 'gpu');
    const name = kind === 'cpu' ? '"cpu-cluster"' : '"gpu-cluster"';
    defaults.set(def.call.id, def.target);
    return name;
  };
  const runconfigs = new Map<number, RunConfig>();
  /**
   * A run configuration that only sets the environment (`rc.environment = env`, env a name) or its
   * environment's settings, and maybe its target (which the steps' compute_target overrides: azureml-pipeline-steps
   * PythonScriptStep sets the runconfig's target to it), used by steps only.
   */
  const runconfigOf = (id: SyntaxNode): RunConfig => {
    const def = need(definitionOf(ctx, id, block));
    need(/^azureml\.core\.(runconfig\.)?RunConfiguration$/.test(qnameOf(ctx, def.call) ?? ''));
    const known = runconfigs.get(def.call.id);
    if (known) return known;
    const rc: RunConfig = { call: def.call, target: def.target, assigns: [], settings: [] };
    /**
     * `if c:` / `else:` as a statement of the pipeline's block (the v1 docs' "USE_CURATED_ENV = True / if USE_CURATED_ENV:
     * aml_run_config.environment = curated_environment / else: aml_run_config.environment.python.conda_dependencies = ...",
     * https://learn.microsoft.com/azure/machine-learning/v1/how-to-create-machine-learning-pipelines): the arm of a branch.
     */
    const armOf = (b: SyntaxNode): Arm | undefined => {
      const owner = b.parent?.type === 'else_clause' ? b.parent.parent : b.parent;
      if (owner?.type !== 'if_statement' || !same(owner.parent, block)) return undefined;
      const alts = owner.childrenForFieldName('alternative');
      if (alts.length !== 1 || alts[0].type !== 'else_clause' || !same(owner.childForFieldName('consequence'), b) && !same(alts[0].childForFieldName('body'), b)) return undefined;
      rc.arms ??= [];
      let arm = rc.arms.find((x) => same(x.block, b));
      if (rc.arms.length && !same(statementOf(rc.arms[0].block), owner)) return undefined;
      if (!arm) rc.arms.push((arm = { block: b, settings: [], stmts: [] }));
      return arm;
    };
    // RunConfiguration(conda_dependencies=cd): the environment's conda dependencies (azureml-core RunConfiguration
    // docs: "the system creates a Python environment, which includes the packages specified in conda_dependencies").
    const made = need(bindArgs(def.call, [], ['conda_dependencies']));
    const cd = made.get('conda_dependencies');
    if (cd) rc.settings.push({ path: 'python.conda_dependencies', value: cd });
    const uses = [...usesOf(ctx, def.target)].sort((a, b) => a.startIndex - b.startIndex);
    for (const use of uses) {
      const attr = use.parent;
      if (attr?.type === 'keyword_argument' && attr.childForFieldName('name')?.text === 'runconfig') continue;
      // The attribute chain above the use: `rc.environment.python.conda_dependencies`.
      const path: string[] = [];
      let top = use;
      while (top.parent?.type === 'attribute' && same(top.parent.childForFieldName('object'), top)) {
        top = top.parent;
        path.push(top.childForFieldName('attribute')?.text ?? '');
      }
      // `Estimator(environment_definition=rc.environment)` of an EstimatorStep (estimatorStepOf): the estimator's run
      // configuration takes that environment, as the step's.
      const kw = top.parent?.type === 'keyword_argument' && same(top.parent.childForFieldName('value'), top) ? top.parent : undefined;
      if (path.length === 1 && path[0] === 'environment' && kw?.childForFieldName('name')?.text === 'environment_definition' && qnameOf(ctx, kw.parent?.parent ?? undefined) === ESTIMATOR) continue;
      const set = top.parent?.type === 'assignment' && same(top.parent.childForFieldName('left'), top) ? top.parent : undefined;
      need(set && set.parent?.type === 'expression_statement');
      const value = need(set!.childForFieldName('right') ?? undefined);
      const stmt = set!.parent!;
      const p = path.join('.');
      if (!same(stmt.parent, block)) {
        // In a branch of `if c: ... else: ...` (a statement of the block, no elif): that branch's environment (armOf).
        const arm = need(armOf(stmt.parent!));
        if (p === 'environment') {
          need(!arm.env && (value.type === 'identifier' || value.type === 'call'));
          arm.env = value;
        } else need(path[0] === 'environment' && path.length > 1) && arm.settings.push({ path: path.slice(1).join('.'), value, stmt });
        arm.stmts.push(stmt);
        rc.assigns.push(stmt);
        continue;
      }
      if (p === 'environment') {
        // a name, or a call making the environment in place (`Environment.get(ws, name)`: environment.ts)
        need(!rc.env && (value.type === 'identifier' || value.type === 'call'));
        rc.env = value;
      } else if (p === 'target') {
        // (`x.name`: a v2 compute object's name, as workspace.ts writes a v1 compute target given as a name)
        need(!rc.compute && (value.type === 'identifier' || dottedName(value) || (value.type === 'string' && !value.descendantsOfType('interpolation').length)));
        rc.compute = value;
      }
      else if (path[0] === 'environment' && path.length > 1) rc.settings.push({ path: path.slice(1).join('.'), value, stmt });
      else need(false);
      rc.assigns.push(stmt);
    }
    // An environment variable, or settings (environment.ts checks which settings translate), or neither (the v1
    // default environment, as a step without runconfig gets).
    // (`rc.environment.docker.enabled = True` beside `rc.environment = env`: goes, as environment.ts drops
    // `env.docker.enabled = True`; v2 jobs on a compute cluster run in a container)
    if (rc.env && rc.settings.every((x) => x.path === 'docker.enabled' && x.value.type === 'true')) rc.settings = [];
    need(!(rc.env && rc.settings.length));
    if (rc.arms) {
      // Both branches set the environment, nothing else does (the constructor's conda_dependencies neither).
      need(rc.arms.length === 2 && !rc.env && !rc.settings.length);
      for (const arm of rc.arms) {
        if (arm.env && arm.settings.every((x) => x.path === 'docker.enabled' && x.value.type === 'true')) arm.settings = [];
        need(!!arm.env !== !!arm.settings.length);
        if (arm.env?.type === 'identifier') need(soleName(ctx, arm.env));
      }
    }
    // The environment is a name bound once, seen the same by every step (bound before the pipeline).
    if (rc.env?.type === 'identifier') need(soleName(ctx, rc.env));
    runconfigs.set(def.call.id, rc);
    return rc;
  };
  /**
   * A ParallelRunStep (PRS: https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-parallel-run-step, whose
   * "Parallel job configurations and settings mapping" table this follows; the entry script's init()/run(mini_batch) is
   * "compatible between v1 parallel run step and v2 parallel job"): its ParallelRunConfig (bound once in the block, read by
   * the step only, its names read alike at the step), one input split into mini-batches, its output.
   */
  const parallelOf = (s: Step): void => {
    s.args = need(bindArgs(s.call, PARALLEL_STEP_ARGS.slice(0, 3), PARALLEL_STEP_ARGS));
    // side_inputs: none (an empty list).
    const side = s.args.get('side_inputs');
    if (side) need(side.type === 'list' && !side.namedChildren.some((n) => n.type !== 'comment'));
    const cfgId = need(s.args.get('parallel_run_config'));
    const def = need(cfgId.type === 'identifier' && definitionOf(ctx, cfgId, block));
    need(qnameOf(ctx, def.call) === PARALLEL_CONFIG && usesOf(ctx, def.target).length === 1 && soleName(ctx, def.target));
    // run_max_try (tries, v2 retries), append_row_file_name (no v2 file-name setting documented), allowed_failed_count,
    // allowed_failed_percent (PRS: `--allowed_failed_percent` in task.program_arguments; not mapped yet), partition_keys
    // ("Under development" in PRS), environment_variables: not mapped.
    const args = need(bindArgs(def.call, PARALLEL_CONFIG_ARGS.slice(0, 6), PARALLEL_CONFIG_ARGS));
    // Plain values (no PipelineParameter: a v1 pipeline parameter is not a v2 component setting), read alike at the step.
    for (const [k, v] of args) {
      if (k === 'compute_target' || k === 'environment') continue;
      // `error_threshold=-1`: "The range is [-1, int.max]. -1 indicates ignore all failures during processing" in both
      // (azureml-pipeline-steps ParallelRunConfig docs; azure-ai-ml entities/_builders/parallel_func.py, the same words).
      if (k === 'error_threshold' && v.type === 'unary_operator' && /^-\s*1$/.test(v.text)) continue;
      need(['string', 'integer', 'float', 'identifier', 'attribute'].includes(v.type) && !v.descendantsOfType('interpolation').length && namesSameAt(ctx, v, s.call));
      if (v.type === 'identifier') need(qnameOf(ctx, definingCall(ctx, v) ?? undefined) !== PARAMETER);
    }
    // mini_batch_size: a str in both ("number of files" for file data, a size for tabular data; v2 parallel_run_function docs).
    // source_directory: the task's code (without one, v1 took the entry script from any local path: not mapped).
    need(args.get('source_directory'));
    const mbs = args.get('mini_batch_size');
    if (mbs) need(mbs.type === 'string');
    const action = stringValue(need(args.get('output_action')));
    need(action === 'append_row' || action === 'summary_only');
    // The environment: a name bound once (environment.ts rewrites its lifecycle in the same fix).
    const env = need(args.get('environment'));
    need(env.type === 'identifier' && soleName(ctx, env));
    const ct = need(args.get('compute_target'));
    const compute = defaultCompute(ct) ?? need(computeName(ctx, ct));
    s.compute = compute;
    s.parallel = { config: { call: def.call, target: def.target, args }, split: '', compute };
    // inputs: one FileDataset (`ds.as_named_input("n")`) or the data another step makes (v2 input_data is one input).
    const list = need(s.args.get('inputs'));
    const items = list.type === 'list' ? list.namedChildren.filter((n) => n.type !== 'comment') : [];
    need(items.length === 1);
    const file = fileInputOf(ctx, items[0], s.call, block);
    if (file) {
      s.parallel.file = file;
      s.parallel.split = file.name;
    } else {
      // (`d.as_dataset()`: the PipelineOutputFileDataset of a PipelineData, the files its producer wrote)
      const fn = items[0].type === 'call' ? items[0].childForFieldName('function') : undefined;
      const asDataset = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_dataset' && noArgs(items[0]) ? fn.childForFieldName('object') ?? undefined : undefined;
      const r = need(dataRef(asDataset ?? items[0]));
      need(r.data.kind !== 'reference' && (!asDataset || (r.data.kind === 'pipeline_data' && !r.input)));
      s.inputs.push(r.data);
      s.parallel.split = r.data.name;
    }
    // output: append_row writes the rows to it (PRS: output_action → append_row_to, "May reference to one of the outputs
    // of parallel job by using the expression ${{outputs.<output_name>}}"); summary_only: none (the script stores its own).
    const out = s.args.get('output');
    if (action === 'append_row') {
      const r = need(out && dataRef(out));
      need(!r.input && (r.data.kind === 'pipeline_data' || r.data.kind === 'output_config'));
      need(!r.data.producer || r.data.producer === s);
      r.data.producer = s;
      s.outputs.push(r.data);
      s.parallel.appendTo = r.data;
    } else need(!out);
    // arguments: plain words (PRS: ParallelRunStep.arguments → task.program_arguments).
    const argList = s.args.get('arguments');
    if (argList) {
      need(argList.type === 'list');
      for (const item of argList.namedChildren) if (item.type !== 'comment') s.parts.push(need(token(item)));
    }
    need(s.parallel.split !== s.parallel.appendTo?.name);
  };
  /**
   * `CommandStep(name=, runconfig=src, allow_reuse=)` whose runconfig is a ScriptRunConfig with `command=` and a
   * compute_target, bound once in the block and used by this step only: v1 takes the step's command, source_directory
   * and run configuration (compute, environment, distribution) from it (azureml-pipeline-steps CommandStep.__init__:
   * "command = command if command else runconfig.command", "source_directory ... runconfig.source_directory"), what
   * jobs.ts scriptRunCommand makes of it as a v2 command job; v1 shlex-splits that command (no shell), so only
   * plain words. Not for one with inputs/outputs/arguments of its own (v1 reads them through the run). False when
   * the step's runconfig is not a ScriptRunConfig.
   */
  const scriptStepOf = (s: Step): boolean => {
    if (qnameOf(ctx, s.call) !== COMMAND_STEP) return false;
    const rcArg = bindArgs(s.call, COMMAND_STEP_ARGS.slice(0, 4), COMMAND_STEP_ARGS)?.get('runconfig');
    const def = rcArg?.type === 'identifier' ? definitionOf(ctx, rcArg, block) : undefined;
    if (!def || qnameOf(ctx, def.call) !== 'azureml.core.ScriptRunConfig') return false;
    s.args = need(bindArgs(s.call, ['name', 'runconfig', 'allow_reuse'], ['name', 'runconfig', 'allow_reuse']));
    need(s.args.has('runconfig') && usesOf(ctx, def.target).length === 1 && soleName(ctx, def.target));
    const src = need(bindArgs(def.call, ['source_directory'], ['source_directory', 'command', 'compute_target', 'environment', 'distributed_job_config', 'docker_runtime_config']));
    need(src.has('compute_target'));
    const cmd = need(src.get('command'));
    const items = cmd.type === 'list' ? cmd.namedChildren.filter((n) => n.type !== 'comment') : [cmd];
    need(items.length && items.every((n) => n.type === 'string' && /^[A-Za-z0-9_\-./=:,@+% \t]+$/.test(stringValue(n) ?? '')));
    s.script = def;
    return true;
  };
  /**
   * `EstimatorStep(name=, estimator=est, estimator_entry_script_arguments=[...], inputs=, outputs=, compute_target=,
   * allow_reuse=)` is a PythonScriptStep of est's entry_script and source_directory with those arguments and est's run
   * configuration, the estimator's compute_target dropped (azureml-pipeline-steps EstimatorStep.__init__: "resetting
   * compute_target ... super().__init__(script_name=run_config.script, arguments=estimator_entry_script_arguments,
   * compute_target=compute_target, runconfig=run_config, source_directory=estimator.source_directory)"). Only a plain
   * `Estimator` (bound once in the block, read by the step only) whose environment is `environment_definition=rc.environment`
   * of a runconfig the pipeline rewrites (the DP-100 pipeline labs): what the step runs is then a PythonScriptStep
   * with `runconfig=rc`, rewritten as one. The step's args are those of that PythonScriptStep.
   */
  const estimatorStepOf = (s: Step): void => {
    const a = need(bindArgs(s.call, ESTIMATOR_STEP_ARGS.slice(0, 4), ['name', 'estimator', 'estimator_entry_script_arguments', 'runconfig_pipeline_params', 'inputs', 'outputs', 'compute_target', 'allow_reuse']));
    // runconfig_pipeline_params=None: its default (no run configuration setting is a pipeline parameter).
    need(!a.has('runconfig_pipeline_params') || a.get('runconfig_pipeline_params')!.type === 'none');
    a.delete('runconfig_pipeline_params');
    const id = need(a.get('estimator'));
    const def = need(id.type === 'identifier' && definitionOf(ctx, id, block));
    need(qnameOf(ctx, def.call) === ESTIMATOR && usesOf(ctx, def.target).length === 1 && soleName(ctx, def.target));
    const e = need(bindArgs(def.call, ['source_directory'], ['source_directory', 'compute_target', 'environment_definition', 'entry_script', 'conda_packages', 'pip_packages']));
    need(e.get('source_directory') && e.get('entry_script') && need(a.get('compute_target')));
    const envDef = e.get('environment_definition');
    s.estimator = def;
    s.args = new Map([...a].filter(([k]) => k !== 'estimator' && k !== 'estimator_entry_script_arguments'));
    s.args.set('script_name', e.get('entry_script')!);
    s.args.set('source_directory', e.get('source_directory')!);
    if (envDef) {
      need(!e.has('conda_packages') && !e.has('pip_packages'));
      const rcId = need(envDef.type === 'attribute' && envDef.childForFieldName('attribute')?.text === 'environment' && envDef.childForFieldName('object'));
      need(rcId.type === 'identifier');
      s.args.set('runconfig', rcId);
    } else {
      // The estimator's own environment (the MLN estimatorstep notebook: `conda_packages=['scikit-learn']`): v1 built it
      // from the default CPU image, azureml-defaults and those packages (EST, "Define the training environment":
      // https://learn.microsoft.com/azure/machine-learning/v1/how-to-migrate-from-estimators-to-scriptrunconfig), the
      // environment estimators.ts writes for a submitted Estimator, to review. Plain string items only.
      const items = (k: string): string[] => {
        const l = e.get(k);
        if (!l) return [];
        need(l.type === 'list');
        return l.namedChildren.filter((n) => n.type !== 'comment').map((n) => {
          const v = need(n.type === 'string' && stringValue(n));
          need(/^[A-Za-z0-9_.\-=<>!,\[\]]+$/.test(v));
          return JSON.stringify(v);
        });
      };
      // An estimator naming no environment at all ran in v1's default one (the same image and conda, no packages
      // added: EST; estimators.ts writes the same for a submitted Estimator): rewrites-pipelines-estimatorstep-default.test.ts.
      s.ownEnvironment = { conda: items('conda_packages'), pip: items('pip_packages') };
    }
    const args = a.get('estimator_entry_script_arguments');
    if (args) s.args.set('arguments', args);
  };
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i];
    // A ParallelRunStep (parallelOf) or a script/command step.
    if (qnameOf(ctx, s.call) === PARALLEL_STEP) parallelOf(s);
    else if (scriptStepOf(s)) continue;
    else {
      const isCommand = qnameOf(ctx, s.call) === COMMAND_STEP;
      const accepted = ['script_name', 'name', 'arguments', 'compute_target', 'inputs', 'outputs', 'source_directory', 'allow_reuse', 'runconfig'];
      // CommandStep(command, name, compute_target, runconfig, runconfig_pipeline_params, inputs, outputs, params,
      // source_directory, allow_reuse, version) (azureml-pipeline-steps CommandStep): the same but for the command.
      if (qnameOf(ctx, s.call) === ESTIMATOR_STEP) estimatorStepOf(s);
      else s.args = need(isCommand ? bindArgs(s.call, COMMAND_STEP_ARGS.slice(0, 4), [...COMMAND_STEP_ARGS.slice(0, 4), 'inputs', 'outputs', 'source_directory', 'allow_reuse']) : bindArgs(s.call, ['script_name', 'name', 'arguments', 'compute_target', 'runconfig'], accepted));
      const rcNode = s.args.get('runconfig');
      // `runconfig=RunConfiguration()` in place, no arguments: the default runconfig v1 creates for a step given none
      // ("If unspecified, a default runconfig will be created": azureml-pipeline-steps PythonScriptStep docs,
      // https://learn.microsoft.com/python/api/azureml-pipeline-steps/azureml.pipeline.steps.python_script_step.pythonscriptstep),
      // so the step is one without runconfig (the v1 default environment, to review).
      const inlineDefault = rcNode?.type === 'call' && /^azureml\.core\.(runconfig\.)?RunConfiguration$/.test(qnameOf(ctx, rcNode) ?? '') && noArgs(rcNode);
      if (rcNode && !inlineDefault) s.runconfig = runconfigOf(rcNode);
      const script = isCommand ? '' : need(token(need(s.args.get('script_name'))));
      // compute_target: "If unspecified, the target from the runconfig will be used" (azureml-pipeline-steps
      // PythonScriptStep docs, https://learn.microsoft.com/python/api/azureml-pipeline-steps/azureml.pipeline.steps.python_script_step.pythonscriptstep):
      // `rc.target = x` written at the step, x read the same there.
      let ct = s.args.get('compute_target');
      if (!ct && s.runconfig?.compute) {
        ct = s.runconfig.compute;
        const base = ct.type === 'identifier' ? ct : ct.type === 'attribute' ? ct.childForFieldName('object') : undefined;
        if (base?.type === 'identifier') need(ctx.model.resolveName(base.text, base) === ctx.model.resolveName(base.text, s.call));
      }
      const dflt = defaultCompute(ct);
      s.compute = dflt ?? need(computeName(ctx, ct));
      s.parts = isCommand ? [] : ['python', script];
      const declared = (key: string): Array<{ data: Data; input: boolean }> => {
        const l = s.args.get(key);
        if (!l) return [];
        need(l.type === 'list');
        // (a DataPath parameter declared an input: the step reads it from its arguments, checked below)
        return l.namedChildren.filter((n) => n.type !== 'comment' && !(key === 'inputs' && dataParamOf(n) && declaredParams.add(n.text)) && !(key === 'inputs' && !isCommand && namedInputKey(n) !== undefined && !dataRef(n) && named.push(n))).map((n) => need(dataRef(n)));
      };
      const declaredParams = new Set<string>();
      /** `inputs=[ds.as_named_input("x")...]` (a dataset consumed, passed in the arguments or read through the run only). */
      const named: SyntaxNode[] = [];
      const outs = declared('outputs');
      const ins = declared('inputs');
      need(outs.every((o) => !o.input && o.data.kind !== 'reference'));
      for (const o of outs) {
        need(!o.data.producer || o.data.producer === s);
        o.data.producer = s;
        if (!s.outputs.includes(o.data)) s.outputs.push(o.data);
      }
      for (const d of ins) if (!s.inputs.includes(d.data)) s.inputs.push(d.data);
      const mentioned = new Set<Data>();
      /** A data (or an alias of one) read or written by the step: how its command line names it. */
      const dataPart = (r: { data: Data; input: boolean }): Part => {
        mentioned.add(r.data);
        // An OutputFileDatasetConfig passed as is is an output of the step that gets it (unless declared an input).
        if (!r.input && r.data.kind === 'output_config' && !s.inputs.includes(r.data) && !s.outputs.includes(r.data)) {
          need(!r.data.producer || r.data.producer === s);
          r.data.producer = s;
          s.outputs.push(r.data);
        } else if (!s.outputs.includes(r.data) && !s.inputs.includes(r.data)) s.inputs.push(r.data);
        need(!(r.input && s.outputs.includes(r.data)));
        return { data: r.data };
      };
      /** A string with `{x.arg_val}` of data (stringPieces): its pieces, the data as parts; words split on whitespace when `split`. */
      const stringParts = (node: SyntaxNode, split: boolean): Array<Part | Part[]> => {
        const pieces = need(stringPieces(node));
        const words: Part[][] = [[]];
        for (const p of pieces) {
          if (typeof p !== 'string') {
            words[words.length - 1].push(dataPart(need(dataRef(p))));
            continue;
          }
          // v1 CommandStep splits its command with shlex (no shell): only characters shlex and a shell read alike.
          need(split ? /^[A-Za-z0-9_\-./=:,@+% \t]*$/.test(p) : /^[A-Za-z0-9_\-./=:,@+%]*$/.test(p));
          const chunks = p.split(/[ \t]+/);
          chunks.forEach((c, i) => {
            if (i > 0) words.push([]);
            if (c) words[words.length - 1].push(c);
          });
        }
        return words.filter((w) => w.length).map((w) => (w.length === 1 ? w[0] : w));
      };
      let argList = s.args.get('arguments');
      if (isCommand) {
        // CommandStep: a string (shlex-split by v1: the command and its arguments), or a list whose first item is such
        // a string and whose other items are arguments (as a PythonScriptStep's).
        const cmd = need(s.args.get('command'));
        if (cmd.type === 'list') {
          const first = cmd.namedChildren.filter((n) => n.type !== 'comment')[0];
          s.parts.push(...stringParts(need(first), true));
          argList = cmd;
        } else s.parts.push(...stringParts(cmd, true));
        need(typeof s.parts[0] === 'string');
      }
      if (argList) {
        need(argList.type === 'list');
        const items = argList.namedChildren.filter((n) => n.type !== 'comment');
        for (const item of isCommand ? items.slice(1) : items) {
          const t = token(item);
          if (t !== undefined) {
            s.parts.push(t);
            continue;
          }
          if (item.type === 'string' || item.type === 'concatenated_string') {
            // `f"--out={out.arg_val}"`: one argument (one word), the data's path in it.
            const words = stringParts(item, false);
            need(words.length === 1);
            s.parts.push(...words);
            continue;
          }
          const p = dataParamOf(item) ?? paramOf(item);
          if (p) {
            if (p.data) declaredParams.delete(item.text);
            if (!s.params.includes(p)) s.params.push(p);
            s.parts.push({ param: p });
            continue;
          }
          const r = dataRef(item);
          const value = r ? undefined : valueArg(ctx, item, argList.namedChildren.filter((n) => n.type !== 'comment'));
          if (value) {
            const known = s.values.find((v) => v.name === value.name);
            need(!known || known.expr.text === value.expr.text);
            if (!known) s.values.push(value);
            s.parts.push({ value: known ?? value });
            continue;
          }
          if (!r) {
            // A v1 file dataset mounted or downloaded: an input of the step's command, named after its
            // option (`--input-data` → input_data, as jobs.ts names a ScriptRunConfig's inputs; the
            // command line keeps the option as written), its value given there (a node keeps the inputs of
            // the command it is made from: azure-ai-ml Command.__call__).
            const how = item.type === 'call' ? item.childForFieldName('function')?.childForFieldName('attribute')?.text : undefined;
            // A registered table given whole, `ds.as_named_input("x")` (v1 gave the script the dataset, read through
            // the run): an MLTable input when the notebook registers that asset as v2 MLTable (data.ts tableInput,
            // checked when the fix is built: pipelineConfig), its script reading the argument (scriptDataEdits).
            const table = how === 'as_named_input';
            need(how === 'as_mount' || how === 'as_download' || table);
            const prev = argList.namedChildren.filter((n) => n.type !== 'comment');
            const flag = prev[prev.findIndex((n) => same(n, item)) - 1];
            const option = flag?.type === 'string' ? stringValue(flag) : undefined;
            const name = option && /^-{1,2}[A-Za-z]/.test(option) ? option.replace(/^-+/, '').replace(/-/g, '_').toLowerCase() : undefined;
            const dataset: Dataset = { expr: item, name: need(plainName(name) && name), key: namedInputKey(item), flag: option, table };
            s.datasets.push(dataset);
            s.parts.push({ dataset });
            continue;
          }
          s.parts.push(dataPart(r));
        }
      }
      need(!declaredParams.size);
      // A dataset in `inputs=` only (v1 passed no argument: the script read it through the run, `run.input_datasets["x"]`):
      // passed as `--x ${{inputs.x}}`, the notebook's `%%writefile` script reading that option (scriptDataEdits adds it
      // to its parser), as jobs.ts estimatorInputs does for an estimator's inputs. Not for a script outside the document.
      let added = false;
      for (const item of named) {
        const key = need(namedInputKey(item));
        if (s.datasets.some((d) => d.key === key && d.expr.text === item.text)) continue;
        const how = item.childForFieldName('function')?.childForFieldName('attribute')?.text;
        const table = how === 'as_named_input';
        need(how === 'as_mount' || how === 'as_download' || table);
        const name = key.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase();
        need(plainName(name) && !s.datasets.some((d) => d.key === key || d.name === name));
        const dataset: Dataset = { expr: item, name, key, flag: `--${name}`, table };
        s.datasets.push(dataset);
        s.parts.push(`--${name}`, { dataset });
        added = true;
      }
      // The script gets its data from its command line only (not `run.input_datasets`).
      need([...s.inputs, ...s.outputs].every((d) => mentioned.has(d)));
      // Its datasets read through the run in a `%%writefile` script of the notebook: read from the arguments now.
      const reads = s.datasets.filter((d) => d.key).map((d) => ({ name: d.key!, flag: d.flag, table: !!d.table }));
      if (!isCommand && reads.length) {
        const side = scriptDataEdits(ctx, s.call, s.args.get('source_directory') ?? sourceDir, script, reads, added);
        need(side !== undefined && (!added || !!side?.edits.length));
        if (side?.edits.length) s.scriptSide = side;
      }
    }
    for (const d of s.inputs) if (!d.producer && d.kind !== 'reference') producerOf(d);
    need(!s.inputs.some((d) => s.outputs.includes(d)));
    // Names are unique among a step's inputs, outputs and parameters.
    const names = [...s.inputs, ...s.outputs, ...s.params, ...s.datasets, ...s.values].map((x) => x.name);
    need(new Set(names).size === names.length);
    // Uses of the step: the pipeline's list, `s.run_after(x)` and `x.run_after(s)` statements.
    for (const use of usesOf(ctx, s.target)) {
      if (use.parent && (same(use.parent, list) || (single && same(use, single)))) continue;
      // (an item of a list that nothing reads, `all_steps = [a, b]`: the list holds the v2 objects instead, unread)
      const holder = use.parent?.type === 'list' ? use.parent.parent : undefined;
      const unread = holder?.type === 'assignment' && same(holder.childForFieldName('right'), use.parent) && holder.childForFieldName('left')?.type === 'identifier' ? holder.childForFieldName('left')! : undefined;
      if (unread && !usesOf(ctx, unread).length && soleName(ctx, unread)) continue;
      const attr = use.parent;
      const isReceiver = attr?.type === 'attribute' && same(attr.childForFieldName('object'), use);
      const runCall = isReceiver ? attr!.parent : use.parent?.parent;
      need(runCall?.type === 'call' && [`${STEP}.run_after`, `${COMMAND_STEP}.run_after`].includes(qnameOf(ctx, runCall) ?? ''));
      const stmt = runCall!.parent;
      need(stmt?.type === 'expression_statement' && same(stmt.parent, block));
      const a = callArgs(runCall!);
      need(!a.splat && a.positional.length === 1 && !a.keywords.size);
      const receiverStep = stepOf(need(runCall!.childForFieldName('function')?.childForFieldName('object') ?? undefined));
      const before = stepOf(a.positional[0]);
      if (!receiverStep.after.includes(before)) receiverStep.after.push(before);
      if (!receiverStep.runAfter.some((n) => same(n, runCall))) receiverStep.runAfter.push(runCall!);
    }
  }
  // Every consumed data has a producer in the pipeline; data and parameters are used only by its steps.
  const inside = (n: SyntaxNode): boolean => [...steps.values()].some((s) => [s.call, ...(s.estimator ? [s.estimator.call] : [])].some((c) => c.startIndex <= n.startIndex && n.endIndex <= c.endIndex));
  const inAlias = (d: Data, u: SyntaxNode): boolean => [...aliases.values()].some((a) => a.data === d && a.call.startIndex <= u.startIndex && u.endIndex <= a.call.endIndex);
  for (const d of datas.values()) {
    need(d.producer || d.kind === 'reference');
    need(usesOf(ctx, d.target).every((u) => inside(u) || inAlias(d, u)));
    // (registered: the name its producer's node output gets)
    need(!d.register || d.kind === 'output_config');
  }
  for (const a of aliases.values()) need(usesOf(ctx, a.target).every(inside));
  for (const p of params.values()) {
    // (a DataPath parameter: used in its tuple only, the tuple by the steps only)
    const tuple = p.data?.tuple;
    if (tuple) need(usesOf(ctx, need(tuple.firstNamedChild?.childForFieldName('left') ?? undefined)).every(inside));
    need(usesOf(ctx, p.target).every((u) => inside(u) || (tuple && u.startIndex >= tuple.startIndex && u.endIndex <= tuple.endIndex)));
  }
  // (and its settings come before the steps that use it)
  const first = (rc: RunConfig): number => Math.min(...[...steps.values()].filter((st) => st.runconfig === rc).map((st) => (st.estimator ?? st).call.startIndex));
  for (const rc of runconfigs.values()) need(usesOf(ctx, rc.target).every((u) => inside(u) || rc.assigns.some((a) => u.startIndex >= a.startIndex && u.endIndex <= a.endIndex && a.endIndex <= first(rc))));
  const byName = new Map<string, Param>();
  for (const p of params.values()) need(!byName.has(p.name) && byName.set(p.name, p));
  // Data producers come first; a run_after must already follow from data (v2 orders nodes by data only).
  const deps = (s: Step): Step[] => s.inputs.filter((d) => d.producer).map((d) => d.producer!);
  const ancestors = (s: Step, seen = new Set<Step>()): Set<Step> => {
    for (const p of deps(s)) if (!seen.has(p)) {
      seen.add(p);
      ancestors(p, seen);
    }
    return seen;
  };
  for (const s of steps.values()) {
    const anc = ancestors(s);
    need(!anc.has(s));
    need(s.after.every((a) => anc.has(a)));
  }
  for (const s of steps.values()) for (const d of s.inputs) if (d.producer && !steps.has(d.producer.call.id)) need(false);
  const ordered: Step[] = [];
  const visit = (s: Step): void => {
    if (ordered.includes(s)) return;
    deps(s).forEach(visit);
    ordered.push(s);
  };
  queue.forEach(visit);
  // Uses of the pipeline: `pipeline.validate()` statements and submissions.
  const validates: SyntaxNode[] = [];
  const submits: SyntaxNode[] = [];
  const selfSubmits: SyntaxNode[] = [];
  for (const use of usesOf(ctx, target)) {
    const attr = use.parent;
    if (attr?.type === 'attribute' && same(attr.childForFieldName('object'), use)) {
      const c = attr.parent;
      if (attr.childForFieldName('attribute')?.text === 'submit' && c?.type === 'call' && same(c.childForFieldName('function'), attr)) {
        selfSubmits.push(c);
        continue;
      }
      need(c?.type === 'call' && attr.childForFieldName('attribute')?.text === 'validate' && noArgs(c) && c.parent?.type === 'expression_statement');
      validates.push(c!);
      continue;
    }
    const holder = use.parent?.type === 'argument_list' ? use.parent.parent : undefined;
    need(holder?.type === 'call' && qnameOf(ctx, holder) === SUBMIT);
    submits.push(holder!);
  }
  // (several submits: jobs.ts rewrites them all with the first, whose fix the pieces offer; `pipeline.submit(...)`: only
  // as the pipeline's one submission)
  need(selfSubmits.length <= 1 && !(selfSubmits.length && submits.length));
  for (const s of ordered) members.push(s.call, ...s.runAfter);
  for (const d of datas.values()) members.push(d.call, ...(d.register ? [d.register.call] : []));
  for (const a of aliases.values()) members.push(a.call);
  for (const p of params.values()) members.push(p.call, ...(p.data ? [p.data.made, p.data.tuple!] : []));
  // The default compute's statement goes with the pipeline when only its steps use it.
  const computeStmts: SyntaxNode[] = [];
  for (const t of defaults.values()) if (usesOf(ctx, t).every(inside)) computeStmts.push(t.parent!.parent!);
  members.push(...computeStmts);
  for (const rc of runconfigs.values()) members.push(rc.call, ...rc.assigns);
  for (const s of ordered) if (s.script) members.push(s.script.call);
  for (const s of ordered) if (s.estimator) members.push(s.estimator.call);
  for (const s of ordered) if (s.parallel) members.push(s.parallel.config.call, ...(s.parallel.file ? [s.parallel.file.named, s.parallel.file.made] : []));
  members.push(...validates, call, ...(sequence ? [sequence.call] : []));
  if (sourceDir?.type === 'identifier') {
    // bound before every step that takes it
    const b = ctx.model.resolveName(sourceDir.text, sourceDir);
    need(b && ordered.every((st) => st.args.has('source_directory') || b.node.endIndex <= st.call.startIndex));
  }
  return { call, target, statement, workspace, defaultDatastore: store === DEFAULT_STORE ? undefined : store, sourceDir, description: pargs.get('description'), steps: ordered, data: [...datas.values()], params: [...params.values()], computeStmts, validates, selfSubmit: selfSubmits[0], submits, runconfigs: [...runconfigs.values()], aliases: [...aliases.values()].map((x) => x.call.parent!.parent!), sequence: sequence?.stmt, members };
}

/** Per model: the analysis of each `Pipeline(...)` call (null: not translatable). */
const analyses = new WeakMap<RuleContext['model'], Map<number, Analysis | null>>();

function analysisOf(ctx: RuleContext, call: SyntaxNode): Analysis | undefined {
  let m = analyses.get(ctx.model);
  if (!m) analyses.set(ctx.model, (m = new Map()));
  let a = m.get(call.id);
  if (a === undefined) {
    try {
      a = analyse(ctx, call);
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
      a = null;
    }
    m.set(call.id, a);
  }
  return a ?? undefined;
}

/** The pipelines of the module, each with its analysis when it translates. */
function pipelines(ctx: RuleContext): Array<{ call: SyntaxNode; analysis?: Analysis }> {
  return ctx.model.references.filter((r) => r.qname === PIPELINE && r.call).map((r) => ({ call: r.call!, analysis: analysisOf(ctx, r.call!) }));
}

/**
 * For a piece of a v1 pipeline (a step, its data, a parameter, `validate`, `run_after`): the fix
 * it offers is the submission's (jobs.ts rewrites the pipeline with it), or the pipeline's own
 * when it is not submitted. Undefined when the piece belongs to no translatable pipeline.
 */
export function pipelineFixFor(fb: FixBuilder, ctx: RuleContext, node: SyntaxNode): string | undefined {
  // A member, or a part of one (`out.as_input()` in a step's arguments).
  const found = pipelines(ctx).filter((p) => p.analysis?.members.some((m) => m.startIndex <= node.startIndex && node.endIndex <= m.endIndex));
  if (found.length !== 1) return undefined;
  const a = found[0].analysis!;
  return fb.sameFixAs(a.submits[0] ?? a.call);
}

/** A module of the document with its model (RuleContext.modules). */
type ScriptModule = ReturnType<RuleContext['modules']>[number];
/** `ds.as_named_input("x")[.as_mount()]`: "x". */
function namedInputKey(expr: SyntaxNode): string | undefined {
  for (let e: SyntaxNode | null | undefined = expr; e?.type === 'call'; e = e.childForFieldName('function')?.childForFieldName('object')) {
    if (e.childForFieldName('function')?.childForFieldName('attribute')?.text === 'as_named_input') return stringValue(bindArgs(e, ['name'], ['name'])?.get('name'));
  }
  return undefined;
}

/**
 * For jobs.ts (data.ts's table hook, setTableJob): the submission (else the `Pipeline(...)` call) of the
 * translatable pipeline whose step passes `consumption` (`ds.as_named_input("x")`) as a table input, the
 * call whose fix rewrites that step. Computed afresh (not cached: data.ts probes it assuming the v2 registration).
 */
export function pipelineOfConsumption(ctx: RuleContext, consumption: SyntaxNode): SyntaxNode | undefined {
  for (const r of ctx.model.references) {
    if (r.qname !== PIPELINE || !r.call) continue;
    let a: Analysis;
    try {
      a = analyse(ctx, r.call);
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
      continue;
    }
    if (a.steps.some((s) => s.datasets.some((d) => d.table && same(d.expr, consumption)))) return a.submits[0] ?? a.call;
  }
  return undefined;
}

/**
 * For jobs.ts (its `run.input_datasets` builder in a `%%writefile` script): the submission (else the
 * `Pipeline(...)` call) of the notebook's translatable pipeline whose step runs the script `module` and
 * rewrites it (scriptDataEdits), in the driver's context `dctx`.
 */
export function pipelineOfScript(dctx: RuleContext, module: ScriptModule['module']): SyntaxNode | undefined {
  for (const p of pipelines(dctx)) if (p.analysis?.steps.some((s) => s.scriptSide?.module === module)) return p.analysis.submits[0] ?? p.call;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The text of the rewrite.

/** The indentation of the line a statement starts (undefined when something precedes it on its line). */
function indentOf(ctx: RuleContext, stmt: SyntaxNode): string | undefined {
  const text = ctx.module.text;
  const start = text.lastIndexOf('\n', stmt.startIndex - 1) + 1;
  const prefix = text.slice(start, stmt.startIndex);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}

/** `command(...)` for a step, one argument a line, continuation lines indented from `indent`. */
function commandText(fb: FixBuilder, s: Step, indent: string, datasets: string[] = [], sourceDir?: SyntaxNode, reviewInputs = false): string {
  const input = s.inputs.length || s.params.some((p) => p.data) ? fb.need('azure.ai.ml', 'Input') : '';
  const one = (p: Part): string => (typeof p === 'string' ? p : 'param' in p ? `\${{inputs.${p.param.name}}}` : 'dataset' in p ? `\${{inputs.${p.dataset.name}}}` : 'value' in p ? `\${{inputs.${p.value.name}}}` : s.outputs.includes(p.data) ? `\${{outputs.${p.data.name}}}` : `\${{inputs.${p.data.name}}}`);
  const line = s.parts.map((p) => (Array.isArray(p) ? p.map(one).join('') : one(p))).join(' ');
  const inputs = [...s.datasets.map((d, i) => `"${d.name}": ${datasets[i]}`), ...s.inputs.map((d) => `"${d.name}": ${d.ref ? d.target.text : `${input}(type="uri_folder")`}`), ...s.params.map((p) => `"${p.name}": ${p.data ? `${input}(type="${p.data.type}")` : p.target.text}`), ...s.values.map((v) => `"${v.name}": ${v.expr.text}`)];
  const outputs = s.outputs.map((d) => `"${d.name}": ${d.target.text}`);
  // (a runconfig without environment settings runs in the v1 default one, as a step without runconfig)
  const ownEnv = !!s.runconfig && (!!s.runconfig.env || !!s.runconfig.settings.length || !!s.runconfig.arms);
  // An EstimatorStep's own packages: the environment estimators.ts writes for an Estimator (v1's default conda, environment.ts
  // `baseConda`: python, azureml-defaults, then the packages, over the default image), to review.
  const estimatorEnv = s.ownEnvironment && `${fb.needModule('azure.ai.ml.entities')}.Environment(image=${DEFAULT_IMAGE}, conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": [${['"python=3.8.13"', ...s.ownEnvironment.conda, `{"pip": [${['"azureml-defaults"', ...s.ownEnvironment.pip].join(', ')}]}`].join(', ')}]})`;
  const args: Array<[string, SyntaxNode | string | undefined]> = [
    ['display_name', s.args.get('name')],
    ['code', s.args.get('source_directory') ?? sourceDir],
    ['command', JSON.stringify(line)],
    ['inputs', inputs.length ? `{${inputs.join(', ')}}` : undefined],
    ['outputs', outputs.length ? `{${outputs.join(', ')}}` : undefined],
    ['compute', s.compute],
    ['is_deterministic', s.args.get('allow_reuse')],
    ['environment', ownEnv ? (s.runconfig!.env?.type === 'identifier' ? s.runconfig!.env : s.runconfig!.target).text : estimatorEnv ?? environment(fb)],
  ];
  const lines = args.filter(([, v]) => v !== undefined).map(([k, v]) => `${indent}    ${kwargs([[k, v]])},${(k === 'environment' && !ownEnv) || (k === 'inputs' && reviewInputs) ? '  # amlint: review' : ''}`);
  return `${fb.need('azure.ai.ml', 'command')}(\n${lines.join('\n')}\n${indent})`;
}

/**
 * Deleted lines (statementLines) between two blank lines of one cell: with one of the blank lines, so one is left.
 */
function oneBlank(ctx: RuleContext, r: SyntaxNode): SyntaxNode {
  const text = ctx.module.text;
  const s = r.startIndex;
  const row = r.startPosition.row;
  const lines = ctx.module.lines;
  if (r.type !== 'deleted_lines' || s < 2 || text[s] !== '\n' || text[s - 1] !== '\n' || !/^\n[ \t]*(\n|$)/.test(text.slice(r.endIndex))) return r;
  if (row < 1 || (lines && lines[row - 1]?.cell !== lines[row]?.cell)) return r;
  const prevStart = text.lastIndexOf('\n', s - 2) + 1;
  return textRange(ctx, r.type, s - 1, { row: row - 1, column: s - 1 - prevStart }, r.endIndex, r.endPosition, r.id - 1_000_000);
}

/**
 * `parallel_run_function(...)` for a ParallelRunStep, following the mapping table of PRS
 * (https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-parallel-run-step; parameter names checked in
 * azure-ai-ml entities/_builders/parallel_func.py and _job/parallel/run_function.py): name → display_name (as a step's),
 * description, the input split → `inputs` + `input_data="${{inputs.n}}"`, mini_batch_size, error_threshold (the same
 * "record failures for Tabular Dataset and file failures for File Dataset" in both), logging_level,
 * run_invocation_timeout → retry_settings timeout, process_count_per_node → max_concurrency_per_instance, node_count →
 * instance_count, compute_target → compute (Parallel.__call__ keeps a node's compute, inputs and outputs),
 * allow_reuse → is_deterministic; the task `RunFunction(code=source_directory, entry_script, program_arguments=arguments,
 * environment, append_row_to="${{outputs.o}}")`.
 */
function parallelText(fb: FixBuilder, ctx: RuleContext, s: Step, indent: string): { text: string; edits: Edits } | undefined {
  const p = s.parallel!;
  const c = p.config.args;
  const env = c.get('environment')!;
  const envEdits = environmentEdits(fb, ctx, env);
  if (!envEdits) return undefined;
  const input = fb.need('azure.ai.ml', 'Input');
  const inputs = p.file ? [`"${p.file.name}": ${input}(type="uri_folder", path=${p.file.uri})`] : s.inputs.map((d) => `"${d.name}": ${input}(type="uri_folder")`);
  const outputs = s.outputs.map((d) => `"${d.name}": ${d.target.text}`);
  const timeout = c.get('run_invocation_timeout');
  const program = s.parts.join(' ');
  const inner = `${indent}    `;
  const line = (pairs: Array<[string, SyntaxNode | string | undefined]>, at: string): string =>
    pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${at}    ${kwargs([[k, v]])},`).join('\n');
  const task = line([
    ['code', c.get('source_directory')],
    ['entry_script', c.get('entry_script')],
    ['program_arguments', program ? JSON.stringify(program) : undefined],
    ['environment', env],
    ['append_row_to', p.appendTo ? JSON.stringify(`\${{outputs.${p.appendTo.name}}}`) : undefined],
  ], inner);
  const args = line([
    ['display_name', s.args.get('name')],
    ['description', c.get('description')],
    ['inputs', `{${inputs.join(', ')}}`],
    ['outputs', outputs.length ? `{${outputs.join(', ')}}` : undefined],
    ['input_data', JSON.stringify(`\${{inputs.${p.split}}}`)],
    ['mini_batch_size', c.get('mini_batch_size')],
    ['error_threshold', c.get('error_threshold')],
    ['logging_level', c.get('logging_level')],
    ['retry_settings', timeout ? `dict(timeout=${timeout.text})` : undefined],
    ['max_concurrency_per_instance', c.get('process_count_per_node')],
    ['instance_count', c.get('node_count')],
    ['compute', p.compute],
    ['is_deterministic', s.args.get('allow_reuse')],
    ['task', `${fb.need('azure.ai.ml.parallel', 'RunFunction')}(\n${task}\n${inner})`],
  ], indent);
  const edits: Edits = [...envEdits];
  for (const st of [p.config.call.parent!.parent!, ...(p.file?.stmt ? [p.file.stmt] : [])]) {
    const lines = statementLines(ctx, st);
    if (!lines) return undefined;
    edits.push([oneBlank(ctx, lines), '']);
  }
  return { text: `${fb.need('azure.ai.ml.parallel', 'parallel_run_function')}(\n${args}\n${indent})`, edits };
}

/**
 * The v1 pipeline made by `call` as a v2 pipeline job (PIPE): returns the replacement of the
 * `Pipeline(...)` call and adds the other edits (steps, data, parameters, the `@dsl.pipeline`
 * function inserted before the statement, validate/run_after) to `fb`, only when all translate.
 * Used by jobs.ts for `Experiment(...).submit(pipeline)` (`regenerate_outputs=True` there: `forceRerun`).
 */
export function pipelineConfig(fb: FixBuilder, call: SyntaxNode, ctx: RuleContext, settings: { forceRerun?: boolean; continueOnStepFailure?: boolean } = {}): string | undefined {
  const a = analysisOf(ctx, call);
  const indent = a && indentOf(ctx, a.statement);
  if (!a || indent === undefined) return undefined;
  const edits: Array<[SyntaxNode, string]> = [];
  // `pipeline.submit(...)`: the job created there, with the run's uses; its settings are the pipeline's.
  if (a.selfSubmit) {
    const s = selfSubmitEdits(fb, ctx, a);
    if (!s) return undefined;
    edits.push(...s.edits);
    settings = s.settings;
  }
  const inserts: Array<[SyntaxNode, string]> = [];
  for (const s of a.steps) {
    const stmt = s.call.parent!.parent!;
    const own = indentOf(ctx, stmt);
    if (own === undefined) return undefined;
    if (s.script) {
      // The ScriptRunConfig becomes the v2 command (jobs.ts scriptRunCommand) with the step's name (display_name) and
      // allow_reuse (is_deterministic), keyword arguments of azure.ai.ml command()
      // (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml#azure-ai-ml-command); the step is that command.
      const made = scriptRunCommand(fb, s.script.call, ctx);
      if (!made || !same(made[0][0], s.script.call)) return undefined;
      const extra = [['display_name', s.args.get('name')], ['is_deterministic', s.args.get('allow_reuse')]] as Array<[string, SyntaxNode | undefined]>;
      let text = made[0][1];
      const open = /^[\w.]+\((\n[ \t]*)?/.exec(text)!;
      const more = extra.filter(([, v]) => v).map(([k, v]) => (open[1] ? `${kwargs([[k, v]])},${open[1]}` : `${kwargs([[k, v]])}, `)).join('');
      text = text.slice(0, open[0].length) + more + text.slice(open[0].length);
      edits.push([s.script.call, text]);
      for (const [n, t] of made.slice(1)) if (!edits.some(([m]) => same(m, n))) edits.push([n, t]);
      edits.push([s.call, s.script.target.text]);
      continue;
    }
    if (s.parallel) {
      const made = parallelText(fb, ctx, s, own);
      if (!made) return undefined;
      for (const [n, t] of made.edits) if (!edits.some(([m]) => same(m, n))) edits.push([n, t]);
      edits.push([s.call, made.text]);
      continue;
    }
    const datasets: string[] = [];
    let renamed = false;
    for (const d of s.datasets) {
      const made = d.table ? tableInput(fb, ctx, d.expr) : dataInput(fb, ctx, d.expr);
      if (!made) return undefined;
      // (a renamed data asset, data.ts tableInput: the inputs' line carries the mark)
      if ('review' in made && made.review) renamed = true;
      datasets.push(made.input);
      for (const [n, t] of made.edits) if (!edits.some(([m]) => same(m, n))) edits.push([n, t]);
    }
    edits.push([s.call, commandText(fb, s, own, datasets, a.sourceDir, renamed)]);
    // An EstimatorStep's estimator: its statement goes (the command has its script, code and environment).
    if (s.estimator) {
      const lines = statementLines(ctx, s.estimator.target.parent!.parent!);
      if (!lines) return undefined;
      edits.push([oneBlank(ctx, lines), '']);
    }
    // The script's edits come with whichever edit rewrites the step (FixBuilder.withCompanion).
    if (s.scriptSide) fb.withCompanion(s.call, s.scriptSide.module, s.scriptSide.edits);
    // A run_after already implied by data goes.
    for (const r of s.runAfter) edits.push([r.parent!, '']);
  }
  if (a.data.length) {
    const output = a.data.some((d) => !d.ref) ? fb.need('azure.ai.ml', 'Output') : '';
    // v1 PipelineData on another datastore wrote to `azureml/<run id>/<output name>` there: the v2 output
    // path with the server expressions `${{name}}`/`${{output_name}}` (the default output path's form,
    // on that datastore; https://learn.microsoft.com/azure/machine-learning/concept-expressions).
    // An OutputFileDatasetConfig destination: that path (`${{default_datastore}}` for the workspace's default
    // datastore, which is the pipeline's when it names none: concept-expressions, server expressions).
    const pathOf = (d: Data): string | undefined => {
      if (d.datastore) return `azureml://datastores/${d.datastore}/paths/azureml/\${{name}}/\${{output_name}}`;
      if (!d.destination) return undefined;
      const store = d.destination.store === DEFAULT_STORE ? '${{default_datastore}}' : d.destination.store;
      return `azureml://datastores/${store}/paths/${d.destination.path}`;
    };
    if (a.data.some((d) => d.destination?.store === DEFAULT_STORE) && a.defaultDatastore) return undefined;
    for (const d of a.data) {
      if (d.ref) {
        // A DataReference: the input of its path (storedPath), which the steps' commands take as is.
        edits.push([d.call, `${fb.need('azure.ai.ml', 'Input')}(type="${d.ref.type}", path="${d.ref.uri}")`]);
        continue;
      }
      const path = pathOf(d);
      edits.push([d.call, `${output}(type="uri_folder"${path ? `, path="${path}"` : ''}${d.upload ? ', mode="upload"' : ''})`]);
    }
  }
  // `y = d.as_input(...)` and `d = d.register_on_complete(...)` statements go (the command lines name the data), and
  // the StepSequence given to the pipeline (the @dsl.pipeline function calls the steps in order).
  for (const st of [...a.aliases, ...(a.sequence ? [a.sequence] : []), ...a.data.flatMap((d) => (d.register?.stmt ? [d.register.stmt] : []))]) {
    const lines = statementLines(ctx, st);
    if (!lines) return undefined;
    edits.push([lines, '']);
  }
  for (const p of a.params) {
    edits.push([p.call, p.value.text]);
    if (!p.data) continue;
    // DataPath → the input of its path; `(param, DataPathComputeBinding())` goes (v2 inputs mount by default).
    edits.push([p.data.made, `${fb.need('azure.ai.ml', 'Input')}(type="${p.data.type}", path="${p.data.uri}")`]);
    const lines = statementLines(ctx, p.data.tuple!);
    if (!lines) return undefined;
    edits.push([lines, '']);
  }
  for (const st of a.computeStmts) {
    const lines = statementLines(ctx, st);
    if (!lines) return undefined;
    edits.push([lines, '']);
  }
  // A runconfig's environment becomes the steps' environment (environment.ts rewrites its lifecycle); the runconfig goes.
  // Settings of its environment: `rc = RunConfiguration()` becomes that (anonymous) v2 environment, which the steps get.
  for (const rc of a.runconfigs) {
    if (rc.arms) {
      // `rc = RunConfiguration()` and `rc.target = x` go; each branch binds rc to its v2 environment (`rc = env`, or the
      // environment its settings make: environment.ts runConfigEnvironment, written where the branch's last setting was).
      for (const st of [rc.call.parent!.parent!, ...rc.assigns.filter((x) => same(x.parent, rc.call.parent!.parent!.parent))]) {
        if (!aloneOnLines(ctx, st)) return undefined;
        edits.push([wholeLines(ctx, st), '']);
      }
      for (const arm of rc.arms) {
        if (arm.env) {
          const envEdits = environmentEdits(fb, ctx, arm.env);
          if (!envEdits) return undefined;
          for (const [n, t] of envEdits) if (!edits.some(([m]) => same(m, n))) edits.push([n, t]);
          for (const st of arm.stmts) {
            const set = st.firstNamedChild;
            if (same(set?.childForFieldName('right'), arm.env)) edits.push([set!.childForFieldName('left')!, rc.target.text]);
            else {
              if (!aloneOnLines(ctx, st)) return undefined;
              edits.push([wholeLines(ctx, st), '']);
            }
          }
          continue;
        }
        const last = arm.settings[arm.settings.length - 1];
        const made = runConfigEnvironment(fb, ctx, last.value, arm.settings.map((x) => (x === last ? { path: x.path, value: x.value } : x)));
        if (!made) return undefined;
        edits.push([last.stmt, `${rc.target.text} = ${made.text}`], ...made.edits);
      }
      continue;
    }
    if (rc.env) {
      const envEdits = environmentEdits(fb, ctx, rc.env);
      if (!envEdits) return undefined;
      for (const [n, t] of envEdits) if (!edits.some(([m]) => same(m, n))) edits.push([n, t]);
      // (whole lines, so no blank line is left)
      const gone = (st: SyntaxNode): SyntaxNode => statementLines(ctx, st) ?? st;
      edits.push([gone(rc.call.parent!.parent!), '']);
      for (const st of rc.assigns) {
        // `rc.environment = <call>`: `rc = <the v2 environment>`, the name the steps get.
        const set = st.firstNamedChild;
        const left = set?.type === 'assignment' && same(set.childForFieldName('right'), rc.env) ? set.childForFieldName('left') : undefined;
        if (rc.env.type === 'call' && left) edits.push([left, rc.target.text]);
        else edits.push([gone(st), '']);
      }
      continue;
    }
    if (!rc.settings.length) {
      // Only a target (the steps' compute now) or nothing: the runconfig and its statements go.
      for (const st of [rc.call.parent!.parent!, ...rc.assigns]) {
        if (!aloneOnLines(ctx, st)) return undefined;
        edits.push([wholeLines(ctx, st), '']);
      }
      continue;
    }
    const made = runConfigEnvironment(fb, ctx, rc.call, rc.settings);
    if (!made) return undefined;
    edits.push([rc.call, made.text], ...made.edits);
    for (const st of rc.assigns) {
      if (rc.settings.some((x) => x.stmt && same(x.stmt, st))) continue;
      if (!aloneOnLines(ctx, st)) return undefined;
      edits.push([wholeLines(ctx, st), '']);
    }
  }
  if (a.validates.length) {
    // JobOperations.validate validates a pipeline job (azure-ai-ml _job_operations.py); the client is the workspace's.
    const wsValue = ctx.model.evaluate(a.workspace);
    let client: string;
    if (wsValue?.kind === 'instance' && wsValue.type === 'azure.ai.ml.MLClient') client = a.workspace.text;
    else {
      const made = definingCall(ctx, a.workspace);
      if (made && qnameOf(ctx, made) === 'azureml.core.Workspace.from_config' && noArgs(made)) client = fb.mlClient();
      else {
        // Another workspace (`from_config(path)`, `Workspace(...)`): its own v2 client (workspace.ts clientOf), with the edits that takes.
        const c = clientOf(fb, ctx, a.workspace);
        if (!c) return undefined;
        for (const [n, t] of c.edits) if (!edits.some(([m]) => same(m, n))) edits.push([n, t]);
        client = c.ml;
      }
    }
    for (const v of a.validates) edits.push([v, `${client}.jobs.validate(${a.target.text})`]);
  }
  // The @dsl.pipeline function: one node per step, in dependency order; parameters keep their defaults.
  const fn = `${a.target.text}_func`;
  const nodeName = (s: Step): string => `${s.target.text}_node`;
  const taken = new Set([...a.steps.map((s) => s.target.text), ...a.params.map((p) => p.name), fn]);
  if (a.steps.some((s) => taken.has(nodeName(s))) || ctx.model.moduleScope.bindings.has(fn) || ctx.model.scopeAt(a.statement).bindings.has(fn)) return undefined;
  const dsl = fb.need('azure.ai.ml', 'dsl');
  const body = a.steps.map((s) => {
    const bound = [...s.inputs.filter((d) => d.producer).map((d) => `${d.name}=${nodeName(d.producer!)}.outputs.${d.name}`), ...s.params.map((p) => `${p.name}=${p.name}`)];
    // A registered output: its name on the node's output (how-to-manage-inputs-outputs-pipeline).
    const names = s.outputs.filter((d) => d.register).map((d) => `${indent}    ${nodeName(s)}.outputs.${d.name}.name = ${JSON.stringify(d.register!.name)}\n`);
    return `${indent}    ${nodeName(s)} = ${s.target.text}(${bound.join(', ')})\n${names.join('')}`;
  });
  // DataPath parameters: pipeline inputs given at the call (no default, so first), as the docs pass data
  // to a pipeline function (https://learn.microsoft.com/azure/machine-learning/how-to-create-component-pipeline-python).
  const dataParams = a.params.filter((p) => p.data);
  const signature = [...dataParams.map((p) => p.name), ...a.params.filter((p) => !p.data).map((p) => `${p.name}=${p.target.text}`)].join(', ');
  // `PipelineData(pipeline_output_name=n)`: the pipeline job's output n, returned from the function (tutorial-pipeline-python-sdk).
  const promoted = a.data.filter((d) => d.pipelineOutput);
  if (promoted.some((d) => !d.producer || a.params.some((p) => p.name === d.pipelineOutput)) || new Set(promoted.map((d) => d.pipelineOutput)).size !== promoted.length) return undefined;
  if (promoted.length) body.push(`${indent}    return {${promoted.map((d) => `${JSON.stringify(d.pipelineOutput)}: ${nodeName(d.producer!)}.outputs.${d.name}`).join(', ')}}\n`);
  // v1 `submit(pipeline, regenerate_outputs=True)` (jobs.ts) → `force_rerun=True`: a pipeline job setting
  // the decorator takes (azure-ai-ml dsl/_pipeline_decorator.py, PipelineJobSettings.force_rerun).
  // v1 default_datastore → the decorator's default_datastore (a PipelineJobSettings field, a datastore name).
  // v1 `submit(pipeline, continue_on_step_failure=True)` (jobs.ts) → the decorator's continue_on_step_failure, also a
  // PipelineJobSettings field (azure-ai-ml dsl/_pipeline_decorator.py; v1's default, as v2's, is to stop).
  const deco = `@${dsl}.pipeline(${kwargs([['description', a.description], ['default_datastore', a.defaultDatastore && JSON.stringify(a.defaultDatastore)], ['force_rerun', settings.forceRerun ? 'True' : undefined], ['continue_on_step_failure', settings.continueOnStepFailure ? 'True' : undefined]])})`;
  // A blank line before the function, at module level, when the line above is not blank.
  const text = ctx.module.text;
  const lineStart = text.lastIndexOf('\n', a.statement.startIndex - 1);
  const above = lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 1) + 1, lineStart) : '';
  // (a run_after statement above is deleted, leaving its line blank)
  const aboveRow = a.statement.startPosition.row - 1;
  const blanked = a.steps.some((s) => s.runAfter.some((r) => r.startPosition.row === aboveRow));
  // (not when the statement opens its notebook cell: the line above is another cell's)
  const lines = ctx.module.lines;
  const opensCell = !!lines && lines[aboveRow]?.cell !== lines[a.statement.startPosition.row]?.cell;
  const gap = !indent && above.trim() && !blanked && !opensCell ? '\n' : '';
  inserts.push([a.statement, `${gap}${deco}\n${indent}def ${fn}(${signature}):\n${body.join('')}\n${indent}`]);
  for (const [n, t] of edits) fb.replace(n, t);
  for (const [n, t] of inserts) fb.replace({ start: { line: n.startPosition.row, character: n.startPosition.column }, end: { line: n.startPosition.row, character: n.startPosition.column } }, t);
  return `${fn}(${dataParams.map((p) => `${p.name}=${p.target.text}`).join(', ')})`;
}

/**
 * The v2 job one `exp.submit(pipeline, ...)` (jobs.ts) creates. `pipeline_parameters={"name": value, ...}`: v1 runs the
 * pipeline with those PipelineParameter values for that run only (azureml-pipeline-core Pipeline.submit); v2 gives a
 * pipeline's parameters when its function is called, each call a new pipeline job (PIPE; the decorator's docstring in
 * azure-ai-ml dsl/_pipeline_decorator.py: `pipeline_job = sample_pipeline_func(pipeline_str_param='literal')`): that
 * call (DataPath parameters given as the pipeline's own call gives them). Without parameters: the pipeline job itself
 * for its first submit; a later submit calls the function again, because create_or_update names a job that has no
 * name in place (JobOperations._generate_job_defaults), so the same PipelineJob submitted again would reuse that name
 * where v1 started a new run. Undefined unless `params` is a dict literal whose keys name the pipeline's (non-DataPath)
 * parameters and whose values are literals of the types a v2 pipeline input takes (str, bool, int, float:
 * _pipeline_decorator.py _validate_args; a v1 dataset given there has no such form).
 */
export function pipelineCall(ctx: RuleContext, call: SyntaxNode | undefined, submit: SyntaxNode, params: SyntaxNode | undefined): string | undefined {
  const a = call && qnameOf(ctx, call) === PIPELINE ? analysisOf(ctx, call) : undefined;
  if (!a) return undefined;
  const first = [...a.submits].sort((x, y) => x.startIndex - y.startIndex)[0];
  if (!params && first && same(first, submit)) return a.target.text;
  if (params && params.type !== 'dictionary') return undefined;
  // The function runs at this submit, reading the steps (and itself, `<pipeline>_func`) by name then: each name, and
  // each DataPath argument, must still be the pipeline's binding there (a notebook reusing `step1` for a second
  // pipeline before this submit would have the function build that one), in the pipeline's own scope.
  if (ctx.model.scopeAt(submit) !== ctx.model.scopeAt(a.target)) return undefined;
  const readAlike = (id: SyntaxNode): boolean => {
    if (id.type !== 'identifier') return true;
    // (the binding an assignment target makes, else the one a use reads)
    const b = (ctx.model.scopeAt(id).bindings.get(id.text) ?? []).find((x) => same(x.node, id)) ?? ctx.model.resolveName(id.text, id);
    return !!b && b === ctx.model.resolveName(id.text, submit);
  };
  if (![a.target, ...a.steps.map((s) => s.target), ...a.params.filter((p) => p.data).map((p) => p.target)].every(readAlike)) return undefined;
  const given = new Map<string, string>();
  for (const pair of params?.namedChildren ?? []) {
    if (pair.type === 'comment') continue;
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : undefined;
    const value = pair.childForFieldName('value');
    const name = key?.type === 'string' && !key.descendantsOfType('interpolation').length ? stringValue(key) : undefined;
    const param = a.params.find((p) => p.name === name);
    if (!param || param.data || !value || given.has(name!)) return undefined;
    if (!(['integer', 'float', 'true', 'false'].includes(value.type) || (value.type === 'string' && !value.descendantsOfType('interpolation').length))) return undefined;
    given.set(name!, value.text);
  }
  const args = [...a.params.filter((p) => p.data).map((p) => `${p.name}=${p.target.text}`), ...[...given].map(([k, v]) => `${k}=${v}`)];
  return `${a.target.text}_func(${args.join(', ')})`;
}

/**
 * `[run = ]pipeline.submit(experiment_name[, pipeline_parameters=][, continue_on_step_failure=][, regenerate_outputs=])`:
 * "Submit a pipeline run. This is equivalent to using azureml.core.Experiment.submit" (azureml-pipeline-core Pipeline.submit,
 * signature `submit(experiment_name, pipeline_parameters=None, continue_on_step_failure=False, regenerate_outputs=False,
 * parent_run_id=None, **kwargs)`), so it becomes what jobs.ts writes for `Experiment(ws, name).submit(pipeline, ...)`:
 * `ml_client.jobs.create_or_update(<the pipeline job>, experiment_name=name)` (PIPE), `regenerate_outputs=True` →
 * `force_rerun=True` and `continue_on_step_failure=True` → the decorator's (pipelineConfig), `pipeline_parameters` → the
 * function called with them (pipelineCall). The run (a statement, or a name bound once) and its uses rewritten by
 * jobs.ts as a submitted pipeline run's (pipelineRunUseEdits → jobUseEdits: waits, `RunDetails(run).show()`, `run.id`,
 * the portal URL, status, details...; not under a handler of a v1 exception). The client is the pipeline's workspace's
 * (workspace.ts clientOf), that workspace read alike at the submit.
 */
function selfSubmitEdits(fb: FixBuilder, ctx: RuleContext, a: Analysis): { edits: Edits; settings: { forceRerun?: boolean; continueOnStepFailure?: boolean } } | undefined {
  const call = a.selfSubmit!;
  const b = bindArgs(call, ['experiment_name', 'pipeline_parameters', 'continue_on_step_failure', 'regenerate_outputs'], ['experiment_name', 'pipeline_parameters', 'continue_on_step_failure', 'regenerate_outputs']);
  const name = b?.get('experiment_name');
  if (!b || !name) return undefined;
  const flag = (k: string): boolean | undefined | null => {
    const v = b.get(k);
    return !v ? false : v.type === 'true' ? true : v.type === 'false' ? false : null;
  };
  const rerun = flag('regenerate_outputs');
  const carryOn = flag('continue_on_step_failure');
  if (rerun === null || carryOn === null) return undefined;
  if (!namesSameAt(ctx, a.workspace, call)) return undefined;
  const client = clientOf(fb, ctx, a.workspace);
  if (!client) return undefined;
  const params = b.get('pipeline_parameters');
  const config = params ? pipelineCall(ctx, a.call, call, params) : a.target.text;
  if (!config) return undefined;
  const ml = client.ml;
  const uses = pipelineRunUseEdits(fb, ctx, ml, call);
  if (!uses) return undefined;
  const edits: Edits = [[call, `${ml}.jobs.create_or_update(${config}, experiment_name=${name.text})`], ...client.edits, ...uses];
  return { edits, settings: { forceRerun: rerun, continueOnStepFailure: carryOn } };
}

/** `pipeline.submit(...)`: the pipeline's fix (pipelineConfig rewrites the submission with it). */
const selfSubmit: Builder = (fb, ref, ctx) => {
  const p = pipelines(ctx).find((x) => x.analysis?.selfSubmit && same(x.analysis.selfSubmit, ref.call!));
  return p ? fb.sameFixAs(p.call) : undefined;
};

/** The pieces of a pipeline offer the pipeline's fix (through its submission when submitted). */
const piece: Builder = (fb, ref, ctx) => pipelineFixFor(fb, ctx, ref.call!);

/** A step used nowhere (not part of a pipeline) becomes a command job of its own (PIPE: PythonScriptStep → command). */
const loneStep: Builder = (fb, ref, ctx) => {
  // v1 allow_reuse is v2 is_deterministic (both: reuse a previous run with the same inputs;
  // https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml#azure-ai-ml-command).
  const accepted = ['script_name', 'name', 'arguments', 'compute_target', 'source_directory', 'allow_reuse'];
  const args = bindArgs(ref.call!, ['script_name', 'name', 'arguments', 'compute_target'], accepted);
  const scriptNode = args?.get('script_name');
  const script = scriptNode && token(scriptNode);
  const list = args?.get('arguments');
  if (!args || !script || (list && list.type !== 'list')) return undefined;
  const parts = ['python', script];
  for (const item of list?.namedChildren ?? []) {
    const t = item.type === 'comment' ? '' : token(item);
    if (t === undefined) return undefined;
    if (t) parts.push(t);
  }
  const compute = computeName(ctx, args.get('compute_target'));
  const stmt = ref.call!.parent?.type === 'assignment' ? ref.call!.parent.parent : ref.call!.parent;
  const indent = stmt ? indentOf(ctx, stmt) : undefined;
  // Not when the step is used (`Pipeline(steps=[step])`, `step.run_after(...)`): a v1 pipeline would get a v2 object.
  const target = ref.call!.parent?.type === 'assignment' ? ref.call!.parent.childForFieldName('left') ?? undefined : undefined;
  if (compute === null || compute === undefined || indent === undefined || !variableFree(ctx, ref.call!, []) || (target && usesOf(ctx, target).length)) return undefined;
  const step: Step = { target: target!, call: ref.call!, args, parts, datasets: [], values: [], inputs: [], outputs: [], params: [], after: [], compute, runAfter: [] };
  return commandText(fb, step, indent);
};

/**
 * `ct = ws.get_default_compute_target("CPU"|"GPU")` that no pipeline consumes (the MachineLearningNotebooks sklearn
 * HyperDrive notebook): azureml-core returns `self.compute_targets.get(Workspace.DEFAULT_CPU_CLUSTER_NAME)`, the
 * workspace's compute named "cpu-cluster" ("gpu-cluster" for GPU; azureml-core workspace.py, which also says to "use
 * compute_targets['name'] to retrieve an existing compute target instead"): `ml.compute.get("cpu-cluster")`, the v2
 * form of `ComputeTarget(workspace=ws, name=n)` (PIPE's mapping table), the compute's uses rewritten by workspace.ts's
 * computeUseEdits, as for that lookup (`ct.name` kept, `compute_target=ct` of a v1 call and `rc.target = ct` → `ct.name`,
 * `print(ct.get_status().serialize())` → the entity fetched again, marked for review...). Besides what that refuses,
 * a use of the compute itself that it leaves unedited (`print(ct)`, a type test): undefined (the v1 object shown or
 * tested, not the cluster of that name). (A missing cluster: v1 gives None and fails at its first use, v2 raises
 * ResourceNotFoundError at the lookup.)
 */
function defaultComputeFallback(fb: FixBuilder, ctx: RuleContext, call: SyntaxNode): string | undefined {
  const fn = call.childForFieldName('function');
  const ws = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
  const a = bindArgs(call, ['type'], ['type']);
  const kind = stringValue(a?.get('type'))?.toLowerCase();
  const target = assignedName(call);
  if (!ws || !target || (kind !== 'cpu' && kind !== 'gpu') || !soleName(ctx, target)) return undefined;
  const uses = usesOf(ctx, target);
  const c = uses.length ? clientOf(fb, ctx, ws) : undefined;
  const edits = c ? computeUseEdits(ctx, target, undefined, c.ml) : undefined;
  if (!c || !edits || uses.some((u) => !memberOf(u) && !edits.some(([n]) => same(n, u)))) return undefined;
  const name = kind === 'cpu' ? '"cpu-cluster"' : '"gpu-cluster"';
  return combined(fb, call, [[call, `${c.ml}.compute.get(${name})`], ...edits, ...c.edits]);
}

export const PIPELINES: Rewrites = {
  calls: {
    [PIPELINE]: (fb, ref, ctx) => {
      const a = analysisOf(ctx, ref.call!);
      if (!a) return undefined;
      // Submitted: jobs.ts rewrites the submission and the pipeline together.
      if (a.submits.length) return fb.sameFixAs(a.submits[0]);
      return pipelineConfig(fb, ref.call!, ctx);
    },
    [`${PIPELINE}.validate`]: piece,
    [`${PIPELINE}.submit`]: selfSubmit,
    [STEP]: (fb, ref, ctx) => pipelineFixFor(fb, ctx, ref.call!) ?? loneStep(fb, ref, ctx),
    [`${STEP}.run_after`]: piece,
    // CommandStep: a step whose command line is given as is (a node of the pipeline, as a PythonScriptStep).
    [COMMAND_STEP]: piece,
    [`${COMMAND_STEP}.run_after`]: piece,
    // EstimatorStep: a PythonScriptStep of its estimator's script and run configuration (estimatorStepOf).
    [ESTIMATOR_STEP]: piece,
    [`${OUTPUT_CONFIG}.register_on_complete`]: piece,
    [SEQUENCE]: piece,
    // `ct = ws.get_default_compute_target("CPU")` naming the compute of a pipeline's steps: the
    // pipeline's fix, which deletes the statement (the steps name "cpu-cluster").
    'azureml.core.Workspace.get_default_compute_target': (fb, ref, ctx) => pipelineFixFor(fb, ctx, ref.call!) ?? (pipelines(ctx).some((p) => p.analysis?.members.some((m) => m.startIndex <= ref.call!.startIndex && ref.call!.endIndex <= m.endIndex)) ? undefined : defaultComputeFallback(fb, ctx, ref.call!)),
    [PIPELINE_DATA]: (fb, ref, ctx) => {
      // `PipelineData(...).as_dataset()`: the data is the whole chain.
      const outer = ref.call!.parent?.type === 'attribute' && ref.call!.parent.parent?.type === 'call' ? ref.call!.parent.parent : ref.call!;
      return pipelineFixFor(fb, ctx, outer);
    },
    [`${PIPELINE_DATA}.as_dataset`]: piece,
    [`${PIPELINE_DATA}.as_mount`]: piece,
    [`${PIPELINE_DATA}.as_input`]: piece,
    [PARAMETER]: piece,
    // DataReference / DataPath + DataPathComputeBinding read by steps: inputs of their commands / of the pipeline.
    [DATA_REFERENCE]: piece,
    [DATA_PATH]: piece,
    [COMPUTE_BINDING]: piece,
    // OutputFileDatasetConfig (AML107) in a pipeline: the output of a step, rewritten with it.
    [OUTPUT_CONFIG]: piece,
    [`${OUTPUT_CONFIG}.as_input`]: piece,
    [`${OUTPUT_CONFIG}.as_mount`]: piece,
    [`${OUTPUT_CONFIG}.as_upload`]: piece,
    // A runconfig that only gives the steps their environment.
    'azureml.core.RunConfiguration': piece,
    // ParallelRunStep and its ParallelRunConfig: a parallel_run_function node of the pipeline.
    [PARALLEL_STEP]: piece,
    [PARALLEL_CONFIG]: piece,
  },
  attributes: {
    // `rc.environment = env`: the consumer environment.ts delegates to.
    'azureml.core.RunConfiguration.environment': (fb, ref, ctx) => pipelineFixFor(fb, ctx, ref.node),
    // The settings of a runconfig's environment folded into the steps' v2 environment, and its target.
    ...Object.fromEntries(['target', ...['docker.enabled', 'docker.base_image', 'python.user_managed_dependencies', 'python.conda_dependencies'].map((p) => `environment.${p}`)].map((p): [string, Builder] => [`azureml.core.RunConfiguration.${p}`, (fb, ref, ctx) => pipelineFixFor(fb, ctx, ref.node)])),
  },
};
