/**
 * Round 25 (pipes): `EstimatorStep(estimator=est, estimator_entry_script_arguments=[...], ...)` is a PythonScriptStep of
 * est's entry_script/source_directory with est's run configuration, est's compute_target dropped (azureml-pipeline-steps
 * EstimatorStep.__init__), so with `Estimator(environment_definition=rc.environment)` (the DP-100 pipeline labs) it is the
 * v2 `command(...)` node such a step becomes, the Estimator statement going. A dataset given in a step's `inputs=` only
 * (`ds.as_named_input("x")[.as_mount()]`, which v1 scripts read through `run.input_datasets["x"]`) is passed as
 * `--x ${{inputs.x}}` with the notebook's `%%writefile` script reading that option. Refused: an estimator with its own
 * environment options (one naming none: rewrites-pipelines-estimatorstep-default.test.ts, round 29), an estimator read elsewhere, an input-only dataset of a script not in the document.
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

const HEAD = [
  'from azureml.core import Workspace, Environment, Experiment',
  'from azureml.core.runconfig import RunConfiguration',
  'from azureml.pipeline.core import Pipeline, PipelineData',
  'from azureml.pipeline.steps import PythonScriptStep, EstimatorStep',
  'from azureml.train.estimator import Estimator',
  '',
  'ws = Workspace.from_config()',
  'registered_env = Environment.get(ws, "diabetes-pipeline-env")',
  '',
  'pipeline_run_config = RunConfiguration()',
  'pipeline_run_config.target = "aml-cluster"',
  'pipeline_run_config.environment = registered_env',
  '',
  'model_folder = PipelineData("model_folder", datastore=ws.get_default_datastore())',
  '',
];
const estimator = (extra = ''): string[] => [
  'estimator = Estimator(source_directory="diabetes_pipeline",',
  '                      compute_target="aml-cluster",',
  `                      environment_definition=pipeline_run_config.environment,${extra}`,
  '                      entry_script="train_diabetes.py")',
  '',
];
const TAIL = [
  'train_step = EstimatorStep(name="Train Model",',
  '                           estimator=estimator,',
  '                           estimator_entry_script_arguments=["--output_folder", model_folder],',
  '                           outputs=[model_folder],',
  '                           compute_target="aml-cluster",',
  '                           allow_reuse=True)',
  '',
  'register_step = PythonScriptStep(name="Register Model",',
  '                                 source_directory="diabetes_pipeline",',
  '                                 script_name="register_diabetes.py",',
  '                                 arguments=["--model_folder", model_folder],',
  '                                 inputs=[model_folder],',
  '                                 compute_target="aml-cluster",',
  '                                 runconfig=pipeline_run_config,',
  '                                 allow_reuse=True)',
  '',
  'pipeline = Pipeline(workspace=ws, steps=[train_step, register_step])',
  'pipeline_run = Experiment(ws, "diabetes-training-pipeline").submit(pipeline, regenerate_outputs=True)',
  '',
];

describe('rewrites, round 25: EstimatorStep and input-only datasets of pipeline steps', () => {
  rewriteCases([
    [
      'EstimatorStep with environment_definition=rc.environment: a command node of its script, the estimator going',
      [...HEAD, ...estimator(), ...TAIL].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        'registered_env = ml_client.environments.get(name="diabetes-pipeline-env", label="latest")',
        '',
        '',
        'model_folder = Output(type="uri_folder")',
        '',
        'train_step = command(',
        '    display_name="Train Model",',
        '    code="diabetes_pipeline",',
        '    command="python train_diabetes.py --output_folder ${{outputs.model_folder}}",',
        '    outputs={"model_folder": model_folder},',
        '    compute="aml-cluster",',
        '    is_deterministic=True,',
        '    environment=registered_env,',
        ')',
        '',
        'register_step = command(',
        '    display_name="Register Model",',
        '    code="diabetes_pipeline",',
        '    command="python register_diabetes.py --model_folder ${{inputs.model_folder}}",',
        '    inputs={"model_folder": Input(type="uri_folder")},',
        '    compute="aml-cluster",',
        '    is_deterministic=True,',
        '    environment=registered_env,',
        ')',
        '',
        '@dsl.pipeline(force_rerun=True)',
        'def pipeline_func():',
        '    train_step_node = train_step()',
        '    register_step_node = register_step(model_folder=train_step_node.outputs.model_folder)',
        '',
        'pipeline = pipeline_func()',
        'pipeline_run = ml_client.jobs.create_or_update(pipeline, experiment_name="diabetes-training-pipeline")',
        '',
      ].join('\n'),
    ],
  ]);

  for (const [title, src] of [
    ['an estimator with its own environment options', [...HEAD, ...estimator('\n                      pip_packages=["pandas"],'), ...TAIL]],
    ['an estimator read elsewhere', [...HEAD, ...estimator(), 'print(estimator.run_config)', ...TAIL]],
  ] as const) {
    it(`refused: ${title}`, () => noFix({ kind: 'python', text: src.join('\n') }, 'EstimatorStep()'));
  }

  it('refused: a dataset in inputs= only, its script not in the document (v1 read it through the run)', () => {
    const src = [
      'from azureml.core import Workspace, Dataset, Experiment',
      'from azureml.pipeline.core import Pipeline',
      'from azureml.pipeline.steps import PythonScriptStep',
      'ws = Workspace.from_config()',
      'images = Dataset.File.from_files(path=(ws.get_default_datastore(), "images/"))',
      'prep = PythonScriptStep(name="prep", source_directory="steps", script_name="prep.py", inputs=[images.as_named_input("raw_images").as_mount()], compute_target="cpu-cluster")',
      'pipeline = Pipeline(workspace=ws, steps=[prep])',
      'run = Experiment(ws, "prep").submit(pipeline)',
      '',
    ];
    noFix({ kind: 'python', text: src.join('\n') }, 'PythonScriptStep()');
  });

  it('a notebook: a mounted dataset in inputs= only, read through the run by its %%writefile script, is an argument now', () => {
    const cells = [
      'from azureml.core import Workspace, Dataset, Environment, Experiment\nfrom azureml.core.runconfig import RunConfiguration\nfrom azureml.pipeline.core import Pipeline, PipelineData\nfrom azureml.pipeline.steps import PythonScriptStep\nws = Workspace.from_config()',
      "%%writefile steps/prep.py\nimport argparse\nfrom azureml.core import Run\nparser = argparse.ArgumentParser()\nparser.add_argument('--out', type=str)\nargs = parser.parse_args()\nrun = Run.get_context()\npath = run.input_datasets['raw_images']\nprint(path, args.out)",
      "datastore = ws.get_default_datastore()\nimages = Dataset.File.from_files(path=(datastore, 'images/'))\nrc = RunConfiguration()\nrc.environment = Environment.get(ws, 'prep-env')\nout = PipelineData('out', datastore=datastore)\nprep = PythonScriptStep(name='prep', source_directory='steps', script_name='prep.py', arguments=['--out', out], inputs=[images.as_named_input('raw_images').as_mount()], outputs=[out], compute_target='cpu-cluster', runconfig=rc)",
      "pipeline = Pipeline(workspace=ws, steps=[prep])\nrun = Experiment(ws, 'prep').submit(pipeline)",
    ];
    const expected = [
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
        'ws = ml_client',
      ].join('\n'),
      "%%writefile steps/prep.py\nimport mlflow\nimport argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--out', type=str)\nparser.add_argument(\"--raw_images\", type=str, dest=\"raw_images\")\nargs = parser.parse_args()\nrun = mlflow.start_run()\npath = args.raw_images\nprint(path, args.out)",
      [
        'datastore = ws.datastores.get_default()',
        'images = f"azureml://datastores/{datastore.name}/paths/images/"',
        "rc = ml_client.environments.get(name='prep-env', label=\"latest\")",
        'out = Output(type="uri_folder")',
        'prep = command(',
        "    display_name='prep',",
        "    code='steps',",
        '    command="python prep.py --out ${{outputs.out}} --raw_images ${{inputs.raw_images}}",',
        '    inputs={"raw_images": Input(type=AssetTypes.URI_FOLDER, path=images, mode=InputOutputModes.RO_MOUNT)},',
        '    outputs={"out": out},',
        "    compute='cpu-cluster',",
        '    environment=rc,',
        ')',
      ].join('\n'),
      "@dsl.pipeline()\ndef pipeline_func():\n    prep_node = prep()\n\npipeline = pipeline_func()\nrun = ml_client.jobs.create_or_update(pipeline, experiment_name='prep')",
    ];
    const out = fixDocument(nb(cells), undefined, { unsafe: true }).output as { cells: Cells };
    assert.deepEqual(out.cells.map((c) => c.text), expected);
    for (const c of out.cells.slice(2)) assert.ok(parses(c.text), c.text);
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Cells };
    assert.deepEqual(again.cells.map((c) => c.text), expected, 'a second run changes nothing');
  });
});

describe('rewrites, round 25 (lead): the estimator of an EstimatorStep offers the pipeline\'s fix', () => {
  it('the Estimator(...) finding carries the same fix as the EstimatorStep(...) finding', () => {
    const text = [...HEAD, ...estimator(), ...TAIL].join('\n');
    const findings = lint({ kind: 'python', text }).findings;
    const at = (api: string) => findings.find((f) => f.message.startsWith(`\`${api}`));
    const est = at('Estimator()');
    const step = at('EstimatorStep()');
    assert.ok(est?.fixes?.length && step?.fixes?.length, 'both carry a fix');
    assert.deepEqual(est!.fixes![0].edits, step!.fixes![0].edits);
  });
});
