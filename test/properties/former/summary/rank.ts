/**
 * Competition ranking (1, 2, 2, 4 as Excel RANK.EQ) at the shown precision: two figures that are
 * written the same (growth to 0.1, 万元 to 0.1) share a place, so a ranking never separates zones by
 * digits nobody can see. `of` counts the ranked items.
 */
import { roundHalfAway } from '../rounding';
import type { RankPlace } from './types';

export interface RankItem<K> {
  key: K;
  value: number;
}

/** The figure as an integer count of its last shown digit, so equality is exact. */
export function shownUnits(value: number, decimals: number): number {
  return Math.round(roundHalfAway(value, decimals) * 10 ** decimals);
}

/** Places of every item; `direction` 'higher' ranks the largest first, 'lower' the smallest. */
export function competitionRank<K>(
  items: RankItem<K>[],
  direction: 'higher' | 'lower',
  decimals: number,
): Map<K, RankPlace> {
  const units = items.map((it) => ({ key: it.key, u: shownUnits(it.value, decimals) }));
  // Count each shown figure once and walk them best first: O(g log g). Comparing every pair was
  // O(g²) per group, which a province of 1,000+ zones (the 5,000-zone benchmark) made visible.
  const counts = new Map<number, number>();
  for (const { u } of units) if (!Number.isNaN(u)) counts.set(u, (counts.get(u) ?? 0) + 1);
  const order = [...counts.keys()].sort((a, b) => (direction === 'higher' ? b - a : a - b));
  const better = new Map<number, number>();
  let seen = 0;
  for (const u of order) {
    better.set(u, seen);
    seen += counts.get(u) as number;
  }
  const out = new Map<K, RankPlace>();
  for (const a of units) {
    // NaN compares with nothing (as before: first, untied); it never counts as better than another.
    const same = counts.get(a.u) ?? 0;
    out.set(a.key, { n: (better.get(a.u) ?? 0) + 1, of: units.length, tied: same > 1 });
  }
  return out;
}
