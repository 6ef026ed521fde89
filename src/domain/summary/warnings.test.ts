/**
 * Early-warning boundaries not covered by the fixture: W-TARGET against the city total, W-NEG on
 * labels, the configurable thresholds (each fires AT its threshold, not just inside it), and
 * zone-order independence of the whole summary (fast-check).
 */
import fc from 'fast-check';
import { summarise } from './summarise';
import { checkReport, register, testConfig, zone, type ZoneFigures } from '../../../test/fixtures/summary/fixture';
import type { Config } from '../config/schema';

const zones = [zone('A1', '甲市'), zone('A2', '甲市'), zone('A3', '甲市')];
const run = (data: Record<string, ZoneFigures>, mut?: (c: Config) => void, month = '2026-09') => {
  const c = testConfig();
  mut?.(c);
  return summarise({ report: checkReport(month, data), register: register(zones), history: [], config: c });
};
const rules = (s: ReturnType<typeof run>, code: string) =>
  s.zones.find((z) => z.zone.code === code)!.warning.triggers.map((t) => `${t.rule} ${t.indicator ?? '-'}`);
const noScore = (c: Config) => {
  // a score that nobody has, so W-LAST stays out of these tests
  c.score.dimensions = [{ id: 'x', name: 'x', nameEn: 'x', weight: 1, items: [{ indicator: '22', measure: 'completion', weight: null, satisfactory: null, disallowed: null }] }];
};

describe('W-TARGET against the city total', () => {
  test('below the city total (Σ/Σ) fires; at it does not', () => {
    // A1 20 %, A2 9.9 %, A3 10 %. Σ 120 + 109.9 + 110 = 339.9 over 300 → 13.3 %
    // target 5: only the city total applies. A2 9.9 < 13.3, A3 10.0 < 13.3 fire; A1 20.0 does not.
    const s = run({ A1: { '01': [120, 100] }, A2: { '01': [109.9, 100] }, A3: { '01': [110, 100] } }, (c) => { c.warnings.belowCityTotal = true; noScore(c); });
    expect(s.totals.city['甲市']['01'].yoy).toBe(13.3);
    expect(rules(s, 'A1')).toEqual([]);
    expect(rules(s, 'A2')).toEqual(['W-TARGET 01']);
    const t = s.zones[1].warning.triggers[0];
    expect(t.reason.zh).toBe('提醒:规模以上工业总产值同比增长9.9%,低于全市平均13.3%');
    expect(t.detail.cityAverage).toBe(13.3);
  });

  test('a zone exactly at the city total does not fire', () => {
    // A1 10 %, A2 10 %, A3 10 %: total 10.0; nobody is below it
    const s = run({ A1: { '01': [110, 100] }, A2: { '01': [220, 200] }, A3: { '01': [33, 30] } }, (c) => { c.warnings.belowCityTotal = true; noScore(c); });
    expect(s.zones.map((z) => z.warning.level)).toEqual(['green', 'green', 'green']);
  });

  test('target growth: 4.9 fires, 5.0 does not (shown precision: 4.95 is 5.0)', () => {
    const s = run({ A1: { '01': [104.9, 100] }, A2: { '01': [104.95, 100] }, A3: { '01': [105, 100] } }, noScore);
    expect(rules(s, 'A1')).toEqual(['W-TARGET 01']);
    expect(rules(s, 'A2')).toEqual([]);
    expect(rules(s, 'A3')).toEqual([]);
  });
});

describe('W-NEG', () => {
  test('−0.05 is shown −0.1 and fires; −0.04 is shown 0.0 and does not (then W-TARGET)', () => {
    const s = run({ A1: { '01': [99.95, 100] }, A2: { '01': [99.96, 100] } }, noScore);
    expect(rules(s, 'A1')).toEqual(['W-NEG 01']);
    expect(rules(s, 'A2')).toEqual(['W-TARGET 01']);
  });
  test('由盈转亏 and 增亏 are red; 扭亏为盈 and 新增 are not', () => {
    const c = (mut: Config) => {
      noScore(mut);
      // make 05 (利润总额, may be negative) a key flow for this test
      mut.catalogue.find((i) => i.code === '05')!.key = true;
    };
    const s = run({
      A1: { '05': [-10, 20] }, // 由盈转亏
      A2: { '05': [-30, -20] }, // 增亏 (loss 20 → 30)
      A3: { '05': [10, -20] }, // 扭亏为盈
    }, c);
    expect(rules(s, 'A1')).toEqual(['W-NEG 05']);
    expect(rules(s, 'A2')).toEqual(['W-NEG 05']);
    expect(rules(s, 'A3')).toEqual([]);
    expect(s.zones[1].warning.triggers[0].reason.zh).toBe('约谈提醒:规上工业利润总额增亏');
  });
});

describe('configured thresholds move the boundaries', () => {
  test('pace 20/40: gap 20.0 yellow, 19.9 none, 40.0 yellow, 40.1 red', () => {
    const s = run({
      A1: { '08': [55, 50, 100] },   // 75.0 − 55.0 = 20.0
      A2: { '08': [55.1, 50, 100] }, // 19.9
      A3: { '08': [35, 30, 100] },   // 40.0
    }, (c) => { c.warnings.paceYellowPp = 20; c.warnings.paceRedPp = 40; noScore(c); });
    expect(rules(s, 'A1')).toEqual(['W-PACE-Y 08']);
    expect(rules(s, 'A2')).toEqual([]);
    expect(rules(s, 'A3')).toEqual(['W-PACE-Y 08']);
    const r = run({ A1: { '08': [34.9, 30, 100] } }, (c) => { c.warnings.paceYellowPp = 20; c.warnings.paceRedPp = 40; noScore(c); });
    expect(rules(r, 'A1')).toEqual(['W-PACE-R 08']);
  });

  test('tax share 60 / drop 3: 59.9 and −3.0 fire, 60.0 and −2.9 do not', () => {
    const s = run({
      A1: { '11': [1000, 1000], '12': [599, 599] },   // 59.9 %, change 0
      A2: { '11': [1000, 1000], '12': [600, 630] },   // 60.0 %, change −3.0
      A3: { '11': [1000, 1000], '12': [700, 729] },   // 70.0 %, change −2.9
    }, (c) => { c.warnings.taxShareMin = 60; c.warnings.taxShareDropPp = 3; noScore(c); });
    expect(rules(s, 'A1')).toEqual(['W-TAX 14']);
    expect(rules(s, 'A2')).toEqual(['W-TAX 14']);
    expect(rules(s, 'A3')).toEqual([]);
  });

  test('preview month: schedule 8/12 = 66.7; gap 66.7 − 56.7 = 10.0 is yellow', () => {
    const s = run({ A1: { '08': [56.7, 50, 100] } }, noScore, '2026-08');
    expect(s.quarterEnd).toBe(false);
    expect(rules(s, 'A1')).toEqual(['W-PACE-Y 08']);
  });
});

describe('order independence (fast-check)', () => {
  test('ranks, scores and levels do not depend on the order the files come in', () => {
    const growth = fc.integer({ min: -300, max: 300 }); // tenths of a %
    fc.assert(
      fc.property(fc.array(growth, { minLength: 3, maxLength: 3 }), fc.array(growth, { minLength: 3, maxLength: 3 }), fc.integer({ min: 0, max: 5 }), (g01, g08, p) => {
        const data: Record<string, ZoneFigures> = {};
        ['A1', 'A2', 'A3'].forEach((code, i) => {
          data[code] = { '01': [1000 + g01[i], 1000], '08': [1000 + g08[i], 1000, 2000], '11': [100, 100], '12': [70 + i, 75] };
        });
        const perms = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        const order = perms[p].map((i) => ['A1', 'A2', 'A3'][i]);
        const shuffled = Object.fromEntries(order.map((k) => [k, data[k]]));
        const a = run(data);
        const b = summarise({ report: checkReport('2026-09', shuffled), register: register(zones), history: [], config: testConfig() });
        const view = (s: ReturnType<typeof run>) => s.zones.map((z) => [z.zone.code, z.indicators['01'].rank, z.indicators['08'].rank, z.score, z.scoreRank, z.warning]);
        expect(view(b)).toEqual(view(a));
      }),
      { numRuns: 60 },
    );
  });
});
