/**
 * 归档本月: the rows appended to 历史数据 for the period summarised — every indicator every zone
 * reported that month (ytd, base, target), so next month's V-MONTH, V-CUM and V-BASE can run on all
 * of them, with the indicator's warning level from the summary. Levels are archived at quarter ends
 * only (a preview is not a rating), except gray, which is archived in every month so a later ranking
 * change is never computed against a zone that was not rated.
 */
import type { CheckReport, HistoryRow } from '../../../../src/domain/types';
import type { SummaryReport } from './types';

export function archiveRows(summary: SummaryReport, report: CheckReport): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const period = summary.period;
  if (period === null) return rows;
  const zones = new Map(summary.zones.map((z) => [z.zone.code, z]));
  const done = new Set<string>();
  for (const file of report.files) {
    for (const sheet of file.sheets) {
      if (sheet.kind !== 'report' || sheet.period !== period || sheet.zone === null) continue;
      const z = zones.get(sheet.zone.code);
      // A zone reported twice (V-DUP) is archived once, from the first sheet read.
      if (!z || done.has(z.zone.code)) continue;
      done.add(z.zone.code);
      const levelOf = (code: string) => (z.status === 'gray' ? 'gray' : summary.quarterEnd ? z.indicators[code]?.level ?? null : null);
      const archived = new Set<string>();
      for (const r of sheet.records) {
        if (r.ytd === null && r.base === null && r.target === null) continue;
        archived.add(r.indicator);
        rows.push({ period, zone: z.zone.code, indicator: r.indicator, ytd: r.ytd, base: r.base, target: r.target, level: levelOf(r.indicator) });
      }
      // Figures the summary computed rather than read (税收占比 from its parts) keep their level too.
      for (const [code, s] of Object.entries(z.indicators)) {
        if (archived.has(code) || (s.ytd === null && s.base === null && s.target === null)) continue;
        rows.push({ period, zone: z.zone.code, indicator: code, ytd: s.ytd, base: s.base, target: s.target, level: levelOf(code) });
      }
    }
  }
  return rows;
}
