/**
 * Rankings of the summary (rules.md §3): per key indicator, by 同比 (flows, stocks) or by level
 * (ratios, rates), and by cumulative value, in the 全市 and 全省 groups, plus the composite score's
 * rank. Zones without a figure are left out (null) with the reason, and `of` counts ranked zones.
 */
import type { Indicator } from '../../../../src/domain/config/schema';
import type { Bilingual, Zone } from '../../../../src/domain/types';
import type { ZoneData } from './consolidate';
import { plainPct, type Figure } from './figures';
import { competitionRank } from './rank';
import type { RankGroups, RankPlace } from './types';

export interface Rankable {
  zone: Zone;
  value: number | null;
}

/**
 * Places in the city and province groups. A zone with no city (or province) is ranked in no such
 * group; a zone ranked in neither gets null.
 */
export function rankGroups(
  items: Rankable[],
  direction: 'higher' | 'lower',
  decimals: number,
): Map<string, RankGroups | null> {
  const out = new Map<string, RankGroups | null>();
  const ranked = items.filter((i) => i.value !== null);
  const place = (key: 'city' | 'province') => {
    const groups = new Map<string, Rankable[]>();
    for (const it of ranked) {
      const g = it.zone[key];
      if (g === null) continue;
      const list = groups.get(g) ?? [];
      list.push(it);
      groups.set(g, list);
    }
    const all = new Map<string, RankPlace>();
    for (const list of groups.values()) {
      const r = competitionRank(list.map((i) => ({ key: i.zone.code, value: i.value as number })), direction, decimals);
      for (const [k, v] of r) all.set(k, v);
    }
    return all;
  };
  const city = place('city');
  const province = place('province');
  for (const it of items) {
    const c = city.get(it.zone.code) ?? null;
    const p = province.get(it.zone.code) ?? null;
    out.set(it.zone.code, c === null && p === null ? null : { city: c, province: p });
  }
  return out;
}

/** Decimals a value is shown and compared at: counts (个) whole, everything else 0.1. */
export function shownDecimals(ind: Indicator): number {
  return ind.unit === '个' ? 0 : 1;
}

/** Whether an indicator is ranked by growth (flows, stocks) rather than by its level. */
export function ranksByGrowth(ind: Indicator): boolean {
  return ind.kind === 'flow' || ind.kind === 'stock';
}

/** The figure a zone is ranked by on `ind` (`by` growth or value), or why it is not ranked. */
export function rankFigure(
  z: ZoneData,
  ind: Indicator,
  by: 'growth' | 'value',
): { value: number | null; reason: Bilingual | null } {
  if (!z.consolidated) return { value: null, reason: z.grayReason ?? { zh: '未评价', en: 'not rated' } };
  if (z.flagged.has(ind.code)) {
    return { value: null, reason: { zh: '该指标有未修正的问题', en: 'unresolved finding on this indicator' } };
  }
  const f: Figure | undefined = z.counted.get(ind.code);
  if (!f || f.ytd === null) return { value: null, reason: { zh: '无数据', en: 'no data' } };
  if (by === 'value') return { value: f.ytd, reason: null };
  const g = plainPct(f.growth);
  if (g !== null) return { value: g, reason: null };
  const label = f.growth.label ?? (f.growth.unit === 'loss' ? '亏损额变化' : '—');
  return {
    value: null,
    reason: label === '—' ? { zh: '无上年同期数', en: 'no base' } : { zh: `同比为“${label}”`, en: `growth is "${label}"` },
  };
}
