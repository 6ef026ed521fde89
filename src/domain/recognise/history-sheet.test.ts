import fc from 'fast-check';
import type { HistoryRow, SheetGrid, WarningLevel } from '../types';
import type { OutSheet } from '../output/sheet-model';
import { historySheet, mergeHistory, readHistorySheet } from './history-sheet';
import { grid } from './grid-fixture';

const row = (period: string, zone: string, indicator: string, ytd: number | null, over: Partial<HistoryRow> = {}): HistoryRow => ({
  period, zone, indicator, ytd, base: null, target: null, level: null, ...over,
});

/** What a port would read back from the sheet the tool wrote: values as written, formats kept. */
function asGrid(out: OutSheet): SheetGrid {
  return {
    name: out.name,
    merges: [],
    rows: out.rows.map((r) => r.map((c) => (c.v === null ? undefined : { v: c.v, ...(c.fmt ? { fmt: c.fmt } : {}) }))),
  };
}

describe('historySheet', () => {
  test('writes the long format: header, then one row per period × zone × indicator, codes as text', () => {
    const out = historySheet([row('2026-09', 'G212001', '01', 398765.4, { base: 352011, target: 520000, level: 'yellow' })]);
    expect(out.name).toBe('历史数据');
    expect(out.rows[0].map((c) => c.v)).toEqual(['统计期', '开发区代码', '指标代码', '1-本月累计', '上年同期累计', '年度目标', '预警级别']);
    expect(out.rows[1].map((c) => c.v)).toEqual(['2026-09', 'G212001', '01', 398765.4, 352011, 520000, '黄色']);
    expect(out.rows[1][0].fmt).toBe('@');
    expect(out.rows[1][2].fmt).toBe('@');
    expect(out.rows[1][6].style).toBe('yellow');
    expect(out.freeze).toEqual({ rows: 1, cols: 0 });
  });

  test('what it writes reads back unchanged', () => {
    const levels: (WarningLevel | null)[] = ['red', 'orange', 'yellow', 'green', 'gray', null];
    const arb = fc.array(
      fc.record({
        period: fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
        zone: fc.constantFrom('G212001', 'S212002', 'A1'),
        indicator: fc.constantFrom('01', '08', '12', '14', '15'),
        ytd: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), { nil: null }),
        base: fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null }),
        target: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
        level: fc.constantFrom(...levels),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const unique = mergeHistory([], rows);
        const back = readHistorySheet(asGrid(historySheet(unique)));
        expect(back?.findings).toEqual([]);
        // -0 written to a cell reads back as 0 in Excel: compare as numbers
        expect(back?.rows.map((r) => ({ ...r, ytd: r.ytd === 0 ? 0 : r.ytd }))).toEqual(unique.map((r) => ({ ...r, ytd: r.ytd === 0 ? 0 : r.ytd })));
      }),
      { numRuns: 200 },
    );
  });
});

describe('readHistorySheet', () => {
  const HEADER = ['统计期', '开发区代码', '指标代码', '1-本月累计', '上年同期累计', '年度目标', '预警级别'];

  test('a sheet without the history header is not a history (null)', () => {
    expect(readHistorySheet(grid('x', [['指标名称', '1-本月累计']]))).toBeNull();
  });

  test('a period Excel turned into a date, and codes Excel turned into numbers, are read back', () => {
    const r = readHistorySheet(grid('历史数据', [HEADER, [{ v: { date: '2026-09-01' } }, 'G212001', 1, 100, 90, null, 'red']]));
    expect(r?.rows).toEqual([row('2026-09', 'G212001', '01', 100, { base: 90, level: 'red' })]);
  });

  test('an unreadable period is an error and the row is not used', () => {
    const r = readHistorySheet(grid('历史数据', [HEADER, ['九月', 'G212001', '01', 100]]));
    expect(r?.rows).toEqual([]);
    expect(r?.findings[0]).toMatchObject({ level: 'error', rule: 'V-INPUT', cell: 'A2' });
  });

  test('a value that is not a number is an error; the rest of the row is kept', () => {
    const r = readHistorySheet(grid('历史数据', [HEADER, ['2026-09', 'G212001', '01', 'abc', 90]]));
    expect(r?.rows).toEqual([row('2026-09', 'G212001', '01', null, { base: 90 })]);
    expect(r?.findings[0]).toMatchObject({ level: 'error', cell: 'D2' });
  });

  test('an unknown warning level is an error', () => {
    const r = readHistorySheet(grid('历史数据', [HEADER, ['2026-09', 'G212001', '01', 1, 1, null, '紫色']]));
    expect(r?.rows[0].level).toBeNull();
    expect(r?.findings[0].cell).toBe('G2');
  });

  test('a level naming a member of Object.prototype ("constructor", "toString") is unknown too', () => {
    for (const text of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = readHistorySheet(grid('历史数据', [HEADER, ['2026-09', 'G212001', '01', 1, 1, null, text]]));
      expect(r?.rows[0].level).toBeNull();
      expect(r?.findings[0].cell).toBe('G2');
    }
  });

  test('the same period, zone and indicator twice: the later row is used, and said', () => {
    const r = readHistorySheet(grid('历史数据', [HEADER, ['2026-09', 'A', '01', 1], ['2026-09', 'A', '01', 2]]));
    expect(r?.rows).toEqual([row('2026-09', 'A', '01', 2)]);
    expect(r?.findings).toHaveLength(1);
  });
});

describe('mergeHistory', () => {
  test('archiving the same month twice replaces all rows of that period and zone', () => {
    const existing = [row('2026-08', 'A', '01', 80), row('2026-09', 'A', '01', 90), row('2026-09', 'A', '08', 50), row('2026-09', 'B', '01', 7)];
    const added = [row('2026-09', 'A', '01', 95)];
    // 08 of A in 2026-09 goes too: the re-archived month no longer reports it
    expect(mergeHistory(existing, added)).toEqual([row('2026-08', 'A', '01', 80), row('2026-09', 'B', '01', 7), row('2026-09', 'A', '01', 95)]);
  });

  const arbRows = fc.array(
    fc.record({
      period: fc.constantFrom('2026-07', '2026-08', '2026-09'),
      zone: fc.constantFrom('A', 'B'),
      indicator: fc.constantFrom('01', '08', '12'),
      ytd: fc.option(fc.integer(), { nil: null }),
      base: fc.constant(null),
      target: fc.constant(null),
      level: fc.constant(null),
    }),
    { maxLength: 12 },
  );

  test('never duplicates a period × zone × indicator, and merging twice is merging once', () => {
    fc.assert(
      fc.property(arbRows, arbRows, (existing0, added) => {
        const existing = mergeHistory([], existing0);
        const once = mergeHistory(existing, added);
        const keys = once.map((r) => `${r.period}|${r.zone}|${r.indicator}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(mergeHistory(once, added)).toEqual(once);
      }),
    );
  });

  test('every added row is in the result (the last of equal keys); untouched months are kept as they were', () => {
    fc.assert(
      fc.property(arbRows, arbRows, (existing0, added) => {
        const existing = mergeHistory([], existing0);
        const out = mergeHistory(existing, added);
        const touched = new Set(added.map((r) => `${r.period}|${r.zone}`));
        const lastAdded = new Map(added.map((r) => [`${r.period}|${r.zone}|${r.indicator}`, r]));
        for (const r of lastAdded.values()) expect(out).toContainEqual(r);
        expect(out.filter((r) => !touched.has(`${r.period}|${r.zone}`))).toEqual(existing.filter((r) => !touched.has(`${r.period}|${r.zone}`)));
        expect(out).toHaveLength(existing.filter((r) => !touched.has(`${r.period}|${r.zone}`)).length + lastAdded.size);
      }),
    );
  });
});
