/**
 * Building the findings recognition makes, with the fields every finding carries (rules.md §1).
 * `file` stays null: the orchestrator sets it.
 */
import type { Bilingual, Finding, Level, RuleId } from '../types';

export interface FindingWhere {
  sheet: string | null;
  zone: string | null;
  period: string | null;
}

export interface FindingDetail {
  cell?: string | null;
  indicator?: string | null;
  value?: number | string | null;
  expected?: number | string | null;
  explained?: boolean;
}

export function finding(
  level: Level,
  rule: RuleId,
  where: FindingWhere,
  message: Bilingual,
  d: FindingDetail = {},
): Finding {
  return {
    level,
    rule,
    file: null,
    sheet: where.sheet,
    cell: d.cell ?? null,
    zone: where.zone,
    period: where.period,
    indicator: d.indicator ?? null,
    value: d.value ?? null,
    expected: d.expected ?? null,
    message,
    explained: d.explained ?? false,
  };
}
