/**
 * Header labels of a report sheet (template.md §1): which column a normalised label names. Labels
 * arrive through normaliseLabel (NFKC, spaces and line breaks removed), so "同比增长（%）" and
 * "同比增长 (%)" are the same label. A trailing unit in brackets ("本月(万元)") is ignored.
 */
import type { ColumnKey } from '../types';
import { normaliseLabel } from '../cells/normalise';

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
  /** the year of a dated cumulative label ("2026年1-9月"): this year's or last year's column */
  year?: number;
}

// "2026年1-9月" (累计): columns named by their year, this year's beside last year's.
const YTD_DATED = /^((?:19|20)\d{2})年1(?:-|—|~|至|–|―|‐)(\d{1,2})月(?:止)?(?:累计)?(?:数)?$/;

/** Which column a header cell names; null when none. */
export function matchColumnLabel(raw: string): ColumnMatch | null {
  const label = normaliseLabel(raw);
  if (label === '') return null;
  const direct = matchOne(label);
  if (direct) return direct;
  // "本月(万元)", "1-9月累计(亿元)": the unit in brackets does not change what the column is.
  const stripped = label.replace(/\([^()]*\)$/, '');
  return stripped !== label && stripped !== '' ? matchOne(stripped) : null;
}

function matchOne(label: string): ColumnMatch | null {
  const key = LABELS.get(label);
  if (key) return { key };
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
export const VALUE_COLUMNS: readonly ColumnKey[] = ['month', 'ytd', 'base', 'yoy', 'target'];

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
};
