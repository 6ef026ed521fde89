/**
 * A table of many zones the other way round: indicators down the rows, each zone's name merged over
 * its own value columns (template.md §5: 高新区直管园 over 绝对额 | 同比, several times across). Each
 * zone's columns are read as that zone's sheet (zone-sheet.ts); what is about the rows or the sheet
 * (an unknown row, a missing unit column) is said once, for the table.
 */
import type { ColumnKey, Finding } from '../types';
import { parseA1 } from '../a1';
import type { RecogniseContext } from './context';
import type { GridView } from './grid';
import type { HeaderFound } from './header';
import type { RecognisedTable } from './types';
import { readZoneSheet } from './zone-sheet';

const ROW_COLUMNS: readonly ColumnKey[] = ['name', 'code', 'unit', 'note'];

export function readZonesAcross(g: GridView, header: HeaderFound, ctx: RecogniseContext): RecognisedTable {
  const shared: Partial<Record<ColumnKey, number>> = {};
  for (const k of ROW_COLUMNS) if (header.columns[k] !== undefined) shared[k] = header.columns[k];
  const table: RecognisedTable = { kind: 'table', sheet: g.sheet.name, period: null, reports: [], rows: [], findings: [], skipped: [] };
  header.groups.forEach((group, i) => {
    const own: HeaderFound = { ...header, columns: { ...shared, ...group.columns }, units: group.units, groups: [group] };
    const report = readZoneSheet(g, { header: own }, ctx);
    const mine: Finding[] = [];
    for (const f of report.findings) {
      const col = f.cell ? parseA1(f.cell.split(':')[0])?.col : undefined;
      const inGroup = (col !== undefined && col >= group.from && col <= group.to) || (f.rule === 'V-ZONE' && f.cell === report.zoneCell);
      if (inGroup) mine.push(f);
      else if (i === 0) table.findings.push({ ...f, zone: null });
    }
    report.findings = mine;
    report.layout = 'table';
    table.period ??= report.period;
    table.reports.push(report);
  });
  return table;
}
