import { PortError } from '../domain/port';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';

describe('OfficeWorkbookPort: selection, insertion, errors', () => {
  test('selectCell activates the sheet and selects the cell in one sync', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', { rows: [['x']] });
    fx.addSheet('辽滨', { rows: [['x']] });
    await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).selectCell('辽滨', 'E7');
    expect(fx.activeSheet).toBe('辽滨');
    expect(fx.selection).toBe('辽滨!E7');
    expect(fx.stats.syncs).toBe(1);
  });

  test('selectCell on a sheet deleted meanwhile gives the not-found PortError', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', { rows: [['x']] });
    const err = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).selectCell('没有', 'A1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect(err).toMatchObject({ code: 'E_EXCEL_NOT_FOUND' });
  });

  test('insertWorkbook uses insertWorksheetsFromBase64 with ExcelApi 1.13', async () => {
    const fx = new FakeExcel({ supported: ['ExcelApi 1.13'] });
    fx.addSheet('A', { rows: [['x']] });
    const ok = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).insertWorkbook('UEsDBA==');
    expect(ok).toBe(true);
    expect(fx.inserted).toEqual(['UEsDBA==']);
    expect(fx.stats.syncs).toBe(1);
  });

  test('insertWorkbook resolves false without ExcelApi 1.13 and touches nothing', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', { rows: [['x']] });
    const ok = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).insertWorkbook('UEsDBA==');
    expect(ok).toBe(false);
    expect(fx.stats.syncs).toBe(0);
  });

  test('cell-edit mode during a write gives the cell-edit PortError', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', { rows: [['x']] });
    fx.cellEditMode = true;
    await expect(new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).storeConfig('{}')).rejects.toMatchObject({
      code: 'E_EXCEL_CELL_EDIT',
      zh: expect.stringContaining('编辑'),
    });
  });
});
