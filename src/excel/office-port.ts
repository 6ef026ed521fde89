/**
 * The WorkbookPort inside Excel (Office.js). Every method is one `run` batch with a fixed, small
 * number of `context.sync()` round trips (see read.ts, highlight.ts, write-sheets.ts), returns plain
 * data, and reports failures as PortError (errors.ts). Every sync is guarded (sync.ts): Cancel and a
 * watchdog end a sync Excel never answers. What needs a newer Excel than the host's is refused with
 * a PortError saying so (capabilities.ts). The runner is `Excel.run` in production and the recording
 * fake's runner in tests; the only code here that names the `Excel` global is `excelRunner()`,
 * called only inside Excel.
 */
import type { Highlight, OutSheet } from '../domain/output/sheet-model';
import { PortError, TOOL_SHEETS, type ReadOptions, type WorkbookPort } from '../domain/port';
import type { Bilingual, WorkbookGrid } from '../domain/types';
import type { ExcelRunner, SetSupport, XlContext } from './api';
import { featureName, FEATURE_SET, limitsNotice, supportsFeature, type ExcelFeature } from './capabilities';
import { isFatalForRetry, noActiveSheetError, structureProtectedError, toPortError, unsupportedError } from './errors';
import { applyHighlights, clearAllHighlights, type HighlightNotice } from './highlight';
import { isSetSupported } from './host';
import { readWorkbookIn } from './read';
import { guardedContext, SYNC_TIMEOUT_MS, syncChecked } from './sync';
import { findToolSheet, queueStoreRead, queueStoreWrite, storedText } from './tool-store';
import { DEBOUNCE_MS, watchSheetEdits, type LiveChange } from './watch';
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
  /** how long one sync may go unanswered before the operation is given up (default 60 s) */
  syncTimeoutMs?: number;
}

export class OfficeWorkbookPort implements WorkbookPort {
  private readonly supports: SetSupport;
  private readonly debounceMs: number;
  private readonly syncTimeoutMs: number;
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
    this.syncTimeoutMs = opts.syncTimeoutMs ?? SYNC_TIMEOUT_MS;
  }

  /**
   * One batch with guarded syncs; any failure becomes a PortError (and only that: no unhandled
   * rejection escapes). When the guard gives up (Cancel, or Excel not answering) the batch is not
   * waited for any longer: Excel.run itself may never settle.
   */
  private async batch<T>(f: (ctx: XlContext) => Promise<T>, signal?: AbortSignal): Promise<T> {
    let giveUp: (e: unknown) => void = () => undefined;
    const gaveUp = new Promise<never>((_, reject) => (giveUp = reject));
    const work = this.run((ctx) => f(guardedContext(ctx, { signal, timeoutMs: this.syncTimeoutMs, onGiveUp: giveUp })));
    // whichever loses the race must not surface as an unhandled rejection
    work.catch(() => undefined);
    gaveUp.catch(() => undefined);
    try {
      return await Promise.race([work, gaveUp]);
    } catch (e) {
      throw toPortError(e);
    }
  }

  private async writing<T>(f: (ctx: XlContext) => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.writes += 1;
    try {
      return await this.batch(f, signal);
    } finally {
      this.writes -= 1;
      this.lastWriteEnd = Date.now();
    }
  }

  /** Whether this Excel has a feature (highlight, writeSheets, storeConfig, live). */
  can(feature: ExcelFeature): boolean {
    return supportsFeature(this.supports, feature);
  }

  /** What the pane says at start when this Excel lacks features (null: it has them all). */
  limits(): Bilingual | null {
    return limitsNotice(this.supports);
  }

  private require(feature: ExcelFeature): void {
    if (!this.can(feature)) throw unsupportedError(featureName(feature), `ExcelApi ${FEATURE_SET[feature]}`);
  }

  readWorkbook(opts?: ReadOptions): Promise<WorkbookGrid> {
    return this.batch((ctx) => readWorkbookIn(ctx, this.supports, opts), opts?.signal);
  }

  async highlight(items: Highlight[]): Promise<void> {
    this.lastHighlightNotice = null;
    this.lastHighlightNotice = (await this.writing((ctx) => applyHighlights(ctx, items, this.supports))).notice;
  }

  async clearHighlights(): Promise<void> {
    this.lastHighlightNotice = null;
    this.lastHighlightNotice = await this.writing((ctx) => clearAllHighlights(ctx, this.supports));
  }

  async writeSheets(sheets: OutSheet[]): Promise<void> {
    await this.writing((ctx) => writeToolSheets(ctx, sheets, this.supports));
  }

  async loadStoredConfig(): Promise<string | null> {
    return this.batch(async (ctx) => {
      const coll = ctx.workbook.worksheets;
      coll.load('items/name');
      await syncChecked(ctx);
      const store = findToolSheet(coll.items);
      if (!store) return null;
      const range = queueStoreRead(store, this.supports);
      await syncChecked(ctx);
      return storedText(range, 'A');
    });
  }

  async storeConfig(json: string): Promise<void> {
    this.require('storeConfig');
    await this.writing(async (ctx) => {
      const coll = ctx.workbook.worksheets;
      coll.load('items/name');
      const protection = ctx.workbook.protection.load('protected');
      await syncChecked(ctx);
      const store = findToolSheet(coll.items);
      // the store sheet would have to be added: refused before anything is written
      if (!store && protection.protected) throw structureProtectedError([TOOL_SHEETS.config]);
      queueStoreWrite(ctx, store, 'A', json);
      await syncChecked(ctx);
    });
  }

  /** Click-to-select: activates the sheet and selects the cell (or range). ExcelApi 1.1. */
  async selectCell(sheet: string, address: string): Promise<void> {
    await this.batch(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await ctx.sync();
    });
  }

  /**
   * The active worksheet's name (ExcelApi 1.1). A chart sheet may be active: Excel has no worksheet
   * to give, and the clerk is told to switch sheets instead of a raw error.
   */
  async activeSheetName(signal?: AbortSignal): Promise<string> {
    return this.batch(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      try {
        await syncChecked(ctx, signal);
      } catch (e) {
        if (isFatalForRetry(e)) throw e;
        throw noActiveSheetError();
      }
      return ws.name;
    }, signal);
  }

  /**
   * Live mode: hands `onChange` the grids of the sheets the clerk edited, a moment (~800 ms) after
   * a burst of edits, read in one round trip; or tells of sheets added, deleted, renamed or moved.
   * One change at a time: the next waits until `onChange` resolves. Resolves to a function that
   * stops watching. (Live checking itself: watch-session.ts.)
   */
  async watchEdits(onChange: (change: LiveChange) => Promise<void>): Promise<() => void> {
    const gate = { isWriting: () => this.writes > 0 || Date.now() - this.lastWriteEnd < this.debounceMs };
    let stop: () => Promise<void>;
    try {
      stop = await watchSheetEdits((f) => this.batch(f), this.supports, gate, onChange, this.debounceMs);
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
