/**
 * Sheets handed between the pane's threads in slices. A message is copied (structured clone) in one
 * go on each side, and the page's main thread does its side in one task: a 历史数据 workbook of a
 * hundred zones (90,000 cells) would hold the page for a long task when read, and again when sent
 * to the engine thread. So a sheet travels as its head (name, merges, flags, no rows) and then its
 * rows in slices of about SLICE_CELLS cells, one message each, put back together in order. Exact:
 * the rows arrays are rebuilt element by element (holes stay undefined).
 */
import type { Cell, SheetGrid } from '../../domain/types';

/** About this many cells per message: a few milliseconds to copy on a slow machine. */
export const SLICE_CELLS = 4_000;

export interface RowSlice {
  /** which sheet of the list */
  sheet: number;
  rows: (Cell | undefined)[][];
}

/** The sheets without their rows, and the rows in slices (in order). */
export function sliceSheets(sheets: readonly SheetGrid[], cells = SLICE_CELLS): { heads: SheetGrid[]; slices: RowSlice[] } {
  const heads: SheetGrid[] = [];
  const slices: RowSlice[] = [];
  sheets.forEach((g, sheet) => {
    heads.push({ ...g, rows: [] });
    let rows: (Cell | undefined)[][] = [];
    let n = 0;
    for (const row of g.rows) {
      rows.push(row);
      n += Math.max(1, row.length);
      if (n >= cells) {
        slices.push({ sheet, rows });
        rows = [];
        n = 0;
      }
    }
    if (rows.length > 0) slices.push({ sheet, rows });
  });
  return { heads, slices };
}

/** Appends a slice's rows to its sheet (the heads as sliceSheets gave them, slices in order). */
export function joinSlice(heads: SheetGrid[], slice: RowSlice): void {
  const target = heads[slice.sheet].rows;
  for (const row of slice.rows) target.push(row);
}
