/**
 * Core data shapes shared by every part of the engine: workbook grids (what a port reads),
 * findings, recognised report sheets and records, and the check report.
 * Pure types only; no behaviour lives here.
 */

/** A message in both interface languages. Every text a user sees exists in both. */
export interface Bilingual {
  zh: string;
  en: string;
}
export type Lang = 'zh' | 'en';

// ---------------------------------------------------------------- cells and grids

/** A formula error value as Excel shows it, e.g. '#DIV/0!'. */
export interface CellError {
  error: string;
}
/** A date/time cell, as an ISO 8601 string (date part at least). */
export interface CellDate {
  date: string;
}
export type ScalarValue = number | string | boolean | null | CellError | CellDate;

/**
 * One cell as a port reads it. `v` is the value; for a formula cell it is the cached result
 * (null with `noResult` when the file was never recalculated). `fmt` is the number format when
 * it is not 'General'.
 */
export interface Cell {
  v: ScalarValue;
  f?: string;
  noResult?: true;
  fmt?: string;
}

/** A worksheet as a plain grid: rows[r][c], 0-based; missing entries are blank cells. */
export interface SheetGrid {
  name: string;
  rows: (Cell | undefined)[][];
  /** merged ranges as A1 strings, e.g. 'A1:I1' (the value sits in the top-left cell) */
  merges: string[];
  hidden?: boolean;
  protected?: boolean;
}

export interface WorkbookGrid {
  /** file name or workbook title, for messages */
  name: string;
  sheets: SheetGrid[];
}

// ---------------------------------------------------------------- findings

export type Level = 'error' | 'warning' | 'info';

export type RuleId =
  | 'V-INPUT'
  | 'V-ZONE'
  | 'V-PERIOD'
  | 'V-DUP'
  | 'V-LAYOUT'
  | 'V-UNIT'
  | 'V-UNITCONV'
  | 'V-REQ'
  | 'V-TYPE'
  | 'V-TEXTNUM'
  | 'V-SIGN'
  | 'V-INT'
  | 'V-PART'
  | 'V-SUM'
  | 'V-RATIO'
  | 'V-RATIO-MISMATCH'
  | 'V-PAIR'
  | 'V-MONTH'
  | 'V-CUM'
  | 'V-CUM-FALL'
  | 'V-YOY'
  | 'V-BASE'
  | 'V-SWING'
  | 'V-UNITSLIP'
  | 'V-PEER'
  | 'V-RANK'
  | 'V-UNKNOWN-ROW'
  | 'V-FORMULA-OVERWRITTEN'
  | 'V-REGISTER';

export interface Finding {
  level: Level;
  rule: RuleId;
  file: string | null;
  sheet: string | null;
  /** A1 address or range */
  cell: string | null;
  zone: string | null;
  /** 'YYYY-MM' */
  period: string | null;
  /** indicator code */
  indicator: string | null;
  value: number | string | null;
  expected: number | string | null;
  message: Bilingual;
  /** a warning whose row has a non-empty 说明 is explained */
  explained: boolean;
}

/** A rule that could not run, listed once so nobody mistakes "not checked" for "passed". */
export interface Skipped {
  rule: string;
  reason: Bilingual;
  /** what it was skipped for: a file, sheet, zone or 'all' */
  scope: string;
}

// ---------------------------------------------------------------- periods and zones

export interface Period {
  year: number;
  /** 1-12: the last month covered (a report of 1-9月 has month 9) */
  month: number;
}

export interface Zone {
  code: string;
  name: string;
  aliases: string[];
  level: string | null;
  type: string | null;
  city: string | null;
  province: string | null;
}

export interface ZoneRef {
  code: string;
  name: string;
}

// ---------------------------------------------------------------- recognised reports

export type ColumnKey =
  | 'name' | 'code' | 'unit' | 'month' | 'ytd' | 'base' | 'yoy' | 'target' | 'note'
  /** 本季 (a quarter form's quarter), the month's own growth and base (read, not checked), a 位次 column */
  | 'quarter' | 'monthYoy' | 'monthBase' | 'rank';

/** Growth label when no % is shown (rules.md §2). */
export type GrowthLabel = '新增' | '—' | '扭亏为盈' | '由盈转亏' | '减亏' | '增亏';

/** Year-on-year growth as a careful statistician writes it. */
export interface Growth {
  /** unrounded growth in %, or change in 百分点 for ratios; for 减亏/增亏 the growth of the loss amount */
  value: number | null;
  /** value rounded half away from zero to 1 decimal, as shown */
  shown: number | null;
  label: GrowthLabel | null;
  /** 'pct' for %, 'pp' for 百分点 (ratios), 'loss' for change of a loss amount in % */
  unit: 'pct' | 'pp' | 'loss';
  /** the growth as the report published it (no 上年同期 figure to compute it from: template.md §5) */
  published?: true;
}

/** A rank published with a figure ("12.3(5)", a 位次 column), to be compared with the rank computed. */
export interface RankReported {
  /** the figure ranked: 'yoy' (增速位次) or a value column (总量位次) */
  col: ColumnKey;
  /** the published place (1 = first) */
  n: number;
  /** the cell holding it */
  cell: string;
}

/**
 * One indicator row of a report as the check report gives it (rules.md §1, `records`): values
 * normalised to catalogue units, the growth the tool computed as shown, and what the clerk typed.
 */
export interface IndicatorRecord {
  /** catalogue code */
  indicator: string;
  /** 0-based row in the sheet */
  row: number;
  /** catalogue unit the values are in */
  unit: string;
  month: number | null;
  ytd: number | null;
  base: number | null;
  /**
   * the growth the tool computed, as shown (0.1): % for flows and stocks, the change in 百分点 for
   * ratios (what the template's 同比 column holds for them); null for rates (no growth of a growth)
   * and when a label stands instead
   */
  yoy: number | null;
  /** the computed growth's label when no % is shown: 新增, 扭亏为盈, 由盈转亏, 减亏, 增亏, — */
  yoyLabel: GrowthLabel | null;
  /** what the clerk typed in the 同比 column (a % or, for ratios, 百分点), not recomputed */
  yoyReported: number | null;
  /** a growth label the clerk typed in the 同比 column instead of a figure (新增…) */
  yoyReportedLabel: GrowthLabel | null;
  target: number | null;
  note: string | null;
  /** the computed growth in detail (unrounded value, unit: 'pct', 'pp' or 'loss') */
  growth: Growth;
  /** A1 address of each column's cell on this row */
  cells: Partial<Record<ColumnKey, string>>;
  /** a rank published with the figures, when the report gives one (compared by the summary) */
  rankReported?: RankReported;
}

export type SheetKind = 'report' | 'register' | 'history' | 'skipped';

export interface SheetResult {
  sheet: string;
  kind: SheetKind;
  /** for skipped sheets: why */
  skipReason?: Bilingual;
  zone: ZoneRef | null;
  period: string | null;
  records: IndicatorRecord[];
  /** 'table': one zone's row of a table of many zones (the sheet then has one result per zone) */
  layout?: 'table';
}

export interface InputError {
  code: string;
  message: Bilingual;
}

export interface FileResult {
  file: string;
  sha256: string;
  sheets: SheetResult[];
  inputError: InputError | null;
}

export interface Totals {
  error: number;
  warning: number;
  info: number;
}

/** The machine-readable check report (rules.md, `zone-report check --json`). */
export interface CheckReport {
  schemaVersion: '1';
  files: FileResult[];
  findings: Finding[];
  skipped: Skipped[];
  totals: Totals;
}

// ---------------------------------------------------------------- history (历史数据)

export type WarningLevel = 'red' | 'orange' | 'yellow' | 'green' | 'gray';

/** One row of the long-format 历史数据 sheet: a zone's indicator in an archived month. */
export interface HistoryRow {
  /** 'YYYY-MM' */
  period: string;
  /** zone code */
  zone: string;
  /** indicator code */
  indicator: string;
  ytd: number | null;
  base: number | null;
  target: number | null;
  /** the indicator's warning level that month (quarter ends), if any */
  level: WarningLevel | null;
}
