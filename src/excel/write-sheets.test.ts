import type { OutSheet } from '../domain/output/sheet-model';
import { PortError, TOOL_SHEETS } from '../domain/port';
import { OfficeWorkbookPort } from './office-port';
import { FakeExcel } from './testing/fake-excel';
import { cellContent, widthPoints } from './write-sheets';

function port(fx: FakeExcel): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fx.run, { isSetSupported: fx.isSetSupported });
}

const summary: OutSheet = {
  name: TOOL_SHEETS.summary,
  columns: [{ width: 20 }, { width: 10 }, { width: 10 }],
  rows: [
    [{ v: '2026年9月 开发区主要指标汇总', style: 'title' }],
    [
      { v: '开发区', style: 'header' },
      { v: '代码', style: 'header' },
      { v: '同比(%)', style: 'header' },
    ],
    [{ v: '辽滨' }, { v: '01' }, { v: 13.3, fmt: '0.0', style: 'green' }],
    [{ v: '=不是公式' }, { v: '2026-09' }, { v: 1.5, f: 'ROUND(1.49,1)', fmt: '0.0' }],
    [{ v: '合计', style: 'total' }, { v: null }, { v: 14.8, style: 'total' }],
  ],
  freeze: { rows: 2, cols: 1 },
  merges: ['A1:C1'],
  tabColor: '70AD47',
};

describe('writeSheets', () => {
  test('writes values, text as text, formulas, formats, styles, widths, panes, merges in 2 syncs', async () => {
    const fx = new FakeExcel();
    fx.addSheet('辽滨', { rows: [['user data']] });
    await port(fx).writeSheets([summary]);
    expect(fx.stats.syncs).toBe(2);
    const s = fx.sheet(TOOL_SHEETS.summary);
    if (!s) throw new Error('not written');
    expect(s.rows[2][1]).toMatchObject({ v: '01', nf: '@' }); // "01" stays text, not 1
    expect(s.rows[3][0]).toMatchObject({ v: '=不是公式', nf: '@' }); // text, not a formula
    expect(s.rows[3][0]?.f).toBeUndefined();
    expect(s.rows[3][1]).toMatchObject({ v: '2026-09', nf: '@' });
    expect(s.rows[3][2]).toMatchObject({ f: 'ROUND(1.49,1)', nf: '0.0' });
    expect(s.rows[2][2]).toMatchObject({ v: 13.3, nf: '0.0', fill: '#C6EFCE', font: { color: '#006100' } });
    expect(s.rows[1][0]).toMatchObject({ fill: '#D9E1F2', font: { bold: true } });
    expect(s.rows[0][0]).toMatchObject({ font: { bold: true, size: 14 } });
    expect(s.rows[4][1]?.v).toBe('');
    expect(s.merges).toEqual(['A1:C1']);
    expect(s.freeze).toEqual({ rows: 2, cols: 1 });
    expect(s.tabColor).toBe('#70AD47');
    expect(s.columnWidths.get(0)).toBe(widthPoints(20));
    // the user's sheet is untouched
    expect(fx.sheet('辽滨')?.rows).toEqual([[{ v: 'user data' }]]);
  });

  test('replaces an existing tool sheet instead of adding a second', async () => {
    const fx = new FakeExcel();
    fx.addSheet('辽滨', { rows: [['x']] });
    fx.addSheet(TOOL_SHEETS.summary, { rows: [['old'], ['stale row']] });
    await port(fx).writeSheets([{ name: TOOL_SHEETS.summary, columns: [], rows: [[{ v: 'new' }]] }]);
    expect(fx.sheets.filter((s) => s.name === TOOL_SHEETS.summary)).toHaveLength(1);
    expect(fx.sheet(TOOL_SHEETS.summary)?.rows).toEqual([[{ v: 'new', nf: '@' }]]);
  });

  test('refuses to write a sheet that is not the tool’s', async () => {
    const fx = new FakeExcel();
    fx.addSheet('辽滨', { rows: [['x']] });
    const err = await port(fx)
      .writeSheets([{ name: '辽滨', columns: [], rows: [] }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortError);
    expect(err).toMatchObject({ code: 'E_NOT_TOOL_SHEET' });
    expect(fx.stats.syncs).toBe(0);
  });

  test('a large 历史数据 sheet is written in blocks, every request under 5 MB', async () => {
    const fx = new FakeExcel();
    fx.addSheet('辽滨', { rows: [['x']] });
    const rows = Array.from({ length: 60_000 }, (_, r) => [
      { v: '2026-09' },
      { v: `G21${String(r % 1000).padStart(4, '0')}` },
      { v: `指标${r % 40}` },
      { v: r * 1.5, fmt: '#,##0.0' },
      { v: r * 1.25, fmt: '#,##0.0' },
      { v: r % 2 === 0 ? 'green' : 'yellow' },
    ]);
    await port(fx).writeSheets([{ name: TOOL_SHEETS.history, columns: [], rows }]);
    const s = fx.sheet(TOOL_SHEETS.history);
    expect(s?.rows).toHaveLength(60_000);
    expect(s?.rows[59_999][3]).toMatchObject({ v: 59_999 * 1.5, nf: '#,##0.0' });
    expect(Math.max(...fx.stats.requestBytes)).toBeLessThan(5_000_000);
    expect(fx.stats.syncs).toBeGreaterThan(2);
    expect(fx.stats.syncs).toBeLessThan(8);
  });

  test('cellContent: blanks, numbers, text and formulas', () => {
    expect(cellContent(undefined)).toEqual({ input: '', fmt: 'General' });
    expect(cellContent({ v: 3 })).toEqual({ input: 3, fmt: 'General' });
    expect(cellContent({ v: 'a' })).toEqual({ input: 'a', fmt: '@' });
    expect(cellContent({ v: 'a', fmt: '0.0' })).toEqual({ input: 'a', fmt: '0.0' });
    expect(cellContent({ v: 2, f: 'SUM(A1:A2)' })).toEqual({ input: '=SUM(A1:A2)', fmt: 'General' });
    expect(cellContent({ v: 2, f: '=A1' })).toEqual({ input: '=A1', fmt: 'General' });
  });
});

describe('writeSheets on the Excel versions bureaus run', () => {
  test('ExcelApi 1.7 (no RangeAreas): the same sheet, styles area by area, no screen-updating call, still 2 syncs', async () => {
    const fx = new FakeExcel({ api: '1.7' });
    fx.addSheet('辽滨', { rows: [['user data']] });
    await port(fx).writeSheets([summary]);
    expect(fx.stats.syncs).toBe(2);
    expect(fx.stats.getRangesCalls).toBe(0);
    expect(fx.stats.suspends).toBe(0);
    const s = fx.sheet(TOOL_SHEETS.summary);
    expect(s?.rows[2][2]).toMatchObject({ v: 13.3, fill: '#C6EFCE', font: { color: '#006100' } });
    expect(s?.rows[1][0]).toMatchObject({ fill: '#D9E1F2', font: { bold: true } });
    expect(s?.freeze).toEqual({ rows: 2, cols: 1 });
    expect(s?.tabColor).toBe('#70AD47');
  });

  test('a structure-protected workbook: refused before anything is written — the old tool sheet is still there, nothing added', async () => {
    const fx = new FakeExcel();
    fx.addSheet('辽滨', { rows: [['x']] });
    fx.addSheet(TOOL_SHEETS.summary, { rows: [['上个月的汇总']] });
    fx.structureProtected = true;
    const err = await port(fx)
      .writeSheets([summary])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'E_EXCEL_STRUCTURE_PROTECTED' });
    expect((err as PortError).zh).toContain(TOOL_SHEETS.summary);
    expect((err as PortError).en).toContain('Protect Workbook');
    expect(fx.sheets.map((s) => s.name)).toEqual(['辽滨', TOOL_SHEETS.summary]);
    expect(fx.sheet(TOOL_SHEETS.summary)?.rows[0][0]).toEqual({ v: '上个月的汇总' });
    expect(fx.stats.unprotectAttempts).toBe(0);
  });
});
