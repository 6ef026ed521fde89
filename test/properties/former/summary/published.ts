/**
 * What the reports published besides their figures (template.md §5), checked in the consolidation:
 * - V-RANK (warning): a rank published with a figure (a 位次 column, "12.3(5)") that differs from the
 *   rank the figures give: "公布位次第3位,按数据应为第4位". The rank is recomputed as its publisher
 *   made it: on a table of many zones, among the zones of that table that have the figure (by the
 *   figure the 位次 follows: the growth to 0.1 or the value, ties 并列, RANK.EQ); for a zone's own
 *   sheet, its place in its city as the summary ranks it. Like V-PEER it is raised after the cut-off
 *   and turns no zone gray: it is about the publication, not about the zone's figures.
 * - rankings on published growth (no 上年同期 figure to compute it from) say so: `growthPublished` on
 *   the figure, and a note in the 汇总 sheet and the command line's summary (publishedGrowthLines).
 */
import type { Config, Indicator } from '../../../../src/domain/config/schema';
import type { CheckReport, Finding, RankReported } from '../../../../src/domain/types';
import type { ZoneData } from './consolidate';
import { plainPct, type Figure } from './figures';
import { competitionRank } from './rank';
import { shownDecimals } from './ranking';
import type { RankGroups, SummaryReport } from './types';

interface Published {
  file: string;
  sheet: string;
  table: boolean;
  zone: string;
  indicator: string;
  rank: RankReported;
}

/** The figure a published rank ranks: the growth (a plain %, to 0.1) or the value. */
function rankedValue(f: Figure | undefined, by: 'growth' | 'value'): number | null {
  if (!f) return null;
  return by === 'growth' ? plainPct(f.growth) : f.ytd;
}

export function publishedRankFindings(
  config: Config,
  report: CheckReport,
  zones: ZoneData[],
  /** the summary's ranks of an indicator by growth ('yoy') or by value ('ytd') */
  cityRanks: (code: string, col: string) => Map<string, RankGroups | null> | undefined,
  period: string | null,
): Finding[] {
  const published: Published[] = [];
  for (const f of report.files) {
    for (const s of f.sheets) {
      if (s.kind !== 'report' || !s.zone || s.period !== period) continue;
      for (const r of s.records) {
        if (r.rankReported) published.push({ file: f.file, sheet: s.sheet, table: s.layout === 'table', zone: s.zone.code, indicator: r.indicator, rank: r.rankReported });
      }
    }
  }
  if (published.length === 0) return [];
  const byCode = new Map(zones.map((z) => [z.zone.code, z]));
  const catalogue = new Map(config.catalogue.map((i) => [i.code, i]));
  // the zones of each table (file and sheet) with the figure ranked, as its publisher ranked them
  const tables = new Map<string, Map<string, number>>();
  const tableKey = (p: Published) => `${p.file}\u0000${p.sheet}\u0000${p.indicator}\u0000${p.rank.col}`;
  for (const f of report.files) {
    for (const s of f.sheets) {
      if (s.kind !== 'report' || !s.zone || s.period !== period || s.layout !== 'table') continue;
      for (const r of s.records) {
        const ind = catalogue.get(r.indicator);
        if (!ind) continue;
        for (const col of ['yoy', 'ytd'] as const) {
          const v = rankedValue(byCode.get(s.zone.code)?.figures.get(ind.code), col === 'yoy' ? 'growth' : 'value');
          if (v === null) continue;
          const key = `${f.file}\u0000${s.sheet}\u0000${ind.code}\u0000${col}`;
          const m = tables.get(key) ?? new Map<string, number>();
          if (!m.has(s.zone.code)) m.set(s.zone.code, v);
          tables.set(key, m);
        }
      }
    }
  }
  const out: Finding[] = [];
  for (const p of published) {
    const ind = catalogue.get(p.indicator);
    if (!ind) continue;
    const by = p.rank.col === 'yoy' ? 'growth' : 'value';
    let n: number | null = null;
    let of: number | null = null;
    if (p.table) {
      const values = tables.get(tableKey(p));
      if (!values?.has(p.zone)) continue;
      const places = competitionRank([...values].map(([key, value]) => ({ key, value })), ind.direction, by === 'growth' ? 1 : shownDecimals(ind));
      n = places.get(p.zone)?.n ?? null;
      of = values.size;
    } else {
      const place = cityRanks(ind.code, p.rank.col)?.get(p.zone)?.city ?? null;
      n = place?.n ?? null;
      of = place?.of ?? null;
    }
    if (n === null || n === p.rank.n) continue;
    out.push(rankFinding(p, ind, n, of, period, byCode.get(p.zone)?.zone.name ?? p.zone));
  }
  return out;
}

function rankFinding(p: Published, ind: Indicator, n: number, of: number | null, period: string | null, zoneName: string): Finding {
  const what = p.rank.col === 'yoy' ? { zh: '增速', en: 'growth' } : { zh: '总量', en: 'value' };
  const group = p.table ? { zh: '表中各开发区', en: 'the zones of the table' } : { zh: '全市', en: 'the city' };
  return {
    level: 'warning', rule: 'V-RANK', file: p.file, sheet: p.sheet, cell: p.rank.cell, zone: p.zone, period, indicator: ind.code,
    value: p.rank.n, expected: n,
    message: {
      zh: `${zoneName}${ind.name}${what.zh}位次(单元格 ${p.rank.cell}):公布位次第${p.rank.n}位,按数据应为第${n}位(${group.zh}${of !== null ? `共${of}个` : ''})。请核对位次或数据。`,
      en: `${zoneName}, ${ind.nameEn}, rank by ${what.en} (cell ${p.rank.cell}): published as ${p.rank.n}, but the figures put it ${n}${of !== null ? ` of ${of}` : ''} among ${group.en}. Check the rank or the figures.`,
    },
    explained: false,
  };
}

/** Lines naming the growth figures that are published ones, and so ranked (empty when none). */
export function publishedGrowthLines(summary: SummaryReport, config: Config, lang: 'zh' | 'en'): string[] {
  // the indicators ranked on growth, grouped by the zones whose growth is the published one
  const groups = new Map<string, { zones: string[]; inds: string[] }>();
  for (const ind of config.catalogue) {
    if (!ind.key || (ind.kind !== 'flow' && ind.kind !== 'stock')) continue;
    const zones = summary.zones.filter((z) => z.indicators[ind.code]?.growthPublished).map((z) => z.zone.name);
    if (zones.length === 0) continue;
    const key = zones.join('\u0000');
    const g = groups.get(key) ?? { zones, inds: [] };
    g.inds.push(lang === 'zh' ? ind.name : ind.nameEn);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) =>
    lang === 'zh'
      ? `注:${g.zones.join('、')}的${g.inds.join('、')}同比为报表公布数(报表没有上年同期数,未按数据复算),其增速位次按公布数排定。`
      : `Note: the growth of ${g.inds.join(', ')} for ${g.zones.join(', ')} is as published (the reports gave no same-period-last-year figure; not recomputed), and their growth ranks rank the published figures.`,
  );
}
