import { baseRule, cumulativeRule, monthRule } from './history';
import { context, hist, rec, report } from './fixtures';

describe('V-MONTH', () => {
  test('本月 ≠ ytd − last month ytd: error with the expected figure', () => {
    // 398765.4 − 353000.0 = 45765.4, typed 45210
    const r = report([rec('01', 3, { month: 45210, ytd: 398765.4, base: 352011 })]);
    const out = monthRule(context(r, [hist('2026-08', '01', 353000)])).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-MONTH', level: 'error', cell: 'D4', value: 45210, expected: 45765.4 });
  });
  test('matching figures pass; boundary at tol (0.05 with one decimal)', () => {
    const ok = report([rec('01', 3, { month: 45765.4, ytd: 398765.4 })]);
    expect(monthRule(context(ok, [hist('2026-08', '01', 353000)])).findings).toEqual([]);
    const at = report([rec('01', 3, { month: 45765.45, ytd: 398765.4 })]);
    expect(monthRule(context(at, [hist('2026-08', '01', 353000)])).findings).toEqual([]); // 0.05 apart
    const over = report([rec('01', 3, { month: 45765.46, ytd: 398765.4 })]);
    expect(monthRule(context(over, [hist('2026-08', '01', 353000)])).findings).toHaveLength(1);
  });
  test('January needs no history: 本月 must equal 1-本月累计', () => {
    const jan = { period: { year: 2026, month: 1 } };
    const bad = monthRule(context(report([rec('01', 3, { month: 40000, ytd: 41000 })], jan)));
    expect(bad.skipped).toEqual([]);
    expect(bad.findings.map((f) => f.expected)).toEqual([41000]);
    expect(monthRule(context(report([rec('01', 3, { month: 41000, ytd: 41000 })], jan))).findings).toEqual([]);
  });
  test('no history at all: skipped once, scope all, no findings', () => {
    const out = monthRule(context(report([rec('01', 3, { month: 1, ytd: 5 }), rec('08', 10, { month: 1, ytd: 9 })])));
    expect(out.findings).toEqual([]);
    expect(out.skipped).toHaveLength(1);
    expect(out.skipped[0]).toMatchObject({ rule: 'V-MONTH', scope: 'all' });
  });
  test('history without last month of this zone: skipped for this sheet', () => {
    const out = monthRule(context(report([rec('01', 3, { month: 1, ytd: 5 })]), [hist('2026-07', '01', 3)]));
    expect(out.skipped).toEqual([expect.objectContaining({ rule: 'V-MONTH', scope: 'test.xlsx / 9月' })]);
  });
  test('no 本月 column: nothing to check, nothing skipped', () => {
    const r = report([rec('01', 3, { ytd: 5 })], { columns: { name: 0, ytd: 4, base: 5 } });
    expect(monthRule(context(r))).toEqual({ findings: [], skipped: [] });
  });
});

describe('V-CUM and V-CUM-FALL', () => {
  const h = [hist('2026-08', '01', 400000), hist('2026-08', '12', 9500)];
  test('a monotone flow below last month: error; a non-monotone one: warning', () => {
    const r = report([rec('01', 3, { ytd: 398765.4 }), rec('12', 14, { ytd: 9400 })]);
    const out = cumulativeRule(context(r, h)).findings;
    expect(out.map((f) => [f.rule, f.level, f.cell, f.value, f.expected])).toEqual([
      ['V-CUM', 'error', 'E4', 398765.4, 400000],
      ['V-CUM-FALL', 'warning', 'E15', 9400, 9500],
    ]);
  });
  test('equal or rising cumulative passes; tol boundary', () => {
    const r = report([rec('01', 3, { ytd: 399999.95 }), rec('12', 14, { ytd: 9500 })]);
    expect(cumulativeRule(context(r, h)).findings).toEqual([]); // 0.05 below: within tol
    const r2 = report([rec('01', 3, { ytd: 399999.94 })]);
    expect(cumulativeRule(context(r2, h)).findings).toHaveLength(1);
  });
  test('a tax fall explained in the note is marked explained', () => {
    const r = report([rec('12', 14, { ytd: 9400, note: '出口退税退库' })]);
    expect(cumulativeRule(context(r, h)).findings[0].explained).toBe(true);
  });
  test('January starts a new year: no comparison, nothing skipped', () => {
    const r = report([rec('01', 3, { ytd: 10 })], { period: { year: 2026, month: 1 } });
    expect(cumulativeRule(context(r, [hist('2025-12', '01', 500000)]))).toEqual({ findings: [], skipped: [] });
  });
  test('no history: both rules skipped once', () => {
    const out = cumulativeRule(context(report([rec('01', 3, { ytd: 10 })])));
    expect(out.skipped.map((s) => [s.rule, s.scope])).toEqual([
      ['V-CUM', 'all'],
      ['V-CUM-FALL', 'all'],
    ]);
  });
  test('unknown zone: skipped for the sheet with the reason', () => {
    const out = cumulativeRule(context(report([rec('01', 3, { ytd: 10 })], { zone: null }), h));
    expect(out.skipped.map((s) => s.scope)).toEqual(['test.xlsx / 9月', 'test.xlsx / 9月']);
  });
});

describe('V-BASE', () => {
  test('base differs from last year\'s archived figure: warning', () => {
    const r = report([rec('01', 3, { ytd: 398765.4, base: 352011 })]);
    const out = baseRule(context(r, [hist('2025-09', '01', 351000)])).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-BASE', level: 'warning', cell: 'F4', value: 352011, expected: 351000 });
  });
  test('equal base passes; within tol passes', () => {
    const r = report([rec('01', 3, { base: 352011.05 })]);
    expect(baseRule(context(r, [hist('2025-09', '01', 352011)])).findings).toEqual([]);
  });
  test('no history: skipped once; history without last year: skipped for the sheet', () => {
    expect(baseRule(context(report([rec('01', 3, { base: 1 })]))).skipped[0]).toMatchObject({ rule: 'V-BASE', scope: 'all' });
    const s = baseRule(context(report([rec('01', 3, { base: 1 })]), [hist('2026-08', '01', 5)])).skipped;
    expect(s).toEqual([expect.objectContaining({ rule: 'V-BASE', scope: 'test.xlsx / 9月' })]);
    expect(s[0].reason.zh).toContain('2025-09');
  });
});
