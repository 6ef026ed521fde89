import { detectLayout as detect } from './layout';
import { indexCatalogue } from './catalogue-match';
import { defaultConfig } from '../config/validate';
import type { GridView } from './grid';

const idx = indexCatalogue(defaultConfig().catalogue);
const detectLayout = (i: typeof idx, g: GridView) => detect(g, i);
import { gridView } from './grid';
import { CANONICAL_HEADER, grid } from './grid-fixture';

describe('detectLayout', () => {
  test('the template\'s header: indicators down the rows', () => {
    const l = detectLayout(idx, gridView(grid('s', [['开发区主要经济指标月报表'], [], CANONICAL_HEADER, ['税收收入', '12']])));
    expect(l.kind).toBe('indicators-down');
    if (l.kind === 'indicators-down') expect(l.header.row).toBe(2);
  });
  test('a report title without a usable header is an attempt, with the closest row', () => {
    const l = detectLayout(idx, gridView(grid('s', [['开发区主要经济指标月报表'], ['指标名称', '数值']])));
    expect(l).toMatchObject({ kind: 'attempt', best: { row: 1 } });
  });
  test('an empty sheet, and a sheet that is no report', () => {
    expect(detectLayout(idx, gridView(grid('s', [[], [null, '']])))).toEqual({ kind: 'none', empty: true });
    expect(detectLayout(idx, gridView(grid('s', [['姓名', '电话']])))).toEqual({ kind: 'none', empty: false });
  });
  test('indicators across, periods down: transposed, with the meta lines above', () => {
    const l = detectLayout(idx, gridView(grid('s', [
      ['填报单位:辽滨经开区'],
      ['项目', '规模以上工业总产值', '固定资产投资'],
      ['1-9月累计', 1, 2],
      ['上年同期', 1, 2],
    ])));
    expect(l.kind).toBe('transposed');
    if (l.kind === 'transposed') {
      expect(l.metaEnd).toBe(1);
      expect(l.header.columns).toMatchObject({ name: 1, ytd: 2, base: 3 });
      expect(l.view.addr(1, 2)).toBe('B3');
    }
  });
  test('indicators across with nothing to read them by', () => {
    expect(detectLayout(idx, gridView(grid('s', [['时期', '规模以上工业总产值', '固定资产投资'], ['2026年', 1, 2], ['2025年', 1, 2]])))).toEqual({ kind: 'indicators-across', row: 0 });
  });
  test('zones down the rows, indicators across: a table of zones', () => {
    const l = detectLayout(idx, gridView(grid('s', [['开发区', '规模以上工业总产值', '固定资产投资'], ['盘锦高新区', 1, 2]])));
    expect(l).toMatchObject({ kind: 'zones-down', header: { row: 0, zoneCol: 0 } });
  });
});
