/**
 * Builders of workbooks in the formats other than .xlsx, for tests, the hostile corpus and the
 * fuzzer: OpenDocument spreadsheets (hand-written XML in a zip), SpreadsheetML 2003 XML, HTML
 * tables, delimited text, and legacy .xls (BIFF8 in an OLE2 compound file, written by SheetJS from
 * rows of values) with helpers to damage an OLE2 file's structure in the ways hostile files do.
 * Test code only.
 */
import * as XLSX from '@e965/xlsx';
import { zip, type ZipPart } from './zip-writer';

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const ODS_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"';

export function xmlEsc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** An ODS table cell: a number or text (null: an empty cell). */
export function odsCell(v: number | string | null): string {
  if (v === null) return '<table:table-cell/>';
  if (typeof v === 'number') return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  return `<table:table-cell office:value-type="string"><text:p>${xmlEsc(v)}</text:p></table:table-cell>`;
}

/** content.xml of a spreadsheet whose tables are given as name → inner XML (rows). */
export function odsContent(tables: Array<{ name: string; rows: string }>, styles = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODS_NS} office:version="1.2">` +
    `<office:automatic-styles>${styles}</office:automatic-styles><office:body><office:spreadsheet>` +
    tables.map((t) => `<table:table table:name="${xmlEsc(t.name)}">${t.rows}</table:table>`).join('') +
    '</office:spreadsheet></office:body></office:document-content>'
  );
}

/** Rows of values as ODS table rows. */
export function odsRows(rows: Array<Array<number | string | null>>): string {
  return rows.map((r) => `<table:table-row>${r.map(odsCell).join('')}</table:table-row>`).join('');
}

/** The parts of an .ods package (mimetype first and stored, as the format requires). */
export function odsParts(content: string, mime = ODS_MIME, manifestExtra = ''): ZipPart[] {
  return [
    { name: 'mimetype', data: mime, stored: true },
    {
      name: 'META-INF/manifest.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry></manifest:manifest>`,
    },
    { name: 'content.xml', data: content },
    { name: 'styles.xml', data: `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ODS_NS} office:version="1.2"/>` },
  ];
}

export function odsBytes(content: string, mime = ODS_MIME, manifestExtra = ''): Uint8Array {
  return zip(odsParts(content, mime, manifestExtra));
}

/** A SpreadsheetML 2003 workbook of sheets of values (strings and numbers), as Excel 2003 saves it. */
export function xml2003(sheets: Array<{ name: string; rows: Array<Array<number | string | null>>; merge?: string }>, extra = ''): string {
  const cell = (v: number | string | null): string =>
    v === null ? '<Cell/>' : typeof v === 'number' ? `<Cell><Data ss:Type="Number">${v}</Data></Cell>` : `<Cell><Data ss:Type="String">${xmlEsc(v)}</Data></Cell>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n' +
    '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
    extra +
    sheets
      .map((s) => `<Worksheet ss:Name="${xmlEsc(s.name)}"><Table>${s.rows.map((r) => `<Row>${r.map(cell).join('')}</Row>`).join('')}</Table></Worksheet>`)
      .join('') +
    '</Workbook>'
  );
}

/** An .xls (BIFF8) of sheets of values, written by SheetJS. */
export function xlsBytes(sheets: Array<{ name: string; rows: Array<Array<number | string | null>> }>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(s.rows), s.name);
  return new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
}

const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** A copy of an OLE2 file with a 32-bit header field set (44: FAT sectors, 48: first directory sector, 60: mini FAT…). */
export function withHeader(ole: Uint8Array, offset: number, value: number): Uint8Array {
  const b = Uint8Array.from(ole);
  put32(b, offset, value);
  return b;
}

/** A copy of an OLE2 file whose directory chain loops on itself (its first FAT entry points back). */
export function withFatLoop(ole: Uint8Array): Uint8Array {
  const b = Uint8Array.from(ole);
  const sector = 1 << (b[30] | (b[31] << 8));
  const fat0 = u32(b, 76);
  const dir = u32(b, 48);
  put32(b, (fat0 + 1) * sector + dir * 4, dir);
  return b;
}

/** A copy of an OLE2 file whose directory tree links an entry to itself. */
export function withDirectoryCycle(ole: Uint8Array): Uint8Array {
  const b = Uint8Array.from(ole);
  const sector = 1 << (b[30] | (b[31] << 8));
  const dir = u32(b, 48);
  const root = (dir + 1) * sector;
  const child = u32(b, root + 76);
  // the root's child's right sibling is itself
  put32(b, root + child * 128 + 72, child);
  return b;
}
