/**
 * Round 18 (pipes), pipelines.ts: CommandStep and registered OutputFileDatasetConfig outputs.
 * - `CommandStep(command=..., name=, source_directory=, compute_target=, runconfig=, inputs=, outputs=, allow_reuse=)`
 *   → a `command(...)` node of the @dsl.pipeline, as a PythonScriptStep (PIPE,
 *   https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-pipeline). v1 shlex-splits a string
 *   command (azureml-pipeline-steps CommandStep: command = first word, arguments = the rest; a list's first item is split
 *   the same way, its other items are arguments): only words a shell splits the same way are written as is.
 * - `f"...{out.arg_val}"` (a data's path in a string, in a command or an argument) → `${{outputs.x}}`/`${{inputs.x}}`.
 * - `y = out.as_input(name)` bound once and read by steps: the producer's output, the statement goes.
 * - `out = out.register_on_complete(name=n)` (or chained) → `node.outputs.x.name = n` in the pipeline function
 *   (https://learn.microsoft.com/azure/machine-learning/how-to-manage-inputs-outputs-pipeline, "Register a child job's
 *   output"; Output "A name can be set without setting a version").
 * - `Pipeline(steps=step)`: one step and the steps it needs (v1 resolves the closure).
 * - An OutputFileDatasetConfig without a name (named after its variable), a destination path given by a name bound once.
 * Refused: shell syntax or quotes in a CommandStep command (v1 runs no shell), other interpolations, register_on_complete
 * with description/tags, a command given by the runconfig only.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';

const V1_LIFECYCLE = [
  'from azureml.core import Workspace, Experiment, Environment',
  'from azureml.core.runconfig import RunConfiguration',
  'from azureml.data import OutputFileDatasetConfig',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import PythonScriptStep, CommandStep',
  '',
  'ws = Workspace.from_config()',
  'run_config = RunConfiguration()',
  'run_config.environment = Environment.get(workspace=ws, name="my-env")',
  '',
  'raw = OutputFileDatasetConfig(name="raw_data")',
  'raw = raw.register_on_complete(name="raw_data")',
  '',
  'get_step = PythonScriptStep(',
  '    name="get_raw_data",',
  '    script_name="get_raw_data.py",',
  '    source_directory=".",',
  '    arguments=[f"data.raw.folder={raw.arg_val}"],',
  '    outputs=[raw],',
  '    compute_target="cpu-cluster",',
  '    runconfig=run_config,',
  '    allow_reuse=True,',
  ')',
  '',
  'raw_input = raw.as_input(name="raw_data")',
  'clean = OutputFileDatasetConfig(name="clean_data")',
  '',
  'clean_step = CommandStep(',
  '    name="clean",',
  '    command=(',
  '        "python -m src.clean "',
  '        f"data.raw.folder={raw_input.arg_val} "',
  '        f"data.clean.folder={clean.arg_val}"',
  '    ),',
  '    source_directory=".",',
  '    inputs=[raw_input],',
  '    outputs=[clean],',
  '    compute_target="cpu-cluster",',
  '    runconfig=run_config,',
  ')',
  '',
];

const V1_SINGLE = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.data import OutputFileDatasetConfig',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import CommandStep',
  '',
  'ws = Workspace.from_config()',
  'prepared = OutputFileDatasetConfig(name="prepared").register_on_complete(name="prepared-data")',
  'prep = CommandStep(name="prep", command=["python prep.py --out", prepared], source_directory="src", outputs=[prepared], compute_target="cpu-cluster")',
  'prepared_in = prepared.as_input(name="prepared")',
  'train = CommandStep(command=f"python train.py --data {prepared_in.arg_val}", source_directory="src", inputs=[prepared_in], compute_target="cpu-cluster")',
  'pipeline = Pipeline(workspace=ws, steps=train)',
  'run = Experiment(ws, "single").submit(pipeline)',
  '',
];

describe('rewrites round 18 (pipes): CommandStep, arg_val, register_on_complete', () => {
  rewriteCases([
    [
      'a PythonScriptStep and a CommandStep reading its registered output through as_input and arg_val',
      [...V1_LIFECYCLE, 'pipeline = Pipeline(workspace=ws, steps=[get_step, clean_step])', 'run = Experiment(ws, "prep").submit(pipeline)', ''].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'run_config = ml_client.environments.get(name="my-env", label="latest")',
        '',
        'raw = Output(type="uri_folder")',
        '',
        'get_step = command(',
        '    display_name="get_raw_data",',
        '    code=".",',
        '    command="python get_raw_data.py data.raw.folder=${{outputs.raw_data}}",',
        '    outputs={"raw_data": raw},',
        '    compute="cpu-cluster",',
        '    is_deterministic=True,',
        '    environment=run_config,',
        ')',
        '',
        'clean = Output(type="uri_folder")',
        '',
        'clean_step = command(',
        '    display_name="clean",',
        '    code=".",',
        '    command="python -m src.clean data.raw.folder=${{inputs.raw_data}} data.clean.folder=${{outputs.clean_data}}",',
        '    inputs={"raw_data": Input(type="uri_folder")},',
        '    outputs={"clean_data": clean},',
        '    compute="cpu-cluster",',
        '    environment=run_config,',
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    get_step_node = get_step()',
        '    get_step_node.outputs.raw_data.name = "raw_data"',
        '    clean_step_node = clean_step(raw_data=get_step_node.outputs.raw_data)',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="prep")',
        '',
      ].join('\n'),
    ],
    [
      'Pipeline(steps=<one CommandStep>): the step it reads from comes along; a list command; a chained register_on_complete',
      V1_SINGLE.join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'prepared = Output(type="uri_folder")',
        'prep = command(',
        '    display_name="prep",',
        '    code="src",',
        '    command="python prep.py --out ${{outputs.prepared}}",',
        '    outputs={"prepared": prepared},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        'train = command(',
        '    code="src",',
        '    command="python train.py --data ${{inputs.prepared}}",',
        '    inputs={"prepared": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    prep_node.outputs.prepared.name = "prepared-data"',
        '    train_node = train(prepared=prep_node.outputs.prepared)',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="single")',
        '',
      ].join('\n'),
    ],
    [
      'an unread list of the steps stays (it holds the v2 nodes)',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import CommandStep',
        '',
        'ws = Workspace.from_config()',
        'hello = CommandStep(name="hello", command="echo hello", compute_target="cpu-cluster")',
        'all_steps = [hello]',
        'pipeline = Pipeline(workspace=ws, steps=[hello])',
        'run = Experiment(ws, "hello").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'hello = command(',
        '    display_name="hello",',
        '    command="echo hello",',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        'all_steps = [hello]',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    hello_node = hello()',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="hello")',
        '',
      ].join('\n'),
    ],
    [
      'a nameless OutputFileDatasetConfig: the output is named after its variable',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.data import OutputFileDatasetConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'scored = OutputFileDatasetConfig()',
        'step = PythonScriptStep(script_name="score.py", arguments=["--out", scored], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        'run = Experiment(ws, "score").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'scored = Output(type="uri_folder")',
        'step = command(',
        '    code="src",',
        '    command="python score.py --out ${{outputs.scored}}",',
        '    outputs={"scored": scored},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    step_node = step()',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="score")',
        '',
      ].join('\n'),
    ],
    [
      'a destination path given by a name bound once to a string (the SimpleBatchScoring shape)',
      [
        'from azureml.core import Workspace, Experiment',
        'from azureml.data import OutputFileDatasetConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'output_folder = "batch-output"',
        'ws = Workspace.from_config()',
        'datastore = ws.get_default_datastore()',
        'output = OutputFileDatasetConfig(destination=(datastore, output_folder))',
        'step = PythonScriptStep("score.py", source_directory="src", name="score", compute_target="cpu-cluster", arguments=["--output-folder", output], outputs=[output])',
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        'run = Experiment(ws, "score").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'output_folder = "batch-output"',
        'ws = ml_client',
        'datastore = ws.datastores.get_default()',
        'output = Output(type="uri_folder", path="azureml://datastores/${{default_datastore}}/paths/batch-output")',
        'step = command(',
        '    display_name="score",',
        '    code="src",',
        '    command="python score.py --output-folder ${{outputs.output}}",',
        '    outputs={"output": output},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    step_node = step()',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="score")',
        '',
      ].join('\n'),
    ],
  ]);

  it('refused: a destination path whose name is bound twice (which value the step sees depends on the order)', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'from azureml.data import OutputFileDatasetConfig',
      'from azureml.pipeline.core import Pipeline',
      'from azureml.pipeline.steps import PythonScriptStep',
      'import sys',
      'folder = "a"',
      'if sys.argv[1:]:',
      '    folder = "b"',
      'ws = Workspace.from_config()',
      'output = OutputFileDatasetConfig(destination=(ws.get_default_datastore(), folder))',
      'step = PythonScriptStep("score.py", source_directory="src", compute_target="cpu-cluster", arguments=["--out", output])',
      'pipeline = Pipeline(workspace=ws, steps=[step])',
      'run = Experiment(ws, "score").submit(pipeline)',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.match(out, /OutputFileDatasetConfig\(destination=/);
    assert.match(out, /Pipeline\(workspace=ws/);
  });

  it('refused: a nameless OutputFileDatasetConfig whose destination spells {output-name} (a name v1 made up)', () => {
    const src = [
      'from azureml.core import Workspace, Experiment, Datastore',
      'from azureml.data import OutputFileDatasetConfig',
      'from azureml.pipeline.core import Pipeline',
      'from azureml.pipeline.steps import PythonScriptStep',
      'ws = Workspace.from_config()',
      'store = Datastore.get(ws, "blobs")',
      'scored = OutputFileDatasetConfig(destination=(store, "out/{output-name}"))',
      'step = PythonScriptStep(script_name="score.py", arguments=["--out", scored], compute_target="cpu-cluster", source_directory="src")',
      'pipeline = Pipeline(workspace=ws, steps=[step])',
      'run = Experiment(ws, "score").submit(pipeline)',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.match(out, /OutputFileDatasetConfig\(destination=/);
    assert.match(out, /Pipeline\(workspace=ws/);
  });

  const refused: Array<[string, string, string]> = [
    ['shell syntax in a CommandStep command (v1 shlex-splits it, runs no shell)', 'command="python a.py && python b.py"', 'CommandStep('],
    ['quotes in a CommandStep command', `command="python a.py --msg 'hi there'"`, 'CommandStep('],
    ['another interpolation in the command', 'command=f"python a.py --n {n}"', 'CommandStep('],
    ['a command given by the runconfig only', 'runconfig=rc', 'CommandStep('],
  ];
  for (const [title, arg, kept] of refused) {
    it(`refused: ${title}`, () => {
      const src = [
        'from azureml.core import Workspace, Experiment, ScriptRunConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import CommandStep',
        'ws = Workspace.from_config()',
        'n = 3',
        'rc = ScriptRunConfig(source_directory=".", command="python a.py")',
        `step = CommandStep(name="s", ${arg}, compute_target="cpu-cluster")`,
        'pipeline = Pipeline(workspace=ws, steps=[step])',
        'run = Experiment(ws, "x").submit(pipeline)',
        '',
      ].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes(kept), out);
      assert.match(out, /Pipeline\(workspace=ws/);
      assert.ok(parses(out));
    });
  }

  it('refused: register_on_complete with a description (no v2 form checked for the asset description)', () => {
    const src = V1_SINGLE.join('\n').replace('register_on_complete(name="prepared-data")', 'register_on_complete(name="prepared-data", description="d")');
    const out = fixPython(src, true);
    assert.match(out, /register_on_complete\(name="prepared-data", description="d"\)/);
    assert.match(out, /Pipeline\(workspace=ws/);
  });

  it('refused: an output read outside the pipeline through its alias', () => {
    const src = V1_SINGLE.join('\n').replace('pipeline = Pipeline(', 'print(prepared_in)\npipeline = Pipeline(');
    const out = fixPython(src, true);
    assert.match(out, /Pipeline\(workspace=ws/);
    assert.match(out, /CommandStep\(/);
  });

  it('a notebook: data, steps and the submit in separate cells', () => {
    const cells = [
      { kind: 'code', text: V1_SINGLE.slice(0, 4).join('\n') },
      { kind: 'code', text: V1_SINGLE.slice(5, 7).join('\n') },
      { kind: 'code', text: V1_SINGLE.slice(7, 11).join('\n') },
      { kind: 'code', text: V1_SINGLE[11] },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const texts = out.cells.map((c) => c.text);
    assert.equal(texts[1], 'prepared = Output(type="uri_folder")');
    assert.equal(
      texts[2],
      [
        'prep = command(',
        '    display_name="prep",',
        '    code="src",',
        '    command="python prep.py --out ${{outputs.prepared}}",',
        '    outputs={"prepared": prepared},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        'train = command(',
        '    code="src",',
        '    command="python train.py --data ${{inputs.prepared}}",',
        '    inputs={"prepared": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    prep_node.outputs.prepared.name = "prepared-data"',
        '    train_node = train(prepared=prep_node.outputs.prepared)',
        '',
        'pipeline = pipeline_func()',
      ].join('\n'),
    );
    assert.equal(texts[3], 'run = ml_client.jobs.create_or_update(pipeline, experiment_name="single")');
    for (const t of texts) assert.ok(parses(t), t);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.deepEqual(again.cells.map((c) => c.text), texts);
  });
});
