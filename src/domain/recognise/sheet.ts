/**
 * Recognising one sheet (template.md §1, §4): the register, the history, a sheet the tool wrote, a
 * sheet that is not a report (skipped, with the reason), or a zone report: header, zone, period,
 * amount unit and indicator rows, values in catalogue units, and every finding recognition makes.
 */
import type { Config } from '../config/schema';
import type { Finding, SheetGrid } from '../types';
import { a1 } from '../a1';
import { normaliseUnit, isKnownUnit } from '../cells/units';
import { classifySheet } from './classify';
import { indexCatalogue } from './catalogue-match';
import { finding, type FindingWhere } from './findings';
import { gridView } from './grid';
import { findHeader, HEADER_SCAN_ROWS, type HeaderFound } from './header';
import { COLUMN_NAMES } from './labels';
import { readMeta } from './meta';
import { periodKey, stripPeriod } from './period';
import type { Register } from './register';
import { resolvePeriod } from './resolve-period';
import { readRows, type SheetUnit } from './rows';
import type { RecognisedReport, SheetRecognition } from './types';
import { resolveZone } from './zone';

export interface RecogniseContext {
  config: Config;
  register: Register | null;
  /** the year for a period given only as a month (from the workbook's other sheets or the register) */
  fallbackYear: number | null;
}

const REQUIRED = ['name', 'ytd', 'base'] as const;
const DEFAULT_AMOUNT_UNIT = '万元';

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
  const head = findHeader(g);
  if (head.kind === 'none' && !head.attempt) {
    const empty = Array.from({ length: g.rowCount }, (_, r) => r).every((r) => g.blankRow(r));
    return {
      kind: 'skipped',
      sheet: sheet.name,
      reason: empty
        ? { zh: '工作表为空。', en: 'The sheet is empty.' }
        : {
            zh: `前${HEADER_SCAN_ROWS}行没有月报表的标题或表头(指标名称、1-本月累计等),不是月报表,未核查。`,
            en: `No report title or header (指标名称, 1-本月累计…) in the first ${HEADER_SCAN_ROWS} rows: not a report sheet, not checked.`,
          },
    };
  }

  const header = head.kind === 'found' ? head.header : null;
  const meta = readMeta(g, header ? header.row : Math.min(HEADER_SCAN_ROWS, g.rowCount));

  // Zone: the value after 填报单位 / 开发区名称 / 单位名称, else the sheet name without any period in it
  // (a sheet named "9月" names no zone).
  const nameRest = stripPeriod(sheet.name);
  const zoneName = meta.zone
    ? { text: meta.zone.text, cell: meta.zone.cell }
    : nameRest !== ''
      ? { text: nameRest, cell: null }
      : null;
  const zone = resolveZone({ name: zoneName, code: meta.code ? { text: meta.code.text, cell: meta.code.cell } : null }, ctx.register, sheet.name);

  const ytdMonth =
    header && header.ytdMonth !== null
      ? {
          n: header.ytdMonth,
          year: header.ytdYear,
          cell: a1(header.labelRow.ytd ?? header.row, header.columns.ytd as number),
          text: g.text(header.labelRow.ytd ?? header.row, header.columns.ytd as number),
        }
      : null;
  const per = resolvePeriod({ declared: meta.period ?? null, sheetName: sheet.name, ytdMonth, fallbackYear: ctx.fallbackYear });

  const where: FindingWhere = { sheet: sheet.name, zone: zone.label, period: per.period ? periodKey(per.period) : null };
  const findings: Finding[] = [];

  const report: RecognisedReport = {
    kind: 'report',
    sheet: sheet.name,
    zone: zone.zone,
    zoneText: zoneName?.text ?? meta.code?.text ?? null,
    zoneCell: zoneName?.cell ?? meta.code?.cell ?? null,
    period: per.period,
    headerRow: header ? header.row : -1,
    columns: header ? header.columns : {},
    amountUnit: DEFAULT_AMOUNT_UNIT,
    records: [],
    findings,
    skipped: [],
  };

  if (!header) {
    // A report attempt without a usable header: only the layout error (zone and period follow once it is fixed).
    const best = head.kind === 'none' ? head.best : null;
    const missing = REQUIRED.filter((k) => best?.columns[k] === undefined);
    findings.push(layoutError(where, best, missing));
    return report;
  }

  for (const p of zone.problems) findings.push(finding('error', 'V-ZONE', where, p.message, { cell: p.cell, value: p.value }));
  for (const p of per.problems) findings.push(finding('error', 'V-PERIOD', where, p.message, { cell: p.cell, value: p.value }));

  for (const d of header.duplicates) {
    const lr = header.labelRow[d.key] ?? header.row;
    findings.push(
      finding('error', 'V-LAYOUT', where, {
        zh: `表头有两列都是“${COLUMN_NAMES[d.key].zh}”(${a1(lr, d.first)} 和 ${a1(lr, d.second)}),只读取了第一列。请删除或改名其中一列。`,
        en: `Two header columns are both "${COLUMN_NAMES[d.key].en}" (${a1(lr, d.first)} and ${a1(lr, d.second)}); only the first is read. Delete or rename one of them.`,
      }, { cell: a1(lr, d.second), value: COLUMN_NAMES[d.key].zh }),
    );
  }

  const missing = REQUIRED.filter((k) => header.columns[k] === undefined);
  if (missing.length > 0) {
    findings.push(layoutError(where, header, missing));
    return report;
  }

  // 金额单位: default 万元 when absent (and nothing said); unknown → one V-UNIT for the sheet.
  const sheetUnit: SheetUnit = { unit: DEFAULT_AMOUNT_UNIT, stated: false, cell: null, known: true };
  if (meta.unit) {
    const u = normaliseUnit(meta.unit.text);
    sheetUnit.unit = u;
    sheetUnit.stated = true;
    sheetUnit.cell = meta.unit.cell;
    sheetUnit.known = isKnownUnit(u);
    report.amountUnit = u;
    if (!sheetUnit.known) {
      findings.push(
        finding('error', 'V-UNIT', where, {
          zh: `金额单位“${meta.unit.text}”(单元格 ${meta.unit.cell})无法识别,未写计量单位的金额行没有读取。请写成元、千元、万元、亿元(或美元、万美元)。`,
          en: `The amount unit "${meta.unit.text}" (cell ${meta.unit.cell}) is not known, so money rows without their own unit were not read. Write 元, 千元, 万元 or 亿元 (or 美元, 万美元).`,
        }, { cell: meta.unit.cell, value: meta.unit.text }),
      );
    }
  }

  if (header.columns.unit === undefined) {
    const nameHeaderCell = a1(header.labelRow.name ?? header.row, header.columns.name as number);
    findings.push(
      finding('info', 'V-LAYOUT', where, {
        zh: `表头(单元格 ${nameHeaderCell})没有“计量单位”列:各指标按指标目录的统一单位读取${sheetUnit.stated ? `(金额行按金额单位“${sheetUnit.unit}”)` : ''}。`,
        en: `The header (cell ${nameHeaderCell}) has no unit column: every indicator is read in its catalogue unit${sheetUnit.stated ? ` (money rows in the sheet's amount unit "${sheetUnit.unit}")` : ''}.`,
      }, { cell: nameHeaderCell }),
    );
  }

  const rows = readRows(g, header, indexCatalogue(ctx.config.catalogue), sheetUnit, where);
  report.records = rows.records;
  findings.push(...rows.findings);
  return report;
}

function layoutError(where: FindingWhere, best: HeaderFound | null, missing: readonly ('name' | 'ytd' | 'base')[]): Finding {
  const zh = missing.map((k) => `“${COLUMN_NAMES[k].zh}”`).join('、');
  const en = missing.map((k) => `"${COLUMN_NAMES[k].en}"`).join(', ');
  const cell = best ? a1(best.row, 0) : null;
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
