/**
 * Benchmark 4, Excel round trips, on the recording fake of the Excel API (src/excel/testing): syncs
 * and request bytes of the Office.js port for a whole-workbook read (1, 10, 60, 200 report sheets)
 * and for highlighting 1k, 10k and 100k cells. Targets: round trips do not grow with sheets or
 * cells; no request above 5 MB (Excel's payload limit, engineering-notes.md). Counts, not times.
 */
import { a1 } from '../../src/domain/a1';
import type { Highlight } from '../../src/domain/output/sheet-model';
import { reportSheet, sampleMonth, sampleRegister } from '../../src/domain/sample';
import { OfficeWorkbookPort } from '../../src/excel/office-port';
import { FakeExcel, type FakeCellState } from '../../src/excel/testing/fake-excel';
import { PERIOD } from '../lib/month-data';

export interface TripRow {
  what: string;
  size: number;
  cells: number;
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  totalRequestBytes: number;
  getRangesCalls: number;
}

function port(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
}

function row(what: string, size: number, cells: number, fx: FakeExcel): TripRow {
  const s = fx.stats;
  return {
    what,
    size,
    cells,
    syncs: s.syncs,
    runs: s.runs,
    maxRequestBytes: Math.max(0, ...s.requestBytes),
    totalRequestBytes: s.requestBytes.reduce((a, b) => a + b, 0),
    getRangesCalls: s.getRangesCalls,
  };
}

/** A workbook of `n` zone report sheets as a clerk's workbook holds them (values, formulas, formats). */
function reportWorkbook(n: number): { fx: FakeExcel; cells: number } {
  const fx = new FakeExcel({ supported: ['ExcelApi 1.13'] });
  let cells = 0;
  for (const zm of sampleMonth(sampleRegister(n), PERIOD)) {
    const sheet = reportSheet(zm.zone, PERIOD, zm.values);
    const rows = sheet.rows.map((r) =>
      r.map((c): FakeCellState | undefined => {
        if (c.v === null && c.f === undefined) return undefined;
        cells++;
        return { v: c.v ?? '', f: c.f, nf: c.fmt };
      }),
    );
    fx.addSheet(sheet.name, { rows, merges: sheet.merges });
  }
  return { fx, cells };
}

/** n highlights scattered over one sheet (no vertical runs to merge: the worst case for addresses). */
function highlights(n: number): Highlight[] {
  const out: Highlight[] = [];
  for (let i = 0; i < n; i++) {
    const r = (i % 500) * 2 + 4;
    const c = Math.floor(i / 500) + 1;
    out.push({ sheet: 'S', cell: a1(r, c), level: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info', note: `第${i}项` });
  }
  return out;
}

export async function roundTripBench(): Promise<TripRow[]> {
  const rows: TripRow[] = [];
  for (const n of [1, 10, 60, 200]) {
    const { fx, cells } = reportWorkbook(n);
    const grid = await port(fx).readWorkbook();
    if (grid.sheets.length !== n) throw new Error(`read ${grid.sheets.length} of ${n} sheets`);
    rows.push(row('read', n, cells, fx));
  }
  for (const n of [1_000, 10_000, 100_000]) {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    await port(fx).highlight(highlights(n));
    rows.push(row('highlight', n, n, fx));
  }
  return rows;
}
