/**
 * The fake's ranges: Range (values, formulas, number formats, value types, merged areas, select,
 * clear), RangeAreas (ExcelApi 1.9) and their formats — writes queued, reads after load + sync.
 * Merged areas (ExcelApi 1.13) are reported as Excel documents them: only those whose top-left cell
 * lies in the range (office-js #3611), and more than 512 of them make the call fail.
 */
import type { XlFill, XlFont, XlRange, XlRangeAreas, XlRangeFormat } from '../api';
import type { RangePos } from '../../domain/a1';
import { areaBounds, quoteSheet, rangeAddress } from '../../domain/a1-areas';
import type { FakeContext } from './fake-context';
import { FakeCfCollection } from './fake-cf';
import { FakeProxy } from './fake-proxy';
import { FAKE_MAX_MERGED_AREAS, FakeOfficeError, type FakeCellState, type FakeSheetState, type FakeValue } from './fake-state';

/** Writes to cells of one sheet, refused on a protected sheet. */
export function writeCells(s: FakeSheetState, areas: RangePos[], f: (c: FakeCellState, r: number, col: number) => void): void {
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
    const set = (name: string, v: unknown, f: (c: FakeCellState) => void) => ctx.write(name, [v], () => writeCells(state(), areas(), f));
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
    this.ctx.requireApi('1.2', 'format.columnWidth');
    this.ctx.write('columnWidth', [v], () => {
      const s = this.state();
      for (const b of this.areas()) for (let c = b.left; c <= b.right; c++) s.columnWidths.set(c, v);
    });
  }
}

export class FakeRangeAreas extends FakeProxy implements XlRangeAreas {
  readonly format: FakeFormat;
  private cfs: FakeCfCollection | null = null;
  private readonly bounds: () => RangePos[];

  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheetState,
    private areaList: string[],
    private isNull: () => boolean = () => false,
  ) {
    super(ctx);
    this.bounds = () =>
      this.areaList.map((a) => {
        const b = areaBounds(a);
        if (!b) throw new FakeOfficeError('InvalidArgument', `bad area ${a}`);
        return b;
      });
    this.format = new FakeFormat(ctx, sheet, this.bounds);
  }

  get conditionalFormats(): FakeCfCollection {
    if (!this.cfs) {
      this.ctx.requireApi('1.6', 'conditionalFormats');
      this.cfs = new FakeCfCollection(this.ctx, this.sheet, this.bounds, () => this.areaList.join(','));
    }
    return this.cfs;
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

export class FakeRange extends FakeProxy implements XlRange {
  readonly format: FakeFormat;
  private cfs: FakeCfCollection | null = null;

  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheetState,
    private bounds: () => RangePos,
    private isNull: () => boolean = () => false,
  ) {
    super(ctx);
    this.format = new FakeFormat(ctx, sheet, () => [bounds()]);
  }

  get conditionalFormats(): FakeCfCollection {
    if (!this.cfs) {
      this.ctx.requireApi('1.6', 'conditionalFormats');
      this.cfs = new FakeCfCollection(this.ctx, this.sheet, () => [this.bounds()], () => rangeAddress(this.bounds()));
    }
    return this.cfs;
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

  /** Merged areas whose top-left cell lies in this range (ExcelApi 1.13); fails past 512. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.ctx.requireApi('1.13', 'getMergedAreasOrNullObject');
    const mergedHere = () => {
      const b = this.bounds();
      return this.sheet().merges.filter((m) => {
        const mb = areaBounds(m);
        return mb !== null && mb.top >= b.top && mb.top <= b.bottom && mb.left >= b.left && mb.left <= b.right;
      });
    };
    // the area list is only known at sync: a view over the current merges
    const areas: string[] = [];
    return new FakeRangeAreas(this.ctx, this.sheet, areas, () => {
      const found = mergedHere();
      if (found.length > FAKE_MAX_MERGED_AREAS) {
        throw new FakeOfficeError('GeneralException', `An internal error has occurred (${found.length} merged areas).`);
      }
      areas.splice(0, areas.length, ...found);
      return areas.length === 0;
    });
  }

  merge(across?: boolean): void {
    this.ctx.requireApi('1.2', 'range.merge');
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
