import { TOOL_SHEETS } from '../domain/port';
import type { SheetGrid } from '../domain/types';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';
import type { XlChangedArgs } from './api';
import type { LiveChange } from './watch';

function setup(opts: { api?: string; supported?: string[] } = {}) {
  const fx = new FakeExcel(opts);
  fx.addSheet('辽滨', { rows: [['x', 1]] });
  fx.addSheet('盘锦', { rows: [['y', 2]], merges: ['A3:B3'] });
  const port = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
  const seen: LiveChange[] = [];
  const watch = () => port.watchEdits(async (c) => void seen.push(c));
  return { fx, port, seen, watch };
}

/** The sheet as readWorkbook reads it (the grid a full check sees). */
async function fullRead(port: OfficeWorkbookPort, name: string): Promise<SheetGrid> {
  return (await port.readWorkbook({ sheets: [name] })).sheets[0];
}

const names = (c: LiveChange | undefined) => (c?.kind === 'sheets' ? c.sheets.map((s) => s.name).sort() : c?.kind);

describe('watchEdits (live mode)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('a burst of edits: the handler never syncs; ~800 ms after the last edit the sheet is read in one round trip, as readWorkbook reads it', async () => {
    const { fx, port, seen, watch } = setup();
    const stop = await watch();
    expect(fx.handlerCount()).toBe(3); // onChanged, onAdded, onDeleted (ExcelApi 1.9)
    const syncs = fx.stats.syncs;
    await fx.userEdits('辽滨', 'B1', [[5]]);
    await fx.userEdits('辽滨', 'C2', [['新']]);
    await jest.advanceTimersByTimeAsync(500);
    await fx.userEdits('辽滨', 'B2', [[7]]);
    expect(fx.stats.syncs).toBe(syncs); // nothing synced inside the handlers
    await jest.advanceTimersByTimeAsync(799);
    expect(seen).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(fx.stats.syncs).toBe(syncs + 1);
    expect(names(seen[0])).toEqual(['辽滨']);
    const grid = (seen[0] as { sheets: SheetGrid[] }).sheets[0];
    expect(grid).toEqual(await fullRead(port, '辽滨'));
    expect(grid.rows[1]).toEqual([undefined, { v: 7 }, { v: '新' }]);
    stop();
    await jest.advanceTimersByTimeAsync(0);
    expect(fx.handlerCount()).toBe(0);
  });

  test('the event is as Excel raises it: a paste is one event for the whole area, details only for a single cell', async () => {
    const { fx, watch } = setup();
    const args: XlChangedArgs[] = [];
    fx.handlers.push(async (a) => void args.push(a));
    await watch();
    await fx.userEdits('盘锦', 'C1', [[1, 2], [3, 4]]);
    await fx.userEdits('盘锦', 'A1', [['z']]);
    expect(args[0]).toMatchObject({ address: 'C1:D2', changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged' });
    expect(args[0].details).toBeUndefined();
    expect(args[0].triggerSource).toBeUndefined(); // ExcelApi 1.9: no triggerSource yet
    expect(args[1].details).toEqual({ valueBefore: 'y', valueAfter: 'z', valueTypeBefore: 'String', valueTypeAfter: 'String' });
  });

  test('a paste and edits on two sheets in one burst: one round trip reads both, merges included', async () => {
    const { fx, port, seen, watch } = setup({ api: '1.13' });
    await watch();
    const syncs = fx.stats.syncs;
    await fx.userEdits('辽滨', 'A5', [[1, 2, 3], [4, 5, 6]]);
    await fx.userEdits('盘锦', 'B1', [[9]]);
    await jest.advanceTimersByTimeAsync(800);
    expect(fx.stats.syncs).toBe(syncs + 1);
    expect(names(seen[0])).toEqual(['盘锦', '辽滨']);
    const sheets = (seen[0] as { sheets: SheetGrid[] }).sheets;
    expect(sheets.find((s) => s.name === '盘锦')).toEqual(await fullRead(port, '盘锦'));
    expect(sheets.find((s) => s.name === '盘锦')?.merges).toEqual(['A3:B3']);
    expect(sheets.find((s) => s.name === '辽滨')).toEqual(await fullRead(port, '辽滨'));
  });

  test('an edit while the last change is still being handled waits, and is handed on after it (never two at once)', async () => {
    const { fx, port } = setup();
    const order: string[] = [];
    let release!: () => void;
    let running = 0;
    await port.watchEdits(async (c) => {
      running += 1;
      expect(running).toBe(1);
      order.push(`start ${names(c)}`);
      if (order.length === 1) await new Promise<void>((r) => (release = r));
      order.push('end');
      running -= 1;
    });
    await fx.userEdits('辽滨', 'B1', [[5]]);
    await jest.advanceTimersByTimeAsync(800);
    expect(order).toEqual(['start 辽滨']);
    await fx.userEdits('盘锦', 'B1', [[6]]);
    await fx.userEdits('辽滨', 'B1', [[7]]);
    await jest.advanceTimersByTimeAsync(2000);
    expect(order).toEqual(['start 辽滨']); // still busy: nothing read meanwhile
    release();
    await jest.advanceTimersByTimeAsync(800);
    expect(order).toEqual(['start 辽滨', 'end', 'start 盘锦,辽滨', 'end']);
  });

  test('ExcelApi 1.14: the add-in’s own edits (triggerSource ThisLocalAddin) are ignored', async () => {
    const { fx, seen, watch } = setup({ supported: ['ExcelApi 1.14'] });
    await watch();
    await fx.emitChange('辽滨', 'B1', 'ThisLocalAddin');
    await jest.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([]);
    await fx.emitChange('辽滨', 'B1', 'Unknown');
    await jest.advanceTimersByTimeAsync(1000);
    expect(names(seen[0])).toEqual(['辽滨']);
  });

  test('before 1.14: edits during and just after the tool’s own writes are ignored', async () => {
    const { fx, port, seen, watch } = setup();
    await watch();
    await port.highlight([{ sheet: '辽滨', cell: 'B1', level: 'error', note: '' }]);
    await fx.emitChange('辽滨', 'B1'); // the echo of the tool's write
    await jest.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([]);
    await fx.userEdits('辽滨', 'A1', [['z']]); // a real edit later
    await jest.advanceTimersByTimeAsync(1000);
    expect(names(seen[0])).toEqual(['辽滨']);
  });

  test('edits of the tool’s own sheets change no finding and are not handed on; 历史数据 is', async () => {
    const { fx, seen, watch } = setup();
    fx.addSheet(TOOL_SHEETS.summary, { rows: [['x']] });
    fx.addSheet(TOOL_SHEETS.history, { rows: [['统计期']] });
    await watch();
    await fx.userEdits(TOOL_SHEETS.summary, 'A1', [['y']]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([]);
    await fx.userEdits(TOOL_SHEETS.history, 'A2', [['2026-09']]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(names(seen[0])).toEqual([TOOL_SHEETS.history]);
  });

  test('sheets added or deleted (and at ExcelApi 1.17 renamed or moved) are a structure change', async () => {
    const { fx, seen, watch } = setup({ supported: ['ExcelApi 1.17'] });
    await watch();
    expect(fx.handlerCount()).toBe(5);
    for (const act of [
      () => fx.userAddsSheet('新区'),
      () => fx.userDeletesSheet('新区'),
      () => fx.userRenamesSheet('盘锦', '盘锦2'),
      () => fx.userMovesSheet('辽滨', 1),
    ]) {
      seen.length = 0;
      const syncs = fx.stats.syncs;
      await act();
      await jest.advanceTimersByTimeAsync(800);
      expect(seen).toEqual([{ kind: 'structure' }]);
      expect(fx.stats.syncs).toBe(syncs); // the watcher reads nothing: the caller reads the workbook
    }
  });

  test('a sheet deleted after its edit: the read finds it gone and says structure', async () => {
    const { fx, seen, watch } = setup();
    await watch();
    await fx.userEdits('盘锦', 'A1', [['z']]);
    fx.sheets.splice(1, 1); // deleted without the event reaching the pane yet
    await jest.advanceTimersByTimeAsync(800);
    expect(seen).toEqual([{ kind: 'structure' }]);
  });

  test('a read that fails (cell-edit mode) is tried again as a whole-workbook change, a few times, then at the next edit', async () => {
    const { fx, seen, watch } = setup();
    await watch();
    fx.cellEditMode = true;
    await fx.userEdits('辽滨', 'B1', [[5]]);
    await jest.advanceTimersByTimeAsync(800);
    expect(seen).toEqual([]);
    fx.cellEditMode = false;
    await jest.advanceTimersByTimeAsync(800);
    expect(seen).toEqual([{ kind: 'structure' }]);
  });

  test('a sheet too large for one request is read by readWorkbook’s planned blocks: more round trips, the same grid', async () => {
    const { fx, port, seen, watch } = setup();
    const rows = Array.from({ length: 150 }, (_, r) => Array.from({ length: 20 }, (_, c) => `第${r}行第${c}列的一段较长的文字`));
    fx.addSheet('大表', { rows });
    await watch();
    fx.maxRequestBytes = 200_000;
    await fx.userEdits('大表', 'A1', [['改']]);
    await jest.advanceTimersByTimeAsync(800);
    const grid = (seen[0] as { sheets: SheetGrid[] }).sheets[0];
    expect(grid.rows[0][0]).toEqual({ v: '改' });
    expect(grid).toEqual(await fullRead(port, '大表'));
  });
});

describe('watchEdits at ExcelApi 1.7 (no workbook-wide onChanged)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('each sheet’s own onChanged, registered in one batch: a burst on two sheets read in one round trip; stop removes every handler', async () => {
    const { fx, seen, watch } = setup({ api: '1.7' });
    const stop = await watch();
    expect(fx.handlers).toHaveLength(0); // the workbook-wide event needs ExcelApi 1.9
    expect(fx.handlerCount()).toBe(4); // two sheets, onAdded, onDeleted
    expect(fx.stats.runs).toBe(1);
    const syncs = fx.stats.syncs;
    await fx.userEdits('辽滨', 'B1', [[1]]);
    await fx.userEdits('辽滨', 'B2', [[2]]);
    await fx.userEdits('盘锦', 'B1', [[3]]);
    await jest.advanceTimersByTimeAsync(800);
    expect(fx.stats.syncs).toBe(syncs + 1);
    expect(names(seen[0])).toEqual(['盘锦', '辽滨']);
    stop();
    await jest.advanceTimersByTimeAsync(0);
    expect(fx.handlerCount()).toBe(0);
  });

  test('a sheet the clerk adds later is a structure change, and is watched too (registered outside the onAdded event)', async () => {
    const { fx, seen, watch } = setup({ api: '1.7' });
    const stop = await watch();
    await fx.userAddsSheet('新区', { rows: [['z']] });
    await jest.advanceTimersByTimeAsync(800);
    expect(seen).toEqual([{ kind: 'structure' }]);
    expect(fx.handlerCount()).toBe(5);
    await fx.userEdits('新区', 'A1', [['w']]);
    await jest.advanceTimersByTimeAsync(800);
    expect(names(seen[1])).toEqual(['新区']);
    stop();
    await jest.advanceTimersByTimeAsync(0);
    expect(fx.handlerCount()).toBe(0);
  });

  test('the tool’s own writes are not handed on (no triggerSource before 1.14)', async () => {
    const { fx, port, seen, watch } = setup({ api: '1.7' });
    await watch();
    await port.highlight([{ sheet: '辽滨', cell: 'B1', level: 'error', note: '' }]);
    await fx.emitChange('辽滨', 'B1');
    await jest.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual([]);
  });
});
