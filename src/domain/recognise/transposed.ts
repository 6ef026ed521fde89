/**
 * A transposed sheet (template.md §5: indicators across the columns, periods down the rows) seen as
 * the template: a view whose rows are the sheet's columns and whose columns are the sheet's rows from
 * `fromRow` on, so the template's reading applies unchanged. Addresses and row names in findings are
 * the sheet's own ("第 C 列", cell C4).
 */
import type { RangePos } from '../a1';
import { columnLetters } from '../a1';
import type { GridView } from './grid';

export function transposedView(g: GridView, fromRow: number): GridView {
  let rowCount = 0;
  for (let r = fromRow; r < g.rowCount; r++) rowCount = Math.max(rowCount, g.width(r));
  const height = Math.max(0, g.rowCount - fromRow);
  const at = (r: number, c: number) => ({ row: fromRow + c, col: r });
  const text = (r: number, c: number) => g.text(fromRow + c, r);
  const width = (r: number) => (r < rowCount ? height : 0);
  return {
    sheet: g.sheet,
    rowCount,
    width,
    cell: (r, c) => g.cell(fromRow + c, r),
    text,
    label: (r, c) => g.label(fromRow + c, r),
    blankRow: (r) => {
      for (let c = 0; c < height; c++) if (text(r, c) !== '') return false;
      return true;
    },
    mergeAt: (r, c): RangePos | null => {
      const m = g.mergeAt(fromRow + c, r);
      return m ? { top: m.left, left: m.top - fromRow, bottom: m.right, right: m.bottom - fromRow } : null;
    },
    addr: (r, c) => {
      const p = at(r, c);
      return g.addr(p.row, p.col);
    },
    line: (r) => ({ zh: `第 ${columnLetters(r)} 列`, en: `Column ${columnLetters(r)}` }),
  };
}
