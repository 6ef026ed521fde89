/**
 * Number formatting for finding messages: thousands separators and the decimals a clerk typed
 * ("12,345.0", "1,234.5678"), counts as integers ("12"), growth to one decimal.
 * Deterministic (no locale lookup), so zh and en messages show the same figures.
 */
import { decimalsOf, roundHalfAway } from '../rounding';

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A number with thousands separators and exactly `decimals` decimals (rounded as Excel ROUND). */
export function fmtFixed(x: number, decimals: number): string {
  const s = roundHalfAway(x, decimals).toFixed(decimals);
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [i, f] = body.split('.');
  const out = group(i) + (f !== undefined ? '.' + f : '');
  return neg && /[1-9]/.test(out) ? '-' + out : out;
}

/**
 * A figure as a message shows it: counts (个) without decimals unless they have some; other figures
 * with at least one decimal and as many as they carry (up to 6).
 */
export function fmtNum(x: number, unit?: string | null): string {
  const d = decimalsOf(x);
  if (unit === '个') return fmtFixed(x, Math.min(d, 6));
  return fmtFixed(x, Math.min(Math.max(1, d), 6));
}

/** A growth or percentage to one decimal: "13.3". */
export function fmtOne(x: number): string {
  return fmtFixed(x, 1);
}
