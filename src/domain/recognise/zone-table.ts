/**
 * A table of many zones, zones down the rows and indicators across the columns (template.md §5): the
 * period and units from the lines above it (统计期, the title "2026年1-9月…", 单位:亿元、%) and its
 * figure labels; then each row by what it is (table-rows.ts). Each zone row becomes that zone's
 * report for the month, read cell by cell exactly as a zone's own sheet (record.ts), its findings
 * pointing at the table's cells; totals and the other rows are kept for the totals check; everything
 * about the table as a whole is said once, for the table.
 */
import type { Indicator } from '../config/schema';
import type { Bilingual, ColumnKey, Finding, Period } from '../types';
import type { ParsedRecord, RecognisedReport, RecognisedTable, TableRow } from './types';
import { normaliseLabel } from '../cells/normalise';
import { readNumber } from '../cells/read-number';
import type { RecogniseContext } from './context';
import { indexCatalogue, matchName } from './catalogue-match';
import { dataRows } from './data-rows';
import { finding, type FindingWhere } from './findings';
import type { GridView } from './grid';
import { readMeta, type MetaValue } from './meta';
import { periodKey, readPeriodText } from './period';
import { startReading, type Reading } from './reading';
import { readRecord, type RecordPlace } from './record';
import { resolvePeriod } from './resolve-period';
import { rowUnitOf, type SheetUnit } from './row-unit';
import { sheetUnitOf } from './sheet-meta';
import type { TableGroup, TableHeader } from './table-header';
import { classifyRow, type RowClass } from './table-rows';
import { requiredCodes } from '../rules/required';

const FIGURES = ['month', 'ytd', 'base', 'yoy', 'target', 'quarter'] as const;

/** A period in a title line above the table ("2026年1-9月全市开发区主要经济指标"), as a declared period. */
function titlePeriod(g: GridView, before: number): MetaValue | null {
  for (let r = 0; r < before; r++) {
    for (let c = 0; c < g.width(r); c++) {
      const t = g.text(r, c);
      if (t === '' || t.length > 60) continue;
      const p = readPeriodText(t);
      if (p.kind === 'period' && p.year !== null) return { text: t, cell: g.addr(r, c), raw: undefined };
    }
  }
  return null;
}

/** A published rank ("3", "第3位", "并列3", "3/10"), or null. */
function rankOf(text: string): number | null {
  const m = /^(?:并列)?第?(\d{1,4})(?:位|名)?(?:\/\d+)?$/.exec(normaliseLabel(text));
  return m ? Number(m[1]) : null;
}

export function readZoneTable(g: GridView, header: TableHeader, ctx: RecogniseContext): RecognisedTable {
  const sheet = g.sheet.name;
  const meta = readMeta(g, header.top);
  const ytd = header.ytdMonth ? { n: header.ytdMonth.n, year: header.ytdMonth.year, cell: g.addr(header.ytdMonth.row, header.ytdMonth.col), text: g.text(header.ytdMonth.row, header.ytdMonth.col) } : null;
  const per = resolvePeriod({ declared: meta.period ?? titlePeriod(g, header.top), sheetName: sheet, ytdMonth: ytd, fallbackYear: ctx.fallbackYear });
  const period: Period | null = per.period;
  const where: FindingWhere = { sheet, zone: null, period: period ? periodKey(period) : null };
  const findings: Finding[] = [];
  const table: RecognisedTable = { kind: 'table', sheet, period, reports: [], rows: [], findings, skipped: [] };
  for (const p of per.problems) findings.push(finding('error', 'V-PERIOD', where, p.message, { cell: p.cell, value: p.value }));
  for (const u of header.unknown) {
    const cell = g.addr(u.row, u.col);
    findings.push(finding('info', 'V-UNKNOWN-ROW', where, {
      zh: `列标题“${u.text}”(单元格 ${cell})不是指标目录中的指标,该列未读取。若它是目录中的指标,请按目录填写名称。`,
      en: `The column label "${u.text}" (cell ${cell}) names no catalogue indicator; the column was not read. If it is one, write its name as in the catalogue.`,
    }, { cell, value: u.text }));
  }
  for (const d of header.repeated) {
    const cell = g.addr(d.row, d.col);
    findings.push(finding('error', 'V-DUP', where, {
      zh: `指标“${d.ind.name}”在表头出现两次(${g.addr(d.row, d.first)} 和 ${cell}),第二次的各列未读取。请删除重复的列。`,
      en: `Indicator ${d.ind.code} (${d.ind.nameEn}) heads two sets of columns (${g.addr(d.row, d.first)} and ${cell}); the second was not read. Delete the repeated columns.`,
    }, { cell, indicator: d.ind.code, value: g.text(d.row, d.col) }));
  }
  const sheetUnit = sheetUnitOf(meta, where, findings);
  noteUnits(g, header, sheetUnit, where, findings);
  noteAbsentKeys(ctx, header, g, where, findings);

  const idx = indexCatalogue(ctx.config.catalogue);
  const once = { findings, where };
  const conversions = new Set<string>();
  const columns = syntheticColumns(header);
  const scan = dataRows(g, header.row + 1, {}, header.zoneCol);
  for (const { r } of scan.rows) {
    const text = g.text(r, header.zoneCol);
    // a zone is named by text: a number or a date in the name column names nothing
    if (typeof g.cell(r, header.zoneCol)?.v !== 'string' || text === '' || header.groups.every((gr) => FIGURES.every((k) => gr.columns[k] === undefined || g.text(r, gr.columns[k] as number) === ''))) continue;
    const cell = g.addr(r, header.zoneCol);
    if (matchName(idx, text)) {
      // an indicator's name where the zones are named: this is no row of zones
      findings.push(finding('info', 'V-UNKNOWN-ROW', where, {
        zh: `第 ${r + 1} 行“${text}”(单元格 ${cell})是指标名称而不是开发区,本行未读取。各开发区应各占一行,指标各占一列。`,
        en: `Row ${r + 1}: "${text}" (cell ${cell}) names an indicator, not a zone; the row was not read. Each zone takes a row, each indicator a column.`,
      }, { cell, value: text }));
      continue;
    }
    const cls = classifyRow(text, ctx.register);
    if (cls.kind === 'zone') {
      const zw: FindingWhere = { sheet, zone: cls.zone.code, period: where.period };
      const rd: Reading = { ...startReading(g, zw, sheetUnit), once, sheetConversions: conversions };
      const records = readRow(rd, header, r, table, where);
      const report: RecognisedReport = {
        kind: 'report', sheet, zone: cls.zone, zoneText: text, zoneCell: cell, period, headerRow: header.row, columns,
        amountUnit: sheetUnit.unit, records, findings: rd.findings, skipped: [], layout: 'table',
      };
      table.reports.push(report);
      continue;
    }
    if (cls.kind === 'unknown') {
      findings.push(finding('error', 'V-ZONE', where, {
        zh: `第 ${r + 1} 行“${text}”(单元格 ${cell})不在开发区名录中,本行未读取。请按名录填写规范名称或简称,或请主管部门把该开发区加入名录。`,
        en: `Row ${r + 1}: "${text}" (cell ${cell}) is not in the zone register; the row was not read. Write the official name or an alias as in the register, or ask the bureau to add the zone.`,
      }, { cell, value: text }));
      continue;
    }
    const rd: Reading = { ...startReading(g, where, sheetUnit, findings), once, sheetConversions: conversions };
    const row: TableRow = { row: r, text, cell, kind: cls.kind, dedup: 'dedup' in cls ? cls.dedup : false, records: readRow(rd, header, r, null, where) };
    table.rows.push(row);
    const note = rowNote(cls, text, cell);
    if (note) findings.push(finding('info', 'V-LAYOUT', where, note, { cell, value: text }));
  }
  return table;
}

/** Why a row that names something is not read as a zone (info), or null for totals and others. */
function rowNote(cls: RowClass, text: string, cell: string): Bilingual | null {
  if (cls.kind === 'contains') {
    return cls.zone
      ? {
          zh: `“${text}”(单元格 ${cell})包含开发区“${cls.zone.name}”,但不是该开发区本身,按非开发区行处理(计入合计核对,不参与排名)。如这一行就是该开发区,请在名录的简称中加上“${text}”。`,
          en: `"${text}" (cell ${cell}) contains the zone "${cls.zone.name}" but is not that zone: it is read as a row that is no zone (added into the totals, not ranked). If the row is that zone, add "${text}" to the zone's aliases in the register.`,
        }
      : {
          zh: `“${text}”(单元格 ${cell})合并了几个区域,按非开发区行处理(计入合计核对,不参与排名)。`,
          en: `"${text}" (cell ${cell}) joins several areas: it is read as a row that is no zone (added into the totals, not ranked).`,
        };
  }
  if (cls.kind === 'district') {
    return {
      zh: `“${text}”(单元格 ${cell})是行政区划而非开发区,按非开发区行处理(计入合计核对,不参与排名)。`,
      en: `"${text}" (cell ${cell}) is a district, not a zone: it is read as a row that is no zone (added into the totals, not ranked).`,
    };
  }
  return null;
}

/** The records of one row: one per indicator group, its cells where the group's columns cross the row. */
function readRow(rd: Reading, header: TableHeader, r: number, table: RecognisedTable | null, tableWhere: FindingWhere): ParsedRecord[] {
  const { g } = rd;
  const out: ParsedRecord[] = [];
  for (const gr of header.groups) {
    const nameCell = g.addr(gr.row, gr.col);
    const cells: Partial<Record<ColumnKey, string>> = { name: nameCell };
    const figures: RecordPlace['figures'] = {};
    const columnUnits: NonNullable<RecordPlace['columnUnits']> = {};
    for (const k of FIGURES) {
      const c = gr.columns[k];
      if (c === undefined) continue;
      cells[k] = g.addr(r, c);
      figures[k] = { r, c };
      const unit = gr.units[k] ?? gr.unit;
      if (unit !== null && unit !== undefined && k !== 'yoy') columnUnits[k] = { unit, cell: gr.units[k] ? g.addr(header.row, c) : nameCell };
    }
    if (gr.columns.rank !== undefined) cells.rank = g.addr(r, gr.columns.rank);
    const rec = readRecord(rd, {
      r,
      line: g.line(r),
      ind: gr.ind,
      cells,
      figures,
      unit: rowUnitOf(gr.ind, '', null, rd.sheetUnit, gr.unit && !isMoneyInd(gr.ind) ? { unit: gr.unit, cell: nameCell } : null),
      columnUnits,
      note: null,
      noBase: gr.columns.base === undefined,
    });
    if (gr.columns.rank !== undefined && table) readRank(rd, gr, r, rec, tableWhere, table);
    out.push(rec);
  }
  return out;
}

const isMoneyInd = (ind: Indicator): boolean => ind.unit !== '个' && ind.unit !== '%';

/** A 位次 cell: the rank the table publishes for the zone, kept on the record to be compared with the computed one. */
function readRank(rd: Reading, gr: TableGroup, r: number, rec: ParsedRecord, where: FindingWhere, table: RecognisedTable): void {
  const c = gr.columns.rank as number;
  const cell = rd.g.cell(r, c);
  const addr = rd.g.addr(r, c);
  const col: ColumnKey = gr.rankBy === 'growth' ? 'yoy' : 'ytd';
  if (typeof cell?.v === 'number' && Number.isInteger(cell.v) && cell.v >= 1) {
    rec.rankReported = { col, n: cell.v, cell: addr };
    return;
  }
  const text = rd.g.text(r, c);
  const n = text === '' ? null : rankOf(text);
  if (n !== null && n >= 1) {
    rec.rankReported = { col, n, cell: addr };
    return;
  }
  if (text === '' || readNumber(cell, { percent: false }).kind === 'nodata') return;
  table.findings.push(finding('error', 'V-TYPE', where, {
    zh: `单元格 ${addr}(${gr.ind.name},位次)的内容“${text}”不是位次。请填写名次数字(如 3),未排名请留空或填“—”。`,
    en: `Cell ${addr} (${gr.ind.nameEn}, rank) holds "${text}", which is not a rank. Write the place as a number (e.g. 3); leave it blank or write "—" when not ranked.`,
  }, { cell: addr, indicator: gr.ind.code, value: text }));
}

/** The columns a zone's report is said to have: what the rules ask of a report's layout. */
function syntheticColumns(header: TableHeader): Partial<Record<ColumnKey, number>> {
  const columns: Partial<Record<ColumnKey, number>> = { name: header.zoneCol };
  for (const gr of header.groups) {
    for (const [k, c] of Object.entries(gr.columns) as [ColumnKey, number][]) if (columns[k] === undefined) columns[k] = c;
  }
  return columns;
}

/** No unit written anywhere (names, labels, title lines): the catalogue units are assumed, and said so once. */
function noteUnits(g: GridView, header: TableHeader, sheetUnit: SheetUnit, where: FindingWhere, findings: Finding[]): void {
  const anyUnit = sheetUnit.stated || header.groups.some((gr) => gr.unit !== null || Object.keys(gr.units).length > 0);
  if (anyUnit) return;
  const cell = g.addr(header.top, header.zoneCol);
  findings.push(finding('info', 'V-LAYOUT', where, {
    zh: `表中(单元格 ${cell} 起)没有写明计量单位(标题、指标名称和列标题均无):各指标按指标目录的统一单位读取。`,
    en: `The table (from cell ${cell}) states no unit (not in its title lines, indicator names or column labels): every indicator is read in its catalogue unit.`,
  }, { cell }));
}

/** Key indicators the table does not carry: not checked, ranked or scored for any zone of it, and said once. */
function noteAbsentKeys(ctx: RecogniseContext, header: TableHeader, g: GridView, where: FindingWhere, findings: Finding[]): void {
  const present = new Set(header.groups.map((gr) => gr.ind.code));
  const absent = requiredCodes(ctx.config.catalogue).filter((c) => !present.has(c));
  if (absent.length === 0) return;
  const names = absent.map((c) => ctx.config.catalogue.find((i) => i.code === c)?.name ?? c);
  const cell = g.addr(header.top, header.zoneCol);
  findings.push(finding('info', 'V-LAYOUT', where, {
    zh: `表中(单元格 ${cell} 起)没有关键指标${names.map((n) => `“${n}”`).join('、')}:这些指标对表中各开发区未核查必填,也不参与排名和评分(评分按已有指标折算)。`,
    en: `The table (from cell ${cell}) carries no figures for the key indicators ${absent.join(', ')}: for its zones they are not checked as required, ranked or scored (scores are re-weighted over the indicators present).`,
  }, { cell, value: absent.join(',') }));
}
