/**
 * The quarterly early warning (季度预警, rules.md §6), zone by zone. Rules and boundaries, all judged
 * at the shown precision (growth, shares, progress and gaps to 0.1, as the bulletin writes them, so
 * a figure shown as 10.0 is exactly 10):
 * - W-NEG red: 同比 < 0 (shown below 0.0), or 由盈转亏 / 增亏.
 * - W-TARGET yellow: 0 ≤ 同比 < target growth, or < the city total's growth (Σ/Σ, 全市合计增速).
 *   At the target itself it does not fire.
 * - W-PACE-Y yellow: paceYellow ≤ gap ≤ paceRed (inclusive both ends: a gap of exactly 10.0 or 30.0
 *   is yellow); W-PACE-R red: gap > paceRed (30.1 is red). gap = 序时进度 − 完成目标 from the two
 *   shown figures.
 * - W-TAX yellow: 税收占比 < taxShareMin (70.0 does not fire, 69.9 does), or down ≥ taxShareDropPp
 *   百分点 (exactly −5.0 fires, −4.9 does not).
 * - W-LAST yellow: last in the city by composite score (every zone tied for the lowest score, but
 *   nobody when all the city's scored zones have the same score; needs ≥ 2 scored zones in the city);
 *   red when it was also last at the previous quarter end (recomputed from 历史数据). Its comparator
 *   is the city's mean score (全市平均得分).
 * - W-REPEAT orange: the indicator is yellow now and was warned (yellow or worse) at the previous
 *   quarter end, so a warning that persists keeps escalating; or growth down ≥ repeatDropPp 百分点
 *   from the previous quarter end (exactly 10.0 fires).
 * - W-ESCALATE red: red on the indicator now and at the previous quarter end (红牌警示), or orange now
 *   and at the two previous quarter ends.
 * - W-DATA gray: not rated (see consolidate.ts), included zones too.
 * `direction: lower` (a fall is good) reads every indicator rule the other way (rules.md §6): W-NEG
 * when the growth is above 0 (or a label that says the figure rose: 新增, 扭亏为盈, 减亏), W-TARGET
 * when 0 ≥ growth > the target or the city total's, W-PACE when the completion runs ahead of the
 * schedule, W-REPEAT when the growth rose by repeatDropPp or more.
 * Every figure a rule reads is a counted figure (consolidate.ts).
 * A zone's level is its worst trigger's; green when none. Triggers are kept, red first.
 */
import type { Config, Indicator } from '../../../../src/domain/config/schema';
import type { Bilingual, GrowthLabel, WarningLevel } from '../../../../src/domain/types';
import type { ZoneData } from './consolidate';
import { plainPct } from './figures';
import type { LevelMap } from './history';
import { roundHalfAway } from '../rounding';
import { shownUnits } from './rank';
import type { TotalsByIndicator } from './totals';
import type { Progress, RankGroups, Trigger, TriggerDetail, TriggerRule } from './types';
import { BULLETIN, growthWords, LEVEL_RANK, one, prefixed, worse } from './wording';
import { exactSum } from './sum';

export interface PreviousQuarter {
  period: string;
  levels: LevelMap;
  /** the previous quarter's zones (for growth), by code */
  zones: Map<string, ZoneData>;
  /** zones last in their city by composite score then */
  lastInCity: Set<string>;
}

export interface WarningInputs {
  config: Config;
  zones: ZoneData[];
  cityTotals: Record<string, TotalsByIndicator>;
  progress: Map<string, Map<string, Progress>>;
  /** `rank` of each indicator: indicator → zone → places */
  ranks: Map<string, Map<string, RankGroups | null>>;
  /** shown composite scores of rated zones */
  scores: Map<string, number | null>;
  scoreRanks: Map<string, RankGroups | null>;
  /** null when 历史数据 lacks the previous quarter end */
  prev: PreviousQuarter | null;
  /** levels two quarter ends back, null when missing */
  prev2: LevelMap | null;
  /** levels k quarter ends back (k ≥ 1), null when missing: for the consecutive-quarters count */
  levelsBack: (k: number) => LevelMap | null;
}

export interface ZoneWarning {
  level: WarningLevel;
  triggers: Trigger[];
  /** each key indicator's level (worst trigger on it; green when none), archived in 历史数据 */
  indicatorLevels: Map<string, WarningLevel>;
}

const WARNED = new Set<WarningLevel>(['yellow', 'orange', 'red']);
/** Growth labels that say the figure fell (bad when higher is better) or rose (bad when lower is). */
const FELL = new Set<GrowthLabel>(['由盈转亏', '增亏']);
const ROSE = new Set<GrowthLabel>(['新增', '扭亏为盈', '减亏']);
const LABEL_EN: Record<GrowthLabel, string> = {
  新增: 'new (none last year)', '—': 'no growth', 扭亏为盈: 'turned to profit', 由盈转亏: 'turned to loss', 减亏: 'loss decreased', 增亏: 'loss increased',
};
const labelZh = (l: GrowthLabel) => (l === '新增' ? '同比新增(上年为0)' : l);
const u1 = (x: number) => shownUnits(x, 1);

export function keyFlows(config: Config): Indicator[] {
  return config.catalogue.filter((i) => i.key && i.kind === 'flow');
}
export function keyRatios(config: Config): Indicator[] {
  return config.catalogue.filter((i) => i.key && i.kind === 'ratio');
}

export function evaluateWarnings(inp: WarningInputs): Map<string, ZoneWarning> {
  const out = new Map<string, ZoneWarning>();
  const lastSet = lastInCity(inp.zones, inp.scoreRanks);
  const cityCompletion = cityCompletions(inp);
  for (const z of inp.zones) {
    if (!z.rated) {
      const reason = prefixed(BULLETIN.gray, z.grayReason ?? { zh: '未评价', en: 'not rated' });
      const levels = new Map(warnedIndicators(inp.config).map((i) => [i.code, 'gray' as WarningLevel]));
      out.set(z.zone.code, {
        level: 'gray',
        triggers: [{ rule: 'W-DATA', indicator: null, level: 'gray', reason, detail: detail({ quarters: 0 }) }],
        indicatorLevels: levels,
      });
      continue;
    }
    out.set(z.zone.code, zoneWarning(inp, z, lastSet, cityCompletion));
  }
  return out;
}

function warnedIndicators(config: Config): Indicator[] {
  return [...keyFlows(config), ...keyRatios(config)];
}

function detail(d: Partial<TriggerDetail>): TriggerDetail {
  return { value: null, target: null, cityTotal: null, cityMeanScore: null, gap_pp: null, rank: null, quarters: 1, ...d };
}

function zoneWarning(
  inp: WarningInputs,
  z: ZoneData,
  lastSet: Set<string>,
  cityCompletion: Map<string, Map<string, number>>,
): ZoneWarning {
  const { config } = inp;
  const w = config.warnings;
  const code = z.zone.code;
  const city = z.zone.city;
  const totals = city !== null ? inp.cityTotals[city] : undefined;
  const triggers: Trigger[] = [];
  const push = (rule: TriggerRule, ind: Indicator | null, level: WarningLevel, tag: Bilingual, body: Bilingual, d: Partial<TriggerDetail>) =>
    triggers.push({ rule, indicator: ind?.code ?? null, level, reason: prefixed(tag, body), detail: detail(d) });
  const rankOf = (ind: Indicator) => inp.ranks.get(ind.code)?.get(code)?.city ?? null;

  for (const ind of keyFlows(config)) {
    const f = z.counted.get(ind.code);
    if (!f) continue;
    const g = f.growth;
    const lower = ind.direction === 'lower';
    const cityYoy = totals?.[ind.code]?.yoy ?? null;
    const name = { zh: ind.name, en: ind.nameEn };
    const common = { cityTotal: cityYoy, rank: rankOf(ind), gap_pp: inp.progress.get(code)?.get(ind.code)?.gap_pp ?? null };
    if (plainPct(g) !== null && g.shown !== null) {
      // higher: a fall is bad; lower (a fall is good): a rise is bad. `gu` is the growth as shown, in
      // tenths, turned so that below zero is always the bad side.
      const gu = lower ? -u1(g.shown) : u1(g.shown);
      const words = growthWords(g.shown);
      if (gu < 0) {
        push('W-NEG', ind, 'red', BULLETIN.red, { zh: `${name.zh}同比${words.zh}`, en: `${name.en} ${words.en} year on year` }, { ...common, value: g.shown, target: 0 });
      } else {
        const worseThan = (x: number) => (lower ? u1(g.shown!) > u1(x) : u1(g.shown!) < u1(x));
        const belowTarget = ind.targetGrowth !== null && worseThan(ind.targetGrowth);
        const belowCity = w.belowCityTotal && cityYoy !== null && worseThan(cityYoy);
        if (belowTarget || belowCity) {
          const side = lower ? { zh: '高于', en: 'above' } : { zh: '低于', en: 'below' };
          const zh: string[] = [], en: string[] = [];
          if (belowTarget) { zh.push(`${side.zh}目标增速${one(ind.targetGrowth!)}%`); en.push(`${side.en} the target growth of ${one(ind.targetGrowth!)}%`); }
          if (belowCity) { zh.push(`${side.zh}全市合计增速${one(cityYoy!)}%`); en.push(`${side.en} the city total's growth of ${one(cityYoy!)}%`); }
          push('W-TARGET', ind, 'yellow', BULLETIN.yellow,
            { zh: `${name.zh}同比${words.zh},${zh.join(',')}`, en: `${name.en} ${words.en} year on year, ${en.join(', ')}` },
            { ...common, value: g.shown, target: belowTarget ? ind.targetGrowth : null });
        }
      }
    } else if (g.label !== null && (lower ? ROSE : FELL).has(g.label)) {
      push('W-NEG', ind, 'red', BULLETIN.red, { zh: `${name.zh}${labelZh(g.label)}`, en: `${name.en}: ${LABEL_EN[g.label]}` }, common);
    }
    const p = inp.progress.get(code)?.get(ind.code);
    if (p) {
      // lower: a completion running AHEAD of the schedule is the bad side (a cap used up too fast)
      const gapU = lower ? -u1(p.gap_pp) : u1(p.gap_pp);
      const gapShown = lower ? -p.gap_pp : p.gap_pp;
      const body = lower
        ? {
            zh: `${name.zh}完成年度目标${one(p.completion)}%,超过序时进度${one(gapShown)}个百分点`,
            en: `${name.en} at ${one(p.completion)}% of the annual target, ${one(gapShown)} pp ahead of schedule`,
          }
        : {
            zh: `${name.zh}完成年度目标${one(p.completion)}%,低于序时进度${one(p.gap_pp)}个百分点`,
            en: `${name.en} at ${one(p.completion)}% of the annual target, ${one(p.gap_pp)} pp behind schedule`,
          };
      const pd = { ...common, value: p.completion, target: p.schedule, gap_pp: p.gap_pp, cityTotal: cityCompletion.get(city ?? '')?.get(ind.code) ?? null };
      if (gapU > u1(w.paceRedPp)) push('W-PACE-R', ind, 'red', BULLETIN.red, body, pd);
      else if (gapU >= u1(w.paceYellowPp)) push('W-PACE-Y', ind, 'yellow', BULLETIN.yellow, body, pd);
    }
  }

  for (const ind of keyRatios(config)) {
    const f = z.counted.get(ind.code);
    if (!f || f.ytd === null) continue;
    const share = roundHalfAway(f.ytd, 1);
    const change = f.growth.unit === 'pp' ? f.growth.shown : null;
    const low = u1(share) < u1(w.taxShareMin);
    const drop = change !== null && u1(change) <= -u1(w.taxShareDropPp);
    if (low || drop) {
      const zh: string[] = [], en: string[] = [];
      if (low) { zh.push(`低于${one(w.taxShareMin)}%`); en.push(`below ${one(w.taxShareMin)}%`); }
      if (drop) { zh.push(`比上年下降${one(-change!)}个百分点`); en.push(`down ${one(-change!)} pp on last year`); }
      const cityShare = totals?.[ind.code]?.ytd ?? null;
      push('W-TAX', ind, 'yellow', BULLETIN.yellow,
        { zh: `${ind.name}${one(share)}%,${zh.join(',')}`, en: `${ind.nameEn} ${one(share)}%, ${en.join(', ')}` },
        { value: share, target: w.taxShareMin, cityTotal: cityShare === null ? null : roundHalfAway(cityShare, 1), rank: rankOf(ind) });
    }
  }

  // level of each indicator before the rules that look back
  const levels = new Map<string, WarningLevel>(warnedIndicators(config).map((i) => [i.code, 'green' as WarningLevel]));
  const raise = (t: Trigger) => {
    if (t.indicator !== null && levels.has(t.indicator)) levels.set(t.indicator, worse(levels.get(t.indicator)!, t.level));
  };
  triggers.forEach(raise);

  const prev = inp.prev;
  if (prev) {
    const before = prev.levels.get(code);
    for (const ind of warnedIndicators(config)) {
      const pl = before?.get(ind.code);
      const name = { zh: ind.name, en: ind.nameEn };
      if (levels.get(ind.code) === 'yellow' && pl !== undefined && WARNED.has(pl)) {
        const t: Trigger = {
          rule: 'W-REPEAT', indicator: ind.code, level: 'orange',
          reason: prefixed(BULLETIN.orange, { zh: `${name.zh}连续两个季度预警(上季度${levelZh(pl)})`, en: `${name.en} warned two quarters running (last quarter ${pl})` }),
          detail: detail({ rank: rankOf(ind) }),
        };
        triggers.push(t);
      }
      const cur = plainPct(z.counted.get(ind.code)?.growth);
      const pz = prev.zones.get(code);
      const before2 = pz?.counted.get(ind.code)?.growth;
      const prevG = plainPct(before2);
      const curShown = z.counted.get(ind.code)?.growth.shown ?? null;
      if (ind.kind === 'flow' && cur !== null && prevG !== null && curShown !== null && before2?.shown != null) {
        // lower: a RISE of the growth is the bad side
        const lower = ind.direction === 'lower';
        const dropU = lower ? u1(curShown) - u1(before2.shown) : u1(before2.shown) - u1(curShown);
        if (dropU >= u1(config.warnings.repeatDropPp)) {
          const moved = lower ? { zh: '上升', en: 'higher' } : { zh: '回落', en: 'lower' };
          triggers.push({
            rule: 'W-REPEAT', indicator: ind.code, level: 'orange',
            reason: prefixed(BULLETIN.orange, {
              zh: `${name.zh}增速比上季末${moved.zh}${one(dropU / 10)}个百分点(${one(before2.shown)}%→${one(curShown)}%)`,
              en: `${name.en} growth ${one(dropU / 10)} pp ${moved.en} than at the last quarter end (${one(before2.shown)}% → ${one(curShown)}%)`,
            }),
            detail: detail({ value: curShown, target: before2.shown, rank: rankOf(ind) }),
          });
        }
      }
    }
    triggers.forEach(raise);
    const before2Levels = inp.prev2?.get(code);
    for (const ind of warnedIndicators(config)) {
      const now = levels.get(ind.code);
      const p1 = before?.get(ind.code);
      const p2 = before2Levels?.get(ind.code);
      const name = { zh: ind.name, en: ind.nameEn };
      if (now === 'red' && p1 === 'red') {
        triggers.push({
          rule: 'W-ESCALATE', indicator: ind.code, level: 'red',
          reason: prefixed(BULLETIN.redCard, { zh: `${name.zh}连续两个季度红色预警`, en: `${name.en} red two quarters running` }),
          detail: detail({ rank: rankOf(ind) }),
        });
      } else if (now === 'orange' && p1 === 'orange' && p2 === 'orange') {
        triggers.push({
          rule: 'W-ESCALATE', indicator: ind.code, level: 'red',
          reason: prefixed(BULLETIN.red, { zh: `${name.zh}连续三个季度橙色预警`, en: `${name.en} orange three quarters running` }),
          detail: detail({ rank: rankOf(ind) }),
        });
      }
    }
    triggers.forEach(raise);
  }

  if (lastSet.has(code)) {
    const score = inp.scores.get(code) ?? null;
    const both = prev !== null && prev.lastInCity.has(code);
    const mean = cityMeanScore(inp, city);
    const meanText = mean === null ? { zh: '', en: '' } : { zh: `(全市平均得分${one(mean)}分)`, en: ` (city mean score ${one(mean)})` };
    push('W-LAST', null, both ? 'red' : 'yellow', both ? BULLETIN.red : BULLETIN.yellow,
      both
        ? { zh: `综合得分${one(score ?? 0)}分,连续两个季度全市末位${meanText.zh}`, en: `composite score ${one(score ?? 0)}, last in the city two quarters running${meanText.en}` }
        : { zh: `综合得分${one(score ?? 0)}分,全市末位${meanText.zh}`, en: `composite score ${one(score ?? 0)}, last in the city${meanText.en}` },
      { value: score, cityMeanScore: mean, rank: inp.scoreRanks.get(code)?.city ?? null, quarters: both ? 2 : 1 });
  }

  // consecutive quarters with a warning on each indicator (this one included)
  for (const t of triggers) {
    if (t.indicator === null) continue;
    let k = 1;
    while (k < 40) {
      const lv = inp.levelsBack(k)?.get(code)?.get(t.indicator);
      if (lv === undefined || !WARNED.has(lv)) break;
      k++;
    }
    t.detail.quarters = k;
  }

  triggers.sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  const level = triggers.reduce<WarningLevel>((acc, t) => worse(acc, t.level), 'green');
  return { level, triggers, indicatorLevels: levels };
}

function levelZh(l: WarningLevel): string {
  return { red: '红色', orange: '橙色', yellow: '黄色', green: '绿色', gray: '灰色' }[l];
}

/**
 * Zones last in their city by shown composite score (cities with at least two scored zones): every
 * zone sharing the lowest score is last, but when all of a city's scored zones share one score nobody
 * is (rules.md §6, "Ties for last"): with competition ranking that is a worst place of 1.
 */
export function lastInCity(zones: ZoneData[], scoreRanks: Map<string, RankGroups | null>): Set<string> {
  const worst = new Map<string, { n: number; of: number }>();
  for (const z of zones) {
    const r = scoreRanks.get(z.zone.code)?.city;
    if (!r || z.zone.city === null) continue;
    const w = worst.get(z.zone.city);
    if (!w || r.n > w.n) worst.set(z.zone.city, { n: r.n, of: r.of });
  }
  const out = new Set<string>();
  for (const z of zones) {
    const r = scoreRanks.get(z.zone.code)?.city;
    const w = z.zone.city !== null ? worst.get(z.zone.city) : undefined;
    if (r && w && w.of >= 2 && w.n > 1 && r.n === w.n) out.add(z.zone.code);
  }
  return out;
}

function cityMeanScore(inp: WarningInputs, city: string | null): number | null {
  if (city === null) return null;
  const xs = inp.zones.filter((z) => z.rated && z.zone.city === city).map((z) => inp.scores.get(z.zone.code)).filter((s): s is number => s != null);
  return xs.length ? roundHalfAway(exactSum(xs) / xs.length, 1) : null;
}

/** The city total's 完成目标 % (Σ ytd / Σ target over the counted figures with both), shown. */
function cityCompletions(inp: WarningInputs): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const ind of keyFlows(inp.config)) {
    const groups = new Map<string, { y: number[]; t: number[] }>();
    for (const z of inp.zones) {
      const f = z.counted.get(ind.code);
      if (z.zone.city === null || !f || f.ytd === null || f.target === null || f.target <= 0) continue;
      const g = groups.get(z.zone.city) ?? { y: [], t: [] };
      g.y.push(f.ytd); g.t.push(f.target);
      groups.set(z.zone.city, g);
    }
    for (const [city, g] of groups) {
      const m = out.get(city) ?? new Map<string, number>();
      m.set(ind.code, roundHalfAway((exactSum(g.y) / exactSum(g.t)) * 100, 1));
      out.set(city, m);
    }
  }
  return out;
}
