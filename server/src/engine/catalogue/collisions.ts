/**
 * Class names that exist in both SDKs (reference §7). An unqualified `Workspace`, `Model`, ...
 * must be resolved through its import; a file importing one name from both SDKs is confusing.
 */
import { DOC } from './docs';

export interface Collision {
  /** The short name both SDKs use. */
  name: string;
  /** Canonical v1 qualified names. */
  v1: string[];
  /** v2 qualified names (under `azure.ai.ml`). */
  v2: string[];
  /** Where the shared name is documented. */
  doc: string;
  /** How sure the reference is of the pair: documented, seen in SDK source, or UNCONFIRMED. */
  confidence: 'docs' | 'sdk' | 'unconfirmed';
}

const ENTITIES = 'azure.ai.ml.entities';

export const COLLISIONS: readonly Collision[] = Object.freeze([
  { name: 'Workspace', v1: ['azureml.core.Workspace'], v2: [`${ENTITIES}.Workspace`], doc: DOC.MIG, confidence: 'docs' },
  { name: 'Model', v1: ['azureml.core.Model'], v2: [`${ENTITIES}.Model`], doc: DOC.MIG, confidence: 'docs' },
  { name: 'Environment', v1: ['azureml.core.Environment'], v2: [`${ENTITIES}.Environment`], doc: DOC.CMD, confidence: 'docs' },
  { name: 'Datastore', v1: ['azureml.core.Datastore'], v2: [`${ENTITIES}.Datastore`], doc: DOC.DS, confidence: 'sdk' },
  {
    name: 'AzureBlobDatastore',
    v1: ['azureml.data.azure_storage_datastore.AzureBlobDatastore'],
    v2: [`${ENTITIES}.AzureBlobDatastore`],
    doc: DOC.DS,
    confidence: 'sdk',
  },
  {
    name: 'AzureFileDatastore',
    v1: ['azureml.data.azure_storage_datastore.AzureFileDatastore'],
    v2: [`${ENTITIES}.AzureFileDatastore`],
    doc: DOC.DS,
    confidence: 'sdk',
  },
  {
    name: 'AzureDataLakeGen2Datastore',
    v1: ['azureml.data.azure_data_lake_datastore.AzureDataLakeGen2Datastore'],
    v2: [`${ENTITIES}.AzureDataLakeGen2Datastore`],
    doc: DOC.DS,
    confidence: 'docs',
  },
  { name: 'AmlCompute', v1: ['azureml.core.compute.AmlCompute'], v2: [`${ENTITIES}.AmlCompute`], doc: DOC.COMP, confidence: 'docs' },
  { name: 'ComputeInstance', v1: ['azureml.core.compute.ComputeInstance'], v2: [`${ENTITIES}.ComputeInstance`], doc: DOC.COMP, confidence: 'docs' },
  { name: 'KubernetesCompute', v1: ['azureml.core.compute.KubernetesCompute'], v2: [`${ENTITIES}.KubernetesCompute`], doc: DOC.COMP, confidence: 'sdk' },
  // The v2 decorator is the lowercase `azure.ai.ml.dsl.pipeline`: a near-collision, not listed.
  { name: 'Pipeline', v1: ['azureml.pipeline.core.Pipeline'], v2: [`${ENTITIES}.Pipeline`], doc: DOC.PIPE, confidence: 'sdk' },
  // Newer azure-ai-ml only; `JobSchedule` exists in every version.
  { name: 'Schedule', v1: ['azureml.pipeline.core.Schedule'], v2: [`${ENTITIES}.Schedule`], doc: DOC.SCHED, confidence: 'sdk' },
  { name: 'Data', v1: ['azureml.core.runconfig.Data'], v2: [`${ENTITIES}.Data`], doc: DOC.DATA, confidence: 'sdk' },
  {
    name: 'ResourceConfiguration',
    v1: ['azureml.core.resource_configuration.ResourceConfiguration'],
    v2: [`${ENTITIES}.ResourceConfiguration`],
    doc: DOC.MIG,
    confidence: 'sdk',
  },
  { name: 'BanditPolicy', v1: ['azureml.train.hyperdrive.BanditPolicy'], v2: ['azure.ai.ml.sweep.BanditPolicy'], doc: DOC.HD, confidence: 'docs' },
  {
    name: 'MedianStoppingPolicy',
    v1: ['azureml.train.hyperdrive.MedianStoppingPolicy'],
    v2: ['azure.ai.ml.sweep.MedianStoppingPolicy'],
    doc: DOC.HD,
    confidence: 'docs',
  },
  {
    name: 'TruncationSelectionPolicy',
    v1: ['azureml.train.hyperdrive.TruncationSelectionPolicy'],
    v2: ['azure.ai.ml.sweep.TruncationSelectionPolicy'],
    doc: DOC.HD,
    confidence: 'docs',
  },
  // v1 side seen in one public file only.
  { name: 'ModelPackage', v1: ['azureml.core.model.ModelPackage'], v2: [`${ENTITIES}.ModelPackage`], doc: DOC.MIG, confidence: 'unconfirmed' },
]);
