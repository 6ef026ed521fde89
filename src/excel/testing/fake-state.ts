/** State of the fake Excel workbook (plain data), its error type and counters. See fake-excel.ts. */
import type { RangePos } from '../../domain/a1';
import { areaBounds, splitAreas } from '../../domain/a1-areas';
import type { FakeChartState, FakePageState } from './fake-chart';

export type FakeValue = number | string | boolean;

export interface FakeCellState {
  /** value, or the cached result of a formula; '' or undefined = empty */
  v?: FakeValue;
  /** formula without '=' */
  f?: string;
  /** an error value such as '#DIV/0!' (v is then ignored) */
  err?: string;
  /** number format ('General' when absent) */
  nf?: string;
  fill?: string;
  font?: { color?: string; bold?: boolean; size?: number };
}

/**
 * One conditional format of a sheet. It has no id of its own: as in Excel, the API's
 * `ConditionalFormat.id` is its position in the collection it was read from (sheet.cfs is kept in
 * priority order, index 0 first), so adding or deleting a rule renumbers the others. `uid` is the
 * fake's private identity, for tests only.
 */
export interface FakeCfState {
  uid: number;
  /** Excel's ConditionalFormatType; absent means 'Custom' (what the tool adds) */
  type?: string;
  /** areas it applies to, comma-separated, no sheet prefix */
  address: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  /** 'user' for formats set up by a test as the user's own */
  owner: 'user' | 'addin';
  /**
   * made with Manage Rules → Duplicate Rule: Excel cannot read such a rule back through the API
   * (office-js #6835)
   */
  duplicated?: boolean;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  rows: (FakeCellState | undefined)[][];
  merges: string[];
  /** in priority order: index 0 is applied first */
  cfs: FakeCfState[];
  tabColor: string;
  freeze: { rows: number; cols: number } | null;
  columnWidths: Map<number, number>;
  /** page layout written (ExcelApi 1.9) */
  page?: FakePageState;
  charts: FakeChartState[];
}

export interface FakeSheetInit {
  /** rows[r][c]: a plain value, or a full cell state */
  rows?: (FakeValue | FakeCellState | null | undefined)[][];
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  merges?: string[];
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface FakeStats {
  syncs: number;
  /** bytes of each sync's request (operations + loaded payload), in order */
  requestBytes: number[];
  /** worksheet.getRanges() calls queued */
  getRangesCalls: number;
  /** conditional formats added */
  cfAdds: number;
  /** conditional formats deleted */
  cfDeletes: number;
  /** property loads whose payload was a whole range grid */
  rangeReads: number;
  /** suspendScreenUpdatingUntilNextSync / suspendApiCalculationUntilNextSync calls */
  suspends: number;
  /** attempts to unprotect (the port must never make one) */
  unprotectAttempts: number;
  /** Excel.run batches started */
  runs: number;
  /** syncs that never answered (hangSync) */
  hung: number;
}

export interface FakeExcelOptions {
  name?: string;
  maxRequestBytes?: number;
  maxCellsPerRead?: number;
  /**
   * the highest ExcelApi requirement set the host supports, e.g. '1.7' (volume-licensed Excel 2019)
   * or '1.1' (Excel 2016); default '1.9'. Calls beyond it fail at sync with ApiNotFound.
   */
  api?: string;
  /** further sets reported as supported, e.g. ['ExcelApi 1.13'] (raise the level to the highest) */
  supported?: string[];
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** getRanges address limits of the fake: a little above what the port promises (2,000 / 400). */
export const FAKE_MAX_ADDRESS_CHARS = 2048;
export const FAKE_MAX_AREAS = 450;
/** getMergedAreasOrNullObject fails when more merged areas than this start in the range. */
export const FAKE_MAX_MERGED_AREAS = 512;

export function bytes(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x) ?? '', 'utf8');
}

export function isCellState(x: unknown): x is FakeCellState {
  return typeof x === 'object' && x !== null;
}

export function cellIsEmpty(c: FakeCellState | undefined): boolean {
  return !c || (c.f === undefined && c.err === undefined && (c.v === undefined || c.v === ''));
}

export function intersects(a: RangePos, b: RangePos): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

const boundsMemo = new WeakMap<FakeCfState, { address: string; bounds: RangePos[] }>();

/** The areas of a CF as bounds (memoised per address: collections recompute them often). */
export function cfBounds(cf: FakeCfState): RangePos[] {
  const m = boundsMemo.get(cf);
  if (m && m.address === cf.address) return m.bounds;
  const bounds = splitAreas(cf.address).flatMap((a) => areaBounds(a) ?? []);
  boundsMemo.set(cf, { address: cf.address, bounds });
  return bounds;
}

/**
 * Whether Excel can read this rule back through the API. It cannot (office-js #6827, #5222, #6835)
 * when the rule was duplicated in Manage Rules, or when it is a cell-value rule sharing a cell with
 * another cell-value rule: reading its type, rule or ranges throws, and deleting it fails with
 * ItemNotFound. Its id (a position) can still be read.
 */
export function cfUnreadable(sheet: FakeSheetState, cf: FakeCfState): boolean {
  if (cf.duplicated) return true;
  if (cf.type !== 'CellValue') return false;
  const mine = cfBounds(cf);
  return sheet.cfs.some((o) => o !== cf && o.type === 'CellValue' && cfBounds(o).some((b) => mine.some((m) => intersects(m, b))));
}

export function unreadableError(): FakeOfficeError {
  return new FakeOfficeError(
    'GeneralException',
    'An internal error has occurred (reading a conditional format Excel cannot read back: two cell-value rules on a cell, or a duplicated rule).',
  );
}

/** "1.7" → 7: ExcelApi versions are compared by their minor number. */
export function apiMinor(version: string): number {
  return Number(version.split('.')[1] ?? '0');
}
