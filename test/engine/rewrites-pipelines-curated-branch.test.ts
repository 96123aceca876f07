/**
 * Round 32 (pipelines): the v1 docs' run configuration whose environment is chosen by a branch
 * (https://learn.microsoft.com/azure/machine-learning/v1/how-to-create-machine-learning-pipelines: `USE_CURATED_ENV = True`,
 * `if USE_CURATED_ENV:` `aml_run_config.environment = curated_environment` `else:` the environment's conda settings),
 * copied by tutorials and their forks. Each branch binds the runconfig's name to that branch's v2 environment (the
 * curated one got by name and label, or the anonymous `Environment(image=, conda_file=)` its settings make), and the steps
 * get `environment=<that name>` (v2 `command(environment=)` takes an Environment: how-to-create-component-pipeline-python).
 * Also: `runconfig=RunConfiguration()` written in the step (no arguments) is the default runconfig v1 creates for a step
 * given none (azureml-pipeline-steps PythonScriptStep docs), so the step runs in the v1 default image (to review), and a
 * `pipeline.submit(...)` run's `wait_for_completion(raise_on_error=True)` (v1's default) is `jobs.stream`, which raises on
 * a failed job too (azure-ai-ml _job_ops_helper.stream_logs_until_completion, raise_exception_on_failed_job=True).
 * `PipelineData(pipeline_output_name=n)` (default datastore, mounted) is an output of the pipeline job: the @dsl.pipeline
 * function returns `{n: node.outputs.x}` ("a pipeline returns a dictionary of outputs; keys will code for the pipeline
 * output identifier": https://learn.microsoft.com/azure/machine-learning/tutorial-pipeline-python-sdk); refused on a named
 * datastore (a pipeline output's settings could override the node output's path).
 * Refused: an `elif`, no `else`, a branch setting nothing or the target, other settings beside a branch's environment,
 * the environment also set outside the branch, the branch after the steps took the runconfig.
 */
import * as assert from 'node:assert/strict';
import { fixPython, rewriteCases } from './helpers';

const HEAD = [
  'from azureml.core import Workspace, Environment, Experiment',
  'from azureml.core.runconfig import RunConfiguration',
  'from azureml.core.conda_dependencies import CondaDependencies',
  'from azureml.pipeline.core import Pipeline',
  'from azureml.pipeline.steps import PythonScriptStep',
  '',
  'ws = Workspace.from_config()',
  '',
  'aml_run_config = RunConfiguration()',
  'aml_run_config.target = "cpu-cluster"',
  '',
];
const BRANCH = [
  'USE_CURATED_ENV = True',
  'if USE_CURATED_ENV:',
  '    curated_environment = Environment.get(workspace=ws, name="AzureML-Tutorial")',
  '    aml_run_config.environment = curated_environment',
  'else:',
  '    aml_run_config.environment.python.user_managed_dependencies = False',
  '    aml_run_config.environment.python.conda_dependencies = CondaDependencies.create(',
  '        conda_packages=["pandas", "scikit-learn"], pin_sdk_version=False)',
  '',
];
const STEPS = [
  'prep = PythonScriptStep(script_name="prep.py", source_directory="src", compute_target="cpu-cluster", runconfig=aml_run_config, allow_reuse=True)',
  'pipeline = Pipeline(workspace=ws, steps=[prep])',
  'run = Experiment(ws, "prep-pipeline").submit(pipeline)',
  'run.wait_for_completion(show_output=True)',
];

const V2_STEPS = [
  'prep = command(',
  '    code="src",',
  '    command="python prep.py",',
  '    compute="cpu-cluster",',
  '    is_deterministic=True,',
  '    environment=aml_run_config,',
  ')',
  '',
  '@dsl.pipeline()',
  'def pipeline_func():',
  '    prep_node = prep()',
  '',
  'pipeline = pipeline_func()',
  'run = ml_client.jobs.create_or_update(pipeline, experiment_name="prep-pipeline")',
  'ml_client.jobs.stream(run.name)',
];

describe('rewrites, round 32: a runconfig environment chosen by if/else (the v1 docs USE_CURATED_ENV shape)', () => {
  rewriteCases([
    [
      'each branch binds the name to its v2 environment; the steps take it',
      [...HEAD, ...BRANCH, ...STEPS, ''].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        '',
        '',
        'USE_CURATED_ENV = True',
        'if USE_CURATED_ENV:',
        '    curated_environment = ml_client.environments.get(name="AzureML-Tutorial", label="latest")',
        '    aml_run_config = curated_environment',
        'else:',
        '    aml_run_config = azure.ai.ml.entities.Environment(',
        '        image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest",  # amlint: review',
        '        conda_file={',
        '            "channels": ["anaconda", "conda-forge"],',
        '            "dependencies": [',
        '                "python=3.8.13",',
        '                "pandas",',
        '                "scikit-learn",',
        // (v1's default conda template lists azureml-defaults, as environment.ts writes it for a straight-line runconfig)
        '                {"pip": ["azureml-defaults"]},',
        '            ],',
        '        },',
        '    )',
        '',
        ...V2_STEPS,
        '',
      ].join('\n'),
    ],
    [
      'a curated environment got in place in one branch, another in the other',
      [
        ...HEAD,
        'if ws.name == "prod":',
        '    aml_run_config.environment = Environment.get(ws, "AzureML-Tutorial")',
        'else:',
        '    aml_run_config.environment = Environment.get(ws, "train-env")',
        '',
        ...STEPS,
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from azure.ai.ml import dsl',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        '',
        '',
        '',
        'if ml_client.workspace_name == "prod":',
        '    aml_run_config = ml_client.environments.get(name="AzureML-Tutorial", label="latest")',
        'else:',
        '    aml_run_config = ml_client.environments.get(name="train-env", label="latest")',
        '',
        ...V2_STEPS,
        '',
      ].join('\n'),
    ],
  ]);

  const refused: Array<[string, string[]]> = [
    ['an elif', ['if USE_CURATED_ENV:', '    aml_run_config.environment = Environment.get(ws, "a")', 'elif ws.name:', '    aml_run_config.environment = Environment.get(ws, "b")', 'else:', '    pass']],
    ['no else', ['if USE_CURATED_ENV:', '    aml_run_config.environment = Environment.get(ws, "a")']],
    ['a branch setting nothing', ['if USE_CURATED_ENV:', '    pass', 'else:', '    aml_run_config.environment = Environment.get(ws, "b")']],
    ['the target set in a branch', ['if USE_CURATED_ENV:', '    aml_run_config.environment = Environment.get(ws, "a")', '    aml_run_config.target = "gpu-cluster"', 'else:', '    aml_run_config.environment = Environment.get(ws, "b")']],
    ['another setting beside the environment', ['if USE_CURATED_ENV:', '    aml_run_config.environment = Environment.get(ws, "a")', '    aml_run_config.environment.docker.shm_size = "2g"', 'else:', '    aml_run_config.environment = Environment.get(ws, "b")']],
    ['the environment also set outside the branch', ['if USE_CURATED_ENV:', '    aml_run_config.environment = Environment.get(ws, "a")', 'else:', '    aml_run_config.environment = Environment.get(ws, "b")', 'aml_run_config.environment.docker.enabled = True']],
  ];
  for (const [title, branch] of refused) {
    it(`refused: ${title}`, () => {
      const src = [...HEAD, 'USE_CURATED_ENV = True', ...branch, '', ...STEPS, ''].join('\n');
      assert.ok(fixPython(src, true).includes('PythonScriptStep('));
    });
  }
  it('refused: the branch after the steps took the runconfig', () => {
    const src = [...HEAD, ...STEPS.slice(0, 1), ...BRANCH, ...STEPS.slice(1), ''].join('\n');
    assert.ok(fixPython(src, true).includes('PythonScriptStep('));
  });
});

describe('rewrites, round 32: a step given RunConfiguration() in place; wait_for_completion(raise_on_error=True); pipeline_output_name', () => {
  const SRC = [
    'from azureml.core import Workspace',
    'from azureml.core.runconfig import RunConfiguration',
    'from azureml.pipeline.core import Pipeline, PipelineData',
    'from azureml.pipeline.steps import PythonScriptStep',
    '',
    'ws = Workspace.from_config()',
    'prepped = PipelineData("prepped", datastore=ws.get_default_datastore())',
    'prep = PythonScriptStep(name="prep", script_name="prep.py", source_directory="src", runconfig=RunConfiguration(), arguments=["--out", prepped], outputs=[prepped], compute_target="cpu-cluster")',
    'train = PythonScriptStep(name="train", script_name="train.py", source_directory="src", runconfig=RunConfiguration(), arguments=["--data", prepped], inputs=[prepped], compute_target="cpu-cluster")',
    'pipeline = Pipeline(ws, steps=[prep, train])',
    'run = pipeline.submit(experiment_name="my_experiment")',
    'run.wait_for_completion(raise_on_error=True)',
    '',
  ];
  rewriteCases([
    [
      'the default runconfig: the v1 default image, to review; the wait streams the job',
      SRC.join('\n'),
      [
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import command',
        'from azure.ai.ml import Input',
        'from azure.ai.ml import Output',
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
        '    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review',
        ')',
        'train = command(',
        '    display_name="train",',
        '    code="src",',
        '    command="python train.py --data ${{inputs.prepped}}",',
        '    inputs={"prepped": Input(type="uri_folder")},',
        '    compute="cpu-cluster",',
        '    environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest"),  # amlint: review',
        ')',
        '',
        '@dsl.pipeline()',
        'def pipeline_func():',
        '    prep_node = prep()',
        '    train_node = train(prepped=prep_node.outputs.prepped)',
        '',
        'pipeline = pipeline_func()',
        'run = ml_client.jobs.create_or_update(pipeline, experiment_name="my_experiment")',
        'ml_client.jobs.stream(run.name)',
        '',
      ].join('\n'),
    ],
  ]);
  it('PipelineData(pipeline_output_name=n): the pipeline function returns the node output as n', () => {
    const src = SRC.join('\n').replace('datastore=ws.get_default_datastore())', 'datastore=ws.get_default_datastore(), pipeline_output_name="prepped_output")');
    const out = fixPython(src, true);
    assert.ok(out.includes(['    train_node = train(prepped=prep_node.outputs.prepped)', '    return {"prepped_output": prep_node.outputs.prepped}', '', 'pipeline = pipeline_func()'].join('\n')), out);
    assert.ok(!out.includes('PipelineData'));
  });
  it('refused: pipeline_output_name on a named datastore', () => {
    const named = SRC.join('\n').replace('prepped = PipelineData("prepped", datastore=ws.get_default_datastore())', 'blob = Datastore.get(ws, "blobstore")\nprepped = PipelineData("prepped", datastore=blob)').replace('from azureml.core import Workspace', 'from azureml.core import Workspace, Datastore');
    // (rewritten without pipeline_output_name: the refusal is the promoted output's)
    assert.ok(!fixPython(named, true).includes('PythonScriptStep('));
    const src = named.replace('datastore=blob)', 'datastore=blob, pipeline_output_name="prepped_output")');
    assert.ok(fixPython(src, true).includes('PythonScriptStep('));
  });
  it('refused: raise_on_error=False (v2 stream raises on a failed job)', () => {
    const src = SRC.join('\n').replace('raise_on_error=True', 'raise_on_error=False');
    assert.ok(fixPython(src, true).includes('PythonScriptStep('));
  });
  it('refused: a RunConfiguration in place with arguments', () => {
    const src = SRC.join('\n').replace('runconfig=RunConfiguration(), arguments=["--data"', 'runconfig=RunConfiguration(framework="Python"), arguments=["--data"');
    assert.ok(fixPython(src, true).includes('PythonScriptStep('));
  });
});
