/**
 * V-RATIO (error): a reported or recomputed ratio outside 0-100 (税收占比 is a share).
 * V-RATIO-MISMATCH (warning): a reported ratio differs from the one recomputed from its parts by more
 * than thresholds.ratioMismatchPp 百分点. A ratio out of range is reported once per column, on the
 * ratio's own indicator (the reported figure when it is out of range, else the recomputed one).
 */
import type { Finding } from '../types';
import { fmtOne } from '../messages/format';
import { roundHalfAway } from '../rounding';
import { COLUMN_NAMES, beyond, makeFinding, type Rule, where } from './context';
import { computedRatio } from './derived';

const COLS = ['ytd', 'base'] as const;
const inDomain = (x: number) => x >= 0 && x <= 100;

export const ratioRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const ind of ctx.config.catalogue) {
    if (ind.kind !== 'ratio' || !ind.ratio) continue;
    const rec = ctx.records.get(ind.code);
    const numInd = ctx.catalogue.get(ind.ratio.numerator);
    const denInd = ctx.catalogue.get(ind.ratio.denominator);
    const numRec = ctx.records.get(ind.ratio.numerator);
    const denRec = ctx.records.get(ind.ratio.denominator);
    for (const col of COLS) {
      const reported = rec?.[col] ?? null;
      const computed = computedRatio(ind, ctx.records, col);
      const colName = COLUMN_NAMES[col];
      if (rec && reported !== null && !inDomain(reported)) {
        const w = where(ind, rec.cells[col]);
        findings.push(
          makeFinding(ctx, {
            level: 'error', rule: 'V-RATIO', rec, indicator: ind.code, col, value: reported, expected: '0-100',
            message: {
              zh: `${w.zh}的${colName.zh}为${fmtOne(reported)}%,不在0~100之间;占比不能为负也不能超过100,请核对。`,
              en: `${w.en}: the ${colName.en} figure is ${fmtOne(reported)}%, outside 0-100; a share cannot be negative or above 100: check it.`,
            },
          }),
        );
        continue;
      }
      if (computed !== null && !inDomain(computed) && numInd && denInd && numRec && denRec) {
        // Reported on the ratio itself even when V-PART / V-SIGN already name the cause: the error
        // must sit on the ratio's indicator so that rankings and scores never use a share above 100.
        const wn = where(numInd, numRec.cells[col]);
        const wd = where(denInd, denRec.cells[col]);
        findings.push(
          makeFinding(ctx, {
            level: 'error', rule: 'V-RATIO', rec: rec ?? numRec, indicator: ind.code,
            cell: rec?.cells[col] ?? numRec.cells[col] ?? null, value: roundHalfAway(computed, 1), expected: '0-100',
            message: {
              zh: `由${wn.zh}和${wd.zh}算得的${ind.name}为${fmtOne(computed)}%(${colName.zh}),不在0~100之间;请核对这两项数据。`,
              en: `${where(ind, null).en} computed from ${wn.en} and ${wd.en} is ${fmtOne(computed)}% (${colName.en}), outside 0-100: check these two figures.`,
            },
          }),
        );
        continue;
      }
      if (rec && reported !== null && computed !== null && inDomain(computed)) {
        if (!beyond(reported, computed, ctx.config.thresholds.ratioMismatchPp)) continue;
        const w = where(ind, rec.cells[col]);
        const parts = numInd && denInd ? { zh: `${numInd.name}/${denInd.name}`, en: `${where(numInd, null).en} / ${where(denInd, null).en}` } : { zh: '', en: '' };
        findings.push(
          makeFinding(ctx, {
            level: 'warning', rule: 'V-RATIO-MISMATCH', rec, indicator: ind.code, col, value: reported, expected: roundHalfAway(computed, 1),
            message: {
              zh: `${w.zh}填报${fmtOne(reported)}%,按${parts.zh}计算应为${fmtOne(computed)}%(${colName.zh}),相差超过${ctx.config.thresholds.ratioMismatchPp}个百分点;请核对占比或其分子分母。`,
              en: `${w.en} reports ${fmtOne(reported)}%, but ${parts.en} gives ${fmtOne(computed)}% (${colName.en}), more than ${ctx.config.thresholds.ratioMismatchPp} pp apart; check the share or its parts.`,
            },
          }),
        );
      }
    }
  }
  return { findings, skipped: [] };
};
