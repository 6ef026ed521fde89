/**
 * Live mode's read of the sheets an edit touched, by worksheet id, in one round trip: each sheet's
 * name, visibility and protection, its used range's values, formulas, number formats and value
 * types, and its merged areas (ExcelApi 1.13) are all queued before a single `sync()`. The grid is
 * the one readWorkbook (read.ts) gives for that sheet, so a re-check sees exactly what a full check
 * would.
 *
 * When that one request cannot do (the sheet is too large for one request, Excel declines the
 * values, or more than 512 merged areas), the names are looked up and the sheets are read the way
 * readWorkbook reads them (planned blocks, merges by halves): more round trips, the same grids. A
 * sheet deleted since the event fails the batch with ItemNotFound: that is reported as 'gone', and
 * live mode reads the whole workbook again.
 */
import { TOOL_SHEETS } from '../domain/port';
import type { SheetGrid } from '../domain/types';
import { splitAreas } from '../domain/a1-areas';
import type { SetSupport, XlContext, XlRange, XlRangeAreas, XlWorksheet } from './api';
import { isFatalForRetry, officeErrorCode } from './errors';
import { fill, readWorkbookIn } from './read';
import { syncChecked } from './sync';

interface Queued {
  ws: XlWorksheet;
  used: XlRange;
  merges: XlRangeAreas | null;
}

/** The grids of these sheets (by id), or 'gone' when one no longer exists. */
export async function readSheetsById(ctx: XlContext, ids: readonly string[], supports: SetSupport): Promise<SheetGrid[] | 'gone'> {
  const mergesSupported = supports('ExcelApi', '1.13');
  const queued: Queued[] = ids.map((id) => {
    const ws = ctx.workbook.worksheets.getItem(id);
    ws.load('name,visibility,protection/protected');
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,values,formulas,numberFormat,valueTypes');
    const merges = mergesSupported ? ws.getRange().getMergedAreasOrNullObject().load('address') : null;
    return { ws, used, merges };
  });
  try {
    await syncChecked(ctx);
  } catch (e) {
    if (officeErrorCode(e) === 'ItemNotFound') return 'gone';
    if (isFatalForRetry(e)) throw e;
    // too large for one request, or too many merged areas: the careful read
    return readCarefully(ctx, ids, supports);
  }
  const grids: SheetGrid[] = [];
  for (const { ws, used, merges } of queued) {
    const grid: SheetGrid = { name: ws.name, rows: [], merges: merges && !merges.isNullObject ? splitAreas(merges.address) : [] };
    if (ws.visibility !== 'Visible') grid.hidden = true;
    if (ws.protection.protected) grid.protected = true;
    if (!used.isNullObject) {
      const rows = used.values?.length ?? 0;
      const cols = used.values?.[0]?.length ?? 0;
      const block = { sheet: 0, top: used.rowIndex, left: used.columnIndex, bottom: used.rowIndex + rows - 1, right: used.columnIndex + cols - 1 };
      // values null: Excel declined a large read
      if (!fill(grid, { block, range: used })) return readCarefully(ctx, ids, supports);
    }
    grids.push(grid);
  }
  return grids.filter(wanted);
}

/** The sheets' names, then readWorkbook's own planned reads of just those sheets. */
async function readCarefully(ctx: XlContext, ids: readonly string[], supports: SetSupport): Promise<SheetGrid[] | 'gone'> {
  const sheets = ids.map((id) => ctx.workbook.worksheets.getItem(id).load('name'));
  try {
    await syncChecked(ctx);
  } catch (e) {
    if (officeErrorCode(e) === 'ItemNotFound') return 'gone';
    throw e;
  }
  const grid = await readWorkbookIn(ctx, supports, { sheets: sheets.map((s) => s.name) });
  return grid.sheets.filter(wanted);
}

/**
 * The tool's own sheets other than 历史数据 are no report whatever they hold (the check skips them
 * by name): an edit there changes no finding. The configuration sheet is never workbook content.
 */
function wanted(grid: SheetGrid): boolean {
  const tool = (Object.values(TOOL_SHEETS) as string[]).includes(grid.name);
  return !tool || grid.name === TOOL_SHEETS.history;
}
