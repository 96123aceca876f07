/**
 * Round 15 (pipes), pipelines.ts:
 * - `PipelineData.as_mount()` / `.as_input(name)` in a consumer step: an InputPortBinding in "mount" mode
 *   (azureml-pipeline-core InputPortBinding docs), the same v2 input as the bare PipelineData;
 * - `allow_reuse=False` → `is_deterministic=False` (https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml#azure-ai-ml-command),
 *   `Pipeline(description=)` → `@dsl.pipeline(description=)` (azure-ai-ml dsl/_pipeline_decorator.py).
 * Refused: `PipelineData(is_directory=False)` (a single file, not a uri_folder output), `as_download()`,
 * a `run_after` without a data dependency (v2 orders nodes by data only: Azure/azure-sdk-for-python#34196,
 * azureml-examples sdk/python/jobs/pipelines/stepsequence), `params=` on a step.
 */
import * as assert from 'node:assert/strict';
import { fixDocument, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const IMAGE = 'azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review';
const V1_HEAD = [
  'from azureml.core import Workspace, Experiment',
  'from azureml.pipeline.core import Pipeline, PipelineData',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
];

describe('rewrites round 15 (pipes): PipelineData read mounted, allow_reuse, description; refusals', () => {
  rewriteCases([
    [
      'PipelineData(is_directory=True) read through as_mount(), allow_reuse=False, description, validate, submit',
      [
        ...V1_HEAD,
        'prepped = PipelineData("prepped", is_directory=True)',
        'prep = PythonScriptStep(name="prep", script_name="prep.py", arguments=["--out", prepped], outputs=[prepped], compute_target="cpu-cluster", source_directory="src", allow_reuse=False)',
        'train = PythonScriptStep(name="train", script_name="train.py", arguments=["--data", prepped.as_mount()], inputs=[prepped.as_mount()], compute_target="cpu-cluster", source_directory="src")',
        'pipeline = Pipeline(workspace=ws, steps=[prep, train], description="prep and train")',
        'pipeline.validate()',
        'run = Experiment(ws, "prep-train").submit(pipeline)',
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
        'prepped = Output(type="uri_folder")',
        'prep = command(',
        '    display_name="prep",',
        '    code="src",',
        '    command="python prep.py --out ${{outputs.prepped}}",',
        '    outputs={"prepped": prepped},',
        '    compute="cpu-cluster",',
        '    is_deterministic=False,',
        `    environment=${IMAGE}`,
        ')',
        'train = command(',
        '    display_name="train",',
        '    code="src",',
        '    command="python train.py --data ${{inputs.prepped}}",',
        '    inputs={"prepped": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        `    environment=${IMAGE}`,
        ')',
        '',
        '@dsl.pipeline(description="prep and train")',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    train_node = train(prepped=prep_node.outputs.prepped)',
        '',
        'pipeline = pipeline_func()',
        'ml_client.jobs.validate(pipeline)',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="prep-train")',
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, string, string]> = [
    ['PipelineData(is_directory=False): a single file', 'prepped = PipelineData("prepped", is_directory=False)', '"--data", prepped'],
    ['PipelineData.as_download(): downloaded, not mounted', 'prepped = PipelineData("prepped")', '"--data", prepped.as_download()'],
  ];
  for (const [title, data, arg] of refused) {
    it(`refused: ${title}`, () => {
      const src = [
        ...V1_HEAD,
        data,
        'prep = PythonScriptStep(script_name="prep.py", arguments=["--out", prepped], outputs=[prepped], compute_target="cpu-cluster", source_directory="src")',
        `train = PythonScriptStep(script_name="train.py", arguments=[${arg}], inputs=[prepped], compute_target="cpu-cluster", source_directory="src")`,
        'pipeline = Pipeline(workspace=ws, steps=[prep, train])',
        'pipeline.validate()',
        '',
      ].join('\n');
      const out = fixPython(src, true);
      assert.match(out, /PythonScriptStep\(/);
      assert.match(out, /PipelineData\(/);
      assert.ok(parses(out));
    });
  }

  it('refused: params= on a step (not translated)', () => {
    const src = [
      ...V1_HEAD,
      'step = PythonScriptStep(script_name="train.py", params={"alpha": "0.1"}, compute_target="cpu-cluster", source_directory="src")',
      'pipeline = Pipeline(workspace=ws, steps=[step])',
      'pipeline.validate()',
      '',
    ].join('\n');
    const out = fixPython(src, true);
    assert.match(out, /PythonScriptStep\(/);
    assert.match(out, /Pipeline\(workspace=ws/);
  });

  it('refused, a notebook: steps ordered by run_after only (the MLN getting-started shape; no v2 control dependency)', () => {
    const cells = [
      { kind: 'code', text: 'from azureml.core import Workspace, Experiment\nfrom azureml.pipeline.core import Pipeline\nfrom azureml.pipeline.steps import PythonScriptStep' },
      { kind: 'code', text: 'ws = Workspace.from_config()' },
      { kind: 'code', text: 'step1 = PythonScriptStep(name="train_step", script_name="train.py", compute_target="cpu-cluster", source_directory=".", allow_reuse=False)' },
      { kind: 'code', text: 'step2 = PythonScriptStep(name="compare_step", script_name="compare.py", compute_target="cpu-cluster", source_directory=".")' },
      { kind: 'code', text: 'step2.run_after(step1)\n\npipeline2 = Pipeline(workspace=ws, steps=[step2])\npipeline2.validate()' },
      { kind: 'code', text: "pipeline_run2 = Experiment(ws, 'Hello_World2').submit(pipeline2)" },
    ];
    const out = fixDocument({ kind: 'notebook', cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    const texts = out.cells.map((c) => c.text);
    assert.equal(texts[2], cells[2].text);
    assert.equal(texts[3], cells[3].text);
    assert.equal(texts[4], cells[4].text);
    assert.match(texts[5], /\.submit\(pipeline2\)/);
    for (const t of texts) assert.ok(parses(t), t);
  });
});
