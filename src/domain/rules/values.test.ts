import { integerRule, signRule } from './values';
import { context, rec, report } from './fixtures';

describe('V-SIGN', () => {
  test('a negative figure of a nonNegative indicator is an error at its cell', () => {
    const out = signRule(context(report([rec('01', 3, { month: -5, ytd: 100, base: 90 })]))).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-SIGN', level: 'error', cell: 'D4', value: -5 });
    expect(out[0].message.zh).toBe('规模以上工业总产值(D4)的本月为负数-5.0;该指标不能为负,请核对数据和符号。');
  });
  test('the 本月 of a flow that may fall (tax refunds) may be negative; its cumulative may not', () => {
    const out = signRule(context(report([rec('12', 14, { month: -120, ytd: -5, base: 8500 })]))).findings;
    expect(out.map((f) => f.cell)).toEqual(['E15']);
  });
  test('profit (05) may be negative; zero is fine', () => {
    const out = signRule(context(report([rec('05', 7, { ytd: -300, base: -200 }), rec('01', 3, { ytd: 0, base: 0 })]))).findings;
    expect(out).toEqual([]);
  });
});

describe('V-INT', () => {
  test('a non-integer count is an error', () => {
    const out = integerRule(context(report([rec('06', 8, { ytd: 52.5, base: 48, unit: '个' })]))).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-INT', cell: 'E9', value: 52.5 });
  });
  test('whole counts, and money with decimals, pass', () => {
    const out = integerRule(context(report([rec('06', 8, { ytd: 52, base: 48, unit: '个' }), rec('01', 3, { ytd: 12.34, base: 1 })]))).findings;
    expect(out).toEqual([]);
  });
  test('binary noise does not make an integer: 0.1 × 30 × 10 reads as 30', () => {
    const v = 0.1 * 3 * 100; // 30.000000000000004
    expect(integerRule(context(report([rec('06', 8, { ytd: v, unit: '个' })]))).findings).toEqual([]);
  });
});
