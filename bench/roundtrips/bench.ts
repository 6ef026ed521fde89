/**
 * Benchmark 4, Excel round trips, on the recording fake of the Excel API (src/excel/testing): syncs
 * and request bytes of the Office.js port for a whole-workbook read (1, 10, 60, 200 report sheets)
 * and for highlighting 1k, 10k and 100k cells, at the minimum API level every feature works at
 * (ExcelApi 1.7: no RangeAreas, one rule per area) and with RangeAreas (1.9; reads with merges at
 * 1.13); highlighting again over earlier highlights and clearing them, at both levels. Targets: at
 * most 3 round trips per check and per highlight, not growing with sheets or cells; no request
 * above 5 MB (Excel's payload limit, engineering-notes.md). Counts, not times.
 */
import { a1 } from '../../src/domain/a1';
import type { Highlight } from '../../src/domain/output/sheet-model';
import { reportSheet, sampleMonth, sampleRegister } from '../../src/domain/sample';
import { MAX_SEPARATE_AREAS } from '../../src/excel/highlight';
import { OfficeWorkbookPort } from '../../src/excel/office-port';
import { PortError } from '../../src/domain/port';
import { FakeExcel, type FakeCellState } from '../../src/excel/testing/fake-excel';
import { PERIOD } from '../lib/month-data';

export interface TripRow {
  what: string;
  /** the host's ExcelApi level */
  api: string;
  /** why nothing was written (the operation was refused), or undefined */
  refused?: string;
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

function row(what: string, size: number, cells: number, fx: FakeExcel, refused?: string): TripRow {
  const s = fx.stats;
  return {
    what,
    api: fx.api,
    ...(refused ? { refused } : {}),
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
function reportWorkbook(n: number, api: string): { fx: FakeExcel; cells: number } {
  const fx = new FakeExcel({ api });
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

/** Runs `op`; a refusal (PortError) is part of the measurement, named by its code. */
async function measured(op: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await op();
    return undefined;
  } catch (e) {
    if (e instanceof PortError) return e.code;
    throw e;
  }
}

export async function roundTripBench(): Promise<TripRow[]> {
  const rows: TripRow[] = [];
  for (const api of ['1.7', '1.13']) {
    for (const n of [1, 10, 60, 200]) {
      const { fx, cells } = reportWorkbook(n, api);
      const grid = await port(fx).readWorkbook();
      if (grid.sheets.length !== n) throw new Error(`read ${grid.sheets.length} of ${n} sheets`);
      rows.push(row('read', n, cells, fx));
    }
  }
  for (const api of ['1.7', '1.9']) {
    for (const n of [1_000, 10_000, 100_000]) {
      const fx = new FakeExcel({ api });
      fx.addSheet('S', { rows: [['x']] });
      const refused = await measured(() => port(fx).highlight(highlights(n)));
      rows.push(row('highlight', n, n, fx, refused));
    }
    // over earlier highlights (found again by their signature, deleted), and clearing them
    const n = api === '1.7' ? MAX_SEPARATE_AREAS : 100_000;
    const again = new FakeExcel({ api });
    again.addSheet('S', { rows: [['x']] });
    await port(again).highlight(highlights(n));
    const s0 = mark(again);
    await port(again).highlight(highlights(n));
    rows.push(delta('highlight again', n, again, s0));
    const s1 = mark(again);
    await port(again).clearHighlights();
    rows.push(delta('clear', n, again, s1));
  }
  return rows;
}

interface Mark {
  syncs: number;
  requests: number;
  getRanges: number;
  runs: number;
}

function mark(fx: FakeExcel): Mark {
  return { syncs: fx.stats.syncs, requests: fx.stats.requestBytes.length, getRanges: fx.stats.getRangesCalls, runs: fx.stats.runs };
}

/** A row for what happened since `m` on a fake that did other work before. */
function delta(what: string, n: number, fx: FakeExcel, m: Mark): TripRow {
  const r = fx.stats.requestBytes.slice(m.requests);
  return {
    what,
    api: fx.api,
    size: n,
    cells: n,
    syncs: fx.stats.syncs - m.syncs,
    runs: fx.stats.runs - m.runs,
    maxRequestBytes: Math.max(0, ...r),
    totalRequestBytes: r.reduce((a, b) => a + b, 0),
    getRangesCalls: fx.stats.getRangesCalls - m.getRanges,
  };
}
