/**
 * A written sheet's print setup in Excel (OutSheet.page: 一页纸 — A4 portrait, fit to one page, print
 * area, repeated header rows, margins). `worksheet.pageLayout` is ExcelApi 1.9: on an older host the
 * sheet is written without it (the user sets the page up by hand) rather than failing the batch.
 */
import type { OutSheet } from '../domain/output/sheet-model';
import type { SetSupport, XlWorksheet } from './api';

const POINTS_PER_INCH = 72;
/** inches → points, to a hundredth (0.3 in is 21.6 pt, not 21.599999999999998) */
const pt = (inches: number) => Math.round(inches * POINTS_PER_INCH * 100) / 100;

/** Queues the page setup; returns false when the host cannot take it (no ExcelApi 1.9). */
export function queuePageLayout(ws: XlWorksheet, sheet: OutSheet, supports: SetSupport, printArea?: string): boolean {
  const page = sheet.page;
  if (!page) return true;
  if (!supports('ExcelApi', '1.9')) return false;
  const pl = ws.pageLayout;
  pl.orientation = page.orientation === 'portrait' ? 'Portrait' : 'Landscape';
  pl.paperSize = page.paper;
  pl.zoom = { horizontalFitToPages: page.fitWide, verticalFitToPages: page.fitTall };
  pl.setPrintArea(printArea ?? page.printArea);
  if (page.titleRows) pl.setPrintTitleRows(page.titleRows.split(':').map((r) => `$${r}`).join(':'));
  pl.leftMargin = pt(page.margins.left);
  pl.rightMargin = pt(page.margins.right);
  pl.topMargin = pt(page.margins.top);
  pl.bottomMargin = pt(page.margins.bottom);
  pl.headerMargin = pt(page.margins.header);
  pl.footerMargin = pt(page.margins.footer);
  if (page.centerHorizontally) pl.centerHorizontally = true;
  return true;
}
