/**
 * What the inspector looks for in a SpreadsheetML 2003 XML workbook ("XML 电子表格 2003", often
 * saved with an .xls name) before SheetJS parses it, as an XmlScan visitor keeping only counters:
 * reserved worksheet and range names, row and column bounds (`ss:Index` jumps), cells with data
 * against the cell limit, merged areas (`ss:MergeAcross` / `ss:MergeDown`).
 */
import type { InputErrorCode } from './codes';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type InspectLimits } from './limits';
import { isUnsafeName } from './ooxml-rules';
import { attributes, type XmlVisitor } from './xml-scan';

/** A positive decimal integer attribute, null when absent, NaN when malformed. */
function index(v: string | undefined): number | null {
  if (v === undefined) return null;
  return /^\s*[0-9]{1,16}\s*$/.test(v) ? Number(v) : NaN;
}

export function xml2003Visitor(limits: InspectLimits, counts: { cells: number }): XmlVisitor {
  let row = 0;
  let col = 0;
  let merged = 0;
  return {
    tags: new Set(['Worksheet', 'NamedRange', 'Row', 'Cell']),
    onTag(local, text): InputErrorCode | null {
      const a = attributes(text);
      if (local === 'Worksheet' || local === 'NamedRange') {
        const name = a.get('Name');
        if (name !== undefined && isUnsafeName(name)) return 'E_UNSAFE_NAME';
        if (local === 'Worksheet') {
          row = 0;
          merged = 0;
        }
        return null;
      }
      if (local === 'Row') {
        const i = index(a.get('Index'));
        if (Number.isNaN(i) || i === 0) return 'E_BAD_REF';
        row = i ?? row + 1;
        col = 0;
        return row > EXCEL_MAX_ROWS ? 'E_ROW_LIMIT' : null;
      }
      const i = index(a.get('Index'));
      if (Number.isNaN(i) || i === 0) return 'E_BAD_REF';
      col = i ?? col + 1;
      const across = index(a.get('MergeAcross')) ?? 0;
      const down = index(a.get('MergeDown')) ?? 0;
      if (Number.isNaN(across) || Number.isNaN(down)) return 'E_BAD_REF';
      if (col + across > EXCEL_MAX_COLS) return 'E_COL_LIMIT';
      if (Math.max(row, 1) + down > EXCEL_MAX_ROWS) return 'E_ROW_LIMIT';
      if (across > 0 || down > 0) {
        merged += (across + 1) * (down + 1);
        if (merged > limits.maxMergedCells) return 'E_RANGE_TOO_LARGE';
      }
      if (!text.trimEnd().endsWith('/') && ++counts.cells > limits.maxCells) return 'E_TOO_LARGE';
      col += across;
      return null;
    },
  };
}
