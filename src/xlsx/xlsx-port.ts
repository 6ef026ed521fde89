/**
 * The .xlsx implementation of WorkbookPort, over a workbook held in memory (opened from bytes or
 * created empty). Used by the command line and by the task pane in standalone (browser) mode, so it
 * uses no Node API: bytes in, bytes out (toBytes).
 *
 * An OPENED workbook is read by the project's own SpreadsheetML reader (src/xlsx/ooxml/) from the XML
 * parts the input guard has already inflated and inspected: one inflation per file, and the cells as
 * Excel shows them (exceljs, which read them before, dropped "" cached results, misread t="d" dates
 * and expanded data validations cell by cell). It is written back as a patch on its original package
 * (src/xlsx/package/), because a parse-and-rewrite drops charts, x14 extensions, custom properties…
 * (spec/engineering-notes.md). Highlights are tool-owned conditional formats recorded in column B of
 * the store sheet, as the Office.js port makes them, so no user cell's own format is changed, and
 * this port clears what either port recorded.
 *
 * A CREATED workbook (the summary workbook, samples) has no original: exceljs writes it, loaded only
 * then (in the pane it stays out of every chunk a check needs).
 */
import type ExcelJS from 'exceljs';
import { PortError, TOOL_SHEETS, type ReadOptions, type WorkbookPort } from '../domain/port';
import type { Highlight, OutSheet } from '../domain/output/sheet-model';
import { outSheetToGrid } from '../domain/sample/grid';
import type { SheetGrid, WorkbookGrid } from '../domain/types';
import type { RawInflate } from './guard/inflate';
import { inputError, type InputErrorCode } from './guard/input-errors';
import { guardInputForRead } from './guard/input-guard';
import { patchPackage, type PatchPlan } from './package/patch';
import { readStore } from './package/store';
import type { Package } from './package/zip-parts';
import { creatorOf, readWorksheets } from './ooxml/workbook-grid';
import { renderSheet } from './render-sheet';

/** Excel allows 32,767 characters in a cell; configuration chunks stay well below. */
export const CONFIG_CHUNK = 30_000;

/** The creator a workbook made by the tool records (docProps/core.xml). */
export const TOOL_CREATOR = 'ZoneReport';

const WRITABLE_TOOL_SHEETS: ReadonlySet<string> = new Set([
  TOOL_SHEETS.findings,
  TOOL_SHEETS.summary,
  TOOL_SHEETS.warnings,
  TOOL_SHEETS.history,
]);

export interface OpenOptions {
  /** a faster raw-DEFLATE decoder than the JavaScript one (the command line gives Node's zlib) */
  inflate?: RawInflate;
}

function portError(code: InputErrorCode): PortError {
  const e = inputError(code);
  return new PortError(e.code, e.message.zh, e.message.en);
}

/** Text stored in column A of a hidden state sheet, in chunks (Excel caps a cell at 32,767 characters). */
function writeChunks(wb: ExcelJS.Workbook, sheetName: string, text: string): void {
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

export class XlsxWorkbookPort implements WorkbookPort {
  /** what toBytes applies to the original package (opened workbooks only) */
  private plan: PatchPlan = {};
  /** the tool's sheets written since opening, by name, in the order first written */
  private readonly written = new Map<string, OutSheet>();
  /** the configuration stored since opening (undefined: none stored, the workbook's own applies) */
  private config: string | undefined;

  private constructor(
    readonly name: string,
    /** the bytes the workbook was opened from; null for a workbook the tool created */
    private readonly original: Uint8Array | null,
    /** the inspected XML parts of the original */
    private readonly xml: Package | null,
    /** the original's worksheets as read */
    private readonly sheets: readonly SheetGrid[],
    private readonly inflate: RawInflate | undefined,
  ) {}

  /** Open an .xlsx from its bytes; throws PortError with an input-error code (input-errors.ts). */
  static async open(bytes: Uint8Array, name: string, opts: OpenOptions = {}): Promise<XlsxWorkbookPort> {
    const guard = guardInputForRead(bytes, name, opts.inflate);
    if ('code' in guard) throw new PortError(guard.code, guard.message.zh, guard.message.en);
    let sheets: SheetGrid[];
    try {
      sheets = readWorksheets(guard.xml);
    } catch {
      // a reader defect on a strange file must not crash the caller: report an unreadable workbook
      throw portError('E_CORRUPT');
    }
    if (sheets.length === 0) throw portError('E_NO_SHEETS');
    return new XlsxWorkbookPort(name, bytes.slice(), guard.xml, sheets, opts.inflate);
  }

  /** A new, empty workbook (e.g. the summary workbook). */
  static create(name: string): XlsxWorkbookPort {
    return new XlsxWorkbookPort(name, null, null, [], undefined);
  }

  /** Every sheet's grid: the workbook's own, with the tool's sheets written since replacing or following them. */
  private allSheets(): SheetGrid[] {
    const out = this.sheets.map((g) => {
      const w = this.written.get(g.name);
      return w ? outSheetToGrid(w) : g;
    });
    const own = new Set(this.sheets.map((g) => g.name));
    for (const [name, w] of this.written) if (!own.has(name)) out.push(outSheetToGrid(w));
    return out;
  }

  async readWorkbook(opts: ReadOptions = {}): Promise<WorkbookGrid> {
    if (opts.signal?.aborted) throw new PortError('E_ABORTED', '已取消。', 'Cancelled.');
    const wanted = opts.sheets ? new Set(opts.sheets) : null;
    // the tool's veryHidden store sheet (configuration, highlight record) is machinery, never shown to the engine
    const sheets = this.allSheets().filter((g) => g.name !== TOOL_SHEETS.config && (!wanted || wanted.has(g.name)));
    sheets.forEach((_, i) => opts.onProgress?.((i + 1) / sheets.length));
    return { name: this.name, sheets };
  }

  /** The workbook has a sheet of this name (its own or one the tool wrote since opening). */
  hasSheet(name: string): boolean {
    return this.sheets.some((g) => g.name === name) || this.written.has(name);
  }

  /** The creator the workbook records (TOOL_CREATOR for a workbook the tool made), or null. */
  creator(): string | null {
    return this.xml ? creatorOf(this.xml) : TOOL_CREATOR;
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
      // kept, so a later read (e.g. of 历史数据) sees what was written
      this.written.set(sheet.name, sheet);
      if (this.original) this.plan = { ...this.plan, sheets: [...(this.plan.sheets ?? []).filter((s) => s.name !== sheet.name), sheet] };
    }
  }

  async loadStoredConfig(): Promise<string | null> {
    if (this.config !== undefined) return this.config;
    return this.xml ? readStore(this.xml).a : null;
  }

  async storeConfig(json: string): Promise<void> {
    this.config = json;
    if (this.original) this.plan = { ...this.plan, config: json };
  }

  /** The workbook as .xlsx bytes: an opened workbook's original package with the tool's changes. */
  async toBytes(): Promise<Uint8Array> {
    if (this.original) return patchPackage(this.original, this.plan, this.inflate);
    const { default: Excel } = await import('exceljs');
    const wb = new Excel.Workbook();
    wb.creator = TOOL_CREATOR;
    for (const sheet of this.written.values()) renderSheet(wb.addWorksheet(sheet.name), sheet);
    if (this.config !== undefined) writeChunks(wb, TOOL_SHEETS.config, this.config);
    const buf: ArrayBuffer = await wb.xlsx.writeBuffer();
    // Node returns a Buffer (a Uint8Array view), the browser build an ArrayBuffer.
    if (ArrayBuffer.isView(buf)) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    return new Uint8Array(buf);
  }
}
