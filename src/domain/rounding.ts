/**
 * Rounding as Excel's ROUND does it: half away from zero, on the 15-significant-digit decimal
 * Excel works with, so binary noise never decides a shown figure (ROUND(1.005, 2) is 1.01 although
 * the double 1.005 is 1.00499999999999989...). Also exact rounding of a rational (BigInt), used where
 * a figure can be computed exactly from decimal inputs.
 *
 * Fast paths (decimal-form.ts) read most figures from String(x) and do the integer work in doubles
 * where it is exact; each falls back to the 15-significant-digit BigInt reading otherwise, and
 * rounding-fast.test.ts checks them against that reading.
 */
import { POW10, scaledNumber, shortForm } from './decimal-form';

/** The digits and decimal-point position of a finite positive number's 15-significant-digit form. */
function decimalDigits(abs: number): { digits: string; point: number } {
  // toPrecision(15) gives "1.00500000000000", "0.0500000000000000" or "1.23000000000000e+21"
  const [mant, expPart] = abs.toPrecision(15).split('e');
  const exp = expPart === undefined ? 0 : Number(expPart);
  const dot = mant.indexOf('.');
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const point = (dot < 0 ? mant.length : dot) + exp;
  // value = 0.digits × 10^point
  return { digits, point };
}

/**
 * Round x to `decimals` decimal places (negative: to tens, hundreds...), half away from zero, as
 * Excel ROUND. Non-finite values are returned unchanged; never returns -0.
 */
export function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  if (!Number.isInteger(decimals)) throw new RangeError('decimals must be an integer');
  const neg = x < 0;
  const scaled = roundScaled(neg ? -x : x, decimals);
  if (scaled !== null) return scaled === 0 ? 0 : neg ? -scaled : scaled;
  const fast = roundShort(neg ? -x : x, decimals);
  if (fast !== null) return fast === 0 ? 0 : neg ? -fast : fast;
  const { digits, point } = decimalDigits(Math.abs(x));
  const keep = point + decimals; // how many leading digits survive
  let result: number;
  if (keep >= digits.length) {
    result = Number(Math.abs(x).toPrecision(15)); // nothing beyond the kept digits
  } else if (keep < 0) {
    result = 0;
  } else {
    let kept = BigInt(keep === 0 ? '0' : digits.slice(0, keep));
    if (digits.charCodeAt(keep) >= 53 /* '5' */) kept += 1n; // at or above one half: away from zero
    result = Number(`${kept}e${-decimals}`);
  }
  if (result === 0) return 0;
  return neg ? -result : result;
}

/**
 * roundHalfAway of a positive figure without reading its digits, when the answer cannot depend on
 * them; null otherwise (then roundShort or the 15-digit reading decides).
 * Why it is the same answer: the 15-significant-digit decimal D of abs is within 5e-15·abs of it,
 * and t = abs × 10^d (10^d exact, one rounding) within 1.2e-16·t of abs × 10^d, so D × 10^d is within
 * 6e-15·t of t. Half away from zero keeps floor(D × 10^d + 1/2); when t's fraction is further than
 * 1e-13·t from one half (and t < 2^52, so the fraction t − floor(t) is exact), that is the integer
 * nearest to t, whichever side of it D lies. kept / 10^d is then one correctly rounded division of
 * exact operands, as in roundShort. A figure just at a half (2.25, 3.2499999999999933) goes on to the
 * digit reading, which alone can tell.
 */
function roundScaled(abs: number, decimals: number): number | null {
  if (decimals < 0 || decimals > 22) return null;
  const p = POW10[decimals];
  const t = abs * p;
  if (!(t < 4e15)) return null;
  const f = Math.floor(t);
  const frac = t - f;
  const off = frac - 0.5;
  if ((off < 0 ? -off : off) <= 1e-13 * t + 1e-300) return null;
  const kept = off > 0 ? f + 1 : f;
  return kept === 0 ? 0 : kept / p;
}

/**
 * roundHalfAway of a positive figure whose shortest form has at most 15 digits; null otherwise.
 * Why: the 15-digit form is then the shortest form padded with zeros (decimal-form.ts), so the kept
 * digits are at most 14 and exact in a double, and kept / 10^d (or × 10^-d) is one correctly rounded
 * operation on exact operands: the same double as parsing `${kept}e${-d}`.
 */
function roundShort(abs: number, decimals: number): number | null {
  const f = shortForm(abs);
  if (f === null) return null;
  const keep = f.point + decimals;
  if (keep >= f.sig.length) return abs; // nothing beyond the kept digits; the padded form reads back as abs
  if (keep < 0) return 0;
  let kept = keep === 0 ? 0 : Number(f.sig.slice(0, keep));
  if (f.sig.charCodeAt(keep) >= 53 /* '5' */) kept += 1;
  if (decimals >= 0 && decimals <= 22) return kept / POW10[decimals];
  if (decimals < 0 && decimals >= -22) return kept * POW10[-decimals];
  return Number(`${kept}e${-decimals}`);
}

/**
 * Exact rounding of num / den to `decimals` places, half away from zero (den ≠ 0).
 * Returns the rounded figure as a number (the nearest double to the exact decimal).
 */
export function roundRationalHalfAway(num: bigint, den: bigint, decimals: number): number {
  if (den === 0n) throw new RangeError('division by zero');
  const neg = (num < 0n) !== (den < 0n) && num !== 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  let scaledNum = n;
  let scaledDen = d;
  if (decimals >= 0) scaledNum *= 10n ** BigInt(decimals);
  else scaledDen *= 10n ** BigInt(-decimals);
  // floor(n / d + 1/2) = floor((2n + d) / 2d)
  const q = (2n * scaledNum + scaledDen) / (2n * scaledDen);
  if (q === 0n) return 0;
  const r = Number(`${q}e${-decimals}`);
  return neg ? -r : r;
}

/** Number of decimals of a figure as written (shortest form, at 15 significant digits). */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  // Why: an integer has no decimals at 15 digits either (its point is at or beyond its 15th digit),
  // and a short form's decimals are its fraction digits (decimal-form.ts).
  if (Number.isInteger(x)) return 0;
  const f = shortForm(Math.abs(x));
  if (f !== null) return f.frac.length;
  const { digits, point } = decimalDigits(Math.abs(x));
  const significant = digits.replace(/0+$/, '');
  return Math.max(0, significant.length - point);
}

/**
 * A finite number as an exact scaled integer: x = int / 10^scale, read from its 15-significant-digit
 * decimal form (so 100.05 is 10005 / 10^2, not the binary approximation).
 */
export function toScaled(x: number): { int: bigint; scale: number } {
  if (x === 0) return { int: 0n, scale: 0 };
  // Why: most figures are short decimals; their scaled form comes from String(x) (decimal-form.ts).
  const fast = scaledNumber(x);
  if (fast !== null) return { int: BigInt(fast.int), scale: fast.scale };
  const { digits, point } = decimalDigits(Math.abs(x));
  const significant = digits.replace(/0+$/, '') || '0';
  const scale = significant.length - point;
  let int: bigint;
  let s: number;
  if (scale >= 0) {
    int = BigInt(significant);
    s = scale;
  } else {
    int = BigInt(significant) * 10n ** BigInt(-scale);
    s = 0;
  }
  return { int: x < 0 ? -int : int, scale: s };
}

/** A scaled integer back to the nearest double. */
function fromScaled(int: bigint, scale: number): number {
  if (int === 0n) return 0;
  return Number(`${int}e${-scale}`);
}

/**
 * Sum of figures done in decimal (each read at 15 significant digits): 0.1 + 0.2 is 0.3. A figure
 * that is not finite (a growth overflowing from a cell holding 1e308) has no decimal form: the sum
 * is then the doubles' own (±Infinity or NaN), never an exception.
 */
export function decimalSum(values: readonly number[]): number {
  if (!values.every(Number.isFinite)) return values.reduce((a, b) => a + b, 0);
  const fast = sumShort(values);
  if (fast !== null) return fast;
  const scaled = values.map(toScaled);
  const scale = Math.max(0, ...scaled.map((s) => s.scale));
  let total = 0n;
  for (const s of scaled) total += s.int * 10n ** BigInt(scale - s.scale);
  return fromScaled(total, scale);
}

/**
 * decimalSum in doubles, or null when a figure is not short or an intermediate not a safe integer.
 * Why: the scaled integers and their sum are exact while safe, and total / 10^scale is one correctly
 * rounded division of exact operands: the same double as parsing `${total}e${-scale}`.
 */
export function sumShort(values: readonly number[]): number | null {
  let total = 0;
  let scale = 0;
  for (const v of values) {
    const s = scaledNumber(v);
    if (s === null) return null;
    let int = s.int;
    if (s.scale > scale) {
      total *= POW10[s.scale - scale];
      scale = s.scale;
    } else int *= POW10[scale - s.scale];
    // a product beyond 2^53 may be inexact, and a later addition could bring it back into range
    if (!Number.isSafeInteger(total) || !Number.isSafeInteger(int)) return null;
    total += int;
    if (!Number.isSafeInteger(total)) return null;
  }
  return total === 0 ? 0 : total / POW10[scale];
}

/** a − b done in decimal: 11000.45 − 11000.4 is exactly 0.05, not 0.0500000000010914. */
export function decimalSub(a: number, b: number): number {
  return decimalSum([a, -b]);
}
