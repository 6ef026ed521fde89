/**
 * Addresses as Excel's API writes them: sheet-qualified ("'My Sheet'!A1:D9", or "Sheet1!A1,Sheet1!C3"
 * for RangeAreas), whole columns ("A:A"). Also packs many cells into the few address strings that
 * `worksheet.getRanges()` accepts.
 */
import { a1, columnLetters, parseA1, parseRange, type RangePos } from './a1';

/** Excel's limits for one getRanges() address (longer strings have failed in practice). */
export const MAX_ADDRESS_CHARS = 2000;
export const MAX_AREAS_PER_CALL = 400;

/** "Sheet1" or "'My Sheet'" as Excel prefixes an address (quotes doubled inside). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** The part after the sheet name: "'a!b'!C3:D4" → "C3:D4". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/** Areas of an address list (sheet prefixes removed): "S!A1:B2, S!C3" → ["A1:B2", "C3"]. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  // commas may also occur inside a quoted sheet name: split outside quotes only
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      if (cur.trim() !== '') out.push(localAddress(cur.trim()));
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(localAddress(cur.trim()));
  return out;
}

/** Bounds of one area, whole columns ("A:C") and whole rows ("2:5") included; null if invalid. */
export function areaBounds(area: string, maxRows = 1_048_576, maxCols = 16_384): RangePos | null {
  const [p, q = p] = area.replace(/\$/g, '').split(':');
  const cols = /^[A-Za-z]{1,3}$/;
  const rows = /^\d{1,7}$/;
  if (cols.test(p) && cols.test(q)) {
    const l = parseA1(p + '1');
    const r = parseA1(q + '1');
    if (!l || !r) return null;
    return { top: 0, left: Math.min(l.col, r.col), bottom: maxRows - 1, right: Math.max(l.col, r.col) };
  }
  if (rows.test(p) && rows.test(q)) {
    const t = Number(p) - 1;
    const b = Number(q) - 1;
    return { top: Math.min(t, b), left: 0, bottom: Math.max(t, b), right: maxCols - 1 };
  }
  return parseRange(`${p}:${q}`);
}

/** "A1" or "A1:C3" for inclusive 0-based bounds. */
export function rangeAddress(b: RangePos): string {
  const tl = a1(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${a1(b.bottom, b.right)}`;
}

/** "C:C" for a 0-based column. */
export function columnAddress(col: number): string {
  const c = columnLetters(col);
  return `${c}:${c}`;
}

/**
 * Packs single cells into areas (vertical runs in one column become "D4:D20", findings cluster in a
 * value column) and the areas into address strings within MAX_ADDRESS_CHARS / MAX_AREAS_PER_CALL.
 * Duplicates are dropped; output order is deterministic (by column, then row).
 */
export function packCells(cells: string[]): string[] {
  const byCol = new Map<number, Set<number>>();
  for (const c of cells) {
    const p = parseA1(c);
    if (!p) continue;
    let rows = byCol.get(p.col);
    if (!rows) byCol.set(p.col, (rows = new Set()));
    rows.add(p.row);
  }
  const areas: string[] = [];
  for (const col of [...byCol.keys()].sort((x, y) => x - y)) {
    const rows = [...(byCol.get(col) ?? [])].sort((x, y) => x - y);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      areas.push(rangeAddress({ top: start, left: col, bottom: prev, right: col }));
      start = r;
      prev = r;
    }
  }
  return packAreas(areas);
}

/** Joins areas into comma lists within the per-call limits. */
export function packAreas(areas: string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const a of areas) {
    if (cur.length > 0 && (cur.length >= MAX_AREAS_PER_CALL || len + 1 + a.length > MAX_ADDRESS_CHARS)) {
      out.push(cur.join(','));
      cur = [];
      len = 0;
    }
    len += (cur.length > 0 ? 1 : 0) + a.length;
    cur.push(a);
  }
  if (cur.length > 0) out.push(cur.join(','));
  return out;
}
