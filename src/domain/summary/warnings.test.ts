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
    expect(t.reason.zh).toBe('提醒:规模以上工业总产值同比增长9.9%,低于全市合计增速13.3%');
    expect(t.detail.cityTotal).toBe(13.3);
    expect(t.detail.cityMeanScore).toBeNull();
    // the comparator is the city total's growth, not the target
    expect(t.detail.target).toBeNull();
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

describe('W-LAST: ties for last (rules.md §6)', () => {
  const same = { '01': [110, 100], '11': [1000, 1000], '12': [800, 800] } as ZoneFigures;
  test('every zone of the city with the same score: nobody is last', () => {
    const s = run({ A1: same, A2: same, A3: same });
    expect(s.zones.map((z) => z.score)).toEqual([100, 100, 100]);
    expect(s.zones.map((z) => z.scoreRank!.city)).toEqual(Array(3).fill({ n: 1, of: 3, tied: true }));
    for (const z of s.zones) expect(z.warning.triggers.filter((t) => t.rule === 'W-LAST')).toEqual([]);
  });
  test('two of three share the lowest score: each of them is last, the best is not', () => {
    const s = run({ A1: { ...same, '01': [120, 100] }, A2: same, A3: same });
    // 01 growth (weight 60): 20.0 → 100, 10.0 → 60; 税收占比 (40) equal → 100: 100, 76, 76
    expect(s.zones.map((z) => z.score)).toEqual([100, 76, 76]);
    expect(rules(s, 'A1').filter((r) => r.startsWith('W-LAST'))).toEqual([]);
    expect(rules(s, 'A2').filter((r) => r.startsWith('W-LAST'))).toEqual(['W-LAST -']);
    expect(rules(s, 'A3').filter((r) => r.startsWith('W-LAST'))).toEqual(['W-LAST -']);
    const t = s.zones[1].warning.triggers.find((x) => x.rule === 'W-LAST')!;
    // compared with the city's mean score, named as such
    expect(t.reason.zh).toBe('提醒:综合得分76.0分,全市末位(全市平均得分84.0分)');
    expect(t.detail).toMatchObject({ value: 76, cityMeanScore: 84, cityTotal: null });
  });
});

describe('direction: lower reads every rule the other way (rules.md §6)', () => {
  const lower = (target: number | null) => (c: Config) => {
    noScore(c);
    const ind = c.catalogue.find((i) => i.code === '01')!;
    ind.direction = 'lower';
    ind.targetGrowth = target;
  };
  test('W-NEG fires on a rise (it got worse), not on a fall', () => {
    const s = run({ A1: { '01': [95, 100] }, A2: { '01': [102, 100] } }, lower(null));
    expect(rules(s, 'A1')).toEqual([]);
    expect(rules(s, 'A2')).toEqual(['W-NEG 01']);
    expect(s.zones[1].warning.triggers[0].reason.zh).toBe('约谈提醒:规模以上工业总产值同比增长2.0%');
  });
  test('a label that says the figure rose (新增) is the bad side too', () => {
    expect(rules(run({ A1: { '01': [5, 0] } }, lower(null)), 'A1')).toEqual(['W-NEG 01']);
  });
  test('W-TARGET when the growth is above the target growth or the city total\'s', () => {
    // target −3 %: A1 −5.0 meets it; A2 −1.0 is above it (a smaller fall than wanted); A3 −3.0 is at it
    const s = run({ A1: { '01': [95, 100] }, A2: { '01': [99, 100] }, A3: { '01': [97, 100] } }, lower(-3));
    expect(rules(s, 'A1')).toEqual([]);
    expect(rules(s, 'A2')).toEqual(['W-TARGET 01']);
    expect(rules(s, 'A3')).toEqual([]);
    expect(s.zones[1].warning.triggers[0].reason.zh).toBe('提醒:规模以上工业总产值同比下降1.0%,高于目标增速-3.0%');
    // against the city total: Σ 291 / Σ 300 = −3.0 %; A2 −1.0 is above it
    const c = run({ A1: { '01': [95, 100] }, A2: { '01': [99, 100] }, A3: { '01': [97, 100] } }, (cf) => { lower(null)(cf); cf.warnings.belowCityTotal = true; });
    expect(rules(c, 'A2')).toEqual(['W-TARGET 01']);
    expect(c.zones[1].warning.triggers[0].reason.zh).toBe('提醒:规模以上工业总产值同比下降1.0%,高于全市合计增速-3.0%');
    expect(rules(c, 'A1')).toEqual([]);
  });
  test('W-PACE when the completion runs ahead of the schedule', () => {
    const pace = (c: Config) => {
      noScore(c);
      c.catalogue.find((i) => i.code === '08')!.direction = 'lower';
    };
    // September: schedule 75.0; A1 completion 95.0 is 20.0 ahead (yellow); A2 55.0 is behind (good)
    const s = run({ A1: { '08': [95, 100, 100] }, A2: { '08': [55, 60, 100] } }, pace);
    expect(rules(s, 'A1')).toEqual(['W-PACE-Y 08']);
    expect(s.zones[0].warning.triggers[0].reason.zh).toBe('提醒:固定资产投资完成年度目标95.0%,超过序时进度20.0个百分点');
    expect(rules(s, 'A2')).toEqual([]);
  });
  test('W-REPEAT when the growth rose by 10 百分点 or more since the last quarter end', () => {
    const c = testConfig();
    lower(null)(c);
    // June: −15.0 %; September −3.0 % (still a fall, no W-NEG): 12.0 百分点 higher
    const history = [
      { period: '2026-06', zone: 'A1', indicator: '01', ytd: 85, base: 100, target: null, level: 'green' as const },
      { period: '2026-06', zone: 'A2', indicator: '01', ytd: 85, base: 100, target: null, level: 'green' as const },
    ];
    const s = summarise({ report: checkReport('2026-09', { A1: { '01': [97, 100] }, A2: { '01': [80, 100] } }), register: register(zones), history, config: c });
    expect(rules(s, 'A1')).toEqual(['W-REPEAT 01']);
    expect(s.zones[0].warning.triggers[0].reason.zh).toBe('重点关注:规模以上工业总产值增速比上季末上升12.0个百分点(-15.0%→-3.0%)');
    // A2 fell further (−15 → −20): good for a lower indicator
    expect(rules(s, 'A2')).toEqual([]);
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
