/**
 * Round 24 (pipes): a pipeline run fetched by ID and polled (the MLOps "check pipeline status" script shape):
 * `run = PipelineRun.get(ws, run_id)` (a static method, also called on `PipelineRun(experiment, run_id)`) → `run =
 * ml_client.jobs.get(run_id)` (JobOperations.get; the job name is the run ID: migrate-to-v2-command-job), its
 * `get_status()` → `ml_client.jobs.get(run.name).status`. A v1 pipeline run that succeeded reports "Finished"
 * (azureml-pipeline-core PipelineRun.get_status), a v2 job "Completed" (JobStatus): a compared literal is spelled as
 * v2 spells it, so the loop still ends. Refused: a status compared to something else (a name, an unknown literal),
 * read otherwise (`status.lower()`), the run handed to a function.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { parses, rewriteCases } from './helpers';

type Cells = Array<{ kind: string; text: string }>;
const nb = (cells: string[]): DocumentInput => ({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code', text })) } as DocumentInput);

function noFix(input: DocumentInput, api: string): void {
  const found = lint(input).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
}

const POLL = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import PipelineRun',
  'import sys',
  'import time',
  '',
  '',
  'def main(sub, rg, name, exp_name, run_id):',
  '    ws = Workspace.get(name=name, subscription_id=sub, resource_group=rg)',
  '    experiment = Experiment(ws, exp_name)',
  '    pipeline_run = PipelineRun(experiment, run_id)',
  '    run = pipeline_run.get(ws, run_id)',
  '    while True:',
  '        status = run.get_status()',
  '        print("status:", status)',
  '        if status in ("Finished", "Failed", "Canceled"):',
  '            print(f"run {run.id} ended: {status}")',
  '            break',
  '        time.sleep(10)',
  '    if status != "Finished":',
  '        sys.exit(1)',
  '',
];

describe('rewrites, round 24: a pipeline run fetched by ID and its status', () => {
  rewriteCases([
    [
      'PipelineRun(experiment, id).get(ws, id) polled: the v2 job, "Finished" spelled "Completed"',
      POLL.join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import sys',
        'import time',
        '',
        '',
        'def main(sub, rg, name, exp_name, run_id):',
        '    ws = MLClient(DefaultAzureCredential(), subscription_id=sub, resource_group_name=rg, workspace_name=name)',
        '    ml_client = ws',
        '    experiment = exp_name',
        '    run = ml_client.jobs.get(run_id)',
        '    while True:',
        '        status = ml_client.jobs.get(run.name).status',
        '        print("status:", status)',
        '        if status in ("Completed", "Failed", "Canceled"):',
        '            print(f"run {run.name} ended: {status}")',
        '            break',
        '        time.sleep(10)',
        '    if status != "Completed":',
        '        sys.exit(1)',
        '',
      ].join('\n'),
    ],
    [
      'PipelineRun.get(ws, id) on the class: waited for, status shown and compared inline',
      [
        'from azureml.core import Workspace',
        'from azureml.pipeline.core import PipelineRun',
        '',
        'ws = Workspace.from_config()',
        'run = PipelineRun.get(ws, "0a1b2c")',
        'run.wait_for_completion(show_output=True)',
        'print(run.get_status())',
        "if run.get_status() == 'Failed':",
        '    raise SystemExit(1)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'run = ml_client.jobs.get("0a1b2c")',
        'ml_client.jobs.stream(run.name)',
        'print(ml_client.jobs.get(run.name).status)',
        "if ml_client.jobs.get(run.name).status == 'Failed':",
        '    raise SystemExit(1)',
        '',
      ].join('\n'),
    ],
    [
      'PipelineRun(ws.experiments[name], id): its status compared, "Finished" spelled "Completed"',
      [
        'from azureml.core import Workspace',
        'from azureml.pipeline.core import PipelineRun',
        '',
        'ws = Workspace.from_config()',
        'pipeline_run = PipelineRun(ws.experiments["train-pipeline"], "0a1b2c")',
        'pipeline_run.wait_for_completion()',
        'if pipeline_run.get_status() == "Finished":',
        '    print("done", pipeline_run.id)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'pipeline_run = ml_client.jobs.get("0a1b2c")',
        'ml_client.jobs.stream(pipeline_run.name)',
        'if ml_client.jobs.get(pipeline_run.name).status == "Completed":',
        '    print("done", pipeline_run.name)',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook: the fetch and the status check in separate cells', () => {
    const cells = [
      'from azureml.core import Workspace\nfrom azureml.pipeline.core import PipelineRun\nws = Workspace.from_config()',
      'run = PipelineRun.get(ws, run_id)',
      'status = run.get_status()\nstatus == "Finished"',
    ];
    const expected = [
      'from azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nml_client = MLClient.from_config(credential=DefaultAzureCredential())',
      'run = ml_client.jobs.get(run_id)',
      'status = ml_client.jobs.get(run.name).status\nstatus == "Completed"',
    ];
    const out = fixDocument(nb(cells), undefined, { unsafe: true }).output as { cells: Cells };
    assert.deepEqual(out.cells.map((c) => c.text), expected);
    for (const c of out.cells) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Cells };
    assert.deepEqual(again.cells.map((c) => c.text), expected, 'a second run changes nothing');
  });

  const head = ['from azureml.core import Workspace', 'from azureml.pipeline.core import PipelineRun', 'ws = Workspace.from_config()', 'run = PipelineRun.get(ws, "x")'];
  for (const [title, lines] of [
    ['a status compared to a name (its spelling unknown)', ['done = "Finished"', 'if run.get_status() == done:', '    print("ok")']],
    ['a status compared to a literal v1 pipeline runs never report', ['if run.get_status() == "Completed":', '    print("ok")']],
    ['a status read otherwise', ['status = run.get_status()', 'print(status.lower())']],
    ['the run handed to a function', ['report(run)']],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: [...head, ...lines, ''].join('\n') }, 'PipelineRun.get()'));
  }
});

describe('rewrites, round 24 (lead): the run of a submitted pipeline keeps its status checks true', () => {
  const HEAD = [
    'from azureml.core import Experiment, Workspace',
    'from azureml.pipeline.core import Pipeline',
    'from azureml.pipeline.steps import PythonScriptStep',
    '',
    'ws = Workspace.from_config()',
    'step = PythonScriptStep(name="train", script_name="train.py", source_directory="src", compute_target="cpu")',
    'pipeline = Pipeline(workspace=ws, steps=[step])',
    'run = Experiment(ws, "e").submit(pipeline)',
  ];
  const fixed = (lines: string[]) => (fixDocument({ kind: 'python', text: [...HEAD, ...lines, ''].join('\n') }, undefined, { unsafe: true }).output as { text: string }).text;

  it('`run.get_status() == "Finished"` (a v1 PipelineRun) is compared with "Completed" (the v2 job status)', () => {
    const out = fixed(['if run.get_status() == "Finished":', '    print("done")', 'status = run.get_status()', 'print(status in ("Finished", "Failed"))']);
    assert.ok(out.includes('if ml_client.jobs.get(run.name).status == "Completed":'), out);
    assert.ok(out.includes('print(status in ("Completed", "Failed"))'), out);
    assert.ok(!out.includes('Finished'), out);
    assert.ok(parses(out), out);
  });

  it('a pipeline run status read otherwise is not rewritten', () => {
    noFix({ kind: 'python', text: [...HEAD, 'print(run.get_status().lower())', ''].join('\n') }, 'Run.get_status');
  });
});

describe('rewrites (review): a pipeline run fetched by ID and read in ways only jobs.ts rewrites', () => {
  it('its "Finished" status check is spelled "Completed" too (jobs.ts fetchedRunEdits used to keep it)', () => {
    const text = [
      'from azureml.core import Experiment, Workspace',
      'from azureml.pipeline.core import PipelineRun',
      '',
      'ws = Workspace.from_config()',
      'run = PipelineRun(Experiment(ws, "e"), "abc")',
      'print(run.get_portal_url())',
      'if run.get_status() == "Finished":',
      '    print("ok")',
      '',
    ].join('\n');
    const out = (fixDocument({ kind: 'python', text }, undefined, { unsafe: true }).output as { text: string }).text;
    assert.ok(out.includes('print(run.studio_url)'), out);
    assert.ok(out.includes('if ml_client.jobs.get(run.name).status == "Completed":'), out);
    assert.ok(parses(out), out);
  });
});

describe('rewrites (fold): PipelineRun(experiment, id) whose experiment only it reads', () => {
  it('one fix, offered by the Experiment and the PipelineRun, fetches the job and leaves the experiment its name', () => {
    const text = [
      'from azureml.core import Experiment, Workspace',
      'from azureml.pipeline.core import PipelineRun',
      '',
      'ws = Workspace.from_config()',
      'experiment = Experiment(ws, "train-pipeline")',
      'run = PipelineRun(experiment, "abc")',
      'if run.get_status() == "Finished":',
      '    print("ok")',
      '',
    ].join('\n');
    const findings = lint({ kind: 'python', text }).findings;
    for (const api of ['Experiment()', 'PipelineRun()']) {
      const f = findings.find((x) => x.message.includes(`\`${api}`));
      const edits = f?.fixes?.[0]?.edits.map((e) => e.newText) ?? [];
      assert.ok(edits.includes('"train-pipeline"') && edits.includes('ml_client.jobs.get("abc")') && edits.includes('"Completed"'), `${api}: ${JSON.stringify(edits)}`);
    }
  });
});
