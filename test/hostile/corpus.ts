/**
 * The hostile-file corpus, generated in memory by the project's own code and its dependencies
 * (nothing downloaded): broken, disguised, oversized and malicious workbooks, Chinese-report text
 * hazards inside otherwise valid report sheets, and valid workbooks so the "findings" path is
 * exercised too — in .xlsx here, in every other format read in corpus-formats.ts. `code` is what
 * reading the file (src/xlsx/open/read-workbook.ts: detection, the format's guard, its reader) must
 * answer for that file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import type { Seed } from './mutate';
import { bookParts, esc, fml, GOOD_ROWS, num, reportSheet, row, str, type BookSpec, type ReportRow } from './workbook-xml';
import { deflatedRepeat, zip, type ZipPart } from './zip-writer';
import { clerkMistakes, reportSheet as sampleSheet, sampleMonth, sampleRegister } from '../../src/domain/sample';
import { fixtureWorkbook } from '../lossless/fixture-writer';
import { formatCorpus, formatSeeds } from './corpus-formats';

export interface CorpusFile {
  name: string;
  bytes: Uint8Array;
  /** input-error: the tool must refuse it; findings: it must be read (exit 0 or 1); either: no crash */
  expect: 'input-error' | 'findings' | 'either';
  /** the refusal's code for an input-error */
  code?: string;
}

const book = (spec: BookSpec): Uint8Array => zip(bookParts(spec));
const report = (rows: ReportRow[] = GOOD_ROWS, extra: Partial<BookSpec> = {}): Uint8Array =>
  book({ sheets: [reportSheet('盘锦辽滨', rows)], ...extra });
/** A valid report whose worksheet part is replaced by other sheet XML. */
const sheetXml = (inner: string, after = '', before = ''): Uint8Array =>
  book({ sheets: [{ name: '盘锦辽滨', data: inner, after, before }] });
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const SST_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

function withSst(sst: string | Uint8Array): Uint8Array {
  return book({
    sheets: [{ name: 'S', data: row(1, '<c r="A1" t="s"><v>0</v></c>') }],
    strings: ['x'],
    replace: { 'xl/sharedStrings.xml': sst },
  });
}

/** An OLE2 signature and the name of an encrypted package, but no compound-file structure. */
function oleHeader(): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  b.set(Buffer.from('EncryptedPackage', 'utf16le'), 1024);
  return b;
}

function overlapping(): Uint8Array {
  // Two central entries pointing at the same compressed data (the "overlapping files" bomb).
  const good = report();
  const buf = Buffer.from(good);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdOff = buf.readUInt32LE(eocd + 16);
  // point the second central entry at the first entry's local header
  let o = cdOff;
  o += 46 + buf.readUInt16LE(o + 28) + buf.readUInt16LE(o + 30) + buf.readUInt16LE(o + 32);
  const firstLocal = buf.readUInt32LE(cdOff + 42);
  buf.writeUInt32LE(firstLocal, o + 42);
  return new Uint8Array(buf);
}

function corruptDeflate(): Uint8Array {
  const parts = bookParts({ sheets: [reportSheet('S', GOOD_ROWS)] });
  const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('builder changed');
  const body = Buffer.from(deflateRawSync(Buffer.from(String(sheet.data))));
  for (let i = 8; i < body.length; i += 7) body[i] ^= 0xa5;
  sheet.deflated = body;
  sheet.declaredSize = Buffer.byteLength(String(sheet.data));
  return zip(parts);
}

function encryptedEntry(): Uint8Array {
  const parts = bookParts({ sheets: [reportSheet('S', GOOD_ROWS)] });
  return zip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, flags: 1 } : p)));
}

/** A sheet part of `mb` MB of spaces (valid XML whitespace) deflated at ~1000:1. */
function bombSheet(mb: number, declared?: number): Uint8Array {
  const parts: ZipPart[] = bookParts({ sheets: [{ name: 'S', data: '' }] }).map((p) =>
    p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, deflated: deflatedRepeat(mb), declaredSize: declared ?? mb * 1024 * 1024 } : p,
  );
  return zip(parts);
}

/**
 * A clerk's report as Excel writes it (shared strings, x14 data bar, chart…) with a dropdown on the
 * whole unit column and a cross-sheet x14 list on the whole column I: read, with findings.
 */
function wholeColumnDropdowns(): Uint8Array {
  const period = { year: 2026, month: 9 };
  const month = sampleMonth(sampleRegister(2), period);
  const sheet = sampleSheet(month[0].zone, period, month[0].values, { overrides: clerkMistakes(month[0].values) });
  return fixtureWorkbook({ reports: [sheet], chart: true, validations: 'whole-column' });
}

/** Column letters of a 1-based column number. */
function colName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const MERGED_TITLE = '<mergeCells count="1"><mergeCell ref="A1:I1"/></mergeCells>';

/** A cross-sheet list validation as Excel 2010+ writes it (an x14 extension in the sheet's extLst). */
const X14_LIST = (sqref: string): string =>
  '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
  '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1">' +
  `<x14:formula1><xm:f>下拉选项!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;

const HAZARD_ROWS: ReportRow[] = [
  ['规模以上工业总产值', '01', '万元', '４５２１０', '398765.4。', '—', '−3.2', '520\u200b000', '①含新投产企业'],
  ['战略性新兴产业产值', '02', '万元', '…', '101,000', '90000\ufeff', '１２．２％', '— —', null],
  ['规上工业营业收入', '04', '万元', '\u00ad1200', '9800\u2060', '〇', '‐1.5', '/', '无'],
];

/** Every corpus file. Deterministic: the same bytes on every call. */
export function buildCorpus(): CorpusFile[] {
  const good = report();
  const files: CorpusFile[] = [
    // ---- not a workbook at all
    { name: 'empty-file.xlsx', bytes: new Uint8Array(0), expect: 'input-error', code: 'E_EMPTY' },
    { name: 'csv-renamed.xlsx', bytes: Buffer.from('指标名称,本月\n规模以上工业总产值,45210\n'), expect: 'findings' },
    { name: 'html-renamed.xlsx', bytes: Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), expect: 'findings' },
    { name: 'ole2-signature-only.xlsx', bytes: oleHeader(), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'truncated-half.xlsx', bytes: good.slice(0, Math.floor(good.length / 2)), expect: 'input-error', code: 'E_TRUNCATED' },
    { name: 'truncated-tail.xlsx', bytes: good.slice(0, good.length - 10), expect: 'input-error', code: 'E_TRUNCATED' },
    { name: 'empty-zip.xlsx', bytes: zip([]), expect: 'input-error', code: 'E_EMPTY_ZIP' },
    { name: 'zip-of-text.xlsx', bytes: zip([{ name: 'readme.txt', data: '月报见附件' }]), expect: 'input-error', code: 'E_NO_WORKBOOK' },
    { name: 'docx-renamed.xlsx', bytes: zip([{ name: '[Content_Types].xml', data: XML + '<Types/>' }, { name: 'word/document.xml', data: XML + '<document/>' }]), expect: 'input-error', code: 'E_OTHER_DOCUMENT' },
    { name: 'xlsb-renamed.xlsx', bytes: zip([{ name: '[Content_Types].xml', data: XML + '<Types/>' }, { name: 'xl/workbook.bin', data: new Uint8Array([0x83, 1, 0]) }]), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'encrypted-entry.xlsx', bytes: encryptedEntry(), expect: 'input-error', code: 'E_ENCRYPTED' },
    { name: 'corrupt-deflate.xlsx', bytes: corruptDeflate(), expect: 'input-error', code: 'E_CORRUPT' },
    // ---- part names: found through relationships whatever their case (OPC); a listed sheet missing is damage
    { name: 'workbook-name-case.xlsx', bytes: book({ sheets: [reportSheet('S', GOOD_ROWS)], rename: { 'xl/workbook.xml': 'xl/Workbook.xml' } }), expect: 'findings' },
    { name: 'sheet-name-case.xlsx', bytes: book({ sheets: [reportSheet('S', GOOD_ROWS)], rename: { 'xl/worksheets/sheet1.xml': 'xl/worksheets/Sheet1.xml' } }), expect: 'findings' },
    { name: 'sheet-part-missing.xlsx', bytes: book({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS), reportSheet('大连金普', GOOD_ROWS)], replace: { 'xl/worksheets/sheet2.xml': null } }), expect: 'input-error', code: 'E_SHEET_MISSING' },
    { name: 'duplicate-part.xlsx', bytes: book({ sheets: [reportSheet('S', GOOD_ROWS)], extra: [{ name: 'xl/worksheets/sheet1.xml', data: XML + '<worksheet/>' }] }), expect: 'input-error', code: 'E_DUPLICATE_PART' },
    // ---- size and bombs
    { name: 'bomb-300mb-sheet.xlsx', bytes: bombSheet(300), expect: 'input-error', code: 'E_ZIP_BOMB' },
    { name: 'bomb-lying-size.xlsx', bytes: bombSheet(300, 4096), expect: 'input-error', code: 'E_ZIP_BOMB' },
    { name: 'bomb-overlapping-entries.xlsx', bytes: overlapping(), expect: 'input-error', code: 'E_ZIP_BOMB' },
    { name: 'too-many-parts.xlsx', bytes: book({ sheets: [reportSheet('S', GOOD_ROWS)], extra: Array.from({ length: 5001 }, (_, i) => ({ name: `xl/media/p${i}.txt`, data: '' })) }), expect: 'input-error', code: 'E_TOO_MANY_PARTS' },
    // ---- rows and columns
    { name: 'row-1e9.xlsx', bytes: sheetXml('<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>'), expect: 'input-error', code: 'E_ROW_LIMIT' },
    { name: 'rows-1048577-numbered-1.xlsx', bytes: sheetXml(Array.from({ length: 1_048_577 }, (_, i) => `<row r="1" ht="${i}"/>`).join('')), expect: 'input-error', code: 'E_ROW_LIMIT' },
    { name: 'cell-a1048577.xlsx', bytes: sheetXml('<row r="5"><c r="A1048577"><v>1</v></c></row>'), expect: 'input-error', code: 'E_ROW_LIMIT' },
    { name: 'cell-xfe1.xlsx', bytes: sheetXml('<row r="1"><c r="XFE1"><v>1</v></c></row>'), expect: 'input-error', code: 'E_COL_LIMIT' },
    { name: 'col-max-1e9.xlsx', bytes: sheetXml(row(1, num('A1', 1)), '', '<cols><col min="1" max="1000000000" width="9"/></cols>'), expect: 'input-error', code: 'E_COL_LIMIT' },
    { name: 'row-negative.xlsx', bytes: sheetXml('<row r="-5"><c><v>1</v></c></row>'), expect: 'input-error', code: 'E_BAD_REF' },
    { name: 'row-not-number.xlsx', bytes: sheetXml('<row r="十"><c><v>1</v></c></row>'), expect: 'input-error', code: 'E_BAD_REF' },
    { name: 'merge-whole-sheet.xlsx', bytes: sheetXml(row(1, num('A1', 1)), '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'), expect: 'input-error', code: 'E_RANGE_TOO_LARGE' },
    { name: 'merge-whole-column.xlsx', bytes: sheetXml(row(1, num('A1', 1)), '<mergeCells count="1"><mergeCell ref="C1:C1048576"/></mergeCells>'), expect: 'input-error', code: 'E_RANGE_TOO_LARGE' },
    // data validations are cut out of what exceljs reads (src/xlsx/read-copy.ts): read, never expanded
    { name: 'validation-whole-sheet.xlsx', bytes: sheetXml(row(1, num('A1', 1)), '<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>'), expect: 'findings' },
    { name: 'validations-2000-whole-columns.xlsx', bytes: sheetXml(row(1, num('A1', 1)), `<dataValidations count="2000">${Array.from({ length: 2000 }, (_, i) => `<dataValidation type="list" sqref="${colName(i + 1)}1:${colName(i + 1)}1048576"><formula1>"是,否"</formula1></dataValidation>`).join('')}</dataValidations>`), expect: 'findings' },
    { name: 'validation-prefixed-unclosed.xlsx', bytes: sheetXml(row(1, num('A1', 1)), '<!-- <dataValidations> --><x:dataValidations xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1"><x:dataValidation type="list" sqref="A1:XFD1048576"><x:formula1>"是"</x:formula1></x:dataValidation>'), expect: 'either' },
    { name: 'hyperlink-row-1e9.xlsx', bytes: sheetXml(row(1, num('A1', 1)), '<hyperlinks><hyperlink ref="A1000000000" display="x"/></hyperlinks>'), expect: 'input-error', code: 'E_ROW_LIMIT' },
    // ---- reserved names (prototype pollution in exceljs)
    { name: 'definedname-proto-sheet.xlsx', bytes: report(GOOD_ROWS, { definedNames: `<definedName name="区域">'__proto__'!$A$1:$B$2</definedName>` }), expect: 'input-error', code: 'E_UNSAFE_NAME' },
    { name: 'sheet-named-proto.xlsx', bytes: book({ sheets: [reportSheet('__proto__', GOOD_ROWS)], definedNames: `<definedName name="x">__proto__!$A$1</definedName>` }), expect: 'input-error', code: 'E_UNSAFE_NAME' },
    { name: 'sheet-named-constructor.xlsx', bytes: book({ sheets: [reportSheet('constructor', GOOD_ROWS)] }), expect: 'input-error', code: 'E_UNSAFE_NAME' },
    { name: 'definedname-prototype.xlsx', bytes: report(GOOD_ROWS, { definedNames: `<definedName name="prototype">'盘锦辽滨'!$A$1</definedName>` }), expect: 'input-error', code: 'E_UNSAFE_NAME' },
    // ---- XML hazards
    { name: 'xxe-external-entity.xlsx', bytes: withSst(XML + `<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><sst ${SST_NS}><si><t>&xxe;</t></si></sst>`), expect: 'input-error', code: 'E_XML_DTD' },
    { name: 'billion-laughs.xlsx', bytes: withSst(XML + `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><sst ${SST_NS}><si><t>&lol3;</t></si></sst>`), expect: 'input-error', code: 'E_XML_DTD' },
    { name: 'doctype-in-workbook.xlsx', bytes: report(GOOD_ROWS, { replace: { 'xl/workbook.xml': XML + '<!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd"><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>' } }), expect: 'input-error', code: 'E_XML_DTD' },
    { name: 'invalid-utf8.xlsx', bytes: withSst(Buffer.concat([Buffer.from(XML + `<sst ${SST_NS}><si><t>`), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from('</t></si></sst>')])), expect: 'input-error', code: 'E_BAD_ENCODING' },
    { name: 'gbk-bytes.xlsx', bytes: withSst(Buffer.concat([Buffer.from(`<?xml version="1.0" encoding="GBK"?><sst ${SST_NS}><si><t>`), Buffer.from([0xbf, 0xaa, 0xb7, 0xa2, 0xc7, 0xf8]), Buffer.from('</t></si></sst>')])), expect: 'input-error', code: 'E_BAD_ENCODING' },
    { name: 'utf16-workbook-no-sheets.xlsx', bytes: report(GOOD_ROWS, { replace: { 'xl/workbook.xml': Buffer.from('\ufeff<?xml version="1.0" encoding="UTF-16"?><workbook/>', 'utf16le') } }), expect: 'input-error', code: 'E_NO_SHEETS' },
    // ---- odd but legal-looking: must not crash; the engine decides
    { name: 'zero-sheets.xlsx', bytes: book({ sheets: [] }), expect: 'either' },
    { name: 'only-title.xlsx', bytes: book({ sheets: [{ name: '盘锦辽滨', data: row(1, str('A1', '开发区主要经济指标月报表')) }] }), expect: 'findings' },
    { name: 'sst-index-out-of-range.xlsx', bytes: book({ sheets: [{ name: 'S', data: row(1, '<c r="A1" t="s"><v>99</v></c><c r="B1" t="s"><v>-1</v></c>') }], strings: ['指标名称'] }), expect: 'either' },
    { name: 'c-without-r.xlsx', bytes: sheetXml('<row r="1"><c t="inlineStr"><is><t>指标名称</t></is></c><c><v>1</v></c></row><row><c><v>2</v></c></row>'), expect: 'either' },
    { name: 'iso-date-cells.xlsx', bytes: report([['规模以上工业总产值', '01', '万元', 45210, 398765.4, 352011, 13.3, 520000, null]], { sheets: [reportSheet('S', GOOD_ROWS), { name: '日期', data: row(1, '<c r="A1" t="d"><v>2024-09-30</v></c><c r="B1" t="d"><v>2024-09-30T12:00:00Z</v></c>') }] }), expect: 'findings' },
    { name: 'duplicate-sheet-names.xlsx', bytes: book({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS), reportSheet('盘锦辽滨', GOOD_ROWS)] }), expect: 'either' },
    { name: 'formula-errors.xlsx', bytes: book({ sheets: [{ ...reportSheet('盘锦辽滨', GOOD_ROWS), data: reportSheet('盘锦辽滨', GOOD_ROWS).data.replace('<c r="G4"><v>13.3</v></c>', '<c r="G4" t="e"><f>E4/0</f><v>#DIV/0!</v></c>').replace('<c r="G5"><v>12.2</v></c>', '<c r="G5" t="e"><f>#REF!/F5</f><v>#REF!</v></c>') }] }), expect: 'findings' },
    { name: 'formula-no-cached-result.xlsx', bytes: book({ sheets: [{ ...reportSheet('盘锦辽滨', GOOD_ROWS), data: reportSheet('盘锦辽滨', GOOD_ROWS).data.replace('<c r="G4"><v>13.3</v></c>', fml('G4', '(E4/F4-1)*100', '').replace('<v></v>', '')) }] }), expect: 'findings' },
    { name: 'chinese-text-hazards.xlsx', bytes: report(HAZARD_ROWS), expect: 'findings' },
    { name: 'unit-in-number-format.xlsx', bytes: book({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS, (c, r) => (r >= 4 && c >= 3 && c <= 5 ? ' s="1"' : c === 7 && r >= 4 ? ' s="2"' : ''))], numFmts: '<numFmt numFmtId="164" formatCode="0&quot;万元&quot;"/><numFmt numFmtId="165" formatCode="#,##0,,"/>', xfs: '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' }), expect: 'findings' },
    { name: 'namespace-prefixed.xlsx', bytes: report(GOOD_ROWS, { replace: { 'xl/worksheets/sheet1.xml': XML + '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>指标名称</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>' } }), expect: 'either' },
    { name: 'control-characters.xlsx', bytes: sheetXml(row(1, `<c r="A1" t="inlineStr"><is><t>a\u0001b\u0008</t></is></c>`)), expect: 'either' },
    { name: 'huge-sst-count.xlsx', bytes: withSst(XML + `<sst ${SST_NS} count="4294967295" uniqueCount="4294967295"><si><t>x</t></si></sst>`), expect: 'either' },
    { name: 'comment-row-1e9.xlsx', bytes: report(GOOD_ROWS, { extra: [{ name: 'xl/comments1.xml', data: XML + `<comments ${SST_NS}><authors><author>a</author></authors><commentList><comment ref="A1000000000" authorId="0"><text><t>x</t></text></comment></commentList></comments>` }] }), expect: 'input-error', code: 'E_ROW_LIMIT' },
    { name: 'whole-column-validation.xlsx', bytes: sheetXml(row(1, num('A1', 1)), '<dataValidations count="1"><dataValidation type="list" sqref="C2:C1048576"><formula1>"是,否"</formula1></dataValidation></dataValidations>'), expect: 'findings' },
    { name: 'whole-column-validation-colon-ref.xlsx', bytes: report(GOOD_ROWS, { sheets: [{ ...reportSheet('盘锦辽滨', GOOD_ROWS), after: MERGED_TITLE + '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C:C I:I"><formula1>"万元,亿元,%"</formula1></dataValidation></dataValidations>' }] }), expect: 'findings' },
    { name: 'realistic-whole-column-dropdowns.xlsx', bytes: wholeColumnDropdowns(), expect: 'findings' },
    { name: 'whole-column-x14-list.xlsx', bytes: report(GOOD_ROWS, { sheets: [{ ...reportSheet('盘锦辽滨', GOOD_ROWS), after: MERGED_TITLE + X14_LIST('I1:I1048576') }, { name: '下拉选项', data: row(1, str('A1', '是')) + row(2, str('A2', '否')) }] }), expect: 'findings' },
    { name: 'validation-block.xlsx', bytes: report(GOOD_ROWS, { sheets: [{ ...reportSheet('盘锦辽滨', GOOD_ROWS), after: '<dataValidations count="1"><dataValidation type="decimal" sqref="D4:H5000 J1:J20000"><formula1>0</formula1></dataValidation></dataValidations>' }] }), expect: 'findings' },
    { name: 'sheet-id-2147483648.xlsx', bytes: report(GOOD_ROWS, { replace: { 'xl/workbook.xml': XML + `<workbook ${SST_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="盘锦辽滨" sheetId="2147483648" r:id="rId1"/></sheets></workbook>` } }), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'sheet-id-repeated.xlsx', bytes: book({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS), reportSheet('大连金普', GOOD_ROWS)], replace: { 'xl/workbook.xml': XML + `<workbook ${SST_NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="盘锦辽滨" sheetId="1" r:id="rId1"/><sheet name="大连金普" sheetId="1" r:id="rId2"/></sheets></workbook>` } }), expect: 'input-error', code: 'E_CORRUPT' },
    { name: 'cells-400000.xlsx', bytes: sheetXml(Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}">` + 'ABCDEFGH'.split('').map((c, k) => `<c r="${c}${i + 1}"><v>${(i * 7 + k) % 99991}</v></c>`).join('') + '</row>').join('')), expect: 'input-error', code: 'E_TOO_LARGE' },
    { name: 'cjk-zero-width-sheet-name.xlsx', bytes: book({ sheets: [reportSheet('盘锦\u200b辽滨①', GOOD_ROWS)] }), expect: 'findings' },
    // ---- valid workbooks: the findings path
    { name: 'valid-report.xlsx', bytes: good, expect: 'findings' },
    { name: 'valid-report-stored.xlsx', bytes: zip(bookParts({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS)] }).map((p) => ({ ...p, stored: true }))), expect: 'findings' },
    { name: 'valid-shared-strings.xlsx', bytes: book({ sheets: [{ name: '盘锦辽滨', data: row(1, '<c r="A1" t="s"><v>0</v></c>') + row(3, ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计'].map((_, i) => `<c r="${'ABCDEF'[i]}3" t="s"><v>${i + 1}</v></c>`).join('')) + row(4, '<c r="A4" t="s"><v>7</v></c>' + str('B4', '01') + str('C4', '万元') + num('D4', 45210) + num('E4', 398765.4) + num('F4', 352011)) }], strings: ['开发区主要经济指标月报表', '指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '规模以上工业总产值'] }), expect: 'findings' },
    { name: 'valid-two-zones.xlsx', bytes: book({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS), reportSheet('大连金普', GOOD_ROWS)] }), expect: 'findings' },
    { name: 'valid-leading-slash-names.xlsx', bytes: zip(bookParts({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS)] }).map((p) => ({ ...p, name: '/' + p.name }))), expect: 'either' },
    { name: 'valid-escaped-names.xlsx', bytes: book({ sheets: [reportSheet('A&B <区>', GOOD_ROWS)], definedNames: `<definedName name="合计">'${esc("A&B <区>")}'!$E$4</definedName>` }), expect: 'findings' },
  ];
  return [...files, ...formatCorpus(), ...foundFiles()];
}

/** Cases the fuzzers found (test/hostile/found/*.xlsx) stay in the corpus as regressions. */
function foundFiles(): CorpusFile[] {
  const dir = path.join(__dirname, 'found');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => ({ name: 'found-' + f, bytes: new Uint8Array(fs.readFileSync(path.join(dir, f))), expect: 'either' as const }));
}

const UNIT_FORMATS: Partial<BookSpec> = {
  numFmts: '<numFmt numFmtId="164" formatCode="0&quot;万元&quot;"/>',
  xfs: '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
};

/** Valid workbooks (as parts before zipping, text, or bytes) for the mutation fuzzer to start from, in every format. */
export function seedBooks(): Seed[] {
  const formulaSheet = reportSheet('盘锦辽滨', GOOD_ROWS);
  return [
    ...formatSeeds(),
    { name: 'report', parts: bookParts({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS)], definedNames: `<definedName name="合计">'盘锦辽滨'!$E$4:$E$5</definedName>` }) },
    { name: 'hazards', parts: bookParts({ sheets: [reportSheet('盘锦辽滨', HAZARD_ROWS)] }) },
    { name: 'two-zones', parts: bookParts({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS), reportSheet('大连金普', GOOD_ROWS)] }) },
    { name: 'unit-format', parts: bookParts({ sheets: [reportSheet('盘锦辽滨', GOOD_ROWS, (c, r) => (r >= 4 && c >= 3 ? ' s="1"' : ''))], ...UNIT_FORMATS }) },
    {
      name: 'formulas-sst',
      parts: bookParts({
        sheets: [{ ...formulaSheet, data: formulaSheet.data.replace('<c r="G4"><v>13.3</v></c>', fml('G4', '(E4/F4-1)*100', '13.28') ).replace('<c r="A1" t="inlineStr"><is><t>开发区主要经济指标月报表</t></is></c>', '<c r="A1" t="s"><v>0</v></c>'), after: (formulaSheet.after ?? '') + '<dataValidations count="1"><dataValidation type="decimal" sqref="D4:H5"><formula1>0</formula1></dataValidation></dataValidations>' }],
        strings: ['开发区主要经济指标月报表'],
      }),
    },
  ];
}
