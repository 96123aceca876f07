import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

/**
 * `azureml.telemetry.set_diagnostics_collection` (rules/rewrites/telemetry.ts): azure-ai-ml sends
 * its telemetry unless AZUREML_SDKV2_TELEMETRY_OPTOUT is "true" or "1".
 */
describe('rewrites: SDK v1 diagnostics collection', () => {
  rewriteCases([
    [
      'the opt-in of the MachineLearningNotebooks samples goes, with its import',
      'from azureml.telemetry import set_diagnostics_collection\n\nset_diagnostics_collection(send_diagnostics=True)\nprint("ready")\n',
      'print("ready")\n',
    ],
    [
      'without arguments it is an opt-in too (send_diagnostics defaults to True)',
      'import os\nimport azureml.telemetry\nazureml.telemetry.set_diagnostics_collection()\nprint(os.getcwd())\n',
      'import os\nprint(os.getcwd())\n',
    ],
    [
      'the only statement of a block becomes `pass`',
      'from azureml.telemetry import set_diagnostics_collection\ndef setup():\n    set_diagnostics_collection(send_diagnostics=True)\n',
      'def setup():\n    pass\n',
    ],
  ]);

  for (const [title, text] of [
    // azure-ai-ml reads AZUREML_SDKV2_TELEMETRY_OPTOUT when a client is built, and the rewrites build ml_client first.
    ['an opt-out (send_diagnostics=False)', 'from azureml.core import Workspace\nfrom azureml.telemetry import set_diagnostics_collection\nset_diagnostics_collection(send_diagnostics=False)\nws = Workspace.from_config()\nprint(ws.name)\n'],
    ['a value that is not a literal', 'import sys\nfrom azureml.telemetry import set_diagnostics_collection\nset_diagnostics_collection(send_diagnostics="--telemetry" in sys.argv)\n'],
    ['another config file (path=)', 'from azureml.telemetry import set_diagnostics_collection\nset_diagnostics_collection(True, path="telemetry.json")\n'],
    ['a result that is used', 'from azureml.telemetry import set_diagnostics_collection\nprint(set_diagnostics_collection(True))\n'],
  ] as const) {
    it(`no rewrite: ${title}`, () => {
      const f = lint({ kind: 'python', text }).findings.find((x) => x.message.startsWith('`azureml.telemetry.set_diagnostics_collection()`'));
      assert.ok(f, 'the call is reported');
      assert.equal(f.fixes, undefined);
    });
  }
});
