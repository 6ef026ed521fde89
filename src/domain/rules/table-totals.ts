/**
 * V-SUM on a table of many zones (template.md §5 "Totals"): a total row (全市, 合计…) against the rows
 * it covers, column by column (本月, 1-本月累计, 上年同期累计), within tol × the number of rows, as for
 * any partition (rules.md §1) — so a published total 1 off in its last shown digit is rounding. A
 * total labelled (剔重) may be smaller than its rows, never larger. A grand total covers every row of
 * the table that adds up (zones, 其他, districts, rows holding a zone); a 小计 the rows since the row
 * before it that was a total, a 小计 or the header. The finding is about the table, not a zone (its
 * zone is empty), so it turns no zone gray; it runs only where every covered row has the figure.
 */
import type { Config } from '../config/schema';
import { indicatorByCode } from '../config/lookup';
import type { ParsedRecord, RecognisedTable, TableRow } from '../recognise/types';
import type { Finding } from '../types';
import { finding } from '../recognise/findings';
import { fmtNum } from '../messages/format';
import { decimalSub, decimalSum } from '../rounding';
import { beyond, COLUMN_NAMES, periodKey, shownFigure, type ShownFigure, tolerance } from './context';

const COLS = ['month', 'ytd', 'base'] as const;

interface Line {
  row: number;
  text: string;
  records: Map<string, ParsedRecord>;
}

const ADDEND = new Set<TableRow['kind']>(['other', 'district', 'contains']);

export function tableTotalFindings(table: RecognisedTable, config: Config): Finding[] {
  const catalogue = indicatorByCode(config);
  const lines = (records: ParsedRecord[]) => new Map(records.map((r) => [r.indicator, r]));
  const addends: Line[] = [
    ...table.reports.map((r) => ({ row: r.records[0]?.row ?? -1, text: r.zoneText ?? '', records: lines(r.records) })),
    ...table.rows.filter((r) => ADDEND.has(r.kind)).map((r) => ({ row: r.row, text: r.text, records: lines(r.records) })),
  ].sort((a, b) => a.row - b.row);
  const where = { sheet: table.sheet, zone: null, period: table.period ? periodKey(table.period.year, table.period.month) : null };
  const out: Finding[] = [];
  const sorted = [...table.rows].sort((a, b) => a.row - b.row);
  for (const total of sorted) {
    if (total.kind !== 'total' && total.kind !== 'subtotal') continue;
    let covered = addends;
    if (total.kind === 'subtotal') {
      const before = sorted.filter((r) => (r.kind === 'total' || r.kind === 'subtotal') && r.row < total.row).map((r) => r.row);
      const from = before.length > 0 ? Math.max(...before) : -1;
      covered = addends.filter((a) => a.row > from && a.row < total.row);
    }
    if (covered.length === 0) continue;
    for (const rec of total.records) {
      const ind = catalogue.get(rec.indicator);
      if (!ind || ind.kind === 'rate' || ind.kind === 'ratio') continue;
      for (const col of COLS) {
        const p = rec[col];
        if (p === null) continue;
        const values: number[] = [];
        const shown: ShownFigure[] = [shownFigure(rec, col)];
        for (const a of covered) {
          const v = a.records.get(rec.indicator)?.[col] ?? null;
          if (v === null) break;
          values.push(v);
          shown.push(shownFigure(a.records.get(rec.indicator) as ParsedRecord, col));
        }
        if (values.length !== covered.length) continue;
        const sum = decimalSum(values);
        const tol = tolerance(config, ind.unit, shown) * covered.length;
        if (!beyond(p, sum, tol) || (total.dedup && p < sum)) continue;
        const cell = rec.cells[col] ?? total.cell;
        const diff = fmtNum(decimalSub(p, sum), ind.unit);
        out.push(
          finding('error', 'V-SUM', where, {
            zh: `合计行“${total.text}”(单元格 ${cell})${ind.name}${COLUMN_NAMES[col].zh}为${fmtNum(p, ind.unit)},表中它所含的 ${covered.length} 行之和为${fmtNum(sum, ind.unit)}(相差${diff})${total.dedup ? ',剔重后的合计不应大于各行之和' : ''};请核对合计或各行数据。`,
            en: `The total row "${total.text}" (cell ${cell}): ${ind.nameEn}, ${COLUMN_NAMES[col].en}, is ${fmtNum(p, ind.unit)}, but the ${covered.length} rows it covers add up to ${fmtNum(sum, ind.unit)} (difference ${diff})${total.dedup ? '; a de-duplicated total cannot exceed its rows' : ''}; check the total or the rows.`,
          }, { cell, indicator: ind.code, value: p, expected: sum }),
        );
      }
    }
  }
  return out;
}
