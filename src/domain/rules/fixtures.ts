/**
 * Hand-made reports for the rule tests: records laid out as the canonical template
 * (A 指标名称, B 代码, C 计量单位, D 本月, E 1-本月累计, F 上年同期累计, G 同比, H 年度目标, I 说明),
 * header on row 3. Test support only; no rule logic lives here.
 */
import { defaultConfig } from '../config/validate';
import type { Config } from '../config/schema';
import type { ParsedRecord, RecognisedReport } from '../recognise/types';
import type { ColumnKey, HistoryRow } from '../types';
import { buildContext, runReportRules } from './index';
import { indexHistory, type RuleContext } from './context';

const COLS: Record<Exclude<ColumnKey, 'quarter' | 'monthYoy' | 'monthBase' | 'rank'>, string> = {
  name: 'A', code: 'B', unit: 'C', month: 'D', ytd: 'E', base: 'F', yoy: 'G', target: 'H', note: 'I',
};

export interface RecInput {
  month?: number | null;
  ytd?: number | null;
  base?: number | null;
  yoy?: number | null;
  target?: number | null;
  note?: string | null;
  unit?: string;
  formulaCols?: ColumnKey[];
  invalidCols?: ColumnKey[];
}

/** A record of indicator `code` on 0-based row `row`. */
export function rec(code: string, row: number, v: RecInput = {}): ParsedRecord {
  const cells: Partial<Record<ColumnKey, string>> = {};
  for (const [k, col] of Object.entries(COLS) as [ColumnKey, string][]) cells[k] = `${col}${row + 1}`;
  return {
    indicator: code,
    row,
    unit: v.unit ?? '万元',
    month: v.month ?? null,
    ytd: v.ytd ?? null,
    base: v.base ?? null,
    yoy: v.yoy ?? null,
    target: v.target ?? null,
    note: v.note ?? null,
    cells,
    formulaCols: v.formulaCols ?? [],
    invalidCols: v.invalidCols ?? [],
  };
}

export function report(records: ParsedRecord[], over: Partial<RecognisedReport> = {}): RecognisedReport {
  return {
    kind: 'report',
    sheet: '9月',
    zone: { code: 'G212001', name: '辽滨开发区' },
    zoneText: '辽滨开发区',
    zoneCell: 'B2',
    period: { year: 2026, month: 9 },
    headerRow: 2,
    columns: { name: 0, code: 1, unit: 2, month: 3, ytd: 4, base: 5, yoy: 6, target: 7, note: 8 },
    amountUnit: '万元',
    records,
    findings: [],
    skipped: [],
    ...over,
  };
}

export function context(r: RecognisedReport, history: HistoryRow[] = [], config: Config = defaultConfig()): RuleContext {
  return buildContext(r, config, indexHistory(history), `test.xlsx / ${r.sheet}`);
}

export function run(r: RecognisedReport, history: HistoryRow[] = [], config: Config = defaultConfig()) {
  return runReportRules(context(r, history, config));
}

export function hist(period: string, indicator: string, ytd: number | null, base: number | null = null, zone = 'G212001'): HistoryRow {
  return { period, zone, indicator, ytd, base, target: null, level: null };
}
