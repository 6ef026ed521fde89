import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { findEmptyStringResults } from './empty-results';
import { XlsxWorkbookPort } from './xlsx-port';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('A & B');
  ws.getCell('B1').value = { formula: 'IF(A1>0,1,"")', result: '' };
  ws.getCell('B2').value = { formula: 'IF(A1>0,1,"x")', result: 'x' };
  ws.getCell('B3').value = { formula: 'A1*2' }; // never calculated
  ws.getCell('B4').value = '';
  wb.addWorksheet('Other').getCell('A1').value = { formula: 'TEXT(1,"")', result: '' };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('findEmptyStringResults', () => {
  it('finds formula cells saved with an empty string result, per sheet', async () => {
    const m = await findEmptyStringResults(await workbook());
    expect([...(m.get('A & B') ?? [])]).toEqual(['B1']);
    expect([...(m.get('Other') ?? [])]).toEqual(['A1']);
  });
  it('never throws on bytes it cannot read', async () => {
    expect((await findEmptyStringResults(new Uint8Array([1, 2, 3]))).size).toBe(0);
  });
  it('lets the port read "" for such a cell, and noResult only for a never-calculated one', async () => {
    const port = await XlsxWorkbookPort.open(await workbook(), 'e.xlsx');
    const rows = (await port.readWorkbook()).sheets[0].rows;
    expect(rows[0][1]).toEqual({ v: '', f: 'IF(A1>0,1,"")' });
    expect(rows[1][1]).toEqual({ v: 'x', f: 'IF(A1>0,1,"x")' });
    expect(rows[2][1]).toEqual({ v: null, f: 'A1*2', noResult: true });
  });
  it('keeps the "" result in a copy the port saves, so the copy reads the same', async () => {
    const port = await XlsxWorkbookPort.open(await workbook(), 'e.xlsx');
    const again = await XlsxWorkbookPort.open(await port.toBytes(), 'e.xlsx');
    const rows = (await again.readWorkbook()).sheets[0].rows;
    expect(rows[0][1]).toEqual({ v: '', f: 'IF(A1>0,1,"")' });
    expect(rows[2][1]).toEqual({ v: null, f: 'A1*2', noResult: true });
  });
});

describe('ISO date cells (t="d")', () => {
  it('are read as dates, not as their year, and saved back as dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 111;
    ws.getCell('A2').value = 5;
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const part = 'xl/worksheets/sheet1.xml';
    const xml = (await zip.file(part)?.async('string')) ?? '';
    // what some generators write: an ISO date typed cell
    zip.file(part, xml.replace(/<c r="A1"([^>]*)><v>111<\/v><\/c>/, '<c r="A1"$1 t="d"><v>2024-03-15T00:00:00Z</v></c>'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const port = await XlsxWorkbookPort.open(bytes, 'd.xlsx');
    const rows = (await port.readWorkbook()).sheets[0].rows;
    expect(rows[0][0]?.v).toEqual({ date: '2024-03-15' });
    expect(rows[1][0]?.v).toBe(5);
    const again = await XlsxWorkbookPort.open(await port.toBytes(), 'd.xlsx');
    expect((await again.readWorkbook()).sheets[0].rows[0][0]?.v).toEqual({ date: '2024-03-15' });
  });
});
