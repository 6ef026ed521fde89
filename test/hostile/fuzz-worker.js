/* A worker_threads worker for the in-process harness: for each file it is sent, it does what
 * `zone-report check <file> --json` does for an input (loadCheckInputs from the compiled CLI, which
 * reads in its own reader thread with the time limit, then checkWorkbooks) and answers with the
 * outcome, the worker heap's size and any own keys that appeared on Object.prototype. The parent's
 * watchdog terminates it if one file takes too long. */
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');

const lib = (workerData && workerData.lib) || path.join(__dirname, '..', '..', 'lib');
const { loadCheckInputs } = require(path.join(lib, 'cli', 'load-inputs.js'));
const { checkWorkbooks } = require(path.join(lib, 'domain', 'check.js'));

const baseline = new Set(Reflect.ownKeys(Object.prototype).map(String));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zr-hostile-'));

async function runOne(msg) {
  const file = path.join(dir, msg.name.replace(/[^\w.\-]/g, '_'));
  fs.writeFileSync(file, msg.bytes);
  try {
    const loaded = await loadCheckInputs([file], {});
    if (loaded.fatal.length > 0) return { kind: 'exit', exitCode: 2, inputErrors: [], fatal: loaded.fatal };
    const res = checkWorkbooks(loaded.inputs, { config: loaded.config, registerZones: loaded.registerZones, history: loaded.history });
    const report = res.report;
    const inputErrors = report.files.map((f) => f.inputError).filter(Boolean);
    const exitCode = inputErrors.length > 0 ? 2 : report.totals.error > 0 ? 1 : 0;
    return { kind: 'exit', exitCode, inputErrors, files: report.files.length, findings: report.findings.length };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

parentPort.on('message', async (msg) => {
  let out;
  try {
    out = await runOne(msg);
  } catch (e) {
    out = { kind: 'crash', detail: String((e && e.stack) || e).slice(0, 500) };
  }
  const added = Reflect.ownKeys(Object.prototype).map(String).filter((k) => !baseline.has(k));
  for (const k of added) delete Object.prototype[k]; // keep later files' results independent
  const heapMb = v8.getHeapStatistics().used_heap_size / 1048576;
  parentPort.postMessage({ id: msg.id, ...out, protoAdded: added, heapMb });
});
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
