import * as assert from 'node:assert/strict';
import {
  ALIASES,
  BASES,
  COLLISIONS,
  ENTRIES,
  KNOWN_CLASSES,
  MLFLOW_AZUREML,
  RETURNS,
  SUBMITTED_RUN,
  UNKNOWN_TYPE,
  V1_MIGRATION_GUIDE,
  areaOf,
  canonical,
  classifyModule,
  genericEntry,
  lookup,
  returnType,
  typedName,
} from '../server/src/engine/catalogue';
import type { Area } from '../server/src/engine/catalogue';

const AREAS: readonly Area[] = [
  'imports',
  'workspace',
  'jobs',
  'logging',
  'environment',
  'compute',
  'datastore',
  'data',
  'model',
  'deployment',
  'pipeline',
  'sweep',
  'automl',
  'other',
];

describe('catalogue', () => {
  describe('ENTRIES', () => {
    it('cite a learn.microsoft.com page each', () => {
      for (const e of ENTRIES) assert.match(e.doc, /^https:\/\/learn\.microsoft\.com\/[a-z]/, e.v1);
    });

    it('name a v1 name, canonical and classified as v1', () => {
      for (const e of ENTRIES) {
        // SDK v1 lives under `azureml`; MLflow 1.x's mlflow.azureml drives it from outside (catalogue MLFLOW_AZUREML).
        assert.ok(e.v1 === 'azureml' || e.v1.startsWith('azureml.') || e.v1.startsWith(`${MLFLOW_AZUREML}.`), e.v1);
        assert.equal(canonical(e.v1), e.v1, `${e.v1} is not canonical`);
        assert.equal(classifyModule(e.v1), 'v1', e.v1);
      }
    });

    it('have a note or a v2 replacement, and a valid area', () => {
      for (const e of ENTRIES) {
        assert.ok((e.note && e.note.trim()) || e.v2, e.v1);
        assert.ok(AREAS.includes(e.area), `${e.v1}: ${e.area}`);
      }
    });

    it('have no duplicate v1 names', () => {
      const seen = new Set<string>();
      for (const e of ENTRIES) {
        assert.ok(!seen.has(e.v1), `duplicate ${e.v1}`);
        seen.add(e.v1);
      }
    });

    it('suggest v2 names from azure.ai.ml, azure.identity, mlflow or mltable, with a snippet', () => {
      for (const e of ENTRIES) {
        if (!e.v2) continue;
        assert.match(e.v2.name, /^(azure\.ai\.ml|azure\.identity|mlflow|mltable)(\.|$)/, e.v1);
        assert.ok(e.v2.snippet.trim().length > 0, e.v1);
      }
    });

    it('never suggest Workspace(v1_legacy_mode=...) in v2', () => {
      for (const e of ENTRIES) assert.ok(!e.v2?.snippet.includes('v1_legacy_mode'), e.v1);
    });

    it('write snippets with the MLClient names of azure-ai-ml', () => {
      for (const e of ENTRIES) {
        const s = e.v2?.snippet ?? '';
        // v2 renamed resource_group to resource_group_name; a bare resource_group= is v1.
        assert.ok(!/\bresource_group=/.test(s), e.v1);
        assert.ok(!/\bazureml\.core\b/.test(s), e.v1);
        if (s.includes('MLClient.from_config(')) assert.ok(s.includes('MLClient.from_config(credential='), e.v1);
      }
    });

    it('mark entries without a v2 replacement in their note or kind', () => {
      for (const e of ENTRIES.filter((x) => x.kind === 'no-v2-equivalent' || x.kind === 'removed')) {
        assert.equal(e.v2, undefined, `${e.v1} has no v2 equivalent but names one`);
      }
    });

    it('keep keyword entries on a callable', () => {
      for (const e of ENTRIES.filter((x) => x.keyword)) {
        const owner = e.v1.slice(0, e.v1.lastIndexOf('.'));
        assert.ok(KNOWN_CLASSES.has(owner) || lookup(owner), `${e.v1}: ${owner} is unknown`);
      }
    });
  });

  describe('coverage', () => {
    // real-world-patterns.md, "Most used v1 APIs (files using each)", written out by hand.
    const MOST_USED = [
      'azureml.core.Workspace.from_config',
      'azureml.core.Experiment',
      'azureml.core.Experiment.submit',
      'azureml.core.Run.wait_for_completion',
      'azureml.core.compute.ComputeTarget.wait_for_completion',
      'azureml.core.compute.ComputeTarget.create',
      'azureml.core.compute.AmlCompute.provisioning_configuration',
      'azureml.core.Run.get_context',
      'azureml.core.ScriptRunConfig',
      'azureml.core.Workspace.get_default_datastore',
      'azureml.core.compute.ComputeTarget',
      'azureml.train.automl.AutoMLConfig',
      'azureml.core.Workspace.get_mlflow_tracking_uri',
      'azureml.widgets.RunDetails',
      'azureml.widgets.RunDetails.show',
      'azureml.pipeline.core.Pipeline',
      'azureml.core.Dataset.Tabular.from_delimited_files',
      'azureml.core.conda_dependencies.CondaDependencies.create',
      'azureml.core.Run.log',
      'azureml.core.Model.deploy',
      'azureml.core.Environment.get',
    ];
    // The most common imports and attribute uses of the same survey.
    const COMMON_NAMES = [
      'azureml.core.Workspace',
      'azureml.core.VERSION',
      'azureml.core.compute.AmlCompute',
      'azureml.core.Run',
      'azureml.core.Dataset',
      'azureml.core.compute_target.ComputeTargetException',
      'azureml.core.Environment',
      'azureml.core.authentication.MsiAuthentication',
      'azureml.core.authentication.InteractiveLoginAuthentication',
      'azureml.core.authentication.ServicePrincipalAuthentication',
      'azureml.core.runconfig.DEFAULT_CPU_IMAGE',
    ];

    for (const q of [...MOST_USED, ...COMMON_NAMES]) {
      it(`has an entry for ${q}`, () => {
        const e = lookup(q);
        assert.ok(e, q);
        assert.equal(e.v1, q);
      });
    }

    it('has an entry for the v1 rows of every mapping table', () => {
      const rows = [
        // §2.1
        'azureml.core.Workspace.get',
        'azureml.core.Workspace.create',
        'azureml.core.Workspace.add_private_endpoint',
        'azureml.core.PrivateEndPointConfig',
        'azureml.core.Workspace.get_details',
        'azureml.core.Workspace.write_config',
        'azureml.core.Workspace.update',
        'azureml.core.Workspace.get_default_keyvault',
        'azureml.core.keyvault.Keyvault.get_secret',
        'azureml.core.keyvault.Keyvault.set_secret',
        'azureml.core.Run.get_secret',
        // §2.2
        'azureml.core.Run.get_portal_url',
        'azureml.core.Run.download_files',
        'azureml.core.RunConfiguration',
        'azureml.core.runconfig.MpiConfiguration',
        'azureml.core.runconfig.PyTorchConfiguration',
        'azureml.core.runconfig.TensorflowConfiguration',
        'azureml.train.estimator.Estimator',
        'azureml.train.dnn.PyTorch',
        // §2.3
        'azureml.core.Experiment.start_logging',
        'azureml.core.Run.log_image',
        'azureml.core.Run.log_list',
        'azureml.core.Run.log_row',
        'azureml.core.Run.log_table',
        'azureml.core.Run.log_accuracy_table',
        'azureml.core.Run.log_confusion_matrix',
        'azureml.core.Run.log_predictions',
        'azureml.core.Run.log_residuals',
        'azureml.core.Run.register_model',
        // §2.4
        'azureml.core.Environment.from_conda_specification',
        'azureml.core.Environment.from_pip_requirements',
        'azureml.core.Environment.from_docker_image',
        'azureml.core.Environment.from_dockerfile',
        'azureml.core.conda_dependencies.CondaDependencies',
        'azureml.core.conda_dependencies.CondaDependencies.add_pip_package',
        'azureml.core.Environment.register',
        // §2.5
        'azureml.core.compute.ComputeInstance.provisioning_configuration',
        'azureml.core.compute.ComputeInstance.create',
        'azureml.core.compute.KubernetesCompute.attach_configuration',
        // §2.6
        'azureml.core.Datastore.register_azure_blob_container',
        'azureml.core.Datastore.register_azure_file_share',
        'azureml.core.Datastore.register_azure_data_lake_gen2',
        'azureml.core.Datastore.register_azure_data_lake',
        'azureml.core.Datastore.get',
        'azureml.core.Workspace.datastores',
        'azureml.core.Datastore.get_default',
        'azureml.core.Datastore.register_azure_sql_database',
        'azureml.core.Datastore.register_azure_postgre_sql',
        'azureml.core.Datastore.register_azure_my_sql',
        // §2.7
        'azureml.core.Dataset.File.from_files',
        'azureml.core.Dataset.Tabular.from_parquet_files',
        'azureml.data.TabularDataset.register',
        'azureml.data.FileDataset.register',
        'azureml.core.Dataset.get_by_name',
        'azureml.core.Workspace.datasets',
        'azureml.data.FileDataset.as_mount',
        'azureml.data.FileDataset.as_download',
        'azureml.data.OutputFileDatasetConfig',
        'azureml.data.output_dataset_config.OutputDatasetConfig',
        'azureml.data.TabularDataset.to_pandas_dataframe',
        'azureml.data.TabularDataset',
        'azureml.data.FileDataset',
        // §2.8
        'azureml.core.Model.register',
        'azureml.core.Model',
        'azureml.core.Model.download',
        'azureml.core.Model.package',
        // §2.9
        'azureml.core.model.InferenceConfig',
        'azureml.core.webservice.AciWebservice.deploy_configuration',
        'azureml.core.webservice.AksWebservice.deploy_configuration',
        'azureml.core.webservice.LocalWebservice.deploy_configuration',
        'azureml.core.webservice.Webservice.deploy',
        'azureml.core.webservice.Webservice.wait_for_deployment',
        'azureml.core.webservice.Webservice.run',
        'azureml.core.webservice.Webservice.delete',
        // §2.10
        'azureml.pipeline.steps.PythonScriptStep',
        'azureml.pipeline.steps.CommandStep',
        'azureml.pipeline.steps.EstimatorStep',
        'azureml.pipeline.steps.MpiStep',
        'azureml.pipeline.steps.RScriptStep',
        'azureml.pipeline.steps.ModuleStep',
        'azureml.pipeline.steps.HyperDriveStep',
        'azureml.pipeline.steps.AutoMLStep',
        'azureml.pipeline.steps.SynapseSparkStep',
        'azureml.pipeline.steps.ParallelRunStep',
        'azureml.pipeline.steps.ParallelRunConfig',
        'azureml.pipeline.core.PipelineData',
        'azureml.pipeline.core.PipelineParameter',
        'azureml.pipeline.core.StepSequence',
        'azureml.pipeline.core.PipelineStep.run_after',
        'azureml.pipeline.core.Pipeline.publish',
        'azureml.pipeline.core.PublishedPipeline',
        'azureml.pipeline.core.PipelineEndpoint.publish',
        'azureml.pipeline.core.PipelineEndpoint.get',
        'azureml.pipeline.core.PublishedPipeline.get_all',
        'azureml.pipeline.core.Schedule.create',
        'azureml.pipeline.core.ScheduleRecurrence',
        // §2.11
        'azureml.train.hyperdrive.HyperDriveConfig',
        'azureml.train.hyperdrive.HyperDriveRunConfig',
        'azureml.train.hyperdrive.RandomParameterSampling',
        'azureml.train.hyperdrive.GridParameterSampling',
        'azureml.train.hyperdrive.BayesianParameterSampling',
        'azureml.train.hyperdrive.choice',
        'azureml.train.hyperdrive.uniform',
        'azureml.train.hyperdrive.loguniform',
        'azureml.train.hyperdrive.BanditPolicy',
        'azureml.train.hyperdrive.MedianStoppingPolicy',
        'azureml.train.hyperdrive.TruncationSelectionPolicy',
        'azureml.train.hyperdrive.PrimaryMetricGoal.MAXIMIZE',
        'azureml.train.hyperdrive.HyperDriveRun.get_best_run_by_primary_metric',
        // §2.12
        'azureml.train.automl.AutoMLConfig.label_column_name',
      ];
      const missing = rows.filter((q) => lookup(q)?.v1 !== q);
      assert.deepEqual(missing, []);
    });

    it('marks the §3 features as having no v2 equivalent (or removed)', () => {
      const noEquivalent = [
        'azureml.core.Datastore.register_azure_sql_database',
        'azureml.data.azure_sql_database_datastore.AzureSqlDatabaseDatastore',
        'azureml.data.azure_postgre_sql_datastore.AzurePostgreSqlDatastore',
        'azureml.data.azure_my_sql_datastore.AzureMySqlDatastore',
        'azureml.core.Dataset.Tabular.from_sql_query',
        'azureml.data.sql_data_reference.SqlDataReference',
        'azureml.pipeline.steps.DataTransferStep',
        'azureml.pipeline.steps.DatabricksStep',
        'azureml.pipeline.steps.AdlaStep',
        'azureml.pipeline.steps.AzureBatchStep',
        'azureml.pipeline.steps.KustoStep',
        'azureml.pipeline.core.Schedule.create.datastore',
        'azureml.core.keyvault.Keyvault.set_secret',
        'azureml.core.keyvault.Keyvault.get_secret',
        'azureml.core.Run.get_secret',
        'azureml.pipeline.steps.ParallelRunConfig.partition_keys',
        'azureml.core.webservice.Webservice.deploy_from_model',
        'azureml.core.webservice.Webservice.deploy_from_image',
        'azureml.core.Workspace.write_config',
        'azureml.core.Model.profile',
        'azureml.designer',
      ];
      for (const q of noEquivalent) assert.equal(lookup(q)?.kind, 'no-v2-equivalent', q);
      assert.equal(lookup('azureml.datadrift.DataDriftDetector')?.kind, 'removed');
    });

    it('marks unconfirmed facts as such', () => {
      for (const q of ['azureml.core.Model.package', 'azureml.core.Model.profile']) {
        assert.match(lookup(q)?.note ?? '', /UNCONFIRMED/, q);
      }
      // The reference marks write_config UNCONFIRMED; azure-ai-ml's source settles it: no writer, but from_config reads v1's file.
      assert.match(lookup('azureml.core.Workspace.write_config')?.note ?? '', /no method that writes .*MLClient\.from_config reads/);
    });

    it('maps the tracking URI and credentials as the reference says', () => {
      assert.match(lookup('azureml.core.Workspace.get_mlflow_tracking_uri')!.v2!.snippet, /ml_client\.workspaces\.get\(ml_client\.workspace_name\)\.mlflow_tracking_uri/);
      assert.equal(lookup('azureml.core.Workspace.from_config')!.v2!.name, 'azure.ai.ml.MLClient.from_config');
      assert.match(lookup('azureml.core.Workspace.from_config')!.v2!.snippet, /MLClient\.from_config\(credential=DefaultAzureCredential\(\)\)/);
      assert.match(lookup('azureml.core.Workspace')!.v2!.snippet, /resource_group_name=/);
      assert.equal(lookup('azureml.core.authentication.MsiAuthentication')!.v2!.name, 'azure.identity.DefaultAzureCredential');
    });
  });

  describe('canonical()', () => {
    const cases: Array<[string, string]> = [
      ['azureml.core.workspace.Workspace', 'azureml.core.Workspace'],
      ['azureml.core.workspace.Workspace.from_config', 'azureml.core.Workspace.from_config'],
      ['azureml.core.experiment.Experiment', 'azureml.core.Experiment'],
      ['azureml.core.run.Run', 'azureml.core.Run'],
      ['azureml.core.run.Run.get_context', 'azureml.core.Run.get_context'],
      ['azureml.core.model.Model', 'azureml.core.Model'],
      ['azureml.core.model.InferenceConfig', 'azureml.core.model.InferenceConfig'],
      ['azureml.core.environment.Environment', 'azureml.core.Environment'],
      ['azureml.core.environment.CondaDependencies', 'azureml.core.conda_dependencies.CondaDependencies'],
      ['azureml.core.dataset.Dataset', 'azureml.core.Dataset'],
      ['azureml.core.datastore.Datastore', 'azureml.core.Datastore'],
      ['azureml.core.script_run_config.ScriptRunConfig', 'azureml.core.ScriptRunConfig'],
      ['azureml.core.runconfig.RunConfiguration', 'azureml.core.RunConfiguration'],
      ['azureml.core.runconfig.MpiConfiguration', 'azureml.core.runconfig.MpiConfiguration'],
      ['azureml.core.compute.amlcompute.AmlCompute', 'azureml.core.compute.AmlCompute'],
      ['azureml.core.compute.amlcompute.AmlCompute.provisioning_configuration', 'azureml.core.compute.AmlCompute.provisioning_configuration'],
      ['azureml.core.compute.amlcompute.AmlComputeProvisioningConfiguration', 'azureml.core.compute.amlcompute.AmlComputeProvisioningConfiguration'],
      ['azureml.core.ComputeTarget', 'azureml.core.compute.ComputeTarget'],
      ['azureml.core.ComputeTarget.create', 'azureml.core.compute.ComputeTarget.create'],
      ['azureml.core.compute.compute.ComputeTarget', 'azureml.core.compute.ComputeTarget'],
      ['azureml.core.compute_target.ComputeTarget', 'azureml.core.compute.ComputeTarget'],
      ['azureml.core.compute_target.ComputeTargetException', 'azureml.core.compute_target.ComputeTargetException'],
      ['azureml.exceptions.ComputeTargetException', 'azureml.core.compute_target.ComputeTargetException'],
      ['azureml.core.Keyvault', 'azureml.core.keyvault.Keyvault'],
      ['azureml.core.Webservice', 'azureml.core.webservice.Webservice'],
      ['azureml.core.webservice.aci.AciWebservice', 'azureml.core.webservice.AciWebservice'],
      ['azureml.core.webservice.aci.AciWebservice.deploy_configuration', 'azureml.core.webservice.AciWebservice.deploy_configuration'],
      ['azureml.core.webservice.aci.AciServiceDeploymentConfiguration', 'azureml.core.webservice.aci.AciServiceDeploymentConfiguration'],
      ['azureml.pipeline.core.pipeline.Pipeline', 'azureml.pipeline.core.Pipeline'],
      ['azureml.pipeline.core.schedule.Schedule', 'azureml.pipeline.core.Schedule'],
      ['azureml.pipeline.core.graph.PipelineParameter', 'azureml.pipeline.core.PipelineParameter'],
      ['azureml.pipeline.steps.python_script_step.PythonScriptStep', 'azureml.pipeline.steps.PythonScriptStep'],
      ['azureml.contrib.pipeline.steps.ParallelRunStep', 'azureml.pipeline.steps.ParallelRunStep'],
      ['azureml.train.automl.automlconfig.AutoMLConfig', 'azureml.train.automl.AutoMLConfig'],
      ['azureml.train.automl.run.AutoMLRun', 'azureml.train.automl.run.AutoMLRun'],
      ['azureml.train.hyperdrive.runconfig.HyperDriveConfig', 'azureml.train.hyperdrive.HyperDriveConfig'],
      ['azureml.train.hyperdrive.policy.BanditPolicy', 'azureml.train.hyperdrive.BanditPolicy'],
      ['azureml.train.hyperdrive.parameter_expressions.choice', 'azureml.train.hyperdrive.choice'],
      ['azureml.train.hyperdrive.run.HyperDriveRun.get_best_run_by_primary_metric', 'azureml.train.hyperdrive.HyperDriveRun.get_best_run_by_primary_metric'],
      ['azureml.train.hyperdrive.sampling.RandomParameterSampling', 'azureml.train.hyperdrive.RandomParameterSampling'],
      ['azureml.data.dataset_factory.TabularDatasetFactory.from_delimited_files', 'azureml.core.Dataset.Tabular.from_delimited_files'],
      ['azureml.data.tabular_dataset.TabularDataset', 'azureml.data.TabularDataset'],
      ['azureml.widgets.run_details.RunDetails', 'azureml.widgets.RunDetails'],
      // not aliases: unchanged
      ['azureml.core.Workspace', 'azureml.core.Workspace'],
      ['azureml.core', 'azureml.core'],
      ['azureml.core.workspaces', 'azureml.core.workspaces'],
      ['azure.ai.ml.entities.Workspace', 'azure.ai.ml.entities.Workspace'],
      ['os.path', 'os.path'],
    ];
    for (const [input, expected] of cases) {
      it(`${input} → ${expected}`, () => assert.equal(canonical(input), expected));
    }

    it('is idempotent on every alias target', () => {
      for (const target of Object.values(ALIASES)) assert.equal(canonical(target), target, target);
      for (const alias of Object.keys(ALIASES)) assert.equal(canonical(canonical(alias)), canonical(alias), alias);
    });
  });

  describe('classifyModule()', () => {
    const cases: Array<[string, string]> = [
      ['azureml', 'v1'],
      ['azureml.core', 'v1'],
      ['azureml.core.Workspace', 'v1'],
      ['azureml.train.automl.runtime._many_models', 'v1'],
      ['azureml.automl.core.shared.constants', 'v1'],
      ['azureml.contrib.dataset', 'v1'],
      ['azureml.dataprep', 'v1'],
      ['azureml.mlflow', 'v2-era-azureml'],
      ['azureml.fsspec', 'v2-era-azureml'],
      ['azureml.featurestore', 'v2-era-azureml'],
      ['azureml.featurestore.contracts', 'v2-era-azureml'],
      ['azureml.ai', 'v2-era-azureml'],
      ['azureml.ai.monitoring', 'v2-era-azureml'],
      ['azureml.rag', 'v2-era-azureml'],
      ['azureml.rag.mlindex', 'v2-era-azureml'],
      ['azureml.metrics', 'v2-era-azureml'],
      ['azureml.evaluate', 'v2-era-azureml'],
      ['azureml.acft', 'v2-era-azureml'],
      ['azureml.rai.utils.telemetry', 'v2-era-azureml'],
      ['azureml.dataprep.rslex', 'v2-era-azureml'],
      ['azureml.contrib.services.aml_request', 'v2-era-azureml'],
      ['azureml.contrib.services.aml_response.AMLResponse', 'v2-era-azureml'],
      ['azure.ai.ml', 'v2'],
      ['azure.ai.ml.entities', 'v2'],
      ['azure.ai.ml.entities.Workspace', 'v2'],
      ['azure.ai.ml.dsl', 'v2'],
      // traps
      ['azure.ai.mlmonitoring', 'other'],
      ['azure.ai.mlfoo', 'other'],
      ['azure.ai', 'other'],
      ['azureml_user.foo', 'other'],
      ['azureml_user', 'other'],
      ['azureml_inference_server_http', 'other'],
      ['azuremlx', 'other'],
      ['azureml.mlflowx', 'v1'],
      ['mltable', 'other'],
      ['mlflow', 'other'],
      ['azure.identity', 'other'],
      ['os', 'other'],
      ['', 'other'],
    ];
    for (const [input, expected] of cases) {
      it(`${input || '(empty)'} → ${expected}`, () => assert.equal(classifyModule(input), expected));
    }
  });

  describe('lookup()', () => {
    it('canonicalises first', () => {
      assert.equal(lookup('azureml.core.workspace.Workspace.from_config')?.v1, 'azureml.core.Workspace.from_config');
      assert.equal(lookup('azureml.core.ComputeTarget.create')?.v1, 'azureml.core.compute.ComputeTarget.create');
    });

    it('finds members inherited from a v1 base class', () => {
      assert.equal(lookup('azureml.core.compute.AmlCompute.wait_for_completion')?.v1, 'azureml.core.compute.ComputeTarget.wait_for_completion');
      assert.equal(lookup('azureml.train.automl.run.AutoMLRun.wait_for_completion')?.v1, 'azureml.core.Run.wait_for_completion');
      assert.equal(lookup('azureml.core.webservice.AciWebservice.run')?.v1, 'azureml.core.webservice.Webservice.run');
    });

    it('does not match by prefix', () => {
      assert.equal(lookup('azureml.core.Workspace.from_config.extra'), undefined);
      assert.equal(lookup('azureml.core.Workspac'), undefined);
      assert.equal(lookup('azureml.core.Workspace.name'), undefined);
      assert.equal(lookup('azure.ai.ml.MLClient'), undefined);
    });
  });

  describe('areaOf()', () => {
    const cases: Array<[string, Area]> = [
      ['azureml.core.Workspace.from_config', 'workspace'],
      ['azureml.core.Workspace.name', 'workspace'],
      ['azureml.core.Workspace.get_default_datastore', 'datastore'],
      ['azureml.core.Workspace.get_mlflow_tracking_uri', 'logging'],
      ['azureml.core.authentication.AzureCliAuthentication', 'workspace'],
      ['azureml.core.keyvault.Keyvault.get_secrets', 'workspace'],
      ['azureml.core.Run.log', 'logging'],
      ['azureml.core.Run.complete', 'jobs'],
      ['azureml.core.Experiment', 'jobs'],
      ['azureml.core.runconfig.DockerConfiguration', 'jobs'],
      ['azureml.train.estimator.Estimator', 'jobs'],
      ['azureml.widgets.RunDetails', 'jobs'],
      ['azureml.core.compute.AmlCompute.list_nodes', 'compute'],
      ['azureml.core.compute_target.ComputeTargetException', 'compute'],
      ['azureml.core.webservice.AksWebservice.get_logs', 'deployment'],
      ['azureml.core.model.InferenceConfig', 'deployment'],
      ['azureml.core.model.Model.get_model_path', 'model'],
      ['azureml.core.Model.get_model_path', 'model'],
      ['azureml.pipeline.core.PipelineRun', 'pipeline'],
      ['azureml.train.hyperdrive.HyperDriveRun.get_metrics', 'sweep'],
      ['azureml.train.automl.run.AutoMLRun.get_output', 'automl'],
      ['azureml.automl.core.shared.constants', 'automl'],
      ['azureml.data.DataType', 'data'],
      ['azureml.core.Dataset.Tabular.from_json_lines_files', 'data'],
      ['azureml.data.azure_storage_datastore.AzureBlobDatastore.upload', 'datastore'],
      ['azureml.core.Datastore.upload', 'datastore'],
      ['azureml.core.Environment.python', 'environment'],
      ['azureml.core.conda_dependencies.CondaDependencies.add_channel', 'environment'],
      ['azureml.core.VERSION', 'other'],
      ['azureml.interpret.ExplanationClient', 'other'],
      ['azureml.core', 'other'],
    ];
    for (const [input, expected] of cases) {
      it(`${input} → ${expected}`, () => assert.equal(areaOf(input), expected));
    }
  });

  describe('genericEntry()', () => {
    it('describes a v1 name the table lacks', () => {
      const e = genericEntry('azureml.core.run.Run.complete');
      assert.deepEqual(e, {
        v1: 'azureml.core.Run.complete',
        kind: 'replaced',
        area: 'jobs',
        note: 'part of SDK v1 (azureml-*), which reached end of support on 2026-06-30',
        doc: V1_MIGRATION_GUIDE,
      });
      assert.equal(V1_MIGRATION_GUIDE, 'https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1');
    });
  });

  describe('returnType()', () => {
    const cases: Array<[string, unknown]> = [
      ['azureml.core.Workspace.from_config', 'azureml.core.Workspace'],
      ['azureml.core.workspace.Workspace.get', 'azureml.core.Workspace'],
      ['azureml.core.Workspace.create', 'azureml.core.Workspace'],
      ['azureml.core.Experiment.submit', 'azureml.core.Run'],
      ['azureml.core.Experiment.start_logging', 'azureml.core.Run'],
      ['azureml.core.Run.get_context', 'azureml.core.Run'],
      ['azureml.core.Run.register_model', 'azureml.core.Model'],
      ['azureml.train.hyperdrive.HyperDriveRun.get_best_run_by_primary_metric', 'azureml.core.Run'],
      ['azureml.core.Workspace.get_default_datastore', 'azureml.core.Datastore'],
      ['azureml.core.Workspace.get_default_keyvault', 'azureml.core.keyvault.Keyvault'],
      ['azureml.core.Datastore.register_azure_blob_container', 'azureml.core.Datastore'],
      ['azureml.core.Dataset.get_by_name', 'azureml.core.Dataset'],
      ['azureml.core.Dataset.Tabular.from_delimited_files', 'azureml.data.TabularDataset'],
      ['azureml.data.dataset_factory.TabularDatasetFactory.from_parquet_files', 'azureml.data.TabularDataset'],
      ['azureml.core.Dataset.File.from_files', 'azureml.data.FileDataset'],
      ['azureml.data.TabularDataset.register', 'azureml.data.TabularDataset'],
      ['azureml.data.FileDataset.register', 'azureml.data.FileDataset'],
      ['azureml.core.Environment.from_conda_specification', 'azureml.core.Environment'],
      ['azureml.core.Environment.get', 'azureml.core.Environment'],
      ['azureml.core.Model.register', 'azureml.core.Model'],
      ['azureml.core.Model.deploy', 'azureml.core.webservice.Webservice'],
      ['azureml.core.compute.ComputeTarget.create', 'azureml.core.compute.ComputeTarget'],
      ['azureml.core.ComputeTarget.create', 'azureml.core.compute.ComputeTarget'],
      ['azureml.core.compute.AmlCompute.create', 'azureml.core.compute.ComputeTarget'],
      ['azureml.core.compute.AmlCompute.provisioning_configuration', 'azureml.core.compute.amlcompute.AmlComputeProvisioningConfiguration'],
      ['azureml.pipeline.core.Pipeline.publish', 'azureml.pipeline.core.PublishedPipeline'],
      ['azureml.pipeline.core.PipelineEndpoint.get', 'azureml.pipeline.core.PipelineEndpoint'],
      ['azureml.pipeline.core.schedule.Schedule.create', 'azureml.pipeline.core.Schedule'],
      // a workspace collection's dict.get is its item (ITEMS)
      ['azureml.core.Workspace.datasets.get', 'azureml.core.Dataset'],
      ['azureml.core.Workspace.datastores.get', 'azureml.core.Datastore'],
      ['azureml.core.Run.input_datasets.get', 'azureml.core.Dataset'],
      ['azureml.data.TabularDataset.random_split', { tuple: ['azureml.data.TabularDataset', 'azureml.data.TabularDataset'] }],
      ['azureml.data.FileDataset.random_split', { tuple: ['azureml.data.FileDataset', 'azureml.data.FileDataset'] }],
      ['azureml.core.Dataset.random_split', { tuple: ['azureml.core.Dataset', 'azureml.core.Dataset'] }],
      // any azureml-opendatasets class's readers
      ['azureml.opendatasets.Diabetes.get_tabular_dataset', 'azureml.data.TabularDataset'],
      ['azureml.opendatasets.MNIST.get_file_dataset', 'azureml.data.FileDataset'],
    ];
    for (const [input, expected] of cases) {
      it(`${input} → ${JSON.stringify(expected)}`, () => assert.deepEqual(returnType(input), expected));
    }

    it('reads get_output() as (best run, fitted model), the model being no v1 object', () => {
      const expected = { tuple: ['azureml.core.Run', UNKNOWN_TYPE] };
      assert.deepEqual(returnType('azureml.train.automl.run.AutoMLRun.get_output'), expected);
      assert.deepEqual(returnType('azureml.core.Run.get_output'), expected);
    });

    it('knows nothing of constructors and unknown callables', () => {
      assert.equal(returnType('azureml.core.Workspace'), undefined);
      assert.equal(returnType('azureml.core.Run.log'), undefined);
      assert.equal(returnType('mlflow.start_run'), undefined);
      // the collection itself is a dict, not a call's result; an open dataset's other methods are not readers
      assert.equal(returnType('azureml.core.Workspace.datasets'), undefined);
      assert.equal(returnType('azureml.opendatasets.NycTlcGreen.to_pandas_dataframe'), undefined);
      assert.equal(returnType('azureml.opendatasetz.Diabetes.get_tabular_dataset'), undefined);
    });

    it('returns known canonical classes only', () => {
      for (const [callable, rt] of Object.entries(RETURNS)) {
        assert.equal(canonical(callable), callable, callable);
        for (const t of typeof rt === 'string' ? [rt] : rt.tuple) {
          if (t === UNKNOWN_TYPE) continue;
          assert.ok(KNOWN_CLASSES.has(t), `${callable} → ${t} is not a known class`);
        }
      }
      for (const [config, run] of Object.entries(SUBMITTED_RUN)) {
        assert.ok(KNOWN_CLASSES.has(config) && KNOWN_CLASSES.has(run), config);
      }
    });
  });

  describe('KNOWN_CLASSES and BASES', () => {
    it('hold canonical v1 names', () => {
      for (const q of KNOWN_CLASSES) {
        assert.equal(canonical(q), q, q);
        assert.equal(classifyModule(q), 'v1', q);
      }
      for (const [cls, base] of Object.entries(BASES)) {
        assert.ok(KNOWN_CLASSES.has(cls) && KNOWN_CLASSES.has(base), `${cls} → ${base}`);
      }
    });

    it('include the classes real code uses most', () => {
      for (const q of [
        'azureml.core.Workspace',
        'azureml.core.Experiment',
        'azureml.core.Run',
        'azureml.core.ScriptRunConfig',
        'azureml.core.Environment',
        'azureml.core.Dataset',
        'azureml.core.compute.ComputeTarget',
        'azureml.core.compute.AmlCompute',
        'azureml.core.compute_target.ComputeTargetException',
        'azureml.widgets.RunDetails',
        'azureml.train.automl.AutoMLConfig',
        'azureml.pipeline.core.Pipeline',
        'azureml.core.conda_dependencies.CondaDependencies',
      ]) {
        assert.ok(KNOWN_CLASSES.has(q), q);
      }
      assert.ok(!KNOWN_CLASSES.has('azureml.train.hyperdrive.choice'));
    });
  });

  describe('COLLISIONS', () => {
    it('pair known v1 classes with names under azure.ai.ml of the same short name', () => {
      assert.ok(COLLISIONS.length >= 15);
      for (const c of COLLISIONS) {
        assert.match(c.doc, /^https:\/\/learn\.microsoft\.com\//);
        assert.ok(c.v1.length > 0 && c.v2.length > 0, c.name);
        for (const q of c.v1) {
          assert.ok(KNOWN_CLASSES.has(q), q);
          assert.equal(q.slice(q.lastIndexOf('.') + 1), c.name);
        }
        for (const q of c.v2) {
          assert.equal(classifyModule(q), 'v2', q);
          assert.equal(q.slice(q.lastIndexOf('.') + 1), c.name);
        }
      }
      const names = COLLISIONS.map((c) => c.name);
      for (const n of ['Workspace', 'Model', 'Environment', 'Datastore', 'AmlCompute', 'Pipeline', 'Schedule', 'Data', 'BanditPolicy']) {
        assert.ok(names.includes(n), n);
      }
    });
  });
});

describe('catalogue: chains through v1 attributes (session 15)', () => {
  it('typedName replaces Run.experiment / Experiment.workspace / Run.parent chains by their types; lookups fall back to it', () => {
    assert.equal(typedName('azureml.core.Run.experiment.workspace.get_default_datastore'), 'azureml.core.Workspace.get_default_datastore');
    assert.equal(typedName('azureml.core.Run.parent.log'), 'azureml.core.Run.log');
    assert.equal(typedName('azureml.core.Run.experiment'), 'azureml.core.Experiment');
    assert.equal(typedName('azureml.core.Run.experimental'), 'azureml.core.Run.experimental');
    assert.equal(lookup('azureml.core.Run.experiment.workspace.get_default_datastore')?.v1, 'azureml.core.Workspace.get_default_datastore');
    // An entry written for the chain itself wins (returns.ts: the job's key vault).
    assert.equal(returnType('azureml.core.Run.experiment.workspace.get_default_keyvault'), 'azureml.core.keyvault.Keyvault');
    assert.equal(returnType('azureml.core.Run.experiment.workspace.get_default_datastore'), returnType('azureml.core.Workspace.get_default_datastore'));
  });
});
