/** State of the fake Excel workbook (plain data), its error type and counters. See fake-excel.ts. */
import type { RangePos } from '../../domain/a1';
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

export interface FakeCfState {
  id: string;
  /** Excel's ConditionalFormatType; absent means 'Custom' (what the tool adds) */
  type?: string;
  /** areas it applies to, comma-separated, no sheet prefix */
  address: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  /** 'user' for formats set up by a test as the user's own */
  owner: 'user' | 'addin';
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  rows: (FakeCellState | undefined)[][];
  merges: string[];
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
  /** property loads whose payload was a whole range grid */
  rangeReads: number;
  /** suspendScreenUpdatingUntilNextSync / suspendApiCalculationUntilNextSync calls */
  suspends: number;
  /** attempts to unprotect (the port must never make one) */
  unprotectAttempts: number;
  /** Excel.run batches started */
  runs: number;
}

export interface FakeExcelOptions {
  name?: string;
  maxRequestBytes?: number;
  maxCellsPerRead?: number;
  /** requirement sets reported as supported, e.g. ['ExcelApi 1.13'] (default: 1.1–1.9 only) */
  supported?: string[];
  /** sets reported as missing although in the default range, e.g. ['ExcelApi 1.9'] (an older host: it and every later one) */
  unsupported?: string[];
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** getRanges address limits of the fake: a little above what the port promises (2,000 / 400). */
export const FAKE_MAX_ADDRESS_CHARS = 2048;
export const FAKE_MAX_AREAS = 450;

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

