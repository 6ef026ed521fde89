/**
 * The consolidation of the hand-built fixture (test/fixtures/summary/fixture.ts): every expected
 * figure below is worked out by hand, with the arithmetic in the comments.
 */
import { summarise } from './summarise';
import type { SummaryReport, ZoneSummary } from './types';
import {
  B5_ERROR, checkReport, fullHistory, june, march, register, SEP, testConfig,
} from '../../../test/fixtures/summary/fixture';

function run(extra: Partial<Parameters<typeof summarise>[0]> = {}): SummaryReport {
  return summarise({
    report: checkReport('2026-09', SEP, [B5_ERROR]),
    register: register(),
    history: fullHistory(),
    config: testConfig(),
    ...extra,
  });
}
const S = run();
const Z = (code: string, s: SummaryReport = S): ZoneSummary => s.zones.find((z) => z.zone.code === code)!;

describe('consolidation', () => {
  test('period, quarter end, zones in register order with city and province', () => {
    expect(S.period).toBe('2026-09');
    expect(S.quarterEnd).toBe(true);
    expect(S.title.zh).toContain('季度预警');
    expect(S.zones.map((z) => z.zone.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5']);
    expect(Z('B2').zone).toEqual({ code: 'B2', name: '乙市B2开发区', city: '乙市', province: '辽宁省' });
  });

  test('growth of every zone (01 规上工业总产值), shown half away from zero to 0.1', () => {
    // A1 (110000 − 100000) / 100000 = 10.0 %      A2 2500 / 50000 = 5.0 %
    // A3 −50 / 50000 = −0.1 %                    A4 4990 / 100000 = 4.99 % → 5.0
    // A5 960 / 20000 = 4.8 %                     B1 16000 / 64000 = 25.0 %
    // B2 0 / 60000 = 0.0 %                       B3 base 0, current 5000 → 新增 (no %)
    // B4 −5000 / 50000 = −10.0 %                 B5 20000 / 50000 = 40.0 % (gray, but the figure is shown)
    const yoy = Object.fromEntries(S.zones.map((z) => [z.zone.code, z.indicators['01'].yoy]));
    expect(yoy).toEqual({ A1: 10, A2: 5, A3: -0.1, A4: 5, A5: 4.8, B1: 25, B2: 0, B3: null, B4: -10, B5: 40 });
    expect(Z('B3').indicators['01'].yoyLabel).toBe('新增');
    // 08 固定资产投资: A3 (45000 − 40057) / 40057 = 4943 / 40057 = 12.3399…% → 12.3;
    // A4 4900 / 40000 = 12.25 % → 12.3 (half away from zero)
    expect(Z('A3').indicators['08'].yoy).toBe(12.3);
    expect(Z('A4').indicators['08'].yoy).toBe(12.3);
  });

  test('税收占比 recomputed from its parts, change in 百分点', () => {
    // A1: 8000 / 10000 = 80.0 %; last year 7000 / 9000 = 77.777…%; change 2.222… → 2.2
    expect(Z('A1').indicators['14'].ytd).toBe(80);
    expect(Z('A1').indicators['14'].change_pp).toBe(2.2);
    // yoy holds the computed change as in the check report's records: 百分点 for a ratio
    expect(Z('A1').indicators['14'].yoy).toBe(2.2);
    // A4: 80.0 − 85.0 = −5.0
    expect(Z('A4').indicators['14'].change_pp).toBe(-5);
  });

  test('city totals are Σ current / Σ base over the zones with both, with the zone count', () => {
    const a = S.totals.city['甲市']['01'];
    // Σ current 110000 + 52500 + 49950 + 104990 + 20960 = 338400
    // Σ base    100000 + 50000 + 50000 + 100000 + 20000 = 320000
    // 18400 / 320000 = 5.75 % → 5.8 (the mean of the rates would be 4.938: never used)
    expect(a).toEqual({ ytd: 338400, base: 320000, yoy: 5.8, yoyLabel: null, zones: 5 });
    const b = S.totals.city['乙市']['01'];
    // B5 is gray: not consolidated. B3 has base 0, which is data: it counts.
    // Σ current 80000 + 60000 + 5000 + 45000 = 190000; Σ base 64000 + 60000 + 0 + 50000 = 174000
    // 16000 / 174000 = 9.1954…% → 9.2
    expect(b).toEqual({ ytd: 190000, base: 174000, yoy: 9.2, yoyLabel: null, zones: 4 });
    // 08 甲: Σ 65000 + 65100 + 45000 + 44900 + 80000 = 300000; Σ base 50000 + 62000 + 40057 + 40000 + 64000
    // = 256057; 43943 / 256057 = 17.161…% → 17.2
    expect(S.totals.city['甲市']['08'].yoy).toBe(17.2);
    // 08 乙: 295000 / 238000: 57000 / 238000 = 23.9496…% → 23.9
    expect(S.totals.city['乙市']['08']).toEqual({ ytd: 295000, base: 238000, yoy: 23.9, yoyLabel: null, zones: 4 });
  });

  test('province total and 税收占比 totals from the Σ of the parts', () => {
    // 01: 528400 / 494000: 34400 / 494000 = 6.9635…% → 7.0, 9 zones
    expect(S.totals.province['辽宁省']['01']).toEqual({ ytd: 528400, base: 494000, yoy: 7, yoyLabel: null, zones: 9 });
    // 甲 Σ tax 8000 + 7000 + 6990 + 8000 + 9000 = 38990 over Σ revenue 50000 = 77.98 %;
    // last year 7000 + 7490 + 6990 + 8500 + 9000 = 38980 over 9000 + 4 × 10000 = 49000 = 79.551…%;
    // change 77.98 − 79.551 = −1.571 → −1.6 百分点
    const t = S.totals.city['甲市']['14'];
    expect(t.ytd).toBeCloseTo(77.98, 10);
    expect(t.yoy).toBe(-1.6);
    expect(t.zones).toBe(5);
    // 乙 (B1–B4): 34500 / 40000 = 86.25 %, last year 32600 / 40000 = 81.5 %, change 4.75 → 4.8
    expect(S.totals.city['乙市']['14']).toMatchObject({ ytd: 86.25, base: 81.5, yoy: 4.8, zones: 4 });
  });

  test('V-PEER on 甲市 (5 zones) with QUARTILE.INC fences; 乙市 (4 rated) is skipped, said so', () => {
    // 01 growths sorted: −0.1, 4.8, 4.99, 5.0, 10.0. QUARTILE.INC: Q1 at (5−1)·0.25 = 1 → 4.8,
    // Q3 at 3 → 5.0; IQR 0.2; fences 4.8 − 0.3 = 4.5 and 5.0 + 0.3 = 5.3. Outside: A3 (−0.1), A1 (10.0).
    // (QUARTILE.EXC would give Q1 = 4.895 and other fences.)
    const peer = S.findings.filter((f) => f.rule === 'V-PEER');
    expect(peer.map((f) => [f.zone, f.indicator, f.value, f.expected, f.explained])).toEqual([
      ['A1', '01', 10, '[4.5, 5.3]', true], // A1's row has a 说明: explained
      ['A3', '01', -0.1, '[4.5, 5.3]', false],
    ]);
    expect(S.skipped.some((s) => s.rule === 'V-PEER' && s.scope === '乙市/01')).toBe(true);
  });
});

describe('rankings', () => {
  test('01 by growth in 甲市: competition ranking with a tie at the shown 0.1', () => {
    // A1 10.0 → 1; A2 5.0 and A4 4.99 (shown 5.0) → 并列2; A5 4.8 → 4; A3 −0.1 → 5; of 5
    const r = (c: string) => Z(c).indicators['01'].rank!.city;
    expect(r('A1')).toEqual({ n: 1, of: 5, tied: false });
    expect(r('A2')).toEqual({ n: 2, of: 5, tied: true });
    expect(r('A4')).toEqual({ n: 2, of: 5, tied: true });
    expect(r('A5')).toEqual({ n: 4, of: 5, tied: false });
    expect(r('A3')).toEqual({ n: 5, of: 5, tied: false });
  });

  test('01 in 乙市 and the province: 新增 and gray zones are not ranked, `of` counts ranked zones', () => {
    // 乙: B1 25.0 → 1, B2 0.0 → 2, B4 −10.0 → 3, of 3 (B3 新增, B5 gray)
    expect(Z('B4').indicators['01'].rank!.city).toEqual({ n: 3, of: 3, tied: false });
    expect(Z('B3').indicators['01'].rank).toBeNull();
    expect(Z('B3').indicators['01'].unranked!.zh).toContain('新增');
    expect(Z('B5').indicators['01'].rank).toBeNull();
    expect(Z('B5').indicators['01'].unranked!.zh).toContain('未修正');
    // province: 25.0 B1, 10.0 A1, 5.0 A2 A4 (并列3), 4.8 A5 → 5, 0.0 B2 → 6, −0.1 A3 → 7, −10.0 B4 → 8
    const p = (c: string) => Z(c).indicators['01'].rank!.province;
    expect([p('B1'), p('A1'), p('A2'), p('A4'), p('A5'), p('B2'), p('A3'), p('B4')].map((x) => [x!.n, x!.tied])).toEqual([
      [1, false], [2, false], [3, true], [3, true], [5, false], [6, false], [7, false], [8, false],
    ]);
    expect(p('B1')!.of).toBe(8);
  });

  test('08 ties: 12.25 and 12.3399 are both shown 12.3 and share a place', () => {
    // 甲: A1 30.0 → 1, A5 25.0 → 2, A3 12.3 and A4 12.3 → 并列3, A2 5.0 → 5
    expect(Z('A3').indicators['08'].rank!.city).toEqual({ n: 3, of: 5, tied: true });
    expect(Z('A2').indicators['08'].rank!.city).toEqual({ n: 5, of: 5, tied: false });
    // 乙: B1, B2, B4 all 25.0 → 并列1; B3 20.0 → 4 (of 4; B5 gray)
    expect(Z('B2').indicators['08'].rank!.city).toEqual({ n: 1, of: 4, tied: true });
    expect(Z('B3').indicators['08'].rank!.city).toEqual({ n: 4, of: 4, tied: false });
    // province: A1 30.0 → 1; A5 B1 B2 B4 25.0 → 并列2; B3 20.0 → 6; A3 A4 → 并列7; A2 → 9
    expect(Z('B3').indicators['08'].rank!.province).toEqual({ n: 6, of: 9, tied: false });
    expect(Z('A4').indicators['08'].rank!.province).toEqual({ n: 7, of: 9, tied: true });
  });

  test('value rank (总量) of 01 and the level rank of 税收占比', () => {
    // 甲 by ytd: A1 110000, A4 104990, A2 52500, A3 49950, A5 20960
    expect(Z('A4').indicators['01'].valueRank!.city).toEqual({ n: 2, of: 5, tied: false });
    // 税收占比 甲: A5 90 → 1, A1 80 and A4 80 → 并列2, A2 70.0 → 4, A3 69.9 → 5
    expect(Z('A1').indicators['14'].rank!.city).toEqual({ n: 2, of: 5, tied: true });
    expect(Z('A3').indicators['14'].rank!.city).toEqual({ n: 5, of: 5, tied: false });
  });

  test('rank change against last month, recomputed from 历史数据 (2026-08)', () => {
    // August 甲 01: A2 10.0 → 1, A5 6.0 → 2, A1 5.0 → 3, A4 4.0 → 4, A3 −1.0 → 5
    // now: A1 1, A2 并列2, A4 并列2, A5 4, A3 5 → A1 +2, A2 −1, A4 +2, A5 −2, A3 0 (持平)
    const c = (code: string) => Z(code).indicators['01'].rankChange?.city;
    expect([c('A1'), c('A2'), c('A4'), c('A5'), c('A3')]).toEqual([2, -1, 2, -2, 0]);
    // 乙 has no August figures: no change shown
    expect(Z('B1').indicators['01'].rankChange).toBeNull();
  });

  test('without last month in 历史数据 the rank change is listed as skipped', () => {
    const s = run({ history: [...march(), ...june()] });
    expect(s.skipped.filter((k) => k.rule === 'RANK-CHANGE')).toHaveLength(1);
    expect(Z('A1', s).indicators['01'].rankChange).toBeNull();
  });
});

describe('target progress', () => {
  test('completion, schedule and gap at 2026-09', () => {
    // 序时进度 9 / 12 × 100 = 75.0; A4 08: 44900 / 100000 = 44.9 %; gap 75.0 − 44.9 = 30.1
    expect(Z('A4').indicators['08'].progress).toEqual({ completion: 44.9, schedule: 75, gap_pp: 30.1 });
    // A5: 80000 / 100000 = 80.0 %: ahead, gap −5.0
    expect(Z('A5').indicators['08'].progress).toEqual({ completion: 80, schedule: 75, gap_pp: -5 });
    expect(Z('A5').indicators['01'].progress).toBeNull(); // no target
  });
});

describe('composite score (功效系数法)', () => {
  // Items: 01 growth (w 60), 14 level (w 40); peer group: the province's rated zones.
  // 01: best 25 (B1), worst −10 (B4): d = 60 + (x + 10) / 35 × 40
  //   A1 60 + 20/35·40 = 82.857143   A2 60 + 15/35·40 = 77.142857   A3 60 + 9.9/35·40 = 71.314286
  //   A4 60 + 14.99/35·40 = 77.131429 A5 60 + 14.8/35·40 = 76.914286 B1 100  B2 71.428571  B4 60
  //   B3 新增: no value → the item is missing, weights re-normalised
  // 14: best 95 (B4), worst 69.9 (A3): d = 60 + (x − 69.9) / 25.1 × 40
  //   80 → 76.095618  70 → 60.159363  69.9 → 60  90 → 92.031873  85 → 84.063745  75 → 68.127490  95 → 100
  test('composite = Σ w·d / Σ w, shown to 0.1', () => {
    // A1 0.6·82.857143 + 0.4·76.095618 = 80.1525 → 80.2    A2 46.285714 + 24.063745 = 70.3495 → 70.3
    // A3 42.788571 + 24 = 66.7886 → 66.8                  A4 46.278857 + 30.438247 = 76.7171 → 76.7
    // A5 46.148571 + 36.812749 = 82.9613 → 83.0           B1 60 + 36.812749 = 96.8127 → 96.8
    // B2 42.857143 + 33.625498 = 76.4826 → 76.5           B3 only 14: 68.127490 → 68.1
    // B4 36 + 40 = 76.0                                   B5 gray: no score
    const scores = Object.fromEntries(S.zones.map((z) => [z.zone.code, z.score]));
    expect(scores).toEqual({ A1: 80.2, A2: 70.3, A3: 66.8, A4: 76.7, A5: 83, B1: 96.8, B2: 76.5, B3: 68.1, B4: 76, B5: null });
    expect(Z('B3').scoreMissing).toEqual(['01:growth']);
    expect(Z('A1').scoreMissing).toEqual([]);
    expect(Z('A1').indicators['01'].score).toBe(82.9); // 82.857143 → 82.9
    expect(Z('A1').indicators['14'].score).toBe(76.1); // 76.095618 → 76.1
  });

  test('score ranks in the city and the province', () => {
    // 甲: A5 83.0, A1 80.2, A4 76.7, A2 70.3, A3 66.8    乙: B1 96.8, B2 76.5, B4 76.0, B3 68.1
    const city = Object.fromEntries(S.zones.filter((z) => z.score !== null).map((z) => [z.zone.code, z.scoreRank!.city!.n]));
    expect(city).toEqual({ A5: 1, A1: 2, A4: 3, A2: 4, A3: 5, B1: 1, B2: 2, B4: 3, B3: 4 });
    // province: B1, A5, A1, A4, B2, B4, A2, B3, A3
    expect(Z('B2').scoreRank!.province).toEqual({ n: 5, of: 9, tied: false });
    expect(Z('A3').scoreRank!.province).toEqual({ n: 9, of: 9, tied: false });
  });
});

describe('quarterly early warning on the fixture', () => {
  const triggers = (code: string) => Z(code).warning.triggers.map((t) => `${t.rule} ${t.indicator ?? '-'} ${t.level}`);

  test('every zone level', () => {
    const levels = Object.fromEntries(S.zones.map((z) => [z.zone.code, z.warning.level]));
    expect(levels).toEqual({
      A1: 'orange', A2: 'green', A3: 'red', A4: 'red', A5: 'orange',
      B1: 'green', B2: 'red', B3: 'yellow', B4: 'red', B5: 'gray',
    });
  });

  test('A1: 序时进度 gap exactly 10.0 is yellow; growth down exactly 10.0 from the last quarter end is orange', () => {
    // 08: 65000 / 100000 = 65.0 %, 75.0 − 65.0 = 10.0 → W-PACE-Y (inclusive)
    // 01: June 72000 / 60000 = 20.0 %, now 10.0 %: down 10.0 → W-REPEAT
    expect(triggers('A1')).toEqual(['W-REPEAT 01 orange', 'W-PACE-Y 08 yellow']);
    expect(Z('A1').warning.triggers[1].detail).toMatchObject({ value: 65, target: 75, gap_pp: 10 });
  });

  test('A2: just inside every boundary, no warning', () => {
    // 01 5.0 = target (not below); 08 gap 75.0 − 65.1 = 9.9; 税收占比 70.0 (not below 70);
    // change 70.0 − 74.9 = −4.9 (not −5); June 01 34470 / 30000 = 14.9 %, down 9.9 (not 10)
    expect(triggers('A2')).toEqual([]);
  });

  test('A3: red two quarters running is 红牌警示, last two quarters is red, a repeated yellow is orange', () => {
    // 01 −0.1 → W-NEG; June 01 was red → W-ESCALATE (红牌警示)
    // last in 甲 by score now (66.8) and in June (−3.3 %, share 60: worst of 甲 on both items) → W-LAST red
    // 14 69.9 < 70 → W-TAX; June 14 was yellow → W-REPEAT; 08 gap 75.0 − 45.0 = 30.0 → yellow (inclusive)
    expect(triggers('A3')).toEqual([
      'W-NEG 01 red', 'W-ESCALATE 01 red', 'W-LAST - red', 'W-REPEAT 14 orange', 'W-PACE-Y 08 yellow', 'W-TAX 14 yellow',
    ]);
    const esc = Z('A3').warning.triggers[1];
    expect(esc.reason.zh).toBe('红牌警示:规模以上工业总产值连续两个季度红色预警');
    expect(esc.detail.quarters).toBe(2); // 2026-09 and 2026-06 (March green)
    expect(Z('A3').warning.triggers[0].reason.zh).toBe('约谈提醒:规模以上工业总产值同比下降0.1%');
    expect(Z('A3').warning.triggers[2].reason.zh).toBe('约谈提醒:综合得分66.8分,连续两个季度全市末位(全市平均得分75.4分)');
  });

  test('A4: gap 30.1 is red; 税收占比 down exactly 5.0 百分点 fires', () => {
    expect(triggers('A4')).toEqual(['W-PACE-R 08 red', 'W-ESCALATE 08 red', 'W-TAX 14 yellow']);
    expect(Z('A4').warning.triggers[2].reason.zh).toBe('提醒:税收占比80.0%,比上年下降5.0个百分点');
  });

  test('A5: below the target growth (4.8 < 5.0), yellow last quarter too → orange, three quarters running', () => {
    expect(triggers('A5')).toEqual(['W-REPEAT 01 orange', 'W-TARGET 01 yellow']);
    expect(Z('A5').warning.triggers[1].reason.zh).toBe('提醒:规模以上工业总产值同比增长4.8%,低于目标增速5.0%');
    expect(Z('A5').warning.triggers[1].detail.quarters).toBe(3); // Sep, Jun, Mar
  });

  test('B2: 0.0 % is not negative but below target; orange three quarters running escalates to red', () => {
    expect(triggers('B2')).toEqual(['W-ESCALATE 01 red', 'W-REPEAT 01 orange', 'W-TARGET 01 yellow']);
    expect(Z('B2').warning.triggers[0].reason.zh).toBe('约谈提醒:规模以上工业总产值连续三个季度橙色预警');
  });

  test('B3: last in 乙 now but not in June → yellow; B4: red now, yellow before → no escalation', () => {
    expect(triggers('B3')).toEqual(['W-PACE-Y 08 yellow', 'W-LAST - yellow']);
    // B4: −10.0 → W-NEG; June 0.0 → now −10.0: down 10.0 → W-REPEAT orange; June level yellow ≠ red
    expect(triggers('B4')).toEqual(['W-NEG 01 red', 'W-REPEAT 01 orange']);
  });

  test('B5 with an unresolved error is gray: not ranked, not rated, not in totals', () => {
    expect(Z('B5').status).toBe('gray');
    expect(triggers('B5')).toEqual(['W-DATA - gray']);
    expect(Z('B5').score).toBeNull();
    expect(Z('B5').scoreRank).toBeNull();
  });

  test('included despite errors (rules.md §6): listed gray, no score, no level but gray; its clean figures count', () => {
    const s = run({ include: ['B5'] });
    const b5 = Z('B5', s);
    expect(b5.status).toBe('gray');
    expect(b5.includedWithErrors).toBe(true);
    expect(b5.grayReason!.zh).toContain('经确认纳入汇总');
    expect(b5.score).toBeNull();
    expect(b5.scoreRank).toBeNull();
    expect(b5.warning.level).toBe('gray');
    expect(b5.warning.triggers.map((t) => t.rule)).toEqual(['W-DATA']);
    // its clean 01 is ranked: 乙 01: B5 40.0 → 1, B1 25.0 → 2, B2 → 3, B4 → 4 of 4
    expect(b5.indicators['01'].rank!.city).toEqual({ n: 1, of: 4, tied: false });
    expect(Z('B1', s).indicators['01'].rank!.city).toEqual({ n: 2, of: 4, tied: false });
    // and in the 乙 total: Σ 190000 + 70000 = 260000, Σ base 174000 + 50000 = 224000, 5 zones
    expect(s.totals.city['乙市']['01']).toMatchObject({ ytd: 260000, base: 224000, zones: 5 });
    // its error is on 08: not ranked there, not in the total, its growth not published
    expect(b5.indicators['08']).toMatchObject({ rank: null, counted: false, yoy: null, ytd: 80000 });
    expect(s.totals.city['乙市']['08']).toMatchObject({ ytd: 295000, base: 238000, zones: 4 });
    // nobody else is gray-included
    const all = run({ include: 'all' });
    expect(all.zones.filter((z) => z.includedWithErrors).map((z) => z.zone.code)).toEqual(['B5']);
    expect(Z('B5', all).status).toBe('gray');
  });

  test('an unexplained warning also makes a zone gray; an explained one does not', () => {
    const w = { ...B5_ERROR, level: 'warning' as const, rule: 'V-SWING' as const, zone: 'B1', file: 'B1.xlsx', indicator: '01' };
    expect(Z('B1', run({ report: checkReport('2026-09', SEP, [w]) })).status).toBe('gray');
    expect(Z('B1', run({ report: checkReport('2026-09', SEP, [{ ...w, explained: true }]) })).status).toBe('rated');
  });

  test('without the previous quarter in 历史数据, the rules that need it are skipped once each', () => {
    const s = run({ history: [] });
    for (const rule of ['W-LAST', 'W-REPEAT', 'W-ESCALATE']) {
      expect(s.skipped.filter((k) => k.rule === rule)).toHaveLength(1);
    }
    // A3 is last in 甲 but cannot be known to be last twice: yellow W-LAST; no 红牌警示
    expect(Z('A3', s).warning.triggers.map((t) => t.rule + ' ' + t.level)).toEqual([
      'W-NEG red', 'W-PACE-Y yellow', 'W-TAX yellow', 'W-LAST yellow',
    ]);
  });

  test('with June but not March, orange-three cannot be judged and says so', () => {
    const s = run({ history: june() });
    expect(s.skipped.filter((k) => k.rule === 'W-ESCALATE')).toHaveLength(1);
    expect(Z('B2', s).warning.level).toBe('orange');
  });
});

describe('period handling', () => {
  test('a month that is not a quarter end is a preview, said in the title and JSON', () => {
    const s = summarise({ report: checkReport('2026-08', SEP), register: register(), history: [], config: testConfig() });
    expect(s.period).toBe('2026-08');
    expect(s.quarterEnd).toBe(false);
    expect(s.title.zh).toContain('预警预览');
    // 序时进度 8 / 12 × 100 = 66.666… → 66.7; A4 08 44.9 → gap 66.7 − 44.9 = 21.8
    expect(Z('A4', s).indicators['08'].progress).toEqual({ completion: 44.9, schedule: 66.7, gap_pp: 21.8 });
  });

  test('the latest period is summarised; a duplicate zone report is V-DUP and gray', () => {
    const rep = checkReport('2026-09', SEP);
    rep.files.push({ ...rep.files[0], file: 'A1-again.xlsx' });
    rep.files.push({ file: 'old.xlsx', sha256: '0', inputError: null, sheets: [{ ...rep.files[1].sheets[0], period: '2026-06' }] });
    const s = summarise({ report: rep, register: register(), history: [], config: testConfig() });
    expect(s.period).toBe('2026-09');
    expect(s.findings.filter((f) => f.rule === 'V-DUP').map((f) => f.zone)).toEqual(['A1']);
    expect(Z('A1', s).status).toBe('gray');
    expect(Z('A1', s).grayReason!.zh).toContain('重复');
  });

  test('a register zone with no report is gray with the reason', () => {
    const data = { ...SEP };
    delete (data as Record<string, unknown>).B1;
    const s = summarise({ report: checkReport('2026-09', data), register: register(), history: [], config: testConfig() });
    expect(Z('B1', s).status).toBe('gray');
    expect(Z('B1', s).warning.triggers[0].reason.zh).toBe('不评价:未报送本期报表');
  });

  test('without a register: order of appearance, no city/province ranks, said in skipped', () => {
    const s = summarise({ report: checkReport('2026-09', SEP), register: null, history: [], config: testConfig() });
    expect(s.zones.map((z) => z.zone.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1', 'B2', 'B3', 'B4', 'B5']);
    expect(s.zones.every((z) => z.indicators['01'].rank === null)).toBe(true);
    // RANKING itself is listed by the check report; the summary adds what it cannot do without city groups
    expect(s.skipped.map((k) => k.rule)).toEqual(expect.arrayContaining(['W-LAST', 'V-PEER']));
    expect(s.skipped.some((k) => k.rule === 'RANK')).toBe(false);
    // one total over all zones: Σ 528400 + 70000 = 598400, Σ base 494000 + 50000 = 544000, 10 zones
    expect(s.totals.province['全部']['01']).toMatchObject({ ytd: 598400, base: 544000, zones: 10 });
    expect(s.totals.city).toEqual({});
  });
});

describe('JSON shape (rules.md §1, summary --json)', () => {
  test('top-level, zone, indicator and trigger keys', () => {
    const json = JSON.parse(JSON.stringify(S));
    expect(Object.keys(json).sort()).toEqual(['findings', 'period', 'quarterEnd', 'schemaVersion', 'skipped', 'title', 'totals', 'zones']);
    expect(json.schemaVersion).toBe('1');
    const z = json.zones[0];
    for (const k of ['zone', 'status', 'indicators', 'score', 'scoreRank', 'warning']) expect(z).toHaveProperty(k);
    expect(Object.keys(z.zone).sort()).toEqual(['city', 'code', 'name', 'province']);
    const ind = z.indicators['01'];
    for (const k of ['ytd', 'base', 'yoy', 'yoyLabel', 'change_pp', 'rank', 'progress', 'score']) expect(ind).toHaveProperty(k);
    expect(Object.keys(ind.rank.city).sort()).toEqual(['n', 'of', 'tied']);
    expect(Object.keys(z.scoreRank).sort()).toEqual(['city', 'province']);
    const t = json.zones[2].warning.triggers[0];
    for (const k of ['rule', 'indicator', 'level', 'reason']) expect(t).toHaveProperty(k);
    expect(Object.keys(t.reason).sort()).toEqual(['en', 'zh']);
    expect(Object.keys(json.totals).sort()).toEqual(['city', 'province']);
    for (const k of ['ytd', 'base', 'yoy', 'zones']) expect(json.totals.city['甲市']['01']).toHaveProperty(k);
  });
});
