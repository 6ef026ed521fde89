import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { lossesText, rewriteLosses } from './rewrite-losses';

describe('rewriteLosses', () => {
  it('finds nothing in a plain workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 1;
    expect(await rewriteLosses(new Uint8Array(await wb.xlsx.writeBuffer()))).toEqual([]);
  });
  it('names charts, pivot tables, sparklines and custom properties found in the package', async () => {
    const zip = new JSZip();
    zip.file('xl/charts/chart1.xml', '<c:chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><extLst><ext><x14:sparklineGroups/></ext></extLst></worksheet>');
    zip.file('docProps/custom.xml', '<Properties/>');
    const losses = await rewriteLosses(await zip.generateAsync({ type: 'uint8array' }));
    expect(losses).toEqual(['charts', 'pivots', 'extensions', 'customProperties']);
    expect(lossesText(['charts', 'pivots'])).toEqual({ zh: '图表、数据透视表', en: 'charts, pivot tables' });
  });
  it('never throws on unreadable bytes', async () => {
    expect(await rewriteLosses(new Uint8Array([0, 1]))).toEqual([]);
  });
});
