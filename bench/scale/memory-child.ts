/**
 * The memory of one size of the scale benchmark, in its own fresh process: generate the month, then
 * one check + summary + warnings + output sheets, as `zone-report summary` does once. Reports the
 * peak RSS above the RSS the inputs take, and what the results keep (live heap once they are
 * built, after a full collection).
 *
 * Apart from the timed child (child.ts): there, the warm-up and every timed run leave their garbage
 * to the next, and V8 lets the old generation grow to about 4× what survived its last full
 * collection before it collects again, so the peak there measures the collector's slack over three
 * runs rather than what one run needs.
 */
import { reply } from '../lib/child';
import { monthData, runEngine } from '../lib/month-data';

export interface MemoryResult {
  zones: number;
  /** RSS once the inputs exist, after a full collection (bytes) */
  inputRss: number;
  /** live heap of the inputs (bytes, after a full collection) */
  inputHeap: number;
  /** peak RSS of the process over the run (bytes) */
  peakRss: number;
  /** heap used right after the run, garbage included (bytes) */
  endHeap: number;
  /** live heap once check and summary are done, their results kept (bytes, after a full collection) */
  resultHeap: number;
}

export async function childMain(args: string[]): Promise<void> {
  const n = Number(args[0]);
  const d = monthData(n);
  global.gc?.();
  const inputRss = process.memoryUsage().rss;
  const inputHeap = process.memoryUsage().heapUsed;
  const run = runEngine(d);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const endHeap = process.memoryUsage().heapUsed;
  global.gc?.();
  const resultHeap = process.memoryUsage().heapUsed;
  const result: MemoryResult = { zones: n, inputRss, inputHeap, peakRss, endHeap, resultHeap };
  reply(result);
  // the results stay reachable until the figures are taken
  if (run.outCells < 0) reply(run.summary.zones.length);
}
