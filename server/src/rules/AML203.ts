/**
 * AML203 pipeline-step-without-v2-job: pipeline steps with no v2 job type (no full SDK v2 equivalent).
 */
import { featureRule } from './features';

export default featureRule({
  meta: {
    code: 'AML203',
    name: 'pipeline-step-without-v2-job',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds SDK v1 pipeline steps that have no v2 job or component type: `DataTransferStep`, `DatabricksStep`, `AdlaStep`, `AzureBatchStep`, `KustoStep`.",
    why: "The pipeline migration guide maps these steps to \"None\": there is no v2 job type or component for them, so the pipeline cannot be moved step by step.",
    v1Example: "from azureml.pipeline.steps import DataTransferStep\n\ncopy = DataTransferStep(name=\"copy\", source_data_reference=src, destination_data_reference=dst, compute_target=adf)",
    v2Example: "# No v2 equivalent: run the copy outside the pipeline (e.g. Azure Data Factory),\n# or write a command component that does the work.",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-pipeline",
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
    },
  },
  symbols: ["azureml.pipeline.steps.DataTransferStep", "azureml.pipeline.steps.DatabricksStep", "azureml.pipeline.steps.AdlaStep", "azureml.pipeline.steps.AzureBatchStep", "azureml.pipeline.steps.KustoStep"],
  message: (shown) => `${shown} is an SDK v1 pipeline step with no v2 job or component type: the migration guide lists no replacement; move this work out of the pipeline (e.g. to Azure Data Factory or the service's own jobs) or into a command component.`,
});
