/**
 * The cheaper history reading against what it replaces: periodOfText against the free-text reader,
 * mergeHistory against its former implementation (kept here verbatim), readHistorySheet's rows with
 * the fields and field order they had.
 */
import fc from 'fast-check';
import type { HistoryRow } from '../types';
import { historySheet, mergeHistory, periodOfText, readHistorySheet } from './history-sheet';
import { periodKey, readPeriodText } from './period';

// ---------------------------------------------------------------- reference (before the fast paths)

function refPeriodOfText(text: string): string | null {
  const p = readPeriodText(text);
  return p.kind === 'period' && p.year !== null ? periodKey({ year: p.year, month: p.month }) : null;
}

const keyOf = (r: HistoryRow): string => `${r.period}\u0000${r.zone}\u0000${r.indicator}`;
const monthOf = (r: HistoryRow): string => `${r.period}\u0000${r.zone}`;

function refMergeHistory(existing: HistoryRow[], added: HistoryRow[]): HistoryRow[] {
  const replaced = new Set(added.map(monthOf));
  const kept = existing.filter((r) => !replaced.has(monthOf(r)));
  const byKey = new Map<string, HistoryRow>();
  for (const r of added) byKey.set(keyOf(r), r);
  const out: HistoryRow[] = [...kept];
  const placed = new Set<string>();
  for (const r of added) {
    const k = keyOf(r);
    if (placed.has(k)) continue;
    placed.add(k);
    out.push(byKey.get(k) as HistoryRow);
  }
  return out;
}

// ---------------------------------------------------------------- generators

const periodLike = fc
  .tuple(
    fc.integer({ min: 0, max: 99999 }),
    fc.integer({ min: 0, max: 999 }),
    fc.constantFrom('-', '－', '.', '/', '年', ' - ', '—', '~'),
    fc.constantFrom('', ' ', '月', '\u200B', '\n'),
    fc.constantFrom('', ' ', '\uFEFF', '盘锦'),
    fc.boolean(),
  )
  .map(([y, m, sep, tail, head, pad]) => `${head}${y}${sep}${pad ? String(m).padStart(2, '0') : String(m)}${tail}`);
const anyText = fc.oneof(
  periodLike,
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom('2', '0', '1', '9', '-', '年', '月', '１', '季', 'Q', ' ', '.', '二', '〇', '十') }),
);

const zero = fc.constantFrom('A', 'B', 'a\u0000b', 'a', '\u0000b', 'b\u0000', '');
const arbRows = fc.array(
  fc.record({
    period: fc.constantFrom('2026-07', '2026-08', '2026-09', '2026-09\u0000a', '2026-09\u0000'),
    zone: zero,
    indicator: fc.oneof(zero, fc.constantFrom('01', '08', '12')),
    ytd: fc.option(fc.integer(), { nil: null }),
    base: fc.constant(null),
    target: fc.constant(null),
    level: fc.constant(null),
  }),
  { maxLength: 16 },
);

describe('history reading fast paths', () => {
  test('periodOfText gives what the free-text reader gave', () => {
    fc.assert(fc.property(anyText, (t) => expect(periodOfText(t)).toBe(refPeriodOfText(t))), { numRuns: 20_000 });
    for (let y = 1800; y <= 2200; y++) {
      for (let m = 0; m <= 13; m++) {
        const t = `${y}-${String(m).padStart(2, '0')}`;
        expect(periodOfText(t)).toBe(refPeriodOfText(t));
      }
    }
  });

  test('mergeHistory gives the rows, the same objects in the same order, as before (keys with NUL too)', () => {
    fc.assert(
      fc.property(arbRows, arbRows, (existing, added) => {
        const got = mergeHistory(existing, added);
        const want = refMergeHistory(existing, added);
        expect(got.length).toBe(want.length);
        got.forEach((r, i) => expect(r).toBe(want[i]));
      }),
      { numRuns: 5000 },
    );
  });

  test('readHistorySheet rows keep their fields in their order', () => {
    const rows: HistoryRow[] = [
      { period: '2026-09', zone: 'G1', indicator: '01', ytd: 1.5, base: null, target: 7, level: 'red' },
      { period: '2026-08', zone: 'G1', indicator: '02', ytd: null, base: 2, target: null, level: null },
    ];
    const out = historySheet(rows);
    const grid = { name: out.name, merges: [], rows: out.rows.map((r) => r.map((c) => (c.v === null ? undefined : { v: c.v }))) };
    const read = readHistorySheet(grid);
    expect(read?.rows).toEqual(rows);
    for (const r of read?.rows ?? []) expect(Object.keys(r)).toEqual(['period', 'zone', 'indicator', 'ytd', 'base', 'target', 'level']);
  });
});
