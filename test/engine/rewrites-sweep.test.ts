import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses, rewriteCases } from './helpers';

const HEAD = [
  'from azureml.core import Workspace, Experiment, ScriptRunConfig',
  'from azureml.train.hyperdrive import RandomParameterSampling, GridParameterSampling, BanditPolicy, MedianStoppingPolicy, NoTerminationPolicy, HyperDriveConfig, PrimaryMetricGoal',
  'from azureml.train.hyperdrive import choice, uniform, loguniform',
  'ws = Workspace.from_config()',
];
/** What the workspace and experiment become (workspace.ts, jobs.ts), ahead of the sweep's own lines. */
/** v1's default environment, stated for v2 as jobs.ts states it (the docs' image, to review). */
const ENV = 'environment=azure.ai.ml.entities.Environment(image="mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest")';
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())';

/** A notebook fixed with --unsafe-fixes gives `expected` cells, which parse and which a second run keeps. */
function notebookFixes(input: DocumentInput, expected: Array<{ kind: string; text: string }>): void {
  const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
  assert.deepEqual(out.cells, expected);
  assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
  const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
  assert.deepEqual(again.cells, expected, 'a second run changes nothing');
}

describe('rewrites: HyperDrive → sweep jobs', () => {
  const cases: Array<[string, string, string]> = [
    [
      'sampling, policy and config as variables (HD): command with search-space inputs, .sweep(), the submit and the run',
      [
        ...HEAD,
        'src = ScriptRunConfig(source_directory="./src", script="train.py", arguments=["--data-folder", "data"], compute_target="cpu-cluster")',
        'ps = RandomParameterSampling({"--learning-rate": uniform(0.001, 0.1), "--batch-size": choice(16, 32, 64), "--decay": loguniform(-6, -1)})',
        'policy = BanditPolicy(evaluation_interval=2, slack_factor=0.1)',
        'hd_config = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, policy=policy, primary_metric_name="accuracy", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=20, max_concurrent_runs=4)',
        'exp = Experiment(ws, "hd-exp")',
        'hd_run = exp.submit(hd_config)',
        'hd_run.wait_for_completion(show_output=True)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Uniform',
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml.sweep import LogUniform',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'import azure.ai.ml.sweep',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'src = command(code="./src", command="python train.py --data-folder data --learning-rate ${{inputs.learning_rate}} --batch-size ${{inputs.batch_size}} --decay ${{inputs.decay}}", inputs={"learning_rate": Uniform(min_value=0.001, max_value=0.1), "batch_size": Choice(values=[16, 32, 64]), "decay": LogUniform(min_value=-6, max_value=-1)}, ' + ENV + ', compute="cpu-cluster")  # amlint: review',
        'ps = "random"',
        'policy = azure.ai.ml.sweep.BanditPolicy(evaluation_interval=2, slack_factor=0.1)',
        'hd_config = src.sweep(sampling_algorithm=ps, primary_metric="accuracy", goal="Maximize", max_total_trials=20, max_concurrent_trials=4, early_termination_policy=policy)',
        'exp = "hd-exp"',
        'hd_run = ml_client.jobs.create_or_update(hd_config, experiment_name="hd-exp")',
        'ml_client.jobs.stream(hd_run.name)',
        '',
      ].join('\n'),
    ],
    [
      'inline grid sampling and median stopping, a list choice, a duration and a minimized metric',
      [
        ...HEAD,
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster")',
        'hd_config = HyperDriveConfig(run_config=src,',
        '                             hyperparameter_sampling=GridParameterSampling({"--kernel": choice(["linear", "rbf"]), "--penalty": choice(0.5, 1), "--layers": choice(range(1, 5))}),',
        '                             policy=MedianStoppingPolicy(delay_evaluation=5),',
        '                             primary_metric_name="loss", primary_metric_goal=PrimaryMetricGoal.MINIMIZE,',
        '                             max_total_runs=8, max_duration_minutes=60)',
        'run = Experiment(ws, "grid").submit(hd_config)',
        'print(run.get_portal_url())',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'import azure.ai.ml.sweep',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'src = command(code="src", command="python train.py --kernel ${{inputs.kernel}} --penalty ${{inputs.penalty}} --layers ${{inputs.layers}}", inputs={"kernel": Choice(values=["linear", "rbf"]), "penalty": Choice(values=[0.5, 1]), "layers": Choice(values=list(range(1, 5)))}, ' + ENV + ', compute="cpu-cluster")  # amlint: review',
        'hd_config = src.sweep(sampling_algorithm="grid", primary_metric="loss", goal="Minimize", max_total_trials=8, timeout=3600, early_termination_policy=azure.ai.ml.sweep.MedianStoppingPolicy(delay_evaluation=5, evaluation_interval=1))',
        'run = ml_client.jobs.create_or_update(hd_config, experiment_name="grid")',
        'print(run.studio_url)',
        '',
      ].join('\n'),
    ],
    [
      'no termination policy: none in v2; a variable bound before the command keeps its meaning',
      [
        ...HEAD,
        'low = 0.01',
        'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--epochs", 10])',
        'policy = NoTerminationPolicy()',
        'ps = RandomParameterSampling({"--lr": uniform(low, 0.1)})',
        'config = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, policy=policy, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
        'run = Experiment(ws, "e").submit(config)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Uniform',
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'low = 0.01',
        'src = command(code="src", command="python train.py --epochs 10 --lr ${{inputs.lr}}", inputs={"lr": Uniform(min_value=low, max_value=0.1)}, ' + ENV + ', compute="local")  # amlint: review',
        'policy = None',
        'ps = "random"',
        'config = src.sweep(sampling_algorithm=ps, primary_metric="acc", goal="Maximize", max_total_trials=4, early_termination_policy=policy)',
        'run = ml_client.jobs.create_or_update(config, experiment_name="e")',
        '',
      ].join('\n'),
    ],
    [
      'the best trial (how-to-train-* "Find the best model": the sweep job\'s best_child_run_id) and its uses as a job',
      [
        ...HEAD,
        'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="cpu-cluster", environment=env)',
        'ps = RandomParameterSampling({"--lr": choice(0.1, 0.01)})',
        'hd_config = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="accuracy", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
        'hd_run = Experiment(ws, "hd").submit(hd_config)',
        'hd_run.wait_for_completion(show_output=True)',
        'best = hd_run.get_best_run_by_primary_metric()',
        'print(best.get_metrics())',
        'print(best.id)',
        'model = best.register_model(model_name="m", model_path="outputs/model.pkl")',
        '',
      ].join('\n').replace('ws = ', 'from azure.ai.ml.entities import Environment\nenv = Environment(image="img")\nws = '),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml import command',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        'from mlflow.tracking import MlflowClient',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.constants import AssetTypes',
        'from azure.ai.ml.entities import Environment',
        'ml_client = MLClient.from_config(credential=DefaultAzureCredential())',
        'env = Environment(image="img")',
        'src = command(code="src", command="python train.py --lr ${{inputs.lr}}", inputs={"lr": Choice(values=[0.1, 0.01])}, environment=env, compute="cpu-cluster")',
        'ps = "random"',
        'hd_config = src.sweep(sampling_algorithm=ps, primary_metric="accuracy", goal="Maximize", max_total_trials=4)',
        'hd_run = ml_client.jobs.create_or_update(hd_config, experiment_name="hd")',
        'ml_client.jobs.stream(hd_run.name)',
        'best = ml_client.jobs.get(ml_client.jobs.get(hd_run.name).properties["best_child_run_id"])  # amlint: review',
        'print(MlflowClient(ml_client.workspaces.get(ml_client.workspace_name).mlflow_tracking_uri).get_run(best.name).data.metrics)',
        'print(best.name)',
        'model = ml_client.models.create_or_update(azure.ai.ml.entities.Model(name="m", path=f"azureml://jobs/{best.name}/outputs/artifacts/paths/outputs/model.pkl", type=AssetTypes.CUSTOM_MODEL))',
        '',
      ].join('\n'),
    ],
    [
      'a script run both submitted and swept: one command, called with the search spaces for the sweep (azure.ai.ml.sweep reference: job_for_sweep = job(kernel=Uniform(...)))',
      [
        ...HEAD,
        'exp = Experiment(ws, "train")',
        'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--lr", 0.1, "--epochs", 5], compute_target="cpu-cluster")',
        'run = exp.submit(src)',
        'ps = RandomParameterSampling({"--lr": choice(0.1, 0.01)})',
        'hd_config = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="accuracy", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)',
        'hd_run = exp.submit(hd_config)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml import command',
        'import azure.ai.ml.entities',
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'exp = "train"',
        'src = command(code="src", command="python train.py --lr ${{inputs.lr}} --epochs 5", inputs={"lr": 0.1}, ' + ENV + ', compute="cpu-cluster")  # amlint: review',
        'run = ml_client.jobs.create_or_update(src, experiment_name="train")',
        'ps = "random"',
        'hd_config = src(lr=Choice(values=[0.1, 0.01])).sweep(sampling_algorithm=ps, primary_metric="accuracy", goal="Maximize", max_total_trials=4)',
        'hd_run = ml_client.jobs.create_or_update(hd_config, experiment_name="train")',
        '',
      ].join('\n'),
    ],
  ];
  rewriteCases(cases);

  it('every piece offers the fix (sampling, expressions, policy, goal, config, script run)', () => {
    const src = cases[0][1];
    const pieces = lint({ kind: 'python', text: src }).findings.filter((f) => f.code === 'AML111' || f.symbol === 'azureml.core.ScriptRunConfig');
    assert.ok(pieces.length >= 8, `${pieces.length} pieces`);
    for (const f of pieces) assert.ok(f.fixes?.length, `a fix on ${f.symbol}`);
  });

  it('in a notebook: configuration, submission and wait in separate cells', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: HEAD.join('\n') },
        { kind: 'code', text: 'src = ScriptRunConfig(source_directory="src", script="train.py", compute_target="gpu-cluster")' },
        { kind: 'code', text: 'param_sampling = RandomParameterSampling({\n    "learning_rate": uniform(0.0005, 0.005),\n    "momentum": uniform(0.9, 0.99)\n})\nearly_termination_policy = BanditPolicy(slack_factor=0.15, evaluation_interval=1, delay_evaluation=10)' },
        { kind: 'code', text: 'hyperdrive_config = HyperDriveConfig(run_config=src,\n                                     hyperparameter_sampling=param_sampling,\n                                     policy=early_termination_policy,\n                                     primary_metric_name="best_val_acc",\n                                     primary_metric_goal=PrimaryMetricGoal.MAXIMIZE,\n                                     max_total_runs=8,\n                                     max_concurrent_runs=4)' },
        { kind: 'code', text: 'experiment = Experiment(ws, "birds")\nhyperdrive_run = experiment.submit(hyperdrive_config)' },
        { kind: 'code', text: 'hyperdrive_run.wait_for_completion(show_output=True)\nassert(hyperdrive_run.get_status() == "Completed")' },
      ],
    };
    const expected = [
      { kind: 'code', text: 'from azure.ai.ml.sweep import Uniform\nfrom azure.ai.ml import command\nimport azure.ai.ml.entities\nimport azure.ai.ml.sweep\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n' + CLIENT },
      { kind: 'code', text: 'src = command(code="src", command="python train.py --learning_rate ${{inputs.learning_rate}} --momentum ${{inputs.momentum}}", inputs={"learning_rate": Uniform(min_value=0.0005, max_value=0.005), "momentum": Uniform(min_value=0.9, max_value=0.99)}, ' + ENV + ', compute="gpu-cluster")  # amlint: review' },
      { kind: 'code', text: 'param_sampling = "random"\nearly_termination_policy = azure.ai.ml.sweep.BanditPolicy(delay_evaluation=10, evaluation_interval=1, slack_factor=0.15)' },
      { kind: 'code', text: 'hyperdrive_config = src.sweep(sampling_algorithm=param_sampling, primary_metric="best_val_acc", goal="Maximize", max_total_trials=8, max_concurrent_trials=4, early_termination_policy=early_termination_policy)' },
      { kind: 'code', text: 'experiment = "birds"\nhyperdrive_run = ml_client.jobs.create_or_update(hyperdrive_config, experiment_name="birds")' },
      { kind: 'code', text: 'ml_client.jobs.stream(hyperdrive_run.name)\nassert(ml_client.jobs.get(hyperdrive_run.name).status == "Completed")' },
    ];
    notebookFixes(input, expected);
  });

  it('in a notebook (MLN hyperdrive-sklearn shape): an estimator submitted and swept, then the best trial registered', () => {
    const input: DocumentInput = {
      kind: 'notebook',
      cells: [
        { kind: 'code', text: HEAD.join('\n') + '\nfrom azureml.train.sklearn import SKLearn\nexperiment = Experiment(ws, name="train_iris")' },
        { kind: 'code', text: "script_params = {\n    '--kernel': 'linear',\n    '--penalty': 1.0,\n}\n\nestimator = SKLearn(source_directory='./sklearn-iris',\n                    script_params=script_params,\n                    compute_target='cpu-cluster',\n                    entry_script='train_iris.py'\n                   )" },
        { kind: 'code', text: 'run = experiment.submit(estimator)' },
        { kind: 'code', text: "param_sampling = RandomParameterSampling( {\n    \"--kernel\": choice('linear', 'rbf', 'poly', 'sigmoid'),\n    \"--penalty\": choice(0.5, 1, 1.5)\n    }\n)\n\nhyperdrive_config = HyperDriveConfig(estimator=estimator,\n                                     hyperparameter_sampling=param_sampling,\n                                     primary_metric_name='Accuracy',\n                                     primary_metric_goal=PrimaryMetricGoal.MAXIMIZE,\n                                     max_total_runs=12,\n                                     max_concurrent_runs=4)" },
        { kind: 'code', text: 'hyperdrive_run = experiment.submit(hyperdrive_config)' },
        { kind: 'code', text: 'best_run = hyperdrive_run.get_best_run_by_primary_metric()\nprint(best_run.get_details())\nbest_run.register_model(model_name="sklearn-iris", model_path="outputs/model.joblib")' },
      ],
    };
    const expected = [
      { kind: 'code', text: 'import azure.ai.ml.entities\nfrom azure.ai.ml import command\nfrom azure.ai.ml.sweep import Choice\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\nfrom azure.ai.ml.constants import AssetTypes\n' + CLIENT + '\nexperiment = "train_iris"' },
      { kind: 'code', text: "script_params = {\n    '--kernel': 'linear',\n    '--penalty': 1.0,\n}\n\nestimator = command(code='./sklearn-iris', command=\"python train_iris.py --kernel ${{inputs.kernel}} --penalty ${{inputs.penalty}}\", inputs={\"kernel\": 'linear', \"penalty\": 1.0}, environment=azure.ai.ml.entities.Environment(image=\"mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest\", conda_file={\"channels\": [\"anaconda\", \"conda-forge\"], \"dependencies\": [\"python=3.8.13\", {\"pip\": [\"azureml-defaults\", \"scikit-learn\"]}]}), compute='cpu-cluster')  # amlint: review" },
      { kind: 'code', text: 'run = ml_client.jobs.create_or_update(estimator, experiment_name="train_iris")' },
      { kind: 'code', text: "param_sampling = \"random\"\n\nhyperdrive_config = estimator(kernel=Choice(values=['linear', 'rbf', 'poly', 'sigmoid']), penalty=Choice(values=[0.5, 1, 1.5])).sweep(sampling_algorithm=param_sampling, primary_metric='Accuracy', goal=\"Maximize\", max_total_trials=12, max_concurrent_trials=4)" },
      { kind: 'code', text: 'hyperdrive_run = ml_client.jobs.create_or_update(hyperdrive_config, experiment_name="train_iris")' },
      { kind: 'code', text: 'best_run = ml_client.jobs.get(ml_client.jobs.get(hyperdrive_run.name).properties["best_child_run_id"])  # amlint: review\nprint(ml_client.jobs.get(best_run.name))\nml_client.models.create_or_update(azure.ai.ml.entities.Model(name="sklearn-iris", path=f"azureml://jobs/{best_run.name}/outputs/artifacts/paths/outputs/model.joblib", type=AssetTypes.CUSTOM_MODEL))' },
    ];
    notebookFixes(input, expected);
    // Every finding of the estimator, the sweep and the best trial offers the fix.
    const findings = lint(input).findings.filter((f) => f.code === 'AML111' || /SKLearn|submit|get_best_run/.test(f.symbol ?? ''));
    assert.ok(findings.length >= 7 && findings.every((f) => f.fixes?.length), findings.filter((f) => !f.fixes?.length).map((f) => f.symbol).join(', '));
  });

  it('a swept option already among the arguments: its value stays and the sampled one comes last (round 19; v1 HyperDrive sends a ScriptRunConfig\'s arguments unchanged)', () => {
    for (const key of ['"lr"', '"--lr"']) {
      const src = [...HEAD, 'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--lr", 0.1])', `ps = RandomParameterSampling({${key}: uniform(0.1, 1)})`, 'hd = HyperDriveConfig(run_config=src, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4)', 'run = Experiment(ws, "e").submit(hd)', ''].join('\n');
      const out = fixPython(src, true);
      assert.ok(out.includes('command="python train.py --lr 0.1 --lr ${{inputs.lr}}"'), out);
      assert.ok(out.includes('inputs={"lr": Uniform(min_value=0.1, max_value=1)}'), out);
      assert.ok(parses(out));
    }
  });

  describe('no suggestion when the rewrite would not be faithful', () => {
    const base = (sampling: string, extra = '', config = 'run_config=src, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4'): string =>
      [...HEAD, 'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--lr", 0.1])', `ps = ${sampling}`, `hd = HyperDriveConfig(${config})`, 'run = Experiment(ws, "e").submit(hd)', extra, ''].join('\n');
    const negatives: Array<[string, string]> = [
      ['a sampling key that is no option name', base('RandomParameterSampling({"learning rate": uniform(0.1, 1)})')],
      ['Sobol properties', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)}, properties={"rule": "sobol"})')],
      ['the best trial is used in a way jobs.ts does not rewrite (its files)', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', 'best_run = run.get_best_run_by_primary_metric()\nfiles = best_run.get_file_names()')],
      ['the best trial is not assigned (no line for the review mark)', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', 'print(run.get_best_run_by_primary_metric().id)')],
      ['the children\'s metrics are read (v1 HyperDriveRun.get_metrics)', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', 'print(run.get_metrics())')],
      ['a positional policy argument', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', '', 'run_config=src, hyperparameter_sampling=ps, policy=BanditPolicy(2, 0.1), primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4')],
      ['an estimator instead of a script run', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', '', 'estimator=est, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4')],
      ['a script run submitted and swept, the swept option not among its arguments (the submitted command has no input to set)', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', 'plain = Experiment(ws, "e").submit(src)')],
      ['the best trial of a sweep whose configuration is also submitted, used in a v1 way', base('RandomParameterSampling({"--lr": uniform(0.1, 1)})', 'plain = Experiment(ws, "e").submit(src)\nbest = run.get_best_run_by_primary_metric()\nbest.download_files()')],
      ['a distribution bound after the command is defined', base('RandomParameterSampling({"--momentum": uniform(low, 1)})').replace('ps = ', 'low = 0.1\nps = ')],
    ];
    it('(the same code without the blocking piece is rewritten)', () => {
      const findings = lint({ kind: 'python', text: base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})') }).findings.filter((f) => f.code === 'AML111');
      assert.ok(findings.length && findings.every((f) => f.fixes?.length));
    });
    for (const [title, src] of negatives) {
      it(title, () => {
        const findings = lint({ kind: 'python', text: src }).findings.filter((f) => f.code === 'AML111');
        assert.ok(findings.length);
        for (const f of findings) assert.ok(!f.fixes?.length, `no fix on ${f.symbol}`);
      });
    }
  });
});
