/**
 * The workbook's worksheets as plain grids, straight from the inspected package's XML parts: the
 * sheet list and visibility from the workbook part, the shared strings and number formats its
 * relationships name, then each worksheet part (sheet-xml.ts). Chart sheets and macro sheets hold no
 * cells and are not listed, as Excel's Worksheets collection does not list them.
 */
import type { SheetGrid } from '../../domain/types';
import { readRels, sheetsOf, workbookPart, type Rel } from '../package/opc';
import { text, type Package } from '../package/zip-parts';
import { cellFormats } from './number-formats';
import { readSheetXml, type SheetContext } from './sheet-xml';
import { sharedStrings } from './string-items';
import { decodeEntities } from './xml-text';

const WORKSHEET_REL = /\/worksheet$/;

/** A package the reader cannot make sense of; the port reports it as E_CORRUPT. */
export class DamagedWorkbook extends Error {}

/** The shared strings and cell formats the workbook's sheets refer to. */
export function sheetContext(pkg: Package, rels: Rel[] = readRels(pkg, workbookPart(pkg))): SheetContext {
  const sst = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const styles = rels.find((r) => r.type.endsWith('/styles'));
  const sstXml = sst ? text(pkg, sst.part) : undefined;
  return {
    strings: sstXml ? sharedStrings(sstXml) : [],
    formats: cellFormats(styles ? text(pkg, styles.part) : undefined),
  };
}

/** Every worksheet of the package in workbook order (hidden ones marked). */
export function readWorksheets(pkg: Package): SheetGrid[] {
  const rels = readRels(pkg, workbookPart(pkg));
  const ctx = sheetContext(pkg, rels);
  const worksheets = new Set(rels.filter((r) => WORKSHEET_REL.test(r.type)).map((r) => r.id));
  const out: SheetGrid[] = [];
  const names = new Set<string>();
  for (const s of sheetsOf(pkg)) {
    // Excel's sheet names are unique regardless of case; a file with two alike is damaged
    // (Excel repairs it by renaming), and findings and highlights name sheets: refused.
    const key = s.name.toLowerCase();
    if (names.has(key)) throw new DamagedWorkbook('duplicate sheet name');
    names.add(key);
    if (!worksheets.has(s.relId)) continue;
    const xml = text(pkg, s.part);
    if (xml === undefined) continue; // listed but missing: nothing to read
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
