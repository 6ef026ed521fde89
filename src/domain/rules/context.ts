/**
 * What every per-report rule sees: the recognised report, its records by indicator code, the
 * computed growth, the catalogue, thresholds and a history look-up; plus the helpers all rules share
 * (money tolerance, finding construction with cell, zone, period and the explained flag).
 */
import type { Config, Indicator } from '../config/schema';
import type { ParsedRecord, RecognisedReport } from '../recognise/types';
import type { Bilingual, ColumnKey, Finding, Growth, HistoryRow, Level, RuleId, Skipped } from '../types';
import { decimalSub, decimalsOf } from '../rounding';

/** History rows indexed by zone code, period and indicator. */
export interface HistoryLookup {
  /** number of archived rows given (历史数据 sheet or --history); 0 = no history at all */
  size: number;
  get(zone: string, period: string, indicator: string): HistoryRow | undefined;
  /** whether any row exists for this zone and period */
  has(zone: string, period: string): boolean;
}

/** The records of one report checked now: a zone's month within this very check. */
export interface MonthRecords {
  zone: string;
  /** 'YYYY-MM' */
  period: string;
  records: readonly { indicator: string; ytd: number | null; base: number | null; target: number | null }[];
}

/**
 * Index the archived history, plus the reports of this very check (a workbook holding several
 * months of one zone compares them with each other). For the same zone and period the archived rows
 * win: they are what the zone reported at the time. Where a key occurs twice the later row wins.
 *
 * Why nested by zone and period, with no key per row and no row made per record of this check: the
 * index lives through the whole check, and one composite string key and one map entry per archived
 * row (and a HistoryRow copied from every record checked) was the largest thing the check kept
 * besides its results (about 18 KB per zone). A month's rows are a short list searched from its end.
 */
export function indexHistory(archived: readonly HistoryRow[], fromThisCheck: readonly MonthRecords[] = []): HistoryLookup {
  const stored = new Map<string, Map<string, HistoryRow[]>>();
  for (const r of archived) {
    let byPeriod = stored.get(r.zone);
    if (!byPeriod) stored.set(r.zone, (byPeriod = new Map()));
    const rows = byPeriod.get(r.period);
    if (rows) rows.push(r);
    else byPeriod.set(r.period, [r]);
  }
  const checked = new Map<string, Map<string, MonthRecords[]>>();
  for (const m of fromThisCheck) {
    // a report without records gives no row: its month is not "in the history"
    if (m.records.length === 0 || stored.get(m.zone)?.has(m.period)) continue;
    let byPeriod = checked.get(m.zone);
    if (!byPeriod) checked.set(m.zone, (byPeriod = new Map()));
    const months = byPeriod.get(m.period);
    if (months) months.push(m);
    else byPeriod.set(m.period, [m]);
  }
  const fromChecked = (zone: string, period: string, indicator: string): HistoryRow | undefined => {
    const months = checked.get(zone)?.get(period);
    if (!months) return undefined;
    for (let i = months.length - 1; i >= 0; i--) {
      const recs = months[i].records;
      for (let j = recs.length - 1; j >= 0; j--) {
        const r = recs[j];
        if (r.indicator === indicator) return { period, zone, indicator, ytd: r.ytd, base: r.base, target: r.target, level: null };
      }
    }
    return undefined;
  };
  return {
    size: archived.length,
    get: (zone, period, indicator) => {
      const rows = stored.get(zone)?.get(period);
      if (!rows) return fromChecked(zone, period, indicator);
      for (let i = rows.length - 1; i >= 0; i--) if (rows[i].indicator === indicator) return rows[i];
      return undefined;
    },
    has: (zone, period) => stored.get(zone)?.has(period) === true || checked.get(zone)?.has(period) === true,
  };
}

export interface RuleContext {
  config: Config;
  catalogue: Map<string, Indicator>;
  report: RecognisedReport;
  /** records by indicator code (the first row when a code appears twice) */
  records: Map<string, ParsedRecord>;
  /** computed growth by indicator code */
  growth: Map<string, Growth>;
  history: HistoryLookup;
  /** how skipped entries name this report, e.g. "zone.xlsx / 9月" */
  scope: string;
}

export interface RuleOutput {
  findings: Finding[];
  skipped: Skipped[];
}

export type Rule = (ctx: RuleContext) => RuleOutput;

/** The numeric columns of a record. */
export type ValueCol = 'month' | 'ytd' | 'base' | 'yoy' | 'target';

export function valueOf(rec: ParsedRecord, col: ValueCol): number | null {
  return rec[col];
}

/** Column names for messages. */
export const COLUMN_NAMES: Record<ValueCol, Bilingual> = {
  month: { zh: '本月', en: 'this month' },
  ytd: { zh: '1-本月累计', en: 'year-to-date' },
  base: { zh: '上年同期累计', en: 'same period last year' },
  yoy: { zh: '同比增长(%)', en: 'year-on-year growth (%)' },
  target: { zh: '年度目标', en: 'annual target' },
};

/** 'YYYY-MM' of a period. */
export function periodKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A figure compared under the money tolerance, with the decimals its cell shows when known. */
export interface ShownFigure {
  value: number;
  /** decimals the cell shows (number format or typed text), in the catalogue unit; absent: as typed */
  decimals?: number;
}

/** A record's figure in a column with the decimals its cell shows (the column must hold a value). */
export function shownFigure(rec: ParsedRecord, col: 'month' | 'ytd' | 'base' | 'target'): ShownFigure {
  return { value: rec[col] as number, decimals: rec.shown?.[col] };
}

/**
 * Money tolerance (rules.md §1): 0.5 of the last digit shown, at least config.thresholds.tolMin.
 * "Shown" is what the cell shows: its number format decides where it has one (90000.4 formatted
 * `#,##0` shows 90,000, so its last digit is the unit), else the decimals as typed. The last digit is
 * taken from the finest of the compared figures: a number loses its typed trailing zeros (11000.0
 * reads as 11000), so the finest precision is the one known to be typed, and judging by the coarsest
 * would let 11000 against 11000.4 pass silently. Plain numbers (history) count as typed. Counts (个)
 * compare exactly.
 */
export function tolerance(config: Config, unit: string, figures: readonly (number | ShownFigure)[]): number {
  if (unit === '个') return 0;
  let d = figures.length ? -Infinity : 0;
  for (const f of figures) {
    const here = typeof f === 'number' ? decimalsOf(f) : f.decimals ?? decimalsOf(f.value);
    if (here > d) d = here;
  }
  return Math.max(config.thresholds.tolMin, 0.5 * 10 ** -d);
}

/**
 * |a − b| beyond a threshold, the difference taken in decimal (figures at 15 significant digits), so
 * binary noise never decides: 11000.45 against 11000.4 is exactly 0.05 apart.
 */
export function beyond(a: number, b: number, threshold: number): boolean {
  return Math.abs(decimalSub(a, b)) > threshold;
}

/** The zone as findings name it (as recognition does): the resolved code, else the text found in the sheet. */
export function zoneName(report: RecognisedReport): string | null {
  return report.zone?.code ?? report.zoneText ?? null;
}

export function reportPeriod(report: RecognisedReport): string | null {
  return report.period ? periodKey(report.period.year, report.period.month) : null;
}

export interface FindingSpec {
  level: Level;
  rule: RuleId;
  /** the record the finding is about (null: the indicator row is absent) */
  rec: ParsedRecord | null;
  indicator: string | null;
  /** the column whose cell is meant; or an explicit cell */
  col?: ColumnKey | null;
  cell?: string | null;
  value: number | string | null;
  expected: number | string | null;
  message: Bilingual;
}

/** A finding of this report; `file` is set by the orchestrator. */
export function makeFinding(ctx: RuleContext, spec: FindingSpec): Finding {
  const cell = spec.cell !== undefined ? spec.cell : spec.rec && spec.col ? spec.rec.cells[spec.col] ?? null : null;
  const note = spec.rec?.note?.trim() ?? '';
  return {
    level: spec.level,
    rule: spec.rule,
    file: null,
    sheet: ctx.report.sheet,
    cell,
    zone: zoneName(ctx.report),
    period: reportPeriod(ctx.report),
    indicator: spec.indicator,
    value: spec.value,
    expected: spec.expected,
    message: spec.message,
    explained: spec.level === 'warning' && note !== '',
  };
}

/** The indicator's English name without the "Of which:" prefix, for use inside a sentence. */
export function nameEn(ind: Indicator): string {
  const n = ind.nameEn.replace(/^of which:\s*/i, '');
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** "税收收入(E15)" / "Tax revenue (E15)" */
export function where(ind: Indicator, cell: string | null | undefined): Bilingual {
  return cell ? { zh: `${ind.name}(${cell})`, en: `${nameEn(ind)} (${cell})` } : { zh: ind.name, en: nameEn(ind) };
}

/** The cell of a column on a record, or null. */
export function cellOf(rec: ParsedRecord | undefined, col: ColumnKey): string | null {
  return rec?.cells[col] ?? null;
}

export const EMPTY: RuleOutput = { findings: [], skipped: [] };
