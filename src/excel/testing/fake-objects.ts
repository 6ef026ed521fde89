/**
 * The fake's proxy classes: workbook, worksheet collection, worksheet, range, RangeAreas, formats and
 * conditional formats — exactly the API subset in ../api.ts, writes queued, reads after load + sync.
 */
import type {
  XlApplication,
  XlChangedArgs,
  XlConditionalFormat,
  XlConditionalFormatCollection,
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
import { areaBounds, quoteSheet, rangeAddress, splitAreas } from '../../domain/a1-areas';
import type { RangePos } from '../../domain/a1';
import type { FakeContext } from './fake-context';
import { FakeProxy } from './fake-proxy';
import { FakeChartCollection, FakePageLayout } from './fake-chart';
import {
  cellIsEmpty,
  FAKE_MAX_ADDRESS_CHARS,
  FAKE_MAX_AREAS,
  FakeOfficeError,
  intersects,
  MAX_COLS,
  MAX_ROWS,
  type FakeCellState,
  type FakeCfState,
  type FakeSheetState,
  type FakeValue,
} from './fake-state';

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

export class FakeWorkbook extends FakeProxy implements XlWorkbook {
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
  readonly pageLayout: FakePageLayout;
  readonly charts: FakeChartCollection;

  constructor(
    ctx: FakeContext,
    readonly state: () => FakeSheetState,
    private isNull: () => boolean = () => false,
  ) {
    super(ctx);
    this.protection = new FakeProtection(ctx, state);
    this.pageLayout = new FakePageLayout(ctx, state);
    this.charts = new FakeChartCollection(ctx, state);
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

/**
 * Reading conditional formats back has thrown in Excel when a range carries two cell-value rules:
 * the fake refuses to read the type or rule of any format on such a range (harsher than Excel is
 * known to be, so the port's handling of the failure is exercised).
 */
function rulesUnreadable(cfs: FakeCfState[]): boolean {
  const cellValue = cfs.filter((c) => c.type === 'CellValue');
  const bounds = (c: FakeCfState) => splitAreas(c.address).flatMap((a) => areaBounds(a) ?? []);
  for (let i = 0; i < cellValue.length; i++) {
    for (let j = i + 1; j < cellValue.length; j++) {
      const b = bounds(cellValue[j]);
      if (bounds(cellValue[i]).some((x) => b.some((y) => intersects(x, y)))) return true;
    }
  }
  return false;
}

function unreadable(): FakeOfficeError {
  return new FakeOfficeError('GeneralException', 'An internal error has occurred (reading conditional formats with two cell-value rules).');
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
          return String(self.loaded('custom/rule/formula'));
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
  get type(): string {
    return this.str('type');
  }

  /** the sheet's cell-value formats that share a cell with this one (all the fault model needs) */
  private overlapping(cf: FakeCfState): FakeCfState[] {
    const cellValue = this.sheet().cfs.filter((o) => o.type === 'CellValue');
    if (cellValue.length < 2) return cellValue;
    const mine = splitAreas(cf.address).flatMap((a) => areaBounds(a) ?? []);
    return cellValue.filter((o) => splitAreas(o.address).some((a) => {
      const b = areaBounds(a);
      return b !== null && mine.some((m) => intersects(m, b));
    }));
  }

  protected fetch(prop: string): unknown {
    if (!this.cf) throw new FakeOfficeError('ItemNotFound', 'conditional format');
    if (prop === 'id') return this.cf.id;
    if (prop === 'type') {
      if (rulesUnreadable(this.overlapping(this.cf))) throw unreadable();
      return this.cf.type ?? 'Custom';
    }
    // Reading other properties back is not modelled: the port must not need them.
    throw new FakeOfficeError('GeneralException', `fake: reading conditional format ${prop} back is not supported`);
  }

  /** `custom/rule/formula` only, and only of a Custom format (Excel throws for `custom` of another type). */
  protected override fetchNested(head: string, rest: string[]): unknown {
    const cf = this.cf;
    if (!cf) throw new FakeOfficeError('ItemNotFound', 'conditional format');
    if (head !== 'custom' || rest.some((r) => r !== 'rule/formula')) return super.fetchNested(head, rest);
    if ((cf.type ?? 'Custom') !== 'Custom') throw new FakeOfficeError('InvalidOperation', `custom of a ${cf.type} format`);
    if (rulesUnreadable(this.overlapping(cf))) throw unreadable();
    this.setLoaded('custom/rule/formula', cf.formula);
    return { rule: { formula: cf.formula } };
  }

  /** Used by a collection load: this CF exists and its id came with the collection. */
  bind(cf: FakeCfState): this {
    this.cf = cf;
    this.setLoaded('id', cf.id);
    return this;
  }

  /** The areas the format applies to (reading them is safe; reading rules back is not). */
  getRanges(): FakeRangeAreas {
    const areas: string[] = [];
    return new FakeRangeAreas(this.ctx, this.sheet, areas, () => {
      if (!this.cf) throw new FakeOfficeError('ItemNotFound', 'conditional format');
      areas.splice(0, areas.length, ...splitAreas(this.cf.address));
      return false;
    });
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
    if (sub.some((p) => p !== 'id' && p !== 'type')) {
      throw new FakeOfficeError('GeneralException', 'fake: only conditional format ids and types can be read back by the collection');
    }
    const found = this.matching();
    if (sub.includes('type') && rulesUnreadable(found)) throw unreadable();
    this.itemList = found.map((cf) => new FakeCf(this.ctx, this.sheet).bind(cf));
    return { items: this.itemList.map((cf) => cf.fetchPaths(sub)) };
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

