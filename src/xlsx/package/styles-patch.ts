/**
 * Edits of styles.xml by appending only: the highlight dxfs (differential formats the tool's
 * conditional formats point at) and the cell formats of the tool's own sheets (fonts, fills,
 * number formats, cellXfs). Existing entries keep their indexes, so no user cell's style index
 * changes meaning. The highlight dxfs are appended last and removed again from the end on clearing.
 */
import { STYLES, type StyleKey } from '../../domain/output/sheet-model';
import { readRels, REL, workbookPart } from './opc';
import { attr, child, children, escapeXml, insertChild, root, setAttr, splice, type Span } from './xml-scan';
import { setText, text, type Package } from './zip-parts';

export type Level = 'error' | 'warning' | 'info';

/** styleSheet children in schema order (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const after = (name: string): string[] => ORDER.slice(ORDER.indexOf(name) + 1);

export function stylesPart(pkg: Package): string {
  const wb = workbookPart(pkg);
  return readRels(pkg, wb).find((r) => r.type === REL.styles)?.part ?? 'xl/styles.xml';
}

function argb(hex: string): string {
  return 'FF' + hex.toUpperCase();
}

/** The dxf of a highlight level: the font colour and solid fill of STYLES. */
export function levelDxf(level: Level): string {
  const s = STYLES[level];
  const font = s.font ? `<font><color rgb="${argb(s.font)}"/></font>` : '';
  // in a dxf, a solid pattern's colour is its bgColor; fgColor is set too for older readers
  const fill = s.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>` : '';
  return `<dxf>${font}${fill}</dxf>`;
}

interface Sheet {
  xml: string;
  root: Span;
}

function load(pkg: Package): Sheet & { name: string } {
  const name = stylesPart(pkg);
  const xml = text(pkg, name);
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) throw new Error('package has no styles part');
  return { name, xml, root: r };
}

/** Appends `items` to the collection `coll` (creating it in schema order), updating its count; returns the first new index. */
function append(s: Sheet, coll: string, items: string[]): { xml: string; first: number } {
  let xml = s.xml;
  let r = s.root;
  let c = child(xml, r, coll);
  const prefix = r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
  if (!c) {
    xml = insertChild(xml, r, `<${prefix}${coll} count="0"/>`, after(coll));
    r = root(xml) ?? r;
    c = child(xml, r, coll);
    if (!c) throw new Error(`could not create <${coll}>`);
  }
  const first = children(xml, c).length;
  const withPrefix = prefix ? items.map((i) => i.replace(/<(\/?)(\w)/g, `<$1${prefix}$2`)) : items;
  xml = insertChild(xml, c, withPrefix.join(''), []);
  r = root(xml) ?? r;
  const c2 = child(xml, r, coll);
  if (c2) xml = splice(xml, c2.start, c2.openEnd, setAttr(c2.tag, 'count', String(first + items.length)));
  return { xml, first };
}

/** Whether styles.xml has a <dxfs> element (else the tool creates it, and removes it again on clearing). */
export function hasDxfs(pkg: Package): boolean {
  const s = load(pkg);
  return child(s.xml, s.root, 'dxfs') !== undefined;
}

/** Appends one dxf per level; returns their ids. */
export function addLevelDxfs(pkg: Package, levels: Level[]): Map<Level, number> {
  const s = load(pkg);
  const { xml, first } = append(s, 'dxfs', levels.map(levelDxf));
  setText(pkg, s.name, xml);
  return new Map(levels.map((l, i) => [l, first + i]));
}

/** Every dxfId referenced by any part other than styles.xml (sheets' rules, table and pivot styles). */
function referencedDxfIds(pkg: Package, stylesName: string): Set<number> {
  const out = new Set<number>();
  for (const name of pkg.names) {
    if (name.toLowerCase() === stylesName.toLowerCase() || !/\.xml$/i.test(name)) continue;
    for (const m of (text(pkg, name) ?? '').matchAll(/\bdxfId\s*=\s*["'](\d+)["']/g)) out.add(Number(m[1]));
  }
  return out;
}

/**
 * Removes the tool's dxfs `ids` from the end of <dxfs>, as long as the last one is the tool's and no
 * part still refers to it (table styles inside styles.xml refer to dxfs too: those are checked as well).
 * A <dxfs> emptied this way is removed when the tool created it (`dropIfEmpty`), else written back
 * self-closed, as Excel writes an empty one.
 */
export function removeTrailingDxfs(pkg: Package, ids: Set<number>, dropIfEmpty: boolean): void {
  const s = load(pkg);
  const dxfs = child(s.xml, s.root, 'dxfs');
  if (!dxfs || ids.size === 0) return;
  const kids = children(s.xml, dxfs);
  const used = referencedDxfIds(pkg, s.name);
  const tableStyles = child(s.xml, s.root, 'tableStyles');
  if (tableStyles) for (const m of s.xml.slice(tableStyles.start, tableStyles.end).matchAll(/\bdxfId\s*=\s*["'](\d+)["']/g)) used.add(Number(m[1]));
  let n = kids.length;
  while (n > 0 && ids.has(n - 1) && !used.has(n - 1)) n--;
  if (n === kids.length) return;
  let tag = setAttr(dxfs.tag, 'count', String(n));
  let body = s.xml.slice(dxfs.openEnd, n > 0 ? kids[n - 1].end : dxfs.openEnd) + (n > 0 ? s.xml.slice(kids[kids.length - 1].end, dxfs.closeStart) : '');
  if (n === 0 && dropIfEmpty) {
    setText(pkg, s.name, splice(s.xml, dxfs.start, dxfs.end, ''));
    return;
  }
  if (n === 0) {
    tag = tag.replace(/\s*>$/, '/>');
    body = '';
  }
  const close = n === 0 ? '' : s.xml.slice(dxfs.closeStart, dxfs.end);
  setText(pkg, s.name, splice(s.xml, dxfs.start, dxfs.end, tag + body + close));
}

/** What a tool-sheet cell needs from styles.xml. */
export interface CellStyleSpec {
  style?: StyleKey;
  fmt?: string;
  align?: { horizontal?: string; vertical?: string; wrap?: boolean };
}

export function specKey(s: CellStyleSpec): string {
  return JSON.stringify([s.style ?? '', s.fmt ?? '', s.align?.horizontal ?? '', s.align?.vertical ?? '', s.align?.wrap ?? false]);
}

const BUILTIN_FMTS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/**
 * Appends the cell formats of the tool's sheets; returns the cellXfs index of each spec (by specKey).
 * Fonts name the workbook's first font's face is not known here: Calibri 11 as exceljs wrote it.
 */
export function addCellStyles(pkg: Package, specs: CellStyleSpec[]): Map<string, number> {
  if (specs.length === 0) return new Map();
  const s = load(pkg);
  let xml = s.xml;
  const reload = (): Sheet => ({ xml, root: root(xml) ?? s.root });
  // number formats: reuse builtins and existing custom codes, else append ids from 164 up
  const fmtIds = new Map<string, number>();
  const numFmts = child(xml, s.root, 'numFmts');
  let nextId = 164;
  for (const nf of numFmts ? children(xml, numFmts) : []) {
    const id = Number(attr(nf.tag, 'numFmtId'));
    const code = attr(nf.tag, 'formatCode');
    if (code !== undefined) fmtIds.set(code, id);
    nextId = Math.max(nextId, id + 1);
  }
  const newFmts: string[] = [];
  for (const sp of specs) {
    if (!sp.fmt || sp.fmt in BUILTIN_FMTS || fmtIds.has(sp.fmt)) continue;
    fmtIds.set(sp.fmt, nextId);
    newFmts.push(`<numFmt numFmtId="${nextId}" formatCode="${escapeXml(sp.fmt)}"/>`);
    nextId++;
  }
  if (newFmts.length > 0) xml = append(reload(), 'numFmts', newFmts).xml;
  const keys = [...new Set(specs.map((sp) => sp.style ?? ''))];
  const fonts: string[] = [];
  const fills: string[] = [];
  for (const k of keys) {
    const st = k ? STYLES[k as StyleKey] : {};
    fonts.push(`<font>${st.bold ? '<b/>' : ''}<sz val="${st.size ?? 11}"/>${st.font ? `<color rgb="${argb(st.font)}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`);
    fills.push(st.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(st.fill)}"/><bgColor rgb="${argb(st.fill)}"/></patternFill></fill>` : '<fill><patternFill patternType="none"/></fill>');
  }
  const f1 = append(reload(), 'fonts', fonts);
  xml = f1.xml;
  const f2 = append(reload(), 'fills', fills);
  xml = f2.xml;
  const fontOf = new Map(keys.map((k, i) => [k, f1.first + i]));
  const fillOf = new Map(keys.map((k, i) => [k, f2.first + i]));
  const unique = new Map<string, CellStyleSpec>();
  for (const sp of specs) unique.set(specKey(sp), sp);
  const xfs: string[] = [];
  for (const sp of unique.values()) {
    const numFmtId = sp.fmt ? (BUILTIN_FMTS[sp.fmt] ?? fmtIds.get(sp.fmt) ?? 0) : 0;
    const a = sp.align;
    const align = a
      ? `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    xfs.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontOf.get(sp.style ?? '') ?? 0}" fillId="${fillOf.get(sp.style ?? '') ?? 0}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"${align ? ' applyAlignment="1">' + align + '</xf>' : '/>'}`,
    );
  }
  const x = append(reload(), 'cellXfs', xfs);
  xml = x.xml;
  setText(pkg, s.name, xml);
  return new Map([...unique.keys()].map((k, i) => [k, x.first + i]));
}
