/**
 * The unit a record's figures are written in (template.md §1 "Amount unit"): the row's own unit cell
 * wins; else the sheet's 金额单位 for money rows; else the catalogue's. Says so where it matters: a
 * unit that cannot be converted is an error of the row (the sheet's unknown 金额单位 is reported once
 * for the sheet instead), a row's conversion is reported at its unit cell, and the 金额单位's
 * conversion once per sheet.
 */
import type { Indicator } from '../config/schema';
import { normaliseUnit, unitFactor } from '../cells/units';
import { conversionInfo, rowUnitError, sheetConversionInfo, type Line } from './messages';
import type { Reading } from './reading';

/** The sheet's default money unit (金额单位). */
export interface SheetUnit {
  unit: string;
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

/** Factor from a unit to the indicator's catalogue unit, or null. */
export function factorTo(from: string, ind: Indicator): number | null {
  const f = normaliseUnit(from);
  if (ind.unit === '%' && PERCENT_UNITS.has(f)) return 1;
  return unitFactor(f, ind.unit);
}

export interface RowUnit {
  /** the unit the row's figures are written in */
  unit: string;
  source: 'row' | 'sheet' | 'catalogue';
  /** where that unit is written (null: the catalogue's) */
  cell: string | null;
  /** factor into the catalogue unit; null when it cannot be converted */
  factor: number | null;
}

/** The row's unit from its unit cell's text (or '') and the sheet's 金额单位. */
export function rowUnitOf(ind: Indicator, unitText: string, unitCell: string | null, sheet: SheetUnit): RowUnit {
  if (unitText !== '') {
    const unit = normaliseUnit(unitText);
    return { unit, source: 'row', cell: unitCell, factor: factorTo(unit, ind) };
  }
  if (isMoney(ind) && sheet.stated) {
    return { unit: sheet.unit, source: 'sheet', cell: sheet.cell, factor: sheet.known ? factorTo(sheet.unit, ind) : null };
  }
  return { unit: ind.unit, source: 'catalogue', cell: null, factor: factorTo(ind.unit, ind) };
}

/**
 * The findings about a row's unit: an error when it cannot be converted and the row has figures
 * (an unknown 金额单位 was said once for the sheet), the conversion otherwise.
 */
export function reportRowUnit(rd: Reading, line: Line, ind: Indicator, ru: RowUnit, hasAmount: boolean, ytdCell: string | null): void {
  if (ru.factor === null) {
    if (!(ru.source === 'sheet' && !rd.sheetUnit.known) && hasAmount) rd.findings.push(rowUnitError(rd.where, line, ind, ru.unit, ru.cell, ytdCell));
    return;
  }
  if (ru.factor === 1) return;
  if (ru.source === 'row') rd.findings.push(conversionInfo(rd.where, line, ru.cell as string, ru.unit, ind, ru.factor));
  else if (ru.source === 'sheet') {
    const key = ru.unit + '→' + ind.unit;
    if (rd.sheetConversions.has(key)) return;
    rd.sheetConversions.add(key);
    rd.findings.push(sheetConversionInfo(rd.where, ru.unit, rd.sheetUnit.cell, ind, ru.factor));
  }
}
