/**
 * The same bounds for every reader's result, checked once more on the grids themselves (the guards
 * before parsing already refuse what would be costly to parse, and count cells): Excel's row and
 * column limits, sheet names that are reserved words (they would reach Object.prototype wherever a
 * sheet name is a key) or repeated regardless of case (findings and highlights name sheets).
 */
import type { SheetGrid } from '../../domain/types';
import type { InputErrorCode } from '../guard/codes';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS } from '../guard/limits';
import { isUnsafeName } from '../guard/ooxml-rules';

/** The refusal these grids earn, or null. O(sheets + rows). */
export function checkGrids(sheets: readonly SheetGrid[]): InputErrorCode | null {
  const names = new Set<string>();
  for (const s of sheets) {
    if (isUnsafeName(s.name)) return 'E_UNSAFE_NAME';
    const key = s.name.toLowerCase();
    if (names.has(key)) return 'E_CORRUPT';
    names.add(key);
    if (s.rows.length > EXCEL_MAX_ROWS) return 'E_ROW_LIMIT';
    for (const row of s.rows) if (row.length > EXCEL_MAX_COLS) return 'E_COL_LIMIT';
  }
  return null;
}
