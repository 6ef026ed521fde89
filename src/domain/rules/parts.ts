/**
 * V-PART (error): an "其中" item exceeds its parent by more than tol (税收收入 > 一般公共预算收入).
 * V-SUM (error): a partition's parent differs from the sum of its children by more than
 * tol × number of children (一般公共预算收入 ≠ 税收收入 + 非税收入). Both compare column by column;
 * V-SUM runs only when the parent and every child have data in that column.
 */
import type { Finding } from '../types';
import { fmtNum } from '../messages/format';
import { decimalSub, decimalSum } from '../rounding';
import { COLUMN_NAMES, beyond, makeFinding, type Rule, shownFigure, type ShownFigure, tolerance, type ValueCol, where } from './context';

const PART_COLS = ['month', 'ytd', 'base', 'target'] as const satisfies readonly ValueCol[];
// Targets are set one by one and need not add up, so partitions are checked on reported figures only.
const SUM_COLS = ['month', 'ytd', 'base'] as const satisfies readonly ValueCol[];

export const partRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const rec of ctx.report.records) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || ind.parent === null) continue;
    const parentInd = ctx.catalogue.get(ind.parent);
    const parent = ctx.records.get(ind.parent);
    if (!parentInd || !parent) continue;
    for (const col of PART_COLS) {
      // The 本月 of a total that may fall (一般公共预算收入) can be below one of its items when another
      // item is negative that month (a non-tax refund): only cumulative figures must respect the order.
      if (col === 'month' && parentInd.kind === 'flow' && !parentInd.monotone) continue;
      const c = rec[col];
      const p = parent[col];
      if (c === null || p === null) continue;
      const tol = tolerance(ctx.config, ind.unit, [shownFigure(rec, col), shownFigure(parent, col)]);
      if (!(c > p && beyond(c, p, tol))) continue;
      const child = where(ind, rec.cells[col]);
      const par = where(parentInd, parent.cells[col]);
      findings.push(
        makeFinding(ctx, {
          level: 'error', rule: 'V-PART', rec, indicator: rec.indicator, col, value: c, expected: p,
          message: {
            zh: `${child.zh}${fmtNum(c, ind.unit)} 大于${par.zh}${fmtNum(p, ind.unit)};其中项不能大于总数,请核对两项数据。`,
            en: `${child.en} ${fmtNum(c, ind.unit)} is larger than ${par.en} ${fmtNum(p, ind.unit)}; an "of which" item cannot exceed its total: check both figures.`,
          },
        }),
      );
    }
  }
  return { findings, skipped: [] };
};

export const sumRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const rec of ctx.report.records) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || ind.partition.length === 0) continue;
    const children = ind.partition.map((code) => ({ code, ind: ctx.catalogue.get(code), rec: ctx.records.get(code) }));
    for (const col of SUM_COLS) {
      const p = rec[col];
      if (p === null) continue;
      const values: number[] = [];
      const shown: ShownFigure[] = [shownFigure(rec, col)];
      for (const ch of children) {
        const v = ch.rec?.[col] ?? null;
        if (v !== null && ch.rec) {
          values.push(v);
          shown.push(shownFigure(ch.rec, col));
        }
      }
      if (values.length !== children.length) continue;
      const sum = decimalSum(values);
      const tol = tolerance(ctx.config, ind.unit, shown) * children.length;
      if (!beyond(p, sum, tol)) continue;
      // A de-duplicated total ("(剔重)", template.md §5) may be below the sum of its parts, never above.
      if (rec.dedup && p < sum) continue;
      const w = where(ind, rec.cells[col]);
      const partsZh = children.map((ch) => (ch.ind ? where(ch.ind, ch.rec?.cells[col]).zh : ch.code)).join(' + ');
      const partsEn = children.map((ch) => (ch.ind ? where(ch.ind, ch.rec?.cells[col]).en : ch.code)).join(' + ');
      findings.push(
        makeFinding(ctx, {
          level: 'error', rule: 'V-SUM', rec, indicator: rec.indicator, col, value: p, expected: sum,
          message: {
            zh: `${w.zh}${fmtNum(p, ind.unit)} 不等于 ${partsZh} 之和 ${fmtNum(sum, ind.unit)}(${COLUMN_NAMES[col].zh},相差${fmtNum(decimalSub(p, sum), ind.unit)});总数应等于各分项之和,请核对。`,
            en: `${w.en} ${fmtNum(p, ind.unit)} is not the sum of ${partsEn}, ${fmtNum(sum, ind.unit)} (${COLUMN_NAMES[col].en}, difference ${fmtNum(decimalSub(p, sum), ind.unit)}); the total must equal the sum of its parts: check them.`,
          },
        }),
      );
    }
  }
  return { findings, skipped: [] };
};
