/**
 * Reads the tool's veryHidden store sheet (TOOL_SHEETS.config) straight from the package: column A
 * the configuration, column B the highlight record, each in chunks from row 1 down until the first
 * blank (the layout of src/excel/tool-store.ts). Cells may be inline strings (this writer), shared
 * strings (Excel) or plain values.
 */
import { TOOL_SHEETS } from '../../domain/port';
import { readRels, sheetsOf, workbookPart } from './opc';
import { unescapeXml } from './xml-scan';
import { text, type Package } from './zip-parts';

export interface StoredText {
  a: string | null;
  b: string | null;
}

/** Text of the <t> elements of a string item (<si> or <is>), phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let s = '';
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) s += unescapeXml(m[1]);
  return s;
}

function sharedStrings(pkg: Package): string[] {
  const wb = workbookPart(pkg);
  const rel = readRels(pkg, wb).find((r) => r.type.endsWith('/sharedStrings'));
  const xml = rel ? text(pkg, rel.part) : undefined;
  if (!xml) return [];
  return [...xml.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)].map((m) => itemText(m[1] ?? ''));
}

/** Columns A and B of the store sheet, or nulls when there is none. */
export function readStore(pkg: Package): StoredText {
  const sheet = sheetsOf(pkg).find((s) => s.name === TOOL_SHEETS.config);
  const xml = sheet ? text(pkg, sheet.part) : undefined;
  if (!xml) return { a: null, b: null };
  let sst: string[] | null = null;
  const cols: Record<'A' | 'B', Map<number, string>> = { A: new Map(), B: new Map() };
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
    const attrs = m[1];
    const ref = /\sr\s*=\s*["']([A-Z]+)(\d+)["']/.exec(attrs);
    if (!ref || (ref[1] !== 'A' && ref[1] !== 'B')) continue;
    const t = /\st\s*=\s*["']([^"']+)["']/.exec(attrs)?.[1];
    const body = m[2] ?? '';
    const v = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(body)?.[1];
    let value: string | undefined;
    if (t === 'inlineStr') value = itemText(body);
    else if (t === 's' && v !== undefined) value = (sst ??= sharedStrings(pkg))[Number(v)];
    else if (v !== undefined) value = unescapeXml(v);
    if (value !== undefined) cols[ref[1]].set(Number(ref[2]), value);
  }
  const join = (col: Map<number, string>): string | null => {
    let s = '';
    for (let r = 1; col.has(r) && col.get(r) !== ''; r++) s += col.get(r);
    return s === '' ? null : s;
  };
  return { a: join(cols.A), b: join(cols.B) };
}
