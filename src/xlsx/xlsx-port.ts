/**
 * The file implementation of WorkbookPort, over a workbook held in memory (opened from a file's
 * bytes, or created empty). Used by the command line and by the task pane in standalone (browser)
 * mode, so it uses no Node API: bytes in, bytes out (toBytes).
 *
 * An OPENED workbook is read by src/xlsx/open/read-workbook.ts, whatever its format (.xlsx by the
 * project's own SpreadsheetML reader from the parts the guard inflated and inspected; .xls, .xlsb,
 * .ods, SpreadsheetML 2003 by SheetJS; CSV and HTML tables by the project's own readers). The
 * command line and the pane read in a worker with a time limit and hand the result to fromRead.
 * An .xlsx is written back as a patch on its original package (src/xlsx/package/), because a
 * parse-and-rewrite drops charts, x14 extensions, custom properties… (spec/engineering-notes.md).
 * Highlights are tool-owned conditional formats recorded in column B of the store sheet, as the
 * Office.js port makes them, so no user cell's own format is changed, and this port clears what
 * either port recorded. A file of another format cannot be patched in place: its annotated copy is
 * an .xlsx made of its cells (values, formulas with their results, number formats, merges, hidden
 * and protected sheets: package/legacy-base.ts) and then patched the same way.
 *
 * A CREATED workbook (the summary workbook, samples) has no original: exceljs writes it, loaded only
 * then (in the pane it stays out of every chunk a check needs).
 */
import type ExcelJS from 'exceljs';
import { PortError, TOOL_SHEETS, type ReadOptions, type WorkbookPort } from '../domain/port';
import type { Highlight, OutSheet } from '../domain/output/sheet-model';
import { outSheetToGrid } from '../domain/sample/grid';
import type { Finding, SheetGrid, WorkbookGrid } from '../domain/types';
import type { RawInflate } from './guard/inflate';
import type { Format } from './open/formats';
import { readWorkbookBytes, type ReadResult } from './open/read-workbook';
import { legacyBase } from './package/legacy-base';
import { patchPackage, type PatchPlan } from './package/patch';
import { readStore, storeOfGrids } from './package/store';
import type { Package } from './package/zip-parts';
import { creatorOf } from './ooxml/workbook-grid';
import { renderSheet } from './render-sheet';

/** Excel allows 32,767 characters in a cell; configuration chunks stay well below. */
export const CONFIG_CHUNK = 30_000;

/** The creator a workbook made by the tool records (docProps/core.xml). */
export const TOOL_CREATOR = 'ZoneReport';

const WRITABLE_TOOL_SHEETS: ReadonlySet<string> = new Set([
  TOOL_SHEETS.findings,
  TOOL_SHEETS.summary,
  TOOL_SHEETS.onePage,
  TOOL_SHEETS.warnings,
  TOOL_SHEETS.history,
]);

export interface OpenOptions {
  /** a faster raw-DEFLATE decoder than the JavaScript one (the command line gives Node's zlib) */
  inflate?: RawInflate;
}

/** What a port was opened from: an .xlsx (patched in place), a file of another format, or nothing. */
type Origin = { kind: 'xlsx'; bytes: Uint8Array; xml: Package } | { kind: 'legacy'; format: Format } | { kind: 'created' };

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
    private readonly origin: Origin,
    /** the original's worksheets as read */
    private readonly sheets: readonly SheetGrid[],
    private readonly inflate: RawInflate | undefined,
    /** the note the file's format earns in the report (open/notes.ts), or null */
    readonly note: Finding | null = null,
  ) {}

  /**
   * Open a workbook file from its bytes, read in this thread (no time limit: the command line and
   * the pane read in a worker and use fromRead); throws PortError with an input-error code.
   */
  static async open(bytes: Uint8Array, name: string, opts: OpenOptions = {}): Promise<XlsxWorkbookPort> {
    return XlsxWorkbookPort.fromRead(bytes, name, await readWorkbookBytes(bytes, name, { inflate: opts.inflate }), opts);
  }

  /** The port over what readWorkbookBytes gave for these bytes; throws PortError for a refusal. */
  static fromRead(bytes: Uint8Array, name: string, read: ReadResult, opts: OpenOptions = {}): XlsxWorkbookPort {
    if (!read.ok) throw new PortError(read.error.code, read.error.message.zh, read.error.message.en);
    const origin: Origin = read.format === 'xlsx' && read.pkg ? { kind: 'xlsx', bytes: bytes.slice(), xml: read.pkg } : { kind: 'legacy', format: read.format };
    return new XlsxWorkbookPort(name, origin, read.sheets, opts.inflate, read.note);
  }

  /** A port over the same file as opened, without the tool's changes (for a copy to annotate apart). */
  fresh(): XlsxWorkbookPort {
    return new XlsxWorkbookPort(this.name, this.origin, this.sheets, this.inflate, this.note);
  }

  /** A new, empty workbook (e.g. the summary workbook). */
  static create(name: string): XlsxWorkbookPort {
    return new XlsxWorkbookPort(name, { kind: 'created' }, [], undefined);
  }

  /** The format the workbook was read from (null for one the tool created). */
  get format(): Format | null {
    return this.origin.kind === 'xlsx' ? 'xlsx' : this.origin.kind === 'legacy' ? this.origin.format : null;
  }

  /** True for a workbook opened from a file (any format), false for one the tool created. */
  private get opened(): boolean {
    return this.origin.kind !== 'created';
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
    if (this.origin.kind === 'xlsx') return creatorOf(this.origin.xml);
    return this.origin.kind === 'created' ? TOOL_CREATOR : null;
  }

  /**
   * Replaces the tool's highlights with `items` in the copy toBytes writes. A created workbook holds
   * only the tool's own sheets, which are never highlighted: nothing to do there.
   */
  async highlight(items: Highlight[]): Promise<void> {
    if (this.opened) this.plan = { ...this.plan, highlights: items.map((h) => ({ ...h })) };
  }

  /** Removes every highlight the tool recorded in the workbook (by either port) from the copy. */
  async clearHighlights(): Promise<void> {
    if (this.opened) this.plan = { ...this.plan, highlights: [] };
  }

  /** The cells the copy will highlight, as 'Sheet!A1' keys (for tests and the pane). */
  highlightedCells(): string[] {
    return [...new Set((this.plan.highlights ?? []).map((h) => `${h.sheet}!${h.cell.replace(/\$/g, '').toUpperCase()}`))];
  }

  async writeSheets(sheets: OutSheet[]): Promise<void> {
    for (const sheet of sheets) {
      if (this.opened && !WRITABLE_TOOL_SHEETS.has(sheet.name)) {
        throw new PortError(
          'E_NOT_TOOL_SHEET',
          `工具只能写入自己的工作表(核查结果、汇总、一页纸、预警清单、历史数据),不会写入“${sheet.name}”。`,
          `The tool only writes its own sheets (核查结果, 汇总, 一页纸, 预警清单, 历史数据), never "${sheet.name}".`,
        );
      }
      // kept, so a later read (e.g. of 历史数据) sees what was written
      this.written.set(sheet.name, sheet);
      if (this.opened) this.plan = { ...this.plan, sheets: [...(this.plan.sheets ?? []).filter((s) => s.name !== sheet.name), sheet] };
    }
  }

  async loadStoredConfig(): Promise<string | null> {
    if (this.config !== undefined) return this.config;
    if (this.origin.kind === 'xlsx') return readStore(this.origin.xml).a;
    return this.origin.kind === 'legacy' ? storeOfGrids(this.sheets).a : null;
  }

  async storeConfig(json: string): Promise<void> {
    this.config = json;
    if (this.opened) this.plan = { ...this.plan, config: json };
  }

  /**
   * The workbook as .xlsx bytes: an opened .xlsx's original package with the tool's changes; a file
   * of another format as an .xlsx of its cells with the same changes; a created workbook as written.
   */
  async toBytes(): Promise<Uint8Array> {
    if (this.origin.kind === 'xlsx') return patchPackage(this.origin.bytes, this.plan, this.inflate);
    if (this.origin.kind === 'legacy') return patchPackage(await legacyBase(this.sheets), this.plan, this.inflate);
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
