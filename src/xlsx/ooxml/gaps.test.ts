/**
 * Gaps found by testing the .xlsx reader on files other programs write (issue 11): the 1904 date
 * system, UTF-16 parts, backslashes in relationship targets, a listed sheet whose part is missing,
 * part names whose case differs from what the relationships say, and an OpenDocument file taken for
 * a broken .xlsx. Each case goes through the port as the command line opens a file, and (where it
 * reads) through the check and the annotated copy.
 */
import { checkWorkbooks } from '../../domain/check';
import { defaultConfig } from '../../domain/config/validate';
import { bookParts, num, row, str, type BookSpec } from '../../../test/hostile/workbook-xml';
import { odsBytes, odsContent, odsRows } from '../../../test/hostile/formats';
import { zip } from '../../../test/hostile/zip-writer';
import { XlsxWorkbookPort } from '../xlsx-port';
import { readPackage } from '../package/zip-parts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PNS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A report sheet whose 统计期 is a date cell (style 1: a date format), as a clerk types "2026-9" in Excel. */
function datedReport(serial: number): BookSpec {
  const data = [
    row(1, str('A1', '开发区主要经济指标月报表')),
    row(2, str('A2', '填报单位:盘锦辽滨沿海经济技术开发区') + str('D2', '统计期') + num('E2', serial, ' s="1"')),
    row(3, ['指标名称', '代码', '计量单位', '本月', '1-本月累计', '上年同期累计', '同比增长(%)'].map((t, i) => str(`${'ABCDEFG'[i]}3`, t)).join('')),
    row(4, str('A4', '规模以上工业总产值') + str('B4', '01') + str('C4', '万元') + num('D4', 45210) + num('E4', 398765.4) + num('F4', 352011) + num('G4', 13.3)),
  ].join('');
  return { sheets: [{ name: 'Sheet1', data }], numFmts: '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>', xfs: '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' };
}

function workbookXml(sheets: string[], pr = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${RNS}">${pr}<sheets>${sheets
    .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
}

function utf16(text: string): Uint8Array {
  return Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

async function open(bytes: Uint8Array, name = 'r.xlsx'): Promise<XlsxWorkbookPort> {
  return XlsxWorkbookPort.open(bytes, name);
}

async function rejection(bytes: Uint8Array, name = 'r.xlsx'): Promise<string> {
  try {
    await open(bytes, name);
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'read';
}

describe('the 1904 date system', () => {
  // 2026-09-01 is serial 46266 in the 1900 system, 44804 in the 1904 system (1,462 days fewer)
  const spec = datedReport(44804);
  const book1904 = zip(bookParts({ ...spec, replace: { 'xl/workbook.xml': workbookXml(['Sheet1'], '<workbookPr date1904="1"/>') } }));

  it('reads a 1904 workbook\'s dates as the 1900-system serials every port gives', async () => {
    const grid = await (await open(book1904)).readWorkbook();
    expect(grid.sheets[0].rows[1][4]).toEqual({ v: 46266, fmt: 'yyyy"年"m"月"' });
    // a figure without a date format is not a date: never shifted
    expect(grid.sheets[0].rows[3][4]).toEqual({ v: 398765.4 });
  });

  it('checks the month the clerk typed, not four years and a day earlier', async () => {
    const grid = await (await open(book1904)).readWorkbook();
    const report = checkWorkbooks([{ file: 'r.xlsx', sha256: '', grid, inputError: null }], { config: defaultConfig() }).report;
    expect(report.files[0].sheets[0].period).toBe('2026-09');
  });

  it('leaves a 1900 workbook (date1904="0" or absent) as it is', async () => {
    const book = zip(bookParts({ ...datedReport(46266), replace: { 'xl/workbook.xml': workbookXml(['Sheet1'], '<workbookPr date1904="0"/>') } }));
    expect((await (await open(book)).readWorkbook()).sheets[0].rows[1][4]).toEqual({ v: 46266, fmt: 'yyyy"年"m"月"' });
  });
});

describe('UTF-16 parts (allowed by OPC)', () => {
  const sst = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n<sst xmlns="${NS}"><si><t>营业收入</t></si><si><t>万元</t></si></sst>`;
  const book = zip(
    bookParts({
      sheets: [{ name: 'x', data: row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>') }],
      strings: ['-'],
      replace: { 'xl/sharedStrings.xml': utf16(sst), 'xl/workbook.xml': utf16(workbookXml(['盘锦']).replace('encoding="UTF-8"', 'encoding="UTF-16"')) },
    }),
  );

  it('reads UTF-16 shared strings and a UTF-16 workbook part', async () => {
    const grid = await (await open(book)).readWorkbook();
    expect(grid.sheets.map((s) => s.name)).toEqual(['盘锦']);
    expect(grid.sheets[0].rows[0]).toEqual([{ v: '营业收入' }, { v: '万元' }]);
  });

  it('writes an annotated copy that reads back, the edited workbook part now UTF-8 and saying so', async () => {
    const port = await open(book);
    await port.highlight([{ sheet: '盘锦', cell: 'A1', level: 'error', note: 'x' }]);
    await port.writeSheets([{ name: '核查结果', columns: [{ width: 10 }], rows: [[{ v: 'ok' }]] }]);
    const copy = await port.toBytes();
    const wb = new TextDecoder().decode(readPackage(copy).parts.get('xl/workbook.xml'));
    expect(wb).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
    const again = await (await open(copy)).readWorkbook();
    expect(again.sheets.map((s) => s.name)).toEqual(['盘锦', '核查结果']);
    expect(again.sheets[0].rows[0]).toEqual([{ v: '营业收入' }, { v: '万元' }]);
  });

  it('refuses a part whose UTF-16 is broken (a lone surrogate)', async () => {
    const bad = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sst.replace('营业收入', 'X'), 'utf16le')]);
    const at = bad.indexOf(Buffer.from('X', 'utf16le'));
    bad.writeUInt16LE(0xd800, at);
    expect(await rejection(zip(bookParts({ sheets: [{ name: 'x', data: row(1, '<c r="A1" t="s"><v>0</v></c>') }], strings: ['-'], replace: { 'xl/sharedStrings.xml': new Uint8Array(bad) } })))).toBe('E_BAD_ENCODING');
  });
});

describe('relationships and the parts they name', () => {
  const two = (targets: [string, string], drop: string[] = [], rename: Record<string, string> = {}): Uint8Array =>
    zip(
      bookParts({
        sheets: [
          { name: '盘锦', data: row(1, str('A1', '盘锦的月报')) },
          { name: '大连', data: row(1, str('A1', '大连的月报')) },
        ],
        replace: {
          'xl/_rels/workbook.xml.rels':
            `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PNS}">` +
            targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${RNS}/worksheet" Target="${t}"/>`).join('') +
            `<Relationship Id="rIdS" Type="${RNS}/styles" Target="styles.xml"/></Relationships>`,
          ...Object.fromEntries(drop.map((d) => [d, null])),
        },
        rename,
      }),
    );
  const names = async (b: Uint8Array): Promise<string[]> => (await (await open(b)).readWorkbook()).sheets.map((s) => `${s.name}:${String(s.rows[0]?.[0]?.v)}`);

  it('follows a target written with backslashes (a Windows path), as Excel does', async () => {
    expect(await names(two(['worksheets\\sheet1.xml', 'worksheets\\sheet2.xml']))).toEqual(['盘锦:盘锦的月报', '大连:大连的月报']);
    expect(await names(two(['/xl\\worksheets\\sheet1.xml', 'worksheets/sheet2.xml']))).toEqual(['盘锦:盘锦的月报', '大连:大连的月报']);
  });

  it('refuses as damaged a listed sheet whose part is missing, instead of dropping that report', async () => {
    expect(await rejection(two(['worksheets/sheet1.xml', 'worksheets/sheet2.xml'], ['xl/worksheets/sheet2.xml']))).toBe('E_SHEET_MISSING');
    expect(await rejection(two(['worksheets/sheet1.xml', 'worksheets/nowhere.xml']))).toBe('E_SHEET_MISSING');
  });

  it('refuses as damaged a listed sheet with no relationship at all', async () => {
    const book = zip(bookParts({ sheets: [{ name: '盘锦', data: '' }], replace: { 'xl/workbook.xml': workbookXml(['盘锦', '大连']) } }));
    expect(await rejection(book)).toBe('E_SHEET_MISSING');
  });

  it('finds parts whose name differs in case from the relationships (OPC names are case-insensitive)', async () => {
    expect(await names(two(['worksheets/sheet1.xml', 'worksheets/sheet2.xml'], [], { 'xl/worksheets/sheet1.xml': 'xl/worksheets/Sheet1.xml' }))).toEqual(['盘锦:盘锦的月报', '大连:大连的月报']);
    expect(await names(two(['worksheets/SHEET1.XML', 'worksheets/sheet2.xml']))).toEqual(['盘锦:盘锦的月报', '大连:大连的月报']);
    const capitalWorkbook = zip(bookParts({ sheets: [{ name: '盘锦', data: row(1, str('A1', 'x')) }], rename: { 'xl/workbook.xml': 'xl/Workbook.xml', 'xl/_rels/workbook.xml.rels': 'xl/_rels/Workbook.xml.rels' } }));
    expect((await (await open(capitalWorkbook)).readWorkbook()).sheets[0].name).toBe('盘锦');
  });

  it('annotates a package with capitalised part names in those parts, adding none in another case', async () => {
    const book = two(['worksheets/sheet1.xml', 'worksheets/sheet2.xml'], [], { 'xl/worksheets/sheet1.xml': 'xl/worksheets/Sheet1.xml' });
    const port = await open(book);
    await port.highlight([{ sheet: '盘锦', cell: 'A1', level: 'warning', note: '请核对' }]);
    const copy = readPackage(await port.toBytes());
    const lower = copy.names.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    expect(new TextDecoder().decode(copy.parts.get('xl/worksheets/Sheet1.xml'))).toContain('<conditionalFormatting');
  });

  it('refuses two parts whose names differ only by case: which one is meant is unknown', async () => {
    const book = zip(bookParts({ sheets: [{ name: '盘锦', data: '' }], extra: [{ name: 'xl/worksheets/Sheet1.xml', data: '<worksheet/>' }] }));
    expect(await rejection(book)).toBe('E_DUPLICATE_PART');
  });
});

describe('an OpenDocument spreadsheet', () => {
  it('is read as OpenDocument whatever its name, not refused as a zip that is no Excel workbook', async () => {
    const ods = odsBytes(odsContent([{ name: '盘锦', rows: odsRows([['指标名称', '本月'], ['规模以上工业总产值', 45210]]) }]));
    for (const name of ['r.ods', 'r.xlsx']) {
      const port = await open(ods, name);
      expect(port.format).toBe('ods');
      expect((await port.readWorkbook()).sheets[0].rows[1]).toEqual([{ v: '规模以上工业总产值' }, { v: 45210 }]);
    }
  });

  it('names an OpenDocument text document for what it is', async () => {
    const odt = odsBytes('<office:document-content/>', 'application/vnd.oasis.opendocument.text');
    expect(await rejection(odt, 'r.ods')).toBe('E_OTHER_DOCUMENT');
  });
});
