/**
 * A scan of the sheet XML for two cell encodings exceljs misreads (spec/engineering-notes.md):
 * - formula cells whose cached result is the empty string (`<c t="str"><f>…</f><v></v></c>`, what
 *   Excel saves for =IF(…,"")): exceljs drops the result, so the cell would look never calculated;
 * - ISO date cells (`<c t="d"><v>2024-03-15T00:00:00Z</v></c>`): exceljs reads the year (2024) as a
 *   number, a wrong figure that would pass silently, and would write 2024 back.
 * The port puts the right values back after exceljs has parsed the file.
 */
import JSZip from 'jszip';

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return null;
  return m[2] ?? m[3] ?? null;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (all, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'quot': return '"';
      case 'apos': return "'";
      case 'amp': return '&';
      default: {
        const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
    }
  });
}

/** The worksheet part of each sheet name, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wbXml = await zip.file('xl/workbook.xml')?.async('string');
  const relsXml = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : 'xl/' + target);
  }
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], 'name');
    const rid = attr(m[1], 'r:id');
    const part = rid ? targets.get(rid) : undefined;
    if (name !== null && part) out.set(decode(name), part);
  }
  return out;
}

export interface CellFixes {
  /** sheet name → addresses of formula cells whose cached result is "" */
  emptyResults: Map<string, Set<string>>;
  /** sheet name → address → the ISO date text of a t="d" cell */
  isoDates: Map<string, Map<string, string>>;
}

/** Scan every worksheet for the cells exceljs misreads. Never throws. */
export async function scanCellFixes(bytes: Uint8Array | ArrayBuffer): Promise<CellFixes> {
  const fixes: CellFixes = { emptyResults: new Map(), isoDates: new Map() };
  try {
    const zip = await JSZip.loadAsync(bytes);
    for (const [name, part] of await sheetParts(zip)) {
      const xml = await zip.file(part)?.async('string');
      if (!xml || !/t\s*=\s*["'](str|d)["']/.test(xml)) continue;
      const empty = new Set<string>();
      const dates = new Map<string, string>();
      for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const inner = m[2];
        const t = attr(m[1], 't');
        const r = attr(m[1], 'r');
        if (inner === undefined || !r || (t !== 'str' && t !== 'd')) continue;
        const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner);
        const text = v?.[1];
        if (t === 'str' && /<f\b/.test(inner) && (text === undefined || text === '')) empty.add(r);
        if (t === 'd' && text) dates.set(r, decode(text).trim());
      }
      if (empty.size > 0) fixes.emptyResults.set(name, empty);
      if (dates.size > 0) fixes.isoDates.set(name, dates);
    }
  } catch {
    // A workbook exceljs could read but this scan cannot: keep exceljs's reading.
  }
  return fixes;
}

/** Sheet name → addresses of formula cells whose cached result is "". Never throws. */
export async function findEmptyStringResults(bytes: Uint8Array | ArrayBuffer): Promise<Map<string, Set<string>>> {
  return (await scanCellFixes(bytes)).emptyResults;
}
