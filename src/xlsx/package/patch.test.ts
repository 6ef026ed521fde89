import ExcelJS from 'exceljs';
import { TOOL_SHEETS } from '../../domain/port';
import { patchPackage } from './patch';
import { readPackage } from './zip-parts';

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('盘锦');
  ws.getCell('A1').value = '规模以上工业总产值';
  ws.getCell('E4').value = 398765.4;
  ws.getCell('E4').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFABCDEF' } };
  ws.getCell('E5').value = 12;
  ws.getCell('H4').value = 0;
  ws.getCell('H4').note = '用户自己的批注';
  ws.addConditionalFormatting({ ref: 'A1:A3', rules: [{ type: 'expression', priority: 1, formulae: ['A1>0'], style: { font: { bold: true } } }] });
  wb.addWorksheet('Other').getCell('A1').value = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer);
  return wb;
}

const dec = new TextDecoder();

describe('patchPackage', () => {
  it('returns the very bytes when there is nothing to do', async () => {
    const input = await userWorkbook();
    expect(await patchPackage(input, {})).toBe(input);
  });

  it('adds tool-owned conditional formats, notes where none, the tool sheets and the record; clearing gives back every user part', async () => {
    const input = await userWorkbook();
    const annotated = await patchPackage(input, {
      highlights: [
        { sheet: '盘锦', cell: 'E4', level: 'warning', note: 'W' },
        { sheet: '盘锦', cell: 'E4', level: 'error', note: 'E' },
        { sheet: '盘锦', cell: 'E5', level: 'error', note: 'E5' },
        { sheet: '盘锦', cell: 'H4', level: 'info', note: 'I' },
      ],
      sheets: [{ name: TOOL_SHEETS.findings, columns: [{ width: 10 }, { width: 40, wrap: true }], rows: [[{ v: '标题', style: 'title' }], [{ v: 1, fmt: '0.0' }, { v: '一条很长的消息' }]], merges: ['A1:B1'], freeze: { rows: 1, cols: 0 } }],
    });
    const pkg = readPackage(annotated);
    const sheet = dec.decode(pkg.parts.get('xl/worksheets/sheet1.xml'));
    expect(sheet).toMatch(/<conditionalFormatting sqref="E4:E5"><cfRule type="expression" dxfId="\d+" priority="2" stopIfTrue="0"><formula>ISTEXT\("ZoneReport:highlight"\)<\/formula>/);
    expect(sheet).toContain('<conditionalFormatting sqref="H4">');
    const wb = await load(annotated);
    const ws = wb.getWorksheet('盘锦');
    expect(ws?.getCell('E4').note).toBe('W\nE');
    expect(ws?.getCell('H4').note).toBe('用户自己的批注');
    expect(ws?.getCell('E4').fill).toMatchObject({ fgColor: { argb: 'FFABCDEF' } });
    expect(wb.getWorksheet(TOOL_SHEETS.findings)?.getCell('B2').value).toBe('一条很长的消息');
    const store = wb.getWorksheet(TOOL_SHEETS.config);
    expect(store?.state).toBe('veryHidden');
    const record: unknown = JSON.parse(String(store?.getCell('B1').value));
    expect(record).toMatchObject({ version: 1, entries: [{ sheet: '盘锦', address: 'E4:E5', level: 'error' }, { sheet: '盘锦', address: 'H4', level: 'info' }] });

    const cleared = readPackage(await patchPackage(annotated, { highlights: [] }));
    const original = readPackage(input);
    for (const name of original.names) {
      if (name === 'xl/workbook.xml' || name === 'xl/_rels/workbook.xml.rels' || name === '[Content_Types].xml' || name === 'xl/styles.xml') continue;
      expect([name, dec.decode(cleared.parts.get(name))]).toEqual([name, dec.decode(original.parts.get(name))]);
    }
    // the findings sheet stays (it is not a highlight); the store sheet, emptied, goes
    expect((await load(await patchPackage(annotated, { highlights: [] }))).getWorksheet(TOOL_SHEETS.config)).toBeUndefined();
  });
});
