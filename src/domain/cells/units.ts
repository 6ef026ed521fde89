/**
 * Units and their conversion into catalogue units (template.md §1): money to 万元 or 万美元,
 * counts to 个. A unit of the other currency, or one not known at all, cannot be converted.
 */
import { cleanText } from './normalise';

const FAMILIES: Record<string, Record<string, number>> = {
  万元: { 元: 0.0001, 千元: 0.1, 万元: 1, 百万元: 100, 亿元: 10000 },
  万美元: { 美元: 0.0001, 千美元: 0.1, 万美元: 1, 百万美元: 100, 亿美元: 10000 },
  个: { 个: 1, 家: 1, 项: 1, 户: 1 },
  '%': { '%': 1, '百分比': 1 },
};

/** Normalise a unit cell's text: NFKC, spaces, brackets: "（万元）" → "万元". */
export function normaliseUnit(raw: string): string {
  return cleanText(raw).replace(/\s+/g, '').replace(/^[([]|[)\]]$/g, '').replace(/^单位[:]/, '');
}

/**
 * Factor that converts a value in `from` into `to` (catalogue unit), or null when the two cannot be
 * converted (different currency, unknown unit). `from` equal to `to` is 1.
 */
export function unitFactor(from: string, to: string): number | null {
  const f = normaliseUnit(from);
  if (f === to) return 1;
  const family = FAMILIES[to];
  if (!family) return null;
  return family[f] ?? null;
}

/** Whether a unit is known to any family (so an unknown one is an error, not a conversion). */
export function isKnownUnit(raw: string): boolean {
  const u = normaliseUnit(raw);
  return Object.values(FAMILIES).some((fam) => u in fam);
}

/** Multiply by a conversion factor without binary noise (123.4 × 10000 stays 1234000). */
export function convert(value: number, factor: number): number {
  if (factor === 1) return value;
  return Number((value * factor).toPrecision(15));
}

/**
 * A line of units ("亿元、%", "万元,个"): each part a known unit, in the order written; null when the
 * text is not such a list (a single unit is a list of one).
 */
export function unitList(raw: string): string[] | null {
  const parts = cleanText(raw).replace(/^单位[:]/, '').split(/[、,;/及和]/).map(normaliseUnit).filter((u) => u !== '');
  return parts.length > 0 && parts.every(isKnownUnit) ? parts : null;
}

/** The unit in brackets at the end of a name ("规模以上工业总产值(亿元)", "（万元）"), when it is a known unit. */
export function unitInName(raw: string): string | null {
  const m = /\(([^()]+)\)$/.exec(cleanText(raw).replace(/\s+/g, ''));
  if (!m) return null;
  const u = normaliseUnit(m[1]);
  return isKnownUnit(u) ? u : null;
}
