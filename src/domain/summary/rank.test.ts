/** Competition ranking at shown precision: examples, and properties against a reference written differently. */
import fc from 'fast-check';
import { competitionRank } from './rank';
import { quartileInc, tukeyFence } from './quantile';
import { exactSum } from './sum';

/**
 * Reference: sort the shown figures (as strings via toFixed on a scaled integer), then walk the sorted
 * list assigning place = 1 + index of the first equal figure (Excel RANK.EQ).
 */
function referenceRank(values: number[], higher: boolean): { n: number; tied: boolean }[] {
  // shown to 0.1, half away from zero, via string arithmetic on the integer of tenths
  const tenths = values.map((v) => {
    const s = Math.abs(v) * 10;
    const r = Math.floor(s + 0.5 + 1e-9); // values generated below are multiples of 0.01: no binary trap at .5
    return v < 0 ? -r : r;
  });
  const order = tenths.map((t, i) => ({ t, i })).sort((a, b) => (higher ? b.t - a.t : a.t - b.t));
  const out: { n: number; tied: boolean }[] = new Array(values.length);
  order.forEach((o, k) => {
    const first = order.findIndex((p) => p.t === o.t);
    const count = order.filter((p) => p.t === o.t).length;
    out[o.i] = { n: first + 1, tied: count > 1 };
  });
  return out;
}

describe('competitionRank', () => {
  test('1, 2, 2, 4 as RANK.EQ', () => {
    const r = competitionRank([{ key: 'a', value: 9 }, { key: 'b', value: 7 }, { key: 'c', value: 7 }, { key: 'd', value: 3 }], 'higher', 1);
    expect([...r.values()]).toEqual([
      { n: 1, of: 4, tied: false }, { n: 2, of: 4, tied: true }, { n: 2, of: 4, tied: true }, { n: 4, of: 4, tied: false },
    ]);
  });

  test('ties judged at the shown precision: 4.95 and 5.04 are both 5.0; 4.94 is 4.9', () => {
    const r = competitionRank([{ key: 'a', value: 4.95 }, { key: 'b', value: 5.04 }, { key: 'c', value: 4.94 }], 'higher', 1);
    expect(r.get('a')).toEqual({ n: 1, of: 3, tied: true });
    expect(r.get('b')).toEqual({ n: 1, of: 3, tied: true });
    expect(r.get('c')).toEqual({ n: 3, of: 3, tied: false });
  });

  test('direction lower ranks the smallest first; negative halves round away from zero', () => {
    // −2.25 → −2.3, −2.34 → −2.3 (tied), −2.2 → −2.2
    const r = competitionRank([{ key: 'a', value: -2.25 }, { key: 'b', value: -2.34 }, { key: 'c', value: -2.2 }], 'lower', 1);
    expect(r.get('a')).toEqual({ n: 1, of: 3, tied: true });
    expect(r.get('c')).toEqual({ n: 3, of: 3, tied: false });
  });

  const values = fc.array(fc.integer({ min: -5000, max: 5000 }).map((i) => i / 100), { minLength: 1, maxLength: 25 });

  test('property: equals the reference ranking', () => {
    fc.assert(fc.property(values, fc.boolean(), (vs, higher) => {
      const r = competitionRank(vs.map((value, i) => ({ key: i, value })), higher ? 'higher' : 'lower', 1);
      const ref = referenceRank(vs, higher);
      vs.forEach((_, i) => {
        expect(r.get(i)).toEqual({ ...ref[i], of: vs.length });
      });
    }));
  });

  test('property: a zone keeps its place when the zones are listed in another order', () => {
    fc.assert(fc.property(values.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs.map((_, i) => i), { minLength: vs.length, maxLength: vs.length }))), ([vs, perm]) => {
      const a = competitionRank(vs.map((value, i) => ({ key: i, value })), 'higher', 1);
      const b = competitionRank(perm.map((i) => ({ key: i, value: vs[i] })), 'higher', 1);
      for (let i = 0; i < vs.length; i++) expect(b.get(i)).toEqual(a.get(i));
    }));
  });

  test('property: places run from 1, the best is 1, and n + (tied count − 1) ≤ of', () => {
    fc.assert(fc.property(values, (vs) => {
      const r = [...competitionRank(vs.map((value, i) => ({ key: i, value })), 'higher', 1).values()];
      expect(Math.min(...r.map((p) => p.n))).toBe(1);
      for (const p of r) {
        const same = r.filter((q) => q.n === p.n).length;
        expect(p.n + same - 1).toBeLessThanOrEqual(p.of);
        expect(p.tied).toBe(same > 1);
      }
    }));
  });
});

describe('quartiles as Excel QUARTILE.INC', () => {
  test('hand-computed: {1, 2, 4, 7, 11}', () => {
    // Q1 at (5 − 1)·0.25 = 1 → 2; Q3 at 3 → 7; median at 2 → 4
    expect(quartileInc([11, 1, 7, 2, 4], 0.25)).toBe(2);
    expect(quartileInc([11, 1, 7, 2, 4], 0.75)).toBe(7);
    expect(quartileInc([11, 1, 7, 2, 4], 0.5)).toBe(4);
  });
  test('interpolated: {1, 2, 3, 4, 5, 6}', () => {
    // Q1 at 5·0.25 = 1.25 → 2 + 0.25·1 = 2.25; Q3 at 3.75 → 4.75 (Excel gives the same)
    expect(quartileInc([1, 2, 3, 4, 5, 6], 0.25)).toBeCloseTo(2.25, 12);
    expect(quartileInc([1, 2, 3, 4, 5, 6], 0.75)).toBeCloseTo(4.75, 12);
    // fences with k = 1.5: IQR 2.5, 2.25 − 3.75 = −1.5, 4.75 + 3.75 = 8.5
    const f = tukeyFence([1, 2, 3, 4, 5, 6], 1.5);
    expect(f.lo).toBeCloseTo(-1.5, 12);
    expect(f.hi).toBeCloseTo(8.5, 12);
  });
});

describe('exactSum', () => {
  test('decimal sums without binary noise', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([398765.4, 0.05, -0.45])).toBe(398765);
    expect(exactSum([])).toBe(0);
  });
});
