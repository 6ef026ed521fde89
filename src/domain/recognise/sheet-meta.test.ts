import { buildRegister } from './register';
import { gridView } from './grid';
import { grid } from './grid-fixture';
import { readMeta } from './meta';
import { sheetIdentity, sheetUnitOf } from './sheet-meta';
import type { Finding } from '../types';

const register = buildRegister([{ code: 'G1', name: '盘锦辽滨沿海经济技术开发区', aliases: ['辽滨经开区'], level: null, type: null, city: '盘锦市', province: '辽宁省' }]).register;
const where = { sheet: 's', zone: null, period: null };

describe('sheetIdentity', () => {
  test('zone and period from the lines above the header', () => {
    const g = gridView(grid('Sheet1', [['填报单位:辽滨经开区', '统计期:2026年9月']]));
    const id = sheetIdentity(g, 'Sheet1', readMeta(g, 1), null, register, null);
    expect(id).toMatchObject({ zone: { zone: { code: 'G1' } }, zoneText: '辽滨经开区', zoneCell: 'A1', period: { year: 2026, month: 9 }, problems: [] });
    expect(id.where).toEqual({ sheet: 'Sheet1', zone: 'G1', period: '2026-09' });
  });
  test('else the sheet name, and what cannot be resolved is a finding to report', () => {
    const g = gridView(grid('某某园区2026年9月', [[]]));
    const id = sheetIdentity(g, '某某园区2026年9月', readMeta(g, 1), null, register, null);
    expect(id.period).toEqual({ year: 2026, month: 9 });
    expect(id.problems.map((f) => f.rule)).toEqual(['V-ZONE']);
  });
});

describe('sheetUnitOf', () => {
  test('absent: 万元, not stated; known; unknown: one V-UNIT', () => {
    const f: Finding[] = [];
    expect(sheetUnitOf({}, where, f)).toEqual({ unit: '万元', stated: false, cell: null, known: true });
    expect(sheetUnitOf({ unit: { text: '亿元', cell: 'G2', raw: undefined } }, where, f)).toEqual({ unit: '亿元', stated: true, cell: 'G2', known: true });
    expect(f).toEqual([]);
    expect(sheetUnitOf({ unit: { text: '吨', cell: 'G2', raw: undefined } }, where, f).known).toBe(false);
    expect(f.map((x) => [x.rule, x.cell])).toEqual([['V-UNIT', 'G2']]);
  });
});
