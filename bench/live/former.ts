/**
 * Live mode as it was before this benchmark (frozen here for comparison, not used by the product):
 * after a burst of edits, one round trip to turn worksheet ids into names, readWorkbook of the
 * edited sheet alone (3 round trips), a check of that sheet alone (without the register sheet,
 * 历史数据 or the zone's other months), and its findings put in place of the sheet's old ones.
 */
import { checkWorkbooks, type CheckOptions } from '../../src/domain/check';
import { countLevels } from '../../src/domain/output/annotations';
import type { CheckReport } from '../../src/domain/types';
import type { OfficeWorkbookPort } from '../../src/excel/office-port';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';

/** src/taskpane/live-merge.ts as it was. */
export function mergeSheetReport(old: CheckReport, fresh: CheckReport, sheets: string[]): CheckReport {
  const set = new Set(sheets);
  const keep = old.findings.filter((f) => f.sheet === null || !set.has(f.sheet));
  const added = fresh.findings.filter((f) => f.sheet !== null && set.has(f.sheet));
  const findings = [...keep, ...added];
  const skipped = [...old.skipped.filter((k) => !set.has(k.scope)), ...fresh.skipped.filter((k) => set.has(k.scope))];
  return { ...old, findings, skipped, totals: countLevels(findings) };
}

/** The former flow for one edited sheet: the report it showed. */
export async function formerRecheck(fx: FakeExcel, port: OfficeWorkbookPort, old: CheckReport, sheetId: string, opts: CheckOptions): Promise<CheckReport> {
  const names = await fx.run(async (ctx) => {
    const coll = ctx.workbook.worksheets;
    coll.load('items/id,items/name');
    await ctx.sync();
    return new Map(coll.items.map((ws) => [ws.id, ws.name]));
  });
  const sheet = names.get(sheetId) ?? '';
  const grid = await port.readWorkbook({ sheets: [sheet] });
  const fresh = checkWorkbooks([{ file: fx.name, sha256: '', grid, inputError: null }], opts).report;
  return mergeSheetReport(old, fresh, [sheet]);
}
