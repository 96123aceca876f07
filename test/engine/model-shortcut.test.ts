/**
 * Soundness of the semantic model's shortcut (semantic/model.ts `bodyMatters`): a function body that names
 * no SDK binding and no `azure` is not walked. Walking every body must give the same SDK facts: the
 * same references, imports, calls of SDK callables or with SDK arguments, bindings of SDK values and uses of
 * SDK bindings. Checked on the fuzz corpus (mutated real v1 code) and on programs that interleave it with
 * SDK-free functions, functions that re-bind module names (`global`) and functions that read them.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parsePython } from '../../server/src/engine/parser';
import { syntaxTree } from '../../server/src/engine/syntax';
import { buildSemanticModel, sdkOf, type SemanticModel, type Value } from '../../server/src/engine/semantic/model';
import { mutatedPython, params, V1_SNIPPETS } from '../fuzz/props';
import { lint } from '../../server/src/engine';

function key(v: Value | undefined): string {
  if (!v) return '-';
  if (v.kind === 'tuple') return `(${v.items.map(key).join(',')})`;
  if (v.kind === 'local') return `local:${key(v.returns)}`;
  return v.kind === 'ref' ? `ref:${v.qname}` : `instance:${v.type}`;
}

function isSdk(v: Value | undefined): boolean {
  if (v?.kind === 'tuple') return v.items.some(isSdk);
  return sdkOf(v) !== 'other';
}

function sdkFacts(model: SemanticModel): string[] {
  const out: string[] = [];
  for (const r of model.references) out.push(`ref ${r.node.startIndex} ${r.qname} ${r.sdk} ${r.call?.startIndex ?? ''}`);
  for (const i of model.imports) if (i.sdk !== 'other') out.push(`import ${i.statement.startIndex} ${i.module} ${i.sdk}`);
  for (const c of model.calls) {
    if (isSdk(c.callee) || c.args.some((a) => isSdk(a.value))) out.push(`call ${c.call.startIndex} ${key(c.callee)} ${c.args.map((a) => key(a.value)).join(' ')}`);
  }
  for (const scope of model.scopes) {
    for (const [name, list] of scope.bindings) {
      for (const b of list) {
        if (!isSdk(b.value)) continue;
        out.push(`bind ${b.node.startIndex} ${name} ${key(b.value)}`);
        for (const u of model.uses.get(b) ?? []) out.push(`use ${u.startIndex} ${b.node.startIndex}`);
      }
    }
  }
  return out.sort();
}

function same(text: string): void {
  const tree = syntaxTree(parsePython(text), text);
  const fast = sdkFacts(buildSemanticModel(tree));
  const full = sdkFacts(buildSemanticModel(tree, { walkAllBodies: true }));
  assert.deepEqual(fast, full, text);
}

/** Code beside the SDK code: SDK-free functions, a `global` re-binding, reads of module names, nested functions. */
const SDK_FREE = [
  'def helper(x):\n    return x + 1\n',
  'def show():\n    print(settings)\n',
  'def rebind():\n    global settings\n    settings = {"k": 1}\n',
  'def outer():\n    def inner(y):\n        return y * 2\n    return inner(3)\n',
  'def uses_run():\n    print(run)\n',
  'def uses_ws(n):\n    return ws.name if n else None\n',
  'settings = {"task": "classification"}\n',
  'class Box:\n    def get(self):\n        return self.value\n',
];

describe('semantic model: skipping SDK-free function bodies changes no SDK fact', function () {
  this.timeout(120_000);

  it('on every corpus snippet', () => {
    for (const s of V1_SNIPPETS) same(s);
  });

  it('on mutated corpus code', () => {
    fc.assert(fc.property(mutatedPython, (text) => same(text)), params(200));
  });

  it('on corpus code interleaved with SDK-free functions, global re-bindings and readers', () => {
    const piece = fc.oneof(fc.constantFrom(...V1_SNIPPETS), fc.constantFrom(...SDK_FREE));
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => same(pieces.join('\n'))), params(200));
  });

  it('a function that reads an SDK name is walked, one that names none is not (the shortcut is taken)', () => {
    const text = 'from azureml.core import Workspace\nws = Workspace.from_config()\ndef a():\n    return ws.name\ndef b():\n    return len("x")\n';
    const tree = syntaxTree(parsePython(text), text);
    const fast = buildSemanticModel(tree);
    const full = buildSemanticModel(tree, { walkAllBodies: true });
    assert.ok(fast.references.some((r) => r.qname === 'azureml.core.Workspace.name'), 'a() is walked');
    const lenCall = (m: SemanticModel) => m.calls.some((c) => c.call.text === 'len("x")');
    assert.equal(lenCall(fast), false, 'b() is skipped');
    assert.equal(lenCall(full), true, 'b() is walked when asked');
  });

  it('a function running shell lines through get_ipython() is walked: its CLI v1 line is reported', () => {
    const text = 'import os\ndef setup_ws():\n    get_ipython().system("az ml folder attach -w ws -g rg")\n';
    assert.deepEqual(lint({ kind: 'python', text, path: 'exported.py' }).findings.map((f) => `${f.code}@${f.range.start.line}`), ['AML502@2']);
  });
});
