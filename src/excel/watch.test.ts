import { TOOL_SHEETS } from '../domain/port';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';

/** Lets pending promise callbacks run (the debounced lookup is an async batch). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('watchChanges (live mode)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup(supported: string[] = []) {
    const fx = new FakeExcel({ supported });
    fx.addSheet('辽滨', { rows: [['x', 1]] });
    fx.addSheet('盘锦', { rows: [['y', 2]] });
    const port = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
    return { fx, port };
  }

  test('a burst of edits reports the sheet once, ~800 ms later; the handler itself never syncs', async () => {
    const { fx, port } = setup();
    const seen: string[] = [];
    const stop = await port.watchChanges((s) => seen.push(s));
    expect(fx.handlers).toHaveLength(1);
    const syncs = fx.stats.syncs;
    await fx.emitChange('辽滨', 'B1');
    await fx.emitChange('辽滨', 'B2');
    jest.advanceTimersByTime(500);
    await fx.emitChange('辽滨', 'B3');
    expect(fx.stats.syncs).toBe(syncs); // nothing synced inside the handler
    jest.advanceTimersByTime(799);
    await settle();
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(1);
    await settle();
    expect(seen).toEqual(['辽滨']);
    expect(fx.stats.syncs).toBe(syncs + 1); // one lookup of sheet names, outside the handler
    stop();
    await settle();
    expect(fx.handlerCount()).toBe(0);
  });

  test('two sheets edited in one burst are both reported', async () => {
    const { fx, port } = setup();
    const seen: string[] = [];
    await port.watchChanges((s) => seen.push(s));
    await fx.emitChange('辽滨', 'B1');
    await fx.emitChange('盘锦', 'B1');
    jest.advanceTimersByTime(800);
    await settle();
    expect(seen.sort()).toEqual(['盘锦', '辽滨'].sort());
  });

  test('ExcelApi 1.14: the add-in’s own edits (triggerSource ThisLocalAddin) are ignored', async () => {
    const { fx, port } = setup(['ExcelApi 1.14']);
    const seen: string[] = [];
    await port.watchChanges((s) => seen.push(s));
    await fx.emitChange('辽滨', 'B1', 'ThisLocalAddin');
    jest.advanceTimersByTime(1000);
    await settle();
    expect(seen).toEqual([]);
    await fx.emitChange('辽滨', 'B1', 'Unknown');
    jest.advanceTimersByTime(1000);
    await settle();
    expect(seen).toEqual(['辽滨']);
  });

  test('before 1.14: edits during and just after the tool’s own writes are ignored', async () => {
    const { fx, port } = setup();
    const seen: string[] = [];
    await port.watchChanges((s) => seen.push(s));
    await port.highlight([{ sheet: '辽滨', cell: 'B1', level: 'error', note: '' }]);
    await fx.emitChange('辽滨', 'B1'); // the echo of the tool's write
    jest.advanceTimersByTime(1000);
    await settle();
    expect(seen).toEqual([]);
    await fx.emitChange('辽滨', 'A1'); // a real edit later
    jest.advanceTimersByTime(1000);
    await settle();
    expect(seen).toEqual(['辽滨']);
  });

  test('edits of the tool’s own sheets are not reported', async () => {
    const { fx, port } = setup();
    fx.addSheet(TOOL_SHEETS.summary, { rows: [['x']] });
    const seen: string[] = [];
    await port.watchChanges((s) => seen.push(s));
    await fx.emitChange(TOOL_SHEETS.summary, 'A1');
    jest.advanceTimersByTime(1000);
    await settle();
    expect(seen).toEqual([]);
  });
});

describe('watchChanges at ExcelApi 1.7 (no workbook-wide onChanged)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function setup() {
    const fx = new FakeExcel({ api: '1.7' });
    fx.addSheet('辽滨', { rows: [['x', 1]] });
    fx.addSheet('盘锦', { rows: [['y', 2]] });
    const port = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
    return { fx, port };
  }

  test('each sheet’s own onChanged, registered in one batch: a burst on two sheets reported once each; stop removes every handler', async () => {
    const { fx, port } = setup();
    const seen: string[] = [];
    const stop = await port.watchChanges((s) => seen.push(s));
    expect(fx.handlers).toHaveLength(0); // the workbook-wide event needs ExcelApi 1.9
    expect(fx.handlerCount()).toBe(3); // two sheets and onAdded
    expect(fx.stats.runs).toBe(1);
    await fx.emitChange('辽滨', 'B1');
    await fx.emitChange('辽滨', 'B2');
    await fx.emitChange('盘锦', 'B1');
    jest.advanceTimersByTime(800);
    await settle();
    expect(seen.sort()).toEqual(['盘锦', '辽滨'].sort());
    stop();
    await settle();
    expect(fx.handlerCount()).toBe(0);
  });

  test('a sheet the clerk adds later is watched too (registered outside the onAdded event)', async () => {
    const { fx, port } = setup();
    const seen: string[] = [];
    const stop = await port.watchChanges((s) => seen.push(s));
    await fx.userAddsSheet('新区', { rows: [['z']] });
    jest.advanceTimersByTime(1);
    await settle();
    expect(fx.handlerCount()).toBe(4);
    await fx.emitChange('新区', 'A1');
    jest.advanceTimersByTime(800);
    await settle();
    expect(seen).toEqual(['新区']);
    stop();
    await settle();
    expect(fx.handlerCount()).toBe(0);
  });

  test('the tool’s own writes are not reported (no triggerSource before 1.14)', async () => {
    const { fx, port } = setup();
    const seen: string[] = [];
    await port.watchChanges((s) => seen.push(s));
    await port.highlight([{ sheet: '辽滨', cell: 'B1', level: 'error', note: '' }]);
    await fx.emitChange('辽滨', 'B1');
    jest.advanceTimersByTime(1000);
    await settle();
    expect(seen).toEqual([]);
  });
});
