/**
 * The sample 历史数据 as a bureau would have archived it month by month: each earlier month's sample
 * reports are checked and summarised by the real engine, and its archive rows (with the warning
 * level at quarter ends) are merged into the history, in date order, so the quarterly warning of a
 * later month finds the previous quarters' levels (W-REPEAT, W-ESCALATE, W-LAST). The summary
 * archives only the indicators it summarises; the other indicators' rows are added from the
 * generator (level empty), so V-MONTH, V-CUM and V-BASE can run on every indicator.
 */
import type { Config } from '../config/schema';
import { checkWorkbooks, type CheckInput } from '../check';
import { mergeHistory } from '../recognise/history-sheet';
import { archiveRows, summarise } from '../summary';
import type { HistoryRow, Period, Zone } from '../types';
import { outSheetToGrid } from './grid';
import { periodKeyOf, sampleHistory, sampleMonth, type SampleOptions } from './month';
import { reportSheet } from './report-sheet';

export function sampleArchive(zones: Zone[], periods: Period[], config: Config, opts: SampleOptions = {}): HistoryRow[] {
  const ordered = [...periods].sort((a, b) => a.year - b.year || a.month - b.month);
  let history: HistoryRow[] = [];
  for (const period of ordered) {
    const inputs: CheckInput[] = sampleMonth(zones, period, opts).map((zm) => {
      const sheet = outSheetToGrid(reportSheet(zm.zone, period, zm.values, { catalogue: config.catalogue }));
      return { file: `${zm.zone.code}-${periodKeyOf(period)}.xlsx`, sha256: '', grid: { name: zm.zone.name, sheets: [sheet] }, inputError: null };
    });
    const checked = checkWorkbooks(inputs, { config, registerZones: zones, history });
    const summary = summarise({ report: checked.report, register: checked.register, history: checked.history, config, period: periodKeyOf(period) });
    const archived = archiveRows(summary, checked.report);
    const levels = new Map(archived.map((r) => [`${r.zone}|${r.indicator}`, r.level]));
    const full = sampleHistory(zones, [period], opts).map((r) => ({ ...r, level: levels.get(`${r.zone}|${r.indicator}`) ?? null }));
    history = mergeHistory(history, full);
  }
  return history;
}
