/**
 * writeSheets for the Office.js port: replaces the tool's own sheets (核查结果, 汇总, 预警清单, 历史数据)
 * in one batch — sync 1 reads the sheet names, sync 2 deletes the old sheets and writes the new ones:
 * number formats and values (formulas) as one 2-D array per sheet, fills and fonts grouped per style
 * into RangeAreas, column widths, frozen panes, merges, tab colour. A sheet whose arrays exceed the
 * request budget is written in row blocks, one extra sync per budget's worth.
 *
 * Below ExcelApi 1.9 (no RangeAreas) the styles go area by area, in the same syncs. Sheets are
 * added and deleted, so a workbook whose structure is protected is refused before anything is
 * written (ExcelApi 1.7 workbook.protection); the whole module needs ExcelApi 1.7 (tab colour,
 * frozen panes).
 *
 * Text cells are written with the text format '@' (unless the model gives a format): Excel parses
 * strings written through the API like typed input, so "01" would become 1, "2026-09" a date and
 * "=x" a formula. Formula cells (OutCell.f) are written as formulas so Excel computes them.
 * Calculation is not suspended: the formulas of 汇总 must calculate.
 */
import { a1, columnLetters } from '../domain/a1';
import { FORMATS, STYLES, type OutCell, type OutSheet, type StyleKey } from '../domain/output/sheet-model';
import { PortError, TOOL_SHEETS } from '../domain/port';
import { packCells, splitAreas } from '../domain/a1-areas';
import type { SetSupport, XlContext, XlWorksheet } from './api';
import { featureName, FEATURE_SET, supportsFeature } from './capabilities';
import { structureProtectedError, unsupportedError } from './errors';
import { queueLevelChart } from './level-chart';
import { queuePageLayout } from './page-layout';
import { jsonBytes, REQUEST_BUDGET_BYTES } from './limits';
import { syncChecked } from './sync';

const WRITABLE = new Set<string>([TOOL_SHEETS.findings, TOOL_SHEETS.summary, TOOL_SHEETS.onePage, TOOL_SHEETS.warnings, TOOL_SHEETS.history]);

/** Excel column width in points for a width in characters (≈7 px per character + 5 px padding). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** The formula-or-value and number format of one cell, as written. */
export function cellContent(c: OutCell | undefined): { input: string | number; fmt: string } {
  if (!c) return { input: '', fmt: 'General' };
  if (c.f) return { input: c.f.startsWith('=') ? c.f : `=${c.f}`, fmt: c.fmt ?? 'General' };
  if (c.v === null) return { input: '', fmt: c.fmt ?? 'General' };
  if (typeof c.v === 'string') return { input: c.v, fmt: c.fmt ?? FORMATS.text };
  return { input: c.v, fmt: c.fmt ?? 'General' };
}

function notToolSheet(name: string): PortError {
  return new PortError(
    'E_NOT_TOOL_SHEET',
    `工具只能写入自己的工作表(核查结果、汇总、一页纸、预警清单、历史数据),不会写入“${name}”。`,
    `The tool only writes its own sheets (核查结果, 汇总, 一页纸, 预警清单, 历史数据), never "${name}".`,
  );
}

/** Queues one sheet's content; calls `flush` (a sync) whenever the budget would be exceeded. */
async function queueSheet(
  ctx: XlContext,
  ws: XlWorksheet,
  sheet: OutSheet,
  budget: { used: number },
  flush: () => Promise<void>,
  supports: SetSupport,
): Promise<void> {
  const rangeAreas = supports('ExcelApi', '1.9');
  const width = Math.max(1, sheet.columns.length, ...sheet.rows.map((r) => r.length));
  const last = columnLetters(width - 1);
  let block: { inputs: (string | number)[][]; fmts: string[][]; top: number } = { inputs: [], fmts: [], top: 0 };
  const writeBlock = () => {
    if (block.inputs.length === 0) return;
    const range = ws.getRange(`A${block.top + 1}:${last}${block.top + block.inputs.length}`);
    // formats first: a text format must be in place before the text arrives
    range.numberFormat = block.fmts;
    range.formulas = block.inputs;
  };
  for (let r = 0; r < sheet.rows.length; r++) {
    const inputs: (string | number)[] = [];
    const fmts: string[] = [];
    for (let c = 0; c < width; c++) {
      const { input, fmt } = cellContent(sheet.rows[r][c]);
      inputs.push(input);
      fmts.push(fmt);
    }
    const cost = jsonBytes(inputs) + jsonBytes(fmts);
    if (budget.used + cost > REQUEST_BUDGET_BYTES && (budget.used > 0 || block.inputs.length > 0)) {
      writeBlock();
      await flush();
      block = { inputs: [], fmts: [], top: r };
    }
    if (block.inputs.length === 0) block.top = r;
    block.inputs.push(inputs);
    block.fmts.push(fmts);
    budget.used += cost;
  }
  writeBlock();

  // styles: one RangeAreas per style and address string
  const byStyle = new Map<StyleKey, string[]>();
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell?.style) return;
      const list = byStyle.get(cell.style) ?? [];
      list.push(a1(r, c));
      byStyle.set(cell.style, list);
    }),
  );
  for (const [key, cells] of byStyle) {
    const spec = STYLES[key];
    const packed = packCells(cells);
    // one RangeAreas per address string (ExcelApi 1.9), else one range per area
    for (const address of rangeAreas ? packed : packed.flatMap(splitAreas)) {
      const cost = jsonBytes(address) + 300;
      if (budget.used + cost > REQUEST_BUDGET_BYTES) await flush();
      budget.used += cost;
      const fmt = (rangeAreas ? ws.getRanges(address) : ws.getRange(address)).format;
      if (spec.fill) fmt.fill.color = `#${spec.fill}`;
      if (spec.font) fmt.font.color = `#${spec.font}`;
      if (spec.bold) fmt.font.bold = true;
      if (spec.size) fmt.font.size = spec.size;
    }
  }
  sheet.columns.forEach((col, c) => {
    ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = widthPoints(col.width);
  });
  for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
  const f = sheet.freeze;
  if (f && f.rows > 0 && f.cols > 0) ws.freezePanes.freezeAt(`A1:${a1(f.rows - 1, f.cols - 1)}`);
  else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
  else if (f && f.cols > 0) ws.freezePanes.freezeColumns(f.cols);
  if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
  // 一页纸: its chart (with the print area grown to hold it) and its page setup
  if (sheet.chart) queueLevelChart(ws, sheet.chart);
  queuePageLayout(ws, sheet, supports, sheet.chart?.printArea);
}

export async function writeToolSheets(ctx: XlContext, sheets: OutSheet[], supports: SetSupport, signal?: AbortSignal): Promise<void> {
  for (const s of sheets) if (!WRITABLE.has(s.name)) throw notToolSheet(s.name);
  if (sheets.length === 0) return;
  if (!supportsFeature(supports, 'writeSheets')) throw unsupportedError(featureName('writeSheets'), `ExcelApi ${FEATURE_SET.writeSheets}`);
  const rangeAreas = supports('ExcelApi', '1.9');
  const coll = ctx.workbook.worksheets;
  coll.load('items/name');
  const protection = ctx.workbook.protection.load('protected');
  await syncChecked(ctx, signal);
  // adding and deleting sheets is what structure protection forbids: refuse before writing anything
  if (protection.protected) throw structureProtectedError(sheets.map((s) => s.name));
  const existing = new Map(coll.items.map((ws) => [ws.name, ws]));
  const budget = { used: 0 };
  const suspend = () => {
    if (rangeAreas) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  };
  const flush = async () => {
    await syncChecked(ctx, signal);
    budget.used = 0;
    suspend();
  };
  suspend();
  for (const sheet of sheets) {
    existing.get(sheet.name)?.delete();
    const ws = coll.add(sheet.name);
    await queueSheet(ctx, ws, sheet, budget, flush, supports);
  }
  await syncChecked(ctx, signal);
}
