/**
 * V-FORMULA-OVERWRITTEN (warning): a cell the template computes by formula holds a typed constant.
 * - the 同比 column: a typed figure while the nearest filled 同比 cells above and below (those that
 *   exist) hold formulas;
 * - a ratio row's 1-本月累计 (税收占比): typed while the same row's 上年同期累计 is a formula (the
 *   同比 column's formulas say nothing about how the share itself is filled in).
 * A typed figure stops following its data, so next month it silently goes stale.
 */
import type { ParsedRecord } from '../recognise/types';
import type { Finding } from '../types';
import { fmtOne } from '../messages/format';
import { COLUMN_NAMES, makeFinding, type Rule, where } from './context';

const filled = (r: ParsedRecord) => r.yoy !== null || r.formulaCols.includes('yoy') || r.invalidCols.includes('yoy');
const isFormula = (r: ParsedRecord) => r.formulaCols.includes('yoy');

export const formulaRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  const rows = [...ctx.report.records].sort((a, b) => a.row - b.row).filter(filled);
  rows.forEach((rec, i) => {
    if (rec.yoy === null || isFormula(rec)) return;
    const neighbours = [rows[i - 1], rows[i + 1]].filter((r): r is ParsedRecord => r !== undefined);
    if (neighbours.length === 0 || !neighbours.every(isFormula)) return;
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind) return;
    const w = where(ind, rec.cells.yoy);
    findings.push(
      makeFinding(ctx, {
        level: 'warning', rule: 'V-FORMULA-OVERWRITTEN', rec, indicator: rec.indicator, col: 'yoy', value: rec.yoy, expected: null,
        message: {
          zh: `${w.zh}的同比是手工填入的数值${fmtOne(rec.yoy)},而上下行同比均为公式;公式可能被覆盖,请恢复公式。`,
          en: `${w.en}: the growth cell holds a typed value (${fmtOne(rec.yoy)}) while the rows around it hold formulas; the formula was probably overwritten: restore it.`,
        },
      }),
    );
  });
  for (const rec of ctx.report.records) {
    const ind = ctx.catalogue.get(rec.indicator);
    if (!ind || ind.kind !== 'ratio' || rec.ytd === null || rec.formulaCols.includes('ytd')) continue;
    if (!rec.formulaCols.includes('base')) continue;
    const w = where(ind, rec.cells.ytd);
    findings.push(
      makeFinding(ctx, {
        level: 'warning', rule: 'V-FORMULA-OVERWRITTEN', rec, indicator: rec.indicator, col: 'ytd', value: rec.ytd, expected: null,
        message: {
          zh: `${w.zh}的${COLUMN_NAMES.ytd.zh}是手工填入的数值${fmtOne(rec.ytd)},而同一行上年同期累计为公式;占比应由公式计算,请恢复公式。`,
          en: `${w.en}: the ${COLUMN_NAMES.ytd.en} cell holds a typed value (${fmtOne(rec.ytd)}) while the same-period-last-year cell of the row holds a formula; the share should be computed by formula: restore it.`,
        },
      }),
    );
  }
  return { findings, skipped: [] };
};
