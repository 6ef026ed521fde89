/**
 * V-MONTH on a quarter form (template.md §5: 本季 | 本年累计(至本季末) | 去年同期累计): 本季 is not a
 * month, so the rule adapts: 本季 must equal 本年累计 minus the cumulative at the end of the previous
 * quarter (needs history; listed as not run without it), and in the first quarter 本年累计 itself.
 */
import type { Finding, Skipped } from '../types';
import { fmtNum } from '../messages/format';
import { decimalSub } from '../rounding';
import { beyond, makeFinding, periodKey, type Rule, shownFigure, tolerance, where } from './context';

export const quarterRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const { zone, period, columns } = ctx.report;
  if (columns.quarter === undefined || !zone || !period) return { findings, skipped };
  const first = period.month <= 3;
  const prevKey = periodKey(period.year, period.month - 3);
  if (!first && !ctx.history.has(zone.code, prevKey)) {
    skipped.push({
      rule: 'V-MONTH',
      reason: {
        zh: `季报的本季数须与上季末累计数对照,历史数据中没有该开发区 ${prevKey} 的数据,本季数未核对。`,
        en: `A quarter form's 本季 is checked against the cumulative at the previous quarter end; the history has no data of this zone for ${prevKey}, so it was not checked.`,
      },
      scope: ctx.scope,
    });
    return { findings, skipped };
  }
  for (const rec of ctx.records.values()) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || ind.kind !== 'flow' || rec.quarter === undefined || rec.quarter === null || rec.ytd === null) continue;
    const prev = first ? null : ctx.history.get(zone.code, prevKey, rec.indicator)?.ytd ?? null;
    if (!first && prev === null) continue;
    const expected = prev === null ? rec.ytd : decimalSub(rec.ytd, prev);
    const tol = tolerance(ctx.config, ind.unit, [rec.quarter, shownFigure(rec, 'ytd')]);
    if (!beyond(rec.quarter, expected, tol)) continue;
    const w = where(ind, rec.cells.quarter);
    findings.push(
      makeFinding(ctx, {
        level: 'error', rule: 'V-MONTH', rec, indicator: rec.indicator, col: 'quarter', value: rec.quarter, expected,
        message: prev === null
          ? {
              zh: `${w.zh}本季数${fmtNum(rec.quarter, ind.unit)}与累计数不符:第一季度的本季数应等于本年累计${fmtNum(rec.ytd, ind.unit)};请核对。`,
              en: `${w.en}: this quarter's ${fmtNum(rec.quarter, ind.unit)} does not match: in the first quarter it equals the year-to-date ${fmtNum(rec.ytd, ind.unit)}; check both.`,
            }
          : {
              zh: `${w.zh}本季数${fmtNum(rec.quarter, ind.unit)}与累计数不符:本年累计${fmtNum(rec.ytd, ind.unit)}减上季末累计${fmtNum(prev, ind.unit)}应为${fmtNum(expected, ind.unit)};请核对。`,
              en: `${w.en}: this quarter's ${fmtNum(rec.quarter, ind.unit)} does not match: the year-to-date ${fmtNum(rec.ytd, ind.unit)} minus the previous quarter end's ${fmtNum(prev, ind.unit)} gives ${fmtNum(expected, ind.unit)}; check both.`,
            },
      }),
    );
  }
  return { findings, skipped };
};
