/**
 * Round 34 (clean-ups): which pipeline run statuses a comparison may name (jobs.ts PIPELINE_STATUS). A v1 pipeline
 * run that ended reports "Finished", "Failed" or "Canceled" (azureml-pipeline-core PipelineRun.get_status), a v2 job
 * that ended "Completed", "Failed" or "Canceled" (JobStatus): the same run ends in the same one, so a comparison with
 * those is kept true by spelling "Finished" as "Completed". The states of a run still going are not the same sets:
 * v1 waits while a pipeline run is "NotStarted", "Running", "Queued" or "Unknown" (azureml-pipeline-core run.py
 * RUNNING_STATES), a v2 job goes through "Starting", "Preparing", "Queued", "Running", "Finalizing",
 * "CancelRequested", ... (JobStatus). `while status == "Running": sleep` could stop at once in v2 (a job still
 * "Preparing") where v1 kept waiting: refused (these were rewritten unchanged before).
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { refused, rewriteCases } from './helpers';

const FETCHED = ['from azureml.core import Workspace', 'from azureml.pipeline.core import PipelineRun', 'import time', 'ws = Workspace.from_config()', 'run = PipelineRun.get(ws, "x")'];

describe('rewrites, round 34: a pipeline run status compared with a state of a run still going is refused', () => {
  rewriteCases([
    [
      'polled until a final state (all three named): each spelled as v2 spells it',
      [...FETCHED, 'while run.get_status() not in ("Finished", "Failed", "Canceled"):', '    time.sleep(10)', ''].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import time',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'run = ml_client.jobs.get("x")',
        'while ml_client.jobs.get(run.name).status not in ("Completed", "Failed", "Canceled"):',
        '    time.sleep(10)',
        '',
      ].join('\n'),
    ],
  ]);

  for (const [title, lines] of [
    ['== "Running"', ['while run.get_status() == "Running":', '    time.sleep(10)']],
    ['!= "NotStarted"', ['status = run.get_status()', 'if status != "NotStarted":', '    print("started")']],
    ['in ("NotStarted", "Running")', ['while run.get_status() in ("NotStarted", "Running"):', '    time.sleep(10)']],
    ['a final state beside "Running" in one tuple', ['if run.get_status() in ("Running", "Finished"):', '    print("submitted")']],
    ['== "Queued" (a v1 running state, never in the table)', ['if run.get_status() == "Queued":', '    print("waiting")']],
  ] as const) {
    it(`refused: a fetched pipeline run's status ${title}`, () => refused([...FETCHED, ...lines, ''].join('\n'), 'PipelineRun.get()'));
  }

  it('refused: the status of a submitted pipeline\'s run == "Running" (the run\'s fix, and so the file, unchanged)', () =>
    refused(
      [
        'from azureml.core import Experiment, Workspace',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'step = PythonScriptStep(name="train", script_name="train.py", source_directory="src", compute_target="cpu")',
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        'run = Experiment(ws, "e").submit(pipeline)',
        'if run.get_status() == "Running":',
        '    print("still going")',
        '',
      ].join('\n'),
      'Run.get_status',
    ));
});
