/** Exact sums of decimal figures (Σ 0.1 + 0.2 is 0.3, not 0.30000000000000004), for 合计 rows. */
import { toScaled } from '../rounding';

export function exactSum(values: number[]): number {
  if (values.length === 0) return 0;
  const parts = values.map(toScaled);
  const scale = Math.max(...parts.map((p) => p.scale));
  let total = 0n;
  for (const p of parts) total += p.int * 10n ** BigInt(scale - p.scale);
  const r = Number(`${total}e${-scale}`);
  return r === 0 ? 0 : r;
}
