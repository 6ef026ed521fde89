/**
 * The hostile corpus's files in the formats other than .xlsx: valid ones (read, with findings) and
 * broken, disguised, oversized and malicious ones — truncated and looping OLE2 compound files, huge
 * sector counts, encrypted workbooks, repetition bombs in OpenDocument, malformed SpreadsheetML 2003
 * and HTML, giant CSV lines and bad encodings — each with the outcome expected and the code.
 */
import * as XLSX from '@e965/xlsx';
import type { CorpusFile } from './corpus';
import { odsBytes, odsContent, odsParts, odsRows, withDirectoryCycle, withFatLoop, withHeader, xlsBytes, xml2003, xmlEsc } from './formats';
import type { Seed } from './mutate';
import { zip } from './zip-writer';

type Rows = Array<Array<number | string | null>>;

/** A zone report as rows of values (template.md §1): title, meta line, header, two indicators. */
export const REPORT_ROWS: Rows = [
  ['开发区主要经济指标月报表'],
  ['填报单位:盘锦辽滨沿海经济技术开发区', null, null, '统计期:2026年9月', null, null, '金额单位:万元'],
  ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)', '年度目标', '说明'],
  ['规模以上工业总产值', '01', '万元', 45210, 398765.4, 352011, 13.3, 520000, null],
  ['战略性新兴产业产值', '02', '万元', 12000, 101000, 90000, 12.2, 130000, null],
];

const enc = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

function csv(rows: Rows, sep = ','): string {
  return rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(sep)).join('\r\n') + '\r\n';
}

function html(rows: Rows, head = '<meta charset="utf-8">'): string {
  const cell = (v: number | string | null): string => `<td>${v === null ? '' : xmlEsc(String(v))}</td>`;
  return `<!DOCTYPE html><html><head>${head}<title>月报</title></head><body><table>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('')}</table></body></html>`;
}

/** A compound file holding the given streams (written by SheetJS's CFB module). */
function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, data);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
}

/** An .xls whose Workbook stream gets a FILEPASS record (an encrypted workbook) after its first BOF. */
function xlsEncrypted(): Uint8Array {
  const cfb = XLSX.CFB.read(xlsBytes([{ name: '盘锦', rows: REPORT_ROWS }]), { type: 'array' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  if (!entry) throw new Error('SheetJS wrote no Workbook stream');
  const stream = Uint8Array.from(entry.content as ArrayLike<number>);
  const bofLen = 4 + (stream[2] | (stream[3] << 8));
  // FILEPASS, RC4 (wEncryptionType 1) with a dummy 52-byte header
  const filepass = new Uint8Array(4 + 54);
  filepass.set([0x2f, 0x00, 54, 0x00, 0x01, 0x00]);
  const out = new Uint8Array(stream.length + filepass.length);
  out.set(stream.subarray(0, bofLen));
  out.set(filepass, bofLen);
  out.set(stream.subarray(bofLen), bofLen + filepass.length);
  return compound({ Workbook: out });
}

/**
 * An .xls whose worksheet holds `cells` numbers in MULRK records (1,300 a record, as Excel packs a
 * row of numbers): written record by record, because SheetJS takes a minute to write 300,000 cells.
 */
function xlsManyCells(cells: number): Uint8Array {
  const records: number[] = [];
  const rec = (type: number, body: number[]): void => {
    records.push(type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body);
  };
  const bof = (kind: number): void => rec(0x0809, [0x00, 0x06, kind & 0xff, kind >> 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
  bof(0x0005);
  rec(0x000a, []);
  bof(0x0010);
  const perRecord = 1300;
  for (let done = 0, row = 0; done < cells; row++) {
    const n = Math.min(perRecord, cells - done);
    const body = [...u16(row), ...u16(0)];
    for (let k = 0; k < n; k++) body.push(0x0f, 0x00, 0x02, 0x00, 0x00, 0x00); // ixfe 15, RK 0 (integer 0)
    body.push(...u16(n - 1));
    rec(0x00bd, body);
    done += n;
  }
  rec(0x000a, []);
  return compound({ Workbook: Uint8Array.from(records) });
}

function xlsb(rows: Rows): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '盘锦辽滨');
  return new Uint8Array(XLSX.write(wb, { bookType: 'xlsb', type: 'array' }) as ArrayBuffer);
}

function utf16le(text: string): Uint8Array {
  return Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

function gb18030(text: string): Uint8Array {
  // the test environment's ICU encodes nothing but UTF-8: GB18030 bytes by the decoder's own table
  const out: number[] = [];
  const dec = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

export function formatCorpus(): CorpusFile[] {
  const xls = xlsBytes([{ name: '盘锦辽滨', rows: REPORT_ROWS }]);
  const ods = odsBytes(odsContent([{ name: '盘锦辽滨', rows: odsRows(REPORT_ROWS) }]));
  return [
    // ---- .xls: valid, and damaged in the structure of its compound file
    { name: 'xls-valid.xls', bytes: xls, expect: 'findings' },
    { name: 'xls-named-xlsx.xlsx', bytes: xls, expect: 'findings' },
    { name: 'xls-truncated-half.xls', bytes: xls.slice(0, xls.length >> 1), expect: 'input-error', code: 'E_TRUNCATED' },
    { name: 'xls-header-only.xls', bytes: xls.slice(0, 512), expect: 'input-error', code: 'E_TRUNCATED' },
    { name: 'xls-fat-loop.xls', bytes: withFatLoop(xls), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'xls-directory-cycle.xls', bytes: withDirectoryCycle(xls), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'xls-huge-fat-sector-count.xls', bytes: withHeader(xls, 44, 0x7fffffff), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'xls-huge-difat-count.xls', bytes: withHeader(withHeader(xls, 72, 0x7fffffff), 68, 0), expect: 'either' },
    { name: 'xls-directory-out-of-file.xls', bytes: withHeader(xls, 48, 0x0fffffff), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'xls-encrypted-filepass.xls', bytes: xlsEncrypted(), expect: 'input-error', code: 'E_ENCRYPTED' },
    { name: 'xls-sheet-named-constructor.xls', bytes: xlsBytes([{ name: 'constructor', rows: REPORT_ROWS }]), expect: 'input-error', code: 'E_UNSAFE_NAME' },
    { name: 'xls-cells-320000.xls', bytes: xlsManyCells(320_000), expect: 'input-error', code: 'E_TOO_LARGE' },
    { name: 'xlsx-encrypted-in-ole2.xlsx', bytes: compound({ EncryptionInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(4096).fill(0x5a) }), expect: 'input-error', code: 'E_ENCRYPTED' },
    { name: 'word-doc-renamed.xls', bytes: compound({ WordDocument: new Uint8Array(4096).fill(1) }), expect: 'input-error', code: 'E_OTHER_DOCUMENT' },
    { name: 'ole2-no-workbook.xls', bytes: compound({ Other: new Uint8Array(100) }), expect: 'input-error', code: 'E_UNKNOWN_FORMAT' },
    { name: 'biff-bare-bad-length.xls', bytes: Uint8Array.from([0x09, 0x02, 0x06, 0x00, 0, 0, 0x10, 0, 0, 0, 0x03, 0x02, 0xff, 0xff, 1]), expect: 'input-error', code: 'E_TRUNCATED' },
    // ---- .xlsb
    { name: 'xlsb-valid.xlsb', bytes: xlsb(REPORT_ROWS), expect: 'findings' },
    // ---- OpenDocument
    { name: 'ods-valid.ods', bytes: ods, expect: 'findings' },
    { name: 'ods-named-xls.xls', bytes: ods, expect: 'findings' },
    { name: 'ods-repeat-bomb.ods', bytes: odsBytes(odsContent([{ name: 'S', rows: '<table:table-row table:number-rows-repeated="100000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"><text:p>1</text:p></table:table-cell></table:table-row>' }])), expect: 'input-error', code: 'E_TOO_LARGE' },
    { name: 'ods-rows-beyond-limit.ods', bytes: odsBytes(odsContent([{ name: 'S', rows: '<table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row><table:table-row>' + odsRows([['x']]).slice('<table:table-row>'.length) }])), expect: 'input-error', code: 'E_ROW_LIMIT' },
    { name: 'ods-covered-cells-bomb.ods', bytes: odsBytes(odsContent([{ name: 'S', rows: '<table:table-row><table:covered-table-cell table:number-columns-repeated="1000000000"/></table:table-row>' }])), expect: 'input-error', code: 'E_COL_LIMIT' },
    { name: 'ods-encrypted.ods', bytes: odsBytes(odsContent([{ name: 'S', rows: odsRows([['x']]) }]), undefined, '<manifest:encryption-data manifest:checksum-type="SHA1"/>'), expect: 'input-error', code: 'E_ENCRYPTED' },
    { name: 'ods-table-named-proto.ods', bytes: odsBytes(odsContent([{ name: '__proto__', rows: odsRows(REPORT_ROWS) }])), expect: 'input-error', code: 'E_UNSAFE_NAME' },
    { name: 'ods-doctype.ods', bytes: odsBytes(odsContent([{ name: 'S', rows: odsRows([['x']]) }]).replace('?>', '?><!DOCTYPE x [<!ENTITY a "b">]>')), expect: 'input-error', code: 'E_XML_DTD' },
    { name: 'odt-renamed.xlsx', bytes: odsBytes('<office:document-content/>', 'application/vnd.oasis.opendocument.text'), expect: 'input-error', code: 'E_OTHER_DOCUMENT' },
    { name: 'fods-valid.fods', bytes: enc(odsContent([{ name: '盘锦辽滨', rows: odsRows(REPORT_ROWS) }]).replace('office:document-content', 'office:document office:mimetype="application/vnd.oasis.opendocument.spreadsheet"').replace('</office:document-content>', '</office:document>')), expect: 'findings' },
    // ---- SpreadsheetML 2003
    { name: 'xml2003-valid.xls', bytes: enc(xml2003([{ name: '盘锦辽滨', rows: REPORT_ROWS }])), expect: 'findings' },
    { name: 'xml2003-malformed.xml', bytes: enc(xml2003([{ name: '盘锦辽滨', rows: REPORT_ROWS }]).replace(/<\/Row>/g, '').slice(0, -200)), expect: 'either' },
    { name: 'xml2003-doctype.xml', bytes: enc(xml2003([{ name: 'S', rows: REPORT_ROWS }]).replace('<?mso-application', '<!DOCTYPE Workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><?mso-application')), expect: 'input-error', code: 'E_XML_DTD' },
    { name: 'xml2003-row-index-huge.xml', bytes: enc(xml2003([{ name: 'S', rows: [['x']] }]).replace('<Row>', '<Row ss:Index="2000000">')), expect: 'input-error', code: 'E_ROW_LIMIT' },
    { name: 'xml2003-merge-huge.xml', bytes: enc(xml2003([{ name: 'S', rows: [['x']] }]).replace('<Cell>', '<Cell ss:MergeAcross="100" ss:MergeDown="100000">')), expect: 'input-error', code: 'E_RANGE_TOO_LARGE' },
    { name: 'xml2003-worksheet-proto.xml', bytes: enc(xml2003([{ name: '__proto__', rows: REPORT_ROWS }])), expect: 'input-error', code: 'E_UNSAFE_NAME' },
    { name: 'xml2003-utf16.xls', bytes: utf16le(xml2003([{ name: '盘锦辽滨', rows: REPORT_ROWS }]).replace('encoding="UTF-8"', 'encoding="UTF-16"')), expect: 'findings' },
    // ---- HTML
    { name: 'html-report.xls', bytes: enc(html(REPORT_ROWS)), expect: 'findings' },
    { name: 'html-gb2312.xls', bytes: gb18030(html(REPORT_ROWS, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')), expect: 'findings' },
    { name: 'html-malformed.htm', bytes: enc('<html><body><table><tr><td colspan="x" rowspan=-3>a<td>1 < 2 <b>b<tr><td title="unterminated>c</table><table><tr><td>' + '<'.repeat(1000)), expect: 'either' },
    { name: 'html-rowspan-bomb.html', bytes: enc('<table><tr><td colspan="100000" rowspan="100000">x</td></tr></table>'), expect: 'input-error', code: 'E_RANGE_TOO_LARGE' },
    { name: 'html-style-without-end.html', bytes: enc('<html><head>' + '<style x'.repeat(100_000) + '</head><body><table><tr><td>1</td></tr></table>'), expect: 'either' },
    { name: 'html-deep-nesting.html', bytes: enc('<table><tr><td>' + '<table><tr><td>'.repeat(50_000) + 'x'), expect: 'either' },
    { name: 'html-cell-too-long.html', bytes: enc(`<table><tr><td>${'数'.repeat(40_000)}</td></tr></table>`), expect: 'input-error', code: 'E_CELL_TOO_LONG' },
    // ---- delimited text
    { name: 'csv-utf8-bom.csv', bytes: enc('\ufeff' + csv(REPORT_ROWS)), expect: 'findings' },
    { name: 'csv-gb18030.csv', bytes: gb18030(csv(REPORT_ROWS)), expect: 'findings' },
    { name: 'csv-utf16-tabs.txt', bytes: utf16le(csv(REPORT_ROWS, '\t')), expect: 'findings' },
    { name: 'csv-semicolons.csv', bytes: enc(csv(REPORT_ROWS, ';')), expect: 'findings' },
    { name: 'csv-giant-line.csv', bytes: enc('x'.repeat(5_000_000)), expect: 'input-error', code: 'E_CELL_TOO_LONG' },
    { name: 'csv-giant-line-of-fields.csv', bytes: enc('1,'.repeat(20_000)), expect: 'input-error', code: 'E_COL_LIMIT' },
    { name: 'csv-unterminated-quote.csv', bytes: enc('指标名称,"' + '本月,'.repeat(20_000)), expect: 'input-error', code: 'E_CELL_TOO_LONG' },
    { name: 'csv-rows-beyond-limit.csv', bytes: enc('\n'.repeat(1_048_577) + 'x'), expect: 'input-error', code: 'E_ROW_LIMIT' },
    { name: 'csv-cells-beyond-limit.csv', bytes: enc('1,2,3\n'.repeat(110_000)), expect: 'input-error', code: 'E_TOO_LARGE' },
    { name: 'csv-bad-encoding.csv', bytes: Uint8Array.from([...enc('指标名称,本月\n'), 0xff, 0xfe, 0x80, 0x41, 0x0a].slice(3)), expect: 'input-error', code: 'E_BAD_ENCODING' },
    { name: 'csv-utf16-broken.csv', bytes: Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]), expect: 'input-error', code: 'E_BAD_ENCODING' },
    { name: 'binary-renamed.csv', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), expect: 'input-error', code: 'E_UNKNOWN_FORMAT' },
    { name: 'pdf-renamed.xls', bytes: enc('%PDF-1.4\n1 0 obj<<>>endobj\n'), expect: 'input-error', code: 'E_OTHER_DOCUMENT' },
    { name: 'zip-bomb-ods.ods', bytes: zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true }, { name: 'content.xml', data: ' '.repeat(10_000_000), declaredSize: 100 }]), expect: 'input-error', code: 'E_ZIP_BOMB' },
  ];
}

/** Valid workbooks in the formats other than .xlsx for the fuzzer to mutate (mutate.ts). */
export function formatSeeds(): Seed[] {
  const withFormula = REPORT_ROWS.map((r) => [...r]);
  return [
    { name: 'xls', bytes: xlsBytes([{ name: '盘锦辽滨', rows: REPORT_ROWS }, { name: '大连金普', rows: withFormula }]) },
    { name: 'ods', parts: odsParts(odsContent([{ name: '盘锦辽滨', rows: odsRows(REPORT_ROWS) + '<table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p>合并</text:p></table:table-cell><table:covered-table-cell/></table:table-row>' }])) },
    { name: 'xml2003', text: xml2003([{ name: '盘锦辽滨', rows: REPORT_ROWS }]), kind: 'markup' },
    { name: 'html', text: html(REPORT_ROWS).replace('<td>', '<td colspan="2" rowspan="2">'), kind: 'markup' },
    { name: 'csv', text: csv(REPORT_ROWS), kind: 'csv' },
    { name: 'csv-utf16', text: csv(REPORT_ROWS, '\t'), kind: 'csv', encoding: 'utf16le' },
  ];
}
