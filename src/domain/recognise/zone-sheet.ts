/**
 * One zone's report on one sheet, indicators down the rows (template.md §1 and its variants): the
 * zone, period and 金额单位 above the header, the header's own problems (a column twice, a required
 * column missing, no unit column), then the indicator rows.
 */
import type { Finding } from '../types';
import { indexCatalogue } from './catalogue-match';
import { finding, type FindingWhere } from './findings';
import type { GridView } from './grid';
import { HEADER_SCAN_ROWS, type HeaderFound } from './header';
import { readIndicatorRows } from './indicator-rows';
import { COLUMN_NAMES } from './labels';
import { readMeta } from './meta';
import { startReading } from './reading';
import { DEFAULT_AMOUNT_UNIT, sheetIdentity, sheetUnitOf } from './sheet-meta';
import type { RecogniseContext } from './context';
import type { RecognisedReport } from './types';

const REQUIRED = ['name', 'ytd', 'base'] as const;
type Required = (typeof REQUIRED)[number];

/**
 * Required columns the header lacks. Beside the value column, a 同比 column will do without a 上年同期
 * column (template.md §5, growth without a base: the published growth is taken as it is).
 */
function missingColumns(h: HeaderFound | null): Required[] {
  const published = h?.columns.ytd !== undefined && h.columns.yoy !== undefined;
  return REQUIRED.filter((k) => h?.columns[k] === undefined && !(k === 'base' && published));
}

/** How the sheet is laid out, as layout.ts found it. */
export type ZoneSheetLayout =
  /** a header (through a transposed view: its meta lines are read from `metaFrom`, rows above `endRow`) */
  | { header: HeaderFound; metaFrom?: { g: GridView; endRow: number } }
  /** a report attempt without a usable header: the row that came closest */
  | { header: null; best: HeaderFound | null }
  /** indicators across the columns with nothing to read them by: the row naming them */
  | { header: null; across: number };

/** A report sheet with indicators down the rows, as `g` shows it. */
export function readZoneSheet(g: GridView, layout: ZoneSheetLayout, ctx: RecogniseContext): RecognisedReport {
  const header = layout.header;
  const metaFrom = 'metaFrom' in layout ? layout.metaFrom : undefined;
  const best = 'best' in layout ? layout.best : null;
  const across = 'across' in layout ? layout.across : undefined;
  const sheet = g.sheet.name;
  const meta = metaFrom ? readMeta(metaFrom.g, metaFrom.endRow) : readMeta(g, header ? header.row : Math.min(HEADER_SCAN_ROWS, g.rowCount));
  const id = sheetIdentity(g, sheet, meta, header, ctx.register, ctx.fallbackYear);
  const { where } = id;
  const findings: Finding[] = [];
  const report: RecognisedReport = {
    kind: 'report',
    sheet,
    zone: id.zone.zone,
    zoneText: id.zoneText,
    zoneCell: id.zoneCell,
    period: id.period,
    headerRow: header ? header.row : -1,
    columns: header ? header.columns : {},
    amountUnit: DEFAULT_AMOUNT_UNIT,
    records: [],
    findings,
    skipped: [],
  };

  if (!header) {
    // A report attempt without a usable header: only the layout error (zone and period follow once it is fixed).
    findings.push(across !== undefined ? acrossError(g, where, across) : layoutError(g, where, best, missingColumns(best)));
    return report;
  }
  if (metaFrom) findings.push(transposedInfo(g, where, header));
  findings.push(...id.problems);
  for (const d of header.duplicates) {
    const lr = header.labelRow[d.key] ?? header.row;
    findings.push(
      finding('error', 'V-LAYOUT', where, {
        zh: `表头有两列都是“${COLUMN_NAMES[d.key].zh}”(${g.addr(lr, d.first)} 和 ${g.addr(lr, d.second)}),只读取了第一列。请删除或改名其中一列。`,
        en: `Two header columns are both "${COLUMN_NAMES[d.key].en}" (${g.addr(lr, d.first)} and ${g.addr(lr, d.second)}); only the first is read. Delete or rename one of them.`,
      }, { cell: g.addr(lr, d.second), value: COLUMN_NAMES[d.key].zh }),
    );
  }
  for (const d of header.damaged) findings.push(damagedLabel(g, where, d));
  const missing = missingColumns(header);
  if (missing.length > 0) {
    // a damaged period label is what stands where the column should be: asked about once, not twice
    if (header.damaged.length === 0) findings.push(layoutError(g, where, header, missing));
    return report;
  }
  if (header.columns.base === undefined) findings.push(noBaseColumn(g, where, header));

  const sheetUnit = sheetUnitOf(meta, where, findings);
  report.amountUnit = sheetUnit.unit;
  const noUnit = header.columns.unit === undefined ? noUnitColumn(g, where, header, sheetUnit.stated ? sheetUnit.unit : null) : null;
  if (noUnit) findings.push(noUnit);
  const rd = startReading(g, where, sheetUnit, findings);
  report.records = readIndicatorRows(rd, header, indexCatalogue(ctx.config.catalogue));
  if (noUnit && rd.unitsInNames) {
    noUnit.message = {
      zh: noUnit.message.zh.replace(/。$/, ';名称中写明单位的指标(如“总产值(亿元)”)按该单位换算。'),
      en: noUnit.message.en.replace(/\.$/, '; indicators whose name gives a unit ("总产值(亿元)") are converted from it.'),
    };
  }
  return report;
}

/** Indicators across the columns with nothing to read them by: one error that says so (template.md §5). */
function acrossError(g: GridView, where: FindingWhere, row: number): Finding {
  const cell = g.addr(row, 0);
  return finding('error', 'V-LAYOUT', where, {
    zh: `第 ${row + 1} 行(单元格 ${cell} 起)横向列出了指标:本表的指标按列排列,而左侧没有可识别的时期列标题(本月、1-本月累计、上年同期累计、同比增长),本表未读取。请把指标放在第一列(一行一个指标),或在左侧第一列写明各行的时期。`,
    en: `Row ${row + 1} (from cell ${cell}) lists indicators across the columns: the indicators run across the columns, and there are no period labels down the side (本月, 1-本月累计, 上年同期累计, 同比增长) to read them by; the sheet was not read. Put the indicators down the first column (one per row), or label each row's period in the first column.`,
  }, { cell, value: g.text(row, 0) || null });
}

/** A transposed sheet read as the template: said once (info). */
function transposedInfo(g: GridView, where: FindingWhere, header: HeaderFound): Finding {
  const cell = g.addr(header.labelRow.name ?? header.row, header.columns.name as number);
  return finding('info', 'V-LAYOUT', where, {
    zh: `本表指标横向排列、时期纵向排列(单元格 ${cell} 起),已按列读取每个指标。`,
    en: `The indicators of this sheet run across the columns and the periods down the rows (from cell ${cell}); each indicator was read from its column.`,
  }, { cell });
}

/** A header label that looks like a period but cannot be read ("20261-9"): ask, do not guess. */
function damagedLabel(g: GridView, where: FindingWhere, d: HeaderFound['damaged'][number]): Finding {
  const cell = g.addr(d.row, d.col);
  return finding('error', 'V-PERIOD', where, {
    zh: `列标题“${d.text}”(单元格 ${cell})像是统计期,但无法确定是哪一年哪个月份(例如“2026年1-9月”还是“2026年9月”),该列未读取。请把列标题写完整,如“2026年1-9月”。`,
    en: `The column label "${d.text}" (cell ${cell}) looks like a period, but which year and month it means cannot be told (2026年1-9月, or 2026年9月?); the column was not read. Write the label in full, e.g. 2026年1-9月.`,
  }, { cell, value: d.text });
}

/** No 上年同期 column, but a 同比 column: the published growth is taken as it is, and said so once. */
function noBaseColumn(g: GridView, where: FindingWhere, header: HeaderFound): Finding {
  const cell = g.addr(header.labelRow.yoy ?? header.row, header.columns.yoy as number);
  return finding('info', 'V-LAYOUT', where, {
    zh: `表头没有“上年同期累计”列:各指标的同比按本表公布数(单元格 ${cell} 所在列)采用,不按上年同期数复算;需要上年同期数的核查未运行。`,
    en: `The header has no same-period-last-year column: each indicator's growth is taken as published in the growth column (cell ${cell}), not recomputed; checks that need last year's figure were not run.`,
  }, { cell });
}

/** No 计量单位 column: the catalogue units are assumed, and said so once (info). */
function noUnitColumn(g: GridView, where: FindingWhere, header: HeaderFound, sheetUnit: string | null): Finding {
  const cell = g.addr(header.labelRow.name ?? header.row, header.columns.name as number);
  return finding('info', 'V-LAYOUT', where, {
    zh: `表头(单元格 ${cell})没有“计量单位”列:各指标按指标目录的统一单位读取${sheetUnit !== null ? `(金额行按金额单位“${sheetUnit}”)` : ''}。`,
    en: `The header (cell ${cell}) has no unit column: every indicator is read in its catalogue unit${sheetUnit !== null ? ` (money rows in the sheet's amount unit "${sheetUnit}")` : ''}.`,
  }, { cell });
}

function layoutError(g: GridView, where: FindingWhere, best: HeaderFound | null, missing: readonly ('name' | 'ytd' | 'base')[]): Finding {
  const zh = missing.map((k) => `“${COLUMN_NAMES[k].zh}”`).join('、');
  const en = missing.map((k) => `"${COLUMN_NAMES[k].en}"`).join(', ');
  const cell = best ? g.addr(best.row, 0) : null;
  const noHeader = !best || best.columns.name === undefined;
  return finding('error', 'V-LAYOUT', where,
    noHeader
      ? {
          zh: `前${HEADER_SCAN_ROWS}行找不到表头${cell ? `(最接近的是第 ${(best as HeaderFound).row + 1} 行,单元格 ${cell})` : ''}(须有“指标名称”列和至少两个数值列,如“1-本月累计”“上年同期累计”)${missing.length ? `,缺少${zh}列` : ''}。本表未读取:请按模板补齐表头。`,
          en: `No header row in the first ${HEADER_SCAN_ROWS} rows${cell ? ` (the closest is row ${(best as HeaderFound).row + 1}, cell ${cell})` : ''} (it needs an indicator-name column and at least two value columns such as 1-本月累计 and 上年同期累计)${missing.length ? `; missing: ${en}` : ''}. The sheet was not read: add the header as in the template.`,
        }
      : {
          zh: `表头(第 ${(best as HeaderFound).row + 1} 行,单元格 ${cell})缺少${zh}列,无法计算同比和核查必填项,本表未读取。请按模板补上该列(可用的列名见模板说明)。`,
          en: `The header (row ${(best as HeaderFound).row + 1}, cell ${cell}) has no ${en} column, so growth and required figures cannot be checked; the sheet was not read. Add the column as in the template.`,
        },
    { cell, value: missing.join(',') },
  );
}
