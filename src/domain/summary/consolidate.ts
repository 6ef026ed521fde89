/**
 * Consolidation: one record set per zone for the period summarised, zones in register order (or in
 * order of appearance without a register). A zone is RATED when it reported once and has no
 * unresolved findings (errors, or warnings without a 说明) at the cut-off. Otherwise it is gray: it
 * sent no report, the same zone and period came twice (V-DUP), or it has unresolved findings. A gray
 * zone the user explicitly includes (仍然纳入, `--include`) stays gray (no score, no score rank, no
 * warning level but gray: rules.md §6) but is CONSOLIDATED: its figures count, except each figure
 * that carries an unresolved finding, which is missing for every total, rank and peer statistic.
 *
 * `counted` is the one place that rule lives: totals, rankings, V-PEER, the score's best and worst
 * values and the city comparators all read `counted`, never `figures` (what the zone reported, for
 * display).
 */
import type { Config } from '../config/schema';
import type { Register } from '../recognise/register';
import type { Bilingual, CheckReport, Finding, SheetResult, Zone } from '../types';
import { buildFigures, type Figure, type RawFigure } from './figures';

export interface ZoneData {
  zone: Zone;
  /** the figures as the zone reported them (shown in 汇总, archived) */
  figures: Map<string, Figure>;
  /**
   * the figures that count in totals, rankings and peer statistics: none unless the zone is
   * consolidated; without those that carry an unresolved finding (and ratios formed from them)
   */
  counted: Map<string, Figure>;
  /** a report for the period was found */
  reported: boolean;
  /** has unresolved findings (error, or unexplained warning), or was reported twice */
  unresolved: boolean;
  /** rated: reported once and clean — scored, score-ranked and warned */
  rated: boolean;
  /** its figures count (rated, or gray and included by the user) */
  consolidated: boolean;
  /** gray with unresolved findings, included by the user */
  includedWithErrors: boolean;
  grayReason: Bilingual | null;
  /** indicators whose figure carries an unresolved finding: missing from `counted` */
  flagged: Set<string>;
  /** the 同比 the zone typed, by indicator (rules.md §1 `yoyReported`) */
  yoyReported: Map<string, number>;
}

export interface Consolidation {
  period: string | null;
  zones: ZoneData[];
  /** findings added by consolidation (V-DUP) */
  findings: Finding[];
}

interface Source {
  file: string;
  sheet: SheetResult;
}

/** The latest 'YYYY-MM' among the report sheets ('YYYY-MM' strings sort by time). */
export function latestPeriod(report: CheckReport): string | null {
  let best: string | null = null;
  for (const f of report.files) {
    for (const s of f.sheets) {
      if (s.kind === 'report' && s.zone && s.period && (best === null || s.period > best)) best = s.period;
    }
  }
  return best;
}

function isUnresolved(f: Finding): boolean {
  return f.level === 'error' || (f.level === 'warning' && !f.explained);
}

function plainZone(code: string, name: string): Zone {
  return { code, name, aliases: [], level: null, type: null, city: null, province: null };
}

const NO_REPORT: Bilingual = { zh: '未报送本期报表', en: 'no report for this period' };
const DUPLICATE: Bilingual = { zh: '本期报表重复报送(V-DUP)', en: 'the report for this period was sent twice (V-DUP)' };
const UNRESOLVED: Bilingual = {
  zh: '有未修正的错误或未说明的警告',
  en: 'unresolved errors or unexplained warnings',
};
const INCLUDED: Bilingual = {
  zh: '有未修正的错误或未说明的警告,经确认纳入汇总(有问题的数据不计入合计和排名)',
  en: 'unresolved errors or unexplained warnings; included on request (the figures in question count in no total or rank)',
};

export function consolidate(
  report: CheckReport,
  register: Register | null,
  config: Config,
  period: string | null,
  include: 'none' | 'all' | string[],
): Consolidation {
  const sources = new Map<string, Source[]>();
  const order: ZoneData['zone'][] = [];
  for (const f of report.files) {
    for (const s of f.sheets) {
      if (s.kind !== 'report' || !s.zone || s.period !== period) continue;
      const list = sources.get(s.zone.code);
      if (list) list.push({ file: f.file, sheet: s });
      else {
        sources.set(s.zone.code, [{ file: f.file, sheet: s }]);
        order.push(register?.byCode.get(s.zone.code) ?? plainZone(s.zone.code, s.zone.name));
      }
    }
  }
  // Register order first; zones that reported but are not in the register (already V-ZONE errors
  // in the check) follow in order of appearance, so no figure disappears from the summary.
  const zones: Zone[] = register ? [...register.zones, ...order.filter((z) => !register.byCode.has(z.code))] : order;

  const added: Finding[] = [];
  const out: ZoneData[] = zones.map((zone) => {
    const src = sources.get(zone.code) ?? [];
    if (src.length === 0) {
      return {
        zone, figures: new Map(), counted: new Map(), reported: false, unresolved: false, rated: false, consolidated: false,
        includedWithErrors: false, grayReason: NO_REPORT, flagged: new Set<string>(), yoyReported: new Map(),
      };
    }
    const duplicate = src.length > 1;
    if (duplicate && !report.findings.some((f) => f.rule === 'V-DUP' && f.zone === zone.code && f.period === period)) {
      added.push(dupFinding(zone, period, src));
    }
    const mine = report.findings.filter((f) => isUnresolved(f) && concerns(f, zone, period, src));
    const unresolved = duplicate || mine.length > 0;
    const included = unresolved && (include === 'all' || (Array.isArray(include) && include.includes(zone.code)));
    const raw = new Map<string, RawFigure>();
    const yoyReported = new Map<string, number>();
    // With a duplicate the first report counts (only ever used when the user includes the zone).
    for (const r of src[0].sheet.records) {
      if (raw.has(r.indicator)) continue;
      // a growth taken as published (no 上年同期 figure, template.md §5) is kept as it is
      raw.set(r.indicator, r.growth.published
        ? { ytd: r.ytd, base: r.base, target: r.target, note: r.note, growth: r.growth }
        : { ytd: r.ytd, base: r.base, target: r.target, note: r.note });
      if (r.yoyReported !== null) yoyReported.set(r.indicator, r.yoyReported);
    }
    const figures = buildFigures(config, raw);
    const flagged = flaggedIndicators(config, mine);
    const consolidated = !unresolved || included;
    return {
      zone,
      figures,
      counted: consolidated ? countedFigures(figures, flagged) : new Map(),
      reported: true,
      unresolved,
      rated: !unresolved,
      consolidated,
      includedWithErrors: included,
      grayReason: !unresolved ? null : included ? INCLUDED : duplicate ? DUPLICATE : UNRESOLVED,
      flagged,
      yoyReported,
    };
  });
  return { period, zones: out, findings: added };
}

/**
 * Indicators whose figure carries an unresolved finding, and every ratio formed from one of them (a
 * 税收占比 over a wrong 税收收入 is wrong too).
 */
function flaggedIndicators(config: Config, findings: Finding[]): Set<string> {
  const flagged = new Set<string>();
  for (const f of findings) if (f.indicator) flagged.add(f.indicator);
  for (const ind of config.catalogue) {
    if (ind.ratio && (flagged.has(ind.ratio.numerator) || flagged.has(ind.ratio.denominator))) flagged.add(ind.code);
  }
  return flagged;
}

/** The figures that count: all of them but the flagged ones. */
function countedFigures(figures: Map<string, Figure>, flagged: Set<string>): Map<string, Figure> {
  if (flagged.size === 0) return figures;
  const out = new Map<string, Figure>();
  for (const [code, f] of figures) if (!flagged.has(code)) out.set(code, f);
  return out;
}

/**
 * A finding concerns the zone's report: found on its sheet (on a table of many zones, on its own
 * row: a finding about the table as a whole names no zone), or naming the zone for this period.
 */
function concerns(f: Finding, zone: Zone, period: string | null, src: Source[]): boolean {
  if (src.some((s) => f.file === s.file && f.sheet === s.sheet.sheet && (s.sheet.layout !== 'table' || f.zone === zone.code))) return true;
  const named = f.zone === zone.code || f.zone === zone.name;
  // Register problems about the zone (a duplicate code...) put its identity in doubt.
  return named && (f.period === period || f.rule === 'V-REGISTER');
}

function dupFinding(zone: Zone, period: string | null, src: Source[]): Finding {
  const where = src.map((s) => `${s.file}/${s.sheet.sheet}`).join('、');
  const whereEn = src.map((s) => `${s.file}/${s.sheet.sheet}`).join(', ');
  return {
    level: 'error', rule: 'V-DUP', file: src[1].file, sheet: src[1].sheet.sheet, cell: null,
    zone: zone.code, period, indicator: null, value: zone.name, expected: null,
    message: {
      zh: `${zone.name}的${period ?? ''}报表出现${src.length}次(${where}),请只保留一份。`,
      en: `${zone.name}: the ${period ?? ''} report appears ${src.length} times (${whereEn}); keep only one.`,
    },
    explained: false,
  };
}
