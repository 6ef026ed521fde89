/**
 * Figures derived from a report's records: a ratio recomputed from its parts, and each record's
 * growth (ratios from their recomputed parts where the parts are there).
 */
import type { Indicator } from '../config/schema';
import { computeGrowth } from '../growth';
import type { ParsedRecord } from '../recognise/types';
import type { Growth } from '../types';
import { tidy } from '../cells/read-number';

/** A ratio recomputed from its parts (numerator / denominator × 100), or null when it cannot be. */
export function computedRatio(
  ind: Indicator,
  records: Map<string, ParsedRecord>,
  col: 'ytd' | 'base',
): number | null {
  if (ind.kind !== 'ratio' || !ind.ratio) return null;
  const num = records.get(ind.ratio.numerator)?.[col] ?? null;
  const den = records.get(ind.ratio.denominator)?.[col] ?? null;
  if (num === null || den === null || den === 0) return null;
  return tidy((num / den) * 100);
}

/** The growth of one record: ratios use their recomputed parts where there are parts, else the figures reported. */
export function growthForRecord(rec: ParsedRecord, ind: Indicator, records: Map<string, ParsedRecord>): Growth {
  if (ind.kind === 'ratio') {
    const cur = computedRatio(ind, records, 'ytd') ?? rec.ytd;
    const base = computedRatio(ind, records, 'base') ?? rec.base;
    return computeGrowth('ratio', cur, base);
  }
  return computeGrowth(ind.kind, rec.ytd, rec.base);
}

