/**
 * AML205 designer-classic-components: classic designer prebuilt components (no full SDK v2 equivalent).
 */
import type { Reference } from '../engine/semantic/model';
import { featureRule } from './features';

/**
 * Module-level designer functions keep their whole dotted name in `shown`
 * (`azureml.studio.core.io.data_frame_directory.load_data_frame_from_directory()`): name the function and its module instead.
 */
function designerName(shown: string, ref: Reference): string {
  const parts = ref.qname.split('.');
  if (!shown.startsWith('`azureml.') || parts.length < 3) return shown;
  return `\`${parts[parts.length - 1]}${ref.call ? '()' : ''}\` (\`${parts.slice(0, -1).join('.')}\`)`;
}

export default featureRule({
  meta: {
    code: 'AML205',
    name: 'designer-classic-components',
    family: 'AML2',
    defaultSeverity: 'warning',
    fixable: 'never',
    docs: {
    summary: "Finds code that uses the classic designer packages (`azureml.designer.*`, `azureml.studio.*`).",
    why: "Classic designer prebuilt components are usable only with v1 datasets and cannot be combined with v2 custom components or v2 data assets. The migration guide recommends v2 custom components or registry components.",
    v1Example: "from azureml.studio.core.io.data_frame_directory import load_data_frame_from_directory\n\ndf = load_data_frame_from_directory(input_path).data",
    v2Example: "# A v2 command component reading a uri_folder / mltable input:\nimport mltable\n\ndf = mltable.load(input_path).to_pandas_dataframe()",
    fixSafety: "No automatic fix: there is no like-for-like v2 code to write.",
    limitations: "The packages' loggers (`azureml.studio.core.logger`) are not reported. Objects are tracked through assignments, the returns of the module's own functions and the parameters every call of one passes the same object, in the same module (a notebook is one module), and a parameter the body hands to SDK v1 as the workspace (whoever calls the function); a v1 object returned by a helper from another module is not followed.",
    references: [
        "https://learn.microsoft.com/azure/machine-learning/how-to-migrate-from-v1"
    ]
    },
  },
  symbols: ["azureml.designer", "azureml.studio"],
  // The packages' loggers (`from azureml.studio.core.logger import module_logger`) only log: one finding per
  // `logger.debug(...)` line would bury the designer APIs; the import itself is AML100's.
  skip: (ref) => ref.qname.split('.').includes('logger'),
  message: (shown, ref) => `${designerName(shown, ref)} belongs to the classic designer (SDK v1): its prebuilt components work only with v1 datasets and cannot be mixed with v2 custom components or v2 data; use v2 custom components or components from the azureml registry.`,
});
