/**
 * The .vsix a user installs: built like `npm run package` does, then opened with a zip reader.
 * It must carry the two bundles, the native tree-sitter prebuilds for the six desktop platforms
 * (plus what they load at run time), the grammar and the rule pages, and nothing of the
 * development tree (tests, TypeScript sources, dev dependencies). Then the packaged server is
 * started from an unpacked copy and answers LSP over stdio, which proves the bundle and its
 * native modules load from the packaged layout.
 */
import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import * as yauzl from 'yauzl';
import { buildVsix, ROOT } from './e2e/build-vsix';

const PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64', 'win32-x64', 'win32-arm64'];
/**
 * Measured: 2.5 MiB (65 files). Most of it is the 12 native prebuilds (about 6.6 MiB unpacked)
 * and the two bundles (about 1.7 MiB unpacked). Twice that leaves room for growth, and still
 * fails at once if a dev dependency slips in (typescript alone is over 20 MiB).
 */
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 150;

interface Entry {
  name: string;
  size: number;
}

function readEntries(file: string): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open zip'));
      const entries: Entry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        entries.push({ name: e.fileName, size: e.uncompressedSize });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function extract(file: string, dest: string): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open zip'));
      zip.on('entry', (e: yauzl.Entry) => {
        const target = path.join(dest, e.fileName);
        if (!target.startsWith(dest + path.sep)) return reject(new Error(`unsafe path in zip: ${e.fileName}`));
        if (e.fileName.endsWith('/')) {
          fs.mkdirSync(target, { recursive: true });
          return zip.readEntry();
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        zip.openReadStream(e, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no stream'));
          stream.pipe(fs.createWriteStream(target)).on('finish', () => zip.readEntry()).on('error', reject);
        });
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Bare module names a CommonJS file requires (string literals only). */
function requiredModules(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)) {
    const spec = m[1];
    names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return [...names];
}

const isBuiltin = (name: string): boolean => name.startsWith('node:') || builtinModules.includes(name);

describe('the .vsix (npm run package)', function () {
  this.timeout(240000);
  let vsix: string;
  let entries: Entry[];
  let names: Set<string>;
  let unpacked: string;

  before(async function () {
    vsix = await buildVsix();
    entries = await readEntries(vsix);
    names = new Set(entries.map((e) => e.name));
    unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'amlint-vsix-unpacked-'));
    await extract(vsix, unpacked);
  });

  after(function () {
    if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
  });

  it('carries the manifest, both bundles, the grammar, the icon and the README', function () {
    for (const f of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/syntaxes/amlint-directives.tmLanguage.json',
      'extension/images/icon.png',
    ]) {
      assert.ok(names.has(f), `${f} is in the .vsix`);
    }
    assert.ok([...names].some((n) => /^extension\/readme\.md$/i.test(n)), 'README is in the .vsix');
  });

  it('carries every rule page of docs/rules', function () {
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => /^AML\d{3}\.md$/.test(f));
    assert.ok(pages.length > 0, 'docs/rules has rule pages');
    for (const p of pages) assert.ok(names.has(`extension/docs/rules/${p}`), `docs/rules/${p} is in the .vsix`);
  });

  for (const [pkg, binary] of [
    ['tree-sitter', 'tree-sitter.node'],
    ['tree-sitter-python', 'tree-sitter-python.node'],
  ]) {
    it(`carries ${pkg}'s N-API prebuilds for ${PLATFORMS.length} platforms`, function () {
      for (const p of PLATFORMS) {
        const f = `extension/node_modules/${pkg}/prebuilds/${p}/${binary}`;
        assert.ok(names.has(f), `${f} is in the .vsix`);
        const size = entries.find((e) => e.name === f)!.size;
        assert.ok(size > 100 * 1024, `${f} is a real binary (${size} bytes)`);
      }
    });
  }

  it('carries what the native packages load at run time, and nothing of their sources or build output', function () {
    const runtimeFiles = [
      'extension/node_modules/tree-sitter/index.js',
      'extension/node_modules/tree-sitter/package.json',
      'extension/node_modules/tree-sitter-python/bindings/node/index.js',
      'extension/node_modules/tree-sitter-python/package.json',
      'extension/node_modules/tree-sitter-python/src/node-types.json',
      'extension/node_modules/node-gyp-build/index.js',
      'extension/node_modules/node-gyp-build/node-gyp-build.js',
      'extension/node_modules/node-gyp-build/package.json',
    ];
    for (const f of runtimeFiles) assert.ok(names.has(f), `${f} is in the .vsix`);
    // every module those entry points require is a Node built-in or shipped
    for (const f of runtimeFiles.filter((x) => x.endsWith('.js'))) {
      for (const mod of requiredModules(fs.readFileSync(path.join(unpacked, f), 'utf8'))) {
        if (isBuiltin(mod)) continue;
        assert.ok(names.has(`extension/node_modules/${mod}/package.json`), `${f} requires ${mod}, which must be shipped`);
      }
    }
    const intermediates = [...names].filter((n) =>
      /^extension\/node_modules\/(tree-sitter|tree-sitter-python)\/(build|vendor|node-addon-api|src\/(?!node-types\.json$)|binding\.gyp)/.test(n) ||
      /\.(c|cc|cpp|h|gyp|wasm|o|a|mk)$/.test(n),
    );
    assert.deepEqual(intermediates, [], 'no C sources, headers or build intermediates');
  });

  it('has no tests, TypeScript sources, source maps or dev dependencies', function () {
    const offending = [...names].filter(
      (n) =>
        /^extension\/(test|out|client|server|scripts|bench|examples|src)\//.test(n) ||
        /\.(ts|map|mjs|vsix)$/.test(n) ||
        /^extension\/(tsconfig\.json|esbuild\.mjs|\.mocharc)/.test(n),
    );
    assert.deepEqual(offending, []);
    const modules = new Set(
      [...names].map((n) => /^extension\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(n)?.[1]).filter((m): m is string => !!m),
    );
    assert.deepEqual([...modules].sort(), ['node-gyp-build', 'tree-sitter', 'tree-sitter-python'], 'only the native runtime modules');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    for (const dev of Object.keys(pkg.devDependencies)) assert.ok(!modules.has(dev), `dev dependency ${dev} is not shipped`);
  });

  it('bundles everything but vscode and the native modules', function () {
    const client = requiredModules(fs.readFileSync(path.join(unpacked, 'extension/dist/extension.js'), 'utf8')).filter((m) => !isBuiltin(m));
    assert.deepEqual(client, ['vscode']);
    const server = requiredModules(fs.readFileSync(path.join(unpacked, 'extension/dist/server.js'), 'utf8')).filter((m) => !isBuiltin(m));
    assert.deepEqual(server.sort(), ['tree-sitter', 'tree-sitter-python']);
  });

  it('has a manifest VS Code and code-server accept offline', function () {
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'extension/package.json'), 'utf8'));
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.extensionDependencies, undefined, 'no extensionDependencies (offline install)');
    assert.equal(manifest.extensionPack, undefined, 'no extensionPack (offline install)');
    const [major, minor] = String(manifest.engines.vscode).replace(/^\^/, '').split('.').map(Number);
    assert.ok(major === 1 && minor <= 100, `engines.vscode ${manifest.engines.vscode} is at most ^1.100 (code-server 4.100)`);
    for (const e of ['onLanguage:python', 'onNotebook:jupyter-notebook', 'onLanguage:pip-requirements', 'onLanguage:yaml', 'onLanguage:dockerfile', 'onLanguage:shellscript']) assert.ok(manifest.activationEvents.includes(e), e);
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(commands, ['amlint.fixAll', 'amlint.restartServer', 'amlint.showOutput', 'amlint.showRuleDocumentation']);
    const settings = Object.keys(manifest.contributes.configuration.properties).sort();
    assert.deepEqual(settings, ['amlint.enable', 'amlint.notebookSeverity', 'amlint.severity', 'amlint.trace.server', 'amlint.workspaceDiagnostics']);
  });

  it(`is smaller than ${MAX_BYTES / 1024 / 1024} MiB and ${MAX_FILES} files`, function () {
    const size = fs.statSync(vsix).size;
    assert.ok(size < MAX_BYTES, `${(size / 1024 / 1024).toFixed(2)} MiB`);
    const files = entries.filter((e) => !e.name.endsWith('/')).length;
    assert.ok(files < MAX_FILES, `${files} files`);
  });

  it('carries a tree-sitter binding for this machine when the upstream linux-x64 prebuild does not load here', function () {
    if (process.platform !== 'linux' || process.arch !== 'x64') this.skip();
    const prebuild = path.join(unpacked, 'extension/node_modules/tree-sitter/prebuilds/linux-x64/tree-sitter.node');
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(prebuild)})`], { encoding: 'utf8' });
    if (r.status === 0) this.skip(); // the upstream prebuild works on this machine
    // e.g. "GLIBCXX_3.4.31 not found" on Debian 12 / Ubuntu 22.04
    assert.ok(names.has('extension/dist/native/tree-sitter/prebuilds/linux-x64/tree-sitter.node'), `fallback binding shipped (upstream: ${r.stderr.split('\n').find((l) => /Error/.test(l))})`);
  });

  describe('the packaged language server', function () {
    let server: ChildProcess;
    let connection: MessageConnection;
    const diagnostics = new Map<string, Array<{ code?: string | number; source?: string }>>();
    const waiters: Array<() => void> = [];

    before(function () {
      const main = path.join(unpacked, 'extension', 'dist', 'server.js');
      server = spawn(process.execPath, [main, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      server.on('exit', (code) => {
        if (code) console.error(`packaged server exited with ${code}:\n${stderr}`);
      });
      connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
      connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code?: string; source?: string }> }) => {
        diagnostics.set(p.uri, p.diagnostics);
        for (const w of waiters.splice(0)) w();
      });
      connection.onNotification('window/logMessage', () => undefined);
      connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
      connection.onRequest('client/registerCapability', () => null);
      connection.listen();
    });

    after(async function () {
      try {
        await connection.sendRequest('shutdown');
        connection.sendNotification('exit');
      } catch {
        // the server may already be gone
      }
      await new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        const t = setTimeout(() => {
          server.kill();
          resolve();
        }, 5000);
        server.on('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
      connection.dispose();
    });

    it('answers initialize over stdio', async function () {
      const result = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      })) as { serverInfo?: { name: string }; capabilities: Record<string, unknown> };
      assert.equal(result.serverInfo?.name, 'amlint');
      assert.ok(result.capabilities.hoverProvider);
      assert.ok(result.capabilities.codeActionProvider);
      assert.ok(result.capabilities.notebookDocumentSync);
      connection.sendNotification('initialized', {});
    });

    it('lints a v1 file with tree-sitter loaded from the package (AML100, AML101)', async function () {
      const uri = pathToFileURL(path.join(os.tmpdir(), 'amlint-vsix-probe.py')).href;
      const text = 'from azureml.core import Workspace\nws = Workspace.from_config()\n';
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
      const deadline = Date.now() + 20000;
      while (!(diagnostics.get(uri) ?? []).length) {
        if (Date.now() > deadline) throw new Error('no diagnostics within 20 s');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 500);
        });
      }
      const codes = (diagnostics.get(uri) ?? []).filter((d) => d.source === 'amlint').map((d) => String(d.code)).sort();
      assert.ok(codes.includes('AML100') && codes.includes('AML101'), `codes: ${codes.join(', ')}`);
      const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 17 } })) as {
        contents: { value: string };
      } | null;
      assert.match(hover?.contents.value ?? '', /MLClient/);
    });
  });
});
