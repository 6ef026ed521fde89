/**
 * Property: the faster consolidation gives the same bytes as the former code. The summary engine
 * and its decimal helpers as they were before issue 15's speed work are frozen in ./former/; here
 * the current modules are compared with them, function by function on arbitrary figures (the short
 * decimal reading, rounding half away, growth, exact sums) and as a whole: `summarise()` on
 * generated months whose figures, 历史数据 rows, register and include option are varied, compared as
 * the JSON document `zone-report summary --json` writes.
 */
import fc from 'fast-check';
import { checkWorkbooks, type CheckResult } from '../../src/domain/check';
import { defaultConfig } from '../../src/domain/config/validate';
import type { Config } from '../../src/domain/config/schema';
import { scaledNumber } from '../../src/domain/decimal-form';
import { computeGrowth } from '../../src/domain/growth';
import { decimalSum, roundHalfAway, toScaled } from '../../src/domain/rounding';
import { outSheetToGrid, reportSheet, sampleHistory, sampleMonth, sampleRegister } from '../../src/domain/sample';
import { summarise, type SummaryInput } from '../../src/domain/summary';
import { competitionRank } from '../../src/domain/summary/rank';
import { exactSum } from '../../src/domain/summary/sum';
import type { HistoryRow, Period } from '../../src/domain/types';
import { scaledNumber as formerScaled } from './former/decimal-form';
import { computeGrowth as formerGrowth } from './former/growth';
import { decimalSum as formerDecimalSum, roundHalfAway as formerRound, toScaled as formerToScaled } from './former/rounding';
import { summarise as formerSummarise } from './former/summary';
import { competitionRank as formerRank } from './former/summary/rank';
import { exactSum as formerExactSum } from './former/summary/sum';
import { propertyParams, propertyTimeout } from './runs';

/** A decimal as typed: an integer of up to 15 digits over a power of ten, either sign. */
const typed = fc
  .tuple(fc.integer({ min: 0, max: 22 }), fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -1e16, max: 1e16, noNaN: true }).map(Math.trunc)))
  .map(([s, n]) => Number(`${n}e-${s}`));
/** Half-way figures and their binary neighbours: where a rounding can go wrong. */
const halfway = fc
  .tuple(fc.integer({ min: -100_000_000, max: 100_000_000 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: -2, max: 2 }))
  .map(([k, d, ulps]) => {
    let x = (k + 0.5) / 10 ** d;
    for (let i = 0; i < Math.abs(ulps); i++) x = ulps > 0 ? nextUp(x) : nextDown(x);
    return x;
  });
/** A growth as the engine computes it: (a − b) / b × 100 on typed figures. */
const quotient = fc.tuple(typed, typed).filter(([, b]) => b !== 0).map(([a, b]) => ((a - b) / b) * 100);
const anyNumber = fc.oneof(typed, halfway, quotient, fc.double(), fc.double({ min: 1e-8, max: 1e-5 }), fc.double({ min: 1e14, max: 1e16 }));

function nextUp(x: number): number {
  const b = new Float64Array([x]);
  const i = new BigInt64Array(b.buffer);
  if (x === 0) return Number.MIN_VALUE;
  i[0] += x > 0 ? 1n : -1n;
  return b[0];
}
const nextDown = (x: number): number => -nextUp(-x);

/** Same result, or the same exception. */
function same<T>(f: () => T, g: () => T): void {
  let a: { v?: T; e?: string }, b: { v?: T; e?: string };
  try { a = { v: f() }; } catch (e) { a = { e: String(e) }; }
  try { b = { v: g() }; } catch (e) { b = { e: String(e) }; }
  // written out with BigInts and −0 told apart (toEqual alone takes −0 for 0 inside objects)
  const text = (r: { v?: T; e?: string }) =>
    JSON.stringify(r, (_, x: unknown) => (typeof x === 'bigint' ? `${x}n` : Object.is(x, -0) ? '-0' : x));
  expect(text(a)).toBe(text(b));
}

describe('decimal helpers against the former code', () => {
  it('scaledNumber and toScaled read every number as before', () => {
    fc.assert(fc.property(anyNumber, (x) => {
      expect(scaledNumber(x)).toEqual(formerScaled(x));
      same(() => toScaled(x), () => formerToScaled(x));
    }), propertyParams());
  });

  it('roundHalfAway rounds every number as before', () => {
    fc.assert(fc.property(anyNumber, fc.integer({ min: -4, max: 14 }), (x, d) => {
      expect(Object.is(roundHalfAway(x, d), formerRound(x, d))).toBe(true);
    }), propertyParams());
  });

  it('computeGrowth gives the same growth', () => {
    const fig = fc.oneof(typed, fc.constant(null), fc.constant(0), quotient, fc.double({ noNaN: true }));
    fc.assert(fc.property(fc.constantFrom('flow', 'stock', 'ratio', 'rate') as fc.Arbitrary<'flow' | 'stock' | 'ratio' | 'rate'>, fig, fig, (kind, cur, base) => {
      same(() => computeGrowth(kind, cur, base), () => formerGrowth(kind, cur, base));
    }), propertyParams());
  });

  it('exact sums are the same', () => {
    fc.assert(fc.property(fc.array(fc.oneof(typed, typed, quotient, fc.double()), { maxLength: 30 }), (xs) => {
      same(() => exactSum(xs), () => formerExactSum(xs));
      same(() => decimalSum(xs), () => formerDecimalSum(xs));
    }), propertyParams());
  });

  it('competitionRank places every item as before', () => {
    const value = fc.oneof(typed, halfway, quotient, fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 0.05, -0.05, 0.04));
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), value), { maxLength: 60 }), fc.boolean(), fc.constantFrom(0, 1),
      (items, higher, d) => {
        const list = items.map(([k, v]) => ({ key: `z${k}`, value: v }));
        const a = competitionRank(list, higher ? 'higher' : 'lower', d);
        const b = formerRank(list, higher ? 'higher' : 'lower', d);
        expect([...a]).toEqual([...b]);
      }), propertyParams());
  });
});

// ---------------------------------------------------------------------------------------------
// summarise() as a whole

const PERIOD: Period = { year: 2026, month: 9 };
const HISTORY: Period[] = [{ year: 2025, month: 9 }, { year: 2026, month: 6 }, { year: 2026, month: 8 }, { year: 2026, month: 3 }];

interface Month { check: CheckResult; history: HistoryRow[]; config: Config }
const months = new Map<number, Month>();

/** A checked month of n sample zones (cached: the check is the slow part and is not under test). */
function month(n: number): Month {
  let m = months.get(n);
  if (!m) {
    const config = defaultConfig();
    const zones = sampleRegister(n);
    const zm = sampleMonth(zones, PERIOD);
    const history = sampleHistory(zones, HISTORY);
    const inputs = zm.map((z, i) => ({
      file: `${z.zone.code}.xlsx`,
      sha256: String(i),
      grid: { name: `${z.zone.code}.xlsx`, sheets: [outSheetToGrid(reportSheet(z.zone, PERIOD, z.values))] },
      inputError: null,
    }));
    m = { check: checkWorkbooks(inputs, { config, registerZones: zones, history }), history, config };
    months.set(n, m);
  }
  return m;
}

/** A change to one figure: a typed decimal, a loss, nothing, zero, or a figure no statistician types. */
const figure = fc.oneof(
  { weight: 4, arbitrary: typed.map((x) => Math.abs(x) > 1e9 ? x / 1e6 : x) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(0.1 + 0.2, 1 / 3, 100.05, 2.675, 1e-7, 41.3, 40) },
);
const edit = fc.record({ at: fc.nat(), field: fc.constantFrom('ytd', 'base', 'target') as fc.Arbitrary<'ytd' | 'base' | 'target'>, value: figure });
const variant = fc.record({
  n: fc.constantFrom(3, 12, 40),
  edits: fc.array(edit, { maxLength: 25 }),
  historyEdits: fc.array(edit, { maxLength: 25 }),
  dropHistory: fc.subarray(['2026-06', '2026-08', '2026-03']),
  register: fc.boolean(),
  include: fc.constantFrom('none', 'all') as fc.Arbitrary<'none' | 'all'>,
  levels: fc.array(fc.record({ at: fc.nat(), level: fc.constantFrom('red', 'orange', 'yellow', 'gray', 'green', null) as fc.Arbitrary<HistoryRow['level']> }), { maxLength: 10 }),
});

describe('summarise() against the former code', () => {
  it('writes the same summary --json document', () => {
    fc.assert(fc.property(variant, (v) => {
      const m = month(v.n);
      const report = structuredClone(m.check.report);
      const records = report.files.flatMap((f) => f.sheets.flatMap((s) => s.records));
      for (const e of v.edits) records[e.at % records.length][e.field] = e.value;
      const history = structuredClone(m.history).filter((r) => !v.dropHistory.includes(r.period));
      for (const e of v.historyEdits) if (history.length) history[e.at % history.length][e.field] = e.value;
      for (const l of v.levels) if (history.length) history[l.at % history.length].level = l.level;
      const input: SummaryInput = { report, register: v.register ? m.check.register : null, history, config: m.config, include: v.include };
      const now = JSON.stringify(summarise(input));
      const before = JSON.stringify(formerSummarise({ ...input, report: structuredClone(input.report), history: structuredClone(input.history) }));
      expect(now).toBe(before);
    }), { ...propertyParams(), numRuns: Math.max(20, Math.round(propertyParams().numRuns / 5)) });
  }, propertyTimeout(400));

  it('writes the same document on a month with every loss case', () => {
    // the benchmark's month: 扭亏为盈, 减亏, 增亏 and 由盈转亏 in 利润总额 of every 40th zone
    const m = month(120);
    const report = structuredClone(m.check.report);
    let i = 0;
    for (const f of report.files) for (const s of f.sheets) for (const r of s.records) {
      if (r.indicator !== '05' || r.ytd === null || r.base === null) continue;
      const k = i++ % 4;
      [r.ytd, r.base] = k === 0 ? [r.ytd, -r.base] : k === 1 ? [-r.ytd, -r.base] : k === 2 ? [-r.ytd, r.base] : [r.ytd, r.base];
    }
    const input: SummaryInput = { report, register: m.check.register, history: m.history, config: m.config };
    expect(JSON.stringify(summarise(input))).toBe(JSON.stringify(formerSummarise({ ...input, report: structuredClone(input.report), history: structuredClone(input.history) })));
  });
});
