/**
 * A zone's figures for one period, by indicator: the values in catalogue units and their growth,
 * with every ratio (税收占比) recomputed from its parts. Used for the period summarised and for the
 * periods read back from 历史数据, so both are computed the same way.
 */
import type { Config, Indicator } from '../config/schema';
import { computeGrowth } from '../growth';
import type { Growth } from '../types';

export interface RawFigure {
  ytd: number | null;
  base: number | null;
  target: number | null;
  note: string | null;
  /** the growth as published, when the report gave no 上年同期 figure to compute it from */
  growth?: Growth;
}

export interface Figure extends RawFigure {
  growth: Growth;
}

/** numerator / denominator × 100, or null when it cannot be formed (no data, denominator ≤ 0). */
export function ratioOf(num: number | null, den: number | null): number | null {
  if (num === null || den === null || den <= 0) return null;
  return (num / den) * 100;
}

/**
 * Figures of every catalogue indicator the zone has (the RawFigures of `raw` become them: `raw` is
 * made for this call). A ratio is taken from its parts when both
 * parts have data (current and base separately), else from the reported ratio row.
 */
export function buildFigures(config: Config, raw: Map<string, RawFigure>): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const ind of config.catalogue) {
    const r = ind.kind === 'ratio' ? ratioFigure(ind, raw) : raw.get(ind.code);
    if (!r) continue;
    // Completed in place, not copied: every caller makes `raw` for this call alone, and a month's
    // figures of every zone and period otherwise cost one more object per figure (issue 15, memory).
    r.growth ??= computeGrowth(ind.kind, r.ytd, r.base);
    out.set(ind.code, r as Figure);
  }
  return out;
}

function ratioFigure(ind: Indicator, raw: Map<string, RawFigure>): RawFigure | undefined {
  const own = raw.get(ind.code);
  if (!ind.ratio) return own;
  const num = raw.get(ind.ratio.numerator);
  const den = raw.get(ind.ratio.denominator);
  const cur = ratioOf(num?.ytd ?? null, den?.ytd ?? null) ?? own?.ytd ?? null;
  const base = ratioOf(num?.base ?? null, den?.base ?? null) ?? own?.base ?? null;
  if (cur === null && base === null && !own) return undefined;
  return { ytd: cur, base, target: own?.target ?? null, note: own?.note ?? null };
}

/** A growth that is a plain % (no label, not a loss amount): the only kind that is ranked or compared. */
export function plainPct(g: Growth | undefined): number | null {
  if (!g || g.unit !== 'pct' || g.label !== null || g.value === null) return null;
  return g.value;
}
