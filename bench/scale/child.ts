/**
 * One size of the scale benchmark, in its own process: generate the month (not timed), then warm
 * up once and time `reps` runs of check + summary + warnings, each phase apart. Reports the medians
 * and the process's peak RSS, with the RSS after generating the inputs so the engine's share shows.
 */
import { checkWorkbooks } from '../../src/domain/check';
import { summarise, summarySheets } from '../../src/domain/summary';
import { reply } from '../lib/child';
import { monthData, runEngine } from '../lib/month-data';
import { cpuNow, median } from '../lib/stats';

export interface ScaleResult {
  zones: number;
  reps: number;
  checkMs: number;
  summaryMs: number;
  totalMs: number;
  /** median CPU ms (user + system) of check, of summary, of both */
  checkCpu: number;
  summaryCpu: number;
  totalCpu: number;
  findings: number;
  rated: number;
  warned: number;
  /** RSS once the inputs exist, before the first engine run (bytes) */
  inputRss: number;
  /** peak RSS of the process (bytes) */
  peakRss: number;
  heapUsedAfter: number;
}

export async function childMain(args: string[]): Promise<void> {
  const n = Number(args[0]);
  const reps = Number(args[1] ?? 3);
  const d = monthData(n);
  global.gc?.();
  const inputRss = process.memoryUsage().rss;
  // Warm-up, and the figures to report, taken at once so the result is not kept alive during the
  // timed runs (a second month's results on the heap would make every major GC slower than in use).
  const counts = (() => {
    const first = runEngine(d);
    return {
      findings: first.check.report.findings.length,
      rated: first.summary.zones.filter((z) => z.status === 'rated').length,
      warned: first.summary.zones.filter((z) => z.warning.level !== 'green' && z.warning.level !== 'gray').length,
    };
  })();
  const check: number[] = [];
  const summary: number[] = [];
  const total: number[] = [];
  const cCheck: number[] = [];
  const cSummary: number[] = [];
  const cTotal: number[] = [];
  for (let i = 0; i < reps; i++) {
    const u0 = cpuNow();
    const t0 = process.hrtime.bigint();
    const c = checkWorkbooks(d.inputs, { config: d.config, registerZones: d.zones, history: d.history });
    const t1 = process.hrtime.bigint();
    const u1 = cpuNow();
    const s = summarise({ report: c.report, register: c.register, history: c.history, config: d.config });
    summarySheets(s, d.config, 'zh');
    const t2 = process.hrtime.bigint();
    const u2 = cpuNow();
    check.push(Number(t1 - t0) / 1e6);
    summary.push(Number(t2 - t1) / 1e6);
    total.push(Number(t2 - t0) / 1e6);
    cCheck.push(u1 - u0);
    cSummary.push(u2 - u1);
    cTotal.push(u2 - u0);
  }
  const result: ScaleResult = {
    zones: n,
    reps,
    checkMs: median(check),
    summaryMs: median(summary),
    totalMs: median(total),
    checkCpu: median(cCheck),
    summaryCpu: median(cSummary),
    totalCpu: median(cTotal),
    ...counts,
    inputRss,
    peakRss: process.resourceUsage().maxRSS * 1024,
    heapUsedAfter: process.memoryUsage().heapUsed,
  };
  reply(result);
}
