import { cellText, gridView } from './grid';
import { grid } from './grid-fixture';

describe('gridView', () => {
  test('the cells of a merge other than its top-left read blank; the top-left keeps its value', () => {
    // as a port that repeats the master's value everywhere in the merge would hand it over
    const g = gridView(grid('s', [['标题', '标题', '标题'], ['a', 'b', 'c']], ['A1:C1']));
    expect(g.text(0, 0)).toBe('标题');
    expect(g.text(0, 1)).toBe('');
    expect(g.cell(0, 2)).toBeUndefined();
    expect(g.text(1, 1)).toBe('b');
  });

  test('a vertically merged header cell lends its label to the rows below; a horizontal one does not', () => {
    const g = gridView(grid('s', [['指标名称', '累计', null], [null, '本年', '上年同期']], ['A1:A2', 'B1:C1']));
    expect(g.label(1, 0)).toBe('指标名称');
    expect(g.label(0, 2)).toBe('');
    expect(g.text(1, 0)).toBe('');
  });

  test('a merge far larger than the sheet costs nothing and breaks nothing', () => {
    const g = gridView(grid('s', [['x'], ['y']], ['A1:XFD1048576']));
    expect(g.text(0, 0)).toBe('x');
    expect(g.text(1, 0)).toBe('');
    expect(g.blankRow(1)).toBe(true);
  });

  test('malformed merge addresses are ignored', () => {
    const g = gridView(grid('s', [['x', 'y']], ['nonsense', 'B1']));
    expect(g.text(0, 1)).toBe('y');
  });

  test('cellText shows every kind of value', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText({ v: null })).toBe('');
    expect(cellText({ v: 12.5 })).toBe('12.5');
    expect(cellText({ v: false })).toBe('FALSE');
    expect(cellText({ v: { error: '#REF!' } })).toBe('#REF!');
    expect(cellText({ v: { date: '2026-09-30' } })).toBe('2026-09-30');
  });

  test('text is cleaned: full-width, invisible characters, trimmed', () => {
    const g = gridView(grid('s', [['\u200B 统计期：２０２６年９月 ']]));
    expect(g.text(0, 0)).toBe('统计期:2026年9月');
  });
});
