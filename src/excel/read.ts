/**
 * readWorkbook for the Office.js port, in a fixed number of round trips however many sheets:
 *   sync 1  workbook name; every worksheet's name, visibility, protection
 *   sync 2  each wanted sheet's used-range bounds (and merged areas, ExcelApi 1.13)
 *   sync 3  values, formulas, number formats and value types of every used range at once
 * Sync 3 becomes several syncs only when the estimated payload exceeds the request budget (blocks of
 * rows are planned from the used-range sizes before anything is loaded), and a request that still
 * comes back too large (size error, or `values: null`) is retried in halves.
 */
import type { ReadOptions } from '../domain/port';
import { TOOL_SHEETS } from '../domain/port';
import type { Cell, SheetGrid, WorkbookGrid } from '../domain/types';
import { splitAreas } from '../domain/a1-areas';
import type { ExcelRunner, SetSupport, XlContext, XlRange, XlRangeAreas, XlWorksheet } from './api';
import { toCell } from './cell-map';
import { isPayloadTooLarge, toPortError } from './errors';
import { READ_CELLS_PER_REQUEST } from './limits';
import { syncChecked } from './sync';
import { PortError } from '../domain/port';
import { a1 } from '../domain/a1';

/** A block of rows of one sheet's used range: [top, bottom] inclusive, 0-based sheet rows. */
export interface ReadBlock {
  sheet: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface UsedBounds {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/**
 * Plans the value reads: each sheet's used range cut into row blocks and the blocks packed into
 * requests of at most `cellsPerRequest` cells. Pure, so the plan can be tested on its own.
 */
export function planReads(used: (UsedBounds | null)[], cellsPerRequest = READ_CELLS_PER_REQUEST): ReadBlock[][] {
  const requests: ReadBlock[][] = [];
  let cur: ReadBlock[] = [];
  let room = cellsPerRequest;
  used.forEach((u, sheet) => {
    if (!u || u.rows <= 0 || u.cols <= 0) return;
    let row = u.top;
    const last = u.top + u.rows - 1;
    while (row <= last) {
      let fit = Math.floor(room / u.cols);
      if (fit < 1) {
        if (cur.length > 0) requests.push(cur);
        cur = [];
        room = cellsPerRequest;
        fit = Math.max(1, Math.floor(room / u.cols));
      }
      const bottom = Math.min(last, row + fit - 1);
      cur.push({ sheet, top: row, bottom, left: u.left, right: u.left + u.cols - 1 });
      room -= (bottom - row + 1) * u.cols;
      row = bottom + 1;
    }
  });
  if (cur.length > 0) requests.push(cur);
  return requests;
}

/** Halves a request that came back too large: by blocks, or a lone block by rows. */
function halve(req: ReadBlock[]): ReadBlock[][] | null {
  if (req.length > 1) {
    const mid = Math.ceil(req.length / 2);
    return [req.slice(0, mid), req.slice(mid)];
  }
  const b = req[0];
  if (b.top === b.bottom) return null;
  const mid = b.top + Math.floor((b.bottom - b.top) / 2);
  return [[{ ...b, bottom: mid }], [{ ...b, top: mid + 1 }]];
}

interface Loaded {
  block: ReadBlock;
  range: XlRange;
}

/** Writes one loaded block into its grid; false when Excel declined the read (values null). */
function fill(grid: SheetGrid, l: Loaded): boolean {
  const { values, formulas, numberFormat, valueTypes } = l.range;
  if (!values || !formulas || !numberFormat || !valueTypes) return false;
  const b = l.block;
  for (let r = 0; r <= b.bottom - b.top; r++) {
    const vr = values[r];
    if (!vr) continue;
    let row: (Cell | undefined)[] | undefined;
    for (let c = 0; c < vr.length; c++) {
      const cell = toCell(vr[c], formulas[r]?.[c], numberFormat[r]?.[c], valueTypes[r]?.[c] ?? 'Empty');
      if (!cell) continue;
      row ??= grid.rows[b.top + r] ??= [];
      row[b.left + c] = cell;
    }
  }
  return true;
}

export async function readWorkbook(run: ExcelRunner, supports: SetSupport, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  const { signal, onProgress } = opts;
  const wanted = opts.sheets ? new Set(opts.sheets.map((s) => s.toLowerCase())) : null;
  const mergesSupported = supports('ExcelApi', '1.13');
  try {
    return await run(async (ctx: XlContext) => {
      // sync 1: names, visibility, protection
      ctx.workbook.load('name');
      const collection = ctx.workbook.worksheets;
      collection.load('items/name,items/visibility,items/protection/protected');
      await syncChecked(ctx, signal);
      const sheets: XlWorksheet[] = collection.items.filter(
        // the tool's veryHidden configuration sheet is not workbook content
        (ws) => ws.name !== TOOL_SHEETS.config && (!wanted || wanted.has(ws.name.toLowerCase())),
      );
      const grids: SheetGrid[] = sheets.map((ws) => {
        const g: SheetGrid = { name: ws.name, rows: [], merges: [] };
        if (ws.visibility !== 'Visible') g.hidden = true;
        if (ws.protection.protected) g.protected = true;
        return g;
      });
      onProgress?.(0.05);

      // sync 2: used-range bounds (+ merges); valuesOnly: formatting alone does not enlarge the read
      const used = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
      // Merged areas need ExcelApi 1.13; without it no merges are reported (the value of a merge
      // sits in its top-left cell anyway, which is all the engine reads).
      const merged: XlRangeAreas[] | null = mergesSupported
        ? sheets.map((ws) => {
            const m = ws.getRange().getMergedAreasOrNullObject();
            m.load('address');
            return m;
          })
        : null;
      await syncChecked(ctx, signal);
      const bounds: (UsedBounds | null)[] = used.map((u) => {
        return u.isNullObject ? null : { top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
      });
      merged?.forEach((m, i) => {
        if (!m.isNullObject) grids[i].merges = splitAreas(m.address);
      });
      onProgress?.(0.1);

      // sync 3…: the planned value reads
      const queue = planReads(bounds);
      const total = bounds.reduce((n, b) => n + (b ? b.rows * b.cols : 0), 0);
      let done = 0;
      while (queue.length > 0) {
        const req = queue.shift();
        if (!req) break;
        const loaded: Loaded[] = req.map((block) => ({
          block,
          range: sheets[block.sheet]
            .getRange(`${a1(block.top, block.left)}:${a1(block.bottom, block.right)}`)
            .load('values,formulas,numberFormat,valueTypes'),
        }));
        let tooLarge = false;
        try {
          await syncChecked(ctx, signal);
        } catch (e) {
          if (!isPayloadTooLarge(e)) throw e;
          tooLarge = true;
        }
        if (!tooLarge) {
          // fill what came back; a null grid means "too large" as well
          const declined = loaded.filter((l) => !fill(grids[l.block.sheet], l)).map((l) => l.block);
          if (declined.length === 0) {
            done += req.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
            onProgress?.(0.1 + (0.9 * done) / Math.max(1, total));
            continue;
          }
          done += req
            .filter((b) => !declined.includes(b))
            .reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
          const parts = halve(declined);
          if (!parts) throw toPortError({ code: 'ResponsePayloadSizeLimitExceeded' });
          queue.unshift(...parts);
          continue;
        }
        const parts = halve(req);
        if (!parts) throw toPortError({ code: 'RequestPayloadSizeLimitExceeded' });
        queue.unshift(...parts);
      }
      onProgress?.(1);
      return { name: ctx.workbook.name, sheets: grids };
    });
  } catch (e) {
    throw e instanceof PortError ? e : toPortError(e);
  }
}
