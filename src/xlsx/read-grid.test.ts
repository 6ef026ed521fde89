import ExcelJS from 'exceljs';
import { readGrid } from './read-grid';

async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('S'), wb);
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  return back;
}

describe('readGrid', () => {
  it('keeps a cached formula result of 0 (cell.value would drop it)', async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell('A1').value = 5;
      ws.getCell('B1').value = { formula: 'A1-5', result: 0 };
    });
    const g = readGrid(wb, 'x.xlsx');
    expect(g.sheets[0].rows[0][1]).toEqual({ v: 0, f: 'A1-5' });
  });

  it('marks a formula without cached result as noResult with v null', async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell('B1').value = { formula: 'A1*2' };
    });
    expect(readGrid(wb, 'x').sheets[0].rows[0][1]).toEqual({ v: null, f: 'A1*2', noResult: true });
  });

  it('translates shared formulas for each cell and keeps their results', async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('B1').value = { formula: 'A1*10', result: 10 };
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 };
    });
    const rows = readGrid(wb, 'x').sheets[0].rows;
    expect(rows[0][1]).toEqual({ v: 10, f: 'A1*10' });
    expect(rows[1][1]).toEqual({ v: 20, f: 'A2*10' });
  });

  it('reads merges once: the master holds the value, the other cells are blank', async () => {
    const wb = await roundTrip((ws) => {
      ws.mergeCells('A1:C1');
      ws.getCell('A1').value = '开发区主要经济指标月报表';
    });
    const s = readGrid(wb, 'x').sheets[0];
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.rows[0][0]).toEqual({ v: '开发区主要经济指标月报表' });
    expect(s.rows[0][1]).toBeUndefined();
    expect(s.rows[0][2]).toBeUndefined();
  });

  it('reads dates as ISO, errors as {error}, rich text and hyperlinks as plain text, formats', async () => {
    const wb = await roundTrip((ws) => {
      ws.getCell('A1').value = new Date(Date.UTC(2026, 8, 30));
      ws.getCell('A2').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      ws.getCell('A3').value = { richText: [{ text: '填报单位:' }, { text: '盘锦', font: { bold: true } }] };
      ws.getCell('A4').value = { text: '链接', hyperlink: 'https://example.org' };
      ws.getCell('A5').value = 1234.5;
      ws.getCell('A5').numFmt = '#,##0.0';
      ws.getCell('A6').value = { error: '#REF!' };
      ws.getCell('A7').value = true;
    });
    const rows = readGrid(wb, 'x').sheets[0].rows;
    expect(rows[0][0]?.v).toEqual({ date: '2026-09-30' });
    expect(rows[1][0]).toEqual({ v: { error: '#DIV/0!' }, f: '1/0' });
    expect(rows[2][0]).toEqual({ v: '填报单位:盘锦' });
    expect(rows[3][0]).toEqual({ v: '链接' });
    expect(rows[4][0]).toEqual({ v: 1234.5, fmt: '#,##0.0' });
    expect(rows[5][0]).toEqual({ v: { error: '#REF!' } });
    expect(rows[6][0]).toEqual({ v: true });
  });

  it('flags hidden and protected sheets, keeps empty rows as [] and honours the sheet filter', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('A');
    a.getCell('A3').value = 'x';
    const b = wb.addWorksheet('B', { state: 'hidden' });
    b.getCell('A1').value = 1;
    await b.protect('', {});
    const buf = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf);
    const g = readGrid(back, 'w.xlsx');
    expect(g.name).toBe('w.xlsx');
    expect(g.sheets[0].rows).toEqual([[], [], [{ v: 'x' }]]);
    expect(g.sheets[1].hidden).toBe(true);
    expect(g.sheets[1].protected).toBe(true);
    expect(readGrid(back, 'w', { sheets: ['B'] }).sheets.map((s) => s.name)).toEqual(['B']);
  });
});
