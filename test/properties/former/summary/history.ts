/**
 * Reading 历史数据 back: a past period's zones and figures (recomputed exactly as for the period
 * summarised) and the warning level each indicator had at that quarter end.
 */
import type { Config } from '../../../../src/domain/config/schema';
import type { HistoryRow, WarningLevel, Zone } from '../../../../src/domain/types';
import type { ZoneData } from './consolidate';
import { buildFigures, type RawFigure } from './figures';

export type LevelMap = Map<string, Map<string, WarningLevel>>;

export function hasPeriod(history: HistoryRow[], period: string | null): boolean {
  return period !== null && history.some((r) => r.period === period);
}

/** zone code → indicator code → level, for one period (rows without a level are left out). */
export function levelsAt(history: HistoryRow[], period: string | null): LevelMap {
  const out: LevelMap = new Map();
  for (const r of history) {
    if (r.period !== period || r.level === null) continue;
    const m = out.get(r.zone) ?? new Map<string, WarningLevel>();
    m.set(r.indicator, r.level);
    out.set(r.zone, m);
  }
  return out;
}

/**
 * The zones of a past period as the summary saw them: a zone archived gray (any row with level
 * 'gray') was not rated then and is not rated now. City and province come from `known` (the current
 * register), so a past ranking is formed in today's groups.
 */
export function zonesAt(config: Config, history: HistoryRow[], period: string, known: Zone[]): ZoneData[] {
  const raw = new Map<string, Map<string, RawFigure>>();
  const gray = new Set<string>();
  for (const r of history) {
    if (r.period !== period) continue;
    const m = raw.get(r.zone) ?? new Map<string, RawFigure>();
    m.set(r.indicator, { ytd: r.ytd, base: r.base, target: r.target, note: null });
    raw.set(r.zone, m);
    if (r.level === 'gray') gray.add(r.zone);
  }
  const byCode = new Map(known.map((z) => [z.code, z]));
  return [...raw].map(([code, figs]) => {
    const figures = buildFigures(config, figs);
    const rated = !gray.has(code);
    return {
      zone: byCode.get(code) ?? { code, name: code, aliases: [], level: null, type: null, city: null, province: null },
      figures,
      // 历史数据 keeps no finding: a zone archived gray is not counted, a rated one counts whole
      counted: rated ? figures : new Map(),
      reported: true,
      unresolved: !rated,
      rated,
      consolidated: rated,
      includedWithErrors: false,
      grayReason: null,
      flagged: new Set<string>(),
      yoyReported: new Map(),
    };
  });
}
