/**
 * A read-only view of a SheetGrid for recognition: cell text, normalised labels, and merged cells
 * handled once. A merged range's value sits in its top-left cell; the other cells of the range read
 * as blank (a port may repeat the master's value in them, and reading it twice would double-count).
 */
import type { Cell, SheetGrid } from '../types';
import { cleanText, normaliseLabel } from '../cells/normalise';
import { a1, parseRange, type RangePos } from '../a1';

/** The text a cell shows, before normalisation ('' for blank). */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.v;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if ('error' in v) return v.error;
  return v.date;
}

export interface GridView {
  readonly sheet: SheetGrid;
  readonly rowCount: number;
  /** number of cells in row r (merge slaves included, as blanks) */
  width(r: number): number;
  /** the cell at (r, c); undefined for blank cells and for the non-top-left cells of a merge */
  cell(r: number, c: number): Cell | undefined;
  /** cleaned text (NFKC, invisible characters removed), trimmed */
  text(r: number, c: number): string;
  /**
   * normalised label of a header cell. The lower cells of a vertically merged header cell take
   * the master's label (a two-row header whose 指标名称 spans both rows).
   */
  label(r: number, c: number): string;
  /** the row holds no text at all */
  blankRow(r: number): boolean;
  /** the merged range (r, c) is the top-left cell of, or null */
  mergeAt(r: number, c: number): RangePos | null;
  /** the A1 address of (r, c) in the sheet, for findings and records */
  addr(r: number, c: number): string;
  /** how a message names row r of the view: 第 4 行 / Row 4 */
  line(r: number): { zh: string; en: string };
}

const line = (r: number) => ({ zh: `第 ${r + 1} 行`, en: `Row ${r + 1}` });

export function gridView(sheet: SheetGrid): GridView {
  // Merges indexed by row (only rows that exist), so a merge spanning a whole column costs one entry
  // per row rather than one per cell.
  const byRow = new Map<number, RangePos[]>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (!r || (r.top === r.bottom && r.left === r.right)) continue;
    const bottom = Math.min(r.bottom, sheet.rows.length - 1);
    for (let row = r.top; row <= bottom; row++) {
      const list = byRow.get(row) ?? [];
      list.push(r);
      byRow.set(row, list);
    }
  }
  /** the master (top-left) of the merge (r, c) is a non-top-left cell of, or null */
  const masterOf = (r: number, c: number): { row: number; col: number } | null => {
    const list = byRow.get(r);
    if (!list) return null;
    for (const m of list) {
      if (c >= m.left && c <= m.right && (r !== m.top || c !== m.left)) return { row: m.top, col: m.left };
    }
    return null;
  };
  const cell = (r: number, c: number): Cell | undefined => {
    if (masterOf(r, c)) return undefined;
    return sheet.rows[r]?.[c];
  };
  const text = (r: number, c: number): string => cleanText(cellText(cell(r, c))).trim();
  const label = (r: number, c: number): string => {
    const master = masterOf(r, c);
    if (master && master.col === c) return normaliseLabel(cellText(sheet.rows[master.row]?.[master.col]));
    return normaliseLabel(cellText(cell(r, c)));
  };
  const mergeAt = (r: number, c: number): RangePos | null => byRow.get(r)?.find((m) => m.top === r && m.left === c) ?? null;
  const width = (r: number): number => sheet.rows[r]?.length ?? 0;
  const blankRow = (r: number): boolean => {
    for (let c = 0; c < width(r); c++) if (text(r, c) !== '') return false;
    return true;
  };
  return { sheet, rowCount: sheet.rows.length, width, cell, text, label, blankRow, mergeAt, addr: a1, line };
}

/**
 * The first row within the first `within` rows whose header labels (through `labels`) give columns
 * that `complete` accepts, with each column key's first column; null when there is none.
 */
export function findHeaderRow<K extends string>(
  g: GridView,
  labels: Readonly<Record<string, K>>,
  complete: (cols: Partial<Record<K, number>>) => boolean,
  within = 15,
): { row: number; cols: Partial<Record<K, number>> } | null {
  for (let r = 0; r < Math.min(within, g.rowCount); r++) {
    const cols: Partial<Record<K, number>> = {};
    for (let c = 0; c < g.width(r); c++) {
      const k = labels[g.label(r, c)];
      if (k && cols[k] === undefined) cols[k] = c;
    }
    if (complete(cols)) return { row: r, cols };
  }
  return null;
}
