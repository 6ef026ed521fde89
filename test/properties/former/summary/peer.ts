/**
 * V-PEER (rules.md §1, consolidation): a zone's growth outside [P25 − k·IQR, P75 + k·IQR] of its
 * city's zones (k = peerIqrFactor, 1.5), quartiles as Excel QUARTILE.INC, on each key flow's 同比 over
 * the city's consolidated zones with a plain % (counted figures only); needs ≥ peerMinZones such zones. Compared on the unrounded
 * growth; the bounds are shown to 0.1. A V-PEER warning is explained when the zone's row has a 说明.
 * Decision: it does not turn the zone gray (it is raised after the cut-off, when the zone can no
 * longer explain it); it is listed in the summary's findings for the bureau to verify.
 */
import type { Config } from '../../../../src/domain/config/schema';
import { roundHalfAway } from '../rounding';
import type { Finding, Skipped } from '../../../../src/domain/types';
import type { ZoneData } from './consolidate';
import { plainPct } from './figures';
import { tukeyFence } from './quantile';
import { keyFlows } from './warnings';
import { one } from './wording';

export function peerFindings(config: Config, zones: ZoneData[], period: string | null): { findings: Finding[]; skipped: Skipped[] } {
  const findings: Finding[] = [];
  const skipped: Skipped[] = [];
  const { peerMinZones, peerIqrFactor } = config.thresholds;
  const cities = new Map<string, ZoneData[]>();
  for (const z of zones) {
    if (!z.consolidated || z.zone.city === null) continue;
    cities.set(z.zone.city, [...(cities.get(z.zone.city) ?? []), z]);
  }
  for (const [city, list] of cities) {
    for (const ind of keyFlows(config)) {
      const pts = list
        .map((z) => ({ z, g: plainPct(z.counted.get(ind.code)?.growth) }))
        .filter((p): p is { z: ZoneData; g: number } => p.g !== null);
      if (pts.length === 0) continue; // nobody reported it: nothing to check, nothing to say
      if (pts.length < peerMinZones) {
        skipped.push({
          rule: 'V-PEER',
          reason: {
            zh: `${city}${ind.name}有同比的开发区不足${peerMinZones}个(${pts.length}个),未做同组离群检查`,
            en: `${city}: fewer than ${peerMinZones} zones with a growth of ${ind.nameEn} (${pts.length}); peer check not run`,
          },
          scope: `${city}/${ind.code}`,
        });
        continue;
      }
      const fence = tukeyFence(pts.map((p) => p.g), peerIqrFactor);
      const lo = roundHalfAway(fence.lo, 1), hi = roundHalfAway(fence.hi, 1);
      for (const { z, g } of pts) {
        if (g >= fence.lo && g <= fence.hi) continue;
        const f = z.figures.get(ind.code)!;
        const shown = f.growth.shown ?? g;
        findings.push({
          level: 'warning', rule: 'V-PEER', file: null, sheet: null, cell: null, zone: z.zone.code, period,
          indicator: ind.code, value: shown, expected: `[${one(lo)}, ${one(hi)}]`,
          message: {
            zh: `${z.zone.name}${ind.name}同比${one(shown)}%,超出${city}开发区的正常范围[${one(lo)}%, ${one(hi)}%](四分位距法,QUARTILE.INC),请核实。`,
            en: `${z.zone.name}: ${ind.nameEn} growth ${one(shown)}% is outside the range of ${city}'s zones [${one(lo)}%, ${one(hi)}%] (interquartile fences, QUARTILE.INC); please verify.`,
          },
          explained: (f.note ?? '').trim() !== '',
        });
      }
    }
  }
  return { findings, skipped };
}
