import { growthLabelOf, readFigure, withoutPointsSuffix } from './figure';

const growth = { percent: true, growth: true, points: false };

describe('growthLabelOf', () => {
  test.each([['新增', '新增'], ['新增(上年为0)', '新增'], ['扭亏为盈', '扭亏为盈'], [' 增 亏 ', '增亏'], ['12.3', null], ['—', '—'], ['-', null]])('%p → %p', (text, label) => {
    expect(growthLabelOf({ v: text })).toBe(label);
  });
  test('a number is no label', () => expect(growthLabelOf({ v: 5 })).toBeNull());
});

describe('withoutPointsSuffix', () => {
  test('"1.2个百分点" and "-0.5百分点" lose the word, other text stays', () => {
    expect(withoutPointsSuffix({ v: '1.2个百分点' })).toEqual({ v: '1.2' });
    expect(withoutPointsSuffix({ v: '-0.5百分点' })).toEqual({ v: '-0.5' });
    expect(withoutPointsSuffix({ v: '百分点' })).toEqual({ v: '百分点' });
    expect(withoutPointsSuffix({ v: 3 })).toEqual({ v: 3 });
  });
});

describe('readFigure', () => {
  test('a growth cell may hold a label; a value cell may not', () => {
    expect(readFigure({ v: '新增' }, growth)).toEqual({ kind: 'label', label: '新增' });
    expect(readFigure({ v: '新增' }, { percent: false, growth: false, points: false })).toMatchObject({ kind: 'invalid', reason: 'text' });
  });
  test('a ratio\'s change in 百分点 reads as its number', () => {
    expect(readFigure({ v: '-3.9个百分点' }, { ...growth, points: true })).toMatchObject({ kind: 'number', value: -3.9, fromText: true });
    expect(readFigure({ v: '-3.9个百分点' }, growth)).toMatchObject({ kind: 'invalid' });
  });
  test('otherwise it is readNumber: no-data marks, percent formats', () => {
    expect(readFigure({ v: '/' }, growth)).toEqual({ kind: 'nodata', mark: '/' });
    expect(readFigure({ v: 0.123, fmt: '0.0%' }, growth)).toMatchObject({ kind: 'number', value: 12.3 });
  });
});

describe('marks that mean something (template.md §5)', () => {
  const value = { percent: false, growth: false, points: false };
  test('"—" in a growth cell: no % (label —); "-" and "--" stay no data with their mark', () => {
    expect(readFigure({ v: '—' }, growth)).toEqual({ kind: 'label', label: '—' });
    expect(readFigure({ v: '——' }, growth)).toEqual({ kind: 'label', label: '—' });
    expect(readFigure({ v: '-' }, growth)).toEqual({ kind: 'nodata', mark: '-' });
    expect(readFigure({ v: '--' }, value)).toEqual({ kind: 'nodata', mark: '--' });
    expect(readFigure({ v: '—' }, value)).toEqual({ kind: 'nodata', mark: '—' });
  });
  test('"上年为1.43" in a growth cell: last year\'s figure', () => {
    expect(readFigure({ v: '上年为1.43' }, growth)).toEqual({ kind: 'lastYear', value: 1.43, shown: 2, unit: null, text: '上年为1.43' });
    expect(readFigure({ v: '上年同期为 -2.5亿元' }, growth)).toMatchObject({ kind: 'lastYear', value: -2.5, unit: '亿元' });
    expect(readFigure({ v: '上年为1.43' }, value)).toMatchObject({ kind: 'invalid' });
  });
  test('"12.3(5)": the value and its published rank', () => {
    expect(readFigure({ v: '12.3(5)' }, growth)).toMatchObject({ kind: 'number', value: 12.3, rank: 5, fromText: true });
    expect(readFigure({ v: '１２．３（第５位）' }, value)).toMatchObject({ kind: 'number', value: 12.3, rank: 5 });
    expect(readFigure({ v: '-4.5(12)' }, growth)).toMatchObject({ value: -4.5, rank: 12 });
    expect(readFigure({ v: '(5)' }, value)).toMatchObject({ kind: 'invalid' });
  });
  test('a footnote mark after a figure is dropped, never read as a digit', () => {
    expect(readFigure({ v: '12.3*' }, value)).toMatchObject({ kind: 'number', value: 12.3, footnote: '*' });
    expect(readFigure({ v: '12.3¹' }, value)).toMatchObject({ kind: 'number', value: 12.3, footnote: '¹' });
    expect(readFigure({ v: '-¹' }, value)).toEqual({ kind: 'nodata', mark: '-' });
    expect(readFigure({ v: 'abc²' }, value)).toMatchObject({ kind: 'invalid' });
  });
});
