import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

// The rule modules import one another (v1-fixes ↔ import-fixes ↔ the registry): a module that
// only works when another happened to load first breaks the first entry point that loads it
// alone. Each of these loads on its own, in a fresh process.
const MODULES = ['engine/index', 'rules/v1-fixes', 'rules/v1-api', 'rules/import-fixes', 'rules/registry', 'lsp/server', 'cli/main'];

describe('modules load on their own', () => {
  for (const m of MODULES) {
    it(m, function () {
      this.timeout(20000);
      const file = path.join(__dirname, '../../server/src', `${m}.js`);
      const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(file)})`], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    });
  }
});
