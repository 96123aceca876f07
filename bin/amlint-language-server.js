#!/usr/bin/env node
'use strict';
// The bundled server (dist/server.js, with its V8 code cache) starts faster; out/ starts when the
// bundle is missing, older than the tsc output or not whole (server/src/lsp/bundle.ts).
const argv = process.argv.slice(2);
let started = false;
try {
  started = require('../out/server/src/lsp/bundle.js').startBundledServer(argv);
} catch (error) {
  // an out/ built before bundle.ts existed: start it as it is
  if (!error || error.code !== 'MODULE_NOT_FOUND') throw error;
}
if (!started) require('../out/server/src/lsp/main.js').main(argv);
