import fc from 'fast-check';
import { checkWorkbooks, type CheckInput, type CheckOptions } from './check';
import { defaultConfig } from './config/validate';
import { LiveRecheck } from './live-recheck';
import { liveSheets } from './live-recheck.fixtures';
import { sampleRegister } from './sample';
import type { Cell, SheetGrid } from './types';

const config = defaultConfig();
const opts: CheckOptions = { config };
const FILE = 'Book1.xlsx';

function input(sheets: readonly SheetGrid[]): CheckInput {
  return { file: FILE, sha256: '', grid: { name: FILE, sheets: [...sheets] }, inputError: null };
}

/** What `zone-report check --json` would print for the workbook as it is: the reference. */
function fullReport(sheets: readonly SheetGrid[]): string {
  return JSON.stringify(checkWorkbooks([input(sheets)], opts).report);
}

/** A copy of the sheet with cells typed over (null clears a cell). */
function typed(sheet: SheetGrid, cells: { r: number; c: number; v: Cell['v'] }[]): SheetGrid {
  const rows = sheet.rows.map((row) => (row ? [...row] : row));
  for (const { r, c, v } of cells) {
    const row = (rows[r] ??= []);
    row[c] = v === null ? undefined : { v };
  }
  return { ...sheet, rows };
}

const N = 8;
const zones = sampleRegister(N);
const base = liveSheets(N);

/** A value a clerk might type: figures, blanks, text numbers, another zone's name, a period. */
const value = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5000, max: 90000 }).map((x) => x / 10) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('１２.５', '1,234.5', '—', '亏损', 'x') },
  { weight: 1, arbitrary: fc.constantFrom(...zones.map((z) => `填报单位:${z.name}`), '填报单位:不存在的开发区') },
  { weight: 1, arbitrary: fc.constantFrom(...zones.map((z) => `开发区代码:${z.code}`)) },
  { weight: 1, arbitrary: fc.constantFrom('统计期:2026年8月', '统计期:2025年9月', '统计期:9月', '统计期:2026年9月') },
);
/** A cell: mostly the figures' block, sometimes the heading lines, sometimes outside the table. */
const cell = fc.record({
  r: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 3, max: 26 }) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 27, max: 40 }) }),
  c: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 3, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }) }),
  v: value,
});
/** One update: one or two sheets, each with a few cells (a paste is several cells at once). */
const update = fc.array(
  fc.record({
    sheet: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 2, max: base.length - 1 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 1 }) }),
    cells: fc.array(cell, { minLength: 1, maxLength: 6 }),
  }),
  { minLength: 1, maxLength: 2 },
);

describe('LiveRecheck', () => {
  test('after any edits, the report equals a full check of the workbook as it now is (byte for byte)', () => {
    let partial = 0;
    fc.assert(
      fc.property(fc.array(update, { minLength: 1, maxLength: 4 }), (updates) => {
        const live = new LiveRecheck(input(base), opts);
        let sheets = [...base];
        for (const u of updates) {
          const changed = new Map<number, SheetGrid>();
          for (const e of u) changed.set(e.sheet, typed(changed.get(e.sheet) ?? sheets[e.sheet], e.cells));
          sheets = sheets.map((s, i) => changed.get(i) ?? s);
          const out = live.update([...changed.values()]);
          if (out.rechecked !== 'all') partial += 1;
          expect(JSON.stringify(out.report)).toBe(fullReport(sheets));
        }
      }),
      { numRuns: 40 },
    );
    // most updates must take the reduced path, or the property proves little
    expect(partial).toBeGreaterThan(30
    );
  });

  test('an edit of a zone’s own sheet re-checks that sheet only; of a zone with two months, both', () => {
    const live = new LiveRecheck(input(base), opts);
    const third = base[4]; // zones[2]'s September
    const out = live.update([typed(third, [{ r: 4, c: 4, v: 123.4 }])]);
    expect(out.rechecked).toEqual([third.name]);
    const first = base[2]; // zones[0]'s September: its August sheet compares with it
    const both = live.update([typed(first, [{ r: 5, c: 3, v: 1 }])]);
    expect(both.rechecked === 'all' ? both.rechecked : [...both.rechecked].sort()).toEqual([first.name, `${zones[0].name}8月`].sort());
  });

  test('a changed register, a changed year, an unknown sheet: the whole workbook again, said why', () => {
    const live = new LiveRecheck(input(base), opts);
    expect(live.update([typed(base[0], [{ r: 1, c: 1, v: '改名' }])]).fullReason).toBe('register-or-history');
    expect(live.update([typed(base[3], [{ r: 1, c: 5, v: '统计期:2025年9月' }])]).fullReason).toBe('year');
    expect(live.update([{ name: '新表', rows: [[{ v: 'x' }]], merges: [] }]).fullReason).toBe('structure');
  });

  test('a workbook without any archived history is checked whole on every edit (rules skipped once, workbook-wide)', () => {
    const sheets = base.filter((s) => s.name !== '历史数据');
    const live = new LiveRecheck(input(sheets), opts);
    const out = live.update([typed(sheets[2], [{ r: 4, c: 4, v: 1 }])]);
    expect(out.fullReason).toBe('no-history');
    expect(JSON.stringify(out.report)).toBe(fullReport(sheets.map((s, i) => (i === 2 ? typed(s, [{ r: 4, c: 4, v: 1 }]) : s))));
  });
});
