/**
 * Composite score by the efficacy-coefficient method (功效系数法, rules.md §4).
 * Per item: d = 60 + (x − x_s) / (x_h − x_s) × 40, x_h / x_s the best / worst value in the peer group
 * (or the configured 满意值 / 不允许值); `direction: lower` swaps best and worst; x_h = x_s gives 100;
 * d is clamped to [0, 100] (or [0, cap]). Composite = Σ w·d / Σ w over the items that have a score,
 * so the weights are re-normalised, and the items without one are listed.
 * Computed from unrounded figures; the caller rounds what it shows.
 */
import type { Config, Indicator, ScoreItem } from '../config/schema';
import { indicatorByCode } from '../config/lookup';
import type { ZoneData } from './consolidate';
import { plainPct, type Figure } from './figures';

export interface ZoneScore {
  /** unrounded composite, null when no item has a score */
  composite: number | null;
  /** unrounded d of each item, by indicator code (the first item of an indicator) */
  items: Map<string, number>;
  /** items without a value: "indicator:measure" */
  missing: string[];
}

/** The measure of an item for one zone, or null (no data, a growth label, no target...). */
export function measureValue(item: ScoreItem, ind: Indicator | undefined, f: Figure | undefined): number | null {
  if (!ind || !f) return null;
  switch (item.measure) {
    case 'growth':
      return f.growth.unit === 'pp' ? f.growth.value : plainPct(f.growth);
    case 'level':
    case 'rate':
      return f.ytd;
    case 'completion':
      return f.ytd !== null && f.target !== null && f.target > 0 ? (f.ytd / f.target) * 100 : null;
  }
}

/** d of one value, given best x_h and worst x_s. */
export function efficacy(x: number, best: number, worst: number, cap: number | null): number {
  if (best === worst) return Math.min(100, cap ?? 100);
  const d = 60 + ((x - worst) / (best - worst)) * 40;
  return Math.max(0, Math.min(cap ?? 100, d));
}

/**
 * Scores of the zones given (consolidated zones: their counted figures set each item's best and
 * worst), each against its peer group (`peerOf`: the province, or one group of all zones without a
 * register). The caller shows the composite of rated zones only.
 */
export function scoreZones(config: Config, zones: ZoneData[], peerOf: (z: ZoneData) => string): Map<string, ZoneScore> {
  const cat = indicatorByCode(config);
  const items = config.score.dimensions.flatMap((dim) =>
    dim.items.map((item) => ({ item, weight: item.weight ?? dim.weight / dim.items.length })),
  );
  // measure of every zone and item, from the counted figures (one with an unresolved finding does not count)
  const measures = new Map<string, (number | null)[]>();
  for (const z of zones) {
    measures.set(
      z.zone.code,
      items.map(({ item }) => measureValue(item, cat.get(item.indicator), z.counted.get(item.indicator))),
    );
  }
  const peers = new Map<string, ZoneData[]>();
  for (const z of zones) {
    // pushed, not copied: a copy per zone was O(group²) in a province of 1,000 zones
    const k = peerOf(z);
    const list = peers.get(k);
    if (list) list.push(z);
    else peers.set(k, [z]);
  }

  const out = new Map<string, ZoneScore>();
  for (const group of peers.values()) {
    const bounds = items.map(({ item }, i) => {
      const xs = group.map((z) => measures.get(z.zone.code)![i]).filter((v): v is number => v !== null);
      const lower = cat.get(item.indicator)?.direction === 'lower';
      const max = xs.length ? Math.max(...xs) : null;
      const min = xs.length ? Math.min(...xs) : null;
      return {
        best: item.satisfactory ?? (lower ? min : max),
        worst: item.disallowed ?? (lower ? max : min),
      };
    });
    for (const z of group) {
      const m = measures.get(z.zone.code)!;
      let sw = 0;
      let swd = 0;
      const dByInd = new Map<string, number>();
      const missing: string[] = [];
      items.forEach(({ item, weight }, i) => {
        const x = m[i];
        const { best, worst } = bounds[i];
        if (x === null || best === null || worst === null) {
          missing.push(`${item.indicator}:${item.measure}`);
          return;
        }
        const d = efficacy(x, best, worst, config.score.cap);
        if (!dByInd.has(item.indicator)) dByInd.set(item.indicator, d);
        sw += weight;
        swd += weight * d;
      });
      out.set(z.zone.code, { composite: sw > 0 ? swd / sw : null, items: dByInd, missing });
    }
  }
  return out;
}
