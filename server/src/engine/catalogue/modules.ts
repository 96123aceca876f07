/**
 * Names and modules of SDK v1: which qualified name is canonical, which modules belong to which
 * SDK, which area a name falls into, and which names are classes.
 *
 * Canonical names are the public paths users import most (`azureml.core.Workspace`,
 * `azureml.core.compute.ComputeTarget`, `azureml.pipeline.steps.PythonScriptStep`). Every other
 * path that re-exports the same object is an alias. Re-exports were checked against the
 * `__init__.py` files of azureml-core, azureml-pipeline-core/-steps, azureml-train-core and
 * azureml-train-automl-client.
 */
import type { Area, ModuleClass } from './types';

/** True when `qname` is `prefix` or lies under it (segment-exact: `azureml_user` is not under `azureml`). */
export function isUnder(qname: string, prefix: string): boolean {
  // No `${prefix}.` string per call: rules test every reference against many prefixes.
  return qname.startsWith(prefix) && (qname.length === prefix.length || qname.charCodeAt(prefix.length) === 46 /* . */);
}

// ---------------------------------------------------------------------------------------------
// Canonical names

const CORE_RE_EXPORTS: ReadonlyArray<readonly [string, string]> = [
  ['workspace', 'Workspace'],
  ['experiment', 'Experiment'],
  ['run', 'Run'],
  ['script_run', 'ScriptRun'],
  ['script_run_config', 'ScriptRunConfig'],
  ['runconfig', 'RunConfiguration'],
  ['environment', 'Environment'],
  ['model', 'Model'],
  // azureml/core/model.py imports Dataset (for Model.register(datasets=...)); scripts import it from there.
  ['model', 'Dataset'],
  ['dataset', 'Dataset'],
  ['datastore', 'Datastore'],
  ['private_endpoint', 'PrivateEndPointConfig'],
  ['private_endpoint', 'PrivateEndPoint'],
  ['linked_service', 'LinkedService'],
  ['container_registry', 'ContainerRegistry'],
];

/** `azureml.core.compute.<module>.<Class>`, all re-exported by `azureml.core.compute`. */
const COMPUTE_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['compute', 'ComputeTarget'],
  ['amlcompute', 'AmlCompute'],
  ['computeinstance', 'ComputeInstance'],
  ['aks', 'AksCompute'],
  ['kubernetescompute', 'KubernetesCompute'],
  ['synapse', 'SynapseCompute'],
  ['databricks', 'DatabricksCompute'],
  ['hdinsight', 'HDInsightCompute'],
  ['remote', 'RemoteCompute'],
  ['datafactory', 'DataFactoryCompute'],
  ['adla', 'AdlaCompute'],
  ['batch', 'BatchCompute'],
  ['dsvm', 'DsvmCompute'],
  ['kusto', 'KustoCompute'],
];

const WEBSERVICE_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['webservice', 'Webservice'],
  ['aci', 'AciWebservice'],
  ['aks', 'AksWebservice'],
  ['aks', 'AksEndpoint'],
  ['local', 'LocalWebservice'],
];

const PIPELINE_CORE_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['pipeline', 'Pipeline'],
  ['builder', 'PipelineStep'],
  ['builder', 'PipelineData'],
  ['builder', 'StepSequence'],
  ['graph', 'PublishedPipeline'],
  ['graph', 'PipelineParameter'],
  ['graph', 'TrainingOutput'],
  ['graph', 'PipelineDataset'],
  ['schedule', 'Schedule'],
  ['schedule', 'ScheduleRecurrence'],
  ['schedule', 'TimeZone'],
  ['pipeline_endpoint', 'PipelineEndpoint'],
  ['run', 'PipelineRun'],
  ['run', 'StepRun'],
];

const PIPELINE_STEP_CLASSES: ReadonlyArray<readonly [string, string]> = [
  ['python_script_step', 'PythonScriptStep'],
  ['parallel_run_step', 'ParallelRunStep'],
  ['parallel_run_config', 'ParallelRunConfig'],
  ['hyper_drive_step', 'HyperDriveStep'],
  ['automl_step', 'AutoMLStep'],
  ['data_transfer_step', 'DataTransferStep'],
  ['databricks_step', 'DatabricksStep'],
  ['synapse_spark_step', 'SynapseSparkStep'],
  ['command_step', 'CommandStep'],
  ['mpi_step', 'MpiStep'],
  ['estimator_step', 'EstimatorStep'],
  ['r_script_step', 'RScriptStep'],
  ['adla_step', 'AdlaStep'],
  ['azurebatch_step', 'AzureBatchStep'],
  ['kusto_step', 'KustoStep'],
  ['module_step', 'ModuleStep'],
];

/** Submodules of `azureml.train.hyperdrive` whose public names the package re-exports. */
const HYPERDRIVE_SUBMODULES = ['policy', 'runconfig', 'run', 'sampling', 'parameter_expressions'];

function buildAliases(): Record<string, string> {
  const a: Record<string, string> = {};
  for (const [mod, cls] of CORE_RE_EXPORTS) a[`azureml.core.${mod}.${cls}`] = `azureml.core.${cls}`;
  // azureml.core re-exports these, but their home is a submodule (and users import them from there).
  a['azureml.core.ComputeTarget'] = 'azureml.core.compute.ComputeTarget';
  a['azureml.core.compute_target.ComputeTarget'] = 'azureml.core.compute.ComputeTarget';
  a['azureml.core.Keyvault'] = 'azureml.core.keyvault.Keyvault';
  a['azureml.core.Webservice'] = 'azureml.core.webservice.Webservice';
  a['azureml.core.Image'] = 'azureml.core.image.Image';
  a['azureml.core.image.container.ContainerImage'] = 'azureml.core.image.ContainerImage';
  a['azureml.core.image.image.Image'] = 'azureml.core.image.Image';
  a['azureml.core.environment.CondaDependencies'] = 'azureml.core.conda_dependencies.CondaDependencies';
  // azureml.core.runconfig keeps these imports "for backward compatibility" (azureml-core runconfig.py).
  a['azureml.core.runconfig.CondaDependencies'] = 'azureml.core.conda_dependencies.CondaDependencies';
  a['azureml.core.runconfig.Environment'] = 'azureml.core.Environment';
  for (const cls of ['DockerSection', 'PythonSection', 'SparkSection']) a[`azureml.core.runconfig.${cls}`] = `azureml.core.environment.${cls}`;
  a['azureml.exceptions.ComputeTargetException'] = 'azureml.core.compute_target.ComputeTargetException';
  for (const [mod, cls] of COMPUTE_CLASSES) a[`azureml.core.compute.${mod}.${cls}`] = `azureml.core.compute.${cls}`;
  for (const [mod, cls] of WEBSERVICE_CLASSES) a[`azureml.core.webservice.${mod}.${cls}`] = `azureml.core.webservice.${cls}`;
  // Dataset.Tabular / Dataset.File are the factory classes of azureml.data.dataset_factory.
  a['azureml.data.dataset_factory.TabularDatasetFactory'] = 'azureml.core.Dataset.Tabular';
  a['azureml.data.dataset_factory.FileDatasetFactory'] = 'azureml.core.Dataset.File';
  a['azureml.data.tabular_dataset.TabularDataset'] = 'azureml.data.TabularDataset';
  a['azureml.data.file_dataset.FileDataset'] = 'azureml.data.FileDataset';
  a['azureml.data.output_dataset_config.OutputFileDatasetConfig'] = 'azureml.data.OutputFileDatasetConfig';
  for (const [mod, cls] of PIPELINE_CORE_CLASSES) a[`azureml.pipeline.core.${mod}.${cls}`] = `azureml.pipeline.core.${cls}`;
  for (const [mod, cls] of PIPELINE_STEP_CLASSES) a[`azureml.pipeline.steps.${mod}.${cls}`] = `azureml.pipeline.steps.${cls}`;
  // The older contrib package shipped the first ParallelRunStep/ParallelRunConfig.
  for (const cls of ['ParallelRunStep', 'ParallelRunConfig']) {
    a[`azureml.contrib.pipeline.steps.${cls}`] = `azureml.pipeline.steps.${cls}`;
  }
  a['azureml.contrib.pipeline.steps.parallel_run_step.ParallelRunStep'] = 'azureml.pipeline.steps.ParallelRunStep';
  a['azureml.contrib.pipeline.steps.parallel_run_config.ParallelRunConfig'] = 'azureml.pipeline.steps.ParallelRunConfig';
  a['azureml.train.automl.automlconfig.AutoMLConfig'] = 'azureml.train.automl.AutoMLConfig';
  // azureml.train.automl re-exported AutoMLStep before it moved to azureml.pipeline.steps.
  a['azureml.train.automl.AutoMLStep'] = 'azureml.pipeline.steps.AutoMLStep';
  a['azureml.train.automl.automl_step.AutoMLStep'] = 'azureml.pipeline.steps.AutoMLStep';
  a['azureml.widgets.run_details.RunDetails'] = 'azureml.widgets.RunDetails';
  return a;
}

/** Alias path → canonical path. Keys and values are whole qualified names (or prefixes of them). */
export const ALIASES: Readonly<Record<string, string>> = Object.freeze(buildAliases());

/**
 * The canonical form of a qualified name: the longest alias that is a segment prefix of
 * `qname` is replaced by its canonical path (`azureml.core.workspace.Workspace.from_config` →
 * `azureml.core.Workspace.from_config`). Names that are not aliases come back unchanged.
 */
export function canonical(qname: string): string {
  // Every alias lies under `azureml` (pandas.read_csv, np.array, ... come back as they are).
  // The rest is memoised: the semantic model asks for every attribute of every imported name,
  // and the same few hundred names recur (profiled: 6% of a CLI run before this).
  if (!qname.startsWith('azureml')) return qname;
  let result = canonicalMemo.get(qname);
  if (result === undefined) {
    result = computeCanonical(qname);
    remember(canonicalMemo, qname, result);
  }
  return result;
}

/**
 * Memo tables of pure name → answer functions over the constant catalogue. Bounded: a table
 * that reaches MEMO_LIMIT entries (a language server that has seen very many names) starts
 * over, so memory stays flat.
 */
const MEMO_LIMIT = 20_000;
const canonicalMemo = new Map<string, string>();

export function remember<K, V>(memo: Map<K, V>, key: K, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

function computeCanonical(qname: string): string {
  const parts = qname.split('.');
  for (let n = parts.length; n > 0; n--) {
    const target = ALIASES[parts.slice(0, n).join('.')];
    if (target !== undefined) return [target, ...parts.slice(n)].join('.');
  }
  // azureml.train.hyperdrive.<submodule>.<Name> → azureml.train.hyperdrive.<Name>
  if (parts.length > 4 && isUnder(qname, 'azureml.train.hyperdrive') && HYPERDRIVE_SUBMODULES.includes(parts[3])) {
    return [...parts.slice(0, 3), ...parts.slice(4)].join('.');
  }
  return qname;
}

// ---------------------------------------------------------------------------------------------
// Which SDK a module belongs to

/**
 * `azureml.*` packages of the v2 era: they are not SDK v1 and must not be reported (reference
 * §8, real-world-patterns "Must stay silent"). `azureml.contrib.services` (scoring-script
 * request/response helpers) is listed here because scoring scripts use it on v2 endpoints.
 */
export const V2_ERA_AZUREML: readonly string[] = [
  'azureml.mlflow',
  'azureml.fsspec',
  'azureml.featurestore',
  'azureml.ai',
  'azureml.rag',
  'azureml.metrics',
  'azureml.evaluate',
  'azureml.acft',
  // azureml-rai-utils: helpers of the Responsible AI dashboard components (telemetry, ModelSerializer, the LLM
  // evaluation benchmarks; PyPI description "works along with the AzureML Responsible AI Dashboard experience"),
  // a v2-era feature (learn how-to-responsible-ai-dashboard-sdk-cli: built with CLI and SDK v2).
  'azureml.rai',
  'azureml.dataprep.rslex',
  'azureml.contrib.services',
  // Private helpers that v2-era component code (evaluation, fine-tuning) imports beside
  // azureml.evaluate / azureml.acft.
  'azureml._common',
];

/**
 * The Python client of Azure Machine Learning Studio (classic), PyPI package `azureml` (2015–2018, retired with the
 * classic Studio): its names sit directly in the `azureml` package (`from azureml import Workspace, services`,
 * `Workspace(workspace_id=..., authorization_token=...)`, `@services.publish(...)`; Azure-Samples/
 * Azure-MachineLearning-ClientLibrary-Python). SDK v1 puts nothing there (its code is in `azureml.core`,
 * `azureml.data`, ...), so these are not SDK v1 and are not reported: another product, with no SDK v2 form.
 */
export const STUDIO_CLASSIC_AZUREML: readonly string[] = [
  'azureml.Workspace', 'azureml.services', 'azureml.errors', 'azureml.http', 'azureml.serialization',
  'azureml.DataTypeIds', 'azureml.Dataset', 'azureml.SourceDataset', 'azureml.Datasets', 'azureml.Experiment',
  'azureml.Experiments', 'azureml.IntermediateDataset', 'azureml.Endpoints', 'azureml.AzureMLError',
  'azureml.AzureMLHttpError', 'azureml.AzureMLConflictHttpError', 'azureml.UnsupportedDatasetTypeError',
  'azureml.serialize_dataframe', 'azureml.deserialize_dataframe',
];

/**
 * The scoring script AutoML generates with a model (`scoring_file_v_2_0_0.py`, also kept under other
 * names): it imports AutoML's runtime logging (`azureml.automl.core.shared.log_server`,
 * `logging_utilities`) and `azureml.telemetry.INSTRUMENTATION_KEY`, and is recognised by the logger name
 * it sets up (`azureml.automl.core.scoring_script`, `..._v2`, `..._images`) or, for NLP models, by its DNN runtime
 * imports, beside top-level `init` and `run` functions. It is an artifact of the model, not client
 * code: SDK v2 deploys it unchanged to an online endpoint (`CodeConfiguration(code="./src",
 * scoring_script="scoring_file_v_2_0_0.py")`, learn how-to-deploy-automl-endpoint), and AutoML jobs
 * submitted with SDK v2 generate the same file. Reference §8: v1-created assets are valid in v2, only the
 * client code is migrated. In such a module the AutoML runtime and telemetry names are not reported
 * (AUTOML_SCORING_RUNTIME); any other v1 code in it still is.
 */
export function isAutomlScoringScript(text: string): boolean {
  if (!text.includes(AUTOML_SCORING_WORD)) return false;
  // Both entry points of a scoring script, at the top level (a training script that copied the logger has neither).
  if (!/^def init\(/m.test(text) || !/^def run\(/m.test(text)) return false;
  // The generated logger (`..._v2`, `..._images` for vision models), written as a getLogger/get_logger call (a textual
  // test: a commented-out call counts too; reuse.ts treats comments naming `azureml.automl` as never inert).
  if (/\bget_?[lL]ogger\(\s*(['"])azureml\.automl\.core\.scoring_script\w*\1/.test(text)) return true;
  // NLP models' generated scripts set up no such logger: they import the DNN runtime (`azureml.automl.dnn.nlp`; vision
  // scripts also `azureml.automl.dnn.vision`, formerly `azureml.contrib.automl.dnn.vision`).
  return /^\s*(?:from|import)\s+azureml\.(?:contrib\.)?automl\.dnn\./m.test(text);
}

/** A word every AutoML scoring script contains (isAutomlScoringScript); the editor's reuse checks it too (analyse.ts). */
export const AUTOML_SCORING_WORD = 'automl';

/**
 * The packages an AutoML scoring script imports from the model's own environment (see isAutomlScoringScript):
 * AutoML's runtime (`azureml.automl.*`, `azureml.train.automl.runtime`, the older `azureml.contrib.automl.dnn`)
 * and telemetry.
 */
export const AUTOML_SCORING_RUNTIME: readonly string[] = ['azureml.automl', 'azureml.train.automl.runtime', 'azureml.contrib.automl.dnn', 'azureml.telemetry'];

/**
 * MLflow 1.x's Azure ML deployment API (`mlflow.azureml.build_image`, `mlflow.azureml.deploy`): it takes an SDK v1
 * `Workspace` and makes SDK v1 objects (a ContainerImage, a Webservice, a Model), so it is SDK v1 code although it
 * ships with MLflow. Deprecated since MLflow 1.19 for the azureml-mlflow deployment plugin
 * (https://mlflow.org/docs/1.25.0/python_api/mlflow.azureml.html).
 */
export const MLFLOW_AZUREML = 'mlflow.azureml';

/**
 * v1 for `azureml` and everything under it except the v2-era packages; v2 for `azure.ai.ml`
 * and everything under it; v1 for MLflow 1.x's `mlflow.azureml` (MLFLOW_AZUREML); other for the rest
 * (`azureml_user`, `azure.ai.mlmonitoring`, `mltable`, `mlflow`, `azure.identity`...) and the Studio (classic)
 * client's names. Works on modules and on names inside them.
 */
export function classifyModule(qname: string): ModuleClass {
  if (isUnder(qname, 'azure.ai.ml')) return 'v2';
  if (isUnder(qname, MLFLOW_AZUREML)) return 'v1';
  if (isUnder(qname, 'azureml')) {
    // Memoised: asked for every reference, binding and value (the V2_ERA list is long).
    let cls = classifyMemo.get(qname);
    if (cls === undefined) {
      cls = STUDIO_CLASSIC_AZUREML.some((p) => isUnder(qname, p)) ? 'other' : V2_ERA_AZUREML.some((p) => isUnder(qname, p)) ? 'v2-era-azureml' : 'v1';
      remember(classifyMemo, qname, cls);
    }
    return cls;
  }
  return 'other';
}

const classifyMemo = new Map<string, ModuleClass>();

// ---------------------------------------------------------------------------------------------
// Areas by module prefix (for names without a catalogue entry)

/** Checked in order; the first prefix that `qname` lies under wins. */
const AREA_PREFIXES: ReadonlyArray<readonly [string, Area]> = [
  ['azureml.core.compute', 'compute'],
  ['azureml.core.compute_target', 'compute'],
  ['azureml.core.webservice', 'deployment'],
  ['azureml.core.image', 'deployment'],
  [MLFLOW_AZUREML, 'deployment'],
  ['azureml.core.model.InferenceConfig', 'deployment'],
  ['azureml.core.model', 'model'],
  ['azureml.core.Model', 'model'],
  ['azureml.pipeline', 'pipeline'],
  ['azureml.contrib.pipeline', 'pipeline'],
  ['azureml.train.hyperdrive', 'sweep'],
  ['azureml.train.automl', 'automl'],
  ['azureml.automl', 'automl'],
  ['azureml.data.azure_storage_datastore', 'datastore'],
  ['azureml.data.azure_data_lake_datastore', 'datastore'],
  ['azureml.data.azure_sql_database_datastore', 'datastore'],
  ['azureml.data.azure_my_sql_datastore', 'datastore'],
  ['azureml.data.azure_postgre_sql_datastore', 'datastore'],
  ['azureml.data', 'data'],
  ['azureml.core.Dataset', 'data'],
  ['azureml.core.dataset', 'data'],
  ['azureml.core.Datastore', 'datastore'],
  ['azureml.core.datastore', 'datastore'],
  ['azureml.core.Environment', 'environment'],
  ['azureml.core.environment', 'environment'],
  ['azureml.core.conda_dependencies', 'environment'],
  ['azureml.core.Run', 'jobs'],
  ['azureml.core.run', 'jobs'],
  ['azureml.core.ScriptRun', 'jobs'],
  ['azureml.core.script_run', 'jobs'],
  ['azureml.core.Experiment', 'jobs'],
  ['azureml.core.experiment', 'jobs'],
  ['azureml.core.ScriptRunConfig', 'jobs'],
  ['azureml.core.script_run_config', 'jobs'],
  ['azureml.core.RunConfiguration', 'jobs'],
  ['azureml.core.runconfig.EnvironmentDefinition', 'environment'],
  ['azureml.core.runconfig', 'jobs'],
  ['azureml.train.estimator', 'jobs'],
  ['azureml.train.dnn', 'jobs'],
  ['azureml.train.sklearn', 'jobs'],
  ['azureml.widgets', 'jobs'],
  ['azureml.core.Workspace', 'workspace'],
  ['azureml.core.workspace', 'workspace'],
  ['azureml.core.authentication', 'workspace'],
  ['azureml.core.keyvault', 'workspace'],
  ['azureml.core.PrivateEndPointConfig', 'workspace'],
  ['azureml.core.PrivateEndPoint', 'workspace'],
  ['azureml.core.private_endpoint', 'workspace'],
];

/** The area of a v1 name from its (canonical) module path alone; 'other' when no rule matches. */
export function areaOfModule(qname: string): Area {
  // Memoised: rules ask for the area of every v1 reference (profiled: 5% of a lint of a large
  // v1 script went to this loop of prefix tests).
  let area = areaMemo.get(qname);
  if (area === undefined) {
    const q = canonical(qname);
    area = AREA_PREFIXES.find(([prefix]) => isUnder(q, prefix))?.[1] ?? 'other';
    remember(areaMemo, qname, area);
  }
  return area;
}

const areaMemo = new Map<string, Area>();

// ---------------------------------------------------------------------------------------------
// Classes

const CLASSES: readonly string[] = [
  // azureml.core and its submodules
  ...CORE_RE_EXPORTS.map(([, cls]) => `azureml.core.${cls}`),
  'azureml.core.keyvault.Keyvault',
  'azureml.core.model.InferenceConfig',
  'azureml.core.model.ModelPackage',
  'azureml.core.conda_dependencies.CondaDependencies',
  'azureml.core.authentication.InteractiveLoginAuthentication',
  'azureml.core.authentication.ServicePrincipalAuthentication',
  'azureml.core.authentication.MsiAuthentication',
  'azureml.core.authentication.AzureCliAuthentication',
  'azureml.core.runconfig.Data',
  'azureml.core.runconfig.DataReferenceConfiguration',
  'azureml.core.runconfig.DockerConfiguration',
  'azureml.core.runconfig.EnvironmentDefinition',
  'azureml.core.runconfig.MpiConfiguration',
  'azureml.core.runconfig.PyTorchConfiguration',
  'azureml.core.runconfig.TensorflowConfiguration',
  'azureml.core.resource_configuration.ResourceConfiguration',
  // compute
  ...COMPUTE_CLASSES.map(([, cls]) => `azureml.core.compute.${cls}`),
  'azureml.core.compute.amlcompute.AmlComputeProvisioningConfiguration',
  'azureml.core.compute.computeinstance.ComputeInstanceProvisioningConfiguration',
  'azureml.core.compute_target.ComputeTargetException',
  // deployment
  ...WEBSERVICE_CLASSES.map(([, cls]) => `azureml.core.webservice.${cls}`),
  'azureml.core.webservice.aci.AciServiceDeploymentConfiguration',
  'azureml.core.webservice.aks.AksServiceDeploymentConfiguration',
  'azureml.core.webservice.local.LocalWebserviceDeploymentConfiguration',
  'azureml.core.image.Image',
  'azureml.core.image.ContainerImage',
  // data and datastores
  'azureml.data.TabularDataset',
  'azureml.data.FileDataset',
  'azureml.data.OutputFileDatasetConfig',
  'azureml.data.output_dataset_config.OutputDatasetConfig',
  'azureml.data.dataset_consumption_config.DatasetConsumptionConfig',
  'azureml.data.datapath.DataPath',
  'azureml.data.data_reference.DataReference',
  'azureml.data.sql_data_reference.SqlDataReference',
  'azureml.data.azure_storage_datastore.AzureBlobDatastore',
  'azureml.data.azure_storage_datastore.AzureFileDatastore',
  'azureml.data.azure_data_lake_datastore.AzureDataLakeDatastore',
  'azureml.data.azure_data_lake_datastore.AzureDataLakeGen2Datastore',
  'azureml.data.azure_sql_database_datastore.AzureSqlDatabaseDatastore',
  'azureml.data.azure_my_sql_datastore.AzureMySqlDatastore',
  'azureml.data.azure_postgre_sql_datastore.AzurePostgreSqlDatastore',
  // pipelines
  ...PIPELINE_CORE_CLASSES.map(([, cls]) => `azureml.pipeline.core.${cls}`),
  ...PIPELINE_STEP_CLASSES.map(([, cls]) => `azureml.pipeline.steps.${cls}`),
  // training
  'azureml.train.automl.AutoMLConfig',
  'azureml.train.automl.run.AutoMLRun',
  'azureml.train.hyperdrive.HyperDriveConfig',
  'azureml.train.hyperdrive.HyperDriveRunConfig',
  'azureml.train.hyperdrive.HyperDriveRun',
  'azureml.train.hyperdrive.RandomParameterSampling',
  'azureml.train.hyperdrive.GridParameterSampling',
  'azureml.train.hyperdrive.BayesianParameterSampling',
  'azureml.train.hyperdrive.BanditPolicy',
  'azureml.train.hyperdrive.MedianStoppingPolicy',
  'azureml.train.hyperdrive.TruncationSelectionPolicy',
  'azureml.train.hyperdrive.NoTerminationPolicy',
  'azureml.train.hyperdrive.PrimaryMetricGoal',
  'azureml.train.estimator.Estimator',
  'azureml.train.dnn.PyTorch',
  'azureml.train.dnn.TensorFlow',
  'azureml.train.dnn.Chainer',
  'azureml.train.sklearn.SKLearn',
  // other
  'azureml.widgets.RunDetails',
  'azureml.interpret.ExplanationClient',
  'azureml.datadrift.DataDriftDetector',
  'azureml.datadrift.AlertConfiguration',
  'azureml.exceptions.WorkspaceException',
  'azureml.exceptions.UserErrorException',
];

/** Canonical qualified names of the v1 classes the catalogue knows (so a call of one makes an instance). */
export const KNOWN_CLASSES: ReadonlySet<string> = new Set(CLASSES);

/**
 * Base class of a known v1 class, where members are inherited from it (so `AmlCompute`
 * instances have `ComputeTarget.wait_for_completion`, `AutoMLRun`s have `Run.log`).
 */
export const BASES: Readonly<Record<string, string>> = Object.freeze({
  'azureml.core.ScriptRun': 'azureml.core.Run',
  // DEPRECATED subclass of Environment kept in runconfig (azureml-core runconfig.py).
  'azureml.core.runconfig.EnvironmentDefinition': 'azureml.core.Environment',
  'azureml.train.automl.run.AutoMLRun': 'azureml.core.Run',
  'azureml.train.hyperdrive.HyperDriveRun': 'azureml.core.Run',
  'azureml.pipeline.core.PipelineRun': 'azureml.core.Run',
  'azureml.pipeline.core.StepRun': 'azureml.core.Run',
  ...Object.fromEntries(
    COMPUTE_CLASSES.filter(([, cls]) => cls !== 'ComputeTarget').map(([, cls]) => [`azureml.core.compute.${cls}`, 'azureml.core.compute.ComputeTarget']),
  ),
  'azureml.core.webservice.AciWebservice': 'azureml.core.webservice.Webservice',
  'azureml.core.webservice.AksWebservice': 'azureml.core.webservice.Webservice',
  'azureml.core.webservice.LocalWebservice': 'azureml.core.webservice.Webservice',
  'azureml.core.webservice.AksEndpoint': 'azureml.core.webservice.AksWebservice',
  ...Object.fromEntries(PIPELINE_STEP_CLASSES.map(([, cls]) => [`azureml.pipeline.steps.${cls}`, 'azureml.pipeline.core.PipelineStep'])),
});

/**
 * Attributes of v1 objects that hold another v1 object: a run's containing experiment (`Run(experiment, run_id)`, read
 * back as `run.experiment`) and its parent run (`run.parent`), https://learn.microsoft.com/python/api/azureml-core/azureml.core.run.run;
 * an experiment's containing workspace (`Experiment(workspace, name)`, `experiment.workspace`),
 * https://learn.microsoft.com/python/api/azureml-core/azureml.core.experiment.experiment. The model keeps such a chain's name
 * (`azureml.core.Run.experiment.workspace.get_default_datastore`: the job-client rewrites key on it); catalogue lookups
 * fall back to the name with the chain replaced by its type (typedName).
 */
export const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = {
  'azureml.core.Run.experiment': 'azureml.core.Experiment',
  'azureml.core.Run.parent': 'azureml.core.Run',
  'azureml.core.Experiment.workspace': 'azureml.core.Workspace',
};

/**
 * `qname` with its leading attribute chain replaced by the chain's type, repeatedly (ATTRIBUTE_TYPES):
 * `azureml.core.Run.experiment.workspace.get_default_datastore` → `azureml.core.Workspace.get_default_datastore`.
 * The name itself when it starts with no such chain.
 */
export function typedName(qname: string): string {
  let q = qname;
  for (let step = 0; step < 8; step++) {
    const chain = Object.keys(ATTRIBUTE_TYPES).find((c) => q === c || q.startsWith(`${c}.`));
    if (!chain) break;
    q = ATTRIBUTE_TYPES[chain] + q.slice(chain.length);
  }
  return q;
}

/**
 * The names to try for `qname` in order: itself, then the same member on each base class
 * (`azureml.core.compute.AmlCompute.wait_for_completion` → `azureml.core.compute.ComputeTarget.wait_for_completion`).
 * `qname` must already be canonical.
 */
export function inheritedNames(qname: string): string[] {
  const out = [qname];
  for (let q = qname; ; ) {
    // The owner is everything before the last dot (a member of a member has no base class).
    // A direct map lookup: this was `Object.keys(BASES).find(...)` per name, per step.
    const dot = q.lastIndexOf('.');
    const base = dot > 0 ? BASE_OF.get(q.slice(0, dot)) : undefined;
    if (base === undefined) return out;
    q = `${base}${q.slice(dot)}`;
    out.push(q);
  }
}

const BASE_OF: ReadonlyMap<string, string> = new Map(Object.entries(BASES));
