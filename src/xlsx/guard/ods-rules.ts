/**
 * What the inspector looks for in an OpenDocument spreadsheet's XML (content.xml of an .ods, or a
 * flat .fods), as XmlScan visitors keeping only counters: reserved table and range names (a table
 * named `__proto__` would become a key of SheetJS's sheet map), and the cells SheetJS will create.
 * OpenDocument compresses runs with `number-columns-repeated` / `number-rows-repeated`, and SheetJS
 * writes a cell that holds something once per repetition: a 300-byte file can ask for 10^10 cells.
 * Empty repeated cells (LibreOffice ends every sheet with a million of them) cost nothing and are
 * not counted. The manifest says whether the package is encrypted.
 */
import type { InputErrorCode } from './codes';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type InspectLimits } from './limits';
import { isUnsafeName } from './ooxml-rules';
import { attributes, type XmlVisitor } from './xml-scan';

/** A repetition count as SheetJS reads it (parseInt; anything else is 1). */
function repeat(v: string | undefined): number {
  const n = v === undefined ? 1 : parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

const CONTENT_TAGS = new Set(['style', 'table-properties', 'table', 'table-row', 'table-cell', 'covered-table-cell', 'named-range', 'named-expression']);

/** What the content scan learns beyond refusals: the tables a table style hides (SheetJS does not read it). */
export interface OdsFacts {
  hiddenTables: string[];
}

/**
 * Rows, columns, cells and merged areas of the spreadsheet's tables; reserved names. Covered cells
 * (under a merge) count too: SheetJS creates a placeholder for each when asked for placeholders,
 * which the reader needs to keep a formula whose result is empty text (see sheetjs/read.ts).
 */
export function odsContentVisitor(limits: InspectLimits, counts: { cells: number }, facts: OdsFacts = { hiddenTables: [] }): XmlVisitor {
  let row = 0;
  let rowRepeat = 1;
  let col = 0;
  let merged = 0;
  let tableStyle: string | null = null;
  const hiddenStyles = new Set<string>();
  return {
    tags: CONTENT_TAGS,
    onTag(local, text): InputErrorCode | null {
      const a = attributes(text);
      const empty = text.trimEnd().endsWith('/');
      if (local === 'style') {
        tableStyle = a.get('family') === 'table' ? (a.get('name') ?? null) : null;
        return null;
      }
      if (local === 'table-properties') {
        if (tableStyle !== null && a.get('display') === 'false') hiddenStyles.add(tableStyle);
        return null;
      }
      if (local === 'table' || local === 'named-range' || local === 'named-expression') {
        const name = a.get('name');
        if (name !== undefined && isUnsafeName(name)) return 'E_UNSAFE_NAME';
        if (local === 'table') {
          row = 0;
          merged = 0;
          const style = a.get('style-name');
          if (name !== undefined && style !== undefined && hiddenStyles.has(style)) facts.hiddenTables.push(name);
        }
        return null;
      }
      if (local === 'table-row') {
        rowRepeat = repeat(a.get('number-rows-repeated'));
        col = 0;
        if (empty) row += rowRepeat;
        return null;
      }
      const cols = repeat(a.get('number-columns-repeated'));
      const filled = local === 'covered-table-cell' || a.has('value-type') || !empty;
      if (filled) {
        if (row + rowRepeat > EXCEL_MAX_ROWS) return 'E_ROW_LIMIT';
        if (col + cols > EXCEL_MAX_COLS) return 'E_COL_LIMIT';
        counts.cells += rowRepeat * cols;
        if (counts.cells > limits.maxCells) return 'E_TOO_LARGE';
        const spanCols = repeat(a.get('number-columns-spanned'));
        const spanRows = repeat(a.get('number-rows-spanned'));
        if (spanCols > 1 || spanRows > 1) {
          merged += spanCols * spanRows;
          if (merged > limits.maxMergedCells) return 'E_RANGE_TOO_LARGE';
        }
      }
      col += cols;
      return null;
    },
    onClose(local) {
      if (local === 'table-row') {
        row += rowRepeat;
        rowRepeat = 1;
      }
    },
  };
}

/** Notes an `<manifest:encryption-data>` (a password-protected OpenDocument file). */
export function odsManifestVisitor(facts: { encrypted: boolean }): XmlVisitor {
  return {
    tags: new Set(['encryption-data']),
    onTag() {
      facts.encrypted = true;
      return null;
    },
  };
}
