/**
 * A bounded scan of a legacy Excel workbook stream (BIFF2-8: the `Workbook` / `Book` stream of an
 * .xls, or a bare BIFF2-4 file) before SheetJS parses it: record by record, never trusting a length
 * past the stream's end. It refuses what the .xlsx inspector refuses for the same reasons: an
 * encrypted workbook (FILEPASS), a reserved sheet or defined name (prototype pollution), more cells
 * than the limit, merged ranges over the limit. BIFF8 caps a sheet at 65,536 rows × 256 columns, so
 * row and column bounds hold by construction.
 */
import type { InputErrorCode } from './codes';
import type { InspectLimits } from './limits';
import { isUnsafeName } from './ooxml-rules';

const BOF_TYPES = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const NAME = 0x0018;
const MERGEDCELLS = 0x00e5;
const MULRK = 0x00bd;
/** One value cell each (BIFF2-8: NUMBER, RK, LABEL, LABELSST, RSTRING, BOOLERR, FORMULA, INTEGER). */
const CELL_TYPES = new Set([0x0203, 0x027e, 0x0204, 0x00fd, 0x00d6, 0x0205, 0x0006, 0x0406, 0x0206, 0x0003, 0x0004, 0x0005, 0x0002]);

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);

/** True when the bytes start with a BIFF BOF record (a workbook stream, or a bare BIFF2-4 file). */
export function startsWithBof(b: Uint8Array): boolean {
  return b.length >= 8 && BOF_TYPES.has(u16(b, 0)) && u16(b, 2) >= 4 && u16(b, 2) <= 32;
}

/** An 8-bit or 16-bit character run of `n` characters at `o`; null when it runs past `end`. */
function chars(b: Uint8Array, o: number, n: number, wide: boolean, end: number): string | null {
  if (o + n * (wide ? 2 : 1) > end) return null;
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(wide ? u16(b, o + 2 * i) : b[o + i]);
  return s;
}

/** A BOUNDSHEET's sheet name (BIFF8: ShortXLUnicodeString; BIFF5: 8-bit), or null. */
function sheetName(b: Uint8Array, o: number, end: number, biff8: boolean): string | null {
  const cch = b[o + 6];
  if (!biff8) return chars(b, o + 7, cch, false, end);
  return chars(b, o + 8, cch, (b[o + 7] & 1) === 1, end);
}

/** A NAME record's name text, or null (built-in names are one character code, never reserved). */
function definedName(b: Uint8Array, o: number, end: number, biff8: boolean): string | null {
  const cch = b[o + 3];
  if (!biff8) return chars(b, o + 14, cch, false, end);
  return chars(b, o + 15, cch, (b[o + 14] & 1) === 1, end);
}

/** Scans a workbook stream; null when it may be handed to the parser, else the refusal. */
export function scanBiff(b: Uint8Array, limits: InspectLimits): InputErrorCode | null {
  if (!startsWithBof(b)) return 'E_CORRUPT';
  const biff8 = u16(b, 0) === 0x0809 && u16(b, 4) === 0x0600;
  let cells = 0;
  let merged = 0;
  let o = 0;
  while (o + 4 <= b.length) {
    const type = u16(b, o);
    const len = u16(b, o + 2);
    const start = o + 4;
    const end = start + len;
    if (end > b.length) return 'E_TRUNCATED';
    if (type === FILEPASS) return 'E_ENCRYPTED';
    if (BOF_TYPES.has(type)) merged = 0; // a new sheet substream: merges are counted per sheet
    else if (type === BOUNDSHEET && len >= 8) {
      const name = sheetName(b, start, end, biff8);
      if (name !== null && isUnsafeName(name)) return 'E_UNSAFE_NAME';
    } else if (type === NAME && len >= 15) {
      const name = definedName(b, start, end, biff8);
      if (name !== null && isUnsafeName(name)) return 'E_UNSAFE_NAME';
    } else if (type === MULRK && len >= 6) {
      cells += Math.floor((len - 6) / 6);
    } else if (CELL_TYPES.has(type)) {
      cells++;
    } else if (type === MERGEDCELLS && len >= 2) {
      const n = u16(b, start);
      for (let i = 0; i < n && start + 2 + i * 8 + 8 <= end; i++) {
        const p = start + 2 + i * 8;
        merged += (Math.abs(u16(b, p + 2) - u16(b, p)) + 1) * (Math.abs(u16(b, p + 6) - u16(b, p + 4)) + 1);
      }
      if (merged > limits.maxMergedCells) return 'E_RANGE_TOO_LARGE';
    }
    if (cells > limits.maxCells) return 'E_TOO_LARGE';
    o = end;
  }
  return null;
}
