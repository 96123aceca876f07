/**
 * Review 20 (reviewer A: jobs.ts, sweep.ts, pipelines.ts): regression cases for wrong output found in rounds 17–19.
 * - pipelines.ts pipelineCall: a pipeline submitted with `pipeline_parameters=` (or submitted again) becomes a call of
 *   its `@dsl.pipeline` function at that submit, and the function reads its steps by name when called. A step name (or
 *   the pipeline's) bound again between the Pipeline and that submit (a second pipeline reusing `step1`, as notebooks
 *   do) made the call build the other pipeline: now refused unless every such name still reads the pipeline's binding
 *   at the submit, in the pipeline's scope.
 * - jobs.ts interactive runs (`exp.start_logging()` → `mlflow.start_run()`): MLflow logs to its one active run, and
 *   `mlflow.start_run()` raises while another is active (https://mlflow.org/docs/latest/python_api/mlflow.html#mlflow.start_run).
 *   Two runs open at once became two start_run calls (the second raising), a start_logging in a loop without
 *   `complete()` a start_run raising on the second iteration, and a log after `complete()` a log to a new run. Now a
 *   run is rewritten only when no other run starts between its start and its end (its `complete()` statement in the
 *   same block, the `with` statement, or the end of the code outside loops) and its logging calls lie in between.
 * - pipelines.ts: a name in a step's arguments became an input value of its command whatever it held; v1 wrote any
 *   object there with str(), v2 command inputs take str/int/float/bool values (a `Path` is not one). Now only a name
 *   assigned such a literal (an f-string, `str()`/`int()`/`float()`) wherever it is bound, or an attribute of
 *   `parser.parse_args()`'s result.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { parses, rewriteCases } from './helpers';

const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';

const REUSED = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline, PipelineParameter',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'lr = PipelineParameter(name="lr", default_value=0.1)',
  'step1 = PythonScriptStep(name="prep", script_name="prep.py", source_directory="src", arguments=["--lr", lr], compute_target="cpu")',
  'p = Pipeline(workspace=ws, steps=[step1])',
  'step1 = PythonScriptStep(name="other", script_name="other.py", source_directory="src", compute_target="cpu")',
  'p2 = Pipeline(workspace=ws, steps=[step1])',
  'exp = Experiment(ws, "e")',
  'r1 = exp.submit(p, pipeline_parameters={"lr": 0.5})',
  'r2 = exp.submit(p2)',
  '',
].join('\n');

// v2: the pipeline function called with the parameter for that submit (PIPE,
// https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-pipeline); here p's function would read
// the second `step1`, so p stays v1 and only p2 is rewritten.
const REUSED_V2 = [
  'import azure.ai.ml.entities',
  'from azure.ai.ml import command',
  'from azure.ai.ml import dsl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline, PipelineParameter',
  'from azureml.pipeline.steps import PythonScriptStep',
  CLIENT,
  '',
  'ws = Workspace.from_config()',
  'lr = PipelineParameter(name="lr", default_value=0.1)',
  'step1 = PythonScriptStep(name="prep", script_name="prep.py", source_directory="src", arguments=["--lr", lr], compute_target="cpu")',
  'p = Pipeline(workspace=ws, steps=[step1])',
  'step1 = command(',
  '    display_name="other",',
  '    code="src",',
  '    command="python other.py",',
  '    compute="cpu",',
  `    environment=${IMAGE}`,
  ')',
  '',
  '@dsl.pipeline()',
  'def p2_func():',
  '    step1_node = step1()',
  '',
  'p2 = p2_func()',
  'exp = Experiment(ws, "e")',
  'r1 = exp.submit(p, pipeline_parameters={"lr": 0.5})',
  'r2 = ml_client.jobs.create_or_update(p2, experiment_name="e")',
  '',
].join('\n');

const TWICE = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline, PipelineParameter',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'if __name__ == "__main__":',
  '    ws = Workspace.from_config()',
  '    lr = PipelineParameter(name="lr", default_value=0.1)',
  '    step1 = PythonScriptStep(name="prep", script_name="prep.py", source_directory="src", arguments=["--lr", lr], compute_target="cpu")',
  '    p = Pipeline(workspace=ws, steps=[step1])',
  '    exp = Experiment(ws, "e")',
  '    r1 = exp.submit(p, pipeline_parameters={"lr": 0.5})',
  '    r2 = exp.submit(p)',
  '',
].join('\n');

// Nothing rebound: each submit calls the function (the second without parameters: a new job, as v1 started a new run).
const TWICE_V2 = [
  'import azure.ai.ml.entities',
  'from azure.ai.ml import command',
  'from azure.ai.ml import dsl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  '',
  'if __name__ == "__main__":',
  '    ws = MLClient.from_config(credential=DefaultAzureCredential())',
  '    ml_client = ws',
  '    lr = 0.1',
  '    step1 = command(',
  '        display_name="prep",',
  '        code="src",',
  '        command="python prep.py --lr ${{inputs.lr}}",',
  '        inputs={"lr": lr},',
  '        compute="cpu",',
  `        environment=${IMAGE}`,
  '    )',
  '    @dsl.pipeline()',
  '    def p_func(lr=lr):',
  '        step1_node = step1(lr=lr)',
  '',
  '    p = p_func()',
  '    exp = "e"',
  '    r1 = ml_client.jobs.create_or_update(p_func(lr=0.5), experiment_name="e")',
  '    r2 = ml_client.jobs.create_or_update(p_func(), experiment_name="e")',
  '',
].join('\n');

const HEAD = ['from azureml.core import Workspace, Experiment', '', 'ws = Workspace.from_config()', 'exp = Experiment(workspace=ws, name="a")'];
const V2_HEAD = ['from azure.ai.ml import MLClient', 'from azure.identity import DefaultAzureCredential', 'import mlflow', CLIENT, ''];
const TRACK = ['mlflow.set_tracking_uri(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri)', 'mlflow.set_experiment("a")'];

const TWO_OPEN = [...HEAD, 'run1 = exp.start_logging()', 'run2 = exp.start_logging()', 'run1.log("acc", 0.9)', 'run2.log("acc", 0.8)', 'run1.complete()', 'run2.complete()', ''].join('\n');
// run1 is open when run2 starts: run1 stays v1; run2 alone is MLflow's active run (MLF "Experiments and runs").
const TWO_OPEN_V2 = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'import mlflow',
  'from azureml.core import Workspace, Experiment',
  CLIENT,
  '',
  'ws = Workspace.from_config()',
  'exp = Experiment(workspace=ws, name="a")',
  'run1 = exp.start_logging()',
  ...TRACK,
  'run2 = mlflow.start_run()',
  'run1.log("acc", 0.9)',
  'mlflow.log_metric("acc", 0.8)',
  'run1.complete()',
  'mlflow.end_run()',
  '',
].join('\n');

const LOOP_OPEN = [...HEAD, 'for lr in [0.1, 0.2]:', '    run = exp.start_logging()', '    run.log("lr", lr)', 'print("done")', ''].join('\n');
const LOOP_DONE = [...HEAD, 'for lr in [0.1, 0.2]:', '    run = exp.start_logging()', '    run.log("lr", lr)', '    run.complete()', ''].join('\n');
const LOOP_DONE_V2 = [...V2_HEAD, 'exp = "a"', 'for lr in [0.1, 0.2]:', ...TRACK.map((l) => `    ${l}`), '    run = mlflow.start_run()', '    mlflow.log_metric("lr", lr)', '    mlflow.end_run()', ''].join('\n');
const LOG_AFTER_END = [...HEAD, 'run = exp.start_logging()', 'run.complete()', 'run.log("late", 1)', ''].join('\n');

describe('review 20 (A): interactive runs open at the same time', () => {
  rewriteCases([
    ['two runs open at once: only the one no other start interrupts becomes an MLflow run', TWO_OPEN, TWO_OPEN_V2],
    ['start_logging in a loop without complete(): not rewritten (start_run would raise on the second iteration)', LOOP_OPEN, LOOP_OPEN],
    ['start_logging in a loop completed in the loop: one MLflow run per iteration', LOOP_DONE, LOOP_DONE_V2],
    ['a log after complete(): not rewritten (MLflow would log it to a new run)', LOG_AFTER_END, LOG_AFTER_END],
  ]);
});

const PATH_ARG = [
  'from pathlib import Path',
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'out_dir = Path("outputs") / "model"',
  'step1 = PythonScriptStep(name="train", script_name="train.py", source_directory="src", arguments=["--out", out_dir], compute_target="cpu")',
  'p = Pipeline(workspace=ws, steps=[step1])',
  'run = Experiment(ws, "e").submit(p)',
  '',
].join('\n');
const ARGPARSE = [
  'import argparse',
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'parser = argparse.ArgumentParser()',
  'parser.add_argument("--model-name", default="m")',
  'args = parser.parse_args()',
  'ws = Workspace.from_config()',
  'step1 = PythonScriptStep(name="train", script_name="train.py", source_directory="src", arguments=["--model-name", args.model_name], compute_target="cpu")',
  'p = Pipeline(workspace=ws, steps=[step1])',
  'run = Experiment(ws, "e").submit(p)',
  '',
].join('\n');
// An argparse value (a str here) as a literal input value of the command (PIPE: `${{inputs.x}}` in the command).
const ARGPARSE_V2 = [
  'import azure.ai.ml.entities',
  'from azure.ai.ml import command',
  'from azure.ai.ml import dsl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'import argparse',
  CLIENT,
  '',
  'parser = argparse.ArgumentParser()',
  'parser.add_argument("--model-name", default="m")',
  'args = parser.parse_args()',
  'step1 = command(',
  '    display_name="train",',
  '    code="src",',
  '    command="python train.py --model-name ${{inputs.model_name}}",',
  '    inputs={"model_name": args.model_name},',
  '    compute="cpu",',
  `    environment=${IMAGE}`,
  ')',
  '',
  '@dsl.pipeline()',
  'def p_func():',
  '    step1_node = step1()',
  '',
  'p = p_func()',
  'run = ml_client.jobs.create_or_update(p, experiment_name="e")',
  '',
].join('\n');

describe('review 20 (A): plain values in a step\'s arguments', () => {
  rewriteCases([
    ['a Path object in the arguments: the pipeline is not rewritten (not a v2 input value)', PATH_ARG, PATH_ARG],
    ['an argparse value in the arguments: an input of the command', ARGPARSE, ARGPARSE_V2],
  ]);
});

describe('review 20 (A): pipelines submitted with parameters after a step name is reused', () => {
  rewriteCases([
    ['a step name rebound for a second pipeline before the first is submitted with pipeline_parameters: the first stays v1', REUSED, REUSED_V2],
    ['a pipeline submitted with parameters then again, under if __name__ == "__main__": both submits call the function', TWICE, TWICE_V2],
  ]);

  it('a notebook: the step reused in a later cell, before the submit with parameters: that pipeline stays v1', () => {
    const cells: Array<{ kind: 'code'; text: string }> = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nfrom azureml.pipeline.core import Pipeline, PipelineParameter\nfrom azureml.pipeline.steps import PythonScriptStep\nws = Workspace.from_config()' },
      { kind: 'code', text: 'n = PipelineParameter("n", default_value=3)\nstep = PythonScriptStep(name="a", script_name="a.py", source_directory=".", arguments=["--n", n], compute_target="cpu")\npipeline = Pipeline(ws, steps=[step])' },
      { kind: 'code', text: 'step = PythonScriptStep(name="b", script_name="b.py", source_directory=".", compute_target="cpu")' },
      { kind: 'code', text: 'run = Experiment(ws, "e").submit(pipeline, pipeline_parameters={"n": 5})' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    // The pipeline is not rewritten (its function would build step "b"); the lone step "b" is not in a pipeline.
    assert.equal(out.cells[1].text, cells[1].text);
    assert.equal(out.cells[3].text, cells[3].text);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, out.cells, 'a second run changes nothing');
  });
});
