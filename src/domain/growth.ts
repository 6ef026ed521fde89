/**
 * Year-on-year growth (同比) exactly as rules.md §2 writes it: a % only when the base is positive
 * and the current figure is not negative; otherwise a label (新增, 扭亏为盈, 由盈转亏, —), or for two
 * losses the growth of the loss amount (减亏 / 增亏). Ratios change in 百分点; rates have no growth.
 *
 * Figures are computed from the decimals as typed (100.05 is 10005/100, not its binary neighbour),
 * so the shown figure is what a statistician gets by hand: rounded half away from zero to 0.1.
 */
import type { Indicator } from './config/schema';
import type { Growth, Lang } from './types';
import { POW10, scaledNumber } from './decimal-form';
import { roundRationalHalfAway, toScaled } from './rounding';

export type IndicatorKind = Indicator['kind'];

const NONE: Growth = { value: null, shown: null, label: null, unit: 'pct' };

/** Two decimals brought to one scale: a = A / 10^s, b = B / 10^s exactly. */
function common(a: number, b: number): { A: bigint; B: bigint; scale: number } {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return {
    A: x.int * 10n ** BigInt(scale - x.scale),
    B: y.int * 10n ** BigInt(scale - y.scale),
    scale,
  };
}

/** num / den as the nearest double (den ≠ 0); exact inputs keep the error to one rounding. */
function ratioValue(num: bigint, den: bigint): number {
  const v = Number(num) / Number(den);
  return v === 0 ? 0 : v;
}

/**
 * Two decimals brought to one scale as safe integers (a = A / 10^s, b = B / 10^s exactly, |A − B|
 * × 100 still safe), or null. Why: the BigInt reading allocates on every figure and is most of the
 * cost of a month's growth; with safe integers the doubles do the same exact work.
 */
function commonSafe(a: number, b: number): { A: number; B: number; scale: number } | null {
  const x = scaledNumber(a);
  if (x === null) return null;
  const y = scaledNumber(b);
  if (y === null) return null;
  const scale = x.scale > y.scale ? x.scale : y.scale;
  const A = x.int * POW10[scale - x.scale];
  const B = y.int * POW10[scale - y.scale];
  // below 2^53 / 2000: the products and sums below (×100, ×10, ×2) stay exact
  if (!(Math.abs(A) < SAFE_OPERAND && Math.abs(B) < SAFE_OPERAND)) return null;
  return { A, B, scale };
}

const SAFE_OPERAND = Number.MAX_SAFE_INTEGER / 4096;

/**
 * roundRationalHalfAway(num, den, 1) for safe integers num and den > 0 (|num| × 20 + den safe):
 * floor((20·|num| + den) / 2den), the quotient corrected to the exact integer one.
 */
function roundTenthSafe(num: number, den: number): number {
  const n = num < 0 ? -num : num;
  const x = 20 * n + den;
  const y = 2 * den;
  let q = Math.floor(x / y);
  const r = x - q * y;
  if (r < 0) q--;
  else if (r >= y) q++;
  if (q === 0) return 0;
  const v = q / 10;
  return num < 0 ? -v : v;
}

/** (cur − base) / base × 100 for a positive base, exactly; also used on loss amounts. */
function pctGrowth(cur: number, base: number, unit: 'pct' | 'loss'): Growth {
  const safe = commonSafe(cur, base);
  if (safe !== null) {
    const num = (safe.A - safe.B) * 100;
    const v = num / safe.B;
    return { value: v === 0 ? 0 : v, shown: roundTenthSafe(num, safe.B), label: null, unit };
  }
  const { A, B } = common(cur, base);
  const num = (A - B) * 100n;
  const value = ratioValue(num, B);
  const shown = roundRationalHalfAway(num, B, 1);
  return { value, shown, label: null, unit };
}

/**
 * Growth of one figure against its base. `cur`/`base` are null when there is no data.
 * - flow/stock: the table of rules.md §2;
 * - ratio: cur − base in 百分点 (unit 'pp'); '—' when either is missing;
 * - rate: no growth of a growth (value, shown and label null).
 */
export function computeGrowth(kind: IndicatorKind, cur: number | null, base: number | null): Growth {
  if (kind === 'rate') return { ...NONE };
  if (kind === 'ratio') {
    if (cur === null || base === null) return { value: null, shown: null, label: '—', unit: 'pp' };
    const safe = commonSafe(cur, base);
    if (safe !== null && safe.scale <= 12) {
      // 10^scale is the divisor: at most 10^12 keeps 20·|diff| + 10^scale exact
      const diff = safe.A - safe.B;
      const den = POW10[safe.scale];
      const v = diff / den;
      return { value: v === 0 ? 0 : v, shown: roundTenthSafe(diff, den), label: null, unit: 'pp' };
    }
    const { A, B, scale } = common(cur, base);
    const diff = A - B;
    const den = 10n ** BigInt(scale);
    return { value: ratioValue(diff, den), shown: roundRationalHalfAway(diff, den, 1), label: null, unit: 'pp' };
  }
  if (cur === null) return { value: null, shown: null, label: '—', unit: 'pct' };
  if (base === null || base === 0) {
    if (cur > 0) return { value: null, shown: null, label: '新增', unit: 'pct' };
    if (cur === 0) return { value: null, shown: null, label: '—', unit: 'pct' };
    // Not in the table: a loss where last year had none (0 or no data). The loss amount rose from
    // nothing, so it is 增亏 without a % (a growth from 0 has none), never a plain signed figure.
    return { value: null, shown: null, label: '增亏', unit: 'loss' };
  }
  if (base > 0) {
    if (cur >= 0) return pctGrowth(cur, base, 'pct');
    return { value: null, shown: null, label: '由盈转亏', unit: 'pct' };
  }
  // base < 0
  if (cur >= 0) return { value: null, shown: null, label: '扭亏为盈', unit: 'pct' };
  const g = pctGrowth(-cur, -base, 'loss');
  // Equal losses (g = 0): neither 减亏 nor 增亏 is true, so no label; unit 'loss' with value 0 says
  // "亏损额持平" (loss unchanged). Consumers must not treat unit 'loss' as a plain % for ranking.
  const label = g.value === null || g.value === 0 ? null : g.value < 0 ? '减亏' : '增亏';
  return { ...g, label };
}

/** A figure with exactly one decimal, no -0. */
function one(x: number): string {
  const s = (x === 0 ? 0 : x).toFixed(1);
  return s === '-0.0' ? '0.0' : s;
}

const LABEL_EN: Record<string, string> = {
  新增: 'new (none last year)',
  '—': '—',
  扭亏为盈: 'back to profit',
  由盈转亏: 'turned to loss',
  减亏: 'loss reduced',
  增亏: 'loss increased',
};

/** What a bulletin writes for a growth: "13.3%", "新增", "亏损额下降21.4%", "+1.2个百分点". */
export function growthText(g: Growth, lang: Lang): string {
  if (g.unit === 'pp') {
    if (g.shown === null) return '—';
    const s = (g.shown > 0 ? '+' : '') + one(g.shown);
    return lang === 'zh' ? `${s}个百分点` : `${s} pp`;
  }
  if (g.unit === 'loss') {
    if (g.label === null) return lang === 'zh' ? '亏损额持平' : 'loss unchanged';
    if (g.shown === null) return lang === 'zh' ? '新增亏损' : 'new loss';
    const abs = one(Math.abs(g.shown));
    if (g.label === '减亏') return lang === 'zh' ? `亏损额下降${abs}%` : `loss down ${abs}%`;
    return lang === 'zh' ? `亏损额增长${abs}%` : `loss up ${abs}%`;
  }
  if (g.label !== null) return lang === 'zh' ? g.label : LABEL_EN[g.label];
  if (g.shown === null) return '—';
  return `${one(g.shown)}%`;
}
