/**
 * The v1 → v2 table: every v1 row of the knowledge base's mapping tables (§2.1–§2.12) and its
 * table of features without a v2 equivalent (§3), plus the v1 APIs real code uses most.
 *
 * Snippets assume an `ml_client` made as in `MLClient.from_config(credential=DefaultAzureCredential())`
 * and import every other name they use. "(inferred)" marks a pairing the docs do not state;
 * "UNCONFIRMED" marks a fact no primary source confirmed.
 */
import { DOC } from './docs';
import type { CatalogueEntry, V2Replacement } from './types';

function v2(name: string, ...lines: string[]): V2Replacement {
  return { name, snippet: lines.join('\n') };
}

// Snippets shared by several entries.

const MLCLIENT_FROM_CONFIG = v2(
  'azure.ai.ml.MLClient.from_config',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  '',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
);

const MLCLIENT = v2(
  'azure.ai.ml.MLClient',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  '',
  'ml_client = MLClient(',
  '    DefaultAzureCredential(),',
  '    subscription_id="<subscription-id>",',
  '    resource_group_name="<resource-group>",',
  '    workspace_name="<workspace>",',
  ')',
);

const PRIVATE_ENDPOINT = v2(
  'azure.ai.ml.entities.Workspace',
  'from azure.ai.ml.entities import Workspace',
  '',
  'ws = Workspace(name="<workspace>", location="<region>", image_build_compute="cpu-compute", public_network_access="Disabled")',
  'ml_client.workspaces.begin_create(ws).result()',
  '# then: az network private-endpoint create --group-id amlworkspace ...',
);

const NO_KEYVAULT_NOTE =
  "SDK v2 has no Key Vault access (v1 set_secret and get_secret aren't available in v2): use the Key Vault client libraries (pip azure-keyvault-secrets).";

const JOB_SUBMIT = v2('azure.ai.ml.MLClient.jobs.create_or_update', 'returned_job = ml_client.jobs.create_or_update(job, experiment_name="<experiment>")');

const COMMAND_JOB = v2(
  'azure.ai.ml.command',
  'from azure.ai.ml import command, Input',
  'from azure.ai.ml.constants import AssetTypes',
  '',
  'job = command(',
  '    code="./src",',
  '    command="python train.py --data ${{inputs.data}}",',
  '    inputs={"data": Input(type=AssetTypes.URI_FOLDER, path="azureml://datastores/<datastore>/paths/<path>")},',
  '    environment="azureml:<environment>:<version>",',
  '    compute="cpu-cluster",',
  ')',
  'returned_job = ml_client.jobs.create_or_update(job)',
);

const JOB_STREAM = v2('azure.ai.ml.MLClient.jobs.stream', 'ml_client.jobs.stream(returned_job.name)');

const LOG_DICT = v2('mlflow.log_dict', 'import mlflow', '', 'mlflow.log_dict(table, "table.json")');

const ENVIRONMENT_CONDA = v2(
  'azure.ai.ml.entities.Environment',
  'from azure.ai.ml.entities import Environment',
  '',
  'env = Environment(name="<environment>", image="mcr.microsoft.com/azureml/<base-image>", conda_file="conda.yml")',
  'ml_client.environments.create_or_update(env)',
);

const CONDA_FILE = v2(
  'azure.ai.ml.entities.Environment',
  'from azure.ai.ml.entities import Environment',
  '',
  'env = Environment(',
  '    name="<environment>",',
  '    image="mcr.microsoft.com/azureml/<base-image>",',
  '    conda_file={"dependencies": ["python=3.10", "pip", {"pip": ["scikit-learn"]}]},',
  ')',
);

const AML_COMPUTE = v2(
  'azure.ai.ml.entities.AmlCompute',
  'from azure.ai.ml.entities import AmlCompute',
  '',
  'cluster = AmlCompute(name="cpu-cluster", type="amlcompute", size="STANDARD_DS3_V2", max_instances=4)',
  'ml_client.begin_create_or_update(cluster).result()',
);

const COMPUTE_INSTANCE = v2(
  'azure.ai.ml.entities.ComputeInstance',
  'from azure.ai.ml.entities import ComputeInstance',
  '',
  'instance = ComputeInstance(name="<instance>", size="STANDARD_DS3_V2", idle_time_before_shutdown_minutes=30)',
  'ml_client.begin_create_or_update(instance).result()',
);

const KUBERNETES_COMPUTE = v2(
  'azure.ai.ml.entities.KubernetesCompute',
  'from azure.ai.ml.entities import KubernetesCompute',
  '',
  '# attach an AKS or Arc cluster as a KubernetesCompute, or: az ml compute attach ...',
);

const DATASTORE_GET = v2('azure.ai.ml.MLClient.datastores.get', 'datastore = ml_client.datastores.get(name="<datastore>")');

const DEFAULT_DATASTORE = v2('azure.ai.ml.MLClient.datastores.get_default', 'datastore = ml_client.datastores.get_default()');

const SQL_DATASTORE_NOTE =
  'SQL and database datastores are not supported in v2: export the data to object storage (usually Blob); Import data (preview) is deprecated and unavailable after 2026-09-30, Microsoft Fabric is the recommended route.';

const AZURE_BLOB_DATASTORE = v2(
  'azure.ai.ml.entities.AzureBlobDatastore',
  'from azure.ai.ml.entities import AzureBlobDatastore, AccountKeyConfiguration',
  '',
  'store = AzureBlobDatastore(',
  '    name="<datastore>",',
  '    account_name="<account>",',
  '    container_name="<container>",',
  '    credentials=AccountKeyConfiguration(account_key="<key>"),',
  ')',
  'ml_client.create_or_update(store)',
);

const AZURE_FILE_DATASTORE = v2(
  'azure.ai.ml.entities.AzureFileDatastore',
  'from azure.ai.ml.entities import AzureFileDatastore, AccountKeyConfiguration',
  '',
  'store = AzureFileDatastore(',
  '    name="<datastore>",',
  '    account_name="<account>",',
  '    file_share_name="<share>",',
  '    credentials=AccountKeyConfiguration(account_key="<key>"),',
  ')',
  'ml_client.create_or_update(store)',
);

const ADLS_GEN2_DATASTORE = v2(
  'azure.ai.ml.entities.AzureDataLakeGen2Datastore',
  'from azure.ai.ml.entities import AzureDataLakeGen2Datastore',
  '',
  'store = AzureDataLakeGen2Datastore(name="<datastore>", account_name="<account>", filesystem="<filesystem>")',
  'ml_client.create_or_update(store)',
);

const ADLS_GEN1_DATASTORE = v2(
  'azure.ai.ml.entities.AzureDataLakeGen1Datastore',
  'from azure.ai.ml.entities import AzureDataLakeGen1Datastore',
  '',
  'store = AzureDataLakeGen1Datastore(name="<datastore>", store_name="<adls-gen1-account>")',
  'ml_client.create_or_update(store)',
);

const DATA_URI_FOLDER = v2(
  'azure.ai.ml.entities.Data',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.entities import Data',
  '',
  'data = Data(name="<name>", version="1", path="azureml://datastores/<datastore>/paths/<folder>", type=AssetTypes.URI_FOLDER)',
  'ml_client.data.create_or_update(data)',
);

const DATA_MLTABLE = v2(
  'azure.ai.ml.entities.Data',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.entities import Data',
  '',
  '# the folder holds the files and an MLTable file that describes how to read them',
  'data = Data(name="<name>", version="1", path="azureml://datastores/<datastore>/paths/<folder>", type=AssetTypes.MLTABLE)',
  'ml_client.data.create_or_update(data)',
);

const DATA_REGISTER = v2(
  'azure.ai.ml.MLClient.data.create_or_update',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.entities import Data',
  '',
  'ml_client.data.create_or_update(Data(name="<name>", version="1", path="<path>", type=AssetTypes.MLTABLE))',
);

const DATA_GET = v2('azure.ai.ml.MLClient.data.get', 'data = ml_client.data.get(name="<name>", label="latest")');

const INPUT_NAMED = v2(
  'azure.ai.ml.Input',
  'from azure.ai.ml import command, Input',
  '',
  'job = command(',
  '    code="./src",',
  '    command="python train.py --data ${{inputs.data}}",',
  '    inputs={"data": Input(type="uri_folder", path="azureml:<name>:<version>")},',
  '    environment="azureml:<environment>:<version>",',
  '    compute="cpu-cluster",',
  ')',
);

const INPUT_MOUNT = v2(
  'azure.ai.ml.Input',
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes, InputOutputModes',
  '',
  'data = Input(type=AssetTypes.URI_FOLDER, path="azureml:<name>:<version>", mode=InputOutputModes.RO_MOUNT)',
);

const INPUT_DOWNLOAD = v2(
  'azure.ai.ml.Input',
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes, InputOutputModes',
  '',
  'data = Input(type=AssetTypes.URI_FOLDER, path="azureml:<name>:<version>", mode=InputOutputModes.DOWNLOAD)',
);

const INPUT_PATH = v2(
  'azure.ai.ml.Input',
  'from azure.ai.ml import Input',
  'from azure.ai.ml.constants import AssetTypes',
  '',
  'data = Input(type=AssetTypes.URI_FOLDER, path="azureml://datastores/<datastore>/paths/<path>")',
);

const OUTPUT = v2(
  'azure.ai.ml.Output',
  'from azure.ai.ml import Output',
  'from azure.ai.ml.constants import AssetTypes',
  '',
  'outputs = {"prepped": Output(type=AssetTypes.URI_FOLDER, path="azureml://datastores/<datastore>/paths/<path>")}',
);

const MLTABLE_PANDAS = v2(
  'mltable.load',
  'import mltable',
  '',
  'df = mltable.load("<folder with an MLTable file>").to_pandas_dataframe()',
);

const MODEL_CREATE = v2(
  'azure.ai.ml.MLClient.models.create_or_update',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.entities import Model',
  '',
  'model = Model(path="./model", name="<model>", type=AssetTypes.CUSTOM_MODEL)',
  'ml_client.models.create_or_update(model)',
);

const ONLINE_DEPLOYMENT = v2(
  'azure.ai.ml.entities.ManagedOnlineDeployment',
  'from azure.ai.ml.entities import CodeConfiguration, ManagedOnlineDeployment, ManagedOnlineEndpoint',
  '',
  'endpoint = ManagedOnlineEndpoint(name="<endpoint>", auth_mode="key")',
  'ml_client.begin_create_or_update(endpoint).result()',
  'deployment = ManagedOnlineDeployment(',
  '    name="blue",',
  '    endpoint_name="<endpoint>",',
  '    model="azureml:<model>:<version>",',
  '    environment="azureml:<environment>:<version>",',
  '    code_configuration=CodeConfiguration(code="./src", scoring_script="score.py"),',
  '    instance_type="Standard_DS3_v2",',
  '    instance_count=1,',
  ')',
  'ml_client.begin_create_or_update(deployment).result()',
);

const ONLINE_ENDPOINT = v2(
  'azure.ai.ml.entities.ManagedOnlineEndpoint',
  'from azure.ai.ml.entities import ManagedOnlineEndpoint',
  '',
  'endpoint = ManagedOnlineEndpoint(name="<endpoint>", auth_mode="key")',
  'ml_client.begin_create_or_update(endpoint).result()',
  '# then a ManagedOnlineDeployment with the model, environment, code and instance_type',
);

const KUBERNETES_ENDPOINT = v2(
  'azure.ai.ml.entities.KubernetesOnlineEndpoint',
  'from azure.ai.ml.entities import KubernetesOnlineEndpoint',
  '',
  '# or a ManagedOnlineEndpoint, which needs no cluster',
  'endpoint = KubernetesOnlineEndpoint(name="<endpoint>", compute="<kubernetes-compute>", auth_mode="key")',
  'ml_client.begin_create_or_update(endpoint).result()',
);

const LOCAL_ENDPOINT = v2(
  'azure.ai.ml.MLClient.online_endpoints.begin_create_or_update',
  'ml_client.online_endpoints.begin_create_or_update(endpoint, local=True)',
  '# and create the deployment with local=True too',
);

const DEPLOYMENT_CREATE = v2('azure.ai.ml.MLClient.begin_create_or_update', 'ml_client.begin_create_or_update(deployment).result()');

const COMMAND_COMPONENT = v2(
  'azure.ai.ml.command',
  'from azure.ai.ml import command, Input, Output',
  '',
  'prep = command(',
  '    code="./prep",',
  '    command="python prep.py --raw ${{inputs.raw}} --out ${{outputs.prepped}}",',
  '    inputs={"raw": Input(type="uri_folder")},',
  '    outputs={"prepped": Output(type="uri_folder")},',
  '    environment="azureml:<environment>:<version>",',
  ')',
  '# call prep(raw=...) as a node inside a @dsl.pipeline function',
);

const LOADED_COMPONENT = v2(
  'azure.ai.ml.load_component',
  'from azure.ai.ml import load_component',
  '',
  'prep = load_component(source="prep.yml")  # a command component; call it inside a @dsl.pipeline function',
);

const DATA_DEPENDENCY = v2(
  'azure.ai.ml.dsl.pipeline',
  'from azure.ai.ml import dsl',
  '',
  '@dsl.pipeline()',
  'def train_pipeline(raw):',
  '    prep_node = prep(raw=raw)',
  '    train(data=prep_node.outputs.prepped)  # runs after prep because it consumes its output',
);

const PARALLEL_RUN = v2(
  'azure.ai.ml.parallel.parallel_run_function',
  'from azure.ai.ml import Input, Output',
  'from azure.ai.ml.constants import AssetTypes',
  'from azure.ai.ml.parallel import parallel_run_function, RunFunction',
  '',
  'batch_score = parallel_run_function(',
  '    inputs={"data": Input(type=AssetTypes.MLTABLE)},',
  '    outputs={"scores": Output(type=AssetTypes.URI_FOLDER)},',
  '    input_data="${{inputs.data}}",',
  '    mini_batch_size="10",',
  '    task=RunFunction(code="./src", entry_script="score.py", environment="azureml:<environment>:<version>"),',
  ')',
);

const PIPELINE_COMPONENT_DEPLOYMENT = v2(
  'azure.ai.ml.entities.PipelineComponentBatchDeployment',
  'from azure.ai.ml.entities import BatchEndpoint, PipelineComponentBatchDeployment',
  '',
  'component = ml_client.components.create_or_update(train_pipeline().component)',
  'ml_client.batch_endpoints.begin_create_or_update(BatchEndpoint(name="<endpoint>")).result()',
  'deployment = PipelineComponentBatchDeployment(name="<deployment>", endpoint_name="<endpoint>", component=component)',
  'ml_client.batch_deployments.begin_create_or_update(deployment).result()',
);

const BATCH_ENDPOINT_INVOKE = v2(
  'azure.ai.ml.MLClient.batch_endpoints.invoke',
  'from azure.ai.ml import Input',
  '',
  'job = ml_client.batch_endpoints.invoke(endpoint_name="<endpoint>", deployment_name="<deployment>", inputs={"raw": Input(type="uri_folder", path="<path>")})',
);

const BATCH_ENDPOINT_LIST = v2(
  'azure.ai.ml.MLClient.batch_endpoints.list',
  'for endpoint in ml_client.batch_endpoints.list():',
  '    deployments = ml_client.batch_deployments.list(endpoint_name=endpoint.name)',
);

const JOB_SCHEDULE = v2(
  'azure.ai.ml.entities.JobSchedule',
  'from azure.ai.ml.entities import JobSchedule, RecurrenceTrigger',
  '',
  'trigger = RecurrenceTrigger(frequency="day", interval=1)',
  'schedule = JobSchedule(name="<schedule>", trigger=trigger, create_job=pipeline_job)',
  'ml_client.schedules.begin_create_or_update(schedule=schedule).result()',
);

const SWEEP_JOB = v2(
  'azure.ai.ml.command',
  'from azure.ai.ml import command',
  'from azure.ai.ml.sweep import Choice, Uniform',
  '',
  'job = command(',
  '    code="./src",',
  '    command="python train.py --lr ${{inputs.lr}} --batch ${{inputs.batch}}",',
  '    inputs={"lr": Uniform(min_value=0.001, max_value=0.1), "batch": Choice(values=[16, 32])},',
  '    environment="azureml:<environment>:<version>",',
  '    compute="cpu-cluster",',
  ')',
  'sweep_job = job.sweep(sampling_algorithm="random", primary_metric="accuracy", goal="Maximize")',
  'sweep_job.set_limits(max_total_trials=20, max_concurrent_trials=4, timeout=7200)',
  'returned_job = ml_client.jobs.create_or_update(sweep_job)',
);

const GOAL = v2('azure.ai.ml.entities.Command.sweep', 'sweep_job = job.sweep(sampling_algorithm="random", primary_metric="accuracy", goal="Maximize")');

function sampling(algorithm: string, cls: string): V2Replacement {
  return v2(
    `azure.ai.ml.sweep.${cls}`,
    `sweep_job = job.sweep(sampling_algorithm="${algorithm}", primary_metric="accuracy", goal="Maximize")`,
    `# or sampling_algorithm=${cls}() from azure.ai.ml.sweep`,
  );
}

function expression(cls: string, args: string): V2Replacement {
  return v2(`azure.ai.ml.sweep.${cls}`, `from azure.ai.ml.sweep import ${cls}`, '', `inputs={"x": ${cls}(${args})}`);
}

function policy(cls: string, args: string): V2Replacement {
  return v2(`azure.ai.ml.sweep.${cls}`, `from azure.ai.ml.sweep import ${cls}`, '', `sweep_job.early_termination = ${cls}(${args})`);
}

const AUTOML = v2(
  'azure.ai.ml.automl.classification',
  'from azure.ai.ml import automl, Input',
  'from azure.ai.ml.constants import AssetTypes',
  '',
  'job = automl.classification(',
  '    compute="cpu-cluster",',
  '    experiment_name="<experiment>",',
  '    training_data=Input(type=AssetTypes.MLTABLE, path="./training-mltable-folder"),',
  '    target_column_name="<label>",',
  '    primary_metric="accuracy",',
  '    n_cross_validations=5,',
  ')',
  'job.set_limits(timeout_minutes=60, trial_timeout_minutes=20, max_trials=20, max_concurrent_trials=4, enable_early_termination=True)',
  'returned_job = ml_client.jobs.create_or_update(job)',
);

// ---------------------------------------------------------------------------------------------

const WORKSPACE: CatalogueEntry[] = [
  {
    v1: 'azureml.core.Workspace',
    kind: 'replaced',
    area: 'workspace',
    v2: MLCLIENT,
    note: 'The v2 handle to a workspace is MLClient, built with an explicit azure.identity credential; resource_group becomes resource_group_name.',
    doc: DOC.WS,
  },
  {
    v1: 'azureml.core.Workspace.from_config',
    kind: 'moved',
    area: 'workspace',
    v2: MLCLIENT_FROM_CONFIG,
    note: 'v2 needs an explicit credential from azure.identity.',
    doc: DOC.WS,
  },
  {
    v1: 'azureml.core.Workspace.get',
    kind: 'replaced',
    area: 'workspace',
    v2: MLCLIENT,
    note: 'Build an MLClient for the workspace; resource_group becomes resource_group_name.',
    doc: DOC.WS,
  },
  {
    v1: 'azureml.core.Workspace.create',
    kind: 'replaced',
    area: 'workspace',
    v2: v2(
      'azure.ai.ml.MLClient.workspaces.begin_create',
      'from azure.ai.ml import MLClient',
      'from azure.ai.ml.entities import Workspace',
      'from azure.identity import DefaultAzureCredential',
      '',
      'ml_client = MLClient(DefaultAzureCredential(), subscription_id="<subscription-id>", resource_group_name="<resource-group>")',
      'ws = ml_client.workspaces.begin_create(Workspace(name="<workspace>", location="<region>", display_name="<display name>")).result()',
    ),
    note: 'Create the MLClient without workspace_name and pass an azure.ai.ml.entities.Workspace to workspaces.begin_create.',
    doc: DOC.WS,
  },
  {
    v1: 'azureml.core.Workspace.add_private_endpoint',
    kind: 'replaced',
    area: 'workspace',
    v2: PRIVATE_ENDPOINT,
    note: 'The docs show no SDK v2 call for private endpoints: create the workspace with public_network_access="Disabled" and add the endpoint with az network private-endpoint create.',
    doc: DOC.WS,
  },
  {
    v1: 'azureml.core.PrivateEndPointConfig',
    kind: 'replaced',
    area: 'workspace',
    v2: PRIVATE_ENDPOINT,
    note: 'The docs show no SDK v2 private-endpoint configuration: create the workspace with public_network_access="Disabled" and add the endpoint with az network private-endpoint create.',
    doc: DOC.WS,
  },
  {
    v1: 'azureml.core.Workspace.get_details',
    kind: 'replaced',
    area: 'workspace',
    v2: v2('azure.ai.ml.MLClient.workspaces.get', 'ws = ml_client.workspaces.get(ml_client.workspace_name)'),
    note: '(inferred) workspaces.get returns the azure.ai.ml.entities.Workspace with its properties.',
    doc: DOC.WS,
  },
  {
    v1: 'azureml.core.Workspace.write_config',
    kind: 'no-v2-equivalent',
    area: 'workspace',
    // azure-ai-ml _ml_client.py from_config: `.azureml/`, `aml_config/` or the folder itself, searched up from `path`.
    note: 'SDK v2 has no method that writes the config file; MLClient.from_config reads the one v1 wrote (.azureml/config.json, searched for up from the current folder): write it with json (the fix does).',
    doc: DOC.MIG,
  },
  {
    v1: 'azureml.core.Workspace.update',
    kind: 'replaced',
    area: 'workspace',
    v2: v2(
      'azure.ai.ml.entities.Workspace',
      'from azure.ai.ml.entities import Workspace',
      '',
      'ws = Workspace(name="<workspace>", public_network_access="Enabled")',
      '# CLI v2: az ml workspace update --name <workspace> --set public_network_access=Enabled',
    ),
    note: 'allow_public_access_when_behind_vnet becomes public_network_access, which the docs recommend; the v1_legacy_mode flag has no v2 SDK or CLI parameter.',
    doc: DOC.PL,
  },
  {
    v1: 'azureml.core.Workspace.get_default_keyvault',
    kind: 'no-v2-equivalent',
    area: 'workspace',
    note: NO_KEYVAULT_NOTE,
    doc: DOC.MIG,
  },
  { v1: 'azureml.core.keyvault.Keyvault', kind: 'no-v2-equivalent', area: 'workspace', note: NO_KEYVAULT_NOTE, doc: DOC.MIG },
  { v1: 'azureml.core.keyvault.Keyvault.get_secret', kind: 'no-v2-equivalent', area: 'workspace', note: NO_KEYVAULT_NOTE, doc: DOC.MIG },
  { v1: 'azureml.core.keyvault.Keyvault.set_secret', kind: 'no-v2-equivalent', area: 'workspace', note: NO_KEYVAULT_NOTE, doc: DOC.MIG },
  { v1: 'azureml.core.Run.get_secret', kind: 'no-v2-equivalent', area: 'workspace', note: NO_KEYVAULT_NOTE, doc: DOC.MIG },
  {
    v1: 'azureml.core.authentication.InteractiveLoginAuthentication',
    kind: 'replaced',
    area: 'workspace',
    v2: v2(
      'azure.identity.InteractiveBrowserCredential',
      'from azure.ai.ml import MLClient',
      'from azure.identity import InteractiveBrowserCredential',
      '',
      'ml_client = MLClient.from_config(credential=InteractiveBrowserCredential())',
    ),
    note: '(inferred) v2 takes azure.identity credentials; a v1 authentication object cannot be handed to MLClient.',
    doc: DOC.PIPE,
  },
  ...['ServicePrincipalAuthentication', 'MsiAuthentication', 'AzureCliAuthentication'].map(
    (cls): CatalogueEntry => ({
      v1: `azureml.core.authentication.${cls}`,
      kind: 'replaced',
      area: 'workspace',
      v2: v2(
        'azure.identity.DefaultAzureCredential',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        '',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
      ),
      note: '(inferred) v2 takes azure.identity credentials such as DefaultAzureCredential; a v1 authentication object cannot be handed to MLClient.',
      doc: DOC.PIPE,
    }),
  ),
];

const JOBS: CatalogueEntry[] = [
  {
    v1: 'azureml.core.Experiment',
    kind: 'replaced',
    area: 'jobs',
    v2: JOB_SUBMIT,
    note: 'Experiments, runs and pipelines are consolidated into jobs; the experiment is a name given to the job.',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.Experiment.submit',
    kind: 'replaced',
    area: 'jobs',
    v2: JOB_SUBMIT,
    note: 'Submit the command, sweep, pipeline or AutoML job with ml_client.jobs.create_or_update.',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.ScriptRunConfig',
    kind: 'replaced',
    area: 'jobs',
    v2: COMMAND_JOB,
    note: "A command job: script arguments become ${{inputs.x}} expressions, and compute_target='local' becomes compute='local'.",
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.RunConfiguration',
    kind: 'replaced',
    area: 'jobs',
    v2: COMMAND_JOB,
    note: '(inferred) Its settings (environment, compute, distribution) become arguments of command(...).',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.Run',
    kind: 'replaced',
    area: 'jobs',
    v2: v2('azure.ai.ml.entities.Job', 'returned_job = ml_client.jobs.create_or_update(job)', 'print(returned_job.studio_url)'),
    note: 'Runs are jobs in v2; inside training scripts log with MLflow instead.',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.Run.get_portal_url',
    kind: 'replaced',
    area: 'jobs',
    v2: v2('azure.ai.ml.entities.Job.studio_url', 'returned_job = ml_client.jobs.create_or_update(job)', 'print(returned_job.studio_url)'),
    note: 'The job returned by create_or_update has studio_url (also services["Studio"].endpoint).',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.Run.wait_for_completion',
    kind: 'replaced',
    area: 'jobs',
    v2: JOB_STREAM,
    note: 'jobs.stream streams the job logs until the job completes.',
    doc: DOC.SDK_JOBS,
  },
  {
    v1: 'azureml.core.Run.download_files',
    kind: 'replaced',
    area: 'jobs',
    v2: v2('azure.ai.ml.MLClient.jobs.download', 'ml_client.jobs.download(returned_job.name, download_path="./outputs", all=True)'),
    note: '(inferred pairing) jobs.download fetches job outputs; output_name= picks one named output.',
    doc: DOC.SDK_JOBS,
  },
  {
    v1: 'azureml.core.runconfig.MpiConfiguration',
    kind: 'replaced',
    area: 'jobs',
    v2: v2(
      'azure.ai.ml.MpiDistribution',
      'from azure.ai.ml import command, MpiDistribution',
      '',
      'job = command(code="./src", command="python train.py", environment="azureml:<environment>:<version>", compute="gpu-cluster",',
      '              instance_count=2, distribution=MpiDistribution(process_count_per_instance=2))',
    ),
    note: '(inferred by name) Pass an MpiDistribution as the distribution of the command job.',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.runconfig.PyTorchConfiguration',
    kind: 'replaced',
    area: 'jobs',
    v2: v2(
      'azure.ai.ml.PyTorchDistribution',
      'from azure.ai.ml import command, PyTorchDistribution',
      '',
      'job = command(code="./src", command="python train.py", environment="azureml:<environment>:<version>", compute="gpu-cluster",',
      '              instance_count=2, distribution=PyTorchDistribution(process_count_per_instance=4))',
    ),
    note: '(inferred by name) Pass a PyTorchDistribution as the distribution of the command job.',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.core.runconfig.TensorflowConfiguration',
    kind: 'replaced',
    area: 'jobs',
    v2: v2(
      'azure.ai.ml.TensorFlowDistribution',
      'from azure.ai.ml import command, TensorFlowDistribution',
      '',
      'job = command(code="./src", command="python train.py", environment="azureml:<environment>:<version>", compute="gpu-cluster",',
      '              instance_count=2, distribution=TensorFlowDistribution(worker_count=2))',
    ),
    note: '(inferred by name) Pass a TensorFlowDistribution as the distribution of the command job.',
    doc: DOC.CMD,
  },
  ...['azureml.train.estimator.Estimator', 'azureml.train.dnn.PyTorch', 'azureml.train.dnn.TensorFlow', 'azureml.train.dnn.Chainer', 'azureml.train.sklearn.SKLearn'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'jobs',
      v2: COMMAND_JOB,
      note: 'Estimator-based training becomes a command job.',
      doc: DOC.PIPE,
    }),
  ),
  {
    v1: 'azureml.widgets.RunDetails',
    kind: 'replaced',
    area: 'jobs',
    v2: JOB_STREAM,
    note: '(inferred) No v2 notebook widget is documented: stream the job logs, or open returned_job.studio_url.',
    doc: DOC.CMD,
  },
  {
    v1: 'azureml.widgets.RunDetails.show',
    kind: 'replaced',
    area: 'jobs',
    v2: JOB_STREAM,
    note: '(inferred) No v2 notebook widget is documented: stream the job logs, or open returned_job.studio_url.',
    doc: DOC.CMD,
  },
];

const LOGGING: CatalogueEntry[] = [
  {
    v1: 'azureml.core.Run.get_context',
    kind: 'replaced',
    area: 'logging',
    v2: v2('mlflow.log_metric', 'import mlflow', '', '# inside an Azure ML job MLflow is already connected to the workspace', 'mlflow.log_metric("accuracy", 0.91)'),
    note: 'Scripts using Run.get_context() still run as v2 jobs, but the docs say to replace it with MLflow (pip mlflow azureml-mlflow).',
    doc: DOC.MLF,
  },
  {
    v1: 'azureml.core.Experiment.start_logging',
    kind: 'replaced',
    area: 'logging',
    v2: v2(
      'mlflow.start_run',
      'import mlflow',
      '',
      'mlflow.set_experiment("<experiment>")',
      'with mlflow.start_run():',
      '    mlflow.log_metric("accuracy", 0.91)',
    ),
    note: 'Outside a job, point MLflow at the workspace first (mlflow.set_tracking_uri with the workspace mlflow_tracking_uri).',
    doc: DOC.MLF,
  },
  {
    v1: 'azureml.core.Run.log',
    kind: 'replaced',
    area: 'logging',
    v2: v2('mlflow.log_metric', 'import mlflow', '', 'mlflow.log_metric("accuracy", 0.91)'),
    note: 'Numbers and booleans (as 1/0) become mlflow.log_metric; strings go to mlflow.log_text as an artifact.',
    doc: DOC.MLF,
  },
  {
    v1: 'azureml.core.Run.log_image',
    kind: 'replaced',
    area: 'logging',
    v2: v2(
      'mlflow.log_figure',
      'import mlflow',
      '',
      'mlflow.log_figure(fig, "plot.png")  # a matplotlib figure',
      'mlflow.log_artifact("outputs/plot.png")  # an image file',
    ),
    note: 'Log a figure with mlflow.log_figure or an image file with mlflow.log_artifact.',
    doc: DOC.MLF,
  },
  {
    v1: 'azureml.core.Run.log_list',
    kind: 'replaced',
    area: 'logging',
    v2: v2(
      'mlflow.tracking.MlflowClient.log_batch',
      'from mlflow.entities import Metric',
      'from mlflow.tracking import MlflowClient',
      '',
      'MlflowClient().log_batch(run_id, metrics=[Metric(key="loss", value=v, timestamp=ts, step=i) for i, v in enumerate(losses)])',
    ),
    note: 'Log the values as a batch of metrics.',
    doc: DOC.MLF,
  },
  {
    v1: 'azureml.core.Run.log_row',
    kind: 'replaced',
    area: 'logging',
    v2: v2('mlflow.log_metrics', 'import mlflow', '', 'mlflow.log_metrics({"x": 1.0, "y": 0.5})'),
    note: 'Log the row as metrics, or a table as a JSON artifact with mlflow.log_artifact.',
    doc: DOC.MLF,
  },
  {
    v1: 'azureml.core.Run.log_table',
    kind: 'replaced',
    area: 'logging',
    v2: v2('mlflow.log_metrics', 'import mlflow', '', 'mlflow.log_metrics({"x": 1.0, "y": 0.5})'),
    note: 'Log the columns as metrics, or the table as a JSON artifact with mlflow.log_artifact.',
    doc: DOC.MLF,
  },
  ...['log_accuracy_table', 'log_confusion_matrix', 'log_predictions', 'log_residuals'].map(
    (m): CatalogueEntry => ({
      v1: `azureml.core.Run.${m}`,
      kind: 'replaced',
      area: 'logging',
      v2: LOG_DICT,
      note: 'Log the dictionary with mlflow.log_dict (experimental in MLflow).',
      doc: DOC.MLF,
    }),
  ),
  {
    v1: 'azureml.core.Workspace.get_mlflow_tracking_uri',
    kind: 'replaced',
    area: 'logging',
    v2: v2(
      'azure.ai.ml.entities.Workspace.mlflow_tracking_uri',
      'import mlflow',
      '',
      'mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)',
    ),
    note: 'The tracking URI is a property of the workspace entity returned by ml_client.workspaces.get.',
    doc: DOC.TRK,
  },
];

const ENVIRONMENT: CatalogueEntry[] = [
  {
    v1: 'azureml.core.Environment',
    kind: 'moved',
    area: 'environment',
    v2: ENVIRONMENT_CONDA,
    note: 'Use azure.ai.ml.entities.Environment: a base image plus a conda file, an image, or a Docker build context; v1-created environments are usable from v2.',
    doc: DOC.ENV2,
  },
  {
    v1: 'azureml.core.Environment.from_conda_specification',
    kind: 'replaced',
    area: 'environment',
    v2: ENVIRONMENT_CONDA,
    note: 'A v2 conda environment always needs a base image.',
    doc: DOC.ENV2,
  },
  {
    v1: 'azureml.core.Environment.from_pip_requirements',
    kind: 'replaced',
    area: 'environment',
    v2: ENVIRONMENT_CONDA,
    note: '(inferred) No 1:1 method: list the pip packages in a conda file (conda_file), or build from a Dockerfile context.',
    doc: DOC.ENV2,
  },
  {
    v1: 'azureml.core.Environment.from_docker_image',
    kind: 'replaced',
    area: 'environment',
    v2: v2(
      'azure.ai.ml.entities.Environment',
      'from azure.ai.ml.entities import Environment',
      '',
      'env = Environment(name="<environment>", image="<registry>/<image>:<tag>")',
    ),
    note: 'Pass the image to the Environment entity.',
    doc: DOC.ENV2,
  },
  {
    v1: 'azureml.core.Environment.from_dockerfile',
    kind: 'replaced',
    area: 'environment',
    v2: v2(
      'azure.ai.ml.entities.BuildContext',
      'from azure.ai.ml.entities import BuildContext, Environment',
      '',
      'env = Environment(name="<environment>", build=BuildContext(path="<folder with the Dockerfile>"))',
    ),
    note: 'Build from a Docker build context (a folder with the Dockerfile).',
    doc: DOC.ENV2,
  },
  ...[
    'azureml.core.conda_dependencies.CondaDependencies',
    'azureml.core.conda_dependencies.CondaDependencies.create',
    'azureml.core.conda_dependencies.CondaDependencies.add_pip_package',
    'azureml.core.conda_dependencies.CondaDependencies.add_conda_package',
  ].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'environment',
      v2: CONDA_FILE,
      note: 'Write the dependencies as a conda YAML file, or an inline dict, passed as conda_file of the Environment.',
      doc: DOC.ENV2,
    }),
  ),
  {
    v1: 'azureml.core.Environment.register',
    kind: 'replaced',
    area: 'environment',
    v2: v2('azure.ai.ml.MLClient.environments.create_or_update', 'ml_client.environments.create_or_update(env)'),
    note: 'Register with ml_client.environments.create_or_update.',
    doc: DOC.ENV2,
  },
  {
    v1: 'azureml.core.Environment.get',
    kind: 'replaced',
    area: 'environment',
    v2: v2('azure.ai.ml.MLClient.environments.get', 'env = ml_client.environments.get(name="<environment>", version="<version>")'),
    note: 'Jobs can also name it "azureml:<name>:<version>" or "<name>@latest"; curated AzureML-… environments live at azureml://registries/azureml/environment/<name>/versions/<version>.',
    doc: DOC.ENV2,
  },
  {
    v1: 'azureml.core.runconfig.DEFAULT_CPU_IMAGE',
    kind: 'replaced',
    area: 'environment',
    v2: ENVIRONMENT_CONDA,
    note: '(inferred) A v2 environment names its base image explicitly (image="mcr.microsoft.com/azureml/…").',
    doc: DOC.ENV2,
  },
];

const COMPUTE: CatalogueEntry[] = [
  {
    v1: 'azureml.core.compute.AmlCompute',
    kind: 'moved',
    area: 'compute',
    v2: AML_COMPUTE,
    note: 'Use azure.ai.ml.entities.AmlCompute; get an existing cluster with ml_client.compute.get(name) (v1-created clusters work in v2).',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.AmlCompute.provisioning_configuration',
    kind: 'replaced',
    area: 'compute',
    v2: AML_COMPUTE,
    note: 'vm_size becomes size and max_nodes becomes max_instances of the AmlCompute entity.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.ComputeTarget',
    kind: 'replaced',
    area: 'compute',
    v2: v2('azure.ai.ml.MLClient.compute.get', 'cluster = ml_client.compute.get("cpu-cluster")'),
    note: 'ComputeTarget(workspace=ws, name=...) gets a compute target: use ml_client.compute.get.',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.core.compute.ComputeTarget.create',
    kind: 'replaced',
    area: 'compute',
    v2: AML_COMPUTE,
    note: 'Create the compute entity with ml_client.begin_create_or_update.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.ComputeTarget.wait_for_completion',
    kind: 'replaced',
    area: 'compute',
    v2: v2('azure.ai.ml.MLClient.begin_create_or_update', 'ml_client.begin_create_or_update(cluster).result()  # waits until the cluster is provisioned'),
    note: '(inferred) begin_create_or_update returns a poller; .result() waits for it.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute_target.ComputeTargetException',
    kind: 'replaced',
    area: 'compute',
    v2: { ...AML_COMPUTE, name: 'azure.ai.ml.MLClient.begin_create_or_update' },
    note: '(inferred) No v2 counterpart is documented; the v1 get-or-create pattern (except ComputeTargetException) can become one begin_create_or_update call.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.ComputeInstance',
    kind: 'moved',
    area: 'compute',
    v2: COMPUTE_INSTANCE,
    note: 'Use azure.ai.ml.entities.ComputeInstance; v1-created instances work in v2.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.ComputeInstance.provisioning_configuration',
    kind: 'replaced',
    area: 'compute',
    v2: COMPUTE_INSTANCE,
    note: 'vm_size becomes size of the ComputeInstance entity.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.ComputeInstance.create',
    kind: 'replaced',
    area: 'compute',
    v2: COMPUTE_INSTANCE,
    note: 'Create the ComputeInstance entity with ml_client.begin_create_or_update.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.KubernetesCompute',
    kind: 'moved',
    area: 'compute',
    v2: KUBERNETES_COMPUTE,
    note: 'Use azure.ai.ml.entities.KubernetesCompute.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.KubernetesCompute.attach_configuration',
    kind: 'replaced',
    area: 'compute',
    v2: KUBERNETES_COMPUTE,
    note: 'Attach with the KubernetesCompute entity or az ml compute attach (details UNCONFIRMED).',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.AksCompute',
    kind: 'replaced',
    area: 'compute',
    v2: KUBERNETES_COMPUTE,
    note: '(inferred) v2 attaches AKS clusters as KubernetesCompute; for inference, managed online endpoints need no cluster.',
    doc: DOC.COMP,
  },
  {
    v1: 'azureml.core.compute.SynapseCompute',
    kind: 'replaced',
    area: 'compute',
    v2: v2('azure.ai.ml.entities.SynapseSparkCompute', 'from azure.ai.ml.entities import SynapseSparkCompute', '', '# attached Synapse Spark pool; or run on serverless Spark'),
    note: '(inferred) v2 attaches Synapse Spark pools as SynapseSparkCompute, or uses serverless Spark.',
    doc: DOC.SPARK,
  },
  {
    v1: 'azureml.core.compute.RemoteCompute',
    kind: 'replaced',
    area: 'compute',
    v2: v2('azure.ai.ml.entities.VirtualMachineCompute', 'from azure.ai.ml.entities import VirtualMachineCompute', '', '# attach the virtual machine as a VirtualMachineCompute'),
    note: '(inferred by name) An attached virtual machine is a VirtualMachineCompute in v2.',
    doc: DOC.COMP,
  },
];

const DATASTORE: CatalogueEntry[] = [
  {
    v1: 'azureml.core.Datastore',
    kind: 'replaced',
    area: 'datastore',
    v2: DATASTORE_GET,
    note: 'Datastores are managed through ml_client.datastores; v1-created object-storage datastores work in v2.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.core.Datastore.register_azure_blob_container',
    kind: 'replaced',
    area: 'datastore',
    v2: AZURE_BLOB_DATASTORE,
    note: 'Credentials are AccountKeyConfiguration or SasTokenConfiguration, or omitted for identity-based access.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.core.Datastore.register_azure_file_share',
    kind: 'replaced',
    area: 'datastore',
    v2: AZURE_FILE_DATASTORE,
    note: 'Create an AzureFileDatastore with ml_client.create_or_update.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.core.Datastore.register_azure_data_lake_gen2',
    kind: 'replaced',
    area: 'datastore',
    v2: ADLS_GEN2_DATASTORE,
    note: 'Create an AzureDataLakeGen2Datastore with ml_client.create_or_update.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.core.Datastore.register_azure_data_lake',
    kind: 'replaced',
    area: 'datastore',
    v2: ADLS_GEN1_DATASTORE,
    note: 'Create an AzureDataLakeGen1Datastore with ml_client.create_or_update.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.core.Datastore.get',
    kind: 'replaced',
    area: 'datastore',
    v2: DATASTORE_GET,
    note: 'Get it with ml_client.datastores.get.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.core.Datastore.get_default',
    kind: 'replaced',
    area: 'datastore',
    v2: DEFAULT_DATASTORE,
    note: 'Get the default datastore with ml_client.datastores.get_default().',
    doc: DOC.SDK_DATASTORES,
  },
  {
    v1: 'azureml.core.Workspace.get_default_datastore',
    kind: 'replaced',
    area: 'datastore',
    v2: DEFAULT_DATASTORE,
    note: 'Get the default datastore with ml_client.datastores.get_default().',
    doc: DOC.SDK_DATASTORES,
  },
  {
    v1: 'azureml.core.Workspace.datastores',
    kind: 'replaced',
    area: 'datastore',
    v2: v2('azure.ai.ml.MLClient.datastores.list', 'for datastore in ml_client.datastores.list():', '    print(datastore.name)'),
    note: '(inferred) List datastores with ml_client.datastores.list().',
    doc: DOC.DS,
  },
  ...['register_azure_sql_database', 'register_azure_postgre_sql', 'register_azure_my_sql'].map(
    (m): CatalogueEntry => ({ v1: `azureml.core.Datastore.${m}`, kind: 'no-v2-equivalent', area: 'datastore', note: SQL_DATASTORE_NOTE, doc: DOC.MIG }),
  ),
  ...[
    'azureml.data.azure_sql_database_datastore.AzureSqlDatabaseDatastore',
    'azureml.data.azure_postgre_sql_datastore.AzurePostgreSqlDatastore',
    'azureml.data.azure_my_sql_datastore.AzureMySqlDatastore',
  ].map((v1): CatalogueEntry => ({ v1, kind: 'no-v2-equivalent', area: 'datastore', note: SQL_DATASTORE_NOTE, doc: DOC.MIG })),
  {
    v1: 'azureml.data.azure_storage_datastore.AzureBlobDatastore',
    kind: 'moved',
    area: 'datastore',
    v2: AZURE_BLOB_DATASTORE,
    note: 'Use azure.ai.ml.entities.AzureBlobDatastore.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.data.azure_storage_datastore.AzureFileDatastore',
    kind: 'moved',
    area: 'datastore',
    v2: AZURE_FILE_DATASTORE,
    note: 'Use azure.ai.ml.entities.AzureFileDatastore.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.data.azure_data_lake_datastore.AzureDataLakeGen2Datastore',
    kind: 'moved',
    area: 'datastore',
    v2: ADLS_GEN2_DATASTORE,
    note: 'Use azure.ai.ml.entities.AzureDataLakeGen2Datastore.',
    doc: DOC.DS,
  },
  {
    v1: 'azureml.data.azure_data_lake_datastore.AzureDataLakeDatastore',
    kind: 'moved',
    area: 'datastore',
    v2: ADLS_GEN1_DATASTORE,
    note: 'Use azure.ai.ml.entities.AzureDataLakeGen1Datastore.',
    doc: DOC.DS,
  },
];

const DATA: CatalogueEntry[] = [
  {
    v1: 'azureml.core.Dataset',
    kind: 'replaced',
    area: 'data',
    v2: DATA_URI_FOLDER,
    note: 'Datasets become data assets (uri_file, uri_folder or mltable); v1 datasets stay usable from v2 jobs.',
    doc: DOC.DATA,
  },
  {
    v1: 'azureml.core.Dataset.File.from_files',
    kind: 'replaced',
    area: 'data',
    v2: DATA_URI_FOLDER,
    note: 'A uri_folder (or uri_file) data asset.',
    doc: DOC.DATA,
  },
  {
    v1: 'azureml.core.Dataset.Tabular.from_delimited_files',
    kind: 'replaced',
    area: 'data',
    v2: DATA_MLTABLE,
    note: 'A folder with an MLTable file becomes an mltable data asset.',
    doc: DOC.DATA,
  },
  {
    v1: 'azureml.core.Dataset.Tabular.from_parquet_files',
    kind: 'replaced',
    area: 'data',
    v2: DATA_MLTABLE,
    note: 'A folder with an MLTable file becomes an mltable data asset.',
    doc: DOC.DATA,
  },
  {
    v1: 'azureml.core.Dataset.Tabular.from_sql_query',
    kind: 'no-v2-equivalent',
    area: 'data',
    note: SQL_DATASTORE_NOTE,
    doc: DOC.MIG,
  },
  {
    v1: 'azureml.data.sql_data_reference.SqlDataReference',
    kind: 'no-v2-equivalent',
    area: 'data',
    note: SQL_DATASTORE_NOTE,
    doc: DOC.MIG,
  },
  ...['azureml.core.Dataset.register', 'azureml.data.TabularDataset.register', 'azureml.data.FileDataset.register'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'data',
      v2: DATA_REGISTER,
      note: 'Register a data asset with ml_client.data.create_or_update.',
      doc: DOC.DATA,
    }),
  ),
  {
    v1: 'azureml.core.Dataset.get_by_name',
    kind: 'replaced',
    area: 'data',
    v2: DATA_GET,
    note: 'Get the data asset with ml_client.data.get (version= or label="latest").',
    doc: DOC.ACC,
  },
  {
    v1: 'azureml.core.Workspace.datasets',
    kind: 'replaced',
    area: 'data',
    v2: DATA_GET,
    note: 'Get the data asset with ml_client.data.get (version= or label="latest").',
    doc: DOC.ACC,
  },
  ...['azureml.core.Dataset.as_named_input', 'azureml.data.TabularDataset.as_named_input', 'azureml.data.FileDataset.as_named_input'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'data',
      v2: INPUT_NAMED,
      note: 'Pass the data as a named Input of the job and refer to it as ${{inputs.<name>}}.',
      doc: DOC.RW,
    }),
  ),
  ...['azureml.data.FileDataset.as_mount', 'azureml.data.dataset_consumption_config.DatasetConsumptionConfig.as_mount'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'data',
      v2: INPUT_MOUNT,
      note: 'An Input with mode=InputOutputModes.RO_MOUNT (modes: ro_mount, rw_mount, download, upload, direct, eval_mount, eval_download).',
      doc: DOC.RW,
    }),
  ),
  ...['azureml.data.FileDataset.as_download', 'azureml.data.dataset_consumption_config.DatasetConsumptionConfig.as_download'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'data',
      v2: INPUT_DOWNLOAD,
      note: 'An Input with mode=InputOutputModes.DOWNLOAD.',
      doc: DOC.RW,
    }),
  ),
  {
    v1: 'azureml.data.OutputFileDatasetConfig',
    kind: 'replaced',
    area: 'data',
    v2: OUTPUT,
    note: 'A job or node Output.',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.data.output_dataset_config.OutputDatasetConfig',
    kind: 'replaced',
    area: 'data',
    v2: OUTPUT,
    note: 'A job or node Output.',
    doc: DOC.PRS,
  },
  ...['azureml.data.TabularDataset.to_pandas_dataframe', 'azureml.core.Dataset.to_pandas_dataframe'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'data',
      v2: MLTABLE_PANDAS,
      note: 'Load the MLTable with the mltable package (pip mltable).',
      doc: DOC.MLT,
    }),
  ),
  {
    v1: 'azureml.data.TabularDataset',
    kind: 'replaced',
    area: 'data',
    v2: DATA_MLTABLE,
    note: 'An mltable data asset; a v1 TabularDataset given to a v2 job is read as mltable (v2 assets cannot be used in v1).',
    doc: DOC.MIG,
  },
  {
    v1: 'azureml.data.FileDataset',
    kind: 'replaced',
    area: 'data',
    v2: DATA_URI_FOLDER,
    note: 'A uri_folder data asset; a v1 FileDataset given to a v2 job is read as uri_folder (v2 assets cannot be used in v1).',
    doc: DOC.MIG,
  },
  {
    v1: 'azureml.data.datapath.DataPath',
    kind: 'replaced',
    area: 'data',
    v2: INPUT_PATH,
    note: '(inferred) Refer to datastore paths with azureml://datastores/<datastore>/paths/<path> URIs.',
    doc: DOC.DATA,
  },
  {
    v1: 'azureml.data.data_reference.DataReference',
    kind: 'replaced',
    area: 'data',
    v2: INPUT_PATH,
    note: '(inferred) Pass an Input with an azureml://datastores/<datastore>/paths/<path> URI.',
    doc: DOC.DATA,
  },
];

const MODEL: CatalogueEntry[] = [
  {
    v1: 'azureml.core.Model',
    kind: 'replaced',
    area: 'model',
    v2: v2('azure.ai.ml.MLClient.models.get', 'model = ml_client.models.get(name="<model>", version="<version>")'),
    note: 'Model(ws, name) gets a registered model: use ml_client.models.get; new versions are azure.ai.ml.entities.Model registered with ml_client.models.create_or_update.',
    doc: DOC.MODEL,
  },
  {
    v1: 'azureml.core.Model.register',
    kind: 'replaced',
    area: 'model',
    v2: MODEL_CREATE,
    note: 'Register an azure.ai.ml.entities.Model with ml_client.models.create_or_update.',
    doc: DOC.MODEL,
  },
  {
    v1: 'azureml.core.Run.register_model',
    kind: 'replaced',
    area: 'model',
    v2: v2(
      'azure.ai.ml.MLClient.models.create_or_update',
      'from azure.ai.ml.constants import AssetTypes',
      'from azure.ai.ml.entities import Model',
      '',
      'model = Model(path="azureml://jobs/<job-name>/outputs/artifacts/paths/model/", name="<model>", type=AssetTypes.CUSTOM_MODEL)',
      'ml_client.models.create_or_update(model)',
    ),
    note: 'Register the job output as a model with ml_client.models.create_or_update.',
    doc: DOC.MODEL,
  },
  {
    v1: 'azureml.core.Model.download',
    kind: 'replaced',
    area: 'model',
    v2: v2('azure.ai.ml.MLClient.models.download', 'ml_client.models.download(name="<model>", version="<version>", download_path=".")'),
    note: 'Download with ml_client.models.download.',
    doc: DOC.SDK_MODELS,
  },
  {
    v1: 'azureml.core.Model.package',
    kind: 'replaced',
    area: 'model',
    note: 'v2 has a ModelPackage entity (azure.ai.ml.entities), but how Model.package maps onto it is UNCONFIRMED.',
    doc: DOC.MODEL,
  },
  {
    v1: 'azureml.core.Model.profile',
    kind: 'no-v2-equivalent',
    area: 'model',
    note: 'No v2 equivalent found (UNCONFIRMED).',
    doc: DOC.MIG,
  },
];

const DEPLOYMENT: CatalogueEntry[] = [
  ...['mlflow.azureml.build_image', 'mlflow.azureml.deploy'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'deployment',
      v2: v2(
        'azure.ai.ml.entities.ManagedOnlineDeployment',
        'from azure.ai.ml.entities import ManagedOnlineEndpoint, ManagedOnlineDeployment, Model',
        'from azure.ai.ml.constants import AssetTypes',
        '',
        'endpoint = ManagedOnlineEndpoint(name="<endpoint>")',
        'ml_client.online_endpoints.begin_create_or_update(endpoint).result()',
        'model = Model(path="<mlflow-model-folder>", type=AssetTypes.MLFLOW_MODEL)',
        'deployment = ManagedOnlineDeployment(name="blue", endpoint_name="<endpoint>", model=model, instance_type="Standard_DS3_v2", instance_count=1)',
        'ml_client.online_deployments.begin_create_or_update(deployment).result()',
      ),
      note: 'MLflow 1.x deploys through SDK v1 here (a v1 Workspace in, a v1 image or web service out; deprecated since MLflow 1.19). With SDK v2 an MLflow model deploys to an online endpoint with no scoring script or environment.',
      doc: DOC.MLFDEP,
    }),
  ),
  {
    v1: 'azureml.core.Model.deploy',
    kind: 'replaced',
    area: 'deployment',
    v2: ONLINE_DEPLOYMENT,
    note: 'Web services become online endpoints: a ManagedOnlineEndpoint plus a ManagedOnlineDeployment (the scoring URL changes).',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.model.InferenceConfig',
    kind: 'replaced',
    area: 'deployment',
    v2: v2(
      'azure.ai.ml.entities.CodeConfiguration',
      'from azure.ai.ml.entities import CodeConfiguration',
      '',
      'code_configuration = CodeConfiguration(code="./src", scoring_script="score.py")',
      '# pass it, with environment=..., to ManagedOnlineDeployment(...)',
    ),
    note: 'Entry script and source directory become a CodeConfiguration; the environment goes on the deployment.',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.webservice.AciWebservice.deploy_configuration',
    kind: 'replaced',
    area: 'deployment',
    v2: ONLINE_DEPLOYMENT,
    note: 'cpu_cores and memory_gb become a VM SKU (instance_type); ACI options such as no-auth, custom DNS names and encryption are not supported.',
    doc: DOC.MOE,
  },
  {
    v1: 'azureml.core.webservice.AksWebservice.deploy_configuration',
    kind: 'replaced',
    area: 'deployment',
    v2: KUBERNETES_ENDPOINT,
    note: 'Use a managed online endpoint, or a KubernetesOnlineEndpoint and KubernetesOnlineDeployment on AKS or Arc.',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.webservice.LocalWebservice.deploy_configuration',
    kind: 'replaced',
    area: 'deployment',
    v2: LOCAL_ENDPOINT,
    note: 'Use a local online endpoint (local=True).',
    doc: DOC.MIG,
  },
  {
    v1: 'azureml.core.webservice.Webservice',
    kind: 'replaced',
    area: 'deployment',
    v2: ONLINE_ENDPOINT,
    note: 'ACI and AKS web services are legacy: v2 deploys to online endpoints.',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.webservice.AciWebservice',
    kind: 'replaced',
    area: 'deployment',
    v2: ONLINE_ENDPOINT,
    note: 'Use a managed online endpoint; ACI no-auth, custom DNS names and encryption options are not supported there.',
    doc: DOC.MOE,
  },
  {
    v1: 'azureml.core.webservice.AksWebservice',
    kind: 'replaced',
    area: 'deployment',
    v2: KUBERNETES_ENDPOINT,
    note: 'Use a managed online endpoint, or a KubernetesOnlineEndpoint on AKS or Arc.',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.webservice.LocalWebservice',
    kind: 'replaced',
    area: 'deployment',
    v2: LOCAL_ENDPOINT,
    note: 'Use a local online endpoint (local=True).',
    doc: DOC.MIG,
  },
  {
    v1: 'azureml.core.webservice.Webservice.deploy',
    kind: 'replaced',
    area: 'deployment',
    v2: DEPLOYMENT_CREATE,
    note: 'Create the online deployment with ml_client.begin_create_or_update.',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.webservice.Webservice.wait_for_deployment',
    kind: 'replaced',
    area: 'deployment',
    v2: DEPLOYMENT_CREATE,
    note: '(inferred) The poller of begin_create_or_update waits with .result().',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.webservice.Webservice.run',
    kind: 'replaced',
    area: 'deployment',
    v2: v2(
      'azure.ai.ml.MLClient.online_endpoints.invoke',
      'response = ml_client.online_endpoints.invoke(endpoint_name="<endpoint>", request_file="sample-request.json", deployment_name="blue")',
    ),
    note: 'Score with ml_client.online_endpoints.invoke.',
    doc: DOC.DEP,
  },
  {
    v1: 'azureml.core.webservice.Webservice.delete',
    kind: 'replaced',
    area: 'deployment',
    v2: v2('azure.ai.ml.MLClient.online_endpoints.begin_delete', 'ml_client.online_endpoints.begin_delete(name="<endpoint>")'),
    note: 'Delete the endpoint with ml_client.online_endpoints.begin_delete.',
    doc: DOC.DEP,
  },
  ...['deploy_from_model', 'deploy_from_image'].map(
    (m): CatalogueEntry => ({
      v1: `azureml.core.webservice.Webservice.${m}`,
      kind: 'no-v2-equivalent',
      area: 'deployment',
      note: 'Services deployed this way are not supported on managed online endpoints: redeploy the model to an online endpoint (the scoring URL changes).',
      doc: DOC.MOE,
    }),
  ),
  ...['azureml.core.image.Image', 'azureml.core.image.ContainerImage'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'deployment',
      note: 'Deprecated already in SDK v1; v2 deploys models to online endpoints.',
      doc: DOC.DEP,
    }),
  ),
];

const NO_PIPELINE_STEP_NOTE = 'No v2 job or component type replaces this step.';

const PIPELINE: CatalogueEntry[] = [
  {
    v1: 'azureml.pipeline.core.Pipeline',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2(
      'azure.ai.ml.dsl.pipeline',
      'from azure.ai.ml import dsl',
      '',
      '@dsl.pipeline()',
      'def train_pipeline(raw):',
      '    prep_node = prep(raw=raw)',
      '    return {"prepped": prep_node.outputs.prepped}',
      '',
      'ml_client.jobs.create_or_update(train_pipeline(raw=raw_input), experiment_name="<experiment>")',
    ),
    note: 'Write the pipeline as a @dsl.pipeline function and submit its result with ml_client.jobs.create_or_update.',
    doc: DOC.PIPE,
  },
  ...['PythonScriptStep', 'CommandStep', 'EstimatorStep', 'MpiStep', 'RScriptStep'].map(
    (cls): CatalogueEntry => ({
      v1: `azureml.pipeline.steps.${cls}`,
      kind: 'replaced',
      area: 'pipeline',
      v2: COMMAND_COMPONENT,
      note: 'A command job or command component used as a pipeline node.',
      doc: DOC.PIPE,
    }),
  ),
  {
    v1: 'azureml.pipeline.steps.ModuleStep',
    kind: 'replaced',
    area: 'pipeline',
    v2: LOADED_COMPONENT,
    note: 'A command component (there is no module job type).',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.pipeline.steps.HyperDriveStep',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2(
      'azure.ai.ml.entities.Command.sweep',
      'from azure.ai.ml.sweep import Uniform',
      '',
      'train_node = train(lr=Uniform(min_value=0.001, max_value=0.1))  # inside a @dsl.pipeline function',
      'sweep_node = train_node.sweep(sampling_algorithm="random", primary_metric="accuracy", goal="Maximize")',
    ),
    note: 'Call .sweep() on the node inside the pipeline; there is no reusable sweep component.',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.pipeline.steps.AutoMLStep',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2(
      'azure.ai.ml.automl.classification',
      'from azure.ai.ml import automl',
      '',
      '# inside a @dsl.pipeline function',
      'classification_node = automl.classification(training_data=train_data, target_column_name="<label>", primary_metric="accuracy")',
    ),
    note: 'An AutoML job used as a pipeline node.',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.pipeline.steps.SynapseSparkStep',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2('azure.ai.ml.spark', 'from azure.ai.ml import spark  # a spark job or component replaces the step'),
    note: 'A spark job or component (azure.ai.ml.spark).',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.pipeline.steps.ParallelRunStep',
    kind: 'replaced',
    area: 'pipeline',
    v2: PARALLEL_RUN,
    note: 'The v1 entry script stays compatible; for batch scoring a batch endpoint is the other option.',
    doc: DOC.PRS,
  },
  {
    v1: 'azureml.pipeline.steps.ParallelRunConfig',
    kind: 'replaced',
    area: 'pipeline',
    v2: PARALLEL_RUN,
    note: 'Its settings become arguments of parallel_run_function and its RunFunction task.',
    doc: DOC.PRS,
  },
  {
    v1: 'azureml.pipeline.steps.ParallelRunConfig.partition_keys',
    kind: 'no-v2-equivalent',
    area: 'pipeline',
    note: 'Partitioning by keys is "under development" in v2.',
    doc: DOC.PRS,
    keyword: true,
  },
  {
    v1: 'azureml.pipeline.steps.ParallelRunConfig.allowed_failed_percent',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2(
      'azure.ai.ml.parallel.RunFunction',
      'from azure.ai.ml.parallel import RunFunction',
      '',
      'task = RunFunction(code="./src", entry_script="score.py", program_arguments="--allowed_failed_percent 5")',
    ),
    note: 'Pass --allowed_failed_percent in the program_arguments of the task.',
    doc: DOC.PRS,
    keyword: true,
  },
  {
    v1: 'azureml.pipeline.core.PipelineData',
    kind: 'replaced',
    area: 'pipeline',
    v2: OUTPUT,
    note: '(inferred) Node and component outputs (Output) carry data between steps.',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.pipeline.core.PipelineParameter',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2(
      'azure.ai.ml.dsl.pipeline',
      'from azure.ai.ml import dsl',
      '',
      '@dsl.pipeline()',
      'def train_pipeline(learning_rate: float = 0.01):',
      '    train(lr=learning_rate)',
    ),
    note: 'Pipeline parameters become parameters of the pipeline function (job inputs).',
    doc: DOC.PEP,
  },
  {
    v1: 'azureml.pipeline.core.StepSequence',
    kind: 'replaced',
    area: 'pipeline',
    v2: DATA_DEPENDENCY,
    note: 'Order comes from data dependencies between nodes.',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.pipeline.core.PipelineStep.run_after',
    kind: 'replaced',
    area: 'pipeline',
    v2: DATA_DEPENDENCY,
    note: 'Order comes from data dependencies between nodes.',
    doc: DOC.PIPE,
  },
  {
    v1: 'azureml.pipeline.core.Pipeline.publish',
    kind: 'replaced',
    area: 'pipeline',
    v2: PIPELINE_COMPONENT_DEPLOYMENT,
    note: 'Publishing is replaced by a pipeline component deployed to a batch endpoint (PipelineComponentBatchDeployment).',
    doc: DOC.PEP,
  },
  {
    v1: 'azureml.pipeline.core.PublishedPipeline',
    kind: 'replaced',
    area: 'pipeline',
    v2: PIPELINE_COMPONENT_DEPLOYMENT,
    note: 'A pipeline component deployed to a batch endpoint.',
    doc: DOC.PEP,
  },
  ...['get_all', 'list'].map(
    (m): CatalogueEntry => ({
      v1: `azureml.pipeline.core.PublishedPipeline.${m}`,
      kind: 'replaced',
      area: 'pipeline',
      v2: BATCH_ENDPOINT_LIST,
      note: 'List batch endpoints and their deployments.',
      doc: DOC.PEP,
    }),
  ),
  {
    v1: 'azureml.pipeline.core.PublishedPipeline.submit',
    kind: 'replaced',
    area: 'pipeline',
    v2: BATCH_ENDPOINT_INVOKE,
    note: '(inferred) Invoke the batch endpoint that hosts the pipeline component.',
    doc: DOC.PEP,
  },
  {
    v1: 'azureml.pipeline.core.PipelineEndpoint',
    kind: 'replaced',
    area: 'pipeline',
    v2: PIPELINE_COMPONENT_DEPLOYMENT,
    note: 'A batch endpoint with a pipeline component deployment.',
    doc: DOC.PEP,
  },
  {
    v1: 'azureml.pipeline.core.PipelineEndpoint.publish',
    kind: 'replaced',
    area: 'pipeline',
    v2: PIPELINE_COMPONENT_DEPLOYMENT,
    note: 'Create a batch endpoint (ml_client.batch_endpoints.begin_create_or_update) with a pipeline component deployment.',
    doc: DOC.PEP,
  },
  ...['get', 'submit'].map(
    (m): CatalogueEntry => ({
      v1: `azureml.pipeline.core.PipelineEndpoint.${m}`,
      kind: 'replaced',
      area: 'pipeline',
      v2: BATCH_ENDPOINT_INVOKE,
      note: 'Run the pipeline with ml_client.batch_endpoints.invoke.',
      doc: DOC.PEP,
    }),
  ),
  {
    v1: 'azureml.pipeline.core.Schedule',
    kind: 'replaced',
    area: 'pipeline',
    v2: JOB_SCHEDULE,
    note: 'A JobSchedule with a recurrence or cron trigger; the studio cannot list v1 schedules.',
    doc: DOC.SCHED,
  },
  {
    v1: 'azureml.pipeline.core.Schedule.create',
    kind: 'replaced',
    area: 'pipeline',
    v2: JOB_SCHEDULE,
    note: 'Create a JobSchedule with ml_client.schedules.begin_create_or_update; v2 has no file-change (datastore) triggers.',
    doc: DOC.SCHED,
  },
  {
    v1: 'azureml.pipeline.core.Schedule.create.datastore',
    kind: 'no-v2-equivalent',
    area: 'pipeline',
    note: "v2 schedules don't support event-based triggers: have an external orchestrator (Azure Data Factory, Fabric) call a batch endpoint.",
    doc: DOC.SCHED,
    keyword: true,
  },
  {
    v1: 'azureml.pipeline.core.ScheduleRecurrence',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2(
      'azure.ai.ml.entities.RecurrenceTrigger',
      'from azure.ai.ml.entities import CronTrigger, RecurrenceTrigger',
      '',
      'trigger = RecurrenceTrigger(frequency="day", interval=1)',
      '# or CronTrigger(expression="0 6 * * *")',
    ),
    note: 'A RecurrenceTrigger (optionally with a RecurrencePattern) or a CronTrigger.',
    doc: DOC.SCHED,
  },
  {
    v1: 'azureml.pipeline.core.Schedule.disable',
    kind: 'replaced',
    area: 'pipeline',
    v2: v2('azure.ai.ml.MLClient.schedules.begin_disable', 'ml_client.schedules.begin_disable(name="<schedule>")'),
    note: '(inferred pairing) Disable a v2 schedule with ml_client.schedules.begin_disable.',
    doc: DOC.SCHED,
  },
  ...['DataTransferStep', 'DatabricksStep', 'AdlaStep', 'AzureBatchStep', 'KustoStep'].map(
    (cls): CatalogueEntry => ({ v1: `azureml.pipeline.steps.${cls}`, kind: 'no-v2-equivalent', area: 'pipeline', note: NO_PIPELINE_STEP_NOTE, doc: DOC.PIPE }),
  ),
  ...['azureml.designer', 'azureml.studio'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'no-v2-equivalent',
      area: 'pipeline',
      note: 'Designer classic prebuilt components work only with v1 datasets and cannot be mixed with v2 components or data: use v2 custom or registry components.',
      doc: DOC.MIG,
    }),
  ),
];

const SWEEP_ENTRIES: CatalogueEntry[] = [
  {
    v1: 'azureml.train.hyperdrive.HyperDriveConfig',
    kind: 'replaced',
    area: 'sweep',
    v2: SWEEP_JOB,
    note: 'A sweep job: search-space inputs on command(...), then .sweep(...) and set_limits(...).',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.HyperDriveRunConfig',
    kind: 'replaced',
    area: 'sweep',
    v2: v2('azure.ai.ml.sweep.SweepJob', 'sweep_job = job.sweep(sampling_algorithm="random", primary_metric="accuracy", goal="Maximize")'),
    note: 'A SweepJob, made by .sweep(...) on a command job.',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.HyperDriveRun',
    kind: 'replaced',
    area: 'sweep',
    v2: v2('azure.ai.ml.sweep.SweepJob', 'returned_job = ml_client.jobs.create_or_update(sweep_job)'),
    note: '(inferred) A submitted SweepJob.',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.RandomParameterSampling',
    kind: 'replaced',
    area: 'sweep',
    v2: sampling('random', 'RandomSamplingAlgorithm'),
    note: 'Pass sampling_algorithm="random" to .sweep().',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.GridParameterSampling',
    kind: 'replaced',
    area: 'sweep',
    v2: sampling('grid', 'GridSamplingAlgorithm'),
    note: 'Pass sampling_algorithm="grid" to .sweep().',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.BayesianParameterSampling',
    kind: 'replaced',
    area: 'sweep',
    v2: sampling('bayesian', 'BayesianSamplingAlgorithm'),
    note: 'Pass sampling_algorithm="bayesian" to .sweep().',
    doc: DOC.HD,
  },
  ...(
    [
      ['choice', 'Choice', 'values=[16, 32, 64]'],
      ['randint', 'Randint', 'upper=10'],
      ['uniform', 'Uniform', 'min_value=0.001, max_value=0.1'],
      ['quniform', 'QUniform', 'min_value=1, max_value=10, q=1'],
      ['loguniform', 'LogUniform', 'min_value=-6, max_value=-1'],
      ['qloguniform', 'QLogUniform', 'min_value=0, max_value=5, q=1'],
      ['normal', 'Normal', 'mu=0.0, sigma=1.0'],
      ['qnormal', 'QNormal', 'mu=10, sigma=2, q=1'],
      ['lognormal', 'LogNormal', 'mu=0.0, sigma=1.0'],
      ['qlognormal', 'QLogNormal', 'mu=0.0, sigma=1.0, q=1'],
    ] as const
  ).map(
    ([fn, cls, args]): CatalogueEntry => ({
      v1: `azureml.train.hyperdrive.${fn}`,
      kind: 'moved',
      area: 'sweep',
      v2: expression(cls, args),
      note: `The lowercase v1 function becomes the class azure.ai.ml.sweep.${cls}, used as a command input.`,
      doc: DOC.HD,
    }),
  ),
  {
    v1: 'azureml.train.hyperdrive.BanditPolicy',
    kind: 'moved',
    area: 'sweep',
    v2: policy('BanditPolicy', 'slack_factor=0.1, evaluation_interval=2'),
    note: 'Same name in azure.ai.ml.sweep; set it as sweep_job.early_termination.',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.MedianStoppingPolicy',
    kind: 'moved',
    area: 'sweep',
    v2: policy('MedianStoppingPolicy', 'delay_evaluation=5, evaluation_interval=1'),
    note: 'Same name in azure.ai.ml.sweep; set it as sweep_job.early_termination.',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.TruncationSelectionPolicy',
    kind: 'moved',
    area: 'sweep',
    v2: policy('TruncationSelectionPolicy', 'truncation_percentage=20, evaluation_interval=1'),
    note: 'Same name in azure.ai.ml.sweep; set it as sweep_job.early_termination.',
    doc: DOC.HD,
  },
  {
    v1: 'azureml.train.hyperdrive.NoTerminationPolicy',
    kind: 'replaced',
    area: 'sweep',
    note: '(inferred) No v2 class of this name: leave sweep_job.early_termination unset.',
    doc: DOC.HD,
  },
  ...['azureml.train.hyperdrive.PrimaryMetricGoal', 'azureml.train.hyperdrive.PrimaryMetricGoal.MAXIMIZE', 'azureml.train.hyperdrive.PrimaryMetricGoal.MINIMIZE'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'replaced',
      area: 'sweep',
      v2: GOAL,
      note: 'Pass goal="Maximize" or goal="Minimize" to .sweep().',
      doc: DOC.HD,
    }),
  ),
  {
    v1: 'azureml.train.hyperdrive.HyperDriveRun.get_best_run_by_primary_metric',
    kind: 'replaced',
    area: 'sweep',
    v2: v2('azure.ai.ml.MLClient.jobs.download', 'ml_client.jobs.download(returned_job.name, download_path="./best", output_name="model")'),
    note: 'No direct v2 call is documented; downloading the sweep job output gives the best trial output.',
    doc: DOC.HD,
  },
];

const AUTOML_ENTRIES: CatalogueEntry[] = [
  {
    v1: 'azureml.train.automl.AutoMLConfig',
    kind: 'replaced',
    area: 'automl',
    v2: AUTOML,
    note: 'task= becomes a factory function of azure.ai.ml.automl (classification, regression, forecasting, ...); label_column_name becomes target_column_name and TabularDataset input becomes MLTable.',
    doc: DOC.AUTOML,
  },
  {
    v1: 'azureml.train.automl.AutoMLConfig.label_column_name',
    kind: 'moved',
    area: 'automl',
    v2: v2(
      'azure.ai.ml.automl.classification',
      'from azure.ai.ml import automl',
      '',
      'job = automl.classification(compute="cpu-cluster", training_data=train_data, target_column_name="<label>", primary_metric="accuracy")',
    ),
    note: 'label_column_name becomes target_column_name.',
    doc: DOC.AUTOML,
    keyword: true,
  },
];

const OTHER: CatalogueEntry[] = [
  {
    v1: 'azureml.core.VERSION',
    kind: 'replaced',
    area: 'other',
    note: 'The SDK v1 version string; SDK v2 is the azure-ai-ml package (with azure-identity).',
    doc: DOC.MIG,
  },
  ...['azureml.datadrift.DataDriftDetector', 'azureml.datadrift.AlertConfiguration'].map(
    (v1): CatalogueEntry => ({
      v1,
      kind: 'removed',
      area: 'other',
      note: 'Dataset monitors (preview) were retired on 2025-09-01: use model monitoring (MonitorSchedule with signals).',
      doc: DOC.DRIFT,
    }),
  ),
];

export const ENTRIES: readonly CatalogueEntry[] = Object.freeze([
  ...WORKSPACE,
  ...JOBS,
  ...LOGGING,
  ...ENVIRONMENT,
  ...COMPUTE,
  ...DATASTORE,
  ...DATA,
  ...MODEL,
  ...DEPLOYMENT,
  ...PIPELINE,
  ...SWEEP_ENTRIES,
  ...AUTOML_ENTRIES,
  ...OTHER,
]);
