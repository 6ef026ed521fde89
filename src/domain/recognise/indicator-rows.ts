/**
 * Indicator rows of a sheet laid out as the template (indicators down, figures across): each data
 * row matched to the catalogue — by its code when there is a code column, else by name or alias —
 * then read as a record. The catalogue decides what is a part of what, never a marker (其中: on the
 * first child only, # sub-items, (一) groups: template.md §5). A row naming no indicator is reported
 * (info) unless it carries no figure at all: a section heading (按区划分, (一)工业) is skipped. A code
 * contradicting the name is an error (read by the code), and an indicator met twice is used once
 * (V-DUP). A unit in brackets after the name is the row's unit; "(剔重)" marks a de-duplicated total.
 */
import type { Indicator } from '../config/schema';
import type { ColumnKey } from '../types';
import type { ParsedRecord } from './types';
import { matchCode, matchName, type CatalogueIndex } from './catalogue-match';
import { dataRows } from './data-rows';
import type { HeaderFound } from './header';
import { codeNameConflict, duplicateRowError, otherTableError, unknownRowInfo } from './messages';
import type { Reading } from './reading';
import { readRecord, type CellPlace, type RecordPlace } from './record';
import { rowUnitOf, type UnitAt } from './row-unit';
import { unitInName } from '../cells/units';
import { normaliseLabel } from '../cells/normalise';

/** The figure columns a record is read from, in reading order. */
const FIGURE_COLUMNS = ['month', 'ytd', 'base', 'yoy', 'target', 'quarter'] as const;

/** A row that names nothing and holds no figure (and no code): a section heading, not data. */
function isHeading(g: Reading['g'], r: number, cols: Partial<Record<ColumnKey, number>>): boolean {
  if (cols.code !== undefined && g.text(r, cols.code) !== '') return false;
  return FIGURE_COLUMNS.every((k) => cols[k] === undefined || g.text(r, cols[k] as number) === '');
}

// "进出口总额(剔重)", "合计（剔重）": a total with double counting removed, which may be below the sum of its parts.
const DEDUP = /\(剔重\)$|剔重/;

/** The indicator row r names, or null (reported); a code contradicting the name is reported too. */
function matchRow(rd: Reading, r: number, firstCol: number, cols: Partial<Record<ColumnKey, number>>, idx: CatalogueIndex): Indicator | null {
  const { g } = rd;
  const nameCol = cols.name as number;
  const nameText = g.text(r, nameCol);
  const byCode = cols.code !== undefined ? matchCode(idx, g.cell(r, cols.code)) : null;
  const ind = byCode ?? matchName(idx, nameText);
  if (!ind) {
    if (isHeading(g, r, cols)) return null;
    const cell = nameText !== '' ? g.addr(r, nameCol) : g.addr(r, firstCol);
    rd.findings.push(unknownRowInfo(rd.where, g.line(r), cell, nameText !== '' ? nameText : g.text(r, firstCol)));
    return null;
  }
  if (byCode) {
    // Loosely: the name is only questioned when it names another catalogue indicator exactly
    // (code 17 出口额 on a row named 进出口总额), not for local wording.
    const other = matchName(idx, nameText);
    if (other && other.code !== ind.code) rd.findings.push(codeNameConflict(rd.where, g.line(r), ind, g.addr(r, cols.code as number), nameText, other));
  }
  return ind;
}

/** Where the header's labels give a unit ("累计(亿元)"): per figure column, with the label's cell. */
export function columnUnits(g: Reading['g'], header: HeaderFound): RecordPlace['columnUnits'] {
  const out: NonNullable<RecordPlace['columnUnits']> = {};
  for (const k of FIGURE_COLUMNS) {
    const unit = header.units[k];
    const c = header.columns[k];
    if (unit !== undefined && c !== undefined) out[k] = { unit, cell: g.addr(header.labelRow[k] ?? header.row, c) };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function readIndicatorRows(rd: Reading, header: HeaderFound, idx: CatalogueIndex): ParsedRecord[] {
  const { g } = rd;
  const cols = header.columns;
  const units = columnUnits(g, header);
  const noBase = cols.base === undefined;
  const nameCol = cols.name as number;
  const records: ParsedRecord[] = [];
  const seen = new Map<string, number>();
  const scan = dataRows(g, header.row + 1, cols, nameCol);
  for (const { r, firstCol } of scan.rows) {
    const ind = matchRow(rd, r, firstCol, cols, idx);
    if (!ind) continue;
    const first = seen.get(ind.code);
    if (first !== undefined) {
      rd.findings.push(duplicateRowError(rd.where, g.line(first), g.line(r), ind, g.addr(r, nameCol), g.text(r, nameCol)));
      continue;
    }
    seen.set(ind.code, r);
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const [k, c] of Object.entries(cols) as [ColumnKey, number][]) cells[k] = g.addr(r, c);
    const figures: RecordPlace['figures'] = {};
    for (const k of FIGURE_COLUMNS) if (cols[k] !== undefined) figures[k] = { r, c: cols[k] as number } satisfies CellPlace;
    const unitText = cols.unit !== undefined ? g.text(r, cols.unit) : '';
    const nameText = g.text(r, nameCol);
    const inName = nameText.endsWith(')') || nameText.endsWith('）') ? unitInName(nameText) : null;
    const nameUnit: UnitAt | null = inName !== null ? { unit: inName, cell: g.addr(r, nameCol) } : null;
    if (nameUnit && unitText === '') rd.unitsInNames = true;
    const rec = readRecord(rd, {
      r,
      line: g.line(r),
      ind,
      cells,
      figures,
      unit: rowUnitOf(ind, unitText, cols.unit !== undefined ? g.addr(r, cols.unit) : null, rd.sheetUnit, nameUnit),
      columnUnits: units,
      note: cols.note !== undefined ? g.text(r, cols.note) || null : null,
      noBase,
    });
    if (nameText.includes('剔重') && DEDUP.test(normaliseLabel(nameText))) rec.dedup = true;
    records.push(rec);
  }
  if (scan.otherTable) rd.findings.push(otherTableError(rd.where, scan.otherTable.r, g.addr(scan.otherTable.r, scan.otherTable.c), header.row));
  return records;
}
