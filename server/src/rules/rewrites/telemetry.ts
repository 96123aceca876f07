/**
 * Rewrites to SDK v2 of the v1 SDK's diagnostics switch (AML113),
 * `azureml.telemetry.set_diagnostics_collection(send_diagnostics=True, verbosity=..., reason=..., path=None)`,
 * which the MachineLearningNotebooks samples call first. v1 wrote the choice to a telemetry.json
 * file read by later sessions. azure-ai-ml sends its usage telemetry unless the environment variable
 * AZUREML_SDKV2_TELEMETRY_OPTOUT is "true" or "1" (package README: "The SDK telemetry feature is enabled
 * by default. To opt out of the telemetry feature, set the AZUREML_SDKV2_TELEMETRY_OPTOUT environment
 * variable to 1 or true"; azure-ai-ml `_telemetry/logging_handler.py` reads it for every record it emits).
 * So an opt-in statement (`send_diagnostics=True`, the default) goes, and an opt-out sets the variable
 * for this process (v1's choice outlived it: marked for review). Not rewritten: other arguments, a value
 * that is not the literal True or False, a call whose result is used.
 */
import { bindArgs } from '../fixes';
import type { Rewrites } from './common';

const REVIEW = '  # amlint: review';

export const TELEMETRY: Rewrites = {
  calls: {
    'azureml.telemetry.set_diagnostics_collection': (fb, ref) => {
      const call = ref.call;
      const stmt = call?.parent;
      if (!call || stmt?.type !== 'expression_statement' || stmt.namedChildren.length !== 1) return undefined;
      const args = bindArgs(call, ['send_diagnostics'], ['send_diagnostics']);
      if (!args) return undefined;
      const send = args.get('send_diagnostics');
      if (!send || send.type === 'true') return fb.removeStatement(stmt, 'Remove: SDK v2 sends its telemetry unless AZUREML_SDKV2_TELEMETRY_OPTOUT is set');
      if (send.type !== 'false') return undefined;
      return `${fb.needModule('os')}.environ["AZUREML_SDKV2_TELEMETRY_OPTOUT"] = "true"${REVIEW}`;
    },
  },
  attributes: {},
};
