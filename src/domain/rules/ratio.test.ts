import { ratioRule } from './ratio';
import { context, rec, report } from './fixtures';

const parts = (tax: number, budget: number, taxBase = 8500, budgetBase = 10000) => [
  rec('11', 13, { ytd: budget, base: budgetBase }),
  rec('12', 14, { ytd: tax, base: taxBase }),
];

describe('V-RATIO', () => {
  test('a reported share above 100 is an error', () => {
    const r = report([...parts(9000, 10000), rec('14', 16, { ytd: 120, base: 85, unit: '%' })]);
    const out = ratioRule(context(r)).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-RATIO', level: 'error', cell: 'E17', value: 120 });
  });
  test('0 and 100 are inside the domain', () => {
    const r = report([rec('11', 13, { ytd: 100, base: 100 }), rec('12', 14, { ytd: 100, base: 0 }), rec('14', 16, { ytd: 100, base: 0, unit: '%' })]);
    expect(ratioRule(context(r)).findings).toEqual([]);
  });
  test('a computed share above 100 (tax > budget) is an error on the share, even with 90 typed', () => {
    // 12000 / 10000 = 120%
    const r = report([...parts(12000, 10000), rec('14', 16, { ytd: 90, base: 85, unit: '%' })]);
    const out = ratioRule(context(r)).findings;
    expect(out.map((f) => [f.rule, f.indicator, f.cell, f.value])).toEqual([['V-RATIO', '14', 'E17', 120]]);
    // without a 税收占比 row: at the numerator's cell, still on indicator 14
    expect(ratioRule(context(report(parts(12000, 10000)))).findings.map((f) => [f.indicator, f.cell])).toEqual([['14', 'E15']]);
  });
});

describe('V-RATIO-MISMATCH', () => {
  test('reported 90.5 vs computed 9000/10000 = 90.0: 0.5 pp apart → warning', () => {
    const r = report([...parts(9000, 10000), rec('14', 16, { ytd: 90.5, base: 85, unit: '%' })]);
    const out = ratioRule(context(r)).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-RATIO-MISMATCH', level: 'warning', cell: 'E17', value: 90.5, expected: 90 });
  });
  test('boundary: exactly 0.1 pp apart does not fire; 0.11 does', () => {
    // computed 9000/10000 = 90; base 8500/10000 = 85
    const at = report([...parts(9000, 10000), rec('14', 16, { ytd: 90.1, base: 84.9, unit: '%' })]);
    expect(ratioRule(context(at)).findings).toEqual([]);
    const over = report([...parts(9000, 10000), rec('14', 16, { ytd: 90.11, base: 85, unit: '%' })]);
    expect(ratioRule(context(over)).findings.map((f) => f.cell)).toEqual(['E17']);
  });
  test('a rounded share within 0.1 pp passes: 96.3 for 96.2963', () => {
    // 2600 / 2700 = 0.962962...
    const r = report([...parts(2600, 2700, 85, 100), rec('14', 16, { ytd: 96.3, base: 85, unit: '%' })]);
    expect(ratioRule(context(r)).findings).toEqual([]);
  });
  test('a note explains the warning', () => {
    const r = report([...parts(9000, 10000), rec('14', 16, { ytd: 91, base: 85, unit: '%', note: '口径调整' })]);
    expect(ratioRule(context(r)).findings[0].explained).toBe(true);
  });
});
