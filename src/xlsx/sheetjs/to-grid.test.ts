/**
 * SheetJS's workbook → grids, cell by cell as the .xlsx reader gives them: error codes, formulas with
 * and without results (an OpenDocument formula with an empty-text result), the 1904 date system,
 * SheetJS's US built-in date formats as zh-CN Excel shows them, merges, hidden and protected sheets;
 * and what a hostile file could make SheetJS build (reserved or repeated names, rows past Excel's
 * limit) refused before it is walked. (Real .xls/.ods files: test/formats.)
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import { sheetJsGrids } from './to-grid';

const TABLE: Record<number, string> = { 14: 'm/d/yy', 22: 'm/d/yy h:mm' };
const opts = { emptyTextFormulas: false, hidden: [] as string[] };

function book(sheets: Array<{ name: string; data: (CellObject | undefined)[][]; extra?: Partial<WorkSheet> }>, date1904 = false, hidden: (0 | 1 | 2)[] = []): WorkBook {
  const Sheets: Record<string, WorkSheet> = {};
  for (const s of sheets) Sheets[s.name] = { '!data': s.data, ...s.extra } as WorkSheet;
  return { SheetNames: sheets.map((s) => s.name), Sheets, Workbook: { WBProps: { date1904 }, Sheets: sheets.map((s, i) => ({ name: s.name, Hidden: hidden[i] ?? 0 })) } };
}

function code(run: () => unknown): string {
  try {
    run();
    return 'read';
  } catch (e) {
    return (e as { code: string }).code;
  }
}

describe('cells', () => {
  it('maps values, errors, formulas and formats as the .xlsx reader gives them', () => {
    const [s] = sheetJsGrids(
      book([
        {
          name: 'S',
          data: [
            [
              { t: 'n', v: 45210.5, z: '#,##0.0' },
              { t: 's', v: '01', z: '@' },
              { t: 'b', v: true },
              { t: 'e', v: 0x07 },
              { t: 'n', v: 2, f: 'ROUND(A1,0)', z: 'General' },
              { t: 's', v: '', f: 'IF(A1<0,"x","")' },
              { t: 'z', f: 'A1*2' },
              { t: 'n', v: 46266, z: 14 },
              { t: 'z' },
            ],
          ],
        },
      ]),
      TABLE,
      opts,
    );
    expect(s.rows[0]).toEqual([
      { v: 45210.5, fmt: '#,##0.0' },
      { v: '01', fmt: '@' },
      { v: true },
      { v: { error: '#DIV/0!' } },
      { v: 2, f: 'ROUND(A1,0)' },
      { v: '', f: 'IF(A1<0,"x","")' },
      { v: null, f: 'A1*2', noResult: true },
      { v: 46266, fmt: 'yyyy/m/d' },
    ]);
  });

  it('keeps an OpenDocument formula without a value as empty text (how LibreOffice writes a "" result)', () => {
    const [s] = sheetJsGrids(book([{ name: 'S', data: [[{ t: 'z', f: 'IF(A1<0,1,"")' }, { t: 'z' }]] }]), TABLE, { ...opts, emptyTextFormulas: true });
    expect(s.rows[0]).toEqual([{ v: '', f: 'IF(A1<0,1,"")' }]);
  });

  it('shifts a 1904 workbook\'s dates (date-formatted numbers only) to the 1900 system', () => {
    const [s] = sheetJsGrids(book([{ name: 'S', data: [[{ t: 'n', v: 44804, z: 'yyyy"年"m"月"' }, { t: 'n', v: 44804 }]] }], true), TABLE, opts);
    expect(s.rows[0]).toEqual([{ v: 46266, fmt: 'yyyy"年"m"月"' }, { v: 44804 }]);
  });

  it('keeps only the top-left cell of a merge, and reads hidden and protected sheets', () => {
    const grids = sheetJsGrids(
      book(
        [
          { name: 'A', data: [[{ t: 's', v: '标题' }, { t: 's', v: 'under the merge' }]], extra: { '!merges': [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }], '!protect': { password: '' } } },
          { name: 'B', data: [] },
          { name: 'C', data: [] },
        ],
        false,
        [0, 2, 0],
      ),
      TABLE,
      { ...opts, hidden: ['C'] },
    );
    expect(grids.map((g) => [g.name, g.rows, g.merges, g.hidden ?? false, g.protected ?? false])).toEqual([
      ['A', [[{ v: '标题' }]], ['A1:B1'], false, true],
      ['B', [], [], true, false],
      ['C', [], [], true, false],
    ]);
  });
});

describe('what a hostile file could make SheetJS build', () => {
  it('refuses reserved and repeated sheet names, a listed sheet it did not build, rows past Excel\'s limit', () => {
    expect(code(() => sheetJsGrids(book([{ name: 'constructor', data: [] }]), TABLE, opts))).toBe('E_UNSAFE_NAME');
    expect(code(() => sheetJsGrids(book([{ name: '盘锦', data: [] }, { name: '盘锦', data: [] }]), TABLE, opts))).toBe('E_CORRUPT');
    const missing = book([{ name: 'S', data: [] }]);
    missing.SheetNames.push('T');
    expect(code(() => sheetJsGrids(missing, TABLE, opts))).toBe('E_SHEET_MISSING');
    const long: CellObject[][] = [];
    long.length = 1_048_577;
    expect(code(() => sheetJsGrids(book([{ name: 'S', data: long }]), TABLE, opts))).toBe('E_ROW_LIMIT');
  });
});
