/**
 * The text of a .docx as a reader sees it, for tests: word/document.xml unzipped with jszip, one
 * string per paragraph (table cells are paragraphs too), in document order; empty paragraphs left out.
 */
import JSZip from 'jszip';

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function paragraphsOfXml(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g) ?? []) {
    const text = [...p.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join('');
    if (text !== '') out.push(text);
  }
  return out;
}

export async function docxPart(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const f = zip.file(part);
  if (!f) throw new Error(`no ${part} in the .docx`);
  return f.async('string');
}

export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  return paragraphsOfXml(await docxPart(bytes, 'word/document.xml'));
}
