/**
 * The SpreadsheetML reader through the port: cells as Excel shows them, from files written by
 * exceljs (what samples and the summary are) and from hand-written XML (what Excel, WPS and other
 * generators write: shared strings, rich text, phonetic runs, prefixes, CDATA, t="d", shared formulas).
 */
import ExcelJS from 'exceljs';
import { bookParts, type BookSpec } from '../../../test/hostile/workbook-xml';
import { zip } from '../../../test/hostile/zip-writer';
import { XlsxWorkbookPort } from '../xlsx-port';
import { slideFormula } from './shared-formula';
import { decodeOoxmlEscapes, charData } from './xml-text';
import { cellFormats } from './number-formats';

async function viaExcelJs(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await build(wb.addWorksheet('S'), wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function rowsOf(bytes: Uint8Array, sheet = 0): Promise<ReturnType<typeof Array.prototype.slice>> {
  const port = await XlsxWorkbookPort.open(bytes, 'x.xlsx');
  return (await port.readWorkbook()).sheets[sheet].rows;
}

function book(data: string, spec: Partial<BookSpec> = {}, after = ''): Uint8Array {
  return zip(bookParts({ sheets: [{ name: 'S', data, after }], ...spec }));
}

describe('reading files exceljs writes', () => {
  it('keeps a cached result of 0 and marks a never-calculated formula', async () => {
    const rows = await rowsOf(
      await viaExcelJs((ws) => {
        ws.getCell('A1').value = 5;
        ws.getCell('B1').value = { formula: 'A1-5', result: 0 };
        ws.getCell('B2').value = { formula: 'A1*2' };
      }),
    );
    expect(rows[0][1]).toEqual({ v: 0, f: 'A1-5' });
    expect(rows[1][1]).toEqual({ v: null, f: 'A1*2', noResult: true });
  });

  it('translates shared formulas for each cell and keeps their results', async () => {
    const rows = await rowsOf(
      await viaExcelJs((ws) => {
        ws.getCell('A1').value = 1;
        ws.getCell('A2').value = 2;
        ws.getCell('B1').value = { formula: 'A1*10', result: 10 };
        ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 };
      }),
    );
    expect(rows[0][1]).toEqual({ v: 10, f: 'A1*10' });
    expect(rows[1][1]).toEqual({ v: 20, f: 'A2*10' });
  });

  it('reads merges once: the master holds the value, the other cells are blank', async () => {
    const port = await XlsxWorkbookPort.open(
      await viaExcelJs((ws) => {
        ws.mergeCells('A1:C1');
        ws.getCell('A1').value = '开发区主要经济指标月报表';
      }),
      'm.xlsx',
    );
    const s = (await port.readWorkbook()).sheets[0];
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.rows[0][0]).toEqual({ v: '开发区主要经济指标月报表' });
    expect(s.rows[0][1]).toBeUndefined();
    expect(s.rows[0][2]).toBeUndefined();
  });

  it('reads errors, rich text, hyperlinks, booleans and formats; a date stays a serial with its date format', async () => {
    const rows = await rowsOf(
      await viaExcelJs((ws) => {
        ws.getCell('A1').value = new Date(Date.UTC(2026, 8, 30));
        ws.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
        ws.getCell('A3').value = { richText: [{ text: '填报单位:' }, { text: '盘锦', font: { bold: true } }] };
        ws.getCell('A4').value = { text: '链接', hyperlink: 'https://example.org' };
        ws.getCell('A5').value = 1234.5;
        ws.getCell('A5').numFmt = '#,##0.0';
        ws.getCell('A6').value = { error: '#REF!' };
        ws.getCell('A7').value = true;
        ws.getCell('A8').value = { formula: 'IF(A1>0,1,"")', result: '' };
      }),
    );
    // as the Office.js port hands a date over (src/excel/cell-map.ts): 2026-09-30 is serial 46295
    expect(rows[0][0]).toEqual({ v: 46295, fmt: 'yyyy/m/d' }); // built-in 14, as zh-CN Excel shows it
    expect(rows[1][0]).toEqual({ v: { error: '#DIV/0!' }, f: '1/0' });
    expect(rows[2][0]).toEqual({ v: '填报单位:盘锦' });
    expect(rows[3][0]).toEqual({ v: '链接' });
    expect(rows[4][0]).toEqual({ v: 1234.5, fmt: '#,##0.0' });
    expect(rows[5][0]).toEqual({ v: { error: '#REF!' } });
    expect(rows[6][0]).toEqual({ v: true });
    // an empty-text result is "" (exceljs itself dropped it), not "never calculated"
    expect(rows[7][0]).toEqual({ v: '', f: 'IF(A1>0,1,"")' });
  });

  it('flags hidden and protected sheets, keeps empty rows as [] and honours the sheet filter', async () => {
    const bytes = await viaExcelJs(async (a, wb) => {
      a.getCell('A3').value = 'x';
      const b = wb.addWorksheet('B', { state: 'hidden' });
      b.getCell('A1').value = 1;
      await b.protect('', {});
    });
    const port = await XlsxWorkbookPort.open(bytes, 'w.xlsx');
    const g = await port.readWorkbook();
    expect(g.name).toBe('w.xlsx');
    expect(g.sheets[0].rows).toEqual([[], [], [{ v: 'x' }]]);
    expect(g.sheets[1].hidden).toBe(true);
    expect(g.sheets[1].protected).toBe(true);
    expect((await port.readWorkbook({ sheets: ['B'] })).sheets.map((s) => s.name)).toEqual(['B']);
  });
});

describe('reading hand-written SpreadsheetML', () => {
  it('reads shared strings with rich runs, leaves out phonetic runs, decodes entities, _xHHHH_ and CDATA', async () => {
    const sst =
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<si><t>营业收入</t></si>' +
      '<si><r><rPr><b/></rPr><t>填报</t></r><r><t xml:space="preserve"> 单位</t></r><rPh sb="0" eb="2"><t>テン</t></rPh></si>' +
      '<si><t>A&amp;B &lt;1&gt; &#x4E07;元 tab_x0009_end _x005F_x0041_</t></si>' +
      '<si/>' +
      '<si><t><![CDATA[<raw & text>]]></t></si>' +
      '</sst>';
    const rows = await rowsOf(
      book('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>', {
        strings: ['unused'],
        replace: { 'xl/sharedStrings.xml': sst },
      }),
    );
    expect(rows[0].map((c: { v: unknown } | undefined) => c?.v)).toEqual(['营业收入', '填报 单位', 'A&B <1> 万元 tab\tend _x0041_', '', '<raw & text>']);
  });

  it('reads inline strings, t="str", t="b", t="e", t="d" and cells without r', async () => {
    const rows = await rowsOf(
      book(
        '<row r="2"><c r="A2" t="inlineStr"><is><t>本月</t></is></c><c t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c>' +
          '<c t="d"><v>2024-03-15T00:00:00Z</v></c><c t="d"><v>2024-03-15T08:30:00</v></c></row><row><c><v>7</v></c></row>',
      ),
    );
    expect(rows[0]).toEqual([]);
    expect(rows[1]).toEqual([{ v: '本月' }, { v: 'ab', f: '"a"&"b"' }, { v: true }, { v: { error: '#N/A' } }, { v: { date: '2024-03-15' } }, { v: { date: '2024-03-15T08:30:00.000Z' } }]);
    expect(rows[2]).toEqual([{ v: 7 }]);
  });

  it('tells an empty-text result from a never-calculated formula; a blank cell is no cell, formatted or not', async () => {
    const rows = await rowsOf(
      book('<row r="1"><c r="A1" t="str"><f>IF(1,"")</f><v></v></c><c r="B1"><f>X1*2</f></c><c r="C1" s="1"/><c r="D1"/><c r="E1" s="0"><v></v></c></row>', {
        xfs: '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      }),
    );
    expect(rows[0][0]).toEqual({ v: '', f: 'IF(1,"")' });
    expect(rows[0][1]).toEqual({ v: null, f: 'X1*2', noResult: true });
    expect(rows[0][2]).toBeUndefined();
    expect(rows[0][3]).toBeUndefined();
    expect(rows[0][4]).toBeUndefined();
  });

  it('reads prefixed elements, custom and built-in zh-CN formats, and hides what sits under a merge', async () => {
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const sheet = `<x:worksheet xmlns:x="${NS}"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>46295</x:v></x:c><x:c r="B1" s="2"><x:v>0.125</x:v></x:c><x:c r="C1"><x:v>hidden</x:v></x:c></x:row></x:sheetData><x:sheetProtection x:sheet="1"/><x:mergeCells><x:mergeCell ref="B1:C1"/></x:mergeCells></x:worksheet>`;
    const bytes = book('', {
      numFmts: '<numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/>',
      xfs: '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      replace: { 'xl/worksheets/sheet1.xml': sheet },
    });
    const port = await XlsxWorkbookPort.open(bytes, 'p.xlsx');
    const s = (await port.readWorkbook()).sheets[0];
    expect(s.rows[0][0]).toEqual({ v: 46295, fmt: 'yyyy"年"m"月"d"日"' });
    expect(s.rows[0][1]).toEqual({ v: 0.125, fmt: '0.0"%"' });
    expect(s.rows[0][2]).toBeUndefined();
    expect(s.protected).toBe(true);
  });

  it('keeps text that is not a number as text, and an overflowing number as #NUM!', async () => {
    const rows = await rowsOf(book('<row r="1"><c r="A1"><v>12,5</v></c><c r="B1"><v>1e999</v></c><c r="C1"><v> -1.5E-3 </v></c></row>'));
    expect(rows[0]).toEqual([{ v: '12,5' }, { v: { error: '#NUM!' } }, { v: -0.0015 }]);
  });
});

describe('reader pieces', () => {
  it('slides shared formulas like Excel: relative parts move, $ parts and quoted text stay', () => {
    expect(slideFormula('SUM(D4:D10)/$C$2+Sheet2!B3', 2, 1)).toBe('SUM(E6:E12)/$C$2+Sheet2!C5');
    expect(slideFormula('IF(A1>0,"A1",LOG10(B$1))', 1, 0)).toBe('IF(A2>0,"A1",LOG10(B$1))');
    expect(slideFormula("'上年 数据'!$A1*2", 3, 5)).toBe("'上年 数据'!$A4*2");
    expect(slideFormula('A1', -1, 0)).toBe('#REF!');
    expect(slideFormula('A1', 0, 0)).toBe('A1');
  });

  it('decodes _xHHHH_ escapes and character data', () => {
    expect(decodeOoxmlEscapes('a_x000D_b_x005F_x0041_')).toBe('a\rb_x0041_');
    const xml = 'x&#13;y\r\nz<!-- c -->&amp;<![CDATA[&lt;]]>';
    expect(charData(xml, 0, xml.length)).toBe('x\ry\nz&&lt;');
  });

  it('gives cell formats by style index, leaving General and the formats of dxfs and cell styles out', () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="#,##0.0_ "/></numFmts><cellStyleXfs><xf numFmtId="10"/></cellStyleXfs>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="9"/><xf/></cellXfs><dxfs><dxf><numFmt numFmtId="165" formatCode="0"/></dxf></dxfs></styleSheet>';
    expect(cellFormats(styles)).toEqual([undefined, '#,##0.0_ ', '0%', undefined]);
    expect(cellFormats(undefined)).toEqual([]);
  });
});
