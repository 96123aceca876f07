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
      '\nprint("ready")\n',
    ],
    [
      'without arguments it is an opt-in too (send_diagnostics defaults to True)',
      'import os\nimport azureml.telemetry\nazureml.telemetry.set_diagnostics_collection()\nprint(os.getcwd())\n',
      'import os\nprint(os.getcwd())\n',
    ],
    [
      'an opt-out in a block sets the environment variable (for this process only: review)',
      'from azureml.telemetry import set_diagnostics_collection\nif True:\n    set_diagnostics_collection(False)\n',
      'import os\nif True:\n    os.environ["AZUREML_SDKV2_TELEMETRY_OPTOUT"] = "true"  # amlint: review\n',
    ],
    [
      'the only statement of a block becomes `pass`',
      'from azureml.telemetry import set_diagnostics_collection\ndef setup():\n    set_diagnostics_collection(send_diagnostics=True)\n',
      'def setup():\n    pass\n',
    ],
  ]);

  for (const [title, text] of [
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
