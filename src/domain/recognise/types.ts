/**
 * What template recognition hands to the rules: one recognised report sheet with its records
 * (values in catalogue units, growth not yet computed) and the findings recognition itself made
 * (layout, zone, period, units, cell types, unknown rows).
 */
import type { Bilingual, ColumnKey, Finding, GrowthLabel, Period, RankReported, Skipped, ZoneRef } from '../types';

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
  /** "--" (withheld) or "-" (not assessed) written instead of a figure (template.md §5); the figure is null */
  marks?: Partial<Record<'month' | 'ytd' | 'base' | 'yoy' | 'target', '-' | '--'>>;
  /** a published rank written with a figure ("12.3(5)") or in a 位次 column: the column ranked and the rank */
  rankReported?: RankReported;
  /**
   * "上年为1.43" in the 同比 cell while the row has its own 上年同期 figure: last year's figure as the
   * growth cell gives it (catalogue unit), to be compared with that figure. (Without a 上年同期 figure
   * it is the record's `base`.)
   */
  yoyLastYear?: { value: number; cell: string };
  /**
   * The layout gives this record no 上年同期 figure at all (a table of values and published growth):
   * its growth is the published 同比, taken as it is, and rules needing the base do not run on it.
   */
  noBase?: true;
  /** a quarter form's 本季 (template.md §5), in the catalogue unit; present only on such a form */
  quarter?: number | null;
  /** the row is a de-duplicated total ("(剔重)"): it may be smaller than the sum of its parts */
  dedup?: true;
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
  /** 'table': one zone's row (or column) of a table of many zones (template.md §5); absent: a zone's own sheet */
  layout?: 'table';
}

/** A row of a table of many zones that is not a zone: a total, a subtotal, or another row it adds up. */
export interface TableRow {
  /** 0-based sheet row */
  row: number;
  /** the row's label as written, and its cell */
  text: string;
  cell: string;
  /** subset: a part of the total that is no addend (其中:国家级) */
  kind: 'total' | 'subtotal' | 'other' | 'district' | 'contains' | 'subset';
  /** a total labelled (剔重): it may be smaller than the rows it covers */
  dedup: boolean;
  records: ParsedRecord[];
}

/**
 * A table of many zones (template.md §5: zones down the rows, indicators across the columns; or
 * zones across, indicators down): each zone's row is a report of its own (`reports`), read and
 * checked exactly as if the zone had sent its own sheet; totals and other rows are kept apart.
 */
export interface RecognisedTable {
  kind: 'table';
  sheet: string;
  period: Period | null;
  /** one per zone row (or column), in sheet order */
  reports: RecognisedReport[];
  /** totals, subtotals and other rows that are no zone, in sheet order */
  rows: TableRow[];
  /** findings about the table itself (layout, period, units, rows that are no zone, totals) */
  findings: Finding[];
  skipped: Skipped[];
}

export interface NonReportSheet {
  kind: 'register' | 'history' | 'skipped';
  sheet: string;
  reason: Bilingual;
}

export type SheetRecognition = RecognisedReport | RecognisedTable | NonReportSheet;
