/**
 * Round 30, community study notes (DP-100 "defining a search space" snippets): a search space that nothing runs,
 * a dictionary read by nothing, or only by `sampling = GridParameterSampling(space)` whose name nothing reads →
 * the v2 search space, input names to `azure.ai.ml.sweep` distributions (HD, https://learn.microsoft.com/azure/machine-learning/migrate-to-v2-execution-hyperdrive:
 * `command_job(learning_rate=Uniform(...))`; SweepJob `search_space: Dict[str, Choice | ...]`,
 * https://learn.microsoft.com/python/api/azure-ai-ml/azure.ai.ml.sweep.sweepjob), and the sampling's name its
 * algorithm (`sampling_algorithm="grid"/"random"/"bayesian"`). Only keys whose script option is `--<name>` (a key
 * without dashes is passed as `--<key>` in v1), so the option stays readable from the v2 key.
 */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { rewriteCases } from './helpers';

function fixesAt(src: string, symbol: string, line: number): unknown {
  const f = lint({ kind: 'python', text: src }).findings.find((x) => x.symbol === symbol && x.range.start.line === line);
  assert.ok(f, `a finding for ${symbol} on line ${line}`);
  return f.fixes;
}

describe('rewrites round 30: search spaces nothing runs', () => {
  rewriteCases([
    [
      'a grid sampling whose name nothing reads: the space keyed by input names, the sampling its algorithm',
      [
        'from azureml.train.hyperdrive import GridParameterSampling, choice',
        'space = {"--batch_size": choice(16, 32, 64), "lr": choice([0.01, 0.1])}',
        'sampling = GridParameterSampling(space)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'space = {"batch_size": Choice(values=[16, 32, 64]), "lr": Choice(values=[0.01, 0.1])}',
        'sampling = "grid"',
        '',
      ].join('\n'),
    ],
    [
      'a space read by nothing, written over several lines with a comment',
      [
        'from azureml.train.hyperdrive import choice, normal',
        'space = {',
        "    '--batch_size': choice(16, 32),  # discrete",
        "    '--learning_rate': normal(10, 3),",
        '}',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml.sweep import Normal',
        'space = {',
        "    'batch_size': Choice(values=[16, 32]),  # discrete",
        "    'learning_rate': Normal(mu=10, sigma=3),",
        '}',
        '',
      ].join('\n'),
    ],
    [
      'notes that bind the space and the sampling again, section after section',
      [
        'from azureml.train.hyperdrive import RandomParameterSampling, BayesianParameterSampling, choice, uniform',
        'param_space = {"--batch_size": choice(16, 32), "--learning_rate": uniform(0.05, 0.1)}',
        'param_sampling = RandomParameterSampling(param_space)',
        'param_space = {"--batch_size": choice(16, 32), "--learning_rate": uniform(0.05, 0.1)}',
        'param_sampling = BayesianParameterSampling(param_space)',
        '',
      ].join('\n'),
      [
        'from azure.ai.ml.sweep import Choice',
        'from azure.ai.ml.sweep import Uniform',
        'param_space = {"batch_size": Choice(values=[16, 32]), "learning_rate": Uniform(min_value=0.05, max_value=0.1)}',
        'param_sampling = "random"',
        'param_space = {"batch_size": Choice(values=[16, 32]), "learning_rate": Uniform(min_value=0.05, max_value=0.1)}',
        'param_sampling = "bayesian"',
        '',
      ].join('\n'),
    ],
    [
      'an early termination policy nothing reads: the v2 class of the same keywords, v1\'s default interval stated',
      [
        'from azureml.train.hyperdrive import BanditPolicy, MedianStoppingPolicy',
        'early_termination_policy = BanditPolicy(slack_factor=0.1, evaluation_interval=2)',
        'median = MedianStoppingPolicy(delay_evaluation=5)',
        '',
      ].join('\n'),
      [
        'import azure.ai.ml.sweep',
        'early_termination_policy = azure.ai.ml.sweep.BanditPolicy(evaluation_interval=2, slack_factor=0.1)',
        'median = azure.ai.ml.sweep.MedianStoppingPolicy(delay_evaluation=5, evaluation_interval=1)',
        '',
      ].join('\n'),
    ],
  ]);

  it('refuses a policy something reads, or given positionally', () => {
    const head = 'from azureml.train.hyperdrive import BanditPolicy, NoTerminationPolicy\n';
    assert.equal(fixesAt(head + 'policy = BanditPolicy(slack_factor=0.1)\nprint(policy)\n', 'azureml.train.hyperdrive.BanditPolicy', 1), undefined);
    assert.equal(fixesAt(head + 'policy = BanditPolicy(1, 0.1)\n', 'azureml.train.hyperdrive.BanditPolicy', 1), undefined);
    assert.equal(fixesAt(head + 'policy = NoTerminationPolicy()\n', 'azureml.train.hyperdrive.NoTerminationPolicy', 1), undefined);
    assert.equal(fixesAt(head + 'class Cfg:\n    policy = BanditPolicy(slack_factor=0.1)\n', 'azureml.train.hyperdrive.BanditPolicy', 2), undefined);
    assert.equal(fixesAt(head + 'policy = BanditPolicy(slack_factor=0.1)\ndef f():\n    return policy\n', 'azureml.train.hyperdrive.BanditPolicy', 1), undefined);
    // A draft bound again to a policy that is read: the draft stays with it.
    assert.equal(fixesAt(head + 'policy = BanditPolicy(slack_factor=0.1)\npolicy = BanditPolicy(slack_factor=0.2)\nprint(policy)\n', 'azureml.train.hyperdrive.BanditPolicy', 1), undefined);
  });

  it('refuses spaces and samplings that something reads, keys that are no `--<name>` option, inline spaces', () => {
    const head = 'from azureml.train.hyperdrive import GridParameterSampling, RandomParameterSampling, choice\n';
    const CHOICE = 'azureml.train.hyperdrive.choice';
    // The sampling is read (printed, handed on): the space is v1's still.
    assert.equal(fixesAt(head + 'space = {"--a": choice(1, 2)}\nsampling = GridParameterSampling(space)\nprint(sampling)\n', CHOICE, 1), undefined);
    assert.equal(fixesAt(head + 'space = {"--a": choice(1, 2)}\nsampling = GridParameterSampling(space)\nprint(sampling)\n', 'azureml.train.hyperdrive.GridParameterSampling', 2), undefined);
    // The space read elsewhere too.
    assert.equal(fixesAt(head + 'space = {"--a": choice(1, 2)}\nprint(space)\n', CHOICE, 1), undefined);
    // Keys whose option the v2 input name does not keep: dashes inside, one dash, capitals, a name that is a keyword.
    assert.equal(fixesAt(head + 'space = {"--learning-rate": choice(1, 2)}\n', CHOICE, 1), undefined);
    assert.equal(fixesAt(head + 'space = {"-lr": choice(1, 2)}\n', CHOICE, 1), undefined);
    assert.equal(fixesAt(head + 'space = {"--C": choice(1, 2)}\n', CHOICE, 1), undefined);
    assert.equal(fixesAt(head + 'space = {"--lambda": choice(1, 2)}\n', CHOICE, 1), undefined);
    // Inline in the sampling: no name to keep the space once the sampling is its algorithm.
    assert.equal(fixesAt(head + 'ps = RandomParameterSampling({"--a": choice(1, 2)})\n', CHOICE, 1), undefined);
    // A draft space bound again to one a sampling that is read takes: the draft stays with it.
    assert.equal(fixesAt(head + 'space = {"--a": choice(1, 2)}\nspace = {"--a": choice(3, 4)}\nps = RandomParameterSampling(space)\nprint(ps)\n', CHOICE, 1), undefined);
    // Read in a function body (defined before or after): still read.
    assert.equal(fixesAt(head + 'def f():\n    return space\nspace = {"--a": choice(1, 2)}\n', CHOICE, 3), undefined);
    assert.equal(fixesAt(head + 'space = {"--a": choice(1, 2)}\nsampling = GridParameterSampling(space)\ndef f():\n    return sampling\n', CHOICE, 1), undefined);
    // Sobol's `properties=`.
    assert.equal(fixesAt(head + 'space = {"--a": choice(1, 2)}\nps = RandomParameterSampling(space, properties={"rule": "sobol"})\n', CHOICE, 1), undefined);
    // A class attribute (read as `Cfg.space`, no use of the name).
    assert.equal(fixesAt(head + 'class Cfg:\n    space = {"--a": choice(1, 2)}\n', CHOICE, 2), undefined);
  });
});
