/**
 * V-SIGN (error): a negative figure for a nonNegative indicator (except the 本月 of a flow that is
 * not monotone: when its cumulative falls, the month is negative). V-INT (error): a count that is not
 * a whole number. Checked on 本月, 1-本月累计, 上年同期累计 and 年度目标; ratios and rates are left to
 * V-RATIO (their own domain) and the statistics bureau.
 */
import type { Finding } from '../types';
import { fmtNum } from '../messages/format';
import { tidy } from '../cells/read-number';
import { COLUMN_NAMES, makeFinding, type Rule, type ValueCol, where } from './context';

const COLS: readonly ValueCol[] = ['month', 'ytd', 'base', 'target'];

export const signRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const rec of ctx.report.records) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || !ind.nonNegative || ind.kind === 'ratio' || ind.kind === 'rate') continue;
    for (const col of COLS) {
      // A flow whose cumulative may fall (tax: refunds, adjustments) has a negative 本月 exactly then.
      if (col === 'month' && ind.kind === 'flow' && !ind.monotone) continue;
      const v = rec[col];
      if (v === null || v >= 0) continue;
      const w = where(ind, rec.cells[col]);
      findings.push(
        makeFinding(ctx, {
          level: 'error', rule: 'V-SIGN', rec, indicator: rec.indicator, col, value: v, expected: '≥ 0',
          message: {
            zh: `${w.zh}的${COLUMN_NAMES[col].zh}为负数${fmtNum(v, ind.unit)};该指标不能为负,请核对数据和符号。`,
            en: `${w.en}: the ${COLUMN_NAMES[col].en} figure is negative (${fmtNum(v, ind.unit)}); this indicator cannot be negative: check the figure and its sign.`,
          },
        }),
      );
    }
  }
  return { findings, skipped: [] };
};

export const integerRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const rec of ctx.report.records) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || !ind.integer) continue;
    for (const col of COLS) {
      const v = rec[col];
      if (v === null || Number.isInteger(tidy(v))) continue;
      const w = where(ind, rec.cells[col]);
      findings.push(
        makeFinding(ctx, {
          level: 'error', rule: 'V-INT', rec, indicator: rec.indicator, col, value: v, expected: null,
          message: {
            zh: `${w.zh}的${COLUMN_NAMES[col].zh}为${fmtNum(v, ind.unit)};个数必须是整数,请核对。`,
            en: `${w.en}: the ${COLUMN_NAMES[col].en} figure is ${fmtNum(v, ind.unit)}; a count must be a whole number: check it.`,
          },
        }),
      );
    }
  }
  return { findings, skipped: [] };
};
