/**
 * Limits the input guard enforces before any reader sees a file, whatever its format (zip-inspect.ts
 * for .xlsx, .xlsb and .ods; ole2.ts and biff.ts for .xls; the 2003 XML visitor; the CSV and HTML
 * readers while they read). One place, so the numbers are visible and a caller (or a test) can
 * tighten them. They were first measured with exceljs, which read .xlsx files before the project's
 * own reader (src/xlsx/ooxml/) did (the figures below are its), and are kept because each still
 * bounds what a reader must hold: the project's reader is several times lighter, SheetJS holds a
 * workbook's cells as objects as exceljs did.
 */

export interface InspectLimits {
  /** most zip entries (parts) a workbook may have; a real monthly report has 10-40 */
  maxEntries: number;
  /** most bytes all parts may inflate to, together (a reader holds them in memory, some several times over) */
  maxTotalInflated: number;
  /** highest inflated/compressed ratio of one part, once the part is larger than ratioMinBytes */
  maxRatio: number;
  /** parts smaller than this are never called a bomb, whatever their ratio (tiny XML compresses well) */
  ratioMinBytes: number;
  /** the workbook part (sheet names, defined names) is held whole: it must stay below this */
  maxWorkbookPartBytes: number;
  /** most cells with a value in all sheets together: every reader's time and memory grow with them */
  maxCells: number;
  /** total cells covered by merged ranges in one sheet: the grid's merge rule visits each; exceljs created every one */
  maxMergedCells: number;
}

export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLS = 16_384;

export const DEFAULT_INSPECT_LIMITS: Readonly<InspectLimits> = Object.freeze({
  maxEntries: 5_000,
  maxTotalInflated: 200 * 1024 * 1024,
  // Real sheet XML compresses 5-30x, very repetitive sheets up to ~150x; bombs reach 1,000x.
  maxRatio: 250,
  ratioMinBytes: 1024 * 1024,
  maxWorkbookPartBytes: 16 * 1024 * 1024,
  // exceljs 4.4.0 loaded 160,000 cells in 4.8 s with 225 MB RSS on a loaded 2-core machine, and
  // 400,000 cells did not finish in 10 s; a zone's monthly sheet has a few hundred cells, a bureau's
  // workbook of 100 zones some tens of thousands.
  maxCells: 300_000,
  // exceljs 4.4.0 creates every cell a merge covers on load: a merge over C1:C1048576 took 3.3 s and
  // 712 MB RSS idle. A report merges a few title and header cells; a merge over whole columns is
  // refused (and it would change where values sit). Data validations are not limited: exceljs
  // expands them too (one whole-column list: 1.5 s and 222 MB idle, 9.6 s on a loaded 2-core machine)
  // but it never sees them, the reader gives it a copy without them (read-copy.ts).
  maxMergedCells: 250_000,
});

/** Files larger than this are refused before anything else (a monthly report is a few hundred KB). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
