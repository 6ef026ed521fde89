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
 * Exported for the port's tests and the benchmarks (syncs and request bytes per operation).
 */
import type {
  ExcelRunner,
  SetSupport,
  XlApplication,
  XlChangedArgs,
  XlConditionalFormat,
  XlConditionalFormatCollection,
  XlContext,
  XlEvent,
  XlEventResult,
  XlFill,
  XlFont,
  XlFreezePanes,
  XlRange,
  XlRangeAreas,
  XlRangeFormat,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../api';
import { areaBounds, quoteSheet, rangeAddress, splitAreas } from '../address';
import type { RangePos } from '../../domain/a1';

// ------------------------------------------------------------------ state

export type FakeValue = number | string | boolean;

export interface FakeCellState {
  /** value, or the cached result of a formula; '' or undefined = empty */
  v?: FakeValue;
  /** formula without '=' */
  f?: string;
  /** an error value such as '#DIV/0!' (v is then ignored) */
  err?: string;
  /** number format ('General' when absent) */
  nf?: string;
  fill?: string;
  font?: { color?: string; bold?: boolean; size?: number };
}

export interface FakeCfState {
  id: string;
  /** areas it applies to, comma-separated, no sheet prefix */
  address: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
  /** 'user' for formats set up by a test as the user's own */
  owner: 'user' | 'addin';
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  rows: (FakeCellState | undefined)[][];
  merges: string[];
  cfs: FakeCfState[];
  tabColor: string;
  freeze: { rows: number; cols: number } | null;
  columnWidths: Map<number, number>;
}

export interface FakeSheetInit {
  /** rows[r][c]: a plain value, or a full cell state */
  rows?: (FakeValue | FakeCellState | null | undefined)[][];
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  merges?: string[];
}

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export interface FakeStats {
  syncs: number;
  /** bytes of each sync's request (operations + loaded payload), in order */
  requestBytes: number[];
  /** worksheet.getRanges() calls queued */
  getRangesCalls: number;
  /** conditional formats added */
  cfAdds: number;
  /** property loads whose payload was a whole range grid */
  rangeReads: number;
  /** suspendScreenUpdatingUntilNextSync / suspendApiCalculationUntilNextSync calls */
  suspends: number;
  /** attempts to unprotect (the port must never make one) */
  unprotectAttempts: number;
  /** Excel.run batches started */
  runs: number;
}

export interface FakeExcelOptions {
  name?: string;
  maxRequestBytes?: number;
  maxCellsPerRead?: number;
  /** requirement sets reported as supported, e.g. ['ExcelApi 1.13'] (default: 1.1–1.9 only) */
  supported?: string[];
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** getRanges address limits of the fake: a little above what the port promises (2,000 / 400). */
const FAKE_MAX_ADDRESS_CHARS = 2048;
const FAKE_MAX_AREAS = 450;

function bytes(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x) ?? '', 'utf8');
}

function isCellState(x: unknown): x is FakeCellState {
  return typeof x === 'object' && x !== null;
}

function cellIsEmpty(c: FakeCellState | undefined): boolean {
  return !c || (c.f === undefined && c.err === undefined && (c.v === undefined || c.v === ''));
}

function intersects(a: RangePos, b: RangePos): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

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
  private failures = new Map<number, string>();
  private nextSheetId = 1;
  private nextCfId = 1;

  constructor(opts: FakeExcelOptions = {}) {
    this.name = opts.name ?? 'Book1.xlsx';
    this.maxRequestBytes = opts.maxRequestBytes ?? 5_000_000;
    this.maxCellsPerRead = opts.maxCellsPerRead ?? 5_000_000;
    this.supported = new Set(opts.supported ?? []);
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
    };
    this.sheets.push(s);
    return s;
  }

  /** A conditional format the user made (for restore tests). */
  addUserCf(sheet: string, address: string, fill: string): FakeCfState {
    const s = this.mustSheet(sheet);
    const cf: FakeCfState = { id: this.cfId(), address, formula: '=TRUE', fill, fontColor: null, owner: 'user' };
    s.cfs.push(cf);
    return cf;
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

// ------------------------------------------------------------------ request context and queue

interface Op {
  /** serialised size of the operation in the request */
  size: number;
  /** a load: returns the payload (measured into the response) */
  load?: () => unknown;
  /** a write */
  apply?: () => void;
}

export class FakeContext implements XlContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];

  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  pending(): number {
    return this.queue.length;
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** A write operation named `name` with arguments `args` (measured as JSON). */
  write(name: string, args: unknown, apply: () => void): void {
    this.enqueue({ size: bytes({ o: name, a: args }), apply });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.fake.beginSync();
    // Phase 1: measure. Loads not preceded by a write are evaluated once and their payload reused.
    let total = 0;
    let sawWrite = false;
    const cached = new Map<Op, unknown>();
    for (const op of ops) {
      total += op.size;
      if (op.load && !sawWrite) {
        const payload = op.load();
        total += bytes(payload);
        cached.set(op, payload);
      } else if (op.load) {
        // A load after a write in the same batch may depend on it (the id of a format just added):
        // it is measured when it runs below. The port only queues small loads after writes.
      } else sawWrite = true;
    }
    this.fake.stats.requestBytes.push(total);
    if (total > this.fake.maxRequestBytes) {
      throw new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${total} bytes).`,
      );
    }
    // Phase 2: apply in order; a failure stops the batch with earlier operations applied.
    let late = 0;
    for (const op of ops) {
      if (op.apply) op.apply();
      else if (op.load && !cached.has(op)) late += bytes(op.load());
    }
    this.fake.stats.requestBytes[this.fake.stats.requestBytes.length - 1] += late;
    await Promise.resolve();
  }
}

/** Base of every proxy: loaded properties readable only after load + sync. */
abstract class FakeProxy {
  private loadedProps = new Map<string, unknown>();
  private nullObject: boolean | null = null;

  constructor(readonly ctx: FakeContext) {}

  protected get fake(): FakeExcel {
    return this.ctx.fake;
  }

  load(propertyNames?: string | string[]): this {
    const paths = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? '').split(','))
      .map((p) => p.trim())
      .filter((p) => p !== '');
    this.ctx.enqueue({ size: bytes({ o: 'load', p: paths }), load: () => this.fetchPaths(paths) });
    return this;
  }

  /** Load `paths` now (called at sync): set values, return the payload. */
  fetchPaths(paths: string[]): unknown {
    const own: string[] = [];
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const i = p.indexOf('/');
      if (i < 0) own.push(p);
      else {
        const head = p.slice(0, i);
        const list = nested.get(head) ?? [];
        list.push(p.slice(i + 1));
        nested.set(head, list);
      }
    }
    this.nullObject = this.resolveNull();
    const payload: Record<string, unknown> = { isNullObject: this.nullObject };
    if (this.nullObject) return payload;
    for (const p of own) {
      const v = this.fetch(p);
      this.loadedProps.set(p, v);
      payload[p] = v;
    }
    for (const [head, rest] of nested) payload[head] = this.fetchNested(head, rest);
    return payload;
  }

  /** Navigation property `head`, loading `rest` on it. */
  protected fetchNested(head: string, rest: string[]): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake: cannot load ${head}/${rest.join(',')} on ${this.constructor.name}`);
  }

  /** Current value of a scalar property (at sync time). */
  protected abstract fetch(prop: string): unknown;

  /** Whether this proxy is a null object (for *OrNullObject); false otherwise. */
  protected resolveNull(): boolean {
    return false;
  }

  protected loaded(prop: string): unknown {
    if (!this.loadedProps.has(prop)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedProps.get(prop);
  }

  protected str(prop: string): string {
    return String(this.loaded(prop));
  }

  protected num(prop: string): number {
    return Number(this.loaded(prop));
  }

  get isNullObject(): boolean {
    if (this.nullObject === null) {
      throw new FakeOfficeError('PropertyNotLoaded', `isNullObject is not available before load + sync`);
    }
    return this.nullObject;
  }

  /** Mark loaded values from a parent collection's load. */
  protected setLoaded(prop: string, v: unknown): void {
    this.loadedProps.set(prop, v);
  }
}

// ------------------------------------------------------------------ workbook, collection, application

class FakeApplication implements XlApplication {
  constructor(private ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.fake.stats.suspends += 1;
    this.ctx.write('suspendApiCalculationUntilNextSync', [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.fake.stats.suspends += 1;
    this.ctx.write('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
}

class FakeWorkbook extends FakeProxy implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: XlApplication;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
  }

  get name(): string {
    return this.str('name');
  }

  protected fetch(prop: string): unknown {
    if (prop === 'name') return this.fake.name;
    throw new FakeOfficeError('InvalidArgument', `fake: workbook.${prop}`);
  }

  insertWorksheetsFromBase64(base64File: string, options?: { positionType?: 'End' }): { readonly value: string[] } {
    if (!this.fake.isSetSupported('ExcelApi', '1.13')) throw new FakeOfficeError('ApiNotFound', 'insertWorksheetsFromBase64');
    const result: { value: string[] } = { value: [] };
    this.ctx.write('insertWorksheetsFromBase64', { n: base64File.length, options }, () => {
      this.fake.inserted.push(base64File);
      const s = this.fake.addSheet(`Inserted${this.fake.inserted.length}`);
      result.value = [s.id];
    });
    return result;
  }
}

class FakeWorksheetCollection extends FakeProxy implements XlWorksheetCollection {
  private itemList: FakeWorksheet[] | null = null;

  readonly onChanged: XlEvent<XlChangedArgs> = {
    add: (handler) => {
      const fake = this.fake;
      const ctx = this.ctx;
      ctx.write('onChanged.add', [], () => {
        fake.handlers.push(handler);
      });
      const result: XlEventResult = {
        remove: () => {
          ctx.write('onChanged.remove', [], () => {
            const i = fake.handlers.indexOf(handler);
            if (i >= 0) fake.handlers.splice(i, 1);
          });
        },
        context: ctx,
      };
      return result;
    },
  };

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw new FakeOfficeError('PropertyNotLoaded', `worksheets.items is not loaded`);
    return this.itemList;
  }

  protected fetch(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake: worksheets.${prop}`);
  }

  override fetchPaths(paths: string[]): unknown {
    const sub = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    this.itemList = this.fake.sheets.map((s) => new FakeWorksheet(this.ctx, () => s));
    return { items: this.itemList.map((w) => w.fetchPaths(sub)) };
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.fake.mustSheet(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.fake.mustSheet(key), () => this.fake.sheet(key) === undefined);
  }

  add(name?: string): FakeWorksheet {
    const fake = this.fake;
    const sheetName = name ?? `Sheet${fake.sheets.length + 1}`;
    this.ctx.write('worksheets.add', [sheetName], () => {
      if (fake.sheet(sheetName)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${sheetName} exists.`);
      fake.addSheet(sheetName);
    });
    return new FakeWorksheet(this.ctx, () => fake.mustSheet(sheetName));
  }
}

// ------------------------------------------------------------------ worksheet

class FakeWorksheet extends FakeProxy implements XlWorksheet {
  readonly protection: FakeProtection;
  readonly freezePanes: XlFreezePanes;

  constructor(
    ctx: FakeContext,
    readonly state: () => FakeSheetState,
    private isNull: () => boolean = () => false,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, state);
    const write = (name: string, args: unknown, f: (s: FakeSheetState) => void) =>
      ctx.write(name, args, () => {
        const s = state();
        f(s);
      });
    this.freezePanes = {
      freezeRows: (count = 1) => write('freezeRows', [count], (s) => (s.freeze = { rows: count, cols: 0 })),
      freezeColumns: (count = 1) => write('freezeColumns', [count], (s) => (s.freeze = { rows: 0, cols: count })),
      freezeAt: (frozenRange: string) =>
        write('freezeAt', [frozenRange], (s) => {
          const b = areaBounds(frozenRange);
          if (!b) throw new FakeOfficeError('InvalidArgument', frozenRange);
          s.freeze = { rows: b.bottom + 1, cols: b.right + 1 };
        }),
    };
  }

  protected override resolveNull(): boolean {
    return this.isNull();
  }

  get id(): string {
    return this.str('id');
  }
  get name(): string {
    return this.str('name');
  }
  get visibility(): string {
    return this.str('visibility');
  }
  set visibility(v: string) {
    this.ctx.write('worksheet.visibility', [v], () => {
      const s = this.state();
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', v);
      s.visibility = v;
    });
  }
  get tabColor(): string {
    return this.str('tabColor');
  }
  set tabColor(v: string) {
    this.ctx.write('worksheet.tabColor', [v], () => {
      this.state().tabColor = v;
    });
  }

  protected fetch(prop: string): unknown {
    const s = this.state();
    switch (prop) {
      case 'id':
        return s.id;
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'tabColor':
        return s.tabColor;
      default:
        throw new FakeOfficeError('InvalidArgument', `fake: worksheet.${prop}`);
    }
  }

  protected override fetchNested(head: string, rest: string[]): unknown {
    if (head === 'protection') return this.protection.fetchPaths(rest);
    return super.fetchNested(head, rest);
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.state, () => {
      if (address === undefined || address === '') return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const b = areaBounds(address);
      if (!b) throw new FakeOfficeError('InvalidArgument', `bad address ${address}`);
      return b;
    });
  }

  getRanges(address?: string): FakeRangeAreas {
    this.fake.stats.getRangesCalls += 1;
    const text = address ?? '';
    const areas = splitAreas(text);
    if (text.length > FAKE_MAX_ADDRESS_CHARS || areas.length > FAKE_MAX_AREAS) {
      // queued as a failing operation: Excel reports it at sync
      this.ctx.write('getRanges', [text.length], () => {
        throw new FakeOfficeError('InvalidArgument', `getRanges: address too long (${text.length} chars, ${areas.length} areas)`);
      });
    }
    return new FakeRangeAreas(this.ctx, this.state, areas);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const bounds = (): RangePos | null => {
      const s = this.state();
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      s.rows.forEach((row, r) =>
        row.forEach((c, col) => {
          const used = valuesOnly ? !cellIsEmpty(c) : c !== undefined && (!cellIsEmpty(c) || c.fill !== undefined || c.nf !== undefined);
          if (!used) return;
          top = Math.min(top, r);
          left = Math.min(left, col);
          bottom = Math.max(bottom, r);
          right = Math.max(right, col);
        }),
      );
      return bottom < 0 ? null : { top, left, bottom, right };
    };
    return new FakeRange(
      this.ctx,
      this.state,
      () => bounds() ?? { top: 0, left: 0, bottom: 0, right: 0 },
      () => bounds() === null,
    );
  }

  activate(): void {
    this.ctx.write('activate', [], () => {
      this.fake.activeSheet = this.state().name;
    });
  }

  delete(): void {
    this.ctx.write('worksheet.delete', [], () => {
      const s = this.state();
      const i = this.fake.sheets.indexOf(s);
      if (this.fake.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      this.fake.sheets.splice(i, 1);
    });
  }
}

class FakeProtection extends FakeProxy {
  constructor(
    ctx: FakeContext,
    private state: () => FakeSheetState,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return Boolean(this.loaded('protected'));
  }
  protected fetch(prop: string): unknown {
    if (prop === 'protected') return this.state().protected;
    throw new FakeOfficeError('InvalidArgument', `fake: protection.${prop}`);
  }
  /** Not in the port's API subset; counted so tests can assert it never happens. */
  unprotect(): void {
    this.ctx.fake.stats.unprotectAttempts += 1;
  }
}

// ------------------------------------------------------------------ ranges

/** Writes to cells of one sheet, refused on a protected sheet. */
function writeCells(s: FakeSheetState, areas: RangePos[], f: (c: FakeCellState, r: number, col: number) => void): void {
  if (s.protected) throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet.`);
  for (const b of areas) {
    for (let r = b.top; r <= b.bottom; r++) {
      const row = (s.rows[r] ??= []);
      for (let c = b.left; c <= b.right; c++) {
        const cell = (row[c] ??= {});
        f(cell, r, c);
      }
    }
  }
}

function valueOf(c: FakeCellState | undefined): FakeValue {
  if (!c) return '';
  if (c.err !== undefined) return c.err;
  return c.v ?? '';
}

function valueType(c: FakeCellState | undefined): string {
  if (!c) return 'Empty';
  if (c.err !== undefined) return 'Error';
  const v = c.v;
  if (v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** A format object (fill + font + width) applying to one or more areas. */
class FakeFormat implements XlRangeFormat {
  readonly fill: XlFill;
  readonly font: XlFont;

  constructor(
    private ctx: FakeContext,
    private state: () => FakeSheetState,
    private areas: () => RangePos[],
  ) {
    const notLoaded = (p: string): never => {
      throw new FakeOfficeError('PropertyNotLoaded', `format ${p} is not loaded (the fake reads no formats)`);
    };
    const set = (name: string, v: unknown, f: (c: FakeCellState) => void) =>
      ctx.write(name, [v], () => writeCells(state(), areas(), f));
    this.fill = {
      get color(): string {
        return notLoaded('fill.color');
      },
      set color(v: string) {
        set('fill.color', v, (c) => (c.fill = v));
      },
    };
    this.font = {
      get color(): string {
        return notLoaded('font.color');
      },
      set color(v: string) {
        set('font.color', v, (c) => (c.font = { ...c.font, color: v }));
      },
      get bold(): boolean {
        return notLoaded('font.bold');
      },
      set bold(v: boolean) {
        set('font.bold', v, (c) => (c.font = { ...c.font, bold: v }));
      },
      get size(): number {
        return notLoaded('font.size');
      },
      set size(v: number) {
        set('font.size', v, (c) => (c.font = { ...c.font, size: v }));
      },
    };
  }

  get columnWidth(): number {
    throw new FakeOfficeError('PropertyNotLoaded', 'columnWidth is not loaded');
  }
  set columnWidth(v: number) {
    this.ctx.write('columnWidth', [v], () => {
      const s = this.state();
      for (const b of this.areas()) for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, v);
    });
  }
}

class FakeCf extends FakeProxy implements XlConditionalFormat {
  /** the CF's state, known once the add (or getItem) operation ran at sync */
  cf: FakeCfState | null = null;
  readonly custom: XlConditionalFormat['custom'];

  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheetState,
    resolve?: () => FakeCfState,
  ) {
    super(ctx);
    if (resolve) ctx.enqueue({ size: 0, apply: () => void (this.cf = resolve()) });
    const self = this;
    const set = (name: string, v: string, f: (cf: FakeCfState) => void) =>
      ctx.write(name, [v], () => {
        if (!self.cf) throw new FakeOfficeError('ItemNotFound', 'conditional format');
        if (self.sheet().protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
        f(self.cf);
      });
    const notLoaded = (): never => {
      throw new FakeOfficeError('PropertyNotLoaded', 'conditional format rule not loaded');
    };
    this.custom = {
      rule: {
        get formula(): string {
          return notLoaded();
        },
        set formula(v: string) {
          set('cf.formula', v, (cf) => (cf.formula = v));
        },
      },
      format: {
        fill: {
          get color(): string {
            return notLoaded();
          },
          set color(v: string) {
            set('cf.fill', v, (cf) => (cf.fill = v));
          },
        },
        font: {
          get color(): string {
            return notLoaded();
          },
          set color(v: string) {
            set('cf.font', v, (cf) => (cf.fontColor = v));
          },
        },
      },
    };
  }

  get id(): string {
    return this.str('id');
  }

  protected fetch(prop: string): unknown {
    if (!this.cf) throw new FakeOfficeError('ItemNotFound', 'conditional format');
    if (prop === 'id') return this.cf.id;
    // Reading rules back is what has thrown in real Excel: the port must not need it.
    throw new FakeOfficeError('GeneralException', `fake: reading conditional format ${prop} back is not supported`);
  }

  /** Used by a collection load: this CF exists and its id came with the collection. */
  bind(cf: FakeCfState): this {
    this.cf = cf;
    this.setLoaded('id', cf.id);
    return this;
  }

  delete(): void {
    this.ctx.write('cf.delete', [], () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
      const i = this.cf ? s.cfs.indexOf(this.cf) : -1;
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'conditional format');
      s.cfs.splice(i, 1);
    });
  }
}

class FakeCfCollection extends FakeProxy implements XlConditionalFormatCollection {
  private itemList: FakeCf[] | null = null;

  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheetState,
    private areas: () => RangePos[],
    private address: () => string,
  ) {
    super(ctx);
  }

  get items(): FakeCf[] {
    if (!this.itemList) throw new FakeOfficeError('PropertyNotLoaded', 'conditionalFormats.items is not loaded');
    return this.itemList;
  }

  private matching(): FakeCfState[] {
    const mine = this.areas();
    const cells = mine.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
    // small area sets (the usual case) are indexed by cell, so matching stays linear
    const index = cells <= 200_000 ? new Set<number>() : null;
    if (index) for (const b of mine) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) index.add(r * MAX_COLS + c);
    const hit = (b: RangePos): boolean => {
      if (!index || (b.bottom - b.top + 1) * (b.right - b.left + 1) > 10_000) return mine.some((m) => intersects(m, b));
      for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (index.has(r * MAX_COLS + c)) return true;
      return false;
    };
    return this.sheet().cfs.filter((cf) =>
      splitAreas(cf.address).some((a) => {
        const b = areaBounds(a);
        return b !== null && hit(b);
      }),
    );
  }

  protected fetch(prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `fake: conditionalFormats.${prop}`);
  }

  override fetchPaths(paths: string[]): unknown {
    const sub = paths.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
    if (sub.some((p) => p !== 'id')) {
      throw new FakeOfficeError('GeneralException', 'fake: only conditional format ids can be read back');
    }
    this.itemList = this.matching().map((cf) => new FakeCf(this.ctx, this.sheet).bind(cf));
    return { items: this.itemList.map((cf) => ({ id: cf.cf?.id })) };
  }

  add(type: 'Custom'): FakeCf {
    this.fake.stats.cfAdds += 1;
    const fake = this.fake;
    let created: FakeCfState | null = null;
    this.ctx.write('conditionalFormats.add', [type, this.address()], () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
      created = { id: fake.cfId(), address: this.address(), formula: '', fill: null, fontColor: null, owner: 'addin' };
      s.cfs.push(created);
    });
    return new FakeCf(this.ctx, this.sheet, () => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'conditional format');
      return created;
    });
  }

  getItem(id: string): FakeCf {
    return new FakeCf(this.ctx, this.sheet, () => {
      const cf = this.matching().find((c) => c.id === id);
      if (!cf) throw new FakeOfficeError('ItemNotFound', `conditional format ${id}`);
      return cf;
    });
  }
}

class FakeRangeAreas extends FakeProxy implements XlRangeAreas {
  readonly format: FakeFormat;
  readonly conditionalFormats: FakeCfCollection;

  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheetState,
    private areaList: string[],
    private isNull: () => boolean = () => false,
  ) {
    super(ctx);
    const bounds = () =>
      this.areaList.map((a) => {
        const b = areaBounds(a);
        if (!b) throw new FakeOfficeError('InvalidArgument', `bad area ${a}`);
        return b;
      });
    this.format = new FakeFormat(ctx, sheet, bounds);
    this.conditionalFormats = new FakeCfCollection(ctx, sheet, bounds, () => this.areaList.join(','));
  }

  protected override resolveNull(): boolean {
    return this.isNull();
  }

  get address(): string {
    return this.str('address');
  }

  protected fetch(prop: string): unknown {
    if (prop === 'address') {
      const q = quoteSheet(this.sheet().name);
      return this.areaList.map((a) => `${q}!${a}`).join(',');
    }
    throw new FakeOfficeError('InvalidArgument', `fake: rangeAreas.${prop}`);
  }
}

class FakeRange extends FakeProxy implements XlRange {
  readonly format: FakeFormat;
  readonly conditionalFormats: FakeCfCollection;

  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheetState,
    private bounds: () => RangePos,
    private isNull: () => boolean = () => false,
  ) {
    super(ctx);
    this.format = new FakeFormat(ctx, sheet, () => [bounds()]);
    this.conditionalFormats = new FakeCfCollection(ctx, sheet, () => [bounds()], () => rangeAddress(bounds()));
  }

  protected override resolveNull(): boolean {
    return this.isNull();
  }

  get address(): string {
    return this.str('address');
  }
  get rowCount(): number {
    return this.num('rowCount');
  }
  get columnCount(): number {
    return this.num('columnCount');
  }
  get rowIndex(): number {
    return this.num('rowIndex');
  }
  get columnIndex(): number {
    return this.num('columnIndex');
  }
  get values(): unknown[][] | null {
    return this.grid('values');
  }
  set values(v: unknown[][] | null) {
    this.setGrid('values', v, (c, x) => {
      if (typeof x === 'string' && x.startsWith('=') && c.nf !== '@') {
        // as in Excel: text starting with '=' becomes a formula unless the cell is formatted as text
        c.f = x.slice(1);
        c.v = undefined;
      } else {
        c.f = undefined;
        c.err = undefined;
        // null leaves a cell unchanged (Excel's rule for values arrays)
        if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') c.v = x;
      }
    });
  }
  get formulas(): unknown[][] | null {
    return this.grid('formulas');
  }
  set formulas(v: unknown[][] | null) {
    this.setGrid('formulas', v, (c, x) => {
      // input is parsed as if typed: a text-formatted ('@') cell keeps '=…' as text
      if (typeof x === 'string' && x.startsWith('=') && c.nf !== '@') {
        c.f = x.slice(1);
        c.v = undefined;
      } else {
        c.f = undefined;
        if (typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean') c.v = x;
      }
    });
  }
  get numberFormat(): unknown[][] | null {
    return this.grid('numberFormat');
  }
  set numberFormat(v: unknown[][] | null) {
    this.setGrid('numberFormat', v, (c, x) => {
      c.nf = typeof x === 'string' && x !== 'General' ? x : undefined;
    });
  }
  get valueTypes(): string[][] | null {
    return this.grid('valueTypes')?.map((r) => r.map((x) => String(x))) ?? null;
  }

  /** A loaded grid, or null when the read was too large (as Excel on the web answers). */
  private grid(prop: string): unknown[][] | null {
    const v = this.loaded(prop);
    if (!Array.isArray(v)) return null;
    return v.map((r: unknown) => (Array.isArray(r) ? [...r] : []));
  }

  private setGrid(prop: string, v: unknown[][] | null, f: (c: FakeCellState, x: unknown) => void): void {
    const grid = (v ?? []).map((r) => [...r]);
    this.ctx.write(`range.${prop}`, { a: rangeAddress(this.bounds()), v: grid }, () => {
      const b = this.bounds();
      if (grid.length !== b.bottom - b.top + 1 || grid.some((r) => r.length !== b.right - b.left + 1)) {
        throw new FakeOfficeError('InvalidArgument', `${prop}: dimensions do not match ${rangeAddress(b)}`);
      }
      writeCells(this.sheet(), [b], (c, r, col) => f(c, grid[r - b.top][col - b.left]));
    });
  }

  protected fetch(prop: string): unknown {
    const b = this.bounds();
    const s = this.sheet();
    switch (prop) {
      case 'address':
        return `${quoteSheet(s.name)}!${rangeAddress(b)}`;
      case 'rowCount':
        return b.bottom - b.top + 1;
      case 'columnCount':
        return b.right - b.left + 1;
      case 'rowIndex':
        return b.top;
      case 'columnIndex':
        return b.left;
      case 'values':
      case 'formulas':
      case 'numberFormat':
      case 'valueTypes': {
        this.fake.stats.rangeReads += 1;
        const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
        if (cells > this.fake.maxCellsPerRead) return null;
        const out: unknown[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const row = s.rows[r];
          const line: unknown[] = [];
          for (let c = b.left; c <= b.right; c++) {
            const cell = row?.[c];
            if (prop === 'values') line.push(valueOf(cell));
            else if (prop === 'formulas') line.push(cell?.f !== undefined ? '=' + cell.f : valueOf(cell));
            else if (prop === 'numberFormat') line.push(cell?.nf ?? 'General');
            else line.push(valueType(cell));
          }
          out.push(line);
        }
        return out;
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `fake: range.${prop}`);
    }
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (!this.fake.isSetSupported('ExcelApi', '1.13')) throw new FakeOfficeError('ApiNotFound', 'getMergedAreasOrNullObject');
    const mergedHere = () => {
      const b = this.bounds();
      return this.sheet().merges.filter((m) => {
        const mb = areaBounds(m);
        return mb !== null && intersects(mb, b);
      });
    };
    // the area list is only known at sync: a view over the current merges
    const areas: string[] = [];
    const ra = new FakeRangeAreas(this.ctx, this.sheet, areas, () => {
      areas.splice(0, areas.length, ...mergedHere());
      return areas.length === 0;
    });
    return ra;
  }

  merge(across?: boolean): void {
    this.ctx.write('merge', [rangeAddress(this.bounds()), across ?? false], () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
      s.merges.push(rangeAddress(this.bounds()));
    });
  }

  select(): void {
    this.ctx.write('select', [], () => {
      this.fake.selection = `${this.sheet().name}!${rangeAddress(this.bounds())}`;
    });
  }

  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void {
    this.ctx.write('clear', [applyTo ?? 'All'], () => {
      const what = applyTo ?? 'All';
      const s = this.sheet();
      const b = this.bounds();
      // only existing cells can hold anything: never materialise a whole column of empty cells
      const existing = { ...b, bottom: Math.min(b.bottom, s.rows.length - 1) };
      if (existing.bottom < existing.top) {
        if (s.protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
        return;
      }
      writeCells(s, [existing], (c) => {
        if (what !== 'Formats') {
          c.v = undefined;
          c.f = undefined;
          c.err = undefined;
        }
        if (what !== 'Contents') {
          c.nf = undefined;
          c.fill = undefined;
          c.font = undefined;
        }
      });
    });
  }
}
