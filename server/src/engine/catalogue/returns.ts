/**
 * What v1 factories and methods return, for value tracking (`ws = Workspace.from_config()`
 * makes `ws` a Workspace, so `ws.get_default_datastore()` resolves). Constructors are not listed:
 * calling a class makes an instance of it. Keys and values are canonical names.
 */
import type { ReturnType } from './types';

/** Placeholder in a tuple for an item that is not a v1 object (e.g. the fitted model of `get_output()`). */
export const UNKNOWN_TYPE = '';

const WORKSPACE = 'azureml.core.Workspace';
const RUN = 'azureml.core.Run';
const MODEL = 'azureml.core.Model';
const DATASTORE = 'azureml.core.Datastore';
const DATASET = 'azureml.core.Dataset';
const TABULAR = 'azureml.data.TabularDataset';
const FILE = 'azureml.data.FileDataset';
const CONSUMPTION = 'azureml.data.dataset_consumption_config.DatasetConsumptionConfig';
const ENVIRONMENT = 'azureml.core.Environment';
const WEBSERVICE = 'azureml.core.webservice.Webservice';
const COMPUTE = 'azureml.core.compute.ComputeTarget';
const PIPELINE_RUN = 'azureml.pipeline.core.PipelineRun';

/**
 * What iterating over the result of a v1 call yields (`for child in run.get_children():`).
 * Keys are the callables; values the element class.
 */
export const ELEMENTS: Readonly<Record<string, string>> = Object.freeze({
  'azureml.core.Run.get_children': 'azureml.core.Run',
  'azureml.core.Experiment.get_runs': 'azureml.core.Run',
  'azureml.core.Experiment.list': 'azureml.core.Experiment',
  'azureml.core.Model.list': 'azureml.core.Model',
  'azureml.core.webservice.Webservice.list': 'azureml.core.webservice.Webservice',
  'azureml.core.compute.ComputeTarget.list': 'azureml.core.compute.ComputeTarget',
  'azureml.datadrift.DataDriftDetector.list': 'azureml.datadrift.DataDriftDetector',
  'azureml.pipeline.core.PublishedPipeline.list': 'azureml.pipeline.core.PublishedPipeline',
  'azureml.pipeline.core.PublishedPipeline.get_all': 'azureml.pipeline.core.PublishedPipeline',
  'azureml.pipeline.core.PipelineEndpoint.list': 'azureml.pipeline.core.PipelineEndpoint',
});

/**
 * What indexing a v1 collection yields (`ws.datasets["train"]`, `run.input_datasets["x"]`).
 * Keys are the collection attributes; values the element class.
 */
export const ITEMS: Readonly<Record<string, string>> = Object.freeze({
  'azureml.core.Workspace.datasets': DATASET,
  'azureml.core.Workspace.datastores': DATASTORE,
  'azureml.core.Workspace.compute_targets': COMPUTE,
  'azureml.core.Workspace.environments': ENVIRONMENT,
  'azureml.core.Workspace.models': MODEL,
  'azureml.core.Workspace.experiments': 'azureml.core.Experiment',
  'azureml.core.Workspace.webservices': WEBSERVICE,
  'azureml.core.Run.input_datasets': DATASET,
});

export const RETURNS: Readonly<Record<string, ReturnType>> = Object.freeze({
  // MLflow 1.x's Azure ML deployment API (catalogue/modules.ts MLFLOW_AZUREML): (image, model) and (webservice, model).
  'mlflow.azureml.build_image': { tuple: ['azureml.core.image.ContainerImage', MODEL] },
  'mlflow.azureml.deploy': { tuple: [WEBSERVICE, MODEL] },
  // Runs fetched by id.
  'azureml.core.Run.get': RUN,
  'azureml.core.Workspace.get_run': RUN,
  // Workspace
  'azureml.core.Workspace.from_config': WORKSPACE,
  'azureml.core.Workspace.get': WORKSPACE,
  'azureml.core.Workspace.create': WORKSPACE,
  'azureml.core.Workspace.get_default_datastore': DATASTORE,
  'azureml.core.Workspace.get_default_keyvault': 'azureml.core.keyvault.Keyvault',
  // In a job's script: `Run.get_context().experiment.workspace.get_default_keyvault()` (the run's experiment and
  // workspace are not typed: the rewrites key on these untyped names, see rewrites/workspace.ts).
  'azureml.core.Run.experiment.workspace.get_default_keyvault': 'azureml.core.keyvault.Keyvault',

  // Experiments and runs
  'azureml.core.Experiment.submit': RUN,
  'azureml.core.Experiment.start_logging': RUN,
  'azureml.core.Run.get_context': RUN,
  'azureml.core.Run.child_run': RUN,
  'azureml.core.Run.get_best_child': RUN,
  'azureml.core.Run.register_model': MODEL,
  // A run from exp.submit(automl_config) is an AutoMLRun, which value tracking may not know:
  // get_output() on any run is read as AutoMLRun.get_output(). Its second item is the fitted
  // model (a scikit-learn-style object), not an azureml.core.Model.
  'azureml.core.Run.get_output': { tuple: [RUN, UNKNOWN_TYPE] },
  'azureml.train.automl.run.AutoMLRun.get_output': { tuple: [RUN, UNKNOWN_TYPE] },
  'azureml.train.automl.run.AutoMLRun.get_best_child': RUN,
  'azureml.train.hyperdrive.HyperDriveRun.get_best_run_by_primary_metric': RUN,
  // Likewise a run from exp.submit(hyperdrive_config) is a HyperDriveRun.
  'azureml.core.Run.get_best_run_by_primary_metric': RUN,
  'azureml.train.automl.run.AutoMLRun.register_model': MODEL,

  // Environments
  'azureml.core.Environment.get': ENVIRONMENT,
  'azureml.core.Environment.from_conda_specification': ENVIRONMENT,
  'azureml.core.Environment.from_pip_requirements': ENVIRONMENT,
  'azureml.core.Environment.from_docker_image': ENVIRONMENT,
  'azureml.core.Environment.from_dockerfile': ENVIRONMENT,
  'azureml.core.Environment.register': ENVIRONMENT,
  // Also Environment (azureml-core Environment reference: clone, load_from_directory, from_existing_conda_environment).
  'azureml.core.Environment.clone': ENVIRONMENT,
  'azureml.core.Environment.load_from_directory': ENVIRONMENT,
  'azureml.core.Environment.from_existing_conda_environment': ENVIRONMENT,
  'azureml.core.conda_dependencies.CondaDependencies.create': 'azureml.core.conda_dependencies.CondaDependencies',

  // Compute
  'azureml.core.compute.ComputeTarget.create': COMPUTE,
  // Attaching an existing resource (Databricks, HDInsight, remote VM, Kubernetes) returns the attached target too.
  'azureml.core.compute.ComputeTarget.attach': COMPUTE,
  'azureml.core.compute.AmlCompute.provisioning_configuration': 'azureml.core.compute.amlcompute.AmlComputeProvisioningConfiguration',
  'azureml.core.compute.ComputeInstance.provisioning_configuration': 'azureml.core.compute.computeinstance.ComputeInstanceProvisioningConfiguration',

  // Datastores
  'azureml.core.Datastore.get': DATASTORE,
  'azureml.core.Datastore.get_default': DATASTORE,
  'azureml.core.Datastore.register_azure_blob_container': DATASTORE,
  'azureml.core.Datastore.register_azure_file_share': DATASTORE,
  'azureml.core.Datastore.register_azure_data_lake': DATASTORE,
  'azureml.core.Datastore.register_azure_data_lake_gen2': DATASTORE,
  'azureml.core.Datastore.register_azure_sql_database': DATASTORE,
  'azureml.core.Datastore.register_azure_postgre_sql': DATASTORE,
  'azureml.core.Datastore.register_azure_my_sql': DATASTORE,

  // Datasets
  'azureml.core.Dataset.get_by_name': DATASET,
  'azureml.core.Dataset.get_by_id': DATASET,
  'azureml.core.Dataset.register': DATASET,
  'azureml.core.Dataset.as_named_input': CONSUMPTION,
  'azureml.core.Dataset.Tabular.from_delimited_files': TABULAR,
  'azureml.core.Dataset.Tabular.from_parquet_files': TABULAR,
  'azureml.core.Dataset.Tabular.from_json_lines_files': TABULAR,
  'azureml.core.Dataset.Tabular.from_sql_query': TABULAR,
  'azureml.core.Dataset.File.from_files': FILE,
  // Upload-and-register factories (azureml-core FileDatasetFactory.upload_directory, TabularDatasetFactory.register_pandas_dataframe).
  'azureml.core.Dataset.File.upload_directory': FILE,
  'azureml.core.Dataset.Tabular.register_pandas_dataframe': TABULAR,
  'azureml.data.TabularDataset.register': TABULAR,
  'azureml.data.FileDataset.register': FILE,
  'azureml.data.TabularDataset.as_named_input': CONSUMPTION,
  'azureml.data.FileDataset.as_named_input': CONSUMPTION,
  // `train, test = ds.random_split(percentage=0.8, seed=1)`: two datasets of the same kind (azureml-core
  // TabularDataset.random_split / FileDataset.random_split, "Returns: tuple of new ... objects").
  'azureml.data.TabularDataset.random_split': { tuple: [TABULAR, TABULAR] },
  'azureml.data.FileDataset.random_split': { tuple: [FILE, FILE] },
  'azureml.core.Dataset.random_split': { tuple: [DATASET, DATASET] },
  // `ws.datasets.get("train")`: the workspace's collections are dicts (ITEMS); `get` is the item, or None.
  ...Object.fromEntries(Object.entries(ITEMS).map(([collection, item]) => [`${collection}.get`, item])),

  // Models and deployment
  'azureml.core.image.Image.create': 'azureml.core.image.Image',
  // azureml-interpret: the client of a run's explanations.
  'azureml.interpret.ExplanationClient.from_run': 'azureml.interpret.ExplanationClient',
  'azureml.interpret.ExplanationClient.from_run_id': 'azureml.interpret.ExplanationClient',
  'azureml.core.Model.register': MODEL,
  'azureml.core.Model.deploy': WEBSERVICE,
  'azureml.core.webservice.Webservice.deploy': WEBSERVICE,
  'azureml.core.webservice.Webservice.deploy_from_model': WEBSERVICE,
  'azureml.core.webservice.Webservice.deploy_from_image': WEBSERVICE,
  'azureml.core.webservice.AciWebservice.deploy_configuration': 'azureml.core.webservice.aci.AciServiceDeploymentConfiguration',
  'azureml.core.webservice.AksWebservice.deploy_configuration': 'azureml.core.webservice.aks.AksServiceDeploymentConfiguration',
  'azureml.core.webservice.LocalWebservice.deploy_configuration': 'azureml.core.webservice.local.LocalWebserviceDeploymentConfiguration',

  // Pipelines
  'azureml.pipeline.core.Pipeline.publish': 'azureml.pipeline.core.PublishedPipeline',
  'azureml.pipeline.core.PublishedPipeline.get': 'azureml.pipeline.core.PublishedPipeline',
  // Pipeline.submit: "equivalent to using Experiment.submit" (azureml-pipeline-core Pipeline.submit), a PipelineRun.
  'azureml.pipeline.core.Pipeline.submit': PIPELINE_RUN,
  'azureml.pipeline.core.PublishedPipeline.submit': PIPELINE_RUN,
  'azureml.pipeline.core.PipelineEndpoint.get': 'azureml.pipeline.core.PipelineEndpoint',
  'azureml.pipeline.core.PipelineEndpoint.publish': 'azureml.pipeline.core.PipelineEndpoint',
  'azureml.pipeline.core.PipelineEndpoint.submit': PIPELINE_RUN,
  'azureml.pipeline.core.Schedule.create': 'azureml.pipeline.core.Schedule',
  'azureml.pipeline.core.Schedule.create_for_pipeline_endpoint': 'azureml.pipeline.core.Schedule',
  'azureml.pipeline.core.Schedule.get': 'azureml.pipeline.core.Schedule',
  // azureml-pipeline-core run.py: PipelineRun.publish_pipeline(name, description, version, ...) ":rtype:
  // azureml.pipeline.core.PublishedPipeline". A run from exp.submit(pipeline) is tracked as a Run, so the Run form too.
  'azureml.pipeline.core.PipelineRun.publish_pipeline': 'azureml.pipeline.core.PublishedPipeline',
  'azureml.core.Run.publish_pipeline': 'azureml.pipeline.core.PublishedPipeline',
  // PipelineEndpoint.get_pipeline(version=None): the published pipeline of that version (or the default).
  'azureml.pipeline.core.PipelineEndpoint.get_pipeline': 'azureml.pipeline.core.PublishedPipeline',

  // Data drift (azureml-datadrift DataDriftDetector: its factories and getters return a DataDriftDetector)
  'azureml.datadrift.DataDriftDetector.create_from_datasets': 'azureml.datadrift.DataDriftDetector',
  'azureml.datadrift.DataDriftDetector.create_from_model': 'azureml.datadrift.DataDriftDetector',
  'azureml.datadrift.DataDriftDetector.get_by_name': 'azureml.datadrift.DataDriftDetector',
  'azureml.datadrift.DataDriftDetector.get_by_id': 'azureml.datadrift.DataDriftDetector',
});

/**
 * Readers every azureml-opendatasets class has, by method name: `Diabetes.get_tabular_dataset()` is a
 * TabularDataset, `MNIST.get_file_dataset()` a FileDataset
 * (https://learn.microsoft.com/azure/open-datasets/dataset-diabetes; azureml-opendatasets class reference,
 * https://learn.microsoft.com/python/api/azureml-opendatasets/azureml.opendatasets.diabetes).
 */
export const OPEN_DATASET_PACKAGE = 'azureml.opendatasets';
export const OPEN_DATASET_READERS: Readonly<Record<string, string>> = Object.freeze({
  get_tabular_dataset: TABULAR,
  get_file_dataset: FILE,
});

/**
 * The run class `Experiment.submit(config)` returns for a config of a known class. Optional
 * precision for value tracking: `RETURNS` says `Run` whatever the config is.
 */
export const SUBMITTED_RUN: Readonly<Record<string, string>> = Object.freeze({
  'azureml.core.ScriptRunConfig': 'azureml.core.ScriptRun',
  'azureml.train.hyperdrive.HyperDriveConfig': 'azureml.train.hyperdrive.HyperDriveRun',
  'azureml.train.automl.AutoMLConfig': 'azureml.train.automl.run.AutoMLRun',
  'azureml.pipeline.core.Pipeline': PIPELINE_RUN,
});

/**
 * v1 callables whose first parameter is the workspace, so that whatever is passed there is an SDK v1 `Workspace`
 * (azureml-core reference: `Experiment(workspace, name)`, `ComputeTarget(workspace, name)`, `Datastore.get(workspace,
 * datastore_name)`, `Dataset.get_by_name(workspace, name)`, `Model(workspace, name)`, `Model.register(workspace,
 * model_path, model_name)`, `Environment.get(workspace, name)`, `Webservice(workspace, name)`, `Run.get(workspace,
 * run_id)`; azureml-pipeline-core: `Pipeline(workspace, steps)`,
 * https://learn.microsoft.com/python/api/azureml-pipeline-core/azureml.pipeline.core.pipeline.pipeline). A value given
 * as `workspace=` to any v1 callable is one too (every v1 parameter of that name takes a Workspace). Read by the
 * semantic model to type a function's parameter by how the function uses it (`def make(ws): ComputeTarget(ws, "c")`).
 * Canonical names; a subclass's method is found through its base class (`AmlCompute.create`), and so is its constructor
 * (`AmlCompute(ws, name)`, `AciWebservice(ws, name)`: their base class's signature) — catalogue/index.ts takesWorkspaceFirst.
 */
export const WORKSPACE_FIRST: ReadonlySet<string> = new Set([
  'azureml.core.Experiment',
  'azureml.core.Experiment.list',
  'azureml.core.compute.ComputeTarget',
  'azureml.core.compute.ComputeTarget.create',
  'azureml.core.compute.ComputeTarget.attach',
  'azureml.core.compute.ComputeTarget.list',
  'azureml.core.compute.AmlCompute.supported_vmsizes',
  'azureml.core.Datastore',
  'azureml.core.Datastore.get',
  'azureml.core.Datastore.get_default',
  'azureml.core.Datastore.register_azure_blob_container',
  'azureml.core.Datastore.register_azure_file_share',
  'azureml.core.Datastore.register_azure_data_lake_gen2',
  'azureml.core.Dataset.get_by_name',
  'azureml.core.Dataset.get_by_id',
  'azureml.core.Model',
  'azureml.core.Model.register',
  'azureml.core.Model.list',
  'azureml.core.Model.deploy',
  'azureml.core.Environment.get',
  'azureml.core.Environment.list',
  'azureml.core.Environment.register',
  'azureml.core.Dataset.register',
  'azureml.data.TabularDataset.register',
  'azureml.data.FileDataset.register',
  'azureml.core.webservice.Webservice',
  'azureml.core.webservice.Webservice.list',
  'azureml.core.Run.get',
  'azureml.pipeline.core.Pipeline',
  'azureml.pipeline.core.PublishedPipeline.get',
  'azureml.pipeline.core.PipelineEndpoint.get',
  'azureml.pipeline.core.Schedule.get',
  'azureml.pipeline.core.Schedule.list',
]);
