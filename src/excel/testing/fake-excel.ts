/**
 * A recording fake of the Excel JavaScript API: an in-memory workbook implementing exactly the subset
 * in ../api.ts, with the proxy semantics that matter for batching, and Excel's documented quirks:
 *  - reading a property before `load` + `sync` throws PropertyNotLoaded (like the real API);
 *  - writes and loads are queued and happen at `sync()`; a failing operation stops the batch, the
 *    ones before it stay applied (Excel batches are not transactions);
 *  - every `sync()` is counted and its request measured (serialised queued operations + loaded
 *    payload, UTF-8 bytes); above `maxRequestBytes` (5 MB) the sync throws
 *    RequestPayloadSizeLimitExceeded and nothing of it is applied;
 *  - a range read above `maxCellsPerRead` returns `values: null` (as Excel on the web does);
 *  - the host has an ExcelApi level (`api`, default 1.9): calls beyond it fail with ApiNotFound;
 *  - conditional formats (fake-cf.ts): ids are positions, new rules take the top priority, rules
 *    Excel cannot read back throw; applies-to areas grow when rows are inserted inside them
 *    (insertRows); sheets keep their id when renamed (renameSheet);
 *  - more than 512 merged areas make getMergedAreasOrNullObject fail (fake-range.ts);
 *  - protected sheets refuse writes (AccessDenied), a structure-protected workbook refuses to add,
 *    delete or hide sheets, cell-edit mode refuses every sync, any k-th sync can be made to fail
 *    (failSync) or never to answer (hangSync), and a chart sheet can be the active sheet.
 * Loads queued after a write in the same batch (e.g. the id of a format just added) are measured
 * when they run; the port only queues small loads there, so the 5 MB check is exact for reads.
 * Exported for the port's tests and the benchmarks (syncs and request bytes per operation):
 *   const fx = new FakeExcel({ api: '1.7' }); fx.addSheet('S', { rows }); new OfficeWorkbookPort(fx.run,
 *   { isSetSupported: fx.isSetSupported }); … fx.stats.syncs, fx.stats.requestBytes
 * Files: fake-state (data, errors), fake-context (queue, sync), fake-proxy, fake-objects (workbook,
 * sheets), fake-range (ranges), fake-cf (conditional formats).
 */
import type { ExcelRunner, SetSupport, XlAddedArgs, XlChangedArgs, XlContext, XlDeletedArgs, XlMovedArgs, XlNameChangedArgs } from '../api';
import { areaBounds, rangeAddress, splitAreas } from '../../domain/a1-areas';
import { FakeContext } from './fake-context';
import {
  apiMinor,
  FakeOfficeError,
  isCellState,
  type FakeCellState,
  type FakeCfState,
  type FakeExcelOptions,
  type FakeSheetInit,
  type FakeSheetState,
  type FakeStats,
  type FakeValue,
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

type CfInit = Omit<FakeCfState, 'uid' | 'fontColor'> & { fontColor?: string | null };

/** A cell's value as Excel reports it ('' for a blank cell). */
function valueOfCell(c: FakeCellState | undefined): FakeValue {
  if (!c) return '';
  return c.err ?? c.v ?? '';
}

// ------------------------------------------------------------------ the workbook and its runner

export class FakeExcel {
  readonly sheets: FakeSheetState[] = [];
  name: string;
  maxRequestBytes: number;
  maxCellsPerRead: number;
  /** the host's ExcelApi level, e.g. '1.7' */
  readonly api: string;
  /** when true every sync fails with InvalidOperationInCellEditMode */
  cellEditMode = false;
  /** workbook structure protection (审阅 → 保护工作簿): sheets cannot be added, deleted or hidden */
  structureProtected = false;
  /** a chart sheet is the active sheet (getActiveWorksheet fails) */
  activeChart = false;
  readonly stats: FakeStats = {
    syncs: 0,
    requestBytes: [],
    getRangesCalls: 0,
    cfAdds: 0,
    cfDeletes: 0,
    rangeReads: 0,
    suspends: 0,
    unprotectAttempts: 0,
    runs: 0,
    hung: 0,
  };
  /** last selection made with range.select(): 'Sheet!A1' */
  selection: string | null = null;
  activeSheet: string | null = null;
  /** base64 payloads passed to insertWorksheetsFromBase64 */
  readonly inserted: string[] = [];
  /** worksheets.onChanged handlers (ExcelApi 1.9) */
  readonly handlers: ((args: XlChangedArgs) => Promise<unknown>)[] = [];
  /** worksheets.onAdded handlers (ExcelApi 1.7) */
  readonly addedHandlers: ((args: XlAddedArgs) => Promise<unknown>)[] = [];
  /** worksheets.onDeleted handlers (ExcelApi 1.7) */
  readonly deletedHandlers: ((args: XlDeletedArgs) => Promise<unknown>)[] = [];
  /** worksheets.onNameChanged handlers (ExcelApi 1.17) */
  readonly nameHandlers: ((args: XlNameChangedArgs) => Promise<unknown>)[] = [];
  /** worksheets.onMoved handlers (ExcelApi 1.17) */
  readonly movedHandlers: ((args: XlMovedArgs) => Promise<unknown>)[] = [];
  /** worksheet.onChanged handlers by sheet id (ExcelApi 1.7) */
  private readonly perSheet = new Map<string, ((args: XlChangedArgs) => Promise<unknown>)[]>();
  private readonly minor: number;
  private failures = new Map<number, string>();
  private hangs = new Set<number>();
  private nextSheetId = 1;
  private uid = 1;

  constructor(opts: FakeExcelOptions = {}) {
    this.name = opts.name ?? 'Book1.xlsx';
    this.maxRequestBytes = opts.maxRequestBytes ?? 5_000_000;
    this.maxCellsPerRead = opts.maxCellsPerRead ?? 5_000_000;
    const levels = [apiMinor(opts.api ?? '1.9'), ...(opts.supported ?? []).filter((s) => s.startsWith('ExcelApi ')).map((s) => apiMinor(s.slice(9)))];
    this.minor = Math.max(...levels);
    this.api = `1.${this.minor}`;
  }

  /** `Excel.run` for the fake: a fresh request context per batch; pending operations synced at the end. */
  readonly run: ExcelRunner = async <T>(batch: (ctx: XlContext) => Promise<T>): Promise<T> => {
    this.stats.runs += 1;
    const ctx = new FakeContext(this);
    const result = await batch(ctx);
    if (ctx.pending() > 0) await ctx.sync();
    return result;
  };

  /** isSetSupported as the fake's host answers it: ExcelApi up to its level. */
  readonly isSetSupported: SetSupport = (name, version) => name === 'ExcelApi' && apiMinor(version) <= this.minor;

  /** Make the k-th sync from now on (1 = the next one) fail with `code`. */
  failSync(k: number, code = 'GeneralException'): void {
    this.failures.set(this.stats.syncs + k, code);
  }

  /** Make the k-th sync from now on never answer (office-js #6678): nothing of it is applied. */
  hangSync(k: number): void {
    this.hangs.add(this.stats.syncs + k);
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

  /** The user adds a sheet in Excel: worksheets.onAdded handlers are told. */
  async userAddsSheet(name: string, init: FakeSheetInit = {}): Promise<FakeSheetState> {
    const s = this.addSheet(name, init);
    for (const h of [...this.addedHandlers]) await h({ worksheetId: s.id });
    return s;
  }

  /** The user renames a sheet: its id stays. */
  renameSheet(from: string, to: string): void {
    this.mustSheet(from).name = to;
  }

  /** The user renames a sheet in Excel: its id stays; worksheets.onNameChanged handlers are told (1.17). */
  async userRenamesSheet(from: string, to: string): Promise<void> {
    const s = this.mustSheet(from);
    s.name = to;
    for (const h of [...this.nameHandlers]) await h({ worksheetId: s.id, nameBefore: from, nameAfter: to });
  }

  /** The user deletes a sheet: worksheets.onDeleted handlers are told (its own handlers go with it). */
  async userDeletesSheet(name: string): Promise<void> {
    const s = this.mustSheet(name);
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.perSheet.delete(s.id);
    for (const h of [...this.deletedHandlers]) await h({ worksheetId: s.id });
  }

  /** The user drags a sheet to another position (0-based): worksheets.onMoved handlers are told (1.17). */
  async userMovesSheet(name: string, to: number): Promise<void> {
    const s = this.mustSheet(name);
    const from = this.sheets.indexOf(s);
    this.sheets.splice(from, 1);
    this.sheets.splice(to, 0, s);
    for (const h of [...this.movedHandlers]) await h({ worksheetId: s.id, positionBefore: from, positionAfter: to });
  }

  /**
   * The user types or pastes values (null clears a cell) into the area starting at `address`'s
   * top-left cell: one onChanged event for the whole area, as Excel raises it for a paste.
   */
  async userEdits(sheet: string, address: string, values: (FakeValue | null)[][]): Promise<void> {
    const s = this.mustSheet(sheet);
    const b = areaBounds(address);
    if (!b) throw new Error(`fake: bad address ${address}`);
    const before = valueOfCell(s.rows[b.top]?.[b.left]);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cells = (s.rows[b.top + r] ??= []);
        cells[b.left + c] = v === null ? undefined : { ...cells[b.left + c], v, err: undefined };
      }),
    );
    const bottom = b.top + values.length - 1;
    const right = b.left + Math.max(1, ...values.map((r) => r.length)) - 1;
    const area = rangeAddress({ top: b.top, left: b.left, bottom, right });
    const single = bottom === b.top && right === b.left;
    const after = valueOfCell(s.rows[b.top]?.[b.left]);
    await this.emitChange(sheet, area, undefined, single ? { before, after } : undefined);
  }

  /** The user inserts rows (Excel raises onChanged with changeType RowInserted for the whole rows). */
  async userInsertsRows(sheet: string, at: number, count: number): Promise<void> {
    this.insertRows(sheet, at, count);
    await this.emitChange(sheet, `${at + 1}:${at + count}`, undefined, undefined, 'RowInserted');
  }

  /**
   * The user inserts `count` rows before 0-based row `at`, as Excel does: cells, merges and
   * conditional-format areas below move down; an area spanning the insertion point grows.
   */
  insertRows(sheet: string, at: number, count: number): void {
    const s = this.mustSheet(sheet);
    if (s.rows.length > at) s.rows.splice(at, 0, ...Array.from({ length: count }, () => []));
    const move = (area: string): string => {
      const b = areaBounds(area);
      if (!b) return area;
      if (b.top >= at) return rangeAddress({ ...b, top: b.top + count, bottom: b.bottom + count });
      if (b.bottom >= at) return rangeAddress({ ...b, bottom: b.bottom + count });
      return area;
    };
    s.merges = s.merges.map(move);
    for (const cf of s.cfs) cf.address = splitAreas(cf.address).map(move).join(',');
  }

  /**
   * A conditional format the user made in Excel (it takes the top priority): by default a Custom
   * rule `=TRUE`; `type: 'CellValue'` for a cell-value rule (two of them on a cell cannot be read
   * back); `duplicated` for a copy made with Manage Rules → Duplicate Rule.
   */
  addUserCf(sheet: string, address: string, fill: string, opts: { formula?: string; type?: string; duplicated?: boolean } = {}): FakeCfState {
    const s = this.mustSheet(sheet);
    const state = this.cfState({
      address,
      formula: opts.formula ?? '=TRUE',
      fill,
      ...(opts.type ? { type: opts.type } : {}),
      ...(opts.duplicated ? { duplicated: true } : {}),
      owner: 'user',
    });
    s.cfs.unshift(state);
    return state;
  }

  /** Any conditional format, as a file opened in Excel brings it (after those already listed). */
  addCf(sheet: string, cf: CfInit): FakeCfState {
    const state = this.cfState(cf);
    this.mustSheet(sheet).cfs.push(state);
    return state;
  }

  /** Manage Rules → Duplicate Rule: a copy just above `cf`, which Excel cannot read back (office-js #6835). */
  duplicateCf(sheet: string, cf: FakeCfState): FakeCfState {
    const s = this.mustSheet(sheet);
    const copy: FakeCfState = { ...cf, uid: this.nextUid(), owner: 'user', duplicated: true };
    s.cfs.splice(Math.max(0, s.cfs.indexOf(cf)), 0, copy);
    return copy;
  }

  private cfState(cf: CfInit): FakeCfState {
    return {
      uid: this.nextUid(),
      ...(cf.type !== undefined ? { type: cf.type } : {}),
      ...(cf.duplicated ? { duplicated: true } : {}),
      address: cf.address,
      formula: cf.formula,
      fill: cf.fill,
      fontColor: cf.fontColor ?? null,
      owner: cf.owner,
    };
  }

  nextUid(): number {
    return this.uid++;
  }

  /** A sheet by name (any case) or by id, as worksheets.getItem finds it. */
  sheet(key: string): FakeSheetState | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? this.sheets.find((s) => s.id === key);
  }

  mustSheet(name: string): FakeSheetState {
    const s = this.sheet(name);
    if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (${name})`);
    return s;
  }

  cell(sheet: string, row: number, col: number): FakeCellState | undefined {
    return this.sheet(sheet)?.rows[row]?.[col];
  }

  /** worksheet.onChanged handlers of one sheet (by id). */
  sheetHandlers(id: string): ((args: XlChangedArgs) => Promise<unknown>)[] {
    let list = this.perSheet.get(id);
    if (!list) this.perSheet.set(id, (list = []));
    return list;
  }

  /** How many change handlers are registered (workbook-wide and per sheet, and the sheet events). */
  handlerCount(): number {
    let n = this.handlers.length + this.addedHandlers.length + this.deletedHandlers.length + this.nameHandlers.length + this.movedHandlers.length;
    for (const l of this.perSheet.values()) n += l.length;
    return n;
  }

  /**
   * Simulate a user (or add-in) edit notification, as onChanged delivers it: `details` only for a
   * single cell and only from ExcelApi 1.9 (office-js #5347), `triggerSource` only from 1.14.
   */
  async emitChange(
    sheet: string,
    address: string,
    triggerSource?: string,
    single?: { before: FakeValue; after: FakeValue },
    changeType = 'RangeEdited',
  ): Promise<void> {
    const s = this.mustSheet(sheet);
    const kind = (v: FakeValue) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String');
    const args: XlChangedArgs = {
      worksheetId: s.id,
      address,
      changeType,
      source: 'Local',
      type: 'WorksheetChanged',
      ...(single && this.minor >= 9
        ? { details: { valueBefore: single.before, valueAfter: single.after, valueTypeBefore: kind(single.before), valueTypeAfter: kind(single.after) } }
        : {}),
      triggerSource: this.minor >= 14 ? (triggerSource ?? 'Unknown') : undefined,
    };
    for (const h of [...this.handlers, ...this.sheetHandlers(s.id)]) await h(args);
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

  /** Called by FakeContext.sync: counts, applies fault injection; 'hang' when the sync never answers. */
  beginSync(): 'go' | 'hang' {
    this.stats.syncs += 1;
    if (this.hangs.delete(this.stats.syncs)) {
      this.stats.hung += 1;
      return 'hang';
    }
    const code = this.failures.get(this.stats.syncs);
    if (code !== undefined) {
      this.failures.delete(this.stats.syncs);
      throw new FakeOfficeError(code, `Injected failure of sync ${this.stats.syncs}`);
    }
    if (this.cellEditMode) {
      throw new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    return 'go';
  }
}
