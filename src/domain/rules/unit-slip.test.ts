import fc from 'fast-check';
import { slipPower, unitSlipRule } from './unit-slip';
import { context, hist, rec, report } from './fixtures';

describe('slipPower window edges', () => {
  test.each([
    [4.29, 4],
    [4.31, null],
    [3.71, 4],
    [3.69, null],
    [3.29, 3],
    [2.71, 3],
    [2.69, null],
    [1.29, 1],
    [0.71, 1],
    [0.69, null],
    [-0.71, -1],
    [-0.69, null],
    [-3, -3],
    [-4.29, -4],
    [-4.31, null],
    [0, null],
  ])('ratio 10^%p → %p', (exp, want) => {
    expect(slipPower(100 * 10 ** exp, 100, 0.3)).toBe(want);
  });
  test('sign changes and zeros are not unit slips', () => {
    expect(slipPower(-1e6, 100, 0.3)).toBeNull();
    expect(slipPower(0, 100, 0.3)).toBeNull();
    expect(slipPower(-1e6, -100, 0.3)).toBe(4);
  });
});

describe('V-UNITSLIP', () => {
  test('元 typed as 万元: ytd about 10000 × base', () => {
    const out = unitSlipRule(context(report([rec('08', 10, { ytd: 1_234_567_000, base: 120_000 })]))).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-UNITSLIP', level: 'warning', cell: 'E11' });
    expect(out[0].message.zh).toContain('疑似计量单位错误');
    expect(out[0].message.zh).toContain('约10,000倍');
  });
  test('against last month\'s cumulative when the base does not show it', () => {
    const r = report([rec('08', 10, { ytd: 400_000, base: null })]);
    const out = unitSlipRule(context(r, [hist('2026-08', '08', 40)])).findings;
    expect(out).toHaveLength(1);
    expect(out[0].message.zh).toContain('上月累计');
  });
  test('ordinary growth, counts and ratios are not checked', () => {
    const r = report([
      rec('01', 3, { ytd: 398765.4, base: 352011 }),
      rec('06', 8, { ytd: 52000, base: 5, unit: '个' }),
      rec('14', 16, { ytd: 90, base: 0.009, unit: '%' }),
    ]);
    expect(unitSlipRule(context(r)).findings).toEqual([]);
  });
});

test('property: inside a window the power is found, and swapping the figures negates it', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(4, 3, 1, -1, -3, -4),
      fc.double({ min: -0.29, max: 0.29, noNaN: true }),
      fc.double({ min: 1, max: 1e6, noNaN: true }),
      (p, offset, ref) => {
        const v = ref * 10 ** (p + offset);
        expect(slipPower(v, ref, 0.3)).toBe(p);
        expect(slipPower(ref, v, 0.3)).toBe(-p);
      },
    ),
  );
});
