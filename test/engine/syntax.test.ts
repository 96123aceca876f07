/**
 * The engine's plain-JS syntax tree (server/src/engine/syntax.ts) must be tree-sitter's tree,
 * node for node, and the incremental paths (statement splicing, incremental re-parse with
 * reuse) must give exactly what a fresh parse gives.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Parser = require('tree-sitter');
import { parsePython } from '../../server/src/engine/parser';
import { syntaxTree, type SyntaxNode } from '../../server/src/engine/syntax';
import { analyseDocument, type Analysis } from '../../server/src/engine/analyse';
import { fixesOf, lint, type DocumentInput, type Finding } from '../../server/src/engine';
import { changedSpan, TEXT_TRIGGERS, triggersKept } from '../../server/src/engine/reuse';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every node: type, named, extent, positions, field name, as one line each. */
function dumpNative(node: Parser.SyntaxNode): string[] {
  const out: string[] = [];
  const cursor = node.walk();
  let depth = 0;
  for (;;) {
    const n = cursor.currentNode;
    out.push(`${'  '.repeat(depth)}${cursor.currentFieldName ?? ''}:${n.type}${n.isNamed ? '' : '?'} ${n.startIndex}-${n.endIndex} ${n.startPosition.row}.${n.startPosition.column}-${n.endPosition.row}.${n.endPosition.column}${n.hasError ? ' E' : ''}`);
    if (cursor.gotoFirstChild()) {
      depth++;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return out;
      depth--;
    }
  }
}

function dumpLight(node: SyntaxNode, field = '', depth = 0, out: string[] = []): string[] {
  const s = node.startPosition;
  const e = node.endPosition;
  out.push(`${'  '.repeat(depth)}${field}:${node.type}${node.isNamed ? '' : '?'} ${node.startIndex}-${node.endIndex} ${s.row}.${s.column}-${e.row}.${e.column}${node.hasError ? ' E' : ''}`);
  node.children.forEach((c, i) => {
    assert.equal(c.parent, node, 'parent link');
    dumpLight(c, node.fields?.[i] ?? '', depth + 1, out);
  });
  return out;
}

const SAMPLES = [
  'from azureml.core import Workspace, Experiment as E\nws = Workspace.from_config()\n',
  'def f(a, *args, b: int = 1, **kw) -> None:\n    """doc"""\n    return [x for x in a if x]\n\nclass C(B, metaclass=M):\n    x: int = 1\n    @property\n    def p(self): return self.x\n',
  'x = f"{a!r:>{w}} {b}"; y = lambda q, *r: q\nif a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n',
  'try:\n    import azureml.core\nexcept ImportError as e:\n    raise\nfinally:\n    pass\nwith open(p) as f, g() as (h, i):\n    print(f, h, i)\n',
  'match cmd:\n    case [x, *rest]:\n        pass\n    case {"k": v}:\n        pass\n',
  // Errors: unclosed bracket, stray indent, missing colon.
  'x = foo(\ny = 2\n',
  'a = 1\n    b = 2\nc = 3\n',
  'def f()\n    pass\n',
  '# é😀 unicode\ns = "é😀"\n',
  '',
  '\n\n   \n',
];

describe('syntax tree (plain-JS copy of tree-sitter)', () => {
  it('matches tree-sitter node for node: types, fields, extents, positions, errors', () => {
    const files = [...SAMPLES];
    for (const f of ['examples/train_v1.py', 'examples/v2_clean.py']) files.push(fs.readFileSync(path.join(ROOT, f), 'utf8'));
    for (const text of files) {
      const native = parsePython(text);
      assert.deepEqual(dumpLight(syntaxTree(native, text).rootNode), dumpNative(native.rootNode), JSON.stringify(text.slice(0, 60)));
    }
  });

  it('childForFieldName, namedChildren, siblings and descendantForIndex agree with tree-sitter', () => {
    const text = SAMPLES.slice(0, 5).join('\n');
    const native = parsePython(text);
    const light = syntaxTree(native, text).rootNode;
    const fields = ['name', 'body', 'left', 'right', 'function', 'arguments', 'object', 'attribute', 'value', 'parameters', 'alias', 'module_name', 'condition', 'alternative', 'return_type', 'superclasses', 'type', 'key'];
    const pairs: Array<[Parser.SyntaxNode, SyntaxNode]> = [[native.rootNode, light]];
    let checked = 0;
    while (pairs.length) {
      const [n, l] = pairs.pop()!;
      assert.equal(l.text, n.text);
      assert.deepEqual(l.namedChildren.map((c) => c.type), n.namedChildren.map((c) => c.type));
      assert.equal(l.nextNamedSibling?.startIndex, n.nextNamedSibling?.startIndex);
      assert.equal(l.previousSibling?.startIndex, n.previousSibling?.startIndex);
      for (const f of fields) {
        // tree-sitter's own quirk: match_statement answers 'alternative' with a case_clause of
        // its body block (a field of the aliased hidden rule); the engine never asks for it.
        if (n.type === 'match_statement' && f === 'alternative') continue;
        assert.equal(l.childForFieldName(f)?.startIndex, n.childForFieldName(f)?.startIndex, `${n.type}.${f}`);
        assert.deepEqual(l.childrenForFieldName(f).map((c) => c.startIndex), n.childrenForFieldName(f).map((c) => c.startIndex));
      }
      n.children.forEach((c, i) => pairs.push([c, l.children[i]!]));
      checked++;
    }
    assert.ok(checked > 250, `${checked} nodes`);
    assert.deepEqual(light.descendantsOfType('identifier').map((x) => x.startIndex), native.rootNode.descendantsOfType('identifier').map((x) => x.startIndex));
    for (let i = 0; i <= text.length; i += 7) {
      const a = light.descendantForIndex(i, i);
      const b = native.rootNode.descendantForIndex(i, i);
      assert.deepEqual([a.type, a.startIndex, a.endIndex], [b.type, b.startIndex, b.endIndex], `at ${i}`);
    }
  });
});

describe('incremental re-analysis', () => {
  /** Random edits typed into `text`; after each, the incremental tree equals a fresh one. */
  function randomEdits(start: string, inserts: string[], count: number, seed: number): { prev: Analysis; text: string; spliced: number } {
    let text = start;
    let prev = analyseDocument({ kind: 'python', text });
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let spliced = 0;
    for (let i = 0; i < count; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      text = text.slice(0, at) + inserts[Math.floor(rnd() * inserts.length)] + text.slice(at + Math.floor(rnd() * 4));
      const nativeBefore = prev.modules[0]?.native;
      const next = analyseDocument({ kind: 'python', text }, prev);
      const fresh = analyseDocument({ kind: 'python', text });
      assert.deepEqual(dumpLight(next.modules[0]!.tree!.rootNode), dumpLight(fresh.modules[0]!.tree!.rootNode), `edit ${i}: ${JSON.stringify(text)}`);
      // The statement splice leaves tree-sitter's tree un-parsed (edited only).
      if (nativeBefore && next.modules[0]?.native === nativeBefore) spliced++;
      prev = next;
    }
    return { prev, text, spliced };
  }

  it('gives the same tree and findings as a fresh parse after random edits (incl. astral characters)', () => {
    const start = 'from azureml.core import Workspace\nws = Workspace.from_config()\n# é😀 unicode\nx = 1\n'.repeat(20);
    const inserts = ['x', '\n', '(', 'é', '😀', 'import azureml.core\n', '', 'ws.write_config()\n'];
    const { prev, text, spliced } = randomEdits(start, inserts, 60, 7);
    assert.ok(spliced > 0, 'some edits were handled by splicing statements');
    assert.deepEqual(lint({ kind: 'python', text }, undefined, prev).findings, lint({ kind: 'python', text }).findings);
  });

  it('stays exact through edits that change how later lines parse (indents, brackets, strings, joins)', () => {
    const start = 'import azureml.core\n\ndef f(a):\n    x = 1\n    return a\n\nws = azureml.core.Workspace.from_config()\nclass C:\n    y = 2\nz = [1,\n     2]\n'.repeat(4);
    const inserts = ['    ', '\n', '(', ')', '"""', "'", ':', '\\\n', 'def g():\n', '\n    ', '#', 'if x:\n', '', ';', 'else:\n'];
    for (const seed of [1, 2, 3]) {
      const { prev, text } = randomEdits(start, inserts, 80, seed);
      assert.deepEqual(lint({ kind: 'python', text }, undefined, prev).findings, lint({ kind: 'python', text }).findings);
    }
  });

  /** Types random edits with `lint(…, previous)` and compares every result with a fresh lint. */
  /**
   * Edits a document `count` times, linting each version with the previous analysis, and checks
   * the findings against a fresh lint. `lazy`: as the language server lints (suggestions left to
   * `fixesOf`), reading the fixes after a third of the edits only, so deferred suggestions are
   * carried across edits too; the findings must match either way, and the fixes when read.
   */
  function lintAlong(start: DocumentInput, edit: (input: DocumentInput, rnd: () => number) => DocumentInput, count: number, seed: number, lazy = false): { reused: number } {
    let input = start;
    let prev = lint(input, undefined, undefined, { lazyFixes: lazy }).analysis;
    const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let reused = 0;
    const withoutFixes = (fs: Finding[]): Finding[] => fs.map(({ fixes: _, ...f }) => f);
    for (let i = 0; i < count; i++) {
      input = edit(input, rnd);
      const next = lint(input, undefined, prev, { lazyFixes: lazy });
      const fresh = lint(input);
      if (lazy && rnd() < 0.67) assert.deepEqual(withoutFixes(next.findings), withoutFixes(fresh.findings), `edit ${i}: ${JSON.stringify(input)}`);
      else {
        if (lazy) next.findings.forEach(fixesOf);
        assert.deepEqual(next.findings, fresh.findings, `edit ${i}: ${JSON.stringify(input)}`);
      }
      assert.equal(next.fatal, fresh.fatal);
      if (next.analysis.modules.some((m) => m.tree && !m.model)) reused++;
      prev = next.analysis;
    }
    return { reused };
  }

  const V1_SCRIPT = [
    "'''Train a model.'''",
    'import os',
    'import pandas as pd',
    'from azureml.core import Workspace, Experiment, Run',
    '',
    'def load(path):',
    '    # read the data',
    '    df = pd.read_csv(path)',
    '    return df.dropna()',
    '',
    'ws = Workspace.from_config()',
    'exp = Experiment(ws, "train")',
    'data = load(os.path.join("data", "x.csv"))',
    'total = data["y"].sum()  # a comment',
    'run = Run.get_context()',
    'run.log("total", total)',
    'print(ws.name)',
    '',
  ].join('\n');

  /**
   * Typing as people do: letters inside words (identifiers, comments, strings: renaming a
   * variable, an SDK name or nothing of the SDK), new lines and comments at line ends, a
   * deleted letter now and then, and sometimes an SDK word.
   */
  function typeInto(text: string, rnd: () => number): string {
    const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const inWord: number[] = [];
    const lineEnds: number[] = [];
    // Not inside keywords (`imporxt` would leave a syntax error for good).
    for (const m of text.matchAll(/\w{2,}/g)) {
      if (/^(?:import|from|def|return|as|in|for|if|else|class|with|not|and|or|is|lambda|pass|None|True|False)$/.test(m[0])) continue;
      for (let i = m.index! + 1; i < m.index! + m[0].length; i++) inWord.push(i);
    }
    for (let i = 0; i <= text.length; i++) if (text[i] === '\n' || i === text.length) lineEnds.push(i);
    const r = rnd();
    if (r < 0.6 && inWord.length) {
      const at = pick(inWord);
      return text.slice(0, at) + pick(['x', 'e', '1', '_']) + text.slice(at);
    }
    if (r < 0.75 && inWord.length) {
      const at = pick(inWord);
      return text.slice(0, at) + text.slice(at + 1);
    }
    const at = pick(lineEnds);
    return text.slice(0, at) + pick(['  # note', '\n', '\nz = 2', '\nprint(ws)', '\nimport json', ' azureml']) + text.slice(at);
  }

  it('lint with the previous analysis gives exactly the fresh findings, edit after edit (findings moved or recomputed)', () => {
    for (const seed of [11, 12, 13]) {
      const { reused } = lintAlong({ kind: 'python', text: V1_SCRIPT }, (input, rnd) => ({ kind: 'python', text: typeInto((input as { text: string }).text, rnd) }), 80, seed);
      assert.ok(reused > 0, 'some edits moved the previous findings instead of running the rules');
    }
  });

  it('the same with suggestions deferred as the language server lints: read after any edit, they are the fresh ones', () => {
    for (const seed of [14, 15]) {
      const { reused } = lintAlong({ kind: 'python', text: V1_SCRIPT }, (input, rnd) => ({ kind: 'python', text: typeInto((input as { text: string }).text, rnd) }), 60, seed, true);
      assert.ok(reused > 0);
    }
  });

  it('the same in a notebook, typing into one cell at a time (with suggestions built at once, then deferred)', () => {
    const cells = V1_SCRIPT.split('\n\n').map((text) => ({ kind: 'code' as const, text }));
    const typeIntoCell = (input: DocumentInput, rnd: () => number): DocumentInput => {
      const nb = input as Extract<DocumentInput, { kind: 'notebook' }>;
      const i = Math.floor(rnd() * nb.cells.length);
      return { kind: 'notebook', cells: nb.cells.map((c, j) => (j === i ? { ...c, text: typeInto(c.text, rnd) } : c)) };
    };
    assert.ok(lintAlong({ kind: 'notebook', cells }, typeIntoCell, 80, 21).reused > 0);
    assert.ok(lintAlong({ kind: 'notebook', cells }, typeIntoCell, 60, 22, true).reused > 0);
  });

  it('typing in code that names no SDK binding runs no rule; typing an SDK name does', () => {
    const first = lint({ kind: 'python', text: V1_SCRIPT });
    const at = V1_SCRIPT.indexOf('.sum()');
    const edited = V1_SCRIPT.slice(0, at) + '.mean()' + V1_SCRIPT.slice(at + '.sum()'.length);
    const second = lint({ kind: 'python', text: edited }, undefined, first.analysis);
    assert.equal(second.analysis.modules[0]!.model, undefined, 'no model built: findings moved');
    assert.deepEqual(second.findings, lint({ kind: 'python', text: edited }).findings);
    const third = edited.replace('total = data', 'total = ws.data');
    const again = lint({ kind: 'python', text: third }, undefined, second.analysis);
    assert.ok(again.analysis.modules[0]!.model, 'a use of `ws` runs the rules');
    assert.deepEqual(again.findings, lint({ kind: 'python', text: third }).findings);
  });

  it('typing in a docstring or comment of SDK code moves the findings; in an f-string it does not', () => {
    const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\n\ndef show(w):\n    """Print the workspace."""\n    # the name\n    print(ws.name, f"{ws.location}")\n';
    const first = lint({ kind: 'python', text: src });
    for (const [needle, expectReuse] of [['Print the', true], ['the name', true], ['{ws.loc', false]] as const) {
      const at = src.indexOf(needle) + 2;
      const edited = src.slice(0, at) + 'x' + src.slice(at);
      const next = lint({ kind: 'python', text: edited }, undefined, first.analysis);
      assert.equal(!next.analysis.modules[0]!.model, expectReuse, needle);
      assert.deepEqual(next.findings, lint({ kind: 'python', text: edited }).findings, needle);
    }
  });

  it('a typed identifier the collision fix would use as its alias runs the rules (the fix goes away)', () => {
    const src = 'from azureml.core import Workspace\nws = Workspace.from_config()\nfrom azure.ai.ml.entities import Workspace\nx = 1\n';
    const first = lint({ kind: 'python', text: src });
    assert.ok(first.findings.some((f) => f.code === 'AML002' && f.fixes?.length), 'the collision offers its alias fix');
    const edited = src.replace('x = 1', 'x = WorkspaceV1');
    const next = lint({ kind: 'python', text: edited }, undefined, first.analysis);
    assert.deepEqual(next.findings, lint({ kind: 'python', text: edited }).findings);
    assert.ok(next.findings.some((f) => f.code === 'AML002' && !f.fixes), 'no alias fix once the name is taken');
  });

  it('triggersKept: a trigger word made or broken across the edit is seen; edits away from them cost no scan', () => {
    const span = (a: string, b: string): { startIndex: number; oldEndIndex: number; newEndIndex: number } => changedSpan(a, b);
    const check = (a: string, b: string): boolean => triggersKept(a, b, span(a, b));
    assert.equal(check('x = 1  # azure\n', 'x = 1  # azureml\n'), false, 'typing "ml" after "azure"');
    assert.equal(check('f(v1_legacy=True)\n', 'f(v1_legacy_mode=True)\n'), false);
    assert.equal(check('import azureml.core\n# amlint: disable\n', 'import azureml.core\n# amlint disable\n'), true, 'a trigger near the edit, still there after it');
    assert.equal(check('import azureml.core\nx = 1\n', 'import azureml.core\nx = 12\n'), true);
    assert.equal(check('import azureml.core\n# amlint\n', 'import azureml.core\n# amlin\n'), false, 'the only amlint broken');
  });

  it('every word a rule reads module text for is a reuse trigger', () => {
    const dir = path.join(ROOT, 'server', 'src', 'rules');
    const words = new Set<string>();
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of src.matchAll(/requires: '([^']+)'|module\.text\.includes\('([^']+)'\)/g)) words.add(m[1] ?? m[2]!);
    }
    assert.ok(words.size >= 4, [...words].join());
    for (const w of words) assert.ok(TEXT_TRIGGERS.some((t) => w.includes(t)), `${w} is not covered by TEXT_TRIGGERS`);
  });

  const databricks = '# Databricks notebook source\nimport azureml.core\n\n# COMMAND ----------\n\n# MAGIC %sh\n# MAGIC az ml job create -f job.yml\n\n# COMMAND ----------\n\n# MAGIC %md\n# MAGIC az ml run submit-script -e e t.py\n';

  const bareLine = '# Databricks notebook source\nimport os\nHELP = "x"\n!az ml folder attach -w w -g g\nprint(os.name)\n';

  const typedParam = 'from azureml.core import Workspace\nws = Workspace.from_config()\n\ndef register(w):\n    w.get_details()\n\nregister(ws)\nprint(1)\n';
  const pythonShell = 'import os\n\nos.system("az ml job create -f job.yml")\nprint(os.name)\n';
  const loopName = 'from azureml.core import Experiment\nexp = Experiment(ws, "e")\nruns = exp.get_runs()\n\nsame = runs\n\nfor r in same:\n    print(r.id)\n';
  const spaced = 'import os\nfrom azureml.core import Workspace\nws = Workspace.from_config()\nos.system("az  ml model list")\nos.system("pip install numpy")\n';

  it('an edited statement that names no SDK binding but holds text-rule findings runs the rules', () => {
    // A `get_ipython().system("az ml ...")` line (a notebook exported to a script: AML502) and a v1 package
    // added to setup.py's install_requires (AML401): neither names an SDK binding, both make findings.
    const base = 'import azureml.core\nimport os\n\ndef f():\n    return 1\n\nprint(os.name)\n';
    const pairs: Array<[string, string, string]> = [
      ['x.py', base, base.replace('print(os.name)', 'get_ipython().system("az ml folder attach -w w -g g")')],
      ['setup.py', 'from setuptools import setup\nsetup(name="p", install_requires=["azureml-sdk"])\n', 'from setuptools import setup\nsetup(name="p", install_requires=["azureml-sdk", "azureml-widgets"])\n'],
      // A Databricks notebook exported as source: an edit inside a `# MAGIC` comment (a %sh cell's az ml line), and
      // a cell separator removed (the %md cell's line becomes part of the %sh cell). Both edits stay inside comments.
      ['nb.py', databricks, databricks.replace('az ml job create', 'az ml folder attach')],
      ['nb.py', databricks, databricks.replace('# COMMAND ----------\n\n# MAGIC %md', '# %md')],
      // Review of session 14: the header line edited (the module stops being read as Databricks), and a bare
      // `!az ml` line of a Python cell commented out (the old statement was an ERROR node).
      ['nb.py', databricks.replace('az ml job create', 'az ml folder attach'), databricks.replace('az ml job create', 'az ml folder attach').replace('# Databricks notebook source', '# Databricks notebook')],
      ['nb.py', bareLine, bareLine.replace('!az ml', '#!az ml')],
      // Session 15: a call that stops (or starts) a parameter being typed from its callers; a command Python runs.
      ['p.py', typedParam, typedParam.replace('print(1)', 'register(42)')],
      ['p.py', typedParam.replace('print(1)', 'register(42)'), typedParam],
      ['s.py', pythonShell, pythonShell.replace('az ml job create', 'az ml folder attach')],
      // (A comment naming the function: its name is an SDK binding, so the edit re-runs the rules.)
      ['p.py', typedParam, typedParam.replace('print(1)', 'print(1)  # register')],
      // (Review of session 15: an edit inside a docstring is inert to the reuse, so a docstring naming the function must
      // not change the typing either.)
      ['p.py', typedParam + 'def other():\n    """Helper."""\n', typedParam + 'def other():\n    """Like register."""\n'],
      // Review of session 15: trigger words as a shell and pip read them (blanks, a package name's case).
      ['t.py', spaced, spaced.replace('model list', 'model deploy -n m')],
      ['t.py', spaced, spaced.replace('numpy', 'AzureML-Core')],
      // Session 16: a name holding a v1 collection that a later loop iterates, bound to something else (and back).
      ['l.py', loopName, loopName.replace('same = runs', 'same = []')],
      ['l.py', loopName.replace('same = runs', 'same = []'), loopName],
    ];
    const codes = (fs: Finding[]): string[] => fs.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);
    for (const [filename, before, after] of pairs) {
      const prev = lint({ kind: 'python', text: before, path: filename }).analysis;
      const next = codes(lint({ kind: 'python', text: after, path: filename }, undefined, prev).findings);
      assert.deepEqual(next, codes(lint({ kind: 'python', text: after, path: filename }).findings), filename);
    }
    const prev = lint({ kind: 'python', text: base, path: 'x.py' }).analysis;
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[0][2], path: 'x.py' }, undefined, prev).findings), ['AML100@0:7', 'AML502@6:22']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[1][2], path: 'setup.py' }).findings), ['AML401@1:35', 'AML401@1:50']);
    // The Databricks edits change findings (else the reuse would have had nothing to get wrong).
    assert.deepEqual(codes(lint({ kind: 'python', text: databricks, path: 'nb.py' }).findings), ['AML100@1:7']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[2][2], path: 'nb.py' }).findings), ['AML100@1:7', 'AML502@6:8']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[3][2], path: 'nb.py' }).findings), ['AML100@1:7', 'AML502@9:8']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[4][1], path: 'nb.py' }).findings), ['AML100@1:7', 'AML502@6:8']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[4][2], path: 'nb.py' }).findings), ['AML100@1:7']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[5][1], path: 'nb.py' }).findings), ['AML502@3:1']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[5][2], path: 'nb.py' }).findings), []);
    // The session-15 edits change findings: the parameter's `w.get_details()`, the CLI v1 command.
    assert.deepEqual(codes(lint({ kind: 'python', text: typedParam, path: 'p.py' }).findings), ['AML100@0:5', 'AML101@1:5', 'AML101@4:4']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[6][2], path: 'p.py' }).findings), ['AML100@0:5', 'AML101@1:5']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pythonShell, path: 's.py' }).findings), []);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[8][2], path: 's.py' }).findings), ['AML502@2:11']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[11][2], path: 't.py' }).findings), ['AML100@1:5', 'AML101@2:5', 'AML502@3:11']);
    assert.deepEqual(codes(lint({ kind: 'python', text: pairs[12][2], path: 't.py' }).findings), ['AML100@1:5', 'AML101@2:5', 'AML401@4:23']);
  });

  it('an edit that calls (or stops calling) a function with a workspace parameter re-runs the rules: its body\'s fixes depend on it', () => {
    // Review of session 17: a helper the module never calls gets the config file's client (workspace.ts configParameter);
    // called with another workspace it gets none. The edited line names the function only.
    const helper = 'from azureml.core import Experiment\n\ndef f(ws):\n    Experiment(ws, "e")\n    ds = ws.get_default_datastore()\n    print(ds.name)\n\n';
    const withFixes = (fs: Finding[]): string[] => fs.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character} ${(f.fixes ?? []).map((x) => x.title).join('|')}`);
    for (const [before, after] of [[helper + 'print(1)\n', helper + 'f(other)\n'], [helper + 'f(other)\n', helper + 'print(1)\n']]) {
      const prev = lint({ kind: 'python', text: before, path: 'h.py' }).analysis;
      const fresh = withFixes(lint({ kind: 'python', text: after, path: 'h.py' }).findings);
      assert.deepEqual(withFixes(lint({ kind: 'python', text: after, path: 'h.py' }, undefined, prev).findings), fresh);
    }
    // (The two texts differ in their fixes, else the reuse would have had nothing to get wrong.)
    const fixed = (text: string): number => lint({ kind: 'python', text, path: 'h.py' }).findings.filter((f) => f.code === 'AML106' && f.fixes?.length).length;
    assert.equal(fixed(helper + 'print(1)\n'), 2);
    assert.equal(fixed(helper + 'f(other)\n'), 0);
  });

  it('in a script with a disable-cell directive, an edit of its cell markers (comments) re-runs the rules (review of session 17)', () => {
    const text = '# %%\nfrom azureml.core import Workspace\n# amlint: disable-cell=AML101\nws = Workspace.from_config()\nx = 1\nws2 = Workspace.from_config()\n';
    const codes = (fs: Finding[]): string[] => fs.map((f) => `${f.code}@${f.range.start.line}`);
    for (const after of [text.replace('x = 1\n', '# %%\nx = 1\n'), text.replace('# %%\n', '# %\n'), text.replace('x = 1\n', '# In[ ]:\nx = 1\n')]) {
      const prev = lint({ kind: 'python', text, path: 'c.py' }).analysis;
      assert.deepEqual(codes(lint({ kind: 'python', text: after, path: 'c.py' }, undefined, prev).findings), codes(lint({ kind: 'python', text: after, path: 'c.py' }).findings));
    }
    // (The marker edits change findings: else the reuse would have had nothing to get wrong.)
    assert.deepEqual(codes(lint({ kind: 'python', text, path: 'c.py' }).findings), ['AML100@1']);
    assert.deepEqual(codes(lint({ kind: 'python', text: text.replace('x = 1\n', '# %%\nx = 1\n'), path: 'c.py' }).findings), ['AML100@1', 'AML101@6']);
  });

  it('a script exported from a notebook that never names azureml is read for CLI v1 lines', () => {
    const text = 'import os\nget_ipython().system("az ml folder attach -w ws -g rg")\n';
    assert.deepEqual(lint({ kind: 'python', text, path: 'setup_ws.py' }).findings.map((f) => f.code), ['AML502']);
    const databricksOnly = '# Databricks notebook source\n# MAGIC %sh az ml folder attach -w ws -g rg\n';
    assert.deepEqual(lint({ kind: 'python', text: databricksOnly, path: 'nb.py' }).findings.map((f) => f.code), ['AML502']);
  });

  it('notebook: editing one cell re-parses the joined module incrementally', () => {
    const cells = [{ kind: 'code' as const, text: 'from azureml.core import Workspace' }, { kind: 'code' as const, text: 'x = 1' }];
    const first = analyseDocument({ kind: 'notebook', cells });
    const edited = [cells[0]!, { kind: 'code' as const, text: 'ws = Workspace.from_config()' }];
    const next = lint({ kind: 'notebook', cells: edited }, undefined, first).findings;
    assert.deepEqual(next.map((f) => [f.code, f.cell]), [['AML100', 0], ['AML101', 1]]);
  });
});
