/**
 * Adding, replacing and removing the tool's own worksheets in a package: the <sheet> element in
 * workbook.xml, its relationship, its content-type override and the part itself. User sheets are
 * only ever looked up here, never changed.
 */
import { addOverride, addRel, CT, freeName, NS_R, relsName, removeOverride, removeRel, REL, sheetsOf, workbookPart, type SheetRef } from './opc';
import { attr, children, escapeXml, insertChild, root, splice } from './xml-scan';
import { removePart, setText, text, type Package } from './zip-parts';

/** The prefix the element `tag` (the root) binds to the relationships namespace, or null. */
export function relPrefix(rootTag: string): string | null {
  const re = /\sxmlns:([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rootTag))) if ((m[3] ?? m[4]) === NS_R) return m[1];
  return null;
}

/** `r:id="…"` for an element in a part whose root is `rootTag`, declaring the namespace locally when the root does not. */
export function relIdAttr(rootTag: string, id: string): string {
  const p = relPrefix(rootTag);
  return p ? `${p}:id="${id}"` : `xmlns:r="${NS_R}" r:id="${id}"`;
}

/** Writes a worksheet part for `name`: replaces an existing sheet of that name, else adds one at the end. */
export function putSheet(pkg: Package, name: string, sheetXml: string, state: 'visible' | 'veryHidden'): SheetRef {
  const existing = sheetsOf(pkg).find((s) => s.name === name);
  if (existing && existing.part) {
    setText(pkg, existing.part, sheetXml);
    // the old part's relationships (an exceljs-written tool sheet's comments…) no longer apply
    removePart(pkg, relsName(existing.part));
    return existing;
  }
  const wbPart = workbookPart(pkg);
  const part = freeName(pkg, 'xl/worksheets/sheet', '.xml');
  setText(pkg, part, sheetXml);
  addOverride(pkg, part, CT.worksheet);
  const relId = addRel(pkg, wbPart, REL.worksheet, part);
  const xml = text(pkg, wbPart) ?? '';
  const r = root(xml);
  const sheets = r ? children(xml, r).find((s) => s.local === 'sheets') : undefined;
  if (!r || !sheets) throw new Error('workbook.xml has no <sheets>');
  const sheetId = Math.max(0, ...sheetsOf(pkg).map((s) => s.sheetId)) + 1;
  const prefix = sheets.qname.includes(':') ? sheets.qname.slice(0, sheets.qname.indexOf(':') + 1) : '';
  const stateAttr = state === 'visible' ? '' : ` state="${state}"`;
  const el = `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} ${relIdAttr(r.tag, relId)}/>`;
  setText(pkg, wbPart, insertChild(xml, sheets, el, []));
  return { name, sheetId, relId, part, state };
}

/**
 * Removes a tool sheet the tool added, when it is the last sheet: a sheet's position is what
 * localSheetId in defined names counts, so removing an earlier one would shift the user's names.
 * Returns false (nothing removed) otherwise.
 */
export function removeLastSheet(pkg: Package, name: string): boolean {
  const all = sheetsOf(pkg);
  const last = all[all.length - 1];
  if (!last || last.name !== name || all.length < 2) return false;
  const wbPart = workbookPart(pkg);
  const xml = text(pkg, wbPart) ?? '';
  const r = root(xml);
  const sheets = r ? children(xml, r).find((s) => s.local === 'sheets') : undefined;
  const el = sheets ? children(xml, sheets).filter((s) => s.local === 'sheet').find((s) => attr(s.tag, 'name') === name) : undefined;
  if (!el) return false;
  setText(pkg, wbPart, splice(xml, el.start, el.end, ''));
  removeRel(pkg, wbPart, last.relId, false);
  removeOverride(pkg, last.part);
  removePart(pkg, last.part);
  removePart(pkg, relsName(last.part));
  return true;
}
