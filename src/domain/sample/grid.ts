/**
 * OutSheet → SheetGrid, the way a port would read the written sheet back (formulas with their cached
 * results, number formats other than General, merges), for tests and benchmarks that skip the file.
 */
import type { Cell, SheetGrid } from '../types';
import type { OutSheet } from '../output/sheet-model';

export function outSheetToGrid(sheet: OutSheet): SheetGrid {
  const rows: (Cell | undefined)[][] = sheet.rows.map((row) =>
    row.map((c): Cell | undefined => {
      if (!c) return undefined;
      if (c.f === undefined && (c.v === null || c.v === undefined)) return undefined;
      const cell: Cell = { v: c.v ?? null };
      if (c.f !== undefined) {
        cell.f = c.f;
        if (c.v === null) cell.noResult = true;
      }
      if (c.fmt && c.fmt !== 'General') cell.fmt = c.fmt;
      return cell;
    }),
  );
  return { name: sheet.name, rows, merges: [...(sheet.merges ?? [])] };
}
