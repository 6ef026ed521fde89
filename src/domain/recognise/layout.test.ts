import { detectLayout } from './layout';
import { gridView } from './grid';
import { CANONICAL_HEADER, grid } from './grid-fixture';

describe('detectLayout', () => {
  test('the template\'s header: indicators down the rows', () => {
    const l = detectLayout(gridView(grid('s', [['开发区主要经济指标月报表'], [], CANONICAL_HEADER, ['税收收入', '12']])));
    expect(l.kind).toBe('indicators-down');
    if (l.kind === 'indicators-down') expect(l.header.row).toBe(2);
  });
  test('a report title without a usable header is an attempt, with the closest row', () => {
    const l = detectLayout(gridView(grid('s', [['开发区主要经济指标月报表'], ['指标名称', '数值']])));
    expect(l).toMatchObject({ kind: 'attempt', best: { row: 1 } });
  });
  test('an empty sheet, and a sheet that is no report', () => {
    expect(detectLayout(gridView(grid('s', [[], [null, '']])))).toEqual({ kind: 'none', empty: true });
    expect(detectLayout(gridView(grid('s', [['姓名', '电话']])))).toEqual({ kind: 'none', empty: false });
  });
});
