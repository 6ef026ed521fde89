/**
 * City and province totals (合计, rules.md §2): Σ current / Σ base over the zones that have both,
 * never an average of zone rates; a ratio's total from the Σ of its parts (税收占比 = Σ 税收 /
 * Σ 一般公共预算收入). Each total says how many zones it covers. Only counted figures add up
 * (consolidate.ts): a gray zone's are not consolidated, and an included zone's figure that carries an
 * unresolved finding is missing.
 */
import type { Config, Indicator } from '../../../../src/domain/config/schema';
import { computeGrowth } from '../growth';
import type { ZoneData } from './consolidate';
import { ratioOf } from './figures';
import { exactSum } from './sum';
import type { TotalEntry } from './types';

export type TotalsByIndicator = Record<string, TotalEntry>;

export function groupTotals(config: Config, zones: ZoneData[]): TotalsByIndicator {
  const out: TotalsByIndicator = {};
  for (const ind of config.catalogue) {
    const t = indicatorTotal(ind, zones);
    if (t) out[ind.code] = t;
  }
  return out;
}

function indicatorTotal(ind: Indicator, zones: ZoneData[]): TotalEntry | null {
  if (ind.kind === 'rate') return null; // rates are never added up
  if (ind.kind === 'ratio') {
    if (!ind.ratio) return null;
    const { numerator, denominator } = ind.ratio;
    const nums: number[] = [], dens: number[] = [], numBase: number[] = [], denBase: number[] = [];
    for (const z of zones) {
      const n = z.counted.get(numerator), d = z.counted.get(denominator);
      if (n?.ytd == null || d?.ytd == null || n.base == null || d.base == null) continue;
      nums.push(n.ytd); dens.push(d.ytd); numBase.push(n.base); denBase.push(d.base);
    }
    if (nums.length === 0) return null;
    const cur = ratioOf(exactSum(nums), exactSum(dens));
    const base = ratioOf(exactSum(numBase), exactSum(denBase));
    const g = computeGrowth('ratio', cur, base);
    return { ytd: cur, base, yoy: g.shown, yoyLabel: g.label, zones: nums.length };
  }
  const cur: number[] = [], base: number[] = [];
  for (const z of zones) {
    const f = z.counted.get(ind.code);
    if (f?.ytd == null || f.base == null) continue;
    cur.push(f.ytd);
    base.push(f.base);
  }
  if (cur.length === 0) return null;
  const sc = exactSum(cur), sb = exactSum(base);
  const g = computeGrowth(ind.kind, sc, sb);
  return { ytd: sc, base: sb, yoy: g.unit === 'pct' && g.label === null ? g.shown : null, yoyLabel: g.label, zones: cur.length };
}

/** Totals of every city and province (consolidated zones; without a register one province '全部'). */
export function allTotals(
  config: Config,
  zones: ZoneData[],
  hasRegister: boolean,
): { city: Record<string, TotalsByIndicator>; province: Record<string, TotalsByIndicator> } {
  const counted = zones.filter((z) => z.consolidated);
  const by = (key: (z: ZoneData) => string | null) => {
    const groups = new Map<string, ZoneData[]>();
    for (const z of counted) {
      const k = key(z);
      if (k === null) continue;
      groups.set(k, [...(groups.get(k) ?? []), z]);
    }
    const out: Record<string, TotalsByIndicator> = {};
    for (const [k, list] of groups) out[k] = groupTotals(config, list);
    return out;
  };
  return {
    city: by((z) => z.zone.city),
    // Without a register no province is known: one total over every zone, keyed 全部 (all).
    province: by((z) => (hasRegister ? z.zone.province : ALL_ZONES)),
  };
}

export const ALL_ZONES = '全部';
