/**
 * The header of a table of many zones (template.md §5): zones down the rows, indicators across the
 * columns. Usually two header rows — the indicator's name merged over its figures
 * (1-本月累计 | 同比(%) | 位次) — or one row where each indicator's name heads its value column and
 * the 同比 / 位次 columns after it belong to it. Units are in the names ("总产值(亿元)"), in the
 * figure labels, or in the title lines. Finds the zone column too (开发区, 单位名称, 地区…, else the
 * column left of the first indicator).
 */
import type { Indicator } from '../config/schema';
import type { ColumnKey } from '../types';
import { normaliseLabel } from '../cells/normalise';
import { unitInName } from '../cells/units';
import { matchName, type CatalogueIndex } from './catalogue-match';
import type { GridView } from './grid';
import { matchColumnLabel } from './labels';

/** Labels of the column that names the zones of a table. */
const ZONE_COLUMN = new Set([
  '开发区', '开发区名称', '开发区(园区)', '园区', '园区名称', '单位名称', '地区', '区域', '县区', '区县', '名称', '开发区名录', '园区(开发区)', '经开区', '高新区',
]);

/** One indicator's columns in the table. */
export interface TableGroup {
  ind: Indicator;
  /** the header cell naming it */
  row: number;
  col: number;
  /** a unit in brackets in its name ("规上工业总产值(亿元)") */
  unit: string | null;
  /** its figure columns */
  columns: Partial<Record<ColumnKey, number>>;
  /** units in the figure labels ("1-9月累计(亿元)") */
  units: Partial<Record<ColumnKey, string>>;
  /** what its 位次 column ranks */
  rankBy: 'growth' | 'value';
}

export interface TableHeader {
  /** the last header row: data rows start below it */
  row: number;
  /** the first header row (the indicator names) */
  top: number;
  zoneCol: number;
  groups: TableGroup[];
  /** header cells naming no catalogue indicator: [row, col, text] */
  unknown: { row: number; col: number; text: string }[];
  /** an indicator named a second time: its second header cell (not read), and the first */
  repeated: { row: number; col: number; first: number; ind: Indicator }[];
  /** N and year of a "1-N月" figure label, for the period */
  ytdMonth: { n: number; year: number | null; row: number; col: number } | null;
}

/** A label naming the zone column of a table (开发区, 单位名称, 地区…). */
export const isZoneLabel = (l: string): boolean => ZONE_COLUMN.has(l);

/** The columns an indicator's name spans: its merge, else itself. */
function spanOf(g: GridView, r: number, c: number): number {
  return g.mergeAt(r, c)?.right ?? c;
}

function rankBy(label: string | undefined, columns: Partial<Record<ColumnKey, number>>): 'growth' | 'value' {
  if (label && /增速|增幅/.test(label)) return 'growth';
  if (label && /总量|总额/.test(label)) return 'value';
  // a 位次 right after the 同比 column ranks the growth; after a value column, the value
  const rank = columns.rank;
  if (rank !== undefined && columns.yoy !== undefined && rank === columns.yoy + 1) return 'growth';
  if (rank !== undefined && columns.ytd !== undefined && rank === columns.ytd + 1) return 'value';
  return columns.yoy !== undefined ? 'growth' : 'value';
}

/**
 * The table header whose indicator names are in row `top` (the row naming two or more indicators),
 * or null when the sheet is no table of zones (no zone column, no rows of zones below).
 */
export function tableHeader(g: GridView, top: number, idx: CatalogueIndex): TableHeader | null {
  const firstInd = firstIndicatorCol(g, top, idx);
  if (firstInd === null) return null;
  // the zone column: labelled in the header rows, else the first text column left of the indicators
  let zoneCol: number | null = null;
  for (const r of [top, top + 1]) {
    for (let c = 0; c < firstInd && zoneCol === null; c++) if (isZoneLabel(normaliseLabel(g.text(r, c)))) zoneCol = c;
  }
  zoneCol ??= textColumn(g, top + 1, firstInd);
  if (zoneCol === null) return null;
  const sub = top + 1;
  const twoRows = sub < g.rowCount && g.text(sub, zoneCol) === '' && hasFigureLabels(g, sub, firstInd);
  const groups: TableGroup[] = [];
  const unknown: TableHeader['unknown'] = [];
  const repeated: TableHeader['repeated'] = [];
  let ytdMonth: TableHeader['ytdMonth'] = null;
  const width = Math.max(g.width(top), twoRows ? g.width(sub) : 0);
  let current: TableGroup | null = null;
  for (let c = firstInd; c < width; c++) {
    if (c === zoneCol) continue;
    const text = g.text(top, c);
    if (text === '') continue;
    const ind = matchName(idx, text);
    const label = matchColumnLabel(text);
    if (!ind) {
      if (!twoRows && label && current) {
        // one header row: 同比 / 位次 / 上年同期 after an indicator's value column belong to it
        if (current.columns[label.key] === undefined) current.columns[label.key] = c;
        if (label.key === 'rank' && label.ranks) current.rankBy = label.ranks;
        continue;
      }
      if (!label) unknown.push({ row: top, col: c, text });
      current = null;
      if (twoRows) c = spanOf(g, top, c);
      continue;
    }
    const group: TableGroup = { ind, row: top, col: c, unit: unitInName(text), columns: {}, units: {}, rankBy: 'value' };
    if (twoRows) {
      const to = spanOf(g, top, c);
      let rankLabel: string | undefined;
      for (let k = c; k <= to; k++) {
        const l = g.label(sub, k);
        const m = matchColumnLabel(l) ?? (l === '' && k === c ? { key: 'ytd' as const } : null);
        if (!m || group.columns[m.key] !== undefined) continue;
        group.columns[m.key] = k;
        if (m.unit) group.units[m.key] = m.unit;
        if (m.key === 'rank') rankLabel = l;
        if (m.key === 'ytd' && m.n !== undefined && ytdMonth === null) ytdMonth = { n: m.n, year: m.year ?? null, row: sub, col: k };
      }
      if (group.columns.ytd === undefined && to === c) group.columns.ytd = c;
      group.rankBy = rankBy(rankLabel, group.columns);
      c = to;
    } else {
      group.columns.ytd = c;
    }
    const earlier = groups.find((gr) => gr.ind.code === ind.code);
    if (earlier) {
      repeated.push({ row: top, col: group.col, first: earlier.col, ind });
      current = null;
      continue;
    }
    groups.push(group);
    current = group;
  }
  for (const gr of groups) if (!twoRows) gr.rankBy = rankBy(undefined, gr.columns);
  const usable = groups.filter((gr) => gr.columns.ytd !== undefined || gr.columns.yoy !== undefined);
  if (usable.length === 0) return null;
  return { row: twoRows ? sub : top, top, zoneCol, groups: usable, unknown, repeated, ytdMonth };
}

/** The column left of `before` whose cells below `from` hold the most text that is not a number (the names). */
function textColumn(g: GridView, from: number, before: number): number | null {
  let best: number | null = null;
  let bestN = 0;
  for (let c = 0; c < before; c++) {
    let n = 0;
    for (let r = from; r < Math.min(g.rowCount, from + 30); r++) {
      const t = g.text(r, c);
      if (t !== '' && !/^[\d.,\s-]+$/.test(t)) n++;
    }
    if (n > bestN) {
      best = c;
      bestN = n;
    }
  }
  return best;
}

function firstIndicatorCol(g: GridView, r: number, idx: CatalogueIndex): number | null {
  for (let c = 0; c < g.width(r); c++) if (matchName(idx, g.text(r, c))) return c;
  return null;
}

/** The row under the indicator names holds figure labels (1-本月累计, 同比, 位次…). */
function hasFigureLabels(g: GridView, r: number, from: number): boolean {
  let n = 0;
  for (let c = from; c < g.width(r) && n < 1; c++) if (matchColumnLabel(g.label(r, c))) n++;
  return n > 0;
}
