/**
 * Round 17 (pipes), jobs.ts + pipelines.ts: a v1 pipeline's own submit options.
 * - `exp.submit(pipeline, pipeline_parameters={"p": literal})` → `ml_client.jobs.create_or_update(pipeline_func(p=literal), ...)`:
 *   v2 gives a pipeline's parameters when its @dsl.pipeline function is called (azure-ai-ml dsl/_pipeline_decorator.py
 *   docstring: `pipeline_job = sample_pipeline_func(pipeline_str_param='literal')`), inputs being Input or str/bool/int/float
 *   (_validate_args);
 * - `continue_on_step_failure=True` → `@dsl.pipeline(continue_on_step_failure=True)` (a decorator kwarg that becomes
 *   PipelineJobSettings.continue_on_step_failure, _pipeline_decorator.py);
 * - a pipeline submitted several times: every submit rewritten with the one v2 pipeline function, the later ones
 *   calling it again (JobOperations.create_or_update names a nameless job in place: _generate_job_defaults).
 * - jobs.ts: `PipelineRun(ws.experiments["name"], run_id)` (or `Experiment(ws, name)`): a Run subclass with Run's
 *   constructor (azureml-pipeline-core PipelineRun) → `ml_client.jobs.get(run_id)`, its uses as a job's.
 * Refused: a parameter value that is not a literal (a v1 dataset has no v2 pipeline-input form), a key naming no
 * PipelineParameter, a non-literal continue_on_step_failure, submits that disagree on it, and these options on a
 * submit of something other than a v1 pipeline.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';
const V1_HEAD = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline, PipelineParameter',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'alpha = PipelineParameter(name="alpha", default_value=0.5)',
  'step = PythonScriptStep(name="train", script_name="train.py", arguments=["--alpha", alpha], compute_target="cpu-cluster", source_directory="src")',
  'pipeline = Pipeline(workspace=ws, steps=[step])',
];
const V2_HEAD = [
  'import azure.ai.ml.entities',
  'from azure.ai.ml import command',
  'from azure.ai.ml import dsl',
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
  'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
  '',
  'alpha = 0.5',
  'step = command(',
  '    display_name="train",',
  '    code="src",',
  '    command="python train.py --alpha ${{inputs.alpha}}",',
  '    inputs={"alpha": alpha},',
  '    compute="cpu-cluster",',
  `    environment=${IMAGE}`,
  ')',
  '',
];
const V2_FUNC = ['def pipeline_func(alpha=alpha):', '    step_node = step(alpha=alpha)', '', 'pipeline = pipeline_func()'];

describe('rewrites round 17 (pipes): pipeline_parameters and continue_on_step_failure at submit', () => {
  rewriteCases([
    [
      'submitted twice, the second with pipeline_parameters; continue_on_step_failure=True on both',
      [
        ...V1_HEAD,
        'run = Experiment(ws, "params").submit(pipeline, continue_on_step_failure=True)',
        'run.wait_for_completion()',
        'run2 = Experiment(ws, "params").submit(pipeline, pipeline_parameters={"alpha": 0.9}, continue_on_step_failure=True)',
        '',
      ].join('\n'),
      [
        ...V2_HEAD,
        '@dsl.pipeline(continue_on_step_failure=True)',
        ...V2_FUNC,
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="params")',
        'ml_client.jobs.stream(run.name)',
        'run2 = ml_client.jobs.create_or_update(pipeline_func(alpha=0.9), experiment_name="params")',
        '',
      ].join('\n'),
    ],
    [
      'submitted twice without parameters: the later submit calls the pipeline function again (create_or_update names the job in place)',
      [...V1_HEAD, 'exp = Experiment(ws, "twice")', 'run = exp.submit(pipeline)', 'run2 = exp.submit(pipeline)', ''].join('\n'),
      [
        ...V2_HEAD,
        '@dsl.pipeline()',
        ...V2_FUNC,
        'exp = "twice"',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="twice")',
        'run2 = ml_client.jobs.create_or_update(pipeline_func(), experiment_name="twice")',
        '',
      ].join('\n'),
    ],
    [
      'pipeline_parameters with a string value, a single submit',
      [
        ...V1_HEAD.slice(0, 5),
        'mode = PipelineParameter(name="mode", default_value="fast")',
        'step = PythonScriptStep(name="train", script_name="train.py", arguments=["--mode", mode], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        "run = Experiment(ws, 'modes').submit(pipeline, pipeline_parameters={'mode': 'slow'})",
        '',
      ].join('\n'),
      [
        ...V2_HEAD.slice(0, 7),
        'mode = "fast"',
        'step = command(',
        '    display_name="train",',
        '    code="src",',
        '    command="python train.py --mode ${{inputs.mode}}",',
        '    inputs={"mode": mode},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func(mode=mode):',
        '    step_node = step(mode=mode)',
        '',
        'pipeline = pipeline_func()',
        "run = ml_client.jobs.create_or_update(pipeline_func(mode='slow'), experiment_name='modes')",
        '',
      ].join('\n'),
    ],
  ]);

  rewriteCases([
    [
      'PipelineRun(ws.experiments[name], run_id) (a run submitted elsewhere, e.g. over REST): the job of that ID',
      [
        'from azureml.core import Workspace',
        'from azureml.pipeline.core.run import PipelineRun',
        'from azureml.widgets import RunDetails',
        '',
        'ws = Workspace.from_config()',
        'run_id = response.json().get("Id")',
        'rest_run = PipelineRun(ws.experiments["MyRestPipeline"], run_id)',
        'RunDetails(rest_run).show()',
        'rest_run.wait_for_completion()',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'run_id = response.json().get("Id")',
        'rest_run = ml_client.jobs.get(run_id)',
        'ml_client.jobs.stream(rest_run.name)',
        'ml_client.jobs.stream(rest_run.name)',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused: PipelineRun of an experiments entry read otherwise (ws.experiments.get)', () => {
    const src = ['from azureml.core import Workspace', 'from azureml.pipeline.core import PipelineRun', 'ws = Workspace.from_config()', 'r = PipelineRun(ws.experiments.get("x"), "id")', 'r.wait_for_completion()', ''].join('\n');
    assert.match(fixPython(src, true), /PipelineRun\(/);
  });

  it('a notebook: the pipeline in one cell, submitted with pipeline_parameters in another', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nfrom azureml.pipeline.core import Pipeline, PipelineParameter\nfrom azureml.pipeline.steps import PythonScriptStep' },
      { kind: 'code', text: 'ws = Workspace.from_config()\nexperiment = Experiment(ws, "nb-params")' },
      { kind: 'code', text: [...V1_HEAD.slice(5), 'print("pipeline built")'].join('\n') },
      { kind: 'code', text: 'pipeline_run = experiment.submit(pipeline, pipeline_parameters={"alpha": 2})\npipeline_run.wait_for_completion()' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const texts = out.cells.map((c) => c.text);
    assert.equal(texts[1], 'experiment = "nb-params"');
    assert.equal(texts[2], [...V2_HEAD.slice(7), '@dsl.pipeline()', ...V2_FUNC, 'print("pipeline built")'].join('\n'));
    assert.equal(texts[3], 'pipeline_run = ml_client.jobs.create_or_update(pipeline_func(alpha=2), experiment_name="nb-params")\nml_client.jobs.stream(pipeline_run.name)');
    for (const t of texts) assert.ok(parses(t), t);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.deepEqual(again.cells.map((c) => c.text), texts);
  });

  const refused: Array<[string, string[]]> = [
    ['a parameter value that is a name (maybe a v1 dataset)', ['value = 0.9', 'run = Experiment(ws, "p").submit(pipeline, pipeline_parameters={"alpha": value})']],
    ['a key naming no PipelineParameter', ['run = Experiment(ws, "p").submit(pipeline, pipeline_parameters={"beta": 0.9})']],
    ['pipeline_parameters not a dict literal', ['params = {"alpha": 0.9}', 'run = Experiment(ws, "p").submit(pipeline, pipeline_parameters=params)']],
    ['continue_on_step_failure not a literal', ['flag = True', 'run = Experiment(ws, "p").submit(pipeline, continue_on_step_failure=flag)']],
    ['submits disagreeing on continue_on_step_failure', ['run = Experiment(ws, "p").submit(pipeline, continue_on_step_failure=True)', 'run2 = Experiment(ws, "p").submit(pipeline)']],
  ];
  for (const [title, tail] of refused) {
    it(`refused: ${title}`, () => {
      const out = fixPython([...V1_HEAD, ...tail, ''].join('\n'), true);
      assert.match(out, /\.submit\(pipeline/);
      assert.match(out, /Pipeline\(workspace=ws/);
      assert.ok(parses(out));
    });
  }

  it('refused: continue_on_step_failure on a ScriptRunConfig submit', () => {
    const src = [
      'from azureml.core import Workspace, Experiment, ScriptRunConfig',
      'ws = Workspace.from_config()',
      'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster")',
      'run = Experiment(ws, "p").submit(src, continue_on_step_failure=True)',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.match(out, /\.submit\(src, continue_on_step_failure=True\)/);
  });
});
