/**
 * Header labels of a report sheet (template.md §1, §5): which column a normalised label names. Labels
 * arrive through normaliseLabel (NFKC, spaces and line breaks removed), so "同比增长（%）" and
 * "同比增长 (%)" are the same label. A trailing unit in brackets ("本月(万元)") does not change what
 * the column is, and is kept as the column's unit; a trailing remark ("本年累计(至本季末)") is dropped.
 * Labels carrying the year ("2026年1-9月", "2026年9月") keep it; a label that looks like a period but
 * cannot be read ("20261-9") is told apart, so that the clerk is asked rather than a guess made.
 */
import type { ColumnKey } from '../types';
import { normaliseLabel } from '../cells/normalise';
import { isKnownUnit, normaliseUnit } from '../cells/units';

const LABEL_LIST: Record<string, ColumnKey> = {
  指标名称: 'name', 指标: 'name', 项目: 'name',
  代码: 'code', 指标代码: 'code',
  计量单位: 'unit', 单位: 'unit',
  本月: 'month', 当月: 'month', 本月数: 'month',
  '1-本月累计': 'ytd', 本月止累计: 'ytd', 本年累计: 'ytd', 累计: 'ytd',
  上年同期累计: 'base', 上年同期: 'base', 去年同期: 'base', 上年同期数: 'base',
  '同比增长(%)': 'yoy', '同比±%': 'yoy', '同比增减(%)': 'yoy', '增长%': 'yoy',
  // spelled without the %-sign or with it in other places: the same column
  同比: 'yoy', 同比增长: 'yoy', 同比增减: 'yoy', '同比±(%)': 'yoy', '同比(%)': 'yoy', '增长(%)': 'yoy', '同比增长%': 'yoy', '同比增减%': 'yoy',
  // other wordings seen in local templates (the spec's list is not exhaustive: "reads by labels")
  '增幅(%)': 'yoy', '增速(%)': 'yoy', '增幅%': 'yoy', '增速%': 'yoy', '比上年同期增长(%)': 'yoy', '比上年同期增减(%)': 'yoy', '比上年增长(%)': 'yoy',
  本年累计数: 'ytd', 累计数: 'ytd', 本年止累计: 'ytd',
  上年同期累计数: 'base', 去年同期累计: 'base', 上年累计: 'base',
  年度目标: 'target', 全年目标: 'target', 目标任务: 'target', 年度目标任务: 'target', 全年目标任务: 'target',
  说明: 'note', 备注: 'note', 情况说明: 'note',
  // template.md §5: the value of a zone's sub-columns, a growth column after each of 本月 and 累计,
  // quarter forms, a published rank
  绝对额: 'ytd', 绝对数: 'ytd', 绝对值: 'ytd', 完成额: 'ytd', 完成值: 'ytd',
  累计增长: 'yoy', '累计增长(%)': 'yoy', '累计增长%': 'yoy', 累计增速: 'yoy', '累计增速(%)': 'yoy', 累计同比: 'yoy', '累计同比(%)': 'yoy', 累计同比增长: 'yoy', '累计同比增长(%)': 'yoy',
  本月增长: 'monthYoy', '本月增长(%)': 'monthYoy', '本月增长%': 'monthYoy', 当月增长: 'monthYoy', '当月增长(%)': 'monthYoy', 本月同比: 'monthYoy', '本月同比(%)': 'monthYoy', 当月同比: 'monthYoy', '当月同比(%)': 'monthYoy', 本月增速: 'monthYoy', '本月增速(%)': 'monthYoy',
  上年同月: 'monthBase', 去年同月: 'monthBase', 上年本月: 'monthBase',
  本季: 'quarter', 本季度: 'quarter', 本季数: 'quarter', 本季度数: 'quarter', 当季: 'quarter',
  位次: 'rank', 排名: 'rank', 排位: 'rank', 名次: 'rank', 全市位次: 'rank', 全市排名: 'rank', 全省位次: 'rank', 全省排名: 'rank',
  增速位次: 'rank', 增幅位次: 'rank', 增速排名: 'rank', 总量位次: 'rank', 总额位次: 'rank', 总量排名: 'rank',
};

// A Map, not the object: a header cell reading "constructor" or "toString" must not find
// Object.prototype's members and be taken for a column.
const LABELS: ReadonlyMap<string, ColumnKey> = new Map(Object.entries(LABEL_LIST));

// 1-N月 (1-9月, 1—9月, 1~9月, 1至9月), optionally followed by 累计; and 1-本月累计 with other dashes.
const YTD_N = /^1(?:-|—|~|至|–|―|‐)(\d{1,2}|本)月(?:止)?(?:累计)?(?:数)?$/;

export interface ColumnMatch {
  key: ColumnKey;
  /** N of a "1-N月" label: the last month the column covers */
  n?: number;
  /** the year of a dated label ("2026年1-9月", "2026年9月"): this year's or last year's column */
  year?: number;
  /** a unit in brackets after the label ("总产值(亿元)", "本月(万元)") */
  unit?: string;
  /** a 位次 column that says what it ranks ("增速位次", "总量位次") */
  ranks?: 'growth' | 'value';
}

// "2026年1-9月" (累计): columns named by their year, this year's beside last year's.
const YTD_DATED = /^((?:19|20)\d{2})年1(?:-|—|~|至|–|―|‐)(\d{1,2})月(?:止)?(?:累计)?(?:数)?$/;

// "2026年9月": a month's column of a dated pair ("2026年9月 | 2025年9月").
const MONTH_DATED = /^((?:19|20)\d{2})年(\d{1,2})月(?:份)?(?:数)?$/;
// What a period label written without its 年 / 月 looks like: "20261-9", "2026.1-9", "202609", "2026".
const PERIOD_LIKE = /^(?:19|20)\d{2}(?:[年.\-/]?\d{1,2}(?:[-—~至–―‐]\d{1,2})?月?(?:累计)?(?:数)?)?$/;

/** Which column a header cell names; null when none. */
export function matchColumnLabel(raw: string): ColumnMatch | null {
  const label = normaliseLabel(raw);
  if (label === '') return null;
  const direct = matchOne(label);
  if (direct) return direct;
  // "本月(万元)", "1-9月累计(亿元)": the unit in brackets does not change what the column is (and is
  // the column's unit); "本年累计(至本季末)": a remark in brackets neither.
  const m = /^(.+?)\(([^()]*)\)$/.exec(label);
  if (!m) return null;
  const inner = matchOne(m[1]);
  if (!inner) return null;
  const unit = normaliseUnit(m[2]);
  return isKnownUnit(unit) && unit !== '%' && unit !== '百分比' ? { ...inner, unit } : inner;
}

/**
 * A header label that looks like a period but cannot be read as one ("20261-9": the 年 and 月 lost):
 * the column is not guessed at; the clerk is asked. Null for any other label.
 */
export function damagedPeriodLabel(raw: string): string | null {
  const label = normaliseLabel(raw);
  return PERIOD_LIKE.test(label) && !matchColumnLabel(label) ? label : null;
}

function matchOne(label: string): ColumnMatch | null {
  const key = LABELS.get(label);
  if (key) {
    if (key !== 'rank') return { key };
    return /增速|增幅/.test(label) ? { key, ranks: 'growth' } : /总量|总额/.test(label) ? { key, ranks: 'value' } : { key };
  }
  const md = MONTH_DATED.exec(label);
  if (md) {
    const n = Number(md[2]);
    return n >= 1 && n <= 12 ? { key: 'month', n, year: Number(md[1]) } : null;
  }
  const d = YTD_DATED.exec(label);
  if (d) {
    const n = Number(d[2]);
    return n >= 1 && n <= 12 ? { key: 'ytd', n, year: Number(d[1]) } : null;
  }
  const m = YTD_N.exec(label);
  if (!m) return null;
  if (m[1] === '本') return { key: 'ytd' };
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? { key: 'ytd', n } : null;
}

/** Columns holding figures: a header row needs the name column and at least two of these. */
export const VALUE_COLUMNS: readonly ColumnKey[] = ['month', 'ytd', 'base', 'yoy', 'target', 'quarter', 'monthYoy'];

/** How each column is named to a clerk. */
export const COLUMN_NAMES: Record<ColumnKey, { zh: string; en: string }> = {
  name: { zh: '指标名称', en: 'indicator name' },
  code: { zh: '代码', en: 'code' },
  unit: { zh: '计量单位', en: 'unit' },
  month: { zh: '本月', en: 'this month' },
  ytd: { zh: '1-本月累计', en: 'year to date' },
  base: { zh: '上年同期累计', en: 'same period last year' },
  yoy: { zh: '同比增长(%)', en: 'year-on-year growth (%)' },
  target: { zh: '年度目标', en: 'annual target' },
  note: { zh: '说明', en: 'note' },
  quarter: { zh: '本季', en: 'this quarter' },
  monthYoy: { zh: '本月增长(%)', en: "this month's growth (%)" },
  monthBase: { zh: '上年同月', en: 'same month last year' },
  rank: { zh: '位次', en: 'rank' },
};
