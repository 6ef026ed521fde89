/**
 * Benchmark 1, scale: check + summary + warnings of 10, 100, 1,000 and 5,000 generated zones, each
 * size in a fresh child process (scale/child.ts) so its peak RSS is its own. The growth per size
 * step is given as the exponent k of time ∝ zonesᵏ (1 = linear; near-linear when k ≤ 1.15), on CPU
 * time: the sizes run minutes apart on a shared machine, so their wall times are not comparable.
 * Each size's memory is also taken from one run alone, in a fresh process (memory-child.ts).
 */
import { runChild } from '../lib/child';
import { loadAverage } from '../lib/machine';
import type { ScaleResult } from './child';
import type { MemoryResult } from './memory-child';

export interface ScaleRow extends ScaleResult {
  load: string;
  /** exponent against the previous size (null for the first) */
  k: number | null;
  /** time factor per 10× zones implied by k */
  per10x: number | null;
  /** one run in a fresh process (memory-child.ts); absent in results from before it was measured */
  memory?: MemoryResult;
}

/** Peak memory above the inputs, per zone, that one check + summary of 5,000 zones may take (issue 15). */
export const MEMORY_TARGET_KB = 60;

export const NEAR_LINEAR_K = 1.15;

export async function scaleBench(sizes: [zones: number, reps: number][]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const [n, reps] of sizes) {
    const load = loadAverage();
    // --expose-gc: the child collects before reading the RSS its inputs take
    const r = await runChild<ScaleResult>('scale/child', [String(n), String(reps)], ['--expose-gc']);
    // the memory of one run, in a process of its own: the timed runs above leave their garbage to
    // each other, so their peak says more about the collector's slack than about one run
    const memory = await runChild<MemoryResult>('scale/memory-child', [String(n)], ['--expose-gc']);
    const prev = rows[rows.length - 1];
    const k = prev ? Math.log(r.totalCpu / prev.totalCpu) / Math.log(n / prev.zones) : null;
    rows.push({ ...r, load, k, per10x: k === null ? null : 10 ** k, memory });
  }
  return rows;
}
