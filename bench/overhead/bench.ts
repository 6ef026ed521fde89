/**
 * Benchmark 2, overhead over reading: `zone-report check` of a folder of N zone workbooks against
 * only parsing the same files with exceljs. Goal: ≤ 1.3×, the engine costing far less than parsing.
 *
 * Measured two ways, each side in the same style as the other:
 * - in process, over the same bytes held in memory, alternating the two sides after a warm-up
 *   (the primary figure: no startup, no disk);
 * - as child processes over the folder on disk, startup included (the command as a user runs it:
 *   `node bin/zone-report.js check <folder>` against `node bench/overhead/read-only.js <folder>`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCliFresh } from '../lib/builds';
import { loadAverage } from '../lib/machine';
import { median, timeIt, timePair } from '../lib/stats';
import { writeFolder } from './files';
import { checkOnly, engine, formatOnly, guardOnly, openAll, readerOnly, readOnly } from './paths';

export interface OverheadResult {
  n: number;
  files: number;
  megabytes: number;
  reps: number;
  load: string;
  /** wall and CPU medians; `ratio` is engine ÷ reading on CPU time, `wallRatio` on wall time */
  inProcess: { readMs: number; engineMs: number; readCpu: number; engineCpu: number; ratio: number; wallRatio: number };
  /** each step of the engine side timed alone (CPU ms, medians) */
  steps: { guardMs: number; readerMs: number; checkMs: number; formatMs: number };
  child: { readMs: number; engineMs: number; ratio: number; reps: number; exitCode: number | null };
}

function timeProcess(args: string[]): { ms: number; status: number | null } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, status: r.status };
}

export async function overheadBench(n: number, reps: number, childReps: number): Promise<OverheadResult> {
  const dir = path.join(os.tmpdir(), `zr-bench-overhead-${n}`);
  const files = await writeFolder(dir, n);
  const megabytes = files.reduce((s, f) => s + f.bytes.byteLength, 0) / 2 ** 20;
  const load = loadAverage();

  const pair = await timePair(() => readOnly(files), () => engine(files), reps);
  // Each step alone, to say where the difference goes.
  const guard = await timeIt(() => guardOnly(files).length, reps);
  const passes = guardOnly(files);
  const reader = await timeIt(() => readerOnly(passes), reps);
  const inputs = await openAll(files);
  const check = await timeIt(() => checkOnly(inputs), reps);
  const format = await timeIt(formatOnly(inputs), reps);

  ensureCliFresh();
  const root = path.resolve(__dirname, '..', '..');
  const cli = [path.join(root, 'bin', 'zone-report.js'), 'check', dir];
  const ro = [path.join(__dirname, 'read-only.js'), dir];
  timeProcess(ro); // warm the page cache and the module cache of the disk
  let exitCode: number | null = null;
  const cr: number[] = [];
  const ce: number[] = [];
  for (let i = 0; i < childReps; i++) {
    cr.push(timeProcess(ro).ms);
    const e = timeProcess(cli);
    exitCode = e.status;
    ce.push(e.ms);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const childRead = median(cr);
  const childEngine = median(ce);
  return {
    n,
    files: files.length,
    megabytes,
    reps,
    load,
    inProcess: {
      readMs: pair.a.ms,
      engineMs: pair.b.ms,
      readCpu: pair.a.cpu,
      engineCpu: pair.b.cpu,
      ratio: pair.b.cpu / pair.a.cpu,
      wallRatio: pair.b.ms / pair.a.ms,
    },
    steps: { guardMs: guard.cpu, readerMs: reader.cpu, checkMs: check.cpu, formatMs: format.cpu },
    child: { readMs: childRead, engineMs: childEngine, ratio: childEngine / childRead, reps: childReps, exitCode },
  };
}
