/**
 * Figures derived from a report's records: a ratio recomputed from its parts, and each record's
 * growth (ratios from their recomputed parts where the parts are there).
 */
import type { Indicator } from '../config/schema';
import { computeGrowth } from '../growth';
import type { ParsedRecord } from '../recognise/types';
import type { Growth } from '../types';
import { tidy } from '../cells/read-number';
import { roundHalfAway } from '../rounding';

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

/**
 * The growth a report published for a record with no 上年同期 figure (template.md §5): its 同比 as
 * typed (a ratio's in 百分点), or the label it wrote (—, 新增…); rounded to 0.1 as shown.
 */
export function publishedGrowth(rec: ParsedRecord, ind: Indicator): Growth {
  const unit = ind.kind === 'ratio' ? 'pp' : 'pct';
  if (ind.kind === 'rate') return { value: null, shown: null, label: null, unit, published: true };
  if (rec.yoy !== null) return { value: rec.yoy, shown: roundHalfAway(rec.yoy, 1), label: null, unit, published: true };
  return { value: null, shown: null, label: rec.yoyLabel ?? '—', unit, published: true };
}

/** The growth of one record: ratios use their recomputed parts where there are parts, else the figures reported. */
export function growthForRecord(rec: ParsedRecord, ind: Indicator, records: Map<string, ParsedRecord>): Growth {
  if (rec.noBase) return publishedGrowth(rec, ind);
  if (ind.kind === 'ratio') {
    const cur = computedRatio(ind, records, 'ytd') ?? rec.ytd;
    const base = computedRatio(ind, records, 'base') ?? rec.base;
    return computeGrowth('ratio', cur, base);
  }
  return computeGrowth(ind.kind, rec.ytd, rec.base);
}

