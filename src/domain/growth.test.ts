import fc from 'fast-check';
import { computeGrowth, growthText } from './growth';
import type { Growth } from './types';

describe('computeGrowth: every row of rules.md §2', () => {
  test('base > 0, current ≥ 0: (cur − base) / base × 100', () => {
    // 398765.4 vs 352011: 46754.4 / 352011 = 0.1328 + 7.3392/352011 (= 0.0000208) → 13.2821 → 13.3
    const g = computeGrowth('flow', 398765.4, 352011);
    expect(g.label).toBeNull();
    expect(g.unit).toBe('pct');
    expect(g.value).toBeCloseTo(13.28208, 4);
    expect(g.shown).toBe(13.3);
    // 95 vs 100: -5 → -5.0
    expect(computeGrowth('flow', 95, 100)).toEqual({ value: -5, shown: -5, label: null, unit: 'pct' });
    // current 0 against a positive base: -100%
    expect(computeGrowth('flow', 0, 80)).toEqual({ value: -100, shown: -100, label: null, unit: 'pct' });
  });

  test('exact halves round away from zero, without binary noise', () => {
    // (100.05 − 100) / 100 × 100 = 0.05 exactly → 0.1 (the double subtraction gives 0.0499999...)
    expect(computeGrowth('flow', 100.05, 100).shown).toBe(0.1);
    // (99.95 − 100) / 100 × 100 = −0.05 → −0.1
    expect(computeGrowth('flow', 99.95, 100).shown).toBe(-0.1);
    // 112.25 / 100 → 12.25 → 12.3
    expect(computeGrowth('flow', 112.25, 100).shown).toBe(12.3);
  });

  test('base 0 or no data, current > 0: 新增', () => {
    const want: Growth = { value: null, shown: null, label: '新增', unit: 'pct' };
    expect(computeGrowth('flow', 120, 0)).toEqual(want);
    expect(computeGrowth('flow', 120, null)).toEqual(want);
  });

  test('base 0 or no data, current 0 or no data: —', () => {
    const want: Growth = { value: null, shown: null, label: '—', unit: 'pct' };
    expect(computeGrowth('flow', 0, 0)).toEqual(want);
    expect(computeGrowth('flow', 0, null)).toEqual(want);
    expect(computeGrowth('flow', null, 0)).toEqual(want);
    expect(computeGrowth('flow', null, null)).toEqual(want);
  });

  test('any base, current no data: —', () => {
    expect(computeGrowth('flow', null, 500).label).toBe('—');
    expect(computeGrowth('flow', null, -500).label).toBe('—');
    expect(computeGrowth('stock', null, 5).value).toBeNull();
  });

  test('base < 0, current ≥ 0: 扭亏为盈', () => {
    expect(computeGrowth('flow', 30, -20)).toEqual({ value: null, shown: null, label: '扭亏为盈', unit: 'pct' });
    expect(computeGrowth('flow', 0, -20).label).toBe('扭亏为盈');
  });

  test('base > 0, current < 0: 由盈转亏', () => {
    expect(computeGrowth('flow', -5, 40)).toEqual({ value: null, shown: null, label: '由盈转亏', unit: 'pct' });
  });

  test('both negative: growth of the loss amount, 减亏 or 增亏', () => {
    // loss 700 → 550: (550 − 700) / 700 × 100 = −21.428... → 减亏, 21.4
    const down = computeGrowth('flow', -550, -700);
    expect(down.label).toBe('减亏');
    expect(down.unit).toBe('loss');
    expect(down.value).toBeCloseTo(-21.4285714, 6);
    expect(down.shown).toBe(-21.4);
    // loss 200 → 250: +25% → 增亏
    expect(computeGrowth('flow', -250, -200)).toEqual({ value: 25, shown: 25, label: '增亏', unit: 'loss' });
  });

  test('equal losses: loss unchanged, no 减亏/增亏 label, value 0 on the loss amount', () => {
    expect(computeGrowth('flow', -300, -300)).toEqual({ value: 0, shown: 0, label: null, unit: 'loss' });
  });

  test('a loss where last year had none (0 or no data): 增亏 without a %', () => {
    expect(computeGrowth('flow', -10, 0)).toEqual({ value: null, shown: null, label: '增亏', unit: 'loss' });
    expect(computeGrowth('flow', -10, null)).toEqual({ value: null, shown: null, label: '增亏', unit: 'loss' });
  });

  test('stock indicators follow the same table', () => {
    // 52 firms vs 48: 4/48 = 8.333 → 8.3
    expect(computeGrowth('stock', 52, 48).shown).toBe(8.3);
  });

  test('ratio: change in 百分点, never a %', () => {
    // 96.3 − 91.25 = 5.05 → 5.1 (half away from zero, the double difference is 5.0499999...)
    const g = computeGrowth('ratio', 96.3, 91.25);
    expect(g.unit).toBe('pp');
    expect(g.label).toBeNull();
    expect(g.value).toBe(5.05);
    expect(g.shown).toBe(5.1);
    expect(computeGrowth('ratio', 70, 72.5)).toEqual({ value: -2.5, shown: -2.5, label: null, unit: 'pp' });
    expect(computeGrowth('ratio', null, 72.5)).toEqual({ value: null, shown: null, label: '—', unit: 'pp' });
  });

  test('rate: no growth of a growth', () => {
    expect(computeGrowth('rate', 8.2, 7.5)).toEqual({ value: null, shown: null, label: null, unit: 'pct' });
  });
});

describe('growthText', () => {
  test.each<[Growth, string, string]>([
    [{ value: 13.28, shown: 13.3, label: null, unit: 'pct' }, '13.3%', '13.3%'],
    [{ value: -5, shown: -5, label: null, unit: 'pct' }, '-5.0%', '-5.0%'],
    [{ value: -0.04, shown: 0, label: null, unit: 'pct' }, '0.0%', '0.0%'],
    [{ value: null, shown: null, label: '新增', unit: 'pct' }, '新增', 'new (none last year)'],
    [{ value: null, shown: null, label: '扭亏为盈', unit: 'pct' }, '扭亏为盈', 'back to profit'],
    [{ value: null, shown: null, label: '由盈转亏', unit: 'pct' }, '由盈转亏', 'turned to loss'],
    [{ value: null, shown: null, label: '—', unit: 'pct' }, '—', '—'],
    [{ value: -21.43, shown: -21.4, label: '减亏', unit: 'loss' }, '亏损额下降21.4%', 'loss down 21.4%'],
    [{ value: 25, shown: 25, label: '增亏', unit: 'loss' }, '亏损额增长25.0%', 'loss up 25.0%'],
    [{ value: 0, shown: 0, label: null, unit: 'loss' }, '亏损额持平', 'loss unchanged'],
    [{ value: null, shown: null, label: '增亏', unit: 'loss' }, '新增亏损', 'new loss'],
    [{ value: 1.2, shown: 1.2, label: null, unit: 'pp' }, '+1.2个百分点', '+1.2 pp'],
    [{ value: -0.8, shown: -0.8, label: null, unit: 'pp' }, '-0.8个百分点', '-0.8 pp'],
    [{ value: null, shown: null, label: '—', unit: 'pp' }, '—', '—'],
    [{ value: null, shown: null, label: null, unit: 'pct' }, '—', '—'],
  ])('%j → %s / %s', (g, zh, en) => {
    expect(growthText(g, 'zh')).toBe(zh);
    expect(growthText(g, 'en')).toBe(en);
  });
});

/**
 * Reference written differently: values are integers scaled by 10^k; every step is integer
 * arithmetic (remainders, no division of non-integers), following the table row by row.
 */
function reference(C: number | null, B: number | null): { shown: number | null; label: string | null; unit: string } {
  if (C === null) return { shown: null, label: '—', unit: 'pct' };
  if (B === null || B === 0) {
    if (C > 0) return { shown: null, label: '新增', unit: 'pct' };
    if (C === 0) return { shown: null, label: '—', unit: 'pct' };
    return { shown: null, label: '增亏', unit: 'loss' };
  }
  if (B > 0 && C < 0) return { shown: null, label: '由盈转亏', unit: 'pct' };
  if (B < 0 && C >= 0) return { shown: null, label: '扭亏为盈', unit: 'pct' };
  const loss = B < 0;
  const c = Math.abs(C);
  const b = Math.abs(B);
  // growth in tenths of a percent: (c − b) × 1000 / b, rounded half away from zero
  const num = (c - b) * 1000;
  const a = 2 * Math.abs(num) + b; // floor((2|num| + b) / 2b)
  const q = (a - (a % (2 * b))) / (2 * b);
  const tenths = num < 0 ? -q : q;
  const shown = tenths === 0 ? 0 : tenths / 10;
  const label = loss ? (num < 0 ? '减亏' : num > 0 ? '增亏' : null) : null;
  return { shown, label, unit: loss ? 'loss' : 'pct' };
}

test('property: computeGrowth agrees with an integer reference on every row of the table', () => {
  const scaled = fc.option(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), { nil: null });
  fc.assert(
    fc.property(scaled, scaled, fc.integer({ min: 0, max: 3 }), (C, B, k) => {
      const cur = C === null ? null : C / 10 ** k;
      const base = B === null ? null : B / 10 ** k;
      const g = computeGrowth('flow', cur, base);
      const want = reference(C, B);
      expect({ shown: g.shown, label: g.label, unit: g.unit }).toEqual(want);
      if (g.value !== null && base !== null && cur !== null) {
        // the unrounded value is the exact ratio to within floating precision
        const exact = ((Math.abs(C as number) - Math.abs(B as number)) / Math.abs(B as number)) * 100;
        expect(Math.abs(g.value - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
      }
    }),
    { numRuns: 2000 },
  );
});

test('property: ratio change in 百分点 equals the exact decimal difference, rounded half away', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (C, B) => {
      // ratios with 3 decimals: cur = C/1000, base = B/1000; change in tenths of a pp
      const g = computeGrowth('ratio', C / 1000, B / 1000);
      const d = C - B; // thousandths
      const a = 2 * Math.abs(d) + 100;
      const q = (a - (a % 200)) / 200;
      const tenths = d < 0 ? -q : q;
      expect(g.shown).toBe(tenths === 0 ? 0 : tenths / 10);
      expect(g.unit).toBe('pp');
    }),
  );
});
