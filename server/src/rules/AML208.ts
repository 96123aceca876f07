/**
 * AML208 data-drift-detector: dataset monitors (DataDriftDetector) (no full SDK v2 equivalent).
 */
import { featureRule } from './features';

export default featureRule({
  meta: {
    code: 'AML208',
    name: 'data-drift-detector',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds SDK v1 dataset monitors: `azureml.datadrift.DataDriftDetector`, `AlertConfiguration`.",
    why: "Data drift (preview) dataset monitors were retired on 2025-09-01. v2 replaces them with Model Monitor (`MonitorSchedule` and monitoring signals).",
    v1Example: "from azureml.datadrift import DataDriftDetector\n\nmonitor = DataDriftDetector.create_from_datasets(ws, \"drift\", baseline, target, compute_target=\"cpu\", frequency=\"Week\")",
    v2Example: "from azure.ai.ml.entities import MonitorSchedule\n\n# Define a MonitorSchedule with data drift signals; see the Model Monitor docs.",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/v1/how-to-monitor-datasets"
    ]
    },
  },
  symbols: ["azureml.datadrift"],
  message: (shown) => `${shown} is SDK v1 data drift (dataset monitors, preview), retired on 2025-09-01: use Model Monitor in v2 (\`MonitorSchedule\` with monitoring signals).`,
});
