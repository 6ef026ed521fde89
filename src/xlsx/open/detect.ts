/**
 * What a file is, from its bytes alone (never its name): the container its first bytes announce
 * (a zip package, an OLE2 compound file, a bare BIFF stream, a PDF or RTF document), or text; and
 * for text, decoded, what its markup says: SpreadsheetML 2003 XML (`<?mso-application
 * progid="Excel.Sheet"?>` or a Workbook in Excel's spreadsheet namespace), a flat OpenDocument
 * spreadsheet, an HTML page, else delimited text when it holds no binary control characters.
 * What a zip or an OLE2 file holds is said by their inspectors (guard/zip-inspect.ts, guard/ole2.ts).
 */
import { startsWithBof } from '../guard/biff';
import { isOle2 } from '../guard/ole2';
import { hasBinaryControls, textEncodingOf } from '../guard/text';
import { isZip } from '../guard/zip-inspect';
import { detectDelimiter } from '../csv/read';

export type Container = 'zip' | 'ole2' | 'biff' | 'other-document' | 'text';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // {\rtf

function startsWith(b: Uint8Array, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

/** The container the bytes are, from their first bytes. */
export function containerOf(b: Uint8Array): Container {
  if (isZip(b)) return 'zip';
  if (isOle2(b)) return 'ole2';
  if (startsWithBof(b)) return 'biff';
  if (startsWith(b, PDF) || startsWith(b, RTF)) return 'other-document';
  return 'text';
}

export type TextKind = 'xml2003' | 'fods' | 'html' | 'csv' | 'unknown-markup';

/** The first characters after a byte-order mark, whitespace and XML/HTML comments, lower-cased. */
function lead(text: string, length: number): string {
  let i = 0;
  for (;;) {
    while (i < text.length && /[\s\ufeff]/.test(text[i])) i++;
    if (text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      if (e < 0) return '';
      i = e + 3;
      continue;
    }
    return text.slice(i, i + length).toLowerCase();
  }
}

/** What decoded text is (see the module comment). */
export function textKindOf(text: string): TextKind {
  const head = lead(text, 65536);
  if (!head.startsWith('<')) return 'csv';
  const start = head.slice(0, 4096);
  const spreadsheetNs = start.includes('urn:schemas-microsoft-com:office:spreadsheet');
  if (start.includes('progid="excel.sheet"') && start.startsWith('<?xml') && !start.includes('<html')) return 'xml2003';
  if (spreadsheetNs && /<(?:ss:)?workbook[\s>]/.test(start) && !start.includes('<html')) return 'xml2003';
  if (/<office:document[\s>]/.test(start)) return start.includes('opendocument.spreadsheet') ? 'fods' : 'unknown-markup';
  if (/^<(?:!doctype html|html|head|body|meta|table|title|style)[\s>]/.test(head) || head.includes('<table')) return 'html';
  return 'unknown-markup';
}

/**
 * Extensions a folder is searched for (src/xlsx/node-files.ts): the spreadsheet ones are always
 * taken; the ambiguous ones (.xml, .htm/.html, .txt) only when their first bytes show a spreadsheet
 * (sniffWorkbook), so a README.txt or a web page without a table beside the reports is not reported
 * as an unreadable input.
 */
export const WORKBOOK_EXTENSIONS: ReadonlySet<string> = new Set(['xlsx', 'xlsm', 'xltx', 'xltm', 'xls', 'xlt', 'xlsb', 'et', 'ett', 'ods', 'ots', 'fods', 'csv', 'tsv']);
export const SNIFFED_EXTENSIONS: ReadonlySet<string> = new Set(['xml', 'htm', 'html', 'txt']);

/** Whether the first bytes of a file (64 KB are plenty) are those of a workbook this tool reads. */
export function sniffWorkbook(head: Uint8Array): boolean {
  const container = containerOf(head);
  if (container === 'zip' || container === 'ole2' || container === 'biff') return true;
  if (container !== 'text') return false;
  // the head may end inside a character: decoded leniently, it is only looked at
  let text: string;
  try {
    text = new TextDecoder(textEncodingOf(head) ?? 'utf-8').decode(head);
  } catch {
    return false;
  }
  if (hasBinaryControls(text)) return false;
  const kind = textKindOf(text);
  if (kind === 'xml2003' || kind === 'fods') return true;
  if (kind === 'html') return /<table[\s>]/i.test(text);
  if (kind !== 'csv') return false;
  // delimited text: most of its first lines hold the delimiter (a report's title line may not); prose does not
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  const delim = detectDelimiter(text);
  const withDelim = lines.filter((l) => l.includes(delim)).length;
  return withDelim >= 2 && withDelim * 2 >= lines.length;
}
