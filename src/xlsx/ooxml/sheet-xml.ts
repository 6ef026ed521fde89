/**
 * One worksheet part → SheetGrid (src/domain/types.ts), read the way Excel shows the sheet: each
 * cell's value, or for a formula its text and cached result (none when the file was never
 * calculated, "" when the result is empty text), its number format unless General, merged ranges
 * (a value sits in the range's top-left cell; anything written under the rest of a merge is hidden in
 * Excel and left out here), and whether the sheet is protected. A blank cell is no cell, even
 * formatted. A date stays a serial number (of the 1900 date system, a 1904 workbook's shifted) with
 * its date format, as the Office.js port hands it over (src/excel/cell-map.ts); a t="d" cell (ISO
 * text) becomes a date value. Tolerant: what it cannot read it leaves blank; the inspector has already
 * bounded rows, columns, cells and merges, and refused what would be dangerous to read.
 */
import { parseA1 } from '../../domain/a1';
import type { Cell, ScalarValue, SheetGrid } from '../../domain/types';
import { to1900 } from '../grid/dates';
import { blankUnderMerges } from '../grid/merges';
import { slideFormula } from './shared-formula';
import { itemText } from './string-items';
import { attrOf, contentEnd, eachAttr, nextTag, type Tag } from './tags';
import { charData } from './xml-text';

export interface SheetContext {
  /** the shared-string table */
  strings: readonly string[];
  /** number format code by cell style index (undefined: General) */
  formats: readonly (string | undefined)[];
  /** the workbook counts dates in the 1904 system (workbookPr date1904) */
  date1904?: boolean;
}

/** A decimal as SpreadsheetML writes numbers (xsd:double without INF/NaN). */
const NUMBER = /^\s*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\s*$/;

/** A Date as ISO 8601: the date alone when it has no time of day. */
export function dateToIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A t="d" cell's ISO 8601 text as the domain's date value; a time without zone is read as UTC. */
function isoDate(text: string): ScalarValue {
  const s = text.trim();
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes('T') ? s : s + 'Z');
  const iso = dateToIso(d);
  return iso === '' ? s : { date: iso };
}

function numberOf(text: string): ScalarValue {
  if (!NUMBER.test(text)) return text; // not a number Excel would write: kept as the text it is
  const n = Number(text);
  return Number.isFinite(n) ? n : { error: '#NUM!' };
}

/** The cached value of a cell by its type attribute; undefined when the cell holds none. */
function valueOf(type: string | undefined, v: string | undefined, inline: string | undefined, ctx: SheetContext): ScalarValue | undefined {
  switch (type) {
    case 'inlineStr':
      return inline ?? (v === undefined ? undefined : v);
    case 's': {
      if (v === undefined || v.trim() === '') return undefined;
      const s = ctx.strings[Number(v)];
      return s ?? '';
    }
    case 'str':
      return v;
    case 'b':
      return v === undefined ? undefined : v.trim() === '1' || v.trim() === 'true';
    case 'e':
      return v === undefined ? undefined : { error: v.trim() };
    case 'd':
      return v === undefined || v.trim() === '' ? undefined : isoDate(v);
    default:
      return v === undefined || v.trim() === '' ? undefined : numberOf(v);
  }
}

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

export function readSheetXml(xml: string, name: string, ctx: SheetContext): SheetGrid {
  const len = xml.length;
  const rows: (Cell | undefined)[][] = [];
  const merges: string[] = [];
  const shared = new Map<string, SharedMaster>();
  let isProtected = false;
  let row = 0;
  let col = 0;

  /** Reads the cell whose start tag is `open`; returns the offset after it. */
  const readCell = (open: Tag): number => {
    let ref: string | undefined;
    let type: string | undefined;
    let style = 0;
    eachAttr(xml, open, (local, vs, ve) => {
      if (local === 'r') ref = xml.slice(vs, ve);
      else if (local === 't') type = xml.slice(vs, ve);
      else if (local === 's') style = Number(xml.slice(vs, ve));
      return false;
    });
    // the inspector has refused malformed and out-of-bounds references (zip-inspect-rules.ts parseRef)
    const at = ref === undefined ? null : parseA1(ref);
    if (at) {
      row = at.row + 1;
      col = at.col + 1;
    } else col++;
    let v: string | undefined;
    let inline: string | undefined;
    let formula: string | undefined;
    let after = open.end;
    if (!open.empty) {
      // the children (<f>, <v>, <is>) up to </c>; <f> and <v> hold text only
      let t = nextTag(xml, open.end, len);
      while (t && !(t.close && t.local === 'c')) {
        if (t.close) {
          t = nextTag(xml, t.end, len);
          continue;
        }
        const stop = t.local === 'is' ? contentEnd(xml, t, len) : t.empty ? t.end : (nextTag(xml, t.end, len)?.start ?? len);
        if (t.local === 'v') v = t.empty ? '' : charData(xml, t.end, stop);
        else if (t.local === 'is') inline = t.empty ? '' : itemText(xml, t.end, stop);
        else if (t.local === 'f') formula = formulaOf(t, t.empty ? '' : charData(xml, t.end, stop));
        t = nextTag(xml, stop, len);
        if (t && t.close && t.local !== 'c') t = nextTag(xml, t.end, len);
      }
      after = t ? t.end : len;
    }
    const fmt = ctx.formats[style];
    const value = valueOf(type, v, inline, ctx);
    let cell: Cell | undefined;
    if (formula !== undefined) cell = value === undefined ? { v: null, f: formula, noResult: true } : { v: value, f: formula };
    // a blank cell is no cell, formatted or not (as the Office.js port reads it, src/excel/cell-map.ts)
    else if (value !== undefined && value !== null) cell = { v: value };
    if (!cell) return after;
    if (fmt) cell.fmt = fmt;
    if (ctx.date1904) to1900(cell);
    (rows[row - 1] ??= [])[col - 1] = cell;
    return after;
  };

  const formulaOf = (f: Tag, text: string): string => {
    if (attrOf(xml, f, 't') !== 'shared') return text;
    const si = attrOf(xml, f, 'si') ?? '';
    if (text !== '' || !shared.has(si)) {
      if (text !== '') shared.set(si, { formula: text, row, col });
      return text;
    }
    const m = shared.get(si);
    return m ? slideFormula(m.formula, row - m.row, col - m.col) : '';
  };

  let t = nextTag(xml, 0, len);
  while (t) {
    if (t.close) {
      t = nextTag(xml, t.end, len);
      continue;
    }
    switch (t.local) {
      case 'row': {
        const r = Number(attrOf(xml, t, 'r'));
        row = Number.isInteger(r) && r >= 1 ? r : row + 1;
        col = 0;
        break;
      }
      case 'c':
        t = nextTag(xml, readCell(t), len);
        continue;
      case 'mergeCell': {
        const ref = attrOf(xml, t, 'ref');
        if (ref) merges.push(ref);
        break;
      }
      case 'sheetProtection': {
        const s = attrOf(xml, t, 'sheet');
        isProtected = s === '1' || s === 'true';
        break;
      }
      case 'extLst':
      case 'dataValidations':
      case 'conditionalFormatting':
        // nothing the grid holds, and possibly long: skipped whole
        t = nextTag(xml, contentEnd(xml, t, len), len);
        continue;
    }
    t = nextTag(xml, t.end, len);
  }
  blankUnderMerges(rows, merges);
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const grid: SheetGrid = { name, rows, merges };
  if (isProtected) grid.protected = true;
  return grid;
}
