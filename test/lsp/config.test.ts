import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { EDITOR_CAPABILITIES, TestClient } from './harness';

/** The server reads [tool.amlint] from the nearest pyproject.toml and reloads it when it changes. */
describe('lsp: pyproject.toml configuration', function () {
  this.timeout(30000);
  let dir: string;
  let client: TestClient;
  const V1 = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-lsp-config-'));
    client = await TestClient.start({
      capabilities: { ...EDITOR_CAPABILITIES, workspace: { ...EDITOR_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const codes = (p: { diagnostics: Array<{ code?: unknown }> }): string[] => p.diagnostics.map((d) => String(d.code)).sort();

  it('applies the file, then the edited file after didChangeWatchedFiles', async () => {
    const config = path.join(dir, 'pyproject.toml');
    fs.writeFileSync(config, '[tool.amlint]\nignore = ["AML100"]\n');
    fs.mkdirSync(path.join(dir, 'src'));
    const uri = pathToFileURL(path.join(dir, 'src', 'train.py')).href;
    const first = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    assert.deepEqual(codes(await first), ['AML101']);

    fs.writeFileSync(config, '[tool.amlint]\nselect = ["AML100"]\n');
    const second = client.nextDiagnostics(uri);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 2 }] });
    assert.deepEqual(codes(await second), ['AML100']);
  });

  it('editor settings override the file', async () => {
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.amlint.severity]\nAML101 = "error"\n');
    await client.stop();
    client = await TestClient.start({ settings: { severity: { AML101: 'hint' } } });
    const uri = pathToFileURL(path.join(dir, 'a.py')).href;
    const got = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    const d = (await got).diagnostics.find((x) => x.code === 'AML101');
    assert.equal(d?.severity, 4, 'hint from the editor beats error from the file');
  });

  it('a broken configuration is shown on the pyproject.toml and editor settings still apply', async () => {
    const config = path.join(dir, 'pyproject.toml');
    fs.writeFileSync(config, '[tool.amlint]\nselct = ["AML1"]\n');
    const configUri = pathToFileURL(config).href;
    const onConfig = client.nextDiagnostics(configUri);
    const uri = pathToFileURL(path.join(dir, 'b.py')).href;
    const onFile = client.nextDiagnostics(uri);
    await client.open(uri, V1);
    const errors = (await onConfig).diagnostics;
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /selct/);
    assert.equal(errors[0].range.start.line, 1);
    assert.deepEqual(codes(await onFile), ['AML100', 'AML101']);
  });
});

describe('lsp: engine notes', function () {
  this.timeout(30000);
  it('a file too deeply nested to analyse says so, with no rule link and no disable action', async () => {
    const client = await TestClient.start();
    try {
      const uri = 'file:///tmp/amlint-deep.py';
      const text = `import azureml.core\nx = ${'('.repeat(100000)}1${')'.repeat(100000)}\n`;
      const got = client.nextDiagnostics(uri);
      await client.open(uri, text);
      const diags = (await got).diagnostics;
      const note = diags.find((d) => d.code === 'amlint');
      assert.ok(note, JSON.stringify(diags));
      assert.match(note.message, /could not analyse this file/);
      assert.equal(note.codeDescription, undefined);
      const actions = await client.request<Array<{ title: string }>>('textDocument/codeAction', {
        textDocument: { uri },
        range: note.range,
        context: { diagnostics: [note] },
      });
      assert.ok(!actions.some((a) => /Disable amlint|Show documentation for amlint/.test(a.title)), JSON.stringify(actions));
    } finally {
      await client.stop();
    }
  });
});
