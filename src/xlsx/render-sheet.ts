/**
 * Renders one OutSheet (src/domain/output/sheet-model.ts) into an exceljs worksheet: values and
 * formulas with cached results, named styles from STYLES, number formats, column widths, frozen
 * panes, merges and tab colour. Used by the port's writeSheets and by the sample writer.
 */
import type ExcelJS from 'exceljs';
import { parseA1 } from '../domain/a1';
import { STYLES, type OutCell, type OutSheet, type StyleKey } from '../domain/output/sheet-model';

/** 'FFC7CE' → exceljs ARGB 'FFFFC7CE' (opaque). */
export function argb(hex: string): string {
  return 'FF' + hex.replace(/^#/, '').toUpperCase();
}

/** A solid fill of an RGB hex colour. */
export function solidFill(hex: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

/** The workbook's default font (exceljs's): a styled cell names it too, or viewers substitute a serif font. */
const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };

/** The exceljs style of a named style key. */
export function styleOf(key: StyleKey): Partial<ExcelJS.Style> {
  const spec = STYLES[key];
  const style: Partial<ExcelJS.Style> = {};
  if (spec.fill) style.fill = solidFill(spec.fill);
  const font: Partial<ExcelJS.Font> = { ...BASE_FONT };
  if (spec.font) font.color = { argb: argb(spec.font) };
  if (spec.bold) font.bold = true;
  if (spec.size) font.size = spec.size;
  style.font = font;
  return style;
}

function cellValue(c: OutCell): ExcelJS.CellValue {
  if (c.f !== undefined) {
    const formula = c.f.replace(/^=/, '');
    return c.v === null ? { formula } : { formula, result: c.v };
  }
  return c.v;
}

/** Display width in character units: CJK and full-width characters count two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/**
 * Lines a wrapped text needs in a column of `width` characters. exceljs cannot autofit row heights
 * and LibreOffice does not refit on opening, so the height is estimated here.
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

const LINE_HEIGHT = 15;

/** Write `sheet` into the (empty) worksheet `ws`. */
export function renderSheet(ws: ExcelJS.Worksheet, sheet: OutSheet): void {
  // A title is centred only over its merged range; alone it would spill to both sides and be cut.
  const anyWrap = sheet.columns.some((c) => c.wrap);
  const mergeMasters = new Set((sheet.merges ?? []).map((m) => m.split(':')[0].toUpperCase()));
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
      if (c.style === 'title') style.alignment = { horizontal: mergeMasters.has(cell.address) ? 'center' : 'left', vertical: 'middle' };
      if (c.style === 'header') style.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      else if (sheet.columns[col]?.wrap && c.style !== 'title') style.alignment = { vertical: 'top', wrapText: true };
      else if (anyWrap && c.style !== 'title') style.alignment = { vertical: 'top' };
      if (Object.keys(style).length > 0) cell.style = style;
    });
  });
  if (anyWrap) {
    // a merged cell wraps within the merged width, not its first column's
    const mergedWidth = new Map<string, number>();
    for (const m of sheet.merges ?? []) {
      const [a, b] = m.toUpperCase().split(':');
      const ca = parseA1(a), cb = parseA1(b ?? a);
      if (!ca || !cb) continue;
      let w = 0;
      for (let c = ca.col; c <= cb.col; c++) w += sheet.columns[c]?.width ?? 8.43;
      mergedWidth.set(`${ca.row}:${ca.col}`, w);
    }
    sheet.rows.forEach((row, r) => {
      let lines = 1;
      row.forEach((c, col) => {
        const spec = sheet.columns[col];
        if (c && spec?.wrap && typeof c.v === 'string' && c.style !== 'title' && c.style !== 'header') {
          lines = Math.max(lines, wrappedLines(c.v, mergedWidth.get(`${r}:${col}`) ?? spec.width));
        }
      });
      if (lines > 1) ws.getRow(r + 1).height = LINE_HEIGHT * lines;
    });
  }
  for (const m of sheet.merges ?? []) ws.mergeCells(m);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  const page = sheet.page;
  if (page) {
    // the sheet's own print setup (一页纸: A4 portrait, one page); OutSheet.chart is not drawn here:
    // exceljs writes no charts (see README)
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: PAPER_A4,
      orientation: page.orientation,
      fitToPage: true,
      fitToWidth: page.fitWide,
      fitToHeight: page.fitTall,
      printArea: page.printArea,
      printTitlesRow: page.titleRows,
      horizontalCentered: page.centerHorizontally === true,
      margins: page.margins,
    };
  } else {
    // Printed (or converted to PDF) one page wide, landscape: these sheets are wide tables.
    ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
}

/** SpreadsheetML paper size 9 = A4 */
const PAPER_A4 = 9;
