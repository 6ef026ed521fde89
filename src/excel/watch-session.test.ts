import fc from 'fast-check';
import { checkWorkbooks, type CheckOptions } from '../domain/check';
import { defaultConfig } from '../domain/config/validate';
import { sampleRegister } from '../domain/sample';
import type { CheckReport } from '../domain/types';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel, type FakeValue } from './testing/fake-excel';
import { liveFake } from './testing/live-workbook';
import { startLiveCheck } from './watch-session';

const opts: CheckOptions = { config: defaultConfig() };
const N = 6;
const zones = sampleRegister(N);

/** A live session on the fake, and every report it handed on (with what it re-checked). */
async function session(fx: FakeExcel) {
  const port = new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
  const reports: { report: CheckReport; rechecked: string[] | 'all'; fullReason?: string }[] = [];
  const stop = await startLiveCheck(port, { file: fx.name, check: opts, onReport: (report, o) => reports.push({ report, ...o }) });
  /** A full check of the workbook as it is now (its reads not counted against live mode). */
  const reference = async (): Promise<string> => {
    const syncs = fx.stats.syncs;
    const grid = await port.readWorkbook();
    fx.stats.syncs = syncs;
    return JSON.stringify(checkWorkbooks([{ file: fx.name, sha256: '', grid, inputError: null }], opts).report);
  };
  return { port, reports, stop, reference, last: () => reports[reports.length - 1] };
}

describe('live checking on the Excel fake (100-sheet figures: bench/live)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('starting: one round trip to watch, readWorkbook’s three to read, and a full check', async () => {
    const fx = liveFake(N);
    const s = await session(fx);
    expect(fx.stats.syncs).toBe(1 + 3);
    expect(s.reports).toHaveLength(1);
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
  });

  test('any edits, pastes and bursts: one round trip each, and the report equals a full check of the workbook as it now is', async () => {
    const value: fc.Arbitrary<FakeValue | null> = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: -2000, max: 90000 }).map((x) => x / 10) },
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('１２.５', '1,234.5', '—', 'x') },
      { weight: 1, arbitrary: fc.constantFrom(...zones.map((z) => `填报单位:${z.name}`), '统计期:2026年8月', '统计期:2026年9月') },
    );
    const edit = fc.record({
      sheet: fc.oneof({ weight: 10, arbitrary: fc.integer({ min: 2, max: N + 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }) }),
      row: fc.integer({ min: 1, max: 30 }),
      col: fc.integer({ min: 0, max: 9 }),
      values: fc.array(fc.array(value, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), async (bursts) => {
        const fx = liveFake(N);
        const s = await session(fx);
        for (const burst of bursts) {
          const syncs = fx.stats.syncs;
          const before = s.reports.length;
          for (const e of burst) {
            const address = `${String.fromCharCode(65 + e.col)}${e.row}`;
            await fx.userEdits(fx.sheets[e.sheet].name, address, e.values);
          }
          await jest.advanceTimersByTimeAsync(800);
          expect(s.reports.length).toBe(before + 1);
          expect(fx.stats.syncs - syncs).toBe(1);
          expect(JSON.stringify(s.last().report)).toBe(await s.reference());
        }
        s.stop();
      }),
      { numRuns: 25 },
    );
  });

  test('an edit of one zone’s sheet re-checks that sheet only', async () => {
    const fx = liveFake(N);
    const s = await session(fx);
    await fx.userEdits(zones[3].name, 'E5', [[1234.5]]);
    await jest.advanceTimersByTimeAsync(800);
    expect(s.last().rechecked).toEqual([zones[3].name]);
  });

  test('a burst of edits on two sheets (one of them twice) is re-checked together, in one round trip', async () => {
    const fx = liveFake(N);
    const s = await session(fx);
    const syncs = fx.stats.syncs;
    await fx.userEdits(zones[2].name, 'E5', [[1]]);
    await jest.advanceTimersByTimeAsync(800); // read and re-checked
    for (const z of [zones[3], zones[4], zones[3]]) await fx.userEdits(z.name, 'E6', [[2]]);
    await jest.advanceTimersByTimeAsync(800);
    expect(fx.stats.syncs - syncs).toBe(2);
    expect([...(s.last().rechecked as string[])].sort()).toEqual([zones[3].name, zones[4].name].sort());
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
  });

  test('a sheet added or deleted: the workbook read whole again (3 round trips) and checked whole', async () => {
    const fx = liveFake(N);
    const s = await session(fx);
    const src = fx.sheets[3];
    let syncs = fx.stats.syncs;
    await fx.userAddsSheet('副本', { rows: src.rows.map((r) => r.map((c) => (c ? { ...c } : c))), merges: [...src.merges] });
    await jest.advanceTimersByTimeAsync(800);
    expect(fx.stats.syncs - syncs).toBe(3);
    expect(s.last()).toMatchObject({ rechecked: 'all', fullReason: 'structure' });
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
    expect(s.last().report.findings.some((f) => f.rule === 'V-DUP' && f.sheet === '副本')).toBe(true);
    syncs = fx.stats.syncs;
    await fx.userDeletesSheet('副本');
    await jest.advanceTimersByTimeAsync(800);
    expect(fx.stats.syncs - syncs).toBe(3);
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
  });

  test('before ExcelApi 1.17 a rename raises no event: the next edit of that sheet finds a name it does not hold and reads all', async () => {
    const fx = liveFake(N);
    const s = await session(fx);
    fx.renameSheet(zones[2].name, '改名');
    const syncs = fx.stats.syncs;
    await fx.userEdits('改名', 'E5', [[7]]);
    await jest.advanceTimersByTimeAsync(800);
    expect(fx.stats.syncs - syncs).toBe(1 + 3);
    expect(s.last()).toMatchObject({ rechecked: 'all', fullReason: 'structure' });
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
  });

  test('ExcelApi 1.17: renamed or moved sheets are told by their events and read whole', async () => {
    const fx = liveFake(N, { supported: ['ExcelApi 1.17'] });
    const s = await session(fx);
    await fx.userRenamesSheet(zones[2].name, '改名');
    await jest.advanceTimersByTimeAsync(800);
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
    await fx.userMovesSheet('改名', 0);
    await jest.advanceTimersByTimeAsync(800);
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
  });

  test('rows inserted in a report sheet: one round trip, the report equals a full check', async () => {
    const fx = liveFake(N);
    const s = await session(fx);
    const syncs = fx.stats.syncs;
    await fx.userInsertsRows(zones[1].name, 6, 2);
    await jest.advanceTimersByTimeAsync(800);
    expect(fx.stats.syncs - syncs).toBe(1);
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
  });

  test('a read that fails (cell-edit mode) leaves nothing stale: the workbook is read whole once Excel answers', async () => {
    const fx = liveFake(N);
    const s = await session(fx);
    fx.cellEditMode = true;
    await fx.userEdits(zones[2].name, 'E5', [[7]]);
    await jest.advanceTimersByTimeAsync(800);
    fx.cellEditMode = false;
    await jest.advanceTimersByTimeAsync(800);
    expect(s.last()).toMatchObject({ rechecked: 'all', fullReason: 'structure' });
    expect(JSON.stringify(s.last().report)).toBe(await s.reference());
  });
});
