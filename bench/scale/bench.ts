/**
 * Benchmark 1, scale: check + summary + warnings of 10, 100, 1,000 and 5,000 generated zones, each
 * size in a fresh child process (scale/child.ts) so its peak RSS is its own. The growth per size
 * step is given as the exponent k of time ∝ zonesᵏ (1 = linear; near-linear when k ≤ 1.15), on CPU
 * time: the sizes run minutes apart on a shared machine, so their wall times are not comparable.
 */
import { runChild } from '../lib/child';
import { loadAverage } from '../lib/machine';
import type { ScaleResult } from './child';

export interface ScaleRow extends ScaleResult {
  load: string;
  /** exponent against the previous size (null for the first) */
  k: number | null;
  /** time factor per 10× zones implied by k */
  per10x: number | null;
}

export const NEAR_LINEAR_K = 1.15;

export async function scaleBench(sizes: [zones: number, reps: number][]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const [n, reps] of sizes) {
    const load = loadAverage();
    // --expose-gc: the child collects before reading the RSS its inputs take
    const r = await runChild<ScaleResult>('scale/child', [String(n), String(reps)], ['--expose-gc']);
    const prev = rows[rows.length - 1];
    const k = prev ? Math.log(r.totalCpu / prev.totalCpu) / Math.log(n / prev.zones) : null;
    rows.push({ ...r, load, k, per10x: k === null ? null : 10 ** k });
  }
  return rows;
}
