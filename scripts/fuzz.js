#!/usr/bin/env node
/* On-demand mutation fuzzing (20,000 cases and more) of the command line's input handling:
 *   node scripts/fuzz.js --cases 20000 --seed 1 [--lanes 2] [--no-found]
 * Builds lib/ if needed, runs test/hostile/fuzz-run.ts (TypeScript compiled on the fly with the
 * project's own `typescript`, transpile only), prints the figures; exit 1 when any case failed. */
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const cases = arg('--cases', 20000);
  const seed = arg('--seed', 1);
  const lanes = arg('--lanes', 1);
  const { ensureBuilt } = require('../test/hostile/harness.ts');
  const { runFuzz } = require('../test/hostile/fuzz-run.ts');
  ensureBuilt();
  const started = Date.now();
  const stats = await runFuzz({
    cases,
    seed,
    lanes,
    foundDir: process.argv.includes('--no-found') ? null : undefined,
    log: (l) => process.stderr.write(l + '\n'),
  });
  const { failures, ...figures } = stats;
  console.log(JSON.stringify({ seed, seconds: Math.round((Date.now() - started) / 1000), ...figures, failing: failures.length }, null, 2));
  for (const f of failures.slice(0, 50)) console.log(`${f.name}: ${f.problems.join('; ')}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
