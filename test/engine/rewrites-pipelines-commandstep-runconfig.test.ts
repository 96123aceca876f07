/**
 * Round 22 (pipelines 2): `CommandStep(runconfig=src)` whose runconfig is a `ScriptRunConfig(command=...)` (MLN
 * aml-pipelines-with-commandstep): v1 takes the step's command, source_directory and run configuration from src
 * (azureml-pipeline-steps CommandStep.__init__), so src becomes the v2 `command(...)` (as a submitted ScriptRunConfig
 * does: CMD, https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-command-job) carrying the step's name
 * (display_name) and allow_reuse (is_deterministic), and the step is that command, a node of the @dsl.pipeline function.
 * Refused: shell syntax in the command (v1 shlex-splits it, no shell), no compute_target, src used elsewhere,
 * a step with its own inputs/command/arguments, a ScriptRunConfig with script= instead of command=.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const HEAD_V2 = [
  'from azure.ai.ml import MLClient',
  'from azure.identity import DefaultAzureCredential',
];

/** The MLN commandstep notebook's shape, as one script. */
const SRC = [
  'from azureml.core import Workspace, Experiment, Environment, ScriptRunConfig',
  'from azureml.core.runconfig import MpiConfiguration',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import CommandStep',
  '',
  'ws = Workspace.from_config()',
  'tf_env = Environment.get(ws, name="AzureML-TensorFlow-2.3-GPU")',
  'distr_config = MpiConfiguration(node_count=2)',
  'src = ScriptRunConfig(source_directory="commandstep_train",',
  '                      command=["python train.py --epochs 30"],',
  '                      compute_target="gpu-cluster",',
  '                      environment=tf_env,',
  '                      distributed_job_config=distr_config)',
  'train = CommandStep(name="train-mnist", runconfig=src, allow_reuse=False)',
  'pipeline = Pipeline(workspace=ws, steps=[train])',
  'pipeline_run = Experiment(ws, "train-commandstep-pipeline").submit(pipeline)',
  'pipeline_run.wait_for_completion(show_output=True)',
];

const PIPELINE_V2 = [
  '',
  '@dsl.pipeline()',
  'def pipeline_func():',
  '    train_node = train()',
  '',
  'pipeline = pipeline_func()',
  'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="train-commandstep-pipeline")',
  'ml_client.jobs.stream(pipeline_run.name)',
];

describe('rewrites, round 22: CommandStep(runconfig=ScriptRunConfig) → a command node', () => {
  rewriteCases([
    [
      'the ScriptRunConfig is the node: command, code, compute, environment, MPI distribution, name and allow_reuse',
      SRC.join('\n') + '\n',
      [
        ...HEAD_V2,
        'from azure.ai.ml import MpiDistribution',
        'from azure.ai.ml import command',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        // curated environment by name and label (environment.ts); MPI: v1's one process per node, node_count instances.
        'tf_env = ml_client.environments.get(name="AzureML-TensorFlow-2.3-GPU", label="latest")',
        'distr_config = MpiDistribution(process_count_per_instance=1)',
        'src = command(display_name="train-mnist", is_deterministic=False, code="commandstep_train", command="python train.py --epochs 30", environment=tf_env, compute="gpu-cluster", distribution=distr_config, instance_count=2)',
        'train = src',
        ...PIPELINE_V2,
        '',
      ].join('\n'),
    ],
    [
      'a string command, a registered environment got by name, no allow_reuse',
      [
        'from azureml.core import Workspace, Experiment, Environment, ScriptRunConfig',
        'from azureml.pipeline.core import Pipeline',
        'from azureml.pipeline.steps import CommandStep',
        '',
        'ws = Workspace.from_config()',
        'env = Environment.get(ws, "train-env")',
        'src = ScriptRunConfig(source_directory="src", command="python train.py --epochs 3", compute_target="cpu-cluster", environment=env)',
        'train = CommandStep(name="train", runconfig=src)',
        'pipeline = Pipeline(workspace=ws, steps=[train])',
        'pipeline_run = Experiment(ws, "cmd").submit(pipeline)',
        '',
      ].join('\n'),
      [
        ...HEAD_V2,
        'from azure.ai.ml import command',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'env = ml_client.environments.get(name="train-env", label="latest")',
        'src = command(display_name="train", code="src", command="python train.py --epochs 3", environment=env, compute="cpu-cluster")',
        'train = src',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    train_node = train()',
        '',
        'pipeline = pipeline_func()',
        'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="cmd")',
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, string[]]> = [
    ['shell syntax in the command (v1 runs no shell)', SRC.map((l) => l.replace('"python train.py --epochs 30"', '"python train.py --epochs 30 && echo done"'))],
    ['no compute_target (v1 takes none from the step either)', SRC.filter((l) => !l.includes('compute_target="gpu-cluster"'))],
    ['the ScriptRunConfig also submitted as a job', [...SRC, 'job_run = Experiment(ws, "job").submit(src)']],
    ['script= instead of command=', SRC.map((l) => l.replace('command=["python train.py --epochs 30"]', 'script="train.py"'))],
    ['the step with inputs of its own', SRC.map((l) => l.replace('runconfig=src, allow_reuse=False', 'runconfig=src, inputs=[]'))],
  ];
  for (const [title, lines] of refused) {
    it(`refused: ${title}`, () => {
      const src = lines.join('\n') + '\n';
      assert.notEqual(src, SRC.join('\n') + '\n');
      const out = fixPython(src, true);
      assert.match(out, /CommandStep\(/);
      assert.doesNotMatch(out, /dsl\.pipeline/);
      assert.ok(parses(out));
      assert.equal(fixPython(out, true), out);
    });
  }

  it('a notebook: the MLN cells, the ScriptRunConfig and the step in cells of their own', () => {
    const cells = [
      { kind: 'code', text: SRC.slice(0, 7).join('\n') },
      { kind: 'code', text: SRC.slice(7, 13).join('\n') },
      { kind: 'code', text: SRC[13] },
      { kind: 'code', text: SRC.slice(14).join('\n') },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const texts = out.cells.map((c) => c.text);
    assert.equal(texts[1], [
      'distr_config = MpiDistribution(process_count_per_instance=1)',
      'src = command(display_name="train-mnist", is_deterministic=False, code="commandstep_train", command="python train.py --epochs 30", environment=tf_env, compute="gpu-cluster", distribution=distr_config, instance_count=2)',
    ].join('\n'));
    assert.equal(texts[2], 'train = src');
    assert.equal(texts[3], PIPELINE_V2.slice(1).join('\n'));
    for (const t of texts) assert.ok(parses(t), t);
  });
});
