/**
 * A forward-only tag cursor over SpreadsheetML text, for the reader: finds the next start or end tag
 * (quote-aware, skipping comments, CDATA, processing instructions and declarations) and reads
 * attributes of one tag. It builds no tree and allocates only the strings asked for. The inspector
 * (zip-inspect*.ts) has already refused DTDs, bad UTF-8 and out-of-bounds references in these parts.
 */
import { decodeEntities } from './xml-text';

export interface Tag {
  /** offset of '<' */
  start: number;
  /** offset just past '>' */
  end: number;
  /** local name (prefix removed) */
  local: string;
  /** an end tag (</x>) */
  close: boolean;
  /** an empty-element tag (<x/>) */
  empty: boolean;
}

function isNameEnd(c: number): boolean {
  // space, tab, CR, LF, '/', '>'
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x2f || c === 0x3e;
}

/** Offset just past the markup opened at `i` ('<'), or -1 when it is never closed. */
function markupEnd(xml: string, i: number): number {
  const c = xml.charCodeAt(i + 1);
  if (c === 0x21 /* ! */) {
    if (xml.startsWith('<!--', i)) return after(xml, '-->', i + 4);
    if (xml.startsWith('<![CDATA[', i)) return after(xml, ']]>', i + 9);
  } else if (c === 0x3f /* ? */) return after(xml, '?>', i + 2);
  let q = 0;
  for (let j = i + 1; j < xml.length; j++) {
    const d = xml.charCodeAt(j);
    if (q) {
      if (d === q) q = 0;
    } else if (d === 0x22 || d === 0x27) q = d;
    else if (d === 0x3e) return j + 1;
  }
  return -1;
}

function after(xml: string, close: string, from: number): number {
  const e = xml.indexOf(close, from);
  return e < 0 ? -1 : e + close.length;
}

/** The next element tag at or after `from` and before `to`, or null. */
export function nextTag(xml: string, from: number, to: number): Tag | null {
  let i = xml.indexOf('<', from);
  while (i >= 0 && i < to) {
    const end = markupEnd(xml, i);
    if (end < 0) return null;
    const c = xml.charCodeAt(i + 1);
    if (c !== 0x21 && c !== 0x3f) {
      const close = c === 0x2f;
      let n = close ? i + 2 : i + 1;
      const nameStart = n;
      let colon = -1;
      while (n < end && !isNameEnd(xml.charCodeAt(n))) {
        if (xml.charCodeAt(n) === 0x3a) colon = n;
        n++;
      }
      const local = xml.slice(colon >= 0 ? colon + 1 : nameStart, n);
      return { start: i, end, local, close, empty: !close && xml.charCodeAt(end - 2) === 0x2f };
    }
    i = xml.indexOf('<', end);
  }
  return null;
}

/**
 * Calls `each(localName, valueStart, valueEnd)` for every attribute of the tag, in order, until it
 * returns true. A hand-written scan, not a regular expression: cells are the bulk of a sheet and each
 * has a few attributes.
 */
export function eachAttr(xml: string, tag: Tag, each: (local: string, vs: number, ve: number) => boolean): void {
  let i = tag.start + 1;
  const end = tag.end - 1;
  // past the element name
  while (i < end && !isNameEnd(xml.charCodeAt(i))) i++;
  while (i < end) {
    let c = xml.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a || c === 0x2f) {
      i++;
      continue;
    }
    const nameStart = i;
    let colon = -1;
    while (i < end) {
      c = xml.charCodeAt(i);
      if (c === 0x3d || c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) break;
      if (c === 0x3a) colon = i;
      i++;
    }
    const nameEnd = i;
    while (i < end && xml.charCodeAt(i) !== 0x3d) i++;
    i++;
    while (i < end && xml.charCodeAt(i) !== 0x22 && xml.charCodeAt(i) !== 0x27) i++;
    if (i >= end) return;
    const q = xml.charCodeAt(i);
    const vs = i + 1;
    const ve = xml.indexOf(q === 0x22 ? '"' : "'", vs);
    if (ve < 0 || ve > end) return;
    i = ve + 1;
    if (xml.startsWith('xmlns', nameStart)) continue;
    if (each(xml.slice(colon >= 0 ? colon + 1 : nameStart, nameEnd), vs, ve)) return;
  }
}

/** One attribute of a tag by local name (a prefixed `x:r` matches `r`), decoded; undefined when absent. */
export function attrOf(xml: string, tag: Tag, name: string): string | undefined {
  let out: string | undefined;
  eachAttr(xml, tag, (local, vs, ve) => {
    if (local !== name) return false;
    out = decodeEntities(xml.slice(vs, ve));
    return true;
  });
  return out;
}

/** The offset of the end tag closing the element whose start tag is `open` (its content's end), or `to`. */
export function contentEnd(xml: string, open: Tag, to: number): number {
  if (open.empty) return open.end;
  let depth = 1;
  let t = nextTag(xml, open.end, to);
  while (t) {
    if (t.close) {
      if (--depth === 0) return t.start;
    } else if (!t.empty) depth++;
    t = nextTag(xml, t.end, to);
  }
  return to;
}
