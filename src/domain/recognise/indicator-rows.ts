/**
 * Indicator rows of a sheet laid out as the template (indicators down, figures across): each data
 * row matched to the catalogue — by its code when there is a code column, else by name or alias —
 * then read as a record. A row naming no indicator is reported (info), a code contradicting the
 * name is an error (read by the code), and an indicator met twice is used once (V-DUP).
 */
import type { Indicator } from '../config/schema';
import type { ColumnKey } from '../types';
import type { ParsedRecord } from './types';
import { matchCode, matchName, type CatalogueIndex } from './catalogue-match';
import { dataRows } from './data-rows';
import type { HeaderFound } from './header';
import { codeNameConflict, duplicateRowError, otherTableError, unknownRowInfo } from './messages';
import type { Reading } from './reading';
import { readRecord, type CellPlace, type Figure, FIGURES } from './record';
import { rowUnitOf } from './row-unit';

/** The indicator row r names, or null (reported); a code contradicting the name is reported too. */
function matchRow(rd: Reading, r: number, firstCol: number, cols: Partial<Record<ColumnKey, number>>, idx: CatalogueIndex): Indicator | null {
  const { g } = rd;
  const nameCol = cols.name as number;
  const nameText = g.text(r, nameCol);
  const byCode = cols.code !== undefined ? matchCode(idx, g.cell(r, cols.code)) : null;
  const ind = byCode ?? matchName(idx, nameText);
  if (!ind) {
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

export function readIndicatorRows(rd: Reading, header: HeaderFound, idx: CatalogueIndex): ParsedRecord[] {
  const { g } = rd;
  const cols = header.columns;
  const nameCol = cols.name as number;
  const records: ParsedRecord[] = [];
  const seen = new Map<string, number>();
  const scan = dataRows(g, header.row + 1, cols, nameCol);
  for (const { r, firstCol } of scan.rows) {
    const ind = matchRow(rd, r, firstCol, cols, idx);
    if (!ind) continue;
    const first = seen.get(ind.code);
    if (first !== undefined) {
      rd.findings.push(duplicateRowError(rd.where, first, r, ind, g.addr(r, nameCol), g.text(r, nameCol)));
      continue;
    }
    seen.set(ind.code, r);
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const [k, c] of Object.entries(cols) as [ColumnKey, number][]) cells[k] = g.addr(r, c);
    const figures: Partial<Record<Figure, CellPlace>> = {};
    for (const k of FIGURES) if (cols[k] !== undefined) figures[k] = { r, c: cols[k] as number };
    const unitText = cols.unit !== undefined ? g.text(r, cols.unit) : '';
    records.push(
      readRecord(rd, {
        r,
        line: g.line(r),
        ind,
        cells,
        figures,
        unit: rowUnitOf(ind, unitText, cols.unit !== undefined ? g.addr(r, cols.unit) : null, rd.sheetUnit),
        note: cols.note !== undefined ? g.text(r, cols.note) || null : null,
      }),
    );
  }
  if (scan.otherTable) rd.findings.push(otherTableError(rd.where, scan.otherTable.r, g.addr(scan.otherTable.r, scan.otherTable.c), header.row));
  return records;
}
