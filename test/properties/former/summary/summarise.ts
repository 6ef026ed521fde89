/**
 * summarise(): the whole consolidation of one period — zones and their figures, city and province
 * totals, V-PEER, rankings with their change since last month, target progress, composite scores
 * and the early warning — as the `zone-report summary --json` document (rules.md §1).
 */
import type { Config, Indicator } from '../../../../src/domain/config/schema';
import { roundHalfAway } from '../rounding';
import type { HistoryRow, Skipped } from '../../../../src/domain/types';
import { consolidate, latestPeriod, type ZoneData } from './consolidate';
import { hasPeriod, levelsAt, zonesAt, type LevelMap } from './history';
import { peerFindings } from './peer';
import { publishedRankFindings } from './published';
import { isQuarterEnd, monthOf, periodText, previousMonth, quarterEndBefore } from './period';
import { rankFigure, rankGroups, ranksByGrowth, shownDecimals } from './ranking';
import { scoreZones } from './score';
import { allTotals, ALL_ZONES } from './totals';
import type { IndicatorSummary, Progress, RankGroups, SummaryInput, SummaryReport, ZoneSummary } from './types';
import { evaluateWarnings, lastInCity, type PreviousQuarter } from './warnings';

const skip = (rule: string, zh: string, en: string, scope = 'all'): Skipped => ({ rule, reason: { zh, en }, scope });

/** 序时进度 and 完成目标 as shown (0.1), and the gap between the two shown figures. */
export function progressOf(month: number, ytd: number | null, target: number | null): Progress | null {
  if (ytd === null || target === null || target <= 0) return null;
  const schedule = roundHalfAway((month / 12) * 100, 1);
  const completion = roundHalfAway((ytd / target) * 100, 1);
  // gap from the two shown figures, in tenths, so the three printed numbers agree exactly
  const gap = (Math.round(schedule * 10) - Math.round(completion * 10)) / 10;
  return { completion, schedule, gap_pp: gap };
}

/**
 * Indicators listed per zone: key indicators, those the score uses and the parts of key ratios (so
 * that 历史数据 can recompute a past quarter's 税收占比, ranks and scores), in catalogue order.
 */
function listedIndicators(config: Config): Indicator[] {
  const used = new Set(config.score.dimensions.flatMap((d) => d.items.map((i) => i.indicator)));
  for (const i of config.catalogue) {
    if (i.key && i.ratio) used.add(i.ratio.numerator).add(i.ratio.denominator);
  }
  return config.catalogue.filter((i) => i.key || used.has(i.code));
}

interface Ranked {
  rank: Map<string, RankGroups | null>;
  valueRank: Map<string, RankGroups | null>;
}

function rankIndicator(ind: Indicator, zones: ZoneData[]): Ranked {
  const by = ranksByGrowth(ind) ? 'growth' : 'value';
  const rank = rankGroups(
    zones.map((z) => ({ zone: z.zone, value: rankFigure(z, ind, by).value })),
    ind.direction,
    by === 'growth' ? 1 : shownDecimals(ind),
  );
  const valueRank = by === 'value'
    ? rank
    : rankGroups(zones.map((z) => ({ zone: z.zone, value: rankFigure(z, ind, 'value').value })), ind.direction, shownDecimals(ind));
  return { rank, valueRank };
}

/**
 * Composite scores: every consolidated zone's counted figures set the best and worst values (an
 * included zone's clean figures are peer statistics like any other), but only rated zones are scored,
 * shown and ranked (rules.md §6: an included zone gets no score and no score rank).
 */
function scoresOf(config: Config, zones: ZoneData[], hasRegister: boolean) {
  const scores = scoreZones(config, zones.filter((z) => z.consolidated), (z) => (hasRegister ? z.zone.province ?? '' : ALL_ZONES));
  const shown = new Map<string, number | null>();
  for (const z of zones) {
    const c = z.rated ? scores.get(z.zone.code)?.composite ?? null : null;
    shown.set(z.zone.code, c === null ? null : roundHalfAway(c, 1));
  }
  const ranks = rankGroups(
    zones.map((z) => ({ zone: z.zone, value: z.rated ? shown.get(z.zone.code) ?? null : null })),
    'higher',
    1,
  );
  return { scores, shown, ranks };
}

export function summarise(input: SummaryInput): SummaryReport {
  const { report, register, history, config } = input;
  const period = input.period ?? latestPeriod(report);
  const cons = consolidate(report, register, config, period, input.include ?? 'none');
  const zones = cons.zones;
  const hasRegister = register !== null;
  const skipped: Skipped[] = [];
  const quarterEnd = period !== null && isQuarterEnd(period);
  const month = period !== null ? monthOf(period) ?? 12 : 12;

  if (!hasRegister) {
    // The check report already lists RANKING (no city/province groups); add only what the summary
    // itself cannot do without the register's city groups.
    skipped.push(skip('W-LAST', '没有开发区名录:无法按所属市分组,无法判断全市综合得分末位', 'no zone register: zones cannot be grouped by city, so the last in the city by score cannot be found'));
    skipped.push(skip('V-PEER', '没有开发区名录:无法按所属市分组,无法做同市离群检查', 'no zone register: zones cannot be grouped by city, so the peer outlier check cannot run'));
  }

  const totals = allTotals(config, zones, hasRegister);
  const peer = hasRegister ? peerFindings(config, zones, period) : { findings: [], skipped: [] };
  skipped.push(...peer.skipped);

  const progress = new Map<string, Map<string, Progress>>();
  for (const z of zones) {
    const m = new Map<string, Progress>();
    for (const [code, f] of z.counted) {
      const p = progressOf(month, f.ytd, f.target);
      if (p) m.set(code, p);
    }
    progress.set(z.zone.code, m);
  }

  const keys = config.catalogue.filter((i) => i.key);
  const ranked = new Map(keys.map((ind) => [ind.code, rankIndicator(ind, zones)]));
  const sc = scoresOf(config, zones, hasRegister);

  // previous quarter ends, from 历史数据
  const known = zones.map((z) => z.zone);
  const pq = period !== null ? quarterEndBefore(period, 1) : null;
  const pq2 = period !== null ? quarterEndBefore(period, 2) : null;
  let prev: PreviousQuarter | null = null;
  if (pq !== null && hasPeriod(history, pq)) {
    const pz = zonesAt(config, history, pq, known);
    const psc = scoresOf(config, pz, hasRegister);
    prev = { period: pq, levels: levelsAt(history, pq), zones: new Map(pz.map((z) => [z.zone.code, z])), lastInCity: lastInCity(pz, psc.ranks) };
  } else {
    const zh = `历史数据中没有上一季末(${pq ?? '—'})的数据`;
    const en = `历史数据 holds no data for the previous quarter end (${pq ?? '—'})`;
    skipped.push(skip('W-LAST', `${zh},无法判断是否连续两季末位(红色)`, `${en}: cannot tell if a zone was last twice (red)`));
    skipped.push(skip('W-REPEAT', zh, en));
    skipped.push(skip('W-ESCALATE', zh, en));
  }
  const prev2 = pq2 !== null && hasPeriod(history, pq2) ? levelsAt(history, pq2) : null;
  if (prev && !prev2) {
    skipped.push(skip('W-ESCALATE', `历史数据中没有${pq2 ?? '—'}的数据,无法判断连续三个季度橙色预警`,
      `历史数据 holds no data for ${pq2 ?? '—'}: orange three quarters running cannot be judged`));
  }
  const levelCache = new Map<number, LevelMap | null>();
  const levelsBack = (k: number): LevelMap | null => {
    if (!levelCache.has(k)) {
      const p = period !== null ? quarterEndBefore(period, k) : null;
      levelCache.set(k, p !== null && hasPeriod(history, p) ? levelsAt(history, p) : null);
    }
    return levelCache.get(k)!;
  };

  const warnings = evaluateWarnings({
    config, zones, cityTotals: totals.city, progress,
    ranks: new Map(keys.map((k) => [k.code, ranked.get(k.code)!.rank])),
    scores: sc.shown, scoreRanks: sc.ranks, prev, prev2, levelsBack,
  });

  const change = rankChanges(config, keys, zones, history, period, hasRegister, skipped);

  const listed = listedIndicators(config);
  const out: ZoneSummary[] = zones.map((z) => {
    const code = z.zone.code;
    const indicators: Record<string, IndicatorSummary> = {};
    const zs = z.rated ? sc.scores.get(code) : undefined;
    for (const ind of listed) {
      const f = z.figures.get(ind.code);
      // a growth formed from a figure with an unresolved finding is not published (the figure is shown)
      const counted = z.counted.has(ind.code);
      const g = z.flagged.has(ind.code) ? undefined : f?.growth;
      const r = ranked.get(ind.code);
      const rank = r?.rank.get(code) ?? null;
      const why = ind.key && rank === null ? rankFigure(z, ind, ranksByGrowth(ind) ? 'growth' : 'value').reason : null;
      const d = zs?.items.get(ind.code);
      indicators[ind.code] = {
        ytd: f?.ytd ?? null,
        base: f?.base ?? null,
        target: f?.target ?? null,
        yoy: g && g.unit !== 'loss' && g.label === null ? g.shown : null,
        yoyLabel: g?.label ?? null,
        ...(g?.published ? { growthPublished: true as const } : {}),
        yoyReported: z.yoyReported.get(ind.code) ?? null,
        change_pp: g && g.unit === 'pp' ? g.shown : null,
        counted,
        rank,
        valueRank: r?.valueRank.get(code) ?? null,
        rankChange: change.get(ind.code)?.get(code) ?? null,
        unranked: why ?? (ind.key && !hasRegister ? { zh: '无名录,无法排名', en: 'no register: not ranked' } : null),
        progress: progress.get(code)?.get(ind.code) ?? null,
        score: d === undefined ? null : roundHalfAway(d, 1),
        level: warnings.get(code)?.indicatorLevels.get(ind.code) ?? null,
      };
    }
    const w = warnings.get(code)!;
    return {
      zone: { code, name: z.zone.name, city: z.zone.city, province: z.zone.province },
      status: z.rated ? 'rated' : 'gray',
      includedWithErrors: z.includedWithErrors,
      grayReason: z.rated ? null : z.grayReason,
      indicators,
      score: z.rated ? sc.shown.get(code) ?? null : null,
      scoreRank: z.rated ? sc.ranks.get(code) ?? null : null,
      scoreMissing: z.rated ? zs?.missing ?? [] : [],
      warning: { level: w.level, triggers: w.triggers },
    };
  });

  // ranks published with the figures (a 位次 column, "12.3(5)") against the ranks the figures give
  const published = publishedRankFindings(config, report, zones, (code, col) => {
    const r = ranked.get(code);
    const ind = keys.find((k) => k.code === code);
    return r && ind ? (col === 'yoy' && ranksByGrowth(ind) ? r.rank : r.valueRank) : undefined;
  }, period);

  const title = period === null
    ? { zh: '汇总(无本期报表)', en: 'Summary (no reports for the period)' }
    : quarterEnd
      ? { zh: `${periodText(period, 'zh')} 开发区主要经济指标汇总 · 季度预警`, en: `Development zones, ${periodText(period, 'en')} · quarterly early warning` }
      : { zh: `${periodText(period, 'zh')} 开发区主要经济指标汇总 · 预警预览(非季末,仅供参考)`, en: `Development zones, ${periodText(period, 'en')} · warning preview (not a quarter end)` };

  return {
    schemaVersion: '1',
    period,
    quarterEnd,
    title,
    zones: out,
    totals,
    findings: [...report.findings, ...cons.findings, ...peer.findings, ...published],
    skipped: [...report.skipped, ...skipped],
  };
}

/** Places gained since last month on each key indicator's `rank`, recomputed from 历史数据. */
function rankChanges(
  config: Config,
  keys: Indicator[],
  zones: ZoneData[],
  history: HistoryRow[],
  period: string | null,
  hasRegister: boolean,
  skipped: Skipped[],
): Map<string, Map<string, { city: number | null; province: number | null } | null>> {
  const out = new Map<string, Map<string, { city: number | null; province: number | null } | null>>();
  const pm = period !== null ? previousMonth(period) : null;
  if (!hasRegister) return out;
  if (pm === null || !hasPeriod(history, pm)) {
    skipped.push(skip('RANK-CHANGE', `历史数据中没有上月(${pm ?? '—'})的数据,无法计算位次变化`,
      `历史数据 holds no data for the previous month (${pm ?? '—'}): rank changes not computed`));
    return out;
  }
  const before = zonesAt(config, history, pm, zones.map((z) => z.zone));
  for (const ind of keys) {
    const now = rankIndicator(ind, zones).rank;
    const then = rankIndicator(ind, before).rank;
    const m = new Map<string, { city: number | null; province: number | null } | null>();
    // A change is only meaningful when the same zones were ranked in the group both times (a place
    // among 5 zones last month against a place among 8 now says nothing): otherwise null.
    const members = (r: Map<string, RankGroups | null>, key: 'city' | 'province') => {
      const out = new Map<string, string[]>();
      for (const z of zones) {
        const g = z.zone[key];
        if (g === null || !r.get(z.zone.code)?.[key]) continue;
        const list = out.get(g);
        if (list) list.push(z.zone.code);
        else out.set(g, [z.zone.code]);
      }
      return out;
    };
    // Judged once per group, not once per zone: joining the member lists for every zone was
    // O(zones × group size) per indicator (seconds at 5,000 zones in provinces of 1,000+).
    const same = (key: 'city' | 'province') => {
      const a = members(now, key), b = members(then, key);
      const ok = new Map<string, boolean>();
      for (const g of new Set([...a.keys(), ...b.keys()])) ok.set(g, (a.get(g) ?? []).join('|') === (b.get(g) ?? []).join('|'));
      return (g: string | null) => g !== null && (ok.get(g) ?? true);
    };
    const sameCity = same('city'), sameProvince = same('province');
    for (const z of zones) {
      const a = now.get(z.zone.code), b = then.get(z.zone.code);
      if (!a || !b) { m.set(z.zone.code, null); continue; }
      const d = (x: { n: number } | null, y: { n: number } | null, ok: boolean) => (ok && x && y ? y.n - x.n : null);
      m.set(z.zone.code, {
        city: d(a.city, b.city, sameCity(z.zone.city)),
        province: d(a.province, b.province, sameProvince(z.zone.province)),
      });
    }
    out.set(ind.code, m);
  }
  return out;
}
