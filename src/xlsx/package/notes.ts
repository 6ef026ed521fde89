/**
 * Notes (legacy comments) the tool adds to highlighted cells that have none: a <comment> in the
 * sheet's comments part and a shape in its legacy VML drawing, both created (with relationships,
 * content types and the sheet's <legacyDrawing>) when the sheet has no notes yet. The tool's notes
 * carry the author "ZoneReport", which is how clearing finds them again; a user's note is never
 * changed. VML is legacy markup that is not always well-formed XML, so it is edited by exact
 * text spans only.
 */
import { parseA1 } from '../../domain/a1';
import { addOverride, addRel, CT, ensureDefault, freeName, readRels, REL, removeDefault, removeOverride, removeRel, type SheetRef } from './opc';
import { AFTER_LEGACY_DRAWING, insertTopLevel } from './sheet-cf';
import { relIdAttr } from './workbook-sheets';
import { attr, children, escapeXml, insertChild, root, splice, unescapeXml } from './xml-scan';
import { removePart, setText, text, type Package } from './zip-parts';

export const TOOL_AUTHOR = 'ZoneReport';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

interface NoteParts {
  comments?: { part: string; relId: string };
  vml?: { part: string; relId: string };
}

function noteParts(pkg: Package, sheet: SheetRef): NoteParts {
  const rels = readRels(pkg, sheet.part);
  const c = rels.find((r) => r.type === REL.comments);
  const xml = text(pkg, sheet.part) ?? '';
  const r = root(xml);
  const legacy = r ? children(xml, r).find((k) => k.local === 'legacyDrawing') : undefined;
  const vmlId = legacy ? attr(legacy.tag, 'r:id') ?? attr(legacy.tag, 'id') : undefined;
  const v = rels.find((x) => x.id === vmlId) ?? rels.find((x) => x.type === REL.vmlDrawing);
  return { comments: c ? { part: c.part, relId: c.id } : undefined, vml: v ? { part: v.part, relId: v.id } : undefined };
}

/** Cells (upper-case A1) that carry a note in this sheet. */
export function notedCells(pkg: Package, sheet: SheetRef): Set<string> {
  const p = noteParts(pkg, sheet).comments;
  const xml = p ? text(pkg, p.part) : undefined;
  const out = new Set<string>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?comment\b[^>]*?\sref\s*=\s*["']([^"']+)["']/g)) out.add(m[1].replace(/\$/g, '').toUpperCase());
  return out;
}

function vmlShape(id: number, row: number, col: number): string {
  // Anchor: from (col+1, row-1) to (col+3, row+3) — Excel's default note box beside the cell
  const top = Math.max(0, row - 2);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:80pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${top}, 10, ${col + 4}, 15, ${top + 5}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function newVml(idmap: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

/** Adds the tool's notes to cells of `sheet` that have none; returns the cells noted. */
export function addNotes(pkg: Package, sheet: SheetRef, sheetIndex: number, notes: { cell: string; text: string }[]): string[] {
  const has = notedCells(pkg, sheet);
  const todo = notes.filter((n) => !has.has(n.cell.replace(/\$/g, '').toUpperCase()));
  if (todo.length === 0) return [];
  const parts = noteParts(pkg, sheet);
  // comments part
  let commentsPart = parts.comments?.part;
  if (!commentsPart) {
    commentsPart = freeName(pkg, 'xl/comments', '.xml');
    setText(pkg, commentsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`);
    addOverride(pkg, commentsPart, CT.comments);
    addRel(pkg, sheet.part, REL.comments, commentsPart);
  }
  let cx = text(pkg, commentsPart) ?? '';
  let cr = root(cx);
  if (!cr) throw new Error('comments part has no root');
  const p = cr.qname.includes(':') ? cr.qname.slice(0, cr.qname.indexOf(':') + 1) : '';
  let authors = children(cx, cr).find((k) => k.local === 'authors');
  if (!authors) {
    cx = insertChild(cx, cr, `<${p}authors></${p}authors>`, ['commentList', 'extLst']);
    cr = root(cx) ?? cr;
    authors = children(cx, cr).find((k) => k.local === 'authors');
  }
  if (!authors) throw new Error('comments part has no authors');
  const names = children(cx, authors).map((a) => unescapeXml(cx.slice(a.openEnd, a.closeStart)));
  let authorId = names.indexOf(TOOL_AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    cx = insertChild(cx, authors, `<${p}author>${TOOL_AUTHOR}</${p}author>`, []);
    cr = root(cx) ?? cr;
  }
  const list = children(cx, cr).find((k) => k.local === 'commentList');
  if (!list) throw new Error('comments part has no commentList');
  // a run (<r>), not a bare <t>: both are valid, but some readers (exceljs) only read runs
  const els = todo.map(
    (n) => `<${p}comment ref="${n.cell.toUpperCase()}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeXml(n.text)}</${p}t></${p}r></${p}text></${p}comment>`,
  );
  setText(pkg, commentsPart, insertChild(cx, list, els.join(''), []));
  // VML drawing
  let vmlPart = parts.vml?.part;
  if (!vmlPart) {
    vmlPart = freeName(pkg, 'xl/drawings/vmlDrawing', '.vml');
    setText(pkg, vmlPart, newVml(sheetIndex + 1));
    ensureDefault(pkg, 'vml', CT.vml);
    const relId = addRel(pkg, sheet.part, REL.vmlDrawing, vmlPart);
    const sx = text(pkg, sheet.part) ?? '';
    const sr = root(sx);
    if (!sr) throw new Error('worksheet has no root');
    const sp = sr.qname.includes(':') ? sr.qname.slice(0, sr.qname.indexOf(':') + 1) : '';
    setText(pkg, sheet.part, insertTopLevel(sx, `<${sp}legacyDrawing ${relIdAttr(sr.tag, relId)}/>`, AFTER_LEGACY_DRAWING));
  }
  let vx = text(pkg, vmlPart) ?? '';
  if (!vx.includes('_x0000_t202')) {
    const firstShape = vx.search(/<v:shape\b/);
    const at = firstShape >= 0 ? firstShape : vx.lastIndexOf('</xml>');
    vx = splice(vx, at, at, SHAPETYPE);
  }
  let nextId = Math.max(1024 * (sheetIndex + 1), ...[...vx.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
  const shapes: string[] = [];
  for (const n of todo) {
    const pos = parseA1(n.cell.replace(/\$/g, ''));
    if (pos) shapes.push(vmlShape(nextId++, pos.row + 1, pos.col + 1));
  }
  const end = vx.lastIndexOf('</xml>');
  setText(pkg, vmlPart, splice(vx, end < 0 ? vx.length : end, end < 0 ? vx.length : end, shapes.join('')));
  return todo.map((n) => n.cell);
}

/** Removes the tool's notes (author ZoneReport) from `sheet`, and the parts the tool created for them. */
export function removeToolNotes(pkg: Package, sheet: SheetRef): void {
  const parts = noteParts(pkg, sheet);
  if (!parts.comments) return;
  let cx = text(pkg, parts.comments.part) ?? '';
  const cr = root(cx);
  if (!cr) return;
  const authors = children(cx, cr).find((k) => k.local === 'authors');
  const list = children(cx, cr).find((k) => k.local === 'commentList');
  if (!authors || !list) return;
  const authorEls = children(cx, authors);
  const toolId = authorEls.findIndex((a) => unescapeXml(cx.slice(a.openEnd, a.closeStart)) === TOOL_AUTHOR);
  if (toolId < 0) return;
  const comments = children(cx, list);
  const ours = comments.filter((c) => attr(c.tag, 'authorId') === String(toolId));
  if (ours.length === 0) return;
  const refs = new Set(ours.map((c) => (attr(c.tag, 'ref') ?? '').replace(/\$/g, '').toUpperCase()));
  const onlyOurs = ours.length === comments.length;
  // VML shapes of those cells (the user had no note there, so a Note shape on it is the tool's)
  if (parts.vml) {
    let vx = text(pkg, parts.vml.part) ?? '';
    const spans: [number, number][] = [];
    for (const m of vx.matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)) {
      const s = m[0];
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(s);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(s);
      if (!/ObjectType\s*=\s*["']Note["']/.test(s) || !row || !col) continue;
      const ref = columnName(Number(col[1]) + 1) + String(Number(row[1]) + 1);
      if (refs.has(ref)) spans.push([m.index ?? 0, (m.index ?? 0) + s.length]);
    }
    for (const [a, b] of spans.reverse()) vx = splice(vx, a, b, '');
    if (onlyOurs && !/<v:shape\b/.test(vx)) {
      // the tool created this drawing: remove it with its relationship and the sheet's reference
      removePart(pkg, parts.vml.part);
      removeRel(pkg, sheet.part, parts.vml.relId, true);
      const sx = text(pkg, sheet.part) ?? '';
      const sr = root(sx);
      const legacy = sr ? children(sx, sr).find((k) => k.local === 'legacyDrawing') : undefined;
      if (legacy) setText(pkg, sheet.part, splice(sx, legacy.start, legacy.end, ''));
      if (![...pkg.parts.keys()].some((n) => /\.vml$/i.test(n))) removeDefault(pkg, 'vml');
    } else setText(pkg, parts.vml.part, vx);
  }
  if (onlyOurs) {
    removePart(pkg, parts.comments.part);
    removeOverride(pkg, parts.comments.part);
    removeRel(pkg, sheet.part, parts.comments.relId, true);
    return;
  }
  for (const c of [...ours].reverse()) cx = splice(cx, c.start, c.end, '');
  // the author entry goes too when it is the last one (ids of the others do not move then)
  if (toolId === authorEls.length - 1) {
    const a = authorEls[toolId];
    cx = splice(cx, a.start, a.end, '');
  }
  setText(pkg, parts.comments.part, cx);
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
