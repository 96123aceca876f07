/**
 * Rewrites to SDK v2 of the v1 SDK's diagnostics switch (AML113),
 * `azureml.telemetry.set_diagnostics_collection(send_diagnostics=True, verbosity=..., reason=..., path=None)`,
 * which the MachineLearningNotebooks samples call first. v1 wrote the choice to a telemetry.json
 * file read by later sessions. azure-ai-ml's usage telemetry needs no opt-in: it is on by default
 * (in notebooks) unless the environment variable AZUREML_SDKV2_TELEMETRY_OPTOUT is "true" or "1"
 * (package README: "The SDK telemetry feature is enabled by default. To opt out of the telemetry
 * feature, set the AZUREML_SDKV2_TELEMETRY_OPTOUT environment variable to 1 or true"). So an opt-in
 * statement (`send_diagnostics=True`, the default) goes. Not rewritten: an opt-out (`False`): azure-ai-ml
 * reads the variable when a client is built (`_telemetry/logging_handler.py` get_appinsights_log_handler
 * gives a NullHandler only if it is set then), and the rewrites put `ml_client` with the imports, before
 * the statement that would set it; other arguments, a value that is not the literal True, a call whose
 * result is used.
 */
import { bindArgs } from '../fixes';
import type { Rewrites } from './common';

export const TELEMETRY: Rewrites = {
  calls: {
    'azureml.telemetry.set_diagnostics_collection': (fb, ref) => {
      const call = ref.call;
      const stmt = call?.parent;
      if (!call || stmt?.type !== 'expression_statement' || stmt.namedChildren.length !== 1) return undefined;
      const args = bindArgs(call, ['send_diagnostics'], ['send_diagnostics']);
      if (!args) return undefined;
      const send = args.get('send_diagnostics');
      if (!send || send.type === 'true') return fb.removeStatement(stmt, 'Remove: SDK v2 telemetry needs no opt-in (AZUREML_SDKV2_TELEMETRY_OPTOUT turns it off)');
      return undefined;
    },
  },
  attributes: {},
};
