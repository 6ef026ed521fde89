import { defaultConfig } from '../config/validate';
import type { Finding, Zone } from '../types';
import { buildRegister } from './register';
import { recogniseSheet, type RecogniseContext } from './sheet';
import type { RecognisedReport, SheetRecognition } from './types';
import { CANONICAL_HEADER, grid, type FixtureCell } from './grid-fixture';

const ZONES: Zone[] = [
  { code: 'G212001', name: '盘锦辽滨沿海经济技术开发区', aliases: ['辽滨经开区', '辽滨开发区'], level: '国家级', type: '经开区', city: '盘锦市', province: '辽宁省' },
  { code: 'S212002', name: '盘锦高新技术产业开发区', aliases: ['盘锦高新区'], level: '省级', type: '高新区', city: '盘锦市', province: '辽宁省' },
];
const register = buildRegister(ZONES).register;
const ctx = (over: Partial<RecogniseContext> = {}): RecogniseContext => ({ config: defaultConfig(), register, fallbackYear: null, ...over });

const TITLE = ['开发区主要经济指标月报表'];
const META = ['填报单位:盘锦辽滨沿海经济技术开发区', null, '开发区代码:G212001', null, '统计期:2026年9月', null, '金额单位:万元'];

/** The canonical sheet with the given data rows (template.md §1). */
function canonical(rows: FixtureCell[][], name = '辽滨', meta: FixtureCell[] = META) {
  return grid(name, [TITLE, meta, CANONICAL_HEADER, ...rows, ['单位负责人:', null, '填表人:', null, '联系电话:', null, '报出日期:']], ['A1:I1']);
}

function report(r: SheetRecognition): RecognisedReport {
  if (r.kind !== 'report') throw new Error(`expected a report, got ${r.kind}`);
  return r;
}
const rules = (r: RecognisedReport, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule);
const rec = (r: RecognisedReport, code: string) => r.records.find((x) => x.indicator === code);

describe('the canonical template', () => {
  const r = report(
    recogniseSheet(
      canonical([
        ['规模以上工业总产值', '01', '万元', 45210, 398765.4, 352011, 13.3, 520000, null],
        ['其中:战略性新兴产业产值', '02', '万元', 12000, 150000, 140000, 7.1, 200000, '新项目投产'],
      ]),
      ctx(),
    ),
  );

  test('finds the header under a merged title, zone, code and period', () => {
    expect(r.headerRow).toBe(2);
    expect(r.columns).toEqual({ name: 0, code: 1, unit: 2, month: 3, ytd: 4, base: 5, yoy: 6, target: 7, note: 8 });
    expect(r.zone).toEqual({ code: 'G212001', name: '盘锦辽滨沿海经济技术开发区' });
    expect(r.zoneCell).toBe('A2');
    expect(r.period).toEqual({ year: 2026, month: 9 });
    expect(r.amountUnit).toBe('万元');
  });

  test('reads every figure as written, in catalogue units, and stops at the footer', () => {
    expect(r.records).toHaveLength(2);
    expect(rec(r, '01')).toMatchObject({ row: 3, unit: '万元', month: 45210, ytd: 398765.4, base: 352011, yoy: 13.3, target: 520000, note: null });
    expect(rec(r, '01')?.cells).toMatchObject({ ytd: 'E4', base: 'F4', yoy: 'G4' });
    expect(rec(r, '02')).toMatchObject({ ytd: 150000, note: '新项目投产', formulaCols: [], invalidCols: [] });
  });

  test('a clean sheet has no findings', () => {
    expect(r.findings).toEqual([]);
  });
});

describe('local variants', () => {
  test('columns in another order, labels with full-width brackets and line breaks', () => {
    const s = grid('辽滨', [
      META,
      ['同比增长（%）', '上年同期\n累计', '指标名称', '1-本月累计', '计量单位'],
      [13.3, 352011, '规模以上工业总产值', 398765.4, '万元'],
    ]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.columns).toEqual({ yoy: 0, base: 1, name: 2, ytd: 3, unit: 4 });
    expect(rec(r, '01')).toMatchObject({ ytd: 398765.4, base: 352011, yoy: 13.3, month: null });
  });

  test('no 本月 column: read without it, and nothing said about it', () => {
    const s = grid('辽滨', [META, ['指标名称', '计量单位', '本年累计', '上年同期'], ['固定资产投资', '万元', 80000, 70000]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.columns.month).toBeUndefined();
    expect(rec(r, '08')).toMatchObject({ month: null, ytd: 80000, base: 70000 });
    expect(r.findings).toEqual([]);
  });

  test.each(['1-9月', '1—9月', '1~9月', '1至9月', '1－9月', '1-9月累计'])('"%s" as the cumulative label', (label) => {
    const s = grid('辽滨', [META, ['指标名称', '计量单位', label, '上年同期累计'], ['固定资产投资', '万元', 80000, 70000]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.columns.ytd).toBe(2);
    expect(rec(r, '08')?.ytd).toBe(80000);
    expect(rules(r, 'V-PERIOD')).toEqual([]);
  });

  test('names with 其中:, indents, numbering and aliases match the catalogue without a code column', () => {
    const s = grid('辽滨', [
      META,
      ['指标名称', '计量单位', '1-本月累计', '上年同期累计'],
      ['1.规上工业总产值', '万元', 100, 90], // alias of 01
      ['  其中：战略性新兴产业产值', '万元', 50, 40],
      ['固投', '万元', 80, 70], // alias of 08
      ['（一）一般公共预算收入', '万元', 30, 25],
      ['其中:税收收入', '万元', 25, 20],
      ['非税收入（万元）', '万元', 5, 5], // a unit in brackets after the name
    ]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.records.map((x) => x.indicator)).toEqual(['01', '02', '08', '11', '12', '13']);
    expect(rules(r, 'V-UNKNOWN-ROW')).toEqual([]);
  });

  test('full-width digits in a cell: read (１２３，４５６．７ = 123456.7) and reported as a text number', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, '１２３，４５６．７', 100000]]), ctx()));
    expect(rec(r, '01')?.ytd).toBe(123456.7);
    const t = rules(r, 'V-TEXTNUM');
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ level: 'warning', cell: 'E4', indicator: '01', zone: 'G212001', period: '2026-09', explained: false });
  });

  test('a text number on a row with a 说明 is an explained warning', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, '1000', 900, null, null, '系统导出为文本']]), ctx()));
    expect(rules(r, 'V-TEXTNUM')[0].explained).toBe(true);
  });

  test('a 亿元 row in a 万元 sheet is converted (× 10000) and said so with the factor', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '亿元', 1.2, 8.5, 7.25, null, 12]]), ctx()));
    // 8.5 亿元 = 85000 万元; 7.25 亿元 = 72500 万元; 1.2 亿元 = 12000 万元; 12 亿元 = 120000 万元
    expect(rec(r, '08')).toMatchObject({ unit: '万元', month: 12000, ytd: 85000, base: 72500, target: 120000 });
    const c = rules(r, 'V-UNITCONV');
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ level: 'info', cell: 'C4', indicator: '08' });
    expect(c[0].message.zh).toContain('已按万元换算,系数 10000');
  });

  test('金额单位:亿元 converts money rows without their own unit, once said at the 金额单位 cell', () => {
    const meta = ['填报单位:辽滨经开区', null, null, null, '统计期:2026年9月', null, '金额单位:亿元'];
    const s = grid('辽滨', [meta, ['指标名称', '1-本月累计', '上年同期累计'], ['固定资产投资', 8.5, 7], ['一般公共预算收入', 3.2, 3], ['规上工业企业数', 45, 40]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(rec(r, '08')).toMatchObject({ ytd: 85000, base: 70000 });
    expect(rec(r, '11')).toMatchObject({ ytd: 32000, base: 30000 });
    // a count is not a money row: 45 个 stays 45
    expect(rec(r, '06')).toMatchObject({ ytd: 45, base: 40 });
    const c = rules(r, 'V-UNITCONV');
    expect(c).toHaveLength(1);
    expect(c[0].cell).toBe('G1');
    expect(c[0].message.zh).toContain('系数 10000');
  });

  test('the zone is resolved by alias when there is no code', () => {
    const meta = ['填报单位：辽滨经开区', null, null, null, '统计期:2026年9月'];
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, 1, 1]], '辽滨', meta), ctx()));
    expect(r.zone).toEqual({ code: 'G212001', name: '盘锦辽滨沿海经济技术开发区' });
    expect(rules(r, 'V-ZONE')).toEqual([]);
  });

  test('the value in the next cell to the right when the label cell has none', () => {
    const meta = ['填报单位:', null, '盘锦高新区', '统计期', '2026年1-9月'];
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, 1, 1]], 'x', meta), ctx()));
    expect(r.zone?.code).toBe('S212002');
    expect(r.zoneCell).toBe('C2');
    expect(r.period).toEqual({ year: 2026, month: 9 });
  });

  test('without a 填报单位 the sheet name names the zone', () => {
    const meta = ['统计期:2026年9月'];
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, 1, 1]], '盘锦高新区', meta), ctx()));
    expect(r.zone?.code).toBe('S212002');
    expect(r.zoneCell).toBeNull();
  });

  test('a code typed as a number (01 became 1) still matches', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', 1, '万元', null, 10, 9]]), ctx()));
    expect(rec(r, '01')?.ytd).toBe(10);
  });

  test('a two-row title merged across the columns does not hide the header', () => {
    const s = grid('辽滨', [['2026年开发区主要经济指标月报表'], [], META, CANONICAL_HEADER, ['税收收入', '12', '万元', null, 500, 400]], ['A1:I2']);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.headerRow).toBe(3);
    expect(rec(r, '12')?.ytd).toBe(500);
  });

  test('a merged cell\'s value counts once: the other cells of the range read blank', () => {
    // A port may repeat the master's value in every cell of a merge; 本月 and 累计 merged must not both read 30.
    const s = grid('辽滨', [META, CANONICAL_HEADER, ['税收收入', '12', '万元', 30, 30, 25]], ['D3:E3']);
    const r = report(recogniseSheet(s, ctx()));
    expect(rec(r, '12')).toMatchObject({ month: 30, ytd: null, base: 25 });
  });

  test('a two-row header: 累计 merged over three columns, with 本年 | 上年同期 | 增长% below', () => {
    const s = grid('辽滨', [
      META,
      ['指标名称', '计量单位', '本月', '累计', null, null],
      [null, null, null, '本年', '上年同期', '增长%'],
      ['税收收入', '万元', 50, 500, 400, 25],
    ], ['A2:A3', 'B2:B3', 'C2:C3', 'D2:F2']);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.headerRow).toBe(2);
    expect(r.columns).toEqual({ name: 0, unit: 1, month: 2, ytd: 3, base: 4, yoy: 5 });
    expect(rec(r, '12')).toMatchObject({ month: 50, ytd: 500, base: 400, yoy: 25 });
    expect(r.findings).toEqual([]);
  });

  test('填报单位(盖章): a remark in brackets between the key and its colon', () => {
    const meta = ['填报单位（盖章）：盘锦高新区', null, null, null, '报告期：2026年1-9月'];
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 5, 4]], 'x', meta), ctx()));
    expect(r.zone?.code).toBe('S212002');
    expect(r.period).toEqual({ year: 2026, month: 9 });
  });

  test('a value ends at a wide gap, and a trailing (盖章) is not part of the name', () => {
    const meta = ['填报单位:盘锦高新区(盖章)      2026年', null, null, null, '统计期:2026年9月'];
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 5, 4]], 'x', meta), ctx()));
    expect(r.zoneText).toBe('盘锦高新区');
    expect(r.zone?.code).toBe('S212002');
  });

  test('a bare "单位:亿元" sets the amount unit; "单位:<a zone>" does not', () => {
    const m1 = ['填报单位:盘锦高新区', null, null, null, '统计期:2026年9月', null, '单位:亿元'];
    const r1 = report(recogniseSheet(canonical([['税收收入', '12', null, null, 5, 4]], 'x', m1), ctx()));
    expect(r1.amountUnit).toBe('亿元');
    expect(rec(r1, '12')?.ytd).toBe(50000);
    const m2 = ['单位:盘锦高新区', null, null, null, '统计期:2026年9月'];
    const r2 = report(recogniseSheet(canonical([['税收收入', '12', null, null, 5, 4]], '盘锦高新区', m2), ctx()));
    expect(r2.amountUnit).toBe('万元');
    expect(rules(r2, 'V-UNIT')).toEqual([]);
  });

  test('several keys in one cell', () => {
    const meta = ['填报单位:盘锦高新区    统计期:2026年8月    金额单位:亿元'];
    const r = report(recogniseSheet(canonical([['税收收入', '12', null, null, 5, 4]], 'x', meta), ctx()));
    expect(r.zone?.code).toBe('S212002');
    expect(r.period).toEqual({ year: 2026, month: 8 });
    expect(r.amountUnit).toBe('亿元');
    expect(rec(r, '12')?.ytd).toBe(50000);
  });

  test('the month with its own 同比: the cumulative 同比 is the one right of the cumulative column', () => {
    const s = grid('辽滨', [META, ['指标名称', '本月', '同比(%)', '1-本月累计', '上年同期累计', '同比(%)'], ['税收收入', 50, 99.9, 500, 400, 25]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.columns).toMatchObject({ month: 1, ytd: 3, base: 4, yoy: 5 });
    expect(rec(r, '12')?.yoy).toBe(25);
    expect(r.findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  test('the month with its own 上年同期: the cumulative base is the one right of the cumulative column', () => {
    const s = grid('辽滨', [META, ['指标名称', '本月', '上年同期', '累计', '上年同期'], ['税收收入', 50, 45, 500, 400]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(rec(r, '12')).toMatchObject({ month: 50, ytd: 500, base: 400 });
  });

  test('two columns with one meaning (two 1-本月累计): V-LAYOUT error, the first is read', () => {
    const s = grid('辽滨', [META, ['指标名称', '本年累计', '1-本月累计', '上年同期累计'], ['税收收入', 500, 501, 400]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(rec(r, '12')?.ytd).toBe(500);
    const l = rules(r, 'V-LAYOUT').filter((f) => f.level === 'error');
    expect(l).toHaveLength(1);
    expect(l[0]).toMatchObject({ cell: 'C2' });
  });

  test('columns named by year: 2026年1-9月 is the cumulative, 2025年1-9月 the base, and the label gives the period', () => {
    const s = grid('辽滨经开区', [['指标名称', '计量单位', '2026年1-9月', '2025年1-9月', '增长%'], ['税收收入', '万元', 500, 400, 25]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.columns).toMatchObject({ ytd: 2, base: 3, yoy: 4 });
    expect(rec(r, '12')).toMatchObject({ ytd: 500, base: 400, yoy: 25 });
    expect(r.period).toEqual({ year: 2026, month: 9 });
    expect(rules(r, 'V-PERIOD')).toEqual([]);
  });

  test('a dated cumulative label contradicting the 统计期 year is a V-PERIOD error', () => {
    const s = grid('辽滨', [['统计期:2026年9月'], ['指标名称', '计量单位', '2025年1-9月', '2024年1-9月'], ['税收收入', '万元', 500, 400]]);
    const r = report(recogniseSheet(s, ctx()));
    const p = rules(r, 'V-PERIOD');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ cell: 'C2', value: '2025年1-9月' });
  });

  test('hidden rows are read like others', () => {
    const s = canonical([['税收收入', '12', '万元', null, 500, 400]]);
    const r = report(recogniseSheet({ ...s, hidden: true }, ctx()));
    expect(rec(r, '12')?.ytd).toBe(500);
  });

  test('a column-number row (甲 乙 1 2 3) under the header is layout, not an unknown row', () => {
    const r = report(recogniseSheet(canonical([['甲', '乙', '丙', 1, 2, 3, 4, 5, 6], ['税收收入', '12', '万元', null, 500, 400]]), ctx()));
    expect(rules(r, 'V-UNKNOWN-ROW')).toEqual([]);
    expect(r.records).toHaveLength(1);
  });
});

describe('kinds of indicator', () => {
  test('a stock: the cumulative column holds the period-end number', () => {
    const r = report(recogniseSheet(canonical([['规上工业企业数', '06', '个', null, 45, 42]]), ctx()));
    expect(rec(r, '06')).toMatchObject({ unit: '个', ytd: 45, base: 42 });
  });

  test('a rate sits in the cumulative column; "8.5%" text there reads as 8.5', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业增加值增速', '03', '%', null, 8.5, 7.9]]), ctx()));
    expect(rec(r, '03')).toMatchObject({ unit: '%', ytd: 8.5, base: 7.9, yoy: null });
    const r2 = report(recogniseSheet(canonical([['规模以上工业增加值增速', '03', '%', null, { v: 0.085, fmt: '0.0%' }, '7.9%']]), ctx()));
    expect(rec(r2, '03')).toMatchObject({ ytd: 8.5, base: 7.9 });
  });

  test('a rate typed only in the 同比 column is a layout error, not silently lost', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业增加值增速', '03', '%', null, null, null, 8.5]]), ctx()));
    const l = rules(r, 'V-LAYOUT');
    expect(l).toHaveLength(1);
    expect(l[0]).toMatchObject({ level: 'error', cell: 'G4', indicator: '03', value: 8.5 });
  });

  test('a ratio: this year and last year, the 同比 cell read as a 百分点 change', () => {
    const r = report(recogniseSheet(canonical([['税收占比', '14', '%', null, '96.3%', 95.1, 1.2]]), ctx()));
    expect(rec(r, '14')).toMatchObject({ ytd: 96.3, base: 95.1, yoy: 1.2 });
  });

  test('实际使用外资 in 万美元 is kept in 万美元', () => {
    const r = report(recogniseSheet(canonical([['实际使用外资', '15', '万美元', null, 1200, 1000]]), ctx()));
    expect(rec(r, '15')).toMatchObject({ unit: '万美元', ytd: 1200 });
    expect(r.findings).toEqual([]);
  });

  test('a 万元 indicator reported in 万美元 is a V-UNIT error, never converted', () => {
    const r = report(recogniseSheet(canonical([['进出口总额', '16', '万美元', null, 1200, 1000]]), ctx()));
    expect(rec(r, '16')).toMatchObject({ ytd: null, base: null });
    expect(rec(r, '16')?.invalidCols).toEqual(expect.arrayContaining(['ytd', 'base']));
    const u = rules(r, 'V-UNIT');
    expect(u).toHaveLength(1);
    expect(u[0]).toMatchObject({ level: 'error', cell: 'C4', indicator: '16', value: '万美元', expected: '万元' });
  });

  test('an unknown unit is a V-UNIT error and the row\'s values are not used', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '吨', null, 10, 9]]), ctx()));
    expect(rec(r, '08')).toMatchObject({ ytd: null, base: null });
    expect(rules(r, 'V-UNIT')).toHaveLength(1);
  });
});

describe('cells that are not plain numbers', () => {
  test('no-data marks are null, never 0; an explicit 0 is 0', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '万元', '—', '-', '/', null, '无'], ['税收收入', '12', '万元', 0, 0, '— —']]), ctx()));
    expect(rec(r, '08')).toMatchObject({ month: null, ytd: null, base: null, target: null });
    expect(rec(r, '12')).toMatchObject({ month: 0, ytd: 0, base: null });
    expect(r.findings).toEqual([]);
  });

  test('a formula error is a V-TYPE error quoting the error value; the value is null', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, 100, 0, { v: { error: '#DIV/0!' }, f: '(E4/F4-1)*100' }]]), ctx()));
    expect(rec(r, '01')).toMatchObject({ yoy: null, invalidCols: ['yoy'], formulaCols: ['yoy'] });
    const t = rules(r, 'V-TYPE');
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ level: 'error', cell: 'G4', value: '#DIV/0!' });
    expect(t[0].message.zh).toContain('#DIV/0!');
    expect(t[0].message.en).toContain('#DIV/0!');
  });

  test('a formula never calculated is a V-TYPE error telling to recalculate and save, not 0', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, { v: null, f: 'SUM(E5:E6)', noResult: true }, 100]]), ctx()));
    expect(rec(r, '01')).toMatchObject({ ytd: null, invalidCols: ['ytd'], formulaCols: ['ytd'] });
    const t = rules(r, 'V-TYPE')[0];
    expect(t.cell).toBe('E4');
    expect(t.message.zh).toContain('重新计算');
    expect(t.message.en).toMatch(/[Rr]ecalculate.*save/);
  });

  test('a formula with a cached result is read, and its column listed in formulaCols', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, 110, 100, { v: 10, f: 'ROUND((E4/F4-1)*100,1)' }]]), ctx()));
    expect(rec(r, '01')).toMatchObject({ yoy: 10, formulaCols: ['yoy'] });
  });

  test('a date in a numeric cell is a V-TYPE error with the date in the message', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '万元', null, { v: { date: '2026-09-30' } }, 100]]), ctx()));
    expect(rec(r, '08')?.ytd).toBeNull();
    const t = rules(r, 'V-TYPE')[0];
    expect(t).toMatchObject({ cell: 'E4', value: '2026-09-30' });
    expect(t.message.zh).toContain('2026-09-30');
  });

  test('text that is not a number is a V-TYPE error quoting the text', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '万元', null, '约8万', 100]]), ctx()));
    const t = rules(r, 'V-TYPE')[0];
    expect(t.message.zh).toContain('“约8万”');
    expect(t.message.en).toContain('"约8万"');
  });

  test('an in-cell unit "3.5亿元" in a 万元 row: converted to 35000 and reported (text number + conversion)', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '万元', null, '3.5亿元', 30000]]), ctx()));
    expect(rec(r, '08')?.ytd).toBe(35000);
    expect(rules(r, 'V-TEXTNUM')).toHaveLength(1);
    const c = rules(r, 'V-UNITCONV');
    expect(c).toHaveLength(1);
    expect(c[0].cell).toBe('E4');
    expect(c[0].message.zh).toContain('系数 10000');
  });

  test('a unit only in the number format that differs from the row\'s unit converts like a unit cell', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '万元', null, { v: 3.5, fmt: '0.0"亿元"' }, 30000]]), ctx()));
    expect(rec(r, '08')?.ytd).toBe(35000);
    expect(rules(r, 'V-UNITCONV')).toHaveLength(1);
    expect(rules(r, 'V-TEXTNUM')).toEqual([]);
  });

  test('a number format that scales the display (#,##0,,) is a V-UNIT error: shown and stored figures differ', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '万元', null, { v: 850000000, fmt: '#,##0,,' }, { v: 70000, fmt: '#,##0' }]]), ctx()));
    expect(rec(r, '08')).toMatchObject({ ytd: null, base: 70000, invalidCols: ['ytd'] });
    expect(rules(r, 'V-UNIT')[0]).toMatchObject({ cell: 'E4', level: 'error' });
  });

  test('a format unit in another currency is a V-UNIT error and the value is not used', () => {
    const r = report(recogniseSheet(canonical([['固定资产投资', '08', '万元', null, { v: 3.5, fmt: '0.0"万美元"' }, 30000]]), ctx()));
    expect(rec(r, '08')).toMatchObject({ ytd: null, base: 30000, invalidCols: ['ytd'] });
    expect(rules(r, 'V-UNIT')[0].cell).toBe('E4');
  });
});

describe('the 同比 cell', () => {
  test('a growth label (新增, 扭亏为盈…) is kept as a label, not a type error', () => {
    const r = report(
      recogniseSheet(
        canonical([
          ['规模以上工业总产值', '01', '万元', null, 100, 0, { v: '新增', f: 'IF(F4=0,"新增",ROUND((E4/F4-1)*100,1))' }],
          ['规上工业利润总额', '05', '万元', null, 100, -50, '扭亏为盈'],
          ['固定资产投资', '08', '万元', null, 100, 0, '新增(上年为0)'],
        ]),
        ctx(),
      ),
    );
    expect(rec(r, '01')).toMatchObject({ yoy: null, yoyLabel: '新增', formulaCols: ['yoy'], invalidCols: [] });
    expect(rec(r, '05')).toMatchObject({ yoy: null, yoyLabel: '扭亏为盈' });
    expect(rec(r, '08')).toMatchObject({ yoy: null, yoyLabel: '新增' });
    expect(r.findings).toEqual([]);
  });

  test('a plain % leaves the label null', () => {
    const r = report(recogniseSheet(canonical([['规模以上工业总产值', '01', '万元', null, 110, 100, 10]]), ctx()));
    expect(rec(r, '01')).toMatchObject({ yoy: 10, yoyLabel: null });
  });

  test('a ratio\'s change written "1.2个百分点" reads as 1.2 (and is a text number)', () => {
    const r = report(recogniseSheet(canonical([['税收占比', '14', '%', null, 96.3, 95.1, '1.2个百分点']]), ctx()));
    expect(rec(r, '14')?.yoy).toBe(1.2);
    expect(rules(r, 'V-TEXTNUM')).toHaveLength(1);
  });

  test('"个百分点" in a growth column of a flow is not a number', () => {
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 110, 100, '10个百分点']]), ctx()));
    expect(rec(r, '12')?.yoy).toBeNull();
    expect(rules(r, 'V-TYPE')).toHaveLength(1);
  });
});

describe('rows', () => {
  test('a bureau catalogue with two names that normalise alike: the name matches nothing (reported), the code decides', () => {
    const config = defaultConfig();
    const i13 = config.catalogue.find((i) => i.code === '13');
    if (!i13) throw new Error('no 13');
    i13.aliases = ['其中:税收收入']; // normalises to 税收收入, the name of 12
    const r = report(recogniseSheet(canonical([['税收收入', null, '万元', null, 5, 4], ['税收收入', '12', '万元', null, 5, 4]]), { config, register, fallbackYear: null }));
    expect(r.records.map((x) => x.indicator)).toEqual(['12']);
    expect(rules(r, 'V-UNKNOWN-ROW')).toHaveLength(1);
  });

  test('a row naming no indicator is reported (info), not dropped silently', () => {
    const r = report(recogniseSheet(canonical([['园区企业用电量', null, '万千瓦时', null, 100, 90]]), ctx()));
    expect(r.records).toEqual([]);
    const u = rules(r, 'V-UNKNOWN-ROW');
    expect(u).toHaveLength(1);
    expect(u[0]).toMatchObject({ level: 'info', cell: 'A4', value: '园区企业用电量' });
  });

  test('the same indicator twice: V-DUP on the second row, which is not used', () => {
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 500, 400], ['税收', null, '万元', null, 999, 1]]), ctx()));
    expect(r.records).toHaveLength(1);
    expect(rec(r, '12')?.ytd).toBe(500);
    const d = rules(r, 'V-DUP');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ level: 'error', cell: 'A5', indicator: '12' });
  });

  test('blank rows are skipped; reading stops at 填表人 / 注:', () => {
    const s = grid('辽滨', [META, CANONICAL_HEADER, ['税收收入', '12', '万元', null, 500, 400], [], ['注：本表为快报数'], ['非税收入', '13', '万元', null, 5, 4]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.records.map((x) => x.indicator)).toEqual(['12']);
    expect(rules(r, 'V-UNKNOWN-ROW')).toEqual([]);
  });

  test('a code that contradicts the name is an error; the row is read by its code', () => {
    const r = report(recogniseSheet(canonical([['税收收入', '11', '万元', null, 500, 400]]), ctx()));
    expect(rec(r, '11')?.ytd).toBe(500);
    const l = rules(r, 'V-LAYOUT');
    expect(l).toHaveLength(1);
    expect(l[0]).toMatchObject({ cell: 'B4', indicator: '11' });
  });

  test('a code whose name contains the row\'s name still conflicts when the name is another indicator', () => {
    // 17 is 出口额 (alias 出口); the row's name 进出口总额 is indicator 16
    const r = report(recogniseSheet(canonical([['进出口总额', '17', '万元', null, 500, 400]]), ctx()));
    expect(rules(r, 'V-LAYOUT')).toHaveLength(1);
  });

  test('local wording of the name with a known code is accepted without a word', () => {
    const r = report(recogniseSheet(canonical([['工业总产值(现价)', '01', '万元', null, 500, 400]]), ctx()));
    expect(rec(r, '01')?.ytd).toBe(500);
    expect(r.findings).toEqual([]);
  });

  test('a header repeated below (page break) is skipped', () => {
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 500, 400], CANONICAL_HEADER, ['非税收入', '13', '万元', null, 50, 40]]), ctx()));
    expect(r.records.map((x) => x.indicator)).toEqual(['12', '13']);
    expect(r.findings).toEqual([]);
  });

  test('a second table with another layout stops the reading with an error', () => {
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 500, 400], ['指标名称', '上年同期累计', '1-本月累计'], ['非税收入', 40, 50]]), ctx()));
    expect(r.records.map((x) => x.indicator)).toEqual(['12']);
    expect(rules(r, 'V-LAYOUT')).toHaveLength(1);
    expect(rules(r, 'V-LAYOUT')[0].cell).toBe('A5');
  });

  test('no unit column: catalogue units assumed, and said so once', () => {
    const s = grid('辽滨', [META, ['指标名称', '1-本月累计', '上年同期累计'], ['实际使用外资', 100, 90], ['税收收入', 5, 4]]);
    const r = report(recogniseSheet(s, ctx({})));
    const info = r.findings.filter((f) => f.rule === 'V-LAYOUT');
    expect(info).toHaveLength(1);
    expect(info[0].level).toBe('info');
  });
});

describe('zone', () => {
  test('an unknown zone is a V-ZONE error saying what was read and where', () => {
    const meta = ['填报单位:大洼临港经济区', null, null, null, '统计期:2026年9月'];
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 5, 4]], 'x', meta), ctx()));
    expect(r.zone).toBeNull();
    const z = rules(r, 'V-ZONE');
    expect(z).toHaveLength(1);
    expect(z[0]).toMatchObject({ level: 'error', cell: 'A2', zone: '大洼临港经济区', value: '大洼临港经济区' });
    expect(z[0].message.zh).toContain('大洼临港经济区');
    expect(z[0].message.zh).toContain('A2');
  });

  test('a code not in the register, with a name that is: error, and the code to use', () => {
    const meta = ['填报单位:盘锦高新区', null, '开发区代码:X999', null, '统计期:2026年9月'];
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 5, 4]], 'x', meta), ctx()));
    expect(r.zone?.code).toBe('S212002');
    const z = rules(r, 'V-ZONE');
    expect(z).toHaveLength(1);
    expect(z[0].message.zh).toContain('S212002');
  });

  test('a code and a name naming two different zones is an error', () => {
    const meta = ['填报单位:盘锦高新区', null, '开发区代码:G212001', null, '统计期:2026年9月'];
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 5, 4]], 'x', meta), ctx()));
    expect(rules(r, 'V-ZONE')).toHaveLength(1);
  });

  test('without a register: the zone is what the sheet says, and no error', () => {
    const r = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 5, 4]]), ctx({ register: null })));
    expect(r.zone).toEqual({ code: 'G212001', name: '盘锦辽滨沿海经济技术开发区' });
    expect(rules(r, 'V-ZONE')).toEqual([]);
    const meta = ['填报单位:某某开发区', null, null, null, '统计期:2026年9月'];
    const r2 = report(recogniseSheet(canonical([['税收收入', '12', '万元', null, 5, 4]], 'x', meta), ctx({ register: null })));
    expect(r2.zone).toEqual({ code: '某某开发区', name: '某某开发区' });
  });

  test('a sheet named only by a month, with no 填报单位: the zone is missing (error)', () => {
    const s = grid('9月', [['统计期:2026年9月'], CANONICAL_HEADER, ['税收收入', '12', '万元', null, 5, 4]]);
    const r = report(recogniseSheet(s, ctx({ register: null })));
    expect(r.zone).toBeNull();
    expect(rules(r, 'V-ZONE')).toHaveLength(1);
  });
});

describe('period', () => {
  const withPeriod = (text: FixtureCell, name = '辽滨', header = CANONICAL_HEADER) =>
    grid(name, [['填报单位:辽滨经开区', null, '统计期:', text], header, ['税收收入', '12', '万元', null, 5, 4]]);

  test.each([
    ['2026年9月', 9],
    ['2026年1-9月', 9],
    ['2026年9月份', 9],
    ['2026-09', 9],
    ['2026.9', 9],
    ['2026/9', 9],
    ['２０２６年３月', 3],
  ])('"%s" is month %s of 2026', (text, month) => {
    const r = report(recogniseSheet(withPeriod(text), ctx()));
    expect(r.period).toEqual({ year: 2026, month });
    expect(rules(r, 'V-PERIOD')).toEqual([]);
  });

  test('a date typed into the 统计期 cell (Excel turned 2026-09 into a date) counts by year and month', () => {
    const r = report(recogniseSheet(withPeriod({ v: { date: '2026-09-01' } }), ctx()));
    expect(r.period).toEqual({ year: 2026, month: 9 });
  });

  test('a date handed over as a serial number with a date format (Office.js) counts by year and month', () => {
    // 46266 = 2026-09-01 (46023 is 2026-01-01; + 243 days to September 1st)
    const r = report(recogniseSheet(withPeriod({ v: 46266, fmt: 'yyyy"年"m"月"' }), ctx()));
    expect(r.period).toEqual({ year: 2026, month: 9 });
  });

  test('a quarter is not a month: V-PERIOD error', () => {
    const r = report(recogniseSheet(withPeriod('2026年第三季度'), ctx()));
    expect(r.period).toBeNull();
    const p = rules(r, 'V-PERIOD');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ level: 'error', cell: 'D1', value: '2026年第三季度' });
  });

  test('an unreadable period is an error', () => {
    const r = report(recogniseSheet(withPeriod('本月'), ctx()));
    expect(rules(r, 'V-PERIOD')).toHaveLength(1);
  });

  test('a period contradicting the sheet name is an error', () => {
    const r = report(recogniseSheet(withPeriod('2026年9月', '2026年8月'), ctx()));
    const p = rules(r, 'V-PERIOD');
    expect(p).toHaveLength(1);
    expect(p[0].message.zh).toContain('2026年8月');
    // the declared 统计期 is kept (decision: it is what the clerk declared), the error blocks the report
    expect(r.period).toEqual({ year: 2026, month: 9 });
  });

  test('a period contradicting the 1-N月 label is an error', () => {
    const header = ['指标名称', '代码', '计量单位', '本月', '1-8月', '上年同期累计'];
    const r = report(recogniseSheet(withPeriod('2026年9月', '辽滨', header), ctx()));
    const p = rules(r, 'V-PERIOD');
    expect(p).toHaveLength(1);
    expect(p[0].value).toBe('1-8月');
    expect(p[0].cell).toBe('E2');
  });

  test('no 统计期: from the sheet name', () => {
    const s = grid('辽滨经开区2026年6月', [CANONICAL_HEADER, ['税收收入', '12', '万元', null, 5, 4]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.period).toEqual({ year: 2026, month: 6 });
    expect(r.zone?.code).toBe('G212001');
  });

  test('no 统计期, no period in the sheet name: from the 1-N月 label with the fallback year', () => {
    const s = grid('辽滨经开区', [['指标名称', '1-6月', '上年同期'], ['税收收入', 5, 4]]);
    expect(report(recogniseSheet(s, ctx({ fallbackYear: 2026 }))).period).toEqual({ year: 2026, month: 6 });
    const r = report(recogniseSheet(s, ctx({ fallbackYear: null })));
    expect(r.period).toBeNull();
    expect(rules(r, 'V-PERIOD')).toHaveLength(1);
  });

  test('no period anywhere is an error', () => {
    const s = grid('辽滨经开区', [CANONICAL_HEADER, ['税收收入', '12', '万元', null, 5, 4]]);
    const r = report(recogniseSheet(s, ctx({ fallbackYear: 2026 })));
    expect(r.period).toBeNull();
    expect(rules(r, 'V-PERIOD')).toHaveLength(1);
  });
});

describe('layout', () => {
  test('a sheet that is not a report is skipped with a reason', () => {
    const s = grid('联系人', [['姓名', '电话'], ['张三', '13800000000']]);
    const r = recogniseSheet(s, ctx());
    expect(r.kind).toBe('skipped');
    if (r.kind !== 'report' && r.kind !== 'table') expect(r.reason.zh).toContain('不是月报表');
  });

  test('an empty sheet is skipped as empty', () => {
    const r = recogniseSheet(grid('Sheet3', []), ctx());
    expect(r).toEqual({ kind: 'skipped', sheet: 'Sheet3', reason: { zh: '工作表为空。', en: 'The sheet is empty.' } });
  });

  test('an instruction sheet (填报说明) is not a report attempt', () => {
    const r = recogniseSheet(grid('说明', [['月报表填报说明'], ['1. 金额单位为万元']]), ctx());
    expect(r.kind).toBe('skipped');
  });

  test('a report title without a usable header: V-LAYOUT error, no records', () => {
    const s = grid('辽滨', [TITLE, META, ['名称', '数值'], ['税收收入', 5]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.records).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toEqual(['V-LAYOUT']);
    expect(r.findings[0].level).toBe('error');
  });

  test('no 上年同期累计 column: V-LAYOUT error naming it, no records', () => {
    const s = grid('辽滨', [META, ['指标名称', '本月', '1-本月累计'], ['税收收入', 1, 5]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(r.records).toEqual([]);
    const l = rules(r, 'V-LAYOUT');
    expect(l).toHaveLength(1);
    expect(l[0].message.zh).toContain('上年同期累计');
  });

  test('no 1-本月累计 column: V-LAYOUT error naming it', () => {
    const s = grid('辽滨', [META, ['指标名称', '本月', '上年同期累计', '年度目标'], ['税收收入', 1, 5, 9]]);
    const r = report(recogniseSheet(s, ctx()));
    expect(rules(r, 'V-LAYOUT')[0].message.zh).toContain('1-本月累计');
    expect(r.records).toEqual([]);
  });

  test('the register, the history and the tool\'s sheets are not reports', () => {
    expect(recogniseSheet(grid('开发区名录', [['开发区代码', '开发区名称']]), ctx()).kind).toBe('register');
    expect(recogniseSheet(grid('历史数据', [['统计期', '开发区代码', '指标代码']]), ctx()).kind).toBe('history');
    expect(recogniseSheet(grid('核查结果', [['级别']]), ctx()).kind).toBe('skipped');
  });
});
