/**
 * Finds formula cells whose cached result is the empty string (`<c t="str"><f>…</f><v></v></c>`,
 * what Excel saves for =IF(…,"")). exceljs drops such a result while parsing, so the cell would look
 * never calculated (noResult) and be reported as an error. This scan of the sheet XML tells the
 * reader which cells really hold "" (sheet name → set of A1 addresses).
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

/** Sheet name → addresses of formula cells whose cached result is "". Never throws. */
export async function findEmptyStringResults(bytes: Uint8Array | ArrayBuffer): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  try {
    const zip = await JSZip.loadAsync(bytes);
    for (const [name, part] of await sheetParts(zip)) {
      const xml = await zip.file(part)?.async('string');
      if (!xml || !xml.includes('t="str"')) continue;
      const cells = new Set<string>();
      for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const inner = m[2];
        if (inner === undefined || attr(m[1], 't') !== 'str' || !/<f\b/.test(inner)) continue;
        const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(inner);
        if (v && v[1] !== undefined && v[1] !== '') continue;
        const r = attr(m[1], 'r');
        if (r) cells.add(r);
      }
      if (cells.size > 0) result.set(name, cells);
    }
  } catch {
    // A workbook exceljs could read but this scan cannot: keep exceljs's reading (noResult).
  }
  return result;
}
