/** What the engine's fix tests share: a parse check with tree-sitter, and `--fix` on a Python text. */
import * as assert from 'node:assert/strict';
import Parser = require('tree-sitter');
import { fixDocument, lint } from '../../server/src/engine';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Python = require('tree-sitter-python');

const parser = new Parser();
parser.setLanguage(Python);

/** The text parses without an error node (a fix must never break that). */
export function parses(text: string): boolean {
  return !parser.parse(text).rootNode.hasError;
}

/** `amlint --fix` (with `unsafe`: `--unsafe-fixes`) on a Python text: the fixed text. */
export function fixPython(text: string, unsafe: boolean): string {
  const out = fixDocument({ kind: 'python', text }, undefined, { unsafe }).output;
  assert.equal(out.kind, 'python');
  return (out as { text: string }).text;
}

/**
 * A table of rewrites, `[title, v1 source, expected source]`, each applied with
 * `--fix --unsafe-fixes`: the whole output text, which still parses, and which a second run
 * leaves as it is (fixes reach a fixed point).
 */
export function rewriteCases(cases: ReadonlyArray<readonly [string, string, string]>): void {
  for (const [title, src, expected] of cases) {
    it(title, () => {
      const out = fixPython(src, true);
      assert.equal(out, expected);
      assert.ok(parses(out), 'the fixed text parses');
      assert.equal(fixPython(out, true), out, 'a second run changes nothing');
    });
  }
}

/** The call `api` is reported, carries no fix, and `--fix --unsafe-fixes` leaves the whole text as it is. */
export function refused(src: string, api: string): void {
  const found = lint({ kind: 'python', text: src }).findings.filter((f) => f.message.includes(`\`${api}`));
  assert.ok(found.length, `${api} is reported`);
  for (const f of found) assert.equal(f.fixes, undefined, api);
  assert.equal(fixPython(src, true), src);
}
