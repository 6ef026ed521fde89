/**
 * Decoding the text formats (CSV, HTML tables, SpreadsheetML 2003 XML) ourselves, so no library
 * guesses: a byte-order mark decides (UTF-8, UTF-16LE/BE); else UTF-16 without a mark is recognised
 * by its zero bytes; else the charset the file declares (XML declaration, HTML meta) when it is one
 * we know; else UTF-8 when the bytes are valid UTF-8, else GB18030 (the superset of GBK and GB2312,
 * what Chinese Windows and WPS save "ANSI" text in). Decoding is strict: bytes invalid in the
 * encoding chosen are refused, never turned into replacement characters (a figure could change).
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false };

/** Charset labels as files write them → the decoder used. */
const LABELS: ReadonlyMap<string, TextEncoding> = new Map([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['unicode-1-1-utf-8', 'utf-8'],
  ['utf-16', 'utf-16le'],
  ['utf-16le', 'utf-16le'],
  ['unicode', 'utf-16le'],
  ['utf-16be', 'utf-16be'],
  ['gb2312', 'gb18030'],
  ['gbk', 'gb18030'],
  ['gb18030', 'gb18030'],
  ['x-gbk', 'gb18030'],
  ['cp936', 'gb18030'],
  ['ms936', 'gb18030'],
  ['windows-936', 'gb18030'],
  ['csgb2312', 'gb18030'],
  ['big5', 'big5'],
  ['iso-8859-1', 'windows-1252'],
  ['latin1', 'windows-1252'],
  ['windows-1252', 'windows-1252'],
  ['us-ascii', 'windows-1252'],
]);

function strict(b: Uint8Array, encoding: TextEncoding): string | null {
  try {
    // ignoreBOM: false drops a leading byte-order mark of the encoding itself
    return new TextDecoder(encoding, { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/** UTF-16 without a byte-order mark: about every other byte zero in the first kilobyte. */
function utf16WithoutBom(b: Uint8Array): TextEncoding | null {
  const n = Math.min(b.length, 1024) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** The charset an XML declaration or an HTML meta element declares in the file's first bytes, or null. */
export function declaredCharset(b: Uint8Array): string | null {
  let head = '';
  const n = Math.min(b.length, 4096);
  for (let i = 0; i < n; i++) head += String.fromCharCode(b[i]);
  const xml = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? meta[1].toLowerCase() : null;
}

/** The encoding of these bytes as text, without decoding all of them. */
export function textEncodingOf(b: Uint8Array): TextEncoding | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  const u16 = utf16WithoutBom(b);
  if (u16) return u16;
  const declared = declaredCharset(b);
  // a charset we do not know is not trusted: the bytes decide (UTF-8, else GB18030)
  return declared === null ? null : (LABELS.get(declared) ?? null);
}

/** Decodes a text file strictly (see the module comment). */
export function decodeText(b: Uint8Array): Decoded {
  const chosen = textEncodingOf(b);
  if (chosen !== null) {
    const text = strict(b, chosen);
    return text === null ? { ok: false } : { ok: true, text, encoding: chosen };
  }
  const utf8 = strict(b, 'utf-8');
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const gb = strict(b, 'gb18030');
  return gb === null ? { ok: false } : { ok: true, text: gb, encoding: 'gb18030' };
}

/**
 * True when decoded text holds control characters no spreadsheet text has (NUL and the C0 controls
 * other than tab, line feed, form feed, carriage return and the DOS end-of-file mark): a binary file.
 */
export function hasBinaryControls(text: string, upTo = 65536): boolean {
  const n = Math.min(text.length, upTo);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1a) return true;
  }
  return false;
}

/** True when the bytes hold a NUL or another control byte in their first kilobytes (a binary file, unless UTF-16). */
export function hasControlBytes(b: Uint8Array, upTo = 8192): boolean {
  const n = Math.min(b.length, upTo);
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1a && c !== 0x1b) return true;
  }
  return false;
}
