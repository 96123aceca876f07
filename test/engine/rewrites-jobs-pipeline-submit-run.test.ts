/**
 * The run of `pipeline.submit("exp")` (azureml-pipeline-core Pipeline.submit: "equivalent to using
 * Experiment.submit", a PipelineRun) is typed as a PipelineRun, so its uses are reported, and each use that
 * pipelines.ts rewrites with the submission (`RunDetails(run).show()`, `run.wait_for_completion()` →
 * `ml_client.jobs.stream(run.name)`) offers that fix.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { fixPython } from './helpers';

const text = [
  'from azureml.core import Workspace',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import PythonScriptStep',
  'from azureml.widgets import RunDetails',
  'ws = Workspace.from_config()',
  'step = PythonScriptStep(name="train", script_name="train.py", source_directory="src", compute_target="cpu-cluster")',
  'pipeline = Pipeline(workspace=ws, steps=[step])',
  'run = pipeline.submit("my-exp")',
  'RunDetails(run).show()',
  'run.wait_for_completion(show_output=True)',
  '',
].join('\n');

describe('rewrites (jobs): the run of pipeline.submit', () => {
  const findings = lint({ kind: 'python', text }).findings;
  const at = (line: number): typeof findings => findings.filter((f) => f.range.start.line === line);

  it('its wait is reported as a PipelineRun use', () => {
    assert.ok(at(9).some((f) => f.message.includes('`PipelineRun.wait_for_completion()`')), JSON.stringify(at(9).map((f) => f.message)));
  });

  it('RunDetails(run).show() and the wait offer the submission\'s fix', () => {
    for (const line of [8, 9]) {
      assert.ok(at(line).length, `line ${line} reported`);
      for (const f of at(line)) assert.ok(f.fixes?.length, `${f.message} carries a fix`);
    }
  });

  it('the fix streams the pipeline job where v1 showed and waited', () => {
    const out = fixPython(text, true);
    assert.ok(out.includes('run = ml_client.jobs.create_or_update(pipeline, experiment_name="my-exp")'), out);
    assert.equal(out.split('ml_client.jobs.stream(run.name)').length - 1, 2, out);
    assert.ok(!/\bazureml\.(core|pipeline|widgets)|RunDetails/.test(out), out);
  });
});
