/**
 * Tables of many zones through check and summary (template.md §5): each zone row treated exactly as
 * the zone's own sheet; totals against the rows they cover; published growth and 位次 against the
 * recomputed ones; the same zone in a table and in its own sheet is V-DUP.
 */
import { checkWorkbooks, type CheckResult } from './check';
import { defaultConfig } from './config/validate';
import { goodRows, input, reportSheet, withRow } from './check.fixtures';
import { CITY_TABLE_MERGES, cityTableRows, VARIANT_ZONES } from './recognise/variants.fixtures';
import { grid, type FixtureCell } from './recognise/grid-fixture';
import { summarise, summarySheets } from './summary';
import { publishedGrowthLines } from './summary/published';
import type { SheetGrid } from './types';

const config = defaultConfig();
const table = (over: Partial<Record<string, FixtureCell[]>> = {}): SheetGrid => grid('盘锦市', cityTableRows(over), CITY_TABLE_MERGES);
const check = (...sheets: SheetGrid[]): CheckResult => checkWorkbooks([input('city.xlsx', sheets)], { config, registerZones: VARIANT_ZONES });
const summary = (c: CheckResult) => summarise({ report: c.report, register: c.register, history: c.history, config });

describe('a city table as input to check', () => {
  const c = check(table());
  test('one result per zone row, each a report of that zone for the month, with the table\'s cells', () => {
    const sheets = c.report.files[0].sheets;
    expect(sheets.map((s) => [s.sheet, s.kind, s.zone?.code, s.period, s.layout])).toEqual([
      ['盘锦市', 'report', 'G212001', '2026-09', 'table'],
      ['盘锦市', 'report', 'G212002', '2026-09', 'table'],
      ['盘锦市', 'report', 'G212003', '2026-09', 'table'],
    ]);
    expect(sheets[1].records[0]).toMatchObject({ indicator: '01', ytd: 200000, yoy: 8, growth: { value: 8, published: true }, cells: { ytd: 'B7' } });
  });
  test('no error, no warning: the totals add up, nothing is missing that the table could carry', () => {
    expect(c.report.findings.filter((f) => f.level !== 'info')).toEqual([]);
  });
  test('the rules run on each zone row as on a sheet: a blank key figure is that zone\'s V-REQ, at the table\'s cell', () => {
    const blank = check(table({ gaoxin: ['盘锦高新区', null, 8.0, 2, 6.0, -2.0, 3, 1.0, 12.0, 1] }));
    expect(blank.report.findings.filter((f) => f.rule === 'V-REQ').map((f) => [f.zone, f.cell])).toEqual([['G212002', 'B7']]);
  });
  test('"--" and "-" in a published table are listed as not checked, not as missing', () => {
    const marked = check(table({ total: ['全 市', '--', 9.6, null, 19.0, 3.4, null, 3.0, 8.4, null], shuangtaizi: ['双台子开发区', '--', '-', '-', 2.0, 4.0, 2, 0.4, -3.0, 3] }));
    expect(marked.report.findings.filter((f) => f.rule === 'V-REQ')).toEqual([]);
    expect(marked.report.skipped.some((s) => s.rule === 'V-REQ' && s.reason.zh.includes('B8'))).toBe(true);
  });
});

describe('totals of a table', () => {
  test('a total row 1 in its last shown digit off is rounding; more is V-SUM on the total, naming no zone', () => {
    const ok = check(table({ total: ['全 市', 70.1, 9.6, null, 19.0, 3.4, null, 3.0, 8.4, null] }));
    expect(ok.report.findings.filter((f) => f.rule === 'V-SUM')).toEqual([]);
    const off = check(table({ total: ['全 市', 71.0, 9.6, null, 19.0, 3.4, null, 3.0, 8.4, null] }));
    const sum = off.report.findings.filter((f) => f.rule === 'V-SUM');
    expect(sum.map((f) => [f.cell, f.zone, f.value, f.expected])).toEqual([['B5', null, 710000, 700000]]);
    expect(sum[0].message.zh).toContain('全 市');
    // about the table, not a zone: no zone turns gray for it
    expect(summary(off).zones.filter((z) => z.status === 'gray').map((z) => z.zone.code)).toEqual(['G110001']);
  });
  test('a (剔重) total may be below its rows, never above', () => {
    const below = check(table({ total: ['合计(剔重)', 65.0, 9.6, null, 19.0, 3.4, null, 3.0, 8.4, null] }));
    expect(below.report.findings.filter((f) => f.rule === 'V-SUM')).toEqual([]);
    const above = check(table({ total: ['合计(剔重)', 75.0, 9.6, null, 19.0, 3.4, null, 3.0, 8.4, null] }));
    expect(above.report.findings.filter((f) => f.rule === 'V-SUM').map((f) => f.cell)).toEqual(['B5']);
  });
});

describe('a table in the summary', () => {
  const s = summary(check(table()));
  test('each zone row is consolidated as the zone\'s report: rated, ranked on the published growth, and said so', () => {
    const byCode = new Map(s.zones.map((z) => [z.zone.code, z]));
    expect(byCode.get('G212001')).toMatchObject({ status: 'rated', indicators: { '01': { ytd: 400000, yoy: 12, growthPublished: true, rank: { city: { n: 1, of: 3 } } } } });
    expect(byCode.get('G212002')?.indicators['08'].rank?.city).toEqual({ n: 3, of: 3, tied: false });
    expect(publishedGrowthLines(s, config, 'zh')).toEqual([
      '注:盘锦辽滨沿海经济技术开发区、盘锦高新技术产业开发区、盘锦双台子经济开发区的规模以上工业总产值、固定资产投资、税收收入同比为报表公布数(报表没有上年同期数,未按数据复算),其增速位次按公布数排定。',
    ]);
    // and in the 汇总 sheet itself
    const sheet = summarySheets(s, config, 'zh')[0];
    expect(sheet.rows.some((r) => typeof r[0]?.v === 'string' && r[0].v.startsWith('注:盘锦辽滨'))).toBe(true);
  });
  test('published 位次 that agree with the figures raise nothing; a different one is a V-RANK finding per difference', () => {
    expect(s.findings.filter((f) => f.rule === 'V-RANK')).toEqual([]);
    const wrong = summary(check(table({
      gaoxin: ['盘锦高新区', 20.0, 8.0, 2, 6.0, -2.0, 2, 1.0, 12.0, 1],
      shuangtaizi: ['双台子开发区', 8.0, 3.0, 3, 2.0, 4.0, 3, 0.4, -3.0, 3],
    })));
    const r = wrong.findings.filter((f) => f.rule === 'V-RANK');
    expect(r.map((f) => [f.zone, f.cell, f.value, f.expected])).toEqual([['G212002', 'G7', 2, 3], ['G212003', 'G8', 3, 2]]);
    expect(r[0].message.zh).toContain('公布位次第2位,按数据应为第3位');
    expect(r[0].level).toBe('warning');
    // about the publication, not the zone's figures: the zones stay rated
    expect(wrong.zones.find((z) => z.zone.code === 'G212002')?.status).toBe('rated');
  });
});

describe('a workbook with a table and a zone\'s own sheet', () => {
  test('the same zone reported twice is V-DUP, and the zone is gray in the summary', () => {
    const own = reportSheet('辽滨9月', [['规模以上工业总产值', '01', '万元', null, 400000, 350000, 14.3]], { zone: '辽滨经开区', code: 'G212001' });
    const c = check(table(), own);
    const dup = c.report.findings.filter((f) => f.rule === 'V-DUP');
    expect(dup.map((f) => [f.sheet, f.zone])).toEqual([['辽滨9月', 'G212001']]);
    expect(summary(c).zones.find((z) => z.zone.code === 'G212001')?.status).toBe('gray');
  });
});

describe('a table with its base column and subtotals', () => {
  const rows = (liaobinYoy: number, subtotal: number): FixtureCell[][] => [
    ['统计期:2026年9月'],
    ['开发区', '规上工业总产值(万元)', null, null, null],
    [null, '1-9月累计', '上年同期', '同比(%)', '位次'],
    ['国家级开发区', null, null, null, null],
    ['辽滨经开区', 400000, 350000, liaobinYoy, 1],
    ['盘锦高新区', 200000, 180000, 11.1, 2],
    ['小计', subtotal, 530000, 13.2, null],
    ['双台子开发区', 80000, 76000, 5.3, 3],
    ['合计', 680000, 606000, 12.2, null],
  ];
  const sheet = (yoy: number, subtotal: number) => grid('盘锦市', rows(yoy, subtotal), ['B2:E2', 'A2:A3']);
  test('growth is recomputed from the base and a published one that differs is that zone\'s V-YOY, at the table\'s cell', () => {
    expect(check(sheet(14.3, 600000)).report.findings.filter((f) => f.level !== 'info')).toEqual([]);
    const wrong = check(sheet(15.3, 600000)).report.findings.filter((f) => f.rule === 'V-YOY');
    expect(wrong.map((f) => [f.zone, f.cell, f.value, f.expected])).toEqual([['G212001', 'D5', 15.3, 14.3]]);
  });
  test('a 小计 covers the rows since the header; the 合计 every row that adds up', () => {
    const off = check(sheet(14.3, 610000)).report.findings.filter((f) => f.rule === 'V-SUM');
    expect(off.map((f) => [f.cell, f.value, f.expected])).toEqual([['B7', 610000, 600000]]);
  });
});

describe('a rank published on a zone\'s own sheet (12.3(5))', () => {
  test('is compared with the zone\'s place in its city as the summary ranks it', () => {
    // 辽滨's good report (every figure consistent), its 规上工业总产值 同比 typed with a published rank
    const own = reportSheet('辽滨9月', withRow(goodRows(), '01', ['规模以上工业总产值', '01', '万元', 45765.4, 398765.4, 352011, '13.3(5)', 520000, null]));
    const r = summary(check(own)).findings.filter((f) => f.rule === 'V-RANK');
    expect(r.map((f) => [f.zone, f.cell, f.value, f.expected])).toEqual([['G212001', 'G4', 5, 1]]);
    expect(r[0].message.zh).toContain('公布位次第5位,按数据应为第1位');
  });
});
