/**
 * A tiny tolerant XML scanner for surgical edits of OOXML parts: it finds elements and their byte
 * ranges in the text, never builds a tree and never re-serialises. Whatever it does not touch (the
 * user's namespaces, mc:Ignorable, x14 extLst blocks, whitespace, attribute order) stays exactly as
 * it was, which a parse-and-reserialise round trip cannot promise.
 */
import { decodeEntities } from '../guard/xml-scan';

export interface Span {
  /** qualified name as written ("x:worksheet", "conditionalFormatting") */
  qname: string;
  /** local name (after the prefix) */
  local: string;
  /** offset of '<' of the start tag */
  start: number;
  /** offset just past the start tag's '>' */
  openEnd: number;
  /** offset of '<' of the end tag (= openEnd for a self-closed element) */
  closeStart: number;
  /** offset just past the element */
  end: number;
  /** the start tag's text */
  tag: string;
}

export function localOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/** End of the markup starting at `i` ('<'): skips comments, CDATA, PIs, doctype, quoted attribute values. */
function markupEnd(xml: string, i: number): number {
  if (xml.startsWith('<!--', i)) {
    const e = xml.indexOf('-->', i + 4);
    return e < 0 ? xml.length : e + 3;
  }
  if (xml.startsWith('<![CDATA[', i)) {
    const e = xml.indexOf(']]>', i + 9);
    return e < 0 ? xml.length : e + 3;
  }
  if (xml.startsWith('<?', i)) {
    const e = xml.indexOf('?>', i + 2);
    return e < 0 ? xml.length : e + 2;
  }
  let q = '';
  for (let j = i + 1; j < xml.length; j++) {
    const c = xml[j];
    if (q) {
      if (c === q) q = '';
    } else if (c === '"' || c === "'") q = c;
    else if (c === '>') return j + 1;
  }
  return xml.length;
}

function tagName(tag: string): string {
  const m = /^<\/?\s*([^\s/>]+)/.exec(tag);
  return m ? m[1] : '';
}

/**
 * Children of the element `parent` (or of the document when null), with their spans. Elements are
 * matched by nesting depth only, so unknown and prefixed elements are handled alike.
 */
export function children(xml: string, parent: Span | null): Span[] {
  const from = parent ? parent.openEnd : 0;
  const to = parent ? parent.closeStart : xml.length;
  const out: Span[] = [];
  const stack: Span[] = [];
  let i = xml.indexOf('<', from);
  while (i >= 0 && i < to) {
    const e = markupEnd(xml, i);
    const tag = xml.slice(i, e);
    const c1 = xml[i + 1];
    if (c1 === '!' || c1 === '?') {
      i = xml.indexOf('<', e);
      continue;
    }
    if (c1 === '/') {
      const open = stack.pop();
      if (open) {
        open.closeStart = i;
        open.end = e;
        if (stack.length === 0) out.push(open);
      }
    } else {
      const qname = tagName(tag);
      const span: Span = { qname, local: localOf(qname), start: i, openEnd: e, closeStart: e, end: e, tag };
      if (/\/\s*>$/.test(tag)) {
        if (stack.length === 0) out.push(span);
      } else stack.push(span);
    }
    i = xml.indexOf('<', e);
  }
  return out;
}

/** The document's root element. */
export function root(xml: string): Span | null {
  return children(xml, null)[0] ?? null;
}

/** The first child of `parent` with this local name. */
export function child(xml: string, parent: Span, local: string): Span | undefined {
  return children(xml, parent).find((s) => s.local === local);
}

/** An attribute of a start tag (matched by qualified or local name), entities decoded. */
export function attr(tag: string, name: string): string | undefined {
  const re = /([^\s=<>/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  let local: string | undefined;
  while ((m = re.exec(tag))) {
    const v = unescapeXml(m[3] ?? m[4] ?? '');
    if (m[1] === name) return v;
    if (local === undefined && localOf(m[1]) === name && !m[1].startsWith('xmlns')) local = v;
  }
  return local;
}

/** A start tag with one attribute's value replaced (or added before the tag's end). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Entities and character references decoded (one decoder for the inspector, the reader and the patch). */
export function unescapeXml(s: string): string {
  return decodeEntities(s);
}

/** `xml` with [start, end) replaced by `text`. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/**
 * Inserts `text` as a child of `parent` in schema order: after the last child whose local name is in
 * `after`, else before the first child whose local name is in `before`, else before the end tag. A
 * self-closed parent is opened first.
 */
export function insertChild(xml: string, parent: Span, text: string, before: readonly string[]): string {
  const kids = children(xml, parent);
  const next = kids.find((k) => before.includes(k.local));
  if (next) return splice(xml, next.start, next.start, text);
  if (parent.closeStart === parent.openEnd && /\/\s*>$/.test(parent.tag)) {
    const open = parent.tag.replace(/\s*\/\s*>$/, '>');
    return splice(xml, parent.start, parent.end, open + text + `</${parent.qname}>`);
  }
  return splice(xml, parent.closeStart, parent.closeStart, text);
}
