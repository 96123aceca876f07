#!/usr/bin/env node
'use strict';
// The bundled server (dist/server.js, with its V8 code cache) starts faster; out/ when the bundle
// is missing or older than the tsc output (server/src/lsp/bundle.ts).
if (!require('../out/server/src/lsp/bundle.js').startBundledServer()) {
  require('../out/server/src/lsp/main.js').main(process.argv.slice(2));
}
