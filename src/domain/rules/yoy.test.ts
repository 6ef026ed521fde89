import { swingRule, yoyRule } from './yoy';
import { context, rec, report } from './fixtures';

describe('V-YOY', () => {
  // 113.3 against 100: growth exactly 13.3%
  const withYoy = (yoy: number) => report([rec('01', 3, { ytd: 113.3, base: 100, yoy })]);
  test('boundary: exactly 0.1 pp from the computed growth does not fire', () => {
    expect(yoyRule(context(withYoy(13.2))).findings).toEqual([]);
    expect(yoyRule(context(withYoy(13.4))).findings).toEqual([]);
  });
  test('just beyond 0.1 pp fires, with the computed figure expected', () => {
    const out = yoyRule(context(withYoy(13.41))).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-YOY', level: 'warning', cell: 'G4', value: 13.41, expected: 13.3 });
    expect(yoyRule(context(withYoy(13.19))).findings).toHaveLength(1);
  });
  test('compared with the unrounded growth: 13.3 typed for 13.2820849… passes', () => {
    expect(yoyRule(context(report([rec('01', 3, { ytd: 398765.4, base: 352011, yoy: 13.3 })]))).findings).toEqual([]);
  });
  test('a % typed where the growth is 新增: warning naming the label', () => {
    const out = yoyRule(context(report([rec('01', 3, { ytd: 120, base: 0, yoy: 100 })]))).findings;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'V-YOY', expected: '新增' });
    expect(out[0].message.zh).toContain('新增');
  });
  test('a signed % typed for two losses: warning asking for the loss wording', () => {
    const out = yoyRule(context(report([rec('05', 7, { ytd: -550, base: -700, yoy: -21.4 })]))).findings;
    expect(out).toHaveLength(1);
    expect(out[0].expected).toBe('亏损额下降21.4%');
    expect(out[0].message.en).toContain('loss down 21.4%');
  });
  test('ratio: the reported change in 百分点 is checked against cur − base', () => {
    // 9000/10000 = 90, 8500/10000 = 85: +5.0 pp
    const parts = [rec('11', 13, { ytd: 10000, base: 10000 }), rec('12', 14, { ytd: 9000, base: 8500 })];
    const ok = report([...parts, rec('14', 16, { ytd: 90, base: 85, yoy: 5, unit: '%' })]);
    expect(yoyRule(context(ok)).findings).toEqual([]);
    const bad = report([...parts, rec('14', 16, { ytd: 90, base: 85, yoy: 5.9, unit: '%' })]);
    expect(yoyRule(context(bad)).findings.map((f) => [f.cell, f.expected])).toEqual([['G17', 5]]);
  });
  test('no reported 同比 and rate indicators: nothing to compare', () => {
    expect(yoyRule(context(report([rec('01', 3, { ytd: 200, base: 100 })]))).findings).toEqual([]);
    expect(yoyRule(context(report([rec('03', 5, { ytd: 8.2, yoy: 1, unit: '%' })]))).findings).toEqual([]);
  });
});

describe('V-SWING', () => {
  const one = (ytd: number, base: number, code = '01', note: string | null = null) =>
    swingRule(context(report([rec(code, 3, { ytd, base, note })]))).findings;
  test('boundary: |同比| shown at exactly swingPct (30.0) does not fire, 30.1 does', () => {
    expect(one(130, 100)).toEqual([]);
    expect(one(130.04, 100)).toEqual([]); // 30.04 → shown 30.0
    expect(one(130.05, 100)).toHaveLength(1); // 30.05 → shown 30.1
    expect(one(69.95, 100)).toHaveLength(1); // −30.05 → −30.1
  });
  test('the indicator\'s own swingPct: FDI (15) allows 50', () => {
    expect(one(145, 100, '15')).toEqual([]);
    expect(one(151, 100, '15')).toHaveLength(1);
  });
  test('a large change of a loss amount fires too; labels (新增) do not', () => {
    expect(one(-1000, -500, '05')).toHaveLength(1);
    expect(one(100, 0)).toEqual([]);
  });
  test('explained by a note; not raised when a unit slip explains the jump', () => {
    expect(one(200, 100, '01', '新项目投产')[0].explained).toBe(true);
    expect(one(1_000_000, 100)).toEqual([]); // ×10^4: V-UNITSLIP's job
  });
});
