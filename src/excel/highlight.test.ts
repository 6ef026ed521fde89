/**
 * Highlighting in (fake) Excel, at the minimum API level (ExcelApi 1.7, one rule per area) and with
 * RangeAreas (1.9): the user's cells and rules are never touched, the tool's rules are found again
 * by their signature wherever they now apply, and what Excel refuses is refused before anything is
 * written. The fake is as strict as Excel: ids are positions renumbered by every add and delete,
 * new rules take the top priority, areas grow when rows are inserted, sheets keep their id when
 * renamed, some rules cannot be read back, structure protection forbids adding sheets.
 */
import { a1 } from '../domain/a1';
import { HIGHLIGHT_FORMULA } from '../domain/output/highlight-record';
import type { Highlight } from '../domain/output/sheet-model';
import { PortError, TOOL_SHEETS } from '../domain/port';
import { groupHighlights, MAX_SEPARATE_AREAS, parseRecord, type HighlightEntry } from './highlight';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel, type FakeCfState } from './testing/fake-excel';

function port(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
}

/** A sheet with the user's own fills, fonts, formats and a conditional format of theirs. */
function userWorkbook(api: string): FakeExcel {
  const fx = new FakeExcel({ api });
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

/** n findings spread over one sheet (scattered, every other row). */
function manyHighlights(n: number, sheet = 'S'): Highlight[] {
  const out: Highlight[] = [];
  for (let i = 0; i < n; i++) {
    const row = (i % 200) * 2 + 3;
    const col = Math.floor(i / 200) + 1;
    out.push({ sheet, cell: a1(row, col), level: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info', note: `n${i}` });
  }
  return out;
}

function recordOf(fx: FakeExcel): HighlightEntry[] {
  let t = '';
  for (const r of fx.sheet(TOOL_SHEETS.config)?.rows ?? []) {
    const v = r[1]?.v;
    if (typeof v !== 'string' || v === '') break;
    t += v;
  }
  return parseRecord(t === '' ? null : t).entries;
}

function tool(fx: FakeExcel, sheet: string): FakeCfState[] {
  return fx.sheet(sheet)?.cfs.filter((c) => c.owner === 'addin') ?? [];
}

describe.each(['1.7', '1.9'])('highlight at ExcelApi %s', (api) => {
  const areas = api === '1.7';

  test('colours with tool-owned rules carrying the signature; the cells themselves are untouched; the record names the sheet by id', async () => {
    const fx = userWorkbook(api);
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
    const mine = tool(fx, '辽滨');
    const expected = areas
      ? [
          ['A1', '#DDEBF7', '#1F4E78'],
          ['B2:B3', '#FFC7CE', '#9C0006'],
          ['C3', '#FFC7CE', '#9C0006'],
        ]
      : [
          ['A1', '#DDEBF7', '#1F4E78'],
          ['B2:B3,C3', '#FFC7CE', '#9C0006'],
        ];
    expect(mine.map((c) => [c.address, c.fill, c.fontColor]).sort()).toEqual(expected.sort());
    expect(mine.every((c) => c.formula === HIGHLIGHT_FORMULA)).toBe(true);
    const store = fx.sheet(TOOL_SHEETS.config);
    expect(store?.visibility).toBe('VeryHidden');
    expect(store?.rows[0]?.[1]?.nf).toBe('@');
    const rec = recordOf(fx);
    expect(rec.map((e) => e.address).sort()).toEqual(mine.map((c) => c.address).sort());
    expect(rec.every((e) => e.sheetId === s?.id && e.id === 'sig' && e.sheet === '辽滨')).toBe(true);
  });

  test('clearHighlights restores the exact prior formats: the user fills and rules, nothing else', async () => {
    const fx = userWorkbook(api);
    const before = fx.formatSnapshot();
    const p = port(fx);
    await p.highlight(manyHighlights(300, '辽滨'));
    expect(fx.formatSnapshot()).not.toEqual(before);
    await p.clearHighlights();
    const after = JSON.parse(fx.formatSnapshot()) as { name: string }[];
    expect(after.filter((s) => s.name !== TOOL_SHEETS.config)).toEqual(JSON.parse(before));
    expect(recordOf(fx)).toEqual([]);
  });

  test('clearing works after the workbook was closed and reopened (a new port, new contexts)', async () => {
    const fx = userWorkbook(api);
    await port(fx).highlight([{ sheet: '辽滨', cell: 'B2', level: 'warning', note: 'w' }]);
    expect(fx.sheet('辽滨')?.cfs).toHaveLength(2);
    await port(fx).clearHighlights();
    expect(fx.sheet('辽滨')?.cfs.map((c) => c.owner)).toEqual(['user']);
  });

  test('highlighting again replaces the previous highlights', async () => {
    const fx = userWorkbook(api);
    const p = port(fx);
    await p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }]);
    await p.highlight([{ sheet: '辽滨', cell: 'C2', level: 'info', note: 'i' }]);
    expect(tool(fx, '辽滨').map((c) => c.address)).toEqual(['C2']);
    expect(fx.sheet('辽滨')?.cfs.filter((c) => c.owner === 'user')).toHaveLength(1);
  });

  test('a recorded rule the user deleted by hand does not break clearing', async () => {
    const fx = userWorkbook(api);
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

  // ---------------------------------------------------------------- Excel as it really is

  test('the clerk adds rules after highlighting (every position renumbered): only the tool’s rules go, even a same-shaped =TRUE rule of the clerk stays', async () => {
    const fx = userWorkbook(api);
    const p = port(fx);
    await p.highlight([
      { sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' },
      { sheet: '辽滨', cell: 'C2', level: 'warning', note: 'w' },
    ]);
    // the clerk's own rules, each taking the top priority: ids of the tool's rules all move
    const clerks = fx.addUserCf('辽滨', 'B2', '#00FF00', { formula: '=TRUE' });
    const clerks2 = fx.addUserCf('辽滨', 'C2', '#0000FF', { formula: '=C2>0' });
    await p.clearHighlights();
    const left = fx.sheet('辽滨')?.cfs ?? [];
    expect(left.map((c) => c.uid).sort()).toEqual([clerks.uid, clerks2.uid, left.find((c) => c.fill === '#DDEBF7')?.uid].sort());
    expect(left.every((c) => c.owner === 'user')).toBe(true);
  });

  test('rows inserted inside and above a highlighted area: the grown and moved rules are still found and removed', async () => {
    const fx = userWorkbook(api);
    const p = port(fx);
    await p.highlight([
      { sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' },
      { sheet: '辽滨', cell: 'B3', level: 'error', note: 'e' },
      { sheet: '辽滨', cell: 'C3', level: 'warning', note: 'w' },
    ]);
    fx.insertRows('辽滨', 2, 3); // three rows before row 3: B2:B3 grows to B2:B6, C3 moves to C6
    expect(tool(fx, '辽滨').map((c) => c.address).sort()).toEqual(areas ? ['B2:B6', 'C6'] : ['B2:B6', 'C6'].sort());
    await p.clearHighlights();
    expect(tool(fx, '辽滨')).toEqual([]);
    expect(fx.sheet('辽滨')?.cfs.map((c) => c.owner)).toEqual(['user']);
    expect(recordOf(fx)).toEqual([]);
  });

  test('the sheet renamed after highlighting: found by its id, cleared, and the record names it anew', async () => {
    const fx = userWorkbook(api);
    const p = port(fx);
    await p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }]);
    fx.renameSheet('辽滨', '辽滨2026');
    await p.clearHighlights();
    expect(tool(fx, '辽滨2026')).toEqual([]);
    expect(fx.sheet('辽滨2026')?.cfs.map((c) => c.owner)).toEqual(['user']);
  });

  test('rules Excel cannot read back on a highlighted sheet: no error, the other sheets done, the sheet reported and still recorded', async () => {
    const fx = userWorkbook(api);
    fx.addSheet('盘锦', { rows: [['x', 1]] });
    const p = port(fx);
    await p.highlight([
      { sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' },
      { sheet: '盘锦', cell: 'B1', level: 'error', note: 'e' },
    ]);
    // the clerk duplicates the tool's rule (Manage Rules → Duplicate Rule): Excel cannot read it back
    const mine = tool(fx, '辽滨')[0];
    fx.duplicateCf('辽滨', mine);
    const syncs = fx.stats.syncs;
    await expect(p.highlight([{ sheet: '盘锦', cell: 'A1', level: 'info', note: 'i' }])).resolves.toBeUndefined();
    // 1 sheets, 2 record, 3 types (fails), 3a 辽滨 alone (fails), 3b 盘锦 alone, 3c 辽滨's recorded area (fails),
    // 4 formulas, 5 deletions + record + rules
    expect(fx.stats.syncs - syncs).toBe(8);
    expect(p.lastHighlightNotice?.sheets).toEqual(['辽滨']);
    expect(p.lastHighlightNotice?.zh).toContain('辽滨');
    expect(p.lastHighlightNotice?.en).toContain('cannot read back');
    expect(tool(fx, '盘锦').map((c) => c.address)).toEqual(['A1']);
    expect(fx.sheet('辽滨')?.cfs).toContain(mine); // left as it was
    expect(recordOf(fx).map((e) => [e.sheet, e.address]).sort()).toEqual(
      [
        ['盘锦', 'A1'],
        ['辽滨', 'B2'],
      ].sort(),
    );
  });

  test('two cell-value rules elsewhere on the sheet: the sheet is read on the recorded areas instead, and cleared', async () => {
    const fx = userWorkbook(api);
    fx.addUserCf('辽滨', 'F1:F40', '#010101', { type: 'CellValue', formula: '' });
    fx.addUserCf('辽滨', 'F10:F20', '#020202', { type: 'CellValue', formula: '' });
    const p = port(fx);
    await p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }]);
    const before = fx.formatSnapshot();
    await p.highlight([]);
    expect(p.lastHighlightNotice).toBeNull();
    expect(tool(fx, '辽滨')).toEqual([]);
    expect(fx.sheet('辽滨')?.cfs.filter((c) => c.owner === 'user')).toHaveLength(3);
    expect(fx.formatSnapshot()).not.toBe(before);
  });

  test('a structure-protected workbook without the tool sheet: refused before anything is written, in both languages', async () => {
    const fx = userWorkbook(api);
    fx.structureProtected = true;
    const before = fx.formatSnapshot();
    const err = await port(fx)
      .highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_EXCEL_STRUCTURE_PROTECTED' });
    expect((err as PortError).zh).toContain('保护工作簿');
    expect((err as PortError).en).toContain('Protect Workbook');
    expect(fx.formatSnapshot()).toBe(before);
    expect(fx.sheets.map((s) => s.name)).toEqual(['辽滨', '空白']);
    expect(fx.stats.unprotectAttempts).toBe(0);
  });

  test('a structure-protected workbook that already has the tool sheet: highlighting and clearing work (no sheet is added)', async () => {
    const fx = userWorkbook(api);
    const p = port(fx);
    await p.storeConfig('{"name":"x"}');
    fx.structureProtected = true;
    await p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }]);
    expect(tool(fx, '辽滨')).toHaveLength(1);
    await p.clearHighlights();
    expect(tool(fx, '辽滨')).toHaveLength(0);
  });

  test('a protected sheet: PortError in both languages, nothing written, no unprotect attempt', async () => {
    const fx = userWorkbook(api);
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

  test('AccessDenied from Excel itself maps to the protection message', async () => {
    const fx = userWorkbook(api);
    fx.failSync(2, 'AccessDenied');
    await expect(port(fx).highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }])).rejects.toMatchObject({
      code: 'E_EXCEL_PROTECTED',
    });
  });

  test('a failing sync in the middle gives a PortError and no unhandled rejection', async () => {
    const fx = userWorkbook(api);
    fx.failSync(2, 'GeneralException');
    const err = await port(fx)
      .highlight(manyHighlights(50, '辽滨'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    await new Promise((r) => setTimeout(r, 10));
  });

  test('highlights on missing sheets or on the tool sheet are skipped', async () => {
    const fx = userWorkbook(api);
    await port(fx).highlight([
      { sheet: '不存在', cell: 'A1', level: 'error', note: '' },
      { sheet: TOOL_SHEETS.config, cell: 'A1', level: 'error', note: '' },
    ]);
    expect(fx.sheets.flatMap((s) => s.cfs).filter((c) => c.owner === 'addin')).toEqual([]);
  });

  test('vertical runs collapse into one area', async () => {
    const fx = new FakeExcel({ api });
    fx.addSheet('S', { rows: [['x']] });
    const items: Highlight[] = [];
    for (let r = 4; r <= 300; r++) items.push({ sheet: 'S', cell: `E${r}`, level: 'warning', note: '' });
    await port(fx).highlight(items);
    expect(fx.sheet('S')?.cfs.map((c) => c.address)).toEqual(['E4:E300']);
  });
});

describe('round trips', () => {
  test('ExcelApi 1.9, 10,000 cells: 2 syncs and 27 getRanges calls on a fresh workbook, 5 when replacing, 5 to clear', async () => {
    const fx = new FakeExcel({ api: '1.9' });
    fx.addSheet('S', { rows: [['x']] });
    const p = port(fx);
    await p.highlight(manyHighlights(10_000));
    // sync 1 sheets, sync 2 record + rules (no tool sheet yet: no record to read)
    expect(fx.stats.syncs).toBe(2);
    // 3 levels × ceil(3,334 cells / 400 areas per call) = 27 calls, one rule each
    expect(fx.stats.getRangesCalls).toBe(27);
    expect(fx.stats.cfAdds).toBe(27);
    expect(fx.stats.suspends).toBe(2); // calculation and screen updating, once each
    expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(5_000_000);
    const cfs = fx.sheet('S')?.cfs ?? [];
    expect(cfs.reduce((n, c) => n + c.address.split(',').length, 0)).toBe(10_000);

    const s1 = fx.stats.syncs;
    await p.highlight(manyHighlights(10_000));
    // 1 sheets, 2 record, 3 types, 4 formulas, 5 deletions + record + rules
    expect(fx.stats.syncs - s1).toBe(5);
    expect(fx.sheet('S')?.cfs).toHaveLength(27);

    const s2 = fx.stats.syncs;
    await p.clearHighlights();
    expect(fx.stats.syncs - s2).toBe(5);
    expect(fx.sheet('S')?.cfs).toHaveLength(0);
  });

  test('ExcelApi 1.7, 10,000 scattered cells: one rule per area, every request under 5 MB, 3 syncs', async () => {
    const fx = new FakeExcel({ api: '1.7' });
    fx.addSheet('S', { rows: [['x']] });
    await port(fx).highlight(manyHighlights(10_000));
    expect(fx.stats.getRangesCalls).toBe(0);
    expect(fx.stats.cfAdds).toBe(10_000);
    expect(fx.stats.suspends).toBe(1); // no screen-updating suspension before 1.9
    expect(fx.stats.syncs).toBe(3);
    expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(5_000_000);
  });

  test('ExcelApi 1.7: a batch failing half-way (after its first part) leaves no rule a later clear cannot find', async () => {
    const fx = new FakeExcel({ api: '1.7' });
    fx.addSheet('S', { rows: [['x']] });
    fx.addSheet('T', { rows: [['x']] });
    const p = port(fx);
    await p.highlight([{ sheet: 'T', cell: 'A1', level: 'error', note: '' }]);
    // 9,000 separate areas: the last step takes two syncs; the second of them fails
    const items = manyHighlights(9_000);
    const s0 = fx.stats.syncs;
    fx.failSync(6, 'GeneralException');
    await expect(p.highlight(items)).rejects.toBeInstanceOf(PortError);
    expect(fx.stats.syncs - s0).toBe(6);
    expect(tool(fx, 'T')).toEqual([]); // deleted in the first part
    expect(tool(fx, 'S').length).toBeGreaterThan(0); // some added
    await p.clearHighlights();
    expect(tool(fx, 'S')).toEqual([]);
    expect(tool(fx, 'T')).toEqual([]);
  });

  test(`ExcelApi 1.7: more than ${MAX_SEPARATE_AREAS} separate areas are refused before anything is written (after the sheet list), in both languages`, async () => {
    const fx = new FakeExcel({ api: '1.7' });
    fx.addSheet('S', { rows: [['x']] });
    const err = await port(fx)
      .highlight(manyHighlights(MAX_SEPARATE_AREAS + 1))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_EXCEL_TOO_MANY_AREAS' });
    expect((err as PortError).zh).toContain(String(MAX_SEPARATE_AREAS));
    expect(fx.stats.syncs).toBe(1);
    expect(fx.sheet('S')?.cfs).toEqual([]);
  });

  test('every getRanges address stays within 2,000 characters and 400 areas', async () => {
    const fx = new FakeExcel({ api: '1.9' });
    fx.addSheet('S', { rows: [['x']] });
    await port(fx).highlight(manyHighlights(5_000));
    for (const cf of fx.sheet('S')?.cfs ?? []) {
      expect(cf.address.length).toBeLessThanOrEqual(2000);
      expect(cf.address.split(',').length).toBeLessThanOrEqual(400);
    }
  });
});

describe('below ExcelApi 1.7', () => {
  test('highlight and clear say which Excel they need, in both languages, and write nothing', async () => {
    const fx = userWorkbook('1.6');
    const before = fx.formatSnapshot();
    const p = port(fx);
    for (const op of [() => p.highlight([{ sheet: '辽滨', cell: 'B2', level: 'error', note: 'e' }]), () => p.clearHighlights()]) {
      const err = (await op().catch((e: unknown) => e)) as PortError;
      expect(err).toMatchObject({ code: 'E_EXCEL_UNSUPPORTED' });
      expect(err.zh).toContain('ExcelApi 1.7');
      expect(err.en).toContain('highlighting');
    }
    expect(fx.stats.syncs).toBe(0);
    expect(fx.formatSnapshot()).toBe(before);
  });
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
  expect(parseRecord('{"entries":[{"sheet":"S","address":"A1","id":"sig","level":"error","sheetId":7}]}').entries[0].sheetId).toBeUndefined();
});
