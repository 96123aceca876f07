import * as assert from 'node:assert/strict';
import { fixDocument, lint, type DocumentInput } from '../../server/src/engine';
import { fixPython, parses } from './helpers';

const HEAD = [
  'from azureml.core import Workspace, Experiment, ScriptRunConfig',
  'from azureml.train.hyperdrive import RandomParameterSampling, GridParameterSampling, BanditPolicy, MedianStoppingPolicy, NoTerminationPolicy, HyperDriveConfig, PrimaryMetricGoal',
  'from azureml.train.hyperdrive import choice, uniform, loguniform',
  'ws = Workspace.from_config()',
];
/** What the workspace and experiment become (workspace.ts, jobs.ts), ahead of the sweep's own lines. */
const CLIENT = 'ml_client = MLClient.from_config(credential=DefaultAzureCredential())\nws = MLClient.from_config(credential=DefaultAzureCredential())';

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
        'import azure.ai.ml.sweep',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'src = command(code="./src", command="python train.py --data-folder data --learning-rate ${{inputs.learning_rate}} --batch-size ${{inputs.batch_size}} --decay ${{inputs.decay}}", inputs={"learning_rate": Uniform(min_value=0.001, max_value=0.1), "batch_size": Choice(values=[16, 32, 64]), "decay": LogUniform(min_value=-6, max_value=-1)}, compute="cpu-cluster")',
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
        'import azure.ai.ml.sweep',
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'src = command(code="src", command="python train.py --kernel ${{inputs.kernel}} --penalty ${{inputs.penalty}} --layers ${{inputs.layers}}", inputs={"kernel": Choice(values=["linear", "rbf"]), "penalty": Choice(values=[0.5, 1]), "layers": Choice(values=list(range(1, 5)))}, compute="cpu-cluster")',
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
        'from azure.ai.ml import MLClient',
        'from azure.identity import DefaultAzureCredential',
        CLIENT,
        'low = 0.01',
        'src = command(code="src", command="python train.py --epochs 10 --lr ${{inputs.lr}}", inputs={"lr": Uniform(min_value=low, max_value=0.1)})',
        'policy = None',
        'ps = "random"',
        'config = src.sweep(sampling_algorithm=ps, primary_metric="acc", goal="Maximize", max_total_trials=4, early_termination_policy=policy)',
        'run = ml_client.jobs.create_or_update(config, experiment_name="e")',
        '',
      ].join('\n'),
    ],
  ];
  for (const [title, src, expected] of cases) {
    it(title, () => {
      const out = fixPython(src, true);
      assert.equal(out, expected);
      assert.ok(parses(out), 'still parses');
      assert.equal(fixPython(out, true), out, 'a second run changes nothing');
    });
  }

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
      { kind: 'code', text: 'from azure.ai.ml.sweep import Uniform\nfrom azure.ai.ml import command\nimport azure.ai.ml.sweep\nfrom azure.ai.ml import MLClient\nfrom azure.identity import DefaultAzureCredential\n' + CLIENT },
      { kind: 'code', text: 'src = command(code="src", command="python train.py --learning_rate ${{inputs.learning_rate}} --momentum ${{inputs.momentum}}", inputs={"learning_rate": Uniform(min_value=0.0005, max_value=0.005), "momentum": Uniform(min_value=0.9, max_value=0.99)}, compute="gpu-cluster")' },
      { kind: 'code', text: 'param_sampling = "random"\nearly_termination_policy = azure.ai.ml.sweep.BanditPolicy(delay_evaluation=10, evaluation_interval=1, slack_factor=0.15)' },
      { kind: 'code', text: 'hyperdrive_config = src.sweep(sampling_algorithm=param_sampling, primary_metric="best_val_acc", goal="Maximize", max_total_trials=8, max_concurrent_trials=4, early_termination_policy=early_termination_policy)' },
      { kind: 'code', text: 'experiment = "birds"\nhyperdrive_run = ml_client.jobs.create_or_update(hyperdrive_config, experiment_name="birds")' },
      { kind: 'code', text: 'ml_client.jobs.stream(hyperdrive_run.name)\nassert(ml_client.jobs.get(hyperdrive_run.name).status == "Completed")' },
    ];
    const out = fixDocument(input, undefined, { unsafe: true }).output as { cells: Array<{ kind: string; text: string }> };
    assert.deepEqual(out.cells, expected);
    assert.ok(parses(out.cells.map((c) => c.text).join('\n')));
    const again = fixDocument({ kind: 'notebook', cells: out.cells } as DocumentInput, undefined, { unsafe: true }).output as { cells: unknown };
    assert.deepEqual(again.cells, expected, 'a second run changes nothing');
  });

  describe('no suggestion when the rewrite would not be faithful', () => {
    const base = (sampling: string, extra = '', config = 'run_config=src, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4'): string =>
      [...HEAD, 'src = ScriptRunConfig(source_directory="src", script="train.py", arguments=["--lr", 0.1])', `ps = ${sampling}`, `hd = HyperDriveConfig(${config})`, 'run = Experiment(ws, "e").submit(hd)', extra, ''].join('\n');
    const negatives: Array<[string, string]> = [
      ['a sampling key that is no option name', base('RandomParameterSampling({"learning rate": uniform(0.1, 1)})')],
      ['a key without dashes is the option --<key>: here already an argument', base('RandomParameterSampling({"lr": uniform(0.1, 1)})')],
      ['the swept option is already one of the arguments', base('RandomParameterSampling({"--lr": uniform(0.1, 1)})')],
      ['Sobol properties', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)}, properties={"rule": "sobol"})')],
      ['the best child run is read (no one-call v2 form)', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', 'best_run = run.get_best_run_by_primary_metric()')],
      ['the children\'s metrics are read (v1 HyperDriveRun.get_metrics)', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', 'print(run.get_metrics())')],
      ['a positional policy argument', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', '', 'run_config=src, hyperparameter_sampling=ps, policy=BanditPolicy(2, 0.1), primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4')],
      ['an estimator instead of a script run', base('RandomParameterSampling({"--momentum": uniform(0.1, 1)})', '', 'estimator=est, hyperparameter_sampling=ps, primary_metric_name="acc", primary_metric_goal=PrimaryMetricGoal.MAXIMIZE, max_total_runs=4')],
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
