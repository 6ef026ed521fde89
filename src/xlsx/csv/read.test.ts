/**
 * Delimited text: the delimiter Excel would use, RFC 4180 quoting, cells typed as Excel types them
 * on opening (with leading zeros and dates kept as written), the bounds refused while parsing, and a
 * property: any table of text fields written as CSV reads back field for field.
 */
import fc from 'fast-check';
import { DEFAULT_INSPECT_LIMITS } from '../guard/limits';
import { typedText } from '../grid/typed-text';
import { detectDelimiter, readDelimited } from './read';

const read = (text: string): unknown => readDelimited(text, 'S', DEFAULT_INSPECT_LIMITS).rows;
const code = (text: string, limits = DEFAULT_INSPECT_LIMITS): string => {
  try {
    readDelimited(text, 'S', limits);
    return 'read';
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('delimiters', () => {
  it('takes the candidate found equally often on most lines, and a sep= line over anything', () => {
    expect(detectDelimiter('a,b;c\n1,2;3\n4,5;6')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2,5;3\n4;5;6')).toBe(';');
    expect(detectDelimiter('名称\t本月\n工业,总产值\t45210')).toBe('\t');
    expect(detectDelimiter('"a,b";c\n"d,e";f')).toBe(';');
    expect(read('sep=;\na,b;c\n')).toEqual([[{ v: 'a,b' }, { v: 'c' }]]);
  });
});

describe('fields', () => {
  it('reads quotes, doubled quotes, line breaks inside quotes, CRLF and empty fields', () => {
    expect(read('"指标,名称","说""明""",x\r\n"多\r\n行",,3\r\n')).toEqual([
      [{ v: '指标,名称' }, { v: '说"明"' }, { v: 'x' }],
      [{ v: '多\n行' }, undefined, { v: 3 }],
    ]);
  });

  it('keeps empty lines as empty rows and drops trailing ones', () => {
    expect(read('a\n\nb\n\n\n')).toEqual([[{ v: 'a' }], [], [{ v: 'b' }]]);
  });

  it('types numbers as Excel does, keeping leading zeros and dates as written', () => {
    expect(read('01,1,-2.5,"81,738.2",12.3%,1e3,TRUE,#DIV/0!,2026-09-01,2026年9月,８１７３８,1,2')).toEqual([
      [{ v: '01' }, { v: 1 }, { v: -2.5 }, { v: 81738.2 }, { v: 0.123, fmt: '0.0%' }, { v: 1000 }, { v: true }, { v: { error: '#DIV/0!' } }, { v: '2026-09-01' }, { v: '2026年9月' }, { v: '８１７３８' }, { v: 1 }, { v: 2 }],
    ]);
  });
});

describe('bounds', () => {
  it('refuses a field over 32,767 characters, quoted or not, and an unterminated quote running past it', () => {
    expect(code('x'.repeat(32_768))).toBe('E_CELL_TOO_LONG');
    expect(code('"' + 'x'.repeat(32_768) + '"')).toBe('E_CELL_TOO_LONG');
    expect(code('a,"' + 'b\n'.repeat(20_000))).toBe('E_CELL_TOO_LONG');
    expect(code('x'.repeat(32_767))).toBe('read');
  });

  it('refuses more than 16,384 columns, 1,048,576 rows or the cell limit', () => {
    expect(code(','.repeat(16_384))).toBe('E_COL_LIMIT');
    expect(code('\n'.repeat(1_048_576) + 'x')).toBe('E_ROW_LIMIT');
    expect(code('1,2\n'.repeat(6), { ...DEFAULT_INSPECT_LIMITS, maxCells: 10 })).toBe('E_TOO_LARGE');
  });
});

describe('round trip', () => {
  it('reads back any table of text fields written as CSV', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '盘', ',', '"', '\n', ' ', '锦', 'x'), maxLength: 6 }).filter((s) => s.trim() !== '' && typedText(s)?.v === s);
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(read(text)).toEqual(rows.map((r) => r.map((v) => ({ v }))));
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
