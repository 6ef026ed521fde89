/**
 * The WorkbookPort inside Excel (Office.js). Every method is one `run` batch with a fixed, small
 * number of `context.sync()` round trips (see read.ts, highlight.ts, write-sheets.ts), returns plain
 * data, and reports failures as PortError (errors.ts). The runner is `Excel.run` in production and
 * the recording fake's runner in tests; the only code here that names the `Excel` global is
 * `excelRunner()`, called only inside Excel.
 */
import type { Highlight, OutSheet } from '../domain/output/sheet-model';
import { PortError, type ReadOptions, type WorkbookPort } from '../domain/port';
import type { WorkbookGrid } from '../domain/types';
import type { ExcelRunner, SetSupport, XlContext } from './api';
import { toPortError, unsupportedError } from './errors';
import { applyHighlights, clearAllHighlights, type HighlightNotice } from './highlight';
import { isSetSupported } from './host';
import { readWorkbook } from './read';
import { syncChecked } from './sync';
import { findToolSheet, queueStoreRead, queueStoreWrite, storedText } from './tool-store';
import { DEBOUNCE_MS, watchSheetChanges } from './watch';
import { writeToolSheets } from './write-sheets';

/** `Excel.run` as an ExcelRunner (Excel.RequestContext satisfies the XlContext subset; see api.ts). */
export function excelRunner(): ExcelRunner {
  return <T>(batch: (ctx: XlContext) => Promise<T>) => Excel.run((ctx) => batch(ctx));
}

export interface OfficePortOptions {
  /** requirement-set check; defaults to Office.context.requirements (false outside Excel) */
  isSetSupported?: SetSupport;
  /** live-mode debounce in ms (default 800) */
  debounceMs?: number;
}

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly supports: SetSupport;
  private readonly debounceMs: number;
  /** writes in flight, and when the last one ended (live mode ignores the tool's own edits) */
  private writes = 0;
  private lastWriteEnd = 0;
  /**
   * What the last highlight or clear left undone (earlier highlights on sheets whose formats could
   * not be read), or null. Not an error: everything else was done, so WorkbookPort's void result
   * stays and the pane may show this as a warning.
   */
  lastHighlightNotice: HighlightNotice | null = null;

  constructor(
    private readonly run: ExcelRunner,
    opts: OfficePortOptions = {},
  ) {
    this.supports = opts.isSetSupported ?? isSetSupported;
    this.debounceMs = opts.debounceMs ?? DEBOUNCE_MS;
  }

  /** One batch; any failure becomes a PortError (and only that: no unhandled rejection escapes). */
  private async batch<T>(f: (ctx: XlContext) => Promise<T>): Promise<T> {
    try {
      return await this.run(f);
    } catch (e) {
      throw toPortError(e);
    }
  }

  private async writing<T>(f: (ctx: XlContext) => Promise<T>): Promise<T> {
    this.writes += 1;
    try {
      return await this.batch(f);
    } finally {
      this.writes -= 1;
      this.lastWriteEnd = Date.now();
    }
  }

  readWorkbook(opts?: ReadOptions): Promise<WorkbookGrid> {
    return readWorkbook(this.run, this.supports, opts);
  }

  async highlight(items: Highlight[]): Promise<void> {
    this.lastHighlightNotice = null;
    this.lastHighlightNotice = (await this.writing((ctx) => applyHighlights(ctx, items))).notice;
  }

  async clearHighlights(): Promise<void> {
    this.lastHighlightNotice = null;
    this.lastHighlightNotice = await this.writing((ctx) => clearAllHighlights(ctx));
  }

  async writeSheets(sheets: OutSheet[]): Promise<void> {
    await this.writing((ctx) => writeToolSheets(ctx, sheets, undefined, this.supports));
  }

  async loadStoredConfig(): Promise<string | null> {
    return this.batch(async (ctx) => {
      const coll = ctx.workbook.worksheets;
      coll.load('items/name');
      await syncChecked(ctx);
      const store = findToolSheet(coll.items);
      if (!store) return null;
      const range = queueStoreRead(store);
      await syncChecked(ctx);
      return storedText(range, 'A');
    });
  }

  async storeConfig(json: string): Promise<void> {
    await this.writing(async (ctx) => {
      const coll = ctx.workbook.worksheets;
      coll.load('items/name');
      await syncChecked(ctx);
      queueStoreWrite(ctx, findToolSheet(coll.items), 'A', json);
      await syncChecked(ctx);
    });
  }

  /** Click-to-select: activates the sheet and selects the cell (or range). */
  async selectCell(sheet: string, address: string): Promise<void> {
    await this.batch(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  /**
   * Live mode: calls `onSheetChanged(sheet)` a moment (~800 ms) after the user edits a sheet, once
   * per burst of edits. Resolves to a function that stops watching.
   */
  async watchChanges(onSheetChanged: (sheet: string) => void): Promise<() => void> {
    const gate = { isWriting: () => this.writes > 0 || Date.now() - this.lastWriteEnd < this.debounceMs };
    let stop: () => Promise<void>;
    try {
      stop = await watchSheetChanges(this.run, this.supports, gate, onSheetChanged, this.debounceMs);
    } catch (e) {
      throw toPortError(e);
    }
    return () => {
      // removal is best effort: the pane may be closing; a failure must not surface as unhandled
      stop().catch(() => undefined);
    };
  }

  /**
   * Inserts the sheets of an .xlsx file (base64) into this workbook with ExcelApi 1.13
   * insertWorksheetsFromBase64. Resolves false when the API is missing, so the pane reads the file
   * with the .xlsx port instead.
   */
  async insertWorkbook(base64: string): Promise<boolean> {
    if (!this.supports('ExcelApi', '1.13')) return false;
    await this.writing(async (ctx) => {
      ctx.workbook.insertWorksheetsFromBase64(base64, { positionType: 'End' });
      await ctx.sync();
    });
    return true;
  }

  /** A PortError for a feature this Excel lacks (for the pane's messages). */
  static unsupported(what: string, set: string): PortError {
    return unsupportedError(what, set);
  }
}
