/**
 * The exceljs implementation of WorkbookPort, over a workbook held in memory (opened from bytes or
 * created empty). Used by the command line and by the task pane in standalone (browser) mode, so it
 * uses no Node API: bytes in, bytes out (toBytes). User cells are never changed except, when
 * highlighted, their fill (and a note where the cell had none); clearHighlights restores both.
 */
import ExcelJS from 'exceljs';
import { PortError, TOOL_SHEETS, type ReadOptions, type WorkbookPort } from '../domain/port';
import type { Highlight, OutSheet } from '../domain/output/sheet-model';
import type { WorkbookGrid } from '../domain/types';
import { inputError, type InputErrorCode } from './input-errors';
import { guardInput } from './input-guard';
import { readGrid, VT } from './read-grid';
import { scanCellFixes, type CellFixes } from './empty-results';
import { renderSheet, solidFill } from './render-sheet';
import { STYLES } from '../domain/output/sheet-model';

/** Excel allows 32,767 characters in a cell; configuration chunks stay well below. */
export const CONFIG_CHUNK = 30_000;

const WRITABLE_TOOL_SHEETS: ReadonlySet<string> = new Set([
  TOOL_SHEETS.findings,
  TOOL_SHEETS.summary,
  TOOL_SHEETS.warnings,
  TOOL_SHEETS.history,
]);

const LEVEL_RANK = { info: 0, warning: 1, error: 2 } as const;

interface SavedCell {
  sheet: string;
  address: string;
  /** deep copy of the cell's own style before highlighting */
  style: Partial<ExcelJS.Style>;
  /** true when the tool added the note (the cell had none) */
  addedNote: boolean;
}

function portError(code: InputErrorCode): PortError {
  const e = inputError(code);
  return new PortError(e.code, e.message.zh, e.message.en);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

function deepCopy<T>(x: T): T {
  return structuredClone(x);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
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

/** The saved highlight state read back from a workbook; entries of the wrong shape are dropped. */
function parseSaved(text: string | null): SavedCell[] {
  if (text === null) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: SavedCell[] = [];
  for (const x of data) {
    if (isRecord(x) && typeof x.sheet === 'string' && typeof x.address === 'string' && isRecord(x.style) && typeof x.addedNote === 'boolean') {
      out.push({ sheet: x.sheet, address: x.address, style: x.style, addedNote: x.addedNote });
    }
  }
  return out;
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
  private saved = new Map<string, SavedCell>();

  private constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
    /** a workbook created by the tool (no user sheets): any sheet name may be written */
    private readonly created: boolean,
  ) {}

  /** Open an .xlsx from its bytes; throws PortError with an input-error code (input-errors.ts). */
  static async open(bytes: Uint8Array, name: string): Promise<XlsxWorkbookPort> {
    const guard = guardInput(bytes, name);
    if (guard) throw new PortError(guard.code, guard.message.zh, guard.message.en);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(toArrayBuffer(bytes));
    } catch {
      // exceljs's own messages are unstable and may echo file content: report our code only.
      throw portError('E_CORRUPT');
    }
    if (wb.worksheets.length === 0) throw portError('E_NO_SHEETS');
    const port = new XlsxWorkbookPort(wb, name, false);
    applyCellFixes(wb, await scanCellFixes(bytes));
    // Highlights saved by an earlier session can still be cleared exactly.
    for (const s of parseSaved(readChunks(wb, TOOL_SHEETS.highlightState))) port.saved.set(s.sheet + '!' + s.address, s);
    return port;
  }

  /** A new, empty workbook (e.g. the summary workbook). */
  static create(name: string): XlsxWorkbookPort {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'ZoneReport';
    return new XlsxWorkbookPort(wb, name, true);
  }

  async readWorkbook(opts: ReadOptions = {}): Promise<WorkbookGrid> {
    if (opts.signal?.aborted) throw new PortError('E_ABORTED', '已取消。', 'Cancelled.');
    return readGrid(this.workbook, this.name, { sheets: opts.sheets, onProgress: opts.onProgress });
  }

  async highlight(items: Highlight[]): Promise<void> {
    await this.clearHighlights();
    // One highlight per cell: the worst level, and every note.
    const byCell = new Map<string, Highlight>();
    for (const h of items) {
      const key = h.sheet + '!' + h.cell;
      const prev = byCell.get(key);
      if (!prev) byCell.set(key, { ...h });
      else {
        if (LEVEL_RANK[h.level] > LEVEL_RANK[prev.level]) prev.level = h.level;
        if (!prev.note.includes(h.note)) prev.note += '\n' + h.note;
      }
    }
    for (const [key, h] of byCell) {
      const ws = this.workbook.getWorksheet(h.sheet);
      if (!ws || ws.name === TOOL_SHEETS.config || ws.name === TOOL_SHEETS.highlightState) continue;
      const cell = ws.getCell(h.cell);
      // The cell's style object may be shared with other cells by exceljs: keep a deep copy and
      // give the cell a new object, so no other cell changes with it.
      const own = deepCopy(cell.style ?? {});
      const hadNote = cell.note !== undefined && cell.note !== null && cell.note !== '';
      this.saved.set(key, { sheet: ws.name, address: cell.address, style: own, addedNote: !hadNote });
      const fill = STYLES[h.level].fill;
      cell.style = { ...deepCopy(own), fill: fill ? solidFill(fill) : own.fill };
      // Never replace a note the user wrote; the 核查结果 sheet carries the finding then.
      if (!hadNote) cell.note = h.note;
    }
    if (this.saved.size > 0) writeChunks(this.workbook, TOOL_SHEETS.highlightState, JSON.stringify([...this.saved.values()]));
  }

  async clearHighlights(): Promise<void> {
    for (const s of this.saved.values()) {
      const ws = this.workbook.getWorksheet(s.sheet);
      if (!ws) continue;
      const cell = ws.getCell(s.address);
      cell.style = deepCopy(s.style);
      if (s.addedNote) {
        // exceljs has no API to delete a note: assigning undefined would write an empty one. Drop
        // its private note object, and the copy a loaded cell keeps in its value model.
        Reflect.set(cell, '_comment', undefined);
        Reflect.deleteProperty(cell.model, 'comment');
      }
    }
    this.saved.clear();
    const state = this.workbook.getWorksheet(TOOL_SHEETS.highlightState);
    if (state) this.workbook.removeWorksheet(state.id);
  }

  /** The cells currently highlighted, as 'Sheet!A1' keys (for tests and the pane). */
  highlightedCells(): string[] {
    return [...this.saved.keys()];
  }

  async writeSheets(sheets: OutSheet[]): Promise<void> {
    for (const sheet of sheets) {
      if (!this.created && !WRITABLE_TOOL_SHEETS.has(sheet.name)) {
        throw new PortError(
          'E_NOT_TOOL_SHEET',
          `工具只能写入自己的工作表(核查结果、汇总、预警清单、历史数据),不会写入“${sheet.name}”。`,
          `The tool only writes its own sheets (核查结果, 汇总, 预警清单, 历史数据), never "${sheet.name}".`,
        );
      }
      const old = this.workbook.getWorksheet(sheet.name);
      if (old) this.workbook.removeWorksheet(old.id);
      const ws = this.workbook.addWorksheet(sheet.name);
      renderSheet(ws, sheet);
    }
  }

  async loadStoredConfig(): Promise<string | null> {
    return readChunks(this.workbook, TOOL_SHEETS.config);
  }

  async storeConfig(json: string): Promise<void> {
    writeChunks(this.workbook, TOOL_SHEETS.config, json);
  }

  /** The workbook as .xlsx bytes. */
  async toBytes(): Promise<Uint8Array> {
    const buf: ArrayBuffer = await this.workbook.xlsx.writeBuffer();
    // Node returns a Buffer (a Uint8Array view), the browser build an ArrayBuffer.
    if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    return new Uint8Array(buf);
  }
}
