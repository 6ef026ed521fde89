/**
 * The unit a record's figures are written in (template.md §1 "Amount unit", §5 "Units"): the row's
 * own unit cell wins; else a unit in brackets in the indicator's name ("总产值(亿元)"); else, for money
 * rows, a unit in the column's label ("累计(亿元)"), then the sheet's 金额单位 or unit line ("单位:亿元、%":
 * money rows in 亿元, each currency its own); else the catalogue's. A unit cell and a name that say two
 * different units contradict each other: the row is not used. Says so where it matters: a unit that
 * cannot be converted is an error of the row (the sheet's unknown 金额单位 is reported once for the
 * sheet instead), a row's conversion is reported at its unit cell or name, the 金额单位's and a
 * column's once per sheet.
 */
import type { Indicator } from '../config/schema';
import { isKnownUnit, normaliseUnit, unitFactor } from '../cells/units';
import { columnConversionInfo, conversionInfo, rowUnitError, sheetConversionInfo, unitConflictError, type Line } from './messages';
import type { Reading } from './reading';

/** The sheet's default money unit (金额单位). */
export interface SheetUnit {
  /** the money unit stated (the first of a unit line), or the default 万元 */
  unit: string;
  /** every unit of the line ("单位:亿元、亿美元、%"); [unit] for one */
  units?: string[];
  /** written on the sheet (else the default 万元, and money rows use their catalogue unit) */
  stated: boolean;
  cell: string | null;
  /** a unit known to some family; an unknown one was reported once for the sheet */
  known: boolean;
}

// Percent-like units a rate or ratio row may state.
const PERCENT_UNITS = new Set(['%', '百分比', '百分点']);

export function isMoney(ind: Indicator): boolean {
  return unitFactor('元', ind.unit) !== null || unitFactor('美元', ind.unit) !== null;
}

/** A unit of money (元 … 亿美元). */
export function isMoneyUnit(unit: string): boolean {
  return unitFactor(unit, '万元') !== null || unitFactor(unit, '万美元') !== null;
}

/** Factor from a unit to the indicator's catalogue unit, or null. */
export function factorTo(from: string, ind: Indicator): number | null {
  const f = normaliseUnit(from);
  if (ind.unit === '%' && PERCENT_UNITS.has(f)) return 1;
  return unitFactor(f, ind.unit);
}

export interface RowUnit {
  /** the unit the row's figures are written in */
  unit: string;
  source: 'row' | 'name' | 'column' | 'sheet' | 'catalogue';
  /** where that unit is written (null: the catalogue's) */
  cell: string | null;
  /** factor into the catalogue unit; null when it cannot be converted */
  factor: number | null;
  /** the unit in the name, when it contradicts the unit cell */
  conflict?: string;
}

/** A unit written somewhere on the sheet: its text and cell. */
export interface UnitAt {
  unit: string;
  cell: string;
}

/**
 * The row's unit from its unit cell's text (or ''), a unit in its name, and the sheet's 金额单位.
 * (A unit in a column's label is per figure: see columnUnit.)
 */
export function rowUnitOf(ind: Indicator, unitText: string, unitCell: string | null, sheet: SheetUnit, name: UnitAt | null = null): RowUnit {
  if (unitText !== '') {
    const unit = normaliseUnit(unitText);
    const factor = factorTo(unit, ind);
    if (name !== null && name.unit !== unit && isKnownUnit(unit) && factorTo(name.unit, ind) !== factor) {
      return { unit, source: 'row', cell: unitCell, factor: null, conflict: name.unit };
    }
    return { unit, source: 'row', cell: unitCell, factor };
  }
  if (name !== null) return { unit: name.unit, source: 'name', cell: name.cell, factor: factorTo(name.unit, ind) };
  if (isMoney(ind) && sheet.stated) {
    // a line of several units: the one of the indicator's currency (亿元 for 万元 rows, 亿美元 for 万美元)
    const unit = (sheet.units ?? [sheet.unit]).find((u) => factorTo(u, ind) !== null) ?? sheet.unit;
    return { unit, source: 'sheet', cell: sheet.cell, factor: sheet.known ? factorTo(unit, ind) : null };
  }
  return { unit: ind.unit, source: 'catalogue', cell: null, factor: factorTo(ind.unit, ind) };
}

/**
 * The unit of one figure: a money row without a unit of its own (cell or name) takes the unit in its
 * column's label ("累计(亿元)") over the sheet's; otherwise the row's unit.
 */
export function columnUnit(ind: Indicator, row: RowUnit, column: UnitAt | undefined): RowUnit {
  if (column === undefined || !isMoney(ind) || row.source === 'row' || row.source === 'name') return row;
  return { unit: column.unit, source: 'column', cell: column.cell, factor: factorTo(column.unit, ind) };
}

/**
 * The findings about a row's unit: an error when it cannot be converted and the row has figures
 * (an unknown 金额单位 was said once for the sheet), the conversion otherwise.
 */
export function reportRowUnit(rd: Reading, line: Line, ind: Indicator, ru: RowUnit, hasAmount: boolean, ytdCell: string | null): void {
  if (ru.factor === null) {
    if (ru.conflict !== undefined) {
      if (hasAmount) rd.findings.push(unitConflictError(rd.where, line, ind, ru.unit, ru.cell, ru.conflict));
    } else if (!(ru.source === 'sheet' && !rd.sheetUnit.known) && hasAmount) rd.findings.push(rowUnitError(rd.where, line, ind, ru.unit, ru.cell, ytdCell));
    return;
  }
  if (ru.factor === 1) return;
  if (ru.source === 'row' || ru.source === 'name') rd.findings.push(conversionInfo(rd.where, line, ru.cell as string, ru.unit, ind, ru.factor));
  else if (ru.source === 'column') {
    const key = `column ${ru.cell}→${ind.unit}`;
    if (rd.sheetConversions.has(key)) return;
    rd.sheetConversions.add(key);
    (rd.once?.findings ?? rd.findings).push(columnConversionInfo(rd.once?.where ?? rd.where, ru.unit, ru.cell as string, ind, ru.factor));
  } else if (ru.source === 'sheet') {
    const key = ru.unit + '→' + ind.unit;
    if (rd.sheetConversions.has(key)) return;
    rd.sheetConversions.add(key);
    (rd.once?.findings ?? rd.findings).push(sheetConversionInfo(rd.once?.where ?? rd.where, ru.unit, rd.sheetUnit.cell, ind, ru.factor));
  }
}
