/**
 * Finding the header row of a report sheet (template.md §1, §5): the first row within the first 15
 * holding the indicator-name column and at least two value columns, labels compared after
 * normalisation, columns in any order. Also a two-row header: value labels under a label merged over
 * them (累计 over 本年 | 上年同期 | 增长%), or under a group that names something else — a zone
 * (高新区直管园 over 绝对额 | 同比) or a period. When there is none, says whether the sheet still looks
 * like a report attempt (then it is a layout error, not a sheet to skip) and which columns are missing.
 */
import type { ColumnKey } from '../types';
import type { GridView } from './grid';
import { damagedPeriodLabel, matchColumnLabel, VALUE_COLUMNS, type ColumnMatch } from './labels';

export const HEADER_SCAN_ROWS = 15;

/** Sub-columns of a group header (zone or period) over value columns. */
export interface HeaderGroup {
  /** the group's label as written, and its cell */
  text: string;
  row: number;
  col: number;
  /** the columns it spans */
  from: number;
  to: number;
  /** the value columns under it */
  columns: Partial<Record<ColumnKey, number>>;
  units: Partial<Record<ColumnKey, string>>;
}

export interface HeaderFound {
  /** the last header row: data rows start below it */
  row: number;
  /** the row of each column's label (differs from `row` for the upper row of a two-row header) */
  labelRow: Partial<Record<ColumnKey, number>>;
  columns: Partial<Record<ColumnKey, number>>;
  /** N of a "1-N月" cumulative label (or of a dated month label "2026年9月") */
  ytdMonth: number | null;
  /** the year of a dated cumulative or month label ("2026年1-9月", "2026年9月"), else null */
  ytdYear: number | null;
  /** a second column with a label already taken: [key, first column, second column] */
  duplicates: { key: ColumnKey; first: number; second: number }[];
  /** a unit written in brackets in a column's label ("本月(万元)") */
  units: Partial<Record<ColumnKey, string>>;
  /** what the 位次 column ranks, when its label says ("增速位次") */
  rankBy?: 'growth' | 'value';
  /** labels that look like a period but cannot be read ("20261-9"): asked about, never guessed */
  damaged: { row: number; col: number; text: string }[];
  /** groups naming something other than a column (a zone, a period) over the value columns */
  groups: HeaderGroup[];
}

export type HeaderResult =
  | { kind: 'found'; header: HeaderFound }
  | {
      kind: 'none';
      /** a title with 月报/报表/指标, or a name or value column label, in the first rows */
      attempt: boolean;
      /** the row that came closest to a header (most labels), if any */
      best: HeaderFound | null;
    };

// Sub-column labels that take their meaning from the group above them (本月 over 本年 | 上年 | 增长).
const THIS_YEAR = new Set(['本年', '本期', '本年数', '本期数', '今年', '本年度']);
const LAST_YEAR = new Set(['上年', '去年', '上年数', '去年数', '上期']);
// Under a 本月 (or 本季) group, the group's own figure, its base and its growth.
const UNDER_MONTH: Partial<Record<ColumnKey, ColumnKey>> = { ytd: 'month', base: 'monthBase', yoy: 'monthYoy' };

function matchesOf(g: GridView, r: number, from: number, to: number): Map<number, ColumnMatch> {
  const matches = new Map<number, ColumnMatch>();
  for (let c = from; c <= to && c < g.width(r); c++) {
    const m = matchColumnLabel(g.label(r, c));
    if (m) matches.set(c, m);
  }
  return matches;
}

/** Columns from matched labels: the first column of each key, dated pairs and repeated 同比 resolved. */
function columnsOf(r: number, matches: Map<number, ColumnMatch>): Omit<HeaderFound, 'damaged' | 'groups'> {
  const all = new Map<ColumnKey, number[]>();
  for (const [c, m] of matches) {
    const list = all.get(m.key) ?? [];
    list.push(c);
    all.set(m.key, list);
  }
  datedColumns(all, matches, 'ytd', 'base');
  datedColumns(all, matches, 'month', 'monthBase');
  const ytdMatch = all.get('ytd') ? matches.get((all.get('ytd') as number[])[0]) : undefined;
  const monthMatch = all.get('month') ? matches.get((all.get('month') as number[])[0]) : undefined;
  // the period a label gives: the cumulative's 1-N月, else a dated month column's
  const periodMatch = ytdMatch?.n !== undefined ? ytdMatch : monthMatch?.year !== undefined ? monthMatch : undefined;
  const columns: Partial<Record<ColumnKey, number>> = {};
  const labelRow: Partial<Record<ColumnKey, number>> = {};
  const units: Partial<Record<ColumnKey, string>> = {};
  const duplicates: HeaderFound['duplicates'] = [];
  const ytd = all.get('ytd')?.[0];
  for (const [key, list] of all) {
    // Templates that give the month its own 上年同期 and 同比 ("本月 | 同比 | 累计 | 上年同期 | 同比")
    // repeat those labels: the cumulative ones are the first to the right of the cumulative column.
    const right = (key === 'base' || key === 'yoy') && ytd !== undefined && list.length > 1 ? list.find((c) => c > ytd) : undefined;
    labelRow[key] = r;
    const chosen = right ?? list[0];
    columns[key] = chosen;
    const unit = matches.get(chosen)?.unit;
    if (unit !== undefined) units[key] = unit;
    if (right !== undefined) continue;
    for (const c of list.slice(1)) duplicates.push({ key, first: list[0], second: c });
  }
  const rankBy = all.has('rank') ? matches.get(columns.rank as number)?.ranks : undefined;
  return {
    row: r,
    labelRow,
    columns,
    ytdMonth: periodMatch?.n ?? null,
    ytdYear: periodMatch?.year ?? null,
    duplicates,
    units,
    ...(rankBy ? { rankBy } : {}),
  };
}

/** Row r's labels as a header; `damaged`: also look for period labels that cannot be read (only while finding the header). */
function scanRow(g: GridView, r: number, damagedToo = false): HeaderFound {
  const matches = matchesOf(g, r, 0, g.width(r) - 1);
  const damaged: HeaderFound['damaged'] = [];
  for (let c = 0; damagedToo && c < g.width(r); c++) {
    // text only: a date or a number in a header row is no label at all
    if (matches.has(c) || typeof g.cell(r, c)?.v !== 'string') continue;
    const d = damagedPeriodLabel(g.label(r, c));
    if (d !== null) damaged.push({ row: r, col: c, text: g.text(r, c) });
  }
  return { ...columnsOf(r, matches), damaged, groups: [] };
}

/**
 * Columns named by year ("2026年1-9月 | 2025年1-9月", "2026年9月 | 2025年9月"): the latest year is the
 * figure and the year before it, when there is no other column of that meaning, its base. Other
 * combinations stay duplicates.
 */
function datedColumns(all: Map<ColumnKey, number[]>, matches: Map<number, ColumnMatch>, key: ColumnKey, baseKey: ColumnKey): void {
  const cols = all.get(key) ?? [];
  const dated = cols.filter((c) => matches.get(c)?.year !== undefined);
  if (dated.length < 2 || dated.length !== cols.length) return;
  const year = (c: number) => matches.get(c)?.year as number;
  const sorted = [...dated].sort((a, b) => year(b) - year(a));
  const [latest, previous] = sorted;
  if (year(previous) !== year(latest) - 1 || all.has(baseKey) || sorted.length > 2) return;
  all.set(key, [latest]);
  all.set(baseKey, [previous]);
}

/**
 * A two-row header: "指标名称 | 本月 | 累计(merged over three columns)" above "| | 本年 | 上年同期 | 增长%".
 * When the row under the header has a blank name cell and labels of columns not yet found, those
 * columns are taken from it and the data start one row lower. Labels already found are not replaced.
 */
function extendTwoRowHeader(g: GridView, h: HeaderFound): HeaderFound {
  const r = h.row + 1;
  if (r >= g.rowCount || g.text(r, h.columns.name as number) !== '') return h;
  const below = scanRow(g, r);
  const added = (Object.keys(below.columns) as ColumnKey[]).filter((k) => h.columns[k] === undefined);
  if (added.length === 0) return h;
  const taken = new Set(Object.values(h.columns));
  const columns = { ...h.columns };
  const labelRow = { ...h.labelRow };
  const units = { ...h.units };
  let ytdMonth = h.ytdMonth;
  let ytdYear = h.ytdYear;
  for (const k of added) {
    const c = below.columns[k] as number;
    if (taken.has(c)) continue;
    columns[k] = c;
    labelRow[k] = r;
    if (below.units[k] !== undefined) units[k] = below.units[k];
    if (k === 'ytd') {
      ytdMonth = below.ytdMonth;
      ytdYear = below.ytdYear;
    }
  }
  return { ...h, row: r, columns, labelRow, units, ytdMonth, ytdYear };
}

/** The columns an upper header cell spans: its merge, else up to the next non-empty cell of its row. */
function spanOf(g: GridView, r: number, c: number, skip: Set<number>): number {
  const m = g.mergeAt(r, c);
  if (m) return m.right;
  let to = c;
  while (to + 1 < Math.max(g.width(r), g.width(r + 1)) && g.text(r, to + 1) === '' && !skip.has(to + 1)) to++;
  return to;
}

/**
 * A header whose upper row holds the name column and group labels, and whose lower row holds the
 * value labels under each group (template.md §5): 累计 over 本年 | 上年同期 | 增长%, 本月 over 本年 |
 * 上年 | 增长%, a zone's name over 绝对额 | 同比, a period over its figures. Groups that are column
 * labels themselves give their sub-columns their meaning; other groups (a zone, a period) are kept
 * for the layout to resolve. Null when the row below is not such a value row.
 */
function groupedHeader(g: GridView, upper: HeaderFound): HeaderFound | null {
  const r = upper.row;
  const lower = r + 1;
  const nameCol = upper.columns.name as number;
  if (lower >= g.rowCount || g.text(lower, nameCol) !== '') return null;
  // the row below is a header of its own (a name label of its own, not one merged down from above)
  for (let c = 0; c < g.width(lower); c++) {
    const t = g.text(lower, c);
    if (t !== '' && matchColumnLabel(t)?.key === 'name') return null;
  }
  const skip = new Set(Object.values(upper.columns));
  const columns: Partial<Record<ColumnKey, number>> = { ...upper.columns };
  const labelRow: Partial<Record<ColumnKey, number>> = { ...upper.labelRow };
  const units: Partial<Record<ColumnKey, string>> = { ...upper.units };
  const duplicates: HeaderFound['duplicates'] = [...upper.duplicates];
  const groups: HeaderGroup[] = [];
  let ytdMonth = upper.ytdMonth;
  let ytdYear = upper.ytdYear;
  let values = 0;
  const width = Math.max(g.width(r), g.width(lower));
  for (let c = 0; c < width; c++) {
    // a group label is text: a number, a date or a "key:value" line above the table is none
    if (skip.has(c) || typeof g.cell(r, c)?.v !== 'string' || g.text(r, c) === '' || /[:]/.test(g.text(r, c))) continue;
    const to = spanOf(g, r, c, skip);
    const group = matchColumnLabel(g.label(r, c));
    const sub = matchesOf(g, lower, c, to);
    // a sub-label meaning "this year" / "last year" takes the group's meaning
    for (let k = c; k <= to; k++) {
      const l = g.label(lower, k);
      if (sub.has(k) || l === '') continue;
      if (THIS_YEAR.has(l)) sub.set(k, { key: 'ytd' });
      else if (LAST_YEAR.has(l)) sub.set(k, { key: 'base' });
    }
    if (sub.size === 0) continue;
    const found = columnsOf(lower, sub);
    if (group && (group.key === 'month' || group.key === 'quarter' || group.key === 'ytd')) {
      // a column label over its sub-columns: 本月 over 本年 | 上年 | 增长 is the month's figure, base, growth
      for (const [key, col] of Object.entries(found.columns) as [ColumnKey, number][]) {
        const meant = group.key === 'ytd' ? key : group.key === 'month' ? UNDER_MONTH[key] : key === 'ytd' ? 'quarter' : undefined;
        if (meant === undefined) continue;
        if (columns[meant] !== undefined) {
          duplicates.push({ key: meant, first: columns[meant] as number, second: col });
          continue;
        }
        columns[meant] = col;
        labelRow[meant] = lower;
        const unit = found.units[key] ?? group.unit;
        if (unit !== undefined) units[meant] = unit;
        if (VALUE_COLUMNS.includes(meant)) values++;
      }
      if (group.key === 'ytd' && group.n !== undefined) {
        ytdMonth = group.n;
        ytdYear = group.year ?? null;
      }
      continue;
    }
    if (group) continue; // another column's label (说明 over two cells): not a group of figures
    groups.push({ text: g.text(r, c), row: r, col: c, from: c, to, columns: found.columns, units: found.units });
    values += VALUE_COLUMNS.filter((k) => found.columns[k] !== undefined).length;
  }
  if (values < 2 && !groups.some((gr) => Object.keys(gr.columns).length >= 2)) return null;
  // One named group (a zone over its sub-columns): its sub-columns are the sheet's value columns.
  const first = groups[0];
  if (first) {
    for (const [key, col] of Object.entries(first.columns) as [ColumnKey, number][]) {
      if (columns[key] !== undefined) continue;
      columns[key] = col;
      labelRow[key] = lower;
      if (first.units[key] !== undefined) units[key] = first.units[key];
    }
  }
  return { row: lower, labelRow, columns, ytdMonth, ytdYear, duplicates, units, damaged: upper.damaged, groups };
}

const valueCount = (h: HeaderFound): number => VALUE_COLUMNS.filter((k) => h.columns[k] !== undefined).length + h.damaged.length;

// Instruction sheets (填报说明, 指标解释) mention 指标 in their title but are not reports.
const TITLE_WORDS = /月报|报表|指标/;
const INSTRUCTION_WORDS = /说明|解释|注释/;

/** Row r read as a header row (the name column and at least two value columns), or null. */
export function rowAsHeader(g: GridView, r: number): HeaderFound | null {
  // asked of every data row (a header repeated at a page break): rows without the labels leave early
  const matches = matchesOf(g, r, 0, g.width(r) - 1);
  let name = false;
  let values = 0;
  for (const m of matches.values()) {
    if (m.key === 'name') name = true;
    else if (VALUE_COLUMNS.includes(m.key)) values++;
  }
  if (!name || values < 2) return null;
  const h: HeaderFound = { ...columnsOf(r, matches), damaged: [], groups: [] };
  return valueCount(h) >= 2 ? h : null;
}

export function findHeader(g: GridView): HeaderResult {
  const last = Math.min(HEADER_SCAN_ROWS, g.rowCount);
  let best: HeaderFound | null = null;
  let bestScore = 0;
  let attempt = false;
  for (let r = 0; r < last; r++) {
    const h = scanRow(g, r, true);
    const values = valueCount(h);
    const hasName = h.columns.name !== undefined;
    if (hasName && values >= 2) return { kind: 'found', header: extendTwoRowHeader(g, h) };
    if (hasName) {
      const grouped = groupedHeader(g, h);
      if (grouped) return { kind: 'found', header: grouped };
    }
    if (hasName || values > 0) attempt = true;
    const score = (hasName ? 2 : 0) + values;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
    for (let c = 0; c < g.width(r) && !attempt; c++) {
      const t = g.text(r, c);
      if (TITLE_WORDS.test(t) && !INSTRUCTION_WORDS.test(t)) attempt = true;
    }
  }
  return { kind: 'none', attempt, best };
}
