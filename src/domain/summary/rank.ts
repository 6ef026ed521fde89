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
  const out = new Map<K, RankPlace>();
  for (const a of units) {
    let better = 0;
    let same = 0;
    for (const b of units) {
      if (b.u === a.u) same++;
      else if (direction === 'higher' ? b.u > a.u : b.u < a.u) better++;
    }
    out.set(a.key, { n: better + 1, of: units.length, tied: same > 1 });
  }
  return out;
}
