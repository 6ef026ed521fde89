/**
 * A recording fake of the Excel JavaScript API: an in-memory workbook implementing exactly the subset
 * in ../api.ts, with the proxy semantics that matter for batching:
 *  - reading a property before `load` + `sync` throws PropertyNotLoaded (like the real API);
 *  - writes and loads are queued and happen at `sync()`; a failing operation stops the batch, the
 *    ones before it stay applied (Excel batches are not transactions);
 *  - every `sync()` is counted and its request measured (serialised queued operations + loaded
 *    payload, UTF-8 bytes); above `maxRequestBytes` (5 MB) the sync throws
 *    RequestPayloadSizeLimitExceeded and nothing of it is applied;
 *  - a range read above `maxCellsPerRead` returns `values: null` (as Excel on the web does);
 *  - protected sheets refuse writes (AccessDenied), cell-edit mode refuses every sync, and any
 *    k-th sync can be made to fail (fault injection).
 * Loads queued after a write in the same batch (e.g. the id of a format just added) are measured
 * when they run; the port only queues small loads there, so the 5 MB check is exact for reads.
 * Exported for the port's tests and the benchmarks (syncs and request bytes per operation):
 *   const fx = new FakeExcel(); fx.addSheet('S', { rows }); new OfficeWorkbookPort(fx.run,
 *   { isSetSupported: fx.isSetSupported }); … fx.stats.syncs, fx.stats.requestBytes
 * Files: fake-state (data, errors), fake-context (queue, sync), fake-proxy, fake-objects (proxies).
 */
import type { ExcelRunner, SetSupport, XlChangedArgs, XlContext } from '../api';
import { FakeContext } from './fake-context';
import {
  FakeOfficeError,
  isCellState,
  type FakeCellState,
  type FakeCfState,
  type FakeExcelOptions,
  type FakeSheetInit,
  type FakeSheetState,
  type FakeStats,
} from './fake-state';

export {
  FakeOfficeError,
  type FakeCellState,
  type FakeCfState,
  type FakeExcelOptions,
  type FakeSheetInit,
  type FakeSheetState,
  type FakeStats,
  type FakeValue,
} from './fake-state';
export { FakeContext } from './fake-context';

// ------------------------------------------------------------------ the workbook and its runner

export class FakeExcel {
  readonly sheets: FakeSheetState[] = [];
  name: string;
  maxRequestBytes: number;
  maxCellsPerRead: number;
  /** when true every sync fails with InvalidOperationInCellEditMode */
  cellEditMode = false;
  readonly stats: FakeStats = {
    syncs: 0,
    requestBytes: [],
    getRangesCalls: 0,
    cfAdds: 0,
    rangeReads: 0,
    suspends: 0,
    unprotectAttempts: 0,
    runs: 0,
  };
  /** last selection made with range.select(): 'Sheet!A1' */
  selection: string | null = null;
  activeSheet: string | null = null;
  /** base64 payloads passed to insertWorksheetsFromBase64 */
  readonly inserted: string[] = [];
  readonly handlers: ((args: XlChangedArgs) => Promise<unknown>)[] = [];
  private supported: Set<string>;
  private unsupported: string[];
  private failures = new Map<number, string>();
  private nextSheetId = 1;
  private nextCfId = 1;

  constructor(opts: FakeExcelOptions = {}) {
    this.name = opts.name ?? 'Book1.xlsx';
    this.maxRequestBytes = opts.maxRequestBytes ?? 5_000_000;
    this.maxCellsPerRead = opts.maxCellsPerRead ?? 5_000_000;
    this.supported = new Set(opts.supported ?? []);
    this.unsupported = opts.unsupported ?? [];
  }

  /** `Excel.run` for the fake: a fresh request context per batch; pending operations synced at the end. */
  readonly run: ExcelRunner = async <T>(batch: (ctx: XlContext) => Promise<T>): Promise<T> => {
    this.stats.runs += 1;
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pending() > 0) await ctx.sync();
    return result;
  };

  /** isSetSupported as the fake's host answers it ('ExcelApi', '1.13'); 1.1–1.9 always. */
  readonly isSetSupported: SetSupport = (name, version) => {
    if (name !== 'ExcelApi') return false;
    const minor = Number(version.split('.')[1] ?? '0');
    for (const s of this.unsupported) {
      const [n, v] = s.split(' ');
      if (n === name && minor >= Number(v.split('.')[1])) return false;
    }
    if (minor <= 9) return true;
    for (const s of this.supported) {
      const [n, v] = s.split(' ');
      if (n === name && Number(v.split('.')[1]) >= minor) return true;
    }
    return false;
  };

  /** Make the k-th sync from now on (1 = the next one) fail with `code`. */
  failSync(k: number, code = 'GeneralException'): void {
    this.failures.set(this.stats.syncs + k, code);
  }

  addSheet(name: string, init: FakeSheetInit = {}): FakeSheetState {
    if (this.sheet(name)) throw new Error(`fake: sheet ${name} exists`);
    const rows: (FakeCellState | undefined)[][] = (init.rows ?? []).map((row) =>
      row.map((x) => {
        if (x === null || x === undefined) return undefined;
        return isCellState(x) ? { ...x } : { v: x };
      }),
    );
    const s: FakeSheetState = {
      id: `{sheet-${this.nextSheetId++}}`,
      name,
      visibility: init.visibility ?? 'Visible',
      protected: init.protected ?? false,
      rows,
      merges: [...(init.merges ?? [])],
      cfs: [],
      tabColor: '',
      freeze: null,
      columnWidths: new Map(),
      charts: [],
    };
    this.sheets.push(s);
    return s;
  }

  /**
   * A conditional format the user made (for restore tests): by default a Custom rule `=TRUE`;
   * `type: 'CellValue'` for a cell-value rule (two of them on one range make reading rules throw).
   */
  addUserCf(sheet: string, address: string, fill: string, opts: { formula?: string; type?: string } = {}): FakeCfState {
    return this.addCf(sheet, { address, formula: opts.formula ?? '=TRUE', fill, ...(opts.type ? { type: opts.type } : {}), owner: 'user' });
  }

  /** Any conditional format, as a file opened in Excel would bring it (a fresh runtime id). */
  addCf(sheet: string, cf: Omit<FakeCfState, 'id' | 'fontColor'> & { fontColor?: string | null }): FakeCfState {
    const s = this.mustSheet(sheet);
    const state: FakeCfState = {
      id: this.cfId(),
      ...(cf.type !== undefined ? { type: cf.type } : {}),
      address: cf.address,
      formula: cf.formula,
      fill: cf.fill,
      fontColor: cf.fontColor ?? null,
      owner: cf.owner,
    };
    s.cfs.push(state);
    return state;
  }

  sheet(name: string): FakeSheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  mustSheet(name: string): FakeSheetState {
    const s = this.sheet(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (${name})`);
    return s;
  }

  cell(sheet: string, row: number, col: number): FakeCellState | undefined {
    return this.sheet(sheet)?.rows[row]?.[col];
  }

  /** Simulate a user (or add-in) edit notification, as worksheets.onChanged would deliver it. */
  async emitChange(sheet: string, address: string, triggerSource?: string): Promise<void> {
    const s = this.mustSheet(sheet);
    for (const h of [...this.handlers]) await h({ worksheetId: s.id, address, triggerSource });
  }

  /** Deep copy of every sheet's formats and CFs: compare before/after to prove restoration. */
  formatSnapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => ({
        name: s.name,
        cfs: s.cfs,
        cells: s.rows.map((r) => r.map((c) => (c ? { fill: c.fill, font: c.font, nf: c.nf, v: c.v, f: c.f } : null))),
      })),
    );
  }

  cfId(): string {
    return `{cf-${this.nextCfId++}}`;
  }

  /** Called by FakeContext.sync: counts, applies fault injection. */
  beginSync(): void {
    this.stats.syncs += 1;
    const code = this.failures.get(this.stats.syncs);
    if (code !== undefined) {
      this.failures.delete(this.stats.syncs);
      throw new FakeOfficeError(code, `Injected failure of sync ${this.stats.syncs}`);
    }
    if (this.cellEditMode) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
  }
}

