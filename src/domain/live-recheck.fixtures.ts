/**
 * A clerk's workbook for live mode's tests and benchmark: the 开发区名录, 历史数据 (last year's
 * quarter end, the previous quarter end, last month), one report sheet per zone for 2026-09 (every
 * fifth with the sample clerk's mistakes), last month's sheet of the first zone (it and the first
 * zone's September compare with each other: its August is not archived) and a second September sheet
 * of the second zone (V-DUP); the last zone has no archived month at all (new this year).
 * Deterministic for a given n.
 */
import type { OutSheet } from './output/sheet-model';
import { historySheet } from './recognise/history-sheet';
import { clerkMistakes, outSheetToGrid, registerSheet, reportSheet, sampleHistory, sampleMonth, sampleRegister } from './sample';
import type { Period, SheetGrid } from './types';

export const LIVE_PERIOD: Period = { year: 2026, month: 9 };
const HISTORY_PERIODS: Period[] = [
  { year: 2025, month: 9 },
  { year: 2026, month: 6 },
  { year: 2026, month: 8 },
];

/** The workbook's sheets as the tool would write them (n ≥ 2 zones: n + 4 sheets). */
export function liveOutSheets(n: number): OutSheet[] {
  const zones = sampleRegister(n);
  const month = sampleMonth(zones, LIVE_PERIOD);
  const august = sampleMonth(zones.slice(0, 1), { year: 2026, month: 8 });
  const last = zones[n - 1].code;
  const history = sampleHistory(zones, HISTORY_PERIODS).filter(
    (r) => r.zone !== last && !(r.zone === zones[0].code && r.period === '2026-08'),
  );
  const sheets: OutSheet[] = [registerSheet(zones), historySheet(history)];
  month.forEach((zm, i) => {
    sheets.push(reportSheet(zm.zone, LIVE_PERIOD, zm.values, i % 5 === 0 ? { overrides: clerkMistakes(zm.values) } : {}));
  });
  sheets.push(reportSheet(august[0].zone, { year: 2026, month: 8 }, august[0].values, { sheetName: `${zones[0].name}8月` }));
  sheets.push(reportSheet(month[1].zone, LIVE_PERIOD, month[1].values, { sheetName: `${zones[1].name}(2)` }));
  return sheets;
}

/** The same sheets as a port reads them back. */
export function liveSheets(n: number): SheetGrid[] {
  return liveOutSheets(n).map(outSheetToGrid);
}
