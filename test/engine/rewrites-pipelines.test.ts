import * as assert from 'node:assert/strict';
import { fixDocument, lint } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const fixPy = (text: string): string => fixPython(text, true);

/** The fixes offered on the finding for `symbol` at a 0-based line. */
function fixesAt(src: string, symbol: string, line: number): unknown {
  const f = lint({ kind: 'python', text: src }).findings.find((x) => x.symbol === symbol && x.range.start.line === line);
  assert.ok(f, `a finding for ${symbol} on line ${line}`);
  return f.fixes;
}

// The v2 default environment of a step without runconfig, flagged for review.
const ENV = '    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';

describe('rewrites: pipelines', () => {
  const cases: Array<[string, string, string]> = [
    [
      'PipelineData between two steps, a PipelineParameter, a run_after implied by data (PIPE)',
      [
        'from azureml.pipeline.core import Pipeline, PipelineData, PipelineParameter',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'prepped = PipelineData("prepped")',
        'lr = PipelineParameter(name="lr", default_value=0.1)',
        'step1 = PythonScriptStep(name="prep", script_name="prep.py", arguments=["--out", prepped], outputs=[prepped], compute_target="cpu-cluster", source_directory="src")',
        'step2 = PythonScriptStep(name="train", script_name="train.py", arguments=["--in", prepped, "--lr", lr], inputs=[prepped], compute_target="cpu-cluster", source_directory="src", allow_reuse=False)',
        'step2.run_after(step1)',
        'pipeline = Pipeline(workspace=ws, steps=[step2], description="demo")',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        '',
        'prepped = Output(type="uri_folder")',
        'lr = 0.1',
        'step1 = command(',
        '    display_name="prep",',
        '    code="src",',
        '    command="python prep.py --out ${{outputs.prepped}}",',
        '    outputs={"prepped": prepped},',
        '    compute="cpu-cluster",',
        ENV,
        ')',
        'step2 = command(',
        '    display_name="train",',
        '    code="src",',
        '    command="python train.py --in ${{inputs.prepped}} --lr ${{inputs.lr}}",',
        '    inputs={"prepped": Input(type="uri_folder"), "lr": lr},',
        '    compute="cpu-cluster",',
        '    is_deterministic=False,',
        ENV,
        ')',
        '',
        '@dsl.pipeline(description="demo")',
        'def pipeline_func(lr=lr):',
        '    step1_node = step1()',
        '    step2_node = step2(prepped=step1_node.outputs.prepped, lr=lr)',
        '',
        'pipeline = pipeline_func()',
        '',
      ].join('\n'),
    ],
    [
      'a step in no pipeline: a command job of its own; positional arguments; allow_reuse → is_deterministic',
      'from azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep("prep.py", "prep", ["--n", 3], "cpu", source_directory="src", allow_reuse=False)\n',
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'step = command(',
        '    display_name="prep",',
        '    code="src",',
        '    command="python prep.py --n 3",',
        '    compute="cpu",',
        '    is_deterministic=False,',
        ENV,
        ')',
        '',
      ].join('\n'),
    ],
    [
      'PipelineData on a datastore got by name → an output path there; a file dataset mounted in the arguments → an input of the step',
      [
        'from azureml.core import Dataset, Datastore',
        'from azureml.pipeline.core import Pipeline, PipelineData',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'blob_store = Datastore(ws, "workspaceblobstore")',
        'raw = Dataset.File.from_files(path=(blob_store, "raw/"))',
        'prepped = PipelineData("prepped", datastore=blob_store)',
        'prep_step = PythonScriptStep(name="prep", script_name="prep.py", arguments=["--raw", raw.as_named_input("raw").as_mount(), "--out", prepped], outputs=[prepped], compute_target="cpu-cluster")',
        'train_step = PythonScriptStep(name="train", script_name="train.py", arguments=["--in", prepped], inputs=[prepped], compute_target="cpu-cluster")',
        'pipeline = Pipeline(workspace=ws, steps=[train_step])',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import Input',
        'from azure.ai.ml.constants import AssetTypes',
        'from azure.ai.ml.constants import InputOutputModes',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'blob_store = ml_client.datastores.get(name="workspaceblobstore")',
        'raw = "azureml://datastores/workspaceblobstore/paths/raw/"',
        'prepped = Output(type="uri_folder", path="azureml://datastores/workspaceblobstore/paths/azureml/${{name}}/${{output_name}}")',
        'prep_step = command(',
        '    display_name="prep",',
        '    command="python prep.py --raw ${{inputs.raw}} --out ${{outputs.prepped}}",',
        '    inputs={"raw": Input(type=AssetTypes.URI_FOLDER, path=raw, mode=InputOutputModes.RO_MOUNT)},',
        '    outputs={"prepped": prepped},',
        '    compute="cpu-cluster",',
        ENV,
        ')',
        'train_step = command(',
        '    display_name="train",',
        '    command="python train.py --in ${{inputs.prepped}}",',
        '    inputs={"prepped": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        ENV,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_step_node = prep_step()',
        '    train_step_node = train_step(prepped=prep_step_node.outputs.prepped)',
        '',
        'pipeline = pipeline_func()',
        '',
      ].join('\n'),
    ],
    [
      'compute given as the .name of a compute variable (an earlier pass rewrote compute_target=cluster) stays as written',
      [
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'a = PythonScriptStep(name="a", script_name="a.py", compute_target=cluster.name, source_directory=project_folder, allow_reuse=False)',
        'b = PythonScriptStep(name="b", script_name="b.py", compute_target=cluster.name, source_directory=project_folder)',
        'pipeline1 = Pipeline(workspace=ws, steps=[a, b])',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import dsl',
        '',
        'a = command(',
        '    display_name="a",',
        '    code=project_folder,',
        '    command="python a.py",',
        '    compute=cluster.name,',
        '    is_deterministic=False,',
        ENV,
        ')',
        'b = command(',
        '    display_name="b",',
        '    code=project_folder,',
        '    command="python b.py",',
        '    compute=cluster.name,',
        ENV,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline1_func():',
        '    a_node = a()',
        '    b_node = b()',
        '',
        'pipeline1 = pipeline1_func()',
        '',
      ].join('\n'),
    ],
    [
      'Pipeline(ws, steps, default_datastore=, default_source_directory=) → @dsl.pipeline(default_datastore="name"); the steps without source_directory get it as code',
      [
        'from azureml.core import Datastore',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'project_folder = "scripts"',
        'a = PythonScriptStep(name="a", script_name="a.py", compute_target="cpu")',
        'b = PythonScriptStep(name="b", script_name="b.py", compute_target="cpu", source_directory="other")',
        'pipeline = Pipeline(ws, [a, b], default_datastore=Datastore.get(ws, "mystore"), default_source_directory=project_folder)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import dsl',
        '',
        'project_folder = "scripts"',
        'a = command(',
        '    display_name="a",',
        '    code=project_folder,',
        '    command="python a.py",',
        '    compute="cpu",',
        ENV,
        ')',
        'b = command(',
        '    display_name="b",',
        '    code="other",',
        '    command="python b.py",',
        '    compute="cpu",',
        ENV,
        ')',
        '',
        '@dsl.pipeline(default_datastore="mystore")',
        'def pipeline_func():',
        '    a_node = a()',
        '    b_node = b()',
        '',
        'pipeline = pipeline_func()',
        '',
      ].join('\n'),
    ],
    [
      // The DP-100 pipeline lab: a registered file dataset downloaded under a hyphenated option (the input is
      // named like jobs.ts names a ScriptRunConfig's: --input-data → input_data; the command line keeps the option),
      // an OutputFileDatasetConfig read by the next step with as_input(), a runconfig carrying Environment.get.
      'DP-100 two-step pipeline: a registered dataset under "--input-data" → Input(path="azureml:<name>@latest") named input_data',
      [
        'from azureml.core import Workspace, Experiment, Dataset, Environment',
        'from azureml.core.runconfig import RunConfiguration',
        'from azureml.data import OutputFileDatasetConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'diabetes_ds = Dataset.get_by_name(ws, name="diabetes-files")',
        'env = Environment.get(ws, "AzureML-sklearn-0.24-ubuntu18.04-py37-cpu")',
        'run_config = RunConfiguration()',
        'run_config.environment = env',
        'prepped_data_folder = OutputFileDatasetConfig("prepped_data_folder")',
        'prep_step = PythonScriptStep(name="Prepare Data",',
        '                             source_directory="diabetes_pipeline",',
        '                             script_name="prep_diabetes.py",',
        '                             arguments=["--input-data", diabetes_ds.as_named_input("raw_data").as_download(),',
        '                                        "--prepped-data", prepped_data_folder],',
        '                             compute_target="cpu-cluster",',
        '                             runconfig=run_config,',
        '                             allow_reuse=True)',
        'train_step = PythonScriptStep(name="Train and Register Model",',
        '                              source_directory="diabetes_pipeline",',
        '                              script_name="train_diabetes.py",',
        '                              arguments=["--training-folder", prepped_data_folder.as_input()],',
        '                              compute_target="cpu-cluster",',
        '                              runconfig=run_config,',
        '                              allow_reuse=True)',
        'pipeline = Pipeline(workspace=ws, steps=[prep_step, train_step])',
        'pipeline_run = Experiment(workspace=ws, name="mslearn-diabetes-pipeline").submit(pipeline, regenerate_outputs=True)',
        'pipeline_run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import Input',
        'from azure.ai.ml.constants import AssetTypes',
        'from azure.ai.ml.constants import InputOutputModes',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = ml_client.environments.get(name="AzureML-sklearn-0.24-ubuntu18.04-py37-cpu", label="latest")',
        'prepped_data_folder = Output(type="uri_folder")',
        'prep_step = command(',
        '    display_name="Prepare Data",',
        '    code="diabetes_pipeline",',
        '    command="python prep_diabetes.py --input-data ${{inputs.input_data}} --prepped-data ${{outputs.prepped_data_folder}}",',
        '    inputs={"input_data": Input(type=AssetTypes.URI_FOLDER, path="azureml:diabetes-files@latest", mode=InputOutputModes.DOWNLOAD)},',
        '    outputs={"prepped_data_folder": prepped_data_folder},',
        '    compute="cpu-cluster",',
        '    is_deterministic=True,',
        '    environment=env,',
        ')',
        'train_step = command(',
        '    display_name="Train and Register Model",',
        '    code="diabetes_pipeline",',
        '    command="python train_diabetes.py --training-folder ${{inputs.prepped_data_folder}}",',
        '    inputs={"prepped_data_folder": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        '    is_deterministic=True,',
        '    environment=env,',
        ')',
        '',
        '@dsl.pipeline(force_rerun=True)',
        'def pipeline_func():',
        '    prep_step_node = prep_step()',
        '    train_step_node = train_step(prepped_data_folder=prep_step_node.outputs.prepped_data_folder)',
        '',
        'pipeline = pipeline_func()',
        'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="mslearn-diabetes-pipeline")',
        'ml_client.jobs.stream(pipeline_run.name)',
        '',
      ].join('\n'),
    ],
  ];
  rewriteCases(cases);

  it('OutputFileDatasetConfig outputs read with as_input, a steps list, inside a function (indented)', () => {
    const src = [
      'from azureml.data import OutputFileDatasetConfig',
      'from azureml.pipeline.core import Pipeline',
      'from azureml.pipeline.steps import PythonScriptStep',
      '',
      'def build(script_folder):',
      '    model_output = OutputFileDatasetConfig("model_output")',
      '    train_step = PythonScriptStep(name="train step", script_name="train.py", arguments=["--epochs", 5, "--model_output", model_output], source_directory=script_folder, compute_target="cpu-cluster", allow_reuse=True)',
      '    score_step = PythonScriptStep(name="score step", script_name="score.py", arguments=["--model_input", model_output.as_input("model_input")], source_directory=script_folder, compute_target="cpu-cluster")',
      '    pipeline_steps = [train_step, score_step]',
      '    pipeline = Pipeline(workspace=ws, steps=pipeline_steps)',
      '    print("built")',
      '',
    ].join('\n');
    const expected = [
      'import azure.ai.ml.entities',
      'from azure.ai.ml import command',
      'from azure.ai.ml import Input',
      'from azure.ai.ml import Output',
      'from azure.ai.ml import dsl',
      '',
      'def build(script_folder):',
      '    model_output = Output(type="uri_folder")',
      '    train_step = command(',
      '        display_name="train step",',
      '        code=script_folder,',
      '        command="python train.py --epochs 5 --model_output ${{outputs.model_output}}",',
      '        outputs={"model_output": model_output},',
      '        compute="cpu-cluster",',
      '        is_deterministic=True,',
      `    ${ENV}`,
      '    )',
      '    score_step = command(',
      '        display_name="score step",',
      '        code=script_folder,',
      '        command="python score.py --model_input ${{inputs.model_output}}",',
      '        inputs={"model_output": Input(type="uri_folder")},',
      '        compute="cpu-cluster",',
      `    ${ENV}`,
      '    )',
      '    pipeline_steps = [train_step, score_step]',
      '    @dsl.pipeline()',
      '    def pipeline_func():',
      '        train_step_node = train_step()',
      '        score_step_node = score_step(model_output=train_step_node.outputs.model_output)',
      '',
      '    pipeline = pipeline_func()',
      '    print("built")',
      '',
    ].join('\n');
    const out = fixPy(src);
    assert.equal(out, expected);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
  });

  it('a runconfig that only sets the environment: the steps get the environment, the runconfig goes', () => {
    const src = [
      'from azureml.core import Environment',
      'from azureml.core.runconfig import RunConfiguration',
      'from azureml.pipeline.core import Pipeline',
      'from azureml.pipeline.steps import PythonScriptStep',
      '',
      'env = Environment.from_conda_specification(name="train-env", file_path="conda.yml")',
      'run_config = RunConfiguration()',
      'run_config.environment = env',
      'step = PythonScriptStep(script_name="train.py", compute_target="cpu", source_directory="src", runconfig=run_config)',
      'pipeline = Pipeline(workspace=ws, steps=[step])',
      '',
    ].join('\n');
    const out = fixPy(src);
    // The environment's own rewrite is environment.ts's (checked there); the step uses the variable.
    assert.ok(out.includes('step = command(\n    code="src",\n    command="python train.py",\n    compute="cpu",\n    environment=env,\n)\n'), out);
    assert.ok(out.includes('\n@dsl.pipeline()\ndef pipeline_func():\n    step_node = step()\n\npipeline = pipeline_func()\n'), out);
    assert.ok(!/azureml\.|RunConfiguration|run_config/.test(out), out);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
  });

  it('a submitted pipeline: validate, submit and the run rewritten in one fix', () => {
    const src = [
      'from azureml.core import Workspace, Experiment',
      'from azureml.pipeline.core import Pipeline, PipelineData',
      'from azureml.pipeline.steps import PythonScriptStep',
      'ws = Workspace.from_config()',
      'out = PipelineData("out")',
      'a = PythonScriptStep(script_name="a.py", arguments=["--out", out], outputs=[out], compute_target="cpu")',
      'b = PythonScriptStep(script_name="b.py", arguments=["--in", out], inputs=[out], compute_target="cpu")',
      'pipeline = Pipeline(workspace=ws, steps=[a, b])',
      'pipeline.validate()',
      'run = Experiment(ws, "exp").submit(pipeline)',
      'run.wait_for_completion(show_output=True)',
      '',
    ].join('\n');
    // Every piece offers the same fix: the submission's.
    const titles = [5, 6, 7, 8].map((l) => JSON.stringify(fixesAt(src, ['azureml.pipeline.core.PipelineData', 'azureml.pipeline.steps.PythonScriptStep', 'azureml.pipeline.steps.PythonScriptStep', 'azureml.pipeline.core.Pipeline'][l - 5], l - 1)));
    assert.ok(titles.every((t) => t === titles[0] && t !== undefined), titles.join('\n'));
    const out = fixPy(src);
    for (const part of [
      'out = Output(type="uri_folder")\n',
      'a = command(\n    command="python a.py --out ${{outputs.out}}",\n    outputs={"out": out},\n    compute="cpu",\n' + ENV + '\n)\n',
      'b = command(\n    command="python b.py --in ${{inputs.out}}",\n    inputs={"out": Input(type="uri_folder")},\n    compute="cpu",\n' + ENV + '\n)\n',
      '\n@dsl.pipeline()\ndef pipeline_func():\n    a_node = a()\n    b_node = b(out=a_node.outputs.out)\n\npipeline = pipeline_func()\n',
      '.jobs.validate(pipeline)\n',
      '.jobs.create_or_update(pipeline, experiment_name="exp")\n',
    ]) assert.ok(out.includes(part), `${part}\n---\n${out}`);
    assert.ok(!/azureml\./.test(out), out);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
  });

  it('regenerate_outputs=True → @dsl.pipeline(force_rerun=True); the child runs shown → the child jobs', () => {
    const lines = [
      'from azureml.core import Workspace, Experiment',
      'from azureml.pipeline.core import Pipeline',
      'from azureml.pipeline.steps import PythonScriptStep',
      'ws = Workspace.from_config()',
      'a = PythonScriptStep(script_name="a.py", compute_target="cpu")',
      'pipeline = Pipeline(workspace=ws, steps=[a])',
      'run = Experiment(ws, "exp").submit(pipeline, regenerate_outputs=True)',
      'print(list(run.get_children()))',
      '',
    ];
    const out = fixPy(lines.join('\n'));
    for (const part of [
      '\n@dsl.pipeline(force_rerun=True)\ndef pipeline_func():\n    a_node = a()\n\npipeline = pipeline_func()\n',
      'run = ml_client.jobs.create_or_update(pipeline, experiment_name="exp")\n',
      'print(list(ml_client.jobs.list(parent_job_name=run.name)))\n',
    ]) assert.ok(out.includes(part), `${part}\n---\n${out}`);
    assert.ok(!/azureml\.|regenerate/.test(out), out);
    assert.ok(parses(out));
    assert.equal(fixPy(out), out);
    // Not a literal: no suggestion (nor on a ScriptRunConfig's submit, where it means nothing in v2).
    const variable = lines.join('\n').replace('regenerate_outputs=True', 'regenerate_outputs=again');
    assert.ok(fixPy(variable).includes('regenerate_outputs=again'));
    const script = ['from azureml.core import Workspace, Experiment, ScriptRunConfig', 'ws = Workspace.from_config()', 'src = ScriptRunConfig(source_directory=".", script="a.py", compute_target="cpu")', 'run = Experiment(ws, "exp").submit(src, regenerate_outputs=True)', ''].join('\n');
    assert.ok(fixPy(script).includes('ScriptRunConfig('));
  });

  it('a notebook: data, steps and the pipeline in separate cells', () => {
    const cells = [
      'from azureml.pipeline.core import Pipeline, PipelineData\nfrom azureml.pipeline.steps import PythonScriptStep\n',
      'processed = PipelineData(name="processed", is_directory=True).as_dataset()\n',
      'prep = PythonScriptStep(script_name="prep.py", arguments=["--output", processed], outputs=[processed], compute_target="cpu", source_directory="prep")\nprint("prep created")\n',
      'train = PythonScriptStep(script_name="train.py", arguments=["--input", processed], inputs=[processed], compute_target="cpu", source_directory="train")\n',
      'pipeline1 = Pipeline(workspace=ws, steps=[train])\nprint("Pipeline is built")\n',
    ];
    const out = fixDocument({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
    assert.equal(out.kind, 'notebook');
    const texts = (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    assert.equal(texts[1], 'processed = Output(type="uri_folder")\n');
    assert.equal(texts[3], ['train = command(', '    code="train",', '    command="python train.py --input ${{inputs.processed}}",', '    inputs={"processed": Input(type="uri_folder")},', '    compute="cpu",', ENV, ')', ''].join('\n'));
    assert.equal(texts[4], ['@dsl.pipeline()', 'def pipeline1_func():', '    prep_node = prep()', '    train_node = train(processed=prep_node.outputs.processed)', '', 'pipeline1 = pipeline1_func()', 'print("Pipeline is built")', ''].join('\n'));
    assert.ok(texts[0].includes('from azure.ai.ml import dsl\n') && !texts[0].includes('azureml'), texts[0]);
    assert.ok(parses(texts.join('\n')));
  });

  describe('no suggestion when the rewrite would not be faithful', () => {
    const head = 'from azureml.pipeline.core import Pipeline, PipelineData\nfrom azureml.pipeline.steps import PythonScriptStep, ParallelRunStep\n';
    const step = 'a = PythonScriptStep(script_name="a.py", compute_target="cpu")\n';
    const negatives: Array<[string, string, number, string]> = [
      ['a dataset mounted without an option naming it', `${head}from azureml.core import Dataset, Datastore\nstore = Datastore(ws, "blobs")\nds = Dataset.File.from_files(path=(store, "raw/"))\na = PythonScriptStep(script_name="a.py", arguments=[ds.as_named_input("d").as_mount()], compute_target="cpu")\np = Pipeline(workspace=ws, steps=[a])\n`, 6, 'azureml.pipeline.core.Pipeline'],
      ['a published pipeline (no v2 equivalent of publish)', `${head}${step}p = Pipeline(workspace=ws, steps=[a])\npublished = p.publish(name="x")\n`, 3, 'azureml.pipeline.core.Pipeline'],
      ['a published pipeline: its step neither', `${head}${step}p = Pipeline(workspace=ws, steps=[a])\npublished = p.publish(name="x")\n`, 2, 'azureml.pipeline.steps.PythonScriptStep'],
      ['a ParallelRunStep in the steps', `${head}${step}b = ParallelRunStep(name="b", parallel_run_config=cfg, inputs=[ds], output=out)\np = Pipeline(workspace=ws, steps=[a, b])\n`, 2, 'azureml.pipeline.steps.PythonScriptStep'],
      ['a step with a runconfig', `${head}a = PythonScriptStep(script_name="a.py", compute_target="cpu", runconfig=rc)\np = Pipeline(workspace=ws, steps=[a])\n`, 3, 'azureml.pipeline.core.Pipeline'],
      [
        'a dataset as a step input',
        `${head}from azureml.core import Dataset\nds = Dataset.File.from_files("https://x/y.csv")\na = PythonScriptStep(script_name="a.py", arguments=["--in", ds.as_named_input("d").as_mount()], compute_target="cpu")\np = Pipeline(workspace=ws, steps=[a])\n`,
        5,
        'azureml.pipeline.core.Pipeline',
      ],
      // DP-100: the tabular dataset reaches the script as an id it reads through `run.input_datasets` (the script must change).
      ['a tabular dataset passed by as_named_input (no mount/download)', `${head}from azureml.core import Dataset\nds = Dataset.get_by_name(ws, name="diabetes-data")\na = PythonScriptStep(script_name="a.py", arguments=["--input-data", ds.as_named_input("raw_data")], compute_target="cpu")\np = Pipeline(workspace=ws, steps=[a])\n`, 5, 'azureml.pipeline.core.Pipeline'],
      ['a registered dataset under a name v2 refuses (a space)', `${head}from azureml.core import Dataset\nds = Dataset.get_by_name(ws, name="diabetes file dataset")\na = PythonScriptStep(script_name="a.py", arguments=["--input-data", ds.as_named_input("raw_data").as_download()], compute_target="cpu")\np = Pipeline(workspace=ws, steps=[a])\n`, 5, 'azureml.pipeline.core.Pipeline'],
      ['a step in two pipelines', `${head}${step}p1 = Pipeline(workspace=ws, steps=[a])\np2 = Pipeline(workspace=ws, steps=[a])\n`, 2, 'azureml.pipeline.steps.PythonScriptStep'],
      ['a run_after without a data dependency (v2 orders nodes by data only)', `${head}${step}b = PythonScriptStep(script_name="b.py", compute_target="cpu")\nb.run_after(a)\np = Pipeline(workspace=ws, steps=[b])\n`, 5, 'azureml.pipeline.core.Pipeline'],
      [
        'data on a datastore amlint cannot name',
        `${head}out = PipelineData("out", datastore=stores[0])\na = PythonScriptStep(script_name="a.py", arguments=[out], outputs=[out], compute_target="cpu")\np = Pipeline(workspace=ws, steps=[a])\n`,
        4,
        'azureml.pipeline.core.Pipeline',
      ],
      [
        'an input read by the script from its run, not from its command line',
        `${head}out = PipelineData("out")\na = PythonScriptStep(script_name="a.py", arguments=[out], outputs=[out], compute_target="cpu")\nb = PythonScriptStep(script_name="b.py", inputs=[out], compute_target="cpu")\np = Pipeline(workspace=ws, steps=[b])\n`,
        5,
        'azureml.pipeline.core.Pipeline',
      ],
      ['a pipeline returned to callers (who may use it as a v1 pipeline)', `${head}def build():\n    a = PythonScriptStep(script_name="a.py", compute_target="cpu")\n    p = Pipeline(workspace=ws, steps=[a])\n    return p\n`, 4, 'azureml.pipeline.core.Pipeline'],
      [
        'a runconfig configured beyond its environment',
        `${head}from azureml.core.runconfig import RunConfiguration\nrc = RunConfiguration()\nrc.environment = env\nrc.docker.use_docker = True\na = PythonScriptStep(script_name="a.py", compute_target="cpu", runconfig=rc)\np = Pipeline(workspace=ws, steps=[a])\n`,
        7,
        'azureml.pipeline.core.Pipeline',
      ],
      ['a default_source_directory bound after a step that would take it', `${head}${step}folder = "src"\np = Pipeline(workspace=ws, steps=[a], default_source_directory=folder)\n`, 4, 'azureml.pipeline.core.Pipeline'],
      ['a default_datastore amlint cannot name', `${head}${step}p = Pipeline(workspace=ws, steps=[a], default_datastore=stores[0])\n`, 3, 'azureml.pipeline.core.Pipeline'],
      ['a step defined under a branch', `${head}if big:\n    a = PythonScriptStep(script_name="a.py", compute_target="cpu")\np = Pipeline(workspace=ws, steps=[a])\n`, 4, 'azureml.pipeline.core.Pipeline'],
    ];
    for (const [name, src, line, what] of negatives) {
      it(name, () => assert.equal(fixesAt(src, what, line), undefined));
    }
  });
});

// A runconfig that only configures its environment (RunConfiguration() → environment.ts runConfigEnvironment):
// the steps get that environment as an anonymous v2 Environment (ENV2 image + conda dict, review-marked).
describe('rewrites: pipelines, a runconfig carrying the environment', () => {
  const IMAGE = '    image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review';
  rewriteRunconfigCases();
  function rewriteRunconfigCases(): void {
    rewriteCases([
      [
        'conda dependencies on a fresh RunConfiguration, PipelineData on the default datastore, an inline Experiment(...).submit',
        [
          'from azureml.core import Workspace, Experiment',
          'from azureml.core.runconfig import RunConfiguration',
          'from azureml.core.conda_dependencies import CondaDependencies',
          'from azureml.pipeline.core import Pipeline, PipelineData',
          'from azureml.pipeline.steps import PythonScriptStep',
          '',
          'ws = Workspace.from_config()',
          'rc = RunConfiguration()',
          'rc.environment.python.conda_dependencies = CondaDependencies.create(pip_packages=["numpy"])',
          'feats = PipelineData("feats", datastore=ws.get_default_datastore())',
          'featurize = PythonScriptStep(script_name="feat.py", arguments=["--out", feats], outputs=[feats], compute_target="gpu", runconfig=rc, source_directory="src", allow_reuse=False)',
          'fit = PythonScriptStep(script_name="fit.py", arguments=["--in", feats], inputs=[feats], compute_target="gpu", runconfig=rc, source_directory="src")',
          'pl = Pipeline(workspace=ws, steps=[featurize, fit])',
          'pl_run = Experiment(ws, "feat-exp").submit(pl)',
          'pl_run.wait_for_completion()',
          '',
        ].join('\n'),
        [
          'from azure.ai.ml import command',
          'from azure.ai.ml import Input',
          'from azure.ai.ml import Output',
          'import azure.ai.ml.entities',
          'from azure.ai.ml import dsl',
          'from azure.ai.ml import MLClient',
          'from azure.identity import DefaultAzureCredential',
          'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
          '',
          'rc = azure.ai.ml.entities.Environment(',
          IMAGE,
          '    conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", {"pip": ["numpy"]}]},',
          ')',
          'feats = Output(type="uri_folder")',
          'featurize = command(',
          '    code="src",',
          '    command="python feat.py --out ${{outputs.feats}}",',
          '    outputs={"feats": feats},',
          '    compute="gpu",',
          '    is_deterministic=False,',
          '    environment=rc,',
          ')',
          'fit = command(',
          '    code="src",',
          '    command="python fit.py --in ${{inputs.feats}}",',
          '    inputs={"feats": Input(type="uri_folder")},',
          '    compute="gpu",',
          '    environment=rc,',
          ')',
          '',
          '@dsl.pipeline()',
          'def pl_func():',
          '    featurize_node = featurize()',
          '    fit_node = fit(feats=featurize_node.outputs.feats)',
          '',
          'pl = pl_func()',
          'pl_run = ml_client.jobs.create_or_update(pl, experiment_name="feat-exp")',
          'ml_client.jobs.stream(pl_run.name)',
          '',
        ].join('\n'),
      ],
      [
        'the MachineLearningNotebooks runconfig: docker on, DEFAULT_CPU_IMAGE, a CondaDependencies variable, a target',
        [
          'from azureml.core.runconfig import RunConfiguration, DEFAULT_CPU_IMAGE',
          'from azureml.core.conda_dependencies import CondaDependencies',
          'from azureml.pipeline.core import Pipeline',
          'from azureml.pipeline.steps import PythonScriptStep',
          '',
          'def build(ws, cluster):',
          '    conf = RunConfiguration()',
          '    conf.target = cluster',
          '    conf.environment.docker.enabled = True',
          '    conf.environment.docker.base_image = DEFAULT_CPU_IMAGE',
          '    conf.environment.python.user_managed_dependencies = False',
          '    deps = CondaDependencies.create(conda_packages=["scipy"], pip_packages=["pyarrow"])',
          '    deps.add_pip_package("joblib")',
          '    conf.environment.python.conda_dependencies = deps',
          '    one = PythonScriptStep(script_name="one.py", compute_target="cpu", runconfig=conf)',
          '    pipe = Pipeline(workspace=ws, steps=[one])',
          '',
        ].join('\n'),
        [
          'from azure.ai.ml import command',
          'import azure.ai.ml.entities',
          'from azure.ai.ml import dsl',
          '',
          'def build(ws, cluster):',
          '    conf = azure.ai.ml.entities.Environment(',
          '    ' + IMAGE,
          '        conda_file={',
          '            "channels": ["anaconda", "conda-forge"],',
          '            "dependencies": [',
          '                "python=3.8.13",',
          '                "scipy",',
          '                {"pip": ["pyarrow", "joblib"]},',
          '            ],',
          '        },',
          '    )',
          '    one = command(',
          '        command="python one.py",',
          '        compute="cpu",',
          '        environment=conf,',
          '    )',
          '    @dsl.pipeline()',
          '    def pipe_func():',
          '        one_node = one()',
          '',
          '    pipe = pipe_func()',
          '',
        ].join('\n'),
      ],
      [
        'RunConfiguration(conda_dependencies=cd) (the constructor sets the environment\'s conda dependencies)',
        [
          'from azureml.core.runconfig import RunConfiguration',
          'from azureml.core.conda_dependencies import CondaDependencies',
          'from azureml.pipeline.core import Pipeline',
          'from azureml.pipeline.steps import PythonScriptStep',
          'cd = CondaDependencies.create(pip_packages=["torch"], python_version="3.10")',
          'rc = RunConfiguration(conda_dependencies=cd)',
          'a = PythonScriptStep(script_name="a.py", compute_target="cpu", runconfig=rc)',
          'p = Pipeline(workspace=ws, steps=[a])',
          '',
        ].join('\n'),
        [
          'from azure.ai.ml import command',
          'import azure.ai.ml.entities',
          'from azure.ai.ml import dsl',
          'rc = azure.ai.ml.entities.Environment(',
          IMAGE,
          '    conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.10", {"pip": ["torch"]}]},',
          ')',
          'a = command(',
          '    command="python a.py",',
          '    compute="cpu",',
          '    environment=rc,',
          ')',
          '',
          '@dsl.pipeline()',
          'def p_func():',
          '    a_node = a()',
          '',
          'p = p_func()',
          '',
        ].join('\n'),
      ],
    ]);
  }

  it('a notebook: the runconfig in its own cell', () => {
    const cells = [
      'from azureml.core.runconfig import RunConfiguration\nfrom azureml.core.conda_dependencies import CondaDependencies\nfrom azureml.pipeline.core import Pipeline\nfrom azureml.pipeline.steps import PythonScriptStep\n',
      'rc = RunConfiguration()\nrc.environment.python.conda_dependencies = CondaDependencies.create(pip_packages=["lightgbm"])\n',
      'step = PythonScriptStep(script_name="s.py", compute_target="cpu", runconfig=rc)\npipeline = Pipeline(workspace=ws, steps=[step])\n',
    ];
    const out = fixDocument({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
    const texts = (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    assert.equal(texts[1], ['rc = azure.ai.ml.entities.Environment(', IMAGE, '    conda_file={"channels": ["anaconda", "conda-forge"], "dependencies": ["python=3.8.13", {"pip": ["lightgbm"]}]},', ')', ''].join('\n'));
    assert.ok(texts[2].startsWith('step = command(\n    command="python s.py",\n    compute="cpu",\n    environment=rc,\n)\n'), texts[2]);
    assert.ok(!/azureml\.|RunConfiguration/.test(texts.join('\n')), texts.join('\n'));
    assert.ok(parses(texts.join('\n')));
  });

  describe('no suggestion when the rewrite would not be faithful', () => {
    const head = 'from azureml.core.runconfig import RunConfiguration\nfrom azureml.core.conda_dependencies import CondaDependencies\nfrom azureml.pipeline.core import Pipeline\nfrom azureml.pipeline.steps import PythonScriptStep\nrc = RunConfiguration()\n';
    const tail = 'a = PythonScriptStep(script_name="a.py", compute_target="cpu", runconfig=rc)\np = Pipeline(workspace=ws, steps=[a])\n';
    const cd = 'rc.environment.python.conda_dependencies = CondaDependencies.create(pip_packages=["numpy"])\n';
    const negatives: Array<[string, string, number]> = [
      ['an environment setting v2 environments do not hold (shm_size: a job setting)', `${head}${cd}rc.docker.shm_size = "2g"\n${tail}`, 8],
      ['docker disabled (no v2 counterpart)', `${head}${cd}rc.environment.docker.enabled = False\n${tail}`, 8],
      ['a setting made after the step took the runconfig', `${head}${tail}${cd}`, 6],
      ['both an environment object and settings', `${head}rc.environment = env\n${cd}${tail}`, 8],
      ['a target computed by a call', `${head}${cd}rc.target = pick()\n${tail}`, 8],
      ['a conda package list not known at the runconfig', `${head}pkgs = ["numpy"]\nrc.environment.python.conda_dependencies = CondaDependencies.create(pip_packages=pkgs)\npkgs = ["scipy"]\n${tail}`, 9],
    ];
    for (const [name, src, line] of negatives) {
      it(name, () => {
        const f = lint({ kind: 'python', text: src }).findings.find((x) => x.symbol === 'azureml.pipeline.core.Pipeline' && x.range.start.line === line);
        assert.ok(f, `a finding for the pipeline on line ${line}`);
        assert.equal(f.fixes, undefined);
      });
    }
  });
});

describe('rewrites: pipelines, OutputFileDatasetConfig destinations and runconfig environments', () => {
  const REVIEW_ENV = '    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';
  rewriteCases([
    [
      // v1 {run-id}/{output-name} → v2 ${{name}}/${{output_name}}; the workspace default datastore → ${{default_datastore}}
      // (https://learn.microsoft.com/azure/machine-learning/concept-expressions, server expressions)
      'OutputFileDatasetConfig(destination=(datastore, "p/{run-id}")) → Output(path="azureml://datastores/<name>/paths/p/${{name}}")',
      [
        'from azureml.core import Workspace, Datastore',
        'from azureml.data import OutputFileDatasetConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'blob = Datastore.get(ws, "training_store")',
        'default_store = ws.get_default_datastore()',
        'model_dir = OutputFileDatasetConfig(name="model_dir", destination=(blob, "models/{run-id}/{output-name}"))',
        'scores = OutputFileDatasetConfig(name="scores", destination=(default_store, "scores/{run-id}"))',
        'train = PythonScriptStep(name="train", script_name="train.py", arguments=["--model-dir", model_dir], compute_target="cpu-cluster", source_directory="src")',
        'score = PythonScriptStep(name="score", script_name="score.py", arguments=["--model", model_dir.as_input(), "--out", scores], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(workspace=ws, steps=[train, score])',
        'pipeline.validate()',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'ws = ml_client',
        'blob = ws.datastores.get(name="training_store")',
        'default_store = ws.datastores.get_default()',
        'model_dir = Output(type="uri_folder", path="azureml://datastores/training_store/paths/models/${{name}}/${{output_name}}")',
        'scores = Output(type="uri_folder", path="azureml://datastores/${{default_datastore}}/paths/scores/${{name}}")',
        'train = command(',
        '    display_name="train",',
        '    code="src",',
        '    command="python train.py --model-dir ${{outputs.model_dir}}",',
        '    outputs={"model_dir": model_dir},',
        '    compute="cpu-cluster",',
        REVIEW_ENV,
        ')',
        'score = command(',
        '    display_name="score",',
        '    code="src",',
        '    command="python score.py --model ${{inputs.model_dir}} --out ${{outputs.scores}}",',
        '    inputs={"model_dir": Input(type="uri_folder")},',
        '    outputs={"scores": scores},',
        '    compute="cpu-cluster",',
        REVIEW_ENV,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    train_node = train()',
        '    score_node = score(model_dir=train_node.outputs.model_dir)',
        '',
        'pipeline = pipeline_func()',
        'ml_client.jobs.validate(pipeline)',
        '',
      ].join('\n'),
    ],
  ]);

  it('a notebook (intro-to-pipelines shape): rc.environment = Environment.get(...) becomes rc = the v2 environment; no cell starts blank', () => {
    const cells = [
      'from azureml.core import Workspace, Environment, Experiment\nfrom azureml.core.runconfig import RunConfiguration\nfrom azureml.pipeline.core import Pipeline, PipelineData\nfrom azureml.pipeline.steps import PythonScriptStep\nws = Workspace.from_config()',
      'run_config = RunConfiguration()\nrun_config.environment = Environment.get(ws, name="AzureML-sklearn-1.0-ubuntu20.04-py38-cpu")',
      'processed = PipelineData("processed", datastore=ws.get_default_datastore())\nstep1 = PythonScriptStep(name="prep", script_name="prep.py", arguments=["--output", processed], outputs=[processed], compute_target="cpu-cluster", source_directory="./train", runconfig=run_config)\nstep2 = PythonScriptStep(name="train", script_name="train.py", arguments=["--input", processed], inputs=[processed], compute_target="cpu-cluster", source_directory="./train", runconfig=run_config)',
      'pipeline1 = Pipeline(workspace=ws, steps=[step1, step2])\npipeline_run1 = Experiment(ws, "Hello_World1").submit(pipeline1, regenerate_outputs=False)\npipeline_run1.wait_for_completion(show_output=True)',
    ];
    const out = fixDocument({ kind: 'notebook', cells: cells.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output;
    const texts = (out as { cells: Array<{ text: string }> }).cells.map((c) => c.text);
    // ENV2: Environment.get → ml_client.environments.get(name=, label="latest") (environment.ts), held by the runconfig's name.
    assert.equal(texts[1], 'run_config = ml_client.environments.get(name="AzureML-sklearn-1.0-ubuntu20.04-py38-cpu", label="latest")');
    assert.equal(
      texts[2],
      [
        'processed = Output(type="uri_folder")',
        'step1 = command(',
        '    display_name="prep",',
        '    code="./train",',
        '    command="python prep.py --output ${{outputs.processed}}",',
        '    outputs={"processed": processed},',
        '    compute="cpu-cluster",',
        '    environment=run_config,',
        ')',
        'step2 = command(',
        '    display_name="train",',
        '    code="./train",',
        '    command="python train.py --input ${{inputs.processed}}",',
        '    inputs={"processed": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        '    environment=run_config,',
        ')',
      ].join('\n'),
    );
    assert.equal(
      texts[3],
      [
        '@dsl.pipeline()',
        'def pipeline1_func():',
        '    step1_node = step1()',
        '    step2_node = step2(processed=step1_node.outputs.processed)',
        '',
        'pipeline1 = pipeline1_func()',
        'pipeline_run1 = ml_client.jobs.create_or_update(pipeline1, experiment_name="Hello_World1")',
        'ml_client.jobs.stream(pipeline_run1.name)',
      ].join('\n'),
    );
    assert.ok(!/azureml\.|RunConfiguration/.test(texts.join('\n')), texts.join('\n'));
    assert.ok(parses(texts.join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: texts.map((text) => ({ kind: 'code' as const, text })) }, undefined, { unsafe: true }).output as { cells: Array<{ text: string }> };
    assert.deepEqual(again.cells.map((c) => c.text), texts, 'a second run changes nothing');
  });

  describe('no suggestion', () => {
    const head = 'from azureml.core import Datastore\nfrom azureml.data import OutputFileDatasetConfig\nfrom azureml.pipeline.core import Pipeline\nfrom azureml.pipeline.steps import PythonScriptStep\nblob = Datastore.get(ws, "store")\n';
    const tail = (pipeline = 'Pipeline(workspace=ws, steps=[a])'): string => `a = PythonScriptStep(script_name="a.py", arguments=["--out", out], compute_target="cpu")\np = ${pipeline}\n`;
    const negatives: Array<[string, string]> = [
      ['a destination placeholder v2 has no expression for', `${head}out = OutputFileDatasetConfig(name="out", destination=(blob, "x/{run-number}"))\n${tail()}`],
      ['a computed destination path', `${head}out = OutputFileDatasetConfig(name="out", destination=(blob, f"x/{tag}"))\n${tail()}`],
      ['a destination on a datastore amlint cannot name', `${head}out = OutputFileDatasetConfig(name="out", destination=(pick(), "x"))\n${tail()}`],
      ['the default datastore while the pipeline sets another default', `${head}d = ws.get_default_datastore()\nout = OutputFileDatasetConfig(name="out", destination=(d, "x"))\n${tail('Pipeline(workspace=ws, steps=[a], default_datastore=blob)')}`],
    ];
    for (const [name, src] of negatives) {
      it(name, () => {
        const f = lint({ kind: 'python', text: src }).findings.find((x) => x.symbol === 'azureml.pipeline.core.Pipeline');
        assert.ok(f, 'a finding for the pipeline');
        assert.equal(f.fixes, undefined);
      });
    }
  });
});
