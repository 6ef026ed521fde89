/* Runs the real command line in this process as bin/zone-report.js does (`main(argv)`, exit code from
 * its result), over the compiled CLI in HOSTILE_LIB (default lib/), and on exit writes what the harness cannot see from outside to the file named by
 * HOSTILE_STATS: peak memory (maxRSS) and any own keys that appeared on Object.prototype. */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const before = new Set(Reflect.ownKeys(Object.prototype).map(String));
const statsFile = process.env.HOSTILE_STATS;
process.on('exit', (code) => {
  const added = Reflect.ownKeys(Object.prototype).map(String).filter((k) => !before.has(k));
  const stats = { exitCode: code, maxRssKb: process.resourceUsage().maxRSS, protoAdded: added };
  if (statsFile) fs.writeFileSync(statsFile, JSON.stringify(stats));
});
const lib = process.env.HOSTILE_LIB || path.join(__dirname, '..', '..', 'lib');
// the same line as bin/zone-report.js
require(path.join(lib, 'cli', 'main.js')).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
