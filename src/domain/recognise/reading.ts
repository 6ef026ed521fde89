/**
 * The state one sheet's reading shares between its steps: the grid, where findings are placed, the
 * findings in the order they are made, and what is said once per sheet.
 */
import type { Finding } from '../types';
import type { FindingWhere } from './findings';
import type { GridView } from './grid';
import type { SheetUnit } from './row-unit';

export interface Reading {
  g: GridView;
  where: FindingWhere;
  findings: Finding[];
  sheetUnit: SheetUnit;
  /** unit conversions of the 金额单位 already reported ("亿元→万元") */
  sheetConversions: Set<string>;
  /** some row's unit came from its name ("总产值(亿元)") */
  unitsInNames?: boolean;
  /**
   * Where findings said once for the whole sheet go (the 金额单位's or a column's conversion), and
   * how they are placed: a table of many zones says them once for the table, not once per zone.
   */
  once?: { findings: Finding[]; where: FindingWhere };
}

export function startReading(g: GridView, where: FindingWhere, sheetUnit: SheetUnit, findings: Finding[] = []): Reading {
  return { g, where, findings, sheetUnit, sheetConversions: new Set() };
}
