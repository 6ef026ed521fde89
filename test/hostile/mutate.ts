/**
 * Deterministic mutations of valid seed workbooks for fuzzing, in every format read. Zip packages
 * (.xlsx, .ods): XML-level mutations edit one part's text (drop, duplicate or swap elements; hostile
 * attribute values; CJK and zero-width text; cell types) and re-zip. Markup text (SpreadsheetML 2003,
 * HTML): the same XML-level mutations on the text. Delimited text: quotes, delimiters, line breaks,
 * control and full-width characters inserted, lines duplicated or cut. Then, for a share of cases and
 * always for binary seeds (.xls), byte-level ones flip, truncate, insert or overwrite bytes — for an
 * OLE2 file mostly in its first sectors (header, FAT, directory), where its structure lies.
 * The same (seed, index) always gives the same bytes, so any failure can be rebuilt.
 */
import { zip, type ZipPart } from './zip-writer';
import { mulberry32 } from '../../src/domain/sample/prng';

/** mulberry32 (the sample generator's): small, fast, good enough to drive mutations reproducibly. */
export const rng = mulberry32;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, n: number): number => Math.floor(r() * n);

const VALUES = [
  '999999999999', '1e308', '4294967296', '2147483648', '1048577', '16385', '-1', '-2147483649', '0', '',
  ' ', 'abc', 'NaN', 'Infinity', '十', '１２', '1.5', '0x10', 'XFD1048576', 'A1048577', 'XFE1', 'ZZZZ1',
  'A0', 'A1:XFD1048576', '__proto__', 'constructor', '盘锦\u200b', '&amp;', "'", '1 2',
];
const TEXT = ['盘锦辽滨', '\u200b', '\u200d', '\ufeff', '\u2060', '①', '…', '—', '−', '。', '４５２１０', '１２．２％', '万元', '\u00ad', '〇'];
const TYPES = ['s', 'n', 'd', 'e', 'str', 'b', 'inlineStr', 'x', ''];

/** Start offsets of elements (not end tags, declarations or comments) in the XML text. */
function elementStarts(xml: string): number[] {
  const out: number[] = [];
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    const c = xml[i + 1];
    if (c !== '/' && c !== '?' && c !== '!') out.push(i);
  }
  return out;
}

/** [start, end) of the element starting at `at`: up to its matching end tag, or the empty tag. */
function elementSpan(xml: string, at: number): [number, number] | null {
  const m = /^<([\w:]+)[^>]*?(\/?)>/.exec(xml.slice(at, at + 4000));
  if (!m) return null;
  if (m[2] === '/') return [at, at + m[0].length];
  const close = `</${m[1]}>`;
  // count nested same-name elements so <row> inside <row> (never in practice) still balances
  let depth = 0;
  const re = new RegExp(`<${m[1]}[\\s>/]|</${m[1]}>`, 'g');
  re.lastIndex = at;
  for (let x = re.exec(xml); x; x = re.exec(xml)) {
    if (x[0] === close) {
      if (--depth === 0) return [at, x.index + close.length];
    } else if (!xml.slice(x.index, xml.indexOf('>', x.index) + 1).endsWith('/>')) depth++;
  }
  return null;
}

function mutateXml(xml: string, r: Rand): string {
  const starts = elementStarts(xml);
  if (starts.length < 2) return xml + pick(r, TEXT);
  const kind = int(r, 6);
  const at = starts[1 + int(r, starts.length - 1)]; // never the root element
  const span = elementSpan(xml, at);
  switch (kind) {
    case 0: // drop an element
      return span ? xml.slice(0, span[0]) + xml.slice(span[1]) : xml;
    case 1: // duplicate an element
      return span ? xml.slice(0, span[1]) + xml.slice(span[0], span[1]) + xml.slice(span[1]) : xml;
    case 2: {
      // swap two elements that do not overlap
      const other = elementSpan(xml, starts[1 + int(r, starts.length - 1)]);
      if (!span || !other) return xml;
      const [a, b] = span[0] < other[0] ? [span, other] : [other, span];
      if (a[1] > b[0]) return xml;
      return xml.slice(0, a[0]) + xml.slice(b[0], b[1]) + xml.slice(a[1], b[0]) + xml.slice(a[0], a[1]) + xml.slice(b[1]);
    }
    case 3: {
      // a hostile attribute value
      const attrs = [...xml.matchAll(/\s([\w:]+)="([^"]*)"/g)];
      if (attrs.length === 0) return xml;
      const m = pick(r, attrs);
      const idx = (m.index ?? 0) + m[0].indexOf('"') + 1;
      return xml.slice(0, idx) + pick(r, VALUES) + xml.slice(idx + m[2].length);
    }
    case 4: {
      // CJK / zero-width text inside a text node
      const gaps = [...xml.matchAll(/>([^<]*)</g)];
      if (gaps.length === 0) return xml;
      const g = pick(r, gaps);
      const idx = (g.index ?? 0) + 1 + int(r, g[1].length + 1);
      return xml.slice(0, idx) + pick(r, TEXT) + xml.slice(idx);
    }
    default: {
      // change or add a cell type
      const cells = [...xml.matchAll(/<c\s[^>]*?(\/?)>/g)];
      if (cells.length === 0) return xml;
      const c = pick(r, cells);
      const tag = c[0];
      const t = pick(r, TYPES);
      const next = /\st="[^"]*"/.test(tag) ? tag.replace(/\st="[^"]*"/, ` t="${t}"`) : tag.replace(/^<c/, `<c t="${t}"`);
      return xml.slice(0, c.index) + next + xml.slice((c.index ?? 0) + tag.length);
    }
  }
}

function mutateBytes(b: Uint8Array, r: Rand): Uint8Array {
  const out = Uint8Array.from(b);
  switch (int(r, 4)) {
    case 0: // flip bits
      for (let k = 1 + int(r, 8); k > 0; k--) out[int(r, out.length)] ^= 1 << int(r, 8);
      return out;
    case 1: // truncate
      return out.slice(0, int(r, out.length));
    case 2: {
      // insert random bytes
      const at = int(r, out.length);
      const ins = Uint8Array.from({ length: 1 + int(r, 64) }, () => int(r, 256));
      return Uint8Array.from([...out.subarray(0, at), ...ins, ...out.subarray(at)]);
    }
    default: {
      // overwrite a run with one value (0x00, 0xFF or a random byte)
      const at = int(r, out.length);
      const v = pick(r, [0, 0xff, int(r, 256)]);
      out.fill(v, at, Math.min(out.length, at + 1 + int(r, 16)));
      return out;
    }
  }
}

const CSV_BITS = ['"', ',', '\n', '\r', ';', '\t', '""', '\u0000', '\u001a', 'Ａ', '１２', '\ufeff', '=1+1', '%', '#DIV/0!', '1e999', '01'];

function mutateCsv(text: string, r: Rand): string {
  const at = int(r, text.length + 1);
  switch (int(r, 4)) {
    case 0:
      return text.slice(0, at) + pick(r, CSV_BITS) + text.slice(at);
    case 1: {
      // duplicate a line
      const lines = text.split('\n');
      const i = int(r, lines.length);
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 2:
      return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + int(r, 40)));
    default:
      return text.slice(0, at) + pick(r, CSV_BITS).repeat(1 + int(r, 2000)) + text.slice(at);
  }
}

/** A seed: a zip package as parts, markup or delimited text (with its encoding), or a binary file. */
export type Seed =
  | { name: string; parts: ZipPart[] }
  | { name: string; text: string; kind: 'markup' | 'csv'; encoding?: 'utf8' | 'utf16le' }
  | { name: string; bytes: Uint8Array };

/** Byte-level mutation of an OLE2 file, mostly within its first 2 KB (header, FAT, directory). */
function mutateOle2(b: Uint8Array, r: Rand): Uint8Array {
  if (r() < 0.3) return mutateBytes(b, r);
  const out = Uint8Array.from(b);
  const span = Math.min(out.length, 2048);
  for (let k = 1 + int(r, 6); k > 0; k--) {
    const at = int(r, span);
    out[at] = pick(r, [0x00, 0xff, 0xfe, 0xfd, 0x7f, int(r, 256)]);
  }
  return out;
}

function encodeText(text: string, encoding: 'utf8' | 'utf16le' = 'utf8'): Uint8Array {
  return encoding === 'utf16le' ? Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]) : new Uint8Array(Buffer.from(text, 'utf8'));
}

/** Mutated case number `index` of a run with this seed. */
export function mutant(seeds: readonly Seed[], seed: number, index: number): { name: string; bytes: Uint8Array } {
  const r = rng((seed * 1_000_003 + index) >>> 0);
  const base = seeds[index % seeds.length];
  const name = `fuzz-${seed}-${index}-${base.name}`;
  if ('bytes' in base) return { name, bytes: mutateOle2(base.bytes, r) };
  if ('text' in base) {
    let text = base.text;
    for (let k = 1 + int(r, 3); k > 0; k--) text = base.kind === 'csv' ? mutateCsv(text, r) : mutateXml(text, r);
    const bytes = encodeText(text, base.encoding);
    return { name, bytes: r() < 0.3 ? mutateBytes(bytes, r) : bytes };
  }
  const byteLevel = r() < 0.3;
  let parts = base.parts;
  const xmlParts = parts.filter((p) => typeof p.data === 'string');
  const rounds = byteLevel ? int(r, 2) : 1 + int(r, 3);
  for (let k = 0; k < rounds; k++) {
    // worksheets most often: that is where the data and the hazards are
    const sheetParts = xmlParts.filter((p) => p.name.includes('worksheets/') || p.name === 'content.xml');
    const target = r() < 0.6 && sheetParts.length > 0 ? pick(r, sheetParts) : pick(r, xmlParts);
    const changed = mutateXml(String(parts.find((p) => p.name === target.name)?.data ?? ''), r);
    parts = parts.map((p) => (p.name === target.name ? { ...p, data: changed } : p));
  }
  let bytes = zip(parts);
  if (byteLevel) bytes = mutateBytes(bytes, r);
  return { name, bytes };
}
