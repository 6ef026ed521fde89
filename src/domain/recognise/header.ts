/**
 * Finding the header row of a report sheet (template.md §1): the first row within the first 15
 * holding the indicator-name column and at least two value columns, labels compared after
 * normalisation, columns in any order. When there is none, says whether the sheet still looks like
 * a report attempt (then it is a layout error, not a sheet to skip) and which columns are missing.
 */
import type { ColumnKey } from '../types';
import type { GridView } from './grid';
import { matchColumnLabel, VALUE_COLUMNS, type ColumnMatch } from './labels';

export const HEADER_SCAN_ROWS = 15;

export interface HeaderFound {
  /** the last header row: data rows start below it */
  row: number;
  /** the row of each column's label (differs from `row` for the upper row of a two-row header) */
  labelRow: Partial<Record<ColumnKey, number>>;
  columns: Partial<Record<ColumnKey, number>>;
  /** N of a "1-N月" cumulative label */
  ytdMonth: number | null;
  /** the year of a dated cumulative label ("2026年1-9月"), else null */
  ytdYear: number | null;
  /** a second column with a label already taken: [key, first column, second column] */
  duplicates: { key: ColumnKey; first: number; second: number }[];
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

function scanRow(g: GridView, r: number): HeaderFound {
  const all = new Map<ColumnKey, number[]>();
  const matches = new Map<number, ColumnMatch>();
  for (let c = 0; c < g.width(r); c++) {
    const m = matchColumnLabel(g.label(r, c));
    if (!m) continue;
    matches.set(c, m);
    const list = all.get(m.key) ?? [];
    list.push(c);
    all.set(m.key, list);
  }
  datedColumns(all, matches);
  const ytdMatch = all.get('ytd') ? matches.get((all.get('ytd') as number[])[0]) : undefined;
  const ytdMonth = ytdMatch?.n ?? null;
  const ytdYear = ytdMatch?.year ?? null;
  const columns: Partial<Record<ColumnKey, number>> = {};
  const labelRow: Partial<Record<ColumnKey, number>> = {};
  const duplicates: HeaderFound['duplicates'] = [];
  const ytd = all.get('ytd')?.[0];
  for (const [key, list] of all) {
    // Templates that give the month its own 上年同期 and 同比 ("本月 | 同比 | 累计 | 上年同期 | 同比")
    // repeat those labels: the cumulative ones are the first to the right of the cumulative column.
    const right = (key === 'base' || key === 'yoy') && ytd !== undefined && list.length > 1 ? list.find((c) => c > ytd) : undefined;
    labelRow[key] = r;
    if (right !== undefined) {
      columns[key] = right;
      continue;
    }
    columns[key] = list[0];
    for (const c of list.slice(1)) duplicates.push({ key, first: list[0], second: c });
  }
  return { row: r, labelRow, columns, ytdMonth, ytdYear, duplicates };
}

/**
 * Columns named by year ("2026年1-9月 | 2025年1-9月"): the latest year is 1-本月累计 and the year
 * before it, when there is no other 上年同期 column, is the base. Other combinations stay duplicates.
 */
function datedColumns(all: Map<ColumnKey, number[]>, matches: Map<number, ColumnMatch>): void {
  const ytd = all.get('ytd') ?? [];
  const dated = ytd.filter((c) => matches.get(c)?.year !== undefined);
  if (dated.length < 2 || dated.length !== ytd.length) return;
  const year = (c: number) => matches.get(c)?.year as number;
  const sorted = [...dated].sort((a, b) => year(b) - year(a));
  const [latest, previous] = sorted;
  if (year(previous) !== year(latest) - 1 || all.has('base') || sorted.length > 2) return;
  all.set('ytd', [latest]);
  all.set('base', [previous]);
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
  let ytdMonth = h.ytdMonth;
  let ytdYear = h.ytdYear;
  for (const k of added) {
    const c = below.columns[k] as number;
    if (taken.has(c)) continue;
    columns[k] = c;
    labelRow[k] = r;
    if (k === 'ytd') {
      ytdMonth = below.ytdMonth;
      ytdYear = below.ytdYear;
    }
  }
  return { ...h, row: r, columns, labelRow, ytdMonth, ytdYear };
}

const valueCount = (h: HeaderFound): number => VALUE_COLUMNS.filter((k) => h.columns[k] !== undefined).length;

// Instruction sheets (填报说明, 指标解释) mention 指标 in their title but are not reports.
const TITLE_WORDS = /月报|报表|指标/;
const INSTRUCTION_WORDS = /说明|解释|注释/;

/** Row r read as a header row (the name column and at least two value columns), or null. */
export function rowAsHeader(g: GridView, r: number): HeaderFound | null {
  const h = scanRow(g, r);
  return h.columns.name !== undefined && valueCount(h) >= 2 ? h : null;
}

export function findHeader(g: GridView): HeaderResult {
  const last = Math.min(HEADER_SCAN_ROWS, g.rowCount);
  let best: HeaderFound | null = null;
  let bestScore = 0;
  let attempt = false;
  for (let r = 0; r < last; r++) {
    const h = scanRow(g, r);
    const values = valueCount(h);
    const hasName = h.columns.name !== undefined;
    if (hasName && values >= 2) return { kind: 'found', header: extendTwoRowHeader(g, h) };
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
