/**
 * Hand-built workbooks for check.test.ts, laid out as the canonical template (template.md §1).
 * Test support only.
 */
import { grid, CANONICAL_HEADER, type FixtureCell } from './recognise/grid-fixture';
import type { SheetGrid, WorkbookGrid, Zone } from './types';
import type { CheckInput } from './check';

export const ZONES: Zone[] = [
  { code: 'G212001', name: '盘锦辽滨沿海经济技术开发区', aliases: ['辽滨开发区'], level: '国家级', type: '经开区', city: '盘锦市', province: '辽宁省' },
  { code: 'G212002', name: '大连经济技术开发区', aliases: [], level: '国家级', type: '经开区', city: '大连市', province: '辽宁省' },
];

export type Row = FixtureCell[];

/** The good report of 辽滨 for 2026-09: every figure consistent (sums, shares, growth as typed). */
export function goodRows(): Row[] {
  return [
    // 指标名称, 代码, 计量单位, 本月, 1-本月累计, 上年同期累计, 同比增长(%), 年度目标, 说明
    ['规模以上工业总产值', '01', '万元', 45765.4, 398765.4, 352011, 13.3, 520000, null], // 46754.4/352011 = 13.28%
    ['其中:战略性新兴产业产值', '02', '万元', 10000, 150000, 140000, 7.1, null, null], // 7.14%
    ['固定资产投资', '08', '万元', 12000, 120000, 110000, 9.1, 160000, null], // 9.09%
    ['其中:工业投资', '09', '万元', 6000, 60000, 50000, 20, null, null],
    ['一般公共预算收入', '11', '万元', 1200, 11000, 10000, 10, null, null],
    ['其中:税收收入', '12', '万元', 1100, 9900, 8500, 16.5, null, null], // 16.47%
    ['非税收入', '13', '万元', 100, 1100, 1500, -26.7, null, null], // −26.67%
    ['税收占比', '14', '%', null, 90, 85, 5, null, null], // 9900/11000, 8500/10000; +5.0 pp
    ['实际使用外资', '15', '万美元', 300, 3200, 3000, 6.7, 4000, null], // 6.67%
    ['新签约项目数', '19', '个', 1, 12, 11, 9.1, null, null],
    ['签约项目协议投资额', '21', '万元', 5000, 88000, 80000, 10, null, null],
  ];
}

export function reportSheet(name: string, rows: Row[], meta: { zone?: string; code?: string; period?: string } = {}): SheetGrid {
  return grid(name, [
    ['开发区主要经济指标月报表'],
    [
      `填报单位:${meta.zone ?? '盘锦辽滨沿海经济技术开发区'}`, null,
      `开发区代码:${meta.code ?? 'G212001'}`, null,
      `统计期:${meta.period ?? '2026年9月'}`, null,
      '金额单位:万元',
    ],
    CANONICAL_HEADER,
    ...rows,
  ]);
}

export function registerSheet(zones: Zone[] = ZONES): SheetGrid {
  return grid('开发区名录', [
    ['开发区代码', '开发区名称', '曾用名/简称', '级别', '类型', '所属市', '所属省'],
    ...zones.map((z) => [z.code, z.name, z.aliases.join('、'), z.level, z.type, z.city, z.province]),
  ]);
}

export function input(file: string, sheets: SheetGrid[]): CheckInput {
  const wb: WorkbookGrid = { name: file, sheets };
  return { file, sha256: 'sha-' + file, grid: wb, inputError: null };
}

/** Replace one row (by code) of the good report. */
export function withRow(rows: Row[], code: string, row: Row): Row[] {
  return rows.map((r) => (r[1] === code ? row : r));
}
