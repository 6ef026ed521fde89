import fc from 'fast-check';
import { decimalSub, decimalSum, decimalsOf, roundHalfAway, roundRationalHalfAway, toScaled } from './rounding';

describe('roundHalfAway (Excel ROUND)', () => {
  test.each([
    // [x, decimals, expected] — worked out by hand
    [1.005, 2, 1.01], // the double is 1.00499999999999989..., Excel says 1.01
    [2.675, 2, 2.68],
    [1.45, 1, 1.5],
    [-1.45, 1, -1.5], // half away from zero, also for negatives
    [0.05, 1, 0.1],
    [-0.05, 1, -0.1],
    [0.04, 1, 0],
    [13.25, 1, 13.3],
    [13.24999, 1, 13.2],
    [12345.65, 1, 12345.7],
    [1234.5, 0, 1235],
    [-1234.5, 0, -1235],
    [1250, -2, 1300],
    [0.5, 0, 1],
    [0.49, 0, 0],
    [4.35, 1, 4.4],
    [1e-7, 1, 0],
    [1.5e21, 1, 1.5e21],
    [99.95, 1, 100],
    [7, 1, 7],
  ])('ROUND(%p, %p) = %p', (x, d, want) => {
    expect(roundHalfAway(x, d)).toBe(want);
  });

  test('never returns negative zero', () => {
    expect(Object.is(roundHalfAway(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfAway(-0, 1), 0)).toBe(true);
  });

  test('binary noise does not decide: 0.1 + 0.2 rounds like 0.3', () => {
    expect(roundHalfAway(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundHalfAway((100.05 - 100) * 1, 2)).toBe(0.05);
  });

  test('property: agrees with exact integer rounding of a decimal given as int / 1000', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (n) => {
        const x = n / 1000; // a decimal with 3 places
        // by hand: to 1 decimal = floor(|n| / 100 + 1/2) with the sign of n
        const abs = Math.abs(n);
        const q = Math.floor((2 * abs + 100) / 200);
        const want = q === 0 ? 0 : (n < 0 ? -q : q) / 10;
        return roundHalfAway(x, 1) === want;
      }),
    );
  });
});

describe('roundRationalHalfAway', () => {
  test('exact halves go away from zero', () => {
    expect(roundRationalHalfAway(1n, 20n, 1)).toBe(0.1); // 0.05
    expect(roundRationalHalfAway(-1n, 20n, 1)).toBe(-0.1);
    expect(roundRationalHalfAway(1n, -20n, 1)).toBe(-0.1);
    expect(roundRationalHalfAway(49n, 1000n, 1)).toBe(0); // 0.049
    expect(roundRationalHalfAway(2n, 3n, 2)).toBe(0.67);
    expect(roundRationalHalfAway(1250n, 1n, -2)).toBe(1300);
  });
});

describe('decimalsOf and toScaled', () => {
  test('decimals as written', () => {
    expect(decimalsOf(12345)).toBe(0);
    expect(decimalsOf(12345.6)).toBe(1);
    expect(decimalsOf(0.05)).toBe(2);
    expect(decimalsOf(1234.5678)).toBe(4);
    expect(decimalsOf(1200)).toBe(0);
    expect(decimalsOf(0.1 + 0.2)).toBe(1); // noise beyond 15 digits ignored
  });
  test('exact scaled integers', () => {
    expect(toScaled(100.05)).toEqual({ int: 10005n, scale: 2 });
    expect(toScaled(-3.5)).toEqual({ int: -35n, scale: 1 });
    expect(toScaled(1200)).toEqual({ int: 1200n, scale: 0 });
    expect(toScaled(0)).toEqual({ int: 0n, scale: 0 });
  });
});

describe('decimalSum and decimalSub', () => {
  test('decimal arithmetic without binary noise', () => {
    expect(decimalSum([0.1, 0.2])).toBe(0.3);
    expect(decimalSub(11000.45, 11000.4)).toBe(0.05);
    expect(decimalSub(100.05, 100)).toBe(0.05);
    expect(decimalSum([9000.3, 2000.4, -11000.7])).toBe(0);
    expect(decimalSum([])).toBe(0);
    expect(decimalSub(-3.5, 1.25)).toBe(-4.75);
  });
});
