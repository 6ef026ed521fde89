#!/usr/bin/env node
// Entry point of the `zone-report` command line (compiled from src/cli by `npm run build:cli`).
require('../lib/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
