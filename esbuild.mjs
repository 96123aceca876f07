// Bundles the VS Code extension:
//   client/src/extension.ts  → dist/extension.js  (external: vscode, provided by the editor)
//   server/src/lsp/main.ts   → dist/server.js     (external: tree-sitter, tree-sitter-python,
//                                                  native N-API modules shipped in the .vsix's
//                                                  node_modules with their prebuilds/)
// and, on a linux-x64 build machine, copies a locally compiled tree-sitter binding to
// dist/native/ as a fallback (see NATIVE_SHIM).
//
// and writes dist/server.js.cache, the V8 code cache bin/amlint-language-server.js starts the
// bundle with (server/src/lsp/bundle.ts; needs tsc's out/ first).
//
// Usage: node esbuild.mjs [--dev] [--server]
//   --dev: inline source maps
//   --server: the server bundle and its code cache only (what `npm run build` does after tsc)
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes('--dev');
const serverOnly = process.argv.includes('--server');
const dist = path.join(root, 'dist');

// The extension host of VS Code 1.82 (our engines.vscode floor) runs Node 18; the server is
// forked with the same runtime.
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: dev ? 'inline' : false,
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * `require('tree-sitter')` from the server goes through this shim. tree-sitter 0.25.1's
 * linux-x64 prebuild needs GLIBCXX_3.4.31 (the libstdc++ of GCC 13+), so it does not load on
 * Debian 12 or Ubuntu 22.04. When the normal load fails and the extension carries a binding
 * compiled on an older toolchain (dist/native/tree-sitter/prebuilds/<platform>-<arch>/), the
 * shim points node-gyp-build at it (TREE_SITTER_PREBUILD) and tries once more. The normal
 * order (the package's own build/ or prebuilds/) is always tried first.
 */
const NATIVE_SHIM = `
'use strict';
const fs = require('fs');
const path = require('path');
function loadTreeSitter() {
  try {
    return require('tree-sitter');
  } catch (error) {
    const compat = path.join(__dirname, 'native', 'tree-sitter');
    if (!fs.existsSync(path.join(compat, 'prebuilds', process.platform + '-' + process.arch))) throw error;
    process.env.TREE_SITTER_PREBUILD = compat;
    try {
      return require('tree-sitter');
    } catch (second) {
      throw new Error(String(error && error.message) + '\\n(the fallback binding in ' + compat + ' failed too: ' + String(second && second.message) + ')');
    }
  }
}
module.exports = loadTreeSitter();
`;

const nativeShim = {
  name: 'amlint-native-shim',
  setup(build) {
    build.onResolve({ filter: /^tree-sitter$/ }, (args) =>
      args.namespace === 'amlint-native' ? { path: 'tree-sitter', external: true } : { path: 'tree-sitter', namespace: 'amlint-native' },
    );
    build.onLoad({ filter: /.*/, namespace: 'amlint-native' }, () => ({ contents: NATIVE_SHIM, loader: 'js', resolveDir: root }));
  },
};

/** Copies node_modules/tree-sitter/build/Release/*.node (compiled by `npm install` when the prebuild did not load here). */
function copyCompatBinding() {
  const out = path.join(dist, 'native');
  fs.rmSync(out, { recursive: true, force: true });
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  const release = path.join(root, 'node_modules', 'tree-sitter', 'build', 'Release');
  const built = fs.existsSync(release) ? fs.readdirSync(release).find((f) => f.endsWith('.node')) : undefined;
  if (!built) {
    console.warn('esbuild.mjs: no compiled tree-sitter binding in node_modules/tree-sitter/build/Release; the .vsix relies on the upstream linux-x64 prebuild (needs GLIBCXX_3.4.31)');
    return;
  }
  const dir = path.join(out, 'tree-sitter', 'prebuilds', 'linux-x64');
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, 'tree-sitter.node');
  fs.copyFileSync(path.join(release, built), target);
  try {
    execFileSync('strip', ['--strip-unneeded', target], { stdio: 'ignore' });
  } catch {
    // strip is optional: an unstripped binding works the same, it is only larger
  }
}

const serverBuild = {
  ...common,
  stdin: {
    // Exports main for bin/amlint-language-server.js (server/src/lsp/bundle.ts), and starts it when
    // Node runs the file itself (the VS Code client forks it).
    contents: "import { main } from './server/src/lsp/main';\nexport { main };\nif (require.main === module) main(process.argv.slice(2));\n",
    resolveDir: root,
    sourcefile: 'amlint-language-server.ts',
    loader: 'ts',
  },
  outfile: path.join(dist, 'server.js'),
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow; its
  // "module" (ESM) build bundles cleanly.
  mainFields: ['module', 'main'],
  external: ['tree-sitter-python'],
  plugins: [nativeShim],
  // tsc's out/ is strict mode throughout; esbuild puts the TypeScript modules in the bundle's own
  // (otherwise sloppy) scope.
  banner: { js: '"use strict";' },
  // Written by writeAtomically: an editor starting the server while this runs never reads half a file.
  write: false,
};

/** Writes esbuild's output files through a temporary file renamed over the old one. */
function writeAtomically(result) {
  for (const f of result.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
}

/** dist/server.js.cache, written by out/'s bundle.ts (the module that reads it). */
function writeCodeCache() {
  const loader = path.join(root, 'out', 'server', 'src', 'lsp', 'bundle.js');
  if (!fs.existsSync(loader)) {
    console.warn('esbuild.mjs: out/ is not built (npm run build), so dist/server.js gets no code cache');
    return;
  }
  if (!createRequire(import.meta.url)(loader).writeCodeCache(path.join(dist, 'server.js'))) {
    console.warn('esbuild.mjs: dist/server.js.cache could not be written; the server starts without it');
  }
}

fs.mkdirSync(dist, { recursive: true });
await Promise.all([
  serverOnly
    ? undefined
    : esbuild.build({
        ...common,
        entryPoints: [path.join(root, 'client', 'src', 'extension.ts')],
        outfile: path.join(dist, 'extension.js'),
        external: ['vscode'],
      }),
  esbuild.build(serverBuild).then(writeAtomically),
]);
writeCodeCache();
if (!serverOnly) {
  copyCompatBinding();
  for (const f of ['extension.js', 'server.js']) {
    console.log(`dist/${f}: ${(fs.statSync(path.join(dist, f)).size / 1024).toFixed(0)} KiB`);
  }
}
