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

/** A report sheet with indicators down the rows; `header` null: a report attempt without a usable header (`best` came closest). */
export function readZoneSheet(g: GridView, header: HeaderFound | null, best: HeaderFound | null, ctx: RecogniseContext): RecognisedReport {
  const sheet = g.sheet.name;
  const meta = readMeta(g, header ? header.row : Math.min(HEADER_SCAN_ROWS, g.rowCount));
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
    findings.push(layoutError(g, where, best, REQUIRED.filter((k) => best?.columns[k] === undefined)));
    return report;
  }
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
  const missing = REQUIRED.filter((k) => header.columns[k] === undefined);
  if (missing.length > 0) {
    findings.push(layoutError(g, where, header, missing));
    return report;
  }

  const sheetUnit = sheetUnitOf(meta, where, findings);
  report.amountUnit = sheetUnit.unit;
  if (header.columns.unit === undefined) findings.push(noUnitColumn(g, where, header, sheetUnit.stated ? sheetUnit.unit : null));
  report.records = readIndicatorRows(startReading(g, where, sheetUnit, findings), header, indexCatalogue(ctx.config.catalogue));
  return report;
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
