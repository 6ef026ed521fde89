/**
 * A require hook that runs the TypeScript benchmarks (and the src/ and test/ modules they import)
 * without ts-node and without a build step: each .ts/.tsx file is transpiled with TypeScript's
 * transpileModule (type-checking is `npm run typecheck`'s job: tsconfig.json includes bench/).
 *
 * Why a cache: the scale benchmark runs each size in a child process and reads its peak RSS. Loading
 * the TypeScript compiler there would add ~100 MB to that peak, so transpiled files are cached in
 * node_modules/.cache/zone-report-bench (ignored with node_modules) and `typescript` is required only on a cache miss. Files keep
 * their own paths, so __dirname-relative code (test/e2e/harness.ts's ROOT) sees the real layout.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'zone-report-bench');
let ts = null;
let options = null;

function compilerOptions() {
  // lazily: only a cache miss needs the compiler
  ts ??= require('typescript');
  if (!options) {
    const cfg = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, ROOT);
    options = { ...parsed.options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: true, noEmit: false };
  }
  return options;
}

function compile(source, file) {
  const key = crypto.createHash('sha1').update(file).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE, key + '.js');
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const opts = compilerOptions(); // loads ts first
    const js = ts.transpileModule(source, { compilerOptions: opts, fileName: file }).outputText;
    fs.mkdirSync(CACHE, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, js);
    fs.renameSync(tmp, cached); // atomic: parallel children never read half a file
    return js;
  }
}

for (const ext of ['.ts', '.tsx']) {
  require.extensions[ext] = function (module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    module._compile(compile(source, filename), filename);
  };
}
