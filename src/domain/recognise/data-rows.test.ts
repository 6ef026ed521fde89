import { dataRows } from './data-rows';
import { gridView } from './grid';
import { CANONICAL_HEADER, grid } from './grid-fixture';
import { findHeader } from './header';

function scan(rows: (string | number | null)[][]) {
  const g = gridView(grid('s', [CANONICAL_HEADER, ...rows]));
  const h = findHeader(g);
  if (h.kind !== 'found') throw new Error('no header');
  return dataRows(g, h.header.row + 1, h.header.columns, 0);
}

describe('dataRows', () => {
  test('blank rows and a column-number row are skipped; the first text column is kept', () => {
    const s = scan([['甲', '乙', null, 1, 2], [], [null, '12', '万元', 1], ['税收收入', '12']]);
    expect(s.rows).toEqual([{ r: 3, firstCol: 1 }, { r: 4, firstCol: 0 }]);
    expect(s.otherTable).toBeNull();
  });
  test('the reading stops at the footer', () => {
    expect(scan([['税收收入'], ['填表人:张三'], ['非税收入']]).rows.map((x) => x.r)).toEqual([1]);
    expect(scan([['税收收入'], ['注:金额单位万元'], ['非税收入']]).rows.map((x) => x.r)).toEqual([1]);
  });
  test('a repeated header is skipped; a header with other columns stops the reading and is said', () => {
    expect(scan([['税收收入'], CANONICAL_HEADER, ['非税收入']]).rows.map((x) => x.r)).toEqual([1, 3]);
    const s = scan([['税收收入'], ['项目', '本年累计', '上年同期'], ['非税收入']]);
    expect(s.rows.map((x) => x.r)).toEqual([1]);
    expect(s.otherTable).toEqual({ r: 2, c: 0 });
  });
});
