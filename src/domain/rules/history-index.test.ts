/**
 * The history index (rules/context.ts indexHistory), nested by zone and period, against the former
 * index with one composite key per row (kept below as it was): the same row for every look-up and
 * the same answer to `has`, whatever the archived rows and this check's reports, duplicates included.
 */
import fc from 'fast-check';
import type { HistoryRow } from '../types';
import { indexHistory, type MonthRecords } from './context';

/** The former index: archived rows and this check's rows as HistoryRows, keyed zone\0period\0indicator. */
function formerIndex(archived: readonly HistoryRow[], fromThisCheck: readonly HistoryRow[]) {
  const byKey = new Map<string, HistoryRow>();
  const zonePeriods = new Set<string>();
  const archivedMonths = new Set(archived.map((r) => `${r.zone}\u0000${r.period}`));
  const rows = [...fromThisCheck.filter((r) => !archivedMonths.has(`${r.zone}\u0000${r.period}`)), ...archived];
  for (const r of rows) {
    byKey.set(`${r.zone}\u0000${r.period}\u0000${r.indicator}`, r);
    zonePeriods.add(`${r.zone}\u0000${r.period}`);
  }
  return {
    size: archived.length,
    get: (zone: string, period: string, indicator: string) => byKey.get(`${zone}\u0000${period}\u0000${indicator}`),
    has: (zone: string, period: string) => zonePeriods.has(`${zone}\u0000${period}`),
  };
}

const zone = fc.constantFrom('Z1', 'Z2', 'Z3');
const period = fc.constantFrom('2025-09', '2026-08', '2026-09');
const indicator = fc.constantFrom('01', '02', '05', '17');
const figure = fc.option(fc.integer({ min: -50, max: 5000 }), { nil: null });
const row = fc.record({ period, zone, indicator, ytd: figure, base: figure, target: figure, level: fc.constant(null) });
const month = fc.record({
  zone,
  period,
  records: fc.array(fc.record({ indicator, ytd: figure, base: figure, target: figure }), { maxLength: 5 }),
});

describe('indexHistory', () => {
  test('answers as the former composite-key index did', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(month, { maxLength: 5 }), (archived: HistoryRow[], months: MonthRecords[]) => {
        const flat: HistoryRow[] = months.flatMap((m) =>
          m.records.map((r) => ({ period: m.period, zone: m.zone, indicator: r.indicator, ytd: r.ytd, base: r.base, target: r.target, level: null })),
        );
        const now = indexHistory(archived, months);
        const before = formerIndex(archived, flat);
        expect(now.size).toBe(before.size);
        for (const z of ['Z1', 'Z2', 'Z3', 'Z4'])
          for (const p of ['2025-09', '2026-08', '2026-09', '2026-07']) {
            expect(now.has(z, p)).toBe(before.has(z, p));
            for (const i of ['01', '02', '05', '17', '99']) expect(now.get(z, p, i)).toEqual(before.get(z, p, i));
          }
      }),
      { numRuns: 300 },
    );
  });

  test('an archived row is handed back itself, not a copy', () => {
    const r: HistoryRow = { period: '2026-08', zone: 'Z1', indicator: '01', ytd: 1, base: 2, target: null, level: null };
    expect(indexHistory([r]).get('Z1', '2026-08', '01')).toBe(r);
  });
});
