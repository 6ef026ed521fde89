#!/usr/bin/env node
/**
 * `npm run bench`: runs every benchmark (bench/main.ts) and writes bench/results.md.
 * `node bench/run.js child <module> [args…]` runs one benchmark's child process (used by main.ts,
 * so a size measured for peak memory starts from an empty process).
 */
'use strict';
require('./ts-hook');
const args = process.argv.slice(2);
if (args[0] === 'child') {
  require(require('node:path').resolve(__dirname, args[1])).childMain(args.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  require('./main').main(args).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
