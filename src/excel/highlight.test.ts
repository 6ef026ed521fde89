import { a1 } from '../domain/a1';
import type { Highlight } from '../domain/output/sheet-model';
import { PortError, TOOL_SHEETS } from '../domain/port';
import { groupHighlights, parseRecord } from './highlight';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';

function port(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
}

/** A sheet with the user's own fills, fonts, formats and a conditional format of theirs. */
function userWorkbook(): FakeExcel {
  const fx = new FakeExcel();
  fx.addSheet('辽滨', {
    rows: [
      ['指标名称', '本月', '累计'],
      ['税收', { v: 12, fill: '#FFFF00', font: { color: '#FF0000', bold: true } }, { v: 30, nf: '#,##0.0' }],
      ['产值', 5, { v: 7, f: 'B3+2', fill: '#00B050' }],
    ],
  });
  fx.addUserCf('辽滨', 'B2:C3', '#DDEBF7');
  fx.addSheet('空白', { rows: [['x']] });
  return fx;
}

/** 10,000 findings spread over a 100 × 100 block of one sheet (scattered, every other row). */
function manyHighlights(n: number, sheet = 'S'): Highlight[] {
  const out: Highlight[] = [];
  for (let i = 0; i < n; i++) {
    const row = (i % 200) * 2 + 3;
    const col = Math.floor(i / 200) + 1;
    out.push({ sheet, cell: a1(row, col), level: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info', note: `n${i}` });
  }
  return out;
}

describe('highlight', () => {
  test('colours with tool-owned conditional formats, leaving the cells themselves untouched', async () => {
    const fx = userWorkbook();
    const before = fx.sheet('辽滨')?.rows.map((r) => r.map((c) => (c ? { ...c } : c)));
    await port(fx).highlight([
      { sheet: '辽滨', cell: 'B2', level: 'error', note: '错误' },
      { sheet: '辽滨', cell: 'B3', level: 'error', note: '错误' },
      { sheet: '辽滨', cell: 'C3', level: 'warning', note: '警告' },
      { sheet: '辽滨', cell: 'C3', level: 'error', note: '更严重' },
      { sheet: '辽滨', cell: 'A1', level: 'info', note: '提示' },
    ]);
    const s = fx.sheet('辽滨');
    expect(s?.rows.map((r) => r.map((c) => (c ? { ...c } : c)))).toEqual(before);
    const mine = s?.cfs.filter((c) => c.owner === 'addin') ?? [];
    expect(mine.map((c) => [c.address, c.fill, c.fontColor, c.formula]).sort()).toEqual(
      [
        ['A1', '#DDEBF7', '#1F4E78', '=TRUE'],
        ['B2:B3,C3', '#FFC7CE', '#9C0006', '=TRUE'],
      ].sort(),
    );
    // the record sits in column B of the veryHidden tool sheet
    const store = fx.sheet(TOOL_SHEETS.config);
    expect(store?.visibility).toBe('VeryHidden');
    const rec = parseRecord(String(store?.rows[0]?.[1]?.v));
    expect(rec.entries.map((e) => e.id).sort()).toEqual(mine.map((c) => c.id).sort());
    expect(store?.rows[0]?.[1]?.nf).toBe('@');
  });

  test('clearHighlights restores the exact prior formats: the user fills and CFs, nothing else', async () => {
    const fx = userWorkbook();
    const before = fx.formatSnapshot();
    const p = port(fx);
    await p.highlight(manyHighlights(300, '辽滨'));
    expect(fx.formatSnapshot()).not.toEqual(before);
    await p.clearHighlights();
    const after = JSON.parse(fx.formatSnapshot()) as { name: string }[];
    // the tool sheet remains (empty record); every user sheet is exactly as before
    expect(after.filter((s) => s.name !== TOOL_SHEETS.config)).toEqual(JSON.parse(before));
    expect(fx.sheet('辽滨')?.cfs.map((c) => c.owner)).toEqual(['user']);
  });

  test('clearing works after the workbook was closed and reopened (a new port, new contexts)', async () => {
    const fx = userWorkbook();
    await port(fx).highlight([{ sheet: '辽滨', cell: 'B2', level: 'warning', note: 'w' }]);
    expect(fx.sheet('辽滨')?.cfs).toHaveLength(2);
    await port(fx).clearHighlights();
    expect(fx.sheet('辽滨')?.cfs.map((c) => c.owner)).toEqual(['user']);
  });

  test('highlighting again replaces the previous highlights', async () => {
    const fx = userWorkbook();
    const p = port(fx);
    await p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }]);
    await p.highlight([{ sheet: '辽滨', cell: 'C2', level: 'info', note: 'i' }]);
    const mine = fx.sheet('辽滨')?.cfs.filter((c) => c.owner === 'addin');
    expect(mine?.map((c) => c.address)).toEqual(['C2']);
  });

  test('a recorded format the user deleted by hand does not break clearing', async () => {
    const fx = userWorkbook();
    const p = port(fx);
    await p.highlight([
      { sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' },
      { sheet: '辽滨', cell: 'A1', level: 'info', note: 'i' },
    ]);
    const s = fx.sheet('辽滨');
    if (!s) throw new Error('sheet');
    s.cfs.splice(s.cfs.findIndex((c) => c.owner === 'addin'), 1);
    await p.clearHighlights();
    expect(s.cfs.map((c) => c.owner)).toEqual(['user']);
  });

  test('a user format that happens to carry a recorded id but another shape is never removed', async () => {
    const fx = userWorkbook();
    const p = port(fx);
    await p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }]);
    const s = fx.sheet('辽滨');
    if (!s) throw new Error('sheet');
    const mine = s.cfs.findIndex((c) => c.owner === 'addin');
    const id = s.cfs[mine].id;
    // Excel reused the id for a format the user made (the tool's own is gone)
    s.cfs.splice(mine, 1, { id, address: 'A1:C3', formula: '=TRUE', fill: '#FF0000', fontColor: null, owner: 'user' });
    await p.clearHighlights();
    expect(s.cfs.map((c) => [c.owner, c.address])).toEqual([
      ['user', 'B2:C3'],
      ['user', 'A1:C3'],
    ]);
  });

  test('10,000 cells: 3 syncs and 27 getRanges calls on a fresh workbook, 6 syncs when replacing', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    const p = port(fx);
    await p.highlight(manyHighlights(10_000));
    // sync 1 sheets, sync 2 formats + ids, sync 3 record (no tool sheet yet: no record to read)
    expect(fx.stats.syncs).toBe(3);
    // 3 levels × ceil(3,334 cells / 400 areas per call) = 27 calls, one conditional format each
    expect(fx.stats.getRangesCalls).toBe(27);
    expect(fx.stats.cfAdds).toBe(27);
    expect(fx.stats.suspends).toBe(2); // calculation and screen updating, once each
    expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(5_000_000);
    const cfs = fx.sheet('S')?.cfs ?? [];
    const cells = cfs.reduce((n, c) => n + c.address.split(',').length, 0);
    expect(cells).toBe(10_000); // scattered cells, no vertical runs to merge

    const syncs = fx.stats.syncs;
    const calls = fx.stats.getRangesCalls;
    await p.highlight(manyHighlights(10_000));
    // 1 sheets, 2 record, 3 ids of the recorded formats, 4 their areas, 5 delete + add, 6 record
    expect(fx.stats.syncs - syncs).toBe(6);
    expect(fx.stats.getRangesCalls - calls).toBe(27 + 27);
    expect(fx.sheet('S')?.cfs).toHaveLength(27);

    const s2 = fx.stats.syncs;
    await p.clearHighlights();
    expect(fx.stats.syncs - s2).toBe(5);
    expect(fx.sheet('S')?.cfs).toHaveLength(0);
  });

  test('every getRanges address stays within 2,000 characters and 400 areas', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    await port(fx).highlight(manyHighlights(5_000));
    for (const cf of fx.sheet('S')?.cfs ?? []) {
      expect(cf.address.length).toBeLessThanOrEqual(2000);
      expect(cf.address.split(',').length).toBeLessThanOrEqual(400);
    }
  });

  test('vertical runs collapse into one area', async () => {
    const fx = new FakeExcel();
    fx.addSheet('S', { rows: [['x']] });
    const items: Highlight[] = [];
    for (let r = 4; r <= 300; r++) items.push({ sheet: 'S', cell: `E${r}`, level: 'warning', note: '' });
    await port(fx).highlight(items);
    expect(fx.sheet('S')?.cfs.map((c) => c.address)).toEqual(['E4:E300']);
  });

  test('a protected sheet: PortError in both languages, nothing written, no unprotect attempt', async () => {
    const fx = userWorkbook();
    fx.addSheet('锁定', { rows: [['a', 1]], protected: true });
    const before = fx.formatSnapshot();
    const err = await port(fx)
      .highlight([
        { sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' },
        { sheet: '锁定', cell: 'B1', level: 'error', note: 'e' },
      ])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect(err).toMatchObject({ code: 'E_EXCEL_PROTECTED' });
    expect((err as PortError).zh).toContain('锁定');
    expect((err as PortError).en).toContain('protected');
    expect(fx.formatSnapshot()).toEqual(before);
    expect(fx.stats.unprotectAttempts).toBe(0);
  });

  test('AccessDenied from Excel itself (e.g. workbook structure protection) maps to the same message', async () => {
    const fx = userWorkbook();
    fx.failSync(3, 'AccessDenied');
    await expect(port(fx).highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }])).rejects.toMatchObject({
      code: 'E_EXCEL_PROTECTED',
    });
  });

  test('a failing sync in the middle gives a PortError and no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const fx = userWorkbook();
      fx.failSync(2, 'GeneralException');
      await expect(port(fx).highlight(manyHighlights(50, '辽滨'))).rejects.toBeInstanceOf(PortError);
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('highlights on missing sheets or on the tool sheet are skipped', async () => {
    const fx = userWorkbook();
    await port(fx).highlight([
      { sheet: '不存在', cell: 'A1', level: 'error', note: '' },
      { sheet: TOOL_SHEETS.config, cell: 'A1', level: 'error', note: '' },
    ]);
    expect(fx.sheets.flatMap((s) => s.cfs).filter((c) => c.owner === 'addin')).toEqual([]);
  });

  test('groupHighlights keeps the worst level per cell; parseRecord tolerates garbage', () => {
    const g = groupHighlights([
      { sheet: 'S', cell: 'A1', level: 'info', note: '' },
      { sheet: 'S', cell: '$A$1', level: 'error', note: '' },
      { sheet: 'S', cell: 'B1', level: 'warning', note: '' },
    ]);
    expect(g.get('S')?.get('error')).toEqual(['$A$1']);
    expect(g.get('S')?.get('info')).toBeUndefined();
    expect(parseRecord('not json').entries).toEqual([]);
    expect(parseRecord('{"entries":[{"sheet":1}]}').entries).toEqual([]);
  });
});
