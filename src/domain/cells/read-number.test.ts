import fc from 'fast-check';
import type { Cell } from '../types';
import { isDateFormat, normaliseNumberText, readNumber, readNumberText, serialToIso, unitFromFormat } from './read-number';

const plain = { percent: false };
const pct = { percent: true };

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('normaliseNumberText', () => {
  test('is idempotent and never throws', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const once = normaliseNumberText(s);
        expect(normaliseNumberText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  test('a run of Chinese full stops between digits becomes decimal points in one pass', () => {
    expect(normaliseNumberText('1。2。3')).toBe('1.2.3');
  });
});

describe('readNumberText: what is not a number never reads as one', () => {
  // Junk: letters, CJK, and separators in places the grammar does not allow.
  const junkChar = fc.constantFrom('a', 'x', 'E', '万', '亿', '约', '左右', ',', '.', '-', '+', '%', '/', '(', ')', '1', '2', '0');
  const junk = fc.string({ unit: junkChar, minLength: 1, maxLength: 8 }).filter((s) => {
    // Keep only strings outside the grammar, decided here independently of the code under test:
    // an optional sign, digits with optional well-formed thousands groups, optional decimals,
    // an optional exponent (Excel shows 1.23E+11 in narrow columns), optionally a % or a unit suffix.
    const body = s.replace(/(%|万元|亿元)$/, '');
    return !/^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)([eE][+-]?\d{1,3})?$/.test(body);
  });

  test('generated junk is never a number', () => {
    fc.assert(
      fc.property(junk, (s) => {
        expect(readNumberText(s, pct).kind).not.toBe('number');
        expect(readNumberText(s, plain).kind).not.toBe('number');
      }),
      { numRuns: 3000 },
    );
  });

  test.each(['12,34', '1.2.3', '--5', '1,2345', ',123', '123,', '1..2', '+-5', '5-', '12.3.4%', 'abc', '十二', '约100', '100左右', '1 000,5'])(
    '"%s" is not a number',
    (s) => {
      const r = readNumberText(s, pct);
      expect(r.kind).toBe('invalid');
    },
  );

  test('the message text of an invalid cell quotes what the cell holds', () => {
    const r = readNumberText('约100', plain);
    expect(r).toEqual({ kind: 'invalid', reason: 'text', text: '约100' });
  });
});

describe('no-data marks are never zero', () => {
  const marks = ['', ' ', '-', '—', '－', '/', '无', '— —', '——', '…', '\u3000'];
  test.each(marks)('"%s" is no data', (m) => {
    expect(readNumberText(m, plain).kind).toBe('nodata');
    expect(readNumber({ v: m }, plain).kind).toBe('nodata');
  });

  test('a mark surrounded by any spaces or zero-width characters is still no data', () => {
    const pad = fc.string({ unit: fc.constantFrom(' ', '\u3000', '\u200B', '\uFEFF', '\t'), maxLength: 4 });
    fc.assert(
      fc.property(fc.constantFrom('-', '—', '－', '/', '无', '— —'), pad, pad, (m, a, b) => {
        const r = readNumberText(a + m + b, plain);
        expect(r.kind).toBe('nodata');
      }),
    );
  });

  test('a blank cell (no cell, or null) is no data; an explicit 0 is zero', () => {
    expect(readNumber(undefined, plain)).toEqual({ kind: 'nodata', mark: null });
    expect(readNumber({ v: null }, plain)).toEqual({ kind: 'nodata', mark: null });
    expect(readNumber({ v: 0 }, plain)).toEqual({ kind: 'number', value: 0, fromText: false, unit: null, shown: null });
    expect(readNumberText('0', plain)).toEqual({ kind: 'number', value: 0, fromText: true, unit: null, shown: 0 });
  });
});

describe('round trips', () => {
  test('any finite number formatted by toLocaleString("en-US") reads back as that text means', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const text = n.toLocaleString('en-US', { maximumFractionDigits: 20, useGrouping: true });
        // what the text means, worked out without the code under test: drop the grouping commas
        const meant = Number(text.replace(/,/g, ''));
        const r = readNumberText(text, plain);
        expect(r).toMatchObject({ kind: 'number', value: meant, fromText: true, unit: null });
      }),
      { numRuns: 2000 },
    );
  });

  test('integers formatted with grouping read back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const r = readNumberText(n.toLocaleString('en-US'), plain);
        expect(r.kind === 'number' && r.value).toBe(n);
      }),
    );
  });

  test('full-width digits, comma, point and minus read back', () => {
    const toFullWidth = (s: string): string =>
      s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/,/g, '，').replace(/\./g, '．').replace(/-/g, '－');
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (i, frac) => {
        const ascii = i.toLocaleString('en-US') + '.' + String(frac).padStart(2, '0');
        const meant = Number(ascii.replace(/,/g, ''));
        const r = readNumberText(toFullWidth(ascii), plain);
        expect(r.kind === 'number' && r.value).toBe(meant);
      }),
    );
  });
});

describe('template.md §4, line by line', () => {
  test('NFKC: "１２３，４５６．７" is 123456.7 (and was text: fromText)', () => {
    expect(readNumberText('１２３，４５６．７', plain)).toEqual({ kind: 'number', value: 123456.7, fromText: true, unit: null, shown: 1 });
  });

  test('spaces, zero-width characters and thousands separators are stripped', () => {
    expect(readNumberText(' 1 234\u200B567\uFEFF ', plain)).toMatchObject({ kind: 'number', value: 1234567 });
    expect(readNumberText('1,234,567.5', plain)).toMatchObject({ kind: 'number', value: 1234567.5 });
    expect(readNumberText('\u200C-12\u200D', plain)).toMatchObject({ kind: 'number', value: -12 });
  });

  test('a typographic minus (U+2212) before digits is a minus sign', () => {
    expect(readNumberText('\u22125.5', plain)).toMatchObject({ kind: 'number', value: -5.5 });
  });

  test('"12.3%" in a percent column means 12.3', () => {
    expect(readNumberText('12.3%', pct)).toMatchObject({ kind: 'number', value: 12.3 });
    expect(readNumberText('12.3％', pct)).toMatchObject({ kind: 'number', value: 12.3 });
  });

  test('"12.3%" in a column that is not a percentage is not a number', () => {
    expect(readNumberText('12.3%', plain).kind).toBe('invalid');
  });

  test('0.123 formatted as percent in a percent column means 12.3 (no binary noise)', () => {
    expect(readNumber({ v: 0.123, fmt: '0.0%' }, pct)).toEqual({ kind: 'number', value: 12.3, fromText: false, unit: null, shown: 1 });
    // 0.07 × 100 is 7.000000000000001 in floating point
    expect(readNumber({ v: 0.07, fmt: '0%' }, pct)).toMatchObject({ value: 7 });
  });

  test('a percent-formatted number outside a percent column is read as stored', () => {
    expect(readNumber({ v: 0.123, fmt: '0.0%' }, plain)).toMatchObject({ value: 0.123 });
  });

  test('a % inside a quoted literal is not a percent format', () => {
    expect(readNumber({ v: 12.3, fmt: '0.0"%"' }, pct)).toMatchObject({ value: 12.3 });
  });

  test('explicit 0 is zero', () => {
    expect(readNumber({ v: 0 }, plain)).toMatchObject({ kind: 'number', value: 0 });
  });

  test('a number stored as text is read and flagged fromText', () => {
    expect(readNumber({ v: '45210' }, plain)).toEqual({ kind: 'number', value: 45210, fromText: true, unit: null, shown: 0 });
  });

  test('a unit inside the cell is read with its unit: "12万元", "3.5亿元"', () => {
    expect(readNumberText('12万元', plain)).toEqual({ kind: 'number', value: 12, fromText: true, unit: '万元', shown: 0 });
    expect(readNumberText('3.5亿元', plain)).toEqual({ kind: 'number', value: 3.5, fromText: true, unit: '亿元', shown: 1 });
    expect(readNumberText('120万美元', plain)).toMatchObject({ value: 120, unit: '万美元' });
  });

  test('a unit alone is not a number', () => {
    expect(readNumberText('万元', plain).kind).toBe('invalid');
  });

  test('a formula\'s cached result is the value, including a cached 0', () => {
    expect(readNumber({ v: 0, f: 'E4-F4' }, plain)).toMatchObject({ kind: 'number', value: 0 });
    expect(readNumber({ v: 13.3, f: 'ROUND((E4/F4-1)*100,1)' }, pct)).toMatchObject({ value: 13.3 });
  });

  test.each(['#DIV/0!', '#REF!', '#VALUE!', '#N/A'])('a formula error %s is invalid with the error as text', (e) => {
    expect(readNumber({ v: { error: e }, f: 'E4/F4' }, plain)).toEqual({ kind: 'invalid', reason: 'formulaError', text: e });
  });

  test('a formula never calculated is reported (noResult), not 0', () => {
    const cell: Cell = { v: null, f: 'SUM(E5:E7)', noResult: true };
    expect(readNumber(cell, plain)).toEqual({ kind: 'invalid', reason: 'noResult', text: '=SUM(E5:E7)' });
  });

  test('a date in a numeric cell is invalid, with the date as text', () => {
    expect(readNumber({ v: { date: '2026-09-30' } }, plain)).toEqual({ kind: 'invalid', reason: 'date', text: '2026-09-30' });
  });

  test('a serial number with a date format (how Office.js hands dates over) is a date, not 46000-odd', () => {
    // 2026-09-30: days from 1899-12-30 = 46295 (worked out: 1900-01-01 is serial 1; 2026-01-01 is 46023; + 272 days)
    expect(readNumber({ v: 46295, fmt: 'yyyy-mm-dd' }, plain)).toEqual({ kind: 'invalid', reason: 'date', text: '2026-09-30' });
    expect(readNumber({ v: 46295, fmt: 'm"月"d"日"' }, plain)).toMatchObject({ kind: 'invalid', reason: 'date' });
  });

  test('a boolean in a numeric cell is invalid', () => {
    expect(readNumber({ v: true }, plain)).toEqual({ kind: 'invalid', reason: 'boolean', text: 'TRUE' });
  });

  test('a non-finite number is invalid', () => {
    expect(readNumber({ v: Number.NaN }, plain).kind).toBe('invalid');
  });

  test('a huge percent-formatted number that would overflow when scaled is invalid, not Infinity', () => {
    expect(readNumber({ v: -1.7e307, fmt: '%' }, pct).kind).toBe('invalid');
  });
});

describe('number formats', () => {
  test.each([
    ['yyyy-mm-dd', true],
    ['m/d/yy', true],
    ['[$-804]yyyy"年"m"月"', true],
    ['h:mm', true],
    ['[h]:mm:ss', true],
    ['0.0', false],
    ['#,##0.00', false],
    ['0"万元"', false],
    ['0.0%', false],
    ['General', false],
    ['0.00E+00', false],
    ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', false],
    ['#,##0;[Red]-#,##0', false],
  ])('%s is a date format: %s', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });

  test('unit from a number format: 0"万元" → 万元, #,##0.00"亿元" → 亿元, unknown literal → null', () => {
    expect(unitFromFormat('0"万元"')).toBe('万元');
    expect(unitFromFormat('#,##0.00"亿元"')).toBe('亿元');
    expect(unitFromFormat('0"吨"')).toBeNull();
    expect(unitFromFormat(undefined)).toBeNull();
  });

  test('a number whose format carries a unit reports it', () => {
    expect(readNumber({ v: 3.5, fmt: '0.0"亿元"' }, plain)).toEqual({ kind: 'number', value: 3.5, fromText: false, unit: '亿元', shown: 1 });
  });

  test('serialToIso: serial 1 is 1899-12-31 in this arithmetic (Excel says 1900-01-01: the 1900 leap-year bug, before March 1900 only)', () => {
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(45658)).toBe('2025-01-01');
  });
});

describe('readNumber is total', () => {
  test('never throws whatever the cell holds', () => {
    const scalar = fc.oneof(
      anyString,
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.record({ error: fc.string() }),
      fc.record({ date: fc.string() }),
    );
    const cell = fc.record(
      { v: scalar, f: fc.string(), fmt: fc.string(), noResult: fc.constant(true as const) },
      { requiredKeys: ['v'] },
    );
    fc.assert(
      fc.property(cell, fc.boolean(), (c, percent) => {
        const r = readNumber(c, { percent });
        expect(['number', 'nodata', 'invalid']).toContain(r.kind);
        if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
