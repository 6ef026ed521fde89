/** The summary (汇总) and quarterly early warning (预警): public entry points. */
export { summarise, progressOf } from './summarise';
export { summarySheets, rankText } from './sheets';
export { archiveRows } from './archive';
export type {
  SummaryInput, SummaryReport, ZoneSummary, IndicatorSummary, RankPlace, RankGroups, RankChange,
  Progress, Trigger, TriggerRule, TriggerDetail, TotalEntry,
} from './types';
