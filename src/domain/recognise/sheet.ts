/**
 * Recognising one sheet (template.md §1, §4, §5): the register, the history, a sheet the tool wrote,
 * a sheet that is not a report (skipped, with the reason), or a report. Each step is a unit of its
 * own: classify the sheet (classify.ts) → decide its layout (layout.ts) → read it the way that
 * layout is read (zone-sheet.ts: header, zone, period, units, indicator rows, records; a transposed
 * sheet through a transposed view, transposed.ts; a table of many zones: zone-table.ts, one report
 * per zone row).
 */
import type { SheetGrid } from '../types';
import { classifySheet } from './classify';
import { indexCatalogue } from './catalogue-match';
import type { RecogniseContext } from './context';
import { gridView } from './grid';
import { HEADER_SCAN_ROWS } from './header';
import { detectLayout } from './layout';
import type { SheetRecognition } from './types';
import { readZoneSheet } from './zone-sheet';
import { readZoneTable } from './zone-table';
import { readZonesAcross } from './zones-across';

export type { RecogniseContext } from './context';

export function recogniseSheet(sheet: SheetGrid, ctx: RecogniseContext): SheetRecognition {
  const cls = classifySheet(sheet);
  if (cls === 'register') {
    return { kind: 'register', sheet: sheet.name, reason: { zh: '开发区名录', en: 'zone register' } };
  }
  if (cls === 'history') {
    return { kind: 'history', sheet: sheet.name, reason: { zh: '历史数据', en: 'history of archived months' } };
  }
  if (cls === 'tool') {
    return {
      kind: 'skipped',
      sheet: sheet.name,
      reason: { zh: '本工具生成的工作表,不作为月报核查。', en: 'A sheet this tool wrote; not checked as a report.' },
    };
  }

  const g = gridView(sheet);
  const layout = detectLayout(g, indexCatalogue(ctx.config.catalogue));
  switch (layout.kind) {
    case 'indicators-down':
      // several zones named over their own value columns: zones across, a table of its own kind
      return layout.header.groups.length >= 2 ? readZonesAcross(g, layout.header, ctx) : readZoneSheet(g, { header: layout.header }, ctx);
    case 'zones-down':
      return readZoneTable(g, layout.header, ctx);
    case 'transposed':
      return readZoneSheet(layout.view, { header: layout.header, metaFrom: { g, endRow: layout.metaEnd } }, ctx);
    case 'indicators-across':
      return readZoneSheet(g, { header: null, across: layout.row }, ctx);
    case 'attempt':
      return readZoneSheet(g, { header: null, best: layout.best }, ctx);
    case 'none':
      return {
        kind: 'skipped',
        sheet: sheet.name,
        reason: layout.empty
          ? { zh: '工作表为空。', en: 'The sheet is empty.' }
          : {
              zh: `前${HEADER_SCAN_ROWS}行没有月报表的标题或表头(指标名称、1-本月累计等),不是月报表,未核查。`,
              en: `No report title or header (指标名称, 1-本月累计…) in the first ${HEADER_SCAN_ROWS} rows: not a report sheet, not checked.`,
            },
      };
  }
}
