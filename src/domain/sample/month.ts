/**
 * Sample monthly figures for any number of zones and any month, consistent the way a real report is:
 * partitions add up exactly (一般公共预算收入 = 税收收入 + 非税收入, 进出口 = 出口 + 进口), "其中" items
 * never exceed their parent, monotone flows rise month to month, counts are integers, 本月 is this
 * month's cumulative minus last month's, and 上年同期累计 is exactly what the same generator gives for
 * that month last year (so the history of earlier months agrees with V-BASE, V-MONTH and V-CUM).
 *
 * Money is generated in integer tenths of 万元 and shown with one decimal, so sums are exact.
 * Growth is drawn per zone and year (a momentum shared by its indicators) plus noise per indicator,
 * between about −15% and +23% in all. Two zones carry growth
 * labels on purpose: the 3rd zone of the list has no 实际使用外资 before `labelYear` (同比 新增) and
 * the 4th zone's profit turns to a loss in `labelYear` (由盈转亏). Each zone has its own random stream
 * (seeded from its code), so generation is O(n) and a zone's figures do not depend on n.
 */
import type { HistoryRow, Period, Zone } from '../types';
import { roundHalfAway } from '../rounding';
import { rngFor, type Rng } from './prng';

/** One indicator row of a sample report, in catalogue units. */
export interface SampleRow {
  month: number | null;
  ytd: number | null;
  base: number | null;
  target: number | null;
  /** 说明: the clerk's explanation, when the figure needs one */
  note?: string;
}
/** indicator code → row */
export type SampleValues = Record<string, SampleRow>;

export interface SampleZoneMonth {
  zone: Zone;
  period: Period;
  values: SampleValues;
}

export interface SampleOptions {
  /** seed of every random stream (default 2026) */
  seed?: number;
  /** the year in which the labelled cases (新增, 由盈转亏) appear (default 2026) */
  labelYear?: number;
}

/** The catalogue codes the generator fills, in template order. */
export const SAMPLE_CODES = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12',
  '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23',
] as const;

/** Indicators that get a 年度目标 (key indicators and those scored by completion). */
const TARGET_CODES = new Set(['01', '04', '08', '09', '11', '12', '15', '16', '19', '20', '21', '22', '23']);
const COUNT_CODES = new Set(['19', '20', '23']);
/** Independent flow drivers (the others are derived from them). */
const MONEY_DRIVERS = ['01', '08', '12', '13', '15', '17', '18', '21', '22'] as const;
const COUNT_DRIVERS = ['19', '23'] as const;
const FLOW_CODES = ['01', '02', '04', '05', '08', '09', '10', '11', '12', '13', '15', '16', '17', '18', '19', '20', '21', '22', '23'];
/** no January report (indicators.md janExempt) */
const JAN_EXEMPT = new Set(['04', '05', '08', '09', '10']);
const REFERENCE_YEAR = 2025;
/** Monthly seasonality of flows (February low, December high). */
const SEASON = [0.8, 0.7, 1, 1, 1, 1.05, 1, 1, 1.05, 1, 1.05, 1.25];

interface ZoneParams {
  national: boolean;
  /** full-year amounts of the reference year, per driver (万元, 万美元 or a count) */
  ref: Record<string, number>;
  special: 'fdiNew' | 'profitLoss' | null;
  key: string;
}

function paramsOf(zone: Zone, index: number, seed: number): ZoneParams {
  const key = `${seed}|${zone.code}`;
  const r = rngFor(key + '|ref');
  const national = zone.level === '国家级';
  // 规上工业总产值 full year: national 400,000–3,600,000 万元, provincial 80,000–700,000 (log-uniform),
  // so that 1-9月 of a national zone lies around 300,000–2,700,000 万元.
  const [lo, hi] = national ? [4e5, 3.6e6] : [8e4, 7e5];
  const S = Math.exp(r.range(Math.log(lo), Math.log(hi)));
  const budget = S * r.range(0.03, 0.06);
  const taxShare = r.range(0.74, 0.92);
  const signed = national ? r.range(60, 150) : r.range(25, 60);
  const signedInvestment = signed * r.range(8000, 25000);
  return {
    national,
    ref: {
      '01': S,
      '08': S * r.range(0.25, 0.6),
      '12': budget * taxShare,
      '13': budget * (1 - taxShare),
      '15': (S * r.range(0.004, 0.015)) / 7,
      '17': S * r.range(0.1, 0.35),
      '18': S * r.range(0.05, 0.2),
      '21': signedInvestment,
      '22': signedInvestment * r.range(0.3, 0.6),
      '19': signed,
      '23': signed * r.range(0.4, 0.7),
      firms: Math.max(40, S / r.range(4000, 8000)),
    },
    special: index === 2 ? 'fdiNew' : index === 3 ? 'profitLoss' : null,
    key,
  };
}

/**
 * Growth factor of a driver from year y-1 to year y: the zone's momentum that year (shared by all its
 * indicators, between −6% and +14%: zones grow or slow as a whole, as real ones do) plus noise of its
 * own per indicator (±9%, ±6% for counts). So a typical month has a few strong zones, most growing,
 * and one or two falling on several indicators — not every zone falling somewhere.
 */
function growth(p: ZoneParams, code: string, year: number): number {
  const momentum = rngFor(`${p.key}|${year}|momentum`).range(-0.06, 0.14);
  const r = rngFor(`${p.key}|${year}|${code}|g`);
  const noise = COUNT_CODES.has(code) || code === 'firms' ? r.range(-0.06, 0.06) : r.range(-0.09, 0.09);
  return 1 + momentum + noise;
}

/** Full-year amount of a driver in a year, ignoring the labelled special cases. */
function annual(p: ZoneParams, code: string, year: number): number {
  let a = p.ref[code];
  for (let y = REFERENCE_YEAR + 1; y <= year; y++) a *= growth(p, code, y);
  for (let y = REFERENCE_YEAR; y > year; y--) a /= growth(p, code, y);
  return a;
}

interface YearModel {
  year: number;
  /** cumulative share of the year's flow at the end of month m (index m, 0..12) */
  frac: number[];
  amount: (code: string) => number;
  share: Record<'02' | '04' | '05' | '09' | '10' | '20', number>;
}

function yearModel(p: ZoneParams, year: number, labelYear: number): YearModel {
  const r: Rng = rngFor(`${p.key}|${year}|year`);
  const w = SEASON.map((s) => s * (1 + r.range(-0.05, 0.05)));
  const total = w.reduce((a, b) => a + b, 0);
  const frac = [0];
  for (let m = 1; m <= 12; m++) frac.push(m === 12 ? 1 : frac[m - 1] + w[m - 1] / total);
  // Shares are the zone's own and move only a little from year to year, as in real structures,
  // so a child's growth stays close to its parent's.
  const z = rngFor(`${p.key}|shares`);
  const base = { '02': z.range(0.2, 0.5), '04': z.range(0.9, 1.05), '05': z.range(0.03, 0.08), '09': z.range(0.4, 0.6), '10': z.range(0.15, 0.3), '20': z.range(0.3, 0.45) };
  const drift = (x: number, pct: number): number => x * (1 + r.range(-pct, pct));
  const margin = p.special === 'profitLoss' && year === labelYear ? -r.range(0.01, 0.025) : drift(base['05'], 0.08);
  return {
    year,
    frac,
    amount: (code) => (p.special === 'fdiNew' && code === '15' && year < labelYear ? 0 : annual(p, code, year)),
    share: {
      '02': drift(base['02'], 0.05),
      '04': drift(base['04'], 0.02),
      '05': margin,
      '09': drift(base['09'], 0.05),
      '10': drift(base['10'], 0.05),
      '20': drift(base['20'], 0.05),
    },
  };
}

/** Cumulative values through month m (1-12) of every indicator, money in tenths of 万元. */
function cumulative(p: ZoneParams, y: YearModel, m: number): Record<string, number> {
  const f = y.frac[m];
  const tenths = (x: number): number => Math.round(x * 10);
  const out: Record<string, number> = {};
  for (const code of MONEY_DRIVERS) out[code] = tenths(y.amount(code) * f);
  const out01 = y.amount('01') * f;
  out['02'] = tenths(out01 * y.share['02']);
  const rev = out01 * y.share['04'];
  out['04'] = tenths(rev);
  out['05'] = tenths(rev * y.share['05']);
  const inv = y.amount('08') * f;
  out['09'] = tenths(inv * y.share['09']);
  out['10'] = tenths(inv * y.share['10']);
  out['11'] = out['12'] + out['13'];
  out['16'] = out['17'] + out['18'];
  for (const code of COUNT_DRIVERS) out[code] = Math.max(code === '19' ? 1 : 0, Math.floor(y.amount(code) * f));
  out['20'] = Math.floor(out['19'] * y.share['20']);
  return out;
}

function stockAt(p: ZoneParams, year: number, m: number): { firms: number; loss: number } {
  const firms = Math.round(annual(p, 'firms', year) * (0.97 + 0.03 * (m / 12)));
  const lossShare = rngFor(`${p.key}|loss`).range(0.1, 0.2) * rngFor(`${p.key}|${year}|loss`).range(0.95, 1.05);
  return { firms, loss: Math.round(firms * lossShare) };
}

function rateAt(p: ZoneParams, year: number, m: number): number {
  return roundHalfAway(rngFor(`${p.key}|${year}|${m}|va`).range(-3, 14), 1);
}

/** 税收占比 as the template's formula computes it: ROUND(tax / budget × 100, 1), '' → null. */
export function taxShareShown(tax: number | null, budget: number | null): number | null {
  if (tax === null || budget === null || !(budget > 0)) return null;
  return roundHalfAway((tax / budget) * 100, 1);
}

const isMoney = (code: string): boolean => !COUNT_CODES.has(code);
const show = (code: string, units: number): number => (isMoney(code) ? units / 10 : units);

function zoneMonth(zone: Zone, index: number, period: Period, seed: number, labelYear: number): SampleZoneMonth {
  const p = paramsOf(zone, index, seed);
  const { year, month } = period;
  const cur = yearModel(p, year, labelYear);
  const prev = yearModel(p, year - 1, labelYear);
  const now = cumulative(p, cur, month);
  const before = month > 1 ? cumulative(p, cur, month - 1) : null;
  const base = cumulative(p, prev, month);
  const values: SampleValues = {};
  for (const code of FLOW_CODES) {
    // No January report for janExempt indicators (the first report of the year is 1-2月).
    if (month === 1 && JAN_EXEMPT.has(code)) {
      values[code] = { month: null, ytd: null, base: null, target: null };
      continue;
    }
    const monthUnits = before ? now[code] - before[code] : now[code];
    const target = TARGET_CODES.has(code)
      ? isMoney(code)
        ? Math.round(annualNoSpecial(p, code, year - 1) * (1 + rngFor(`${p.key}|${year}|${code}|t`).range(0.05, 0.12)))
        : Math.round(annualNoSpecial(p, code, year - 1) * 1.08)
      : null;
    values[code] = {
      month: show(code, monthUnits),
      ytd: show(code, now[code]),
      base: show(code, base[code]),
      target,
    };
  }
  const s = stockAt(p, year, month);
  const sb = stockAt(p, year - 1, month);
  values['06'] = { month: null, ytd: s.firms, base: sb.firms, target: null };
  values['07'] = { month: null, ytd: s.loss, base: sb.loss, target: null };
  values['03'] = { month: null, ytd: rateAt(p, year, month), base: null, target: null };
  values['14'] = {
    month: null,
    ytd: taxShareShown(values['12'].ytd, values['11'].ytd),
    base: taxShareShown(values['12'].base, values['11'].base),
    target: null,
  };
  // The labelled cases carry the clerk's explanation in 说明, as a careful clerk writes it.
  if (p.special === 'profitLoss' && year === labelYear) values['05'].note = '受主要产品价格下跌影响,利润由盈转亏';
  if (p.special === 'fdiNew' && year === labelYear) values['15'].note = '新引进外资项目首次到资,上年同期为0';
  const ordered: SampleValues = {};
  for (const code of SAMPLE_CODES) ordered[code] = values[code];
  return { zone, period, values: ordered };
}

/** Full-year amount used for targets: derived indicators from their drivers, specials ignored. */
function annualNoSpecial(p: ZoneParams, code: string, year: number): number {
  switch (code) {
    case '04':
      return annual(p, '01', year) * 0.97;
    case '09':
      return annual(p, '08', year) * 0.5;
    case '11':
      return annual(p, '12', year) + annual(p, '13', year);
    case '16':
      return annual(p, '17', year) + annual(p, '18', year);
    case '20':
      return annual(p, '19', year) * 0.38;
    default:
      return annual(p, code, year);
  }
}

/** The sample figures of every zone for one month. O(zones). */
export function sampleMonth(zones: Zone[], period: Period, opts: SampleOptions = {}): SampleZoneMonth[] {
  const seed = opts.seed ?? 2026;
  const labelYear = opts.labelYear ?? 2026;
  return zones.map((z, i) => zoneMonth(z, i, period, seed, labelYear));
}

export function periodKeyOf(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** History rows (历史数据) of these zones for the given earlier months, as archived reports. */
export function sampleHistory(zones: Zone[], periods: Period[], opts: SampleOptions = {}): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const period of periods) {
    for (const zm of sampleMonth(zones, period, opts)) {
      for (const [code, v] of Object.entries(zm.values)) {
        if (v.ytd === null && v.base === null) continue;
        rows.push({ period: periodKeyOf(period), zone: zm.zone.code, indicator: code, ytd: v.ytd, base: v.base, target: v.target, level: null });
      }
    }
  }
  return rows;
}
