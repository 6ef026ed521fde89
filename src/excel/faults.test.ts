/**
 * Office.js port faults not covered by the per-operation tests (read, highlight, write-sheets,
 * tool-store, office-port .test.ts): a read whose size error persists even for one row, a failing
 * chunk among several while writing a large tool sheet, a write request too large, workbook
 * structure protection (AccessDenied) on writeSheets and storeConfig, a protected sheet on
 * clearHighlights, and cell-edit mode on every operation. Each gives a PortError with both
 * languages, leaves the user's sheets as they were, never tries to unprotect anything, and lets no
 * rejection go unhandled; where a retry makes sense, the retry succeeds.
 */
import type { OutSheet } from '../domain/output/sheet-model';
import { PortError, TOOL_SHEETS } from '../domain/port';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';

function port(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
}

/** The user's workbook: a report sheet with formats and a CF of their own, and a second sheet. */
function userWorkbook(opts: ConstructorParameters<typeof FakeExcel>[0] = {}): FakeExcel {
  const fx = new FakeExcel(opts);
  fx.addSheet('辽滨', {
    rows: [
      ['指标名称', '本月', '累计'],
      ['税收收入', { v: 12, fill: '#FFFF00' }, { v: 30, nf: '#,##0.0' }],
      ['工业投资', 0, { v: 7, f: 'B3+7' }],
    ],
  });
  fx.addUserCf('辽滨', 'B2:C3', '#DDEBF7');
  fx.addSheet('大连', { rows: [['x', 1]] });
  return fx;
}

const TOOL_SHEET_NAMES: readonly string[] = Object.values(TOOL_SHEETS);

/** The user's sheets only (names, cells, formats, CFs): what no fault may change. */
function userSnapshot(fx: FakeExcel): string {
  return JSON.stringify(
    fx.sheets
      .filter((s) => !TOOL_SHEET_NAMES.includes(s.name))
      .map((s) => ({ name: s.name, rows: s.rows, cfs: s.cfs, merges: s.merges, protected: s.protected })),
  );
}

function historySheet(rows: number): OutSheet {
  return {
    name: TOOL_SHEETS.history,
    columns: [],
    rows: Array.from({ length: rows }, (_, r) => [
      { v: '2026-09' },
      { v: `G21${String(r % 1000).padStart(4, '0')}` },
      { v: `指标${r % 40}` },
      { v: r * 1.5, fmt: '#,##0.0' },
      { v: r % 2 === 0 ? 'green' : 'yellow' },
    ]),
  };
}

const findings: OutSheet = { name: TOOL_SHEETS.findings, columns: [{ width: 20 }], rows: [[{ v: '核查结果' }], [{ v: 'E9' }, { v: '错误' }]] };

/**
 * Runs `f` and returns the PortError it rejected with (both languages present). Then waits a few
 * macrotasks: a rejection left unhandled by the port would surface and fail the test, which Jest 30
 * does by itself (test/security/unhandled.test.ts proves it; a process listener inside the test
 * sandbox never fires, so none is used here).
 */
async function rejection(f: () => Promise<unknown>): Promise<PortError> {
  const err = await f().then(
    () => null,
    (e: unknown) => e,
  );
  await new Promise((r) => setTimeout(r, 10));
  if (!(err instanceof PortError)) throw new Error(`expected a PortError, got ${String(err)}`);
  expect(err.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(err.en).toMatch(/[A-Za-z]{4}/);
  return err;
}

describe('Office.js port faults', () => {
  test('read: a size error that persists down to a single row gives E_EXCEL_TOO_LARGE, not an endless retry', async () => {
    const fx = userWorkbook({ maxRequestBytes: 300 });
    const err = await rejection(() => port(fx).readWorkbook());
    expect(err.code).toBe('E_EXCEL_TOO_LARGE');
    expect(err.zh).toContain('5 MB');
    expect(err.en).toContain('5 MB');
    // halving ends: a handful of syncs, not one per cell
    expect(fx.stats.syncs).toBeLessThan(20);
    expect(fx.stats.unprotectAttempts).toBe(0);
  });

  test('writeSheets: a failing chunk among several gives a PortError; the user’s sheets are untouched; a retry writes one whole sheet', async () => {
    const fx = userWorkbook();
    const before = userSnapshot(fx);
    const sheet = historySheet(60_000);
    const p = port(fx);
    fx.failSync(3, 'GeneralException');
    const err = await rejection(() => p.writeSheets([sheet]));
    expect(err.code).toBe('E_EXCEL_GENERAL');
    expect(fx.stats.syncs).toBe(3);
    expect(userSnapshot(fx)).toBe(before);
    // Excel batches are not transactions: earlier chunks stay. The retry replaces them.
    await p.writeSheets([sheet]);
    const written = fx.sheets.filter((s) => s.name === TOOL_SHEETS.history);
    expect(written).toHaveLength(1);
    expect(written[0].rows).toHaveLength(60_000);
    expect(written[0].rows[59_999][3]).toMatchObject({ v: 59_999 * 1.5 });
    expect(userSnapshot(fx)).toBe(before);
    expect(fx.stats.unprotectAttempts).toBe(0);
  });

  test('writeSheets: a request over the size limit gives E_EXCEL_TOO_LARGE in both languages, user sheets untouched', async () => {
    const fx = userWorkbook({ maxRequestBytes: 20_000 });
    const before = userSnapshot(fx);
    // one cell larger than the whole request budget of this host: no split can make it fit
    const huge: OutSheet = { name: TOOL_SHEETS.findings, columns: [], rows: [[{ v: '说明'.repeat(10_000) }]] };
    const err = await rejection(() => port(fx).writeSheets([huge]));
    expect(err.code).toBe('E_EXCEL_TOO_LARGE');
    expect(userSnapshot(fx)).toBe(before);
  });

  test('writeSheets / storeConfig on a workbook whose structure is protected (AccessDenied): the protection message, no unprotect attempt', async () => {
    const fx = userWorkbook();
    const before = userSnapshot(fx);
    const p = port(fx);
    fx.failSync(2, 'AccessDenied');
    const err = await rejection(() => p.writeSheets([findings]));
    expect(err.code).toBe('E_EXCEL_PROTECTED');
    expect(err.zh).toContain('不会自行撤销保护');
    expect(err.en).toContain('never removes protection');
    fx.failSync(2, 'AccessDenied');
    expect((await rejection(() => p.storeConfig('{"x":1}'))).code).toBe('E_EXCEL_PROTECTED');
    expect(userSnapshot(fx)).toBe(before);
    expect(fx.stats.unprotectAttempts).toBe(0);
  });

  test('clearHighlights after the user protected the sheet: the protection message names it; the highlights stay; no unprotect attempt', async () => {
    const fx = userWorkbook();
    const p = port(fx);
    await p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: '税收大于收入' }]);
    const sheet = fx.sheet('辽滨');
    if (!sheet) throw new Error('no sheet');
    const cfsWithHighlight = JSON.stringify(sheet.cfs);
    sheet.protected = true;
    const err = await rejection(() => p.clearHighlights());
    expect(err.code).toBe('E_EXCEL_PROTECTED');
    expect(err.zh).toContain('辽滨');
    expect(JSON.stringify(sheet.cfs)).toBe(cfsWithHighlight);
    expect(fx.stats.unprotectAttempts).toBe(0);
    // unprotected by the user: clearing works and restores the user's own format
    sheet.protected = false;
    await p.clearHighlights();
    expect(sheet.cfs.map((c) => c.owner)).toEqual(['user']);
  });

  test('cell-edit mode: every operation gives the cell-edit message and changes nothing', async () => {
    const fx = userWorkbook();
    const p = port(fx);
    const before = fx.formatSnapshot();
    fx.cellEditMode = true;
    const ops: [string, () => Promise<unknown>][] = [
      ['readWorkbook', () => p.readWorkbook()],
      ['highlight', () => p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }])],
      ['clearHighlights', () => p.clearHighlights()],
      ['writeSheets', () => p.writeSheets([findings])],
      ['loadStoredConfig', () => p.loadStoredConfig()],
      ['storeConfig', () => p.storeConfig('{}')],
      ['selectCell', () => p.selectCell('辽滨', 'B2')],
    ];
    for (const [name, op] of ops) {
      const err = await rejection(op);
      expect({ name, code: err.code }).toEqual({ name, code: 'E_EXCEL_CELL_EDIT' });
      expect(err.zh).toContain('Enter');
      expect(err.en).toContain('Enter');
    }
    expect(fx.formatSnapshot()).toBe(before);
    expect(fx.sheets.map((s) => s.name)).toEqual(['辽滨', '大连']);
    // edit finished: the same port works again
    fx.cellEditMode = false;
    await p.writeSheets([findings]);
    expect(fx.sheet(TOOL_SHEETS.findings)?.rows[1][0]).toMatchObject({ v: 'E9' });
  });

  test('storeConfig: a failure on the second sync leaves the stored configuration readable (old or new, never torn)', async () => {
    const fx = userWorkbook();
    const p = port(fx);
    const old = JSON.stringify({ v: 'old', pad: 'x'.repeat(70_000) });
    await p.storeConfig(old);
    fx.failSync(2, 'GeneralException');
    expect((await rejection(() => p.storeConfig(JSON.stringify({ v: 'new' })))).code).toBe('E_EXCEL_GENERAL');
    expect(await p.loadStoredConfig()).toBe(old);
  });
});
