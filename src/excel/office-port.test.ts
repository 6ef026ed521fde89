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

describe('a sync Excel never answers (office-js #6678)', () => {
  function workbook(): FakeExcel {
    const fx = new FakeExcel();
    fx.addSheet('辽滨', { rows: [['指标', 1]] });
    return fx;
  }

  test('the watchdog gives up with a clear message in both languages; no unhandled rejection', async () => {
    const fx = workbook();
    fx.hangSync(2);
    const p = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported, syncTimeoutMs: 50 });
    const err = await p.readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect(err).toMatchObject({ code: 'E_EXCEL_NO_RESPONSE' });
    expect((err as PortError).zh).toContain('没有响应');
    expect((err as PortError).en).toContain('did not answer');
    expect(fx.stats.hung).toBe(1);
    await new Promise((r) => setTimeout(r, 20));
    // Excel answers again: the same port works
    expect((await p.readWorkbook()).sheets).toHaveLength(1);
  });

  test('Cancel ends a hung read at once with the cancellation error', async () => {
    const fx = workbook();
    fx.hangSync(2);
    const p = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported, syncTimeoutMs: 60_000 });
    const ctrl = new AbortController();
    const started = Date.now();
    const pending = p.readWorkbook({ signal: ctrl.signal }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    ctrl.abort();
    const err = await pending;
    expect(err).toMatchObject({ code: 'E_CANCELLED' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a hung write: the port gives up, and its writing flag goes down (live mode is not blocked for ever)', async () => {
    const fx = workbook();
    fx.hangSync(2);
    const p = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported, syncTimeoutMs: 50, debounceMs: 0 });
    await expect(p.highlight([{ sheet: '辽滨', cell: 'B1', level: 'error', note: '' }])).rejects.toMatchObject({ code: 'E_EXCEL_NO_RESPONSE' });
    await p.highlight([{ sheet: '辽滨', cell: 'B1', level: 'error', note: '' }]);
    expect(fx.sheet('辽滨')?.cfs).toHaveLength(1);
  });
});

describe('the active sheet (check the active sheet only)', () => {
  test('its name comes through the port in one sync', async () => {
    const fx = new FakeExcel({ api: '1.1' });
    fx.addSheet('A', { rows: [['x']] });
    fx.addSheet('辽滨', { rows: [['x']] });
    fx.activeSheet = '辽滨';
    expect(await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).activeSheetName()).toBe('辽滨');
    expect(fx.stats.syncs).toBe(1);
  });

  test('a chart sheet active: a bilingual message telling the clerk to switch sheets, not a raw error', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', { rows: [['x']] });
    fx.activeChart = true;
    const err = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).activeSheetName().catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_EXCEL_NO_ACTIVE_SHEET' });
    expect((err as PortError).zh).toContain('图表');
    expect((err as PortError).en).toContain('chart sheet');
  });

  test('cell-edit mode keeps its own message', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', { rows: [['x']] });
    fx.cellEditMode = true;
    await expect(new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).activeSheetName()).rejects.toMatchObject({
      code: 'E_EXCEL_CELL_EDIT',
    });
  });
});

describe('what this Excel can do', () => {
  test('ExcelApi 1.7 has every feature: no notice', () => {
    const fx = new FakeExcel({ api: '1.7' });
    const p = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
    expect(p.limits()).toBeNull();
    expect(['highlight', 'writeSheets', 'storeConfig', 'live'].every((f) => p.can(f as 'highlight'))).toBe(true);
  });

  test('ExcelApi 1.1: the notice names each missing feature and what still works, in both languages', () => {
    const fx = new FakeExcel({ api: '1.1' });
    const p = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
    const n = p.limits();
    expect(n?.zh).toContain('ExcelApi 1.1');
    expect(n?.zh).toContain('标注');
    expect(n?.zh).toContain('实时核查');
    expect(n?.zh).toContain('点击定位');
    expect(n?.en).toContain('highlighting');
    expect(n?.en).toContain('live checking');
    expect(n?.en).toContain('ExcelApi 1.7');
    expect(p.can('highlight')).toBe(false);
  });

  test('ExcelApi 1.1: check, select and the stored configuration work; writing, storing and live mode are refused with the reason, nothing changed', async () => {
    const fx = new FakeExcel({ api: '1.1' });
    fx.addSheet('辽滨', { rows: [['指标', 1]] });
    const p = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
    expect((await p.readWorkbook()).sheets[0].rows[0][1]).toEqual({ v: 1 });
    await p.selectCell('辽滨', 'B1');
    expect(fx.selection).toBe('辽滨!B1');
    expect(await p.loadStoredConfig()).toBeNull();
    const before = fx.formatSnapshot();
    for (const op of [
      () => p.writeSheets([{ name: '核查结果', columns: [], rows: [[{ v: 'x' }]] }]),
      () => p.storeConfig('{}'),
      () => p.watchEdits(async () => undefined),
    ]) {
      const err = (await op().catch((e: unknown) => e)) as PortError;
      expect(err).toMatchObject({ code: 'E_EXCEL_UNSUPPORTED' });
      expect(err.zh).toContain('ExcelApi 1.7');
      expect(err.en).toContain('ExcelApi 1.7');
    }
    expect(fx.formatSnapshot()).toBe(before);
    expect(fx.handlerCount()).toBe(0);
  });
});
