/**
 * The fake's conditional formats, as strict as Excel where it matters to the port:
 *  - `id` is a position, not an identity ("the priority of the conditional format in the current
 *    ConditionalFormatCollection"): a format read from a collection is found again by its position
 *    when an operation runs, so deleting or adding rules in the same batch shifts what an older
 *    proxy points at, exactly as re-numbered priorities do in Excel;
 *  - a new rule goes to the top of the priority list (index 0), renumbering the rest;
 *  - rules Excel cannot read back (cfUnreadable: duplicated rules, two cell-value rules on a cell)
 *    make reading their type, rule or ranges throw, a collection load with types throw, and
 *    deleting them fail with ItemNotFound;
 *  - only `custom/rule/formula` of a Custom rule can be read (reading `custom` of another type
 *    throws), and reading other properties back is not modelled: the port must not need them.
 * Conditional formats need ExcelApi 1.6; ConditionalFormat.getRanges 1.9.
 */
import type { XlConditionalFormat, XlConditionalFormatCollection } from '../api';
import type { RangePos } from '../../domain/a1';
import { splitAreas } from '../../domain/a1-areas';
import type { FakeContext } from './fake-context';
import { FakeProxy } from './fake-proxy';
import { FakeRange, FakeRangeAreas } from './fake-range';
import { areaBounds } from '../../domain/a1-areas';
import {
  cfBounds,
  cfUnreadable,
  FakeOfficeError,
  intersects,
  MAX_COLS,
  unreadableError,
  type FakeCfState,
  type FakeSheetState,
} from './fake-state';

/** The sheet's formats that intersect `areas`, in priority order (what a collection holds). */
function cfsIntersecting(sheet: FakeSheetState, areas: RangePos[]): FakeCfState[] {
  const cells = areas.reduce((n, b) => n + (b.bottom - b.top + 1) * (b.right - b.left + 1), 0);
  // small area sets (the usual case) are indexed by cell, so matching stays linear
  const index = cells <= 200_000 ? new Set<number>() : null;
  if (index) for (const b of areas) for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) index.add(r * MAX_COLS + c);
  const hit = (b: RangePos): boolean => {
    if (!index || (b.bottom - b.top + 1) * (b.right - b.left + 1) > 10_000) return areas.some((m) => intersects(m, b));
    for (let r = b.top; r <= b.bottom; r++) for (let c = b.left; c <= b.right; c++) if (index.has(r * MAX_COLS + c)) return true;
    return false;
  };
  return sheet.cfs.filter((cf) => cfBounds(cf).some(hit));
}

export class FakeCf extends FakeProxy implements XlConditionalFormat {
  readonly custom: XlConditionalFormat['custom'];

  /**
   * `target` finds the rule when an operation runs: by position for a rule read from a collection,
   * by identity for a rule this batch added. `position` gives the id of a rule just added.
   */
  constructor(
    ctx: FakeContext,
    private sheet: () => FakeSheetState,
    private target: () => FakeCfState,
    private position: () => number,
  ) {
    super(ctx);
    const self = this;
    const set = (name: string, v: string, f: (cf: FakeCfState) => void) =>
      ctx.write(name, [v], () => {
        if (self.sheet().protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
        f(self.target());
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

  /** The rule, refusing when Excel could not read it back. */
  private readable(): FakeCfState {
    const cf = this.target();
    if (cfUnreadable(this.sheet(), cf)) throw unreadableError();
    return cf;
  }

  protected fetch(prop: string): unknown {
    if (prop === 'id') {
      this.target();
      return String(this.position());
    }
    if (prop === 'type') return this.readable().type ?? 'Custom';
    throw new FakeOfficeError('GeneralException', `fake: reading conditional format ${prop} back is not supported`);
  }

  /** `custom/rule/formula` only, and only of a Custom format (Excel throws for `custom` of another type). */
  protected override fetchNested(head: string, rest: string[]): unknown {
    if (head !== 'custom' || rest.some((r) => r !== 'rule/formula')) return super.fetchNested(head, rest);
    const cf = this.readable();
    if ((cf.type ?? 'Custom') !== 'Custom') throw new FakeOfficeError('InvalidOperation', `custom of a ${cf.type} format`);
    this.setLoaded('custom/rule/formula', cf.formula);
    return { rule: { formula: cf.formula } };
  }

  /** Used by a collection load: the id (a position) came with the collection. */
  bindLoaded(prop: string, v: unknown): this {
    this.setLoaded(prop, v);
    return this;
  }

  /** The areas the format applies to (ExcelApi 1.9). */
  getRanges(): FakeRangeAreas {
    this.ctx.requireApi('1.9', 'ConditionalFormat.getRanges');
    const areas: string[] = [];
    return new FakeRangeAreas(this.ctx, this.sheet, areas, () => {
      areas.splice(0, areas.length, ...splitAreas(this.readable().address));
      return false;
    });
  }

  /** The one area the format applies to, or a null object when it applies to several (ExcelApi 1.6). */
  getRangeOrNullObject(): FakeRange {
    const single = (): RangePos | null => {
      const areas = splitAreas(this.readable().address);
      return areas.length === 1 ? areaBounds(areas[0]) : null;
    };
    return new FakeRange(
      this.ctx,
      this.sheet,
      () => single() ?? { top: 0, left: 0, bottom: 0, right: 0 },
      () => single() === null,
    );
  }

  delete(): void {
    this.ctx.write('cf.delete', [], () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
      const cf = this.target();
      // office-js #5222: deleting a rule Excel cannot read back fails
      if (cfUnreadable(s, cf)) throw new FakeOfficeError('ItemNotFound', 'Item Not Found. (conditional format)');
      const i = s.cfs.indexOf(cf);
      if (i < 0) throw new FakeOfficeError('ItemNotFound', 'conditional format');
      s.cfs.splice(i, 1);
      this.fake.stats.cfDeletes += 1;
    });
  }
}

export class FakeCfCollection extends FakeProxy implements XlConditionalFormatCollection {
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

  /** the last answer of matching() and what it was computed from (tests may edit sheet.cfs directly) */
  private cache: { cfs: FakeCfState[]; addresses: string[]; result: FakeCfState[] } | null = null;

  /** The rules this collection holds now, in priority order (positions are indexes into it). */
  private matching(): FakeCfState[] {
    const cfs = this.sheet().cfs;
    const c = this.cache;
    if (c && c.cfs.length === cfs.length && cfs.every((cf, i) => c.cfs[i] === cf && c.addresses[i] === cf.address)) return c.result;
    const result = cfsIntersecting(this.sheet(), this.areas());
    this.cache = { cfs: [...cfs], addresses: cfs.map((cf) => cf.address), result };
    return result;
  }

  /** The rule at `position` of this collection when an operation runs. */
  private at(position: number): () => FakeCfState {
    return () => {
      const cf = this.matching()[position];
      if (!cf) throw new FakeOfficeError('ItemNotFound', `conditional format ${position}`);
      return cf;
    };
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
    const s = this.sheet();
    // office-js #6827/#6835: reading the items' properties fails when one of them cannot be read back
    if (sub.includes('type') && found.some((cf) => cfUnreadable(s, cf))) throw unreadableError();
    this.itemList = found.map((cf, i) => {
      const item = new FakeCf(this.ctx, this.sheet, this.at(i), () => i);
      item.bindLoaded('id', String(i));
      if (sub.includes('type')) item.bindLoaded('type', cf.type ?? 'Custom');
      return item;
    });
    return { items: this.itemList.map((cf, i) => ({ id: String(i), ...(sub.includes('type') ? { type: cf.type } : {}) })) };
  }

  add(type: 'Custom'): FakeCf {
    this.fake.stats.cfAdds += 1;
    const fake = this.fake;
    let created: FakeCfState | null = null;
    this.ctx.write('conditionalFormats.add', [type, this.address()], () => {
      const s = this.sheet();
      if (s.protected) throw new FakeOfficeError('AccessDenied', 'protected sheet');
      created = { uid: fake.nextUid(), address: this.address(), formula: '', fill: null, fontColor: null, owner: 'addin' };
      // a new rule takes the top priority: every other rule's position (id) moves down by one
      s.cfs.unshift(created);
    });
    const mine = (): FakeCfState => {
      if (!created) throw new FakeOfficeError('ItemNotFound', 'conditional format');
      return created;
    };
    return new FakeCf(this.ctx, this.sheet, mine, () => this.matching().indexOf(mine()));
  }

  getItem(id: string): FakeCf {
    const position = Number(id);
    return new FakeCf(this.ctx, this.sheet, this.at(position), () => position);
  }
}
