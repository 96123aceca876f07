/**
 * AML107 v1-data-api: datasets.
 */
import { v1AreaRule } from './v1-api';

export default v1AreaRule('data', {
  code: 'AML107',
  name: 'v1-data-api',
  family: 'AML1',
  defaultSeverity: 'warning',
  // fixable and fixSafety are derived from the rewrite tables (v1AreaRule).
  fixable: 'never',
  docs: {
    summary: "Finds SDK v1 datasets (`Dataset.Tabular.from_delimited_files`, `Dataset.File.from_files`, `Dataset.get_by_name`, `dataset.register`, `as_named_input(...).as_mount()`, `OutputFileDatasetConfig`, ...).",
    why: "v2 replaces datasets with data assets (`Data` of type `uri_file`, `uri_folder` or `mltable`) and job `Input`/`Output`; tabular data moves to MLTable. SDK v1 reached end of support on 2026-06-30.",
    v1Example: "from azureml.core import Dataset\n\nds = Dataset.Tabular.from_delimited_files(path=[(datastore, \"data/train.csv\")])\nds = ds.register(ws, \"train\")",
    v2Example: "from azure.ai.ml.constants import AssetTypes\nfrom azure.ai.ml.entities import Data\n\ndata = Data(name=\"train\", path=\"azureml://datastores/workspaceblobstore/paths/data/\", type=AssetTypes.MLTABLE)\nml_client.data.create_or_update(data)",
    fixSafety: "",
    limitations: "Objects are tracked through assignments, `with ... as`, tuple unpacking, loops over v1 collections (also one kept in a name or wrapped in `list()` / `sorted()`) and one element of them (`list(exp.get_runs())[0]`, `next(exp.get_runs())`), annotated parameters, the returns of the module's own functions (`def get_workspace(): return Workspace.from_config()`) and the parameters every call of such a function passes the same object (`def clean(data): ...` called as `clean(ds)`) in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (`def make(ws, name): ComputeTarget(ws, name)`), whoever calls the function. A v1 object returned by a helper from another module, or stored in a container or on `self`, is not followed, nor otherwise the parameters of a method, of a decorated function or of a function that is passed around or given different objects by its calls.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-assets-data",
        "https://learn.microsoft.com/azure/machine-learning/how-to-mltable"
    ]
  },
});
