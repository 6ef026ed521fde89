/**
 * V-REQ (error): a key indicator's 1-本月累计 or 上年同期累计 has no data, or its row is absent.
 * Key ratios (税收占比) are recomputed from their parts, so their parts are what is required.
 * January reports skip janExempt indicators; a cell already reported unreadable (V-TYPE) is not
 * reported again as missing; a column the sheet lacks altogether is a layout finding, not one per row.
 * On a table of many zones (template.md §5) an indicator the table has no column for is said once for
 * the table, and a figure marked "--" (withheld) or "-" (not assessed) is listed as not checked.
 */
import type { Indicator } from '../config/schema';
import type { Finding } from '../types';
import { COLUMN_NAMES, makeFinding, type Rule, type RuleContext, where } from './context';

/** Indicator codes whose ytd/base must have data: key non-ratio indicators and the parts of key ratios. */
export function requiredCodes(catalogue: Iterable<Indicator>): string[] {
  const out: string[] = [];
  const add = (c: string) => {
    if (!out.includes(c)) out.push(c);
  };
  for (const ind of catalogue) {
    if (!ind.key) continue;
    if (ind.kind === 'ratio') {
      if (ind.ratio) {
        add(ind.ratio.numerator);
        add(ind.ratio.denominator);
      }
    } else add(ind.code);
  }
  return out;
}

export const requiredRule: Rule = (ctx: RuleContext) => {
  const findings: Finding[] = [];
  const table = ctx.report.layout === 'table';
  const marked: string[] = [];
  const january = ctx.report.period?.month === 1;
  for (const code of requiredCodes(ctx.config.catalogue)) {
    const ind = ctx.catalogue.get(code);
    if (!ind || (january && ind.janExempt)) continue;
    const rec = ctx.records.get(code);
    const cols = ind.kind === 'rate' ? (['ytd'] as const) : (['ytd', 'base'] as const);
    // A table of many zones that carries no column for the indicator says so once for the table.
    if (!rec && table) continue;
    if (!rec) {
      findings.push(
        makeFinding(ctx, {
          level: 'error', rule: 'V-REQ', rec: null, indicator: code, cell: null, value: null, expected: null,
          message: {
            zh: `缺少关键指标“${ind.name}”(代码${code})这一行;请按统一口径补上该行并填报1-本月累计和上年同期累计。`,
            en: `The key indicator "${where(ind, null).en}" (code ${code}) has no row; add the row as in the unified template and fill in the year-to-date and same-period-last-year figures.`,
          },
        }),
      );
      continue;
    }
    for (const col of cols) {
      if (rec[col] !== null || rec.invalidCols.includes(col)) continue;
      if (ctx.report.columns[col] === undefined || rec.cells[col] === undefined) continue; // the missing column is reported by recognition
      // A published table's "--" (withheld) or "-" (not assessed) is a statement, not a gap in a form.
      if (table && rec.marks?.[col]) {
        marked.push(`${ind.name}(${rec.cells[col]}“${rec.marks[col]}”)`);
        continue;
      }
      const w = where(ind, rec.cells[col]);
      findings.push(
        makeFinding(ctx, {
          level: 'error', rule: 'V-REQ', rec, indicator: code, col, value: null, expected: null,
          message: {
            zh: `关键指标${w.zh}的${COLUMN_NAMES[col].zh}没有数据;请填报(确为零请填0)。`,
            en: `The key indicator ${w.en} has no ${COLUMN_NAMES[col].en} figure; fill it in (type 0 if it really is zero).`,
          },
        }),
      );
    }
  }
  const skipped = marked.length === 0 ? [] : [{
    rule: 'V-REQ',
    reason: {
      zh: `表中标为“--”(不公布)或“-”(不参评)的关键指标未按必填项核查:${marked.join('、')}。`,
      en: `Key figures the table marks "--" (withheld) or "-" (not assessed) were not checked as required: ${marked.join(', ')}.`,
    },
    scope: ctx.scope,
  }];
  return { findings, skipped };
};
