/**
 * Rules that compare with earlier months (历史数据, or other sheets of the same check):
 * - V-MONTH (error): 本月 ≠ 1-本月累计 − last month's 1-本月累计 beyond tol (January: 本月 = 1-本月累计,
 *   no history needed);
 * - V-CUM (error): a monotone flow's 1-本月累计 is below last month's;
 * - V-CUM-FALL (warning): a non-monotone flow's 1-本月累计 fell;
 * - V-BASE (warning): 上年同期累计 differs from what the zone reported for that period last year.
 * Without the history a rule needs, it is listed once as skipped with the reason, never per row.
 */
import type { Indicator } from '../config/schema';
import type { ParsedRecord } from '../recognise/types';
import type { Bilingual, Finding, Skipped } from '../types';
import { fmtNum } from '../messages/format';
import { decimalSub } from '../rounding';
import { beyond, makeFinding, periodKey, type Rule, type RuleContext, type RuleOutput, shownFigure, tolerance, where } from './context';

const NO_HISTORY: Bilingual = {
  zh: '没有历史数据(历史数据表或 --history),无法与上月或上年同期对比;请提供历史数据后再核查。',
  en: 'No history (a 历史数据 sheet or --history) was given, so nothing could be compared with last month or last year; provide the history and check again.',
};
const NO_ZONE_PERIOD: Bilingual = {
  zh: '开发区或统计期未能确定,无法查找历史数据;请先更正开发区和统计期。',
  en: 'The zone or the period could not be determined, so no history could be looked up; correct the zone and period first.',
};

function skip(rule: string, reason: Bilingual, scope: string): Skipped {
  return { rule, reason, scope };
}

function noPrevMonth(period: string): Bilingual {
  return {
    zh: `历史数据中没有该开发区 ${period} 的数据,无法与上月对比;请补充上月数据。`,
    en: `The history has no data of this zone for ${period}, so last month could not be compared; add last month's data.`,
  };
}

function noLastYear(period: string): Bilingual {
  return {
    zh: `历史数据中没有该开发区 ${period}(上年同期)的数据,无法核对上年同期累计;请补充上年数据。`,
    en: `The history has no data of this zone for ${period} (same period last year), so the base figures could not be verified; add last year's data.`,
  };
}

/** Last month's ytd of this zone for an indicator, looked up in history. */
function previousYtd(ctx: RuleContext, code: string): number | null {
  const { zone, period } = ctx.report;
  if (!zone || !period || period.month === 1) return null;
  return ctx.history.get(zone.code, periodKey(period.year, period.month - 1), code)?.ytd ?? null;
}

/**
 * Whether a rule needing last month's history can run; if not, the skipped entry saying why.
 * `null` = it can run (or does not apply, as in January).
 */
function previousMonthGate(ctx: RuleContext, rule: string): { run: boolean; skipped: Skipped | null } {
  const { zone, period } = ctx.report;
  if (period && period.month === 1) return { run: false, skipped: null }; // a new year starts: nothing to compare
  if (!zone || !period) return { run: false, skipped: skip(rule, NO_ZONE_PERIOD, ctx.scope) };
  const prev = periodKey(period.year, period.month - 1);
  if (ctx.history.has(zone.code, prev)) return { run: true, skipped: null };
  if (ctx.history.size === 0) return { run: false, skipped: skip(rule, NO_HISTORY, 'all') };
  return { run: false, skipped: skip(rule, noPrevMonth(prev), ctx.scope) };
  return { run: true, skipped: null };
}

function flows(ctx: RuleContext): Array<{ rec: ParsedRecord; ind: Indicator }> {
  const out: Array<{ rec: ParsedRecord; ind: Indicator }> = [];
  for (const rec of ctx.records.values()) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (ind && ind.kind === 'flow') out.push({ rec, ind });
  }
  return out;
}

export const monthRule: Rule = (ctx): RuleOutput => {
  const findings: Finding[] = [];
  const { period } = ctx.report;
  if (ctx.report.columns.month === undefined) return { findings, skipped: [] }; // no 本月 column: nothing to check
  const january = period?.month === 1;
  const gate = january ? { run: true, skipped: null } : previousMonthGate(ctx, 'V-MONTH');
  if (!gate.run) return { findings, skipped: gate.skipped ? [gate.skipped] : [] };
  for (const { rec, ind } of flows(ctx)) {
    if (rec.month === null || rec.ytd === null) continue;
    const prev = january ? null : previousYtd(ctx, rec.indicator);
    // janExempt indicators have no January figure, and a missing archived figure cannot be compared.
    if (!january && prev === null) continue;
    const expected = prev === null ? rec.ytd : decimalSub(rec.ytd, prev);
    const tol = tolerance(ctx.config, ind.unit, [shownFigure(rec, 'month'), shownFigure(rec, 'ytd')]);
    if (!beyond(rec.month, expected, tol)) continue;
    // The explanation is worded only for a finding: formatting six figures for every flow of every
    // report was a tenth of the whole check's time.
    const how: Bilingual = prev === null
      ? { zh: '1月的本月数应等于1-本月累计', en: 'in January this month equals the year-to-date figure' }
      : {
          zh: `1-本月累计${fmtNum(rec.ytd, ind.unit)}减上月累计${fmtNum(prev, ind.unit)}应为${fmtNum(expected, ind.unit)}`,
          en: `the year-to-date ${fmtNum(rec.ytd, ind.unit)} minus last month's ${fmtNum(prev, ind.unit)} gives ${fmtNum(expected, ind.unit)}`,
        };
    const w = where(ind, rec.cells.month);
    findings.push(
      makeFinding(ctx, {
        level: 'error', rule: 'V-MONTH', rec, indicator: rec.indicator, col: 'month', value: rec.month, expected,
        message: {
          zh: `${w.zh}本月数${fmtNum(rec.month, ind.unit)}与累计数不符:${how.zh};请核对本月数和累计数。`,
          en: `${w.en}: this month's ${fmtNum(rec.month, ind.unit)} does not match the cumulative figures: ${how.en}; check both.`,
        },
      }),
    );
  }
  return { findings, skipped: [] };
};

/** V-CUM for monotone flows, V-CUM-FALL for the others: one pass, two rule ids. */
export const cumulativeRule: Rule = (ctx): RuleOutput => {
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const list = flows(ctx);
  const hasMonotone = ctx.config.catalogue.some((i) => i.kind === 'flow' && i.monotone);
  const hasOther = ctx.config.catalogue.some((i) => i.kind === 'flow' && !i.monotone);
  const gateCum = previousMonthGate(ctx, 'V-CUM');
  const gateFall = previousMonthGate(ctx, 'V-CUM-FALL');
  if (!gateCum.run) {
    if (hasMonotone && gateCum.skipped) skipped.push(gateCum.skipped);
    if (hasOther && gateFall.skipped) skipped.push(gateFall.skipped);
    return { findings, skipped };
  }
  for (const { rec, ind } of list) {
    if (rec.ytd === null) continue;
    const prev = previousYtd(ctx, rec.indicator);
    if (prev === null) continue;
    const tol = tolerance(ctx.config, ind.unit, [shownFigure(rec, 'ytd'), prev]);
    if (!(rec.ytd < prev && beyond(prev, rec.ytd, tol))) continue;
    const w = where(ind, rec.cells.ytd);
    const figures = `${fmtNum(rec.ytd, ind.unit)} < ${fmtNum(prev, ind.unit)}`;
    findings.push(
      makeFinding(ctx, {
        level: ind.monotone ? 'error' : 'warning',
        rule: ind.monotone ? 'V-CUM' : 'V-CUM-FALL',
        rec, indicator: rec.indicator, col: 'ytd', value: rec.ytd, expected: prev,
        message: ind.monotone
          ? {
              zh: `${w.zh}1-本月累计低于上月累计(${figures});累计数在年内不能减少,请核对本月和上月数据。`,
              en: `${w.en}: the year-to-date figure is below last month's (${figures}); it cannot fall within a year: check this month's and last month's data.`,
            }
          : {
              zh: `${w.zh}1-本月累计低于上月累计(${figures});如因退库、调整等原因,请在说明栏注明。`,
              en: `${w.en}: the year-to-date figure is below last month's (${figures}); if refunds or adjustments explain it, say so in the note column.`,
            },
      }),
    );
  }
  return { findings, skipped };
};

export const baseRule: Rule = (ctx): RuleOutput => {
  const findings: Finding[] = [];
  const { zone, period } = ctx.report;
  if (!zone || !period) return { findings, skipped: [skip('V-BASE', NO_ZONE_PERIOD, ctx.scope)] };
  const lastYear = periodKey(period.year - 1, period.month);
  if (!ctx.history.has(zone.code, lastYear)) {
    const reason = ctx.history.size === 0 ? NO_HISTORY : noLastYear(lastYear);
    return { findings, skipped: [skip('V-BASE', reason, ctx.history.size === 0 ? 'all' : ctx.scope)] };
  }
  for (const rec of ctx.records.values()) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || ind.kind === 'rate' || rec.base === null) continue;
    const archived = ctx.history.get(zone.code, lastYear, rec.indicator)?.ytd ?? null;
    if (archived === null) continue;
    const tol = ind.kind === 'ratio' ? ctx.config.thresholds.ratioMismatchPp : tolerance(ctx.config, ind.unit, [shownFigure(rec, 'base'), archived]);
    if (!beyond(rec.base, archived, tol)) continue;
    const w = where(ind, rec.cells.base);
    findings.push(
      makeFinding(ctx, {
        level: 'warning', rule: 'V-BASE', rec, indicator: rec.indicator, col: 'base', value: rec.base, expected: archived,
        message: {
          zh: `${w.zh}上年同期累计${fmtNum(rec.base, ind.unit)}与该区上年${lastYear}上报的累计数${fmtNum(archived, ind.unit)}不一致;如上年数据已调整,请在说明栏注明,否则请更正。`,
          en: `${w.en}: the same-period-last-year figure ${fmtNum(rec.base, ind.unit)} differs from the ${fmtNum(archived, ind.unit)} this zone reported for ${lastYear}; if last year's data was revised, say so in the note column, otherwise correct it.`,
        },
      }),
    );
  }
  return { findings, skipped: [] };
};
