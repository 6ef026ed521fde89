/**
 * readWorkbook for the Office.js port, in a fixed number of round trips however many sheets:
 *   sync 1  workbook name; every worksheet's name, visibility, protection
 *   sync 2  each wanted sheet's used-range bounds (and merged areas, ExcelApi 1.13)
 *   sync 3  values, formulas, number formats and value types of every used range at once
 * Sync 3 becomes several syncs only when the estimated payload exceeds the request budget (blocks of
 * rows are planned from the used-range sizes before anything is loaded), and a request that still
 * comes back too large (size error, or `values: null`) is retried in halves.
 *
 * Merged areas: getMergedAreasOrNullObject fails on a range where more than 512 merged areas start.
 * When sync 2 fails that way, the bounds are read again without merges and the merges are read by
 * halves — of the sheets, then of a failing sheet's rows — so only the failing sheets cost extra
 * syncs and their merges are still all found (the call reports the merges whose top-left cell is in
 * the range, so row blocks add up to the whole). A single row that still fails is read without its
 * merges (a value sits in a merge's top-left cell anyway; merges only help recognise headers).
 *
 * Older Excel: ExcelApi 1.1 reads with getUsedRange (1.4 brings the null object for a blank sheet,
 * 1.2 valuesOnly and sheet protection), so checking works in every Excel with the JavaScript API.
 */
import type { ReadOptions } from '../domain/port';
import { TOOL_SHEETS } from '../domain/port';
import type { Cell, SheetGrid, WorkbookGrid } from '../domain/types';
import { splitAreas } from '../domain/a1-areas';
import type { SetSupport, XlContext, XlRange, XlRangeAreas, XlWorksheet } from './api';
import { toCell } from './cell-map';
import { isFatalForRetry as isFatal, isPayloadTooLarge, toPortError } from './errors';
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

/** Writes one loaded block into its grid; false when Excel declined the read (values null). Live mode's read (watch-read.ts) fills its grids with it too. */
export function fill(grid: SheetGrid, l: Loaded): boolean {
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

/** The used range of a sheet, as the host's API level allows; null-object aware from 1.4. */
function usedRange(ws: XlWorksheet, supports: SetSupport): XlRange {
  if (supports('ExcelApi', '1.4')) return ws.getUsedRangeOrNullObject(true);
  return supports('ExcelApi', '1.2') ? ws.getUsedRange(true) : ws.getUsedRange();
}

/** Used-range bounds; a blank sheet is null (before ExcelApi 1.4: an empty top-left cell). */
function boundsOf(u: XlRange, blank: boolean): UsedBounds | null {
  if (u.isNullObject || blank) return null;
  return { top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount };
}

/** A block of rows whose merges are to be read. */
interface MergeJob {
  sheet: number;
  top: number;
  bottom: number;
}

/**
 * Reads the merged areas of the jobs, splitting a failing group of jobs in halves and a failing
 * single job into halves of its rows; returns each sheet's merges and the sheets where a single row
 * could not be read.
 */
async function readMergesIsolated(ctx: XlContext, sheets: XlWorksheet[], jobs: MergeJob[], signal?: AbortSignal): Promise<{ merges: string[][]; lost: Set<number> }> {
  const merges: string[][] = sheets.map(() => []);
  const lost = new Set<number>();
  /** halves of a failing group (of jobs, or of a single job's rows); null when it cannot be split */
  const split = (group: MergeJob[]): MergeJob[][] | null => {
    if (group.length > 1) {
      const mid = Math.ceil(group.length / 2);
      return [group.slice(0, mid), group.slice(mid)];
    }
    const j = group[0];
    if (j.top >= j.bottom) return null;
    const mid = j.top + Math.floor((j.bottom - j.top) / 2);
    return [[{ ...j, bottom: mid }], [{ ...j, top: mid + 1 }]];
  };
  // the jobs together are known to fail (sync 2 did): start with their halves
  const queue: MergeJob[][] = split(jobs) ?? [];
  if (queue.length === 0) for (const j of jobs) lost.add(j.sheet);
  while (queue.length > 0) {
    const group = queue.shift();
    if (!group || group.length === 0) continue;
    const loaded = group.map((j) => {
      const range = j.top === 0 && j.bottom < 0 ? sheets[j.sheet].getRange() : sheets[j.sheet].getRange(`${j.top + 1}:${j.bottom + 1}`);
      const m = range.getMergedAreasOrNullObject();
      m.load('address');
      return { j, m };
    });
    try {
      await syncChecked(ctx, signal);
    } catch (e) {
      if (isFatal(e)) throw e;
      const halves = split(group);
      if (halves) queue.unshift(...halves);
      else lost.add(group[0].sheet);
      continue;
    }
    for (const { j, m } of loaded) if (!m.isNullObject) merges[j.sheet].push(...splitAreas(m.address));
  }
  return { merges, lost };
}

/** readWorkbook inside one batch (the port runs it in Excel.run with guarded syncs). */
export async function readWorkbookIn(ctx: XlContext, supports: SetSupport, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  const { signal, onProgress } = opts;
  const wanted = opts.sheets ? new Set(opts.sheets.map((s) => s.toLowerCase())) : null;
  const mergesSupported = supports('ExcelApi', '1.13');
  const nullObjects = supports('ExcelApi', '1.4');
  try {
    // sync 1: names, visibility, protection (1.2)
    ctx.workbook.load('name');
    const collection = ctx.workbook.worksheets;
    collection.load(supports('ExcelApi', '1.2') ? 'items/name,items/visibility,items/protection/protected' : 'items/name,items/visibility');
    await syncChecked(ctx, signal);
    const sheets: XlWorksheet[] = collection.items.filter(
      // the tool's veryHidden configuration sheet is not workbook content
      (ws) => ws.name !== TOOL_SHEETS.config && (!wanted || wanted.has(ws.name.toLowerCase())),
    );
    const grids: SheetGrid[] = sheets.map((ws) => {
      const g: SheetGrid = { name: ws.name, rows: [], merges: [] };
      if (ws.visibility !== 'Visible') g.hidden = true;
      if (supports('ExcelApi', '1.2') && ws.protection.protected) g.protected = true;
      return g;
    });
    onProgress?.(0.05);

    // sync 2: used-range bounds (+ merges); valuesOnly: formatting alone does not enlarge the read
    const queueBounds = () =>
      sheets.map((ws) => {
        const u = usedRange(ws, supports).load('rowIndex,columnIndex,rowCount,columnCount');
        // before 1.4 a blank sheet's used range is A1: its value tells a blank sheet from a one-cell one
        const a1 = nullObjects ? null : ws.getRange('A1').load('values');
        return { u, a1 };
      });
    let used = queueBounds();
    // Merged areas need ExcelApi 1.13; without it no merges are reported (the value of a merge
    // sits in its top-left cell anyway, which is all the engine reads).
    let merged: XlRangeAreas[] | null = mergesSupported
      ? sheets.map((ws) => {
          const m = ws.getRange().getMergedAreasOrNullObject();
          m.load('address');
          return m;
        })
      : null;
    try {
      await syncChecked(ctx, signal);
    } catch (e) {
      if (!merged || isFatal(e)) throw e;
      // probably more than 512 merged areas on some sheet: bounds alone, then merges by halves
      merged = null;
      used = queueBounds();
      await syncChecked(ctx, signal);
    }
    const bounds: (UsedBounds | null)[] = used.map(({ u, a1: first }) => {
      const blank = first !== null && u.rowCount === 1 && u.columnCount === 1 && u.rowIndex === 0 && u.columnIndex === 0 && (first.values?.[0]?.[0] ?? '') === '';
      return boundsOf(u, blank);
    });
    if (merged) {
      merged.forEach((m, i) => {
        if (!m.isNullObject) grids[i].merges = splitAreas(m.address);
      });
    } else if (mergesSupported) {
      const jobs = bounds.map((b, sheet): MergeJob => (b ? { sheet, top: b.top, bottom: b.top + b.rows - 1 } : { sheet, top: 0, bottom: -1 }));
      const { merges } = await readMergesIsolated(ctx, sheets, jobs, signal);
      merges.forEach((m, i) => (grids[i].merges = m));
    }
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
  } catch (e) {
    throw e instanceof PortError ? e : toPortError(e);
  }
}
