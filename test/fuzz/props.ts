/**
 * Shared pieces of the property tests (issue 8): input generators, and checkers that throw
 * (with a readable message) when an invariant of the engine does not hold.
 *
 * `npm test` runs every property a few hundred times with a fixed seed (reproducible CI);
 * `npm run fuzz` (scripts/fuzz.js) runs the same properties with AMLINT_FUZZ_RUNS iterations and
 * a random AMLINT_FUZZ_SEED that it prints. fast-check prints the seed and the shrunk
 * counterexample of any failure; re-run with `AMLINT_FUZZ_SEED=<seed> npm run fuzz`.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import Parser = require('tree-sitter');
import { TextDecoder } from 'node:util';
import {
  applyFixes,
  fixDocument,
  lint,
  type CellInput,
  type DocumentInput,
  type Finding,
  type Location,
  type Position,
  type Range,
} from '../../server/src/engine';
import { analyseDocument } from '../../server/src/engine/analyse';
import { toDocumentLocation, toModuleRange, type SourceModule } from '../../server/src/engine/source';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Python = require('tree-sitter-python');

// ---------------------------------------------------------------------------------------------
// Run configuration

const envRuns = Number(process.env.AMLINT_FUZZ_RUNS);
const envSeed = process.env.AMLINT_FUZZ_SEED;

/** True under `npm run fuzz`. */
export const LONG = Number.isFinite(envRuns) && envRuns > 0;

/** fast-check parameters: `n` runs in `npm test`, AMLINT_FUZZ_RUNS under `npm run fuzz`. */
export function params(n: number): fc.Parameters<unknown> {
  return {
    numRuns: LONG ? envRuns : n,
    // A fixed seed keeps `npm test` reproducible; `npm run fuzz` explores with a new one.
    seed: envSeed !== undefined && envSeed !== '' ? Number(envSeed) : 0x8a31,
    // Shrinking a slow property can take long: cap it, the counterexample is printed anyway.
    interruptAfterTimeLimit: LONG ? undefined : 60_000,
    markInterruptAsFailure: false,
  };
}

/** Mocha timeout for a property test: generous under `npm run fuzz`. */
export function timeoutFor(ms: number): number {
  return LONG ? 0 : ms;
}

// ---------------------------------------------------------------------------------------------
// Generators

/** Real SDK v1 code: each snippet triggers rules, and several offer fixes. */
export const V1_SNIPPETS: readonly string[] = [
  'from azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws.name)\n',
  'from azureml.core import Workspace, Experiment\nexp = Experiment(ws, "x")\n',
  'import os\nimport azureml.core\nprint(os.name)\n',
  'try:\n    from azureml.core import Run\nexcept ImportError:\n    pass\n',
  'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", acc)\n',
  'from azureml.core import Run\nrun = Run.get_context()\nrun.log("accuracy", acc)\nrun.log("note", "text stays")\n',
  '"""Train."""\nfrom __future__ import annotations\nfrom azureml.core import Workspace\nws = Workspace.from_config()\nprint(ws)\n',
  'from azureml.core import Workspace\nws = Workspace.get(name="w", subscription_id=sub, resource_group="rg")\n',
  'import os\nfrom azureml.core import Workspace, Datastore\nws = Workspace.from_config()\nds = ws.get_default_datastore()\nblob = Datastore.get(ws, "blob")\n',
  'from azureml.core import Experiment, ScriptRunConfig\nfrom azure.ai.ml import MLClient\nml_client = MLClient.from_config(credential=cred)\nsrc = ScriptRunConfig(source_directory="./src", script="train.py", arguments=["--epochs", 10], compute_target="gpu")\nrun = Experiment(ml_client, "exp").submit(src)\n',
  'from azureml.core import Workspace\nws = Workspace.from_config()\nfrom azure.ai.ml.entities import Workspace\nnew = Workspace(name="w")\n',
  'from azureml.core.compute import AmlCompute, ComputeTarget\nfrom azureml.core.compute_target import ComputeTargetException\ntry:\n    compute_target = ComputeTarget(workspace=ws, name="cpu")\nexcept ComputeTargetException:\n    cfg = AmlCompute.provisioning_configuration(vm_size="STANDARD_D2_V2", max_nodes=4)\n    compute_target = ComputeTarget.create(ws, "cpu", cfg)\n    compute_target.wait_for_completion(show_output=True)\n',
  'from azureml.core import Environment\nenv = Environment.from_conda_specification(name="env", file_path="environment.yml")\nenv.docker.base_image = "mcr.microsoft.com/azureml/base"\n',
  'from azureml.core.model import Model\nmodel = Model.register(workspace=ws, model_path="outputs/model.pkl", model_name="m")\n',
  'from azureml.pipeline.core import Pipeline\nfrom azureml.pipeline.steps import PythonScriptStep\nstep = PythonScriptStep(script_name="s.py", compute_target="cpu")\np = Pipeline(workspace=ws, steps=[step])\n',
  'from azureml.core import Dataset\nds = Dataset.Tabular.from_delimited_files(path=[(datastore, "data/*.csv")])\ndf = ds.to_pandas_dataframe()\n',
  'from azureml.core import Workspace, Run  # amlint: disable=AML100\nws = Workspace.from_config()  # amlint: disable-line\nrun = Run.get_context()\n',
  'from azureml.core.webservice import AciWebservice, Webservice\nfrom azureml.core.model import InferenceConfig\ncfg = AciWebservice.deploy_configuration(cpu_cores=1, memory_gb=1)\n',
  'import azureml.core\nprint("SDK", azureml.core.VERSION)\nws = azureml.core.Workspace.from_config()\n',
  'from azureml.core.authentication import ServicePrincipalAuthentication\nfrom azureml.core import Workspace\nauth = ServicePrincipalAuthentication(tenant_id=t, service_principal_id=i, service_principal_password=p)\nws = Workspace(subscription_id=s, resource_group="rg", workspace_name="w", auth=auth)\n',
  'from azureml.core import Workspace\nws = Workspace.from_config()\nws.update(v1_legacy_mode=True)\n',
  'class Trainer:\n    def __init__(self):\n        from azureml.core import Run\n        self.run = Run.get_context()\n\n    def log(self, k, v):\n        self.run.log(k, v)\n',
  'from azureml.core import Workspace as W, Experiment as E\nasync def go():\n    ws = W.from_config()\n    for run in E(ws, "e").get_runs():\n        print(f"{run.id}: {run.get_metrics()}")\n',
];

/** Lines seen in notebooks: magics, shell commands, help, and bits of v1 code. */
export const NOTEBOOK_LINES: readonly string[] = [
  '%pip install azureml-core azureml-sdk',
  '%pip install --upgrade azure-ai-ml',
  '!pip install azureml-sdk[notebooks]',
  '!az ml job list',
  '!az extension add -n azure-cli-ml',
  '!az ml model deploy -n svc --model m:1',
  'pip install azureml-core',
  '%conda install -c conda-forge azureml',
  '%%writefile score.py',
  '%%writefile -a "train.py"',
  '%%writefile environment.yml',
  '%%file x.py',
  '%%bash',
  '%%sh',
  '%%time',
  '%%capture out',
  '%%synapse',
  '%%timeit -n 3',
  '%time ws = Workspace.from_config()',
  '%timeit -n 10 -r 2 ws.get_details()',
  '%matplotlib inline',
  '%load_ext autoreload',
  'files = !ls -la',
  'a, b = %sx echo 1',
  'Workspace?',
  '??Workspace.from_config',
  'ws.get_details??',
  'from azureml.core import Workspace, Experiment, Run',
  'import azureml.core',
  'from azure.ai.ml import MLClient',
  'ws = Workspace.from_config()',
  'run = Run.get_context()',
  'run.log("acc", 0.9)',
  'exp = Experiment(ws, "e")',
  'print(azureml.core.VERSION)',
  'if True:',
  '    ws = Workspace.from_config()',
  'def f():',
  '    return Run.get_context()',
  '"""',
  "'''",
  'x = ("%s"',
  '     % name)',
  'y = 1 \\',
  '# amlint: disable-next-line=AML101',
  'ws.update(v1_legacy_mode=True)',
  '',
  '\t',
  '    ',
];

const NOISE: readonly string[] = [
  ' ', '    ', '\t', '\n', '\r\n', '\r', '(', ')', '[', ']', '{', '}', ',', ':', '.', '=', '"', "'", '"""', "'''",
  'f"{', '}"', '#', '\\', '%', '!', '?', '@', ';', 'é', 'ß', '中文', '😀', '𝔘', '\u{10FFFF}', '\ud800', '\udc00',
  '\u200b', '\u2028', '\u0085', '\f', '\v', '\0', '\ufeff', 'pass', 'return', 'yield', 'lambda', 'async ', 'await ',
  'if x:', 'else:', 'def f():', 'class C:', 'with a as b:', 'try:', 'except Exception as e:', 'finally:', 'del x',
  'global g', 'match x:', 'case 1:', 'azureml', 'azure.ai.ml', 'Workspace', 'Run', '.from_config()', '.get_context()',
  'ws', 'run', 'amlint', '# amlint: disable=AML1', '# amlint: disable-file', 'import ', 'from ', ' as ', '*', '**',
];

/** Any text: any UTF-16 code unit (lone surrogates too) or any code point (astral too). */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...NOISE), maxLength: 80 }),
);

/** Python-looking token soup, most of it naming the SDK so it is parsed and bound. */
export const tokenSoup: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('import azureml.core\n', 'from azureml.core import Workspace, Run\n', '', '# amlint: disable=AML100\n'),
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NOISE) }, { weight: 2, arbitrary: fc.constantFrom(...NOTEBOOK_LINES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 80 }),
  )
  .map(([head, parts]) => head + parts.join(''));

/** Arbitrary bytes decoded as a lenient UTF-8 reader would (U+FFFD for bad sequences). */
export const lenientBytes: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('', 'import azureml.core\n'), fc.uint8Array({ maxLength: 300 }))
  .map(([head, bytes]) => head + new TextDecoder('utf-8', { fatal: false }).decode(bytes));

/** One edit of a mutation: where (taken modulo the text length), how much, and what. */
interface Mutation {
  op: 'insert' | 'delete' | 'swap' | 'duplicateLine' | 'replace' | 'eol';
  at: number;
  length: number;
  text: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'swap', 'duplicateLine', 'replace', 'eol'),
  at: fc.nat(),
  length: fc.nat({ max: 12 }),
  text: fc.oneof(fc.constantFrom(...NOISE), fc.string({ unit: 'binary', maxLength: 3 })),
});

/** Applies random insertions, deletions, character swaps, line duplications and EOL changes. */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    switch (m.op) {
      case 'insert':
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      case 'delete':
        t = t.slice(0, at) + t.slice(at + m.length);
        break;
      case 'swap':
        if (at + 1 < t.length) t = t.slice(0, at) + t[at + 1] + t[at] + t.slice(at + 2);
        break;
      case 'duplicateLine': {
        const start = t.lastIndexOf('\n', at - 1) + 1;
        const end = t.indexOf('\n', at);
        const line = t.slice(start, end < 0 ? t.length : end + 1);
        t = t.slice(0, start) + line + (end < 0 ? '\n' : '') + t.slice(start);
        break;
      }
      case 'replace':
        t = t.slice(0, at) + m.text + t.slice(at + Math.max(1, m.text.length));
        break;
      case 'eol':
        t = t.replace(/\n/g, m.length % 3 === 0 ? '\r\n' : m.length % 3 === 1 ? '\r' : '\n');
        break;
    }
  }
  return t;
}

/** Every corpus snippet, and concatenations of two; with 0-6 random mutations. */
export const mutatedPython: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...V1_SNIPPETS), fc.option(fc.constantFrom(...V1_SNIPPETS), { nil: undefined }), fc.array(mutation, { maxLength: 6 }))
  .map(([a, b, ms]) => mutate(b === undefined ? a : a + b, ms));

/** A notebook cell's text: lines of magics and v1 code, indented or not, with any EOL. */
const cellText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...NOTEBOOK_LINES) },
        { weight: 2, arbitrary: fc.constantFrom(...V1_SNIPPETS).map((s) => s.replace(/\n$/, '')) },
        { weight: 1, arbitrary: fc.constantFrom(...NOISE) },
      ),
      { maxLength: 8 },
    ),
    fc.constantFrom('', '', '  ', '\t', '    '),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([lines, indent, eol, trailing]) => lines.map((l) => indent + l).join(eol) + (trailing && lines.length ? eol : ''));

export const cell: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('code' as const), text: cellText }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('code' as const), language: fc.constantFrom('python', 'PYTHON3', 'ipython', '', 'sql', 'markdown', 'r'), text: cellText }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('markdown' as const, 'raw' as const), text: fc.oneof(cellText, anyText) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('code' as const), text: fc.oneof(anyText, tokenSoup) }) },
);

export const cells: fc.Arbitrary<CellInput[]> = fc.array(cell, { maxLength: 8 });

/** Cells with random mutations of their texts. */
export const mutatedCells: fc.Arbitrary<CellInput[]> = fc
  .tuple(cells, fc.array(fc.tuple(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 })), { maxLength: 4 }))
  .map(([cs, edits]) => {
    const out = cs.map((c) => ({ ...c }));
    for (const [i, ms] of edits) if (out.length) out[i % out.length].text = mutate(out[i % out.length].text, ms);
    return out;
  });

/** Jupyter's list form of a source: lines that keep their '\n'. */
function sourceList(text: string): string[] {
  const parts = text.split(/(?<=\n)/);
  return parts.length === 1 && parts[0] === '' ? [] : parts;
}

/** .ipynb JSON for cells, in the many layouts found on disk (v4 and v3, lists or strings, CRLF...). */
export const notebookJson: fc.Arbitrary<{ json: string; cells: CellInput[]; nbformat: 3 | 4 }> = fc
  .record({
    cells: fc.array(fc.record({ kind: fc.constantFrom('code' as const, 'code' as const, 'markdown' as const, 'raw' as const), text: cellText }), { maxLength: 6 }),
    nbformat: fc.constantFrom(4 as const, 4 as const, 4 as const, 3 as const),
    asString: fc.boolean(),
    indent: fc.constantFrom(0, 1, 2, 4),
    crlf: fc.boolean(),
    language: fc.constantFrom(undefined, 'python', 'R'),
  })
  .map(({ cells: cs, nbformat, asString, indent, crlf, language }) => {
    const metadata = language ? { kernelspec: { name: 'k', display_name: 'K', language } } : {};
    const source = (t: string): string | string[] => (asString ? t : sourceList(t));
    const nb =
      nbformat === 4
        ? {
            cells: cs.map((c, i) =>
              c.kind === 'code'
                ? { cell_type: 'code', execution_count: null, id: `c${i}`, metadata: {}, outputs: [], source: source(c.text) }
                : { cell_type: c.kind, id: `c${i}`, metadata: {}, source: source(c.text) },
            ),
            metadata,
            nbformat: 4,
            nbformat_minor: 5,
          }
        : {
            metadata: { name: 'old' },
            nbformat: 3,
            nbformat_minor: 0,
            worksheets: [
              {
                cells: cs.map((c) =>
                  c.kind === 'code' ? { cell_type: 'code', collapsed: false, input: source(c.text), language: 'python', outputs: [] } : { cell_type: c.kind, metadata: {}, source: source(c.text) },
                ),
                metadata: {},
              },
            ],
          };
    let json = JSON.stringify(nb, null, indent || undefined) + (indent ? '\n' : '');
    if (crlf) json = json.replace(/\n/g, '\r\n');
    return { json, cells: cs, nbformat };
  });

/** Code nested hundreds to tens of thousands deep (brackets, calls, operators, lambdas, f-strings). */
export const deepCode: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom<[string, string]>(['(', ')'], ['[', ']'], ['{', '}'], ['f(', ')'], ['-', ''], ['not ', ''], ['lambda: ', ''], ['a + ', ''], ['x if y else ', ''], ['f"{', '}"'], ['await ', ''], ['*', '']),
    fc.integer({ min: 100, max: 20_000 }),
    fc.boolean(),
    fc.constantFrom('azureml.core.Workspace.from_config()', '1', ''),
  )
  .map(([[open, close], n, closed, inner]) => `import azureml.core\nx = ${open.repeat(n)}${inner}${closed ? close.repeat(n) : ''}\n`);

/** Notebook JSON with random edits, and JSON that is not a notebook (or barely one). */
export const hostileNotebookText: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(notebookJson, fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([nb, ms]) => mutate(nb.json, ms)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  // Nested tens of thousands deep, complete or cut short (recursive JSON parsers overflow).
  fc.tuple(fc.integer({ min: 1000, max: 100_000 }), fc.nat(3)).map(([n, cut]) => `{"nbformat":4,"cells":${'['.repeat(n)}${']'.repeat(n - cut)}}`),
  fc
    .record({
      nbformat: fc.oneof(fc.constantFrom(1, 2, 3, 4, 5, '4', 4.5, null, -1), fc.jsonValue({ maxDepth: 1 })),
      cells: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.dictionary(fc.constantFrom('cell_type', 'source', 'input', 'metadata', 'outputs', 'language'), fc.jsonValue({ maxDepth: 2 })), { maxLength: 4 })),
      worksheets: fc.jsonValue({ maxDepth: 3 }),
      metadata: fc.jsonValue({ maxDepth: 3 }),
    }, { requiredKeys: [] })
    .map((v) => JSON.stringify(v)),
  anyText,
);

// ---------------------------------------------------------------------------------------------
// Checkers

const parser = new Parser();
parser.setLanguage(Python);

/** tree-sitter parses the text without an ERROR or MISSING node. */
export function parsesCleanly(text: string): boolean {
  return !parser.parse(text).rootNode.hasError;
}

/**
 * The lines of a text as editors (LSP) count them: '\r\n', '\r' and '\n' all end a line, and
 * a line's length does not include its terminator.
 */
export function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function show(x: unknown): string {
  return JSON.stringify(x);
}

/** The text a location points into (the file, or the cell), or a description of why not. */
function targetText(input: DocumentInput, cell: number | undefined): string {
  if (input.kind !== 'notebook') {
    assert.equal(cell, undefined, `a file location has a cell (${cell})`);
    return input.text;
  }
  assert.ok(cell !== undefined, 'a notebook location has no cell');
  assert.ok(Number.isInteger(cell) && cell >= 0 && cell < input.cells.length, `cell ${cell} is not one of the ${input.cells.length} cells`);
  return input.cells[cell].text;
}

/**
 * Asserts a location lies inside its document (and its cell). `rawLines`: count a '\r' before
 * '\n' as part of its line (tree-sitter's comment nodes include it; no finding may).
 */
export function assertInside(input: DocumentInput, loc: Location, what: string, rawLines = false): void {
  const text = targetText(input, loc.cell);
  const lines = rawLines ? text.split(/\n|\r(?!\n)/) : editorLines(text);
  const { start, end } = loc.range;
  for (const p of [start, end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0, `${what}: bad position ${show(p)}`);
    assert.ok(p.line < lines.length, `${what}: line ${p.line} is past the ${lines.length} lines of ${show(text.slice(0, 200))}`);
    assert.ok(p.character <= lines[p.line].length, `${what}: character ${p.character} is past the end of line ${p.line} ${show(lines[p.line])}`);
  }
  assert.ok(before(start, end), `${what}: start ${show(start)} is after end ${show(end)}`);
}

/** (b) every finding, related location and fix edit lies inside the document / its cell. */
export function assertFindingsInside(input: DocumentInput, findings: readonly Finding[]): void {
  for (const f of findings) {
    assertInside(input, f, `${f.code} finding`);
    if (input.kind === 'notebook') assert.equal(input.cells[f.cell!].kind, 'code', `${f.code} reported in a ${input.cells[f.cell!].kind} cell`);
    for (const r of f.related ?? []) assertInside(input, r, `${f.code} related`);
    for (const fix of f.fixes ?? []) for (const e of fix.edits) assertInside(input, e, `${f.code} fix "${fix.title}" edit`);
  }
}

/** (a)+(b): lint does not throw and every range is inside. Returns the findings. */
export function checkLint(input: DocumentInput): Finding[] {
  const { findings } = lint(input);
  assertFindingsInside(input, findings);
  return findings;
}

/** The Python modules of a document (what the analyser parses). */
function moduleTexts(input: DocumentInput): string[] {
  return analyseDocument(input).source.modules.map((m) => m.text);
}

function parsesClean(input: DocumentInput): boolean {
  return moduleTexts(input).every(parsesCleanly);
}

/**
 * (d) every offered fix, alone, applies and leaves a document that re-analyses (and still parses
 * when the input did); fix-all with suggestions reaches a fixed point.
 */
export function checkFixes(input: DocumentInput, findings: readonly Finding[] = lint(input).findings): void {
  const clean = parsesClean(input);
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      const { output, applied } = applyFixes(input, [fix]);
      assert.equal(applied, 1, `${f.code} fix "${fix.title}" could not be applied: ${show(fix.edits)}`);
      const again = lint(output).findings;
      assertFindingsInside(output, again);
      if (clean) {
        const broken = moduleTexts(output).find((t) => !parsesCleanly(t));
        assert.equal(broken, undefined, `${f.code} fix "${fix.title}" broke the syntax:\n${show(moduleTexts(input))}\n→\n${show(broken)}`);
      }
    }
  }
  for (const unsafe of [false, true]) {
    const first = fixDocument(input, undefined, { unsafe });
    assertFindingsInside(first.output, first.findings);
    if (clean) assert.ok(parsesClean(first.output), `fix-all (unsafe=${unsafe}) broke the syntax:\n${show(moduleTexts(input))}\n→\n${show(moduleTexts(first.output))}`);
    const second = fixDocument(first.output, undefined, { unsafe });
    assert.equal(second.applied, 0, `fix-all (unsafe=${unsafe}) is not at a fixed point: a second run applied ${second.applied}:\n${show(moduleTexts(first.output))}\n→\n${show(moduleTexts(second.output))}`);
  }
}

/** Module positions of a module: a few per line (start, end, middle), and every node's range. */
function moduleRanges(module: SourceModule, tree: Parser.Tree | undefined): Range[] {
  const lines = module.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const out: Range[] = [];
  lines.forEach((l, line) => {
    for (const character of new Set([0, l.length, l.length >> 1])) out.push({ start: { line, character }, end: { line, character: l.length } });
  });
  if (tree) {
    const cursor = tree.walk();
    let n = 0;
    do {
      const { startPosition: s, endPosition: e } = cursor.currentNode;
      out.push({ start: { line: s.row, character: s.column }, end: { line: e.row, character: e.column } });
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return out;
    } while (++n < 500);
  }
  return out;
}

/**
 * (c) module → document → module round-trips for every range inside one cell, and the
 * document side lies inside its cell.
 */
export function checkMapping(input: DocumentInput): void {
  const analysis = analyseDocument(input);
  for (const m of analysis.modules) {
    // A notebook without Python cells has an empty module with no line map: nothing maps.
    if (m.module.lines?.length === 0) continue;
    for (const r of moduleRanges(m.module, m.native)) {
      const loc = toDocumentLocation(m.module, r);
      assertInside(input, loc, `module range ${show(r)} of ${m.module.origin}`, true);
      const back = toModuleRange(m.module, loc);
      const sameCell = !m.module.lines || m.module.lines[r.start.line]?.cell === m.module.lines[r.end.line]?.cell;
      if (sameCell) assert.deepEqual(back, r, `module range ${show(r)} → ${show(loc)} → ${show(back)}`);
    }
  }
}
