import ExcelJS from 'exceljs';
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
