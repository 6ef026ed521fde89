/**
 * What template recognition hands to the rules: one recognised report sheet with its records
 * (values in catalogue units, growth not yet computed) and the findings recognition itself made
 * (layout, zone, period, units, cell types, unknown rows).
 */
import type { Bilingual, ColumnKey, Finding, GrowthLabel, Period, Skipped, ZoneRef } from '../types';

/** A record as read from its row, before growth is computed: the figures as typed, in catalogue units. */
export interface ParsedRecord {
  /** catalogue code */
  indicator: string;
  /** 0-based row in the sheet */
  row: number;
  /** catalogue unit the values are in */
  unit: string;
  month: number | null;
  ytd: number | null;
  base: number | null;
  /** the 同比 (or, for ratios, 百分点 change) as typed, not recomputed */
  yoy: number | null;
  target: number | null;
  note: string | null;
  /** A1 address of each column's cell on this row */
  cells: Partial<Record<ColumnKey, string>>;
  /** columns whose cell on this row holds a formula */
  formulaCols: ColumnKey[];
  /** columns whose cell held something not usable as a number: not a number (reported as V-TYPE), or a unit
   *  that cannot be converted (reported as V-UNIT); their value is null and must not be reported again */
  invalidCols: ColumnKey[];
  /**
   * A growth label typed (or computed by the template's formula) in the 同比 cell instead of a %:
   * 新增, 扭亏为盈, 由盈转亏, 减亏, 增亏 (— is no data). `yoy` is then null. Optional so that records
   * built elsewhere need not set it; recognition always does.
   */
  yoyLabel?: GrowthLabel | null;
  /**
   * Decimals each figure's cell SHOWS, in the catalogue unit: from the cell's number format, or as
   * typed in its text (rules.md §1: the tolerance is 0.5 of the last digit shown). Absent for a
   * figure in General format, which shows what was typed.
   */
  shown?: Partial<Record<'month' | 'ytd' | 'base' | 'target', number>>;
}

export interface RecognisedReport {
  kind: 'report';
  sheet: string;
  /** resolved zone, or null (V-ZONE reported) */
  zone: ZoneRef | null;
  /** the zone text found in the sheet (or the sheet name), for messages */
  zoneText: string | null;
  zoneCell: string | null;
  period: Period | null;
  /** 0-based header row */
  headerRow: number;
  /** 0-based column index of each recognised column */
  columns: Partial<Record<ColumnKey, number>>;
  /** default money unit of the sheet (金额单位), e.g. '万元' */
  amountUnit: string;
  records: ParsedRecord[];
  /** findings of recognition; `file` is null here and set by the orchestrator */
  findings: Finding[];
  skipped: Skipped[];
}

export interface NonReportSheet {
  kind: 'register' | 'history' | 'skipped';
  sheet: string;
  reason: Bilingual;
}

export type SheetRecognition = RecognisedReport | NonReportSheet;
