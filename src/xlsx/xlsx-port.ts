/**
 * The .xlsx implementation of WorkbookPort, over a workbook held in memory (opened from bytes or
 * created empty). Used by the command line and by the task pane in standalone (browser) mode, so it
 * uses no Node API: bytes in, bytes out (toBytes). exceljs reads the workbook; an OPENED workbook is
 * written back as a patch on its original package (src/xlsx/package/), because exceljs's writer
 * drops charts, x14 extensions, custom properties… (spec/engineering-notes.md). Highlights are
 * tool-owned conditional formats recorded in column B of the store sheet, as the Office.js port
 * makes them, so no user cell's own format is changed, and this port clears what either port
 * recorded. A CREATED workbook (the summary workbook) has no original and is written by exceljs.
 * exceljs reads a copy without the sheets' data validations (read-copy.ts: it expands them cell by
 * cell, and reading needs none); the original bytes, validations included, are what the copy patches.
 */
import ExcelJS from 'exceljs';
import { PortError, TOOL_SHEETS, type ReadOptions, type WorkbookPort } from '../domain/port';
import type { Highlight, OutSheet } from '../domain/output/sheet-model';
import { patchPackage, type PatchPlan } from './package/patch';
import type { WorkbookGrid } from '../domain/types';
import { inputError, type InputErrorCode } from './input-errors';
import { guardInputForRead } from './input-guard';
import { readableCopy } from './read-copy';
import { readGrid, VT } from './read-grid';
import { scanCellFixes, type CellFixes } from './empty-results';
import { renderSheet } from './render-sheet';

/** Excel allows 32,767 characters in a cell; configuration chunks stay well below. */
export const CONFIG_CHUNK = 30_000;

const WRITABLE_TOOL_SHEETS: ReadonlySet<string> = new Set([
  TOOL_SHEETS.findings,
  TOOL_SHEETS.summary,
  TOOL_SHEETS.warnings,
  TOOL_SHEETS.history,
]);


function portError(code: InputErrorCode): PortError {
  const e = inputError(code);
  return new PortError(e.code, e.message.zh, e.message.en);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

/** Text stored in column A of a hidden state sheet, in chunks (Excel caps a cell at 32,767 characters). */
function writeChunks(wb: ExcelJS.Workbook, sheetName: string, text: string): void {
  const old = wb.getWorksheet(sheetName);
  if (old) wb.removeWorksheet(old.id);
  // veryHidden: invisible in Excel's Unhide dialog, so a clerk does not edit it by accident.
  const ws = wb.addWorksheet(sheetName, { state: 'veryHidden' });
  let r = 1;
  for (let i = 0; i < text.length; r++) {
    let end = Math.min(i + CONFIG_CHUNK, text.length);
    // never split a surrogate pair across two cells (a lone surrogate is not valid XML)
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    ws.getCell(r, 1).value = text.slice(i, end);
    i = end;
  }
}

function readChunks(wb: ExcelJS.Workbook, sheetName: string): string | null {
  const ws = wb.getWorksheet(sheetName);
  if (!ws) return null;
  let text = '';
  for (let r = 1; r <= ws.rowCount; r++) {
    const v: unknown = ws.getCell(r, 1).value;
    if (typeof v === 'string') text += v;
  }
  return text === '' ? null : text;
}

/**
 * Put back what exceljs misread (empty-results.ts): the "" cached results it dropped, so the reader
 * sees "" rather than "never calculated"; and the dates of t="d" cells it read as their year. The
 * reader then sees the file as Excel does, and a saved copy keeps the user's cells as they were.
 */
function applyCellFixes(wb: ExcelJS.Workbook, fixes: CellFixes): void {
  for (const [sheet, cells] of fixes.emptyResults) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    for (const address of cells) {
      const cell = ws.getCell(address);
      if (cell.type !== VT.Formula || cell.model.result !== undefined) continue;
      // exceljs's formula value has a result setter but Cell exposes none: set it on the value.
      const value: unknown = Reflect.get(cell, '_value');
      if (typeof value === 'object' && value !== null && 'result' in value) Reflect.set(value, 'result', '');
    }
  }
  for (const [sheet, cells] of fixes.isoDates) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    for (const [address, iso] of cells) {
      const cell = ws.getCell(address);
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : iso + 'Z');
      if (typeof cell.value === 'number' && !Number.isNaN(date.getTime())) cell.value = date;
    }
  }
}

export class XlsxWorkbookPort implements WorkbookPort {
  /** what toBytes applies to the original package (opened workbooks only) */
  private plan: PatchPlan = {};

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
    /** the bytes the workbook was opened from; null for a workbook the tool created */
    private readonly original: Uint8Array | null,
  ) {}

  /** Open an .xlsx from its bytes; throws PortError with an input-error code (input-errors.ts). */
  static async open(bytes: Uint8Array, name: string): Promise<XlsxWorkbookPort> {
    const guard = guardInputForRead(bytes, name);
    if ('code' in guard) throw new PortError(guard.code, guard.message.zh, guard.message.en);
    const wb = new ExcelJS.Workbook();
    try {
      const readable = await readableCopy(bytes, guard.validationParts);
      await wb.xlsx.load(toArrayBuffer(readable));
    } catch {
      // exceljs's own messages are unstable and may echo file content: report our code only.
      throw portError('E_CORRUPT');
    }
    if (wb.worksheets.length === 0) throw portError('E_NO_SHEETS');
    applyCellFixes(wb, await scanCellFixes(bytes));
    return new XlsxWorkbookPort(wb, name, bytes.slice());
  }

  /** A new, empty workbook (e.g. the summary workbook). */
  static create(name: string): XlsxWorkbookPort {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'ZoneReport';
    return new XlsxWorkbookPort(wb, name, null);
  }

  async readWorkbook(opts: ReadOptions = {}): Promise<WorkbookGrid> {
    if (opts.signal?.aborted) throw new PortError('E_ABORTED', '已取消。', 'Cancelled.');
    return readGrid(this.workbook, this.name, { sheets: opts.sheets, onProgress: opts.onProgress });
  }

  /**
   * Replaces the tool's highlights with `items` in the copy toBytes writes. A created workbook holds
   * only the tool's own sheets, which are never highlighted: nothing to do there.
   */
  async highlight(items: Highlight[]): Promise<void> {
    if (this.original) this.plan = { ...this.plan, highlights: items.map((h) => ({ ...h })) };
  }

  /** Removes every highlight the tool recorded in the workbook (by either port) from the copy. */
  async clearHighlights(): Promise<void> {
    if (this.original) this.plan = { ...this.plan, highlights: [] };
  }

  /** The cells the copy will highlight, as 'Sheet!A1' keys (for tests and the pane). */
  highlightedCells(): string[] {
    return [...new Set((this.plan.highlights ?? []).map((h) => `${h.sheet}!${h.cell.replace(/\$/g, '').toUpperCase()}`))];
  }

  async writeSheets(sheets: OutSheet[]): Promise<void> {
    for (const sheet of sheets) {
      if (this.original && !WRITABLE_TOOL_SHEETS.has(sheet.name)) {
        throw new PortError(
          'E_NOT_TOOL_SHEET',
          `工具只能写入自己的工作表(核查结果、汇总、预警清单、历史数据),不会写入“${sheet.name}”。`,
          `The tool only writes its own sheets (核查结果, 汇总, 预警清单, 历史数据), never "${sheet.name}".`,
        );
      }
      // also into the in-memory workbook, so a later read (e.g. of 历史数据) sees what was written
      const old = this.workbook.getWorksheet(sheet.name);
      if (old) this.workbook.removeWorksheet(old.id);
      renderSheet(this.workbook.addWorksheet(sheet.name), sheet);
      if (this.original) this.plan = { ...this.plan, sheets: [...(this.plan.sheets ?? []).filter((s) => s.name !== sheet.name), sheet] };
    }
  }

  async loadStoredConfig(): Promise<string | null> {
    return readChunks(this.workbook, TOOL_SHEETS.config);
  }

  async storeConfig(json: string): Promise<void> {
    writeChunks(this.workbook, TOOL_SHEETS.config, json);
    if (this.original) this.plan = { ...this.plan, config: json };
  }

  /** The workbook as .xlsx bytes: an opened workbook's original package with the tool's changes. */
  async toBytes(): Promise<Uint8Array> {
    if (this.original) return patchPackage(this.original, this.plan);
    const buf: ArrayBuffer = await this.workbook.xlsx.writeBuffer();
    // Node returns a Buffer (a Uint8Array view), the browser build an ArrayBuffer.
    if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    return new Uint8Array(buf);
  }
}
