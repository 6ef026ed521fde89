/**
 * The layouts in circulation (template.md §5), one fixture per variant, each with the records and the
 * findings recognition must give for it: variants.test.ts reads every one and compares. Test support
 * only. Cells are as a port hands them over (see grid-fixture.ts); registers are the fixture zones.
 */
import type { Zone } from '../types';
import { grid, type FixtureCell } from './grid-fixture';
import type { SheetGrid } from '../types';

export const VARIANT_ZONES: Zone[] = [
  { code: 'G212001', name: '盘锦辽滨沿海经济技术开发区', aliases: ['辽滨经开区'], level: '国家级', type: '经开区', city: '盘锦市', province: '辽宁省' },
  { code: 'G212002', name: '盘锦高新技术产业开发区', aliases: ['盘锦高新区', '高新区直管园'], level: '国家级', type: '高新区', city: '盘锦市', province: '辽宁省' },
  { code: 'G212003', name: '盘锦双台子经济开发区', aliases: ['双台子开发区'], level: '省级', type: '经开区', city: '盘锦市', province: '辽宁省' },
  { code: 'G110001', name: '北京经济技术开发区', aliases: ['北京经开区', '亦庄开发区'], level: '国家级', type: '经开区', city: '北京市', province: '北京市' },
];

/** A record as expected: the fields named are compared, the others are free. */
export interface ExpectedRecord {
  indicator: string;
  [field: string]: unknown;
}

export interface Variant {
  name: string;
  sheet: SheetGrid;
  /** the zone code and period the sheet is read as (null: not resolved) */
  zone: string | null;
  period: string | null;
  records: ExpectedRecord[];
  /** every finding recognition makes, in order: [rule, level, cell] */
  findings: [string, string, string | null][];
}

const META: FixtureCell[] = ['填报单位:盘锦高新区', null, '统计期:2026年9月'];

export const ONE_ZONE_VARIANTS: Variant[] = [
  {
    name: 'zone named in a column header merged over 绝对额 | 上年同期 | 同比, resolved by an alias of the register',
    sheet: grid('Sheet1', [
      ['统计期:2026年9月', null, null, null, '单位:万元'],
      ['指标名称', '计量单位', '高新区直管园', null, null],
      [null, null, '绝对额', '上年同期', '同比(%)'],
      ['规模以上工业总产值', '万元', 45210.5, 40250, 12.3],
      ['固定资产投资', '万元', 80000, 82580, -3.1],
    ], ['A2:A3', 'B2:B3', 'C2:E2']),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', row: 3, ytd: 45210.5, base: 40250, yoy: 12.3, cells: { name: 'A4', unit: 'B4', ytd: 'C4', base: 'D4', yoy: 'E4' } },
      { indicator: '08', ytd: 80000, base: 82580, yoy: -3.1 },
    ],
    findings: [],
  },
  {
    name: 'zone named in a column header over 绝对额 | 同比 only: the published growth',
    sheet: grid('Sheet1', [
      ['统计期:2026年9月'],
      ['指标名称', '高新区直管园', null],
      [null, '绝对额', '同比'],
      ['规模以上工业总产值', 45210.5, 12.3],
    ], ['A2:A3', 'B2:C2']),
    zone: 'G212002',
    period: '2026-09',
    records: [{ indicator: '01', ytd: 45210.5, base: null, yoy: 12.3, noBase: true }],
    findings: [['V-LAYOUT', 'info', 'C3'], ['V-LAYOUT', 'info', 'A2']],
  },
  {
    name: 'units inside the indicator names, half- and full-width brackets (亿元, 千美元), no unit column',
    sheet: grid('Sheet1', [
      META,
      ['指标名称', '1-9月累计', '上年同期', '增长%'],
      ['规模以上工业总产值(亿元)', 4.52, 4.1, 10.2],
      ['固定资产投资（万元）', 80000, 70000, 14.3],
      ['实际使用外资（千美元）', 3200, 3000, 6.7],
      ['规上工业企业数(个)', 56, 50, 12],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', ytd: 45200, base: 41000, yoy: 10.2 },
      { indicator: '08', ytd: 80000, base: 70000 },
      { indicator: '15', ytd: 320, base: 300, unit: '万美元' },
      { indicator: '06', ytd: 56, base: 50 },
    ],
    findings: [['V-LAYOUT', 'info', 'A2'], ['V-UNITCONV', 'info', 'A3'], ['V-UNITCONV', 'info', 'A5']],
  },
  {
    name: 'units inside the column headers: 本月(万元) | 1-9月累计(亿元) | 上年同期(亿元); counts keep their own unit',
    sheet: grid('Sheet1', [
      META,
      ['指标名称', '本月(万元)', '1-9月累计(亿元)', '上年同期(亿元)', '同比(%)'],
      ['规模以上工业总产值', 5120, 4.52, 4.1, 10.2],
      ['规上工业企业数', null, 56, 50, 12],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', month: 5120, ytd: 45200, base: 41000 },
      { indicator: '06', ytd: 56, base: 50 },
    ],
    findings: [['V-LAYOUT', 'info', 'A2'], ['V-UNITCONV', 'info', 'C2'], ['V-UNITCONV', 'info', 'D2']],
  },
  {
    name: 'one line for mixed rows: 单位:亿元、亿美元、% (money in 亿元, 外资 in 亿美元, rates and ratios in %)',
    sheet: grid('Sheet1', [
      ['开发区主要经济指标'],
      ['填报单位:盘锦高新区', '统计期:2026年9月', '单位:亿元、亿美元、%'],
      ['指标名称', '1-9月累计', '上年同期', '增长%'],
      ['规模以上工业总产值', 4.52, 4.1, 10.2],
      ['税收占比', 86.5, 85, 1.5],
      ['规模以上工业增加值增速', 7.8, null, null],
      ['实际使用外资', 0.032, 0.03, 6.7],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', ytd: 45200, base: 41000 },
      { indicator: '14', ytd: 86.5, base: 85, yoy: 1.5 },
      { indicator: '03', ytd: 7.8 },
      { indicator: '15', ytd: 320, base: 300 },
    ],
    findings: [['V-LAYOUT', 'info', 'A3'], ['V-UNITCONV', 'info', 'C2'], ['V-UNITCONV', 'info', 'C2']],
  },
  {
    name: 'a 科技 form in 千元: hierarchy from the catalogue (其中: on the first child only, # sub-items, (一) groups), headings skipped',
    sheet: grid('Sheet1', [
      ['填报单位:盘锦高新区', null, '统计期:2026年9月', null, '金额单位:千元'],
      ['指标名称', '计量单位', '1-9月累计', '上年同期累计', '同比增长(%)'],
      ['一、工业', null, null, null, null],
      ['规模以上工业总产值', null, 452000, 410000, 10.2],
      ['#出口交货值', null, 120000, 100000, 20],
      ['二、投资情况', null, null, null, null],
      ['固定资产投资', null, 800000, 700000, 14.3],
      ['其中:工业投资', null, 400000, 350000, 14.3],
      ['基础设施投资', null, 150000, 140000, 7.1],
      ['三、财政收入', null, null, null, null],
      ['(一)一般公共预算收入', null, 110000, 100000, 10],
      ['其中:税收收入', null, 99000, 85000, 16.5],
      ['非税收入', null, 11000, 15000, -26.7],
      ['主要行业产值', null, null, null, null],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', ytd: 45200, base: 41000 },
      { indicator: '08', ytd: 80000, base: 70000 },
      { indicator: '09', ytd: 40000 },
      { indicator: '10', ytd: 15000 },
      { indicator: '11', ytd: 11000 },
      { indicator: '12', ytd: 9900 },
      { indicator: '13', ytd: 1100 },
    ],
    findings: [['V-UNITCONV', 'info', 'E1'], ['V-UNKNOWN-ROW', 'info', 'A5']],
  },
  {
    name: 'period columns carrying the year: 2026年9月 | 2026年1-9月 | 2025年1-9月 (the labels give the period)',
    sheet: grid('盘锦高新区', [
      ['指标名称', '计量单位', '2026年9月', '2026年1-9月', '2025年1-9月', '增长%'],
      ['固定资产投资', '万元', 12000, 80000, 70000, 14.3],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [{ indicator: '08', month: 12000, ytd: 80000, base: 70000, yoy: 14.3 }],
    findings: [],
  },
  {
    name: 'damaged period labels (20261-9): asked about, nothing guessed, no flood',
    sheet: grid('盘锦高新区', [
      ['统计期:2026年9月'],
      ['指标名称', '计量单位', '20261-9', '20251-9', '增长%'],
      ['固定资产投资', '万元', 80000, 70000, 14.3],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [],
    findings: [['V-PERIOD', 'error', 'C2'], ['V-PERIOD', 'error', 'D2']],
  },
  {
    name: 'a quarter form: 本季 | 本年累计(至本季末) | 去年同期累计(至同期末), period 2026年第三季度',
    sheet: grid('Sheet1', [
      ['填报单位:盘锦高新区', null, '统计期:2026年第三季度'],
      ['指标名称', '计量单位', '本季', '本年累计(至本季末)', '去年同期累计(至同期末)', '增长%'],
      ['固定资产投资', '万元', 30000, 80000, 70000, 14.3],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [{ indicator: '08', quarter: 30000, month: null, ytd: 80000, base: 70000, yoy: 14.3 }],
    findings: [],
  },
  {
    name: 'a growth column after each of 本月 and 累计: 本月 | 增长% | 累计 | 上年同期 | 累计增长',
    sheet: grid('Sheet1', [
      META,
      ['指标名称', '计量单位', '本月', '增长%', '累计', '上年同期', '累计增长'],
      ['固定资产投资', '万元', 12000, 5.5, 80000, 70000, 14.3],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [{ indicator: '08', month: 12000, ytd: 80000, base: 70000, yoy: 14.3 }],
    findings: [],
  },
  {
    name: 'growth without a base column: the published growth (a %, —, 新增), taken as it is',
    sheet: grid('Sheet1', [
      META,
      ['指标名称', '计量单位', '本月', '本月增长', '1-9月累计', '累计增长'],
      ['规模以上工业总产值', '万元', 5120, 3.2, 45210, 12.3],
      ['固定资产投资', '万元', null, null, 80000, '—'],
      ['实际使用外资', '万美元', null, null, 3200, '新增'],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', month: 5120, ytd: 45210, base: null, yoy: 12.3, noBase: true },
      { indicator: '08', ytd: 80000, yoy: null, yoyLabel: '—', noBase: true },
      { indicator: '15', ytd: 3200, yoy: null, yoyLabel: '新增', noBase: true },
    ],
    findings: [['V-LAYOUT', 'info', 'F2']],
  },
  {
    name: 'marks that mean something: 12.3(5), --, -, 上年为300, -3.9个百分点, a footnote mark',
    sheet: grid('Sheet1', [
      META,
      ['指标名称', '计量单位', '1-本月累计', '上年同期累计', '同比增长(%)'],
      ['规模以上工业总产值', '万元', 45210, 40000, '13.0(5)'],
      ['实际使用外资', '万美元', '--', '--', '--'],
      ['进出口总额', '万元', '-', '-', '-'],
      ['规上工业利润总额', '万元', -500, null, '上年为300'],
      ['税收占比', '%', 86.5, 90.4, '-3.9个百分点'],
      ['规模以上工业增加值增速', '%', '7.8*', null, null],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', ytd: 45210, base: 40000, yoy: 13, rankReported: { col: 'yoy', n: 5, cell: 'E3' } },
      { indicator: '15', ytd: null, base: null, yoy: null, marks: { ytd: '--', base: '--', yoy: '--' } },
      { indicator: '16', ytd: null, marks: { ytd: '-', base: '-', yoy: '-' } },
      { indicator: '05', ytd: -500, base: 300, yoy: null, cells: { base: 'E6' } },
      { indicator: '14', ytd: 86.5, base: 90.4, yoy: -3.9 },
      { indicator: '03', ytd: 7.8 },
    ],
    findings: [['V-TEXTNUM', 'warning', 'E7']],
  },
  {
    name: 'totals: ±1 in the last shown digit, and a (剔重) total below its parts',
    sheet: grid('Sheet1', [
      META,
      ['指标名称', '代码', '计量单位', '1-本月累计', '上年同期累计'],
      ['一般公共预算收入', '11', '万元', { v: 12346, fmt: '#,##0' }, { v: 10000, fmt: '#,##0' }],
      ['其中:税收收入', '12', '万元', { v: 9873, fmt: '#,##0' }, { v: 8500, fmt: '#,##0' }],
      ['非税收入', '13', '万元', { v: 2472, fmt: '#,##0' }, { v: 1500, fmt: '#,##0' }],
      ['进出口总额(剔重)', '16', '万元', 5000, 4800],
      ['其中:出口额', '17', '万元', 3000, 2900],
      ['进口额', '18', '万元', 2500, 2000],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '11', ytd: 12346, shown: { ytd: 0, base: 0 } },
      { indicator: '12', ytd: 9873 },
      { indicator: '13', ytd: 2472 },
      { indicator: '16', ytd: 5000, dedup: true },
      { indicator: '17', ytd: 3000 },
      { indicator: '18', ytd: 2500 },
    ],
    findings: [],
  },
  {
    name: 'a transposed sheet: indicators across the columns, periods down the rows',
    sheet: grid('Sheet1', [
      ['开发区主要经济指标'],
      ['填报单位:盘锦高新区', null, '统计期:2026年9月'],
      ['项目', '规模以上工业总产值', '固定资产投资', '税收收入'],
      ['计量单位', '万元', '万元', '万元'],
      ['1-9月累计', 45210, 80000, 9900],
      ['上年同期', 40250, 70000, 8500],
      ['增长%', 12.3, 14.3, 16.5],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [
      { indicator: '01', ytd: 45210, base: 40250, yoy: 12.3, cells: { name: 'B3', unit: 'B4', ytd: 'B5', base: 'B6', yoy: 'B7' } },
      { indicator: '08', ytd: 80000, base: 70000, cells: { ytd: 'C5' } },
      { indicator: '12', ytd: 9900, base: 8500 },
    ],
    findings: [['V-LAYOUT', 'info', 'A3']],
  },
  {
    name: 'indicators across the columns with no period labels to read them by: one layout error that says so',
    sheet: grid('Sheet1', [
      ['填报单位:盘锦高新区', null, '统计期:2026年9月'],
      ['时期', '规模以上工业总产值', '固定资产投资'],
      ['2026年', 45210, 80000],
      ['2025年', 40250, 70000],
    ]),
    zone: 'G212002',
    period: '2026-09',
    records: [],
    findings: [['V-LAYOUT', 'error', 'A2']],
  },
];

/** A zone's report read from a table: its code, and its records as expected. */
export interface ExpectedZone {
  zone: string;
  records: ExpectedRecord[];
  /** the findings of that zone's row, in order */
  findings?: [string, string, string | null][];
}

export interface TableVariant {
  name: string;
  sheet: SheetGrid;
  period: string | null;
  zones: ExpectedZone[];
  /** rows that are no zone: [label, kind, dedup] */
  rows: [string, string, boolean][];
  /** findings about the table itself, in order */
  findings: [string, string, string | null][];
}

/** 盘锦市's zones down the rows, indicators across: the city's 2026年1-9月 table (values in 亿元). */
export function cityTableRows(over: Partial<Record<string, FixtureCell[]>> = {}): FixtureCell[][] {
  const rows: Record<string, FixtureCell[]> = {
    title: ['2026年1-9月盘锦市开发区主要经济指标完成情况'],
    unit: ['单位:亿元、%'],
    head1: ['开发区', '规上工业总产值', null, null, '固定资产投资', null, null, '税收收入', null, null],
    head2: [null, '1-9月累计', '同比(%)', '位次', '1-9月累计', '同比(%)', '位次', '1-9月累计', '同比(%)', '位次'],
    total: ['全 市', 70.0, 9.6, null, 19.0, 3.4, null, 3.0, 8.4, null],
    liaobin: ['辽滨经开区', 40.0, 12.0, 1, 10.0, 5.0, 1, 1.5, 10.0, 2],
    gaoxin: ['盘锦高新区', 20.0, 8.0, 2, 6.0, -2.0, 3, 1.0, 12.0, 1],
    shuangtaizi: ['双台子开发区', 8.0, 3.0, 3, 2.0, 4.0, 2, 0.4, -3.0, 3],
    other: ['其他', 2.0, 1.5, null, 1.0, 2.0, null, 0.1, 1.0, null],
  };
  // figures shown to one decimal (0.0), as the city prints them; 位次 as whole numbers
  const shown = (row: FixtureCell[]): FixtureCell[] => row.map((c, i) => (typeof c === 'number' && i % 3 !== 0 ? { v: c, fmt: '0.0' } : c));
  return Object.entries(rows).map(([k, v]) => shown(over[k] ?? v));
}
export const CITY_TABLE_MERGES = ['A1:J1', 'A3:A4', 'B3:D3', 'E3:G3', 'H3:J3'];

export const TABLE_VARIANTS: TableVariant[] = [
  {
    name: 'a city table: zones down, indicators merged over 1-9月累计 | 同比(%) | 位次, units in a line above, 全 市 first, 其他',
    sheet: grid('盘锦市', cityTableRows(), CITY_TABLE_MERGES),
    period: '2026-09',
    zones: [
      {
        zone: 'G212001',
        records: [
          { indicator: '01', row: 5, ytd: 400000, base: null, yoy: 12, noBase: true, rankReported: { col: 'yoy', n: 1, cell: 'D6' }, cells: { name: 'B3', ytd: 'B6', yoy: 'C6', rank: 'D6' } },
          { indicator: '08', ytd: 100000, yoy: 5, rankReported: { col: 'yoy', n: 1, cell: 'G6' } },
          { indicator: '12', ytd: 15000, yoy: 10, rankReported: { col: 'yoy', n: 2, cell: 'J6' } },
        ],
        findings: [],
      },
      { zone: 'G212002', records: [{ indicator: '01', ytd: 200000, yoy: 8 }, { indicator: '08', ytd: 60000, yoy: -2 }, { indicator: '12', ytd: 10000, yoy: 12 }] },
      { zone: 'G212003', records: [{ indicator: '01', ytd: 80000 }, { indicator: '08', ytd: 20000 }, { indicator: '12', ytd: 4000 }] },
    ],
    rows: [['全 市', 'total', false], ['其他', 'other', false]],
    findings: [['V-LAYOUT', 'info', 'A3'], ['V-UNITCONV', 'info', 'A2']],
  },
  {
    name: 'one header row with units in the names; 合计(剔重), a row containing a zone, a district, a name the register lacks',
    sheet: grid('北京', [
      ['北京市开发区主要经济指标(2026年1-9月)'],
      ['开发区名称', '规模以上工业总产值(亿元)', '同比(%)', '固定资产投资(亿元)', '同比(%)'],
      ['合计(剔重)', 95.0, 6.2, 30.0, 3.0],
      ['北京经开区', 60.0, 8.0, 20.0, 5.0],
      ['大兴区及北京经济技术开发区', 80.0, 7.0, 25.0, 4.0],
      ['朝阳区', 20.0, 2.0, 8.0, -1.0],
      ['某某工业园区', 5.0, 1.0, 1.0, 0.5],
    ]),
    period: '2026-09',
    zones: [{ zone: 'G110001', records: [{ indicator: '01', ytd: 600000, yoy: 8, cells: { ytd: 'B4', yoy: 'C4' } }, { indicator: '08', ytd: 200000, yoy: 5 }], findings: [] }],
    rows: [['合计(剔重)', 'total', true], ['大兴区及北京经济技术开发区', 'contains', false], ['朝阳区', 'district', false]],
    findings: [['V-LAYOUT', 'info', 'A2'], ['V-UNITCONV', 'info', 'B2'], ['V-UNITCONV', 'info', 'D2'], ['V-LAYOUT', 'info', 'A5'], ['V-LAYOUT', 'info', 'A6'], ['V-ZONE', 'error', 'A7']],
  },
  {
    name: 'zones across: each zone named over its own 绝对额 | 同比, indicators down',
    sheet: grid('Sheet1', [
      ['统计期:2026年9月'],
      ['指标名称', '计量单位', '辽滨经开区', null, '盘锦高新区', null],
      [null, null, '绝对额', '同比', '绝对额', '同比'],
      ['规模以上工业总产值', '万元', 400000, 12.0, 200000, 8.0],
      ['固定资产投资', '万元', 100000, 5.0, 60000, -2.0],
    ], ['A2:A3', 'B2:B3', 'C2:D2', 'E2:F2']),
    period: '2026-09',
    zones: [
      { zone: 'G212001', records: [{ indicator: '01', ytd: 400000, yoy: 12, cells: { ytd: 'C4', yoy: 'D4' } }, { indicator: '08', ytd: 100000 }], findings: [['V-LAYOUT', 'info', 'D3']] },
      { zone: 'G212002', records: [{ indicator: '01', ytd: 200000, yoy: 8, cells: { ytd: 'E4', yoy: 'F4' } }, { indicator: '08', ytd: 60000 }], findings: [['V-LAYOUT', 'info', 'F3']] },
    ],
    rows: [],
    findings: [],
  },
];
