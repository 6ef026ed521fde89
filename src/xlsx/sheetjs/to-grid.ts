/**
 * A workbook as SheetJS parsed it → the SheetGrid[] every reader gives (src/domain/types.ts), cell
 * for cell as the project's .xlsx reader gives the same workbook saved as .xlsx: values and cached
 * formula results (none when never calculated), formulas without '=', number formats unless General
 * (SheetJS's US defaults for the built-in date formats given as zh-CN Excel shows them), dates as
 * 1900-system serials with their date format, merged ranges (only their top-left cell kept), hidden
 * and protected sheets. Chart, dialog and macro sheets hold no cells and are not listed.
 *
 * SheetJS is a general-purpose parser: whatever it builds is checked before it is walked (a row
 * array a million long, a sheet name that is a prototype key), so a hostile file cannot make this
 * loop run away or the engine see a sheet the workbook does not really have.
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Cell, ScalarValue, SheetGrid } from '../../domain/types';
import { columnLetters } from '../../domain/a1';
import { DamagedWorkbook } from '../ooxml/workbook-grid';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from '../guard/limits';
import { isUnsafeName } from '../guard/ooxml-rules';
import { to1900 } from '../grid/dates';
import { blankUnderMerges } from '../grid/merges';

/** Excel's error values by BIFF code (SheetJS keeps the code in `v`). */
const ERRORS: ReadonlyMap<number, string> = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

/** SheetJS's defaults for built-in formats → as zh-CN Excel shows them (src/xlsx/ooxml/number-formats.ts). */
const BUILT_IN_ZH: ReadonlyMap<string, string> = new Map([
  ['m/d/yy', 'yyyy/m/d'],
  ['m/d/yy h:mm', 'yyyy/m/d h:mm'],
]);

const MS_PER_DAY = 86_400_000;
const DAY_ZERO = Date.UTC(1899, 11, 30);

function formatOf(z: CellObject['z'], table: Record<number, string>): string | undefined {
  const code = typeof z === 'number' ? table[z] : z;
  if (code === undefined || code === '' || /^general$/i.test(code)) return undefined;
  return BUILT_IN_ZH.get(code) ?? code;
}

function valueOf(c: CellObject): ScalarValue | undefined {
  switch (c.t) {
    case 'n':
      if (typeof c.v !== 'number') return undefined;
      return Number.isFinite(c.v) ? c.v : { error: '#NUM!' };
    case 's':
      return typeof c.v === 'string' ? c.v : c.v === undefined ? undefined : String(c.v);
    case 'b':
      return typeof c.v === 'boolean' ? c.v : undefined;
    case 'e':
      return { error: (typeof c.v === 'number' ? ERRORS.get(c.v) : undefined) ?? (typeof c.w === 'string' && c.w.startsWith('#') ? c.w : '#N/A') };
    case 'd':
      // a date object: as the serial Excel stores (UTC midnight = the day itself)
      return c.v instanceof Date && !Number.isNaN(c.v.getTime()) ? (c.v.getTime() - DAY_ZERO) / MS_PER_DAY : undefined;
    default:
      return undefined; // 'z': a stub, no value
  }
}

interface Options {
  /** a formula cell without a value holds empty text (OpenDocument), not a never-calculated result */
  emptyTextFormulas: boolean;
  /** sheets to mark hidden whatever SheetJS says */
  hidden: readonly string[];
}

/** One SheetJS cell as a grid cell, or undefined when it holds nothing. */
function cellOf(c: CellObject, table: Record<number, string>, date1904: boolean, opts: Options): Cell | undefined {
  const formula = typeof c.f === 'string' && c.f !== '' ? c.f.replace(/^=/, '') : undefined;
  let value = valueOf(c);
  if (value === undefined && c.t === 'z' && formula !== undefined && opts.emptyTextFormulas) value = '';
  let cell: Cell;
  if (formula !== undefined) cell = value === undefined ? { v: null, f: formula, noResult: true } : { v: value, f: formula };
  else if (value === undefined || value === null) return undefined;
  else cell = { v: value };
  const fmt = formatOf(c.z, table) ?? (c.t === 'd' ? 'yyyy/m/d' : undefined);
  if (fmt) cell.fmt = fmt;
  return date1904 && c.t !== 'd' ? to1900(cell) : cell;
}

function rangeText(r: { s: { r: number; c: number }; e: { r: number; c: number } }): string | null {
  const ok = (x: { r: number; c: number }): boolean => Number.isInteger(x.r) && Number.isInteger(x.c) && x.r >= 0 && x.c >= 0 && x.r < EXCEL_MAX_ROWS && x.c < EXCEL_MAX_COLS;
  if (!ok(r.s) || !ok(r.e)) return null;
  return `${columnLetters(r.s.c)}${r.s.r + 1}:${columnLetters(r.e.c)}${r.e.r + 1}`;
}

function sheetGrid(name: string, ws: WorkSheet, table: Record<number, string>, date1904: boolean, opts: Options): SheetGrid {
  const data: unknown = ws['!data'];
  const source = Array.isArray(data) ? (data as (CellObject[] | undefined)[]) : [];
  if (source.length > EXCEL_MAX_ROWS) throw new DamagedWorkbook('E_ROW_LIMIT');
  const rows: (Cell | undefined)[][] = [];
  for (let r = 0; r < source.length; r++) {
    const line = source[r];
    const out: (Cell | undefined)[] = [];
    if (Array.isArray(line)) {
      if (line.length > EXCEL_MAX_COLS) throw new DamagedWorkbook('E_COL_LIMIT');
      for (let c = 0; c < line.length; c++) {
        const src = line[c];
        if (!src || typeof src !== 'object') continue;
        const cell = cellOf(src, table, date1904, opts);
        if (cell) out[c] = cell;
      }
    }
    rows.push(out);
  }
  const merges: string[] = [];
  const sjMerges: unknown = ws['!merges'];
  for (const m of Array.isArray(sjMerges) ? sjMerges : []) {
    const text = rangeText(m as { s: { r: number; c: number }; e: { r: number; c: number } });
    if (text !== null) merges.push(text);
  }
  blankUnderMerges(rows, merges);
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  const grid: SheetGrid = { name, rows, merges };
  if (ws['!protect']) grid.protected = true;
  return grid;
}

/** Every worksheet of a SheetJS workbook, in order; refuses reserved and repeated sheet names. */
export function sheetJsGrids(wb: WorkBook, table: Record<number, string>, opts: Options): SheetGrid[] {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const meta = wb.Workbook?.Sheets ?? [];
  const names = new Set<string>();
  const out: SheetGrid[] = [];
  wb.SheetNames.forEach((name, i) => {
    if (isUnsafeName(name)) throw new DamagedWorkbook('E_UNSAFE_NAME');
    const key = name.toLowerCase();
    if (names.has(key)) throw new DamagedWorkbook('E_CORRUPT');
    names.add(key);
    const ws = Object.prototype.hasOwnProperty.call(wb.Sheets, name) ? wb.Sheets[name] : undefined;
    if (!ws) throw new DamagedWorkbook('E_SHEET_MISSING');
    const type: unknown = ws['!type'];
    if (type === 'chart' || type === 'dialog' || type === 'macro') return;
    const grid = sheetGrid(name, ws, table, date1904, opts);
    const hidden = meta[i]?.Hidden;
    if (hidden === 1 || hidden === 2 || opts.hidden.includes(name)) grid.hidden = true;
    out.push(grid);
  });
  return out;
}
