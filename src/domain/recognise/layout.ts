/**
 * Deciding how a sheet is laid out (template.md §1, §5), before anything is read:
 * - indicators down the rows (the template and its variants);
 * - many zones in one table: zones down the rows, indicators across the columns (table-header.ts);
 * - transposed: indicators across the columns, periods down the rows — read through a transposed
 *   view, so the template's reading applies;
 * - indicators across the columns in a way that cannot be read (no period labels down the side):
 *   one layout error that says so;
 * - an attempt at a report whose header cannot be used (a layout error), or not a report at all
 *   (skipped: empty, or no report header).
 */
import type { CatalogueIndex } from './catalogue-match';
import { matchName } from './catalogue-match';
import type { GridView } from './grid';
import { findHeader, HEADER_SCAN_ROWS, type HeaderFound } from './header';
import { transposedView } from './transposed';
import { matchColumnLabel } from './labels';
import { readPeriodText } from './period';
import { isZoneLabel, tableHeader, type TableHeader } from './table-header';
import { normaliseLabel } from '../cells/normalise';

export type Layout =
  | { kind: 'indicators-down'; header: HeaderFound }
  /** many zones in one table: zones down the rows, indicators across the columns */
  | { kind: 'zones-down'; header: TableHeader }
  /** indicators across, periods down: `view` shows it as the template; meta lines are the rows above `metaEnd` */
  | { kind: 'transposed'; view: GridView; header: HeaderFound; metaEnd: number }
  /** indicators across the columns (the row that names them), not readable as a transposed sheet */
  | { kind: 'indicators-across'; row: number }
  /** a report title or some header labels, but no usable header: the row that came closest */
  | { kind: 'attempt'; best: HeaderFound | null }
  | { kind: 'none'; empty: boolean };

/** The first row (within the first 15) naming at least two catalogue indicators across its cells, or null. */
export function indicatorsAcross(g: GridView, idx: CatalogueIndex): number | null {
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, g.rowCount); r++) {
    let n = 0;
    for (let c = 0; c < g.width(r) && n < 2; c++) if (matchName(idx, g.text(r, c))) n++;
    if (n >= 2) return r;
  }
  return null;
}

/** Indicators across with period labels down the first columns: the transposed view's header, else null. */
function transposed(g: GridView, idx: CatalogueIndex): Extract<Layout, { kind: 'transposed' }> | null {
  const view = transposedView(g, 0);
  const head = findHeader(view);
  if (head.kind !== 'found') return null;
  const nameCol = head.header.columns.name as number;
  let indicators = 0;
  for (let r = head.header.row + 1; r < view.rowCount && indicators < 2; r++) if (matchName(idx, view.text(r, nameCol))) indicators++;
  return indicators >= 2 ? { kind: 'transposed', view, header: head.header, metaEnd: nameCol } : null;
}

/** A label that names no zone: a number, a column label (本月, 指标名称), a period (2026年). */
function noName(text: string): boolean {
  return text === '' || /^[\d.,\s-]+$/.test(text) || matchColumnLabel(text) !== null || readPeriodText(text).kind !== 'none' || /^(?:19|20)\d{2}年?$/.test(text);
}

/** Rows below a table's header whose zone cell holds a name and whose figure cells hold something. */
function hasZoneRows(g: GridView, h: TableHeader, idx: CatalogueIndex): boolean {
  for (let r = h.row + 1; r < g.rowCount; r++) {
    const name = g.text(r, h.zoneCol);
    if (typeof g.cell(r, h.zoneCol)?.v !== 'string' || noName(name) || matchName(idx, name)) continue;
    if (h.groups.some((gr) => Object.values(gr.columns).some((c) => g.text(r, c) !== ''))) return true;
  }
  return false;
}

/**
 * The top row of a table of zones: the first row (within 15) naming two or more indicators, or one
 * indicator beside a zone column's label (开发区 | 规上工业总产值: a table of one indicator).
 */
function tableTop(g: GridView, idx: CatalogueIndex, across: number | null): number | null {
  for (let r = 0; r < Math.min(HEADER_SCAN_ROWS, g.rowCount); r++) {
    if (r === across) return r;
    let ind = false;
    let zone = false;
    for (let c = 0; c < g.width(r) && !(ind && zone); c++) {
      const t = g.text(r, c);
      if (!ind && matchName(idx, t)) ind = true;
      else if (!zone && isZoneLabel(normaliseLabel(t))) zone = true;
    }
    if (ind && zone) return r;
  }
  return null;
}

export function detectLayout(g: GridView, idx: CatalogueIndex): Layout {
  const head = findHeader(g);
  if (head.kind === 'found') return { kind: 'indicators-down', header: head.header };
  const across = indicatorsAcross(g, idx);
  const top = tableTop(g, idx, across);
  if (across !== null || top !== null) {
    // period labels down the first column: a transposed report; else names down it: a table of zones
    const t = across !== null ? transposed(g, idx) : null;
    if (t) return t;
    const table = top !== null ? tableHeader(g, top, idx) : null;
    if (table && hasZoneRows(g, table, idx)) return { kind: 'zones-down', header: table };
    if (across !== null) return { kind: 'indicators-across', row: across };
  }
  if (head.attempt) return { kind: 'attempt', best: head.best };
  let empty = true;
  for (let r = 0; r < g.rowCount && empty; r++) empty = g.blankRow(r);
  return { kind: 'none', empty };
}
