/**
 * Whom the bulletin speaks of: 全市 when every zone is in one city, 全省 when one province holds several
 * cities, no word without a register (the totals then cover "all zones"). The overall total is the
 * one group total that covers every consolidated zone; with several cities each city is a group of
 * its own ("分市看"). Every total comes from SummaryReport.totals as it stands.
 */
import type { SummaryReport, TotalEntry, ZoneSummary } from '../summary/types';

export interface TotalGroup {
  /** 全省 / 全市 / 盘锦市 / '' (no register) */
  name: string;
  totals: Record<string, TotalEntry>;
  /** the zones of the group whose figures count in totals (rated, or included despite findings) */
  consolidated: number;
}

export interface Scope {
  /** 全市 / 全省 / '' */
  word: string;
  /** the one total over every zone; null when the zones span several provinces */
  overall: TotalGroup | null;
  /** cities (or provinces) when there are several */
  groups: TotalGroup[];
}

/** Zones whose figures count in totals: rated ones and those included despite findings. */
export function isConsolidated(z: ZoneSummary): boolean {
  return z.status === 'rated' || z.includedWithErrors;
}

const NO_REGISTER = '全部';

export function scopeOf(s: SummaryReport): Scope {
  const cities = [...new Set(s.zones.map((z) => z.zone.city).filter((c): c is string => c !== null))];
  const provinces = Object.keys(s.totals.province);
  const count = (f: (z: ZoneSummary) => boolean) => s.zones.filter((z) => isConsolidated(z) && f(z)).length;
  const cityGroups: TotalGroup[] = cities
    .filter((c) => s.totals.city[c] !== undefined)
    .map((c) => ({ name: c, totals: s.totals.city[c], consolidated: count((z) => z.zone.city === c) }));
  if (provinces.length === 1) {
    const p = provinces[0];
    const noRegister = p === NO_REGISTER;
    const word = noRegister ? '' : cities.length <= 1 ? '全市' : '全省';
    const overall: TotalGroup = {
      name: word,
      // one city: the city's own total (全市合计), the same zones as the province's
      totals: word === '全市' && cityGroups.length === 1 ? cityGroups[0].totals : s.totals.province[p],
      consolidated: count((z) => noRegister || z.zone.province === p),
    };
    return { word, overall, groups: cities.length > 1 ? cityGroups : []};
  }
  const groups = provinces.map((p) => ({ name: p, totals: s.totals.province[p], consolidated: count((z) => z.zone.province === p) }));
  return { word: '', overall: null, groups};
}
