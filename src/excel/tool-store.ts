/**
 * The tool's veryHidden sheet (TOOL_SHEETS.config) as a small text store:
 *   column A  the configuration JSON, in chunks of ≤ 30,000 characters from A1 down
 *             (the same layout as the .xlsx port, so a configuration travels between Excel and
 *             the standalone pane);
 *   column B  the record of highlights the Office.js port added (JSON, same chunking), so that
 *             clearing removes exactly those, even after the workbook was closed and reopened.
 * The .xlsx port only reads and writes column A. Cells are formatted as text ('@') before the chunks
 * are written, so a chunk that starts with '=' or looks like a number stays text.
 */
import { TOOL_SHEETS } from '../domain/port';
import { CHUNK_CHARS, chunkText } from '../domain/output/highlight-record';
import type { SetSupport, XlContext, XlRange, XlWorksheet } from './api';

export type StoreColumn = 'A' | 'B';
export { CHUNK_CHARS, chunkText };

/** The tool sheet among loaded worksheet items (their names loaded), or undefined. */
export function findToolSheet(items: XlWorksheet[]): XlWorksheet | undefined {
  return items.find((ws) => ws.name === TOOL_SHEETS.config);
}

/**
 * Queues a read of the store's used range; call `storedText` after the sync. Before ExcelApi 1.4
 * (no *OrNullObject) the plain used range is read: a blank store gives its empty top-left cell.
 */
export function queueStoreRead(sheet: XlWorksheet, supports: SetSupport): XlRange {
  if (supports('ExcelApi', '1.4')) return sheet.getUsedRangeOrNullObject(true).load('values,columnIndex');
  const range = supports('ExcelApi', '1.2') ? sheet.getUsedRange(true) : sheet.getUsedRange();
  return range.load('values,columnIndex');
}

/** The text of one column from a loaded store range (chunks concatenated until the first blank). */
export function storedText(range: XlRange, column: StoreColumn): string | null {
  if (range.isNullObject) return null;
  const values = range.values;
  if (!values) return null;
  const col = (column === 'A' ? 0 : 1) - range.columnIndex;
  if (col < 0) return null;
  let text = '';
  for (const row of values) {
    const v = row[col];
    if (typeof v !== 'string' || v === '') break;
    text += v;
  }
  return text === '' ? null : text;
}

/**
 * Queues writing `text` into a column of the store (creating the veryHidden sheet when missing).
 * `existing` is the store sheet if it exists (from a loaded item list).
 */
export function queueStoreWrite(ctx: XlContext, existing: XlWorksheet | undefined, column: StoreColumn, text: string | null): void {
  let sheet = existing;
  if (!sheet) {
    if (text === null) return;
    sheet = ctx.workbook.worksheets.add(TOOL_SHEETS.config);
    // veryHidden: invisible in Excel's Unhide dialog, so a clerk does not edit it by accident.
    sheet.visibility = 'VeryHidden';
  }
  const whole = sheet.getRange(`${column}:${column}`);
  whole.clear('Contents');
  if (text === null) return;
  const chunks = chunkText(text);
  if (chunks.length === 0) return;
  const target = sheet.getRange(`${column}1:${column}${chunks.length}`);
  target.numberFormat = chunks.map(() => ['@']);
  target.values = chunks.map((c) => [c]);
}
