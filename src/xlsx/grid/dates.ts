/**
 * The 1904 date system (ECMA-376 §18.2.28 `date1904`; BIFF's DATEMODE; Excel for Mac before 2011):
 * a date's serial counts days from 1904-01-01, 1,462 days after the 1900 system's day 0. Every port
 * hands the engine dates as 1900-system serials with their date format (src/excel/cell-map.ts,
 * docs/decisions.md), so a reader of a 1904 workbook shifts the serials of date-formatted cells; a
 * figure that is no date (no date format) is never touched.
 */
import { isDateFormat } from '../../domain/cells/read-number';
import type { Cell } from '../../domain/types';

/** Days from 1900-system day 0 (1899-12-30) to 1904-system day 0 (1904-01-01). */
export const DAYS_1904_TO_1900 = 1462;

/** The cell as the 1900 date system gives it: a date-formatted number of a 1904 workbook shifted. */
export function to1900(cell: Cell): Cell {
  if (typeof cell.v === 'number' && isDateFormat(cell.fmt)) cell.v += DAYS_1904_TO_1900;
  return cell;
}
