import { sampleRegister, registerSheet } from './register';
import { sampleMonth, sampleHistory, SAMPLE_CODES } from './month';
import { reportSheet } from './report-sheet';
import { clerkMistakes, toFullWidth } from './mistakes';
import { outSheetToGrid } from './grid';
import { hashString, mulberry32 } from './prng';

const P = (year: number, month: number) => ({ year, month });

describe('prng', () => {
  it('is deterministic and in [0,1)', () => {
    const a = mulberry32(42), b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(hashString('a')).not.toBe(hashString('b'));
  });
});

describe('sampleRegister', () => {
  it('gives ten hand-written zones over 盘锦市 and 营口市, then unique generated ones', () => {
    const ten = sampleRegister(10);
    expect(ten[0]).toMatchObject({ code: 'G212001', name: '盘锦辽滨沿海经济技术开发区', city: '盘锦市', province: '辽宁省', level: '国家级' });
    expect(ten.filter((z) => z.city === '盘锦市')).toHaveLength(5);
    expect(ten.filter((z) => z.city === '营口市')).toHaveLength(5);
    const many = sampleRegister(5000);
    expect(new Set(many.map((z) => z.code)).size).toBe(5000);
    expect(new Set(many.map((z) => z.name)).size).toBe(5000);
    const aliases = many.flatMap((z) => z.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(many.slice(0, 10)).toEqual(ten);
  });
  it('writes the register sheet with the labels of template.md §2', () => {
    const s = registerSheet(sampleRegister(2));
    expect(s.name).toBe('开发区名录');
    expect(s.rows[0].map((c) => c.v)).toEqual(['开发区代码', '开发区名称', '曾用名/简称', '级别', '类型', '所属市', '所属省']);
    expect(s.rows[1][2].v).toBe('辽滨经开区、盘锦经济开发区');
  });
});

describe('sampleMonth', () => {
  const zones = sampleRegister(10);
  const sep = sampleMonth(zones, P(2026, 9));
  const aug = sampleMonth(zones, P(2026, 8));
  const lastSep = sampleMonth(zones, P(2025, 9));

  it('fills all 23 indicators, with consistent partitions and 其中 items', () => {
    for (const { values: v } of sep) {
      expect(Object.keys(v).sort()).toEqual([...SAMPLE_CODES]);
      for (const k of ['ytd', 'base'] as const) {
        // partitions add up exactly (work in tenths to avoid binary noise)
        expect(Math.round(v['11'][k]! * 10)).toBe(Math.round(v['12'][k]! * 10) + Math.round(v['13'][k]! * 10));
        expect(Math.round(v['16'][k]! * 10)).toBe(Math.round(v['17'][k]! * 10) + Math.round(v['18'][k]! * 10));
        for (const [child, parent] of [['02', '01'], ['07', '06'], ['09', '08'], ['10', '08'], ['20', '19']]) {
          expect(v[child][k]!).toBeLessThanOrEqual(v[parent][k]!);
        }
      }
      for (const c of ['06', '07', '19', '20', '23']) expect(Number.isInteger(v[c].ytd)).toBe(true);
      expect(v['14'].ytd).toBeCloseTo((v['12'].ytd! / v['11'].ytd!) * 100, 1);
    }
  });

  it('national zones have 1-9月 规上工业总产值 in the expected range', () => {
    for (const { zone, values } of sep) {
      if (zone.level === '国家级') {
        expect(values['01'].ytd!).toBeGreaterThan(250_000);
        expect(values['01'].ytd!).toBeLessThan(3_000_000);
      }
    }
  });

  it('monotone flows rise month to month, 本月 is the difference, and the base is last year’s figure', () => {
    sep.forEach(({ values: v }, i) => {
      for (const c of ['01', '02', '04', '08', '09', '10', '16', '17', '18', '19', '20', '21', '22', '23']) {
        expect(v[c].ytd!).toBeGreaterThanOrEqual(aug[i].values[c].ytd!);
        expect(Math.round(v[c].month! * 10)).toBe(Math.round(v[c].ytd! * 10) - Math.round(aug[i].values[c].ytd! * 10));
      }
      for (const c of SAMPLE_CODES) {
        if (c !== '03' && c !== '14') expect(v[c].base).toBe(lastSep[i].values[c].ytd);
      }
    });
  });

  it('draws growth between about -15% and +25%, with one 新增 and one 由盈转亏', () => {
    const g = sep.map(({ values: v }) => (v['01'].ytd! / v['01'].base! - 1) * 100);
    expect(Math.min(...g)).toBeGreaterThan(-20);
    expect(Math.max(...g)).toBeLessThan(32);
    expect(sep[2].values['15'].base).toBe(0);
    expect(sep[2].values['15'].ytd!).toBeGreaterThan(0);
    expect(sep[3].values['05'].base!).toBeGreaterThan(0);
    expect(sep[3].values['05'].ytd!).toBeLessThan(0);
  });

  it('does not depend on how many zones are generated, and is deterministic', () => {
    expect(sampleMonth(zones.slice(0, 5), P(2026, 9))).toEqual(sep.slice(0, 5));
    expect(sampleMonth(zones, P(2026, 9), { seed: 7 })[0]).not.toEqual(sep[0]);
  });

  it('leaves janExempt indicators empty in January', () => {
    const jan = sampleMonth(zones.slice(0, 1), P(2026, 1))[0].values;
    expect(jan['08'].ytd).toBeNull();
    expect(jan['01'].ytd!).toBeGreaterThan(0);
    expect(jan['01'].month).toBe(jan['01'].ytd);
  });

  it('history rows match the generator for earlier months', () => {
    const h = sampleHistory(zones.slice(0, 2), [P(2026, 8)]);
    const row = h.find((r) => r.zone === 'G212002' && r.indicator === '01');
    expect(row).toEqual({ period: '2026-08', zone: 'G212002', indicator: '01', ytd: aug[1].values['01'].ytd, base: aug[1].values['01'].base, target: aug[1].values['01'].target, level: null });
  });
});

describe('reportSheet', () => {
  const zone = sampleRegister(1)[0];
  const [zm] = sampleMonth([zone], P(2026, 9));

  it('lays out the canonical template with formulas and cached results', () => {
    const s = reportSheet(zone, P(2026, 9), zm.values);
    expect(s.rows[0][0].v).toBe('开发区主要经济指标月报表');
    expect(s.merges).toContain('A1:I1');
    expect(s.rows[1][0].v).toBe('填报单位:盘锦辽滨沿海经济技术开发区');
    expect(s.rows[1][3].v).toBe('开发区代码:G212001');
    expect(s.rows[1][5].v).toBe('统计期:2026年9月');
    expect(s.rows[2].map((c) => c.v)).toEqual(['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)', '年度目标', '说明']);
    const r4 = s.rows[3];
    expect(r4[0].v).toBe('规模以上工业总产值');
    expect(r4[6].f).toBe('IF(AND(F4>0,E4>=0),ROUND((E4-F4)/F4*100,1),"")');
    const e = zm.values['01'].ytd!, f = zm.values['01'].base!;
    expect(r4[6].v).toBeCloseTo(((e - f) / f) * 100, 1);
    expect(s.rows[4][0].v).toBe('其中:战略性新兴产业产值');
    // 税收占比 (row 17) from 税收收入 (row 15) and 一般公共预算收入 (row 14)
    expect(s.rows[16][4].f).toBe('IF(E14>0,ROUND(E15/E14*100,1),"")');
    expect(s.rows[16][4].v).toBe(zm.values['14'].ytd);
    expect(s.rows[26]).toEqual([]);
    expect(s.rows[27][0].v).toBe('单位负责人:');
  });

  it('hand-checked growth: 120 over 100 is 20.0, a loss gives no %', () => {
    const v = { ...zm.values, '01': { month: 10, ytd: 120, base: 100, target: null }, '05': { month: null, ytd: -5, base: 8, target: null } };
    const s = reportSheet(zone, P(2026, 9), v);
    expect(s.rows[3][6].v).toBe(20);
    expect(s.rows[7][6].v).toBe('');
  });

  it('the empty template keeps the formulas with empty results', () => {
    const t = reportSheet(null, null, null, { sheetName: '月报模板' });
    expect(t.name).toBe('月报模板');
    expect(t.rows[3][6]).toMatchObject({ v: '', f: 'IF(AND(F4>0,E4>=0),ROUND((E4-F4)/F4*100,1),"")' });
    expect(t.rows[3][4].v).toBeNull();
  });

  it('clerk mistakes are typed over the cells and formulas recompute from them', () => {
    const o = clerkMistakes(zm.values);
    const s = reportSheet(zone, P(2026, 9), zm.values, { overrides: o });
    const row = (code: string) => s.rows.find((r) => r[1]?.v === code)!;
    expect(row('22')[4].v).toBe(Math.round(zm.values['22'].ytd! * 10000));
    expect(row('12')[4].v!).toBeGreaterThan(row('11')[4].v as number);
    expect(row('14')[4].v!).toBeGreaterThan(100);
    expect(typeof row('01')[3].v).toBe('string');
    expect(row('08')[5].v).toBeNull();
    expect(row('08')[6].v).toBe('');
    expect(row('16')[6].f).toBeUndefined();
    expect(toFullWidth('12.5')).toBe('１２．５');
  });

  it('outSheetToGrid reads like a port: formulas keep cached results, merges kept', () => {
    const g = outSheetToGrid(reportSheet(zone, P(2026, 9), zm.values));
    expect(g.rows[3][6]).toEqual({ v: expect.any(Number), f: 'IF(AND(F4>0,E4>=0),ROUND((E4-F4)/F4*100,1),"")', fmt: '0.0' });
    expect(g.rows[0][1]).toBeUndefined();
    expect(g.merges).toContain('A1:I1');
  });
});
