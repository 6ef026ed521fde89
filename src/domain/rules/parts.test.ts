import { partRule, sumRule } from './parts';
import { context, rec, report } from './fixtures';

describe('V-PART', () => {
  test('tax revenue above budget revenue: error at the child, with both cells and figures', () => {
    const r = report([rec('11', 13, { ytd: 11000 }), rec('12', 14, { ytd: 12345 })]);
    const out = partRule(context(r)).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-PART', level: 'error', cell: 'E15', value: 12345, expected: 11000, indicator: '12' });
    expect(out[0].message.zh).toBe('税收收入(E15)12,345.0 大于一般公共预算收入(E14)11,000.0;其中项不能大于总数,请核对两项数据。');
    expect(out[0].message.en).toBe(
      'Tax revenue (E15) 12,345.0 is larger than General public budget revenue (E14) 11,000.0; an "of which" item cannot exceed its total: check both figures.',
    );
  });

  test('tolerance boundary: exactly tol over does not fire, just beyond does', () => {
    // finest figure has 1 decimal → tol = max(0.05, 0.05) = 0.05
    const at = report([rec('11', 13, { ytd: 11000.4 }), rec('12', 14, { ytd: 11000.45 })]);
    // 0.05 over with 2 decimals: tol = max(0.05, 0.005) = 0.05 → exactly tol → no finding
    expect(partRule(context(at)).findings).toEqual([]);
    const over = report([rec('11', 13, { ytd: 11000.4 }), rec('12', 14, { ytd: 11000.46 })]);
    expect(partRule(context(over)).findings).toHaveLength(1); // 0.06 > 0.05
  });

  test('a coarser total does not hide a finer excess: 11000 vs 11000.4 fires', () => {
    const r = report([rec('11', 13, { ytd: 11000 }), rec('12', 14, { ytd: 11000.4 })]);
    expect(partRule(context(r)).findings).toHaveLength(1);
  });

  test('equal figures and missing parents pass', () => {
    expect(partRule(context(report([rec('11', 13, { ytd: 500 }), rec('12', 14, { ytd: 500 })]))).findings).toEqual([]);
    expect(partRule(context(report([rec('12', 14, { ytd: 500 })]))).findings).toEqual([]);
  });

  test('counts compare exactly: 49 loss-making firms among 48 fires, 48 of 48 does not', () => {
    const bad = report([rec('06', 8, { ytd: 48, unit: '个' }), rec('07', 9, { ytd: 49, unit: '个' })]);
    expect(partRule(context(bad)).findings.map((f) => f.cell)).toEqual(['E10']);
    const ok = report([rec('06', 8, { ytd: 48, unit: '个' }), rec('07', 9, { ytd: 48, unit: '个' })]);
    expect(partRule(context(ok)).findings).toEqual([]);
  });

  test('本月 of a total that may fall is not compared (a non-tax refund makes budget < tax that month)', () => {
    // budget month 100 = tax 150 + non-tax −50
    const r = report([rec('11', 13, { month: 100, ytd: 11000 }), rec('12', 14, { month: 150, ytd: 9900 })]);
    expect(partRule(context(r)).findings).toEqual([]);
  });

  test('each column is compared separately', () => {
    const r = report([rec('08', 10, { month: 100, ytd: 900, base: 800 }), rec('09', 11, { month: 120, ytd: 500, base: 801 })]);
    expect(partRule(context(r)).findings.map((f) => f.cell)).toEqual(['D12', 'F12']);
  });
});

describe('V-SUM', () => {
  test('budget revenue ≠ tax + non-tax beyond tol × 2', () => {
    // 9000 + 1500 = 10500 vs 11000: 500 apart
    const r = report([rec('11', 13, { ytd: 11000 }), rec('12', 14, { ytd: 9000 }), rec('13', 15, { ytd: 1500 })]);
    const out = sumRule(context(r)).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-SUM', cell: 'E14', value: 11000, expected: 10500 });
    expect(out[0].message.zh).toContain('一般公共预算收入(E14)11,000.0 不等于 税收收入(E15) + 非税收入(E16) 之和 10,500.0');
  });

  test('boundary: tol × number of children (2 × 0.05 = 0.1) does not fire, beyond it does', () => {
    const at = report([rec('11', 13, { ytd: 10500.1 }), rec('12', 14, { ytd: 9000.0 }), rec('13', 15, { ytd: 1500 })]);
    expect(sumRule(context(at)).findings).toEqual([]); // 0.1 apart, tol 0.05 × 2
    const beyond = report([rec('11', 13, { ytd: 10500.2 }), rec('12', 14, { ytd: 9000.0 }), rec('13', 15, { ytd: 1500 })]);
    expect(sumRule(context(beyond)).findings).toHaveLength(1);
  });

  test('binary noise in the sum does not fire: 0.1 + 0.2 = 0.3', () => {
    const r = report([rec('16', 20, { ytd: 0.3 }), rec('17', 21, { ytd: 0.1 }), rec('18', 22, { ytd: 0.2 })]);
    expect(sumRule(context(r)).findings).toEqual([]);
  });

  test('not checked when a child has no data', () => {
    const r = report([rec('11', 13, { ytd: 11000 }), rec('12', 14, { ytd: 9000 }), rec('13', 15, { ytd: null })]);
    expect(sumRule(context(r)).findings).toEqual([]);
  });
});
