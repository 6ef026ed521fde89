/**
 * 归档本月: the rows appended to 历史数据 for the period summarised — every listed indicator of every
 * zone that reported (ytd, base, target) with the indicator's warning level. Levels are archived at
 * quarter ends only (a preview is not a rating), except gray, which is archived in every month so a
 * later ranking change is never computed against a zone that was not rated.
 */
import type { HistoryRow } from '../types';
import type { SummaryReport } from './types';

export function archiveRows(summary: SummaryReport): HistoryRow[] {
  const rows: HistoryRow[] = [];
  if (summary.period === null) return rows;
  for (const z of summary.zones) {
    for (const [indicator, s] of Object.entries(z.indicators)) {
      if (s.ytd === null && s.base === null && s.target === null) continue;
      const level = z.status === 'gray' ? 'gray' : summary.quarterEnd ? s.level : null;
      rows.push({ period: summary.period, zone: z.zone.code, indicator, ytd: s.ytd, base: s.base, target: s.target, level });
    }
  }
  return rows;
}
