/**
 * What the inspector looks for inside an .xlsx's XML parts, as XmlScan visitors: row and column
 * bounds and the ranges a reader would walk cell by cell (worksheets, comments, tables), and reserved
 * names that reach Object.prototype wherever a name becomes an object key (workbook). Each visitor
 * keeps only counters. The rules were written against exceljs, which read .xlsx files before the
 * project's reader did (the measurements below are its); each still bounds the reader.
 */
import { columnNumber } from '../../domain/a1';
import type { InputErrorCode } from './codes';
import { EXCEL_MAX_COLS, EXCEL_MAX_ROWS, type InspectLimits } from './limits';
import { attributes, decodeEntities, type XmlVisitor } from './xml-scan';

interface Ref {
  row: number;
  col: number;
}

/** "AB12" / "$AB$12" → position (1-based), or the code saying why it is out of bounds or invalid. */
export function parseRef(s: string): Ref | InputErrorCode {
  const m = /^\$?([A-Za-z]{1,12})\$?([0-9]{1,16})$/.exec(s);
  if (!m) return 'E_BAD_REF';
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1) return 'E_BAD_REF';
  if (row > EXCEL_MAX_ROWS) return 'E_ROW_LIMIT';
  if (col > EXCEL_MAX_COLS) return 'E_COL_LIMIT';
  return { row, col };
}

/** Cells covered by "A1:B2 D4" (space-separated refs or ranges), or the code for a bad ref. */
export function rangeArea(sqref: string): number | InputErrorCode {
  let area = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    if (part === '') continue;
    const [a, b, extra] = part.split(':');
    if (extra !== undefined) return 'E_BAD_REF';
    const p = parseRef(a);
    if (typeof p === 'string') return p;
    const q = b === undefined ? p : parseRef(b);
    if (typeof q === 'string') return q;
    area += (Math.abs(q.row - p.row) + 1) * (Math.abs(q.col - p.col) + 1);
  }
  return area;
}

/** A non-negative decimal integer attribute, or null when absent; NaN when malformed. */
function intAttr(v: string | undefined): number | null {
  if (v === undefined) return null;
  return /^\s*[0-9]{1,16}\s*$/.test(v) ? Number(v) : NaN;
}

// Data validations are not bounded: the reader (src/xlsx/ooxml/) never expands their ranges, and a
// whole-column dropdown (C1:C1048576, or C:C) is what real templates hold.
const SHEET_TAGS = new Set(['row', 'c', 'col', 'mergeCell', 'hyperlink', 'conditionalFormatting', 'dimension', 'selection']);

/**
 * Bounds of a worksheet part: rows, cells, column ranges, and the area of merged ranges (the grid's
 * merge rule visits the cells under each). Measured with exceljs 4.4.0, the reader then: a
 * conditional format on A1:XFD1048576, a hyperlink or an autoFilter on it load in ~25 ms like an
 * empty sheet (their refs are only bounded here); a merge over C1:C1048576 took 3.3 s and 712 MB.
 */
export function worksheetVisitor(limits: InspectLimits, counts: { cells: number }): XmlVisitor {
  let rows = 0;
  let row = 0;
  let col = 0;
  let merged = 0;

  const onRow = (rText: string | undefined): InputErrorCode | null => {
    const r = intAttr(rText);
    if (r !== null && (Number.isNaN(r) || r < 1)) return 'E_BAD_REF';
    row = r ?? row + 1; // a row without r follows the previous one
    col = 0;
    return row > EXCEL_MAX_ROWS || ++rows > EXCEL_MAX_ROWS ? 'E_ROW_LIMIT' : null;
  };

  const onCell = (rText: string | undefined): InputErrorCode | null => {
    if (++counts.cells > limits.maxCells) return 'E_TOO_LARGE';
    if (rText === undefined) col++; // a cell without r follows the previous one
    else {
      const p = parseRef(rText);
      if (typeof p === 'string') return p;
      col = p.col;
    }
    return col > EXCEL_MAX_COLS ? 'E_COL_LIMIT' : null;
  };

  const onOther = (local: string, a: Map<string, string>): InputErrorCode | null => {
    if (local === 'col') {
      for (const key of ['min', 'max']) {
        const v = intAttr(a.get(key));
        if (v === null) continue;
        if (Number.isNaN(v)) return 'E_BAD_REF';
        if (v > EXCEL_MAX_COLS) return 'E_COL_LIMIT';
      }
      return null;
    }
    if (local === 'mergeCell') {
      const ref = a.get('ref');
      if (ref === undefined) return null;
      const area = rangeArea(ref);
      if (typeof area === 'string') return area;
      merged += area;
      return merged > limits.maxMergedCells ? 'E_RANGE_TOO_LARGE' : null;
    }
    // hyperlink, conditionalFormatting, dimension, selection: bounds only
    for (const key of ['ref', 'sqref', 'activeCell']) {
      const ref = a.get(key);
      if (ref === undefined) continue;
      const area = rangeArea(ref);
      if (typeof area === 'string') return area;
    }
    return null;
  };

  return {
    tags: SHEET_TAGS,
    onTag(local, text) {
      if (local === 'row') return onRow(rAttr(text));
      if (local === 'c') return onCell(rAttr(text));
      return onOther(local, attributes(text));
    },
    onTagBytes(local, tag, len) {
      // row and c are millions of tags in a big sheet: read their r from the bytes, no strings
      if (local !== 'row' && local !== 'c') return undefined;
      const v = rValueRange(tag, len);
      if (v === null) return local === 'row' ? onRow(undefined) : onCell(undefined);
      if (v === undefined) return undefined; // unusual syntax (entities…): the general path decides
      return local === 'row' ? onRow(asciiOf(tag, v[0], v[1])) : onCell(asciiOf(tag, v[0], v[1]));
    },
  };
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Where the value of attribute `r` lies in a tag's bytes: [start, end), null when the tag has no r,
 * undefined when the value holds anything but letters, digits and '$' (left to the general path).
 */
function rValueRange(t: Uint8Array, len: number): [number, number] | null | undefined {
  let i = 0;
  while (i < len && !isSpace(t[i]) && t[i] !== 0x2f) i++; // skip the tag name
  for (;;) {
    while (i < len && (isSpace(t[i]) || t[i] === 0x2f)) i++;
    if (i >= len) return null;
    const nameStart = i;
    while (i < len && t[i] !== 0x3d && !isSpace(t[i])) i++;
    const isR = i - nameStart === 1 && t[nameStart] === 0x72;
    while (i < len && isSpace(t[i])) i++;
    if (t[i] !== 0x3d) return undefined;
    i++;
    while (i < len && isSpace(t[i])) i++;
    const q = t[i];
    if (q !== 0x22 && q !== 0x27) return undefined;
    const vs = ++i;
    while (i < len && t[i] !== q) i++;
    if (i >= len) return undefined;
    if (isR) {
      for (let k = vs; k < i; k++) {
        const c = t[k];
        const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x24;
        if (!ok) return undefined;
      }
      return [vs, i];
    }
    i++;
  }
}

/** ASCII bytes (already checked) as a string; values of r are a few characters long. */
function asciiOf(t: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to && k - from < 40; k++) s += String.fromCharCode(t[k]);
  return to - from > 40 ? s + '0' : s; // an over-long value stays over-long (and so out of bounds)
}

/** The r attribute of a row or c tag (values of r never hold entities in practice; decoded anyway). */
function rAttr(tag: string): string | undefined {
  const m = /\sr\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

/** Comments and tables address cells too: bounded like cells (exceljs created the cells they name). */
export function refVisitor(): XmlVisitor {
  return {
    tags: new Set(['comment', 'table', 'autoFilter']),
    onTag(_local, text) {
      const ref = attributes(text).get('ref');
      if (ref === undefined) return null;
      const area = rangeArea(ref);
      return typeof area === 'string' ? area : null;
    },
  };
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** True for a name that, used as an object key, reaches Object.prototype or a constructor. */
export function isUnsafeName(name: string): boolean {
  let n = name.trim();
  if (n.length >= 2 && n.startsWith("'") && n.endsWith("'")) n = n.slice(1, -1).replace(/''/g, "'");
  return RESERVED.has(n.trim().toLowerCase());
}

/** Sheet names a formula text refers to: 'a b'!A1 and Sheet1!A1 forms. */
export function referencedSheets(formula: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^']|'')+)'!|([^\s!,()'=+\-*/&^<>:;{}"]+)!/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) {
    out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  }
  return out;
}

export interface WorkbookFacts {
  sheetNames: string[];
  sheetIds: Set<number>;
}

/**
 * Excel numbers sheets 1, 2, 3… (gaps after deletions); far beyond this, a repeated id or a
 * non-number is not a real workbook (found by fuzzing exceljs, which read .xlsx files then and stored
 * sheets in an array indexed by sheetId: id 2147483648 hung it, and a bad id dropped a sheet silently;
 * the rule stays, a damaged file is not guessed at).
 */
const MAX_SHEET_ID = 100_000;

/** Sheet names, ids and defined names of the workbook part; refuses reserved names and bad ids. */
export function workbookVisitor(facts: WorkbookFacts): XmlVisitor {
  let inDefinedName = false;
  return {
    tags: new Set(['sheet', 'definedName']),
    onTag(local, text) {
      const a = attributes(text);
      const name = a.get('name');
      if (name !== undefined && isUnsafeName(name)) return 'E_UNSAFE_NAME';
      if (local === 'sheet') {
        const id = a.get('sheetId') ?? '';
        const n = /^[0-9]{1,6}$/.test(id) ? Number(id) : NaN;
        if (!(n >= 1 && n <= MAX_SHEET_ID) || facts.sheetIds.has(n)) return 'E_CORRUPT';
        facts.sheetIds.add(n);
        facts.sheetNames.push(name ?? '');
      } else inDefinedName = !text.trimEnd().endsWith('/');
      return null;
    },
    onClose(local) {
      if (local === 'definedName') inDefinedName = false;
    },
    onText(raw) {
      if (!inDefinedName) return null;
      return referencedSheets(decodeEntities(raw)).some(isUnsafeName) ? 'E_UNSAFE_NAME' : null;
    },
  };
}
