/**
 * Runs every per-report rule on one recognised report: computes each record's growth (ratios from
 * their recomputed parts), builds the rule context and collects findings and skipped rules.
 * V-DUP works across reports and lives in duplicates.ts; V-PEER belongs to consolidation.
 */
import type { Config } from '../config/schema';
import { indicatorByCode } from '../config/lookup';
import type { ParsedRecord, RecognisedReport } from '../recognise/types';
import type { Finding, Growth, Skipped } from '../types';
import { growthForRecord } from './derived';
import type { HistoryLookup, Rule, RuleContext } from './context';
import { requiredRule } from './required';
import { signRule, integerRule } from './values';
import { partRule, sumRule } from './parts';
import { ratioRule } from './ratio';
import { pairRule } from './pair';
import { monthRule, cumulativeRule, baseRule } from './history';
import { yoyRule, swingRule } from './yoy';
import { unitSlipRule } from './unit-slip';
import { formulaRule } from './formula';
import { quarterRule } from './quarter';

/** Every per-report rule, in the order they run (findings are sorted afterwards anyway). */
export const REPORT_RULES: readonly Rule[] = [
  requiredRule,
  signRule,
  integerRule,
  partRule,
  sumRule,
  ratioRule,
  pairRule,
  monthRule,
  quarterRule,
  cumulativeRule,
  baseRule,
  yoyRule,
  swingRule,
  unitSlipRule,
  formulaRule,
];

export function buildContext(
  report: RecognisedReport,
  config: Config,
  history: HistoryLookup,
  scope: string,
): RuleContext {
  const catalogue = indicatorByCode(config);
  const records = new Map<string, ParsedRecord>();
  for (const r of report.records) if (!records.has(r.indicator)) records.set(r.indicator, r);
  const growth = new Map<string, Growth>();
  for (const [code, rec] of records) {
    const ind = catalogue.get(code);
    if (ind) growth.set(code, growthForRecord(rec, ind, records));
  }
  return { config, catalogue, report, records, growth, history, scope };
}

/**
 * Whether the sheet was read at all: without a header holding the name, 1-本月累计 and 上年同期累计
 * (or, for published growth, 同比) columns recognition reports V-LAYOUT and reads no rows, and every
 * key row would look "absent".
 */
export function wasRead(report: RecognisedReport): boolean {
  const c = report.columns;
  return report.headerRow >= 0 && c.name !== undefined && c.ytd !== undefined && (c.base !== undefined || c.yoy !== undefined);
}

/** Run every per-report rule (none on a sheet that could not be read: its V-LAYOUT error says why). */
export function runReportRules(ctx: RuleContext): { findings: Finding[]; skipped: Skipped[] } {
  const findings: Finding[] = [];
  if (!wasRead(ctx.report)) return { findings, skipped: [] };
  const skipped: Skipped[] = [];
  for (const rule of REPORT_RULES) {
    const out = rule(ctx);
    findings.push(...out.findings);
    skipped.push(...out.skipped);
  }
  return { findings, skipped };
}
