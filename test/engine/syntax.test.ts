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
import { lint } from '../../server/src/engine';

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

  it('notebook: editing one cell re-parses the joined module incrementally', () => {
    const cells = [{ kind: 'code' as const, text: 'from azureml.core import Workspace' }, { kind: 'code' as const, text: 'x = 1' }];
    const first = analyseDocument({ kind: 'notebook', cells });
    const edited = [cells[0]!, { kind: 'code' as const, text: 'ws = Workspace.from_config()' }];
    const next = lint({ kind: 'notebook', cells: edited }, undefined, first).findings;
    assert.deepEqual(next.map((f) => [f.code, f.cell]), [['AML100', 0], ['AML101', 1]]);
  });
});
