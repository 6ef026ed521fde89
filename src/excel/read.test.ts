import { PortError, TOOL_SHEETS } from '../domain/port';
import { OfficeWorkbookPort } from './office-port';
import { planReads } from './read';
import { FakeExcel, type FakeValue } from './testing/fake-excel';

/** A report-like sheet: a text header row, then numbers. */
function sheetRows(rows: number, cols: number, seed = 0): FakeValue[][] {
  const out: FakeValue[][] = [];
  out.push(Array.from({ length: cols }, (_, c) => `指标${c}`));
  for (let r = 1; r < rows; r++) out.push(Array.from({ length: cols }, (_, c) => (r * 31 + c * 7 + seed) % 100000));
  return out;
}

function workbook(sheets: number, rows: number, cols: number, opts: ConstructorParameters<typeof FakeExcel>[0] = {}): FakeExcel {
  const fx = new FakeExcel(opts);
  for (let i = 0; i < sheets; i++) fx.addSheet(`开发区${i + 1}`, { rows: sheetRows(rows, cols, i) });
  return fx;
}

const MB5 = 5_000_000;

describe('readWorkbook: fixed round trips', () => {
  test('1 sheet and 60 sheets take the same 3 syncs in one run', async () => {
    const small = workbook(1, 40, 10);
    const many = workbook(60, 40, 10);
    const a = await new OfficeWorkbookPort(small.run, { isSetSupported: small.isSetSupported }).readWorkbook();
    const b = await new OfficeWorkbookPort(many.run, { isSetSupported: many.isSetSupported }).readWorkbook();
    expect(a.sheets).toHaveLength(1);
    expect(b.sheets).toHaveLength(60);
    expect(small.stats.syncs).toBe(3);
    expect(many.stats.syncs).toBe(3);
    expect(many.stats.runs).toBe(1);
    expect(b.sheets[59].rows[39][9]).toEqual({ v: (39 * 31 + 9 * 7 + 59) % 100000 });
  });

  test('with merges (ExcelApi 1.13) still 3 syncs; merges come back without sheet prefixes', async () => {
    const fx = new FakeExcel({ supported: ['ExcelApi 1.13'] });
    fx.addSheet('My Sheet', { rows: sheetRows(5, 9), merges: ['A1:I1'] });
    fx.addSheet('B', { rows: sheetRows(5, 3) });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets[0].merges).toEqual(['A1:I1']);
    expect(g.sheets[1].merges).toEqual([]);
    expect(fx.stats.syncs).toBe(3);
  });

  test('without ExcelApi 1.13 no merges are asked for (none reported)', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: sheetRows(3, 3), merges: ['A1:C1'] });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets[0].merges).toEqual([]);
  });
});

describe('readWorkbook: request budget', () => {
  test('200 sheets are split into planned requests, every one under 5 MB', async () => {
    const fx = workbook(200, 50, 12);
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets).toHaveLength(200);
    // 120,000 cells at 62,500 per request: 2 value requests after the 2 planning syncs
    expect(fx.stats.syncs).toBe(4);
    expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(MB5);
    expect(g.sheets[199].rows[49][11]).toEqual({ v: (49 * 31 + 11 * 7 + 199) % 100000 });
  });

  test('a 1,000,000-cell sheet is read in row blocks, every request under 5 MB', async () => {
    const fx = workbook(1, 10_000, 100);
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    const rows = g.sheets[0].rows;
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999][99]).toEqual({ v: (9_999 * 31 + 99 * 7) % 100000 });
    // 1,000,000 / 62,500 = 16 value requests + 2
    expect(fx.stats.syncs).toBe(18);
    const max = Math.max(...fx.stats.requestBytes);
    expect(max).toBeLessThan(MB5);
    expect(max).toBeGreaterThan(1_000_000); // the blocks are not needlessly tiny
  });

  test('text heavier than the estimate: the rejected request is retried in halves', async () => {
    const fx = new FakeExcel();
    const long = '开发区统计月报'.repeat(15); // 105 characters, 315 bytes
    fx.addSheet('长文本', { rows: Array.from({ length: 2000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `${long}${r}-${c}`)) });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets[0].rows[1999][9]).toEqual({ v: `${long}1999-9` });
    const rejected = fx.stats.requestBytes.filter((b) => b > MB5);
    expect(rejected.length).toBeGreaterThan(0);
    // 2 planning syncs, 20,000 cells rejected, 2 × 10,000 rejected… until halves fit
    const accepted = fx.stats.requestBytes.filter((b) => b <= MB5);
    expect(accepted.length + rejected.length).toBe(fx.stats.syncs);
    expect(fx.stats.syncs).toBe(9);
  });

  test('values: null (read too large) is retried smaller', async () => {
    const fx = workbook(1, 300, 10, { maxCellsPerRead: 1000 });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets[0].rows).toHaveLength(300);
    expect(g.sheets[0].rows[299][9]).toEqual({ v: (299 * 31 + 63) % 100000 });
    // 3000 cells → null; 1500 → null ×2; 750 ×4 fine = 2 + 1 + 2 + 4
    expect(fx.stats.syncs).toBe(9);
  });

  test('planReads packs blocks of several sheets into one request and cuts big sheets by rows', () => {
    const plan = planReads([{ top: 0, left: 0, rows: 10, cols: 10 }, null, { top: 2, left: 1, rows: 100, cols: 10 }], 500);
    expect(plan.map((req) => req.map((b) => [b.sheet, b.top, b.bottom]))).toEqual([
      [
        [0, 0, 9],
        [2, 2, 41],
      ],
      [[2, 42, 91]],
      [[2, 92, 101]],
    ]);
    for (const req of plan) expect(req.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0)).toBeLessThanOrEqual(500);
  });
});

describe('readWorkbook: cells, options, failures', () => {
  test('maps formulas, cached values, formats, errors, booleans, blanks; keeps absolute positions', async () => {
    const fx = new FakeExcel({ name: '辽滨.xlsx' });
    fx.addSheet('S', {
      rows: [
        [],
        [null, '名称', 12.5, true, ''],
        [null, { v: 15, f: 'C2+2.5', nf: '0.0' }, { err: '#DIV/0!', f: '1/0' }, { v: '', f: 'IF(1,"","x")' }, { v: 0.123, nf: '0.0%' }],
      ],
      protected: true,
      visibility: 'Hidden',
    });
    fx.addSheet(TOOL_SHEETS.config, { rows: [['{"x":1}']], visibility: 'VeryHidden' });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.name).toBe('辽滨.xlsx');
    expect(g.sheets.map((s) => s.name)).toEqual(['S']); // the tool's config sheet is not content
    const s = g.sheets[0];
    expect(s.hidden).toBe(true);
    expect(s.protected).toBe(true);
    expect(s.rows[0]).toBeUndefined();
    expect(s.rows[1][0]).toBeUndefined();
    expect(s.rows[1].slice(1)).toEqual([{ v: '名称' }, { v: 12.5 }, { v: true }]);
    expect(s.rows[2][1]).toEqual({ v: 15, f: 'C2+2.5', fmt: '0.0' });
    expect(s.rows[2][2]).toEqual({ v: { error: '#DIV/0!' }, f: '1/0' });
    expect(s.rows[2][3]).toEqual({ v: null, f: 'IF(1,"","x")' });
    expect(s.rows[2][4]).toEqual({ v: 0.123, fmt: '0.0%' });
  });

  test('opts.sheets limits the read (case-insensitive) and progress ends at 1', async () => {
    const fx = workbook(5, 10, 4);
    const progress: number[] = [];
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook({
      sheets: ['开发区3'],
      onProgress: (p) => progress.push(p),
    });
    expect(g.sheets.map((s) => s.name)).toEqual(['开发区3']);
    expect(fx.stats.rangeReads).toBe(4); // values, formulas, numberFormat, valueTypes of one range
    expect(progress[progress.length - 1]).toBe(1);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
  });

  test('an aborted signal cancels between syncs with a PortError', async () => {
    const fx = workbook(3, 10, 4);
    const ctl = new AbortController();
    const port = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
    const p = port.readWorkbook({ onProgress: () => ctl.abort(), signal: ctl.signal });
    await expect(p).rejects.toMatchObject({ code: 'E_CANCELLED', zh: '已取消。' });
    expect(fx.stats.syncs).toBe(1);
  });

  test('a failing sync among several gives a PortError, no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const fx = workbook(200, 50, 12);
      fx.failSync(3, 'GeneralException');
      const err = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PortError);
      expect(err).toMatchObject({ code: 'E_EXCEL_GENERAL' });
      expect((err as PortError).zh).toMatch(/Excel/);
      expect(fx.stats.syncs).toBe(3);
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('cell-edit mode gives its own message', async () => {
    const fx = workbook(1, 3, 3);
    fx.cellEditMode = true;
    await expect(new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook()).rejects.toMatchObject({
      code: 'E_EXCEL_CELL_EDIT',
    });
  });

  test('the fake enforces proxy semantics: reading before load + sync throws', async () => {
    const fx = workbook(1, 3, 3);
    await fx.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('开发区1');
      expect(() => ws.name).toThrow(/not available/);
      ws.load('name');
      expect(() => ws.name).toThrow(/not available/);
      await ctx.sync();
      expect(ws.name).toBe('开发区1');
      const r = ws.getRange('A1:B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });
});

describe('readWorkbook: merged areas past what Excel answers in one call', () => {
  /** n single-row merges B:C, one per row from row 3 */
  function merges(n: number): string[] {
    return Array.from({ length: n }, (_, i) => `B${i + 3}:C${i + 3}`);
  }

  test('a sheet with 600 merged areas (getMergedAreasOrNullObject fails past 512): read by halves, every merge found, other sheets as usual', async () => {
    const fx = new FakeExcel({ api: '1.13' });
    fx.addSheet('多合并', { rows: sheetRows(605, 4), merges: merges(600) });
    fx.addSheet('普通', { rows: sheetRows(5, 3), merges: ['A1:C1'] });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets.map((s) => s.name)).toEqual(['多合并', '普通']);
    expect(g.sheets[0].merges.sort()).toEqual(merges(600).sort());
    expect(g.sheets[1].merges).toEqual(['A1:C1']);
    expect(g.sheets[0].rows[604][3]).toEqual({ v: (604 * 31 + 3 * 7) % 100000 });
    // 1 names, 2 bounds + merges (fails), 2' bounds, 2a/2b one sheet each (the first fails),
    // 2c/2d halves of its rows, 3 values
    expect(fx.stats.syncs).toBe(8);
  });

  test('500 merged areas: one call answers (no extra syncs)', async () => {
    const fx = new FakeExcel({ api: '1.13' });
    fx.addSheet('S', { rows: sheetRows(505, 4), merges: merges(500) });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets[0].merges).toHaveLength(500);
    expect(fx.stats.syncs).toBe(3);
  });
});

describe('readWorkbook below ExcelApi 1.4 (Excel 2016 without updates: ExcelApi 1.1)', () => {
  test('checks with getUsedRange: values, a blank sheet as blank, no protection or merges asked for, 3 syncs', async () => {
    const fx = new FakeExcel({ api: '1.1' });
    fx.addSheet('开发区1', { rows: sheetRows(4, 3), merges: ['A1:C1'] });
    fx.addSheet('空表', { rows: [] });
    fx.addSheet('一格', { rows: [['仅此一格']] });
    const g = await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook();
    expect(g.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['开发区1', 4],
      ['空表', 0],
      ['一格', 1],
    ]);
    expect(g.sheets[0].rows[3][2]).toEqual({ v: (3 * 31 + 2 * 7) % 100000 });
    expect(g.sheets[2].rows[0][0]).toEqual({ v: '仅此一格' });
    expect(g.sheets[0].merges).toEqual([]);
    expect(fx.stats.syncs).toBe(3);
  });

  test('the same workbook at ExcelApi 1.7 gives the same grids', async () => {
    const grids = [];
    for (const api of ['1.1', '1.7']) {
      const fx = new FakeExcel({ api });
      fx.addSheet('开发区1', { rows: sheetRows(6, 5), protected: true });
      fx.addSheet('空表', { rows: [] });
      grids.push(await new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported }).readWorkbook());
    }
    // protection can only be read from 1.2: the grids differ in that flag alone
    expect(grids[1].sheets[0].protected).toBe(true);
    expect(grids[0].sheets[0].protected).toBeUndefined();
    expect(grids[0].sheets.map((s) => s.rows)).toEqual(grids[1].sheets.map((s) => s.rows));
  });
});
