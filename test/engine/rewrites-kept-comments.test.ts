/**
 * A rewrite never drops what the user wrote: a comment inside a replaced range that the replacement does not carry
 * (a commented-out argument of a ScriptRunConfig, a note after one) goes on its own line above the statement it was in
 * (rules/fixes.ts FixBuilder keptComments). Comments of deleted code go with it.
 */
import * as assert from 'node:assert/strict';
import { fixPython, parses } from './helpers';

const v1 = [
  'from azureml.core import Workspace, Experiment, ScriptRunConfig, Environment',
  'ws = Workspace.from_config()',
  'env = Environment.get(ws, "AzureML-sklearn-1.0-ubuntu20.04-py38-cpu")',
  'def main():',
  '    src = ScriptRunConfig(',
  '        source_directory="src",',
  '        script="train.py",  # the entry point',
  '        # compute_target="cpu-cluster",',
  '        environment=env,',
  '    )',
  '    run = Experiment(ws, "exp").submit(src)',
  '    run.wait_for_completion(show_output=True)',
  '',
].join('\n');

describe('rewrites keep the comments of the code they replace', () => {
  const out = fixPython(v1, true);

  it('the job is rewritten', () => {
    assert.ok(out.includes('src = command(code="src", command="python train.py", environment=env, compute="local")'), out);
  });

  it('each comment inside the call is kept once, on its own line above the statement, at its indentation', () => {
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('    src = command('));
    assert.deepEqual(lines.slice(at - 2, at), ['    # the entry point', '    # compute_target="cpu-cluster",'], out);
    assert.equal(out.split('# compute_target="cpu-cluster",').length - 1, 1, out);
    assert.ok(parses(out), out);
  });

  it('a second run changes nothing', () => {
    assert.equal(fixPython(out, true), out);
  });
});
