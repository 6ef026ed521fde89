/**
 * Quartiles as Excel's QUARTILE.INC (= PERCENTILE.INC) computes them, which is what a bureau checks
 * V-PEER against by hand: position h = (n − 1)·p in the sorted values, interpolated linearly.
 */
export function quartileInc(values: number[], p: number): number {
  if (values.length === 0) throw new RangeError('no values');
  const xs = [...values].sort((a, b) => a - b);
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo] + (h - lo) * (xs[hi] - xs[lo]);
}

/** The fence [P25 − k·IQR, P75 + k·IQR]. */
export function tukeyFence(values: number[], k: number): { lo: number; hi: number; q1: number; q3: number } {
  const q1 = quartileInc(values, 0.25);
  const q3 = quartileInc(values, 0.75);
  const iqr = q3 - q1;
  return { lo: q1 - k * iqr, hi: q3 + k * iqr, q1, q3 };
}
