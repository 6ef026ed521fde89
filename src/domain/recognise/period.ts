/**
 * Reading a report period (统计期) from text: 2026年9月, 2026年1-9月, 2026年9月份, 2026-09, 2026.9,
 * 2026/9. A quarter (2026年第三季度) or a range not starting in January is not a
 * month's cumulative and is refused with a reason. A month without a year ("9月", "1-9月") is kept as
 * such: the year then comes from elsewhere.
 */
import type { Period } from '../types';
import { cleanText } from '../cells/normalise';

export type PeriodRead =
  | { kind: 'period'; year: number | null; month: number; text: string }
  /** a quarter: its year when written, and which quarter (1-4) */
  | { kind: 'quarter'; text: string; year: number | null; q: number }
  | { kind: 'range'; text: string }
  | { kind: 'none' };

// range separators seen in local templates: - — ~ 至 – ― (NFKC turns － and ～ into - and ~)
const SEP = '[-—~至–―‐]';
const YEAR = '((?:19|20)\\d{2})';

const Y_M = new RegExp(`(?<!\\d)${YEAR}\\s*年\\s*(?:(\\d{1,2})\\s*${SEP}\\s*)?(\\d{1,2})\\s*月(?:份)?`);
const Y_SEP_M = new RegExp(`(?<!\\d)${YEAR}\\s*[-./年]\\s*(\\d{1,2})(?![\\d.])`);
const M_ONLY = new RegExp(`(?<![\\d年.\\-/])(?:(\\d{1,2})\\s*${SEP}\\s*)?(\\d{1,2})\\s*月(?:份)?`);
const QUARTER = /(第?[一二三四1-4]季度|[一二三四1-4]季|Q[1-4](?![0-9]))/i;
const Q_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Read a period from free text (a 统计期 cell, a sheet name). */
export function readPeriodText(raw: string): PeriodRead {
  const t = chineseNumerals(cleanText(raw).trim());
  if (t === '') return { kind: 'none' };
  const q = QUARTER.exec(t);
  if (q) {
    const n = Q_NUMBER[(/[一二三四1-4]/.exec(q[1]) as RegExpExecArray)[0]];
    const y = new RegExp(`(?<!\\d)${YEAR}\\s*(?:年|[-./]|(?=Q))`, 'i').exec(t);
    return { kind: 'quarter', text: raw, year: y ? Number(y[1]) : null, q: n };
  }
  let m = Y_M.exec(t);
  if (m) return fromParts(Number(m[1]), m[2], Number(m[3]), raw);
  m = Y_SEP_M.exec(t);
  if (m) return fromParts(Number(m[1]), undefined, Number(m[2]), raw);
  m = M_ONLY.exec(t);
  if (m) return fromParts(null, m[1], Number(m[2]), raw);
  return { kind: 'none' };
}

const DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "二〇二六年一至九月" → "2026年1至9月": years digit by digit, months 一…十二. Quarters are left alone. */
function chineseNumerals(t: string): string {
  return t
    .replace(/[〇零一二三四五六七八九]{4}(?=\s*年)/g, (y) => [...y].map((ch) => DIGIT[ch]).join(''))
    .replace(/(十[一二]|十|[一二三四五六七八九])(?=\s*(?:月|至|-|—|~|–))/g, (m) =>
      m === '十' ? '10' : m.startsWith('十') ? '1' + DIGIT[m[1]] : DIGIT[m],
    );
}

function fromParts(year: number | null, start: string | undefined, month: number, text: string): PeriodRead {
  if (month < 1 || month > 12) return { kind: 'none' };
  // "7-9月" is a quarter's figures, not the year-to-date cumulative the report holds.
  if (start !== undefined && Number(start) !== 1) return { kind: 'range', text };
  return { kind: 'period', year, month, text };
}

/**
 * The text with any period in it removed ("盘锦开发区2026年9月" → "盘锦开发区"), so a sheet name
 * that carries both a zone and a month still names the zone.
 */
export function stripPeriod(raw: string): string {
  return chineseNumerals(cleanText(raw))
    .replace(new RegExp(`${YEAR}\\s*(?:年|[-./])\\s*(?:\\d{1,2}\\s*${SEP}\\s*)?\\d{1,2}\\s*(?:月份|月)?`, 'g'), '')
    .replace(new RegExp(`(?:\\d{1,2}\\s*${SEP}\\s*)?\\d{1,2}\\s*月份?`, 'g'), '')
    .replace(/第?[一二三四1-4]季度/g, '')
    .replace(/^[\s_\-—()]+|[\s_\-—()]+$/g, '')
    .trim();
}

/** 'YYYY-MM' */
export function periodKey(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** 'YYYY-MM' (or a date 'YYYY-MM-DD…') → Period; null when not one. */
export function parsePeriodKey(s: string): Period | null {
  const m = /^((?:19|20)\d{2})-(\d{2})(?:-\d{2}.*)?$/.exec(s.trim());
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year: Number(m[1]), month } : null;
}
