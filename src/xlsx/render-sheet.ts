/**
 * Renders one OutSheet (src/domain/output/sheet-model.ts) into an exceljs worksheet: values and
 * formulas with cached results, named styles from STYLES, number formats, column widths, frozen
 * panes, merges and tab colour. Used by the port's writeSheets and by the sample writer.
 */
import type ExcelJS from 'exceljs';
import { STYLES, type OutCell, type OutSheet, type StyleKey } from '../domain/output/sheet-model';

/** 'FFC7CE' → exceljs ARGB 'FFFFC7CE' (opaque). */
export function argb(hex: string): string {
  return 'FF' + hex.replace(/^#/, '').toUpperCase();
}

/** A solid fill of an RGB hex colour. */
export function solidFill(hex: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

/** The exceljs style of a named style key. */
export function styleOf(key: StyleKey): Partial<ExcelJS.Style> {
  const spec = STYLES[key];
  const style: Partial<ExcelJS.Style> = {};
  if (spec.fill) style.fill = solidFill(spec.fill);
  const font: Partial<ExcelJS.Font> = {};
  if (spec.font) font.color = { argb: argb(spec.font) };
  if (spec.bold) font.bold = true;
  if (spec.size) font.size = spec.size;
  if (Object.keys(font).length > 0) style.font = font;
  return style;
}

function cellValue(c: OutCell): ExcelJS.CellValue {
  if (c.f !== undefined) {
    const formula = c.f.replace(/^=/, '');
    return c.v === null ? { formula } : { formula, result: c.v };
  }
  return c.v;
}

/** Write `sheet` into the (empty) worksheet `ws`. */
export function renderSheet(ws: ExcelJS.Worksheet, sheet: OutSheet): void {
  sheet.columns.forEach((col, i) => {
    ws.getColumn(i + 1).width = col.width;
  });
  sheet.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = cellValue(c);
      const style: Partial<ExcelJS.Style> = c.style ? styleOf(c.style) : {};
      if (c.fmt) style.numFmt = c.fmt;
      if (c.style === 'title') style.alignment = { horizontal: 'center', vertical: 'middle' };
      if (c.style === 'header') style.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      if (Object.keys(style).length > 0) cell.style = style;
    });
  });
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
}
