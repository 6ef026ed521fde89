/**
 * Open Packaging Conventions plumbing for the patch: relationships parts, [Content_Types].xml and
 * the workbook's sheet list (name → part). Every edit inserts or removes one element's text, so an
 * add followed by a remove gives back the original bytes.
 */
import { attr, children, escapeXml, insertChild, root, splice } from './xml-scan';
import { removePart, setText, text, type Package } from './zip-parts';

export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
} as const;
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

export interface Rel {
  id: string;
  type: string;
  /** the target resolved to a part name ("xl/worksheets/sheet1.xml"); external targets as written */
  part: string;
  external: boolean;
}

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsName(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/**
 * A relationship target resolved against its source part ('/' = package root). A backslash is read
 * as '/': some generators write Windows paths (`worksheets\sheet1.xml`), and Excel reads them.
 */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const raw = t.startsWith('/') ? t.slice(1) : dirOf(source) + t;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  try {
    return decodeURI(out.join('/'));
  } catch {
    return out.join('/'); // a stray '%' is a character of the name, not an escape
  }
}

/** A target for `part` relative to `source`'s folder. */
export function relativeTarget(source: string, part: string): string {
  const from = dirOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function readRels(pkg: Package, source: string): Rel[] {
  const xml = text(pkg, relsName(source));
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) return [];
  return children(xml, r)
    .filter((s) => s.local === 'Relationship')
    .map((s) => {
      const external = attr(s.tag, 'TargetMode') === 'External';
      const target = attr(s.tag, 'Target') ?? '';
      return { id: attr(s.tag, 'Id') ?? '', type: attr(s.tag, 'Type') ?? '', part: external ? target : resolveTarget(source, target), external };
    });
}

/** Adds a relationship from `source` to `part`; returns its new id. Creates the .rels part if needed. */
export function addRel(pkg: Package, source: string, type: string, part: string): string {
  const name = relsName(source);
  let xml = text(pkg, name);
  if (xml === undefined) {
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  }
  const used = new Set(readRels(pkg, source).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const r = root(xml);
  if (!r) throw new Error(`${name} has no root element`);
  const prefix = r.qname.includes(':') ? r.qname.slice(0, r.qname.indexOf(':') + 1) : '';
  xml = insertChild(xml, r, `<${prefix}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(source, part))}"/>`, []);
  setText(pkg, name, xml);
  return id;
}

/** Removes relationship `id` of `source`; removes the .rels part when it was the last one. */
export function removeRel(pkg: Package, source: string, id: string, dropEmpty: boolean): void {
  const name = relsName(source);
  const xml = text(pkg, name);
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) return;
  const kids = children(xml, r);
  const hit = kids.find((s) => s.local === 'Relationship' && attr(s.tag, 'Id') === id);
  if (!hit) return;
  if (dropEmpty && kids.filter((s) => s.local === 'Relationship').length === 1) removePart(pkg, name);
  else setText(pkg, name, splice(xml, hit.start, hit.end, ''));
}

const CT_NAME = '[Content_Types].xml';

/** Adds an Override for a new part. */
export function addOverride(pkg: Package, part: string, contentType: string): void {
  const xml = text(pkg, CT_NAME);
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) throw new Error('package has no [Content_Types].xml');
  setText(pkg, CT_NAME, insertChild(xml, r, `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`, []));
}

export function removeOverride(pkg: Package, part: string): void {
  const xml = text(pkg, CT_NAME);
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) return;
  const hit = children(xml, r).find((s) => s.local === 'Override' && (attr(s.tag, 'PartName') ?? '').toLowerCase() === `/${part}`.toLowerCase());
  if (hit) setText(pkg, CT_NAME, splice(xml, hit.start, hit.end, ''));
}

/** Ensures a Default for an extension (e.g. vml); returns false when it was already there. */
export function ensureDefault(pkg: Package, ext: string, contentType: string): boolean {
  const xml = text(pkg, CT_NAME);
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) throw new Error('package has no [Content_Types].xml');
  const kids = children(xml, r);
  if (kids.some((s) => s.local === 'Default' && (attr(s.tag, 'Extension') ?? '').toLowerCase() === ext)) return false;
  const firstOverride = kids.find((s) => s.local === 'Override');
  const el = `<Default Extension="${ext}" ContentType="${contentType}"/>`;
  setText(pkg, CT_NAME, firstOverride ? splice(xml, firstOverride.start, firstOverride.start, el) : insertChild(xml, r, el, []));
  return true;
}

export function removeDefault(pkg: Package, ext: string): void {
  const xml = text(pkg, CT_NAME);
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) return;
  const hit = children(xml, r).find((s) => s.local === 'Default' && (attr(s.tag, 'Extension') ?? '').toLowerCase() === ext);
  if (hit) setText(pkg, CT_NAME, splice(xml, hit.start, hit.end, ''));
}

/** A part name not yet in the package: "xl/worksheets/sheet" + n + ".xml". */
export function freeName(pkg: Package, stem: string, ext: string): string {
  const lower = new Set([...pkg.parts.keys()].map((n) => n.toLowerCase()));
  let n = 1;
  while (lower.has(`${stem}${n}${ext}`.toLowerCase())) n++;
  return `${stem}${n}${ext}`;
}

/** The workbook part named by the package's officeDocument relationship. */
export function workbookPart(pkg: Package): string {
  const rel = readRels(pkg, '').find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
  return rel?.part ?? 'xl/workbook.xml';
}

export interface SheetRef {
  name: string;
  sheetId: number;
  relId: string;
  /** the worksheet part ("xl/worksheets/sheet1.xml") */
  part: string;
  state: string;
}

/** The workbook's sheets in order. */
export function sheetsOf(pkg: Package): SheetRef[] {
  const wbPart = workbookPart(pkg);
  const xml = text(pkg, wbPart);
  const r = xml === undefined ? null : root(xml);
  if (!xml || !r) return [];
  const sheets = children(xml, r).find((s) => s.local === 'sheets');
  if (!sheets) return [];
  const rels = new Map(readRels(pkg, wbPart).map((x) => [x.id, x.part]));
  return children(xml, sheets)
    .filter((s) => s.local === 'sheet')
    .map((s) => {
      const relId = attr(s.tag, 'r:id') ?? attr(s.tag, 'id') ?? '';
      return {
        name: attr(s.tag, 'name') ?? '',
        sheetId: Number(attr(s.tag, 'sheetId') ?? 0),
        relId,
        part: rels.get(relId) ?? '',
        state: attr(s.tag, 'state') ?? 'visible',
      };
    });
}
