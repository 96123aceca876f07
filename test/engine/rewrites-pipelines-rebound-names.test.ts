/**
 * Round 19 (pipes), pipelines.ts: general shapes that kept whole pipelines from being rewritten.
 * - A step (data, parameter, runconfig) whose name is bound again later in straight-line code (`step1` reused for a
 *   second pipeline, notebooks re-binding a name cell after cell): the binding the pipeline reads is the only one that
 *   reaches its uses (reach.ts soleBinding), so the pipeline is rewritten; a name bound on two paths stays refused.
 * - A step without compute_target runs on its runconfig's target ("If unspecified, the target from the runconfig will
 *   be used": https://learn.microsoft.com/python/api/azureml-pipeline-steps/azureml.pipeline.steps.python_script_step.pythonscriptstep).
 * - A runconfig that sets only its target: the steps run in the v1 default environment (the docs' image, to review),
 *   as a step without runconfig.
 * - A name holding a plain value in a step's arguments (`"--model-name", model_name`): an input of the command, written
 *   `${{inputs.model_name}}` (PIPE https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-pipeline).
 * - `StepSequence(steps=[a, b])` (inline or bound once): each step runs after the one before
 *   (https://learn.microsoft.com/python/api/azureml-pipeline-core/azureml.pipeline.core.stepsequence); rewritten when data
 *   already orders them (v2 orders nodes by data only), the sequence statement going.
 * - `pipeline.validate()` on a workspace other than `Workspace.from_config()`: `<its client>.jobs.validate(pipeline)`
 *   (workspace.ts clientOf; JobOperations.validate, azure-ai-ml _job_operations.py).
 * - `rc.environment.docker.enabled = True` beside `rc.environment = env` goes (as environment.ts drops `env.docker.enabled = True`).
 * Refused: a step bound on two paths, a runconfig target whose name is rebound before a step, a v1 object in the
 * arguments, a StepSequence of steps no data orders, a StepSequence with a parallel group (a nested list).
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';

const TARGET_ONLY = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.core.runconfig import RunConfiguration',
  'from azureml.pipeline.core import Pipeline, PipelineData',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'cluster_name = "pipeline-cluster"',
  'model_name = "diabetes-model"',
  'run_config = RunConfiguration()',
  'run_config.target = cluster_name',
  'datastore = ws.get_default_datastore()',
  'data_folder = PipelineData("datafolder", datastore=datastore)',
  'prep_step = PythonScriptStep(name="prep", source_directory=".", script_name="prep.py",',
  '                             outputs=[data_folder], runconfig=run_config,',
  '                             arguments=["--datafolder", data_folder])',
  'train_step = PythonScriptStep(name="train", source_directory=".", script_name="train.py",',
  '                              inputs=[data_folder], runconfig=run_config,',
  '                              arguments=["--datafolder", data_folder, "--model-name", model_name])',
  'steps = [prep_step, train_step]',
  'pipeline = Pipeline(workspace=ws, steps=steps)',
  'run = Experiment(ws, "exp").submit(pipeline)',
  '',
];

const SEQUENCE = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline, PipelineData, StepSequence',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  'prepared = PipelineData("prepared", datastore=ws.get_default_datastore())',
  'prepare_step = PythonScriptStep(name="prepare", script_name="prepare.py", compute_target="cpu-cluster",',
  '                                arguments=["--out", prepared], outputs=[prepared])',
  'train_step = PythonScriptStep(name="train", script_name="train.py", compute_target="cpu-cluster",',
  '                              arguments=["--data", prepared], inputs=[prepared])',
  'step_sequence = StepSequence(steps=[prepare_step, train_step])',
  'pipeline = Pipeline(workspace=ws, steps=step_sequence)',
  'run = Experiment(ws, "seq").submit(pipeline)',
  '',
];

describe('rewrites round 19 (pipes): rebound names, the runconfig target, plain-value arguments', () => {
  rewriteCases([
    [
      'step names bound again later for another (untranslatable) step: the first pipeline is rewritten',
      [
        'from azureml.core import Workspace, Experiment, Dataset',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'step1 = PythonScriptStep(name="prepare data", source_directory="scripts", script_name="data_prep.py", compute_target="aml-cluster")',
        'step2 = PythonScriptStep(name="train model", source_directory="scripts", script_name="train_model.py", compute_target="aml-cluster")',
        'train_pipeline = Pipeline(workspace=ws, steps=[step1, step2])',
        'pipeline_run = Experiment(workspace=ws, name="training-pipeline").submit(train_pipeline)',
        '',
        'raw_ds = Dataset.get_by_name(ws, "new_data")',
        'step1 = PythonScriptStep(name="prep", source_directory="scripts", script_name="data_prep.py", compute_target="aml-cluster", inputs=[raw_ds.as_named_input("raw_data")])',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import dsl',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azureml.core import Workspace, Dataset',
        'from azureml.pipeline.steps import PythonScriptStep',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'ws = Workspace.from_config()',
        'step1 = command(',
        '    display_name="prepare data",',
        '    code="scripts",',
        '    command="python data_prep.py",',
        '    compute="aml-cluster",',
        `    environment=${IMAGE}`,
        ')',
        'step2 = command(',
        '    display_name="train model",',
        '    code="scripts",',
        '    command="python train_model.py",',
        '    compute="aml-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def train_pipeline_func():',
        '    step1_node = step1()',
        '    step2_node = step2()',
        '',
        'train_pipeline = train_pipeline_func()',
        'pipeline_run = ml_client.jobs.create_or_update(train_pipeline, experiment_name="training-pipeline")',
        '',
        'raw_ds = Dataset.get_by_name(ws, "new_data")',
        'step1 = PythonScriptStep(name="prep", source_directory="scripts", script_name="data_prep.py", compute_target="aml-cluster", inputs=[raw_ds.as_named_input("raw_data")])',
        '',
      ].join('\n'),
    ],
    [
      'steps without compute_target run on the runconfig target; a runconfig with only a target goes; a plain-value argument is an input',
      TARGET_ONLY.join('\n'),
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
        'ws = ml_client',
        'cluster_name = "pipeline-cluster"',
        'model_name = "diabetes-model"',
        'datastore = ws.datastores.get_default()',
        'data_folder = Output(type="uri_folder")',
        'prep_step = command(',
        '    display_name="prep",',
        '    code=".",',
        '    command="python prep.py --datafolder ${{outputs.datafolder}}",',
        '    outputs={"datafolder": data_folder},',
        '    compute=cluster_name,',
        `    environment=${IMAGE}`,
        ')',
        'train_step = command(',
        '    display_name="train",',
        '    code=".",',
        '    command="python train.py --datafolder ${{inputs.datafolder}} --model-name ${{inputs.model_name}}",',
        '    inputs={"datafolder": Input(type="uri_folder"), "model_name": model_name},',
        '    compute=cluster_name,',
        `    environment=${IMAGE}`,
        ')',
        'steps = [prep_step, train_step]',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_step_node = prep_step()',
        '    train_step_node = train_step(datafolder=prep_step_node.outputs.datafolder)',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
    [
      'a runconfig with a target (a v1 compute) and an environment (the vindurthi shape, without named inputs)',
      [
        'from azureml.core import Workspace, Experiment, Environment',
        'from azureml.core.compute import ComputeTarget',
        'from azureml.core.runconfig import RunConfiguration',
        'from azureml.pipeline.core import Pipeline, PipelineData',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'compute_cluster = ComputeTarget(workspace=ws, name="pipeline-cluster")',
        'env = Environment.get(workspace=ws, name="my-env")',
        'run_config = RunConfiguration()',
        'run_config.target = compute_cluster',
        'run_config.environment = env',
        'data_folder = PipelineData("datafolder", datastore=ws.get_default_datastore())',
        'prep_step = PythonScriptStep(name="prep", script_name="prep.py", outputs=[data_folder], runconfig=run_config, arguments=["--datafolder", data_folder])',
        'train_step = PythonScriptStep(name="train", script_name="train.py", inputs=[data_folder], runconfig=run_config, arguments=["--datafolder", data_folder])',
        'pipeline = Pipeline(workspace=ws, steps=[prep_step, train_step])',
        'run = Experiment(ws, "exp").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'ws = ml_client',
        'compute_cluster = ws.compute.get("pipeline-cluster")',
        'env = ml_client.environments.get(name="my-env", label="latest")',
        'data_folder = Output(type="uri_folder")',
        'prep_step = command(',
        '    display_name="prep",',
        '    command="python prep.py --datafolder ${{outputs.datafolder}}",',
        '    outputs={"datafolder": data_folder},',
        '    compute=compute_cluster.name,',
        '    environment=env,',
        ')',
        'train_step = command(',
        '    display_name="train",',
        '    command="python train.py --datafolder ${{inputs.datafolder}}",',
        '    inputs={"datafolder": Input(type="uri_folder")},',
        '    compute=compute_cluster.name,',
        '    environment=env,',
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_step_node = prep_step()',
        '    train_step_node = train_step(datafolder=prep_step_node.outputs.datafolder)',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="exp")',
        '',
      ].join('\n'),
    ],
    [
      'a StepSequence whose order data already gives: the sequence goes, the nodes follow the data',
      SEQUENCE.join('\n'),
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
        'prepare_step = command(',
        '    display_name="prepare",',
        '    command="python prepare.py --out ${{outputs.prepared}}",',
        '    outputs={"prepared": prepared},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        'train_step = command(',
        '    display_name="train",',
        '    command="python train.py --data ${{inputs.prepared}}",',
        '    inputs={"prepared": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prepare_step_node = prepare_step()',
        '    train_step_node = train_step(prepared=prepare_step_node.outputs.prepared)',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="seq")',
        '',
      ].join('\n'),
    ],
    [
      'pipeline.validate() on a workspace from another config path: that workspace\'s client validates it',
      SEQUENCE.join('\n').replace('Workspace.from_config()', 'Workspace.from_config(path="./config")').replace('run = Experiment', 'pipeline.validate()\nrun = Experiment'),
      [
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        '',
        'ws = MLClient.from_config(credential=DefaultAzureCredential(), path="./config")',
        'ml_client = ws',
        'prepared = Output(type="uri_folder")',
        'prepare_step = command(',
        '    display_name="prepare",',
        '    command="python prepare.py --out ${{outputs.prepared}}",',
        '    outputs={"prepared": prepared},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        'train_step = command(',
        '    display_name="train",',
        '    command="python train.py --data ${{inputs.prepared}}",',
        '    inputs={"prepared": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prepare_step_node = prepare_step()',
        '    train_step_node = train_step(prepared=prepare_step_node.outputs.prepared)',
        '',
        'pipeline = pipeline_func()',
        'ml_client.jobs.validate(pipeline)',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="seq")',
        '',
      ].join('\n'),
    ],
    [
      'rc.environment.docker.enabled = True beside rc.environment = env goes (v2 jobs run in a container)',
      [
        'from azureml.core import Workspace, Experiment, Environment',
        'from azureml.core.runconfig import RunConfiguration',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import PythonScriptStep',
        '',
        'ws = Workspace.from_config()',
        'env = Environment.get(workspace=ws, name="my-env")',
        'run_config = RunConfiguration()',
        'run_config.environment = env',
        'run_config.environment.docker.enabled = True',
        '',
        'download_step = PythonScriptStep("download_model.py", source_directory=".", name="Download model", compute_target="cpu-cluster", runconfig=run_config)',
        'pipeline = Pipeline(workspace=ws, steps=[download_step])',
        'run = Experiment(ws, "download").submit(pipeline)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = ml_client.environments.get(name="my-env", label="latest")',
        '',
        'download_step = command(',
        '    display_name="Download model",',
        '    code=".",',
        '    command="python download_model.py",',
        '    compute="cpu-cluster",',
        '    environment=env,',
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    download_step_node = download_step()',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="download")',
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, (src: string) => string]> = [
    ['a step bound on two paths (which one the pipeline gets depends on the branch)', (src) => src.replace('steps = [prep_step', 'import sys\nif sys.argv[1:]:\n    train_step = PythonScriptStep(name="t2", script_name="t2.py", runconfig=run_config)\nsteps = [prep_step')],
    ['the runconfig target name rebound before a step (the step read the earlier compute)', (src) => src.replace('datastore = ws', 'cluster_name = "other-cluster"\ndatastore = ws')],
    ['a v1 object among the arguments', (src) => src.replace('"--model-name", model_name', '"--data", datastore')],
  ];
  for (const [title, edit] of refused) {
    it(`refused: ${title}`, () => {
      const src = edit(TARGET_ONLY.join('\n'));
      assert.notEqual(src, TARGET_ONLY.join('\n'));
      const out = fixPython(src, true);
      assert.match(out, /Pipeline\(workspace=ws, steps=steps\)/);
      assert.match(out, /PythonScriptStep\(name="train"/);
      assert.ok(parses(out));
    });
  }

  const sequenceRefused: Array<[string, string]> = [
    ['a StepSequence of steps no data orders (v2 has no execution order without data)', SEQUENCE.join('\n').replace(', inputs=[prepared])', ')').replace('arguments=["--data", prepared]', 'arguments=["--data", "x"]')],
    ['a StepSequence with a parallel group', SEQUENCE.join('\n').replace('steps=[prepare_step, train_step]', 'steps=[[prepare_step], train_step]')],
  ];
  for (const [title, src] of sequenceRefused) {
    it(`refused: ${title}`, () => {
      assert.notEqual(src, SEQUENCE.join('\n'));
      const out = fixPython(src, true);
      assert.match(out, /StepSequence\(steps=/);
      assert.match(out, /Pipeline\(workspace=ws, steps=step_sequence\)/);
      assert.ok(parses(out));
    });
  }

  it('a notebook: the runconfig, the steps and the submit in separate cells, a step name rebound in a later cell', () => {
    const cells = [
      { kind: 'code', text: TARGET_ONLY.slice(0, 4).join('\n') },
      { kind: 'code', text: TARGET_ONLY.slice(5, 10).join('\n') },
      { kind: 'code', text: TARGET_ONLY.slice(10, 19).join('\n') },
      { kind: 'code', text: TARGET_ONLY.slice(19, 21).join('\n') },
      { kind: 'code', text: 'prep_step = None' },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const texts = out.cells.map((c) => c.text);
    assert.equal(texts[1], ['ws = ml_client', 'cluster_name = "pipeline-cluster"', 'model_name = "diabetes-model"'].join('\n'));
    assert.match(texts[2], /^datastore = ws\.datastores\.get_default\(\)\ndata_folder = Output\(type="uri_folder"\)\nprep_step = command\(/);
    assert.match(texts[2], /compute=cluster_name,/);
    assert.match(texts[2], /"model_name": model_name\}/);
    assert.equal(texts[3], ['', '@dsl.pipeline()', 'def pipeline_func():', '    prep_step_node = prep_step()', '    train_step_node = train_step(datafolder=prep_step_node.outputs.datafolder)', '', 'pipeline = pipeline_func()', 'run = ml_client.jobs.create_or_update(pipeline, experiment_name="exp")'].join('\n').replace(/^\n/, ''));
    assert.equal(texts[4], 'prep_step = None');
    for (const t of texts) assert.ok(parses(t), t);
  });
});
