/** A1 addresses: column letters, cell and range addresses, 0-based row/column indices. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Column letters ("A", "ab", "XFD") → 1-based column number; letters only, any case. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// Addresses of the top-left part of a sheet, made once and shared: every zone's sheet of a month
// names the same few hundred cells in its records and findings, and a string per use would be kept
// per record (thousands of zones × 23 records × 5 cells). Bounded: 64 columns × 2,048 rows at most.
const SHARED_COLS = 64;
const SHARED_ROWS = 2048;
const shared: string[][] = [];

/** 0-based row and column → "B7". */
export function a1(row: number, col: number): string {
  if (col >= 0 && col < SHARED_COLS && row >= 0 && row < SHARED_ROWS && Number.isInteger(row) && Number.isInteger(col)) {
    const column = (shared[col] ??= []);
    return (column[row] ??= columnLetters(col) + String(row + 1));
  }
  return columnLetters(col) + String(row + 1);
}

export interface CellPos {
  row: number;
  col: number;
}

/** "B7" or "$B$7" → {row: 6, col: 1}; null when not an address. */
export function parseA1(addr: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(addr.trim());
  if (!m) return null;
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: columnNumber(m[1]) - 1 };
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:I1" (or a single cell) → inclusive 0-based bounds; null when not a range. */
export function parseRange(range: string): RangePos | null {
  const [a, b] = range.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
