/**
 * Round 18 (ws), workspace.ts: scripts that wrap their SDK code.
 * - `Workspace.from_config(path=, _file_name=)`: v1's private `_file_name` overrides the config file name searched
 *   for under a directory path, as v2's `MLClient.from_config(credential, *, path=, file_name=)` does (azure-ai-ml
 *   azure/ai/ml/_ml_client.py from_config).
 * - A workspace bound in `if __name__ == "__main__":` (bound once) is rewritten as a straight-line one, and the client
 *   of a `Workspace.from_config()` made there or in a function is bound in that same block (the bridge statement right
 *   after it, then `ml_client = ws`), never a module-level `ml_client` that would run when the module is imported.
 * - `m = ws.models.get(name)` read for name/version → `models.get(name=name, label="latest")` (v1's `ws.models` is the
 *   dict of each model's latest version by name).
 * - `ComputeInstance(ws, n).start/stop/restart(wait_for_completion=<literal>, show_output=<literal>)` (inline, or a
 *   variable) → `ml_client.compute.begin_start/begin_stop/begin_restart(name)`, `.result()` when v1 waits
 *   (azure-ai-ml ComputeOperations: LROPoller[None]).
 * Refused: `_logger`, a main-guard workspace bound again elsewhere, `ws.models.get` compared with None, a computed
 * wait flag, the value of `start()` used.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMPORTS = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential'];
const CURATED = 'environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';

describe('rewrites round 18 (ws): from_config(_file_name=), SDK code under if __name__ == "__main__" and in main()', () => {
  rewriteCases([
    [
      '_file_name → file_name, with path; the properties read on the client',
      [
        'from azureml.core import Workspace',
        '',
        'ws = Workspace.from_config(path="./.azureml", _file_name="ws.json")',
        'print(ws.name, ws.resource_group)',
        '',
      ].join('\n'),
      [
        ...IMPORTS,
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential(), path="./.azureml", file_name="ws.json")',
        'print(ws.workspace_name, ws.resource_group_name)',
        '',
      ].join('\n'),
    ],
    [
      'under if __name__ == "__main__": the workspace, a cluster lookup and a submit; the job client bound in the block',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'if __name__ == "__main__":',
        '    ws = Workspace.from_config()',
        '    target = ws.compute_targets["cpu-cluster"]',
        '    config = ScriptRunConfig(source_directory="src", script="train.py", compute_target=target)',
        '    run = Experiment(ws, "exp").submit(config)',
        '    print(run.get_portal_url())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...IMPORTS,
        '',
        'if __name__ == "__main__":',
        '    ws = MLClient.from_config(credential=DefaultAzureCredential())',
        '    ml_client = ws',
        '    target = ws.compute.get("cpu-cluster")',
        `    config = command(code="src", command="python train.py", ${CURATED}, compute=target.name)  # amlint: review`,
        '    run = ml_client.jobs.create_or_update(config, experiment_name="exp")',
        '    print(run.studio_url)',
        '',
      ].join('\n'),
    ],
    [
      'in def main() called from the guard: the client is the function\'s, not a module-level one',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        '',
        'def main():',
        '    ws = Workspace.from_config()',
        '    target = ws.compute_targets["cpu-cluster"]',
        '    config = ScriptRunConfig(source_directory="src", script="train.py", compute_target=target)',
        '    run = Experiment(ws, "exp").submit(config)',
        '    print(run.get_portal_url())',
        '',
        '',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...IMPORTS,
        '',
        '',
        'def main():',
        '    ws = MLClient.from_config(credential=DefaultAzureCredential())',
        '    ml_client = ws',
        '    target = ws.compute.get("cpu-cluster")',
        `    config = command(code="src", command="python train.py", ${CURATED}, compute=target.name)  # amlint: review`,
        '    run = ml_client.jobs.create_or_update(config, experiment_name="exp")',
        '    print(run.studio_url)',
        '',
        '',
        'if __name__ == "__main__":',
        '    main()',
        '',
      ].join('\n'),
    ],
    [
      'the UDEA shape: from_config(path=, _file_name=) in the guard, the default datastore, a v1 consumer (Experiment) kept until its own rewrite',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'if __name__ == "__main__":',
        "    ws = Workspace.from_config(path='./.azureml', _file_name='config.json')",
        '    datastore = ws.get_default_datastore()',
        '    print(datastore.name)',
        "    config = ScriptRunConfig(source_directory='./src', script='train.py', compute_target='cpu-cluster')",
        "    run = Experiment(workspace=ws, name='day1').submit(config)",
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...IMPORTS,
        '',
        'if __name__ == "__main__":',
        "    ws = MLClient.from_config(credential=DefaultAzureCredential(), path='./.azureml', file_name='config.json')",
        '    ml_client = ws',
        '    datastore = ws.datastores.get_default()',
        '    print(datastore.name)',
        `    config = command(code='./src', command="python train.py", ${CURATED}, compute='cpu-cluster')  # amlint: review`,
        "    run = ml_client.jobs.create_or_update(config, experiment_name='day1')",
        '',
      ].join('\n'),
    ],
    [
      'ws.models.get(name) read for name/version under the guard → models.get(label="latest") on the workspace become a client',
      [
        'from azureml.core import Workspace',
        '',
        'if __name__ == "__main__":',
        '    ws = Workspace.from_config()',
        '    model = ws.models.get("my-model")',
        '    print(model.name, model.version)',
        '',
      ].join('\n'),
      [
        ...IMPORTS,
        '',
        'if __name__ == "__main__":',
        '    ws = MLClient.from_config(credential=DefaultAzureCredential())',
        '    model = ws.models.get(name="my-model", label="latest")',
        '    print(model.name, model.version)',
        '',
      ].join('\n'),
    ],
    [
      'compute instances started/stopped/restarted in a function: ComputeOperations begin_* by name, .result() where v1 waits',
      [
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeInstance',
        '',
        '',
        'def restart(name):',
        '    ws = Workspace.from_config()',
        '    ComputeInstance(ws, name).restart(wait_for_completion=True)',
        '    ci = ComputeInstance(workspace=ws, name="ci-2")',
        '    ci.start(show_output=True)',
        '    print(ci.name)',
        '',
      ].join('\n'),
      [
        ...IMPORTS,
        '',
        '',
        'def restart(name):',
        '    ws = MLClient.from_config(credential=DefaultAzureCredential())',
        '    ml_client = ws',
        '    ml_client.compute.begin_restart(name).result()',
        '    ci = ml_client.compute.get("ci-2")',
        '    ml_client.compute.begin_start(ci.name)',
        '    print(ci.name)',
        '',
      ].join('\n'),
    ],
    [
      'module-level code with the module client, and a main() with its own workspace: the function binds its own (no read of a local before assignment)',
      [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        '',
        'top = Workspace.from_config()',
        'cfg = ScriptRunConfig(source_directory="src", script="a.py", compute_target="cpu")',
        'Experiment(top, "a").submit(cfg)',
        '',
        '',
        'def main():',
        '    ws = Workspace.from_config()',
        '    config = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu")',
        '    run = Experiment(ws, "exp").submit(config)',
        '    print(run.get_portal_url())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        ...IMPORTS,
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        `cfg = command(code="src", command="python a.py", ${CURATED}, compute="cpu")  # amlint: review`,
        'ml_client.jobs.create_or_update(cfg, experiment_name="a")',
        '',
        '',
        'def main():',
        '    ws = MLClient.from_config(credential=DefaultAzureCredential())',
        '    ml_client = ws',
        `    config = command(code="src", command="python train.py", ${CURATED}, compute="cpu")  # amlint: review`,
        '    run = ml_client.jobs.create_or_update(config, experiment_name="exp")',
        '    print(run.studio_url)',
        '',
      ].join('\n'),
    ],
  ]);

  it('notebook cells: the workspace in one cell, a compute instance stopped in another (module-level client)', () => {
    const cells = [
      'from azureml.core import Workspace\nws = Workspace.from_config()',
      'from azureml.core.compute import ComputeInstance\nComputeInstance(ws, "my-ci").stop(wait_for_completion=True, show_output=True)',
    ];
    const expected = [
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())',
      'ml_client.compute.begin_stop("my-ci").result()',
    ];
    const run = (texts: string[]): string[] => {
      const out = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
      return out.cells.map((c) => c.text);
    };
    const out = run(cells);
    assert.deepEqual(out, expected);
    assert.ok(parses(out.join('\n')));
    assert.deepEqual(run(out), out);
  });

  describe('no suggestion where the rewrite would not be faithful', () => {
    const unchanged = (src: string): void => assert.equal(fixPython(src, true), src);
    it('from_config with a positional _logger (no v2 parameter) stays', () => {
      unchanged(['from azureml.core import Workspace', '', 'ws = Workspace.from_config("cfg", None, log)', 'print(ws.name)', ''].join('\n'));
    });
    it('a workspace bound in the guard and in its else branch is not rewritten (the read after may see either)', () => {
      unchanged([
        'from azureml.core import Workspace',
        '',
        'if __name__ == "__main__":',
        '    ws = Workspace.from_config(path="a")',
        'else:',
        '    ws = Workspace.from_config(path="b")',
        'print(ws.name)',
        '',
      ].join('\n'));
    });
    it('a computed wait flag, or the value of start() used, keeps the compute instance v1', () => {
      unchanged([
        'from azureml.core import Workspace',
        'from azureml.core.compute import ComputeInstance',
        '',
        'ws = Workspace.from_config()',
        'ComputeInstance(ws, "ci").stop(wait_for_completion=wait)',
        'ci = ComputeInstance(ws, "ci")',
        'ok = ci.start()',
        '',
      ].join('\n'));
    });
    it('ws.models.get(name) compared with None (v1 gives None, v2 raises) is not rewritten', () => {
      const src = [
        'from azureml.core import Workspace',
        '',
        'if __name__ == "__main__":',
        '    ws = Workspace.from_config()',
        '    model = ws.models.get("my-model")',
        '    if model is None:',
        '        print("missing")',
        '',
      ].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes('ws.models.get("my-model")'), out);
    });
  });
});
