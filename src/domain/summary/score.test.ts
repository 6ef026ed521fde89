/** The efficacy coefficient (功效系数法) and its edge cases, worked by hand. */
import { efficacy, scoreZones } from './score';
import { summarise } from './summarise';
import { checkReport, register, testConfig, zone } from '../../../test/fixtures/summary/fixture';
import type { Config } from '../config/schema';

describe('efficacy', () => {
  test('d = 60 + (x − x_s) / (x_h − x_s) × 40', () => {
    expect(efficacy(10, 20, 0, null)).toBe(80); // 60 + 10/20·40
    expect(efficacy(20, 20, 0, null)).toBe(100);
    expect(efficacy(0, 20, 0, null)).toBe(60);
  });
  test('x_h = x_s gives 100', () => {
    expect(efficacy(7, 7, 7, null)).toBe(100);
  });
  test('clamped to [0, 100], or to the cap', () => {
    // fixed 满意值 10, 不允许值 0: x = 15 → 60 + 1.5·40 = 120 → 100; with cap 110 → 110
    expect(efficacy(15, 10, 0, null)).toBe(100);
    expect(efficacy(15, 10, 0, 110)).toBe(110);
    // x = −20 → 60 − 2·40 = −20 → 0
    expect(efficacy(-20, 10, 0, null)).toBe(0);
  });
  test('direction lower: best is the smallest', () => {
    // best 2, worst 10: x = 4 → 60 + (4 − 10)/(2 − 10)·40 = 60 + 30 = 90
    expect(efficacy(4, 2, 10, null)).toBe(90);
  });
});

function config(mut: (c: Config) => void): Config {
  const c = testConfig();
  mut(c);
  return c;
}

describe('scoreZones through summarise', () => {
  const zones = [zone('A1', '甲市'), zone('A2', '甲市'), zone('A3', '甲市')];
  const data = {
    A1: { '01': [120, 100] as [number, number], '07': [2, 4] as [number, number] },
    A2: { '01': [110, 100] as [number, number], '07': [6, 4] as [number, number] },
    A3: { '01': [100, 100] as [number, number], '07': [10, 4] as [number, number] },
  };

  test('configured 满意值/不允许值 instead of the peer best and worst', () => {
    // 01 growth: A1 20 %, A2 10 %, A3 0 %; fixed satisfactory 10, disallowed −10:
    // A1 60 + 30/20·40 = 120 → 100; A2 60 + 20/20·40 = 100; A3 60 + 10/20·40 = 80
    const c = config((c) => {
      c.score.dimensions = [{ id: 'x', name: 'x', nameEn: 'x', weight: 10, items: [{ indicator: '01', measure: 'growth', weight: null, satisfactory: 10, disallowed: -10 }] }];
    });
    const s = summarise({ report: checkReport('2026-09', data), register: register(zones), history: [], config: c });
    expect(s.zones.map((z) => z.score)).toEqual([100, 100, 80]);
  });

  test('direction lower (亏损企业数 07, level) with peer best/worst, and weights shared in a dimension', () => {
    // 07 level: A1 2, A2 6, A3 10; lower is better: best 2, worst 10
    //   A1 100; A2 60 + (6 − 10)/(2 − 10)·40 = 80; A3 60
    // 01 growth: best 20, worst 0: A1 100, A2 80, A3 60
    // one dimension weight 30, two items without weights → 15 each: composite = mean
    const c = config((c) => {
      c.score.dimensions = [{ id: 'x', name: 'x', nameEn: 'x', weight: 30, items: [
        { indicator: '01', measure: 'growth', weight: null, satisfactory: null, disallowed: null },
        { indicator: '07', measure: 'level', weight: null, satisfactory: null, disallowed: null },
      ] }];
    });
    const s = summarise({ report: checkReport('2026-09', data), register: register(zones), history: [], config: c });
    expect(s.zones.map((z) => z.score)).toEqual([100, 80, 60]);
    expect(s.zones[1].indicators['07'].score).toBe(80);
  });

  test('completion measure, and a zone without a target is missing that item', () => {
    // 08 completion: A1 60/100 = 60 %, A2 30/100 = 30 %, A3 no target
    // best 60, worst 30: A1 100, A2 60; A3 has no item with a score → composite null
    const c = config((c) => {
      c.score.dimensions = [{ id: 'x', name: 'x', nameEn: 'x', weight: 20, items: [{ indicator: '08', measure: 'completion', weight: null, satisfactory: null, disallowed: null }] }];
    });
    const d = {
      A1: { '08': [60, 50, 100] as [number, number, number] },
      A2: { '08': [30, 50, 100] as [number, number, number] },
      A3: { '08': [30, 50] as [number, number] },
    };
    const s = summarise({ report: checkReport('2026-09', d), register: register(zones), history: [], config: c });
    expect(s.zones.map((z) => z.score)).toEqual([100, 60, null]);
    expect(s.zones[2].scoreMissing).toEqual(['08:completion']);
  });

  test('every zone equal: all get 100', () => {
    const c = testConfig();
    const d = { A1: { '01': [110, 100] as [number, number] }, A2: { '01': [110, 100] as [number, number] } };
    const s = summarise({ report: checkReport('2026-09', d), register: register(zones.slice(0, 2)), history: [], config: c });
    // 01 growth 10 % for both: x_h = x_s → 100; 14 missing for both
    expect(s.zones.map((z) => z.score)).toEqual([100, 100]);
    expect(s.zones[0].scoreRank!.city).toEqual({ n: 1, of: 2, tied: true });
  });

  test('scoreZones directly: peer groups are separate', () => {
    const c = testConfig();
    const mk = (code: string, g: number) => {
      const figures = new Map([['01', { ytd: 100 + g, base: 100, target: null, note: null, growth: { value: g, shown: g, label: null, unit: 'pct' as const } }]]);
      return {
        zone: zone(code, '甲市'), reported: true, unresolved: false, rated: true, consolidated: true, includedWithErrors: false, grayReason: null,
        flagged: new Set<string>(), figures, counted: figures, yoyReported: new Map(),
      };
    };
    const zs = [mk('P1', 10), mk('P2', 0), mk('Q1', 0)];
    const r = scoreZones(c, zs, (z) => (z.zone.code.startsWith('P') ? 'P' : 'Q'));
    // P: best 10, worst 0 → P1 100, P2 60; Q alone → 100
    expect(r.get('P1')!.composite).toBe(100);
    expect(r.get('P2')!.composite).toBe(60);
    expect(r.get('Q1')!.composite).toBe(100);
  });
});
