/**
 * V-UNITSLIP (warning, "疑似计量单位错误"): a money figure against its base (and against last month's
 * cumulative, when history has it) is within a factor of 10^w (w = thresholds.unitSlipLog10, 0.3)
 * of 10^4, 10^3 or 10, either way: the typical trace of 元 typed as 万元, 千元 as 万元, or a slipped digit.
 */
import type { Indicator } from '../config/schema';
import type { Bilingual, Finding } from '../types';
import { fmtNum } from '../messages/format';
import { makeFinding, periodKey, type Rule, type RuleContext, where } from './context';

const POWERS = [4, 3, 1, -1, -3, -4] as const;

/**
 * The power of ten (±4, ±3, ±1) that value / reference lies within 10^±window of, or null.
 * Both figures must be non-zero and of the same sign (a sign change is not a unit slip).
 */
export function slipPower(value: number, reference: number, window: number): number | null {
  if (value === 0 || reference === 0 || value < 0 !== reference < 0) return null;
  const l = Math.log10(value / reference);
  for (const p of POWERS) if (Math.abs(l - p) <= window) return p;
  return null;
}

/** Money indicators (flows and stocks not counted in 个): where a unit slip can happen. */
export function slipApplies(ind: Indicator): boolean {
  return (ind.kind === 'flow' || ind.kind === 'stock') && ind.unit !== '个' && ind.unit !== '%';
}

function factorText(p: number): Bilingual {
  const f = fmtNum(10 ** Math.abs(p), '个');
  return p > 0 ? { zh: `约${f}倍`, en: `about ${f} times` } : { zh: `约1/${f}`, en: `about 1/${f} of` };
}

export const unitSlipRule: Rule = (ctx: RuleContext) => {
  const findings: Finding[] = [];
  const window = ctx.config.thresholds.unitSlipLog10;
  const { zone, period } = ctx.report;
  for (const rec of ctx.records.values()) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || !slipApplies(ind) || rec.ytd === null) continue;
    const w = where(ind, rec.cells.ytd);
    const v = fmtNum(rec.ytd, ind.unit);
    if (rec.base !== null) {
      const p = slipPower(rec.ytd, rec.base, window);
      if (p !== null) {
        const f = factorText(p);
        const bc = rec.cells.base ? `(${rec.cells.base})` : '';
        findings.push(
          makeFinding(ctx, {
            level: 'warning', rule: 'V-UNITSLIP', rec, indicator: rec.indicator, col: 'ytd', value: rec.ytd, expected: null,
            message: {
              zh: `${w.zh}1-本月累计${v}是上年同期累计${bc}${fmtNum(rec.base, ind.unit)}的${f.zh},疑似计量单位错误(如元与万元混用);请核对两项的计量单位(应为${ind.unit})。`,
              en: `${w.en}: the year-to-date figure ${v} is ${f.en} the same-period-last-year figure${bc ? ' ' + bc : ''} ${fmtNum(rec.base, ind.unit)}: suspected unit error (e.g. yuan typed as 10,000 yuan); check the unit of both (it should be ${ind.unit}).`,
            },
          }),
        );
        continue; // one warning per row is enough to make the clerk look at the units
      }
    }
    if (zone && period && period.month > 1) {
      const prev = ctx.history.get(zone.code, periodKey(period.year, period.month - 1), rec.indicator)?.ytd ?? null;
      if (prev === null) continue;
      const p = slipPower(rec.ytd, prev, window);
      if (p === null) continue;
      const f = factorText(p);
      findings.push(
        makeFinding(ctx, {
          level: 'warning', rule: 'V-UNITSLIP', rec, indicator: rec.indicator, col: 'ytd', value: rec.ytd, expected: null,
          message: {
            zh: `${w.zh}1-本月累计${v}是上月累计${fmtNum(prev, ind.unit)}的${f.zh},疑似计量单位错误(如元与万元混用);请核对计量单位(应为${ind.unit})。`,
            en: `${w.en}: the year-to-date figure ${v} is ${f.en} last month's ${fmtNum(prev, ind.unit)}: suspected unit error (e.g. yuan typed as 10,000 yuan); check the unit (it should be ${ind.unit}).`,
          },
        }),
      );
    }
  }
  return { findings, skipped: [] };
};
