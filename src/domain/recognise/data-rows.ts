/**
 * The data rows below a header (template.md §1): blank rows, a column-number row (甲 乙 1 2 3) and a
 * header repeated at a printed page break are skipped; reading stops at the footer (填表人, 注:…) or
 * at the header of a second table with other columns, which is said (its rows would be read with
 * the wrong columns).
 */
import type { ColumnKey } from '../types';
import { normaliseLabel } from '../cells/normalise';
import type { GridView } from './grid';
import { rowAsHeader } from './header';

const FOOTER = /^(单位负责人|统计负责人|负责人|填表人|填报人|制表人|审核人|联系电话|报出日期|填报日期|注:|注\d*:|说明:)/;
// Column-number rows of statistical forms ("甲 | 乙 | 1 | 2 | 3"): layout, not data.
const COLUMN_NUMBER_ROW = new Set(['甲', '乙', '丙', '丁']);

export interface DataRow {
  r: number;
  /** the first column holding text on the row */
  firstCol: number;
}

export interface DataRows {
  rows: DataRow[];
  /** a second table's header that stopped the reading: its row and name column */
  otherTable: { r: number; c: number } | null;
}

function sameColumns(a: Partial<Record<ColumnKey, number>>, b: Partial<Record<ColumnKey, number>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as ColumnKey[]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** The data rows from `from` on, for a table whose columns are `cols` (name column `nameCol`). */
export function dataRows(g: GridView, from: number, cols: Partial<Record<ColumnKey, number>>, nameCol: number): DataRows {
  const rows: DataRow[] = [];
  for (let r = from; r < g.rowCount; r++) {
    if (g.blankRow(r)) continue;
    let firstCol = 0;
    while (firstCol < g.width(r) && g.text(r, firstCol) === '') firstCol++;
    if (FOOTER.test(normaliseLabel(g.text(r, firstCol)))) break;
    const again = rowAsHeader(g, r);
    if (again) {
      if (sameColumns(again.columns, cols)) continue;
      return { rows, otherTable: { r, c: again.columns.name as number } };
    }
    if (COLUMN_NUMBER_ROW.has(normaliseLabel(g.text(r, nameCol)))) continue;
    rows.push({ r, firstCol });
  }
  return { rows, otherTable: null };
}
