/**
 * The fast paths of rounding.ts (decimal-form.ts) against the implementation they replace, kept
 * here verbatim as the reference: same results bit for bit (Object.is, so -0 counts), same throws.
 */
import fc from 'fast-check';
import { decimalSub, decimalSum, decimalsOf, roundHalfAway, toScaled } from './rounding';

// ---------------------------------------------------------------- reference (before the fast paths)

function refDecimalDigits(abs: number): { digits: string; point: number } {
  const [mant, expPart] = abs.toPrecision(15).split('e');
  const exp = expPart === undefined ? 0 : Number(expPart);
  const dot = mant.indexOf('.');
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const point = (dot < 0 ? mant.length : dot) + exp;
  return { digits, point };
}

function refRoundHalfAway(x: number, decimals: number): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  if (!Number.isInteger(decimals)) throw new RangeError('decimals must be an integer');
  const neg = x < 0;
  const { digits, point } = refDecimalDigits(Math.abs(x));
  const keep = point + decimals;
  let result: number;
  if (keep >= digits.length) {
    result = Number(Math.abs(x).toPrecision(15));
  } else if (keep < 0) {
    result = 0;
  } else {
    let kept = BigInt(keep === 0 ? '0' : digits.slice(0, keep));
    if (digits.charCodeAt(keep) >= 53) kept += 1n;
    result = Number(`${kept}e${-decimals}`);
  }
  if (result === 0) return 0;
  return neg ? -result : result;
}

function refDecimalsOf(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const { digits, point } = refDecimalDigits(Math.abs(x));
  const significant = digits.replace(/0+$/, '');
  return Math.max(0, significant.length - point);
}

function refToScaled(x: number): { int: bigint; scale: number } {
  if (x === 0) return { int: 0n, scale: 0 };
  const { digits, point } = refDecimalDigits(Math.abs(x));
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

function refDecimalSum(values: readonly number[]): number {
  // figures that are not finite have no decimal form: they sum as doubles (they made the old reading throw)
  if (!values.every(Number.isFinite)) return values.reduce((a, b) => a + b, 0);
  const scaled = values.map(refToScaled);
  const scale = Math.max(0, ...scaled.map((s) => s.scale));
  let total = 0n;
  for (const s of scaled) total += s.int * 10n ** BigInt(scale - s.scale);
  if (total === 0n) return 0;
  return Number(`${total}e${-scale}`);
}

// ---------------------------------------------------------------- generators

/** A decimal as a clerk types it: 1..17 significant digits, 0..22 decimals, either sign. */
const typed = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 17n - 1n }), fc.integer({ min: 0, max: 22 }), fc.boolean(), fc.integer({ min: 1, max: 17 }))
  .map(([n, places, neg, digits]) => {
    const s = (n % 10n ** BigInt(digits)).toString().padStart(places + 1, '0');
    const text = `${neg ? '-' : ''}${s.slice(0, s.length - places)}.${s.slice(s.length - places)}0`;
    return Number(text);
  });
/** Figures that carry binary noise: sums, differences, quotients and products of typed ones. */
const noisy = fc
  .tuple(typed, typed, fc.constantFrom('+', '-', '*', '/'))
  .map(([a, b, op]) => (op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b));
const anyFigure = fc.oneof(
  fc.double(),
  fc.double({ min: -1e7, max: 1e7 }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }).map(Number),
  typed,
  noisy,
  fc.constantFrom(0, -0, 1e-7, 9.99999999999999e-8, 1e21, 999999999999999.9, 1e15, 0.5, 1.005, 2.675, 0.1 + 0.2, Number.MIN_VALUE, Number.MAX_VALUE, 5e-324),
);
const decimalsArb = fc.oneof(fc.integer({ min: -25, max: 25 }), fc.integer({ min: -400, max: 400 }));

/** A call's outcome: the value, or the kind of error it threw. */
function outcome<T>(f: () => T): { ok: T } | { threw: string } {
  try {
    return { ok: f() };
  } catch (e) {
    return { threw: e instanceof Error ? e.constructor.name : 'non-error' };
  }
}

function sameNumber(a: number, b: number): boolean {
  return Object.is(a, b);
}

const RUNS = { numRuns: 20_000 };

describe('rounding fast paths give what the 15-digit BigInt reading gave', () => {
  test('roundHalfAway', () => {
    fc.assert(
      fc.property(anyFigure, decimalsArb, (x, d) => {
        expect(sameNumber(roundHalfAway(x, d), refRoundHalfAway(x, d))).toBe(true);
      }),
      RUNS,
    );
  });

  test('roundHalfAway throws as before on decimals that are not integers', () => {
    fc.assert(
      fc.property(anyFigure, fc.double(), (x, d) => {
        expect(outcome(() => roundHalfAway(x, d))).toEqual(outcome(() => refRoundHalfAway(x, d)));
      }),
    );
  });

  test('decimalsOf', () => {
    fc.assert(fc.property(anyFigure, (x) => expect(decimalsOf(x)).toBe(refDecimalsOf(x))), RUNS);
  });

  test('toScaled (and its throws on NaN and infinities)', () => {
    fc.assert(
      fc.property(fc.oneof(anyFigure, fc.constantFrom(NaN, Infinity, -Infinity)), (x) => {
        expect(outcome(() => toScaled(x))).toEqual(outcome(() => refToScaled(x)));
      }),
      RUNS,
    );
  });

  test('decimalSum and decimalSub', () => {
    fc.assert(
      fc.property(fc.array(anyFigure, { maxLength: 8 }), (xs) => {
        const got = outcome(() => decimalSum(xs));
        const want = outcome(() => refDecimalSum(xs));
        if ('ok' in got && 'ok' in want) expect(sameNumber(got.ok, want.ok)).toBe(true);
        else expect(got).toEqual(want);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(anyFigure, anyFigure, (a, b) => {
        const got = outcome(() => decimalSub(a, b));
        const want = outcome(() => refDecimalSum([a, -b]));
        if ('ok' in got && 'ok' in want) expect(sameNumber(got.ok, want.ok)).toBe(true);
        else expect(got).toEqual(want);
      }),
      RUNS,
    );
  });

  test('sums near the end of the exact doubles (2^53) leave the fast path without a wrong figure', () => {
    const big = fc.integer({ min: 1, max: 15 }).chain((digits) =>
      fc.tuple(fc.bigInt({ min: 10n ** BigInt(digits - 1), max: 10n ** BigInt(digits) - 1n }), fc.integer({ min: 0, max: 8 }), fc.boolean()).map(([n, places, neg]) => (neg ? -1 : 1) * Number(n) / 10 ** places),
    );
    fc.assert(
      fc.property(fc.array(big, { minLength: 1, maxLength: 6 }), (xs) => {
        expect(sameNumber(decimalSum(xs), refDecimalSum(xs))).toBe(true);
      }),
      RUNS,
    );
  });
});
