/**
 * Runs hostile files through what the command line does and judges the outcome.
 *  - runCli: spawns the command line `check <file> --json` (cli-wrapper.js: bin/zone-report.js's one
 *    line over the compiled CLI, plus peak memory and Object.prototype checks) with a 10 s watchdog
 *    and a 512 MB heap: the truest test.
 *  - WorkerHarness: for volume, worker_threads workers (512 MB heap limit) each running many files
 *    through the compiled CLI's input loading and checkWorkbooks; a watchdog terminates a worker that
 *    spends more than 10 s on one file and starts a fresh one.
 *  - judge: the criteria every outcome must meet.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { INPUT_ERROR_CODES, isInputErrorCode, messageOf } from '../../src/xlsx/guard/codes';
import { FORMAT_NAMES } from '../../src/xlsx/open/formats';

export const ROOT = path.join(__dirname, '..', '..');
export const PER_FILE_LIMIT_MS = 10_000;
export const HEAP_LIMIT_MB = 512;

export interface InputErrorLike {
  code: string;
  message: { zh: string; en: string };
}

export interface Outcome {
  kind: 'exit' | 'crash' | 'hang' | 'oom';
  exitCode?: number;
  inputErrors: InputErrorLike[];
  /** files in the report (1 expected) */
  files?: number;
  protoAdded: string[];
  /** peak RSS of the spawned process, or the worker's heap after the file */
  memMb?: number;
  ms: number;
  detail?: string;
}

// ---------------------------------------------------------------- build

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The compiled command line the harness runs: tsconfig.cli.json (what `npm run build:cli` compiles)
 * built into a private folder, because other developers rebuild lib/ at any moment and a half-written
 * lib/ would look like a crash.
 */
export const BUILD_DIR = path.join(ROOT, 'test-output', 'hostile-lib');

/** Builds BUILD_DIR when its cli/main.js is missing or older than src; one builder at a time. */
export function ensureBuilt(): void {
  const main = path.join(BUILD_DIR, 'cli', 'main.js');
  const src = Math.max(...['cli', 'domain', 'xlsx'].map((d) => newestMtime(path.join(ROOT, 'src', d))));
  const fresh = (): boolean => fs.existsSync(main) && fs.statSync(main).mtimeMs >= src;
  if (fresh()) return;
  const lock = path.join(os.tmpdir(), 'zone-report-hostile-build.lock');
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('build lock held too long: ' + lock);
      spawnSync('sleep', ['1']);
    }
  }
  try {
    if (!fresh()) {
      // tsc emits even when someone's in-progress file has a type error: that is fine here
      const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json', '--outDir', BUILD_DIR], { cwd: ROOT, stdio: 'ignore' });
      if (fs.existsSync(main)) fs.utimesSync(main, new Date(), new Date());
    }
  } finally {
    fs.rmdirSync(lock);
  }
  if (!fs.existsSync(main)) throw new Error('building tsconfig.cli.json did not produce cli/main.js');
}

// ---------------------------------------------------------------- spawn

/** Runs the real command line on one file. */
export function runCli(bytes: Uint8Array, name: string, dir: string): Promise<Outcome> {
  const file = path.join(dir, name);
  const stats = file + '.stats.json';
  fs.writeFileSync(file, bytes);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_LIMIT_MB}`, path.join(__dirname, 'cli-wrapper.js'), 'check', file, '--json'], {
      cwd: dir,
      env: { ...process.env, HOSTILE_STATS: stats, HOSTILE_LIB: BUILD_DIR, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out.length < 4_000_000 ? (out += d.toString('utf8')) : undefined));
    child.stderr.on('data', (d: Buffer) => (err.length < 20_000 ? (err += d.toString('utf8')) : undefined));
    let hung = false;
    const watchdog = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, PER_FILE_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      const ms = Date.now() - started;
      let s: { maxRssKb?: number; protoAdded?: string[] } = {};
      try {
        s = JSON.parse(fs.readFileSync(stats, 'utf8')) as typeof s;
      } catch {
        // no stats: the process died before its exit handler ran
      }
      fs.rmSync(stats, { force: true });
      fs.rmSync(file, { force: true });
      const base = { protoAdded: s.protoAdded ?? [], memMb: s.maxRssKb === undefined ? undefined : s.maxRssKb / 1024, ms };
      if (hung) return resolve({ kind: 'hang', inputErrors: [], ...base });
      if (code === null || /out of memory|heap limit/i.test(err)) {
        return resolve({ kind: /out of memory|heap limit/i.test(err) ? 'oom' : 'crash', inputErrors: [], ...base, detail: `signal ${signal} ${err.slice(-400)}` });
      }
      let report: { files?: Array<{ inputError: InputErrorLike | null }> } = {};
      try {
        report = JSON.parse(out) as typeof report;
      } catch {
        return resolve({ kind: 'crash', exitCode: code, inputErrors: [], ...base, detail: 'stdout is not JSON: ' + err.slice(-400) });
      }
      const inputErrors = (report.files ?? []).map((f) => f.inputError).filter((e): e is InputErrorLike => e !== null && e !== undefined);
      resolve({ kind: 'exit', exitCode: code, inputErrors, files: report.files?.length, ...base, detail: err ? err.slice(-400) : undefined });
    });
  });
}

// ---------------------------------------------------------------- workers

interface WorkerAnswer {
  id: number;
  kind: 'exit' | 'crash';
  exitCode?: number;
  inputErrors?: InputErrorLike[];
  files?: number;
  protoAdded: string[];
  heapMb: number;
  detail?: string;
}

/** One worker thread with a watchdog; replaced after a hang, an OOM or a crash. */
class Lane {
  private worker: Worker | null = null;

  private spawnWorker(): Worker {
    const w = new Worker(path.join(__dirname, 'fuzz-worker.js'), { workerData: { lib: BUILD_DIR }, resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB }, stdout: true, stderr: true });
    w.unref();
    return w;
  }


  run(bytes: Uint8Array, name: string, id: number): Promise<Outcome> {
    const w = this.worker ?? (this.worker = this.spawnWorker());
    const started = Date.now();
    return new Promise((resolve) => {
      let done = false;
      const finish = (o: Outcome, kill: boolean): void => {
        if (done) return;
        done = true;
        clearTimeout(watchdog);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          void w.terminate();
          this.worker = null;
        }
        resolve(o);
      };
      const onMessage = (a: WorkerAnswer): void => {
        if (a.id !== id) return;
        const base = { protoAdded: a.protoAdded, memMb: a.heapMb, ms: Date.now() - started };
        if (a.kind === 'crash') finish({ kind: 'crash', inputErrors: [], ...base, detail: a.detail }, true);
        else finish({ kind: 'exit', exitCode: a.exitCode, inputErrors: a.inputErrors ?? [], files: a.files, ...base }, false);
      };
      const onError = (e: Error & { code?: string }): void => {
        const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY';
        finish({ kind: oom ? 'oom' : 'crash', inputErrors: [], protoAdded: [], ms: Date.now() - started, detail: String(e.stack ?? e).slice(0, 500) }, true);
      };
      const onExit = (): void => finish({ kind: 'crash', inputErrors: [], protoAdded: [], ms: Date.now() - started, detail: 'worker exited' }, true);
      const watchdog = setTimeout(() => finish({ kind: 'hang', inputErrors: [], protoAdded: [], ms: Date.now() - started }, true), PER_FILE_LIMIT_MS);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, name, bytes });
    });
  }

  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
    this.worker = null;
  }
}

export interface WorkerRunOptions {
  lanes?: number;
  onResult?: (index: number, o: Outcome) => void;
}

/** Runs many files through worker lanes; results in input order. */
export async function runInWorkers(files: Array<{ name: string; bytes: Uint8Array }>, opts: WorkerRunOptions = {}): Promise<Outcome[]> {
  const { lanes = 1, onResult } = opts;
  const pool = Array.from({ length: lanes }, () => new Lane());
  const results: Outcome[] = new Array<Outcome>(files.length);
  let next = 0;
  await Promise.all(
    pool.map(async (lane) => {
      while (next < files.length) {
        const i = next++;
        results[i] = await lane.run(files[i].bytes, files[i].name, i);
        onResult?.(i, results[i]);
      }
      await lane.close();
    }),
  );
  return results;
}

// ---------------------------------------------------------------- criteria

const CLOSED_CODES: ReadonlySet<string> = new Set<string>(INPUT_ERROR_CODES);

/** Text a message may hold whatever the file: every code's message and every format's name (the prefix of a refusal). */
const KNOWN_TEXT = [
  ...INPUT_ERROR_CODES.map(messageOf).flatMap((m) => [m.zh, m.en]),
  ...Object.values(FORMAT_NAMES).flatMap((m) => [m.zh, m.en]),
].join('\n');

/** Text a message must not quote: the file's bytes read as UTF-8 and as Latin-1. */
function leaks(message: string, bytes: Uint8Array): string | null {
  const asUtf8 = Buffer.from(bytes).toString('utf8');
  const asLatin1 = Buffer.from(bytes).toString('latin1');
  for (let i = 0; i + 9 <= message.length; i++) {
    const w = message.slice(i, i + 9);
    if ((asUtf8.includes(w) || asLatin1.includes(w)) && !KNOWN_TEXT.includes(w)) return w;
  }
  return null;
}

export interface Expectation {
  expect?: 'input-error' | 'findings' | 'either';
}

/** Every way this outcome breaks the rules; empty when it is acceptable. */
export function judge(bytes: Uint8Array, o: Outcome, e: Expectation = {}): string[] {
  const bad: string[] = [];
  if (o.kind !== 'exit') return [`${o.kind}${o.detail ? ': ' + o.detail.slice(0, 300) : ''}`];
  if (o.exitCode === undefined || ![0, 1, 2].includes(o.exitCode)) bad.push(`exit code ${String(o.exitCode)}`);
  if (o.ms > PER_FILE_LIMIT_MS) bad.push(`took ${o.ms} ms`);
  if (o.memMb !== undefined && o.memMb > HEAP_LIMIT_MB) bad.push(`memory ${o.memMb.toFixed(0)} MB`);
  if (o.protoAdded.length > 0) bad.push(`Object.prototype gained ${o.protoAdded.join(',')}`);
  if (o.files !== undefined && o.files !== 1) bad.push(`${o.files} file results for one file`);
  if (o.inputErrors.length > 1) bad.push(`${o.inputErrors.length} input errors`);
  for (const err of o.inputErrors) {
    if (!CLOSED_CODES.has(err.code) || !isInputErrorCode(err.code)) bad.push(`code ${err.code} not in the closed lists`);
    if (!err.message?.zh || !err.message?.en) bad.push(`code ${err.code} without both messages`);
    for (const m of [err.message?.zh ?? '', err.message?.en ?? '']) {
      const leak = leaks(m, bytes);
      if (leak !== null) bad.push(`message quotes file content: ${JSON.stringify(leak)}`);
    }
  }
  if (o.inputErrors.length === 1 && o.exitCode !== 2) bad.push(`input error but exit ${String(o.exitCode)}`);
  if (o.inputErrors.length === 0 && o.exitCode === 2) bad.push('exit 2 without an input error');
  if (e.expect === 'input-error' && o.inputErrors.length !== 1) bad.push('expected an input error, got findings');
  if (e.expect === 'findings' && o.inputErrors.length !== 0) bad.push(`expected findings, got ${o.inputErrors[0].code}`);
  return bad;
}
