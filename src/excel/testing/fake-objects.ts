/**
 * The fake's workbook-level proxies: workbook (and its structure protection), application, the
 * worksheet collection (its events, the active sheet) and worksheets — exactly the API subset in
 * ../api.ts, writes queued, reads after load + sync. Ranges are in fake-range.ts, conditional
 * formats in fake-cf.ts. Each call beyond the host's ExcelApi level fails at sync (ApiNotFound);
 * a structure-protected workbook refuses to add, delete or hide sheets (AccessDenied).
 */
import type {
  XlAddedArgs,
  XlApplication,
  XlChangedArgs,
  XlDeletedArgs,
  XlEvent,
  XlEventResult,
  XlFreezePanes,
  XlMovedArgs,
  XlNameChangedArgs,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
} from '../api';
import type { RangePos } from '../../domain/a1';
import { areaBounds, splitAreas } from '../../domain/a1-areas';
import type { FakeContext } from './fake-context';
import { FakeProxy } from './fake-proxy';
import { FakeChartCollection, FakePageLayout } from './fake-chart';
import { FakeRange, FakeRangeAreas } from './fake-range';
import { cellIsEmpty, FAKE_MAX_ADDRESS_CHARS, FAKE_MAX_AREAS, FakeOfficeError, MAX_COLS, MAX_ROWS, type FakeSheetState } from './fake-state';

// ------------------------------------------------------------------ events

type Handler<A> = (args: A) => Promise<unknown>;

/** An event whose handlers live in `list` (on the FakeExcel), registered and removed at sync. */
function fakeEvent<A>(ctx: FakeContext, name: string, version: string, list: () => Handler<A>[]): XlEvent<A> {
  return {
    add: (handler) => {
      ctx.requireApi(version, name);
      ctx.write(`${name}.add`, [], () => {
        list().push(handler);
      });
      const result: XlEventResult = {
        remove: () => {
          ctx.write(`${name}.remove`, [], () => {
            const l = list();
            const i = l.indexOf(handler);
            if (i >= 0) l.splice(i, 1);
          });
        },
        context: ctx,
      };
      return result;
    },
  };
}

// ------------------------------------------------------------------ workbook, collection, application

class FakeApplication implements XlApplication {
  constructor(private ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi('1.6', 'suspendApiCalculationUntilNextSync');
    this.ctx.fake.stats.suspends += 1;
    this.ctx.write('suspendApiCalculationUntilNextSync', [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requireApi('1.9', 'suspendScreenUpdatingUntilNextSync');
    this.ctx.fake.stats.suspends += 1;
    this.ctx.write('suspendScreenUpdatingUntilNextSync', [], () => undefined);
  }
}

/** Workbook structure protection (ExcelApi 1.7). */
class FakeWorkbookProtection extends FakeProxy {
  get protected(): boolean {
    return Boolean(this.loaded('protected'));
  }
  protected fetch(prop: string): unknown {
    if (!this.fake.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'workbook.protection needs ExcelApi 1.7');
    if (prop === 'protected') return this.fake.structureProtected;
    throw new FakeOfficeError('InvalidArgument', `fake: workbook.protection.${prop}`);
  }
}

export class FakeWorkbook extends FakeProxy implements XlWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: XlApplication;
  readonly protection: FakeWorkbookProtection;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.protection = new FakeWorkbookProtection(ctx);
  }

  get name(): string {
    return this.str('name');
  }

  protected fetch(prop: string): unknown {
    if (prop === 'name') return this.fake.name;
    throw new FakeOfficeError('InvalidArgument', `fake: workbook.${prop}`);
  }

  protected override fetchNested(head: string, rest: string[]): unknown {
    if (head === 'protection') return this.protection.fetchPaths(rest);
    return super.fetchNested(head, rest);
  }

  insertWorksheetsFromBase64(base64File: string, options?: { positionType?: 'End' }): { readonly value: string[] } {
    this.ctx.requireApi('1.13', 'insertWorksheetsFromBase64');
    const result: { value: string[] } = { value: [] };
    this.ctx.write('insertWorksheetsFromBase64', { n: base64File.length, options }, () => {
      if (this.fake.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      this.fake.inserted.push(base64File);
      const s = this.fake.addSheet(`Inserted${this.fake.inserted.length}`);
      result.value = [s.id];
    });
    return result;
  }
}

class FakeWorksheetCollection extends FakeProxy implements XlWorksheetCollection {
  private itemList: FakeWorksheet[] | null = null;
  readonly onChanged: XlEvent<XlChangedArgs>;
  readonly onAdded: XlEvent<XlAddedArgs>;
  readonly onDeleted: XlEvent<XlDeletedArgs>;
  readonly onNameChanged: XlEvent<XlNameChangedArgs>;
  readonly onMoved: XlEvent<XlMovedArgs>;

  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = fakeEvent(ctx, 'worksheets.onChanged', '1.9', () => ctx.fake.handlers);
    this.onAdded = fakeEvent(ctx, 'worksheets.onAdded', '1.7', () => ctx.fake.addedHandlers);
    this.onDeleted = fakeEvent(ctx, 'worksheets.onDeleted', '1.7', () => ctx.fake.deletedHandlers);
    this.onNameChanged = fakeEvent(ctx, 'worksheets.onNameChanged', '1.17', () => ctx.fake.nameHandlers);
    this.onMoved = fakeEvent(ctx, 'worksheets.onMoved', '1.17', () => ctx.fake.movedHandlers);
  }

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
    this.ctx.requireApi('1.4', 'getItemOrNullObject');
    return new FakeWorksheet(this.ctx, () => this.fake.mustSheet(key), () => this.fake.sheet(key) === undefined);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      // a chart sheet is no worksheet: Excel cannot hand one out
      if (this.fake.activeChart) throw new FakeOfficeError('GeneralException', 'The active sheet is a chart sheet.');
      const name = this.fake.activeSheet ?? this.fake.sheets.find((s) => s.visibility === 'Visible')?.name;
      return this.fake.mustSheet(name ?? '');
    });
  }

  add(name?: string): FakeWorksheet {
    const fake = this.fake;
    const sheetName = name ?? `Sheet${fake.sheets.length + 1}`;
    this.ctx.write('worksheets.add', [sheetName], () => {
      if (fake.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
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
  readonly pageLayout: FakePageLayout;
  readonly charts: FakeChartCollection;
  readonly onChanged: XlEvent<XlChangedArgs>;

  constructor(
    ctx: FakeContext,
    readonly state: () => FakeSheetState,
    private isNull: () => boolean = () => false,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, state);
    this.pageLayout = new FakePageLayout(ctx, state);
    this.charts = new FakeChartCollection(ctx, state);
    this.onChanged = fakeEvent(ctx, 'worksheet.onChanged', '1.7', () => ctx.fake.sheetHandlers(state().id));
    const write = (name: string, args: unknown, f: (s: FakeSheetState) => void) => {
      ctx.requireApi('1.7', 'freezePanes');
      ctx.write(name, args, () => f(state()));
    };
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
    this.ctx.requireApi('1.2', 'worksheet.visibility (set)');
    this.ctx.write('worksheet.visibility', [v], () => {
      const s = this.state();
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', v);
      if (this.fake.structureProtected && v !== s.visibility) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      s.visibility = v;
    });
  }
  get tabColor(): string {
    return this.str('tabColor');
  }
  set tabColor(v: string) {
    this.ctx.requireApi('1.7', 'worksheet.tabColor');
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
        if (!this.fake.isSetSupported('ExcelApi', '1.7')) throw new FakeOfficeError('ApiNotFound', 'tabColor needs ExcelApi 1.7');
        return s.tabColor;
      default:
        throw new FakeOfficeError('InvalidArgument', `fake: worksheet.${prop}`);
    }
  }

  protected override fetchNested(head: string, rest: string[]): unknown {
    if (head === 'protection') {
      if (!this.fake.isSetSupported('ExcelApi', '1.2')) throw new FakeOfficeError('ApiNotFound', 'worksheet.protection needs ExcelApi 1.2');
      return this.protection.fetchPaths(rest);
    }
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
    this.ctx.requireApi('1.9', 'worksheet.getRanges');
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

  /** The used bounds (values only, or values and formats), null for a blank sheet. */
  private usedBounds(valuesOnly: boolean | undefined): RangePos | null {
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
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.requireApi('1.2', 'getUsedRange(valuesOnly)');
    // a blank sheet gives its top-left cell, not an error
    return new FakeRange(this.ctx, this.state, () => this.usedBounds(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.requireApi('1.4', 'getUsedRangeOrNullObject');
    return new FakeRange(
      this.ctx,
      this.state,
      () => this.usedBounds(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      () => this.usedBounds(valuesOnly) === null,
    );
  }

  activate(): void {
    this.ctx.write('activate', [], () => {
      this.fake.activeSheet = this.state().name;
      this.fake.activeChart = false;
    });
  }

  delete(): void {
    this.ctx.write('worksheet.delete', [], () => {
      const s = this.state();
      if (this.fake.structureProtected) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
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
