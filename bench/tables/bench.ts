/**
 * Benchmark 6, tables: the same month of n zones read two ways — one report sheet per zone (the
 * template), and one table of all n zones (zones down, all 23 indicators across as 1-N月累计 |
 * 同比(%) | 位次, a 全市 row: src/domain/sample/city-table.ts) — timed on recognition alone
 * (recogniseSheet over every sheet) and on the whole check (checkWorkbooks), per zone. The table
 * carries no 上年同期 (published growth), so its check runs fewer rules: recognition is the fair
 * comparison, the check is given for what a bureau waits.
 */
import { checkWorkbooks, type CheckInput } from '../../src/domain/check';
import { defaultConfig } from '../../src/domain/config/validate';
import { buildRegister } from '../../src/domain/recognise/register';
import { recogniseSheet } from '../../src/domain/recognise/sheet';
import { cityTableSheet, outSheetToGrid, reportSheet, SAMPLE_CODES, sampleMonth, sampleRegister } from '../../src/domain/sample';
import type { SheetGrid, Zone } from '../../src/domain/types';
import { loadAverage } from '../lib/machine';
import { timePair, type Timed } from '../lib/stats';

export interface TablesResult {
  zones: number;
  reps: number;
  load: string;
  /** recognition of n sheets against one table of n rows */
  recognise: { sheets: Timed; table: Timed };
  /** the whole check of the same */
  check: { sheets: Timed; table: Timed };
  /** what the table reading gave: reports (zone rows) and records */
  tableReports: number;
  tableRecords: number;
  sheetRecords: number;
}

const PERIOD = { year: 2026, month: 9 };

export async function tablesBench(n: number, reps: number): Promise<TablesResult> {
  const config = defaultConfig();
  // one city holding every zone, so that the table is one city's table of n rows
  const zones: Zone[] = sampleRegister(n).map((z) => ({ ...z, city: '样本市' }));
  const register = buildRegister(zones).register;
  const month = sampleMonth(zones, PERIOD);
  const sheets: SheetGrid[] = month.map((zm) => outSheetToGrid(reportSheet(zm.zone, PERIOD, zm.values)));
  const table: SheetGrid = outSheetToGrid(cityTableSheet('样本市', month, PERIOD, { codes: SAMPLE_CODES }));
  const ctx = { config, register, fallbackYear: null };
  const input = (name: string, s: SheetGrid[]): CheckInput => ({ file: name, sha256: name, grid: { name, sheets: s }, inputError: null });
  const sheetInputs = sheets.map((s, i) => input(`z${i}.xlsx`, [s]));
  const tableInputs = [input('table.xlsx', [table])];

  const probe = recogniseSheet(table, ctx);
  const tableReports = probe.kind === 'table' ? probe.reports.length : 0;
  const tableRecords = probe.kind === 'table' ? probe.reports.reduce((k, r) => k + r.records.length, 0) : 0;
  let sheetRecords = 0;
  for (const s of sheets) {
    const r = recogniseSheet(s, ctx);
    if (r.kind === 'report') sheetRecords += r.records.length;
  }

  const load = loadAverage();
  const recognise = await timePair(
    () => { for (const s of sheets) recogniseSheet(s, ctx); },
    () => recogniseSheet(table, ctx),
    reps,
  );
  const check = await timePair(
    () => checkWorkbooks(sheetInputs, { config, registerZones: zones }),
    () => checkWorkbooks(tableInputs, { config, registerZones: zones }),
    reps,
  );
  return { zones: n, reps, load, recognise: { sheets: recognise.a, table: recognise.b }, check: { sheets: check.a, table: check.b }, tableReports, tableRecords, sheetRecords };
}
