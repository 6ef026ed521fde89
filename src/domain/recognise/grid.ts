/**
 * A read-only view of a SheetGrid for recognition: cell text, normalised labels, and merged cells
 * handled once. A merged range's value sits in its top-left cell; the other cells of the range read
 * as blank (a port may repeat the master's value in them, and reading it twice would double-count).
 */
import type { Cell, SheetGrid } from '../types';
import { cleanText, normaliseLabel } from '../cells/normalise';
import { parseRange } from '../a1';

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
}

export function gridView(sheet: SheetGrid): GridView {
  // slave position "r,c" → master position
  const slaves = new Map<string, { row: number; col: number }>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (!r) continue;
    // Bounded: a merge larger than the sheet's rows cannot hide more than what exists.
    const bottom = Math.min(r.bottom, sheet.rows.length - 1);
    for (let row = r.top; row <= bottom; row++) {
      for (let col = r.left; col <= r.right && col - r.left < 1000; col++) {
        if (row !== r.top || col !== r.left) slaves.set(row + ',' + col, { row: r.top, col: r.left });
      }
    }
  }
  const cell = (r: number, c: number): Cell | undefined => {
    if (slaves.has(r + ',' + c)) return undefined;
    return sheet.rows[r]?.[c];
  };
  const text = (r: number, c: number): string => cleanText(cellText(cell(r, c))).trim();
  const label = (r: number, c: number): string => {
    const master = slaves.get(r + ',' + c);
    if (master && master.col === c) return normaliseLabel(cellText(sheet.rows[master.row]?.[master.col]));
    return normaliseLabel(cellText(cell(r, c)));
  };
  const width = (r: number): number => sheet.rows[r]?.length ?? 0;
  const blankRow = (r: number): boolean => {
    for (let c = 0; c < width(r); c++) if (text(r, c) !== '') return false;
    return true;
  };
  return { sheet, rowCount: sheet.rows.length, width, cell, text, label, blankRow };
}
