/**
 * A bounded scan of the binary parts of an .xlsb ([MS-XLSB] BIFF12 records) before SheetJS parses
 * them: record headers are read with every length checked against the part's end; worksheet parts
 * are checked for row and column bounds, value cells (counted against the cell limit) and merged
 * areas; the workbook part for reserved sheet names. Nothing else of the records is interpreted.
 */
import type { InputErrorCode } from './codes';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type InspectLimits } from './limits';
import { isUnsafeName } from './ooxml-rules';

const ROW_HDR = 0;
const BUNDLE_SH = 156;
const MERGE_CELL = 176;
/** Value cells (BrtCellRk … BrtFmlaError, BrtShortRk … BrtShortIsst); blanks (1, 12) are not values. */
const isCell = (t: number): boolean => (t >= 2 && t <= 11) || (t >= 13 && t <= 18);

const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** An XLWideString (u32 length, UTF-16 characters) at `o`, or null when it runs past `end`. */
function wideString(b: Uint8Array, o: number, end: number): { text: string; next: number } | null {
  if (o + 4 > end) return null;
  const n = u32(b, o);
  if (n === 0xffffffff) return { text: '', next: o + 4 };
  if (o + 4 + n * 2 > end) return null;
  let text = '';
  for (let i = 0; i < n; i++) text += String.fromCharCode(b[o + 4 + 2 * i] | (b[o + 5 + 2 * i] << 8));
  return { text, next: o + 4 + n * 2 };
}

/** Scans one .bin part; null when it may be parsed, else the refusal. */
export function scanXlsbPart(b: Uint8Array, workbook: boolean, limits: InspectLimits, counts: { cells: number }): InputErrorCode | null {
  let o = 0;
  let merged = 0;
  while (o < b.length) {
    // record type: 1-2 bytes of 7 bits; size: 1-4 bytes of 7 bits
    let type = b[o] & 0x7f;
    if (b[o++] & 0x80) {
      if (o >= b.length) return 'E_TRUNCATED';
      type |= (b[o++] & 0x7f) << 7;
    }
    let size = 0;
    for (let k = 0; k < 4; k++) {
      if (o >= b.length) return 'E_TRUNCATED';
      const c = b[o++];
      size |= (c & 0x7f) << (7 * k);
      if (!(c & 0x80)) break;
    }
    const start = o;
    const end = start + size;
    if (end > b.length) return 'E_TRUNCATED';
    if (workbook) {
      if (type === BUNDLE_SH && size >= 12) {
        const rel = wideString(b, start + 8, end);
        const name = rel ? wideString(b, rel.next, end) : null;
        if (name && isUnsafeName(name.text)) return 'E_UNSAFE_NAME';
      }
    } else if (type === ROW_HDR && size >= 4) {
      if (u32(b, start) >= EXCEL_MAX_ROWS) return 'E_ROW_LIMIT';
    } else if (isCell(type)) {
      // a cell record starts with its column; the short forms (13-18) follow the previous cell
      if (type <= 11 && size >= 4 && u32(b, start) >= EXCEL_MAX_COLS) return 'E_COL_LIMIT';
      if (++counts.cells > limits.maxCells) return 'E_TOO_LARGE';
    } else if (type === MERGE_CELL && size >= 16) {
      const r1 = u32(b, start);
      const r2 = u32(b, start + 4);
      const c1 = u32(b, start + 8);
      const c2 = u32(b, start + 12);
      if (Math.max(r1, r2) >= EXCEL_MAX_ROWS) return 'E_ROW_LIMIT';
      if (Math.max(c1, c2) >= EXCEL_MAX_COLS) return 'E_COL_LIMIT';
      merged += (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1);
      if (merged > limits.maxMergedCells) return 'E_RANGE_TOO_LARGE';
    }
    o = end;
  }
  return null;
}
