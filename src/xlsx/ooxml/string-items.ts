/**
 * String items of SpreadsheetML: the shared-string table (<sst><si>…) and inline strings (<is>). An
 * item is one <t>, or rich-text runs (<r><t>) whose texts are joined; phonetic guides (<rPh>, the
 * furigana of Japanese files) are not part of the text Excel shows and are left out.
 */
import { contentEnd, nextTag } from './tags';
import { charData, decodeOoxmlEscapes } from './xml-text';

/** The text of the string item whose content lies in [from, to). */
export function itemText(xml: string, from: number, to: number): string {
  let out = '';
  let t = nextTag(xml, from, to);
  while (t) {
    if (!t.close && t.local === 'rPh') {
      t = nextTag(xml, contentEnd(xml, t, to), to);
      continue;
    }
    if (!t.close && t.local === 't') {
      const end = contentEnd(xml, t, to);
      if (!t.empty) out += charData(xml, t.end, end);
      t = nextTag(xml, end, to);
      continue;
    }
    t = nextTag(xml, t.end, to);
  }
  return decodeOoxmlEscapes(out);
}

/** The shared-string table, in order (an <si> with no text is ''). */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  let t = nextTag(xml, 0, xml.length);
  while (t) {
    if (!t.close && t.local === 'si') {
      const end = contentEnd(xml, t, xml.length);
      out.push(t.empty ? '' : itemText(xml, t.end, end));
      t = nextTag(xml, end, xml.length);
      continue;
    }
    t = nextTag(xml, t.end, xml.length);
  }
  return out;
}
