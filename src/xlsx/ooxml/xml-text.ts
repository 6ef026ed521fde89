/**
 * Text of SpreadsheetML as Excel shows it: XML character data with entities and character references
 * decoded and line ends normalised (XML 1.0 §2.11), CDATA sections kept verbatim, and the OOXML
 * `_xHHHH_` escapes of string items decoded (ECMA-376 Part 1 §22.9.2.19: Excel writes a tab or a
 * control character that XML cannot hold as `_x0009_`, and a literal `_x` as `_x005F_x`).
 */

import { decodeEntities } from '../guard/xml-scan';

/** The five entities and numeric references: the inspector's decoder, one for every XML reader here. */
export { decodeEntities };

function codePoint(n: number): string {
  // a reference to no character (or a surrogate) is not XML: shown as the replacement character
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\uFFFD';
}

/**
 * Character data between `from` and `to` (the content of one element without child elements):
 * CDATA kept verbatim, comments and processing instructions left out, the rest normalised and decoded.
 */
export function charData(xml: string, from: number, to: number): string {
  const lt = xml.indexOf('<', from);
  if (lt < 0 || lt >= to) return decodeEntities(normaliseLineEnds(xml.slice(from, to)));
  let out = '';
  let i = from;
  while (i < to) {
    const m = xml.indexOf('<', i);
    const stop = m < 0 || m >= to ? to : m;
    out += decodeEntities(normaliseLineEnds(xml.slice(i, stop)));
    if (stop === to) break;
    const [open, close, verbatim] = xml.startsWith('<![CDATA[', stop)
      ? ['<![CDATA[', ']]>', true]
      : xml.startsWith('<!--', stop)
        ? ['<!--', '-->', false]
        : ['<?', '?>', false];
    const e = xml.indexOf(close, stop + open.length);
    const end = e < 0 || e > to ? to : e;
    if (verbatim) out += normaliseLineEnds(xml.slice(stop + open.length, end));
    i = end + close.length;
  }
  return out;
}

function normaliseLineEnds(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/** Decodes `_xHHHH_` escapes (string items only: shared strings, inline strings). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => codePoint(parseInt(h, 16)));
}
