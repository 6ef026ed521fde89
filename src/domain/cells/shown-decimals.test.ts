import fc from 'fast-check';
import { formatDecimals, typedDecimals } from './shown-decimals';
import { readNumber } from './read-number';

describe('formatDecimals: the decimals of the stored value a number format shows', () => {
  test.each([
    ['#,##0', 90000.4, 0],
    ['0', 1, 0],
    ['0.0', 1, 1],
    ['#,##0.00', 1, 2],
    ['#,##0.00_ ', 1, 2],
    ['#,##0.0;[Red]-#,##0.00', -5, 2], // the negative section applies to a negative value
    ['#,##0.0;[Red]-#,##0.00', 5, 1],
    ['0.0;-0.0;"-"', 0, null], // the zero section shows a dash: no digit
    ['0.0%', 0.123, 3],
    ['0%', 0.5, 2],
    ['#,##0,', 1, -3], // shows thousands
    ['0.00"万元"', 1, 2],
    ['[$-804]#,##0.0', 1, 1],
  ])('%s on %p → %p', (fmt, value, want) => {
    expect(formatDecimals(fmt, value)).toBe(want);
  });

  test.each([[undefined], ['General'], ['@'], ['0.00E+00'], ['# ?/?'], ['yyyy-mm-dd'], ['yyyy"年"m"月"']])('%p tells nothing', (fmt) => {
    expect(formatDecimals(fmt, 1.5)).toBeNull();
  });

  test('property: a format 0.<d zeros> shows d decimals whatever the value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.double({ noNaN: true, noDefaultInfinity: true }), (d, v) => {
        const fmt = d === 0 ? '#,##0' : '#,##0.' + '0'.repeat(d);
        expect(formatDecimals(fmt, v)).toBe(d);
      }),
    );
  });
});

describe('typedDecimals', () => {
  test.each([['11000.0', 1], ['12', 0], ['1,234.50', 2], ['.5', 1], ['1.25e1', 1], ['1.2e3', 0], ['-0.001', 3]])('%s → %p', (t, d) => {
    expect(typedDecimals(t)).toBe(d);
  });
});

describe('readNumber tells the decimals shown', () => {
  test('from the number format; General shows what was typed (null: judge by the value)', () => {
    expect(readNumber({ v: 90000.4, fmt: '#,##0' }, { percent: false })).toMatchObject({ value: 90000.4, shown: 0 });
    expect(readNumber({ v: 90000.4 }, { percent: false })).toMatchObject({ value: 90000.4, shown: null });
  });
  test('a percent column reads 0.123 formatted 0.0% as 12.3, shown to 1 decimal', () => {
    expect(readNumber({ v: 0.123, fmt: '0.0%' }, { percent: true })).toMatchObject({ value: 12.3, shown: 1 });
  });
  test('text keeps its typed trailing zeros', () => {
    expect(readNumber({ v: '11000.0' }, { percent: false })).toMatchObject({ value: 11000, shown: 1 });
  });
});
