import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listRules } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '../../..');

describe('rule registry', () => {
  const rules = listRules();

  it('codes are unique and in family order', () => {
    const codes = rules.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual(codes, [...codes].sort());
    for (const r of rules) assert.equal(r.family, r.code.slice(0, 4));
  });

  for (const r of rules) {
    it(`${r.code}: rule file, test file and docs page share its code`, () => {
      assert.ok(fs.existsSync(path.join(ROOT, 'server/src/rules', `${r.code}.ts`)), 'server/src/rules/CODE.ts');
      assert.ok(fs.existsSync(path.join(ROOT, 'test/rules', `${r.code}.test.ts`)), 'test/rules/CODE.test.ts');
      assert.ok(fs.existsSync(path.join(ROOT, 'docs/rules', `${r.code}.md`)), 'docs/rules/CODE.md');
      for (const url of r.docs.references) assert.match(url, /^https:\/\/learn\.microsoft\.com\//);
      assert.match(r.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    });
  }
});
