/**
 * The guards of the formats other than .xlsx, piece by piece: the OLE2 walk (streams found, loops,
 * truncation, the mini stream), the BIFF record scan, the .xlsb record scan, the OpenDocument and
 * SpreadsheetML 2003 visitors, and strict text decoding.
 */
import * as XLSX from '@e965/xlsx';
import { withDirectoryCycle, withFatLoop, withHeader, xlsBytes } from '../../../test/hostile/formats';
import { scanBiff } from './biff';
import { DEFAULT_INSPECT_LIMITS } from './limits';
import { odsContentVisitor } from './ods-rules';
import { inspectOle2 } from './ole2';
import { decodeText, declaredCharset } from './text';
import { XmlScan, type XmlVisitor } from './xml-scan';
import { xml2003Visitor } from './xml2003-rules';
import { scanXlsbPart } from './xlsb-rules';

const L = DEFAULT_INSPECT_LIMITS;

function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, data);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
}

function scanXml(xml: string, v: XmlVisitor): string | null {
  const b = new TextEncoder().encode(xml);
  const s = new XmlScan(v);
  s.push(b, 0, b.length);
  return s.finish();
}

describe('OLE2 compound files', () => {
  const xls = xlsBytes([{ name: '盘锦', rows: [['指标名称', 45210]] }]);

  it('finds the Workbook stream of an .xls, whole and starting with its BOF record', () => {
    const r = inspectOle2(xls);
    expect(r.ok && r.kind).toBe('workbook');
    if (!r.ok || !r.workbook) throw new Error('no workbook');
    expect([r.workbook[0], r.workbook[1]]).toEqual([0x09, 0x08]);
    expect(scanBiff(r.workbook, L)).toBeNull();
  });

  it('reads a stream below the mini-stream cutoff (4,096 bytes) from the mini stream', () => {
    const small = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const r = inspectOle2(compound({ Book: small }));
    expect(r.ok && r.workbook).toEqual(small);
  });

  it('says what other compound files are: encrypted packages, Word documents, anything else', () => {
    expect(inspectOle2(compound({ EncryptionInfo: new Uint8Array(10), EncryptedPackage: new Uint8Array(5000) }))).toEqual({ ok: true, kind: 'encrypted' });
    expect(inspectOle2(compound({ WordDocument: new Uint8Array(5000) }))).toEqual({ ok: true, kind: 'other-document' });
    expect(inspectOle2(compound({ Other: new Uint8Array(10) }))).toEqual({ ok: true, kind: 'unknown' });
  });

  it('refuses loops, huge declared counts and cut files instead of following them', () => {
    expect(inspectOle2(withFatLoop(xls))).toEqual({ ok: false, code: 'E_CORRUPT' });
    expect(inspectOle2(withDirectoryCycle(xls))).toEqual({ ok: false, code: 'E_CORRUPT' });
    expect(inspectOle2(withHeader(xls, 44, 0x7fffffff))).toEqual({ ok: false, code: 'E_CORRUPT' });
    expect(inspectOle2(withHeader(xls, 72, 0x7fffffff))).toMatchObject({ ok: false });
    expect(inspectOle2(xls.slice(0, 700))).toEqual({ ok: false, code: 'E_TRUNCATED' });
    expect(inspectOle2(xls.slice(0, 100))).toEqual({ ok: false, code: 'E_TRUNCATED' });
  });
});

describe('BIFF record scan', () => {
  const rec = (type: number, body: number[]): number[] => [type & 0xff, type >> 8, body.length & 0xff, body.length >> 8, ...body];
  const bof = rec(0x0809, [0x00, 0x06, 0x05, 0x00, ...new Array<number>(12).fill(0)]);
  const sheet = (name: string): number[] => rec(0x0085, [0, 0, 0, 0, 0, 0, name.length, 0, ...[...name].map((c) => c.charCodeAt(0))]);

  it('refuses an encrypted workbook, reserved sheet names, a record running past the end', () => {
    expect(scanBiff(Uint8Array.from([...bof, ...sheet('S1')]), L)).toBeNull();
    expect(scanBiff(Uint8Array.from([...bof, ...rec(0x002f, [1, 0])]), L)).toBe('E_ENCRYPTED');
    expect(scanBiff(Uint8Array.from([...bof, ...sheet('__proto__')]), L)).toBe('E_UNSAFE_NAME');
    expect(scanBiff(Uint8Array.from([...bof, 0x03, 0x02, 0xff, 0x00, 1]), L)).toBe('E_TRUNCATED');
  });

  it('counts value cells (a MULRK holds many) and merged areas against the limits', () => {
    const mulrk = rec(0x00bd, [0, 0, 0, 0, ...new Array<number>(6 * 5).fill(0), 4, 0]);
    expect(scanBiff(Uint8Array.from([...bof, ...mulrk, ...mulrk]), { ...L, maxCells: 9 })).toBe('E_TOO_LARGE');
    expect(scanBiff(Uint8Array.from([...bof, ...mulrk, ...mulrk]), { ...L, maxCells: 10 })).toBeNull();
    const merge = rec(0x00e5, [1, 0, 0, 0, 0xff, 0xff, 0, 0, 0x09, 0]); // A1:J65536
    expect(scanBiff(Uint8Array.from([...bof, ...merge]), L)).toBe('E_RANGE_TOO_LARGE');
  });
});

describe('.xlsb record scan', () => {
  const record = (type: number, body: number[]): number[] => [...(type < 128 ? [type] : [(type & 0x7f) | 0x80, type >> 7]), body.length, ...body];
  const u32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

  it('bounds rows and columns and counts value cells', () => {
    expect(scanXlsbPart(Uint8Array.from([...record(0, u32(5)), ...record(5, [...u32(3), 0, 0, 0, 0, ...new Array<number>(8).fill(0)])]), false, L, { cells: 0 })).toBeNull();
    expect(scanXlsbPart(Uint8Array.from(record(0, u32(1_048_576))), false, L, { cells: 0 })).toBe('E_ROW_LIMIT');
    expect(scanXlsbPart(Uint8Array.from(record(5, [...u32(16_384), 0, 0, 0, 0])), false, L, { cells: 0 })).toBe('E_COL_LIMIT');
    expect(scanXlsbPart(Uint8Array.from([...record(5, u32(1)), ...record(5, u32(2))]), false, { ...L, maxCells: 1 }, { cells: 0 })).toBe('E_TOO_LARGE');
    expect(scanXlsbPart(Uint8Array.from([0x05, 0x80, 0x80]), false, L, { cells: 0 })).toBe('E_TRUNCATED');
  });

  it('refuses a reserved sheet name in the workbook part', () => {
    const name = 'constructor';
    const wide = (s: string): number[] => [...u32(s.length), ...[...s].flatMap((c) => [c.charCodeAt(0), 0])];
    const bundle = record(156, [...u32(0), ...u32(1), ...wide('rId1'), ...wide(name)]);
    expect(scanXlsbPart(Uint8Array.from(bundle), true, L, { cells: 0 })).toBe('E_UNSAFE_NAME');
  });
});

describe('OpenDocument and SpreadsheetML 2003 visitors', () => {
  const table = (rows: string, style = ''): string =>
    `<office:document-content xmlns:office="o" xmlns:table="t" xmlns:style="s"><office:automatic-styles>${style}</office:automatic-styles><table:table table:name="盘锦" table:style-name="ta2">${rows}</table:table></office:document-content>`;

  it('counts repeated cells that hold something, not the empty ones LibreOffice ends a sheet with', () => {
    const trailing = '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
    expect(scanXml(table(trailing), odsContentVisitor(L, { cells: 0 }))).toBeNull();
    const bomb = '<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="1000"/></table:table-row>';
    expect(scanXml(table(bomb), odsContentVisitor(L, { cells: 0 }))).toBe('E_TOO_LARGE');
  });

  it('notes the tables a table style hides (SheetJS does not)', () => {
    const facts = { hiddenTables: [] as string[] };
    const style = '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>';
    expect(scanXml(table('', style), odsContentVisitor(L, { cells: 0 }, facts))).toBeNull();
    expect(facts.hiddenTables).toEqual(['盘锦']);
  });

  it('follows ss:Index jumps in 2003 XML and bounds them', () => {
    const book = (body: string): string => `<Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"><Table>${body}</Table></Worksheet></Workbook>`;
    expect(scanXml(book('<Row ss:Index="1048576"><Cell ss:Index="16384"><Data>1</Data></Cell></Row>'), xml2003Visitor(L, { cells: 0 }))).toBeNull();
    expect(scanXml(book('<Row ss:Index="1048577"/>'), xml2003Visitor(L, { cells: 0 }))).toBe('E_ROW_LIMIT');
    expect(scanXml(book('<Row><Cell ss:Index="16385"/></Row>'), xml2003Visitor(L, { cells: 0 }))).toBe('E_COL_LIMIT');
    expect(scanXml(book('<Row ss:Index="0"/>'), xml2003Visitor(L, { cells: 0 }))).toBe('E_BAD_REF');
  });
});

describe('text decoding', () => {
  const utf16le = (s: string, bom = true): Uint8Array => Uint8Array.from([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(s, 'utf16le')]);

  it('decides by byte-order mark, by UTF-16\'s zero bytes, by the declared charset, else UTF-8, else GB18030', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('指标')]))).toEqual({ ok: true, text: '指标', encoding: 'utf-8' });
    expect(decodeText(utf16le('指标,本月'))).toEqual({ ok: true, text: '指标,本月', encoding: 'utf-16le' });
    expect(decodeText(utf16le('name,value\r\n1,2', false))).toMatchObject({ ok: true, text: 'name,value\r\n1,2', encoding: 'utf-16le' });
    // 指标 in GBK
    const gbk = Uint8Array.from([0xd6, 0xb8, 0xb1, 0xea]);
    expect(decodeText(gbk)).toEqual({ ok: true, text: '指标', encoding: 'gb18030' });
    expect(decodeText(Uint8Array.from([...Buffer.from('<meta charset="gb2312">'), ...gbk]))).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="GBK"?><a/>'))).toBe('gbk');
  });

  it('refuses bytes invalid in the encoding chosen instead of turning them into replacement characters', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0xc0, 0xaf]))).toEqual({ ok: false });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8]))).toEqual({ ok: false });
    expect(decodeText(Uint8Array.from([0x41, 0x80, 0xff, 0x41]))).toEqual({ ok: false });
  });
});
