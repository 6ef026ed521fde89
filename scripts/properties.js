#!/usr/bin/env node
/**
 * Runs the property tests of test/properties/ with many runs each (default 10,000; CI runs them
 * with 100 inside `npm test`):
 *   node scripts/properties.js                 10,000 runs per property
 *   ZR_PROPERTY_RUNS=500 node scripts/properties.js
 *   ZR_PROPERTY_SEED=123 node scripts/properties.js   replay a reported counterexample
 * Extra arguments narrow the files (name patterns under test/properties/). Exit code is jest's.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const runs = process.env.ZR_PROPERTY_RUNS || '10000';
const jest = require.resolve('jest/bin/jest', { paths: [root] });
// jest ORs its path patterns: narrow "test/properties" by each extra pattern instead of adding to it
const extra = process.argv.slice(2);
const patterns = extra.length > 0 ? extra.map((p) => `test/properties/.*${p}`) : ['test/properties/'];
const args = [jest, '--runInBand', ...patterns];
process.stdout.write(`property tests: ${runs} runs per property\n`);
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ZR_PROPERTY_RUNS: runs } });
process.exit(r.status === null ? 1 : r.status);
