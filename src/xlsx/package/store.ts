/**
 * Reads the tool's veryHidden store sheet (TOOL_SHEETS.config) straight from the package: column A
 * the configuration, column B the highlight record, each in chunks from row 1 down until the first
 * blank (the layout of src/excel/tool-store.ts). The sheet is read by the reader every sheet goes
 * through (src/xlsx/ooxml/), so inline strings (this writer), shared strings (Excel) and plain
 * values are all understood.
 */
import { TOOL_SHEETS } from '../../domain/port';
import type { SheetGrid } from '../../domain/types';
import { readSheetXml } from '../ooxml/sheet-xml';
import { sheetContext } from '../ooxml/workbook-grid';
import { sheetsOf } from './opc';
import { text, type Package } from './zip-parts';

export interface StoredText {
  a: string | null;
  b: string | null;
}

/** The chunks of one column, joined from row 1 down to the first blank; null when none. */
function column(grid: SheetGrid, col: number): string | null {
  let s = '';
  for (let r = 0; r < grid.rows.length; r++) {
    const v = grid.rows[r]?.[col]?.v;
    if (v === undefined || v === null || v === '' || typeof v === 'object') break;
    s += String(v);
  }
  return s === '' ? null : s;
}

/** Columns A and B of the store sheet among read grids (a workbook of another format), or nulls. */
export function storeOfGrids(sheets: readonly SheetGrid[]): StoredText {
  const grid = sheets.find((s) => s.name === TOOL_SHEETS.config);
  return grid ? { a: column(grid, 0), b: column(grid, 1) } : { a: null, b: null };
}

/** Columns A and B of the store sheet, or nulls when there is none. */
export function readStore(pkg: Package): StoredText {
  const sheet = sheetsOf(pkg).find((s) => s.name === TOOL_SHEETS.config);
  const xml = sheet ? text(pkg, sheet.part) : undefined;
  if (!sheet || !xml) return { a: null, b: null };
  const grid = readSheetXml(xml, sheet.name, sheetContext(pkg));
  return { a: column(grid, 0), b: column(grid, 1) };
}
