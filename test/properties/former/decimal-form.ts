/**
 * The decimal a figure was typed as, read cheaply from JavaScript's shortest round-trip form
 * (String(x)) instead of toPrecision(15) and string surgery. rounding.ts uses it as a fast path and
 * keeps its 15-significant-digit reading for every figure this module declines (returns null for).
 *
 * Why this is the same reading: when the shortest form of a double has at most 15 significant
 * digits, it is a decimal of at most 15 digits that converts to that double, and every such decimal
 * survives double → 15-digit decimal unchanged (DBL_DIG = 15, for doubles ≥ 1e-7 as here). So
 * toPrecision(15) is the shortest form padded with zeros. Longer shortest forms (0.1 + 0.2), the
 * exponent forms (below 1e-7, from 1e21) and non-finite values are declined.
 */

/** Exact powers of ten as doubles (10^22 is the largest that is exact). */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** A positive figure's shortest form split at the point: value = int.frac (int may be "0"). */
export interface ShortForm {
  /** the digits before the point, "0" below 1 */
  int: string;
  /** the digits after the point, without trailing zeros; "" for an integer */
  frac: string;
  /** significant digits: no leading zeros, no trailing zeros */
  sig: string;
  /** value = 0.sig × 10^point */
  point: number;
}

/** The shortest form of a finite positive number when it has at most 15 significant digits, else null. */
export function shortForm(abs: number): ShortForm | null {
  const s = String(abs);
  const dot = s.indexOf('.');
  if (dot < 0) {
    // an integer (or "1e+21", "Infinity", "NaN": declined by the digit check below)
    let end = s.length;
    while (end > 0 && s.charCodeAt(end - 1) === 48 /* '0' */) end--;
    if (end > 15 || !allDigits(s)) return null;
    return { int: s, frac: '', sig: s.slice(0, end), point: s.length };
  }
  const int = s.slice(0, dot);
  const frac = s.slice(dot + 1);
  if (!allDigits(frac)) return null; // "1.5e-7", "1.5e+21"
  if (int !== '0') {
    if (int.length + frac.length > 15) return null;
    return { int, frac, sig: int + frac, point: int.length };
  }
  let lead = 0;
  while (frac.charCodeAt(lead) === 48) lead++;
  if (frac.length - lead > 15) return null;
  return { int, frac, sig: frac.slice(lead), point: -lead };
}

/**
 * A finite number as x = int / 10^scale with `int` a safe integer, read as shortForm reads it
 * (the same figures as rounding.ts toScaled); null where shortForm declines or `int` would not be exact.
 */
export function scaledNumber(x: number): { int: number; scale: number } | null {
  if (x === 0) return { int: 0, scale: 0 };
  const abs = x < 0 ? -x : x;
  // Why: an integer below 10^15 is its own scaled form; no string is needed.
  if (abs < 1e15 && Number.isInteger(abs)) return { int: x, scale: 0 };
  const f = shortForm(abs);
  if (f === null || f.frac === '' || f.frac.length > 22) return null;
  const int = Number(f.sig); // at most 15 digits: exact
  return { int: x < 0 ? -int : int, scale: f.frac.length };
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
