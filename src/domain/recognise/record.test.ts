import { defaultConfig, indicatorByCode } from '../config/validate';
import type { Indicator } from '../config/schema';
import { gridView } from './grid';
import { grid, type FixtureCell } from './grid-fixture';
import { startReading } from './reading';
import { readRecord, shownInUnit, type RecordPlace } from './record';
import { rowUnitOf } from './row-unit';

const cat = indicatorByCode(defaultConfig());
const ind = (code: string) => cat.get(code) as Indicator;
const where = { sheet: 's', zone: 'Z', period: '2026-09' };

/** One record on row 0: month, ytd, base, yoy in columns A-D, unit text as given. */
function read(code: string, cells: FixtureCell[], unitText = '') {
  const g = gridView(grid('s', [cells]));
  const rd = startReading(g, where, { unit: '万元', stated: false, cell: null, known: true });
  const place: RecordPlace = {
    r: 0, line: g.line(0), ind: ind(code),
    cells: { month: 'A1', ytd: 'B1', base: 'C1', yoy: 'D1' },
    figures: { month: { r: 0, c: 0 }, ytd: { r: 0, c: 1 }, base: { r: 0, c: 2 }, yoy: { r: 0, c: 3 } },
    unit: rowUnitOf(ind(code), unitText, unitText ? 'E1' : null, rd.sheetUnit),
    note: null,
  };
  return { rec: readRecord(rd, place), findings: rd.findings };
}

describe('readRecord', () => {
  test('figures as written, in the catalogue unit, with the decimals shown', () => {
    const { rec, findings } = read('08', [1.2, { v: 8.5, fmt: '0.00' }, 7.25, 17.2], '亿元');
    expect(rec).toMatchObject({ indicator: '08', row: 0, unit: '万元', month: 12000, ytd: 85000, base: 72500, yoy: 17.2, shown: { ytd: -2 } });
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['V-UNITCONV', 'E1']]);
  });
  test('a growth label, no data, a text number, an unreadable cell', () => {
    const { rec, findings } = read('05', ['—', '-30', 'abc', '扭亏为盈']);
    expect(rec).toMatchObject({ month: null, ytd: -30, base: null, yoy: null, yoyLabel: '扭亏为盈', invalidCols: ['base'] });
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([['V-TEXTNUM', 'B1'], ['V-TYPE', 'C1']]);
  });
  test('a rate typed in the growth column is a layout error of the row', () => {
    expect(read('03', [null, null, null, 8.5]).findings.map((f) => f.rule)).toEqual(['V-LAYOUT']);
    expect(read('03', [null, 8.5, null, 8.5]).findings).toEqual([]);
  });
});

describe('shownInUnit', () => {
  test('a power-of-ten factor moves the last shown digit; other factors lose it', () => {
    expect(shownInUnit(1, 10000)).toBe(-3);
    expect(shownInUnit(0, 0.1)).toBe(1);
    expect(shownInUnit(null, 1)).toBeNull();
    expect(shownInUnit(2, 6.9)).toBeNull();
  });
});
