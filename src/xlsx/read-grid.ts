/**
 * exceljs Workbook → WorkbookGrid (src/domain/types.ts): plain values, formulas with their cached
 * results, number formats, merges, hidden/protected flags. Works around the exceljs traps listed in
 * spec/engineering-notes.md: a falsy cached result (0, false, "") is dropped by `cell.value`, so it is
 * read from `cell.result`/`cell.model.result`; a merged non-master cell reports the master's value, so
 * it is left blank here (the value sits in the top-left cell only).
 */
import type ExcelJS from 'exceljs';
import type { Cell, ScalarValue, SheetGrid, WorkbookGrid } from '../domain/types';
import { TOOL_SHEETS } from '../domain/port';

/** exceljs ValueType numbers (a const enum in its typings, so restated here). */
export const VT = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 } as const;

export interface ReadGridOptions {
  /** read only these sheets */
  sheets?: string[];
  onProgress?: (fraction: number) => void;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !(x instanceof Date);
}

/** A Date as ISO 8601: the date alone when it has no time of day. */
export function dateToIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function richTextToString(x: unknown): string | null {
  if (isRecord(x) && Array.isArray(x.richText)) {
    return x.richText.map((r: unknown) => (isRecord(r) && typeof r.text === 'string' ? r.text : '')).join('');
  }
  return null;
}

/** Any exceljs value (or cached result) → a ScalarValue, or undefined when it cannot be told. */
export function toScalar(x: unknown): ScalarValue | undefined {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') return x;
  if (x instanceof Date) return { date: dateToIso(x) };
  if (isRecord(x)) {
    if (typeof x.error === 'string') return { error: x.error };
    const rich = richTextToString(x);
    if (rich !== null) return rich;
    if ('hyperlink' in x) {
      // hyperlink text may itself be rich text
      if (typeof x.text === 'string') return x.text;
      const t = richTextToString(x.text);
      return t ?? '';
    }
  }
  return undefined;
}

/** One exceljs cell → Cell, or undefined for a blank (or merged non-master) cell. */
export function readCell(cell: ExcelJS.Cell): Cell | undefined {
  const type: number = cell.type;
  if (type === VT.Merge) return undefined;
  if (cell.isMerged && cell.master.address !== cell.address) return undefined;
  const fmt = typeof cell.numFmt === 'string' && cell.numFmt !== '' && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  const out: Cell = { v: null };
  if (type === VT.Formula) {
    const formula = cell.formula;
    // without the leading '=', as the Office.js port gives it (src/excel/cell-map.ts)
    out.f = typeof formula === 'string' ? formula : '';
    // cell.value drops a falsy cached result: read the model's result instead.
    const modelResult: unknown = cell.model.result;
    const result: unknown = modelResult !== undefined ? modelResult : cell.result;
    if (result === undefined || result === null) {
      out.v = null;
      out.noResult = true;
    } else {
      out.v = toScalar(result) ?? null;
    }
  } else {
    const v = toScalar(cell.value);
    if (v === undefined || v === null) {
      if (!fmt) return undefined;
      out.v = null;
    } else {
      out.v = v;
    }
  }
  if (fmt) out.fmt = fmt;
  return out;
}

/** One worksheet → SheetGrid. */
export function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = readCell(cell);
      if (c) cells[colNumber - 1] = c;
    });
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  });
  // Fill the holes so consumers can index rows[r] safely.
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const merges: string[] = Array.isArray(ws.model.merges) ? ws.model.merges.filter((m): m is string => typeof m === 'string') : [];
  const grid: SheetGrid = { name: ws.name, rows, merges };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  // sheetProtection is set by exceljs but missing from its typings.
  const protection: unknown = Reflect.get(ws, 'sheetProtection');
  if (isRecord(protection) && protection.sheet === true) grid.protected = true;
  return grid;
}

/** The tool's veryHidden state sheet (configuration, highlight record): machinery, never shown to the engine. */
const STATE_SHEETS: ReadonlySet<string> = new Set([TOOL_SHEETS.config]);

/** The whole workbook as plain grids; the tool's hidden state sheets (configuration, highlights) are not included. */
export function readGrid(wb: ExcelJS.Workbook, name: string, opts: ReadGridOptions = {}): WorkbookGrid {
  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const sheets = wb.worksheets.filter((ws) => !STATE_SHEETS.has(ws.name) && (!wanted || wanted.has(ws.name)));
  const out: SheetGrid[] = [];
  sheets.forEach((ws, i) => {
    out.push(readSheet(ws));
    opts.onProgress?.((i + 1) / sheets.length);
  });
  return { name, sheets: out };
}
