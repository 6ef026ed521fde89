/**
 * A cheap first look at a sheet: the zone register, the 历史数据 sheet, a sheet the tool wrote, or
 * 'other' (a report sheet or anything else: recogniseSheet decides). By name first (开发区名录 and the
 * tool's sheet names), then by the header labels in the first 15 rows.
 */
import type { SheetGrid } from '../types';
import { REGISTER_SHEET, TOOL_SHEETS } from '../port';
import { cleanText } from '../cells/normalise';
import { gridView } from './grid';
import { matchColumnLabel, VALUE_COLUMNS } from './labels';

export type SheetClass = 'register' | 'history' | 'tool' | 'other';

const TOOL_NAMES: ReadonlySet<string> = new Set(
  Object.entries(TOOL_SHEETS).filter(([k]) => k !== 'history').map(([, v]) => v),
);

// A report's own heading row may hold "开发区名称 | … | 开发区代码 | …": a register header must also
// carry one of the register's other columns, unless the sheet is named 开发区名录.
const REGISTER_EXTRA = ['曾用名/简称', '简称', '曾用名', '别名', '级别', '类型', '所属市', '所属省'];

export function classifySheet(sheet: SheetGrid): SheetClass {
  const name = cleanText(sheet.name).trim();
  if (name === REGISTER_SHEET) return 'register';
  if (name === TOOL_SHEETS.history) return 'history';
  if (TOOL_NAMES.has(name)) return 'tool';

  const g = gridView(sheet);
  let registerRow = false;
  let historyRow = false;
  for (let r = 0; r < Math.min(15, g.rowCount); r++) {
    const labels = new Set<string>();
    let hasName = false;
    let values = 0;
    for (let c = 0; c < g.width(r); c++) {
      const l = g.label(r, c);
      labels.add(l);
      const m = matchColumnLabel(l);
      if (m?.key === 'name') hasName = true;
      if (m && VALUE_COLUMNS.includes(m.key)) values++;
    }
    // A report header anywhere in the first rows makes it a report, whatever else it holds.
    if (hasName && values >= 2) return 'other';
    if (labels.has('统计期') && labels.has('开发区代码') && labels.has('指标代码')) historyRow = true;
    else if (
      (labels.has('开发区代码') || labels.has('代码')) &&
      (labels.has('开发区名称') || labels.has('名称')) &&
      REGISTER_EXTRA.some((l) => labels.has(l))
    ) {
      registerRow = true;
    }
  }
  if (historyRow) return 'history';
  if (registerRow) return 'register';
  return 'other';
}
