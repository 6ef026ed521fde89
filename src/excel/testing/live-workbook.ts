/**
 * The live-mode workbook (src/domain/live-recheck.fixtures.ts) in the Excel fake, as a clerk's
 * workbook holds it: values, formulas with their results, number formats, merges. For live mode's
 * tests and benchmark.
 */
import type { OutSheet } from '../../domain/output/sheet-model';
import { liveOutSheets } from '../../domain/live-recheck.fixtures';
import { FakeExcel, type FakeCellState } from './fake-excel';

export function addOutSheet(fx: FakeExcel, sheet: OutSheet): void {
  const rows = sheet.rows.map((r) =>
    r.map((c): FakeCellState | undefined => {
      if (!c || (c.v === null && c.f === undefined)) return undefined;
      return { v: c.v ?? '', ...(c.f !== undefined ? { f: c.f } : {}), ...(c.fmt ? { nf: c.fmt } : {}) };
    }),
  );
  fx.addSheet(sheet.name, { rows, merges: sheet.merges });
}

/** A fake Excel holding the live workbook of n zones (n + 4 sheets). */
export function liveFake(n: number, opts: { api?: string; supported?: string[] } = {}): FakeExcel {
  const fx = new FakeExcel({ api: opts.api ?? '1.13', supported: opts.supported });
  for (const sheet of liveOutSheets(n)) addOutSheet(fx, sheet);
  return fx;
}
