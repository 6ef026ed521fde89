/**
 * The workbook's worksheets as plain grids, straight from the inspected package's XML parts: the
 * sheet list and visibility from the workbook part, the shared strings, number formats and date
 * system, then each worksheet part its relationship names (sheet-xml.ts), whatever the part is
 * called. Chart sheets and macro sheets hold no cells and are not listed, as Excel's Worksheets
 * collection does not list them; a listed sheet that cannot be found makes the workbook damaged
 * (reading on would drop a zone's report without a word).
 */
import type { SheetGrid } from '../../domain/types';
import type { InputErrorCode } from '../guard/codes';
import { readRels, sheetsOf, workbookPart, type Rel } from '../package/opc';
import { text, type Package } from '../package/zip-parts';
import { cellFormats } from './number-formats';
import { readSheetXml, type SheetContext } from './sheet-xml';
import { sharedStrings } from './string-items';
import { attrOf, nextTag } from './tags';
import { decodeEntities } from './xml-text';

const WORKSHEET_REL = /\/worksheet$/;
/** Sheets of the workbook that hold no cells (chart sheets, dialog sheets, Excel 4 macro sheets). */
const CELL_LESS_REL = /\/(chartsheet|dialogsheet|macrosheet|xlMacrosheet|xlIntlMacrosheet)$/;

/** A package the reader cannot make sense of: the port reports its code. */
export class DamagedWorkbook extends Error {
  constructor(readonly code: InputErrorCode = 'E_CORRUPT') {
    super(code);
  }
}

/** True when the workbook part says dates count from 1904 (<workbookPr date1904="1"/>). */
export function uses1904(pkg: Package): boolean {
  const xml = text(pkg, workbookPart(pkg));
  if (!xml) return false;
  for (let t = nextTag(xml, 0, xml.length); t; t = nextTag(xml, t.end, xml.length)) {
    if (t.close) continue;
    if (t.local === 'workbookPr') {
      const v = attrOf(xml, t, 'date1904');
      return v === '1' || v === 'true';
    }
    if (t.local === 'sheets') return false; // workbookPr comes before the sheet list
  }
  return false;
}

/** The shared strings, cell formats and date system the workbook's sheets refer to. */
export function sheetContext(pkg: Package, rels: Rel[] = readRels(pkg, workbookPart(pkg))): SheetContext {
  const sst = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const styles = rels.find((r) => r.type.endsWith('/styles'));
  const sstXml = sst ? text(pkg, sst.part) : undefined;
  return {
    strings: sstXml ? sharedStrings(sstXml) : [],
    formats: cellFormats(styles ? text(pkg, styles.part) : undefined),
    date1904: uses1904(pkg),
  };
}

/** Every worksheet of the package in workbook order (hidden ones marked). */
export function readWorksheets(pkg: Package): SheetGrid[] {
  const rels = readRels(pkg, workbookPart(pkg));
  const ctx = sheetContext(pkg, rels);
  const types = new Map(rels.map((r) => [r.id, r.type]));
  const out: SheetGrid[] = [];
  const names = new Set<string>();
  for (const s of sheetsOf(pkg)) {
    // Excel's sheet names are unique regardless of case; a file with two alike is damaged
    // (Excel repairs it by renaming), and findings and highlights name sheets: refused.
    const key = s.name.toLowerCase();
    if (names.has(key)) throw new DamagedWorkbook('E_CORRUPT');
    names.add(key);
    const type = types.get(s.relId) ?? '';
    if (CELL_LESS_REL.test(type)) continue;
    // listed, but no worksheet relationship or no part: the sheet's cells are lost to every reader
    const xml = WORKSHEET_REL.test(type) ? text(pkg, s.part) : undefined;
    if (xml === undefined) throw new DamagedWorkbook('E_SHEET_MISSING');
    const grid = readSheetXml(xml, s.name, ctx);
    if (s.state === 'hidden' || s.state === 'veryHidden') grid.hidden = true;
    out.push(grid);
  }
  return out;
}

/** The creator recorded in the package's core properties (docProps/core.xml), or null. */
export function creatorOf(pkg: Package): string | null {
  const rel = readRels(pkg, '').find((r) => r.type.endsWith('/metadata/core-properties'));
  const xml = text(pkg, rel?.part ?? 'docProps/core.xml');
  const m = xml ? /<(?:[\w.-]+:)?creator(?:\s[^>]*)?>([^<]*)<\//.exec(xml) : null;
  return m ? decodeEntities(m[1]).trim() : null;
}
