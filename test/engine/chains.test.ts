import * as assert from 'node:assert/strict';
import { applyFixes, chainFixesOf, fixesOf, lint, type DocumentInput, type Finding, type Fix } from '../../server/src/engine';
import { parses } from './helpers';
import { addChainFixes, splicedTree } from '../../server/src/engine/chains';
import { parsePython } from '../../server/src/engine/parser';
import { syntaxTree, type SyntaxNode } from '../../server/src/engine/syntax';

/**
 * Chain suggestions (engine/chains.ts): a finding whose rewrite waits on another rewrite gets, with
 * lint's `chains` option (the CLI) or `chainFixesOf` (the language server), one suggestion that
 * applies the fixes it waits on and then its own rewrite.
 */
describe('chain suggestions', () => {
  /** One environment for a training run and for a deployment (the MachineLearningNotebooks train-then-deploy shape). */
  const SHARED_ENV = [
    'from azureml.core import Workspace, Experiment, Environment, ScriptRunConfig',
    'from azureml.core.model import InferenceConfig, Model',
    'from azureml.core.webservice import AciWebservice',
    '',
    'ws = Workspace.from_config()',
    'print(ws.name)',
    'env = Environment.from_conda_specification(name="train-env", file_path="conda.yml")',
    'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu-cluster", environment=env)',
    'run = Experiment(ws, "exp").submit(src)',
    'run.wait_for_completion(show_output=True)',
    'model = Model(ws, "m")',
    'inference_config = InferenceConfig(entry_script="score.py", environment=env)',
    'aci = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)',
    'service = Model.deploy(ws, "svc", [model], inference_config, aci)',
    'service.wait_for_deployment(show_output=True)',
    'print(service.scoring_uri)',
    '',
  ].join('\n');

  const py = (text: string): DocumentInput => ({ kind: 'python', text });
  const textOf = (input: DocumentInput): string => (input as { text: string }).text;
  /** The finding of `api` (a message prefix) on a 1-based line. */
  const at = (findings: Finding[], api: string, line: number): Finding => {
    const f = findings.find((x) => x.message.startsWith(`\`${api}`) && x.range.start.line === line - 1);
    assert.ok(f, `${api} is reported on line ${line}`);
    return f;
  };

  it('the run waits on the deployment: without chains it has no fix, with them one suggestion', () => {
    assert.equal(at(lint(py(SHARED_ENV)).findings, 'ScriptRunConfig()', 8).fixes, undefined);
    const chained = at(lint(py(SHARED_ENV), undefined, undefined, { chains: true }).findings, 'ScriptRunConfig()', 8);
    assert.equal(chained.fixes?.length, 1);
    assert.equal(chained.fixes[0].safety, 'suggestion');
    assert.match(chained.fixes[0].title, /^Rewrite as SDK v2: command\(.*\(with the rewrite it waits on\)$/s);
  });

  it('applying the chain is applying the deployment fix, then the run fix computed on that text', () => {
    const findings = lint(py(SHARED_ENV), undefined, undefined, { chains: true }).findings;
    const chain = at(findings, 'ScriptRunConfig()', 8).fixes![0];
    const once = textOf(applyFixes(py(SHARED_ENV), [chain]).output);
    // By hand: the deployment's own rewrite (offered on Model.deploy), then the run's on the new text.
    const deploy = at(lint(py(SHARED_ENV)).findings, 'Model.deploy()', 14).fixes![0];
    const mid = textOf(applyFixes(py(SHARED_ENV), [deploy]).output);
    const run = lint(py(mid)).findings.find((f) => f.message.startsWith('`ScriptRunConfig()'))?.fixes?.[0];
    assert.ok(run, 'once the deployment is rewritten, the run has a rewrite of its own');
    assert.equal(once, textOf(applyFixes(py(mid), [run]).output));
    assert.ok(parses(once));
    // Only what the run needs: the workspace's own uses keep their separate fixes.
    assert.ok(once.includes('print(ws.name)'));
    assert.ok(!/ScriptRunConfig\(/.test(once.split('\n').slice(1).join('\n')), once);
  });

  it('every piece of the chain (environment, run, submit, wait) offers it, and the CLI option adds nothing to a finding with a fix', () => {
    const plain = lint(py(SHARED_ENV)).findings;
    const chained = lint(py(SHARED_ENV), undefined, undefined, { chains: true }).findings;
    assert.equal(chained.length, plain.length);
    for (const [i, f] of chained.entries()) {
      if (plain[i].fixes?.length) assert.deepEqual(f.fixes, plain[i].fixes, f.message);
    }
    for (const [api, line] of [['Environment.from_conda_specification()', 7], ['Experiment.submit()', 9], ['Run.wait_for_completion()', 10]] as const) {
      assert.match(at(chained, api, line).fixes?.[0]?.title ?? '', /it waits on\)$/, api);
    }
  });

  it('a finding blocked by a use with no v2 form gets no chain', () => {
    const text = [
      'from azureml.core import Workspace, Experiment, ScriptRunConfig',
      'ws = Workspace.from_config()',
      'src = ScriptRunConfig(source_directory=".", script="train.py", compute_target="cpu")',
      'run = Experiment(ws, "exp").submit(src)',
      'run.take_snapshot("snap")',
      '',
    ].join('\n');
    const findings = lint(py(text), undefined, undefined, { chains: true }).findings;
    assert.equal(at(findings, 'Run.take_snapshot()', 5).fixes, undefined);
    assert.equal(at(findings, 'ScriptRunConfig()', 3).fixes, undefined);
  });

  it('the language server asks for one finding at a time and gets the same chain', () => {
    const input = py(SHARED_ENV);
    const lazy = lint(input, undefined, undefined, { lazyFixes: true }).findings;
    const target = at(lazy, 'ScriptRunConfig()', 8);
    assert.equal(fixesOf(target), undefined);
    const expected = at(lint(input, undefined, undefined, { chains: true }).findings, 'ScriptRunConfig()', 8).fixes;
    assert.deepEqual(chainFixesOf(input, undefined, target), expected);
    // A finding with a fix of its own: no chain.
    assert.deepEqual(chainFixesOf(input, undefined, at(lazy, 'Workspace.name', 6)), []);
  });

  it('in a notebook, edits land in the cells they belong to', () => {
    const cells = SHARED_ENV.split('\n\n').flatMap((block) => block.split(/\n(?=src = |model = )/));
    const input: DocumentInput = { kind: 'notebook', cells: cells.map((text) => ({ kind: 'code', language: 'python', text })) };
    const chain = at(lint(input, undefined, undefined, { chains: true }).findings.filter((f) => f.cell === 2), 'ScriptRunConfig()', 1).fixes?.[0] as Fix;
    assert.ok(chain, 'the run in the third cell has a chain');
    const out = applyFixes(input, [chain]).output as { cells: Array<{ text: string }> };
    assert.equal(out.cells.length, cells.length);
    assert.ok(out.cells.every((c) => parses(c.text)));
    assert.ok(!out.cells[2].text.includes('ScriptRunConfig('), out.cells[2].text);
    assert.ok(!out.cells[3].text.includes('Model.deploy('), out.cells[3].text);
    assert.ok(out.cells[1].text.includes('print(ws.name)'));
  });

  /** Node by node: type, extent, error flag, field names (what the model and rules read). */
  const shape = (n: SyntaxNode): unknown => [n.type, n.startIndex, n.endIndex, n.hasError, n.fields ?? null, n.children.map(shape)];

  it("a rewritten copy's tree, made from the original's, is the tree a parse of the copy gives", () => {
    const edits: Array<[string, string]> = [
      ['print(ws.name)\n', 'print(ws.name)\n# a comment\n    # an indented one\n'],
      ['env = Environment', 'def f():\n    pass\n    # in the block\nenv = Environment'],
      ['run.wait_for_completion(show_output=True)\n', ''],
      ['model = Model(ws, "m")', 'model = Model(ws, "m"); x = 1'],
      ['print(service.scoring_uri)\n', 'print(service.scoring_uri)\nif x:\n    y = (1,\n'],
      ['from azureml.core import', 'import os\nfrom azureml.core import'],
    ];
    let made = 0;
    for (const [from, to] of edits) {
      const text = SHARED_ENV.replace(from, to);
      const old = syntaxTree(parsePython(SHARED_ENV), SHARED_ENV);
      const spliced = splicedTree(old, SHARED_ENV, text);
      const parsed = syntaxTree(parsePython(text), text);
      // Undefined (parse the copy instead) only when the edit leaves a piece that does not parse.
      if (!spliced) assert.ok(parsed.rootNode.hasError, `${to}: spliced`);
      else {
        made++;
        assert.deepEqual(shape(spliced.rootNode), shape(parsed.rootNode), to);
      }
    }
    assert.equal(made, edits.length - 1);
  });

  it('chains are the same whether the copies are parsed or made from the original tree', () => {
    const cells = SHARED_ENV.split('\n\n').flatMap((block) => block.split(/\n(?=src = |model = )/));
    for (const input of [py(SHARED_ENV), { kind: 'notebook', cells: cells.map((text) => ({ kind: 'code', language: 'python', text })) } as DocumentInput]) {
      const spliced = lint(input);
      addChainFixes(input, undefined, spliced.findings, { analysis: spliced.analysis });
      const parsed = lint(input).findings;
      addChainFixes(input, undefined, parsed);
      assert.ok(spliced.findings.some((f) => f.fixes?.[0]?.title.includes('waits on')));
      assert.deepEqual(spliced.findings, parsed);
    }
  });
});
