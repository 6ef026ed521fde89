/**
 * The fake's own quirks, pinned: each is something Excel documents or has been seen to do, and the
 * port's tests rely on the fake being this strict (positional ids, growing areas, renamed sheets,
 * rules that cannot be read back, the 512-merge limit, structure protection, API levels, a sync
 * that never answers).
 */
import type { XlContext } from '../api';
import { FakeExcel, FakeOfficeError } from './fake-excel';

async function inBatch<T>(fx: FakeExcel, f: (ctx: XlContext) => Promise<T>): Promise<T> {
  return fx.run(f);
}

function failure(e: unknown): string {
  return e instanceof FakeOfficeError ? e.code : String(e);
}

describe('the Excel fake', () => {
  test('a conditional format id is its position: adding a rule (at the top) renumbers the others', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    const mine = fx.addCf('S', { address: 'B2', formula: '=TRUE', fill: '#111111', owner: 'addin' });
    const ids = await inBatch(fx, async (ctx) => {
      const coll = ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats.load('items/id');
      await ctx.sync();
      return coll.items.map((c) => c.id);
    });
    expect(ids).toEqual(['0']);
    const clerks = fx.addUserCf('S', 'B2', '#222222');
    // the id read before now names the clerk's rule: deleting "0" deletes theirs
    await inBatch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats.getItem(ids[0]).delete();
      await ctx.sync();
    });
    expect(fx.sheet('S')?.cfs).toEqual([mine]);
    expect(fx.sheet('S')?.cfs).not.toContain(clerks);
  });

  test('a rule added through the API takes the top priority', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    fx.addUserCf('S', 'A1', '#111111');
    await inBatch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('C3').conditionalFormats.add('Custom').custom.rule.formula = '=1';
      await ctx.sync();
    });
    expect(fx.sheet('S')?.cfs.map((c) => c.address)).toEqual(['C3', 'A1']);
  });

  test('rows inserted: areas below move, areas spanning the point grow, areas above stay; merges too', () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x'], ['y'], ['z']], merges: ['A5:B5'] });
    const above = fx.addCf('S', { address: 'A1', formula: '', fill: null, owner: 'user' });
    const span = fx.addCf('S', { address: 'B2:B4,D9', formula: '', fill: null, owner: 'user' });
    fx.insertRows('S', 2, 2);
    expect(above.address).toBe('A1');
    expect(span.address).toBe('B2:B6,D11');
    expect(fx.sheet('S')?.merges).toEqual(['A7:B7']);
    expect(fx.sheet('S')?.rows.map((r) => r[0]?.v)).toEqual(['x', 'y', undefined, undefined, 'z']);
  });

  test('a renamed sheet keeps its id and is found by it', async () => {
    const fx = new FakeExcel();
    const s = fx.addSheet('旧名', { rows: [['x']] });
    fx.renameSheet('旧名', '新名');
    const name = await inBatch(fx, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(s.id).load('name');
      await ctx.sync();
      return ws.name;
    });
    expect(name).toBe('新名');
  });

  test('rules Excel cannot read back: a duplicated rule, or two cell-value rules on one cell — reading fails, deleting fails, ids still read', async () => {
    for (const setup of [
      (fx: FakeExcel) => fx.duplicateCf('S', fx.addUserCf('S', 'B2', '#111111')),
      (fx: FakeExcel) => {
        fx.addUserCf('S', 'A1:B4', '#111111', { type: 'CellValue' });
        return fx.addUserCf('S', 'B2', '#222222', { type: 'CellValue' });
      },
    ]) {
      const fx = new FakeExcel();
      fx.addSheet('S', { rows: [['x']] });
      setup(fx);
      const types = await inBatch(fx, async (ctx) => {
        const coll = ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats.load('items/type');
        await ctx.sync();
        return coll.items.map((c) => c.type);
      }).catch(failure);
      expect(types).toBe('GeneralException');
      const ids = await inBatch(fx, async (ctx) => {
        const coll = ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats.load('items/id');
        await ctx.sync();
        return coll.items.map((c) => c.id);
      });
      expect(ids).toEqual(['0', '1']);
      const del = await inBatch(fx, async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange().conditionalFormats.getItem('0').delete();
        await ctx.sync();
      }).catch(failure);
      expect(del).toBe('ItemNotFound');
    }
  });

  test('getMergedAreasOrNullObject: merges whose top-left cell is in the range; more than 512 fail', async () => {
    const read = (fx: FakeExcel, address?: string) =>
      inBatch(fx, async (ctx) => {
        const m = ctx.workbook.worksheets.getItem('S').getRange(address).getMergedAreasOrNullObject().load('address');
        await ctx.sync();
        return m.isNullObject ? [] : m.address.split(',');
      });
    const fx = new FakeExcel({ api: '1.13' });
    fx.addSheet('S', { rows: [['x']], merges: ['A1:C2', 'E5:F9'] });
    expect(await read(fx, 'B1:H6')).toEqual(['S!E5:F9']);
    expect(await read(fx, 'A1')).toEqual(['S!A1:C2']);
    const many = new FakeExcel({ api: '1.13' });
    many.addSheet('S', { rows: [['x']], merges: Array.from({ length: 513 }, (_, i) => `A${i * 2 + 1}:B${i * 2 + 1}`) });
    expect(await read(many).catch(failure)).toBe('GeneralException');
    expect(await read(many, '1:1000')).toHaveLength(500);
  });

  test('a structure-protected workbook refuses to add, delete and hide sheets', async () => {
    const fx = new FakeExcel();
    fx.addSheet('A', { rows: [['x']] });
    fx.addSheet('B', { rows: [['x']] });
    fx.structureProtected = true;
    const attempts: ((ctx: XlContext) => void)[] = [
      (ctx) => ctx.workbook.worksheets.add('C'),
      (ctx) => ctx.workbook.worksheets.getItem('B').delete(),
      (ctx) => (ctx.workbook.worksheets.getItem('B').visibility = 'Hidden'),
    ];
    for (const a of attempts) {
      const r = await inBatch(fx, async (ctx) => {
        a(ctx);
        await ctx.sync();
      }).catch(failure);
      expect(r).toBe('AccessDenied');
    }
    expect(fx.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['A', 'Visible'],
      ['B', 'Visible'],
    ]);
    const p = await inBatch(fx, async (ctx) => {
      const prot = ctx.workbook.protection.load('protected');
      await ctx.sync();
      return prot.protected;
    });
    expect(p).toBe(true);
  });

  test('an API beyond the host’s level fails at sync with ApiNotFound', async () => {
    const fx = new FakeExcel({ api: '1.7' });
    fx.addSheet('S', { rows: [['x']] });
    expect(fx.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(fx.isSetSupported('ExcelApi', '1.9')).toBe(false);
    const r = await inBatch(fx, async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRanges('A1,C3').load('address');
      await ctx.sync();
    }).catch(failure);
    expect(r).toBe('ApiNotFound');
    const old = new FakeExcel({ api: '1.6' });
    const p = await inBatch(old, async (ctx) => {
      ctx.workbook.protection.load('protected');
      await ctx.sync();
    }).catch(failure);
    expect(p).toBe('ApiNotFound');
  });

  test('hangSync: that sync never settles and applies nothing', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    fx.hangSync(1);
    let settled = false;
    void fx.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').values = [['changed']];
      await ctx.sync();
      settled = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(fx.cell('S', 0, 0)?.v).toBe('x');
    expect(fx.stats.hung).toBe(1);
  });
});
