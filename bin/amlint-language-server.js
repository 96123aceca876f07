#!/usr/bin/env node
'use strict';
require('../out/server/src/lsp/main.js').main(process.argv.slice(2));
