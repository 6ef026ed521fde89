/**
 * The .xlsx an annotated copy of a legacy file (.xls, .ods, CSV… anything that cannot be patched in
 * place) is made from: its cells as read, written by exceljs — every value, each formula with its
 * cached result, number formats, merged ranges, hidden and protected sheets — at the same
 * addresses, so highlights, notes and the findings sheet land where the findings point. The patch
 * (patch.ts) then annotates it exactly as it annotates an .xlsx. What the grid does not hold (fonts,
 * fills, column widths, charts) is not in the copy: the original file stays as it was.
 */
import type ExcelJS from 'exceljs';
import type { Cell, SheetGrid } from '../../domain/types';

function valueOf(cell: Cell): ExcelJS.CellValue {
  const v = cell.v;
  // a date value (an ISO text cell of an .xlsx) as a Date: exceljs writes it as Excel's serial
  const scalar: ExcelJS.CellValue =
    v !== null && typeof v === 'object' ? ('error' in v ? ({ error: v.error } as ExcelJS.CellErrorValue) : new Date(v.date)) : v;
  if (cell.f === undefined) return scalar;
  if (cell.noResult || scalar === null) return { formula: cell.f };
  return { formula: cell.f, result: scalar as ExcelJS.CellFormulaValue['result'] } as ExcelJS.CellFormulaValue;
}

/** The .xlsx bytes holding these grids' cells. */
export async function legacyBase(sheets: readonly SheetGrid[]): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.hidden ? 'hidden' : 'visible' });
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = valueOf(cell);
        if (cell.fmt) target.numFmt = cell.fmt;
      });
    });
    for (const m of s.merges) {
      try {
        ws.mergeCells(m);
      } catch {
        // an overlapping merge (a damaged file): the cells stay unmerged in the copy, their values as read
      }
    }
    if (s.protected) await ws.protect('', {});
  }
  const buf: ArrayBuffer = await wb.xlsx.writeBuffer();
  if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return new Uint8Array(buf);
}
