/**
 * For the pane's tests over the real port: a fake Excel workbook holding one zone's report for
 * 2026-09, typed with the usual clerk mistakes (so a check finds errors and warnings).
 */
import { clerkMistakes, reportSheet, sampleMonth, sampleRegister } from '../../domain/sample';
import { FakeExcel, type FakeExcelOptions } from '../../excel/testing/fake-excel';

const PERIOD = { year: 2026, month: 9 };

export function clerkWorkbook(opts: FakeExcelOptions = {}): { fx: FakeExcel; sheet: string } {
  const zones = sampleRegister(10);
  const { zone, values } = sampleMonth(zones, PERIOD)[1];
  const out = reportSheet(zone, PERIOD, values, { overrides: clerkMistakes(values) });
  const fx = new FakeExcel(opts);
  fx.addSheet(out.name, {
    rows: out.rows.map((row) => row.map((c) => (c.v === null && !c.f ? undefined : { v: c.v ?? '', f: c.f, nf: c.fmt }))),
    merges: out.merges,
  });
  return { fx, sheet: out.name };
}
