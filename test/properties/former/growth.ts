/**
 * Year-on-year growth (同比) exactly as rules.md §2 writes it: a % only when the base is positive
 * and the current figure is not negative; otherwise a label (新增, 扭亏为盈, 由盈转亏, —), or for two
 * losses the growth of the loss amount (减亏 / 增亏). Ratios change in 百分点; rates have no growth.
 *
 * Figures are computed from the decimals as typed (100.05 is 10005/100, not its binary neighbour),
 * so the shown figure is what a statistician gets by hand: rounded half away from zero to 0.1.
 */
import type { Indicator } from '../../../src/domain/config/schema';
import type { Growth, Lang } from '../../../src/domain/types';
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

/** (cur − base) / base × 100 for a positive base, exactly; also used on loss amounts. */
function pctGrowth(cur: number, base: number, unit: 'pct' | 'loss'): Growth {
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
