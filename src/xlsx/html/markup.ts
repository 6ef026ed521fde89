/**
 * The small pieces of HTML and CSS the table reader needs: character references (the named ones a
 * page from Excel, LibreOffice or a reporting system uses, and numeric ones), and Excel's number
 * formats, which its web pages keep in CSS (`.xl65 {mso-number-format:"\#\,\#\#0\.0";}` or a
 * cell's own style) with CSS escapes.
 */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  middot: '·',
  times: '×',
  divide: '÷',
  yen: '¥',
  copy: '©',
  reg: '®',
  deg: '°',
  plusmn: '±',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  permil: '‰',
};

/** Decodes character references; an unknown name or a reference to no character stays as written. */
export function htmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});?/g, (all, ref: string) => {
    if (ref[0] !== '#') return Object.prototype.hasOwnProperty.call(NAMED, ref) ? NAMED[ref] : all;
    const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : all;
  });
}

/** CSS escapes: `\` + hex digits (and one optional space) is that code point, `\` + anything else is that character. */
export function cssUnescape(s: string): string {
  return s.replace(/\\([0-9a-fA-F]{1,6}) ?|\\(.)/g, (_, hex: string | undefined, ch: string | undefined) => {
    if (hex === undefined) return ch ?? '';
    const cp = parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '';
  });
}

/** The mso-number-format of a declaration list ("mso-number-format:\"0\\.0%\";…"), or undefined (General too). */
export function styleNumberFormat(decls: string): string | undefined {
  const m = /mso-number-format\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^;]*))/i.exec(decls);
  if (!m) return undefined;
  const code = cssUnescape((m[1] ?? m[2] ?? m[3] ?? '').trim());
  return code === '' || /^general$/i.test(code) ? undefined : code;
}

/** The index of `needle` in `hay` from `from`, ignoring ASCII case; -1 when absent. Linear. */
export function indexOfCi(hay: string, needle: string, from: number): number {
  const first = needle[0].toLowerCase();
  const FIRST = needle[0].toUpperCase();
  for (let i = from; i <= hay.length - needle.length; i++) {
    const c = hay[i];
    if (c !== first && c !== FIRST) continue;
    if (hay.slice(i, i + needle.length).toLowerCase() === needle) return i;
  }
  return -1;
}

/**
 * Class name (lower case) → number format, from every <style> element's rules of the page. Scanned
 * with indexOf, never a regular expression over the style text (a page of 50 MB without a brace
 * would make `[^{}]*\{` quadratic).
 */
export function cssNumberFormats(html: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = indexOfCi(html, '<style', 0);
  while (at >= 0) {
    const open = html.indexOf('>', at);
    if (open < 0) break;
    const close = indexOfCi(html, '</style', open);
    const end = close < 0 ? html.length : close;
    let i = open + 1;
    while (i < end) {
      const lb = html.indexOf('{', i);
      if (lb < 0 || lb >= end) break;
      const rb = html.indexOf('}', lb);
      if (rb < 0 || rb > end) break;
      const fmt = styleNumberFormat(html.slice(lb + 1, rb));
      if (fmt !== undefined) {
        const selector = html.slice(i, lb);
        for (const cls of selector.split(/[^\w.-]+/)) {
          for (const part of cls.split('.').slice(1)) if (part !== '') out.set(part.toLowerCase(), fmt);
        }
      }
      i = rb + 1;
    }
    at = close < 0 ? -1 : indexOfCi(html, '<style', close + 1);
  }
  return out;
}
