/**
 * The TextMate injection grammar for amlint directives (syntaxes/amlint-directives.tmLanguage.json)
 * scores every assertion in test/grammar/*.test.py with vscode-tmgrammar-test, on top of the
 * MagicPython grammar VS Code uses for Python (from the tm-grammars package). Same as
 * `npm run test:grammar`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = ((): string => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

describe('directive grammar (syntaxes/amlint-directives.tmLanguage.json)', function () {
  this.timeout(60000);

  it('is contributed as an injection into source.python', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes', 'amlint-directives.tmLanguage.json'), 'utf8'));
    const entry = pkg.contributes.grammars.find((g: { path: string }) => g.path.endsWith('amlint-directives.tmLanguage.json'));
    assert.ok(entry, 'contributes.grammars lists the directive grammar');
    assert.deepEqual(entry.injectTo, ['source.python']);
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.equal(grammar.injectionSelector, 'L:comment.line.number-sign.python');
  });

  it('passes vscode-tmgrammar-test on test/grammar/*.test.py', function () {
    const cli = path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
    const python = path.join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'python.json');
    // the tool reads contributes.grammars (with injectTo) from ./package.json
    const r = spawnSync(process.execPath, [cli, '--compact', '-g', python, 'test/grammar/*.test.py'], { cwd: ROOT, encoding: 'utf8', timeout: 50000 });
    assert.equal(r.status, 0, `vscode-tmgrammar-test failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    assert.match(r.stdout, /directives\.test\.py/);
  });
});
