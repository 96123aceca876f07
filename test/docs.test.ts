/**
 * docs/rules stays in sync with the rules: every rule has a page whose content is exactly
 * `explain(code)` (what `amlint --explain` prints and hovers show), the index lists every rule,
 * and every page belongs to a rule. Fix a failure with `npm run docs`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Loaded in `before` (not imported) so an engine that fails to load fails these tests only.
type Engine = typeof import('../server/src/engine');
type Generator = typeof import('../server/src/tools/generate-docs');
let explain: Engine['explain'];
let listRules: Engine['listRules'];
let expectedPages: Generator['expectedPages'];
let indexPage: Generator['indexPage'];

const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();
const DOCS = path.join(ROOT, 'docs', 'rules');
const HINT = ' (run `npm run docs`)';

describe('docs/rules', function () {
  before(function () {
    ({ explain, listRules } = require('../server/src/engine') as Engine);
    ({ expectedPages, indexPage } = require('../server/src/tools/generate-docs') as Generator);
  });

  it('has rules to document', function () {
    const codes = listRules().map((r) => r.code);
    assert.ok(codes.includes('AML100'), `rules: ${codes.join(', ')}`);
  });

  it("has a page for every rule, equal to explain(code)", function () {
    for (const rule of listRules()) {
      const file = path.join(DOCS, `${rule.code}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${rule.code}.md is missing${HINT}`);
      const page = explain(rule.code);
      assert.ok(page, `explain(${rule.code}) returns a page`);
      assert.equal(fs.readFileSync(file, 'utf8'), page, `docs/rules/${rule.code}.md is out of date${HINT}`);
    }
  });

  it('has an index that links every rule', function () {
    const file = path.join(DOCS, 'README.md');
    assert.ok(fs.existsSync(file), `docs/rules/README.md is missing${HINT}`);
    const text = fs.readFileSync(file, 'utf8');
    assert.equal(text, indexPage(listRules()), `docs/rules/README.md is out of date${HINT}`);
    for (const rule of listRules()) assert.ok(text.includes(`](${rule.code}.md)`), `index links ${rule.code}`);
  });

  it('has no page that belongs to no rule', function () {
    const codes = new Set(listRules().map((r) => r.code));
    const files = fs.existsSync(DOCS) ? fs.readdirSync(DOCS) : [];
    for (const f of files) {
      if (f === 'README.md') continue;
      assert.match(f, /^AML\d{3}\.md$/, `unexpected file docs/rules/${f}`);
      assert.ok(codes.has(f.slice(0, -3)), `docs/rules/${f} belongs to no rule${HINT}`);
    }
  });

  it('is what the generator writes', function () {
    const pages = expectedPages();
    assert.equal(pages.size, listRules().length + 1);
    for (const [name, text] of pages) {
      assert.equal(fs.readFileSync(path.join(DOCS, name), 'utf8'), text, `docs/rules/${name}${HINT}`);
    }
  });
});
