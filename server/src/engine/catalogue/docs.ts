/**
 * The learn.microsoft.com pages the catalogue cites, keyed like the source keys of the
 * knowledge base (shared/reference/azureml-v1-v2.md §0). Facts that come from the azure-ai-ml
 * source rather than an article cite that SDK's API reference page instead.
 */

const ARTICLE = 'https://learn.microsoft.com/azure/machine-learning/';
const SDK_V2_API = 'https://learn.microsoft.com/python/api/azure-ai-ml/';

export const DOC = {
  /** how-to-migrate-from-v1: the v1 → v2 migration guide. */
  MIG: `${ARTICLE}how-to-migrate-from-v1`,
  WS: `${ARTICLE}migrate-to-v2-resource-workspace`,
  DS: `${ARTICLE}migrate-to-v2-resource-datastore`,
  DATA: `${ARTICLE}migrate-to-v2-assets-data`,
  COMP: `${ARTICLE}migrate-to-v2-resource-compute`,
  CMD: `${ARTICLE}migrate-to-v2-command-job`,
  LOCAL: `${ARTICLE}migrate-to-v2-local-runs`,
  HD: `${ARTICLE}migrate-to-v2-execution-hyperdrive`,
  PRS: `${ARTICLE}migrate-to-v2-execution-parallel-run-step`,
  PIPE: `${ARTICLE}migrate-to-v2-execution-pipeline`,
  AUTOML: `${ARTICLE}migrate-to-v2-execution-automl`,
  MODEL: `${ARTICLE}migrate-to-v2-assets-model`,
  DEP: `${ARTICLE}migrate-to-v2-deploy-endpoints`,
  MOE: `${ARTICLE}migrate-to-v2-managed-online-endpoints`,
  /** how-to-deploy-mlflow-models: MLflow models deploy to online/batch endpoints with no scoring script or environment. */
  MLFDEP: `${ARTICLE}how-to-deploy-mlflow-models`,
  PEP: `${ARTICLE}migrate-to-v2-deploy-pipelines`,
  MLF: `${ARTICLE}reference-migrate-sdk-v1-mlflow-tracking`,
  TRK: `${ARTICLE}how-to-use-mlflow-configure-tracking`,
  NET: `${ARTICLE}how-to-configure-network-isolation-with-v2`,
  PL: `${ARTICLE}how-to-configure-private-link`,
  ENV2: `${ARTICLE}how-to-manage-environments-v2`,
  RW: `${ARTICLE}how-to-read-write-data-v2`,
  ACC: `${ARTICLE}how-to-access-data-interactive`,
  MLT: `${ARTICLE}how-to-mltable`,
  SCHED: `${ARTICLE}how-to-schedule-pipeline-job`,
  SPARK: `${ARTICLE}apache-spark-azure-ml-concepts`,
  DRIFT: `${ARTICLE}v1/how-to-monitor-datasets`,
  /** SDK:operations/_job_operations.py (JobOperations.stream, .download). */
  SDK_JOBS: `${SDK_V2_API}azure.ai.ml.operations.joboperations`,
  /** SDK:operations/_model_operations.py (ModelOperations.get, .download). */
  SDK_MODELS: `${SDK_V2_API}azure.ai.ml.operations.modeloperations`,
  /** DatastoreOperations.get_default (used by SDK:operations/_job_operations.py). */
  SDK_DATASTORES: `${SDK_V2_API}azure.ai.ml.operations.datastoreoperations`,
} as const;

/** The migration guide; cited by entries built for v1 names the catalogue does not list. */
export const V1_MIGRATION_GUIDE = DOC.MIG;
