/**
 * A streaming, bounded scan of XML bytes: validates UTF-8, refuses any DTD (DOCTYPE, ENTITY, …: the
 * XXE and "billion laughs" vectors, which Excel never writes), and reports the start tags, end tags
 * and text a caller asked for. It is not a parser: it only finds tags, so it cannot be made to
 * expand, recurse or allocate more than one capped tag buffer, whatever the input.
 */
import type { InputErrorCode } from './codes';

export interface XmlVisitor {
  /** local names (prefix removed) of the tags to report */
  tags: ReadonlySet<string>;
  /** a start or empty-element tag of interest: `text` is everything between `<` and `>` */
  onTag(local: string, text: string): InputErrorCode | null;
  /**
   * Optional fast path over the tag's raw bytes (everything between `<` and `>`), tried before
   * onTag; `undefined` means "not handled, call onTag". Sheets hold millions of row and c tags.
   */
  onTagBytes?(local: string, tag: Uint8Array, len: number): InputErrorCode | null | undefined;
  onClose?(local: string): void;
  /** character data between tags (raw, entities not decoded), for callers that want it */
  onText?(text: string): InputErrorCode | null;
}

/** Longest start tag kept for inspection; a tag of interest longer than this is refused. */
const TAG_CAP = 16 * 1024;
const LT = 0x3c;
const GT = 0x3e;

const enum S {
  Text,
  Open,
  Tag,
  Close,
  Bang,
  Comment,
  Cdata,
  Pi,
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export class XmlScan {
  private state = S.Text;
  private tag = new Uint8Array(256);
  private tagLen = 0;
  private overflow = false;
  private quote = 0;
  private tail = 0; // last bytes seen, for terminators like --> ]]> ?>
  // UTF-8 validation across chunk boundaries
  private need = 0;
  private lo = 0x80;
  private hi = 0xbf;
  error: InputErrorCode | null = null;
  private text: number[] | null = null;

  constructor(private readonly v: XmlVisitor) {
    if (v.onText) this.text = [];
  }

  /** Scans bytes[start, end); returns false once an error has been found. */
  push(b: Uint8Array, start: number, end: number): boolean {
    if (this.error) return false;
    if (!this.utf8(b, start, end)) {
      this.error = 'E_BAD_ENCODING';
      return false;
    }
    let i = start;
    while (i < end && !this.error) {
      const c = b[i];
      switch (this.state) {
        case S.Text: {
          const at = b.indexOf(LT, i);
          const stop = at < 0 || at >= end ? end : at;
          if (this.text) for (let k = i; k < stop; k++) this.text.push(b[k]);
          i = stop;
          if (stop < end) {
            this.emitText();
            this.state = S.Open;
            i++;
          }
          continue;
        }
        case S.Open:
          this.tagLen = 0;
          this.overflow = false;
          this.quote = 0;
          if (c === 0x21) this.state = S.Bang;
          else if (c === 0x3f) this.state = S.Pi;
          else if (c === 0x2f) this.state = S.Close;
          else {
            this.state = S.Tag;
            continue; // the byte is the tag name's first
          }
          this.tail = 0;
          break;
        case S.Tag: {
          // a tight loop to the closing '>' (outside quotes: '>' is legal in attribute values)
          let k = i;
          let quote = this.quote;
          for (; k < end; k++) {
            const ch = b[k];
            if (quote !== 0) {
              if (ch === quote) quote = 0;
            } else if (ch === 0x22 || ch === 0x27) quote = ch;
            else if (ch === GT) break;
          }
          this.quote = quote;
          this.keepRange(b, i, k);
          if (k < end) {
            this.endTag();
            this.state = S.Text;
            i = k + 1;
          } else i = end;
          continue;
        }
        case S.Close:
          if (c === GT) {
            if (this.v.onClose) this.v.onClose(localName(this.tagText()));
            this.state = S.Text;
          } else this.keep(c);
          break;
        case S.Bang:
          // "<!--" opens a comment, "<![CDATA[" a CDATA section; anything else is a declaration
          this.keep(c);
          if (this.tagLen === 2 && this.tag[0] === 0x2d && this.tag[1] === 0x2d) this.state = S.Comment;
          else if (this.tagLen === 7 && this.tagText() === '[CDATA[') this.state = S.Cdata;
          else if (!'--'.startsWith(this.tagText()) && !'[CDATA['.startsWith(this.tagText())) this.error = 'E_XML_DTD';
          break;
        case S.Comment:
        case S.Cdata:
        case S.Pi: {
          const want = this.state === S.Comment ? 0x2d : this.state === S.Cdata ? 0x5d : 0x3f;
          if (c === GT && (this.state === S.Pi ? (this.tail & 0xff) === want : (this.tail & 0xffff) === want * 0x101)) {
            this.state = S.Text;
          }
          this.tail = ((this.tail << 8) | c) & 0xffff;
          break;
        }
      }
      i++;
    }
    return !this.error;
  }

  /** Call after the last byte: an unfinished multi-byte character is an encoding error. */
  finish(): InputErrorCode | null {
    if (!this.error && this.need > 0) this.error = 'E_BAD_ENCODING';
    if (!this.error) this.emitText();
    return this.error;
  }

  private keep(c: number): void {
    if (this.tagLen >= TAG_CAP) {
      this.overflow = true;
      return;
    }
    if (this.tagLen === this.tag.length) {
      const bigger = new Uint8Array(Math.min(TAG_CAP, this.tag.length * 4));
      bigger.set(this.tag);
      this.tag = bigger;
    }
    this.tag[this.tagLen++] = c;
  }

  private keepRange(b: Uint8Array, from: number, to: number): void {
    const n = Math.min(to - from, TAG_CAP - this.tagLen);
    if (n < to - from) this.overflow = true;
    if (n <= 0) return;
    if (this.tagLen + n > this.tag.length) {
      const bigger = new Uint8Array(Math.min(TAG_CAP, Math.max(this.tag.length * 4, this.tagLen + n)));
      bigger.set(this.tag.subarray(0, this.tagLen));
      this.tag = bigger;
    }
    this.tag.set(b.subarray(from, from + n), this.tagLen);
    this.tagLen += n;
  }

  private tagText(): string {
    const t = this.tag.subarray(0, this.tagLen);
    // most tags are ASCII: building the string directly is far cheaper than a TextDecoder call
    let s = '';
    for (let k = 0; k < t.length; k++) {
      if (t[k] >= 0x80) return utf8.decode(t);
      s += String.fromCharCode(t[k]);
    }
    return s;
  }

  private endTag(): void {
    // the name ends at whitespace, '/' or the end of the tag; compare bytes before decoding
    let n = 0;
    while (n < this.tagLen) {
      const c = this.tag[n];
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f) break;
      n++;
    }
    let from = 0;
    for (let k = 0; k < n; k++) if (this.tag[k] === 0x3a) from = k + 1;
    let local = '';
    for (let k = from; k < n && k - from < 64; k++) local += String.fromCharCode(this.tag[k]);
    if (!this.v.tags.has(local)) return;
    if (this.overflow) {
      this.error = 'E_BAD_REF';
      return;
    }
    const fast = this.v.onTagBytes ? this.v.onTagBytes(local, this.tag, this.tagLen) : undefined;
    this.error = fast !== undefined ? fast : this.v.onTag(local, this.tagText());
  }

  private emitText(): void {
    if (!this.text || this.text.length === 0 || !this.v.onText) return;
    const s = utf8.decode(Uint8Array.from(this.text));
    this.text.length = 0;
    const e = this.v.onText(s);
    if (e) this.error = e;
  }

  /** Validates UTF-8 (no overlongs, surrogates or code points past U+10FFFF), carrying state. */
  private utf8(b: Uint8Array, start: number, end: number): boolean {
    let need = this.need;
    let lo = this.lo;
    let hi = this.hi;
    for (let i = start; i < end; i++) {
      const c = b[i];
      if (need === 0) {
        if (c < 0x80) continue;
        if (c >= 0xc2 && c <= 0xdf) need = 1;
        else if (c >= 0xe0 && c <= 0xef) {
          need = 2;
          if (c === 0xe0) lo = 0xa0;
          else if (c === 0xed) hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
          need = 3;
          if (c === 0xf0) lo = 0x90;
          else if (c === 0xf4) hi = 0x8f;
        } else return false;
      } else {
        if (c < lo || c > hi) return false;
        lo = 0x80;
        hi = 0xbf;
        need--;
      }
    }
    this.need = need;
    this.lo = lo;
    this.hi = hi;
    return true;
  }
}

/** "x:row" → "row". */
export function localName(qname: string): string {
  const name = qname.trim().split(/[\s/]/, 1)[0] ?? '';
  const colon = name.lastIndexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** Attributes of a start tag by local name (first occurrence wins), values entity-decoded. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    const key = localName(m[1]);
    if (!out.has(key)) out.set(key, decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; leaves anything else as is. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (all, ref: string) => {
    if (ref[0] !== '#') return Object.prototype.hasOwnProperty.call(NAMED, ref) ? NAMED[ref] : all;
    const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : all;
  });
}
